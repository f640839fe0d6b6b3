"""Edge cases of sentence splitting and candidate dating that the extraction's shortcuts
(string tests before regex searches, a character class leading the boundary pattern)
must keep as the plain patterns had them."""

from __future__ import annotations

import pytest

from builder.candidates import candidates_from_text
from builder.sentences import split_paragraph

SATURDAY = "2024-11-30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce has held SINCE 2020.", [("2020", None, True)]),
        # Ignoring case, "ſ" matches "s" and "ı" matches "i": still "since".
        ("The truce has held ſınce 2020.", [("2020", None, True)]),
        ("It was the first strike since 2016.", []),
        ("Fighting raged FROM 2011 to 2016.", [("2011", "2016", False)]),
        ("Fighting raged between 2011 and 2016.", [("2011", "2016", False)]),
    ],
)
def test_since_and_ranges_whatever_the_case(text: str, expected: list) -> None:
    found = candidates_from_text(text, SATURDAY)
    assert [(c.value, c.end, c.ongoing) for c in found] == expected


@pytest.mark.parametrize(
    ("paragraph", "spans"),
    [
        # The abbreviation before the full stop follows a no-break space, or a tab.
        ("He met Gen.\u00a0Smith. The talks ended.", [(0, 18), (19, 35)]),
        ("He spoke to Mr.\tJones. It rained.", [(0, 22), (23, 33)]),
        ("Wait… Then he left.", [(0, 5), (6, 19)]),
        ("Wait…. Then he left.", [(0, 6), (7, 20)]),
        ("Really?! Yes.", [(0, 8), (9, 13)]),
        ("“Go.” She went.", [(0, 5), (6, 15)]),
        ("A caption without a full stop", [(0, 29)]),
        ("A caption in quotes.”  ", [(0, 21)]),
    ],
)
def test_sentence_boundaries(paragraph: str, spans: list) -> None:
    assert split_paragraph(paragraph) == spans
