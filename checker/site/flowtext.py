"""A flow's conditions in words, shared by the flow page and its charts; its shape comes
from the engine's flow graph."""

from ..engine import graph
from ..wording import word

OPERATORS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}


def describe(condition, flow, bundle, lang):
    """A condition in words, e.g. 'window_day > 7' or 'reason = 质量问题'."""
    nodes = graph.index(flow)
    if "answer" in condition:
        kind, question = nodes[condition["answer"]]
        wanted = [condition["is"]] if "is" in condition else condition["in"]
        labels = [a["label"][lang] for a in question["answers"] if a["value"] in wanted]
        return " / ".join(labels)
    if "fact" in condition:
        op = next(op for op in OPERATORS if op in condition)
        return f"{_fact_name(condition['fact'], nodes, lang)} {OPERATORS[op]} {_operand(condition[op], bundle, nodes, lang)}"
    if "status" in condition:
        return " / ".join(word("term." + s)[lang] for s in condition["status"])
    if "not" in condition:
        return word("flow.not")[lang] + describe(condition["not"], flow, bundle, lang)
    key = "all" if "all" in condition else "any"
    return word("flow." + key)[lang].join(describe(item, flow, bundle, lang) for item in condition[key])


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
