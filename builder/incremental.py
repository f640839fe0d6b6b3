"""Page fingerprints: which pages of the previous build can be kept as they are.

A page's fingerprint hashes everything its rendering reads: the templates it uses (the
page's template and every template it extends, includes or imports), the site config and
a serialisation of the exact view data handed to the template. Two renderings with one
fingerprint produce the same bytes, so a page whose fingerprint is unchanged is not
rendered again: the previous file is kept.

Some shared values (the whole-site view, and objects holding it) are too big to hash into
every page. They are wrapped in a `Tracked` proxy that notes when a rendering reads them;
a page that read one last time has that value's digest in its fingerprint this time. The
rendering is deterministic, so a page that did not read it then would not read it now
unless something else in its fingerprint had changed.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment


DIGEST_SIZE = 16


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


class Tracked:
    """A read-through proxy that records that someone looked inside the wrapped value."""

    def __init__(self, name: str, value: object) -> None:
        object.__setattr__(self, "_tracked_name", name)
        object.__setattr__(self, "_tracked_value", value)
        object.__setattr__(self, "_tracked_reads", set())

    def __getattr__(self, attribute: str) -> Any:
        self._tracked_reads.add(self._tracked_name)
        return getattr(self._tracked_value, attribute)

    def __iter__(self):
        self._tracked_reads.add(self._tracked_name)
        return iter(self._tracked_value)

    def __len__(self) -> int:
        self._tracked_reads.add(self._tracked_name)
        return len(self._tracked_value)

    def __getitem__(self, key: object) -> Any:
        self._tracked_reads.add(self._tracked_name)
        return self._tracked_value[key]

    def __bool__(self) -> bool:
        self._tracked_reads.add(self._tracked_name)
        return bool(self._tracked_value)

    def take_reads(self) -> set[str]:
        reads = set(self._tracked_reads)
        self._tracked_reads.clear()
        return reads


def take_reads(tracked: Iterable[Tracked]) -> frozenset[str]:
    """The names of the tracked values read since the last call (and forget them)."""
    reads: set[str] = set()
    for value in tracked:
        reads |= Tracked.take_reads(value)
    return frozenset(reads)


class _Pickler(pickle.Pickler):
    """Pickles a value with each nested dataclass replaced by its (memoised) digest, so a
    record shared by many pages is serialised once per build."""

    def __init__(self, file: io.BytesIO, fingerprinter: Fingerprinter, top: object) -> None:
        super().__init__(file, protocol=5)
        # No memo: equal values give equal bytes whatever objects they share.
        self.fast = True
        self.fingerprinter, self.top = fingerprinter, top

    def persistent_id(self, obj: object) -> object:
        if obj is self.top:
            return None
        if isinstance(obj, Tracked):
            return ("tracked", obj._tracked_name)
        if is_dataclass(obj) and not isinstance(obj, type) and _is_record(type(obj)):
            return self.fingerprinter.digest(obj)
        return None  # small values are cheaper to serialise in place


@functools.cache
def _is_record(kind: type) -> bool:
    """Dataclasses with many fields (an event, a citation, a source) are serialised once
    and referred to by digest; small ones (a date, a tag link) inline."""
    return len(fields(kind)) >= 5


class Fingerprinter:
    """Digests of view data, memoised per object for the length of one build."""

    def __init__(self, known: Mapping[int, tuple[object, bytes]] | None = None) -> None:
        # id(value) -> (value, digest); `known` gives digests found some cheaper way.
        self._memo: dict[int, tuple[object, bytes]] = dict(known or {})

    def digest(self, value: object) -> bytes:
        key = id(value)
        known = self._memo.get(key)
        if known is not None and known[0] is value:
            return known[1]
        buffer = io.BytesIO()
        if isinstance(value, Tracked):
            # Stands for itself only: pages that read it add its contents' digest.
            buffer.write(b"tracked:" + value._tracked_name.encode())
        elif is_dataclass(value) and not isinstance(value, type):
            # Serialise the fields rather than the object: a frozen dataclass's own
            # pickling would go through __reduce_ex__ and the memoised digest of itself.
            buffer.write(type(value).__qualname__.encode())
            fields_of = tuple(getattr(value, f.name) for f in fields(value))
            _Pickler(buffer, self, fields_of).dump(fields_of)
        else:
            _Pickler(buffer, self, value).dump(value)
        digest = _hash(buffer.getvalue())
        self._memo[key] = (value, digest)  # holding `value` keeps its id from being reused
        return digest


def template_closure(env: Environment, name: str) -> list[str]:
    """`name` and every template it extends, includes or imports, in a stable order."""
    closure = _named_closure(env, name)
    return closure if closure is not None else sorted(env.list_templates())


def _named_closure(env: Environment, name: str) -> list[str] | None:
    """As template_closure, or None when a template names another only at render time
    (it may then pull in any template)."""
    from jinja2 import meta

    seen: list[str] = []
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.append(current)
        source, _, _ = env.loader.get_source(env, current)
        for referenced in meta.find_referenced_templates(env.parse(source)):
            if referenced is None:
                return None
            pending.append(referenced)
    return sorted(seen)


# A page template's closure (see template_closure) and the digest of their sources.
Closure = tuple[tuple[str, ...], bytes]


class TemplateDigests:
    """The digest of each page template together with the templates it pulls in.

    Finding what a template pulls in means parsing it: `remembered` holds the closures an
    earlier build found, reused while the sources of all their templates are unchanged
    (the references are then those parsed before); `found` collects this build's."""

    def __init__(self, env: Environment, remembered: Mapping[str, Closure] | None = None) -> None:
        self.env = env
        self.remembered = remembered or {}
        self.found: dict[str, Closure] = {}
        self._sources: dict[str, bytes] = {}
        self._dynamic: dict[str, bytes] = {}

    def _source_digest(self, name: str) -> bytes:
        if name not in self._sources:
            source, _, _ = self.env.loader.get_source(self.env, name)
            self._sources[name] = _hash(name.encode() + b"\0" + source.encode("utf-8"))
        return self._sources[name]

    def _closure_digest(self, names: Iterable[str]) -> bytes:
        return _hash(b"".join(self._source_digest(n) for n in names))

    def digest(self, name: str) -> bytes:
        if name in self._dynamic:
            return self._dynamic[name]
        if name not in self.found:
            known = self.remembered.get(name)
            if known is None or self._closure_digest(known[0]) != known[1]:
                closure = _named_closure(self.env, name)
                if closure is None:  # any template may be pulled in: not remembered
                    digest = self._closure_digest(sorted(self.env.list_templates()))
                    self._dynamic[name] = digest
                    return digest
                known = (tuple(closure), self._closure_digest(closure))
            self.found[name] = known
        return self.found[name][1]


def page_fingerprint(
    fingerprinter: Fingerprinter,
    template_digest: bytes,
    context: dict[str, object],
    tracked_digests: dict[str, bytes],
) -> str:
    """The fingerprint of one page; `tracked_digests` holds the digests of the tracked
    values this page read the last time it was rendered."""
    parts = [template_digest]
    for key in sorted(context):
        parts.append(key.encode() + b"=" + fingerprinter.digest(context[key]))
    for name in sorted(tracked_digests):
        parts.append(b"tracked:" + name.encode() + b"=" + tracked_digests[name])
    return _hash(b"\0".join(parts)).hex()
