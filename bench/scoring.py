"""The extraction metric of ../shared/bench/README.md: 4-token shingles, per-page P/R, means over pages.

Tokens are ``\\w+`` matches (Unicode, case kept). A text becomes a multiset of 4-token shingles; a
text of 1 to 3 tokens becomes one shingle of all its tokens. Overall precision averages only the
pages whose prediction has a shingle (an empty prediction costs recall, not precision); overall
recall averages the pages whose truth has a shingle.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class PageScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def predicted(self) -> bool:
        """Whether the prediction has a shingle (only those pages count in the precision mean)."""
        return self.tp + self.fp > 0

    @property
    def expected(self) -> bool:
        """Whether the truth has a shingle (only those pages count in the recall mean)."""
        return self.tp + self.fn > 0


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def page_scores(pred: str, truth: str) -> PageScore:
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    return PageScore(tp=tp, fp=sum(p.values()) - tp, fn=sum(t.values()) - tp)


def aggregate(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) over (prediction, truth) pairs, one pair per page."""
    scores = [page_scores(pred, truth) for pred, truth in pairs]
    return aggregate_scores(scores)


def aggregate_scores(scores: Iterable[PageScore]) -> tuple[float, float, float]:
    scores = list(scores)
    precisions = [s.precision for s in scores if s.predicted]
    recalls = [s.recall for s in scores if s.expected]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1
