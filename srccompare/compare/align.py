"""Fact alignment: gather the sentences of an event's articles into fact groups.

Every sentence of every article is scored against every sentence of the other articles in one
``rapidfuzz.process.cdist`` call over normalised content words; quotations are scored on their own
with ``partial_ratio`` so that the same quote counts as the same fact whatever surrounds it. Links
are kept when two sentences are each other's best match above a lower bar (one-to-one) or when they
clear a higher bar on their own (one long sentence matching two short ones). Fact groups are the
connected components of those links.

Nothing here depends on sentence order: the best-match test keeps every tie, so moving paragraphs
around changes the sentence indices but never which sentences end up together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article

# A pair of sentences from two articles is linked when they are each other's best match and score
# at least LINK_MUTUAL, or when they score at least LINK_ALONE whatever else matches. Scores are in
# [0, 1]: the mean of the token-sort and token-set ratios over content words.
LINK_MUTUAL = 0.58
LINK_ALONE = 0.80
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


@lru_cache(maxsize=1)
def _normaliser():
    """D's normaliser (quotes, ellipses, U.S./US, name variants) when present, else a plain fold."""
    try:
        from ..nlp.tokens import normalise  # type: ignore[attr-defined]

        return normalise
    except ImportError:
        return _fallback_normalise


def _fallback_normalise(text: str) -> str:
    text = text.replace("U.S.", "US").replace("U.K.", "UK").replace("U.N.", "UN")
    return " ".join(_WORD.findall(text.casefold()))


def _stem(word: str) -> str:
    # Plural and possessive forms meet their singular; enough for content-word overlap.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> str:
    norm = _normaliser()(text)
    return " ".join(_stem(w) for w in _WORD.findall(norm.casefold()) if w not in _STOP)


def quotations(text: str) -> tuple[str, ...]:
    out = []
    for m in _QUOTE.finditer(text):
        words = _WORD.findall(_normaliser()(m.group(1)).casefold())
        if len(words) >= QUOTE_MIN_WORDS:
            out.append(" ".join(words))
    return tuple(out)


def _quoted_pieces(article: Article) -> list[tuple[str, ...]] | None:
    """Per sentence, the quoted words it holds, from the article's quotations (which may span
    sentences: "...conflict zone. We highly appreciate that," said the leader); None when the
    quotation finder is not available."""
    try:
        from ..nlp.quotes import article_quotes
    except ImportError:
        return None
    body = article.body
    spans = [(q.start, q.end) for q in article_quotes(list(article.paragraphs))]
    out: list[tuple[str, ...]] = []
    for s in article.sentences:
        pieces = []
        for start, end in spans:
            lo, hi = max(start, s.start), min(end, s.end)
            if hi > lo:
                words = _WORD.findall(_normaliser()(body[lo:hi]).casefold())
                if len(words) >= QUOTE_MIN_WORDS:
                    pieces.append(" ".join(words))
        out.append(tuple(pieces))
    return out


def units_of(article: Article) -> list[Unit]:
    pieces = _quoted_pieces(article)
    return [
        Unit(article.id, i, s.text, content_words(s.text), pieces[i] if pieces is not None else quotations(s.text))
        for i, s in enumerate(article.sentences)
        if s.text.strip()
    ]


def similarity(left: Sequence[Unit], right: Sequence[Unit]):
    """Score matrix (numpy float32, len(left) x len(right)) in [0, 1]: content words, then quotes."""
    import numpy as np
    from rapidfuzz import fuzz, process

    a = [u.content for u in left]
    b = [u.content for u in right]
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    sort = process.cdist(a, b, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.float32)
    tset = process.cdist(a, b, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.float32)
    score = (sort + tset) / 200.0
    short = np.array([len(u.content.split()) < MIN_CONTENT_WORDS for u in left])
    short_b = np.array([len(u.content.split()) < MIN_CONTENT_WORDS for u in right])
    tiny = short[:, None] | short_b[None, :]
    score = np.where(tiny & (sort < 95), np.minimum(score, LINK_MUTUAL - 0.01), score)
    return np.maximum(score, _quote_scores(left, right))


def _quote_scores(left: Sequence[Unit], right: Sequence[Unit]):
    """QUOTE_LINK for each sentence pair sharing a quotation, else 0."""
    import numpy as np
    from rapidfuzz import fuzz, process

    out = np.zeros((len(left), len(right)), dtype=np.float32)
    qa = [(i, q) for i, u in enumerate(left) for q in u.quotes]
    qb = [(j, q) for j, u in enumerate(right) for q in u.quotes]
    if not qa or not qb:
        return out
    m = process.cdist([q for _, q in qa], [q for _, q in qb], scorer=fuzz.partial_ratio, workers=-1,
                      dtype=np.float32) / 100.0
    rows = np.array([i for i, _ in qa])
    cols = np.array([j for j, _ in qb])
    hit = m >= QUOTE_SAME
    qi, qj = np.nonzero(hit)
    out[rows[qi], cols[qj]] = QUOTE_LINK
    return out


def link_mask(score):
    """Which pairs of a (left x right) block to link: mutual best (ties kept) or strong alone."""
    import numpy as np

    if score.size == 0:
        return np.zeros(score.shape, dtype=bool)
    eps = 1e-6
    row_best = score >= score.max(axis=1, keepdims=True) - eps
    col_best = score >= score.max(axis=0, keepdims=True) - eps
    return ((row_best & col_best) & (score >= LINK_MUTUAL)) | (score >= LINK_ALONE)


def _identical(left: Sequence[Unit], right: Sequence[Unit]):
    import numpy as np
    from rapidfuzz import fuzz, process

    la = [_normaliser()(u.text) for u in left]
    rb = [_normaliser()(u.text) for u in right]
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

    offsets = np.cumsum([0] + [len(us) for us in per_article])
    for x in range(len(articles)):
        for y in range(x + 1, len(articles)):
            left, right = per_article[x], per_article[y]
            if not left or not right:
                continue
            if articles[x].id in exact_only or articles[y].id in exact_only:
                mask = _identical(left, right)
            else:
                mask = link_mask(similarity(left, right))
            for i, j in zip(*np.nonzero(mask)):
                a, b = find(int(offsets[x] + i)), find(int(offsets[y] + j))
                if a != b:
                    parent[max(a, b)] = min(a, b)

    groups: dict[int, list[Unit]] = {}
    for k, u in enumerate(units):
        groups.setdefault(find(k), []).append(u)
    return [tuple(g) for g in groups.values()]
