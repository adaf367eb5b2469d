"""National public holidays and swapped working days (调休), from maintained packages.

Build-time and CPython only: the result is plain data that goes into the bundle, so the
engine (and the browser) never imports a holiday package.

- Official years come from ``chinesecalendar``, which carries the State Council's yearly
  notices and raises for a year whose notice it does not have yet.
- Later years are estimated with ``holidays``: only the statutory holidays that the law
  fixes (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆; lunar dates computed by the package), no
  swapped working days, each marked ``estimated``.

Upgrading the pinned ``chinesecalendar`` in pyproject.toml is how a new notice reaches the
site: its year then turns from estimated to official.
"""

import copy
import datetime
import functools
from importlib.metadata import version

import chinese_calendar
import holidays

__all__ = ["COUNTRIES", "national_days", "official_last_day", "source_label"]

COUNTRIES = ("CN", "none")
OFFICIAL = "official"
ESTIMATED = "estimated"
_LIMIT_YEAR = 2100  # the holiday packages' lunar tables end around here


def source_label(status):
    """'chinesecalendar 1.11.0' or 'holidays 0.109': the package (and version) behind a year."""
    package = "chinesecalendar" if status == OFFICIAL else "holidays"
    return f"{package} {version(package)}"


def _is_official(year):
    try:
        chinese_calendar.is_holiday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def official_last_day(country="CN"):
    """The last day covered by official data: 31 December of the newest notice's year."""
    if country != "CN":
        return None
    year = datetime.date.today().year + 1
    while year > 2004 and not _is_official(year):
        year -= 1
    return datetime.date(year, 12, 31)


def _days(year):
    day = datetime.date(year, 1, 1)
    while day.year == year:
        yield day
        day += datetime.timedelta(days=1)


def _festival(zh_name):
    """The chinesecalendar festival whose Chinese name starts this name (清明 for 清明节)."""
    for festival in chinese_calendar.Holiday:
        if zh_name.startswith(festival.chinese):
            return festival
    return None


def _name(festival, fallback_zh, fallback_en):
    if festival is None:
        return {"zh": fallback_zh, "en": fallback_en}
    return {"zh": festival.chinese, "en": festival.value}


def _periods(named_days, status):
    """Group consecutive days with the same festival into {from, to, name, ...} periods."""
    periods = []
    for day, name in named_days:
        last = periods[-1] if periods else None
        if last and last["name"] == name and datetime.date.fromisoformat(last["to"]) + datetime.timedelta(days=1) == day:
            last["to"] = day.isoformat()
        else:
            periods.append({"from": day.isoformat(), "to": day.isoformat(), "name": name, "origin": "national", "status": status})
    return periods


def _official_year(year):
    off, worked = [], []
    for day in _days(year):
        is_holiday, festival_name = chinese_calendar.get_holiday_detail(day)
        festival = chinese_calendar.Holiday(festival_name) if festival_name else None
        if is_holiday and festival is not None:
            off.append((day, _name(festival, "", "")))
        elif not is_holiday and day.weekday() >= 5:
            named = _name(festival, "调休", "holiday")
            worked.append(
                {
                    "date": day.isoformat(),
                    "name": {"zh": f"{named['zh']}调休上班", "en": f"Working day in lieu ({named['en']})"},
                    "origin": "national",
                    "status": OFFICIAL,
                }
            )
    return _periods(off, OFFICIAL), worked


def _estimated_year(year):
    chinese = holidays.China(years=year, observed=False, language="zh_CN")
    english = holidays.China(years=year, observed=False, language="en_US")
    off = []
    for day in sorted(chinese):
        festival = _festival(chinese[day]) or (chinese_calendar.Holiday.spring_festival if "除夕" in chinese[day] else None)
        off.append((day, _name(festival, chinese[day], english.get(day, chinese[day]))))
    return _periods(off, ESTIMATED), []


def national_days(country, first_year, last_year):
    """{"years": [...], "holidays": [...], "working_days": [...]} for the years asked.

    Each year says whether it is official or estimated and which package it came from.
    """
    return copy.deepcopy(_national_days(country, first_year, last_year))


@functools.lru_cache(maxsize=16)
def _national_days(country, first_year, last_year):
    result = {"years": [], "holidays": [], "working_days": []}
    if country != "CN":
        return result
    for year in range(first_year, min(last_year, _LIMIT_YEAR) + 1):
        if _is_official(year):
            off, worked = _official_year(year)
            status = OFFICIAL
        else:
            off, worked = _estimated_year(year)
            status = ESTIMATED
        result["years"].append({"year": year, "status": status, "source": source_label(status)})
        result["holidays"].extend(off)
        result["working_days"].extend(worked)
    return result
