"""Fit the link model on the hand-labelled ECB+ events and write srccompare/compare/link_weights.py.

    .venv/bin/python -m bench.fit_link

The aligner links two sentences of different articles when their word score (with the embedding's cosine, the
figures and the quotations: ``align._Scorer``) makes them each other's best match above a bar. That score alone ranks
the sentence pairs of the labelled events (tests/data/facts) fairly well, but it cannot weigh what it does not read:
how much of one sentence the other holds, where each stands in its article (a lead tells the main fact), how long
each is, and whether they share names, counted things or figures. The link model is an L2-regularised logistic
regression over those features (``align._Scorer.link_features``, in ``align.LINK_FEATURES`` order), fitted by
``bench.fit_relation.fit`` (Newton's method, numpy only) on the tuned events alone: every pair of labelled sentences
of two articles of one event, positive when their passages tell a same key fact. The held-out events are never read
here except to report, at the end, how the model ranks their pairs against the score alone (ROC AUC), with a
cross-validation by topic on the tuned events beside it.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from srccompare.compare.align import LINK_FEATURES as FEATURES

from .factscore import ARTICLES, HELD_OUT, LabelledEvent, fact_sentences, labelled_events, sentence_facts
from .fit_relation import fit, predict, weight_rows

L2 = 1.0
WEIGHTS = Path(__file__).resolve().parent.parent / "srccompare" / "compare" / "link_weights.py"


def event_pairs(event: LabelledEvent) -> tuple[np.ndarray, np.ndarray]:
    """(features, labels) of every pair of labelled sentences of two articles of ``event``."""
    import srccompare

    align = importlib.import_module("srccompare.compare.align")
    units_of = importlib.import_module("srccompare.compare.units").units_of
    loaded = srccompare.load([ARTICLES / n for n in event.own], problems=[])
    told = sentence_facts(fact_sentences(event, {a.id: [s.text for s in a.sentences] for a in loaded}))
    # The scorer reads the whole event (the words' rarity is over all its sentences, as when comparing); the
    # features are those of the labelled sentences.
    everyone = [u for a in loaded for u in units_of(a)]
    picked = np.array([k for k, u in enumerate(everyone) if (u.article, u.sentence) in told], dtype=np.int64)
    units = [everyone[k] for k in picked]
    if len(units) < 2:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    features = np.stack(align._Scorer(everyone).features(picked, picked), axis=-1)
    rows, labels = [], []
    for i, j in itertools.combinations(range(len(units)), 2):
        u, v = units[i], units[j]
        if u.article != v.article:
            rows.append(features[i, j])
            labels.append(bool(told[u.article, u.sentence] & told[v.article, v.sentence]))
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.float64)


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC by ranks (ties share their mean rank)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    start = 0
    for end in range(1, len(scores) + 1):
        if end == len(scores) or sorted_scores[end] != sorted_scores[start]:
            ranks[order[start:end]] = (start + end - 1) / 2.0
            start = end
    positive = labels == 1
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n_pos * (n_pos - 1) / 2) / (n_pos * n_neg))


def train(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, np.ndarray]:
    """Mean, scale, intercept and coefficients of the model fitted on standardised features."""
    mean, scale = X.mean(axis=0), X.std(axis=0) + 1e-9
    intercept, coefs = fit((X - mean) / scale, y, l2=L2)
    return mean, scale, intercept, coefs


def write_weights(
    mean: Sequence[float], scale: Sequence[float], intercept: float, coefs: Sequence[float], source: str
) -> None:
    names = "".join(f'    "{name}",\n' for name in FEATURES)
    text = (
        '"""The fitted numbers of the link model (``align._Scorer``). Written by ``bench/fit_link.py``; do not edit."""\n\n'
        f"# Fitted on {source}: L2 logistic regression,\n# L2={L2}, on features standardised by MEAN and SCALE.\n"
        f"FEATURES = (\n{names})\n"
        f"MEAN = (\n{weight_rows(mean, FEATURES)})\n"
        f"SCALE = (\n{weight_rows(scale, FEATURES)})\n"
        f"INTERCEPT = {float(round(intercept, 6))!r}\n"
        f"COEFFICIENTS = (\n{weight_rows(coefs, FEATURES)})\n"
    )
    WEIGHTS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_link", description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="report the figures without writing the weights")
    args = parser.parse_args(argv)
    events = labelled_events()
    per_event = {e.name: event_pairs(e) for e in events}
    tuned = [e.name for e in events if e.name not in HELD_OUT]
    held = [e.name for e in events if e.name in HELD_OUT]

    def stack(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        return np.vstack([per_event[n][0] for n in names]), np.concatenate([per_event[n][1] for n in names])

    X, y = stack(tuned)
    mean, scale, intercept, coefs = train(X, y)
    print(f"tuned events: {len(tuned)}, {len(y)} pairs, {int(y.sum())} telling a same fact")
    # Cross-validation by topic on the tuned events: each topic's pairs scored by a model fitted on the others.
    topics = sorted({n.rstrip("ab") for n in tuned})
    cv_scores, cv_labels = [], []
    for topic in topics:
        inside = [n for n in tuned if n.rstrip("ab") == topic]
        outside = [n for n in tuned if n.rstrip("ab") != topic]
        m, s, b, c = train(*stack(outside))
        Xt, yt = stack(inside)
        cv_scores.append(predict((Xt - m) / s, b, c))
        cv_labels.append(yt)
    cv = np.concatenate(cv_scores)
    cvy = np.concatenate(cv_labels)
    print(f"  by topic (cross-validated): AUC model {auc(cv, cvy):.3f}, score alone {auc(X[:, 0], y):.3f}")
    if held:
        Xh, yh = stack(held)
        ph = predict((Xh - mean) / scale, intercept, coefs)
        print(f"held-out events: {len(yh)} pairs; AUC model {auc(ph, yh):.3f}, score alone {auc(Xh[:, 0], yh):.3f}")
    for name, value in zip(FEATURES, coefs):
        print(f"  {name}: {value:+.3f}")
    if not args.dry_run:
        write_weights(mean, scale, intercept, coefs, f"the {len(tuned)} tuned labelled ECB+ events ({len(y)} pairs)")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
