"""Dated rules: each version's day real, after the effective date and the version before it;
its params known to the rule; its wording's placeholders filled by the params in force then.
And a flow's ``dated_by``: a date or datetime question of that flow."""

from ..engine.dates import parse_date
from ..engine.text import placeholders
from ..errors import hint, say
from ..reading.shop_calendar import not_a_date

__all__ = ["check_dated_by", "check_versions"]


def check_versions(ctx, rule):
    rule_id = rule["id"]
    params = dict(rule.get("params", {}))
    before = str(rule["effective"])
    for version in rule.get("versions", []):
        day = str(version["from"])
        if parse_date(day) is None:
            ctx.add(version.value_mark("from"), not_a_date(day))
        elif day <= before:
            ctx.add(
                version.value_mark("from"),
                say(
                    f"{rule_id} 的版本日期 {day} 不晚于 {before}（生效日期或上一个版本）；版本须按日期先后排列，请写更晚的日期",
                    f"{rule_id} version date {day} is not after {before} (the effective date or the version before); "
                    "list versions earliest first and give a later date",
                ),
            )
        else:
            before = day
        changed = version.get("params", {})
        for name in changed:
            if name not in params:
                ctx.add(
                    version["params"].key_mark(name),
                    say(
                        f"{rule_id} 的版本 {day} 改了 params 里没有的 `{name}`",
                        f"{rule_id} version {day} changes `{name}`, which is not in the rule's params",
                    )
                    + hint(
                        name, params, say("；版本只能修改规则已有的 params", "; a version can change only the rule's own params")
                    ),
                )
        params.update(changed)
        for field in ("text", "customer"):
            wording = version.get(field, rule.get(field))
            if field in version and field not in rule:
                ctx.add(
                    version.key_mark(field),
                    say(
                        f"{rule_id} 没有 '{field}' 措辞，版本 {day} 不能添加；请删掉它",
                        f"{rule_id} has no '{field}' wording, so version {day} cannot add one; remove it",
                    ),
                )
                continue
            if wording is None:
                continue
            where = version[field] if field in version else rule[field]
            for lang in ("zh", "en"):
                for name in placeholders(wording[lang]):
                    if name not in params:
                        ctx.add(
                            where.value_mark(lang) if field in version else version.value_mark("from"),
                            say(
                                f"{rule_id} 从 {day} 起的 `{field}.{lang}` 里的 `{{{name}}}` 不在它的 params 里",
                                f"{{{name}}} in {rule_id} {field}.{lang} from {day} is not in its params",
                            )
                            + say("；请把它加到 params，或改正名字", "; add it to params or fix the name"),
                        )
        if version.get("announce") and rule["audience"] != "public":
            ctx.add(
                version.value_mark("announce"),
                say(
                    f"内部规则 {rule_id} 的修改不会在公开网站预告；请删掉 announce，或把规则改为公开",
                    f"staff rule {rule_id} is not on the public site, so its change cannot be announced there; "
                    "remove announce or make the rule public",
                ),
            )


def check_dated_by(ctx, flow):
    """``dated_by`` names one of the flow's date or datetime questions."""
    if "dated_by" not in flow:
        return
    name = flow["dated_by"]
    kinds = {question["id"]: question["kind"] for question in flow["questions"]}
    if kinds.get(name) not in ("date", "datetime"):
        dates = [qid for qid, kind in kinds.items() if kind in ("date", "datetime")]
        ctx.add(
            flow.value_mark("dated_by"),
            say(
                f"流程 {flow['id']} 的 dated_by '{name}' 不是它的日期问题",
                f"dated_by '{name}' of flow {flow['id']} is not one of its date questions",
            )
            + hint(name, dates, say("；请写一个日期问题的编号", "; name a date question")),
        )
