"""The delta rebuild: after a change to a few content files, remake only what shows them.

A full rebuild reads every record and view the last build cached, makes the view of the
whole site and fingerprints every page, to find the few pages an edit changed. The delta
path finds them from a small index the last build left with the cache's head
(`SiteIndex`): for each content file its digest, id and what the pages need of it
(an event's tags, sources and view; a source's fields as its index pages list it).
It parses the changed files only, checks them against the index, and remakes:

- the changed records' own pages, and the pages of the records linked to them (a
  source's page lists the events drawn from it, an event's page shows its sources);
- the pages listing them before or after the change: their chronology years, their tags,
  the sources index pages, the front page, the tags index;
- the feeds, the exports (made from the last ones, see builder.exports) and the sitemap,
  as the full path makes them.

Each page is made by the same functions as in a full build, from the same views (the
unchanged events' views are those the last build cached), so its bytes are those a clean
build would write. Every other page is kept as published, with its cache entry.

Whenever a change could reach further than that (a config, template or code change, a
candidate file, an error or a warning, a chronology year or a sources index page coming
or going, a tag shown under another name, published candidates), or the
cache is not as the index says, `delta_build` returns None and the full path runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from builder.cache import BuildCache, CacheState, PackRef, UnreadableCache, file_digest
from builder.config import CONFIG_FILE, SiteConfig, load_config
from builder.dates import DateSpan
from builder.layout import EVENT_DIRS, SOURCES_DIR
from builder.load import CONTENT_SUFFIXES
from builder.model import EventRecord, Site, Source
from builder.periods import splits
from builder.problems import Problems
from builder.progress import StageTimer
from builder.rerender import Kept, PageCache, PageJob
from builder.views import (
    EventView,
    SiteView,
    SourceView,
    TagLink,
    ViewMemo,
    assemble_site_view,
    awaits_review,
    chronological_order,
    event_record_digest,
    event_url,
    events_by_source,
    listed_event_view,
    listed_source_view,
    slugify,
    source_order,
    source_record_digest,
    source_url,
    tag_names,
    tag_url,
    view_digest,
)

if TYPE_CHECKING:
    from builder.build import BuildResult, LoadedSite

# At most this many changed content files take the delta path; more, the full path.
DELTA_MAX_FILES = 50
# Sites of fewer records take the full path, which costs them little (tests lower it).
DELTA_MIN_RECORDS = 200

EVENTS_DIR = EVENT_DIRS[0]  # content/events (content/candidates: the full path)


class EventEntry(NamedTuple):
    id: str
    digest: str  # the file's digest as the records table keys it ("event:…")
    view: bytes | None  # the digest of its view (its key in the views table) when listed
    tags: tuple[str, ...]
    sources: tuple[str, ...]  # the ids of the sources it cites, one per citation
    when: When | None  # its view's date, when listed


class When(NamedTuple):
    """An event view's date as the lists use it: the key it sorts by (DateSpan.sort_key)
    and the year, month and day it starts (None when not known), as its PartialDate
    gives them. Plain values: the index holds one per event, read at each delta build."""

    sort: tuple
    year: int
    month: int | None
    day: int | None

    @classmethod
    def of(cls, when: DateSpan) -> When:
        start = when.start
        return cls(when.sort_key(), start.year, start.month, start.day)

    # As DateSpan: what builder.views and builder.periods ask of an event's `when`.
    def sort_key(self) -> tuple:
        return self.sort

    @property
    def start(self) -> When:
        return self


class SourceEntry(NamedTuple):
    id: str
    digest: str  # "source:…"
    order: tuple  # its place among the sources (builder.views.source_order)
    listed_on: tuple[str, ...]  # the sources index pages listing it
    # When it was published, as its view gives it (the sources index is split by it);
    # the rest of its view's own fields are in the pack (see _source_stub).
    year: int
    month: int
    day: int


@dataclass
class SiteIndex:
    config: str  # the digest of timeline.toml
    events: dict[str, EventEntry]  # by path, every event file (hidden ones too)
    sources: dict[str, SourceEntry]  # by path
    chronology: tuple[str, ...]  # the pages of the chronology split by period
    source_index: tuple[str, ...]  # the pages of the sources index
    # In the cache's pack file, by path: the listed events' views, and the sources'
    # own fields (see _stub_fields).
    packed: PackRef
    names: dict[str, str] = field(default_factory=dict)  # tag names by slug, as shown

    def plain(self) -> tuple:
        """As saved in the cache: tuples, which pickle fast."""
        return (
            self.config,
            {path: tuple(entry) for path, entry in self.events.items()},
            {path: tuple(entry) for path, entry in self.sources.items()},
            self.chronology,
            self.source_index,
            self.packed,
        )

    @classmethod
    def from_plain(cls, plain: object) -> SiteIndex | None:
        try:
            config, events, sources, chronology, source_index, packed = plain  # type: ignore[misc]
            index = cls(
                config,
                {path: EventEntry._make(entry) for path, entry in events.items()},
                {path: SourceEntry._make(entry) for path, entry in sources.items()},
                tuple(chronology),
                tuple(source_index),
                packed,
            )
        except (TypeError, ValueError, AttributeError):
            return None
        index.names = listed_tag_names(index.events.values())
        return index


def listed_tag_names(entries: Iterable[EventEntry]) -> dict[str, str]:
    """Tag names by slug, as the site shows them (builder.views.tag_names)."""
    return tag_names(entry for entry in entries if entry.view is not None)


def config_digest(site_dir: Path) -> str:
    try:
        return file_digest((site_dir / CONFIG_FILE).read_bytes())
    except OSError:
        return "-"


# --- The index, as a full build leaves it ---------------------------------------------


def site_index(
    site_dir: Path,
    loaded: LoadedSite,
    site: Site,
    view: SiteView,
    memo: ViewMemo,
    cache: BuildCache,
) -> SiteIndex | None:
    """The index of a site a full build just made, its event views packed in the cache;
    None where the delta path does not go (see the module's doc)."""
    from builder.periods import chronology, source_index_pages

    config = loaded.config
    if config.publish_candidates or loaded.warnings:
        return None
    listed = {str(event.path) for event in site.events}
    views = {event.id: event for event in view.events}
    events = {}
    packed: dict[str, EventView] = {}
    for event in loaded.site.events:
        path = str(event.path)
        digest = when = None
        if path in listed:
            made = packed[path] = views[event.id]
            digest, when = memo.digest(made), When.of(made.when)
            if digest is None:
                return None
        sources = tuple(citation.source_id for citation in event.citations)
        digests = loaded.file_digests[path]
        events[path] = EventEntry(event.id, digests, digest, event.tags, sources, when)
    split_above = config.period_pages_above
    index_jobs = source_index_pages(view.sources, split_above)
    listed_on = _listed_on(index_jobs)
    records = {source.id: source for source in loaded.site.sources.values()}
    sources = {}
    for source_view in view.sources:
        source = records[source_view.id]
        path = str(source.path)
        sources[path] = _source_entry(
            source, loaded.file_digests[path], source_view, listed_on.get(source.id, ())
        )
        packed[path] = _stub_fields(source_view)  # type: ignore[assignment]
    pages = tuple(page.link.url for page in chronology(view, split_above).pages)
    try:
        pack = cache.pack(packed)
    except (OSError, UnreadableCache):
        return None
    index_pages = tuple(job.path for job in index_jobs)
    index = SiteIndex(config_digest(site_dir), events, sources, pages, index_pages, pack)
    index.names = dict(view.tag_names)
    return index


def _source_entry(
    source: Source, digest: str, view: SourceView, listed_on: tuple[str, ...]
) -> SourceEntry:
    order = source_order(source)
    return SourceEntry(source.id, digest, order, listed_on, view.year, view.month, view.day)


def _listed_on(
    index_jobs: list[PageJob], only: Iterable[str] | None = None
) -> dict[str, tuple[str, ...]]:
    """The sources index pages listing each source (of those in `only`), by id."""
    wanted = set(only) if only is not None else None
    pages: dict[str, list[str]] = {source_id: [] for source_id in wanted or ()}
    for job in index_jobs:
        for source in job.context["sources"]:  # type: ignore[union-attr]
            if wanted is None or source.id in wanted:
                pages.setdefault(source.id, []).append(job.path)
    return {source_id: tuple(paths) for source_id, paths in pages.items()}


_STUB_FIELDS = (
    "id",
    "url",
    "title",
    "publisher",
    "author",
    "published",
    "published_iso",
    "year",
    "month",
    "day",
    "original_url",
    "language",
    "rights",
)


def _stub_fields(source: SourceView) -> tuple:
    return tuple(getattr(source, name) for name in _STUB_FIELDS)


class _NotLoaded:
    """The paragraphs of a source whose page the delta path does not make: its text is
    not read. Only its page shows them."""

    def __iter__(self):
        raise AssertionError("the delta path made a page showing a source it did not load")

    def __len__(self) -> int:
        raise AssertionError("the delta path made a page showing a source it did not load")


_NOT_LOADED = _NotLoaded()


def _source_stub(fields: tuple, drawn: tuple[EventView, ...]) -> SourceView:
    """The view of an unchanged source, as its index pages and the exports show it, from
    its own fields as packed (see _stub_fields)."""
    named = dict(zip(_STUB_FIELDS, fields, strict=True))
    return SourceView(**named, paragraphs=_NOT_LOADED, events=drawn)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Cited:
    source_id: str


@dataclass(eq=False)  # made by the thousand: not frozen, which costs at each field
class EventStandIn:
    """An unchanged event in the lists of the delta path's site view, where no page or
    output to remake shows it: what orders and groups it, and no more. Anything else
    asked of it raises (StandInUsed), rather than show something other than its view."""

    id: str
    url: str
    when: When
    tags: tuple[TagLink, ...]
    citations: tuple[_Cited, ...]
    unreviewed: bool = False

    def __getattr__(self, name: str) -> object:
        raise StandInUsed(f"the delta path showed {name!r} of an event it did not read")


@dataclass(eq=False)
class SourceStandIn:
    """An unchanged source in the delta path's site view, where no page to remake shows
    it: its place in the sources index and the exports. Asked for more, it raises."""

    id: str
    url: str
    year: int
    month: int
    day: int

    def __getattr__(self, name: str) -> object:
        raise StandInUsed(f"the delta path showed {name!r} of a source it did not read")


class StandInUsed(Exception):
    """Raised by an EventStandIn asked for more than it holds."""


class _FullPath(Exception):
    """The change may reach further than the delta path follows: take the full path."""


# What makes the delta path give way to the full path (a test leaves StandInUsed out).
FALLBACK: tuple[type[Exception], ...] = (_FullPath, UnreadableCache, StandInUsed)


def _order(entry: EventEntry) -> tuple:
    """builder.views.chronological_order, of an index entry."""
    return (entry.when.sort, entry.id)  # type: ignore[union-attr]


# --- The delta path --------------------------------------------------------------------


@dataclass
class Change:
    """The content files changed since the last build, by path: their kind."""

    changed: dict[str, str]  # added or edited: "source" or "event"
    removed: dict[str, str]


def content_changes(site_dir: Path, before: Mapping, now: Mapping) -> Change:
    """The content files added, edited or removed between two scans (path -> (identity,
    digest)); _FullPath when another file changed (a template) or a file the loader
    might read otherwise than as a plain content file."""
    sources = f"{site_dir / SOURCES_DIR}{os.sep}"
    events = f"{site_dir / EVENTS_DIR}{os.sep}"
    change = Change({}, {})

    def kind_of(path: str) -> str:
        relative = path[len(sources) :] if path.startswith(sources) else path[len(events) :]
        if not path.startswith((sources, events)) or os.path.islink(path):
            raise _FullPath(f"{path} is not a plain content file")
        parts = relative.split(os.sep)
        if any(part.startswith(".") for part in parts):
            raise _FullPath(f"{path} is hidden")
        if os.path.splitext(path)[1].lower() not in CONTENT_SUFFIXES:
            raise _FullPath(f"{path} is not a content file")
        return "source" if path.startswith(sources) else "event"

    for path, (_, digest) in now.items():
        known = before.get(path)
        if known is None or known[1] != digest:
            change.changed[path] = kind_of(path)
    for path in before.keys() - now.keys():
        change.removed[path] = kind_of(path)
    return change


@dataclass
class _Records:
    """The records the delta path works with: parsed anew, or read from the cache."""

    cache: BuildCache
    parsed: dict[str, object] = field(default_factory=dict)  # by path
    read: dict[str, object] = field(default_factory=dict)

    def get(self, paths: Iterable[str]) -> dict[str, object]:
        wanted = [path for path in paths if path not in self.parsed and path not in self.read]
        if wanted:
            entries = self.cache.entries("records", wanted)
            for path in wanted:
                entry = entries.get(path)
                if entry is None or entry[1][0] is None:  # type: ignore[index]
                    raise _FullPath(f"{path} is not in the records table")
                self.read[path] = entry[1][0]  # type: ignore[index]
        return {path: self.parsed.get(path) or self.read[path] for path in paths}


def delta_build(
    site_dir: Path,
    output: Path,
    cache: BuildCache,
    state: CacheState,
    timer: StageTimer,
    keep: list | None,
) -> BuildResult | None:
    """The build after a change to a few content files, or None for the full path."""
    try:
        with timer.stage("delta: plan"):
            index = SiteIndex.from_plain(cache.load_index())
            if index is None:
                return None
            plan = _plan(site_dir, output, cache, state, index)
        return _run(site_dir, output, cache, state, index, plan, timer, keep)
    except FALLBACK:
        return None


@dataclass
class _Plan:
    config: SiteConfig
    change: Change
    records: _Records
    events: dict[str, EventEntry]  # the index's entries after the change
    sources: dict[str, SourceEntry]
    # The events whose record or sources changed (their pages and lists are remade), by
    # path: new ones and edited ones, those citing a changed source, and removed ones.
    affected_events: set[str]
    affected_sources: set[str]  # changed sources and those the affected events cite (ids)
    located: dict[str, EventRecord]  # the affected events still there, quotes placed
    names: dict[str, str]


def _plan(
    site_dir: Path, output: Path, cache: BuildCache, state: CacheState, index: SiteIndex
) -> _Plan:
    from builder.parse_cache import parse_file

    head = cache.head
    change = content_changes(site_dir, head.file_stats, state.file_stats)
    count = len(change.changed) + len(change.removed)
    if not count or count > DELTA_MAX_FILES:
        raise _FullPath("nothing or too much changed")
    if len(index.events) + len(index.sources) < DELTA_MIN_RECORDS:
        raise _FullPath("a small site")
    if config_digest(site_dir) != index.config:
        raise _FullPath("the config changed")
    problems = Problems(site_dir)
    config = load_config(site_dir, problems)
    if problems.items or config.publish_candidates:
        raise _FullPath("not a config the delta path follows")
    # Kept pages are linked from the published site unchecked: it must be as left.
    folder = str(output)
    if not all(
        entry.still_there(os.path.join(folder, path)) for path, entry in head.published.items()
    ):
        raise _FullPath("the published site was changed")

    records = _Records(cache)
    events = dict(index.events)
    sources = dict(index.sources)
    for path, kind in change.removed.items():
        (events if kind == "event" else sources).pop(path, None)
    summaries: dict[str, object] = {}
    for path, kind in change.changed.items():
        (record, found, html), _ = parse_file((str(site_dir), path, kind))
        if record is None or found:
            raise _FullPath(f"{path} has problems: the full path reports them")
        records.parsed[path] = record
        digest = f"{kind}:{state.file_stats[path][1]}"
        if isinstance(record, Source):
            # Its view is made, and its entry, once the views are (see _new_index).
            sources[path] = SourceEntry(record.id, digest, source_order(record), (), 0, 0, 0)
        else:
            assert isinstance(record, EventRecord)
            if awaits_review(record) or record.joins is not None:
                raise _FullPath("a candidate")
            if html is not None:
                summaries[record.summary] = html
            ids = tuple(citation.source_id for citation in record.citations)
            events[path] = EventEntry(record.id, digest, None, record.tags, ids, None)
    if summaries:
        from builder.markdown_text import remember_html

        remember_html(summaries)  # type: ignore[arg-type]
    _check_unique(events.values(), "event")
    _check_unique(sources.values(), "source")
    _check_tag_spellings(events.values())

    source_paths = {entry.id: path for path, entry in sources.items()}
    changed_source_ids = {
        index.sources[path].id for path in change.removed if path in index.sources
    } | {index.sources[path].id for path in change.changed if path in index.sources}
    changed_source_ids |= {
        sources[path].id for path, kind in change.changed.items() if kind == "source"
    }
    affected_events = {path for path, kind in change.changed.items() if kind == "event"}
    affected_events |= {path for path, kind in change.removed.items() if kind == "event"}
    affected_events |= {
        path for path, entry in events.items() if not changed_source_ids.isdisjoint(entry.sources)
    }
    affected_sources = set(changed_source_ids)
    for path in affected_events:
        for entry in (index.events.get(path), events.get(path)):
            if entry is not None:
                affected_sources.update(entry.sources)

    # The affected events still there, validated against their sources as they are now.
    present = [path for path in affected_events if path in events]
    cited = {source_id for path in present for source_id in events[path].sources}
    missing = cited - source_paths.keys()
    if missing:
        raise _FullPath(f"unknown sources {sorted(missing)}: the full path reports them")
    loaded = records.get(sorted(present) + sorted(source_paths[s] for s in cited))
    by_id = {source_id: loaded[source_paths[source_id]] for source_id in cited}
    from builder.validate import locate_citations

    located: dict[str, EventRecord] = {}
    for path in present:
        event = locate_citations(loaded[path], by_id, problems)  # type: ignore[arg-type]
        if event is None or problems.items:
            raise _FullPath(f"{path}: a quote is not found, the full path reports it")
        located[path] = event

    names = listed_tag_names(_listed_entries(events, located))
    for slug, name in index.names.items():
        if names.get(slug, name) != name:
            raise _FullPath(f"the tag {slug} is shown under another name")
    return _Plan(
        config,
        change,
        records,
        events,
        sources,
        affected_events,
        affected_sources,
        located,
        names,
    )


def _listed_entries(
    events: Mapping[str, EventEntry], located: Mapping[str, EventRecord]
) -> Iterable[EventEntry]:
    """The entries of the events the site lists: an affected event is listed unless
    hidden (a candidate file takes the full path)."""
    for path, entry in events.items():
        event = located.get(path)
        if event is not None:
            if not event.hidden:
                yield entry._replace(view=b"listed")
        elif entry.view is not None:
            yield entry


def _check_unique(entries: Iterable[EventEntry | SourceEntry], kind: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        key = entry.id.casefold()
        if key in seen:
            raise _FullPath(f"two {kind}s of id {entry.id}: the full path reports it")
        seen.add(key)


def _check_tag_spellings(entries: Iterable[EventEntry]) -> None:
    """Tags of one slug spelled differently beyond case are a warning (see
    builder.validate.warn_merged_tags): the full path gives it."""
    spellings: dict[str, str] = {}
    for entry in entries:
        for tag in entry.tags:
            folded = tag.casefold()
            if spellings.setdefault(slugify(tag), folded) != folded:
                raise _FullPath(f"the tag {tag!r} is spelled otherwise elsewhere")


def _run(
    site_dir: Path,
    output: Path,
    cache: BuildCache,
    state: CacheState,
    index: SiteIndex,
    plan: _Plan,
    timer: StageTimer,
    keep: list | None,
) -> BuildResult:
    from builder.build import build_result
    from builder.write import SpoolFolder, write_site

    head = cache.head
    with timer.stage("delta: views"):
        views = _DeltaViews(cache, index, plan)
        view = views.site_view()
    with timer.stage("delta: pages"):
        jobs, index_jobs, view = _affected_jobs(view, index, plan, views)
    spool_folder = SpoolFolder(output)
    with spool_folder as spool:
        with timer.stage("delta: render"):
            pages_cache = PageCache(
                head.published,
                output.absolute(),
                cache.whole_table("templates"),
                cache.whole_table("export_places"),
            )
            pages = _pages(site_dir, view, plan.config, jobs, pages_cache, views, spool)
        with timer.stage("delta: write"):
            written = write_site(
                pages, output, pages_cache, spare=cache.spare_folder(output), spool=spool
            )
    result = build_result(output, pages, view, [], written.written)
    with timer.stage("delta: save cache"):
        state.published = pages_cache.published(pages, written.stats)
        state.result = replace(result, written=0, kept=len(pages))
        new_index = _new_index(index, plan, views, index_jobs, cache)
        state.index = new_index.plain() if new_index is not None else None
        cache.save_changes(state, _table_changes(index, plan, views, pages_cache, pages))
        written.finish()
        spool_folder.finish()
    if keep is not None:
        keep.append((view, pages, pages_cache, state))
    return result


class _DeltaViews:
    """The site view after the change. An event's view is read from the pack (see
    BuildCache.pack) when a page to remake shows it; the other events are stood for
    by what the lists need of them (EventStandIn). The affected events get new views,
    each source the view its pages need."""

    def __init__(self, cache: BuildCache, index: SiteIndex, plan: _Plan) -> None:
        self.cache, self.index, self.plan = cache, index, plan
        self.zone = plan.config.zone
        self.new: dict[str, EventView] = {}  # the affected events' views, by path
        self.new_digests: dict[str, bytes] = {}
        self.source_views: dict[str, SourceView] = {}  # made anew, by id
        self.memo = ViewMemo({})
        self.cited: dict[str, EventRecord] = {}  # records read for their quotes only
        self.source_paths = {entry.id: path for path, entry in plan.sources.items()}
        # Shared by the stand-ins: a tag's link by its spelling, a cited source by id.
        self._links: dict[str, TagLink] = {}
        self._cited: dict[str, _Cited] = {}
        # What the affected events were: the years and tags listing them.
        old = [index.events[path] for path in plan.affected_events if path in index.events]
        self.old = [entry for entry in old if entry.view is not None]
        self.years = {entry.when.year for entry in self.old}  # type: ignore[union-attr]
        self.slugs = {slugify(tag) for entry in self.old for tag in entry.tags}

    def site_view(self) -> SiteView:
        plan = self.plan
        source_paths = self.source_paths
        record_digests: dict[int, bytes] = {}
        source_digests: dict[str, bytes] = {}  # by id
        for source_id, path in source_paths.items():
            source_digests[source_id] = source_record_digest(path, plan.sources[path].digest)
        # The records of the affected events and of the sources they cite.
        located = plan.located
        cited_ids = {c.source_id for event in located.values() for c in event.citations}
        affected_ids = plan.affected_sources & source_paths.keys()
        wanted = sorted(cited_ids | affected_ids)
        read = plan.records.get([source_paths[source_id] for source_id in wanted])
        source_records: dict[str, Source] = {
            source_id: read[source_paths[source_id]]  # type: ignore[misc]
            for source_id in wanted
        }
        for source_id, record in source_records.items():
            record_digests[id(record)] = source_digests[source_id]
        for path, event in located.items():
            parts = [source_digests[c.source_id] for c in event.citations]
            record_digests[id(event)] = event_record_digest(path, plan.events[path].digest, parts)
        memo = self.memo = ViewMemo(record_digests)
        site = Site(sources=source_records, events=())
        dates: dict[str, tuple[str, str]] = {}
        events: list[EventView | EventStandIn] = []
        for path, event in located.items():
            if not event.hidden:
                made = listed_event_view(event, site, plan.names, self.zone, dates, memo)
                digest = memo.digest(made)
                if digest is None:
                    raise _FullPath("an event view without a digest")
                self.new[path], self.new_digests[path] = made, digest
                events.append(made)
                self.years.add(made.when.start.year)
                self.slugs.update(tag.slug for tag in made.tags)
        unchanged = {
            path: entry
            for path, entry in plan.events.items()
            if entry.view is not None and path not in located
        }
        shown = self._shown(unchanged, affected_ids)
        packed = self.cache.unpack(self.index.packed, shown)
        for path, entry in unchanged.items():
            listed = packed.get(path) or self._stand_in(entry)
            memo.digests[id(listed)] = (listed, entry.view)  # type: ignore[assignment]
            events.append(listed)  # type: ignore[arg-type]
        events.sort(key=chronological_order)  # type: ignore[arg-type]
        drawn_from = events_by_source(events)  # type: ignore[arg-type]
        sources = []
        for source_id, path in source_paths.items():
            entry = plan.sources[path]
            if source_id in affected_ids:
                record = source_records[source_id]
                made_source = self._source_view(record, drawn_from, memo)
                self.source_views[source_id] = made_source
                sources.append((source_order(record), made_source))
                continue
            url = source_url(source_id)
            stand_in = SourceStandIn(source_id, url, entry.year, entry.month, entry.day)
            sources.append((entry.order, stand_in))
        sources.sort(key=lambda pair: pair[0])
        self.drawn_from, self.source_digests = drawn_from, source_digests
        return assemble_site_view(events, plan.names, [source for _, source in sources])  # type: ignore[arg-type]

    def source_stubs(self, source_ids: Iterable[str]) -> dict[str, SourceView]:
        """The views of unchanged sources, for sources index pages to remake, by id."""
        paths = {self.source_paths[source_id]: source_id for source_id in source_ids}
        stubs = {}
        for path, fields in self.cache.unpack(self.index.packed, paths).items():
            source_id = paths[path]
            drawn = tuple(self.drawn_from.get(source_id, ()))
            stub = _source_stub(fields, drawn)  # type: ignore[arg-type]
            parts = [self.memo.digests[id(event)][1].hex() for event in drawn]
            digest = view_digest("Source", self.zone, self.source_digests[source_id], parts)
            self.memo.digests[id(stub)] = (stub, digest)
            stubs[source_id] = stub
        return stubs

    def _shown(self, unchanged: Mapping[str, EventEntry], sources: set[str]) -> set[str]:
        """The unchanged events some page or feed to remake shows: those of the affected
        years and tags, those drawn from the affected sources, those of the latest
        year (the front page) and the newest (the site's feed)."""
        plan = self.plan
        shown = set()
        latest = max((entry.when.year for entry in unchanged.values()), default=0)  # type: ignore[union-attr]
        split = splits(len(unchanged) + len(self.new), plan.config.period_pages_above)
        for path, entry in unchanged.items():
            year = entry.when.year  # type: ignore[union-attr]
            if (
                year in self.years
                or year == latest
                or not split
                or not sources.isdisjoint(entry.sources)
                or not self.slugs.isdisjoint(slugify(tag) for tag in entry.tags)
            ):
                shown.add(path)
        limit = plan.config.feed_entries
        newest = sorted(unchanged, key=lambda path: _order(unchanged[path]))
        shown.update(newest[-limit:] if limit > 0 else newest)
        return shown

    def _stand_in(self, entry: EventEntry) -> EventStandIn:
        links, cited = self._links, self._cited
        tags = []
        for tag in entry.tags:
            link = links.get(tag)
            if link is None:
                slug = slugify(tag)
                link = links[tag] = TagLink(self.plan.names[slug], slug, tag_url(slug))
            if link not in tags:
                tags.append(link)
        citations = []
        for source_id in entry.sources:
            known = cited.get(source_id)
            if known is None:
                known = cited[source_id] = _Cited(source_id)
            citations.append(known)
        return EventStandIn(
            entry.id,
            event_url(entry.id),
            entry.when,  # type: ignore[arg-type]
            tuple(tags),
            tuple(citations),
        )

    def _source_view(
        self, source: Source, drawn_from: dict[str, list[EventView]], memo: ViewMemo
    ) -> SourceView:
        """A source's view, its quotes marked as the listed events place them."""
        plan = self.plan
        citing = sorted(
            path
            for path, entry in plan.events.items()
            if source.id in entry.sources and (path in plan.located or entry.view is not None)
        )
        cited = []
        self.cited.update(plan.records.get([p for p in citing if p not in plan.located]))  # type: ignore[arg-type]
        for path in citing:
            event = plan.located.get(path) or self.cited[path]
            if event.hidden:
                continue
            cited += [c for c in event.citations if c.source_id == source.id]
        return listed_source_view(source, cited, drawn_from, self.zone, memo)


def _affected_jobs(
    view: SiteView, index: SiteIndex, plan: _Plan, views: _DeltaViews
) -> tuple[list[PageJob], list[PageJob], SiteView]:
    """The pages showing an affected record, as a full build would make them; all the
    sources index's pages; and the site view, the sources listed there made."""
    from builder.periods import chronology, source_index_pages, tag_pages
    from builder.render import (
        event_page_job,
        front_page_job,
        period_page_job,
        source_page_job,
        tags_index_job,
    )

    split_above = plan.config.period_pages_above
    split = chronology(view, split_above)
    if tuple(page.link.url for page in split.pages) != index.chronology:
        raise _FullPath("the chronology's pages changed")
    years = views.years
    jobs = [front_page_job(split)]
    jobs += [period_page_job(split, page) for page in split.pages if page.link.year in years]
    jobs += [event_page_job(event, split) for event in views.new.values() if not event.unreviewed]
    jobs.append(tags_index_job(view))
    for tag in view.tags:
        if tag.slug in views.slugs:
            jobs += tag_pages(tag, split_above)
    index_jobs = source_index_pages(view.sources, split_above)
    if tuple(job.path for job in index_jobs) != index.source_index:
        raise _FullPath("the sources index's pages changed")
    listing = {
        page
        for path, entry in index.sources.items()
        if entry.id in plan.affected_sources
        for page in entry.listed_on
    }
    remade = [
        job
        for job in index_jobs
        if job.path == "sources/index.html"
        or job.path in listing
        or any(source.id in plan.affected_sources for source in job.context["sources"])  # type: ignore[union-attr]
    ]
    # The sources those pages list are stood in for: their views are made, and the
    # pages made again from them.
    shown = {
        source.id
        for job in remade
        for source in job.context["sources"]  # type: ignore[union-attr]
        if isinstance(source, SourceStandIn)
    }
    if shown:
        stubs = views.source_stubs(shown)
        sources = tuple(stubs.get(source.id, source) for source in view.sources)
        view = replace(view, sources=sources)
        paths = {job.path for job in remade}
        index_jobs = source_index_pages(view.sources, split_above)
        remade = [job for job in index_jobs if job.path in paths]
    jobs += remade
    jobs += [source_page_job(source) for source in views.source_views.values()]
    return jobs, index_jobs, view


def _pages(
    site_dir: Path,
    view: SiteView,
    config: SiteConfig,
    jobs: list[PageJob],
    cache: PageCache,
    views: _DeltaViews,
    spool: Path,
) -> dict:
    """Every file of the site: the affected pages made (or kept where their fingerprint
    is unchanged), the others kept; then the static files and publishing outputs."""
    from builder import render
    from builder.incremental import Tracked
    from builder.meta import PageMeta
    from builder.publishing import publishing_outputs
    from builder.render import make_environment, static_files
    from builder.search import BUNDLE_DIR, PARTS_FILE, search_index

    gone = _pages_gone(view, views, cache.previous)
    # The search index is made as the full path makes it, from all the pages.
    gone |= {path for path in cache.previous if path.startswith(f"{BUNDLE_DIR}/")}
    gone.add(PARTS_FILE)
    made = {job.path for job in jobs}
    pages: dict = {}
    for path, entry in cache.previous.items():
        if path in gone or path in made:
            continue
        pages[path] = Kept(path)
        cache.rendered[path] = (entry.fingerprint, entry.reads)
    env = make_environment(site_dir)
    whole = Tracked("view", view)
    shared = {"site": config, "view": whole, "meta": PageMeta(config, whole)}
    pages.update(
        render.render_jobs(
            env, jobs, shared, cache, workers=1, known_digests=views.memo.digests, spool=spool
        )
    )
    pages.update(static_files(site_dir))
    pages.update(publishing_outputs(view, config, list(pages), cache))
    pages.update(search_index(pages, cache.output, config, cache, spool))
    return pages


def _pages_gone(view: SiteView, views: _DeltaViews, published: Mapping) -> set[str]:
    """Pages of the last build that may be no more: those of the affected events and
    sources, and every page and feed of their tags (made again if still there)."""
    gone = {event_url(entry.id) for entry in views.old}
    gone |= {
        f"sources/{entry.id}.html"
        for path, entry in views.index.sources.items()
        if entry.id in views.plan.affected_sources
    }
    for slug in views.slugs:
        folder = f"tags/{slug}/"
        gone |= {f"tags/{slug}.html", f"tags/{slug}.xml"}
        gone |= {path for path in published if path.startswith(folder)}
    return gone


def _new_index(
    index: SiteIndex,
    plan: _Plan,
    views: _DeltaViews,
    index_jobs: list[PageJob],
    cache: BuildCache,
) -> SiteIndex | None:
    """The index after the change, the affected events' new views added to the pack;
    None when they cannot be (the next build takes the full path)."""
    made_sources = {
        views.source_paths[source_id]: _stub_fields(made)
        for source_id, made in views.source_views.items()
    }
    try:
        identity, places = cache.pack({**views.new, **made_sources}, onto=index.packed)
    except (OSError, UnreadableCache):
        return None
    events = dict(plan.events)
    for path in plan.located:
        made = views.new.get(path)
        when = When.of(made.when) if made is not None else None
        events[path] = events[path]._replace(view=views.new_digests.get(path), when=when)
    # An unchanged source stays on the index pages it was on (their paths are those of
    # the last build): only the affected ones may have moved.
    listed_on = _listed_on(index_jobs, views.source_views.keys())
    sources = dict(plan.sources)
    for source_id, made in views.source_views.items():
        path = views.source_paths[source_id]
        record = plan.records.get([path])[path]
        entry = _source_entry(record, sources[path].digest, made, listed_on[source_id])  # type: ignore[arg-type]
        sources[path] = entry
    kept = [path for path, entry in events.items() if entry.view is not None] + list(sources)
    packed = (identity, {path: places[path] for path in kept})
    new = SiteIndex(index.config, events, sources, index.chronology, index.source_index, packed)
    new.names = plan.names
    return new


def _table_changes(
    index: SiteIndex, plan: _Plan, views: _DeltaViews, cache: PageCache, pages: Mapping
) -> dict:
    """The cache entries the delta build changed, by table (see BuildCache.save_changes):
    the records of the files parsed and of events whose quotes were placed anew (kept
    placed, as builder.build.keep_placed does), the views of the affected events, and
    the templates and exports' places noted."""
    records: dict[str, object] = {}
    for path, source in plan.records.parsed.items():
        if isinstance(source, Source):
            records[path] = (plan.sources[path].digest, (source, (), None))
    for path, event in plan.located.items():
        if path in plan.records.parsed or event is not plan.records.read.get(path):
            records[path] = (plan.events[path].digest, (event, (), None))
    new_views = {views.new_digests[path]: view for path, view in views.new.items()}
    old_views = {
        index.events[path].view
        for path in plan.affected_events
        if path in index.events and index.events[path].view is not None
    } - new_views.keys()
    export_places = {path: places for path, places in cache.places.items() if path in pages}
    # The memo tables get the affected events' entries; those of what was removed stay
    # until the next full build (a memo's extra entries are never wrong, only unused).
    places: dict[tuple[str, str], tuple[int, int, int]] = {}
    summaries = {}
    for path, event in plan.located.items():
        for citation in event.citations:
            source = plan.sources[views.source_paths[citation.source_id]]
            places[(citation.quote, source.digest)] = (
                citation.paragraph,
                citation.start,
                citation.end,
            )
        if path in views.new:
            summaries[event.summary] = views.new[path].summary_html
    return {
        "records": (records, plan.change.removed.keys()),
        "views": (new_views, old_views),
        "places": (places, ()),
        "summaries": (summaries, ()),
        "templates": (cache.templates, ()),
        "export_places": (export_places, ()),
    }
