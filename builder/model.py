"""The content of a site as plain, immutable records."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from builder.dates import DateSpan, PartialDate


class Rights(StrEnum):
    """How much of an article the site may show."""

    FULL = "full"
    EXCERPTS = "excerpts"
    LINK = "link"


class Status(StrEnum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DISPUTED = "disputed"


@dataclass(frozen=True)
class Source:
    """An article: its metadata and its text, split into paragraphs."""

    id: str
    path: Path
    title: str
    publisher: str
    published: PartialDate
    url: str | None
    author: str | None
    language: str | None
    rights: Rights
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Citation:
    """A quote from a source that supports an event, located in the source's paragraphs."""

    source_id: str
    quote: str
    line: int  # line of the quote in the event file, for error messages
    paragraph: int = -1  # index into Source.paragraphs, -1 while not located
    start: int = -1  # offsets of the quote inside that paragraph
    end: int = -1


@dataclass(frozen=True)
class EventRecord:
    """A dated event, as an editor wrote it (or as extraction proposed it)."""

    id: str
    path: Path
    when: DateSpan
    title: str
    summary: str  # Markdown
    tags: tuple[str, ...]
    status: Status
    citations: tuple[Citation, ...]
    extracted: bool = False
    hidden: bool = False
    tags_line: int = 1  # where 'tags' is in the file, for messages about them
    # The event a candidate file proposes its sources for (a later article's report of an
    # event an editor has dealt with), None for a new event.
    joins: str | None = None
    joins_line: int = 1  # where 'joins' is in the file


@dataclass(frozen=True)
class Site:
    """Everything a build reads, loaded and validated."""

    sources: dict[str, Source]
    events: tuple[EventRecord, ...]
