"""Seeded random walks through every flow: no crash, every decision complete and consistent,
and a sample decided the same on MicroPython (the browser's runtime) as on CPython."""

import json
import random

import pytest
from conftest import rules_bundle
from on_micropython import MICROPYTHON, run_on_micropython

from checker.engine import AnswerError, step
from checker.engine.dates import format_date, format_datetime, parse_date, parse_datetime

WALKS = 2000
ON_MICROPYTHON = 200
DECISION_KEYS = {"flow", "outcome", "status", "title", "say", "resolution", "postage", "price_difference", "flag"}
DECISION_KEYS |= {"category", "department", "deadlines", "follow_up", "escalation", "answers", "facts", "trace"}
DIGITS = {"ascii": "0123456789", "full-width": "０１２３４５６７８９", "arabic-indic": "٠١٢٣٤٥٦٧٨٩"}


def random_answer(rng, question, days, answers):
    """An answer of the question's kind; numbers sometimes in other scripts' digits; a date
    that must not come first is mostly within a month after the one it follows."""
    kind = question["kind"]
    if kind == "choice":
        return rng.choice(question["answers"])["value"]
    day = rng.randrange(days[0], days[1])
    earlier = answers.get(question.get("not_before"))
    if kind == "date" and earlier is not None and rng.random() < 0.9:
        day = parse_date(earlier) + rng.randrange(0, 30)
    if kind == "date":
        return format_date(day)
    if kind == "datetime":
        return format_datetime(day * 1440 + rng.randrange(0, 1440))
    low = question.get("min", 0)
    number = rng.randrange(low, question.get("max", low + 200) + 1)
    script = DIGITS[rng.choice(sorted(DIGITS))]
    return "".join(script[int(ch)] for ch in str(number)) if number >= 0 else number


def walk(bundle, flow_id, rng, days):
    """Answer until a decision; an answer the flow refuses is replaced by another."""
    answers = {}
    for _ in range(200):
        try:
            result = step(bundle, flow_id, answers)
        except AnswerError as error:
            del answers[error.question_id]
            continue
        if result["type"] == "decision":
            return answers, result["decision"]
        answers[result["question"]["id"]] = random_answer(rng, result["question"], days, answers)
    raise AssertionError(f"no decision after 200 answers: {answers}")


def check(bundle, flow, decision):
    """Every key present, a known outcome, cited rules that exist, deadlines after receipt."""
    assert set(decision) >= DECISION_KEYS
    assert decision["outcome"] in {outcome["id"] for outcome in flow["outcomes"]}
    rules = bundle["rules"]
    cited = list(decision["rules"]) + [step["rule"] for step in decision["trace"] if "rule" in step]
    cited += [deadline["rule"] for deadline in decision["deadlines"]] + [r["rule"] for r in decision["escalation"]["reasons"]]
    cited += [decision[key] for key in ("follow_up", "price_difference") if decision[key]]
    cited += [decision["flag"]["rule"]] if decision["flag"] else []
    assert not [rule for rule in cited if rule not in rules]
    received = [parse_datetime(value) for value in decision["answers"].values() if parse_datetime(str(value)) is not None]
    for deadline in decision["deadlines"]:
        assert received and parse_datetime(deadline["due"]) > max(received), deadline
    if decision["department"]:
        assert decision["department"] in bundle["roles"]


def calendar_days(bundle):
    years = sorted(item["year"] for item in bundle["calendar"]["years"])
    return parse_date(f"{years[0]:04d}-01-01"), parse_date(f"{years[-1]:04d}-11-01")


@pytest.fixture(scope="module")
def walks():
    bundle = rules_bundle()
    found = {}
    for flow_id in sorted(bundle["flows"]):
        rng = random.Random(f"fuzz-{flow_id}")
        found[flow_id] = [walk(bundle, flow_id, rng, calendar_days(bundle)) for _ in range(WALKS)]
    return found


@pytest.mark.parametrize("flow_id", sorted(rules_bundle()["flows"]))
def test_random_walks_end_in_complete_consistent_decisions(walks, flow_id):
    bundle = rules_bundle()
    for _, decision in walks[flow_id]:
        check(bundle, bundle["flows"][flow_id], decision)
    outcomes = {decision["outcome"] for _, decision in walks[flow_id]}
    assert len(outcomes) > 1


def test_a_sample_of_walks_decides_the_same_on_micropython(walks, tmp_path):
    bundle = rules_bundle()
    cases, expected = [], {}
    for flow_id, found in sorted(walks.items()):
        for number, (answers, _) in enumerate(found[:ON_MICROPYTHON]):
            case_id = f"{flow_id}-{number}"
            cases.append({"id": case_id, "flow": flow_id, "answers": answers})
            expected[case_id] = json.loads(json.dumps({"id": case_id, "result": step(bundle, flow_id, answers)}))
    assert MICROPYTHON.exists(), "run npm ci (make test does)"
    report = run_on_micropython("engine_cases", {"bundle": json.loads(json.dumps(bundle)), "cases": cases}, tmp_path)
    results = {item["id"]: item for item in report}
    assert [case_id for case_id in expected if results.get(case_id) != expected[case_id]] == []
