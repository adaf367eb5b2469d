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
