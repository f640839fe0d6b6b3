"""The site's settings, read from `timeline.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from builder.problems import CONTROL_CHARACTERS, Problems

CONFIG_FILE = "timeline.toml"


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Timeline"
    description: str = ""
    base_url: str = ""
    language: str = "en"
    timezone: str = "UTC"
    publish_candidates: bool = False
    search: bool = True  # a Pagefind index of events and sources (builder/search.py)
    # Above this many events the chronology gets one page per year (builder/periods.py).
    period_pages_above: int = 2000
    # The newest this many events are in each Atom feed (0: every event; builder/feeds.py).
    feed_entries: int = 50

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


_TYPES = {
    "title": str,
    "description": str,
    "base_url": str,
    "language": str,
    "timezone": str,
    "publish_candidates": bool,
    "search": bool,
    "period_pages_above": int,
    "feed_entries": int,
}


# The settings that count something, and what 0 means for each.
_COUNTS = {"feed_entries": "every event", "period_pages_above": "one page for every list"}
_TYPE_NAMES = {str: "text in quotes", bool: "true or false", int: "a whole number"}


class NotASiteError(click.ClickException):
    exit_code = 1


def require_site(site_dir: Path) -> None:
    """Refuse a folder that holds neither a timeline.toml nor a content/ folder: a mistyped
    --site would otherwise build an empty site without a word."""
    if not (site_dir / CONFIG_FILE).is_file() and not (site_dir / "content").is_dir():
        raise NotASiteError(
            f"{site_dir}: not a timeline site (no {CONFIG_FILE} and no content/ folder); "
            f"give the site folder with --site, or create one with `timeline init {site_dir}`"
        )


def load_config(site_dir: Path, problems: Problems) -> SiteConfig:
    """Read timeline.toml; a missing file means the defaults, a broken one is a problem."""
    path = site_dir / CONFIG_FILE
    if not path.exists():
        return SiteConfig()
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        raw = tomllib.loads(text)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.error(path, line, "the file is not UTF-8 text; save it as UTF-8")
        return SiteConfig()
    except OSError as error:
        problems.error(path, 1, f"cannot read the file: {error.strerror}")
        return SiteConfig()
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or _line_from_message(str(error), text)
        problems.error(path, line, f"broken TOML: {error}")
        return SiteConfig()
    values = {}
    for key, value in raw.items():
        line = _line_of_key(path, key)
        if key not in _TYPES:
            problems.warn(path, line, f"unknown setting {key!r} is ignored")
        elif not isinstance(value, _TYPES[key]) or (_TYPES[key] is int and isinstance(value, bool)):
            expected = _TYPE_NAMES[_TYPES[key]]
            problems.error(path, line, f"{key!r} must be {expected}, not {value!r}")
        elif isinstance(value, str) and (control := CONTROL_CHARACTERS.search(value)):
            # TOML escapes ("\u0000") write what the file itself may not hold.
            problems.error(
                path,
                line,
                f"{key!r} contains the character U+{ord(control[0]):04X}, which text cannot "
                "hold; remove it",
            )
        else:
            values[key] = value
    config = SiteConfig(**values)
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.error(
            path,
            _line_of_key(path, "timezone"),
            f"unknown time zone {config.timezone!r}; use a name such as 'UTC' or 'Europe/Paris'",
        )
        config = SiteConfig(**{**values, "timezone": "UTC"})
    if not _LANGUAGE_TAG.fullmatch(config.language):
        problems.error(
            path,
            _line_of_key(path, "language"),
            f"'language' must be a language tag such as en, ar or pt-BR, not {config.language!r}",
        )
        config = SiteConfig(**{**values, "language": "en"})
    for key, zero_means in _COUNTS.items():
        if getattr(config, key) < 0:
            problems.error(
                path, _line_of_key(path, key), f"{key!r} must be 0 ({zero_means}) or more"
            )
            config = SiteConfig(**{**values, key: getattr(SiteConfig, key)})
    if config.base_url and not _is_site_address(config.base_url):
        problems.error(
            path,
            _line_of_key(path, "base_url"),
            f"'base_url' must be the site's web address, starting with https://, with a host "
            f"name and without spaces, '?' or '#', not {config.base_url!r}",
        )
    return config


# What no web address holds unencoded (and what would end an attribute or a tag).
_NOT_IN_ADDRESS = re.compile(r'[\x00-\x20\x7f"<>\\^`{|}]')


def _is_site_address(url: str) -> bool:
    """Whether `url` can have page paths appended to it: an http(s) address with a host
    and no query or fragment (which would swallow the path)."""
    if not url.startswith(("https://", "http://")) or _NOT_IN_ADDRESS.search(url):
        return False
    return bool(urlsplit(url).hostname) and "?" not in url and "#" not in url


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def _line_of_key(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if line.split("=", 1)[0].strip() == key:
            return number
    return 1


def _line_from_message(message: str, text: str) -> int:
    # tomllib reports "(at line 3, column 7)" in its message, or "(at end of document)"
    # for what is left open (an array, a string): that is noticed on the last line.
    marker = "at line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",", 1)[0].rstrip(")")
        if digits.isdigit():
            return int(digits)
    if "at end of document" in message:
        return max(1, len(text.rstrip("\n").split("\n")))
    return 1
