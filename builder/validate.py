"""Validate stage: checks across files, once every file has been loaded on its own."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import PurePath
from typing import TypeVar

from builder.layout import EVENT_DIRS, SOURCES_DIR
from builder.model import Citation, EventRecord, Site, Source
from builder.problems import Problems
from builder.quotes import locate
from builder.slugs import slugify

Record = TypeVar("Record", Source, EventRecord)


def unique_by_id(records: Iterable[Record], kind: str, problems: Problems) -> list[Record]:
    """Refuse two records with one id (ids name output files, so case is ignored)."""
    seen: dict[str, Record] = {}
    kept = []
    for record in records:
        key = record.id.casefold()
        if key in seen:
            first = problems.display_path(seen[key].path)
            if seen[key].id == record.id:
                clash = f"duplicate {kind} id {record.id!r}: {first} has it too"
            else:
                clash = (
                    f"{kind} id {record.id!r} and {seen[key].id!r} in {first} would write "
                    "the same page (file names ignore case on Windows and macOS)"
                )
            problems.error(record.path, 1, f"{clash}; {_clash_advice(seen[key], record)}")
            continue
        seen[key] = record
        kept.append(record)
    return kept


def _clash_advice(first: Record, second: Record) -> str:
    """What to do about two files with one id: an accepted candidate copied to
    content/events/ rather than moved leaves one behind in content/candidates/."""
    rename = "rename one of the files or set a different 'id'"
    folders = {first.path.parent.name, second.path.parent.name}
    if folders != {EVENT_DIRS[0].name, EVENT_DIRS[1].name} or first.id != second.id:
        return rename
    if second.path.parent.name == EVENT_DIRS[1].name:
        here = "delete this file"
    else:
        here = f"delete {PurePath(EVENT_DIRS[1], first.path.name).as_posix()}"
    return (
        f"if one is the candidate accepted, {here} (accepting a candidate moves its file "
        f"to {EVENT_DIRS[0].as_posix()}/); if not, {rename}"
    )


# Where a quote was found: (quote, a digest of its source's file) -> (paragraph, start, end).
Places = dict[tuple[str, str], tuple[int, int, int] | None]


class PlaceMemo:
    """Quotes located by the last build, reused; this build's, kept for the next.
    A source is known by the digest of its file (`file_digests`, by path): the key stays
    small, and a source whose file changed is searched again."""

    def __init__(
        self, previous: Places | None = None, file_digests: Mapping[str, str] | None = None
    ) -> None:
        self.previous = previous or {}
        self.file_digests = file_digests or {}
        self.places: Places = {}
        # (record as loaded, record with its quotes placed anew): see locate_citations.
        self.relocated: list[tuple[EventRecord, EventRecord]] = []

    def locate(self, quote: str, source: Source) -> tuple[int, int, int] | None:
        digest = self.file_digests.get(str(source.path))
        if digest is None:
            return locate(quote, source.paragraphs)
        key = (quote, digest)
        if key in self.places:
            return self.places[key]
        place = self.previous[key] if key in self.previous else locate(quote, source.paragraphs)
        self.places[key] = place
        return place


def locate_citations(
    event: EventRecord,
    sources: dict[str, Source],
    problems: Problems,
    memo: PlaceMemo | None = None,
    unsettled: frozenset[str] = frozenset(),
) -> EventRecord | None:
    """The event with each quote placed in its source's paragraphs, or None on a problem.
    The sources of `unsettled` ids (casefolded) are not looked into: an id two files
    share, or that of a file which could not be read, is an error of its own, and which
    text the quote should come from is not known."""
    located = []
    moved = False
    for citation in event.citations:
        if citation.source_id.casefold() in unsettled:
            continue
        source = sources.get(citation.source_id)
        if source is None:
            close = difflib.get_close_matches(citation.source_id, list(sources), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "check the spelling, or add it"
            if _in_candidates(event):
                hint += " (or, if the article was taken down, delete this candidate)"
            problems.error(
                event.path,
                citation.line,
                f"unknown source {citation.source_id!r}: no file in content/sources has "
                f"that id; {hint}",
            )
            continue
        if memo is not None:
            place = memo.locate(citation.quote, source)
        else:
            place = locate(citation.quote, source.paragraphs)
        if place is None:
            problems.error(event.path, citation.line, _not_found(citation, source, problems))
            continue
        if place == (citation.paragraph, citation.start, citation.end):
            located.append(citation)
            continue
        moved = True
        # Made directly rather than by dataclasses.replace: this runs per quote, and
        # replace looks up the fields each time.
        located.append(Citation(citation.source_id, citation.quote, citation.line, *place))
    if len(located) != len(event.citations):
        return None
    if not moved:  # a record already placed (as the build cache keeps them): as it is
        return event
    placed = replace(event, citations=tuple(located))
    if memo is not None:
        memo.relocated.append((event, placed))
    return placed


def _in_candidates(event: EventRecord) -> bool:
    """Whether the event's file is in content/candidates/ (not reviewed yet)."""
    parents = event.path.parents
    return any(
        folder.name == "candidates" and folder.parent.name == "content" for folder in parents
    )


def _not_found(citation: Citation, source: Source, problems: Problems) -> str:
    shown = f"{citation.source_id!r}: {_shorten(citation.quote)!r}"
    if locate(citation.quote, (" ".join(source.paragraphs),)) is not None:
        # The words are there, but a quote is placed (and linked to) in one paragraph.
        return (
            f"quote runs across a paragraph break in source {shown}; quote from one "
            "paragraph only (cite the source again for the words of the next)"
        )
    return (
        f"quote not found in source {shown}; copy the words exactly from "
        f"{problems.display_path(source.path)}"
    )


def validate(
    sources: list[Source],
    events: list[EventRecord],
    problems: Problems,
    memo: PlaceMemo | None = None,
) -> Site:
    """The site, its records checked together; `memo` remembers where quotes were found."""
    kept_sources = unique_by_id(sources, "source", problems)
    by_id = {source.id: source for source in kept_sources}
    counts = Counter(source.id.casefold() for source in sources)
    shared = {key for key, count in counts.items() if count > 1}
    unsettled = frozenset(shared | unreadable_source_ids(problems))
    kept_events = []
    for event in unique_by_id(events, "event", problems):
        located = locate_citations(event, by_id, problems, memo, unsettled)
        if located is not None:
            kept_events.append(located)
    warn_merged_tags(kept_events, problems)
    warn_further_reports_left(kept_events, problems)
    return Site(sources=by_id, events=tuple(kept_events))


def unreadable_source_ids(problems: Problems) -> set[str]:
    """The ids (casefolded) of source files with errors: each file's name, which is its id
    unless its front matter says otherwise (and that may be what could not be read)."""
    return {
        PurePath(problem.path).stem.casefold()
        for problem in problems.errors
        if SOURCES_DIR in PurePath(problem.path).parents
    }


def warn_further_reports_left(events: Iterable[EventRecord], problems: Problems) -> None:
    """Name the candidate files proposing further sources of an event (`joins`) that no
    event has the id of (renamed or deleted since: the file would be published as an
    event of its own), that the editor hid since, or whose quotes that event's file cites
    already (the editor copied them across, and the file is left to delete)."""
    events = list(events)
    joining = [event for event in events if event.joins is not None and not event.hidden]
    if not joining:
        return
    by_id = {event.id: event for event in events}
    for event in joining:
        joined = by_id.get(event.joins or "")
        if joined is None:
            problems.warn(
                event.path,
                event.joins_line,
                f"no event has the id {event.joins!r} this file proposes further sources "
                "for (was its file renamed?): copy them into the event they report and "
                "delete this file, or delete this line to review it as an event of its own",
            )
            continue
        if joined.hidden and joined is not event:
            problems.warn(
                event.path,
                event.joins_line,
                f"{problems.display_path(joined.path)}, the event this file proposes further "
                "sources for, is hidden: delete this file (it is not published)",
            )
            continue
        if joined is event or not event.citations:
            continue
        if all(_cites(joined, citation) for citation in event.citations):
            problems.warn(
                event.path,
                event.citations[0].line,
                f"{problems.display_path(joined.path)}, the event this file proposes further "
                "sources for, cites its quotes already: delete this file",
            )


def _cites(event: EventRecord, citation: Citation) -> bool:
    """Whether the event cites the words of this citation (located), or some of them."""
    return any(
        own.source_id == citation.source_id
        and own.paragraph == citation.paragraph
        and own.start < citation.end
        and citation.start < own.end
        for own in event.citations
    )


def warn_merged_tags(events: Iterable[EventRecord], problems: Problems) -> None:
    """Tags with one slug share one page, on purpose ("Aleppo", "aleppo"); say so when
    they are spelled differently beyond case ("C" and "C++"), in case they are not one."""
    events = list(events)
    slugs: dict[str, str] = {}  # a site has thousands of events and few tags
    spellings: dict[str, set[str]] = {}
    for tag in {tag for event in events for tag in event.tags}:
        slug = slugs[tag] = slugify(tag)
        spellings.setdefault(slug, set()).add(tag.casefold())
    if all(len(spelled) == 1 for spelled in spellings.values()):
        return  # the common case, found without ordering thousands of events
    first: dict[str, tuple[str, EventRecord]] = {}
    told: set[str] = set()
    for event in sorted(events, key=lambda e: str(e.path)):
        for tag in event.tags:
            slug = slugs[tag]
            name, owner = first.setdefault(slug, (tag, event))
            if name.casefold() != tag.casefold() and tag.casefold() not in told:
                told.add(tag.casefold())
                problems.warn(
                    event.path,
                    event.tags_line,
                    f"tag {tag!r} is shown as the same tag as {name!r} (in "
                    f"{problems.display_path(owner.path)}): both make tags/{slug}.html; "
                    "spell them the same, or make them differ in letters or digits",
                )


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
