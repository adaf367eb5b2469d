"""The `when` of a branch, an `after` question or an escalation: its form, the questions and
facts it names, and the params it compares with."""

from ..engine.graph import COMPARISONS
from ..errors import hint, listing, say, unknown_rule

__all__ = ["check_condition", "operand"]


def operand(checker, value, mark):
    """Check an operand of a comparison; return a parameter's value when it is one."""
    ctx = checker.ctx
    if not isinstance(value, dict):
        return value
    if len(value) != 1:
        ctx.add(
            mark,
            say(
                "比较的对象要写成数字、`{param: 规则编号.参数名}` 或 `{fact: 名称}`",
                "an operand is a number, {param: RULE.key} or {fact: name}",
            ),
        )
        return None
    if "param" in value:
        rule_id, _, key = value["param"].partition(".")
        if rule_id not in ctx.rules:
            ctx.problems.append(unknown_rule(mark, rule_id, ctx.rules))
            return None
        params = ctx.rules[rule_id][0].get("params", {})
        if key not in params:
            ctx.add(mark, say(f"规则 {rule_id} 没有参数 '{key}'", f"rule {rule_id} has no param '{key}'") + hint(key, params))
            return None
        return params[key]
    _fact_ref(checker, value["fact"], mark)
    return None


def _fact_ref(checker, name, mark):
    kind = checker.kind(name)
    if kind == "derived":
        return True
    if kind == "questions" and checker.nodes[name][1]["kind"] == "number":
        return True
    facts = [k for k, v in checker.nodes.items() if v[0] == "derived" or (v[0] == "questions" and v[1]["kind"] == "number")]
    message = say(f"'{name}' 既不是推算出的值，也不是数字问题", f"fact '{name}' is not a derived value or number question")
    checker.unknown(name, mark, message, facts)
    return False


def check_condition(checker, condition, mark, allow_status=False):
    """Check one condition and the conditions inside it; problems are reported at ``mark``."""
    ctx = checker.ctx
    forms = [k for k in ("answer", "fact", "status", "all", "any", "not") if k in condition]
    if len(forms) != 1:
        ctx.add(
            mark,
            say(
                "一个条件只能用 answer、fact、status、all、any、not 中的一种写法",
                "a condition takes exactly one of: answer, fact, status, all, any, not",
            ),
        )
        return
    form = forms[0]
    if form == "answer":
        _check_answer_condition(checker, condition, mark)
    elif form == "fact":
        ops = [op for op in COMPARISONS if op in condition]
        if len(ops) != 1 or len(condition) != 2:
            ctx.add(
                mark,
                say(
                    f"fact 条件要写 fact 和 {listing(COMPARISONS).zh} 中的一个",
                    f"a fact condition takes the fact and one of {', '.join(COMPARISONS)}",
                ),
            )
            return
        _fact_ref(checker, condition["fact"], mark)
        value = operand(checker, condition[ops[0]], mark)
        if value is not None and not isinstance(value, (int, float)):
            fact = condition["fact"]
            ctx.add(
                mark,
                say(f"'{fact}' 在和 '{value}' 比较，但它不是数字", f"'{fact}' is compared with '{value}', which is not a number"),
            )
    elif form == "status":
        if not allow_status:
            ctx.add(
                mark,
                say(
                    "status 条件要等结果出来后才能用，请写在 'after' 和 'escalations' 里",
                    "status conditions belong in 'after' and 'escalations', once the outcome is known",
                ),
            )
    elif form == "not":
        check_condition(checker, condition["not"], mark, allow_status)
    else:
        for item in condition[form]:
            check_condition(checker, item, mark, allow_status)


def _check_answer_condition(checker, condition, mark):
    ctx = checker.ctx
    qid = condition["answer"]
    tests = [k for k in ("is", "in") if k in condition]
    if len(tests) != 1 or len(condition) != 2:
        ctx.add(
            mark,
            say(
                "answer 条件要写问题，再加 is 或 in 中的一个",
                "an answer condition takes the question and one of: is, in",
            ),
        )
        return
    if checker.kind(qid) != "questions" or checker.nodes[qid][1]["kind"] != "choice":
        choices = [k for k, v in checker.nodes.items() if v[0] == "questions" and v[1]["kind"] == "choice"]
        message = say(f"'{qid}' 不是这个流程里的选择题", f"'{qid}' is not a choice question of this flow")
        checker.unknown(qid, mark, message, choices)
        return
    values = [a["value"] for a in checker.nodes[qid][1]["answers"]]
    wanted = condition["is"] if "is" in condition else condition["in"]
    for value in wanted if isinstance(wanted, list) else [wanted]:
        if value not in values:
            ctx.add(
                mark,
                say(f"问题 '{qid}' 没有答案 '{value}'", f"question '{qid}' has no answer '{value}'") + hint(value, values),
            )
