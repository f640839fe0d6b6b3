"""Cases of news text, of many kinds, each turned into temporal expressions and candidate
events as a user of `timeline dates` and `timeline extract` sees them."""

from __future__ import annotations

from builder.candidates import candidates_from_text
from builder.temporal import tag


def _values(text: str, published: str, day_first: bool = False) -> dict[str, str]:
    """Each temporal expression's text and its value."""
    return {timex.text: timex.value for timex in tag(text, published, day_first)}


def _dated_quotes(text: str, published: str, day_first: bool = False) -> list[tuple]:
    """Each candidate's date (and end of its range, when it has one) and its quote."""
    return [
        (c.value, c.end, c.quote) if c.end else (c.value, c.quote)
        for c in candidates_from_text(text, published, day_first)
    ]


def test_a_date_line_opening_the_text_gives_the_day_the_story_was_written() -> None:
    # The page's metadata says it was published the next morning.
    text = (
        "14 March 2025, 21:40\n\n"
        "The health minister resigned today after a week of pressure over hospital waiting lists."
    )
    assert _dated_quotes(text, "2025-03-15") == [
        (
            "2025-03-14",
            "The health minister resigned today after a week of pressure over hospital "
            "waiting lists.",
        )
    ]
