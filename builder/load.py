"""Load stage: read every source and event file into records, collecting problems.

Nothing here writes anything. Each file's problems are reported at the line of the key
that is wrong; a file with errors is left out of the site, so that the next stages can
still look at the rest and report their own problems in the same run.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from builder.dates import DateError, DateSpan, PartialDate
from builder.frontmatter import FrontMatter, FrontMatterError, parse_front_matter
from builder.markdown_text import markdown_html, markup_issues, remember_html, sanitise
from builder.model import Citation, EventRecord, Rights, Source, Status
from builder.problems import CONTROL_CHARACTERS, Problems
from builder.sentences import HEADING_LINE, LIST_ITEM
from builder.slugs import is_reserved_name

CONTENT_SUFFIXES = (".md", ".markdown", ".txt")

SOURCE_KEYS = {"id", "title", "publisher", "url", "published", "author", "language", "rights"}
EVENT_KEYS = {
    "id",
    "date",
    "end",
    "ongoing",
    "title",
    "tags",
    "status",
    "sources",
    "extracted",
    "hidden",
    "joins",
}
CITATION_KEYS = {"source", "quote"}
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,150}")
URL_SCHEMES = ("https://", "http://")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def content_paths(site_dir: Path, folder: Path, problems: Problems) -> list[str]:
    """The content files of a folder in name order, refusing links that leave the site
    and reporting folders that cannot be read (rather than silently skipping them)."""
    directory = site_dir / folder
    if not directory.is_dir():
        return []
    root = site_dir.resolve()
    # Linked folders are not entered, so below a folder that is itself inside the site
    # only a link can lead out: other files need no resolving (a cost at 10k files).
    folder_inside = _inside(directory, root)
    found: list[tuple[list[str], str]] = []  # (path parts, to sort by as Path does; path)
    pending = [str(directory)]
    while pending:
        parent = pending.pop()
        try:
            with os.scandir(parent) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            where = Path(error.filename) if error.filename else directory
            problems.error(
                where, 1, f"cannot read this folder: {error.strerror}; check its permissions"
            )
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            link = entry.is_symlink()
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
                continue
            if link and entry.is_dir() and not _inside(Path(entry.path), root):
                problems.error(Path(entry.path), 1, _OUTSIDE)
                continue
            if os.path.splitext(name)[1].lower() not in CONTENT_SUFFIXES:
                continue
            if (link or not folder_inside) and not _inside(Path(entry.path), root):
                problems.error(Path(entry.path), 1, _OUTSIDE)
            elif link and not os.path.exists(entry.path):
                problems.error(
                    Path(entry.path), 1, "this file is a link to a file that does not exist"
                )
            elif entry.is_file():
                found.append((entry.path.split(os.sep), entry.path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


_OUTSIDE = (
    "this is a link to a place outside the site folder, which is refused; "
    "copy the file into the site instead"
)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def read_content_file(path: Path, problems: Problems) -> FrontMatter | None:
    """Read one file's front matter and body, or report why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.error(path, 1, f"cannot read the file: {error.strerror}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.error(path, line, "the file is not UTF-8 text; save it with UTF-8 encoding")
        return None
    if not text.strip():
        problems.error(path, 1, "the file is empty; it needs front matter between '---' lines")
        return None
    if control := CONTROL_CHARACTERS.search(text):
        line = text.count("\n", 0, control.start()) + 1
        problems.error(
            path,
            line,
            f"the file contains the control character U+{ord(control[0]):04X}, which text "
            "cannot hold; remove it (the file may not be a text file)",
        )
        return None
    try:
        front = parse_front_matter(text)
    except FrontMatterError as error:
        problems.error(path, error.line, error.message)
        return None
    for line, message in front.duplicates:
        problems.error(path, line, message)
    # YAML escapes ("\0", "\e", "\ud800") write what the file itself may not hold; the
    # file holds none of those characters, so without a backslash its values hold none.
    escaped = list(_escaped_controls(front.data, ())) if "\\" in text else []
    for key_path, char in escaped:
        where = repr(key_path[0]) if key_path else "a key"
        problems.error(
            path,
            front.line_of(*key_path),
            f"{where} contains the character U+{ord(char):04X} (written as a YAML escape), "
            "which text cannot hold; remove it",
        )
    return None if front.duplicates or escaped else front


def _escaped_controls(value: object, key_path: tuple) -> Iterator[tuple[tuple, str]]:
    """(path, character) of each text in the front matter holding a CONTROL_CHARACTERS one."""
    if isinstance(value, str):
        if control := CONTROL_CHARACTERS.search(value):
            yield key_path, control[0]
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _escaped_controls(key, key_path)
            yield from _escaped_controls(item, (*key_path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _escaped_controls(item, (*key_path, index))


class _Fields:
    """Typed access to one file's front matter, reporting each bad value at its line."""

    def __init__(self, path: Path, front: FrontMatter, problems: Problems) -> None:
        self.path, self.front, self.problems = path, front, problems
        self.ok = True

    def error(self, message: str, *key: str | int) -> None:
        self.problems.error(self.path, self.front.line_of(*key), message)
        self.ok = False

    def missing(self, key: str, example: str) -> None:
        self.error(f"missing required key {key!r}; add a line such as '{key}: {example}'")

    def text(self, key: str, *, required: bool = False, example: str = "...") -> str | None:
        value = self.front.data.get(key)
        if value is None:
            if required:
                self.missing(key, example)
            return None
        if isinstance(value, int | float):  # and true or false, as YAML reads yes, no, on, off
            self.error(
                f"{key!r} must be text, not {_describe(value)}; put it in quotes if it is "
                "meant as text",
                key,
            )
            return None
        if not isinstance(value, str) or _shows_nothing(value):
            self.error(f"{key!r} must be a line of text, not {_describe(value)}", key)
            return None
        return value.strip()

    def date(self, key: str, *, required: bool = False) -> PartialDate | None:
        value = self.front.data.get(key)
        if value is None:
            if required:
                self.missing(key, "2024-11-27")
            return None
        try:
            return PartialDate.parse(value)
        except DateError as error:
            self.error(f"{key!r}: {error}", key)
            return None

    def choice(self, key: str, kind: type, default: Any) -> Any:
        value = self.front.data.get(key, default.value)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            self.error(f"{key!r} must be one of {allowed}, not {_describe(value)}", key)
            return default

    def flag(self, key: str) -> bool:
        value = self.front.data.get(key, False)
        if not isinstance(value, bool):
            self.error(f"{key!r} must be true or false, not {_describe(value)}", key)
            return False
        return value

    def identifier(self) -> str:
        value = self.front.data.get("id", self.path.stem)
        where = "'id'" if "id" in self.front.data else "the file name"
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value) or ".." in value:
            self.error(
                f"{where} gives the id {_shorten(repr(value))}; an id uses only letters, "
                "digits, '-', '_' and '.', starts with a letter or digit, has no '..' and "
                "at most 151 characters; set a different 'id'",
                "id",
            )
        elif is_reserved_name(value):
            self.error(
                f"{where} gives the id {value!r}, a name reserved for list pages or by "
                "Windows; set a different 'id'",
                "id",
            )
        return str(value)

    def language(self) -> str | None:
        language = self.text("language")
        if language is not None and not LANGUAGE_TAG.fullmatch(language):
            self.error(
                f"'language' must be a language tag such as en, ar or pt-BR, not {language!r}",
                "language",
            )
            return None
        return language

    def check_markup(self, body: str, converted: str | None = None) -> None:
        """Report refused link addresses in the body (errors) and markup the sanitiser
        will remove (warnings), each at the first line that shows it. `converted` is
        the body's `markdown_html`, when already at hand."""
        for issue in markup_issues(body, converted):
            line = self.front.body_line + _line_of_clue(body, issue.clue, issue.fallback_clue)
            if issue.is_error:
                self.problems.error(self.path, line, issue.message)
                self.ok = False
            else:
                self.problems.warn(self.path, line, issue.message)

    def warn_unknown(self, allowed: set[str]) -> None:
        for key in self.front.data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problems.warn(
                    self.path,
                    self.front.line_of(key),
                    f"unknown key {key!r} is ignored (known keys: {known})",
                )


def load_source(path: Path, problems: Problems) -> Source | None:
    front = read_content_file(path, problems)
    if front is None:
        return None
    fields = _Fields(path, front, problems)
    fields.warn_unknown(SOURCE_KEYS)
    source_id = fields.identifier()
    title = fields.text("title", required=True, example="Rebels enter Aleppo")
    publisher = fields.text("publisher", required=True, example="AFP")
    published = fields.date("published", required=True)
    if published is not None and published.day is None:
        problems.warn(
            path,
            front.line_of("published"),
            f"'published' names no day ({published.iso()}): the article's dates cannot be "
            "worked out from it ('on Wednesday'), so `timeline extract` proposes none",
        )
    url = fields.text("url")
    if url is not None and not _is_web_address(url):
        fields.error(
            f"'url' must be one http:// or https:// address with a host name and without "
            f"spaces, not "
            f"{_shorten(repr(url))}; leave 'url' out if the article has none",
            "url",
        )
    author = fields.text("author")
    language = fields.language()
    rights = fields.choice("rights", Rights, Rights.EXCERPTS)
    paragraphs = split_paragraphs(front.body)
    if not paragraphs:
        fields.error("the article has no text below its front matter; paste the article there")
    if not fields.ok:
        return None
    return Source(
        id=source_id,
        path=path,
        title=title,
        publisher=publisher,
        published=published,
        url=url,
        author=author,
        language=language,
        rights=rights,
        paragraphs=paragraphs,
    )


PARAGRAPH_SEPARATOR = "\n\n"


def tagger_text(paragraphs: tuple[str, ...]) -> str:
    """A source's text as the temporal tagger reads it: paragraphs separated by a blank
    line, so offsets map back to (paragraph, offset) the same way everywhere."""
    return PARAGRAPH_SEPARATOR.join(paragraphs)


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; the lines inside one are joined by spaces,
    but a list's items keep the line break before them, and a heading the one after it,
    which makes each its own sentence."""
    blocks = re.split(r"\n[ \t]*\n", body.strip())
    return tuple(_join_lines(block.splitlines()) for block in blocks if block.strip())


def _join_lines(lines: list[str]) -> str:
    if len(lines) == 1:  # most paragraphs: nothing to join
        return lines[0].strip()
    lines = [line.strip() for line in lines]
    items = [LIST_ITEM.match(line) is not None for line in lines]
    listed = sum(items) >= 2
    text = lines[0]
    for previous, line, item in zip(lines, lines[1:], items[1:], strict=False):
        broken = (item and listed) or HEADING_LINE.fullmatch(previous) is not None
        text += ("\n" if broken else " ") + line
    return text


def load_event(path: Path, problems: Problems, *, extracted_folder: bool) -> EventRecord | None:
    front = read_content_file(path, problems)
    if front is None:
        return None
    fields = _Fields(path, front, problems)
    fields.warn_unknown(EVENT_KEYS)
    event_id = fields.identifier()
    title = fields.text("title", required=True, example="Rebels enter Aleppo")
    start = fields.date("date", required=True)
    end = fields.date("end")
    ongoing = fields.flag("ongoing")
    status = fields.choice("status", Status, Status.REPORTED)
    extracted = fields.flag("extracted") or extracted_folder
    hidden = fields.flag("hidden")
    joins = fields.text("joins")
    if joins is not None and not extracted_folder:
        problems.warn(
            path,
            front.line_of("joins"),
            f"this file was proposed as further sources of the event {joins!r}: copy its "
            "sources into that event's file and delete this one, or the event is listed "
            "twice; delete this line if it is another event",
        )
    if end is not None and ongoing:
        fields.error("an event has either an 'end' or 'ongoing: true', not both", "ongoing")
    if start is not None and end is not None and end.ends_before(start):
        fields.error(f"'end' ({end.iso()}) is before 'date' ({start.iso()})", "end")
    tags = _tags(fields)
    citations = _citations(fields)
    summary = front.body.strip()
    converted = markdown_html(front.body)
    fields.check_markup(front.body, converted)
    if not fields.ok or start is None or title is None:
        return None
    if front.body.rstrip("\n") == summary:
        # Trailing blank lines change nothing in Markdown: the conversion checked above
        # is the summary's too, and is remembered rather than done again for the page.
        remember_html({summary: sanitise(converted)})
    return EventRecord(
        id=event_id,
        path=path,
        when=DateSpan(start, end, ongoing),
        title=title,
        summary=summary,
        tags=tags,
        status=status,
        citations=citations,
        extracted=extracted,
        hidden=hidden,
        tags_line=front.line_of("tags"),
        joins=joins,
        joins_line=front.line_of("joins"),
    )


def _tags(fields: _Fields) -> tuple[str, ...]:
    value = fields.front.data.get("tags", [])
    if not isinstance(value, list):
        fields.error(
            f"'tags' must be a list, such as [Aleppo, Russia], not {_describe(value)}", "tags"
        )
        return ()
    tags: list[str] = []
    for index, tag in enumerate(value):
        if not isinstance(tag, str | int) or isinstance(tag, bool) or _shows_nothing(str(tag)):
            quotes = "; put it in quotes if it is meant as text" if isinstance(tag, bool) else ""
            fields.error(
                f"tag {index + 1} must be a word or phrase, not {_describe(tag)}{quotes}",
                "tags",
                index,
            )
        elif str(tag).strip() not in tags:
            tags.append(str(tag).strip())
    return tuple(tags)


def _citations(fields: _Fields) -> tuple[Citation, ...]:
    value = fields.front.data.get("sources")
    if value is None:
        fields.error(
            "missing required key 'sources': each event cites at least one source, as "
            "'sources: [{source: <source id>, quote: <exact words>}]'"
        )
        return ()
    if not isinstance(value, list) or not value:
        fields.error(
            "'sources' must be a list of {source: <source id>, quote: <exact text>}", "sources"
        )
        return ()
    citations = []
    for index, item in enumerate(value):
        where = ("sources", index)
        if not isinstance(item, dict):
            fields.error(f"source {index + 1} must be a mapping with 'source' and 'quote'", *where)
            continue
        for key in item:
            if key not in CITATION_KEYS:
                fields.problems.warn(
                    fields.path,
                    fields.front.line_of(*where, key),
                    f"unknown key {key!r} in a citation is ignored",
                )
        source_id, quote = item.get("source"), item.get("quote")
        if not isinstance(source_id, str) or not source_id.strip():
            fields.error(f"source {index + 1} needs 'source': the id of a source file", *where)
            continue
        if not isinstance(quote, str) or not quote.strip():
            fields.error(
                f"source {index + 1} needs 'quote': the exact words from the article", *where
            )
            continue
        line = fields.front.line_of(*where, "quote")
        citations.append(Citation(source_id.strip(), quote.strip(), line))
    return tuple(citations)


_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")


def _is_web_address(url: str) -> bool:
    if not url.lower().startswith(URL_SCHEMES) or _CONTROL_OR_SPACE.search(url):
        return False
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # "http://[::1": other tools (and `timeline add`) cannot read it
        return False


_IGNORED_IN_CLUES = str.maketrans("", "", "\t\r")


def _line_of_clue(body: str, *clues: str) -> int:
    """0-based line of the body where the first of `clues` found shows, as a browser
    would read the line."""
    lines = [
        html.unescape(line).translate(_IGNORED_IN_CLUES).casefold() for line in body.split("\n")
    ]
    for clue in filter(None, clues):
        wanted = clue.translate(_IGNORED_IN_CLUES).casefold()
        for number, line in enumerate(lines):
            if wanted in line:
                return number
    return 0


# Characters that show nothing on their own: spaces, controls, format characters (zero
# width space, direction marks) and marks that combine with the letter before them.
_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"}


def _shows_nothing(text: str) -> bool:
    """True for text without a character to see: a title or tag of it would be a blank
    heading, or a link with nothing to click."""
    return all(unicodedata.category(char) in _INVISIBLE for char in text)


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)
