"""Temporal tagging: find temporal expressions in text and normalise them to TIMEX3 values."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Timex:
    """One temporal expression: character offsets into the text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str


def tag(text: str, dct: str, day_first: bool = False) -> list[Timex]:
    """Return the temporal expressions of `text`, resolved against the creation date `dct`.
    `day_first`: numeric dates give the day before the month ("04/03/2025", 4 March)."""
    from builder.temporal.tagger import find

    return [
        Timex(start, end, text[start:end], reading.type, reading.value)
        for start, end, reading in find(text, dct, day_first)
    ]


# Numeric dates put the month first in American usage, which the tagger follows for text
# in English without a region (its newswire is American); everywhere else the day does.
_MONTH_FIRST = {"en", "en-us"}


def day_first(language: str | None) -> bool:
    """Whether numeric dates in text of `language` (a tag such as fr or en-GB; None when
    not known) give the day first."""
    return language is not None and language.casefold() not in _MONTH_FIRST
