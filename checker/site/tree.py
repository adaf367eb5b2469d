"""Every file a site gets from the rules, beside its hand-written pages: the generated pages,
the checker's page, data and Python, the search index, our scripts and styles, and the pinned
browser runtimes. One function, so the MkDocs plugin and ``policy-checker generate`` (a plain
docs tree any MkDocs-compatible builder reads) hand over the same files. No MkDocs import.
"""

import hashlib
import json
from pathlib import Path

from ..browser.shipped import split as split_by_flow
from ..errors import UsageError, say
from ..wording import word
from .checker_page import checker_data, checker_page, training_data
from .esmodules import MERMAID, flowchart_modules, mermaid_files, pyscript_startup
from .history import as_of
from .markup import speaking, text
from .pages import closing_navigation, generate_pages, navigation
from .pybundle import BUNDLE, UNPACKER, bundle_members, python_bundle
from .search import INDEX_PATH, search_index

__all__ = [
    "ASSETS",
    "PACKAGE",
    "TEMPLATES",
    "engine_sources",
    "markdown_options",
    "place_generated",
    "site_files",
    "site_nav",
]

PACKAGE = Path(__file__).resolve().parent.parent
ASSETS = PACKAGE / "site" / "assets"
TEMPLATES = PACKAGE / "site" / "templates"
_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


def engine_sources():
    """The Python files the browser checker imports: the engine and the browser's pure modules
    (and app.py, the DOM glue, which the page's one-line script imports)."""
    return [
        PACKAGE / "__init__.py",
        *sorted((PACKAGE / "engine").glob("*.py")),
        *sorted((PACKAGE / "browser").glob("*.py")),
    ]


def checker_bundle(data, runtime):
    """The one file of the checker's Python and data (split by flow), as the browser gets it."""
    members = bundle_members(engine_sources(), PACKAGE.parent, runtime)
    for name, value in split_by_flow(data).items():
        members[name] = json.dumps(value, **_COMPACT).encode("utf-8")
    return python_bundle(members)


def _missing(what, where):
    return UsageError(
        say(
            f"找不到 {where}；请运行 `npm ci`（`make serve` 会运行）安装固定版本的 {what}",
            f"{where} is missing; run `npm ci` (`make serve` does it) to install the pinned {what}",
        )
    )


PYSCRIPT_DIST = "@pyscript/core/dist"  # in node_modules
PYSCRIPT_SITE = "assets/vendor/pyscript/"


def _vendored(node_modules, runtime):
    """{site path: file} of the pinned browser runtimes the checker runs on."""
    vendor = {
        "pyscript": (node_modules / PYSCRIPT_DIST, ("*.js", "*.css")),
        "micropython": (node_modules / "@micropython/micropython-webassembly-pyscript", ("micropython.mjs", "micropython.wasm")),
    }
    if runtime == "pyodide":
        vendor["pyodide"] = (node_modules / "pyodide", ("*.mjs", "*.wasm", "*.zip", "pyodide-lock.json", "pyodide.js"))
    files = {}
    for name, (folder, patterns) in vendor.items():
        found = [path for pattern in patterns for path in sorted(folder.glob(pattern))]
        if not found:
            raise _missing(name, folder)
        files.update((f"assets/vendor/{name}/{path.name}", path) for path in found)
    return files


def checker_files(bundle, audience, runtime, node_modules):
    """The checker page, its data, its Python and its runtimes; none when the site has no checker."""
    data = checker_data(bundle, audience)
    if not data["modes"]:
        return {}
    vendored = _vendored(node_modules, runtime)
    files = {
        "checker.md": checker_page(data, runtime, sorted(vendored)),
        f"assets/checker/{BUNDLE}": checker_bundle(data, runtime),
        "assets/checker/boot.js": ASSETS / "checker" / "boot.js",
        f"assets/checker/{UNPACKER}": ASSETS / "checker" / UNPACKER,
    }
    if data["training"]:
        files["assets/checker/training.json"] = json.dumps(training_data(bundle), **_COMPACT)
    files.update(vendored)
    return files


def site_files(
    bundle, audience, language, *, name=None, runtime="micropython", checker=True, node_modules, mermaid=None, today=None
):
    """{path inside the docs tree: text, or the file to copy} for one site in one language
    (``language``: "zh", "en" or "both"; ``name``: the site's name, which the print cover repeats)."""
    node_modules = Path(node_modules)
    files = {
        "assets/handbook.css": ASSETS / "handbook.css",
        "assets/handbook.js": ASSETS / "handbook.js",
        "assets/search/worker.js": ASSETS / "search" / "worker.js",  # the search box's worker (main.html)
        "assets/search/box.js": ASSETS / "search" / "box.js",  # the box on the checker page (checker.html)
        "assets/vendor/minisearch.js": node_modules / "minisearch/dist/umd/index.js",
    }
    for shipped, path in files.items():
        if not path.is_file():
            raise _missing(shipped.rsplit("/", 1)[-1], path)
    charts, later = (), set()  # later: files kept offline only once a page has used them
    if audience == "staff":  # flowcharts, drawn by handbook.js on flow pages only
        entry = Path(mermaid) if mermaid else node_modules / MERMAID
        shipped = mermaid_files(entry)
        if not shipped:
            raise _missing("Mermaid", entry)
        files.update(shipped)
        charts, later = flowchart_modules(entry), set(shipped)
    shown = as_of(bundle, today)  # pages and search: the rules in force today; the checker: every version
    with speaking(language):
        files.update(generate_pages(shown, audience, name, chart_modules=charts))
        if checker:
            files.update(checker_files(dict(bundle, recent=shown["recent"]), audience, runtime, node_modules))
        files[INDEX_PATH] = json.dumps(search_index(shown, audience, checker=checker), **_COMPACT)
    pyscript = [path for path in files if path.startswith(PYSCRIPT_SITE)]
    if pyscript:
        startup = pyscript_startup(node_modules / PYSCRIPT_DIST)
        later |= {path for path in pyscript if path.rsplit("/", 1)[-1] not in startup}
    files["sw.js"] = service_worker(files, later)
    return files


def service_worker(files, later=()):
    """The site's offline copy (assets/sw.js): versioned by every byte this build generates, so a
    rebuild that changes any of them replaces the readers' cache on their next visit, and told
    which files the build ships beside its pages: it keeps them at once, except ``later`` (Mermaid,
    the PyScript modules the checker never loads), kept when a page first uses them. Pages are
    kept as readers' pages link them."""
    digest = hashlib.sha256()
    for path in sorted(files):
        content = files[path]
        content = content.read_bytes() if isinstance(content, Path) else content
        digest.update(path.encode() + b"\0" + (content if isinstance(content, bytes) else content.encode("utf-8")) + b"\0")
    shipped = ["./"] + sorted(path for path in files if not path.endswith(".md"))
    source = (ASSETS / "sw.js").read_text(encoding="utf-8").replace("__VERSION__", digest.hexdigest()[:16])
    return source.replace("__FILES__", json.dumps(shipped)).replace("__LATER__", json.dumps(sorted(later)))


def markdown_options(language):
    """Settings of the Markdown extensions that speak to the reader: the tooltip of each
    heading's permanent link, in the site's language."""
    with speaking(language):
        return {"toc": {"permalink_title": text(word("policy.permalink"))}}


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


def site_nav(bundle, audience, language, nav, *, checker=True, mark=str):
    """The site's nav with the generated pages placed (``mark`` turns each title into what
    the site generator prints: the plugin marks them as HTML)."""
    with speaking(language):
        generated = navigation(bundle, audience)
        closing = closing_navigation(audience)
    without_checker = not checker or not checker_data(bundle, audience)["modes"]
    if without_checker:
        generated = [entry for entry in generated if entry[1] != "checker.md"]
    generated, closing = ([(mark(label), path) for label, path in entries] for entries in (generated, closing))
    placed = place_generated(nav, generated + closing) + [{label: path} for label, path in closing]
    return _without(placed, "checker.md") if without_checker else placed


def _without(nav, page):
    """The nav without entries for ``page`` (a site with no checker keeps no link to one)."""
    kept = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            kept.append({title: _without(value, page)})
        elif value != page:
            kept.append(item)
    return kept
