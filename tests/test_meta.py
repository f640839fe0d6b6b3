"""Metadata for machines: sitemap.xml, canonical links, Open Graph, schema.org JSON-LD."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from builder.build import build
from builder.meta import _TextCollector, plain_text, script_json, shorten

HOSTILE = "</script><script>alert(1)</script>"

HOSTILE_EVENT = f"""\
---
date: 2024-11-30
end: 2024-12-01
title: "{HOSTILE} & <!-- \u2028 \u2029"
tags: [City]
status: reported
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
---
Summary with <script>alert(2)</script> and "quotes".
"""


@pytest.fixture
def built(tiny_site, tmp_path) -> Path:
    tiny_site.event("hostile", HOSTILE_EVENT)
    output = tmp_path / "out"
    build(tiny_site.root, output)
    return output


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def json_ld(page: BeautifulSoup) -> dict:
    [script] = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_script_json_cannot_be_broken_out_of():
    text = str(script_json({"name": HOSTILE + " <!-- & \u2028\u2029"}))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"name": HOSTILE + " <!-- & \u2028\u2029"}


def test_a_hostile_title_stays_inside_the_json_ld_block(built):
    html = (built / "events" / "hostile.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    scripts = page.find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    title = json.loads((built / "timeline.json").read_text())["events"][1]["title"]
    assert title.startswith(f"{HOSTILE} & <!--")
    assert json_ld(page)["name"] == title
    index = soup(built / "index.html")
    assert all(
        "alert" not in (s.string or "") or s["type"] == "application/ld+json"
        for s in index.find_all("script")
    )
    listed = [item["item"]["name"] for item in json_ld(index)["itemListElement"]]
    assert title in listed


def test_the_chronology_is_an_item_list_of_its_events(built):
    data = json_ld(soup(built / "index.html"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ItemList"
    assert data["url"] == "https://example.org/t/"
    assert data["numberOfItems"] == 2 == len(data["itemListElement"])
    first = data["itemListElement"][0]
    assert first["position"] == 1
    assert first["item"] == {
        "@type": "Event",
        "name": "Offensive begins",
        "startDate": "2024-11-27",
        "url": "https://example.org/t/events/offensive.html",
    }


def test_an_event_page_is_an_event_with_its_dates_and_articles(built):
    data = json_ld(soup(built / "events" / "hostile.html"))
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2024-11-30", "2024-12-01")
    assert data["url"] == "https://example.org/t/events/hostile.html"
    assert data["keywords"] == ["City"]
    [article] = data["subjectOf"]
    assert article["@type"] == "NewsArticle"
    assert article["datePublished"] == "2024-11-30"
    assert article["url"] == "https://news.example/rebels-enter"
    assert article["publisher"]["name"] == "Example Wire"


def test_pages_have_canonical_open_graph_and_twitter_meta(built):
    page = soup(built / "events" / "offensive.html")
    url = "https://example.org/t/events/offensive.html"
    assert page.select_one('link[rel="canonical"]')["href"] == url
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    assert og["og:url"] == url
    assert og["og:type"] == "article"
    assert og["og:title"] == "Offensive begins · Tiny timeline"
    assert og["og:description"] == "The rebels launched their offensive."
    assert og["og:site_name"] == "Tiny timeline"
    twitter = {m["name"]: m["content"] for m in page.select('meta[name^="twitter:"]')}
    assert twitter["twitter:card"] == "summary"
    assert twitter["twitter:title"] == "Offensive begins · Tiny timeline"
    index = soup(built / "index.html")
    assert index.select_one('link[rel="canonical"]')["href"] == "https://example.org/t/"
    tags = soup(built / "tags" / "index.html")
    assert tags.select_one('link[rel="canonical"]')["href"] == "https://example.org/t/tags/"


def test_the_sitemap_lists_every_page_at_its_absolute_address(built):
    root = ET.parse(built / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag == f"{namespace}urlset"
    locations = [loc.text for loc in root.iter(f"{namespace}loc")]
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert len(locations) == len(pages)
    assert "https://example.org/t/" in locations
    assert "https://example.org/t/events/hostile.html" in locations
    assert "https://example.org/t/sources/" in locations
    assert all(loc.startswith("https://example.org/t/") for loc in locations)


def test_without_base_url_there_is_no_sitemap_and_no_canonical(tiny_site, tmp_path):
    (tiny_site.root / "timeline.toml").write_text('title = "Nowhere yet"\n')
    output = tmp_path / "out"
    build(tiny_site.root, output)
    assert not (output / "sitemap.xml").exists()
    page = soup(output / "events" / "offensive.html")
    assert page.select_one('link[rel="canonical"]') is None
    assert "url" not in json_ld(page)


def test_descriptions_are_plain_and_short():
    assert plain_text("<p>One <em>two</em>\n three &amp; four</p>") == "One two three & four"
    long = "word " * 100
    short = shorten(long.strip(), 30)
    assert len(short) <= 30 and short.endswith("…")


YEAR_EVENT = """\
---
date: {year}
title: Events of {year}
tags: [City]
status: reported
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
---
Known to the year.
"""


def test_split_chronology_pages_list_only_the_events_they_show(tiny_site, tmp_path):
    with open(tiny_site.root / "timeline.toml", "a") as config:
        config.write("period_pages_above = 3\n")
    for year in (2016, 2018, 2020):
        tiny_site.event(f"y{year}", YEAR_EVENT.format(year=year))
    output = tmp_path / "out"
    build(tiny_site.root, output)
    front = json_ld(soup(output / "index.html"))
    assert [item["item"]["name"] for item in front["itemListElement"]] == ["Offensive begins"]
    assert front["numberOfItems"] == 1
    assert front["url"] == "https://example.org/t/"
    year = json_ld(soup(output / "years" / "2018.html"))
    assert year["@type"] == "ItemList"
    assert year["name"] == "2018 · Tiny timeline"
    assert year["url"] == "https://example.org/t/years/2018.html"
    assert [item["item"]["name"] for item in year["itemListElement"]] == ["Events of 2018"]
    assert year["itemListElement"][0]["item"]["url"] == "https://example.org/t/events/y2018.html"


def _parsed_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<em>",
                "</em>",
                '<a href="x>y">',
                "<br/>",
                "<!-- c -->",
                "&amp;",
                "&lt;",
                "<",
                ">",
                "a",
                " b ",
                "\n",
                "\u00a0",
                "<script>",
                "</script>",
                "<b c>",
                "'",
                '"',
                "<![CDATA[x]]>",
                "</ p>",
                "<1>",
                "&",
            ]
        ),
        max_size=12,
    )
)
def test_description_text_matches_the_html_parser(pieces: list[str]) -> None:
    """The shortcut for simple markup gives what parsing the HTML gives, for any mix."""
    html = "".join(pieces)
    assert plain_text(html) == _parsed_text(html)
