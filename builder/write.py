"""Write stage: publish a complete new site in one step, or leave the old one as it was.

Pages go into a temporary folder beside the output (files unchanged since the last build
hard-linked from it); only when every file is written is that folder swapped with the
published one (an atomic exchange where the system has it),
so a failed or interrupted build never leaves a half-written site behind.

The new files are not flushed to disk before the swap: a killed or failed build cannot
leave a half-written site (the files a process wrote survive its death), and forcing
hundreds of megabytes out at every build would cost seconds. Surviving a power cut is
left to the file system's journal, as with other static site generators.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from builder.rerender import Kept, PageCache

MARKER = ".timeline-build"


class OutputError(click.ClickException):
    exit_code = 1


def check_output_dir(output: Path, site_dir: Path) -> None:
    """Refuse to replace a folder that is not a previous build (or the site itself)."""
    output, site_dir = output.resolve(), site_dir.resolve()
    if output == site_dir or site_dir.is_relative_to(output):
        raise OutputError(f"{output}: the output folder cannot be the site folder or hold it")
    if (output / "content").exists() or (output / "timeline.toml").exists():
        raise OutputError(f"{output}: this looks like a site folder; choose another --output")
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise OutputError(
            f"{output}: exists and was not written by timeline; empty it or choose another --output"
        )


@dataclass(frozen=True)
class Written:
    # Each published file's stat; None for a file linked from the previous site, which
    # is that very file (same inode, size and time), so needs no looking at.
    stats: dict[str, os.stat_result | None]
    written: frozenset[str]  # the files written anew (the others were linked)
    # Removing the previous site's files goes on beside the rest of the build; `finish`
    # waits for it.
    cleanup: threading.Thread | None = None

    def finish(self) -> None:
        if self.cleanup is not None:
            self.cleanup.join()


def write_site(
    pages: Mapping[str, bytes | Kept], output: Path, cache: PageCache | None = None
) -> Written:
    """Write `pages` (relative path to bytes) as the folder `output`, atomically.

    A page marked `Kept`, or whose bytes are those of the file already published, is
    hard-linked from the previous site rather than written: it keeps its modification
    time, and unchanged files cost no writing.
    """
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    stats: dict[str, os.stat_result | None] = {}
    written: set[str] = set()
    # Plain strings and os functions rather than Path objects: this loop runs per file.
    into, previous = str(staging), str(output)
    try:
        folders: set[str] = set()
        for relative, content in sorted(pages.items()):
            target = os.path.join(into, relative)
            folder = os.path.dirname(target)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            if isinstance(content, Kept) or (
                cache is not None and cache.same_bytes(relative, content)
            ):
                if _link_or_copy(os.path.join(previous, relative), target):
                    stats[relative] = None
                    continue
                stats[relative] = os.stat(target)
            else:
                stats[relative] = _write_file(target, content)  # type: ignore[arg-type]
                written.add(relative)
        _write_marker(output / MARKER, staging / MARKER)
        os.chmod(staging, 0o755)
        replaced = _publish(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    cleanup = None
    if replaced is not None:
        # Unlinking thousands of files waits on the system, not on Python: meanwhile the
        # build goes on (saving its cache). Killed before the end, the folder is a
        # leftover the next build removes.
        cleanup = threading.Thread(target=shutil.rmtree, args=(replaced, True))
        cleanup.start()
    return Written(stats, frozenset(written), cleanup)


def _write_file(path: str, content: bytes) -> os.stat_result:
    """Write a new file; its stat, taken from the open file (no second path lookup)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        return os.fstat(fd)
    finally:
        os.close(fd)


def _write_marker(previous: Path, target: Path) -> None:
    text = b"Written by timeline build; safe to delete.\n"
    try:
        if previous.read_bytes() == text:
            return _link_or_copy(previous, target)
    except OSError:
        pass
    target.write_bytes(text)


def _link_or_copy(source: Path | str, target: Path | str) -> bool:
    """Hard-link `source` as `target` (True), or copy it (False)."""
    try:
        os.link(source, target)
        return True
    except OSError:
        shutil.copy2(source, target)  # another file system: copy, keeping the time
        return False


def _publish(staging: Path, output: Path) -> Path | None:
    """Put `staging` in the place of `output`; the folder now holding the previous site,
    for the caller to remove, if there was one."""
    if not output.exists():
        os.rename(staging, output)
        return None
    if _exchange(staging, output):
        return staging  # now holds the previous site
    # No atomic exchange here: move the old site aside, then the new one in.
    previous = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    os.rmdir(previous)
    os.rename(output, previous)
    os.rename(staging, output)
    return previous


def remove_leftovers(output: Path) -> None:
    """Clear what an interrupted build left; restore the old site if it was moved aside."""
    for leftover in sorted(output.parent.glob(f".{output.name}.old-*")):
        if not output.exists():
            os.rename(leftover, output)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2; False where unavailable."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return result == 0
