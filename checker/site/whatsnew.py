"""最近更新 · What's new: every dated change of the rules (date, rule, from what to what, why),
newest first, on its own page and, for the changes in force, on the printed sign-off page;
a badge marks a rule changed in the last RECENT_DAYS days."""

import datetime

from ..engine.text import wording
from ..engine.versions import in_force, ordered
from ..wording import word
from .markup import both, esc, pair, text

PAGE = "reference/whats-new.md"
RECENT_DAYS = 30


def _day_before(day):
    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()


def changes(rules, day):
    """[{"from", "rule", "before", "after", "reason", "params", "upcoming"}], newest first:
    each version of each rule with the rule as it read the day before and from that day."""
    found = []
    for rule_id, rule in rules.items():
        for version in ordered(rule):
            before, after = in_force(rule, _day_before(version["from"])), in_force(rule, version["from"])
            params = [
                (key, before["params"].get(key), value)
                for key, value in sorted(version.get("params", {}).items())
                if before["params"].get(key) != value
            ]
            found.append(
                {
                    "from": version["from"],
                    "rule": rule_id,
                    "before": before,
                    "after": after,
                    "reason": version["reason"],
                    "params": params,
                    "upcoming": version["from"] > day,
                }
            )
    return sorted(found, key=lambda change: (change["from"], change["rule"]), reverse=True)


def recent(rules, day):
    """{rule id: the day it changed} for rules whose version in force began in the last RECENT_DAYS days."""
    since = (datetime.date.fromisoformat(day) - datetime.timedelta(days=RECENT_DAYS)).isoformat()
    out = {}
    for rule_id, rule in rules.items():
        started = [version["from"] for version in ordered(rule) if since <= version["from"] <= day]
        if started:
            out[rule_id] = started[-1]
    return out


def badge(day):
    """The 'changed recently' mark, with the day in its tooltip."""
    title = esc(text(word("whatsnew.badge_title"))).replace("{date}", esc(day))
    return f' <span class="rule-new" title="{title}">{esc(text(word("whatsnew.badge")))}</span>'


def change_item(change, link):
    """One change as a list item: day, rule (linked), params from -> to, wording before/after, why."""
    rule = change["after"]
    params = "; ".join(f"<code>{esc(key)}</code> {esc(old)} → {esc(new)}" for key, old, new in change["params"])
    lines = [
        f"<li><strong>{esc(change['from'])}</strong> {link} {pair(rule['title'])}"
        + (f" <em>{esc(text(word('whatsnew.upcoming')))}</em>" if change["upcoming"] else ""),
        f'<p class="whatsnew-params">{params}</p>' if params else "",
    ]
    old, new = (
        both(wording(change[side], "text", "zh"), wording(change[side], "text", "en"), "span") for side in ("before", "after")
    )
    if old != new:
        lines.append(f"<p><strong>{esc(text(word('whatsnew.before')))}</strong> {old}</p>")
        after = word("whatsnew.then" if change["upcoming"] else "whatsnew.after")
        lines.append(f"<p><strong>{esc(text(after))}</strong> {new}</p>")
    lines.append(
        f"<p><strong>{esc(text(word('whatsnew.why')))}</strong> {both(change['reason']['zh'], change['reason']['en'], 'span')}</p>"
    )
    return "\n".join(line for line in lines if line) + "</li>"


def whats_new_page(bundle):
    """The Markdown of the What's new page."""
    lines = [f"# {pair(word('whatsnew.title'))}", "", f"<p>{esc(text(word('whatsnew.intro')))}</p>", ""]
    found = bundle.get("changes", [])
    if not found:
        return "\n".join(lines + [f"<p>{esc(text(word('whatsnew.none')))}</p>", ""])
    items = []
    for change in found:
        area = bundle["rules"][change["rule"]]["area"]
        link = f'<a href="../../policies/{esc(area)}/#{esc(change["rule"])}"><code>{esc(change["rule"])}</code></a>'
        items.append(change_item(change, link))
    return "\n".join(lines + ['<ul class="whatsnew">', *items, "</ul>", ""])


def signoff_changes(bundle):
    """Lines for the sign-off page: the changes in force in this edition, newest first."""
    found = [change for change in bundle.get("changes", []) if not change["upcoming"]]
    if not found:
        return []
    items = [change_item(change, f"<code>{esc(change['rule'])}</code>") for change in found]
    return [f"<p><strong>{esc(text(word('whatsnew.in_edition')))}</strong></p>", '<ul class="whatsnew">', *items, "</ul>", ""]
