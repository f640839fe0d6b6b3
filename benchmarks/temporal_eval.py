"""Benchmark of the temporal tagger on TimeBank, through the `timeline dates --jsonl` interface.

    .venv/bin/python benchmarks/temporal_eval.py [--corpus PATH] [--runs N] [--half even|odd]

Prints span, type and value scores from the reference scorer (../shared/tools/timex/score.py),
the timeline recall and precision, the tagger's throughput, and the candidate-extraction
recall.  Exits with a message (status 0) when ../shared is not there.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "timebank.jsonl"
SCORER = SHARED / "tools" / "timex" / "score.py"
CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def load(path: Path, half: str | None) -> list[dict]:
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if half == "even":
        docs = docs[0::2]
    elif half == "odd":
        docs = docs[1::2]
    return docs


def run_cli(docs: list[dict], workdir: Path) -> tuple[Path, Path]:
    """Write the input and gold files, run `timeline dates --jsonl`, return (gold, system) paths."""
    source = workdir / "input.jsonl"
    gold = workdir / "gold.jsonl"
    system = workdir / "system.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(
                json.dumps({"doc_id": doc["doc_id"], "dct": doc["dct"], "text": doc["text"]}) + "\n"
            )
    with gold.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc) + "\n")
    command = [
        sys.executable,
        "-c",
        "from builder.cli import main; main()",
        "dates",
        "--jsonl",
        str(source),
    ]
    with system.open("w", encoding="utf-8") as out:
        subprocess.run(command, check=True, stdout=out, cwd=REPO)
    return gold, system


def score(gold: Path, system: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(system), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


def throughput(docs: list[dict], runs: int) -> tuple[float, float]:
    """Documents and words per second of `tag` over the corpus (median of `runs`, one core)."""
    from builder.temporal import tag

    if hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    words = sum(len(doc["text"].split()) for doc in docs)
    for doc in docs[:5]:
        tag(doc["text"], doc["dct"])
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        for doc in docs:
            tag(doc["text"], doc["dct"])
        timings.append(time.perf_counter() - began)
    elapsed = statistics.median(timings)
    return len(docs) / elapsed, words / elapsed


def candidate_recall(docs: list[dict]) -> tuple[int, int]:
    """Gold DATEs with a calendar value whose sentence yields a candidate with that value."""
    from builder.candidates import candidates_from_text

    found = total = 0
    for doc in docs:
        candidates = candidates_from_text(doc["text"], doc["dct"])
        for timex in doc["timexes"]:
            if timex["type"] != "DATE" or not CALENDAR_VALUE.match(timex["value"]):
                continue
            total += 1
            if any(
                c.start <= timex["start"] < c.end_offset and c.value == timex["value"]
                for c in candidates
            ):
                found += 1
    return found, total


def report(result: dict) -> None:
    def pct(value: float | None) -> str:
        return "   n/a" if value is None else f"{100 * value:5.1f}"

    for view, label in (("all", "all types"), ("date_time", "DATE/TIME")):
        data = result.get(view, {})
        print(f"[{label}]")
        for block in ("strict", "relaxed"):
            precision, recall = data.get(block + "_p"), data.get(block + "_r")
            f1 = data.get(block + "_f1")
            print(f"  {block:<8} span  P {pct(precision)}  R {pct(recall)}  F1 {pct(f1)}")
        for attr in ("type", "value"):
            f1, accuracy = data.get(attr + "_f1"), data.get(attr + "_acc")
            print(f"  {attr:<8} F1 {pct(f1)}  (accuracy {pct(accuracy)})")
    for view in ("timeline", "timeline_lenient"):
        data = result.get(view, {})
        recall, precision = data.get("recall"), data.get("precision")
        print(
            f"[{view}] recall {pct(recall)}  precision {pct(precision)}"
            f"  (DATE/TIME value precision {pct(data.get('dt_value_precision'))})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5, help="timing runs (the median is reported)")
    parser.add_argument("--half", choices=("even", "odd"), help="score only every other document")
    parser.add_argument("--raw", action="store_true", help="also print the scorer's JSON")
    args = parser.parse_args(argv)
    if not SCORER.exists() or not args.corpus.exists():
        missing = SCORER if not SCORER.exists() else args.corpus
        print(f"temporal_eval: {missing} not found (is ../shared there?); nothing to benchmark.")
        return 0
    docs = load(args.corpus, args.half)
    with tempfile.TemporaryDirectory() as tmp:
        gold, system = run_cli(docs, Path(tmp))
        result = score(gold, system)
    if args.raw:
        print(json.dumps(result, indent=1))
    print(f"TimeBank: {len(docs)} documents, {sum(len(d['timexes']) for d in docs)} gold timexes")
    report(result)
    docs_per_second, words_per_second = throughput(docs, args.runs)
    speed = f"{docs_per_second:,.0f} documents/s  {words_per_second:,.0f} words/s"
    print(f"[speed] {speed} (tag in-process, one core, median of {args.runs} runs)")
    try:
        found, total = candidate_recall(docs)
    except ImportError:
        print("[candidates] builder.candidates not available")
    else:
        share = 100 * found / max(total, 1)
        print(f"[candidates] recall {share:.1f} ({found}/{total} gold calendar DATEs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
