"""The build cache: what the previous build read and wrote, kept in `.timeline-cache/`.

It remembers, for each content file, the record parsed from it (keyed by a hash of the
file's bytes), and for each published file its fingerprint, content hash and file
identity. Everything in it is an optimisation: a missing, stale or unreadable cache only
makes the next build slower, never different. The cache is tied to the exact builder code
that wrote it, so a changed program starts afresh.

On disk: a small head (`head.pickle`: what was published, the inputs' identities, the
result) names the shard files holding the large tables (records and memo tables), each
table split by key over a fixed number of shards. A shard file is named by a digest of
its bytes and is only written when its entries changed, so a rebuild after one edit
writes a few shards, not the whole cache.

Reading a pickle runs code, and a site folder may come from anyone: the head is signed
with a key of this user's (in ~/.cache/timeline-builder, outside every site), and gives
each shard's identity on disk as the build that wrote it left it (inode, size and change
time, which no one can set back), so only what this user's builds wrote is ever unpickled.
Checking identities rather than hashing the shards costs a stat per shard, not a pass
over a hundred megabytes at each rebuild of a large site.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import hashlib
import hmac
import io
import os
import pickle
import secrets
import tempfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import NamedTuple

from builder.collector import collector_paused

CACHE_DIR = ".timeline-cache"
_FORMAT = 3
_SHARDS = 256  # per table: a one-file edit rewrites about 1/256 of each table it touches


class Published(NamedTuple):
    """One file of the published site as the last build left it. The cache holds one
    per file of the site, read and written at every build: it saves them as plain
    tuples, which pickle several times faster than objects."""

    fingerprint: str | None  # None for files given as bytes (static files, feeds)
    sha: str  # "" for a file not hashed (see PageCache.digests)
    size: int
    mtime_ns: int
    inode: int
    reads: frozenset[str] = frozenset()  # tracked values the rendering looked into

    def still_there(self, path: Path | str) -> bool:
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


# A shard file of a cache table: its name, its number of entries and its identity on disk.
Shard = tuple[str, int, tuple[int, int, int]]

# A table's changed entries (by key) and the keys removed from it.
TableChanges = tuple[Mapping, Iterable]


# Values pickled one by one into the pack file (see BuildCache.pack): the file's identity
# when written, and where each value is in it (offset, length), by key.
PackRef = tuple[tuple[int, int, int], dict[str, tuple[int, int]]]
PACK_FILE = "views.pack"


class UnreadableCache(Exception):
    """A shard of the cache is not what the head says: the build goes without it."""


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
    # Where the tables are on disk: table name -> per shard, None or (file name, entries,
    # the file's identity when written: inode, size, ctime_ns).
    shards: dict[str, list[Shard | None]] = field(default_factory=dict)
    # What a rebuild after a small change needs to know of the site without reading the
    # tables (see builder.delta), as plain tuples; None when that build gave none. Saved
    # in a file of its own, which the head names as it names a shard.
    index: object = None

    def tables(self) -> dict[str, dict]:
        """The large tables, by name: the records and each memo table."""
        return {"records": self.records, **self.extras}


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


@dataclass
class InputFiles:
    """Every file a build reads: its path, its identity on disk (size, mtime_ns, ctime_ns,
    inode) and its digest, None until it is read (see scan_inputs)."""

    found: list[tuple[str, tuple[int, int, int, int], str | None]]
    others: list[Path]  # single files (the config), hashed whenever the digest is taken

    def digest(self, digests: dict[str, str] | None = None, stats: FileStats | None = None) -> str:
        """A digest of the names and bytes of every file. A file not read yet is taken
        from `digests` (by path) when there, else read now. Each file's digest goes into
        `digests`, and its identity and digest into `stats`."""
        digests = {} if digests is None else digests
        digest = hashlib.blake2b(digest_size=16)
        for path, identity, own in self.found:
            if own is None:
                own = digests.get(path) or _read_digest(path)
            digests[path] = own
            if stats is not None:
                stats[path] = (identity, own)
            digest.update(f"{path}\0".encode())
            digest.update(own.encode())
        for path in self.others:
            digest.update(f"{path}\0".encode())
            digest.update(file_digest(path.read_bytes()).encode() if path.is_file() else b"-")
        return digest.hexdigest()


def scan_inputs(
    folders: list[Path],
    files: list[Path],
    known: FileStats | None = None,
    known_at: int = 0,
    read_later: Callable[[str], bool] | None = None,
) -> InputFiles:
    """Every file under `folders`, and `files`, with the digest of each already known or
    read now; those for which `read_later(path)` is true are left to be read later.

    `known` holds the identities and digests the last build saw, at `known_at` (ns since
    the epoch): a file whose size, times and inode are those is not read again, unless it
    changed so close to `known_at` that a later change could share its times (_RACY_NS)."""
    known = known or {}
    racy_from = known_at - _RACY_NS
    found: list[tuple[str, tuple[int, int, int, int], str | None]] = []
    for folder in folders:
        for path, stat in _walk_files(str(folder)):
            identity = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            remembered = known.get(path)
            settled = stat.st_ctime_ns < racy_from and stat.st_mtime_ns < racy_from
            own: str | None
            if remembered is not None and remembered[0] == identity and settled:
                own = remembered[1]
            elif read_later is not None and read_later(path):
                own = None
            else:
                own = _read_digest(path)
            found.append((path, identity, own))
    return InputFiles(found, files)


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
    content need not read and hash it again; each file's identity and digest into
    `stats`. Files known from the last build are not read again (see scan_inputs)."""
    return scan_inputs(folders, files, known, known_at).digest(digests, stats)


def _read_digest(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return file_digest(handle.read())
    except OSError:
        return "unreadable"


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


def _signing_key() -> bytes:
    """This user's key for signing cache heads, kept outside every site folder (made on
    first use); a random one for this run when it cannot be kept (no cache is then
    read back)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "timeline-builder" / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(key)
    except FileExistsError:  # made meanwhile by another build
        with contextlib.suppress(OSError):
            return path.read_bytes()
    except OSError:
        pass
    return key


_KEY: bytes | None = None
_MAC_SIZE = 32


def _mac(payload: bytes) -> bytes:
    global _KEY
    if _KEY is None:
        _KEY = _signing_key()
    return hmac.new(_KEY, payload, hashlib.sha256).digest()


def _signed(payload: bytes) -> bytes:
    return _mac(payload) + payload


def _verified(data: bytes) -> bytes | None:
    """The payload of `data` made by `_signed` with this user's key, else None."""
    payload = data[_MAC_SIZE:]
    return payload if hmac.compare_digest(data[:_MAC_SIZE], _mac(payload)) else None


def _identity(path: Path) -> tuple[int, int, int]:
    """A file's inode, size and change time: any write or replacement changes them."""
    stat = os.stat(path, follow_symlinks=False)
    return stat.st_ino, stat.st_size, stat.st_ctime_ns


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class BuildCache:
    """Read at the start of a build, `save` after the new site is published.

    A build with nothing to do reads only the head; the tables are read when first
    needed (`previous`)."""

    def __init__(self, site_dir: Path, output: Path, *, clean: bool = False) -> None:
        self.folder = site_dir / CACHE_DIR
        self.head_path = self.folder / "head.pickle"
        self.code = code_digest()
        self.site_key = str(site_dir.absolute())
        self.output_key = str(output.absolute())
        self._previous: CacheState | None = CacheState() if clean else None
        self.head = CacheState()  # see unchanged
        self._head_read = False
        # Each table's shards as read, and all their entries, by table name (see
        # _shard_parts).
        self._parts: dict[str, tuple[list[dict | None], dict]] = {}
        # Shards read one by one (see entries), by table name and index.
        self._shards_read: dict[tuple[str, int], dict] = {}

    @property
    def previous(self) -> CacheState:
        """The state the last build saved, read when first needed."""
        if self._previous is None:
            head = self.head if self._head_read else self._load_head()
            self._previous = self._load_tables(head)
        return self._previous

    def spare_folder(self, output: Path) -> Path:
        """Where the site before last of `output` waits to become the next one (see
        builder.write): in the cache, one per output folder."""
        key = hashlib.blake2b(str(output.absolute()).encode(), digest_size=6).hexdigest()
        return self.folder / f"spare-site-{key}"

    def _load_head(self) -> CacheState:
        try:
            # Unpickling runs code: only a head this user's builds signed is read (a
            # site folder from elsewhere may hold one made to do harm).
            payload = _verified(self.head_path.read_bytes())
            if payload is None or self.folder.is_symlink():
                return CacheState()
            version, state = pickle.loads(payload)
        except Exception:  # any unreadable cache is just no cache
            return CacheState()
        if version != _FORMAT or not isinstance(state, CacheState) or state.code != self.code:
            return CacheState()
        if state.site != self.site_key:
            return CacheState()
        try:
            make = Published._make
            state.published = {path: make(entry) for path, entry in state.published.items()}
        except Exception:  # not what save wrote: no cache
            return CacheState()
        if state.output != self.output_key:
            state.published = {}
            state.inputs = ""
        return state

    def _load_tables(self, head: CacheState) -> CacheState:
        """`head` with its tables read from their shards; no cache if one is unreadable."""
        tables: dict[str, dict] = {}
        try:
            with collector_paused():
                for name, shards in head.shards.items():
                    table = tables[name] = {}
                    parts: list[dict | None] = []
                    for shard in shards:
                        part = None
                        if shard is not None:
                            path = self.folder / shard[0]
                            # The very file a build of this user's wrote (see the head).
                            if _identity(path) != shard[2]:
                                raise ValueError(f"{shard[0]} is not the shard saved")
                            part = pickle.loads(path.read_bytes())
                            table.update(part)
                        parts.append(part)
                    self._parts[name] = (parts, dict(table))
            # Millions of objects at 50k records, all living through the build: frozen,
            # no collection walks them again (builder.build unfreezes when it ends).
            gc.freeze()
        except Exception:  # any unreadable shard: start afresh
            self._parts = {}
            return CacheState()
        head.records = tables.pop("records", {})
        head.extras = tables
        return head

    def load_head(self) -> CacheState:
        """What the last build saved in its head (the whole state when already read)."""
        self.head = self._previous if self._previous is not None else self._load_head()
        self._head_read = True
        return self.head

    def entries(self, name: str, keys: Iterable[object]) -> dict:
        """The entries of the last build's table `name` under `keys` (those it has), reading
        only the shards holding them; raises UnreadableCache. `load_head` first."""
        found = {}
        for key in keys:
            part = self._shard(name, _shard_of(key))
            if key in part:
                found[key] = part[key]
        return found

    def whole_table(self, name: str) -> dict:
        """Every entry of the last build's table `name`; raises UnreadableCache."""
        table: dict = {}
        for index in range(_SHARDS):
            table.update(self._shard(name, index))
        return table

    def _shard(self, name: str, index: int) -> dict:
        known = self._shards_read.get((name, index))
        if known is not None:
            return known
        shards = self.head.shards.get(name)
        shard = shards[index] if shards and len(shards) == _SHARDS else None
        part: dict = {}
        if shard is not None:
            path = self.folder / shard[0]
            try:
                # The very file a build of this user's wrote (see the head).
                if _identity(path) != shard[2]:
                    raise UnreadableCache(f"{shard[0]} is not the shard saved")
                with collector_paused():
                    part = pickle.loads(path.read_bytes())
            except UnreadableCache:
                raise
            except Exception as error:
                raise UnreadableCache(str(error)) from error
        self._shards_read[(name, index)] = part
        return part

    def unchanged(self, inputs: str, output: Path) -> bool:
        """True when the inputs are those of the last build and its output is intact;
        `load_head` first."""
        previous = self.head  # its `result` is the result of a build with nothing to do
        folder = str(output)
        return (
            bool(inputs)
            and previous.inputs == inputs
            and previous.result is not None
            and all(
                entry.still_there(os.path.join(folder, path))
                for path, entry in previous.published.items()
            )
        )

    def save(self, state: CacheState) -> None:
        """Write the new state: changed shards, then the head naming them (atomically),
        then remove the shards nothing names. A failure to save is not a build failure."""
        state.code, state.site, state.output = self.code, self.site_key, self.output_key
        previous = self._previous if self._previous is not None else CacheState()
        if self.folder.is_symlink():  # old shards are removed: not wherever a link leads
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n")
            with collector_paused():
                state.shards = {
                    name: self._save_table(
                        name, table, previous.tables().get(name, {}), previous.shards.get(name)
                    )
                    for name, table in state.tables().items()
                }
                index = self._write_head(state)
            self._remove_unnamed(state.shards, index)
        except OSError:
            pass

    def save_changes(self, state: CacheState, changes: Mapping[str, TableChanges]) -> None:
        """Write the new state of a build that read only the head (and some shards): the
        shards holding a changed entry (`changes`, by table name), then the head. Every
        other shard stays as the last build saved it. A failure to save is not a build
        failure."""
        state.code, state.site, state.output = self.code, self.site_key, self.output_key
        if self.folder.is_symlink():
            return
        try:
            with collector_paused():
                state.shards = dict(self.head.shards)
                for name, (updated, removed) in changes.items():
                    state.shards[name] = self._changed_shards(name, updated, removed)
                index = self._write_head(state)
            self._remove_unnamed(state.shards, index)
        except (OSError, UnreadableCache):
            pass

    def _write_head(self, state: CacheState) -> str | None:
        """Write the head naming the shards, and the site index, in a file of its own
        (the head is read at every build, the index only by a delta build); the index's
        file name."""
        index = None
        if state.index is not None:
            data = _pickled(state.index)
            name = f"index-{file_digest(data)}.pickle"
            if not (self.folder / name).exists():
                self._write(self.folder / name, data)
            index = (name, 0, _identity(self.folder / name))
        published = {path: tuple(entry) for path, entry in state.published.items()}
        head = replace(state, records={}, extras={}, published=published, index=index)
        self._write(self.head_path, _signed(pickle.dumps((_FORMAT, head), _PROTOCOL)))
        return index[0] if index is not None else None

    def pack(self, values: Mapping[str, object], onto: PackRef | None = None) -> PackRef:
        """Pickle each of `values` on its own into the cache's pack file, to be read
        one by one (`unpack`); `onto`: the pack the last build left, added to (its
        entries of the keys of `values` are replaced), else a new pack holds `values`
        only. Raises OSError, or UnreadableCache when `onto` is not the pack on disk."""
        path = self.folder / PACK_FILE
        if self.folder.is_symlink():  # not written wherever a link leads (see save)
            raise OSError("the cache folder is a link")
        places: dict[str, tuple[int, int]] = {}
        if onto is not None:
            identity, before = onto
            if _identity(path) != identity:
                raise UnreadableCache("the pack is not the one saved")
            places = dict(before)
            handle = open(path, "ab")  # noqa: SIM115 (closed below)
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=".state-")
            handle = os.fdopen(descriptor, "wb")
        with handle:
            offset = handle.tell()
            chunks = []
            for key, value in values.items():
                data = _pickled(value)
                places[key] = (offset, len(data))
                offset += len(data)
                chunks.append(data)
            handle.write(b"".join(chunks))
        if onto is None:
            os.replace(temporary, path)
        return (_identity(path), places)

    def unpack(self, pack: PackRef, keys: Iterable[str]) -> dict[str, object]:
        """The values packed under `keys` (see `pack`); raises UnreadableCache when the
        pack is not the file that build left, or has no such key."""
        identity, places = pack
        path = self.folder / PACK_FILE
        found: dict[str, object] = {}
        try:
            with open(path, "rb") as handle, collector_paused():
                if _identity(path) != identity or os.fstat(handle.fileno()).st_ino != identity[0]:
                    raise UnreadableCache("the pack is not the one saved")
                for key in sorted(keys, key=lambda key: places[key][0]):
                    offset, length = places[key]
                    handle.seek(offset)
                    found[key] = pickle.loads(handle.read(length))
        except UnreadableCache:
            raise
        except Exception as error:
            raise UnreadableCache(str(error)) from error
        return found

    def load_index(self) -> object:
        """The site index the last build saved (see builder.delta), None when there is
        none or it is not the file that build wrote. `load_head` first."""
        reference = self.head.index
        if reference is None:
            return None
        try:
            name, _, identity = reference  # type: ignore[misc]
            path = self.folder / name
            if _identity(path) != identity:
                return None
            with collector_paused():
                return pickle.loads(path.read_bytes())
        except Exception:  # any unreadable index: the full path
            return None

    def _changed_shards(self, name: str, updated: Mapping, removed: Iterable) -> list[Shard | None]:
        shards = list(self.head.shards.get(name) or ())
        if len(shards) != _SHARDS:
            shards = [None] * _SHARDS
        by_shard: dict[int, tuple[dict, list]] = {}
        for key, value in updated.items():
            by_shard.setdefault(_shard_of(key), ({}, []))[0][key] = value
        for key in removed:
            by_shard.setdefault(_shard_of(key), ({}, []))[1].append(key)
        for index, (values, gone) in by_shard.items():
            part = dict(self._shard(name, index))
            for key in gone:
                part.pop(key, None)
            part.update(values)
            shards[index] = self._write_shard(name, index, part) if part else None
        return shards

    def _write_shard(self, name: str, index: int, part: dict) -> Shard:
        data = _pickled(part)
        file = f"{name}-{index:02d}-{file_digest(data)}.pickle"
        if not (self.folder / file).exists():
            self._write(self.folder / file, data)
        return (file, len(part), _identity(self.folder / file))

    def _save_table(
        self,
        name: str,
        table: dict,
        before: dict,
        shards_before: list[Shard | None] | None,
    ) -> list[Shard | None]:
        """Each shard of `table` (see Shard), writing only the shards whose entries are not
        those (the very same objects) the last build saved."""
        parts, touched = self._shard_parts(name, table)
        shards: list[Shard | None] = []
        for index, part in enumerate(parts):
            old = shards_before[index] if shards_before and len(shards_before) == _SHARDS else None
            if not part:
                shards.append(None)
            elif old is not None and (
                index not in touched or (old[1] == len(part) and _same_entries(part, before))
            ):
                shards.append(old)
            else:
                shards.append(self._write_shard(name, index, part))
        return shards

    def _shard_parts(self, name: str, table: dict) -> tuple[list[dict], set[int] | range]:
        """`table` split into its shards, and the indices of those that may differ from
        the last build's. When the last build's shards were read, only the entries that
        are not the very objects read there are placed (an edit touches few); otherwise
        every entry is, and every shard may differ."""
        if name not in self._parts:
            parts: list[dict] = [{} for _ in range(_SHARDS)]
            for key, value in table.items():
                parts[_shard_of(key)][key] = value
            return parts, range(_SHARDS)
        loaded, read = self._parts[name]
        missing = object()
        changed = [key for key, value in table.items() if read.get(key, missing) is not value]
        gone = read.keys() - table.keys()
        touched = {_shard_of(key) for key in (*changed, *gone)}
        parts = [part if part is not None else {} for part in loaded]
        for index in touched:
            parts[index] = dict(parts[index])  # the shard as read stays as it was
        for key in gone:
            del parts[_shard_of(key)][key]
        for key in changed:
            parts[_shard_of(key)][key] = table[key]
        return parts, touched

    def _remove_unnamed(self, shards: dict[str, list[Shard | None]], *more: str | None) -> None:
        named = {shard[0] for table in shards.values() for shard in table if shard is not None}
        named |= {self.head_path.name, *(name for name in more if name is not None)}
        for entry in os.scandir(self.folder):
            if entry.name.endswith(".pickle") and entry.name not in named:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)

    def _write(self, path: Path, data: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".state-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)


_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _path_from_text(text: str) -> PurePath:
    return Path(text)


def _reduce_path(path: PurePath) -> tuple[Callable, tuple[str]]:
    return _path_from_text, (str(path),)


# Every record holds its file's path: pickled as one string, a path is made again in
# half the time it takes from its parts (how pathlib pickles it), 20k paths per rebuild.
_DISPATCH = {**copyreg.dispatch_table, type(Path()): _reduce_path}


def _pickled(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, _PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return buffer.getvalue()


def _shard_of(key: object) -> int:
    """A key's shard, the same in every process (str hashes are salted per process)."""
    if isinstance(key, str):
        data = key.encode("utf-8", "surrogatepass")
    elif isinstance(key, bytes):
        data = key
    else:
        data = repr(key).encode("utf-8", "surrogatepass")
    return zlib.crc32(data) % _SHARDS


def _same_entries(part: dict, before: dict) -> bool:
    missing = object()
    return all(before.get(key, missing) is value for key, value in part.items())
