"""Training mode: walk a scenario's story, grade each answer and the final verdict.

The scenario's own answers steer the walk, so a wrong answer is corrected and the learner
goes on along the right path. Plain Python for MicroPython.
"""

from checker.engine import AnswerError, normalise_answer, step


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


def verdict_options(data, scenario):
    """The right outcome and three others, in a fixed order that does not give it away."""
    outcomes = [o["id"] for o in data["flows"][scenario["flow"]]["outcomes"]]
    others = [o for o in outcomes if o != scenario["outcome"]]
    seed = 0
    for char in scenario["id"]:
        seed = (seed * 31 + ord(char)) % 1000003
    picked = []
    while len(picked) < 3 and others:
        picked.append(others.pop(seed % len(others)))
        seed = seed // 7 + 13
    options = picked + [scenario["outcome"]]
    options.sort(key=lambda outcome_id: (seed + sum(ord(c) for c in outcome_id)) % 97)
    return options
