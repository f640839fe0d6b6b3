"""`timeline add` on saved pages and feeds as newsrooms' systems write them: what the
text keeps (a standfirst, a live page's times) and leaves out (embeds' leftovers), and
what is read of the page (its title, date, address, file id)."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
from pathlib import Path

import pytest

from builder.fetch import FetchError
from builder.frontmatter import parse_front_matter
from builder.ingest import Options, Outcome, ingest

from .conftest import TinySite

# Our own story: a council votes for a flood barrier.
STORY = (
    "Councillors voted 31 to 4 on Tuesday night to approve a flood barrier on the river "
    "Marrow, ending a decade of wrangling over its cost and route.",
    "Work on the barrier will begin in the autumn, the council's leader, Sarah Quill, told "
    "the meeting, and should be finished within three years.",
    "Residents of Fenner Street, whose homes were flooded twice in 2015 and again in 2020, "
    "applauded from the public gallery as the vote was announced.",
    "The Environment Agency will pay £28m of the cost, with the rest coming from the "
    "council's reserves and a levy on new developments.",
)
HEADLINE = "Council approves flood barrier after decade of delays"


def paragraphs_html(paragraphs: tuple[str, ...] | list[str]) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def barrier_page(
    article: str,
    head: str = "",
    title: str = HEADLINE,
    lang: str = "en-GB",
) -> str:
    """A dated page of the Valley Courier, naming itself, with `article` (the markup
    under its headline) in its <article> and `head` in its <head>."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title} | Valley Courier</title>"
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f"{head}</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a>"
        f"</nav></header><main><article><h1>{title}</h1>{article}</article></main>"
        "<footer>© 2025 Valley Courier</footer></body></html>"
    )


def no_fetch(url: str) -> bytes:
    raise FetchError(f"the server answered 404 Not Found ({url})")


def add_file(site: TinySite, folder: Path, content: str | bytes, name: str) -> list[Outcome]:
    saved = folder / name
    saved.write_bytes(content.encode() if isinstance(content, str) else content)
    return ingest(site.root, [str(saved)], fetch=no_fetch)


def add_one(site: TinySite, folder: Path, content: str | bytes, name: str = "page.html"):
    [outcome] = add_file(site, folder, content, name)
    assert outcome.status == "added", outcome
    return outcome


def front(outcome: Outcome) -> dict:
    assert outcome.path is not None
    return parse_front_matter(outcome.path.read_text(encoding="utf-8")).data


def text_of(outcome: Outcome) -> list[str]:
    """The paragraphs of the source file written."""
    assert outcome.path is not None
    body = parse_front_matter(outcome.path.read_text(encoding="utf-8")).body
    return [paragraph.strip() for paragraph in body.split("\n\n") if paragraph.strip()]


STANDFIRST = (
    "The £40m scheme, first proposed after the 2015 floods, will protect 900 homes in the "
    "lower town by 2028"
)


@pytest.mark.parametrize(
    "standfirst",
    [
        f'<p class="standfirst">{STANDFIRST}</p>',  # the Guardian, the BBC's features
        f'<div data-gu-name="standfirst"><p>{STANDFIRST}</p></div>',
        f'<p id="article-summary" class="css-79elbk">{STANDFIRST}</p>',  # NYT
        f'<h2 class="sub-headline">{STANDFIRST}</h2>',  # Arc XP
        f'<p class="article__desc">{STANDFIRST}</p>',  # Le Monde
        f'<h3 class="subtitle">{STANDFIRST}</h3>',  # Substack
        f'<p class="gh-article-excerpt">{STANDFIRST}</p>',  # Ghost
        f'<div class="field--name-field-dek"><p>{STANDFIRST}</p></div>',  # Drupal
    ],
)
def test_the_standfirst_under_the_headline_opens_the_text(
    empty_site: TinySite, tmp_path: Path, standfirst: str
) -> None:
    """The summary a page sets under its headline (standfirst, dek, chapô) is the
    article's own words, and its dates are the article's: it opens the text. It was
    left out, as trafilatura reads only the body beneath it."""
    article = (
        f'{standfirst}<div class="byline">By Tamsin Reeve</div>'
        f'<div class="article-body">{paragraphs_html(STORY)}</div>'
    )
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == [STANDFIRST, *STORY]
    assert front(outcome)["title"] == HEADLINE


def test_a_teasers_summary_is_not_a_standfirst(empty_site: TinySite, tmp_path: Path) -> None:
    """Only the summary above the article's text opens it: another article's, in a list
    of links below, does not."""
    teaser = (
        '<aside class="related"><h2>More on this story</h2><a href="/b"><h3>Weir gates '
        'open</h3><p class="summary">The river authority opened the gates on 13 March '
        "2025 as water rose.</p></a></aside>"
    )
    article = f'<div class="article-body">{paragraphs_html(STORY)}</div>{teaser}'
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "leftover",
    ["pic.twitter.com/XyZ98765", "https://t.co/Ab12Cd34Ef", "pic.x.com/Qw3rTy7u"],
)
def test_an_embedded_posts_picture_link_is_not_text(
    empty_site: TinySite, tmp_path: Path, leftover: str
) -> None:
    """What an embedded post leaves of its picture or link ("pic.twitter.com/...", a
    t.co address) is no word of the article: gone from the end of a paragraph, and a
    paragraph of nothing else is gone. Both were kept."""
    said = '"We are not against protecting homes," said Dan Ferris of the Marrow Valley Trust.'
    article = paragraphs_html([*STORY[:2], leftover, f"{said} {leftover}", *STORY[2:]])
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == [*STORY[:2], said, *STORY[2:]]


ARABIC_HEADLINE = "المجلس يوافق على حاجز الفيضانات بعد عقد من التأخير"


@pytest.mark.parametrize(
    ("address", "name"),
    [
        (
            "https://valleycourier.example/ar/news/2025/04/02/council-approves-flood-barrier/",
            "2025-04-02-council-approves-flood-barrier.md",
        ),
        (
            "https://valleycourier.example/ar/news/flood-barrier-vote.html?ref=rss",
            "2025-04-02-flood-barrier-vote.md",
        ),
        # An address that names the article by a number only: no words to take, the
        # publisher's and a hash of the headline instead.
        (
            "https://valleycourier.example/ar/article/4471932",
            "2025-04-02-valley-courier-487f03.md",
        ),
    ],
)
def test_an_article_titled_in_another_script_is_named_after_its_address(
    empty_site: TinySite, tmp_path: Path, address: str, name: str
) -> None:
    """A source file's name is ASCII; a headline in Arabic, Chinese or Hebrew has no
    letter of it, and every such article of a day was '2025-04-02-article' (then
    '-2', '-3'). The words of the article's address name it where it has some."""
    head = f'<link rel="canonical" href="{address}">'
    page = barrier_page(paragraphs_html(STORY), head, ARABIC_HEADLINE, lang="ar")
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == ARABIC_HEADLINE
    assert outcome.path is not None and outcome.path.name == name


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Совет одобрил строительство дамбы", "2025-04-02-sovet-odobril-stroitelstvo-damby.md"),
        ("Рада схвалила будівництво дамби", "2025-04-02-rada-skhvalila-budivnitstvo-dambi.md"),
        ("Το συμβούλιο ενέκρινε το φράγμα", "2025-04-02-to-symvoulio-enekrine-to-fragma.md"),
    ],
)
def test_a_cyrillic_or_greek_headline_names_the_file_in_latin_letters(
    empty_site: TinySite, tmp_path: Path, headline: str, name: str
) -> None:
    """A Russian, Ukrainian or Greek headline is written in Latin letters for the file's
    name, as newsrooms transliterate names; it was '2025-04-02-article'."""
    page = barrier_page(paragraphs_html(STORY), title=headline, lang="ru")
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == headline
    assert outcome.path is not None and outcome.path.name == name


def rss_feed(items: str) -> str:
    """An RSS 2.0 feed of the Valley Courier holding `items`."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Valley Courier</title>'
        "<link>https://valleycourier.example/</link><description>Local news</description>"
        f"<language>en-GB</language>{items}</channel></rss>"
    )


def rss_item(link: str, pub_date: str, content: str = "", description: str = "") -> str:
    parts = [f"<title>{HEADLINE}</title>"]
    if link:
        parts.append(f"<link>{link}</link>")
    parts.append(f"<pubDate>{pub_date}</pubDate>")
    if description:
        parts.append(f"<description><![CDATA[{description}]]></description>")
    if content:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return f"<item>{''.join(parts)}</item>"


FLOOD_BARRIER = "https://valleycourier.example/2025/04/02/flood-barrier/"


@pytest.mark.parametrize(
    "note",
    [
        # WordPress's SEO plugins add this to every entry of a feed.
        f'The post <a rel="nofollow" href="{FLOOD_BARRIER}">{HEADLINE}</a> appeared first on '
        '<a rel="nofollow" href="https://valleycourier.example">Valley Courier</a>.',
        # A republished article's credit.
        'This article was originally published on <a href="https://x.example">The '
        'Marrow Review</a>. Read the <a href="https://x.example/a">original article</a>.',
    ],
)
def test_a_feeds_note_on_where_the_article_appeared_is_not_its_text(
    empty_site: TinySite, tmp_path: Path, note: str
) -> None:
    """The copy of an article a feed carries may end with a note on where it appeared
    ('The post ... appeared first on Valley Courier.'): no word of the article; it was
    kept as its last paragraph."""
    content = paragraphs_html(STORY) + f"<p>{note}</p>"
    feed = rss_feed(rss_item("", "Wed, 02 Apr 2025 07:15:00 +0000", content))
    [outcome] = add_file(empty_site, tmp_path, feed, "feed.xml")
    assert outcome.status == "added", outcome
    assert text_of(outcome) == list(STORY)


def test_an_entry_dated_to_the_minute_keeps_its_time_when_its_page_gives_only_the_day(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A feed entry's pubDate gives the time; its page (here the feed's copy, at an
    address holding the day) gives only the day: the source has the time. It had the
    day alone, the feed's time dropped."""
    content = paragraphs_html(STORY)
    feed = rss_feed(rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000", content))
    [outcome] = add_file(empty_site, tmp_path, feed, "feed.xml")
    assert outcome.status == "added", outcome
    assert front(outcome)["published"] == "2025-04-02T07:15:00Z"


def test_an_entry_of_another_day_than_its_page_leaves_the_pages_day(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """The page's day stands when the entry's time is on another day (the feed gives
    when it was last changed, say)."""
    content = paragraphs_html(STORY)
    feed = rss_feed(rss_item(FLOOD_BARRIER, "Fri, 04 Apr 2025 10:00:00 +0000", content))
    [outcome] = add_file(empty_site, tmp_path, feed, "feed.xml")
    assert front(outcome)["published"] == "2025-04-02"


YOAST_NOTE = (
    f'<p>The post <a href="{FLOOD_BARRIER}">{HEADLINE}</a> appeared first on '
    '<a href="https://valleycourier.example">Valley Courier</a>.</p>'
)


def test_an_article_a_feed_carries_in_its_description_is_added_when_its_page_is_not(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Some feeds carry the whole article in <description> (no content:encoded): it is
    added when the page cannot be fetched, as content:encoded is. An excerpt there
    (one paragraph cut off with '[…]') is no article. The whole one was refused."""
    whole = paragraphs_html(STORY) + YOAST_NOTE
    excerpt = f"<p>{STORY[0]} Work on the barrier will begin [&#8230;]</p>{YOAST_NOTE}"
    items = rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000", description=whole)
    items += rss_item("", "Wed, 02 Apr 2025 09:00:00 +0000", description=excerpt)
    added, refused = add_file(empty_site, tmp_path, rss_feed(items), "feed.xml")
    assert added.status == "added", added
    assert "from the feed's copy of the article" in added.message
    assert text_of(added) == list(STORY)
    assert front(added)["url"] == FLOOD_BARRIER
    assert refused.status == "failed"
    assert refused.message == "the entry links to no page and carries no article text"


def next_js_page(page_props: dict) -> str:
    """A Next.js page as its server sends it: the metadata in its <head>, the article
    only in the data the script builds the page from."""
    data = {"props": {"pageProps": page_props}, "page": "/[...slug]", "buildId": "b1"}
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{HEADLINE} | Valley Courier</title>"
        f'<meta property="og:title" content="{HEADLINE}">'
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f'<link rel="canonical" href="{FLOOD_BARRIER}"></head><body><div id="__next">'
        '<nav><a href="/">Home</a></nav></div><script id="__NEXT_DATA__" '
        f'type="application/json">{json.dumps(data)}</script></body></html>'
    )


RELATED = [{"headline": "Weir gates open", "url": "/b", "description": "Water rose on Thursday."}]


@pytest.mark.parametrize(
    "page_props",
    [
        # Arc XP: the story's elements, each a paragraph (inline markup in it).
        {
            "globalContent": {
                "content_elements": [
                    {"type": "text", "content": STORY[0].replace("flood", "<b>flood</b>", 1)},
                    {"type": "image", "url": "https://img.example/1.jpg", "caption": "Weir"},
                    *({"type": "text", "content": paragraph} for paragraph in STORY[1:]),
                ],
                "related": RELATED,
            }
        },
        # A headless WordPress: the article's HTML in one string.
        {"post": {"title": HEADLINE, "content": paragraphs_html(STORY), "related": RELATED}},
        # Sanity's portable text: blocks of spans.
        {
            "article": {
                "body": [
                    {"_type": "block", "children": [{"_type": "span", "text": paragraph}]}
                    for paragraph in STORY
                ]
            }
        },
    ],
)
def test_a_next_js_page_is_read_from_the_data_it_is_built_from(
    empty_site: TinySite, tmp_path: Path, page_props: dict
) -> None:
    """A Next.js page saved as its server sent it holds its article only in the script's
    data (__NEXT_DATA__): the paragraphs are read from there, the rest from the page's
    <head>. It was refused ('its text is filled in by a script as it loads')."""
    outcome = add_one(empty_site, tmp_path, next_js_page(page_props))
    assert text_of(outcome) == list(STORY)
    assert front(outcome)["title"] == HEADLINE
    assert front(outcome)["url"] == FLOOD_BARRIER
    assert front(outcome)["published"] == "2025-04-02T08:15:00+01:00"


def news_sitemap(*urls: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{''.join(urls)}</urlset>"
    )


def news_url(address: str, published: str, title: str = HEADLINE) -> str:
    return (
        f"<url><loc>{address}</loc><lastmod>2025-04-05T10:00:00+01:00</lastmod><news:news>"
        "<news:publication><news:name>Valley Courier</news:name>"
        "<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{published}</news:publication_date>"
        f"<news:title>{title}</news:title></news:news></url>"
    )


def test_a_news_sitemap_adds_its_articles_like_a_feed(empty_site: TinySite, tmp_path: Path) -> None:
    """A news sitemap lists a site's latest articles with their dates: each is added as
    a feed's entry is, its publication date (not its lastmod) standing in where the page
    gives none. It was refused ('a sitemap, not a feed')."""
    undated = barrier_page(paragraphs_html(STORY)).replace(
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">', ""
    )
    missing = "https://valleycourier.example/2025/04/02/rest-centre/"
    sitemap = news_sitemap(
        news_url(FLOOD_BARRIER, "2025-04-02T08:15:00+01:00"),
        news_url(missing, "2025-04-02", "Rest centre opens"),
    )

    def fetch(url: str) -> bytes:
        if url == FLOOD_BARRIER:
            return undated.encode()
        return no_fetch(url)

    saved = tmp_path / "news-sitemap.xml"
    saved.write_text(sitemap)
    added, failed = ingest(empty_site.root, [str(saved)], fetch=fetch)
    assert added.status == "added", added
    assert front(added)["published"] == "2025-04-02T08:15:00+01:00"
    assert front(added)["title"] == HEADLINE
    assert text_of(added) == list(STORY)
    assert (failed.status, failed.origin) == ("failed", missing)
    assert "404" in failed.message


@pytest.mark.parametrize("rule", ["___", "* * *", "***", "• • •", "—", "…", "· · ·"])
def test_a_line_that_only_parts_the_text_is_not_a_paragraph(
    empty_site: TinySite, tmp_path: Path, rule: str
) -> None:
    """Wire copy and magazines part an article with a line of strokes or stars ('___'
    above an AP story's credits, '* * *' between sections): no paragraph of words; it
    was kept as one."""
    article = paragraphs_html([*STORY[:2], rule, *STORY[2:]])
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "notice",
    [
        "Il vous reste 62.5% de cet article à lire. La suite est réservée aux abonnés.",
        "Cet article est réservé aux abonnés.",
        "The rest of this article is for subscribers only.",
        "Subscribe to continue reading.",
        "You have reached your limit of free articles this month.",
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "Este artículo es exclusivo para suscriptores.",
    ],
)
def test_a_paywalls_notice_is_not_article_text(
    empty_site: TinySite, tmp_path: Path, notice: str
) -> None:
    """Where a page saved without a subscription stops, the site says the rest is for
    subscribers: no word of the article; it was kept as its last paragraph."""
    article = paragraphs_html(STORY) + f'<section class="paywall"><p>{notice}</p></section>'
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    ("tag", "paragraph_class"),
    [
        ("p", "pw-post-body-paragraph"),  # Medium
        ("p", "body-paragraph"),
        ("p", "article-body__text"),
        ("div", "text__text__1FZLe article-body__paragraph__2-BtD"),  # a wire's site
    ],
)
def test_paragraphs_named_for_the_body_stay_paragraphs(
    empty_site: TinySite, tmp_path: Path, tag: str, paragraph_class: str
) -> None:
    """Medium and other systems name each paragraph after the body it is part of
    (<p class="pw-post-body-paragraph">): each stays a paragraph. They were run
    together into one, as the parts of a body split by advertisements are joined."""
    article = "".join(
        f'<{tag} class="{paragraph_class}">{paragraph}</{tag}>' for paragraph in STORY
    )
    page = barrier_page(f'<div class="article-body__content">{article}</div>')
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "line",
    [
        "© Copyright 2025 Marrow Gazette. All rights reserved.",
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed without permission.",
        "© 2025 Valley Courier Ltd",
        "(c) Valley Courier 2025",
        "Copyright © 2025, Valley Courier",
        "All rights reserved.",
        "Tous droits réservés.",
    ],
)
def test_a_copyright_line_is_not_article_text(
    empty_site: TinySite, tmp_path: Path, line: str
) -> None:
    """A copyright line at an article's foot (a print view's, a wire story's) is the
    site's, not the story's; it was kept as the last paragraph."""
    article = paragraphs_html([*STORY, line])
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == list(STORY)


def test_a_paragraph_about_copyright_stays(empty_site: TinySite, tmp_path: Path) -> None:
    said = "Copyright lawyers said the ruling, expected in 2026, could reshape the industry."
    outcome = add_one(empty_site, tmp_path, barrier_page(paragraphs_html([*STORY, said])))
    assert text_of(outcome) == [*STORY, said]


TWEET = (
    '<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">Finally! '
    'Great news for the lower town tonight. <a href="https://t.co/Ab12Cd34Ef">'
    "pic.twitter.com/Ab12Cd34Ef</a></p>&mdash; Marrowfield Lib Dems (@MarrowLD) "
    '<a href="https://twitter.com/MarrowLD/status/1907">April 1, 2025</a></blockquote>'
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
)
SIGNED_POST = (
    "Finally! Great news for the lower town tonight. "
    "— Marrowfield Lib Dems (@MarrowLD) April 1, 2025"
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-permalink="https://instagram.example/'
    'p/C1/"><div><a href="https://instagram.example/p/C1/">View this post on Instagram</a>'
    '</div><p><a href="https://instagram.example/p/C1/">A post shared by Marrow Rowing Club '
    "(@marrowrowing)</a></p></blockquote>"
)


@pytest.mark.parametrize(
    ("embed", "kept"),
    [
        (TWEET, [SIGNED_POST]),
        (f'<amp-twitter data-tweetid="1907">{TWEET}</amp-twitter>', [SIGNED_POST]),
        (TWEET.replace("twitter-tweet", "bluesky-embed"), [SIGNED_POST]),
        (INSTAGRAM, []),
    ],
)
def test_an_embedded_post_is_one_paragraph_signed_by_its_author(
    empty_site: TinySite, tmp_path: Path, embed: str, kept: list[str]
) -> None:
    """An embedded post is its author's words, not the article's: its text and its
    signature ('— Name (@handle) date') are one paragraph. The signature was a paragraph
    of its own, and the post's words read as the reporter's. An Instagram embed holds
    only the embed's own labels ('View this post on Instagram'), which were kept."""
    article = paragraphs_html(STORY[:2]) + embed + paragraphs_html(STORY[2:])
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == [*STORY[:2], *kept, *STORY[2:]]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        (
            "Council&amp;#8217;s barrier vote &amp;#8211; at last",
            "Council’s barrier vote – at last",
        ),
        ("Council &lt;em&gt;approves&lt;/em&gt; barrier", "Council approves barrier"),
        ("Barrier costs &amp;lt; £40m", "Barrier costs < £40m"),
    ],
)
def test_a_feed_title_written_in_html_is_read_as_text(
    empty_site: TinySite, tmp_path: Path, written: str, title: str
) -> None:
    """Feeds write titles as HTML (Atom's type="html"; what RSS readers take them for):
    its character references and markup are read, not kept. The title was
    'Council&#8217;s barrier vote &#8211; at last', and the publisher 'Valley &amp; Co'."""
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title type="html">Valley Courier &amp;amp; Gazette</title>'
        '<link href="https://valleycourier.example/"/><id>tag:vc,2025:feed</id>'
        "<updated>2025-04-02T09:00:00Z</updated><entry>"
        f'<title type="html">{written}</title><link rel="alternate" href="/news/barrier"/>'
        "<id>tag:vc,2025:1</id><published>2025-04-02T08:15:00+01:00</published>"
        f'<content type="html">{paragraphs_html(STORY).replace("<", "&lt;")}</content>'
        "</entry></feed>"
    )
    [outcome] = add_file(empty_site, tmp_path, feed, "feed.atom")
    assert outcome.status == "added", outcome
    assert front(outcome)["title"] == title
    assert front(outcome)["publisher"] == "Valley Courier & Gazette"
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        (
            "Mis à jour le 3 avril 2025 à 10h02 <span>Publié le 2 avril 2025 à 08h15</span>",
            "2025-04-02",
        ),
        (
            "<span>Updated 10:02 AM EDT, Thu April 3, 2025</span> | "
            "<span>Published 8:15 AM EDT, Wed April 2, 2025</span>",
            "2025-04-02T08:15:00-04:00",
        ),
        ("Aktualisiert am 03.04.2025 – Veröffentlicht am 02.04.2025", "2025-04-02"),
    ],
)
def test_a_line_giving_the_update_before_the_publication_dates_the_publication(
    empty_site: TinySite, tmp_path: Path, stamp: str, published: str
) -> None:
    """A page that states only in its text when it was changed, then when it was
    published, on one line ('Updated ... | Published ...'), is dated by its publication
    (with its time where the line gives its zone); it was dated by its update, 3 April."""
    page = barrier_page(f'<div class="timestamp">{stamp}</div>{paragraphs_html(STORY)}')
    page = page.replace(
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">', ""
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["published"] == published
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "credit",
    [
        '<p class="credit">Photograph: Jane Doe/Valley Courier</p>',
        "<p>Photo credit: Tom Lee</p>",
        '<p><span class="image-credit">Getty Images</span></p>',
        "<p>AFP via Getty Images</p>",
        "<p>Jane Doe/Reuters</p>",
        "<p>AP Photo/Jon Super</p>",
        # The labels a BBC page gives its pictures for screen readers.
        "<p>Image source, Getty Images</p><p>Image caption, The river burst its banks in 2015</p>",
        "<p>Media caption, Residents watched the vote from the gallery</p>",
    ],
)
def test_a_pictures_credit_or_label_is_not_article_text(
    empty_site: TinySite, tmp_path: Path, credit: str
) -> None:
    """What a page says of a picture among the paragraphs (its credit, the agency that
    took it, a screen reader's 'Image caption, ...') is not the article's text; it was
    kept as paragraphs."""
    article = paragraphs_html(STORY[:2]) + credit + paragraphs_html(STORY[2:])
    outcome = add_one(
        empty_site, tmp_path, barrier_page(f'<div class="article-body">{article}</div>')
    )
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "tool",
    [
        "Share this article",
        "Share",
        "Share on Facebook",
        "Copy link",
        "Link copied",
        "Save",
        "Print this page",
        "Listen to this article",
        "Gift this article",
        "6 min read",
        "Duration 2:13",
        "Comments (12)",
        "Поделиться",
        "مشاركة",
        "分享到：",
    ],
)
def test_a_pages_tools_are_not_article_text(
    empty_site: TinySite, tmp_path: Path, tool: str
) -> None:
    """The labels of a page's tools among its paragraphs (sharing, saving, printing,
    listening; a video's duration, the reading time) are no words of the article; they
    were kept as paragraphs."""
    article = paragraphs_html([*STORY[:2], tool, *STORY[2:]])
    page = barrier_page(f'<div class="article-body">{article}</div>')
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="Valley Courier">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "Person", "name": "Valley Courier"}}</script>',
        '<meta name="author" content="Valley Courier; Tamsin Reeve">',
    ],
)
def test_the_publisher_named_as_author_is_no_author(
    empty_site: TinySite, tmp_path: Path, head: str
) -> None:
    """Content systems fill in the site's name where an article has no byline: the
    source's author is a person who wrote it, not its publisher again. It was
    'Valley Courier'."""
    outcome = add_one(empty_site, tmp_path, barrier_page(paragraphs_html(STORY), head))
    assert front(outcome)["publisher"] == "Valley Courier"
    assert front(outcome).get("author") in (None, "Tamsin Reeve")
    assert "Valley Courier" not in front(outcome).get("author", "")


CHINESE_STORY = (
    "市议会周二晚间以31票对4票通过了在马罗河修建防洪堤的计划，结束了长达十年的争论。",
    "议会领导人表示，工程将于今年秋季开工，预计三年内完工。",
    "菲纳街的居民曾在2015年和2020年两次遭受洪水侵袭，他们在旁听席上鼓掌欢迎表决结果。",
)


@pytest.mark.parametrize(
    "line",
    [
        "2025年04月02日 08:15　来源：河谷日报　作者：王小明",
        "发布时间：2025-04-02 08:15:00 来源：河谷日报",
        "（责任编辑：李华）",
        "责任编辑：李华",
        "【编辑：张三】",
    ],
)
def test_a_chinese_pages_date_source_and_editor_lines_are_not_text(
    empty_site: TinySite, tmp_path: Path, line: str
) -> None:
    """Chinese news pages give the date, source and author on a line of labelled fields
    above the text, and the editor in charge below it: the page's, not the story's.
    They were kept as paragraphs."""
    article = (
        f'<div class="info">{line}</div><div id="detail">{paragraphs_html(CHINESE_STORY)}</div>'
    )
    page = barrier_page(article, title="马罗河防洪堤获批 历时十年", lang="zh-CN")
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(CHINESE_STORY)


@pytest.mark.parametrize(
    "pointer",
    [
        "Читайте также: Наводнение 2015 года: как это было",
        "اقرأ أيضاً: فيضانات 2015.. ماذا حدث؟",
        "Leggi anche: L'alluvione del 2015",
        "Leia também: As cheias de 2015",
        "Lees ook: De overstromingen van 2015",
        "相关阅读：2015年洪水回顾",
    ],
)
def test_a_pointer_to_another_article_in_more_languages_is_not_text(
    empty_site: TinySite, tmp_path: Path, pointer: str
) -> None:
    """'Read more:' in Russian, Arabic, Italian, Portuguese, Dutch and Chinese points to
    another article, whose dates are not this one's, as 'Lire aussi' does; it was kept."""
    article = paragraphs_html([*STORY[:2], pointer, *STORY[2:]])
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "credit", ["Фото: ТАСС", "الصورة: رويترز", "Foto: dpa", "Photo : AFP", "图片：新华社"]
)
def test_a_pictures_credit_in_more_languages_is_not_text(
    empty_site: TinySite, tmp_path: Path, credit: str
) -> None:
    """A picture's credit in Russian, Arabic, German, French or Chinese is the picture's,
    as 'Photograph: ...' is; it was kept as a paragraph."""
    article = paragraphs_html([*STORY[:2], credit, *STORY[2:]])
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<div class="author">Автор: Иван Петров</div>', "Иван Петров"),
        ('<div class="author">Author: Jo Marsh</div>', "Jo Marsh"),
        ('<span class="author">Auteur : Camille Roux</span>', "Camille Roux"),
        ('<div class="author">Autor: Jan Nowak</div>', "Jan Nowak"),
        ('<meta name="author" content="بقلم: سارة أحمد">', "سارة أحمد"),
    ],
)
def test_an_author_label_is_not_part_of_the_authors_name(
    empty_site: TinySite, tmp_path: Path, byline: str, author: str
) -> None:
    """'Author:' in a byline (Автор, Auteur, Autor, بقلم) labels the name and is none of
    it, as 'By' is not; the author was 'Автор Иван Петров'."""
    if byline.startswith("<meta"):
        page = barrier_page(paragraphs_html(STORY), byline)
    else:
        page = barrier_page(byline + paragraphs_html(STORY))
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["author"] == author


@pytest.mark.parametrize(
    "picture",
    [
        '<figure><img src="w.jpg"><p class="image__description">The weir at Marrow, which '
        "flooded in 2015, 2020 and again this March</p></figure>",
        '<div class="lead-media"><img src="w.jpg"><div class="media-description">The weir '
        "at Marrow, which flooded in 2015, 2020 and again this March</div></div>",
        '<div class="video-summary">Watch the moment the weir gave way in March 2020, '
        "filmed by a resident</div>",
    ],
)
def test_a_pictures_description_under_the_headline_is_no_standfirst(
    empty_site: TinySite, tmp_path: Path, picture: str
) -> None:
    """What describes the picture or video under the headline is the picture's, not a
    summary of the article: it does not open the text."""
    page = barrier_page(f'{picture}<div class="article-body">{paragraphs_html(STORY)}</div>')
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(STORY)


def test_a_script_payload_of_mixed_values_is_not_read_as_the_article(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Nuxt flattens the data it builds a page from into one list of every value (links,
    names, teasers of other articles and the story's words, in no order): it is no list
    of paragraphs, and the page is refused with the way to save it, rather than read as
    an article of whatever strings it holds."""
    teasers = [
        "Weir gates opened on Thursday as the river rose above the warning mark in 2025.",
        "Rest centre opens in the old grammar school for forty residents of the flats.",
        "A history of the Marrow floods, from the great flood of 1866 to the present day.",
    ]
    payload = [
        ["Reactive", 1],
        {"data": 2, "state": 3},
        "https://valleycourier.example/news/b",
        "Valley Courier",
        *teasers,
        "barrier-vote",
        "2025-04-02T08:15:00+01:00",
        {"slug": 7, "title": 8},
        "en-GB",
        "/images/w.jpg",
        "flood",
        "council",
    ]
    script = f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(payload)}</script>'
    page = next_js_page({}).replace('<script id="__NEXT_DATA__"', '<script id="unused"')
    page = page.replace("</body>", f"{script}</body>")
    [outcome] = add_file(empty_site, tmp_path, page, "page.html")
    assert outcome.status == "failed"
    assert "its text is filled in by a script as it loads" in outcome.message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF file, not a web page"),
        (b"\x89PNG\r\n\x1a\n", "an image, not a web page"),
        (b"", "the server sent an empty page"),
    ],
)
def test_an_address_that_gives_no_web_page_says_what_it_gave(
    empty_site: TinySite, body: bytes, message: str
) -> None:
    """An address (or a feed entry's link) that gives a PDF, an image or nothing is
    reported as such, as a file given to add is; it was 'no article text found in the
    page'."""
    [outcome] = ingest(
        empty_site.root, ["https://valleycourier.example/report"], fetch=lambda u: body
    )
    assert outcome.status == "failed"
    assert outcome.message.startswith(message), outcome.message


COMMENT_DATED = (
    '<li itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
    '<span itemprop="author">Pete Marsh</span> <time itemprop="datePublished" '
    'datetime="2025-04-03T08:00:00+00:00">April 3, 2025 at 8:00 am</time>'
    '<div itemprop="text"><p>About time too.</p></div></li>'
)


@pytest.mark.parametrize(
    "comments",
    [
        f'<ol class="commentlist">{COMMENT_DATED}</ol>',  # WordPress's older themes
        f'<ol class="discussion">{COMMENT_DATED}</ol>',
        f"<ol>{COMMENT_DATED}</ol>",  # known by its schema.org type alone
    ],
)
def test_a_readers_comment_does_not_date_the_article(
    empty_site: TinySite, tmp_path: Path, comments: str
) -> None:
    """A reader's comment below an article, marked up with its own datePublished, is no
    date of the article's: a page stating none of its own is refused. It was dated by
    the comment (3 April)."""
    page = barrier_page(paragraphs_html(STORY)).replace(
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">', ""
    )
    page = page.replace("</main>", f"</main>{comments}")
    [outcome] = add_file(empty_site, tmp_path, page, "page.html")
    assert outcome.status == "failed", front(outcome)
    assert outcome.message.startswith("the page gives no publication date")


def test_a_commenter_is_not_the_articles_author(empty_site: TinySite, tmp_path: Path) -> None:
    """The author a reader's comment names (itemprop="author" in a schema.org Comment)
    is no author of the article; the source's author was 'Pete Marsh'."""
    page = barrier_page(paragraphs_html(STORY)).replace(
        "</main>", f"</main><ol>{COMMENT_DATED}</ol>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert "author" not in front(outcome)


def teaser(date: str, wrapper: str) -> str:
    return (
        f'<section class="{wrapper}"><h2>More news</h2><article class="card"><a href="/b">'
        f'<h3>Weir gates opened as river rises</h3></a><time datetime="{date}">3 April '
        "2025</time></article></section>"
    )


@pytest.mark.parametrize(
    "wrapper", ["latest-news", "more-from-valley-courier", "you-may-like", "promo", "cards"]
)
def test_another_articles_teaser_does_not_date_the_article(
    empty_site: TinySite, tmp_path: Path, wrapper: str
) -> None:
    """A teaser for another article (an <article> of its own beside the one holding the
    headline, in a list of the latest news) dates that article, not this one: a page
    stating no date of its own is refused. It was dated by the teaser."""
    page = barrier_page(paragraphs_html(STORY)).replace(
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">', ""
    )
    page = page.replace("</main>", f"{teaser('2025-04-03', wrapper)}</main>")
    [outcome] = add_file(empty_site, tmp_path, page, "page.html")
    assert outcome.status == "failed", front(outcome)
    assert outcome.message.startswith("the page gives no publication date")


@pytest.mark.parametrize("separator", ["|", "-", "–", "·"])
def test_a_site_named_only_beside_the_headline_in_its_titles(
    empty_site: TinySite, tmp_path: Path, separator: str
) -> None:
    """A page whose og:title and <title> are both 'Headline | Site', naming its site
    nowhere else, and whose <h1> is the headline alone: the title is the headline and
    the publisher the site. The title was the whole, and the page refused for naming no
    publisher."""
    titled = f"{HEADLINE} {separator} Valley Courier"
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{titled}</title>'
        f'<meta property="og:title" content="{titled}">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f"</head><body><article><h1>{HEADLINE}</h1>{paragraphs_html(STORY)}</article>"
        "</body></html>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == HEADLINE
    assert front(outcome)["publisher"] == "Valley Courier"


def test_an_atom_entry_whose_only_address_is_its_tag_id_links_to_no_page(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An Atom entry with no alternate link (an enclosure, a 'related' link) is known by
    its id alone ('tag:valleycourier.example,2025:4411'), which is no page's address: it
    is added from the article it carries, without an address. Its id was fetched as its
    page and refused ('only http:// and https:// addresses can be fetched')."""
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Courier</title><id>tag:valleycourier.example,2025:feed</id>"
        "<updated>2025-04-02T09:00:00Z</updated><entry>"
        f"<title>{HEADLINE}</title><id>tag:valleycourier.example,2025:4411</id>"
        '<link rel="related" href="https://valleycourier.example/topics/floods"/>'
        "<published>2025-04-02T08:15:00+01:00</published>"
        f'<content type="html">{paragraphs_html(STORY).replace("<", "&lt;")}</content>'
        "</entry></feed>"
    )
    [outcome] = add_file(empty_site, tmp_path, feed, "feed.atom")
    assert outcome.status == "added", outcome
    assert "the entry links to no page" in outcome.message
    assert "url" not in front(outcome)
    assert text_of(outcome) == list(STORY)


def test_a_page_saved_from_firefoxs_reader_view_knows_its_address(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """Firefox's Reader View, saved, links to where the article came from in its header
    (<a class="domain reader-domain">): that is its address, and its host names the
    site where nothing else does. It had no address and was refused for naming no
    publisher."""
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council approves flood '
        'barrier</title><link rel="stylesheet" href="chrome://global/skin/aboutReader.css">'
        '</head><body class="light sans-serif loaded"><div class="container"><div class="'
        'header reader-header reader-show-element"><a class="domain reader-domain" href="'
        f'{FLOOD_BARRIER}">valleycourier.example</a><h1 class="reader-title">{HEADLINE}</h1>'
        '<div class="credits reader-credits">Tamsin Reeve</div></div><hr><div class="content">'
        f'<div class="mozReaderContent"><div id="readability-page-1" class="page">'
        f"{paragraphs_html(STORY)}</div></div></div></div></body></html>"
    )
    saved = tmp_path / "page.html"
    saved.write_text(page)
    [outcome] = ingest(
        empty_site.root, [str(saved)], Options(published="2025-04-02"), fetch=no_fetch
    )
    assert outcome.status == "added", outcome
    assert front(outcome)["url"] == FLOOD_BARRIER
    assert front(outcome)["publisher"] == "valleycourier.example"
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Page 1 of 3",
        "Next page »",
        "« Previous page",
        "Previous article",
        "Next story",
        "Tags: floods, weather, Marrowfield",
        "Topics",
        "Loading...",
        "Most Read",
    ],
)
def test_a_pages_navigation_among_the_paragraphs_is_not_text(
    empty_site: TinySite, tmp_path: Path, line: str
) -> None:
    """What moves the reader about the site (pages of the article, the previous or next
    story, its tags, a list's heading) is no word of the article; it was kept."""
    article = paragraphs_html([*STORY[:2], line, *STORY[2:]])
    page = barrier_page(f'<div class="article-body">{article}</div>')
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "appeal",
    [
        "Have you been affected? Email us at news@valleycourier.example",
        "Do you have a story? Contact our newsroom.",
        "Our journalism relies on your support. Please consider donating.",
        "We use cookies to improve your experience. Accept",
        "Click here for the latest updates",
        "Got a news tip? Get in touch.",
    ],
)
def test_a_sites_appeal_to_its_readers_is_not_text(
    empty_site: TinySite, tmp_path: Path, appeal: str
) -> None:
    """The site asking its readers for stories, tips or money, or telling them of its
    cookies, among the paragraphs is no word of the article; it was kept."""
    article = paragraphs_html([*STORY[:2], appeal, *STORY[2:]])
    page = barrier_page(f'<div class="article-body">{article}</div>')
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "stamp",
    ["Updated 2 hours ago", "Published 35 minutes ago", "Posted yesterday", "Updated 3h ago"],
)
def test_a_line_giving_the_pages_age_is_not_text(
    empty_site: TinySite, tmp_path: Path, stamp: str
) -> None:
    """'Updated 2 hours ago' says when the page was changed, counted from when it was
    saved: no text of the article (and no date to read from it); it was kept."""
    article = paragraphs_html([stamp, *STORY])
    outcome = add_one(
        empty_site, tmp_path, barrier_page(f'<div class="article-body">{article}</div>')
    )
    assert text_of(outcome) == list(STORY)


def test_relative_links_of_a_feed_file_naming_only_its_own_address(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An RSS file naming no site, only its own address (<atom:link rel="self">, as
    WordPress writes it), whose entries link relative to it: each link is made whole
    against that address. It was fetched as '/2025/04/02/flood-barrier/' and failed."""
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Valley Courier</title>'
        '<atom:link href="https://valleycourier.example/feed/" rel="self" '
        'type="application/rss+xml"/><item><title>Barrier</title>'
        "<link>/2025/04/02/flood-barrier/</link></item></channel></rss>"
    )
    pages = {FLOOD_BARRIER: barrier_page(paragraphs_html(STORY)).encode()}
    saved = tmp_path / "feed.xml"
    saved.write_text(feed)
    [outcome] = ingest(empty_site.root, [str(saved)], fetch=pages.__getitem__)
    assert outcome.status == "added", outcome
    assert outcome.origin == FLOOD_BARRIER


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    """Serves the barrier page at any path, remembering the paths asked for."""

    asked: list[str] = []

    def do_GET(self) -> None:
        type(self).asked.append(self.path)
        body = barrier_page(paragraphs_html(STORY), title=ARABIC_HEADLINE, lang="ar").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("path", "sent"),
    [
        ("/أخبار/حاجز-الفيضانات", "/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/"),
        ("/news/flood barrier?q=سد", "/news/flood%20barrier?q=%D8%B3%D8%AF"),
    ],
)
def test_an_address_written_in_other_letters_is_fetched(
    empty_site: TinySite, path: str, sent: str
) -> None:
    """An address with Arabic letters or a space in it, as feeds and readers write them,
    is fetched as browsers send it (its letters percent-encoded); it was refused
    ('could not fetch it (ordinal not in range(128))')."""
    _RecordingHandler.asked = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}{path}"
        [outcome] = ingest(empty_site.root, [address])
    finally:
        server.shutdown()
        server.server_close()
    assert outcome.status == "added", outcome
    assert _RecordingHandler.asked[0].startswith(sent)


def test_an_address_in_letters_is_the_same_as_the_one_percent_encoded(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page whose canonical address is percent-encoded, as sites write it, is the one a
    feed or a reader gives in Arabic letters: it is found present without being fetched
    again. It was fetched again."""
    encoded = "https://valleycourier.example/ar/%D8%AD%D8%A7%D8%AC%D8%B2"
    head = f'<link rel="canonical" href="{encoded}">'
    add_one(empty_site, tmp_path, barrier_page(paragraphs_html(STORY), head))
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return no_fetch(url)

    [outcome] = ingest(empty_site.root, ["https://valleycourier.example/ar/حاجز"], fetch=fetch)
    assert outcome.status == "skipped", outcome
    assert "same URL" in outcome.message
    assert fetched == []


@pytest.mark.parametrize(
    "titled",
    [
        f"{HEADLINE} | Flooding | Valley Courier",
        f"{HEADLINE} - Local News - Valley Courier",
        f"Valley Courier | Flooding | {HEADLINE}",
    ],
)
def test_a_title_naming_the_section_and_the_site_beside_the_headline(
    empty_site: TinySite, tmp_path: Path, titled: str
) -> None:
    """'Headline | Section | Site', the page naming its site nowhere else and its <h1>
    giving the headline: the title is the headline and the publisher the site at the
    title's other end. The title was the whole, and the page refused for naming no
    publisher."""
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{titled}</title>'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f"</head><body><article><h1>{HEADLINE}</h1>{paragraphs_html(STORY)}</article>"
        "</body></html>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == HEADLINE
    assert front(outcome)["publisher"] == "Valley Courier"


CONSENT_WALL = (
    '<!DOCTYPE html><html lang="en"><head><title>Before you continue</title></head><body>'
    "<main><h1>Before you continue to Valley Courier</h1><p>We use cookies and data to "
    "deliver and maintain our services, measure audience engagement and site statistics "
    "to understand how our services are used.</p><p>If you choose to Accept all, we will "
    "also use cookies and data to develop and improve new services and deliver and measure "
    "the effectiveness of ads.</p><p>If you choose to Reject all, we will not use cookies "
    "for these additional purposes.</p><form><button>Reject all</button><button>Accept all"
    "</button></form></main></body></html>"
)


def test_a_cookie_consent_page_in_place_of_the_article_is_not_added(
    empty_site: TinySite,
) -> None:
    """A site that answers with a page asking to accept its cookies (where a feed's entries
    or an address lead) gives no article: the entry is added from the article the feed
    carries, or reported. The consent page was added as the article, and every other
    entry then skipped as 'same text'."""
    items = rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000", paragraphs_html(STORY))
    items += rss_item(
        "https://valleycourier.example/2025/04/02/rest-centre/",
        "Wed, 02 Apr 2025 09:15:00 +0000",
    )
    feed = rss_feed(items).encode()
    pages = {"https://valleycourier.example/feed/": feed}
    outcomes = ingest(
        empty_site.root,
        ["https://valleycourier.example/feed/"],
        fetch=lambda url: pages.get(url, CONSENT_WALL.encode()),
    )
    added, refused = outcomes
    assert added.status == "added", added
    assert "from the feed's copy of the article" in added.message
    assert text_of(added) == list(STORY)
    assert refused.status == "failed"
    assert "cookies" in refused.message


CLOUDFLARE = (
    '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
    '<div class="main-content"><h1 class="zone-name-title h1">valleycourier.example</h1>'
    "<h2>Checking if the site connection is secure</h2><div>valleycourier.example needs to "
    "review the security of your connection before proceeding.</div></div><div>Ray ID: "
    "<code>7f1a2b3c4d5e6f70</code></div><div>Performance &amp; security by Cloudflare</div>"
    "</body></html>"
)
ACCESS_DENIED = (
    "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don't "
    'have permission to access "http&#58;&#47;&#47;valleycourier&#46;example&#47;news" on '
    "this server.<P>Reference&#32;&#35;18&#46;4f2a1b17&#46;1712050000</BODY></HTML>"
)
NOT_FOUND = (
    '<!DOCTYPE html><html lang="en"><head><title>Page not found | Valley Courier</title>'
    '<meta property="og:site_name" content="Valley Courier"></head><body><main><h1>Page '
    "not found</h1><p>Sorry, the page you were looking for could not be found. It may have "
    "been moved or deleted.</p><p>Try searching for what you were looking for, or go back "
    "to our home page for the latest news from the Marrow valley.</p></main></body></html>"
)
ROBOT_CHECK = (
    "<!DOCTYPE html><html><head><title>Are you a robot?</title></head><body><h1>Please "
    "verify you are a human</h1><p>Access to this page has been denied because we believe "
    "you are using automation tools to browse the website.</p><p>Please make sure that "
    "Javascript and cookies are enabled on your browser.</p><p>Reference ID: 0a1b2c3d</p>"
    "</body></html>"
)


@pytest.mark.parametrize("answer", [CLOUDFLARE, ACCESS_DENIED, NOT_FOUND, ROBOT_CHECK])
def test_a_site_answering_with_an_error_or_a_check_gives_no_article(
    empty_site: TinySite, answer: str
) -> None:
    """A site that answers with a page of its own in place of the article (a check that
    the visitor is human, 'Access Denied', 'Page not found', all sent as pages) gives no
    article: a feed's entry is reported with what the site said. It was added as the
    article, titled 'Access Denied', dated by the entry."""
    feed = rss_feed(rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000")).encode()
    pages = {"https://valleycourier.example/feed/": feed}
    [outcome] = ingest(
        empty_site.root,
        ["https://valleycourier.example/feed/"],
        fetch=lambda url: pages.get(url, answer.encode()),
    )
    assert outcome.status == "failed", outcome
    assert outcome.message.startswith("the site answered with a page saying"), outcome.message


def test_a_page_giving_a_teaser_takes_the_text_the_feed_carries(empty_site: TinySite) -> None:
    """A feed entry whose page gives only a teaser (a paywall cuts it after a paragraph)
    while the feed carries the whole article: the source has the page's title, date and
    address with the feed's text. It had the teaser alone."""
    teaser = barrier_page(
        paragraphs_html(STORY[:1]) + "<p>Subscribe to continue reading.</p>",
        '<link rel="canonical" href="https://valleycourier.example/news/flood-barrier">',
    )
    feed = rss_feed(
        rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000", paragraphs_html(STORY))
    ).encode()
    pages = {"https://valleycourier.example/feed/": feed, FLOOD_BARRIER: teaser.encode()}
    [outcome] = ingest(
        empty_site.root, ["https://valleycourier.example/feed/"], fetch=pages.__getitem__
    )
    assert outcome.status == "added", outcome
    assert "the page gave only" in outcome.message
    assert text_of(outcome) == list(STORY)
    assert front(outcome)["url"] == "https://valleycourier.example/news/flood-barrier"
    assert front(outcome)["published"] == "2025-04-02T08:15:00+01:00"


def test_a_paywalled_page_whose_linked_data_holds_the_whole_article(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page saved without a subscription shows a paragraph, but gives the whole article
    in its JSON-LD (articleBody, as paywalled sites do for search engines): the text is
    the whole article. It was the paragraph alone."""
    linked = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "isAccessibleForFree": False,
        "articleBody": "\n".join(STORY),
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    shown = (
        paragraphs_html(STORY[:1])
        + '<div class="paywall"><p>Subscribe to continue reading.</p></div>'
    )
    outcome = add_one(empty_site, tmp_path, barrier_page(shown, head))
    assert text_of(outcome) == list(STORY)


def test_a_next_js_page_showing_a_teaser_is_read_from_its_data(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A Next.js page whose server sends the first paragraph (the rest is filled in as it
    loads, or held back for subscribers) and the whole story in its data: the text is
    the whole story; it was the first paragraph alone."""
    page = next_js_page({"post": {"content": paragraphs_html(STORY)}}).replace(
        '<div id="__next">',
        f'<div id="__next"><article><h1>{HEADLINE}</h1><p>{STORY[0]}</p></article>',
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize("depth", [450, 100_000])
def test_script_data_nested_deep_is_no_crash(
    empty_site: TinySite, tmp_path: Path, depth: int
) -> None:
    """Data a script builds a page from, nested as deep as the parser reads (spans in
    spans) or deeper: the page is reported, never a traceback (it was a RecursionError)."""
    if depth < 1000:
        block: dict = {"text": "x"}
        for _ in range(depth):
            block = {"children": [block]}
        data = json.dumps({"props": {"pageProps": {"body": [block, block, block]}}})
    else:
        data = '{"a":' * depth + "1" + "}" * depth
    page = next_js_page({}).replace(
        '<script id="__NEXT_DATA__" type="application/json">',
        f'<script id="__NEXT_DATA__" type="application/json">{data}</script><script>',
    )
    [outcome] = add_file(empty_site, tmp_path, page, "page.html")
    assert outcome.status == "failed"


ZH_HEADLINE = "马罗河防洪堤获批 历时十年"


@pytest.mark.parametrize(
    ("titled", "headline", "site", "lang"),
    [
        (f"{HEADLINE} | Flooding | Valley Courier", HEADLINE, "Valley Courier", "en"),
        (f"Valley Courier | Flooding | {HEADLINE}", HEADLINE, "Valley Courier", "en"),
        (f"{ZH_HEADLINE}_新闻频道_河谷日报网", ZH_HEADLINE, "河谷日报网", "zh-CN"),
        (f"{ZH_HEADLINE}|河谷日报网", ZH_HEADLINE, "河谷日报网", "zh-CN"),
    ],
)
def test_a_title_with_its_section_and_site_gives_the_headline(
    empty_site: TinySite, tmp_path: Path, titled: str, headline: str, site: str, lang: str
) -> None:
    """A <title> of headline, section and site ('Headline | Flooding | Valley Courier';
    Chinese portals part them with '_' and no spaces), the page stating no headline
    elsewhere: the title is the headline. It kept the section ('Headline | Flooding'),
    or all of it."""
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{titled}'
        f'</title><meta property="og:site_name" content="{site}">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f"</head><body><article>{paragraphs_html(STORY)}</article></body></html>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == headline


def test_a_quoted_clause_lettered_c_stays(empty_site: TinySite, tmp_path: Path) -> None:
    """A statute's clauses quoted one to a paragraph, '(a)', '(b)', '(c)', are the
    article's text, not a copyright line opened by '(c)'; the third was dropped."""
    clauses = [
        "(a) The authority shall keep the northern sluice gates in good repair at all times.",
        "(b) The authority shall publish the levels of the river at the weir every hour.",
        "(c) The council shall publish a plan for the lower town within 28 days of a flood.",
    ]
    outcome = add_one(empty_site, tmp_path, barrier_page(paragraphs_html([*STORY, *clauses])))
    assert text_of(outcome) == [*STORY, *clauses]


def test_a_compressed_news_sitemap_is_read(empty_site: TinySite, tmp_path: Path) -> None:
    """A news sitemap compressed as sites serve large ones ('news-sitemap.xml.gz', a
    file or an address) is read as the sitemap it holds; it was read as a page and
    refused ('no article text found in the page')."""
    sitemap = gzip.compress(news_sitemap(news_url(FLOOD_BARRIER, "2025-04-02")).encode())
    pages = {
        "https://valleycourier.example/news-sitemap.xml.gz": sitemap,
        FLOOD_BARRIER: barrier_page(paragraphs_html(STORY)).encode(),
    }
    saved = tmp_path / "news-sitemap.xml.gz"
    saved.write_bytes(sitemap)
    [from_file] = ingest(empty_site.root, [str(saved)], fetch=pages.__getitem__)
    assert from_file.status == "added", from_file
    assert from_file.origin == FLOOD_BARRIER
    [again] = ingest(
        empty_site.root,
        ["https://valleycourier.example/news-sitemap.xml.gz"],
        fetch=pages.__getitem__,
    )
    assert again.status == "skipped", again
    assert again.origin == FLOOD_BARRIER


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (gzip.compress(b"<" * (21 * 1024 * 1024)), "a gzip file holding more than 20 MiB"),
        (b"\x1f\x8b\x08\x00broken", "a gzip file that cannot be read"),
    ],
)
def test_a_compressed_file_too_big_or_broken_is_reported(
    empty_site: TinySite, tmp_path: Path, content: bytes, message: str
) -> None:
    [outcome] = add_file(empty_site, tmp_path, content, "sitemap.xml.gz")
    assert outcome.status == "failed"
    assert outcome.message.startswith(message), outcome.message


def test_a_standfirst_above_a_dated_dateline_leaves_the_story_its_day(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A wire story published after midnight under a standfirst: its dateline ('April 1
    (Reuters) -'), now the second paragraph, still gives the day it was written, which
    'today' is. 'today' was the day of publication, 2 April, once the standfirst opened
    the text."""
    from builder.candidates import candidates_from_text

    story = (
        "LONDON, April 1 (Reuters) - Councillors in northern England approved a 40 million "
        "pound flood barrier today, ending a decade of delays.",
        *STORY[1:],
    )
    article = f'<p class="standfirst">{STANDFIRST}</p>{paragraphs_html(story)}'
    page = barrier_page(article).replace("2025-04-02T08:15:00+01:00", "2025-04-02T00:30:00+00:00")
    outcome = add_one(empty_site, tmp_path, page)
    assert text_of(outcome)[:2] == [STANDFIRST, story[0]]
    text = "\n\n".join(text_of(outcome))
    dated = {c.timex_text: c.value for c in candidates_from_text(text, front(outcome)["published"])}
    assert dated["today"] == "2025-04-01"


def section_page(head: str) -> str:
    """A section's front page: teasers of three articles, each dated."""
    teasers = "".join(
        f'<article class="teaser"><h2><a href="/news/{n}">{title}</a></h2><p>{text}</p>'
        f'<time datetime="{when}">{when[:10]}</time></article>'
        for n, (title, text, when) in enumerate(
            [
                (HEADLINE, STORY[0], "2025-04-02T08:15:00+01:00"),
                ("Rest centre opens", STORY[2], "2025-04-01T21:00:00+01:00"),
                ("Weir gates opened as river rises", STORY[3], "2025-03-13T19:42:00+00:00"),
            ]
        )
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Local news | '
        'Valley Courier</title><meta property="og:site_name" content="Valley Courier">'
        f'{head}</head><body><nav><a href="/">Home</a></nav><main><h1>Local news</h1>'
        f"{teasers}</main></body></html>"
    )


@pytest.mark.parametrize(
    "head",
    [
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"CollectionPage", "name": "Local news"}</script>',
        '<meta property="og:type" content="website">',
        "",
    ],
)
def test_a_sections_front_page_is_no_article(
    empty_site: TinySite, tmp_path: Path, head: str
) -> None:
    """A section's front page lists teasers of articles, each with its own date: it is
    no article, and is refused saying what to give instead. It was added as an article
    titled 'Local news', dated by its oldest teaser."""
    [outcome] = add_file(empty_site, tmp_path, section_page(head), "page.html")
    assert outcome.status == "failed", front(outcome)
    assert outcome.message.startswith("a list of articles"), outcome.message


def test_an_article_followed_by_teasers_of_others_is_an_article(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An article whose text is in no <article> element, with teasers of four others
    below it (each an <article>): it is the article, not a list of them."""
    teasers = "".join(
        f'<article class="card"><h3><a href="/news/{n}">Another story {n}</a></h3>'
        f"<p>A line about another story, number {n}.</p></article>"
        for n in range(4)
    )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Barrier | Valley '
        'Courier</title><meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f'</head><body><div class="story"><h1>{HEADLINE}</h1>{paragraphs_html(STORY)}</div>'
        f'<section class="more">{teasers}</section></body></html>'
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == HEADLINE
    assert set(STORY) <= set(text_of(outcome))


SITEMAP_INDEX = (
    '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/'
    'schemas/sitemap/0.9"><sitemap><loc>https://valleycourier.example/sitemap-pages.xml</loc>'
    "</sitemap><sitemap><loc>https://valleycourier.example/news-sitemap.xml</loc></sitemap>"
    "</sitemapindex>"
)


def test_a_sitemap_index_names_the_news_sitemap_to_add(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A sitemap index lists a site's sitemaps: given as a file or an address, it is
    refused naming the news sitemap it lists, which add reads. As an address it was
    called 'a web page, not a feed'; as a file, 'a sitemap'."""
    expected = (
        "a sitemap index, which lists sitemaps, not articles: add the news sitemap it "
        "lists, https://valleycourier.example/news-sitemap.xml"
    )
    [from_file] = add_file(empty_site, tmp_path, SITEMAP_INDEX, "sitemap.xml")
    assert (from_file.status, from_file.message) == ("failed", expected)
    address = "https://valleycourier.example/sitemap.xml"
    [fetched] = ingest(empty_site.root, [address], fetch=lambda url: SITEMAP_INDEX.encode())
    assert (fetched.status, fetched.message) == ("failed", expected)


@pytest.mark.parametrize("control", ["\x01", "\x0b", "\x1f"])
def test_a_control_character_in_a_pages_linked_data_is_no_crash(
    empty_site: TinySite, tmp_path: Path, control: str
) -> None:
    """A page that says when it was changed, whose JSON-LD holds a control character
    (as a broken CMS writes one): read, or reported, never a traceback; it was a
    ValueError ('All strings must be XML compatible')."""
    linked = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "dateModified": '
        f'"2025-04-03T08:00:00Z", "description": "the weir{control}gates"}}'
    )
    head = (
        '<meta property="article:modified_time" content="2025-04-03T08:00:00+00:00">'
        f'<script type="application/ld+json">{linked}</script>'
    )
    page = barrier_page(paragraphs_html(STORY), head).replace(
        "2025-04-02T08:15:00+01:00", "2025-04-03T08:00:00+00:00"
    )
    [outcome] = add_file(empty_site, tmp_path, page, "page.html")
    assert outcome.status in ("added", "failed")


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><news:news><urlset><url><loc>https://x.example/a</loc></url>'
        "</urlset></news:news>",
        '<?xml version="1.0"?><urlset><url><loc>https://x.example/a</loc><news:news>'
        "<news:title>A</news:title></news:news></url></urlset>",
    ],
)
def test_a_broken_news_sitemap_is_reported_not_a_traceback(
    empty_site: TinySite, tmp_path: Path, xml: str
) -> None:
    """A sitemap with a prefix it never declares ('news:' without its namespace) is
    reported or read, never a traceback (it was a ValueError: 'Invalid tag name')."""
    outcomes = add_file(empty_site, tmp_path, xml, "sitemap.xml")
    assert all(outcome.status in ("added", "failed", "skipped") for outcome in outcomes)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("2025年04月02日 08:15　来源：河谷日报　作者：王小明", "王小明"),
        ("发布时间：2025-04-02 08:15:00 记者：李华", "李华"),
    ],
)
def test_a_chinese_pages_author_field_names_the_author(
    empty_site: TinySite, tmp_path: Path, line: str, author: str
) -> None:
    """The author a Chinese page names in its line of fields ('作者：王小明', '记者：...')
    is the article's author; the page had none."""
    article = (
        f'<div class="info">{line}</div><div id="detail">{paragraphs_html(CHINESE_STORY)}</div>'
    )
    page = barrier_page(article, title=ZH_HEADLINE, lang="zh-CN")
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome).get("author") == author


@pytest.mark.parametrize(
    ("stated", "stored"),
    [("EN-us", "en-US"), ("en_GB", "en-GB"), ("zh-hant-tw", "zh-Hant-TW"), ("FR", "fr")],
)
def test_a_pages_language_is_stored_in_the_usual_casing(
    empty_site: TinySite, tmp_path: Path, stated: str, stored: str
) -> None:
    """A page's language tag, however its system writes it ('EN-us', 'en_GB'), is stored
    as BCP 47 writes it ('en-US', 'en-GB')."""
    page = barrier_page(paragraphs_html(STORY), lang=stated)
    assert front(add_one(empty_site, tmp_path, page))["language"] == stored


def print_view(title: str, article: str) -> str:
    """A print view of a Marrow Gazette article: no site name but in its <title>, no
    canonical link, the article's address printed at its foot."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '</head><body onload="window.print()"><h1>Flood barrier approved</h1>'
        f'<p class="date">Published: 2 April 2025</p>{article}</body></html>'
    )


def test_a_print_view_is_read_as_its_article(empty_site: TinySite, tmp_path: Path) -> None:
    """A print view titled 'Print: Flood barrier approved - Marrow Gazette' names its
    publisher, and the line 'Article URL: https://...' at its foot is its address, not
    its text; it had no publisher and kept the line."""
    address = "https://www.marrowgazette.example/news/flood-barrier-approved-123"
    article = f'{paragraphs_html(STORY)}<p class="print-url">Article URL: {address}</p>'
    page = print_view("Print: Flood barrier approved - Marrow Gazette", article)
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["publisher"] == "Marrow Gazette"
    assert front(outcome)["title"] == "Flood barrier approved"
    assert front(outcome)["url"] == address
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    ("field", "author"),
    [
        ('<span class="field field--name-uid"><span>Tom Hale</span></span>', "Tom Hale"),
        ('<div class="credits reader-credits">Ana Ruiz, Health Reporter</div>', "Ana Ruiz"),
        (
            '<div class="credits reader-credits">By Ana Ruiz and Tom Hale</div>',
            "Ana Ruiz; Tom Hale",
        ),
    ],
)
def test_an_unlabelled_author_field_names_the_author(
    empty_site: TinySite, tmp_path: Path, field: str, author: str
) -> None:
    """The name in Drupal's author field (class 'field--name-uid') or in Firefox Reader
    View's credits ('reader-credits'), without a 'By', is the article's author; the page
    had none."""
    page = barrier_page(f"{field}{paragraphs_html(STORY)}")
    assert front(add_one(empty_site, tmp_path, page)).get("author") == author


def test_a_topics_h1_above_the_headline_is_not_the_title(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page whose <h1> names its topic ('Floods') above the headline in a <h2>
    ('Floods - what we know so far', as its <title> gives it) is titled with the
    headline; it was titled 'Floods'."""
    headline = "Floods - what we know so far"
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{headline} - Valley Courier</title>"
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        '</head><body><main><h1 class="topic-title">Floods</h1>'
        f'<article><h2 class="headline">{headline}</h2>{paragraphs_html(STORY)}</article>'
        "</main></body></html>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == headline
    assert text_of(outcome) == list(STORY)


def test_a_headline_in_another_script_at_an_address_of_no_words_names_its_publisher(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An Arabic headline at an address of numbers ('.../article/4471932') names the
    file after its publisher and a short hash of the headline, which tells two such
    articles of a day apart; it was '2025-04-02-article' (then '-2')."""
    names = []
    stories = ((4471932, ARABIC_HEADLINE, STORY), (4471933, ZH_HEADLINE, CHINESE_STORY))
    for number, headline, story in stories:
        head = f'<link rel="canonical" href="https://valleycourier.example/article/{number}">'
        page = barrier_page(paragraphs_html(story), head, headline, lang="ar")
        outcome = add_one(empty_site, tmp_path, page, f"page-{number}.html")
        assert outcome.path is not None
        names.append(outcome.path.name)
    assert all(name.startswith("2025-04-02-valley-courier-") for name in names)
    assert names[0][:-3].rsplit("-", 1)[1] != names[1][:-3].rsplit("-", 1)[1]


def test_an_article_a_feed_carries_as_plain_text_in_its_description_is_added(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A feed carrying the whole article in <description> as plain text, its paragraphs
    parted by blank lines (no HTML), is added when its page is not, as one in HTML is;
    it was refused."""
    whole = "\n\n".join(STORY).replace("£", "&#163;")
    items = rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000", description=whole)
    [added] = add_file(empty_site, tmp_path, rss_feed(items), "feed.xml")
    assert added.status == "added", added
    assert text_of(added) == list(STORY)


@pytest.mark.parametrize(
    "sentence",
    [
        "Credit: lending to small firms in the valley fell by a fifth last year, the chamber "
        "of commerce said, and several told the council they had delayed hiring.",
        "Topics: the barrier, the levy and the route dominated a meeting that ran for five "
        "hours, with more than forty residents asking to speak.",
    ],
)
def test_a_sentence_opening_with_credit_or_topics_is_article_text(
    empty_site: TinySite, tmp_path: Path, sentence: str
) -> None:
    """A paragraph opening 'Credit:' or 'Topics:' is article text when what follows is a
    sentence; the labels over short lists ('Credit: Jane Doe/Valley Courier', 'Topics:
    Flooding, Marrow council') are not. The sentence was dropped."""
    labels = ["Credit: Jane Doe/Valley Courier", "Topics: Flooding, Marrow council, Rivers"]
    outcome = add_one(
        empty_site, tmp_path, barrier_page(paragraphs_html([*STORY, sentence, *labels]))
    )
    assert text_of(outcome) == [*STORY, sentence]


@pytest.mark.parametrize("heading", ["Related Topics", "More on this story", "Related coverage"])
def test_the_heading_over_a_list_of_topics_at_the_foot_is_not_text(
    empty_site: TinySite, tmp_path: Path, heading: str
) -> None:
    """The heading over the links to other topics or stories at the foot of an article
    ('Related Topics', as a BBC-style page sets it) is not article text; it stayed."""
    links = (
        '<ul><li><a href="/news/topics/flooding">Flooding</a></li>'
        '<li><a href="/news/topics/marrow">Marrow council</a></li></ul>'
    )
    article = f"{paragraphs_html(STORY)}<p><strong>{heading}</strong></p>{links}"
    assert text_of(add_one(empty_site, tmp_path, barrier_page(article))) == list(STORY)


def test_an_article_an_atom_feed_carries_in_a_text_summary_is_added(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An Atom feed carrying the whole article in <summary type="text"> (paragraphs
    parted by blank lines, '&' and '<' as text) is added when its page is not, as one
    in HTML is; it was refused. A summary of one paragraph is still no article."""
    story = [*STORY, "The levy would raise £2m a year from firms such as Smith & Sons <Ltd>."]
    entries = "".join(
        f"<entry><title>{HEADLINE}</title><link href='{link}'/><id>{link}</id>"
        "<updated>2025-04-02T07:15:00Z</updated>"
        f'<summary type="text">{summary}</summary></entry>'
        for link, summary in (
            (FLOOD_BARRIER, "\n\n".join(story).replace("&", "&amp;").replace("<", "&lt;")),
            (f"{FLOOD_BARRIER}teaser", STORY[0]),
        )
    )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Courier</title><id>urn:valley</id>"
        f"<updated>2025-04-02T08:00:00Z</updated>{entries}</feed>"
    )
    added, refused = add_file(empty_site, tmp_path, feed, "atom.xml")
    assert added.status == "added", added
    assert text_of(added) == story
    assert refused.status == "failed"


def test_a_live_page_is_titled_with_its_headline_not_its_latest_update(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A live page whose JSON-LD gives its latest update's headline, and whose <h1> holds
    a dash ('Marrow floods live: river peaks – latest updates', the <title> adding the
    site's name), is titled with its <h1>; it was titled 'River peaks at 5.2 metres'."""
    headline = "Marrow floods live: river peaks as hundreds evacuated – latest updates"
    update = {
        "@type": "BlogPosting",
        "headline": "River peaks at 5.2 metres",
        "datePublished": "2025-04-02T14:30:00+01:00",
        "articleBody": STORY[0],
    }
    live = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": headline,
        "datePublished": "2025-04-02T06:00:00+01:00",
        "liveBlogUpdate": [update],
    }
    blocks = '<article class="block"><h2>River peaks at 5.2 metres</h2></article>' + "".join(
        f'<article class="block"><p>{paragraph}</p></article>' for paragraph in STORY
    )
    page = (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{headline} | Valley Courier</title>"
        '<meta property="og:site_name" content="Valley Courier">'
        f'<script type="application/ld+json">{json.dumps(live)}</script></head>'
        f'<body><main><h1>{headline}</h1><div id="liveblog-body">{blocks}</div></main>'
        "</body></html>"
    )
    assert front(add_one(empty_site, tmp_path, page))["title"] == headline


@pytest.mark.parametrize(
    "note",
    [
        "A version of this article appears in print on April 3, 2025, Section A, Page 14 of the "
        "Valley edition with the headline: Barrier Approved. Order Reprints | Today’s Paper",
        "This article appeared in the Britain section of the print edition under the "
        "headline “Barrier approved”",
    ],
)
def test_a_note_on_where_the_article_appeared_in_print_is_not_text(
    empty_site: TinySite, tmp_path: Path, note: str
) -> None:
    """The note at an article's foot on where it appeared in the newspaper ('A version
    of this article appears in print on April 3, 2025, Section A, Page 14 ...') is not
    article text, nor is its date one of the story's; it stayed as the last paragraph."""
    page = barrier_page(f"{paragraphs_html(STORY)}<p>{note}</p>")
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)


def test_the_note_on_the_authors_at_the_foot_is_not_text(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """The note on the article's authors at its foot ('Ana Ruiz covers local government
    for the Valley Courier.') is not article text; it stayed as the last paragraph. A
    paragraph naming someone else so stays."""
    other = "Sarah Quill is a former engineer who has led the council since 2021."
    notes = (
        "<p>Ana Ruiz covers local government for the Valley Courier.</p>"
        "<p>Tom Hale is a reporter based in Fenner.</p>"
    )
    article = f"<p>By Ana Ruiz and Tom Hale</p>{paragraphs_html([*STORY, other])}{notes}"
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert front(outcome)["author"] == "Ana Ruiz; Tom Hale"
    assert text_of(outcome) == [*STORY, other]


def test_the_name_in_a_byline_block_without_by_names_the_author(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A BBC-style byline block sets the date, the author's name and the newsroom each in
    an element of its own, without a 'By': the name is the article's author; it had
    none."""
    byline = (
        '<div data-component="byline-block"><time datetime="2025-04-02T07:15:32Z">2 April '
        "2025</time><div><span>Ana Ruiz</span><span>Valley Courier, Fenner</span></div></div>"
    )
    outcome = add_one(empty_site, tmp_path, barrier_page(byline + paragraphs_html(STORY)))
    assert front(outcome).get("author") == "Ana Ruiz"
    assert text_of(outcome) == list(STORY)


def test_an_article_a_feed_carries_in_paragraphs_parted_by_line_breaks_is_added(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A feed carrying the whole article in <description> as HTML whose paragraphs are
    parted by two line breaks ('<br /><br />', no <p>) is added when its page is not;
    it was refused as no article."""
    whole = "<br /><br />".join(STORY)
    items = rss_item(FLOOD_BARRIER, "Wed, 02 Apr 2025 07:15:00 +0000", description=whole)
    [added] = add_file(empty_site, tmp_path, rss_feed(items), "feed.xml")
    assert added.status == "added", added
    assert text_of(added) == list(STORY)


@pytest.mark.parametrize(
    "byline",
    ["Von Anna Schmidt, Frankfurt", "By Anna Schmidt, Reuters", "By Anna Schmidt in Frankfurt"],
)
def test_the_place_or_agency_after_the_authors_name_is_not_an_author(
    empty_site: TinySite, tmp_path: Path, byline: str
) -> None:
    """The place a byline names after its author ('Von Anna Schmidt, Frankfurt'), or the
    agency ('By Anna Schmidt, Reuters'), is not a second author; it was ('Anna Schmidt;
    Frankfurt')."""
    article = f'<div class="author">{byline}</div>{paragraphs_html(STORY)}'
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert front(outcome)["author"] == "Anna Schmidt"


@pytest.mark.parametrize(
    "notice",
    [
        "<p>Suscríbete para seguir leyendo</p><p>Lee sin límites</p>",
        "<p>Abonnez-vous pour lire la suite</p>",
        "<p>Abbonati per continuare a leggere</p>",
    ],
)
def test_a_paywalls_notice_in_spanish_french_or_italian_is_not_text(
    empty_site: TinySite, tmp_path: Path, notice: str
) -> None:
    """A paywall's notice where the page stops ('Suscríbete para seguir leyendo', 'Lee
    sin límites') is not article text; it stayed as the last paragraphs."""
    page = barrier_page(f"{paragraphs_html(STORY)}{notice}", lang="es")
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)


@pytest.mark.parametrize("path", ["/autor/ana-ruiz/", "/author/ana-ruiz", "/signataires/ana-ruiz/"])
def test_a_link_to_the_authors_page_above_the_text_names_the_author(
    empty_site: TinySite, tmp_path: Path, path: str
) -> None:
    """A byline that is only a link to the author's page ('<a href="/autor/ana-ruiz/">Ana
    Ruiz</a>', no 'By', no author markup) names the article's author; it had none. Such
    a link below the text (another writer's) does not."""
    byline = f'<div class="a_md"><a href="{path}">Ana Ruiz</a></div>'
    below = '<p>More from <a href="/autor/tom-hale/">Tom Hale</a></p>'
    outcome = add_one(empty_site, tmp_path, barrier_page(byline + paragraphs_html(STORY) + below))
    assert front(outcome).get("author") == "Ana Ruiz"
    later = add_one(
        empty_site, tmp_path, barrier_page(paragraphs_html(STORY[1:]) + below), "b.html"
    )
    assert front(later).get("author") is None


@pytest.mark.parametrize(
    ("byline", "foot", "author"),
    [
        ("By JANE DOE, Associated Press", "", "Jane Doe"),
        ("By JANE DOE and TOM HALE, The Associated Press", "", "Jane Doe; Tom Hale"),
        ("By ANA DE LA CRUZ, Valley Courier", "", "Ana de la Cruz"),
        ("By SEAN O'BRIEN", "", "Sean O'Brien"),
        ("By JANE MCDOE, AP", "<p>Jane McDoe covers the valley for the AP.</p>", "Jane McDoe"),
    ],
)
def test_a_byline_in_capitals_names_the_author_as_a_name_is_written(
    empty_site: TinySite, tmp_path: Path, byline: str, foot: str, author: str
) -> None:
    """A byline in capitals ('By JANE DOE, Associated Press') names 'Jane Doe', or the
    name as the page writes it elsewhere ('Jane McDoe'); the agency or the site after
    the comma is the credit, not an author. It gave 'JANE DOE; Associated Press'."""
    article = f'<p class="byline">{byline}</p>{paragraphs_html(STORY)}{foot}'
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert front(outcome)["author"] == author
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Ana Ruiz in Fenner; Editing by Tom Hale)",
        "Additional reporting by Tom Hale in London; Writing by Ana Ruiz",
        "— AFP",
        "With AP",
        "avec AFP et Reuters",
        "Mit Material von dpa",
        "The Associated Press writer Tom Hale contributed to this report.",
    ],
)
def test_the_credit_line_at_the_articles_foot_is_not_text(
    empty_site: TinySite, tmp_path: Path, credit: str
) -> None:
    """The line crediting an article's work at its foot (who reported and edited it, the
    agency its copy comes from) is not article text; it stayed as its last paragraph.
    A sentence opening with such words stays."""
    page = barrier_page(paragraphs_html([*STORY, credit]))
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)
    sentence = "Reporting by the Valley Courier revealed the flaw in 2023."
    page = barrier_page(paragraphs_html([*STORY[:2], sentence]), title="Barrier flaw found")
    assert text_of(add_one(empty_site, tmp_path, page, "b.html")) == [*STORY[:2], sentence]


def test_an_entry_of_an_impossible_date_whose_page_is_gone_says_why_its_copy_failed(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """An entry dated 'Thu, 31 Feb 2025' is left undated, with no traceback: its page
    (gone, 404) and the feed's copy (no date of its own) cannot be added, and the
    message says both, naming the entry's address; it said only that the page was gone."""
    link = "https://valleycourier.example/news/flood-barrier"
    items = rss_item(link, "Thu, 31 Feb 2025 08:00:00 +0000", paragraphs_html(STORY))
    [failed] = add_file(empty_site, tmp_path, rss_feed(items), "feed.xml")
    assert failed.status == "failed"
    assert failed.origin == link
    assert "404 Not Found" in failed.message
    assert "feed's copy" in failed.message and "no publication date" in failed.message


def french_page(stamp: str, head: str = "") -> str:
    """A French page of Le Courrier de la Marne whose only date is the line `stamp`
    (and what `head` states)."""
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        "<title>Le conseil approuve la digue | Le Courrier de la Marne</title>"
        f"{head}</head><body><main><article><h1>Le conseil approuve la digue</h1>"
        f'<p class="date">{stamp}</p>'
        "<p>Les conseillers ont voté mardi soir pour une digue sur la Marne, après dix ans "
        "de querelles sur son coût et son tracé.</p><p>Les travaux commenceront à "
        "l'automne, a déclaré la maire, et devraient être achevés dans trois ans.</p>"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("stamp", "head", "published"),
    [
        ("Publié le 3 mars 2025 à 14h05", "", "2025-03-03"),
        ("Publié le 3 mars 2025 à 14h05 (heure de Paris)", "", "2025-03-03"),
        ("Publié le 3 mars 2025 à 14h05 UTC+1", "", "2025-03-03T14:05:00+01:00"),
        ("Publié le 3 mars 2025 à 14:05 CET", "", "2025-03-03T14:05:00+01:00"),
        (
            "Publié le 3 mars 2025 à 14h05",
            '<meta property="article:modified_time" content="2025-03-03T16:30:00+01:00">',
            "2025-03-03T14:05:00+01:00",
        ),
        (
            "Publié le 3 mars 2025 à 14h05",
            '<meta property="article:modified_time" content="2025-03-05T16:30:00+01:00">',
            "2025-03-03",
        ),
    ],
)
def test_a_publication_lines_time_is_kept_where_the_page_gives_its_zone(
    empty_site: TinySite, tmp_path: Path, stamp: str, head: str, published: str
) -> None:
    """'Publié le 3 mars 2025 à 14h05' keeps its time where the page gives the zone it
    is in: in the line ('UTC+1', 'CET'), or as the offset of another time it states that
    day; else the day alone (a time without its zone is no moment). The time was lost."""
    outcome = add_one(empty_site, tmp_path, french_page(stamp, head))
    assert front(outcome)["published"] == published


# A live page's entries: time, heading (or none) and text.
LIVE_ENTRIES = (
    ("16.52 BST", "Gates opened", STORY[0]),
    ("16.30 BST", "", STORY[1]),
    ("15.58 BST", "Residents applaud", STORY[2]),
)


def live_entries_as_blocks() -> str:
    """Entries as a newsroom's live blog sets them: each a block, its time in a <time>."""
    return "".join(
        f'<div class="block"><p class="block-time"><time datetime="2025-04-02">{time}</time>'
        f'</p>{f"<h2>{heading}</h2>" if heading else ""}<div class="block-elements">'
        f"<p>{text}</p></div></div>"
        for time, heading, text in LIVE_ENTRIES
    )


def live_entries_as_list() -> str:
    """Entries as a list of articles, the time in the entry's header."""
    items = "".join(
        f'<li class="post"><article><header><time><span>{time}</span></time>'
        f"<h3>{heading or 'Update'}</h3></header><div class='post-body'><p>{text}</p></div>"
        "</article></li>"
        for time, heading, text in LIVE_ENTRIES
    )
    return f'<ol class="stream">{items}</ol>'


def live_entries_as_wordpress() -> str:
    """Entries as a WordPress live blog plugin sets them, each text in an 'entry-content'
    (trafilatura read only the first)."""
    return "".join(
        f'<div class="liveblog-entry"><span class="liveblog-time">{time}</span>'
        f'<div class="liveblog-entry-content"><p><strong>{heading}</strong></p><p>{text}</p>'
        "</div></div>"
        for time, heading, text in LIVE_ENTRIES
    )


@pytest.mark.parametrize(
    "entries", [live_entries_as_blocks(), live_entries_as_list(), live_entries_as_wordpress()]
)
def test_a_live_pages_entries_keep_their_times(
    empty_site: TinySite, tmp_path: Path, entries: str
) -> None:
    """Each entry of a live page opens with its time, a paragraph of its own ('16.52
    BST'), then its heading and text; the times were lost (and of entries each in an
    'entry-content', only the first was read)."""
    page = barrier_page(entries, title="Marrow floods live: barrier approved")
    text = text_of(add_one(empty_site, tmp_path, page))
    assert [paragraph for paragraph in text if paragraph not in ("Update",)] == [
        part
        for time, heading, entry in LIVE_ENTRIES
        for part in (time, *([heading] if heading else []), entry)
    ]


@pytest.mark.parametrize(
    "stamps",
    [
        "Mis à jour le 4 mars 2025 à 09h00 | Publié le 3 mars 2025 à 14h05",
        "Updated 10:02 AM EDT, Thu April 3, 2025 · Published 8:15 AM EDT, Wed April 2, 2025",
    ],
)
def test_a_line_of_two_date_stamps_is_not_text(
    empty_site: TinySite, tmp_path: Path, stamps: str
) -> None:
    """A line giving when the page was changed and when it was published, in one
    element ('Mis à jour le 4 mars 2025 à 09h00 | Publié le 3 mars 2025 à 14h05'), is
    not article text; it stayed as the first paragraph."""
    page = barrier_page(f"<p>{stamps}</p>{paragraphs_html(STORY)}")
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)


READERS_COMMENTS = "".join(
    f'<div class="c"><span class="name">Reader {n}</span><time>1{n}:0{n}</time><p>The council '
    f"should have acted years ago, frankly, and some of us said so at the time ({n}).</p></div>"
    for n in range(3)
)


@pytest.mark.parametrize(
    "comments",
    [
        f'<section class="discussion">{READERS_COMMENTS}</section>',
        f'<div class="discussion-thread">{READERS_COMMENTS}</div>',
    ],
)
def test_readers_comments_in_a_discussion_are_not_text(
    empty_site: TinySite, tmp_path: Path, comments: str
) -> None:
    """Readers' comments in a section named for a discussion under the article are not
    its text; they came out as its last paragraphs. An article in an element named for
    its comments being open ('comments-open') stays."""
    page = barrier_page(paragraphs_html(STORY) + comments)
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)
    wrapped = f'<div class="entry-content comments-open">{paragraphs_html(STORY[1:])}</div>'
    page = barrier_page(wrapped, title="Barrier approved")
    assert text_of(add_one(empty_site, tmp_path, page, "b.html")) == list(STORY[1:])


@pytest.mark.parametrize("sign_off", ["kmö/jwe/dpa", "ans/AFP/Reuters", "dpa/afp/kle"])
def test_a_german_sign_off_of_editors_initials_and_agencies_is_not_text(
    empty_site: TinySite, tmp_path: Path, sign_off: str
) -> None:
    """The sign-off a German newsroom ends agency copy with, its editors' initials and
    the agencies ('kmö/jwe/dpa'), is not article text; it stayed as the last paragraph."""
    page = barrier_page(paragraphs_html([*STORY, sign_off]), lang="de")
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)


def test_the_standfirst_under_a_headline_set_in_a_h2_opens_the_text(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page that sets its headline in a <h2> (its kicker and headline in spans, no
    <h1>) and its standfirst below it ('<div class="leadtext">') has the standfirst as
    its first paragraph; it was lost."""
    lead = "In the night the council voted for the barrier, and residents cheered it."
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Flood barrier: Council says yes | Valley Courier</title>"
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="og:title" content="Flood barrier: Council says yes">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        '</head><body><main><article><header><h2><span class="kicker">Flood barrier</span>'
        '<span class="sr-only">:</span> <span class="headline">Council says yes</span></h2>'
        f'<div class="leadtext"><p>{lead}</p></div></header>'
        f"<section>{paragraphs_html(STORY)}</section></article></main></body></html>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == "Flood barrier: Council says yes"
    assert text_of(outcome) == [lead, *STORY]


def test_a_subheadline_in_a_h2_right_under_the_headline_opens_the_text(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A subheadline set in a <h2> right under the <h1>, in the article's header, with a
    class that does not say what it is ('<h2 class="a_st">'), opens the text; it was
    lost. A heading trafilatura reads as the text's first line is not doubled."""
    subheadline = "The council will pay for the barrier from its reserves and a new levy"
    header = f"<header><h1>{HEADLINE}</h1><h2 class='a_st'>{subheadline}</h2></header>"
    page = barrier_page("").replace(f"<h1>{HEADLINE}</h1>", header + paragraphs_html(STORY))
    assert text_of(add_one(empty_site, tmp_path, page)) == [subheadline, *STORY]
    heading = "What happened on Tuesday night"
    page = barrier_page(f"<h2>{heading}</h2>{paragraphs_html(STORY[1:])}", title="Barrier vote")
    assert text_of(add_one(empty_site, tmp_path, page, "b.html")) == [heading, *STORY[1:]]


def test_a_page_dated_in_its_markup_is_not_dated_by_a_related_article_below_it(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page stating its publication in an itemprop <time> ('2025-04-02 18:32:00', no
    zone), with a related article's <time> below the text, is dated 2 April; it was
    refused as giving no date (the related article's day was read, and set aside)."""
    stamp = '<time itemprop="datePublished" datetime="2025-04-02 18:32:00">2.abr.2025</time>'
    related = (
        '<section class="c-related"><h3>Leia também</h3><article><a href="/x"><h4>Seca de '
        '2014 ainda afeta reservatórios</h4></a><time datetime="2024-11-02">2.nov.2024</time>'
        "</article></section>"
    )
    page = barrier_page(stamp + paragraphs_html(STORY) + related, lang="pt-BR").replace(
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">', ""
    )
    assert front(add_one(empty_site, tmp_path, page))["published"] == "2025-04-02"


@pytest.mark.parametrize(
    "pointer",
    ["関連記事：昨年の豪雨、復旧なお途上", "Leia mais: Seca de 2014 ainda afeta reservatórios"],
)
def test_a_pointer_to_another_article_in_japanese_or_portuguese_is_not_text(
    empty_site: TinySite, tmp_path: Path, pointer: str
) -> None:
    """A pointer to another article among the paragraphs, labelled in Japanese ('関連記事：')
    or Brazilian Portuguese ('Leia mais:'), is not article text; it stayed, with the
    other article's dates."""
    page = barrier_page(paragraphs_html([*STORY[:2], pointer, *STORY[2:]]))
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)


def test_a_teaser_above_the_story_lends_it_neither_its_byline_nor_its_date(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page whose 'Latest' box, above the story, holds another article's teaser with its
    own byline and date: the story's author is its own byline's ('By Ana Ruiz'); it had
    none. Its date is its own."""
    teaser = (
        '<div class="latest-box"><h2>Latest</h2><div class="teaser-story"><h3><a href="/x">'
        'Quay Street traders demand rates relief</a></h3><div class="meta"><span class="by">'
        'By Ollie Grant</span> <span class="when">Wednesday 12 November 2025</span></div>'
        "<p>Traders on Quay Street have asked the council to suspend business rates while "
        "the bridge is closed.</p></div></div>"
    )
    story = (
        f'<div class="story"><h1>{HEADLINE}</h1><div class="meta"><span class="by">By Ana Ruiz'
        f"</span></div>{paragraphs_html(STORY)}</div>"
    )
    page = barrier_page("").replace(f"<article><h1>{HEADLINE}</h1></article>", teaser + story)
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["author"] == "Ana Ruiz"
    assert front(outcome)["published"] == "2025-04-02T08:15:00+01:00"
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize(
    "tool",
    [
        "Continue reading",
        "Read full article",
        "Tap to expand",
        "Listen · 4:12 min",
        "Back to top",
        "Weiterlesen",
        "Lire la suite",
        "記事の続きを読む",
        "Publicidade",
        "Mais lidas",
        "Join our WhatsApp channel",
        "Video, 00:01:32Floods in the valley",
        "(Foto: Tom Hale)",
    ],
)
def test_what_a_page_on_a_phone_shows_between_paragraphs_is_not_text(
    empty_site: TinySite, tmp_path: Path, tool: str
) -> None:
    """The labels a page saved from a phone shows between its paragraphs, to open the
    rest of it, move about it, play it or follow the site ('Continue reading', 'Tap to
    expand', 'Weiterlesen', 'Video, 00:01:32...'), are not article text; they stayed."""
    page = barrier_page(paragraphs_html([*STORY[:2], tool, *STORY[2:]]))
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)
    sentence = "Show more compassion, the bishop told the council on Tuesday night."
    page = barrier_page(paragraphs_html([*STORY[1:], sentence]), title="Bishop speaks")
    assert text_of(add_one(empty_site, tmp_path, page, "b.html")) == [*STORY[1:], sentence]


class _LoopingHandler(http.server.BaseHTTPRequestHandler):
    """Redirects every address to itself."""

    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_an_address_whose_redirects_go_round_in_a_loop_says_so_on_one_line(
    empty_site: TinySite,
) -> None:
    """An address the server redirects to itself fails with a message of one line saying
    the redirects loop; it gave urllib's own message over three lines ('... would lead to
    an infinite loop.\\nThe last 30x error message was:\\nFound')."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _LoopingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}/news/flood-barrier"
        [outcome] = ingest(empty_site.root, [address])
    finally:
        server.shutdown()
        server.server_close()
    assert outcome.status == "failed"
    assert outcome.origin == address
    assert "\n" not in outcome.message
    assert "redirects (302) go round in a loop" in outcome.message


def test_a_page_that_sends_the_reader_on_at_once_is_followed(empty_site: TinySite) -> None:
    """An address whose page only sends the reader on ('<meta http-equiv="refresh"
    content="0; url=...">', as link shorteners and aggregators answer) gives the article
    it sends them to; it failed as 'no article text found'. A page reloading itself
    every five minutes is read as it is."""
    short = "https://vlly.example/a1B2"
    onward = "https://valleycourier.example/news/flood-barrier"
    refresh = f'<html><head><meta http-equiv="Refresh" content="0; URL=\'{onward}\'"></head></html>'
    reloading = barrier_page(paragraphs_html(STORY[1:]), title="Barrier vote").replace(
        "<head>", '<head><meta http-equiv="refresh" content="300">'
    )
    pages = {
        short: refresh.encode(),
        onward: barrier_page(paragraphs_html(STORY)).encode(),
        "https://valleycourier.example/live": reloading.encode(),
    }
    added, reloaded = ingest(
        empty_site.root, [short, "https://valleycourier.example/live"], fetch=pages.__getitem__
    )
    assert added.status == "added", added
    assert text_of(added) == list(STORY)
    assert reloaded.status == "added", reloaded
    assert text_of(reloaded) == list(STORY[1:])


@pytest.mark.parametrize(
    "signature", ["Ana Ruiz (Fenner, correspondante)", "Ana Ruiz, in Fenner", "Ana Ruiz"]
)
def test_the_authors_signature_at_the_foot_is_not_text(
    empty_site: TinySite, tmp_path: Path, signature: str
) -> None:
    """The author's signature closing the article, their name with where they write from
    ('Ana Ruiz (Fenner, correspondante)', as French newspapers sign), is not article
    text; it stayed as the last paragraph."""
    article = f"<p class='byline'>By Ana Ruiz</p>{paragraphs_html([*STORY, signature])}"
    outcome = add_one(empty_site, tmp_path, barrier_page(article))
    assert front(outcome)["author"] == "Ana Ruiz"
    assert text_of(outcome) == list(STORY)


def test_a_page_from_a_sites_mobile_edition_names_the_site_not_its_host(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A page saved from a site's mobile edition, naming the site only in its <title>
    ('Lowbridge Herald Mobile - Headline') and giving a www. canonical address, has the
    site's name as its publisher, 'Lowbridge Herald'; it was the host name,
    'lowbridgeherald.example'."""
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Lowbridge Herald Mobile - {HEADLINE}</title>"
        '<link rel="canonical" href="https://www.lowbridgeherald.example/news/barrier">'
        '<meta property="article:published_time" content="2025-04-02T08:15:00+01:00">'
        f'</head><body><div class="m-article"><h1>{HEADLINE}</h1>'
        f'<div class="m-text">{"<br><br>".join(STORY)}</div></div></body></html>'
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["publisher"] == "Lowbridge Herald"
    assert text_of(outcome) == list(STORY)


@pytest.mark.parametrize("label", ["NEWS", "Flood defences", "Exclusive"])
def test_the_label_over_the_headline_is_not_text(
    empty_site: TinySite, tmp_path: Path, label: str
) -> None:
    """The label a page sets over its headline, its section or topic ('NEWS', 'Flood
    defences'), is not article text; it stayed as the first paragraph."""
    page = barrier_page("").replace(
        f"<article><h1>{HEADLINE}</h1></article>",
        f'<div class="m-article"><div class="m-section">{label}</div><h1>{HEADLINE}</h1>'
        f'<div class="m-text">{"<br><br>".join(STORY)}</div></div>',
    )
    assert text_of(add_one(empty_site, tmp_path, page)) == list(STORY)


JAPANESE_STORY = (
    "気象庁と国土交通省は10日夜、マロウ川が氾濫危険水位に達したと発表した。流域の３町は約１万２千人に"
    "避難指示を出した。",
    "上流の観測所では、午後８時までの６時間に150ミリを超える雨が降った。2019年の台風以来の水位だという。",
    "県は災害対策本部を設置し、自衛隊に災害派遣を要請するかどうか検討している。",
)


def test_a_japanese_page_dated_only_in_its_stamp_is_dated(
    empty_site: TinySite, tmp_path: Path
) -> None:
    """A Japanese page whose only date is its stamp ('<time>2025年7月10日 21時05分</time>',
    no datetime, no meta) is dated 10 July 2025, not by its update's stamp ('更新') nor a
    related article's date; it was refused as giving no date."""
    page = (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        "<title>マロウ川が氾濫危険水位に：河谷新聞</title>"
        '<meta property="og:site_name" content="河谷新聞"></head><body><main>'
        '<div class="article-header"><h1>マロウ川が氾濫危険水位に</h1><div class="byline">'
        '<span class="date"><time>2025年7月10日 21時05分</time></span>'
        '<span class="date">2025年7月11日 8時00分 更新</span></div></div>'
        f'<div class="article-body">{paragraphs_html(JAPANESE_STORY)}</div>'
        '<aside class="related"><a href="/x">昨年の豪雨</a><span class="date">2024年9月2日</span>'
        "</aside></main></body></html>"
    )
    assert front(add_one(empty_site, tmp_path, page))["published"] == "2025-07-10"


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        ("马罗河水位超警戒_新闻频道_河谷日报网", "马罗河水位超警戒", "河谷日报网"),
        ("マロウ川が氾濫 - 河谷新聞デジタル", "マロウ川が氾濫", "河谷新聞デジタル"),
    ],
)
def test_a_chinese_or_japanese_site_named_only_in_the_title_is_the_publisher(
    empty_site: TinySite, tmp_path: Path, title: str, headline: str, site: str
) -> None:
    """A Chinese or Japanese page naming its site only in its <title>, beside the headline
    ('标题_新闻频道_河谷日报网'), has that site as its publisher; it had none (the page was
    refused as naming no publisher), the name not read as one for not being capitalised."""
    page = (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        '<meta property="article:published_time" content="2025-07-10T21:05:00+09:00">'
        f"</head><body><article><h1>{headline}</h1>{paragraphs_html(JAPANESE_STORY)}"
        "</article></body></html>"
    )
    outcome = add_one(empty_site, tmp_path, page)
    assert front(outcome)["title"] == headline
    assert front(outcome)["publisher"] == site
