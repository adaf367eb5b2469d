"""The shop's roles and sources, and each rule: unique ids, real dates, known owners and
sources, wording and placeholders."""

from ..engine.dates import parse_date
from ..engine.text import placeholders
from ..errors import hint, say
from ..reading.shop_calendar import not_a_date
from .versions import check_versions

__all__ = ["check_shop", "check_rule"]


def check_shop(ctx, data):
    ctx.roles = _unique(ctx, data["roles"], say("角色编号", "role id"))
    ctx.sources = _unique(ctx, data["sources"], say("来源编号", "source id"))


def _unique(ctx, items, what):
    """{id: where it is defined} of a shop list's items, each repeated id reported."""
    seen = {}
    for item in items:
        if item["id"] in seen:
            ctx.add(
                item.value_mark("id"),
                say(
                    f"{what.zh} '{item['id']}' 已经在 {seen[item['id']]} 定义过",
                    f"{what.en} '{item['id']}' is already defined at {seen[item['id']]}",
                ),
            )
        else:
            seen[item["id"]] = item.value_mark("id")
    return seen


def check_rule(ctx, rule):
    rule_id = rule["id"]
    if rule_id in ctx.rules:
        where, other = ctx.changed(ctx.rules[rule_id][1], rule.value_mark("id"))
        ctx.add(where, say(f"规则编号 {rule_id} 已经在 {other} 定义过", f"rule id {rule_id} is already defined at {other}"))
        return
    ctx.rules[rule_id] = (rule, rule.value_mark("id"))
    if parse_date(rule["effective"]) is None:
        ctx.add(rule.value_mark("effective"), not_a_date(rule["effective"]))
    if "review_by" in rule:
        if parse_date(rule["review_by"]) is None:
            ctx.add(rule.value_mark("review_by"), not_a_date(rule["review_by"]))
        elif str(rule["review_by"]) <= str(rule["effective"]):
            ctx.add(
                rule.value_mark("review_by"),
                say(
                    f"复核日期 {rule['review_by']} 不晚于生效日期 {rule['effective']}；请写生效之后的日期",
                    f"review date {rule['review_by']} is not after the effective date {rule['effective']}; give a later date",
                ),
            )
    if ctx.roles is not None and rule["owner"] not in ctx.roles:
        owner = rule["owner"]
        ctx.add(
            rule.value_mark("owner"),
            say(f"负责人 '{owner}' 不是 shop.yaml 里的角色", f"owner '{owner}' is not a role in shop.yaml")
            + hint(owner, ctx.roles),
        )
    seed = rule["source"]["seed"]
    if ctx.sources is not None and seed not in ctx.sources:
        ctx.add(
            rule["source"].value_mark("seed"),
            say(f"来源 '{seed}' 不在 shop.yaml 的 sources 里", f"source '{seed}' is not in shop.yaml sources")
            + hint(seed, ctx.sources, say("；请在那里列出它和它的标题", "; list it there with its title")),
        )
    if rule["audience"] == "public" and "customer" not in rule:
        ctx.add(
            rule.mark,
            say(
                f"公开规则 {rule_id} 没有 'customer' 措辞；请加上，用“您”对顾客说",
                f"public rule {rule_id} has no 'customer' wording; add it, in the second person",
            ),
        )
    if rule["audience"] == "staff" and "customer" in rule:
        ctx.add(
            rule.key_mark("customer"),
            say(
                f"内部规则 {rule_id} 不应有 'customer' 措辞；请删掉它，或把规则改为公开",
                f"staff rule {rule_id} must not have 'customer' wording; remove it or make the rule public",
            ),
        )
    params = rule.get("params", {})
    for field in ("text", "customer"):
        if field in rule:
            for lang in ("zh", "en"):
                for name in placeholders(rule[field][lang]):
                    if name not in params:
                        near = hint(name, params)
                        ctx.add(
                            rule[field].value_mark(lang),
                            say(
                                f"{rule_id} 的 `{field}.{lang}` 里的 `{{{name}}}` 不在它的 params 里",
                                f"{{{name}}} in {rule_id} {field}.{lang} is not in its params",
                            )
                            + near
                            + say(
                                # After a Chinese question mark the next sentence needs no ；.
                                ("" if near else "；") + "请把它加到 params，或改正名字",
                                "; add it to params or fix the name",
                            ),
                        )
    check_versions(ctx, rule)
