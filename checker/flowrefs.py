"""Which rules a flow refers to: for coverage checks and for the checker's slim data file."""

__all__ = ["rules_used", "params_in"]


def params_in(condition, found):
    """Add to ``found`` the rule id of every {param: RULE.key} in a condition or operand."""
    for value in condition.values():
        if isinstance(value, dict):
            if "param" in value:
                found.add(value["param"].split(".", 1)[0])
            else:
                params_in(value, found)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    params_in(item, found)


def rules_used(flow):
    """Every rule id a flow's questions, checks, derived values, escalations and outcomes name."""
    found = set()
    for question in flow["questions"]:
        found.add(question["why"])
    for derived in flow.get("derived", []):
        params_in(derived, found)
    for check in flow.get("checks", []):
        for branch in check["branches"]:
            found.add(branch["rule"])
            params_in(branch["when"], found)
        found.add(check["otherwise"]["rule"])
    for item in flow.get("escalations", []):
        found.add(item["rule"])
    for outcome in flow["outcomes"]:
        found.update(outcome["rules"])
        found.update(outcome.get("deadlines", []))
        for key in ("price_difference", "flag", "route", "follow_up", "say_params"):
            if key in outcome:
                found.add(outcome[key])
        if "postage" in outcome:
            found.add(outcome["postage"]["rule"])
    found.discard(None)
    return found
