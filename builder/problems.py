"""Problems found in a site's content, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


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
        count = len(problems)
        summary = f"{count} error{'s' if count != 1 else ''}; nothing was written."
        super().__init__("\n".join([*map(str, problems), summary]))
        self.problems = problems

    def format_message(self) -> str:
        return self.message
