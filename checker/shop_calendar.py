"""The shop's working-day calendar: national days from the packages, the shop's own on top.

Build-time and CPython only. ``rules/calendar.yaml`` holds the shop's settings and its own
closures and extra working days; ``assemble_calendar`` merges them with the national days
into the plain data the engine reads (see ``checker.engine.dates.WorkCalendar``).
"""

from .engine.dates import WEEKDAYS, parse_date, weekday_name
from .national_calendar import national_days, official_last_day
from .wording import word

__all__ = ["check_calendar", "assemble_calendar", "calendar_warnings", "last_year", "MAX_CLOSURE_DAYS", "WARN_DAYS"]

MAX_CLOSURE_DAYS = 92
WARN_DAYS = 60


def last_year(data, today):
    """The calendar reaches the end of next year (or the shop's first year + 1, if later)."""
    return max(today.year, data["first_year"]) + 1


def _national(data, today):
    return national_days(data["national_holidays"], data["first_year"], last_year(data, today))


def check_calendar(add, data, today):
    """Check the shop's calendar; ``add(mark, message)`` records each problem."""
    weekend = data["weekend"]
    if len(set(weekend)) != len(weekend):
        add(data.value_mark("weekend"), "a day is listed twice in weekend; list each day once")
    if all(day in weekend for day in WEEKDAYS):
        add(
            data.value_mark("weekend"),
            "every day of the week is a weekend day, so no deadline could ever fall due; keep at least one working day",
        )
    if data["first_year"] > today.year + 1:
        add(
            data.value_mark("first_year"),
            f"first_year {data['first_year']} is after next year; give the earliest year your cases need",
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
                add(closure.value_mark(key), f"'{closure[key]}' is not a real date (YYYY-MM-DD)")
        if start is None or end is None:
            continue
        if end < start:
            add(closure.value_mark("to"), f"closure ends ({closure['to']}) before it starts ({closure['from']}); swap them")
        elif end - start + 1 > MAX_CLOSURE_DAYS:
            add(
                closure.value_mark("to"),
                f"closure of {end - start + 1} days is longer than {MAX_CLOSURE_DAYS}; check the dates or split it into the real closures",
            )
        else:
            for day in range(start, end + 1):
                closed[day] = closure
    for item in data["working_days"]:
        value = parse_date(item["date"])
        if value is None:
            add(item.value_mark("date"), f"'{item['date']}' is not a real date (YYYY-MM-DD)")
        elif value in closed:
            add(
                item.value_mark("date"),
                f"{item['date']} is also in the closure at line {closed[value].mark.line}; keep it in one list",
            )
        elif weekday_name(value) not in weekend and value not in national_off:
            add(
                item.value_mark("date"),
                f"{item['date']} is a {word('term.' + weekday_name(value))['en']}, already a working day; "
                "list only days the shop works that would otherwise be off (weekends, public holidays)",
            )


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
    when = f"ends in {days} days" if days >= 0 else f"ended {-days} days ago"
    return [
        data.value_mark("national_holidays").problem(
            f"warning: official holiday data {when} ({end.isoformat()}); deadlines after it are estimated from the statutory "
            f"holidays. When the State Council publishes the {end.year + 1} notice, upgrade the pinned chinesecalendar in "
            "pyproject.toml and run the tests"
        )
    ]
