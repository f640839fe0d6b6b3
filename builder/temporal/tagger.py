"""The tagging pass: find expressions with the grammar, normalise them in reading order."""

from __future__ import annotations

import re
from datetime import date

from builder.temporal import calendar as cal
from builder.temporal.context import Context, Reading
from builder.temporal.grammar import (
    CLOCK,
    MONTH_ABBR,
    MONTH_DAY,
    PAGE_PUBLISHED_WORD,
    PATTERN,
    PATTERN_ANY_CASE,
    WEEKDAY,
    WEEKDAY_SHORT,
    YEAR,
    ZONE,
)
from builder.temporal.normalise import HANDLERS
from builder.temporal.tokens import YEAR_TOKEN

# "WASHINGTON, March 14 —", "NEW YORK, June 2, 2025 (GLOBE NEWSWIRE) --", "KHARTOUM,
# Sudan, April 15 (AP) —": a dateline with the day the story was written.
_DATED_DATELINE = re.compile(
    rf"\s*[A-Z][A-Z.'’ -]+,\s+(?:[A-Z][\w.'’ -]{{1,30}}?,\s+)?(?:{WEEKDAY},?\s+)?"
    rf"({MONTH_DAY}(?:,?\s+{YEAR})?)"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:-+|–|—)",
    re.IGNORECASE,
)


# "Jan 5 (Reuters) -": a dateline with no place, the agency's name after the day.
_AGENCY_DATELINE = re.compile(
    rf"\s*(?:{WEEKDAY},?\s+)?({MONTH_DAY}(?:,?\s+{YEAR})?)\s*\([^()\n]{{1,40}}\)\s*(?:-+|–|—)",
    re.IGNORECASE,
)


# "14 March 2025, 21:40", "Thu 13 Mar 2025 18.02 GMT", "Published: 9:41 PM EDT, March 13,
# 2025", "By Jane Doe | March 13, 2025": a line opening the text with nothing but the day
# (and time) the story was written, published or signed (not one it was updated).
_DATE_LINE = re.compile(
    rf"\s*(?:{PAGE_PUBLISHED_WORD}(?:\s+on)?\s*:?\s*|by\s+[^|\n]{{1,60}}\|\s*)?"
    rf"(?:{CLOCK}{ZONE}?,?\s+)?(?:(?:{WEEKDAY}|{WEEKDAY_SHORT}),?\s+)?({MONTH_DAY}(?:,?\s+{YEAR})?)"
    rf"(?:,?\s+(?:at\s+)?{CLOCK}{ZONE}?)?[ \t]*(?:\n|$)",
    re.IGNORECASE,
)


def written_on(text: str, creation: date, day_first: bool = False) -> date:
    """The day the story was written: its dateline's (opening the text, or its second
    paragraph, under a standfirst), or that of a line opening the text with the date alone,
    when that is a day or two before the publication date (a wire story published after
    midnight UTC), else the publication day."""
    text = _plain_line_ends(text)
    dateline = next(filter(None, map(_dated_dateline, _first_paragraphs(text))), None)
    if dateline is None:
        dateline = _DATE_LINE.match(text)
    if dateline is None:
        return creation
    found = find(dateline.group(1), creation.isoformat(), day_first, dateline=False)
    if not found or not _DAY_VALUE.fullmatch(found[0][2].value):
        return creation
    day = date.fromisoformat(found[0][2].value)
    return day if 0 < (creation - day).days <= 2 else creation


def _dated_dateline(text: str) -> re.Match[str] | None:
    """The dateline giving a day that opens `text` ("LONDON, April 1 (Reuters) -"), if any."""
    dateline = _DATED_DATELINE.match(text)
    if dateline is None or not dateline.group()[:2].isupper():
        dateline = _AGENCY_DATELINE.match(text)
    return dateline


def _first_paragraphs(text: str) -> tuple[str, ...]:
    """The text, and the text from its second paragraph on (a standfirst above it)."""
    first, separator, rest = text.partition("\n\n")
    return (text, rest.lstrip()) if separator else (text,)


# A blank line between paragraphs, which no expression spans ("... on Monday" ending one,
# "March 3 saw ..." opening the next, are two).
_PARAGRAPH_BREAK = re.compile(r"\n(?=[ \t]*\n)")


def _paragraphs_apart(text: str) -> str:
    """`text` with each blank line's first line end made a character that no pattern's
    white space matches (\\0): offsets are unchanged."""
    return _PARAGRAPH_BREAK.sub("\0", text) if "\n" in text else text


def _plain_line_ends(text: str) -> str:
    """`text` with its lines ended by "\\n" alone, whatever ended them ("\\r\\n" becomes
    " \\n", "\\r" "\\n"): offsets are unchanged."""
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


def find(
    text: str, dct: str, day_first: bool = False, dateline: bool = True
) -> list[tuple[int, int, Reading]]:
    """(start, end, reading) of every temporal expression in `text`, in text order;
    deictic ones ("today") from the day a dated dateline gives, when `dateline`."""
    creation = cal.parse_date(dct)
    text = _plain_line_ends(text)
    if dateline:
        creation = written_on(text, creation, day_first)
    apart = _paragraphs_apart(text)
    ctx = Context(text=text, dct=creation, anchor=creation, day_first=day_first, apart=apart)
    found: list[tuple[int, int, Reading]] = []
    lowered = text.lower()
    if len(lowered) == len(text):
        matches = PATTERN.finditer(apart.lower())
    else:
        matches = PATTERN_ANY_CASE.finditer(apart)
    for match in matches:
        kind = match.lastgroup
        if kind is None:
            continue
        start, end = match.span()
        try:
            reading = HANDLERS[kind](text[start:end], start, end, ctx)
            if reading is None or reading.value.startswith("0000"):
                continue  # no year 0: a year before the first
            if reading.end is not None:
                end = reading.end
            if reading.start is not None:
                start = reading.start
            closing_dot = text[end - 1] == "." and _CLOSING_ABBREVIATION.search(lowered, start, end)
            if closing_dot and _SENTENCE_GOES_ON.match(text, end):
                end -= 1  # "on 12 Mar.": the full stop ends the sentence too
            _update(ctx, reading, start, end)
            if reading.value[:4].isdigit() and YEAR_TOKEN.search(text, start, end):
                ctx.told_year, ctx.told_year_at = int(reading.value[:4]), start
        except (ValueError, OverflowError):
            # A day the calendar cannot hold ("5000 years ago" is before the year 1):
            # the expression gets no value.
            continue
        found.append((start, end, reading))
    return found


# A month's abbreviation closing an expression and its sentence.
_CLOSING_ABBREVIATION = re.compile(rf"(?<![a-z]){MONTH_ABBR}\.$")
_SENTENCE_GOES_ON = re.compile(r"\s*$|\s*\n|\s+[\"'“‘(]*[A-Z]")


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)

# A value naming a time of a day: the day, and the hour.
_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d):\d\d")
# A value naming a day (not a week's weekend, "2024-W46-WE", which has as many dashes).
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _is_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is alone on its line, Markdown marks aside ("## Friday 14 March")."""
    # Stepping back over the marks from `start` finds a line's start, or another character:
    # cheaper than finding the line's start in a long paragraph.
    before = start
    while before > 0 and text[before - 1] in " \t#*_>.":
        before -= 1
    if before > 0 and text[before - 1] != "\n":
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[end:line_end].strip(" \t#*_>.")


def _opens_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens its line and is alone on it ("## Friday 14 March")."""
    return (start == 0 or text[start - 1] in "\n #*_>") and _is_heading(text, start, end)


_YEAR_VALUE = re.compile(r"\d{4}")


def _update(ctx: Context, reading: Reading, start: int, end: int) -> None:
    """Move the narrative anchor and the quarter under discussion."""
    if "-Q" in reading.value:
        ctx.quarter_at = start
    if reading.period is not None:
        ctx.period, ctx.period_at = reading.period, start
    if reading.anchors and reading.value[:4].isdigit():
        ctx.year = int(reading.value[:4])
        ctx.year_at = start
    if _YEAR_VALUE.fullmatch(reading.value) and _opens_heading(ctx.text, start, end):
        ctx.heading_year = int(reading.value)
    if reading.anchors and reading.type in ("DATE", "TIME"):
        point = cal.value_to_date(reading.value)
        if point is not None:
            ctx.anchor, ctx.anchor_unit = point
            ctx.anchor_is_day = _DAY_VALUE.match(reading.value) is not None
    # A midnight (T24:00) is between its day and the next: the story is at neither.
    midnight = reading.value.endswith("T24:00")
    # "had not fallen below 25C since June 24": the story is not at the day a span began
    since = "ince" in ctx.text[max(0, start - 8) : start] and _SINCE.search(
        ctx.text, max(0, start - 8), start
    )
    clock = _CLOCK_VALUE.match(reading.value) if reading.type == "TIME" else None
    if clock is not None and not midnight:
        ctx.clock_told = (date.fromisoformat(clock.group(1)), int(clock.group(2)))
        ctx.clock_told_at = start
    if (
        reading.type in ("DATE", "TIME")
        and _DAY_VALUE.match(reading.value)
        and not (midnight or since)
    ):
        point = cal.value_to_date(reading.value[:10])
        if point is not None:
            ctx.day_anchor, ctx.day_anchor_at = point[0], start
            if _opens_heading(ctx.text, start, end):
                ctx.heading_day = point[0]
