"""sitemap.xml: every HTML page of the site at its absolute address.

A sitemap needs absolute URLs, so a site without base_url gets none.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from builder.config import SiteConfig
from builder.meta import absolute_url, public_path

SITEMAP_PATH = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(page_paths: Iterable[str], config: SiteConfig) -> dict[str, bytes]:
    """{"sitemap.xml": bytes} listing the HTML pages among `page_paths`, or {} without base_url."""
    if not config.base_url:
        return {}
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for path in sorted(p for p in page_paths if p.endswith(".html")):
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = absolute_url(config, public_path(path))
    ET.indent(urlset)
    return {SITEMAP_PATH: ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"}
