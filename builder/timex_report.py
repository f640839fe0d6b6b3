"""`timeline dates`: the temporal expressions of a text, as a table or as JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from builder.dates import DateError, PartialDate
from builder.frontmatter import FrontMatterError, parse_front_matter
from builder.load import split_paragraphs, tagger_text
from builder.temporal import Timex, tag


def creation_date(value: object, where: str) -> str:
    """The day a text is resolved against, as YYYY-MM-DD."""
    try:
        return creation_day(value)
    except DateError as error:
        raise click.ClickException(f"{where}: {error}") from None


# A day in ISO 8601's basic or extended form, with a time of day (whose zone may be
# unstated) after it: "19980304", "1998-03-04T10:30:00", "19980304T103000".
_ISO_DAY = re.compile(
    r"(\d{4})(-?)(\d{2})\2(\d{2})(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)


def creation_day(value: object) -> str:
    """The day a creation date names, as YYYY-MM-DD; DateError when it names none. Only
    the day is used, so a time given without its zone, or the basic form of ISO 8601
    that corpora and feeds use for it, is read for its day."""
    try:
        date = PartialDate.parse(value)
    except DateError:
        match = _ISO_DAY.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise
        date = PartialDate.parse(f"{match[1]}-{match[3]}-{match[4]}")
    if date.day is None:
        raise DateError(f"{value!r} names no day; the publication date must name a day")
    return date.iso()[:10]


def read_article(
    path: Path, published: str | None, language: str | None = None
) -> tuple[str, str, str | None]:
    """The text to tag, its publication day and its language. A source file (with front
    matter) gives its own `published` date and `language` and is read as its paragraphs;
    any other file as it is."""
    where = "--published"
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise click.ClickException(f"{path}: cannot read the file ({error})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise click.ClickException(
            f"{path}:{line}: the file is not UTF-8 text; save it with UTF-8 encoding"
        ) from None
    if text.startswith("---"):
        try:
            front = parse_front_matter(text)
        except FrontMatterError as error:
            raise click.ClickException(f"{path}:{error.line}: {error.message}") from None
        text = tagger_text(split_paragraphs(front.body))
        if not published and front.data.get("published") is not None:
            published = front.data["published"]
            where = f"{path}:{front.line_of('published')}: 'published'"
        stated = front.data.get("language")
        language = language or (stated if isinstance(stated, str) else None)
    if not published:
        raise click.UsageError("--published DATE is needed to resolve relative expressions")
    return text, creation_date(published, where), language


def as_record(timex: Timex, with_text: bool = True) -> dict:
    record = {"start": timex.start, "end": timex.end, "type": timex.type, "value": timex.value}
    if with_text:
        record = {
            "start": timex.start,
            "end": timex.end,
            "text": timex.text,
            "type": timex.type,
            "value": timex.value,
        }
    return record


def table(found: Iterable[Timex]) -> Iterator[str]:
    yield f"{'start':>6} {'end':>6}  {'type':<9} {'value':<22} text"
    for timex in found:
        yield f"{timex.start:>6} {timex.end:>6}  {timex.type:<9} {timex.value:<22} {timex.text}"


def tag_documents(lines: Iterable[bytes], name: str, problems: list[str]) -> Iterator[str]:
    """Batch mode: {"doc_id","dct","text"} lines in, {"doc_id","timexes"} lines out.
    A line that cannot be tagged is told in `problems` (by file and line) and the others
    go on; a document that names itself gets its line, with no timexes and the error."""
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            problems.append(f"{where}: not UTF-8 text")
            continue
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as error:
            problems.append(f"{where}: not a JSON line ({error})")
            continue
        if not isinstance(doc, dict) or "doc_id" not in doc:
            problems.append(f'{where}: a document line needs "doc_id", "dct" and "text"')
            continue
        try:
            timexes = _document_timexes(doc)
        except DateError as error:
            problem = f"dct: {error}"
        except ValueError as error:
            problem = str(error)
        else:
            yield json.dumps({"doc_id": doc["doc_id"], "timexes": timexes})
            continue
        problems.append(f"{where}: {problem}")
        yield json.dumps({"doc_id": doc["doc_id"], "timexes": [], "error": problem})


def _document_timexes(doc: dict) -> list[dict]:
    if "text" not in doc or "dct" not in doc:
        raise ValueError('a document line needs "doc_id", "dct" and "text"')
    if doc["dct"] is None:
        raise ValueError('"dct" is null: give the day the document was written (YYYY-MM-DD)')
    if not isinstance(doc["text"], str):
        raise ValueError('"text" must be a string')
    return [as_record(t, with_text=False) for t in tag(doc["text"], creation_day(doc["dct"]))]
