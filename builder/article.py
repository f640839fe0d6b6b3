"""Read a saved web page into an article: main text and metadata, with trafilatura.

trafilatura finds the article's text among the page's navigation, asides and footers,
and reads its title, author, site name and canonical URL; its date comes from htmldate,
told to use only what the page states about its own publication (meta tags, JSON-LD,
<time>, the byline), never a date guessed from the text.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from html import unescape

import htmldate
import lxml.html
import trafilatura

from builder.dates import DateError, PartialDate

_DATE_PARAMETERS = {"extensive_search": False, "original_date": True}
_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"


class ArticleError(ValueError):
    """The page could not be read as an article; the message says why."""


@dataclass(frozen=True)
class Article:
    title: str
    publisher: str | None
    url: str | None
    published: str | None  # ISO date, or datetime with offset, as the page gives it
    author: str | None
    language: str | None
    paragraphs: tuple[str, ...]


class _Markup:
    """The saved page as lxml parses it, when first needed (trafilatura parses a copy of
    its own, which it changes as it cleans it)."""

    def __init__(self, html: str | bytes) -> None:
        self.html = html

    @functools.cached_property
    def root(self) -> lxml.html.HtmlElement | None:
        try:
            return lxml.html.fromstring(self.html)
        except (ValueError, lxml.etree.ParserError):
            return None

    @functools.cached_property
    def title(self) -> str:
        """The text of its <title>."""
        found = self.root.find(".//title") if self.root is not None else None
        return _clean(found.text_content()) if found is not None else ""

    def states_headline(self, text: str) -> bool:
        """Whether the page gives `text` as its headline: in og:title or a <h1>."""
        if self.root is None:
            return False
        stated = self.root.xpath("//meta[@property='og:title']/@content|//h1")
        return any(
            _clean(item if isinstance(item, str) else item.text_content()) == text
            for item in stated
        )


def read_html(html: str | bytes, page_url: str | None = None) -> Article:
    """The article in a saved page; raises ArticleError when there is no article text."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=page_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMETERS,
        )
    except (ValueError, TypeError) as error:
        raise ArticleError(f"not a readable HTML page ({error})") from None
    if document is None or not (document.text or "").strip():
        raise ArticleError("no article text found in the page")
    page = _Markup(html)
    title = _clean(document.title)
    if not page.states_headline(title):
        title = _headline(title, page.title)
    if not title:
        raise ArticleError("the page has no title")
    paragraphs = [_clean(line) for line in document.text.splitlines()]
    paragraphs = [p for p in paragraphs if p and not _byline_leftover(p)]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, already the title
    if not paragraphs:
        raise ArticleError("no article text found in the page")
    return Article(
        title=title,
        publisher=_clean(document.sitename) or _site_in_title(page.title, title),
        url=_web_address(document.url),
        published=_publication(page, document.date),
        author=_author(document.author, html),
        language=_clean(document.language) or _page_language(page),
        paragraphs=tuple(paragraphs),
    )


# What parts a <title>: "Headline | Site", "Site - Headline".
_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+")
# What stands between a headline and its site's name alone, never inside a headline.
_SITE_BAR = re.compile(r"\s+[|·]\s+")


def _headline(title: str, page_title: str) -> str:
    """trafilatura keeps one part of a <title> such as "Site - Headline", at times the
    site's name: the part of most words is the headline."""
    parts = _TITLE_PARTS.split(page_title)
    if title in parts:
        longest = max(parts, key=lambda part: len(part.split()))
        if len(longest.split()) > len(title.split()):
            return longest
    return title


def _site_in_title(page_title: str, headline: str) -> str | None:
    """The site a <title> such as "Headline | Site" names beside the headline, for a page
    that names it nowhere else."""
    parts = _SITE_BAR.split(page_title)
    if len(parts) != 2 or headline not in parts:
        return None
    site = parts[0] if parts[1] == headline else parts[1]
    return site if 0 < len(site.split()) <= 5 else None


def _publication(page: _Markup, day: str | None) -> str | None:
    """The page's publication time with its offset where the page gives one, else its
    day; None when the page states no date."""
    if not day:
        return None
    moment = htmldate.find_date(page.html, outputformat=_WITH_TIME, **_DATE_PARAMETERS)
    # htmldate gives midnight UTC for a page that states only the day: keep the day then.
    if moment and moment.startswith(day) and not moment.endswith("T00:00:00+0000"):
        iso = f"{moment[:19]}{moment[19:22]}:{moment[22:]}" if len(moment) == 24 else None
        if iso is not None:
            try:
                PartialDate.parse(iso)
                return iso
            except DateError:
                pass
    # htmldate keeps only the day of a JSON-LD datePublished: its time, when the page's
    # own article gives one with its offset on that day.
    for stated in _linked_data_published(page):
        if stated.tzinfo is not None and stated.date().isoformat() == day:
            return stated.isoformat(timespec="seconds")
    return day


_ARTICLE_TYPE = re.compile(r"Article$|^BlogPosting$|^Report$")


def _linked_data_published(page: _Markup) -> Iterator[datetime]:
    """The datePublished of each article described in the page's JSON-LD, in order."""
    if page.root is None:
        return
    for script in page.root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for node in _linked_data_nodes(data):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            value = node.get("datePublished")
            if not isinstance(value, str) or not any(
                isinstance(kind, str) and _ARTICLE_TYPE.search(kind) for kind in kinds
            ):
                continue
            try:
                yield datetime.fromisoformat(value.strip())
            except ValueError:
                continue


def _linked_data_nodes(data: object) -> Iterator[dict]:
    """The page's own objects: the top level, lists of them and an @graph; not what they
    mention (related articles have dates of their own)."""
    if isinstance(data, list):
        for item in data:
            yield from _linked_data_nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _linked_data_nodes(data["@graph"])


def _page_language(page: _Markup) -> str | None:
    language = (page.root.get("lang") or "").strip() if page.root is not None else ""
    return language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language) else None


def _web_address(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if url.lower().startswith(("https://", "http://")) else None


# "By" as bylines write it in the languages newsrooms use most, when the page's own
# markup leaves it in the author's name ("Par Amélie Durand").
_BYLINE_WORD = re.compile(r"\A(?:by|par|por|door|przez)\s*:?\s+(?=\S)", re.IGNORECASE)
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# What a byline leaves when the extraction drops its name and date: "By", "Par —", "|".
_LEFTOVER = re.compile(r"(?:(?:by|par|por|door|przez|von)\b)?\W*", re.IGNORECASE)


def _byline_leftover(paragraph: str) -> bool:
    return _LEFTOVER.fullmatch(paragraph) is not None


def _author(names: str | None, html: str | bytes) -> str | None:
    """The authors as the page writes them. trafilatura lists them joined by "; ", with
    the full stops and commas of their names dropped ("J. Ruiz" becomes "J Ruiz", and
    "A. Smith, Jr." two authors, "A Smith" and "Jr"): each name is looked for in the page,
    and written as the page writes it when the two differ only in that punctuation."""
    found: list[str] = []
    for name in (_clean(part) for part in (names or "").split(";")):
        name = _BYLINE_WORD.sub("", name, count=1)
        if not name:
            continue
        if found and name.casefold() in _NAME_SUFFIXES:
            found[-1] = f"{found[-1]} {name}"
        else:
            found.append(name)
    if not found:
        return None
    page = _page_text(html)
    return "; ".join(_as_written(name, page) for name in found)


def _page_text(html: str | bytes) -> str:
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    return unescape(text)


def _as_written(name: str, page: str) -> str:
    words = name.split()
    # Between words: a full stop, a comma (before "Jr."), or only space, as written.
    pattern = r"(?:\.\s*|,\s+|\s+)".join(re.escape(word) for word in words)
    if len(words[-1]) == 1 or words[-1].casefold() in ("jr", "sr"):
        pattern += r"\.?"  # an initial, or "Jr.", ends with its full stop
    match = re.search(rf"(?<!\w){pattern}(?!\w)", page)
    if match is None:
        return name
    written = " ".join(match[0].split())
    return written if " ".join(re.sub(r"[.,]", " ", written).split()) == name else name


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())
