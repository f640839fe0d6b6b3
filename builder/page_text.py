"""The article's text in a saved page: the page prepared for trafilatura, where else its
text is (JSON-LD, a script's data), its standfirst, and which lines are not text (bylines,
credits, the site's notes, tools and navigation)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import takewhile

import lxml.html

from builder.furniture import (
    BYLINE_OPENER,
    COPYRIGHT_OPENER,
    NEWS_AGENCY,
    PICTURE_WORD,
    RELATED_POINTER,
    RIGHTS_RESERVED,
)
from builder.page_authors import byline_names
from builder.page_dates import WITH_YEAR, is_date_stamp
from builder.page_markup import (
    Markup,
    as_element_text,
    clean,
    is_readers_comments,
    linked_data_articles,
    other_content,
)
from builder.web_address import web_address

# The line in which a print view gives the article's address: "Article URL: https://...".
_PRINTED_ADDRESS = re.compile(
    r"(?:(?:article|story|page|original|source)\s+)?(?:url|link|web\s+address)\s*:\s*"
    r"(?P<url>https?://\S+)",
    re.IGNORECASE,
)


def printed_address(text: str) -> str | None:
    """The address a print view gives the article in a line of its text (see
    _PRINTED_ADDRESS)."""
    for line in map(clean, text.splitlines()):
        if found := _PRINTED_ADDRESS.fullmatch(line):
            return web_address(found["url"])
    return None


# What follows an author's name in the note on them at an article's foot: "Ana Ruiz
# covers water for ...", "Tom Hale is a reporter based in ...", "... reports on ...".
_AUTHORS_NOTE_VERB = re.compile(
    r"\s+(?:covers|writes\s+(?:about|on|for)|reports\s+(?:on|from|for)|is\s+(?:a|an|the)\s)"
)


# What follows an author's name in their signature at an article's foot: where they write
# from, or their role ("Claire Dubois (Grenoble, correspondante)", "Ana Ruiz, in Fenner").
_SIGNATURE_REST = re.compile(r"\s*(?:\([^()]{1,80}\)|,\s*[^.,;]{1,60})?\W*")


def without_authors_note(paragraphs: list[str], author: str | None) -> list[str]:
    """The paragraphs without the note on the article's authors at their foot, which
    opens with an author's name ("Ana Ruiz covers water and climate for ..."), or their
    signature ("Claire Dubois (Grenoble, correspondante)")."""
    names = [name.strip() for name in (author or "").split(";") if name.strip()]

    def is_note(paragraph: str) -> bool:
        return any(
            paragraph.startswith(name)
            and (
                _AUTHORS_NOTE_VERB.match(paragraph, len(name))
                or _SIGNATURE_REST.fullmatch(paragraph, len(name))
            )
            for name in names
        )

    while len(paragraphs) > 1 and is_note(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


# The containers of an article's text, by their class ("article-body", "StoryBodyCompanion
# Column") or their schema.org property.
_BODY_CONTAINER = re.compile(r"body", re.IGNORECASE)


# A table that lays a page out: its cells hold paragraphs or headings, not figures.
_LAYOUT_TABLE = "//table[.//td//p or .//td//h1 or .//td//h2 or .//td//br]"


_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """Make the tables that lay the page out blocks (<div>), as they show."""
    for table in tree.xpath(_LAYOUT_TABLE):
        for part in table.iter(*_TABLE_PARTS):
            part.tag = "div"


# The class of the quotation that embeds a social post in a page, signed by its author
# ("— Name (@handle) date"): X and Twitter, Bluesky, Mastodon, Threads.
_EMBEDDED_POST = re.compile(
    r"twitter-tweet|twitter-video|bluesky-embed|mastodon-embed|text-post-media", re.IGNORECASE
)


# A live page's entry time, as its stamp shows it: "16.52 BST", "10:42", "9.30am",
# "Thu 13 Mar 2025 16.52 GMT".
_ENTRY_TIME = re.compile(r"\b\d{1,2}[:.h]\d\d\b|\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b", re.IGNORECASE)
# What holds an entry's time, by its class, when it is no <time>: "block-time",
# "liveblog-time", "post__timestamp".
_TIME_HOLDER = re.compile(r"time|stamp", re.IGNORECASE)
# An entry's time stamp is this short; a live page has this many entries at least.
_ENTRY_TIME_LENGTH = 40
_LIVE_ENTRIES = 2
# The blocks of an entry's text, in the order they come.
_ENTRY_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "ul", "ol")


def flatten_live_entries(tree: lxml.html.HtmlElement) -> None:
    """Make a live page's entries one run of blocks, each entry opening with its time as a
    paragraph of its own ("16.52 BST", then its heading and paragraphs): trafilatura drops
    the times, and of entries each in a container of its own may read only the first.
    Entries are sibling containers of one kind, each holding a time stamp and text, not
    inside what is not the article (comments, teasers)."""
    other = {node for element in other_content(tree) for node in element.iter()}
    done: set[lxml.html.HtmlElement] = set()
    for stamp in [element for element in tree.iter() if _is_time_stamp(element)]:
        if stamp in other or stamp in done:
            continue
        entries = _entries_around(stamp)
        if entries:
            done.update(node for entry in entries for node in entry.iter())
            _flatten(entries)


def _is_time_stamp(element: lxml.html.HtmlElement) -> bool:
    """Whether the element shows a time of day alone: a <time>, or an element named for
    one ("block-time"), whose short text holds a clock time."""
    if not isinstance(element.tag, str):
        return False
    if element.tag != "time" and not _TIME_HOLDER.search(element.get("class") or ""):
        return False
    text = clean(element.text_content())
    return len(text) <= _ENTRY_TIME_LENGTH and _ENTRY_TIME.search(text) is not None


def _entries_around(stamp: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The live page's entries, when `stamp` is one's time: the nearest container of it
    that has siblings of its kind, each holding a time stamp and a paragraph of text not
    in a link (a teaser's is); none else."""
    for container in stamp.iterancestors():
        parent = container.getparent()
        if parent is None or container.tag in ("body", "main", "article") and parent.tag == "html":
            return []
        kin = [
            sibling
            for sibling in parent
            if sibling.tag == container.tag and sibling.get("class") == container.get("class")
        ]
        if len(kin) < _LIVE_ENTRIES:
            if container.find(".//h1") is not None:
                return []
            continue
        entries = [entry for entry in kin if _reads_as_entry(entry)]
        return entries if len(entries) >= _LIVE_ENTRIES and container in entries else []
    return []


def _reads_as_entry(element: lxml.html.HtmlElement) -> bool:
    """Whether the element is a live page's entry: a time stamp, and a paragraph of a
    sentence or more, most of it not a link (a teaser's is)."""
    return (
        element.find(".//h1") is None
        and any(_is_time_stamp(node) for node in element.iter())
        and any(_is_sentence(paragraph) for paragraph in element.iter("p"))
    )


def _is_sentence(paragraph: lxml.html.HtmlElement) -> bool:
    text = clean(paragraph.text_content())
    linked = sum(len(clean(link.text_content())) for link in paragraph.iter("a"))
    in_link = any(parent.tag == "a" for parent in paragraph.iterancestors())
    return len(text) >= _SENTENCE_LENGTH and linked < len(text) / 2 and not in_link


def _flatten(entries: list[lxml.html.HtmlElement]) -> None:
    """Put in place of the entries one block holding, for each, its time as a paragraph
    and its blocks of text (the time taken out of where it stood)."""
    run = lxml.html.Element("div")
    entries[0].addprevious(run)
    for entry in entries:
        stamp = next(node for node in entry.iter() if _is_time_stamp(node))
        time = lxml.html.Element("p")
        time.text = as_element_text(clean(stamp.text_content()))
        run.append(time)
        stamp.drop_tree()  # (its tail stays)
        for block in _outer_blocks(entry):
            run.append(block)
        entry.drop_tree()


def _outer_blocks(entry: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The blocks of text in `entry` that are in no other block of it, in order."""
    blocks = []
    for block in entry.iter(*_ENTRY_BLOCKS):
        inside = takewhile(lambda parent: parent is not entry, block.iterancestors())
        if not any(parent.tag in _ENTRY_BLOCKS for parent in inside):
            blocks.append(block)
    return blocks


def drop_readers_comments(tree: lxml.html.HtmlElement) -> None:
    """Take readers' comments out of the page (trafilatura reads those of a "discussion"
    as the article's last paragraphs): what is named or marked up as comments, unless it
    holds most of the page's paragraphs (the article itself, in a theme that names it for
    its comments being open, "comments-open")."""
    words = _paragraph_words(tree)
    for element in [element for element in tree.iter("*") if is_readers_comments(element)]:
        if element.getparent() is None or element.tag in ("body", "main", "article"):
            continue
        if 2 * _paragraph_words(element) < words:
            element.drop_tree()


def _paragraph_words(element: lxml.html.HtmlElement) -> int:
    return sum(len(paragraph.text_content().split()) for paragraph in element.iter("p"))


def sign_embedded_posts(tree: lxml.html.HtmlElement) -> None:
    """Make each embedded post one paragraph: its words, then its author's signature
    (which follows the post's <p> and was read as a paragraph of its own, leaving the
    post's words to read as the article's)."""
    for post in tree.iter("blockquote"):
        if not any(_EMBEDDED_POST.fullmatch(name) for name in (post.get("class") or "").split()):
            continue
        parts = [post.text or ""]  # (the post's <p>, then its signature after it)
        parts += [part for child in post for part in (child.text_content(), child.tail or "")]
        text = clean(" ".join(parts))
        for child in list(post):
            post.remove(child)
        post.text = None
        paragraph = lxml.html.Element("p")
        paragraph.text = as_element_text(text)
        post.append(paragraph)


def join_split_bodies(tree: lxml.html.HtmlElement) -> None:
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


def without_post_links(line: str) -> str:
    return _POST_LINK.sub("", line).strip()


def is_text(line: str) -> bool:
    """Whether a line trafilatura extracted is the article's text: words (not a rule
    of strokes parting it, "___"), and not what a byline, a line dating the page, a
    pointer to another article, a picture's credit, a copyright line, the site's notes,
    appeals, tools and navigation leave."""
    return any(char.isalnum() for char in line) and not (
        _byline_leftover(line)
        or byline_names(line)
        or is_date_stamp(line)
        or _RELATED.match(line)
        or _ADVERTISEMENT.fullmatch(line)
        or (len(line) <= _PROMOTION_LENGTH and _PROMOTION.match(line))
        or (len(line) <= _NOTE_LENGTH and _WHERE_IT_APPEARED.fullmatch(line))
        or (len(line) <= _NOTE_LENGTH and _CREDIT_LINE.fullmatch(line))
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
    r"|most\s+(?:read|popular|viewed|shared)|mais\s+lidas|más\s+leídas|les\s+plus\s+lus"
    r"|meistgelesen|più\s+lette|loading(?:\.\.\.|…)?)\W*",
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


def chinese_author(text: str) -> str | None:
    """The author a Chinese page names in its line of fields ("作者：王小明")."""
    for line in map(clean, text.splitlines()):
        if _CHINESE_FIELDS_LINE.fullmatch(line) and (found := _CHINESE_AUTHOR.search(line)):
            return found["name"]
    return None


# (Chinese words in it: a time alone is a live page's entry time, "16:52".)
_CHINESE_FIELDS_LINE = re.compile(
    rf"(?=.*[\u4e00-\u9fff])[\s(（【\[]*(?:(?:{_CHINESE_FIELD}|{_CHINESE_DATE})[\s　)）】\]|]*)+"
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
    r"|\d+\s*min\.?\s+(?:de\s+lecture|lesezeit|de\s+lectura)"
    # what a page on a phone shows to open the rest of it, or to move about it
    r"|continue\s+reading|read\s+(?:the\s+)?full\s+(?:article|story)|show\s+(?:more|less)"
    r"|tap\s+to\s+(?:expand|read\s+more)|open\s+in\s+(?:the\s+)?app|back\s+to\s+top"
    r"|scroll\s+to\s+continue|(?:view|jump\s+to|show)\s+comments|listen(?:\s+to\s+article)?"
    r"(?:\W+\d{1,2}:\d\d(?:\s*min)?)?|weiterlesen|zur\s+startseite|artikel\s+verschenken"
    r"|kommentare|lire\s+la\s+suite|seguir\s+leyendo|continuar\s+lendo|続きを読む"
    r"|記事の続きを読む|اقرأ\s+المزيد)\W*",
    re.IGNORECASE,
)


# A picture's credit or label among the paragraphs: "Photograph: Jane Doe/Valley
# Courier", "Photo credit: Tom Lee", the labels a BBC page gives its pictures for screen
# readers ("Image source, Getty Images", "Image caption, ...", "Media caption, ...") and
# its videos and sound ("Video, 00:01:32Floods in the valley", "Audio, 2 minutes").
_PICTURE_LABEL = re.compile(
    rf"\(?(?:(?:image|media|video)\s+(?:source|caption|credit)\s*[,:]|{PICTURE_WORD}"
    r"(?:\s+credit)?\s*[:：]|(?:video|audio),\s+\d)",
    re.IGNORECASE,
)


# A line that only credits a picture to the agency that took it: "Getty Images", "AFP via
# Getty Images", "Jane Doe/Reuters", "AP Photo/Jon Super".
_PICTURE_AGENCY = re.compile(
    rf"(?:[^/\n]{{1,40}}/)?{NEWS_AGENCY}(?:\s*/\s*[^/\n]{{1,40}})?(?:\s+via\s+getty\s+images)?\W*",
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
        or WITH_YEAR.search(line) is not None
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


# A name in a credit line: capitalised words, maybe a particle among them ("Ana de la Cruz").
_CREDITED_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|de|la|van|von|der|al))*)"
# Whom a credit line names: names, and where they work ("Ana Ruiz in Fenner and Tom Hale").
_CREDITED = (
    rf"{_CREDITED_NAME}(?:\s+(?:in|from|at)\s+{_CREDITED_NAME})?"
    rf"(?:(?:\s*,\s*|\s+(?:and|&)\s+){_CREDITED_NAME}(?:\s+(?:in|from|at)\s+{_CREDITED_NAME})?)*"
)
_CREDIT_ROLE = (
    r"(?:additional\s+)?(?:reporting|reported|writing|written|editing|edited|compiled|compiling"
    r"|research|graphics|production|produced|translation|translated|fact-checking|photos)"
)
# The initials of the editors who handled agency copy, in a German sign-off ("kmö/jwe/dpa").
_EDITORS_INITIALS = r"(?-i:[a-zäöüß]{2,4})"
_AGENCIES = rf"(?:{NEWS_AGENCY}|agencies|agences|agenturen|agencias|agências|agenzie)"
# The line crediting the article's work at its foot, as wires and newsrooms sign it: who
# reported, wrote and edited it ("(Reporting by Ana Ruiz; Editing by Tom Hale)"), the
# agencies its copy comes from ("— AFP", "With AP", "avec AFP", "Mit Material von dpa",
# "kmö/jwe/dpa"), who else reported ("Tom Hale in London contributed to this report.").
_CREDIT_LINE = re.compile(
    rf"\(?\s*{_CREDIT_ROLE}\s+by\s+{_CREDITED}"
    rf"(?:\s*[;,]\s*(?:and\s+)?{_CREDIT_ROLE}\s+by\s+{_CREDITED})*\s*\)?\.?"
    rf"|(?:[-–—]{{1,2}}\s*|\(\s*)?(?:(?:with|avec|mit(?:\s+material\s+von)?|con"
    r"(?:\s+información\s+de)?|com|with\s+(?:files|reporting)\s+from)\s+)?"
    rf"(?:{_EDITORS_INITIALS}\s*/\s*)*{_AGENCIES}"
    rf"(?:(?:\s*[,/]\s*|\s+(?:and|et|und|y|e)\s+){_AGENCIES})*"
    rf"(?:\s*/\s*{_EDITORS_INITIALS})*\s*\)?\.?"
    r"|[^.]{1,200}\bcontributed\s+(?:to\s+this\s+(?:report|story|article)"
    r"|(?:additional\s+)?reporting(?:\s+(?:from|in)\s+[^.]{1,60})?)\.?",
    re.IGNORECASE,
)


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
    r"|join our (?:whatsapp|telegram) channel|get (?:breaking )?news alerts"
    r"|(?:enable|turn on) (?:push )?notifications"
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
    r"|publicité|publicidad|publicidade|pubblicità|reclame|advertentie|reklama"
    r"|continua\s+dopo\s+la\s+pubblicità"
    r"|(?:story|article|text) continues below(?: (?:this )?(?:advertisement|ad))?"
    r"|continue reading (?:the main story|below)|skip advertisement"
    r"|(?:advertisement|ad)\W+(?:scroll|continue|story continues)[\w\s]*)\W*",
    re.IGNORECASE,
)


def linked_data_body(page: Markup) -> str:
    """The text (articleBody) of the first article the page's JSON-LD gives one for."""
    for article in linked_data_articles(page):
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


def script_data_body(page: Markup) -> str:
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
        return clean("".join(span for span in spans if isinstance(span, str)))
    return ""


def _html_paragraphs(html: str) -> list[str]:
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, lxml.etree.ParserError):
        return []
    return [text for text in (clean(p.text_content()) for p in root.iter("p")) if text]


def _markup_text(text: str) -> str:
    """`text` without the markup it may hold ("<b>flood</b>")."""
    if "<" not in text:
        return clean(text)
    try:
        return clean(lxml.html.fromstring(f"<div>{text}</div>").text_content())
    except (ValueError, lxml.etree.ParserError):
        return clean(text)


# What a byline leaves when the extraction drops its name and date: "By", "Par —", "|".
_LEFTOVER = re.compile(rf"(?:{BYLINE_OPENER}\b)?\W*", re.IGNORECASE)


# A pointer to another article left in the text ("Read more: How the 2007 floods changed
# the valley"): its words, and its dates, are not this article's.
_RELATED = re.compile(rf"{RELATED_POINTER}\s*[:：|–—]", re.IGNORECASE)


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


def standfirst(page: Markup, title: str, first_paragraph: str) -> str | None:
    """The summary the page sets between its headline and the article's text (what
    trafilatura reads begins below it): an element so named, holding a sentence or two,
    not a link, nor inside the page's other content (see other_content)."""
    if page.own is None:
        return None
    opening = first_paragraph[:40]
    past_headline = False
    for element in page.own.iter("*"):
        # The headline: in a <h1>, or a <h2> on a page that keeps <h1> for its name.
        if element.tag in ("h1", "h2") and clean(element.text_content()) == title:
            past_headline = True
            continue
        if element.tag == "h1" or not past_headline:
            continue
        text = clean(element.text_content())
        if opening in text:
            return None  # the article's text: any standfirst was above it
        named = _names_standfirst(element) or _subheadline(element, title)
        if text and named and _reads_as_standfirst(element, text, title):
            return text
    return None


def _subheadline(element: lxml.html.HtmlElement, title: str) -> bool:
    """Whether the element is a <h2> right after the headline's <h1>: its subheadline."""
    before = element.getprevious()
    return (
        element.tag == "h2"
        and before is not None
        and before.tag == "h1"
        and clean(before.text_content()) == title
    )


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
    linked = sum(len(clean(link.text_content())) for link in element.iter("a"))
    return (
        len(text) in _STANDFIRST_LENGTH
        and text != title
        and linked < len(text) / 2
        and element.find(".//h1") is None
        and is_text(text)
    )


def _byline_leftover(paragraph: str) -> bool:
    return _LEFTOVER.fullmatch(paragraph) is not None
