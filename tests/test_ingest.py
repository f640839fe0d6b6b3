"""`timeline add`: saved pages, source files and feeds into content/sources/."""

from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import main
from builder.fetch import FetchError
from builder.frontmatter import parse_front_matter
from builder.ingest import Options, ingest

from .conftest import ARTICLE, TinySite

PAGES = Path(__file__).parent / "data" / "ingest"
HARBOUR = PAGES / "harbour-reopens.html"
FERRY = PAGES / "ferry-timetable.html"
UNDATED = PAGES / "undated-notice.html"


def sources(site: TinySite) -> dict[str, str]:
    folder = site.root / "content" / "sources"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def added_file(outcome) -> tuple[dict, str]:
    front = parse_front_matter(outcome.path.read_text(encoding="utf-8"))
    return front.data, front.body


def test_saved_page_becomes_a_source_file(empty_site: TinySite) -> None:
    [outcome] = ingest(empty_site.root, [str(HARBOUR)])
    assert outcome.status == "added"
    assert outcome.path.name == "2024-03-12-harbour-reopens-after-storm-repairs.md"
    data, body = added_file(outcome)
    assert data == {
        "title": "Harbour reopens after storm repairs",
        "publisher": "The Coastal Ledger",
        "url": "https://ledger.example/news/2024/03/harbour-reopens",
        "published": "2024-03-12T09:30:00+01:00",
        "author": "Mira Holt",
        "language": "en",
        "rights": "excerpts",
    }
    paragraphs = body.strip().split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("The eastern harbour reopened to fishing boats")
    for boilerplate in ("Subscribe", "cookies", "Most read", "Copyright", "Privacy"):
        assert boilerplate not in body
    result = CliRunner().invoke(main, ["check", "--site", str(empty_site.root)])
    assert result.exit_code == 0, result.output


def test_page_with_only_a_day_and_og_url(empty_site: TinySite) -> None:
    [outcome] = ingest(empty_site.root, [str(FERRY)], Options(rights="link"))
    data, _ = added_file(outcome)
    assert data["published"] == "2023-10-05"
    assert data["url"] == "https://gazette.example/2023/island-ferry-winter-crossing/"
    assert data["language"] == "en-GB"
    assert data["author"] == "Tomas Reyes"
    assert data["rights"] == "link"


def test_undated_page_is_refused_unless_a_date_is_given(empty_site: TinySite) -> None:
    [outcome] = ingest(empty_site.root, [str(UNDATED)])
    assert outcome.status == "failed"
    assert "no publication date" in outcome.message and "--published" in outcome.message
    assert sources(empty_site) == {}
    [outcome] = ingest(empty_site.root, [str(UNDATED)], Options(published="2024-02-01"))
    data, _ = added_file(outcome)
    assert data["published"] == "2024-02-01"
    assert "url" not in data  # the page has no address: none is invented


def test_same_article_twice_is_skipped(empty_site: TinySite, tmp_path: Path) -> None:
    ingest(empty_site.root, [str(HARBOUR)])
    before = sources(empty_site)
    moved = tmp_path / "copy.html"
    html = HARBOUR.read_text()
    moved.write_text(
        html.replace("ledger.example/news/2024/03/harbour-reopens", "mirror.example/h")
    )
    outcomes = ingest(empty_site.root, [str(HARBOUR), str(moved)])
    assert [o.status for o in outcomes] == ["skipped", "skipped"]
    assert "same URL" in outcomes[0].message
    assert "same text" in outcomes[1].message
    assert sources(empty_site) == before


def test_id_collision_picks_a_new_id(empty_site: TinySite) -> None:
    taken = "2024-03-12-harbour-reopens-after-storm-repairs"
    empty_site.source(taken, ARTICLE)
    before = sources(empty_site)[f"{taken}.md"]
    [outcome] = ingest(empty_site.root, [str(HARBOUR)])
    assert outcome.status == "added"
    assert outcome.path.name == f"{taken}-2.md"
    assert "was taken" in outcome.message
    assert sources(empty_site)[f"{taken}.md"] == before


def test_source_files_are_checked_and_copied(empty_site: TinySite, tmp_path: Path) -> None:
    good = tmp_path / "wire.md"
    good.write_text(ARTICLE)
    broken = tmp_path / "broken.txt"
    broken.write_text("---\ntitle: No publisher\npublished: 2024-13-01\n---\nText.\n")
    plain = tmp_path / "plain.txt"
    plain.write_text("Just some text without front matter.\n")
    outcomes = ingest(
        empty_site.root, [str(broken), str(good), str(plain), str(tmp_path / "nope.md")]
    )
    by_name = {Path(o.origin).name: o for o in outcomes}
    assert by_name["wire.md"].status == "added"
    assert sources(empty_site)["wire.md"] == ARTICLE
    assert by_name["broken.txt"].status == "failed"
    assert "publisher" in by_name["broken.txt"].message
    assert by_name["plain.txt"].status == "failed"
    assert "front matter" in by_name["plain.txt"].message
    assert by_name["nope.md"].status == "failed"
    again = tmp_path / "again.md"
    again.write_text(ARTICLE.replace("rebels-enter", "other"))
    [outcome] = ingest(empty_site.root, [str(again)])
    assert outcome.status == "skipped" and "same text" in outcome.message


def feed_xml(base: str, names: list[str]) -> str:
    items = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link></item>" for name in names
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Local news</title><link>{base}/</link><description>Test</description>"
        f"{items}</channel></rss>"
    )


def test_feed_address_adds_each_new_entry(empty_site: TinySite, local_server) -> None:
    base, www = local_server
    shutil.copy(HARBOUR, www / "harbour.html")
    shutil.copy(FERRY, www / "ferry.html")
    shutil.copy(UNDATED, www / "undated.html")
    (www / "feed.xml").write_text(
        feed_xml(base, ["harbour.html", "ferry.html", "undated.html", "missing.html"])
    )
    outcomes = ingest(empty_site.root, [f"{base}/feed.xml"])
    statuses = {o.origin.rsplit("/", 1)[1]: o.status for o in outcomes}
    assert statuses == {
        "harbour.html": "added",
        "ferry.html": "added",
        "undated.html": "failed",
        "missing.html": "failed",
    }
    assert "404" in next(o.message for o in outcomes if o.origin.endswith("missing.html"))
    data, _ = added_file(next(o for o in outcomes if o.origin.endswith("harbour.html")))
    assert data["url"] == "https://ledger.example/news/2024/03/harbour-reopens"  # canonical
    again = ingest(empty_site.root, [f"{base}/feed.xml"])
    assert [o.status for o in again][:2] == ["skipped", "skipped"]
    assert len(sources(empty_site)) == 2


def test_a_feed_entry_gives_what_its_page_does_not_say(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page that states no date (or author, or publisher) takes the one its feed entry
    gives; what the page states itself is kept."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Valley Notices</title><link>https://valley.example/</link>"
        "<description>Notices</description>"
        "<item><title>Hours</title><link>https://valley.example/hours</link>"
        "<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate><author>desk@valley.example "
        "(Ana Ruiz)</author></item>"
        "<item><title>H</title><link>https://ledger.example/news/2024/03/harbour-reopens</link>"
        "<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )
    pages = {
        "https://valley.example/hours": UNDATED.read_bytes(),
        "https://ledger.example/news/2024/03/harbour-reopens": HARBOUR.read_bytes(),
    }
    undated, dated = ingest(empty_site.root, [str(feed)], fetch=pages.__getitem__)
    assert (undated.status, dated.status) == ("added", "added"), (undated, dated)
    data, _ = added_file(undated)
    assert data["published"] == "2024-03-05T08:30:00Z"
    assert data["publisher"] == "Valley Library Friends"  # the page names it
    assert data["author"] == "Ana Ruiz"
    data, _ = added_file(dated)
    assert not str(data["published"]).startswith("2024-01-01")  # the page's own date


@pytest.mark.parametrize(
    ("stated", "published"),
    [
        ("2024-03-05", "2024-03-05"),  # a day: was given a time, midnight UTC
        ("Tue, 05 Mar 2024", "2024-03-05"),
        ("2024-03", None),  # a month: was 1 March at midnight
        ("2024-02-30T10:00:00Z", None),  # no such day: was 1 March
        ("Tue, 05 Mar 2024 23:30:00 -0500", "2024-03-06T04:30:00Z"),
    ],
)
def test_a_feed_entry_date_gives_no_more_than_it_states(
    empty_site: TinySite, tmp_path: Path, stated: str, published: str | None
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Valley Notices</title><item><title>Hours</title>"
        f"<link>https://valley.example/hours</link><pubDate>{stated}</pubDate></item>"
        "</channel></rss>"
    )
    pages = {"https://valley.example/hours": UNDATED.read_bytes()}
    [outcome] = ingest(empty_site.root, [str(feed)], fetch=pages.__getitem__)
    if published is None:
        assert outcome.status == "failed"
        assert "no publication date" in outcome.message
    else:
        assert outcome.status == "added", outcome
        assert added_file(outcome)[0]["published"] == published


def test_feed_file_with_injected_fetcher(empty_site: TinySite, tmp_path: Path) -> None:
    feed = tmp_path / "feed.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>T</title><id>urn:t</id><updated>2024-03-12T00:00:00Z</updated>"
        "<entry><title>H</title><id>urn:h</id><updated>2024-03-12T00:00:00Z</updated>"
        '<link href="https://ledger.example/news/2024/03/harbour-reopens"/></entry>'
        "</feed>"
    )
    pages = {"https://ledger.example/news/2024/03/harbour-reopens": HARBOUR.read_bytes()}
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return pages[url]

    [outcome] = ingest(empty_site.root, [str(feed)], fetch=fetch)
    assert outcome.status == "added"
    [outcome] = ingest(empty_site.root, [str(feed)], fetch=fetch)
    assert outcome.status == "skipped"
    assert len(fetched) == 1  # a known address is not fetched again


def test_a_feed_carrying_the_article_adds_its_copy_when_the_page_fails(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An entry whose page cannot be fetched (or read) is added from the full text the
    feed carries (RSS content:encoded), dated by the entry; an entry with a summary only
    still fails, saying why."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Highland Post</title><link>https://post.example/</link>"
        "<language>en-GB</language><description>News</description>"
        "<item><title>Clinic reaches the villages</title>"
        "<link>https://post.example/clinic</link>"
        "<pubDate>Wed, 12 Feb 2025 17:40:00 GMT</pubDate>"
        "<description>A short teaser.</description>"
        f"<content:encoded><![CDATA[{CLINIC_TEXT}<script>alert(1)</script>]]></content:encoded>"
        "</item><item><title>Teaser only</title><link>https://post.example/teaser</link>"
        "<description>The road reopened on Monday.</description></item></channel></rss>"
    )

    def fetch(url: str) -> bytes:
        raise FetchError(f"{url}: HTTP 503 Service Unavailable")

    added, failed = ingest(empty_site.root, [str(feed)], fetch=fetch)
    assert added.status == "added" and "the feed's copy" in added.message
    assert "503" in added.message
    data, body = added_file(added)
    assert data["title"] == "Clinic reaches the villages"
    assert data["published"] == "2025-02-12T17:40:00Z"
    assert (data["publisher"], data["language"]) == ("Highland Post", "en-GB")
    assert data["url"] == "https://post.example/clinic"
    assert body.strip().startswith("The mobile clinic reached") and "alert" not in body
    assert failed.status == "failed" and "503" in failed.message


def test_a_plain_text_article_with_its_headline_first(empty_site: TinySite, tmp_path: Path) -> None:
    """A wire story saved as text (headline on its own line, then the text) is added
    with the date and publisher given as options, which it does not state for sure."""
    story = tmp_path / "story.txt"
    story.write_text(
        "\ufeffRoad to the mountain villages reopens after landslide\r\n\r\n"
        "HIGHTOWN (Highland Post) - The road reopened on Wednesday,\r\nofficials said.\r\n\r\n"
        "Crews had worked since the storm of 2 February.\r\n"
    )
    [missing] = ingest(empty_site.root, [str(story)], Options(published="2025-02-12"))
    assert missing.status == "failed" and "--publisher" in missing.message
    given = Options(published="2025-02-12", publisher="Highland Post")
    [added] = ingest(empty_site.root, [str(story)], given)
    assert added.status == "added", added.message
    data, body = added_file(added)
    assert data["title"] == "Road to the mountain villages reopens after landslide"
    assert (data["published"], data["publisher"]) == ("2025-02-12", "Highland Post")
    assert body.split("\n\n") == [
        "HIGHTOWN (Highland Post) - The road reopened on Wednesday, officials said.",
        "Crews had worked since the storm of 2 February.\n",
    ]
    [again] = ingest(empty_site.root, [str(story)], given)
    assert again.status == "skipped"
    markdown = tmp_path / "story.md"
    markdown.write_text("# Clinic reaches the villages\n\nThe clinic came on Monday.\n")
    [added] = ingest(empty_site.root, [str(markdown)], given)
    assert added_file(added)[0]["title"] == "Clinic reaches the villages"
    # No headline line: the file is refused, saying how to give its front matter.
    notes = tmp_path / "notes.txt"
    notes.write_text("The road reopened on Wednesday.\n\nCrews had worked for a week.\n")
    [refused] = ingest(empty_site.root, [str(notes)], given)
    assert refused.status == "failed" and "front matter" in refused.message


def test_add_command_reports_each_input(empty_site: TinySite) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["add", "--site", str(empty_site.root), str(HARBOUR), str(UNDATED), str(FERRY)]
    )
    assert result.exit_code == 1
    assert "added: " in result.output
    assert f"failed: {UNDATED}: the page gives no publication date" in result.output
    assert "2 added, 0 skipped, 1 failed." in result.output
    result = runner.invoke(
        main, ["add", "--site", str(empty_site.root), str(UNDATED), "--published", "2024-02-30"]
    )
    assert result.exit_code == 2
    assert "--published" in result.output


CLINIC_TEXT = (
    "<p>The mobile clinic reached the three mountain villages on Wednesday, two weeks "
    "after the road was cleared of the last landslide, the health office said.</p>"
    "<p>Nurses vaccinated more than two hundred children and saw dozens of older "
    "patients who had gone without their medicine since the storms began.</p>"
    "<p>The office said the clinic would come back every month until the village "
    "surgery, damaged in the first storm, is repaired.</p>"
)


def clinic_page(head: str = "", byline: str = "") -> bytes:
    """A saved page of our own words whose metadata is given by `head`."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Mobile clinic reaches mountain villages</title>"
        f'<meta property="og:site_name" content="Highland Post">{head}</head><body>'
        "<article><h1>Mobile clinic reaches mountain villages</h1>"
        f"{byline}{CLINIC_TEXT}</article></body></html>"
    ).encode()


def add_clinic_page(
    site: TinySite, tmp_path: Path, head: str = "", byline: str = ""
) -> tuple[dict, str]:
    """The source file `timeline add` makes of a clinic page (dated by the option when
    the page states no date): its front matter and its body."""
    saved = tmp_path / "clinic.html"
    saved.write_bytes(clinic_page(head, byline))
    [outcome] = ingest(site.root, [str(saved)], Options(published="2025-02-12"))
    assert outcome.status == "added", outcome.message
    return added_file(outcome)


def linked_data(*objects: str) -> str:
    return f'<script type="application/ld+json">[{",".join(objects)}]</script>'


@pytest.mark.parametrize(
    ("head", "published"),
    [
        # The time and offset of the article's datePublished, which htmldate cuts to the day.
        (
            linked_data(
                '{"@type":"NewsArticle","datePublished":"2025-02-12T18:45:00+05:45",'
                '"relatedLink":{"@type":"NewsArticle","datePublished":"2025-01-02T08:00:00Z"}}'
            ),
            "2025-02-12T18:45:00+05:45",
        ),
        # Inside an @graph, with a UTC "Z".
        (
            '<script type="application/ld+json">{"@context":"https://schema.org","@graph":'
            '[{"@type":"WebPage","datePublished":"2025-02-12"},{"@type":'
            '["ReportageNewsArticle"],"datePublished":"2025-02-12T06:05:00Z"}]}</script>',
            "2025-02-12T06:05:00+00:00",
        ),
        # A time with no offset names no moment: the day only.
        (
            linked_data('{"@type":"NewsArticle","datePublished":"2025-02-12T18:45:00"}'),
            "2025-02-12",
        ),
    ],
)
def test_publication_time_from_linked_data(
    empty_site: TinySite, tmp_path: Path, head: str, published: str
) -> None:
    saved = tmp_path / "clinic.html"
    saved.write_bytes(clinic_page(head))
    [outcome] = ingest(empty_site.root, [str(saved)])
    assert outcome.status == "added", outcome.message
    data, _ = added_file(outcome)
    assert data["published"] == published


def test_publication_time_from_the_pages_markup(empty_site: TinySite, tmp_path: Path) -> None:
    """OpenGraph's article:published_time and schema.org microdata give the time (and its
    offset) of a page whose date htmldate reads only to the day."""
    for number, head in enumerate(
        [
            '<link rel="canonical" href="https://post.example/2025/02/12/clinic/">'
            '<meta property="article:published_time" content="2025-02-12T17:40:11+00:00">'
            '<meta property="article:modified_time" content="2025-02-13T08:02:00+00:00">',
            '<link rel="canonical" href="https://post.example/2025/02/12/clinic-2/">'
            '<meta itemprop="datePublished" content="2025-02-12T17:40:11+01:00">',
        ]
    ):
        byline = (
            'Posted on <time class="entry-date published" datetime="2025-02-12">'
            "February 12, 2025</time>"
        )
        saved = tmp_path / f"clinic-{number}.html"
        saved.write_bytes(clinic_page(head, byline).replace(b"three", b"%d" % number))
        [outcome] = ingest(empty_site.root, [str(saved)])
        assert outcome.status == "added", outcome.message
        data, _ = added_file(outcome)
        assert (
            data["published"] == ("2025-02-12T17:40:11+00:00", "2025-02-12T17:40:11+01:00")[number]
        )


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("<div><span>By Ana Ruiz</span><div>Health reporter</div></div>", "Ana Ruiz"),
        ("<p>By <a href='/staff/ruiz'>Ana Ruiz</a> and Tom O'Hale</p>", "Ana Ruiz; Tom O'Hale"),
        ("<p>By Ana de la Cruz, Health Correspondent</p>", "Ana de la Cruz"),
        # Not a byline: no author rather than a wrong one.
        ("<p>By Tuesday evening</p>", None),
        ("<p>By the numbers: 200 children</p>", None),
    ],
)
def test_an_author_named_only_in_a_byline(
    empty_site: TinySite, tmp_path: Path, byline: str, author: str | None
) -> None:
    data, body = add_clinic_page(empty_site, tmp_path, byline=byline)
    assert data.get("author") == author
    # A byline is not article text; the other lines are.
    assert body.strip().startswith("The mobile clinic reached") == (author is not None)


@pytest.mark.parametrize(
    ("stamp", "kept"),
    [
        ("<p>Published 12 February 2025 at 5.40pm</p>", False),
        ("<p class='meta'>Updated: February 13, 2025 8:02 a.m. ET</p>", False),
        ("<p>Wed 12 Feb 2025 17.40 GMT</p>", False),
        ("<p>Publié le 12 février 2025 à 17h40</p>", False),
        ("<p>Aktualisiert am 13.02.2025</p>", False),
        ("<p>Updated 10 people were hurt.</p>", True),
        # A day heading of a live page, and article text, are not stamps.
        ("<p>Tuesday 11 February</p>", True),
        ("<p>The office met on 12 February 2025.</p>", True),
    ],
)
def test_a_line_giving_the_pages_date_is_not_article_text(
    empty_site: TinySite, tmp_path: Path, stamp: str, kept: bool
) -> None:
    """Left in the text, "Updated: February 13, 2025" became an event of that day."""
    _, body = add_clinic_page(empty_site, tmp_path, byline=stamp)
    assert body.strip().startswith("The mobile clinic reached") != kept


@pytest.mark.parametrize(
    ("head", "language"),
    [
        ('<meta property="og:locale" content="fr_FR">', "fr-FR"),
        ('<meta http-equiv="Content-Language" content="de">', "de"),
        (linked_data('{"@type":"NewsArticle","inLanguage":"es"}'), "es"),
        (linked_data('{"@type":"LiveBlogPosting","inLanguage":"pt-BR"}'), "pt-BR"),
        ('<meta name="language" content="Spanish">', None),  # a name, not a language tag
    ],
)
def test_language_stated_outside_the_html_element(
    empty_site: TinySite, tmp_path: Path, head: str, language: str | None
) -> None:
    """A page without a lang attribute may state its language elsewhere; the source then
    has it (numeric dates and the quotes' language on the pages follow it)."""
    saved = tmp_path / "clinic.html"
    saved.write_bytes(clinic_page(head).replace(b' lang="en"', b""))
    [outcome] = ingest(empty_site.root, [str(saved)], Options(published="2025-02-12"))
    assert outcome.status == "added", outcome.message
    data, _ = added_file(outcome)
    assert data.get("language") == language


def test_a_pointer_to_another_article_is_not_article_text(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """ "Read more: How the 2007 floods changed the valley" left in the text became an
    event of 2007 from another article."""
    pointers = (
        "<p><strong>Read more:</strong> <a href='/floods'>How the 2007 floods changed the "
        "valley</a></p><p>Watch the office's briefing on Monday.</p>"
        "<p>LIRE AUSSI | <a href='/route'>La route rouverte en 2019</a></p>"
    )
    _, body = add_clinic_page(empty_site, tmp_path, byline=pointers)
    assert "2007" not in body and "2019" not in body
    assert body.startswith("Watch the office's briefing on Monday.")


def test_a_byline_below_the_text_is_not_taken_for_the_authors(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A list of other articles after the text, each with its byline, names none of
    this article's authors."""
    saved = tmp_path / "clinic.html"
    related = (
        "<aside><h2>More from the valley</h2><div><a href='/road'>Road reopens</a>"
        "<span>By Tom Hale</span></div></aside>"
    )
    saved.write_bytes(clinic_page().replace(b"</article>", related.encode() + b"</article>"))
    [outcome] = ingest(empty_site.root, [str(saved)], Options(published="2025-02-12"))
    assert outcome.status == "added", outcome.message
    data, _ = added_file(outcome)
    assert "author" not in data


def test_site_name_after_a_dash_rather_than_the_address(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page naming its site only in "Headline - Site" gets that name, not the host name
    of its address; a dash followed by no name ("- live") still names no site."""
    outcomes = []
    for number, page_title in enumerate(
        ["Clinic reaches the villages - Highland Post", "Clinic reaches the villages - live"]
    ):
        head = (
            '<meta property="og:title" content="Clinic reaches the villages">'
            f'<meta property="og:url" content="https://news.highland.example/{number}">'
        )
        saved = tmp_path / f"clinic-{number}.html"
        saved.write_bytes(titled_page(page_title, head).replace(b"three", b"%d" % number))
        outcomes += ingest(empty_site.root, [str(saved)])
    assert [added_file(outcome)[0]["publisher"] for outcome in outcomes] == [
        "Highland Post",
        "news.highland.example",
    ]


def test_byline_leftovers_are_not_article_text(empty_site: TinySite, tmp_path: Path) -> None:
    byline = (
        '<p>Par <span class="author">Ana Ruiz</span> — '
        '<time datetime="2025-02-12">12 February 2025</time></p><p>|</p>'
    )
    _, body = add_clinic_page(empty_site, tmp_path, byline=byline)
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0].startswith("The mobile clinic reached"), paragraphs[0]
    assert len(paragraphs) == 3


def test_options_only_fill_in_what_the_page_does_not_say(
    empty_site: TinySite, tmp_path: Path
) -> None:
    stated = tmp_path / "stated.html"
    stated.write_bytes(
        clinic_page('<meta property="article:published_time" content="2025-02-12T09:00:00Z">')
    )
    silent = tmp_path / "silent.html"
    silent.write_bytes(
        clinic_page().replace(b"og:site_name", b"og:nothing").replace(b"three", b"four")
    )
    given = Options(published="2025-03-01", publisher="Given Publisher")
    first, second = ingest(empty_site.root, [str(stated), str(silent)], given)
    data, _ = added_file(first)
    assert (data["published"], data["publisher"]) == ("2025-02-12T09:00:00+00:00", "Highland Post")
    data, _ = added_file(second)
    assert (data["published"], data["publisher"]) == ("2025-03-01", "Given Publisher")


def titled_page(page_title: str, head: str = "") -> bytes:
    """A saved page naming its headline and site only in its <title>."""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{page_title}</title>"
        '<meta property="article:published_time" content="2025-02-12T09:00:00Z">'
        f"{head}</head><body><div class='post'>{CLINIC_TEXT}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("page_title", "head", "title", "publisher"),
    [
        (
            "Clinic reaches the villages | Highland Post",
            "",
            "Clinic reaches the villages",
            "Highland Post",
        ),
        (
            "Highland Post · Clinic reaches the villages",
            "",
            "Clinic reaches the villages",
            "Highland Post",
        ),
        # A short headline beside the longer name the page gives its site.
        (
            "Ceasefire | The Daily Gazette",
            '<meta property="og:site_name" content="The Daily Gazette">',
            "Ceasefire",
            "The Daily Gazette",
        ),
        # The site first, after a dash: trafilatura took it for the headline.
        (
            "Highland Post - Clinic reaches the villages",
            '<meta property="og:site_name" content="The Highland Post">',
            "Clinic reaches the villages",
            "The Highland Post",
        ),
    ],
)
def test_headline_and_site_from_the_page_title(
    empty_site: TinySite, tmp_path: Path, page_title: str, head: str, title: str, publisher: str
) -> None:
    saved = tmp_path / "clinic.html"
    saved.write_bytes(titled_page(page_title, head))
    [outcome] = ingest(empty_site.root, [str(saved)])
    assert outcome.status == "added", outcome.message
    data, _ = added_file(outcome)
    assert (data["title"], data["publisher"]) == (title, publisher)


def test_a_dash_in_the_title_names_no_publisher(empty_site: TinySite, tmp_path: Path) -> None:
    """A dash also ends headlines ("Headline - live"): what follows it is no site's
    name, and the page is refused for want of a publisher."""
    saved = tmp_path / "clinic.html"
    saved.write_bytes(titled_page("Clinic reaches the villages - live"))
    [outcome] = ingest(empty_site.root, [str(saved)])
    assert outcome.status == "failed" and "publisher" in outcome.message


def test_a_headline_the_page_states_is_kept_whatever_its_title(
    empty_site: TinySite, tmp_path: Path
) -> None:
    saved = tmp_path / "clinic.html"
    head = '<meta property="og:title" content="Clinic"><meta property="og:site_name" content="HP">'
    saved.write_bytes(titled_page("Clinic | Health news from the mountain villages", head))
    [outcome] = ingest(empty_site.root, [str(saved)])
    data, _ = added_file(outcome)
    assert data["title"] == "Clinic"


def test_ctrl_c_during_a_feed_add_does_not_wait_for_a_slow_server(empty_site: TinySite) -> None:
    """Interrupted while a feed's page is still coming, `timeline add` stops at once
    (it waited for each fetch to time out), saying so, without a traceback."""
    import http.server
    import signal
    import subprocess
    import sys
    import threading
    import time

    asked, release = threading.Event(), threading.Event()

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            if self.path == "/feed.xml":
                body = feed_xml(f"http://127.0.0.1:{self.server.server_address[1]}", ["slow"])
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(body.encode())
                return
            asked.set()
            release.wait(60)  # a server that does not answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    command = [sys.executable, "-c", "from builder.cli import run; run()"]
    process = subprocess.Popen(
        [*command, "add", "--site", str(empty_site.root), address],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert asked.wait(30), "the feed's page was never asked for"
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        started = time.monotonic()
        out, err = process.communicate(timeout=20)
        assert time.monotonic() - started < 5
        assert process.returncode != 0
        assert "Traceback" not in err + out
    finally:
        release.set()
        process.kill()
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "stated",
    [
        "2024-11",  # a month: htmldate gave today's day of the month
        "2024-02-30",  # no such day: htmldate gave 2024-02-01
        "2024-11-31T10:00:00Z",  # no such day: htmldate gave 2024-11-01
    ],
)
def test_a_page_date_without_a_real_day_gives_no_day(
    empty_site: TinySite, tmp_path: Path, stated: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge closes - Gazette</title>"
        f'<meta property="article:published_time" content="{stated}">'
        '<meta property="og:site_name" content="Gazette"></head><body><article>'
        "<p>The council voted to close the old bridge for repairs, officials said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [outcome] = ingest(empty_site.root, [str(page)])
    assert outcome.status == "failed", outcome
    assert "no publication date" in outcome.message
    assert sources(empty_site) == {}
    [outcome] = ingest(empty_site.root, [str(page)], Options(published="2024-11-30"))
    assert added_file(outcome)[0]["published"] == "2024-11-30"


def test_a_broken_address_or_server_answer_is_a_failed_input(
    empty_site: TinySite, tmp_path: Path
) -> None:
    listener = socket.create_server(("127.0.0.1", 0))

    def answer_garbage() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(4096)
            connection.sendall(b"garbage\r\n\r\n")

    threading.Thread(target=answer_garbage, daemon=True).start()
    garbage = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><link>http://[::1/story</link></item>"
        f"<item><title>B</title><link>{garbage}</link></item></channel></rss>"
    )
    with listener:
        result = CliRunner().invoke(
            main, ["add", "http://[::1", str(feed), "--site", str(empty_site.root)]
        )
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert "failed: http://[::1: could not fetch it (Invalid IPv6 URL)" in result.output
    assert "failed: http://[::1/story: could not fetch it" in result.output
    assert (
        f"failed: {garbage}: the server's answer is not valid HTTP (BadStatusLine: garbage)"
        in result.output
    )


def test_add_does_not_write_through_a_link_out_of_the_site(
    empty_site: TinySite, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sources = empty_site.root / "content" / "sources"
    sources.rmdir()
    sources.symlink_to(elsewhere, target_is_directory=True)
    result = CliRunner().invoke(main, ["add", str(HARBOUR), "--site", str(empty_site.root)])
    assert result.exit_code == 1
    assert "this is a link to a place outside the site folder, where add does not write" in (
        result.output
    )
    assert list(elsewhere.iterdir()) == []
