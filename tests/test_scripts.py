"""The scripts read to customers, staff's and the customers' own: a refusal says why, from the
answer given, and what the customer can do next; a promise of money back carries its cap."""

import re

import pytest
from conftest import rules_bundle, shops
from readers import checker_walk

from checker.site.checker_page import checker_data

# A refusal, then what follows it: a suggestion, a condition or a way to reach the shop.
REFUSAL = {"zh": re.compile("无法|不能|不予"), "en": re.compile(r"cannot|can't|not eligible|no longer")}
NEXT_STEP = {"zh": re.compile("如果|如需|如能|建议|欢迎|可以|联系"), "en": re.compile(r"\b(?:if|please|contact|send)\b", re.I)}


def decisions(rules):
    """(audience, decision) of every verdict the staff and the customers' checker reach."""
    bundle = rules_bundle(rules)
    for audience in ("staff", "public"):
        data = checker_data(bundle, audience)
        for _flow_id, _answers, result in checker_walk(data):
            if result["type"] == "decision":
                yield audience, data, result["decision"]


@pytest.mark.parametrize("rules,cases", shops())
def test_an_outcome_several_answers_lead_to_says_which_answer_was_given(rules, cases):
    """Washed, worn or tags cut all end in one refusal: the script names the one the customer gave."""
    checked = 0
    for audience, data, decision in decisions(rules):
        flow = data["flows"][decision["flow"]]
        for question in flow["questions"]:
            leading = [answer for answer in question.get("answers", []) if answer.get("next") == decision["outcome"]]
            given = next((a for a in leading if a["value"] == decision["answers"].get(question["id"])), None)
            if len(leading) > 1 and given:
                for lang in ("zh", "en"):
                    assert given["said"][lang] in decision["say"][lang], (audience, decision["outcome"], given["value"])
                checked += 1
    assert checked


@pytest.mark.parametrize("rules,cases", shops())
def test_a_promise_of_postage_back_carries_its_cap(rules, cases):
    bundle = rules_bundle(rules)
    checked = 0
    for audience, _data, decision in decisions(rules):
        postage = decision["postage"]
        if postage and any(leg and leg.get("cap") for leg in (postage["return_leg"], postage["resend_leg"])):
            cap = bundle["rules"][postage["rule"]]["params"]["cap_words"]
            for lang in ("zh", "en"):
                assert cap[lang] in decision["say"][lang], (audience, decision["outcome"], lang)
            checked += 1
    assert checked or not any("cap_words" in rule.get("params", {}) for rule in bundle["rules"].values())


@pytest.mark.parametrize("rules,cases", shops())
def test_a_refusal_says_what_the_customer_can_do_next(rules, cases):
    """After the no (无法/cannot…), the script goes on: if…, please…, contact…; customers also
    get steps (the validator requires them on every refusal they can reach)."""
    checked = set()
    for audience, _data, decision in decisions(rules):
        if decision["status"] != "not_eligible":
            continue
        for lang in ("zh", "en"):  # a customer reads the steps under the answer too
            said = " ".join([decision["say"][lang]] + [step[lang] for step in decision["steps"]])
            refusals = list(REFUSAL[lang].finditer(said))
            after = said[refusals[-1].end() :] if refusals else said
            assert NEXT_STEP[lang].search(after), (audience, decision["outcome"], said)
        if audience == "public":
            assert decision["steps"], decision["outcome"]
        checked.add((audience, decision["outcome"]))
    assert len(checked) > 3
