"""The pages of a site split by year (the chronology, tag pages and the sources index past
`period_pages_above`, and the chronology's busiest years by month): valid HTML for the
Nu checker, no axe-core violations (WCAG 2.2 AA), no sideways scrolling on a phone.
Opened from disk, as a site may be."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from builder.build import build
from tests.browser.conftest import WIDTHS, axe_violations, horizontal_overflow, set_viewport
from tests.browser.test_valid_html import html_files, nu_errors
from tests.conftest import REPO


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from sitegen import generate_site

    site = tmp_path_factory.mktemp("split-browser") / "s"
    generate_site(site, 150, seed=3)  # some years hold more than 2 entries: by month
    with open(site / "timeline.toml", "a", encoding="utf-8") as config:
        config.write("search = false\nperiod_pages_above = 2\n")
    build(site, site / "site", workers=1)
    return site / "site"


def split_pages(output: Path) -> list[str]:
    """The main and a year's page of each list split by year, a year split by month and
    one of its months, a month split by day and one of its days, and an event page."""
    tag = sorted(folder for folder in (output / "tags").iterdir() if folder.is_dir())[0]
    pages = ["index.html", f"tags/{tag.name}.html", "sources/index.html"]
    for months in ("years/*-??.html", "tags/*/*-??.html", "sources/years/*-??.html"):
        month = sorted(output.glob(months))[0]
        year = month.with_name(f"{month.name[:4]}.html")
        pages += [year.relative_to(output).as_posix(), month.relative_to(output).as_posix()]
    # A month split by day, and one of its days (their own navigation).
    for days in ("years/*-??-??.html", "sources/years/*-??-??.html"):
        day = sorted(output.glob(days))[0]
        month = day.with_name(f"{day.name[:7]}.html")
        pages += [month.relative_to(output).as_posix(), day.relative_to(output).as_posix()]
    pages.append(sorted(output.glob("events/*.html"))[0].relative_to(output).as_posix())
    return pages


def test_every_page_of_a_split_site_is_valid_html(split_site: Path) -> None:
    pages = html_files(split_site)
    assert any("/sources/years/" in page for page in pages)
    assert nu_errors(*pages) == []


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_split_pages_have_no_violations_and_fit_the_window(
    browser, split_site: Path, width: str
) -> None:
    failures, wide = {}, {}
    set_viewport(browser, *WIDTHS[width])
    for path in split_pages(split_site):
        browser.get((split_site / path).as_uri())
        if violations := axe_violations(browser):
            failures[path] = violations
        if (overflow := horizontal_overflow(browser)) > 0:
            wide[path] = overflow
    assert failures == {}
    assert wide == {}
