"""Normalisation: the TIMEX3 type and value of a recognised expression, in its context.

Each grammar branch has a function taking the matched text and the `Context`
(publication date, the date the text is currently talking about, tense) and returning
a `Reading` or None when the match turns out not to be temporal ("may" the verb).
This module has the calendar dates, clock times, weekdays, deictic and relative
expressions, durations and sets; `periods` the business reporting periods, `tokens` the
reading of the words, `context` the state carried through a text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from datetime import date, timedelta

from dateutil.easter import easter

from builder.temporal import calendar as cal
from builder.temporal.context import NARRATIVE_REACH, Context, Handler, Reading
from builder.temporal.grammar import (
    CLOCK,
    HOLIDAY,
    MONTH,
    MONTH_DAY,
    NUMERIC_DAY,
    PART,
    WEEKDAY,
    WEEKDAY_SHORT,
    YEAR,
    ZONE,
)
from builder.temporal.lexicon import (
    CAPITALISED_MONTHS,
    CAPITALISED_WEEKDAYS,
    DAY_EDGES,
    FREQUENCY_ADVERBS,
    GERMAN_MONTHS_SPELLED_AS_ENGLISH,
    LOWER_CASE_MONTHS,
    LOWER_CASE_WEEKDAYS,
    MONTHS,
    OTHER_LANGUAGE_DEICTIC_DAYS,
    OTHER_LANGUAGE_FUTURE_WORDS,
    OTHER_LANGUAGE_PAST_WORDS,
    OTHER_LANGUAGE_WEEK_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    ZONES,
)
from builder.temporal.numbers import parse_ordinal
from builder.temporal.periods import (
    _compares_quarters,
    _fiscal,
    _half,
    _period,
    _quarter,
    _reference_quarter,
    _wholeyear,
    _year_before,
    _yearend,
)
from builder.temporal.tense import (
    MOVED,
    changed_from,
    closely_future,
    closely_past,
    hedged_ahead,
    sent_to_appear,
    sentence_bounds,
    set_for,
)
from builder.temporal.tokens import (
    _DAY_TOKEN,
    _MONTH_TOKEN,
    _PART_TOKEN,
    _SEASON_TOKEN,
    _UNIT_TOKEN,
    _WEEKDAY_TOKEN,
    _WOULD,
    YEAR_TOKEN,
    _amount,
    _day_date,
    _month_is_name,
    _month_of,
    _relative_year,
    _unit_of,
    _words,
    _year_of,
    duration_value,
    year_after_statement,
    year_going_on,
    year_of_month,
    year_opening_sentence,
)

# Nouns that make a four-digit number a count rather than a year.
_COUNTED = re.compile(
    r"\s+(?:people|persons|troops|shares|soldiers|civilians|km|kilometres|kilometers|miles|feet"
    r"|meters|metres|tons|tonnes|dollars|points|members|votes|cars|units|students|workers"
    r"|employees|jobs|barrels|acres|pounds|euros|yen|marks|francs|refugees|prisoners|homes"
    r"|deaths|cases|calories|rounds|pages|hectares|ft|m|kg|police|officers|fighters"
    r"|residents|patients|children|women|men|families|households|buildings|houses|vehicles"
    r"|tanks|rockets|missiles|drones|shells|flights|passengers|migrants|voters|protesters"
    r"|demonstrators|militants|rebels|wounded|injured|dead|schools|trucks|lorries|boats"
    r"|ships|aircraft|planes|animals|sheep|cattle|tonnes|visitors|fans|staff)\b",
    re.IGNORECASE,
)


# "In 2011 protesters marched": after these, a year before a plural noun is still a year.
_DATE_PREPOSITION = re.compile(r"\b(?:in|since|by|until|till|from|during|before|after)\s+$", re.I)
# A label the number names a thing by: "Room 2019", "exit 1990", "Flight 1549".
_PRECEDING_NUMBER_SIGN = re.compile(
    r"(?:No\.|Nos\.|\b(?:number|room|flight|route|highway|page|exit|gate|platform|junction"
    r"|bus|terminal|ward|suite|apartment|block|item|article|clause|section|chapter|resolution"
    r"|bill|case|model|version|code|ticket|seat|row|box|lot|plot|hall|level|floor))\s*$|#\s*$",
    re.IGNORECASE,
)


def _iso(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if cal.value_to_date(text[:10]) is None:
        return None
    if "T" in text.upper():
        value = text.upper().replace("+00:00", "Z")
        return Reading("TIME", value, anchors=True)
    return Reading("DATE", text, anchors=True)


def _slash(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """04/03/2025 or 04-03-2025: month or day first as the text's language writes them."""
    first, second, year = (int(part) for part in re.split(r"[/-]", text))
    day, month = (first, second) if ctx.day_first else (second, first)
    if month > 12 >= day:  # "25/12/2024" can only be read one way
        day, month = month, day
    if year < 100:
        year += 1900 if year > 30 else 2000
    reading = _calendar_day(year, month, day)
    if reading is not None and day != month and day <= 12:
        # "was adopted on 11/03/2023", published on 22 March 2023: 3 November has not come,
        # 11 March has; the tense tells which the text means when one side of the
        # publication day has only one of the readings.
        other = _calendar_day(year, day, month)
        side = _side_of(reading.value, ctx.dct)
        if other and side and _side_of(other.value, ctx.dct) == -side == ctx.tense(start, end):
            return other
    return reading


def _side_of(day: str, dct: date) -> int:
    """-1, 0 or 1: whether `day` (YYYY-MM-DD) is before, on or after the publication day."""
    published = dct.isoformat()
    return (day > published) - (day < published)


_FRACTION_SPAN = re.compile(r"\s+(?:and|to)\s+\d{1,2}/\d{1,2}\s+of\b", re.IGNORECASE)
_DAY_SPAN_OPENED = re.compile(
    r"\b(?:from|between)\s+\d{1,2}/\d{1,2}\s+(?:and|to)\s+$", re.IGNORECASE
)


def _day_month(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """14/03 (or 3/14 in American text): that day in the year the context gives."""
    if text.endswith("24/7"):
        return None  # round the clock
    if _FRACTION_SPAN.match(ctx.text, end):
        return None  # "between 1/3 and 1/2 of the crop"
    closing = ctx.text[max(0, start - 4) : start].lower().endswith(("and ", "to "))
    if closing and not _DAY_SPAN_OPENED.search(ctx.text, max(0, start - 30), start):
        return None  # "and 3/4": the close of a span of days only
    first, second = (int(part) for part in text.split()[-1].split("/"))
    day, month = (first, second) if ctx.day_first else (second, first)
    if month > 12 >= day:
        day, month = month, day
    if month > 12:
        return None
    return _calendar_day(year_of_month(ctx, month, start, end), month, day)


def _numeric_month(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    month, year = (int(part) for part in text.split("/"))
    return Reading("DATE", f"{year:04d}-{month:02d}", anchors=True)


def _dotted(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    day, month, year = (int(part) for part in text.split("."))
    return _calendar_day(year, month, day)


def _year_first(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    year, month, day = (int(part) for part in text.split("/"))
    return _calendar_day(year, month, day)


def _calendar_day(year: int, month: int, day: int) -> Reading | None:
    try:
        return Reading("DATE", date(year, month, day).isoformat(), anchors=True)
    except ValueError:  # 31.02.2025
        return None


_CLOCK_PARTS = re.compile(
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)"
    r"|(?P<h24>\d{1,2})[:h.](?P<m24>\d\d)|(?P<hhmm>\d{4})|(?P<word>noon|midnight|midday)"
    r"|(?P<oclock>\d{1,2})\s*o['’]clock)",
    re.IGNORECASE,
)


_ZONE_TOKEN = re.compile(r"\b(GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST)\b")


# The day a clock time is on, named just before or after it.
_NAMED_DAY = rf"({WEEKDAY}|today|tomorrow|yesterday)"
_DAY_BEFORE = re.compile(
    rf"(?<!\w){_NAMED_DAY}(?:\s+{PART})?,?\s+at\s+$",
    re.IGNORECASE,
)
# "at 10 a.m. local time (0800 GMT) on Monday", "8:30 a.m. Eastern Time on Thursday", "6pm
# local (1500 GMT) on Sunday", "9:30 a.m. Eastern on Monday".
_DAY_AFTER = re.compile(
    r"\s*(?:(?:[a-z]+\s+){1,2}?time\b\s*|(?:local|eastern|central|mountain|pacific)\b\s*)?"
    r"\)?\s*,?\s*(?:\([^)]{0,25}\)\s*)?(?:on\s+)?"
    rf"(?:the\s+(?={WEEKDAY}))?"  # "on the Friday": see _resolve_weekday
    rf"((?:(?:{WEEKDAY}|{WEEKDAY_SHORT}),?\s+)?(?:{MONTH_DAY}|{NUMERIC_DAY})|{_NAMED_DAY})\b",
    re.IGNORECASE,
)


_DAY_LATER = re.compile(
    rf"\s+(?:on|at|in)\s+[^.;:!?,\d\n]{{1,30}}?\s+on\s+({WEEKDAY}|{MONTH_DAY}|today|tomorrow)\b",
    re.IGNORECASE,
)


# "with 1:12 left": the time a game has still to run, not a time of day.
_TIME_LEFT = re.compile(r"\s+(?:left|remaining|to\s+go|to\s+play)\b", re.IGNORECASE)
# What tells the hour of "3 o'clock" from the night's or the day's.
_PART_OF_DAY_AFTER = re.compile(
    r"\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b", re.I
)


def _hour_minute(parts: re.Match[str]) -> tuple[int, int] | None:
    """The hour (0 to 24) and minute of a clock time read by _CLOCK_PARTS."""
    minute = 0
    if parts.group("word"):
        hour = 24 if parts.group("word").lower() == "midnight" else 12
    elif parts.group("hhmm"):
        hour, minute = int(parts.group("hhmm")[:2]), int(parts.group("hhmm")[2:])
    elif parts.group("oclock"):
        hour = int(parts.group("oclock"))  # as written; see _oclock_hour
    elif parts.group("h24"):
        hour, minute = int(parts.group("h24")), int(parts.group("m24"))
    else:
        hour = int(parts.group("h"))
        minute = int(parts.group("m") or 0)
        if hour > 12:
            return None
        pm = parts.group("ampm").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if hour > 24 or minute > 59:
        return None
    return hour, minute


def _clock(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    parts = _CLOCK_PARTS.search(text)
    if parts is None or (parts.group("h24") and _TIME_LEFT.match(ctx.text, end)):
        return None
    time = _hour_minute(parts)
    if time is None:
        return None
    hour, minute = time
    if parts.group("oclock"):
        hour = _oclock_hour(hour, ctx.text, end)
    rest = text[parts.end() :]
    day = _day_reference(rest, start + parts.end(), end, ctx)
    if day is None:
        # "between 7am and 10pm on 1 May": the range's day is the first time's too, or
        # the day before when it is later in the day ("from 20:00 to 06:00 on Monday").
        span_end = _CLOCK_SPAN_END.match(ctx.apart, end)
        following = _DAY_AFTER.match(ctx.apart, span_end.end() if span_end else end)
        if following:
            day = _day_reference(following.group(1), following.start(1), following.end(1), ctx)
        closing = span_end and _CLOCK_PARTS.search(span_end.group())
        if day is not None and closing and time > (_hour_minute(closing) or time):
            if hour == 24:
                hour = 0  # "from midnight to 6am on Friday": the midnight Friday begins with
            else:
                day = cal.shift(day, -1, "day")
    if day is None:
        # "flights resume tomorrow at 6 a.m.", "on Monday at 9 a.m."
        before = _DAY_BEFORE.search(ctx.apart, max(0, start - 40), start)
        if before:
            day = _day_reference(before.group(1), before.start(1), before.end(1), ctx)
    if day is None and " on " in ctx.text[end : end + 50].lower():
        # "airs at 9pm on BBC One on Sunday": the day after a place or channel
        later = _DAY_LATER.match(ctx.apart, end)
        if later:
            day = _day_reference(later.group(1), later.start(1), later.end(1), ctx)
    # "10:42 GMT — ...": a live blog entry's time, on the day its blog is at (the
    # publication day unless a heading named another), whatever older date came before.
    entry = day is None and _opens_entry(ctx.text, start, end)
    if entry:
        day = ctx.heading_day or ctx.dct
    every_week = (
        day is None
        and "day" in ctx.text[max(0, start - 50) : start].lower()  # cheap test first
        and _EVERY_WEEK_BEFORE.search(ctx.text, max(0, start - 50), start)
    )
    named = day is not None
    if day is None and ctx.anchor_is_day and not every_week and not _day_told_far_back(ctx, start):
        day = ctx.narrative_day(start)  # "Rescuers arrived at 1430 GMT": the day told of
        if hour is not None and _night_goes_on(ctx, start, day, hour):
            day = cal.shift(day, 1, "day")  # "closed at 10pm on Thursday ... after 1am"
        ends_the_day = hour == 24 and (
            _BEFORE_MIDNIGHT.search(ctx.text, max(0, start - 12), start)
            or _DEADLINE_AFTER.match(ctx.text, end)
        )
        if hour == 24 and day == ctx.dct and not ends_the_day and ctx.tense(start, end) < 0:
            day = cal.shift(day, -1, "day")  # "watched at midnight": the one the day began with
        elif hour == 24 and _starts_the_day_told(ctx, start, day):
            day = cal.shift(day, -1, "day")
    if day is None and _SAID_AT.search(ctx.text, max(0, start - 40), start):
        day = ctx.dct  # "Thune said at 9:45 p.m.": a statement of the day the story is written
    if hour == 24 and day is not None and _after_midnight(ctx.text, start + parts.start()):
        # "shortly after midnight on Saturday": Saturday's small hours; "just after midnight",
        # the small hours of the day after the one the midnight ends
        return Reading("DATE", (day if named else cal.shift(day, 1, "day")).isoformat())
    zone = _ZONE_TOKEN.search(text)
    suffix = "Z" if zone and ZONES[zone.group(1).lower()] == 0 else ""
    # A time in a narrative that has moved to a year or a month: its day is not known.
    on = day.isoformat() if day is not None else "XXXX-XX-XX"
    if hour is None:  # "at 3 o'clock on Friday": the day, not which 3 o'clock
        return Reading("DATE", on, anchors=bool(entry)) if day is not None else None
    return Reading("TIME", f"{on}T{hour:02d}:{minute:02d}{suffix}", anchors=bool(entry))


_AFTER = re.compile(r"\bafter\s+$", re.IGNORECASE)


def _after_midnight(text: str, at: int) -> bool:
    """Whether the midnight at `at` is one something came after."""
    return _AFTER.search(text, max(0, at - 8), at) is not None


# A time of day from this hour on is in the evening; before this one, in the small hours.
_EVENING_FROM, SMALL_HOURS_UNTIL = 18, 6


def _night_goes_on(ctx: Context, start: int, day: date, hour: int) -> bool:
    """Whether a time in the small hours at `start`, told just after a time in the evening
    of `day`, is in the night after it: "Polls closed at 10pm on Thursday and counting
    continued, with the first results declared shortly after 1am" (Friday's)."""
    told = ctx.clock_told
    return (
        told is not None
        and told[0] == day
        and told[1] >= _EVENING_FROM
        and hour < SMALL_HOURS_UNTIL
        and start - ctx.clock_told_at < NARRATIVE_REACH
    )


def _oclock_hour(hour: int, text: str, end: int) -> int | None:
    """The hour (0 to 24) of "3 o'clock", as what follows it tells ("in the afternoon",
    "at night"); None when nothing does: the night's 3 o'clock or the afternoon's."""
    part = _PART_OF_DAY_AFTER.match(text, end)
    if part is None:
        return None
    if part.group("part") and part.group("part").lower() == "morning":
        return hour % 12
    return 24 if hour == 12 and part.group("night") else hour % 12 + 12


# "hours before a midnight deadline", "minutes before midnight": the midnight that ends the
# day told of, ahead of what came before it.
_BEFORE_MIDNIGHT = re.compile(r"\bbefore\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"\s+deadline\b", re.IGNORECASE)


# "From tomorrow, fares rise. The change takes effect at midnight.": the midnight a change
# starts at opens the day it was said to start from.
_STARTS_AT = re.compile(
    r"\b(?:takes?\s+effect|comes?\s+into\s+(?:force|effect)|goes?\s+into\s+effect|kicks?\s+in"
    r"|begins?|starts?|applies)\s+at\s+$",
    re.IGNORECASE,
)
_FROM_DAY = re.compile(r"\b(?:from|starting|beginning|as\s+of|effective)\s+$", re.IGNORECASE)


def _starts_the_day_told(ctx: Context, start: int, day: date) -> bool:
    """Whether a midnight at `start` starts something on `day`, a day the text said it
    would start from."""
    return (
        day == ctx.day_anchor
        and _STARTS_AT.search(ctx.text, max(0, start - 40), start) is not None
        and _FROM_DAY.search(ctx.text, max(0, ctx.day_anchor_at - 20), ctx.day_anchor_at)
        is not None
    )


_SAID_AT = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}|announced|declared|tweeted|wrote)\s+"
    r"(?:(?:late|early)\s+)?at\s+$",
    re.IGNORECASE,
)
_CLOCK_SPAN_END = re.compile(
    rf"\s*(?:and|to|until|till|-|–)\s*{CLOCK}{ZONE}?(?=,?\s+(?:on\s+)?\w)", re.IGNORECASE
)
# What follows a live blog entry's time: a dash or a colon ("10:42 GMT — ..."), or the
# close of the bold or italics it is set in ("**18.45 GMT** The prime minister ...").
_ENTRY_TIME = re.compile(r"[*_]*\s*(?:[—–-]|:)\s|(?P<emphasis>[*_]+)\s+[\"“‘'(]?[A-Z0-9]")


def _opens_entry(text: str, start: int, end: int) -> bool:
    """Whether the time at text[start:end] opens a live blog entry: alone at the start of
    its line, before a dash, a colon or the close of its emphasis."""
    follows = _ENTRY_TIME.match(text, end)
    if follows is None or not _opens_line(text, start):
        return False
    return not follows.group("emphasis") or text[max(0, start - 1) : start] in ("*", "_")


def _opens_line(text: str, start: int) -> bool:
    head = text[max(0, start - 8) : start]
    return not head.split("\n")[-1].strip(" \t*_#>") and ("\n" in head or start <= 8)


_HOLIDAY = re.compile(rf"{HOLIDAY}(?:,?\s+{YEAR})?", re.IGNORECASE)
_NUMERIC_DAY_PARTS = re.compile(r"(\d{1,2})([/.])(\d{1,2})(?:[/.](\d{4}|\d\d))?")


def _numeric_day(parts: re.Match[str], start: int, end: int, ctx: Context) -> date | None:
    """The day a numeric date names: month or day first as the text's language writes
    them with slashes, day first with dots; the year the context gives when none is."""
    first, second = int(parts.group(1)), int(parts.group(3))
    day, month = (second, first) if parts.group(2) == "/" and not ctx.day_first else (first, second)
    if month > 12 >= day:
        day, month = month, day
    if month > 12:
        return None
    year = int(parts.group(4)) if parts.group(4) else year_of_month(ctx, month, start, end)
    if year < 100:
        year += 2000
    reading = _calendar_day(year, month, day)
    return date.fromisoformat(reading.value) if reading else None


_DAY_BESIDE = re.compile(r"\bthe\s+(next|following|previous|preceding)\s")


def _day_reference(text: str, start: int, end: int, ctx: Context) -> date | None:
    """The day named in `text` by a weekday, today/yesterday/tomorrow or a month and day."""
    lower = text.lower()
    if "yesterday" in lower or "last night" in lower:
        return cal.shift(ctx.dct, -1, "day")
    if "tomorrow" in lower:
        return cal.shift(ctx.dct, 1, "day")
    if "today" in lower or "tonight" in lower or "this " in lower:
        return ctx.dct  # "this morning"
    beside = _DAY_BESIDE.search(lower)
    if beside:  # "at 05:10 the next morning": the day after (or before) the one told of
        told = ctx.day_anchor if start - ctx.day_anchor_at < NARRATIVE_REACH else None
        step = -1 if beside.group(1) in ("previous", "preceding") else 1
        return cal.shift(told, step, "day") if told is not None else None
    if _month_of(text) and _DAY_TOKEN.search(text):
        return _day_date(ctx, text, start, end)
    numeric = _NUMERIC_DAY_PARTS.search(text)
    if numeric:  # "at 12:00 on 15/03", "06:00 on Monday 17.03.2025"
        return _numeric_day(numeric, start, end, ctx)
    holiday = _HOLIDAY.search(text)  # "at 11pm on New Year's Eve"
    if holiday:
        reading = _holiday(holiday.group(), start + holiday.start(), start + holiday.end(), ctx)
        return date.fromisoformat(reading.value) if reading else None
    weekday = _WEEKDAY_TOKEN.search(text)
    if weekday and lower.endswith(" week"):  # "at 11am on Friday week"
        return _week_after_coming(ctx, WEEKDAYS[weekday.group(1).lower()])
    if weekday:
        return _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1).lower()], start, end)
    return None


# "the October 7 attack", "the Jan. 6 riot": a day naming a past event, whose year the
# text does not give; the nearest such day is meant only when the event is recent.
_EVENT_NAMED_BY_DAY = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|riots?|bombings?|massacres?|killings|shootings?"
    r"|raids?|uprising|coup|invasion|assault|insurrection|atrocities)\b",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _date(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if not _month_is_name(text):
        return None
    day = _day_date(ctx, text, start, end)
    if day is None:
        return None
    if _year_of(text) is None and _turns_every_year(ctx, start):
        return Reading("DATE", f"XXXX-{day.month:02d}-{day.day:02d}")  # "year ends on 31 March"
    if (
        _year_of(text) is None
        and ctx.stated_year(start) is None
        and not 0 <= (ctx.dct - day).days <= 31
        and _EVENT_NAMED_BY_DAY.match(ctx.text, end)
        and _THE_BEFORE.search(ctx.text, max(0, start - 5), start)
    ):
        return Reading("DATE", f"XXXX-{day.month:02d}-{day.day:02d}")
    return Reading("DATE", day.isoformat(), anchors=True)


_OTHER_LANGUAGE_DATE = re.compile(r"(\d+)(?:er)?\.?\s+(?:de\s+)?(\w+)", re.IGNORECASE)


def _german_month(name: str) -> int | None:
    """The month a capitalised name gives in German ("März", "September")."""
    lower = name.lower()
    return CAPITALISED_MONTHS.get(lower) or GERMAN_MONTHS_SPELLED_AS_ENGLISH.get(lower)


def _other_language_date(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "le 3 mars", "3. März 2025": the day, in the year the text gives or the context
    does. A French, Spanish or Italian month is written in lower case ("3 Mars" is no
    date), a German one capitalised."""
    parts = _OTHER_LANGUAGE_DATE.search(text)  # after the weekday: "mardi 4 mars"
    if parts is None:
        return None
    name = parts.group(2)
    month = LOWER_CASE_MONTHS.get(name) if name.islower() else _german_month(name)
    if month is None or (not name.islower() and _NAME_AFTER.match(ctx.text, end)):
        return None  # "2 Mai Tais"
    number = int(parts.group(1))
    year = _year_of(text[parts.end() :]) or _year_in_its_language(ctx, month, number, start, end)
    try:
        day = date(year, month, number)
    except ValueError:
        return None
    return Reading("DATE", day.isoformat(), anchors=True)


_WORD_OF_WEEK = re.compile(r"[^\W\d_]+")


# What a French month comes after ("en mars 2024", "fin mars 2024"), unlike the English verb
# "mars" ("Violence mars 2024 poll").
_FRENCH_BEFORE_MONTH = re.compile(
    r"\b(?:en|de|depuis|dès|fin|début|mi-|jusqu['’]en|avant|après|le\s+mois\s+de)\s*$", re.I
)


def _other_language_month(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "mars 2024", "en juin", "en décembre dernier": a month named in another language,
    in the year the text gives, the one its words tell (the last such month, the coming
    one), or else as an English one is. Its case as for a day's (see
    _other_language_date)."""
    name, *rest = _WORD_OF_WEEK.findall(text)
    month = LOWER_CASE_MONTHS.get(name) if name.islower() else CAPITALISED_MONTHS.get(name.lower())
    verb = name == "mars" and not _FRENCH_BEFORE_MONTH.search(ctx.text, max(0, start - 12), start)
    if month is None or verb:
        # "Mars 2024 mission", "Violence mars 2024 poll": the year alone
        year = YEAR_TOKEN.search(text)
        if year is None:
            return None
        return Reading("DATE", year.group(1), anchors=True, start=start + year.start())
    step = OTHER_LANGUAGE_WEEK_WORDS.get(rest[0].lower(), 0) if rest else 0
    if step:
        year = cal.nearest_month(cal.shift(ctx.dct, step, "month"), month, step)
    else:
        year = _year_of(text) or _year_in_its_language(ctx, month, 0, start, end)
    return Reading("DATE", f"{year:04d}-{month:02d}", anchors=True)


def _other_language_weekday(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "mardi", "el martes", "am Dienstag", "mardi prochain": a weekday named in another
    language, in the week its words tell, else as an English one is. French, Spanish and
    Italian write it in lower case (a capital is a name's: "Mardi Gras", "Domingo said"),
    German capitalised."""
    step, weekday = 0, None
    for word in _WORD_OF_WEEK.findall(text):
        lower = word.lower()
        if lower in OTHER_LANGUAGE_WEEK_WORDS:
            step = OTHER_LANGUAGE_WEEK_WORDS[lower]
        elif lower in CAPITALISED_WEEKDAYS:
            weekday = CAPITALISED_WEEKDAYS[lower] if word[0].isupper() else None
        elif word.islower():
            weekday = LOWER_CASE_WEEKDAYS.get(lower)
    if weekday is None:
        return None
    if step:
        day = cal.nearest_weekday(cal.shift(ctx.dct, step, "day"), weekday, step)
    elif _told_to_come(ctx.text, start, end):
        day = cal.nearest_weekday(ctx.dct, weekday, 1)
    elif _told_as_done(ctx.text, start, end):
        day = cal.nearest_weekday(ctx.dct, weekday, -1)
    else:
        day = _resolve_weekday(ctx, text.lower(), weekday, start, end)
    return Reading("DATE", day.isoformat())


# The ending of a verb in the future tense: Spanish "disolverán", "convocará", Italian
# "voterà", "voteranno", French "voteront", "finiront" (not the French "-ra", as the
# Spanish "primera" ends).
_FUTURE_ENDING = re.compile(r"\w\w(?:rá|rán|rà|ranno|eront|iront)$", re.IGNORECASE)


# The past of French and Italian told with "a"/"ha" ("a démissionné", "ha votato"), and the
# Spanish and Italian simple past ("aprobó", "dimitieron", "parlò").
_HAS_DONE = re.compile(r"^\w+(?:é|ée|és|ées|i|is|it|u|us|ato|ata|uto|ito)$", re.IGNORECASE)
_SIMPLE_PAST = re.compile(r"\w\w[óò]$|\w(?:aron|ieron)$", re.IGNORECASE)


def _week_word_beside(text: str, start: int, end: int) -> int:
    """The step the word just before or after text[start:end] gives ("el pasado 3 de
    marzo": -1, "le 5 mai prochain": 1; OTHER_LANGUAGE_WEEK_WORDS), else 0."""
    before = _WORD_OF_WEEK.findall(text, max(0, start - 14), start)
    after = _WORD_OF_WEEK.match(text, end + 1) if text[end : end + 1] == " " else None
    for word in (before[-1] if before else "", after.group() if after else ""):
        if word.lower() in OTHER_LANGUAGE_WEEK_WORDS:
            return OTHER_LANGUAGE_WEEK_WORDS[word.lower()]
    return 0


def _told_as_done(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] says in French, Spanish, Italian or
    German that what it tells is done."""
    left, right = sentence_bounds(text, start, end)
    words = [word.lower() for word in _WORD_OF_WEEK.findall(text, left, right)]
    return any(
        word in OTHER_LANGUAGE_PAST_WORDS
        or _SIMPLE_PAST.search(word)
        or (word in ("a", "ha") and _HAS_DONE.match(following))
        for word, following in zip(words, [*words[1:], ""], strict=True)
    )


def _year_in_its_language(ctx: Context, month: int, day: int, start: int, end: int) -> int:
    """The year of a day (or, `day` 0, of a month) named in another language without one:
    a timeline heading's; else the nearest such day ahead or gone, as its sentence's verbs
    tell in that language; else as for an English one."""
    year = ctx.timeline_year(start)
    if year is not None:
        return year
    side = _week_word_beside(ctx.text, start, end)
    if side == 0 and _told_to_come(ctx.text, start, end):
        side = 1
    elif side == 0 and _told_as_done(ctx.text, start, end):
        side = -1
    elif side == 0:
        return year_of_month(ctx, month, start, end)
    if not day:
        return cal.nearest_month(ctx.dct, month, side)
    told, today = (month, day), (ctx.dct.month, ctx.dct.day)
    if side > 0:
        return ctx.dct.year + (1 if told < today else 0)
    return ctx.dct.year - (1 if told > today else 0)


def _told_to_come(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] says in French, Spanish, Italian or
    German that what it tells is to come (OTHER_LANGUAGE_FUTURE_WORDS)."""
    left, right = sentence_bounds(text, start, end)
    words = _WORD_OF_WEEK.findall(text, left, right)
    return any(
        word.lower() in OTHER_LANGUAGE_FUTURE_WORDS or _FUTURE_ENDING.search(word) for word in words
    )


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _nth_weekday(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "the first Tuesday of December": that day, in the year the context gives."""
    words = _words(text)
    weekday = _WEEKDAY_TOKEN.search(text)
    month = _month_of(text)
    if weekday is None or month is None or not _month_is_name(text):
        return None
    ordinal = words[1] if words[0] == "the" else words[0]
    nth = _NTH.get(ordinal) or parse_ordinal(ordinal)
    year = _year_of(text) or year_of_month(ctx, month, start, end)
    day = cal.nth_weekday(year, month, WEEKDAYS[weekday.group(1).lower()], nth or 0)
    return Reading("DATE", day.isoformat(), anchors=True) if nth and day else None


def _monthyear(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if not _month_is_name(text):
        return None
    month = _month_of(text)
    words = _words(text)
    year = _relative_year(words, ctx.dct.year) or _year_of(text)
    if year is None and words[-2] in ("that", "same"):
        year = ctx.year_told()  # "in December that year"
    if month is None or year is None:
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}", anchors=True)


def _century(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    ordinal = re.search(r"(\d{1,2})(?:st|nd|rd|th)|([a-z]+(?:-[a-z]+)?)[-\s]century", text, re.I)
    if ordinal is None:
        return None
    number = int(ordinal.group(1)) if ordinal.group(1) else parse_ordinal(ordinal.group(2))
    if not number:
        return None
    return Reading("DATE", f"{number - 1:02d}")


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


# "a man in his sixties", "until her late seventies": a decade of a life, an age.
_LIFE_OWNER = re.compile(r"\b(?:his|her|their|my|your|our)\s+$", re.IGNORECASE)


def _decade(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    if _LIFE_OWNER.search(ctx.text, max(0, start - 8), start):
        return None
    digits = re.search(r"(\d{3})0['’]?s", lower)
    if digits:
        return Reading("DATE", digits.group(1))
    short = re.search(r"['’](\d)0s", lower)
    if short:
        return Reading("DATE", f"19{short.group(1)}")
    for word, tens in _DECADE_WORDS.items():
        if word in lower:
            return Reading("DATE", f"19{tens}")
    return None


def _season(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    season = _SEASON_TOKEN.search(text)
    if season is None:
        return None
    code = SEASONS[season.group(1).lower()]
    if code == "FA" and words[0] == "fall" and len(words) == 1:
        return None
    if words[0] == "the" and len(words) == 2 and _in_a_name(text, start, end, ctx):
        return None  # "the winter World Cup of 2022", "the Summer Olympics": part of a name
    year = _year_of(text)
    if year is None and "that" in words:
        # "in 2021. That autumn, ...", "later that summer": the season of the year told; not
        # "warned that winter would be harsh"
        joins = words[0] == "that" and text[0] == "t"
        if joins and not _TIME_PREPOSITION.search(ctx.text, max(0, start - 10), start):
            return None
        return Reading("DATE", f"{ctx.year_told():04d}-{code}", anchors=True)
    told = re.match(r"the\s+(following|next|previous|preceding)\s", text, re.IGNORECASE)
    if year is None and told and code in _SEASON_MONTHS:
        # "rejected in October 2024 ... submitted the following spring": after the date told
        first, last = _SEASON_MONTHS[code]
        if told.group(1).lower() in ("following", "next"):
            year = ctx.anchor.year + (1 if first <= ctx.anchor.month else 0)
        else:
            year = ctx.anchor.year - (1 if last >= ctx.anchor.month else 0)
    if year is None:
        year = ctx.dct.year
        if "last" in words or ("past" in words and "this" not in words):
            year -= 1
        elif "next" in words:
            season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
            if season_month <= ctx.dct.month:
                year += 1
        elif "this" not in words and code in _SEASON_MONTHS:
            # "ended in the spring" written in February is last year's spring; "will
            # open in the spring" written in November, next year's.
            first, last = _SEASON_MONTHS[code]
            tense = ctx.tense(start, end)
            if _DEADLINE.search(ctx.text, max(0, start - 12), start):
                tense = 1  # "denied a request to delay the trial until the spring"
                span = start - ctx.year_at < 60
                if span and _FROM_BEFORE.search(ctx.text, max(0, ctx.year_at - 10), start):
                    # "closes from January until the autumn": the first after the span's start
                    told = ctx.anchor
                    year = told.year + (1 if first < told.month else 0)
                    return Reading("DATE", f"{year:04d}-{code}")
            elif tense < 0 and _FORECAST_BEFORE.search(ctx.text, max(0, start - 60), start):
                tense = 1  # "signalled cuts were unlikely before the summer": a forecast
            if tense < 0 and first > ctx.dct.month:
                year -= 1
            elif tense > 0 and last < ctx.dct.month:
                year += 1
    return Reading("DATE", f"{year:04d}-{code}")


_FORECAST_BEFORE = re.compile(
    r"\b(?:unlikely|likely|expected|possible|probable|improbable|due)\b[^.;:!?]{0,30}?"
    r"\b(?:before|by|until|till)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NAME_AFTER_SEASON = re.compile(r"\s+[A-Z][a-z]")
_TIME_PREPOSITION = re.compile(r"\b(?:in|during|through|over|since|until|by)\s+$", re.I)


def _in_a_name(text: str, start: int, end: int, ctx: Context) -> bool:
    """Whether "the <season>" is part of a name: the season capitalised, or a capitalised word
    after it other than a clause's subject ("in the summer Biden visited")."""
    if not _NAME_AFTER_SEASON.match(ctx.text, end):
        return False
    return text.split()[-1][0].isupper() or not _TIME_PREPOSITION.search(
        ctx.text, max(0, start - 10), start
    )


_FROM_BEFORE = re.compile(r"\bfrom\s", re.IGNORECASE)


# The months a season spans within one year (winter straddles two: left as it is).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _yearpos(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    year = _year_of(text)
    if year is None:
        return None
    return Reading("DATE", f"{year:04d}", anchors=True)


_RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|after|before|ago)\b", re.IGNORECASE)


_AGE = re.compile(r"[-\s]+old\b")


# A capitalised word after a capitalised unit: the count is part of a name.
_NAME_AFTER = re.compile(r"['’]?\s+[A-Z][a-z]")


_FRACTION_OF = re.compile(r"\s+of\b")
# "a cut of a quarter point", "three quarters of a point".
_OF_A_POINT = re.compile(r"\s+(?:of\s+an?\s+)?(?:percentage\s+)?points?\b", re.IGNORECASE)


# The token before "a year" in "$5 million a year", "300 flights a week": a rate, not a duration.
# (A number ends in a digit: "in 2024. A week later" is a duration.)
_RATE_BEFORE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?%?|million|billion|trillion|percent|cents|dollars|[a-z]{2,}(?<!ha)(?<!wa)(?<!i)(?<!thi)(?<!a)(?<!it)s)\s+$",
    re.IGNORECASE,
)


_ONE_DAY_INDEFINITE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|to|he|she|they|we|i|you|it)\s+$", re.I
)


# "in" before a count of units after a verb, not after a superlative or a record: "the
# highest in ten years", "the first time in five years" are lengths.
_IN_FUTURE = re.compile(
    r"(?<!\bhighest)(?<!\blowest)(?<!\bbest)(?<!\bworst)(?<!\btime)(?<!\bfirst)(?<!\bonce)"
    r"(?<!\blevel)(?<!\bhigh)(?<!\blow)(?<!\bgain)(?<!\bincrease)(?<!\bdecline)(?<!\bdrop)"
    r"\s+in\s+$",
    re.IGNORECASE,
)


# "In three days, the plant will close.": "in" opening a sentence.
_IN_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)[\"'“‘(]?in\s+$", re.IGNORECASE)


_PLURAL_LONG = re.compile(r"(an?\s+)[a-z]+s-long")


# "is due to last 48 hours", "will last three days": "last" the verb, not the adjective.
_LAST_THE_VERB = re.compile(r"last\s+", re.IGNORECASE)
_BEFORE_THE_VERB = re.compile(
    r"\b(?:to|will|would|could|can|may|might|should|must|won['’]t|not|n['’]t)\s+$", re.IGNORECASE
)


def _duration(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if re.fullmatch(r"(?:some\s+time|a\s+while)", text, re.IGNORECASE):
        return Reading("DURATION", "PXX")
    verb = _LAST_THE_VERB.match(text)
    if verb and _BEFORE_THE_VERB.search(ctx.text, max(0, start - 12), start):
        length = _duration(text[verb.end() :], start + verb.end(), end, ctx)
        if length is None:
            return None
        return dataclasses.replace(length, start=length.start or start + verb.end())
    unit = _unit_of(text)
    if unit is None:
        return None
    name, letter = unit
    lower = text.lower()
    if lower.endswith("-old") or _AGE.match(ctx.text, end):
        return None  # ages: "52 years old", "a 136-year-old bank"
    last_unit = list(_UNIT_TOKEN.finditer(text))[-1]
    if text[last_unit.start()].isupper() and _NAME_AFTER.match(ctx.text, end):
        return None  # a name: "the Seven Years' War", "the Six-Day War"
    fraction = re.search(r"(?:-quarters?|\ban?\s+quarter|\bone\s+quarter)$", lower)
    if name == "quarter" and fraction and _FRACTION_OF.match(ctx.text, end):
        return None  # "three-quarters of its food"
    if name == "quarter" and _OF_A_POINT.match(ctx.text, end):
        return None
    if lower == "a second":
        return None
    before = ctx.text[max(0, start - 30) : start]
    if re.fullmatch(r"an?\s+\w+", lower) and _RATE_BEFORE.search(before):
        return None
    # "Islam will one day be...": an indefinite time, not a one-day duration.
    indefinite = lower == "one day" and _ONE_DAY_INDEFINITE.search(before)
    if indefinite and not _RELATIVE_AFTER.match(ctx.text, end):
        return Reading("DATE", "FUTURE_REF" if ctx.tense(start, end) >= 0 else "PAST_REF")
    if re.match(r"(?:in\s+)?recent\s+years", lower):
        return Reading("DATE", "PAST_REF")
    if re.match(r"(?:the\s+)?coming\s+(?:months|years|quarters)", lower):
        return Reading("DATE", "FUTURE_REF")
    amount = _amount(text)
    plural_long = _PLURAL_LONG.fullmatch(lower)
    if plural_long:
        # "a months-long siege": the article is the siege's; it lasted months
        return Reading("DURATION", duration_value(None, letter), start=start + plural_long.end(1))
    if re.search(
        r"\b(?:recent|coming|years|months|weeks|days|decades|centuries|hours|minutes)$", lower
    ) and (re.fullmatch(r"(?:the\s+)?(?:in\s+)?(?:recent\s+|coming\s+)?[a-z]+", lower)):
        amount = None
    if letter == "M" and name != "month":
        return Reading("DURATION", duration_value(amount, "M").replace("P", "PT", 1))
    if (
        isinstance(amount, int)
        and name in ("day", "week", "month", "year")
        and (_IN_FUTURE.search(before) or _IN_OPENING.search(ctx.text, max(0, start - 8), start))
        and re.fullmatch(r"(?:an?|\d+|[a-z]+)\s+[a-z]+", lower)
        and ctx.tense(start, end) > 0
    ):
        # "will be redeemed in five years": the point five years from now, not a length
        shifted = cal.shift(ctx.dct, amount, name)
        return Reading("DATE", cal.format_at(shifted, name))
    period = None
    if name == "month" and amount in (6, 9) and re.match(r"the\s+(?:first|latest)?\s*\w", lower):
        # "the nine months" of an interim report: the year so far is the period discussed
        period = f"{_reference_quarter(ctx, start)[0]:04d}"
    return Reading("DURATION", duration_value(amount, letter), period=period)


_COUNTED_UNITS = ("day", "week", "month", "quarter", "year", "decade", "century")


def _ago(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    ahead = re.search(r"\s+from\s+(?:now|(today))$", text, re.IGNORECASE)
    if ahead:  # "two weeks from now": that far after the publication day
        # (the unit is not the "day" of "today")
        unit, amount = _unit_of(text[: ahead.start()]), _amount(text[: ahead.start()])
        if unit is not None and unit[0] in _COUNTED_UNITS and amount is None:
            return Reading("DATE", "FUTURE_REF")  # "a few weeks from now"
        if unit is None or unit[0] not in _COUNTED_UNITS or amount is None or amount % 1:
            reading = _duration(text[: ahead.start()], start, start + ahead.start(), ctx)
            return reading and Reading(reading.type, reading.value, end=start + ahead.start())
        shifted = cal.shift(ctx.dct, int(amount), unit[0])
        if ahead.group(1) and unit[0] in ("day", "week", "month", "year"):
            return Reading("DATE", shifted.isoformat())  # "six weeks from today": that day
        return Reading("DATE", cal.format_at(shifted, unit[0]))
    to_the_day = re.search(r"\s+today$", text, re.IGNORECASE)  # "two weeks ago today"
    if to_the_day:
        text = text[: to_the_day.start()]
    this = re.search(r"\s+this\s+(week|month)$", text, re.IGNORECASE)
    if this:  # "twenty years ago this week": that week, so many years back
        unit, amount = _unit_of(text[: this.start()]), _amount(text[: this.start()])
        if unit is None or unit[0] != "year" or amount is None or amount % 1:
            reading = _ago(text[: this.start()], start, start + this.start(), ctx)
            return reading and Reading(reading.type, reading.value, end=start + this.start())
        shifted = cal.shift(ctx.dct, -int(amount), "year")
        return Reading("DATE", cal.format_at(shifted, this.group(1).lower()))
    unit = _unit_of(text)
    if unit is None:
        return None
    name, letter = unit
    amount = _amount(text)
    lower = text.lower()
    earlier = lower.endswith("earlier")
    if name not in ("day", "week", "month", "quarter", "year", "decade", "century"):
        return _duration(text[: text.lower().rfind(" ")], start, end, ctx)
    if earlier and not (name == "year" and amount == 1):
        trimmed = text[: lower.rfind(" ")].rstrip()
        reading = _duration(trimmed, start, end, ctx)
        if reading is None and re.fullmatch(r"an?\s+[a-z]+", trimmed.lower()):
            # "down from $45 a week earlier": no rate ("$45 a week"), a week before
            reading = Reading("DURATION", duration_value(1, letter))
        return reading and Reading(reading.type, reading.value, end=start + len(trimmed))
    if amount is None or amount != int(amount):
        return Reading("DATE", "PAST_REF")
    amount = int(amount)
    if to_the_day and name in ("day", "week", "month", "year"):
        # "two weeks ago today": that day, so many units before this one
        return Reading("DATE", cal.shift(ctx.dct, -amount, name).isoformat(), anchors=True)
    if name == "year" and amount == 1:
        stated = ctx.current_period(start)
        if stated:  # in a report on a period: the same period a year before
            return Reading("DATE", _year_before(stated))
        if start - ctx.quarter_at < 800:
            year, quarter = _reference_quarter(ctx, start)
            return Reading("DATE", f"{year - 1:04d}-Q{quarter}")
    base = ctx.anchor if earlier else ctx.dct
    return Reading("DATE", cal.format_at(cal.shift(base, -amount, name), name))


# "overnight into Thursday", "overnight to Sunday": the night ending on the day named.
_INTO_WEEKDAY = re.compile(rf"\s+(?:into|to)\s+({WEEKDAY})(?![\w-])", re.IGNORECASE)


def _deictic_part(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    part = _PART_TOKEN.search(lower)
    if part is None:
        return None
    code = PARTS_OF_DAY[part.group(1)]
    day = ctx.dct
    into = _INTO_WEEKDAY.match(ctx.text, end) if lower == "overnight" else None
    if into is not None:
        # "overnight into Thursday": the night before the day named
        name = into.group(1).lower()
        named = _resolve_weekday(ctx, name, WEEKDAYS[name], into.start(1), into.end(1))
        day = cal.shift(named, -1, "day")
    elif lower == "overnight":
        # the night before the day the text is at ("stocks fell Friday after overnight losses")
        recent = ctx.day_anchor is not None and start - ctx.day_anchor_at < 400
        day = ctx.day_anchor if recent else ctx.dct
        tense = ctx.tense(start, end)
        if tense < 0:
            # a night gone is before the publication day at the latest, whatever day to come
            # the story named before ("the heat would peak on Thursday. ... forced ... overnight")
            day = min(day, ctx.dct)
        if tense <= 0:
            day = cal.shift(day, -1, "day")  # else the coming night
    elif "yesterday" in lower or "last night" in lower:
        day = cal.shift(_speech_day(ctx, start, end), -1, "day")
    elif "tomorrow" in lower:
        day = cal.shift(_speech_day(ctx, start, end), 1, "day")
    elif lower in ("tonight", "this morning", "this afternoon", "this evening"):
        day = _speech_day(ctx, start, end)
    elif "that" in lower:
        day = ctx.anchor
    elif re.search(r"\b(?:next|following|previous|preceding)\b", lower):
        # "the following morning": the day after the one the story is at
        if ctx.day_anchor is None:
            return None
        step = -1 if re.search(r"\b(?:previous|preceding)\b", lower) else 1
        day = cal.shift(ctx.day_anchor, step, "day")
    elif re.fullmatch(r"mid[-\s]?(?:morning|afternoon)", lower):
        if _day_told_far_back(ctx, start):
            return None  # which day's, the text does not tell (see _clock)
        day = ctx.narrative_day(start)  # "restored by mid-afternoon": the day told of
    else:
        weekday = _WEEKDAY_TOKEN.search(lower)
        if weekday:
            day = _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1)], start, end)
    return Reading("TIME", f"{day.isoformat()}T{code}")


_GENERIC_DAY_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:world|society|economy|standards|market|children|youth)\b"
)


def _nth_day(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    return Reading("DATE", ctx.dct.isoformat())


_MONTH_SPAN = re.compile(r"([A-Za-z]+\.?)\s*[-–]\s*([A-Za-z]+\.?)")


def _month_span(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "the July-September quarter": the quarter when the months make one, else the first
    month; the year is that of the last month, read as a month alone is."""
    parts = _MONTH_SPAN.match(text)
    if parts is None or not (_month_is_name(parts.group(1)) and _month_is_name(parts.group(2))):
        return None
    first, last = _month_of(parts.group(1)), _month_of(parts.group(2))
    if first is None or last is None or first == last:
        return None
    year = _year_of(text)
    if year is None:
        closing = _month(parts.group(2), start + parts.start(2), end, ctx)
        if closing is None:
            return None
        year = int(closing.value[:4])
    if first > last:
        return Reading("DATE", f"{year - 1:04d}-{first:02d}", anchors=True)  # "Nov-Feb"
    if first % 3 == 1 and last == first + 2:
        return Reading("DATE", f"{year:04d}-Q{first // 3 + 1}", anchors=True)
    return Reading("DATE", f"{year:04d}-{first:02d}", anchors=True)


_YEAR_SPAN = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4}|\d\d)")


def _year_span(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "(1940-2024)", "the 2022-23 season": the first year (the span's end is read from
    the text where a range is wanted, see builder.candidate_dates)."""
    parts = _YEAR_SPAN.match(text)
    if parts is None or cal.year_span_end(parts.group(1), parts.group(2)) is None:
        return None
    return Reading("DATE", parts.group(1), anchors=True)


_QUARTER_CODE = re.compile(r"([qh])([1-4])", re.IGNORECASE)


def _quarter_code(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    code, year = _QUARTER_CODE.search(text), _year_of(text)
    if code is None or year is None:
        return None
    kind, number = code.group(1).upper(), int(code.group(2))
    if kind == "H" and number > 2:
        return None
    return Reading("DATE", f"{year:04d}-{kind}{number}", anchors=True)


# Holidays by name: (month, day), or days from Easter Sunday.
_FIXED_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "bastille day": (7, 14),
    "may day": (5, 1),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "armistice day": (11, 11),
    "remembrance day": (11, 11),
    "bonfire night": (11, 5),
}
# Holidays on a weekday of their month: (month, weekday, nth; -1 the last).
_NTH_WEEKDAY_HOLIDAYS = {
    "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1),
}
_EASTER_HOLIDAYS = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "good friday": -2,
}
# American holidays on a weekday of November: (the nth Thursday, days after it).
_THANKSGIVING_HOLIDAYS = {
    "thanksgiving": 0,
    "thanksgiving day": 0,
    "black friday": 1,
    "cyber monday": 4,
}
_AROUND_HOLIDAY = re.compile(r"\s+(?:holidays?|break|recess|period|season)\b", re.IGNORECASE)
_HOLIDAY_YEAR = re.compile(r",?\s+\d{4}$")
_NAMED_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _holiday(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "before Christmas", "on Easter Monday 2025": the holiday of the year stated, else the
    one on the side of the publication day the verb points to (the nearest with no cue)."""
    if not text[0].isupper():
        return None  # "may day" is not May Day
    if _NAMED_AFTER.match(ctx.text, end):
        return None  # "the Good Friday Agreement", "the Easter Rising": names
    name = " ".join(_HOLIDAY_YEAR.sub("", text).replace("’", "'").lower().split())
    name = re.sub(r"\b(year|valentine)'?s\b", r"\1's", name)  # "New Years Day"

    if (
        name
        not in _FIXED_HOLIDAYS | _EASTER_HOLIDAYS | _THANKSGIVING_HOLIDAYS | _NTH_WEEKDAY_HOLIDAYS
    ):
        return None

    def day_in(year: int) -> date:
        if name in _FIXED_HOLIDAYS:
            return date(year, *_FIXED_HOLIDAYS[name])
        if name in _NTH_WEEKDAY_HOLIDAYS:
            month, weekday, nth = _NTH_WEEKDAY_HOLIDAYS[name]
            day = cal.nth_weekday(year, month, weekday, nth)
            return day if day is not None else date(year, month, 1)  # (a first or last is)
        if name in _THANKSGIVING_HOLIDAYS:  # the fourth Thursday of November
            thursday = cal.nth_weekday(year, 11, 3, 4)
            return thursday + timedelta(days=_THANKSGIVING_HOLIDAYS[name])
        return easter(year) + timedelta(days=_EASTER_HOLIDAYS[name])

    year = _year_of(text) or ctx.stated_year(start)
    if year is not None:
        return Reading("DATE", day_in(year).isoformat(), anchors=True)
    tense = 1 if _DEADLINE.search(ctx.text, max(0, start - 12), start) else ctx.tense(start, end)
    if _AROUND_HOLIDAY.match(ctx.text, end):
        tense = 0  # "the Easter holidays began": they straddle the day, the nearest is meant
    options = [day_in(ctx.dct.year + step) for step in (-1, 0, 1)]
    chosen = _nearest_on_side(options, tense, ctx.dct, ctx.dct)
    return Reading("DATE", chosen.isoformat(), anchors=True) if chosen else None


def _nearest_on_side(options: list[date], tense: int, dct: date, near: date) -> date | None:
    """Of `options`, the one nearest to `near` on the side of the publication day `dct`
    that `tense` points to (either side when it points to none)."""
    if tense < 0:
        options = [option for option in options if option <= dct]
    elif tense > 0:
        options = [option for option in options if option >= dct]
    return min(options, key=lambda option: abs((option - near).days), default=None)


def _day_of_month(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "on the 28th": that day in the month of the day the story is at, or in the month
    before or after it: the nearest to that day on the side of the publication day the
    verb points to."""
    day = int(re.search(r"\d+", text).group())
    named = re.search(r"\b(this|last|next)\s+month$", text, re.IGNORECASE)
    if named:
        step = {"this": 0, "last": -1, "next": 1}[named.group(1).lower()]
        month = cal.shift(ctx.dct.replace(day=1), step, "month")
        with contextlib.suppress(ValueError):
            return Reading("DATE", month.replace(day=day).isoformat(), anchors=True)
        # "the 30th of last month" in March: the month alone
        return Reading("DATE", f"{month.year:04d}-{month.month:02d}", start=start + named.start())
    told_month = (
        ctx.anchor_unit == "month"
        and start - ctx.year_at < NARRATIVE_REACH
        and ctx.year_at > ctx.day_anchor_at
    )
    if told_month:
        # "Talks began in early January and a deal was struck on the 15th": that month's
        with contextlib.suppress(ValueError):
            return Reading("DATE", ctx.anchor.replace(day=day).isoformat(), anchors=True)
        return None
    base = ctx.narrative_day(start)
    options = []
    for step in (-1, 0, 1):
        month = base.year * 12 + base.month - 1 + step
        with contextlib.suppress(ValueError):
            options.append(date(month // 12, month % 12 + 1, day))
    tense = ctx.tense(start, end)
    if tense == 0 and _DEADLINE.search(ctx.text, max(0, start - 8), start):
        tense = 1  # "runs until the 30th": an end told in no tense is ahead
    elif _SINCE_BEFORE.search(ctx.text, max(0, start - 8), start):
        tense = -1  # "closed since the 3rd": gone
    chosen = _nearest_on_side(options, tense, ctx.dct, base)
    return Reading("DATE", chosen.isoformat(), anchors=True) if chosen else None


def _day_before(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    unit = text.lower().split()[1]
    if unit in ("week", "month", "year"):
        # "collapsed on 14 August 2018. The month before, ...": from the date told, when it
        # names the unit (a year told has no month to count a month from)
        coarser = _UNIT_ORDER.index(ctx.anchor_unit) > _UNIT_ORDER.index(unit)
        if start - ctx.year_at > 300 or coarser:
            return None
        step = -1 if text.lower().endswith("before") else 1
        return Reading("DATE", cal.format_at(cal.shift(ctx.anchor, step, unit), unit))
    if ctx.day_anchor is None or start - ctx.day_anchor_at > 300:
        return None  # no day told of near enough to count from
    day = cal.shift(ctx.day_anchor, -1 if text.lower().endswith("before") else 1, "day")
    if text.lower().split()[1] == "night":
        return Reading("TIME", f"{day.isoformat()}TNI")
    return Reading("DATE", day.isoformat(), anchors=True)


def _apposition(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if ctx.day_anchor is None or start - ctx.day_anchor_at > 25:
        return None
    return Reading("DATE", ctx.day_anchor.isoformat())


def _elided(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    return Reading("DATE", f"{ctx.dct.year - 1:04d}")


_DAY_EDGE_WORD = re.compile(r"[a-z]+(?:\s+light)?")


def _day_edge(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "at dawn on Tuesday", "at dusk": the morning or the evening of the day named after
    it, or else of the day the text is at (a time of day alone is on it: see _clock)."""
    edge = _DAY_EDGE_WORD.match(text.lower())
    if edge is None:
        return None
    part = DAY_EDGES[" ".join(edge.group().split())]
    rest = text[edge.end() :]
    day = _day_reference(rest, start + edge.end(), end, ctx) if rest.strip() else None
    if day is None and (not ctx.anchor_is_day or _day_told_far_back(ctx, start)):
        return None  # "in 2019 ... at dawn", or paragraphs after "on Tuesday": which day's?
    day = day or ctx.narrative_day(start)
    return Reading("TIME", f"{day.isoformat()}T{part}")


def _day_told_far_back(ctx: Context, start: int) -> bool:
    """Whether the last day the text stated is other than the publication day and too far
    back to be the one the text is at: "The ministry said on Tuesday ..." and, paragraphs
    later, "It was announced shortly after 1am." (Tuesday's 1am, or the publication
    day's? the text does not tell)."""
    return (
        ctx.day_anchor is not None
        and ctx.day_anchor != ctx.dct
        and start - ctx.day_anchor_at >= NARRATIVE_REACH
    )


_WEEK_OF_DAY = re.compile(
    rf"\s+(?:commencing|beginning|starting|of)\s+(?:{WEEKDAY},?\s+)?({MONTH_DAY}(?:,?\s+{YEAR})?)",
    re.IGNORECASE,
)


def _narrative(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    within = re.match(r"(?:later|earlier)\s+in\s+the\s+(week|month|year)", lower)
    if within:
        # "in March 2019. Later in the year, ...": the week, month or year told of
        unit, trimmed = within.group(1), start + lower.index("the ")
        if unit == "year":
            return Reading("DATE", f"{ctx.year_told():04d}", start=trimmed)
        told = start - ctx.year_at < NARRATIVE_REACH
        if told and _UNIT_ORDER.index(ctx.anchor_unit) > _UNIT_ORDER.index(unit):
            return None  # "in 2019. Later in the month": which month is not told
        base = ctx.anchor if told else ctx.dct
        return Reading("DATE", cal.format_at(base, unit), start=trimmed)
    named = _WEEK_OF_DAY.match(ctx.text, end) if lower.endswith("week") else None
    day = named and _day_date(ctx, named.group(1), named.start(1), named.end(1))
    if day:
        return Reading("DATE", cal.format_at(day, "week"))
    if lower.endswith("week"):
        # "For the week, the index fell 4%": TimeBank leaves such a week unspecified.
        return Reading("DATE", f"{ctx.dct.year:04d}-WXX")
    if _day_told_far_back(ctx, start):
        return None  # "in the morning" paragraphs after "on Tuesday": which day's? (see _clock)
    day = ctx.narrative_day(start)
    part = _PART_TOKEN.search(lower)
    if part:
        return Reading("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part.group(1)]}")
    trimmed = re.match(r"(?:later|earlier)\s+in\s+", lower)
    return Reading("DATE", day.isoformat(), start=start + trimmed.end() if trimmed else None)


def _deictic(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    before = ctx.text[max(0, start - 20) : start]
    if lower in ("today", "tomorrow") and (
        _GENERIC_DAY_AFTER.match(ctx.text, end)
        or (re.search(r"\bof\s+$", before) and not ctx.text.startswith("'s", end))
        or (text[0].isupper() and re.search(r"[A-Z]\w*\s+$", before))
    ):
        return None  # "the people of tomorrow", "today's world", a title such as "VOA Today"
    offset = 0
    if "yesterday" in lower:
        offset = -2 if "day before" in lower else -1
    elif "tomorrow" in lower:
        offset = 2 if "day after" in lower else 1
    return Reading("DATE", cal.shift(_speech_day(ctx, start, end), offset, "day").isoformat())


# Where a sentence opens, before a word written with a capital that opens it.
_OPENS_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“«(]\s*)$")


def _other_language_deictic(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    """ "ayer", "gestern", "demain": the day so far from the one the text speaks from."""
    offset = OTHER_LANGUAGE_DEICTIC_DAYS.get(text.lower().replace("’", "'"))
    opens = _OPENS_SENTENCE_BEFORE.search(ctx.text, max(0, start - 4), start)
    if offset is None or (text[0].isupper() and not opens):
        return None  # "The Ayer family": a name
    return Reading("DATE", cal.shift(_speech_day(ctx, start, end), offset, "day").isoformat())


# '"Today is a dark day," the minister said on Thursday.': the day a quote was spoken.
_QUOTE_SAID_ON = re.compile(
    r"[^\"“”\n]{0,250}?[\"”]\s*(?:[\w.,'’-]+\s+){0,6}?"
    rf"(?:said|says|told|added|wrote|declared|tweeted)\b(?:\s+[\w'’-]+){{0,3}}?\s+"
    rf"(?:on\s+)?({WEEKDAY})\b",
    re.IGNORECASE,
)


def _in_quote(text: str, start: int) -> bool:
    """Whether `start` is inside a quotation opened earlier in its paragraph."""
    head = text[max(text.rfind("\n", 0, start) + 1, start - 1000) : start]
    return head.count('"') % 2 == 1 or head.rfind("“") > head.rfind("”")


# 'She said on Friday: "Yesterday was a dark day."': the day, before the quote.
_SAID_ON_QUOTE = re.compile(
    r"\b(?:said|says|told\s+[\w'’-]+|added|wrote|declared|tweeted)(?:\s+[\w'’-]+){0,3}?\s+"
    rf"(?:on\s+)?({WEEKDAY})\s*[:,]?\s*[\"“]$",
    re.IGNORECASE,
)


def _speech_day(ctx: Context, start: int, end: int) -> date:
    """The day the words at [start, end) were spoken: the weekday an attribution before or
    after the quote holding them names, else the day the story was written (in a live
    blog, the day of the heading its entry is under)."""
    written = ctx.heading_day or ctx.dct
    said = _said_before(ctx.text, start)
    if said is None:
        if '"' not in ctx.text[end : end + 250] and "”" not in ctx.text[end : end + 250]:
            return written  # cheap test first: no quote closes after the words
        said = _QUOTE_SAID_ON.match(ctx.text, end)
    if said is None or not _in_quote(ctx.text, start):
        return written
    return cal.nearest_weekday(ctx.dct, WEEKDAYS[said.group(1).lower()], -1)


def _said_before(text: str, start: int) -> re.Match[str] | None:
    """The attribution naming the day just before the quote that `start` is in, if any."""
    near = max(0, start - 250)
    opening = max(text.rfind('"', near, start), text.rfind("“", near, start))
    if opening < 0:
        return None
    return _SAID_ON_QUOTE.search(text, max(0, opening - 60), opening + 1)


# "a curfew until 5 pm Sunday": the day is ahead whatever the verb's tense.
_UNTIL = re.compile(r"\b(?:until|till)(?:\s+\S+){0,4}\s*$", re.IGNORECASE)
# "Fighting continued from dawn until dusk on Sunday", "the sit-in lasted until Friday",
# "Rescue teams searched until dark on Saturday": a span a past verb of lasting tells is
# over, the day it lasted until gone; and so is one of a thing not done ("The council did
# nothing until May", "Police did not act until Friday", "It was not until March that").
_LASTED_UNTIL = re.compile(
    r"\b(?:did\s+(?:not|nothing|little)|didn['’]t|(?:was|were)\s+not|(?:was|were)n['’]t|never"
    r"|continued|lasted|raged|persisted|remained|stayed|went\s+on|dragged\s+on"
    r"|carried\s+on|held\s+out|queued|waited|searched|fought|battled|worked|negotiated|talked"
    r"|debated|celebrated|partied|danced|marched|protested|camped|sat)\b"
    r"[^.;:!?]{0,60}?\b(?:until|till)\b[^.;:!?]*$",
    re.IGNORECASE,
)


def _lasted_until(ctx: Context, start: int, end: int) -> bool:
    """Whether the date at `start` ends a span a past verb of lasting tells (_LASTED_UNTIL)."""
    return ctx.tense(start, end) < 0 and bool(
        _LASTED_UNTIL.search(ctx.text, max(0, start - 100), start)
    )


# "has extended its warnings to midnight on Wednesday", "adjourned the hearing to
# Monday", "has been put back to 8pm on Sunday": a day moved to, ahead too; not one told
# of in the past ("the talks, which were extended to Friday, collapsed").
_MOVED_TO_BODY = (
    rf"(?:\b(?:extend|prolong)\w*|{MOVED})\b[^.;:!?]{{0,60}}?"
    rf"\b(?:to|until|till)\s+(?:{CLOCK}{ZONE}?(?:\s+on)?\s*)?$"
)
_MOVED_TO = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\s)" + _MOVED_TO_BODY, re.I)
# "The vote, originally set for Thursday, was moved up a day, to Wednesday": a day moved
# to, in the sentence that told the day it was set for, whatever the tense.
_MOVED_TO_ANY = re.compile(_MOVED_TO_BODY, re.IGNORECASE)


_INTO = re.compile(r"\binto\s+$", re.IGNORECASE)
# "Sunday marks the anniversary", "Friday is the deadline": a day opening its sentence,
# told of in the present.
_DAY_IN_THE_PRESENT = re.compile(r"\s+(?:marks|sees|brings|is|falls)\b", re.IGNORECASE)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens its sentence."""
    return _OPENS_SENTENCE_BEFORE.search(text, max(0, start - 4), start) is not None


# "Thursday's vote could topple the government": what a day's event may do is not known
# yet, the event is ahead (not "Thursday's vote could have gone either way").
_DAYS_EVENT_MAY = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){1,2}(?:could|might|may)\s+(?!(?:not\s+)?have\b)\w", re.I
)
# Not a passive to come: "will be announced on Friday", "is to be told on Monday"; nor a
# condition: "If confirmed on Friday, she would become ...".
_STATEMENT_ON = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bif\s)(?<!\bunless\s)"
    r"\b(?:said|told\s+\w+|announced|stated|confirmed|added|declared)"
    r"(?:\s+(?:in|at|during)\s+(?:a|an|the|his|her|their)\s+(?:joint\s+|written\s+)?"
    r"(?:statement|interview|briefing|news\s+conference|press\s+conference|speech))?"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "The hearing is on Monday", "The vote is at 3pm on Friday": an event of the coming days.
_IS_ON = re.compile(
    rf"\b(?:is|are)\s+(?:at\s+(?:about\s+|around\s+)?{CLOCK}{ZONE}?(?:\s+on)?|on|for)\s*$",
    re.IGNORECASE,
)
# Cheap tests for the words the patterns around them need.
_REPORTED = re.compile(r"said|told|announced|stated|confirmed|added|declared")
_MOVING = re.compile(r"extend|prolong|postpon|adjourn|delay|reschedul|mov|push|brought|bring|put")
# "Ferry operators have cancelled all sailings on Friday": a perfect tense takes no past
# day of its own, so the day is the called-off event's, ahead; not "cancelled on Friday".
_CALLED_OFF = re.compile(
    r"(?<![\w'’])(?:has|have|['’]ve)\s+(?:\w+\s+)?"
    r"(?:cancell?ed|postponed|called\s+off|scrapped|suspended|axed|pulled)\b"
    rf"[^.;:!?]{{0,60}}?\s(?:on|for)\s+(?:{CLOCK}{ZONE}?\s+on\s+)?$",
    re.IGNORECASE,
)
_CALLING_OFF = re.compile(r"cancel|postpon|called|scrapped|suspended|axed|pulled")
_IS_OR_ARE = re.compile(r"\b(?:is|are)\s")
_SINCE_DAY = re.compile(rf"\bsince\s+(?:{CLOCK}{ZONE}?(?:\s+on)?)?\s*$", re.IGNORECASE)
_AT_CLOCK = rf"(?:{CLOCK}{ZONE}?(?:\s+on)?)?\s*$"
_AS_OF = re.compile(rf"\bas\s+of\s+{_AT_CLOCK}", re.IGNORECASE)
_RANGE_OPENS = re.compile(rf"\bfrom\s+{_AT_CLOCK}", re.IGNORECASE)
_STARTING = re.compile(
    rf"\b(?:starting|beginning|commencing|effective)\s+(?:on\s+|from\s+)?{_AT_CLOCK}", re.I
)
_RANGE_TO_WEEKDAY = re.compile(
    rf"\s+(?:to|until|till|-|–)\s+(?:{CLOCK}{ZONE}?\s+(?:on\s+)?)?({WEEKDAY})\b", re.IGNORECASE
)
_RANGE_CLOSES = re.compile(
    rf"\bfrom\s+[^.;]{{1,40}}?\s+(?:to|until|till|-|–)\s+{_AT_CLOCK}", re.IGNORECASE
)
# "next Tuesday and Wednesday", "last Friday or Saturday": a day joined to a day told with
# the week it is in.
_JOINED_TO_DAY = re.compile(
    rf"\b(?:next|last|this(?:\s+coming|\s+past)?)\s+{WEEKDAY}\s+(?:and|or|&)\s+$", re.IGNORECASE
)


# "forecast more rain from Wednesday", "forecast heavy snow for Thursday": the days a
# forecast is for are ahead, whatever the tense of the sentence; not "had forecast rain
# for Thursday".
_FORECAST_FOR = re.compile(
    r"(?<!\bhad\s)\bforecasts?\b[^.;:!?]{0,40}?\b(?:for|from)\s+$", re.IGNORECASE
)


_BEFORE_OR_AFTER = re.compile(r"\s+(?:before|after)\b", re.IGNORECASE)
_BEFORE_OR_AFTER_DAY = re.compile(
    rf"\s+(before|after)\s+({HOLIDAY}|{MONTH_DAY}(?:,?\s+{YEAR})?)", re.IGNORECASE
)


# "Wednesday of last week", "Tuesday next week", and "from Monday through Wednesday of last
# week": the week named after the day (or after the day closing the span) holds it.
_OF_WEEK = re.compile(
    rf"(?:\s+(?:to|through|thru|until|till|and|or|-|–)\s+{WEEKDAY})?"
    r"\s+(?:of\s+)?(last|next|this)\s+week\b",
    re.IGNORECASE,
)
_WEEK_STEP = {"last": -7, "this": 0, "next": 7}


def _resolve_weekday(ctx: Context, lower: str, weekday: int, start: int, end: int) -> date:
    day_anchor = ctx.day_anchor or ctx.dct
    week = _OF_WEEK.match(ctx.text, end)
    if week is not None:
        monday = ctx.dct - timedelta(days=ctx.dct.weekday())
        return monday + timedelta(days=_WEEK_STEP[week.group(1).lower()] + weekday)
    if re.search(r"\b(?:the\s+previous|the\s+preceding)\b", lower):
        return cal.nearest_weekday(cal.shift(day_anchor, -1, "day"), weekday, -1)
    if re.search(r"\bthe\s+following\b|\bthat\b", lower):
        return cal.nearest_weekday(cal.shift(day_anchor, 1, "day"), weekday, 1)
    if re.search(r"\blast\b|\bthis\s+past\b", lower):
        return cal.nearest_weekday(cal.shift(ctx.dct, -1, "day"), weekday, -1)
    if re.search(r"\bnext\b|\bthis\s+coming\b", lower):
        return cal.nearest_weekday(cal.shift(ctx.dct, 1, "day"), weekday, 1)
    around = (
        _BEFORE_OR_AFTER_DAY.match(ctx.text, end)
        if lower in WEEKDAYS and ctx.text.startswith((" before", " after"), end)
        else None
    )
    if around and ctx.text[max(0, start - 4) : start].lower() == "the ":
        # "the Friday before Christmas", "the Monday after 6 January": from that day
        named = _day_reference(around.group(2), around.start(2), around.end(2), ctx)
        if named is not None:
            step = -1 if around.group(1).lower() == "before" else 1
            return cal.nearest_weekday(cal.shift(named, step, "day"), weekday, step)
    told = ctx.day_anchor if start - ctx.day_anchor_at < NARRATIVE_REACH else None
    if (
        told is not None
        and ctx.text[max(0, start - 4) : start].lower() == "the "
        and not _BEFORE_OR_AFTER.match(ctx.text, end)  # "the Friday before Christmas"
    ):
        # "The storm hit on 24 January. ... on the Friday": that day of the week told of
        after = cal.nearest_weekday(told, weekday, 1)
        return after if (after - told).days <= 3 else cal.shift(after, -7, "day")
    # The words before the day, lowered, tell which of the rules below may apply (each
    # pattern runs only when its word is there: this is run for every weekday).
    near = ctx.text[max(0, start - 100) : start].lower()
    opened = ctx.day_anchor is not None and start - ctx.day_anchor_at < 60
    if (
        opened
        and "from" in near[-80:]
        and _RANGE_CLOSES.search(ctx.text, max(0, ctx.day_anchor_at - 20), start)
    ):
        # "from Thursday to Sunday", "ran from Monday until Friday": the end is on or after
        # the day the span began on
        return cal.nearest_weekday(ctx.day_anchor, weekday, 1)
    if (
        ctx.day_anchor is not None
        and start - ctx.day_anchor_at < 30
        and _JOINED_TO_DAY.search(ctx.text, max(0, start - 40), start)
    ):
        # "Strikes planned for next Tuesday and Wednesday": the first such day after it
        return cal.nearest_weekday(ctx.day_anchor, weekday, 1)
    # "said Friday's vote would be close", "are on Saturday's front pages": not the day's own
    possessive = ctx.text.startswith(("'s", "’s"), end)
    statement_day = (
        not possessive
        and _REPORTED.search(near[-60:])
        and _STATEMENT_ON.search(ctx.text, max(0, start - 60), start)
    )
    since = "since" in near[-40:] and _SINCE_DAY.search(ctx.text, max(0, start - 40), start)
    if statement_day or since:
        # "in place since 9pm on Saturday"; "said in a statement on Wednesday evening that it
        # would not appeal": a statement reported is made, whatever it says of the future
        return cal.nearest_weekday(ctx.dct, weekday, -1)
    if "til" in near[-40:] and _UNTIL.search(ctx.text, max(0, start - 40), start):
        # "will strike on Wednesday 19 March. Services will not resume until Thursday": a
        # deadline after a day to come told just before is on or after that day.
        recent = ctx.day_anchor is not None and start - ctx.day_anchor_at < 300
        if recent and ctx.day_anchor <= ctx.dct and ctx.tense(start, end) < 0:
            # "fled on Sunday. His whereabouts were unknown until Sunday evening": a state
            # gone lasted until a day after the one told, if that day has come
            last = cal.nearest_weekday(ctx.day_anchor, weekday, 1)
            if last <= ctx.dct:
                return last
        if _lasted_until(ctx, start, end):
            return cal.nearest_weekday(ctx.dct, weekday, -1)
        ahead = ctx.day_anchor is not None and ctx.day_anchor > ctx.dct
        base = ctx.day_anchor if ahead and recent else ctx.dct
        return cal.nearest_weekday(base, weekday, 1)
    moving = _MOVING.search(near)
    if (
        moving
        and ctx.day_anchor is not None
        and sentence_bounds(ctx.text, start, end)[0] <= ctx.day_anchor_at
        and _MOVED_TO_ANY.search(ctx.text, max(0, start - 100), start)
    ):
        # the day nearest the one it was set for
        after = cal.nearest_weekday(ctx.day_anchor, weekday, 1)
        return after if (after - ctx.day_anchor).days <= 3 else cal.shift(after, -7, "day")
    if (
        (moving and _MOVED_TO.search(ctx.text, max(0, start - 100), start))
        or (_CALLING_OFF.search(near) and _CALLED_OFF.search(ctx.text, max(0, start - 100), start))
        or (
            not possessive
            and _IS_OR_ARE.search(near[-40:])
            and _IS_ON.search(ctx.text, max(0, start - 40), start)
        )
    ):
        return cal.nearest_weekday(ctx.dct, weekday, 1)
    if "forecast" in near[-60:] and _FORECAST_FOR.search(ctx.text, max(0, start - 60), start):
        return cal.nearest_weekday(ctx.dct, weekday, 1)
    if not possessive and near.endswith("for ") and set_for(ctx.text, start):
        return cal.nearest_weekday(ctx.dct, weekday, 1)
    tense = ctx.tense(start, end)
    stated = ctx.day_anchor
    if (
        tense > 0
        and stated is not None
        and stated < ctx.dct
        and "would" in near[-60:]
        and _WOULD.search(ctx.text, max(0, start - 60), start)
        and sentence_bounds(ctx.text, start, end)[0] <= ctx.day_anchor_at
    ):
        # "He said on Monday that he would resign on Friday": after the day of the statement
        return cal.nearest_weekday(cal.shift(stated, 1, "day"), weekday, 1)
    if tense == 0 and "from" in near[-60:]:
        # A span told in no tense ("a warning covers Wales from midday Thursday to 6pm
        # Saturday") ends ahead, and starts on the day before its end or earlier; one with
        # no end starts ahead.
        closing = _RANGE_TO_WEEKDAY.match(ctx.text, end)
        opens = _RANGE_OPENS.search(ctx.text, max(0, start - 30), start)
        if closing and opens:
            last = cal.nearest_weekday(ctx.dct, WEEKDAYS[closing.group(1).lower()], 1)
            return cal.nearest_weekday(cal.shift(last, -1, "day"), weekday, -1)
        if opens or _RANGE_CLOSES.search(ctx.text, max(0, start - 60), start):
            tense = 1  # "From Monday, masks are required", "Rain is possible from Thursday"
    owned = possessive or ctx.text[end - 2 : end] in ("'s", "’s")
    if owned and _DAYS_EVENT_MAY.match(ctx.text, end):
        tense = 1  # "Thursday's vote could topple the government", whatever tense reports it
    if tense == 0 and _DAY_IN_THE_PRESENT.match(ctx.text, end) and _opens_sentence(ctx.text, start):
        tense = 1  # "Sunday marks the 30th anniversary": the day to come
    if tense == 0:
        if "of" in near[-40:] and _AS_OF.search(ctx.text, max(0, start - 40), start):
            tense = 1  # "The new rules apply as of Monday"; not "As of Monday, 30 had died"
        starting = "ing" in near[-40:] or "effective" in near[-40:]
        if starting and _STARTING.search(ctx.text, max(0, start - 40), start):
            tense = 1  # "Starting Monday, masks are mandatory", "frozen effective Friday"
        if "into" in near[-10:] and _INTO.search(ctx.text, max(0, start - 10), start):
            tense = 1  # "gusts are possible overnight into Saturday"; not "talks ran into Sunday"
        ahead = ctx.day_anchor is not None and 0 < (ctx.day_anchor - ctx.dct).days <= 7
        if ahead and start - ctx.day_anchor_at < 300:
            tense = 1  # "The next attempt is set for Wednesday. ... 80% on Thursday."
    # '"We will strike on Thursday," the union said on Monday.': from the day it was said
    spoken = _speech_day(ctx, start, end)
    return cal.nearest_weekday(spoken, weekday, 1 if tense > 0 else -1)


def _week_after_coming(ctx: Context, weekday: int) -> date:
    """The weekday of the week after the coming one ("a week on Friday", "Friday week")."""
    coming = cal.nearest_weekday(cal.shift(ctx.dct, 1, "day"), weekday, 1)
    return cal.shift(coming, 7, "day")


def _week_on(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    weekday = _WEEKDAY_TOKEN.search(text)
    if weekday is None or not weekday.group(1)[0].isupper():
        return None
    day = _week_after_coming(ctx, WEEKDAYS[weekday.group(1).lower()])
    return Reading("DATE", day.isoformat())


# "open Monday-Friday", "Mon–Fri": weekdays a hyphen joins, days of every week (not "from
# Monday to Friday").
_HYPHEN_WEEKDAY_AFTER = re.compile(rf"[-–]{WEEKDAY}\b", re.IGNORECASE)
_HYPHEN_WEEKDAY_BEFORE = re.compile(rf"(?<!\bfrom\s)(?<!\bbetween\s){WEEKDAY}[-–]$", re.IGNORECASE)
_SPAN_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


# "open Monday-Friday from 9am", "on Saturdays from 8am": times of every week, on no day.
_EVERY_WEEK_BEFORE = re.compile(
    rf"(?:{WEEKDAY}[-–]{WEEKDAY}|{WEEKDAY}s)\s+(?:(?:from|between|at)\s+)?"
    rf"(?:{CLOCK}\s*(?:to|and|until|till|-|–)\s*)?$",
    re.IGNORECASE,
)


# "on Monday and Tuesday nights": both days recur
_SHARED_PLURAL_PART = re.compile(
    rf"\s+(?:and|or)\s+{WEEKDAY}\s+({PART})s\b",
    re.IGNORECASE,
)


def _weekday(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    weekday = _WEEKDAY_TOKEN.search(lower)
    if weekday is None or not text[weekday.start()].isupper():
        return None
    hyphen = ctx.text[end : end + 1] in ("-", "–") or ctx.text[start - 1 : start] in ("-", "–")
    if (
        hyphen
        and lower == weekday.group(1)
        and (
            (
                _HYPHEN_WEEKDAY_AFTER.match(ctx.text, end)
                and not _SPAN_OPENS.search(ctx.text, max(0, start - 9), start)
            )
            or _HYPHEN_WEEKDAY_BEFORE.search(ctx.text, max(0, start - 11), start)
        )
    ):
        # "open Monday-Friday": the days of every week
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[weekday.group(1)] + 1}")
    shared = _SHARED_PLURAL_PART.match(ctx.text, end)
    if shared and lower == weekday.group(1):
        number = WEEKDAYS[weekday.group(1)] + 1
        return Reading("SET", f"XXXX-WXX-{number}T{PARTS_OF_DAY[shared.group(1).lower()]}")
    day = _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1)], start, end)
    part = _PART_TOKEN.search(lower)
    if part:
        return Reading("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part.group(1)]}")
    return Reading("DATE", day.isoformat())


_RESULTS_AFTER = re.compile(
    r"\s+(?:results|earnings|profit|net|loss|sales|revenue|figures)\b", re.IGNORECASE
)


_TITLE_OPENING = re.compile(r"[\"“‘']$")


# Calendar units from the finest; a season's anchor is its year's.
_UNIT_ORDER = ("day", "week", "month", "quarter", "half", "year", "decade", "century")


# "On this day in 1945", "this day in 1990".
_IN_YEAR = re.compile(rf"\s+in\s+({YEAR})", re.IGNORECASE)


def _relative(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    if text[0].isupper() and text.istitle() and _TITLE_OPENING.search(ctx.text, 0, start):
        return None  # a quoted title: the programme "This Week"
    words = _words(text)
    trimmed_end = end - 2 if lower.endswith("'s") else None
    if lower.endswith("'s"):
        lower = lower[:-2]
        words = _words(lower)
    weekday = _WEEKDAY_TOKEN.search(lower)
    if weekday:
        if not text[weekday.start()].isupper():
            return None
        day = _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1)], start, end)
        # "slips past Friday": "past" alone is the preposition, not "this past"
        beyond = start + weekday.start() if lower.startswith("past ") else None
        return Reading("DATE", day.isoformat(), end=trimmed_end, start=beyond)
    month_match = _MONTH_TOKEN.search(text)
    if (
        month_match
        and not _UNIT_TOKEN.search(lower[month_match.end() :])
        and (month_match.group(1) != "second")
    ):
        if not month_match.group(1)[0].isupper():
            return None
        month = MONTHS[month_match.group(1).lower()]
        told = ctx.anchor
        counted = re.search(r"\bthe\s+(?:following|next|previous|preceding)\b", lower)
        if counted and ctx.anchor_unit not in ("day", "month"):
            # "signed in 1992 and in force the following November": 1992's or 1993's
            return Reading("DATE", f"XXXX-{month:02d}", end=trimmed_end)
        if re.search(r"\bthe\s+(?:following|next)\b", lower):
            # "arrested in March 2022 and charged the following January": after the date told
            year = told.year if month > told.month else told.year + 1
        elif re.search(r"\bthe\s+(?:previous|preceding)\b", lower):
            year = told.year if month < told.month else told.year - 1
        elif re.search(r"\blast\b|\bpast\b|\bprevious\b", lower):
            # The month just gone is "last month"; "last February" said in March is a year back.
            newest = ctx.dct.month - (1 if re.match(r"last\s", lower) else 0)
            year = ctx.dct.year if month < newest else ctx.dct.year - 1
        elif re.search(r"\bnext\b|\bcoming\b|\bfollowing\b", lower):
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        elif re.match(r"that\s", lower):
            year = ctx.year_told()  # "in the summer of 2016 ... that December"
        else:
            year = cal.nearest_month(ctx.dct, month, ctx.tense(start, end))
        return Reading("DATE", f"{year:04d}-{month:02d}", end=trimmed_end)
    if "weekend" in lower:
        saturday = _resolve_weekday(ctx, lower, 5, start, end)
        return Reading("DATE", cal.format_at(saturday, "week") + "-WE", end=trimmed_end)
    unit = _unit_of(lower)
    if unit is None:
        return None
    name = unit[0]
    if name not in ("day", "week", "month", "quarter", "year", "decade", "century"):
        return None
    # "the next day", "the following year", "that day": relative to the narrative's date.
    on_anchor = bool(
        re.search(r"\b(?:the\s+(?:next|following|previous|preceding|same)|that)\b", lower)
    )
    base = ctx.anchor if on_anchor else ctx.dct
    if on_anchor and name == "year":
        base = date(ctx.year_told(), 1, 1)
    anchor_coarser = name != "day" and _UNIT_ORDER.index(name) < _UNIT_ORDER.index(ctx.anchor_unit)
    if on_anchor and anchor_coarser:
        return None  # "the same month" after a year alone: which month is not told
    if on_anchor and name == "day":
        if ctx.day_anchor is None:
            return None
        base = ctx.day_anchor
    if re.search(r"\b(?:last|past|previous|preceding)\b", lower):
        step = -1
    elif re.search(r"\b(?:next|coming|following)\b", lower):
        step = 1
    else:
        step = 0
    if name == "quarter" and not on_anchor:
        year, quarter = _reference_quarter(ctx, start)
        base = date(year, 3 * quarter - 1, 15)
        if "current" in words:
            base = ctx.dct
    if name == "year" and step == -1 and not on_anchor and _compares_quarters(ctx, start):
        stated = ctx.current_period(start)
        if stated:
            return Reading("DATE", _year_before(stated), end=trimmed_end)
        year, quarter = _reference_quarter(ctx, start)
        return Reading("DATE", f"{year - 1:04d}-Q{quarter}", end=trimmed_end)
    if name == "year" and step == -1 and trimmed_end and _RESULTS_AFTER.match(ctx.text, end):
        # "Last year's results were hurt by ...", in a report on a quarter: that quarter.
        stated = ctx.current_period(start)
        if stated and "-Q" in stated:
            return Reading("DATE", _year_before(stated), end=trimmed_end)
    if name == "day" and not on_anchor and step == 0:
        base = ctx.dct
        in_year = _IN_YEAR.match(ctx.text, end) if lower == "this day" else None
        if in_year is not None:
            # "On this day in 1945": the day of the year in that year (not 29 February)
            with contextlib.suppress(ValueError):
                base = base.replace(year=int(in_year.group(1)))
                return Reading("DATE", base.isoformat(), end=trimmed_end, anchors=True)
    value = cal.format_at(cal.shift(base, step, name), name)
    # "Last year, the company earned ...": the text now compares whole years.
    period = None
    if name == "year" and step <= 0 and not on_anchor and ctx.period and "-Q" in ctx.period:
        period = f"{ctx.dct.year:04d}"
    return Reading("DATE", value, end=trimmed_end, anchors=on_anchor, period=period)


def _set(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    if lower in FREQUENCY_ADVERBS:
        return Reading("SET", FREQUENCY_ADVERBS[lower])
    weekday = _WEEKDAY_TOKEN.search(lower)
    if weekday:
        value = f"XXXX-WXX-{WEEKDAYS[weekday.group(1)] + 1}"
        part = _PART_TOKEN.search(lower[weekday.end() :])
        return Reading("SET", value + (f"T{PARTS_OF_DAY[part.group(1)]}" if part else ""))
    month = _MONTH_TOKEN.search(text)
    if month and month.group(1)[0].isupper():
        return Reading("SET", f"XXXX-{MONTHS[month.group(1).lower()]:02d}")
    season = _SEASON_TOKEN.search(lower)
    if season:
        return Reading("SET", f"XXXX-{SEASONS[season.group(1)]}")
    part = _PART_TOKEN.search(lower)
    if part:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[part.group(1)]}")
    if "weekend" in lower:
        return Reading("SET", "XXXX-WXX-WE")
    unit = _unit_of(lower)
    if unit is None:
        return None
    name, letter = unit
    step = (2 if "other" in lower else 1) * (2 if "fortnight" in lower else 1)
    if letter == "M" and name != "month":
        return Reading("SET", f"PT{step}M")
    return Reading("SET", duration_value(step, letter))


_DEADLINE = re.compile(r"\b(?:by|until|till)\s+$", re.IGNORECASE)
# "whose financial year ends in March", "the school year starts in September": the month a
# year of accounts or of school turns every year, no month of one year.
_YEARLY_TURN = re.compile(
    r"\b(?:financial|fiscal|tax|accounting|school|academic|business)\s+year\s+"
    r"(?:ends|begins|starts|runs\s+(?:from|to|until))\s+(?:in\s+|on\s+)?(?:(?:early|late|mid)[-\s]+)?$",
    re.IGNORECASE,
)


def _turns_every_year(ctx: Context, start: int) -> bool:
    """Whether the date at `start` is when a financial or school year turns, every year
    ("whose financial year ends in March", "whose accounting year ends on 31 March")."""
    return "year" in ctx.text[max(0, start - 40) : start] and bool(
        _YEARLY_TURN.search(ctx.text, max(0, start - 60), start)
    )


# "By February, the freeze had been lifted", "had fallen by 20% by January".
_BY_PAST_PERFECT = re.compile(r"[,\s][^.;:!?]{0,50}?\bhad\s+(?!to\b)\w", re.IGNORECASE)
_PAST_PERFECT_BY = re.compile(r"\bhad\s+(?!to\b)[^.;:!?]{0,60}\bby\s+$", re.IGNORECASE)
_OPENING_BY = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n\s*)[\"“]?by\s+(?:(?:early|late|mid)[-\s]+)?$", re.IGNORECASE
)


_THROUGH = re.compile(r"\bthrough\s+$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE)
_TO_MONTH_OF_YEAR = re.compile(
    rf"\s*(?:to|until|till|through|and|-|–|—)\s*(?:(?:early|late|mid)[-\s]+)?({MONTH})\s+(\d{{4}})\b",
    re.IGNORECASE,
)


# "and March", "or May" name a month after another month ("between January and March"),
# not after other words ("Theresa May", "marchers and March organisers").
_AND_OR = re.compile(r"\s(?:and|or)\s+$", re.IGNORECASE)
_AFTER_MONTH_AND = re.compile(rf"{MONTH}\.?,?\s+(?:and|or)\s+$", re.IGNORECASE)


def _month(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if not _month_is_name(text):
        return None
    if (
        text in ("March", "May")
        and _AND_OR.search(ctx.text, max(0, start - 5), start)
        and not _AFTER_MONTH_AND.search(ctx.text, max(0, start - 30), start)
    ):
        return None
    month = _month_of(text)
    if month is None:
        return None
    if _turns_every_year(ctx, start):
        return Reading("DATE", f"XXXX-{month:02d}")  # "whose financial year ends in March"
    year = (
        ctx.timeline_year(start)  # "2023" over "March – Talks collapse"
        or ctx.stated_year(start)
        or year_opening_sentence(ctx, start, end)
        or year_going_on(ctx, month, start, end)
    )
    if year is None:
        year = year_after_statement(ctx, month, start, end)
    span_end = _TO_MONTH_OF_YEAR.match(ctx.text, end)
    if year is None and span_end and _month_is_name(span_end.group(1)):
        # "from July to December 2016": the span's year, or the one before when it
        # crosses a new year ("November to February 2017").
        last = _month_of(span_end.group(1))
        year = int(span_end.group(2)) - (1 if last is not None and last < month else 0)
    if year is None and start - ctx.year_at < 60 and ctx.anchor_unit in ("day", "month"):
        closes = _RANGE_CLOSES.search(ctx.text, max(0, ctx.year_at - 10), start)
        if closes and closes.start() < ctx.year_at:
            # "from late November until mid-December": the first such month after the start
            year = ctx.anchor.year + (1 if month < ctx.anchor.month else 0)
    since = year is None and "ince" in ctx.text[max(0, start - 12) : start]  # cheap test first
    if since and _SINCE_BEFORE.search(ctx.text, max(0, start - 12), start):
        year = cal.nearest_month(ctx.dct, month, -1)  # "the first since July": gone
    if year is None and _DEADLINE.search(ctx.text, max(0, start - 12), start):
        # "by February", "until January": ahead, unless what was done by then is told in
        # the past perfect ("By mid-February, the freeze had been lifted"), or in the past
        # after the month opening the sentence ("By mid-December, it was dominant")
        done = (
            _lasted_until(ctx, start, end)
            or _BY_PAST_PERFECT.match(ctx.text, end)
            or _PAST_PERFECT_BY.search(ctx.text, max(0, start - 80), start)
            or (
                _OPENING_BY.search(ctx.text, max(0, start - 16), start)
                and ctx.tense(start, end) < 0
            )
        )
        year = cal.nearest_month(ctx.dct, month, -1 if done else 1)
    if year is None and sent_to_appear(ctx.text, start):
        year = cal.nearest_month(ctx.dct, month, 1)  # "bailed to appear ... in February"
    if year is None and set_for(ctx.text, start):
        year = cal.nearest_month(ctx.dct, month, 0)  # "The trial was set for September"
    if year is None and changed_from(ctx.text, start):
        year = cal.nearest_month(ctx.dct, month, -1)  # "down from a forecast of £65m in March"
    if year is None:
        # Months within a season of the DCT are the nearest ones whatever the tense cues say,
        # and so is the end of a span "through January": the verb tells when the span began.
        distance = min((month - ctx.dct.month) % 12, (ctx.dct.month - month) % 12)
        spans = _THROUGH.search(ctx.text, max(0, start - 10), start)
        tense = ctx.tense(start, end) if distance >= 3 and not spans else 0
        if distance and not spans and closely_past(ctx.text, start, end):
            tense = -1  # "took office in January" written in November: the last January
        elif distance and not spans and closely_future(ctx.text, start):
            tense = 1  # "will be held in December" written on 1 January: the next one
        elif distance and not spans and hedged_ahead(ctx.text, start, end):
            tense = 1  # "could be made as soon as May" written in June
        year = cal.nearest_month(ctx.dct, month, tense)
    return Reading("DATE", f"{year:04d}-{month:02d}", anchors=True)


def _year(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    year = _year_of(text)
    if year is None:
        return None
    counted = _COUNTED.match(ctx.text, end) and not _DATE_PREPOSITION.search(
        ctx.text, max(0, start - 8), start
    )
    if counted or _PRECEDING_NUMBER_SIGN.search(ctx.text, max(0, start - 16), start):
        return None
    return Reading("DATE", f"{year:04d}", anchors=True)


_POSSIBLE = re.compile(r"\s+as\s+possible\b", re.IGNORECASE)


_ADJECTIVAL = re.compile(r"\b(?:the|a|an|its|their|his|her|our|'s)\s+$", re.IGNORECASE)


_PARTICIPLE = re.compile(r"\s+[a-z]+(?:ed|en|wn)\b")


_REFS = {
    "PRESENT_REF": ("now", "current", "presently", "nowadays", "these days", "at present",
                    "the present", "right now", "just now", "moment"),
    "FUTURE_REF": ("future", "soon", "term", "later date"),
}  # fmt: skip


_DISCOURSE_NOW = re.compile(r"\s+for\s+(?:the|a|an|our|today's|tonight's|some|more)\b", re.I)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether text[start:] opens a sentence (or follows only "And"/"But" that do)."""
    head = text[max(0, start - 12) : start]
    head = re.sub(r"(?:\b(?:and|but|so)\s+)$", "", head, flags=re.I)
    return not head.strip() or bool(re.search(r"(?:[.!?:\"”]|\n)\s*$", head))


def _ref(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = " ".join(text.lower().split())
    if lower == "then":
        # "on Nov. 30. Until then, ...": the day last stated, if it is close by; or the year
        # or month stated since ("destroyed the market in 2017. Since then, ...")
        coarser = ctx.year_at > ctx.day_anchor_at and ctx.anchor_unit in ("month", "year")
        if coarser and start - ctx.year_at <= 300:
            return Reading("DATE", cal.format_at(ctx.anchor, ctx.anchor_unit))
        if ctx.day_anchor is None or start - ctx.day_anchor_at > 300:
            return None
        return Reading("DATE", ctx.day_anchor.isoformat())
    if lower == "now" and _DISCOURSE_NOW.match(ctx.text, end) and _opens_sentence(ctx.text, start):
        return None  # "Now for the weather.": a turn of the discourse, not the present
    if lower == "soon" and (
        re.match(r"\s+after\b", ctx.text[end : end + 7])
        or (
            re.search(r"\bas\s+$", ctx.text[max(0, start - 4) : start])
            and not _POSSIBLE.match(ctx.text, end)
        )
    ):
        return None  # "soon after X", "as soon as X" are relative to X, not to now
    if _ADJECTIVAL.search(ctx.text, max(0, start - 12), start) and _PARTICIPLE.match(ctx.text, end):
        return None  # "a previously announced plan" modifies a noun; it is not a timex
    if lower.startswith("then "):
        return Reading("DATE", "PAST_REF")
    for value, cues in _REFS.items():
        if any(cue in lower for cue in cues):
            return Reading("DATE", value)
    return Reading("DATE", "PAST_REF")


HANDLERS: dict[str, Handler] = {
    "wholeyear": _wholeyear,
    "iso": _iso,
    "slash": _slash,
    "dashed": _slash,
    "day_month": _day_month,
    "numeric_month": _numeric_month,
    "dotted": _dotted,
    "year_first": _year_first,
    "clock": _clock,
    "nth_weekday": _nth_weekday,
    "date": _date,
    "other_language_date": _other_language_date,
    "other_language_weekday": _other_language_weekday,
    "other_language_month": _other_language_month,
    "other_language_deictic": _other_language_deictic,
    "day_edge": _day_edge,
    "monthyear": _monthyear,
    "quarter": _quarter,
    "half": _half,
    "period": _period,
    "century": _century,
    "decade": _decade,
    "fiscal": _fiscal,
    "season": _season,
    "yearpos": _yearpos,
    "yearend": _yearend,
    "ago": _ago,
    "deictic_part": _deictic_part,
    "deictic": _deictic,
    "nth_day": _nth_day,
    "day_of_month": _day_of_month,
    "holiday": _holiday,
    "month_span": _month_span,
    "quarter_code": _quarter_code,
    "year_span": _year_span,
    "apposition": _apposition,
    "day_before": _day_before,
    "narrative": _narrative,
    "relative": _relative,
    "duration": _duration,
    "set": _set,
    "weekday": _weekday,
    "week_on": _week_on,
    "month": _month,
    "year": _year,
    "elided": _elided,
    "ref": _ref,
}
