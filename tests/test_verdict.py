"""One decision model: the terminal and the HTML verdict card show the same rows in the same order."""

import re

import pytest
from conftest import ROOT, all_cases, read_case

from checker.browser import view
from checker.commands.cli import render_decision
from checker.engine import AnswerError, step, verdict
from checker.site.checker_page import checker_data
from checker.wording import word


def _decisions(bundle):
    for flow, path, case in all_cases():
        try:
            result = step(bundle, flow, dict(case["answers"]))
        except AnswerError:
            continue
        if result["type"] == "decision":
            yield path, result["decision"]


def _text_keys(text, lang="en"):
    """The row keys of the terminal's text, read back from each line's label."""
    labels = {
        word("term." + key)[lang]: key for key in ("say", "resolution", "postage", "price_difference", "flag", "department")
    }
    labels.update(
        {word("term." + key)[lang]: key for key in ("deadlines", "follow_up", "compared", "escalation", "warnings", "rules")}
    )
    keys = []
    for line in text.splitlines()[1:]:
        label = re.split(r"[:·]", line, maxsplit=1)[0].strip()
        if label in labels and (not keys or keys[-1] != labels[label] or labels[label] == "warnings"):
            keys.append(labels[label])
    return keys


def test_terminal_and_card_render_the_same_rows(bundle):
    data = checker_data(bundle, "staff")
    seen = 0
    for path, decision in _decisions(bundle):
        if decision["flow"] not in data["flows"]:
            continue
        model = [item["key"] for item in verdict.rows(decision, "staff")]
        card = str(view.decision_card(data, {"mode": "check", "flow": decision["flow"], "answers": {}, "order": []}, decision))
        assert re.findall(r'<dt data-row="([a-z_]+)"', card) == model, path
        assert _text_keys(render_decision(bundle, decision, "en")) == model, path
        seen += 1
    assert seen > 5


def test_customers_see_no_escalation(bundle):
    path, decision = next(_decisions(bundle))
    assert "escalation" in [item["key"] for item in verdict.rows(decision, "staff")]
    assert "escalation" not in [item["key"] for item in verdict.rows(decision, "public")]


@pytest.mark.parametrize("empty", ["resolution", "flag", "deadlines"])
def test_empty_fields_have_no_row(bundle, empty):
    path, decision = next(_decisions(bundle))
    decision = dict(decision, **{empty: None})
    assert empty not in [item["key"] for item in verdict.rows(decision, "staff")]


def _case(bundle, flow, name, **changes):
    answers = dict(read_case(ROOT / "tests" / "cases" / flow / name)["answers"], **changes)
    return step(bundle, flow, answers)["decision"]


def test_every_escalation_duty_is_listed_with_its_role_and_rule(bundle):
    decision = _case(bundle, "complaints", "04-serious-quality.yaml", calmed="yes")
    duties = {(reason["to"], reason["rule"]) for reason in decision["escalation"]["reasons"]}
    assert len({role for role, rule in duties}) == 2, duties
    card = str(view.decision_card(checker_data(bundle, "staff"), {"flow": "complaints"}, decision))
    text = render_decision(bundle, decision, "en")
    for role, rule in duties:
        assert re.search(re.escape(bundle["roles"][role]["en"]) + r"</span>: <a [^>]*><code>" + re.escape(rule), card)
        assert bundle["roles"][role]["en"] + " " + rule in text


def test_the_compensation_card_shows_the_amount_asked_against_the_cap(bundle):
    decision = _case(bundle, "returns", "11-compensation-above-cap.yaml", compensation="30", outbound_postage="10")
    compared = decision["compared"]
    assert (compared["left"]["value"], compared["right"]["value"]) == (30, 10)
    card = str(view.decision_card(checker_data(bundle, "staff"), {"flow": "returns"}, decision))
    assert "30 yuan &gt; " in card and "10 yuan</p>" in card
    assert "30 yuan > " in render_decision(bundle, decision, "en")
    within = _case(bundle, "returns", "11-compensation-above-cap.yaml", compensation="8", outbound_postage="10")
    assert "8 yuan ≤ " in render_decision(bundle, within, "en")
