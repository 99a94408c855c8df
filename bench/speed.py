"""Cleaning speed on one core: text dumps and HTML pages per second through the public API, the
wall time of `srccompare --help` (the cost of importing the CLI), and one ~10 MB dump.

The 50 dev pages of DATA/extraction are cleaned over and over until the timing is long enough to
trust. The process is pinned to one CPU while it measures, where the platform allows it.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .extraction import load_pages, read_dump, read_html

COMMAND = "python -m bench ../shared/bench --only speed"
# Keep cleaning the set until this many seconds have passed (at least two rounds).
MIN_SECONDS = 3.0
BIG_DUMP_BYTES = 10 * 1024 * 1024
HELP_RUNS = 5


@contextlib.contextmanager
def one_core() -> Iterator[None]:
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def throughput(clean: Callable[[str], object], items: list[str]) -> tuple[float, int]:
    """Items cleaned per second in the fastest round over the set, and how many rounds ran.

    The fastest round, as timeit does: on a shared machine the slower rounds measure the neighbours."""
    from srccompare.errors import SrcCompareError

    for item in items[:3]:  # warm up: lazy imports and compiled patterns are not part of the rate
        with contextlib.suppress(SrcCompareError):
            clean(item)
    rounds: list[float] = []
    while len(rounds) < 2 or sum(rounds) < MIN_SECONDS:
        start = time.perf_counter()
        for item in items:
            with contextlib.suppress(SrcCompareError):
                clean(item)
        rounds.append(time.perf_counter() - start)
    return len(items) / min(rounds), len(rounds)


def help_seconds() -> float:
    script = Path(sys.executable).parent / "srccompare"
    cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "srccompare", "--help"]
    times = []
    for _ in range(HELP_RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def big_dump(dumps: list[str]) -> str:
    parts, size = [], 0
    while size < BIG_DUMP_BYTES:
        for dump in dumps:
            parts.append(dump)
            size += len(dump.encode("utf-8")) + 1
            if size >= BIG_DUMP_BYTES:
                break
    return "\n".join(parts)


def run(data: Path) -> str:
    import srccompare

    entries = load_pages(data)
    dumps = [read_dump(dump) for _, dump, _, _ in entries]
    pages = [read_html(html) for _, _, html, _ in entries]
    with one_core():
        dump_rate, dump_n = throughput(srccompare.clean_text, dumps)
        html_rate, html_n = throughput(srccompare.clean_html, pages)
        big = big_dump(dumps)
        start = time.perf_counter()
        srccompare.clean_text(big)
        big_seconds = time.perf_counter() - start
    help_s = help_seconds()
    big_mb = len(big.encode("utf-8")) / (1024 * 1024)
    return "\n".join(
        [
            "## Speed",
            "",
            f"One core (process pinned to one CPU), the {len(entries)} dev pages of `extraction/` cleaned repeatedly "
            "through the public API (`srccompare.clean_text`, `srccompare.clean_html`), sentences included.",
            "",
            "| measure | figure | detail |",
            "|---|---:|---|",
            f"| text dumps per second | {dump_rate:.0f} | fastest of {dump_n} rounds over the {len(dumps)} dumps (target ≥ 200) |",
            f"| HTML pages per second | {html_rate:.1f} | fastest of {html_n} rounds over the {len(pages)} pages (trafilatura does most of the work) |",
            f"| `srccompare --help` wall time | {help_s:.2f} s | median of {HELP_RUNS} runs in a subprocess (target < 0.3 s) |",
            f"| one {big_mb:.1f} MB dump | {big_seconds:.2f} s | the dev dumps concatenated, one `clean_text` call |",
            "",
            f"Command: `{COMMAND}`",
            "",
        ]
    )
