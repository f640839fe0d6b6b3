"""sitemap.xml: every HTML page of the site at its absolute address.

A sitemap needs absolute URLs, so a site without base_url gets none.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from builder.config import SiteConfig
from builder.meta import absolute_url, public_path
from builder.outputs import Output, Previous, xml_document, xml_element, xml_parent

SITEMAP_PATH = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(page_paths: Iterable[str], config: SiteConfig) -> dict[str, bytes]:
    """{"sitemap.xml": bytes} listing the HTML pages among `page_paths`, or {} without base_url."""
    return {output.path: output.make() for output in sitemap_outputs(page_paths, config)}


def sitemap_outputs(
    page_paths: Iterable[str], config: SiteConfig, previous: Previous | None = None
) -> list[Output]:
    """The sitemap (none without base_url): it changes only when pages come or go, and
    is then made from the last build's entries for the pages it listed (`previous`)."""
    if not config.base_url:
        return []
    pages = tuple(sorted(p for p in page_paths if p.endswith(".html")))
    inputs = ("sitemap", "\0".join(pages))  # one string: one hash (no path holds a NUL)
    return [Output(SITEMAP_PATH, inputs, functools.partial(_sitemap, pages, config, previous))]


def _sitemap(pages: tuple[str, ...], config: SiteConfig, previous: Previous | None = None) -> bytes:
    known = _previous_entries(previous, config) if previous is not None else {}
    urls = [known.get(path) or _entry(path, config) for path in pages]
    return xml_document("urlset", urls, {"xmlns": SITEMAP_NS})


def _entry(path: str, config: SiteConfig) -> str:
    return xml_parent("url", [xml_element("loc", absolute_url(config, public_path(path)))], 1)


# Between two entries of a sitemap we wrote: an entry holds line breaks of its own.
_BETWEEN = "</url>\n  <url>"


def _previous_entries(previous: Previous, config: SiteConfig) -> dict[str, str]:
    """Each entry of the sitemap the last build published, by the page it lists; {}
    when there is none, or it cannot be told which entry lists which page.

    The last build's sitemap lists its HTML pages (all of them in the cache), in path
    order; an entry depends on its page's path and the base_url only, and the first and
    last entries are checked to be what this build makes of them, so that one made with
    another base_url is not reused."""
    data = previous.data(SITEMAP_PATH)
    published = previous.cache.previous if previous.cache is not None else {}
    pages = sorted(path for path in published if path.endswith(".html"))
    if data is None or not pages:
        return {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    opening, closing = _document_edges()
    if not (text.startswith(opening) and text.endswith(closing)):
        return {}
    entries = text[len(opening) : -len(closing)].split(_BETWEEN)
    if len(entries) != len(pages):
        return {}
    entries = [
        ("<url>" if index else "") + entry + ("</url>" if index < len(entries) - 1 else "")
        for index, entry in enumerate(entries)
    ]
    if not _same_entries(entries, pages, config):
        return {}
    return dict(zip(pages, entries, strict=True))


def _same_entries(entries: Sequence[str], pages: Sequence[str], config: SiteConfig) -> bool:
    return all(entries[index] == _entry(pages[index], config) for index in (0, -1))


@functools.cache
def _document_edges() -> tuple[str, str]:
    """The text of a sitemap before its first entry and after its last."""
    marker = "\x00"
    whole = xml_document("urlset", [marker], {"xmlns": SITEMAP_NS}).decode("utf-8")
    opening, closing = whole.split(marker)
    return opening, closing
