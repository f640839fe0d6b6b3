"""Event summaries converted from Markdown ahead of the views, on all cores, and
remembered between builds so that a rebuild converts only new or edited ones."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from builder.markdown_text import remember_html, render_markdown
from builder.parallel import parallel_map

# Below this many summaries to convert, worker processes cost more than they save.
_PARALLEL_FROM = 300


def convert_summaries(
    texts: Iterable[str], remembered: dict[str, Markup], workers: int = 0
) -> dict[str, Markup]:
    """The HTML of each summary; `remembered` holds conversions from earlier builds."""
    remember_html(remembered)
    wanted = list(dict.fromkeys(texts))
    missing = [text for text in wanted if text not in remembered]
    parallel = workers if len(missing) >= _PARALLEL_FROM else 1
    converted = dict(zip(missing, parallel_map(render_markdown, missing, parallel), strict=True))
    remember_html(converted)
    return {text: remembered[text] if text in remembered else converted[text] for text in wanted}
