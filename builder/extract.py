"""Extract stage: propose dated events from the sources' text, for editors to review.

Each sentence that carries a resolved date becomes a candidate; candidates from several
articles that report the same thing on the same date become one, with several sources.
Candidates an editor has already dealt with (an event citing that sentence, or a file
with that id) are not proposed again, so review decisions survive every run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.candidates import Candidate, candidates_from_text
from builder.dates import DateError, DateSpan, PartialDate
from builder.load import PARAGRAPH_SEPARATOR, tagger_text
from builder.model import Citation, EventRecord, Site, Source, Status
from builder.slugs import slugify

CANDIDATES_DIR = Path("content/candidates")
_TITLE_WORDS = 14
# Two sentences share enough to be one event when this share of the shorter one's
# content words is also in the other.
_SAME_EVENT_OVERLAP = 0.5
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(
    (
        "a an and are as at be been but by for from had has have he her his in is it its of on "
        "or said says she that the their they this to was were which while who will with would "
        "after before since until during also not no than then there these those into over"
    ).split()
)


@dataclass(frozen=True)
class SourceSentence:
    """One dated sentence of one source, with its offsets inside its paragraph."""

    source: Source
    candidate: Candidate
    start: int
    end: int

    @property
    def words(self) -> frozenset[str]:
        """What the sentence is about: its content words, less those of its date."""
        return content_words(self.candidate.quote) - content_words(self.candidate.timex_text)

    def overlaps(self, citation: Citation) -> bool:
        return (
            citation.source_id == self.source.id
            and citation.paragraph == self.candidate.paragraph
            and citation.start < self.end
            and self.start < citation.end
        )


@dataclass(frozen=True)
class ProposedEvent:
    """A candidate event: one date, the sentences (from one or more sources) that give it."""

    id: str
    when: DateSpan
    sentences: tuple[SourceSentence, ...]

    @property
    def title(self) -> str:
        words = self.sentences[0].candidate.quote.split()
        short = " ".join(words[:_TITLE_WORDS])
        return short + ("…" if len(words) > _TITLE_WORDS else "")

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "date": self.when.start.iso(),
            "end": self.when.end.iso() if self.when.end else None,
            "ongoing": self.when.ongoing,
            "sources": [
                {
                    "source": s.source.id,
                    "quote": s.candidate.quote,
                    "paragraph": s.candidate.paragraph,
                    "start": s.start,
                    "end": s.end,
                    "expression": s.candidate.timex_text,
                }
                for s in self.sentences
            ],
        }

    def as_record(self, path: Path) -> EventRecord:
        citations = tuple(
            Citation(s.source.id, s.candidate.quote, 0, s.candidate.paragraph, s.start, s.end)
            for s in self.sentences
        )
        return EventRecord(
            id=self.id,
            path=path,
            when=self.when,
            title=self.title,
            summary="",
            tags=(),
            status=Status.REPORTED,
            citations=citations,
            extracted=True,
        )


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        word
        for word in _WORD.findall(text.casefold())
        if word not in _STOPWORDS and not word.isdigit() and len(word) > 2
    )


def dated_sentences(source: Source) -> list[SourceSentence]:
    published = source.published.iso()[:10]
    paragraph_starts = []
    offset = 0
    for paragraph in source.paragraphs:
        paragraph_starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    sentences = []
    for candidate in candidates_from_text(tagger_text(source.paragraphs), published):
        base = paragraph_starts[candidate.paragraph]
        sentences.append(
            SourceSentence(source, candidate, candidate.start - base, candidate.end_offset - base)
        )
    return sentences


def candidate_span(candidate: Candidate) -> DateSpan | None:
    """The candidate's date as our date type; None for a value it cannot express."""
    try:
        start = PartialDate.parse(candidate.value)
        end = PartialDate.parse(candidate.end) if candidate.end else None
    except DateError:
        return None
    if end is not None and end.ends_before(start):
        return None
    return DateSpan(start, end, candidate.ongoing)


def merge_sentences(sentences: Iterable[SourceSentence]) -> list[ProposedEvent]:
    """Group sentences by date; within a date, sentences from different sources that share
    most of their content words are one event."""
    groups: list[tuple[DateSpan, list[SourceSentence]]] = []
    for sentence in sentences:
        when = candidate_span(sentence.candidate)
        if when is None:
            continue
        for group_when, members in groups:
            if group_when == when and _same_event(sentence, members):
                members.append(sentence)
                break
        else:
            groups.append((when, [sentence]))
    proposed = [
        ProposedEvent(_candidate_id(when, members[0]), when, tuple(members))
        for when, members in groups
    ]
    return sorted(proposed, key=lambda p: (p.when.sort_key(), p.id))


def _same_event(sentence: SourceSentence, members: list[SourceSentence]) -> bool:
    if any(member.source.id == sentence.source.id for member in members):
        return False
    words = sentence.words
    for member in members:
        shorter = min(len(words), len(member.words)) or 1
        if len(words & member.words) / shorter >= _SAME_EVENT_OVERLAP:
            return True
    return False


def _candidate_id(when: DateSpan, first: SourceSentence) -> str:
    quote = first.candidate.quote
    digest = hashlib.sha1(f"{first.source.id}\n{quote}".encode()).hexdigest()[:6]
    words = slugify(" ".join(quote.split()[:6]))
    words = re.sub(r"[^a-z0-9-]+", "", words)[:48].strip("-") or "event"
    return f"{when.start.iso()[:10].replace(':', '')}-{words}-{digest}"


def already_reviewed(proposed: ProposedEvent, events: Iterable[EventRecord]) -> bool:
    """True when an event file has this id, or cites one of these sentences (whatever
    date the editor gave it, and even if the editor hid it)."""
    return any(
        event.id == proposed.id
        or any(s.overlaps(c) for c in event.citations for s in proposed.sentences)
        for event in events
    )


def propose_events(site: Site) -> list[ProposedEvent]:
    """Every candidate from every source, merged, less those editors have dealt with."""
    sentences = [s for source in site.sources.values() for s in dated_sentences(source)]
    return [p for p in merge_sentences(sentences) if not already_reviewed(p, site.events)]


def candidate_file_text(proposed: ProposedEvent) -> str:
    """A reviewable event file: the editor edits it, moves it to content/events/ to accept
    it, or sets `hidden: true` to refuse it."""
    front: dict[str, object] = {"date": proposed.when.start.iso()}
    if proposed.when.end is not None:
        front["end"] = proposed.when.end.iso()
    if proposed.when.ongoing:
        front["ongoing"] = True
    front.update(
        {
            "title": proposed.title,
            "status": Status.REPORTED.value,
            "extracted": True,
            "tags": [],
            "sources": [
                {"source": s.source.id, "quote": s.candidate.quote} for s in proposed.sentences
            ],
        }
    )
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    expressions = ", ".join(
        f"“{s.candidate.timex_text}” in {s.source.id}" for s in proposed.sentences
    )
    return (
        f"---\n{header}---\nProposed by `timeline extract` from {expressions}. "
        "Review the date and write a summary.\n"
    )


def write_candidates(site_dir: Path, proposed: list[ProposedEvent]) -> list[Path]:
    """Write each proposal as a file of its own; an existing file is never overwritten."""
    folder = site_dir / CANDIDATES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for proposal in proposed:
        path = folder / f"{proposal.id}.md"
        try:
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(candidate_file_text(proposal))
        except FileExistsError:
            continue
        written.append(path)
    return written
