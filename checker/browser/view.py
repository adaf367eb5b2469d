"""The checker's screens as HTML, from engine results. Plain Python for MicroPython.

The same functions run at build time (to put the first question into the page's HTML) and
in the browser (for every later screen), so both always look the same. Screens are built
with checker.browser.html, which escapes every string that is not markup built there.
Actions are ``data-action`` attributes that one delegated event handler (boot.js before the
runtime is ready, app.py after) turns into calls. The screens' own words come with the
checker data (``data["ui"]``, from checker.wording), so each site ships only the words its
readers may see. The small pieces every screen is made of are in checker.browser.parts.
"""

import json

from checker.browser import case
from checker.browser.html import element, fragment
from checker.browser.parts import (
    QUIET,
    as_of_box,
    both,
    button,
    copy_button,
    heading,
    lang_tag,
    languages,
    nav_box,
    rule_link,
    rule_text,
    said,
    ui,
    vocab,
)
from checker.engine import graph, verdict
from checker.engine.vocabulary import leg_text


def mode_label(data, mode):
    """A tab's label: the flow's tab title from the site file, or the checker's own word."""
    return data["tabs"][mode] if mode in data["tabs"] else data["ui"][mode]


def tabs(data, state):
    """The mode switch between the flows (and training) the data offers."""
    if len(data["modes"]) < 2:
        return fragment()
    current = case.TRAINING_MODE if state["mode"] == "train" else state["flow"]
    return element(
        "div",
        {"class": "pc-tabs", "role": "group", "aria-label": said(data, data["title"])},
        [
            button(
                "mode",
                mode_label(data, mode),
                "pc-tab",
                {"data-value": mode, "aria-pressed": "true" if mode == current else "false"},
            )
            for mode in data["modes"]
        ],
    )


def question_card(data, state, result, error=None, intro=None, nav=None):
    """One question; ``nav`` replaces the back and restart buttons (training uses its own)."""
    question = result["question"]
    qid = question["id"]
    if question["kind"] == "choice":
        answers = element(
            "div",
            {"class": "pc-answers", "role": "group", "aria-labelledby": "pc-question"},
            [
                button("answer", option["label"], "pc-answer", {"data-question": qid, "data-value": option["value"]})
                for option in question["answers"]
            ],
        )
    else:
        answers = value_form(data, question, state, error)
    if nav is None and state["order"]:
        nav = fragment(button("back", data["ui"]["back"], QUIET), button("restart", data["ui"]["restart"], QUIET))
    return element(
        "section",
        {"class": "pc-card", "data-question": qid},
        intro,
        element("p", {"class": "pc-progress"}, both(ui(data, "step", len(state["order"]) + 1))),
        heading(both(question["ask"])),
        answers,
        why_box(data, question["why"], result.get("day")),
        nav_box(nav),
        history(data, state, result),
    )


def value_form(data, question, state, error):
    qid = question["id"]
    kinds = {"date": "date", "datetime": "datetime-local", "number": "number"}
    value = state["answers"].get(qid, state.get("defaults", {}).get(qid, ""))
    if error and qid in state.get("typed", {}):
        value = state["typed"][qid]  # after an error, keep what was typed rather than today's date
    number = question["kind"] == "number"
    field = {
        "type": kinds[question["kind"]],
        "id": "pc-input",
        "name": "value",
        "required": True,
        "inputmode": "decimal" if number else None,
        "step": "any" if number else None,
        "min": question.get("min") if number else None,
        "value": value if value != "" else None,
        "aria-invalid": "true" if error else None,
        "aria-describedby": "pc-error" if error else None,
    }
    unit = (
        fragment(" ", element("span", {"class": "pc-unit"}, "(", both(question["unit"]), ")")) if question.get("unit") else None
    )
    # The engine's message ({"zh", "en"}); the page's language shows one line, "both" shows two.
    message = element("div", {"class": "pc-error", "id": "pc-error", "role": "alert"}, both(error, "p")) if error else None
    return element(
        "form",
        {"class": "pc-form", "data-action": "submit", "data-question": qid, "novalidate": True},
        element("label", {"for": "pc-input", "class": "pc-label"}, both(question["ask"]), unit),
        element(
            "div",
            {"class": "pc-row"},
            element("input", field),
            element("button", {"type": "submit", "class": "pc-button"}, both(data["ui"]["next"])),
        ),
        message,
    )


def why_box(data, rule_id, day=None):
    if not rule_id or rule_id not in data["rules"]:
        return None
    return element(
        "aside",
        {"class": "pc-why"},
        element("p", {"class": "pc-why__label"}, both(vocab(data, "why"))),
        element("p", None, rule_link(data, rule_id)),
        both(rule_text(data, rule_id, day=day), "p"),
    )


def answered(question, entry):
    """A question and its answer in a trace as they read: 'ask → answer' (the answer's label,
    or the value itself)."""
    answer = entry.get("label") or {"zh": str(entry["answer"]), "en": str(entry["answer"])}
    return fragment(both(question["ask"]), " → ", element("strong", None, both(answer)))


def history(data, state, result):
    entries = [entry for entry in result.get("trace", []) if entry["type"] == "question"]
    if not entries:
        return None
    questions = question_index(data, state["flow"])
    items = [element("li", None, answered(questions[entry["step"]], entry)) for entry in entries]
    return element(
        "details", {"class": "pc-history"}, element("summary", None, both(data["ui"]["answered"])), element("ol", None, items)
    )


def decision_card(data, state, decision, share_url="", extra=None, nav=None):
    status = decision["status"]
    share = None
    if share_url:
        share = element(
            "p",
            {"class": "pc-share"},
            element("label", {"for": "pc-share"}, both(data["ui"]["share"])),
            element("input", {"id": "pc-share", "readonly": True, "value": share_url}),
            copy_button(data, share_url),
        )
    if nav is None:
        nav = fragment(button("back", data["ui"]["back"], QUIET), button("restart", data["ui"]["restart"]))
    rows = [
        row(data, item["key"], VERDICT_ROWS[item["key"]](data, item["value"]))
        for item in verdict.rows(decision, data["audience"])
    ]
    return element(
        "section",
        {"class": "pc-card pc-verdict pc-verdict--" + status, "data-outcome": decision["outcome"]},
        element(
            "p", {"class": "pc-status"}, both(vocab(data, "status")), ": ", element("strong", None, both(vocab(data, status)))
        ),
        heading(both(decision["title"])),
        element("dl", None, rows),
        contact_box(data),
        trace_box(data, state, decision),
        share,
        extra,
        nav_box(nav),
    )


def case_screen(data, state, screen, share_url=""):
    """One screen of a case as checker.browser.case describes it: a question, a decision (with
    its link to share and its JSON for tests), or an error."""
    if screen["kind"] == case.QUESTION:
        return fragment(question_card(data, state, screen["result"], state.get("error")), as_of_box(data, state))
    if screen["kind"] == case.DECISION:
        card = decision_card(data, state, screen["decision"], share_url, result_tag(screen["decision"]))
        return fragment(card, as_of_box(data, state))
    return error_card(data, screen["title"], screen["detail"])


def result_tag(decision):
    """The decision as JSON in a hidden element, for tests and tools that read the page."""
    return element("div", {"id": "pc-result", "hidden": True, "data-json": json.dumps(decision)})


def _postage(data, postage):
    parts = []
    for leg in ("return_leg", "resend_leg"):
        if postage[leg]:
            legs = {"zh": leg_text(postage[leg], "zh", data["terms"]), "en": leg_text(postage[leg], "en", data["terms"])}
            parts.append(element("p", None, both(vocab(data, leg)), ": ", both(legs)))
    return fragment(parts, element("p", None, rule_link(data, postage["rule"])))


def _flag(data, flag):
    """The flag, and its note to paste in the checker's language, each with its copy button."""
    swatch = element("span", {"class": "pc-flag", "style": "background:" + data["flag_colours"].get(flag["colour"], "#888")})
    notes = [
        element(
            "p",
            {"lang": lang_tag(lang)},
            element("code", {"class": "pc-note"}, flag["note"][lang]),
            copy_button(data, flag["note"][lang]),
        )
        for lang in languages(data)
    ]
    return fragment(element("p", None, swatch, both(data["rules"][flag["rule"]]["title"])), notes)


def _say(data, say):
    """What to tell the customer, each language with a button that copies it."""
    return fragment([element("p", {"lang": lang_tag(lang)}, say[lang], copy_button(data, say[lang])) for lang in languages(data)])


def _deadlines(data, deadlines):
    return element(
        "ul",
        None,
        [
            element(
                "li",
                None,
                both(data["rules"][deadline["rule"]]["title"]),
                ": ",
                element("strong", None, element("time", None, deadline["due"].replace("T", " "))),
                " (",
                both(vocab(data, deadline["weekday"])),
                ")",
            )
            for deadline in deadlines
        ],
    )


def _role(data, role):
    return both(data["roles"].get(role) or vocab(data, role))


def _escalation(data, escalation):
    """The highest role, then every duty with its role and rule (a case may owe several)."""
    reasons = [
        element("li", None, _role(data, reason["to"]), ": ", rule_link(data, reason["rule"])) for reason in escalation["reasons"]
    ]
    return fragment(element("strong", None, _role(data, escalation["to"])), element("ul", None, reasons) if reasons else None)


def _cited(data, rule_ids):
    recent = data.get("recent") or {}
    return element(
        "ul",
        {"class": "pc-rules"},
        [
            element("li", None, rule_link(data, r), _new(data, recent[r]) if r in recent else None)
            for r in rule_ids
            if r in data["rules"]
        ],
    )


def _new(data, day):
    """The badge of a rule changed lately ("changed on <day>")."""
    said = {lang: data["ui"]["recent"][lang].replace("{date}", day) for lang in ("zh", "en")}
    return fragment(" ", element("span", {"class": "rule-new"}, both(said)))


def _compared(data, compared):
    text = {lang: verdict.compared_text(data["flows"][compared["flow"]], data["rules"], compared, lang) for lang in ("zh", "en")}
    link = element("p", None, rule_link(data, compared["rule"])) if compared["rule"] in data["rules"] else None
    return fragment(both(text, "p"), link)


# How each row of the decision model (checker.engine.verdict) looks on the card.
VERDICT_ROWS = {
    "say": _say,
    "steps": lambda data, steps: element("ol", {"class": "pc-steps"}, [element("li", None, both(step)) for step in steps]),
    "resolution": lambda data, value: both(vocab(data, value)),
    "postage": _postage,
    "price_difference": lambda data, rule_id: both(rule_text(data, rule_id), "p"),
    "flag": _flag,
    "department": lambda data, role: both(data["roles"][role]),
    "deadlines": _deadlines,
    "follow_up": lambda data, rule_id: both(rule_text(data, rule_id), "p"),
    "compared": _compared,
    "versions": lambda data, version: fragment(
        both({lang: verdict.version_text(data["rules"], version, data["terms"], lang) for lang in ("zh", "en")}, "p"),
        element("p", None, rule_link(data, version["rule"])) if version["rule"] in data["rules"] else None,
    ),
    "escalation": _escalation,
    "warnings": lambda data, warning: both(warning, "p"),
    "rules": _cited,
}


def row(data, key, body):
    return fragment(element("dt", {"data-row": key}, both(vocab(data, key))), element("dd", None, body))


def contact_box(data):
    """The shop's contact details under a customer's verdict, when the shop file gives them
    (labelled by the checker's terms; a key without one shows unlabelled)."""
    contact = data.get("contact")
    if not contact:
        return None
    items = []
    for key in sorted(contact):
        value = contact[key]
        shown = both(value) if isinstance(value, dict) and "zh" in value else value
        label = fragment(both(data["terms"][key]), ": ") if key in data["terms"] else None
        items.append(element("li", None, label, shown))
    return element(
        "aside",
        {"class": "pc-contact"},
        element("p", {"class": "pc-why__label"}, both(vocab(data, "contact"))),
        element("ul", None, items),
    )


def trace_box(data, state, decision):
    """How the decision was reached. Staff see every step with its rule, and training marks the
    one that decided (``state["decisive"]``); customers see only the questions they answered, in
    their words (the checks are the engine's business, and the policy behind the answer is
    listed above)."""
    questions = question_index(data, decision["flow"])
    staff = data["audience"] == "staff"
    items = []
    for index, entry in enumerate(decision["trace"]):
        if entry["type"] == "question":
            said_here = answered(questions[entry["step"]], entry)
        elif not staff:
            continue
        elif entry["type"] == "derived":
            said_here = fragment(both(entry["title"]), " = ", element("strong", None, entry["value"]))
        else:
            said_here = both(data["ui"]["check"])
        cited = staff and entry.get("rule") and entry["rule"] in data["rules"]
        decisive = index == state.get("decisive")
        marker = fragment(" ", element("strong", None, "← ", both(data["ui"]["decisive"]))) if decisive else None
        link = fragment(" — ", rule_link(data, entry["rule"])) if cited else None
        items.append(element("li", {"class": "pc-decisive" if decisive else None}, said_here, link, marker))
    summary = data["ui"]["how" if staff else "your_answers"]
    return element("details", {"class": "pc-trace"}, element("summary", None, both(summary)), element("ol", None, items))


def error_card(data, title, detail):
    """A friendly error, never a traceback: staff get the text to report, customers a way on
    (the detail stays folded away for whoever they contact)."""
    report = element("pre", {"class": "pc-report"}, detail)
    if data["audience"] == "staff":
        body = fragment(both(data["ui"]["error_body"], "p"), report)
    else:
        body = fragment(
            both(data["ui"]["error_body_public"], "p"), element("details", None, element("summary", None, "…"), report)
        )
    return element(
        "section",
        {"class": "pc-card pc-failure", "role": "alert"},
        heading(both(title)),
        body,
        nav_box(button("restart", data["ui"]["restart"])),
    )


def loading_note(data):
    return element("p", {"class": "pc-loading", "role": "status", "hidden": True}, both(data["ui"]["loading"]))


def question_index(data, flow_id):
    return graph.by_id(data["flows"][flow_id], "questions")
