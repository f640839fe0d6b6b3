"""`timeline add` with folders, lists of addresses, tracking parameters and non-English
titles: what a desk feeds it besides one saved page at a time."""

from __future__ import annotations

import plistlib
import quopri
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import main
from builder.frontmatter import parse_front_matter
from builder.ingest import FETCHES_AT_ONCE, ingest, normalise_url, without_tracking

from .conftest import ARTICLE, TinySite

PAGES = Path(__file__).parent / "data" / "ingest"
HARBOUR = PAGES / "harbour-reopens.html"
FERRY = PAGES / "ferry-timetable.html"


def page(title: str, body: str, head: str = "", lang: str = "en") -> bytes:
    """A saved article page of our own words, dated and with a publisher."""
    paragraphs = "".join(f"<p>{text}</p>" for text in body.split("\n"))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="og:site_name" content="The Valley Courier">'
        '<meta property="article:published_time" content="2024-05-02T08:00:00+02:00">'
        f"{head}</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
        f"{paragraphs}</article><footer>Contact us</footer></body></html>"
    ).encode()


LIBRARY = page(
    "Library reopens after the flood",
    "The town library reopened on Thursday, three months after floodwater ruined its "
    "ground floor and most of its children's books.\n"
    "Volunteers spent the spring drying archives and rebuilding shelves; the council "
    "paid for new carpets and a ramp at the side entrance.\n"
    "The librarian said more than four hundred readers came through the doors on the "
    "first morning, many of them returning books borrowed before the flood.",
)
MARKET = page(
    "Farmers' market moves to the square",
    "The weekly farmers' market will move to the town square from June, the council "
    "decided on Tuesday after a vote of nine to two.\n"
    "Stallholders had asked for the change for years, saying the car park on the "
    "edge of town kept shoppers away in bad weather.\n"
    "The first market in the square is planned for the second Saturday of June.",
)


class Web:
    """Pages at addresses, served to `ingest` in place of the network."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages, self.fetched = pages, []

    def __call__(self, url: str) -> bytes:
        self.fetched.append(url)
        if url not in self.pages:
            raise OSError(f"the server answered 404 Not Found for {url}")
        return self.pages[url]


def front(path: Path) -> dict:
    return parse_front_matter(path.read_text(encoding="utf-8")).data


def feed(*links: str) -> bytes:
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"<link>https://courier.example/</link><description>d</description>{items}"
        "</channel></rss>"
    ).encode()


def test_opml_list_adds_the_entries_of_each_feed(empty_site: TinySite, tmp_path: Path) -> None:
    web = Web(
        {
            "https://courier.example/rss": feed("https://courier.example/library"),
            "https://courier.example/town.xml": feed("https://courier.example/market"),
            "https://courier.example/library": LIBRARY,
            "https://courier.example/market": MARKET,
        }
    )
    subscriptions = tmp_path / "feeds.opml"
    subscriptions.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>'
        '<outline text="Local"><outline type="rss" text="News" '
        'xmlUrl="https://courier.example/rss"/>'
        '<outline type="rss" text="Town" xmlUrl="https://courier.example/town.xml"/>'
        '<outline type="rss" text="Not the web" xmlUrl="file:///etc/passwd"/>'
        "</outline></body></opml>"
    )
    outcomes = ingest(empty_site.root, [str(subscriptions)], fetch=web)
    assert [(o.origin, o.status) for o in outcomes] == [
        ("https://courier.example/library", "added"),
        ("https://courier.example/market", "added"),
    ]
    assert "file:///etc/passwd" not in web.fetched


def test_unreadable_opml_is_reported_with_its_line(empty_site: TinySite, tmp_path: Path) -> None:
    broken = tmp_path / "feeds.opml"
    broken.write_text('<?xml version="1.0"?>\n<opml><body>\n<outline xmlUrl="x"\n</body></opml>')
    [outcome] = ingest(empty_site.root, [str(broken)], fetch=Web({}))
    assert outcome.status == "failed"
    assert "not a readable OPML file (line 4" in outcome.message


def test_link_shortcuts_and_address_lists(empty_site: TinySite, tmp_path: Path) -> None:
    web = Web(
        {"https://courier.example/library": LIBRARY, "https://courier.example/market": MARKET}
    )
    windows = tmp_path / "Library reopens.url"
    windows.write_text("[InternetShortcut]\r\nURL=https://courier.example/library\r\n")
    mac = tmp_path / "Market.webloc"
    mac.write_bytes(plistlib.dumps({"URL": "https://courier.example/market"}))
    outcomes = ingest(empty_site.root, [str(windows), str(mac)], fetch=web)
    assert [o.status for o in outcomes] == ["added", "added"]
    # A plain list of addresses: comments and blank lines ignored, each address added
    # (here both are present already, and reported so).
    listing = tmp_path / "to-read.txt"
    listing.write_text(
        "# read this morning\n\nhttps://courier.example/library\nhttps://courier.example/market\n"
    )
    again = ingest(empty_site.root, [str(listing)], fetch=web)
    assert [o.status for o in again] == ["skipped", "skipped"]
    assert all("same URL" in o.message for o in again)
    # A shortcut to something that is not a web address is refused, saying why.
    bad = tmp_path / "local.url"
    bad.write_text("[InternetShortcut]\nURL=file:///home/desk/notes.html\n")
    [outcome] = ingest(empty_site.root, [str(bad)], fetch=web)
    assert outcome.status == "failed" and "no http:// or https:// address" in outcome.message


def test_text_with_one_line_that_is_not_an_address_is_not_a_list(
    empty_site: TinySite, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("https://courier.example/library\nCall the librarian back.\n")
    web = Web({"https://courier.example/library": LIBRARY})
    [outcome] = ingest(empty_site.root, [str(notes)], fetch=web)
    assert outcome.status == "failed" and "front matter" in outcome.message
    assert web.fetched == []


def test_folder_adds_its_articles_not_saved_assets(empty_site: TinySite, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "monday").mkdir(parents=True)
    (inbox / "harbour.html").write_bytes(HARBOUR.read_bytes())
    # What "save page, complete" writes beside a page: its assets, ads included.
    (inbox / "harbour_files").mkdir()
    (inbox / "harbour_files" / "ad-frame.html").write_bytes(MARKET)
    (inbox / "harbour-Dateien").mkdir()
    (inbox / "harbour-Dateien" / "tracker.htm").write_bytes(MARKET)
    (inbox / "monday" / "ferry.html").write_bytes(FERRY.read_bytes())
    (inbox / "monday" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (inbox / ".draft.html").write_bytes(LIBRARY)
    outcomes = ingest(empty_site.root, [str(inbox)])
    by_name = {Path(o.origin).name: o for o in outcomes}
    assert set(by_name) == {"harbour.html", "ferry.html", "photo.jpg"}
    assert by_name["harbour.html"].status == "added"
    assert by_name["ferry.html"].status == "added"
    assert by_name["photo.jpg"].status == "skipped"
    assert "not a web page, source file, feed" in by_name["photo.jpg"].message
    (tmp_path / "empty").mkdir()
    [nothing] = ingest(empty_site.root, [str(tmp_path / "empty")])
    assert (nothing.status, nothing.message) == ("skipped", "the folder holds no files")


def test_adding_the_site_folder_does_not_add_its_own_pages(empty_site: TinySite) -> None:
    empty_site.source("wire", ARTICLE)
    built = CliRunner().invoke(main, ["build", "--site", str(empty_site.root), "-q"])
    assert built.exit_code == 0, built.output
    assert (empty_site.root / "site" / "sources" / "wire.html").is_file()
    (empty_site.root / "inbox").mkdir()
    (empty_site.root / "inbox" / "market.html").write_bytes(MARKET)
    outcomes = ingest(empty_site.root, [str(empty_site.root)])
    added = [Path(o.origin).name for o in outcomes if o.status == "added"]
    assert added == ["market.html"]
    for outcome in outcomes:  # the config may be reported as skipped; nothing built is
        assert not Path(outcome.origin).is_relative_to(empty_site.root / "site")
        assert not Path(outcome.origin).is_relative_to(empty_site.root / "content")


def test_tracking_parameters_do_not_make_a_new_article(empty_site: TinySite) -> None:
    # A page with no canonical address, reached from two newsletters.
    first = "https://courier.example/library?utm_source=newsletter&utm_medium=email&id=7"
    second = "http://www.courier.example/library/?id=7&fbclid=AbC123#comments"
    web = Web({first: LIBRARY, second: LIBRARY})
    [added] = ingest(empty_site.root, [first], fetch=web)
    assert added.status == "added"
    assert front(added.path)["url"] == "https://courier.example/library?id=7"
    # The second address is known from the first: skipped without fetching it.
    [again] = ingest(empty_site.root, [str(feed_file(empty_site, second))], fetch=web)
    assert again.status == "skipped" and "same URL" in again.message
    assert web.fetched == [first]


def feed_file(site: TinySite, *links: str) -> Path:
    path = site.root.parent / "feed.xml"
    path.write_bytes(feed(*(link.replace("&", "&amp;") for link in links)))
    return path


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("https://a.example/x?utm_campaign=c", "https://a.example/x", True),
        ("HTTP://WWW.A.example:80/x/", "https://a.example/x", True),
        ("https://a.example/x?page=2", "https://a.example/x?page=3", False),
        ("https://a.example/x", "https://b.example/x", False),
        ("https://a.example:8080/x", "https://a.example/x", False),
        ("https://a.example/story?id=1&utm_source=x", "https://a.example/story?id=2", False),
    ],
)
def test_addresses_compare_as_the_same_article(one: str, other: str, same: bool) -> None:
    assert (normalise_url(one) == normalise_url(other)) is same


def test_only_tracking_parameters_are_removed() -> None:
    assert without_tracking("https://a.example/x?a=1&utm_source=rss&b=%20c") == (
        "https://a.example/x?a=1&b=%20c"
    )
    assert without_tracking("https://a.example/x?gclid=1") == "https://a.example/x"
    assert without_tracking("https://a.example/x#part") == "https://a.example/x#part"


def test_ids_of_accented_and_non_latin_titles(empty_site: TinySite, tmp_path: Path) -> None:
    french = tmp_path / "port.html"
    french.write_bytes(
        page(
            "Le port rouvre après la tempête",
            "Le port a rouvert mardi matin après trois jours de fermeture, et les ferries "
            "ont repris leur rotation habituelle dès sept heures.\n"
            "La capitainerie avait ordonné la fermeture samedi soir, lorsque les rafales "
            "ont dépassé cent trente kilomètres à l'heure sur la côte.",
            head='<meta name="author" content="Par Amélie Durand">',
            lang="fr",
        )
    )
    arabic = tmp_path / "souq.html"
    arabic.write_bytes(
        page(
            "افتتاح السوق القديم",
            "أعيد افتتاح السوق القديم يوم الخميس بعد أعمال ترميم استمرت عامين كاملين في "
            "المدينة.\nقال التجار إن الزبائن عادوا منذ الصباح الباكر إلى الأزقة المرممة.",
            lang="ar",
        )
    )
    first, second = ingest(empty_site.root, [str(french), str(arabic)])
    assert first.path.name == "2024-05-02-le-port-rouvre-apres-la-tempete.md"
    assert front(first.path)["author"] == "Amélie Durand"
    # (no word of the Arabic title in Latin letters: its publisher and a hash of it)
    assert second.path.name == "2024-05-02-the-valley-courier-3405dd.md"
    assert front(second.path)["title"] == "افتتاح السوق القديم"


def authored(names: list[str], extra: str = "") -> bytes:
    """A page naming its authors in JSON-LD, after the text (which names them first)."""
    people = ",".join(f'{{"@type":"Person","name":"{name}"}}' for name in names)
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        f'"@type":"NewsArticle","author":[{people}]}}</script>'
    )
    return page(
        "Bridge inspection finds cracks",
        "Inspectors found cracks in two piers of the old bridge on Monday, and the "
        f"council closed it to lorries until repairs are planned. {extra}\n"
        "Cars and buses may still cross, at no more than thirty kilometres an hour." + ld,
    )


@pytest.mark.parametrize(
    ("names", "extra", "expected"),
    [
        (["J. Ruiz", "Mei Lin"], "", "J. Ruiz; Mei Lin"),
        (["A. B. Smith, Jr."], "", "A. B. Smith, Jr."),
        (["J.R.R. Okafor"], "", "J.R.R. Okafor"),
        # A full stop ending a sentence is not part of a name.
        (["Wei Li"], "The engineer was Wei Li.", "Wei Li"),
    ],
)
def test_authors_keep_the_punctuation_of_their_names(
    empty_site: TinySite, tmp_path: Path, names: list[str], extra: str, expected: str
) -> None:
    saved = tmp_path / "bridge.html"
    saved.write_bytes(authored(names, extra))
    [outcome] = ingest(empty_site.root, [str(saved)])
    assert front(outcome.path)["author"] == expected


def test_a_polled_feed_fetches_only_its_new_entries(empty_site: TinySite, tmp_path: Path) -> None:
    # Feed links that are not the articles' canonical addresses (a redirector's).
    harbour = "https://feeds.example/~r/ledger/harbour"
    market = "https://feeds.example/~r/courier/market"
    web = Web({harbour: HARBOUR.read_bytes(), market: MARKET})
    subscription = tmp_path / "ledger.xml"
    subscription.write_bytes(feed(harbour))
    [first] = ingest(empty_site.root, [str(subscription)], fetch=web)
    assert first.status == "added"
    assert front(first.path)["url"] == "https://ledger.example/news/2024/03/harbour-reopens"
    # The next poll finds one new entry: only that one is fetched.
    subscription.write_bytes(feed(harbour, market))
    known, new = ingest(empty_site.root, [str(subscription)], fetch=web)
    assert (known.status, new.status) == ("skipped", "added")
    assert known.message == f"already present as {first.path.name} (added from this address before)"
    assert web.fetched == [harbour, market]
    # An address given again on the command line is not fetched again either.
    [again] = ingest(empty_site.root, [market], fetch=web)
    assert again.status == "skipped" and web.fetched == [harbour, market]
    # Once its source file is deleted, the address leads to a new one.
    first.path.unlink()
    [back] = ingest(empty_site.root, [str(subscription)], fetch=web)[:1]
    assert back.status == "added" and web.fetched[-1] == harbour


def test_an_unreadable_record_of_fetched_addresses_only_costs_a_fetch(
    empty_site: TinySite,
) -> None:
    web = Web({"https://feeds.example/~r/harbour": HARBOUR.read_bytes()})
    [added] = ingest(empty_site.root, ["https://feeds.example/~r/harbour"], fetch=web)
    record = empty_site.root / ".timeline-cache" / "fetched-addresses.json"
    assert record.is_file()
    record.write_text("{not json")
    [again] = ingest(empty_site.root, ["https://feeds.example/~r/harbour"], fetch=web)
    assert again.status == "skipped" and "same URL" in again.message
    assert len(web.fetched) == 2
    assert "fetched-addresses" not in {p.name for p in (empty_site.root / "content").rglob("*")}
    assert added.path.is_file()


def numbered_pages(count: int) -> dict[str, bytes]:
    return {
        f"https://courier.example/story-{n}": page(
            f"Story number {n} of the day",
            f"This is story number {n}, about the harbour works that went on through "
            "the night, with cranes moving stone blocks into place.\n"
            f"Residents said story {n} was the first they had read about the noise.",
        )
        for n in range(count)
    }


def test_feed_pages_are_fetched_a_few_at_a_time(empty_site: TinySite, tmp_path: Path) -> None:
    pages = numbered_pages(8)
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_fetch(url: str) -> bytes:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.1)
        with lock:
            running[0] -= 1
        return pages[url]

    subscription = tmp_path / "feed.xml"
    subscription.write_bytes(feed(*pages))
    outcomes = ingest(empty_site.root, [str(subscription)], fetch=slow_fetch)
    assert [o.origin for o in outcomes] == list(pages)  # in the feed's order
    assert {o.status for o in outcomes} == {"added"}
    assert 1 < most[0] <= FETCHES_AT_ONCE


def test_outcomes_are_reported_as_they_happen(empty_site: TinySite, tmp_path: Path) -> None:
    pages = numbered_pages(FETCHES_AT_ONCE + 2)
    last = list(pages)[-1]
    first_reported = threading.Event()

    def fetch(url: str) -> bytes:
        # The last page comes only once the first outcome has been reported.
        if url == last and not first_reported.wait(timeout=10):
            raise OSError("the first outcome was not reported before the end")
        return pages[url]

    subscription = tmp_path / "feed.xml"
    subscription.write_bytes(feed(*pages))
    reported = []

    def report(outcome) -> None:
        reported.append(outcome)
        first_reported.set()

    outcomes = ingest(empty_site.root, [str(subscription)], fetch=fetch, report=report)
    assert reported == outcomes and {o.status for o in outcomes} == {"added"}


def mhtml(html: bytes, address: str, charset: str) -> bytes:
    """A page as Chrome saves it "as a single file": a MIME message of the page, its HTML
    quoted-printable, then its resources (here one image)."""
    boundary = "----MultipartBoundary--x1y2z3----"
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {address}\r\n"
        "Subject: Saved page\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n'
        f"--{boundary}\r\n"
        f'Content-Type: text/html; charset="{charset}"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {address}\r\n\r\n"
    ).encode()
    image = (
        f"\r\n--{boundary}\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://courier.example/logo.png\r\n\r\niVBORw0KGgo=\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    return head + quopri.encodestring(html) + image


def test_single_file_saves_of_chrome_and_safari(empty_site: TinySite, tmp_path: Path) -> None:
    # Chrome's MHTML, of a page in windows-1252 that does not say so itself.
    latin = (
        LIBRARY.replace(b'<meta charset="utf-8">', b"")
        .decode()
        .replace("Library reopens", "Bibliothèque rouverte: library reopens")
    )
    chrome = tmp_path / "library.mhtml"
    chrome.write_bytes(mhtml(latin.encode("cp1252"), "https://courier.example/library", "cp1252"))
    # Safari's web archive (a binary property list).
    safari = tmp_path / "market.webarchive"
    safari.write_bytes(
        plistlib.dumps(
            {
                "WebMainResource": {
                    "WebResourceData": MARKET,
                    "WebResourceMIMEType": "text/html",
                    "WebResourceTextEncodingName": "UTF-8",
                    "WebResourceURL": "https://courier.example/market",
                    "WebResourceFrameName": "",
                },
                "WebSubresources": [],
            },
            fmt=plistlib.FMT_BINARY,
        )
    )
    first, second = ingest(empty_site.root, [str(chrome), str(safari)])
    assert (first.status, second.status) == ("added", "added")
    library, market = front(first.path), front(second.path)
    assert library["title"] == "Bibliothèque rouverte: library reopens after the flood"
    assert library["url"] == "https://courier.example/library"  # where it was saved from
    assert market["url"] == "https://courier.example/market"
    assert "four hundred readers" in first.path.read_text(encoding="utf-8")
    broken = tmp_path / "broken.webarchive"
    broken.write_bytes(b"not a property list")
    [outcome] = ingest(empty_site.root, [str(broken)])
    assert outcome.status == "failed" and "web archive" in outcome.message


def test_a_page_with_little_text_is_added_with_a_warning(
    empty_site: TinySite, tmp_path: Path
) -> None:
    teaser = tmp_path / "teaser.html"
    teaser.write_bytes(
        page(
            "Budget talks stall",
            "Talks on the budget stalled again on Friday as councillors left the chamber "
            "without a vote. Subscribe to read the full story.",
        )
    )
    full = tmp_path / "library.html"
    full.write_bytes(LIBRARY)
    short, long = ingest(empty_site.root, [str(teaser), str(full)])
    assert short.status == "added" and "only 22 words of text were found" in short.message
    assert long.status == "added" and "words of text" not in long.message


def test_a_folder_that_is_not_a_site_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["add", "--site", str(tmp_path), str(HARBOUR)])
    assert result.exit_code == 1
    assert "not a timeline site" in result.output and "timeline init" in result.output
    assert list(tmp_path.iterdir()) == []  # no content/ folder made in the wrong place


def test_redirects_and_relative_feed_links_lead_to_the_articles(
    empty_site: TinySite, local_server
) -> None:
    base, www = local_server
    (www / "library.html").write_bytes(LIBRARY)  # names no canonical address
    (www / "market.html").write_bytes(MARKET)
    # A feed whose links are relative to it, one through a redirecting tracker.
    (www / "feed.xml").write_bytes(feed("/go/library.html", "market.html"))
    outcomes = ingest(empty_site.root, [f"{base}/feed.xml"])
    assert [o.status for o in outcomes] == ["added", "added"]
    library, market = (front(o.path)["url"] for o in outcomes)
    assert library == f"{base}/library.html"  # where the redirect led, not the tracker
    assert market == f"{base}/market.html"
    # Polled again: both are known (the tracker's address from the first poll).
    again = ingest(empty_site.root, [f"{base}/feed.xml"])
    assert [o.status for o in again] == ["skipped", "skipped"]
