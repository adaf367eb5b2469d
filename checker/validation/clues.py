"""What a training scenario grades: only what its story states.

Every question the scenario's path asks is either graded, and then it has a clue (the words of
the story that state the answer, in both languages), or given: shown to the learner as a known
fact and not asked. A clue quotes the story word for word, once placeholders are filled, so the
learner can always find it.
"""

from ..errors import hint, say

__all__ = ["check_clues"]


def _off_path(named, kind, qid, asked, mark):
    return mark.problem(
        say(
            f"{named.zh}：'{qid}' 列在 {kind} 里，但这个场景的路径不会问到它；请删掉它",
            f"{named.en}: '{qid}' is under {kind}, but this scenario's path never asks it; remove it",
        )
        + hint(qid, asked)
    )


def check_clues(scenario, named, asked, story, clues):
    """Problems with a scenario's clues and given facts. ``named`` names the scenario (a Text),
    ``asked`` is the question ids its path asks, ``story`` and ``clues`` are filled text."""
    problems = []
    written = scenario.get("clues") or {}
    given = scenario.get("given") or []
    for qid in written:
        if qid not in asked:
            problems.append(_off_path(named, "clues", qid, asked, written.key_mark(qid)))
    for index, qid in enumerate(given):
        mark = given.item_mark(index)
        if qid not in asked:
            problems.append(_off_path(named, "given", qid, asked, mark))
        elif qid in written:
            problems.append(
                mark.problem(
                    say(
                        f"{named.zh}：'{qid}' 既有线索又列在 given 里；要评分就只留线索，不评分就只留 given",
                        f"{named.en}: '{qid}' has a clue and is under given too; keep the clue to grade it, or given not to",
                    )
                )
            )
    answers = scenario["answers"]
    for qid in asked:
        if qid not in written and qid not in given:
            problems.append(
                answers.key_mark(qid).problem(
                    say(
                        f"{named.zh}要评分 '{qid}'，但没有线索；请在 clues 下引用故事里说明它的原话"
                        f"（`{qid}: {{zh: …, en: …}}`），或把它列入 given（作为已知事实显示，不评分）",
                        f"{named.en} grades '{qid}' without a clue; under clues, quote the words of the story that "
                        f"state it ({qid}: {{zh: ..., en: ...}}), or list it under given (shown as a known fact, not graded)",
                    )
                )
            )
    for qid, clue in clues.items():
        for lang, language in (("zh", say("中文", "Chinese")), ("en", say("英文", "English"))):
            if clue[lang] not in story[lang]:
                problems.append(
                    written[qid]
                    .value_mark(lang)
                    .problem(
                        say(
                            f"{named.zh}：'{qid}' 的线索「{clue[lang]}」不在故事的{language.zh}原文里；"
                            "线索要逐字引用故事（占位符填入之后）",
                            f"{named.en}: the clue for '{qid}' \"{clue[lang]}\" is not in the story's {language.en} text; "
                            "a clue quotes the story word for word (after placeholders are filled)",
                        )
                    )
                )
    return problems
