"""Shared fixtures: tiny sites built in a temporary folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def build_example_site(folder: Path) -> Path:
    """The repository's example site copied into `folder` and built; its output folder."""
    from builder.build import build

    shutil.copy(REPO / "timeline.toml", folder)
    shutil.copytree(REPO / "content", folder / "content")
    output = folder / "site"
    build(folder, output)
    return output


ARTICLE = """\
---
title: Rebels enter the city
publisher: Example Wire
url: https://news.example/rebels-enter
published: 2024-11-30
language: en
rights: full
---
BEIRUT (Example Wire) - Rebels entered the city on Saturday, a monitor said.

The offensive began on Wednesday, as a ceasefire took effect next door.

Western districts had been held by rebels until 2016.
"""

EVENT = """\
---
date: 2024-11-27
title: Offensive begins
tags: [Rebels, City]
status: reported
sources:
  - source: wire
    quote: The offensive began on Wednesday
---
The rebels **launched** their offensive.
"""


class TinySite:
    """A site folder with helpers to write content files into it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "content" / "sources").mkdir(parents=True)
        (root / "content" / "events").mkdir(parents=True)
        (root / "timeline.toml").write_text(
            'title = "Tiny timeline"\nbase_url = "https://example.org/t/"\n'
        )

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def source(self, name: str, text: str = ARTICLE) -> Path:
        return self.write(f"content/sources/{name}.md", text)

    def event(self, name: str, text: str = EVENT) -> Path:
        return self.write(f"content/events/{name}.md", text)


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    site = TinySite(tmp_path / "site-src")
    site.source("wire")
    site.event("offensive")
    return site


@pytest.fixture
def empty_site(tmp_path: Path) -> TinySite:
    return TinySite(tmp_path / "site-src")
