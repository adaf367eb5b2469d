"""MkDocs plugin: validate the rules, then hand the generated pages and assets to MkDocs.

It only orchestrates: loading lives in checker.loader, pages in checker.site.
"""

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from .errors import RulesError
from .loader import load_rules
from .site import generate_pages

__all__ = ["PolicyPlugin", "PolicyConfig"]

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).resolve().parent / "site" / "assets"


class PolicyConfig(base.Config):
    rules = c.Type(str, default="rules")
    """Folder of rules files, relative to mkdocs.yml."""

    audience = c.Choice(("staff", "public"), default="staff")
    """Which site this build is: the staff handbook, or the public site with public rules only."""

    mermaid = c.Type(str, default="node_modules/mermaid/dist/mermaid.min.js")
    """The pinned Mermaid build (installed by `npm ci`) served with the staff site."""


class PolicyPlugin(BasePlugin[PolicyConfig]):
    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        try:
            self.bundle = load_rules(self.root / self.config.rules, base=self.root)
        except RulesError as error:
            raise PluginError("the rules have problems; the site was not built:\n" + "\n".join(map(str, error.problems))) from None
        self.assets = {"assets/handbook.css": ASSETS / "handbook.css", "assets/handbook.js": ASSETS / "handbook.js"}
        if self.config.audience == "staff":
            mermaid = self.root / self.config.mermaid
            if not mermaid.is_file():
                raise PluginError(f"{self.config.mermaid} is missing; run `npm ci` (`make serve` does it) to install the pinned Mermaid")
            self.assets["assets/vendor/mermaid.min.js"] = mermaid  # loaded by handbook.js on flow pages only
        config.extra_css.append("assets/handbook.css")
        config.extra_javascript.append("assets/handbook.js")
        return config

    def on_files(self, files, *, config):
        for path, markdown in generate_pages(self.bundle, self.config.audience).items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} would hide the page generated from the rules; remove the hand-written file")
            files.append(File.generated(config, path, content=markdown))
        for path, source in self.assets.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        log.debug("generated %d pages from %d rules", len(files), len(self.bundle["rules"]))
        return files
