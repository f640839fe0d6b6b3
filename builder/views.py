"""View models: what each template displays, computed once, with no logic left to templates.

Every link here is relative to the site root; templates prefix it with `root`, the way
back to the root from the page being rendered, so the site works from any folder,
on any host and opened straight from disk.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from itertools import groupby
from typing import TypeVar

from markupsafe import Markup

from builder.collector import collector_paused
from builder.dates import DateSpan, PartialDate, Precision
from builder.direction import text_direction
from builder.fragments import with_text_fragment
from builder.markdown_text import emphasis_html, render_markdown
from builder.model import Citation, EventRecord, Rights, Site, Source
from builder.slugs import slugify as _slugify

# Tags repeat across thousands of events: each distinct one is slugified once (a pure
# function; the memo is bounded).
slugify = functools.lru_cache(maxsize=65536)(_slugify)


@dataclass(frozen=True)
class TagLink:
    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class CitationView:
    source_id: str
    source_title: str
    publisher: str
    published: str  # display form
    published_iso: str
    quote: str  # the words as they stand in the source
    local_url: str  # the source page, anchored at the quoted paragraph
    article_url: str | None  # the original article with a text fragment, when a URL is known
    language: str | None

    @property
    def direction(self) -> str:
        return text_direction(self.language)

    @property
    def quote_html(self) -> Markup:
        """The quote as HTML, a Markdown article's emphasis shown as such."""
        return emphasis_html(self.quote)


@dataclass(frozen=True)
class EventView:
    id: str
    url: str
    title: str
    when: DateSpan
    date_display: str
    date_iso: str
    end_iso: str | None
    precision: str  # year, month, day or minute
    summary_html: Markup
    status: str
    tags: tuple[TagLink, ...]
    citations: tuple[CitationView, ...]
    extracted: bool  # proposed by extraction and not accepted by an editor
    # A candidate the build proposed itself (see UnreviewedRecord): it has no page, and
    # `url` is the quoted paragraph on its source's page.
    unreviewed: bool = False

    @property
    def tag_slugs(self) -> str:
        return " ".join(tag.slug for tag in self.tags)


@dataclass(frozen=True)
class MonthGroup:
    label: str  # "November 2024", or "" for events known only to the year
    anchor: str
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class YearGroup:
    year: int
    anchor: str
    months: tuple[MonthGroup, ...]

    @property
    def reviewed(self) -> YearGroup:
        """The year without its unreviewed candidates, for what lists only events that
        have a page of their own (schema.org JSON-LD). Made on each call: a value kept in
        the instance would change how it pickles, so its pages' fingerprints."""
        months = []
        for month in self.months:
            events = tuple(event for event in month.events if not event.unreviewed)
            if len(events) == len(month.events):
                months.append(month)
            elif events:
                months.append(MonthGroup(month.label, month.anchor, events))
        return YearGroup(self.year, self.anchor, tuple(months))


@dataclass(frozen=True)
class Segment:
    """A run of paragraph text; `marked` when it is quoted by an event."""

    text: str
    marked: bool


@dataclass(frozen=True)
class ParagraphView:
    index: int
    anchor: str
    segments: tuple[Segment, ...]
    direction: str = "auto"  # its source's

    @property
    def html(self) -> Markup:
        """The paragraph as its source's page shows it: anchored, a link to itself, then
        its text. Written here rather than in the template (source.html), where its parts
        took a fifth of the page's rendering."""
        number = self.index + 1
        return Markup(
            f'<p id="{self.anchor}" dir="{self.direction}"><a class="pilcrow" '
            f'href="#{self.anchor}" aria-label="Paragraph {number}">¶{number}</a> '
            f"{self.text_html}</p>"
        )

    @property
    def text_html(self) -> Markup:
        """The paragraph's text as HTML, the quoted passages in <mark>: joined here rather
        than in the template, which would take a loop step and an output per segment
        (a site's source pages hold millions of segments)."""
        return Markup(
            "".join(
                f"<mark>{emphasis_html(segment.text)}</mark>"
                if segment.marked
                else emphasis_html(segment.text)
                for segment in self.segments
            )
        )


class Paragraphs:
    """A source's paragraph views, made when a page first shows them: a build shows
    few source pages anew, but makes the view of every source to list and fingerprint
    it (by digest, see ViewMemo), and splitting every text into segments would cost
    more than the rest of the view."""

    def __init__(self, source: Source, quoted: list[Citation]) -> None:
        self._source, self._quoted = source, quoted

    @functools.cached_property
    def views(self) -> tuple[ParagraphView, ...]:
        return source_paragraphs(self._source, self._quoted)

    def __iter__(self) -> Iterator[ParagraphView]:
        return iter(self.views)

    def __len__(self) -> int:
        return len(self.views)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Paragraphs) and self.views == other.views

    def __hash__(self) -> int:
        return hash(self.views)

    def __reduce__(self) -> tuple[type, tuple[tuple[ParagraphView, ...]]]:
        return tuple, (self.views,)  # pickled, it is what it shows


@dataclass(frozen=True)
class SourceView:
    id: str
    url: str
    title: str
    publisher: str
    author: str | None
    published: str
    published_iso: str
    year: int  # of publication, in the site's zone
    month: int  # 0 when not known
    day: int  # 0 when not known
    original_url: str | None
    language: str | None
    rights: str
    paragraphs: Paragraphs
    events: tuple[EventView, ...]

    @property
    def direction(self) -> str:
        return text_direction(self.language)


@dataclass(frozen=True)
class TagView:
    name: str
    slug: str
    url: str
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class SiteView:
    events: tuple[EventView, ...]  # in chronological order
    years: tuple[YearGroup, ...]
    tags: tuple[TagView, ...]
    sources: tuple[SourceView, ...]
    tag_names: dict[str, str] = field(default_factory=dict)


def paragraph_anchor(index: int) -> str:
    return f"p{index + 1}"


def event_url(event_id: str) -> str:
    return f"events/{event_id}.html"


def source_url(source_id: str) -> str:
    return f"sources/{source_id}.html"


def tag_url(slug: str) -> str:
    return f"tags/{slug}.html"


def precision_name(date: PartialDate) -> str:
    return Precision(date.precision).name.lower()


def tag_names(events: Iterable[EventRecord]) -> dict[str, str]:
    """Each tag slug with the name it is shown under: tags differing only in case or
    punctuation are one tag, named by the form that sorts first."""
    names: dict[str, str] = {}
    for name in sorted({tag for event in events for tag in event.tags}):
        names.setdefault(slugify(name), name)
    return names


def published_dates(source: Source, zone: tzinfo) -> tuple[str, str]:
    """A source's publication date as shown, and in ISO 8601, in the site's zone."""
    published = source.published.in_zone(zone)
    return published.display(), published.iso()


def citation_view(
    citation: Citation,
    source: Source,
    zone: tzinfo,
    dates: dict[str, tuple[str, str]] | None = None,
) -> CitationView:
    """`dates`: the sources' `published_dates` by id, filled as they are needed (a source
    is cited by many events when candidates are published)."""
    paragraph = source.paragraphs[citation.paragraph]
    exact_words = paragraph[citation.start : citation.end]
    if dates is None:
        published, published_iso = published_dates(source, zone)
    else:
        known = dates.get(source.id)
        if known is None:
            known = dates[source.id] = published_dates(source, zone)
        published, published_iso = known
    article_url = with_text_fragment(source.url, exact_words) if source.url else None
    return CitationView(
        source_id=source.id,
        source_title=source.title,
        publisher=source.publisher,
        published=published,
        published_iso=published_iso,
        quote=exact_words,
        local_url=f"{source_url(source.id)}#{_local_anchor(source, citation)}",
        article_url=article_url,
        language=source.language,
    )


def _local_anchor(source: Source, citation: Citation) -> str:
    """Where a quote is on its source's page: its paragraph, or for a source whose terms
    allow only a link (no text shown, so no paragraphs), the section saying so."""
    return "text" if source.rights == Rights.LINK else paragraph_anchor(citation.paragraph)


@dataclass(frozen=True)
class UnreviewedRecord(EventRecord):
    """A candidate event the build proposed itself from a source's text (with
    `publish_candidates`): it is in no file, and no editor has seen it. It is listed,
    marked as unreviewed, but has no page of its own: its link is the quoted paragraph
    on its source's page."""


def accepted(event: EventRecord) -> bool:
    """True for a record in content/events/: written there by an editor, or a candidate
    an editor accepted by moving its file there (`extracted: true` still in it)."""
    if isinstance(event, UnreviewedRecord):
        return False
    for folder in event.path.parents:
        if folder.parent.name == "content" and folder.name in ("events", "candidates"):
            return folder.name == "events"
    return False


def awaits_review(event: EventRecord) -> bool:
    """True for a candidate no editor has accepted: one the build proposed, or a file
    of content/candidates/ (these are published only with `publish_candidates`)."""
    return event.extracted and not accepted(event)


def event_view(
    event: EventRecord,
    site: Site,
    names: dict[str, str],
    zone: tzinfo,
    dates: dict[str, tuple[str, str]] | None = None,
) -> EventView:
    when = event.when.in_zone(zone)
    tags = tuple(
        TagLink(names[slug], slug, tag_url(slug))
        for slug in dict.fromkeys(slugify(tag) for tag in event.tags)
    )
    sources = site.sources
    citations = tuple(citation_view(c, sources[c.source_id], zone, dates) for c in event.citations)
    unreviewed = isinstance(event, UnreviewedRecord) and bool(citations)
    return EventView(
        id=event.id,
        url=citations[0].local_url if unreviewed else event_url(event.id),
        title=event.title,
        when=when,
        date_display=when.display(),
        date_iso=when.start.iso(),
        end_iso=when.end.iso() if when.end else None,
        precision=precision_name(when.start),
        summary_html=render_markdown(event.summary),
        status=event.status.value,
        tags=tags,
        citations=citations,
        extracted=awaits_review(event),
        unreviewed=unreviewed,
    )


def group_by_period(events: Iterable[EventView]) -> tuple[YearGroup, ...]:
    """Years, then months; events known only to the year come first in their year."""
    years = []
    for year, in_year in groupby(events, key=lambda e: e.when.start.year):
        months = []
        for month, in_month in groupby(in_year, key=lambda e: e.when.start.month):
            label = f"{calendar.month_name[month]} {year}" if month else ""
            anchor = f"y{year}-{month:02d}" if month else f"y{year}-year"
            months.append(MonthGroup(label, anchor, tuple(in_month)))
        years.append(YearGroup(year, f"y{year}", tuple(months)))
    return tuple(years)


def source_paragraphs(source: Source, quoted: list[Citation]) -> tuple[ParagraphView, ...]:
    """The paragraphs the source's rights allow, with quoted passages marked."""
    if source.rights == "link":
        return ()
    spans: dict[int, list[tuple[int, int]]] = {}
    for citation in quoted:
        spans.setdefault(citation.paragraph, []).append((citation.start, citation.end))
    views = []
    direction = text_direction(source.language)
    for index, text in enumerate(source.paragraphs):
        if source.rights == "excerpts" and index not in spans:
            continue
        segments = _segments(text, spans.get(index, []))
        views.append(ParagraphView(index, paragraph_anchor(index), segments, direction))
    return tuple(views)


def _segments(text: str, spans: list[tuple[int, int]]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    position = 0
    for start, end in _merge_spans(spans):
        if start > position:
            segments.append(Segment(text[position:start], False))
        segments.append(Segment(text[start:end], True))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:], False))
    return tuple(segments)


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def source_view(
    source: Source, cited: list[Citation], drawn: tuple[EventView, ...], zone: tzinfo
) -> SourceView:
    published = source.published.in_zone(zone)
    return SourceView(
        id=source.id,
        url=source_url(source.id),
        title=source.title,
        publisher=source.publisher,
        author=source.author,
        published=published.display(),
        published_iso=published.iso(),
        year=published.year,
        month=published.month or 0,
        day=published.day or 0,
        original_url=source.url,
        language=source.language,
        rights=source.rights.value,
        paragraphs=Paragraphs(source, cited),
        events=drawn,
    )


def site_view(site: Site, zone: tzinfo, memo: ViewMemo | None = None) -> SiteView:
    """The view of the whole site; `memo` reuses the views of the last build."""
    # Hundreds of thousands of views made when candidates are published, none garbage.
    with collector_paused():
        return _site_view(site, zone, memo or ViewMemo({}))


def _site_view(site: Site, zone: tzinfo, memo: ViewMemo) -> SiteView:
    visible = [event for event in site.events if not event.hidden]
    names = tag_names(visible)
    dates: dict[str, tuple[str, str]] = {}
    events = sorted(
        (listed_event_view(event, site, names, zone, dates, memo) for event in visible),
        key=chronological_order,
    )
    drawn_from = events_by_source(events)
    cited_in: dict[str, list[Citation]] = {}
    for event in visible:
        for citation in event.citations:
            cited_in.setdefault(citation.source_id, []).append(citation)
    sources = [
        listed_source_view(source, cited_in.get(source.id, []), drawn_from, zone, memo)
        for source in sorted(site.sources.values(), key=source_order)
    ]
    return assemble_site_view(events, names, sources)


def listed_event_view(
    event: EventRecord,
    site: Site,
    names: dict[str, str],
    zone: tzinfo,
    dates: dict[str, tuple[str, str]],
    memo: ViewMemo,
) -> EventView:
    """The view of a listed event, the last build's when its inputs are unchanged."""
    tags = [f"{names[slug]}\0{slug}" for slug in map(slugify, event.tags)]
    arguments = (event, site, names, zone, dates)
    if isinstance(event, UnreviewedRecord):
        # Not kept for the next build: there may be hundreds of thousands, and making
        # them again costs less than storing and loading them.
        memo.add_record(event, unreviewed_digest(event, site, memo.records))
        return memo.view(event, zone, tags, event_view, *arguments, keep=False)
    return memo.view(event, zone, tags, event_view, *arguments)


def listed_source_view(
    source: Source,
    cited: list[Citation],
    drawn_from: Mapping[str, list[EventView]],
    zone: tzinfo,
    memo: ViewMemo,
) -> SourceView:
    """The view of a source: `cited` are the listed events' citations of it."""
    drawn = tuple(drawn_from.get(source.id, ()))
    parts = source_view_parts(drawn, memo)
    if parts is None:  # an event view without a digest: none for this one either
        return source_view(source, cited, drawn, zone)
    # Not kept: unpickling source views (their text) costs more than making them.
    return memo.view(source, zone, parts, source_view, source, cited, drawn, zone, keep=False)


def source_view_parts(drawn: Iterable[EventView], memo: ViewMemo) -> list[str] | None:
    """What a source's view depends on besides its record: the digests of the event views
    it lists (the quotes marked in it are theirs); None when one has no digest."""
    digests = [memo.digest(event) for event in drawn]
    if not all(digests):
        return None
    return [digest.hex() for digest in digests]  # type: ignore[union-attr]


def source_order(source: Source) -> tuple:
    """The key a site view's sources are sorted by: their publication, then their id."""
    return (source.published.sort_key(), source.id)


def events_by_source(events: Iterable[EventView]) -> dict[str, list[EventView]]:
    """The views of the events drawn from each source, by source id, in their order."""
    drawn_from: dict[str, list[EventView]] = {}
    for view in events:
        for source_id in dict.fromkeys(c.source_id for c in view.citations):
            drawn_from.setdefault(source_id, []).append(view)
    return drawn_from


def assemble_site_view(
    events: list[EventView], names: dict[str, str], sources: list[SourceView]
) -> SiteView:
    """The site view of these event views (in chronological order) and source views (in
    source_order)."""
    # One pass over the events for each index, not one per tag.
    tagged: dict[str, list[EventView]] = {slug: [] for slug in names}
    for view in events:
        for slug in dict.fromkeys(t.slug for t in view.tags):
            tagged[slug].append(view)
    tags = [
        TagView(name, slug, tag_url(slug), tuple(tagged[slug]))
        for slug, name in sorted(names.items(), key=lambda item: item[1].casefold())
    ]
    return SiteView(tuple(events), group_by_period(events), tuple(tags), tuple(sources), names)


def chronological_order(view: EventView) -> tuple:
    """The key a site view's events are sorted by: their date, then their id."""
    return (view.when.sort_key(), view.id)


def record_digests(site: Site, file_digests: Mapping[str, str]) -> dict[int, bytes]:
    """A digest of what each loaded record was made from, by the record's id(): its file's
    path and bytes, and for an event those of the sources its quotes were located in.
    Records not read from a file (proposed candidates) have none here: site_view gives
    them theirs (see unreviewed_digest)."""
    digests: dict[int, bytes] = {}
    for source in site.sources.values():
        known = file_digests.get(str(source.path))
        if known is not None:
            digests[id(source)] = source_record_digest(str(source.path), known)
    for event in site.events:
        known = file_digests.get(str(event.path))
        cited = [site.sources.get(c.source_id) for c in event.citations]
        if known is None or any(s is None or id(s) not in digests for s in cited):
            continue
        parts = [digests[id(s)] for s in cited]  # type: ignore[arg-type]
        digests[id(event)] = event_record_digest(str(event.path), known, parts)
    return digests


def source_record_digest(path: str, file_digest: str) -> bytes:
    """What a source record is made from: its file's path and digest."""
    return _hash("source", path, file_digest)


def event_record_digest(path: str, file_digest: str, sources: Iterable[bytes]) -> bytes:
    """What an event record is made from: its file, and the records of the sources its
    quotes were located in (their digests, one per citation)."""
    return _hash("event", path, file_digest, *(digest.hex() for digest in sources))


def view_digest(kind: str, zone: tzinfo, record: bytes, parts: Iterable[str]) -> bytes:
    """The digest of the view of a record of type `kind` with digest `record`, `parts`
    being what else it depends on (see ViewMemo.view)."""
    return _hash(kind, repr(zone), record.hex(), *parts)


def unreviewed_digest(
    event: UnreviewedRecord, site: Site, records: Mapping[int, bytes]
) -> bytes | None:
    """A digest of what a candidate the build proposed is made from (it has no file):
    its fields, and the digests of the sources it quotes (None when one has none)."""
    when = event.when
    end = when.end.iso() if when.end is not None else ""
    parts = [event.id, when.start.iso(), end, str(when.ongoing), event.title, event.status]
    for citation in event.citations:
        source = records.get(id(site.sources.get(citation.source_id)))
        if source is None:
            return None
        where = f"{citation.paragraph}:{citation.start}:{citation.end}"
        parts += [source.hex(), citation.source_id, citation.quote, where]
    parts += [event.summary, *event.tags, str(event.extracted), str(event.hidden)]
    return _hash("unreviewed", *parts)


View = TypeVar("View")


class ViewMemo:
    """Event and source views reused across builds, and the digest of each view.

    A view is a function of the records it shows, its tags' names and the time zone. Its
    digest is computed from those (the records' digests come from `record_digests`), so
    a view whose digest is that of a view of the last build is that view, reused rather
    than made again; and page fingerprints (builder.incremental) take the digest as it is
    rather than serialising the view."""

    def __init__(
        self, records: Mapping[int, bytes], previous: Mapping[bytes, object] | None = None
    ) -> None:
        self.records = records
        self._added: dict[int, tuple[object, bytes]] = {}  # records not read from a file
        self.previous = previous or {}
        self.views: dict[bytes, object] = {}  # this build's views by digest, for the next
        self.digests: dict[int, tuple[object, bytes]] = {}  # id(view) -> (view, digest)

    def view(
        self,
        record: object,
        zone: tzinfo,
        parts: list[str],
        make: Callable[..., View],
        *arguments: object,
        keep: bool = True,
    ) -> View:
        """The view of `record`, `make(*arguments)` unless the last build had it;
        `parts` is what else it depends on. `keep`: remember it for the next build."""
        known = self.records.get(id(record))
        if known is None:
            added = self._added.get(id(record))
            if added is None or added[0] is not record:
                return make(*arguments)
            known = added[1]
        digest = view_digest(type(record).__name__, zone, known, parts)
        view = self.previous.get(digest)
        if view is None:
            view = make(*arguments)
        if keep:
            self.views[digest] = view
        self.digests[id(view)] = (view, digest)
        return view  # type: ignore[return-value]

    def add_record(self, record: object, digest: bytes | None) -> None:
        """Give a record not read from a file (a proposed candidate) its digest."""
        if digest is not None:
            self._added[id(record)] = (record, digest)

    def digest(self, view: object) -> bytes | None:
        known = self.digests.get(id(view))
        return known[1] if known is not None and known[0] is view else None


def _hash(*parts: str) -> bytes:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).digest()
