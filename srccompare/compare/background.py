"""Background facts: the same standing fact told in reports of different events of the story.

Reports of a new event repeat context ("South Korea does not arm countries at war"), and they
paraphrase it more freely than the event itself. So context is compared paragraph by paragraph
(a context paragraph is self-contained), on content words with a few near-synonyms folded, weighted
by how rare each word is in the story (the story's own topic words weigh little), all pairs in one
matrix product over the words that occur in more than one event. Paragraphs of different events that are each other's best match and clear the
bar link their facts both ways. A link says "this is context", never "these disagree": background
links carry no differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Article, Event
from .align import content_words

# Weighted overlap (shared IDF weight over the geometric mean of the two sides' weights) at or
# above which two cross-event paragraphs that are each other's best match tell one background fact.
BACKGROUND_LINK = 0.3

# ... and share at least this many distinct content words.
BACKGROUND_WORDS = 4

# Near-synonyms that reports use for the same standing fact, folded to one concept for this
# comparison only: "an official policy not to arm countries at war" / "domestic policy prevents it
# from selling weapons into active conflicts".
_CONCEPTS = {
    "weapon": "weapons arm arms arming armed armament armaments munition munitions",
    "war": "wars conflict conflicts fighting hostilities warring combat",
    "refuse": "refuses refused refusing prevent prevents prevented ban bans banned prohibit prohibits "
              "prohibited forbid forbids forbidden bar bars barred decline declines declined",
    "policy": "policies rule rules principle principles law laws",
    "supply": "supplies supplied supplying sell sells selling sold provide provides provided providing "
              "send sends sent sending export exports exported exporting deliver delivers delivered "
              "delivering exporter exporters",
    "country": "countries nation nations",
}
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
    # Only words found in two events or more can be shared across events: the product runs over
    # those, the sizes over every word.
    vocab = {w: i for i, w in enumerate(sorted(w for w, es in events_with.items() if len(es) > 1))}
    size = np.sqrt(np.array([sum(idf[w] for w in d) for d in docs], dtype=np.float32))
    weighted = np.zeros((len(docs), max(len(vocab), 1)), dtype=np.float32)
    for i, d in enumerate(docs):
        cols = [vocab[w] for w in d if w in vocab]
        weighted[i, cols] = [idf[w] for w in d if w in vocab]
    present = (weighted > 0).astype(np.float32)
    score = (weighted @ present.T) / np.maximum(size[:, None] * size[None, :], 1e-6)
    event_of = np.array([k[0] for k in keys])
    score[event_of[:, None] == event_of[None, :]] = 0.0
    eps = 1e-6
    best = (score >= score.max(axis=1, keepdims=True) - eps) & (score >= score.max(axis=0, keepdims=True) - eps)
    # A shared fact needs shared words: a few, not one rare word two short paragraphs both use.
    shared_words = present @ present.T
    mask = best & (score >= BACKGROUND_LINK) & (shared_words >= BACKGROUND_WORDS)
    links: dict[str, set[str]] = {}
    for i, j in zip(*np.nonzero(mask)):
        for a in facts_of[keys[int(i)]]:
            for b in facts_of[keys[int(j)]]:
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


def _fact_order(fact_id: str) -> tuple[int, str, int, str]:
    event, _, fact = fact_id.partition(".F")
    e = event.lstrip("E")
    return (int(e) if e.isdigit() else 0, event, int(fact) if fact.isdigit() else 0, fact_id)
