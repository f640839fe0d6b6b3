"""Write stage: publish a complete new site in one step, or leave the old one as it was.

Pages go into a temporary folder beside the output (files unchanged since the last build
hard-linked from it, pages rendered into the spool folder linked from there); only when
every file is written is that folder swapped with the published one (an atomic exchange
where the system has it), so a failed or interrupted build never leaves a half-written
site behind.

The new files are not flushed to disk before the swap: a killed or failed build cannot
leave a half-written site (the files a process wrote survive its death), and forcing
hundreds of megabytes out at every build would cost seconds. Surviving a power cut is
left to the file system's journal, as with other static site generators.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

try:
    import fcntl
except ImportError:  # not on a POSIX system
    fcntl = None  # type: ignore[assignment]

from builder.rerender import Kept, Page, PageCache, Spooled, write_new_file

MARKER = ".timeline-build"


class OutputError(click.ClickException):
    exit_code = 1


def check_output_dir(output: Path, site_dir: Path) -> None:
    """Refuse to replace a folder that is not a previous build (or the site itself)."""
    output, site_dir = output.resolve(), site_dir.resolve()
    if output == site_dir or site_dir.is_relative_to(output):
        raise OutputError(f"{output}: the output folder cannot be the site folder or hold it")
    for folder in ("content", "templates"):
        if output.is_relative_to(site_dir / folder):
            raise OutputError(
                f"{output}: the output folder cannot be inside the site's {folder}/ folder, "
                "which the build reads; choose another --output"
            )
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
    cleanup: tuple[threading.Thread, ...] = ()

    def finish(self) -> None:
        for thread in self.cleanup:
            thread.join()


def write_site(
    pages: Mapping[str, Page],
    output: Path,
    cache: PageCache | None = None,
    spare: Path | None = None,
    spool: Path | None = None,
) -> Written:
    """Write `pages` (relative path to bytes) as the folder `output`, atomically.

    A page marked `Kept`, or whose bytes are those of the file already published, is
    hard-linked from the previous site rather than written: it keeps its modification
    time, and unchanged files cost no writing.

    `spare` (on the same file system as `output`) is where the site before the previous
    one was left by the last build: it is brought up to date in place and swapped in, and
    then holds the previous site for the next build. A rebuild then costs a system call
    per changed file, not per file of the site. When most pages were written anew (a
    full build), the previous site is of little use to the next build: the `spool` the
    pages were rendered into, at their paths (the very files now published), becomes the
    spare folder instead, so the first rebuild after a full build is as cheap as others.
    """
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    spare = spare.absolute() if spare is not None and _same_device(spare, output) else None
    with _locked(spare) as spare:
        return _write(pages, output, cache, spare, spool)


def _write(
    pages: Mapping[str, Page],
    output: Path,
    cache: PageCache | None,
    spare: Path | None,
    spool: Path | None,
) -> Written:
    cleanup: list[threading.Thread] = []
    present: dict[str, int] = {}
    if spare is not None:
        for leftover in spare.parent.glob(f"{spare.name}.old-*"):  # a killed build's
            shutil.rmtree(leftover, ignore_errors=True)
        present = _files_below(str(spare))
        files = sum(1 for inode in present.values() if inode != _FOLDER)
        if present and _reusable(pages, present, cache) < files // 2:
            cleanup.append(_discard(spare))  # mostly stale: a fresh folder costs less
            present = {}
    staging = spare
    if staging is not None:
        try:
            stats, written = _fill(staging, pages, output, cache, present)
        except OSError:  # something odd in the spare folder: start a fresh one
            shutil.rmtree(staging, ignore_errors=True)
            staging = None
    if staging is None:
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
        try:
            stats, written = _fill(staging, pages, output, cache, {})
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    try:
        os.chmod(staging, 0o755)
        replaced = _publish(staging, output)
    except BaseException:
        if staging != spare:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    if replaced is not None and spare is not None and replaced != spare:
        os.rename(replaced, spare)  # no atomic exchange here: the old site moved aside
        replaced = spare
    mostly_new = len(written) > len(pages) // 2
    if replaced is not None and (replaced != spare or mostly_new):
        # Not kept as the spare (or most of it is no use to the next build): removed
        # meanwhile the build goes on (saving its cache); unlinking thousands of files
        # waits on the system, not on Python.
        cleanup.append(_discard(replaced))
    if mostly_new and spare is not None and spool is not None and not spare.exists():
        # The spool's owner then finds it gone, with nothing to remove. If it cannot be
        # moved, there is no spare folder: the next build stages in a fresh one.
        with contextlib.suppress(OSError):
            os.rename(spool, spare)
    return Written(stats, frozenset(written), tuple(cleanup))


def _reusable(pages: Mapping[str, Page], present: dict[str, int], cache: PageCache | None) -> int:
    """How many kept pages the spare folder already holds as the published file."""
    if cache is None:
        return 0
    previous = cache.previous
    return sum(
        1
        for path, content in pages.items()
        if isinstance(content, Kept) and present.get(path) == previous[path].inode
    )


# The name of the threads removing an old site: the `timeline` program waits for them
# before it ends (see builder.cli.run).
CLEANUP_THREAD = "timeline-remove-old-site"


def _discard(folder: Path) -> threading.Thread:
    """Move `folder` aside and remove it on a thread. Killed before the end, what is
    left is a leftover the next build removes."""
    aside = Path(tempfile.mkdtemp(prefix=f"{folder.name}.old-", dir=folder.parent))
    os.rename(folder, aside / folder.name)
    thread = threading.Thread(target=shutil.rmtree, args=(aside, True), name=CLEANUP_THREAD)
    thread.start()
    return thread


def _fill(
    staging: Path,
    pages: Mapping[str, Page],
    output: Path,
    cache: PageCache | None,
    present: dict[str, int],
) -> tuple[dict[str, os.stat_result | None], set[str]]:
    """Make `staging` hold exactly `pages` and the marker. `present` are the files
    already there, by relative path, with their inode: a kept page already linked there
    (the very file published now) is left as it is; every other file is replaced."""
    stats: dict[str, os.stat_result | None] = {}
    written: set[str] = set()
    # Plain strings and os functions rather than Path objects: this loop runs per file.
    into, previous = str(staging), str(output)
    folders: set[str] = set()
    for relative, content in sorted(pages.items()):
        target = os.path.join(into, relative)
        folder = os.path.dirname(target)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        there = present.pop(relative, None)
        if isinstance(content, Kept) or (cache is not None and cache.same_bytes(relative, content)):
            if there is not None and cache is not None and there == cache.previous[relative].inode:
                stats[relative] = None  # already a link to the published file
                continue
            if there is not None:
                os.unlink(target)
            if _link_or_copy(os.path.join(previous, relative), target):
                stats[relative] = None
                continue
            stats[relative] = os.stat(target)
        else:
            if there is not None:
                os.unlink(target)
            if isinstance(content, Spooled):
                # Linked rather than moved: if this folder has to be started afresh,
                # the spooled file is still there to link again.
                linked = _link_or_copy(content.file, target)
                # Linked, it is the same file: same inode, size and time.
                stats[relative] = content.stat if linked else os.stat(target)
            else:
                stats[relative] = write_new_file(target, content)
            written.add(relative)
    if present.pop(MARKER, None) is not None:
        os.unlink(os.path.join(into, MARKER))
    _write_marker(output / MARKER, staging / MARKER)
    needed = {os.path.relpath(folder, into) for folder in folders}
    needed |= {parent for folder in needed for parent in _parents(folder)}
    # What is left of a site before and not part of this one: files, then folders.
    for relative in [path for path, inode in present.items() if inode != _FOLDER]:
        os.unlink(os.path.join(into, relative))
    for relative in [path for path, inode in present.items() if inode == _FOLDER]:
        if relative not in needed:
            shutil.rmtree(os.path.join(into, relative), ignore_errors=True)
    _remove_empty_folders(into, {os.path.dirname(relative) for relative in present})
    return stats, written


_FOLDER = -1  # stands for the inode of a folder in _files_below


def _files_below(folder: str, prefix: str = "") -> dict[str, int]:
    """Every file below `folder` by relative path, with its inode (from the directory
    listing: no stat per file); each folder too, marked _FOLDER."""
    found: dict[str, int] = {}
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            found[prefix + entry.name] = _FOLDER
            found.update(_files_below(entry.path, f"{prefix}{entry.name}/"))
        else:
            found[prefix + entry.name] = entry.inode()
    return found


def _parents(relative: str) -> list[str]:
    parents = []
    while relative := os.path.dirname(relative):
        parents.append(relative)
    return parents


def _remove_empty_folders(root: str, folders: set[str]) -> None:
    """Remove each of `folders` (relative to `root`) and its parents left empty."""
    for relative in sorted(folders, key=len, reverse=True):
        while relative:
            try:
                os.rmdir(os.path.join(root, relative))
            except OSError:  # not empty (or gone already)
                break
            relative = os.path.dirname(relative)


class SpoolFolder:
    """A folder beside `output` for pages written as they are rendered (see Spooled),
    from which the write stage links them. Used as a context manager: made on entry,
    and on exit removed on a thread, which `finish` waits for. It is locked while in
    use, so that the next build removes it only if this one was killed."""

    def __init__(self, output: Path) -> None:
        self.output = output.absolute()
        self.removal: threading.Thread | None = None

    def __enter__(self) -> Path:
        output = self.output
        output.parent.mkdir(parents=True, exist_ok=True)
        for leftover in output.parent.glob(f".{output.name}.spool-*"):
            held = _hold(leftover)
            if held is not None:  # no build is using it
                shutil.rmtree(leftover, ignore_errors=True)
                os.close(held)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{output.name}.spool-", dir=output.parent))
        self.held = _hold(self.folder)
        return self.folder

    def __exit__(self, *_: object) -> None:
        self.removal = threading.Thread(target=self._remove)
        self.removal.start()

    def _remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.held is not None:
            os.close(self.held)

    def finish(self) -> None:
        if self.removal is not None:
            self.removal.join()


def _hold(folder: Path) -> int | None:
    """An open handle on `folder` holding its lock; None if another process holds it
    (or the system has no locks on folders)."""
    if fcntl is None:
        return None
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        return None
    return handle


@contextmanager
def _locked(spare: Path | None) -> Iterator[Path | None]:
    """`spare`, held for this build alone; None when another build holds it (or the
    system has no file locks), and then this build stages in a fresh folder."""
    if spare is None or fcntl is None:
        yield None
        return
    try:
        handle = open(f"{spare}.lock", "wb")  # noqa: SIM115 (held for the block)
    except OSError:
        yield None
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield None
            return
        yield spare


def _same_device(folder: Path, output: Path) -> bool:
    """True when `folder` can be swapped with `output` (one file system)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        return folder.parent.stat().st_dev == output.parent.stat().st_dev
    except OSError:
        return False


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
