"""Candidate ids are made with a fast path for ASCII text: it must give slugify's slug."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract import _slug
from builder.slugs import slugify

ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=127), max_size=120)
WORDS = st.lists(
    st.sampled_from(["con", "index", "A", "_", "-", "ok", "x" * 50, "Nul.txt", "é", " ", "2016"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(ASCII_TEXT, WORDS))
def test_the_fast_slug_is_slugify(text: str) -> None:
    assert _slug(text) == slugify(text)


def test_examples() -> None:
    for text in ["Rebels seized Aleppo’s airport", "", "___", "CON", "index", "a" * 200, "حلب"]:
        assert _slug(text) == slugify(text)
