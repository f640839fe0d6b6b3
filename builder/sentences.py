"""Splitting a source body into paragraphs and sentences, with character offsets.

Paragraphs are separated by blank lines.  Sentences end at . ! ? or … (possibly inside
closing quotes or brackets) followed by a capitalised word, except after abbreviations
("Mr.", "Jan.", "No. 5", initials), and at the start of each item of a list.  A dateline
("WASHINGTON (Reuters) -") is not part of the sentence it introduces, and a short
paragraph without final punctuation (a photo caption, a heading) is one sentence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from builder.temporal.lexicon import CAPITALISED_MONTHS, GERMAN_MONTHS_SPELLED_AS_ENGLISH


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, offsets into the whole body, and 0-based paragraph index."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A run of . ! ? or one …, then closing quotes or brackets, before a capitalised word.
# Written to start with a character class, which lets the regex engine skip quickly to
# the few characters where a boundary can start: (?:[.!?]+|…) would not.
_BOUNDARY = re.compile(r"[.!?…](?:(?<=…)|(?<=[.!?])[.!?]*)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")
_CLOSING = "\"'”’»)]"  # quotes and brackets that may follow a sentence's final mark
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]?(\S+)")
# Place names in capitals or with an agency in brackets, then a dash.
# After the place, a region or country and a day may follow: "KESSEL, Morvania, March 20".
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z0-9][\w.'’-]*){0,3}(?:,[ \t]*[A-Z0-9][\w.'’ -]{0,30}?){0,2}"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)+(?:-+|–|—|_)[ \t]*"
    r"|[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}(?:,[ \t]*[A-Z0-9][\w.' -]{0,30}?){0,2}"
    r"[ \t]*(?:-+|–|—|_)[ \t]+)"
)

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr mt ft no nos
    vs etc fig vol rev hon pres supt insp det messrs mme mlle jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx dept univ ave
    blvd rd est inc corp co ltd bros brig cpl pvt spc fr rt msgr ret gens sens reps govs c
    ca""".split()
)
# Abbreviations of a numbered reference, no sentence's end before a number: "Art. 5",
# "Sec. 12", "para. 3" ("modern art. The ..." ends one).
_BEFORE_NUMBER = frozenset("art arts sec secs para paras ch pp".split())
# Abbreviations that often end a sentence too: a boundary only if a typical sentence
# opener follows ("... in the U.S. The ...", "... set for Fri, 6 Dec. The ...").
_AMBIGUOUS = frozenset(
    """inc corp co ltd bros est etc jan feb mar apr jun jul aug sep sept oct nov dec mon tue
    tues wed thu thur thurs fri sat sun""".split()
)
_OPENERS = frozenset(
    """the a an he she it they we i you but and in on at this that these those his her their
    its there here mr mrs ms dr however meanwhile after before when while if as some many
    most one two three officials police""".split()
)
# Longer unpunctuated paragraphs are prose with a trailing signature such as "(sp/eml)".
_CAPTION_LENGTH = 400
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")


def paragraphs(text: str) -> list[Paragraph]:
    """The blank-line separated paragraphs of `text` (empty ones skipped), with offsets."""
    found = []
    position = 0
    for separator in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = separator.start() if separator else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped)
            found.append(Paragraph(start, start + len(stripped), stripped))
        if separator:
            position = separator.end()
    return found


def dateline_end(paragraph: str) -> int:
    """Length of a dateline at the start of `paragraph` ("Beirut (Lebanon) (AFP) - "), or 0."""
    match = _DATELINE.match(paragraph)
    if match is None or match.end() >= len(paragraph):
        return 0
    return match.end()


def _ends_with_final_punctuation(paragraph: str) -> bool:
    """Whether `paragraph` ends with . ! ? or …, possibly inside closing quotes or brackets."""
    return paragraph.rstrip().rstrip(_CLOSING).endswith((".", "!", "?", "…"))


def _word_ending_at(paragraph: str, end: int) -> str:
    """The run of non-space characters that ends at `end`."""
    start = end
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    return paragraph[start:end]


# Who said a quoted question or exclamation, after it: '"Why now?" Mayor Irina Dal asked'.
_SPEAKER_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|added|adds|shouted|told|tells"
    r"|wrote|writes|replied|insisted|warned|declared|exclaimed|cried|yelled|tweeted)\b"
)


def _is_boundary(paragraph: str, period_end: int, mark_start: int) -> bool:
    if paragraph[mark_start] != ".":
        # A quoted "?" or "!" before who said it ends no sentence.
        quoted = any(char in "\"”’»'" for char in paragraph[mark_start + 1 : period_end])
        return not (quoted and _SPEAKER_AFTER.match(paragraph, period_end))
    word = _word_ending_at(paragraph, mark_start + 1).strip("\"'“‘«([*_")  # "**Dec. 8**"
    bare = word.rstrip(".").lower()
    following = _NEXT_WORD.match(paragraph, period_end)
    next_word = following.group(1).strip("\"'“‘«([,.;:") if following else ""
    if bare in _ABBREVIATIONS and bare not in _AMBIGUOUS:
        return False
    if bare in _BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    if bare.isdigit() and (
        next_word.lower() in CAPITALISED_MONTHS
        or next_word.lower() in GERMAN_MONTHS_SPELLED_AS_ENGLISH
    ):
        return False  # a German date's day: "am 3. März", "am 10. September"
    if bare in ("a.m", "p.m") and next_word[:1].isupper():
        # "at 8 p.m. Kerr declared ...": a boundary, but not before what dates the time
        # ("8 p.m. Sunday", "p.m. EST", "p.m. Eastern time", "p.m. Jan. 5").
        return not (next_word.isupper() or next_word.lower().rstrip(".") in _TIME_FOLLOWERS)
    if _INITIALISM.match(word) or bare in _AMBIGUOUS:
        # "U.S.", "a.m.", "Inc.": a boundary only before a typical sentence opener.
        return next_word.lower() in _OPENERS
    return True


# What may follow a time of day in its sentence: a day, a month, a zone.
_TIME_FOLLOWERS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec eastern central
    mountain pacific atlantic local""".split()
)


# A line opening a list item ("- ", "* ", "• ", "1. ", "2) ", or a date then a dash or a
# colon, the date part of the item: "Jan. 5 — ", "12 March: ", "Aug. 2015 — ", "2019 - "):
# in a paragraph with two or more, each item is sentences of its own, punctuated or not.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
LIST_ITEM = re.compile(
    r"^[ \t]*(?:(?:[-*•]|\d{1,2}[.)])[ \t]+"
    rf"|(?=(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}"
    rf"|{_MONTH}(?=,?[ \t]+\d{{4}})|\d{{4}})(?:,?[ \t]+\d{{4}})?[ \t]*(?:[—–:]|-[ \t])))",
    re.MULTILINE,
)


# A heading on a line of its own above text of its paragraph: "## Offensive begins",
# "**Ceasefire in the east**", "KEY DATES" (not a dateline: "BEIRUT -").
HEADING_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+\S[^\n]*|\*\*[^*\n]+\*\*:?|__[^_\n]+__:?"
    r"|[A-Z][A-Z0-9 ,'’&/-]+[A-Z0-9]:?)[ \t]*$",
    re.MULTILINE,
)


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within one paragraph: a heading line above its text
    is one (see HEADING_LINE), then each list item's or the prose's sentences."""
    if "\n" not in paragraph:
        return _split_items(paragraph)
    spans = []
    begin = 0
    for heading in HEADING_LINE.finditer(paragraph):
        if heading.end() >= len(paragraph.rstrip()):
            break  # the last line: not above any text
        if paragraph[begin : heading.start()].strip():
            spans += _offset(_split_items(paragraph[begin : heading.start()]), begin)
        text = heading.group().strip()
        first = heading.start() + heading.group().index(text)
        spans.append((first, first + len(text)))
        begin = heading.end()
    spans += _offset(_split_items(paragraph[begin:]), begin)
    return spans


def _offset(spans: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
    return [(start + by, end + by) for start, end in spans]


def _split_items(paragraph: str) -> list[tuple[int, int]]:
    """Sentence offsets within text with no heading line: each item of a list of two or
    more its own sentences, or the prose's."""
    items = list(LIST_ITEM.finditer(paragraph))
    if len(items) < 2:
        return _split_prose(paragraph)
    bounds = [(0, items[0].start())]
    bounds += [(item.end(), after.start()) for item, after in itertools.pairwise(items)]
    bounds.append((items[-1].end(), len(paragraph)))
    spans = []
    for low, high in bounds:
        spans += [(low + start, low + end) for start, end in _split_prose(paragraph[low:high])]
    return spans


# How far after a sentence's end inside a quotation the quotation may close for the
# sentence to go on to its close: 'The mayor said: "We warned them on Dec. 3. Nobody
# listened."' is one sentence, its quote whole.
_QUOTE_CLOSES_WITHIN = 160


# A straight double quote, not the inches after a number ('a 6ft 2" striker').
_STRAIGHT_QUOTE = re.compile(r'(?<!\d)"')


def _inside_short_quote(paragraph: str, begin: int, boundary: int) -> bool:
    """Whether the sentence end at `boundary` is inside a double quotation opened in the
    sentence begun at `begin` that closes soon after, in the paragraph."""
    before = paragraph[begin:boundary]
    straight = len(_STRAIGHT_QUOTE.findall(before)) % 2 == 1
    if not straight and before.count("“") <= before.count("”"):
        return False
    closing = '"' if straight else "”"
    close = paragraph.find(closing, boundary, boundary + _QUOTE_CLOSES_WITHIN)
    return close >= 0


def _split_prose(paragraph: str) -> list[tuple[int, int]]:
    begin = dateline_end(paragraph)
    while begin < len(paragraph) and paragraph[begin].isspace():  # a line break after it
        begin += 1
    if len(paragraph) - begin <= _CAPTION_LENGTH and not _ends_with_final_punctuation(paragraph):
        end = len(paragraph.rstrip())
        return [(begin, end)] if end > begin else []
    spans = []
    for mark in _BOUNDARY.finditer(paragraph, begin):
        if not _is_boundary(paragraph, mark.end(), mark.start()):
            continue
        if _inside_short_quote(paragraph, begin, mark.end()):
            continue
        if paragraph[begin : mark.end()].strip():
            spans.append((begin, mark.end()))
        begin = mark.end()
        while begin < len(paragraph) and paragraph[begin].isspace():
            begin += 1
    if paragraph[begin:].strip():
        spans.append((begin, len(paragraph.rstrip())))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of a source body, in order, with offsets into `text`."""
    sentences = []
    for index, paragraph in enumerate(paragraphs(text)):
        for start, end in split_paragraph(paragraph.text):
            sentences.append(
                Sentence(
                    paragraph.start + start, paragraph.start + end, paragraph.text[start:end], index
                )
            )
    return sentences
