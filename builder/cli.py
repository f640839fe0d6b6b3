"""The `timeline` command line: a thin click layer over the build stages."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import click

from builder.problems import GuardedGroup, counted, output_gone


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline-builder")
def main() -> None:
    """Build a static HTML chronology from news articles and dated event records."""


# Where `run` has a build's records and views put rather than freed when it returns: it
# ends the process without freeing them. None when `main` runs alone (in tests).
_kept_until_exit: list | None = None


def run() -> None:
    """The `timeline` program: `main`, then the process ends without tearing the
    interpreter down. Freeing a large site's records and views one object at a time
    costs 0.05-0.1 s at 10,000 events (0.3 s after a full build), after all the work is
    done: every file is written and closed by then, the streams are flushed here, and
    threads still removing an old site are waited for. Other threads are not: after
    Ctrl+C, fetches of a feed's pages still waiting for a server are abandoned (the
    interpreter would wait for each to time out)."""
    global _kept_until_exit
    _kept_until_exit = []
    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what the interpreter does with such an exit
        code = 1
    if "builder.write" in sys.modules:  # only a build removes old sites
        from builder.write import CLEANUP_THREAD

        for thread in threading.enumerate():
            if thread.name == CLEANUP_THREAD:
                thread.join()
    if output_gone():  # what was left in the buffer had no reader any more
        code = code or 1
    sys.stderr.flush()
    os._exit(code or 0)


def site_option(command):
    return click.option(
        "--site",
        "site_dir",
        default=".",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="The site folder (holding timeline.toml and content/).",
    )(command)


def report_warnings(warnings) -> None:
    for warning in warnings:
        click.echo(str(warning), err=True)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Timeline", show_default=True, help="The site's title.")
def init(folder: Path, title: str) -> None:
    """Create a new site in FOLDER: a config and a sample article and events."""
    from builder.scaffold import create_site

    create_site(folder, title)
    click.echo(
        f"Created a site in {folder}. Next:\n"
        f"  timeline build --site {folder}    # writes {folder}/site/index.html\n"
        f"  timeline add ARTICLE.html --site {folder}"
    )


@main.command()
@site_option
@click.option(
    "--port",
    "-p",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="The port to listen on.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; the default lets no other machine in.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site (default: site/ in the site folder).",
)
def serve(site_dir: Path, port: int, host: str, output: Path | None) -> None:
    """Preview the site: build it, serve it, and rebuild when content, templates or
    timeline.toml change; open pages reload themselves. Stop with Ctrl+C."""
    from builder.serve import Preview

    preview = Preview(site_dir, output or site_dir / "site", host, port)
    preview.start()
    click.echo(f"Serving {preview.output} at {preview.address} (Ctrl+C to stop)")
    try:
        while True:
            preview.watcher.thread.join(3600)
    except KeyboardInterrupt:
        click.echo("Stopping.")
    finally:
        preview.stop()


@main.command()
@site_option
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option(
    "--rights",
    type=click.Choice(["full", "excerpts", "link"]),
    help="What the site may show of web pages' text (default: excerpts).",
)
@click.option("--published", help="Publication date for pages that state none (YYYY-MM-DD).")
@click.option("--publisher", help="Publisher for pages that do not name theirs.")
def add(
    site_dir: Path,
    inputs: tuple[str, ...],
    rights: str | None,
    published: str | None,
    publisher: str | None,
) -> None:
    """Add articles to content/sources/: saved web pages (.html, or saved as a single
    file: .mhtml, .webarchive), Markdown or text files with source front matter (or,
    given --published and --publisher, a plain-text article whose first line is its
    headline), and RSS, Atom or JSON feeds (a file or an address). A folder adds the
    files in it;
    an OPML list of feeds, a link shortcut (.url, .webloc) or a text file of addresses
    (one per line) adds what each address leads to.

    Articles already present (same URL, tracking parameters aside, or same text) are
    skipped; every input that could
    not be read is listed with the reason, and the exit code is then 1. Next: write
    event records citing the new sources, or run `timeline extract`.
    """
    from builder.dates import DateError, PartialDate
    from builder.ingest import Options, ingest

    if published is not None:
        try:
            PartialDate.parse(published)
        except DateError as error:
            raise click.BadParameter(str(error), param_hint="--published") from None
    outcomes = ingest(
        site_dir,
        list(inputs),
        Options(rights, published, publisher),
        report=lambda outcome: click.echo(str(outcome), err=outcome.status == "failed"),
    )
    failed = sum(1 for outcome in outcomes if outcome.status == "failed")
    added = sum(1 for outcome in outcomes if outcome.status == "added")
    click.echo(f"{added} added, {len(outcomes) - added - failed} skipped, {failed} failed.")
    if failed:
        raise SystemExit(1)


@main.command()
@site_option
def check(site_dir: Path) -> None:
    """Validate all content without writing anything; list every problem as path:line."""
    from builder.build import load_site
    from builder.views import awaits_review

    loaded = load_site(site_dir)
    report_warnings(loaded.warnings)
    site = loaded.site
    shown = [event for event in site.events if not event.hidden]
    waiting = sum(1 for event in shown if awaits_review(event))
    counts = [counted(len(site.sources), "source"), counted(len(shown) - waiting, "event")]
    if waiting:
        counts.append(f"{counted(waiting, 'candidate')} awaiting review")
    if len(shown) < len(site.events):
        counts.append(f"{len(site.events) - len(shown)} hidden")
    click.echo(f"OK: {', '.join(counts)}; no errors.")


@main.command()
@site_option
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site (default: site/ in the site folder).",
)
@click.option("--clean", is_flag=True, help="Rebuild every page, ignoring the build cache.")
@click.option("--verbose", "-v", is_flag=True, help="Print the time each stage took.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but warnings and errors.")
def build(site_dir: Path, output: Path | None, clean: bool, verbose: bool, quiet: bool) -> None:
    """Check the content, then write the site to site/ in one atomic step.

    Only pages whose content, templates or settings changed since the last build are
    rendered again (the cache is in .timeline-cache/); --clean renders everything.
    """
    from builder.build import build as run_build
    from builder.progress import StageTimer

    timer = StageTimer.for_terminal(verbose=verbose, quiet=quiet)
    result = run_build(
        site_dir, output or site_dir / "site", clean=clean, timer=timer, keep=_kept_until_exit
    )
    report_warnings(result.warnings)
    if not quiet:
        click.echo(
            f"Built {counted(result.events, 'event')} from "
            f"{counted(result.sources, 'source')}: {counted(result.pages, 'file')} in "
            f"{result.output} ({result.written} written, "
            f"{result.pages - result.written} unchanged) in {timer.total:.2f} s"
        )


@main.command()
@site_option
@click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON lines.")
def extract(site_dir: Path, as_json: bool) -> None:
    """Propose dated events from the articles' text, as files in content/candidates/.

    Review each file: edit it, move it to content/events/ to accept it, or set
    `hidden: true` to refuse it. Files you edited are never overwritten, and sentences an
    event already cites are not proposed again; a new article's report of an event already
    dealt with is proposed as a further source of it (listed in its candidate file when
    that file is still as extract wrote it).
    """
    from builder.build import load_site
    from builder.extract import CANDIDATES_DIR, propose_events, write_candidates

    loaded = load_site(site_dir)
    report_warnings(loaded.warnings)
    proposed = propose_events(loaded.site)
    if as_json:
        for proposal in proposed:
            click.echo(json.dumps(proposal.as_json(), ensure_ascii=False))
        return
    written, updated = write_candidates(site_dir, proposed)
    kept = len(proposed) - len(written) - len(updated)
    further = sum(1 for proposal in proposed if proposal.joins is not None)
    # A further report joins an event in content/: accepted, or a candidate still waiting.
    click.echo(
        f"{counted(len(proposed), 'candidate event')}"
        + (f" ({further} of them further reports of events already in content/)" if further else "")
        + f"; {counted(len(written), 'new file')}"
        + (f", {counted(len(updated), 'file')} updated" if updated else "")
        + f" in {CANDIDATES_DIR}/"
        + (f" ({counted(kept, 'file')} already there left unchanged)" if kept else "")
    )


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date the text is resolved against (YYYY-MM-DD).")
@click.option(
    "--language",
    help="Language of the text, such as fr or en-GB (a source file gives its own): numeric "
    "dates put the day first except in American English (en, en-US).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@click.option(
    "--jsonl",
    "jsonl_in",
    type=click.File("rb"),
    help='Batch mode: read {"doc_id","dct","text"} lines, write {"doc_id","timexes"} lines.',
)
def dates(
    file: Path | None, published: str | None, language: str | None, as_json: bool, jsonl_in
) -> None:
    """Show the temporal expressions found in FILE and their resolved values.

    A source file gives its own publication date; for any other text, pass --published.
    """
    from builder.temporal import day_first, tag
    from builder.timex_report import as_record, read_article, table, tag_documents

    if jsonl_in is not None:
        problems: list[str] = []
        for line in tag_documents(jsonl_in, getattr(jsonl_in, "name", "<stdin>"), problems):
            sys.stdout.write(line + "\n")
        if problems:
            for problem in problems:
                click.echo(f"Error: {problem}", err=True)
            lines = "line" if len(problems) == 1 else "lines"
            raise click.ClickException(
                f"{len(problems)} {lines} could not be tagged; the other documents were"
            )
        return
    if file is None:
        raise click.UsageError("give a FILE, or --jsonl IN.jsonl")
    text, published, language = read_article(file, published, language)
    found = tag(text, published, day_first(language))
    if not as_json:
        click.echo("\n".join(table(found)))
        return
    for timex in found:
        click.echo(json.dumps(as_record(timex), ensure_ascii=False))
