"""The working-day calendar: national days from the packages, estimates, the shop's own days."""

import datetime
import shutil
import subprocess
import sys

import chinese_calendar
import holidays
import pytest
from conftest import ROOT

from checker.engine import step
from checker.engine.dates import WorkCalendar, parse_date
from checker.loader import load_rules
from checker.site.calendar import calendar_page

TODAY = datetime.date(2026, 11, 26)
RECEIVED = {"channel": "phone", "dispute": "no", "calmed": "no", "category": "other"}


def rules_copy(tmp_path, calendar_lines):
    """The example shop's rules with calendar.yaml replaced by the given lines."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "calendar.yaml").write_text("\n".join(calendar_lines) + "\n", encoding="utf-8")
    return rules


def calendar_lines(closures="[]", working_days="[]", national="CN", weekend="[sat, sun]"):
    return [
        "kind: calendar",
        'timezone: "+08:00"',
        f"weekend: {weekend}",
        'close_of_business: "18:30"',
        f"national_holidays: {national}",
        "first_year: 2026",
        f"closures: {closures}",
        f"working_days: {working_days}",
    ]


def resolve_by(bundle, received_at):
    decision = step(bundle, "complaints", dict(RECEIVED, received_at=received_at))["decision"]
    due = {item["rule"]: item["due"] for item in decision["deadlines"]}
    working_day_rules = [rule for rule in due if "working_days" in bundle["rules"][rule]["params"]]
    return due[working_day_rules[0]], [warning["code"] for warning in decision["warnings"]]


@pytest.fixture(scope="module")
def bundle_now():
    return load_rules(ROOT / "rules", today=TODAY)


def test_official_years_agree_with_a_second_source_on_every_day(bundle_now):
    """chinesecalendar (the State Council notices) against holidays.China, day by day."""
    calendar = WorkCalendar(bundle_now["calendar"])
    official = [item["year"] for item in bundle_now["calendar"]["years"] if item["status"] == "official"]
    assert official == [2026]
    for year in official:
        second = holidays.China(years=year)
        day = datetime.date(year, 1, 1)
        while day.year == year:
            number = parse_date(day.isoformat())
            assert calendar.is_working_day(number) == chinese_calendar.is_workday(day), day
            assert calendar.is_working_day(number) == second.is_working_day(day), day
            day += datetime.timedelta(days=1)


def test_an_unpublished_year_holds_only_the_statutory_holidays_marked_estimated(bundle_now):
    calendar = bundle_now["calendar"]
    year_2027 = next(item for item in calendar["years"] if item["year"] == 2027)
    assert year_2027["status"] == "estimated" and year_2027["source"].startswith("holidays ")
    days_off = []
    for holiday in calendar["holidays"]:
        if holiday["from"].startswith("2027"):
            assert holiday["status"] == "estimated"
            start, end = parse_date(holiday["from"]), parse_date(holiday["to"])
            days_off += [start + offset for offset in range(end - start + 1)]
    # 1 Jan, 4 days of Spring Festival (eve to day 3), Qingming, 2 of Labour Day, Dragon Boat,
    # Mid-Autumn, 3 of National Day: 13 days fixed by law, no swapped working days.
    assert len(days_off) == 13
    assert parse_date("2027-01-01") in days_off and parse_date("2027-10-03") in days_off
    assert not [item for item in calendar["working_days"] if item["date"].startswith("2027")]


def test_the_calendar_never_runs_out(tmp_path):
    """Built years later, it reaches the end of the next year, estimated, and says so."""
    bundle = load_rules(ROOT / "rules", today=datetime.date(2031, 3, 1))
    assert bundle["calendar"]["covers"]["to"] == "2032-12-31"
    # 1 Jan 2032 (a Thursday) is New Year's Day by law: not counted.
    assert resolve_by(bundle, "2031-12-30T10:00") == ("2032-01-09T18:30", ["calendar_estimated"])
    # Past the calendar: weekends only, and the agent is told to check.
    assert resolve_by(bundle, "2032-12-30T10:00") == ("2033-01-10T18:30", ["calendar_not_covered", "calendar_estimated"])


def test_the_shops_own_days_apply_on_top_of_the_national_days(tmp_path):
    closures = '[{from: "2026-11-17", to: "2026-11-18", name: {zh: 盘点, en: Stocktake}}]'
    working = '[{date: "2026-11-21", name: {zh: 双11加班, en: Extra Saturday}}, {date: "2026-10-06", name: {zh: 国庆值班, en: Holiday shift}}]'
    bundle = load_rules(rules_copy(tmp_path, calendar_lines(closures, working)), today=TODAY)
    calendar = WorkCalendar(bundle["calendar"])
    assert not calendar.is_working_day(parse_date("2026-11-17"))
    assert calendar.is_working_day(parse_date("2026-11-21"))
    assert calendar.is_working_day(parse_date("2026-10-06"))  # a public holiday the shop works
    # Monday 16 Nov: the 17th and 18th are closed, Saturday the 21st is worked.
    assert resolve_by(bundle, "2026-11-16T10:00") == ("2026-11-26T18:30", [])


def test_without_national_holidays_only_weekends_and_the_shops_days_count(tmp_path):
    bundle = load_rules(rules_copy(tmp_path, calendar_lines(national="none")), today=TODAY)
    assert bundle["calendar"]["years"] == [] and bundle["calendar"]["covers"] is None
    assert resolve_by(bundle, "2026-09-30T15:00") == ("2026-10-09T18:30", [])


def test_validate_warns_when_official_data_is_about_to_end():
    warnings = []
    load_rules(ROOT / "rules", today=TODAY, warnings=warnings)
    assert [w.render("zh") for w in warnings] == [
        "rules/calendar.yaml:12:20: 提醒：官方节假日数据将在 35 天后到期（2026-12-31），之后的期限按法定节假日估算；"
        "国务院发布 2027 年的放假通知后，请升级 `pyproject.toml` 里固定版本的 `chinesecalendar`，再运行测试"
    ]
    assert [w.render("en") for w in warnings] == [
        "rules/calendar.yaml:12:20: warning: official holiday data ends in 35 days (2026-12-31); deadlines after it are "
        "estimated from the statutory holidays. When the State Council publishes the 2027 notice, upgrade the pinned "
        "chinesecalendar in pyproject.toml and run the tests"
    ]
    quiet = []
    load_rules(ROOT / "rules", today=datetime.date(2026, 9, 1), warnings=quiet)
    assert quiet == []


def test_the_warning_does_not_fail_validate():
    run = subprocess.run([sys.executable, "-m", "checker", "validate"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "OK" in run.stdout
    if datetime.date.today() >= datetime.date(2026, 11, 1):
        assert "提醒：官方节假日数据" in run.stderr  # in Chinese unless --lang en


def test_calendar_page_shows_this_and_next_year_with_their_basis(bundle_now):
    page = calendar_page(bundle_now)
    assert "## 2026" in page and "## 2027" in page and "## 2025" not in page
    assert "| 国务院公布 · Published by the State Council |" in page and "| 估算 · Estimated |" in page
    # Which package to upgrade is the maintainers' business (validate's warning, the README).
    for tool in ("chinesecalendar", f"holidays {holidays.__version__}", "pyproject"):
        assert tool not in page.replace("\\", "")
    assert "2027 年放假安排尚未公布" in page
    assert "| 2026-10-10 | 周六 · Saturday |" in page
    assert "| 2027-01-01 | 元旦 · New Year's Day | 1 |" in page
