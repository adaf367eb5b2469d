"""The browser checker's case flow (checker/browser/case.py) and training actions
(checker/browser/training.act) as pure functions: state in, new state and screen out."""

import copy
import json

import pytest
from conftest import ROOT, read_case, rules_bundle

from checker.browser import case, training, view
from checker.site.checker_page import checker_data, training_data

CLOCK = {"today": "2026-12-31", "now": "2026-12-31T09:30"}  # after every golden case's dates
CASE = read_case(ROOT / "tests" / "cases" / "returns" / "05-defect-refund-day-7.yaml")["answers"]


@pytest.fixture(scope="module")
def data():
    bundle = rules_bundle()
    return json.loads(json.dumps(dict(checker_data(bundle, "staff"), **training_data(bundle))))


def play(data, answers, upto=None):
    """The change after answering the questions as asked, stopping before ``upto``."""
    change = case.switch(data, case.start(data["modes"][0]), "returns", CLOCK)
    while change["screen"]["kind"] == case.QUESTION:
        question_id = change["screen"]["result"]["question"]["id"]
        if question_id == upto:
            break
        change = case.answer(data, change["state"], question_id, answers[question_id], CLOCK)
        assert change["state"]["error"] is None, change["state"]["error"]
    return change


def test_a_case_is_answered_to_its_decision_and_linked_at_each_step(data):
    change = play(data, CASE)
    assert change["screen"]["kind"] == case.DECISION
    assert change["state"]["order"] == list(change["state"]["answers"])
    assert change["link"] == case.link(change["state"]) and change["link"].startswith("flow=returns&")
    reopened = case.open_link(data, case.start("complaints"), "#" + change["link"], CLOCK)
    assert reopened["screen"] == change["screen"] and reopened["link"] is None


def test_the_state_given_is_not_changed(data):
    change = play(data, CASE)
    before = copy.deepcopy(change["state"])
    case.back(data, change["state"], CLOCK)
    case.restart(data, change["state"], CLOCK)
    case.answer(data, case.back(data, change["state"], CLOCK)["state"], change["state"]["order"][-1], "x", CLOCK)
    assert change["state"] == before


def test_a_refused_answer_keeps_what_was_typed_and_the_message(data):
    asked = play(data, CASE, upto="signed_on")
    refused = case.answer(data, asked["state"], "signed_on", "2099-01-01", CLOCK)
    assert refused["link"] is None and refused["state"]["answers"] == asked["state"]["answers"]
    assert refused["state"]["typed"] == {"signed_on": "2099-01-01"} and set(refused["state"]["error"]) == {"zh", "en"}
    html = str(view.case_screen(data, refused["state"], refused["screen"]))
    assert 'value="2099-01-01"' in html and 'aria-invalid="true"' in html and 'id="pc-error"' in html
    accepted = case.answer(data, refused["state"], "signed_on", CASE["signed_on"], CLOCK)
    assert accepted["state"]["error"] is None and "signed_on" in accepted["state"]["order"]


def test_a_date_question_that_defaults_to_today_gets_the_clocks_date(data):
    asked = play(data, CASE, upto="requested_on")
    assert asked["state"]["defaults"] == {"requested_on": CLOCK["today"]}
    assert 'value="2026-12-31"' in str(view.case_screen(data, asked["state"], asked["screen"]))


def test_back_and_restart(data):
    done = play(data, CASE)
    back = case.back(data, done["state"], CLOCK)
    assert back["state"]["order"] == done["state"]["order"][:-1] and back["screen"]["kind"] == case.QUESTION
    assert back["link"] == case.link(back["state"])
    again = case.restart(data, done["state"], CLOCK)
    assert (again["state"]["answers"], again["state"]["order"], again["link"]) == ({}, [], "flow=returns")
    first = case.back(data, again["state"], CLOCK)  # nothing to take back
    assert first["screen"] == again["screen"]


def test_switching_tabs(data):
    done = play(data, CASE)
    other = case.switch(data, done["state"], "complaints", CLOCK)
    assert other["state"]["flow"] == "complaints" and other["state"]["answers"] == {} and other["link"] == "flow=complaints"
    to_training = case.switch(data, done["state"], case.TRAINING_MODE, CLOCK)
    assert to_training["screen"] == {"kind": case.TRAINING} and to_training["state"]["mode"] == "train"
    assert to_training["link"] is None


@pytest.mark.parametrize(
    "fragment,detail",
    [
        ("#flow=nowhere", "unknown flow: nowhere"),
        ("#flow=%FF", "not text: "),
        ("#flow=returns&dispute=maybe", "“maybe”不是可选的答案"),
    ],
)
def test_a_bad_link_shows_an_error_and_keeps_the_case(data, fragment, detail):
    state = case.start("complaints")
    change = case.open_link(data, state, fragment, CLOCK)
    assert change["screen"]["kind"] == case.ERROR and change["screen"]["title"] == data["ui"]["bad_link"]
    assert detail in change["screen"]["detail"] and change["link"] is None
    assert 'class="pc-card pc-failure"' in str(view.case_screen(data, change["state"], change["screen"]))


def answered(data, flow, count):
    """A case in ``flow`` with its first ``count`` questions answered from CASE."""
    change = case.current(data, case.start(flow), CLOCK)
    for _ in range(count):
        question = change["screen"]["result"]["question"]
        change = case.answer(data, change["state"], question["id"], CASE[question["id"]], CLOCK)
    return change


@pytest.mark.parametrize("fragment", ["", "#", "#nothing=here"])
def test_an_address_without_a_case_shows_the_start_and_is_made_bare(data, fragment):
    """Three answers, then the browser's Back three times: the bare address is the start again."""
    three = answered(data, "returns", 3)
    assert len(three["state"]["order"]) == 3
    change = case.open_link(data, three["state"], fragment, CLOCK)
    first = case.current(data, case.start(data["modes"][0]), CLOCK)
    assert change["screen"] == first["screen"] and change["screen"]["kind"] == case.QUESTION
    assert (change["state"]["flow"], change["state"]["answers"], change["state"]["order"]) == (data["modes"][0], {}, [])
    assert change["link"] == ""


def test_a_training_link_opens_training_where_the_checker_has_it(data):
    change = case.open_link(data, answered(data, "returns", 2)["state"], "#training", CLOCK)
    assert change["screen"] == {"kind": case.TRAINING} and change["state"]["mode"] == "train"
    public = json.loads(json.dumps(checker_data(rules_bundle(), "public")))
    assert case.TRAINING_MODE not in public["modes"]
    change = case.open_link(public, case.start(public["modes"][0]), "#training", CLOCK)
    assert change["screen"] == case.current(public, case.start(public["modes"][0]), CLOCK)["screen"]
    assert change["link"] == ""  # the public checker has no training: its start, at the bare address


def test_training_actions_play_a_scenario_and_keep_progress(data):
    scenario = training.find(data, "washed-sweater")
    moved = training.act(data, None, {}, "scenario", scenario["id"])
    while moved["session"]["phase"] != "verdict":
        session = moved["session"]
        if session["phase"] == "question":
            question = training.current(data, scenario, session["graded"])["question"]
            moved = training.act(data, session, moved["progress"], "answer", scenario["answers"][question["id"]])
        else:
            frozen = copy.deepcopy(session)
            moved = training.act(data, session, moved["progress"], "continue")
            assert session == frozen  # the session given is not changed
    picked = training.act(data, moved["session"], moved["progress"], "verdict", scenario["outcome"])
    assert picked["session"]["phase"] == "result" and picked["session"]["points"] == picked["session"]["total"]
    assert picked["progress"][scenario["id"]]["result"] == "right" and moved["progress"] == {}
    listed = training.act(data, picked["session"], picked["progress"], "scenarios")
    assert listed["session"] is None and listed["progress"] == picked["progress"]
    asking = training.act(data, None, listed["progress"], "reset")
    assert asking["confirm"] and asking["progress"] == listed["progress"]
    cleared = training.act(data, None, asking["progress"], "reset-confirm")
    assert cleared["progress"] == {} and not cleared["confirm"]
