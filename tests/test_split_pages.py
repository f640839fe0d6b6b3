"""Tag pages and the sources index split by year past `period_pages_above`, as the
chronology is: every link resolves, every entry is on exactly one year's page, and an
edit re-renders only the years it touches."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

import builder.render
from builder.build import build
from builder.rerender import Kept

from .conftest import ARTICLE, EVENT, TinySite
from .test_incremental import RandomEditor, clean_build_of, tree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sitegen import add_source, edit_event, generate_site  # noqa: E402

SPLIT_ABOVE = 4


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(output: Path) -> list[str]:
    return sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html"))


def built_site(site: Path, n: int, seed: int, split_above: int = SPLIT_ABOVE) -> Path:
    """A generated site of `n` events and sources in `site`, split above `split_above`
    and built (without search) into `site`/site; `site`."""
    generate_site(site, n, seed=seed)
    with open(site / "timeline.toml", "a", encoding="utf-8") as config:
        config.write(f"search = false\nperiod_pages_above = {split_above}\n")
    build(site, site / "site", workers=1)
    return site


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 60 events and sources, split above SPLIT_ABOVE; its source folder."""
    return built_site(tmp_path_factory.mktemp("split") / "s", 60, seed=4)


def test_small_lists_keep_one_page(tiny_site: TinySite) -> None:
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    assert not (output / "sources" / "years").exists()
    assert [p for p in (output / "tags").iterdir() if p.is_dir()] == []
    page = soup(output / "tags" / "rebels.html")
    assert not page.select("nav.periods")
    assert [a.get_text() for a in page.select(".event-title a")] == ["Offensive begins"]


def broken_links(output: Path) -> list[tuple[str, str]]:
    """Each relative link of the site's pages (page, href) that names no page of the
    site, or whose #fragment is no id on it."""
    ids = {
        page: {element["id"] for element in soup(output / page).find_all(id=True)}
        for page in html_pages(output)
    }
    broken = []
    for page in ids:
        for link in soup(output / page).find_all("a", href=True):
            parts = urlsplit(link["href"])
            if parts.scheme or parts.netloc:
                continue
            target = (output / page).parent / unquote(parts.path) if parts.path else output / page
            relative = target.resolve().relative_to(output.resolve()).as_posix()
            if relative not in ids:  # not a page: some other file of the site (a feed)?
                if parts.fragment or not target.is_file():
                    broken.append((page, link["href"]))
            elif parts.fragment and parts.fragment not in ids[relative]:
                broken.append((page, link["href"]))
    return broken


def test_every_link_of_every_page_resolves(split_site: Path) -> None:
    """Each relative link names a page of the site, and its #fragment an id on it
    (the chronology's anchors: an event page links to the year page listing it; quotes
    from a source whose rights allow a link only, the section saying so)."""
    output = split_site / "site"
    pages = html_pages(output)
    assert any(page.startswith("tags/") and page.count("/") == 2 for page in pages)
    assert any(page.startswith("sources/years/") for page in pages)
    assert broken_links(output) == []


def test_sitemap_lists_every_page(split_site: Path) -> None:
    output = split_site / "site"
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    for page in html_pages(output):
        address = "" if page == "index.html" else page.removesuffix("index.html")
        assert f"<loc>https://example.org/bench/{address}</loc>" in sitemap, page


def _titles(page: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in page.select(".event-title a")]


def test_a_large_tag_has_a_page_per_year(split_site: Path) -> None:
    output = split_site / "site"
    split = sorted(p for p in (output / "tags").iterdir() if p.is_dir())
    assert split, "no tag has more than SPLIT_ABOVE events"
    for folder in split:
        main = soup(output / "tags" / f"{folder.name}.html")
        links = [a["href"] for a in main.select("nav.periods a")]
        years = sorted(int(p.stem) for p in folder.glob("*.html"))
        assert links == [f"../tags/{folder.name}/{year}.html" for year in years]
        assert not main.select("nav.periods a[aria-current]")
        assert main.select_one("nav.periods")["aria-label"] == "Years"
        count = int(main.select_one("main > p").get_text().split()[0])
        assert count > SPLIT_ABOVE
        # The main page shows the latest year; the year pages show each event once.
        assert [h.get_text() for h in main.select("section.year > h2")] == [str(years[-1])]
        listed = []
        for year in years:
            page = soup(folder / f"{year}.html")
            assert page.h1.get_text() == f"Tag: {main.h1.span.get_text()}, {year}"
            current = page.select('nav.periods a[aria-current="page"]')
            assert [a.get_text() for a in current] == [str(year)]
            for time in page.select(".event-date time"):
                assert time["datetime"].startswith(str(year))
            assert page.select_one('link[rel="canonical"]')["href"].endswith(
                f"tags/{folder.name}/{year}.html"
            )
            listed += _titles(page)
        assert len(listed) == len(set(listed)) == count
        assert _titles(main) == _titles(soup(folder / f"{years[-1]}.html"))


def test_the_sources_index_has_a_page_per_year_of_publication(split_site: Path) -> None:
    output = split_site / "site"
    index = soup(output / "sources" / "index.html")
    years = sorted(int(p.stem) for p in (output / "sources" / "years").glob("*.html"))
    links = [a["href"] for a in index.select("nav.periods a")]
    assert links == [f"../sources/years/{year}.html" for year in years]
    assert [h.get_text() for h in index.select("section.year > h2")] == [str(years[-1])]
    listed = []
    for year in years:
        page = soup(output / "sources" / "years" / f"{year}.html")
        assert page.h1.get_text() == f"Sources published in {year}"
        current = page.select('nav.periods a[aria-current="page"]')
        assert [a.get_text() for a in current] == [str(year)]
        for time in page.select(".source-meta time"):
            assert time["datetime"].startswith(str(year))
        listed += [a["href"].rsplit("/", 1)[-1] for a in page.select(".source-index a")]
    sources = sorted(p.name for p in (output / "sources").glob("*.html") if p.name != "index.html")
    assert sorted(listed) == sources
    latest = soup(output / "sources" / "years" / f"{years[-1]}.html")
    assert len(index.select(".source-index li")) == len(latest.select(".source-index li"))


def _rendered(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """After each build, the pages it rendered (rather than kept)."""
    builds: list[set[str]] = []
    render_jobs = builder.render.render_jobs

    def spy(*arguments, **keywords):
        pages = render_jobs(*arguments, **keywords)
        builds.append({path for path, page in pages.items() if not isinstance(page, Kept)})
        return pages

    monkeypatch.setattr(builder.render, "render_jobs", spy)
    return builds


def _event_year_and_tags(site: Path, index: int) -> tuple[int, list[str]]:
    page = soup(site / "site" / "events" / f"e{index:06d}.html")
    year = int(page.select_one(".event-date time")["datetime"][:4])
    return year, [a["href"].rsplit("/", 1)[-1][: -len(".html")] for a in page.select(".tags a")]


@pytest.mark.parametrize("workers", [1, 2])
def test_one_edit_renders_only_its_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    site = tmp_path / "s"
    generate_site(site, 120, seed=2)
    with open(site / "timeline.toml", "a", encoding="utf-8") as config:
        config.write("search = false\nperiod_pages_above = 3\n")
    build(site, site / "site", workers=workers)
    output = site / "site"
    rendered = _rendered(monkeypatch)
    split = []
    for index in (7, 8, 9):
        year, tags = _event_year_and_tags(site, index)
        edit_event(site, index, "A new sentence.")
        build(site, site / "site", workers=workers)
        tag_pages = {page for page in rendered[-1] if page.startswith("tags/")}
        expected = {"tags/index.html"}  # it counts each tag's events
        for slug in tags:
            if not (output / "tags" / slug).is_dir():
                expected.add(f"tags/{slug}.html")
                continue
            expected.add(f"tags/{slug}/{year}.html")
            latest = max(int(p.stem) for p in (output / "tags" / slug).glob("*.html"))
            if year == latest:
                expected.add(f"tags/{slug}.html")
        assert tag_pages == expected, index
        split += [slug for slug in tags if (output / "tags" / slug).is_dir()]
        # The event's page, its year, its tags', its sources' and their years' pages.
        assert len(rendered[-1]) <= len(expected) + 2 + 2 * 3 + 1
    assert split  # some of them in tags split by year


def test_a_new_source_renders_only_its_year_of_the_sources_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built_site(tmp_path / "s", 60, seed=4)
    rendered = _rendered(monkeypatch)
    index = 60
    path = add_source(site, index)
    build(site, site / "site", workers=1)
    year = int(path.read_text(encoding="utf-8").split("published: ", 1)[1][:4])
    latest = max(int(p.stem) for p in (site / "site" / "sources" / "years").glob("*.html"))
    expected = {f"sources/s{index:06d}.html", f"sources/years/{year}.html"}
    if year == latest:
        expected.add("sources/index.html")
    assert rendered[-1] == expected


class SplitEditor(RandomEditor):
    """Random edits to a site whose tags and sources index are split by year."""

    def edit_config(self) -> None:
        (self.site.root / "timeline.toml").write_text(
            f'title = "The {self.words(2)}"\nperiod_pages_above = 2\n'
        )


@pytest.mark.parametrize("seed", [4, 5])
def test_incremental_builds_of_split_pages_equal_clean_builds(
    empty_site: TinySite, tmp_path: Path, seed: int
) -> None:
    editor = SplitEditor(empty_site, seed)
    editor.edit_config()
    for _ in range(3):
        editor.add_source()
    for _ in range(6):
        editor.add_event()
    output = empty_site.root / "site"
    build(empty_site.root, output, workers=1)
    assert (output / "sources" / "years").is_dir()
    assert any((output / "tags").glob("*/*.html"))
    for step in range(12):
        action = editor.step()
        build(empty_site.root, output, workers=1)
        expected = clean_build_of(empty_site.root, tmp_path / "clean")
        assert tree(output) == expected, f"seed {seed}, step {step}: after {action}"


@pytest.fixture(scope="module")
def dense_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 150 events over 35 years, split above SPLIT_ABOVE: many years
    hold more events than that, so get a page per month."""
    return built_site(tmp_path_factory.mktemp("dense") / "s", 150, seed=3)


def _ids(page: BeautifulSoup) -> list[str]:
    return [article["id"] for article in page.select("article.event")]


def test_a_year_with_many_events_has_a_page_per_month(dense_site: Path) -> None:
    output = dense_site / "site"
    split_years = sorted({p.stem[:4] for p in (output / "years").glob("*-*.html")})
    assert split_years, "no year has more than SPLIT_ABOVE events"
    with_only_year = 0
    for year in split_years:
        page = soup(output / "years" / f"{year}.html")
        months = sorted((output / "years").glob(f"{year}-*.html"))
        nav = page.select_one(f'nav[aria-label="Months of {year}"]')
        assert [a["href"] for a in nav.select("a")] == [f"../years/{p.name}" for p in months]
        # The year's page lists only the events known to the year and no better.
        for time in page.select(".event-date time"):
            assert time["datetime"] == year
        with_only_year += bool(page.select("article.event"))
        listed = _ids(page)
        for month in months:
            shown = soup(month)
            label = shown.h1.get_text()
            assert (
                label.endswith(f" {year}")
                and label.split()[0]
                in shown.select_one('nav[aria-label^="Months"] a[aria-current="page"]').get_text()
            )
            assert shown.select_one('nav.periods a[aria-current="true"]').get_text() == year
            for time in shown.select(".event-date time"):
                assert time["datetime"].startswith(month.stem)
            assert shown.select_one('link[rel="canonical"]')["href"].endswith(f"years/{month.name}")
            listed += _ids(shown)
        # Every event of the year is listed once, and its page links back to where.
        in_year = [
            p.stem
            for p in (output / "events").glob("*.html")
            if soup(p).select_one(".event-date time")["datetime"][:4] == year
        ]
        assert sorted(listed) == sorted(in_year)
        assert len(listed) > SPLIT_ABOVE
    assert with_only_year  # some year's page lists events known only to the year


def test_the_front_page_shows_the_latest_month_of_a_split_year(dense_site: Path) -> None:
    output = dense_site / "site"
    latest_year = max(int(p.stem[:4]) for p in (output / "years").glob("*.html"))
    months = sorted((output / "years").glob(f"{latest_year}-*.html"))
    front = soup(output / "index.html")
    expected = soup(months[-1]) if months else soup(output / "years" / f"{latest_year}.html")
    assert _ids(front) == _ids(expected) and _ids(front)


def test_every_link_of_a_site_split_by_month_resolves(dense_site: Path) -> None:
    output = dense_site / "site"
    assert any("-" in page for page in html_pages(output) if page.startswith("years/"))
    assert broken_links(output) == []


def test_a_months_page_describes_itself_in_json_ld(dense_site: Path) -> None:
    import json

    output = dense_site / "site"
    month = sorted((output / "years").glob("*-*.html"))[0]
    page = soup(month)
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["name"] == f"{page.h1.get_text()} · Synthetic timeline"
    assert data["url"] == f"https://example.org/bench/years/{month.name}"
    assert [item["item"]["url"].rsplit("/", 1)[-1] for item in data["itemListElement"]] == [
        f"{event_id}.html" for event_id in _ids(page)
    ]


def test_an_edit_renders_only_its_month_of_a_split_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built_site(tmp_path / "s", 150, seed=3)
    output = site / "site"
    rendered = _rendered(monkeypatch)
    checked = 0
    for index in range(150):
        page = soup(output / "events" / f"e{index:06d}.html")
        back = page.select_one('a[href*="years/"]')["href"].split("#")[0].rsplit("/", 1)[-1]
        if "-" not in back:
            continue
        edit_event(site, index, "A new sentence.")
        build(site, site / "site", workers=1)
        chronology = {path for path in rendered[-1] if path.startswith("years/")}
        assert chronology == {f"years/{back}"}
        checked += 1
        if checked == 3:
            break
    assert checked == 3


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 150 events and sources split above 2: tags and the sources
    index split by year, and their busiest years by month."""
    return built_site(tmp_path_factory.mktemp("busy") / "s", 150, seed=3, split_above=2) / "site"


def _month_pages(folder: Path, year: str) -> list[Path]:
    return sorted(folder.glob(f"{year}-??.html"))


def _day_pages(month: Path) -> list[Path]:
    """The pages of the days of a month split by day."""
    return sorted(month.parent.glob(f"{month.stem}-??.html"))


def test_a_tags_busiest_years_have_a_page_per_month(busy_site: Path) -> None:
    tagged: dict[tuple[str, str], set[str]] = {}  # (tag, year) -> its events, from their pages
    for path in (busy_site / "events").glob("*.html"):
        page = soup(path)
        year = page.select_one(".event-date time")["datetime"][:4]
        for a in page.select(".tags a"):
            tagged.setdefault((a["href"].rsplit("/", 1)[-1][: -len(".html")], year), set()).add(
                path.stem
            )
    checked = 0
    for folder in sorted(p for p in (busy_site / "tags").iterdir() if p.is_dir()):
        name = soup(busy_site / "tags" / f"{folder.name}.html").h1.span.get_text()
        for year in sorted({p.stem[:4] for p in folder.glob("*-*.html")}):
            page = soup(folder / f"{year}.html")
            months = _month_pages(folder, year)
            nav = page.select_one(f'nav[aria-label="Months of {year}"]')
            assert [a["href"] for a in nav.select("a")] == [
                f"../../tags/{folder.name}/{p.name}" for p in months
            ]
            for time in page.select(".event-date time"):
                assert time["datetime"] == year  # only the events known to the year alone
            listed = _ids(page)
            for month in months:
                for shown_path in (month, *_day_pages(month)):
                    shown = soup(shown_path)
                    assert shown.h1.get_text().startswith(f"Tag: {name}, ")
                    assert shown.h1.get_text().endswith(f" {year}")
                    assert shown.select_one('nav[aria-label="Years"] a[aria-current="true"]')
                    assert shown.select_one(f'nav[aria-label="Months of {year}"] a[aria-current]')
                    for time in shown.select(".event-date time"):
                        assert time["datetime"].startswith(shown_path.stem)
                    listed += _ids(shown)
            assert len(listed) == len(set(listed)) > 2
            assert set(listed) == tagged[(folder.name, year)]
            checked += 1
    assert checked, "no tag has a year of more than 2 events"


def test_the_sources_indexs_busiest_years_have_a_page_per_month(busy_site: Path) -> None:
    folder = busy_site / "sources" / "years"
    split_years = sorted({p.stem[:4] for p in folder.glob("*-*.html")})
    assert split_years
    listed = []
    for page_path in sorted(folder.glob("*.html")):
        page = soup(page_path)
        year = page_path.stem[:4]
        if page_path.stem in split_years:  # a year split by month: links only
            months = _month_pages(folder, year)
            nav = page.select_one(f'nav[aria-label="Months of {year}"]')
            assert [a["href"] for a in nav.select("a")] == [
                f"../../sources/years/{p.name}" for p in months
            ]
            assert not page.select(".source-index")
            continue
        if "-" in page_path.stem:
            assert page.h1.get_text().startswith("Sources published in ")
            assert page.h1.get_text().endswith(f" {year}")
            for time in page.select(".source-meta time"):
                assert time["datetime"].startswith(page_path.stem)
        listed += [a["href"].rsplit("/", 1)[-1] for a in page.select(".source-index a")]
    sources = sorted(
        p.name for p in (busy_site / "sources").glob("*.html") if p.name != "index.html"
    )
    assert sorted(listed) == sources


def test_main_pages_show_the_latest_month_of_a_split_year(busy_site: Path) -> None:
    folder = busy_site / "sources" / "years"
    latest = max(folder.glob("*.html"), key=lambda p: (p.stem[:4], len(p.stem), p.stem))
    index = soup(busy_site / "sources" / "index.html")
    assert [a["href"].rsplit("/", 1)[-1] for a in index.select(".source-index a")] == [
        a["href"].rsplit("/", 1)[-1] for a in soup(latest).select(".source-index a")
    ]
    assert (
        index.select_one("section.year > h2").get_text()
        == soup(latest).h1.get_text().split("Sources published in ")[1]
    )


def test_every_link_of_a_busy_site_resolves(busy_site: Path) -> None:
    pages = html_pages(busy_site)
    assert any(page.startswith("tags/") and "-" in page.rsplit("/", 1)[-1] for page in pages)
    assert broken_links(busy_site) == []


def _split_months(folder: Path) -> list[Path]:
    """The month pages of `folder` that are split by day."""
    return [month for month in sorted(folder.glob("*-??.html")) if _day_pages(month)]


def test_a_busy_month_of_the_chronology_has_a_page_per_day(busy_site: Path) -> None:
    folder = busy_site / "years"
    months = _split_months(folder)
    assert months, "no month has more than 2 events"
    for month in months:
        days = _day_pages(month)
        page = soup(month)
        nav = page.select_one("nav.days")
        assert [a["href"] for a in nav.select("a")] == [f"../years/{p.name}" for p in days]
        assert not nav.select("a[aria-current]")
        assert nav["aria-label"] == f"Days of {page.h1.get_text()}"
        # The month's page lists only the events known to the month and no better.
        for time in page.select(".event-date time"):
            assert time["datetime"] == month.stem
        listed = _ids(page)
        for day in days:
            shown = soup(day)
            label = shown.h1.get_text()
            assert label == f"{int(day.stem[8:])} {page.h1.get_text()}"
            assert shown.select_one('nav.days a[aria-current="page"]')["href"].endswith(day.name)
            assert shown.select_one('nav.months a[aria-current="true"]')["href"].endswith(
                month.name
            )
            assert shown.select_one('nav[aria-label="Years"] a[aria-current="true"]')
            assert shown.select_one('link[rel="canonical"]')["href"].endswith(f"years/{day.name}")
            for time in shown.select(".event-date time"):
                assert time["datetime"].startswith(day.stem)
            day_ids = _ids(shown)
            assert day_ids
            # Each event's page links back to the day's page listing it.
            for event_id in day_ids:
                event = soup(busy_site / "events" / f"{event_id}.html")
                assert event.select_one(f'a[href*="years/{day.name}"]')
            listed += day_ids
        in_month = [
            p.stem
            for p in (busy_site / "events").glob("*.html")
            if soup(p).select_one(".event-date time")["datetime"][:7] == month.stem
        ]
        assert sorted(listed) == sorted(in_month) and len(listed) > 2


def crowded_month(site: TinySite) -> Path:
    """A site whose events (of one tag) and sources all fall in November 2024, on
    several days, split above one entry: the month of each list gets a page per day.
    Its output folder, built."""
    site.write("timeline.toml", 'title = "Crowded"\nsearch = false\nperiod_pages_above = 1\n')
    for day in (28, 29, 30):
        site.source(f"wire{day}", ARTICLE.replace("2024-11-30", f"2024-11-{day}"))
    site.source("month-only", ARTICLE.replace("2024-11-30", "2024-11"))
    for name, date in (
        ("a", "2024-11-27"),
        ("b", "2024-11-27"),
        ("c", "2024-11-29"),
        ("d", "2024-11"),
    ):
        site.event(
            name, EVENT.replace("2024-11-27", date).replace("source: wire", "source: wire30")
        )
    output = site.root / "site"
    build(site.root, output, workers=1)
    return output


def test_busy_months_of_tags_and_sources_have_a_page_per_day(empty_site: TinySite) -> None:
    output = crowded_month(empty_site)
    expected = {
        "years": ["2024-11-27.html", "2024-11-29.html"],
        "tags/rebels": ["2024-11-27.html", "2024-11-29.html"],
        "sources/years": ["2024-11-28.html", "2024-11-29.html", "2024-11-30.html"],
    }
    for folder, days in expected.items():
        month = output / folder / "2024-11.html"
        page = soup(month)
        assert [a["href"].rsplit("/", 1)[-1] for a in page.select("nav.days a")] == days
        assert page.select_one("nav.days")["aria-label"] == "Days of November 2024"
        # The month's page lists what is known only to the month: event d, a source.
        only = page.select(".event-date time, .source-meta time")
        assert [t["datetime"] for t in only] == ["2024-11"]
        for name in days:
            shown = soup(output / folder / name)
            day = int(name[8:10])
            assert shown.h1.get_text().endswith(f"{day} November 2024")
            assert shown.select_one('nav.days a[aria-current="page"]')["href"].endswith(name)
            assert shown.select_one('nav.months a[aria-current="true"]')["href"].endswith(
                "2024-11.html"
            )
            times = shown.select(".event-date time, .source-meta time")
            assert times and all(t["datetime"].startswith(name[:10]) for t in times)
    # Main pages show the latest day; events link back to their day's page.
    front = soup(output / "index.html")
    assert [h.get_text() for h in front.select("section.month h3")] == ["November 2024"]
    assert _ids(front) == _ids(soup(output / "years" / "2024-11-29.html")) == ["c"]
    assert soup(output / "events" / "a.html").select_one('a[href*="years/2024-11-27.html#"]')
    assert soup(output / "events" / "d.html").select_one('a[href*="years/2024-11.html#"]')
    assert broken_links(output) == []


def test_a_site_split_by_day_links_and_rebuilds_as_a_clean_build(
    busy_site: Path, tmp_path: Path
) -> None:
    assert broken_links(busy_site) == []
    # Edits and a new event in a busy month: the incremental build is a clean build.
    site = built_site(tmp_path / "s", 150, seed=3, split_above=2)
    month = _split_months(site / "site" / "years")[0]
    day = _day_pages(month)[0]
    first = _ids(soup(day))[0]
    edit_event(site, int(first[1:]), "A sentence added.")
    event = (site / "content" / "events" / f"{first}.md").read_text(encoding="utf-8")
    moved = event.replace("\ndate: ", "\ndate: 1800-01-01\nold: ", 1)
    (site / "content" / "events" / "e999999.md").write_text(moved, encoding="utf-8")
    build(site, site / "site", workers=1)
    assert tree(site / "site") == clean_build_of(site, tmp_path / "clean")
