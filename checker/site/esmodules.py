"""The ES modules a page fetches from a pinned package, read from the package's own files: the
static imports followed from an entry, and the modules it imports at start-up. Flow pages preload
the modules a flowchart needs; the service worker keeps at once only the PyScript modules the
checker page loads. Nothing here is copied from a package: the site ships the files as they are.
"""

import re
from pathlib import Path

__all__ = ["MERMAID", "MERMAID_SITE", "flowchart_modules", "mermaid_files", "pyscript_startup"]

MERMAID = "mermaid/dist/mermaid.esm.min.mjs"  # in node_modules: the pinned Mermaid's ES module entry
MERMAID_SITE = "assets/vendor/mermaid"  # where a staff site serves it (handbook.js imports mermaid.mjs there)

# `import"./a.mjs"` and `import{x}from"./a.mjs"` as minified builds write them; `import("./a.mjs")`
# (a dynamic import, made only when that code runs) has a parenthesis and is not matched.
_STATIC = re.compile(r'(?:\bimport|\bfrom)\s*"(\.{1,2}/[^"]+)"')
# PyScript's table of the plugins it loads as it starts: `"py-editor":()=>import("./py-editor-….js")`.
_PLUGIN = re.compile(r'(?:"[\w-]+"|\b[\w$]+):\(\)=>import\("(\./[^"]+)"\)')


def static_closure(starts):
    """Every module file ``starts`` import statically, directly or not, ``starts`` included."""
    seen, waiting = [], [Path(path).resolve() for path in starts]
    while waiting:
        path = waiting.pop(0)
        if path in seen or not path.is_file():
            continue
        seen.append(path)
        waiting += [(path.parent / name).resolve() for name in _STATIC.findall(path.read_text(encoding="utf-8"))]
    return seen


def _chunks(entry):
    """The folder of chunks a Mermaid entry imports (its imports name chunks/<entry's name>/)."""
    return entry.parent / "chunks" / entry.name.removesuffix(".mjs")


def mermaid_files(entry):
    """{site path: file} of Mermaid's ES module build: its entry, as assets/vendor/mermaid/mermaid.mjs,
    and every chunk it may import, at the same place beside it. A page fetches only the chunks
    its kind of chart needs (a flowchart: about a quarter of the library)."""
    entry = Path(entry)
    found = sorted(_chunks(entry).glob("*.mjs"))
    if not entry.is_file() or not found:
        return {}
    files = {f"{MERMAID_SITE}/mermaid.mjs": entry}
    files.update((f"{MERMAID_SITE}/{path.relative_to(entry.parent).as_posix()}", path) for path in found)
    return files


def flowchart_modules(entry):
    """The site paths of the modules Mermaid fetches to draw a flowchart: the entry's static
    imports, the flowchart diagram it loads on seeing `flowchart`, and the default layout (dagre).
    tests/test_browser_flowcharts.py checks a flow page fetches exactly these."""
    entry = Path(entry).resolve()
    chunks = _chunks(entry)
    modules = static_closure([entry, *sorted(chunks.glob("flowDiagram-*.mjs")), *sorted(chunks.glob("dagre-*.mjs"))])
    site = {path: shipped for shipped, path in mermaid_files(entry).items()}
    return [site[path] for path in modules if path in site]  # the entry first


def pyscript_startup(dist):
    """The file names in @pyscript/core's dist that a PyScript page loads as it starts: core.js,
    core.css, what core.js imports, and the plugins PyScript's core imports at start."""
    dist = Path(dist).resolve()
    modules = static_closure([dist / "core.js"])
    plugins = [(path.parent / name).resolve() for path in modules for name in _PLUGIN.findall(path.read_text(encoding="utf-8"))]
    return {"core.css"} | {path.name for path in static_closure(modules + plugins)}
