"""Training scenarios: each story's answers, run through the engine, must reach its outcome."""

from ..engine import AnswerError, step
from .common import hint

__all__ = ["check_scenarios"]


def check_scenarios(bundle, documents):
    """Each training scenario's answers must lead, through its flow, to the outcome it teaches."""
    problems, seen = [], {}
    for data in documents:
        for scenario in data["scenarios"]:
            mark = scenario.value_mark("id")
            if scenario["id"] in seen:
                problems.append(mark.problem(f"scenario '{scenario['id']}' is already defined at {seen[scenario['id']]}"))
                continue
            seen[scenario["id"]] = mark
            flow = bundle["flows"].get(scenario["flow"])
            if flow is None:
                problems.append(
                    scenario.value_mark("flow").problem(
                        f"unknown flow '{scenario['flow']}'{hint(scenario['flow'], bundle['flows'])}"
                    )
                )
                continue
            problems.extend(_check_scenario(bundle, flow, scenario))
    return problems


def _check_scenario(bundle, flow, scenario):
    answers = scenario["answers"]
    questions = {q["id"] for q in flow["questions"]}
    unknown = [qid for qid in answers if qid not in questions]
    if unknown:
        return [
            answers.key_mark(qid).problem(f"'{qid}' is not a question of flow '{flow['id']}'{hint(qid, questions)}")
            for qid in unknown
        ]
    try:
        result = step(bundle, flow["id"], dict(answers))
    except AnswerError as error:
        return [answers.value_mark(error.question_id).problem(f"scenario '{scenario['id']}': {error.message}")]
    if result["type"] == "question":
        asked = result["question"]["id"]
        return [
            answers.mark.problem(f"scenario '{scenario['id']}' does not answer '{asked}', which its path asks; add it to answers")
        ]
    reached = result["decision"]["outcome"]
    if reached != scenario["outcome"]:
        return [
            scenario.value_mark("outcome").problem(
                f"scenario '{scenario['id']}' reaches {reached}, not {scenario['outcome']}; fix its answers or its outcome"
            )
        ]
    return []
