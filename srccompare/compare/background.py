"""Background facts: the same standing fact told in reports of different events of the story.

Reports of a new event repeat context ("South Korea does not arm countries at war"), and they
paraphrase it more freely than the event itself. So context is compared paragraph by paragraph
(a context paragraph is self-contained), on content words with a few near-synonyms folded, weighted
by how rare each word is in the story (the story's own topic words weigh little), from the lists of
paragraphs each word occurs in (only words of two events or more can link events). Paragraphs of different events that are each other's best match and clear the
bar link their facts both ways. A link says "this is context", never "these disagree": background
links carry no differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .. import data
from ..model import Article, Event
from .align import content_words

# Weighted overlap (shared IDF weight over the geometric mean of the two sides' weights) at or
# above which two cross-event paragraphs that are each other's best match tell one background fact.
BACKGROUND_LINK = 0.3

# ... and share at least this many distinct content words.
BACKGROUND_WORDS = 4
# Paragraphs are compared only when they share two of their this many rarest words (blocking): a
# background fact told twice keeps its particulars (a name, a number, a rare term) in either telling.
BLOCK_WORDS = 8
BLOCK_SHARED = 2

# Near-synonyms that reports use for the same standing fact, folded to one concept for this
# comparison only: "an official policy not to arm countries at war" / "domestic policy prevents it
# from selling weapons into active conflicts".
_CONCEPTS: dict[str, str] = data.load("concepts")["concepts"]  # srccompare/data/concepts.toml
_FOLD = {form: concept for concept, forms in _CONCEPTS.items() for form in (concept, *forms.split())}


def concepts(text: str) -> set[str]:
    """The content words of a sentence with near-synonyms folded to their concept."""
    return {_FOLD.get(w, w) for w in content_words(text).split()}


def link_background(events: Sequence[Event], by_id: Mapping[str, Article]) -> list[Event]:
    import numpy as np

    # One unit per (event, article, paragraph) that holds facts: its words, and the facts it holds.
    facts_of: dict[tuple[int, str, int], set[str]] = {}
    words_of: dict[tuple[int, str, int], set[str]] = {}
    for e_idx, event in enumerate(events):
        for fact in event.facts:
            for m in fact.members:
                paragraph = by_id[m.article].sentences[m.sentence].paragraph
                key = (e_idx, m.article, paragraph)
                facts_of.setdefault(key, set()).add(fact.id)
                words_of.setdefault(key, set()).update(concepts(m.text))
    keys = sorted(facts_of)
    if len({k[0] for k in keys}) < 2:
        return list(events)
    docs = [words_of[k] for k in keys]
    df: dict[str, int] = {}
    events_with: dict[str, set[int]] = {}
    for k, d in zip(keys, docs):
        for w in d:
            df[w] = df.get(w, 0) + 1
            events_with.setdefault(w, set()).add(k[0])
    # IDF in whole steps: a word every paragraph of the story uses weighs 1, a rare one up to ~10.
    idf = {w: 1.0 + int(2 * math.log(len(docs) / n)) for w, n in df.items()}
    size = np.sqrt(np.array([sum(idf[w] for w in d) for d in docs], dtype=np.float64))
    event_of = np.array([k[0] for k in keys])
    i, j, shared, count = _cross_event_pairs(docs, event_of, idf, events_with)
    if not len(i):
        return list(events)
    score = shared / np.maximum(size[i] * size[j], 1e-9)
    # Each paragraph's best cross-event score (pairs are listed once: both ends count).
    best = np.zeros(len(docs))
    np.maximum.at(best, i, score)
    np.maximum.at(best, j, score)
    eps = 1e-9
    # A shared fact needs shared words: a few, not one rare word two short paragraphs both use.
    keep = (
        (score >= best[i] - eps) & (score >= best[j] - eps) & (score >= BACKGROUND_LINK) & (count >= BACKGROUND_WORDS)
    )
    mask_pairs = zip(i[keep], j[keep])
    links: dict[str, set[str]] = {}
    for x, y in mask_pairs:
        for a in facts_of[keys[int(x)]]:
            for b in facts_of[keys[int(y)]]:
                links.setdefault(a, set()).add(b)
                links.setdefault(b, set()).add(a)
    if not links:
        return list(events)
    out = []
    for event in events:
        facts = tuple(
            replace(f, background=tuple(sorted(links[f.id], key=_fact_order))) if f.id in links else f
            for f in event.facts
        )
        out.append(replace(event, facts=facts))
    return out


def _cross_event_pairs(docs, event_of, idf, events_with):
    """(i, j, shared weight, shared words) for the pairs of paragraphs of different events, i < j,
    that share BLOCK_SHARED of their BLOCK_WORDS rarest words, when few paragraphs use it (blocking:
    vectors.candidate_pairs, so neither a paragraph x paragraph matrix nor every pair sharing a
    common word).

    Words of one event only cannot link events and are left out. A pair that shares only words
    many paragraphs use is not compared: such words weigh least, and a background fact told twice
    shares at least one particular word (a name, a number, a rare term).
    """
    import numpy as np

    from .vectors import candidate_pairs, pair_dots, sparse_rows

    bags = [{w: 1.0 for w in d if len(events_with[w]) > 1} for d in docs]
    rows, _ = sparse_rows(bags)
    weighted = [(ids, np.array([idf[w] for w in bag], dtype=np.float64)) for (ids, _), bag in zip(rows, bags)]
    i, j = candidate_pairs(bags, top=BLOCK_WORDS, rows=weighted, apart=event_of, min_shared=BLOCK_SHARED)
    if not len(i):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros(0)
    count = pair_dots(i, j, rows)
    # The same vocabulary, weighted by IDF on one side: the dot product is the shared weight.
    shared = pair_dots(i, j, weighted, other=rows)
    return i, j, shared, np.rint(count)


def _fact_order(fact_id: str) -> tuple[int, str, int, str]:
    event, _, fact = fact_id.partition(".F")
    e = event.lstrip("E")
    return (int(e) if e.isdigit() else 0, event, int(fact) if fact.isdigit() else 0, fact_id)
