"""One outcome of an interview: the rules it cites, the params its wording needs, and its
postage, flag, route and deadlines."""

from ..engine import graph
from ..engine.text import placeholders
from ..errors import hint, say
from .common import Context

__all__ = ["check_flag_notes", "check_outcome", "note_names"]


def check_outcome(checker, outcome):
    """Check what ``outcome`` names; ``checker`` is the flow's FlowChecker."""
    ctx = checker.ctx
    for index, rule_id in enumerate(outcome["rules"]):
        checker.rule_ref(outcome, "rules", rule_id, outcome["rules"].item_mark(index))
    for key in ("price_difference", "follow_up"):
        if key in outcome:
            checker.rule_ref(outcome, key)
    _check_scripts(checker, outcome)
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


def scripts(outcome):
    """(text pair, name) of every script of an outcome: its say, and its customer say and steps."""
    found = [(outcome["say"], "say")]
    customer = outcome.get("customer") or {}
    if "say" in customer:
        found.append((customer["say"], "customer.say"))
    found += [(step, f"customer.steps[{index}]") for index, step in enumerate(customer.get("steps", []))]
    return found


def _check_scripts(checker, outcome):
    """Every {name} in an outcome's scripts has a value: a param of its say_params or postage
    rule, or a question whose answers say themselves (`said`). A postage paid back up to a cap
    states the cap ({cap_words}); an outcome several answers of one question lead to names the
    answer given ({question}), so a refusal says why."""
    ctx, oid = checker.ctx, outcome["id"]
    params, unknown_rule = {}, False
    for key, holder in (("say_params", outcome), ("rule", outcome.get("postage"))):
        if holder and key in holder:
            rule = checker.rule_ref(holder, key)
            params.update(rule.get("params", {}) if rule else {})
            unknown_rule = unknown_rule or rule is None
    # Without the rule its placeholders are unknown, not missing: the rule's problem says it all.
    for text, field in scripts(outcome) if not unknown_rule else ():
        for lang in ("zh", "en"):
            for name in placeholders(text[lang]):
                if name not in params and not _said_question(checker, outcome, name, text.value_mark(lang)):
                    postage = outcome["postage"]["rule"] if "postage" in outcome else None
                    ctx.add(
                        text.value_mark(lang),
                        say(
                            f"结果 '{oid}' 的 `{field}.{lang}` 里的 `{{{name}}}` 没有值；请在 say_params 里写上存放它的规则"
                            + (f"，或把它加到运费规则 {postage} 的 params" if postage else "")
                            + "，或改为这个流程里答案带 `said` 的问题",
                            f"{{{name}}} in outcome '{oid}' {field}.{lang} has no value; name the rule that holds it in say_params"
                            + (f", add it to the params of its postage rule {postage}" if postage else "")
                            + ", or use a question of this flow whose answers have `said`",
                        ),
                    )
    wanted = []
    if "postage" in outcome and any(
        isinstance(params.get(leg), dict) and params[leg].get("cap") for leg in outcome["postage"]["legs"]
    ):
        wanted.append(("cap_words", say("按上限报销运费", "pays postage back up to a cap")))
    for question in checker.flow["questions"]:
        if sum(1 for answer in question.get("answers", []) if answer.get("next") == oid) > 1:
            wanted.append(
                (
                    question["id"],
                    say(f"由问题 '{question['id']}' 的几个答案走到", f"is reached from several answers of '{question['id']}'"),
                )
            )
    for name, why in wanted:
        for text, field in scripts(outcome)[:2]:
            for lang in ("zh", "en"):
                if name not in placeholders(text[lang]):
                    ctx.add(
                        text.value_mark(lang),
                        say(
                            f"结果 '{oid}' {why.zh}，它的 `{field}.{lang}` 要用 `{{{name}}}` 说出来",
                            f"outcome '{oid}' {why.en}; its {field}.{lang} must say it with {{{name}}}",
                        ),
                    )


def _said_question(checker, outcome, name, mark):
    """Whether {name} in an outcome's script is a choice question of the flow; if so it is
    noted, for FlowChecker.check_said to see it asked on every path here, with its answers'
    `said` forms."""
    kind, question = checker.nodes.get(name, (None, None))
    if kind != "questions" or question["kind"] != "choice":
        return False
    checker.said_questions.setdefault((outcome["id"], name), mark)
    return True


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


def note_names(flows):
    """What a flag rule's note may fill in: any flow's steps, and the postage."""
    return {node["id"] for flow in flows for _, node in graph.nodes(flow) if "id" in node} | {"postage"}


def check_flag_notes(documents):
    """Every placeholder in the note of a flag no outcome uses yet names something a flow can
    fill in (the flags page shows the note as its format; a flag that outcomes use is checked
    with each flow, where a renamed question is told once). Across files, so only when every
    file loaded; returns the problems."""
    areas = [data for _, data in documents if data["kind"] == "area"]
    flows = [data["flow"] for data in areas if "flow" in data]
    names = note_names(flows)
    used = {outcome.get("flag") for flow in flows for outcome in flow.get("outcomes", [])}
    ctx = Context()
    for rule in (rule for data in areas for section in data["sections"] for rule in section["rules"]):
        params = rule.get("params", {})
        note = params.get("note")
        if "colour" not in params or not isinstance(note, dict) or rule["id"] in used:
            continue
        for lang in ("zh", "en"):
            for name in placeholders(note.get(lang, "")):
                if name not in names:
                    ctx.add(
                        note.value_mark(lang),
                        say(
                            f"{rule['id']} 的 `note.{lang}` 用了 `{{{name}}}`，但没有哪个流程有这个问题，它也不是 'postage'",
                            f"{rule['id']} note.{lang} uses {{{name}}}, which is no question of any flow nor 'postage'",
                        )
                        + hint(name, names),
                    )
    return ctx.problems
