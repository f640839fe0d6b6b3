"""Calendar arithmetic on dates, and formatting of dates as TIMEX3 values at a granularity."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

GRANULARITIES = ("day", "week", "month", "quarter", "half", "year", "decade", "century")

_VALUE_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_VALUE_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_VALUE_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_VALUE_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_VALUE_HALF = re.compile(r"^(\d{4})-H(\d)$")
_VALUE_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_VALUE_YEAR = re.compile(r"^(\d{4})$")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def parse_date(text: str) -> date:
    """A date from 'YYYY-MM-DD' (any time part after it is ignored)."""
    return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


def format_at(day: date, granularity: str) -> str:
    """The TIMEX3 value of the period of `granularity` that contains `day`."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(granularity)


def shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` units (day, week, month, quarter, half, year, decade, century)."""
    # Days and weeks are plain timedeltas (much cheaper than a relativedelta, same dates).
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    if unit == "month":
        return day + relativedelta(months=amount)
    if unit == "quarter":
        return day + relativedelta(months=3 * amount)
    if unit == "half":
        return day + relativedelta(months=6 * amount)
    if unit == "year":
        return day + relativedelta(years=amount)
    if unit == "decade":
        return day + relativedelta(years=10 * amount)
    if unit == "century":
        return day + relativedelta(years=100 * amount)
    raise ValueError(unit)


def nearest_weekday(reference: date, weekday: int, direction: int) -> date:
    """The `weekday` on or before `reference` (direction < 0) or on or after it (> 0)."""
    if direction < 0:
        return reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The `nth` `weekday` of the month (nth -1: the last one), None past the month's end."""
    if nth < 0:
        following = date(year + month // 12, month % 12 + 1, 1)
        return nearest_weekday(following - timedelta(days=1), weekday, -1)
    day = nearest_weekday(date(year, month, 1), weekday, 1) + timedelta(days=7 * (nth - 1))
    return day if day.month == month else None


def nearest_month(reference: date, month: int, direction: int) -> int:
    """The year of the `month` nearest to `reference` on the side given by `direction`.

    direction < 0 means on or before, > 0 on or after, 0 the closest either way.
    """
    year = reference.year
    if direction < 0:
        return year if month <= reference.month else year - 1
    if direction > 0:
        return year if month >= reference.month else year + 1
    delta = month - reference.month
    if delta > 6:
        return year - 1
    if delta < -6:
        return year + 1
    return year


def nearest_day(reference: date, month: int, day: int) -> date | None:
    """The date with this month and day closest to `reference` (within half a year)."""
    year = nearest_month(reference, month, 0)
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=65536)  # the same values recur throughout a text, and across texts
def value_to_date(value: str) -> tuple[date, str] | None:
    """The first day of the period a TIMEX3 calendar value names, with its granularity."""
    match = _VALUE_DAY.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])), "day"
        except ValueError:
            return None
    match = _VALUE_WEEK.match(value)
    if match:
        try:
            return date.fromisocalendar(int(match[1]), int(match[2]), 1), "week"
        except ValueError:
            return None
    match = _VALUE_MONTH.match(value)
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1), "month"
    match = _VALUE_QUARTER.match(value)
    if match and 1 <= int(match[2]) <= 4:
        return date(int(match[1]), 3 * int(match[2]) - 2, 1), "quarter"
    match = _VALUE_HALF.match(value)
    if match and 1 <= int(match[2]) <= 2:
        return date(int(match[1]), 6 * int(match[2]) - 5, 1), "half"
    match = _VALUE_SEASON.match(value)
    if match:
        return date(int(match[1]), _SEASON_MONTH[match[2]], 1), "year"
    match = _VALUE_YEAR.match(value)
    if match:
        return date(int(match[1]), 1, 1), "year"
    return None


def year_span_end(first: str, last: str) -> int | None:
    """The last year of a span written `first`-`last` ("2022-23" ends in 2023), or None
    when it does not end after it begins."""
    end = int(last) if len(last) == 4 else int(first[:2] + last)
    return end if end > int(first) else None
