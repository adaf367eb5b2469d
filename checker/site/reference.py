"""Pages for agents mid-shift: a one-screen quick reference and the index of every rule id."""

from ..check_site import DURATIONS
from ..engine.text import wording
from ..terms import TERMS
from .edition import edition_text
from .markup import both, esc, language, pair, table
from .policies import AUDIENCE, flag_rules, postage_rows, rule_link, shift_rows, timeline_rows

UNITS = {
    "days": {"zh": "天", "en": "days"},
    "hours": {"zh": "小时", "en": "hours"},
    "working_days": {"zh": "个工作日", "en": "working days"},
    "minutes": {"zh": "分钟", "en": "minutes"},
}
LABELS = {
    "title": {"zh": "速查", "en": "Quick reference"},
    "time": {"zh": "时限", "en": "Time limits"},
    "what": {"zh": "事项", "en": "What"},
    "limit": {"zh": "时限", "en": "Limit"},
    "rule": {"zh": "规则", "en": "Rule"},
    "day": {"zh": "班次与每日", "en": "Shifts and the day"},
    "postage": {"zh": "运费", "en": "Postage"},
    "case": {"zh": "情形", "en": "Case"},
    "escalation": {"zh": "升级", "en": "Escalation"},
    "when": {"zh": "情形", "en": "When"},
    "to": {"zh": "交给", "en": "To"},
    "flags": {"zh": "旗帜", "en": "Flags"},
    "index": {"zh": "规则索引", "en": "Rule index"},
    "id": {"zh": "编号", "en": "Id"},
    "rule_title": {"zh": "标题", "en": "Title"},
    "area": {"zh": "领域", "en": "Area"},
    "audience": {"zh": "对象", "en": "Audience"},
    "owner": {"zh": "负责", "en": "Owner"},
    "effective": {"zh": "生效", "en": "Effective"},
    "rules": {"zh": "条规则", "en": "rules"},
}


def _limit(rule):
    """A rule's time limit with its unit, from the first duration param it has."""
    for key in DURATIONS:
        if key in rule.get("params", {}):
            value, unit = rule["params"][key], UNITS[key]
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
    return [[situation, target, ", ".join(rule_link(bundle, r, page) for r in rule_ids)] for situation, target, rule_ids in rows]


def _group(bundle, group, page):
    """A box of rules to know by heart: each rule's title and text, per language, and its link."""
    items = []
    for rule_id in group["rules"]:
        rule = bundle["rules"][rule_id]
        texts = "".join(
            f'<span lang="{tag}"><strong>{esc(rule["title"][lang])}</strong> {esc(wording(rule, "text", lang))}</span> '
            for lang, tag in (("zh", "zh-CN"), ("en", "en"))
            if language() in (None, lang)
        )
        items.append(f"- {texts}{rule_link(bundle, rule_id, page)}")
    return [f"## {pair(group['title'])}", "", '<div class="quick-rules" markdown>', "", *items, "", "</div>", ""]


def _box(lines):
    """A heading and its content, kept together in one column of the quick reference."""
    return "\n".join(['<div class="quick-box" markdown>', "", *lines, "</div>", ""])


def quick_reference(bundle):
    """One screen and one printed page: time limits, postage, escalation, flags, the day and
    the rules the site file groups, with the rules' edition under the title."""
    page = "reference/quick.md"
    rules = bundle["rules"]
    choices = bundle["site"]["quick_reference"]
    limits = [[pair(rules[r]["title"]), _limit(rules[r]), rule_link(bundle, r, page)] for r in choices["limits"]]
    postage = [
        [pair(rule["title"]), pair(ret), pair(resend), rule_link(bundle, rule["id"], page)]
        for rule, ret, resend in postage_rows(bundle)
    ]
    flags = [
        f'<span class="flag-swatch" style="background:{esc(rule["params"]["hex"])}"></span> '
        f"{rule_link(bundle, rule['id'], page)} {pair(rule['title'])}"
        for rule in flag_rules(bundle)
    ]
    shifts = [
        " · ".join(f"{pair(label)} {hours}" for label, hours in shift_rows(bundle, view))
        + f" ({rule_link(bundle, view['rule'], page)})"
        for area in bundle["areas"]
        for view in area["views"]
        if view["view"] == "shift_table"
    ]
    notes = [f"{pair(rules[r]['title'])}: {rule_link(bundle, r, page)}" for r in choices["postage_notes"]]
    day = [f"{when} {pair(rule['title'])}" for _, when, rule in timeline_rows(bundle)]
    groups = [_group(bundle, group, page) for group in choices["groups"]]
    edition = edition_text(bundle)
    header = [pair(LABELS["what"]), pair(LABELS["limit"]), pair(LABELS["rule"])]
    time = [f"## {pair(LABELS['time'])}", "", table(header, limits), ""]
    day = [f"## {pair(LABELS['day'])}", "", "<br>".join(shifts), "", "<br>".join(day), ""] if shifts or day else []
    money = [
        f"## {pair(LABELS['postage'])}",
        "",
        table([pair(LABELS["case"]), pair(TERMS["return_leg"]), pair(TERMS["resend_leg"]), pair(LABELS["rule"])], postage),
        "",
        "<br>".join(notes),
        "",
    ]
    money = money if postage or notes else []
    escalation = [
        f"## {pair(LABELS['escalation'])}",
        "",
        table([pair(LABELS["when"]), pair(LABELS["to"]), pair(LABELS["rule"])], escalation_rows(bundle, page)),
        "",
    ]
    legend = [f"## {pair(LABELS['flags'])}", "", "<br>".join(flags), ""] if flags else []
    return "\n".join(
        [
            "---",
            "hide:",
            "  - navigation",
            "  - toc",
            "  - footer",
            "---",
            "",
            f"# {pair(LABELS['title'])}",
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
    page = "reference/rules.md"
    rows = []
    for area in bundle["areas"]:
        for section in area["sections"]:
            for rule_id in section["rules"]:
                rule = bundle["rules"][rule_id]
                rows.append(
                    [
                        rule_link(bundle, rule_id, page),
                        pair(rule["title"]),
                        pair(area["title"]),
                        pair(AUDIENCE[rule["audience"]]),
                        pair(bundle["roles"][rule["owner"]]),
                        rule["effective"],
                    ]
                )
    header = [pair(LABELS[key]) for key in ("id", "rule_title", "area", "audience", "owner", "effective")]
    return f"# {pair(LABELS['index'])}\n\n{len(rows)} {pair(LABELS['rules'])}\n\n" + table(header, rows) + "\n"
