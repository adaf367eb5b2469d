"""The training screens as HTML strings: scenario list, story, graded questions, verdict.

Plain Python for MicroPython; built on the case screens of ``view`` so both look alike.
"""

from checker.browser import training
from checker.browser.view import UI, both, button, decision_card, escape, mode_label, question_card, why_box
from checker.engine.choices import answer_label

# The training screens' own words (the case screens' words are in view.UI).
WORDS = {
    "right": {"zh": "✓ 判定正确", "en": "✓ Verdict right"},
    "wrong": {"zh": "✗ 判定错误，再试一次", "en": "✗ Verdict wrong, try again"},
    "new": {"zh": "未做", "en": "Not tried"},
    "tally": {"zh": "正确 %d · 错误 %d · 未做 %d", "en": "Right %d · wrong %d · not tried %d"},
    "confirm": {
        "zh": "确定清除全部培训进度吗？各案例的结果和得分都会删除。",
        "en": "Clear all training progress? Every scenario's result and score will be deleted.",
    },
    "confirm_yes": {"zh": "确定清除", "en": "Yes, clear it"},
    "confirm_no": {"zh": "取消", "en": "Cancel"},
}


def _tally(counts):
    numbers = (counts["right"], counts["wrong"], counts["new"])
    return {"zh": WORDS["tally"]["zh"] % numbers, "en": WORDS["tally"]["en"] % numbers}


def with_unit(question, value):
    """An answer as it reads, with the question's unit when it has one (48 元, 48 yuan)."""
    label = answer_label(question, value)
    if question.get("unit") and question["kind"] != "choice":
        return {"zh": label["zh"] + " " + question["unit"]["zh"], "en": label["en"] + " " + question["unit"]["en"]}
    return label


def training_list(data, progress, confirm=False):
    """Every scenario with its last result (right, wrong, not tried), the score, and Reset
    (which asks first: ``confirm`` shows the question in the page)."""
    out = '<section class="pc-card"><h2 class="pc-question" id="pc-question" tabindex="-1">' + both(UI["scenarios"]) + "</h2>"
    counts = training.summary(data, progress)
    out += '<ol class="pc-scenarios">'
    for scenario in data["scenarios"]:
        mark = training.status(progress, scenario["id"])
        out += '<li data-result="' + mark + '">'
        out += button("scenario", scenario["title"], ' data-value="' + escape(scenario["id"]) + '"', "pc-link")
        out += ' <span class="pc-flowname">' + both(mode_label(data, scenario["flow"])) + "</span>"
        out += ' <span class="pc-done pc-done--' + mark + '">' + both(WORDS[mark])
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
        + both(UI["score"])
        + ": <strong>"
        + escape(counts["points"])
        + " / "
        + escape(counts["total"])
        + "</strong> · "
        + both(_tally(counts))
        + "</p>"
    )
    if confirm:
        out += '<div class="pc-confirm" role="alertdialog" aria-labelledby="pc-confirm-text">'
        out += '<p id="pc-confirm-text">' + both(WORDS["confirm"]) + '</p><div class="pc-nav">'
        out += button("reset-confirm", WORDS["confirm_yes"], "", "pc-button")
        out += button("scenarios", WORDS["confirm_no"], "", "pc-button pc-button--quiet") + "</div></div>"
    else:
        out += '<div class="pc-nav">' + button("reset", UI["reset"], "", "pc-button pc-button--quiet") + "</div>"
    return out + "</section>"


def story_box(scenario):
    return (
        '<div class="pc-story"><p class="pc-why__label">'
        + both(UI["story"])
        + " · "
        + both(scenario["title"])
        + "</p>"
        + both(scenario["story"], "p")
        + "</div>"
    )


def training_question(data, scenario, graded, result, error=None):
    pseudo = {"order": graded, "flow": scenario["flow"], "answers": {}}
    # In training the learner moves forward only; back and restart would spoil the grading.
    nav = button("scenarios", UI["all_scenarios"], "", "pc-button pc-button--quiet")
    return question_card(data, pseudo, result, error, story_box(scenario), nav)


def training_feedback(data, scenario, question, right, value):
    verdict = "pc-feedback--right" if right else "pc-feedback--wrong"
    out = '<section class="pc-card pc-feedback ' + verdict + '" data-right="' + ("true" if right else "false") + '">'
    out += story_box(scenario)
    out += '<h2 class="pc-question" id="pc-question" tabindex="-1">' + both(question["ask"]) + "</h2>"
    mark = "✓ " + both(UI["correct"]) if right else "✗ " + both(UI["wrong"])
    out += '<p class="pc-grade" role="status">' + mark + " <strong>" + both(with_unit(question, value)) + "</strong></p>"
    if question.get("why") and question["why"] in data["rules"]:
        out += why_box(data, question["why"])
    out += '<div class="pc-nav">' + button("continue", UI["continue"], "", "pc-button") + "</div>"
    return out + "</section>"


def verdict_pick(data, scenario, options):
    outcomes = {}
    for outcome in data["flows"][scenario["flow"]]["outcomes"]:
        outcomes[outcome["id"]] = outcome
    out = '<section class="pc-card">' + story_box(scenario)
    out += '<h2 class="pc-question" id="pc-question" tabindex="-1">' + both(UI["pick_verdict"]) + "</h2>"
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
            "✓ " + both(UI["correct"])
            if right
            else "✗ " + both(UI["wrong"]) + " <strong>" + both(decision["title"]) + "</strong>"
        )
        + " · "
        + both(UI["score"])
        + ": <strong>"
        + escape(score)
        + " / "
        + escape(total)
        + "</strong></p>"
    )
    nav = button("scenarios", UI["all_scenarios"], "", "pc-button")
    return grade + decision_card(data, {"flow": scenario["flow"]}, decision, nav=nav)
