"""Event summaries: Markdown to HTML, then sanitised to a small allow-list of tags."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote

import markdown
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "abbr",
    "cite",
    "q",
    "sub",
    "sup",
    "del",
    "ins",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "span": {"lang", "dir"},
    "q": {"cite"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_converter = markdown.Markdown(extensions=[], output_format="html")


# Summaries already converted, by their Markdown text: a rebuild converts only new ones
# (the build cache keeps this table between builds, see builder.build).
_converted: dict[str, Markup] = {}


def remembered_html() -> dict[str, Markup]:
    return dict(_converted)


def remember_html(converted: dict[str, Markup]) -> None:
    _converted.update(converted)


def known_html(text: str) -> Markup | None:
    """The HTML of `text` if it has been converted already (see `render_markdown`)."""
    return _converted.get(text)


def render_markdown(text: str) -> Markup:
    """Safe HTML for a Markdown summary: raw HTML outside the allow-list is removed,
    and links keep only http, https and mailto addresses."""
    known = _converted.get(text)
    if known is None:
        known = _converted[text] = sanitise(markdown_html(text))
    return known


def markdown_html(text: str) -> str:
    """Markdown to HTML as written, not yet sanitised."""
    plain = _plain_html(text)
    if plain is not None:
        return plain
    _converter.reset()
    return _converter.convert(text)


# The fast path for the common summary: paragraphs of text with, at most, *emphasis* and
# **strong** around whole words. Such text is converted here, to the very bytes
# Python-Markdown gives (tests/test_speed_markdown.py compares the two on many inputs);
# anything else, down to one unusual character, goes to Python-Markdown.
#
# Characters with no meaning to Markdown or HTML: ASCII letters, digits, space, line
# break and some punctuation, and anything beyond ASCII except controls, no-break and
# other spaces (which Markdown strips as whitespace) and lone surrogates.
_TEXT_CHAR = (
    r"[^\x00-\x09\x0b-\x1f&<=>\[\\\]^_`{|}~\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029"
    r"\u202f\u205f\u3000\ud800-\udfff]"
)
_PLAIN_TEXT = re.compile(f"{_TEXT_CHAR}*")
# The start of a line that could be a list item, header, quote, code block or rule: at
# the start of the text, or after a line break (see _block_lines).
_BLOCK_START = re.compile(r"[ \-+#>]|\d+[.)]")
_BLOCK_LINE = re.compile(r"\n(?:[ \-+#>]|\d+[.)])")
# Emphasis around words, between spaces (or the line's ends) and before punctuation. The
# pattern opens with the "*" (the character before it checked from behind it): a search
# then skips to each "*" rather than trying the pattern at every character of the text.
_EMPHASIS = re.compile(r"(\*(?<![^\s]\*)\*?)(\w(?:[^*\n]*\w)?)\1(?![^\s.,;:!?])")
_PARAGRAPH_BREAK = re.compile(r"\n\n+")
# A Markdown emphasis mark around words ("**Tuesday**", "_Orla_"), not inside a word
# ("snake_case") nor standing alone ("2 * 3").
_EMPHASIS_MARKS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def emphasis_html(text: str) -> Markup:
    """`text` escaped, its Markdown emphasis shown as such: "**Tuesday**" in <strong>,
    "_Orla_" in <em>."""
    escaped = escape(text)
    if "*" not in text and "_" not in text:
        return escaped
    return Markup(_EMPHASIS_MARKS.sub(_emphasised, _EMPHASIS_MARKS.sub(_emphasised, escaped)))


def _emphasised(match: re.Match[str]) -> str:
    tag = "strong" if len(match[1]) == 2 else "em"
    return f"<{tag}>{match[2]}</{tag}>"


def without_emphasis(text: str) -> str:
    """`text` as a page shows it, without Markdown's emphasis marks: "The _Orla_ dam
    burst on **Tuesday**" is "The Orla dam burst on Tuesday"."""
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS_MARKS.sub(r"\2", _EMPHASIS_MARKS.sub(r"\2", text))  # "***both***"


# The mark opening an item of a list ("* ", "• ", "– "), which a page shows as a bullet.
_LIST_MARK = re.compile(r"^[*•▪◦·–—-]\s+(?=\S)")


def without_list_mark(text: str) -> str:
    """`text` without the mark of a list item opening it: "* The bank cut rates" is
    "The bank cut rates"."""
    return _LIST_MARK.sub("", text, count=1)


def _emphasis_html(match: re.Match[str]) -> str:
    tag = "strong" if len(match[1]) == 2 else "em"
    return f"<{tag}>{match[2]}</{tag}>"


def _plain_html(text: str) -> str | None:
    """Python-Markdown's HTML for `text` if it is plain (see above), else None."""
    if not text.strip():
        return ""
    if not _PLAIN_TEXT.fullmatch(text) or _block_lines(text):
        return None
    if "*" in text:
        text = _EMPHASIS.sub(_emphasis_html, text)
        if "*" in text:
            return None
    return "\n".join(f"<p>{block}</p>" for block in _PARAGRAPH_BREAK.split(text.strip("\n")))


def _block_lines(text: str) -> bool:
    """True when a line of `text` could start a list, header, quote, code block or rule,
    or ends in a space (a line break). Looked for from each line break, not at every
    character (one pattern with `^` and `$` took a sixth of the time of loading events)."""
    return (
        _BLOCK_START.match(text) is not None
        or _BLOCK_LINE.search(text) is not None
        or " \n" in text
        or text.endswith(" ")
    )


# HTML the sanitiser leaves exactly as it is: paragraphs of plain text (as above) and
# emphasis, which is what the fast path gives.
_INLINE_HTML = f"(?:{_TEXT_CHAR}++|<strong>{_TEXT_CHAR}++</strong>|<em>{_TEXT_CHAR}++</em>)*+"
_CLEAN_HTML = re.compile(f"<p>{_INLINE_HTML}</p>(?:\n<p>{_INLINE_HTML}</p>)*")


def sanitise(html: str) -> Markup:
    """Converted HTML cut down to the allow-list (see `render_markdown`)."""
    if _CLEAN_HTML.fullmatch(html):
        return Markup(html)  # what nh3 would return unchanged
    return Markup(clean_with_nh3(html))


def clean_with_nh3(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_encode_address,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


# Characters a URL may hold as they are (RFC 3986 reserved and unreserved, and "%" so
# that existing escapes stay single); anything else, such as "<" or a space, is escaped.
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"


def _encode_address(element: str, attribute: str, value: str) -> str:
    """Percent-encode what a link address may not contain, so the page stays valid HTML."""
    if attribute in URL_ATTRIBUTES:
        return quote(value, safe=_URL_SAFE)
    return value


# Attributes whose value a browser follows or loads as an address.
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "cite",
    "poster",
    "background",
    "data",
    "codebase",
    "longdesc",
    "manifest",
    "ping",
    "xlink:href",
}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# What browsers ignore when reading an address: leading controls and spaces, and
# tabs and line breaks anywhere ("java\tscript:" is "javascript:").
_IGNORED_IN_URL = str.maketrans("", "", "\t\n\r")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
# Raw attributes as written, before Markdown expands tabs in them.
_RAW_ATTRIBUTE = re.compile(
    r"""[\s"'/]([a-z:]+)[ \t\n]*=[ \t\n]*("[^"]*"|'[^']*'|[^\s>"']+)""", re.IGNORECASE
)


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url` (lower case), or None for a relative one."""
    cleaned = html.unescape(url).translate(_IGNORED_IN_URL).lstrip("".join(map(chr, range(33))))
    match = _SCHEME.match(cleaned)
    return match[1].lower() if match else None


def is_safe_url(url: str) -> bool:
    scheme = url_scheme(url)
    return scheme is None or scheme in ALLOWED_URL_SCHEMES


@dataclass(frozen=True)
class MarkupIssue:
    """Something in a summary that will not be shown as written: `clue` is text to find
    its line with; an error for a refused address, a warning for removed markup."""

    clue: str
    message: str
    is_error: bool
    fallback_clue: str = ""  # for a clue not written as such (an escaped link address)


def markup_issues(text: str, converted: str | None = None) -> list[MarkupIssue]:
    """Links with refused schemes, and raw HTML the sanitiser will remove, in `text`
    (`converted`: its `markdown_html`, when already at hand)."""
    issues: list[MarkupIssue] = []
    converted = markdown_html(text) if converted is None else converted
    if _OTHER_TAG.search(converted):  # else only bare allowed tags, nothing to report
        auditor = _Auditor(issues)
        auditor.feed(converted)
        auditor.close()
    # Autolinks and link definitions, whether or not the renderer turns them into links
    # (each pattern needs its "<", "[" or "=": most summaries have none).
    for pattern, needed in ((_AUTOLINK, "<"), (_REFERENCE, "[")):
        for match in pattern.finditer(text) if needed in text else ():
            if not is_safe_url(match[1]):
                issues.append(_refused(match[1]))
    for match in _RAW_ATTRIBUTE.finditer(text) if "=" in text else ():
        value = match[2].strip("\"'")
        if match[1].lower() in URL_ATTRIBUTES and not is_safe_url(value):
            issues.append(_refused(html.unescape(value)))
    unique = {(issue.clue.casefold(), issue.message): issue for issue in issues}
    return list(unique.values())


# A "<" that does not begin an allowed tag without attributes, such as "<p>" or "</em>".
_OTHER_TAG = re.compile(f"<(?!/?(?:{'|'.join(sorted(ALLOWED_TAGS))})>)")


def _refused(url: str) -> MarkupIssue:
    scheme = url_scheme(url) or ""
    return MarkupIssue(
        url.strip(),
        f"link address {_shorten(url)!r} uses '{scheme}:', which is refused; "
        "links may only use http:, https: or mailto:",
        True,
        f"{scheme}:",
    )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Auditor(HTMLParser):
    def __init__(self, issues: list[MarkupIssue]) -> None:
        super().__init__(convert_charrefs=True)
        self.issues = issues

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None and not is_safe_url(value):
                self.issues.append(_refused(value))
        if tag not in ALLOWED_TAGS:
            if ":" not in tag:  # "<javascript:...>" is an autolink, reported as one
                kept = "with its content" if tag in {"script", "style"} else "(its text is kept)"
                self.issues.append(
                    MarkupIssue(
                        f"<{tag}",
                        f"HTML element <{tag}> is not allowed in a summary and is removed {kept}",
                        False,
                    )
                )
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, _ in attrs:
            if name not in allowed and name not in URL_ATTRIBUTES:
                self.issues.append(
                    MarkupIssue(
                        name,
                        f"attribute {name!r} on <{tag}> is not allowed in a summary and is removed",
                        False,
                    )
                )

    handle_startendtag = handle_starttag
