"""Web pages saved by browsers as one file: the page's HTML, and the address it came from.

Chrome and Edge save a page "as a single file" in MHTML (.mhtml, .mht): a MIME message
whose first text/html part is the page, read here with the standard library's email
parser. Safari saves a web archive (.webarchive): a property list whose main resource
holds the page's bytes and address, read with plistlib. A page saved as HTML by Chrome
or Edge ("Webpage, complete") says where it came from in a comment at its top.
"""

from __future__ import annotations

import email
import email.policy
import plistlib
import re
from dataclasses import dataclass
from email.message import EmailMessage
from html import unescape
from xml.parsers.expat import ExpatError

from builder.web_address import web_address

MHTML_SUFFIXES = (".mhtml", ".mht")
WEBARCHIVE_SUFFIXES = (".webarchive",)
SAVED_PAGE_SUFFIXES = MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES


class SavedPageError(ValueError):
    """The file is not a page saved in the format its name says; the message says why."""


@dataclass(frozen=True)
class SavedPage:
    html: bytes
    address: str | None  # where the browser found the page, when it says


def unwrap_saved_page(suffix: str, data: bytes) -> SavedPage:
    """The page inside a single-file save; `suffix` is the file's, lowercase."""
    if suffix in WEBARCHIVE_SUFFIXES:
        return _webarchive(data)
    return _mhtml(data)


def _mhtml(data: bytes) -> SavedPage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None and _HTML_START.match(data):
        # A page saved as HTML, and named .mhtml: the page it is.
        return SavedPage(data, saved_from_address(data))
    if part is None:
        raise SavedPageError("not a saved web page: the MHTML file holds no HTML page")
    html = part.get_payload(decode=True) or b""
    # The page's own charset, as the MIME part names it, for the HTML reader to see.
    html = with_charset(html, part.get_content_charset())
    address = _web_address(part.get("Content-Location")) or _web_address(
        message.get("Snapshot-Content-Location")
    )
    return SavedPage(html, address)


# How an HTML file begins: a BOM, blank space, then a doctype, a comment or a tag.
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<!--|<html|<head|<meta)", re.IGNORECASE
)


def _webarchive(data: bytes) -> SavedPage:
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, ExpatError) as error:
        raise SavedPageError(f"not a readable Safari web archive ({error})") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    html = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(html, bytes):
        raise SavedPageError("not a saved web page: the web archive holds no main page")
    encoding = main.get("WebResourceTextEncodingName")
    html = with_charset(html, encoding if isinstance(encoding, str) else None)
    return SavedPage(html, _web_address(main.get("WebResourceURL")))


def with_charset(html: bytes, charset: str | None) -> bytes:
    """`html` declaring `charset` (the one its container, or its server, names), unless
    it declares one: at the top of its <head> (above the doctype, the parser would open
    the page there and drop the attributes of its own <html> element, its language)."""
    if not charset or not _CHARSET.fullmatch(charset) or b"charset" in html[:2048].lower():
        return html
    declaration = f'<meta charset="{charset}">'.encode("ascii")
    opening = _HEAD.search(html, 0, 4096) or _HTML.search(html, 0, 4096)
    at = opening.end() if opening else 0
    return html[:at] + declaration + html[at:]


_CHARSET = re.compile(r"[A-Za-z0-9_.:-]{1,40}")
_HEAD = re.compile(rb"<head(?:\s[^>]*)?>", re.IGNORECASE)
_HTML = re.compile(rb"<html(?:\s[^>]*)?>", re.IGNORECASE)


def _web_address(value: object) -> str | None:
    return web_address(value) if isinstance(value, str) else None


# Where a page saved as one HTML file says it came from: "<!-- saved from url=(0062)
# https://..." (the number is the address's length), as Chrome, Edge and Internet
# Explorer write it at the top; the note the SingleFile extension writes there ("Page
# saved with SingleFile / url: https://..."); Save Page WE's <meta name="savepage-url">;
# the link Firefox's Reader View puts in its header, to the page it shows.
_SAVED_FROM = (
    re.compile(rb"<!--\s*saved from url=\(\d+\)(?P<address>[^\s>]+?)\s*-->", re.I),
    re.compile(rb"<!--\s*Page saved with SingleFile\s+url:\s*(?P<address>\S+)", re.I),
    re.compile(rb"<meta\s+name=[\"']?savepage-url[\"']?\s+content=[\"'](?P<address>[^\"']+)", re.I),
    re.compile(
        rb"<a\s+class=[\"'][^\"']*\breader-domain\b[^\"']*[\"']\s+href=[\"'](?P<address>[^\"']+)",
        re.I,
    ),
)
# Where those are looked for: browsers write at the top; Save Page WE writes its meta
# elements after the styles it puts in the page's head.
_SAVED_FROM_WITHIN = 1024 * 1024


def saved_from_address(html: bytes) -> str | None:
    """The address a browser, or an extension, wrote in a page it saved; or None."""
    head = html[:_SAVED_FROM_WITHIN]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: the note is ASCII in it
        head = head.decode("utf-16", "replace").encode("ascii", "replace")
    for pattern in _SAVED_FROM:
        if found := pattern.search(head):
            return _web_address(unescape(found["address"].decode("ascii", "replace")))
    return None
