"""Every golden case gives the same result on MicroPython (the browser's runtime) as on CPython."""

import json
import shutil
import subprocess

import pytest
from conftest import ROOT, all_cases

from checker.engine import AnswerError, step

RUNNER = ROOT / "tests" / "micropython" / "run_engine.mjs"
MICROPYTHON = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs"


def cpython_result(bundle, case):
    try:
        return {"id": case["id"], "result": step(bundle, case["flow"], case["answers"])}
    except AnswerError as error:
        return {"id": case["id"], "error": {"question": error.question_id, "message": error.message}}


def run_on_micropython(bundle, cases, folder):
    """The engine's report for these cases ({"id", "flow", "answers"}) as run on MicroPython."""
    (folder / "bundle.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    (folder / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        ["node", str(RUNNER), str(folder / "bundle.json"), str(folder / "cases.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def micropython_results(bundle, tmp_path_factory):
    if shutil.which("node") is None or not MICROPYTHON.exists():
        pytest.fail("MicroPython parity needs node and the npm packages: run `make test` (it runs npm ci)")
    folder = tmp_path_factory.mktemp("parity")
    cases = [
        {"id": str(path.relative_to(ROOT)), "flow": flow, "answers": dict(case["answers"])} for flow, path, case in all_cases()
    ]
    report = run_on_micropython(bundle, cases, folder)
    assert report["implementation"] == "micropython"
    return cases, {item["id"]: item for item in report["results"]}


def test_micropython_runs_every_case(micropython_results):
    cases, results = micropython_results
    assert sorted(results) == sorted(case["id"] for case in cases)


def test_micropython_decides_like_cpython(bundle, micropython_results):
    cases, results = micropython_results
    differing = []
    for case in cases:
        expected = json.loads(json.dumps(cpython_result(bundle, case), ensure_ascii=False))
        if results[case["id"]] != expected:
            differing.append(case["id"])
    assert differing == [], f"MicroPython differs from CPython on: {differing}"
