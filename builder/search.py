"""Static search: a Pagefind index of the event and source pages, made before publication.

Pagefind indexes the HTML pages of the new site in a scratch folder (the pages kept from
the last build hard-linked into it, not copied); its bundle (the
index and the search UI's scripts) joins the site's files, so it is published in the same
atomic step as the pages it describes. The binary comes with the `pagefind[bin]` package,
a dependency of timeline. A site turns search off with `search = false` in timeline.toml;
with search on and no binary, the build fails and says how to fix it.

Once any page holds `data-pagefind-body` (the event and source pages do), Pagefind
indexes only such pages; it is pointed at the folders holding them, and spends no time
reading the chronology, tag and index pages, which list every event again.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import click

from builder.cache import file_digest
from builder.config import SiteConfig
from builder.rerender import Kept, Page, PageCache, Spooled

BUNDLE_DIR = "pagefind"
TIMEOUT_SECONDS = 300
_BODY = b"data-pagefind-body"
_GLOB_SYNTAX = frozenset("[]{}*?,!\\")
# A start tag up to one of its attributes: its name, then attributes (values quoted or
# not), then the space before the attribute. Our pages escape "<" in attribute values.
_TAG_BEFORE_ATTRIBUTE = re.compile(
    rb"<[a-zA-Z][^\s/>]*"
    rb"""(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*"""
    rb"\s+\Z"
)


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
    pages: Mapping[str, Page],
    published: Path,
    config: SiteConfig,
    cache: PageCache | None = None,
    spool: Path | None = None,
) -> dict[str, Page]:
    """The Pagefind bundle for `pages`, by output path ({} when search is off).

    A page given as bytes, or spooled to a file, is indexed as it is; a `Kept` page is
    unchanged since the last build, and its bytes are read from the published site in
    `published`. When no page changed, none came or went and the last bundle is intact,
    that bundle is kept (`Kept`) without running Pagefind.

    With a `spool` folder (on the output's file system), Pagefind works in it and its
    files are handed on where they are (`Spooled`, for the write stage to link), not
    read into memory: a large site's bundle is tens of thousands of files.
    """
    if not config.search:
        return {}
    html = sorted(path for path in pages if path.endswith(".html"))
    kept = _kept_bundle(pages, html, published, cache)
    if kept is not None:
        return kept
    binary = pagefind_binary()
    if spool is not None:
        # The spool holds the rendered pages at their paths: the others join them there.
        _index(binary, spool, pages, html, published)
        return _spooled_bundle(spool, cache)
    with _scratch_folder(published) as scratch:
        root = Path(scratch)
        _index(binary, root, pages, html, published)
        return {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted((root / BUNDLE_DIR).rglob("*"))
            if path.is_file()
        }


def _index(
    binary: str, root: Path, pages: Mapping[str, Page], html: list[str], published: Path
) -> None:
    """The `html` pages put in `root` (linked where they are files already) and indexed
    there, the bundle in `root`/pagefind. Only the folders holding pages Pagefind will
    index are given to it (see _indexed_folders)."""
    glob = None
    indexed = _indexed_folders(pages, html, published)
    if indexed is not None:
        html = [relative for relative in html if os.path.dirname(relative) in indexed]
        patterns = sorted(f"{folder}/*.html" if folder else "*.html" for folder in indexed)
        glob = patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"
    folders: set[Path] = set()
    for relative in html:
        content = pages[relative]
        target = root / relative
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if isinstance(content, bytes):
            target.write_bytes(content)
        elif isinstance(content, Spooled):
            if Path(content.file) != target:
                _link_or_copy(Path(content.file), target)
        else:
            _link_or_copy(published / relative, target)
    _run(binary, root, glob)


def _indexed_folders(
    pages: Mapping[str, Page], html: list[str], published: Path
) -> set[str] | None:
    """The folders (relative to the site, "" for its root) of the pages holding
    data-pagefind-body, the only pages Pagefind indexes when there are any; None when
    there are none (Pagefind indexes every page then), or when a folder's name could not
    be written in Pagefind's --glob. Its other pages in those folders it reads and skips.
    """
    folders: set[str] = set()
    for relative in html:
        folder = os.path.dirname(relative)
        if folder in folders:
            continue
        if _marks_body(_page_bytes(pages[relative], published / relative)):
            folders.add(folder)
    if not folders or any(_GLOB_SYNTAX.intersection(folder) for folder in folders):
        return None
    return folders


def _marks_body(page: bytes) -> bool:
    """True when a tag of `page` has the data-pagefind-body attribute (not when the
    words are only in its text, or in an attribute's value). Attribute names are not
    case-sensitive in HTML."""
    page = page.lower()
    start = page.find(_BODY)
    while start >= 0:
        end = start + len(_BODY)
        if page[end : end + 1] in (b"", b" ", b"\t", b"\n", b"\r", b"\f", b"/", b">", b"="):
            tag = page.rfind(b"<", 0, start)
            if tag >= 0 and _TAG_BEFORE_ATTRIBUTE.match(page, tag, start):
                return True
        start = page.find(_BODY, end)
    return False


def _page_bytes(content: Page, published: Path) -> bytes:
    if isinstance(content, bytes):
        return content
    try:
        return Path(content.file if isinstance(content, Spooled) else published).read_bytes()
    except OSError:
        return b""  # linked or copied later, which reports the problem


def _spooled_bundle(root: Path, cache: PageCache | None) -> dict[str, Page]:
    """The bundle's files as they lie in `root`, each file's digest told to the cache."""
    bundle: dict[str, Page] = {}
    for path in sorted((root / BUNDLE_DIR).rglob("*")):
        if path.is_file():
            relative = path.relative_to(root).as_posix()
            if cache is not None:
                cache.digests[relative] = file_digest(path.read_bytes())
            bundle[relative] = Spooled(str(path), path.stat())
    return bundle


def _kept_bundle(
    pages: Mapping[str, Page], html: list[str], published: Path, cache: PageCache | None
) -> dict[str, bytes | Kept] | None:
    """The last build's bundle, kept, when it indexed exactly these unchanged pages."""
    if cache is None or not all(isinstance(pages[path], Kept) for path in html):
        return None
    bundle = sorted(path for path in cache.previous if path.startswith(BUNDLE_DIR + "/"))
    before = sorted(
        path for path in cache.previous if path.endswith(".html") and path not in bundle
    )
    if not bundle or before != html:
        return None
    if not all(cache.previous[path].still_there(published / path) for path in bundle):
        return None
    return {path: Kept(path) for path in bundle}


def _scratch_folder(published: Path) -> tempfile.TemporaryDirectory:
    """A scratch folder beside the site, so that unchanged pages can be hard-linked into
    it (named so that the next build clears it if this one is killed)."""
    if published.parent.is_dir():
        return tempfile.TemporaryDirectory(
            prefix=f".{published.name}.new-search-", dir=published.parent
        )
    return tempfile.TemporaryDirectory(prefix="timeline-search-")


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _run(binary: str, site: Path, glob: str | None = None) -> None:
    command = [binary, "--site", str(site), "--output-subdir", BUNDLE_DIR, "--silent"]
    if glob is not None:
        command += ["--glob", glob]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or error.stdout or "").strip()
        raise SearchIndexError(f"Pagefind failed to index the site: {detail}") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Pagefind could not run ({binary}): {error}") from None
