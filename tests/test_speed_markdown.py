"""The fast paths for plain summaries (builder.markdown_text) give the very bytes of the
careful path: Python-Markdown, nh3 and the markup audit, on generated and random text."""

from __future__ import annotations

import random
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from builder import markdown_text
from builder.markdown_text import (
    _converter,
    _plain_html,
    clean_with_nh3,
    markdown_html,
    markup_issues,
    render_markdown,
    sanitise,
)

SETTINGS = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def careful_html(text: str) -> str:
    _converter.reset()
    return _converter.convert(text)


careful_clean = clean_with_nh3


def careful_issues(text: str) -> list:
    converted = careful_html(text)
    issues: list = []
    auditor = markdown_text._Auditor(issues)
    auditor.feed(converted)
    auditor.close()
    for pattern in (markdown_text._AUTOLINK, markdown_text._REFERENCE):
        for match in pattern.finditer(text):
            if not markdown_text.is_safe_url(match[1]):
                issues.append(markdown_text._refused(match[1]))
    for match in markdown_text._RAW_ATTRIBUTE.finditer(text):
        value = match[2].strip("\"'")
        if match[1].lower() in markdown_text.URL_ATTRIBUTES and not markdown_text.is_safe_url(
            value
        ):
            issues.append(markdown_text._refused(markdown_text.html.unescape(value)))
    unique = {(issue.clue.casefold(), issue.message): issue for issue in issues}
    return list(unique.values())


def assert_same(text: str) -> None:
    html = careful_html(text)
    assert markdown_html(text) == html, text
    clean = careful_clean(html)
    assert sanitise(html) == clean, text
    assert isinstance(sanitise(html), Markup)
    markdown_text._converted.pop(text, None)
    assert render_markdown(text) == clean, text
    assert markup_issues(text) == careful_issues(text), text
    assert markup_issues(text, html) == careful_issues(text), text


# Text close to the fast path's edges: its characters, the ones it refuses, emphasis runs,
# line starts that begin blocks, and spaces and line breaks of every kind.
PIECES = [
    "a", "b", "Word", "x1", "é", "日本", "ش", "1", "42", "2024.", "3)", " ", " ", "  ", "\n",
    "\n\n", "\n\n\n", " \n", "*", "**", "***", "_", "__", "-", "--", "---", "+", "#", "##",
    ">", "=", "==", "(", ")", ".", ",", ";", ":", "!", "?", "'", '"', "%", "/", "$", "@",
    "&", "&amp;", "<", ">", "<b>", "</b>", "<em>", "</em>", "`", "\\", "[", "]", "~", "|",
    "\t", "\r", "\r\n", "\x00", "\x02", "\x03", "\x0b", "\x0c", "\x1c", "\x85", "\xa0",
    "\u2028", "\u3000", "\u200b", "\ufeff", "\ufffd", "\ufdd0", "\uffff", "\U0001f600",
    "\U0010ffff", "\ue000", "\u0301", "\u202e", "    ", "1. ", "* ", "- ", "**a**", "*a*",
    "*a b*", "**a b**", "http://x.org", "a@b.c",
]  # fmt: skip

plain_pieces = [p for p in PIECES if _plain_html(p * 2) or p in {" ", "\n", "\n\n", "*", "**"}]


@given(st.lists(st.sampled_from(PIECES), max_size=30))
@SETTINGS
def test_near_plain_text_converts_alike(pieces: list[str]) -> None:
    assert_same("".join(pieces))


@given(st.lists(st.sampled_from(plain_pieces), max_size=40))
@SETTINGS
def test_plain_text_converts_alike(pieces: list[str]) -> None:
    assert_same("".join(pieces))


@given(st.text(max_size=40))
@SETTINGS
def test_any_text_converts_alike(text: str) -> None:
    assert_same(text)


WORD = st.one_of(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="*_\\`<>&[]"),
        min_size=1,
        max_size=6,
    ),
    st.text(st.sampled_from("abcXYZ019é日.,;:!?'\"()%/$@#+-"), min_size=1, max_size=6),
    st.sampled_from(["a", "bc", "Word", "é", "1"]),
)


@given(
    st.lists(
        st.one_of(
            WORD,
            WORD.map(lambda w: f"*{w}*"),
            WORD.map(lambda w: f"**{w}**"),
            st.sampled_from([" ", " ", " ", "\n", "\n\n", ".", ", ", "*", "**", "***"]),
        ),
        max_size=40,
    )
)
@SETTINGS
def test_emphasis_converts_alike(pieces: list[str]) -> None:
    assert_same("".join(pieces))


def random_summary(rng: random.Random, chars: list[str]) -> str:
    """Mostly text the fast path takes: words, some emphasised, spaces, line and
    paragraph breaks, punctuation; now and then one character from anywhere."""
    parts = []
    odd = rng.random() < 0.5  # now and then an edge: a block start, a lone "*", two spaces
    for _ in range(rng.randrange(1, 30)):
        word = "".join(rng.choice("abcXé日1") for _ in range(rng.randrange(1, 4)))
        if rng.random() < 0.3:
            word += rng.choice("(),.;:!?'\"%/$@#+-") + rng.choice("abé1")
        if rng.random() < 0.1:
            word += " " + rng.choice(["a", "b c", "é.", "x,y"])
        mark = rng.choice(["", "", "*", "**"])
        end = rng.choice(["", "", "", "", "", ".", ",", ";", ":", "!", "?"])
        start = ""
        if rng.random() < (0.01 if mark else 0.2):
            end = rng.choice([")", "'", "-", "é", "1", end])
            start = rng.choice(["(", "'", "é", "1", "a"])
        space = rng.choice([" "] * 12 + ["\n", "\n", "\n\n", "\n\n\n"])
        if odd and rng.random() < 0.05:
            mark = rng.choice(["***", "_", "__", "* ", "*" + mark])
            start = rng.choice(["-", "1. ", "# ", "> ", "    ", "+ ", "1) ", start])
            space = rng.choice(["  ", " \n", "\n ", "  \n", "\n-\n", "\n=\n", space])
        parts.append(f"{start}{mark}{word}{mark}{end}{space}")
    text = "".join(parts).strip(rng.choice(["", " ", "\n", " \n", " \n", " \n"]))
    if rng.random() < 0.2:
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(chars) + text[at:]
    return text


def test_many_random_summaries_convert_alike() -> None:
    rng = random.Random(20241130)
    chars = [chr(c) for c in range(0x80)] + [
        chr(rng.choice([rng.randrange(0x80, 0x3100), rng.randrange(0xE000, sys.maxunicode + 1)]))
        for _ in range(300)
    ]
    for _ in range(20000):
        assert_same(random_summary(rng, chars))


@given(
    st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=5),
            st.text(st.sampled_from("ab é日\n.'\"!?\ufeff\U0001f600"), min_size=1, max_size=5),
            st.sampled_from(["<strong>", "</strong>", "<em>", "</em>", "\n", "<p>", "</p>"]),
            st.sampled_from(["</p>\n<p>", "<strong>a</strong>", "<em>b c</em>"]),
        ),
        max_size=20,
    )
)
@SETTINGS
def test_html_left_as_it_is_by_the_sanitiser_is_so(pieces: list[str]) -> None:
    html = "<p>" + "".join(pieces) + "</p>"
    assert sanitise(html) == careful_clean(html)


def test_text_characters_cover_unicode_spaces() -> None:
    refused = re.compile(markdown_text._TEXT_CHAR)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if (char.isspace() and char not in " \n") or 0xD800 <= code <= 0xDFFF:
            assert not refused.fullmatch(char), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels **entered** Aleppo on *Friday*.\n\nThe army withdrew.",
        "**Strong** at the start\nand *em* at the end of a line *x*",
        "",
        "\n\n",
        "  \n",
        "1. a list",
        "a\n---",
    ],
)
def test_examples_convert_alike(text: str) -> None:
    assert_same(text)
