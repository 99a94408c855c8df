"""Compare speed: the 150 BASIL dev articles end to end, and the alignment of one 10-outlet event.

(a) `srccompare.compare(srccompare.load(folder))` on the BASIL articles written as neutral files,
    cleaning included (target: 10 s wall on 2 cores).
(b) One synthetic event told by 10 outlets in 40 sentences each, made from the sentences of one
    BASIL event with the variations outlets make (another speech verb, a trimmed clause, another
    number, paragraphs moved): the alignment step alone (target: under 0.2 s), and the whole
    comparison of those 10 articles.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from .basil import articles as basil_articles
from .basil import write_neutral
from .common import need

OUTLETS = 10
SENTENCES = 40
REPEAT = 5
_VERBS = {"said": ("told reporters", "stated", "said"), "says": ("notes", "says"), "told": ("said to", "told")}
_NUMBER = re.compile(r"\b\d+\b")


def _best_of(fn, repeat: int = REPEAT) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def _vary(sentence: str, rng: random.Random) -> str:
    """One outlet's rendering of a sentence: mostly the same, sometimes reworded or trimmed."""
    roll = rng.random()
    if roll < 0.2:
        words = sentence.split()
        for i, w in enumerate(words):
            if w in _VERBS:
                words[i] = rng.choice(_VERBS[w])
                return " ".join(words)
    if roll < 0.35 and "," in sentence[:-10]:
        head = sentence[: sentence.rindex(",", 0, len(sentence) - 10)]
        if len(head.split()) >= 6:
            return head + "."
    if roll < 0.45 and _NUMBER.search(sentence):
        return _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), sentence, count=1)
    return sentence


def synthetic_event(pool: list[str], title: str, date: str, seed: int = 7) -> list[str]:
    """``OUTLETS`` dumps (title, date, paragraphs) of ``SENTENCES`` sentences drawn from ``pool``."""
    rng = random.Random(seed)
    texts = []
    for _ in range(OUTLETS):
        chosen = rng.sample(pool, SENTENCES) if len(pool) >= SENTENCES else [rng.choice(pool) for _ in range(SENTENCES)]
        sentences = [_vary(s, rng) for s in chosen]
        paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
        rng.shuffle(paragraphs)
        texts.append("\n".join([title, date, ""]) + "\n\n".join(paragraphs) + "\n")
    return texts


def _event_pool(items: dict[str, dict]) -> tuple[list[str], str, str]:
    """Sentences of the BASIL event with the most text (the given sentence split), its title and date."""
    gold_event: dict[str, list[str]] = {}
    for stem in items:
        gold_event.setdefault(stem.rsplit("_", 1)[0], []).append(stem)
    longest = max(
        gold_event.values(), key=lambda stems: (sum(len(p) for s in stems for p in items[s]["body-paragraphs"]), stems)
    )
    pool = [
        s.strip() for stem in sorted(longest) for p in items[stem]["body-paragraphs"] for s in p if len(s.split()) >= 6
    ]
    first = items[sorted(longest)[0]]
    return pool, first["title"], first["date"]


def run(data: Path) -> str:
    import srccompare
    from srccompare.compare.align import align

    items = basil_articles(data)
    need(data / "basil" / "articles")
    with tempfile.TemporaryDirectory(prefix="compare-speed-") as tmp:
        folder = Path(tmp)
        write_neutral(items, folder)
        start = time.perf_counter()
        problems: list = []
        loaded = srccompare.load([str(folder)], problems=problems)
        cleaned = time.perf_counter()
        report = srccompare.compare(loaded)
        done = time.perf_counter()
    facts = sum(len(e.facts) for e in report.events)
    json.dumps(report.to_dict())

    pool, title, date = _event_pool(items)
    event = [
        srccompare.clean_text(text, f"outlet{n:02d}.txt")
        for n, text in enumerate(synthetic_event(pool, title, date), 1)
    ]
    sentences = [len(a.sentences) for a in event]
    align_s, groups = _best_of(lambda: align(event))
    compare_s, event_report = _best_of(lambda: srccompare.compare(event), repeat=3)

    return "\n".join(
        [
            "## Compare speed",
            "",
            f"Machine: {os.cpu_count()} cores. Wall times; (b) is the best of {REPEAT} runs.",
            "",
            "| what | articles | time | target |",
            "|---|---|---|---|",
            f"| (a) BASIL dev: `load` (cleaning) | {len(loaded)} | {cleaned - start:.2f} s | |",
            f"| (a) BASIL dev: `compare` (group, align, classify, report) | {len(loaded)} | {done - cleaned:.2f} s | |",
            f"| (a) BASIL dev: both | {len(loaded)} | **{done - start:.2f} s** | ≤ 10 s |",
            f"| (b) one event, 10 outlets: alignment alone | {len(event)} | **{align_s:.3f} s** | < 0.2 s |",
            f"| (b) one event, 10 outlets: whole `compare` | {len(event)} | {compare_s:.3f} s | |",
            "",
            f"(a) found {len(report.events)} events and {facts} fact groups; {len(problems)} files unusable. "
            f"(b) the articles have {statistics.mean(sentences):.0f} sentences on average "
            f"({min(sentences)}–{max(sentences)}) after cleaning; alignment made {len(groups)} fact groups, "
            f"and `compare` {len(event_report.events)} event(s).",
            "",
            "Command: `python -m bench DATA --only compare_speed`",
            "",
        ]
    )
