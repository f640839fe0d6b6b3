"""Atom feeds (RFC 4287) of events, newest first: one for the site, one per tag.

Nothing here depends on the time of the build, so a rebuild of the same content gives the
same bytes: an entry is `updated` when the newest article it cites was published, and a
feed when its newest entry was. Ids are the events' published addresses (base_url plus
the permalink), or, for a site without base_url, URNs derived from the site title and
event id; either way they do not change from one build to the next.
"""

from __future__ import annotations

import functools
import heapq
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from html import escape

from builder.config import SiteConfig
from builder.dates import PartialDate
from builder.meta import absolute_url, event_description, public_path
from builder.outputs import Output, Previous, xml_document, xml_element, xml_parent
from builder.views import EventView, SiteView, TagView, chronological_order

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
# A feed with no entries still needs an `updated`; a fixed date keeps it deterministic.
EPOCH = "1970-01-01T00:00:00Z"

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def tag_feed_path(tag: TagView) -> str:
    return f"tags/{tag.slug}.xml"


@functools.lru_cache(maxsize=65536)  # the same articles are cited by many events
def rfc3339(published_iso: str) -> str:
    """A publication date at any precision as an Atom date-time (partial dates: day start, UTC)."""
    date = PartialDate.parse(published_iso)
    if date.moment is not None:
        return date.moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return datetime(*date.first_day().timetuple()[:3], tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_updated(event: EventView) -> str:
    """When the newest article cited by the event was published (the event's own date if none)."""
    stamps = [rfc3339(citation.published_iso) for citation in event.citations]
    return max(stamps, default=rfc3339(event.date_iso))


def entry_id(event: EventView, config: SiteConfig) -> str:
    return absolute_url(config, event.url) or _urn(config, f"events/{event.id}")


def feed_id(path: str, config: SiteConfig) -> str:
    return absolute_url(config, path) or _urn(config, path)


def _urn(config: SiteConfig, name: str) -> str:
    site = uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{config.title}")
    return f"urn:uuid:{uuid.uuid5(site, name)}"


def _href(config: SiteConfig, path: str, root: str) -> str:
    """Absolute when base_url is set; otherwise relative to the feed file's own folder."""
    return absolute_url(config, path) or root + path


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _leaf(name: str, text: str, **attributes: str) -> str:
    return xml_element(name, _text(text), attributes)


def _content_html(event: EventView, config: SiteConfig, root: str) -> str:
    parts = [f"<p><strong>{escape(event.date_display)}</strong> · {event.status}</p>"]
    parts.append(str(event.summary_html))
    if event.citations:
        parts.append("<ul>")
        for citation in event.citations:
            href = citation.article_url or _href(config, citation.local_url, root)
            parts.append(
                f"<li>{escape(citation.publisher)}, {escape(citation.published)}: "
                f"<q>{escape(citation.quote)}</q> "
                f'(<a href="{escape(href)}">{escape(citation.source_title)}</a>)</li>'
            )
        parts.append("</ul>")
    return "\n".join(parts)


def _entry(event: EventView, config: SiteConfig, root: str) -> str:
    """The <entry> of an event, as it stands in a feed (one level deep)."""
    href = _href(config, event.url, root)
    children = [
        _leaf("id", entry_id(event, config)),
        _leaf("title", event.title),
        _leaf("updated", entry_updated(event)),
        xml_element("link", None, {"rel": "alternate", "type": "text/html", "href": href}),
        *(
            xml_element("category", None, {"term": tag.slug, "label": _text(tag.name)})
            for tag in event.tags
        ),
        _leaf("summary", _summary(event)),
        _leaf("content", _content_html(event, config, root), type="html"),
    ]
    return xml_parent("entry", children, 1)


class Entries:
    """Each event's entry, made once for all the feeds that show it."""

    def __init__(self, config: SiteConfig) -> None:
        self.config = config
        self._made: dict[tuple[int, str], tuple[EventView, str]] = {}

    def entry(self, event: EventView, root: str) -> str:
        """The entry as a feed `root` away from the site root shows it."""
        key = (id(event), root)
        known = self._made.get(key)
        if known is None or known[0] is not event:
            # Holding `event` keeps its id its own while it is a key.
            known = self._made[key] = (event, _entry(event, self.config, root))
        return known[1]


def atom_feed(
    events: tuple[EventView, ...],
    config: SiteConfig,
    *,
    path: str,
    title: str,
    page: str,
    entries: Entries | None = None,
) -> bytes:
    """An Atom feed at `path` of `events` (newest first), whose web page is `page`.
    `entries` may hold the events' entries already made for other feeds."""
    entries = entries or Entries(config)
    root = "../" * path.count("/")
    newest_first = sorted(events, key=_newest_first, reverse=True)
    updated = max((entry_updated(event) for event in newest_first), default=EPOCH)
    page_href = absolute_url(config, public_path(page)) or root + page
    children = [_leaf("id", feed_id(path, config)), _leaf("title", title)]
    if config.description:
        children.append(_leaf("subtitle", config.description))
    children += [
        _leaf("updated", updated),
        _leaf("link", "", rel="self", type="application/atom+xml", href=_href(config, path, root)),
        _leaf("link", "", rel="alternate", type="text/html", href=page_href),
        xml_parent("author", [_leaf("name", config.title)], 1),
        _leaf("generator", "timeline"),
        *(entries.entry(event, root) for event in newest_first),
    ]
    attributes = {"xmlns": ATOM}
    if config.language:
        attributes["xml:lang"] = config.language
    return xml_document("feed", children, attributes)


def _summary(event: EventView) -> str:
    """The event's date, then its summary when it has one."""
    described = event_description(event)
    if described == event.date_display:
        return described
    return f"{event.date_display}: {described}"


def newest(events: Iterable[EventView], limit: int) -> list[EventView]:
    """The `limit` newest events, newest first (all of them when `limit` is 0)."""
    if limit <= 0:
        return sorted(events, key=_newest_first, reverse=True)
    return heapq.nlargest(limit, events, key=_newest_first)


# A site view lists events in this order (oldest first).
_newest_first = chronological_order


def _latest(events: tuple[EventView, ...], limit: int) -> tuple[EventView, ...]:
    """The `limit` newest of `events` (all of them when `limit` is 0) but unreviewed
    candidates, newest first. `events` are in a site view's order, oldest first: its
    order is `_newest_first`'s when no two events share an id, so the newest are the
    last ones (no event need be ranked)."""
    shown: list[EventView] = []
    for event in reversed(events):
        if not event.unreviewed:
            shown.append(event)
            if len(shown) == limit:
                break
    return tuple(shown)


def feed_outputs(
    view: SiteView, config: SiteConfig, previous: Previous | None = None
) -> list[Output]:
    """The site's feed and one per tag, each holding the newest `feed_entries` events.
    A feed's inputs are its events, each stood for by its page's fingerprint when the
    page cache has one (it covers all the event's data), which is cheaper to hash."""
    previous = previous or Previous(None)
    specs = [(FEED_PATH, view.events, config.title, "index.html")]
    specs += [
        (tag_feed_path(tag), tag.events, f"{tag.name} · {config.title}", tag.url)
        for tag in view.tags
    ]
    outputs = []
    entries = Entries(config)
    # With two events of one id (and time), the view's order of the two need not be
    # the reverse of _newest_first's: they are then ranked.
    in_order = len({event.id for event in view.events}) == len(view.events)
    for path, events, title, page in specs:
        if in_order:
            shown = _latest(events, config.feed_entries)
        else:
            shown = tuple(newest((e for e in events if not e.unreviewed), config.feed_entries))
        inputs = previous.stand_ins(shown)
        outputs.append(
            Output(
                path,
                ("feed", path, title, page, inputs),
                functools.partial(
                    atom_feed, shown, config, path=path, title=title, page=page, entries=entries
                ),
            )
        )
    return outputs


def feeds(view: SiteView, config: SiteConfig) -> dict[str, bytes]:
    """The site's feed and one per tag, by output path."""
    return {output.path: output.make() for output in feed_outputs(view, config)}
