"""Names for output files made from free text (tags), safe on every file system."""

from __future__ import annotations

import hashlib
import unicodedata

# Names Windows will not create, whatever the extension; and names our own list pages use.
WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in "123456789¹²³"),
    *(f"lpt{n}" for n in "123456789¹²³"),
}
PAGE_NAMES = {"index"}
# File names are limited to 255 bytes on most systems; leave room for ".html" and more.
MAX_NAME_BYTES = 200


def is_reserved_name(name: str) -> bool:
    """True for a file name that cannot be a page: a Windows device name (also with an
    extension, such as "con.html") or the name of a site's own list page."""
    stem = name.split(".", 1)[0].rstrip(" ").casefold()
    return stem in WINDOWS_RESERVED or name.casefold() in PAGE_NAMES


# Marks a writer may add or leave out without changing the word: Arabic harakat and
# tatweel, Hebrew points. "حَلَب" and "حلب" are one tag.
_OPTIONAL_MARKS = dict.fromkeys(
    [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2]
    + [0x05C4, 0x05C5, 0x05C7]
)


def _is_word_char(char: str) -> bool:
    # Letters and digits of every script, with their combining marks (vowel signs, harakat).
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def slugify(text: str) -> str:
    """Lowercase words joined by '-'; letters of every script are kept (حلب stays حلب)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_OPTIONAL_MARKS)
    words = "".join(char if _is_word_char(char) else " " for char in folded).split()
    slug = "-".join(words).strip("_")
    while len(slug.encode("utf-8")) > MAX_NAME_BYTES or len(slug) > 80:
        slug = slug[:-1]
    slug = slug.strip("-_")
    if not slug:
        slug = "tag-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    if is_reserved_name(slug):
        slug += "-tag"
    return slug
