"""Dated rules: a case is decided by the version in force on its date (the flow's `dated_by`
answer), the verdict names that version, and the validator checks every version."""

import json
import re

import pytest
from dated_rules import CHANGE_DAY, DATED_CASES, dated_rules
from test_cli import run

from checker.engine import step
from checker.engine.versions import in_force
from checker.loader import load_rules

BEFORE = DATED_CASES / "returns" / "01-size-day-8-before-the-change.yaml"
AFTER = DATED_CASES / "returns" / "02-size-day-8-after-the-change.yaml"


def test_the_golden_cases_are_decided_by_the_version_in_force_on_the_request_date(tmp_path):
    rules = dated_rules(tmp_path)
    result = run("--rules", str(rules), "test", "--cases", str(DATED_CASES), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed, 0 failed" in result.stdout
    # Without the dated change, the case after it is out of the window: the version decided it.
    undated = run("test", "--cases", str(DATED_CASES), "--lang", "en")
    assert undated.returncode == 1
    assert "FAIL tests/dated/cases/returns/02-size-day-8-after-the-change.yaml" in undated.stdout


def test_the_verdict_names_the_version_in_the_terminal_and_in_json(tmp_path):
    rules = dated_rules(tmp_path)
    before = json.loads(run("--rules", str(rules), "decide", "returns", str(BEFORE), "--json").stdout)["decision"]
    after = json.loads(run("--rules", str(rules), "decide", "returns", str(AFTER), "--json").stdout)["decision"]
    assert before["status"] == "not_eligible" and after["status"] == "eligible"
    assert before["versions"] == [{"rule": "RET-WINDOW", "from": "2026-01-01"}]
    assert after["versions"] == [{"rule": "RET-WINDOW", "from": CHANGE_DAY}]
    assert "7 天" in before["say"]["zh"]
    zh = run("--rules", str(rules), "decide", "returns", str(AFTER)).stdout
    assert f"适用版本: 退换货期限：{CHANGE_DAY} 起的版本 (RET-WINDOW)" in zh
    en = run("--rules", str(rules), "decide", "returns", str(AFTER), "--lang", "en").stdout
    assert f"Version applied: Return window: the version from {CHANGE_DAY} (RET-WINDOW)" in en
    # The example shop has no dated rule: its verdicts name no version, and keep their shape.
    plain = json.loads(run("decide", "returns", str(AFTER), "--json").stdout)["decision"]
    assert plain["versions"] == []


def test_the_rule_in_force_is_merged_from_its_versions_in_date_order(tmp_path):
    bundle = load_rules(dated_rules(tmp_path))
    rule = bundle["rules"]["RET-WINDOW"]
    assert in_force(rule, "2026-10-31")["params"]["days"] == 7
    assert in_force(rule, CHANGE_DAY)["params"]["days"] == 10
    assert in_force(rule, CHANGE_DAY)["params"]["count_from"] == "next_day"
    assert rule["params"]["days"] == 7  # the bundle itself is not changed
    answers = {"dispute": "no", "sold_by_us": "yes", "reason": "size", "signed_on": "2026-10-20", "requested_on": "2026-10-30"}
    answers["refuses_all"] = "no"
    # Day 10 of the window: out under the old version, in under the new one (asks on).
    assert step(bundle, "returns", answers)["decision"]["outcome"] == "out_too_late"
    answers.update(signed_on="2026-11-02", requested_on="2026-11-12")
    assert step(bundle, "returns", answers)["question"]["id"] == "exchanged_before"


BAD = [
    (
        '          - from: "2025-12-01"\n            reason: {zh: 改, en: Changed}\n            params: {days: 10}\n',
        "不晚于 2026-01-01",
        "is not after 2026-01-01",
    ),
    ('          - from: "2026-02-30"\n            reason: {zh: 改, en: Changed}\n', "不是真实存在的日期", "is not a real date"),
    (
        '          - from: "2026-11-01"\n            reason: {zh: 改, en: Changed}\n            params: {dayz: 10}\n',
        "params 里没有的 `dayz`",
        "changes `dayz`, which is not in the rule's params",
    ),
    (
        '          - from: "2026-11-01"\n            reason: {zh: 改, en: Changed}\n'
        '            text: {zh: "须在 {weeks} 周内申请。", en: "Within {weeks} weeks."}\n',
        "`{weeks}` 不在它的 params 里",
        "{weeks} in RET-WINDOW text.zh from 2026-11-01 is not in its params",
    ),
]


@pytest.mark.parametrize("version, zh, en", BAD)
def test_a_bad_version_is_reported_at_its_line_in_the_readers_language(tmp_path, version, zh, en):
    rules = dated_rules(tmp_path, "        versions:\n" + version)
    found = {}
    for lang, wanted in (("zh", zh), ("en", en)):
        result = run("--rules", str(rules), "validate", "--lang", lang)
        assert result.returncode != 0
        lines = [line for line in (result.stdout + result.stderr).splitlines() if wanted in line]
        assert lines, result.stdout + result.stderr
        found[lang] = re.search(r"returns\.yaml:\d+:\d+: ", lines[0]).group(0)
    assert found["zh"] == found["en"]


def test_dated_by_must_name_a_date_question(tmp_path):
    rules = dated_rules(tmp_path)
    path = rules / "returns.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("dated_by: requested_on", "dated_by: reason"), encoding="utf-8")
    result = run("--rules", str(rules), "validate", "--lang", "en")
    assert "dated_by 'reason' of flow returns is not one of its date questions" in result.stdout + result.stderr


def test_micropython_decides_dated_cases_like_cpython_and_the_checker_names_the_version(tmp_path):
    """The browser's runtime picks the same version; the staff checker's verdict card names it."""
    import yaml
    from on_micropython import run_on_cpython, run_on_micropython

    from checker.site.checker_page import checker_data

    bundle = json.loads(json.dumps(load_rules(dated_rules(tmp_path)), ensure_ascii=False))
    cases = [
        {"id": path.name, "flow": "returns", "answers": yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]}
        for path in (BEFORE, AFTER)
    ]
    inputs = {"bundle": bundle, "cases": cases}
    theirs = run_on_micropython("engine_cases", inputs, tmp_path)
    assert theirs == run_on_cpython("engine_cases", inputs)
    staff = dict(checker_data(bundle, "staff"), scenarios=[])
    walk = {"data": {"staff": staff, "public": checker_data(bundle, "public")}, "cases": cases, "scenario_step": 1}
    walk["clock"] = {"today": "2026-12-31", "now": "2026-12-31T09:30"}
    walk = json.loads(json.dumps(walk))
    assert run_on_micropython("browser_walk", walk, tmp_path) == run_on_cpython("browser_walk", walk)
    # The staff checker's verdict card (the same view code on both runtimes) names each version.
    from checker.browser.view import VERDICT_ROWS, row
    from checker.engine import verdict

    for case, day in zip(cases, ("2026-01-01", CHANGE_DAY), strict=True):
        decision = step(staff, "returns", case["answers"])["decision"]  # the checker's own data
        shown = [
            str(row(staff, item["key"], VERDICT_ROWS[item["key"]](staff, item["value"])))
            for item in verdict.rows(decision, "staff")
        ]
        versions = [html for html in shown if 'data-row="versions"' in html]
        assert len(versions) == 1 and f"{day} 起的版本" in versions[0] and f"the version from {day}" in versions[0]
        assert "#RET-WINDOW" in versions[0]
    public = checker_data(bundle, "public")
    assert not [item for item in verdict.rows(decision, "public") if item["key"] == "versions"]
    assert "in_force_from" not in public["terms"]


ANNOUNCED = """        versions:
          - from: "2026-11-01"
            reason: {zh: 延长退换货期限，方便买家试穿。, en: A longer window gives buyers time to try things on.}
            params: {days: 10}
          - from: "2027-03-01"
            reason: {zh: 再延长到十四天。, en: "Longer again: fourteen days."}
            params: {days: 14}
            announce: true
"""


def test_the_handbook_shows_the_version_in_force_with_its_history_folded_and_the_public_site_only_today(tmp_path):
    from checker.site.history import as_of
    from checker.site.markup import speaking
    from checker.site.pages import generate_pages

    bundle = load_rules(dated_rules(tmp_path, ANNOUNCED))
    with speaking("zh"):
        staff = generate_pages(as_of(bundle, "2026-12-04"), "staff")["policies/returns.md"]
        public_page = generate_pages(as_of(bundle, "2026-12-04"), "public")
        before = generate_pages(as_of(bundle, "2026-10-01"), "staff")["policies/returns.md"]
    window = staff[staff.index("{#RET-WINDOW}") : staff.index("{#RET-DEFECT-LATE}")]
    assert "签后 10 个自然日内" in window.replace("签收后", "签后")
    history = window[window.index('<details class="rule-history">') :]
    assert "现行版本 2026-11-01 起" in history and "2026-01-01 起：" in history and "7 个自然日" in history
    assert "延长退换货期限" in history and "14" not in history  # the future version is not history
    assert "rule-history" not in before[before.index("{#RET-WINDOW}") : before.index("{#RET-DEFECT-LATE}")]
    public = "\n".join(page for page in public_page.values() if "{#RET-WINDOW}" in page)
    assert "10 天内" in public and "7 天内" not in public
    assert "2027-03-01 起将改为：" in public and "14 天内" in public
    assert "延长退换货期限" not in "\n".join(public_page.values())  # the reason is for staff


def test_the_staff_checker_reviews_an_old_case_as_of_a_date_kept_in_its_link(tmp_path):
    from checker.browser import case
    from checker.browser.view import case_screen
    from checker.site.checker_page import checker_data

    bundle = json.loads(json.dumps(load_rules(dated_rules(tmp_path))))
    staff, public = checker_data(bundle, "staff"), checker_data(bundle, "public")
    clock = {"today": "2026-12-04", "now": "2026-12-04T09:30"}
    link = "#flow=returns&dispute=no&sold_by_us=yes&reason=size&signed_on=2026-10-26&asof=2026-10-30"
    opened = case.open_link(staff, {}, link, clock)
    assert opened["state"]["as_of"] == "2026-10-30"
    assert opened["state"]["defaults"] == {"requested_on": "2026-10-30"}  # "today" is the as-of day
    assert "asof" not in opened["state"]["answers"]
    later = case.answer(staff, opened["state"], "requested_on", "2026-11-03", clock)
    assert later["screen"]["kind"] == case.QUESTION and later["screen"]["result"]["question"]["id"] == "requested_on"
    assert later["state"]["error"]  # a date after the as-of day is refused, as a date after today is
    shown = str(case_screen(staff, opened["state"], opened["screen"]))
    assert "正在按 2026-10-30 审核" in shown and 'value="2026-10-30"' in shown
    moved = case.as_of(staff, opened["state"], "2026-11-05", clock)
    assert moved["link"].endswith("&asof=2026-11-05") and moved["state"]["defaults"] == {"requested_on": "2026-11-05"}
    cleared = case.as_of(staff, moved["state"], "", clock)
    assert "asof" not in cleared["link"] and cleared["state"]["defaults"] == {"requested_on": "2026-12-04"}
    # Customers have no "as of": the key is not read from their link, and no box is shown.
    theirs = case.open_link(public, {}, "#flow=returns&sold_by_us=yes&asof=2026-10-30", clock)
    assert not theirs["state"].get("as_of")
    assert "pc-as-of" not in str(case_screen(public, theirs["state"], theirs["screen"]))


def test_the_why_box_quotes_the_rule_as_in_force_on_the_case_day(tmp_path):
    from checker.browser import case
    from checker.browser.view import case_screen
    from checker.site.checker_page import checker_data

    staff = checker_data(json.loads(json.dumps(load_rules(dated_rules(tmp_path)))), "staff")
    clock = {"today": "2026-12-04", "now": "2026-12-04T09:30"}
    base = "#flow=returns&dispute=no&sold_by_us=yes&reason=size&signed_on=2026-10-20"
    for asof, days in (("2026-10-30", 7), ("2026-11-02", 10)):
        opened = case.open_link(staff, {}, base + "&asof=" + asof, clock)
        assert opened["screen"]["result"]["question"]["id"] == "requested_on"
        assert f"签收后 {days} 个自然日内申请" in str(case_screen(staff, opened["state"], opened["screen"]))


def test_training_decides_a_scenario_by_the_version_in_force_on_its_date_and_names_it(tmp_path):
    from dated_rules import with_scenarios

    from checker.browser import training
    from checker.browser.training_view import training_screen
    from checker.site.checker_page import checker_data

    bundle = json.loads(json.dumps(load_rules(with_scenarios(dated_rules(tmp_path)))))
    staff = dict(checker_data(bundle, "staff"), scenarios=bundle["scenarios"])
    for scenario_id, day, outcome in (("dated-before", "2026-01-01", "out_too_late"), ("dated-after", CHANGE_DAY, None)):
        scenario = training.find(staff, scenario_id)
        session = training.act(staff, None, {}, "scenario", scenario_id)["session"]
        assert session["phase"] == "verdict"  # every fact is given: the learner picks the verdict
        moved = training.act(staff, session, {}, "verdict", scenario["outcome"])
        assert moved["session"]["verdict"] is True
        shown = str(training_screen(staff, moved["session"], moved["progress"]))
        assert f"{day} 起的版本" in shown, scenario_id
        assert outcome is None or scenario["outcome"] == outcome


def test_diff_lists_a_dated_version_and_the_cases_it_moves(tmp_path):
    rules = dated_rules(tmp_path)
    result = run("diff", "rules", str(rules), "--cases", str(DATED_CASES), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "changed RET-WINDOW Return window" in result.stdout
    assert f"version {CHANGE_DAY}: — → days=10 (A longer window gives buyers time to try things on.)" in result.stdout
    assert "02-size-day-8-after-the-change.yaml: out_too_late → out_buyer_refund_marketplace" in result.stdout
    report = json.loads(run("diff", "rules", str(rules), "--cases", str(DATED_CASES), "--json").stdout)
    assert [change["rule"] for change in report["rules"]] == ["RET-WINDOW"]
    assert [case["case"].rsplit("/", 1)[-1] for case in report["cases"]] == ["02-size-day-8-after-the-change.yaml"]


def test_a_scenario_reads_a_param_as_in_force_on_the_day_it_works_out(tmp_path):
    """'The first day after the window', signed for before the change and asked after it: the
    10-day window in force on the request day, not the 7 days of the sign-off day."""
    rules = dated_rules(tmp_path)
    path = rules / "training.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'reason: changed_mind, signed_on: "2026-03-01", requested_on: {date: signed_on, plus_days: {param: RET-WINDOW.days'
    assert text.count(old) == 1
    path.write_text(text.replace(old, old.replace("2026-03-01", "2026-10-25")), encoding="utf-8")
    bundle = load_rules(rules)  # the scenario still reaches out_too_late, so it loads
    scenario = next(s for s in bundle["scenarios"] if s["id"] == "day-eight-changed-mind")
    assert scenario["answers"]["requested_on"] == "2026-11-05"


def test_a_complaint_is_dated_by_the_day_it_was_received():
    from checker.engine.versions import case_day

    flow = load_rules()["flows"]["complaints"]
    assert flow["dated_by"] == "received_at"
    assert case_day(flow, {"received_at": "2026-11-02T21:00"}) == "2026-11-02"
    assert case_day(flow, {}) is None
