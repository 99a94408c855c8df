"""Background facts: the same standing fact told in reports of different events of the story.

Reports of a new event repeat context ("South Korea does not arm countries at war"), and they
paraphrase it more freely than the event itself. So context is compared paragraph by paragraph
(a context paragraph is self-contained), on content words with a few near-synonyms folded, weighted
by how rare each word is in the story (the story's own topic words weigh little), as cosines in
one matrix product. Paragraphs of different events that are each other's best match and clear the
bar link their facts both ways. A link says "this is context", never "these disagree": background
links carry no differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Article, Event
from .align import _WORD, _normaliser, content_words

# Cosine (story IDF weights) at or above which two cross-event paragraphs that are each other's
# best match tell the same background fact.
BACKGROUND_LINK = 0.2

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
    words = _WORD.findall(_normaliser()(text).casefold())
    return {_FOLD.get(w, w) for w in content_words(" ".join(words)).split()}


def link_background(events: Sequence[Event], by_id: Mapping[str, Article]) -> list[Event]:
    import numpy as np

    # One unit per (event, article, paragraph) that holds facts; the facts each unit holds.
    units: dict[tuple[int, str, int], set[str]] = {}
    for e_idx, event in enumerate(events):
        for fact in event.facts:
            for m in fact.members:
                article = by_id[m.article]
                paragraph = article.sentences[m.sentence].paragraph
                units.setdefault((e_idx, m.article, paragraph), set()).add(fact.id)
    keys = sorted(units)
    if len({k[0] for k in keys}) < 2:
        return list(events)
    docs = [concepts(by_id[a].paragraphs[p]) for _, a, p in keys]
    vocab = {w: i for i, w in enumerate(sorted(set().union(*docs)))}
    present = np.zeros((len(docs), len(vocab)))
    for i, d in enumerate(docs):
        present[i, [vocab[w] for w in d]] = 1.0
    idf = np.log(len(docs) / present.sum(axis=0))
    weights = present * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    weights = weights / np.where(norms > 0, norms, 1.0)
    score = weights @ weights.T
    event_of = np.array([k[0] for k in keys])
    score[event_of[:, None] == event_of[None, :]] = 0.0
    eps = 1e-9
    best = (score >= score.max(axis=1, keepdims=True) - eps) & (score >= score.max(axis=0, keepdims=True) - eps)
    mask = best & (score >= BACKGROUND_LINK)
    links: dict[str, set[str]] = {}
    for i, j in zip(*np.nonzero(mask)):
        for a in units[keys[int(i)]]:
            for b in units[keys[int(j)]]:
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
