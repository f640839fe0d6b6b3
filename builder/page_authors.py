"""Who wrote the article in a saved page: its byline, its JSON-LD or its author field,
written as the page writes the names."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from builder.furniture import BYLINE_OPENER, NEWS_AGENCY
from builder.page_markup import Markup, clean, decoded_page, linked_data_articles, own_text


def _linked_data_author(page: Markup) -> str | None:
    """The names of the people the page's JSON-LD article gives as its authors."""
    for article in linked_data_articles(page):
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


def _author_field(page: Markup) -> str | None:
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


def _author_page_link(page: Markup) -> str | None:
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
    text = _BYLINE_WORD.sub("", clean(text), count=1)
    names = [name for name in _NAME_SEPARATOR.split(text) if name and not _is_role(name)]
    return "; ".join(names) if names and all(map(_reads_as_name, names)) else None


def _person_name(author: object) -> str:
    """The name of a JSON-LD author that is a person (a name alone, or a Person)."""
    if isinstance(author, str):
        return clean(author)
    if isinstance(author, dict) and author.get("@type") in (None, "Person"):
        name = author.get("name")
        return clean(name) if isinstance(name, str) else ""
    return ""


# The words that open a byline, when the page's own markup leaves them in the author's
# name ("By", "Par"; "Author:", "Автор:", "بقلم:"); not "von", which begins names too
# ("von der Leyen").
_BYLINE_WORD = re.compile(
    r"\A(?:by|par|por|door|przez|author|auteur|autor|autore|автор|بقلم)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)


_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


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


def _byline(page: Markup, first_paragraph: str) -> str | None:
    """The names of the byline above the article's text, for a page whose markup names
    no author: "By Ana Ruiz" alone in an element. Only names read as such: two to five
    words, each capitalised (or a particle of a name), so "By Tuesday evening, ..." is
    none. Not below the text's first paragraph: a byline there may be another article's,
    under its headline in a list of links; of those above it, the nearest (a teaser for
    another article may come first), outside what is not the article."""
    if page.own is None:
        return None
    opening = first_paragraph[:40]
    found: list[str] = []
    for text in page.own.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        if opening in clean(text):
            return found[-1] if found else None
        if not _LEADING_BY.match(text):
            continue
        element = text.getparent()
        if element is not None and text.is_tail:
            element = element.getparent()
        if element is None:
            continue
        # Without the page's date beside it ("By Ana Ruiz · <time>12 March</time>").
        names = byline_names(clean("".join(element.xpath(".//text()[not(ancestor::time)]"))))
        if names:
            found.append("; ".join(names))
    # (The text's opening not found in a line of its own: the first byline.)
    return found[0] if found else None


def page_author(page: Markup, read: str | None, first_paragraph: str) -> str | None:
    """The article's authors ("; "-separated) as the page writes them: those trafilatura
    read (`read`) or the byline above the text, else those its JSON-LD or its author
    field names; only those the page names outside what is not the article."""
    byline = _byline(page, first_paragraph)
    names = _authors(read, byline) or _linked_data_author(page) or _author_field(page)
    return _named_in_article(_author(names, page), page)


def _named_in_article(names: str | None, page: Markup) -> str | None:
    """The authors ("; "-separated) whose names the page states outside what is not the
    article: not a reader who commented, named as their comment's author."""
    if not names or page.own is None:
        return names
    stated = f" {_name_key(own_text(page.own))} "
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


def byline_names(text: str) -> list[str]:
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


def _author(names: str | None, page: Markup) -> str | None:
    """The authors as the page writes them. trafilatura lists them joined by "; ", with
    the full stops and commas of their names dropped ("J. Ruiz" becomes "J Ruiz", and
    "A. Smith, Jr." two authors, "A Smith" and "Jr"): each name is looked for in the page,
    and written as the page writes it when the two differ only in that punctuation. A
    single word after a name is where the author writes from, or for whom, not a name;
    nor is a news agency or the site itself, credited after a name ("By Jane Doe, The
    Associated Press")."""
    found: list[str] = []
    for name in (clean(part) for part in (names or "").split(";")):
        name = _BYLINE_WORD.sub("", name, count=1)
        if not name or (found and (_is_role(name) or _is_credit(name, page))):
            continue  # "Ana Ruiz, Health Editor", "Ana Ruiz, Associated Press"
        if found and len(name.split()) == 1 and name.casefold() not in _NAME_SUFFIXES:
            continue  # the place or the agency after a name: "Anna Schmidt, Frankfurt"
        if found and name.casefold() in _NAME_SUFFIXES:
            found[-1] = f"{found[-1]} {name}"
        else:
            found.append(name)
    if not found:
        return None
    text = decoded_page(page.html)
    return "; ".join(_out_of_capitals(_as_written(name, text), text) for name in found)


_AGENCY_CREDIT = re.compile(NEWS_AGENCY, re.IGNORECASE)


def _is_credit(name: str, page: Markup) -> bool:
    """Whether a byline's part after a name credits an agency or the site, not a person."""
    return bool(_AGENCY_CREDIT.fullmatch(name)) or name.casefold() in {
        site.casefold() for site in page.site_names
    }


def _out_of_capitals(name: str, text: str) -> str:
    """A name a byline sets in capitals ("JANE DOE") as the page writes it elsewhere
    ("Jane Doe", in its JSON-LD or its meta tags), else with each part capitalised
    ("Jean-Pierre de la Cruz"); any other name as it is."""
    if not name.isupper():
        return name
    for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        if not found[0].isupper() and not found[0].islower():
            return found[0]
    words = [_capitalised(word) for word in name.split()]
    return " ".join(
        word.lower() if index and word.lower() in _NAME_PARTICLES else word
        for index, word in enumerate(words)
    )


def _capitalised(word: str) -> str:
    """A word in capitals with each of its parts capitalised: "JEAN-PIERRE" as
    "Jean-Pierre", "O'BRIEN" as "O'Brien"."""
    return re.sub(r"[^\W\d_]+", lambda part: part[0].capitalize(), word)


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
