"""Write stage: publish a complete new site in one step, or leave the old one as it was.

Pages go into a temporary folder beside the output; only when every file is written is
that folder swapped with the published one (an atomic exchange where the system has it),
so a failed or interrupted build never leaves a half-written site behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

import click

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


def write_site(pages: dict[str, bytes], output: Path) -> None:
    """Write `pages` (relative path to bytes) as the folder `output`, atomically."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        for relative, content in sorted(pages.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (staging / MARKER).write_text("Written by timeline build; safe to delete.\n")
        os.sync()  # the new pages are on disk before they replace the old ones
        os.chmod(staging, 0o755)
        _publish(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _publish(staging: Path, output: Path) -> None:
    if not output.exists():
        os.rename(staging, output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging)  # now holds the previous site
        return
    # No atomic exchange here: move the old site aside, then the new one in.
    previous = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    os.rmdir(previous)
    os.rename(output, previous)
    os.rename(staging, output)
    shutil.rmtree(previous)


def _remove_leftovers(output: Path) -> None:
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
