"""Render stage: the view model through Jinja2 templates into a map of output path to bytes.

A site's own `templates/` folder is searched before the built-in templates, file by file,
so a site overrides one template or one stylesheet without copying the rest.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

from builder.cache import CACHE_DIR
from builder.config import SiteConfig
from builder.incremental import Tracked
from builder.layout import template_dirs
from builder.meta import PageMeta
from builder.periods import (
    Chronology,
    ChronologyPage,
    chronology,
    source_index_pages,
    tag_pages,
)
from builder.publishing import publishing_outputs
from builder.rerender import Page, PageCache, PageJob, render_jobs
from builder.views import EventView, SiteView, SourceView

STATIC_DIR = "static"


def make_environment(site_dir: Path) -> Environment:
    loaders = [FileSystemLoader(str(folder)) for folder in template_dirs(site_dir)]
    return Environment(
        loader=ChoiceLoader(loaders),
        # An environment serves one build, during which templates do not change: Jinja
        # need not look at each template's file again (three stats per page) whenever a
        # page asks for it.
        auto_reload=False,
        bytecode_cache=_compiled_templates(site_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _CompiledTemplates(FileSystemBytecodeCache):
    """A compiled template that cannot be saved (a full disk, a read-only cache folder)
    is compiled again next time; the build goes on."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates(site_dir: Path) -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates, in the build cache: a rebuild then does
    not compile them again (a twentieth of a rebuild after an edit). Jinja checks each
    entry against its template's source and its own version."""
    folder = site_dir / CACHE_DIR / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only site folder: templates are compiled at each build
    return _CompiledTemplates(str(folder), "%s.jinja")


def static_files(site_dir: Path) -> dict[str, bytes]:
    """Stylesheets and other assets; a site's own file replaces the built-in one of that name."""
    assets: dict[str, bytes] = {}
    for folder in reversed(template_dirs(site_dir)):
        static = folder / STATIC_DIR
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file() and not path.name.startswith((".", "__")):
                assets[f"{STATIC_DIR}/{path.relative_to(static).as_posix()}"] = path.read_bytes()
    return assets


def page_jobs(view: SiteView, config: SiteConfig) -> list[PageJob]:
    """Every HTML page of the site: its path, template and what the template shows."""
    split = chronology(view, config.period_pages_above)
    chronology_pages = [front_page_job(split)]
    chronology_pages += [period_page_job(split, page) for page in split.pages]
    # An unreviewed candidate has no page: its entries link to its quoted paragraph.
    jobs = [event_page_job(event, split) for event in view.events if not event.unreviewed]
    jobs.append(tags_index_job(view))
    # Split by year past `period_pages_above`, as the chronology is (see builder.periods).
    for tag in view.tags:
        jobs += tag_pages(tag, config.period_pages_above)
    jobs += source_index_pages(view.sources, config.period_pages_above)
    jobs += [source_page_job(source) for source in view.sources]
    return _spread(chronology_pages, jobs)


def front_page_job(split: Chronology) -> PageJob:
    return PageJob(
        "index.html", "index.html", "", {"years": split.front_years, "periods": split.periods}
    )


def period_page_job(split: Chronology, page: ChronologyPage) -> PageJob:
    context = {
        "year": page.shown,
        "current": page.link,
        "periods": split.periods,
        "months": page.months,
        "days": page.days,
    }
    return PageJob(page.link.url, "period.html", "../", context)


def event_page_job(event: EventView, split: Chronology) -> PageJob:
    return PageJob(
        event.url, "event.html", "../", {"event": event, "listed_on": split.page_of(event)}
    )


def tags_index_job(view: SiteView) -> PageJob:
    return PageJob("tags/index.html", "tags.html", "../", {"tags": view.tags})


def source_page_job(source: SourceView) -> PageJob:
    return PageJob(source.url, "source.html", "../", {"source": source})


def _spread(long: list[PageJob], short: list[PageJob]) -> list[PageJob]:
    """The `long` pages spaced evenly among the `short` ones. Workers take pages in runs
    of dozens, and the chronology's pages list thousands of events each on a large site
    (hundreds of thousands with candidates): one run holding them all would keep one
    worker busy long after the others are done."""
    jobs: list[PageJob] = []
    step = len(short) / max(1, len(long))
    for index, job in enumerate(long):
        jobs.append(job)
        jobs += short[round(index * step) : round((index + 1) * step)]
    return jobs if long else short


def render_pages(
    view: SiteView,
    config: SiteConfig,
    site_dir: Path,
    cache: PageCache | None = None,
    *,
    workers: int = 0,
    known_digests: Mapping[int, tuple[object, bytes]] | None = None,
    spool: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Page]:
    """Every output file by path: rendered bytes, or `Kept` for a page whose inputs are
    unchanged since the build that published it (see builder.rerender; `known_digests`
    are digests of views found without serialising them, see builder.views). With a
    `spool` folder, HTML pages are written there as they are rendered (`Spooled`)."""
    env = make_environment(site_dir)
    # The whole-site view is tracked: a page depends on all of it only if it reads it.
    whole = Tracked("view", view)
    shared = {"site": config, "view": whole, "meta": PageMeta(config, whole)}
    cache = cache or PageCache({}, site_dir / "site")
    pages: dict[str, Page] = render_jobs(
        env,
        page_jobs(view, config),
        shared,
        cache,
        workers=workers,
        known_digests=known_digests,
        spool=spool,
        progress=progress,
    )
    pages.update(static_files(site_dir))
    pages.update(publishing_outputs(view, config, list(pages), cache))
    return pages
