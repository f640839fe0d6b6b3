"""Fetching pages and feeds over the network, behind a function that tests replace."""

from __future__ import annotations

import email.message
import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape, unescape
from urllib.parse import quote, urlsplit, urlunsplit

import feedparser
import lxml.html

from builder.dates import states_day
from builder.web_address import WEB_SCHEMES, web_address

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 30
USER_AGENT = "timeline-builder (+https://pypi.org/project/timeline-builder/)"


class FetchError(OSError):
    """A page could not be fetched; the message says why."""


class Fetched(bytes):
    """A page's body, knowing the address it came from in the end (`url`: after the
    redirects the server asked for) and the type the server gave it (`content_type`, as
    its Content-Type header writes it, with its charset)."""

    url: str
    content_type: str | None

    def __new__(cls, data: bytes, url: str, content_type: str | None = None) -> Fetched:
        fetched = super().__new__(cls, data)
        fetched.url = url
        fetched.content_type = content_type
        return fetched

    @property
    def charset(self) -> str | None:
        """The charset the server gave the body, if it gave one."""
        message = email.message.Message()
        message["Content-Type"] = self.content_type or "application/octet-stream"
        return message.get_content_charset()


# A function giving the body of an address: plain bytes, or Fetched when it knows where
# the page came from in the end.
Fetcher = Callable[[str], bytes]


def final_address(body: bytes, asked: str) -> str:
    """The address `body` came from: where the redirects led, when the fetcher says."""
    return body.url if isinstance(body, Fetched) else asked


def fetch_url(url: str) -> bytes:
    """The body of `url` (http or https only), at most MAX_BYTES, as Fetched."""
    if not url.lower().startswith(("https://", "http://")):
        raise FetchError(f"only http:// and https:// addresses can be fetched, not {url!r}")
    try:
        request = urllib.request.Request(_as_sent(url), headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            final = response.geturl() or url
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # (urllib follows redirects but round a loop)
            raise FetchError(
                f"the server's redirects ({error.code}) go round in a loop, or on too long: "
                "open the address in a browser and save the page"
            ) from None
        raise FetchError(f"the server answered {error.code} {_one_line(error.reason)}") from None
    except http.client.HTTPException as error:
        reason = _one_line(f"{type(error).__name__}: {error}")
        raise FetchError(f"the server's answer is not valid HTTP ({reason})") from None
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"could not fetch it ({reason})") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"the page is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    return Fetched(body, final, content_type)


# How many times a page that sends the reader on at once (<meta http-equiv="refresh">) is
# followed; how long it may wait to count as sending them on, in seconds; and how many
# words it may hold (a page that reloads itself every few minutes is an article).
REFRESHES_FOLLOWED = 5
_REFRESH_DELAY = 10
_REFRESH_PAGE_WORDS = 50
_REFRESH = re.compile(r"\s*(?P<delay>\d+)(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(?P<url>.+)", re.I)


def following_refreshes(fetch: Fetcher) -> Fetcher:
    """`fetch`, following the pages that send the reader on to another address at once
    (a link shortener's or an aggregator's: '<meta http-equiv="refresh" content="0;
    url=...">'), a few times."""

    def fetch_through(url: str) -> bytes:
        body = fetch(url)
        for _ in range(REFRESHES_FOLLOWED):
            onward = _sent_on_to(body, final_address(body, url))
            if onward is None:
                return body
            url, body = onward, fetch(onward)
        return body

    return fetch_through


def _sent_on_to(body: bytes, address: str) -> str | None:
    """The address a short page sends the reader on to at once, with its refresh; None
    for any other page."""
    if b"refresh" not in body[:20000].lower():
        return None
    try:
        root = lxml.html.fromstring(body)
    except (ValueError, lxml.etree.ParserError):
        return None
    stated = root.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh')='refresh']/@content")
    found = _REFRESH.match(str(stated[0])) if stated else None
    if found is None or int(found["delay"]) > _REFRESH_DELAY:
        return None
    body_element = root.find(".//body")
    words = len(body_element.text_content().split()) if body_element is not None else 0
    onward = web_address(found["url"].strip().strip("'\""), address)
    if words > _REFRESH_PAGE_WORDS or onward is None or onward == address:
        return None
    return onward


# What may stand in an address's path and query as written, not percent-encoded.
_ADDRESS_SAFE = "/%:@!$&'()*+,;=-._~?"


def _as_sent(url: str) -> str:
    """`url` as browsers send it: the letters of other alphabets and the spaces in its
    path and query percent-encoded (as UTF-8), its host name in IDNA ("xn--...")."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    elif ":" in host:  # an IPv6 address, in its brackets
        host = f"[{host}]"
    netloc = parts.netloc.rsplit("@", 1)[0] + "@" + host if "@" in parts.netloc else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe=_ADDRESS_SAFE),
            quote(parts.query, safe=_ADDRESS_SAFE),
            "",
        )
    )


@dataclass(frozen=True)
class FeedEntry:
    """An entry of a feed: the page it links to, and what the feed says of it (used where
    the page does not say it itself)."""

    link: str  # "" for an entry that links to no page
    title: str
    published: str | None = None  # ISO 8601, in UTC
    author: str | None = None
    publisher: str | None = None  # the feed's own title
    language: str | None = None  # the feed's language
    # The article itself as the feed carries it (RSS content:encoded, Atom content), as
    # an HTML page: what is added when the linked page cannot be.
    copy: bytes | None = None


def read_feed(data: bytes, address: str | None = None) -> list[FeedEntry] | None:
    """The entries of an RSS or Atom feed, or None when `data` is not a feed; links
    relative to the feed's `address` (where it was fetched from) are made whole. An
    entry that links to no page has the link ""."""
    headers = {"content-location": address} if address else {}
    if isinstance(data, Fetched) and data.content_type and not _declares_encoding(data):
        headers["content-type"] = data.content_type  # with the charset it may give
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        return None
    publisher = _title_text(parsed.feed) or None
    language = _one_line(parsed.feed.get("language")) or None
    # A feed read from a file, with no xml:base, links relative to the site it names, or
    # else to its own address.
    site = (parsed.feed.get("link") or _self_link(parsed.feed)).strip()
    entries = []
    for entry in parsed.entries:
        title = _title_text(entry)
        entries.append(
            FeedEntry(
                _whole_link((entry.get("link") or "").strip(), site),
                title,
                _stated_time(entry),
                _author(entry.get("author")),
                publisher,
                language,
                _copy(title, entry.get("content"), language) or _summary_copy(entry, language),
            )
        )
    return entries


# A feed that says its encoding itself: a byte order mark, or its XML declaration's.
# Servers give feeds charsets of their own defaults (ISO-8859-1 for a UTF-8 feed): the
# feed's own word is taken over theirs.
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]*\bencoding\s*=")


def _declares_encoding(data: bytes) -> bool:
    bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    return bom or _XML_ENCODING.match(data[:512]) is not None


def _self_link(feed: dict) -> str:
    """The feed's own address, as it states it (<atom:link rel="self">); "" for none."""
    links = feed.get("links") or []
    return next((link.get("href") or "" for link in links if link.get("rel") == "self"), "")


def _whole_link(link: str, site: str) -> str:
    """`link`, made whole against the feed's `site` when it is relative to it; "" for
    what is no web address (feedparser gives an Atom entry without a link its id, such
    as "tag:valleycourier.example,2025:4411")."""
    if not link or link.lower().startswith(WEB_SCHEMES):
        return link
    if _SCHEME.match(link):
        return ""
    return web_address(link, web_address(site)) or link


# The scheme that opens an address of another kind than the web's ("tag:", "urn:").
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?!//)")


def _copy(title: str, content: list | None, language: str | None) -> bytes | None:
    """The entry's full text (feedparser has sanitised its HTML) as a page of its own;
    None when the feed gives only a summary, or nothing."""
    for part in content or []:
        value, kind = part.get("value") or "", part.get("type") or ""
        if value.strip():
            return feed_copy_page(title, value, kind, language)
    return None


# A paragraph of an article, not a line of furniture: a sentence or more.
_SENTENCE_LENGTH = 40
# An article, not an excerpt: this many such paragraphs at least.
_ARTICLE_PARAGRAPHS = 3
# The end of a paragraph an excerpt cuts off: "[…]", "[...]", "…", "Continue reading".
_CUT_OFF = re.compile(
    r"(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.|continue reading\W*|read more\W*)$", re.IGNORECASE
)


def _summary_copy(entry: dict, language: str | None) -> bytes | None:
    """The article, where a feed carries it whole in the entry's summary (RSS
    <description>, Atom <summary>) rather than its content: several paragraphs, none cut
    off as an excerpt is; None for a summary or an excerpt."""
    summary = entry.get("summary") or ""
    kind = (entry.get("summary_detail") or {}).get("type") or ""
    if not summary.strip():
        return None
    if "html" not in kind:  # Atom's <summary type="text">
        summary, kind = _in_paragraphs(escape(summary)), "text/html"
    try:
        root = lxml.html.fromstring(f"<div>{summary}</div>")
    except (ValueError, lxml.etree.ParserError):
        return None
    if root.find(".//p") is None:  # paragraphs parted by blank lines or by <br><br>
        summary = _in_paragraphs(_DOUBLE_BREAK.sub("\n\n", summary))
        root = lxml.html.fromstring(f"<div>{summary}</div>")
    paragraphs = [" ".join(p.text_content().split()) for p in root.iter("p")]
    if any(_CUT_OFF.search(paragraph) for paragraph in paragraphs):
        return None
    if sum(len(paragraph) >= _SENTENCE_LENGTH for paragraph in paragraphs) < _ARTICLE_PARAGRAPHS:
        return None
    return feed_copy_page(_title_text(entry), summary, kind, language)


# Two line breaks or more, which part paragraphs in a feed's HTML without <p>.
_DOUBLE_BREAK = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)


def _in_paragraphs(text: str) -> str:
    """Text without paragraphs' markup (escaped as HTML is) in the paragraphs its blank
    lines part."""
    blocks = (block.strip() for block in re.split(r"\n\s*\n", text))
    return "".join(f"<p>{block}</p>" for block in blocks if block)


def feed_copy_page(title: str, content: str, kind: str, language: str | None) -> bytes:
    """A page holding the article a feed carries: `content` is safe HTML when `kind` (a
    MIME type) says HTML, else plain text, in paragraphs separated by blank lines."""
    if "html" not in kind:
        content = "".join(f"<p>{escape(line)}</p>" for line in content.split("\n\n"))
    lang = f' lang="{escape(language)}"' if language else ""
    return (
        f"<!DOCTYPE html><html{lang}><head><meta charset='utf-8'><title>{escape(title)}"
        f"</title></head><body><article><h1>{escape(title)}</h1>{content}</article>"
        "</body></html>"
    ).encode()


# A clock time with its zone, as RSS (RFC 822) and Atom (RFC 3339) write them.
_CLOCK_AND_ZONE = re.compile(
    r"\d\d?:\d\d(?::\d\d)?(?:\.\d+)?\s*(?:[+-]\d\d:?\d\d|GMT|UTC?|[ECMP][SD]T|[A-IK-Z])\s*$"
)


def _stated_time(entry: dict) -> str | None:
    """When the entry was published (or else updated), as far as the feed says it: a time
    (in UTC) where the feed gives one with its zone, else the day. feedparser pads what it
    reads ("2024-11" is 1 November at midnight UTC) and rolls "30 February" into March:
    a day the feed does not write is no date."""
    for key in ("published", "updated"):
        if key not in entry:  # (asking feedparser for one it lacks gives the other)
            continue
        written, parsed = entry.get(key), entry.get(f"{key}_parsed")
        if not written or not parsed:
            continue
        moment = datetime(*parsed[:6], tzinfo=UTC)
        timed = _CLOCK_AND_ZONE.search(written) is not None
        # A time in another zone may fall on the day before or after in UTC.
        days = (moment + timedelta(days=shift) for shift in ((-1, 0, 1) if timed else (0,)))
        if any(states_day(written, day.date().isoformat()) for day in days):
            return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if timed else moment.date().isoformat()
    return None


# RSS gives an author as an address, with the name in brackets: "desk@x.example (Ana Ruiz)".
_ADDRESS_AND_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")


def _author(text: str | None) -> str | None:
    """The author's name; None for an address alone (an address is not a byline)."""
    author = _one_line(text)
    named = _ADDRESS_AND_NAME.match(author)
    if named:
        return named.group("name").strip()
    return None if not author or "@" in author else author


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _title_text(holder: dict) -> str:
    """The title of a feed or an entry as text: feedparser gives it as the feed writes
    it, as HTML where the feed says so (Atom's type="html") or may mean it (RSS), with
    its character references ("&#8217;") and markup."""
    title = holder.get("title") or ""
    kind = (holder.get("title_detail") or {}).get("type") or ""
    if "html" not in kind or not any(char in title for char in "<&"):
        return _one_line(title)
    try:
        return _one_line(lxml.html.fromstring(f"<div>{title}</div>").text_content())
    except (ValueError, lxml.etree.ParserError):
        return _one_line(unescape(title))


# The types a page gives the feeds it names in <link rel="alternate">.
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
# The last part of a feed's address, as sites name them: "/feed", "/rss.xml", "?feed=rss2".
_FEED_ADDRESS = re.compile(
    r"(?:/(?:feeds?|rss\d?|atom|index\.xml)/?|\.(?:xml|rss|atom|rdf|json)|[?&]feed=\w*)$",
    re.IGNORECASE,
)


def looks_like_feed_address(url: str) -> bool:
    """Whether `url` reads as a feed's address, or as a site's front page (where a
    feed's address sends readers once the feed has moved)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.path in ("", "/") or bool(_FEED_ADDRESS.search(url.split("#", 1)[0]))


def named_feeds(html: bytes, address: str) -> list[str]:
    """The addresses of the feeds a web page names (<link rel="alternate">), whole."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for link in root.iterfind(".//link[@href]"):
        relations = (link.get("rel") or "").lower().split()
        if "alternate" in relations and (link.get("type") or "").lower() in _FEED_TYPES:
            found.append(web_address(link.get("href"), address))
    return [url for url in found if url]


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
