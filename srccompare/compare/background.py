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
# Pairs clearing the bar held per unit before those that can no longer be mutual best are dropped
# (bounds the memory of linking; which pairs come out does not depend on it).
PRUNE_PER_UNIT = 2

# Near-synonyms that reports use for the same standing fact, folded to one concept for this
# comparison only: "an official policy not to arm countries at war" / "domestic policy prevents it
# from selling weapons into active conflicts".
_CONCEPTS: dict[str, str] = data.load("concepts")["concepts"]  # srccompare/data/concepts.toml
_FOLD = {form: concept for concept, forms in _CONCEPTS.items() for form in (concept, *forms.split())}


def concepts(text: str) -> set[str]:
    """The content words of a sentence with near-synonyms folded to their concept."""
    return {_FOLD.get(w, w) for w in content_words(text).split()}


def link_background(events: Sequence[Event], by_id: Mapping[str, Article]) -> list[Event]:
    """The events with each fact's background links (the facts of other events that tell it)."""
    return with_background(events, background_links(events, by_id))


def with_background(events: Sequence[Event], links: Mapping[str, tuple[str, ...]]) -> list[Event]:
    """The events with the background links ``background_links`` found (fact id -> fact ids)."""
    if not links:
        return list(events)
    out = []
    for event in events:
        facts = tuple(replace(f, background=links[f.id]) if f.id in links else f for f in event.facts)
        out.append(replace(event, facts=facts))
    return out


def background_links(events: Sequence[Event], by_id: Mapping[str, Article]) -> dict[str, tuple[str, ...]]:
    """Fact id -> the ids of the facts of other events that tell the same background fact, in order."""
    units = BackgroundUnits()
    for event in events:
        units.add(event, by_id)
    return units.links()


class BackgroundUnits:
    """What background_links reads of each event, gathered an event at a time and in story order, so
    that a caller can read each event as it comes back from the workers, while they compare the next.

    One unit per (event, article, paragraph) that holds facts: its words, and the facts it holds. Only
    one event's words are held as strings at a time: each unit keeps the ids of its words (in the order
    the story first uses them, alphabetical within a paragraph: a tie among a unit's rarest words, its
    blocking terms, goes to the word told first, on every run)."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, str, int]] = []
        self.facts_of: list[tuple[str, ...]] = []
        self.rows: list = []
        self.ids_of: dict[str, int] = {}
        self.events = 0

    def add(self, event: Event, by_id: Mapping[str, Article]) -> None:
        facts_here: dict[tuple[str, int], dict[str, None]] = {}
        words_here: dict[tuple[str, int], set[str]] = {}
        for fact in event.facts:
            for m in fact.members:
                key = (m.article, by_id[m.article].sentences[m.sentence].paragraph)
                facts_here.setdefault(key, {})[fact.id] = None
                words_here.setdefault(key, set()).update(concepts(m.text))
        for key in sorted(facts_here):
            self.keys.append((self.events, *key))
            self.facts_of.append(tuple(facts_here[key]))
            self.rows.append(_word_ids(words_here[key], self.ids_of))
        self.events += 1

    def links(self) -> dict[str, tuple[str, ...]]:
        """The links among the events added (the units are used up)."""
        if len({k[0] for k in self.keys}) < 2:
            return {}
        units = _units(self.keys, self.rows, list(self.ids_of))
        self.rows, self.ids_of = [], {}
        links: dict[str, set[str]] = {}
        for x, y in _linked_pairs(units).tolist():
            for a in self.facts_of[x]:
                for b in self.facts_of[y]:
                    links.setdefault(a, set()).add(b)
                    links.setdefault(b, set()).add(a)
        return {fact: tuple(sorted(others, key=_fact_order)) for fact, others in links.items()}


def _word_ids(words, ids_of: dict[str, int]):
    """A unit's distinct words as ids (int32), new words numbered as they come, alphabetically: the
    ids do not depend on the order the words were gathered in (concepts() gives a set)."""
    import numpy as np

    return np.array([ids_of.setdefault(w, len(ids_of)) for w in sorted(set(words))], dtype=np.int32)


def _units(keys, rows, vocabulary):
    """The units' words as compact sparse rows: (binary rows of the words two events or more use,
    the same rows weighted by IDF, each unit's size, each unit's event)."""
    import numpy as np

    from .vectors import Vectors, top_terms

    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32)
    n = len(keys)
    unit = np.repeat(np.arange(n, dtype=np.int64), lengths)
    event_of = np.array([k[0] for k in keys], dtype=np.int64)
    # IDF in whole steps: a word every paragraph of the story uses weighs 1, a rare one up to ~10.
    df = np.bincount(indices, minlength=len(vocabulary))
    idf = 1.0 + np.floor(2 * np.log(n / np.maximum(df, 1)))
    size = np.sqrt(np.bincount(unit, weights=idf[indices], minlength=n))
    # Words of one event only cannot link events: left out of the rows (not of the sizes).
    pairs = np.unique(indices.astype(np.int64) * (int(event_of.max()) + 1) + event_of[unit])
    events_with = np.bincount(pairs // (int(event_of.max()) + 1), minlength=len(vocabulary))
    keep = events_with[indices] > 1
    indices, unit = indices[keep], unit[keep]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(unit, minlength=n), out=indptr[1:])
    weights = idf[indices]
    block_ptr, block_ids = top_terms(indptr, indices, weights, BLOCK_WORDS)
    binary = Vectors(indptr, indices, np.ones(len(indices)), vocabulary, block_ptr, block_ids)
    weighted = Vectors(indptr, indices, weights, vocabulary, block_ptr, block_ids)
    return binary, weighted, size, event_of


def _linked_pairs(units):
    """The pairs (x, y) of units of different events that are each other's best cross-event match
    and clear the bar, as an (m, 2) array.

    Only pairs sharing BLOCK_SHARED of their BLOCK_WORDS rarest words, when few units use them
    (blocking: vectors.blocked_pairs, so neither a unit x unit matrix nor every pair sharing a
    common word); a background fact told twice shares at least one particular word (a name, a
    number, a rare term). The pairs are scored a range of units at a time and only those that
    clear the bar are kept, with each unit's best score.
    """
    import numpy as np

    from .vectors import block_max_df, blocked_pairs, row_dots

    binary, weighted, size, event_of = units
    n = len(size)
    best = np.zeros(n)
    eps = 1e-9
    kept_i, kept_j, kept_s = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    held = 0
    chunks = blocked_pairs(binary.block_ptr, binary.block_ids, block_max_df(n), apart=event_of, min_shared=BLOCK_SHARED)
    for i, j in chunks:
        # The same vocabulary, weighted by IDF on one side: the dot product with the binary rows is
        # the shared weight, and the lookups that make it count the shared words.
        shared, count = row_dots(weighted, i, j, other=binary, counts=True)
        score = shared / np.maximum(size[i] * size[j], 1e-9)
        # Each unit's best cross-event score (pairs are listed once: both ends count).
        np.maximum.at(best, i, score)
        np.maximum.at(best, j, score)
        # A shared fact needs shared words: a few, not one rare word two short paragraphs both use.
        bar = (score >= BACKGROUND_LINK) & (count >= BACKGROUND_WORDS)
        kept_i.append(i[bar])
        kept_j.append(j[bar])
        kept_s.append(score[bar])
        held += int(bar.sum())
        if held > PRUNE_PER_UNIT * n:
            # A best score only rises: a pair already below either end's best can never be mutual,
            # so it goes now (at 10,000 synthetic articles the pairs clearing the bar held 500 MB).
            kept_i, kept_j, kept_s = _mutual(kept_i, kept_j, kept_s, best, eps)
            held = len(kept_i[0])
    i, j, score = (a[0] for a in _mutual(kept_i, kept_j, kept_s, best, eps))
    return np.stack([i, j], axis=1)


def _mutual(kept_i, kept_j, kept_s, best, eps):
    """The kept pairs (lists of arrays) whose score is still the best of both ends, as one array each."""
    import numpy as np

    i, j, score = np.concatenate(kept_i), np.concatenate(kept_j), np.concatenate(kept_s)
    mutual = (score >= best[i] - eps) & (score >= best[j] - eps)
    return [i[mutual]], [j[mutual]], [score[mutual]]


def _fact_order(fact_id: str) -> tuple[int, str, int, str]:
    event, _, fact = fact_id.partition(".F")
    e = event.lstrip("E")
    return (int(e) if e.isdigit() else 0, event, int(fact) if fact.isdigit() else 0, fact_id)
