"""Audience is proved by the validator: what a customer can reach is public by construction,
and public wording that names or copies a staff rule is refused at its line."""

import json
import shutil
from pathlib import Path

from conftest import ROOT
from test_broken_rules import _real_rules_with

from checker.engine.dates import WorkCalendar, parse_date
from checker.loader import load_rules
from checker.site.checker_page import checker_data


def _line_of(lines, needle, after=0):
    return next(n for n, text in enumerate(lines, 1) if n > after and needle in text)


def test_the_public_checkers_first_staff_question_needs_its_public_answer(tmp_path, monkeypatch):
    # The site file puts the returns flow on the public checker: deleting the only
    # public_answer must not make the flow "not a customer's flow".
    chinese, english, lines = _real_rules_with(
        tmp_path, monkeypatch, "returns.yaml", lambda text: text.replace('      public_answer: "no"\n', "", 1)
    )
    start = _line_of(lines, "    - id: dispute")
    line = _line_of(lines, "audience: staff", after=start)
    assert english == [
        f"rules/returns.yaml:{line}:17: staff question 'dispute' is on the customer's path; add public_answer "
        "(the answer a customer's case always has) or make the question public"
    ]
    assert chinese[0].startswith(f"rules/returns.yaml:{line}:17: 内部问题 'dispute' 在顾客会走的路径上")


def test_the_public_checker_data_has_no_names_of_the_shops_own_days(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    calendar = rules / "calendar.yaml"
    calendar.write_text(
        calendar.read_text(encoding="utf-8").replace(
            "closures: []",
            'closures:\n  - {from: "2026-03-09", to: "2026-03-13", name: {zh: 内部盘点乙仓, en: Stocktake in warehouse B}}',
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    bundle = load_rules(Path("rules"))
    public = json.dumps(checker_data(bundle, "public"), ensure_ascii=False)
    staff = json.dumps(checker_data(bundle, "staff"), ensure_ascii=False)
    for name in ("内部盘点乙仓", "Stocktake in warehouse B"):
        assert name in staff
        assert name not in public
    # The days still count the same for customers.
    for audience in ("public", "staff"):
        days = WorkCalendar(checker_data(bundle, audience)["calendar"])
        assert [days.is_working_day(parse_date(f"2026-03-{day:02d}")) for day in (6, 9, 13, 16)] == [True, False, False, True]


def test_public_wording_that_names_a_staff_rule_is_refused_at_its_line(tmp_path, monkeypatch):
    old = "zh: 我们只为本店售出的商品办理退换货。"
    chinese, english, lines = _real_rules_with(
        tmp_path,
        monkeypatch,
        "returns.yaml",
        lambda text: text.replace(old, "zh: 我们只为本店售出的商品办理退换货（见 RET-COMPENSATION）。", 1),
    )
    line = _line_of(lines, "（见 RET-COMPENSATION）")
    assert english == [
        f"rules/returns.yaml:{line}:15: text customers can read names the staff rule RET-COMPENSATION, which they never see; "
        "remove the id and say it in the customer's words"
    ]
    assert chinese[0].startswith(f"rules/returns.yaml:{line}:15: 顾客能看到的这段文字提到了内部规则 RET-COMPENSATION")


def test_public_wording_that_copies_a_staff_rule_is_refused_at_its_line(tmp_path, monkeypatch):
    # An outcome's customer wording on the public checker, and a public rule's, each with a
    # sentence of the staff-only RET-COMPENSATION.
    staff = "超过须主管批准。"
    copied = "轻微质量问题且买家愿意保留商品的，客服可给予不超过该订单原寄出运费的补偿；"

    def edit(text):
        text = text.replace("zh: 我们只为本店售出的商品办理退换货。", f"zh: 我们只为本店售出的商品办理退换货。{staff}", 1)
        return text.replace("zh: 包裹签收即视为您已收货；", f"zh: {copied}包裹签收即视为您已收货；", 1)

    _, english, lines = _real_rules_with(tmp_path, monkeypatch, "returns.yaml", edit)
    line = _line_of(lines, copied)
    assert english == [
        f"rules/returns.yaml:{line}:15: text customers can read copies the staff rule RET-COMPENSATION word for word "
        f'("{copied[:24]}…"); rewrite it in the customer\'s words, or make that rule public'
    ]  # the short sentence (超过须主管批准。) is not taken for a copy


def test_the_public_checker_data_has_no_order_note_wording(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    bundle = load_rules(Path("rules"))
    shorts = [
        answer["short"]
        for flow_id in checker_data(bundle, "public")["flows"]
        for question in bundle["flows"][flow_id]["questions"]
        for answer in question.get("answers", [])
        if "short" in answer
    ]
    assert shorts, "the public checker's flows have answers with an order-note form"
    public = checker_data(bundle, "public")
    answers = [a for flow in public["flows"].values() for q in flow["questions"] for a in q.get("answers", [])]
    assert answers and not any("short" in answer for answer in answers)


def test_a_question_on_the_customers_path_needs_customer_wording(tmp_path, monkeypatch):
    # Without it the public checker asked customers in the staff's words (买家为什么要退换？).
    wording = '      customer: {zh: 您为什么想退换？, en: "Why do you want to return or exchange the item?"}\n'
    chinese, english, lines = _real_rules_with(tmp_path, monkeypatch, "returns.yaml", lambda text: text.replace(wording, "", 1))
    line = _line_of(lines, "ask: {zh: 买家为什么要退换？")
    assert english == [
        f"rules/returns.yaml:{line}:7: question 'reason' is asked in the customer's checker but has only the staff wording; "
        "add customer: {zh, en} in the second person"
    ]
    assert chinese[0].startswith(f"rules/returns.yaml:{line}:7: 问题 'reason' 在顾客版检查器里会问到")
