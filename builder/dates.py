"""Partial dates: a year, a month, a day or a time with zone, kept at the precision given.

A partial date is never padded: "2016" stays a year, it is not 1 January 2016. It sorts
before every more precise date inside its period and is displayed as what it is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import IntEnum

from dateutil.parser import isoparse

# Month names as calendar gives them, looked up once: calendar formats one with strftime
# at every lookup, and a build shows the date of every source.
_MONTH_NAMES = tuple(calendar.month_name)


class DateError(ValueError):
    """A date value that cannot be read, or names a day that does not exist."""


class Precision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3
    MINUTE = 4


_YEAR = re.compile(r"(\d{4})", re.ASCII)
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_SLASHED = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}", re.ASCII)
_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?", re.ASCII
)


@dataclass(frozen=True)
class PartialDate:
    """A calendar point known to the year, month, day or minute (with its zone)."""

    year: int
    month: int | None = None
    day: int | None = None
    moment: datetime | None = None  # set, with a zone, only at MINUTE precision

    @property
    def precision(self) -> Precision:
        if self.moment is not None:
            return Precision.MINUTE
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read `2016`, `2016-12`, `2016-12-22` or `2016-12-22T15:00+02:00`."""
        if isinstance(value, bool):
            raise DateError(f"{value!r} is not a date")
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, (datetime, date)):
            value = value.isoformat()
        if not isinstance(value, str):
            raise DateError(f"{value!r} is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or a time")
        text = value.strip()
        if text.startswith("0000"):
            raise DateError(f"{text!r}: there is no year 0; the years start at 0001")
        if match := _YEAR.fullmatch(text):
            return cls(int(match[1]))
        if match := _MONTH.fullmatch(text):
            year, month = int(match[1]), int(match[2])
            if not 1 <= month <= 12:
                raise DateError(f"{text!r}: there is no month {month}")
            return cls(year, month)
        if match := _DAY.fullmatch(text):
            year, month, day = int(match[1]), int(match[2]), int(match[3])
            _check_day(text, year, month, day)
            return cls(year, month, day)
        if match := _TIME.fullmatch(text):
            if not match[3]:
                raise DateError(f"{text!r}: a time needs its zone, such as +00:00 or Z")
            _check_day(text, int(text[0:4]), int(text[5:7]), int(text[8:10]))
            try:
                # Kept to the minute, the precision it is shown, sorted and exported at.
                moment = isoparse(text.replace(" ", "T")).replace(second=0, microsecond=0)
                # Seen from any zone, the time must still fall in a year we can show.
                (moment - timedelta(days=1)).astimezone(moment.tzinfo)
                (moment + timedelta(days=1)).astimezone(moment.tzinfo)
            except OverflowError:
                raise DateError(f"{text!r} is too near the limits of the calendar") from None
            except ValueError as error:
                raise DateError(f"{text!r}: {error}") from None
            return cls(moment.year, moment.month, moment.day, moment)
        suggestion = iso_form(text)
        if suggestion is not None:
            raise DateError(f"{text!r} is not in the form dates take here; write {suggestion}")
        if _SLASHED.fullmatch(text):
            raise DateError(
                f"{text!r} is not a date: it is ambiguous (day and month could be either "
                "way round); write it as YYYY-MM-DD"
            )
        raise DateError(
            f"{text!r} is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+00:00"
        )

    def in_zone(self, zone: tzinfo) -> PartialDate:
        """The same point seen from `zone` (only a time changes; a day has no zone)."""
        if self.moment is None:
            return self
        moment = self.moment.astimezone(zone)
        return PartialDate(moment.year, moment.month, moment.day, moment)

    def sort_key(self) -> tuple:
        """Order by period; a coarser date comes before the finer dates inside it."""
        minutes = -1
        if self.moment is not None:
            minutes = self.moment.hour * 60 + self.moment.minute
        return (self.year, self.month or 0, self.day or 0, minutes)

    def first_day(self) -> date:
        """The first day of the period: for comparisons only, never for display."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The last day of the period: for comparisons only, never for display."""
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def ends_before(self, other: PartialDate) -> bool:
        """True when this period is wholly over before `other` begins."""
        if self.moment is not None and other.moment is not None:
            return self.moment < other.moment
        return self.last_day() < other.first_day()

    def iso(self) -> str:
        """The value as written in content and exports, at its precision."""
        if self.moment is not None:
            text = self.moment.isoformat(timespec="minutes")
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """Human form: "2016", "December 2016", "22 December 2016", or with ", 15:00 UTC"."""
        if self.month is None:
            return str(self.year)
        month = _MONTH_NAMES[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        day = f"{self.day} {month} {self.year}"
        if self.moment is None:
            return day
        return f"{day}, {self.moment:%H:%M} {zone_label(self.moment)}"

    def __str__(self) -> str:
        return self.iso()


def states_day(text: str, day: str) -> bool:
    """Whether `text` writes the day `day` (YYYY-MM-DD): as year, month and day in either
    order of numbers, or with the month in words ("30 November 2024", "Nov. 30, 2024").
    For checking what a library read from a page or a feed: those pad a month to its 1st
    and roll "30 February" over into March."""
    if not _DAY.fullmatch(day):
        return False
    year, month, number = day.split("-")
    m, d = int(month), int(number)
    between = r"[^\d<>]{1,3}"  # "-", "/", ". ", "年"
    written = [
        f"{year}{month}{number}",
        f"{year}{between}0?{m}{between}0?{d}",
        f"0?{d}{between}0?{m}{between}{year}",
        f"0?{m}{between}0?{d}{between}{year}",
        # "30 November 2024", "November 30th, 2024", "30 de noviembre de 2024"
        rf"0?{d}(?:st|nd|rd|th)?[^\d<>]{{1,25}}{year}",
    ]
    return re.search(rf"(?<!\d)(?:{'|'.join(written)})(?!\d)", text) is not None


_LOOSE_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", re.ASCII)
_NUMBERS = re.compile(r"(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})", re.ASCII)
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", re.ASCII)


def iso_form(text: str) -> str | None:
    """How a date written some other way is written here ("13 March 2025", "2025/03/13",
    "2025-3-13": 2025-03-13), when the text states it whole and one way only: a day and
    month that could be either way round, or a date that needs the day it is read on
    ("Thursday", "13 March"), has none."""
    if match := _LOOSE_ISO.fullmatch(text):
        year, month, day = int(match[1]), int(match[2]), match[3]
        return _valid_iso(year, month, int(day) if day else None)
    if match := _NUMBERS.fullmatch(text):
        first, second, third = match.groups()
        if len(first) == 4:
            return _valid_iso(int(first), int(second), int(third))
        if len(third) != 4:
            return None  # a year of two digits: which century is not said
        readings = {
            _valid_iso(int(third), int(month), int(day))
            for day, month in ((first, second), (second, first))
        } - {None}
        return readings.pop() if len(readings) == 1 else None
    if not any(character.isalpha() for character in text) or len(text) > 60:
        return None
    from builder.temporal import tag

    # Read on two days far apart: a value that depends on the day read is not stated.
    found = {tuple((t.start, t.end, t.value) for t in tag(text, day)) for day in _FAR_APART}
    if len(found) != 1:
        return None
    (timexes,) = found
    if len(timexes) != 1:
        return None
    start, end, value = timexes[0]
    whole = not text[:start].strip() and not text[end:].strip(" .")
    return value if whole and _CALENDAR.fullmatch(value) else None


_FAR_APART = ("1901-02-03", "2099-10-20")


def _valid_iso(year: int, month: int, day: int | None) -> str | None:
    try:
        _check_day("", year, month, day if day is not None else 1)
    except DateError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _check_day(text: str, year: int, month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"{text!r}: {calendar.month_name[month]} {year} has {last} days")


def zone_label(moment: datetime) -> str:
    """A short zone name: the zone's abbreviation, or UTC±HH:MM when it has none."""
    offset = moment.utcoffset() or timedelta(0)
    name = moment.tzname()
    if offset == timedelta(0):
        return "UTC"
    if name and not name.startswith(("UTC", "+", "-")):
        return name
    sign = "+" if offset >= timedelta(0) else "-"
    total = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class DateSpan:
    """When an event happened: a point, a range from `start` to `end`, or ongoing since `start`."""

    start: PartialDate
    end: PartialDate | None = None
    ongoing: bool = False

    def in_zone(self, zone: tzinfo) -> DateSpan:
        end = self.end.in_zone(zone) if self.end else None
        return DateSpan(self.start.in_zone(zone), end, self.ongoing)

    def sort_key(self) -> tuple:
        end_key = self.end.sort_key() if self.end else ()
        return (self.start.sort_key(), self.ongoing, end_key)

    def display(self) -> str:
        if self.ongoing:
            return f"Since {self.start.display()}"
        if self.end is None:
            return self.start.display()
        start, end = self.start, self.end
        both_days = start.precision == end.precision == Precision.DAY
        if both_days and start.year == end.year:
            if start.month == end.month:
                return f"{start.day}–{end.display()}"
            return f"{start.day} {calendar.month_name[start.month]} – {end.display()}"
        return f"{start.display()} – {end.display()}"
