"""JSON exports: `timeline.json` in our own schema, `timelinejs.json` for the TimelineJS3 viewer.

Both list events in date order and keep each date at its precision: a year stays a year.
The schema of `timeline.json` is documented in docs/json-export.md; its `version` changes
whenever a field is removed or changes meaning.
"""

from __future__ import annotations

import json
import re
from array import array
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


def _dumps(data: object, starts: list[int] | None = None) -> bytes:
    """`data` as json.dumps(data, ensure_ascii=False, indent=2) writes it, and a newline,
    in UTF-8. An export is tens of megabytes: its text is joined once, from all its
    pieces, and the items of `Fragments` (UTF-8 already) are pasted in as they are;
    `starts` receives the offset of each of those in the bytes returned, in turn."""
    pieces: list[str | bytes] = []
    _write(data, 0, pieces)
    pieces.append("\n")
    encoded: list[bytes] = []
    text: list[str] = []
    length = 0
    for piece in pieces:
        if isinstance(piece, str):
            text.append(piece)
        else:
            joined = "".join(text).encode("utf-8")
            encoded.append(joined)
            length += len(joined)
            if starts is not None:
                starts.append(length)
            encoded.append(piece)  # type: ignore[arg-type]
            length += len(piece)
            text.clear()
    encoded.append("".join(text).encode("utf-8"))
    return b"".join(encoded)


class Fragments(tuple):
    """A JSON array whose items are already serialised in UTF-8 (bytes, or a view of
    them), each at the depth it appears. An item may be a run of several of the array's
    items, with the separators between them (see `_OldExport.fragments`); `placed`
    then lists, for each, the ids and places within it of the items it holds."""

    placed: tuple[tuple[tuple[bytes, int, int], ...], ...] = ()


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
    old = _OldExport.read(previous, TIMELINE_JSON, ("events", "sources"))
    events = old.fragments("events", view.events, lambda e: _event(e, config))
    sources = old.fragments("sources", view.sources, lambda s: _source(s, config))
    head = _timeline_head(config)
    return _export(TIMELINE_JSON, {**head, "events": events, "sources": sources}, previous)


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
    old = _OldExport.read(previous, TIMELINEJS_JSON, ("events",), "unique_id")
    slides = old.fragments("events", view.events, lambda e: timelinejs_slide(e, config))
    document = {"title": _timelinejs_title(config), "events": slides, "scale": "human"}
    return _export(TIMELINEJS_JSON, document, previous)


# Where the items of an export's arrays are in its file, kept in the build cache with
# the file: each array's item ids as JSON writes them, one a line, and the start and end
# of each item in turn (an array of 64-bit offsets). The next build then finds the
# unchanged items without searching tens of megabytes for them.
ArrayPlaces = tuple[bytes, bytes]
ExportPlaces = dict[str, ArrayPlaces]

_ITEM_SEPARATOR = b"," + _NEWLINES[2].encode()  # between two items of a top-level array
_ITEM_END = _NEWLINES[2].encode() + b"}"


def _export(path: str, document: dict, previous: Previous) -> bytes:
    """The export's bytes; where its items are is noted for the next build."""
    starts: list[int] = []
    data = _dumps(document, starts)
    places: ExportPlaces = {}
    offsets = iter(starts)
    for key, value in document.items():
        if not isinstance(value, Fragments):
            continue
        ids: list[bytes] = []
        ends: list[int] = []
        for held, start in zip(value.placed, offsets, strict=False):
            for written, first, last in held:
                ids.append(written)
                ends += (start + first, start + last)
        places[key] = (b"\n".join(ids), array("q", ends).tobytes())
    previous.note_places(path, places)
    return data


class _OldExport:
    """The export the last build published, to take unchanged items' JSON from."""

    def __init__(
        self, previous: Previous, data: bytes | None, places: dict[str, dict], id_key: str
    ) -> None:
        self.previous = previous
        self.data = data or b""
        self.whole = memoryview(self.data)
        self.places = places
        self.first_key = b"{" + _NEWLINES[3].encode() + _string(id_key).encode() + b": "

    @classmethod
    def read(
        cls, previous: Previous, path: str, keys: tuple[str, ...], id_key: str = "id"
    ) -> _OldExport:
        data = previous.data(path)
        noted = previous.places(path) if data is not None else None
        if noted is not None and set(noted) == set(keys):
            places = {key: _read_places(*noted[key]) for key in keys}
        else:  # no note: the items are looked for in the text
            places = _items(data, keys, id_key)
        return cls(previous, data, places, id_key)

    def fragments(
        self,
        key: str,
        items: tuple[EventView, ...] | tuple[SourceView, ...],
        make: Callable,
    ) -> Fragments:
        """Each item (an event or a source) as JSON two levels deep, in UTF-8: the bytes
        the last build wrote for it when its page's inputs are unchanged (the page's
        fingerprint covers everything the item's JSON shows), made anew otherwise.
        Items that follow each other in the last export too are taken as one run."""
        fragments: list[bytes | memoryview] = []
        placed: list[tuple[tuple[bytes, int, int], ...]] = []
        run: list[tuple[bytes, int, int, object]] = []  # (id as written, start, end, item)
        places = self.places.get(key, {})
        unchanged = self.previous.page_unchanged

        def make_item(item: object, written: bytes) -> None:
            made = to_json(make(item), 2).encode("utf-8")
            fragments.append(made)
            placed.append(((written, 0, len(made)),))

        def end_run() -> None:
            (first, base, _, _), end = run[0], run[-1][2]
            if self._holds(first, base, end):
                fragments.append(self.whole[base:end])
                placed.append(tuple((written, s - base, e - base) for written, s, e, _ in run))
            else:  # the last export is not as noted: made anew
                for written, _, _, item in run:
                    make_item(item, written)
            run.clear()

        for item in items:
            written = _string(item.id).encode("utf-8")
            known = places.get(written)
            if known is None or not unchanged(item.url):
                if run:
                    end_run()
                make_item(item, written)
                continue
            start, end = known
            if run and start != run[-1][2] + len(_ITEM_SEPARATOR):
                end_run()
            run.append((written, start, end, item))
        if run:
            end_run()
        result = Fragments(fragments)
        result.placed = tuple(placed)
        return result

    def _holds(self, written: bytes, start: int, end: int) -> bool:
        """True when a run of items of the last export is at start:end, as noted with it
        (or found in it): it opens with the id of its first item, `written`, and ends
        an item."""
        data = self.data
        return (
            data.startswith(self.first_key, start)
            and data.startswith(written, start + len(self.first_key))
            and data.startswith(b",", start + len(self.first_key) + len(written))
            and data.startswith(_ITEM_END, end - len(_ITEM_END))
        )


def _read_places(ids: bytes, offsets: bytes) -> dict[bytes, tuple[int, int]]:
    if not offsets:
        return {}
    ends = array("q")
    ends.frombytes(offsets)
    pairs = iter(ends)
    return dict(zip(ids.split(b"\n"), zip(pairs, pairs, strict=True), strict=True))


def _items(
    data: bytes | None, keys: tuple[str, ...], id_key: str = "id"
) -> dict[str, dict[bytes, tuple[int, int]]]:
    """Where the objects of the top-level arrays `keys` of an export we wrote are in
    `data` (start and end), by id (the id as JSON writes it: `"e1"`).
    Our writer puts each on its own lines at a fixed indent, and JSON strings hold no raw
    newline: a line of two indents and "}," ends an item and only ever precedes another."""
    found: dict[str, dict[bytes, tuple[int, int]]] = {key: {} for key in keys}
    if data is None:
        return found
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
                items[written[:-1] if written.endswith(b",") else written] = (start, stop)
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
