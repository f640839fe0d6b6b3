"""The chronology split by year, for sites too large for one page.

A site with more events than the `period_pages_above` setting gets one page per year
(`years/2016.html`); the front page links every year and shows the latest one. Each
year's page shows only that year's events, so a new article re-renders only the years it
touches. Smaller sites keep the whole chronology on the front page.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.views import SiteView, YearGroup


@dataclass(frozen=True)
class PeriodLink:
    year: int
    url: str  # relative to the site root


@dataclass(frozen=True)
class Chronology:
    """What the front page shows, and the year pages when the chronology is split."""

    front_years: tuple[YearGroup, ...]  # the years shown on the front page
    periods: tuple[PeriodLink, ...]  # every year page; empty when not split
    pages: tuple[tuple[PeriodLink, YearGroup], ...]


def period_url(year: int) -> str:
    return f"years/{year}.html"


def chronology(view: SiteView, split_above: int, latest: int = 1) -> Chronology:
    """The whole chronology on the front page, or split by year above `split_above`
    events (0: never split), with the `latest` years on the front page."""
    if split_above <= 0 or len(view.events) <= split_above:
        return Chronology(view.years, (), ())
    links = tuple(PeriodLink(group.year, period_url(group.year)) for group in view.years)
    pages = tuple(zip(links, view.years, strict=True))
    return Chronology(view.years[-latest:], links, pages)
