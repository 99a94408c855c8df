"""How two sentences relate: equivalent, divergent or unrelated, with a probability-like score.

The score is a logistic regression over a handful of rapidfuzz similarities of the normalised
tokens (``srccompare.nlp.tokens``), fitted on MRPC by ``bench/fit_relation.py``; the fitted numbers
live in ``weights.py``. The same features are computed two ways that give the same numbers: one
pair at a time in plain Python (``sentence_relation``), and as whole matrices with
``rapidfuzz.process.cdist`` and numpy for the aligner (``score_matrix``, ``relation_matrix``).

Features, each in [0, 1], of two normalised sentences:
  char       character-level Indel similarity of the normalised strings (catches appreciate/appreciates)
  token      Indel similarity of the token sequences (word order and shared words)
  token_set  rapidfuzz's token_set_ratio (one sentence contained in the other scores high)
  jaccard    Jaccard overlap of the content-word sets
  cover_min  shared content words over the larger set (how much nothing is added on either side)
  length     shorter token count over longer
  numbers    Dice overlap of the number sets, 1 when neither has a number

Bands (the thresholds are fitted too, see ``weights.py``):
  equivalent  score >= EQUIVALENT: MRPC's "same thing" class.
  divergent   not equivalent, but the two share a fact core: score >= CORE, or at least
              CORE_WORDS shared content words making up at least CORE_COVER of the shorter
              sentence's content words (one side adds, drops, hedges or frames something).
  unrelated   otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Relation
from ..nlp.tokens import STOP_WORDS, normalise
from . import weights as W

if TYPE_CHECKING:
    import numpy as np

FEATURES = ("char", "token", "token_set", "jaccard", "cover_min", "length", "numbers")
_CONTENT_STOP = STOP_WORDS - frozenset("no nor not could should would will can".split())
# Token ids become characters from the supplementary planes so that rapidfuzz compares token
# sequences as strings: no surrogates, and room for a million distinct tokens.
_BASE = 0x10000


class _Encoder:
    """Maps tokens to single characters, shared by every sentence of one comparison."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}

    def char(self, tok: str) -> str:
        c = self.ids.get(tok)
        if c is None:
            c = self.ids[tok] = chr(_BASE + len(self.ids))
        return c

    def encode(self, norm: str) -> tuple[str, str, str, int, int]:
        """(token sequence, sorted content-word set, sorted number set, #tokens, #content words)."""
        toks = norm.split()
        seq = "".join([self.char(t) for t in toks])
        content = sorted({self.char(t) for t in toks if t not in _CONTENT_STOP})
        nums = sorted({self.char(t) for t in toks if t[0].isdigit()})
        return seq, "".join(content), "".join(nums), len(toks), len(content)


def _combine(values: Sequence[float]) -> float:
    z = W.INTERCEPT + sum(w * v for w, v in zip(W.COEFFICIENTS, values))
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def pair_features(norm_a: str, norm_b: str) -> tuple[list[float], int, float]:
    """The feature vector of two normalised sentences, plus (shared content words, their share of
    the shorter sentence's content words) for the divergent band."""
    from rapidfuzz import fuzz

    enc = _Encoder()
    seq_a, con_a, num_a, n_a, c_a = enc.encode(norm_a)
    seq_b, con_b, num_b, n_b, c_b = enc.encode(norm_b)
    dice = fuzz.ratio(con_a, con_b) / 100.0
    shared, jaccard, cover_min, cover_max = _overlap(dice, c_a, c_b)
    values = [
        fuzz.ratio(norm_a, norm_b) / 100.0,
        fuzz.ratio(seq_a, seq_b) / 100.0,
        fuzz.token_set_ratio(norm_a, norm_b) / 100.0,
        jaccard,
        cover_min,
        min(n_a, n_b) / max(n_a, n_b),
        fuzz.ratio(num_a, num_b) / 100.0,
    ]
    return values, shared, cover_max


def _overlap(dice: float, c_a: int, c_b: int) -> tuple[int, float, float, float]:
    # On two sorted sets the longest common subsequence is the intersection, so the Indel
    # similarity rapidfuzz returns is the Dice coefficient and the intersection follows from it.
    if c_a == 0 or c_b == 0:
        return 0, 0.0, 0.0, 0.0
    shared = round(dice * (c_a + c_b) / 2)
    return shared, shared / (c_a + c_b - shared), shared / max(c_a, c_b), shared / min(c_a, c_b)


def _kind(score: float, shared: int, cover_max: float) -> str:
    if score >= W.EQUIVALENT:
        return "equivalent"
    if score >= W.CORE or (shared >= W.CORE_WORDS and cover_max >= W.CORE_COVER):
        return "divergent"
    return "unrelated"


def relation_of_normalised(norm_a: str, norm_b: str) -> Relation:
    """``sentence_relation`` for two strings already passed through ``normalise``."""
    if not norm_a or not norm_b:
        return Relation("unrelated", 0.0)
    if norm_b < norm_a:
        # Canonical order makes the relation exactly symmetric, float for float.
        norm_a, norm_b = norm_b, norm_a
    values, shared, cover_max = pair_features(norm_a, norm_b)
    score = _combine(values)
    return Relation(_kind(score, shared, cover_max), score)


def sentence_relation(a: str, b: str) -> Relation:
    """equivalent: same fact, no meaningful difference; divergent: same fact core, one side adds,
    drops, hedges or frames something; unrelated otherwise. ``score`` in [0, 1] is the fitted
    probability that the two tell the same fact."""
    return relation_of_normalised(normalise(a), normalise(b))


def _matrices(a_norm: Sequence[str], b_norm: Sequence[str]):
    import numpy as np
    from rapidfuzz import fuzz, process

    enc = _Encoder()
    ea = [enc.encode(s) for s in a_norm]
    eb = [enc.encode(s) for s in b_norm]

    def cd(scorer, xs, ys):
        return process.cdist(xs, ys, scorer=scorer, workers=-1, dtype=np.float64) / 100.0

    n_a = np.array([e[3] for e in ea], dtype=np.float64)[:, None]
    n_b = np.array([e[3] for e in eb], dtype=np.float64)[None, :]
    c_a = np.array([e[4] for e in ea], dtype=np.float64)[:, None]
    c_b = np.array([e[4] for e in eb], dtype=np.float64)[None, :]
    dice = cd(fuzz.ratio, [e[1] for e in ea], [e[1] for e in eb])
    has = (c_a > 0) & (c_b > 0)
    shared = np.where(has, np.round(dice * (c_a + c_b) / 2), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(has, shared / (c_a + c_b - shared), 0.0)
        cover_min = np.where(has, shared / np.maximum(c_a, c_b), 0.0)
        cover_max = np.where(has, shared / np.minimum(c_a, c_b), 0.0)
        length = np.where((n_a > 0) & (n_b > 0), np.minimum(n_a, n_b) / np.maximum(n_a, n_b), 0.0)
    features = [
        cd(fuzz.ratio, a_norm, b_norm),
        cd(fuzz.ratio, [e[0] for e in ea], [e[0] for e in eb]),
        cd(fuzz.token_set_ratio, a_norm, b_norm),
        jaccard,
        cover_min,
        length,
        cd(fuzz.ratio, [e[2] for e in ea], [e[2] for e in eb]),
    ]
    z = np.full(dice.shape, W.INTERCEPT, dtype=np.float64)
    for w, f in zip(W.COEFFICIENTS, features):
        z += w * f
    score = 1.0 / (1.0 + np.exp(-z))
    empty = (n_a == 0) | (n_b == 0)
    score = np.where(empty, 0.0, score)
    return score, shared, cover_max


def score_matrix(a_norm: Sequence[str], b_norm: Sequence[str]) -> np.ndarray:
    """Scores of every pair (rows: ``a_norm``, columns: ``b_norm``) of normalised sentences, equal
    (to rounding) to ``sentence_relation(a, b).score``; no Python loop over pairs."""
    import numpy as np

    if not a_norm or not b_norm:
        return np.zeros((len(a_norm), len(b_norm)))
    return _matrices(a_norm, b_norm)[0]


def relation_matrix(a_norm: Sequence[str], b_norm: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(scores, kinds) of every pair of normalised sentences; kinds holds "equivalent",
    "divergent" or "unrelated" as ``sentence_relation`` would say."""
    import numpy as np

    if not a_norm or not b_norm:
        shape = (len(a_norm), len(b_norm))
        return np.zeros(shape), np.full(shape, "unrelated", dtype="<U10")
    score, shared, cover_max = _matrices(a_norm, b_norm)
    core = (score >= W.CORE) | ((shared >= W.CORE_WORDS) & (cover_max >= W.CORE_COVER))
    kinds = np.where(score >= W.EQUIVALENT, "equivalent", np.where(core, "divergent", "unrelated"))
    return score, kinds.astype("<U10")
