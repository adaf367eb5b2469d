"""The staff handbook's calendar page: this year's and next year's days off and working
weekends, each marked official (published by the State Council), estimated, or the shop's own.
How a new notice reaches the calendar is maintainers' business: `validate` warns and the README
says what to upgrade; agents' pages do not."""

from ..engine.dates import parse_date, weekday_name
from ..wording import word
from .markup import both, esc, pair, table, text

PAGE = "reference/calendar.md"


def _status(entry):
    return pair(word("calendar." + entry["status"]))


def _dates(start, end):
    return esc(start) if start == end else f"{esc(start)} – {esc(end)}"


def _year_rows(calendar, year):
    off, worked = [], []
    for holiday in calendar["holidays"]:
        if holiday["from"][:4] <= str(year) <= holiday["to"][:4]:
            days = parse_date(holiday["to"]) - parse_date(holiday["from"]) + 1
            off.append([_dates(holiday["from"], holiday["to"]), pair(holiday["name"]), str(days), _status(holiday)])
    for item in calendar["working_days"]:
        if item["date"][:4] == str(year):
            day = weekday_name(parse_date(item["date"]))
            worked.append([esc(item["date"]), pair(word("term." + day)), pair(item["name"]), _status(item)])
    return sorted(off), sorted(worked)


def calendar_page(bundle):
    """The calendar page's Markdown; empty when the rules have no calendar."""
    calendar = bundle["calendar"]
    weekend = {
        "zh": "、".join(word("term." + day)["zh"] for day in calendar["weekend"]),
        "en": ", ".join(word("term." + day)["en"] for day in calendar["weekend"]),
    }
    close = calendar["close_of_business"]
    lines = [
        f"# {pair(word('calendar.title'))}",
        "",
        both(f"{word('calendar.intro')['zh']} {close}。", f"{word('calendar.intro')['en']} {close}."),
        "",
        f"**{pair(word('calendar.weekend'))}**: {pair(weekend)}",
        "",
    ]
    years = calendar["years"][-2:]
    if not years:  # no national holidays: show the years the shop's own days fall in
        found = sorted({item["date"][:4] for item in calendar["working_days"]} | {h["from"][:4] for h in calendar["holidays"]})
        years = [{"year": int(year), "status": "shop"} for year in found]
    for year in years:
        lines += [f"## {year['year']}", ""]
        if year["status"] == "estimated":
            lines += [
                f'!!! warning "{esc(text(word("calendar.estimated")))}"',
                "    "
                + both(
                    f"{year['year']} {word('calendar.estimated_note')['zh']}",
                    f"The {year['year']} {word('calendar.estimated_note')['en']}",
                ),
                "",
            ]
        off, worked = _year_rows(calendar, year["year"])
        header = [
            pair(word("calendar.dates")),
            pair(word("calendar.name")),
            pair(word("calendar.days")),
            pair(word("calendar.status")),
        ]
        lines += [f"### {pair(word('calendar.holidays'))}", "", table(header, off) if off else pair(word("calendar.none")), ""]
        header = [
            pair(word("calendar.dates")),
            pair(word("calendar.day")),
            pair(word("calendar.name")),
            pair(word("calendar.status")),
        ]
        lines += [
            f"### {pair(word('calendar.working'))}",
            "",
            table(header, worked) if worked else pair(word("calendar.none")),
            "",
        ]
    lines += [both(word("calendar.update")["zh"], word("calendar.update")["en"]), ""]
    return "\n".join(lines)
