"""Publishing outputs beside the HTML pages: feeds, JSON exports and the sitemap."""

from __future__ import annotations

from collections.abc import Iterable

from builder.config import SiteConfig
from builder.exports import exports
from builder.feeds import feeds
from builder.sitemap import sitemap
from builder.views import SiteView


def publishing_outputs(
    view: SiteView, config: SiteConfig, page_paths: Iterable[str]
) -> dict[str, bytes]:
    """Files for readers' tools, by output path; `page_paths` are the site's other files."""
    return {**feeds(view, config), **exports(view, config), **sitemap(page_paths, config)}
