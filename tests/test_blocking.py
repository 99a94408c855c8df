"""Blocking and background linking at scale: the pairs made a range of rows at a time are the pairs
made at once, and background links do not depend on the string hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, SHARED

ECBPLUS = SHARED / "bench" / "ecbplus" / "articles"


def _articles():
    from srccompare import load

    paths = sorted(ECBPLUS.glob("*.txt"))[:120] if ECBPLUS.is_dir() else sorted(CORPUS.glob("*.txt"))
    return load([str(p) for p in paths], problems=[])


@pytest.mark.parametrize("chunk", [1, 97, 1 << 21])
def test_blocked_pairs_do_not_depend_on_the_chunk_size(monkeypatch, chunk):
    import numpy as np

    from srccompare.compare import vectors
    from srccompare.compare.group import article_vectors

    articles = sorted(_articles(), key=lambda a: a.id)
    v = article_vectors(articles)
    reference = vectors.candidate_pairs(v, max_df=8)
    monkeypatch.setattr(vectors, "PAIRS_PER_CHUNK", chunk)
    chunks = list(vectors.blocked_pairs(v.block_ptr, v.block_ids, 8))
    i = np.concatenate([c[0] for c in chunks])
    j = np.concatenate([c[1] for c in chunks])
    assert len(i) and (i == reference[0]).all() and (j == reference[1]).all()
    # Every pair shares a blocking term that at most 8 articles have among theirs, and i < j.
    assert (i < j).all()
    rows = [set(v.block_ids[v.block_ptr[k] : v.block_ptr[k + 1]].tolist()) for k in range(len(v))]
    df: dict[int, int] = {}
    for r in rows:
        for t in r:
            df[t] = df.get(t, 0) + 1
    for a, b in zip(i.tolist()[:500], j.tolist()[:500]):
        assert any(df[t] <= 8 for t in rows[a] & rows[b])


def test_compact_vectors_equal_the_dict_vectors():
    import numpy as np

    from srccompare.compare import group, vectors

    articles = sorted(_articles(), key=lambda a: a.id)
    compact = group.article_vectors(articles)
    plain = vectors.tfidf([group._passages(a) for a in articles])
    for k in range(len(articles)):
        # Terms of one article only are left out of the compact rows: they add nothing to a dot product.
        row = compact[k]
        assert all(np.isclose(plain[k][t], w) for t, w in row.items())
    i, j = vectors.candidate_pairs(compact)
    assert np.allclose(vectors.pair_cosines(compact, i, j), vectors.pair_cosines(plain, i, j))


def test_blocking_terms_are_terms_another_article_uses():
    """Each row's blocking terms are its heaviest among the terms some other row uses too: a term of one row pairs
    nothing, and in a dozen reports of one story a report's heaviest terms are mostly word pairs of its own."""
    import numpy as np

    from srccompare.compare import group, vectors

    articles = sorted(_articles(), key=lambda a: a.id)
    v = group.article_vectors(articles)
    docs_with = np.bincount(v.indices, minlength=len(v.vocabulary))
    for k in range(len(articles)):
        blocking = v.block_ids[v.block_ptr[k] : v.block_ptr[k + 1]]
        ids, weights = v.row(k)
        assert (docs_with[blocking] > 1).all()
        # as many as the row has, up to BLOCK_TOP, and the heaviest of them
        assert len(blocking) == min(vectors.BLOCK_TOP, len(ids))
        if len(ids) > len(blocking):
            kept = set(blocking.tolist())
            lightest_kept = min(w for t, w in zip(ids.tolist(), weights) if t in kept)
            assert all(w <= lightest_kept + 1e-12 for t, w in zip(ids.tolist(), weights) if t not in kept)


_LINKS = """
import json, sys
from srccompare import load
from srccompare.compare.background import link_background
from srccompare.compare.group import group_events
from srccompare.model import Event, FactGroup, Member

articles = load(sys.argv[1:], problems=[])
by_id = {a.id: a for a in articles}
events = []
for g in group_events(articles):
    facts = [FactGroup(f"{g.id}.F{n}", "single", (Member(a.id, k, s.text),))
             for n, (a, k, s) in enumerate(((a, k, s) for a in g.articles for k, s in enumerate(a.sentences)), 1)]
    events.append(Event(g.id, g.title, g.dates, tuple(a.id for a in g.articles), tuple(facts)))
print(json.dumps(sorted((f.id, f.background) for e in link_background(events, by_id) for f in e.facts if f.background)))
"""


def test_background_links_do_not_depend_on_the_hash_seed():
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ articles not found at {ECBPLUS}")
    paths = [str(p) for p in sorted(ECBPLUS.glob("*.txt"))[:150]]
    out = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", _LINKS, *paths], env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr[-2000:]
        out.append(json.loads(proc.stdout))
    assert out[0], "no background link at all: the test says nothing"
    assert out[0] == out[1]


def test_background_blocking_terms_do_not_depend_on_the_order_words_are_gathered():
    # A paragraph's words arrive from its facts in any order (and concepts() gives a set, whose
    # order follows the hash seed); the rarest words chosen for blocking must not follow it.
    from dataclasses import replace

    import numpy as np

    from srccompare.compare.background import BackgroundUnits, _units
    from srccompare.model import Event, FactGroup, Member

    articles = _articles()[:40]
    by_id = {a.id: a for a in articles}
    events = []
    for e in range(4):
        facts = [
            FactGroup(f"E{e}.F{n}", "single", (Member(a.id, k, s.text),))
            for n, (a, k, s) in enumerate(((a, k, s) for a in articles[e::4] for k, s in enumerate(a.sentences)), 1)
        ]
        events.append(Event(f"E{e}", "", (None, None), tuple(a.id for a in articles[e::4]), tuple(facts)))

    def units(order):
        gathered = BackgroundUnits()
        for event in events:
            gathered.add(replace(event, facts=tuple(order(list(event.facts)))), by_id)
        return _units(gathered.keys, gathered.rows, len(gathered.ids_of)), list(gathered.ids_of)

    (forward, words_f), (backward, words_b) = units(list), units(lambda v: list(reversed(v)))
    assert len(forward.block_ids) and (forward.block_ptr == backward.block_ptr).all()
    assert [words_f[t] for t in forward.block_ids] == [words_b[t] for t in backward.block_ids]
    assert np.array_equal(forward.size, backward.size)


def _sentence_facts():
    """The test articles' events, each sentence a fact of its own (the most units linking can meet)."""
    from srccompare.compare.group import group_events
    from srccompare.model import Event, FactGroup, Member

    articles = _articles()
    events = []
    for g in group_events(articles):
        units = ((a, k, s) for a in g.articles for k, s in enumerate(a.sentences))
        facts = [
            FactGroup(f"{g.id}.F{n}", "single", (Member(a.id, k, s.text),)) for n, (a, k, s) in enumerate(units, 1)
        ]
        events.append(Event(g.id, g.title, g.dates, tuple(a.id for a in g.articles), tuple(facts)))
    return events, {a.id: a for a in articles}


@pytest.mark.parametrize("prune", [0, 2])
def test_background_links_do_not_depend_on_when_losing_pairs_are_dropped(monkeypatch, prune):
    # Pairs that clear the bar are pruned (those no longer the best of both ends) as chunks come, to
    # bound memory; the links must be those of keeping every pair to the end.
    from srccompare.compare import background, vectors

    events, by_id = _sentence_facts()
    # Small chunks, so that pruning happens between them.
    monkeypatch.setattr(vectors, "PAIRS_PER_CHUNK", 256)
    monkeypatch.setattr(background, "PRUNE_PER_UNIT", 10**9)
    kept = background.background_links(events, by_id)
    monkeypatch.setattr(background, "PRUNE_PER_UNIT", prune)
    assert kept, "no background link at all: the test says nothing"
    assert background.background_links(events, by_id) == kept


def test_shared_term_counts_come_from_the_same_lookups_as_the_dot_products():
    import numpy as np

    from srccompare.compare import group, vectors

    v = group.article_vectors(sorted(_articles(), key=lambda a: a.id))
    i, j = vectors.candidate_pairs(v)
    binary = vectors.Vectors(v.indptr, v.indices, np.ones(len(v.indices)), v.vocabulary, v.block_ptr, v.block_ids)
    dots, counts = vectors.row_dots(v, i, j, other=binary, counts=True)
    assert np.allclose(dots, vectors.row_dots(v, i, j, other=binary))
    assert (counts == np.rint(vectors.row_dots(binary, i, j))).all() and counts.max() >= 2
    rows = [set(v.indices[v.indptr[k] : v.indptr[k + 1]].tolist()) for k in range(len(v))]
    assert all(counts[n] == len(rows[a] & rows[b]) for n, (a, b) in enumerate(zip(i.tolist()[:300], j.tolist()[:300])))


class _InProcess:
    """An engine of ``workers`` workers that runs each share here, counting the shares it was given."""

    ready = True

    def __init__(self, workers: int) -> None:
        self.workers, self.shares = workers, 0

    def map(self, fn, items, here_below=2, batch=64):
        self.shares = len(items)
        return map(fn, items)

    def rest(self):
        pass


def test_background_links_scored_in_shares_are_those_scored_at_once(monkeypatch):
    # Many units: the pairs are scored on the engine's workers, each taking every n-th chunk and
    # pruning by its own best scores; the links must be those of one process scoring them all.
    from srccompare.compare import background, vectors

    events, by_id = _sentence_facts()
    monkeypatch.setattr(vectors, "PAIRS_PER_CHUNK", 256)
    monkeypatch.setattr(background, "PRUNE_PER_UNIT", 0)
    alone = background.background_links(events, by_id)
    monkeypatch.setattr(background, "LINK_ON_WORKERS", 0)
    engine = _InProcess(2)
    gathered = background.BackgroundUnits()
    for event in events:
        gathered.add(event, by_id)
    assert alone, "no background link at all: the test says nothing"
    assert gathered.links(engine) == alone
    assert engine.shares == 2


def test_article_pairs_scored_in_shares_are_those_scored_at_once(monkeypatch):
    # From SIMILARITIES_ON_WORKERS articles each worker scores every n-th chunk of blocked pairs; the
    # pairs, their order and their cosines must be those of one process.
    import numpy as np

    from srccompare import engine
    from srccompare.compare import group, vectors
    from srccompare.options import Options

    articles = sorted(_articles(), key=lambda a: a.id)
    monkeypatch.setattr(vectors, "PAIRS_PER_CHUNK", 64)
    alone = group.similarities(articles)
    assert len(alone[0]) > 200
    fake = _InProcess(3)
    monkeypatch.setattr(engine, "engine_of", lambda options: fake)
    monkeypatch.setattr(group, "SIMILARITIES_ON_WORKERS", 1)
    shared = group.similarities(articles, options=Options(jobs=3))
    assert fake.shares == 3
    assert all(np.array_equal(x, y) for x, y in zip(alone, shared))
