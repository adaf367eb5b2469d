"""Dated rules on the pages: each rule as in force on the build's day, its earlier versions
folded under it (staff), and a change the rules announce ahead (public)."""

import datetime

from ..engine.text import wording
from ..engine.versions import in_force, next_change, ordered
from ..wording import word
from .markup import both, esc, text
from .whatsnew import changes, recent


def build_day(today=None):
    return str(today or datetime.date.today().isoformat())[:10]


def as_of(bundle, today=None):
    """The bundle the pages show: every rule as in force on ``today``, with ``history`` (its
    earlier versions, latest first) and ``announced`` (the next change, if announced ahead)."""
    day = build_day(today)
    rules = {}
    for rule_id, rule in bundle["rules"].items():
        if not rule.get("versions"):
            rules[rule_id] = rule
            continue
        shown = in_force(rule, day)
        starts = [rule["effective"]] + [v["from"] for v in ordered(rule) if v["from"] <= day]
        reasons = {v["from"]: v["reason"] for v in ordered(rule)}
        history = []
        for start in starts[:-1]:
            old = in_force(rule, start)
            history.append({"from": start, "rule": old, "reason": reasons.get(starts[starts.index(start) + 1])})
        shown["history"] = list(reversed(history))
        coming = next_change(rule, day)
        if coming and coming.get("announce"):
            shown["announced"] = {"from": coming["from"], "rule": in_force(rule, coming["from"])}
        rules[rule_id] = shown
    return dict(bundle, rules=rules, changes=changes(bundle["rules"], day), recent=recent(bundle["rules"], day))


def history_block(rule):
    """A folded list of the rule's earlier versions: from when, what it said, why it changed."""
    if not rule.get("history"):
        return ""
    items = []
    for old in rule["history"]:
        said = both(wording(old["rule"], "text", "zh"), wording(old["rule"], "text", "en"), "span")
        why = both(old["reason"]["zh"], old["reason"]["en"], "span") if old.get("reason") else ""
        items.append(
            f"<li><strong>{esc(text(word('policy.version_from'))).replace('{date}', esc(old['from']))}</strong> {said}"
            + (f' <span class="rule-history__why">{esc(text(word("policy.changed_because")))} {why}</span>' if why else "")
            + "</li>"
        )
    summary = esc(text(word("policy.history"))).replace("{date}", esc(rule["in_force"]))
    return f'<details class="rule-history"><summary>{summary}</summary><ul>{"".join(items)}</ul></details>'


def announcement(rule):
    """A public rule's change announced ahead, in the customer's words."""
    coming = rule.get("announced")
    if not coming:
        return ""
    said = both(wording(coming["rule"], "customer", "zh"), wording(coming["rule"], "customer", "en"), "span")
    head = esc(text(word("public.announced"))).replace("{date}", esc(coming["from"]))
    return f'<p class="rule-announced"><strong>{head}</strong> {said}</p>'
