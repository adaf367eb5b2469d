"""One problem for one missing id: a step of a flow that is named but defined nowhere.

Renaming a question leaves every place that names the old id pointing at nothing, and every
step after it reached by no path; reported one by one, the cause drowned among a dozen
knock-on lines. Here every mention of a missing id is kept (``Missing.named``) and reported
once (``Missing.report``), at the line the editor most likely changed:

- the id is named in several places and some step of the flow is named by nothing (an
  orphan, the likely new name): the problem is at that step's id, the old name's places are
  listed, and the flow is checked further as if the places named the new one;
- else the problem is at the first place that names it, with the closest step as the hint
  and the other places listed.
"""

from ..errors import Problem, closest, say

__all__ = ["Missing", "fold_unknown_rules"]

SHOWN_PLACES = 5


class Missing:
    def __init__(self):
        self.places = {}  # missing id -> [(mark, message, known ids, step whose `next` it is)]

    def named(self, name, mark, message, known, source=None):
        """Remember that ``name``, defined nowhere in the flow, is named at ``mark``; ``message``
        says what is wrong there, ``known`` are the ids that could be meant, ``source`` is the
        step whose `next` this is (so the graph can be followed once the new name is known)."""
        places = self.places.setdefault(name, [])
        if source is not None or all((mark.path, mark.line) != (m.path, m.line) for m, *_ in places):
            places.append((mark, message, known, source))  # a line naming it twice (zh and en) counts once

    def __contains__(self, name):
        return name in self.places

    def report(self, checker, orphans):
        """Report each missing id once; return {missing id: the step meant} for the renamed ones."""
        renamed = {}
        for name, places in self.places.items():
            meant = _renamed_to(name, orphans, len(self.places))
            if meant is not None:
                renamed[name] = meant
                for _, _, _, source in places:
                    if source is not None:
                        checker.edges.setdefault(source, []).append(meant)
            if meant is not None and len(places) > 1:
                _report_rename(checker, name, meant, places)
                continue
            mark, message, known, _ = places[0]
            guess = meant or closest(name, known)
            hint = say(f"；是不是想写 '{guess}'？", f"; did you mean '{guess}'?") if guess else say("", "")
            checker.ctx.add(mark, message + hint + _also(places[1:], mark.path))
        return renamed


def _renamed_to(name, orphans, missing_count):
    """The orphan step that is ``name`` renamed: the only one when a single id is missing,
    else the closest in spelling."""
    if len(orphans) == 1 and missing_count == 1:
        return orphans[0]
    return closest(name, orphans)


def _lines(places, path):
    marks = sorted((mark for mark, *_ in places), key=lambda mark: (mark.path != path, mark.path, mark.line))
    shown = [str(mark.line) if mark.path == path else f"{mark.path}:{mark.line}" for mark in marks[:SHOWN_PLACES]]
    more = len(places) - SHOWN_PLACES
    return say("、".join(shown) + ("等" if more > 0 else ""), ", ".join(shown) + (", …" if more > 0 else ""))


def _also(places, path):
    if not places:
        return say("", "")
    lines = _lines(places, path)
    return say(f"（还用到它的行：{lines.zh}）", f" (also named at line(s) {lines.en})")


def _report_rename(checker, name, meant, places):
    node = checker.nodes[meant][1]
    where = node.value_mark("id")
    lines = _lines(places, where.path)
    count = len(places)
    checker.ctx.add(
        where,
        say(
            f"流程里没有任何地方用到 '{meant}'，而 '{name}' 在 {count} 处被用到却没有定义（用到它的行：{lines.zh}）；"
            f"如果是改了名，请改回 '{name}'，或把那 {count} 处都改成 '{meant}'",
            f"nothing in the flow names '{meant}', while '{name}' is named in {count} places but defined nowhere "
            f"(line(s) {lines.en}); if you renamed it, name it '{name}' again or change those places to '{meant}'",
        ),
    )


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def fold_unknown_rules(problems, documents):
    """``problems`` with the mentions of each undefined rule id (Problem.about) reported once,
    the same way as a flow's missing steps: at the rule it was most likely renamed to (a rule
    nothing names, closest in spelling) when it is named in several places, else at its first
    mention, listing the others."""
    mentions = {}
    for problem in problems:
        if problem.about is not None:
            mentions.setdefault(problem.about, []).append(problem)
    if not any(len(found) > 1 for found in mentions.values()):
        return problems
    named, rules = {}, {}
    for data in documents:
        for text in _strings(data):
            for name in {text, text.split(".", 1)[0]}:
                named[name] = named.get(name, 0) + 1
        for section in data.get("sections", []) if data["kind"] == "area" else []:
            for rule in section["rules"]:
                rules[rule["id"]] = rule.value_mark("id")
    unnamed = [rule_id for rule_id in rules if named.get(rule_id, 0) <= 1]  # only its own id names it
    folded = [problem for problem in problems if problem.about is None or len(mentions[problem.about]) == 1]
    for rule_id, found in mentions.items():
        if len(found) == 1:
            continue
        found = sorted(found, key=Problem.sort_key)
        places = [(problem,) for problem in found]  # a problem has the path and line of a mark
        meant = closest(rule_id, unnamed)
        if meant is not None:
            where = rules[meant]
            lines = _lines(places, where.path)
            count = len(found)
            folded.append(
                where.problem(
                    say(
                        f"没有任何地方用到规则 {meant}，而 {rule_id} 在 {count} 处被用到却没有定义（用到它的行：{lines.zh}）；"
                        f"如果是改了名，请改回 {rule_id}，或把那 {count} 处都改成 {meant}",
                        f"nothing names rule {meant}, while {rule_id} is named in {count} places but defined nowhere "
                        f"(line(s) {lines.en}); if you renamed it, name it {rule_id} again or change those places to {meant}",
                    )
                )
            )
        else:
            first = found[0]
            folded.append(Problem(first.path, first.line, first.column, first.message + _also(places[1:], first.path)))
    return folded
