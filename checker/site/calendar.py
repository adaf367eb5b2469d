"""The staff handbook's calendar page: this year's and next year's days off and working
weekends, each marked official (with the package it came from), estimated, or the shop's own."""

from ..engine.dates import parse_date, weekday_name
from ..terms import TERMS
from .markup import both, code, esc, pair, table, text

PAGE = "reference/calendar.md"
LABELS = {
    "title": {"zh": "工作日历", "en": "Working-day calendar"},
    "intro": {
        "zh": "按工作日计算的时限（如投诉解决时限）按本日历计数：周末与法定节假日不计，调休上班日计入；"
        "截止时间为最后一个计数工作日的下班时间",
        "en": "Deadlines counted in working days (such as the complaint resolution deadline) follow this calendar: "
        "weekends and public holidays do not count, swapped working days do; a deadline ends at close of business on "
        "the last counted working day, at",
    },
    "weekend": {"zh": "周末", "en": "Weekend"},
    "holidays": {"zh": "放假", "en": "Days off"},
    "working": {"zh": "调休上班（周末上班）", "en": "Working weekends and days in lieu"},
    "shop": {"zh": "店铺自定", "en": "Shop's own"},
    "dates": {"zh": "日期", "en": "Dates"},
    "name": {"zh": "名称", "en": "Name"},
    "days": {"zh": "天数", "en": "Days"},
    "day": {"zh": "星期", "en": "Day"},
    "status": {"zh": "依据", "en": "Basis"},
    "official": {"zh": "官方公布", "en": "Official"},
    "estimated": {"zh": "估算", "en": "Estimated"},
    "estimated_note": {
        "zh": "年放假安排尚未公布：下表只列法律规定的节日（农历节日由软件包推算），不含调休。落在这一年的时限会标注“估算”。",
        "en": "holiday arrangement is not published yet: the table lists only the holidays fixed by law (lunar dates "
        "computed by the package), with no swapped working days. Deadlines that fall in this year are marked estimated.",
    },
    "none": {"zh": "无", "en": "None"},
    "update": {
        "zh": "国务院每年公布放假安排后，升级 {file} 中固定版本的 {package} 软件包并重新构建，该年即由“估算”变为“官方公布”。",
        "en": "When the State Council publishes a year's arrangement, upgrade the pinned {package} package in "
        "{file} and rebuild: that year then turns from estimated to official.",
    },
}


def _status(entry, sources):
    if entry["status"] == "shop":
        return pair(LABELS["shop"])
    label = pair(LABELS[entry["status"]])
    return f"{label} ({code(sources.get(entry['status'], ''))})"


def _dates(start, end):
    return esc(start) if start == end else f"{esc(start)} – {esc(end)}"


def _year_rows(calendar, year, sources):
    off, worked = [], []
    for holiday in calendar["holidays"]:
        if holiday["from"][:4] <= str(year) <= holiday["to"][:4]:
            days = parse_date(holiday["to"]) - parse_date(holiday["from"]) + 1
            off.append([_dates(holiday["from"], holiday["to"]), pair(holiday["name"]), str(days), _status(holiday, sources)])
    for item in calendar["working_days"]:
        if item["date"][:4] == str(year):
            day = weekday_name(parse_date(item["date"]))
            worked.append([esc(item["date"]), pair(TERMS[day]), pair(item["name"]), _status(item, sources)])
    return sorted(off), sorted(worked)


def calendar_page(bundle):
    """The calendar page's Markdown; empty when the rules have no calendar."""
    calendar = bundle["calendar"]
    sources = {item["status"]: item["source"] for item in calendar["years"]}
    weekend = {
        "zh": "、".join(TERMS[day]["zh"] for day in calendar["weekend"]),
        "en": ", ".join(TERMS[day]["en"] for day in calendar["weekend"]),
    }
    close = calendar["close_of_business"]
    lines = [
        f"# {pair(LABELS['title'])}",
        "",
        both(f"{LABELS['intro']['zh']} {close}。", f"{LABELS['intro']['en']} {close}."),
        "",
        f"**{pair(LABELS['weekend'])}**: {pair(weekend)}",
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
                f'!!! warning "{esc(text(LABELS["estimated"]))}"',
                "    "
                + both(
                    f"{year['year']} {LABELS['estimated_note']['zh']}", f"The {year['year']} {LABELS['estimated_note']['en']}"
                ),
                "",
            ]
        off, worked = _year_rows(calendar, year["year"], sources)
        header = [pair(LABELS["dates"]), pair(LABELS["name"]), pair(LABELS["days"]), pair(LABELS["status"])]
        lines += [f"### {pair(LABELS['holidays'])}", "", table(header, off) if off else pair(LABELS["none"]), ""]
        header = [pair(LABELS["dates"]), pair(LABELS["day"]), pair(LABELS["name"]), pair(LABELS["status"])]
        lines += [f"### {pair(LABELS['working'])}", "", table(header, worked) if worked else pair(LABELS["none"]), ""]
    names = {"file": "<code>pyproject.toml</code>", "package": "<code>chinesecalendar</code>"}
    note = {lang: esc(LABELS["update"][lang]).format(**names) for lang in ("zh", "en")}
    lines += [f'<p class="generated-note">{text(note)}</p>', ""]
    return "\n".join(lines)
