"""Dated rules: a rule's params, text and customer wording in force on a given day.

A rule's own fields are its first version (from its ``effective`` date); each entry of its
``versions`` list changes some of them from its ``from`` date on. A flow's ``dated_by``
names the answer that dates a case (a date, or a datetime whose day counts).
Plain Python for CPython and MicroPython: no dataclasses or typing; no dict order relied on.
"""

CHANGED = ("text", "customer")


def case_day(flow_data, answers):
    """The day that dates this case ('YYYY-MM-DD'), or None while its answer is not known."""
    name = flow_data.get("dated_by")
    value = answers.get(name) if name else None
    if not value:
        return None
    return str(value)[:10]


def ordered(rule):
    """The rule's dated versions, earliest first."""
    return sorted(rule.get("versions", []), key=lambda version: version["from"])


def in_force(rule, day):
    """The rule as it reads on ``day`` (None: as first written), with ``in_force`` naming
    the from-date of the version that applies (its ``effective`` date for the first)."""
    if not rule.get("versions"):
        return rule
    merged = dict(rule)
    merged["params"] = dict(rule.get("params", {}))
    merged["in_force"] = rule["effective"]
    for version in ordered(rule):
        if day is None or version["from"] > day:
            break
        merged["params"].update(version.get("params", {}))
        for field in CHANGED:
            if field in version:
                merged[field] = version[field]
        merged["in_force"] = version["from"]
    return merged


def rules_on(rules, day):
    """Every rule as it reads on ``day``; rules without versions are shared, not copied."""
    out = {}
    for rule_id in rules:
        out[rule_id] = in_force(rules[rule_id], day)
    return out


def next_change(rule, day):
    """The first version that starts after ``day``, or None."""
    for version in ordered(rule):
        if version["from"] > day:
            return version
    return None


def versions_used(rules, cited):
    """[{"rule", "from"}] for every cited rule that has dated versions, in citation order."""
    out = []
    for rule_id in cited:
        rule = rules.get(rule_id)
        if rule is not None and "in_force" in rule:
            out.append({"rule": rule_id, "from": rule["in_force"]})
    return out
