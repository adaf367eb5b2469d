"""One outcome of an interview: the rules it cites, the params its wording needs, and its
postage, flag, route and deadlines."""

from ..engine.text import placeholders
from ..errors import say

__all__ = ["check_outcome"]


def check_outcome(checker, outcome):
    """Check what ``outcome`` names; ``checker`` is the flow's FlowChecker."""
    ctx = checker.ctx
    for index, rule_id in enumerate(outcome["rules"]):
        checker.rule_ref(outcome, "rules", rule_id, outcome["rules"].item_mark(index))
    for key in ("price_difference", "follow_up"):
        if key in outcome:
            checker.rule_ref(outcome, key)
    params = {}
    if "say_params" in outcome:
        rule = checker.rule_ref(outcome, "say_params")
        # Without the rule its placeholders are unknown, not missing: the rule's problem says it all.
        params = None if rule is None else rule.get("params", {})
    for lang in ("zh", "en") if params is not None else ():
        for name in placeholders(outcome["say"][lang]):
            if name not in params:
                ctx.add(
                    outcome["say"].value_mark(lang),
                    say(
                        f"结果 '{outcome['id']}' 的 `say.{lang}` 里的 `{{{name}}}` 没有值；请在 say_params 里写上存放它的规则",
                        f"{{{name}}} in outcome '{outcome['id']}' say.{lang} has no value; name the rule that holds it in say_params",
                    ),
                )
    if "postage" in outcome:
        rule = checker.rule_ref(outcome["postage"], "rule")
        for index, leg in enumerate(outcome["postage"]["legs"]):
            if rule and leg not in rule.get("params", {}):
                ctx.add(
                    outcome["postage"]["legs"].item_mark(index),
                    say(
                        f"规则 {rule['id']} 没有 `params.{leg}`；请加上它，或去掉这一段运费",
                        f"rule {rule['id']} has no params.{leg}; add it or drop the leg",
                    ),
                )
    if "flag" in outcome:
        _check_flag(checker, outcome)
    if "route" in outcome:
        _check_route(checker, outcome)
    for index, rule_id in enumerate(outcome.get("deadlines", [])):
        mark = outcome["deadlines"].item_mark(index)
        rule = checker.rule_ref(outcome, "deadlines", rule_id, mark)
        if rule and not ({"hours", "working_days"} & set(rule.get("params", {}))):
            ctx.add(
                mark,
                say(
                    f"规则 {rule_id} 不是期限规则（需要 `params.hours` 或 `params.working_days`）",
                    f"rule {rule_id} is not a deadline (needs params.hours or params.working_days)",
                ),
            )


def _check_flag(checker, outcome):
    ctx = checker.ctx
    rule = checker.rule_ref(outcome, "flag")
    if rule and not {"colour", "note"} <= set(rule.get("params", {})):
        ctx.add(
            outcome.value_mark("flag"),
            say(
                f"规则 {rule['id']} 不是标记规则（需要 `params.colour` 和 `params.note`）",
                f"rule {rule['id']} is not a flag (needs params.colour and params.note)",
            ),
        )
    elif rule:
        known = set(checker.nodes) | {"postage"}
        note, owner = rule["params"]["note"], f"{rule['id']} note"
        if "flag_note" in outcome:
            note, owner = outcome["flag_note"], "flag_note"
        flow_id = checker.flow["id"]
        for lang in ("zh", "en"):
            for name in placeholders(note.get(lang, "")):
                # At the note itself, where the typo is; once, however many outcomes use the flag.
                where = note.value_mark(lang) if hasattr(note, "value_mark") else outcome.value_mark("flag")
                if name not in known and ctx.first_time((str(where), flow_id, name)):
                    message = say(
                        f"`{owner}.{lang}` 用了 `{{{name}}}`，但它既不是流程 '{flow_id}' 里的问题，也不是 'postage'",
                        f"{owner}.{lang} uses {{{name}}}, which is no question of flow '{flow_id}' nor 'postage'",
                    )
                    checker.unknown(name, where, message, known)


def _check_route(checker, outcome):
    ctx = checker.ctx
    rule = checker.rule_ref(outcome, "route")
    routes = rule.get("params", {}).get("routes", []) if rule else []
    categories = [r.get("category") for r in routes]
    category = outcome.get("category")
    if rule and category not in categories:
        ctx.add(
            outcome.value_mark("route"),
            say(
                f"规则 {rule['id']} 里没有类别 '{category}' 的分派",
                f"rule {rule['id']} has no route for category '{category}'",
            ),
        )
    for route in routes:
        if ctx.roles is not None and route.get("department") not in ctx.roles:
            department = route.get("department")
            ctx.add(
                rule.value_mark("params"),
                say(
                    f"分派的部门 '{department}' 不是 shop.yaml 里的角色",
                    f"route department '{department}' is not a role in shop.yaml",
                ),
            )
