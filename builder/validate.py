"""Validate stage: checks across files, once every file has been loaded on its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from builder.model import EventRecord, Site, Source
from builder.problems import Problems
from builder.quotes import locate

Record = TypeVar("Record", Source, EventRecord)


def unique_by_id(records: Iterable[Record], kind: str, problems: Problems) -> list[Record]:
    """Refuse two records with one id (ids name output files, so case is ignored)."""
    seen: dict[str, Record] = {}
    kept = []
    for record in records:
        key = record.id.casefold()
        if key in seen:
            first = problems.display_path(seen[key].path)
            problems.error(
                record.path,
                1,
                f"duplicate {kind} id {record.id!r}: {first} has it "
                "too; rename one of the files or set a different 'id'",
            )
            continue
        seen[key] = record
        kept.append(record)
    return kept


def locate_citations(
    event: EventRecord, sources: dict[str, Source], problems: Problems
) -> EventRecord | None:
    """The event with each quote placed in its source's paragraphs, or None on a problem."""
    located = []
    for citation in event.citations:
        source = sources.get(citation.source_id)
        if source is None:
            problems.error(
                event.path,
                citation.line,
                f"unknown source {citation.source_id!r}: no file in content/sources has that id",
            )
            continue
        place = locate(citation.quote, source.paragraphs)
        if place is None:
            problems.error(
                event.path,
                citation.line,
                f"quote not found in source {citation.source_id!r}: "
                f"{_shorten(citation.quote)!r}; copy the words exactly from "
                f"{problems.display_path(source.path)}",
            )
            continue
        paragraph, start, end = place
        located.append(replace(citation, paragraph=paragraph, start=start, end=end))
    if len(located) != len(event.citations):
        return None
    return replace(event, citations=tuple(located))


def validate(sources: list[Source], events: list[EventRecord], problems: Problems) -> Site:
    kept_sources = unique_by_id(sources, "source", problems)
    by_id = {source.id: source for source in kept_sources}
    kept_events = []
    for event in unique_by_id(events, "event", problems):
        located = locate_citations(event, by_id, problems)
        if located is not None:
            kept_events.append(located)
    return Site(sources=by_id, events=tuple(kept_events))


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
