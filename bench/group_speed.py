"""How grouping and background linking grow: wall time and peak memory of each step at 1k to 20k articles.

The corpora are bench/synthetic.py's (10 outlets per event, each event 24 sentences of the real
extraction bodies with its names respelled, each outlet dropping, adding, moving and rewording
sentences), built in memory as Articles without the page furniture and without cleaning, so that
only grouping and background linking are timed. Each size runs in a process of its own; the peak
resident memory of each step is read from the kernel's high-water mark, reset before the step
(/proc/self/clear_refs), so it includes the corpus held at the time.

    python -m bench.group_speed DATA [--sizes 1000 5000 10000 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from .common import need

SIZES = (1000, 5000, 10000, 20000)
OUTLETS = 10
SEED = 11


def corpus(data: Path, n: int, seed: int = SEED):
    """``n`` Articles (n / OUTLETS events) and the gold event of each article id."""
    from srccompare.model import Article
    from srccompare.nlp.sentences import split_sentences

    from . import synthetic

    pool = synthetic.bodies(data)
    articles, gold = [], {}
    for k, (name, text, event, outlet) in enumerate(synthetic.files(pool, range(n // OUTLETS), OUTLETS, seed)):
        parts = text.split("\n\n")
        # The writer's layout: menu, title, byline and date, the paragraphs, share buttons, footer.
        date = dt.datetime.strptime(parts[2].split("\n")[-1], "%B %d, %Y").date()
        paragraphs = tuple(parts[3:-2])
        articles.append(
            Article(
                id=name,
                path=name,
                title=parts[1] if k % 3 else None,
                outlet=outlet,
                # One in five undated, as many real pages are.
                published=None if k % 5 == 0 else date.isoformat(),
                language="en",
                paragraphs=paragraphs,
                sentences=tuple(split_sentences(paragraphs)),
            )
        )
        gold[name] = event
    return articles, gold


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _step(name: str, out: dict, fn, *args):
    _reset_peak()
    clock, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    out[name] = (time.perf_counter() - clock, _peak_mb(), time.process_time() - cpu)
    return result


def _count_pairs(vectors) -> int:
    from srccompare.compare.vectors import BLOCK_MAX_DF, blocked_pairs

    return sum(len(c[0]) for c in blocked_pairs(vectors.block_ptr, vectors.block_ids, BLOCK_MAX_DF))


def _split(clusters, ordered, cache):
    from srccompare.compare.group import split_events

    return [p for c in clusters for p in split_events(c, ordered, cache)]


def measure(data: Path, n: int) -> dict:
    """Each step of group_events on its own (the same calls it makes), then link_background."""
    import gc

    from srccompare.compare import group as g
    from srccompare.compare.background import link_background
    from srccompare.model import Event, FactGroup, Member
    from srccompare.options import DEFAULT_OPTIONS

    from .basil import bcubed

    articles, gold = corpus(data, n)
    gc.collect()
    t: dict = {"corpus MB": _peak_mb()}
    ordered = sorted(articles, key=lambda a: a.id)
    vectors = _step("vectors", t, g.article_vectors, ordered)
    t["pairs"] = _step("blocking", t, _count_pairs, vectors)
    i, j, sims = _step("blocking + cosines", t, g.similarities, ordered, vectors)
    days = [g._day(a) for a in ordered]
    clusters = _step("linkage", t, g.average_linkage, n, i, j, sims, g.THRESHOLD, days, DEFAULT_OPTIONS.event_window)
    cache: dict[int, list[str]] = {}
    _step("split", t, _split, clusters, ordered, cache)
    del vectors, i, j, sims, clusters, cache
    gc.collect()
    groups = _step("group_events (all steps)", t, g.group_events, articles)
    found = {a.id: e.id for e in groups for a in e.articles}
    t["B3 F1"] = bcubed({a: found[a] for a in gold}, gold)[2]
    t["events"] = len(groups)
    # Background linking over the events found, each sentence its own fact (the shape alignment gives).
    by_id = {a.id: a for a in articles}
    events = []
    for group in groups:
        facts = []
        for a in group.articles:
            for k, s in enumerate(a.sentences):
                facts.append(FactGroup(f"{group.id}.F{len(facts) + 1}", "single", (Member(a.id, k, s.text),)))
        events.append(Event(group.id, group.title, group.dates, tuple(a.id for a in group.articles), tuple(facts)))
    linked = _step("background linking", t, link_background, events, by_id)
    t["background links"] = sum(len(f.background) for e in linked for f in e.facts)
    t["units"] = sum(len(e.facts) for e in events)
    return t


STEPS = (
    "vectors",
    "blocking",
    "blocking + cosines",
    "linkage",
    "split",
    "group_events (all steps)",
    "background linking",
)


def run(data: Path, sizes=SIZES) -> str:
    need(data / "extraction" / "ground-truth.json")
    rows = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.group_speed", str(data), "--one", str(n)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        if proc.returncode:
            rows.append(f"| {n:,} | failed: {proc.stderr.strip().splitlines()[-1:]!r} |")
            continue
        t = json.loads(proc.stdout.strip().splitlines()[-1])
        per = 1000 * t["group_events (all steps)"][2] / n
        rows.append(
            f"| {n:,} | "
            + " | ".join(f"{t[s][2]:.2f} s ({t[s][0]:.1f}) / {t[s][1]:,.0f} MB" for s in STEPS)
            + f" | {per:.2f} ms | {t['pairs']:,} ({t['pairs'] / n:.0f}/article) | {t['events']:,} | {t['B3 F1']:.3f} |"
        )
    return "\n".join(
        [
            "## Grouping: how each step grows",
            "",
            f"Synthetic corpora, {OUTLETS} outlets per event (bench/synthetic.py's stories, built in memory without "
            "furniture or cleaning), one process per size. Each cell: CPU time (wall time in brackets: on a shared "
            "machine the CPU time is the steadier figure) / peak resident memory of the process during that step "
            "(corpus included). `blocking` alone makes the pairs; `blocking + cosines` is "
            "`similarities` (pairs made and scored a range of rows at a time). Background linking: every sentence "
            "its own fact. Pairs: pairs of articles scored, against n(n-1)/2 for all pairs.",
            "",
            "| articles | " + " | ".join(STEPS) + " | grouping CPU per article | pairs scored | events | event B³ F1 |",
            "|---" * (len(STEPS) + 5) + "|",
            *rows,
            "",
            "Command: `python -m bench DATA --only group_speed` (or `python -m bench.group_speed DATA --sizes ...`)",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.group_speed", description=__doc__)
    parser.add_argument("data", nargs="?", default="../shared/bench")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(Path(args.data), args.one)))
    else:
        print(run(Path(args.data), args.sizes))


if __name__ == "__main__":
    main()
