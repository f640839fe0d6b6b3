"""Long lists split by period, for sites too large for one page per list.

Past the `period_pages_above` setting (0: never), a list gets one page per year and its
main page shows the latest year with links to every year:

- the chronology, when the site has more events than that: `years/2016.html`, the front
  page showing the latest year;
- each tag with more events than that: `tags/<slug>/2016.html`, the tag's page
  (`tags/<slug>.html`) showing the latest year;
- the sources index, when the site has more sources than that, by year of publication:
  `sources/years/2016.html`, `sources/index.html` showing the latest year.

A year itself holding more entries than that gets a page per month (`years/2016-03.html`,
`tags/<slug>/2016-03.html`, `sources/years/2016-03.html`): the year's page then links to
its months and lists the entries known only to the year, and a main page showing that
year shows its latest month instead. A month holding more entries than that gets a page
per day in turn (`years/2016-03-14.html`), its page linking to its days and listing the
entries known only to the month. (A single day is not split further.)

Each page shows only its period's entries, so an edit re-renders only the periods it
touches (and the main page when it is the latest). Smaller lists keep one page.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from builder.rerender import PageJob
from builder.views import (
    EventView,
    SiteView,
    SourceView,
    TagLink,
    TagView,
    YearGroup,
    group_by_period,
)

Item = TypeVar("Item")


@dataclass(frozen=True)
class PeriodLink:
    year: int
    url: str  # relative to the site root
    month: int = 0  # 1 to 12 for the page of a month, in a year split by month
    day: int = 0  # 1 to 31 for the page of a day, in a month split by day

    @property
    def label(self) -> str:
        """The period as a heading names it: "2016", "March 2016" or "14 March 2016"."""
        if self.day:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        return f"{calendar.month_name[self.month]} {self.year}" if self.month else str(self.year)

    @property
    def month_name(self) -> str:
        return calendar.month_name[self.month]

    @property
    def anchor(self) -> str:
        """The id of a section showing the period's entries on a main page."""
        if self.day:
            return f"y{self.year}-{self.month:02d}-{self.day:02d}"
        return f"y{self.year}-{self.month:02d}" if self.month else f"y{self.year}"


@dataclass(frozen=True)
class PeriodPage(Generic[Item]):
    """A page of a split list: a year's, a month's of a year split by month, or a
    day's of a month split by day."""

    link: PeriodLink
    # A year split by month: those known only to the year; a month split by day, those
    # known only to the month.
    items: tuple[Item, ...]
    months: tuple[PeriodLink, ...]  # the month pages of its year, when split by month
    days: tuple[PeriodLink, ...] = ()  # the day pages of its month, when split by day


@dataclass(frozen=True)
class PeriodSplit(Generic[Item]):
    """A list as one page per year (or month): each page, and every year's page."""

    periods: tuple[PeriodLink, ...]  # every year's page, in order: each page's navigation
    pages: tuple[PeriodPage[Item], ...]

    @property
    def latest(self) -> PeriodPage[Item]:
        """What the main page shows: the latest year's entries, or the latest month's
        when that year is split by month."""
        return self.pages[-1]


@dataclass(frozen=True)
class ChronologyPage:
    """A page of the split chronology: a year's, a month's of a year split by month, or
    a day's of a month split by day."""

    link: PeriodLink
    shown: YearGroup  # the events it lists (a split period's page: those known only to it)
    months: tuple[PeriodLink, ...]  # the month pages of its year, when split by month
    days: tuple[PeriodLink, ...]  # the day pages of its month, when split by day


@dataclass(frozen=True)
class Chronology:
    """What the front page shows, and the period pages when the chronology is split."""

    front_years: tuple[YearGroup, ...]  # the years shown on the front page
    periods: tuple[PeriodLink, ...]  # every year page; empty when not split
    pages: tuple[ChronologyPage, ...]

    def page_of(self, event: EventView) -> str:
        """The chronology page listing `event`: its day's page when its month is split
        by day, its month's when its year is split by month (each when the event is
        known to that period), else its year's."""
        if not self.periods:
            return "index.html"
        year, month, day = _event_period(event)
        urls = self._urls
        return urls.get((year, month, day)) or urls.get((year, month, 0)) or urls[(year, 0, 0)]

    @functools.cached_property
    def _urls(self) -> dict[tuple[int, int, int], str]:
        # One string per page rather than one per event: page fingerprints take the
        # digest of each context value once per object.
        return {
            (page.link.year, page.link.month, page.link.day): page.link.url for page in self.pages
        }


@dataclass(frozen=True)
class PeriodOfTag:
    """A tag's events of one year or month, on its own page or on the tag's page."""

    label: str
    anchor: str
    events: tuple[EventView, ...]


def splits(count: int, split_above: int) -> bool:
    """True when a list of `count` entries gets a page per year (`split_above` 0: never)."""
    return split_above > 0 and count > split_above


def period_split(
    items: Iterable[Item],
    date_of: Callable[[Item], tuple[int, int, int]],
    split_above: int,
    url: Callable[[int, int, int], str],
) -> PeriodSplit[Item]:
    """`items` (in their order) by year, by month in a year of more than `split_above`
    items, and by day in such a month of more than that many; `date_of` gives an item's
    (year, month, day), 0 for what is not known, and `url` the page of a (year, month,
    day), 0 for a year's or a month's page."""
    years: dict[int, list[Item]] = {}
    for item in items:
        years.setdefault(date_of(item)[0], []).append(item)
    periods, pages = [], []
    for year, in_year in sorted(years.items(), key=lambda pair: pair[0]):
        link = PeriodLink(year, url(year, 0, 0))
        periods.append(link)
        if not splits(len(in_year), split_above):
            pages.append(PeriodPage(link, tuple(in_year), ()))
            continue
        by_month: dict[int, list[Item]] = {}
        for item in in_year:
            by_month.setdefault(date_of(item)[1], []).append(item)
        months = tuple(
            PeriodLink(year, url(year, month, 0), month) for month in sorted(by_month) if month
        )
        pages.append(PeriodPage(link, tuple(by_month.get(0, ())), months))
        for month in months:
            in_month = by_month[month.month]
            if not splits(len(in_month), split_above):
                pages.append(PeriodPage(month, tuple(in_month), months))
                continue
            by_day: dict[int, list[Item]] = {}
            for item in in_month:
                by_day.setdefault(date_of(item)[2], []).append(item)
            days = tuple(
                PeriodLink(year, url(year, month.month, day), month.month, day)
                for day in sorted(by_day)
                if day
            )
            pages.append(PeriodPage(month, tuple(by_day.get(0, ())), months, days))
            pages += [PeriodPage(day, tuple(by_day[day.day]), months, days) for day in days]
    return PeriodSplit(tuple(periods), tuple(pages))


def period_url(year: int, month: int = 0, day: int = 0) -> str:
    return f"years/{_period_name(year, month, day)}.html"


def _period_name(year: int, month: int, day: int) -> str:
    if day:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}" if month else str(year)


def tag_period_url(tag_slug: str, year: int, month: int = 0, day: int = 0) -> str:
    return f"tags/{tag_slug}/{_period_name(year, month, day)}.html"


def sources_period_url(year: int, month: int = 0, day: int = 0) -> str:
    return f"sources/years/{_period_name(year, month, day)}.html"


def chronology(view: SiteView, split_above: int) -> Chronology:
    """The whole chronology on the front page, or split by year above `split_above`
    events (0: never split), a year itself by month above that many events and such a
    month by day; the front page shows the latest year, or the latest month (or day)
    when that year (or month) is split."""
    if not splits(len(view.events), split_above):
        return Chronology(view.years, (), ())
    split = period_split(view.events, _event_period, split_above, period_url)
    pages = tuple(
        ChronologyPage(page.link, _year_group(page), page.months, page.days) for page in split.pages
    )
    return Chronology((pages[-1].shown,), split.periods, pages)


def _year_group(page: PeriodPage[EventView]) -> YearGroup:
    """A chronology page's events grouped as the templates show them (a year split by
    month may have no events known only to the year: its group has no months)."""
    groups = group_by_period(page.items)
    return groups[0] if groups else YearGroup(page.link.year, f"y{page.link.year}", ())


def _event_period(event: EventView) -> tuple[int, int, int]:
    start = event.when.start
    return start.year, start.month or 0, start.day or 0


def tag_periods(tag: TagView, split_above: int) -> PeriodSplit[EventView] | None:
    """The tag's pages by year (or month), or None when the tag's page lists all its
    events."""
    if not splits(len(tag.events), split_above):
        return None
    return period_split(
        tag.events, _event_period, split_above, functools.partial(tag_period_url, tag.slug)
    )


def source_periods(
    sources: tuple[SourceView, ...], split_above: int
) -> PeriodSplit[SourceView] | None:
    """The sources index by year (or month) of publication, or None when one page lists
    them all."""
    if not splits(len(sources), split_above):
        return None
    return period_split(
        sources, lambda s: (s.year, s.month, s.day), split_above, sources_period_url
    )


@functools.cache  # one string per depth, whose digest the page fingerprints take once
def _root(path_depth: int) -> str:
    """The way back to the site root from a page `path_depth` folders down."""
    return "../" * path_depth


def _root_of(path: str) -> str:
    """The way back to the site root from the page at `path`."""
    return _root(path.count("/"))


def tag_pages(tag: TagView, split_above: int) -> list[PageJob]:
    """The tag's page (templates/tag.html), and its periods' pages when it is split. Each
    context holds only what its page shows, so that an edit re-renders only its period."""
    split = tag_periods(tag, split_above)
    if split is None:
        return [PageJob(tag.url, "tag.html", "../", {"tag": tag, "periods": (), "current": None})]
    link = TagLink(tag.name, tag.slug, tag.url)  # not the view: it holds every event
    latest = split.latest
    main = {
        "tag": link,
        "periods": split.periods,
        "months": (),
        "days": (),
        "current": None,
        "year": PeriodOfTag(latest.link.label, latest.link.anchor, latest.items),
        "count": len(tag.events),
    }
    jobs = [PageJob(tag.url, "tag.html", "../", main)]
    for page in split.pages:
        shown = PeriodOfTag(page.link.label, page.link.anchor, page.items)
        context = {
            **main,
            "months": page.months,
            "days": page.days,
            "current": page.link,
            "year": shown,
        }
        del context["count"]
        jobs.append(PageJob(page.link.url, "tag.html", _root_of(page.link.url), context))
    return jobs


def source_index_pages(sources: tuple[SourceView, ...], split_above: int) -> list[PageJob]:
    """The sources index (templates/sources.html), and its periods' pages when it is
    split."""
    index = "sources/index.html"
    split = source_periods(sources, split_above)
    if split is None:
        context = {"sources": sources, "periods": (), "current": None}
        return [PageJob(index, "sources.html", "../", context)]
    latest = split.latest
    main = {
        "sources": latest.items,
        "periods": split.periods,
        "months": (),
        "days": (),
        "current": None,
        "latest": latest.link,
    }
    jobs = [PageJob(index, "sources.html", "../", main)]
    for page in split.pages:
        context = {
            "sources": page.items,
            "periods": split.periods,
            "months": page.months,
            "days": page.days,
            "current": page.link,
        }
        jobs.append(PageJob(page.link.url, "sources.html", _root_of(page.link.url), context))
    return jobs
