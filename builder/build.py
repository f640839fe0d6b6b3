"""The build, as a short pipeline: load → validate → views → render → write.

`check` is the first half (everything read and validated, nothing written); `build`
goes on to render every page and publish them in one step.

Builds are incremental: a cache in the site folder (builder.cache) remembers the records
parsed from each content file and a fingerprint of each published page, so a rebuild
parses only changed files, renders only pages whose inputs changed and hard-links the
rest from the previous site. The result is always the bytes a clean build would write.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from builder.cache import BuildCache, CacheState, FileStats, InputFiles, scan_inputs
from builder.collector import collector_paused
from builder.config import CONFIG_FILE, SiteConfig, load_config, require_site
from builder.layout import EVENT_DIRS, SOURCES_DIR, template_dirs
from builder.model import EventRecord, Site
from builder.problems import ContentError, Problem, Problems
from builder.progress import StageTimer
from builder.rerender import Kept, PageCache
from builder.write import SpoolFolder, check_output_dir, remove_leftovers, write_site

if TYPE_CHECKING:
    from builder.views import SiteView

# The stages' own modules (parsing, Markdown, templates, search) are imported when a
# build has something to do: a rebuild with nothing changed needs none of them, and
# importing them would take a third of its time.


@dataclass(frozen=True)
class LoadedSite:
    config: SiteConfig
    site: Site
    warnings: list[Problem]
    # Each content file's digest (as the records cache keys it), by path.
    file_digests: dict[str, str]


@dataclass(frozen=True)
class BuildResult:
    output: Path
    pages: int
    events: int
    sources: int
    warnings: list[Problem]
    written: int = 0  # files written anew; the others were linked from the last build
    kept: int = 0  # pages not rendered at all, their inputs unchanged since the last build


def build_result(
    output: Path,
    pages: Mapping[str, object],
    view: SiteView,
    warnings: list[Problem],
    written: Collection[str],
) -> BuildResult:
    """What a build made: its pages (those kept from the last build among them), the
    events and sources its view shows, its warnings and the files it wrote anew."""
    return BuildResult(
        output,
        len(pages),
        len(view.events),
        len(view.sources),
        warnings,
        len(written),
        sum(1 for page in pages.values() if isinstance(page, Kept)),
    )


def load_site(
    site_dir: Path,
    cache: BuildCache | None = None,
    state: CacheState | None = None,
    files: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LoadedSite:
    """Read and validate all content; raise ContentError listing every error found.
    With a cache, files unchanged since the last build are not parsed again; `files`
    holds digests of content files already read (see scan_build_inputs);
    `progress(done, total)` hears how many of the files to parse are done."""
    from builder.parse_cache import load_records
    from builder.scaffold import warn_sample_left
    from builder.validate import PlaceMemo, validate

    require_site(site_dir)
    problems = Problems(site_dir)
    config = load_config(site_dir, problems)
    previous = cache.previous if cache is not None else CacheState()
    state = state or CacheState()
    sources, events = load_records(
        site_dir, problems, previous, state, known=files, progress=progress
    )
    file_digests = {path: digest for path, (digest, _) in state.records.items()}
    memo = PlaceMemo(previous.extras.get("places"), file_digests)
    site = validate(sources, events, problems, memo)
    warn_sample_left(site_dir, site.sources.keys(), config.base_url, problems)
    state.extras["places"] = memo.places
    keep_placed(state, memo.relocated)
    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    return LoadedSite(config, site, problems.warnings, file_digests)


def keep_placed(state: CacheState, relocated: list[tuple[EventRecord, EventRecord]]) -> None:
    """Keep events in the records cache with their quotes placed: the next build then
    finds each place as it is and makes no new record (validating 10k events took a
    third longer when it made them all again)."""
    for loaded, placed in relocated:
        path = str(placed.path)
        entry = state.records.get(path)
        if entry is not None and entry[1][0] is loaded:  # type: ignore[index]
            digest, (_, problems, html) = entry  # type: ignore[misc]
            state.records[path] = (digest, (placed, problems, html))


def published_events(
    loaded: LoadedSite,
    cache: BuildCache | None = None,
    state: CacheState | None = None,
    workers: int = 0,
) -> Site:
    """The events a build shows: candidates no editor has accepted (files in
    content/candidates, and those extraction proposes now, which get no page of their
    own) only when the config asks for them. With a cache, the candidates of a source
    whose text did not change since the last build are not extracted again."""
    from builder.views import awaits_review

    publish_candidates = loaded.config.publish_candidates
    events = [
        event
        for event in loaded.site.events
        if not event.hidden and (publish_candidates or not awaits_review(event))
    ]
    known = {event.id for event in loaded.site.events}
    # A candidate file proposing further sources for an event is not listed again, nor,
    # when the editor hid that event, at all.
    events = [
        event
        for event in events
        if event.joins not in known or event.joins == event.id or not awaits_review(event)
    ]
    if publish_candidates:
        from builder.extract import CANDIDATES_DIR, propose_events

        remembered = cache.previous.extras.get("candidates") if cache is not None else None
        kept: dict = {}
        proposed = propose_events(loaded.site, remembered, kept, workers)
        if state is not None:
            state.extras["candidates"] = kept
        # A further report of an event already listed is not listed again.
        events += [p.as_record(CANDIDATES_DIR / f"{p.id}.md") for p in proposed if p.joins is None]
    return replace(loaded.site, events=tuple(events))


def build(
    site_dir: Path,
    output: Path,
    *,
    clean: bool = False,
    workers: int = 0,
    timer: StageTimer | None = None,
    keep: list | None = None,
) -> BuildResult:
    """Build the site into `output`; `clean` ignores what earlier builds left to reuse.
    `keep`: a list the build's data (records, views, cache) is put in rather than freed
    on return, for a process about to end without freeing it (see builder.cli.run)."""
    require_site(site_dir)
    # The cache remembers content files by path: one spelling of the site folder (".",
    # or the whole path) whichever way it was named, or each would be a full build.
    site_dir, output = site_dir.absolute(), output.absolute()
    if output.is_symlink():
        # A link to where the site is served from: the folder it points to is replaced,
        # not the link (which would leave the served copy as it was, without a word).
        output = output.resolve()
    timer = timer or StageTimer()
    cache = BuildCache(site_dir, output, clean=clean)
    # The cache's objects (records, views) live through the build: frozen, the garbage
    # collector stops walking all of them at each full collection (seconds at 10k
    # records). They are handed back to it when the build ends.
    gc.freeze()
    try:
        # Nor does it run during the build, here or in the forked workers: a build makes
        # millions of objects that live to its end or are freed by reference counting,
        # and the few cycles it leaves (a few megabytes at 10k events) are collected
        # when it is over. Each collection walked the objects made since the last
        # freeze, a tenth of a full build's CPU time.
        with collector_paused():
            return _build(site_dir, output, cache, workers, timer, keep)
    finally:
        if keep is not None:
            keep.append(cache)
        gc.unfreeze()


def _build(
    site_dir: Path,
    output: Path,
    cache: BuildCache,
    workers: int,
    timer: StageTimer,
    keep: list | None,
) -> BuildResult:
    state = CacheState()
    with timer.stage("check for changes"):
        remove_leftovers(output.absolute())  # what an interrupted build left
        files: dict[str, str] = {}
        head = cache.load_head()
        state.stats_taken_ns = time.time_ns()
        # With no last build to compare with, the content files are hashed by the
        # workers that parse them rather than all read here first.
        first = not head.inputs
        inputs = scan_build_inputs(site_dir, head.file_stats, head.stats_taken_ns, first)
        if not first:
            state.inputs = inputs.digest(files, state.file_stats)
            if cache.unchanged(state.inputs, output.absolute()):
                return cache.head.result  # type: ignore[return-value]
    if not first:
        from builder.delta import delta_build

        result = delta_build(site_dir, output, cache, state, timer, keep)
        if result is not None:
            return result
    return _run_stages(site_dir, output, cache, state, inputs, files, first, workers, timer, keep)


def _run_stages(
    site_dir: Path,
    output: Path,
    cache: BuildCache,
    state: CacheState,
    inputs: InputFiles,
    files: dict[str, str],
    first: bool,
    workers: int,
    timer: StageTimer,
    keep: list | None,
) -> BuildResult:
    """The stages after the check: load, validate, views, render, search, write, save."""
    from builder.delta import site_index
    from builder.render import render_pages
    from builder.search import search_index
    from builder.summaries import convert_summaries
    from builder.views import ViewMemo, record_digests, site_view

    with timer.stage("load and validate"):
        loaded = load_site(site_dir, cache, state, files, timer.progress)
        if first:
            files.update(
                (path, digest.split(":", 1)[1]) for path, digest in loaded.file_digests.items()
            )
            state.inputs = inputs.digest(files, state.file_stats)
        check_output_dir(output, site_dir)
        site = published_events(loaded, cache, state, workers)
    gc.freeze()  # likewise the records just loaded (and forked workers then share them)
    with timer.stage("views"):
        remembered = cache.previous.extras.get("summaries", {})
        state.extras["summaries"] = convert_summaries(
            (event.summary for event in site.events), remembered, workers
        )
        memo = ViewMemo(
            record_digests(loaded.site, loaded.file_digests), cache.previous.extras.get("views")
        )
        view = site_view(site, loaded.config.zone, memo)
        state.extras["views"] = memo.views
    # The views too live through the build: frozen, neither this process nor the forked
    # render workers walk them at each collection (millions of objects with candidates).
    gc.freeze()
    # Pages are written to the spool as they are rendered, not held until the write stage.
    spool_folder = SpoolFolder(output)
    with spool_folder as spool:
        with timer.stage("render"):
            pages_cache = PageCache(
                cache.previous.published,
                output.absolute(),
                cache.previous.extras.get("templates"),
                cache.previous.extras.get("export_places"),
            )
            pages = render_pages(
                view,
                loaded.config,
                site_dir,
                pages_cache,
                workers=workers,
                known_digests=memo.digests,
                spool=spool,
                progress=timer.progress,
            )
        with timer.stage("search index"):
            pages.update(search_index(pages, output.absolute(), loaded.config, pages_cache, spool))
        with timer.stage("write"):
            written = write_site(
                pages, output, pages_cache, spare=cache.spare_folder(output), spool=spool
            )
    result = build_result(output, pages, view, loaded.warnings, written.written)
    with timer.stage("save cache"):
        state.published = pages_cache.published(pages, written.stats)
        state.extras["templates"] = pages_cache.templates
        state.extras["export_places"] = pages_cache.places_now(pages)
        state.result = replace(result, written=0, kept=len(pages))
        index = site_index(site_dir, loaded, site, view, memo, cache)
        state.index = index.plain() if index is not None else None
        cache.save(state)
        written.finish()
        spool_folder.finish()
    if keep is not None:
        keep.append((loaded, site, memo, view, pages, pages_cache, state))
    return result


def scan_build_inputs(
    site_dir: Path, known: FileStats | None = None, known_at: int = 0, later: bool = False
) -> InputFiles:
    """Everything a build reads: content, templates and the config. Files whose identity
    on disk is that in `known` (the last build's stats) are not read again; with `later`,
    content files are not read yet (see scan_inputs)."""
    content = [site_dir / SOURCES_DIR, *(site_dir / folder for folder in EVENT_DIRS)]
    prefixes = tuple(f"{folder}{os.sep}" for folder in content)
    return scan_inputs(
        content + template_dirs(site_dir),
        [site_dir / CONFIG_FILE],
        known,
        known_at,
        (lambda path: path.startswith(prefixes)) if later else None,
    )
