"""JSON exports: `timeline.json` in our own schema, `timelinejs.json` for the TimelineJS3 viewer.

Both list events in date order and keep each date at its precision: a year stays a year.
The schema of `timeline.json` is documented in docs/json-export.md; its `version` changes
whenever a field is removed or changes meaning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape
from json.encoder import encode_basestring as _string
from typing import Any

from builder.config import SiteConfig
from builder.dates import PartialDate, Precision
from builder.meta import absolute_url
from builder.outputs import Output, Previous
from builder.views import CitationView, EventView, SiteView, SourceView

SCHEMA_VERSION = 1
TIMELINE_JSON = "timeline.json"
TIMELINEJS_JSON = "timelinejs.json"


def _link(config: SiteConfig, path: str) -> str:
    """Absolute when base_url is set, else relative to the site root (where the export is)."""
    return absolute_url(config, path) or path


INDENT = "  "
# "\n" and the indent of each depth, made once.
_NEWLINES = ["\n" + INDENT * depth for depth in range(32)]


def _dumps(data: object) -> bytes:
    """`data` as json.dumps(data, ensure_ascii=False, indent=2) writes it, and a newline,
    in UTF-8. An export is tens of megabytes: its text is joined once, from all its
    pieces, and the items of `Fragments` (UTF-8 already) are pasted in as they are."""
    pieces: list[str | bytes] = []
    _write(data, 0, pieces)
    pieces.append("\n")
    encoded: list[bytes] = []
    text: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            text.append(piece)
        else:
            encoded.append("".join(text).encode("utf-8"))
            encoded.append(piece)  # type: ignore[arg-type]
            text.clear()
    encoded.append("".join(text).encode("utf-8"))
    return b"".join(encoded)


class Fragments(tuple):
    """A JSON array whose items are already serialised in UTF-8 (bytes, or a view of
    them), each at the depth it appears."""


def _true_or_false(value: bool) -> str:
    return "true" if value else "false"


# The JSON of values that hold no others, by exact type (a subclass, say a str-based
# Markup or an IntEnum, takes the general way); floats go to json.dumps for NaN and
# infinities.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _string,
    type(None): lambda _: "null",
    bool: _true_or_false,
    int: int.__repr__,
}

# Each key as it is written before its value: '"key": '. Keys repeat in every item.
_KEYS: dict[str, str] = {}


def to_json(value: object, level: int = 0) -> str:
    """The text json.dumps(value, ensure_ascii=False, indent=2) gives, for a value `level`
    containers deep (json's own indenting encoder is pure Python, and slow). JSON strings
    never hold a raw newline, so a fragment made at its depth can be pasted in as it is."""
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        return scalar(value)
    pieces: list[str] = []
    _write(value, level, pieces)
    return "".join(pieces)


def _write(value: object, level: int, pieces: list) -> None:
    """Append the pieces of `value`'s JSON text to `pieces`."""
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        pieces.append(scalar(value))
    elif isinstance(value, dict):
        _write_object(value, level, pieces)
    elif isinstance(value, list | tuple):
        _write_array(value, level, pieces)
    elif isinstance(value, str):
        pieces.append(_string(value))
    elif isinstance(value, int | float):
        pieces.append(json.dumps(value))
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write_object(value: dict, level: int, pieces: list) -> None:
    if not value:
        pieces.append("{}")
        return
    inner = _indent(level + 1)
    before, separator = "{" + inner, "," + inner
    for key, item in value.items():
        written = _KEYS.get(key) if type(key) is str else None
        pieces.append(before + (written or _key(key)))
        scalar = _SCALARS.get(type(item))
        if scalar is not None:
            pieces.append(scalar(item))
        else:
            _write(item, level + 1, pieces)
        before = separator
    pieces.append(_indent(level) + "}")


def _write_array(value: list | tuple, level: int, pieces: list) -> None:
    if not value:
        pieces.append("[]")
        return
    inner = _indent(level + 1)
    before, separator = "[" + inner, "," + inner
    written = isinstance(value, Fragments)
    for item in value:
        pieces.append(before)
        if written:
            pieces.append(item)
        else:
            _write(item, level + 1, pieces)
        before = separator
    pieces.append(_indent(level) + "]")


def _indent(level: int) -> str:
    return _NEWLINES[level] if level < len(_NEWLINES) else "\n" + INDENT * level


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"JSON keys here are strings, not {type(key).__name__}")
    written = _string(key) + ": "
    if type(key) is str and len(_KEYS) < 4096:
        _KEYS[key] = written
    return written


_PRECISION_NAMES = {precision: precision.name.lower() for precision in Precision}


def _date(date: PartialDate) -> dict:
    return {"date": date.iso(), "precision": _PRECISION_NAMES[date.precision]}


# html.escape(value) is `value` itself when it holds none of the characters it replaces.
_HTML_SPECIAL = re.compile("[&<>\"']")


def _escape(value: str) -> str:
    return escape(value) if _HTML_SPECIAL.search(value) else value


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


def timeline_document(view: SiteView, config: SiteConfig) -> dict:
    """The whole chronology in our own schema (docs/json-export.md)."""
    return {
        **_timeline_head(config),
        "events": [_event(event, config) for event in view.events],
        "sources": [_source(source, config) for source in view.sources],
    }


def _timeline_head(config: SiteConfig) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "timezone": config.timezone,
        "url": absolute_url(config, ""),
    }


def _timeline_json(view: SiteView, config: SiteConfig, previous: Previous) -> bytes:
    old = _items(previous.data(TIMELINE_JSON), ("events", "sources"))
    events = _fragments(view.events, old["events"], previous, lambda e: _event(e, config))
    sources = _fragments(view.sources, old["sources"], previous, lambda s: _source(s, config))
    return _dumps({**_timeline_head(config), "events": events, "sources": sources})


def timelinejs_date(date: PartialDate) -> dict:
    """A TimelineJS3 date object carrying exactly the parts the date is known to."""
    value: dict = {"year": date.year}
    if date.month is not None:
        value["month"] = date.month
    if date.day is not None:
        value["day"] = date.day
    if date.moment is not None:
        value["hour"] = date.moment.hour
        value["minute"] = date.moment.minute
    return value


def _slide_text(event: EventView, config: SiteConfig) -> str:
    parts = [str(event.summary_html)]
    links = []
    for citation in event.citations:
        href = citation.article_url or _link(config, citation.local_url)
        label = f"{citation.publisher}, {citation.published}"
        links.append(f'<a href="{_escape(href)}">{_escape(label)}</a>')
    page = _escape(_link(config, event.url))
    parts.append(f"<p>Status: {_escape(event.status)}. Sources: {'; '.join(links)}.</p>")
    parts.append(f'<p><a href="{page}">The entry and its quotes</a></p>')
    return "\n".join(parts)


def timelinejs_slide(event: EventView, config: SiteConfig) -> dict:
    """One event as a TimelineJS3 slide. Times are in the site's zone, named in display_date."""
    slide: dict = {
        "unique_id": event.id,
        "start_date": timelinejs_date(event.when.start),
    }
    end = event.when.end
    if end is not None and end != event.when.start:
        slide["end_date"] = timelinejs_date(end)
    slide["display_date"] = event.date_display
    # headline and group are plain text to us; the viewer reads headline as HTML.
    slide["text"] = {"headline": _escape(event.title), "text": _slide_text(event, config)}
    if event.tags:
        slide["group"] = event.tags[0].name
    return slide


def timelinejs_document(view: SiteView, config: SiteConfig) -> dict:
    """The chronology in the JSON format the TimelineJS3 viewer loads."""
    slides = [timelinejs_slide(event, config) for event in view.events]
    return {"title": _timelinejs_title(config), "events": slides, "scale": "human"}


def _timelinejs_title(config: SiteConfig) -> dict:
    title_text = {"headline": _escape(config.title)}
    if config.description:
        title_text["text"] = f"<p>{_escape(config.description)}</p>"
    return {"text": title_text}


def _timelinejs_json(view: SiteView, config: SiteConfig, previous: Previous) -> bytes:
    old = _items(previous.data(TIMELINEJS_JSON), ("events",), "unique_id")
    slides = _fragments(view.events, old["events"], previous, lambda e: timelinejs_slide(e, config))
    return _dumps({"title": _timelinejs_title(config), "events": slides, "scale": "human"})


def _fragments(
    items: tuple[EventView, ...] | tuple[SourceView, ...],
    old: dict[bytes, memoryview],
    previous: Previous,
    make: Callable,
) -> Fragments:
    """Each item (an event or a source) as JSON two levels deep, in UTF-8: the bytes the
    last build wrote for it when its page's inputs are unchanged (the page's fingerprint
    covers everything the item's JSON shows), made anew otherwise."""
    fragments: list[bytes | memoryview] = []
    for item in items:
        known = old.get(_string(item.id).encode("utf-8")) if old else None
        if known is None or not previous.page_unchanged(item.url):
            known = to_json(make(item), 2).encode("utf-8")
        fragments.append(known)
    return Fragments(fragments)


def _items(
    data: bytes | None, keys: tuple[str, ...], id_key: str = "id"
) -> dict[str, dict[bytes, memoryview]]:
    """The objects of the top-level arrays `keys` of an export we wrote, as UTF-8 by id
    (the id as JSON writes it: `"e1"`), each a view into `data` (not a copy).
    Our writer puts each on its own lines at a fixed indent, and JSON strings hold no raw
    newline: a line of two indents and "}," ends an item and only ever precedes another."""
    found: dict[str, dict[bytes, memoryview]] = {key: {} for key in keys}
    if data is None:
        return found
    whole = memoryview(data)
    close = b"\n" + INDENT.encode() * 2 + b"}"
    # The longer the text searched for, the faster the search skips through the export.
    between = close + b",\n" + INDENT.encode() * 2 + b"{\n" + INDENT.encode() * 3
    first_key = b"{\n" + INDENT.encode() * 3 + _string(id_key).encode() + b": "
    for key in keys:
        opening = f'\n{INDENT}"{key}": [\n{INDENT * 2}'.encode()
        start = data.find(opening)
        end = data.find(close + b"\n" + INDENT.encode() + b"]", start)
        if start < 0 or end < 0:
            continue
        start += len(opening)
        items = found[key]
        while start <= end:
            stop = data.find(between, start, end + len(between))
            stop = (end if stop < 0 else stop) + len(close)
            id_end = data.find(b"\n", start + len(first_key), stop)
            if data.startswith(first_key, start) and id_end > 0:
                # Keyed by the id as written (a JSON string), which is cheaper than reading it.
                written = data[start + len(first_key) : id_end]
                items[written[:-1] if written.endswith(b",") else written] = whole[start:stop]
            start = stop + len(",\n") + len(INDENT * 2)
    return found


def exports(view: SiteView, config: SiteConfig) -> dict[str, bytes]:
    return {output.path: output.make() for output in export_outputs(view, config)}


def export_outputs(
    view: SiteView, config: SiteConfig, previous: Previous | None = None
) -> list[Output]:
    """Both exports list every event: kept when no event (or source, for timeline.json)
    changed since the last build, else made from the last build's text for each whose
    page's inputs are unchanged. Each page's fingerprint covers all its item's JSON."""
    previous = previous or Previous(None)
    events, sources = previous.pages_print(view.events), previous.pages_print(view.sources)
    # Without every page's fingerprint, hashing thousands of views would cost more than
    # the export: it is made every time.
    complete = events is not None and sources is not None
    return [
        Output(
            TIMELINE_JSON,
            (TIMELINE_JSON, SCHEMA_VERSION, events, sources) if complete else None,
            lambda: _timeline_json(view, config, previous),
        ),
        Output(
            TIMELINEJS_JSON,
            (TIMELINEJS_JSON, events) if events is not None else None,
            lambda: _timelinejs_json(view, config, previous),
        ),
    ]
