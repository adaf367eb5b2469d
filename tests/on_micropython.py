"""Run a module of tests/micropython/ on MicroPython under Node and on CPython, for parity tests.

MicroPython gets the checker's Python exactly as the browser does (the bundle the site ships,
unpacked by the page's own unpack.js, modules precompiled to .mpy), so a parity test also checks that
nothing the browser needs is left out and that the .mpy files match the runtime.
"""

import base64
import importlib.util
import json
import shutil
import subprocess

import pytest
from conftest import ROOT

from checker.site.pybundle import unbundled
from checker.site.tree import checker_bundle

SCRIPTS = ROOT / "tests" / "micropython"
MICROPYTHON = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs"


def shipped_bundle():
    """The checker's bundle as the site ships it (unpacked into /lib before the module runs; its
    data is left empty, each test brings its own), in base64."""
    shipped = checker_bundle({}, "micropython")
    names = unbundled(shipped)
    assert any(name.endswith(".mpy") for name in names) and not any(name.endswith(".py") for name in names)
    return base64.b64encode(shipped).decode()


def run_on_micropython(module, inputs, folder):
    """``main(inputs)`` of tests/micropython/<module>.py as MicroPython returns it."""
    if shutil.which("node") is None or not MICROPYTHON.exists():
        pytest.fail("MicroPython parity needs node and the npm packages: run `make test` (it runs npm ci)")
    job = folder / (module + ".json")
    files = {"/lib/" + module + ".py": (SCRIPTS / (module + ".py")).read_text(encoding="utf-8")}
    job_data = {"bundle": shipped_bundle(), "files": files, "module": module, "input": inputs}
    job.write_text(json.dumps(job_data, ensure_ascii=False), "utf-8")
    run = subprocess.run(["node", str(SCRIPTS / "run.mjs"), str(job)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout)
    assert report["implementation"] == "micropython"
    return report["result"]


def run_on_cpython(module, inputs):
    """The same module's ``main(inputs)`` on CPython, as JSON would carry it."""
    spec = importlib.util.spec_from_file_location(module, SCRIPTS / (module + ".py"))
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return json.loads(json.dumps(loaded.main(json.loads(json.dumps(inputs))), ensure_ascii=False))
