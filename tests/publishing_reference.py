"""The publishing outputs as the builder first wrote them, for byte comparisons: Atom
feeds and the sitemap built and serialised with ElementTree, exports with json.dumps
(the code of builder/feeds.py, sitemap.py and exports.py before their fast paths)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html import escape

from builder.config import SiteConfig
from builder.exports import _link, timelinejs_date
from builder.feeds import (
    ATOM,
    EPOCH,
    _content_html,
    _href,
    _newest_first,
    _summary,
    _text,
    entry_id,
    entry_updated,
    feed_id,
)
from builder.meta import absolute_url, public_path
from builder.views import CitationView, EventView, SiteView, SourceView

ET.register_namespace("", ATOM)


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        element.text = _text(text)
    return element


def atom_feed(
    events: tuple[EventView, ...], config: SiteConfig, *, path: str, title: str, page: str
) -> bytes:
    root = "../" * path.count("/")
    newest_first = sorted(events, key=_newest_first, reverse=True)
    updated = [entry_updated(event) for event in newest_first]
    feed = ET.Element(f"{{{ATOM}}}feed")
    if config.language:
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", config.language)
    _add(feed, "id", feed_id(path, config))
    _add(feed, "title", title)
    if config.description:
        _add(feed, "subtitle", config.description)
    _add(feed, "updated", max(updated, default=EPOCH))
    _add(feed, "link", rel="self", type="application/atom+xml", href=_href(config, path, root))
    page_href = absolute_url(config, public_path(page)) or root + page
    _add(feed, "link", rel="alternate", type="text/html", href=page_href)
    author = _add(feed, "author")
    _add(author, "name", config.title)
    _add(feed, "generator", "timeline")
    for event, stamp in zip(newest_first, updated, strict=True):
        entry = _add(feed, "entry")
        _add(entry, "id", entry_id(event, config))
        _add(entry, "title", event.title)
        _add(entry, "updated", stamp)
        _add(entry, "link", rel="alternate", type="text/html", href=_href(config, event.url, root))
        for tag in event.tags:
            _add(entry, "category", term=tag.slug, label=_text(tag.name))
        _add(entry, "summary", _summary(event))
        _add(entry, "content", _content_html(event, config, root), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def sitemap(pages: tuple[str, ...], config: SiteConfig) -> bytes:
    urlset = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for path in pages:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = absolute_url(config, public_path(path))
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def _date(date) -> dict:
    return {"date": date.iso(), "precision": date.precision.name.lower()}


def _citation(citation: CitationView, config: SiteConfig) -> dict:
    return {
        "source": citation.source_id,
        "quote": citation.quote,
        "article_url": citation.article_url,
        "page": _link(config, citation.local_url),
    }


def _event(event: EventView, config: SiteConfig) -> dict:
    return {
        "id": event.id,
        "url": _link(config, event.url),
        "title": event.title,
        **_date(event.when.start),
        "end": _date(event.when.end) if event.when.end else None,
        "ongoing": event.when.ongoing,
        "display_date": event.date_display,
        "status": event.status,
        "extracted": event.extracted,
        "tags": [{"name": tag.name, "slug": tag.slug} for tag in event.tags],
        "summary_html": str(event.summary_html),
        "sources": [_citation(citation, config) for citation in event.citations],
    }


def _source(source: SourceView, config: SiteConfig) -> dict:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "author": source.author,
        "published": source.published_iso,
        "url": source.original_url,
        "language": source.language,
        "rights": source.rights,
        "page": _link(config, source.url),
    }


def _dumps(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def timeline_json(view: SiteView, config: SiteConfig) -> bytes:
    return _dumps(
        {
            "version": 1,
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "timezone": config.timezone,
            "url": absolute_url(config, ""),
            "events": [_event(event, config) for event in view.events],
            "sources": [_source(source, config) for source in view.sources],
        }
    )


def _slide_text(event: EventView, config: SiteConfig) -> str:
    parts = [str(event.summary_html)]
    links = []
    for citation in event.citations:
        href = citation.article_url or _link(config, citation.local_url)
        label = f"{citation.publisher}, {citation.published}"
        links.append(f'<a href="{escape(href)}">{escape(label)}</a>')
    page = escape(_link(config, event.url))
    parts.append(f"<p>Status: {escape(event.status)}. Sources: {'; '.join(links)}.</p>")
    parts.append(f'<p><a href="{page}">The entry and its quotes</a></p>')
    return "\n".join(parts)


def _slide(event: EventView, config: SiteConfig) -> dict:
    slide: dict = {"unique_id": event.id, "start_date": timelinejs_date(event.when.start)}
    end = event.when.end
    if end is not None and end != event.when.start:
        slide["end_date"] = timelinejs_date(end)
    slide["display_date"] = event.date_display
    slide["text"] = {"headline": escape(event.title), "text": _slide_text(event, config)}
    if event.tags:
        slide["group"] = event.tags[0].name
    return slide


def timelinejs_json(view: SiteView, config: SiteConfig) -> bytes:
    title_text = {"headline": escape(config.title)}
    if config.description:
        title_text["text"] = f"<p>{escape(config.description)}</p>"
    slides = [_slide(event, config) for event in view.events]
    return _dumps({"title": {"text": title_text}, "events": slides, "scale": "human"})
