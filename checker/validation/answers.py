"""One order for the same answers: every question offering the same set of answer values
(such as yes and no) lists them in the order the first one does, so the buttons never
swap places between questions; and no two answers of a question look the same.
"""

from ..errors import listing, say

__all__ = ["check_answer_labels", "check_answer_order", "check_question_options"]


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


def check_answer_labels(ctx, flows):
    """Two answers of one question with the same label would be two identical buttons
    leading to different places: each label is told apart in both languages."""
    for flow in flows:
        for question in flow.get("questions", []):
            seen = {}
            for answer in question.get("answers") or []:
                label = answer.get("label") if isinstance(answer, dict) else None
                for lang in ("zh", "en") if isinstance(label, dict) else ():
                    shown = " ".join(str(label.get(lang, "")).split()).casefold()
                    if (lang, shown) in seen:
                        other = seen[(lang, shown)]
                        ctx.add(
                            label.value_mark(lang),
                            say(
                                f"'{question.get('id')}' 的答案 '{answer.get('value')}' 和 '{other}' 的 `label.{lang}` 一样"
                                "（两个一样的按钮）；请改写其中一个，让人看得出区别",
                                f"answers '{other}' and '{answer.get('value')}' of '{question.get('id')}' have the same "
                                f"label.{lang} (two identical buttons); say how they differ",
                            ),
                        )
                    else:
                        seen[(lang, shown)] = answer.get("value")


def check_question_options(checker, question):
    """A question's settings beyond its answers: public_answer, not_before, not_after, default."""
    if "public_answer" in question:
        values = [a["value"] for a in question.get("answers", [])]
        if question.get("audience") != "staff" or question["public_answer"] not in values:
            checker.ctx.add(
                question.value_mark("public_answer"),
                say(
                    f"public_answer 只能写在内部选择题上，而且必须是它的答案之一（{listing(values).zh}）",
                    f"public_answer belongs on a staff choice question and must be one of its answers ({listing(values).en})",
                ),
            )
    if "not_before" in question:
        other = question["not_before"]
        if checker.kind(other) != "questions" or checker.nodes[other][1]["kind"] != question["kind"]:
            message = say(
                f"not_before '{other}' 必须是这个流程里的 {question['kind']} 问题",
                f"not_before '{other}' must be a {question['kind']} question of this flow",
            )
            checker.unknown(other, question.value_mark("not_before"), message, [])
    if "not_after" in question and question["kind"] not in ("date", "datetime"):
        checker.ctx.add(
            question.value_mark("not_after"),
            say("not_after 'today' 只能用在 date 或 datetime 问题上", "not_after 'today' needs a date or datetime question"),
        )
    if question.get("default") == "today" and question["kind"] != "date":
        checker.ctx.add(
            question.value_mark("default"),
            say("default 'today' 只能用在 date 问题上", "default 'today' needs a date question"),
        )
    if question.get("default") == "now" and question["kind"] != "datetime":
        checker.ctx.add(
            question.value_mark("default"),
            say("default 'now' 只能用在 datetime 问题上", "default 'now' needs a datetime question"),
        )
