"""`timeline add` on the shapes publishers and browsers give pages and feeds: JSON Feed,
feed entries without a link, saved pages' addresses, encodings, CMS markup."""

from __future__ import annotations

import base64
import http.server
import json
import threading
from pathlib import Path

import pytest

from builder.fetch import Fetched, FetchError, read_feed
from builder.frontmatter import parse_front_matter
from builder.ingest import ingest

from .conftest import TinySite

PARAGRAPHS = (
    "The river authority opened the northern sluice gates on Thursday evening after "
    "water levels at the Marrow weir rose above the warning mark for the first time "
    "since 2019.",
    "Residents of the lower town were told to move cars away from the embankment road, "
    "and the council set up a rest centre in the old grammar school on Fenner Street.",
    "Farmers downstream said the decision came too late to move livestock from the water "
    "meadows, where several hundred sheep were still grazing on Wednesday.",
)
TEXT = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
# Another article's text.
OTHER_TEXT = (
    "<p>Forty people spent the night at the rest centre in the old grammar school on "
    "Fenner Street, most of them from the riverside flats.</p><p>Volunteers from the "
    "parish served soup and tea until the early hours, the centre's manager said.</p>"
)


def weir_page(url: str, title: str = "Gates open at the weir", head: str = "") -> bytes:
    """A page of our own words, dated and naming its publisher, at `url`."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="canonical" href="{url}"><meta property="og:site_name" '
        'content="Valley Courier"><meta property="article:published_time" '
        f'content="2025-03-13T19:42:00Z">{head}</head><body><article><h1>{title}</h1>'
        f"{TEXT}</article></body></html>"
    ).encode()


def front(outcome) -> dict:
    return parse_front_matter(outcome.path.read_text(encoding="utf-8")).data


def body(outcome) -> str:
    return parse_front_matter(outcome.path.read_text(encoding="utf-8")).body


def no_fetch(url: str) -> bytes:
    raise FetchError(f"the server answered 404 Not Found ({url})")


def test_a_json_feed_adds_each_entry(empty_site: TinySite, tmp_path: Path) -> None:
    """A JSON Feed (jsonfeed.org, 1.0 or 1.1) is read like an RSS or Atom feed: each
    item's page, or the article the item carries; it was read as a page and refused."""
    feed = tmp_path / "feed.json"
    feed.write_text(
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Valley Courier",
                "home_page_url": "https://valleycourier.example/",
                "language": "en-GB",
                "items": [
                    {
                        "id": "1",
                        "url": "https://valleycourier.example/news/a",
                        "title": "Gates open at the weir",
                        "authors": [{"name": "Tamsin Reeve"}],
                    },
                    {
                        "id": "2",
                        "url": "/news/b",
                        "title": "Rest centre opens",
                        "date_published": "2025-03-13T21:00:00+00:00",
                        "content_html": f"{OTHER_TEXT}<script>alert(1)</script>",
                    },
                ],
            }
        )
    )
    address = "https://valleycourier.example/news/a"
    pages = {address: weir_page(address)}

    def fetch(url: str) -> bytes:
        if url in pages:
            return pages[url]
        return no_fetch(url)

    first, second = ingest(empty_site.root, [str(feed)], fetch=fetch)
    assert first.status == "added", first
    assert front(first)["author"] == "Tamsin Reeve"
    assert front(first)["url"] == "https://valleycourier.example/news/a"
    assert second.status == "added", second
    assert "the feed's copy" in second.message
    data = front(second)
    assert data["url"] == "https://valleycourier.example/news/b"
    assert data["published"] == "2025-03-13T21:00:00+00:00"
    assert (data["publisher"], data["language"]) == ("Valley Courier", "en-GB")
    assert "alert" not in body(second) and "rest centre" in body(second)


def test_a_broken_json_feed_is_refused_with_its_line(empty_site: TinySite, tmp_path: Path) -> None:
    broken = tmp_path / "feed.json"
    broken.write_text('{"version": "https://jsonfeed.org/version/1.1",\n "items": [\n')
    other = tmp_path / "data.json"
    other.write_text('{"hello": 1}')
    first, second = ingest(empty_site.root, [str(broken), str(other)], fetch=no_fetch)
    assert first.status == "failed"
    assert first.message.startswith("not a readable JSON Feed: line 3"), first.message
    assert second.status == "failed"
    assert second.message == "not a JSON Feed (jsonfeed.org): it has no jsonfeed.org version"


def test_feed_entries_without_a_link_are_added_from_their_text_or_reported(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An entry that links to no page (a guid that is no address) is added from the
    article it carries, without an address; one that carries none is reported. Both
    were left out without a word."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Valley Courier</title><link>https://valleycourier.example/</link>"
        "<description>News</description>"
        '<item><title>Gates open at the weir</title><guid isPermaLink="false">vc-4411</guid>'
        "<pubDate>Thu, 13 Mar 2025 19:42:00 +0000</pubDate>"
        f"<content:encoded><![CDATA[{TEXT}]]></content:encoded></item>"
        '<item><title>A teaser</title><guid isPermaLink="false">vc-4412</guid>'
        "<description>Just a teaser.</description></item>"
        "</channel></rss>"
    )
    added, failed = ingest(empty_site.root, [str(feed)], fetch=no_fetch)
    assert added.status == "added", added
    assert added.origin == f'{feed}, entry 1 ("Gates open at the weir")'
    assert "the entry links to no page" in added.message
    data = front(added)
    assert "url" not in data
    assert data["published"] == "2025-03-13T19:42:00Z"
    assert failed.status == "failed"
    assert failed.origin == f'{feed}, entry 2 ("A teaser")'
    assert failed.message == "the entry links to no page and carries no article text"
    assert [o.status for o in ingest(empty_site.root, [str(feed)], fetch=no_fetch)] == [
        "skipped",
        "failed",
    ]


def add_page(site: TinySite, folder: Path, html: str | bytes, name: str = "page.html"):
    saved = folder / name
    saved.write_bytes(html.encode() if isinstance(html, str) else html)
    [outcome] = ingest(site.root, [str(saved)], fetch=no_fetch)
    return outcome


def weir_html(head: str = "", before: str = "", title: str = "Gates open at the weir") -> str:
    """A dated page of our own words naming its publisher, with `head` in its <head> and
    `before` above its doctype (where browsers write what they add)."""
    return (
        f'{before}<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2025-03-13T19:42:00Z">'
        f"{head}</head><body><article><h1>{title}</h1>{TEXT}<p>{title}, the desk wrote.</p>"
        "</article></body></html>"
    )


SAVED_FROM = (
    "<!-- saved from url=(0069)https://www.valleycourier.example/news/2025/03/13/"
    "sluice-gates?utm_source=app -->\n"
)


@pytest.mark.parametrize(
    ("head", "before", "url"),
    [
        # Chrome's "Save page as" writes where the page came from in a comment.
        ("", SAVED_FROM, "https://www.valleycourier.example/news/2025/03/13/sluice-gates"),
        # A canonical link relative to that address, or to the page's <base>.
        (
            '<link rel="canonical" href="/news/sluice-gates">',
            SAVED_FROM,
            "https://www.valleycourier.example/news/sluice-gates",
        ),
        (
            '<base href="https://valleycourier.example/news/"><link rel="canonical" '
            'href="sluice-gates">',
            "",
            "https://valleycourier.example/news/sluice-gates",
        ),
        # The canonical link, where og:url names another address (a mobile host).
        (
            '<meta property="og:url" content="https://m.valleycourier.example/s?ref=og">'
            '<link rel="canonical" href="https://valleycourier.example/news/sluice-gates">',
            "",
            "https://valleycourier.example/news/sluice-gates",
        ),
        # A relative canonical link and nothing to resolve it against: no address.
        ('<link rel="canonical" href="/news/sluice-gates">', "", None),
    ],
)
def test_a_saved_pages_address(
    empty_site: TinySite, tmp_path: Path, head: str, before: str, url: str | None
) -> None:
    outcome = add_page(empty_site, tmp_path, weir_html(head, before))
    assert outcome.status == "added", outcome
    assert front(outcome).get("url") == url


def test_a_canonical_link_to_the_front_page_is_not_the_articles_address(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Some sites give every page the front page as its canonical link: two articles
    of such a site are not one (the second was skipped as 'same URL'), and neither is
    at the front page's address; og:url, when there is one, is."""
    home = '<link rel="canonical" href="https://valleycourier.example/">'
    first = add_page(empty_site, tmp_path, weir_html(home), "first.html")
    og = '<meta property="og:url" content="https://valleycourier.example/news/b">'
    other = weir_html(home + og, title="Rest centre opens").replace(TEXT, OTHER_TEXT)
    second = add_page(empty_site, tmp_path, other, "second.html")
    assert (first.status, second.status) == ("added", "added"), second
    assert "url" not in front(first)
    assert front(second)["url"] == "https://valleycourier.example/news/b"


def test_an_mht_whose_charset_is_in_its_mime_header_keeps_the_pages_language(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Internet Explorer and Word save a page's charset in the MIME part's header only:
    the page is read in it, and its <html lang> is still read (the charset was put
    above the page's doctype, where the parser dropped the <html> element's language)."""
    html = (
        weir_html()
        .replace('<meta charset="utf-8">', "")
        .replace("</article>", "<p>The café on the quay stayed shut.</p></article>")
    )
    encoded = base64.encodebytes(html.encode("cp1252")).decode().replace("\n", "\r\n")
    saved = (
        "From: <Saved by Windows Internet Explorer 11>\r\nSubject: Gates open\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; '
        'boundary="----=_NextPart_000"\r\n\r\n------=_NextPart_000\r\n'
        'Content-Type: text/html; charset="Windows-1252"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://valleycourier.example/news/a\r\n\r\n"
        f"{encoded}\r\n------=_NextPart_000--\r\n"
    )
    outcome = add_page(empty_site, tmp_path, saved.encode("ascii"), "page.mht")
    assert outcome.status == "added", outcome
    assert front(outcome)["language"] == "en"
    assert front(outcome)["url"] == "https://valleycourier.example/news/a"
    assert "The café on the quay stayed shut." in body(outcome)


@pytest.mark.parametrize(
    "label",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Article continues below",
        "Advertisement · Scroll to continue",
        "Anzeige",
        "Publicité",
    ],
)
def test_an_advertisements_label_is_not_article_text(
    empty_site: TinySite, tmp_path: Path, label: str
) -> None:
    """News pages label the slots of advertisements between paragraphs; the label was
    kept as a paragraph of the article."""
    html = weir_html().replace("</p><p>", f'</p><div class="css-1q8w2x"><p>{label}</p></div><p>', 1)
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert label not in body(outcome)
    assert body(outcome).count("\n\n") == 3  # the four paragraphs


def test_a_headline_without_the_site_name_that_og_title_adds(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """WordPress's SEO plugins write og:title as "Headline - Site": the title is the
    headline (it was "Gates open at the weir - Valley Courier")."""
    head = (
        '<meta property="og:title" content="Gates open at the weir - Valley Courier">'
        '<meta property="og:site_name" content="Valley Courier">'
    )
    html = weir_html(head).replace(
        "<title>Gates open at the weir</title>",
        "<title>Gates open at the weir - Valley Courier</title>",
    )
    outcome = add_page(empty_site, tmp_path, html)
    assert front(outcome)["title"] == "Gates open at the weir"


def test_a_live_pages_headline_not_one_of_its_updates(empty_site: TinySite, tmp_path: Path) -> None:
    """A live page's JSON-LD lists its updates, each with a headline: the page's title
    is its own headline, stated in <title> and <h1> (it was the first update's)."""
    updates = [
        {"@type": "BlogPosting", "headline": f"Update {n}", "datePublished": when}
        for n, when in ((2, "2025-03-14T07:55:00Z"), (1, "2025-03-13T19:42:00Z"))
    ]
    linked = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Marrow flood watch: live",
        "coverageStartTime": "2025-03-13T19:30:00Z",
        "liveBlogUpdate": updates,
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    html = weir_html(head, title="Marrow flood watch: live").replace(
        "<title>Marrow flood watch: live</title>",
        "<title>Marrow flood watch: live | Valley Courier</title>",
    )
    outcome = add_page(empty_site, tmp_path, html)
    assert front(outcome)["title"] == "Marrow flood watch: live"


JAPANESE = (
    "河川管理局は十三日夜、マロウ堰の水位が二〇一九年以来初めて警戒水位を超えたため、"
    "北側の水門を開放した。",
    "下町の住民には堤防道路から車を移動するよう呼びかけがあり、市は旧中学校に避難所を設けた。",
    "管理局の洪水委員会の委員長は「早めに開けて畑を一つ二つ失う方が、商店街が再び浸水するより"
    "はましだ」と述べた。",
    "下流の農家は、家畜を移動させるには決定が遅すぎたと話している。水門は少なくとも土曜日の朝"
    "まで開けたままにするという。",
)


def test_an_article_in_a_script_without_spaces_is_not_called_short(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Japanese (or Chinese, or Thai) puts no spaces between words: its text was
    counted as a few words, and the article reported as perhaps cut short."""
    text = "".join(f"<p>{paragraph}</p>" for paragraph in JAPANESE)
    html = (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="Shift_JIS">'
        '<title>水門を開放</title><meta property="og:site_name" content="谷新聞">'
        '<meta property="article:published_time" content="2025-03-13T19:42:00+09:00">'
        f"</head><body><article><h1>水門を開放</h1>{text}</article></body></html>"
    )
    outcome = add_page(empty_site, tmp_path, html.encode("shift_jis"))
    assert outcome.status == "added", outcome
    assert "words" not in outcome.message
    assert front(outcome)["title"] == "水門を開放"
    assert body(outcome).split("\n\n")[0] == JAPANESE[0]


@pytest.mark.parametrize(
    "byline",
    [
        '<p>By Tamsin Reeve · <time datetime="2025-03-13T19:42:00Z">13 March 2025</time></p>',
        '<div class="meta">By <a href="/people/tr">Tamsin Reeve</a> | '
        '<time datetime="2025-03-13T19:42:00Z">Thursday 13 March 2025, 19:42</time></div>',
    ],
)
def test_a_byline_beside_the_pages_date(empty_site: TinySite, tmp_path: Path, byline: str) -> None:
    """A byline and the page's date on one line, parted by a dot or a bar: the author is
    read from it, and it is not article text (it was kept as "By Tamsin Reeve ·")."""
    html = weir_html().replace("</h1>", f"</h1>{byline}")
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert front(outcome).get("author") == "Tamsin Reeve"
    assert "Reeve" not in body(outcome)
    assert body(outcome).startswith("The river authority opened")


FRONT_PAGE = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Valley Courier'
    b'</title><link rel="alternate" type="application/rss+xml" title="News" '
    b'href="/feeds/news.rss"></head><body><nav><a href="/">Home</a></nav><main>'
    b'<h2><a href="/news/a">Gates open at the weir</a></h2><p>The river authority opened '
    b"the northern sluice gates on Thursday evening, after a week of rain.</p></main></body>"
    b"</html>"
)


def test_a_feed_address_that_gives_a_web_page(empty_site: TinySite) -> None:
    """An address that should give a feed gives a web page (the site moved its feed):
    the user is told it is no feed, and where the page says its feed is; they were told
    to give the page a publication date."""
    pages = {"https://valleycourier.example/feed": FRONT_PAGE}
    [outcome] = ingest(
        empty_site.root, ["https://valleycourier.example/feed"], fetch=pages.__getitem__
    )
    assert outcome.status == "failed"
    assert outcome.message == (
        "this address gives a web page, not a feed (RSS, Atom or JSON Feed); the page names "
        "its feed: https://valleycourier.example/feeds/news.rss (read as an article: the "
        "page gives no publication date; give it with --published YYYY-MM-DD)"
    )
    # A site's front page, given as the address, is read the same way.
    pages = {"https://valleycourier.example/": FRONT_PAGE}
    [outcome] = ingest(empty_site.root, ["https://valleycourier.example/"], fetch=pages.__getitem__)
    assert outcome.message.startswith("this address gives a web page, not a feed")


def script_only_page(script: str) -> str:
    """A page whose article is not in its HTML: a script fills it in as it loads."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Gates open at the weir | Valley Courier</title>"
        '<meta property="og:site_name" content="Valley Courier">'
        '<link rel="canonical" href="https://valleycourier.example/news/a">'
        f'</head><body><div id="__next"><nav><a href="/">Home</a></nav></div>{script}'
        "</body></html>"
    )


def test_a_page_whose_text_is_only_in_its_linked_data(empty_site: TinySite, tmp_path: Path) -> None:
    """A page built by JavaScript whose JSON-LD article gives its text (articleBody) is
    added from it, with the page's metadata; it was refused for having no text."""
    linked = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Gates open at the weir",
        "datePublished": "2025-03-13T19:42:00Z",
        "author": {"@type": "Person", "name": "Tamsin Reeve"},
        "articleBody": "\n".join(PARAGRAPHS),
    }
    script = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    outcome = add_page(empty_site, tmp_path, script_only_page(script))
    assert outcome.status == "added", outcome
    data = front(outcome)
    assert data["title"] == "Gates open at the weir"
    assert data["published"] == "2025-03-13T19:42:00+00:00"
    assert data["author"] == "Tamsin Reeve"
    assert data["url"] == "https://valleycourier.example/news/a"
    assert data["publisher"] == "Valley Courier"
    assert tuple(body(outcome).strip().split("\n\n")) == PARAGRAPHS


def test_a_page_whose_text_a_script_fills_in_is_refused_saying_how_to_save_it(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A Next.js page saved as its server sent it holds its article only in the data
    of a script: the user is told how to save the page so that it holds its text."""
    data = {"props": {"pageProps": {"story": {"blocks": [{"text": PARAGRAPHS[0]}]}}}}
    script = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    outcome = add_page(empty_site, tmp_path, script_only_page(script))
    assert outcome.status == "failed"
    assert outcome.message == (
        "no article text found in the page: its text is filled in by a script as it "
        "loads; open it in a browser and save it once it shows the article, as "
        "'Webpage, Complete' or as a single file (.mhtml)"
    )


@pytest.mark.parametrize(
    ("head", "published"),
    [
        # Only when the page was last changed: no publication date (it was taken for one).
        ('<meta property="article:modified_time" content="2025-03-14T08:00:00+00:00">', None),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"dateModified": "2025-03-14T08:00:00Z"}</script>',
            None,
        ),
        ('<meta property="og:updated_time" content="2025-03-14T08:00:00+00:00">', None),
        # Published and changed on the same day: the publication.
        (
            '<meta property="article:published_time" content="2025-03-14T06:00:00+00:00">'
            '<meta property="article:modified_time" content="2025-03-14T08:00:00+00:00">',
            "2025-03-14T06:00:00+00:00",
        ),
        # Changed, and published in the page's text.
        (
            '<meta property="article:modified_time" content="2025-03-14T08:00:00+00:00">',
            "2025-03-13",
        ),
    ],
)
def test_the_day_a_page_was_changed_is_not_its_publication(
    empty_site: TinySite, tmp_path: Path, head: str, published: str | None
) -> None:
    html = weir_html(head).replace(
        '<meta property="article:published_time" content="2025-03-13T19:42:00Z">', ""
    )
    if published == "2025-03-13":
        html = html.replace("</h1>", '</h1><p class="date">Published 13 March 2025</p>')
    outcome = add_page(empty_site, tmp_path, html)
    if published is None:
        assert outcome.status == "failed", front(outcome)
        assert "no publication date" in outcome.message
    else:
        assert outcome.status == "added", outcome
        assert front(outcome)["published"] == published


def test_relative_links_of_a_feed_file_are_made_whole_against_its_site(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A feed saved as a file, whose entries link relative to the site it names (and to
    no xml:base): each link is made whole against the site's address; it was fetched as
    '/news/a' and failed."""
    feed = tmp_path / "feed.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Courier</title><id>urn:vc</id><updated>2025-03-14T08:00:00Z</updated>"
        '<link rel="alternate" href="https://valleycourier.example/"/>'
        "<entry><title>Gates open</title><id>urn:a</id><updated>2025-03-13T19:42:00Z</updated>"
        '<link rel="alternate" href="/news/a"/></entry></feed>'
    )
    address = "https://valleycourier.example/news/a"
    pages = {address: weir_page(address)}
    [outcome] = ingest(empty_site.root, [str(feed)], fetch=pages.__getitem__)
    assert outcome.status == "added", outcome
    assert outcome.origin == address


def test_a_web_page_named_mhtml_is_read_as_the_page_it_is(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page saved as HTML but named .mhtml (or .mht) is read as HTML; it was refused
    as 'the MHTML file holds no HTML page'. A file that is neither still is."""
    outcome = add_page(empty_site, tmp_path, weir_html(before=SAVED_FROM), "page.mhtml")
    assert outcome.status == "added", outcome
    assert front(outcome)["url"].endswith("/news/2025/03/13/sluice-gates")
    outcome = add_page(empty_site, tmp_path, b"PK\x03\x04 not a page", "other.mht")
    assert outcome.status == "failed"
    assert outcome.message == "not a saved web page: the MHTML file holds no HTML page"


def test_an_article_body_split_in_several_containers_is_read_whole(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """News sites split the body of an article in several containers of one class, with
    advertisements between them: every part is read (only the first one was)."""
    parts = "".join(
        f'<div class="article-body"><p>{paragraph}</p></div>'
        '<div class="ad-container"><p>Advertisement</p></div>'
        for paragraph in PARAGRAPHS
    )
    html = weir_html().replace(TEXT, parts)
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert tuple(body(outcome).strip().split("\n\n")[:3]) == PARAGRAPHS


def test_a_page_that_declares_no_charset_is_read_in_the_one_it_is_written_in(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A Japanese page in EUC-JP that does not say so: its title was read from its
    markup as Latin-1 ("¥Þ¥í¥¦"), while its text was read right."""
    text = "".join(f"<p>{paragraph}</p>" for paragraph in JAPANESE)
    html = (
        '<!DOCTYPE html><html lang="ja"><head><title>水門を開放 | 谷新聞</title>'
        '<meta property="article:published_time" content="2025-03-13T19:42:00+09:00">'
        f"</head><body><article><h1>水門を開放</h1>{text}</article></body></html>"
    )
    outcome = add_page(empty_site, tmp_path, html.encode("euc_jp"))
    assert outcome.status == "added", outcome
    assert front(outcome)["title"] == "水門を開放"
    assert front(outcome)["publisher"] == "谷新聞"


def test_an_article_laid_out_in_a_table_is_read(empty_site: TinySite, tmp_path: Path) -> None:
    """Older sites lay their pages out in a table, the article in one of its cells: it
    was refused ('no article text found in the page')."""
    layout = (
        '<table width="100%"><tr><td class="nav"><a href="/">Home</a><br>'
        f'<a href="/news">News</a></td><td class="main"><h1>Gates open at the weir</h1>{TEXT}'
        "</td></tr></table>"
    )
    html = weir_html().replace(f"<article><h1>Gates open at the weir</h1>{TEXT}", layout)
    html = html.replace("<p>Gates open at the weir, the desk wrote.</p></article>", "")
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert tuple(body(outcome).strip().split("\n\n")) == PARAGRAPHS


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">Tamsin Reeve, Marrow correspondent</p>',
        '<p class="byline">By Tamsin Reeve, Environment Editor</p>',
    ],
)
def test_an_authors_role_in_the_byline_is_not_an_author(
    empty_site: TinySite, tmp_path: Path, byline: str
) -> None:
    """ "Tamsin Reeve, Marrow correspondent": the author is Tamsin Reeve (the role was
    taken for a second author)."""
    html = weir_html().replace("</h1>", f"</h1>{byline}")
    outcome = add_page(empty_site, tmp_path, html)
    assert front(outcome)["author"] == "Tamsin Reeve"


def test_a_live_pages_headline_is_not_kept_among_its_updates(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A live page lists its updates as articles of their own: the page's headline came
    out among them, as a paragraph of text. Each update keeps its time."""
    updates = "".join(
        f'<article class="update"><time datetime="2025-03-1{n}T0{n}:00:00Z">0{n}:00</time>'
        f"<p>{paragraph}</p></article>"
        for n, paragraph in enumerate(PARAGRAPHS, start=3)
    )
    html = weir_html(title="Marrow flood watch: live").replace(
        f"<article><h1>Marrow flood watch: live</h1>{TEXT}"
        "<p>Marrow flood watch: live, the desk wrote.</p></article>",
        f"<main><h1>Marrow flood watch: live</h1>{updates}</main>",
    )
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert "Marrow flood watch" not in body(outcome)
    timed = [part for n, text in enumerate(PARAGRAPHS, start=3) for part in (f"0{n}:00", text)]
    assert body(outcome).strip().split("\n\n") == timed


@pytest.mark.parametrize(
    "stamps",
    [
        '<p class="dateline">Updated 14 March 2025, 08:00 GMT</p>'
        '<p class="dateline">First published 13 March 2025</p>',
        '<div class="dates"><span>Last updated: <time>14/03/2025</time></span>'
        "<span>Published: 13 March 2025</span></div>",
        '<p class="date">Mis à jour le 14 mars 2025</p><p class="date">Publié le 13 mars 2025</p>',
    ],
)
def test_a_page_dated_only_in_its_text_is_dated_by_its_publication_not_its_update(
    empty_site: TinySite, tmp_path: Path, stamps: str
) -> None:
    """ "Updated 14 March ... First published 13 March", in the text only: the page was
    published on the 13th (it was given the day of its update)."""
    html = weir_html().replace(
        '<meta property="article:published_time" content="2025-03-13T19:42:00Z">', ""
    )
    html = html.replace("</h1>", f"</h1>{stamps}")
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert front(outcome)["published"] == "2025-03-13"


def test_a_publication_time_written_as_in_email_keeps_its_time(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """article:published_time written as RSS and email write dates (RFC 822): its time
    and offset are kept (only the day was)."""
    html = weir_html().replace(
        'content="2025-03-13T19:42:00Z"', 'content="Thu, 13 Mar 2025 19:42:00 +0100"'
    )
    outcome = add_page(empty_site, tmp_path, html)
    assert front(outcome)["published"] == "2025-03-13T19:42:00+01:00"


@pytest.mark.parametrize(
    "query",
    [
        "CMP=share_btn_tw",  # The Guardian's share buttons
        "xtor=RSS-3208",  # French sites' feeds (AT Internet)
        "ito=792",  # The Independent
        "ocid=msedgntp",  # MSN
        "ref=rss",
        "ref_src=twsrc%5Etfw",  # Twitter's embeds
        "guccounter=1&guce_referrer=aHR0cHM6Ly9",  # Yahoo's consent page
        "WT.mc_id=email",
        "taid=67d2",
    ],
)
def test_an_address_with_share_or_feed_tracking_is_the_same_article(
    empty_site: TinySite, tmp_path: Path, query: str
) -> None:
    """The same article saved again from an address carrying the parameters a share
    button or a feed adds is found present (it was added twice), and is recorded
    without them."""
    address = "https://valleycourier.example/news/a"
    first = add_page(empty_site, tmp_path, weir_page(address), "first.html")
    tracked = weir_html(before=f"<!-- saved from url=(0080){address}?{query} -->\n")
    second = add_page(empty_site, tmp_path, tracked.replace("the desk", "our desk"), "2.html")
    assert first.status == "added" and second.status == "skipped", second
    assert "same URL" in second.message


RDF_FEED = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    '<channel rdf:about="https://valleycourier.example/rss"><title>Valley Courier</title>'
    "<link>https://valleycourier.example/</link><description>News</description></channel>"
    '<item rdf:about="https://valleycourier.example/news/a"><title>Gates open</title>'
    "<link>https://valleycourier.example/news/a</link>"
    "<dc:date>2025-03-13T19:42:00+00:00</dc:date><dc:creator>Tamsin Reeve</dc:creator>"
    "</item></rdf:RDF>"
)


def test_an_rss_1_feed_without_an_xml_declaration(empty_site: TinySite, tmp_path: Path) -> None:
    """An RSS 1.0 (RDF) feed that does not open with <?xml ...?>, as a .rdf file or from
    an address, is read as a feed; it was read as a web page and refused."""
    address = "https://valleycourier.example/news/a"
    pages = {
        address: weir_page(address),
        "https://valleycourier.example/index.rdf": RDF_FEED.encode(),
    }
    feed = tmp_path / "index.rdf"
    feed.write_text(RDF_FEED)
    [outcome] = ingest(empty_site.root, [str(feed)], fetch=pages.__getitem__)
    assert outcome.status == "added", outcome
    assert front(outcome)["author"] == "Tamsin Reeve"
    outcome.path.unlink()
    given = "https://valleycourier.example/index.rdf"
    [outcome] = ingest(empty_site.root, [given], fetch=pages.__getitem__)
    assert outcome.status == "added", outcome


BROKEN = "http://[::1"  # no address at all: urllib refuses it (ValueError)


def test_broken_addresses_in_pages_and_feeds_are_no_crash(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Addresses that cannot be parsed, where a page or a feed gives an address, are
    treated as no address: never a traceback."""
    head = f'<base href="{BROKEN}/"><link rel="canonical" href="{BROKEN}/story">'
    outcome = add_page(
        empty_site, tmp_path, weir_html(head, f"<!-- saved from url=(0011){BROKEN} -->")
    )
    assert outcome.status == "added", outcome
    assert "url" not in front(outcome)
    feed = tmp_path / "feed.json"
    feed.write_text(
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Valley Courier",
                "home_page_url": f"{BROKEN}/",
                "items": [
                    {
                        "id": "1",
                        "url": "/a",
                        "title": "A",
                        "content_text": "Some text.",
                        "date_published": "2025-03-13",
                    }
                ],
            }
        )
    )
    rss = tmp_path / "feed.xml"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<link>{BROKEN}/</link><item><title>A</title><link>/a</link></item></channel></rss>"
    )
    page = FRONT_PAGE.replace(b"/feeds/news.rss", f"{BROKEN}/feed".encode())
    pages = {"https://valleycourier.example/feed": page}
    outcomes = ingest(
        empty_site.root,
        [str(feed), str(rss), "https://valleycourier.example/feed"],
        fetch=lambda url: pages[url] if url in pages else no_fetch(url),
    )
    assert [outcome.status for outcome in outcomes] == ["added", "failed", "failed"], [
        outcome.message for outcome in outcomes
    ]


@pytest.mark.parametrize("depth", [900, 100_000])
def test_deeply_nested_json_is_no_crash(empty_site: TinySite, tmp_path: Path, depth: int) -> None:
    """JSON nested deeper than Python recurses, in a page's JSON-LD or in a JSON Feed:
    the page is read without it, the feed refused, never a traceback."""
    nested = "[" * depth + "]" * depth
    head = (
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "x": {nested}}}</script>'
        '<meta property="article:modified_time" content="2025-03-13T20:00:00Z">'
    )
    outcome = add_page(empty_site, tmp_path, weir_html(head))
    assert outcome.status == "added", outcome
    feed = tmp_path / "feed.json"
    feed.write_text(f'{{"version": "https://jsonfeed.org/version/1.1", "items": {nested}}}')
    [outcome] = ingest(empty_site.root, [str(feed)], fetch=no_fetch)
    assert outcome.status in ("failed", "skipped"), outcome


def test_the_publisher_is_the_name_the_site_gives_itself(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A WordPress page names its site in og:site_name ("Valley Courier") and the company
    behind it in its JSON-LD ("Valley Courier Ltd"): the publisher is the site's name
    (it was the company's)."""
    linked = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "headline": "Gates open at the weir", "publisher": {"@id": "#o"}},
            {"@type": "Organization", "@id": "#o", "name": "Valley Courier Ltd"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    outcome = add_page(empty_site, tmp_path, weir_html(head))
    assert front(outcome)["publisher"] == "Valley Courier"


@pytest.mark.parametrize(
    ("before", "head"),
    [
        # The SingleFile extension's note at the top of the page.
        (
            "<!--\n Page saved with SingleFile \n url: https://valleycourier.example/news/a"
            "?utm_medium=social \n saved date: Thu Mar 13 2025 20:10:00 GMT+0000 (Coordinated"
            " Universal Time)\n-->",
            "",
        ),
        # Save Page WE's meta element.
        ("", '<meta name="savepage-url" content="https://valleycourier.example/news/a">'),
    ],
)
def test_a_page_saved_by_a_browser_extension_knows_its_address(
    empty_site: TinySite, tmp_path: Path, before: str, head: str
) -> None:
    """Pages saved as one file by the SingleFile or Save Page WE extensions say where
    they came from in their own way: that is their address (they had none)."""
    outcome = add_page(empty_site, tmp_path, weir_html(head, before))
    assert front(outcome).get("url") == "https://valleycourier.example/news/a"


@pytest.mark.parametrize(
    "archived",
    [
        "https://web.archive.org/web/20250313200000/https://valleycourier.example/news/a",
        "https://web.archive.org/web/20250313200000id_/https://valleycourier.example/news/a",
        "https://archive.ph/2025.03.13-200000/https://valleycourier.example/news/a",
    ],
)
def test_a_page_saved_from_a_web_archive_is_the_article_it_archived(
    empty_site: TinySite, tmp_path: Path, archived: str
) -> None:
    """The Wayback Machine (and archive.today) rewrite a page's canonical link to their
    copy: the article's address is the one archived (it was the archive's), so the same
    article saved from its site is found present."""
    head = f'<link rel="canonical" href="{archived}">'
    first = add_page(empty_site, tmp_path, weir_html(head), "archived.html")
    assert front(first)["url"] == "https://valleycourier.example/news/a"
    address = "https://valleycourier.example/news/a"
    again = weir_page(address).replace(b"</article>", b"<p>From the site.</p></article>")
    second = add_page(empty_site, tmp_path, again, "live.html")
    assert second.status == "skipped" and "same URL" in second.message, second


@pytest.mark.parametrize(
    "promotion",
    [
        "Support local journalism. Subscribe to the Valley Courier from £1 a week.",
        "Subscribe now for unlimited access to the Valley Courier.",
        "Sign up to our newsletter for the day's top stories.",
        "Already a subscriber? Log in here.",
        "Follow us on Facebook, X and Instagram.",
        "Download the Valley Courier app for breaking news alerts.",
        "Become a member and get our journalism without adverts.",
    ],
)
def test_a_sites_promotion_of_itself_is_not_article_text(
    empty_site: TinySite, tmp_path: Path, promotion: str
) -> None:
    """A line asking the reader to subscribe, sign up or follow the site, set among the
    paragraphs, was kept as a paragraph of the article."""
    promo = f'<div class="css-9f2x1a"><p>{promotion}</p></div>'
    html = weir_html().replace("</p><p>", f"</p>{promo}<p>", 1)
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert promotion not in body(outcome)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.html", b"", "the file is empty"),
        ("story.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file, not a web page"),
        ("story.docx", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00", "an image, not a web page"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "an image, not a web page"),
    ],
)
def test_a_file_that_is_no_web_page_says_what_it_is(
    empty_site: TinySite, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    """A PDF, a Word file or an image given to add is refused saying what it is (it was
    'no article text found in the page')."""
    outcome = add_page(empty_site, tmp_path, data, name)
    assert outcome.status == "failed"
    assert outcome.message.startswith(message), outcome.message


RELATED = (
    '<aside class="related"><h2>Related</h2><ul><li><a href="/a">Weir repairs finished</a> '
    '<time datetime="2024-11-02T10:00:00Z">2 November 2024</time></li></ul></aside>'
)
COMMENTS = (
    '<section id="comments"><div class="comment"><p>Gerald</p>'
    '<time datetime="2025-03-14T21:00:00Z">14 March 2025</time>'
    "<p>They should have opened them earlier.</p></div></section>"
)
SITE_FOOTER = "<footer><p>© 2025 Valley Courier. Last updated 14 March 2025.</p></footer>"


@pytest.mark.parametrize(
    ("before", "after"),
    [("", RELATED), (RELATED, ""), ("", COMMENTS), ("", SITE_FOOTER)],
)
def test_a_date_of_other_content_on_the_page_is_not_the_articles(
    empty_site: TinySite, tmp_path: Path, before: str, after: str
) -> None:
    """A page that states no date of its own is not dated by another article's teaser,
    a reader's comment or the site's footer (it was: 2024-11-02, 2025-03-14T21:00...)."""
    html = weir_html().replace(
        '<meta property="article:published_time" content="2025-03-13T19:42:00Z">', ""
    )
    html = html.replace("<article>", f"{before}<article>").replace(
        "</article>", f"</article>{after}"
    )
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "failed", front(outcome)
    assert "no publication date" in outcome.message


def test_a_date_in_the_articles_own_footer_is_the_articles(
    empty_site: TinySite, tmp_path: Path
) -> None:
    posted = (
        '<footer class="entry-footer">Posted on <time class="entry-date published" '
        'datetime="2025-03-13T19:42:00+00:00">March 13, 2025</time></footer>'
    )
    html = weir_html().replace(
        '<meta property="article:published_time" content="2025-03-13T19:42:00Z">', ""
    )
    outcome = add_page(empty_site, tmp_path, html.replace("</article>", f"{posted}</article>"))
    assert outcome.status == "added", outcome
    # The time WordPress's <time class="published"> gives: only the day was kept.
    assert front(outcome)["published"] == "2025-03-13T19:42:00+00:00"


def test_a_utf_16_page_that_says_when_it_was_changed(empty_site: TinySite, tmp_path: Path) -> None:
    """A page saved in UTF-16, published and changed on one day: it keeps its date (the
    page read again without its change's date was read as another encoding)."""
    head = '<meta property="article:modified_time" content="2025-03-13T21:00:00Z">'
    html = weir_html(head).replace('<meta charset="utf-8">', '<meta charset="utf-16">')
    outcome = add_page(empty_site, tmp_path, html.encode("utf-16"))
    assert outcome.status == "added", outcome
    assert front(outcome)["published"] == "2025-03-13T19:42:00+00:00"


@pytest.mark.parametrize(
    ("page_title", "top"),
    [
        # The site's logo is the page's <h1>; the headline a <h2> (the title was the
        # site's name).
        (
            "Gates open at the weir - Valley Courier",
            '<header><h1 class="logo"><a href="/">Valley Courier</a></h1></header>'
            '<h2 class="headline">Gates open at the weir</h2>',
        ),
        # "Site: Headline" (the site's name was kept in the title).
        ("Valley Courier: Gates open at the weir", ""),
    ],
)
def test_the_title_is_the_headline_not_the_sites_name(
    empty_site: TinySite, tmp_path: Path, page_title: str, top: str
) -> None:
    html = weir_html().replace(
        "<title>Gates open at the weir</title>", f"<title>{page_title}</title>"
    )
    html = html.replace("<article><h1>Gates open at the weir</h1>", f"{top}<article>")
    outcome = add_page(empty_site, tmp_path, html)
    assert outcome.status == "added", outcome
    assert front(outcome)["title"] == "Gates open at the weir"


MORE_PARAGRAPHS = (
    "The authority said the gates would stay open until at least Saturday morning, when "
    "engineers expect the level at the weir to fall back below the mark.",
    "A review of the 2019 flood, published last spring, found that warnings had reached "
    "fewer than half of the households in the lower town.",
)


def test_the_same_article_saved_twice_with_a_line_more_or_less_is_found_present(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """The same article saved from Firefox (no address) and from its AMP page, which
    adds a line ('Additional reporting by ...') and drops another: it was added twice,
    its text not being quite the same."""
    text = "".join(f"<p>{p}</p>" for p in (*PARAGRAPHS, *MORE_PARAGRAPHS))
    first = weir_html().replace(TEXT, text)
    amp = weir_html('<link rel="canonical" href="https://valleycourier.example/news/a">')
    amp = amp.replace(TEXT, text + "<p>Additional reporting by Idris Okafor.</p>")
    amp = amp.replace("<p>Gates open at the weir, the desk wrote.</p>", "")
    added = add_page(empty_site, tmp_path, first, "firefox.html")
    again = add_page(empty_site, tmp_path, amp, "amp.html")
    assert added.status == "added", added
    assert again.status == "skipped", again
    assert again.message == f"already present as {added.path.name} (nearly the same text)"


def test_articles_that_share_a_few_paragraphs_are_not_one(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A follow-up story that repeats two paragraphs of background is another article."""
    first = weir_html().replace(TEXT, "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    follow = weir_html(title="Level at the weir falls").replace(
        TEXT,
        "<p>The level at the Marrow weir fell below the warning mark on Saturday morning, "
        "and the river authority began to close the northern sluice gates.</p>"
        "<p>Engineers said the water meadows would take a week to drain.</p>"
        f"<p>{PARAGRAPHS[0]}</p><p>{MORE_PARAGRAPHS[1]}</p>",
    )
    assert add_page(empty_site, tmp_path, first, "first.html").status == "added"
    assert add_page(empty_site, tmp_path, follow, "follow.html").status == "added"


def test_a_wire_story_run_by_two_sites_with_a_line_apart_is_two_sources(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Two sites running one agency story, each adding a line of its own: two
    publications, two sources (only the very same text is one)."""
    text = "".join(f"<p>{p}</p>" for p in (*PARAGRAPHS, *MORE_PARAGRAPHS))
    first = weir_html('<link rel="canonical" href="https://valleycourier.example/news/a">')
    other = weir_html('<link rel="canonical" href="https://marrowherald.example/weir">')
    first = first.replace(TEXT, text)
    other = other.replace(TEXT, text + "<p>The Herald asked the council for comment.</p>")
    assert add_page(empty_site, tmp_path, first, "courier.html").status == "added"
    assert add_page(empty_site, tmp_path, other, "herald.html").status == "added"


FRENCH_PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><title>Les vannes ouvertes à l’écluse</title>'
    '<meta property="og:site_name" content="Le Courrier">'
    '<meta property="article:published_time" content="2025-03-13T19:42:00Z"></head><body>'
    "<article><h1>Les vannes ouvertes à l’écluse</h1><p>L’autorité fluviale a ouvert jeudi "
    "soir les vannes nord de l’écluse.</p><p>« Nous préférons ouvrir tôt », a déclaré "
    "Odile Brannock, présidente du comité.</p></article></body></html>"
)


class _Latin1Handler(http.server.BaseHTTPRequestHandler):
    """Serves one page in windows-1252, saying so only in its Content-Type header."""

    def do_GET(self) -> None:
        body = FRENCH_PAGE.encode("cp1252")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=windows-1252")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_page_whose_charset_only_its_server_gives_is_read_in_it(
    empty_site: TinySite,
) -> None:
    """A page that declares no charset, served as windows-1252: read as such (its
    encoding was guessed, and 'à' came out as 'ŕ')."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Latin1Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}/vannes"
        [outcome] = ingest(empty_site.root, [address])
    finally:
        server.shutdown()
        server.server_close()
    assert outcome.status == "added", outcome
    assert front(outcome)["title"] == "Les vannes ouvertes à l’écluse"


def test_a_feed_keeps_its_own_encoding_over_its_servers(empty_site: TinySite) -> None:
    """A UTF-8 feed that says so, served as ISO-8859-1 (a server's default): read as
    UTF-8; a feed that says nothing is read in the server's charset."""
    declared = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Vallée'
        "</title><item><title>A</title><link>https://x.example/a</link></item></channel></rss>"
    )
    header = "application/rss+xml; charset=iso-8859-1"
    [entry] = read_feed(Fetched(declared.encode(), "https://x.example/feed", header))
    assert entry.publisher == "Vallée"
    bare = declared.replace(' encoding="utf-8"', "").encode("latin-1")
    [entry] = read_feed(Fetched(bare, "https://x.example/feed", header))
    assert entry.publisher == "Vallée"


def test_every_author_of_a_byline_of_links_is_an_author(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """ "By <a rel=author>Tamsin Reeve</a> and <a rel=author>Idris Okafor</a>": both are
    the authors (only the first was)."""
    byline = (
        '<p class="byline">By <a rel="author" href="/people/tr">Tamsin Reeve</a> and '
        '<a rel="author" href="/people/io">Idris Okafor</a></p>'
    )
    outcome = add_page(empty_site, tmp_path, weir_html().replace("</h1>", f"</h1>{byline}"))
    assert front(outcome)["author"] == "Tamsin Reeve; Idris Okafor"


def test_an_article_described_as_its_web_pages_main_entity(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """JSON-LD that describes the page as a WebPage whose mainEntity is the article: the
    article's author and language are read (they were left out)."""
    linked = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "mainEntity": {
            "@type": "NewsArticle",
            "headline": "Gates open at the weir",
            "datePublished": "2025-03-13T19:42:00+01:00",
            "author": [{"@type": "Person", "name": "Tamsin Reeve"}],
            "inLanguage": "en-GB",
        },
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    html = weir_html(head).replace('<html lang="en">', "<html>")
    outcome = add_page(empty_site, tmp_path, html)
    data = front(outcome)
    assert (data.get("author"), data.get("language")) == ("Tamsin Reeve", "en-GB")


def test_a_blog_named_before_the_headline_in_its_title_is_the_publisher(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Blogger titles a post "Blog Name: Headline": the blog is the publisher (it was
    the address's host name, 'valleynotes.blogspot.com')."""
    html = weir_html(
        '<link rel="canonical" href="https://valleynotes.blogspot.com/2025/03/gates.html">'
    )
    html = html.replace(
        "<title>Gates open at the weir</title>",
        "<title>Valley Notes: Gates open at the weir</title>",
    ).replace('<meta property="og:site_name" content="Valley Courier">', "")
    outcome = add_page(empty_site, tmp_path, html)
    assert (front(outcome)["title"], front(outcome)["publisher"]) == (
        "Gates open at the weir",
        "Valley Notes",
    )


def test_the_language_an_xhtml_page_gives_in_xml_lang(empty_site: TinySite, tmp_path: Path) -> None:
    """An XHTML page gives its language as xml:lang only: it is read (it was left out)."""
    html = weir_html().replace(
        '<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB">'
    )
    outcome = add_page(empty_site, tmp_path, html)
    assert front(outcome).get("language") == "en-GB"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<url><loc>https://valleycourier.example/news/a</loc></url></urlset>",
            "a sitemap, not a feed: put the addresses of the articles to add in a text file, "
            "one per line, and add that",
        ),
        (
            weir_html(),
            "a web page, not a feed: name it .html to add it as a page",
        ),
        ('<?xml version="1.0"?><catalog><book/></catalog>', "not an RSS, Atom or JSON feed"),
    ],
)
def test_a_feed_file_that_is_no_feed_says_what_it_is(
    empty_site: TinySite, tmp_path: Path, data: str, message: str
) -> None:
    """A .xml file that is a sitemap, a web page or other XML: the message says which
    (it was 'not an RSS or Atom feed')."""
    outcome = add_page(empty_site, tmp_path, data, "feed.xml")
    assert (outcome.status, outcome.message) == ("failed", message)


def test_a_web_archives_copy_of_an_article_present_is_not_fetched(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """The Wayback Machine's address of an article already added is found present
    without fetching the archive's copy (it was fetched, then found present)."""
    address = "https://valleycourier.example/news/a"
    assert add_page(empty_site, tmp_path, weir_page(address)).status == "added"
    archived = f"https://web.archive.org/web/20250313200000/{address}"
    [outcome] = ingest(empty_site.root, [archived], fetch=no_fetch)
    assert outcome.status == "skipped", outcome


@pytest.mark.parametrize(
    "news",
    [
        "Sign up for the vaccine opened on Monday, the ministry said.",
        "Subscribe to the theory or not, the council said, the gates stay open.",
    ],
)
def test_a_paragraph_of_news_that_opens_like_a_promotion_is_kept(
    empty_site: TinySite, tmp_path: Path, news: str
) -> None:
    html = weir_html().replace("</p><p>", f"</p><p>{news}</p><p>", 1)
    outcome = add_page(empty_site, tmp_path, html)
    assert news in body(outcome)
