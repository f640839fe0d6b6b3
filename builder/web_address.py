"""Web addresses as pages and feeds give them: made whole, and checked to be addresses."""

from __future__ import annotations

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
