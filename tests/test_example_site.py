"""The example site built from the seed article: order, dates, links, determinism."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from builder.build import build
from tests.conftest import build_example_site

GOLDEN = Path(__file__).parent / "golden" / "index.html"


@pytest.fixture(scope="module")
def example_output(tmp_path_factory) -> Path:
    return build_example_site(tmp_path_factory.mktemp("example"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def entries(output: Path) -> list[dict]:
    page = soup(output / "index.html")
    found = []
    for article in page.select("article.event"):
        found.append(
            {
                "id": article["id"],
                "date": article.select_one(".event-date time")["datetime"],
                "shown": article.select_one(".event-date").get_text(" ", strip=True),
                "title": article.select_one(".event-title").get_text(strip=True),
                "status": article.select_one(".status").get_text(strip=True),
                "links": [a["href"] for a in article.select(".citations a")],
                "quotes": [q.get_text(strip=True) for q in article.select(".citations blockquote")],
            }
        )
    return found


def test_the_chronology_holds_the_required_events_in_date_order(example_output):
    found = entries(example_output)
    by_id = {entry["id"]: entry for entry in found}
    required = {
        "2024-11-27-offensive-launched": ("2024-11-27", "27 November 2024"),
        "2024-11-27-lebanon-ceasefire": ("2024-11-27", "27 November 2024"),
        "2016-aleppo-siege-evacuation": ("2016", "2016"),
        "2020-idlib-truce": ("2020", "Since 2020"),
        "2024-11-30-aleppo-airport-captured": ("2024-11-30", "30 November 2024"),
        "2024-11-30-hama-withdrawal-disputed": ("2024-11-30", "30 November 2024"),
    }
    for event_id, (iso, shown) in required.items():
        assert by_id[event_id]["date"] == iso
        assert by_id[event_id]["shown"] == shown
    order = [entry["id"] for entry in found]
    assert order.index("2016-aleppo-siege-evacuation") < order.index("2020-idlib-truce")
    assert order.index("2020-idlib-truce") < order.index("2024-11-27-offensive-launched")
    assert order.index("2024-11-27-offensive-launched") < order.index(
        "2024-11-30-aleppo-airport-captured"
    )
    dates = [entry["date"] for entry in found]
    assert dates == sorted(dates), "ISO values of one precision family sort as text"


def test_the_disputed_event_quotes_both_sides(example_output):
    hama = {e["id"]: e for e in entries(example_output)}["2024-11-30-hama-withdrawal-disputed"]
    assert hama["status"] == "disputed"
    assert len(hama["quotes"]) == 2
    assert any("denied" in quote for quote in hama["quotes"])


def test_every_citation_links_to_the_quoted_paragraph(example_output):
    for entry in entries(example_output):
        local_links = [link for link in entry["links"] if link.startswith("sources/")]
        assert len(local_links) == len(entry["quotes"])
        for link, quote in zip(local_links, entry["quotes"], strict=True):
            page, anchor = link.split("#")
            paragraph = soup(example_output / page).find(id=anchor)
            assert paragraph is not None, link
            text = paragraph.get_text(" ", strip=True)
            assert " ".join(quote.split()) in " ".join(text.split()), (link, quote)
            assert paragraph.find("mark") is not None


def test_the_seed_source_page_shows_the_full_text_without_a_url(example_output):
    page = soup(example_output / "sources" / "afp-aleppo-2024-11-30.html")
    paragraphs = page.select(".article-text p")
    assert len(paragraphs) > 40
    assert "No address is known for the original article." in page.get_text()
    assert not page.select('a[href^="http"]')


def test_each_event_tag_and_source_has_a_page(example_output):
    for entry in entries(example_output):
        assert (example_output / "events" / f"{entry['id']}.html").is_file()
    index = soup(example_output / "index.html")
    for link in index.select(".tags a"):
        assert (example_output / link["href"]).is_file()


def test_two_builds_are_byte_identical(example_output, tmp_path):
    site_dir = example_output.parent
    again = tmp_path / "again"
    build(site_dir, again)
    first = {
        p.relative_to(example_output): p.read_bytes()
        for p in example_output.rglob("*")
        if p.is_file()
    }
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_the_chronology_matches_the_reviewed_golden_file(example_output):
    """Refresh with `make golden` after a deliberate change, and review the diff."""
    rendered = (example_output / "index.html").read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert GOLDEN.exists(), "no golden file yet: run `make golden` and review it"
    assert rendered == GOLDEN.read_text(encoding="utf-8")
