"""The browser checker's pure modules at work: golden cases walked through checker.browser.case
and training scenarios through checker.browser.training, with a digest of each screen's HTML
(MicroPython's json.dumps of whole pages takes seconds). Run on CPython and on MicroPython; the
two must give the same."""

import binascii
import hashlib

from checker.browser import case, training, training_view, view
from checker.browser.html import element, escape, fragment
from checker.engine import AnswerError

JSON_START = '<div data-json="'
JSON_END = '" hidden id="pc-result">'


def _screen_html(data, change):
    """The screen's HTML, its decision JSON cut out (key order and escapes of json.dumps differ
    between the runtimes; the decision itself is compared as data)."""
    html = str(view.case_screen(data, change["state"], change["screen"], "https://shop.test/#" + str(change["link"])))
    if JSON_START in html:
        start = html.index(JSON_START)
        html = html[:start] + "<div" + html[html.index(JSON_END, start) + len(JSON_END) - 1 :]
    return html


def digest(html):
    """A short fingerprint of a screen's HTML: its length and SHA-256."""
    data = str(html).encode("utf-8")
    return "%d:%s" % (len(data), binascii.hexlify(hashlib.sha256(data).digest()).decode())


def _seen(data, change):
    state, screen = change["state"], change["screen"]
    kept = {key: state.get(key) for key in ("mode", "flow", "answers", "order", "error", "typed", "defaults")}
    seen = {"kind": screen["kind"], "link": change["link"], "state": kept}
    if screen["kind"] != case.TRAINING:  # training draws its own screens (walk_training)
        seen["html"] = digest(_screen_html(data, change))
    if screen["kind"] == case.DECISION:
        seen["decision"] = screen["decision"]
    return seen


def walk_case(data, flow, answers, clock):
    """Answer a case's questions one by one as asked, then take one back, restart and reopen its link."""
    change = case.switch(data, case.start(data["modes"][0]), flow, clock)
    seen = [_seen(data, change)]
    while change["screen"]["kind"] == case.QUESTION:
        question_id = change["screen"]["result"]["question"]["id"]
        if question_id not in answers:
            break
        try:
            change = case.answer(data, change["state"], question_id, answers[question_id], clock)
        except AnswerError as error:
            seen.append({"raised": error.question_id})
            break
        seen.append(_seen(data, change))
        if change["state"].get("error"):
            break
    last = change["state"]
    seen.append(_seen(data, case.back(data, last, clock)))
    seen.append(_seen(data, case.restart(data, last, clock)))
    seen.append(_seen(data, case.open_link(data, case.start(flow), "#" + case.link(last), clock)))
    return seen


def walk_links(data, clock):
    """Links that hold no case, a bad one, or an unknown flow; and a refused first answer."""
    state = case.start(data["modes"][0])
    seen = [case.open_link(data, state, link, clock) for link in ("", "#training", "#flow=%FF", "#flow=<nope>")]
    seen = [_seen(data, change) for change in seen]
    first = case.current(data, state, clock)
    question = first["screen"]["result"]["question"]
    seen.append(_seen(data, case.answer(data, first["state"], question["id"], "<not an answer>", clock)))
    return seen


def wrong_answer(question, right):
    """A usable answer that is not the story's: another choice, one more, a year earlier."""
    if question["kind"] == "choice":
        return [option["value"] for option in question["answers"] if option["value"] != right][0]
    if question["kind"] == "number":
        return right + 1
    return str(int(right[:4]) - 1) + right[4:]


def walk_training(data, scenario, wrong):
    """A scenario played to its verdict: the story's answers (or first an empty one, then wrong
    ones), then the next scenario and the list."""
    moved = training.act(data, None, {}, "scenario", scenario["id"])
    seen = []
    for _turn in range(80):  # a scenario ends well before; a bug must not loop forever
        session = moved["session"]
        screen = training_view.training_screen(data, session, moved["progress"], moved["confirm"])
        seen.append({"session": session, "progress": moved["progress"], "html": digest(screen)})
        if session is None:
            break
        if session["scenario"] != scenario["id"]:  # the next scenario opened: back to the list
            action, value = "scenarios", None
        elif session["phase"] == "question":
            question = training.current(data, scenario, session["graded"])["question"]
            right = scenario["answers"][question["id"]]
            empty = wrong and question["kind"] != "choice" and not session.get("error")
            action, value = "submit", "" if empty else (wrong_answer(question, right) if wrong else right)
        elif session["phase"] == "feedback":
            action, value = "continue", None
        elif session["phase"] == "verdict":
            options = training.verdict_options(data, scenario)
            action, value = "verdict", options[0] if wrong else scenario["outcome"]
        else:
            action, value = "next", None
        moved = training.act(data, session, moved["progress"], action, value)
    for action in ("reset", "reset-confirm"):
        moved = training.act(data, None, moved["progress"], action)
        seen.append(
            {
                "progress": moved["progress"],
                "html": digest(training_view.training_list(data, moved["progress"], moved["confirm"])),
            }
        )
    return seen


def html_checks():
    """The HTML helper on hostile text: escaped text and attributes, markup kept as it is."""
    hostile = "<script>alert('x')</script> & \"quoted\""
    return {
        "text": str(fragment(hostile)),
        "attribute": str(element("a", {"href": hostile, "title": "a\"b'c", "hidden": True, "lang": None, "open": False})),
        "nested": str(element("p", {"class": "x"}, element("b", None, "a&b"), " & ", fragment("<i>"))),
        "void": str(element("input", {"value": "<v>", "required": True})),
        "lists": str(element("ul", None, [element("li", None, n) for n in (1, "<2>")], None, False)),
        "escape": escape("&amp;"),
    }


def main(inputs):
    clock = inputs["clock"]
    cases, links, scenarios, verdicts = {}, {}, {}, {}
    for audience, data in inputs["data"].items():
        links[audience] = walk_links(data, clock)
        for spec in inputs["cases"]:
            if spec["flow"] in data["flows"]:
                cases[audience + ":" + spec["id"]] = walk_case(data, spec["flow"], spec["answers"], clock)
        for scenario in data.get("scenarios", []):
            verdicts[scenario["id"]] = training.verdict_options(data, scenario)
        for scenario in data.get("scenarios", [])[:: inputs.get("scenario_step", 1)]:
            for wrong in (False, True):
                scenarios[audience + ":" + scenario["id"] + (":wrong" if wrong else ":right")] = walk_training(
                    data, scenario, wrong
                )
    return {"html": html_checks(), "links": links, "cases": cases, "training": scenarios, "verdicts": verdicts}
