"""Units of the engine that every flow relies on: dates, working days, placeholder text."""

import copy
import datetime

import pytest

from checker.engine import AnswerError, normalise_answer, step
from checker.engine.dates import WorkCalendar, format_date, parse_date, parse_datetime, weekday_name
from checker.engine.text import fill, placeholders

EPOCH = datetime.date(1970, 1, 1)


@pytest.mark.parametrize("text", ["1970-01-01", "2000-02-29", "2026-11-16", "2028-02-29", "2100-12-31", "1969-12-31"])
def test_day_numbers_agree_with_the_standard_library(text):
    date = datetime.date.fromisoformat(text)
    assert parse_date(text) == (date - EPOCH).days
    assert format_date(parse_date(text)) == text
    assert weekday_name(parse_date(text)) == date.strftime("%a").lower()


def test_every_day_of_four_years_round_trips():
    for offset in range(-800, 800):
        date = datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)
        assert format_date((date - EPOCH).days) == date.isoformat()


@pytest.mark.parametrize(
    "text", ["2026-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026/01/01", "2026-1-01", "", None, 20260101]
)
def test_impossible_dates_are_refused(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2026-11-16T09:05", "2026-11-16T09:05"),
        ("2026-11-16 09:05", "2026-11-16T09:05"),
        ("2026-11-16T09:05:59", "2026-11-16T09:05"),
    ],
)
def test_datetimes_accept_t_or_space_and_seconds(text, expected):
    assert normalise_answer({"id": "t", "kind": "datetime"}, text) == expected


@pytest.mark.parametrize("text", ["2026-11-16T24:00", "2026-11-16T09:60", "2026-11-16", "2026-11-16T9:05"])
def test_bad_datetimes_are_refused(text):
    assert parse_datetime(text) is None


def test_working_days_follow_the_calendar(bundle):
    calendar = WorkCalendar(bundle["calendar"])
    assert calendar.is_working_day(parse_date("2026-02-14"))  # Saturday worked in lieu
    assert not calendar.is_working_day(parse_date("2026-10-05"))  # National Day, a Monday
    assert not calendar.is_working_day(parse_date("2026-11-21"))  # an ordinary Saturday
    due, counted = calendar.add_working_days(parse_datetime("2026-11-16T23:59"), 7)
    assert [format_date(day) for day in counted] == [
        "2026-11-17",
        "2026-11-18",
        "2026-11-19",
        "2026-11-20",
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
    ]
    assert due == parse_datetime("2026-11-25T18:30")


def test_numbers_are_checked_against_the_question():
    question = {"id": "hours", "kind": "number", "min": 0}
    assert normalise_answer(question, "24") == 24
    assert normalise_answer(question, 2.5) == 2.5
    for bad in ("abc", "nan", "inf", True, -1):
        with pytest.raises(AnswerError):
            normalise_answer(question, bad)


def test_placeholders_and_blanks():
    template = "{requested_on|【日期】} 退款：{reason}，{postage|【运费】}"
    assert placeholders(template) == ["requested_on", "reason", "postage"]
    assert fill(template, {"reason": "尺码"}) == "【日期】 退款：尺码，【运费】"
    assert fill("{days} 天", {"days": 7}) == "7 天"
    assert fill("no {end", {}) == "no {end"


def test_only_questions_that_still_matter_are_asked(bundle):
    asked = []
    answers = {"dispute": "no", "sold_by_us": "yes", "reason": "courier_damage", "courier_when": "before_signing"}
    for count in range(len(answers) + 1):
        result = step(bundle, "returns", dict(list(answers.items())[:count]))
        if result["type"] == "question":
            asked.append(result["question"]["id"])
    assert asked == ["dispute", "sold_by_us", "reason", "courier_when"]
    assert result["type"] == "decision"


RETURN_START = {"dispute": "no", "sold_by_us": "yes", "reason": "size"}


def refused(bundle, flow, answers, today=None):
    """The AnswerError the engine raises for these answers (the test fails if none)."""
    with pytest.raises(AnswerError) as caught:
        step(bundle, flow, answers, today=today)
    return caught.value


def test_answer_messages_speak_of_the_question_in_both_languages(bundle):
    questions = bundle["flows"]["returns"]["questions"]
    signed = next(q for q in questions if q["id"] == "signed_on")
    requested = next(q for q in questions if q["id"] == "requested_on")
    error = refused(bundle, "returns", dict(RETURN_START, signed_on="2026-03-05", requested_on="2026-03-01"))
    assert error.question_id == "requested_on"
    for lang in ("zh", "en"):
        assert requested["ask"][lang] in error.text[lang] and signed["ask"][lang] in error.text[lang]
        assert "2026-03-01" in error.text[lang] and "2026-03-05" in error.text[lang]
        assert "'signed_on'" not in error.text[lang] and "'requested_on'" not in error.text[lang]
    assert error.message == error.text["en"]
    assert error.shown("zh") == error.text["zh"] and error.shown("both") == error.text["zh"] + "\n" + error.text["en"]
    typo = refused(bundle, "returns", dict(RETURN_START, signed_on="2026-3-5"))
    assert typo.text["zh"].startswith("「" + signed["ask"]["zh"] + "」") and "“2026-3-5”不是日期" in typo.text["zh"]


def test_a_number_reason_comes_in_both_languages():
    with pytest.raises(AnswerError) as caught:
        normalise_answer({"id": "t", "kind": "number", "ask": {"zh": "几小时？", "en": "How many hours?"}}, "①")
    assert "请只用数字书写" in caught.value.text["zh"] and "digits only" in caught.value.text["en"]


def test_dates_after_today_are_refused_only_where_the_rules_say_and_only_when_today_is_given(bundle):
    answers = dict(RETURN_START, signed_on="2026-11-12")
    error = refused(bundle, "returns", answers, today="2026-11-11")
    assert error.question_id == "signed_on"
    assert "2026-11-12 晚于今天（2026-11-11）" in error.text["zh"]
    assert "2026-11-12 is after today (2026-11-11)" in error.text["en"]
    assert step(bundle, "returns", answers, today="2026-11-12")["question"]["id"] == "requested_on"
    assert step(bundle, "returns", answers)["question"]["id"] == "requested_on"  # no today, no check
    late = refused(bundle, "complaints", {"received_at": "2026-11-12T09:00"}, today="2026-11-11")
    assert late.question_id == "received_at"
    unmarked = copy.deepcopy(bundle)
    for question in unmarked["flows"]["returns"]["questions"]:
        question.pop("not_after", None)
    assert step(unmarked, "returns", answers, today="2026-11-11")["question"]["id"] == "requested_on"


def test_years_far_outside_the_shop_calendar_are_refused(bundle):
    covers = bundle["calendar"]["covers"]
    first, last = int(covers["from"][:4]), int(covers["to"][:4])
    for year in (first - 1, last + 1):
        answers = dict(RETURN_START, signed_on=f"{year:04d}-03-05")
        assert step(bundle, "returns", answers)["question"]["id"] == "requested_on"
    for year in (0, first - 2, last + 2, 2999):
        error = refused(bundle, "returns", dict(RETURN_START, signed_on=f"{year:04d}-03-05"))
        assert f"({first}-{last}); check the year" in error.text["en"]
        assert f"（{first}–{last}）；请检查年份" in error.text["zh"]
