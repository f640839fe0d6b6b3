"""Web addresses as pages and feeds give them: made whole, and checked to be addresses."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

WEB_SCHEMES = ("https://", "http://")


def web_address(link: str | None, base: str | None = None) -> str | None:
    """`link`, made whole against `base` when it is relative, as an http or https
    address; None when it is no such address, or cannot be read as one ("http://[::1")."""
    link = (link or "").strip()
    try:
        whole = urljoin(base, link) if base and link else link
        urlsplit(whole)  # refuses what is no address at all
    except ValueError:
        return None
    if not whole.lower().startswith(WEB_SCHEMES) or any(char.isspace() for char in whole):
        return None
    return whole


# The address of a web archive's copy of a page, with the page's own address inside: the
# Wayback Machine's ("web.archive.org/web/20250313200000/https://...", with a suffix
# such as "id_" for the copy as archived) and archive.today's ("archive.ph/2025.03.13-
# 200000/https://...", under each of its host names).
_ARCHIVED = re.compile(
    r"https?://(?:web\.)?archive\.org/web/\d{1,14}(?:[a-z]{2}_)?/(?P<original>.+)"
    r"|https?://archive\.(?:today|ph|is|li|vn|md|fo)/\d{4}\.\d\d\.\d\d-\d{6}/(?P<today>.+)",
    re.IGNORECASE,
)


def archived_original(url: str) -> str:
    """The address of the page a web archive's copy at `url` was made of; `url` itself
    when it is no such copy."""
    found = _ARCHIVED.fullmatch(url.strip())
    if found is None:
        return url
    original = web_address(found["original"] or found["today"])
    return original or url
