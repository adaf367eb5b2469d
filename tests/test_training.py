"""Training logic (checker/browser/training.py): nearby distractors, sessions that resume,
per-scenario results; and the training screens built from them."""

import json

import pytest
from conftest import ROOT, example_shops, rules_bundle

from checker.browser import training, training_view
from checker.engine import graph, step
from checker.site.checker_page import checker_data, training_data

SHOPS = [ROOT / "rules"] + [shop / "rules" for shop in example_shops()]


@pytest.fixture(scope="module")
def data():
    """The staff checker's data with its scenarios, as the browser has them."""
    bundle = rules_bundle()
    return dict(checker_data(bundle, "staff"), **json.loads(json.dumps(training_data(bundle))))


def passed_steps(bundle, scenario):
    flow = bundle["flows"][scenario["flow"]]
    steps = graph.index(flow, graph.STEP_KINDS)
    trace = step(bundle, scenario["flow"], scenario["answers"])["decision"]["trace"]
    return flow, [item["step"] for item in trace if item["step"] in steps]


@pytest.mark.parametrize("rules", SHOPS, ids=lambda path: path.parent.name)
def test_verdict_choices_are_the_right_one_and_outcomes_from_the_same_part_of_the_flow(rules):
    bundle = rules_bundle(rules)
    for scenario in bundle["scenarios"]:
        options = training.verdict_options(bundle, scenario)
        flow, passed = passed_steps(bundle, scenario)
        outcomes = [outcome["id"] for outcome in flow["outcomes"]]
        assert scenario["outcome"] in options and len(set(options)) == len(options) == min(4, len(outcomes))
        near = set()
        for node in passed:
            near |= graph.reachable(flow, start=node)
        nearest = graph.reachable(flow, start=passed[-1]) - {scenario["outcome"]}
        distractors = [option for option in options if option != scenario["outcome"]]
        # As many as the last step offers come from it; every one comes from a step passed through.
        assert len([d for d in distractors if d in nearest]) == min(len(distractors), len(nearest & set(outcomes)))
        if len(near & set(outcomes)) > len(options):
            assert set(distractors) <= near, scenario["id"]


def test_the_washed_sweater_no_longer_offers_a_missing_item_verdict(bundle):
    washed = training.find(bundle, "washed-sweater")
    options = training.verdict_options(bundle, washed)
    assert "out_missing_send" not in options  # the unrelated choice the issue saw


def walk(bundle, scenario_id, wrong_at=None, verdict=None):
    """Play a scenario: the story's answers (one wrong one if asked), then a verdict."""
    scenario = training.find(bundle, scenario_id)
    session = training.start(scenario_id)
    while session["phase"] != "verdict":
        question = training.current(bundle, scenario, session["graded"])["question"]
        given = "nonsense" if question["id"] == wrong_at else scenario["answers"][question["id"]]
        training.answer(bundle, session, given)
        saved = json.loads(json.dumps(session))  # what localStorage keeps
        assert training.restore(bundle, saved) == session
        training.next_phase(bundle, session)
    return training.pick(bundle, session, verdict or scenario["outcome"])


def test_a_wrong_verdict_does_not_count_as_done_and_a_right_one_does(data):
    bundle = data
    right = walk(bundle, "crushed-box-refused", wrong_at="sold_by_us")
    assert (right["points"], right["total"], right["right"]) == (4, 5, True)
    progress = training.record({}, right)
    scenario = training.find(bundle, "washed-sweater")
    other = [o for o in training.verdict_options(bundle, scenario) if o != scenario["outcome"]][0]
    training.record(progress, walk(bundle, "washed-sweater", verdict=other))
    assert training.status(progress, "crushed-box-refused") == "right"
    assert training.status(progress, "washed-sweater") == "wrong"
    assert training.status(progress, "platform-dispute") == "new"
    counts = training.summary(bundle, progress)
    assert (counts["right"], counts["wrong"], counts["new"]) == (1, 1, len(bundle["scenarios"]) - 2)
    html = str(training_view.training_list(bundle, progress))
    assert '<li data-result="wrong">' in html and 'data-done="1"' in html and 'data-wrong="1"' in html
    # an old record (before results were kept) still reads right or wrong
    assert training.status({"x": {"score": 1, "total": 2, "verdict": False}}, "x") == "wrong"


def test_a_saved_session_that_no_longer_fits_is_dropped(bundle):
    session = training.start("washed-sweater")
    training.answer(bundle, session, "no")
    assert training.restore(bundle, dict(session, scenario="no-such-scenario")) is None
    assert training.restore(bundle, dict(session, graded=["not_a_question"])) is None
    assert training.restore(bundle, dict(session, phase="sideways")) is None
    assert training.restore(bundle, dict(session, points="4")) is None
    assert training.restore(bundle, None) is None


def test_reset_asks_first_in_the_page(data):
    bundle = data
    plain = str(training_view.training_list(bundle, {}))
    asking = str(training_view.training_list(bundle, {}, confirm=True))
    assert 'data-action="reset"' in plain and 'data-action="reset-confirm"' not in plain
    assert 'data-action="reset-confirm"' in asking and 'role="alertdialog"' in asking


def test_a_number_answer_shows_its_unit(data):
    bundle = data
    scenario = training.find(bundle, "compensation-above-cap")
    session = walk(bundle, "compensation-above-cap")
    session["phase"], session["graded"] = "feedback", session["graded"][: session["graded"].index("compensation") + 1]
    question, right, value = training.feedback(bundle, session)
    html = str(training_view.training_feedback(bundle, scenario, question, right, value))
    unit = question["unit"]
    assert f"{value:g} {unit['zh']}" in html and f"{value:g} {unit['en']}" in html
