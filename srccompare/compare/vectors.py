"""TF-IDF vectors of articles and their cosine similarities, for grouping articles into events.

The weights come from the articles being compared: a word every article uses (the story's topic,
"Putin", "Korea") weighs little, and the words one event's articles share (a place, a forum, a
number of agencies) weigh most. numpy is imported only here, when a comparison runs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

# English function words plus the verbs and honorifics of news attribution, which say nothing
# about what happened. Other languages keep all their words and rely on the IDF weights.
STOP_WORDS = frozenset(
    """
a about above after again against all almost also although always am among an and another any
anyone anything are around as at back be became because become been before being below between
both but by can cannot could did do does doing done down during each either else enough even ever
every few for from further get gets got had has have having he her here hers herself him himself
his how however i if in into is it its itself just last least less let like made make many may me
might more most much must my myself neither never next no nor not now of off often on once one
only or other others our ours ourselves out over own per perhaps rather same shall she should
since so some still such than that the their theirs them themselves then there these they this
those though through thus to too under until up upon us very was we well were what whatever when
where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves
said says say saying told tell according added asked mr mrs ms dr
""".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _stem(word: str) -> str:
    # Just enough folding for plural and possessive forms to meet their singular.
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            word = word[: -len(tail)]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _content(word: str) -> str:
    """``word`` folded, or "" when it is a stop word."""
    if len(word) < 2 or word in STOP_WORDS:
        return ""
    word = _stem(word)
    return "" if word in STOP_WORDS else word


def content_words(text: str) -> list[str]:
    """Lower-cased, lightly stemmed words of ``text`` that are not stop words."""
    return [w for w in map(_content, _WORD.findall(text.lower())) if w]


def terms(text: str) -> list[str]:
    """Content words of ``text`` and the pairs of neighbouring content words.

    A pair ("st petersburg", "fifth term") names a particular of one event far more often than
    either word alone, which a whole story shares.
    """
    words = content_words(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def tfidf(documents: Sequence[Sequence[Sequence[str]]]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors of documents given as lists of passages (paragraphs) of terms.

    Term frequency is sublinear, per document. Document frequency is counted over passages, not
    documents: a handful of articles on one story still has dozens of paragraphs, so the words
    the whole story uses ("Putin", "sanctions") are told from one event's particulars even when
    there are only three or five articles to compare.
    """
    counts = [Counter(t for passage in doc for t in passage) for doc in documents]
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        for passage in doc:
            df.update(set(passage))
            n += 1
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    vectors = []
    for c in counts:
        v = {t: (1.0 + math.log(k)) * idf[t] for t, k in c.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        vectors.append({t: w / norm for t, w in v.items()})
    return vectors


# Terms in at most this many documents are multiplied out pair by pair; the common rest, as dense
# blocks. Most terms (word pairs especially) are rare, so both parts stay small on big corpora.
SPARSE_MAX_DF = 16


def cosine_matrix(vectors: Sequence[dict[str, float]], block: int = 2048):
    """Pairwise cosine similarities of normalised sparse vectors, as an n x n numpy array."""
    import numpy as np

    n = len(vectors)
    postings: dict[str, list[tuple[int, float]]] = {}
    for row, v in enumerate(vectors):
        for t, w in v.items():
            postings.setdefault(t, []).append((row, w))
    by_df: dict[int, list[list[tuple[int, float]]]] = {}
    common = []
    # A term in one document only adds nothing to any dot product: leave it out.
    for _, posting in sorted(postings.items()):
        if len(posting) > SPARSE_MAX_DF:
            common.append(posting)
        elif len(posting) > 1:
            by_df.setdefault(len(posting), []).append(posting)

    flat = np.zeros(n * n)
    for k, group in by_df.items():
        step = max(1, 2_000_000 // (k * k))
        for first in range(0, len(group), step):
            arr = np.array(group[first : first + step])  # terms x k x (row, weight)
            rows, weights = arr[..., 0].astype(np.int64), arr[..., 1]
            index = rows[:, :, None] * n + rows[:, None, :]
            flat += np.bincount(index.ravel(), (weights[:, :, None] * weights[:, None, :]).ravel(), n * n)
    sims = flat.reshape(n, n)
    for first in range(0, len(common), block):
        chunk = common[first : first + block]
        dense = np.zeros((n, len(chunk)))
        for col, posting in enumerate(chunk):
            rows, weights = zip(*posting)
            dense[list(rows), col] = weights
        sims += dense @ dense.T
    np.fill_diagonal(sims, 1.0)
    return np.clip(sims, 0.0, 1.0)
