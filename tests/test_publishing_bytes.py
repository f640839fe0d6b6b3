"""Feeds, the sitemap and the JSON exports keep the bytes of their first implementation
(tests/publishing_reference.py: ElementTree and json.dumps) on varied generated sites,
and the XML writer in builder.outputs writes what ElementTree writes."""

from __future__ import annotations

import functools
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.build import load_site, published_events
from builder.exports import exports, to_json
from builder.feeds import feed_outputs
from builder.outputs import xml_document, xml_element, xml_parent
from builder.render import page_jobs
from builder.sitemap import sitemap
from builder.views import site_view

from . import publishing_reference as reference
from .conftest import REPO

HOSTILE_SOURCE = """\
---
title: "Wire & Co's <b>report</b> \\"quoted\\"\\ton a tab"
publisher: "Wire & Co \\"Ltd\\" <i>"
published: 2024-12-02T09:30:00+02:00
url: "https://news.example/a?b=1&c=<2>"
author: "O'Brien"
language: ar
rights: full
---
The convoy reached حلب on 3 December 2024 & the "talks" <resumed>.

A second paragraph, dated 4 December 2024.
"""

HOSTILE_EVENT = """\
---
date: 2024-12-03
title: "Convoy & \\"talks\\" <b>of</b>\\tthe west bell"
tags: [حلب, "Rock & Roll", "<script>", "Quote \\"me\\""]
status: disputed
sources:
  - source: hostile
    quote: "The convoy reached حلب on 3 December 2024 & the \\"talks\\" <resumed>."
---
A summary with **markup**, an [address](https://example.org/?a=1&b=2) & a "quote".

A second paragraph: <i>escaped</i>, \\ backslash, tab\there.
"""

CONFIGS = {
    "addressed": 'title = "Varied & <odd> \\"site\\""\n'
    'description = "A description & more <b>"\n'
    'language = "en"\nbase_url = "https://example.org/var/"\nfeed_entries = 7\n',
    "no-address": 'title = "No address"\nfeed_entries = 0\n',
    "candidates": 'title = "Candidates"\nbase_url = "https://example.org/c"\n'
    "publish_candidates = true\nfeed_entries = 5\n",
}


def varied_site(root: Path, config: str, seed: int) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from sitegen import generate_site

    generate_site(root, 40, seed=seed)
    (root / "timeline.toml").write_text(config, encoding="utf-8")
    (root / "content" / "sources" / "hostile.md").write_text(HOSTILE_SOURCE, encoding="utf-8")
    (root / "content" / "events" / "hostile.md").write_text(HOSTILE_EVENT, encoding="utf-8")
    return root


@pytest.mark.parametrize(("name", "seed"), [("addressed", 3), ("no-address", 4), ("candidates", 5)])
def test_publishing_outputs_are_the_reference_bytes(tmp_path, name, seed):
    loaded = load_site(varied_site(tmp_path / name, CONFIGS[name], seed))
    config = loaded.config
    view = site_view(published_events(loaded, workers=1), config.zone)
    assert any(event.title.startswith("Convoy") for event in view.events)

    outputs = feed_outputs(view, config)
    assert len(outputs) == len(view.tags) + 1
    for output in outputs:
        make = output.make
        assert isinstance(make, functools.partial)
        keywords = {key: make.keywords[key] for key in ("path", "title", "page")}
        assert make() == reference.atom_feed(*make.args, **keywords), output.path

    pages = [job.path for job in page_jobs(view, config)]
    pages += ["tags/حلب & co.html", "a b/<c>.html", "years/index.html"]
    if config.base_url:
        written = sitemap(pages, config)["sitemap.xml"]
        expected = tuple(sorted(p for p in pages if p.endswith(".html")))
        assert written == reference.sitemap(expected, config)
    else:
        assert sitemap(pages, config) == {}

    files = exports(view, config)
    assert files["timeline.json"] == reference.timeline_json(view, config)
    assert files["timelinejs.json"] == reference.timelinejs_json(view, config)


def _tree(children: list[tuple[str, str, dict[str, str]]], nested: bool) -> ET.Element:
    root = ET.Element("root", {"xmlns": "urn:x"})
    parent = ET.SubElement(root, "parent") if nested else root
    for name, text, attributes in children:
        ET.SubElement(parent, name, attributes).text = text or None
    return root


# Any text at all, lone surrogates included (both sides write them as references).
_TEXT = st.text(st.characters(exclude_categories=()), max_size=30)
_CHILD = st.tuples(
    st.sampled_from(["a", "b", "link"]), _TEXT, st.dictionaries(st.sampled_from("xyz"), _TEXT)
)


@given(st.lists(_CHILD, max_size=5), st.booleans())
def test_the_xml_writer_writes_what_elementtree_writes(children, nested) -> None:
    tree = _tree(children, nested)
    ET.indent(tree)
    expected = ET.tostring(tree, encoding="utf-8", xml_declaration=True) + b"\n"
    elements = [xml_element(name, text, attributes) for name, text, attributes in children]
    if nested:
        elements = [xml_parent("parent", elements, 1)]
    assert xml_document("root", elements, {"xmlns": "urn:x"}) == expected


def test_an_export_whose_events_are_unchanged_is_kept(tiny_site, tmp_path, monkeypatch):
    """A new article that no event cites changes timeline.json (it lists sources) but
    not timelinejs.json, which the rebuild keeps without making it."""
    from builder import exports as exports_module
    from builder.build import build

    from .conftest import ARTICLE

    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    names = ("timeline.json", "timelinejs.json")
    before = {name: (output / name).stat().st_ino for name in names}
    tiny_site.source("uncited", ARTICLE.replace("Rebels enter the city", "Another article"))
    made = []
    make = exports_module._timelinejs_json
    monkeypatch.setattr(exports_module, "_timelinejs_json", lambda *a: made.append(1) or make(*a))
    build(tiny_site.root, output, workers=1)
    assert not made
    after = {name: (output / name).stat().st_ino for name in names}
    assert after["timelinejs.json"] == before["timelinejs.json"]
    assert after["timeline.json"] != before["timeline.json"]
    assert "Another article" in (output / "timeline.json").read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    build(tiny_site.root, clean, clean=True, workers=1)
    for name in names:
        assert (output / name).read_bytes() == (clean / name).read_bytes()


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(exclude_categories=())),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


@given(_JSON, st.integers(0, 3))
def test_the_json_writer_writes_what_json_dumps_writes(value, level) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    if level:  # a value written deeper is indented further after each of its newlines
        expected = expected.replace("\n", "\n" + "  " * level)
    assert to_json(value, level) == expected


@pytest.mark.parametrize(("name", "seed"), [("addressed", 6), ("candidates", 7)])
def test_feeds_take_the_newest_events_from_the_end_of_the_views_order(tmp_path, name, seed):
    """A view lists events oldest first: the newest of the site and of each tag are its
    last ones, unreviewed candidates left out, as ranking them all finds them."""
    from builder.feeds import _latest, newest

    loaded = load_site(varied_site(tmp_path / name, CONFIGS[name], seed))
    view = site_view(published_events(loaded, workers=1), loaded.config.zone)
    assert any(event.unreviewed for event in view.events) == (name == "candidates")
    for events in [view.events, *(tag.events for tag in view.tags)]:
        for limit in (0, 1, 3, 1000):
            reviewed = [event for event in events if not event.unreviewed]
            assert _latest(events, limit) == tuple(newest(reviewed, limit))
