"""The date a temporal expression gives a candidate event (see builder.candidates).

A candidate's date is a calendar value our dates can hold: a year, a month, a day, or a
time with its zone. A TIMEX3 value is taken as it is where it is one; otherwise the part
the text supports is kept ("Thursday night" is the day, "the spring of 2021" the year, "4
a.m. local time" the day: a time needs a zone, "last week" the month it lies in). Some
dates span more than one expression or are counted from another: "Nov. 28-30", "the
July-September quarter", "two days later".
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from builder.temporal import Timex
from builder.temporal.calendar import shift, year_span_end
from builder.temporal.lexicon import MONTHS, ZONES
from builder.temporal.tense import MOVED, direction, sentence_bounds

_CALENDAR = re.compile(
    r"^\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?)?)?$"
)
_LOCAL_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?$")
_ZONE_NAME = re.compile(rf"(?<!\w)({'|'.join(ZONES)})(?!\w)", re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:SP|SU|FA|AU|WI|Q[1-4]|H[12])$")
_PART_OF_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI|MI|DT)$")


_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
# "the following spring", "the previous summer": a season counted from a date told ("last
# summer", said in September, may be the one just gone or the year before's).
_COUNTED_PART = re.compile(r"\b(?:following|previous|preceding)\b", re.IGNORECASE)
_SEASONS_IN_A_YEAR = ("SP", "SU", "FA", "AU")


def _month_holding_week(year: int, week: int, weekend: bool) -> str | None:
    """ "last week", "this weekend": the month the week (or its weekend) lies in, when one
    month holds it all (a week is no date our dates can hold)."""
    try:
        first = date.fromisocalendar(year, week, 6 if weekend else 1)
        last = first + timedelta(days=1 if weekend else 6)
    except (ValueError, OverflowError):
        return None  # no such week, or one past the calendar's end
    if (first.year, first.month) != (last.year, last.month):
        return None
    return f"{first.year:04d}-{first.month:02d}"


# A quarter or a half of a company's year, not the calendar's: "fiscal Q3 2025", "the third
# fiscal quarter", "Q3 FY2025", "the first half of fiscal 2024".
_FISCAL = re.compile(r"\b(?:fiscal|fy)", re.IGNORECASE)


def _fiscal_part(timex: Timex) -> bool:
    """Whether `timex` is a quarter or half of a fiscal year."""
    return ("-Q" in timex.value or "-H" in timex.value) and bool(_FISCAL.search(timex.text))


def calendar_value(timex: Timex) -> str | None:
    """The value as a calendar point (YYYY, YYYY-MM, YYYY-MM-DD, time), or None."""
    if timex.type not in ("DATE", "TIME") or timex.text.lower() == "overnight":
        return None
    part_of_day = _PART_OF_DAY.match(timex.value)
    if part_of_day:
        return part_of_day.group(1)
    part_of_year = _PART_OF_YEAR.match(timex.value)
    if part_of_year and _fiscal_part(timex):
        return None  # "fiscal Q3 2025": which months, the company's year tells
    if part_of_year:
        # "the spring of 2021", "the first quarter of 2025", "the following spring": the
        # year, when the text states it, or counts a season within one year from a date
        # told (a season or quarter has no month our dates can hold; a winter spans two
        # years, a quarter may be a fiscal year's).
        year = part_of_year.group(1)
        counted = timex.value[5:] in _SEASONS_IN_A_YEAR and _COUNTED_PART.search(timex.text)
        return year if year in timex.text or counted else None
    week = _WEEK.match(timex.value)
    if week is not None:
        return _month_holding_week(int(week.group(1)), int(week.group(2)), bool(week.group(3)))
    if timex.value[10:16] == "T24:00":
        # "midnight on Thursday": said of the night into Thursday as often as of the one
        # after it; the day named is what the text supports (none: "XXXX-XX-XXT24:00").
        return timex.value[:10] if _CALENDAR.match(timex.value[:10]) else None
    if not _CALENDAR.match(timex.value):
        return None
    if not _LOCAL_TIME.match(timex.value):
        return timex.value
    zone = _ZONE_NAME.search(timex.text)
    if zone is not None:
        hours: int | None = ZONES[zone.group(1).lower()]
    else:
        american = _AMERICAN_ZONE.search(timex.text)
        hours = _american_offset(american.group(1), timex.value[:10]) if american else None
    if hours is None:
        # "at 4 a.m. local time": an event's time needs its zone, which the text does not
        # give; the day is what it supports.
        return timex.value[:10]
    # TIMEX3 values leave out the zone a time is stated in ("2:25 p.m. EDT"); an event's
    # time keeps it, as an offset.
    return timex.value + ("Z" if hours == 0 else f"{hours:+03d}:00")


# "2:30 p.m. ET": American zones named without saying whether summer time is on; the day
# tells (capitals only: French "et" is "and").
_AMERICAN_ZONE = re.compile(r"(?<!\w)(ET|CT|MT|PT)(?!\w)")
_STANDARD_OFFSET = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}


def _american_offset(zone: str, day: str) -> int | None:
    """The UTC offset of an American zone on `day` (YYYY-MM-DD): summer time from the second
    Sunday of March to the first Sunday of November (the rule since 2007). None on the days
    the clocks change (which side of the change, the text does not say) and before 2007."""
    on = date.fromisoformat(day)
    if on.year < 2007:
        return None
    march = date(on.year, 3, 8) + timedelta(days=(6 - date(on.year, 3, 8).weekday()) % 7)
    november = date(on.year, 11, 1) + timedelta(days=(6 - date(on.year, 11, 1).weekday()) % 7)
    if on in (march, november):
        return None
    return _STANDARD_OFFSET[zone] + (1 if march < on < november else 0)


# "the July-September quarter", "Nov.-Feb.", "(1940-2024)", "2022-23": a span of months
# or years, one expression.
_MONTHS_TEXT = re.compile(r"([A-Za-z]+)\.?\s*[-–]\s*([A-Za-z]+)")
_YEARS_TEXT = re.compile(r"(?<!\d)(\d{4})\s*[-–/]\s*(\d{4}|\d\d)$")


def spanned(timex: Timex) -> tuple[str, str] | None:
    """The first and last month or year of a span the tagger read as one expression (its
    value holds the first year)."""
    if timex.type != "DATE" or not timex.value[:4].isdigit():
        return None
    years = _YEARS_TEXT.search(timex.text)  # also "the winter of 2022-23"
    if years is not None:
        last = year_span_end(years.group(1), years.group(2))
        return (years.group(1), f"{last:04d}") if last is not None else None
    match = _MONTHS_TEXT.match(timex.text)
    if match is None:
        return None
    first, last = MONTHS.get(match.group(1).lower()), MONTHS.get(match.group(2).lower())
    if first is None or last is None:
        return None
    year = int(timex.value[:4])
    end_year = year + 1 if last < first else year
    return f"{year:04d}-{first:02d}", f"{end_year:04d}-{last:02d}"


# "Nov. 28-30", "27 and 28 October", "20th-21st March", "Dec. 25 and 26": days of one
# month, the date naming one of them (not "Dec. 25 and 26 people").
_LATER_DAY = re.compile(
    r"\s*(?:[-–]\s*|\s(?:and|to)\s+(?=\d{1,2}(?:st|nd|rd|th)?(?:\s*[.,;:!?)]|\s*$)))"
    r"(\d{1,2})(?![\d/.:,-]?\d)"
)
# ("4, 5 and 6 November": the first day of the list.)
_EARLIER_DAY = re.compile(
    r"(?<![\d/.:,-])(\d{1,2})(?:st|nd|rd|th)?(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?"
    r"\s*(?:[-–]|\s(?:and|to)\s)\s*$"
)


def day_span(value: str, before: str, after: str, text: str) -> tuple[str, str] | None:
    """The first and last day of a span of days that the day `value` (a date whose text is
    `text`) closes or opens, with the other day given by its number alone."""
    if len(value) != 10:
        return None
    later = _LATER_DAY.match(after) if text[-1].isdigit() else None
    earlier = _EARLIER_DAY.search(before) if text[0].isdigit() else None
    if later is not None:
        first, last = value, f"{value[:8]}{int(later.group(1)):02d}"
    elif earlier is not None:
        first, last = f"{value[:8]}{int(earlier.group(1)):02d}", value
    else:
        return None
    try:
        if date.fromisoformat(first) < date.fromisoformat(last):
            return first, last
    except ValueError:  # no such day in that month
        pass
    return None


# "adjourned from 4 to 11 April": the day a thing was set for, by its number alone, and the
# day it was moved to.
_MOVED_FROM_DAY = re.compile(
    rf"{MOVED}\s+from\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|until|till)\s+$", re.IGNORECASE
)


def moved_from_day(value: str, before: str) -> str | None:
    """The day of the month a thing was moved from, to the day `value`, that `before` (the
    text before `value`'s expression) gives by its number alone."""
    moved = _MOVED_FROM_DAY.search(before) if len(value) == 10 else None
    if moved is None:
        return None
    try:
        return date(int(value[:4]), int(value[5:7]), int(moved.group(1))).isoformat()
    except ValueError:  # no such day in that month
        return None


# "for five days from 3 March", "over the two weeks starting Monday", "from 3 March for
# five days", "in the three months to 30 June", "was to last 42 days, until 1 March": a
# count of days, weeks or months lasting from a day or up to it, and what joins them.
# (Not "the year ended 31 March", whose day is what is told: a company's year.)
_LASTING = re.compile(r"P(\d+)([DWM])")
_LASTING_UNITS = {"D": "day", "W": "week", "M": "month"}
_FOR_COUNT = re.compile(
    r"(?:\bfor|\b(?:over|in|during)\s+the|\blast(?:s|ed|ing)?)\s+$", re.IGNORECASE
)
_COUNT_FROM = re.compile(
    r"\s+(?:from|starting(?:\s+on|\s+from)?|beginning(?:\s+on)?)\s+", re.IGNORECASE
)
_COUNT_TO = re.compile(r",?\s+(?:to|through|until|till|end(?:ing|ed)(?:\s+on)?)\s+", re.IGNORECASE)
# "Three days of official mourning began on Thursday", "A three-day strike starting
# Monday", "Five days of talks ended on Friday": an event told by how long it lasts, and
# the day it starts or ends on.
_EVENT_OF_COUNT = re.compile(
    r"(?:\s+of(?:\s+[\w-]+){1,3}?|(?:(?<=-day)|(?<=-week)|(?<=-month))(?:\s+[\w-]+){1,2}?)\s+"
    r"(starting|beginning|from|beg[ai]n|begins|start(?:s|ed)?|opens|opened|end(?:s|ed))"
    r"(?:\s+on)?\s+",
    re.IGNORECASE,
)
_FROM_FOR = re.compile(r",?\s+for\s+(?:the\s+)?", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def days_lasting(
    value: str, sentence: str, offset: int, timex: Timex, neighbours: list[Timex]
) -> tuple[str, str] | None:
    """The first and last day of a count of days, weeks or months lasting from the day
    `timex` (of value `value`) or up to it, the count being one of the expressions just
    before and after it (`neighbours`): "for five days from 3 March" is 3 to 7 March, "in
    the three months to 30 June" 1 April to 30 June. `sentence` starts at `offset`."""
    if len(value) != 10 or not _CALENDAR.match(value):
        return None
    for count in neighbours:
        lasting = _LASTING.fullmatch(count.value) if count.type == "DURATION" else None
        way = _joined_as_lasting(sentence, offset, timex, count) if lasting else 0
        if lasting is not None and way:
            span = _span_of(date.fromisoformat(value), int(lasting.group(1)), lasting.group(2), way)
            if span is not None:
                return span
    return None


def _span_of(day: date, amount: int, unit: str, way: int) -> tuple[str, str] | None:
    """The first and last day of `amount` `unit`s (a _LASTING letter) from `day` (`way`
    1) or up to it (-1); None for a span of one day or of more than a year."""
    unit_name = _LASTING_UNITS[unit]
    if way > 0:
        first, last = day, shift(day, amount, unit_name) - timedelta(days=1)
    else:  # "the three months to 30 June" start on 1 April
        first, last = shift(day + timedelta(days=1), -amount, unit_name), day
    if not 1 <= (last - first).days <= 365:
        return None
    return first.isoformat(), last.isoformat()


def _joined_as_lasting(sentence: str, offset: int, day: Timex, count: Timex) -> int:
    """Whether the words around `day` and `count` tell the count lasts from the day (1):
    "for five days from 3 March", "from 3 March for five days"; or up to it (-1): "in the
    three months to 30 June"; else 0."""
    if count.start < day.start:
        between = (sentence, count.end - offset, day.start - offset)
        event = _EVENT_OF_COUNT.fullmatch(*between)
        if event is not None:  # "Three days of mourning began on Thursday"
            return -1 if event.group(1)[:3].lower() == "end" else 1
        way = 1 if _COUNT_FROM.fullmatch(*between) else -1 if _COUNT_TO.fullmatch(*between) else 0
        # (The expression may hold its "the": "In the five days from 3 March".)
        opening = count.start - offset + (4 if count.text[:4].lower() == "the " else 0)
        return way if way and _FOR_COUNT.search(sentence, 0, opening) else 0
    joined = _FROM_FOR.fullmatch(sentence, day.end - offset, count.start - offset)
    return 1 if joined and _FROM.search(sentence, 0, day.start - offset) else 0


# "in the week beginning 17 March", "the week commencing Monday": a week told by its first
# day; "the week of March 17": by a day in it, the week from Monday to Sunday.
_WEEK_BEGINNING = re.compile(
    r"\bweek\s+(?:(beginning|commencing|starting)(?:\s+on)?|of)\s+$", re.IGNORECASE
)


def week_beginning(value: str, before: str) -> tuple[str, str] | None:
    """The first and last day of a week told by its first day, or by a day in it, `value`
    (`before` is the text before its expression)."""
    week = _WEEK_BEGINNING.search(before) if "week" in before[-30:] else None
    if len(value) != 10 or week is None:
        return None
    first = date.fromisoformat(value)
    if week.group(1) is None:  # "the week of March 17"
        first -= timedelta(days=first.weekday())
    return first.isoformat(), (first + timedelta(days=6)).isoformat()


# "overnight into Thursday", "overnight to Sunday": a night told by the day it ends on.
_NIGHT_INTO = re.compile(r"\bovernight\s+(?:into|to)\s+$", re.IGNORECASE)


def night_into(value: str, before: str) -> tuple[str, str] | None:
    """The day before and the day `value` of a night told by the day it ends on."""
    if len(value) != 10 or "vernight" not in before[-20:] or not _NIGHT_INTO.search(before):
        return None
    day = date.fromisoformat(value)
    return (day - timedelta(days=1)).isoformat(), value


# "Two days later", "three years earlier", "Twenty years on,", "six months afterwards",
# "Three years before,": a count of units from the narrative's date.
_LATER = re.compile(
    r"\s+(later|earlier|(?:on|before|beforehand|after|afterwards?)(?=\s*[,;.!?]))\b(?!\s+than)",
    re.IGNORECASE,
)
_BACK = ("earlier", "before", "beforehand")
_AFTER = re.compile(r"\s+(?:after|before)\s+", re.IGNORECASE)
_COUNT = re.compile(r"P(\d+)([DWMY])")
_HOURS = re.compile(r"PT(\d+)(H)")
_SOME_HOURS = re.compile(r"PTX([HM])")
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
# The date the narrative is at must be this near (about two sentences) to count from it.
_ANCHOR_REACH = 300


def counted_dates(
    text: str, timexes: list[Timex], values: list[str | None], dct: str
) -> dict[int, str]:
    """The dates of counts of units "later" or "earlier", or "after" or "before" an event
    the sentence of the date counted from tells of (by the start of their timex):
    that far from the last calendar date before them, at the precision both allow
    ("two days later" needs a day to count from, "two years later" a year, "two hours
    later" a time of day). None where
    no date is near enough to count from, or where the count would pass the publication
    day in a sentence told in the past: nothing is guessed. Each such date is where the
    narrative is for the next count. `values` are the timexes' calendar values."""
    found: dict[int, str] = {}
    anchor: tuple[str, int] | None = None
    clock: str | None = None  # the anchor's time of day as told ("4:17 a.m."), zone or not
    previous: Timex | None = None
    previous_value: str | None = None
    passed: str | None = None  # a date the narrative has moved on from, by an unknown count
    for index, (timex, value) in enumerate(zip(timexes, values, strict=True)):
        counted_from = (
            previous is not None
            and previous.type == "DURATION"
            and _AFTER.fullmatch(text, previous.end, timex.start) is not None
        )
        beside = (
            previous is not None
            and previous_value is not None
            and value is None
            and _APPOSITION.fullmatch(text, previous.end, timex.start) is not None
        )
        if beside:
            apposed = _apposed_count(text, timexes, index, previous_value, dct)
            if apposed is not None:
                found[timex.start] = apposed  # the story stays at the date stated
        previous, previous_value = timex, value
        if value is not None:
            if counted_from:
                # "Eight trading days after Oct. 12, the day before ...": the narrative is
                # not at Oct. 12 (nor at "the day" naming it again), but at a day not known.
                anchor, passed = None, value
            elif value != passed:
                anchor, passed = (value, timex.end), None
                clock = timex.value[:16] if _CLOCK_VALUE.match(timex.value) else None
            continue
        if timex.type in ("DATE", "TIME") and timex.value[:4].isdigit():
            # "This past weekend", "last week": the story is at a time no count can start
            # from ("a day earlier" than a weekend is not a day).
            anchor = None
            continue
        ahead = _counted_from_date_after(text, timexes, values, index)
        if ahead is not None and (ahead[:10] <= dct or direction(text, timex.start, timex.end) > 0):
            found[timex.start] = ahead  # "Two days after the vote on Monday, he resigned"
            continue
        count = _COUNT.fullmatch(timex.value) or _HOURS.fullmatch(timex.value)
        some = _SOME_HOURS.fullmatch(timex.value)  # "Hours later"
        way = _LATER.match(text, timex.end) or _after_event_told(text, timex.end, anchor)
        if anchor is None or not (count or some) or way is None or timex.type != "DURATION":
            continue
        if beside:
            continue  # "in 2014, eight years earlier": the date beside it is the one counted
        if timex.start - anchor[1] > _ANCHOR_REACH:
            continue
        back = way.group(1).lower() in _BACK
        if some is not None:
            value, clock = _some_time_from(clock, anchor[0], some.group(1), back), None
        elif count.group(2) == "H":
            steps = int(count.group(1)) * (-1 if back else 1)
            value, clock = _hours_from(clock, anchor[0], steps, _ROUGHLY.match(timex.text) is None)
        else:
            steps = int(count.group(1)) * (-1 if back else 1)
            value, clock = _count(anchor[0], steps, count.group(2), timex.text), None
        if value is not None and (value[:10] <= dct or direction(text, timex.start, timex.end) > 0):
            found[timex.start] = value
            anchor = (value, timex.end)  # the narrative moves on: "A week later, ..."
    return found


# "Two days after the vote on Monday", "a week before the election in May": a count from
# an event named by a noun and dated just after it.
_AFTER_EVENT_ON = re.compile(
    r"\s+(after|before)\s+(?:the|a|an|his|her|their|its)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?"
    r"\s+(?:on|in|of)\s+",
    re.IGNORECASE,
)


def _counted_from_date_after(
    text: str, timexes: list[Timex], values: list[str | None], index: int
) -> str | None:
    """The date of a count of days, weeks, months or years (timexes[index]) after or before
    an event dated by the expression just after it, that far from that date."""
    timex = timexes[index]
    count = _COUNT.fullmatch(timex.value) if timex.type == "DURATION" else None
    if count is None or index + 1 >= len(timexes) or values[index + 1] is None:
        return None
    way = _AFTER_EVENT_ON.fullmatch(text, timex.end, timexes[index + 1].start)
    if way is None:
        return None
    steps = int(count.group(1)) * (-1 if way.group(1).lower() == "before" else 1)
    return _count(values[index + 1], steps, count.group(2), timex.text)


# "Three days after the attack,", "a week before the vote.": a count from an event named
# by a noun, its clause closing.
_AFTER_EVENT = re.compile(
    r"\s+(after|before)\s+the\s+([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})(?=\s*[,.;:!?])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]{4,}")


def _after_event_told(text: str, end: int, anchor: tuple[str, int] | None) -> re.Match[str] | None:
    """The words "after the attack" after a count ending at `end`, when the sentence that
    told the date the narrative is at (`anchor`: its value, where its expression ends)
    tells of that event: "A car bomb tore through a market on 3 March. Three days after
    the bombing, ..." is three days after 3 March; after "The minister resigned on 3
    March", "after the attack" has no day the text gives."""
    event = _AFTER_EVENT.match(text, end) if anchor is not None else None
    if event is None or anchor is None:
        return None
    left, right = sentence_bounds(text, anchor[1] - 1, anchor[1])
    told = _WORD.findall(text[left:right].lower())
    named = _WORD.findall(event.group(2).lower())
    return event if any(_same_stem(one, other) for one in named for other in told) else None


def _same_stem(one: str, other: str) -> bool:
    """Whether two words name one thing: one holds the other ("quake", "earthquake";
    "bomb", "bombing") or they open alike ("explosion", "exploded")."""
    return one in other or other in one or (len(one) >= 5 and one[:5] == other[:5])


# "collapsed on Friday, a week after the talks began": a count set beside a date.
_APPOSITION = re.compile(r"\s*[,—–]\s*")


def _apposed_count(text: str, timexes: list[Timex], index: int, value: str, dct: str) -> str | None:
    """The date of the event a count of units "after" or "before" tells of, set beside (just
    after a comma or a dash) a date whose calendar value is `value`: "on Friday, a week
    after the talks began" dates the talks a week before Friday. None when the count is
    from a date the text states ("a week after May 1") or would pass the publication day
    in the past."""
    timex = timexes[index]
    count = _COUNT.fullmatch(timex.value)
    if count is None or timex.type != "DURATION":
        return None
    way = _AFTER.match(text, timex.end)
    if way is None:
        return None
    following = timexes[index + 1] if index + 1 < len(timexes) else None
    if following is not None and following.start == way.end():
        return None  # "a week after May 1": counted from the date stated next
    after = way.group().strip().lower() == "after"
    steps = int(count.group(1)) * (-1 if after else 1)
    counted = _count(value, steps, count.group(2), timex.text)
    if counted is None or (counted[:10] > dct and direction(text, timex.start, timex.end) <= 0):
        return None
    return counted


# "about nine hours", "more than two hours": a count of hours told roughly.
_ROUGHLY = re.compile(
    r"(?:about|around|approximately|roughly|nearly|almost|some|over|under|more\s+than"
    r"|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to)\s",
    re.IGNORECASE,
)


def _hours_from(
    clock: str | None, anchor: str, steps: int, exact: bool
) -> tuple[str | None, str | None]:
    """The date `steps` hours from the time of day `clock` (a TIMEX value, which leaves the
    zone out) that the calendar value `anchor` dates, and that time: the time with the
    anchor's zone when it has one and the count is `exact`, else the day. None without a
    time to count from, or when a rough count may fall either side of a midnight."""
    if clock is None or anchor[:10] != clock[:10]:
        return None, None
    try:
        moved = datetime.fromisoformat(clock) + timedelta(hours=steps)
    except (ValueError, OverflowError):
        return None, None  # past the calendar's ends
    told = moved.isoformat(timespec="minutes")
    if not exact and not 1 <= moved.hour < 23:
        return None, None  # "about two hours later" than 22:30: that day or the next
    zone = anchor[16:] if len(anchor) > 16 and exact else None
    return (told + zone if zone else told[:10]), told


# How far "hours later" and "minutes later" may reach, at most.
_SOME = {"H": timedelta(hours=12), "M": timedelta(hours=1)}


def _some_time_from(clock: str | None, anchor: str, unit: str, back: bool) -> str | None:
    """The day of "hours later" (or "minutes earlier") than the time of day `clock` that
    the calendar value `anchor` dates: that day, when all the time the words may mean
    stays in it; None when it may reach into another."""
    if clock is None or anchor[:10] != clock[:10]:
        return None
    told = datetime.fromisoformat(clock)
    try:
        reach = told - _SOME[unit] if back else told + _SOME[unit]
    except OverflowError:
        return None
    return anchor[:10] if reach.date() == told.date() else None


# How far either way a rough count of days, weeks or months may be from its exact value.
_ROUGH_MARGIN = {"D": 1, "W": 3, "M": 1}


def _count(anchor: str, steps: int, unit: str, text: str) -> str | None:
    """`anchor` moved by `steps` units, as `text` (the count's words) tells it: a rough
    count ("about two weeks", "nearly a month") at the month or year that holds every day
    it may mean, or None when none does."""
    counted = _counted_from(anchor, steps, unit)
    if counted is None or _ROUGHLY.match(text) is None:
        return counted
    if unit not in _ROUGH_MARGIN:
        return None  # "almost two years later": that year or the one before
    margin = _ROUGH_MARGIN[unit]
    unit_step = "D" if unit == "W" else unit
    low = _counted_from(counted, -margin, unit_step)
    high = _counted_from(counted, margin, unit_step)
    if low is None or high is None:
        return None
    coarse = 4 if unit == "M" else 7  # the year holding months, the month holding days
    return counted[:coarse] if low[:coarse] == high[:coarse] == counted[:coarse] else None


def _counted_from(anchor: str, steps: int, unit: str) -> str | None:
    """`anchor` (a calendar value) moved by `steps` units (D, W, M or Y)."""
    try:
        if unit in "DW":
            if len(anchor) < 10:
                return None
            day = date.fromisoformat(anchor[:10])
            return (day + timedelta(days=steps * (7 if unit == "W" else 1))).isoformat()
        if unit == "M":
            if len(anchor) < 7:
                return None
            months = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + steps
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return f"{int(anchor[:4]) + steps:04d}"
    except (ValueError, OverflowError):
        return None  # past the calendar's ends
