"""Names for output files made from free text (tags), safe on every file system."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def slugify(text: str) -> str:
    """Lowercase words joined by '-'; letters of every script are kept (حلب stays حلب)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    slug = _NOT_WORD.sub("-", folded).strip("-_")[:80].strip("-_")
    if not slug:
        slug = "tag-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return slug
