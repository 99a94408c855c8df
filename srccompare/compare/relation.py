"""How two sentences relate: equivalent, divergent or unrelated, with a probability-like score.

The score is a logistic regression over a handful of rapidfuzz similarities of the normalised
tokens (``srccompare.nlp.tokens``), fitted on MRPC by ``bench/fit_relation.py``; the fitted numbers
live in ``weights.py``. The same features are computed two ways that give the same numbers: one
pair at a time in plain Python (``sentence_relation``), and as whole matrices with
``rapidfuzz.process.cdist`` and numpy for the aligner (``score_matrix``, ``relation_matrix``).

Features of two normalised sentences, chosen by repeated 5-fold cross-validation on MRPC train among
rapidfuzz scores that cdist computes fast (character and token Indel, set overlaps); token_set_ratio
and partial_ratio added 0.003 accuracy for ten times the cost, so they are not used. Similarities
are in [0, 1]; the length gap is in tens of tokens, capped at 3:
  char           character-level Indel similarity of the normalised strings (appreciate / appreciates)
  bigram         Dice overlap of the sets of token bigrams (shared phrasing)
  trigram        Dice overlap of the sets of token trigrams
  length_gap     difference in token counts
  number_gap     1 when the number sets differ (one side possibly having none), else 0
  cover_max      shared content words over the smaller content-word set
  lcs_min        longest common token subsequence over the shorter sentence's length
  lcs_max        the same over the longer sentence's length
  set_cover      shared distinct tokens over the smaller token set
  set_dice       Dice overlap of the token sets

Bands (numbers in ``weights.py``, chosen by the fit script):
  equivalent  score >= EQUIVALENT (0.55): MRPC's "same thing" class; the threshold maximises
              training accuracy.
  divergent   not equivalent, but the two share a fact core (one side adds, drops, hedges or
              frames something): score >= CORE, the score 95% of MRPC's non-equivalent pairs
              reach (about 0.15; 0.1% of randomly mismatched pairs do), or at least CORE_WORDS (4)
              shared content words making up at least CORE_COVER (half) of the smaller sentence's
              content words, which catches a short sentence inside a long one that adds detail.
  unrelated   otherwise, and whenever a sentence has no tokens (score 0).
A pair that differs only in its numbers or in a negation is divergent whatever its score
(``changes_fact``).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .. import data
from ..model import Relation, RelationKind
from ..nlp.memo import on_clear
from ..nlp.tokens import CONTENT_STOP, normalise
from . import weights as W
from .fuzzy import cdist_workers

if TYPE_CHECKING:
    import numpy as np

FEATURES = (
    "char",
    "bigram",
    "trigram",
    "length_gap",
    "number_gap",
    "cover_max",
    "lcs_min",
    "lcs_max",
    "set_cover",
    "set_dice",
)
# Token ids become characters from the supplementary planes so that rapidfuzz compares token
# sequences, and sorted sets of tokens or n-grams, as strings: no surrogates, and room for a
# million distinct items. On two sorted sets the longest common subsequence is the
# intersection, so Indel similarity (twice the LCS) counts shared items.
_BASE = 0x10000


class _Encoded(NamedTuple):
    seq: str  # the tokens in order, one character each
    tokens: frozenset[str]  # the sets, as characters (n-grams as strings of characters)
    content: frozenset[str]
    numbers: frozenset[str]
    bigrams: frozenset[str]
    trigrams: frozenset[str]


class _Ids(dict):
    """Item -> its character, a new one for an item not seen before."""

    def __missing__(self, item: str) -> str:
        c = self[item] = chr(_BASE + len(self))
        return c


class _Encoder:
    """Maps tokens to single characters.

    One encoder serves the whole process, so a sentence seen before (the aligner and the
    classifier meet each sentence many times) is encoded once: ``encode`` is cached. When the
    characters run out, the encoder starts again with an empty vocabulary and cache.
    """

    LIMIT = 0x110000 - _BASE

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self._reset()

    def _reset(self) -> None:
        self.generation += 1
        self.tokens = _Ids()
        self.cache: dict[str, _Encoded] = {}

    def encode(self, norm: str) -> _Encoded:
        hit = self.cache.get(norm)
        if hit is not None:
            return hit
        with self.lock:
            toks = norm.split()
            if len(self.tokens) + len(toks) >= self.LIMIT:
                self._reset()
            seq = "".join(map(self.tokens.__getitem__, toks))
            encoded = _Encoded(
                seq,
                frozenset(seq),
                frozenset([c for c, t in zip(seq, toks) if t not in CONTENT_STOP]),
                frozenset([c for c, t in zip(seq, toks) if t[0].isdigit()]),
                frozenset([seq[i : i + 2] for i in range(len(seq) - 1)]),
                frozenset([seq[i : i + 3] for i in range(len(seq) - 2)]),
            )
            if len(self.cache) >= _CACHE:
                self.cache.clear()
            self.cache[norm] = encoded
            return encoded

    def encode_all(self, norms: Sequence[str]) -> list[_Encoded]:
        """Encodings that all come from one vocabulary (encoded again if it was reset meanwhile)."""
        while True:
            generation = self.generation
            out = [self.encode(n) for n in norms]
            if generation == self.generation:
                return out


_CACHE = 1 << 16
_ENCODER = _Encoder()


def clear_caches() -> None:
    """Forget every cached normalisation and encoding (for timing, or to free memory)."""
    normalise.cache_clear()
    _forget_encodings()


def _forget_encodings() -> None:
    with _ENCODER.lock:
        _ENCODER._reset()


on_clear(_forget_encodings)  # normalise is a per-sentence cache of its own


def _combine(values: Sequence[float]) -> float:
    z = W.INTERCEPT + sum(w * v for w, v in zip(W.COEFFICIENTS, values))
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _dice(shared: int, n_a: int, n_b: int) -> float:
    return 2 * shared / (n_a + n_b) if n_a + n_b else 1.0


def pair_features(norm_a: str, norm_b: str) -> tuple[list[float], int, float]:
    """The feature vector of two non-empty normalised sentences, plus (shared content words,
    their share of the smaller content-word set) for the divergent band."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    a, b = _ENCODER.encode_all((norm_a, norm_b))
    n_a, n_b = len(a.seq), len(b.seq)
    lcs = Indel.similarity(a.seq, b.seq) / 2
    shared = len(a.content & b.content)
    c_a, c_b = len(a.content), len(b.content)
    cover_max = shared / min(c_a, c_b) if c_a and c_b else 0.0
    t_a, t_b = len(a.tokens), len(b.tokens)
    shared_tokens = len(a.tokens & b.tokens)
    values = [
        fuzz.ratio(norm_a, norm_b) / 100.0,
        _dice(len(a.bigrams & b.bigrams), len(a.bigrams), len(b.bigrams)),
        _dice(len(a.trigrams & b.trigrams), len(a.trigrams), len(b.trigrams)),
        min(abs(n_a - n_b) / 10.0, 3.0),
        0.0 if a.numbers == b.numbers else 1.0,
        cover_max,
        lcs / min(n_a, n_b),
        lcs / max(n_a, n_b),
        shared_tokens / min(t_a, t_b),
        2 * shared_tokens / (t_a + t_b),
    ]
    return values, shared, cover_max


# Words that reverse what a sentence says when one side adds or drops them.
_NEGATIONS = frozenset(data.load("lexicon")["relation"]["negations"].split())
# "won't" is "will not": the stems a contraction does not show.
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}


def _expanded(tokens: list[str]) -> list[str]:
    out = []
    for t in tokens:
        if t.endswith("n't") and len(t) > 3:
            stem = t[:-3]
            out += [_CONTRACTED.get(stem, stem), "not"]
        else:
            out.append(t)
    return out


def _number_value(token: str) -> float | None:
    try:
        return float(token.rstrip("%"))
    except ValueError:
        return None


def changes_fact(norm_a: str, norm_b: str) -> bool:
    """Whether two normalised sentences differ only in their numbers or in a negation: the same
    words telling another fact ("killed 12" / "killed 21", "will approve" / "will not approve").

    The fitted score rates such pairs as near-identical, and rightly for MRPC, whose equivalent pairs
    differ in numbers only alongside other rewording (times of day, rounding, word numbers); none
    of its 4,076 pairs differs by a number or a negation alone. So this narrow test changes no MRPC
    answer and keeps the contract: one side telling another number or the opposite is divergent.
    """
    from rapidfuzz.distance import Indel

    ta, tb = _expanded(norm_a.split()), _expanded(norm_b.split())
    only_a: list[str] = []
    only_b: list[str] = []
    for op in Indel.opcodes(ta, tb):
        if op.tag != "equal":
            only_a += ta[op.src_start : op.src_end]
            only_b += tb[op.dest_start : op.dest_end]
    changed = only_a + only_b
    if not changed:
        return False
    if all(t in _NEGATIONS for t in changed):
        return True
    values_a = [_number_value(t) for t in only_a]
    values_b = [_number_value(t) for t in only_b]
    if only_a and only_b and None not in values_a and None not in values_b:
        return sorted(v for v in values_a if v is not None) != sorted(v for v in values_b if v is not None)
    return False


def _kind(score: float, shared: int, cover_max: float) -> RelationKind:
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
    kind = _kind(score, shared, cover_max)
    if kind == "equivalent" and changes_fact(norm_a, norm_b):
        kind = "divergent"
    return Relation(kind, score)


def sentence_relation(a: str, b: str) -> Relation:
    """equivalent: same fact, no meaningful difference; divergent: same fact core, one side adds,
    drops, hedges or frames something; unrelated otherwise. ``score`` in [0, 1] is the fitted
    probability that the two tell the same fact."""
    return relation_of_normalised(normalise(a), normalise(b))


def _matrices(a_norm: Sequence[str], b_norm: Sequence[str]):
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Indel

    both = _ENCODER.encode_all([*a_norm, *b_norm])
    ea, eb = both[: len(a_norm)], both[len(a_norm) :]
    workers = cdist_workers(len(ea), len(eb))
    # Sets become sorted strings of characters, n-grams getting characters of their own for
    # this call: on two sorted sets the Indel similarity is twice the intersection.
    grams = _Ids()

    def as_string(items: frozenset[str], field: str) -> str:
        return "".join(sorted(map(grams.__getitem__, items) if field.endswith("grams") else items))

    def twice_shared(field: str) -> np.ndarray:
        if field == "seq":
            xs, ys = [e.seq for e in ea], [e.seq for e in eb]
        else:
            xs = [as_string(getattr(e, field), field) for e in ea]
            ys = [as_string(getattr(e, field), field) for e in eb]
        return process.cdist(xs, ys, scorer=Indel.similarity, workers=workers, dtype=np.int32).astype(np.float64)

    def sizes(field: str) -> tuple[np.ndarray, np.ndarray]:
        return (
            np.array([len(getattr(e, field)) for e in ea], dtype=np.float64)[:, None],
            np.array([len(getattr(e, field)) for e in eb], dtype=np.float64)[None, :],
        )

    def dice(field: str) -> np.ndarray:
        x, y = sizes(field)
        total = x + y
        return np.where(total > 0, twice_shared(field) / np.where(total > 0, total, 1.0), 1.0)

    n_a, n_b = sizes("seq")
    c_a, c_b = sizes("content")
    t_a, t_b = sizes("tokens")
    short, long = np.minimum(n_a, n_b), np.maximum(n_a, n_b)
    ok = short > 0
    safe = np.where(ok, short, 1.0)
    c_min = np.minimum(c_a, c_b)
    t_min = np.minimum(t_a, t_b)
    lcs = twice_shared("seq") / 2
    shared = twice_shared("content") // 2
    shared_tokens = twice_shared("tokens") / 2
    cover_max = np.where(c_min > 0, shared / np.where(c_min > 0, c_min, 1.0), 0.0)
    numbers = twice_shared("numbers")
    num_a, num_b = sizes("numbers")
    features = [
        process.cdist(a_norm, b_norm, scorer=fuzz.ratio, workers=workers, dtype=np.float64) / 100.0,
        dice("bigrams"),
        dice("trigrams"),
        np.minimum(np.abs(n_a - n_b) / 10.0, 3.0),
        np.where((numbers == num_a + num_b) & (num_a == num_b), 0.0, 1.0),
        cover_max,
        lcs / safe,
        lcs / np.where(ok, long, 1.0),
        shared_tokens / np.where(t_min > 0, t_min, 1.0),
        2 * shared_tokens / np.where(t_a + t_b > 0, t_a + t_b, 1.0),
    ]
    z = np.full(lcs.shape, W.INTERCEPT, dtype=np.float64)
    for w, f in zip(W.COEFFICIENTS, features):
        z = z + w * f
    with np.errstate(over="ignore"):
        score = np.where(ok, 1.0 / (1.0 + np.exp(-z)), 0.0)
    return score, shared, cover_max


def score_matrix(a_norm: Sequence[str], b_norm: Sequence[str]) -> np.ndarray:
    """Scores of every pair (rows: ``a_norm``, columns: ``b_norm``) of normalised sentences, equal
    (to rounding) to ``sentence_relation(a, b).score``; no Python loop over pairs."""
    import numpy as np

    if not a_norm or not b_norm:
        return np.zeros((len(a_norm), len(b_norm)))
    return _matrices(a_norm, b_norm)[0]


_KIND_NAMES = ("equivalent", "divergent", "unrelated")


def relation_matrix(a_norm: Sequence[str], b_norm: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(scores, kinds) of every pair of normalised sentences; kinds holds "equivalent",
    "divergent" or "unrelated" as ``sentence_relation`` would say."""
    import numpy as np

    if not a_norm or not b_norm:
        shape = (len(a_norm), len(b_norm))
        return np.zeros(shape), np.full(shape, "unrelated", dtype="<U10")
    score, shared, cover_max = _matrices(a_norm, b_norm)
    names = np.array(_KIND_NAMES, dtype="<U10")
    core = (score >= W.CORE) | ((shared >= W.CORE_WORDS) & (cover_max >= W.CORE_COVER))
    codes = np.where(score >= W.EQUIVALENT, 0, np.where(core, 1, 2))
    # Only the pairs scored equivalent are read again, word by word.
    for i, j in zip(*np.nonzero(codes == 0)):
        if changes_fact(a_norm[i], b_norm[j]):
            codes[i, j] = 1
    return score, names[codes]
