"""The shop's working-day calendar: national days from the packages, the shop's own on top.

Build-time and CPython only. ``rules/calendar.yaml`` holds the shop's settings and its own
closures and extra working days; ``assemble_calendar`` merges them with the national days
into the plain data the engine reads (see ``checker.engine.dates.WorkCalendar``).
"""

from ..engine.dates import WEEKDAYS, parse_date, weekday_name
from ..errors import say
from ..wording import word
from .national_calendar import national_days, official_last_day

__all__ = ["check_calendar", "not_a_date", "assemble_calendar", "calendar_warnings", "last_year", "MAX_CLOSURE_DAYS", "WARN_DAYS"]

MAX_CLOSURE_DAYS = 92
WARN_DAYS = 60


def last_year(data, today):
    """The calendar reaches the end of next year (or the shop's first year + 1, if later)."""
    return max(today.year, data["first_year"]) + 1


def not_a_date(text):
    """The message for a date written as YYYY-MM-DD that no calendar has (2026-02-30)."""
    return say(f"'{text}' 不是真实存在的日期（YYYY-MM-DD）", f"'{text}' is not a real date (YYYY-MM-DD)")


def _national(data, today):
    return national_days(data["national_holidays"], data["first_year"], last_year(data, today))


def check_calendar(add, data, today):
    """Check the shop's calendar; ``add(mark, message)`` records each problem (a ``say`` Text)."""
    weekend = data["weekend"]
    if len(set(weekend)) != len(weekend):
        add(
            data.value_mark("weekend"),
            say("weekend 里有一天写了两次；每天只写一次", "a day is listed twice in weekend; list each day once"),
        )
    if all(day in weekend for day in WEEKDAYS):
        add(
            data.value_mark("weekend"),
            say(
                "一周七天都写成了 weekend 休息日，任何期限都不会到期；请至少留一个工作日",
                "every day of the week is a weekend day, so no deadline could ever fall due; keep at least one working day",
            ),
        )
    if data["first_year"] > today.year + 1:
        add(
            data.value_mark("first_year"),
            say(
                f"first_year {data['first_year']} 比明年还晚；请写案例用得到的最早年份",
                f"first_year {data['first_year']} is after next year; give the earliest year your cases need",
            ),
        )
        return
    national = _national(data, today)
    national_off = set()
    for holiday in national["holidays"]:
        national_off.update(range(parse_date(holiday["from"]), parse_date(holiday["to"]) + 1))
    closed = {}
    for closure in data["closures"]:
        start, end = parse_date(closure["from"]), parse_date(closure["to"])
        for key, value in (("from", start), ("to", end)):
            if value is None:
                add(closure.value_mark(key), not_a_date(closure[key]))
        if start is None or end is None:
            continue
        if end < start:
            add(
                closure.value_mark("to"),
                say(
                    f"停业的结束日（{closure['to']}）早于开始日（{closure['from']}）；请把两个日期对调",
                    f"closure ends ({closure['to']}) before it starts ({closure['from']}); swap them",
                ),
            )
        elif end - start + 1 > MAX_CLOSURE_DAYS:
            add(
                closure.value_mark("to"),
                say(
                    f"这次停业有 {end - start + 1} 天，超过了 {MAX_CLOSURE_DAYS} 天；请检查日期，或按实际停业拆成几段",
                    f"closure of {end - start + 1} days is longer than {MAX_CLOSURE_DAYS}; check the dates or split it into the real closures",
                ),
            )
        else:
            for day in range(start, end + 1):
                closed[day] = closure
    _check_runs(add, closed)
    for item in data["working_days"]:
        value = parse_date(item["date"])
        if value is None:
            add(item.value_mark("date"), not_a_date(item["date"]))
        elif value in closed:
            add(
                item.value_mark("date"),
                say(
                    f"{item['date']} 也在第 {closed[value].mark.line} 行的停业期里；只在一个列表里写它",
                    f"{item['date']} is also in the closure at line {closed[value].mark.line}; keep it in one list",
                ),
            )
        elif weekday_name(value) not in weekend and value not in national_off:
            day = word("term." + weekday_name(value))
            add(
                item.value_mark("date"),
                say(
                    f"{item['date']} 是{day['zh']}，本来就是工作日；这里只列本该休息（周末、法定假日）而门店上班的日子",
                    f"{item['date']} is a {day['en']}, already a working day; "
                    "list only days the shop works that would otherwise be off (weekends, public holidays)",
                ),
            )


def _check_runs(add, closed):
    """Closures that touch (one ends the day before the next starts) are one closure to the
    shop's customers: together they may not be longer than MAX_CLOSURE_DAYS either."""
    run, told = [], set()
    for day in sorted(closed) + [None]:
        if run and day is not None and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) > MAX_CLOSURE_DAYS:
            last = closed[run[-1]]
            if id(last) not in told:
                told.add(id(last))
                add(
                    last.value_mark("to"),
                    say(
                        f"连着的几段停业合起来有 {len(run)} 天，超过了 {MAX_CLOSURE_DAYS} 天；请检查日期，相连的停业算作一次",
                        f"adjacent closures add up to {len(run)} days, longer than {MAX_CLOSURE_DAYS}; "
                        "check the dates: closures that touch count as one",
                    ),
                )
        run = [day] if day is not None else []


def assemble_calendar(data, today):
    """The bundle's calendar: settings, covered range, years with their source, and every day off
    and extra working day, national and the shop's own (``origin``: national or shop)."""
    national = _national(data, today)
    covers = None
    if national["years"]:
        covers = {"from": f"{data['first_year']:04d}-01-01", "to": f"{national['years'][-1]['year']:04d}-12-31"}
    holidays = national["holidays"] + [
        {"from": c["from"], "to": c["to"], "name": c["name"], "origin": "shop", "status": "shop"} for c in data["closures"]
    ]
    working_days = national["working_days"] + [
        {"date": w["date"], "name": w["name"], "origin": "shop", "status": "shop"} for w in data["working_days"]
    ]
    return {
        "timezone": data["timezone"],
        "weekend": list(data["weekend"]),
        "close_of_business": data["close_of_business"],
        "national_holidays": data["national_holidays"],
        "covers": covers,
        "years": national["years"],
        "holidays": holidays,
        "working_days": working_days,
    }


def calendar_warnings(data, today):
    """Problems that do not stop the build: official holiday data that ends soon."""
    end = official_last_day(data["national_holidays"])
    if end is None or (end - today).days > WARN_DAYS:
        return []
    days = (end - today).days
    when = (
        say(f"将在 {days} 天后到期", f"ends in {days} days")
        if days >= 0
        else say(f"已在 {-days} 天前到期", f"ended {-days} days ago")
    )
    return [
        data.value_mark("national_holidays").problem(
            say(
                f"提醒：官方节假日数据{when.zh}（{end.isoformat()}），之后的期限按法定节假日估算；国务院发布 {end.year + 1} "
                "年的放假通知后，请升级 `pyproject.toml` 里固定版本的 `chinesecalendar`，再运行测试",
                f"warning: official holiday data {when.en} ({end.isoformat()}); deadlines after it are estimated from the statutory "
                f"holidays. When the State Council publishes the {end.year + 1} notice, upgrade the pinned chinesecalendar in "
                "pyproject.toml and run the tests",
            )
        )
    ]
