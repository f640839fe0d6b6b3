"""`timeline init`: a new site folder with a config and a small sample to start from."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import click

from builder.problems import Problems

FILES = {
    "timeline.toml": """\
title = "{title}"
description = "How the story unfolded, every entry linked to its sources."
base_url = "https://example.org/timeline/"
language = "en"
timezone = "UTC"
publish_candidates = false
""",
    ".gitignore": "/site/\n/.timeline-cache/\n",
    "content/sources/sample-article.md": """\
---
title: "Sample article: the bridge reopens"
publisher: Sample Gazette
published: 2025-03-14
language: en
rights: full
---
RIVERTON (Sample Gazette) - The old bridge reopened to traffic on Thursday after two years
of repairs, the city said.

Work began in March 2023, when inspectors found cracks in two of its piers.

This article is a sample written for a new timeline site. Replace it with your own sources.
""",
    "content/events/2025-03-13-bridge-reopens.md": """\
---
date: 2025-03-13
title: The old bridge reopens
tags: [Riverton, infrastructure]
status: reported
sources:
  - source: sample-article
    quote: The old bridge reopened to traffic on Thursday after two years of repairs
---
The city reopened the bridge after **two years** of repairs.
""",
    "content/events/2023-03-bridge-repairs-begin.md": """\
---
date: 2023-03
title: Repairs begin after inspectors find cracks
tags: [Riverton, infrastructure]
status: reported
sources:
  - source: sample-article
    quote: Work began in March 2023, when inspectors found cracks in two of its piers.
---
Inspectors found cracks in two piers; the article gives the month only.
""",
}


def create_site(folder: Path, title: str) -> list[Path]:
    """Write the sample site into `folder`, which must be new or empty."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise click.ClickException(
            f"{folder}: already exists and is not empty; choose a new folder"
        )
    written = []
    for relative, text in FILES.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("{title}", title.replace('"', "'")), encoding="utf-8")
        written.append(path)
    return written


SAMPLE_BASE_URL = "https://example.org/timeline/"


def warn_sample_left(
    site_dir: Path, source_ids: Collection[str], base_url: str | None, problems: Problems
) -> None:
    """Name what `timeline init` wrote that is still as it wrote it (the sample article
    and events, the example.org address) once the site has articles of its own: it would
    be published with the story."""
    if not set(source_ids) - {_SAMPLE_SOURCE}:
        return
    if base_url == SAMPLE_BASE_URL:
        problems.warn(
            site_dir / "timeline.toml",
            _line_of(FILES["timeline.toml"], "base_url"),
            f"base_url is still {SAMPLE_BASE_URL}, the address `timeline init` wrote: "
            "the feeds, sitemap and links to each page point there; set it to where the "
            "site is published",
        )
    if _SAMPLE_SOURCE not in source_ids:
        return
    for relative, text in FILES.items():
        path = site_dir / relative
        if not relative.startswith("content/"):
            continue
        try:
            unchanged = path.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            continue
        if unchanged:
            problems.warn(
                path,
                1,
                "the sample `timeline init` wrote, unchanged: it is published with your "
                "story; delete it",
            )


_SAMPLE_SOURCE = "sample-article"


def _line_of(text: str, key: str) -> int:
    """The line of `text` that sets `key`."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.startswith(key))
