"""What the tagger knows while it reads a text, and what a normaliser returns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from builder.temporal.tense import _PAST, direction

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]|\n\s*\n")


_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?\"”]\s+|\n\s*)(?:In|By|During|Since)\s+(?:early\s+|late\s+|mid-)?$"
)


_WHEN_CLAUSE = re.compile(r"[^.;!?]*?\d{4}\s*,\s*when\b[^.;!?]*$")

# "The 1970 World Cup final, played at the Azteca on 21 June", "The 2016 referendum was
# held on 23 June", "The 2011 earthquake struck on 11 March": an event the sentence opens
# with, named by its year, then what is told of it after a comma or in the past (not a
# thing the year labels: "The 2025 budget, unveiled on 30 October").
_THE_BEFORE_YEAR = re.compile(r"(?:^|[.!?\"”]\s+|\n\s*)[\"“]?the\s+$", re.IGNORECASE)
_LABELLED = r"(?!(?:budgets?|models?|targets?|goals?|plans?|forecasts?|guidance|deadline)\b)"
# A past verb telling what the event did: "The 2011 earthquake struck on 11 March".
_PAST_TOLD = rf"(?!(?:last|earlier|ago|yesterday)\b)(?:{_PAST})"
_EVENT_OF_YEAR = re.compile(
    rf"\d{{4}}\s+(?:{_LABELLED}[\w'’-]+\s+){{0,3}}?{_LABELLED}[\w'’-]+"
    r"(?:\s*,\s+|\s+(?:was|were)\s+(?!(?:due|expected|scheduled|set|planned|to)\b)\w+"
    rf"|\s+(?:took\s+place|{_PAST_TOLD})(?![\w'’]))"
    r"[^.;!?]*$",
    re.IGNORECASE,
)

# How far (in characters, a few sentences) a day stated holds the narrative.
NARRATIVE_REACH = 400


@dataclass
class Context:
    """What the tagger knows while reading a text from start to end."""

    text: str
    dct: date
    # The day the narrative is at: moved by explicit dates, used by "the next day".
    anchor: date
    # The last day stated ("the next day" counts from it).
    day_anchor: date | None = None
    day_anchor_at: int = -10_000
    # Where a business quarter was last mentioned: "a year earlier" in an earnings report
    # means the same quarter of the year before.
    quarter_at: int = -10_000
    # The reporting period the text is about, stated outright: a quarter ("the fourth
    # quarter" -> 1989-Q4) or a year ("the nine months" -> 1989).  "A year earlier" and
    # "the latest period" refer to it; each such reference keeps it current.
    period: str | None = None
    period_at: int = -10_000
    # The last year stated explicitly, and where: "In 2019 ... on March 4" is 2019-03-04.
    year: int | None = None
    year_at: int = -10_000
    cache: dict[int, int] = field(default_factory=dict)
    # Numeric dates give the day before the month ("04/03/2025" is 4 March).
    day_first: bool = False
    # False once the narrative moved to a year or a month ("in 2019"): `anchor` is then
    # its first day, which names no day the text tells of.
    anchor_is_day: bool = True
    # The granularity of `anchor` ("day", "month", "year", ...): "the same month" after
    # "the 2022-23 accounts" has no month to be.
    anchor_unit: str = "day"
    # The last year the text wrote out ("the spring of 2023", "the first half of 2024"),
    # whether or not its expression moved the anchor, and where.
    told_year: int | None = None
    told_year_at: int = -10_000
    # The day the last heading alone on its line named ("## Friday 14 March"): a live blog's
    # entries under it are on that day.
    heading_day: date | None = None
    # The year the last heading alone on its line named ("2023" over "October 7 – Militants
    # attack ..."): a timeline's days under it are in that year.
    heading_year: int | None = None

    def timeline_year(self, start: int) -> int | None:
        """The year of a heading ("2023") over the timeline entry whose line the expression
        at `start` opens ("October 7 – Militants attack ..."), if any."""
        if self.heading_year is None:
            return None
        before = start  # back over a list's marks and emphasis: "- October 7", "* **May 4**"
        while before > 0 and self.text[before - 1] in " \t*_-•>":
            before -= 1
        return self.heading_year if before == 0 or self.text[before - 1] == "\n" else None

    # The last time of day told ("at 10pm on Thursday"): its day and hour, and where. The
    # small hours told just after an evening are the next day's.
    clock_told: tuple[date, int] | None = None
    clock_told_at: int = -10_000
    # `text` with each blank line between paragraphs begun by a character no white space
    # matches (\0): what is looked for around an expression there stays in its paragraph.
    # Offsets are those of `text`.
    apart: str = ""

    def stated_year(self, start: int) -> int | None:
        """The year a sentence opens with ("In 2019, ...", "The 1970 World Cup final, played
        ..."), for the dates later in it; or the year a "when" clause tells more of ("until
        2015, when it crashed on April 30")."""
        if self.year is None or start - self.year_at > 120:
            return None
        between = self.text[self.year_at : start]
        if _WHEN_CLAUSE.match(between):
            return self.year
        opens = _THE_BEFORE_YEAR.search(self.text, max(0, self.year_at - 8), self.year_at)
        if opens and _EVENT_OF_YEAR.match(between):
            return self.year
        if not _SENTENCE_OPENING.search(self.text, max(0, self.year_at - 12), self.year_at):
            return None
        return None if _SENTENCE_BREAK.search(between) else self.year

    def year_told(self) -> int:
        """The year "that year" refers to: the last one written out, unless a date stated
        since moved the narrative to another."""
        if self.told_year is not None and self.told_year_at >= self.year_at:
            return self.told_year
        return self.anchor.year

    def narrative_day(self, start: int) -> date:
        """The day the text is at: a day stated in the last few sentences, else the
        publication day."""
        if self.day_anchor is not None and start - self.day_anchor_at < NARRATIVE_REACH:
            return self.day_anchor
        return self.dct

    def current_period(self, start: int, reach: int = 800) -> str | None:
        """The reporting period under discussion at `start`, if one was named within `reach`."""
        if self.period is None or start - self.period_at > reach:
            return None
        self.period_at = start
        return self.period

    def tense(self, start: int, end: int) -> int:
        if start not in self.cache:
            self.cache[start] = direction(self.text, start, end)
        return self.cache[start]


@dataclass(frozen=True)
class Reading:
    type: str
    value: str
    # Where the expression really starts and ends, when the match is longer.
    end: int | None = None
    start: int | None = None
    # Whether the value names a date the text states (moves the narrative anchor).
    anchors: bool = False
    # The reporting period this expression introduces ("the third quarter", "the nine months").
    period: str | None = None


Handler = Callable[[str, int, int, Context], "Reading | None"]
