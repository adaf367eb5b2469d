"""Training scenarios that follow the rules: answers relative to params, text filled from them.

A scenario's answer may be a plain value or an expression, so that changing a param keeps
each scenario teaching what it teaches:

- ``{param: RULE-ID.key, plus: 1}``: a number from a rule's param (``plus`` optional);
- ``{answer: question_id, plus: 20}``: a number from another answer of the scenario;
- ``{date: question_id, plus_days: 5}``: a date some days after another answer (the days may
  themselves be a param expression).

Its title, story and clues may use ``{question_id}`` or a fact the flow derives; dates read
as people write them, with the year (2026 年 10 月 12 日, 12 October 2026). A scenario grades
only what its story states: each graded question has a clue quoted from the story, every other
question on its path is given (checker.validation.clues). Build-time and CPython only: the
bundle carries each scenario resolved, so the browser sees plain values.
"""

from ..engine import AnswerError, graph, step
from ..engine.dates import format_date, parse_date, spoken_date
from ..engine.text import fill, placeholders
from ..engine.versions import in_force
from ..errors import Text, hint, say
from .clues import check_clues

__all__ = ["check_scenarios", "check_scenario_references"]


class _Unresolvable(Exception):
    def __init__(self, mark, message, about=None):
        super().__init__(message.en)
        self.mark, self.message, self.about = mark, message, about


def _param(bundle, reference, mark, day=None):
    """A number param of a rule, as in force on ``day`` (None: the rule as first written)."""
    rule_id, _, key = reference.partition(".")
    rule = bundle["rules"].get(rule_id)
    if rule is not None and day:
        rule = in_force(rule, day)
    if rule is None:
        raise _Unresolvable(
            mark, say(f"没有规则 '{rule_id}'", f"unknown rule '{rule_id}'") + hint(rule_id, bundle["rules"]), about=rule_id
        )
    params = rule.get("params", {})
    if key not in params or isinstance(params[key], (dict, list, str, bool)):
        raise _Unresolvable(
            mark,
            say(f"'{reference}' 不是 {rule_id} 的数值参数", f"'{reference}' is not a number param of {rule_id}")
            + hint(key, params),
        )
    return params[key]


def _number(bundle, expression, resolve, mark, day=None):
    if not isinstance(expression, dict):
        return expression
    if "param" in expression:
        base = _param(bundle, expression["param"], expression.value_mark("param"), day)
    else:
        base = resolve(expression["answer"], expression.value_mark("answer"))
        if isinstance(base, str):
            other = expression["answer"]
            raise _Unresolvable(
                expression.value_mark("answer"), say(f"答案 '{other}' 不是数字", f"answer '{other}' is not a number")
            )
    return base + expression.get("plus", 0)


def resolve_answers(bundle, answers):
    """The answers with every expression worked out; raises _Unresolvable at the bad value."""
    resolved, busy = {}, set()

    def resolve(qid, mark):
        if qid in resolved:
            return resolved[qid]
        if qid not in answers:
            raise _Unresolvable(
                mark, say(f"'{qid}' 不是这个场景的答案", f"'{qid}' is not one of this scenario's answers") + hint(qid, answers)
            )
        if qid in busy:
            raise _Unresolvable(
                mark,
                say(
                    f"'{qid}' 要由它自己算出来；请把这几个答案中的一个直接写成值",
                    f"'{qid}' is worked out from itself; give one of these answers as a plain value",
                ),
            )
        busy.add(qid)
        expression = answers[qid]
        if isinstance(expression, dict) and not any(key in expression for key in ("param", "answer", "date")):
            raise _Unresolvable(
                answers.value_mark(qid),
                say(
                    "请写成 `{param: 规则编号.参数名}`、`{answer: 问题编号}` 或 `{date: 问题编号, plus_days: N}`",
                    "write {param: RULE-ID.key}, {answer: question_id} or {date: question_id, plus_days: N}",
                ),
            )
        if isinstance(expression, dict) and "date" in expression and "plus_days" not in expression:
            raise _Unresolvable(
                expression.value_mark("date"),
                say(
                    "由另一个答案推算的日期需要 `plus_days: N`；请加上",
                    "a date worked out from another answer needs plus_days: N",
                ),
            )
        if isinstance(expression, dict) and "date" in expression:
            start = resolve(expression["date"], expression.value_mark("date"))
            if not isinstance(start, str) or parse_date(start) is None:
                other = expression["date"]
                raise _Unresolvable(
                    expression.value_mark("date"), say(f"答案 '{other}' 不是日期", f"answer '{other}' is not a date")
                )
            # A param counts as in force on the day worked out: a window read on the request day.
            value, day = None, start[:10]
            for _ in range(3):  # settles at once unless the days reach across a dated change
                days = _number(bundle, expression["plus_days"], resolve, expression.value_mark("plus_days"), day)
                value = format_date(parse_date(start) + int(days))
                if value == day:
                    break
                day = value
        else:
            value = _number(bundle, expression, resolve, answers.value_mark(qid))
        resolved[qid] = value
        return value

    for qid in answers:
        resolve(qid, answers.value_mark(qid))
    return resolved


def _shown(value, lang):
    if isinstance(value, str) and spoken_date(value, lang) is not None:
        return spoken_date(value, lang)
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def _filled_text(text, values):
    return {lang: fill(text[lang], {name: _shown(value, lang) for name, value in values.items()}) for lang in ("zh", "en")}


def _params_on_path(bundle, flow, trace):
    """(rule id, key) of every param a check on this path compares with, in path order."""
    checks = graph.by_id(flow, "checks")
    found = []
    for entry in trace:
        if entry["type"] == "check":
            for branch in checks[entry["step"]]["branches"]:
                for reference in graph.named(branch["when"], "param"):
                    if tuple(reference.split(".", 1)) not in found:
                        found.append(tuple(reference.split(".", 1)))
    return found


def _relative_params(answers):
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("param"), str):
                found.add(tuple(value["param"].split(".", 1)))
            for item in value.values():
                walk(item)

    walk(dict(answers))
    return found


def _param_marks(documents):
    """(rule id, key) -> the mark of that param's value, for messages at the line changed."""
    marks = {}
    for data in documents:
        for section in data.get("sections", []) if data["kind"] == "area" else []:
            for rule in section["rules"]:
                for key in rule.get("params", {}):
                    marks[(rule["id"], key)] = rule["params"].value_mark(key)
    return marks


def _wrong_outcome(bundle, flow, scenario, trace, reached, param_marks):
    """The scenario no longer reaches what it teaches. When one param on its path explains
    it, the problem is reported at that param (the line the supervisor changed); else None."""
    taught, name = scenario["outcome"], scenario["id"]
    where = scenario.value_mark("outcome")
    relative = _relative_params(scenario["answers"])
    suspects = [ref for ref in _params_on_path(bundle, flow, trace) if ref not in relative and ref in param_marks]
    if len(suspects) == 1:
        rule_id, key = suspects[0]
        value = bundle["rules"][rule_id]["params"][key]
        dates = [qid for qid, value in scenario["answers"].items() if isinstance(value, str) and parse_date(value) is not None]
        by_param = f"{{param: {rule_id}.{key}, plus: 1}}"
        example = f"{{date: {dates[0]}, plus_days: {by_param}}}" if dates else by_param
        return param_marks[suspects[0]].problem(
            say(
                f"训练场景「{scenario['title']['zh']}」（{where.path}:{where.line}）在 {rule_id}.{key} = {value} 时{reached.zh}，"
                f"不再是它要教的 {taught}；请把它的答案写成相对于该参数的形式（如 `{example}`），或修改它的 outcome",
                f"training scenario '{name}' ({where.path}:{where.line}) {reached.en}, not {taught}, with {rule_id}.{key} = {value}; "
                f"write its answers relative to this param (e.g. {example}) or change its outcome",
            )
        )
    return None


def _check_scenario(bundle, flow, scenario, param_marks):
    """Problems of one scenario, and the scenario resolved (None when it has problems)."""
    answers = scenario["answers"]
    questions = {q["id"] for q in flow["questions"]}
    unknown = [qid for qid in answers if qid not in questions]
    if unknown:
        return [
            answers.key_mark(qid).problem(
                say(f"'{qid}' 不是流程 '{flow['id']}' 里的问题", f"'{qid}' is not a question of flow '{flow['id']}'")
                + hint(qid, questions)
            )
            for qid in unknown
        ], None
    named = say(f"训练场景「{scenario['title']['zh']}」", f"scenario '{scenario['id']}'")
    try:
        values = resolve_answers(bundle, answers)
        result = step(bundle, flow["id"], dict(values))
    except _Unresolvable as error:
        return [error.mark.problem(_named(scenario) + error.message)], None
    except AnswerError as error:
        return [answers.value_mark(error.question_id).problem(_named(scenario) + Text.of(error.text))], None
    if result["type"] == "question":
        asked = result["question"]["id"]
        reached = say(f"会问到它没有回答的 '{asked}'", f"asks '{asked}', which it does not answer")
        blamed = _wrong_outcome(bundle, flow, scenario, result["trace"], reached, param_marks)
        return [
            blamed
            or answers.mark.problem(
                say(
                    f"{named.zh}没有回答它的路径会问到的 '{asked}'；请把它加到 answers",
                    f"{named.en} does not answer '{asked}', which its path asks; add it to answers",
                )
            )
        ], None
    decision = result["decision"]
    if decision["outcome"] != scenario["outcome"]:
        reached = say(f"得到 {decision['outcome']}", f"reaches {decision['outcome']}")
        blamed = _wrong_outcome(bundle, flow, scenario, decision["trace"], reached, param_marks)
        return [
            blamed
            or scenario.value_mark("outcome").problem(
                say(
                    f"{named.zh}{reached.zh}，不是 {scenario['outcome']}；请修改它的答案或 outcome",
                    f"{named.en} {reached.en}, not {scenario['outcome']}; fix its answers or its outcome",
                )
            )
        ], None
    known = dict(values)
    known.update(decision["facts"])
    problems = []
    clues = scenario.get("clues") or {}
    texts = [scenario["title"], scenario["story"]] + list(clues.values())
    for text in texts:
        for lang in ("zh", "en"):
            for name in placeholders(text[lang]):
                if name not in known:
                    problems.append(
                        text.value_mark(lang).problem(
                            say(
                                f"`{{{name}}}` 既不是这个场景的答案，也不是它的路径算出的值",
                                f"'{{{name}}}' is neither an answer of this scenario nor a fact its path works out",
                            )
                            + hint(name, known)
                        )
                    )
    if problems:
        return problems, None
    story = _filled_text(scenario["story"], known)
    filled = {qid: _filled_text(clue, known) for qid, clue in clues.items()}
    asked = [entry["step"] for entry in decision["trace"] if entry["type"] == "question"]
    problems = check_clues(scenario, named, asked, story, filled)
    if problems:
        return problems, None
    plain = dict(scenario)
    plain.update(answers=values, title=_filled_text(scenario["title"], known), story=story, clues=filled)
    plain["given"] = list(scenario.get("given") or [])
    return [], plain


def _param_references(value):
    """Each {param: RULE-ID.key} written inside a scenario's answer, as the mapping holding it."""
    if isinstance(value, dict):
        if isinstance(value.get("param"), str):
            yield value
        for item in value.values():
            yield from _param_references(item)


def check_scenario_references(documents):
    """What each scenario names, checked in the first round with the rest of the rules (before
    any scenario is run): its flow, the outcome it teaches, the questions it answers and the
    params its answers are written from, each at its own line."""
    flows, rules, problems = {}, {}, []
    for data in documents:
        for section in data.get("sections", []) if data["kind"] == "area" else []:
            for rule in section["rules"]:
                rules.setdefault(rule["id"], rule)
        if data["kind"] == "area" and "flow" in data:
            flows.setdefault(data["flow"]["id"], data["flow"])
    for scenario in [s for data in documents if data["kind"] == "scenarios" for s in data["scenarios"]]:
        flow = flows.get(scenario["flow"])
        if flow is None:
            problems.append(
                scenario.value_mark("flow").problem(
                    say(f"没有流程 '{scenario['flow']}'", f"unknown flow '{scenario['flow']}'") + hint(scenario["flow"], flows)
                )
            )
            continue
        outcomes = [outcome["id"] for outcome in flow["outcomes"]]
        missing = getattr(flow, "missing_ids", ())  # reported with the flow, at the rename
        if scenario["outcome"] not in outcomes and scenario["outcome"] not in missing:
            taught = scenario["outcome"]
            problems.append(
                scenario.value_mark("outcome").problem(
                    say(f"'{taught}' 不是流程 '{flow['id']}' 的结果", f"'{taught}' is not an outcome of flow '{flow['id']}'")
                    + hint(taught, outcomes)
                )
            )
        questions = [question["id"] for question in flow["questions"]]
        answers = scenario["answers"]
        for qid in answers:
            if qid not in questions and qid not in missing:
                problems.append(
                    answers.key_mark(qid).problem(
                        say(f"'{qid}' 不是流程 '{flow['id']}' 里的问题", f"'{qid}' is not a question of flow '{flow['id']}'")
                        + hint(qid, questions)
                    )
                )
        for holder in _param_references(answers):
            try:
                _param({"rules": rules}, holder["param"], holder.value_mark("param"))
            except _Unresolvable as error:
                problem = error.mark.problem(_named(scenario) + error.message)
                problem.about = error.about
                problems.append(problem)
    return problems


def _named(scenario):
    """A scenario's name, to begin a message about it."""
    return say(f"训练场景「{scenario['title']['zh']}」：", f"scenario '{scenario['id']}': ")


def check_scenarios(bundle, documents):
    """Each scenario must lead, through its flow, to the outcome it teaches; the bundle's
    scenarios are replaced by their resolved form (plain answers, filled text)."""
    problems, seen, resolved = [], {}, []
    param_marks = _param_marks(documents)
    for data in documents:
        if data["kind"] != "scenarios":
            continue
        for scenario in data["scenarios"]:
            mark = scenario.value_mark("id")
            if scenario["id"] in seen:
                first = seen[scenario["id"]]
                problems.append(
                    mark.problem(
                        say(
                            f"训练场景 '{scenario['id']}' 已经在 {first} 定义过",
                            f"scenario '{scenario['id']}' is already defined at {first}",
                        )
                    )
                )
                continue
            seen[scenario["id"]] = mark
            flow = bundle["flows"].get(scenario["flow"])
            if flow is None:
                problems.append(
                    scenario.value_mark("flow").problem(
                        say(f"没有流程 '{scenario['flow']}'", f"unknown flow '{scenario['flow']}'")
                        + hint(scenario["flow"], bundle["flows"])
                    )
                )
                continue
            found, plain = _check_scenario(bundle, flow, scenario, param_marks)
            problems.extend(found)
            if plain is not None:
                resolved.append(plain)
    bundle["scenarios"] = resolved
    return problems
