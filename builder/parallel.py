"""Spread CPU-bound work over the machine's cores with forked worker processes.

Forking lets workers share the parent's loaded data (templates, view models) without
sending it to them; only each result crosses a pipe. The calling process is one of the
workers: with two cores, one child is forked, not two. Each forked child copies every
memory page of the parent's data it touches (Python writes reference counts into the
objects it reads), so a child less is hundreds of megabytes less on a large site.
Where fork is not available, or one worker is asked for, the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Chunks:
    """Hands out runs of item indices to the processes sharing the work, from counters in
    shared memory. Each process starts on a segment of the items of its own, taken from
    its front, and once it is done takes runs from the back of the segment with most
    left: a process that finishes early takes more.

    Own segments because callers list items in folder order (the pages of events, then
    of sources): two processes creating files in one folder queue on its lock, and on a
    slow disk spin there, a tenfold cost in system time; apart, they seldom meet."""

    def __init__(self, total: int, size: int, segments: int) -> None:
        context = multiprocessing.get_context("fork")
        self.total, self.size = total, size
        # For each segment, the next index to take from its front and the end of what is
        # left of it.
        bounds = [round(total * part / segments) for part in range(segments + 1)]
        self._fronts = context.RawArray("q", bounds[:-1])
        self._ends = context.RawArray("q", bounds[1:])
        self._lock = context.Lock()

    def handed_out(self) -> int:
        left = sum(end - front for front, end in zip(self._fronts, self._ends, strict=True))
        return self.total - left

    def take(self, segment: int) -> range:
        """The next run of indices for the process owning `segment` (empty: all taken)."""
        with self._lock:
            front, end = self._fronts[segment], self._ends[segment]
            if front < end:
                stop = min(front + self.size, end)
                self._fronts[segment] = stop
                return range(front, stop)
            lefts = [end - front for front, end in zip(self._fronts, self._ends, strict=True)]
            most = max(range(len(lefts)), key=lefts.__getitem__)
            if lefts[most] <= 0:
                return range(0)
            end = self._ends[most]
            start = max(self._fronts[most], end - self.size)
            self._ends[most] = start
            return range(start, end)


def parallel_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """`[function(item) for item in items]`, in order, on up to `workers` processes
    (0: one per core), this one included. `function` may be a closure: workers inherit
    it by fork. An exception raised by `function` in a worker is raised here.
    `progress(done, total)` is told, now and then, how many items are done or under way."""
    workers = workers or default_workers()
    if workers <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _serial_map(function, items, progress)
    workers = min(workers, len(items))
    chunks = _Chunks(len(items), max(1, min(64, len(items) // (workers * 8))), workers)
    children: list[_Child] = []
    results: list[object] = [None] * len(items)
    try:
        for segment in range(1, workers):
            children.append(_fork(function, items, chunks, segment))
        for child in children:  # threads started once every child is forked
            child.start()
        while run := chunks.take(0):
            for index in run:
                results[index] = function(items[index])
            if progress is not None:
                progress(chunks.handed_out(), len(items))
        for child in children:
            child.collect(results)
        if progress is not None:
            progress(len(items), len(items))
    finally:
        for child in children:
            child.stop()
    return results  # type: ignore[return-value]


def _serial_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    progress: Callable[[int, int], None] | None,
) -> list[Result]:
    if progress is None:
        return [function(item) for item in items]
    results = []
    for done, item in enumerate(items, start=1):
        results.append(function(item))
        if done % 64 == 0 or done == len(items):
            progress(done, len(items))
    return results


class _Child:
    """A forked worker, and its results as they arrive (read on a thread, so that the
    child never waits on a full pipe while this process works)."""

    def __init__(self, pid: int, reader: Connection) -> None:
        self.pid, self.reader = pid, reader
        self.messages: list[bytes] = []
        self.thread = threading.Thread(target=self._receive, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _receive(self) -> None:
        try:
            while True:
                self.messages.append(self.reader.recv_bytes())
        except (EOFError, OSError):
            pass

    def collect(self, results: list[object]) -> None:
        """Put the child's results in their places; raise what it raised."""
        self.thread.join()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        for message in self.messages:
            kind, start, value = pickle.loads(message)
            if kind == "error":
                raise value
            results[start : start + len(value)] = value
        self.messages = []
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"a worker process ended with status {status}")

    def stop(self) -> None:
        """End the child if it is still running (this process failed or was stopped)."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0
        self.reader.close()


def _fork(function: Callable, items: Sequence, chunks: _Chunks, segment: int) -> _Child:
    reader, writer = multiprocessing.Pipe(duplex=False)
    try:
        pid = os.fork()
    except OSError:
        reader.close()
        writer.close()
        raise
    if pid == 0:  # the child: work until no chunk is left, then leave at once
        status = 0
        try:
            reader.close()
            while run := chunks.take(segment):
                values = [function(items[index]) for index in run]
                writer.send_bytes(pickle.dumps(("ok", run.start, values), -1))
        except BaseException as error:  # noqa: BLE001 (handed to the parent)
            status = 1
            try:
                writer.send_bytes(pickle.dumps(("error", 0, error), -1))
            except BaseException:  # noqa: BLE001 (an exception that cannot be pickled)
                writer.send_bytes(pickle.dumps(("error", 0, RuntimeError(repr(error))), -1))
        finally:
            # Not sys.exit: the parent's exit handlers and buffered output are not ours.
            os._exit(status)
    writer.close()
    return _Child(pid, reader)
