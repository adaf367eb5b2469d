"""A case in the checker as pure functions: start, answer, back, restart, switch, open a link.

Each takes the checker data, the checker's state and a clock (``{"today", "now"}``, for date
and time questions) and returns a change: ``{"state", "screen", "link"}``. The state is a new
dict (the one given is not changed); the screen says what to show (``view.case_screen`` draws
it); the link is the URL fragment to record in the browser's history, or None to leave it
("": the bare address, for the start).
No DOM, no storage: app.py does those. Plain Python, tested on CPython and MicroPython.
"""

from checker.browser import state as url_state
from checker.engine import AnswerError, step
from checker.engine.dates import parse_date

QUESTION, DECISION, ERROR, TRAINING = "question", "decision", "error", "training"
TRAINING_MODE = "training"  # the tab that leaves the case for training


def start(flow):
    """The state of a new case in ``flow``: checking, nothing answered yet."""
    return {"mode": "check", "flow": flow, "answers": {}, "order": [], "error": None}


def known_keys(data):
    """Every key a link may hold: the question ids of all flows (others are skipped unread),
    and in the staff checker its "as of" date."""
    keys = {question["id"] for flow in data["flows"].values() for question in flow["questions"]}
    if data["audience"] == "staff":
        keys.add(url_state.AS_OF)
    return keys


def link(state):
    """The URL fragment (without '#') that reopens this case (with its "as of" date)."""
    return url_state.encode(state["flow"], state["answers"], state["order"], state.get("as_of"))


def _as_of(state, clock):
    """The clock a case runs on: the reviewer's "as of" day stands for today, if one is set."""
    day = state.get("as_of")
    if not day:
        return clock
    return {"today": day, "now": day + clock["now"][10:]}


def as_of(data, state, value, clock):
    """Staff: review the case as of ``value`` (a real date; empty: back to the real today)."""
    day = (value or "").strip()[:10]
    if data["audience"] != "staff" or (day and parse_date(day) is None):
        day = state.get("as_of") if day else None
    new = dict(state, as_of=day or None, error=None)
    return current(data, new, clock, link(new))


def failure(title, detail):
    """An error screen: its title (a {"zh", "en"} pair) and the detail to report."""
    return {"kind": ERROR, "title": title, "detail": detail}


def _change(state, screen, fragment=None):
    return {"state": state, "screen": screen, "link": fragment}


def _shown(state, result, clock):
    """(state, screen) for one engine result; a question asking for today's date or the time
    gets it filled in, unless it is answered already."""
    if result["type"] == "decision":
        return state, {"kind": DECISION, "decision": result["decision"]}
    question = result["question"]
    if question.get("default") in ("today", "now") and question["id"] not in state["answers"]:
        state = dict(state, defaults={question["id"]: clock[question["default"]]})
    return state, {"kind": QUESTION, "result": result}


def current(data, state, clock, fragment=None):
    """What the case's answers show now; an answer the engine refuses (from a link) gives a
    bad-link error naming it."""
    clock = _as_of(state, clock)
    try:
        result = step(data, state["flow"], state["answers"], today=clock["today"])
    except AnswerError as error:
        detail = error.shown(data["lang"]) + "\n#" + link(state)[: url_state.MAX_PART - 1]
        return _change(state, failure(data["ui"]["bad_link"], detail), fragment)
    state, screen = _shown(state, result, clock)
    return _change(state, screen, fragment)


def answer(data, state, question_id, value, clock):
    """Record an answer once the engine accepts it. An answer it refuses stays typed on the
    same question with the engine's message; a refusal of another answer is raised."""
    trial = dict(state["answers"])
    trial[question_id] = value
    clock = _as_of(state, clock)
    try:
        result = step(data, state["flow"], trial, today=clock["today"])
    except AnswerError as error:
        if error.question_id != question_id:
            raise
        return current(data, dict(state, error=error.text, typed={question_id: value}), clock)
    order = state["order"] if question_id in state["order"] else state["order"] + [question_id]
    new, screen = _shown(dict(state, answers=trial, order=order, error=None), result, clock)
    return _change(new, screen, link(new))


def back(data, state, clock):
    """Take back the last answer."""
    answers, order = dict(state["answers"]), list(state["order"])
    if order:
        answers.pop(order.pop(), None)
    new = dict(state, answers=answers, order=order, error=None)
    return current(data, new, clock, link(new))


def restart(data, state, clock):
    """The same flow from its first question."""
    new = dict(state, answers={}, order=[], error=None)
    return current(data, new, clock, link(new))


def switch(data, state, mode, clock):
    """Open a tab: a flow starts afresh; training leaves the case as it is (its own screens)."""
    if mode == TRAINING_MODE:
        return _change(dict(state, mode="train", train=None), {"kind": TRAINING})
    new = dict(state, **start(mode))
    return current(data, new, clock, link(new))


def open_link(data, state, fragment, clock):
    """What the address names: the case a link holds (``#flow=...&question=answer``), training
    (``#training``, where the checker has it), or else the start, the screen of the bare
    address, with the link "" (no fragment: the address is made bare too); a bad-link error
    for a case that cannot be read or names no flow of ours."""
    if fragment.lstrip("#") == TRAINING_MODE and TRAINING_MODE in data["modes"]:
        return switch(data, state, TRAINING_MODE, clock)
    try:
        flow, answers, order = url_state.decode(fragment, known_keys(data))
    except url_state.BadLink as error:
        return _change(state, failure(data["ui"]["bad_link"], "not text: " + str(error)[: url_state.MAX_PART]))
    if flow is None:
        fresh = dict(state, **start(data["modes"][0]))
        return dict(current(data, fresh, clock), link="")
    if flow not in data["flows"]:
        return _change(state, failure(data["ui"]["bad_link"], "unknown flow: " + flow[: url_state.MAX_PART]))
    day = answers.pop(url_state.AS_OF, None)
    if url_state.AS_OF in order:
        order.remove(url_state.AS_OF)
    day = day if day and parse_date(day[:10]) is not None else None
    opened = dict(state, mode="check", flow=flow, answers=answers, order=order, error=None, as_of=day)
    return current(data, opened, clock)
