"""Progress and timing of a build: stage names on a terminal, times with --verbose.

Nothing is printed into a pipe or a log unless asked for, so scripts see only the
build's own summary line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_REDRAW_EVERY = 0.2  # seconds between two progress counts on the terminal


class StageTimer:
    """Times each stage; shows the running stage on a terminal, and with `verbose`
    prints each stage's time when it ends."""

    def __init__(
        self, *, verbose: bool = False, show_progress: bool = False, stream: TextIO | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self.verbose = verbose
        self.show_progress = show_progress
        self.times: dict[str, float] = {}
        self._running = ""  # the stage under way
        self._shown_at = 0.0
        self._shown = (0, 0)  # the count last shown

    @classmethod
    def for_terminal(cls, *, verbose: bool = False, quiet: bool = False) -> StageTimer:
        stream = sys.stderr
        interactive = not quiet and hasattr(stream, "isatty") and stream.isatty()
        return cls(verbose=verbose and not quiet, show_progress=interactive, stream=stream)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.show_progress:
            self.stream.write(f"\r\033[K{name}…")
            self.stream.flush()
        self._running = name
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            self.times[name] = self.times.get(name, 0.0) + elapsed
            if self.show_progress:
                self.stream.write("\r\033[K")
                self.stream.flush()
            if self.verbose:
                self.stream.write(f"{name:<20} {elapsed * 1000:8.0f} ms\n")
                self.stream.flush()

    def progress(self, done: int, total: int) -> None:
        """On a terminal, how far the running stage has come: "render… 1,200 of 20,301"
        (a few times a second at most)."""
        if not self.show_progress or (done, total) == self._shown:
            return
        now = time.perf_counter()
        if done < total and now - self._shown_at < _REDRAW_EVERY:
            return
        self._shown_at, self._shown = now, (done, total)
        self.stream.write(f"\r\033[K{self._running}… {done:,} of {total:,}")
        self.stream.flush()

    @property
    def total(self) -> float:
        return sum(self.times.values())
