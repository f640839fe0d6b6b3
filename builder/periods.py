"""Long lists split by year, for sites too large for one page per list.

Past the `period_pages_above` setting (0: never), a list gets one page per year and its
main page shows the latest year with links to every year:

- the chronology, when the site has more events than that: `years/2016.html`, the front
  page showing the latest year;
- each tag with more events than that: `tags/<slug>/2016.html`, the tag's page
  (`tags/<slug>.html`) showing the latest year;
- the sources index, when the site has more sources than that, by year of publication:
  `sources/years/2016.html`, `sources/index.html` showing the latest year.

Each year's page shows only that year's entries, so an edit re-renders only the years it
touches (and the main page when it is the latest year). Smaller lists keep one page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from builder.rerender import PageJob
from builder.views import EventView, SiteView, SourceView, TagLink, TagView, YearGroup

Shown = TypeVar("Shown")
Item = TypeVar("Item")


@dataclass(frozen=True)
class PeriodLink:
    year: int
    url: str  # relative to the site root


@dataclass(frozen=True)
class YearSplit(Generic[Shown]):
    """A list as one page per year: each year's page, and what it shows."""

    periods: tuple[PeriodLink, ...]  # every year's page, in order: each page's navigation
    pages: tuple[tuple[PeriodLink, Shown], ...]

    @property
    def latest(self) -> tuple[PeriodLink, Shown]:
        """What the main page shows: the latest year's entries (and that year's page)."""
        return self.pages[-1]


@dataclass(frozen=True)
class Chronology:
    """What the front page shows, and the year pages when the chronology is split."""

    front_years: tuple[YearGroup, ...]  # the years shown on the front page
    periods: tuple[PeriodLink, ...]  # every year page; empty when not split
    pages: tuple[tuple[PeriodLink, YearGroup], ...]

    def page_of(self, event: EventView) -> str:
        """The chronology page listing `event` (group_by_period's year of it)."""
        return self._urls[event.when.start.year] if self.periods else "index.html"

    @functools.cached_property
    def _urls(self) -> dict[int, str]:
        # One string per page rather than one per event: page fingerprints take the
        # digest of each context value once per object.
        return {link.year: link.url for link in self.periods}


@dataclass(frozen=True)
class YearOfTag:
    """A tag's events of one year, on its own page or on the tag's page."""

    year: int
    anchor: str
    events: tuple[EventView, ...]


def splits(count: int, split_above: int) -> bool:
    """True when a list of `count` entries gets a page per year (`split_above` 0: never)."""
    return split_above > 0 and count > split_above


def by_year(items: Iterable[Item], year_of: Callable[[Item], int]) -> list[tuple[int, list[Item]]]:
    """`items` grouped by year, the years in order and each year's items in their order."""
    years: dict[int, list[Item]] = {}
    for item in items:
        years.setdefault(year_of(item), []).append(item)
    return sorted(years.items(), key=lambda pair: pair[0])


def year_split(groups: Sequence[tuple[int, Shown]], url: Callable[[int], str]) -> YearSplit[Shown]:
    pages = tuple((PeriodLink(year, url(year)), shown) for year, shown in groups)
    return YearSplit(tuple(link for link, _ in pages), pages)


def period_url(year: int) -> str:
    return f"years/{year}.html"


def tag_period_url(tag_slug: str, year: int) -> str:
    return f"tags/{tag_slug}/{year}.html"


def sources_period_url(year: int) -> str:
    return f"sources/years/{year}.html"


def chronology(view: SiteView, split_above: int, latest: int = 1) -> Chronology:
    """The whole chronology on the front page, or split by year above `split_above`
    events (0: never split), with the `latest` years on the front page."""
    if not splits(len(view.events), split_above):
        return Chronology(view.years, (), ())
    split = year_split([(group.year, group) for group in view.years], period_url)
    return Chronology(view.years[-latest:], split.periods, split.pages)


def tag_years(tag: TagView, split_above: int) -> YearSplit[YearOfTag] | None:
    """The tag's pages by year, or None when the tag's page lists all its events."""
    if not splits(len(tag.events), split_above):
        return None
    groups = [
        (year, YearOfTag(year, f"y{year}", tuple(events)))
        for year, events in by_year(tag.events, lambda event: event.when.start.year)
    ]
    return year_split(groups, lambda year: tag_period_url(tag.slug, year))


def source_years(
    sources: tuple[SourceView, ...], split_above: int
) -> YearSplit[tuple[SourceView, ...]] | None:
    """The sources index by year of publication, or None when one page lists them all."""
    if not splits(len(sources), split_above):
        return None
    groups = [(year, tuple(shown)) for year, shown in by_year(sources, lambda s: s.year)]
    return year_split(groups, sources_period_url)


@functools.cache  # one string per depth, whose digest the page fingerprints take once
def _root(path_depth: int) -> str:
    """The way back to the site root from a page `path_depth` folders down."""
    return "../" * path_depth


def _root_of(path: str) -> str:
    """The way back to the site root from the page at `path`."""
    return _root(path.count("/"))


def tag_pages(tag: TagView, split_above: int) -> list[PageJob]:
    """The tag's page (templates/tag.html), and its years' pages when it is split. Each
    context holds only what its page shows, so that an edit re-renders only its year."""
    years = tag_years(tag, split_above)
    if years is None:
        return [PageJob(tag.url, "tag.html", "../", {"tag": tag, "periods": (), "current": None})]
    link = TagLink(tag.name, tag.slug, tag.url)  # not the view: it holds every event
    shown = {"tag": link, "periods": years.periods}
    _, latest = years.latest
    main = {**shown, "current": None, "year": latest, "count": len(tag.events)}
    jobs = [PageJob(tag.url, "tag.html", "../", main)]
    for page, year in years.pages:
        context = {**shown, "current": page, "year": year}
        jobs.append(PageJob(page.url, "tag.html", _root_of(page.url), context))
    return jobs


def source_index_pages(sources: tuple[SourceView, ...], split_above: int) -> list[PageJob]:
    """The sources index (templates/sources.html), and its years' pages when it is split."""
    index = "sources/index.html"
    years = source_years(sources, split_above)
    if years is None:
        context = {"sources": sources, "periods": (), "current": None}
        return [PageJob(index, "sources.html", "../", context)]
    latest_page, latest = years.latest
    main = {"sources": latest, "periods": years.periods, "current": None, "year": latest_page.year}
    jobs = [PageJob(index, "sources.html", "../", main)]
    for page, shown in years.pages:
        context = {"sources": shown, "periods": years.periods, "current": page}
        jobs.append(PageJob(page.url, "sources.html", _root_of(page.url), context))
    return jobs
