"""Read a saved web page into an article: main text and metadata, with trafilatura.

trafilatura finds the article's text among the page's navigation, asides and footers,
and reads its title, author, site name and canonical URL. The page's other readers:
builder.page_dates (when it was published), builder.page_text (which lines are the
article's text), builder.page_authors (who wrote it), on builder.page_markup (the page
as parsed, its JSON-LD, what in it is not the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from builder.page_authors import page_author
from builder.page_dates import DATE_PARAMETERS, publication
from builder.page_markup import (
    ARTICLE_TYPE,
    Markup,
    clean,
    linked_data_articles,
    linked_data_kinds,
    linked_data_top,
)
from builder.page_text import (
    chinese_author,
    drop_readers_comments,
    flatten_live_entries,
    is_text,
    join_split_bodies,
    linked_data_body,
    printed_address,
    script_data_body,
    sign_embedded_posts,
    standfirst,
    unwrap_layout_tables,
    without_authors_note,
    without_post_links,
)
from builder.web_address import archived_original, web_address


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


def _extract(html: str | bytes, page_url: str | None, laid_out: bool) -> Document | None:
    """trafilatura's reading of the page: its text and metadata. Tables are left out of
    the text (a table of figures reads badly as paragraphs); when `laid_out`, those that
    lay the page out are read as the blocks they hold."""
    try:
        tree = load_html(html)  # as trafilatura reads a page (its encoding found as it finds it)
        if tree is not None:
            drop_readers_comments(tree)
            join_split_bodies(tree)
            sign_embedded_posts(tree)
            flatten_live_entries(tree)
            if laid_out:
                unwrap_layout_tables(tree)
        return trafilatura.bare_extraction(
            tree if tree is not None else html,
            url=page_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=DATE_PARAMETERS,
        )
    except (ValueError, TypeError) as error:
        raise ArticleError(f"not a readable HTML page ({error})") from None


def read_html(html: str | bytes, page_url: str | None = None) -> Article:
    """The article in a saved page; raises ArticleError when there is no article text."""
    page = Markup(html)
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
    lines = (without_post_links(clean(line)) for line in text.splitlines())
    paragraphs = [line for line in lines if is_text(line)]
    # The headline, already the title: first, or where trafilatura put it among the
    # parts of the page it read (a live page's updates, each an <article>); and the
    # label over it.
    paragraphs = _without_kicker(paragraphs, title)
    paragraphs = [paragraph for paragraph in paragraphs if paragraph != title]
    if not paragraphs:
        raise ArticleError(_no_text(page))
    if _asks_for_consent(page, paragraphs):
        raise ArticleError(
            "the page asks to accept its cookies instead of showing the article: open it "
            "in a browser, answer, and save the page once it shows the article"
        )
    url = _article_address(page, document.url or printed_address(text), page_url)
    author = page_author(page, document.author, paragraphs[0]) or chinese_author(text)
    if summary := standfirst(page, title, paragraphs[0]):
        paragraphs.insert(0, summary)
    return Article(
        title=title,
        publisher=_publisher(document.sitename, url, page, title),
        url=url,
        published=publication(page, document.date, page_url),
        author=author,
        language=clean(document.language) or _page_language(page),
        paragraphs=tuple(without_authors_note(paragraphs, author)),
    )


# A label over a headline (its section or topic: "NEWS", "Flooding", "Exclusive") is
# this short, in words.
_KICKER_WORDS = 3
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "»")


def _without_kicker(paragraphs: list[str], title: str) -> list[str]:
    """The paragraphs without the label over the headline, where trafilatura read the
    headline first among them: a line of a few words above it, no sentence."""
    if title not in paragraphs[:2] or paragraphs[0] == title:
        return paragraphs
    label = paragraphs[0]
    if len(label.split()) <= _KICKER_WORDS and not label.endswith(_SENTENCE_ENDS):
        return paragraphs[1:]
    return paragraphs


def _document_and_text(
    html: str | bytes, page_url: str | None, page: Markup
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
    text = linked_data_body(page) or script_data_body(page)
    if not text:
        raise ArticleError(_no_text(page))
    metadata = trafilatura.extract_metadata(html, default_url=page_url, date_config=DATE_PARAMETERS)
    return metadata, text


# Fewer words than this in what a page shows is a teaser (a paywall's), not an article.
TEASER_WORDS = 50


def _whole_text(shown: str, page: Markup) -> str:
    """The article's text: what the page shows, or, where that is a teaser, the whole
    article its JSON-LD gives (articleBody, which paywalled sites give search engines) or
    the data a script builds it from, the one holding most words when more than shown."""
    if len(shown.split()) >= TEASER_WORDS:
        return shown
    return max((shown, linked_data_body(page), script_data_body(page)), key=_words)


def _words(text: str) -> int:
    return len(text.split())


def _title(document: Document, page: Markup) -> str:
    """The article's headline, as the page states it, without its site's name."""
    title = clean(document.title)
    site = clean(document.sitename)
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


def _headline_under_topic(title: str, page: Markup, site: str) -> str:
    """The headline, where the <h1> read as `title` names only its topic ("Floods") and a
    heading below it gives the headline the <title> holds, beginning with that topic
    ("<h2>Floods - what we know so far</h2>")."""
    stated = _without_site_name(page.title, page, site)
    if page.root is None or stated == title or not stated.startswith(title):
        return title
    headings = (clean(heading.text_content()) for heading in page.root.iter("h2", "h3"))
    return stated if stated in headings else title


def _part_in_h1(title: str, page: Markup) -> str | None:
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


def _site_answer(page: Markup) -> str | None:
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


def _lists_articles(page: Markup) -> bool:
    """Whether the page lists articles rather than being one (a section's front page):
    its JSON-LD says so, or, where it describes no article and OpenGraph does not call it
    one, teasers (<article>s whose heading links elsewhere) hold more of its paragraphs
    than the rest of it."""
    if page.root is None:
        return False
    kinds = [kind for node in linked_data_top(page.root) for kind in linked_data_kinds(node)]
    if any(ARTICLE_TYPE.search(kind) for kind in kinds):
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


def _asks_for_consent(page: Markup, paragraphs: list[str]) -> bool:
    """Whether the page is one asking to accept cookies in place of the article (what a
    site in Europe answers a fetch with): a short text, most of it about cookies and
    consent, and buttons to accept or refuse them."""
    if page.root is None or sum(len(p.split()) for p in paragraphs) >= _ANSWER_PAGE_WORDS:
        return False
    if 2 * sum(bool(_CONSENT_WORDS.search(p)) for p in paragraphs) < len(paragraphs):
        return False
    buttons = page.root.xpath("//button|//input[@type='submit' or @type='button']|//a")
    return any(
        _CONSENT_BUTTON.fullmatch(clean(button.text_content() or button.get("value")))
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


def _no_text(page: Markup) -> str:
    """Why no article was read from the page, and what to do about it."""
    message = "no article text found in the page"
    if page.root is not None and page.root.xpath(_SCRIPT_BUILT):
        message += (
            ": its text is filled in by a script as it loads; open it in a browser and save "
            "it once it shows the article, as 'Webpage, Complete' or as a single file (.mhtml)"
        )
    return message


# What parts a <title>: "Headline | Site", "Site - Headline"; between Chinese or Japanese
# words, a bar or an underscore without spaces ("标题_新闻频道_河谷日报网").
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"


_TITLE_PARTS = re.compile(rf"\s+[|·•–—-]\s+|(?<=[{_CJK}])\s*[_|｜]\s*(?=[{_CJK}])")


# What stands between a headline and its site's name alone, never inside a headline.
_SITE_BAR = re.compile(r"\s+[|·]\s+")


def _headline(title: str, page: Markup, site: str) -> str:
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


def _site_names(page: Markup, site: str) -> set[str]:
    """The names the page gives its site, and the one trafilatura read, casefolded."""
    return {name.casefold() for name in (site, *page.site_names) if name}


def _without_site_name(title: str, page: Markup, site: str) -> str:
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


def _publisher(sitename: str | None, url: str | None, page: Markup, headline: str) -> str | None:
    """The site's name as the page states it: its og:site_name, else what trafilatura
    read (which prefers the company a JSON-LD names, "Valley Courier Ltd"). trafilatura
    gives the address's host name ("news.example.co.uk") when it finds none, which the
    page does not state as its name (`timeline add` takes it last); the page's <title>
    may state one."""
    sitename = clean(page.site_name or sitename)
    host = host_name(url)
    if sitename and sitename.casefold() not in (host, host.removeprefix("www.")):
        return sitename
    site = _site_in_title(page, headline)
    return _MOBILE_EDITION.sub("", site) if site else None


# What a site's mobile pages add to its name in their <title> ("Lowbridge Herald Mobile").
_MOBILE_EDITION = re.compile(r"\s+(?:mobile(?:\s+(?:edition|site))?|\(mobile\))$", re.IGNORECASE)


def host_name(url: str | None) -> str:
    """The host part of a web address ("news.example.co.uk"); "" for none."""
    return (urlsplit(url).hostname or "") if url else ""


def _site_in_title(page: Markup, headline: str) -> str | None:
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
    """Whether `text` reads as a name: a few words, each capitalised (or a number); or,
    in Chinese or Japanese, a few characters without a sentence's punctuation."""
    words = text.split()
    if _CJK_NAME.fullmatch(text):
        return True
    return 0 < len(words) <= 5 and all(word[0].isupper() or word[0].isdigit() for word in words)


# A site's name in Chinese or Japanese characters (and Latin letters): "河谷日报网",
# "河谷新聞デジタル".
_CJK_NAME = re.compile(rf"(?=.*[{_CJK}])[{_CJK}A-Za-z0-9]{{2,15}}")


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


def _page_language(page: Markup) -> str | None:
    """The language tag the page states: its lang attribute (xml:lang in XHTML), a
    Content-Language, its OpenGraph locale or its JSON-LD article's inLanguage."""
    if page.root is None:
        return None
    stated = [page.root.get("lang") or page.root.get("xml:lang") or ""]
    for path in _STATED_LANGUAGE:
        stated += page.root.xpath(path)
    stated += [node.get("inLanguage") for node in linked_data_articles(page)]
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


def _article_address(page: Markup, stated: str | None, page_url: str | None) -> str | None:
    """The article's own address: its canonical link (one relative to the page's <base>
    or to where the page came from made whole), else what trafilatura read (og:url), else
    where the page came from; for a web archive's copy, the address of the page it copied.
    Never a site's front page, which some sites give every page as its canonical link."""
    candidates = (_canonical_link(page, page_url), web_address(stated), web_address(page_url))
    # A web archive rewrites the page's links to its copy: the page's own is inside.
    addresses = (archived_original(url) for url in candidates if url)
    return next((url for url in addresses if not _front_page(url)), None)


def _canonical_link(page: Markup, page_url: str | None) -> str | None:
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
