"""MkDocs plugin: validate the rules, then hand the generated pages and assets to MkDocs.

It only orchestrates: loading lives in checker.loader, pages in checker.site.
"""

import copy
import json
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from .errors import RulesError, say
from .loader import load_rules
from .site import generate_pages
from .site.checker_page import checker_data, checker_page, pyscript_config, training_data
from .site.markup import LANGUAGES, speaking
from .site.pages import closing_navigation, navigation
from .site.pyship import shipped_source
from .site.search import INDEX_PATH, search_index

__all__ = ["PolicyPlugin", "PolicyConfig"]

log = get_plugin_logger(__name__)
PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "site" / "assets"


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled code, kept in memory for the process. Jinja checks
    each template's source before using its code, and the code is kept apart for each way an
    environment can be set up, so a changed template or setting is compiled again. MkDocs
    compiles every template afresh for each build: that was a third of a build, and each site
    is two builds (one per language), each edit under `mkdocs serve` one more."""

    def __init__(self):
        self.code = {}

    @staticmethod
    def _setup(environment):
        """Everything of an environment that its compiled code depends on: its class, how it
        reads templates, its extensions, and how each filter and test is called."""
        reading = [getattr(environment, name) for name in _READING]
        escape = environment.autoescape
        calls = {
            kind: sorted((name, str(getattr(function, "jinja_pass_arg", ""))) for name, function in table.items())
            for kind, table in (("filters", environment.filters), ("tests", environment.tests))
        }
        return repr(
            (
                type(environment).__qualname__,
                reading,
                sorted(environment.extensions),
                escape if isinstance(escape, bool) else getattr(escape, "__qualname__", type(escape).__qualname__),
                environment.finalize is not None,
                sorted(calls.items()),
            )
        )

    def load_bytecode(self, bucket):
        code = self.code.get((self._setup(bucket.environment), bucket.key))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.code[(self._setup(bucket.environment), bucket.key)] = bucket.bytecode_to_string()


_READING = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
)  # fmt: skip
_TEMPLATES = _CompiledTemplates()


def engine_sources():
    """The Python files the browser checker imports: the engine and the browser's pure modules
    (app.py, the DOM glue, is the page's script and ships on its own)."""
    return [
        PACKAGE / "__init__.py",
        *sorted((PACKAGE / "engine").glob("*.py")),
        *sorted(path for path in (PACKAGE / "browser").glob("*.py") if path.name != "app.py"),
    ]


def _folder(path):
    return path.rsplit("/", 1)[0] if "/" in path else ""


def place_generated(nav, generated):
    """The nav with the generated pages, in the rules' order, right after their folder's
    ``index.md``; a hand-written entry for a generated page is dropped, so the rules decide."""
    paths = {path for _, path in generated}
    placed = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            placed.append({title: place_generated(value, generated)})
            continue
        if value in paths:
            continue
        placed.append(item)
        if value.rsplit("/", 1)[-1] == "index.md":
            placed += [{label: path} for label, path in generated if _folder(path) == _folder(value)]
    return placed


class PolicyConfig(base.Config):
    rules = c.Type(str, default="rules")
    """Folder of rules files, relative to mkdocs.yml."""

    audience = c.Choice(("staff", "public"), default="staff")
    """Which site this build is: the staff handbook, or the public site with public rules only."""

    mermaid = c.Type(str, default="node_modules/mermaid/dist/mermaid.min.js")
    """The pinned Mermaid build (installed by `npm ci`) served with the staff site."""

    checker = c.Type(bool, default=True)
    """Add the in-browser case checker page (`checker/`)."""

    runtime = c.Choice(("micropython", "pyodide"), default="micropython")
    """The Python the checker runs on in the browser: MicroPython (small, fast) or Pyodide."""

    node_modules = c.Type(str, default="node_modules")
    """Where `npm ci` put the pinned PyScript, MicroPython and Pyodide packages."""

    language = c.Choice(("zh", "en", "both"), default="both")
    """The language every generated page speaks; `both` shows Chinese with English under it."""

    alternate = c.Type(str, default="")
    """The config file of the same site in the other language, relative to this one; built
    after this site into its `<other language>/` folder (so `mkdocs build` and `serve` make both)."""


class PolicyPlugin(BasePlugin[PolicyConfig]):
    # Set by the build that starts this one for the other language (on_post_build): what
    # that build read, as (root, rules folder, bundle).
    read_by_first_language = None

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        rules_dir = self.root / self.config.rules
        try:
            self.bundle = self._shared_bundle(rules_dir) or load_rules(rules_dir, base=self.root)
        except RulesError as error:
            lang = "en" if self.config.language == "en" else "zh"  # `both` reads Chinese first
            heading = say("规则有问题，网站没有生成：", "the rules have problems; the site was not built:")
            raise PluginError("\n".join([heading[lang], *error.lines(lang)])) from None
        self.assets = {
            "assets/handbook.css": ASSETS / "handbook.css",
            "assets/handbook.js": ASSETS / "handbook.js",
            "assets/search/worker.js": ASSETS / "search" / "worker.js",  # the search box's worker (main.html)
            "assets/search/box.js": ASSETS / "search" / "box.js",  # the box on the checker page (checker.html)
        }
        minisearch = self.root / self.config.node_modules / "minisearch/dist/umd/index.js"
        if not minisearch.is_file():
            raise PluginError(f"{minisearch} is missing; run `npm ci` (`make serve` does it) to install the pinned MiniSearch")
        self.assets["assets/vendor/minisearch.js"] = minisearch
        if self.config.audience == "staff":
            mermaid = self.root / self.config.mermaid
            if not mermaid.is_file():
                raise PluginError(
                    f"{self.config.mermaid} is missing; run `npm ci` (`make serve` does it) to install the pinned Mermaid"
                )
            self.assets["assets/vendor/mermaid.min.js"] = mermaid  # loaded by handbook.js on flow pages only
        if config.nav is not None:
            with speaking(self.config.language):
                generated = navigation(self.bundle, self.config.audience)
            if not self.config.checker or not checker_data(self.bundle, self.config.audience)["modes"]:
                generated = [entry for entry in generated if entry[1] != "checker.md"]
            with speaking(self.config.language):
                closing = closing_navigation(self.config.audience)
            # The theme prints a nav title as HTML, and escapes it in attributes (a footer link's
            # aria-label) unless it is marked as HTML already: escape() does both, once, here.
            generated, closing = ([(escape(label), path) for label, path in entries] for entries in (generated, closing))
            config.nav = place_generated(config.nav, generated + closing)
            config.nav += [{label: path} for label, path in closing]
        config.extra_css.append("assets/handbook.css")
        config.extra_javascript.append("assets/handbook.js")
        return config

    def _shared_bundle(self, rules_dir):
        """The rules as the first language's build read them, when this build is its other
        language over the same folder: one read per build, so a file saved while a build runs
        gives both languages the old rules or both the new, never one of each."""
        shared = self.read_by_first_language
        if shared is None or shared[:2] != (self.root, rules_dir):
            return None
        return copy.deepcopy(shared[2])

    def on_env(self, env, *, config, files):
        if env.bytecode_cache is None:
            env.bytecode_cache = _TEMPLATES
        return env

    def on_files(self, files, *, config):
        with speaking(self.config.language):
            pages = generate_pages(self.bundle, self.config.audience)
        for path, markdown in pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} would hide the page generated from the rules; remove the hand-written file")
            files.append(File.generated(config, path, content=markdown))
        if self.config.checker and checker_data(self.bundle, self.config.audience)["modes"]:
            with speaking(self.config.language):
                self.add_checker(files, config)
        with speaking(self.config.language):
            index = search_index(self.bundle, self.config.audience)
        files.append(File.generated(config, INDEX_PATH, content=json.dumps(index, ensure_ascii=False, separators=(",", ":"))))
        for path, source in self.assets.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        log.debug("generated %d pages from %d rules", len(files), len(self.bundle["rules"]))
        return files

    def on_post_build(self, *, config):
        """Build the other language's site into this site's folder, as strictly as this one."""
        if not self.config.alternate:
            return
        other = next(lang for lang in LANGUAGES if lang != self.config.language)
        alternate = load_config(
            str(self.root / self.config.alternate), site_dir=str(Path(config.site_dir) / other), strict=config.strict
        )
        for plugin in alternate.plugins.values():
            if isinstance(plugin, PolicyPlugin):
                plugin.read_by_first_language = (self.root, self.root / self.config.rules, self.bundle)
        build(alternate)

    def add_checker(self, files, config):
        data = checker_data(self.bundle, self.config.audience)
        runtime = self.config.runtime
        files.append(File.generated(config, "checker.md", content=checker_page(data, runtime)))
        compact = {"ensure_ascii": False, "separators": (",", ":")}
        files.append(File.generated(config, "assets/checker/rules.json", content=json.dumps(data, **compact)))
        if data["training"]:
            files.append(
                File.generated(config, "assets/checker/training.json", content=json.dumps(training_data(self.bundle), **compact))
            )
        engine = [p.relative_to(PACKAGE.parent).as_posix() for p in engine_sources()]
        files.append(File.generated(config, "assets/checker/pyscript.json", content=pyscript_config(runtime, engine)))
        self.assets["assets/checker/boot.js"] = ASSETS / "checker" / "boot.js"
        shipped = {"assets/checker/app.py": PACKAGE / "browser" / "app.py"}
        for source in engine_sources():
            shipped[f"assets/checker/py/{source.relative_to(PACKAGE.parent).as_posix()}"] = source
        for path, source in shipped.items():
            files.append(File.generated(config, path, content=shipped_source(source)))
        modules = self.root / self.config.node_modules
        vendor = {
            "pyscript": (modules / "@pyscript/core/dist", ("*.js", "*.css")),
            "micropython": (modules / "@micropython/micropython-webassembly-pyscript", ("micropython.mjs", "micropython.wasm")),
        }
        if runtime == "pyodide":
            vendor["pyodide"] = (modules / "pyodide", ("*.mjs", "*.wasm", "*.zip", "pyodide-lock.json", "pyodide.js"))
        for name, (folder, patterns) in vendor.items():
            found = [path for pattern in patterns for path in sorted(folder.glob(pattern))]
            if not found:
                raise PluginError(f"{folder} is missing; run `npm ci` (`make serve` does it) to install the pinned {name}")
            for path in found:
                self.assets[f"assets/vendor/{name}/{path.name}"] = path
