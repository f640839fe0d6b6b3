"""Static search: a Pagefind index of the event and source pages, made before publication.

Pagefind indexes the HTML pages of the new site in a scratch folder; its bundle (the
index and the search UI's scripts) joins the site's files, so it is published in the same
atomic step as the pages it describes. The binary comes with the `pagefind[bin]` package,
a dependency of timeline. A site turns search off with `search = false` in timeline.toml;
with search on and no binary, the build fails and says how to fix it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import click

from builder.config import SiteConfig

BUNDLE_DIR = "pagefind"
TIMEOUT_SECONDS = 300


class SearchIndexError(click.ClickException):
    exit_code = 1


def pagefind_binary() -> str:
    """The Pagefind executable: the one shipped by pagefind[bin], else one on PATH."""
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError):
        pass
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    if found is None:
        raise SearchIndexError(
            "search is on but the Pagefind binary was not found: "
            "install it with `pip install 'pagefind[bin]'`, or set `search = false` "
            "in timeline.toml to build without search"
        )
    return found


def search_index(
    pages: Mapping[str, object], published: Path, config: SiteConfig
) -> dict[str, bytes]:
    """The Pagefind bundle for `pages`, by output path ({} when search is off).

    A page given as bytes is indexed as it is; any other value means "unchanged since the
    last build", and its bytes are read from the published site in `published`.
    """
    if not config.search:
        return {}
    binary = pagefind_binary()
    with tempfile.TemporaryDirectory(prefix="timeline-search-") as scratch:
        root = Path(scratch)
        for relative, content in pages.items():
            if not relative.endswith(".html"):
                continue
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                shutil.copyfile(published / relative, target)
        _run(binary, root)
        bundle = root / BUNDLE_DIR
        return {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*"))
            if path.is_file()
        }


def _run(binary: str, site: Path) -> None:
    command = [binary, "--site", str(site), "--output-subdir", BUNDLE_DIR, "--silent"]
    try:
        subprocess.run(
            command, check=True, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or error.stdout or "").strip()
        raise SearchIndexError(f"Pagefind failed to index the site: {detail}") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Pagefind could not run ({binary}): {error}") from None
