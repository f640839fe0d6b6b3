"""Read content files through the build cache: a file whose bytes are unchanged since the
last build is not parsed again, and many new files are parsed on all cores."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from pathlib import Path

from markupsafe import Markup

from builder.cache import CacheState, file_digest
from builder.layout import EVENT_DIRS, SOURCES_DIR
from builder.load import content_paths, load_event, load_source
from builder.markdown_text import known_html, remember_html
from builder.model import EventRecord, Source
from builder.parallel import parallel_map
from builder.problems import Problem, Problems

# (record or None, the file's own problems, an event summary's HTML if converted)
Parsed = tuple[object, tuple[Problem, ...], Markup | None]

# Below this many files to parse, starting worker processes costs more than it saves.
_PARALLEL_FROM = 400


def parse_file(job: tuple[str, str, str], digest: bool = False) -> tuple[Parsed, str]:
    """The file's record, problems and summary HTML; with `digest`, the digest of its
    bytes ("" otherwise, or if it cannot be read: the loader reports that)."""
    site_dir, path, kind = job
    own = ""
    if digest:
        with contextlib.suppress(OSError):
            own = file_digest(Path(path).read_bytes())
    problems = Problems(Path(site_dir))
    if kind == "source":
        record: object = load_source(Path(path), problems)
    else:
        record = load_event(Path(path), problems, extracted_folder=kind == "candidates")
    # Loading converted the summary to check it: hand the HTML back from the worker.
    html = known_html(record.summary) if isinstance(record, EventRecord) else None
    return (record, tuple(problems.items), html), own


def load_records(
    site_dir: Path,
    problems: Problems,
    previous: CacheState,
    state: CacheState,
    *,
    workers: int = 0,
    progress: Callable[[int, int], None] | None = None,
    known: Mapping[str, str] | None = None,
) -> tuple[list[Source], list[EventRecord]]:
    """Every source and event record, in file-name order; problems go into `problems`.
    `known` holds file digests by path, found earlier in this build (see input_digest)."""
    known = known or {}
    jobs: list[tuple[str, str, str]] = [
        (str(site_dir), path, "source") for path in content_paths(site_dir, SOURCES_DIR, problems)
    ]
    for folder in EVENT_DIRS:
        kind = "candidates" if folder.name == "candidates" else "event"
        jobs += [(str(site_dir), path, kind) for path in content_paths(site_dir, folder, problems)]
    results: list[Parsed | None] = []
    digests: list[str] = []
    to_parse: list[int] = []
    for index, (_, path, kind) in enumerate(jobs):
        remembered = previous.records.get(path)
        own = known.get(path)
        if own is None and remembered is None:
            # Nothing to compare it with: hashed by the worker that parses it.
            digests.append("")
            results.append(None)
            to_parse.append(index)
            continue
        try:
            digest = kind + ":" + (own or file_digest(Path(path).read_bytes()))
        except OSError:
            digest = ""  # let the loader report it
        digests.append(digest)
        if digest and remembered is not None and remembered[0] == digest:
            results.append(remembered[1])  # type: ignore[arg-type]
        else:
            results.append(None)
            to_parse.append(index)
    parallel = workers if len(to_parse) >= _PARALLEL_FROM else 1
    parsed_files = parallel_map(
        lambda index: parse_file(jobs[index], digest=not digests[index]),
        to_parse,
        parallel,
        progress,
    )
    for index, (parsed, own) in zip(to_parse, parsed_files, strict=True):
        results[index] = parsed
        if not digests[index] and own:
            digests[index] = jobs[index][2] + ":" + own
    sources: list[Source] = []
    events: list[EventRecord] = []
    for (_, path, kind), digest, parsed in zip(jobs, digests, results, strict=True):
        assert parsed is not None
        record, found, html = parsed
        problems.items.extend(found)
        if html is not None:
            remember_html({record.summary: html})  # type: ignore[attr-defined]
        if digest:
            # The entry read from the cache itself where reused: the cache then sees its
            # shard unchanged and does not write it again (builder.cache).
            prior = previous.records.get(path)
            reused = prior is not None and prior[0] == digest and prior[1] is parsed
            # Kept without the summary's HTML: the summaries table remembers it (see
            # builder.summaries), and the cache is read and written at every build.
            kept = prior if reused else (digest, (record, found, None))
            state.records[path] = kept  # type: ignore[assignment]
        if record is None:
            continue
        if kind == "source":
            sources.append(record)  # type: ignore[arg-type]
        else:
            events.append(record)  # type: ignore[arg-type]
    return sources, events
