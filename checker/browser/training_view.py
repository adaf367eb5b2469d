"""The training screens as HTML: scenario list, story, graded questions, verdict.

Plain Python for MicroPython; built on the case screens of ``view`` so both look alike, and
with checker.browser.html, which does all the escaping.
"""

from checker.browser import training
from checker.browser.html import element, fragment
from checker.browser.view import QUIET, both, button, decision_card, heading, mode_label, nav_box, question_card, why_box
from checker.engine.choices import answer_label


def _tally(data, counts):
    numbers = (counts["right"], counts["wrong"], counts["new"])
    return {"zh": data["training_ui"]["tally"]["zh"] % numbers, "en": data["training_ui"]["tally"]["en"] % numbers}


def with_unit(question, value):
    """An answer as it reads, with the question's unit when it has one (48 元, 48 yuan)."""
    label = answer_label(question, value)
    if question.get("unit") and question["kind"] != "choice":
        return {"zh": label["zh"] + " " + question["unit"]["zh"], "en": label["en"] + " " + question["unit"]["en"]}
    return label


def _scenario_item(data, progress, scenario):
    mark = training.status(progress, scenario["id"])
    score = None
    if mark != "new":
        entry = progress[scenario["id"]]
        score = " %s/%s" % (entry.get("score", 0), entry.get("total", 0))
    return element(
        "li",
        {"data-result": mark},
        button("scenario", scenario["title"], "pc-link", {"data-value": scenario["id"]}),
        " ",
        element("span", {"class": "pc-flowname"}, both(mode_label(data, scenario["flow"]))),
        " ",
        element("span", {"class": "pc-done pc-done--" + mark}, both(data["training_ui"][mark]), score),
    )


def training_list(data, progress, confirm=False):
    """Every scenario with its last result (right, wrong, not tried), the score, and Reset
    (which asks first: ``confirm`` shows the question in the page)."""
    counts = training.summary(data, progress)
    score = element(
        "p",
        {
            "class": "pc-score",
            "data-done": counts["right"],
            "data-wrong": counts["wrong"],
            "data-points": counts["points"],
            "data-total": counts["total"],
        },
        both(data["ui"]["score"]),
        ": ",
        element("strong", None, "%s / %s" % (counts["points"], counts["total"])),
        " · ",
        both(_tally(data, counts)),
    )
    if confirm:
        asking = data["training_ui"]
        ending = element(
            "div",
            {"class": "pc-confirm", "role": "alertdialog", "aria-labelledby": "pc-confirm-text"},
            element("p", {"id": "pc-confirm-text"}, both(asking["confirm"])),
            nav_box(button("reset-confirm", asking["confirm_yes"]), button("scenarios", asking["confirm_no"], QUIET)),
        )
    else:
        ending = nav_box(button("reset", data["ui"]["reset"], QUIET))
    return element(
        "section",
        {"class": "pc-card"},
        heading(both(data["ui"]["scenarios"])),
        element("ol", {"class": "pc-scenarios"}, [_scenario_item(data, progress, scenario) for scenario in data["scenarios"]]),
        score,
        ending,
    )


def story_box(data, scenario):
    return element(
        "div",
        {"class": "pc-story"},
        element("p", {"class": "pc-why__label"}, both(data["ui"]["story"]), " · ", both(scenario["title"])),
        both(scenario["story"], "p"),
    )


def training_question(data, scenario, graded, result, error=None):
    pseudo = {"order": graded, "flow": scenario["flow"], "answers": {}}
    # In training the learner moves forward only; back and restart would spoil the grading.
    nav = button("scenarios", data["ui"]["all_scenarios"], QUIET)
    return question_card(data, pseudo, result, error, story_box(data, scenario), nav)


def _grade(data, right):
    return fragment("✓ ", both(data["ui"]["correct"])) if right else fragment("✗ ", both(data["ui"]["wrong"]))


def training_feedback(data, scenario, question, right, value):
    verdict = "pc-feedback--right" if right else "pc-feedback--wrong"
    return element(
        "section",
        {"class": "pc-card pc-feedback " + verdict, "data-right": "true" if right else "false"},
        story_box(data, scenario),
        heading(both(question["ask"])),
        element(
            "p",
            {"class": "pc-grade", "role": "status"},
            _grade(data, right),
            " ",
            element("strong", None, both(with_unit(question, value))),
        ),
        why_box(data, question.get("why")),
        nav_box(button("continue", data["ui"]["continue"])),
    )


def verdict_pick(data, scenario, options):
    outcomes = {}
    for outcome in data["flows"][scenario["flow"]]["outcomes"]:
        outcomes[outcome["id"]] = outcome
    return element(
        "section",
        {"class": "pc-card"},
        story_box(data, scenario),
        heading(both(data["ui"]["pick_verdict"])),
        element(
            "div",
            {"class": "pc-answers", "role": "group", "aria-labelledby": "pc-question"},
            [button("verdict", outcomes[outcome_id]["title"], "pc-answer", {"data-value": outcome_id}) for outcome_id in options],
        ),
    )


def training_result(data, scenario, picked, decision, score, total):
    right = picked == scenario["outcome"]
    grade = element(
        "p",
        {"class": "pc-grade", "role": "status", "data-right": "true" if right else "false"},
        _grade(data, right),
        None if right else fragment(" ", element("strong", None, both(decision["title"]))),
        " · ",
        both(data["ui"]["score"]),
        ": ",
        element("strong", None, "%s / %s" % (score, total)),
    )
    nav = button("scenarios", data["ui"]["all_scenarios"])
    return fragment(grade, decision_card(data, {"flow": scenario["flow"]}, decision, nav=nav))


def training_screen(data, session, progress, confirm=False):
    """The screen for a training session at its phase; with no session, the scenario list."""
    if session is None:
        return training_list(data, progress, confirm)
    scenario = training.find(data, session["scenario"])
    if session["phase"] == "feedback":
        question, right, value = training.feedback(data, session)
        return training_feedback(data, scenario, question, right, value)
    if session["phase"] == "verdict":
        return verdict_pick(data, scenario, training.verdict_options(data, scenario))
    result = training.current(data, scenario, session["graded"])
    if session["phase"] == "result":
        return training_result(data, scenario, session["picked"], result["decision"], session["points"], session["total"])
    return training_question(data, scenario, session["graded"], result)
