"""Pages for agents mid-shift: a one-screen quick reference and the index of every rule id;
for the supervisor, every rule by owner with its next review."""

import datetime

from ..engine.text import wording
from ..validation.site import DURATIONS
from ..wording import word
from .edition import edition_text
from .markup import both, esc, language, md, pair, table
from .policies import flag_rules, postage_rows, rule_link, shift_rows, timeline_rows


def _limit(rule):
    """A rule's time limit with its unit, from the first duration param it has."""
    for key in DURATIONS:
        if key in rule.get("params", {}):
            value, unit = rule["params"][key], word("unit." + key)
            return pair({lang: f"{value} {unit[lang]}" for lang in ("zh", "en")}).replace(str(value), f"**{value}**", 1)
    return ""


def escalation_rows(bundle, page):
    """One row per situation and target, with every rule that escalates it."""
    rows, index = [], {}
    for flow in bundle["flows"].values():
        found = [(item["rule"], item["to"]) for item in flow.get("escalations", [])]
        found += [(o["rules"][0], o["escalate"]) for o in flow["outcomes"] if o.get("escalate")]
        for rule_id, target in found:
            title = bundle["rules"][rule_id]["title"]
            key = (title["zh"], target)
            if key not in index:
                index[key] = [pair(title), f"**{pair(bundle['roles'][target])}**", []]
                rows.append(index[key])
            if rule_id not in index[key][2]:
                index[key][2].append(rule_id)
    return [
        [situation, target, ", ".join(rule_link(bundle, r, page, searchable=False) for r in rule_ids)]
        for situation, target, rule_ids in rows
    ]


def _group(bundle, group, page):
    """A box of rules to know by heart: each rule's title and text, per language, and its link."""
    items = []
    for rule_id in group["rules"]:
        rule = bundle["rules"][rule_id]
        texts = "".join(
            f'<span lang="{tag}"><strong>{md(rule["title"][lang])}</strong> {md(wording(rule, "text", lang))}</span> '
            for lang, tag in (("zh", "zh-CN"), ("en", "en"))
            if language() in (None, lang)
        )
        items.append(f"- {texts}{rule_link(bundle, rule_id, page, searchable=False)}")
    return [f"## {pair(group['title'])}", "", '<div class="quick-rules" markdown>', "", *items, "", "</div>", ""]


def _box(lines):
    """A heading and its content, kept together in one column of the quick reference."""
    return "\n".join(['<div class="quick-box" markdown>', "", *lines, "</div>", ""])


QUICK_PAGE = "reference/quick.md"
INDEX_PAGE = "reference/rules.md"


def quick_reference(bundle):
    """One screen and one printed page: time limits, postage, escalation, flags, the day and
    the rules the site file groups, with the rules' edition under the title."""
    page = QUICK_PAGE
    rules = bundle["rules"]
    choices = bundle["site"]["quick_reference"]
    limits = [
        [pair(rules[r]["title"]), _limit(rules[r]), rule_link(bundle, r, page, searchable=False)] for r in choices["limits"]
    ]
    postage = [
        [pair(rule["title"]), pair(ret), pair(resend), rule_link(bundle, rule["id"], page, searchable=False)]
        for rule, ret, resend in postage_rows(bundle)
    ]
    flags = [
        f'<span class="flag-swatch" style="background:{esc(rule["params"]["hex"])}"></span> '
        f"{rule_link(bundle, rule['id'], page, searchable=False)} {pair(rule['title'])}"
        for rule in flag_rules(bundle)
    ]
    shifts = [
        " · ".join(f"{pair(label)} {hours}" for label, hours in shift_rows(bundle, view))
        + f" ({rule_link(bundle, view['rule'], page, searchable=False)})"
        for area in bundle["areas"]
        for view in area["views"]
        if view["view"] == "shift_table"
    ]
    notes = [f"{pair(rules[r]['title'])}: {rule_link(bundle, r, page, searchable=False)}" for r in choices["postage_notes"]]
    day = [f"{when} {pair(rule['title'])}" for _, when, rule in timeline_rows(bundle)]
    groups = [_group(bundle, group, page) for group in choices["groups"]]
    edition = edition_text(bundle)
    header = [pair(word("reference.what")), pair(word("reference.limit")), pair(word("reference.rule"))]
    time = [f"## {pair(word('reference.time'))}", "", table(header, limits), ""]
    day = [f"## {pair(word('reference.day'))}", "", "<br>".join(shifts), "", "<br>".join(day), ""] if shifts or day else []
    money = [
        f"## {pair(word('reference.postage'))}",
        "",
        table(
            [
                pair(word("reference.case")),
                pair(word("term.return_leg")),
                pair(word("term.resend_leg")),
                pair(word("reference.rule")),
            ],
            postage,
        ),
        "",
        "<br>".join(notes),
        "",
    ]
    money = money if postage or notes else []
    escalation = [
        f"## {pair(word('reference.escalation'))}",
        "",
        table(
            [pair(word("reference.when")), pair(word("reference.to")), pair(word("reference.rule"))],
            escalation_rows(bundle, page),
        ),
        "",
    ]
    legend = [f"## {pair(word('reference.flags'))}", "", "<br>".join(flags), ""] if flags else []
    return "\n".join(
        [
            "---",
            "hide:",
            "  - navigation",
            "  - toc",
            "  - footer",
            "---",
            "",
            f"# {pair(word('reference.title'))}",
            "",
            both(edition["zh"], edition["en"], "span", "quick-edition"),
            "",
            '<div class="quick-grid" markdown>',
            "",
            *(_box(block) for block in (time, day, legend, money, escalation, *groups) if block),
            "</div>",
            "",
        ]
    )


def rule_index(bundle):
    page = INDEX_PAGE
    rows = []
    for area in bundle["areas"]:
        for section in area["sections"]:
            for rule_id in section["rules"]:
                rule = bundle["rules"][rule_id]
                rows.append(
                    [
                        rule_link(bundle, rule_id, page, searchable=False),
                        pair(rule["title"]),
                        pair(area["title"]),
                        pair(word("audience." + rule["audience"])),
                        pair(bundle["roles"][rule["owner"]]),
                        rule["effective"],
                    ]
                )
    header = [pair(word("reference." + key)) for key in ("id", "rule_title", "area", "audience", "owner", "effective")]
    return f"# {pair(word('reference.index'))}\n\n{len(rows)} {pair(word('reference.rules'))}\n\n" + table(header, rows) + "\n"


REVIEWS_PAGE = "reference/reviews.md"
SOON_DAYS = 30


def reviews_page(bundle, today=None):
    """Every rule under its owner, the next review first: overdue, due within 30 days, later."""
    today = today or datetime.date.today()
    header = [pair(word("reference." + key)) for key in ("id", "rule_title", "effective", "review_by", "review_state")]
    lines = [f"# {pair(word('reference.reviews'))}", "", pair(word("reference.reviews_intro")) + f" {today.isoformat()}", ""]
    for role_id, role in bundle["roles"].items():
        owned = sorted((rule["review_by"], rule_id) for rule_id, rule in bundle["rules"].items() if rule["owner"] == role_id)
        if not owned:
            continue
        rows = []
        for due, rule_id in owned:
            days = (datetime.date.fromisoformat(due) - today).days
            state = "overdue" if days < 0 else "soon" if days <= SOON_DAYS else "later"
            shown = pair(word("reference.review_" + state))
            rows.append(
                [
                    rule_link(bundle, rule_id, REVIEWS_PAGE, searchable=False),
                    pair(bundle["rules"][rule_id]["title"]),
                    bundle["rules"][rule_id]["effective"],
                    due,
                    f"**{shown}**" if state != "later" else shown,
                ]
            )
        lines += [f"## {pair(role)}", "", table(header, rows), ""]
    return "\n".join(lines)
