"""One order for the same answers: every question offering the same set of answer values
(such as yes and no) lists them in the order the first one does, so the buttons never
swap places between questions.
"""

from ..errors import listing, say

__all__ = ["check_answer_order"]


def check_answer_order(ctx, flows):
    """Compare each choice question with the first one (in any flow) offering the same values."""
    first = {}
    for flow in flows:
        for question in flow.get("questions", []):
            answers = question.get("answers")
            if not isinstance(answers, list) or len(answers) < 2:
                continue
            order = [str(answer.get("value")) for answer in answers if isinstance(answer, dict)]
            key = tuple(sorted(order))
            if key not in first:
                first[key] = (question.get("id"), order, question.value_mark("answers"))
                continue
            other, wanted, mark = first[key]
            if order != wanted:
                ctx.add(
                    question.value_mark("answers"),
                    say(
                        f"'{question.get('id')}' 的答案顺序是 {listing(order).zh}，而 '{other}'（{mark}）是 "
                        f"{listing(wanted).zh}；同样的答案请按同一顺序排列",
                        f"answers of '{question.get('id')}' are listed {listing(order).en} but '{other}' ({mark}) lists them "
                        f"{listing(wanted).en}; list the same answers in one order",
                    ),
                )
