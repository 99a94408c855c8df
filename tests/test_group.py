"""Grouping articles into events and ordering the events into a story, on the seeds and small files."""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import srccompare
from srccompare.compare.group import EventGroup, average_linkage, group_events
from srccompare.model import Article
from srccompare.options import Options
from tests.conftest import CORPUS, DATA

GROUP_DATA = DATA / "group"


def _load(use_manifest: bool = True) -> list[Article]:
    return srccompare.load([str(CORPUS)], Options(use_manifest=use_manifest))


def _names(events: list[EventGroup]) -> list[list[str]]:
    """Each event as the sorted seed numbers of its articles ('000', '001'...), in story order."""
    return [sorted(a.path.rsplit("/", 1)[-1][:3] for a in e.articles) for e in events]


def _undated(articles: list[Article]) -> list[Article]:
    return [dataclasses.replace(a, published=None) for a in articles]


def _from_file(name: str, language: str, published: str | None = None) -> Article:
    text = (GROUP_DATA / name).read_text(encoding="utf-8")
    title, *paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Article(
        id=name,
        path=name,
        title=title,
        language=language,
        published=published,
        paragraphs=tuple(" ".join(p.split()) for p in paragraphs),
    )


def _seed_story(gold) -> list[list[str]]:
    """The gold story as lists of seed numbers, in story order."""
    events = gold["events"]
    return [sorted(name[:3] for name in events[e]["articles"]) for e in gold["story"]["events_in_order"]]


def test_seeds_with_manifest(gold):
    events = group_events(_load(), Options())
    assert _names(events) == _seed_story(gold) == [["003"], ["000", "001"], ["002"], ["004"]]
    assert [e.id for e in events] == ["E1", "E2", "E3", "E4"]
    e2 = events[1]
    assert e2.dates == ("2024-06-05", "2024-06-06")
    # Within an event, articles run by date: Yonhap (5 June) before AsiaNews (6 June).
    assert [a.published for a in e2.articles] == ["2024-06-05", "2024-06-06"]
    assert events[0].dates == ("2023-09-19", "2023-09-19")


def test_seeds_without_manifest(gold):
    articles = _load(use_manifest=False)
    if not any(a.published for a in articles):
        pytest.skip("the text cleaner finds no published date yet")
    assert _names(group_events(articles, Options(use_manifest=False))) == _seed_story(gold)


def test_without_dates_the_same_event_still_groups():
    events = group_events(_undated(_load()), Options())
    together = [e for e in events if {"000", "001"} & set(_names([e])[0])]
    assert len(together) == 1 and {"000", "001"} <= set(_names(together)[0])
    assert all(e.dates == (None, None) for e in events)


def test_dates_split_a_story_that_words_alone_cannot():
    # 003 (Sept. 2023) and 004 (June 2024) are both about Seoul's foreign ministry and Russia:
    # their words are close, their dates a year apart.
    articles = {a.id.rsplit("/", 1)[-1][:3]: a for a in _load()}
    pair = [articles["003"], articles["004"]]
    assert len(group_events(pair)) == 2
    from srccompare.compare.group import similarities

    assert similarities(pair)[0, 1] > 0.1


@pytest.mark.parametrize("dated", [True, False])
def test_order_of_input_does_not_matter(dated):
    articles = _load() if dated else _undated(_load())
    expected = group_events(articles)
    for perm in itertools.islice(itertools.permutations(articles), 1, None, 7):
        assert group_events(list(perm)) == expected


def test_shuffled_basil_like_input_is_stable():
    articles = _load() + [_from_file("harvest_en.txt", "en", "2024-06-05")]
    expected = group_events(articles)
    rng = random.Random(5)
    for _ in range(10):
        shuffled = articles[:]
        rng.shuffle(shuffled)
        assert group_events(shuffled) == expected


def test_single_article_and_empty_input():
    article = _load()[0]
    (event,) = group_events([article])
    assert event.id == "E1" and event.articles == (article,)
    assert event.dates == (article.published, article.published)
    assert event.title
    assert group_events([]) == []


def test_identical_duplicates_group_together():
    article = _load()[2]
    copy = dataclasses.replace(article, id="copy-of-002", path="copy-of-002")
    events = group_events([article, copy, _from_file("harvest_en.txt", "en", article.published)])
    assert [sorted(a.id for a in e.articles) for e in events if len(e.articles) > 1] == [
        sorted([article.id, "copy-of-002"])
    ]


def test_other_languages_are_not_grouped_with_english():
    forum_de = _from_file("forum_de.txt", "de", "2024-06-05")
    events = group_events(_load() + [forum_de])
    (alone,) = [e for e in events if forum_de in e.articles]
    assert alone.articles == (forum_de,)
    # A near-copy is the exception: the same text under another language label still groups.
    seed = _load()[1]
    relabelled = dataclasses.replace(seed, id="relabelled", path="relabelled", language="ko")
    assert len(group_events([seed, relabelled])) == 1


def test_unrelated_undated_event_goes_last():
    harvest = _from_file("harvest_en.txt", "en")
    events = group_events(_load() + [harvest])
    assert events[-1].articles == (harvest,)
    assert events[-1].dates == (None, None)
    assert _names(events[:-1]) == [["003"], ["000", "001"], ["002"], ["004"]]


def test_undated_article_joins_its_dated_event():
    articles = {a.id.rsplit("/", 1)[-1][:3]: a for a in _load()}
    articles["000"] = dataclasses.replace(articles["000"], published=None)
    events = group_events(list(articles.values()))
    assert _names(events) == [["003"], ["000", "001"], ["002"], ["004"]]
    # Dated articles first, the undated one after them.
    assert [a.published for a in events[1].articles] == ["2024-06-05", None]
    assert events[1].dates == ("2024-06-05", "2024-06-05")


def test_title_is_a_title_or_a_first_sentence():
    untitled = [dataclasses.replace(a, title=None) for a in _load()]
    for event in group_events(untitled):
        sentences = {s.text for a in event.articles for s in a.sentences}
        assert event.title in sentences or event.title.endswith("…")
    titled = _from_file("harvest_en.txt", "en")
    assert group_events([titled])[0].title == titled.title


def test_average_linkage_stops_at_the_threshold():
    import numpy as np

    sims = np.array(
        [
            [1.0, 0.9, 0.2, 0.0],
            [0.9, 1.0, 0.0, 0.0],
            [0.2, 0.0, 1.0, 0.5],
            [0.0, 0.0, 0.5, 1.0],
        ]
    )
    # {0, 1} and {2, 3} average 0.05 to each other: below the threshold, they stay apart even
    # though 0 and 2 alone score 0.2 (single linkage would chain them).
    assert average_linkage(sims, 0.15) == [[0, 1], [2, 3]]
    assert average_linkage(sims, 0.95) == [[0], [1], [2], [3]]
    assert average_linkage(sims, 0.0) == [[0, 1, 2, 3]]


def test_terms_fold_plurals_and_skip_function_words():
    from srccompare.compare.vectors import content_words, terms

    assert content_words("The agencies said Putin's remarks on Ukraine's weapons") == [
        "agency",
        "putin",
        "remark",
        "ukraine",
        "weapon",
    ]
    assert "st petersburg" in terms("on the sidelines of the St Petersburg forum")


@pytest.mark.parametrize("sparse_max_df", [1, 2, 3, 1000])
def test_cosine_matrix_is_the_same_however_terms_are_split(monkeypatch, sparse_max_df):
    import numpy as np

    from srccompare.compare import vectors

    articles = _load()
    docs = [[vectors.terms(p) for p in a.paragraphs] for a in articles]
    weights = vectors.tfidf(docs)
    terms_ = sorted({t for v in weights for t in v})
    dense = np.array([[v.get(t, 0.0) for t in terms_] for v in weights])
    expected = np.clip(dense @ dense.T, 0, 1)
    np.fill_diagonal(expected, 1.0)
    monkeypatch.setattr(vectors, "SPARSE_MAX_DF", sparse_max_df)
    assert np.allclose(vectors.cosine_matrix(weights, block=7), expected)


def test_undated_event_is_told_after_the_dated_event_it_resembles(monkeypatch):
    from srccompare.compare import group

    # With a threshold no pair reaches, every article is its own event; the undated Yonhap
    # report then goes right after the AsiaNews report of the same forum, not at the end.
    monkeypatch.setattr(group, "THRESHOLD", 0.99)
    articles = {a.id.rsplit("/", 1)[-1][:3]: a for a in _load()}
    articles["001"] = dataclasses.replace(articles["001"], published=None)
    assert _names(group_events(list(articles.values()))) == [["003"], ["000"], ["001"], ["002"], ["004"]]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=9).flatmap(
        lambda n: st.lists(st.floats(min_value=0, max_value=1), min_size=n * n, max_size=n * n)
    ),
    st.floats(min_value=0.05, max_value=0.95),
)
def test_average_linkage_partitions_and_leaves_no_close_pair(values, threshold):
    import numpy as np

    n = int(round(len(values) ** 0.5))
    raw = np.array(values).reshape(n, n)
    sims = (raw + raw.T) / 2
    np.fill_diagonal(sims, 1.0)
    clusters = average_linkage(sims, threshold)
    assert sorted(i for c in clusters for i in c) == list(range(n))
    for a, b in itertools.combinations(clusters, 2):
        assert sims[np.ix_(a, b)].mean() < threshold + 1e-9
