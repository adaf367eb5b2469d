"""The engine's result for each case (``{"id", "flow", "answers"}``): run on both runtimes."""

from checker.engine import AnswerError, step


def main(inputs):
    results = []
    for case in inputs["cases"]:
        try:
            results.append({"id": case["id"], "result": step(inputs["bundle"], case["flow"], case["answers"])})
        except AnswerError as error:
            results.append({"id": case["id"], "error": {"question": error.question_id, "message": error.message}})
    return results
