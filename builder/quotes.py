"""Find a quote in a source's paragraphs, forgiving whitespace and typographic quotes."""

from __future__ import annotations

import re
import unicodedata

_EQUIVALENT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


# Every character str.isspace() accepts, but the plain space.
_OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPECIAL = re.compile("[" + _OTHER_SPACES + "".join(chr(code) for code in _EQUIVALENT) + "]")


def _is_normal(text: str) -> bool:
    """True when `text` is its own normal form: no typographic quotes, no whitespace but
    single spaces, none at either end. A quote can then be looked for in it directly."""
    return (
        "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
        and _SPECIAL.search(text) is None
    )


def normalise(text: str) -> tuple[str, list[int]]:
    """Text with straight quotes and single spaces, and for each of its characters the
    offset of the original character it came from."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = True  # also drops leading whitespace
    for index, char in enumerate(text.translate(_EQUIVALENT)):
        if char.isspace():
            if previous_space:
                continue
            char = " "
            previous_space = True
        else:
            previous_space = False
        out.append(char)
        origin.append(index)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def locate(quote: str, paragraphs: tuple[str, ...]) -> tuple[int, int, int] | None:
    """(paragraph index, start, end) of the quote's first occurrence, offsets into the
    original paragraph; None when no paragraph contains it."""
    wanted = quote if _is_normal(quote) else normalise(quote)[0]
    if not wanted:
        return None
    for index, paragraph in enumerate(paragraphs):
        if _is_normal(paragraph):
            found = paragraph.find(wanted)
            if found >= 0:
                return index, found, found + len(wanted)
            continue
        text, origin = normalise(paragraph)
        found = text.find(wanted)
        if found >= 0:
            return index, origin[found], origin[found + len(wanted) - 1] + 1
    return _locate_composed(wanted, paragraphs)


def _locate_composed(wanted: str, paragraphs: tuple[str, ...]) -> tuple[int, int, int] | None:
    """`locate` for a quote whose accents are written otherwise than in the source: "é"
    as one character in one, as "e" and a combining accent in the other (text copied on
    a Mac is often so). Both are compared composed (NFC)."""
    wanted = unicodedata.normalize("NFC", wanted)
    for index, paragraph in enumerate(paragraphs):
        text, origin = normalise(paragraph)
        composed, starts, ends = _composed(text)
        found = composed.find(wanted)
        if found >= 0:
            last = found + len(wanted) - 1
            return index, origin[starts[found]], origin[ends[last] - 1] + 1
    return None


def _composed(text: str) -> tuple[str, list[int], list[int]]:
    """`text` composed (NFC), with the offsets in `text` where each of its characters
    starts and ends."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        for char in unicodedata.normalize("NFC", text[index:end]):
            out.append(char)
            starts.append(index)
            ends.append(end)
        index = end
    return "".join(out), starts, ends
