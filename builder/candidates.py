"""Candidate events: the sentences of a source that carry a resolved calendar date.

Each sentence with at least one calendar date (a year, month, day or time with a
value the text supports: see builder.candidate_dates) yields a candidate dated by the
sentence's main date:

* a date attached to a reporting verb ("..., officials said on Saturday") only dates the
  report, so another date in the sentence wins over it;
* otherwise the most specific date wins (time > day > month > year), and among equally
  specific ones a date other than the publication day, then the first one.

A sentence that tells of events on other days as well ("The firm was founded in 1987 and
went public on May 4, 1995") yields one more candidate per other date, except dates that
only date a report ("said Thursday"), baselines of a comparison ("up from $3 million last
year", "compared with a year earlier") and dates that contain or fall inside a date
already proposed ("In 2019 the plant reopened on March 4" is only 2019-03-04).

"since 2020" and "from 2011 to the present" make an ongoing span, "from 2011 to 2016" /
"between 2011 and 2016" / "the night of Friday to Saturday" / "overnight into Thursday" a
range; each range or span of a sentence is a candidate. A date moved ("postponed from 28
February to 14 March") is two days, the one moved to first. "the first strikes since 2016"
does not date anything to 2016, so it is dropped (but "the strongest since 1939, when a
quake killed 33,000" tells of 1939). "Nov. 28-30", "Dec. 25 and 26" and "the
July-September quarter" are ranges too, "two days later" (or "hours later", "three days
after the bombing" the sentence of that date told of) is counted from the date the story
was at, as is a time of day alone ("at 4 p.m.": the day of the sentence before), and "on
Friday, a week after the talks began" dates the talks a week before Friday. "last week"
dates a sentence with no other date to the month the week lies in. A weekday labelling a
line of a list ("Wednesday: offensive begins") is the nearest such day to the publication
day. Vague and generic expressions (PRESENT_REF, other durations, sets, decades,
"overnight", "today's") never make candidates, nor does a year labelling a budget, a model
or a target ("the 2025 budget"), nor a day whose event the sentence only follows
("digging after Tuesday's quake"), nor do a correction notice's sentences ("An earlier
version of this article said ..."), nor lines that only date the page ("Updated: 11 March
2025"), a date heading, nor what else a news page puts around its story: a byline, a
copyright line, "Read more: ...", a report's credits, a picture's caption or credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from builder.candidate_dates import (
    calendar_value,
    counted_dates,
    day_span,
    days_lasting,
    moved_from_day,
    night_into,
    spanned,
    week_beginning,
)
from builder.furniture import BYLINE_OPENER, COPYRIGHT_OPENER, PICTURE_WORD, RELATED_POINTER
from builder.sentences import split_sentences
from builder.temporal import Timex, tag
from builder.temporal.grammar import DAY, MONTH, PAGE_DATE_LABEL, WEEKDAY
from builder.temporal.normalise import SMALL_HOURS_UNTIL
from builder.temporal.tagger import written_on
from builder.temporal.tense import MOVED_FROM


@dataclass(frozen=True)
class Candidate:
    """A proposed dated event: its date (or range / ongoing span) and the supporting sentence."""

    value: str
    end: str | None
    ongoing: bool
    quote: str
    paragraph: int
    start: int
    end_offset: int
    timex_text: str
    timex_start: int
    timex_end: int
    # Where the expressions of the other candidates its sentence gives start ("The dam,
    # built in 1962, had been under repair since 2023."): its title is then the clause its
    # date is in.
    other_dates: tuple[int, ...] = ()


_ZONED = re.compile(r"(?:Z|[+-]\d\d(?::?\d\d)?)$")
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|added|announced|reported|stated|confirmed|statement|"
    r"interview|news\s+conference|press\s+conference|briefing|readout)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)
_REPORTING_AFTER = re.compile(
    r"^[^.;:]{0,25}?\b(?:said|says|told|announced|reported|confirmed)\b", re.IGNORECASE
)
# The date of a statement: "said Thursday", "reported on Friday", "Thursday said", "data
# showed on Tuesday", "warned on Tuesday".
_STATEMENT_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|stated|confirmed|added|declared|showed|shows"
    r"|warned|warns)"
    r"(?:\s+(?:in|at|to|during)\s+(?:a|an|the|his|her|their)?\s*(?:joint\s+)?(?:statement|interview"
    r"|news\s+conference|press\s+conference|briefing|speech|reporters))?"
    r"\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_STATEMENT_AFTER = re.compile(r"^\s*(?:said|says|told|announced|reported)\b", re.IGNORECASE)
# "On Monday, the prime minister announced that elections will be held on 4 May": the day
# opening the sentence is the statement's.
_OPENING_DAY = re.compile(r"\s*[\"“‘']?(?:(?:late|early|earlier)\s+)?(?:on\s+)?", re.IGNORECASE)
_STATEMENT_THAT = re.compile(
    r",?\s+[^.;:,]{0,40}?\b(?:said|announced|confirmed|warned|declared|told\s+\w+)\s+that\b",
    re.IGNORECASE,
)
# "since 2020", "since early 2020", "since the start of the war in 2022".
_SINCE = re.compile(
    r"\b(?:since|ever\s+since)\s+(?:the\s+)?(?:(?:early|late|mid|the\s+end\s+of)[-\s]+)?$"
    r"|\b(?:since|ever\s+since)\s+the\s+(?:start|beginning|outbreak|onset|end)\s+of\s+"
    r"(?:[\w'’-]+\s+){1,5}?in\s+$",
    re.I,
)
_FIRST_SINCE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
    r"|last|only|highest|lowest|biggest|largest|worst|best|deadliest|heaviest|"
    r"most|least|fewest|strongest|weakest|fastest|slowest|sharpest|steepest|longest|"
    r"shortest|hottest|coldest|warmest|wettest|driest|busiest|smallest|greatest|since\s+then)\b",
    re.IGNORECASE,
)
# "..., not September 2013", "rather than on 22 August", "instead of Thursday": a date the
# sentence says is not the one.
_DENIED = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:(?:in|on|at)\s+)?(?:the\s+)?$", re.IGNORECASE
)
# What comes after an event of a day told in the possessive ("after Tuesday's quake",
# "in the wake of Sunday's vote"): not on that day, and on no day the sentence gives.
_FOLLOWING = re.compile(
    r"\b(?:after|following|in\s+the\s+(?:wake|aftermath)\s+of)\s+(?:the\s+)?$", re.IGNORECASE
)
# ", when a quake killed 33,000 people": a clause telling what happened at the date before.
_WHEN_CLAUSE = re.compile(r"\s*,\s*when\b", re.IGNORECASE)
# "than" of a comparison ("a week later than last year"), not of a deadline ("no later
# than 31 March", "not earlier than 1 May")
_THAN = (
    r"(?<!\bno\slater\s)(?<!\bnot\slater\s)(?<!\bno\searlier\s)(?<!\bnot\searlier\s)"
    r"(?<!\bno\ssooner\s)than"
    # nor of a count of time ("less than a year after taking office in April 2024")
    r"(?!\s+(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"
    r"\s+(?:[\w-]+\s+)?(?:hours?|days?|weeks?|months?|years?|decades?)\b)"
)
# "as" of a comparison ("as in 1988", "as high as it was in 2008", "as it did in 2019"), not
# of a role ("listed as a monument in 2008", "served as mayor").
_AS = (
    r"as(?=\s+(?:in|on|during|it|they|he|she|we|was|were|did|had|is|are)\b"
    r"|\s+[\w-]+\s+as\b)"
)
# "(up 5%) from $3 million (a year earlier)", "compared with 40% (last year)", "than in 1988";
# not a day of a month ("from 1 January ... published on 12 February"), nor the level a
# figure reached ("rose to 3% in January").
_BASELINE = re.compile(
    r"(?:\b(?:from|over)\s+(?:(?:an?|about|estimated|nearly|roughly|some)\s+)*"
    rf"(?!{DAY}\s+(?:of\s+)?{MONTH})"
    r"(?:[$£€#]|[A-Z]{1,2}\$)?\d(?:[^.;]|\.\d){0,80}"
    rf"|\b(?:compared\s+with|compared\s+to|versus|{_THAN}|{_AS})\b(?:[^.;]|\.\d){{0,90}})$"
    rf"|\b{_THAN}\s+(?:in\s+)?$",
    re.IGNORECASE,
)
# Words one of which every _REPORTING or _STATEMENT_BEFORE match holds, in lower case.
_REPORTING_WORDS = tuple(
    "said say told added announced reported state confirmed interview conference briefing"
    " readout declared show warn".split()
)
# Words one of which every _BASELINE match without a digit holds, in lower case.
_BASELINE_WORDS = ("compared", "versus", "than", "as")
_DIGIT = re.compile(r"\d")
# A note on the article itself ("An earlier version of this article said ...", "This story
# was corrected on ..."): its dates are those of the text's versions, or of the error.
_EDITORIAL_NOTE = re.compile(
    r"^\s*(?:correction|clarification|editor['’]s\s+note)\b"
    r"|\b(?:earlier|previous|original)\s+version\s+of\s+this\b"
    r"|\bthis\s+(?:article|story|report|piece)\s+(?:was|has\s+been)\s+"
    r"(?:amended|corrected|updated|changed|edited)\b",
    re.IGNORECASE,
)
# Words one of which every _EDITORIAL_NOTE match holds, in lower case.
_EDITORIAL_WORDS = (
    "correct",
    "clarification",
    "editor",
    "version",
    "amended",
    "updated",
    "changed",
    "edited",
)
# Ignoring case, the only characters other than ASCII letters that match ASCII letters:
# "İ" and "ı" match "i", the Kelvin sign "k", "ſ" "s". In a text without them, a case-blind
# pattern's words can be looked for in the lowered text before the pattern is run.
_FOLDING_TO_ASCII = ("İ", "ı", "\u212a", "ſ")


def _folds_plainly(text: str) -> bool:
    """Whether no character of `text` other than an ASCII letter matches one ignoring case."""
    return text.isascii() or not any(char in text for char in _FOLDING_TO_ASCII)


def _editorial(sentence_text: str) -> bool:
    """Whether the sentence is a note on the article itself (_EDITORIAL_NOTE)."""
    if _folds_plainly(sentence_text):
        lowered = sentence_text.lower()
        if not any(word in lowered for word in _EDITORIAL_WORDS):
            return False
    return _EDITORIAL_NOTE.search(sentence_text) is not None


# What a news page puts around its story, telling of no event: a copyright line, a pointer
# to another article ("Read more: ..."), the credits of a report ("Reporting by ...", "AFP
# contributed to this report"), a note that it was first published elsewhere, a picture's
# caption or credit ("... (AFP photo)", "Photograph: J. Smith, 9 March 2025"), a chart's
# source, an embedded post's signature ("— Ana Ruiz (@anaruiz) March 13, 2025").
_FURNITURE_START = re.compile(
    rf"\W*(?:{COPYRIGHT_OPENER}"
    rf"|(?:{RELATED_POINTER}|share\s+this(?:\s+\w+)?"
    r"|most\s+(?:read|popular|viewed|shared)|top\s+stories|sources?)\s*[:|–—]"
    r"|(?:image|media|video)\s+caption\b"
    r"|(?:additional\s+)?(?:reporting|writing|editing)\s+by\b"
    r"|(?:\S+\s+){0,8}?contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    r"\(@\w+\)|\bpic\.twitter\.com/"
    r"|\b(?:was|were)\s+(?:first|originally)\s+published\b"
    rf"|\b{PICTURE_WORD}\s*:"
    r"|\((?:[^()]{0,40}\s)?(?:photo|photograph|picture|file\s+photo)\)"
    r"|\(photo(?:graph)?\s+by\b|\bvia\s+getty\s+images\b",
    re.IGNORECASE,
)
# Words one of which every _FURNITURE_ANYWHERE match holds, in lower case.
_FURNITURE_WORDS = (
    "(@",
    "pic.twitter",
    "published",
    "photo",
    "foto",
    "picture",
    "image",
    "credit",
    "getty",
)
# A line that only dates the page ("Published: 10 March 2025, 14:32 GMT", "Updated at 14:32
# GMT", "## Friday 14 March"): no event is told there.
_DATE_LABEL = re.compile(
    rf"\s*(?:#+|{PAGE_DATE_LABEL})(?:[\s*_,.;:|()\-–—]|\bat\b)*", re.IGNORECASE
)
# What a byline leaves of a line once its dates are out: "By Ana Ruiz, ", "Par Amélie
# Durand -"; and the names in a line of fields ("Ana Ruiz | 13 March 2025 | 09:30").
_NAMES = r"(?:(?:[A-Z][\w.'’-]*|de|da|del|la|le|van|von|der|den|al|bin|and|&)[\s,]*)+"
_BYLINE_LEFT = re.compile(
    rf"\s*(?:(?i:{PAGE_DATE_LABEL})[\s,;:·•|–—-]*)?"
    rf"(?i:{BYLINE_OPENER})\s*:?\s+{_NAMES}[\s.;:·•–—()/-]*"
)
_FIELD_LEFT = re.compile(rf"\s*(?:{_NAMES})?[\s.;:·•–—()/-]*")


_WITH_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\d[./]\d{1,2}[./]\d")


def _stamp(sentence_text: str, timexes: list[Timex]) -> bool:
    """Whether dates alone are the page's time: a day with its year and a time of day
    ("Thursday, 13 March 2025 09:30 GMT"), which no one says of an event."""
    return any(t.type == "TIME" for t in timexes) and _WITH_YEAR.search(sentence_text) is not None


# A day with its weekday alone on its line, without a full stop: a heading over the day's
# entries of a live blog ("Friday 24 January 2025", "Thursday, March 13").
_DAY_HEADING = re.compile(rf"\s*{WEEKDAY},?\s[^.!?\n]*[\w)]\s*", re.IGNORECASE)


_YEAR_HEADING = re.compile(r"\s*(?:1[5-9]|20)\d\d\s*")


# Markdown's emphasis around a line, which makes a date alone on it a heading.
_EMPHASIS = ("**", "__")


def _furniture(sentence_text: str, offset: int, timexes: list[Timex]) -> bool:
    """Whether the sentence is the page's and not the story's (_FURNITURE_*), a heading or
    lines of labelled dates ("Updated: ..."), a byline with its date, or the page's time.
    (A date standing alone may be a transcript's sentence.)"""
    if _FURNITURE_START.match(sentence_text):
        return True
    lowered = sentence_text.lower()
    maybe = not _folds_plainly(sentence_text) or any(w in lowered for w in _FURNITURE_WORDS)
    if maybe and _FURNITURE_ANYWHERE.search(sentence_text):
        return True
    rest = sentence_text
    for timex in reversed(timexes):
        rest = rest[: timex.start - offset] + rest[timex.end - offset :]
    rest = rest.replace("*", "").replace("_", " ")  # Markdown's emphasis: "**By Ana Ruiz**"
    if _BYLINE_LEFT.fullmatch(rest):
        return True
    if "|" in rest and all(_FIELD_LEFT.fullmatch(field) for field in rest.split("|")):
        return True
    dates_alone = not any(char.isalnum() for char in rest)
    if dates_alone and (
        _stamp(sentence_text, timexes)
        or sentence_text.startswith(_EMPHASIS)
        or all(_CLOCK_TIME.fullmatch(timex.text) for timex in timexes)
        or _DAY_HEADING.fullmatch(sentence_text)
        or _YEAR_HEADING.fullmatch(sentence_text)
    ):
        # the page's time, a date heading in bold ("**Monday, March 10**"), with its
        # weekday and no full stop ("Friday 24 January 2025") or a year alone ("2023", over
        # a timeline's days), or a live blog entry's time alone on its line ("16.52 BST")
        return True
    # Lines of labelled dates, and of dates alone among them ("Thu 13 Mar 2025 18.02 GMT" over
    # "Last modified on Thu 13 Mar 2025 20.15 GMT").
    lines = rest.split("\n")
    labelled = [_DATE_LABEL.fullmatch(line) is not None for line in lines]
    bare = [not any(char.isalnum() for char in line) for line in lines]
    return any(labelled) and all(a or b for a, b in zip(labelled, bare, strict=True))


# "from 2011 to 2016", "between March and June", "the night of Friday to Saturday".
_RANGE_START = re.compile(
    r"\b(?:from|between|night\s+of)\s+(?:(?:early|late|mid)[-\s]+)?$", re.IGNORECASE
)
_UNTIL_FURTHER_NOTICE = re.compile(r"\s+(?:until|till)\s+further\s+notice\b", re.IGNORECASE)
_RANGE_LINK = re.compile(
    r"^\s*(?:to|into|until|till|through|and|-|–|—)\s*(?:(?:early|late|mid)[-\s]+)?$"
)


# A year naming what a thing is for, not when anything happened: "the 2025 budget", "its
# 2026 models", "its 2030 climate targets" (but "the 2024 election" is an event of 2024).
_LABELLING_DETERMINER = re.compile(r"(?:\b(?:the|its|their|his|her|our|a|this)|['’]s)\s+$", re.I)
_LABELLED = re.compile(
    r"\s+(?:(?!the\b|a\b|an\b)[a-z][a-z-]*\s+){0,2}?(?:budgets?|models?|targets?|goals?|agenda)\b"
)


def _follows_its_day(before: str, told: str) -> bool:
    """Whether a day told in the possessive ("Tuesday's quake"), whose expression is
    `told` ("following Tuesday" holds the word before it), is the day of what the
    sentence follows (_FOLLOWING)."""
    lead = before[-30:] + told[: told.rstrip().rfind(" ") + 1]
    return _FOLLOWING.search(lead) is not None


def _labels_a_thing(before: str, after: str) -> bool:
    """Whether a year, between `before` and `after`, labels a budget, a model or a target."""
    return (
        _LABELLED.match(after) is not None and _LABELLING_DETERMINER.search(before[-8:]) is not None
    )


def _precision(value: str) -> int:
    return {4: 1, 7: 2, 10: 3}.get(len(value), 4)


@dataclass(frozen=True)
class _Dated:
    timex: Timex
    value: str
    end: str | None = None
    ongoing: bool = False
    reporting: bool = False  # dates only the report, on the publication day
    # Only dates a report ("said Thursday") or is a comparison's baseline: not an event date
    # of its own.
    incidental: bool = False
    counted: bool = False  # counted from the narrative's date ("two days later")
    converted: bool = False  # a time given again in another zone: "(17:14 GMT Friday)"
    # The day a thing was set for before it was moved: "postponed from 28 Feb to 14 Mar".
    moved_from: bool = False


def _last_words(text: str, size: int) -> str:
    """The last `size` characters of `text`, less the word they may open in the middle of
    ("as charged ..." cut from "was charged ...")."""
    window = text[-size:]
    if len(text) > size and text[-size - 1].isalnum():
        return _WORD_OPENING.sub("", window, count=1)
    return window


_WORD_OPENING = re.compile(r"^[\w'’]+")


def _dated_in(
    sentence_text: str,
    offset: int,
    timexes: list[Timex],
    dct: str,
    values: dict[int, str | None],
    anchored: dict[int, str],
) -> list[_Dated]:
    """The dates of one sentence; `values` holds each timex's calendar value and
    `anchored` those counted from the narrative's date, by the timex's start."""
    dated: list[_Dated] = []
    calendar = [(t, anchored.get(t.start) or values[t.start]) for t in timexes]
    skip: set[int] = set()
    plain = _folds_plainly(sentence_text)
    for index, (timex, value) in enumerate(calendar):
        span = spanned(timex)
        if span is not None:
            dated.append(_Dated(timex, span[0], end=span[1]))
            continue
        if value is None or index in skip:
            continue
        before = sentence_text[: timex.start - offset]
        after = sentence_text[timex.end - offset :]
        if after.startswith("'s") and timex.text.lower() == "today":
            continue
        if after.startswith(("'s", "’s")) and _follows_its_day(before, timex.text):
            continue  # "digging after Tuesday's quake": the quake's day, not the digging's
        if timex.text.isdigit() and _labels_a_thing(before, after):
            continue
        if _DENIED.search(before[-30:]):
            continue  # "It was in August 2013, not September 2013": no date of the event
        # Cheap tests first: _SINCE needs "since", _RANGE_START "from" or "between". Ignoring
        # case, letters other than i, k and s match only themselves and their capitals; so
        # "nce" is looked for, not "since", which "ſınce" also matches.
        lowered = before.lower()
        since = _SINCE.search(before) if "nce" in lowered else None
        if since:
            if _FIRST_SINCE.search(before[: since.start()][-80:]):
                if _WHEN_CLAUSE.match(after):
                    # "the strongest since 1939, when a quake killed 33,000": that year's
                    dated.append(_Dated(timex, value))
                continue
            dated.append(_Dated(timex, value, ongoing=True))
            continue
        starts_range = (
            "from" in lowered or "between" in lowered or "night" in lowered
        ) and _RANGE_START.search(before)
        if starts_range and MOVED_FROM.search(before):
            # "postponed from 28 Feb to 14 Mar": the day set before, and then the day set now
            dated.append(_Dated(timex, value, moved_from=True))
            continue
        if starts_range and index + 1 < len(calendar):
            following, following_value = calendar[index + 1]
            link = sentence_text[timex.end - offset : following.start - offset]
            if following_value and _RANGE_LINK.match(link):
                # "from midnight to 6am on Friday": a range within one day is that day
                closing = following_value if following_value != value else None
                dated.append(_Dated(timex, value, end=closing))
                skip.add(index + 1)
                continue
            if following.value == "PRESENT_REF" and _RANGE_LINK.match(link):
                # "from 2011 to the present day", "from 2019 until now": going on since
                dated.append(_Dated(timex, value, ongoing=True))
                skip.add(index + 1)
                continue
        if starts_range and _UNTIL_FURTHER_NOTICE.match(after):
            dated.append(_Dated(timex, value, ongoing=True))  # "from 1 March until further notice"
            continue
        moved_from = moved_from_day(value, before) if "from" in lowered else None
        if moved_from is not None:
            # "adjourned from 4 to 11 April": the day set before, and the day set now
            dated.append(_Dated(timex, moved_from, moved_from=True))
            dated.append(_Dated(timex, value))
            continue
        neighbours = [t for t, _ in calendar[max(0, index - 1) : index + 2] if t is not timex]
        days = (
            day_span(value, before, after, timex.text)
            or night_into(value, before)
            or days_lasting(value, sentence_text, offset, timex, neighbours)
            or week_beginning(value, before)
        )
        if days is not None:
            dated.append(_Dated(timex, days[0], end=days[1]))
            continue
        # Cheap tests first, as for _SINCE: the reporting patterns need one of their verbs
        # or nouns, _BASELINE a digit or one of its words.
        window = _last_words(before, 80)
        low = window.lower() if plain else ""
        said = not plain or any(word in low for word in _REPORTING_WORDS)
        reporting = bool(
            (said and _REPORTING.search(before[-60:])) or _REPORTING_AFTER.match(after)
        )
        baseline = not plain or any(word in low for word in _BASELINE_WORDS) or _DIGIT.search(low)
        dated.append(
            _Dated(
                timex,
                value,
                reporting=reporting and value[:10] == dct[:10],
                incidental=bool(
                    (said and _STATEMENT_BEFORE.search(before[-40:]))
                    or _STATEMENT_AFTER.match(after)
                    or (_OPENING_DAY.fullmatch(before) and _STATEMENT_THAT.match(after))
                    or (baseline and _BASELINE.search(window))
                ),
                counted=timex.start in anchored,
                converted=len(value) > 10 and before.rstrip().endswith("("),
            )
        )
    return dated


# A time of day that names no day: "4 p.m.", "16:00 GMT", "9.30pm EDT", "noon".
_CLOCK_TIME = re.compile(
    r"(?:\d{1,2}(?:[:.h]\d\d)?\s*(?:[ap]\.?\s?m\.?|o'clock)?|noon|midday)"
    r"(?:\s+(?:local\s+time|[A-Z]{2,5}))?",
    re.IGNORECASE,
)


def _clock_only(item: _Dated) -> bool:
    """Whether the date is a time of day alone, which the tagger puts on the last date
    named before it (not on the day the story is at) for want of a day of its own."""
    timex = item.timex
    return (
        timex.type == "TIME"
        and len(item.value) >= 10
        and item.end is None
        and _CLOCK_TIME.fullmatch(timex.text) is not None
    )


def _on_the_story_day(item: _Dated, story_day: str) -> _Dated:
    """The time of day `item` on the day the story is at; or in the night after it, where
    the tagger put it there, the night having gone on from an evening told ("Polls closed at
    10pm on Thursday ... By 4.30am, the party had lost 41 seats")."""
    hour = item.timex.value[11:13]
    night_after = (date.fromisoformat(story_day) + timedelta(days=1)).isoformat()
    if hour.isdigit() and int(hour) < SMALL_HOURS_UNTIL and item.value[:10] == night_after:
        return item
    return replace(item, value=story_day + item.value[10:])


# A weekday labelling a line ("Wednesday: offensive begins", "Thursday — talks"), as in a
# list of what happened: told in the present, as headlines are, which says nothing of
# whether it is past or ahead.
_WEEKDAY_LABEL = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*(?::|[—–]|-\s)", re.IGNORECASE
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _nearest_weekday(item: _Dated, dct: str) -> _Dated:
    """A labelling weekday as the nearest such day to the publication day (Wednesday in a
    paper of Friday is two days before it, Saturday the day after)."""
    name = item.timex.text.lower()
    if name not in _WEEKDAYS or len(item.value) != 10 or item.end is not None:
        return item
    published = date.fromisoformat(dct[:10])
    ahead = (_WEEKDAYS.index(name) - published.weekday()) % 7
    day = published + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return replace(item, value=day.isoformat())


def _nested(value: str, other: str) -> bool:
    """True when one value is a part of the other ("2019" and "2019-03-04"), or both are on
    the same day ("5 pm (1500 GMT) Sunday" is one time in two zones)."""
    same_day = len(value) >= 10 and len(other) >= 10 and value[:10] == other[:10]
    return same_day or value.startswith(other) or other.startswith(value)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _instant(value: str) -> datetime | None:
    """The moment a time with its zone names ("2025-03-16T01:00Z"), None for any other value."""
    if not _ZONED.search(value) or len(value) <= 10:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _same_moment(one: _Dated, other: _Dated) -> bool:
    """True when the two name one moment in two zones ("8 p.m. EST, or 0100 GMT on Sunday"),
    or one is a time converted to another zone, in brackets, on the other's day or the day
    before or after it ("02:14 local time on Saturday (17:14 GMT Friday)")."""
    moment = _instant(one.value)
    if moment is not None and moment == _instant(other.value):
        return True
    days_given = _DAY_VALUE.match(one.value) and _DAY_VALUE.match(other.value)
    if not (one.converted or other.converted) or not days_given:
        return False
    days = date.fromisoformat(one.value[:10]) - date.fromisoformat(other.value[:10])
    return abs(days.days) <= 1


def _others(dated: list[_Dated], main: _Dated) -> list[_Dated]:
    """The other event dates of a sentence, each a candidate of its own (in text order);
    of two where one holds the other, the finer ("April 2024", not the "2024" that "a year
    after it took office in April 2024" counts)."""
    chosen = [main]
    for item in sorted(dated, key=lambda item: -_precision(item.value)):
        if item is main or item.incidental:
            continue
        if item.end is not None or item.ongoing:
            # "served as mayor from 2010 to 2018, and as senator between 2019 and 2023"
            if not any(_inside(item, other) for other in chosen):
                chosen.append(item)
            continue
        if any(_nested(item.value, other.value) or _same_moment(item, other) for other in chosen):
            continue
        chosen.append(item)
    return sorted(chosen[1:], key=dated.index)


def _inside(item: _Dated, other: _Dated) -> bool:
    """Whether the range or span `item` lies within what `other` dates, or starts where it
    does ("from 2011 to 2016, the 2014-15 winter": one span)."""
    first, last = other.value, "9999" if other.ongoing else other.end or other.value
    if item.value.startswith(first) or first.startswith(item.value):
        return True
    item_last = item.end or item.value
    return first <= item.value[: len(first)] and item_last[: len(last)] <= last


def _leads_as_span(item: _Dated, pool: list[_Dated]) -> bool:
    """Whether `item` is a span that dates its sentence before its single dates: a span of
    days always; a span of months or years only when no single day is told with it ("The
    regulator fined the bank on Thursday for failings between 2018 and 2022": the fine)."""
    if item.end is None and not item.ongoing:
        return False
    if _precision(item.value) >= 3:
        return True
    return not any(
        other.end is None and not other.ongoing and _precision(other.value) >= 3 for other in pool
    )


def _main(dated: list[_Dated], dct: str) -> _Dated:
    if len(dated) == 1:
        return dated[0]
    pool = (
        [d for d in dated if not d.reporting and not d.incidental]
        or [d for d in dated if not d.reporting]
        or dated
    )
    return max(
        pool,
        key=lambda d: (
            _leads_as_span(d, pool),
            not d.moved_from,
            not d.counted,
            _precision(d.value) + (0.5 if _ZONED.search(d.value) else 0),
            d.value[:10] != dct[:10],
            -d.timex.start,
        ),
    )


def candidates_from_text(text: str, published: str, day_first: bool = False) -> list[Candidate]:
    """The candidates of `text`: for each sentence that carries a calendar date, one for its
    main date, then one for each other event date it tells of; in text order. `day_first`:
    numeric dates give the day before the month."""
    dct = published[:10]
    timexes = tag(text, dct, day_first)
    # "said today" in a story whose dateline gives the day before publication dates the
    # report on that day.
    today = written_on(text, date.fromisoformat(dct), day_first).isoformat()
    listed = [calendar_value(timex) for timex in timexes]
    values = {timex.start: value for timex, value in zip(timexes, listed, strict=True)}
    anchored = counted_dates(text, timexes, listed, dct)
    candidates = []
    position = 0
    story_day: tuple[str, int] | None = None  # the last sentence's main day, its paragraph
    for sentence in split_sentences(text):
        while position < len(timexes) and timexes[position].start < sentence.start:
            position += 1
        inside = []
        scan = position
        while scan < len(timexes) and timexes[scan].end <= sentence.end:
            inside.append(timexes[scan])
            scan += 1
        dated = _dated_in(sentence.text, sentence.start, inside, today, values, anchored)
        if len(dated) > 1:
            # the month a week lies in ("last week") dates a sentence that has no other date
            dated = [d for d in dated if "-W" not in d.timex.value] or dated
        if not dated or _editorial(sentence.text):
            continue
        if _furniture(sentence.text, sentence.start, inside):
            continue
        if _WEEKDAY_LABEL.match(sentence.text):
            dated = [_nearest_weekday(item, dct) for item in dated]
        near = story_day is not None and sentence.paragraph - story_day[1] <= 1
        if near and all(_clock_only(item) for item in dated):
            # "at 4 p.m." is on the day the story is at, not on the last date named.
            dated = [_on_the_story_day(item, story_day[0]) for item in dated]
        main = _main(dated, today)
        if len(main.value) >= 10 and main.end is None and not main.ongoing:
            story_day = (main.value[:10], sentence.paragraph)
        items = [main, *_others(dated, main)]
        for item in items:
            candidates.append(
                Candidate(
                    value=item.value,
                    end=item.end,
                    ongoing=item.ongoing,
                    quote=sentence.text,
                    paragraph=sentence.paragraph,
                    start=sentence.start,
                    end_offset=sentence.end,
                    timex_text=item.timex.text,
                    timex_start=item.timex.start,
                    timex_end=item.timex.end,
                    other_dates=tuple(
                        other.timex.start for other in items if other.timex is not item.timex
                    ),
                )
            )
    return candidates
