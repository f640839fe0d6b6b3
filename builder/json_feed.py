"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1): a feed written as one JSON object,
which feedparser does not read. The format is small and published, and the standard
library's json module parses it; its items become the same FeedEntry an RSS or Atom
entry gives."""

from __future__ import annotations

import json
import re
from datetime import datetime

import nh3

from builder.fetch import FeedEntry, feed_copy_page
from builder.web_address import web_address

JSON_FEED_SUFFIXES = (".json",)
_VERSION = re.compile(r"https?://jsonfeed\.org/version/\d+(?:\.\d+)?")


class JsonFeedError(ValueError):
    """Not a JSON Feed that can be read; the message says why (and where)."""


def is_json_feed(data: bytes) -> bool:
    """Whether `data` reads as a JSON object declaring a jsonfeed.org version."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b"jsonfeed.org" in data


def read_json_feed(data: bytes, address: str | None = None) -> list[FeedEntry]:
    """The items of a JSON Feed, in the feed's order; addresses are made whole against
    `address` (where the feed came from) or its home page, and an item with none has the
    link ""."""
    feed = _parsed(data)
    items = feed.get("items", [])
    if not isinstance(items, list):
        raise JsonFeedError("not a readable JSON Feed: its items are not a list")
    base = address or _text(feed.get("home_page_url"))
    publisher = _text(feed.get("title")) or None
    language = _text(feed.get("language")) or None
    feed_authors = _authors(feed)
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = web_address(_text(item.get("url")) or _text(item.get("external_url")), base)
        title = _text(item.get("title"))
        item_language = _text(item.get("language")) or language
        entries.append(
            FeedEntry(
                link or "",
                title,
                _published(item),
                _authors(item) or feed_authors,
                publisher,
                item_language,
                _copy(item, title, item_language),
            )
        )
    return entries


def _parsed(data: bytes) -> dict:
    try:
        feed = json.loads(data)
    except json.JSONDecodeError as error:
        raise JsonFeedError(
            f"not a readable JSON Feed: line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except ValueError as error:  # not UTF-8 (nor UTF-16 or -32)
        raise JsonFeedError(f"not a readable JSON Feed ({error})") from None
    except RecursionError:
        raise JsonFeedError("not a readable JSON Feed: it nests too deeply") from None
    if not isinstance(feed, dict) or not _VERSION.fullmatch(_text(feed.get("version"))):
        raise JsonFeedError("not a JSON Feed (jsonfeed.org): it has no jsonfeed.org version")
    return feed


def _published(item: dict) -> str | None:
    """The item's date_published (else date_modified) as written: a time with its
    offset, or the day when it gives no offset; None when it is no date."""
    for key in ("date_published", "date_modified"):
        written = _text(item.get(key))
        try:
            moment = datetime.fromisoformat(written)
        except ValueError:
            continue
        if moment.tzinfo is not None:
            return moment.isoformat(timespec="seconds")
        return moment.date().isoformat()
    return None


def _authors(holder: dict) -> str | None:
    """The names of `authors` (1.1) or `author` (1), joined by "; "."""
    authors = holder.get("authors")
    if not isinstance(authors, list):
        authors = [holder.get("author")]
    names = [_text(author.get("name")) for author in authors if isinstance(author, dict)]
    return "; ".join(name for name in names if name) or None


def _copy(item: dict, title: str, language: str | None) -> bytes | None:
    """The article the item carries (its HTML cleaned of scripts and the like), as a page."""
    html = _text_block(item.get("content_html"))
    if html:
        return feed_copy_page(title, nh3.clean(html), "text/html", language)
    text = _text_block(item.get("content_text"))
    return feed_copy_page(title, text, "text/plain", language) if text else None


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _text_block(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
