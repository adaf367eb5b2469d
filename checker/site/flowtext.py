"""A flow's shape and its conditions in words, shared by the flow page and its charts."""

STATUS_LABELS = {
    "eligible": {"zh": "符合", "en": "eligible"},
    "not_eligible": {"zh": "不符合", "en": "not eligible"},
    "pending": {"zh": "待定", "en": "pending"},
    "registered": {"zh": "已登记", "en": "registered"},
}
OPERATORS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}
OTHERWISE = {"zh": "否则", "en": "otherwise"}


def nodes_of(flow):
    """{id: (kind, node)} for every question, check, outcome and derived fact of a flow."""
    nodes = {}
    for kind in ("questions", "checks", "outcomes", "derived"):
        for node in flow.get(kind, []):
            nodes[node["id"]] = (kind, node)
    return nodes


def step_order(flow):
    """Questions and checks in breadth-first order from the start: the numbered steps."""
    nodes = nodes_of(flow)
    order, queue, seen = [], [flow["start"]], {flow["start"]}
    while queue:
        node_id = queue.pop(0)
        kind, node = nodes[node_id]
        if kind == "outcomes":
            continue
        order.append(node_id)
        for target in edges(node, kind):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    order += [item["ask"] for item in flow.get("after", [])]
    return order


def edges(node, kind):
    """The ids a question or check leads to, in the order the rules give them."""
    if kind == "questions":
        if "answers" in node:
            return [a["next"] for a in node["answers"] if "next" in a]
        return [node["next"]] if "next" in node else []
    if kind == "checks":
        return [b["next"] for b in node["branches"]] + [node["otherwise"]["next"]]
    return []


def describe(condition, flow, bundle, lang):
    """A condition in words, e.g. 'window_day > 7' or 'reason = 质量问题'."""
    nodes = nodes_of(flow)
    if "answer" in condition:
        kind, question = nodes[condition["answer"]]
        wanted = [condition["is"]] if "is" in condition else condition["in"]
        labels = [a["label"][lang] for a in question["answers"] if a["value"] in wanted]
        return " / ".join(labels)
    if "fact" in condition:
        op = next(op for op in OPERATORS if op in condition)
        return f"{_fact_name(condition['fact'], nodes, lang)} {OPERATORS[op]} {_operand(condition[op], bundle, nodes, lang)}"
    if "status" in condition:
        return " / ".join(STATUS_LABELS[s][lang] for s in condition["status"])
    if "not" in condition:
        return ("非 " if lang == "zh" else "not ") + describe(condition["not"], flow, bundle, lang)
    joiner = {"all": {"zh": " 且 ", "en": " and "}, "any": {"zh": " 或 ", "en": " or "}}
    key = "all" if "all" in condition else "any"
    return joiner[key][lang].join(describe(item, flow, bundle, lang) for item in condition[key])


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
    kind, node = nodes_of(flow)[node_id]
    return edges(node, kind)
