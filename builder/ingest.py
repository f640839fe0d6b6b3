"""`timeline add`: bring articles into content/sources/, one source file each.

Inputs are saved web pages (read with trafilatura, see builder.article; single-file saves,
MHTML and Safari web archives, are unwrapped first: builder.saved_pages), Markdown or text
files that already have source front matter (checked, then copied), and RSS, Atom or JSON
feeds (builder.json_feed), as a file or an address, whose linked pages are fetched and
read. Files that only list addresses (OPML, link shortcuts, a text file of addresses:
builder.address_lists) add what each address leads to, and a folder adds the files in
it. An article already present (same canonical URL or same text) is skipped; a file name
already taken gets a new id, so nothing is ever overwritten. Each input's outcome is
reported on its own: what could not be read does not stop the rest.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import os
import re
import shutil
import tempfile
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import click
import yaml

from builder.address_lists import (
    LIST_SUFFIXES,
    AddressListError,
    listed_addresses,
)
from builder.article import (
    TEASER_WORDS,
    Article,
    ArticleError,
    host_name,
    language_tag,
    read_html,
)
from builder.cache import CACHE_DIR
from builder.config import require_site
from builder.dates import DateError, PartialDate
from builder.fetch import (
    MAX_BYTES,
    FeedEntry,
    Fetched,
    Fetcher,
    FetchError,
    fetch_url,
    final_address,
    following_refreshes,
    looks_like_feed,
    looks_like_feed_address,
    named_feeds,
    read_feed,
)
from builder.frontmatter import FrontMatterError, parse_front_matter
from builder.json_feed import JSON_FEED_SUFFIXES, JsonFeedError, is_json_feed, read_json_feed
from builder.layout import SOURCES_DIR
from builder.load import CONTENT_SUFFIXES, load_source, split_paragraphs
from builder.news_sitemaps import is_sitemap_index, listed_news_sitemaps, read_news_sitemap
from builder.problems import Problems
from builder.saved_pages import (
    SAVED_PAGE_SUFFIXES,
    SavedPageError,
    saved_from_address,
    unwrap_saved_page,
    with_charset,
)
from builder.slugs import slugify
from builder.web_address import archived_original

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Pages of a feed fetched at once: most of adding a feed is waiting for servers, and a
# few requests at a time is what a browser opening a page makes of one host.
FETCHES_AT_ONCE = 4
# Fewer words than this in a page's text is worth a word to the editor (a news article
# runs to hundreds): the page may have shown only a teaser.
FEW_WORDS = TEASER_WORDS
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
RIGHTS = ("full", "excerpts", "link")


@dataclass(frozen=True)
class Outcome:
    origin: str  # the file or address given
    status: str  # "added", "skipped" or "failed"
    message: str
    path: Path | None = None  # the source file written, or the one already there

    def __str__(self) -> str:
        return f"{self.status}: {self.origin}: {self.message}"


@dataclass(frozen=True)
class Options:
    rights: str | None = None  # default: excerpts for web pages, the file's own for .md
    published: str | None = None  # for pages that state no publication date
    publisher: str | None = None  # for pages that do not name their publisher


# Query parameters that say how a reader came to a page (campaign and click tracking),
# never which page it is: the same article reached from a feed, a newsletter or a
# social post carries different ones.
_TRACKING_PARAMETER = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid"
    r"|_hsenc|_hsmi|mkt_tok|at_medium|at_campaign|at_custom\d*|ns_mchannel|ns_source"
    r"|ns_campaign|ns_linkname|ns_fee|cmpid|smid|sr_share"
    # what share buttons, feeds and portals add: the Guardian's CMP, AT Internet's xtor,
    # the Independent's ito, MSN's ocid, Twitter's ref_src, Yahoo's consent redirect,
    # Webtrends' WT.*
    r"|cmp|xtor|ito|taid|ocid|ncid|icid|ref|ref_src|ref_url|guccounter|guce_\w+"
    r"|wt\.\w+|wt_\w+|soc_src|soc_trk",
    re.IGNORECASE,
)


def without_tracking(url: str) -> str:
    """`url` without its tracking parameters (see _TRACKING_PARAMETER); the rest of the
    address is kept exactly as written."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # not an address ("http://[::1"): kept as written
        return url.strip()
    if not parts.query:
        return url.strip()
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and not _TRACKING_PARAMETER.fullmatch(piece.split("=", 1)[0])
    ]
    return urlunsplit(parts._replace(query="&".join(kept)))


def normalise_url(url: str) -> str:
    """An address in the form used to compare articles: http and https, a "www." host
    and the bare host, default ports, a trailing '/', a fragment, tracking parameters and
    letters percent-encoded or not in its path make no difference; nor does a web
    archive's copy differ from the page it copied."""
    try:
        parts = urlsplit(without_tracking(archived_original(url)))
    except ValueError:  # not an address: compared as written
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    try:
        port = parts.port
    except ValueError:  # not a number: compare the address as written
        port = None
        host = parts.netloc.lower()
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = unquote(parts.path).rstrip("/") or "/"  # (letters written as such or encoded)
    return urlunsplit(("web", host, path, parts.query, ""))


# Two versions of one article (its AMP page and its page, a save from another browser)
# differ by a line or two: a share of the paragraphs of each, with at least a few in
# common, found in the other makes them one. Paragraphs shorter than a sentence or two
# ("Share this", a credit) say nothing of which article they are in.
NEARLY_THE_SAME = 0.8
SHARED_PARAGRAPHS = 3
_KEYED_PARAGRAPH = 40  # characters


def paragraph_keys(paragraphs: tuple[str, ...] | list[str]) -> set[str]:
    """A key for each paragraph long enough to tell its article."""
    return {text_key([p]) for p in paragraphs if len(p) >= _KEYED_PARAGRAPH}


def _site_of(url: str) -> str:
    """The host of an address as articles are compared ("www." or not alike)."""
    try:
        return urlsplit(normalise_url(url)).netloc
    except ValueError:  # not an address ("http://[::1"): compared as written
        return url.strip()


def text_key(paragraphs: tuple[str, ...] | list[str]) -> str:
    words = " ".join(" ".join(paragraphs).split()).casefold()
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).hexdigest()


# Addresses fetched before and the source file each led to, kept with the build cache (it
# is only an optimisation): a feed's links often differ from the canonical address the
# source file records (a redirect, an AMP or mobile page), and a feed polled through the
# day would otherwise have every entry fetched again to find that it is already present.
FETCHED_ADDRESSES = Path(CACHE_DIR) / "fetched-addresses.json"


@dataclass
class KnownSources:
    """The articles already in content/sources, to refuse duplicates and taken ids."""

    folder: Path
    ids: set[str] = field(default_factory=set)
    urls: dict[str, Path] = field(default_factory=dict)
    texts: dict[str, Path] = field(default_factory=dict)
    # Each paragraph's key and the files holding it; how many keys each file has.
    paragraphs: dict[str, set[Path]] = field(default_factory=dict)
    paragraph_counts: dict[Path, int] = field(default_factory=dict)
    hosts: dict[Path, str] = field(default_factory=dict)  # the site each file's article is on
    fetched: dict[str, Path] = field(default_factory=dict)  # see FETCHED_ADDRESSES

    @classmethod
    def scan(cls, site_dir: Path) -> KnownSources:
        known = cls(site_dir / SOURCES_DIR)
        known.fetched = _read_fetched(site_dir / FETCHED_ADDRESSES, known.folder)
        if not known.folder.is_dir():
            return known
        for path in sorted(known.folder.rglob("*")):
            if not path.is_file():
                continue
            known.ids.add(path.stem.casefold())
            if path.suffix.lower() not in CONTENT_SUFFIXES:
                continue
            try:
                front = parse_front_matter(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, FrontMatterError):
                continue
            known.remember(path, front.data, split_paragraphs(front.body))
        return known

    def remember(self, path: Path, data: dict, paragraphs: tuple[str, ...]) -> None:
        if isinstance(data.get("id"), str):
            self.ids.add(data["id"].casefold())
        if isinstance(data.get("url"), str):
            self.urls.setdefault(normalise_url(data["url"]), path)
            self.hosts[path] = _site_of(data["url"])
        if paragraphs:
            self.texts.setdefault(text_key(paragraphs), path)
            keys = paragraph_keys(paragraphs)
            self.paragraph_counts[path] = len(keys)
            for key in keys:
                self.paragraphs.setdefault(key, set()).add(path)

    def duplicate(self, url: str | None, paragraphs: tuple[str, ...]) -> Outcome | None:
        """Why this article is already present (an outcome with no origin yet), or None."""
        reason = None
        if url and (found := self.urls.get(normalise_url(url))):
            reason = "same URL"
        elif url and (found := self.fetched.get(normalise_url(url))) and found.is_file():
            reason = "added from this address before"
        elif found := self.texts.get(text_key(paragraphs)):
            reason = "same text"
        elif found := self.nearly_the_same(paragraphs, url):
            reason = "nearly the same text"
        if reason is None:
            return None
        return Outcome("", "skipped", f"already present as {found.name} ({reason})", found)

    def nearly_the_same(self, paragraphs: tuple[str, ...], url: str | None) -> Path | None:
        """The file holding another version of this article (at `url`): one that has most
        of its paragraphs, and most of whose paragraphs it has (see NEARLY_THE_SAME); not
        one on another site, which published the story too (an agency's, say)."""
        keys = paragraph_keys(paragraphs)
        site = _site_of(url) if url else None
        shared = Counter(path for key in keys for path in self.paragraphs.get(key, ()))
        for path, count in shared.most_common():
            if count < SHARED_PARAGRAPHS:
                break
            if site and self.hosts.get(path, site) != site:
                continue
            if count >= NEARLY_THE_SAME * max(len(keys), self.paragraph_counts[path]):
                return path
        return None

    def free_id(self, wanted: str) -> str:
        candidate, number = wanted, 2
        while candidate.casefold() in self.ids:
            candidate = f"{wanted}-{number}"
            number += 1
        return candidate


class Ingester:
    def __init__(self, site_dir: Path, options: Options, fetch: Fetcher = fetch_url) -> None:
        self.site_dir = site_dir
        self.options = options
        self.fetch = following_refreshes(fetch)
        self.known = KnownSources.scan(site_dir)

    def add(self, given: str) -> Iterator[Outcome]:
        """Ingest one file or address, an outcome per article as each is done (a feed, a
        folder or a list of addresses gives several)."""
        if given.lower().startswith(("https://", "http://")):
            if duplicate := self.known.duplicate(given, ()):
                yield replace(duplicate, origin=given)
                return
            try:
                data = _uncompressed(self.fetch(given))
            except (FetchError, OSError, CompressionError) as error:
                yield Outcome(given, "failed", str(error))
                return
            where = final_address(data, given)
            if is_json_feed(data):
                yield from self._add_json_feed(given, data, where)
            elif (entries := _feed_entries(data, where)) is not None:
                yield from self._add_feed(given, entries)
            elif is_sitemap_index(data):
                yield Outcome(given, "failed", _not_a_feed(data, where))
            else:
                yield _as_not_a_feed(self._add_fetched_page(given, data), data, where)
            return
        path = Path(given)
        if path.is_dir():
            yield from self._add_folder(path)
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            yield Outcome(given, "failed", f"cannot read the file ({error.strerror})")
            return
        suffix = path.suffix.lower()
        if data.startswith(_GZIP_START):  # a sitemap or feed as sites compress them
            try:
                data = _uncompressed(data)
            except CompressionError as error:
                yield Outcome(given, "failed", str(error))
                return
            suffix = Path(path.stem).suffix.lower() if suffix == ".gz" else suffix
        if suffix in LIST_SUFFIXES or (suffix in CONTENT_SUFFIXES and _no_front_matter(data)):
            try:
                addresses = listed_addresses(suffix, data)
            except AddressListError as error:
                yield Outcome(given, "failed", str(error))
                return
            if addresses is not None:
                yield from self._add_addresses(given, addresses)
                return
        if suffix in CONTENT_SUFFIXES and _no_front_matter(data):
            yield self._add_plain_text(path, data)
        elif suffix in CONTENT_SUFFIXES:
            yield self._add_text_file(path, data)
        elif suffix in SAVED_PAGE_SUFFIXES:
            try:
                saved = unwrap_saved_page(suffix, data)
            except SavedPageError as error:
                yield Outcome(given, "failed", str(error))
            else:
                yield self._add_page(given, saved.html, saved.address)
        elif suffix in JSON_FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and is_json_feed(data)):
            yield from self._add_json_feed(given, data, None)
        elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(data)):
            entries = _feed_entries(data, None, named_a_feed=True)
            if entries is None:
                yield Outcome(given, "failed", _not_a_feed(data))
            else:
                yield from self._add_feed(given, entries)
        elif (kind := _not_a_page(data)) is not None:
            yield Outcome(given, "failed", kind)
        else:
            yield self._add_page(given, data, saved_from_address(data))

    def _add_folder(self, folder: Path) -> Iterator[Outcome]:
        """Every file of the folder and its subfolders that `add` takes, in name order;
        hidden files, and the folders of assets a browser saves beside a page, are left
        out. Files of other kinds are reported and skipped."""
        unreadable: list[tuple[Path, str]] = []
        # The site's own folders hold its sources and the pages built from them, which
        # are not articles to add again ("timeline add ." in the site folder).
        own = {self.site_dir / name for name in ("content", "templates", "site")}
        files = _folder_files(folder, unreadable, {p.resolve() for p in own})
        if not files and not unreadable:
            yield Outcome(str(folder), "skipped", "the folder holds no files")
        for path in files:
            if path.suffix.lower() in _TAKEN_SUFFIXES:
                yield from self.add(str(path))
            else:
                reason = "not a web page, source file, feed or list of addresses"
                yield Outcome(str(path), "skipped", reason)
        for path, reason in unreadable:
            yield Outcome(str(path), "failed", f"cannot read the folder ({reason})")

    def _add_addresses(self, origin: str, addresses: list[str]) -> Iterator[Outcome]:
        if not addresses:
            yield Outcome(origin, "skipped", "the file lists no http:// or https:// address")
        for address in addresses:
            yield from self.add(address)

    def _add_json_feed(self, origin: str, data: bytes, address: str | None) -> Iterator[Outcome]:
        try:
            entries = read_json_feed(data, address)
        except JsonFeedError as error:
            yield Outcome(origin, "failed", str(error))
        else:
            yield from self._add_feed(origin, entries)

    def _add_feed(self, origin: str, entries: list) -> Iterator[Outcome]:
        """Each entry's page, fetched a few at a time ahead of the one being added (most
        of a feed's time is waiting for servers); added in the feed's order."""
        if not entries:
            yield Outcome(origin, "skipped", "the feed has no entries")
            return
        pool = ThreadPoolExecutor(max_workers=FETCHES_AT_ONCE)
        try:
            fetches: dict[int, Future[bytes]] = {}
            for index, entry in enumerate(entries):
                # Keep the next few entries' pages coming (the known ones are not fetched).
                for ahead in range(index, min(index + FETCHES_AT_ONCE, len(entries))):
                    link = entries[ahead].link
                    if link and ahead not in fetches and not self.known.duplicate(link, ()):
                        fetches[ahead] = pool.submit(self.fetch, link)
                if not entry.link:
                    yield self._add_unlinked_entry(origin, index + 1, entry)
                    continue
                fetch = fetches.pop(index, None)
                if duplicate := self.known.duplicate(entry.link, ()):
                    if fetch is not None:
                        fetch.cancel()
                    yield replace(duplicate, origin=entry.link)
                    continue
                try:
                    data = fetch.result() if fetch is not None else self.fetch(entry.link)
                except (FetchError, OSError) as error:
                    yield self._add_feed_copy(Outcome(entry.link, "failed", str(error)), entry)
                    continue
                outcome = self._add_fetched_page(entry.link, data, entry)
                yield self._add_feed_copy(outcome, entry) if outcome.status == "failed" else outcome
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _add_unlinked_entry(self, origin: str, number: int, entry: FeedEntry) -> Outcome:
        """An entry of the feed `origin` that links to no page: the article it carries,
        with no address (none is invented); named by its place in the feed and title."""
        where = f"{origin}, entry {number}" + (f' ("{entry.title}")' if entry.title else "")
        if entry.copy is None:
            return Outcome(
                where, "failed", "the entry links to no page and carries no article text"
            )
        outcome = self._add_page(where, entry.copy, None, entry)
        if outcome.status != "added":
            return outcome
        why = "from the feed's copy of the article: the entry links to no page"
        return replace(outcome, message=f"{outcome.message} ({why})")

    def _add_feed_copy(self, failed: Outcome, entry: FeedEntry) -> Outcome:
        """The article as the feed carries it, when its page could not be added (`failed`
        says why); that failure when the feed has no copy, and why its copy failed too."""
        if entry.copy is None:
            return failed
        outcome = self._add_page(entry.link, entry.copy, entry.link, entry)
        if outcome.status == "failed":
            why = f"nor could the feed's copy of the article be added ({outcome.message})"
            return replace(failed, message=f"{failed.message}; {why}")
        if outcome.status != "added":
            return outcome
        why = f"from the feed's copy of the article; its page: {failed.message}"
        return replace(outcome, message=f"{outcome.message} ({why})")

    def _add_fetched_page(
        self, address: str, data: bytes, entry: FeedEntry | None = None
    ) -> Outcome:
        """The page fetched from `address` (its own address, where the redirects led,
        when it names no canonical one); the address given is remembered with the source
        file it led to, added or found present (see FETCHED_ADDRESSES). `entry`: the feed
        entry that linked to it."""
        where = final_address(data, address)
        if (kind := _not_a_page(data, empty="the server sent an empty page")) is not None:
            return Outcome(address, "failed", kind)
        if isinstance(data, Fetched):  # the charset the server gave, for a page that gives none
            data = with_charset(data, data.charset)
        outcome = self._add_page(address, data, where, entry)
        if outcome.path is not None:
            self.known.fetched[normalise_url(address)] = outcome.path
        return outcome

    def save_fetched(self) -> None:
        """Keep the addresses fetched and the files they led to, for the next `add`."""
        _write_fetched(self.site_dir / FETCHED_ADDRESSES, self.known.fetched, self.known.folder)

    def _add_page(
        self, origin: str, data: bytes, address: str | None, entry: FeedEntry | None = None
    ) -> Outcome:
        """A web page as a source file. What the page does not say of itself is taken from
        the feed `entry` that linked to it, then from the options."""
        try:
            article = read_html(data, address)
        except ArticleError as error:
            return Outcome(origin, "failed", str(error))
        if entry is not None:
            article = replace(
                article,
                published=_with_entry_time(article.published, entry.published),
                author=article.author or entry.author,
                language=article.language or entry.language,
            )
        article, text_note = _with_feed_text(article, data, entry)
        url = without_tracking(article.url or address) if (article.url or address) else None
        published = article.published or self.options.published
        if not published:
            return Outcome(
                origin,
                "failed",
                "the page gives no publication date; give it with --published YYYY-MM-DD",
            )
        # A site that names itself nowhere is known by its address's host name, last.
        publisher = (
            article.publisher
            or self.options.publisher
            or (entry.publisher if entry else None)
            or host_name(article.url or address)
        )
        if not publisher:
            return Outcome(
                origin, "failed", "the page does not name its publisher; give it with --publisher"
            )
        if duplicate := self.known.duplicate(url, article.paragraphs):
            return replace(duplicate, origin=origin)
        front: dict[str, str] = {"title": article.title, "publisher": publisher}
        if url:
            front["url"] = url
        front["published"] = published
        if author := _people(article.author, publisher):
            front["author"] = author
        if article.language:
            front["language"] = language_tag(article.language)
        front["rights"] = self.options.rights or "excerpts"
        wanted = _id_for(article, published, publisher)
        outcome = self._write(origin, wanted, source_text(front, article.paragraphs), front)
        if outcome.status == "added" and text_note:
            return replace(outcome, message=f"{outcome.message} ({text_note})")
        words = word_count(article.paragraphs)
        if outcome.status == "added" and words < FEW_WORDS:
            outcome = replace(
                outcome,
                message=f"{outcome.message} (only {words} words of text were found: check "
                "that the article is complete, as a paywall or a page of links gives little)",
            )
        return outcome

    def _add_text_file(self, path: Path, data: bytes) -> Outcome:
        origin = str(path)
        try:
            text = data.decode("utf-8")
            front = parse_front_matter(text)
        except UnicodeDecodeError:
            return Outcome(origin, "failed", "not UTF-8 text")
        except FrontMatterError as error:
            return Outcome(origin, "failed", f"line {error.line}: {error.message}")
        problems = Problems(path.parent)
        if load_source(path, problems) is None:
            reasons = "; ".join(f"line {p.line}: {p.message}" for p in problems.errors)
            return Outcome(origin, "failed", reasons or "not a source file")
        paragraphs = split_paragraphs(front.body)
        url = front.data.get("url") if isinstance(front.data.get("url"), str) else None
        if duplicate := self.known.duplicate(url, paragraphs):
            return replace(duplicate, origin=origin)
        wanted = str(front.data.get("id") or path.stem)
        if self.options.rights and "rights" not in front.data:
            text = _set_key(text, "rights", self.options.rights)
        return self._write(origin, wanted, text, front.data, paragraphs)

    def _add_plain_text(self, path: Path, data: bytes) -> Outcome:
        """An article as plain text, without front matter: its first line is its headline
        (a Markdown heading, or a line alone without a full stop), the rest its text; its
        date and publisher are the options', as no text states them for sure."""
        origin = str(path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return Outcome(origin, "failed", "not UTF-8 text")
        paragraphs = split_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n"))
        title = _headline_line(paragraphs[0]) if paragraphs else None
        if title is None or len(paragraphs) < 2:
            return Outcome(
                origin,
                "failed",
                "line 1: no front matter, and no headline on a line of its own above the "
                "text; add a front matter block ('---', the keys, '---') above the text",
            )
        missing = [
            option
            for option, value in (
                ("--published", self.options.published),
                ("--publisher", self.options.publisher),
            )
            if not value
        ]
        if missing:
            return Outcome(
                origin,
                "failed",
                f"a text file without front matter states no date or publisher; give "
                f"{' and '.join(missing)}",
            )
        body = paragraphs[1:]
        if duplicate := self.known.duplicate(None, body):
            return replace(duplicate, origin=origin)
        front = {"title": title, "publisher": self.options.publisher}
        front["published"] = self.options.published
        front["rights"] = self.options.rights or "excerpts"
        article_id = _id_for_title(title, self.options.published)  # type: ignore[arg-type]
        return self._write(origin, article_id, source_text(front, body), front, body)

    def _write(
        self,
        origin: str,
        wanted: str,
        text: str,
        data: dict,
        paragraphs: tuple[str, ...] | None = None,
    ) -> Outcome:
        source_id = self.known.free_id(wanted)
        if source_id != wanted and "id" in data:
            text = _set_key(text, "id", source_id)
        folder = self.known.folder
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{source_id}.md"
        # Checked as the build will read it, in a hidden folder, before taking its name.
        scratch = Path(tempfile.mkdtemp(dir=folder, prefix=".add-"))
        try:
            checked = scratch / target.name
            checked.write_text(text, encoding="utf-8", newline="\n")
            problems = Problems(self.site_dir)
            if load_source(checked, problems) is None:
                reasons = "; ".join(p.message for p in problems.errors)
                return Outcome(origin, "failed", f"the source file would not be valid: {reasons}")
            os.link(checked, target)  # fails rather than replace a file that appeared meanwhile
        except FileExistsError:
            return Outcome(origin, "failed", f"{target.name} appeared while adding; try again")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        self.known.ids.add(source_id.casefold())
        self.known.remember(
            target, {**data, "id": source_id}, paragraphs or split_paragraphs(_body(text))
        )
        note = f" (the id {wanted!r} was taken)" if source_id != wanted else ""
        return Outcome(origin, "added", f"{_relative(target, self.site_dir)}{note}", target)


# Letters of the scripts written without spaces between words: Chinese characters, kana,
# Thai, Lao, Khmer, Myanmar.
_UNSPACED_LETTER = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
# What a word of those scripts is, on average, in letters.
_UNSPACED_WORD = 2


def word_count(paragraphs: tuple[str, ...]) -> int:
    """About how many words the paragraphs hold: those between spaces, and, in scripts
    that put none between words, one for every two letters."""
    text = " ".join(paragraphs)
    unspaced = len(_UNSPACED_LETTER.findall(text))
    spaced = [word for word in _UNSPACED_LETTER.sub(" ", text).split() if re.search(r"\w", word)]
    return len(spaced) + math.ceil(unspaced / _UNSPACED_WORD)


def _with_feed_text(article: Article, data: bytes, entry: FeedEntry | None) -> tuple[Article, str]:
    """The article with the text of the copy its feed `entry` carries, where the page
    (`data`) gives only a few words (a paywall's teaser) and the copy more; with a note
    saying so ("" when the page's text stands)."""
    words = word_count(article.paragraphs)
    if entry is None or entry.copy is None or data is entry.copy or words >= FEW_WORDS:
        return article, ""
    try:
        carried = read_html(entry.copy)
    except ArticleError:
        return article, ""
    if word_count(carried.paragraphs) <= words:
        return article, ""
    note = f"its text from the feed's copy of the article: the page gave only {words} words"
    return replace(article, paragraphs=carried.paragraphs), note


def _people(authors: str | None, publisher: str) -> str | None:
    """The authors ("; "-separated) but the publisher, whose name content systems give
    as the author of an article without a byline."""
    names = [name.strip() for name in (authors or "").split(";")]
    people = [name for name in names if name and name.casefold() != publisher.casefold()]
    return "; ".join(people) or None


def _with_entry_time(page_published: str | None, entry_published: str | None) -> str | None:
    """The page's publication, or the feed entry's where the page states none; the
    entry's moment where the page gives only its day (the entry's time is on it)."""
    if not page_published:
        return entry_published
    if (
        entry_published
        and _DAY_ONLY.fullmatch(page_published)
        and entry_published.startswith(f"{page_published}T")
    ):
        return entry_published
    return page_published


_DAY_ONLY = re.compile(r"\d{4}-\d\d-\d\d")


class CompressionError(ValueError):
    """A gzip file that cannot be read; the message says why."""


_GZIP_START = b"\x1f\x8b"


def _uncompressed(data: bytes) -> bytes:
    """`data`, or what it holds when it is compressed with gzip (a sitemap.xml.gz), at
    most MAX_BYTES of it (a small file may hold gigabytes); as Fetched when it was."""
    if not data.startswith(_GZIP_START):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as compressed:
            inner = compressed.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise CompressionError(f"a gzip file that cannot be read ({error})") from None
    if len(inner) > MAX_BYTES:
        raise CompressionError(
            f"a gzip file holding more than {MAX_BYTES // (1024 * 1024)} MiB, which add does "
            "not read"
        )
    return Fetched(inner, data.url, data.content_type) if isinstance(data, Fetched) else inner


def _feed_entries(
    data: bytes, address: str | None, named_a_feed: bool = False
) -> list[FeedEntry] | None:
    """The entries of an RSS or Atom feed, or the articles of a news sitemap, read as a
    feed's; None for neither. `named_a_feed`: the file's name says it is a feed."""
    entries = read_feed(data, address) if named_a_feed or looks_like_feed(data) else None
    return entries if entries is not None else read_news_sitemap(data, address)


def _as_not_a_feed(failed: Outcome, page: bytes, address: str) -> Outcome:
    """`failed`, the outcome of a page that could not be added, told as a feed's absence
    when the address reads as a feed's or a front page, with the feeds the page names."""
    if failed.status != "failed" or not looks_like_feed_address(address):
        return failed
    message = "this address gives a web page, not a feed (RSS, Atom or JSON Feed)"
    feeds = named_feeds(page, address)
    if feeds:
        message += f"; the page names its feed{'s' if len(feeds) > 1 else ''}: {', '.join(feeds)}"
    return replace(failed, message=f"{message} (read as an article: {failed.message})")


def source_text(front: dict[str, str], paragraphs: tuple[str, ...]) -> str:
    """A source file: YAML front matter, then the paragraphs separated by blank lines."""
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1_000_000)
    return "---\n" + header + "---\n" + "\n\n".join(paragraphs) + "\n"


def _id_for(article: Article, published: str, publisher: str) -> str:
    """The article's id: its day and the words of its title, or, for a title with none
    in Latin letters (Arabic, Chinese), those of its address ("/council-approves-flood-
    barrier/"), else its publisher's and a short hash of its title ("valley-courier-
    3fa2b1"), which tell its articles of a day apart."""
    title = article.title
    if not _ascii_slug(title):
        title = _address_words(article.url) or f"{publisher} {_short_hash(title)}"
    return _id_for_title(title, published)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def _id_for_title(title: str, published: str) -> str:
    try:
        day = PartialDate.parse(published).iso()[:10]
    except DateError:
        day = ""
    words = _ascii_slug(title)[:60].rstrip("-") or "article"
    return f"{day}-{words}" if day else words


# The end of an address's last part that names its kind of page, not the article.
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)


def _address_words(url: str | None) -> str:
    """The words naming the article at the end of its address ("flood-barrier-vote" of
    ".../flood-barrier-vote.html"), when there are two or more; else ""."""
    if not url:
        return ""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    last = _PAGE_EXTENSION.sub("", unquote(path.rstrip("/").rsplit("/", 1)[-1]))
    words = [word for word in _ascii_slug(last).split("-") if re.search("[A-Za-z]", word)]
    return last if len(words) >= 2 else ""


_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(?P<title>.+?)(?:\s+#+)?")


def _headline_line(paragraph: str) -> str | None:
    """The headline a text file opens with: a Markdown heading ("# Floods hit the
    valley"), or a short paragraph of one line that does not end a sentence."""
    heading = _MARKDOWN_HEADING.fullmatch(paragraph)
    if heading:
        return heading["title"].strip()
    if len(paragraph) > 200 or paragraph.endswith((".", ":", ";", ",")):
        return None
    return paragraph


# Letters written in ASCII otherwise than by dropping their marks: Latin letters that do
# not decompose into a base letter and marks, and the Cyrillic and Greek alphabets as
# newsrooms transliterate them (Russian "Совет" is "sovet", Greek "φράγμα" "fragma").
_ASCII_LETTERS = str.maketrans(
    {
        **{"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l"},
        **{"þ": "th", "ı": "i"},
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g"},
        **{"ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz"},
        **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo", strict=True)),
        **dict(zip("άέήίόύώϊϋΐΰ", "aeiioyoiyiy", strict=True)),
        **{"θ": "th", "χ": "ch", "ψ": "ps"},
    }
)
# Pairs of Greek letters written as one sound: "ου" is "ou" ("συμβούλιο": "symvoulio").
_GREEK_PAIRS = re.compile("ο[υύ]")


def _ascii_slug(title: str) -> str:
    """The title's words in ASCII, for a file name (ids are ASCII): accents are dropped
    from their letters ("après" gives "apres"), Cyrillic and Greek are transliterated;
    words of other scripts are left out."""
    slug = _GREEK_PAIRS.sub("ou", slugify(title)).translate(_ASCII_LETTERS)
    decomposed = unicodedata.normalize("NFKD", slug)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    ascii_only = re.sub(r"[^A-Za-z0-9_.-]", "", plain.encode("ascii", "ignore").decode())
    return re.sub(r"-{2,}", "-", ascii_only).strip("-._")


_TAKEN_SUFFIXES = frozenset(
    (
        *HTML_SUFFIXES,
        *SAVED_PAGE_SUFFIXES,
        *CONTENT_SUFFIXES,
        *FEED_SUFFIXES,
        *JSON_FEED_SUFFIXES,
        *LIST_SUFFIXES,
    )
)


def _folder_files(
    folder: Path, unreadable: list[tuple[Path, str]], left_out: set[Path]
) -> list[Path]:
    """The files under `folder` in name order, without hidden ones and without the
    folder of assets saved with a page ("story_files" beside "story.html", whatever the
    browser's language calls it): those hold images, scripts and the pages of ads.
    Folders in `left_out` are not entered; those that cannot be listed go into
    `unreadable`, with the reason."""
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        unreadable.append((folder, error.strerror or str(error)))
        return found
    pages = {entry.stem for entry in entries if entry.suffix.lower() in HTML_SUFFIXES}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            # Linked folders are not entered: a link to a parent would never end.
            assets = any(
                re.fullmatch(re.escape(page) + r"[_-][^\W\d_]+", entry.name) for page in pages
            )
            if not entry.is_symlink() and not assets and entry.resolve() not in left_out:
                found += _folder_files(entry, unreadable, left_out)
        elif entry.is_file():
            found.append(entry)
    return found


# What the files given to add most often are when they are no web page, by how they begin.
_FILE_KINDS = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or EPUB file is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
)
_WHAT_TO_GIVE = (
    "save the article from the browser as a web page (.html or .mhtml), or put its text "
    "in a .md or .txt file with front matter"
)


def _not_a_page(data: bytes, empty: str = "the file is empty") -> str | None:
    """Why `data`, given as a web page, is none: what it is instead, and what to give;
    `empty` says it when there is nothing."""
    if not data.strip():
        return empty
    kind = next((kind for start, kind in _FILE_KINDS if data.startswith(start)), None)
    if kind is None and data[8:12] == b"WEBP":
        kind = "an image"
    return f"{kind}, not a web page: {_WHAT_TO_GIVE}" if kind else None


_SITEMAP = re.compile(rb"<(?:urlset|sitemapindex)\b")
_HTML_PAGE = re.compile(rb"<!doctype html|<html\b", re.IGNORECASE)


def _not_a_feed(data: bytes, address: str | None = None) -> str:
    """What a file named as a feed is when it is none: a sitemap index (naming the news
    sitemaps it lists), a sitemap, a web page or else."""
    head = data[:4096]
    if is_sitemap_index(head):
        listed = listed_news_sitemaps(data, address)
        what = "a sitemap index, which lists sitemaps, not articles: add "
        if listed:
            return what + f"the news sitemap it lists, {', '.join(listed)}"
        return what + "the site's news sitemap, or its feed"
    if _SITEMAP.search(head):
        return (
            "a sitemap, not a feed: put the addresses of the articles to add in a text "
            "file, one per line, and add that"
        )
    if _HTML_PAGE.search(head):
        return "a web page, not a feed: name it .html to add it as a page"
    return "not an RSS, Atom or JSON feed"


def _no_front_matter(data: bytes) -> bool:
    return not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"---")


def _set_key(text: str, key: str, value: str) -> str:
    """`text` with the front matter's `key` set to `value` (replaced, or added first)."""
    lines = text.split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    line = f"{key}: {yaml.safe_dump(value, width=1_000_000).strip().removesuffix('...').strip()}"
    for index in range(1, closing):
        if re.match(rf"{key}\s*:", lines[index]):
            lines[index] = line
            return "\n".join(lines)
    lines.insert(1, line)
    return "\n".join(lines)


def _body(text: str) -> str:
    return text.split("\n---\n", 1)[1] if "\n---\n" in text else text


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def ingest(
    site_dir: Path,
    inputs: list[str],
    options: Options | None = None,
    fetch: Fetcher = fetch_url,
    report: Callable[[Outcome], object] | None = None,
) -> list[Outcome]:
    """Add every input to the site's sources; one outcome per article, each also given
    to `report` as soon as it is known (a feed or a folder can take minutes). A folder
    that is not a site is refused (NotASiteError) before anything is written to it."""
    require_site(site_dir)
    sources = site_dir / SOURCES_DIR
    if not sources.resolve().is_relative_to(site_dir.resolve()):
        # A link out of the site (as the build refuses to read one): files are not
        # written wherever a site's folders happen to point.
        raise click.ClickException(
            f"{sources}: this is a link to a place outside the site folder, where add does "
            "not write; make it a folder of the site"
        )
    ingester = Ingester(site_dir, options or Options(), fetch)
    outcomes: list[Outcome] = []
    try:
        for given in inputs:
            for outcome in ingester.add(given):
                outcomes.append(outcome)
                if report is not None:
                    report(outcome)
        return outcomes
    finally:
        ingester.save_fetched()


def _read_fetched(path: Path, folder: Path) -> dict[str, Path]:
    """The addresses fetched by earlier `add`s, with the source files they led to; an
    unreadable record is no record (it only spares fetching pages again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        addresses = data["addresses"]
        return {
            address: folder / name
            for address, name in addresses.items()
            if isinstance(address, str) and isinstance(name, str) and "/" not in name
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_fetched(path: Path, fetched: dict[str, Path], folder: Path) -> None:
    """Write the record of fetched addresses (those whose file is still there), in one
    step; a failure to write it is not a failure to add."""
    kept = {
        address: file.name
        for address, file in sorted(fetched.items())
        if file.parent == folder and file.is_file()
    }
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("addresses") == kept:
            return
    except (OSError, ValueError, AttributeError):
        pass
    if not kept and not path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n")
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".fetched-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": 1, "addresses": kept}, out, ensure_ascii=False, indent=1)
        os.replace(temporary, path)
    except OSError:
        pass
