"""The customers' checker ("Can I return this?"): every outcome a customer can reach speaks to
them in their words, with what happens next, and shows nothing meant for staff."""

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, rules_bundle, shops
from readers import checker_walk

from checker.browser import view
from checker.browser.html import escape
from checker.engine import graph
from checker.loader import RulesError, load_rules
from checker.site.checker_page import checker_data
from checker.wording import word

STAFF_LABELS = [word("term." + key)[lang] for key in ("say", "flag", "escalation", "department", "note") for lang in ("zh", "en")]


def public_outcomes(data):
    """{flow id: {outcome id: (decision, card)}} for every answer path of the public checker."""
    found = {flow_id: {} for flow_id in data["flows"]}
    for flow_id, answers, result in checker_walk(data):
        if result["type"] == "decision":
            decision = result["decision"]
            state = {"mode": "check", "flow": flow_id, "answers": answers, "order": list(answers)}
            found[flow_id][decision["outcome"]] = (
                decision,
                str(view.decision_card(data, state, decision, "https://example.test/")),
            )
    return found


@pytest.mark.parametrize("rules,cases", shops())
def test_every_public_outcome_speaks_to_the_customer(rules, cases):
    bundle = rules_bundle(rules)
    data = checker_data(bundle, "public")
    found = public_outcomes(data)
    staff_rules = [rule for rule in bundle["rules"].values() if rule["audience"] != "public"]
    staff_words = STAFF_LABELS + [bundle["roles"][role][lang] for role in bundle["escalation"] for lang in ("zh", "en")]
    for rule in staff_rules:
        staff_words += [rule["title"]["zh"], rule["title"]["en"], rule["text"]["zh"], rule["text"]["en"]]
    for flow_id, reached in found.items():
        outcomes = graph.by_id(bundle["flows"][flow_id], "outcomes")
        assert set(reached) == {o["id"] for o in data["flows"][flow_id]["outcomes"]}, flow_id
        for outcome_id, (_decision, card) in reached.items():
            staff = outcomes[outcome_id]
            customer = staff["customer"]
            assert customer["title"]["zh"] in card and customer["title"]["en"] in card, outcome_id
            ours = [customer[key][lang] for key in ("title", "say") for lang in ("zh", "en")]
            for text in (staff["title"]["zh"], staff["title"]["en"], staff["say"]["zh"]):
                assert text in ours or escape(text) not in card, (outcome_id, text)
            for label in staff_words:
                assert escape(label) not in card, (outcome_id, label)
            for rule_id in bundle["rules"]:
                assert not re.search(r"(?<![\w#-])" + re.escape(rule_id) + r"(?![\w-])", card), (outcome_id, rule_id)
            assert 'data-action="copy"' not in card and "亲，" not in card, outcome_id
            if customer.get("steps"):
                assert card.count("<li>", card.index('class="pc-steps"')) >= len(customer["steps"]), outcome_id


@pytest.mark.parametrize("rules,cases", shops())
def test_a_customers_verdict_gives_the_policy_and_the_reasons_in_their_words(rules, cases):
    """The policy a verdict cites goes by its customer heading (customer_title); the card shows
    the customer's answers but no engine step (a check, a derived day count), and no
    resolution row when nothing is done ("处理方式：无" reads coldly)."""
    bundle = rules_bundle(rules)
    data = checker_data(bundle, "public")
    engine_words = [word("ui.check")[lang] for lang in ("zh", "en")]
    for flow in bundle["flows"].values():
        engine_words += [derived["title"][lang] for derived in flow.get("derived", []) for lang in ("zh", "en")]
    retitled, nothing_done = 0, 0
    for reached in public_outcomes(data).values():
        for outcome_id, (decision, card) in reached.items():
            for rule_id in decision["rules"]:
                rule = bundle["rules"][rule_id]
                for lang in ("zh", "en") if "customer_title" in rule else ():
                    assert f">{escape(rule['customer_title'][lang])}<" in card, (outcome_id, rule_id)
                    if rule["title"][lang] != rule["customer_title"][lang]:
                        assert f">{escape(rule['title'][lang])}<" not in card, (outcome_id, rule_id)
                    retitled += 1
            for text in engine_words:
                assert f">{escape(text)}<" not in card, (outcome_id, text)
            for answer in (entry for entry in decision["trace"] if entry["type"] == "question"):
                assert f">{escape(answer['label']['zh'] if answer.get('label') else str(answer['answer']))}<" in card
            if decision["resolution"] == "none":
                assert 'data-row="resolution"' not in card, outcome_id
                nothing_done += 1
    assert nothing_done
    assert retitled or not any("customer_title" in rule for rule in bundle["rules"].values())


def test_a_customer_told_to_send_photos_is_told_to_wait_and_not_to_send_yet(bundle):
    data = checker_data(bundle, "public")
    found = public_outcomes(data)["returns"]
    pending = [card for decision, card in found.values() if decision["status"] == "pending"]
    assert pending
    eligible_after_photos = [
        card
        for decision, card in found.values()
        if decision["answers"].get("photos") == "yes" and decision["status"] == "eligible"
    ]
    assert eligible_after_photos
    for card in eligible_after_photos:  # the shop checks the photos and gives the address first
        assert "Wait until our service team has checked your photos" in card


def test_the_validator_requires_customer_wording_on_every_public_outcome(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "returns.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    - id: out_condition\n")
    block = text.index("      customer:\n", start)
    end = text.index("      rules:", block)
    path.write_text(text[:block] + text[end:], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules(Path("rules"))
    line = text[:start].count("\n") + 1
    assert caught.value.lines("en") == [
        f"rules/returns.yaml:{line}:11: outcome 'out_condition' is reachable in the customer's checker but has no "
        "customer wording; add customer: {title, say, steps} in the second person and plain words"
    ]


def test_the_public_checker_data_carries_only_what_customers_read(bundle):
    data = checker_data(bundle, "public")
    assert data["rules"] and all(rule["audience"] == "public" for rule in data["rules"].values())
    assert all("short" not in rule for rule in data["rules"].values()), "short forms are for staff order notes"
    assert all(rule["text"] == bundle["rules"][rule_id]["customer"] for rule_id, rule in data["rules"].items())
    assert data["roles"] == {} and data["escalation"] == [] and data["flag_colours"] == {}
