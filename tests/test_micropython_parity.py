"""Every golden case gives the same result on MicroPython (the browser's runtime) as on CPython."""

import json

import pytest
from conftest import ROOT, all_cases
from on_micropython import run_on_cpython, run_on_micropython

from checker.site.checker_page import checker_data


@pytest.fixture(scope="module")
def cases_and_bundle(bundle):
    cases = [
        {"id": str(path.relative_to(ROOT)), "flow": flow, "answers": dict(case["answers"])} for flow, path, case in all_cases()
    ]
    return {"bundle": json.loads(json.dumps(bundle, ensure_ascii=False)), "cases": cases}


@pytest.fixture(scope="module")
def micropython_results(cases_and_bundle, tmp_path_factory):
    results = run_on_micropython("engine_cases", cases_and_bundle, tmp_path_factory.mktemp("parity"))
    return {item["id"]: item for item in results}


def test_micropython_runs_every_case(cases_and_bundle, micropython_results):
    assert sorted(micropython_results) == sorted(case["id"] for case in cases_and_bundle["cases"])


def test_micropython_decides_like_cpython(cases_and_bundle, micropython_results):
    expected = {item["id"]: item for item in run_on_cpython("engine_cases", cases_and_bundle)}
    differing = [case_id for case_id in expected if micropython_results[case_id] != expected[case_id]]
    assert differing == [], f"MicroPython differs from CPython on: {differing}"


# MicroPython under Node takes some 40 ms a screen: a sample of the golden cases and scenarios
# keeps this test to a few seconds (the engine's own parity above covers every case).
CASE_SAMPLE, SCENARIO_SAMPLE = 8, 5


@pytest.fixture(scope="module")
def walk_inputs(bundle, cases_and_bundle):
    """Both checkers' data as the browser gets it, a sample of the golden cases and scenarios,
    and a clock after every case's dates."""
    staff = dict(checker_data(bundle, "staff"), scenarios=bundle["scenarios"])
    data = {"staff": staff, "public": checker_data(bundle, "public")}
    cases = cases_and_bundle["cases"][::CASE_SAMPLE]
    clock = {"today": "2026-12-31", "now": "2026-12-31T09:30"}
    return json.loads(json.dumps({"data": data, "cases": cases, "clock": clock, "scenario_step": SCENARIO_SAMPLE}))


def test_micropython_walks_cases_and_training_like_cpython(walk_inputs, tmp_path_factory):
    """Every screen of the sampled golden cases (answered, taken back, restarted, reopened from
    its link) and training scenarios: same state, same HTML on both runtimes."""
    theirs = run_on_micropython("browser_walk", walk_inputs, tmp_path_factory.mktemp("walk"))
    ours = run_on_cpython("browser_walk", walk_inputs)
    assert theirs["html"] == ours["html"]
    assert theirs["links"] == ours["links"]
    assert theirs["verdicts"] == ours["verdicts"]  # every scenario's verdict choices, in the same order
    for part in ("cases", "training"):
        assert sorted(theirs[part]) == sorted(ours[part])
        differing = [key for key in ours[part] if theirs[part][key] != ours[part][key]]
        assert differing == [], f"MicroPython differs from CPython on {part}: {differing}"
    screens = sum(len(walk) for walk in ours["cases"].values())
    assert (
        screens > 4 * len(walk_inputs["cases"])
        and len(ours["training"]) >= 2 * len(walk_inputs["data"]["staff"]["scenarios"]) // SCENARIO_SAMPLE
    )
