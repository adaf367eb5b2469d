"""The checker's screens as HTML strings, from engine results. Plain Python for MicroPython.

The same functions run at build time (to put the first question into the page's HTML) and
in the browser (for every later screen), so both always look the same. Every string from
the rules passes through ``escape``. Actions are ``data-action`` attributes that one
delegated event handler (boot.js before the runtime is ready, app.py after) turns into calls.
The screens' own words come with the checker data (``data["ui"]``, from checker.wording),
so each site ships only the words its readers may see.
"""

from checker.engine import graph, verdict
from checker.engine.text import wording
from checker.engine.vocabulary import leg_text


def escape(text):
    """HTML-escape text (and attribute values)."""
    text = str(text)
    for plain, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")):
        text = text.replace(plain, entity)
    return text


def both(pair, tag="span", css=""):
    """Chinese then English, each tagged with its language (the site's switch shows either)."""
    klass = ' class="' + css + '"' if css else ""
    return (
        "<"
        + tag
        + ' lang="zh-CN"'
        + klass
        + ">"
        + escape(pair["zh"])
        + "</"
        + tag
        + ">"
        + "<"
        + tag
        + ' lang="en"'
        + klass
        + ">"
        + escape(pair["en"])
        + "</"
        + tag
        + ">"
    )


def ui(data, key, number=None):
    pair = data["ui"][key]
    if number is None:
        return pair
    return {"zh": pair["zh"] % number, "en": pair["en"] % number}


def vocab(data, code):
    entry = data["terms"].get(code)
    return entry if entry else {"zh": str(code), "en": str(code)}


def button(action, label, extra="", css="pc-button"):
    return '<button type="button" class="' + css + '" data-action="' + action + '"' + extra + ">" + both(label) + "</button>"


def rule_link(data, rule_id):
    """A link to the rule's permalink in the handbook (or the public site)."""
    rule = data["rules"][rule_id]
    page = data["links"].get(rule["area"])
    label = both(rule["title"])
    if data["audience"] == "staff":  # customers get the policy's section, not its code
        label = "<code>" + escape(rule_id) + "</code> " + label
    if page is None:
        return label
    return '<a href="' + escape(data["links_base"] + page + "#" + rule_id) + '">' + label + "</a>"


def rule_text(data, rule_id, field="text"):
    rule = data["rules"][rule_id]
    return {"zh": wording(rule, field, "zh"), "en": wording(rule, field, "en")}


def mode_label(data, mode):
    """A tab's label: the flow's tab title from the site file, or the checker's own word."""
    return data["tabs"][mode] if mode in data["tabs"] else data["ui"][mode]


def tabs(data, state):
    """The mode switch between the flows (and training) the data offers."""
    if len(data["modes"]) < 2:
        return ""
    current = "training" if state["mode"] == "train" else state["flow"]
    out = '<div class="pc-tabs" role="group" aria-label="检查器 · Checker">'
    for mode in data["modes"]:
        pressed = "true" if mode == current else "false"
        out += button("mode", mode_label(data, mode), ' data-value="' + mode + '" aria-pressed="' + pressed + '"', "pc-tab")
    return out + "</div>"


def question_card(data, state, result, error=None, intro="", nav=None):
    """One question; ``nav`` replaces the back and restart buttons (training uses its own)."""
    question = result["question"]
    qid = question["id"]
    number = len(state["order"]) + 1
    out = '<section class="pc-card" data-question="' + escape(qid) + '">' + intro
    out += '<p class="pc-progress">' + both(ui(data, "step", number)) + "</p>"
    out += '<h2 class="pc-question" id="pc-question" tabindex="-1">' + both(question["ask"]) + "</h2>"
    if question["kind"] == "choice":
        out += '<div class="pc-answers" role="group" aria-labelledby="pc-question">'
        for option in question["answers"]:
            out += button(
                "answer",
                option["label"],
                ' data-question="' + escape(qid) + '" data-value="' + escape(option["value"]) + '"',
                "pc-answer",
            )
        out += "</div>"
    else:
        out += value_form(data, question, state, error)
    out += why_box(data, question["why"])
    if nav is None:
        nav = ""
        if state["order"]:
            nav = button("back", data["ui"]["back"], "", "pc-button pc-button--quiet") + button(
                "restart", data["ui"]["restart"], "", "pc-button pc-button--quiet"
            )
    out += '<div class="pc-nav">' + nav + "</div>"
    out += history(data, state, result)
    return out + "</section>"


def value_form(data, question, state, error):
    qid = question["id"]
    kinds = {"date": "date", "datetime": "datetime-local", "number": "number"}
    value = state["answers"].get(qid, state.get("defaults", {}).get(qid, ""))
    if error and qid in state.get("typed", {}):
        value = state["typed"][qid]  # after an error, keep what was typed rather than today's date
    attributes = ' type="' + kinds[question["kind"]] + '" id="pc-input" name="value" required'
    if question["kind"] == "number":
        attributes += ' inputmode="decimal" step="any"'
        if "min" in question:
            attributes += ' min="' + escape(question["min"]) + '"'
    if value != "":
        attributes += ' value="' + escape(value) + '"'
    invalid = ' aria-invalid="true" aria-describedby="pc-error"' if error else ""
    out = '<form class="pc-form" data-action="submit" data-question="' + escape(qid) + '" novalidate>'
    out += '<label for="pc-input" class="pc-label">' + both(question["ask"])
    if question.get("unit"):
        out += ' <span class="pc-unit">(' + both(question["unit"]) + ")</span>"
    out += "</label>"
    out += '<div class="pc-row"><input' + attributes + invalid + ">"
    out += '<button type="submit" class="pc-button">' + both(data["ui"]["next"]) + "</button></div>"
    if error:
        # The engine's message ({"zh", "en"}); the page's language shows one line, "both" shows two.
        out += '<div class="pc-error" id="pc-error" role="alert">' + both(error, "p") + "</div>"
    return out + "</form>"


def why_box(data, rule_id):
    if not rule_id or rule_id not in data["rules"]:
        return ""
    return (
        '<aside class="pc-why"><p class="pc-why__label">'
        + both(vocab(data, "why"))
        + "</p><p>"
        + rule_link(data, rule_id)
        + "</p>"
        + both(rule_text(data, rule_id), "p")
        + "</aside>"
    )


def history(data, state, result):
    entries = [entry for entry in result.get("trace", []) if entry["type"] == "question"]
    if not entries:
        return ""
    questions = question_index(data, state["flow"])
    out = '<details class="pc-history"><summary>' + both(data["ui"]["answered"]) + "</summary><ol>"
    for entry in entries:
        asked = questions[entry["step"]]["ask"]
        answer = entry.get("label") or {"zh": str(entry["answer"]), "en": str(entry["answer"])}
        out += "<li>" + both(asked) + " → <strong>" + both(answer) + "</strong></li>"
    return out + "</ol></details>"


def decision_card(data, state, decision, share_url="", extra="", nav=None):
    status = decision["status"]
    out = (
        '<section class="pc-card pc-verdict pc-verdict--'
        + escape(status)
        + '" data-outcome="'
        + escape(decision["outcome"])
        + '">'
    )
    out += '<p class="pc-status">' + both(vocab(data, "status")) + ": <strong>" + both(vocab(data, status)) + "</strong></p>"
    out += '<h2 class="pc-question" id="pc-question" tabindex="-1">' + both(decision["title"]) + "</h2>"
    out += "<dl>"
    for item in verdict.rows(decision, data["audience"]):
        out += row(data, item["key"], VERDICT_ROWS[item["key"]](data, item["value"]))
    out += "</dl>"
    out += contact_box(data)
    out += trace_box(data, state, decision)
    if share_url:
        out += (
            '<p class="pc-share"><label for="pc-share">'
            + both(data["ui"]["share"])
            + '</label><input id="pc-share" readonly value="'
            + escape(share_url)
            + '">'
            + copy_button(data, share_url)
            + "</p>"
        )
    out += extra
    if nav is None:
        nav = button("back", data["ui"]["back"], "", "pc-button pc-button--quiet") + button(
            "restart", data["ui"]["restart"], "", "pc-button"
        )
    out += '<div class="pc-nav">' + nav + "</div>"
    return out + "</section>"


def _postage(data, postage):
    parts = ""
    for leg in ("return_leg", "resend_leg"):
        if postage[leg]:
            legs = {"zh": leg_text(postage[leg], "zh", data["terms"]), "en": leg_text(postage[leg], "en", data["terms"])}
            parts += "<p>" + both(vocab(data, leg)) + ": " + both(legs) + "</p>"
    return parts + "<p>" + rule_link(data, postage["rule"]) + "</p>"


def _flag(data, flag):
    swatch = '<span class="pc-flag" style="background:' + escape(data["flag_colours"].get(flag["colour"], "#888")) + '"></span>'
    note = '<p><code class="pc-note">' + escape(flag["note"]["zh"]) + "</code>" + copy_button(data, flag["note"]["zh"]) + "</p>"
    return "<p>" + swatch + both(data["rules"][flag["rule"]]["title"]) + "</p>" + note


def _deadlines(data, deadlines):
    items = ""
    for deadline in deadlines:
        items += (
            "<li>"
            + both(data["rules"][deadline["rule"]]["title"])
            + ": <strong><time>"
            + escape(deadline["due"].replace("T", " "))
            + "</time></strong> ("
            + both(vocab(data, deadline["weekday"]))
            + ")</li>"
        )
    return "<ul>" + items + "</ul>"


def _escalation(data, escalation):
    """The highest role, then every duty with its role and rule (a case may owe several)."""
    reasons = "".join(
        "<li>"
        + both(data["roles"].get(reason["to"]) or vocab(data, reason["to"]))
        + ": "
        + rule_link(data, reason["rule"])
        + "</li>"
        for reason in escalation["reasons"]
    )
    to = both(data["roles"].get(escalation["to"]) or vocab(data, escalation["to"]))
    return "<strong>" + to + "</strong>" + ("<ul>" + reasons + "</ul>" if reasons else "")


def _cited(data, rule_ids):
    return (
        '<ul class="pc-rules">' + "".join("<li>" + rule_link(data, r) + "</li>" for r in rule_ids if r in data["rules"]) + "</ul>"
    )


# How each row of the decision model (checker.engine.verdict) looks on the card.
VERDICT_ROWS = {
    "say": lambda data, say: both(say, "p") + copy_button(data, say["zh"]),
    "steps": lambda data, steps: (
        '<ol class="pc-steps">' + "".join(both(step, "span").join(("<li>", "</li>")) for step in steps) + "</ol>"
    ),
    "resolution": lambda data, value: both(vocab(data, value)),
    "postage": _postage,
    "price_difference": lambda data, rule_id: both(rule_text(data, rule_id), "p"),
    "flag": _flag,
    "department": lambda data, role: both(data["roles"][role]),
    "deadlines": _deadlines,
    "follow_up": lambda data, rule_id: both(rule_text(data, rule_id), "p"),
    "compared": lambda data, compared: (
        both(
            {
                lang: verdict.compared_text(data["flows"][compared["flow"]], data["rules"], compared, lang)
                for lang in ("zh", "en")
            },
            "p",
        )
        + ("<p>" + rule_link(data, compared["rule"]) + "</p>" if compared["rule"] in data["rules"] else "")
    ),
    "escalation": _escalation,
    "warnings": lambda data, warning: both(warning, "p"),
    "rules": _cited,
}


def row(data, key, body):
    return '<dt data-row="' + escape(key) + '">' + both(vocab(data, key)) + "</dt><dd>" + body + "</dd>"


def copy_button(data, text):
    """A copy button for staff (an agent pastes the script or note); customers get none."""
    if data["audience"] != "staff":
        return ""
    return button("copy", data["ui"]["copy"], ' data-copy="' + escape(text) + '"', "pc-button pc-button--small")


def contact_box(data):
    """The shop's contact details under a customer's verdict, when the shop file gives them
    (labelled by the checker's terms; a key without one shows unlabelled)."""
    contact = data.get("contact")
    if not contact:
        return ""
    out = '<aside class="pc-contact"><p class="pc-why__label">' + both(vocab(data, "contact")) + "</p><ul>"
    for key in sorted(contact):
        value = contact[key]
        shown = both(value) if isinstance(value, dict) and "zh" in value else escape(value)
        label = both(data["terms"][key]) + ": " if key in data["terms"] else ""
        out += "<li>" + label + shown + "</li>"
    return out + "</ul></aside>"


def trace_box(data, state, decision):
    questions = question_index(data, decision["flow"])
    out = '<details class="pc-trace"><summary>' + both(data["ui"]["how"]) + "</summary><ol>"
    for entry in decision["trace"]:
        if entry["type"] == "question":
            answer = entry.get("label") or {"zh": str(entry["answer"]), "en": str(entry["answer"])}
            out += "<li>" + both(questions[entry["step"]]["ask"]) + " → <strong>" + both(answer) + "</strong>"
        elif entry["type"] == "derived":
            out += "<li>" + both(entry["title"]) + " = <strong>" + escape(entry["value"]) + "</strong>"
        else:
            out += "<li>" + both(data["ui"]["check"])
        if entry.get("rule") and entry["rule"] in data["rules"]:
            out += " — " + rule_link(data, entry["rule"])
        out += "</li>"
    return out + "</ol></details>"


def error_card(data, title, detail):
    """A friendly error, never a traceback: staff get the text to report, customers a way on
    (the detail stays folded away for whoever they contact)."""
    if data["audience"] == "staff":
        body = both(data["ui"]["error_body"], "p") + '<pre class="pc-report">' + escape(detail) + "</pre>"
    else:
        body = (
            both(data["ui"]["error_body_public"], "p")
            + '<details><summary>…</summary><pre class="pc-report">'
            + escape(detail)
            + "</pre></details>"
        )
    return (
        '<section class="pc-card pc-failure" role="alert"><h2 class="pc-question" id="pc-question" tabindex="-1">'
        + both(title)
        + "</h2>"
        + body
        + '<div class="pc-nav">'
        + button("restart", data["ui"]["restart"], "", "pc-button")
        + "</div></section>"
    )


def loading_note(data):
    return '<p class="pc-loading" role="status" hidden>' + both(data["ui"]["loading"]) + "</p>"


def question_index(data, flow_id):
    return graph.by_id(data["flows"][flow_id], "questions")
