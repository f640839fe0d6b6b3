"""Publishing outputs beside the HTML pages: feeds, JSON exports and the sitemap.

Each is remade only when what it shows changed since the last build (builder.outputs);
the others are kept from the published site, like unchanged pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from builder.config import SiteConfig
from builder.exports import export_outputs
from builder.feeds import feed_outputs
from builder.outputs import Output, Previous, made_or_kept
from builder.rerender import Page, PageCache
from builder.sitemap import sitemap_outputs
from builder.views import SiteView


def _outputs(
    view: SiteView, config: SiteConfig, page_paths: Iterable[str], cache: PageCache | None
) -> list[Output]:
    previous = Previous(cache)
    return [
        *feed_outputs(view, config, previous),
        *export_outputs(view, config, previous),
        *sitemap_outputs(page_paths, config),
    ]


def publishing_outputs(
    view: SiteView,
    config: SiteConfig,
    page_paths: Iterable[str],
    cache: PageCache | None = None,
    made: Mapping[str, Page] | None = None,
) -> dict[str, Page]:
    """Files for readers' tools, by output path; `page_paths` are the site's other files.
    With the page cache, a file whose inputs are unchanged is `Kept`. `made` holds files
    made already (see new_publishing_outputs)."""
    outputs = _outputs(view, config, page_paths, cache)
    return made_or_kept(outputs, ("publishing", config), cache, made)


def new_publishing_outputs(
    view: SiteView, config: SiteConfig, page_paths: Iterable[str], cache: PageCache | None
) -> Iterator[tuple[str, bytes]]:
    """The files of `publishing_outputs` that the last build did not publish, so must be
    made whatever their inputs, one by one: made before the pages' fingerprints are all
    known (while the pages render, on a first build), their fingerprints taken after."""
    published = cache.previous if cache is not None else {}
    for output in _outputs(view, config, page_paths, cache):
        if output.path not in published:
            yield output.path, output.make()
