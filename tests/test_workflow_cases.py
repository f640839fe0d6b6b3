"""A desk editor's whole workflow on a breaking story: several outlets' articles added
over several days, extracted, reviewed (accepted, edited, merged, hidden), checked and
built, then more articles and a rebuild."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from builder.cli import main
from tests.conftest import TinySite

WIRE_TUESDAY = """\
---
title: Dam bursts in northern Valdoria, thousands flee floods
publisher: Wire Agency
url: https://wire.example.com/world/dam-bursts-valdoria
published: 2026-03-03T18:40:00+00:00
language: en
---
A dam on the Orla river burst on Tuesday, sending a wall of water through the town of \
Brenvik, regional officials said.

The dam, built in 1962, had been under repair since 2023.
"""


def _run(site: TinySite, *args: str):
    return CliRunner().invoke(main, [*args, "--site", str(site.root)])


def _extract(site: TinySite) -> None:
    result = _run(site, "extract")
    assert result.exit_code == 0, result.output


def _candidate_files(site: TinySite) -> dict[str, Path]:
    """The candidate files extract wrote, by the date in their front matter."""
    found = {}
    for path in sorted((site.root / "content" / "candidates").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        found.setdefault(str(front["date"]), path)
    return found


def _accept(site: TinySite, candidate: Path, name: str) -> Path:
    """Move a candidate to content/events/, as an editor accepts it."""
    accepted = site.root / "content" / "events" / f"{name}.md"
    shutil.move(candidate, accepted)
    return accepted


def _page_text(site: TinySite, page: str) -> str:
    html = (site.root / "site" / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def test_an_accepted_candidate_does_not_publish_extracts_note_as_its_summary(empty_site):
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    for page in ("index.html", "events/dam-bursts.html"):
        text = _page_text(empty_site, page)
        assert "A dam on the Orla river burst" in text
        assert "timeline extract" not in text
        assert "write a summary" not in text


AFP_SUNDAY = """\
---
title: Valdoria mourns dam victims
publisher: AFP
published: 2026-03-08T14:20:00+01:00
language: en
---
The dam, completed in 1962, had been undergoing repairs since 2023.
"""


def test_a_report_of_a_hidden_event_is_not_offered_to_another_event_of_its_sentence(
    empty_site,
):
    """One sentence dates two events (the dam built in 1962, repaired since 2023); the
    editor hides the first. A later article telling both proposes nothing for 1962, not a
    further source of the repairs, which are dated 2023."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    built, repairs = _candidate_files(empty_site)["1962"], _candidate_files(empty_site)["2023"]
    built.write_text(built.read_text().replace("extracted: true", "extracted: true\nhidden: true"))
    empty_site.source("afp-sunday", AFP_SUNDAY)
    result = _run(empty_site, "extract", "--json")
    assert result.exit_code == 0, result.output
    proposed = [json.loads(line) for line in result.output.splitlines()]
    assert [(p["date"], p["ongoing"], p.get("joins")) for p in proposed] == [
        ("2023", True, repairs.stem)
    ]


def _article(publisher: str, published: str, *paragraphs: str) -> str:
    """A source file of one outlet: its front matter, then its paragraphs."""
    body = "\n\n".join(paragraphs)
    return (
        f"---\ntitle: Report by {publisher}\npublisher: {publisher}\n"
        f"published: {published}\nlanguage: en\n---\n{body}\n"
    )


def _proposals(site: TinySite) -> list[dict]:
    result = _run(site, "extract", "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _reported_by(proposed: list[dict]) -> list[list[str]]:
    """Each candidate's sources, candidates in date order."""
    return [sorted(s["source"] for s in p["sources"]) for p in proposed]


def test_one_event_told_in_the_words_of_each_newsroom_is_one_candidate(empty_site):
    """A quake that 'struck' in one report 'hit' in another; 'Parliament passed the bill'
    and 'lawmakers approved the legislation'; the prime minister's 'visit' and 'tour'. Two
    other events of the Monday stay apart."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2026-03-10T18:00:00+00:00",
            "A magnitude 6.8 earthquake struck the coastal province on Sunday, killing at "
            "least 40 people.",
            "Parliament passed the pension bill on Monday by 201 votes to 150.",
            "Militants freed two aid workers on Monday.",
            "Prime Minister Anna Kovacs will visit the province on Thursday, her office said.",
        ),
    )
    empty_site.source(
        "broadcaster",
        _article(
            "Broadcaster News",
            "2026-03-11T08:00:00+00:00",
            "A powerful quake hit the coastal province on Sunday, leaving 40 dead.",
            "Lawmakers approved the pension legislation on Monday.",
            "Soldiers shut the main border crossing on Monday.",
            "The prime minister is to tour the stricken province on Thursday.",
        ),
    )
    reported_by = _reported_by(_proposals(empty_site))
    assert sorted(reported_by) == [["broadcaster"]] + [["broadcaster", "wire"]] * 3 + [["wire"]]


def test_a_long_candidates_title_leaves_out_who_said_it_rather_than_cut_into_it(empty_site):
    """'..., the civil protection agency said.' closing a long sentence: the title is
    what happened, whole, not 'by Tuesday evening, the civil…'."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2026-03-03T18:40:00+00:00",
            "Rescue crews evacuated about 4,000 residents from low-lying districts by Tuesday "
            "evening, the civil protection agency said.",
        ),
    )
    (proposed,) = _proposals(empty_site)
    _extract(empty_site)
    front = yaml.safe_load(_candidate_files(empty_site)["2026-03-03"].read_text().split("---")[1])
    assert front["title"] == (
        "Rescue crews evacuated about 4,000 residents from low-lying districts by Tuesday evening"
    )
    assert front["sources"][0]["quote"] == proposed["sources"][0]["quote"]
    assert front["sources"][0]["quote"].endswith("the civil protection agency said.")


def test_a_dam_that_burst_in_one_report_and_failed_in_another_is_one_candidate(empty_site):
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    empty_site.source(
        "guardian",
        _article(
            "The Guardian",
            "2026-03-05T11:00:00+00:00",
            "When the Orla dam failed on Tuesday morning, residents of Brenvik had minutes to "
            "escape.",
        ),
    )
    tuesday = [p for p in _proposals(empty_site) if p["date"] == "2026-03-03"]
    assert _reported_by(tuesday) == [["guardian", "wire-tuesday"]]


def _chronology_titles(site: TinySite) -> list[str]:
    html = (site.root / "site" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    return [title.get_text(" ", strip=True) for title in page.select(".event-title")]


def test_a_further_report_awaiting_review_is_not_listed_again_beside_its_event(empty_site):
    """With publish_candidates, a later article's report of an accepted event is proposed
    as a further source of it; until the editor adds it there, it is not listed as an
    event of its own, the same event twice. A new event of that article is listed."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    front, body = accepted.read_text().split("---\n")[1:]
    front = re.sub(r"(?m)^title: .*$", "title: Orla dam bursts", front)
    accepted.write_text(f"---\n{front}---\n{body}")
    empty_site.source(
        "afp-sunday",
        _article(
            "AFP",
            "2026-03-08T14:20:00+01:00",
            "The dam on the Orla river burst on March 3, sending a wall of water through Brenvik.",
            "Parliament will open an inquiry into the disaster on Wednesday.",
        ),
    )
    _extract(empty_site)
    config = empty_site.root / "timeline.toml"
    config.write_text(config.read_text() + "publish_candidates = true\n")
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    titles = _chronology_titles(empty_site)
    assert [t for t in titles if "burst" in t] == ["Orla dam bursts"]
    assert "Parliament will open an inquiry into the disaster on Wednesday" in titles


def test_a_sentence_telling_two_events_is_a_source_of_each(empty_site):
    """The wire's 'launched an offensive on Wednesday, the day a ceasefire took effect in
    Lebanon' reports both: the offensive (accepted, with another paper's report) and the
    ceasefire that a third article reports the next day, whose candidate cites both
    articles and is a new event, not a further report of the offensive."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2024-11-30T10:00:00+00:00",
            "Rebels launched a lightning offensive on Wednesday, the day a ceasefire took "
            "effect in Lebanon.",
        ),
    )
    empty_site.source(
        "paper",
        _article(
            "Daily Paper", "2024-11-30T12:00:00+00:00", "The rebel offensive began on Wednesday."
        ),
    )
    _extract(empty_site)
    _accept(empty_site, _candidate_files(empty_site)["2024-11-27"], "offensive")
    empty_site.source(
        "broadcaster",
        _article(
            "Broadcaster News",
            "2024-12-01T08:00:00+00:00",
            "A ceasefire between Israel and Hezbollah took effect in Lebanon on Wednesday.",
        ),
    )
    (ceasefire,) = _proposals(empty_site)
    assert "joins" not in ceasefire
    assert ceasefire["sources"][0]["quote"].startswith("A ceasefire between Israel")
    assert _reported_by([ceasefire]) == [["broadcaster", "wire"]]


LIVE_BLOG = """\
---
title: "Valdoria dam collapse: live updates"
publisher: The Guardian
published: 2026-03-06T22:00:00+00:00
url: https://www.theguardian.example/world/live/2026/mar/06/valdoria-dam-live
language: en-GB
rights: full
---
The _Orla_ dam burst on **Tuesday**, officials said.
"""


def test_markdown_emphasis_in_an_article_is_not_in_its_title_or_its_text_fragment(empty_site):
    """A Markdown article's '**Tuesday**' is bold on the newsroom's page, whose words the
    text fragment must match: no asterisks there, nor in the candidate's title."""
    empty_site.source("live", LIVE_BLOG)
    (proposed,) = _proposals(empty_site)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    front = yaml.safe_load(accepted.read_text().split("---")[1])
    assert front["title"] == "The Orla dam burst on Tuesday, officials said"
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    page = (empty_site.root / "site" / "events" / "dam-bursts.html").read_text()
    link = BeautifulSoup(page, "html.parser").find("a", string="original article")["href"]
    assert link.endswith("#:~:text=The%20Orla%20dam%20burst%20on%20Tuesday%2C%20officials%20said.")


def test_check_warns_when_a_further_report_is_accepted_as_an_event_of_its_own(empty_site):
    """The editor moves a candidate proposed as a further source of an accepted event to
    content/events/ instead of copying its source there: check says so, at its line."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    empty_site.source(
        "afp-sunday",
        _article(
            "AFP",
            "2026-03-08T14:20:00+01:00",
            "The dam on the Orla river burst on March 3, sending a wall of water through Brenvik.",
        ),
    )
    _extract(empty_site)
    further = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "afp-report")
    result = _run(empty_site, "check")
    assert result.exit_code == 0, result.output
    line = further.read_text().splitlines().index("joins: dam-bursts") + 1
    assert f"content/events/afp-report.md:{line}:" in result.output
    assert "dam-bursts" in result.output.split(f"afp-report.md:{line}:")[1].splitlines()[0]


def test_one_event_told_in_other_words_by_a_third_article_is_not_cited_twice(empty_site):
    """A strike on a power plant, told three ways: an article too unlike the other two to
    join them does not take one of theirs as its own as well (the wire's sentence tells
    of one event, not two)."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2025-01-08T16:00:00+00:00",
            "Russian missiles struck an energy facility in western Ukraine on Wednesday, "
            "cutting power to 200,000 homes, regional officials said.",
        ),
    )
    empty_site.source(
        "agency",
        _article(
            "Other Agency",
            "2025-01-09T05:00:00+00:00",
            "A Russian missile attack on an energy plant in western Ukraine left 200,000 "
            "households without electricity on Wednesday.",
        ),
    )
    empty_site.source(
        "broadcaster",
        _article(
            "Broadcaster News",
            "2025-01-09T09:00:00+00:00",
            "On Wednesday, a Russian strike hit a power station in the Lviv region, officials "
            "said.",
        ),
    )
    cited = [s["source"] for p in _proposals(empty_site) for s in p["sources"]]
    assert sorted(cited) == ["agency", "broadcaster", "wire"]


def test_a_vote_and_job_cuts_told_in_each_newsrooms_words_are_one_candidate_each(empty_site):
    """'Voters went to the polls' and 'voted'; a 'company' that will 'cut' jobs and a
    'firm' that will 'axe' them."""
    empty_site.source(
        "paper",
        _article(
            "Daily Paper",
            "2025-06-12T22:00:00+00:00",
            "Voters in Moldova went to the polls on Sunday in a referendum on joining the "
            "European Union.",
            "The company said on Thursday it would cut 4,000 jobs, about 5 percent of its "
            "workforce.",
        ),
    )
    empty_site.source(
        "guardian",
        _article(
            "The Guardian",
            "2025-06-13T08:00:00+01:00",
            "Moldovans voted on Sunday in a referendum on EU membership.",
            "The firm announced on Thursday that it will axe 4,000 posts.",
        ),
    )
    assert _reported_by(_proposals(empty_site)) == [["guardian", "paper"]] * 2


def test_a_new_report_of_an_event_the_editor_redated_joins_it(empty_site):
    """The wire said the dam burst on Tuesday; the editor, knowing better, dated the
    accepted event to Monday 2 March. A later article telling of the burst on Monday is a
    further source of that event, not a new candidate beside it."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    accepted.write_text(accepted.read_text().replace("date: '2026-03-03'", "date: '2026-03-02'"))
    empty_site.source(
        "afp-sunday",
        _article(
            "AFP",
            "2026-03-08T14:20:00+01:00",
            "The dam on the Orla river burst late on Monday, March 2, sending a wall of water "
            "through Brenvik.",
        ),
    )
    (monday,) = [p for p in _proposals(empty_site) if p["date"] == "2026-03-02"]
    assert monday.get("joins") == "dam-bursts"
    assert _reported_by([monday]) == [["afp-sunday"]]


def test_a_candidates_title_does_not_open_with_the_word_linking_it_to_the_sentence_before(
    empty_site,
):
    """'But on Tuesday the central bank held rates ...', 'However, ...', 'Meanwhile, ...':
    a headline stands alone."""
    empty_site.source(
        "ft",
        _article(
            "Financial Paper",
            "2025-06-11T22:00:00+00:00",
            "Markets had expected a cut. But on Tuesday the central bank held rates at 4.25 per "
            "cent.",
            "However, on Monday the finance ministry had asked for lower borrowing costs.",
            "Meanwhile, the currency fell to a record low on Wednesday.",
        ),
    )
    titles = sorted(p["title"] for p in _proposal_titles(empty_site))
    assert titles == [
        "On Monday the finance ministry had asked for lower borrowing costs",
        "On Tuesday the central bank held rates at 4.25 per cent",
        "The currency fell to a record low on Wednesday",
    ]


def _proposal_titles(site: TinySite) -> list[dict]:
    """The front matter of each candidate file extract writes."""
    _extract(site)
    folder = site.root / "content" / "candidates"
    return [yaml.safe_load(path.read_text().split("---")[1]) for path in folder.glob("*.md")]


def test_markdown_emphasis_in_an_article_shows_as_emphasis_not_as_marks(empty_site):
    """The quote of '**Tuesday**' in the chronology and the article's paragraph on its
    source page read 'Tuesday', in bold, as on the newsroom's page."""
    empty_site.source("live", LIVE_BLOG)
    _extract(empty_site)
    _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    for page, where in (("index.html", "blockquote"), ("sources/live.html", "p#p1 mark")):
        html = (empty_site.root / "site" / page).read_text(encoding="utf-8")
        (shown,) = BeautifulSoup(html, "html.parser").select(where)
        assert "The Orla dam burst on Tuesday, officials said." in shown.get_text()
        assert shown.find("strong").get_text() == "Tuesday"


def test_a_removed_article_names_the_candidates_still_citing_it_and_what_to_do(empty_site):
    """The desk takes down an article (a retraction, a legal demand): the candidates
    extracted from it stop the build, each named at its line with the way out."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    (empty_site.root / "content" / "sources" / "wire-tuesday.md").unlink()
    result = _run(empty_site, "check")
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if "wire-tuesday" in line]
    assert len(problems) == 3
    for line in problems:
        assert line.startswith("content/candidates/") or "content/candidates/" in line
        assert ".md:" in line and "delete this candidate" in line


def test_a_candidates_title_drops_a_linking_but_followed_by_a_comma(empty_site):
    empty_site.source(
        "ft",
        _article(
            "Financial Paper",
            "2025-06-11T22:00:00+00:00",
            "Markets had expected a cut. But, on Tuesday, the central bank held rates.",
        ),
    )
    titles = [p["title"] for p in _proposal_titles(empty_site)]
    assert titles == ["On Tuesday, the central bank held rates"]


def test_strikes_of_one_day_in_two_named_cities_stay_two_candidates(empty_site):
    """An air strike on a market in Hama and one on a hospital in Homs, both on Tuesday, told
    in much the same words: two events, each named where it happened. A third report of
    the Hama strike joins it; one placing its strike 'in the Syrian city of Hama' and
    another 'in northern Syria' do not name different places."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2025-03-12T10:00:00+00:00",
            "An air strike hit a market in Hama on Tuesday, killing 12 people, a monitor said.",
        ),
    )
    empty_site.source(
        "paper",
        _article(
            "Daily Paper",
            "2025-03-12T12:00:00+00:00",
            "An air strike on a hospital in Homs on Tuesday killed eight people.",
        ),
    )
    empty_site.source(
        "broadcaster",
        _article(
            "Broadcaster News",
            "2025-03-12T14:00:00+00:00",
            "Twelve people were killed when warplanes struck a market in the city of Hama on "
            "Tuesday.",
        ),
    )
    assert sorted(_reported_by(_proposals(empty_site))) == [["broadcaster", "wire"], ["paper"]]


def test_a_strike_placed_in_a_city_and_in_its_country_stays_one_candidate(empty_site):
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2025-03-12T10:00:00+00:00",
            "An air strike hit a market in the Syrian city of Hama on Tuesday, killing 12 people.",
        ),
    )
    empty_site.source(
        "paper",
        _article(
            "Daily Paper",
            "2025-03-12T12:00:00+00:00",
            "An air strike on a market in northern Syria on Tuesday killed 12 people.",
        ),
    )
    assert _reported_by(_proposals(empty_site)) == [["paper", "wire"]]


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


AFP_THURSDAY = _article(
    "AFP",
    "2026-03-05T18:40:00+00:00",
    "The Orla dam burst on Tuesday, flooding Brenvik.",
)


def test_a_new_report_of_an_event_whose_candidate_nobody_touched_is_listed_in_it(empty_site):
    """The wire's candidate waits, as extract wrote it, when AFP's report of the burst
    arrives: the next extract lists AFP's sentence among that candidate's sources, rather
    than in a file of its own for the editor to copy across."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    candidate = _candidate_files(empty_site)["2026-03-03"]
    empty_site.source("afp-thursday", AFP_THURSDAY)
    result = _run(empty_site, "extract")
    assert result.exit_code == 0, result.output
    assert "1 file updated" in result.output
    tuesday = [p for p in (empty_site.root / "content" / "candidates").glob("2026-03-03-*")]
    assert tuesday == [candidate]
    front = _front(candidate)
    assert [s["source"] for s in front["sources"]] == ["wire-tuesday", "afp-thursday"]
    assert "joins" not in front
    assert _run(empty_site, "check").exit_code == 0


def test_a_new_report_of_an_event_whose_candidate_the_editor_edited_is_a_file_of_its_own(
    empty_site,
):
    """Once the editor has changed the candidate (here its title), extract leaves it as it
    is and proposes AFP's report in a file naming it."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    candidate = _candidate_files(empty_site)["2026-03-03"]
    edited = re.sub(r"(?m)^title: .*$", "title: Orla dam bursts", candidate.read_text())
    candidate.write_text(edited)
    empty_site.source("afp-thursday", AFP_THURSDAY)
    _extract(empty_site)
    assert candidate.read_text() == edited
    (further,) = [
        path
        for path in (empty_site.root / "content" / "candidates").glob("2026-03-03-*")
        if path != candidate
    ]
    assert _front(further)["joins"] == candidate.stem


def test_a_candidate_copied_rather_than_moved_to_events_is_named_to_delete(empty_site):
    """The editor accepts a candidate by copying it to content/events/ and editing the
    copy: check says to delete the candidate left behind, first, rather than only to
    rename one of the two (which would publish the event twice)."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    candidate = _candidate_files(empty_site)["2026-03-03"]
    accepted = empty_site.root / "content" / "events" / candidate.name
    accepted.write_text(re.sub(r"(?m)^title: .*$", "title: Orla dam bursts", candidate.read_text()))
    result = _run(empty_site, "check")
    assert result.exit_code == 1
    (problem,) = [line for line in result.output.splitlines() if candidate.stem in line]
    assert f"content/candidates/{candidate.name}:1:" in problem
    assert "delete this file" in problem.split("rename")[0]


def test_a_long_candidates_title_is_its_main_clause_whole_rather_than_cut(empty_site):
    """'..., killing at least 37 people and ...' and '..., when more than 200 people died'
    follow what happened: the title is what comes before them, whole, not cut off at its
    fourteenth word ('... early on Tuesday, killing at least 37…')."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2026-04-14T09:12:00+00:00",
            "A magnitude 6.9 earthquake struck southern Nerovia early on Tuesday, killing at "
            "least 37 people and flattening buildings in the port city of Salvento.",
            "The region was last hit by a major quake in 1987, when more than 200 people died.",
        ),
    )
    titles = sorted(p["title"] for p in _proposal_titles(empty_site))
    assert titles == [
        "A magnitude 6.9 earthquake struck southern Nerovia early on Tuesday",
        "The region was last hit by a major quake in 1987",
    ]


def test_an_accepted_event_without_a_summary_gives_its_date_once_in_the_feed(empty_site):
    """The editor accepts a candidate without writing a summary: the Atom entry's summary
    is the date, '3 March 2026', not '3 March 2026: 3 March 2026'."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    feed = (empty_site.root / "site" / "feed.xml").read_text(encoding="utf-8")
    (summary,) = re.findall(r"<summary>(.*)</summary>", feed)
    assert summary == "3 March 2026"


def _article_in(language: str, publisher: str, published: str, *paragraphs: str) -> str:
    """A source file of one outlet writing in `language`."""
    return _article(publisher, published, *paragraphs).replace(
        "language: en\n", f"language: {language}\n"
    )


def test_french_and_spanish_reports_join_by_what_they_tell_not_by_their_little_words(
    empty_site,
):
    """Four French reports of 14 April share 'les', 'une', 'dans', 'ont': a fire, arrests
    and a strike told twice are three candidates, not one. Le Monde's 'séisme' that
    'a fait 84 morts' and Libération's 'tremblement de terre' that 'a tué 84 personnes' are
    one; so are El País's 'terremoto' and El Mundo's 'sismo'."""
    french = [
        ("lemonde", "Les pompiers ont éteint un incendie dans une usine de la banlieue de Lyon "
         "mardi 14 avril."),
        ("figaro", "Les policiers ont arrêté deux suspects dans une affaire de fraude dans la "
         "banlieue de Lyon mardi 14 avril."),
        ("ouest", "Les syndicats ont appelé à une grève dans les transports pour le mardi 14 "
         "avril."),
        ("sudouest", "Une grève des transports a paralysé la ville le mardi 14 avril, selon les "
         "syndicats."),
        ("liberation", "Le tremblement de terre du 14 avril a tué au moins 84 personnes dans le "
         "sud de la Nérovie."),
        ("lemonde-seisme", "Le séisme qui a frappé le sud de la Nérovie le 14 avril a fait au "
         "moins 84 morts dans les villages de la région."),
    ]  # fmt: skip
    for number, (name, text) in enumerate(french):
        empty_site.source(name, _article_in("fr", name, f"2026-04-15T1{number}:00:00+02:00", text))
    spanish = [
        ("elpais", "Un terremoto de magnitud 6,9 sacudió el sur de Nerovia el 14 de abril y "
         "causó al menos 40 muertos."),
        ("elmundo", "Un sismo de 6,9 grados mató a 40 personas en el sur de Nerovia el 14 de "
         "abril."),
    ]  # fmt: skip
    for name, text in spanish:
        empty_site.source(name, _article_in("es", name, "2026-04-15T09:00:00+02:00", text))
    assert sorted(_reported_by(_proposals(empty_site))) == [
        ["elmundo", "elpais"],
        ["figaro"],
        ["lemonde"],
        ["lemonde-seisme", "liberation"],
        ["ouest", "sudouest"],
    ]


def test_a_further_report_copied_into_its_event_but_not_deleted_is_named_to_delete(
    empty_site,
):
    """The editor copies AFP's report into the accepted event, as its candidate file says,
    but leaves that file: check names it, at its quote, as done with."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    empty_site.source("afp-thursday", AFP_THURSDAY)
    _extract(empty_site)
    further = _candidate_files(empty_site)["2026-03-03"]
    (report,) = _front(further)["sources"]
    front, body = accepted.read_text().split("---\n")[1:]
    front = front.replace(
        "sources:\n", f"sources:\n- source: {report['source']}\n  quote: {report['quote']}\n"
    )
    accepted.write_text(f"---\n{front}---\n{body}")
    result = _run(empty_site, "check")
    assert result.exit_code == 0, result.output
    line = further.read_text().splitlines().index(f"  quote: {report['quote']}") + 1
    (warning,) = [row for row in result.output.splitlines() if further.name in row]
    assert f"content/candidates/{further.name}:{line}:" in warning
    assert "content/events/dam-bursts.md" in warning and "delete this file" in warning


def test_the_sample_of_init_left_beside_the_desks_articles_is_named(tmp_path):
    """A new site from `timeline init`, the desk's first article added and an event
    accepted: check names the sample article and events init wrote, still unchanged, which
    would be published with the story, and the sample's example.org address."""
    folder = tmp_path / "quake"
    assert CliRunner().invoke(main, ["init", str(folder)]).exit_code == 0
    (folder / "content" / "sources" / "wire-tuesday.md").write_text(WIRE_TUESDAY)
    result = CliRunner().invoke(main, ["check", "--site", str(folder)])
    assert result.exit_code == 0, result.output
    named = {line.split(":")[0] for line in result.output.splitlines() if "timeline init" in line}
    assert named == {
        "timeline.toml",
        "content/sources/sample-article.md",
        "content/events/2025-03-13-bridge-reopens.md",
        "content/events/2023-03-bridge-repairs-begin.md",
    }
    (folder / "content" / "sources" / "sample-article.md").unlink()
    for event in (folder / "content" / "events").glob("*.md"):
        event.unlink()
    config = folder / "timeline.toml"
    config.write_text(config.read_text().replace("example.org/timeline", "news.example/quake"))
    result = CliRunner().invoke(main, ["check", "--site", str(folder)])
    assert result.exit_code == 0, result.output
    assert "timeline init" not in result.output


def test_a_hotel_siege_told_by_four_newsrooms_in_their_words_is_one_candidate(empty_site):
    """'Gunmen stormed a hotel ... took dozens of guests hostage', 'Armed men seized dozens
    of hostages at a hotel', 'guests were taken hostage when gunmen attacked', and
    'Assailants raided a luxury hotel ..., holding guests captive': one siege."""
    reports = [
        ("wire", "Gunmen stormed a hotel in the port city of Calda on Sunday and took dozens "
         "of guests hostage."),
        ("paper", "Armed men seized dozens of hostages at a hotel in Calda on Sunday."),
        ("broadcaster", "Dozens of guests were taken hostage when gunmen attacked a seafront "
         "hotel in Calda on Sunday night."),
        ("agency", "Assailants raided a luxury hotel in Calda on Sunday, holding guests "
         "captive."),
    ]  # fmt: skip
    for number, (name, text) in enumerate(reports):
        empty_site.source(name, _article(name, f"2026-05-04T2{number}:00:00+00:00", text))
    assert _reported_by(_proposals(empty_site)) == [["agency", "broadcaster", "paper", "wire"]]


def test_a_long_candidates_title_keeps_the_clause_telling_its_date(empty_site):
    """In '"We have lost everything," said Maria Lenz, 54, whose house in Salvento
    collapsed on Tuesday.' what happened on Tuesday follows ', whose': the title is not cut
    there, to a quote and who said it."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2026-04-16T10:00:00+00:00",
            '"We have lost everything," said Maria Lenz, 54, whose house in Salvento '
            "collapsed on Tuesday.",
        ),
    )
    (front,) = _proposal_titles(empty_site)
    assert "collapsed" in front["title"]


def test_a_candidates_title_leaves_out_the_mark_of_a_list_item(empty_site):
    """An article's list of what happened ('* The central bank cut rates on Wednesday.',
    '– Rescue teams ... arrived on Wednesday.'): each title is the item, without its mark."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2026-04-16T10:00:00+00:00",
            "* The central bank cut rates on Wednesday.",
            "– Rescue teams from six countries arrived in Salvento on Wednesday.",
            "• Schools in the province stayed shut on Thursday.",
        ),
    )
    titles = sorted(front["title"] for front in _proposal_titles(empty_site))
    assert titles == [
        "Rescue teams from six countries arrived in Salvento on Wednesday",
        "Schools in the province stayed shut on Thursday",
        "The central bank cut rates on Wednesday",
    ]


def test_the_text_fragment_of_a_quoted_list_item_leaves_out_its_mark(empty_site):
    """The newsroom's page shows '* The central bank cut rates on Wednesday.' as a bullet
    and its words: the link to the sentence names the words, not '* ' (%2A%20), which the
    page does not have and a browser would not find."""
    empty_site.source(
        "wire",
        "---\ntitle: Key events\npublisher: Wire Agency\nurl: https://wire.example/key\n"
        "published: 2026-04-16T10:00:00+00:00\nlanguage: en\n---\n"
        "* The central bank cut rates on Wednesday.\n",
    )
    _extract(empty_site)
    _accept(empty_site, _candidate_files(empty_site)["2026-04-15"], "rate-cut")
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    page = (empty_site.root / "site" / "events" / "rate-cut.html").read_text()
    link = BeautifulSoup(page, "html.parser").find("a", string="original article")["href"]
    assert link.endswith("#:~:text=The%20central%20bank%20cut%20rates%20on%20Wednesday.")


def test_a_strike_placed_in_a_city_and_in_the_countrys_second_city_stays_one_candidate(
    empty_site,
):
    """'in Kharkiv' and 'in Ukraine's second city' do not name two places: the country's
    name there tells which city, it is not where the strike was."""
    empty_site.source(
        "wire",
        _article(
            "Wire Agency",
            "2025-03-12T10:00:00+00:00",
            "A missile hit an apartment block in Kharkiv on Tuesday, killing seven people.",
        ),
    )
    empty_site.source(
        "paper",
        _article(
            "Daily Paper",
            "2025-03-12T12:00:00+00:00",
            "A Russian missile struck an apartment block in Ukraine's second city on Tuesday, "
            "killing seven people.",
        ),
    )
    assert _reported_by(_proposals(empty_site)) == [["paper", "wire"]]


def test_a_figure_two_reports_give_helps_join_them(empty_site):
    """Three reports of Wednesday's magnitude 5.4 aftershock: the BBC's, in words of its
    own, shares the figure 5.4 with the others, and is the same aftershock."""
    reports = [
        ("afp", "A 5.4-magnitude aftershock on Wednesday brought down several damaged "
         "buildings."),
        ("guardian", "On Wednesday a 5.4 aftershock shook the region, bringing down buildings "
         "already weakened."),
        ("bbc", "A strong aftershock measuring 5.4 shook the region on Wednesday afternoon, "
         "causing further damage."),
    ]  # fmt: skip
    for number, (name, text) in enumerate(reports):
        empty_site.source(name, _article(name, f"2026-04-16T1{number}:00:00+00:00", text))
    assert _reported_by(_proposals(empty_site)) == [["afp", "bbc", "guardian"]]


def test_every_problem_check_prints_starts_with_its_file_and_line(empty_site):
    """An editor's tools (a quickfix list, a CI annotation) read 'path:line: message'
    lines: the first problem is one too, not 'Error: path:line: ...'; the count closes."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    accepted.write_text(
        accepted.read_text().replace("date: '2026-03-03'", "date: '2026-13-03'"),
    )
    (empty_site.root / "content" / "events" / "stub.md").write_text("---\ntitle: Stub\n---\n")
    result = _run(empty_site, "check")
    assert result.exit_code == 1
    *problems, summary = result.output.splitlines()
    assert len(problems) >= 2
    for line in problems:
        assert re.match(r"content/events/[\w-]+\.md:\d+: ", line), line
    assert summary.endswith("nothing was written.")


def test_a_sentence_that_only_follows_a_days_event_is_not_dated_to_that_day(empty_site):
    """'Rescuers are digging through the rubble after Tuesday's earthquake': Tuesday is the
    quake's day, not the digging's, which the sentence does not date; no candidate puts
    the digging on Tuesday. 'Schools reopened on Thursday following Tuesday's quake' is
    Thursday's."""
    empty_site.source(
        "bbc",
        _article(
            "BBC News",
            "2026-04-17T07:30:00+01:00",
            "Rescuers in southern Nerovia are digging through the rubble of collapsed homes "
            "after Tuesday's earthquake.",
            "Schools in Salvento reopened on Thursday following Tuesday’s quake.",
        ),
    )
    assert [(p["date"], p["sources"][0]["quote"][:7]) for p in _proposals(empty_site)] == [
        ("2026-04-16", "Schools")
    ]


def test_a_further_report_of_an_event_since_renamed_is_named_at_its_joins_line(empty_site):
    """The editor renames the accepted event's file after extract proposed AFP's report
    as a further source of it: check says, at the candidate's 'joins' line, that no event
    has that id any more, rather than leave it to be published as an event of its own."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    empty_site.source("afp-thursday", AFP_THURSDAY)
    _extract(empty_site)
    further = _candidate_files(empty_site)["2026-03-03"]
    accepted.rename(accepted.with_name("orla-dam.md"))
    result = _run(empty_site, "check")
    assert result.exit_code == 0, result.output
    line = further.read_text().splitlines().index("joins: dam-bursts") + 1
    (warning,) = [row for row in result.output.splitlines() if further.name in row]
    assert f"content/candidates/{further.name}:{line}: warning:" in warning
    assert "'dam-bursts'" in warning


def test_a_visit_to_the_worst_hit_villages_on_friday_is_ahead(empty_site):
    """'hit' in 'worst-hit villages' (as 'war-torn', 'closed-door') is part of a word
    describing them, no past verb: 'will visit the worst-hit villages on Friday', written
    on Thursday 16 April, is Friday 17 April, not the Friday gone."""
    empty_site.source(
        "afp",
        _article(
            "AFP",
            "2026-04-16T11:05:00+00:00",
            "Prime Minister Elena Voss will visit the worst-hit villages on Friday.",
            "Ministers will hold closed-door talks on Saturday.",
        ),
    )
    assert [p["date"] for p in _proposals(empty_site)] == ["2026-04-17", "2026-04-18"]


def test_a_named_subjects_clause_between_commas_keeps_its_own_tense(empty_site):
    """'Prime Minister Elena Voss, who declared a state of emergency on Tuesday, will
    visit ... on Friday' (Thu 16 April): the declaration is the Tuesday gone, 14 April, as
    with 'The minister, who ...'; not Tuesday 21 April, from the 'will visit' after it."""
    empty_site.source(
        "afp",
        _article(
            "AFP",
            "2026-04-16T11:05:00+00:00",
            "Prime Minister Elena Voss, who declared a state of emergency on Tuesday, will "
            "visit the worst-hit villages on Friday.",
        ),
    )
    assert sorted(p["date"] for p in _proposals(empty_site)) == ["2026-04-14", "2026-04-17"]


def test_a_further_report_of_an_event_the_editor_then_hid_is_not_published(empty_site):
    """AFP's report was proposed as a further source of the accepted dam burst; the editor
    then hides the event (it proved false). With publish_candidates, the report is not
    listed as an unreviewed event of its own: the editor refused what it reports."""
    empty_site.source("wire-tuesday", WIRE_TUESDAY)
    _extract(empty_site)
    accepted = _accept(empty_site, _candidate_files(empty_site)["2026-03-03"], "dam-bursts")
    empty_site.source("afp-thursday", AFP_THURSDAY)
    _extract(empty_site)
    accepted.write_text(
        accepted.read_text().replace("extracted: true", "extracted: true\nhidden: true")
    )
    config = empty_site.root / "timeline.toml"
    config.write_text(config.read_text() + "publish_candidates = true\n")
    result = _run(empty_site, "build")
    assert result.exit_code == 0, result.output
    assert [t for t in _chronology_titles(empty_site) if "burst" in t] == []
    further = _candidate_files(empty_site)["2026-03-03"]
    line = further.read_text().splitlines().index("joins: dam-bursts") + 1
    assert f"content/candidates/{further.name}:{line}: warning:" in result.output


def test_a_preview_build_that_crashes_says_it_is_a_bug_without_a_traceback(monkeypatch):
    """A bug in a build run by `timeline serve` is told in the page and the terminal as
    every command tells one, a message saying what and that it is a bug, not a Python
    traceback (TIMELINE_DEBUG=1 shows it, as for the other commands)."""
    from builder.serve import Rebuilder

    def crashing_build() -> str:
        return str(1 / 0)

    told: list[str] = []
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    rebuilder = Rebuilder(crashing_build, told.append)
    assert rebuilder.run() is False
    for shown in (rebuilder.status.error, told[0]):
        assert "Traceback" not in shown
        assert "ZeroDivisionError: division by zero" in shown
        assert "This is a bug in timeline" in shown
    monkeypatch.setenv("TIMELINE_DEBUG", "1")
    rebuilder.run()
    assert "Traceback" in rebuilder.status.error
