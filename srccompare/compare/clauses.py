"""Clause members: n-to-m alignment by the clause (the aligner's last step; ``align``). A clause of a longer sentence
that tells another article's sentence joins that sentence's groups as a unit of its own whose text is the clause
("More than 50 firefighters tackled the blaze, | which broke out on the roof of the supermarket at about 2045 GMT"
tells the time another outlet gives alone). The numbers it uses (``CLAUSE_WORDS``, ``LINK_MUTUAL``, ``BEST_MARGIN``,
``SCORE_BAND_CELLS``) are documented with the aligner's in ``align``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..nlp.tokens import aligned_words
from .align import BEST_MARGIN, CLAUSE_WORDS, LINK_MUTUAL, SCORE_BAND_CELLS, _Scorer, word_frequency
from .units import CLAIM_WORD, Unit

if TYPE_CHECKING:
    from .align import _CrossScores


@lru_cache(maxsize=1)
def _clause_split() -> re.Pattern[str]:
    from .. import data

    breaks = "|".join(sorted(data.words("sentences", "clause_breaks")))
    # A comma, semicolon or colon before a space, but not inside a figure ("5:30 p.m.", "1, 500" re-spaced); a
    # dash or a bracket; or a space before a clause break.
    return re.compile(rf"(?<!\d)[,;:]\s+|[,;:]\s+(?!\d)|\s*[()\u2014\u2013]\s*|\s+(?=(?:{breaks})\b)")


@lru_cache(maxsize=1)
def _not_a_claim() -> frozenset[str]:
    """Words that tell who says a thing, not what: "which was first reported by TMZ. com", "police said"."""
    from ..nlp.tokens import STOP_WORDS
    from .lexicon import ATTRIBUTION, GENERIC_SOURCES, SOURCE_VERBS

    return frozenset(STOP_WORDS | set(ATTRIBUTION) | SOURCE_VERBS | GENERIC_SOURCES | {"according"})


@lru_cache(maxsize=1)
def _source_clause() -> re.Pattern[str]:
    from .. import data

    cues = sorted(data.load("sentences")["source_clauses"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


# A quotation within a sentence: a clause is never cut out of one (a piece of a quotation is no quotation).
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def clauses_of(text: str) -> list[str]:
    """The clauses of a sentence (verbatim pieces of it) with CLAUSE_WORDS lower-case content words or more that
    tell a claim, not its source (nor open with a source: sentences.toml ``source_clauses``), and that cut no
    quotation; none when it has fewer than two such clauses (a sentence of one clause is compared whole)."""
    skip = _not_a_claim()
    sources = _source_clause()
    quoted = [m.span() for m in _QUOTED.finditer(text)] if any(c in text for c in '"“”') else []
    found = []
    begin = 0
    for cut in [*_clause_split().finditer(text), None]:
        lo, hi = begin, cut.start() if cut is not None else len(text)
        begin = cut.end() if cut is not None else hi
        piece = text[lo:hi]
        if not piece or len({w for w in CLAIM_WORD.findall(piece) if w not in skip}) < CLAUSE_WORDS:
            continue
        if sources.match(piece):
            continue  # "According to the officers involved in the shooting": who tells it, not what
        if any(a < hi and lo < b and not (lo <= a and b <= hi) for a, b in quoted) or piece.count('"') % 2:
            continue  # it cuts a quotation
        found.append(piece)
    return found if len(found) >= 2 else []


def clause_members(units: list[Unit], groups: dict[int, list[int]], scores: _CrossScores) -> list[Unit]:
    """n-to-m by the clause (CLAUSE_WORDS): each clause of a longer sentence that tells another article's
    sentence joins that sentence's groups where its article has no sentence yet, as a unit of its own whose text
    is the clause. Returns those units (numbered after ``units``, as the groups refer to them). Scored
    SCORE_BAND_CELLS pairs at a time: memory grows with the sentences, not with their square."""
    import numpy as np

    found = [(k, c) for k, u in enumerate(units) for c in clauses_of(u.text)]
    if not found:
        return []
    clauses = [Unit(units[k].article, units[k].sentence, c, aligned_words(c), (), part=True) for k, c in found]
    n = len(units)
    everyone = [*units, *clauses]
    # The linking step's scorer, extended by the clauses: the units are not encoded again.
    try:
        scorer = (
            scores.scorer.extended(clauses) if scores.scorer is not None else _Scorer(everyone, word_frequency(units))
        )
    except OverflowError:
        scorer = _Scorer(everyone, word_frequency(units))
    article = scores.article
    starts = np.searchsorted(article, np.arange(article.max() + 1))
    of = np.array([k for k, _ in found], dtype=np.int64)
    step = max(1, SCORE_BAND_CELLS // max(1, n))
    # Each clause's best sentence of another article, and its score.
    best = np.zeros(len(clauses), dtype=np.int64)
    top = np.zeros(len(clauses), dtype=np.float32)
    for lo in range(0, len(clauses), step):
        rows = np.arange(lo, min(lo + step, len(clauses)))
        score, _ = scorer.block(n + rows, np.arange(n), covers=False)
        score[article[of[rows]][:, None] == article[None, :]] = 0.0
        best[rows] = score.argmax(axis=1)
        top[rows] = score[np.arange(len(rows)), best[rows]]
    hits = np.nonzero(top >= LINK_MUTUAL)[0]
    if not len(hits):
        return clauses
    # The best score of each of those sentences with each article's whole sentences: the clause must tell the
    # sentence no worse than its own article's sentences do (a sentence whose copy stands in the other article is
    # linked whole already).
    targets = np.unique(best[hits])
    per_article = np.zeros((len(targets), len(starts)), dtype=np.float32)
    for at, band in scores.bands(targets):  # the linking step's own scores, kept or read again
        per_article[at] = np.maximum.reduceat(band, starts, axis=1)
    rival = per_article[np.searchsorted(targets, best[hits]), article[of[hits]]]
    groups_of: dict[int, list[int]] = {}
    for g, ks in groups.items():
        for k in ks:
            groups_of.setdefault(k, []).append(g)
    # Strongest first: where a clause of each of two sentences tells the other, the stronger join alone is made, or
    # the two sentences would make two groups of the same pair (one with each as the clause).
    joined: set[tuple[int, int]] = set()  # (sentence of the clause, sentence it tells)
    kept = hits[top[hits] + BEST_MARGIN >= rival]
    for r in kept[np.argsort(-top[kept], kind="stable")]:
        home, target = int(of[r]), int(best[r])
        if (target, home) in joined:
            continue
        for g in groups_of.get(target, ()):
            if all(everyone[m].article != units[home].article for m in groups[g]):
                groups[g].append(n + int(r))
                joined.add((home, target))
    return clauses
