"""Checks of the shop's escalation order and each area's views (shift table, routing table,
timeline, flag legend): what the staff pages and the engine read from them must exist.

``site`` is check_site's collection of what the rules define, with its ``add`` for problems.
"""

import re

from ..errors import hint, listing, say
from ..wording import VIEW_HEADINGS, word

__all__ = ["check_escalation", "check_view"]

CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def check_escalation(site):
    """Escalation targets are roles of the shop, and flows escalate only to them."""
    if site.escalation is None:
        return
    seen = set()
    for role, mark in site.listed(site.shop, "escalation"):
        if role not in site.roles:
            site.add(
                mark,
                say(f"升级对象 '{role}' 不是本店的角色", f"escalation target '{role}' is not a role of this shop")
                + hint(role, site.roles, say("；请把它加到 roles", "; add it to roles")),
            )
        if role in seen:
            site.add(
                mark,
                say(
                    f"'{role}' 在 escalation 里写了两次；每个角色只写一次",
                    f"'{role}' is listed twice in escalation; list each role once",
                ),
            )
        seen.add(role)
    targets = listing(site.escalation) if site.escalation else None
    targets = targets or say("一个也没有；请在门店文件里加上 `escalation:`", "none listed; add `escalation:` to the shop file")
    for flow in site.flows.values():
        found = [(item, "to") for item in flow.get("escalations", [])]
        found += [(outcome, "escalate") for outcome in flow["outcomes"] if "escalate" in outcome]
        for owner, key in found:
            if owner[key] not in site.escalation:
                site.add(
                    owner.value_mark(key),
                    say(
                        f"'{owner[key]}' 不是升级对象；请用本店的升级角色之一：{targets.zh}",
                        f"'{owner[key]}' is not an escalation target; use one of the shop's escalation roles: {targets.en}",
                    ),
                )


def check_view(site, area, view):
    """An area view has the keys its kind needs and names rules and params that exist, and no
    section of its page repeats the view's heading."""
    kind = view["view"]
    heading = word(VIEW_HEADINGS[kind])
    for section in area["sections"]:
        if any(section["title"][lang] == heading[lang] for lang in ("zh", "en")):
            site.add(
                section.value_mark("title"),
                say(
                    f"小节标题和 {kind} 视图的标题“{heading['zh']}”相同，页面上会出现两个同名标题；请给小节另起标题",
                    f"the section's title is the {kind} view's heading ({heading['zh']} · {heading['en']}), so the page would show it twice; "
                    "give the section a title of its own",
                ),
            )
    needs_rule = kind in ("shift_table", "routing_table")
    for key in ("rule", "shifts", "question"):
        wanted = key == "rule" and needs_rule or key == "shifts" and kind == "shift_table"
        wanted = wanted or key == "question" and kind == "routing_table"
        if wanted and key not in view:
            site.add(view.mark, say(f"{kind} 视图需要 '{key}'；请加上", f"a {kind} view needs '{key}'; add it"))
        if not wanted and key in view:
            site.add(view.key_mark(key), say(f"{kind} 视图不用 '{key}'；请删掉", f"a {kind} view takes no '{key}'; remove it"))
    rule = site.rule(view, "rule") if needs_rule and "rule" in view else None
    if rule is not None and site.rules[rule["id"]][1] != area["area"]:
        site.add(
            view.value_mark("rule"),
            say(
                f"规则 {rule['id']} 不在这个区域里；视图只能显示本区域的规则",
                f"rule {rule['id']} is not in this area; a view shows a rule of its own area",
            ),
        )
        return
    params = rule.get("params", {}) if rule else {}
    if kind == "shift_table" and rule is not None:
        for shift in view.get("shifts", []):
            for key in ("start", "end"):
                name = shift[key]
                if name not in params:
                    otherwise = say("；请写那条规则的参数", "; name a param of that rule")
                    site.add(
                        shift.value_mark(key),
                        say(f"规则 {rule['id']} 没有参数 '{name}'", f"rule {rule['id']} has no param '{name}'")
                        + hint(name, params, otherwise),
                    )
                elif not (isinstance(params[name], str) and CLOCK.match(params[name])):
                    site.add(
                        shift.value_mark(key),
                        say(
                            f"规则 {rule['id']} 的参数 '{name}' 不是钟点；请写成 HH:MM",
                            f"param '{name}' of rule {rule['id']} is not a clock time; write it as HH:MM",
                        ),
                    )
    elif kind == "routing_table" and rule is not None:
        _check_routing(site, area, view, rule)
    elif kind == "timeline" and not any("time" in r.get("params", {}) for r, _ in site.rules.values()):
        site.add(
            view.value_mark("view"),
            say(
                "没有哪条规则有 'time' 参数，时间线会是空的；请删掉这个视图",
                "no rule has a 'time' param, so the timeline would be empty; remove the view",
            ),
        )
    elif kind == "flag_legend" and not any(_is_flag(r) for r, _ in site.rules.values()):
        site.add(
            view.value_mark("view"),
            say(
                "没有哪条规则同时有 'colour'、'hex' 和 'note' 参数，图例会是空的；请删掉这个视图",
                "no rule has 'colour', 'hex' and 'note' params, so the legend would be empty; remove the view",
            ),
        )


def _is_flag(rule):
    params = rule.get("params", {})
    return all(key in params for key in ("colour", "hex", "note"))


def _check_routing(site, area, view, rule):
    routes = rule.get("params", {}).get("routes")
    if not isinstance(routes, list) or not all(isinstance(r, dict) and "category" in r for r in routes):
        site.add(
            view.value_mark("rule"),
            say(
                f"规则 {rule['id']} 没有由 category 和 department 组成的 'routes' 参数；请换一条规则",
                f"rule {rule['id']} has no 'routes' param of category and department; pick another",
            ),
        )
        return
    flow = area.get("flow")
    choices = {q["id"]: q for q in flow["questions"] if q["kind"] == "choice"} if flow else {}
    question = choices.get(view["question"])
    if question is None:
        name = view["question"]
        site.add(
            view.value_mark("question"),
            say(f"'{name}' 不是这个区域流程里的选择题", f"'{name}' is not a choice question of this area's flow")
            + hint(name, choices, say("；请写一个选择题", "; name a choice question")),
        )
        return
    values = {answer["value"] for answer in question.get("answers", [])}
    for route in routes:
        if route["category"] not in values:
            site.add(
                view.value_mark("question"),
                say(
                    f"问题 '{question['id']}' 没有答案 '{route['category']}'，而它是规则 {rule['id']} 的一个类别；请加上",
                    f"question '{question['id']}' has no answer '{route['category']}', a category of rule {rule['id']}; add it",
                ),
            )
