"""One decision model: the rows a verdict shows, in order, for an audience.

The terminal (``checker.cli.render_decision``) and the browser's verdict card
(``checker.browser.view.decision_card``) both render this list, so they show the same
fields in the same order. Each row is {"key", "value"}; the key is also the wording
catalogue's label key. Plain Python for MicroPython.
"""

ORDER = ("say", "steps", "resolution", "postage", "price_difference", "flag", "department", "deadlines", "follow_up")


def rows(decision, audience):
    """The verdict's rows after its status and title: staff see everything, customers
    what they may see (no escalation; staff-only rules are not in their data)."""
    out = []
    for key in ORDER:
        if decision.get(key):
            out.append({"key": key, "value": decision[key]})
    if audience == "staff":
        out.append({"key": "escalation", "value": decision["escalation"]})
    for warning in decision["warnings"]:
        out.append({"key": "warnings", "value": warning})
    out.append({"key": "rules", "value": decision["rules"]})
    return out
