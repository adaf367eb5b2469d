"""Training scenarios follow the rules: answers relative to params, text filled, clear blame."""

import datetime
import re
import shutil

import pytest
from conftest import ROOT

from checker.errors import RulesError
from checker.loader import load_rules


def rules_copy(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


def set_param(rules, file_name, rule_id, key, value):
    """Change one param of one rule in place; return the 1-based line changed."""
    path = rules / file_name
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {rule_id}")
    index = next(i for i in range(start, len(lines)) if re.match(rf"\s+{key}: ", lines[i]))
    lines[index] = re.sub(rf"({key}: ).*", rf"\g<1>{value}", lines[index])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def scenario(bundle, scenario_id):
    return next(item for item in bundle["scenarios"] if item["id"] == scenario_id)


@pytest.mark.parametrize("days", [3, 10, 30])
def test_changing_the_window_keeps_every_scenario_teaching_the_same(tmp_path, days):
    rules = rules_copy(tmp_path)
    set_param(rules, "returns.yaml", "RET-WINDOW", "days", days)
    bundle = load_rules(rules)
    late = scenario(bundle, "day-eight-changed-mind")
    assert late["answers"]["requested_on"] == (datetime.date(2026, 3, 1) + datetime.timedelta(days=days + 1)).isoformat()
    assert late["title"] == {"zh": f"第 {days + 1} 天不想要了", "en": f"Changed mind on day {days + 1}"}
    washed = scenario(bundle, "washed-sweater")
    assert f"（签收后第 {days - 2} 天）" in washed["story"]["zh"]


def test_scenario_text_reads_dates_as_people_write_them_with_the_year():
    bundle = load_rules(ROOT / "rules")
    late = scenario(bundle, "day-eight-changed-mind")
    assert late["story"]["zh"].startswith("2026 年 3 月 1 日签收的台灯，买家在 2026 年 3 月 9 日说")
    assert "on 1 March 2026; on 9 March 2026" in late["story"]["en"]
    assert late["clues"]["requested_on"] == {"zh": "买家在 2026 年 3 月 9 日说", "en": "on 9 March 2026 the buyer says"}
    assert scenario(bundle, "missing-item-two-days")["title"]["en"] == "A missing item reported 48 hours after signing"


def test_a_param_change_that_flips_a_scenario_is_reported_at_the_param(tmp_path):
    """The supervisor changed RET-MISSING.hours: the message is at that line, in both languages."""
    rules = rules_copy(tmp_path)
    line = set_param(rules, "returns.yaml", "RET-MISSING", "hours", 6)
    with pytest.raises(RulesError) as caught:
        load_rules(rules, base=tmp_path)
    [problem] = caught.value.problems
    assert (problem.path, problem.line) == ("rules/returns.yaml", line)
    assert "训练场景「当晚发现少件」（rules/training.yaml:" in problem.text("zh")
    assert "RET-MISSING.hours = 6 时会问到它没有回答的 'refuses_all'" in problem.text("zh")
    assert "training scenario 'missing-item-same-evening'" in problem.text("en")
    assert "write its answers relative to this param" in problem.text("en")


@pytest.mark.parametrize(
    "old,new,message",
    [
        (
            "requested_on: {date: signed_on, plus_days: {param: RET-WINDOW.days, plus: 1}}",
            "requested_on: {date: signed_on, plus_days: {param: RET-WINDOW.dayz, plus: 1}}",
            "'RET-WINDOW.dayz' is not a number param of RET-WINDOW; did you mean 'days'?",
        ),
        (
            "requested_on: {date: signed_on, plus_days: {param: RET-WINDOW.days, plus: 1}}",
            "requested_on: {date: signed_onn, plus_days: 3}",
            "'signed_onn' is not one of this scenario's answers; did you mean 'signed_on'?",
        ),
        (
            "requested_on: {date: signed_on, plus_days: {param: RET-WINDOW.days, plus: 1}}",
            "requested_on: {date: signed_on}",
            "a date worked out from another answer needs plus_days: N",
        ),
        (
            "requested_on: {date: signed_on, plus_days: {param: RET-WINDOW.days, plus: 1}}",
            "requested_on: {date: requested_on, plus_days: 1}",
            "'requested_on' is worked out from itself",
        ),
        ('en: "Changed mind on day {window_day}"', 'en: "Changed mind on day {window_days}"', "did you mean 'window_day'?"),
    ],
)
def test_a_bad_relative_answer_is_reported_where_it_is_written(tmp_path, old, new, message):
    rules = rules_copy(tmp_path)
    path = rules / "training.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(RulesError) as caught:
        load_rules(rules, base=tmp_path)
    [problem] = caught.value.problems
    assert (problem.path, problem.line) == ("rules/training.yaml", line)
    assert message in problem.text("en")
    assert "场景" in problem.text("zh")  # the Chinese names the scenario too


@pytest.mark.parametrize(
    "old,new,line_of,messages",
    [
        (  # a graded question without a clue
            "      condition: {zh: 已经洗过一次, en: she has washed it once}\n",
            "",
            "    answers: {dispute",
            (
                "训练场景「洗过的毛衣」要评分 'condition'，但没有线索；请在 clues 下引用故事里说明它的原话",
                "scenario 'washed-sweater' grades 'condition' without a clue; under clues, quote the words of the story",
            ),
        ),
        (  # a clue the story does not say
            "condition: {zh: 已经洗过一次, en: she has washed it once}",
            "condition: {zh: 已经洗过两次, en: she has washed it once}",
            "condition: {zh: 已经洗过两次",
            (
                "'condition' 的线索「已经洗过两次」不在故事的中文原文里；线索要逐字引用故事（占位符填入之后）",
                "the clue for 'condition' \"已经洗过两次\" is not in the story's Chinese text; a clue quotes the story word for word",
            ),
        ),
        (  # a clue that reads the story after its placeholders are filled, but not quite
            'signed_on: {zh: "{signed_on}签收", en: "signed for it on {signed_on}"}',
            'signed_on: {zh: "{signed_on}签收", en: "signed it on {signed_on}"}',
            'signed_on: {zh: "{signed_on}签收", en: "signed it',
            (
                "'signed_on' 的线索「signed it on 12 October 2026」不在故事的英文原文里",
                '"signed it on 12 October 2026" is not in the story\'s English text',
            ),
        ),
        (  # a given fact that is graded too
            "    given: [refuses_all]\n    outcome: out_condition",
            "    given: [refuses_all, condition]\n    outcome: out_condition",
            "    given: [refuses_all, condition]",
            ("'condition' 既有线索又列在 given 里", "'condition' has a clue and is under given too"),
        ),
        (  # a clue for a question the path never asks
            "      condition: {zh: 已经洗过一次, en: she has washed it once}\n",
            "      condition: {zh: 已经洗过一次, en: she has washed it once}\n      warranty: {zh: 没有发起维权, en: No dispute}\n",
            "      warranty: {zh:",
            (
                "'warranty' 列在 clues 里，但这个场景的路径不会问到它",
                "'warranty' is under clues, but this scenario's path never asks it",
            ),
        ),
    ],
)
def test_a_scenario_grades_only_what_its_story_states(tmp_path, old, new, line_of, messages):
    """The validator refuses a graded question without a clue and a clue not in the story (once
    placeholders are filled), at the line to fix, Chinese first and English with --lang en."""
    rules = rules_copy(tmp_path)
    path = rules / "training.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    edited = text.replace(old, new)
    path.write_text(edited, encoding="utf-8")
    line = edited[: edited.index(line_of)].count("\n") + 1
    with pytest.raises(RulesError) as caught:
        load_rules(rules, base=tmp_path)
    [problem] = caught.value.problems
    assert (problem.path, problem.line) == ("rules/training.yaml", line)
    assert messages[0] in problem.text("zh") and messages[1] in problem.text("en")
