"""Business reporting periods: quarters, halves, fiscal years, and "a year earlier".

An earnings report is about one period (the quarter just ended, a fiscal quarter, the
nine months); "the latest period", "the year-ago quarter" and "a year earlier" refer to it.
The `Context` keeps that period (`Context.period`) as the text names it.
"""

from __future__ import annotations

import re

from builder.temporal import calendar as cal
from builder.temporal.context import Context, Reading
from builder.temporal.grammar import MONTH, MONTH_DAY, NUMBER_WORD, YEAR
from builder.temporal.lexicon import MONTHS
from builder.temporal.numbers import parse_ordinal
from builder.temporal.tense import sentence_bounds
from builder.temporal.tokens import _amount, _day_date, _relative_year, _unit_of, _words, _year_of


def _reference_quarter(ctx: Context, start: int) -> tuple[int, int]:
    """The business quarter a report published on the creation date is about: the last one
    complete (reports on the third quarter come out in October and November)."""
    current = (ctx.dct.month - 1) // 3 + 1
    if current == 1:
        return ctx.dct.year - 1, 4
    return ctx.dct.year, current - 1


def _year_shift(words: list[str]) -> int:
    # `_words` splits the possessive: "last year's quarter" -> last, year, s, quarter.
    joined = " ".join(words)
    if joined.endswith("last year") or joined.endswith("a year"):
        return -1
    if re.search(
        r"year-ago|year-earlier|year ago|year earlier|last year s\b|prior-year|a year ago", joined
    ):
        return -1
    if re.search(r"next year s\b", joined):
        return 1
    return 0


# Words of a game told in quarters: "scored 17 points in the fourth quarter", "trailed
# 21-14 at half-time".
_GAME_WORDS = (
    "scor", "touchdown", "goal", "rebound", "assist", "pointer", "throw", "half", "buzzer",
    "quarterback", "trailed", "led ", "minutes",
)  # fmt: skip
_GAME = re.compile(
    r"\b(?:scored|touchdowns?|field\s+goals?|rebounds|assists|three-pointers?"
    r"|free\s+throws?|half-?time|buzzer|quarterback|trailed|led\s+\d{1,3}-\d{1,3}"
    r"|minutes\s+(?:left|remaining|to\s+play|to\s+go))\b",
    re.IGNORECASE,
)


_OF_NAMED_YEAR = re.compile(r"\bof\s+(?:fiscal\s+)?(?:this|last|next)\s+year|\bthis\s+year's", re.I)


# Figures of a business or an economy: a sentence telling of them is about the year's
# quarters, whatever game it tells of too ("Sales rose in the fourth quarter, when Smith
# scored ...").
_BUSINESS = re.compile(
    r"\b(?:sales|revenues?|profits?|earnings|income|turnover|gdp|economy|inflation|exports"
    r"|imports|shipments|deliveries|margins?|dividends?|fiscal)\b",
    re.IGNORECASE,
)


def _tells_of_a_game(ctx: Context, start: int, end: int) -> bool:
    sentence = slice(*sentence_bounds(ctx.text, start, end))
    lowered = ctx.text[sentence].lower()
    if not any(word in lowered for word in _GAME_WORDS):  # cheap test first
        return False
    return (
        _GAME.search(ctx.text, sentence.start, sentence.stop) is not None
        and _BUSINESS.search(ctx.text, sentence.start, sentence.stop) is None
    )


# "reports its fourth-quarter results in late October": the month the results come out in.
_RESULTS_IN = re.compile(
    r"\s+(?:results|earnings|figures|numbers)\b[^.;:!?]{0,30}?\b(?:in|on|by)\s+"
    rf"(?:(?:early|late|mid)[-\s]+)?({MONTH})(?!,?\s+\d)",
    re.IGNORECASE,
)


def _results_due_this_year(ctx: Context, end: int) -> bool:
    """Whether the results of the quarter ending at `end` come out in a month still ahead
    this year: a quarter not over by then is a fiscal one of this year, not last year's."""
    due = _RESULTS_IN.match(ctx.text, end)
    return due is not None and MONTHS[due.group(1).rstrip(".").lower()] > ctx.dct.month


def _quarter(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    if _year_of(text) is None and _tells_of_a_game(ctx, start, end):
        return None  # a quarter of a game, not of the year
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]", text, re.I)
    if ordinal is None:
        return None
    token = ordinal.group(1).lower()
    number = 4 if token == "final" else parse_ordinal(token)
    if number is None or not 1 <= number <= 4:
        return None
    year = _year_of(text)
    if year is None and _OF_NAMED_YEAR.search(text):
        year = _relative_year(words, ctx.dct.year)  # "the third quarter of this year"
    shift = 0
    if year is None:
        current = (ctx.dct.month - 1) // 3 + 1
        year = ctx.dct.year
        if (
            number > current
            and ctx.tense(start, end) <= 0
            and "next" not in words
            and not _results_due_this_year(ctx, end)
        ):
            year -= 1
        shift = _year_shift(words)
        year += shift
    value = f"{year:04d}-Q{number}"
    # The quarter a report is about becomes the period under discussion: a fiscal quarter, the
    # last one complete, or a later one told in the past tense ("reported fourth-quarter
    # earnings" from a company whose year ends in September).  Not "the year-ago quarter",
    # "next year's first quarter", nor an earlier quarter in passing ("after a flat second
    # quarter").
    period = None
    if shift == 0 and "next" not in words:
        reference = _reference_quarter(ctx, start)
        told_later = (year, number) > reference and year <= ctx.dct.year
        if (
            re.search(r"\bfiscal\b", text, re.IGNORECASE)  # also "the fiscal-first quarter"
            or (year, number) == reference
            or (told_later and ctx.tense(start, end) < 0)
        ):
            period = value
    # "third-quarter" used as an adjective does not take the determiner: "its third-quarter loss".
    determiner = re.match(r"(?:the|its)\s+(?=(?:fiscal\s+)?[\w-]+-quarter$)", text, re.IGNORECASE)
    return Reading(
        "DATE", value, start=start + determiner.end() if determiner else None, period=period
    )


def _year_before(period: str) -> str:
    """The same reporting period a year earlier: 1989-Q4 -> 1988-Q4, 1989 -> 1988."""
    return f"{int(period[:4]) - 1:04d}{period[4:]}"


def _half(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    decade = re.search(r"['’](\d)0s|(\d{3})0s", lower)
    if decade:
        return Reading("DATE", decade.group(2) or f"19{decade.group(1)}")
    year = _relative_year(_words(text), ctx.dct.year) or _year_of(text) or ctx.dct.year
    half = 1 if "first" in lower else 2
    return Reading("DATE", f"{year:04d}-H{half}")


# "the six months to 27 September", "the nine months ended Sept. 30", "the 26 weeks to 30 August".
_MONTHS_TO_DAY = re.compile(
    rf"(?:the\s+)?(?:first\s+|latest\s+)?((?:\d+|{NUMBER_WORD})\s+(?:months|weeks))\s+(?:to|ended|ending)\s+"
    rf"({MONTH_DAY}(?:,?\s+{YEAR})?)",
    re.IGNORECASE,
)
_UNITS_TO = re.compile(r"(?:months|weeks)\s+(?:to|ended|ending)\s")
_PERIOD_END = re.compile(
    r"\s+(?:ended|ending|ends|through)\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2})\b",
    re.IGNORECASE,
)


# "the year to June 2023", as British reports say "ended".
_YEAR_TO = re.compile(
    r"\s+to\s+(?:the\s+end\s+of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def _period(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if ctx.text.startswith("-to-", end):
        # "the quarter-to-quarter comparison" is a compound modifier, not a timex; it does
        # show the report still talks about its quarter.
        ctx.current_period(start)
        return None
    words = _words(text)
    year, quarter = _reference_quarter(ctx, start)
    told = []
    if _UNITS_TO.search(ctx.text, max(0, start - 800), start):  # cheap test first
        told = list(_MONTHS_TO_DAY.finditer(ctx.text, max(0, start - 800), start))
    months_to = told[-1] if told else None
    stated = ctx.current_period(start)
    if months_to and _year_shift(words) and not {"current", "previous", "prior"} & set(words):
        # "the six months to 27 September ... the same period last year": the months to
        # that day a year before, in one year (no quarter) or none our values can hold.
        closing = _day_date(ctx, months_to.group(2), months_to.start(2), months_to.end(2))
        count = _amount(months_to.group(1))
        unit = _unit_of(months_to.group(1))
        if closing is None or not isinstance(count, int) or unit is None:
            return None
        opening = cal.shift(cal.shift(closing, -count, unit[0]), 1, "day")
        if opening.year != closing.year:
            return None
        return Reading("DATE", f"{closing.year - 1:04d}")
    explicit = _year_of(text)
    shift = _year_shift(words)
    if stated and "-Q" in stated and not {"current", "previous", "prior"} & set(words):
        # The quarter the report is about: "the latest period", "the year-ago quarter",
        # "year-earlier (profit)", "the 1988 period".
        if explicit is not None:
            return Reading("DATE", f"{explicit:04d}{stated[4:]}")
        return Reading("DATE", _year_before(stated) if shift else stated)
    closing = _PERIOD_END.match(ctx.text, end)
    if closing:
        closing_day = _day_date(ctx, closing.group(1), closing.start(1), closing.end(1))
        if closing_day is not None:
            middle = cal.shift(closing_day, -45, "day")
            year, quarter = middle.year, (middle.month - 1) // 3 + 1
    elif "current" in words:
        year, quarter = ctx.dct.year, (ctx.dct.month - 1) // 3 + 1
    if explicit is not None:
        year = explicit
    year += shift
    if words[-1] in ("year-ago", "year-earlier") or (explicit and words[-1] == "period"):
        # "the year-ago results", "the 1988 period": the year compared with, not a quarter
        return Reading("DATE", f"{year:04d}")
    if "previous" in words or "prior" in words:
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        return Reading("DATE", f"{year:04d}-Q{quarter}")
    value = f"{year:04d}-Q{quarter}"
    # "In the latest quarter, ...": the report is back on its own quarter.
    return Reading("DATE", value, period=value if not shift and explicit is None else None)


def _fiscal(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    year = _year_of(text)
    if year is None:
        short = re.search(r"FY\s?'?(\d\d)\b", text, re.I)
        if short:
            value = int(short.group(1))
            year = 1900 + value if value > 30 else 2000 + value
    if year is None:
        year = ctx.dct.year
        if {"latest", "previous", "last"} & set(words):
            year -= 1
        elif "next" in words:
            year += 1
    return Reading("DATE", f"{year:04d}")


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _yearend(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    joined = " ".join(words)
    shift = -1 if "last" in words else 1 if "next" in words else 0
    # "Talks broke down on 4 June. By the end of the month, exports had halved": the month
    # told of ("Rents will rise at the end of the month": the one the text is written in).
    told = (
        "the" in words and not {"this", "last", "next"} & set(words) and ctx.tense(start, end) <= 0
    )
    base = ctx.narrative_day(start) if told else ctx.dct
    for unit in ("week", "month", "quarter"):
        if unit in words:
            return Reading("DATE", cal.format_at(cal.shift(base, shift, unit), unit))
    year = ctx.dct.year + shift
    ends = "year-end" in joined or "year end" in joined or "year's end" in joined
    if ends and shift == 0 and _SINCE.search(ctx.text, max(0, start - 8), start):
        # "up 4% since year-end": a change measured from the last year-end, a day
        return Reading("DATE", f"{ctx.dct.year - 1:04d}-12-31")
    if ends and ctx.tense(start, end) < 0 and ctx.dct.month <= 3:
        year -= 1
    return Reading("DATE", f"{year:04d}")


_COMPARISON = re.compile(r"\b(?:compared\s+with|from|versus|against|than)\b[^.;]{0,40}$", re.I)


def _compares_quarters(ctx: Context, start: int) -> bool:
    """In an earnings report, "(compared with ...) last year" is last year's same quarter."""
    recent = start - ctx.quarter_at < 400
    return recent and bool(_COMPARISON.search(ctx.text, max(0, start - 60), start))


def _wholeyear(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if (
        _PERIOD_END.match(ctx.text, end)
        or re.match(r"\s+(?:ended|ending)\b", ctx.text[end : end + 8])
        or _YEAR_TO.match(ctx.text, end)
    ):
        # "the year ended March 31", "the year to June 2023": a twelve-month period, now
        # the one under discussion
        return Reading("DURATION", "P1Y", period=f"{_reference_quarter(ctx, start)[0]:04d}")
    year, _ = _reference_quarter(ctx, start)
    return Reading("DATE", f"{year:04d}", period=f"{year:04d}")
