"""sitemap.xml: every HTML page of the site at its absolute address.

A sitemap needs absolute URLs, so a site without base_url gets none.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from builder.config import SiteConfig
from builder.meta import absolute_url, public_path
from builder.outputs import Output, xml_document, xml_element, xml_parent

SITEMAP_PATH = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(page_paths: Iterable[str], config: SiteConfig) -> dict[str, bytes]:
    """{"sitemap.xml": bytes} listing the HTML pages among `page_paths`, or {} without base_url."""
    return {output.path: output.make() for output in sitemap_outputs(page_paths, config)}


def sitemap_outputs(page_paths: Iterable[str], config: SiteConfig) -> list[Output]:
    """The sitemap (none without base_url): it changes only when pages come or go."""
    if not config.base_url:
        return []
    pages = tuple(sorted(p for p in page_paths if p.endswith(".html")))
    inputs = ("sitemap", "\0".join(pages))  # one string: one hash (no path holds a NUL)
    return [Output(SITEMAP_PATH, inputs, functools.partial(_sitemap, pages, config))]


def _sitemap(pages: tuple[str, ...], config: SiteConfig) -> bytes:
    urls = [
        xml_parent("url", [xml_element("loc", absolute_url(config, public_path(path)))], 1)
        for path in pages
    ]
    return xml_document("urlset", urls, {"xmlns": SITEMAP_NS})
