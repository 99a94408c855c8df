"""How grouping and background linking grow: wall time of each step at 1k, 5k and 10k synthetic articles.

Synthetic corpora built from real bodies (ECB+ and BASIL articles): each event takes the paragraphs of
one real article and, for variety, a few of a second; its 10 outlets each drop, reorder and trim
paragraphs and get a date within two days of the event's (one in five undated). Events outnumber the
real bodies at 5k and 10k, so some events share a base body: the figures are for speed, not accuracy
(ecbplus.py and basil.py measure that). Articles are built directly (no cleaning), one process.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path

from .common import need

SIZES = (1000, 5000, 10000)
OUTLETS = 10
SEED = 11


def bodies(data: Path) -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(need(data / "ecbplus" / "articles").glob("*.txt")):
        parts = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if len(parts) > 3:
            out.append((parts[0], parts[1:]))
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in item["body-paragraphs"]]
        paragraphs = [p for p in paragraphs if p]
        if len(paragraphs) > 3:
            out.append((item["title"].strip(), paragraphs))
    return out


def corpus(data: Path, n: int, seed: int = SEED):
    from srccompare.model import Article
    from srccompare.nlp.sentences import split_sentences

    rng = random.Random(seed)
    base = bodies(data)
    start = dt.date(2015, 1, 1)
    articles = []
    for e in range(n // OUTLETS):
        title, paragraphs = base[e % len(base)]
        extra = base[(e * 7 + 3) % len(base)][1]
        event_paragraphs = paragraphs + extra[: rng.randint(0, 2)]
        day = start + dt.timedelta(days=rng.randint(0, 3650))
        for o in range(OUTLETS):
            kept = [p for p in event_paragraphs if rng.random() > 0.2] or event_paragraphs[:1]
            if rng.random() < 0.3 and len(kept) > 2:
                k = rng.randrange(len(kept) - 1)
                kept[k], kept[k + 1] = kept[k + 1], kept[k]
            published = None if rng.random() < 0.2 else (day + dt.timedelta(days=rng.randint(0, 2))).isoformat()
            paras = tuple(kept)
            articles.append(
                Article(
                    id=f"e{e:05d}-o{o:02d}.txt",
                    path=f"e{e:05d}-o{o:02d}.txt",
                    title=title if o % 3 else None,
                    outlet=f"outlet{o}",
                    published=published,
                    language="en",
                    paragraphs=paras,
                    sentences=tuple(split_sentences(paras)),
                )
            )
    return articles


def timed_grouping(articles) -> dict[str, float]:
    """Each step of group_events, timed on its own (the same calls group_events makes)."""
    from srccompare.compare import group as g
    from srccompare.compare.vectors import candidate_pairs, pair_cosines, tfidf
    from srccompare.options import DEFAULT_OPTIONS

    t = {}
    clock = time.perf_counter()
    ordered = sorted(articles, key=lambda a: a.id)
    vectors = tfidf([g._passages(a) for a in ordered])
    t["tfidf"] = time.perf_counter() - clock
    clock = time.perf_counter()
    i, j = candidate_pairs(vectors)
    t["blocking"] = time.perf_counter() - clock
    clock = time.perf_counter()
    sims = pair_cosines(vectors, i, j)
    t["cosines"] = time.perf_counter() - clock
    clock = time.perf_counter()
    days = [g._day(a) for a in ordered]
    clusters = g.average_linkage(len(ordered), i, j, sims, g.THRESHOLD, days, DEFAULT_OPTIONS.event_window)
    t["linkage"] = time.perf_counter() - clock
    clock = time.perf_counter()
    cache: dict[int, list[str]] = {}
    clusters = [part for c in clusters for part in g.split_events(c, ordered, cache)]
    t["split"] = time.perf_counter() - clock
    clock = time.perf_counter()
    events = g.group_events(articles)
    t["group_events (all steps)"] = time.perf_counter() - clock
    t["pairs"] = float(len(i))
    t["events"] = float(len(events))
    return t


def timed_background(articles) -> float:
    """link_background over the events found, each sentence its own fact (the shape alignment gives)."""
    from srccompare.compare.background import link_background
    from srccompare.compare.group import group_events
    from srccompare.model import Event, FactGroup, Member

    by_id = {a.id: a for a in articles}
    events = []
    for group in group_events(articles):
        facts = []
        for a in group.articles:
            for k, s in enumerate(a.sentences):
                facts.append(FactGroup(f"{group.id}.F{len(facts) + 1}", "single", (Member(a.id, k, s.text),)))
        events.append(Event(group.id, group.title, group.dates, tuple(a.id for a in group.articles), tuple(facts)))
    clock = time.perf_counter()
    link_background(events, by_id)
    return time.perf_counter() - clock


def run(data: Path) -> str:
    rows = []
    for n in SIZES:
        articles = corpus(data, n)
        t = timed_grouping(articles)
        back = timed_background(articles) if n <= 5000 else None
        rows.append((n, t, back))
    steps = ("tfidf", "blocking", "cosines", "linkage", "split", "group_events (all steps)")
    lines = [
        "## Grouping: how each step grows",
        "",
        f"Synthetic corpora of {OUTLETS} outlets per event built from real ECB+ and BASIL bodies (bench/group_speed.py), "
        "wall time in seconds, one process. Pairs: pairs of articles compared (sharing a rare term), against "
        "n(n-1)/2 for all pairs.",
        "",
        "| articles | " + " | ".join(steps) + " | pairs compared | all pairs | events | background linking |",
        "|---" * (len(steps) + 5) + "|",
    ]
    for n, t, back in rows:
        lines.append(
            f"| {n:,} | "
            + " | ".join(f"{t[s]:.2f}" for s in steps)
            + f" | {int(t['pairs']):,} | {n * (n - 1) // 2:,} | {int(t['events'])} | "
            + (f"{back:.2f}" if back is not None else "not run")
            + " |"
        )
    lines += ["", "Command: `python -m bench DATA --only group_speed`", ""]
    return "\n".join(lines)
