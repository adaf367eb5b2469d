"""Training mode: walk a scenario's story, grade each answer and the final verdict.

The scenario's own answers steer the walk, so a wrong answer is corrected and the learner
goes on along the right path. A session is a plain JSON-able dict (kept in localStorage so a
reload resumes it); progress keeps each scenario's last result. Plain Python for MicroPython.
"""

from checker.engine import AnswerError, graph, normalise_answer, step

PHASES = ("question", "feedback", "verdict", "result")


def find(data, scenario_id):
    for scenario in data["scenarios"]:
        if scenario["id"] == scenario_id:
            return scenario
    return None


def current(data, scenario, graded):
    """The engine's result after the questions already graded, answered as the story says."""
    answers = {}
    for qid in graded:
        answers[qid] = scenario["answers"][qid]
    return step(data, scenario["flow"], answers)


def grade(question, given, scenario):
    """(right?, the right value) for one answer; an unusable answer is simply wrong."""
    right = normalise_answer(question, scenario["answers"][question["id"]])
    try:
        mine = normalise_answer(question, given)
    except AnswerError:
        return False, right
    return mine == right, right


def _seed(text):
    seed = 0
    for char in text:
        seed = (seed * 31 + ord(char)) % 1000003
    return seed


def nearby_outcomes(data, scenario):
    """The flow's other outcomes, nearest first: those reachable from the last question or
    check the story passes through, then from the one before, and so on; the rest last."""
    flow = data["flows"][scenario["flow"]]
    steps = graph.index(flow, graph.STEP_KINDS)
    written = [outcome["id"] for outcome in flow["outcomes"]]
    trace = step(data, scenario["flow"], scenario["answers"])["decision"]["trace"]
    passed = [item["step"] for item in trace if item["step"] in steps and steps[item["step"]][0] != "outcomes"]
    found = []
    for index in range(len(passed) - 1, -1, -1):
        reached = graph.reachable(flow, start=passed[index])
        for outcome_id in written:
            if outcome_id in reached and outcome_id != scenario["outcome"] and outcome_id not in found:
                found.append(outcome_id)
    for outcome_id in written:
        if outcome_id != scenario["outcome"] and outcome_id not in found:
            found.append(outcome_id)
    return found


def verdict_options(data, scenario, count=4):
    """The right outcome and the nearest others (same part of the flow), in a fixed order
    that does not give the right one away."""
    options = nearby_outcomes(data, scenario)[: count - 1] + [scenario["outcome"]]
    seed = _seed(scenario["id"])
    # Ties broken by id: MicroPython's sort is not stable, so the order would differ by runtime.
    options.sort(key=lambda outcome_id: ((seed + _seed(outcome_id)) % 97, outcome_id))
    return options


# --- a session: one scenario being worked through -----------------------------------------


def start(scenario_id):
    return {"scenario": scenario_id, "graded": [], "phase": "question", "points": 0, "total": 0}


def answer(data, session, given):
    """Grade the answer to the current question; the session moves to its feedback."""
    scenario = find(data, session["scenario"])
    question = current(data, scenario, session["graded"])["question"]
    right, _ = grade(question, given, scenario)
    session["graded"].append(question["id"])
    session["points"] += 1 if right else 0
    session["total"] += 1
    session["phase"], session["right"] = "feedback", right
    return session


def feedback(data, session):
    """(question, right?, the right value) of the answer just graded."""
    scenario = find(data, session["scenario"])
    question = current(data, scenario, session["graded"][:-1])["question"]
    return question, session["right"], normalise_answer(question, scenario["answers"][question["id"]])


def next_phase(data, session):
    """After feedback: the next question, or the verdict to pick once the story is told."""
    scenario = find(data, session["scenario"])
    done = current(data, scenario, session["graded"])["type"] == "decision"
    session["phase"] = "verdict" if done else "question"
    return session


def pick(data, session, outcome_id):
    """Grade the verdict picked; the session is over."""
    right = outcome_id == find(data, session["scenario"])["outcome"]
    session["points"] += 1 if right else 0
    session["total"] += 1
    session["phase"], session["picked"], session["right"] = "result", outcome_id, right
    return session


def act(data, session, progress, action, value=None):
    """One training action: pick a scenario, answer, go on, pick a verdict, back to the list,
    reset (asked first: ``confirm``), reset confirmed. Returns ``{"session", "progress",
    "confirm"}``: the session (None: the scenario list) and progress after it. The session and
    progress given are not changed."""
    if session is not None:
        session = dict(session, graded=list(session["graded"]))
    progress = dict(progress)
    if action == "scenario":
        session = start(value)
    elif action in ("answer", "submit") and session:
        answer(data, session, value)
    elif action == "continue" and session:
        next_phase(data, session)
    elif action == "verdict" and session:
        pick(data, session, value)
        progress = record(progress, session)
    elif action == "reset-confirm":
        progress = {}
    if action in ("scenarios", "reset", "reset-confirm"):
        session = None
    return {"session": session, "progress": progress, "confirm": action == "reset"}


def restore(data, saved):
    """A session read back after a reload, or None if it no longer fits the scenarios."""
    if not isinstance(saved, dict) or saved.get("phase") not in PHASES:
        return None
    scenario = find(data, saved.get("scenario"))
    graded = saved.get("graded")
    if scenario is None or not isinstance(graded, list):
        return None
    for qid in graded:
        if qid not in scenario["answers"]:
            return None
    try:
        result = current(data, scenario, graded)
    except AnswerError:
        return None
    if saved["phase"] == "feedback" and not graded:
        return None
    if saved["phase"] == "question" and result["type"] == "decision":
        saved["phase"] = "verdict"
    if saved["phase"] == "result" and saved.get("picked") not in verdict_options(data, scenario):
        return None
    for key in ("points", "total"):
        if not isinstance(saved.get(key), int):
            return None
    return saved


# --- progress: each scenario's last result -------------------------------------------------


def record(progress, session):
    """Progress with this finished session's result: right only if the verdict was right."""
    progress[session["scenario"]] = {
        "result": "right" if session["right"] else "wrong",
        "score": session["points"],
        "total": session["total"],
    }
    return progress


def status(progress, scenario_id):
    """'right', 'wrong' or 'new' (not tried) for one scenario."""
    entry = progress.get(scenario_id)
    if not isinstance(entry, dict):
        return "new"
    if entry.get("result") in ("right", "wrong"):
        return entry["result"]
    return "right" if entry.get("verdict") else "wrong"


def summary(data, progress):
    """How many scenarios are right, wrong and not tried, and the points of those tried."""
    counts = {"right": 0, "wrong": 0, "new": 0, "points": 0, "total": 0}
    for scenario in data["scenarios"]:
        mark = status(progress, scenario["id"])
        counts[mark] += 1
        if mark != "new":
            counts["points"] += progress[scenario["id"]].get("score", 0)
            counts["total"] += progress[scenario["id"]].get("total", 0)
    return counts
