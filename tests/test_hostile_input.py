"""Bad content: every problem reported as `path:line: message` in one run, exit code 1,
the published site untouched, and never a traceback."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from builder.cli import main
from tests.conftest import ARTICLE, EVENT, TinySite

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def error_lines(result: Result) -> list[str]:
    return [line.removeprefix("Error: ") for line in result.output.splitlines()]


def expected(case: str) -> list[str]:
    return (FIXTURES / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def lay_over(site: TinySite, *cases: str) -> None:
    for case in cases:
        shutil.copytree(FIXTURES / case / "content", site.root / "content", dirs_exist_ok=True)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under `folder` with its bytes, modification time and inode."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            files[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                stat.st_mtime_ns,
                stat.st_ino,
            )
    return files


def assert_clean_failure(result: Result) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception


@pytest.mark.parametrize("case", CASES)
def test_each_bad_input_gets_its_message(tiny_site: TinySite, case: str) -> None:
    lay_over(tiny_site, case)
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    lines = error_lines(result)
    for line in expected(case):
        assert line in lines
    assert lines[-1].endswith("nothing was written.")


def test_all_problems_are_reported_in_one_run(tiny_site: TinySite) -> None:
    lay_over(tiny_site, *CASES)
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    lines = error_lines(result)
    missing = [line for case in CASES for line in expected(case) if line not in lines]
    assert missing == []


def test_a_failed_build_leaves_the_published_site_untouched(tiny_site: TinySite) -> None:
    output = tiny_site.root / "site"
    assert run("build", "--site", tiny_site.root).exit_code == 0
    before = snapshot(output)
    assert "index.html" in before
    lay_over(tiny_site, *CASES)
    result = run("build", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert "nothing was written." in result.output
    assert snapshot(output) == before
    leftovers = [p.name for p in output.parent.iterdir() if p.name.startswith(".site.")]
    assert leftovers == []


def test_byte_order_mark_and_crlf_are_accepted(empty_site: TinySite) -> None:
    source = ARTICLE.replace("\n", "\r\n")
    (empty_site.root / "content/sources/wire.md").write_bytes(b"\xef\xbb\xbf" + source.encode())
    event = EVENT.replace("\n", "\r\n")
    (empty_site.root / "content/events/offensive.md").write_bytes(b"\xef\xbb\xbf" + event.encode())
    result = run("build", "--site", empty_site.root)
    assert result.exit_code == 0, result.output
    page = (empty_site.root / "site/events/offensive.html").read_text(encoding="utf-8")
    assert "The offensive began on Wednesday" in page
    assert "\r" not in page and "\ufeff" not in page


def test_a_20_mb_article_builds_in_reasonable_time(tiny_site: TinySite) -> None:
    paragraph = "Shelling continued in the northern districts overnight, residents said. " * 14
    body = "\n\n".join([paragraph] * (20_000_000 // len(paragraph)))
    tiny_site.source("wire", ARTICLE.replace("BEIRUT", body + "\n\nBEIRUT"))
    started = time.monotonic()
    result = run("build", "--site", tiny_site.root)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 60
    page = tiny_site.root / "site/sources/wire.html"
    assert page.stat().st_size > 20_000_000


def test_very_long_lines_work(tiny_site: TinySite) -> None:
    long_title = "Offensive " + "very " * 50_000 + "long"
    tiny_site.event("long", EVENT.replace("Offensive begins", long_title))
    tiny_site.write("content/events/long-body.md", EVENT + "word " * 400_000 + "\n")
    result = run("build", "--site", tiny_site.root)
    assert result.exit_code == 0, result.output
    assert long_title in (tiny_site.root / "site/events/long.html").read_text(encoding="utf-8")


def test_links_out_of_the_site_are_refused(tiny_site: TinySite, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(ARTICLE)
    (tiny_site.root / "content/sources/linked.md").symlink_to(outside / "secret.md")
    (tiny_site.root / "content/events/folder").symlink_to(outside, target_is_directory=True)
    (tiny_site.root / "content/events/dangling.md").symlink_to(tiny_site.root / "nowhere.md")
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    lines = error_lines(result)
    refused = (
        "this is a link to a place outside the site folder, which is refused; "
        "copy the file into the site instead"
    )
    assert f"content/sources/linked.md:1: {refused}" in lines
    assert f"content/events/folder:1: {refused}" in lines
    assert (
        "content/events/dangling.md:1: this file is a link to a file that does not exist" in lines
    )


def test_links_inside_the_site_are_followed(tiny_site: TinySite) -> None:
    (tiny_site.root / "articles").mkdir()
    shutil.move(tiny_site.root / "content/sources/wire.md", tiny_site.root / "articles/wire.md")
    (tiny_site.root / "content/sources/wire.md").symlink_to(tiny_site.root / "articles/wire.md")
    assert run("check", "--site", tiny_site.root).exit_code == 0


def test_duplicate_ids_across_folders(tiny_site: TinySite) -> None:
    tiny_site.write("content/candidates/offensive.md", EVENT)
    tiny_site.source("copy", ARTICLE.replace("title: Rebels", "id: wire\ntitle: Rebels"))
    lines = error_lines(run("check", "--site", tiny_site.root))
    assert (
        "content/candidates/offensive.md:1: duplicate event id 'offensive': "
        "content/events/offensive.md has it too; if one is the candidate accepted, delete "
        "this file (accepting a candidate moves its file to content/events/); if not, "
        "rename one of the files or set a different 'id'"
    ) in lines
    assert (
        "content/sources/wire.md:1: duplicate source id 'wire': content/sources/copy.md has "
        "it too; rename one of the files or set a different 'id'"
    ) in lines


def test_unreadable_file_is_a_message(tiny_site: TinySite, monkeypatch) -> None:
    # Tests may run as root, whom permissions do not stop: fail the read itself.
    locked = tiny_site.event("locked")
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert "content/events/locked.md:1: cannot read the file: Permission denied" in result.output


def test_unreadable_folder_is_a_message(tiny_site: TinySite, monkeypatch) -> None:
    real_scandir = os.scandir
    locked = str(tiny_site.root / "content/events")

    def scandir(path=".", *args):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert (
        "content/events:1: cannot read this folder: Permission denied; check its permissions"
    ) in error_lines(result)


def test_output_that_cannot_be_written_is_a_message(tiny_site: TinySite, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("build", "--site", tiny_site.root, "--output", blocker / "site")
    assert_clean_failure(result)
    assert result.output == (
        f"Error: {blocker}: File exists; a file is in the way where a folder should be\n"
    )


def test_output_permission_denied_is_a_message(tiny_site: TinySite, monkeypatch) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tiny_site.root))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    result = run("build", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert result.output == (
        f"Error: {tiny_site.root}: Permission denied; "
        "check the permissions of this file or folder\n"
    )


def test_a_bug_is_reported_without_a_traceback(tiny_site: TinySite, monkeypatch) -> None:
    import builder.build

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(builder.build, "load_site", broken)
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert result.output.startswith(
        "Error: internal error (ZeroDivisionError: division by zero). This is a bug"
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('title = "x"\ntimezone = "Mars/Olympus"\n', "timeline.toml:2: unknown time zone"),
        ('title = "x"\ntimezone = "../../etc/passwd"\n', "timeline.toml:2: unknown time zone"),
        ('title = "x\n', "timeline.toml:1: broken TOML"),
        # Left open at the end of the file: the error is that last line, not line 1.
        ('title = "x"\nsearch = true\ntags = [1\n', "timeline.toml:3: broken TOML"),
        ("title = 3\n", "timeline.toml:1: 'title' must be text in quotes, not 3"),
        ("search = 1\n", "timeline.toml:1: 'search' must be true or false, not 1"),
        ("feed_entries = true\n", "timeline.toml:1: 'feed_entries' must be a whole number"),
        ("period_pages_above = -3\n", "timeline.toml:1: 'period_pages_above' must be 0"),
        ('language = "en\\" onload=\\"x"\n', "timeline.toml:1: 'language' must be a language"),
        ('base_url = "javascript:alert(1)"\n', "timeline.toml:1: 'base_url' must be the site's"),
        ('base_url = "https://"\n', "timeline.toml:1: 'base_url' must be the site's"),
        ('base_url = "https://a.example/my site/"\n', "timeline.toml:1: 'base_url' must be"),
        ('base_url = "https://a.example/?page="\n', "timeline.toml:1: 'base_url' must be"),
        (
            'search = true\ntitle = "a\\u0000b"\n',
            "timeline.toml:2: 'title' contains the character U+0000",
        ),
    ],
)
def test_bad_settings(tiny_site: TinySite, toml: str, message: str) -> None:
    (tiny_site.root / "timeline.toml").write_text(toml, encoding="utf-8")
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert any(line.startswith(message) for line in error_lines(result)), result.output


def test_settings_that_are_not_utf8_are_named_at_the_line(tiny_site: TinySite) -> None:
    (tiny_site.root / "timeline.toml").write_bytes(
        'title = "Tiny"\ndescription = "Caf\u00e9 notes"\n'.encode("latin-1")
    )
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert "timeline.toml:2: the file is not UTF-8 text; save it as UTF-8" in error_lines(result)


def test_settings_that_are_not_a_file(tiny_site: TinySite) -> None:
    (tiny_site.root / "timeline.toml").unlink()
    (tiny_site.root / "timeline.toml").mkdir()
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    assert "timeline.toml:1: cannot read the file: Is a directory" in error_lines(result)


def test_removed_markup_is_a_warning_at_its_line(tiny_site: TinySite) -> None:
    tiny_site.event(
        "markup",
        EVENT + '\nA <script>alert(1)</script> here.\n\n<p onclick="steal()">Click</p>\n',
    )
    result = run("check", "--site", tiny_site.root)
    assert result.exit_code == 0, result.output
    assert (
        "content/events/markup.md:12: warning: HTML element <script> is not allowed in a "
        "summary and is removed with its content"
    ) in result.output
    assert (
        "content/events/markup.md:14: warning: attribute 'onclick' on <p> is not allowed in "
        "a summary and is removed"
    ) in result.output


def test_each_refused_link_is_reported_at_its_own_line(tiny_site: TinySite) -> None:
    tiny_site.event(
        "links",
        EVENT
        + "\nSee [one](javascript:alert(1)).\n\nAnd [two](java&#x0A;script:alert(2)).\n"
        + "\nAnd [three][ref].\n\n[ref]: javascript:alert(3)\n",
    )
    result = run("check", "--site", tiny_site.root)
    assert_clean_failure(result)
    lines = error_lines(result)
    refused = "uses 'javascript:', which is refused; links may only use http:, https: or mailto:"
    assert f"content/events/links.md:12: link address 'javascript:alert(1)' {refused}" in lines
    assert f"content/events/links.md:14: link address 'java\\nscript:alert(2)' {refused}" in lines
    assert f"content/events/links.md:18: link address 'javascript:alert(3)' {refused}" in lines


def test_tags_sharing_a_page(tiny_site: TinySite) -> None:
    tiny_site.event("a", EVENT.replace("[Rebels, City]", "[Aleppo, C, Index]"))
    tiny_site.event("b", EVENT.replace("[Rebels, City]", "[aleppo, C++]"))
    result = run("build", "--site", tiny_site.root)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning:" in line]
    # Case alone is a deliberate merge; punctuation that changes meaning is pointed out.
    assert warnings == [
        "content/events/b.md:4: warning: tag 'C++' is shown as the same tag as 'C' (in "
        "content/events/a.md): both make tags/c.html; spell them the same, or make them "
        "differ in letters or digits"
    ]
    tags = tiny_site.root / "site/tags"
    assert (tags / "aleppo.html").exists() and (tags / "c.html").exists()
    # A tag named "Index" gets its own page, and the list of tags stays the list of tags.
    assert "Index" in (tags / "index-tag.html").read_text(encoding="utf-8")
    assert "<h1>Tags</h1>" in (tags / "index.html").read_text(encoding="utf-8")
