"""Page metadata for people and machines: absolute URLs, descriptions and schema.org JSON-LD.

Templates reach these helpers through the `meta` global (a PageMeta), so that they show
values computed here rather than assembling URLs or JSON themselves.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote

from markupsafe import Markup

from builder.config import SiteConfig
from builder.periods import PeriodLink
from builder.views import EventView, SiteView, YearGroup

DESCRIPTION_LENGTH = 200

# The characters quote(path, safe="/#") leaves as they are.
_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9_.~/#-]*")

# Inside <script>, "</script" or "<!--" would end or confuse the block whatever JSON says;
# U+2028/2029 end lines in older JavaScript parsers. JSON's \uXXXX escapes keep the value.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def absolute_url(config: SiteConfig, path: str) -> str | None:
    """The published address of `path` (relative to the site root), when base_url is set."""
    if not config.base_url:
        return None
    base = config.base_url if config.base_url.endswith("/") else config.base_url + "/"
    if _NEEDS_NO_QUOTING.fullmatch(path):
        return base + path  # what quote() would return, without its cost
    # Percent-encoded, as sitemaps require (tags/حلب.html is tags/%D8%AD%D9%84%D8%A8.html).
    return base + quote(path, safe="/#")


def public_path(path: str) -> str:
    """A page's path as linked from outside: a folder's index.html is the folder itself."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# A tag with no quoted attribute value (which could hold a ">") and no character reference.
_SIMPLE_TAG = re.compile(r"</?[A-Za-z][^<>\"'&]*>")
_RAW_TEXT = re.compile(r"<(script|style)", re.IGNORECASE)  # the parser's rules differ inside


@functools.lru_cache(maxsize=65536)  # the same summary is described on several pages
def plain_text(html: str) -> str:
    """The words of an HTML fragment, markup removed and whitespace collapsed."""
    if "&" not in html and not _RAW_TEXT.search(html):
        # Most summaries are paragraphs with a little emphasis: with no references to
        # decode and no "<" left once the simple tags are gone, their text is the rest.
        text = _SIMPLE_TAG.sub("", html)
        if "<" not in text:
            return " ".join(text.split())
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


# json.dumps(data, ensure_ascii=False, separators=(",", ":")) without making an encoder
# for each call.
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def script_json(data: object) -> Markup:
    """JSON that is safe as the whole content of an HTML <script> element."""
    text = _COMPACT_JSON.encode(data)
    for character, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escape)
    return Markup(text)


def event_description(event: EventView) -> str:
    return shorten(plain_text(str(event.summary_html))) or event.date_display


def _dates(event: EventView) -> dict[str, str]:
    dates = {"startDate": event.date_iso}
    if event.end_iso:
        dates["endDate"] = event.end_iso
    return dates


def event_jsonld(event: EventView, config: SiteConfig) -> dict:
    """An event page as a schema.org Event, the articles reporting it as NewsArticles."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        **_dates(event),
        "description": event_description(event),
    }
    if url := absolute_url(config, event.url):
        data["url"] = url
    if event.tags:
        data["keywords"] = [tag.name for tag in event.tags]
    articles = []
    cited: set[str] = set()
    for citation in event.citations:  # each source once, at its first citation
        if citation.source_id in cited:
            continue
        cited.add(citation.source_id)
        article: dict = {
            "@type": "NewsArticle",
            "headline": citation.source_title,
            "datePublished": citation.published_iso,
            "publisher": {"@type": "Organization", "name": citation.publisher},
        }
        if citation.article_url:
            article["url"] = citation.article_url.split("#", 1)[0]
        articles.append(article)
    if articles:
        data["subjectOf"] = articles
    return data


def shown_events(years: Iterable[YearGroup]) -> list[EventView]:
    """The events a chronology page lists, in the order it lists them."""
    return [event for group in years for month in group.months for event in month.events]


def chronology_jsonld(
    events: Iterable[EventView], config: SiteConfig, *, period: PeriodLink | None = None
) -> dict:
    """A chronology page as a schema.org ItemList of the events it shows, in its order:
    the front page (`period` None) or the page of one year, month or day."""
    items = []
    for position, event in enumerate(events, start=1):
        item: dict = {"@type": "Event", "name": event.title, **_dates(event)}
        if url := absolute_url(config, event.url):
            item["url"] = url
        items.append({"@type": "ListItem", "position": position, "item": item})
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": config.title if period is None else f"{period.label} · {config.title}",
    }
    if config.description and period is None:
        data["description"] = config.description
    if url := absolute_url(config, "" if period is None else period.url):
        data["url"] = url
    data["itemListOrder"] = "https://schema.org/ItemListOrderAscending"
    data["numberOfItems"] = len(items)
    data["itemListElement"] = items
    return data


@dataclass(frozen=True)
class PageMeta:
    """What templates call to fill <head>: `meta.url(path)`, `meta.event_ld(event)`…"""

    config: SiteConfig
    view: SiteView

    def url(self, path: str) -> str | None:
        return absolute_url(self.config, public_path(path))

    def description(self, event: EventView) -> str:
        return event_description(event)

    def event_ld(self, event: EventView) -> Markup:
        return script_json(event_jsonld(event, self.config))

    def chronology_ld(
        self, years: Iterable[YearGroup] | None = None, period: PeriodLink | None = None
    ) -> Markup:
        """The events of `years` (the year groups a page shows) as JSON-LD; without them,
        every event of the site, which makes the page depend on the whole view."""
        events = self.view.events if years is None else shown_events(years)
        return script_json(chronology_jsonld(events, self.config, period=period))
