"""Spread CPU-bound work over the machine's cores with forked worker processes.

Forking lets workers share the parent's loaded data (templates, view models) without
sending it to them; only each item and each result crosses a pipe. Where fork is not
available, or one worker is asked for, the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_function: Callable | None = None


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _call(item: object) -> object:
    assert _function is not None
    return _function(item)


def parallel_map(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int = 0
) -> list[Result]:
    """`[function(item) for item in items]`, in order, on up to `workers` processes
    (0: one per core). `function` may be a closure: workers inherit it by fork."""
    global _function
    workers = workers or default_workers()
    if workers <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    workers = min(workers, len(items))
    chunk = max(1, min(64, len(items) // (workers * 8)))
    _function = function
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            return pool.map(_call, items, chunksize=chunk)  # type: ignore[arg-type]
    finally:
        _function = None
