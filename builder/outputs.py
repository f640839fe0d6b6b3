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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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
        if isinstance(value, tuple | list):
            parts = [b"[", *(self.digest(item) for item in value), b"]"]
            return _hash(b"\0".join(parts))
        if not hasattr(value, "__dataclass_fields__"):
            return _hash(_pickle(value))
        known = self._memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        digest = _hash(type(value).__qualname__.encode() + b"\0" + _pickle(value))
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
