"""Event summaries: Markdown to HTML, then sanitised to a small allow-list of tags."""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

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


def render_markdown(text: str) -> Markup:
    """Safe HTML for a Markdown summary: raw HTML outside the allow-list is removed,
    and links keep only http, https and mailto addresses."""
    _converter.reset()
    html = _converter.convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)
