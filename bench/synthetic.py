"""Synthetic corpora for the scale benchmark: K outlets per event, built from real article bodies.

Each event takes 24 sentences from the real bodies of ../shared/bench/extraction (ground truth), gives
their names event-specific spellings (so that two events built from one body are still two events,
as two real fires in two towns are) and a date. Each outlet then tells it its own way: it drops some
sentences, adds a few of its own (from another body), moves paragraphs, rewords (another speech
verb, a trimmed clause, another number) and wraps the text in page furniture (menu, share buttons,
related links, copyright). The gold event of every file goes to ``gold.json`` beside the corpus,
never into the files or their names.

    python -m bench.synthetic OUT --events 100 --outlets 10 [--seed 1] [--first 0]

``--first`` numbers the events from there, so that ``--first 100 --events 1`` writes one more event
whose files can be added to an existing corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from .compare_speed import _vary

OUTLETS = (
    "Daily Ledger", "Morning Courier", "Evening Standard Post", "Harbour Times", "Valley Gazette",
    "Northern Herald", "Capital Wire", "Coastal Tribune", "Metro Observer", "Plains Chronicle",
    "River City News", "Summit Reporter", "Lakeside Dispatch", "Union Register", "Frontier Journal",
)  # fmt: skip
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
_CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = ("ka", "lo", "ven", "dri", "mar", "tes", "ul", "bro", "shi", "per", "an", "gol", "ri", "zen", "tha", "mo")
_MENUS = ("Home | World | Politics | Business | Sport", "News  Opinion  Culture  Lifestyle", "Menu  Search  Sign in")
_SHARE = ("Share on Facebook", "Share on Twitter", "Email this article", "Print")
_TAIL = ("Related stories", "Most read", "Subscribe now to get the morning briefing", "Advertisement")
START = dt.date(2023, 1, 2)


def bodies(data: Path) -> list[list[str]]:
    """The sentences (6 words or more) of every ground-truth body, in file order."""
    truth = json.loads((data / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        text = " ".join(truth[key]["articleBody"].split())
        sentences = [s for s in _SENT.split(text) if 6 <= len(s.split()) <= 60]
        if len(sentences) >= 6:
            out.append(sentences)
    return out


def _name(word: str, event: int) -> str:
    """The event's spelling of a name: a made-up word, the same for every outlet of the event."""
    h = hashlib.sha256(f"{event}:{word}".encode()).digest()
    return "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in h[: 2 + h[5] % 2]).capitalize()


def _rename(sentence: str, event: int) -> str:
    first = sentence.split(" ", 1)
    if len(first) < 2:
        return sentence
    return first[0] + " " + _CAPITAL.sub(lambda m: _name(m.group(), event), first[1])


def event_story(pool: list[list[str]], event: int, seed: int) -> tuple[str, dt.date, list[str]]:
    """Title, date and the full sentence list of one event (what every outlet tells part of)."""
    rng = random.Random(f"{seed}:{event}")
    sentences: list[str] = []
    # 24 sentences drawn from all bodies, so that two events seldom share one: the pool is small
    # (about 1,300 sentences), and events that share their sentences are one event to any reader.
    everything = [s for body in pool for s in body]
    sentences = rng.sample(everything, 24)
    sentences = [_rename(s, event) for s in sentences]
    place = _name("Place", event)
    title = f"{place}: " + " ".join(sentences[0].split()[:9]).rstrip(",.;:")
    # Two events a day.
    day = START + dt.timedelta(days=event // 2)
    return title, day, sentences


def outlet_text(title: str, day: dt.date, sentences: list[str], outlet: str, pool: list[list[str]], rng) -> str:
    told = [_vary(s, rng) for s in sentences if rng.random() > 0.2]
    extra = rng.choice(pool)
    for s in rng.sample(extra, min(2, len(extra))):
        told.insert(rng.randrange(len(told) + 1), s)
    paragraphs = [" ".join(told[i : i + 2]) for i in range(0, len(told), 2)]
    if len(paragraphs) > 3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    head = [rng.choice(_MENUS), "", title, "", f"By {_name('Reporter', rng.randrange(10**6))} Staff", day.strftime("%B %d, %Y").replace(" 0", " "), "", ""]  # fmt: skip
    tail = ["", *rng.sample(_SHARE, 2), "", rng.choice(_TAIL), f"© {day.year} {outlet}. All rights reserved."]
    return "\n".join(head) + "\n\n".join(paragraphs) + "\n" + "\n".join(tail) + "\n"


def files(pool: list[list[str]], events: range, outlets: int, seed: int = 1) -> Iterator[tuple[str, str, str, str]]:
    """(file name, text, gold event, outlet) for each outlet's report of each event."""
    for event in events:
        title, day, sentences = event_story(pool, event, seed)
        rng = random.Random(f"{seed}:{event}:outlets")
        for outlet in rng.sample(OUTLETS, min(outlets, len(OUTLETS))):
            name = hashlib.sha256(f"{seed}:{event}:{outlet}".encode()).hexdigest()[:12] + ".txt"
            yield name, outlet_text(title, day, sentences, outlet, pool, rng), f"G{event}", outlet


def write(data: Path, out: Path, events: int, outlets: int = 10, seed: int = 1, first: int = 0) -> dict[str, str]:
    """Write the corpus into ``out`` (one folder per 1,000 files) and merge its gold into out/gold.json."""
    out.mkdir(parents=True, exist_ok=True)
    gold_path = out / "gold.json"
    gold: dict[str, str] = json.loads(gold_path.read_text()) if gold_path.exists() else {}
    pool = bodies(data)
    for n, (name, text, event, _outlet) in enumerate(files(pool, range(first, first + events), outlets, seed)):
        folder = out / "corpus" / f"{(first * outlets + n) // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        gold[str(folder / name)] = event
    gold_path.write_text(json.dumps(gold, indent=0, sort_keys=True), encoding="utf-8")
    return gold


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--data", default="../shared/bench")
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args(argv)
    write(Path(args.data), Path(args.out), args.events, args.outlets, args.seed, args.first)


if __name__ == "__main__":
    main()
