"""Publishing outputs that are remade only when what they show changed.

Each output (a feed, an export, the sitemap) names the values its bytes are made from.
Their digest is the output's fingerprint, recorded in the build cache like a page's
(builder.rerender.PageCache): when it matches the file the last build published, that
file is kept (hard-linked) and the output is not made at all. The digest covers every
input, so a kept file has the bytes a clean build would write.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape as _escape_markup
from types import MappingProxyType
from typing import Any

from builder.rerender import Kept, PageCache

DIGEST_SIZE = 16


@dataclass(frozen=True)
class Output:
    """One file: `make()` gives its bytes, which depend on `inputs` (and the config) only;
    with `inputs` None the file is made on every build."""

    path: str
    inputs: object
    make: Callable[[], bytes]


class Digests:
    """Digests of values, those of records (dataclasses) memoised for one build."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}

    def digest(self, value: object) -> bytes:
        if isinstance(value, str):
            return _hash(b"s" + value.encode("utf-8", "surrogatepass"))
        if isinstance(value, tuple | list):
            parts = [b"t", *(self.digest(item) for item in value)]
            return _hash(b"\0".join(parts))
        if not hasattr(value, "__dataclass_fields__"):
            return _hash(b"p" + _pickle(value))
        known = self._memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        digest = _hash(b"d" + _pickle(value))  # the pickle names the class
        self._memo[id(value)] = (value, digest)  # holding `value` keeps its id its own
        return digest


def _fingerprint(digests: Digests, base: bytes, output: Output) -> str | None:
    if output.inputs is None:
        return None
    try:
        inputs = digests.digest(output.inputs)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        return None  # something that cannot be hashed: make it every time
    return _hash(base + output.path.encode() + b"\0" + inputs).hex()


def _pickle(value: object) -> bytes:
    # No memo: equal values give equal bytes, however they share objects.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


class Previous:
    """What this build knows of the last one: which pages' inputs are unchanged, and the
    files it published (to take unchanged parts from)."""

    def __init__(self, cache: PageCache | None) -> None:
        self.cache = cache

    def page_print(self, path: str) -> str | None:
        """This build's fingerprint of the page at `path`, when it has one. It covers all
        the view data the page is made from (an event's, for an event page)."""
        if self.cache is None:
            return None
        return self.cache.rendered.get(path, (None, frozenset()))[0]

    def page_unchanged(self, path: str) -> bool:
        """True when the page's inputs are those it had in the last build."""
        if self.cache is None:
            return False
        known = self.cache.previous.get(path)
        current = self.page_print(path)
        return known is not None and current is not None and known.fingerprint == current

    def pages_print(self, items: Sequence[Any]) -> str | None:
        """One value standing for `items` (events or sources) in an output's inputs: their
        pages' fingerprints (each covers all the data its page is made from), joined into
        one string to hash once; None when a page has none (the view of an unreviewed
        candidate, say, which has no page of its own)."""
        prints = [self.page_print(item.url) for item in items]
        if None in prints:
            return None
        return "pages\0" + "\0".join(
            f"{item.url}\0{fingerprint}" for item, fingerprint in zip(items, prints, strict=True)
        )

    def stand_ins(self, items: Sequence[Any]) -> object:
        """Like `pages_print`, but an item without a page fingerprint stands for itself."""
        joined = self.pages_print(items)
        if joined is not None:
            return joined
        return tuple(
            item if fingerprint is None else f"page\0{item.url}\0{fingerprint}"
            for item, fingerprint in ((item, self.page_print(item.url)) for item in items)
        )

    def places(self, path: str) -> dict | None:
        """Where the items of the export at `path` are in the file the last build
        published there, as that build noted it (see builder.exports)."""
        if self.cache is None:
            return None
        return self.cache.places_before.get(path)

    def note_places(self, path: str, places: dict) -> None:
        """Note where the items of the export made for `path` are, for the next build."""
        if self.cache is not None:
            self.cache.places[path] = places

    def data(self, path: str) -> bytes | None:
        """The file the last build published at `path`, if it is still the one it wrote."""
        if self.cache is None:
            return None
        known = self.cache.previous.get(path)
        target = self.cache.output / path
        if known is None or not known.still_there(target):
            return None
        try:
            return target.read_bytes()
        except OSError:
            return None


def made_or_kept(
    outputs: Iterable[Output], shared: object, cache: PageCache | None
) -> dict[str, bytes | Kept]:
    """Each output's bytes, or `Kept` when the file the last build published can stay.
    `shared` is what every output depends on besides its own inputs (the config)."""
    digests = Digests()
    base = digests.digest(shared)
    files: dict[str, bytes | Kept] = {}
    for output in outputs:
        fingerprint = _fingerprint(digests, base, output) if cache is not None else None
        if fingerprint is not None:
            cache.rendered[output.path] = (fingerprint, frozenset())  # type: ignore[union-attr]
            if cache.can_keep(output.path, fingerprint):  # type: ignore[union-attr]
                files[output.path] = Kept(output.path)
                continue
        files[output.path] = output.make()
    return files


# XML as xml.etree.ElementTree writes a tree indented by ET.indent (two spaces a level),
# with its declaration: the bytes the feeds and the sitemap were first written with.
# Joining the text of each element is several times cheaper than building a tree and
# serialising it, and tests/test_xml_text.py holds these to ElementTree's output.

# ElementTree escapes &, < and > in text; in attribute values also ", CR, LF and tab.
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def escape(text: str) -> str:
    """Text as ElementTree escapes it: &, < and > (as xml.sax.saxutils does, whose import
    pulls in urllib and ssl, a tenth of a rebuild's imports)."""
    return _escape_markup(text, quote=False)


def _escape_attribute(value: str) -> str:
    value = escape(value)
    for character, entity in _ATTRIBUTE_ENTITIES.items():
        value = value.replace(character, entity)
    return value


_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
_NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})


def xml_element(
    name: str, text: str | None = None, attributes: Mapping[str, str] = _NO_ATTRIBUTES
) -> str:
    """An element without children: `<name a="v">text</name>`, `<name a="v" />` if empty."""
    start = (
        "<"
        + name
        + "".join(f' {key}="{_escape_attribute(value)}"' for key, value in attributes.items())
    )
    if text:
        return f"{start}>{escape(text)}</{name}>"
    return start + " />"


def xml_parent(
    name: str, children: Sequence[str], level: int, attributes: Mapping[str, str] = _NO_ATTRIBUTES
) -> str:
    """An element `level` deep holding `children` (their text, each one level deeper)."""
    if not children:
        return xml_element(name, None, attributes)
    inner = "\n" + "  " * (level + 1)
    start = xml_element(name, None, attributes)[: -len(" />")]
    return f"{start}>{inner}{inner.join(children)}\n{'  ' * level}</{name}>"


def xml_document(
    name: str, children: Sequence[str], attributes: Mapping[str, str] = _NO_ATTRIBUTES
) -> bytes:
    """A whole document, its root `name` holding `children`, as ET.tostring(root,
    encoding="utf-8", xml_declaration=True) writes it after ET.indent(root), and a newline."""
    text = _XML_DECLARATION + xml_parent(name, children, 0, attributes) + "\n"
    return text.encode("utf-8", "xmlcharrefreplace")
