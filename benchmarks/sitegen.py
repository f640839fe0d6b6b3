"""A synthetic site for benchmarks and tests: N sources and N event records, from a seed.

Every event quotes one to three sentences that stand in its sources, so the generated
site passes validation; dates come at every precision (year, month, day, minute).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "council river bridge convoy harvest mayor ledger envoy market harbour rail "
    "district assembly budget tunnel station clinic archive monitor border courier "
    "ministry valley ferry school garrison quarry plaza observer delegation tower "
    "inquiry charter depot warehouse corridor checkpoint reservoir dispatch council "
    "negotiator committee shelter airfield crossing lighthouse mill orchard granary"
).split()
VERBS = (
    "announced reported confirmed denied opened closed reached delayed signed "
    "suspended resumed inspected evacuated restored blocked visited"
).split()
TAGS = [f"topic-{n:02d}" for n in range(60)] + [f"place-{n:02d}" for n in range(40)]
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Generated:
    sources: int
    events: int


def _sentence(rng: random.Random, year: int, month: int, day: int) -> str:
    subject = " ".join(rng.choices(WORDS, k=rng.randint(2, 4)))
    rest = " ".join(rng.choices(WORDS, k=rng.randint(6, 12)))
    return f"The {subject} {rng.choice(VERBS)} on {day} {MONTHS[month - 1]} {year} that the {rest}."


def _source_text(rng: random.Random, year: int) -> list[list[str]]:
    paragraphs = []
    words = 0
    while words < 600:
        paragraph = []
        for _ in range(rng.randint(2, 4)):
            sentence = _sentence(rng, year, rng.randint(1, 12), rng.randint(1, 28))
            paragraph.append(sentence)
            words += sentence.count(" ") + 1
        paragraphs.append(paragraph)
    return paragraphs


def source_file(index: int, rng: random.Random) -> tuple[str, list[list[str]]]:
    year = 1990 + index % 35
    paragraphs = _source_text(rng, year)
    front = [
        "---",
        f"title: Dispatch number {index} on the {rng.choice(WORDS)} {rng.choice(WORDS)}",
        f"publisher: Wire {index % 7}",
        f"published: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"author: Reporter {index % 50}",
        "language: en",
        f"rights: {('full', 'excerpts', 'link')[index % 3]}",
    ]
    if index % 4:
        front.append(f"url: https://news.example/{year}/dispatch-{index}")
    front.append("---")
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    return "\n".join(front) + "\n" + body + "\n", paragraphs


def _date(rng: random.Random, year: int) -> str:
    precision = rng.random()
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if precision < 0.1:
        return str(year)
    if precision < 0.25:
        return f"{year}-{month:02d}"
    if precision < 0.9:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}+02:00"


def event_file(index: int, rng: random.Random, quotes: list[tuple[str, str]]) -> str:
    year = 1990 + rng.randint(0, 34)
    summary_words = rng.randint(60, 200)
    summary = []
    for position in range(summary_words):
        word = rng.choice(WORDS)
        if position % 23 == 5:
            word = f"**{word}**"
        elif position % 31 == 9:
            word = f"*{word}*"
        summary.append(word)
    lines = [
        "---",
        f"date: {_date(rng, year)}",
        f'title: "Event {index}: the {rng.choice(WORDS)} {rng.choice(VERBS)}"',
        f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 4)))}]",
        f"status: {rng.choice(('confirmed', 'reported', 'disputed'))}",
        "sources:",
    ]
    for source_id, quote in quotes:
        lines += [f"  - source: {source_id}", f'    quote: "{quote}"']
    if rng.random() < 0.05:
        lines.append("ongoing: true")
    lines.append("---")
    return "\n".join(lines) + "\n" + " ".join(summary).capitalize() + ".\n"


def generate_site(root: Path, n: int, seed: int = 1) -> Generated:
    """Write timeline.toml and N sources and N events under `root`."""
    rng = random.Random(seed)
    sources_dir = root / "content" / "sources"
    events_dir = root / "content" / "events"
    sources_dir.mkdir(parents=True, exist_ok=True)
    events_dir.mkdir(parents=True, exist_ok=True)
    (root / "timeline.toml").write_text(
        'title = "Synthetic timeline"\nbase_url = "https://example.org/bench/"\ntimezone = "UTC"\n',
        encoding="utf-8",
    )
    sentences: list[tuple[str, list[str]]] = []
    for index in range(n):
        text, paragraphs = source_file(index, rng)
        source_id = f"s{index:06d}"
        (sources_dir / f"{source_id}.md").write_text(text, encoding="utf-8")
        sentences.append((source_id, [s for p in paragraphs for s in p]))
    for index in range(n):
        picks = rng.sample(range(n), min(n, rng.randint(1, 3)))
        quotes = []
        for pick in picks:
            source_id, in_source = sentences[pick]
            quotes.append((source_id, rng.choice(in_source)))
        (events_dir / f"e{index:06d}.md").write_text(
            event_file(index, rng, quotes), encoding="utf-8"
        )
    return Generated(n, n)


def add_source(root: Path, index: int, seed: int = 7) -> Path:
    """One more source file, as a new article arriving."""
    text, _ = source_file(index, random.Random(seed * 1_000_003 + index))
    path = root / "content" / "sources" / f"s{index:06d}.md"
    path.write_text(text, encoding="utf-8")
    return path


def edit_event(root: Path, index: int, note: str) -> Path:
    """Append a sentence to one event's summary."""
    path = root / "content" / "events" / f"e{index:06d}.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{note}\n", encoding="utf-8")
    return path
