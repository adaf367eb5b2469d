"""Each shop's golden cases together exercise every decision rule and reach every outcome."""

import pytest
from conftest import all_cases, rules_bundle, run_case, shops

from checker.engine.graph import rules_used


def test_there_are_at_least_60_golden_cases():
    assert len(all_cases()) >= 60


@pytest.mark.parametrize("rules, cases", shops())
def test_cases_name_real_rules(rules, cases):
    bundle = rules_bundle(rules)
    unknown = [
        (path.name, rule) for _, path, case in all_cases(cases) for rule in case.get("rules", []) if rule not in bundle["rules"]
    ]
    assert unknown == []


@pytest.mark.parametrize("rules, cases", shops())
def test_every_decision_rule_is_exercised_by_a_case(rules, cases):
    bundle = rules_bundle(rules)
    named = {rule for _, _, case in all_cases(cases) for rule in case.get("rules", [])}
    for flow_id, flow in bundle["flows"].items():
        missing = sorted(rules_used(flow) - named)
        assert missing == [], f"flow {flow_id}: decision rules no golden case names: {missing}"


@pytest.mark.parametrize("rules, cases", shops())
def test_every_outcome_is_reached_by_a_case(rules, cases):
    bundle = rules_bundle(rules)
    reached = set()
    for flow_id, _, case in all_cases(cases):
        kind, value = run_case(bundle, flow_id, dict(case["answers"]))
        if kind == "decision":
            reached.add((flow_id, value["outcome"]))
    for flow_id, flow in bundle["flows"].items():
        missing = sorted(o["id"] for o in flow["outcomes"] if (flow_id, o["id"]) not in reached)
        assert missing == [], f"flow {flow_id}: outcomes no golden case reaches: {missing}"
