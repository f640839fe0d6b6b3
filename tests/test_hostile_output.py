"""Hostile text in every field reaches pages, feeds, sitemap, JSON and JSON-LD only as
text: parsed back from every output file, it is data, never markup or script."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from builder.cli import main
from builder.markdown_text import is_safe_url
from tests.conftest import TinySite

TITLE = (
    'Shelling <script>alert("t")</script></script><!-- & "quotes" \'x\' ]]> '
    "<img src=x onerror=alert(1)>"
)
PUBLISHER = "Wire </title><script>alert('p')</script>"
TAG = '<b onmouseover="alert(1)">Aleppo</b>'
QUOTE = (
    'Witnesses said <script>alert("q")</script> & </textarea><svg onload=alert(1)> the convoy moved'
)
ARTICLE_URL = 'https://news.example/a?q="><script>alert(1)</script>&x=</script>'
SUMMARY = """\
The <script>alert("s")</script> convoy <img src=x onerror="alert(2)"> moved.
<a href="https://ok.example/" onclick="alert(3)" style="x">a link</a>
<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"></form>
<svg><script>alert(4)</script></svg> <math><mi xlink:href="https://e.example/">x</mi></math>
<style>body{display:none}</style> <object data="https://e.example/x"></object>
"""
SITE_TITLE = "Timeline </title><script>alert('site')</script>"


def yaml_text(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    site = TinySite(tmp_path_factory.mktemp("hostile") / "site-src")
    site.write(
        "timeline.toml",
        f"title = {yaml_text(SITE_TITLE)}\n"
        f"description = {yaml_text(TITLE)}\n"
        'base_url = "https://example.org/t/"\n',
    )
    site.source(
        "wire",
        f"---\ntitle: {yaml_text(TITLE)}\npublisher: {yaml_text(PUBLISHER)}\n"
        f"author: {yaml_text(TAG)}\nurl: {yaml_text(ARTICLE_URL)}\npublished: 2024-11-30\n"
        f"rights: full\n---\n{QUOTE}.\n\nA second <b>paragraph</b> ]]> with </script> text.\n",
    )
    site.event(
        "hostile",
        f"---\ndate: 2024-11-27\ntitle: {yaml_text(TITLE)}\ntags: [{yaml_text(TAG)}, Aleppo]\n"
        f"sources:\n  - source: wire\n    quote: {yaml_text(QUOTE)}\n---\n{SUMMARY}",
    )
    result = CliRunner().invoke(main, ["build", "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    return site.root / "site"


def output_files(folder: Path, suffix: str) -> list[Path]:
    return sorted(path for path in folder.rglob(f"*{suffix}") if "pagefind" not in path.parts)


def own_script(script, page: Path, site: Path) -> bool:
    """The site's own scripts: JSON-LD data, or a file of the site's static assets."""
    if script.get("type") == "application/ld+json":
        return True
    src = script.get("src")
    if src is None or script.string:
        return False
    target = (page.parent / src).resolve()
    return target.is_relative_to(site.resolve()) and target.exists()


def test_no_markup_from_the_input_in_any_page(hostile_site: Path) -> None:
    pages = output_files(hostile_site, ".html")
    assert len(pages) > 5
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            assert element.name not in {"iframe", "object", "embed", "form", "svg", "math"}
            assert element.name not in {"img", "style"}, page
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on"), (page, element)
                if name in {"href", "src", "action", "formaction", "xlink:href"}:
                    assert is_safe_url(value), (page, element)
        for script in soup.find_all("script"):
            assert own_script(script, page, hostile_site), (page, script)


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    event = BeautifulSoup(
        (hostile_site / "events/hostile.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert event.find("h1").get_text() == TITLE
    assert event.find("blockquote").get_text() == QUOTE
    tag_links = [a.get_text() for a in event.select("ul.tags a")]
    assert TAG in tag_links
    assert PUBLISHER in event.get_text()
    assert SITE_TITLE in event.find("title").get_text()
    summary = event.select_one(".summary")
    assert "convoy" in summary.get_text() and "alert" not in summary.get_text()
    assert [a["href"] for a in summary.find_all("a")] == ["https://ok.example/"]
    source = BeautifulSoup(
        (hostile_site / "sources/wire.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert QUOTE in source.find("mark").get_text()
    assert "A second <b>paragraph</b> ]]> with </script> text." in source.get_text()
    original = [
        a["href"] for a in source.find_all("a") if a.get_text() == "Read the original article"
    ]
    assert original == [ARTICLE_URL]


def test_json_ld_blocks_hold_hostile_text_as_data(hostile_site: Path) -> None:
    blocks = 0
    for page in output_files(hostile_site, ".html"):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script", type="application/ld+json"):
            raw = script.string or ""
            # Nothing inside may end the block or open an HTML comment in script data.
            assert "</script" not in raw.lower() and "<!--" not in raw, page
            json.loads(raw)
            blocks += 1
        if page.name == "hostile.html":
            data = [
                json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")
            ]
            assert TITLE in _strings(data) and TAG in _strings(data)
    assert blocks > 0


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*map(_strings, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_strings, value)) if value else set()
    return set()


def test_feeds_and_sitemap_parse_with_the_text_intact(hostile_site: Path) -> None:
    xml_files = output_files(hostile_site, ".xml")
    assert any(path.name == "sitemap.xml" for path in xml_files)
    texts: set[str] = set()
    for path in xml_files:
        root = ElementTree.parse(path).getroot()
        texts |= {element.text for element in root.iter() if element.text}
    assert QUOTE in " ".join(texts) or TITLE in texts
    feed = ElementTree.parse(hostile_site / "feed.xml").getroot()
    titles = {e.text for e in feed.iter() if e.tag.endswith("title")}
    assert TITLE in titles
    assert all("<script" not in (e.text or "") for e in feed.iter() if e.tag.endswith("link"))


def test_json_exports_parse_with_the_text_intact(hostile_site: Path) -> None:
    files = output_files(hostile_site, ".json")
    assert files
    found = set()
    for path in files:
        found |= _strings(json.loads(path.read_text(encoding="utf-8")))
    assert TITLE in found
    assert QUOTE in found


def test_every_output_path_stays_in_the_output_folder(hostile_site: Path) -> None:
    root = hostile_site.resolve()
    for path in hostile_site.rglob("*"):
        assert path.resolve().is_relative_to(root)
        assert "\\" not in path.name and "\x00" not in path.name
        assert len(path.name.encode("utf-8")) <= 255
