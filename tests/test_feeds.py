"""Atom feeds: parse cleanly in feedparser, follow RFC 4287, stay the same across rebuilds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from builder.build import build

ATOM = "{http://www.w3.org/2005/Atom}"

SECOND_EVENT = """\
---
date: 2016
title: Siege & evacuation <b>of</b> the west
tags: [City, Army]
status: confirmed
sources:
  - source: wire
    quote: Western districts had been held by rebels until 2016.
---
An earlier event.
"""

LATER_SOURCE = """\
---
title: A later dispatch
publisher: Other Wire
published: 2024-12-02T09:30:00+02:00
rights: excerpts
---
Rebels entered the city on Saturday, a monitor said again.
"""

LATER_EVENT = """\
---
date: 2024-11-30
title: Rebels enter the city
tags: [City]
status: reported
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
  - source: later
    quote: a monitor said again
---
They entered.
"""


@pytest.fixture
def built(tiny_site, tmp_path) -> Path:
    tiny_site.event("siege", SECOND_EVENT)
    tiny_site.source("later", LATER_SOURCE)
    tiny_site.event("enter", LATER_EVENT)
    output = tmp_path / "out"
    build(tiny_site.root, output)
    return output


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_the_site_feed_parses_and_lists_events_newest_first(built):
    parsed = parse(built / "feed.xml")
    assert parsed.feed.title == "Tiny timeline"
    assert parsed.feed.id == "https://example.org/t/feed.xml"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {
        "self": "https://example.org/t/feed.xml",
        "alternate": "https://example.org/t/",
    }
    assert [entry.id for entry in parsed.entries] == [
        "https://example.org/t/events/enter.html",
        "https://example.org/t/events/offensive.html",
        "https://example.org/t/events/siege.html",
    ]
    siege = parsed.entries[2]
    assert siege.title == "Siege & evacuation <b>of</b> the west"
    assert siege.link == "https://example.org/t/events/siege.html"
    assert [tag.term for tag in siege.tags] == ["city", "army"]
    assert "Western districts had been held" in siege.content[0].value
    assert siege.summary.startswith("2016: An earlier event")


def test_every_required_rfc4287_element_is_there(built):
    feed = ET.parse(built / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    for entry in feed.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "link", "summary", "content"):
            assert entry.find(f"{ATOM}{name}") is not None, name


def test_updated_comes_from_the_newest_cited_article_not_the_clock(built):
    parsed = parse(built / "feed.xml")
    by_id = {entry.id.rsplit("/", 1)[1]: entry.updated for entry in parsed.entries}
    assert by_id["siege.html"] == "2024-11-30T00:00:00Z"
    assert by_id["enter.html"] == "2024-12-02T07:30:00Z", "the later article, in UTC"
    assert parsed.feed.updated == "2024-12-02T07:30:00Z"


def test_one_feed_per_tag_with_only_its_events(built):
    army = parse(built / "tags" / "army.xml")
    assert [entry.id for entry in army.entries] == ["https://example.org/t/events/siege.html"]
    assert army.feed.title == "Army · Tiny timeline"
    links = {link.rel: link.href for link in army.feed.links}
    assert links["self"] == "https://example.org/t/tags/army.xml"
    assert links["alternate"] == "https://example.org/t/tags/army.html"
    city = parse(built / "tags" / "city.xml")
    assert len(city.entries) == 3


def test_pages_announce_their_feeds(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in index and 'href="feed.xml"' in index
    tag_page = (built / "tags" / "army.html").read_text(encoding="utf-8")
    assert 'href="../tags/army.xml"' in tag_page


def test_ids_and_bytes_survive_a_rebuild_and_a_new_event(built, tiny_site, tmp_path):
    before = parse(built / "feed.xml")
    again = tmp_path / "again"
    build(tiny_site.root, again)
    assert (again / "feed.xml").read_bytes() == (built / "feed.xml").read_bytes()
    tiny_site.event("zz-extra", SECOND_EVENT.replace("Siege", "Another siege"))
    build(tiny_site.root, again)
    after = parse(again / "feed.xml")
    assert {e.id for e in before.entries} < {e.id for e in after.entries}


def test_a_site_without_base_url_gets_stable_urn_ids(tiny_site, tmp_path):
    (tiny_site.root / "timeline.toml").write_text('title = "No address"\n')
    first, second = tmp_path / "a", tmp_path / "b"
    build(tiny_site.root, first)
    build(tiny_site.root, second)
    parsed = parse(first / "feed.xml")
    assert parsed.feed.id.startswith("urn:uuid:")
    assert parsed.entries[0].id.startswith("urn:uuid:")
    assert parsed.entries[0].link == "events/offensive.html"
    assert (first / "feed.xml").read_bytes() == (second / "feed.xml").read_bytes()


def test_an_empty_site_still_has_a_valid_feed(empty_site, tmp_path):
    output = tmp_path / "out"
    build(empty_site.root, output)
    parsed = parse(output / "feed.xml")
    assert parsed.entries == []
    assert parsed.feed.updated == "1970-01-01T00:00:00Z"


def test_feeds_hold_the_newest_feed_entries_events(built, tiny_site, tmp_path):
    (tiny_site.root / "timeline.toml").write_text(
        'title = "Tiny timeline"\nbase_url = "https://example.org/t/"\nfeed_entries = 2\n'
    )
    output = tmp_path / "bounded"
    build(tiny_site.root, output)
    parsed = parse(output / "feed.xml")
    assert [entry.id.rsplit("/", 1)[1] for entry in parsed.entries] == [
        "enter.html",
        "offensive.html",
    ]
    assert parsed.feed.updated == "2024-12-02T07:30:00Z"
    assert len(parse(output / "tags" / "city.xml").entries) == 2
    (tiny_site.root / "timeline.toml").write_text(
        'title = "Tiny timeline"\nbase_url = "https://example.org/t/"\nfeed_entries = 0\n'
    )
    build(tiny_site.root, output)
    assert len(parse(output / "feed.xml").entries) == 3


def test_a_negative_feed_entries_is_an_error(tiny_site, tmp_path):
    from builder.problems import ContentError

    (tiny_site.root / "timeline.toml").write_text('title = "T"\nfeed_entries = -1\n')
    with pytest.raises(ContentError, match="feed_entries"):
        build(tiny_site.root, tmp_path / "out")


def test_an_edit_remakes_only_the_feeds_showing_the_event(built, tiny_site):
    """Feeds whose newest entries did not change are kept from the last build, untouched."""
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    before = {p.name: p.stat().st_ino for p in (output / "tags").glob("*.xml")}
    site_feed = (output / "feed.xml").stat().st_ino
    text = (tiny_site.root / "content" / "events" / "siege.md").read_text()
    tiny_site.event("siege", text.replace("An earlier event.", "An earlier event, edited."))
    build(tiny_site.root, output, workers=1)
    after = {p.name: p.stat().st_ino for p in (output / "tags").glob("*.xml")}
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"army.xml", "city.xml"}  # the tags of the edited event
    assert (output / "feed.xml").stat().st_ino != site_feed


@pytest.mark.parametrize("seed", [4, 5])
def test_bounded_feeds_stay_those_of_a_clean_build(empty_site, tmp_path, seed):
    """Random edits with two entries per feed: every rebuild writes a clean build's bytes."""
    from .test_incremental import RandomEditor, clean_build_of, tree

    config = 'title = "Bounded"\nbase_url = "https://example.org/b/"\nfeed_entries = 2\n'
    (empty_site.root / "timeline.toml").write_text(config)
    editor = RandomEditor(empty_site, seed)
    for _ in range(4):
        editor.add_event()
    output = empty_site.root / "site"
    build(empty_site.root, output, workers=1)
    for step in range(10):
        action = editor.rng.choice(
            [
                editor.add_event,
                editor.edit_event,
                editor.delete_event,
                editor.edit_source,
                editor.add_source,
            ]
        )
        action()
        build(empty_site.root, output, workers=1)
        expected = clean_build_of(empty_site.root, tmp_path / "clean")
        assert tree(output) == expected, f"seed {seed}, step {step}: after {action.__name__}"
