"""Normalisation: the TIMEX3 type and value of a recognised expression, in its context.

Each grammar branch has a function here taking the matched text and the `Context`
(publication date, the date the text is currently talking about, tense) and returning
a `Reading` or None when the match turns out not to be temporal ("may" the verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from builder.temporal import calendar as cal
from builder.temporal.lexicon import (
    FREQUENCY_ADVERBS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
    ZONES,
)
from builder.temporal.numbers import parse_number, parse_ordinal, parse_spelled_year
from builder.temporal.tense import direction

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]|\n\s*\n")


_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?\"”]\s+|\n\s*)(?:In|By|During|Since)\s+(?:early\s+|late\s+|mid-)?$"
)


@dataclass
class Context:
    """What the tagger knows while reading a text from start to end."""

    text: str
    dct: date
    # The day the narrative is at: moved by explicit dates, used by "the next day".
    anchor: date
    # The last day stated ("the next day" counts from it).
    day_anchor: date | None = None
    day_anchor_at: int = -10_000
    # Where a business quarter was last mentioned: "a year earlier" in an earnings report
    # means the same quarter of the year before.
    quarter_at: int = -10_000
    # The reporting period the text is about, stated outright: a quarter ("the fourth
    # quarter" -> 1989-Q4) or a year ("the nine months" -> 1989).  "A year earlier" and
    # "the latest period" refer to it; each such reference keeps it current.
    period: str | None = None
    period_at: int = -10_000
    # The last year stated explicitly, and where: "In 2019 ... on March 4" is 2019-03-04.
    year: int | None = None
    year_at: int = -10_000
    cache: dict[int, int] = field(default_factory=dict)

    def stated_year(self, start: int) -> int | None:
        """The year a sentence opens with ("In 2019, ..."), for the dates later in it."""
        if self.year is None or start - self.year_at > 120:
            return None
        if not _SENTENCE_OPENING.search(self.text, max(0, self.year_at - 12), self.year_at):
            return None
        between = self.text[self.year_at : start]
        return None if _SENTENCE_BREAK.search(between) else self.year

    def current_period(self, start: int, reach: int = 600) -> str | None:
        """The reporting period under discussion at `start`, if one was named within `reach`."""
        if self.period is None or start - self.period_at > reach:
            return None
        self.period_at = start
        return self.period

    def tense(self, start: int, end: int) -> int:
        if start not in self.cache:
            self.cache[start] = direction(self.text, start, end)
        return self.cache[start]


@dataclass(frozen=True)
class Reading:
    type: str
    value: str
    # Where the expression really starts and ends, when the match is longer.
    end: int | None = None
    start: int | None = None
    # Whether the value names a date the text states (moves the narrative anchor).
    anchors: bool = False
    # The reporting period this expression introduces ("the third quarter", "the nine months").
    period: str | None = None


Handler = Callable[[str, int, int, Context], "Reading | None"]

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*|\d+(?:\.\d+)?(?:\s\d/\d)?|'\d\d|\d/\d", re.IGNORECASE)
_MONTH_TOKEN = re.compile(
    r"(?<![\w])(january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![\w-])",
    re.IGNORECASE,
)
_WEEKDAY_TOKEN = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)
_YEAR_TOKEN = re.compile(r"(?<![\d'])(1[5-9]\d\d|20\d\d)(?!\d)")
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
_PART_TOKEN = re.compile(r"(morning|afternoon|evening|night|tonight|overnight)", re.I)
_SEASON_TOKEN = re.compile(r"(spring|summer|fall|autumn|winter)", re.I)
_UNIT_NAMES = {
    "day": "day", "night": "day", "week": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century",
}  # fmt: skip
# Nouns that make a four-digit number a count rather than a year.
_COUNTED = re.compile(
    r"\s+(?:people|persons|troops|shares|soldiers|civilians|km|kilometres|kilometers|miles|feet"
    r"|meters|metres|tons|tonnes|dollars|points|members|votes|cars|units|students|workers"
    r"|employees|jobs|barrels|acres|pounds|euros|yen|marks|francs|refugees|prisoners|homes"
    r"|deaths|cases|calories|rounds|pages|hectares|ft|m|kg)\b",
    re.IGNORECASE,
)
_PRECEDING_NUMBER_SIGN = re.compile(r"(?:No\.|Nos\.|number|Room|Flight|Route|Highway|page|#)\s*$")


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
    match = _YEAR_TOKEN.search(text)
    if match:
        return int(match.group(1))
    for spelled in _SPELLED_YEAR_TOKEN.finditer(text):
        year = parse_spelled_year(spelled.group(0))
        if year is not None:
            return year
    two_digit = re.search(r"'(\d\d)\b", text)
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


def _day_date(ctx: Context, text: str, start: int, end: int) -> date | None:
    """The calendar day in an absolute date expression ("Nov. 9", "27 November 2024")."""
    month = _month_of(text)
    day_match = None
    month_match = _MONTH_TOKEN.search(text)
    rest = text[month_match.end() :] if month_match else text
    for candidate in _DAY_TOKEN.finditer(rest):
        day_match = candidate
        break
    if day_match is None or (day_match and _YEAR_TOKEN.fullmatch(day_match.group(0))):
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
        year = ctx.stated_year(start)
    if year is None:
        distance = min((month - ctx.dct.month) % 12, (ctx.dct.month - month) % 12)
        tense = ctx.tense(start, end) if distance > 2 else 0
        year = cal.nearest_month(ctx.dct, month, tense)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if cal.value_to_date(text[:10]) is None:
        return None
    if "T" in text:
        value = text.replace("+00:00", "Z")
        return Reading("TIME", value, anchors=True)
    return Reading("DATE", text, anchors=True)


def _slash(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    month, day, year = (int(part) for part in text.split("/"))
    if year < 100:
        year += 1900 if year > 30 else 2000
    try:
        return Reading("DATE", date(year, month, day).isoformat(), anchors=True)
    except ValueError:
        return None


_CLOCK_PARTS = re.compile(
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d\d)|(?P<hhmm>\d{4})|(?P<word>noon|midnight|midday))",
    re.IGNORECASE,
)
_ZONE_TOKEN = re.compile(r"\b(GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST)\b")
_DAY_AFTER = re.compile(
    r"\s*\)?\s*,?\s*(?:\([^)]{0,25}\)\s*)?(?:on\s+)?(monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|today|tomorrow|yesterday)\b",
    re.IGNORECASE,
)


def _clock(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    parts = _CLOCK_PARTS.search(text)
    if parts is None:
        return None
    minute = 0
    if parts.group("word"):
        hour = 24 if parts.group("word").lower() == "midnight" else 12
    elif parts.group("hhmm"):
        hour, minute = int(parts.group("hhmm")[:2]), int(parts.group("hhmm")[2:])
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
    rest = text[parts.end() :]
    day = _day_reference(rest, start + parts.end(), end, ctx)
    if day is None:
        following = _DAY_AFTER.match(ctx.text, end)
        if following:
            day = _day_reference(following.group(1), following.start(1), following.end(1), ctx)
    if day is None:
        day = ctx.anchor
    zone = _ZONE_TOKEN.search(text)
    suffix = "Z" if zone and ZONES[zone.group(1).lower()] == 0 else ""
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{suffix}")


def _day_reference(text: str, start: int, end: int, ctx: Context) -> date | None:
    """The day named in `text` by a weekday, today/yesterday/tomorrow or a month and day."""
    lower = text.lower()
    if "yesterday" in lower:
        return cal.shift(ctx.dct, -1, "day")
    if "tomorrow" in lower:
        return cal.shift(ctx.dct, 1, "day")
    if "today" in lower or "tonight" in lower:
        return ctx.dct
    if _month_of(text) and _DAY_TOKEN.search(text):
        return _day_date(ctx, text, start, end)
    weekday = _WEEKDAY_TOKEN.search(text)
    if weekday:
        return _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1).lower()], start, end)
    return None


def _date(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if not _month_is_name(text):
        return None
    day = _day_date(ctx, text, start, end)
    if day is None:
        return None
    return Reading("DATE", day.isoformat(), anchors=True)


def _monthyear(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if not _month_is_name(text):
        return None
    month = _month_of(text)
    year = _relative_year(_words(text), ctx.dct.year) or _year_of(text)
    if month is None or year is None:
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}", anchors=True)


def _reference_quarter(ctx: Context, start: int) -> tuple[int, int]:
    """The business quarter a report published on the creation date is about: the last one
    complete (reports on the third quarter come out in October and November)."""
    current = (ctx.dct.month - 1) // 3 + 1
    if current == 1:
        return ctx.dct.year - 1, 4
    return ctx.dct.year, current - 1


def _year_shift(words: list[str]) -> int:
    joined = " ".join(words)
    if joined.endswith("last year") or joined.endswith("a year"):
        return -1
    if re.search(
        r"year-ago|year-earlier|year ago|year earlier|last year's|prior-year|a year ago", joined
    ):
        return -1
    if "next year's" in joined:
        return 1
    return 0


def _quarter(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]", text, re.I)
    if ordinal is None:
        return None
    token = ordinal.group(1).lower()
    number = 4 if token == "final" else parse_ordinal(token)
    if number is None or not 1 <= number <= 4:
        return None
    year = _year_of(text)
    shift = 0
    if year is None:
        current = (ctx.dct.month - 1) // 3 + 1
        year = ctx.dct.year
        if number > current and ctx.tense(start, end) <= 0 and "next" not in words:
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
            "fiscal" in words
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
    decade = re.search(r"'(\d)0s|(\d{3})0s", lower)
    if decade:
        return Reading("DATE", decade.group(2) or f"19{decade.group(1)}")
    year = _relative_year(_words(text), ctx.dct.year) or _year_of(text) or ctx.dct.year
    half = 1 if "first" in lower else 2
    return Reading("DATE", f"{year:04d}-H{half}")


_PERIOD_END = re.compile(
    r"\s+(?:ended|ending|ends|through)\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2})\b",
    re.IGNORECASE,
)


def _period(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    year, quarter = _reference_quarter(ctx, start)
    stated = ctx.current_period(start)
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


def _decade(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    digits = re.search(r"(\d{3})0'?s", lower)
    if digits:
        return Reading("DATE", digits.group(1))
    short = re.search(r"'(\d)0s", lower)
    if short:
        return Reading("DATE", f"19{short.group(1)}")
    for word, tens in _DECADE_WORDS.items():
        if word in lower:
            return Reading("DATE", f"19{tens}")
    return None


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


def _season(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    season = _SEASON_TOKEN.search(text)
    if season is None:
        return None
    code = SEASONS[season.group(1).lower()]
    if code == "FA" and words[0] == "fall" and len(words) == 1:
        return None
    year = _year_of(text)
    if year is None:
        year = ctx.dct.year
        if "last" in words or ("past" in words and "this" not in words):
            year -= 1
        elif "next" in words:
            season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
            if season_month <= ctx.dct.month:
                year += 1
    return Reading("DATE", f"{year:04d}-{code}")


def _yearpos(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    year = _year_of(text)
    if year is None:
        return None
    return Reading("DATE", f"{year:04d}", anchors=True)


def _yearend(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    words = _words(text)
    joined = " ".join(words)
    shift = -1 if "last" in words else 1 if "next" in words else 0
    for unit in ("week", "month", "quarter"):
        if unit in words:
            return Reading("DATE", cal.format_at(cal.shift(ctx.dct, shift, unit), unit))
    year = ctx.dct.year + shift
    ends = "year-end" in joined or "year end" in joined or "year's end" in joined
    if ends and ctx.tense(start, end) < 0 and ctx.dct.month <= 3:
        year -= 1
    return Reading("DATE", f"{year:04d}")


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
    if not head:
        return 1
    return parse_number(head)


def duration_value(amount: float | None, letter: str) -> str:
    """A TIMEX3 duration: P3Y, PT2H, PXM; fractions become the next smaller unit."""
    prefix = "PT" if letter in TIME_UNITS and letter != "M" else "P"
    if amount is None:
        return f"{prefix}X{letter}"
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


_RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|after|before|ago)\b", re.IGNORECASE)
_AGE = re.compile(r"[-\s]+old\b")
_FRACTION_OF = re.compile(r"\s+of\b")
# The token before "a year" in "$5 million a year", "300 flights a week": a rate, not a duration.
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|million|billion|trillion|percent|cents|dollars|[a-z]{2,}(?<!ha)(?<!wa)(?<!i)(?<!thi)(?<!a)(?<!it)s)\s+$",
    re.IGNORECASE,
)
_ONE_DAY_INDEFINITE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|to|he|she|they|we|i|you|it)\s+$", re.I
)


def _duration(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if re.fullmatch(r"(?:some\s+time|a\s+while)", text, re.IGNORECASE):
        return Reading("DURATION", "PXX")
    unit = _unit_of(text)
    if unit is None:
        return None
    name, letter = unit
    lower = text.lower()
    if lower.endswith("-old") or _AGE.match(ctx.text, end):
        return None  # ages: "52 years old", "a 136-year-old bank"
    fraction = re.search(r"(?:-quarters?|\ban?\s+quarter|\bone\s+quarter)$", lower)
    if name == "quarter" and fraction and _FRACTION_OF.match(ctx.text, end):
        return None  # "three-quarters of its food"
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
    if re.search(
        r"\b(?:recent|coming|years|months|weeks|days|decades|centuries|hours)$", lower
    ) and (re.fullmatch(r"(?:the\s+)?(?:in\s+)?(?:recent\s+|coming\s+)?[a-z]+", lower)):
        amount = None
    if letter == "M" and name != "month":
        return Reading("DURATION", duration_value(amount, "M").replace("P", "PT", 1))
    period = None
    if name == "month" and amount in (6, 9) and re.match(r"the\s+(?:first|latest)?\s*\w", lower):
        # "the nine months" of an interim report: the year so far is the period discussed
        period = f"{_reference_quarter(ctx, start)[0]:04d}"
    return Reading("DURATION", duration_value(amount, letter), period=period)


def _ago(text: str, start: int, end: int, ctx: Context) -> Reading | None:
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
        return reading and Reading(reading.type, reading.value, end=start + len(trimmed))
    if amount is None or amount != int(amount):
        return Reading("DATE", "PAST_REF")
    amount = int(amount)
    if name == "year" and amount == 1:
        stated = ctx.current_period(start)
        if stated:  # in a report on a period: the same period a year before
            return Reading("DATE", _year_before(stated))
        if start - ctx.quarter_at < 600:
            year, quarter = _reference_quarter(ctx, start)
            return Reading("DATE", f"{year - 1:04d}-Q{quarter}")
    base = ctx.anchor if earlier else ctx.dct
    return Reading("DATE", cal.format_at(cal.shift(base, -amount, name), name))


def _deictic_part(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    part = _PART_TOKEN.search(lower)
    if part is None:
        return None
    code = PARTS_OF_DAY[part.group(1)]
    day = ctx.dct
    if lower == "overnight":
        # the night before the day the text is at ("stocks fell Friday after overnight losses")
        recent = ctx.day_anchor is not None and start - ctx.day_anchor_at < 400
        day = cal.shift(ctx.day_anchor if recent else ctx.dct, -1, "day")
    elif "yesterday" in lower or "last night" in lower:
        day = cal.shift(ctx.dct, -1, "day")
    elif "tomorrow" in lower:
        day = cal.shift(ctx.dct, 1, "day")
    elif "that" in lower:
        day = ctx.anchor
    else:
        weekday = _WEEKDAY_TOKEN.search(lower)
        if weekday:
            day = _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1)], start, end)
    return Reading("TIME", f"{day.isoformat()}T{code}")


_GENERIC_DAY_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:world|society|economy|standards|market|children|youth)\b"
)


def _narrative_day(ctx: Context, start: int) -> date:
    """The day the text is at: a day stated in the last few sentences, else the publication day."""
    if ctx.day_anchor is not None and start - ctx.day_anchor_at < 400:
        return ctx.day_anchor
    return ctx.dct


def _narrative(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    if lower.endswith("week"):
        # "For the week, the index fell 4%": TimeBank leaves such a week unspecified.
        return Reading("DATE", f"{ctx.dct.year:04d}-WXX")
    day = _narrative_day(ctx, start)
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
    return Reading("DATE", cal.shift(ctx.dct, offset, "day").isoformat())


# "a curfew until 5 pm Sunday": the day is ahead whatever the verb's tense.
_UNTIL = re.compile(r"\b(?:until|till)(?:\s+\S+){0,4}\s*$", re.IGNORECASE)


def _resolve_weekday(ctx: Context, lower: str, weekday: int, start: int, end: int) -> date:
    day_anchor = ctx.day_anchor or ctx.dct
    if re.search(r"\b(?:the\s+previous|the\s+preceding)\b", lower):
        return cal.nearest_weekday(cal.shift(day_anchor, -1, "day"), weekday, -1)
    if re.search(r"\bthe\s+following\b|\bthat\b", lower):
        return cal.nearest_weekday(cal.shift(day_anchor, 1, "day"), weekday, 1)
    if re.search(r"\blast\b|\bthis\s+past\b", lower):
        return cal.nearest_weekday(cal.shift(ctx.dct, -1, "day"), weekday, -1)
    if re.search(r"\bnext\b|\bthis\s+coming\b", lower):
        return cal.nearest_weekday(cal.shift(ctx.dct, 1, "day"), weekday, 1)
    if _UNTIL.search(ctx.text, max(0, start - 40), start):
        return cal.nearest_weekday(ctx.dct, weekday, 1)
    tense = ctx.tense(start, end)
    return cal.nearest_weekday(ctx.dct, weekday, 1 if tense > 0 else -1)


# "on Monday and Tuesday nights": both days recur
_SHARED_PLURAL_PART = re.compile(
    r"\s+(?:and|or)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
    r"(morning|afternoon|evening|night)s\b",
    re.IGNORECASE,
)


def _weekday(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = text.lower()
    weekday = _WEEKDAY_TOKEN.search(lower)
    if weekday is None or not text[weekday.start()].isupper():
        return None
    shared = _SHARED_PLURAL_PART.match(ctx.text, end)
    if shared and lower == weekday.group(1):
        number = WEEKDAYS[weekday.group(1)] + 1
        return Reading("SET", f"XXXX-WXX-{number}T{PARTS_OF_DAY[shared.group(1).lower()]}")
    day = _resolve_weekday(ctx, lower, WEEKDAYS[weekday.group(1)], start, end)
    part = _PART_TOKEN.search(lower)
    if part:
        return Reading("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part.group(1)]}")
    return Reading("DATE", day.isoformat())


_COMPARISON = re.compile(r"\b(?:compared\s+with|from|versus|against|than)\b[^.;]{0,40}$", re.I)


def _compares_quarters(ctx: Context, start: int) -> bool:
    """In an earnings report, "(compared with ...) last year" is last year's same quarter."""
    recent = start - ctx.quarter_at < 400
    return recent and bool(_COMPARISON.search(ctx.text, max(0, start - 60), start))


_TITLE_OPENING = re.compile(r"[\"“‘']$")


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
        return Reading("DATE", day.isoformat(), end=trimmed_end)
    month_match = _MONTH_TOKEN.search(text)
    if (
        month_match
        and not _UNIT_TOKEN.search(lower[month_match.end() :])
        and (month_match.group(1) != "second")
    ):
        if not month_match.group(1)[0].isupper():
            return None
        month = MONTHS[month_match.group(1).lower()]
        if re.search(r"\blast\b|\bpast\b|\bprevious\b", lower):
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif re.search(r"\bnext\b|\bcoming\b|\bfollowing\b", lower):
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
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
    if name == "day" and not on_anchor and step == 0:
        base = ctx.dct
    value = cal.format_at(cal.shift(base, step, name), name)
    # "Last year, the company earned ...": the text now compares whole years.
    period = None
    if name == "year" and step <= 0 and not on_anchor and ctx.period and "-Q" in ctx.period:
        period = f"{ctx.dct.year:04d}"
    return Reading(
        "DATE", value, end=trimmed_end, anchors=on_anchor and name == "day", period=period
    )


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
    step = 2 if "other" in lower else 1
    if letter == "M" and name != "month":
        return Reading("SET", f"PT{step}M")
    return Reading("SET", duration_value(step, letter))


_DEADLINE = re.compile(r"\b(?:by|until|till)\s+$", re.IGNORECASE)


def _month(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if not _month_is_name(text):
        return None
    month = _month_of(text)
    if month is None:
        return None
    year = ctx.stated_year(start)
    if year is None and _DEADLINE.search(ctx.text, max(0, start - 12), start):
        year = cal.nearest_month(ctx.dct, month, 1)  # "by February", "until January"
    if year is None:
        # Months within a season of the DCT are the nearest ones whatever the tense cues say.
        distance = min((month - ctx.dct.month) % 12, (ctx.dct.month - month) % 12)
        tense = ctx.tense(start, end) if distance >= 3 else 0
        year = cal.nearest_month(ctx.dct, month, tense)
    return Reading("DATE", f"{year:04d}-{month:02d}", anchors=True)


def _year(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    year = _year_of(text)
    if year is None:
        return None
    if _COUNTED.match(ctx.text, end) or _PRECEDING_NUMBER_SIGN.search(
        ctx.text, max(0, start - 8), start
    ):
        return None
    return Reading("DATE", f"{year:04d}", anchors=True)


_POSSIBLE = re.compile(r"\s+as\s+possible\b", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"\b(?:the|a|an|its|their|his|her|our|'s)\s+$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\s+[a-z]+(?:ed|en|wn)\b")
_REFS = {
    "PRESENT_REF": ("now", "current", "presently", "nowadays", "these days", "at present",
                    "the present", "right now", "just now"),
    "FUTURE_REF": ("future", "soon", "term", "later date"),
}  # fmt: skip


def _ref(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    lower = " ".join(text.lower().split())
    if lower == "now" and re.match(r"\s+that\b", ctx.text[end : end + 6]):
        return None
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
    for value, cues in _REFS.items():
        if any(cue in lower for cue in cues):
            return Reading("DATE", value)
    return Reading("DATE", "PAST_REF")


def _wholeyear(text: str, start: int, end: int, ctx: Context) -> Reading | None:
    if _PERIOD_END.match(ctx.text, end) or re.match(
        r"\s+(?:ended|ending)\b", ctx.text[end : end + 8]
    ):
        # "the year ended March 31": a twelve-month period, now the one under discussion
        return Reading("DURATION", "P1Y", period=f"{_reference_quarter(ctx, start)[0]:04d}")
    year, _ = _reference_quarter(ctx, start)
    return Reading("DATE", f"{year:04d}", period=f"{year:04d}")


HANDLERS: dict[str, Handler] = {
    "wholeyear": _wholeyear,
    "iso": _iso,
    "slash": _slash,
    "clock": _clock,
    "date": _date,
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
    "narrative": _narrative,
    "relative": _relative,
    "duration": _duration,
    "set": _set,
    "weekday": _weekday,
    "month": _month,
    "year": _year,
    "ref": _ref,
}
