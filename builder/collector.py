"""Pausing Python's cyclic garbage collector around bulk work.

Loading, extracting or unpickling makes hundreds of thousands of small objects, none of
them garbage and none in a cycle; each time enough are made, the collector walks every
object still tracked, again and again. Paused, that work is skipped; reference counting
still frees what is dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
