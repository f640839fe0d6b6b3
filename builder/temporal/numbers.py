"""Reading numbers written in digits or words ("24", "twenty-four", "2 1/2", "nineteen ninety")."""

from __future__ import annotations

import re

from builder.temporal.lexicon import ORDINALS, SMALL_NUMBERS, TENS, VAGUE_QUANTITIES

_WORD_SPLIT = re.compile(r"[\s-]+")
_FRACTION = re.compile(r"^(\d+)?\s*(\d+)/(\d+)$")
_A_HALF = re.compile(r"\ban?\s+half\b|\bhalf\s+an?\b")


def parse_number(phrase: str) -> float | None:
    """The value of a cardinal number phrase, or None when it is vague ("several", "a few")."""
    phrase = phrase.lower().replace(",", "").strip()
    if phrase.startswith("a couple") or phrase.startswith("couple"):
        return 2
    fraction = _FRACTION.match(phrase)
    if fraction:
        whole = int(fraction.group(1) or 0)
        return whole + int(fraction.group(2)) / int(fraction.group(3))
    try:
        return float(phrase) if "." in phrase else int(phrase)
    except ValueError:
        pass
    # "two and a half", "half a", "half an": the "a" is not one more
    phrase = _A_HALF.sub("half", phrase)
    total = 0
    current = 0
    seen = False
    for word in _WORD_SPLIT.split(phrase):
        if not word or word in ("and", "of"):
            continue
        if word in VAGUE_QUANTITIES:
            return None
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "half":
            current += 0.5
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_ordinal(word: str) -> int | None:
    """The value of an ordinal ("3rd", "third", "twenty-first")."""
    word = word.lower().strip()
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)?$", word)
    if digits:
        return int(digits.group(1))
    return ORDINALS.get(word.replace(" ", "-"))


def parse_spelled_year(phrase: str) -> int | None:
    """A year in words: "nineteen ninety-six", "nineteen oh five", "two thousand (and) three"."""
    words = [w for w in _WORD_SPLIT.split(phrase.lower()) if w and w != "and"]
    if not words:
        return None
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[2:])) if len(words) > 2 else 0
        return None if rest is None else 2000 + int(rest)
    head = SMALL_NUMBERS.get(words[0]) or TENS.get(words[0])
    if head is None or not 10 <= head <= 20:
        return None
    tail_words = words[1:]
    if tail_words[:1] == ["hundred"]:
        return head * 100
    if tail_words[:1] == ["oh"]:
        tail_words = tail_words[1:]
    tail = parse_number(" ".join(tail_words)) if tail_words else None
    if tail is None or not 0 <= tail < 100:
        return None
    return head * 100 + int(tail)
