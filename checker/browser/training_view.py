"""The training screens as HTML strings: scenario list, story, graded questions, verdict.

Plain Python for MicroPython; built on the case screens of ``view`` so both look alike.
"""

from checker.browser import training
from checker.browser.view import both, button, decision_card, escape, mode_label, question_card, why_box
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


def training_list(data, progress, confirm=False):
    """Every scenario with its last result (right, wrong, not tried), the score, and Reset
    (which asks first: ``confirm`` shows the question in the page)."""
    out = (
        '<section class="pc-card"><h2 class="pc-question" id="pc-question" tabindex="-1">'
        + both(data["ui"]["scenarios"])
        + "</h2>"
    )
    counts = training.summary(data, progress)
    out += '<ol class="pc-scenarios">'
    for scenario in data["scenarios"]:
        mark = training.status(progress, scenario["id"])
        out += '<li data-result="' + mark + '">'
        out += button("scenario", scenario["title"], ' data-value="' + escape(scenario["id"]) + '"', "pc-link")
        out += ' <span class="pc-flowname">' + both(mode_label(data, scenario["flow"])) + "</span>"
        out += ' <span class="pc-done pc-done--' + mark + '">' + both(data["training_ui"][mark])
        if mark != "new":
            entry = progress[scenario["id"]]
            out += " " + escape(entry.get("score", 0)) + "/" + escape(entry.get("total", 0))
        out += "</span></li>"
    out += "</ol>"
    out += (
        '<p class="pc-score" data-done="'
        + escape(counts["right"])
        + '" data-wrong="'
        + escape(counts["wrong"])
        + '" data-points="'
        + escape(counts["points"])
        + '" data-total="'
        + escape(counts["total"])
        + '">'
        + both(data["ui"]["score"])
        + ": <strong>"
        + escape(counts["points"])
        + " / "
        + escape(counts["total"])
        + "</strong> · "
        + both(_tally(data, counts))
        + "</p>"
    )
    if confirm:
        out += '<div class="pc-confirm" role="alertdialog" aria-labelledby="pc-confirm-text">'
        out += '<p id="pc-confirm-text">' + both(data["training_ui"]["confirm"]) + '</p><div class="pc-nav">'
        out += button("reset-confirm", data["training_ui"]["confirm_yes"], "", "pc-button")
        out += button("scenarios", data["training_ui"]["confirm_no"], "", "pc-button pc-button--quiet") + "</div></div>"
    else:
        out += '<div class="pc-nav">' + button("reset", data["ui"]["reset"], "", "pc-button pc-button--quiet") + "</div>"
    return out + "</section>"


def story_box(data, scenario):
    return (
        '<div class="pc-story"><p class="pc-why__label">'
        + both(data["ui"]["story"])
        + " · "
        + both(scenario["title"])
        + "</p>"
        + both(scenario["story"], "p")
        + "</div>"
    )


def training_question(data, scenario, graded, result, error=None):
    pseudo = {"order": graded, "flow": scenario["flow"], "answers": {}}
    # In training the learner moves forward only; back and restart would spoil the grading.
    nav = button("scenarios", data["ui"]["all_scenarios"], "", "pc-button pc-button--quiet")
    return question_card(data, pseudo, result, error, story_box(data, scenario), nav)


def training_feedback(data, scenario, question, right, value):
    verdict = "pc-feedback--right" if right else "pc-feedback--wrong"
    out = '<section class="pc-card pc-feedback ' + verdict + '" data-right="' + ("true" if right else "false") + '">'
    out += story_box(data, scenario)
    out += '<h2 class="pc-question" id="pc-question" tabindex="-1">' + both(question["ask"]) + "</h2>"
    mark = "✓ " + both(data["ui"]["correct"]) if right else "✗ " + both(data["ui"]["wrong"])
    out += '<p class="pc-grade" role="status">' + mark + " <strong>" + both(with_unit(question, value)) + "</strong></p>"
    if question.get("why") and question["why"] in data["rules"]:
        out += why_box(data, question["why"])
    out += '<div class="pc-nav">' + button("continue", data["ui"]["continue"], "", "pc-button") + "</div>"
    return out + "</section>"


def verdict_pick(data, scenario, options):
    outcomes = {}
    for outcome in data["flows"][scenario["flow"]]["outcomes"]:
        outcomes[outcome["id"]] = outcome
    out = '<section class="pc-card">' + story_box(data, scenario)
    out += '<h2 class="pc-question" id="pc-question" tabindex="-1">' + both(data["ui"]["pick_verdict"]) + "</h2>"
    out += '<div class="pc-answers" role="group" aria-labelledby="pc-question">'
    for outcome_id in options:
        out += button("verdict", outcomes[outcome_id]["title"], ' data-value="' + escape(outcome_id) + '"', "pc-answer")
    return out + "</div></section>"


def training_result(data, scenario, picked, decision, score, total):
    right = picked == scenario["outcome"]
    grade = (
        '<p class="pc-grade" role="status" data-right="'
        + ("true" if right else "false")
        + '">'
        + (
            "✓ " + both(data["ui"]["correct"])
            if right
            else "✗ " + both(data["ui"]["wrong"]) + " <strong>" + both(decision["title"]) + "</strong>"
        )
        + " · "
        + both(data["ui"]["score"])
        + ": <strong>"
        + escape(score)
        + " / "
        + escape(total)
        + "</strong></p>"
    )
    nav = button("scenarios", data["ui"]["all_scenarios"], "", "pc-button")
    return grade + decision_card(data, {"flow": scenario["flow"]}, decision, nav=nav)
