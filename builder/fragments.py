"""Links to a quoted passage: URL text fragments (`#:~:text=`) as the WICG spec defines them."""

from __future__ import annotations

from urllib.parse import quote as percent_encode

from builder.markdown_text import without_emphasis, without_list_mark

# Beyond this many words, a fragment names the first and last words only
# (textStart,textEnd), which browsers match more reliably than a long exact string.
_WORDS_IN_FULL = 10
_EDGE_WORDS = 4


def _encode(text: str) -> str:
    # quote() leaves "-" alone, but the spec reserves it (with "," and "&") as syntax.
    return percent_encode(text, safe="").replace("-", "%2D")


def text_directive(quote: str) -> str:
    """The directive naming `quote`'s words as its page shows them (a Markdown article's
    "**Tuesday**" is "Tuesday" there, and "* " opening an item of a list a bullet)."""
    words = without_list_mark(without_emphasis(quote)).split()
    if len(words) <= _WORDS_IN_FULL:
        return "text=" + _encode(" ".join(words))
    start = " ".join(words[:_EDGE_WORDS])
    end = " ".join(words[-_EDGE_WORDS:])
    return f"text={_encode(start)},{_encode(end)}"


def with_text_fragment(url: str, quote: str) -> str:
    """`url` pointing at `quote`; an existing fragment is kept before the directive."""
    separator = ":~:" if "#" in url else "#:~:"
    return url + separator + text_directive(quote)
