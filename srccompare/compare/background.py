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
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import data
from ..model import Article, Event
from ..nlp.tokens import aligned_words

if TYPE_CHECKING:
    from ..engine import Engine

# Weighted overlap (shared IDF weight over the geometric mean of the two sides' weights) at or
# above which two cross-event paragraphs that are each other's best match tell one background fact.
BACKGROUND_LINK = 0.3

# ... and share at least this many distinct content words.
BACKGROUND_WORDS = 4
# Paragraphs are compared only when they share two of their this many rarest words (blocking): a
# background fact told twice keeps its particulars (a name, a number, a rare term) in either telling.
BLOCK_WORDS = 8
BLOCK_SHARED = 2
# Units (paragraphs) from which the pairs are scored on the engine's workers, a share each, rather
# than here: 1,000 synthetic articles make about 10,000 units and 0.35 s of scoring, 10,000 about
# 110,000 and 9 s; below a few thousand, forking the workers and shipping the rows costs about what
# it saves.
LINK_ON_WORKERS = 5_000
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
    return {_FOLD.get(w, w) for w in aligned_words(text).split()}


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


class EventWords(NamedTuple):
    """What background linking reads of one event (``event_words``): the event's distinct words,
    sorted, and per (article, paragraph) that holds facts, in that order: the facts it holds and the
    positions of its words in ``vocabulary`` (ascending, so alphabetical)."""

    vocabulary: tuple[str, ...]
    paragraphs: tuple[tuple[str, int, tuple[str, ...], tuple[int, ...]], ...]


def event_words(event: Event, by_id: Mapping[str, Article]) -> EventWords:
    """The words of ``event`` for background linking. Read where the event is compared (a worker),
    so the process that gathers every event only numbers them."""
    facts_here: dict[tuple[str, int], dict[str, None]] = {}
    words_here: dict[tuple[str, int], set[str]] = {}
    for fact in event.facts:
        for m in fact.members:
            key = (m.article, by_id[m.article].sentences[m.sentence].paragraph)
            facts_here.setdefault(key, {})[fact.id] = None
            words_here.setdefault(key, set()).update(concepts(m.text))
    vocabulary = sorted(set().union(*words_here.values())) if words_here else []
    index = {w: k for k, w in enumerate(vocabulary)}
    return EventWords(
        tuple(vocabulary),
        tuple(
            (
                article,
                paragraph,
                tuple(facts_here[article, paragraph]),
                tuple(sorted(index[w] for w in words_here[article, paragraph])),
            )
            for article, paragraph in sorted(facts_here)
        ),
    )


class BackgroundUnits:
    """What background_links reads of each event, gathered an event at a time and in story order, so
    that a caller can read each event as it comes back from the workers, while they compare the next.

    One unit per (event, article, paragraph) that holds facts: its words, and the facts it holds. Each
    unit keeps the ids of its words, numbered in the order the story first uses them, alphabetical
    within a paragraph: a tie among a unit's rarest words, its blocking terms, goes to the word told
    first, on every run."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, str, int]] = []
        self.facts_of: list[tuple[str, ...]] = []
        self.rows: list = []
        self.ids_of: dict[str, int] = {}
        self.events = 0

    def add(self, event: Event, by_id: Mapping[str, Article]) -> None:
        self.add_words(event_words(event, by_id))

    def add_words(self, words: EventWords) -> None:
        import numpy as np

        local = [np.asarray(positions, dtype=np.int64) for *_, positions in words.paragraphs]
        # The event's words get their story-wide ids in the order of first use: one lookup per
        # distinct word of the event, not one per word of each paragraph.
        ids = np.zeros(len(words.vocabulary), dtype=np.int32)
        if local:
            flat = np.concatenate(local)
            seen, first = np.unique(flat, return_index=True)
            for k in seen[np.argsort(first, kind="stable")].tolist():
                ids[k] = self.ids_of.setdefault(words.vocabulary[k], len(self.ids_of))
        for (article, paragraph, facts, _), at in zip(words.paragraphs, local):
            self.keys.append((self.events, article, paragraph))
            self.facts_of.append(facts)
            self.rows.append(ids[at])
        self.events += 1

    def links(self, engine: Engine | None = None) -> dict[str, tuple[str, ...]]:
        """The links among the events added (the units are used up). With an engine of several
        workers and at least LINK_ON_WORKERS units, the pairs are scored on its workers, a share each."""
        if len({k[0] for k in self.keys}) < 2:
            return {}
        # The words themselves are never needed past here: only their number.
        units = _units(self.keys, self.rows, len(self.ids_of))
        self.rows, self.ids_of = [], {}
        from ..nlp.memo import trim

        # Making the units went through arrays several times their size (10,000 articles: 130 MB for
        # 17 MB of units), which the allocator keeps unless told: they would sit beside the workers.
        trim()
        from ..engine import in_shares

        shares = in_shares(engine if len(self.keys) >= LINK_ON_WORKERS else None, _scored_share, units)
        links: dict[str, set[str]] = {}
        for x, y in _linked_pairs(shares).tolist():
            for a in self.facts_of[x]:
                for b in self.facts_of[y]:
                    links.setdefault(a, set()).add(b)
                    links.setdefault(b, set()).add(a)
        return {fact: tuple(sorted(others, key=_fact_order)) for fact, others in links.items()}


class Units(NamedTuple):
    """The units' words as compact sparse rows (CSR ``indptr``/``indices``) of the words two events or
    more use, each word's IDF, each unit's blocking words (its BLOCK_WORDS rarest, CSR), size and event.
    Shipped to the workers as it is: the weight of each entry (``idf[indices]``) is made there."""

    indptr: Any
    indices: Any
    idf: Any
    block_ptr: Any
    block_ids: Any
    size: Any
    event_of: Any


def _units(keys, rows, words: int) -> Units:
    """The units' words (``words`` distinct ones): see Units."""
    import numpy as np

    from .vectors import top_terms

    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32)
    n = len(keys)
    unit = np.repeat(np.arange(n, dtype=np.int64), lengths)
    event_of = np.array([k[0] for k in keys], dtype=np.int64)
    # IDF in whole steps: a word every paragraph of the story uses weighs 1, a rare one up to ~10.
    df = np.bincount(indices, minlength=words)
    idf = 1.0 + np.floor(2 * np.log(n / np.maximum(df, 1)))
    size = np.sqrt(np.bincount(unit, weights=idf[indices], minlength=n))
    # Words of one event only cannot link events: left out of the rows (not of the sizes).
    pairs = np.unique(indices.astype(np.int64) * (int(event_of.max()) + 1) + event_of[unit])
    events_with = np.bincount(pairs // (int(event_of.max()) + 1), minlength=words)
    keep = events_with[indices] > 1
    indices, unit = indices[keep], unit[keep]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(unit, minlength=n), out=indptr[1:])
    block_ptr, block_ids = top_terms(indptr, indices, idf[indices], BLOCK_WORDS)
    return Units(indptr, indices, idf, block_ptr, block_ids, size, event_of)


def _scored_share(task):
    """One share of the scoring (``task``: units, share k, shares n: the k-th of every n chunks of
    pairs, vectors.blocked_pairs): the pairs of units of different events that clear the bar and
    are still each other's best match within the share, and each unit's best score within it.

    Only pairs sharing BLOCK_SHARED of their BLOCK_WORDS rarest words, when few units use them
    (blocking: vectors.blocked_pairs, so neither a unit x unit matrix nor every pair sharing a
    common word); a background fact told twice shares at least one particular word (a name, a
    number, a rare term). The pairs are scored a range of units at a time and only those that
    clear the bar are kept, with each unit's best score.
    """
    import numpy as np

    from .vectors import Vectors, block_max_df, blocked_pairs, row_dots

    units, share, shares = task
    size, event_of = units.size, units.event_of
    # The IDF weights are whole numbers: float32 holds them exactly, in half the memory.
    weights = units.idf[units.indices].astype(np.float32)
    weighted = Vectors(units.indptr, units.indices, weights, [], units.block_ptr, units.block_ids)
    # The same rows with every weight 1: a read-only view of a single 1.0, taking no memory.
    ones = np.broadcast_to(np.float64(1.0), units.indices.shape)
    binary = Vectors(units.indptr, units.indices, ones, [], units.block_ptr, units.block_ids)
    n = len(size)
    best = np.zeros(n)
    kept_i, kept_j, kept_s = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    held = 0
    chunks = blocked_pairs(
        binary.block_ptr,
        binary.block_ids,
        block_max_df(n),
        apart=event_of,
        min_shared=BLOCK_SHARED,
        share=(share, shares),
    )
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
            kept_i, kept_j, kept_s = _mutual(kept_i, kept_j, kept_s, best)
            held = len(kept_i[0])
    i, j, score = (a[0] for a in _mutual(kept_i, kept_j, kept_s, best))
    return i, j, score, best


def _linked_pairs(shares):
    """The pairs (x, y) of units of different events that are each other's best cross-event match
    and clear the bar, as an (m, 2) array, from the shares' kept pairs and best scores (a pair below
    one share's best is below the best of all)."""
    import numpy as np

    best = np.maximum.reduce([b for *_, b in shares])
    kept_i, kept_j, kept_s = [s[0] for s in shares], [s[1] for s in shares], [s[2] for s in shares]
    i, j, _ = (a[0] for a in _mutual(kept_i, kept_j, kept_s, best))
    return np.stack([i, j], axis=1)


def _mutual(kept_i, kept_j, kept_s, best, eps: float = 1e-9):
    """The kept pairs (lists of arrays) whose score is still the best of both ends, as one array each."""
    import numpy as np

    i, j, score = np.concatenate(kept_i), np.concatenate(kept_j), np.concatenate(kept_s)
    mutual = (score >= best[i] - eps) & (score >= best[j] - eps)
    return [i[mutual]], [j[mutual]], [score[mutual]]


def _fact_order(fact_id: str) -> tuple[int, str, int, str]:
    event, _, fact = fact_id.partition(".F")
    e = event.lstrip("E")
    return (int(e) if e.isdigit() else 0, event, int(fact) if fact.isdigit() else 0, fact_id)
