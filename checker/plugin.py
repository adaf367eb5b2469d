"""MkDocs plugin: validate the rules, then hand the generated pages and assets to MkDocs.

It only orchestrates: loading lives in checker.loader, pages in checker.site.
"""

import copy
import os
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from .errors import RulesError, UsageError, say
from .loader import load_rules
from .resources import SNAPSHOT_ENV, node_modules
from .site.markup import LANGUAGES
from .site.tree import TEMPLATES, markdown_options, site_files, site_nav

__all__ = ["PolicyPlugin", "PolicyConfig"]

log = get_plugin_logger(__name__)


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


class PolicyConfig(base.Config):
    rules = c.Type(str, default="rules")
    """Folder of rules files, relative to mkdocs.yml."""

    audience = c.Choice(("staff", "public"), default="staff")
    """Which site this build is: the staff handbook, or the public site with public rules only."""

    mermaid = c.Type(str, default="")
    """The Mermaid build served with the staff site: an ES module entry, with the chunks it imports in
    chunks/<its name>/ beside it (default: the pinned package's dist/mermaid.esm.min.mjs)."""

    checker = c.Type(bool, default=True)
    """Add the in-browser case checker page (`checker/`)."""

    runtime = c.Choice(("micropython", "pyodide"), default="micropython")
    """The Python the checker runs on in the browser: MicroPython (small, fast) or Pyodide."""

    node_modules = c.Type(str, default="node_modules")
    """Where `npm ci` put the pinned PyScript, MicroPython, Mermaid and Pyodide packages; when there
    is no such folder, the copies the installed tool carries (without Pyodide)."""

    language = c.Choice(("zh", "en", "both"), default="both")
    """The language every generated page speaks; `both` shows Chinese with English under it."""

    alternate = c.Type(str, default="")
    """The config file of the same site in the other language, relative to this one; built
    after this site into its `<other language>/` folder (so `mkdocs build` and `serve` make both)."""


class PolicyPlugin(BasePlugin[PolicyConfig]):
    # Set by the build that starts this one for the other language (on_post_build): what
    # that build read, as (root, rules folder, bundle).
    read_by_first_language = None
    # During `serve` (on_startup keeps this instance across rebuilds): the last rules that
    # loaded, and the problems of the rules as saved now, shown on every page as a banner.
    serving = False
    last_good = None
    rules_error = None
    first_language_error = None  # set by the first language's build for the other language's

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        rules_dir, base = self.root / self.config.rules, self.root
        if os.environ.get(SNAPSHOT_ENV):  # `make build`: every site from one copy of the rules
            rules_dir = Path(os.environ[SNAPSHOT_ENV])
            base = rules_dir.parent
        self.rules_dir = rules_dir
        lang = self._lang()
        # With on_startup, MkDocs gives every load of this config scheme the same instance (the
        # other language's build included): what the first language hands over is used once.
        shared, self.read_by_first_language = self.read_by_first_language, None
        self.rules_error, self.first_language_error = self.first_language_error, None
        try:
            self.bundle = self._shared_bundle(shared, rules_dir) or load_rules(rules_dir, base=base)
        except RulesError as error:
            if not (self.serving and self.last_good):
                heading = say("规则有问题，网站没有生成：", "the rules have problems; the site was not built:")
                raise PluginError("\n".join([heading[lang], *error.lines(lang)])) from None
            heading = say(
                "规则有问题，预览仍是上一次正确的规则：", "the rules have problems; the preview keeps the last good rules:"
            )
            log.error("\n".join([heading[lang], *error.lines(lang)]))
            self.rules_error, self.bundle = error, copy.deepcopy(self.last_good)
        else:
            if self.serving:
                self.last_good = copy.deepcopy(self.bundle)
        if config.nav is not None:
            # The theme prints a nav title as HTML, and escapes it in attributes (a footer link's
            # aria-label) unless it is marked as HTML already: escape() does both, once, here.
            config.nav = site_nav(
                self.bundle, self.config.audience, self.config.language, config.nav, checker=self.config.checker, mark=escape
            )
        config.mdx_configs.setdefault("toc", {}).update(markdown_options(self.config.language)["toc"])
        config.theme.dirs.insert(0, str(TEMPLATES))  # our page templates before the theme's own
        config.extra_css.append("assets/handbook.css")
        config.extra_javascript.append("assets/handbook.js")
        return config

    def _lang(self):
        """The language of this build's messages (`both` reads Chinese first)."""
        return "en" if self.config.language == "en" else "zh"

    def _shared_bundle(self, shared, rules_dir):
        """The rules as the first language's build read them, when this build is its other
        language over the same folder: one read per build, so a file saved while a build runs
        gives both languages the old rules or both the new, never one of each."""
        if shared is None or shared[:2] != (self.root, rules_dir):
            return None
        return copy.deepcopy(shared[2])

    def on_env(self, env, *, config, files):
        if env.bytecode_cache is None:
            env.bytecode_cache = _TEMPLATES
        return env

    def on_files(self, files, *, config):
        try:
            generated = site_files(
                self.bundle,
                self.config.audience,
                self.config.language,
                name=config.site_name,
                runtime=self.config.runtime,
                checker=self.config.checker,
                node_modules=node_modules(self.root / self.config.node_modules),
                mermaid=self.root / self.config.mermaid if self.config.mermaid else None,
            )
        except UsageError as error:
            raise PluginError(error.message[self._lang()]) from None
        for path, content in generated.items():
            if path.endswith(".md") and files.get_file_from_path(path) is not None:
                hidden = say(
                    f"docs/{path} 会挡住由规则生成的页面；请删掉这个手写文件",
                    f"docs/{path} would hide the page generated from the rules; remove the hand-written file",
                )
                raise PluginError(hidden[self._lang()])
            if isinstance(content, Path):
                files.append(File.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=content))
        log.debug("generated %d files from %d rules", len(generated), len(self.bundle["rules"]))
        return files

    def on_post_page(self, output, *, page, config):
        """While serving rules with problems: a banner on every page that lists them."""
        if self.rules_error is None:
            return output
        return problems_banner(output, self.rules_error, self._lang())

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
                plugin.read_by_first_language = (self.root, self.rules_dir, self.bundle)
                plugin.first_language_error = self.rules_error
        build(alternate)


def problems_banner(html, error, lang):
    """``html`` with a banner after its <body> tag: the rules' problems, each at its file:line:col."""
    heading = say(
        "规则有问题：这是上一次正确的规则生成的预览。请改正以下问题并保存：",
        "The rules have problems: this preview is from the last good rules. Fix these and save:",
    )
    items = "".join(f"<li>{escape(line)}</li>" for line in error.lines(lang))
    banner = f'<div class="rules-problems" role="alert"><p>{escape(heading[lang])}</p><ul>{items}</ul></div>'
    at = html.find(">", html.find("<body")) + 1
    return html[:at] + banner + html[at:] if at > 0 else banner + html
