"""The search step: a Pagefind bundle for the pages, deterministic, switchable, and a clear
error when the binary is missing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builder import search
from builder.config import SiteConfig
from builder.search import PARTS_FILE, SearchIndexError, search_index

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sitegen import add_source, generate_site  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><article data-pagefind-body><h1>{title}</h1><p>{text}</p></article></main></body></html>
"""


def page(title: str, text: str) -> bytes:
    return PAGE.format(title=title, text=text).encode("utf-8")


class Unchanged:
    """Stands for a page kept from the previous build (its bytes are on disk)."""


def test_the_bundle_indexes_the_pages_and_is_deterministic(tmp_path):
    published = tmp_path / "site"
    (published / "events").mkdir(parents=True)
    (published / "events" / "kept.html").write_bytes(page("Kept", "Airport captured"))
    pages = {
        "events/new.html": page("New", "Rebels enter Aleppo"),
        "events/kept.html": Unchanged(),
        "static/style.css": b"body {}",
    }
    first = search_index(pages, published, SiteConfig())
    second = search_index(pages, published, SiteConfig())
    assert first == second
    assert "pagefind/pagefind.js" in first
    assert "pagefind/pagefind-ui.js" in first
    entry = json.loads(first["pagefind/pagefind-entry.json"])
    assert sum(language["page_count"] for language in entry["languages"].values()) == 2
    # One bundle, and the list of bundles for the search box.
    assert {path for path in first if not path.startswith("pagefind/")} == {PARTS_FILE}
    assert json.loads(first[PARTS_FILE]) == {"bundles": ["pagefind/"]}


def test_search_can_be_turned_off(tmp_path):
    assert search_index({"a.html": page("A", "b")}, tmp_path, SiteConfig(search=False)) == {}


def test_a_missing_binary_stops_the_build_with_a_fix(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)
    monkeypatch.setattr(search.shutil, "which", lambda name: None)
    with pytest.raises(SearchIndexError) as raised:
        search_index({"a.html": page("A", "b")}, tmp_path, SiteConfig())
    message = raised.value.format_message()
    assert "pip install 'pagefind[bin]'" in message
    assert "search = false" in message


def test_a_built_site_has_its_search_bundle(tiny_site, tmp_path):
    from builder.build import build

    output = tmp_path / "out"
    build(tiny_site.root, output)
    assert (output / "pagefind" / "pagefind-ui.js").is_file()
    assert b"static/search.js" in (output / "index.html").read_bytes()
    (tiny_site.root / "timeline.toml").write_text('title = "T"\nsearch = false\n')
    build(tiny_site.root, output)
    assert not (output / "pagefind").exists()
    assert b"static/search.js" not in (output / "index.html").read_bytes()


def test_pagefind_indexes_event_and_source_pages_only(tiny_site, tmp_path):
    from builder.build import build

    output = tmp_path / "out"
    build(tiny_site.root, output)
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text())
    pages = sum(language["page_count"] for language in entry["languages"].values())
    events = len(list((output / "events").glob("*.html")))
    sources = len([p for p in (output / "sources").glob("*.html") if p.name != "index.html"])
    assert pages == events + sources


def test_an_incremental_rebuild_still_indexes_every_page(tiny_site, tmp_path):
    from builder.build import build

    output = tmp_path / "out"
    build(tiny_site.root, output)
    first = (output / "pagefind" / "pagefind-entry.json").read_bytes()
    build(tiny_site.root, output)  # nothing changed: pages are kept from the last build
    assert (output / "pagefind" / "pagefind-entry.json").read_bytes() == first
    tiny_site.event(
        "second",
        (tiny_site.root / "content/events/offensive.md")
        .read_text()
        .replace("Offensive begins", "A second event"),
    )
    build(tiny_site.root, output)
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text())
    before = json.loads(first)
    count = sum(language["page_count"] for language in entry["languages"].values())
    assert count == sum(language["page_count"] for language in before["languages"].values()) + 1


def _published(site, output):
    from builder.cache import BuildCache
    from builder.rerender import PageCache

    return PageCache(BuildCache(site, output).previous.published, output.absolute())


def test_unchanged_pages_keep_the_last_bundle_without_running_pagefind(
    tiny_site, tmp_path, monkeypatch
):
    from builder.build import build
    from builder.rerender import Kept

    output = tmp_path / "out"
    build(tiny_site.root, output)
    cache = _published(tiny_site.root, output)
    html = [path for path in cache.previous if path.endswith(".html")]
    pages = {path: Kept(path) for path in html if not path.startswith("pagefind/")}
    monkeypatch.setattr(search, "_run", lambda *a: pytest.fail("Pagefind ran"))
    kept = search_index(pages, output, SiteConfig(), cache)
    parts = kept.pop(PARTS_FILE)
    assert parts == (output / PARTS_FILE).read_bytes()
    assert kept and all(isinstance(value, Kept) for value in kept.values())
    assert set(kept) == {path for path in cache.previous if path.startswith("pagefind/")}
    monkeypatch.undo()
    # A page gone, or one changed: Pagefind indexes again.
    fewer = dict(list(pages.items())[1:])
    assert all(
        isinstance(v, bytes) for v in search_index(fewer, output, SiteConfig(), cache).values()
    )
    changed = {**pages, html[0]: (output / html[0]).read_bytes()}
    assert all(
        isinstance(v, bytes) for v in search_index(changed, output, SiteConfig(), cache).values()
    )


def test_kept_pages_are_linked_into_the_scratch_folder_not_copied(tmp_path, monkeypatch):
    published = tmp_path / "site"
    (published / "events").mkdir(parents=True)
    kept = published / "events" / "kept.html"
    kept.write_bytes(page("Kept", "Airport captured"))
    seen = {}

    def fake_run(binary, root, glob=None):
        seen["inode"] = (root / "events" / "kept.html").stat().st_ino
        (root / "pagefind").mkdir()
        (root / "pagefind" / "pagefind.js").write_text("")

    monkeypatch.setattr(search, "_run", fake_run)
    search_index({"events/kept.html": Unchanged()}, published, SiteConfig())
    assert seen["inode"] == kept.stat().st_ino
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # the scratch folder is gone


def test_a_rebuild_leaves_the_bundle_files_it_did_not_change_untouched(tiny_site, tmp_path):
    """The bundle Pagefind writes is linked into the new site from where Pagefind wrote
    it; a fragment whose page did not change is the very file published before (same
    inode and time), and the whole bundle is the one a clean build makes."""
    import shutil

    from builder.build import build

    output = tmp_path / "out"
    build(tiny_site.root, output)
    fragments = {path.name: path.stat() for path in (output / "pagefind" / "fragment").iterdir()}
    text = (tiny_site.root / "content/events/offensive.md").read_text()
    tiny_site.event("second", text.replace("Offensive begins", "A second event"))
    build(tiny_site.root, output)
    after = {path.name: path.stat() for path in (output / "pagefind" / "fragment").iterdir()}
    kept = fragments.keys() & after.keys()
    assert kept and len(after) == len(fragments) + 1
    for name in kept:
        assert (after[name].st_ino, after[name].st_mtime_ns) == (
            fragments[name].st_ino,
            fragments[name].st_mtime_ns,
        )
    clean = tmp_path / "clean"
    shutil.copytree(tiny_site.root, clean / "site-src", ignore=shutil.ignore_patterns(".*", "site"))
    build(clean / "site-src", clean / "out", clean=True)

    def bundle(folder):
        return {
            path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted((folder / "pagefind").rglob("*"))
            if path.is_file()
        }

    assert bundle(output) == bundle(clean / "out")
    assert not list(output.parent.glob(".out.spool-*"))  # the spool is gone


def _pagefind_over(site, folder):
    """The bundle Pagefind itself makes from every page of a copy of `site`."""
    import shutil
    import subprocess

    shutil.copytree(site, folder, ignore=shutil.ignore_patterns("pagefind"))
    binary = search.pagefind_binary()
    subprocess.run([binary, "--site", str(folder), "--silent"], check=True, timeout=300)
    return _bundle_of(folder)


def _bundle_of(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted((folder / "pagefind").rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("marked", ["event and source pages", "no page", "every page"])
def test_the_bundle_is_what_pagefind_makes_of_the_whole_site(tiny_site, tmp_path, marked):
    """Pagefind is given only the folders of the pages it indexes (those marked
    data-pagefind-body, when any is): the bundle is byte for byte the one it makes when
    it reads every page of the site. Also with templates that mark no page (it then
    indexes them all) or every page (its attribute in capitals), and with a summary that
    names the attribute."""
    from builder.build import build
    from builder.layout import BUILTIN_TEMPLATES

    summary = "A summary naming data-pagefind-body, in <code>data-pagefind-body</code>."
    tiny_site.event("second", EVENT_MENTIONING.format(summary=summary))
    own = tiny_site.root / "templates"
    own.mkdir()
    if marked == "no page":
        for name in ("event.html", "source.html"):
            text = (BUILTIN_TEMPLATES / name).read_text(encoding="utf-8")
            (own / name).write_text(text.replace(" data-pagefind-body", ""), encoding="utf-8")
    if marked == "every page":
        # In capitals: HTML attribute names ignore case, and so does Pagefind.
        text = (BUILTIN_TEMPLATES / "base.html").read_text(encoding="utf-8")
        text = text.replace("<body", "<body DATA-PAGEFIND-BODY", 1)
        (own / "base.html").write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    build(tiny_site.root, output, workers=1)
    if marked == "every page":
        assert b"DATA-PAGEFIND-BODY" in (output / "tags" / "index.html").read_bytes()
    assert _bundle_of(output) == _pagefind_over(output, tmp_path / "whole")


EVENT_MENTIONING = """---
date: 2024-11-30
title: City entered
tags: [City]
status: reported
sources:
  - source: wire
    quote: Rebels entered the city on Saturday
---
{summary}
"""


def test_pagefind_reads_only_the_folders_of_the_pages_it_indexes(tiny_site, tmp_path, monkeypatch):
    """With the built-in templates the chronology, tag and index pages (which list every
    event again) are not given to Pagefind: only the event and source folders."""
    from builder.build import build

    globs = []
    run = search._run
    monkeypatch.setattr(search, "_run", lambda *args: globs.append(args[2]) or run(*args))
    build(tiny_site.root, tmp_path / "out", workers=1)
    assert globs == ["{events/*.html,sources/*.html}"]


def _entry_pages(bundle_folder):
    entry = json.loads((bundle_folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def _indexed_page_count(output):
    return sum(
        1
        for folder in ("events", "sources")
        for page in (output / folder).glob("*.html")
        if b"data-pagefind-body" in page.read_bytes()
    )


@pytest.fixture
def parted(monkeypatch):
    """Sites of more than 8 pages to index get their index in parts of about 4."""
    monkeypatch.setattr(search, "SPLIT_ABOVE", 8)
    monkeypatch.setattr(search, "PAGES_PER_PART", 4)


def test_a_large_site_is_indexed_in_parts(parted, tmp_path):
    from builder.build import build

    site = tmp_path / "s"
    generate_site(site, 15, seed=5)
    output = site / "site"
    build(site, output, workers=1)
    bundles = json.loads((output / PARTS_FILE).read_text())["bundles"]
    assert bundles == [f"pagefind/part-{n:02d}/" for n in range(8)]  # 30 pages: 8 of about 4
    assert not (output / "pagefind" / "pagefind-entry.json").exists()
    # Every page indexed once, in the part its path hashes to.
    counts = [_entry_pages(output / bundle) for bundle in bundles]
    assert sum(counts) == _indexed_page_count(output) == 30 and min(counts) > 0
    # Each part is what Pagefind makes of its pages alone.
    part = output / bundles[1]
    alone = tmp_path / "alone"
    for page in [*(output / "events").glob("*.html"), *(output / "sources").glob("*.html")]:
        relative = page.relative_to(output).as_posix()
        if search._part_of(relative, 8) == 1:
            (alone / relative).parent.mkdir(parents=True, exist_ok=True)
            (alone / relative).write_bytes(page.read_bytes())
    run = [search.pagefind_binary(), "--site", str(alone), "--silent"]
    subprocess.run(run, check=True, timeout=300)
    made = {
        p.relative_to(alone / "pagefind").as_posix(): p.read_bytes()
        for p in sorted((alone / "pagefind").rglob("*"))
        if p.is_file()
    }
    assert made == {
        p.relative_to(part).as_posix(): p.read_bytes()
        for p in sorted(part.rglob("*"))
        if p.is_file()
    }


def test_an_edit_indexes_again_only_the_parts_of_the_pages_it_changed(
    parted, tmp_path, monkeypatch
):
    from builder.build import build

    site = tmp_path / "s"
    generate_site(site, 15, seed=5)
    output = site / "site"
    build(site, output, workers=1)
    runs: list[str] = []
    real_run = search._run
    monkeypatch.setattr(
        search, "_run", lambda *a, **k: runs.append(str(k.get("output"))) or real_run(*a, **k)
    )
    before = {p: p.stat().st_ino for p in (output / "pagefind").rglob("*") if p.is_file()}
    add_source(site, 15)  # a new article: its page, and the sources index, change
    build(site, output, workers=1)
    changed = {search._part_of(page, 8) for page in ("sources/s000015.html", "sources/index.html")}
    assert sorted(run.rsplit("/", 1)[-1] for run in runs) == [
        f"part-{n:02d}" for n in sorted(changed)
    ]
    after = {p: p.stat().st_ino for p in (output / "pagefind").rglob("*") if p.is_file()}
    unchanged = [
        p for p in before if int(p.relative_to(output / "pagefind").parts[0][5:]) not in changed
    ]
    assert unchanged and all(after.get(p) == before[p] for p in unchanged)
    assert sum(_entry_pages(output / f"pagefind/part-{n:02d}") for n in range(8)) == 31
    # Nothing changed: no part is indexed again; the result is a clean build's.
    runs.clear()
    build(site, output, workers=1)
    assert runs == []
    clean = tmp_path / "clean"
    build(site, clean, clean=True, workers=1)
    assert {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    } == {p.relative_to(clean).as_posix(): p.read_bytes() for p in clean.rglob("*") if p.is_file()}
