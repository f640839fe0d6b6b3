"""Render only the pages whose inputs changed since the last build; keep the others.

`render_jobs` takes the list of pages to make (path, template, context), fingerprints
each (see builder.incremental), keeps those whose fingerprint matches the published file
and renders the rest, on every core when there are many.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder.cache import Published, file_digest
from builder.incremental import (
    Closure,
    Fingerprinter,
    TemplateDigests,
    Tracked,
    page_fingerprint,
    take_reads,
)
from builder.parallel import parallel_map

if TYPE_CHECKING:
    from jinja2 import Environment

# Fewer pages than this render faster in this process than on forked workers.
_PARALLEL_FROM = 200


@dataclass(frozen=True)
class PageJob:
    """One page to render: `template` with `context`, written at `path`."""

    path: str
    template: str
    root: str  # the way back to the site root from this page, for relative links
    context: Mapping[str, object]


@dataclass(frozen=True)
class Kept:
    """Marks a page whose previous file is published again unchanged."""

    path: str


@dataclass(frozen=True)
class Spooled:
    """A page rendered straight into a file (`file`, in the spool folder the build gave),
    rather than held in memory: a large site's pages are hundreds of megabytes."""

    file: str
    stat: os.stat_result


# An output file as the stages hand it on: its bytes, or where they are.
Page = bytes | Kept | Spooled


class PageCache:
    """What the previous build published, and what this build decides about each file."""

    def __init__(
        self,
        previous: dict[str, Published],
        output: Path,
        templates: Mapping[str, Closure] | None = None,
        places: Mapping[str, dict] | None = None,
    ) -> None:
        self.previous = previous
        self.output = output
        # Where the items of each export are in its file (see builder.exports): as the
        # last build noted them, and for the exports this build makes.
        self.places_before = places or {}
        self.places: dict[str, dict] = {}
        # Page templates' closures: as the last build found them, and as this one does.
        self.templates_before = templates or {}
        self.templates: dict[str, Closure] = {}
        self.rendered: dict[str, tuple[str | None, frozenset[str]]] = {}
        # file_digest of pages, taken where rendered. Files given as bytes (feeds, exports:
        # tens of megabytes at 10k events) are not hashed: their entry's digest is "",
        # and they are compared with the published file itself (see same_bytes).
        self.digests: dict[str, str] = {}

    def content_digest(self, path: str, content: bytes | Spooled) -> str:
        known = self.digests.get(path)
        if known is not None:
            return known
        assert isinstance(content, bytes), "a spooled page's digest is taken as it is written"
        return file_digest(content)

    def can_keep(self, path: str, fingerprint: str) -> bool:
        known = self.previous.get(path)
        return (
            known is not None
            and known.fingerprint == fingerprint
            and known.still_there(os.path.join(self.output, path))
        )

    def same_bytes(self, path: str, content: bytes | Spooled) -> bool:
        known = self.previous.get(path)
        target = os.path.join(self.output, path)
        if known is None or not known.still_there(target):
            return False
        if known.sha:
            return known.sha == self.content_digest(path, content)
        return _same_as_file(target, content, known.size)

    def places_now(self, pages: Mapping[str, object]) -> dict[str, dict]:
        """Where the items of each export of this build are: as noted when it was made,
        or for an export kept from the last build, as that build noted it."""
        kept = {
            path: places
            for path, places in self.places_before.items()
            if isinstance(pages.get(path), Kept)
        }
        return {**kept, **{path: places for path, places in self.places.items() if path in pages}}

    def published(
        self, pages: Mapping[str, object], stats: Mapping[str, os.stat_result | None]
    ) -> dict[str, Published]:
        """The cache entries describing the site just published (a stat of None: the
        previous file was linked, and is described as before)."""
        entries = {}
        for path, value in pages.items():
            stat = stats[path]
            fingerprint, reads = self.rendered.get(path, (None, frozenset()))
            if stat is None:
                known = self.previous[path]
                if (fingerprint, reads) != (known.fingerprint, known.reads):
                    known = Published(
                        fingerprint, known.sha, known.size, known.mtime_ns, known.inode, reads
                    )
                entries[path] = known
                continue
            # A file given as bytes has no digest here (see self.digests).
            kept = isinstance(value, Kept)
            sha = self.previous[path].sha if kept else self.digests.get(path, "")
            entries[path] = Published(
                fingerprint, sha, stat.st_size, stat.st_mtime_ns, stat.st_ino, reads
            )
        return entries


def render_jobs(
    env: Environment,
    jobs: list[PageJob],
    shared: dict[str, object],
    cache: PageCache,
    *,
    workers: int = 0,
    progress: Callable[[int, int], None] | None = None,
    known_digests: Mapping[int, tuple[object, bytes]] | None = None,
    spool: Path | None = None,
) -> dict[str, Page]:
    """Each job's page as bytes, or `Kept` when the published file can stay.
    `known_digests` seeds the fingerprints (see builder.views.ViewMemo). With a `spool`
    folder, each page rendered is written into it as it is made (`Spooled`), by the
    process that rendered it, rather than kept in memory. `progress(done, total)` hears
    how many of the pages to render are done."""
    tracked = {
        value._tracked_name: value for value in shared.values() if isinstance(value, Tracked)
    }
    fingerprinter = Fingerprinter(known_digests)
    templates = TemplateDigests(env, cache.templates_before)
    cache.templates = templates.found
    tracked_digests: dict[str, bytes] = {}
    shared_digest = b"".join(
        key.encode() + fingerprinter.digest(value) for key, value in sorted(shared.items())
    )

    def fingerprint(job: PageJob, reads: frozenset[str]) -> str | None:
        for name in reads - tracked_digests.keys():
            tracked_digests[name] = fingerprinter.digest(tracked[name]._tracked_value)
        try:
            return page_fingerprint(
                fingerprinter,
                templates.digest(job.template) + shared_digest,
                {**job.context, "root": job.root},
                {name: tracked_digests[name] for name in reads},
            )
        except (TypeError, AttributeError, pickle.PicklingError):
            return None  # something that cannot be hashed: render every time

    pages: dict[str, Page] = {}
    to_render: list[PageJob] = []
    for job in jobs:
        known = cache.previous.get(job.path)
        reads = known.reads & tracked.keys() if known is not None else frozenset()
        print_ = fingerprint(job, reads) if known is not None else None
        if print_ is not None and cache.can_keep(job.path, print_):
            pages[job.path] = Kept(job.path)
            cache.rendered[job.path] = (print_, reads)
            continue
        pages[job.path] = b""  # keeps the page order stable
        to_render.append(job)
    take_reads(tracked.values())

    def render(index: int) -> tuple[bytes | Spooled, frozenset[str], str | None, str]:
        job = to_render[index]
        html = env.get_template(job.template).render(**shared, root=job.root, **job.context)
        content = html.encode("utf-8")
        reads = take_reads(tracked.values())
        # Fingerprinted, hashed and written here, on the worker, rather than in turn by
        # the parent.
        print_, digest = fingerprint(job, reads), file_digest(content)
        if spool is None:
            return content, reads, print_, digest
        # At the page's own path: the spool is then a copy of the pages written, which
        # a full build keeps as its spare folder (see builder.write).
        file = os.path.join(spool, job.path)
        folder = os.path.dirname(file)
        if folder not in spool_folders:
            os.makedirs(folder, exist_ok=True)
            spool_folders.add(folder)
        return Spooled(file, write_new_file(file, content)), reads, print_, digest

    spool_folders: set[str] = set()  # made already, by this process
    memoised = memoise_macros(env)
    parallel = workers if len(to_render) >= _PARALLEL_FROM else 1
    # Workers are handed indices, not jobs: a job sent through a pipe would arrive as a
    # copy of its views, unknown to the digests memoised by identity (and costly to send).
    rendered = parallel_map(render, range(len(to_render)), parallel, progress)
    for macro in memoised:
        # Each entry's HTML is no use once the pages are made; the environment holding
        # the macros is in a cycle that only the collector frees, paused during a build.
        macro.memo.clear()
    for job, (content, reads, print_, digest) in zip(to_render, rendered, strict=True):
        pages[job.path] = content
        cache.rendered[job.path] = (print_, reads)
        cache.digests[job.path] = digest
    return pages


def _same_as_file(path: str, content: bytes | Spooled, size: int) -> bool:
    """True when `content` is what the file at `path` (of `size` bytes) holds."""
    length = content.stat.st_size if isinstance(content, Spooled) else len(content)
    if length != size:
        return False
    try:
        with open(path, "rb") as handle:
            published = handle.read()
        if isinstance(content, Spooled):
            with open(content.file, "rb") as handle:
                content = handle.read()
    except OSError:
        return False
    return published == content


def write_new_file(path: str, content: bytes) -> os.stat_result:
    """Write a file that must not exist yet; its stat, taken from the open file (no
    second path lookup)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        return os.fstat(fd)
    finally:
        os.close(fd)


_SIMPLE = (str, int, float, bool, type(None))


class _Memoised:
    """A macro's body, run once per distinct arguments.

    A macro imported without context sees only its arguments, so its output for the same
    (immutable) arguments is the same: an event's entry is rendered once per process and
    reused by the index, year, tag and source pages that list it.
    """

    def __init__(self, function: Callable) -> None:
        self.function = function
        self.memo: dict[tuple, tuple[object, tuple]] = {}

    def __call__(self, *arguments: object) -> object:
        key = tuple(a if isinstance(a, _SIMPLE) else ("id", id(a)) for a in arguments)
        known = self.memo.get(key)
        if known is None:
            # The arguments are kept alive with the result, so that their ids stay theirs.
            known = self.memo[key] = (self.function(*arguments), arguments)
        return known[0]


def memoise_macros(env: Environment) -> list[_Memoised]:
    """Memoise the macros of the macro libraries (templates named `_*.html`) that show
    one event (their first parameter is `event`) and take no caller block: an event is
    shown on several pages. Other macros (a page's list of events, its navigation) run
    once per page: memoised, their output would only be kept, hundreds of megabytes on
    a large site. Where Jinja gives each import a fresh module this does nothing.
    Returns the macros memoised."""
    from jinja2.runtime import Macro

    memoised: list[_Memoised] = []
    for name in env.list_templates(filter_func=lambda n: n.split("/")[-1].startswith("_")):
        if not name.endswith(".html"):
            continue
        module = env.get_template(name)._get_default_module()
        for value in vars(module).values():
            if (
                isinstance(value, Macro)
                and value.arguments[:1] == ("event",)
                and not value.caller
                and not value.catch_kwargs
                and not value.catch_varargs
                and not isinstance(value._func, _Memoised)
            ):
                value._func = _Memoised(value._func)
                memoised.append(value._func)
    return memoised
