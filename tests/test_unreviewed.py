"""Published candidates (`publish_candidates = true`): the candidates a build proposes are
listed, marked as unreviewed and linked to their quoted paragraph, with no page, feed
entry or JSON-LD of their own; a candidate an editor accepted is a normal event."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from click.testing import CliRunner

from builder.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/t/"


def run(site, *args):
    result = CliRunner().invoke(main, [*args, "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    return result


def publish_candidates(site, on: bool = True) -> None:
    config = site.root / "timeline.toml"
    text = config.read_text().replace("publish_candidates = true\n", "")
    config.write_text(text + ("publish_candidates = true\n" if on else ""))


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.root / "site" / path).read_text(encoding="utf-8"), "html.parser")


def resolves(site, from_page: str, href: str) -> bool:
    """True when `href`, a link on the page `from_page`, names a file of the built site
    and an element with that id in it."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    target = (site.root / "site" / from_page).parent / parts.path
    if not target.is_file():
        return False
    return (
        not parts.fragment
        or page(site, str(target.relative_to(site.root / "site"))).find(id=parts.fragment)
        is not None
    )


def site_files(site) -> list:
    return [path for path in (site.root / "site").rglob("*") if path.is_file()]


def feed_links(site, path: str = "feed.xml") -> list[str]:
    feed = ET.parse(site.root / "site" / path).getroot()
    return [
        link.get("href")
        for entry in feed.iter(f"{ATOM}entry")
        for link in entry.iter(f"{ATOM}link")
    ]


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [
        json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')
    ]


def test_an_unreviewed_candidate_is_listed_marked_and_linked_to_its_paragraph(tiny_site):
    publish_candidates(tiny_site)
    run(tiny_site, "build")
    index = page(tiny_site, "index.html")
    entries = index.select("article.event")
    unreviewed = index.select("article.event.unreviewed")
    assert len(entries) == 3 and len(unreviewed) == 2
    for entry in unreviewed:
        # Said in words, not by the style alone.
        assert "unreviewed" in entry.select_one(".unreviewed-note").get_text().casefold()
        href = entry.select_one(".event-title a")["href"]
        assert href.startswith("sources/wire.html#p"), href
        assert resolves(tiny_site, "index.html", href)
        # No page of its own.
        assert not (tiny_site.root / "site" / "events" / f"{entry['id']}.html").exists()
    reviewed = [e for e in entries if e not in unreviewed]
    assert reviewed[0].select_one(".event-title a")["href"] == "events/offensive.html"
    assert not reviewed[0].select(".unreviewed-note")
    assert sorted(p.name for p in (tiny_site.root / "site" / "events").iterdir()) == [
        "offensive.html"
    ]
    pages = [p.relative_to(tiny_site.root / "site").as_posix() for p in site_files(tiny_site)]
    assert sorted(p for p in pages if ".htm" in p and not p.startswith("tags/")) == [
        "events/offensive.html",
        "index.html",
        "sources/index.html",
        "sources/wire.html",
    ]


def test_an_unreviewed_candidate_gets_no_feed_entry_json_ld_or_sitemap_entry(tiny_site):
    publish_candidates(tiny_site)
    run(tiny_site, "build")
    assert feed_links(tiny_site) == [BASE + "events/offensive.html"]
    (item_list,) = json_ld(page(tiny_site, "index.html"))
    assert [i["item"]["url"] for i in item_list["itemListElement"]] == [
        BASE + "events/offensive.html"
    ]
    sitemap = (tiny_site.root / "site" / "sitemap.xml").read_text()
    assert sitemap.count("/events/") == 1
    # The exports keep it, at the address of its quoted paragraph.
    exported = json.loads((tiny_site.root / "site" / "timeline.json").read_text())
    candidates = [e for e in exported["events"] if e["extracted"]]
    assert len(candidates) == 2
    for event in candidates:
        assert event["url"] == BASE + event["sources"][0]["page"].removeprefix(BASE)
        assert event["url"].startswith(BASE + "sources/wire.html#p")
    slides = json.loads((tiny_site.root / "site" / "timelinejs.json").read_text())["events"]
    assert sum("/events/" in slide["text"]["text"] for slide in slides) == 1


def test_the_source_page_lists_its_unreviewed_candidates_marked(tiny_site):
    publish_candidates(tiny_site)
    run(tiny_site, "build")
    source = page(tiny_site, "sources/wire.html")
    items = source.select("#drawn ~ ul li")
    marked = [item for item in items if item.select_one(".unreviewed-note")]
    assert len(items) == 3 and len(marked) == 2
    for item in marked:
        assert resolves(tiny_site, "sources/wire.html", item.a["href"])


def test_the_year_pages_of_a_split_chronology_mark_them_too(tiny_site):
    config = tiny_site.root / "timeline.toml"
    config.write_text(config.read_text() + "period_pages_above = 1\n")
    publish_candidates(tiny_site)
    run(tiny_site, "build")
    year = page(tiny_site, "years/2016.html")
    (entry,) = year.select("article.event.unreviewed")
    assert resolves(tiny_site, "years/2016.html", entry.select_one(".event-title a")["href"])
    (item_list,) = json_ld(year)
    assert item_list["numberOfItems"] == 0


def test_an_accepted_candidate_is_a_normal_event_with_its_page(empty_site):
    empty_site.source("wire")
    run(empty_site, "extract")
    candidates = sorted((empty_site.root / "content" / "candidates").glob("*.md"))
    accepted = candidates[0]
    shutil.move(accepted, empty_site.root / "content" / "events" / accepted.name)
    event_id = accepted.stem
    for on in (False, True):
        publish_candidates(empty_site, on)
        run(empty_site, "build")
        index = page(empty_site, "index.html")
        entry = index.find("article", id=event_id)
        assert entry is not None, on
        assert "unreviewed" not in entry["class"] and not entry.select(".extracted")
        assert entry.select_one(".event-title a")["href"] == f"events/{event_id}.html"
        event_page = empty_site.root / "site" / "events" / f"{event_id}.html"
        assert event_page.is_file()
        assert BASE + f"events/{event_id}.html" in feed_links(empty_site)
        exported = json.loads((empty_site.root / "site" / "timeline.json").read_text())
        (mine,) = [e for e in exported["events"] if e["id"] == event_id]
        assert mine["extracted"] is False
        assert mine["url"] == BASE + f"events/{event_id}.html"
    # Without publish_candidates the candidates still awaiting review stay out.
    publish_candidates(empty_site, False)
    run(empty_site, "build")
    assert len(page(empty_site, "index.html").select("article.event")) == 1
