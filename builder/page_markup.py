"""A saved page as parsed: its markup, its JSON-LD, and what in it is not the article
(other articles' teasers, comments, navigation), which the other readers of a page leave out."""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Iterator
from html import unescape

import lxml.html
from trafilatura.utils import decode_file


class Markup:
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
        """The page without what is not the article (see other_content)."""
        if self.root is None:
            return None
        own = copy.deepcopy(self.root)
        for element in other_content(own):
            element.drop_tree()
        return own

    @functools.cached_property
    def title(self) -> str:
        """The text of its <title>, without the label a print view puts before it
        ("Print: Headline - Site")."""
        found = self.root.find(".//title") if self.root is not None else None
        title = clean(found.text_content()) if found is not None else ""
        return _PRINT_VIEW_LABEL.sub("", title, count=1) or title

    @functools.cached_property
    def site_names(self) -> list[str]:
        """The names the page gives its site (og:site_name, application-name)."""
        if self.root is None:
            return []
        stated = self.root.xpath(
            "//meta[@property='og:site_name' or @name='application-name']/@content"
        )
        return [clean(str(name)) for name in stated]

    @functools.cached_property
    def site_name(self) -> str | None:
        """The name the page gives its site for display, in og:site_name."""
        if self.root is None:
            return None
        stated = self.root.xpath("//meta[@property='og:site_name']/@content")
        return next((name for name in map(clean, map(str, stated)) if name), None)

    @functools.cached_property
    def h1_texts(self) -> set[str]:
        """The text of each <h1> of the page."""
        if self.root is None:
            return set()
        return {clean(h1.text_content()) for h1 in self.root.iter("h1")}

    def states_headline(self, text: str) -> bool:
        """Whether the page gives `text` as its headline: in og:title or a <h1>."""
        if self.root is None:
            return False
        stated = self.root.xpath("//meta[@property='og:title']/@content|//h1")
        return any(
            clean(item if isinstance(item, str) else item.text_content()) == text for item in stated
        )


# The label a print view of an article puts before its <title>: "Print: Headline",
# "Printer-friendly version - Headline", "Imprimer : Titre".
_PRINT_VIEW_LABEL = re.compile(
    r"(?:print(?:er[- ]friendly|able)?(?:\s+(?:version|view|edition))?|imprimer|drucken)"
    r"\s*(?::|\s[|–—-])\s+",
    re.IGNORECASE,
)


def linked_data_top(root: lxml.html.HtmlElement) -> Iterator[dict]:
    """The page's own JSON-LD objects (see _linked_data_nodes)."""
    for data in linked_data_blocks(root):
        yield from _linked_data_nodes(data)


def linked_data_kinds(node: dict) -> list[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return [kind for kind in kinds if isinstance(kind, str)]


def linked_data_blocks(root: lxml.html.HtmlElement) -> Iterator[object]:
    """What each JSON-LD script of the page holds, for those that parse."""
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        try:
            yield json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # (nested deeper than Python's parser goes)
            continue


def linked_data_everything(root: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every object of the page's JSON-LD, however deep."""
    for data in linked_data_blocks(root):
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


def own_text(own: lxml.html.HtmlElement) -> str:
    """The text and the attributes' values of the page without its other content."""
    return " ".join([*own.itertext(), *own.xpath("//@*")])


# The class or id of what is not the article: other articles' teasers, readers'
# comments, the site's sidebars ("related-stories", "comment-list", "most-read").
_COMMENTS_WORD = r"(?:comments?|commentlist|discussion)"
_OTHER_CONTENT_NAME = re.compile(
    rf"(?:[\w-]*[-_])?(?:{_COMMENTS_WORD}|related|recommended"
    r"|recommendations|most-?read"
    r"|most-?popular|popular|trending|read-?next|more-?stories|sidebar|widget|teasers?)"
    r"(?:[-_][\w-]*)?",
    re.IGNORECASE,
)
# The class or id of readers' comments ("comments", "discussion-thread").
_COMMENTS_NAME = re.compile(rf"(?:[\w-]*[-_])?{_COMMENTS_WORD}(?:[-_][\w-]*)?", re.IGNORECASE)


def is_readers_comments(element: lxml.html.HtmlElement) -> bool:
    """Whether the element holds readers' comments, or is one: so named, or marked up as
    schema.org marks a comment; not what holds the headline."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return (
        any(_COMMENTS_NAME.fullmatch(name) for name in names) or _is_comment(element)
    ) and element.find(".//h1") is None


_ARTICLE_TAGS = ("html", "body", "main", "article")


def other_content(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
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


ARTICLE_TYPE = re.compile(r"Article$|BlogPosting$|^Report$")


def linked_data_articles(page: Markup) -> Iterator[dict]:
    """The articles the page's JSON-LD describes as its own, in order."""
    if page.root is None:
        return
    for node in linked_data_top(page.root):
        if any(ARTICLE_TYPE.search(kind) for kind in linked_data_kinds(node)):
            yield node


def _linked_data_nodes(data: object) -> Iterator[dict]:
    """The page's own objects: the top level, lists of them, an @graph and the main
    entity of a page; not what they mention (related articles have dates of their own)."""
    return _walk_objects(
        data, lambda item: [item[k] for k in ("@graph", "mainEntity") if k in item]
    )


def decoded_page(html: str | bytes) -> str:
    return unescape(decode_file(html))


# Characters an element's text cannot hold (XML 1.0 refuses them), which a page's text
# may (a control character that the parser kept).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def as_element_text(text: str) -> str:
    """`text` as an element's text may be set to: without what XML refuses."""
    return _NOT_XML.sub("", text)


def clean(text: str | None) -> str:
    return " ".join((text or "").split())
