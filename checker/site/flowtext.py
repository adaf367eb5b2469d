"""A flow's conditions in words, shared by the flow page and its charts; its shape comes
from the engine's flow graph."""

from ..engine import graph
from ..wording import word

OPERATORS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}
_OPPOSITE = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt"}  # "eq" has no single opposite


def describe(condition, flow, bundle, lang, named=False):
    """A condition in words, e.g. 'window_day > 7' or 'reason = 质量问题'. ``named`` (for
    text that stands away from the chart, such as a heading) names the question an answer
    belongs to and quotes what is compared: 「买家为什么要退换？」答：质量问题."""
    nodes = graph.index(flow)
    if "answer" in condition:
        kind, question = nodes[condition["answer"]]
        wanted = [condition["is"]] if "is" in condition else condition["in"]
        chosen = [a for a in question["answers"] if a["value"] in wanted]
        if not named:
            return " / ".join(a["label"][lang] for a in chosen)
        answers = " / ".join(a.get("short", a["label"])[lang] for a in chosen)
        return word("flow.answered")[lang].format(question=question["ask"][lang], answers=answers)
    if "fact" in condition:
        op = next(op for op in OPERATORS if op in condition)
        fact, value = _fact_name(condition["fact"], nodes, lang), _operand(condition[op], bundle, nodes, lang)
        if named:
            return word("flow.compared")[lang].format(fact=fact, op=OPERATORS[op], value=value)
        return f"{fact} {OPERATORS[op]} {value}"
    if "status" in condition:
        return " / ".join(word("term." + s)[lang] for s in condition["status"])
    if "not" in condition:
        return word("flow.not")[lang] + describe(condition["not"], flow, bundle, lang, named)
    key = "all" if "all" in condition else "any"
    return word("flow." + key)[lang].join(describe(item, flow, bundle, lang, named) for item in condition[key])


def negate(condition, flow, at):
    """The condition that holds when ``condition`` does not, for a case that has reached step
    ``at``, said positively where the flow allows: the other answers that lead there, the
    opposite comparison."""
    if "answer" in condition:
        kind, question = graph.index(flow)[condition["answer"]]
        wanted = [condition["is"]] if "is" in condition else condition["in"]
        others = [
            a["value"]
            for a in question.get("answers", [])
            if a["value"] not in wanted and "next" in a and at in graph.reachable(flow, start=a["next"])
        ]
        if others:
            return {"answer": condition["answer"], "in": others}
    if "fact" in condition:
        op = next(op for op in OPERATORS if op in condition)
        if op in _OPPOSITE:
            return {"fact": condition["fact"], _OPPOSITE[op]: condition[op]}
    if "not" in condition:
        return condition["not"]
    for key, other in (("all", "any"), ("any", "all")):
        if key in condition:
            items = [negate(item, flow, at) for item in condition[key]]
            return items[0] if len(items) == 1 else {other: items}
    return {"not": condition}


def heading(flow, bundle, fork, child, lang):
    """Where a branch chart starts, in words: the question asked at step ``fork`` (or read by
    its check) and the answers that lead on to ``child``, e.g.
    若「买家为什么要退换？」答：质量问题 / 发错货."""
    kind, node = graph.index(flow)[fork]
    if kind == "questions":
        conditions = [{"answer": fork, "in": [a["value"] for a in node["answers"] if a.get("next") == child]}]
    else:
        conditions = [branch["when"] for branch in node["branches"] if branch["next"] == child]
        if node["otherwise"]["next"] == child:
            conditions.append(negate({"any": [branch["when"] for branch in node["branches"]]}, flow, fork))
    when = conditions[0] if len(conditions) == 1 else {"any": conditions}
    return word("flow.if")[lang].format(when=describe(when, flow, bundle, lang, named=True))


def _fact_name(name, nodes, lang):
    kind, node = nodes[name]
    return node["title"][lang] if kind == "derived" else node["ask"][lang].rstrip("?？")


def _operand(operand, bundle, nodes, lang):
    if isinstance(operand, dict) and "param" in operand:
        rule_id, key = operand["param"].split(".", 1)
        return str(bundle["rules"][rule_id]["params"][key])
    if isinstance(operand, dict):
        return _fact_name(operand["fact"], nodes, lang)
    return str(operand)


def successors(flow, node_id):
    """The ids one step leads to (none for an outcome)."""
    kind, node = graph.index(flow)[node_id]
    return graph.successors(kind, node)
