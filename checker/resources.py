"""Where the tool finds what it ships beside its code: the rules schema, the pinned browser
runtimes and the starter shop. An installed wheel carries them in ``checker/data/`` (copied in
when the wheel is built: setup.py); a checkout uses this repository's own files and the npm
packages `npm ci` installed. Nothing here is committed twice: the wheel's copies are made at
build time and never checked in.
"""

from pathlib import Path

__all__ = ["DATA", "REPOSITORY", "SNAPSHOT_ENV", "node_modules", "schema_path", "starter_shop"]

# Set by `make build` (checker/commands/publish.py) for each site it builds: the one copy of the
# rules folder every site and language of that build reads (checker/plugin.py).
SNAPSHOT_ENV = "POLICY_CHECKER_RULES_SNAPSHOT"

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
REPOSITORY = PACKAGE.parent


def schema_path():
    """The JSON Schema of every rules file."""
    shipped = DATA / "rules.schema.json"
    return shipped if shipped.is_file() else REPOSITORY / "rules" / "schema" / "rules.schema.json"


def node_modules(configured=None):
    """The folder holding the pinned npm packages (same layout as node_modules): the one a site's
    config names if it exists, else the wheel's copy, else this repository's."""
    for folder in (configured, DATA / "vendor", REPOSITORY / "node_modules"):
        if folder is not None and (Path(folder) / "@pyscript" / "core").is_dir():  # one that holds them
            return Path(folder)
    return Path(configured) if configured is not None else REPOSITORY / "node_modules"


def starter_shop():
    """The shop folder ``policy-checker new`` copies: the example office-equipment seller."""
    shipped = DATA / "starter"
    return shipped if shipped.is_dir() else REPOSITORY / "examples" / "office-equipment"
