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


def tag(text: str, dct: str) -> list[Timex]:
    """Return the temporal expressions of `text`, resolved against the creation date `dct`."""
    from builder.temporal.tagger import find

    return [
        Timex(start, end, text[start:end], reading.type, reading.value)
        for start, end, reading in find(text, dct)
    ]
