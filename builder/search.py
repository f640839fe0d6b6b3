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

Pagefind cannot update an index: it reads every page it is given, about a millisecond
each. So a site of more than SPLIT_ABOVE pages to index is indexed in parts, each page
in the part its path hashes to, each part a bundle of its own (`pagefind/part-03/`):
a new article or an edit indexes again only the parts holding the pages it changed. The
search box loads every part and merges their results (Pagefind's mergeIndex); the
bundles it loads are listed in PARTS_FILE.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from builder.cache import file_digest
from builder.config import SiteConfig
from builder.rerender import Kept, Page, PageCache, Spooled

BUNDLE_DIR = "pagefind"
# The bundles of the site's search, for static/search.js: {"bundles": ["pagefind/"]}.
PARTS_FILE = "pagefind-parts.json"
TIMEOUT_SECONDS = 300
# Above this many pages to index, the index is made in parts of about PAGES_PER_PART
# pages: a power of two of them, so that a page changes part only when their number
# doubles, and at most MAX_PARTS, each a bundle the search box loads.
SPLIT_ABOVE = 5000
PAGES_PER_PART = 2500
MAX_PARTS = 16
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
    """The Pagefind bundle for `pages`, or its parts, by output path ({} when search is
    off), and the list of bundles (PARTS_FILE).

    A page given as bytes, or spooled to a file, is indexed as it is; a `Kept` page is
    unchanged since the last build, and its bytes are read from the published site in
    `published`. When no page of a bundle changed, none came or went and the last bundle
    is intact, that bundle is kept (`Kept`) without running Pagefind.

    With a `spool` folder (on the output's file system), Pagefind's files are handed on
    where they are (`Spooled`, for the write stage to link), not read into memory: a
    large site's bundle is tens of thousands of files.
    """
    if not config.search:
        return {}
    html = sorted(path for path in pages if path.endswith(".html"))
    indexed = _indexed_folders(pages, html, published)
    parts = _parts(html, indexed)
    if len(parts) == 1:
        bundle = _whole_bundle(pages, html, indexed, published, cache, spool)
        bundles = [f"{BUNDLE_DIR}/"]
    else:
        bundle, bundles = _parted_bundle(pages, parts, indexed, published, cache, spool)
    bundle[PARTS_FILE] = (json.dumps({"bundles": bundles}, indent=1) + "\n").encode()
    return bundle


def _parted_bundle(
    pages: Mapping[str, Page],
    parts: list[list[str]],
    indexed: set[str] | None,
    published: Path,
    cache: PageCache | None,
    spool: Path | None,
) -> tuple[dict[str, Page], list[str]]:
    """A bundle for each part (kept when its pages are unchanged), and their folders."""
    before = _parts_before(cache, indexed, len(parts))
    bundles_before = _bundles_before(cache)
    files: dict[str, dict[str, Page] | None] = {}  # by part folder; None: to index
    members: dict[str, list[str]] = {}
    for number, part in enumerate(parts):
        if part:  # (a part is empty only on a site of a few pages split for a test)
            folder = f"{BUNDLE_DIR}/part-{number:02d}"
            members[folder] = part
            previous = bundles_before.get(folder, [])
            files[folder] = _kept_part(pages, part, before[number], previous, published, cache)

    def index(folder: str) -> dict[str, Page]:
        return _part_bundle(pages, members[folder], folder, published, cache, spool)

    # Pagefind keeps about one core busy: the parts to index are indexed side by side.
    to_index = [folder for folder, kept in files.items() if kept is None]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        files.update(zip(to_index, pool.map(index, to_index), strict=True))
    bundle: dict[str, Page] = {}
    for made in files.values():
        bundle.update(made or {})
    return bundle, [f"{folder}/" for folder in files]


def _whole_bundle(
    pages: Mapping[str, Page],
    html: list[str],
    indexed: set[str] | None,
    published: Path,
    cache: PageCache | None,
    spool: Path | None,
) -> dict[str, Page]:
    """One bundle of every page (see search_index)."""
    kept = _kept_bundle(pages, html, published, cache)
    if kept is not None:
        return kept
    binary = pagefind_binary()
    if spool is not None:
        # The spool holds the rendered pages at their paths: the others join them there.
        _index(binary, spool, pages, html, published, indexed)
        return _spooled_bundle(spool, BUNDLE_DIR, cache)
    with _scratch_folder(published) as scratch:
        root = Path(scratch)
        _index(binary, root, pages, html, published, indexed)
        return {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted((root / BUNDLE_DIR).rglob("*"))
            if path.is_file()
        }


def _parts(html: list[str], indexed: set[str] | None) -> list[list[str]]:
    """The pages Pagefind is given (those of the indexed folders), in one part, or in
    parts by a hash of their path when there are more than SPLIT_ABOVE."""
    given = [path for path in html if indexed is None or os.path.dirname(path) in indexed]
    count = _part_count(len(given))
    parts: list[list[str]] = [[] for _ in range(count)]
    for path in given:
        parts[_part_of(path, count)].append(path)
    return parts


def _part_count(pages: int) -> int:
    if pages <= SPLIT_ABOVE:
        return 1
    count = 2
    while count * PAGES_PER_PART < pages and count < MAX_PARTS:
        count *= 2
    return count


def _part_of(path: str, count: int) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogatepass")) % count


def _parts_before(cache: PageCache | None, indexed: set[str] | None, count: int) -> list[list[str]]:
    """The pages the last build gave each of `count` parts, split the same way (a part
    whose pages are not this build's is indexed again)."""
    parts: list[list[str]] = [[] for _ in range(count)]
    for path in sorted(cache.previous if cache is not None else ()):
        if (
            path.endswith(".html")
            and not path.startswith(BUNDLE_DIR + "/")
            and (indexed is None or os.path.dirname(path) in indexed)
        ):
            parts[_part_of(path, count)].append(path)
    return parts


def _bundles_before(cache: PageCache | None) -> dict[str, list[str]]:
    """The files of each part's bundle the last build published, by part folder."""
    files: dict[str, list[str]] = {}
    start = f"{BUNDLE_DIR}/part-"
    for path in sorted(cache.previous if cache is not None else ()):
        end = path.find("/", len(start)) if path.startswith(start) else -1
        if end > 0:
            files.setdefault(path[:end], []).append(path)
    return files


def _kept_part(
    pages: Mapping[str, Page],
    part: list[str],
    before: list[str],
    bundle: list[str],
    published: Path,
    cache: PageCache | None,
) -> dict[str, Page] | None:
    """The last build's bundle of a part (its files `bundle`), kept, when it indexed
    exactly these unchanged pages (`before`, its pages then)."""
    if cache is None or before != part or not all(isinstance(pages[p], Kept) for p in part):
        return None
    if not bundle or not all(cache.previous[p].still_there(published / p) for p in bundle):
        return None
    return {path: Kept(path) for path in bundle}


def _part_bundle(
    pages: Mapping[str, Page],
    part: list[str],
    folder: str,
    published: Path,
    cache: PageCache | None,
    spool: Path | None,
) -> dict[str, Page]:
    """The bundle Pagefind makes of the pages `part` (put in a scratch folder of their
    own), at `folder` of the site."""
    binary = pagefind_binary()
    with _scratch_folder(published) as scratch:
        root = Path(scratch)
        _link_pages(root, part, pages, published)
        output = (spool if spool is not None else root) / folder
        _run(binary, root, output=output)
        if spool is not None:
            return _spooled_bundle(spool, folder, cache)
        return {
            f"{folder}/{path.relative_to(output).as_posix()}": path.read_bytes()
            for path in sorted(output.rglob("*"))
            if path.is_file()
        }


def _index(
    binary: str,
    root: Path,
    pages: Mapping[str, Page],
    html: list[str],
    published: Path,
    indexed: set[str] | None,
) -> None:
    """The `html` pages put in `root` (linked where they are files already) and indexed
    there, the bundle in `root`/pagefind. Only the folders holding pages Pagefind will
    index (`indexed`, see _indexed_folders) are given to it."""
    glob = None
    if indexed is not None:
        html = [relative for relative in html if os.path.dirname(relative) in indexed]
        patterns = sorted(f"{folder}/*.html" if folder else "*.html" for folder in indexed)
        glob = patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"
    _link_pages(root, html, pages, published)
    _run(binary, root, glob)


def _link_pages(root: Path, html: list[str], pages: Mapping[str, Page], published: Path) -> None:
    """The pages `html` put in `root` at their paths (linked where they are files
    already; a page spooled there already stays)."""
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


def _spooled_bundle(root: Path, folder: str, cache: PageCache | None) -> dict[str, Page]:
    """The files of the bundle at `folder` of `root`, as they lie there, each file's
    digest told to the cache."""
    bundle: dict[str, Page] = {}
    for path in sorted((root / folder).rglob("*")):
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


def _run(binary: str, site: Path, glob: str | None = None, output: Path | None = None) -> None:
    """Pagefind over `site`, its bundle in `site`/pagefind, or at `output`."""
    command = [binary, "--site", str(site), "--silent"]
    if output is None:
        command += ["--output-subdir", BUNDLE_DIR]
    else:
        command += ["--output-path", str(output)]
    if glob is not None:
        command += ["--glob", glob]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or error.stdout or "").strip()
        raise SearchIndexError(f"Pagefind failed to index the site: {detail}") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Pagefind could not run ({binary}): {error}") from None
