"""The extraction scorer (bench/scoring.py) on small hand-computed examples."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.scoring import aggregate, page_scores, shingles, tokens


def test_tokens_are_unicode_word_runs_with_case_kept():
    assert tokens("Kim Jong-un's visit, 3.5 km — Kyiv/Київ!") == [
        "Kim",
        "Jong",
        "un",
        "s",
        "visit",
        "3",
        "5",
        "km",
        "Kyiv",
        "Київ",
    ]


def test_shingles_of_four_tokens_with_multiplicity():
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("x y z w x y z w") == Counter(
        {("x", "y", "z", "w"): 2, ("y", "z", "w", "x"): 1, ("z", "w", "x", "y"): 1, ("w", "x", "y", "z"): 1}
    )


def test_short_text_is_one_shingle_and_empty_text_none():
    assert shingles("Breaking news!") == Counter({("Breaking", "news"): 1})
    assert shingles("...") == Counter()


def test_page_counts_shared_shingles_with_multiplicity():
    # truth: a b c d e f -> abcd bcde cdef; pred: b c d e f g -> bcde cdef defg
    s = page_scores("b c d e f g", "a b c d e f")
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    # A repeated shingle is matched only as often as it occurs on both sides.
    s = page_scores("a b c d a b c d", "a b c d")
    assert (s.tp, s.fp, s.fn) == (1, 4, 0)


def test_case_matters():
    s = page_scores("The cat sat down", "the cat sat down")
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_perfect_and_empty_pages():
    s = page_scores("one two", "one two")
    assert (s.precision, s.recall) == (1.0, 1.0)
    s = page_scores("", "")
    assert (s.precision, s.recall) == (1.0, 1.0) and not s.predicted and not s.expected


def test_empty_prediction_lowers_recall_only():
    pages = [("a b c d e", "a b c d e"), ("", "p q r s")]
    p, r, f1 = aggregate(pages)
    assert p == 1.0
    assert r == pytest.approx(0.5)
    assert f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_means_over_pages_not_pooled_counts():
    # Page 1: P 1/2, R 1; page 2: P 1, R 1/3. Means: P 3/4, R 2/3.
    pages = [("a b c d x", "a b c d"), ("a b c d", "a b c d e f")]
    p, r, f1 = aggregate(pages)
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_page_without_truth_counts_for_precision_only():
    p, r, _ = aggregate([("a b c d", ""), ("a b c d", "a b c d")])
    assert p == pytest.approx(0.5)
    assert r == 1.0


def test_bench_only_replaces_its_own_sections_in_the_recorded_figures():
    # `python -m bench --only facts` must update the facts section of BENCHMARKS.md, not throw the
    # other sections' figures away; the header stays as it is (no log of re-runs), and each section
    # carries its own date.
    from pathlib import Path

    from bench.__main__ import STAMP, _replace_sections, _sections, _stamped

    recorded = (Path(__file__).resolve().parent.parent / "bench" / "BENCHMARKS.md").read_text(encoding="utf-8")
    head, sections = _sections(recorded)
    assert all(s.split("\n\n")[1].startswith(STAMP) for s in sections)
    facts = next(s for s in sections if s.startswith("## facts"))
    fresh = [_stamped("## facts\n\nnew figures\n", True), _stamped("## a new section\n\nmore\n", True)]
    updated = _replace_sections(recorded, fresh, "data")
    new_head, new_sections = _sections(updated)
    assert new_head == head
    assert [s.splitlines()[0] for s in new_sections] == [s.splitlines()[0] for s in sections] + ["## a new section"]
    assert "new figures" in updated and facts not in updated
    assert all(s.rstrip("\n") in updated for s in sections if s is not facts)
    new_facts = next(s for s in new_sections if s.startswith("## facts"))
    assert new_facts.split("\n\n")[1].startswith(STAMP) and "`--only`" in new_facts.split("\n\n")[1]
