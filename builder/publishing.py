"""Publishing outputs beside the HTML pages: feeds, JSON exports and the sitemap.

Each is remade only when what it shows changed since the last build (builder.outputs);
the others are kept from the published site, like unchanged pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from builder.config import SiteConfig
from builder.exports import export_outputs
from builder.feeds import feed_outputs
from builder.outputs import Previous, made_or_kept
from builder.rerender import Kept, PageCache
from builder.sitemap import sitemap_outputs
from builder.views import SiteView


def publishing_outputs(
    view: SiteView,
    config: SiteConfig,
    page_paths: Iterable[str],
    cache: PageCache | None = None,
) -> dict[str, bytes | Kept]:
    """Files for readers' tools, by output path; `page_paths` are the site's other files.
    With the page cache, a file whose inputs are unchanged is `Kept`."""
    previous = Previous(cache)
    outputs = [
        *feed_outputs(view, config, previous),
        *export_outputs(view, config, previous),
        *sitemap_outputs(page_paths, config, previous),
    ]
    return made_or_kept(outputs, ("publishing", config), cache)
