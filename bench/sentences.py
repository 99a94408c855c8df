"""Sentence splitter: speed on one core and boundary errors on real news sentences.

- Speed: the BASIL dev bodies (150 articles, NYT/Fox/HuffPost), repeated to about 5 MB, split
  paragraph by paragraph through ``split_sentences``; the fastest of several rounds, one core.
- False splits: every MRPC string is one news sentence (a few hold two); count the strings split
  in more than one.
- Missed boundaries: join each MRPC sentence to the next with a space and count the joins where
  the splitter does not give back exactly the two sentences.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from .common import need
from .speed import one_core

COMMAND = "python -m bench ../shared/bench --only sentences"
TARGET_BYTES = 5_000_000
ROUNDS = 5


def _basil_paragraphs(data: Path) -> list[str]:
    paragraphs = []
    for path in sorted(need(data / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs += [p if isinstance(p, str) else " ".join(p) for p in doc.get("body-paragraphs") or []]
    return paragraphs


def _mrpc_sentences(data: Path) -> list[str]:
    lines = need(data / "mrpc" / "train.tsv").read_text(encoding="utf-8-sig").splitlines()[1:]
    return [s.strip() for line in lines for s in line.split("\t")[3:5]]


def run(data: Path) -> str:
    from srccompare.nlp.sentences import sentence_spans, split_sentences

    base = _basil_paragraphs(data)
    size = sum(len(p.encode("utf-8")) for p in base)
    paragraphs = base * max(1, TARGET_BYTES // max(size, 1))
    total = sum(len(p.encode("utf-8")) for p in paragraphs)
    with one_core():
        split_sentences(base)
        rounds = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            count = len(split_sentences(paragraphs))
            rounds.append(time.perf_counter() - start)
    best = min(rounds)

    sentences = _mrpc_sentences(data)
    split = [s for s in sentences if len(sentence_spans(s)) > 1]
    single = [s for s in sentences if len(sentence_spans(s)) == 1]
    missed = 0
    for a, b in zip(single, single[1:]):
        text = f"{a} {b}"
        if [text[x:y] for x, y in sentence_spans(text)] != [a, b]:
            missed += 1

    return "\n".join(
        [
            "## Sentence splitter",
            "",
            "| measure | figure |",
            "|---|---|",
            f"| speed, BASIL bodies repeated ({total / 1e6:.1f} MB), one core | "
            f"{total / best / 1e6:.1f} MB/s ({count / best:,.0f} sentences/s) |",
            f"| MRPC strings split in two or more | {len(split)} of {len(sentences):,} |",
            f"| MRPC sentence joins not split exactly | {missed} of {len(single) - 1:,} |",
            "",
            f"Command: `{COMMAND}`. For scale, shared/notes/perf-anchors.md measured blingfire at 13.8 MB/s,"
            " syntok 0.71 and pysbd 0.30 on another 5 MB news text and machine.",
            "",
        ]
    )
