"""The command line end to end: init, dates, and clean errors instead of tracebacks."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from builder.cli import main


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_init_creates_a_site_that_builds(tmp_path):
    folder = tmp_path / "newsite"
    result = invoke("init", str(folder), "--title", "Bridge works")
    assert result.exit_code == 0, result.output
    assert "timeline build --site" in result.output
    assert invoke("check", "--site", str(folder)).exit_code == 0
    assert invoke("build", "--site", str(folder)).exit_code == 0
    page = BeautifulSoup((folder / "site" / "index.html").read_text(), "html.parser")
    assert page.title.get_text().startswith("Bridge works")
    assert [t["datetime"] for t in page.select(".event-date time")] == ["2023-03", "2025-03-13"]


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "existing.txt").write_text("keep me")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 1
    assert "already exists and is not empty" in result.output
    assert (tmp_path / "existing.txt").read_text() == "keep me"


def test_dates_prints_a_table_for_plain_text(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks began on Wednesday and will resume on 3 December 2024.\n")
    result = invoke("dates", str(article), "--published", "2024-11-30")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["start", "end", "type", "value", "text"]
    assert any("2024-11-27" in line and "Wednesday" in line for line in lines)
    assert any("2024-12-03" in line and "3 December 2024" in line for line in lines)


def test_dates_json_gives_offsets_into_the_text(tmp_path):
    text = "The ceasefire took effect on Wednesday."
    article = tmp_path / "a.txt"
    article.write_text(text)
    result = invoke("dates", str(article), "--published", "2024-11-30", "--json")
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["value"] == "2024-11-27"
    assert text[record["start"] : record["end"]] == record["text"] == "Wednesday"


def test_dates_reads_the_publication_date_of_a_source_file(tiny_site):
    path = tiny_site.root / "content" / "sources" / "wire.md"
    result = invoke("dates", str(path), "--json")
    values = [json.loads(line)["value"] for line in result.output.splitlines()]
    assert "2024-11-27" in values and "2016" in values


def test_dates_reads_numeric_dates_in_the_order_of_the_language(tiny_site, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The quay closed on 04/03/2024.")
    american = invoke("dates", str(article), "--published", "2024-11-30", "--json")
    french = invoke("dates", str(article), "--published", "2024-11-30", "--language", "fr")
    assert json.loads(american.output)["value"] == "2024-04-03"
    assert "2024-03-04" in french.output
    source = tiny_site.root / "content" / "sources" / "wire.md"
    text = source.read_text().replace("language: en", "language: en-GB")
    source.write_text(text + "\nThe quay closed on 04/03/2024.\n")
    values = [
        json.loads(line)["value"]
        for line in invoke("dates", str(source), "--json").output.splitlines()
    ]
    assert "2024-03-04" in values and "2024-04-03" not in values


def test_dates_batch_mode_reads_and_writes_json_lines():
    docs = [
        {"doc_id": "a", "dct": "2024-11-30", "text": "It happened on Friday."},
        {"doc_id": "b", "dct": "1998-01-08", "text": "Nothing dated here."},
    ]
    result = invoke("dates", "--jsonl", "-", input="".join(json.dumps(d) + "\n" for d in docs))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0]["doc_id"] == "a"
    assert out[0]["timexes"] == [{"start": 15, "end": 21, "type": "DATE", "value": "2024-11-29"}]
    assert out[1] == {"doc_id": "b", "timexes": []}


def test_dates_errors_are_messages_not_tracebacks(tmp_path):
    result = invoke("dates", "--jsonl", "-", input='{"doc_id": 1}\n')
    assert result.exit_code == 1
    assert '<stdin>:1: a document line needs "doc_id", "dct" and "text"' in result.output
    bad = invoke("dates", "--jsonl", "-", input='{"doc_id": 1, "dct": "soon", "text": ""}\n')
    assert bad.exit_code == 1 and "<stdin>:1: dct:" in bad.output
    missing = invoke("dates", str(tmp_path / "nowhere.txt"), "--published", "2024-11-30")
    assert missing.exit_code == 1 and "cannot read the file" in missing.output
    article = tmp_path / "a.txt"
    article.write_text("on Friday")
    undated = invoke("dates", str(article))
    assert undated.exit_code == 2 and "--published DATE is needed" in undated.output
    assert not any(
        r.exception and not isinstance(r.exception, SystemExit)
        for r in (result, bad, missing, undated)
    )


def test_dates_names_the_line_of_a_bad_publication_date(tmp_path):
    source = tmp_path / "source.md"
    source.write_text("---\ntitle: T\npublished: 2024-02-30\n---\nOn Friday.\n")
    result = invoke("dates", str(source))
    assert result.exit_code == 1
    assert f"{source}:3: 'published': '2024-02-30': February 2024 has 29 days" in result.output


def test_dates_batch_input_that_is_not_utf8_is_named_at_its_line(tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_bytes(b'{"doc_id": 1, "dct": "2024-11-30", "text": "on Friday"}\n"\xff"\n')
    result = invoke("dates", "--jsonl", str(batch))
    assert result.exit_code == 1
    assert f"{batch}:2: not UTF-8 text" in result.output


def test_dates_on_a_file_that_is_not_utf8_names_the_line(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("On Friday.\n\nThe caf\u00e9 opened.\n".encode("latin-1"))
    result = invoke("dates", str(latin), "--published", "2024-11-30")
    assert result.exit_code == 1
    assert f"{latin}:3: the file is not UTF-8 text" in result.output


def test_a_folder_that_is_not_a_site_is_refused(tmp_path):
    for command in ("check", "build", "extract"):
        result = invoke(command, "--site", str(tmp_path))
        assert result.exit_code == 1, command
        assert "not a timeline site (no timeline.toml and no content/ folder)" in result.output
        assert "timeline init" in result.output
    assert list(tmp_path.iterdir()) == []


def _program(*args):
    """The `timeline` program as the console script runs it, in its own process."""
    import subprocess
    import sys

    command = [sys.executable, "-c", "from builder.cli import run; run()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_the_program_ends_with_its_output_and_exit_code(tmp_path):
    """The program ends without tearing the interpreter down (builder.cli.run): what it
    printed still reaches a pipe, and its exit code is the command's."""
    folder = tmp_path / "newsite"
    made = _program("init", str(folder), "--title", "Bridge works")
    assert made.returncode == 0 and "timeline build --site" in made.stdout
    built = _program("build", "--site", str(folder))
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("Built 2 events")
    assert (folder / "site" / "index.html").is_file()
    event = next((folder / "content" / "events").glob("*.md"))
    event.write_text(event.read_text().replace("date:", "date: 2024-13-45\nold_date:", 1))
    failed = _program("build", "--site", str(folder))
    assert failed.returncode == 1
    assert f"{event.relative_to(folder)}:" in failed.stderr and "Traceback" not in failed.stderr
    assert _program("--help").stdout.startswith("Usage:")
    assert _program("no-such-command").returncode == 2


def test_dates_batch_mode_goes_on_past_a_line_it_cannot_tag():
    lines = [
        json.dumps({"doc_id": "a", "dct": "2024-11-30", "text": "It happened on Friday."}),
        json.dumps({"doc_id": "b", "dct": "soon", "text": "On Friday."}),
        "{not json",
        json.dumps({"doc_id": "c", "dct": None, "text": "On Friday."}),
        json.dumps({"doc_id": "d", "dct": "2024-11-30", "text": "It ended on Thursday."}),
    ]
    result = invoke("dates", "--jsonl", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [doc["doc_id"] for doc in out] == ["a", "b", "c", "d"]
    assert out[0]["timexes"][0]["value"] == "2024-11-29"
    assert out[3]["timexes"][0]["value"] == "2024-11-28"
    assert out[1]["timexes"] == [] and "'soon' is not a date" in out[1]["error"]
    assert "<stdin>:2: dct: 'soon' is not a date" in result.output
    assert "<stdin>:3: not a JSON line" in result.output
    assert '<stdin>:4: "dct" is null' in result.output
    assert "3 lines could not be tagged; the other documents were" in result.output


def test_dates_batch_mode_reads_the_day_of_a_creation_time_in_any_iso_form():
    docs = [
        {"doc_id": "basic", "dct": "19980304", "text": "He left on Tuesday."},
        {"doc_id": "zoneless", "dct": "1998-03-04T10:30:00", "text": "He left on Tuesday."},
        {"doc_id": "both", "dct": "19980304T103000", "text": "He left on Tuesday."},
    ]
    result = invoke("dates", "--jsonl", "-", input="".join(json.dumps(d) + "\n" for d in docs))
    assert result.exit_code == 0, result.output
    values = [json.loads(line)["timexes"][0]["value"] for line in result.output.splitlines()]
    assert values == ["1998-03-03"] * 3
    # a day it does not name is still refused
    month = invoke("dates", "--jsonl", "-", input='{"doc_id": 1, "dct": "1998-03", "text": ""}\n')
    assert month.exit_code == 1 and "names no day" in month.output


@pytest.mark.parametrize("lines", [1, 200])  # all written at the end, or while working
def test_output_cut_short_by_its_reader_ends_quietly(tmp_path, lines):
    """`timeline dates ... | head -1`: the reader leaving early is no error to report (it
    was reported as "Error: a file: Broken pipe"), as with other command-line tools."""
    import subprocess
    import sys

    text = tmp_path / "text.txt"
    text.write_text("The talks opened on Monday and closed on Friday.\n" * lines, encoding="utf-8")
    command = [sys.executable, "-c", "from builder.cli import run; run()", "dates", str(text)]
    program = subprocess.Popen(
        [*command, "--published", "2025-03-14"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    program.stdout.close()  # the reader is gone before anything is written
    _, errors = program.communicate(timeout=120)
    assert errors.decode() == ""
    assert program.returncode != 0  # what was asked for was not all delivered
