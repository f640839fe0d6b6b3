"""Text in any script and direction: kept exactly, with lang and dir where the content
says so, and tags in Arabic with working pages under Arabic file names."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from builder.cli import main
from builder.direction import text_direction
from tests.conftest import EVENT, TinySite

ARABIC_TEXT = "دخلت فصائل المعارضة مدينة حلب يوم السبت، وفق المرصد (Observatory) في 2024."
# Mixed directions, with explicit bidi controls and a zero-width non-joiner kept as written.
QUOTE = "دخلت فصائل المعارضة مدينة حلب يوم السبت، وفق المرصد (Observatory)"
MIXED_TITLE = "دخول \u2067حلب\u2069 — Aleppo entered, \u200fمصدر\u200f"


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory) -> Path:
    site = TinySite(tmp_path_factory.mktemp("bidi") / "site-src")
    site.source("wire")
    site.source(
        "arabic",
        f"""---
title: المعارضة تدخل حلب
publisher: وكالة الأنباء
url: https://news.example/ar/حلب
published: 2024-11-30
language: ar
rights: full
---
{ARABIC_TEXT}

فقرة ثانية عن إدلب.
""",
    )
    site.event("offensive", EVENT.replace("[Rebels, City]", "[حلب, Rebels]"))
    site.event(
        "ar-event",
        f"""---
date: 2024-11-30
title: "{MIXED_TITLE}"
tags: [حَلَب, إدلب, "می‌خواهم"]
sources:
  - source: arabic
    quote: {QUOTE}
---
ملخص **بالعربية** with English words.
""",
    )
    result = CliRunner().invoke(main, ["build", "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    return site.root / "site"


def page(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("ar", "rtl"),
        ("ar-SY", "rtl"),
        ("fa", "rtl"),
        ("he", "rtl"),
        ("ur", "rtl"),
        ("az-Arab", "rtl"),
        ("ku-Latn", "ltr"),
        ("en", "ltr"),
        ("tr", "ltr"),
        (None, "auto"),
    ],
)
def test_direction_from_language(language: str | None, direction: str) -> None:
    assert text_direction(language) == direction


def test_arabic_source_text_is_marked_rtl(arabic_site: Path) -> None:
    source = page(arabic_site, "sources/arabic.html")
    heading = source.find("h1")
    assert (heading["lang"], heading["dir"], heading.get_text()) == (
        "ar",
        "rtl",
        "المعارضة تدخل حلب",
    )
    text = source.select_one(".article-text")
    assert (text["lang"], text["dir"]) == ("ar", "rtl")
    paragraphs = text.find_all("p")
    assert all(p["dir"] == "rtl" for p in paragraphs)
    assert ARABIC_TEXT in paragraphs[0].get_text()
    assert source.find("mark").get_text() == QUOTE
    listed = page(arabic_site, "sources/index.html").find("a", lang="ar")
    assert listed["dir"] == "rtl"


def test_quotes_keep_their_characters_and_direction(arabic_site: Path) -> None:
    event = page(arabic_site, "events/ar-event.html")
    quote = event.find("blockquote")
    assert (quote["lang"], quote["dir"]) == ("ar", "rtl")
    assert quote.get_text() == QUOTE
    # The title keeps its isolates and marks exactly, in a heading that finds its own way.
    heading = event.find("h1")
    assert heading.get_text() == MIXED_TITLE
    assert heading["dir"] == "auto"
    english = page(arabic_site, "events/offensive.html").find("blockquote")
    assert (english["lang"], english["dir"]) == ("en", "ltr")


def test_arabic_tags_have_working_pages(arabic_site: Path) -> None:
    tags = arabic_site / "tags"
    # "حَلَب" with its vowel marks and "حلب" without are one tag, on one page.
    assert (tags / "حلب.html").is_file()
    assert (tags / "إدلب.html").is_file()
    # An invisible joiner makes no file name: it becomes a visible hyphen.
    assert (tags / "می-خواهم.html").is_file()
    for relative in ["events/ar-event.html", "events/offensive.html", "tags/index.html"]:
        document = page(arabic_site, relative)
        for link in document.select('a[href*="tags/"]'):
            target = (arabic_site / relative).parent / unquote(link["href"].split("#")[0])
            assert target.is_file(), (relative, link["href"])
    tag_page = page(arabic_site, "tags/حلب.html")
    titles = {a.get_text() for a in tag_page.select("article a")}
    assert MIXED_TITLE in titles and "Offensive begins" in titles


def test_absolute_addresses_of_arabic_pages_are_percent_encoded(arabic_site: Path) -> None:
    import xml.etree.ElementTree as ElementTree

    locations = [
        element.text
        for element in ElementTree.parse(arabic_site / "sitemap.xml").getroot().iter()
        if element.tag.endswith("loc")
    ]
    assert "https://example.org/t/tags/%D8%AD%D9%84%D8%A8.html" in locations
    assert all(location.isascii() for location in locations)
