"""Training mode: walk a scenario's story, grade each answer and the final verdict.

Only what the story states is asked: the questions with a clue (``scenario["clues"]``); every
other fact on the path is given, answered as the story's answers say and shown as known. The
scenario's own answers steer the walk, so a wrong answer is corrected and the learner goes on
along the right path; an answer that cannot be read is not graded. A session is a plain
JSON-able dict (kept in localStorage so a reload resumes it); progress keeps each scenario's
last result. Plain Python for MicroPython.
"""

from checker.engine import AnswerError, graph, normalise_answer, step
from checker.engine.choices import chosen

PHASES = ("question", "feedback", "verdict", "result")


def find(data, scenario_id):
    for scenario in data["scenarios"]:
        if scenario["id"] == scenario_id:
            return scenario
    return None


def clues(scenario):
    """The graded questions' clues: {question id: {"zh", "en"}} quoted from the story."""
    return scenario.get("clues") or {}


def known_answers(scenario, graded):
    """The story's answers the walk may use: every given fact, and the graded questions the
    learner has answered so far."""
    graded_ids = clues(scenario)
    answers = {}
    for qid in scenario["answers"]:
        if qid not in graded_ids or qid in graded:
            answers[qid] = scenario["answers"][qid]
    return answers


def current(data, scenario, graded):
    """The engine's result after the questions already graded, answered as the story says:
    the next graded question, or the decision."""
    return step(data, scenario["flow"], known_answers(scenario, graded))


def grade(question, given, scenario):
    """(right?, the right value, the learner's value) for one answer. An answer the checker
    would refuse (empty, not a date, below the minimum ...) raises AnswerError, as in a case:
    it is not graded."""
    right = normalise_answer(question, scenario["answers"][question["id"]])
    mine = normalise_answer(question, given)
    return mine == right, right, mine


def late_questions(data, scenario):
    """The questions a flow asks only once its outcome is reached (``after``)."""
    return [item["ask"] for item in data["flows"][scenario["flow"]].get("after", [])]


def givens(data, scenario, trace, before_outcome=True):
    """The given facts the walk has passed, in path order: trace entries of questions that are
    not graded. ``before_outcome`` leaves out those asked only once the outcome is reached, so
    the verdict to pick is not given away."""
    graded_ids = clues(scenario)
    late = late_questions(data, scenario) if before_outcome else []
    return [
        entry for entry in trace if entry["type"] == "question" and entry["step"] not in graded_ids and entry["step"] not in late
    ]


def deciding_step(data, scenario, trace):
    """The index in a decision's trace of the step that decided it: the last question or check
    whose answer or branch leads to the outcome (questions asked after it come later)."""
    flow = data["flows"][scenario["flow"]]
    outcome = scenario["outcome"]
    questions = graph.by_id(flow, "questions")
    checks = graph.by_id(flow, "checks")
    for index in range(len(trace) - 1, -1, -1):
        entry = trace[index]
        if entry["type"] == "question":
            question = questions[entry["step"]]
            option = chosen(question, entry["answer"]) if question["kind"] == "choice" else question
            if option and option.get("next") == outcome:
                return index
        elif entry["type"] == "check":
            check = checks[entry["step"]]
            taken = check["branches"] if entry["result"] else [check["otherwise"]]
            for branch in taken:
                if branch["next"] == outcome and branch["rule"] == entry["rule"]:
                    return index
    return None


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
    """The right outcome and others of mixed status, in a fixed order that does not give the
    right one away. First the nearest outcome (same part of the flow) of each status the right
    one does not have, so the choices never all refuse or all accept; then the nearest others,
    with no status more than twice while another can take its place."""
    statuses = {}
    for outcome in data["flows"][scenario["flow"]]["outcomes"]:
        statuses[outcome["id"]] = outcome["status"]
    nearby = nearby_outcomes(data, scenario)
    picked = []
    seen = [statuses[scenario["outcome"]]]
    for outcome_id in nearby:
        if statuses[outcome_id] not in seen and len(picked) < count - 1:
            picked.append(outcome_id)
            seen.append(statuses[outcome_id])
    for most in (2, count):
        for outcome_id in nearby:
            tally = [statuses[other] for other in picked + [scenario["outcome"]]].count(statuses[outcome_id])
            if outcome_id not in picked and len(picked) < count - 1 and tally < most:
                picked.append(outcome_id)
    options = picked + [scenario["outcome"]]
    seed = _seed(scenario["id"])
    # Ties broken by id: MicroPython's sort is not stable, so the order would differ by runtime.
    options.sort(key=lambda outcome_id: ((seed + _seed(outcome_id)) % 97, outcome_id))
    return options


# --- a session: one scenario being worked through -----------------------------------------


def start(scenario_id):
    return {"scenario": scenario_id, "graded": [], "phase": "question", "points": 0, "total": 0}


def answer(data, session, given):
    """Grade the answer to the current question; the session moves to its feedback. An answer
    that cannot be used stays on the question with the checker's message (``error``, and what
    was typed), ungraded."""
    scenario = find(data, session["scenario"])
    question = current(data, scenario, session["graded"])["question"]
    session.pop("error", None)
    session.pop("typed", None)
    trial = known_answers(scenario, session["graded"])
    trial[question["id"]] = given
    try:
        step(data, scenario["flow"], trial)  # the checker's own refusals: empty, not a date ...
        right, _, mine = grade(question, given, scenario)
    except AnswerError as error:
        if error.question_id == question["id"]:
            session["error"], session["typed"] = error.text, given
            return session
        right, _, mine = grade(question, given, scenario)  # a wrong answer another fact contradicts
    session["graded"].append(question["id"])
    session["points"] += 1 if right else 0
    session["total"] += 1
    session["phase"], session["right"], session["mine"] = "feedback", right, mine
    return session


def feedback(data, session):
    """(question, right?, the right value, the learner's value) of the answer just graded."""
    scenario = find(data, session["scenario"])
    question = current(data, scenario, session["graded"][:-1])["question"]
    right = normalise_answer(question, scenario["answers"][question["id"]])
    return question, session["right"], right, session.get("mine")


def next_phase(data, session):
    """What comes next: a question; the verdict to pick once the story has led to an outcome
    (a question the flow asks only after it, such as whether the buyer refuses every option,
    comes after the verdict, or it would give the verdict away); the result once all is done."""
    scenario = find(data, session["scenario"])
    result = current(data, scenario, session["graded"])
    if "picked" in session:
        session["phase"] = "result" if result["type"] == "decision" else "question"
    elif result["type"] == "decision" or result["question"]["id"] in late_questions(data, scenario):
        session["phase"] = "verdict"
    else:
        session["phase"] = "question"
    return session


def pick(data, session, outcome_id):
    """Grade the verdict picked; then any question asked only after the outcome, or the result."""
    right = outcome_id == find(data, session["scenario"])["outcome"]
    session["points"] += 1 if right else 0
    session["total"] += 1
    session["picked"], session["verdict"] = outcome_id, right
    return next_phase(data, session)


def next_scenario(data, progress, scenario_id):
    """The scenario to practise after this one: the next not tried (in list order, going round),
    else the next whose verdict was wrong; None when every other one is right."""
    ids = [scenario["id"] for scenario in data["scenarios"]]
    at = ids.index(scenario_id) + 1 if scenario_id in ids else 0
    order = [other for other in ids[at:] + ids[:at] if other != scenario_id]
    for wanted in ("new", "wrong"):
        for other in order:
            if status(progress, other) == wanted:
                return other
    return None


def act(data, session, progress, action, value=None):
    """One training action: pick a scenario, answer, go on, pick a verdict, the next scenario,
    back to the list, reset (asked first: ``confirm``), reset confirmed. Returns ``{"session",
    "progress", "confirm"}``: the session (None: the scenario list) and progress after it. The
    session and progress given are not changed."""
    if session is not None:
        session = dict(session, graded=list(session["graded"]))
    progress = dict(progress)
    if action == "next" and session:
        action, value = "scenario", next_scenario(data, progress, session["scenario"])
        if value is None:
            action = "scenarios"
    if action == "scenario":
        session = next_phase(data, start(value))
    elif action in ("answer", "submit") and session:
        answer(data, session, value)
    elif action == "continue" and session:
        next_phase(data, session)
    elif action == "verdict" and session and "picked" not in session:
        pick(data, session, value)
    if action in ("continue", "verdict") and session and session["phase"] == "result":
        progress = record(progress, session)
    if action == "reset-confirm":
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
        if qid not in clues(scenario):
            return None
    try:
        current(data, scenario, graded)  # the answers still lead somewhere
    except AnswerError:
        return None
    if saved["phase"] == "feedback" and (not graded or "mine" not in saved):
        return None
    saved.pop("error", None)  # a reload shows the question afresh
    saved.pop("typed", None)
    if "picked" in saved and saved["picked"] not in verdict_options(data, scenario):
        return None
    if saved["phase"] in ("question", "verdict"):
        next_phase(data, saved)
    for key in ("points", "total"):
        if not isinstance(saved.get(key), int):
            return None
    return saved


# --- progress: each scenario's last result -------------------------------------------------


def record(progress, session):
    """Progress with this finished session's result: right only if the verdict was right."""
    progress[session["scenario"]] = {
        "result": "right" if session["verdict"] else "wrong",
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
