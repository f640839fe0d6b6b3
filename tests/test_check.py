"""`timeline check`: every problem reported as path:line: message, exit 1, nothing written."""

import unicodedata

import pytest
from click.testing import CliRunner

from builder.cli import main

from .conftest import ARTICLE, EVENT

EVENT_WITH_KEYS = EVENT.replace("title:", "2024: the year\nyes: indeed\ntitle:")


def check(site):
    return CliRunner().invoke(main, ["check", "--site", str(site.root)])


def build(site, *extra):
    return CliRunner().invoke(main, ["build", "--site", str(site.root), *extra])


def test_a_good_site_passes(tiny_site):
    result = check(tiny_site)
    assert result.exit_code == 0, result.output
    assert "OK: 1 source, 1 event; no errors." in result.output


def test_the_count_tells_events_from_candidates_awaiting_review(tiny_site):
    """Candidates in content/candidates/ are not published events (build does not count
    them): check says how many await review, and how many are hidden."""
    candidate = EVENT.replace("sources:", "extracted: true\nsources:")
    tiny_site.write("content/candidates/proposed.md", candidate)
    tiny_site.write("content/candidates/other.md", candidate.replace("Offensive", "Other"))
    tiny_site.event("gone", EVENT.replace("sources:", "hidden: true\nsources:"))
    result = check(tiny_site)
    assert result.exit_code == 0, result.output
    assert "OK: 1 source, 1 event, 2 candidates awaiting review, 1 hidden; no errors." in (
        result.output
    )


def test_broken_yaml_is_reported_at_its_line(tiny_site):
    tiny_site.event(
        "broken",
        """\
        ---
        date: 2024-11-27
        title: [unclosed
        sources: []
        ---
        """,
    )
    result = check(tiny_site)
    assert result.exit_code == 1
    assert "content/events/broken.md:4: broken YAML front matter" in result.output


def test_missing_closing_marker(tiny_site):
    tiny_site.event("open", "---\ndate: 2024-11-27\ntitle: x\n")
    result = check(tiny_site)
    assert result.exit_code == 1
    assert (
        "content/events/open.md:1: the front matter opened by '---' on line 1 is never closed"
        in result.output
    )


def test_field_errors_are_reported_at_the_field_line(tiny_site):
    tiny_site.event(
        "bad",
        """\
        ---
        title: Something happened
        date: 2024-02-30
        end: 2023
        status: rumoured
        tags: Aleppo
        sources:
          - source: wire
            quote: The offensive began on Wednesday
        ---
        """,
    )
    result = check(tiny_site)
    assert result.exit_code == 1
    out = result.output
    assert "content/events/bad.md:3: 'date': '2024-02-30': February 2024 has 29 days" in out
    assert "content/events/bad.md:5: 'status' must be one of confirmed, reported, disputed" in out
    assert "content/events/bad.md:6: 'tags' must be a list" in out


def test_a_line_separator_in_a_value_is_a_space(tiny_site):
    # U+2028, pasted from a web page, is a line break to YAML 1.1: the title failed to
    # parse, reported lines below where it is, and later keys' lines were off by one.
    tiny_site.event(
        "pasted",
        "---\ndate: 2024-11-27\ntitle: Offensive\u2028begins\nstatus: rumoured\n"
        "sources:\n  - source: wire\n    quote: The offensive began on Wednesday\n---\n",
    )
    result = check(tiny_site)
    assert result.output.splitlines()[0] == (
        "content/events/pasted.md:4: 'status' must be one of confirmed, reported, "
        "disputed, not 'rumoured'"
    )
    tiny_site.event(
        "pasted",
        tiny_site.root.joinpath("content/events/pasted.md")
        .read_text(encoding="utf-8")
        .replace("rumoured", "reported"),
    )
    result = build(tiny_site)
    assert result.exit_code == 0, result.output
    page = (tiny_site.root / "site/events/pasted.html").read_text(encoding="utf-8")
    assert '<h1 dir="auto">Offensive begins' in page


def test_a_yes_or_no_read_as_true_or_false_is_told_to_be_quoted(tiny_site):
    # YAML 1.1 reads yes, no, on and off as true and false: "NO" (Norway) is false.
    tiny_site.event("norway", EVENT.replace("Offensive begins", "yes").replace("City", "NO"))
    out = check(tiny_site).output
    assert (
        "content/events/norway.md:3: 'title' must be text, not true; put it in quotes if it "
        "is meant as text"
    ) in out
    assert (
        "content/events/norway.md:4: tag 2 must be a word or phrase, not false; put it in "
        "quotes if it is meant as text"
    ) in out


def test_missing_required_keys(tiny_site):
    tiny_site.event("bare", "---\nstatus: reported\n---\nNothing.\n")
    out = check(tiny_site).output
    assert "content/events/bare.md:1: missing required key 'title'" in out
    assert "content/events/bare.md:1: missing required key 'date'" in out
    assert "content/events/bare.md:1: missing required key 'sources'" in out


def test_end_before_date(tiny_site):
    tiny_site.event(
        "backwards",
        """\
        ---
        date: 2024-11-27
        end: 2024-11
        title: Backwards
        sources:
          - source: wire
            quote: The offensive began on Wednesday
        ---
        """,
    )
    out = check(tiny_site).output
    assert "content/events/backwards.md:3: 'end' (2024-11) is before 'date' (2024-11-27)" not in out
    tiny_site.event(
        "backwards",
        """\
        ---
        date: 2024-11-27
        end: 2024-10
        title: Backwards
        sources:
          - source: wire
            quote: The offensive began on Wednesday
        ---
        """,
    )
    out = check(tiny_site).output
    assert "content/events/backwards.md:3: 'end' (2024-10) is before 'date' (2024-11-27)" in out


def test_unknown_source_and_quote_not_found(tiny_site):
    tiny_site.event(
        "refs",
        """\
        ---
        date: 2024-11-27
        title: References
        sources:
          - source: nowhere
            quote: anything
          - source: wire
            quote: The offensive ended on Wednesday
        ---
        """,
    )
    out = check(tiny_site).output
    assert (
        "content/events/refs.md:6: unknown source 'nowhere': no file in content/sources has that id"
    ) in out
    assert (
        "content/events/refs.md:8: quote not found in source 'wire': "
        "'The offensive ended on Wednesday'"
    ) in out


def test_a_quote_across_a_paragraph_break_is_named_as_such(tiny_site):
    tiny_site.event(
        "across",
        """\
        ---
        date: 2024-11-27
        title: Across
        sources:
          - source: wire
            quote: a monitor said. The offensive began on Wednesday
        ---
        """,
    )
    result = check(tiny_site)
    assert result.exit_code == 1
    assert (
        "content/events/across.md:6: quote runs across a paragraph break in source 'wire': "
        "'a monitor said. The offensive began on Wednesday'; quote from one paragraph only"
    ) in result.output


def test_quotes_match_across_whitespace_and_typographic_quotes(empty_site):
    empty_site.source(
        "wire",
        """\
        ---
        title: T
        publisher: P
        published: 2024-11-30
        ---
        The army said it “had not   withdrawn”
        from Hama’s outskirts.
        """,
    )
    empty_site.event(
        "e",
        """\
        ---
        date: 2024-11-30
        title: Denial
        sources:
          - source: wire
            quote: "said it \\"had not withdrawn\\" from Hama's outskirts"
        ---
        """,
    )
    result = check(empty_site)
    assert result.exit_code == 0, result.output


def test_quotes_match_whichever_way_accents_are_written(empty_site):
    # "é" as one character in the quote, as "e" and a combining accent in the source
    # (as text copied on a Mac often is), and the other way round.
    decomposed = unicodedata.normalize("NFD", "Talks at the Élysée café resumed.")
    empty_site.source(
        "wire", f"---\ntitle: T\npublisher: P\npublished: 2024-11-30\n---\n{decomposed}\n"
    )
    empty_site.source(
        "agency", "---\ntitle: T\npublisher: P\npublished: 2024-11-30\n---\nAu café.\n"
    )
    quotes = [("wire", "the Élysée café resumed"), ("agency", unicodedata.normalize("NFD", "café"))]
    cited = "".join(f"  - source: {source}\n    quote: {quote}\n" for source, quote in quotes)
    empty_site.event("e", f"---\ndate: 2024-11-30\ntitle: Talks\nsources:\n{cited}---\n")
    result = build(empty_site)
    assert result.exit_code == 0, result.output
    page = (empty_site.root / "site/sources/wire.html").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", page).count("the Élysée café resumed") == 1


def test_a_source_id_two_files_share_is_the_one_error_of_its_quotes(tiny_site):
    """Which file a quote of a duplicated source should come from is not known: the
    duplicate is reported, not a "quote not found" for each event citing it."""
    tiny_site.source(
        "another-wire",
        "---\nid: wire\n" + ARTICLE.split("---\n", 2)[1] + "---\nOther words entirely.\n",
    )
    out = check(tiny_site).output
    assert "duplicate source id 'wire'" in out
    assert "quote not found" not in out
    assert out.strip().endswith("1 error; nothing was written.")


def test_duplicate_ids_name_both_files(tiny_site):
    tiny_site.write(
        "content/events/other.md",
        (tiny_site.root / "content/events/offensive.md")
        .read_text()
        .replace("---\ndate", "---\nid: offensive\ndate", 1),
    )
    out = check(tiny_site).output
    assert (
        "content/events/other.md:1: duplicate event id 'offensive': "
        "content/events/offensive.md has it too"
    ) in out


def test_unknown_keys_are_warnings_not_errors(tiny_site):
    tiny_site.event(
        "extra",
        (tiny_site.root / "content/events/offensive.md")
        .read_text()
        .replace("status: reported", "status: reported\nmood: grim"),
    )
    result = check(tiny_site)
    assert result.exit_code == 0
    assert "content/events/extra.md:6: warning: unknown key 'mood' is ignored" in result.output


def test_unknown_keys_that_are_not_text_are_warned_at_their_line(tiny_site):
    tiny_site.event("odd", EVENT_WITH_KEYS)
    out = check(tiny_site).output
    assert "content/events/odd.md:3: warning: unknown key 2024 is ignored" in out
    assert "content/events/odd.md:4: warning: unknown key True is ignored" in out


def test_every_problem_is_reported_in_one_run(tiny_site):
    tiny_site.event("a", "---\ntitle: [\n---\n")
    tiny_site.event("b", "---\ndate: 2024-13\ntitle: B\nsources: []\n---\n")
    tiny_site.source("c", "no front matter at all\n")
    out = check(tiny_site).output
    assert "content/events/a.md:" in out
    assert "content/events/b.md:2:" in out
    assert "content/sources/c.md:1: the file must start with a front matter block" in out
    assert out.strip().endswith("errors; nothing was written.")


def test_the_summary_counts_errors_and_warnings_apart(tiny_site):
    tiny_site.event("a", "---\ndate: 2024-13\ntitle: A\nsources: []\n---\n")
    tiny_site.event("b", "---\ndate: 2024\ntitle: B\nmood: grim\nsources: []\n---\n")
    out = check(tiny_site).output
    assert "content/events/b.md:4: warning: unknown key 'mood'" in out
    assert out.strip().endswith("3 errors and 1 warning; nothing was written.")


def test_a_failed_build_leaves_the_published_site_untouched(tiny_site):
    output = tiny_site.root / "site"
    assert build(tiny_site).exit_code == 0
    before = {p: p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}
    tiny_site.event("broken", "---\ndate: yesterday\ntitle: x\n---\n")
    result = build(tiny_site)
    assert result.exit_code == 1
    assert "content/events/broken.md:2: 'date': 'yesterday' is not a date" in result.output
    after = {p: p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}
    assert after == before


def test_check_writes_nothing(tiny_site):
    check(tiny_site)
    assert not (tiny_site.root / "site").exists()


def test_a_site_folder_that_is_a_link_updates_what_it_links_to(tiny_site, tmp_path):
    served = tmp_path / "www" / "timeline"
    assert build(tiny_site, "--output", str(served)).exit_code == 0
    (tiny_site.root / "site").symlink_to(served, target_is_directory=True)
    tiny_site.event("second")
    result = build(tiny_site)
    assert result.exit_code == 0, result.output
    assert (tiny_site.root / "site").is_symlink()
    assert (served / "events" / "second.html").exists()


def test_build_refuses_to_replace_a_folder_it_did_not_write(tiny_site, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = build(tiny_site, "--output", str(precious))
    assert result.exit_code == 1
    assert "was not written by timeline" in result.output
    assert (precious / "thesis.txt").read_text() == "years of work"


@pytest.mark.parametrize(
    ("output", "refusal"),
    [
        (".", "cannot be the site folder or hold it"),
        ("..", "cannot be the site folder or hold it"),
        ("content/events/site", "cannot be inside the site's content/ folder"),
        ("templates/out", "cannot be inside the site's templates/ folder"),
    ],
)
def test_build_refuses_an_output_folder_the_build_reads(tiny_site, output, refusal):
    result = build(tiny_site, "--output", str(tiny_site.root / output))
    assert result.exit_code == 1
    assert refusal in result.output
    assert not (tiny_site.root / output / "index.html").exists()


def test_a_source_with_errors_of_its_own_is_not_called_missing(tiny_site):
    """A source file that cannot be read is one error, at its own line: the events that
    cite it are not told that no file has its id (there is one; it needs mending)."""
    tiny_site.source("wire", ARTICLE.replace("published: 2024-11-30", "published: tomorrow"))
    out = check(tiny_site).output
    assert "content/sources/wire.md:5: 'published': 'tomorrow' is not a date" in out
    assert "unknown source" not in out
    assert out.strip().endswith("1 error; nothing was written.")


def test_a_source_whose_front_matter_is_broken_is_not_called_missing(tiny_site):
    tiny_site.source("wire", ARTICLE.replace("title: Rebels", "title: [Rebels"))
    out = check(tiny_site).output
    assert "content/sources/wire.md:3: broken YAML front matter" in out
    assert "unknown source" not in out
