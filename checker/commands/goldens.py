"""A shop's golden cases: case files under ``cases/<flow>/`` that name what the engine must
decide (``expect``), run by ``policy-checker test`` and by this repository's pytest alike.

    name: what the case is about
    answers: {question id: answer, ...}
    rules: [rule ids]             # rules the decision must cite
    expect: {outcome: outcome id, status: not_eligible}

An ``expect`` key the runner does not know fails the case (a misspelt key never passes).
"""

from pathlib import Path

from ..engine import AnswerError, Flow, UnknownFlow, step
from ..errors import UsageError, hint, listing, say
from ..loader import display_path
from ..reading.casefile import read_case_file

__all__ = [
    "EXPECT_KEYS",
    "all_cases",
    "case_diffs",
    "leg_summary",
    "read_case",
    "run_case",
    "run_cases",
    "run_tests",
    "cases_folder",
]

# What a case may expect; the simple ones are compared with one field of the decision.
_SIMPLE = ("outcome", "status", "resolution", "department", "escalation", "flag", "price_difference")
EXPECT_KEYS = (
    "asks", "error", *_SIMPLE, "facts", "postage", "deadlines", "warnings", "escalation_rules", "note_zh_contains", "unused",
    "in_force",
)  # fmt: skip


def read_case(path, flow):
    """(answers, the whole case) of a golden case file, checked like any case file."""
    data = read_case_file(str(path), flow)
    return dict(data["answers"]), data


def all_cases(cases):
    """(flow id, path) of every golden case under a cases folder (``<flow>/*.yaml``)."""
    return [(path.parent.name, path) for path in sorted(Path(cases).glob("*/*.yaml"))]


def leg_summary(leg):
    """A postage leg as the short text golden cases use: 'shop, buyer prepays, cap X'."""
    if leg is None:
        return None
    parts = [leg["payer"]]
    if leg.get("buyer_prepays"):
        parts.append("buyer prepays")
    if leg.get("cap"):
        parts.append("cap " + leg["cap"])
    return ", ".join(parts)


def run_case(bundle, flow_id, answers):
    """The engine's answer for a case: ('question', id), ('error', question id) or ('decision', d)."""
    try:
        result = step(bundle, flow_id, answers, flow=Flow(bundle, flow_id))
    except AnswerError as error:
        return "error", error.question_id
    if result["type"] == "question":
        return "question", result["question"]["id"]
    return "decision", result["decision"]


def _brief(kind, value):
    return value["outcome"] if kind == "decision" else value


def _differs(what, wanted, got):
    return say(f"{what}：应为 {wanted!r}，实际是 {got!r}", f"{what}: expected {wanted!r}, got {got!r}")


def _simple(decision):
    return {
        "outcome": decision["outcome"],
        "status": decision["status"],
        "resolution": decision["resolution"],
        "department": decision["department"],
        "escalation": decision["escalation"]["to"],
        "flag": decision["flag"]["colour"] if decision["flag"] else None,
        "price_difference": decision["price_difference"],
    }


def compare(expect, kind, value, case_rules):
    """Differences between a case's expectations and the engine's answer, each in both languages."""
    unknown = [key for key in expect if key not in EXPECT_KEYS]
    if unknown:
        allowed = listing(EXPECT_KEYS)
        return [
            say(f"expect 里不认识的键 '{key}'", f"unknown key '{key}' in expect")
            + hint(key, EXPECT_KEYS, say(f"；可用的键：{allowed.zh}", f"; allowed: {allowed.en}"))
            for key in unknown
        ]
    for key, asked in (("asks", "question"), ("error", "error")):
        if key in expect:
            return [] if (kind, value) == (asked, expect[key]) else [_differs(key, expect[key], f"{kind} {_brief(kind, value)}")]
    if kind != "decision":
        return [say(f"应得出判定，实际是 {kind} {value}", f"expected a decision, got {kind} {value}")]
    decision, diffs = value, []
    for key, actual in _simple(decision).items():
        if key in expect and expect[key] != actual:
            diffs.append(_differs(key, expect[key], actual))
    for fact, wanted in expect.get("facts", {}).items():  # derived values, by the rules' own names
        if decision["facts"].get(fact) != wanted:
            diffs.append(_differs(f"facts.{fact}", wanted, decision["facts"].get(fact)))
    postage = decision["postage"] or {"return_leg": None, "resend_leg": None}
    for leg, wanted in expect.get("postage", {}).items():
        if leg not in postage:
            diffs.append(say(f"postage 里没有 '{leg}'", f"no '{leg}' in postage") + hint(leg, postage))
        elif leg_summary(postage[leg]) != wanted:
            diffs.append(_differs(f"postage.{leg}", wanted, leg_summary(postage[leg])))
    due = {d["rule"]: d["due"] for d in decision["deadlines"]}
    for rule_id, wanted in expect.get("deadlines", {}).items():
        if due.get(rule_id) != wanted:
            diffs.append(_differs(f"deadline {rule_id}", wanted, due.get(rule_id)))
    codes = [w["code"] for w in decision["warnings"]]
    if "warnings" in expect and codes != expect["warnings"]:
        diffs.append(_differs("warnings", expect["warnings"], codes))
    reasons = [r["rule"] for r in decision["escalation"]["reasons"]]
    if "escalation_rules" in expect and reasons != expect["escalation_rules"]:
        diffs.append(_differs("escalation_rules", expect["escalation_rules"], reasons))
    used = {version["rule"]: version["from"] for version in decision["versions"]}
    for rule_id, wanted in expect.get("in_force", {}).items():
        if used.get(rule_id) != wanted:
            diffs.append(_differs(f"in_force {rule_id}", wanted, used.get(rule_id)))
    for fragment in expect.get("note_zh_contains", []):
        if not decision["flag"] or fragment not in decision["flag"]["note"]["zh"]:
            diffs.append(say(f"订单备注里没有 {fragment!r}", f"flag note lacks {fragment!r}"))
    for qid in expect.get("unused", []):
        if qid in decision["answers"]:
            diffs.append(say(f"这条路径不应用到回答 '{qid}'", f"answer '{qid}' should not be used on this path"))
    missing = [r for r in case_rules if r not in decision["rules"]]
    if missing:
        names = ", ".join(missing)
        diffs.append(
            say(f"案例列出、判定却没有引用的规则：{names}", f"rules the case names but the decision does not cite: {names}")
        )
    return diffs


def case_diffs(bundle, flow_id, data):
    """Run one golden case (its parsed data) through the engine; its differences from what it expects."""
    kind, value = run_case(bundle, flow_id, dict(data["answers"]))
    return compare(data.get("expect", {}), kind, value, data.get("rules", []) if kind == "decision" else [])


def run_cases(bundle, cases):
    """[(path, flow id, [differences])] for every golden case of a cases folder; a case file that
    cannot be read, or names a flow the rules lack, is a case with one difference."""
    results = []
    for flow_id, path in all_cases(cases):
        try:
            flow = Flow(bundle, flow_id)
        except UnknownFlow:
            known = listing(sorted(bundle["flows"]))
            results.append((path, flow_id, [say(f"没有流程 '{flow_id}'（{known.zh}）", f"no flow '{flow_id}' ({known.en})")]))
            continue
        try:
            _, data = read_case(path, flow)
        except UsageError as error:
            results.append((path, flow_id, [error.message]))
            continue
        if "expect" not in data:
            results.append((path, flow_id, [say("没有 expect：这个案例什么也没检查", "no expect: this case checks nothing")]))
            continue
        results.append((path, flow_id, case_diffs(bundle, flow_id, data)))
    return results


def cases_folder(rules, given="cases"):
    """``given`` when it is not the default, else the cases/ folder beside the rules folder, or
    tests/cases/ there (this repository's own layout)."""
    if given != "cases":
        return Path(given)
    beside = Path(rules).resolve().parent
    return next((folder for folder in (beside / "cases", beside / "tests" / "cases") if folder.is_dir()), Path(given))


def run_tests(bundle, cases, lang):
    """Each golden case: PASS, or FAIL with what decided differently; then the counts. Training
    scenarios were already run through their flows when the rules loaded. 0 when all pass."""
    if not cases.is_dir():
        raise UsageError(say(f"{cases}：没有这个案例文件夹", f"{cases}: no such cases folder"))
    results = run_cases(bundle, cases)
    failed = 0
    for path, _, diffs in results:
        shown = display_path(path)
        if diffs:
            failed += 1
            print(f"FAIL {shown}")
            for difference in diffs:
                print(f"  {difference[lang]}")
        else:
            print(f"PASS {shown}")
    scenarios = len(bundle.get("scenarios") or [])
    summary = say(
        f"{len(results) - failed} 个通过，{failed} 个不通过（另有 {scenarios} 个培训练习已按流程核对）",
        f"{len(results) - failed} passed, {failed} failed ({scenarios} training scenarios checked against their flows)",
    )
    print(summary[lang])
    return 1 if failed or not results else 0
