"""JSON exports: our own schema (docs/json-export.md) and TimelineJS3's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.build import build
from builder.dates import PartialDate
from builder.exports import SCHEMA_VERSION, timelinejs_date

EVENTS = {
    "year": """\
---
date: 2016
title: A year <i>only</i>
tags: [Army, City]
status: confirmed
sources:
  - source: wire
    quote: Western districts had been held by rebels until 2016.
---
Known to the year.
""",
    "month": """\
---
date: 2016-12
end: 2017-01
title: A month, to the next month
status: disputed
sources:
  - source: wire
    quote: Western districts had been held
---
Known to the month.
""",
    "since": """\
---
date: 2020
ongoing: true
title: Ongoing since a year
tags: [Truce]
status: reported
sources:
  - source: wire
    quote: until 2016
---
Still going.
""",
    "timed": """\
---
date: 2024-11-30T15:00+02:00
title: At a time
tags: [City]
status: reported
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
---
At a time of day.
""",
}


@pytest.fixture
def built(tiny_site, tmp_path) -> Path:
    for name, text in EVENTS.items():
        tiny_site.event(name, text)
    output = tmp_path / "out"
    build(tiny_site.root, output)
    return output


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_timeline_json_keeps_every_date_at_its_precision(built):
    document = load(built / "timeline.json")
    assert document["version"] == SCHEMA_VERSION
    assert document["title"] == "Tiny timeline"
    assert document["url"] == "https://example.org/t/"
    events = {event["id"]: event for event in document["events"]}
    assert [event["id"] for event in document["events"]] == [
        "year",
        "month",
        "since",
        "offensive",
        "timed",
    ]
    assert (events["year"]["date"], events["year"]["precision"]) == ("2016", "year")
    assert events["month"]["end"] == {"date": "2017-01", "precision": "month"}
    assert events["since"]["ongoing"] is True and events["since"]["end"] is None
    assert events["since"]["display_date"] == "Since 2020"
    timed = events["timed"]
    assert (timed["date"], timed["precision"]) == ("2024-11-30T13:00Z", "minute")
    assert events["month"]["status"] == "disputed"


def test_timeline_json_carries_tags_quotes_and_links(built):
    document = load(built / "timeline.json")
    offensive = next(e for e in document["events"] if e["id"] == "offensive")
    assert offensive["url"] == "https://example.org/t/events/offensive.html"
    assert offensive["tags"] == [
        {"name": "Rebels", "slug": "rebels"},
        {"name": "City", "slug": "city"},
    ]
    assert "<strong>launched</strong>" in offensive["summary_html"]
    [citation] = offensive["sources"]
    assert citation["source"] == "wire"
    assert citation["quote"] == "The offensive began on Wednesday"
    assert citation["article_url"].startswith("https://news.example/rebels-enter#:~:text=")
    assert citation["page"] == "https://example.org/t/sources/wire.html#p2"
    [source] = document["sources"]
    assert source["id"] == "wire"
    assert source["publisher"] == "Example Wire"
    assert source["url"] == "https://news.example/rebels-enter"
    assert source["published"] == "2024-11-30"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016", {"year": 2016}),
        ("2016-12", {"year": 2016, "month": 12}),
        ("2016-12-22", {"year": 2016, "month": 12, "day": 22}),
        ("2016-12-22T15:05Z", {"year": 2016, "month": 12, "day": 22, "hour": 15, "minute": 5}),
    ],
)
def test_timelinejs_dates_name_only_the_known_parts(value, expected):
    assert timelinejs_date(PartialDate.parse(value)) == expected


def test_timelinejs_json_has_a_title_slide_and_one_slide_per_event(built):
    document = load(built / "timelinejs.json")
    assert document["title"]["text"]["headline"] == "Tiny timeline"
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert len(slides) == len(document["events"]) == 5
    year = slides["year"]
    assert year["start_date"] == {"year": 2016}
    assert "end_date" not in year
    assert year["group"] == "Army"
    assert year["text"]["headline"] == "A year &lt;i&gt;only&lt;/i&gt;"
    assert "Known to the year." in year["text"]["text"]
    assert slides["month"]["end_date"] == {"year": 2017, "month": 1}
    assert "group" not in slides["month"]
    assert slides["since"]["display_date"] == "Since 2020"
    assert "end_date" not in slides["since"]
    timed = slides["timed"]
    assert timed["start_date"] == {"year": 2024, "month": 11, "day": 30, "hour": 13, "minute": 0}
    assert timed["display_date"] == "30 November 2024, 13:00 UTC"


def test_exports_are_byte_identical_across_builds(built, tiny_site, tmp_path):
    again = tmp_path / "again"
    build(tiny_site.root, again)
    for name in ("timeline.json", "timelinejs.json"):
        assert (again / name).read_bytes() == (built / name).read_bytes()


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [{}], "d": None},
        [1, -0.5, 10**20, True, False, None, 'é "quoted" \\ \n\t\u2028 <\x01>'],
        {"nested": {"deeper": [[1, [2, {"x": "y"}]]]}},
    ],
)
def test_to_json_writes_what_json_dumps_writes(value):
    from builder.exports import to_json

    assert to_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_fast_writer_gives_json_dumps_bytes_for_a_whole_export(built):
    for name in ("timeline.json", "timelinejs.json"):
        text = (built / name).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_the_items_of_an_export_are_found_again_in_its_text(built):
    from builder.exports import _items, to_json

    for name, id_key in (("timeline.json", "id"), ("timelinejs.json", "unique_id")):
        data = (built / name).read_bytes()
        document = json.loads(data)
        keys = ("events", "sources") if name == "timeline.json" else ("events",)
        found = _items(data, keys, id_key)
        for key in keys:
            expected = {
                to_json(item[id_key]).encode(): to_json(item, 2).encode() for item in document[key]
            }
            assert {id_: data[start:end] for id_, (start, end) in found[key].items()} == expected
            assert expected


def test_an_edit_rewrites_the_exports_as_a_clean_build_would(built, tiny_site, tmp_path):
    """Unchanged events' JSON comes from the last export; the bytes are a clean build's."""
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    text = (tiny_site.root / "content" / "events" / "year.md").read_text()
    tiny_site.event("year", text.replace("Known to the year.", "Known to the year, edited."))
    build(tiny_site.root, output, workers=1)
    clean = tmp_path / "clean"
    build(tiny_site.root, clean, clean=True, workers=1)
    for name in ("timeline.json", "timelinejs.json"):
        assert (output / name).read_bytes() == (clean / name).read_bytes()
        assert "edited" in (output / name).read_text(encoding="utf-8")


def test_a_rebuild_finds_unchanged_items_where_the_last_build_noted_them(tmp_path):
    """The exports are not searched for their items: the last build noted where they
    are. Unchanged items that follow each other are taken as one run of bytes; an edited,
    added or removed item breaks a run. The bytes are those of a clean build."""
    import sys
    from unittest import mock

    import builder.exports

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import add_source, edit_event, generate_site

    site = tmp_path / "s"
    generate_site(site, 40, seed=8)
    output = site / "site"
    build(site, output, workers=1)
    edit_event(site, 5, "Edited.")
    add_source(site, 40)
    (site / "content" / "events" / "e000020.md").unlink()
    runs: list[int] = []
    fragments = builder.exports._OldExport.fragments

    def counted(self, key, items, make):
        made = fragments(self, key, items, make)
        runs.append(sum(isinstance(piece, memoryview) for piece in made))
        return made

    with (
        mock.patch.object(builder.exports, "_items", side_effect=AssertionError("searched")),
        mock.patch.object(builder.exports._OldExport, "fragments", counted),
    ):
        build(site, output, workers=1)
    assert runs and all(0 < count <= 8 for count in runs)  # of 40 items or more
    clean = tmp_path / "clean"
    build(site, clean, clean=True, workers=1)
    for name in ("timeline.json", "timelinejs.json"):
        assert (output / name).read_bytes() == (clean / name).read_bytes()


def test_an_item_not_where_it_was_noted_is_made_anew(built):
    """A place that does not hold the item (as a note from another file would not) is
    not used: the item's JSON is made again."""
    from builder.exports import _OldExport, to_json

    data = (built / "timeline.json").read_bytes()
    document = json.loads(data)
    from builder.exports import _items

    places = _items(data, ("events",))["events"]
    shifted = {written: (start + 1, end + 1) for written, (start, end) in places.items()}

    class Unchanged:
        def page_unchanged(self, url: str) -> bool:
            return True

    class Item:
        def __init__(self, item: dict) -> None:
            self.id, self.url, self.item = item["id"], item["url"], item

    items = tuple(Item(item) for item in document["events"])
    for noted, runs in ((places, 1), (shifted, 0)):
        old = _OldExport(Unchanged(), data, {"events": noted}, "id")  # type: ignore[arg-type]
        made = old.fragments("events", items, lambda item: item.item)  # type: ignore[arg-type]
        assert sum(isinstance(piece, memoryview) for piece in made) == runs
        assert b",\n    ".join(bytes(piece) for piece in made) == b",\n    ".join(
            to_json(item, 2).encode() for item in document["events"]
        )
