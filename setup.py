"""Wheel build step: the installed tool carries what a shop's build needs beside the code.

Copied into the wheel's checker/data/ (never into the source tree, never committed): the rules
schema, the pinned browser runtimes from the npm packages `npm ci` installed (PyScript core,
MicroPython, Mermaid, MiniSearch; Pyodide stays out: 13 MB, see README), and the example shop
that `policy-checker new` starts from. Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# (source under node_modules, files or patterns): the runtimes a site build copies (checker/site/tree.py)
RUNTIMES = {
    "@pyscript/core/dist": ("*.js", "*.css"),
    "@micropython/micropython-webassembly-pyscript": ("micropython.mjs", "micropython.wasm", "package.json"),
    "mermaid/dist": ("mermaid.esm.min.mjs",),
    "mermaid/dist/chunks/mermaid.esm.min": ("*.mjs",),  # the chunks the entry imports
    "minisearch/dist/umd": ("index.js",),
}


class BuildWithData(build_py):
    def run(self):
        shutil.rmtree(Path(self.build_lib) / "checker", ignore_errors=True)  # no module a move left behind
        super().run()
        if self.editable_mode:  # a checkout (`pip install -e .`) reads these where they are
            return
        data = Path(self.build_lib) / "checker" / "data"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        shutil.copyfile(HERE / "rules" / "schema" / "rules.schema.json", data / "rules.schema.json")
        modules = HERE / "node_modules"
        for folder, patterns in RUNTIMES.items():
            found = [path for pattern in patterns for path in sorted((modules / folder).glob(pattern))]
            if not found:
                raise SystemExit(f"node_modules/{folder} is missing: run `npm ci` before building the wheel (`make wheel` does)")
            for path in found:
                target = data / "vendor" / folder / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        ignore = shutil.ignore_patterns("site", "site-public", "build", "__pycache__")
        shutil.copytree(HERE / "examples" / "office-equipment", data / "starter", ignore=ignore)


setup(cmdclass={"build_py": BuildWithData})
