"""When a saved page says it was published: its day, and its time with its offset where it
gives one, from htmldate, told to use only what the page states about its own publication
(meta tags, JSON-LD, <time>, the byline), never a date guessed from the text; and whether a
line of its text only dates the page."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import htmldate
import lxml.html

from builder.dates import DateError, PartialDate, states_day
from builder.page_markup import (
    Markup,
    as_element_text,
    clean,
    decoded_page,
    linked_data_articles,
    linked_data_everything,
    own_text,
)
from builder.temporal.grammar import PAGE_DATE_LABEL, PAGE_PUBLISHED_WORD, PAGE_UPDATED_WORD
from builder.temporal.lexicon import ZONES

DATE_PARAMETERS = {"extensive_search": False, "original_date": True}


_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"


def publication(page: Markup, day: str | None, page_url: str | None) -> str | None:
    """The page's publication time with its offset where the page gives one, else its
    day; None when the page states no date."""
    html = page.html
    if not day or not _states_day(page, day, page_url):
        # htmldate may take another article's date, in a list of links beside this one:
        # the page is read again without what is not the article.
        html = _own_html(page)
        day = htmldate.find_date(html, **DATE_PARAMETERS) if html else None
    if not day or not _states_day(page, day, page_url):
        # A line labelled as the publication that htmldate does not read ("Published 8:15
        # AM EDT, Wed April 2, 2025"), or none.
        return _with_local_time(page, _labelled_publication(page) or _cjk_stamp_day(page))
    if _states_modification(page, day):
        # htmldate takes when a page was changed for its publication, where it finds no
        # other date: the page is read again without what says when it was changed.
        html = _without_modification(page)
        day = htmldate.find_date(html, **DATE_PARAMETERS)
        if not day or not _states_day(page, day, page_url):
            return _with_local_time(page, _labelled_publication(page) or _cjk_stamp_day(page))
    moment = htmldate.find_date(html, outputformat=_WITH_TIME, **DATE_PARAMETERS)
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
    return _with_local_time(page, day)


def _own_html(page: Markup) -> str:
    """The page without what is not the article (see other_content), as HTML; "" for a
    page that does not parse."""
    return lxml.html.tostring(page.own, encoding="unicode") if page.own is not None else ""


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


def _states_modification(page: Markup, day: str) -> bool:
    """Whether the page says it was changed on `day`, in its markup or in a line of text."""
    return day in _modified_days(page) or any(
        states_day(line.updated, day) for line in _update_lines(page.root)
    )


def _modified_days(page: Markup) -> set[str]:
    """The days on which the page's markup says it was last changed."""
    if page.root is None:
        return set()
    stated = [node.get("content") or node.get("datetime") for node in _modified_markup(page.root)]
    stated += [node.get("dateModified") for node in linked_data_everything(page.root)]
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
        line = clean(element.text_content())
        published = _PUBLISHED_LABEL.search(line)
        cut = published.start() if published else len(line)
        if cut <= _STAMP_LENGTH and len(line) - cut <= _STAMP_LENGTH:
            found.append(_UpdateLine(element, line[:cut], line[cut:]))
    return found


_PAGE_TEXT = "//body//text()[not(ancestor::script or ancestor::style)]"


def _labelled_publication(page: Markup) -> str | None:
    """The day a line of the page's text labels as its publication, with its year
    ("Published 8:15 AM EDT, Wed April 2, 2025", "Veröffentlicht am 02.04.2025"), up to
    what says when it was changed; None for none (a day written with slashes, read one
    way or the other by country, is none)."""
    from builder.temporal import tag

    for line in _publication_lines(page):
        for timex in tag(line, "2000-01-01"):
            day = timex.value[:10]
            if _DAY.fullmatch(day) and "/" not in timex.text and WITH_YEAR.search(timex.text):
                return day
    return None


# A day as Chinese and Japanese pages write it ("2025年7月10日"), and what says a stamp
# gives when the page was changed ("更新", "修改").
_CJK_DAY = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CJK_UPDATED = re.compile(r"更新|修改|修正|最終更新")
# The elements that stamp a page with its date: <time>s, and those named for a date.
_DATE_ELEMENTS = "//time|//*[contains(translate(@class, 'DATE', 'date'), 'date')]"


def _cjk_stamp_day(page: Markup) -> str | None:
    """The day the date stamps of a Chinese or Japanese page give ("<time>2025年7月10日
    21時05分</time>"), when they give one day, not saying it is when the page was
    changed; outside what is not the article. None for none."""
    if page.own is None:
        return None
    days: set[str] = set()
    for element in page.own.xpath(_DATE_ELEMENTS):
        text = clean(element.text_content())
        found = _CJK_DAY.search(text)
        if found is None or len(text) > _STAMP_LENGTH or _CJK_UPDATED.search(text):
            continue
        try:
            days.add(date(*map(int, found.groups())).isoformat())
        except ValueError:  # 2025年2月30日
            continue
    return days.pop() if len(days) == 1 else None


def _publication_lines(page: Markup) -> Iterator[str]:
    """The lines of the page's text labelled as its publication ("Publié le 3 mars 2025 à
    14h05"), from the label up to what says when it was changed, outside what is not the
    article (teasers have dates of their own)."""
    own = page.own
    if own is None:
        return
    for text in own.xpath(_PAGE_TEXT):
        if not _PUBLISHED_START.match(text):
            continue
        element = text.getparent().getparent() if text.is_tail else text.getparent()
        line = clean(element.text_content()) if element is not None else ""
        label = _PUBLISHED_LABEL.search(line)
        if label is None:
            continue
        line = line[label.start() :]
        if updated := _UPDATE_LABEL_ANYWHERE.search(line):
            line = line[: updated.start()]
        if len(line) <= _STAMP_LENGTH:
            yield line


# The time of day in a TIMEX3 value ("2025-03-03T14:05").
_CLOCK_VALUE = re.compile(r"T(\d\d):(\d\d)")
# How far past a time its zone may be written ("14:05 Uhr MEZ", "2:05 PM GMT").
_ZONE_REACH = 12
# A zone given as an offset from UTC: "UTC+1", "GMT-04:00", "+01:00".
_UTC_OFFSET = re.compile(
    r"(?:\b(?:UTC|GMT)\s*|(?<![\w:]))(?P<sign>[+\-−])(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?\b"
)
# A zone given by its name ("CET", "EDT", "GMT"), as ZONES knows them.
_NAMED_ZONES = "|".join(name for name in ZONES if len(name) > 1)
_ZONE_NAME = re.compile(rf"(?<!\w)({_NAMED_ZONES})(?!\w)", re.IGNORECASE)


def _with_local_time(page: Markup, day: str | None) -> str | None:
    """`day` with the time of day a line labelled as the publication gives on it ("Publié
    le 3 mars 2025 à 14h05"), where the page gives the offset that time is in: in that
    line ("14:05 CET", "14h05 UTC+1"), or as the offset of a moment it states on that day
    elsewhere (its markup's or its JSON-LD's); else the day alone (a time without its
    zone is no moment)."""
    from builder.temporal import tag

    if day is None:
        return None
    for line in _publication_lines(page):
        if not states_day(line, day):
            continue
        for timex in tag(line, "2000-01-01"):
            clock = _CLOCK_VALUE.search(timex.value)
            if clock is None:
                continue
            near = line[timex.start : timex.end + _ZONE_REACH]
            offset = _written_offset(near) or _offset_on(page, day)
            if offset is None:
                return day
            moment = f"{day}T{clock[1]}:{clock[2]}:00{offset}"
            try:
                PartialDate.parse(moment)
            except DateError:
                return day
            return moment
    return day


def _written_offset(text: str) -> str | None:
    """The offset from UTC of the zone `text` names ("+01:00"), None for none."""
    if found := _UTC_OFFSET.search(text):
        hours, minutes = int(found["hours"]), int(found["minutes"] or 0)
        sign = "-" if found["sign"] in "-−" else "+"
        return f"{sign}{hours:02d}:{minutes:02d}" if hours <= 14 and minutes < 60 else None
    if found := _ZONE_NAME.search(text):
        hours = ZONES[found[1].lower()]
        return f"{'-' if hours < 0 else '+'}{abs(hours):02d}:00"
    return None


def _offset_on(page: Markup, day: str) -> str | None:
    """The offset of the moments the page states on `day` in its markup or JSON-LD (when
    it was changed, say), when they agree; None for none."""
    offsets = {
        moment.isoformat()[19:]
        for moment in _stated_moments(page)
        if moment.tzinfo is not None and moment.date().isoformat() == day
    }
    return offsets.pop() if len(offsets) == 1 else None


def _stated_moments(page: Markup) -> Iterator[datetime]:
    """The moments the page states in its markup and JSON-LD: when it was published or
    changed, and its <time>s."""
    yield from _stated_published(page)
    if page.root is None:
        return
    stated = [node.get("content") or node.get("datetime") for node in _modified_markup(page.root)]
    stated += [node.get("dateModified") for node in linked_data_everything(page.root)]
    stated += page.root.xpath("//time/@datetime")
    for value in stated:
        if isinstance(value, str) and (moment := _moment(value)):
            yield moment


def _without_modification(page: Markup) -> str:
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
            line.element.text = as_element_text(line.published)
        else:
            line.element.drop_tree()
    for script in changed.iterfind(".//script[@type='application/ld+json']"):
        script.text = as_element_text(_DATE_MODIFIED.sub('"left-out": ""', script.text or ""))
    return lxml.html.tostring(changed, encoding="unicode")


# A JSON-LD dateModified and its value, replaced in place (the JSON stays valid, and is
# not parsed and written again: hostile JSON may nest too deep for that).
_DATE_MODIFIED = re.compile(r'"dateModified"\s*:\s*"[^"]*"')


def _modified_markup(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return root.xpath(_MODIFIED_MARKUP)


def _states_day(page: Markup, day: str, page_url: str | None) -> bool:
    """Whether the page (its text, its markup's attributes or its address) writes the
    day `day`, outside what is not the article (see other_content). htmldate pads what
    it reads: a page stating "2024-11", or an impossible "2024-02-30", comes back as the
    1st of the month or as today's day of the month; and it takes a date where it finds
    one, another article's in a list of links among them."""
    if page.own is None:
        return states_day(f"{decoded_page(page.html)} {page_url or ''}", day)
    return states_day(f"{own_text(page.own)} {page_url or ''}", day)


# Where else pages state their publication moment: OpenGraph's article properties,
# schema.org microdata, <time> elements marked as the publication's.
_PUBLISHED_MARKUP = (
    "//meta[@property='article:published_time' or @name='article:published_time']/@content"
    "|//*[@itemprop='datePublished']/@content|//*[@itemprop='datePublished']/@datetime"
    # HTML's pubdate, and the class WordPress themes give the time of publication.
    "|//time[@pubdate]/@datetime"
    "|//time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@datetime"
)


def _stated_published(page: Markup) -> Iterator[datetime]:
    """The publication moments the page states, in JSON-LD first, then in its markup."""
    yield from _linked_data_published(page)
    if page.root is None:
        return
    for value in page.root.xpath(_PUBLISHED_MARKUP):
        if moment := _moment(str(value)):
            yield moment


def _linked_data_published(page: Markup) -> Iterator[datetime]:
    """The datePublished of each article described in the page's JSON-LD, in order."""
    for article in linked_data_articles(page):
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
WITH_YEAR = re.compile(r"\b\d{4}\b|\d/\d")


# What parts two stamps on one line ("Updated ... | Published ...").
_BETWEEN_STAMPS = re.compile(r"\s+[|·•–—-]\s+")


def is_date_stamp(paragraph: str) -> bool:
    """Whether a paragraph only gives a day the page was published or updated ("Updated:
    March 13, 2025 8:02 a.m. ET"): no article text, and no event on that day."""
    from builder.temporal import tag

    parts = _BETWEEN_STAMPS.split(paragraph)
    if len(parts) > 1 and all(map(is_date_stamp, parts)):
        return True  # "Mis à jour le 4 mars 2025 à 09h00 | Publié le 3 mars 2025 à 14h05"
    if len(paragraph) > 80:
        return False
    label = _STAMP_LABEL.match(paragraph)
    start = label.end() if label else 0
    rest = paragraph[start:]
    if label and len(rest) <= _STAMP_AFTER_LABEL and _YEAR_OR_TIME.search(rest):
        return True
    found = tag(paragraph, "2000-01-01")
    if not any(
        re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value) and WITH_YEAR.search(timex.text)
        for timex in found
    ):
        return False
    for timex in sorted(found, key=lambda t: -t.start):
        if timex.start >= start:
            rest = rest[: timex.start - start] + " " + rest[timex.end - start :]
    return _STAMP_REST.fullmatch(rest) is not None
