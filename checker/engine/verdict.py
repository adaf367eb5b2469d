"""One decision model: the rows a verdict shows, in order, for an audience.

The terminal (``checker.commands.cli.render_decision``) and the browser's verdict card
(``checker.browser.view.decision_card``) both render this list, so they show the same
fields in the same order. Each row is {"key", "value"}; the key is also the wording
catalogue's label key. Plain Python for MicroPython.
"""

NO_RESOLUTION = "none"
ORDER = ("say", "steps", "resolution", "postage", "price_difference", "flag", "department", "deadlines", "follow_up")


def rows(decision, audience):
    """The verdict's rows after its status and title: staff see everything, customers
    what they may see (no escalation; staff-only rules are not in their data)."""
    out = []
    for key in ORDER:
        if not decision.get(key):
            continue
        if key == "resolution" and decision[key] == NO_RESOLUTION and audience != "staff":
            continue  # customers are told what happens, not that nothing does
        out.append({"key": key, "value": decision[key]})
    if audience == "staff":
        if decision.get("compared"):
            out.append({"key": "compared", "value": decision["compared"]})
        for version in decision.get("versions") or []:
            out.append({"key": "versions", "value": version})
        out.append({"key": "escalation", "value": decision["escalation"]})
    for warning in decision["warnings"]:
        out.append({"key": "warnings", "value": warning})
    out.append({"key": "rules", "value": decision["rules"]})
    return out


def version_text(rules, version, terms, lang):
    """'退换货期限：2026-11-01 起的版本': which dated version of a cited rule decided the case."""
    title = rules[version["rule"]]["title"][lang] if version["rule"] in rules else version["rule"]
    return title + ("：" if lang == "zh" else ": ") + terms["in_force_from"][lang].replace("{date}", version["from"])


SYMBOLS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}


def compared_text(flow, rules, compared, lang):
    """The compared pair in words, e.g. '买家要求补偿多少元？ 30 元 > …？ 10 元' when the
    check's condition did not hold (the sign shows how the two values really stand)."""
    left, right = compared["left"], compared["right"]
    op = compared["op"]
    if not _holds(op, left["value"], right["value"]):
        op = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt", "eq": "ne"}[op]
    sign = SYMBOLS.get(op, "≠")
    return _operand(flow, rules, left, lang) + " " + sign + " " + _operand(flow, rules, right, lang)


def _holds(op, left, right):
    return {"lt": left < right, "le": left <= right, "gt": left > right, "ge": left >= right, "eq": left == right}[op]


def _operand(flow, rules, operand, lang):
    """One side: its question, derived fact or rule, then its value with the question's unit."""
    name, value = operand["name"], str(operand["value"])
    for question in flow["questions"]:
        if question["id"] == name:
            unit = question.get("unit")
            return question["ask"][lang] + " " + value + (" " + unit[lang] if unit else "")
    for derived in flow.get("derived", []):
        if derived["id"] == name:
            return derived["title"][lang] + " " + value
    rule_id = (name or "").split(".")[0]
    if rule_id in rules:
        return rules[rule_id]["title"][lang] + " " + value
    return value
