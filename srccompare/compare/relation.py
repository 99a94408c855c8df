"""How two sentences relate: equivalent, divergent or unrelated, with a probability-like score.

The score is a logistic regression over a handful of rapidfuzz similarities of the normalised
tokens (``srccompare.nlp.tokens``), fitted on MRPC by ``bench/fit_relation.py``; the fitted numbers
live in ``weights.py``. The same features are computed two ways that give the same numbers: one
pair at a time in plain Python (``sentence_relation``), and as whole matrices with
``rapidfuzz.process.cdist`` and numpy for the aligner (``score_matrix``, ``relation_matrix``).

Features of two normalised sentences (chosen by 5-fold cross-validation on MRPC train; each
similarity is in [0, 1], each gap a count capped at 3):
  char           character-level Indel similarity of the normalised strings (appreciate / appreciates)
  token          Indel similarity of the token sequences (shared words in the same order)
  token_set      rapidfuzz's token_set_ratio (one sentence contained in the other scores high)
  bigram         Dice overlap of the sets of token bigrams (shared phrasing)
  trigram        Dice overlap of the sets of token trigrams
  partial        rapidfuzz's partial_ratio (the shorter sentence inside the longer)
  length_gap     difference in token counts, in tens
  number_clash   both sentences give numbers and they are not the same set
  number_gap     the number sets differ, one side possibly having none
  cover_max      shared content words over the smaller content-word set
  extra_min      content words of the shorter side that the other lacks, in fives
  stem_cover     shared five-letter stems of content words over the larger stem set

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
from typing import TYPE_CHECKING, NamedTuple

from ..model import Relation
from ..nlp.tokens import STOP_WORDS, normalise
from . import weights as W

if TYPE_CHECKING:
    import numpy as np

FEATURES = (
    "char", "token", "token_set", "bigram", "trigram", "partial", "length_gap",
    "number_clash", "number_gap", "cover_max", "extra_min", "stem_cover",
)
_CONTENT_STOP = STOP_WORDS - frozenset("no nor not could should would will can".split())
_STEM = 5
# Token ids become characters from the supplementary planes so that rapidfuzz compares token
# sequences, and sorted sets of tokens, n-grams or stems, as strings: no surrogates, and room
# for a million distinct items.
_BASE = 0x10000


class _Encoded(NamedTuple):
    seq: str  # the tokens in order
    content: str  # the content-word set, sorted
    numbers: str
    bigrams: str
    trigrams: str
    stems: str
    n_tokens: int
    n_content: int
    n_stems: int


class _Encoder:
    """Maps tokens, n-grams and stems to single characters, shared by one comparison's sentences."""

    def __init__(self) -> None:
        self.ids: dict[object, str] = {}

    def char(self, item: object) -> str:
        c = self.ids.get(item)
        if c is None:
            c = self.ids[item] = chr(_BASE + len(self.ids))
        return c

    def set_of(self, items) -> str:
        return "".join(sorted({self.char(i) for i in items}))

    def encode(self, norm: str) -> _Encoded:
        toks = norm.split()
        content = [t for t in toks if t not in _CONTENT_STOP]
        content_set = self.set_of(content)
        stems = self.set_of(("stem", t[:_STEM]) for t in content)
        return _Encoded(
            "".join([self.char(t) for t in toks]),
            content_set,
            self.set_of(t for t in toks if t[0].isdigit()),
            self.set_of(zip(toks, toks[1:])),
            self.set_of(zip(toks, toks[1:], toks[2:])),
            stems,
            len(toks),
            len(content_set),
            len(stems),
        )


def _shared(dice: float, n_a: int, n_b: int) -> int:
    # On two sorted sets the longest common subsequence is the intersection, so the Indel
    # similarity rapidfuzz returns is the Dice coefficient and the intersection follows from it.
    return round(dice * (n_a + n_b) / 2)


def _combine(values: Sequence[float]) -> float:
    z = W.INTERCEPT + sum(w * v for w, v in zip(W.COEFFICIENTS, values))
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def pair_features(norm_a: str, norm_b: str) -> tuple[list[float], int, float]:
    """The feature vector of two non-empty normalised sentences, plus (shared content words,
    their share of the smaller content-word set) for the divergent band."""
    from rapidfuzz import fuzz

    enc = _Encoder()
    a = enc.encode(norm_a)
    b = enc.encode(norm_b)
    shared = _shared(fuzz.ratio(a.content, b.content) / 100.0, a.n_content, b.n_content)
    stems = _shared(fuzz.ratio(a.stems, b.stems) / 100.0, a.n_stems, b.n_stems)
    numbers = fuzz.ratio(a.numbers, b.numbers) / 100.0
    cover_max = shared / min(a.n_content, b.n_content) if a.n_content and b.n_content else 0.0
    values = [
        fuzz.ratio(norm_a, norm_b) / 100.0,
        fuzz.ratio(a.seq, b.seq) / 100.0,
        fuzz.token_set_ratio(norm_a, norm_b) / 100.0,
        fuzz.ratio(a.bigrams, b.bigrams) / 100.0,
        fuzz.ratio(a.trigrams, b.trigrams) / 100.0,
        fuzz.partial_ratio(norm_a, norm_b) / 100.0,
        min(abs(a.n_tokens - b.n_tokens) / 10.0, 3.0),
        1.0 if a.numbers and b.numbers and numbers < 1.0 else 0.0,
        1.0 if numbers < 1.0 else 0.0,
        cover_max,
        min((min(a.n_content, b.n_content) - shared) / 5.0, 3.0),
        stems / max(a.n_stems, b.n_stems) if a.n_stems and b.n_stems else 0.0,
    ]
    return values, shared, cover_max


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

    def cd(scorer, field=None):
        xs = a_norm if field is None else [getattr(e, field) for e in ea]
        ys = b_norm if field is None else [getattr(e, field) for e in eb]
        return process.cdist(xs, ys, scorer=scorer, workers=-1, dtype=np.float64) / 100.0

    def counts(field):
        return (
            np.array([getattr(e, field) for e in ea], dtype=np.float64)[:, None],
            np.array([getattr(e, field) for e in eb], dtype=np.float64)[None, :],
        )

    n_a, n_b = counts("n_tokens")
    c_a, c_b = counts("n_content")
    s_a, s_b = counts("n_stems")
    has_content = (c_a > 0) & (c_b > 0)
    has_stems = (s_a > 0) & (s_b > 0)
    shared = np.round(cd(fuzz.ratio, "content") * (c_a + c_b) / 2)
    stems = np.round(cd(fuzz.ratio, "stems") * (s_a + s_b) / 2)
    numbers = cd(fuzz.ratio, "numbers")
    has_a = np.array([bool(e.numbers) for e in ea])[:, None]
    has_b = np.array([bool(e.numbers) for e in eb])[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        cover_max = np.where(has_content, shared / np.minimum(c_a, c_b), 0.0)
        stem_cover = np.where(has_stems, stems / np.maximum(s_a, s_b), 0.0)
    features = [
        cd(fuzz.ratio),
        cd(fuzz.ratio, "seq"),
        cd(fuzz.token_set_ratio),
        cd(fuzz.ratio, "bigrams"),
        cd(fuzz.ratio, "trigrams"),
        cd(fuzz.partial_ratio),
        np.minimum(np.abs(n_a - n_b) / 10.0, 3.0),
        (has_a & has_b & (numbers < 1.0)).astype(np.float64),
        (numbers < 1.0).astype(np.float64),
        cover_max,
        np.minimum((np.minimum(c_a, c_b) - shared) / 5.0, 3.0),
        stem_cover,
    ]
    z = np.full(shared.shape, W.INTERCEPT, dtype=np.float64)
    for w, f in zip(W.COEFFICIENTS, features):
        z = z + w * f
    score = 1.0 / (1.0 + np.exp(-z))
    score = np.where((n_a == 0) | (n_b == 0), 0.0, score)
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
