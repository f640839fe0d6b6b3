"""Read a saved web page into an article: main text and metadata, with trafilatura.

trafilatura finds the article's text among the page's navigation, asides and footers,
and reads its title, author, site name and canonical URL; its date comes from htmldate,
told to use only what the page states about its own publication (meta tags, JSON-LD,
<time>, the byline), never a date guessed from the text.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import decode_file, load_html

from builder.dates import DateError, PartialDate, states_day
from builder.furniture import (
    BYLINE_OPENER,
    COPYRIGHT_OPENER,
    PICTURE_WORD,
    RELATED_POINTER,
    RIGHTS_RESERVED,
)
from builder.temporal.grammar import PAGE_DATE_LABEL, PAGE_PUBLISHED_WORD, PAGE_UPDATED_WORD
from builder.web_address import archived_original, web_address

_DATE_PARAMETERS = {"extensive_search": False, "original_date": True}
_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"


class ArticleError(ValueError):
    """The page could not be read as an article; the message says why."""


@dataclass(frozen=True)
class Article:
    title: str
    publisher: str | None
    url: str | None
    published: str | None  # ISO date, or datetime with offset, as the page gives it
    author: str | None
    language: str | None
    paragraphs: tuple[str, ...]


class _Markup:
    """The saved page as lxml parses it, when first needed (trafilatura parses a copy of
    its own, which it changes as it cleans it)."""

    def __init__(self, html: str | bytes) -> None:
        self.html = html

    @functools.cached_property
    def root(self) -> lxml.html.HtmlElement | None:
        # Decoded as trafilatura decodes it (a page may not say its encoding); as bytes
        # when lxml refuses the text for declaring an encoding (<?xml encoding="...">).
        for markup in (decode_file(self.html), self.html):
            try:
                return lxml.html.fromstring(markup)
            except ValueError:
                continue
            except lxml.etree.ParserError:
                return None
        return None

    @functools.cached_property
    def own(self) -> lxml.html.HtmlElement | None:
        """The page without what is not the article (see _other_content)."""
        if self.root is None:
            return None
        own = copy.deepcopy(self.root)
        for element in _other_content(own):
            element.drop_tree()
        return own

    @functools.cached_property
    def title(self) -> str:
        """The text of its <title>, without the label a print view puts before it
        ("Print: Headline - Site")."""
        found = self.root.find(".//title") if self.root is not None else None
        title = _clean(found.text_content()) if found is not None else ""
        return _PRINT_VIEW_LABEL.sub("", title, count=1) or title

    @functools.cached_property
    def site_names(self) -> list[str]:
        """The names the page gives its site (og:site_name, application-name)."""
        if self.root is None:
            return []
        stated = self.root.xpath(
            "//meta[@property='og:site_name' or @name='application-name']/@content"
        )
        return [_clean(str(name)) for name in stated]

    @functools.cached_property
    def site_name(self) -> str | None:
        """The name the page gives its site for display, in og:site_name."""
        if self.root is None:
            return None
        stated = self.root.xpath("//meta[@property='og:site_name']/@content")
        return next((name for name in map(_clean, map(str, stated)) if name), None)

    @functools.cached_property
    def h1_texts(self) -> set[str]:
        """The text of each <h1> of the page."""
        if self.root is None:
            return set()
        return {_clean(h1.text_content()) for h1 in self.root.iter("h1")}

    def states_headline(self, text: str) -> bool:
        """Whether the page gives `text` as its headline: in og:title or a <h1>."""
        if self.root is None:
            return False
        stated = self.root.xpath("//meta[@property='og:title']/@content|//h1")
        return any(
            _clean(item if isinstance(item, str) else item.text_content()) == text
            for item in stated
        )


# The label a print view of an article puts before its <title>: "Print: Headline",
# "Printer-friendly version - Headline", "Imprimer : Titre".
_PRINT_VIEW_LABEL = re.compile(
    r"(?:print(?:er[- ]friendly|able)?(?:\s+(?:version|view|edition))?|imprimer|drucken)"
    r"\s*(?::|\s[|–—-])\s+",
    re.IGNORECASE,
)
# The line in which a print view gives the article's address: "Article URL: https://...".
_PRINTED_ADDRESS = re.compile(
    r"(?:(?:article|story|page|original|source)\s+)?(?:url|link|web\s+address)\s*:\s*"
    r"(?P<url>https?://\S+)",
    re.IGNORECASE,
)


def _printed_address(text: str) -> str | None:
    """The address a print view gives the article in a line of its text (see
    _PRINTED_ADDRESS)."""
    for line in map(_clean, text.splitlines()):
        if found := _PRINTED_ADDRESS.fullmatch(line):
            return web_address(found["url"])
    return None


def _extract(html: str | bytes, page_url: str | None, laid_out: bool) -> Document | None:
    """trafilatura's reading of the page: its text and metadata. Tables are left out of
    the text (a table of figures reads badly as paragraphs); when `laid_out`, those that
    lay the page out are read as the blocks they hold."""
    try:
        tree = load_html(html)  # as trafilatura reads a page (its encoding found as it finds it)
        if tree is not None:
            _join_split_bodies(tree)
            _sign_embedded_posts(tree)
            if laid_out:
                _unwrap_layout_tables(tree)
        return trafilatura.bare_extraction(
            tree if tree is not None else html,
            url=page_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMETERS,
        )
    except (ValueError, TypeError) as error:
        raise ArticleError(f"not a readable HTML page ({error})") from None


def read_html(html: str | bytes, page_url: str | None = None) -> Article:
    """The article in a saved page; raises ArticleError when there is no article text."""
    page = _Markup(html)
    if said := _site_answer(page):
        raise ArticleError(
            f"the site answered with a page saying '{said}', not the article (it may refuse "
            "pages to programs): open the address in a browser and save the page"
        )
    if _lists_articles(page):
        raise ArticleError(
            "a list of articles (a section's or a site's front page), not an article: add "
            "the articles themselves, or the site's feed"
        )
    document, text = _document_and_text(html, page_url, page)
    title = _title(document, page)
    if not title:
        raise ArticleError("the page has no title")
    lines = (_without_post_links(_clean(line)) for line in text.splitlines())
    paragraphs = [line for line in lines if _is_text(line)]
    # The headline, already the title: first, or where trafilatura put it among the
    # parts of the page it read (a live page's updates, each an <article>).
    paragraphs = [paragraph for paragraph in paragraphs if paragraph != title]
    if not paragraphs:
        raise ArticleError(_no_text(page))
    if _asks_for_consent(page, paragraphs):
        raise ArticleError(
            "the page asks to accept its cookies instead of showing the article: open it "
            "in a browser, answer, and save the page once it shows the article"
        )
    url = _article_address(page, document.url or _printed_address(text), page_url)
    byline = _byline(page, paragraphs[0])
    if standfirst := _standfirst(page, title, paragraphs[0]):
        paragraphs.insert(0, standfirst)
    author = _named_in_article(
        _author(
            _authors(document.author, byline) or _linked_data_author(page) or _author_field(page),
            html,
        ),
        page,
    ) or _chinese_author(text)
    return Article(
        title=title,
        publisher=_publisher(document.sitename, url, page, title),
        url=url,
        published=_publication(page, document.date, page_url),
        author=author,
        language=_clean(document.language) or _page_language(page),
        paragraphs=tuple(_without_authors_note(paragraphs, author)),
    )


# What follows an author's name in the note on them at an article's foot: "Ana Ruiz
# covers water for ...", "Tom Hale is a reporter based in ...", "... reports on ...".
_AUTHORS_NOTE_VERB = re.compile(
    r"\s+(?:covers|writes\s+(?:about|on|for)|reports\s+(?:on|from|for)|is\s+(?:a|an|the)\s)"
)


def _without_authors_note(paragraphs: list[str], author: str | None) -> list[str]:
    """The paragraphs without the note on the article's authors at their foot, which
    opens with an author's name ("Ana Ruiz covers water and climate for ...")."""
    names = [name.strip() for name in (author or "").split(";") if name.strip()]

    def is_note(paragraph: str) -> bool:
        return any(
            paragraph.startswith(name) and _AUTHORS_NOTE_VERB.match(paragraph, len(name))
            for name in names
        )

    while len(paragraphs) > 1 and is_note(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def _document_and_text(
    html: str | bytes, page_url: str | None, page: _Markup
) -> tuple[Document, str]:
    """trafilatura's reading of the page, and the article's text: as trafilatura finds it;
    in the cells of the table an older page is laid out in; or, for a page built by a
    script, in its JSON-LD or in the data the script builds it from. ArticleError when
    there is none."""
    document = _extract(html, page_url, laid_out=False)
    if document is not None and (document.text or "").strip():
        return document, _whole_text(document.text, page)
    document = _extract(html, page_url, laid_out=True)
    if document is not None and (document.text or "").strip():
        return document, document.text
    text = _linked_data_body(page) or _script_data_body(page)
    if not text:
        raise ArticleError(_no_text(page))
    metadata = trafilatura.extract_metadata(
        html, default_url=page_url, date_config=_DATE_PARAMETERS
    )
    return metadata, text


# Fewer words than this in what a page shows is a teaser (a paywall's), not an article.
TEASER_WORDS = 50


def _whole_text(shown: str, page: _Markup) -> str:
    """The article's text: what the page shows, or, where that is a teaser, the whole
    article its JSON-LD gives (articleBody, which paywalled sites give search engines) or
    the data a script builds it from, the one holding most words when more than shown."""
    if len(shown.split()) >= TEASER_WORDS:
        return shown
    return max((shown, _linked_data_body(page), _script_data_body(page)), key=_words)


def _words(text: str) -> int:
    return len(text.split())


def _title(document: Document, page: _Markup) -> str:
    """The article's headline, as the page states it, without its site's name."""
    title = _clean(document.title)
    site = _clean(document.sitename)
    # (An <h1> may be the site's logo, and its name no headline.)
    if not page.states_headline(title) or _site_names(page, site) & {title.casefold()}:
        # trafilatura keeps a part of the <title>: the <title> without the site's name
        # and section beside it, when it names the site, else the part of most words.
        without_site = _without_site_name(page.title, page, site)
        if title in page.title and without_site != page.title:
            title = without_site
        else:
            title = _headline(title, page, site)
    headline = _part_in_h1(title, page) or _without_site_name(title, page, site)
    return _headline_under_topic(headline, page, site)


def _headline_under_topic(title: str, page: _Markup, site: str) -> str:
    """The headline, where the <h1> read as `title` names only its topic ("Floods") and a
    heading below it gives the headline the <title> holds, beginning with that topic
    ("<h2>Floods - what we know so far</h2>")."""
    stated = _without_site_name(page.title, page, site)
    if page.root is None or stated == title or not stated.startswith(title):
        return title
    headings = (_clean(heading.text_content()) for heading in page.root.iter("h2", "h3"))
    return stated if stated in headings else title


def _part_in_h1(title: str, page: _Markup) -> str | None:
    """The part of a title such as "Headline | Site" that the page's <h1> gives alone,
    where the page names its site nowhere else (og:title and <title> both add it)."""
    separators = list(_TITLE_PARTS.finditer(title))
    if not separators:
        return None
    first, last = separators[0], separators[-1]
    for part in (title[: last.start()], title[first.end() :]):
        if part in page.h1_texts:
            return part
    return None


# What a site's own page says in place of an article: an error, a refusal, a check that
# the visitor is a person ("Just a moment...", "Access Denied", "Page not found").
_SITE_ANSWER = re.compile(
    r"(?:just a moment|attention required!?|access denied|forbidden|(?:page )?not found"
    r"|(?:error )?[45]\d\d(?: (?:error|forbidden|not found))?|are you a (?:robot|human)\??"
    r"|please verify you are (?:a )?human|verify you are human|pardon our interruption"
    r"|security check|checking your browser|too many requests|service unavailable"
    r"|bad gateway|gateway time-?out|captcha)\W*",
    re.IGNORECASE,
)


def _site_answer(page: _Markup) -> str | None:
    """What the page says when it is the site's own answer in place of an article (see
    _SITE_ANSWER): its <title> or <h1>, on a page of few words; else None."""
    if page.root is None:
        return None
    body = page.root.find(".//body")
    text = body.text_content() if body is not None else ""
    if len(text.split()) >= _ANSWER_PAGE_WORDS:
        return None
    for said in (*_TITLE_PARTS.split(page.title), *sorted(page.h1_texts)):
        if _SITE_ANSWER.fullmatch(said):
            return said
    return None


# What JSON-LD calls a page listing articles; how many teasers make a list of them.
_LIST_PAGE_TYPE = re.compile(r"CollectionPage$|ItemList$|SearchResultsPage$")
_TEASERS = 3
# A teaser: an <article> whose heading links to the article.
_TEASER_LINK = ".//h2//a[@href]|.//h3//a[@href]|.//a[@href][.//h2 or .//h3]"


def _lists_articles(page: _Markup) -> bool:
    """Whether the page lists articles rather than being one (a section's front page):
    its JSON-LD says so, or, where it describes no article and OpenGraph does not call it
    one, teasers (<article>s whose heading links elsewhere) hold more of its paragraphs
    than the rest of it."""
    if page.root is None:
        return False
    kinds = [kind for node in _linked_data_top(page.root) for kind in _kinds(node)]
    if any(_ARTICLE_TYPE.search(kind) for kind in kinds):
        return False
    if any(_LIST_PAGE_TYPE.search(kind) for kind in kinds):
        return True
    if "article" in page.root.xpath("//meta[@property='og:type']/@content"):
        return False
    teasers = [
        article
        for article in page.root.iter("article")
        if article.find(".//h1") is None and article.xpath(_TEASER_LINK)
    ]
    if len(teasers) < _TEASERS:
        return False
    in_teasers = {p for teaser in teasers for p in teaser.iter("p")}
    teaser_words = sum(_words(p.text_content()) for p in in_teasers)
    other_words = sum(_words(p.text_content()) for p in page.root.iter("p") if p not in in_teasers)
    return teaser_words > other_words


def _linked_data_top(root: lxml.html.HtmlElement) -> Iterator[dict]:
    """The page's own JSON-LD objects (see _linked_data_nodes)."""
    for data in _linked_data_blocks(root):
        yield from _linked_data_nodes(data)


def _kinds(node: dict) -> list[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return [kind for kind in kinds if isinstance(kind, str)]


# What a page asking a visitor to accept its cookies says, and its buttons.
_CONSENT_WORDS = re.compile(
    r"\b(?:cookies?|consent|accept all|reject all|personal data|privacy (?:settings|choices)"
    r"|our partners|legitimate interest)\b",
    re.IGNORECASE,
)
_CONSENT_BUTTON = re.compile(
    r"\s*(?:accept|agree|reject|i agree|accept all|reject all|allow all|manage (?:options|"
    r"settings|preferences)|consent)\W*",
    re.IGNORECASE,
)
# Shorter than this, in words, a page may be a site's answer in place of an article (a
# consent page, an error); an article runs longer.
_ANSWER_PAGE_WORDS = 150


def _asks_for_consent(page: _Markup, paragraphs: list[str]) -> bool:
    """Whether the page is one asking to accept cookies in place of the article (what a
    site in Europe answers a fetch with): a short text, most of it about cookies and
    consent, and buttons to accept or refuse them."""
    if page.root is None or sum(len(p.split()) for p in paragraphs) >= _ANSWER_PAGE_WORDS:
        return False
    if 2 * sum(bool(_CONSENT_WORDS.search(p)) for p in paragraphs) < len(paragraphs):
        return False
    buttons = page.root.xpath("//button|//input[@type='submit' or @type='button']|//a")
    return any(
        _CONSENT_BUTTON.fullmatch(_clean(button.text_content() or button.get("value")))
        for button in buttons
    )


# What a page built in the browser by a script holds instead of its text: the data it is
# built from (Next.js, Nuxt, the state of a React or Apollo app), or a note asking for
# JavaScript.
_SCRIPT_BUILT = (
    "//script[@id='__NEXT_DATA__' or @id='__NUXT_DATA__']"
    "|//script[contains(., 'window.__NUXT__') or contains(., '__INITIAL_STATE__')"
    " or contains(., '__PRELOADED_STATE__') or contains(., '__APOLLO_STATE__')]"
    "|//noscript[contains(translate(., 'JAVSCRIPT', 'javscript'), 'javascript')]"
)


def _no_text(page: _Markup) -> str:
    """Why no article was read from the page, and what to do about it."""
    message = "no article text found in the page"
    if page.root is not None and page.root.xpath(_SCRIPT_BUILT):
        message += (
            ": its text is filled in by a script as it loads; open it in a browser and save "
            "it once it shows the article, as 'Webpage, Complete' or as a single file (.mhtml)"
        )
    return message


# The containers of an article's text, by their class ("article-body", "StoryBodyCompanion
# Column") or their schema.org property.
_BODY_CONTAINER = re.compile(r"body", re.IGNORECASE)


# A table that lays a page out: its cells hold paragraphs or headings, not figures.
_LAYOUT_TABLE = "//table[.//td//p or .//td//h1 or .//td//h2 or .//td//br]"
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def _unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """Make the tables that lay the page out blocks (<div>), as they show."""
    for table in tree.xpath(_LAYOUT_TABLE):
        for part in table.iter(*_TABLE_PARTS):
            part.tag = "div"


# The class of the quotation that embeds a social post in a page, signed by its author
# ("— Name (@handle) date"): X and Twitter, Bluesky, Mastodon, Threads.
_EMBEDDED_POST = re.compile(
    r"twitter-tweet|twitter-video|bluesky-embed|mastodon-embed|text-post-media", re.IGNORECASE
)


def _sign_embedded_posts(tree: lxml.html.HtmlElement) -> None:
    """Make each embedded post one paragraph: its words, then its author's signature
    (which follows the post's <p> and was read as a paragraph of its own, leaving the
    post's words to read as the article's)."""
    for post in tree.iter("blockquote"):
        if not any(_EMBEDDED_POST.fullmatch(name) for name in (post.get("class") or "").split()):
            continue
        parts = [post.text or ""]  # (the post's <p>, then its signature after it)
        parts += [part for child in post for part in (child.text_content(), child.tail or "")]
        text = _clean(" ".join(parts))
        for child in list(post):
            post.remove(child)
        post.text = None
        paragraph = lxml.html.Element("p")
        paragraph.text = _as_element_text(text)
        post.append(paragraph)


def _join_split_bodies(tree: lxml.html.HtmlElement) -> None:
    """Join the parts of an article's text that a page splits between sibling containers of
    one kind (an advertisement between each two): trafilatura reads only the first. What
    stood between them follows the joined text."""
    moved: set[lxml.html.HtmlElement] = set()
    for first in tree.xpath("//*[@class or @itemprop='articleBody']"):
        if first in moved or not _is_body_container(first):
            continue
        for sibling in list(first.itersiblings()):
            if sibling.tag == first.tag and _same_kind(sibling, first):
                first.append(sibling)  # with all it holds
                moved.add(sibling)


def _is_body_container(element: lxml.html.HtmlElement) -> bool:
    """Whether the element holds (part of) the article's text, by its name: blocks of
    text, not a block itself, such as a paragraph named after the body it is in."""
    if not any(child.tag in _BLOCKS for child in element):
        return False
    return element.get("itemprop") == "articleBody" or bool(
        _BODY_CONTAINER.search(element.get("class") or "")
    )


# The elements that lay out blocks of text: paragraphs, headings, lists, sections.
_BLOCKS = frozenset(
    "p div section article h1 h2 h3 h4 h5 h6 ul ol figure blockquote table pre".split()
)


def _same_kind(element: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> bool:
    return element.get("class") == other.get("class") and element.get("itemprop") == other.get(
        "itemprop"
    )


# What an embedded social post leaves of its picture or its link when it is read as text:
# "pic.twitter.com/AbC123", "pic.x.com/AbC123", "https://t.co/AbC123".
_POST_LINK = re.compile(r"\s*(?<![\w/.])(?:pic\.(?:twitter|x)\.com|(?:https?://)?t\.co)/\w+")


def _without_post_links(line: str) -> str:
    return _POST_LINK.sub("", line).strip()


def _is_text(line: str) -> bool:
    """Whether a line trafilatura extracted is the article's text: words (not a rule
    of strokes parting it, "___"), and not what a byline, a line dating the page, a
    pointer to another article, a picture's credit, a copyright line, the site's notes,
    appeals, tools and navigation leave."""
    return any(char.isalnum() for char in line) and not (
        _byline_leftover(line)
        or _byline_names(line)
        or _date_stamp(line)
        or _RELATED.match(line)
        or _ADVERTISEMENT.fullmatch(line)
        or (len(line) <= _PROMOTION_LENGTH and _PROMOTION.match(line))
        or (len(line) <= _NOTE_LENGTH and _WHERE_IT_APPEARED.fullmatch(line))
        or _copyright_line(line)
        or _RIGHTS_LINE.fullmatch(line)
        or _labelled_list(line)
        or (
            len(line) <= _NOTE_LENGTH
            and _PICTURE_LABEL.match(line)
            and not _LIST_LABEL.fullmatch(line)
        )
        or _PICTURE_AGENCY.fullmatch(line)
        or _PAGE_TOOL.fullmatch(line)
        or _SITE_NAVIGATION.fullmatch(line)
        or _CHINESE_FIELDS_LINE.fullmatch(line)
        or _PRINTED_ADDRESS.fullmatch(line)
    )


# What moves the reader about the site, standing among the paragraphs: the pages of the
# article ("Page 1 of 3", "Next page »"), the previous or next story, its tags or topics,
# the heading of a list of other stories or topics ("Related Topics", "More on this
# story"), a script's placeholder ("Loading...").
_SITE_NAVIGATION = re.compile(
    r"\W*(?:page\s+\d+\s+of\s+\d+|(?:next|previous|prev)(?:\s+(?:page|article|story|post))?"
    rf"|tags|topics|tagged|filed\s+under|{RELATED_POINTER}"
    r"|most\s+(?:read|popular|viewed|shared)|loading(?:\.\.\.|…)?)\W*",
    re.IGNORECASE,
)


# A label over a short list among the paragraphs: the article's tags or topics, a
# picture's credit ("Topics: Flooding, Marrow council", "Credit: Jane Doe/Valley
# Courier"); not a sentence opening with the word ("Credit: lending to small firms fell
# by a fifth last year, ...").
_LIST_LABEL = re.compile(
    r"\W*(?:tags|topics|tagged|filed\s+under|credits?)\s*:\s*(?P<items>.*)", re.IGNORECASE
)
_LIST_SEPARATOR = re.compile(r"\s*[,;|·•/]\s*|\s+(?:and|&)\s+")
# An item of such a list is this short, in words.
_LIST_ITEM_WORDS = 5


def _labelled_list(line: str) -> bool:
    """Whether `line` is a label over a short list (see _LIST_LABEL): items of a few
    words, no sentence among them."""
    found = _LIST_LABEL.fullmatch(line)
    if found is None:
        return False
    items = found["items"].rstrip(". ")
    if re.search(r"[.!?]\s", items):
        return False
    return all(len(item.split()) <= _LIST_ITEM_WORDS for item in _LIST_SEPARATOR.split(items))


# A Chinese page's line of labelled fields above or below the text: its date, source,
# author, editor in charge ("2025年04月02日 08:15 来源：河谷日报 作者：王小明",
# "（责任编辑：李华）").
_CHINESE_FIELD = (
    r"(?:来源|來源|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|发布时间|發布時間|发布|發布"
    r"|时间|時間|稿源|出处|出處)\s*[:：]\s*[^\s:：()（）【】\[\]]{1,40}"
)
_CHINESE_DATE = r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d\d-\d\d)|\d{1,2}:\d\d(?::\d\d)?"
_CHINESE_AUTHOR = re.compile(r"(?:作者|记者|記者)\s*[:：]\s*(?P<name>[^\s:：()（）【】\[\]]{1,40})")


def _chinese_author(text: str) -> str | None:
    """The author a Chinese page names in its line of fields ("作者：王小明")."""
    for line in map(_clean, text.splitlines()):
        if _CHINESE_FIELDS_LINE.fullmatch(line) and (found := _CHINESE_AUTHOR.search(line)):
            return found["name"]
    return None


_CHINESE_FIELDS_LINE = re.compile(
    rf"[\s(（【\[]*(?:(?:{_CHINESE_FIELD}|{_CHINESE_DATE})[\s　)）】\]|]*)+"
)


# The label of one of the page's tools standing among the paragraphs (sharing, saving,
# printing, listening), a video's duration or the reading time: "Share this article",
# "Copy link", "6 min read", "Duration 2:13", "Partager", "Temps de lecture 3 min".
_PAGE_TOOL = re.compile(
    r"(?:share(?:\s+(?:this|on|via|to)(?:\s+[\w.]+){0,2})?|copy(?:\s+the)?\s+link"
    r"(?:\s+to\s+clipboard)?|link\s+copied|save(?:\s+(?:this\s+)?(?:article|story))?"
    r"|print(?:\s+(?:this\s+)?(?:article|page|story))?|e-?mail(?:\s+this(?:\s+article)?)?"
    r"|listen(?:\s+to\s+this\s+(?:article|story))?|gift(?:\s+this)?\s+(?:article|story)"
    r"|(?:video\s+)?duration\s+\d{1,2}:\d\d(?::\d\d)?|\d+\s+min(?:ute)?s?\s+read"
    r"|comments?(?:\s+\(\d+\))?|\d+\s+comments?"
    r"|partager|imprimer|teilen|drucken|compartir|imprimir|condividi|stampa|поделиться"
    r"|مشاركة|分享(?:到)?|打印"
    r"|(?:temps\s+de\s+lecture|lesezeit|tiempo\s+de\s+lectura)\W*\d+\s*min\.?"
    r"|\d+\s*min\.?\s+(?:de\s+lecture|lesezeit|de\s+lectura))\W*",
    re.IGNORECASE,
)


# A picture's credit or label among the paragraphs: "Photograph: Jane Doe/Valley
# Courier", "Photo credit: Tom Lee", the labels a BBC page gives its pictures for screen
# readers ("Image source, Getty Images", "Image caption, ...", "Media caption, ...").
_PICTURE_LABEL = re.compile(
    rf"(?:(?:image|media|video)\s+(?:source|caption|credit)\s*[,:]|{PICTURE_WORD}"
    r"(?:\s+credit)?\s*[:：])",
    re.IGNORECASE,
)
# A line that only credits a picture to the agency that took it: "Getty Images", "AFP via
# Getty Images", "Jane Doe/Reuters", "AP Photo/Jon Super".
_AGENCY = (
    r"(?:getty\s+images|afp|reuters|ap(?:\s+photo)?|epa(?:-efe)?|pa(?:\s+(?:media|wire))?"
    r"|shutterstock|alamy|anadolu(?:\s+agency)?|xinhua|sopa\s+images|nurphoto|zuma\s+press"
    r"|bloomberg|dpa|ansa|efe)"
)
_PICTURE_AGENCY = re.compile(
    rf"(?:[^/\n]{{1,40}}/)?{_AGENCY}(?:\s*/\s*[^/\n]{{1,40}})?(?:\s+via\s+getty\s+images)?\W*",
    re.IGNORECASE,
)


# A copyright line: its opener, maybe a year, then a name ("© 2025 Valley Courier Ltd",
# "Copyright 2025 The Associated Press. All rights reserved. ..."), not a sentence about
# copyright ("Copyright lawyers said ...").
_COPYRIGHT_LINE = re.compile(
    rf"\W*(?i:{COPYRIGHT_OPENER})\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\W*)?(?:[A-Z\d]|$)"
)
_RIGHTS_LINE = re.compile(rf"{RIGHTS_RESERVED}\W*", re.IGNORECASE)
_RIGHTS_RESERVED_ANYWHERE = re.compile(RIGHTS_RESERVED, re.IGNORECASE)
# A copyright line giving no year and reserving no rights is no longer than this.
_SHORT_COPYRIGHT = 60


def _copyright_line(line: str) -> bool:
    """Whether `line` is a copyright line (see _COPYRIGHT_LINE) with what notices hold:
    a year, the rights reserved, or only a name; not the third clause of a list
    lettered '(a)', '(b)', '(c)'."""
    if len(line) > _NOTE_LENGTH or not _COPYRIGHT_LINE.match(line):
        return False
    return (
        len(line) <= _SHORT_COPYRIGHT
        or _WITH_YEAR.search(line) is not None
        or _RIGHTS_RESERVED_ANYWHERE.search(line) is not None
    )


# The note a feed, a republisher or the newspaper adds on where the article appeared:
# "The post Gates open appeared first on Valley Courier.", "This article was originally
# published on The Marrow Review. Read the original article."
_WHERE_IT_APPEARED = re.compile(
    r"(?:the post .+ appeared first on .{1,80}"
    r"|(?:this|the) (?:article|story|post|piece) (?:was |is )?(?:originally|first)"
    r" (?:published|posted|appeared) (?:on|in|at|by) [^.]{1,80}\.?"
    r"(?:\s*read the original(?: article| story)?\W*)?"
    # where it appeared in the newspaper: "A version of this article appears in print on
    # July 15, 2025, Section A, Page 14 ...", "This article appeared in the Britain section
    # of the print edition under the headline ..."
    r"|(?:a version of )?this (?:article|story) (?:appears|appeared) in (?:print\b"
    r"|the\b.{0,80}\bprint edition\b).*)",
    re.IGNORECASE,
)
# Longer than this, a line is a paragraph of text, whatever it says.
_NOTE_LENGTH = 300


# A line in which the site promotes itself among the paragraphs: asks the reader to
# subscribe, sign up, follow it or get its app, to send stories or money, tells of its
# cookies, or says the rest is for subscribers.
_PROMOTION = re.compile(
    r"(?:support (?:local|independent|quality|our|trusted) journalism"
    r"|subscribe (?:now|today|for (?:free|unlimited|full)|from \W?\d|to (?:our|the\b.{0,60}"
    r"\b(?:newsletter|briefing|podcast)))"
    r"|sign up (?:to|for) (?:our|free|the\b.{0,60}\b(?:newsletter|briefing|email|alerts))"
    r"|already a (?:subscriber|member)"
    r"|follow us on|download (?:the|our)\b.{0,40}\bapp\b|get (?:the|our)\b.{0,40}\bapp\b"
    r"|become a (?:member|subscriber|supporter)|click here (?:to|for)\b"
    # asks them for stories, tips or money; tells them of its cookies
    r"|(?:have you been affected|do you have a story|(?:got|have) a (?:news )?tip)\b"
    r"|(?:our|independent|local) journalism (?:relies|depends) on"
    r"|(?:please )?consider (?:donating|supporting|making a (?:donation|contribution))"
    r"|we use cookies"
    r"|this (?:article|story|content) is (?:for|only available to|reserved for) subscribers"
    # A paywall's notice where the page stops: the rest is for subscribers.
    r"|(?:the )?rest of this (?:article|story) is (?:for|only available to|reserved for)"
    r"|(?:subscribe|sign in|log in) to (?:continue|keep) reading"
    r"|to (?:continue|keep) reading,? (?:subscribe|sign in|log in)"
    r"|you(?: have|'ve) (?:reached|used) (?:your|all your) (?:limit of )?free (?:articles|stories)"
    r"|il vous reste \d[\d.,]*\s?% de cet article|la suite est réservée aux abonnés"
    r"|cet (?:article|contenu) est réservé aux abonnés"
    r"|dieser (?:artikel|beitrag|inhalt) ist (?:nur )?für (?:abonnenten|abonnentinnen)"
    r"|jetzt weiterlesen mit|weiterlesen mit \w+\s?(?:plus|\+)"
    r"|este (?:artículo|contenido) es (?:exclusivo )?para (?:suscriptores|abonados)"
    r"|questo articolo è riservato agli abbonati"
    r"|suscríbete (?:para (?:seguir|continuar) leyendo|ahora)|lee sin límites"
    r"|abonnez-vous pour (?:lire|continuer)|abbonati per (?:continuare a leggere|leggere))",
    re.IGNORECASE,
)
# Longer than this, a line is a paragraph of text, whatever it opens with.
_PROMOTION_LENGTH = 160


# The label of an advertisement's slot between paragraphs ("Advertisement", "Story
# continues below advertisement"), in the languages newsrooms use most.
_ADVERTISEMENT = re.compile(
    r"(?:advertisement|advertisements|advert|sponsored(?: content)?|ad|anzeige|werbung"
    r"|publicité|publicidad|pubblicità|reclame|advertentie|reklama"
    r"|(?:story|article|text) continues below(?: (?:this )?(?:advertisement|ad))?"
    r"|continue reading (?:the main story|below)|skip advertisement"
    r"|(?:advertisement|ad)\W+(?:scroll|continue|story continues)[\w\s]*)\W*",
    re.IGNORECASE,
)


# What parts a <title>: "Headline | Site", "Site - Headline"; between Chinese or Japanese
# words, a bar or an underscore without spaces ("标题_新闻频道_河谷日报网").
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"
_TITLE_PARTS = re.compile(rf"\s+[|·•–—-]\s+|(?<=[{_CJK}])\s*[_|｜]\s*(?=[{_CJK}])")
# What stands between a headline and its site's name alone, never inside a headline.
_SITE_BAR = re.compile(r"\s+[|·]\s+")


def _headline(title: str, page: _Markup, site: str) -> str:
    """trafilatura keeps one part of a <title> such as "Site - Headline", at times the
    site's name: the part of most words is the headline, unless it is the name the page
    gives its site ("Ceasefire | The Daily Gazette"). A title the <title> does not hold
    (one of a live page's updates, read from its JSON-LD) gives way to the part of the
    <title> the page shows as its headline (all of it but the site's name, or a part)."""
    parts = _TITLE_PARTS.split(page.title)
    if title in parts:
        named = site.casefold()
        others = [part for part in parts if part.casefold() != named] or parts
        longest = max(others, key=lambda part: len(part.split()))
        if title.casefold() == named or len(longest.split()) > len(title.split()):
            return longest
        return title
    stated = [_without_site_name(page.title, page, site), *parts]
    return next((part for part in stated if page.states_headline(part)), title)


def _site_names(page: _Markup, site: str) -> set[str]:
    """The names the page gives its site, and the one trafilatura read, casefolded."""
    return {name.casefold() for name in (site, *page.site_names) if name}


def _without_site_name(title: str, page: _Markup, site: str) -> str:
    """`title` without the site's name that og:title and <title> add to a headline
    ("Headline - Valley Courier", "Valley Courier | Headline", "Valley Courier: Headline")."""
    names = _site_names(page, site)
    named_first = _NAMED_FIRST.fullmatch(title)  # "Valley Courier: Headline"
    if named_first and named_first["name"].casefold() in names:
        return named_first["rest"]
    separators = list(_TITLE_PARTS.finditer(title))
    if not separators:
        return title
    first, last = separators[0], separators[-1]
    if title[last.end() :].casefold() in names:
        return _without_section(title[: last.start()], last[0].strip(), at_end=True)
    if title[: first.start()].casefold() in names:
        return _without_section(title[first.end() :], first[0].strip(), at_end=False)
    return title


# The bars that part a title's headline, section and site; not dashes, which also part
# a headline's own words ("Floods - what we know").
_SECTION_BARS = ("|", "｜", "_", "·")
# A section's name is this short, in words ("Flooding", "Local news", "新闻频道").
_SECTION_WORDS = 3


def _without_section(rest: str, bar: str, at_end: bool) -> str:
    """What is left of a title once its site's name is taken off (`rest`), without the
    section it names beside the site, after the same bar: "Headline | Flooding" (from
    "Headline | Flooding | Valley Courier") gives "Headline"."""
    if bar not in _SECTION_BARS:
        return rest
    if at_end:
        headline, found, section = rest.rpartition(bar)
    else:
        section, found, headline = rest.partition(bar)
    if found and headline.strip() and len(section.split()) <= _SECTION_WORDS:
        return headline.strip()
    return rest


def _publisher(sitename: str | None, url: str | None, page: _Markup, headline: str) -> str | None:
    """The site's name as the page states it: its og:site_name, else what trafilatura
    read (which prefers the company a JSON-LD names, "Valley Courier Ltd"). trafilatura
    gives the address's host name ("news.example.co.uk") when it finds none, which the
    page does not state as its name (`timeline add` takes it last); the page's <title>
    may state one."""
    sitename = _clean(page.site_name or sitename)
    if sitename and sitename.casefold() != host_name(url):
        return sitename
    return _site_in_title(page, headline)


def host_name(url: str | None) -> str:
    """The host part of a web address ("news.example.co.uk"); "" for none."""
    return (urlsplit(url).hostname or "") if url else ""


def _site_in_title(page: _Markup, headline: str) -> str | None:
    """The site a <title> such as "Headline | Site" names beside the headline (or at the
    other end from it, past its section). After a dash, which also ends headlines
    ("Headline - live"), only where the page states the headline on its own and what
    follows reads as a name."""
    named_first = _NAMED_FIRST.fullmatch(page.title)  # "Valley Notes: Headline" (Blogger)
    if named_first and named_first["rest"] == headline and _reads_as_site(named_first["name"]):
        return named_first["name"]
    parts = _SITE_BAR.split(page.title)
    if len(parts) != 2 or headline not in parts:
        parts = _TITLE_PARTS.split(page.title)
        if len(parts) > 2 and page.states_headline(headline):
            return _site_at_the_other_end(parts, headline)
        if len(parts) != 2 or headline not in parts or not page.states_headline(headline):
            return None
        other = parts[0] if parts[1] == headline else parts[1]
        if not _reads_as_site(other):
            return None
    site = parts[0] if parts[1] == headline else parts[1]
    return site if 0 < len(site.split()) <= 5 else None


def _site_at_the_other_end(parts: list[str], headline: str) -> str | None:
    """The site a title of three parts or more names at its other end from the headline,
    a section between them ("Headline | Flooding | Valley Courier")."""
    if parts[0] == headline:
        site = parts[-1]
    elif parts[-1] == headline:
        site = parts[0]
    else:
        return None
    return site if _reads_as_site(site) else None


_NAMED_FIRST = re.compile(r"(?P<name>[^:]+):\s+(?P<rest>\S.*)")


def _reads_as_site(text: str) -> bool:
    """Whether `text` reads as a name: a few words, each capitalised (or a number)."""
    words = text.split()
    return 0 < len(words) <= 5 and all(word[0].isupper() or word[0].isdigit() for word in words)


def _publication(page: _Markup, day: str | None, page_url: str | None) -> str | None:
    """The page's publication time with its offset where the page gives one, else its
    day; None when the page states no date."""
    if not day or not _states_day(page, day, page_url):
        # A line labelled as the publication that htmldate does not read ("Published 8:15
        # AM EDT, Wed April 2, 2025"), or none.
        return _labelled_publication(page)
    html = page.html
    if _states_modification(page, day):
        # htmldate takes when a page was changed for its publication, where it finds no
        # other date: the page is read again without what says when it was changed.
        html = _without_modification(page)
        day = htmldate.find_date(html, **_DATE_PARAMETERS)
        if not day or not _states_day(page, day, page_url):
            return _labelled_publication(page)
    moment = htmldate.find_date(html, outputformat=_WITH_TIME, **_DATE_PARAMETERS)
    # htmldate gives midnight UTC for a page that states only the day: keep the day then.
    if moment and moment.startswith(day) and not moment.endswith("T00:00:00+0000"):
        iso = f"{moment[:19]}{moment[19:22]}:{moment[22:]}" if len(moment) == 24 else None
        if iso is not None:
            try:
                PartialDate.parse(iso)
                return iso
            except DateError:
                pass
    # htmldate keeps only the day of a JSON-LD datePublished, and at times of the other
    # ways a page states it: its time, when the page gives one with its offset on that day.
    for stated in _stated_published(page):
        if stated.tzinfo is not None and stated.date().isoformat() == day:
            return stated.isoformat(timespec="seconds")
    return day


# The markup that says when a page was last changed: OpenGraph, the HTTP header as the
# page repeats it, schema.org microdata.
_MODIFIED_MARKUP = (
    "//meta[@property='article:modified_time' or @name='article:modified_time'"
    " or @property='og:updated_time' or @name='last-modified' or @http-equiv='last-modified'"
    " or @name='lastmod' or @name='dcterms.modified']|//*[@itemprop='dateModified']"
)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


# A line saying when the page was changed ("Updated 14 March", "Mis à jour le"), and the
# word that says it also gives the publication ("Updated ... | Published ...").
_UPDATE_LABEL = re.compile(rf"\s*(?:last\s+)?(?:{PAGE_UPDATED_WORD}|edited)\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(PAGE_PUBLISHED_WORD, re.IGNORECASE)
_PUBLISHED_START = re.compile(rf"\s*(?:first\s+)?{PAGE_PUBLISHED_WORD}\b", re.IGNORECASE)
_UPDATE_LABEL_ANYWHERE = re.compile(rf"\b(?:{PAGE_UPDATED_WORD}|edited)\b", re.IGNORECASE)
# Longer than this, a line is text, not a stamp.
_STAMP_LENGTH = 80


def _states_modification(page: _Markup, day: str) -> bool:
    """Whether the page says it was changed on `day`, in its markup or in a line of text."""
    return day in _modified_days(page) or any(
        states_day(line.updated, day) for line in _update_lines(page.root)
    )


def _modified_days(page: _Markup) -> set[str]:
    """The days on which the page's markup says it was last changed."""
    if page.root is None:
        return set()
    stated = [node.get("content") or node.get("datetime") for node in _modified_markup(page.root)]
    stated += [node.get("dateModified") for node in _linked_data_everything(page.root)]
    days = (value.strip()[:10] for value in stated if isinstance(value, str))
    return {day for day in days if _DAY.fullmatch(day)}


@dataclass(frozen=True)
class _UpdateLine:
    """An element of the page whose line opens saying when the page was changed."""

    element: lxml.html.HtmlElement
    updated: str  # what says when it was changed
    published: str  # what follows, saying when it was published ("" for nothing)


def _update_lines(root: lxml.html.HtmlElement | None) -> list[_UpdateLine]:
    """The elements of the page that say when it was changed, and nothing else but, after
    it, when it was published ("Updated 3 April 2025 | Published 2 April 2025")."""
    if root is None:
        return []
    found: list[_UpdateLine] = []
    for text in root.xpath(_PAGE_TEXT):
        if not _UPDATE_LABEL.match(text):
            continue
        element = text.getparent().getparent() if text.is_tail else text.getparent()
        if element is None or any(line.element is element for line in found):
            continue
        line = _clean(element.text_content())
        published = _PUBLISHED_LABEL.search(line)
        cut = published.start() if published else len(line)
        if cut <= _STAMP_LENGTH and len(line) - cut <= _STAMP_LENGTH:
            found.append(_UpdateLine(element, line[:cut], line[cut:]))
    return found


_PAGE_TEXT = "//body//text()[not(ancestor::script or ancestor::style)]"


def _labelled_publication(page: _Markup) -> str | None:
    """The day a line of the page's text labels as its publication, with its year
    ("Published 8:15 AM EDT, Wed April 2, 2025", "Veröffentlicht am 02.04.2025"), up to
    what says when it was changed; None for none (a day written with slashes, read one
    way or the other by country, is none)."""
    from builder.temporal import tag

    own = page.own  # (teasers have dates of their own)
    if own is None:
        return None
    for text in own.xpath(_PAGE_TEXT):
        if not _PUBLISHED_START.match(text):
            continue
        element = text.getparent().getparent() if text.is_tail else text.getparent()
        line = _clean(element.text_content()) if element is not None else ""
        label = _PUBLISHED_LABEL.search(line)
        if label is None:
            continue
        line = line[label.start() :]
        if updated := _UPDATE_LABEL_ANYWHERE.search(line):
            line = line[: updated.start()]
        if len(line) > _STAMP_LENGTH:
            continue
        for timex in tag(line, "2000-01-01"):
            day = timex.value[:10]
            if _DAY.fullmatch(day) and "/" not in timex.text and _WITH_YEAR.search(timex.text):
                return day
    return None


def _without_modification(page: _Markup) -> str:
    """The page without what says when it was last changed (markup, JSON-LD, lines of
    text)."""
    assert page.root is not None  # (it says when it was changed)
    changed = copy.deepcopy(page.root)  # (as parsed: written out, it would need its encoding)
    for node in _modified_markup(changed):
        node.drop_tree()
    for line in _update_lines(changed):
        if line.published:  # only what says when it was published is kept
            for child in list(line.element):
                line.element.remove(child)
            line.element.text = _as_element_text(line.published)
        else:
            line.element.drop_tree()
    for script in changed.iterfind(".//script[@type='application/ld+json']"):
        script.text = _as_element_text(_DATE_MODIFIED.sub('"left-out": ""', script.text or ""))
    return lxml.html.tostring(changed, encoding="unicode")


# A JSON-LD dateModified and its value, replaced in place (the JSON stays valid, and is
# not parsed and written again: hostile JSON may nest too deep for that).
_DATE_MODIFIED = re.compile(r'"dateModified"\s*:\s*"[^"]*"')


def _modified_markup(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return root.xpath(_MODIFIED_MARKUP)


def _linked_data_blocks(root: lxml.html.HtmlElement) -> Iterator[object]:
    """What each JSON-LD script of the page holds, for those that parse."""
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        try:
            yield json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # (nested deeper than Python's parser goes)
            continue


def _linked_data_everything(root: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every object of the page's JSON-LD, however deep."""
    for data in _linked_data_blocks(root):
        yield from _objects(data)


def _objects(data: object) -> Iterator[dict]:
    """Every object in `data`, however deep, in the order written."""
    return _walk_objects(data, lambda item: list(item.values()))


def _walk_objects(data: object, inside: Callable[[dict], list]) -> Iterator[dict]:
    """The objects of `data` in the order written: those of its lists, and those
    `inside(object)` gives of each, in turn. Without recursing: hostile JSON may nest as
    deep as Python's parser lets it."""
    waiting = [data]
    while waiting:
        item = waiting.pop()
        if isinstance(item, list):
            waiting.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            waiting.extend(reversed(inside(item)))


def _states_day(page: _Markup, day: str, page_url: str | None) -> bool:
    """Whether the page (its text, its markup's attributes or its address) writes the
    day `day`, outside what is not the article (see _other_content). htmldate pads what
    it reads: a page stating "2024-11", or an impossible "2024-02-30", comes back as the
    1st of the month or as today's day of the month; and it takes a date where it finds
    one, another article's in a list of links among them."""
    if page.own is None:
        return states_day(f"{_page_text(page.html)} {page_url or ''}", day)
    return states_day(f"{_own_text(page.own)} {page_url or ''}", day)


def _own_text(own: lxml.html.HtmlElement) -> str:
    """The text and the attributes' values of the page without its other content."""
    return " ".join([*own.itertext(), *own.xpath("//@*")])


# The class or id of what is not the article: other articles' teasers, readers'
# comments, the site's sidebars ("related-stories", "comment-list", "most-read").
_OTHER_CONTENT_NAME = re.compile(
    r"(?:[\w-]*[-_])?(?:comments?|commentlist|discussion|related|recommended"
    r"|recommendations|most-?read"
    r"|most-?popular|popular|trending|read-?next|more-?stories|sidebar|widget|teasers?)"
    r"(?:[-_][\w-]*)?",
    re.IGNORECASE,
)
_ARTICLE_TAGS = ("html", "body", "main", "article")


def _other_content(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """What in the page is not the article: other articles beside the one holding the
    headline; its navigation; asides and footers outside the article; what is named for
    other content (_OTHER_CONTENT_NAME), unless it holds the headline; readers'
    comments."""
    found = _other_articles(root)
    for element in root.iter("*"):
        if not isinstance(element.tag, str) or element.tag in _ARTICLE_TAGS:
            continue
        in_article = any(parent.tag in ("article", "main") for parent in element.iterancestors())
        names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        if (
            element.tag == "nav"
            or (element.tag in ("aside", "footer") and not in_article)
            or (
                any(_OTHER_CONTENT_NAME.fullmatch(name) for name in names)
                and element.find(".//h1") is None
            )
            or _is_comment(element)
        ):
            found.append(element)
    return found


def _other_articles(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The <article>s beside the one holding the headline (teasers for other articles),
    where one holds it; not those inside it (a live page's updates)."""
    articles = list(root.iter("article"))
    own = [article for article in articles if article.find(".//h1") is not None]
    if not own:
        return []
    return [
        article
        for article in articles
        if article not in own and not any(parent in own for parent in article.iterancestors())
    ]


def _is_comment(element: lxml.html.HtmlElement) -> bool:
    """Whether the element is a reader's comment as schema.org marks one up."""
    kinds = (element.get("itemtype") or "").split()
    return element.get("itemprop") == "comment" or any(
        kind.rstrip("/").endswith(("/Comment", "/UserComments")) for kind in kinds
    )


_ARTICLE_TYPE = re.compile(r"Article$|BlogPosting$|^Report$")
# Where else pages state their publication moment: OpenGraph's article properties,
# schema.org microdata, <time> elements marked as the publication's.
_PUBLISHED_MARKUP = (
    "//meta[@property='article:published_time' or @name='article:published_time']/@content"
    "|//*[@itemprop='datePublished']/@content|//*[@itemprop='datePublished']/@datetime"
    # HTML's pubdate, and the class WordPress themes give the time of publication.
    "|//time[@pubdate]/@datetime"
    "|//time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@datetime"
)


def _stated_published(page: _Markup) -> Iterator[datetime]:
    """The publication moments the page states, in JSON-LD first, then in its markup."""
    yield from _linked_data_published(page)
    if page.root is None:
        return
    for value in page.root.xpath(_PUBLISHED_MARKUP):
        if moment := _moment(str(value)):
            yield moment


def _linked_data_published(page: _Markup) -> Iterator[datetime]:
    """The datePublished of each article described in the page's JSON-LD, in order."""
    for article in _linked_data_articles(page):
        value = article.get("datePublished")
        if isinstance(value, str) and (moment := _moment(value)):
            yield moment


def _moment(written: str) -> datetime | None:
    """A moment as pages write it: ISO 8601, or as email and RSS do (RFC 822: "Thu,
    13 Mar 2025 19:42:00 +0100"); None for neither."""
    try:
        return datetime.fromisoformat(written.strip())
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(written.strip())
    except (TypeError, ValueError, IndexError):
        return None


def _linked_data_author(page: _Markup) -> str | None:
    """The names of the people the page's JSON-LD article gives as its authors."""
    for article in _linked_data_articles(page):
        authors = article.get("author")
        authors = authors if isinstance(authors, list) else [authors]
        if names := [name for name in map(_person_name, authors) if name]:
            return "; ".join(names)
    return None


# The elements in which a page's system sets the author's name without a label or a
# "By": Drupal's author fields ("field--name-uid", "field--name-field-author"), Firefox
# Reader View's credits ("reader-credits").
_AUTHOR_FIELD_CLASSES = ("field--name-uid", "field--name-field-author", "reader-credits")
_AUTHOR_FIELD = "|".join(
    f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    for name in _AUTHOR_FIELD_CLASSES
)


# The block of a page's byline holding its date and the author's name, each in an
# element of its own ("<time>2 April 2025</time><span>Ana Ruiz</span><span>Valley
# News</span>").
_BYLINE_BLOCK = (
    "//*[@data-component='byline-block' or contains(concat(' ', normalize-space(@class),"
    " ' '), ' byline-block ')]"
)


def _author_field(page: _Markup) -> str | None:
    """The names in the page's author field (see _AUTHOR_FIELD), when it holds names
    alone: "Ana Ruiz", "By Ana Ruiz and Tom Hale", "Ana Ruiz, Health Reporter"; else the
    first line of its byline block that is a name (see _BYLINE_BLOCK)."""
    if page.root is None:
        return None
    for field in page.root.xpath(_AUTHOR_FIELD):
        if names := _names_alone(field.text_content()):
            return names
    for block in page.root.xpath(_BYLINE_BLOCK):
        for line in block.xpath(".//text()[not(ancestor::time)]"):
            if names := _names_alone(str(line)):
                return names
    return _author_page_link(page)


# The part of an address that opens an author's page on a news site: "/autor/ana-ruiz/",
# "/author/ana-ruiz", "/auteur/...", "/autore/...", "/journalist/...", "/profile/...".
_AUTHOR_PAGE = re.compile(
    r"/(?:autor|autora|author|authors|auteur|autore|autori|journalist|journalists|profile"
    r"|reporter|reporters|firmas|signataires)/[^/]+/?$",
    re.IGNORECASE,
)


# A link inside the <article>, above its text (no paragraph of a sentence before it).
_LINK_ABOVE_TEXT = "//article//a[@href][not(preceding::p[string-length(normalize-space()) > 80])]"


def _author_page_link(page: _Markup) -> str | None:
    """The name of the first link to an author's page (see _AUTHOR_PAGE) in the page's
    <article> above its text, when it reads as a name: the byline of a page that marks
    it up no other way."""
    links = page.root.xpath(_LINK_ABOVE_TEXT) if page.root is not None else []
    for link in links:
        if _AUTHOR_PAGE.search(_address_path(link.get("href"))):
            return _names_alone(link.text_content())
    return None


def _address_path(address: str) -> str:
    try:
        return urlsplit(address).path
    except ValueError:  # "http://[::1"
        return ""


def _names_alone(text: str) -> str | None:
    """The names `text` holds when it holds names alone ("; "-separated), else None."""
    text = _BYLINE_WORD.sub("", _clean(text), count=1)
    names = [name for name in _NAME_SEPARATOR.split(text) if name and not _is_role(name)]
    return "; ".join(names) if names and all(map(_reads_as_name, names)) else None


def _person_name(author: object) -> str:
    """The name of a JSON-LD author that is a person (a name alone, or a Person)."""
    if isinstance(author, str):
        return _clean(author)
    if isinstance(author, dict) and author.get("@type") in (None, "Person"):
        name = author.get("name")
        return _clean(name) if isinstance(name, str) else ""
    return ""


def _linked_data_body(page: _Markup) -> str:
    """The text (articleBody) of the first article the page's JSON-LD gives one for."""
    for article in _linked_data_articles(page):
        body = article.get("articleBody")
        if isinstance(body, str) and body.strip():
            return body
    return ""


# The data a script builds the page from (Next.js's __NEXT_DATA__, and the like).
_SCRIPT_DATA = "//script[@id='__NEXT_DATA__' or @type='application/json']"
# The keys under which such data holds a paragraph's text ("content" in Arc XP's story
# elements, "text" in a portable text block's spans).
_TEXT_KEYS = ("content", "text", "html", "body", "value")
# A paragraph of an article, not a label or a caption: a sentence or more; an article,
# not a teaser: this many such paragraphs at least.
_SENTENCE_LENGTH = 40
_ARTICLE_PARAGRAPHS = 3


def _script_data_body(page: _Markup) -> str:
    """The article's text in the data a script builds the page from: of the lists of
    paragraphs it holds (an HTML string of them, a list of text elements), the longest,
    when it is an article's; "" when there is none."""
    if page.root is None:
        return ""
    longest: list[str] = []
    for script in page.root.xpath(_SCRIPT_DATA):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        for paragraphs in _paragraph_lists(data):
            if sum(map(len, paragraphs)) > sum(map(len, longest)):
                longest = paragraphs
    sentences = sum(len(paragraph) >= _SENTENCE_LENGTH for paragraph in longest)
    return "\n".join(longest) if sentences >= _ARTICLE_PARAGRAPHS else ""


def _paragraph_lists(data: object) -> Iterator[list[str]]:
    """The paragraphs of each HTML string in `data`, and of each list whose items hold
    text (without recursing: hostile JSON may nest deep)."""
    waiting = [data]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str) and "<p" in item:
            yield _html_paragraphs(item)
        elif isinstance(item, list):
            texts = [text for text in map(_item_text, item) if text]
            # Paragraphs, with a picture or a link between some; not a list of every
            # value a page holds (Nuxt's payload), a few of them sentences.
            if 2 * sum(len(text) >= _SENTENCE_LENGTH for text in texts) >= len(item):
                yield texts
            waiting.extend(item)
        elif isinstance(item, dict):
            waiting.extend(item.values())


def _item_text(item: object) -> str:
    """The text of an element of a list of paragraphs: a string, or an object's under a
    key for text, or the text of its spans (portable text's children, read one level
    deep: hostile data may nest them as deep as the parser lets it)."""
    if isinstance(item, str):
        return _markup_text(item)
    if not isinstance(item, dict):
        return ""
    for key in _TEXT_KEYS:
        if isinstance(item.get(key), str):
            return _markup_text(item[key])
    children = item.get("children")  # (spans, which hold no spans themselves)
    if isinstance(children, list):
        spans = (child.get("text") for child in children if isinstance(child, dict))
        return _clean("".join(span for span in spans if isinstance(span, str)))
    return ""


def _html_paragraphs(html: str) -> list[str]:
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, lxml.etree.ParserError):
        return []
    return [text for text in (_clean(p.text_content()) for p in root.iter("p")) if text]


def _markup_text(text: str) -> str:
    """`text` without the markup it may hold ("<b>flood</b>")."""
    if "<" not in text:
        return _clean(text)
    try:
        return _clean(lxml.html.fromstring(f"<div>{text}</div>").text_content())
    except (ValueError, lxml.etree.ParserError):
        return _clean(text)


def _linked_data_articles(page: _Markup) -> Iterator[dict]:
    """The articles the page's JSON-LD describes as its own, in order."""
    if page.root is None:
        return
    for node in _linked_data_top(page.root):
        if any(_ARTICLE_TYPE.search(kind) for kind in _kinds(node)):
            yield node


def _linked_data_nodes(data: object) -> Iterator[dict]:
    """The page's own objects: the top level, lists of them, an @graph and the main
    entity of a page; not what they mention (related articles have dates of their own)."""
    return _walk_objects(
        data, lambda item: [item[k] for k in ("@graph", "mainEntity") if k in item]
    )


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
# Where else a page states its language, in the order they are trusted: the HTTP header
# as the page repeats it, OpenGraph's locale ("fr_FR").
_STATED_LANGUAGE = (
    "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    "='content-language']/@content",
    "//meta[@property='og:locale']/@content",
)


def language_tag(stated: str) -> str:
    """`stated` in BCP 47's casing, its parts joined by hyphens: 'EN-us' as 'en-US',
    'en_GB' as 'en-GB', 'zh-hant-tw' as 'zh-Hant-TW'. After a one-letter part (an
    extension, 'x-' for private use) every part is in lower case."""
    parts = re.split(r"[-_]", stated.strip())
    cased = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 1 or any(len(done) == 1 for done in cased):
            cased.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            cased.append(part.title())
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            cased.append(part.upper())
        else:
            cased.append(part.lower())
    return "-".join(cased)


def _page_language(page: _Markup) -> str | None:
    """The language tag the page states: its lang attribute (xml:lang in XHTML), a
    Content-Language, its OpenGraph locale or its JSON-LD article's inLanguage."""
    if page.root is None:
        return None
    stated = [page.root.get("lang") or page.root.get("xml:lang") or ""]
    for path in _STATED_LANGUAGE:
        stated += page.root.xpath(path)
    stated += [node.get("inLanguage") for node in _linked_data_articles(page)]
    for value in stated:
        language = str(value).strip() if isinstance(value, str) else ""
        if _LANGUAGE_TAG.fullmatch(language):
            return language.replace("_", "-")
    return None


# rel="canonical" among the link's relations, however written.
_CANONICAL_LINK = (
    "//link[@href][contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', "
    "'canonical')), ' '), ' canonical ')]/@href"
)


def _article_address(page: _Markup, stated: str | None, page_url: str | None) -> str | None:
    """The article's own address: its canonical link (one relative to the page's <base>
    or to where the page came from made whole), else what trafilatura read (og:url), else
    where the page came from; for a web archive's copy, the address of the page it copied.
    Never a site's front page, which some sites give every page as its canonical link."""
    candidates = (_canonical_link(page, page_url), web_address(stated), web_address(page_url))
    # A web archive rewrites the page's links to its copy: the page's own is inside.
    addresses = (archived_original(url) for url in candidates if url)
    return next((url for url in addresses if not _front_page(url)), None)


def _canonical_link(page: _Markup, page_url: str | None) -> str | None:
    if page.root is None:
        return None
    links = page.root.xpath(_CANONICAL_LINK)
    if not links:
        return None
    base = web_address(page_url)
    for stated in page.root.xpath("//base/@href")[:1]:  # itself relative to the address
        base = web_address(str(stated), base)
    link = web_address(str(links[0]), base)
    return link.split("#", 1)[0] if link else None


def _front_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


# The words that open a byline, when the page's own markup leaves them in the author's
# name ("By", "Par"; "Author:", "Автор:", "بقلم:"); not "von", which begins names too
# ("von der Leyen").
_BYLINE_WORD = re.compile(
    r"\A(?:by|par|por|door|przez|author|auteur|autor|autore|автор|بقلم)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# What a byline leaves when the extraction drops its name and date: "By", "Par —", "|".
_LEFTOVER = re.compile(rf"(?:{BYLINE_OPENER}\b)?\W*", re.IGNORECASE)


# A pointer to another article left in the text ("Read more: How the 2007 floods changed
# the valley"): its words, and its dates, are not this article's.
_RELATED = re.compile(rf"{RELATED_POINTER}\s*[:：|–—]", re.IGNORECASE)
# What may stand beside the date in a line giving the page's time: "Published", "Last
# updated on", "at", "17.40", "GMT", "Wed", separators.
_STAMP_LABEL = re.compile(rf"{PAGE_DATE_LABEL}\s*:?\s*", re.IGNORECASE)
# Past a label, what is this short and holds a year, a time of day or the page's age is
# the stamp's date and time, in whichever language ("Publié le 12 mars 2025 à 17h40",
# "Updated 2 hours ago").
_STAMP_AFTER_LABEL = 40
_YEAR_OR_TIME = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:h.]\d\d\b"
    r"|\b\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?)"
    r"\s+ago\b|^\W*(?:yesterday|just\s+now)\W*$",
    re.IGNORECASE,
)
_STAMP_REST = re.compile(
    r"(?:[\s,.:|·•–—/()-]|\b(?:(?i:at|on|[ap]\.?m\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)"
    r"|[A-Z]{2,4}|\d{1,2}[.:h]\d{2}(?i:[ap]m)?)\b)*"
)
# A date that gives its year: a stamp, not a day heading of a live page ("Tuesday 11 March").
_WITH_YEAR = re.compile(r"\b\d{4}\b|\d/\d")


def _date_stamp(paragraph: str) -> bool:
    """Whether a paragraph only gives a day the page was published or updated ("Updated:
    March 13, 2025 8:02 a.m. ET"): no article text, and no event on that day."""
    from builder.temporal import tag

    if len(paragraph) > 80:
        return False
    label = _STAMP_LABEL.match(paragraph)
    start = label.end() if label else 0
    rest = paragraph[start:]
    if label and len(rest) <= _STAMP_AFTER_LABEL and _YEAR_OR_TIME.search(rest):
        return True
    found = tag(paragraph, "2000-01-01")
    if not any(
        re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value) and _WITH_YEAR.search(timex.text)
        for timex in found
    ):
        return False
    for timex in sorted(found, key=lambda t: -t.start):
        if timex.start >= start:
            rest = rest[: timex.start - start] + " " + rest[timex.end - start :]
    return _STAMP_REST.fullmatch(rest) is not None


# A byline standing alone: "By Ana Ruiz", "By Ana Ruiz and Tom Hale", "Par Amélie Durand";
# what parts it from the page's date beside it may end it ("By Ana Ruiz ·").
_BYLINE = re.compile(
    rf"{BYLINE_OPENER}\s*:?\s+(?P<names>.{{3,100}}?)(?:\s*[|·•–—-])?", re.IGNORECASE | re.DOTALL
)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\by\b|\bund\b|\ben\b)\s*")
# Lowercase words names carry: "Ana de la Cruz", "Ludwig van Dijk".
_NAME_PARTICLES = frozenset(
    "de da das do dos del della la le van von der den ten ter bin al".split()
)


def _byline(page: _Markup, first_paragraph: str) -> str | None:
    """The names of the byline above the article's text, for a page whose markup names
    no author: "By Ana Ruiz" alone in an element. Only names read as such: two to five
    words, each capitalised (or a particle of a name), so "By Tuesday evening, ..." is
    none. Not below the text's first paragraph: a byline there may be another article's,
    under its headline in a list of links."""
    if page.root is None:
        return None
    opening = first_paragraph[:40]
    for text in page.root.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        if opening in _clean(text):
            return None
        if not _LEADING_BY.match(text):
            continue
        element = text.getparent()
        if element is None:
            continue
        if text.is_tail:
            element = element.getparent()
            if element is None:
                continue
        # Without the page's date beside it ("By Ana Ruiz · <time>12 March</time>").
        names = _byline_names(_clean("".join(element.xpath(".//text()[not(ancestor::time)]"))))
        if names:
            return "; ".join(names)
    return None


# The class, id or data name of the summary a page sets under its headline (standfirst,
# dek, chapô, subtitle): "standfirst", "article__desc", "sub-headline", "article-summary",
# "field--name-field-dek", "pw-subtitle-paragraph".
_STANDFIRST_NAME = re.compile(
    r"(?:[\w-]*?[-_])?(?:standfirst|dek|sub-?title|sub-?head(?:line)?|summary|excerpt"
    r"|lede|lead-?text|chapo|chapeau|desc|description)"
    r"(?:[-_]+(?:text|paragraph|content|wrapper|container))?",
    re.IGNORECASE,
)
_STANDFIRST_ATTRIBUTES = ("class", "id", "data-gu-name", "data-testid", "data-component")
# What a standfirst runs to: a sentence or two, never the article.
_STANDFIRST_LENGTH = range(20, 600)


def _standfirst(page: _Markup, title: str, first_paragraph: str) -> str | None:
    """The summary the page sets between its headline and the article's text (what
    trafilatura reads begins below it): an element so named, holding a sentence or two,
    not a link, nor inside the page's other content (see _other_content)."""
    if page.own is None:
        return None
    opening = first_paragraph[:40]
    past_headline = False
    for element in page.own.iter("*"):
        if element.tag == "h1":
            past_headline = past_headline or _clean(element.text_content()) == title
            continue
        if not past_headline:
            continue
        text = _clean(element.text_content())
        if opening in text:
            return None  # the article's text: any standfirst was above it
        if text and _names_standfirst(element) and _reads_as_standfirst(element, text, title):
            return text
    return None
    opening = first_paragraph[:40]
    past_headline = False
    other = {node for element in _other_content(page.root) for node in element.iter()}
    for element in page.root.iter("*"):
        if element.tag == "h1":
            past_headline = past_headline or _clean(element.text_content()) == title
            continue
        text = _clean(element.text_content())
        if not past_headline or element in other or not text:
            continue
        if opening in text:
            return None  # the article's text: any standfirst was above it
        if _names_standfirst(element) and _reads_as_standfirst(element, text, title):
            return text
    return None


def _names_standfirst(element: lxml.html.HtmlElement) -> bool:
    """Whether the element is named as a standfirst, and not as what describes a picture
    or a video ("image__description"), nor is part of one (a <figure>, a "lead-media")
    below the headline."""
    if not any(_STANDFIRST_NAME.fullmatch(name) for name in _names(element)):
        return False
    for part in (element, *element.iterancestors()):
        if part.find(".//h1") is not None:  # the page around the headline
            break
        if part.tag == "figure" or any(_PICTURE_NAME.search(name) for name in _names(part)):
            return False
    return True


def _names(element: lxml.html.HtmlElement) -> list[str]:
    return " ".join(element.get(name) or "" for name in _STANDFIRST_ATTRIBUTES).split()


# What the names of a picture's or a video's parts say.
_PICTURE_NAME = re.compile(r"caption|image|img|photo|picture|media|video|figure|gallery", re.I)


def _reads_as_standfirst(element: lxml.html.HtmlElement, text: str, title: str) -> bool:
    linked = sum(len(_clean(link.text_content())) for link in element.iter("a"))
    return (
        len(text) in _STANDFIRST_LENGTH
        and text != title
        and linked < len(text) / 2
        and element.find(".//h1") is None
        and _is_text(text)
    )


def _named_in_article(names: str | None, page: _Markup) -> str | None:
    """The authors ("; "-separated) whose names the page states outside what is not the
    article: not a reader who commented, named as their comment's author."""
    if not names or page.own is None:
        return names
    stated = f" {_name_key(_own_text(page.own))} "
    kept = [name for name in names.split("; ") if f" {_name_key(name)} " in stated]
    return "; ".join(kept) or None


def _name_key(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text).casefold().split())


def _authors(read: str | None, byline: str | None) -> str | None:
    """The authors trafilatura read, or the byline's names where it names them all and
    more: trafilatura keeps the first of a byline of links ("By <a>Ana Ruiz</a> and
    <a>Tom Hale</a>")."""
    if not read or not byline:
        return read or byline
    named = {name.strip().casefold() for name in byline.split(";")}
    read_names = {name.strip().casefold() for name in read.split(";")}
    return byline if read_names < named else read


def _byline_names(text: str) -> list[str]:
    """The names in `text` when it is a byline and nothing else; else none."""
    match = _BYLINE.fullmatch(text)
    if match is None:
        return []
    names = [name for name in _NAME_SEPARATOR.split(match["names"]) if not _is_role(name)]
    return names if names and all(_reads_as_name(name) for name in names) else []


_LEADING_BY = re.compile(rf"\s*{BYLINE_OPENER}\b", re.IGNORECASE)


# What follows a name in a byline without being one: "By Ana Ruiz, Health Reporter".
_ROLE_WORDS = frozenset(
    "reporter correspondent editor writer staff news desk service agency columnist".split()
)


def _is_role(text: str) -> bool:
    return any(word.casefold() in _ROLE_WORDS for word in text.split())


def _reads_as_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        word[0].isupper() and not any(char.isdigit() for char in word) or word in _NAME_PARTICLES
        for word in words
    )


def _byline_leftover(paragraph: str) -> bool:
    return _LEFTOVER.fullmatch(paragraph) is not None


def _author(names: str | None, html: str | bytes) -> str | None:
    """The authors as the page writes them. trafilatura lists them joined by "; ", with
    the full stops and commas of their names dropped ("J. Ruiz" becomes "J Ruiz", and
    "A. Smith, Jr." two authors, "A Smith" and "Jr"): each name is looked for in the page,
    and written as the page writes it when the two differ only in that punctuation. A
    single word after a name is where the author writes from, or for whom, not a name."""
    found: list[str] = []
    for name in (_clean(part) for part in (names or "").split(";")):
        name = _BYLINE_WORD.sub("", name, count=1)
        if not name or (found and _is_role(name)):  # "Ana Ruiz, Health Editor"
            continue
        if found and len(name.split()) == 1 and name.casefold() not in _NAME_SUFFIXES:
            continue  # the place or the agency after a name: "Anna Schmidt, Frankfurt"
        if found and name.casefold() in _NAME_SUFFIXES:
            found[-1] = f"{found[-1]} {name}"
        else:
            found.append(name)
    if not found:
        return None
    page = _page_text(html)
    return "; ".join(_as_written(name, page) for name in found)


def _page_text(html: str | bytes) -> str:
    return unescape(decode_file(html))


def _as_written(name: str, page: str) -> str:
    words = name.split()
    # Between words: a full stop, a comma (before "Jr."), or only space, as written.
    pattern = r"(?:\.\s*|,\s+|\s+)".join(re.escape(word) for word in words)
    if len(words[-1]) == 1 or words[-1].casefold() in ("jr", "sr"):
        pattern += r"\.?"  # an initial, or "Jr.", ends with its full stop
    match = re.search(rf"(?<!\w){pattern}(?!\w)", page)
    if match is None:
        return name
    written = " ".join(match[0].split())
    return written if " ".join(re.sub(r"[.,]", " ", written).split()) == name else name


# Characters an element's text cannot hold (XML 1.0 refuses them), which a page's text
# may (a control character that the parser kept).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _as_element_text(text: str) -> str:
    """`text` as an element's text may be set to: without what XML refuses."""
    return _NOT_XML.sub("", text)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())
