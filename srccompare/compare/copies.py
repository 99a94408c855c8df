"""Copy chains: articles of one event that carry the same wire text, verbatim or lightly edited.

Three sites printing one AP story are one voice: the report links each copy to the article it copies
(Article.copy_of, with the share of its sentences found there), and coverage counts a chain once
(coverage.py). Within an event only, and cheaply: sentences are blocked on their first and last
words (an edit rarely touches both ends), and only articles sharing enough such keys are compared
sentence by sentence with rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Article, CopyLink

# A sentence is copied when its normalised text scores at least this (rapidfuzz ratio, 0-100)
# against a sentence of the other article: a changed word or two, a trimmed attribution, a
# spelling fixed.
SENTENCE_MATCH = 88
# Sentences shorter than this many words ("He said.", a dateline) prove nothing.
MIN_WORDS = 6
# An article is a copy when at least this share of its sentences, and at least COPY_MIN of them,
# are found in the other: independent reports of one event share a quote or two, never most of
# their text.
COPY_SHARE = 0.6
COPY_MIN = 3
# Words at each end of a sentence used as blocking keys.
KEY_WORDS = 4


def _sentences(article: Article) -> list[str]:
    from ..nlp.tokens import normalise

    out = []
    for s in article.sentences:
        norm = normalise(s.text)
        if len(norm.split()) >= MIN_WORDS:
            out.append(norm)
    return out


def _keys(sentence: str) -> tuple[str, str]:
    words = sentence.split()
    return " ".join(words[:KEY_WORDS]), " ".join(words[-KEY_WORDS:])


def copy_links(articles: Sequence[Article]) -> dict[str, tuple[CopyLink, ...]]:
    """For each article of one event that copies another: the article it copies and the share.

    When two articles copy each other (the same text), the earlier published one (else the longer,
    else the first by id) is the source and the other the copy; a trimmed copy points at the fuller.
    """
    from rapidfuzz import fuzz, process

    sents = {a.id: _sentences(a) for a in articles}
    index: dict[str, set[str]] = {}
    for article in articles:
        for sentence in sents[article.id]:
            for key in _keys(sentence):
                index.setdefault(key, set()).add(article.id)
    shared: dict[tuple[str, str], int] = {}
    for ids in index.values():
        if len(ids) > 1:
            ordered = sorted(ids)
            for first in range(len(ordered)):
                for second in range(first + 1, len(ordered)):
                    pair = (ordered[first], ordered[second])
                    shared[pair] = shared.get(pair, 0) + 1
    by_id = {a.id: a for a in articles}
    share: dict[tuple[str, str], float] = {}
    # Each article against all its candidates at once (one cdist, its columns their sentences in a
    # row), not one call per pair: an event of ten outlets prints the same story forty-five times.
    candidates: dict[str, list[str]] = {}
    for (x, y), count in sorted(shared.items()):
        if count >= COPY_MIN:
            candidates.setdefault(x, []).append(y)
    for x, ys in candidates.items():
        every = process.cdist(
            sents[x], [s for y in ys for s in sents[y]], scorer=fuzz.ratio, score_cutoff=SENTENCE_MATCH, workers=1
        )
        at = 0
        for y in ys:
            scores = every[:, at : at + len(sents[y])]
            at += len(sents[y])
            for copy, source, found in ((x, y, (scores > 0).any(axis=1)), (y, x, (scores > 0).any(axis=0))):
                copied = int(found.sum())
                if copied >= COPY_MIN and copied / len(sents[copy]) >= COPY_SHARE:
                    share[(copy, source)] = copied / len(sents[copy])
    links: dict[str, list[CopyLink]] = {}
    for (copy, source), fraction in sorted(share.items()):
        if (source, copy) in share and _source_rank(by_id[copy], sents) < _source_rank(by_id[source], sents):
            continue  # ``copy`` is the source of ``source``, not its copy
        links.setdefault(copy, []).append(CopyLink(article=source, share=fraction))
    return {c: tuple(sorted(ls, key=lambda link: (-link.share, link.article))) for c, ls in links.items()}


def _source_rank(article: Article, sents: Mapping[str, list[str]]) -> tuple[str, int, str]:
    # The earliest published (undated last), then the longest, then the first by id.
    return (article.published or "9999", -len(sents[article.id]), article.id)


def voices(ids: Sequence[str], links: Mapping[str, Sequence[CopyLink]]) -> dict[str, str]:
    """Each article's voice: articles linked by copying, directly or through a chain, share one
    (the first id among them), so that coverage counts a wire story once however many sites print it."""
    parent = {a: a for a in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, ls in links.items():
        for link in ls:
            if a in parent and link.article in parent:
                ra, rb = find(a), find(link.article)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in ids}
