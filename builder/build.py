"""The build, as a short pipeline: load → validate → render → write.

`check` is the first half (everything read and validated, nothing written); `build`
goes on to render every page and publish them in one step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from builder.config import SiteConfig, load_config
from builder.load import EVENT_DIRS, SOURCES_DIR, content_files, load_event, load_source
from builder.model import Site
from builder.problems import ContentError, Problem, Problems
from builder.render import render_pages
from builder.validate import validate
from builder.views import site_view
from builder.write import check_output_dir, write_site


@dataclass(frozen=True)
class LoadedSite:
    config: SiteConfig
    site: Site
    warnings: list[Problem]


@dataclass(frozen=True)
class BuildResult:
    output: Path
    pages: int
    events: int
    sources: int
    warnings: list[Problem]


def load_site(site_dir: Path) -> LoadedSite:
    """Read and validate all content; raise ContentError listing every error found."""
    problems = Problems(site_dir)
    config = load_config(site_dir, problems)
    sources = [
        source
        for path in content_files(site_dir, SOURCES_DIR, problems)
        if (source := load_source(path, problems)) is not None
    ]
    events = [
        event
        for folder in EVENT_DIRS
        for path in content_files(site_dir, folder, problems)
        if (event := load_event(path, problems, extracted_folder=folder.name == "candidates"))
        is not None
    ]
    site = validate(sources, events, problems)
    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    return LoadedSite(config, site, problems.warnings)


def published_events(loaded: LoadedSite) -> Site:
    """The events a build shows: unreviewed candidates (from candidate files and fresh
    extraction) only when the config asks for them."""
    publish_candidates = loaded.config.publish_candidates
    events = [
        event
        for event in loaded.site.events
        if not event.hidden and (publish_candidates or not event.extracted)
    ]
    if publish_candidates:
        from builder.extract import CANDIDATES_DIR, propose_events

        proposed = propose_events(loaded.site)
        events += [p.as_record(CANDIDATES_DIR / f"{p.id}.md") for p in proposed]
    return replace(loaded.site, events=tuple(events))


def build(site_dir: Path, output: Path) -> BuildResult:
    loaded = load_site(site_dir)
    check_output_dir(output, site_dir)
    site = published_events(loaded)
    view = site_view(site, loaded.config.zone)
    pages = render_pages(view, loaded.config, site_dir)
    write_site(pages, output)
    return BuildResult(output, len(pages), len(view.events), len(view.sources), loaded.warnings)
