"""The `timeline` command line: a thin click layer over the build stages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline-builder")
def main() -> None:
    """Build a static HTML chronology from news articles and dated event records."""


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date the text is resolved against (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@click.option(
    "--jsonl",
    "jsonl_in",
    type=click.File("r", encoding="utf-8"),
    help='Batch mode: read {"doc_id","dct","text"} lines, write {"doc_id","timexes"} lines.',
)
def dates(file: Path | None, published: str | None, as_json: bool, jsonl_in) -> None:
    """Show the temporal expressions found in FILE and their resolved values."""
    from builder.temporal import tag

    if jsonl_in is not None:
        for line_number, line in enumerate(jsonl_in, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text, dct = doc["text"], doc["dct"]
            except (ValueError, KeyError, TypeError) as error:
                raise click.ClickException(f"{jsonl_in.name}:{line_number}: not a document line ({error})") from None
            timexes = [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                for t in tag(text, dct)
            ]
            sys.stdout.write(json.dumps({"doc_id": doc.get("doc_id"), "timexes": timexes}) + "\n")
        return
    if file is None:
        raise click.UsageError("give a FILE, or --jsonl IN.jsonl")
    if not published:
        raise click.UsageError("--published DATE is needed to resolve relative expressions")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"{file}: cannot read ({error})") from None
    found = tag(text, published)
    if as_json:
        for t in found:
            click.echo(json.dumps({"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}, ensure_ascii=False))
        return
    for t in found:
        click.echo(f"{t.start:>6}-{t.end:<6} {t.type:<9} {t.value:<22} {t.text}")
