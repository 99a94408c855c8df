"""TF-IDF vectors of articles and their cosine similarities, for grouping articles into events.

The weights come from the articles being compared: a word every article uses (the story's topic,
"Putin", "Korea") weighs little, and the words one event's articles share (a place, a forum, a
number of agencies) weigh most. numpy is imported only here, when a comparison runs.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from ..nlp.tokens import grouping_words

T = TypeVar("T")


def terms(text: str) -> list[str]:
    """Content words of ``text`` and the pairs of neighbouring content words.

    A pair ("st petersburg", "fifth term") names a particular of one event far more often than
    either word alone, which a whole story shares.
    """
    words = grouping_words(text)
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


class Vectors:
    """L2-normalised TF-IDF rows in compressed sparse row form (numpy arrays, no per-row dicts).

    ``indptr``/``indices``/``data`` as in a CSR matrix: row k's term ids are
    ``indices[indptr[k]:indptr[k + 1]]`` (in the order the document first uses them) and their
    weights the same slice of ``data``. A term only one document uses can add nothing to a dot
    product, so it is left out once the row's norm is known (most word pairs of a real corpus are
    such terms). ``block`` is the same form for the ids among each row's ``top`` heaviest terms
    (the blocking terms: the heaviest of those another row uses too, since a term of one row pairs nothing). ``row(k)`` is one
    row's (ids, weights); ``vectors[k]`` is row k as a {term: weight} dict.
    """

    def __init__(self, indptr, indices, data, vocabulary: Sequence[str], block_ptr, block_ids) -> None:
        self.indptr, self.indices, self.data = indptr, indices, data
        self.vocabulary = vocabulary
        self.block_ptr, self.block_ids = block_ptr, block_ids

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def row(self, k: int):
        s, e = int(self.indptr[k]), int(self.indptr[k + 1])
        return self.indices[s:e], self.data[s:e]

    def __getitem__(self, k: int) -> dict[str, float]:
        ids, weights = self.row(k)
        return {self.vocabulary[t]: w for t, w in zip(ids.tolist(), weights.tolist())}

    def __iter__(self):
        return (self[k] for k in range(len(self)))

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.indptr, self.indices, self.data, self.block_ptr, self.block_ids))


# Rows weighed and ranked together (bounds the scratch arrays of the second pass).
_CHUNK_ROWS = 4096
# Documents whose terms are numbered together: enough that the per-chunk calls cost little, few
# enough that their term strings (several hundred per document) are not all held at once.
_VOCAB_ROWS = 256


# One document's terms as tfidf_matrix needs them: its distinct terms in the order it first uses them,
# how often it uses each, how many of its passages hold each, and its number of passages.
TermRow = tuple[Sequence[str], Sequence[int], Sequence[int], int]


def term_row(doc: Sequence[Sequence[str]]) -> TermRow:
    """What ``tfidf_matrix`` reads of one document (passages of terms): a per-document summary that
    can be kept between runs (compare/features.py), since no other document changes it."""
    counts: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for passage in doc:
        counts.update(passage)
        held.update(set(passage))
    terms = list(counts)
    return terms, list(counts.values()), [held[t] for t in terms], len(doc)


def tfidf_matrix(documents: Iterable[Sequence[Sequence[str]]], top: int | None = None) -> Vectors:
    """``tfidf`` of the same documents as a compact Vectors, read one document at a time (the lists
    of terms are never all held at once). With ``top``, each row's ``top`` heaviest terms (on a
    tie, the lower term id) are kept apart as its blocking terms."""
    return tfidf_rows((term_row(doc) for doc in documents), top)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def tfidf_rows(rows: Iterable[TermRow], top: int | None = None) -> Vectors:
    """``tfidf_matrix`` of documents given by their ``term_row``s."""
    import numpy as np

    vocab: dict[str, int] = {}
    ids_parts, count_parts, lengths = [], [], []  # type: list, list, list[int]
    df = np.zeros(0, dtype=np.int64)
    n_passages = 0
    for chunk in _chunks(rows, _VOCAB_ROWS):
        flat = list(itertools.chain.from_iterable(terms for terms, _, _, _ in chunk))
        # Ids in the order the documents first use the terms: the tie-break of the blocking
        # terms (the lower id) is then the same on every run. (The chunk's new terms in that
        # order, numbered on from the vocabulary's size, without a Python loop over the terms.)
        vocab.update(zip(itertools.filterfalse(vocab.__contains__, dict.fromkeys(flat)), itertools.count(len(vocab))))
        ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int32, count=len(flat))
        del flat
        ids_parts.append(ids)
        count_parts.append(np.concatenate([np.asarray(c, dtype=np.int32) for _, c, _, _ in chunk]))
        held = np.concatenate([np.asarray(h, dtype=np.int64) for _, _, h, _ in chunk])
        # Document frequency over passages: each document adds the passages of its own that hold a
        # term (whole numbers: the float sums of bincount are exact).
        grown = np.zeros(len(vocab), dtype=np.int64)
        grown[: len(df)] = df
        df = grown + np.bincount(ids, weights=held, minlength=len(vocab)).astype(np.int64)
        lengths.extend(len(terms) for terms, _, _, _ in chunk)
        n_passages += sum(passages for _, _, _, passages in chunk)
    indices = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int32)
    counts_all = np.concatenate(count_parts) if count_parts else np.zeros(0, dtype=np.int32)
    del ids_parts, count_parts
    vocabulary = [""] * len(vocab)
    for t, k in vocab.items():
        vocabulary[k] = t
    del vocab
    n = len(lengths)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    idf = np.log((1 + n_passages) / (1 + df)) + 1.0
    data = (1.0 + np.log(counts_all)) * idf[indices]
    del counts_all
    row_of = np.repeat(np.arange(n, dtype=np.int64), lengths)
    norm = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n))
    norm[norm == 0] = 1.0
    data /= norm[row_of]
    # Terms of one document only: kept for the norm above, never needed after it, and no blocking term (they pair
    # nothing): each row's ``top`` blocking terms are its heaviest among the terms another document uses too.
    docs_with = np.bincount(indices, minlength=len(vocabulary))
    for k in np.flatnonzero(docs_with == 1).tolist():
        vocabulary[k] = ""
    shared = docs_with[indices] > 1
    if not shared.all():
        indices, data = indices[shared], data[shared]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(row_of[shared], minlength=n), out=indptr[1:])
    block_ptr, block_ids = top_terms(indptr, indices, data, top)
    return Vectors(indptr, indices, data, vocabulary, block_ptr, block_ids)


def top_terms(indptr, indices, data, top: int | None):
    """Each row's ``top`` heaviest term ids (on a tie, the lower id), as (row pointers, ids)."""
    import numpy as np

    if top is None:
        return indptr.copy(), indices.copy()
    n = len(indptr) - 1
    kept_ids, kept_counts = [], []
    for r0 in range(0, n, _CHUNK_ROWS):
        r1 = min(n, r0 + _CHUNK_ROWS)
        s, e = int(indptr[r0]), int(indptr[r1])
        lengths = np.diff(indptr[r0 : r1 + 1])
        row = np.repeat(np.arange(r1 - r0), lengths)
        order = np.lexsort((indices[s:e], -data[s:e], row))
        rank = np.arange(e - s) - np.repeat(indptr[r0:r1] - s, lengths)
        chosen = order[rank < top]
        kept_ids.append(indices[s:e][chosen])
        kept_counts.append(np.minimum(lengths, top))
    block_ptr = np.zeros(n + 1, dtype=np.int64)
    if kept_counts:
        np.cumsum(np.concatenate(kept_counts), out=block_ptr[1:])
    ids = np.concatenate(kept_ids) if kept_ids else np.zeros(0, dtype=indices.dtype)
    return block_ptr, ids


# A pair of articles is compared only when they share a term that at most this many articles use
# (blocking): the words one event's reports share (a place, a name, a word pair) are rare across a
# corpus, while the words every story uses would pair everything with everything. The cap is fixed,
# so the pairs per article stay flat however big the corpus (a term used by f of n articles yields
# (f n)^2 / 2 pairs: under a cap that grew with n, the pairs per article grew as well, 89 at 1,000
# synthetic articles and 167 at 10,000 with a cap of sqrt(n), against 92 with this one). An event
# told by more than this many outlets is still found through the terms fewer of them share.
BLOCK_MAX_DF = 64
# Only each document's heaviest terms are indexed: the particulars that make it this event's report
# (a rare name, a word pair), not the long tail every report of a topic shares. Chosen among the terms
# another document uses too: in a dozen reports of one story, a report's heaviest terms are mostly word
# pairs of its own, and ranked among those an undated blog post on a coach's firing shared no indexed term
# with half the reports (its cosine with them counted as 0) and became an event of its own (docs/thresholds.md).
BLOCK_TOP = 80


def block_max_df(n: int) -> int:
    """A cap that grows with the number of rows as its square root (background linking's paragraphs)."""
    return max(BLOCK_MAX_DF, int(n**0.5))


def from_dicts(vectors: Sequence[dict[str, float]], top: int | None = None) -> Vectors:
    """{term: weight} vectors (``tfidf``'s) as a Vectors; term ids in first-use order."""
    import numpy as np

    vocab: dict[str, int] = {}
    lengths = [len(v) for v in vectors]
    indices = np.fromiter(
        (vocab.setdefault(t, len(vocab)) for v in vectors for t in v), dtype=np.int32, count=sum(lengths)
    )
    data = np.fromiter((w for v in vectors for w in v.values()), dtype=np.float64, count=len(indices))
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    block_ptr, block_ids = top_terms(indptr, indices, data, top)
    return Vectors(indptr, indices, data, list(vocab), block_ptr, block_ids)


def candidate_pairs(
    vectors: Vectors | Sequence[dict[str, float]],
    max_df: int | None = None,
    top: int | None = BLOCK_TOP,
    apart=None,
    min_shared: int = 1,
):
    """All the pairs ``blocked_pairs`` yields, as two int64 arrays sorted by (i, j); for dict
    vectors, the blocking terms are each one's ``top`` heaviest (None: all its terms)."""
    import numpy as np

    v = vectors if isinstance(vectors, Vectors) else from_dicts(vectors, top)
    cap = block_max_df(len(v)) if max_df is None else max_df
    chunks = list(blocked_pairs(v.block_ptr, v.block_ids, cap, apart, min_shared))
    if not chunks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate([c[0] for c in chunks]), np.concatenate([c[1] for c in chunks])


def pair_cosines(vectors: Vectors | Sequence[dict[str, float]], i, j):
    """Cosine of each pair (i[k], j[k]) of L2-normalised sparse vectors, over all their terms."""
    import numpy as np

    v = vectors if isinstance(vectors, Vectors) else from_dicts(vectors)
    return np.clip(row_dots(v, np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)), 0.0, 1.0)


# Pairs expanded from the blocks at once (bounds the memory of blocking: the pairs a big corpus's
# blocks yield, duplicates included, can number hundreds of millions). At 10,000 synthetic articles
# a quarter of the earlier 1 << 19 took 20 MB less on each worker scoring background pairs, in the
# same time.
PAIRS_PER_CHUNK = 1 << 17


def blocked_pairs(block_ptr, block_ids, max_df: int, apart=None, min_shared: int = 1, share: tuple[int, int] = (0, 1)):
    """Pairs (i, j), i < j, of rows that share at least ``min_shared`` blocking terms each used by
    2 to ``max_df`` rows (``block_ptr``/``block_ids``: each row's blocking term ids, CSR form); with
    ``apart`` (a label per row), only pairs of different labels. ``share`` (k, n): only the k-th of
    every n chunks, for n workers to take one share each.

    Yields (i, j) int64 arrays chunk by chunk, in (i, j) order, each chunk over a range of rows i:
    every row's partners come from the lists of rows of its own blocking terms, so the work and the
    memory follow the pairs that share something, never the n x n grid nor all the pairs at once.
    """
    import numpy as np

    n = len(block_ptr) - 1
    if n < 2 or not len(block_ids):
        return
    lengths = np.diff(block_ptr)
    # Positions in the entries as int32 while they fit: the arrays over every entry are held through
    # the loop (a worker scoring background pairs at 10,000 articles held 28 MB of them in int64).
    index = np.int32 if len(block_ids) < 2**31 - 1 else np.int64
    row = np.repeat(np.arange(n, dtype=index), lengths)
    order = np.lexsort((row, block_ids))
    sorted_term, sorted_row = block_ids[order], row[order]
    starts = np.flatnonzero(np.r_[True, sorted_term[1:] != sorted_term[:-1]])
    sizes = np.diff(np.r_[starts, len(sorted_term)])
    ends = np.repeat(starts + sizes, sizes)
    usable = np.repeat((sizes >= 2) & (sizes <= max_df), sizes)
    del sorted_term, starts, sizes
    # For each entry (row r, term t), in the rows' order: where it sits in t's list, and how many
    # rows after r the list holds (its partners j > r).
    position = np.empty(len(order), dtype=index)
    position[order] = np.arange(len(order), dtype=index)
    after = np.where(usable, ends - np.arange(len(order)) - 1, 0)[position].astype(index)
    del ends, usable, order
    per_row = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, weights=after, minlength=n).astype(np.int64), out=per_row[1:])
    r0, chunk = 0, -1
    while r0 < n:
        r1 = int(np.searchsorted(per_row, per_row[r0] + PAIRS_PER_CHUNK, side="right")) - 1
        r1 = min(n, max(r1, r0 + 1))
        chunk += 1
        if chunk % share[1] != share[0]:
            r0 = r1
            continue
        s, e = int(block_ptr[r0]), int(block_ptr[r1])
        count = after[s:e]
        total = int(count.sum())
        if total:
            left = np.repeat(row[s:e], count)
            first = np.repeat(position[s:e] + 1 - np.r_[0, np.cumsum(count)[:-1]], count)
            right = sorted_row[first + np.arange(total, dtype=np.int64)]
            if apart is not None:
                keep = apart[left] != apart[right]
                left, right = left[keep], right[keep]
            key, times = np.unique(left.astype(np.int64) * n + right, return_counts=True)
            if min_shared > 1:
                key = key[times >= min_shared]
            if len(key):
                yield key // n, key % n
        r0 = r1


def row_dots(vectors: Vectors, i, j, other: Vectors | None = None, counts: bool = False):
    """Dot product of each pair (row i[k] of ``vectors``, row j[k] of ``other``, default the same
    rows), i sorted: each row i is spread on a scratch array over the vocabulary and its partners'
    terms are looked up in it, so the cost is the partners' lengths, not the vocabulary's. With
    ``counts``, also how many terms each pair shares (of ``vectors``' nonzero weights), from the
    same lookups: (dots, counts)."""
    import numpy as np

    other = vectors if other is None else other
    out = np.zeros(len(i))
    shared = np.zeros(len(i)) if counts else None
    if not len(i):
        return (out, shared) if counts else out
    size = 1 + max(int(vectors.indices.max(initial=0)), int(other.indices.max(initial=0)))
    scratch = np.zeros(size)
    starts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
    bounds = np.r_[starts, len(i)].tolist()
    optr, oind, odat = other.indptr, other.indices, other.data
    vptr, vind, vdat = vectors.indptr, vectors.indices, vectors.data
    # One pass per row i, so everything that can be read once is (the loop's numpy calls are the cost).
    row_starts, row_ends = vptr[i[starts]].tolist(), vptr[i[starts] + 1].tolist()
    partners_first, partners_end = optr[j], optr[j + 1]
    for s, e, rs, re_ in zip(bounds[:-1], bounds[1:], row_starts, row_ends):
        ids = vind[rs:re_]
        scratch[ids] = vdat[rs:re_]
        first = partners_first[s:e]
        lengths = partners_end[s:e] - first
        reach = np.cumsum(lengths)
        total = int(reach[-1])
        if total:
            # Where each partner's terms start among the row's lookups: the running total before it.
            offsets = reach - lengths
            at = np.repeat(first - offsets, lengths) + np.arange(total, dtype=np.int64)
            found = scratch[oind[at]]
            cut = np.minimum(offsets, total - 1)
            sums = np.add.reduceat(found * odat[at], cut)
            sums[lengths == 0] = 0.0
            out[s:e] = sums
            if shared is not None:
                hits = np.add.reduceat((found != 0).astype(np.float64), cut)
                hits[lengths == 0] = 0.0
                shared[s:e] = hits
        scratch[ids] = 0.0
    return (out, shared) if counts else out
