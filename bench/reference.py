"""The plain reference for event grouping: TF-IDF of words, cosine, average linkage (numpy only).

What scikit-learn's ``TfidfVectorizer(stop_words="english")`` (lower case, ``\\b\\w\\w+\\b`` tokens, English
function words left out (srccompare's list), raw counts, smooth IDF, L2 norm) followed by ``AgglomerativeClustering(metric="cosine", linkage="average")`` does, written
out because scikit-learn is not a dependency. Bench data is small (hundreds of articles), so a dense
matrix is fine here; srccompare itself never builds one.

The clustering is run once to the end and its merges kept with their heights: average linkage never
merges at a greater height than a later merge (no inversions), so a cut at any threshold is the
prefix of merges at or above it, and a threshold sweep costs one run.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

TOKEN = re.compile(r"\b\w\w+\b")


def tfidf_cosine(texts: Sequence[str]):
    import numpy as np

    from srccompare.nlp.tokens import GROUPING_STOP_WORDS as STOP_WORDS

    counts = [Counter(w for w in TOKEN.findall(t.lower()) if w not in STOP_WORDS) for t in texts]
    vocab = {w: k for k, w in enumerate(sorted({w for c in counts for w in c}))}
    df = np.zeros(len(vocab))
    for c in counts:
        for w in c:
            df[vocab[w]] += 1
    n = len(texts)
    idf = np.log((1 + n) / (1 + df)) + 1.0
    dense = np.zeros((n, len(vocab)))
    for row, c in enumerate(counts):
        for w, k in c.items():
            dense[row, vocab[w]] = k * idf[vocab[w]]
    norms = np.linalg.norm(dense, axis=1)
    dense /= np.where(norms > 0, norms, 1.0)[:, None]
    sims = dense @ dense.T
    return sims


def merges(sims) -> list[tuple[float, int, int]]:
    """All merges of average linkage over a similarity matrix: (height, a, b), highest first."""
    import numpy as np

    n = sims.shape[0]
    avg = np.array(sims, dtype=np.float64)
    np.fill_diagonal(avg, -np.inf)
    sizes = np.ones(n)
    out = []
    alive = n
    while alive > 1:
        a, b = divmod(int(np.argmax(avg)), n)
        h = float(avg[a, b])
        if not math.isfinite(h):
            break
        a, b = min(a, b), max(a, b)
        merged = (sizes[a] * avg[a] + sizes[b] * avg[b]) / (sizes[a] + sizes[b])
        merged[a] = -np.inf
        avg[a, :] = merged
        avg[:, a] = merged
        avg[b, :] = -np.inf
        avg[:, b] = -np.inf
        sizes[a] += sizes[b]
        out.append((h, a, b))
        alive -= 1
    return out


def cut(n: int, history: Sequence[tuple[float, int, int]], threshold: float) -> list[int]:
    """Cluster label of each row when merging stops below ``threshold``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for h, a, b in history:
        if h < threshold:
            break
        parent[find(b)] = find(a)
    return [find(i) for i in range(n)]
