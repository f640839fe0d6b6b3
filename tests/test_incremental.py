"""Incremental builds: always the bytes of a clean build, touching only what changed."""

from __future__ import annotations

import os
import pickle
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.build import build
from builder.cache import file_digest, input_digest
from builder.layout import BUILTIN_TEMPLATES
from builder.quotes import locate, normalise

from .conftest import ARTICLE, TinySite

WORDS = (
    "convoy bridge council harbour ministry river station envoy market border "
    "clinic tunnel monitor district assembly archive quarry ferry plaza tower"
).split()


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def clean_build_of(site: Path, scratch: Path) -> dict[str, bytes]:
    """A clean build of a copy of `site` (so that its cache is left alone)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(site, scratch, ignore=shutil.ignore_patterns("site", ".timeline-cache"))
    build(scratch, scratch / "site", clean=True, workers=1)
    return tree(scratch / "site")


class RandomEditor:
    """Seeded random changes to a tiny site that keep its content valid."""

    def __init__(self, site: TinySite, seed: int) -> None:
        self.site = site
        self.rng = random.Random(seed)
        self.sources: dict[str, list[str]] = {}  # id -> sentences
        self.events: dict[str, list[str]] = {}  # id -> the sources it cites
        self.counter = 0

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def add_source(self) -> None:
        self.counter += 1
        source_id = f"src{self.counter}"
        sentences = [
            f"The {self.words(3)} moved on day {n} of the {self.words(2)}." for n in range(3)
        ]
        self.sources[source_id] = sentences
        self.write_source(source_id)

    def write_source(self, source_id: str) -> None:
        sentences = self.sources[source_id]
        year = 2000 + self.rng.randint(0, 20)
        rights = self.rng.choice(["full", "excerpts", "link"])
        self.site.source(
            source_id,
            f"---\ntitle: Report {source_id}\npublisher: Wire\n"
            f"published: {year}-05-0{self.rng.randint(1, 9)}\n"
            f"rights: {rights}\nurl: https://news.example/{source_id}\n---\n"
            + "\n\n".join(sentences)
            + "\n",
        )

    def add_event(self) -> None:
        if not self.sources:
            self.add_source()
        self.counter += 1
        event_id = f"ev{self.counter}"
        cited = self.rng.sample(
            sorted(self.sources), self.rng.randint(1, min(2, len(self.sources)))
        )
        self.events[event_id] = cited
        self.write_event(event_id)

    def write_event(self, event_id: str) -> None:
        year = 1990 + self.rng.randint(0, 30)
        date = self.rng.choice(
            [f"{year}", f"{year}-0{self.rng.randint(1, 9)}", f"{year}-03-1{self.rng.randint(0, 9)}"]
        )
        citations = "".join(
            f'  - source: {source}\n    quote: "{self.rng.choice(self.sources[source])}"\n'
            for source in self.events[event_id]
        )
        tags = ", ".join(self.rng.sample(["Rail", "Ports", "Aid", "Talks", "Weather"], 2))
        self.site.event(
            event_id,
            f"---\ndate: {date}\ntitle: The {self.words(3)}\ntags: [{tags}]\n"
            f"sources:\n{citations}---\n"
            f"The {self.words(8)} *{self.words(2)}*.\n",
        )

    def edit_event(self) -> None:
        if not self.events:
            return self.add_event()
        self.write_event(self.rng.choice(sorted(self.events)))

    def edit_source(self) -> None:
        if not self.sources:
            return self.add_source()
        source_id = self.rng.choice(sorted(self.sources))
        self.sources[source_id].append(f"Later the {self.words(4)} said more.")
        self.write_source(source_id)

    def delete_event(self) -> None:
        if not self.events:
            return
        event_id = self.rng.choice(sorted(self.events))
        del self.events[event_id]
        (self.site.root / "content" / "events" / f"{event_id}.md").unlink()

    def delete_source(self) -> None:
        unused = sorted(set(self.sources) - {s for cited in self.events.values() for s in cited})
        if not unused:
            return self.delete_event()
        source_id = self.rng.choice(unused)
        del self.sources[source_id]
        (self.site.root / "content" / "sources" / f"{source_id}.md").unlink()

    def edit_template(self) -> None:
        name = self.rng.choice(["event.html", "tag.html", "_macros.html"])
        own = self.site.root / "templates" / name
        own.parent.mkdir(exist_ok=True)
        text = (BUILTIN_TEMPLATES / name).read_text()
        own.write_text(
            text
            + f"{{# revision {self.counter} #}}\n"
            + ("" if name.startswith("_") else f"<!-- {self.words(1)} -->\n")
        )
        self.counter += 1

    def edit_config(self) -> None:
        (self.site.root / "timeline.toml").write_text(f'title = "The {self.words(2)}"\n')

    def step(self) -> str:
        action = self.rng.choices(
            [
                self.add_source,
                self.add_event,
                self.edit_event,
                self.edit_source,
                self.delete_event,
                self.delete_source,
                self.edit_template,
                self.edit_config,
            ],
            weights=[3, 5, 5, 2, 2, 1, 1, 1],
        )[0]
        action()
        return action.__name__


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_builds_equal_clean_builds(
    empty_site: TinySite, tmp_path: Path, seed: int
) -> None:
    editor = RandomEditor(empty_site, seed)
    for _ in range(3):
        editor.add_event()
    output = empty_site.root / "site"
    build(empty_site.root, output, workers=1)
    for step in range(14):
        action = editor.step()
        build(empty_site.root, output, workers=1)
        expected = clean_build_of(empty_site.root, tmp_path / "clean")
        assert tree(output) == expected, f"seed {seed}, step {step}: after {action}"


def test_unchanged_files_are_left_untouched(tiny_site: TinySite) -> None:
    output = tiny_site.root / "site"
    tiny_site.event("second", EVENT_TWO)
    build(tiny_site.root, output, workers=1)
    before = identities(output)
    result = build(tiny_site.root, output, workers=1)
    assert identities(output) == before
    assert result.written == 0
    tiny_site.event("second", EVENT_TWO.replace("Second", "Later"))
    result = build(tiny_site.root, output, workers=1)
    after = identities(output)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "events/second.html" in changed
    assert "events/offensive.html" not in changed
    assert "sources/wire.html" in changed  # it lists the events drawn from it
    assert "static/style.css" not in changed
    assert result.written == len(changed)
    # Not even rendered: the pages that do not show the edited event.
    assert result.kept >= 2  # the other event's page, the tag page without this event


@pytest.mark.parametrize("workers", [1, 2])
def test_one_edit_renders_only_the_pages_showing_it(tmp_path: Path, workers: int) -> None:
    """Also when the pages were rendered on worker processes (enough of them for that):
    the fingerprints they took must be those the next build computes."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import edit_event, generate_site

    site = tmp_path / "s"
    generate_site(site, 120, seed=2)
    build(site, site / "site", workers=workers)
    edit_event(site, 7, "A new sentence.")
    result = build(site, site / "site", workers=workers)
    html_pages = sum(1 for path in (site / "site").rglob("*.html"))
    # The event's page, the index, its tag and source pages: a handful, not the site.
    assert html_pages - result.kept <= 12


@given(
    st.text(alphabet="ab '\u2019\u201c\"\n\t\u00a0", max_size=5),
    st.lists(st.text(alphabet="ab '\u2019\u201c\"\n\t\u00a0", max_size=14), min_size=1, max_size=3),
)
def test_quote_search_shortcut_agrees_with_normalised_search(
    quote: str, paragraphs: list[str]
) -> None:
    wanted, _ = normalise(quote)
    expected = None
    if wanted:
        for index, paragraph in enumerate(paragraphs):
            text, origin = normalise(paragraph)
            if (found := text.find(wanted)) >= 0:
                expected = index, origin[found], origin[found + len(wanted) - 1] + 1
                break
    assert locate(quote, tuple(paragraphs)) == expected


def test_edit_keeping_size_and_modification_time_is_seen(tiny_site: TinySite) -> None:
    """Unchanged files are told by their size, times and inode, not read again: an edit
    that keeps the size and puts the old modification time back is still found."""
    output = tiny_site.root / "site"
    second = tiny_site.event("second", EVENT_TWO)
    build(tiny_site.root, output, workers=1)
    before = second.stat()
    second.write_text(EVENT_TWO.replace("Second", "Latest"), encoding="utf-8")
    os.utime(second, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert second.stat().st_size == before.st_size
    build(tiny_site.root, output, workers=1)
    assert "Latest" in (output / "events" / "second.html").read_text(encoding="utf-8")


def test_file_changed_just_before_the_last_build_is_read_again(tmp_path: Path) -> None:
    """A file is trusted unread when its size, times and inode are those the last build
    saw, unless it changed so near that build's start that a later change could share
    its times (clocks tick coarsely): then it is read again."""
    folder = tmp_path / "content"
    folder.mkdir()
    page = folder / "a.md"
    page.write_text("text", encoding="utf-8")
    stat = page.stat()
    identity = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    known = {str(page): (identity, "remembered")}
    real = file_digest(b"text")

    def digest_seen(known_at: int) -> str:
        digests: dict[str, str] = {}
        input_digest(tmp_path, [folder], [], digests, known, known_at)
        return digests[str(page)]

    long_after = stat.st_ctime_ns + 60 * 10**9
    assert digest_seen(long_after) == "remembered"  # settled: not read again
    assert digest_seen(stat.st_ctime_ns) == real  # changed as that build began: read


def test_deleted_event_page_is_removed(tiny_site: TinySite) -> None:
    output = tiny_site.root / "site"
    second = tiny_site.event("second", EVENT_TWO)
    build(tiny_site.root, output, workers=1)
    assert (output / "events" / "second.html").exists()
    second.unlink()
    build(tiny_site.root, output, workers=1)
    assert not (output / "events" / "second.html").exists()


def test_hand_edited_output_file_is_rewritten(tiny_site: TinySite) -> None:
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    page = output / "events" / "offensive.html"
    original = page.read_bytes()
    page.write_bytes(b"defaced")
    build(tiny_site.root, output, workers=1)
    assert page.read_bytes() == original


def test_failed_build_keeps_previous_site_and_cache_recovers(tiny_site: TinySite) -> None:
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    before = tree(output)
    tiny_site.event("broken", "---\ndate: 2024-13-40\ntitle: Bad\n---\n")
    with pytest.raises(Exception, match="broken.md"):
        build(tiny_site.root, output, workers=1)
    assert tree(output) == before
    (tiny_site.root / "content" / "events" / "broken.md").unlink()
    build(tiny_site.root, output, workers=1)
    assert tree(output) == before


@pytest.mark.parametrize("damaged", ["head.pickle", "records-*.pickle", "views-*.pickle"])
def test_corrupt_cache_is_ignored(tiny_site: TinySite, tmp_path: Path, damaged: str) -> None:
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    shards = list((tiny_site.root / ".timeline-cache").glob(damaged))
    assert shards
    for shard in shards:
        shard.write_bytes(b"not a pickle")
    tiny_site.event("second", EVENT_TWO)  # so that the rebuild reads the whole cache
    build(tiny_site.root, output, workers=1)
    assert tree(output) == clean_build_of(tiny_site.root, tmp_path / "clean")


class _Planted:
    """A pickle that, once read, leaves a file behind (as a harmful one would run code)."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self):
        return (Path.touch, (self.mark,))


@pytest.mark.parametrize("planted", ["head.pickle", "records-*.pickle"])
def test_a_cache_file_from_elsewhere_is_never_unpickled(
    tiny_site: TinySite, tmp_path: Path, planted: str
) -> None:
    """A site folder received from someone else may hold a cache made to run code."""
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    mark = tmp_path / "ran"
    for path in (tiny_site.root / ".timeline-cache").glob(planted):
        path.write_bytes(pickle.dumps(_Planted(mark)))
    tiny_site.event("second", EVENT_TWO)  # so that the rebuild reads the whole cache
    build(tiny_site.root, output, workers=1)
    assert not mark.exists()
    assert tree(output) == clean_build_of(tiny_site.root, tmp_path / "clean")


def test_one_edit_rewrites_few_cache_files(tmp_path: Path) -> None:
    """The cache is saved in shards: an edit to one event rewrites the shards holding
    what changed, not the whole cache (which at 10k events is ~100 MB)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import edit_event, generate_site

    site = tmp_path / "s"
    generate_site(site, 300, seed=3)
    build(site, site / "site", workers=1)
    folder = site / ".timeline-cache"
    before = {path.name for path in folder.glob("*.pickle")}
    edit_event(site, 7, "Edited once.")
    with mock.patch("builder.cache.pickle.dumps", wraps=pickle.dumps) as dumps:
        build(site, site / "site", workers=1)
    assert dumps.call_count <= 7  # the changed shards and the head, not every shard
    after = {path.name for path in folder.glob("*.pickle")}
    shards = after - {"head.pickle"}
    assert len(shards) > 100  # records, summaries, views, places: each split in shards
    # The edited event's record, summary, view and places, and where the items of the two
    # exports are.
    assert 1 <= len(after - before) <= 7
    assert tree(site / "site") == clean_build_of(site, tmp_path / "clean")


def _saved_tables(site: Path) -> dict[str, dict]:
    from builder.cache import BuildCache

    cache = BuildCache(site, site / "site")
    cache.load_head()
    return {name: dict(table) for name, table in cache.previous.tables().items()}


def test_cache_saved_shard_by_shard_holds_what_a_clean_build_saves(tmp_path: Path) -> None:
    """A rebuild places in the cache's shards only the entries that changed: after
    edits, additions and deletions the saved tables hold exactly the entries a clean
    build of the same content saves (nothing stale left in a shard, nothing missing).
    These rebuilds take the delta path, which leaves the entries of what was removed in
    the memo tables (quotes' places, summaries' HTML) until the next full build."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import add_source, edit_event, generate_site

    site = tmp_path / "s"
    generate_site(site, 200, seed=6)
    build(site, site / "site", workers=1)
    for round_ in range(3):
        edit_event(site, round_ + 1, f"Edited in round {round_}.")
        add_source(site, 500 + round_)
        (site / "content" / "events" / f"e{50 + round_:06d}.md").unlink()
        build(site, site / "site", workers=1)
    incremental = _saved_tables(site)
    build(site, site / "site", workers=1, clean=True)
    clean = _saved_tables(site)
    assert incremental.keys() == clean.keys()
    for name, table in clean.items():
        if name in ("places", "summaries"):
            assert incremental[name].keys() >= table.keys(), name
        else:
            assert incremental[name].keys() == table.keys(), name
    assert incremental["records"] == clean["records"]


def _stray_file(spare: Path) -> None:
    (spare / "stray.html").write_text("stray")


def _stray_folders(spare: Path) -> None:
    (spare / "old" / "older").mkdir(parents=True)
    (spare / "old" / "older" / "page.html").write_text("stray")
    (spare / "events" / "empty").mkdir()


def _page_changed_in_place(spare: Path) -> None:
    page = spare / "events" / "e000009.html"  # the same file as the published page
    page.chmod(0o644)
    with open(page, "r+b") as handle:
        handle.write(b"XX")


def _page_gone(spare: Path) -> None:
    (spare / "events" / "e000009.html").unlink()


def _file_where_a_folder_goes(spare: Path) -> None:
    shutil.rmtree(spare / "tags")
    (spare / "tags").write_text("not a folder")


@pytest.mark.parametrize(
    "damage",
    [_stray_file, _stray_folders, _page_changed_in_place, _page_gone, _file_where_a_folder_goes],
)
def test_spare_folder_is_recycled_and_checked(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    """The site before last is kept in the cache and brought up to date in place as the
    next staging folder; whatever happened to it, the published site is a clean build's."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import edit_event, generate_site

    site = tmp_path / "s"
    generate_site(site, 40, seed=4)
    output = site / "site"
    build(site, output, workers=1)
    edit_event(site, 1, "Edited first.")
    build(site, output, workers=1)
    (spare,) = [p for p in (site / ".timeline-cache").glob("spare-site-*") if p.is_dir()]
    assert "Edited first." not in (spare / "events" / "e000001.html").read_text()
    damage(spare)
    staged_in = spare.stat().st_ino
    edit_event(site, 2, "Edited second.")
    build(site, output, workers=1)
    assert tree(output) == clean_build_of(site, tmp_path / "clean")
    clean = tmp_path / "clean" / "site"
    folders = sorted(p.relative_to(output) for p in output.rglob("*") if p.is_dir())
    assert folders == sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_dir())
    if damage is not _file_where_a_folder_goes:  # that one is replaced by a fresh folder
        assert output.stat().st_ino == staged_in  # the spare folder became the site
    assert "Edited first." in (spare / "events" / "e000001.html").read_text()


def test_after_a_full_build_the_spool_is_the_spare_folder(tmp_path: Path) -> None:
    """When most pages were written anew, the previous site is of no use to the next
    build: it is removed, and the pages just rendered (the very files published) are
    kept as the spare folder instead, so that the first rebuild after a full build
    brings it up to date rather than linking every file of the site again."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import edit_event, generate_site

    site = tmp_path / "s"
    generate_site(site, 40, seed=4)
    output = site / "site"
    build(site, output, workers=1)
    build(site, output, workers=1, clean=True)
    build(site, output, workers=1, clean=True)
    (spare,) = (site / ".timeline-cache").glob("spare-site-*[!k]")  # not its .lock
    page = Path("events") / "e000003.html"
    assert (spare / page).stat().st_ino == (output / page).stat().st_ino
    assert not list(site.glob(".site.*"))  # no spool or old site left beside it
    staged_in = spare.stat().st_ino
    edit_event(site, 3, "Edited third.")
    build(site, output, workers=1)
    assert output.stat().st_ino == staged_in  # the spare folder became the site
    assert tree(output) == clean_build_of(site, tmp_path / "clean")


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import generate_site

    generate_site(tmp_path / "s", 120, seed=5)
    shutil.copytree(tmp_path / "s", tmp_path / "p")
    build(tmp_path / "s", tmp_path / "s" / "site", workers=1)
    build(tmp_path / "p", tmp_path / "p" / "site", workers=2)
    assert tree(tmp_path / "s" / "site") == tree(tmp_path / "p" / "site")


EVENT_TWO = """\
---
date: 2024-11-30
title: Second day
tags: [City]
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
---
Fighting went on.
"""


def _run_build(site: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from builder.cli import run; run()",
            "build",
            "--site",
            str(site),
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_killed_builds_leave_a_whole_site(tmp_path: Path) -> None:
    """kill -9 a build at random moments: the output is always a complete old or new
    site, and the next build succeeds."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import edit_event, generate_site

    site = tmp_path / "site-src"
    generate_site(site, 150, seed=3)
    output = site / "site"
    build(site, output)
    complete_sites = [tree(output)]
    rng = random.Random(11)
    for attempt in range(5):
        edit_event(site, attempt, f"Revision {attempt}.")
        complete_sites.append(clean_build_of(site, tmp_path / "clean"))
        process = _run_build(site)
        time.sleep(rng.uniform(0.05, 1.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        published = tree(output)
        assert published in complete_sites, f"attempt {attempt}: a half-written site"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from builder.cli import run; run()",
            "build",
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert tree(output) == complete_sites[-1]
    assert not list(site.glob(".site.new-*")) and not list(site.glob(".site.old-*"))


def _year_event(year: int, words: str) -> str:
    return EVENT_TWO.replace("2024-11-30", str(year)).replace("Second day", words)


def test_large_chronology_is_split_by_year(tiny_site: TinySite) -> None:
    from bs4 import BeautifulSoup

    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    assert not (output / "years").exists()  # a small site keeps one page
    with open(tiny_site.root / "timeline.toml", "a") as config:
        config.write("period_pages_above = 3\n")
    for year in (2016, 2018, 2020):
        tiny_site.event(f"y{year}", _year_event(year, f"Events of {year}"))
    build(tiny_site.root, output, workers=1)
    assert sorted(p.name for p in (output / "years").iterdir()) == [
        "2016.html",
        "2018.html",
        "2020.html",
        "2024.html",
    ]
    index = BeautifulSoup((output / "index.html").read_text(), "html.parser")
    links = [a["href"] for a in index.select("nav.periods a")]
    assert links == ["years/2016.html", "years/2018.html", "years/2020.html", "years/2024.html"]
    shown = [h.get_text(strip=True) for h in index.select("section.year > h2")]
    assert shown == ["2024"]
    page = BeautifulSoup((output / "years" / "2018.html").read_text(), "html.parser")
    assert page.h1.get_text() == "2018"
    assert [a.get_text() for a in page.select(".event-title a")] == ["Events of 2018"]
    assert page.select_one('nav.periods a[aria-current="page"]')["href"] == "../years/2018.html"
    before = identities(output)
    tiny_site.event("y2018", _year_event(2018, "Revised events of 2018"))
    build(tiny_site.root, output, workers=1)
    after = identities(output)
    changed = {path for path in after if path.startswith("years/") and after[path] != before[path]}
    assert changed == {"years/2018.html"}


def test_verbose_prints_stage_times_and_quiet_prints_nothing(tiny_site: TinySite) -> None:
    from click.testing import CliRunner

    from builder.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["build", "--site", str(tiny_site.root), "--verbose"])
    assert result.exit_code == 0, result.output
    for stage in ("load and validate", "views", "render", "write"):
        assert re.search(rf"^{stage} +\d+ ms$", result.output, re.MULTILINE), stage
    assert "Built 1 event from 1 source: " in result.output
    result = runner.invoke(main, ["build", "--site", str(tiny_site.root), "--quiet"])
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_shows_on_a_terminal_only(tmp_path: Path, workers: int) -> None:
    """On a terminal, the running stage and how many of its files or pages are done;
    in a pipe, nothing."""
    import io

    from builder.progress import StageTimer

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import generate_site

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    site = tmp_path / "s"
    generate_site(site, 150, seed=3)
    shown = Terminal()
    build(site, site / "site", workers=workers, timer=StageTimer(show_progress=True, stream=shown))
    screen = shown.getvalue()
    assert "load and validate… 300 of 300" in screen
    counts = [int(done) for done in re.findall(r"render… (\d+) of \d+", screen)]
    pages = sum(1 for path in (site / "site").rglob("*.html"))
    assert counts and counts == sorted(counts) and counts[-1] == pages
    piped = io.StringIO()
    (site / "content" / "events" / "e000001.md").unlink()
    build(site, site / "site", workers=workers, timer=StageTimer(stream=piped))
    assert piped.getvalue() == ""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_first_build_leaves_what_a_rebuild_needs_to_see_nothing_changed(
    tmp_path: Path, workers: int
) -> None:
    """A first build hashes the content files where it parses them (no reading them all
    first): the digest of its inputs it saves is still the one the next build takes, so
    a rebuild with nothing changed stops at once, and one after an edit goes on. A file
    the loader does not read (an image beside the events) counts too."""
    import builder.build

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import generate_site

    site = tmp_path / "s"
    generate_site(site, 450, seed=5)  # enough files to parse them on workers
    (site / "content" / "events" / "map.png").write_bytes(b"\x89PNG not parsed")
    output = site / "site"
    build(site, output, workers=workers)
    with mock.patch.object(builder.build, "load_site", side_effect=AssertionError("loaded")):
        build(site, output, workers=workers)  # nothing changed: nothing loaded
        (site / "content" / "events" / "map.png").write_bytes(b"\x89PNG another map")
        with pytest.raises(AssertionError, match="loaded"):
            build(site, output, workers=workers)


def test_site_folder_named_either_way_shares_the_cache(
    tiny_site: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`timeline build` from inside the site, then `--site /its/path` (or the preview
    server started either way): the second build finds the first's work, not a full
    rebuild of every page."""
    tiny_site.event("second", EVENT_TWO)
    monkeypatch.chdir(tiny_site.root)
    build(Path("."), Path("site"), workers=1)
    tiny_site.event("second", EVENT_TWO.replace("Second", "Later"))
    result = build(tiny_site.root.absolute(), tiny_site.root.absolute() / "site", workers=1)
    assert result.kept >= 2  # the other event's page, the tag page without this event
    assert result.written < result.pages // 2


def test_outputs_given_as_bytes_are_compared_with_the_published_file(tmp_path: Path) -> None:
    """Feeds and exports are not hashed when made (tens of megabytes on a large site):
    a remade one is compared with the file published, byte for byte when the sizes
    agree, so the same bytes keep the file and one changed character does not."""
    from builder.cache import Published
    from builder.rerender import PageCache, Spooled, write_new_file

    output = tmp_path / "site"
    output.mkdir()
    stat = write_new_file(str(output / "feed.xml"), b"<feed>one</feed>")
    entry = Published(None, "", stat.st_size, stat.st_mtime_ns, stat.st_ino)
    cache = PageCache({"feed.xml": entry}, output)
    assert cache.same_bytes("feed.xml", b"<feed>one</feed>")
    assert not cache.same_bytes("feed.xml", b"<feed>two</feed>")  # same size
    assert not cache.same_bytes("feed.xml", b"<feed>three</feed>")
    spooled = tmp_path / "spooled.xml"
    same = Spooled(str(spooled), write_new_file(str(spooled), b"<feed>one</feed>"))
    assert cache.same_bytes("feed.xml", same)
    (output / "feed.xml").write_bytes(b"<feed>one</feed>")  # rewritten by hand: not ours
    assert not cache.same_bytes("feed.xml", b"<feed>one</feed>")


def test_a_rebuild_with_nothing_to_do_imports_no_stage(tiny_site) -> None:
    """Nothing changed: the build finds it without importing the parsing, Markdown,
    template or search machinery (a third of such a rebuild's time, were it imported)."""
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    script = (
        "import sys; from pathlib import Path; from builder.build import build; "
        f"result = build(Path({str(tiny_site.root)!r}), Path({str(output)!r})); "
        "print(result.written, sorted(m for m in ('jinja2', 'markdown', 'yaml', "
        "'builder.render', 'builder.views', 'builder.load') if m in sys.modules))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert ran.stdout.split(None, 1) == ["0", "[]\n"]


def test_a_rebuild_compiles_no_template_and_sees_an_edited_one(tiny_site: TinySite) -> None:
    """Compiled templates are kept in the build cache (Jinja's bytecode cache): a rebuild
    after an edit compiles none, and a template edited since is compiled anew."""
    from jinja2 import Environment

    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    tiny_site.event("second", EVENT_TWO)
    with mock.patch.object(
        Environment, "compile", autospec=True, side_effect=Environment.compile
    ) as compiled:
        build(tiny_site.root, output, workers=1)
    assert compiled.call_count == 0
    own = tiny_site.root / "templates" / "event.html"
    own.parent.mkdir(exist_ok=True)
    builtin = (BUILTIN_TEMPLATES / "event.html").read_text()
    own.write_text(builtin.replace("{% block title %}", "{% block title %}Revised: "))
    with mock.patch.object(
        Environment, "compile", autospec=True, side_effect=Environment.compile
    ) as compiled:
        build(tiny_site.root, output, workers=1)
    assert compiled.call_count >= 1
    assert "<title>Revised: " in (output / "events" / "second.html").read_text()


def test_compiled_templates_that_cannot_be_saved_do_not_fail_the_build(
    tiny_site: TinySite,
) -> None:
    import errno

    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch("jinja2.bccache.tempfile.NamedTemporaryFile", side_effect=full):
        result = build(tiny_site.root, tiny_site.root / "site", workers=1)
    assert result.pages > 0 and (tiny_site.root / "site" / "index.html").exists()
    (tiny_site.root / ".timeline-cache" / "templates").rmdir()
    (tiny_site.root / ".timeline-cache" / "templates").write_text("not a folder")
    tiny_site.event("second", EVENT_TWO)
    result = build(tiny_site.root, tiny_site.root / "site", workers=1)
    assert (tiny_site.root / "site" / "events" / "second.html").exists()


def test_a_template_pulled_in_later_is_followed_once_the_closure_is_remembered(
    tiny_site: TinySite,
) -> None:
    """What each page template pulls in is remembered between builds: a template that
    starts including a new one, and then that one's edits, still reach the pages."""
    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    own = tiny_site.root / "templates" / "event.html"
    own.parent.mkdir(exist_ok=True)
    builtin = (BUILTIN_TEMPLATES / "event.html").read_text()
    own.write_text(builtin.replace("{% block title %}", '{% block title %}{% include "_x.html" %}'))
    extra = tiny_site.root / "templates" / "_x.html"
    extra.write_text("First: ")
    build(tiny_site.root, output, workers=1)
    page = output / "events" / "offensive.html"
    assert "<title>First: " in page.read_text()
    extra.write_text("Second: ")
    build(tiny_site.root, output, workers=1)
    assert "<title>Second: " in page.read_text()


def test_a_rebuild_keeps_the_placed_quotes_of_unchanged_events(tiny_site: TinySite) -> None:
    """The build cache keeps events with their quotes placed: a rebuild after another
    file changed makes no new record for them, and a changed source places them anew."""
    from builder import validate

    output = tiny_site.root / "site"
    build(tiny_site.root, output, workers=1)
    tiny_site.event("second", EVENT_TWO)
    build(tiny_site.root, output, workers=1)
    tiny_site.source("other", ARTICLE.replace("Rebels entered", "Rebels reached"))
    with mock.patch.object(validate, "replace", wraps=validate.replace) as placed:
        build(tiny_site.root, output, workers=1)
    assert placed.call_count == 0
    clean = tiny_site.root / "clean"
    wire = tiny_site.root / "content" / "sources" / "wire.md"
    wire.write_text(wire.read_text().replace("\n\n", "\n\nAn added paragraph.\n\n", 1))
    build(tiny_site.root, output, workers=1)
    build(tiny_site.root, clean, clean=True, workers=1)
    assert tree(output) == tree(clean)


def test_sitemap_made_from_the_last_ones_entries_when_pages_come_and_go(
    tmp_path: Path,
) -> None:
    """Only the new pages' entries are made (and the first and last, to check the last
    sitemap was made with this base_url); the bytes are those of a clean build."""
    import builder.sitemap

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sitegen import add_source, generate_site

    site = tmp_path / "s"
    generate_site(site, 30, seed=4)
    output = site / "site"
    build(site, output, workers=1)
    add_source(site, 30)
    (site / "content" / "events" / "e000003.md").unlink()
    made: list[str] = []
    entry = builder.sitemap._entry

    def counted(path: str, config: object) -> str:
        made.append(path)
        return entry(path, config)  # type: ignore[arg-type]

    with mock.patch.object(builder.sitemap, "_entry", counted):
        build(site, output, workers=1)
    assert "sources/s000030.html" in made
    assert len(made) <= 3
    assert tree(output) == clean_build_of(site, tmp_path / "clean")

    # Another base_url: every entry is made anew.
    config = site / "timeline.toml"
    config.write_text(config.read_text().replace("example.org", "example.net"))
    add_source(site, 31)
    build(site, output, workers=1)
    assert b"example.net/bench/sources/s000002.html" in (output / "sitemap.xml").read_bytes()
    assert tree(output) == clean_build_of(site, tmp_path / "clean")


class DeltaEditor(RandomEditor):
    """Small change sets of the kinds the delta rebuild follows, and a quote that no
    longer matches (an error: the previous site stays)."""

    def retag_event(self) -> None:
        if not self.events:
            return self.add_event()
        event_id = self.rng.choice(sorted(self.events))
        path = self.site.root / "content" / "events" / f"{event_id}.md"
        text = re.sub(r"tags: \[[^\]]*\]", f"tags: [Topic {self.counter}]", path.read_text())
        self.counter += 1
        path.write_text(text)

    def break_quote(self) -> Path | None:
        cited = sorted({s for sources in self.events.values() for s in sources})
        if not cited:
            return None
        path = self.site.root / "content" / "sources" / f"{self.rng.choice(cited)}.md"
        before = path.read_text()
        path.write_text(re.sub(r"moved on day", "stayed on day", before))
        return path if path.read_text() != before else None

    def change_set(self) -> list[str]:
        actions = [
            self.add_source,
            self.add_event,
            self.edit_event,
            self.edit_source,
            self.delete_event,
            self.delete_source,
            self.retag_event,
        ]
        done = []
        for _ in range(self.rng.randint(1, 3)):
            action = self.rng.choices(actions, weights=[2, 3, 5, 2, 2, 1, 2])[0]
            action()
            done.append(action.__name__)
        return done


@pytest.mark.parametrize(("seed", "split_above"), [(1, 0), (2, 0), (3, 12), (4, 40)])
def test_delta_rebuilds_equal_clean_builds(
    empty_site: TinySite, tmp_path: Path, seed: int, split_above: int
) -> None:
    from builder import delta
    from builder.problems import ContentError
    from builder.progress import StageTimer

    (empty_site.root / "timeline.toml").write_text(
        'title = "Tiny timeline"\nbase_url = "https://example.org/t/"\n'
        f"period_pages_above = {split_above}\n"
    )
    editor = DeltaEditor(empty_site, seed)
    for _ in range(40):
        editor.add_event()
    output = empty_site.root / "site"
    build(empty_site.root, output, workers=1)
    taken = 0
    strict = tuple(error for error in delta.FALLBACK if error is not delta.StandInUsed)
    with (
        mock.patch.object(delta, "DELTA_MIN_RECORDS", 0),
        # A page made from an event the delta path did not read is a failure here.
        mock.patch.object(delta, "FALLBACK", strict),
    ):
        for step in range(25):
            if editor.rng.random() < 0.1:
                broken = editor.break_quote()
                if broken is not None:
                    before = tree(output)
                    with pytest.raises(ContentError):
                        build(empty_site.root, output, workers=1)
                    assert tree(output) == before
                    broken.write_text(broken.read_text().replace("stayed on day", "moved on day"))
            actions = editor.change_set()
            timer = StageTimer()
            build(empty_site.root, output, workers=1, timer=timer)
            taken += "delta: render" in timer.times
            expected = clean_build_of(empty_site.root, tmp_path / "clean")
            assert tree(output) == expected, f"seed {seed}, step {step}: after {actions}"
        # The cache the delta builds left: a rebuild with nothing changed repeats the
        # site, and one more change still gives a clean build's bytes.
        published = identities(output)
        build(empty_site.root, output, workers=1)
        assert identities(output) == published
        editor.edit_event()
        build(empty_site.root, output, workers=1)
        assert tree(output) == clean_build_of(empty_site.root, tmp_path / "clean")
    assert taken >= 10, f"the delta path was taken {taken} times of 25"
