"""parallel_map: the work spread over forked workers and this process, results in order,
and a worker's failure reported here rather than lost or hung on."""

from __future__ import annotations

import os
import signal
import time

import pytest

from builder.parallel import parallel_map


def test_results_come_back_in_order() -> None:
    items = list(range(5000))
    assert parallel_map(lambda n: n * n, items, 3) == [n * n for n in items]


def test_this_process_takes_a_share_and_forks_one_child_for_two_workers() -> None:
    here = os.getpid()
    pids = parallel_map(lambda _: time.sleep(0.001) or os.getpid(), range(400), 2)
    assert here in pids
    assert len(set(pids)) == 2


@pytest.mark.parametrize("workers", [2, 3])
def test_each_process_starts_on_a_part_of_its_own(tmp_path, workers: int) -> None:
    """Items come in folder order: each process starts on its own part of them, so that
    two processes seldom create files in one folder at once (they would queue on its
    lock: on a slow disk, ten times the system time). One that is done helps the others."""
    folders = ["events", "sources", "tags"][:workers]
    for folder in folders:
        (tmp_path / folder).mkdir()
    items = [(folder, n) for folder in folders for n in range(300)]

    def write(item: tuple[str, int]) -> int:
        (tmp_path / item[0] / f"{item[1]}.html").write_text("page")
        time.sleep(0.0005)
        return os.getpid()

    pids = parallel_map(write, items, workers)
    firsts = [pids[folders.index(folder) * 300] for folder in folders]
    assert firsts[0] == os.getpid() and len(set(firsts)) == workers
    for folder in folders:  # every file written, each by the process that owns its part
        assert len(list((tmp_path / folder).iterdir())) == 300
    for index, folder in enumerate(folders):
        share = pids[index * 300 : (index + 1) * 300]
        assert share.count(firsts[index]) > 150, folder


def test_large_results_do_not_stall_a_worker() -> None:
    """Results larger than a pipe's buffer are read as they come, not after this
    process's own share, which would leave the worker waiting."""
    results = parallel_map(lambda n: bytes([n % 256]) * 1_000_000, range(64), 2)
    assert [len(r) for r in results] == [1_000_000] * 64
    assert [r[0] for r in results] == [n % 256 for n in range(64)]


def test_an_exception_in_a_worker_is_raised_here() -> None:
    here = os.getpid()

    def fails_away_from_home(n: int) -> int:
        time.sleep(0.001)
        if os.getpid() != here:
            raise ValueError(f"no good: {n}")
        return n

    with pytest.raises(ValueError, match="no good"):
        parallel_map(fails_away_from_home, range(400), 2)


def test_an_exception_here_ends_the_workers() -> None:
    here = os.getpid()

    def fails_at_home(n: int) -> int:
        time.sleep(0.001)
        if os.getpid() == here:
            raise KeyError(n)
        return n

    with pytest.raises(KeyError):
        parallel_map(fails_at_home, range(400), 2)
    with pytest.raises(ChildProcessError):  # the worker was stopped and reaped
        os.waitpid(-1, os.WNOHANG)


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    here = os.getpid()

    def dies_away_from_home(n: int) -> int:
        time.sleep(0.001)
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    with pytest.raises(RuntimeError, match="worker process"):
        parallel_map(dies_away_from_home, range(400), 2)
