"""Where a sentence of a news report says its event happened ("in Hama", "near the port
city of Salvento", "in northern Syria") and the names it gives: two reports of one day
that place their events in named places, neither naming the other's, tell of two events
(an air strike on a market in Hama, another on a hospital in Homs), however alike their
words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from builder.temporal.lexicon import MONTHS, WEEKDAYS

# A word written with a capital: a name, or the word opening the sentence.
_CAPITALISED = re.compile(r"\b[^\W\d_][\w'’-]*")
# The kinds of place a name may follow ("the city of Hama") or precede ("the Somali
# capital", "Syrian government forces": the name then describes, it does not place).
_PLACE_KIND = (
    r"(?:city|town|village|province|region|district|port|capital|suburb|state|county|area"
    r"|neighbou?rhood|governorate|municipality|island|border|coast|side|part|army|forces"
    r"|government|authorities|officials|police|troops|military|media|ministry)"
)
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
# "in Hama", "near Homs", "in northern Syria", "in the Syrian city of Hama", "outside the
# port city of Salvento", "in New York"; not a name in the possessive, which tells which
# place ("in Ukraine's second city").
_PLACE = re.compile(
    r"\b(?i:in|near|outside)\s+(?i:the\s+)?"
    r"(?:(?i:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?i:ern)?\s+)?"
    rf"(?:(?:[\w'’-]+\s+){{0,2}}?{_PLACE_KIND}\s+of\s+(?:the\s+)?)?"
    rf"(?P<name>(?>{_NAME}(?:\s+{_NAME})*))(?<!['’]s)(?<!['’])(?!\s+{_PLACE_KIND}\b)"
)
# Capitalised words that name a time, not a place ("in January", "in May").
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Places:
    """The places a sentence says its event happened in (each a tuple of its words), and
    every capitalised word it has, casefolded, possessives left out ("Syria's": "syria")."""

    where: frozenset[tuple[str, ...]]
    names: frozenset[str]


def places_named(sentence: str) -> Places:
    """The Places of a sentence."""
    names = frozenset(_plain(word) for word in _CAPITALISED.findall(sentence) if word[0].isupper())
    where = set()
    for found in _PLACE.finditer(sentence):
        words = tuple(_plain(word) for word in found["name"].split())
        if not _CALENDAR.issuperset(words):
            where.add(words)
    return Places(frozenset(where), names)


def _plain(word: str) -> str:
    return _POSSESSIVE.sub("", word.casefold())


def _same_name(one: str, other: str) -> bool:
    """Whether two names are one, or a place and the word its people go by ("Syria",
    "Syrian"; "Ukraine", "Ukrainian"; not "Iran", "Iraq")."""
    shorter, longer = sorted((one, other), key=len)
    return longer.startswith(shorter) or (len(shorter) > 4 and longer.startswith(shorter[:-1]))


def _named_in(place: tuple[str, ...], names: frozenset[str]) -> bool:
    return all(any(_same_name(word, name) for name in names) for word in place)


def placed_apart(one: Iterable[Places], other: Iterable[Places]) -> bool:
    """Whether the sentences of `one` place their event in named places and those of
    `other` in others, none of either's named by any sentence of the other."""
    one, other = list(one), list(other)
    where = [frozenset(chain.from_iterable(p.where for p in side)) for side in (one, other)]
    names = [frozenset(chain.from_iterable(p.names for p in side)) for side in (one, other)]
    if not where[0] or not where[1]:
        return False
    return not any(_named_in(place, names[1]) for place in where[0]) and not any(
        _named_in(place, names[0]) for place in where[1]
    )
