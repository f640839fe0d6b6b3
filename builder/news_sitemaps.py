"""News sitemaps (Google's sitemap-news extension of sitemaps.org): a site's articles of
the last days, each with its address, title, publication date, publisher and language.
`timeline add` reads one as it reads a feed: its entries are the same FeedEntry an RSS
entry gives, without a copy of the article. A sitemap without news entries lists every
page of a site, not its articles, and is not read."""

from __future__ import annotations

from datetime import datetime

import lxml.etree

from builder.fetch import FeedEntry
from builder.web_address import web_address


def is_sitemap(data: bytes) -> bool:
    return b"<urlset" in data[:4096]


def is_sitemap_index(data: bytes) -> bool:
    return b"<sitemapindex" in data[:4096]


def listed_news_sitemaps(data: bytes, address: str | None = None) -> list[str]:
    """The addresses of the news sitemaps a sitemap index lists (those its address names
    as news: "news-sitemap.xml", "sitemap-news.xml"), made whole against `address`."""
    root = _parsed(data)
    if root is None:
        return []
    addresses = (web_address(_text(loc), address) for loc in root.iterfind("{*}sitemap/{*}loc"))
    return [url for url in addresses if url and "news" in url.casefold()]


def _parsed(data: bytes) -> lxml.etree._Element | None:
    # No entity expansion and no network: the file may come from anywhere.
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        return lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        return None


def read_news_sitemap(data: bytes, address: str | None = None) -> list[FeedEntry] | None:
    """The articles a news sitemap lists, in its order (addresses made whole against
    `address`, where it came from); None when `data` is no sitemap with news entries."""
    if not is_sitemap(data):
        return None
    root = _parsed(data)
    if root is None or _local_name(root) != "urlset":
        return None
    entries = []
    for url in root.iterchildren("{*}url"):
        news = url.find("{*}news")
        link = web_address(_text(url.find("{*}loc")), address)
        if news is None or not link:
            continue
        entries.append(
            FeedEntry(
                link,
                _text(news.find("{*}title")),
                _published(_text(news.find("{*}publication_date"))),
                None,
                _text(news.find("{*}publication/{*}name")) or None,
                _text(news.find("{*}publication/{*}language")) or None,
            )
        )
    return entries or None


def _published(written: str) -> str | None:
    """A W3C date or datetime as written: a time with its offset, or the day when it
    gives no offset (a time without one is no moment); None for no date."""
    try:
        moment = datetime.fromisoformat(written)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return moment.isoformat(timespec="seconds")
    return moment.date().isoformat()


def _local_name(element: lxml.etree._Element) -> str:
    """The element's name without its namespace (or a prefix a broken file never
    declared, which lxml keeps in the name: "news:news")."""
    return str(element.tag).rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _text(element: lxml.etree._Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""
