"""Shared fixtures: tiny sites built in a temporary folder."""

from __future__ import annotations

import functools
import http.server
import shutil
import textwrap
import threading
from collections.abc import Iterator
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


class _FolderHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; /go/NAME redirects to /NAME, as a feed's link tracker does."""

    def do_GET(self) -> None:
        if self.path.startswith("/go/"):
            self.send_response(302)
            self.send_header("Location", "/" + self.path[len("/go/") :])
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A web server on 127.0.0.1 serving a folder: (base address, folder)."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(_FolderHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()
