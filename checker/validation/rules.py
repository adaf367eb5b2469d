"""The shop's roles and each rule: unique ids, real dates, known owners, wording and placeholders."""

from ..engine.dates import parse_date
from ..engine.text import placeholders
from .common import hint

__all__ = ["check_shop", "check_rule"]


def check_shop(ctx, data):
    ctx.roles = {}
    for role in data["roles"]:
        if role["id"] in ctx.roles:
            ctx.add(role.value_mark("id"), f"role id '{role['id']}' is already defined at {ctx.roles[role['id']]}")
        else:
            ctx.roles[role["id"]] = role.value_mark("id")


def check_rule(ctx, rule):
    rule_id = rule["id"]
    if rule_id in ctx.rules:
        ctx.add(rule.value_mark("id"), f"rule id {rule_id} is already defined at {ctx.rules[rule_id][1]}")
        return
    ctx.rules[rule_id] = (rule, rule.value_mark("id"))
    if parse_date(rule["effective"]) is None:
        ctx.add(rule.value_mark("effective"), f"'{rule['effective']}' is not a real date (YYYY-MM-DD)")
    if ctx.roles is not None and rule["owner"] not in ctx.roles:
        ctx.add(rule.value_mark("owner"), f"owner '{rule['owner']}' is not a role in shop.yaml{hint(rule['owner'], ctx.roles)}")
    if rule["audience"] == "public" and "customer" not in rule:
        ctx.add(rule.mark, f"public rule {rule_id} has no 'customer' wording; add it, in the second person")
    if rule["audience"] == "staff" and "customer" in rule:
        ctx.add(
            rule.key_mark("customer"), f"staff rule {rule_id} must not have 'customer' wording; remove it or make the rule public"
        )
    params = rule.get("params", {})
    for field in ("text", "customer"):
        if field in rule:
            for lang in ("zh", "en"):
                for name in placeholders(rule[field][lang]):
                    if name not in params:
                        ctx.add(
                            rule[field].value_mark(lang),
                            f"{{{name}}} in {rule_id} {field}.{lang} is not in its params{hint(name, params)}; add it to params or fix the name",
                        )
