"""Calendar arithmetic on plain integers, so it behaves the same on CPython and MicroPython.

A date is a day number (days since 1970-01-01); a date-time is a minute number in the
shop's local time. Parsing returns None for anything that is not a real date or time.
"""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _leap(year) else _MONTH_DAYS[month - 1]


def day_number(year, month, day):
    """Days since 1970-01-01 (Howard Hinnant's days_from_civil)."""
    year -= month <= 2
    era = (year if year >= 0 else year - 399) // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil(days):
    """(year, month, day) for a day number."""
    days += 719468
    era = (days if days >= 0 else days - 146096) // 146097
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


def weekday_name(days):
    """'mon'..'sun' for a day number (1970-01-01 was a Thursday)."""
    return WEEKDAYS[(days + 3) % 7]


class WorkCalendar:
    """Working days from the rules' calendar: weekdays, minus holidays, plus swapped days."""

    def __init__(self, calendar):
        self.weekend = set(calendar["weekend"])
        self.close = parse_time(calendar["close_of_business"])
        self.first = parse_date(calendar["covers"]["from"])
        self.last = parse_date(calendar["covers"]["to"])
        self.holidays = {}
        for holiday in calendar["holidays"]:
            for day in range(parse_date(holiday["from"]), parse_date(holiday["to"]) + 1):
                self.holidays[day] = holiday["name"]
        self.swapped = set(parse_date(item["date"]) for item in calendar["working_days"])

    def covers(self, days):
        return self.first <= days <= self.last

    def is_working_day(self, days):
        if days in self.swapped:
            return True
        return weekday_name(days) not in self.weekend and days not in self.holidays

    def add_working_days(self, received_minute, count):
        """Close of business on the count-th working day after the day received.

        Returns (minute number, list of the counted day numbers)."""
        day = received_minute // 1440
        counted = []
        while len(counted) < count:
            day += 1
            if self.is_working_day(day):
                counted.append(day)
        return day * 1440 + self.close, counted
