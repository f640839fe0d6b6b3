"""Writing direction from a language tag, for the `dir` attribute of text in that language."""

from __future__ import annotations

# Languages written right to left by default, and scripts that are.
RTL_LANGUAGES = {
    "ar",
    "arc",
    "ckb",
    "dv",
    "fa",
    "he",
    "iw",
    "ks",
    "ku",
    "ps",
    "sd",
    "syr",
    "ug",
    "ur",
    "yi",
}
RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "mend"}


def text_direction(language: str | None) -> str:
    """ "rtl" or "ltr" for text in `language` (such as ar, fa-IR, az-Arab), "auto" when
    the language is not known: the browser then judges from the text itself."""
    if not language:
        return "auto"
    parts = language.casefold().replace("_", "-").split("-")
    scripts = [part for part in parts[1:] if len(part) == 4 and part.isalpha()]
    if scripts:
        return "rtl" if scripts[0] in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"
