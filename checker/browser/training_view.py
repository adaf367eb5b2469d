"""The training screens as HTML: scenario list, story, graded questions, verdict.

Plain Python for MicroPython; built on the case screens of ``view`` so both look alike, and
with checker.browser.html, which does all the escaping.
"""

from checker.browser import training
from checker.browser.html import element, fragment
from checker.browser.view import (
    QUIET,
    both,
    button,
    decision_card,
    heading,
    mode_label,
    nav_box,
    question_card,
    question_index,
    rule_link,
    rule_text,
    why_box,
)
from checker.engine.choices import answer_label
from checker.engine.dates import spoken_date

LANG_TAGS = (("zh", "zh-CN"), ("en", "en"))


def _tally(data, counts):
    numbers = (counts["right"], counts["wrong"], counts["new"])
    return {"zh": data["training_ui"]["tally"]["zh"] % numbers, "en": data["training_ui"]["tally"]["en"] % numbers}


def shown_answer(question, value):
    """An answer as it reads: a choice's label, a date with its year (2026 年 3 月 9 日,
    9 March 2026), a number with the question's unit (48 元, 48 yuan)."""
    if question["kind"] in ("date", "datetime") and spoken_date(value, "zh") is not None:
        return {"zh": spoken_date(value, "zh"), "en": spoken_date(value, "en")}
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
        _changed(data, scenario),
    )


def _changed(data, scenario):
    """ "Rules just changed" beside a scenario whose path cites a rule changed lately."""
    if not scenario.get("recent"):
        return None
    return fragment(
        " ",
        element(
            "span",
            {"class": "pc-recent rule-new", "data-rules": " ".join(scenario["recent"])},
            both(data["training_ui"]["recent"]),
        ),
    )


def offered(data):
    """The scenarios in the order training offers them: those touching rules changed lately
    first (a changed rule is what staff need to practise), the rest as the rules list them."""
    return [s for s in data["scenarios"] if s.get("recent")] + [s for s in data["scenarios"] if not s.get("recent")]


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
        element("ol", {"class": "pc-scenarios"}, [_scenario_item(data, progress, scenario) for scenario in offered(data)]),
        score,
        ending,
    )


def _marked_story(story, clue):
    """The story, one paragraph per language, with the clue marked where it stands."""
    paragraphs = []
    for lang, tag in LANG_TAGS:
        text = story[lang]
        at = text.find(clue[lang]) if clue else -1
        if at < 0:
            paragraphs.append(element("p", {"lang": tag}, text))
        else:
            end = at + len(clue[lang])
            paragraphs.append(element("p", {"lang": tag}, text[:at], element("mark", None, text[at:end]), text[end:]))
    return fragment(paragraphs)


def given_facts(data, scenario, known):
    """The given facts passed so far (trace entries): asked by no one, shown as known."""
    if not known:
        return None
    questions = question_index(data, scenario["flow"])
    items = []
    for entry in known:
        question = questions[entry["step"]]
        shown = shown_answer(question, entry["answer"])
        items.append(
            element("li", {"data-given": entry["step"]}, both(question["ask"]), " → ", element("strong", None, both(shown)))
        )
    label = element("p", {"class": "pc-why__label"}, both(data["training_ui"]["given"]))
    return element("div", {"class": "pc-given"}, label, element("ul", None, items))


def story_box(data, scenario, known=None, clue=None):
    """The story (its ``clue`` marked, if given) and the given facts passed so far."""
    return element(
        "div",
        {"class": "pc-story"},
        element("p", {"class": "pc-why__label"}, both(data["ui"]["story"]), " · ", both(scenario["title"])),
        _marked_story(scenario["story"], clue),
        given_facts(data, scenario, known),
    )


def training_question(data, scenario, session, result):
    """The next graded question; after an answer that could not be used, the checker's message
    and what was typed, as in a case."""
    typed = {}
    if session.get("error"):
        typed[result["question"]["id"]] = session.get("typed", "")
    pseudo = {"order": session["graded"], "flow": scenario["flow"], "answers": {}, "typed": typed}
    # In training the learner moves forward only; back and restart would spoil the grading.
    nav = button("scenarios", data["ui"]["all_scenarios"], QUIET)
    intro = story_box(data, scenario, training.givens(data, scenario, result["trace"], "picked" not in session))
    return question_card(data, pseudo, result, session.get("error"), intro, nav)


def _grade(data, right):
    return fragment("✓ ", both(data["ui"]["correct"])) if right else fragment("✗ ", both(data["ui"]["wrong"]))


def _line(css, label, value, attrs=None):
    merged = {"class": css}
    merged.update(attrs or {})
    return element("p", merged, both(label), element("strong", None, both(value)))


def training_feedback(data, scenario, question, right, value, mine, known=None):
    """The answer just graded: right or not, the learner's pick, the clue in the story (marked
    there too), the right answer when the pick was wrong, and the rule behind the question."""
    words = data["training_ui"]
    clue = training.clues(scenario).get(question["id"])
    verdict = "pc-feedback--right" if right else "pc-feedback--wrong"
    return element(
        "section",
        {"class": "pc-card pc-feedback " + verdict, "data-right": "true" if right else "false"},
        story_box(data, scenario, known, clue),
        heading(both(question["ask"])),
        element("p", {"class": "pc-grade", "role": "status"}, _grade(data, right)),
        _line("pc-mine", words["mine"], shown_answer(question, mine)) if mine is not None else None,
        element("p", {"class": "pc-clue"}, both(words["clue"]), both(clue, "q")) if clue else None,
        None if right else _line("pc-right", words["answer"], shown_answer(question, value)),
        why_box(data, question.get("why")),
        nav_box(button("continue", data["ui"]["continue"])),
    )


def verdict_pick(data, scenario, options, known=None):
    outcomes = {}
    for outcome in data["flows"][scenario["flow"]]["outcomes"]:
        outcomes[outcome["id"]] = outcome
    return element(
        "section",
        {"class": "pc-card"},
        story_box(data, scenario, known),
        heading(both(data["ui"]["pick_verdict"])),
        element(
            "div",
            {"class": "pc-answers", "role": "group", "aria-labelledby": "pc-question"},
            [button("verdict", outcomes[outcome_id]["title"], "pc-answer", {"data-value": outcome_id}) for outcome_id in options],
        ),
    )


def decided_box(data, scenario, decision, index):
    """The step that decided the verdict and its rule, set apart from the rest of the path."""
    if index is None:
        return None
    entry = decision["trace"][index]
    step = None
    if entry["type"] == "question":
        question = question_index(data, scenario["flow"])[entry["step"]]
        step = fragment(both(question["ask"]), " → ", element("strong", None, both(shown_answer(question, entry["answer"]))))
    else:  # a check: the fact the path worked out last before it, if any (day 8 of the window)
        for worked in decision["trace"][:index]:
            if worked["type"] == "derived":
                step = fragment(both(worked["title"]), " = ", element("strong", None, worked["value"]))
    rule = entry["rule"] if entry.get("rule") in data["rules"] else None
    return element(
        "aside",
        {"class": "pc-why pc-decided", "data-rule": rule},
        element("p", {"class": "pc-why__label"}, both(data["training_ui"]["decided"])),
        element("p", None, rule_link(data, rule)) if rule else None,
        both(rule_text(data, rule), "p") if rule else None,
        element("p", {"class": "pc-decided__step"}, step) if step else None,
    )


def training_result(data, scenario, session, decision, progress):
    """The verdict graded: the learner's pick and the right one, the rule that decided, the
    decision card (the deciding step marked in its path), and the next scenario to practise."""
    words = data["training_ui"]
    picked = session["picked"]
    right = picked == scenario["outcome"]
    titles = {}
    for outcome in data["flows"][scenario["flow"]]["outcomes"]:
        titles[outcome["id"]] = outcome["title"]
    index = training.deciding_step(data, scenario, decision["trace"])
    grade = element(
        "p",
        {"class": "pc-grade", "role": "status", "data-right": "true" if right else "false"},
        _grade(data, right),
        " · ",
        both(data["ui"]["score"]),
        ": ",
        element("strong", None, "%s / %s" % (session["points"], session["total"])),
    )
    summary = element(
        "section",
        {"class": "pc-card pc-feedback " + ("pc-feedback--right" if right else "pc-feedback--wrong")},
        grade,
        None if right else _line("pc-mine", words["your_verdict"], titles[picked], {"data-value": picked}),
        None if right else _line("pc-right", words["right_verdict"], decision["title"]),
        decided_box(data, scenario, decision, index),
    )
    following = training.next_scenario(data, progress, scenario["id"])
    nav = fragment(
        button("next", words["next"], "pc-button", {"data-value": following}) if following else None,
        button("scenarios", data["ui"]["all_scenarios"], QUIET if following else "pc-button"),
    )
    card = decision_card(data, {"flow": scenario["flow"], "decisive": index}, decision, nav=nav)
    return fragment(summary, card)


def training_screen(data, session, progress, confirm=False):
    """The screen for a training session at its phase; with no session, the scenario list."""
    if session is None:
        return training_list(data, progress, confirm)
    scenario = training.find(data, session["scenario"])
    result = training.current(data, scenario, session["graded"])
    trace = result["trace"] if result["type"] == "question" else result["decision"]["trace"]
    if session["phase"] == "feedback":
        question, right, value, mine = training.feedback(data, session)
        before = training.current(data, scenario, session["graded"][:-1])["trace"]
        known = training.givens(data, scenario, before, "picked" not in session)
        return training_feedback(data, scenario, question, right, value, mine, known)
    if session["phase"] == "verdict":
        known = training.givens(data, scenario, trace)
        return verdict_pick(data, scenario, training.verdict_options(data, scenario), known)
    if session["phase"] == "result":
        return training_result(data, scenario, session, result["decision"], progress)
    return training_question(data, scenario, session, result)
