"""Calendar arithmetic on plain integers, so it behaves the same on CPython and MicroPython.

A date is a day number (days since 1970-01-01); a date-time is a minute number in the
shop's local time. Parsing returns None for anything that is not a real date or time.
"""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _leap(year) else _MONTH_DAYS[month - 1]


def day_number(year, month, day):
    """Days since 1970-01-01 (Howard Hinnant's days_from_civil).

    Python's // already rounds down, so the C version's adjustment for negative
    years is not needed (it would put year 0 and earlier a day or more off)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil(days):
    """(year, month, day) for a day number."""
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


def _digits(text):
    return len(text) > 0 and all("0" <= c <= "9" for c in text)


def parse_date(text):
    """'YYYY-MM-DD' -> day number, or None."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    year, month, day = text[:4], text[5:7], text[8:]
    if not (_digits(year) and _digits(month) and _digits(day)):
        return None
    year, month, day = int(year), int(month), int(day)
    if not (1 <= month <= 12 and 1 <= day <= _days_in_month(year, month)):
        return None
    return day_number(year, month, day)


def parse_time(text):
    """'HH:MM' -> minutes after midnight, or None."""
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return None
    hours, minutes = text[:2], text[3:]
    if not (_digits(hours) and _digits(minutes)):
        return None
    hours, minutes = int(hours), int(minutes)
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def parse_datetime(text):
    """'YYYY-MM-DDTHH:MM' (or a space instead of T, optional ':SS') -> minute number, or None."""
    if not isinstance(text, str) or len(text) < 16 or text[10] not in "T ":
        return None
    day = parse_date(text[:10])
    rest = text[11:]
    if len(rest) == 8 and rest[5] == ":" and _digits(rest[6:]) and int(rest[6:]) < 60:
        rest = rest[:5]
    clock = parse_time(rest)
    if day is None or clock is None:
        return None
    return day * 1440 + clock


def format_date(days):
    year, month, day = civil(days)
    return "%04d-%02d-%02d" % (year, month, day)


def format_time(minutes):
    return "%02d:%02d" % (minutes // 60, minutes % 60)


def format_datetime(minutes):
    return format_date(minutes // 1440) + "T" + format_time(minutes % 1440)


def spoken_date(value, lang):
    """A date ('YYYY-MM-DD') or date-time ('YYYY-MM-DDTHH:MM') as people write it, with its
    year: '2026 年 3 月 9 日' in Chinese, '9 March 2026' in English (a time follows as HH:MM).
    None for anything else."""
    text = str(value)
    day = parse_date(text[:10])
    minute = parse_datetime(text) if len(text) > 10 else None
    if day is None or (len(text) > 10 and minute is None):
        return None
    year, month, date = civil(day)
    out = "%d 年 %d 月 %d 日" % (year, month, date) if lang == "zh" else "%d %s %d" % (date, MONTHS[month - 1], year)
    if minute is not None:
        out += (" " if lang == "zh" else ", ") + format_time(minute % 1440)
    return out


def weekday_name(days):
    """'mon'..'sun' for a day number (1970-01-01 was a Thursday)."""
    return WEEKDAYS[(days + 3) % 7]


class WorkCalendar:
    """Working days: weekdays, minus holidays, plus swapped days; the shop's own days win.

    The calendar comes from the bundle (see checker.reading.shop_calendar): national days with the
    status of their year (official or estimated), and the shop's closures and extra days."""

    def __init__(self, calendar):
        self.weekend = set(calendar["weekend"])
        self.close = parse_time(calendar["close_of_business"])
        covers = calendar.get("covers")
        self.first = parse_date(covers["from"]) if covers else None
        self.last = parse_date(covers["to"]) if covers else None
        self.estimated_years = set(item["year"] for item in calendar.get("years", []) if item["status"] == "estimated")
        self.holidays = {}
        self.closed = {}
        for holiday in calendar["holidays"]:
            days = self.closed if holiday.get("origin") == "shop" else self.holidays
            for day in range(parse_date(holiday["from"]), parse_date(holiday["to"]) + 1):
                days[day] = holiday.get("name")  # the public checker's data has no names for the shop's days
        self.swapped = set()
        self.extra = set()
        for item in calendar["working_days"]:
            (self.extra if item.get("origin") == "shop" else self.swapped).add(parse_date(item["date"]))

    def covers(self, days):
        return self.first is None or self.first <= days <= self.last

    def is_working_day(self, days):
        if days in self.closed:
            return False
        if days in self.extra or days in self.swapped:
            return True
        return weekday_name(days) not in self.weekend and days not in self.holidays

    def estimated(self, days):
        """True when the day's year has no published holiday arrangement yet."""
        return civil(days)[0] in self.estimated_years

    def add_working_days(self, received_minute, count):
        """Close of business on the count-th working day after the day received.

        Returns (minute number, list of the counted day numbers). The validator keeps at
        least one working weekday and closures short, so this always ends; the bound is a
        second guard for data that skipped validation."""
        day = received_minute // 1440
        limit = day + count * 7 + 3700
        counted = []
        while len(counted) < count and day < limit:
            day += 1
            if self.is_working_day(day):
                counted.append(day)
        return day * 1440 + self.close, counted


_LAST = [None, None]  # (calendar data, its WorkCalendar): a checker asks about one calendar


def work_calendar(calendar):
    """The WorkCalendar of this calendar data, built once while the same data is asked about
    (every answer in the checker decides again)."""
    if _LAST[0] is not calendar:
        _LAST[0], _LAST[1] = calendar, WorkCalendar(calendar)
    return _LAST[1]
