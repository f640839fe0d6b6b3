"""The build benchmark runs end to end on a tiny site and prints its figures."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def test_benchmark_prints_every_figure(tmp_path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "build_bench.py"),
            "--n",
            "25",
            "--runs",
            "1",
            "--no-hugo",
            "--keep",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for name in ("full", "no-change", "+source", "~event", "full+extract"):
        row = next(line for line in lines if line.startswith(name + " "))
        seconds, mib, cpu = row.split()[1:4]
        assert float(seconds) > 0 and float(mib) > 0 and float(cpu) > 0
    assert (tmp_path / "site-25" / "site" / "index.html").exists()


def test_synthetic_site_is_valid_and_deterministic(tmp_path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from sitegen import generate_site

    from builder.build import load_site

    generate_site(tmp_path / "a", 40, seed=9)
    generate_site(tmp_path / "b", 40, seed=9)
    for kind in ("sources", "events"):
        a = sorted((tmp_path / "a" / "content" / kind).iterdir())
        b = sorted((tmp_path / "b" / "content" / kind).iterdir())
        assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    loaded = load_site(tmp_path / "a")
    assert len(loaded.site.events) == 40 and len(loaded.site.sources) == 40
    precisions = {event.when.start.precision for event in loaded.site.events}
    assert len(precisions) == 4  # year, month, day and minute
