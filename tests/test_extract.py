"""`timeline extract`: candidate events proposed from the articles, merged, reviewable."""

from __future__ import annotations

import json
import shutil

import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from builder.cli import main
from tests.conftest import REPO

SECOND_ARTICLE = """\
---
title: City falls to rebels
publisher: Other Agency
published: 2024-11-30T18:00:00+00:00
rights: excerpts
---
Rebels began their offensive on Wednesday, as a ceasefire took effect in Lebanon, officials said.

Prices of bread doubled, traders said.
"""


def run(site, *args):
    return CliRunner().invoke(main, [*args, "--site", str(site.root)])


def proposals(site) -> list[dict]:
    result = run(site, "extract", "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_the_same_event_in_two_articles_is_one_candidate_with_two_sources(empty_site):
    empty_site.source("wire")
    empty_site.source("agency", SECOND_ARTICLE)
    found = proposals(empty_site)
    wednesday = [p for p in found if p["date"] == "2024-11-27"]
    assert len(wednesday) == 1
    assert sorted(s["source"] for s in wednesday[0]["sources"]) == ["agency", "wire"]
    assert {p["date"] for p in found} == {"2024-11-27", "2024-11-30", "2016"}


def test_different_events_on_the_same_day_stay_apart(empty_site):
    empty_site.source("wire")
    empty_site.source(
        "agency",
        SECOND_ARTICLE.replace(
            "Rebels began their offensive on Wednesday, as a ceasefire took effect in Lebanon",
            "Bread prices doubled in the capital on Wednesday",
        ),
    )
    wednesday = [p for p in proposals(empty_site) if p["date"] == "2024-11-27"]
    assert len(wednesday) == 2


def test_one_event_told_with_other_word_forms_is_one_candidate(empty_site):
    """Sentences are compared by their words' stems: "attacked a checkpoint" and "an
    attack on a checkpoint" tell of one thing."""
    article = SECOND_ARTICLE.replace("Other Agency", "{publisher}")
    empty_site.source(
        "first",
        article.format(publisher="Wire A").replace(
            "Rebels began their offensive on Wednesday, as a ceasefire took effect in Lebanon",
            "Fighting flared on Wednesday, when militia fighters attacked a checkpoint",
        ),
    )
    empty_site.source(
        "second",
        article.format(publisher="Wire B").replace(
            "Rebels began their offensive on Wednesday, as a ceasefire took effect in Lebanon",
            "The clashes began on Wednesday with an attack on a checkpoint",
        ),
    )
    wednesday = [p for p in proposals(empty_site) if p["date"] == "2024-11-27"]
    assert [sorted(s["source"] for s in p["sources"]) for p in wednesday] == [["first", "second"]]


def test_a_sentence_dated_by_a_local_time_is_proposed(empty_site):
    """A time the text gives without its zone is proposed on its day, not dropped."""
    empty_site.source(
        "storm",
        SECOND_ARTICLE.replace(
            "Rebels began their offensive on Wednesday, as a ceasefire took effect in Lebanon",
            "The storm made landfall at 4 a.m. local time",
        ),
    )
    found = [p for p in proposals(empty_site) if p["date"] == "2024-11-30"]
    assert [p["sources"][0]["quote"][:24] for p in found] == ["The storm made landfall "]


def test_each_item_of_a_list_in_a_source_is_its_own_quote(empty_site):
    """A list right under its heading line, with no blank line between: one quote per item."""
    empty_site.source(
        "fixtures",
        SECOND_ARTICLE.replace(
            "Prices of bread doubled, traders said.",
            "Fixtures:\n- Tuesday 3 December: Rovers v Kingsbridge\n"
            "- Saturday 7 December: Oakham v Rovers",
        ),
    )
    quotes = {
        p["date"]: p["sources"][0]["quote"]
        for p in proposals(empty_site)
        if p["date"].startswith("2024-12")
    }
    assert quotes == {
        "2024-12-03": "Tuesday 3 December: Rovers v Kingsbridge",
        "2024-12-07": "Saturday 7 December: Oakham v Rovers",
    }


def test_candidates_carry_the_exact_sentence_and_its_place(empty_site):
    empty_site.source("wire")
    (candidate,) = [p for p in proposals(empty_site) if p["date"] == "2016"]
    (source,) = candidate["sources"]
    assert source["quote"] == "Western districts had been held by rebels until 2016."
    assert source["paragraph"] == 2
    assert (source["start"], source["end"]) == (0, len(source["quote"]))
    assert source["expression"] == "2016"


def test_extract_writes_reviewable_files_and_never_overwrites_them(empty_site):
    empty_site.source("wire")
    result = run(empty_site, "extract")
    assert result.exit_code == 0, result.output
    folder = empty_site.root / "content" / "candidates"
    files = sorted(folder.glob("*.md"))
    assert len(files) == 3
    front = yaml.safe_load(files[0].read_text(encoding="utf-8").split("---")[1])
    assert front["status"] == "reported" and front["extracted"] is True
    edited = files[0].read_text(encoding="utf-8").replace("title:", "title: Edited –", 1)
    files[0].write_text(edited, encoding="utf-8")
    again = run(empty_site, "extract")
    assert "0 new files" in again.output
    assert files[0].read_text(encoding="utf-8") == edited
    assert run(empty_site, "check").exit_code == 0


def test_a_sentence_an_event_already_cites_is_not_proposed_again(tiny_site):
    dates = {p["date"] for p in proposals(tiny_site)}
    assert "2024-11-27" not in dates  # the tiny site's event cites that sentence
    assert "2016" in dates


def test_moving_a_candidate_into_events_accepts_it(empty_site):
    empty_site.source("wire")
    run(empty_site, "extract")
    folder = empty_site.root / "content" / "candidates"
    first = sorted(folder.glob("*.md"))[0]
    shutil.move(first, empty_site.root / "content" / "events" / first.name)
    assert "0 new files" in run(empty_site, "extract").output
    assert len(list(folder.glob("*.md"))) == 2


def build_index(site) -> BeautifulSoup:
    result = run(site, "build")
    assert result.exit_code == 0, result.output
    return BeautifulSoup((site.root / "site" / "index.html").read_text(), "html.parser")


def test_unreviewed_candidates_are_published_only_when_the_config_says_so(tiny_site):
    assert len(build_index(tiny_site).select("article.event")) == 1
    config = tiny_site.root / "timeline.toml"
    config.write_text(config.read_text() + "publish_candidates = true\n")
    page = build_index(tiny_site)
    events = page.select("article.event")
    assert len(events) == 3
    marked = [e for e in events if e.select_one(".extracted")]
    assert len(marked) == 2


def test_the_seed_article_yields_the_candidates_the_spec_names(tmp_path):
    site = tmp_path / "seed"
    (site / "content").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "sources", site / "content" / "sources")
    result = CliRunner().invoke(main, ["extract", "--json", "--site", str(site)])
    found = [json.loads(line) for line in result.output.splitlines()]

    def dated(value, words):
        return any(
            p["date"] == value and all(w in p["sources"][0]["quote"] for w in words) for p in found
        )

    assert dated("2024-11-27", ["offensive they launched on Wednesday", "ceasefire"])
    assert dated("2016", ["army siege", "evacuation"])
    assert any(
        p["date"] == "2020" and p["ongoing"] and "truce" in p["sources"][0]["quote"] for p in found
    )
    assert dated("2024-11-30", ["seized Aleppo’s airport"])
    assert dated("2024-11-29", ["Ankara had issued a statement on Friday"])
    assert dated("2024-12-01", ["Araghchi would travel to Damascus on Sunday"])
    supported = {
        "2015",
        "2016",
        "2020",
        "2024-11-27",
        "2024-11-29",
        "2024-11-30",
        "2024-12-01",
        "2024-12-01T15:00Z",
    }
    assert {p["date"] for p in found} <= supported


def test_a_rebuild_extracts_again_only_the_sources_that_changed(empty_site, monkeypatch):
    import builder.extract as extract

    empty_site.source("wire")
    empty_site.source("agency", SECOND_ARTICLE)
    config = empty_site.root / "timeline.toml"
    config.write_text(config.read_text() + "publish_candidates = true\n")
    extracted = []
    original = extract.source_candidates

    def counted(source):
        extracted.append(source.id)
        return original(source)

    monkeypatch.setattr(extract, "source_candidates", counted)
    build_index(empty_site)
    assert sorted(extracted) == ["agency", "wire"]
    extracted.clear()
    empty_site.source("agency", SECOND_ARTICLE.replace("their offensive", "their assault"))
    rebuilt = (build_index(empty_site), (empty_site.root / "site" / "index.html").read_bytes())
    assert extracted == ["agency"]
    assert any("their assault" in e.get_text() for e in rebuilt[0].select("article.event"))
    assert run(empty_site, "build", "--clean").exit_code == 0
    assert (empty_site.root / "site" / "index.html").read_bytes() == rebuilt[1]


def numbered_dates_article(language: str) -> str:
    return (
        "---\ntitle: Port works\npublisher: Le Courrier\npublished: 2025-03-04\n"
        f"language: {language}\nrights: full\n---\n"
        "The harbour works will start on 12/05/2025, the port authority said.\n\n"
        "The old quay closed on 25/02/2025.\n"
    )


def test_numeric_dates_are_read_in_the_order_of_the_articles_language(empty_site):
    """12/05/2025 is 12 May in French or British English, 5 December in American
    English; 25/02/2025 is 25 February in any of them."""
    empty_site.source("paris", numbered_dates_article("fr"))
    empty_site.source("london", numbered_dates_article("en-GB").replace("Port", "Dock"))
    empty_site.source("boston", numbered_dates_article("en-US").replace("Port", "Pier"))
    found = proposals(empty_site)
    by_source = {}
    for proposal in found:
        for cited in proposal["sources"]:
            by_source.setdefault(cited["source"], set()).add(proposal["date"])
    assert by_source["paris"] == by_source["london"] == {"2025-05-12", "2025-02-25"}
    assert by_source["boston"] == {"2025-12-05", "2025-02-25"}


def test_an_age_before_the_calendar_is_no_candidate_and_no_crash(empty_site):
    empty_site.source(
        "old",
        "---\ntitle: Old town\npublisher: P\npublished: 2024-11-30\nrights: full\n---\n"
        "Farmers settled the valley 7000 years ago, archaeologists said on Friday.\n",
    )
    found = proposals(empty_site)
    assert [p["date"] for p in found] == ["2024-11-29"]


def test_a_source_published_in_a_month_only_gets_no_candidates(empty_site):
    empty_site.source("wire")
    empty_site.source("monthly", SECOND_ARTICLE.replace("2024-11-30T18:00:00+00:00", "2024-11"))
    result = run(empty_site, "extract")
    assert result.exit_code == 0, result.output
    assert (
        "content/sources/monthly.md:4: warning: 'published' names no day (2024-11): the "
        "article's dates cannot be worked out from it"
    ) in result.output
    written = list((empty_site.root / "content" / "candidates").iterdir())
    assert written and all("monthly" not in path.read_text() for path in written)
    (empty_site.root / "timeline.toml").write_text("publish_candidates = true\n")
    result = run(empty_site, "build")
    assert result.exit_code == 0, result.output


def test_extract_does_not_write_through_a_link_out_of_the_site(empty_site, tmp_path):
    empty_site.source("wire")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (empty_site.root / "content" / "candidates").symlink_to(elsewhere, target_is_directory=True)
    result = run(empty_site, "extract")
    assert result.exit_code == 1
    assert "content/candidates:1: this is a link to a place outside the site folder" in (
        result.output
    )
    assert list(elsewhere.iterdir()) == []


def story_article(publisher: str, published: str, *paragraphs: str) -> str:
    body = "\n\n".join(paragraphs)
    return (
        f"---\ntitle: Varna Ridge\npublisher: {publisher}\npublished: {published}\n"
        f"language: en\nrights: full\n---\n{body}\n"
    )


def sources_by_event(found: list[dict], date: str) -> list[list[str]]:
    return sorted(sorted(s["source"] for s in p["sources"]) for p in found if p["date"] == date)


def test_an_offensive_and_a_truce_of_one_day_told_three_ways_are_two_candidates(empty_site):
    """Told in other words by each article, from other publication days, with dates and
    attributions ("the ministry said on Thursday") of their own: one candidate per
    event, each with its three sources, and the two events apart."""
    empty_site.source(
        "meridian",
        story_article(
            "Meridian",
            "2025-03-13T09:30:00+01:00",
            "Government troops launched a major offensive on the rebel-held town of Varna "
            "Ridge yesterday, hours after a separate ceasefire took effect in the eastern "
            "province.",
            "The ceasefire between the army and the Northern Front came into force at "
            "midnight on Wednesday.",
        ),
    )
    empty_site.source(
        "ledger",
        story_article(
            "Ledger",
            "2025-03-14",
            "The army began its assault on Varna Ridge on Wednesday, the defence ministry "
            "said on Thursday.",
            "In the east, a truce between government forces and the Northern Front took "
            "effect on Wednesday.",
        ),
    )
    empty_site.source(
        "kna",
        story_article(
            "KNA",
            "2025-03-20",
            "The army's offensive on Varna Ridge, launched on March 12, has stalled, "
            "officials admitted on Thursday.",
            "Also on March 12, a ceasefire between the army and the Northern Front took "
            "hold in the east.",
        ),
    )
    found = proposals(empty_site)
    assert sources_by_event(found, "2025-03-12") == [
        ["kna", "ledger", "meridian"],
        ["kna", "ledger", "meridian"],
    ]
    for proposal in found:
        quotes = [s["quote"] for s in proposal["sources"]]
        truce = ["truce" in q or q.startswith(("The ceasefire", "Also")) for q in quotes]
        assert all(truce) or not any(truce), quotes


def test_an_event_told_with_other_words_for_the_same_thing_is_one_candidate(empty_site):
    """Told as "began its assault" and "launched a major offensive", "blew up the bridge" and
    "destroyed a bridge" tell of one thing; a meeting that day is another."""
    empty_site.source(
        "meridian",
        story_article(
            "Meridian",
            "2025-03-13T09:30:00+01:00",
            "Government troops launched a major offensive on the rebel-held town of Varna "
            "Ridge yesterday, hours after a separate ceasefire took effect in the eastern "
            "province.",
            "Rebels destroyed a bridge on the Lisk river this morning.",
        ),
    )
    empty_site.source(
        "ledger",
        story_article(
            "Ledger",
            "2025-03-14",
            "The army began its assault on Varna Ridge on Wednesday, the defence ministry "
            "said on Thursday.",
            "The rebels blew up the bridge on Thursday to slow the army's advance, witnesses said.",
            "Prime Minister Ana Velk met the U.N. envoy in the capital on Thursday.",
        ),
    )
    found = proposals(empty_site)
    assert sources_by_event(found, "2025-03-12") == [["ledger", "meridian"]]
    assert sources_by_event(found, "2025-03-13") == [["ledger"], ["ledger", "meridian"]]


def test_a_later_article_on_an_event_leaves_its_candidate_id_and_title_as_they_were(empty_site):
    """The first report of an event names its candidate: an article published later
    that joins it changes neither, whatever its file is called."""
    empty_site.source("wire")
    empty_site.source("agency", SECOND_ARTICLE)
    before = {p["id"]: p for p in proposals(empty_site)}
    empty_site.source(
        "aardvark",
        SECOND_ARTICLE.replace("2024-11-30T18:00:00+00:00", "2024-12-02").replace(
            "Rebels began their offensive on Wednesday",
            "Rebels began their offensive last Wednesday",
        ),
    )
    after = {p["id"]: p for p in proposals(empty_site)}
    assert set(before) <= set(after)
    (joined,) = [p for p in after.values() if len(p["sources"]) == 3]
    assert [s["source"] for s in joined["sources"]][-1] == "aardvark"


def accept_the_candidate_of(site, date: str) -> str:
    """Move the candidate file of `date` to content/events/; its id."""
    (path,) = (site.root / "content" / "candidates").glob(f"{date}-*.md")
    shutil.move(path, site.root / "content" / "events" / path.name)
    return path.stem


def test_a_new_article_on_an_accepted_event_is_proposed_as_a_further_source(empty_site):
    """The editor learns of the new report (one file, naming the event it adds to) rather
    than a second candidate for the event, or nothing; a second run adds nothing more."""
    empty_site.source("wire")
    run(empty_site, "extract")
    accepted = accept_the_candidate_of(empty_site, "2024-11-27")
    empty_site.source("agency", SECOND_ARTICLE)
    (further,) = [p for p in proposals(empty_site) if p["date"] == "2024-11-27"]
    assert [s["source"] for s in further["sources"]] == ["agency"]
    assert further["joins"] == accepted
    written = run(empty_site, "extract").output
    assert "1 new file in" in written and "1 of them further reports" in written
    (path,) = (empty_site.root / "content" / "candidates").glob(f"{further['id']}.md")
    assert f"content/events/{accepted}.md" in path.read_text(encoding="utf-8")
    assert "0 new files" in run(empty_site, "extract").output
    assert run(empty_site, "check").exit_code == 0


def test_a_new_article_on_a_hidden_candidate_is_not_proposed(empty_site):
    empty_site.source("wire")
    run(empty_site, "extract")
    (path,) = (empty_site.root / "content" / "candidates").glob("2024-11-27-*.md")
    path.write_text(path.read_text().replace("---\ndate:", "---\nhidden: true\ndate:", 1))
    empty_site.source("agency", SECOND_ARTICLE)
    assert [p for p in proposals(empty_site) if p["date"] == "2024-11-27"] == []


def candidate_titles(site) -> dict[str, str]:
    """The titles of the candidate files `extract` writes, by the start of their quote."""
    assert run(site, "extract").exit_code == 0
    titles = {}
    for path in (site.root / "content" / "candidates").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        titles[front["sources"][0]["quote"][:12]] = front["title"]
    return titles


def test_a_candidate_title_reads_as_a_headline(empty_site):
    """Cut after whole words and never after a comma or a word such as "the", its quote
    marks and brackets closed, without the sentence's full stop."""
    empty_site.source(
        "quotes",
        story_article(
            "Meridian",
            "2025-03-13",
            "“Hayat Tahrir al-Sham (HTS) and allied factions took control of most of the city "
            "on Wednesday and of the airport,” the monitor said.",
            "Government troops launched a major offensive on the rebel-held town of Varna Ridge, "
            "yesterday, hours after a separate ceasefire took effect.",
            "Talks between the army and the rebels in the capital of the eastern province (the "
            "first since 2019) began on Tuesday.",
            "Rebels destroyed a bridge on the Lisk river on March 11.",
        ),
    )
    assert candidate_titles(empty_site) == {
        "“Hayat Tahri": (
            "“Hayat Tahrir al-Sham (HTS) and allied factions took control of most of the city…”"
        ),
        "Government t": (
            "Government troops launched a major offensive on the rebel-held town of Varna "
            "Ridge, yesterday…"
        ),
        "Talks betwee": (
            "Talks between the army and the rebels in the capital of the eastern province…"
        ),
        "Rebels destr": "Rebels destroyed a bridge on the Lisk river on March 11",
    }


def test_a_month_mention_of_an_event_of_a_day_in_it_joins_that_days_candidate(empty_site):
    """Told as "In June, a shaft collapsed", the collapse of 3 June is told less precisely,
    and as "on Tuesday", that of 23:00 GMT that day: one candidate, at the most precise date,
    with all three sources. Another thing of that June stays apart."""
    empty_site.source(
        "first",
        story_article(
            "First",
            "2025-06-05T08:00:00+02:00",
            "The shaft collapsed at 11 p.m. GMT on Tuesday, trapping twelve miners, the "
            "operator said.",
        ),
    )
    empty_site.source(
        "second",
        story_article(
            "Second",
            "2025-06-06",
            "Twelve miners were trapped when the shaft collapsed on Tuesday.",
        ),
    )
    empty_site.source(
        "monthly",
        story_article(
            "Monthly",
            "2025-07-01",
            "In June, a shaft collapsed at the mine, trapping twelve miners.",
            "The company's shares fell by a third in June.",
        ),
    )
    found = proposals(empty_site)
    assert sources_by_event(found, "2025-06-03T23:00Z") == [["first", "monthly", "second"]]
    assert sources_by_event(found, "2025-06") == [["monthly"]]


def test_a_report_like_only_a_later_one_joins_their_event_all_the_same(empty_site):
    """The second report shares too few words with the first and enough with the third,
    which arrived last: the three are one candidate."""
    empty_site.source(
        "meridian",
        story_article(
            "Meridian",
            "2025-03-13",
            "The ceasefire between the army and the Northern Front came into force at "
            "midnight on Wednesday.",
        ),
    )
    empty_site.source(
        "coastal",
        story_article(
            "Coastal",
            "2025-03-18",
            "The eastern ceasefire, which began on 12 March, is holding, monitors said on Monday.",
        ),
    )
    empty_site.source(
        "kna",
        story_article(
            "KNA",
            "2025-03-20",
            "Also on March 12, a ceasefire between the army and the Northern Front took "
            "hold in the east.",
        ),
    )
    found = proposals(empty_site)
    assert sources_by_event(found, "2025-03-12") == [["coastal", "kna", "meridian"]]


def test_who_reported_an_event_does_not_keep_its_reports_apart(empty_site):
    """ ", aid groups said" and ", the operator said" tell who reported it, not what
    happened: the two reports of families fleeing are one candidate."""
    empty_site.source(
        "wire",
        story_article(
            "Wire", "2024-11-28", "Hundreds of families fled villages west of Aleppo yesterday."
        ),
    )
    empty_site.source(
        "paper",
        story_article(
            "Paper", "2024-11-29", "Families fled the fighting on Wednesday, aid groups said."
        ),
    )
    assert sources_by_event(proposals(empty_site), "2024-11-27") == [["paper", "wire"]]


def test_irregular_forms_of_a_verb_tell_of_one_thing(empty_site):
    """ "Air strikes hit Idlib" and "warplanes struck ... in Idlib", "held talks" and "hold
    talks": one event each."""
    empty_site.source(
        "wire",
        story_article(
            "Wire",
            "2024-12-01",
            "Russian air strikes hit Idlib on 27 November, killing at least 12 people.",
            "The two ministers held talks in Doha on 28 November.",
        ),
    )
    empty_site.source(
        "paper",
        story_article(
            "Paper",
            "2024-11-27T20:00:00+00:00",
            "Russian warplanes struck rebel positions in Idlib today, a monitor said.",
            "The ministers will hold talks in Doha on Thursday.",
        ),
    )
    found = proposals(empty_site)
    assert sources_by_event(found, "2024-11-27") == [["paper", "wire"]]
    assert sources_by_event(found, "2024-11-28") == [["paper", "wire"]]


def test_a_report_of_two_events_of_a_day_does_not_make_them_one(empty_site):
    """ "launched an offensive ... as a ceasefire took effect" is like the report of each:
    the offensive and the ceasefire stay two candidates, and it is a source of both."""
    empty_site.source(
        "first",
        story_article("First", "2024-11-28", "Rebels launched an offensive on Aleppo yesterday."),
    )
    empty_site.source(
        "second",
        story_article(
            "Second",
            "2024-11-29",
            "A ceasefire between Israel and Hezbollah took effect in Lebanon on Wednesday.",
        ),
    )
    empty_site.source(
        "third",
        story_article(
            "Third",
            "2024-11-30",
            "Rebels launched an offensive in Aleppo on Wednesday as a ceasefire between Israel "
            "and Hezbollah took effect in Lebanon.",
        ),
    )
    found = proposals(empty_site)
    assert sources_by_event(found, "2024-11-27") == [["first", "third"], ["second", "third"]]


def test_a_first_report_of_two_events_of_a_day_does_not_make_them_one(empty_site):
    """Published first, the report of both is like each later report, in other words: the
    offensive's report and the ceasefire's stay two candidates, each with the report of
    both."""
    test_a_report_of_two_events_of_a_day_does_not_make_them_one(empty_site)
    third = empty_site.root / "content" / "sources" / "third.md"
    text = third.read_text(encoding="utf-8").replace("2024-11-30", "2024-11-27T20:00:00Z")
    third.write_text(text.replace("on Wednesday as", "today as"), encoding="utf-8")
    found = proposals(empty_site)
    assert sources_by_event(found, "2024-11-27") == [["first", "third"], ["second", "third"]]


def test_an_article_telling_an_event_twice_gives_one_candidate(empty_site):
    """A lede and the article's own list of what happened tell of one ruling: one
    candidate, quoting both; the ruling and the protest of that day stay two."""
    empty_site.source(
        "herald",
        story_article(
            "Herald",
            "2026-02-11",
            "The Supreme Court of Talvia on Tuesday suspended the certification of the "
            "presidential election, citing serious irregularities.",
            "Protesters marched to the court building on Tuesday.",
            "What happened so far:\n\n- Feb. 2: Orin files his petition\n"
            "- Feb. 10: Supreme Court suspends certification",
        ),
    )
    found = proposals(empty_site)
    tuesday = [
        sorted(s["quote"][:24] for s in p["sources"]) for p in found if p["date"] == "2026-02-10"
    ]
    assert sorted(tuesday) == [
        ["Feb. 10: Supreme Court s", "The Supreme Court of Tal"],
        ["Protesters marched to th"],
    ]
    assert run(empty_site, "extract").exit_code == 0
    assert run(empty_site, "check").exit_code == 0


def test_a_long_name_of_who_reported_it_does_not_keep_reports_apart(empty_site):
    empty_site.source(
        "wire",
        story_article(
            "Wire",
            "2024-11-30",
            "Jihadist-led rebels seized Aleppo's airport and dozens of nearby towns on Saturday "
            "after overrunning most of Syria's second city, a war monitor said.",
        ),
    )
    empty_site.source(
        "levant",
        story_article(
            "Levant",
            "2024-12-01",
            "Rebels led by Hayat Tahrir al-Sham captured Aleppo's international airport on "
            "Saturday, the Syrian Observatory for Human Rights said.",
        ),
    )
    assert sources_by_event(proposals(empty_site), "2024-11-30") == [["levant", "wire"]]


def test_an_article_telling_of_another_thing_that_day_does_not_join_its_event(empty_site):
    """One article's second sentence of the day is like another article's report of the
    first, not like its own: the citadel is not the airport."""
    test_a_long_name_of_who_reported_it_does_not_keep_reports_apart(empty_site)
    empty_site.source(
        "levant",
        story_article(
            "Levant",
            "2024-12-01",
            "Rebels led by Hayat Tahrir al-Sham captured Aleppo's international airport on "
            "Saturday, the Syrian Observatory for Human Rights said.",
            "Rebels also seized the city's citadel on Saturday.",
        ),
    )
    assert sources_by_event(proposals(empty_site), "2024-11-30") == [["levant"], ["levant", "wire"]]


def test_a_heading_right_above_its_text_is_not_part_of_the_quote(empty_site):
    """A heading with no blank line under it ("## Offensive begins", "**Ceasefire in the
    east**", "KEY DATES") is a line of its own, not the start of the sentence below it."""
    empty_site.source(
        "headed",
        story_article(
            "Headed",
            "2025-03-14",
            "## Offensive begins\nTroops entered Varna Ridge on Wednesday.",
            "**Ceasefire in the east**\nA truce took effect in the east on Wednesday.",
            "KEY DATES\n- Jan. 5: rebels seize the depot\n- March 13: bridge blown up",
        ),
    )
    quotes = sorted(s["quote"] for p in proposals(empty_site) for s in p["sources"])
    assert quotes == [
        "A truce took effect in the east on Wednesday.",
        "Jan. 5: rebels seize the depot",
        "March 13: bridge blown up",
        "Troops entered Varna Ridge on Wednesday.",
    ]


def test_each_line_of_a_list_of_dates_without_bullets_is_its_own_quote(empty_site):
    empty_site.source(
        "dates",
        story_article(
            "Dates",
            "2025-03-14",
            "Key dates\nJan. 5 — rebels seize the depot\nMarch 12 – army offensive begins\n"
            "13 March: rebels blow up the bridge",
        ),
    )
    quotes = {p["date"]: p["sources"][0]["quote"] for p in proposals(empty_site)}
    assert quotes == {
        "2025-01-05": "Jan. 5 — rebels seize the depot",
        "2025-03-12": "March 12 – army offensive begins",
        "2025-03-13": "13 March: rebels blow up the bridge",
    }


def test_a_fuller_report_joins_an_event_told_briefly_by_one_of_its_reports(empty_site):
    """The event's two reports have only "aid convoy" in common; a third, like the longer
    one in all its words, joins them."""
    empty_site.source(
        "ledger",
        story_article(
            "Ledger",
            "2025-03-14",
            "Key events:\n- Thursday: talks in Kessel\n- Friday: aid convoys are expected",
        ),
    )
    empty_site.source(
        "coastal",
        story_article(
            "Coastal",
            "2025-03-18",
            "On Friday, the first aid convoy reached Varna Ridge, the U.N. said.",
        ),
    )
    empty_site.source(
        "kna",
        story_article(
            "KNA",
            "2025-03-20",
            "The first convoy of aid arrived in Varna Ridge on 14 March, the U.N. said.",
        ),
    )
    assert sources_by_event(proposals(empty_site), "2025-03-14") == [["coastal", "kna", "ledger"]]


def test_a_title_closes_the_quote_its_sentence_leaves_open_and_drops_one_it_closes():
    """A quote spanning sentences leaves a sentence with only its opening or its closing
    mark: the title is balanced all the same."""
    from builder.extract import headline

    assert headline("“The army will not stop until Aleppo is free.") == (
        "“The army will not stop until Aleppo is free”"
    )
    assert headline("Now we wait,” the rescue chief said on Monday.") == (
        "Now we wait, the rescue chief said on Monday"
    )
    assert headline('He said: "We will win." The army advanced on Monday.') == (
        'He said: "We will win." The army advanced on Monday'
    )


def test_the_count_of_further_reports_does_not_call_a_candidate_reviewed(empty_site):
    """A new article's report of an event whose candidate still waits for review joins
    that candidate: the count calls it a further report of an event already proposed, not
    of one already reviewed (it was not)."""
    empty_site.source("wire")
    run(empty_site, "extract")
    empty_site.source("agency", SECOND_ARTICLE)
    written = run(empty_site, "extract").output
    assert "further reports of events already in content/" in written, written
    assert "reviewed" not in written
