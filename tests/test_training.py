"""Training logic (checker/browser/training.py): what is asked and what is given, answers that
are not graded, feedback that names the pick and the clue, verdict choices of mixed status, the
step that decided, the next scenario, sessions that resume, per-scenario results; and the
training screens built from them."""

import json
import re

import pytest
from conftest import ROOT, example_shops, rules_bundle

from checker.browser import case, training, training_view
from checker.engine import graph, step
from checker.engine.dates import spoken_date
from checker.site.checker_page import checker_data, training_data
from checker.site.markup import speaking

SHOPS = [ROOT / "rules"] + [shop / "rules" for shop in example_shops()]
CLOCK = {"today": "2026-12-31", "now": "2026-12-31T09:30"}


def staff_data(rules=ROOT / "rules"):
    """The staff checker's data with its scenarios, as the browser has them."""
    bundle = rules_bundle(rules)
    return dict(checker_data(bundle, "staff"), **json.loads(json.dumps(training_data(bundle))))


@pytest.fixture(scope="module")
def data():
    return staff_data()


def statuses(data, scenario):
    return {outcome["id"]: outcome["status"] for outcome in data["flows"][scenario["flow"]]["outcomes"]}


@pytest.mark.parametrize("rules", SHOPS, ids=lambda path: path.parent.name)
def test_verdict_choices_mix_statuses_and_always_hold_the_right_one(rules):
    data = staff_data(rules)
    for scenario in data["scenarios"]:
        options = training.verdict_options(data, scenario)
        status = statuses(data, scenario)
        assert scenario["outcome"] in options and len(set(options)) == len(options) == min(4, len(status))
        assert options == training.verdict_options(data, scenario)  # deterministic
        shown = [status[option] for option in options]
        kinds = set(status.values())
        # every status the flow has is offered (up to four), and no status three times over
        assert len(set(shown)) == min(len(kinds), len(options)), (scenario["id"], shown)
        if len(kinds) > 1:
            assert max(shown.count(kind) for kind in kinds) <= 2, (scenario["id"], shown)
        # of each other status, the one offered is the nearest in the flow
        nearby = training.nearby_outcomes(data, scenario)
        for kind in set(shown) - {status[scenario["outcome"]]}:
            nearest = next(outcome for outcome in nearby if status[outcome] == kind)
            assert nearest in options, (scenario["id"], kind)


def test_changed_mind_on_day_eight_offers_an_outcome_that_accepts(data):
    scenario = training.find(data, "day-eight-changed-mind")
    status = statuses(data, scenario)
    shown = [status[option] for option in training.verdict_options(data, scenario)]
    assert "eligible" in shown and "pending" in shown and shown.count("not_eligible") == 2


def test_the_washed_sweater_no_longer_offers_a_missing_item_verdict(data):
    washed = training.find(data, "washed-sweater")
    assert "out_missing_send" not in training.verdict_options(data, washed)  # the unrelated choice the issue saw


def asked(data, scenario):
    """The questions a learner is asked, in order, answering as the story says."""
    graded = []
    while True:
        result = training.current(data, scenario, graded)
        if result["type"] == "decision":
            return graded
        graded.append(result["question"]["id"])


@pytest.mark.parametrize("rules", SHOPS, ids=lambda path: path.parent.name)
def test_only_questions_whose_answer_the_story_states_are_asked(rules):
    data = staff_data(rules)
    for scenario in data["scenarios"]:
        clues = scenario["clues"]
        questions = asked(data, scenario)
        assert set(questions) == set(clues), scenario["id"]
        for qid in questions:
            for lang in ("zh", "en"):
                assert clues[qid][lang] in scenario["story"][lang], (scenario["id"], qid, lang)
        decision = step(data, scenario["flow"], scenario["answers"])["decision"]
        on_path = [entry["step"] for entry in decision["trace"] if entry["type"] == "question"]
        assert sorted(set(on_path) - set(clues)) == sorted(scenario["given"]), scenario["id"]


def test_the_washed_sweater_asks_about_the_washing_but_not_whether_the_buyer_refuses_all(data):
    washed = training.find(data, "washed-sweater")
    questions = asked(data, washed)
    assert "condition" in questions and "refuses_all" not in questions
    # the given fact shows once the verdict is in, not while the verdict is still to pick
    verdict_html = str(training_view.verdict_pick(data, washed, [], training.givens(data, washed, decided(data, washed))))
    assert 'data-given="refuses_all"' not in verdict_html
    assert [entry["step"] for entry in training.givens(data, washed, decided(data, washed), False)] == ["refuses_all"]


def test_given_facts_are_shown_as_known_not_asked(data):
    scenario = training.find(data, "missing-item-two-days")
    session = training.start(scenario["id"])
    html = str(training_view.training_screen(data, session, {}))
    assert 'data-question="reason"' in html  # dispute and sold_by_us are given, not asked
    given = re.findall(r'data-given="([a-z_]+)"', html)
    assert given == ["dispute", "sold_by_us"]
    label = data["training_ui"]["given"]
    assert label["zh"] in html and label["en"] in html


def decided(data, scenario):
    return step(data, scenario["flow"], scenario["answers"])["decision"]["trace"]


def play(data, scenario_id, answers=None, verdict=None):
    """Play a scenario: the story's answers (or those given for some questions) and a verdict,
    to its result."""
    scenario = training.find(data, scenario_id)
    session = training.next_phase(data, training.start(scenario_id))
    while session["phase"] != "result":
        if session["phase"] == "verdict":
            training.pick(data, session, verdict or scenario["outcome"])
            continue
        question = training.current(data, scenario, session["graded"])["question"]
        training.answer(data, session, (answers or {}).get(question["id"], scenario["answers"][question["id"]]))
        assert "error" not in session, session["error"]
        saved = json.loads(json.dumps(session))  # what localStorage keeps
        assert training.restore(data, saved) == session
        training.next_phase(data, session)
    return session


@pytest.mark.parametrize("rules", SHOPS, ids=lambda path: path.parent.name)
def test_the_verdict_is_picked_before_any_question_asked_only_after_the_outcome(rules):
    """Whether the buyer refuses every option is asked only of refused cases: asked before the
    verdict, it would give the verdict away."""
    data = staff_data(rules)
    late_graded = 0
    for scenario in data["scenarios"]:
        late = training.late_questions(data, scenario)
        moved = training.act(data, None, {}, "scenario", scenario["id"])
        seen = []
        while moved["session"] and moved["session"]["phase"] != "result":
            session = moved["session"]
            seen.append(session["phase"])
            if session["phase"] == "question":
                qid = training.current(data, scenario, session["graded"])["question"]["id"]
                assert (qid in late) == ("verdict" in seen), (scenario["id"], qid)
                late_graded += qid in late
                moved = training.act(data, session, moved["progress"], "answer", scenario["answers"][qid])
            elif session["phase"] == "feedback":
                moved = training.act(data, session, moved["progress"], "continue")
            else:
                assert moved["progress"] == {}  # no result before the last answer
                moved = training.act(data, session, moved["progress"], "verdict", scenario["outcome"])
        assert seen.count("verdict") == 1 and training.status(moved["progress"], scenario["id"]) == "right", scenario["id"]
    if rules == ROOT / "rules":
        assert late_graded >= 3


@pytest.mark.parametrize(
    "question_id,typed",
    [("missing_hours", ""), ("missing_hours", "abc"), ("missing_hours", "-3"), ("signed_on", ""), ("signed_on", "2026-13-45")],
)
def test_an_empty_or_unreadable_answer_is_not_graded_and_gets_the_checkers_message(data, question_id, typed):
    scenario_id = "missing-item-two-days" if question_id == "missing_hours" else "washed-sweater"
    scenario = training.find(data, scenario_id)
    session = training.start(scenario_id)
    while (asking := training.current(data, scenario, session["graded"])["question"]["id"]) != question_id:
        training.next_phase(data, training.answer(data, session, scenario["answers"][asking]))
    before = (list(session["graded"]), session["points"], session["total"])
    moved = training.act(data, session, {}, "submit", typed)["session"]
    assert (moved["graded"], moved["points"], moved["total"], moved["phase"]) == (*before, "question")
    # the same words a case shows for the same answer
    state = dict(case.start(scenario["flow"]), answers=training.known_answers(scenario, session["graded"]))
    assert moved["error"] == case.answer(data, state, question_id, typed, CLOCK)["state"]["error"]
    html = str(training_view.training_screen(data, moved, {}))
    assert 'role="alert"' in html and 'aria-invalid="true"' in html and moved["error"]["zh"] in html
    assert f'data-question="{question_id}"' in html
    right = training.act(data, moved, {}, "submit", str(scenario["answers"][question_id]))["session"]
    assert right["phase"] == "feedback" and right["right"] and "error" not in right


def test_feedback_names_the_pick_quotes_the_clue_and_gives_the_right_answer_with_its_rule(data):
    scenario = training.find(data, "washed-sweater")
    session = play(data, "washed-sweater", {"condition": "resaleable"})
    session["phase"], session["graded"] = "feedback", session["graded"][: session["graded"].index("condition") + 1]
    session["right"], session["mine"] = False, "resaleable"
    html = str(training_view.training_screen(data, session, {}))
    question = graph.by_id(data["flows"]["returns"], "questions")["condition"]
    labels = {answer["value"]: answer["label"] for answer in question["answers"]}
    mine = re.search(r'<p class="pc-mine">(.*?)</p>', html).group(1)
    right = re.search(r'<p class="pc-right">(.*?)</p>', html).group(1)
    assert labels["resaleable"]["zh"] in mine and labels["resaleable"]["en"] in mine
    assert labels["washed"]["zh"] in right and labels["washed"]["en"] in right
    clue = scenario["clues"]["condition"]
    assert f'<q lang="zh-CN">{clue["zh"]}</q>' in html and f'<q lang="en">{clue["en"]}</q>' in html
    assert f"<mark>{clue['zh']}</mark>" in html and f"<mark>{clue['en']}</mark>" in html  # and where it stands
    assert f"#{question['why']}" in re.search(r'<aside class="pc-why">(.*?)</aside>', html).group(1)
    session["right"], session["mine"] = True, "washed"
    html = str(training_view.training_screen(data, session, {}))
    assert 'class="pc-right"' not in html and labels["washed"]["zh"] in re.search(r'<p class="pc-mine">(.*?)</p>', html).group(1)


def test_a_number_answer_shows_its_unit(data):
    session = play(data, "compensation-above-cap", {"compensation": 31})
    session["phase"], session["graded"] = "feedback", session["graded"][: session["graded"].index("compensation") + 1]
    session["right"], session["mine"] = False, 31
    question, right, value, mine = training.feedback(data, session)
    html = str(training_view.training_screen(data, session, {}))
    unit = question["unit"]
    assert f"{value:g} {unit['zh']}" in html and f"{value:g} {unit['en']}" in html
    assert f"31 {unit['zh']}" in html and mine == 31


@pytest.mark.parametrize("rules", SHOPS, ids=lambda path: path.parent.name)
def test_a_story_gives_its_dates_with_the_year_and_that_date_is_graded_right(rules):
    data = staff_data(rules)
    checked = 0
    for scenario in data["scenarios"]:
        questions = graph.by_id(data["flows"][scenario["flow"]], "questions")
        for qid in scenario["clues"]:
            question = questions[qid]
            if question["kind"] not in ("date", "datetime"):
                continue
            value = scenario["answers"][qid]
            for lang in ("zh", "en"):
                assert spoken_date(value[:10], lang) in scenario["story"][lang], (scenario["id"], qid)
            assert training.grade(question, value, scenario)[0]  # as the date field gives it
            year = int(value[:4])
            assert not training.grade(question, str(year - 1) + value[4:], scenario)[0]  # graded wrong, not refused
            checked += 1
    assert checked >= 3


def test_the_verdict_feedback_marks_the_rule_that_decided(data):
    expected = {
        "washed-sweater": ("question", "condition"),
        "broken-found-next-day": ("question", "courier_when"),  # not the refusal asked after it
        "day-eight-changed-mind": ("check", "late"),
        "compensation-above-cap": ("check", "compensation_cap"),
    }
    for scenario_id, (kind, step_id) in expected.items():
        scenario = training.find(data, scenario_id)
        trace = decided(data, scenario)
        entry = trace[training.deciding_step(data, scenario, trace)]
        assert (entry["type"], entry["step"]) == (kind, step_id), scenario_id
    scenario = training.find(data, "washed-sweater")
    wrong = next(option for option in training.verdict_options(data, scenario) if option != scenario["outcome"])
    session = play(data, "washed-sweater", verdict=wrong)
    html = str(training_view.training_screen(data, session, {}))
    rule = decided(data, scenario)[training.deciding_step(data, scenario, decided(data, scenario))]["rule"]
    assert f'data-rule="{rule}"' in html and html.count('class="pc-decisive"') == 1
    assert f"#{rule}" in re.search(r'<li class="pc-decisive">(.*?)</li>', html).group(1)
    mine = re.search(r'<p class="pc-mine" data-value="([a-z_]+)">', html).group(1)
    assert mine == wrong and 'class="pc-right"' in html
    late = training.find(data, "day-eight-changed-mind")  # decided by a check: the fact it compared shows
    decision = step(data, late["flow"], late["answers"])["decision"]
    box = str(training_view.decided_box(data, late, decision, training.deciding_step(data, late, decision["trace"])))
    assert f"= <strong>{decision['facts']['window_day']}</strong>" in box


def test_next_opens_the_next_untried_scenario(data):
    ids = [scenario["id"] for scenario in data["scenarios"]]
    assert training.next_scenario(data, {}, ids[0]) == ids[1]
    progress = {ids[1]: {"result": "right", "score": 1, "total": 1}, ids[2]: {"result": "wrong", "score": 0, "total": 1}}
    assert training.next_scenario(data, progress, ids[0]) == ids[3]  # tried ones are passed over
    assert training.next_scenario(data, {}, ids[-1]) == ids[0]  # round to the start
    every = {other: {"result": "right", "score": 1, "total": 1} for other in ids}
    assert training.next_scenario(data, every, ids[0]) is None
    every[ids[5]] = {"result": "wrong", "score": 0, "total": 1}
    assert training.next_scenario(data, every, ids[0]) == ids[5]  # then one to try again
    finished = play(data, ids[0])
    progress = training.record({}, finished)
    html = str(training_view.training_screen(data, finished, progress))
    assert f'data-action="next" data-value="{ids[1]}"' in html
    moved = training.act(data, finished, progress, "next")
    assert moved["session"] == training.start(ids[1])


def test_a_wrong_verdict_does_not_count_as_done_and_a_right_one_does(data):
    right = play(data, "crushed-box-refused", {"reason": "defect"})
    assert (right["points"], right["total"], right["right"]) == (2, 3, True)
    progress = training.record({}, right)
    scenario = training.find(data, "washed-sweater")
    other = [o for o in training.verdict_options(data, scenario) if o != scenario["outcome"]][0]
    training.record(progress, play(data, "washed-sweater", verdict=other))
    assert training.status(progress, "crushed-box-refused") == "right"
    assert training.status(progress, "washed-sweater") == "wrong"
    assert training.status(progress, "platform-dispute") == "new"
    counts = training.summary(data, progress)
    assert (counts["right"], counts["wrong"], counts["new"]) == (1, 1, len(data["scenarios"]) - 2)
    html = str(training_view.training_list(data, progress))
    assert '<li data-result="wrong">' in html and 'data-done="1"' in html and 'data-wrong="1"' in html
    # each result reads as words with a mark of its own, not as a colour alone
    marks = {mark: data["training_ui"][mark] for mark in ("new", "right", "wrong")}
    assert len({words["zh"][0] for words in marks.values()}) == 3 and all(words["zh"][0] in "○✓✗" for words in marks.values())
    for mark, words in marks.items():
        assert f'class="pc-done pc-done--{mark}"><span lang="zh-CN">{words["zh"]}</span>' in html
    # an old record (before results were kept) still reads right or wrong
    assert training.status({"x": {"score": 1, "total": 2, "verdict": False}}, "x") == "wrong"


def test_a_saved_session_that_no_longer_fits_is_dropped(data):
    session = training.start("washed-sweater")
    training.answer(data, session, "no")
    assert training.restore(data, dict(session, scenario="no-such-scenario")) is None
    assert training.restore(data, dict(session, graded=["not_a_question"])) is None
    assert training.restore(data, dict(session, graded=["refuses_all"])) is None  # given, never graded
    assert training.restore(data, dict(session, phase="sideways")) is None
    assert training.restore(data, dict(session, points="4")) is None
    assert training.restore(data, None) is None
    refused = training.act(data, training.start("washed-sweater"), {}, "submit", "")["session"]
    assert "error" not in training.restore(data, json.loads(json.dumps(refused)))  # a reload asks afresh


def test_reset_asks_first_in_the_page(data):
    plain = str(training_view.training_list(data, {}))
    asking = str(training_view.training_list(data, {}, confirm=True))
    assert 'data-action="reset"' in plain and 'data-action="reset-confirm"' not in plain
    assert 'data-action="reset-confirm"' in asking and 'role="alertdialog"' in asking


def test_the_story_and_its_clue_stay_text(data):
    scenario = dict(training.find(data, "platform-dispute"))
    scenario["story"] = {"zh": "买家说 <b>假货</b> 了", "en": "The buyer says <b>fake</b> & more"}
    scenario["clues"] = {"dispute": {"zh": "<b>假货</b>", "en": "<b>fake</b> &"}}
    question = graph.by_id(data["flows"][scenario["flow"]], "questions")["dispute"]
    html = str(training_view.training_feedback(data, scenario, question, True, "yes", "yes"))
    assert "<b>" not in html
    assert "<mark>&lt;b&gt;假货&lt;/b&gt;</mark>" in html and "<mark>&lt;b&gt;fake&lt;/b&gt; &amp;</mark>" in html
    assert '<q lang="en">&lt;b&gt;fake&lt;/b&gt; &amp;</q>' in html


def test_training_offers_first_the_scenarios_that_touch_rules_changed_lately():
    """A rule changed in the last 30 days (the bundle's `recent`, from its dated versions): the
    scenarios whose path cites it come first in the list, marked, in the page's language."""
    bundle = dict(rules_bundle(), recent={"RET-CONDITION": "2026-12-01"})
    scenarios = training_data(bundle)["scenarios"]
    touching = [s["id"] for s in scenarios if s.get("recent")]
    assert touching and all(s["recent"] == ["RET-CONDITION"] for s in scenarios if s.get("recent"))
    assert "washed-sweater" in touching  # refused for its condition
    assert not [s for s in training_data(rules_bundle())["scenarios"] if s.get("recent")]  # nothing changed lately
    with speaking("en"):
        data = dict(checker_data(bundle, "staff"), scenarios=scenarios)
    shown = str(training_view.training_list(data, {}))
    first_items = shown.split("<li", len(touching) + 1)[1 : len(touching) + 1]
    assert all("Rules just changed" in item for item in first_items), first_items
    assert shown.count("Rules just changed") == len(touching)
