"""Problems found in a site's content, reported as `path:line: message`."""

from __future__ import annotations

import errno
import os
import re
import select
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import click

# Characters no text file of ours has a use for, and which XML (feeds, sitemap) forbids;
# lone surrogates (halves of a UTF-16 pair) cannot even be written out as UTF-8.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.is_warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


class Problems:
    """Collects every problem of a run, so that all of them are reported at once."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.items: list[Problem] = []

    def display_path(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.site_dir))
        except ValueError:
            return str(path)

    def error(self, path: Path, line: int, message: str) -> None:
        self.items.append(Problem(self.display_path(path), line, message))

    def warn(self, path: Path, line: int, message: str) -> None:
        self.items.append(Problem(self.display_path(path), line, message, is_warning=True))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if not p.is_warning)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.is_warning)


class ContentError(click.ClickException):
    """The site's content has errors; the message lists each as `path:line: message`."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        errors = sum(1 for problem in problems if not problem.is_warning)
        counts = [counted(errors, "error")]
        if len(problems) > errors:
            counts.append(counted(len(problems) - errors, "warning"))
        summary = f"{' and '.join(counts)}; nothing was written."
        super().__init__("\n".join([*map(str, problems), summary]))
        self.problems = problems

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[str] | None = None) -> None:
        """Each problem as `path:line: message`, the first too (no "Error: " before it:
        an editor's tools read such lines), then their count."""
        click.echo(self.format_message(), file=file, err=file is None)


def counted(count: int, noun: str) -> str:
    """A count with its noun, plural unless the count is 1: "1 error", "2 errors"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class GuardedGroup(click.Group):
    """A command group that turns unexpected errors into a message instead of a traceback:
    a system error (permission denied, disk full) names its file and what went wrong;
    anything else is a bug, said to be one (TIMELINE_DEBUG=1 shows the traceback)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as error:
            if isinstance(error, BrokenPipeError) and output_gone():
                # The reader of our output left early (`timeline dates ... | head`):
                # nothing to tell it; the exit status says the output was cut short.
                raise click.exceptions.Exit(1) from None
            if os.environ.get("TIMELINE_DEBUG"):
                raise
            raise click.ClickException(describe_os_error(error)) from None
        except Exception as error:
            if os.environ.get("TIMELINE_DEBUG"):
                raise
            raise click.ClickException(internal_error(error)) from None


def internal_error(error: Exception) -> str:
    """What to tell of an unexpected error: a bug, to report (not its traceback)."""
    return (
        f"internal error ({type(error).__name__}: {error}). This is a bug in timeline: "
        "please report it with the command you ran; set TIMELINE_DEBUG=1 to see where it "
        "happened"
    )


def output_gone() -> bool:
    """Whether standard output is a pipe no one reads any more (`timeline ... | head`).
    If so, it is pointed at the null device, so that what waits in its buffer is dropped
    rather than failing again at exit."""
    try:
        sys.stdout.flush()
        gone = _without_reader(sys.stdout.fileno())
    except BrokenPipeError:
        gone = True
    except (OSError, ValueError):  # closed, or no file behind it
        return False
    if gone:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return gone


def _without_reader(fd: int) -> bool:
    """Whether `fd` is the writing end of a pipe whose reading end is closed (polled, it
    reports an error); a failed write said so once, and the next may not."""
    if not hasattr(select, "poll"):
        return False
    poll = select.poll()
    poll.register(fd, select.POLLOUT)
    return any(events & select.POLLERR for _, events in poll.poll(0))


def describe_os_error(error: OSError) -> str:
    """`path: reason` for a failed file operation, with a hint for the common cases."""
    where = error.filename if error.filename is not None else "a file"
    reason = error.strerror or str(error)
    hints = {
        errno.EACCES: "; check the permissions of this file or folder",
        errno.EPERM: "; check the permissions of this file or folder",
        errno.ENOSPC: "; free some disk space and run it again",
        errno.EROFS: "; the disk is read-only, choose another --output",
        errno.ENAMETOOLONG: "; the name is too long for the file system",
        errno.EEXIST: "; a file is in the way where a folder should be",
        errno.ENOTDIR: "; part of this path is a file, not a folder",
    }
    return f"{where}: {reason}{hints.get(error.errno, '')}"
