"""The build cache: what the previous build read and wrote, kept in `.timeline-cache/`.

It remembers, for each content file, the record parsed from it (keyed by a hash of the
file's bytes), and for each published file its fingerprint, content hash and file
identity. Everything in it is an optimisation: a missing, stale or unreadable cache only
makes the next build slower, never different. The cache is tied to the exact builder code
that wrote it, so a changed program starts afresh.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from builder.collector import collector_paused

CACHE_DIR = ".timeline-cache"
_FORMAT = 1


@dataclass(frozen=True)
class Published:
    """One file of the published site as the last build left it."""

    fingerprint: str | None  # None for files given as bytes (static files, feeds)
    sha: str
    size: int
    mtime_ns: int
    inode: int
    reads: frozenset[str] = frozenset()  # tracked values the rendering looked into

    def still_there(self, path: Path) -> bool:
        """True when the file at `path` is the very file this build wrote."""
        try:
            stat = os.stat(path, follow_symlinks=False)
        except OSError:
            return False
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns) == (
            self.inode,
            self.size,
            self.mtime_ns,
        )


# A file's identity on disk: (size, mtime_ns, ctime_ns, inode) -> its digest, by path.
FileStats = dict[str, tuple[tuple[int, int, int, int], str]]


@dataclass
class CacheState:
    code: str = ""
    site: str = ""
    output: str = ""
    records: dict[str, tuple[str, object]] = field(default_factory=dict)  # path -> (sha, value)
    extras: dict[str, dict] = field(default_factory=dict)  # named memo tables
    published: dict[str, Published] = field(default_factory=dict)
    inputs: str = ""  # digest of every file the build read (see input_digest)
    file_stats: FileStats = field(default_factory=dict)  # the files behind `inputs`
    stats_taken_ns: int = 0  # when file_stats were read
    result: object = None  # the BuildResult of that build, to repeat when nothing changed


def code_digest() -> str:
    """A hash of the builder's own source files: a new version invalidates the cache."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# A file changed within this many nanoseconds of the last build's start may have changed
# again within the clock's granularity without its times showing it: hash it anyway.
_RACY_NS = 2_000_000_000


def input_digest(
    site_dir: Path,
    folders: list[Path],
    files: list[Path],
    digests: dict[str, str] | None = None,
    known: FileStats | None = None,
    known_at: int = 0,
    stats: FileStats | None = None,
) -> str:
    """A digest of the names and bytes of every file under `folders` and of `files`;
    each file's own `file_digest` goes into `digests`, by path, so that loading the
    content need not read and hash it again.

    `known` holds the identities and digests the last build saw, at `known_at` (ns since
    the epoch): a file whose size, times and inode are those is not read again, unless it
    changed so close to `known_at` that a later change could share its times (_RACY_NS).
    This build's identities go into `stats`."""
    known = known or {}
    racy_from = known_at - _RACY_NS
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path, stat in _walk_files(str(folder)):
            identity = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            remembered = known.get(path)
            settled = stat.st_ctime_ns < racy_from and stat.st_mtime_ns < racy_from
            if remembered is not None and remembered[0] == identity and settled:
                own = remembered[1]
            else:
                try:
                    with open(path, "rb") as handle:
                        own = file_digest(handle.read())
                except OSError:
                    own = "unreadable"
            if digests is not None:
                digests[path] = own
            if stats is not None:
                stats[path] = (identity, own)
            digest.update(f"{path}\0".encode())
            digest.update(own.encode())
    for path in files:
        digest.update(f"{path}\0".encode())
        digest.update(file_digest(path.read_bytes()).encode() if path.is_file() else b"-")
    return digest.hexdigest()


def _walk_files(folder: str) -> list[tuple[str, os.stat_result]]:
    """Every regular file below `folder` (links followed, as reading them does), in the
    order of their paths."""
    found: list[tuple[str, os.stat_result]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):  # as the loader's os.walk
                found += _walk_files(entry.path)
            elif entry.is_file():
                found.append((entry.path, entry.stat()))
        except OSError:
            continue
    found.sort(key=lambda item: item[0])
    return found


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class BuildCache:
    """Read at the start of a build, `save` after the new site is published.

    Besides the whole state, a small "head" (the inputs digest, the result and the
    published files) is saved apart: a build with nothing to do reads only that."""

    def __init__(self, site_dir: Path, output: Path, *, clean: bool = False) -> None:
        self.folder = site_dir / CACHE_DIR
        self.path = self.folder / "state.pickle"
        self.head_path = self.folder / "head.pickle"
        self.code = code_digest()
        self.site_key = str(site_dir.absolute())
        self.output_key = str(output.absolute())
        self._previous: CacheState | None = CacheState() if clean else None
        self.head = CacheState()  # see unchanged

    @property
    def previous(self) -> CacheState:
        """The state the last build saved, read when first needed."""
        if self._previous is None:
            self._previous = self._load(self.path)
        return self._previous

    def _load(self, path: Path) -> CacheState:
        try:
            with open(path, "rb") as handle, collector_paused():
                version, state = pickle.load(handle)
            # Millions of objects at 50k records, all living through the build: frozen,
            # no collection walks them again (builder.build unfreezes when it ends).
            gc.freeze()
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            return CacheState()
        except Exception:  # any unreadable cache is just no cache
            return CacheState()
        if version != _FORMAT or not isinstance(state, CacheState) or state.code != self.code:
            return CacheState()
        if state.site != self.site_key:
            return CacheState()
        if state.output != self.output_key:
            state.published = {}
            state.inputs = ""
        return state

    def load_head(self) -> CacheState:
        """What the last build saved in its head (the whole state when already read)."""
        self.head = self._previous if self._previous is not None else self._load(self.head_path)
        return self.head

    def unchanged(self, inputs: str, output: Path) -> bool:
        """True when the inputs are those of the last build and its output is intact;
        `load_head` first."""
        previous = self.head  # its `result` is the result of a build with nothing to do
        return (
            bool(inputs)
            and previous.inputs == inputs
            and previous.result is not None
            and all(entry.still_there(output / path) for path, entry in previous.published.items())
        )

    def save(self, state: CacheState) -> None:
        """Write the new state atomically; a failure to save is not a build failure."""
        state.code, state.site, state.output = self.code, self.site_key, self.output_key
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n")
            self._write(self.path, state)
            # The head after the state: a head left from an older build still describes
            # inputs, a result and files that went together. It is the state without the
            # large memo tables.
            self._write(self.head_path, replace(state, records={}, extras={}))
        except OSError:
            pass

    def _write(self, path: Path, state: CacheState) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".state-")
        with os.fdopen(handle, "wb") as out, collector_paused():
            pickle.dump((_FORMAT, state), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
