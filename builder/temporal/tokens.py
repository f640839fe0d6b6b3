"""Reading the words of a temporal expression: month, weekday, year, day, unit and amount."""

from __future__ import annotations

import re
from datetime import date

from builder.temporal import calendar as cal
from builder.temporal.context import Context
from builder.temporal.lexicon import MONTHS, TIME_UNITS, UNITS
from builder.temporal.numbers import parse_number, parse_ordinal, parse_spelled_year
from builder.temporal.tense import (
    changed_from,
    closely_future,
    closely_past,
    hedged_ahead,
    sent_to_appear,
    sentence_bounds,
    set_for,
)

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*|\d+(?:\.\d+)?(?:\s\d/\d)?|'\d\d|\d/\d", re.IGNORECASE)


_MONTH_TOKEN = re.compile(
    r"(?<![\w])(january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![\w-])",
    re.IGNORECASE,
)


_WEEKDAY_TOKEN = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)


YEAR_TOKEN = re.compile(r"(?<![\d'])(1[5-9]\d\d|20\d\d)(?!\d)")


_SPELLED_YEAR_TOKEN = re.compile(
    r"(?:nineteen|eighteen|twenty|two\s+thousand)(?:[-\s](?:and|oh|hundred|[a-z]+teen|ten|eleven"
    r"|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five"
    r"|six|seven|eight|nine))*",
    re.IGNORECASE,
)


_DAY_TOKEN = re.compile(
    r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])|(?<![\w-])([a-z]+-)?"
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth)(?![\w-])",
    re.IGNORECASE,
)


_UNIT_TOKEN = re.compile(
    r"(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)"
    r"|millenni(?:um|a))s?(?![a-z])",
    re.IGNORECASE,
)


# (Not the "night" of "fortnight".)
_PART_TOKEN = re.compile(r"(?<![a-z])(morning|afternoon|evening|night|tonight|overnight)", re.I)


_SEASON_TOKEN = re.compile(r"(spring|summer|fall|autumn|winter)", re.I)


_UNIT_NAMES = {
    "day": "day", "night": "day", "week": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _month_of(text: str) -> int | None:
    match = _MONTH_TOKEN.search(text)
    return MONTHS[match.group(1).lower()] if match else None


def _month_is_name(text: str) -> bool:
    """Month names must be capitalised: "may" and "march" are also verbs."""
    match = _MONTH_TOKEN.search(text)
    return bool(match) and match.group(1)[0].isupper()


def _year_of(text: str) -> int | None:
    match = YEAR_TOKEN.search(text)
    if match:
        return int(match.group(1))
    for spelled in _SPELLED_YEAR_TOKEN.finditer(text):
        year = parse_spelled_year(spelled.group(0))
        if year is not None:
            return year
    two_digit = re.search(r"['’](\d\d)\b", text)
    if two_digit:
        value = int(two_digit.group(1))
        return 1900 + value if value > 30 else 2000 + value
    return None


def _relative_year(words: list[str], base: int) -> int | None:
    """The year meant by "this year", "last year", "next year" in `words`, if any."""
    for index, word in enumerate(words[:-1]):
        if words[index + 1] in ("year", "year's"):
            if word == "this":
                return base
            if word == "last":
                return base - 1
            if word == "next":
                return base + 1
    return None


# "Last summer, fires burned ... between July and September": a sentence opened by a year
# named relative to the publication date.
_OPENING_YEAR = re.compile(
    r"\s*[\"“‘']?(last|this|next)\s+(?:year|spring|summer|autumn|fall)\b,?", re.IGNORECASE
)
_STEP = {"last": -1, "this": 0, "next": 1}
_NAMED_YEAR = ("year", "spring", "summer", "autumn", "fall")


def year_opening_sentence(ctx: Context, start: int, end: int) -> int | None:
    """The year named ("last year", "this summer") at the start of the sentence holding
    `start`, if one opens it."""
    window = ctx.text[max(0, start - 200) : start].lower()
    if not any(word in window for word in _NAMED_YEAR):  # cheap test first
        return None
    opening = _OPENING_YEAR.match(ctx.text, sentence_bounds(ctx.text, start, end)[0])
    if opening is None or opening.end() > start:
        return None
    return ctx.dct.year + _STEP[opening.group(1).lower()]


_SPAN_END = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


# "said in January that it would close the plant in March", "said on Monday that he would
# resign on Friday": a future told from a time gone.
_WOULD = re.compile(r"\bwould\b[^.;:!?]{0,50}$", re.IGNORECASE)


def year_after_statement(ctx: Context, month: int, start: int, end: int) -> int | None:
    """The year of `month` that a statement made in a month or on a day gone, told earlier
    in the sentence, puts ahead with "would": the first such month after the statement's."""
    if "would" not in ctx.text[max(0, start - 60) : start]:  # cheap test first
        return None
    told = ctx.anchor
    if ctx.anchor_unit not in ("day", "month") or told >= ctx.dct or start - ctx.year_at > 200:
        return None
    if sentence_bounds(ctx.text, start, end)[0] > ctx.year_at:
        return None
    if not _WOULD.search(ctx.text, max(0, start - 60), start):
        return None
    return told.year + (1 if month < told.month else 0)


# "from 20 December to 5 January", "between 30 April and 2 May": the day closing a span
# whose opening day was told just before.
_SPAN_OPENER = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_SPAN_CLOSER = re.compile(r"[^.;:!?\n]{1,25}?\s*(?:to|until|till|through|and|-|–)\s*$", re.I)


def year_closing_span(ctx: Context, month: int, start: int) -> int | None:
    """The year of `month` when it closes a span of days opened just before: the first
    such month on or after the opening day's."""
    opened, opened_at = ctx.day_anchor, ctx.day_anchor_at
    if opened is None or not 0 < start - opened_at <= 30:
        return None
    if not _SPAN_OPENER.search(ctx.text, max(0, opened_at - 10), opened_at):
        return None
    if not _SPAN_CLOSER.fullmatch(ctx.text, opened_at, start):
        return None
    return opened.year + (1 if month < opened.month else 0)


# "She was appointed in January 2021. In June, she launched an inquiry.": a month opening
# its sentence, told in the past after a year gone, goes on with the story in that year.
_OPENS_SENTENCE = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n\s*)[\"“]?(?:in|on|by|early\s+in|late\s+in)\s+"
    r"(?:(?:early|late|mid)[-\s]+)?$",
    re.IGNORECASE,
)


_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid)[-\s]+)?$", re.IGNORECASE)


def year_going_on(ctx: Context, month: int, start: int, end: int) -> int | None:
    """The year the story is at, for `month` opening a sentence told in the past, when the
    sentences just before wrote out that year, before the publication's, and `month` is
    not before the month they told (the story goes on, it does not step back)."""
    told = ctx.told_year
    if told is None or told >= ctx.dct.year or start - ctx.told_year_at > 300:
        return None
    if _SINCE_YEAR.search(ctx.text, max(0, ctx.told_year_at - 14), ctx.told_year_at):
        return None  # "doubling its profits since 1980": a span, not where the story is
    if ctx.anchor.year != told or (
        ctx.anchor_unit in ("day", "month") and month < ctx.anchor.month
    ):
        return None
    if not _OPENS_SENTENCE.search(ctx.text, max(0, start - 16), start):
        return None
    return told if ctx.tense(start, end) < 0 else None


# How many days after a day of a year gone, told just before, a day without its year
# goes on with the story in that year: a season.
_STORY_GOES_ON_DAYS = 92


def year_of_next_day(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    """The year of a day told just after a day of a year gone, on it or within a season
    after it, told not in the future: the story goes on in that year ("The 2016 referendum was
    held on 23 June. The result shocked markets on 24 June."; "The 2020 pandemic closed
    schools on 23 March. They reopened on 1 June.")."""
    told = ctx.day_anchor
    if told is None or told.year >= ctx.dct.year or not 0 < start - ctx.day_anchor_at <= 300:
        return None
    try:
        following = date(told.year, month, day)
    except ValueError:
        return None
    if not 0 <= (following - told).days <= _STORY_GOES_ON_DAYS or ctx.tense(start, end) > 0:
        return None
    return told.year


def year_of_month(ctx: Context, month: int, start: int, end: int) -> int:
    """The year of a day in `month` whose year the text does not write: the opening day's
    when it closes a span, the one a sentence opened with, the one the story is at, else
    the nearest on the side of the publication day the verb points to."""
    heading_year = ctx.timeline_year(start)
    if heading_year is not None:
        return heading_year  # "2023" over "October 7 – Militants attack ..."
    year = (
        year_closing_span(ctx, month, start)
        or ctx.stated_year(start)
        or year_opening_sentence(ctx, start, end)
        or year_going_on(ctx, month, start, end)
    )
    if year is None:
        year = year_after_statement(ctx, month, start, end)
    if year is not None:
        return year
    if sent_to_appear(ctx.text, start):
        return cal.nearest_month(ctx.dct, month, 1)  # "remanded to appear ... on 14 January"
    if set_for(ctx.text, start):
        return cal.nearest_month(ctx.dct, month, 0)  # "A trial date was set for 8 September"
    if changed_from(ctx.text, start):
        return cal.nearest_month(ctx.dct, month, -1)  # "up from 3.2% in May"
    distance = min((month - ctx.dct.month) % 12, (ctx.dct.month - month) % 12)
    tense = ctx.tense(start, end) if distance > 2 else 0
    if tense == 0 and distance > 2 and _SPAN_END.search(ctx.text, max(0, start - 10), start):
        tense = 1  # "funds agencies through Oct. 31": an end told in no tense is ahead
    if (
        distance
        and "ince" in ctx.text[max(0, start - 7) : start]
        and _SINCE.search(ctx.text, max(0, start - 7), start)
    ):
        return cal.nearest_month(ctx.dct, month, -1)  # "frozen since Aug. 1": gone
    if distance and closely_past(ctx.text, start, end):
        tense = -1  # "began on Jan. 2" written in November: the January gone
    elif distance and closely_future(ctx.text, start):
        tense = 1  # "will be signed on 28 December" written on 1 January
    elif distance and hedged_ahead(ctx.text, start, end):
        tense = 1  # "could be made as soon as 3 June" written on 11 June
    return cal.nearest_month(ctx.dct, month, tense)


def _day_date(ctx: Context, text: str, start: int, end: int) -> date | None:
    """The calendar day in an absolute date expression ("Nov. 9", "27 November 2024")."""
    month_match = _MONTH_TOKEN.search(text)
    month = MONTHS[month_match.group(1).lower()] if month_match else None
    rest = text[month_match.end() :] if month_match else text
    day_match = _DAY_TOKEN.search(rest)
    if day_match is None or (day_match and YEAR_TOKEN.fullmatch(day_match.group(0))):
        for candidate in _DAY_TOKEN.finditer(text[: month_match.start()] if month_match else ""):
            day_match = candidate
    if month is None or day_match is None:
        return None
    if day_match.group(1):
        day = int(day_match.group(1))
    else:
        ordinal = (day_match.group(2) or "") + day_match.group(3)
        day = parse_ordinal(ordinal)
        if day is None:
            return None
    year = _year_of(text[month_match.end() :]) if month_match else None
    if year is None:
        year = _relative_year(_words(text), ctx.dct.year)  # "5 March last year"
    if year is None:
        year = year_of_next_day(ctx, month, day, start, end) or year_of_month(
            ctx, month, start, end
        )
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unit_of(text: str) -> tuple[str, str] | None:
    """(calendar unit name, TIMEX letter) of the first unit word in `text`."""
    matches = list(_UNIT_TOKEN.finditer(text))
    if not matches:
        return None
    word = matches[-1].group(1).lower()
    if word.startswith("centur"):
        word = "century"
    if word.startswith("millenni"):
        word = "millennium"
    return _UNIT_NAMES.get(word, word), UNITS[word]


def _amount(text: str) -> float | None:
    """The number before the unit word ("two", "24", "a few"), None when vague."""
    units = list(_UNIT_TOKEN.finditer(text))
    head = text[: units[-1].start()] if units else text
    head = re.sub(
        r"^(?:about|around|approximately|roughly|nearly|almost|some|over|under|just|only|more than"
        r"|less than|fewer than|at least|at most|up to|no more than|no less than|upwards of"
        r"|within)\s+",
        "",
        head.strip(),
        flags=re.I,
    )
    head = re.sub(
        r"^(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|latest|following|initial"
        r"|same|remaining|year-earlier|entire|whole)\s+)?",
        "",
        head,
        flags=re.I,
    )
    head = re.sub(
        r"[-\s]+(?:more|additional|full|straight|trading|business|calendar|working)\b",
        "",
        head,
        flags=re.I,
    )
    head = re.split(r"\s+(?:to|or)\s+|-(?:to|or)-", head.strip(" -"))[0]
    head = head.strip(" -")
    amount = parse_number(head) if head else 1
    if amount is not None and units and units[-1].group(1).lower().startswith("fortnight"):
        amount *= 2  # counted in weeks
    return amount


def duration_value(amount: float | None, letter: str) -> str:
    """A TIMEX3 duration: P3Y, PT2H, PXM; fractions become the next smaller unit."""
    prefix = "PT" if letter in TIME_UNITS and letter != "M" else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    years = {"DE": 10, "CE": 100, "ML": 1000}.get(letter, 0) * amount
    if years and years == int(years):
        return f"P{int(years)}Y"  # "half a century": 50 years
    if amount != int(amount):
        whole = int(amount)
        if letter == "Y":
            months = round((amount - whole) * 12)
            return f"P{whole}Y{months}M" if whole else f"P{months}M"
        if letter == "D":
            return (
                f"P{whole}DT{round((amount - whole) * 24)}H"
                if whole
                else f"PT{round(amount * 24)}H"
            )
        if letter == "H":
            return (
                f"PT{whole}H{round((amount - whole) * 60)}M"
                if whole
                else f"PT{round(amount * 60)}M"
            )
        return f"{prefix}{amount:g}{letter}"
    amount = int(amount)
    if letter == "DE":
        return f"P{amount * 10}Y"
    if letter == "CE":
        return f"P{amount * 100}Y"
    if letter == "ML":
        return f"P{amount * 1000}Y"
    return f"{prefix}{amount}{letter}"
