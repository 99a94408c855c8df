"""Fact alignment: gather the sentences of an event's articles into fact groups.

Every sentence of an event is scored against every other in a few ``rapidfuzz.process.cdist``
calls over normalised content words (names, quote marks, ellipses and U.S./US folded by
``nlp.tokens.normalise``): a token-sort ratio and a token-set overlap. Quotations are scored on
their own, so the same quote counts as the same fact whatever words surround it. Two sentences
of different articles are linked when they are each other's best match above a lower bar, when
they clear a higher bar on their own, or when one is the other's best match and mostly contained
in it (one long sentence telling what two short ones tell). Fact groups are the connected
components of those links: n-to-m.

Nothing here depends on sentence order: the best-match test keeps every tie, so moving paragraphs
around changes the sentence indices but never which sentences end up together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article
from ..nlp.tokens import normalise

# A pair of sentences from two articles is linked when they are each other's best match and score
# at least LINK_MUTUAL, or when they score at least LINK_ALONE whatever else matches. Scores are in
# [0, 1]: the mean of the token-sort and token-set ratios over content words.
LINK_MUTUAL = 0.58
LINK_ALONE = 0.80
# One sentence's best match links even when it is not mutual, if the smaller of the two has at
# least this share of its content words in the other.
LINK_COVER = 0.75
# Words are compared on their first STEM letters in the set overlap.
STEM = 5
# A quotation shorter than this many words ("a big mistake") is too common to identify a fact.
QUOTE_MIN_WORDS = 4
# partial_ratio of two quotations at or above this is the same quote, trimmed or retranslated.
QUOTE_SAME = 0.88
# The score a shared quotation gives a sentence pair: enough to link alone.
QUOTE_LINK = 0.85
# A sentence with fewer content words than this only links through a near-identical match: short
# fragments ("Putin said.") otherwise match half the event.
MIN_CONTENT_WORDS = 3

_STOP = frozenset("""
a about after against all also although an and any are as at be because been before being between
both but by can could did do does during each for from had has have having he her here him his how
i if in into is it its itself just me more most my no nor not of off on once only or other our out
over own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your said says say told tell added mr mrs ms
""".split())

# Words are encoded as characters from the supplementary planes, which no text here uses as words.
_PRIVATE = 0x10000

_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Unit:
    """One sentence of one article, with the forms the scorers need."""

    article: str
    sentence: int
    text: str
    content: str  # normalised content words, space-separated
    quotes: tuple[str, ...]  # normalised quotations of at least QUOTE_MIN_WORDS words


def _stem(word: str) -> str:
    # Plural and possessive forms meet their singular; enough for content-word overlap.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def content_words(text: str) -> str:
    norm = normalise(text)
    return " ".join(_stem(w) for w in _WORD.findall(norm.casefold()) if w not in _STOP)


def quotations(text: str) -> tuple[str, ...]:
    """The normalised quotations of a single sentence, both marks inside it."""
    out = []
    for m in _QUOTE.finditer(text):
        words = _WORD.findall(normalise(m.group(1)).casefold())
        if len(words) >= QUOTE_MIN_WORDS:
            out.append(" ".join(words))
    return tuple(out)


def _quoted_pieces(article: Article) -> list[tuple[str, ...]]:
    """Per sentence, the quoted words it holds, from the article's quotations (which may span
    sentences: "...conflict zone. We highly appreciate that," said the leader)."""
    from .quotes import body_quotes  # cached per article: the classifier and tracker read them too

    body = article.body
    spans = [(q.start, q.end) for q in body_quotes(article.id, tuple(article.paragraphs))]
    out: list[tuple[str, ...]] = []
    for s in article.sentences:
        pieces = []
        for start, end in spans:
            lo, hi = max(start, s.start), min(end, s.end)
            if hi > lo:
                words = _WORD.findall(normalise(body[lo:hi]).casefold())
                if len(words) >= QUOTE_MIN_WORDS:
                    pieces.append(" ".join(words))
        out.append(tuple(pieces))
    return out


def units_of(article: Article) -> list[Unit]:
    pieces = _quoted_pieces(article)
    return [
        Unit(article.id, i, s.text, content_words(s.text), pieces[i])
        for i, s in enumerate(article.sentences)
        if s.text.strip()
    ]


def similarity(left: Sequence[Unit], right: Sequence[Unit]):
    """Score matrix (numpy float32, len(left) x len(right)) in [0, 1]: content words, then quotes."""
    return similarity_and_cover(left, right)[0]


def similarity_and_cover(left: Sequence[Unit], right: Sequence[Unit]):
    """(score, cover): the similarity matrix, and the share of the smaller side's content words
    the other side has."""
    import numpy as np

    if not left or not right:
        zeros = np.zeros((len(left), len(right)), dtype=np.float32)
        return zeros, zeros
    score, sort, cover = _content_scores(left, right)
    short = np.array([len(u.content.split()) < MIN_CONTENT_WORDS for u in left])
    short_b = np.array([len(u.content.split()) < MIN_CONTENT_WORDS for u in right])
    tiny = short[:, None] | short_b[None, :]
    score = np.where(tiny & (sort < 0.95), np.minimum(score, LINK_MUTUAL - 0.01), score)
    return np.maximum(score, _quote_scores(left, right)), cover


def _content_scores(left: Sequence[Unit], right: Sequence[Unit]):
    """(score, sort, cover) matrices over the content words of two lists of sentences.

    sort: rapidfuzz's token-sort ratio, as ``ratio`` on pre-sorted words (one cheap cdist call for
      the whole event instead of a sort per pair).
    tset: rapidfuzz's token-set ratio, computed for all pairs at once: with I the weight of the
      shared words and L the weight of the smaller side's words, it is 2I / (I + L) (1 when one
      side's words are all in the other); words weigh by length, as characters do (see _overlap).
    score: the mean of sort and tset.
    cover: the share of the smaller side's five-letter stems found in the other (Korea / Korean,
      consider / considering), for linking a short sentence into the long one that contains it.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    words_l = [u.content.split() for u in left]
    words_r = [u.content.split() for u in right]
    sort = process.cdist([" ".join(sorted(w)) for w in words_l], [" ".join(sorted(w)) for w in words_r],
                         scorer=fuzz.ratio, workers=-1, dtype=np.float32) / 100.0
    # Longer words weigh more, as characters do in token_set_ratio, in steps that keep the strings short.
    shared, size_l, size_r = _overlap(words_l, words_r, weight=lambda w: 1 + len(w) // 4)
    smaller = np.minimum(size_l, size_r)
    with np.errstate(divide="ignore", invalid="ignore"):
        tset = np.where(shared > 0, 2.0 * shared / (shared + smaller), 0.0).astype(np.float32)
    stems_l = [[w[:STEM] for w in ws] for ws in words_l]
    stems_r = [[w[:STEM] for w in ws] for ws in words_r]
    cover = _containment(*_overlap(stems_l, stems_r))
    return (sort + tset) / 2.0, sort, cover


def _overlap(rows_l: Sequence[Sequence[str]], rows_r: Sequence[Sequence[str]], weight=None):
    """(shared, size_l, size_r): the summed weight of the words each pair of rows shares (as sets),
    and each row's own total.

    Each distinct word becomes a run of ``weight(word)`` private characters (one by default) and
    each row the sorted string of its words' runs. The longest common subsequence of two such
    strings is exactly their shared runs, so rapidfuzz's ``ratio`` (2·LCS / (a + b)) in one cdist
    call gives every pair's shared weight, without a Python loop over pairs or a dense matrix.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    runs: dict[str, str] = {}
    next_char = _PRIVATE

    def encode(words: Sequence[str]) -> str:
        nonlocal next_char
        parts = []
        for w in set(words):
            run = runs.get(w)
            if run is None:
                n = max(1, int(weight(w))) if weight else 1
                if next_char + n > 0x110000:
                    raise OverflowError("vocabulary too large to encode")
                run = runs[w] = "".join(map(chr, range(next_char, next_char + n)))
                next_char += n
            parts.append(run)
        return "".join(sorted(parts))

    enc_l = [encode(ws) for ws in rows_l]
    enc_r = [encode(ws) for ws in rows_r]
    size_l = np.array([len(x) for x in enc_l], dtype=np.float32)[:, None]
    size_r = np.array([len(x) for x in enc_r], dtype=np.float32)[None, :]
    dice = process.cdist(enc_l, enc_r, scorer=fuzz.ratio, workers=-1, dtype=np.float32) / 100.0
    shared = np.round(dice * (size_l + size_r) / 2.0)
    return shared, size_l, size_r


def _containment(shared, size_l, size_r):
    import numpy as np

    smaller = np.minimum(size_l, size_r)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(smaller > 0, shared / smaller, 0.0).astype(np.float32)


def _quote_scores(left: Sequence[Unit], right: Sequence[Unit]):
    """QUOTE_LINK for each sentence pair sharing a quotation, else 0.

    Two quotations are one when nearly all the words of the shorter are in the longer: a trimmed
    quote, one with a bracketed insertion or another ellipsis, is still the same quote.
    """
    import numpy as np

    out = np.zeros((len(left), len(right)), dtype=np.float32)
    qa = [(i, q.split()) for i, u in enumerate(left) for q in u.quotes]
    qb = [(j, q.split()) for j, u in enumerate(right) for q in u.quotes]
    if not qa or not qb:
        return out
    same = _containment(*_overlap([q for _, q in qa], [q for _, q in qb])) >= QUOTE_SAME
    rows = np.array([i for i, _ in qa])
    cols = np.array([j for j, _ in qb])
    qi, qj = np.nonzero(same)
    out[rows[qi], cols[qj]] = QUOTE_LINK
    return out


def link_mask(score, cover=None):
    """Which pairs of a (left x right) block to link: mutual best (ties kept), strong alone, or
    one side's best match when that side is mostly contained in the other (one long sentence
    telling what two short ones tell)."""
    import numpy as np

    if score.size == 0:
        return np.zeros(score.shape, dtype=bool)
    eps = 1e-6
    row_best = score >= score.max(axis=1, keepdims=True) - eps
    col_best = score >= score.max(axis=0, keepdims=True) - eps
    mask = ((row_best & col_best) & (score >= LINK_MUTUAL)) | (score >= LINK_ALONE)
    if cover is not None:
        # The shorter sentence's best home, when most of its words are there.
        mask |= (row_best | col_best) & (cover >= LINK_COVER) & (score >= LINK_MUTUAL)
    return mask


def _identical(left: Sequence[Unit], right: Sequence[Unit]):
    import numpy as np
    from rapidfuzz import fuzz, process

    la = [normalise(u.text) for u in left]
    rb = [normalise(u.text) for u in right]
    return process.cdist(la, rb, scorer=fuzz.ratio, workers=-1, dtype=np.float32) >= 100 - 1e-3


def align(articles: Sequence[Article], exact_only: frozenset[str] = frozenset()) -> list[tuple[Unit, ...]]:
    """Fact groups of one event: tuples of units, each group's units in article order then sentence.

    Articles in ``exact_only`` (another language than the rest) link only on identical sentences.
    Groups come out in no meaningful order; the report orders them.
    """
    import numpy as np

    per_article = [units_of(a) for a in articles]
    units = [u for us in per_article for u in us]
    parent = list(range(len(units)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # One score matrix for the whole event (a cdist call per article pair would pay the thread
    # start-up 45 times for ten outlets); each article pair's block is then read from it.
    offsets = np.cumsum([0] + [len(us) for us in per_article])
    score, cover = similarity_and_cover(units, units)
    foreign = [a.id in exact_only for a in articles]
    identical = _identical(units, units) if any(foreign) else None
    for x in range(len(articles)):
        for y in range(x + 1, len(articles)):
            rows = slice(offsets[x], offsets[x + 1])
            cols = slice(offsets[y], offsets[y + 1])
            if offsets[x] == offsets[x + 1] or offsets[y] == offsets[y + 1]:
                continue
            if foreign[x] or foreign[y]:
                mask = identical[rows, cols]
            else:
                mask = link_mask(score[rows, cols], cover[rows, cols])
            for i, j in zip(*np.nonzero(mask)):
                a, b = find(int(offsets[x] + i)), find(int(offsets[y] + j))
                if a != b:
                    parent[max(a, b)] = min(a, b)

    groups: dict[int, list[Unit]] = {}
    for k, u in enumerate(units):
        groups.setdefault(find(k), []).append(u)
    return [tuple(g) for g in groups.values()]
