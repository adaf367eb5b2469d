"""The training screens as HTML strings: scenario list, story, graded questions, verdict.

Plain Python for MicroPython; built on the case screens of ``view`` so both look alike.
"""

from checker.browser.view import UI, both, button, decision_card, escape, mode_label, question_card, why_box
from checker.engine.choices import answer_label


def training_list(data, progress):
    out = '<section class="pc-card"><h2 class="pc-question" id="pc-question" tabindex="-1">' + both(UI["scenarios"]) + "</h2>"
    done, points, total = 0, 0, 0
    out += '<ol class="pc-scenarios">'
    for scenario in data["scenarios"]:
        record = progress.get(scenario["id"])
        mark = ""
        if record:
            done += 1
            points += record["score"]
            total += record["total"]
            mark = (
                ' <span class="pc-done">✓ '
                + both(UI["done"])
                + " "
                + escape(record["score"])
                + "/"
                + escape(record["total"])
                + "</span>"
            )
        out += (
            "<li>"
            + button("scenario", scenario["title"], ' data-value="' + escape(scenario["id"]) + '"', "pc-link")
            + ' <span class="pc-flowname">'
            + both(mode_label(data, scenario["flow"]))
            + "</span>"
            + mark
            + "</li>"
        )
    out += "</ol>"
    out += (
        '<p class="pc-score" data-done="'
        + escape(done)
        + '" data-points="'
        + escape(points)
        + '" data-total="'
        + escape(total)
        + '">'
        + both(UI["score"])
        + ": <strong>"
        + escape(points)
        + " / "
        + escape(total)
        + "</strong> · "
        + escape(done)
        + " / "
        + escape(len(data["scenarios"]))
        + "</p>"
    )
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
    if right:
        out += '<p class="pc-grade" role="status">✓ ' + both(UI["correct"]) + "</p>"
    else:
        out += (
            '<p class="pc-grade" role="status">✗ '
            + both(UI["wrong"])
            + " <strong>"
            + both(answer_label(question, value))
            + "</strong></p>"
        )
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
