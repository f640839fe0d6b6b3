"""`timeline dates`: the temporal expressions of a text, as a table or as JSON."""

from __future__ import annotations

import json
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
        date = PartialDate.parse(value)
    except DateError as error:
        raise click.ClickException(f"{where}: {error}") from None
    if date.day is None:
        raise click.ClickException(f"{where}: the publication date must name a day")
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


def tag_documents(lines: Iterable[bytes], name: str) -> Iterator[str]:
    """Batch mode: {"doc_id","dct","text"} lines in, {"doc_id","timexes"} lines out."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise click.ClickException(f"{name}:{number}: not UTF-8 text") from None
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            text, dct = doc["text"], doc["dct"]
        except ValueError as error:
            raise click.ClickException(f"{name}:{number}: not a JSON line ({error})") from None
        except (KeyError, TypeError):
            raise click.ClickException(
                f'{name}:{number}: a document line needs "doc_id", "dct" and "text"'
            ) from None
        if not isinstance(text, str):
            raise click.ClickException(f'{name}:{number}: "text" must be a string')
        day = creation_date(dct, f"{name}:{number}: dct")
        timexes = [as_record(t, with_text=False) for t in tag(text, day)]
        yield json.dumps({"doc_id": doc.get("doc_id"), "timexes": timexes})
