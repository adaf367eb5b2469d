"""The working-day calendar: real dates, holidays in order, swapped days on weekends."""

from ..engine.dates import parse_date, weekday_name

__all__ = ["check_calendar"]

_DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def check_calendar(ctx, data):
    covers = data["covers"]
    for key in ("from", "to"):
        if parse_date(covers[key]) is None:
            ctx.add(covers.value_mark(key), f"'{covers[key]}' is not a real date (YYYY-MM-DD)")
    for holiday in data["holidays"]:
        start, end = parse_date(holiday["from"]), parse_date(holiday["to"])
        for key, value in (("from", start), ("to", end)):
            if value is None:
                ctx.add(holiday.value_mark(key), f"'{holiday[key]}' is not a real date (YYYY-MM-DD)")
        if start is not None and end is not None and end < start:
            ctx.add(holiday.value_mark("to"), f"holiday ends ({holiday['to']}) before it starts ({holiday['from']}); swap them")
    weekend = set(data["weekend"])
    for day in data["working_days"]:
        value = parse_date(day["date"])
        if value is None:
            ctx.add(day.value_mark("date"), f"'{day['date']}' is not a real date (YYYY-MM-DD)")
        elif weekday_name(value) not in weekend:
            ctx.add(
                day.value_mark("date"),
                f"{day['date']} is a {_DAY_NAMES[weekday_name(value)]}, already a working day; list only weekend days worked in lieu",
            )
