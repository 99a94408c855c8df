"""Fit the sentence relation model on MRPC train and write the numbers to srccompare/compare/weights.py.

    .venv/bin/python -m bench.fit_relation ../shared/bench/mrpc/train.tsv

The model is an L2-regularised logistic regression over the few features of
``srccompare.compare.relation`` (FEATURES), fitted by Newton's method with numpy (numpy is used
here only; the package reads the written numbers). The equivalent threshold is the one that
maximises training accuracy, kept near 0.5 by the regularisation of a coarse grid.

The divergent band: MRPC's non-equivalent pairs come from different outlets' reports of the same
event and were picked for shared wording, so they are what "same fact core, told differently"
looks like. CORE is the score that 95% of them reach (their 5th percentile). As a check, the
script also pairs each first sentence with the second sentence of another, random row, and
reports how many of these mismatched pairs would pass CORE (it should be almost none). The
content-word rule (CORE_WORDS shared words making up CORE_COVER of the smaller set) catches the
case the score undervalues: a short sentence wholly contained in a long one that adds detail.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from srccompare.compare import relation
from srccompare.nlp.tokens import normalise

WEIGHTS = Path(relation.__file__).resolve().parent / "weights.py"
L2 = 1.0  # ridge on the coefficients (not the intercept), in units of the summed log-loss
CORE_WORDS = 4
CORE_COVER = 0.5
NEGATIVE_QUANTILE = 0.05


def load_mrpc(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """(first sentences, second sentences, labels) of an MRPC file; tabs are the only separator."""
    a, b, y = [], [], []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for line in lines[1:]:
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            continue
        y.append(int(cols[0]))
        a.append(cols[3])
        b.append(cols[4])
    return a, b, np.array(y, dtype=np.float64)


def feature_matrix(a: list[str], b: list[str]) -> np.ndarray:
    """One row of features per pair, computed exactly as ``sentence_relation`` computes them."""
    rows = []
    for x, z in zip(a, b):
        nx, nz = normalise(x), normalise(z)
        if nz < nx:
            nx, nz = nz, nx
        if not nx or not nz:
            rows.append([0.0] * len(relation.FEATURES))
            continue
        rows.append(relation.pair_features(nx, nz)[0])
    return np.array(rows, dtype=np.float64)


def fit(X: np.ndarray, y: np.ndarray, l2: float = L2, iterations: int = 50) -> tuple[float, np.ndarray]:
    """Intercept and coefficients of an L2-regularised logistic regression (Newton's method)."""
    n, k = X.shape
    Xb = np.hstack([np.ones((n, 1)), X])
    w = np.zeros(k + 1)
    ridge = np.full(k + 1, l2)
    ridge[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
        grad = Xb.T @ (p - y) + ridge * w
        hess = (Xb * (p * (1 - p))[:, None]).T @ Xb + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return float(w[0]), w[1:]


def predict(X: np.ndarray, intercept: float, coefs: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(intercept + X @ coefs)))


def choose_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The threshold on a coarse grid (steps of 0.025) with the best training accuracy."""
    grid = np.round(np.arange(0.3, 0.7001, 0.025), 3)
    acc = [np.mean((p >= t) == (y == 1)) for t in grid]
    return float(grid[int(np.argmax(acc))])


def train(X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray, float]:
    """The whole fitting procedure (used as is by the cross-validation in bench/mrpc.py)."""
    intercept, coefs = fit(X, y)
    return intercept, coefs, choose_threshold(predict(X, intercept, coefs), y)


def core_threshold(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.quantile(p[y == 0], NEGATIVE_QUANTILE))


def mismatched_scores(a: list[str], b: list[str], intercept: float, coefs: np.ndarray, seed: int = 0) -> np.ndarray:
    """Scores of each first sentence against the second sentence of another, random row."""
    rng = random.Random(seed)
    order = list(range(len(b)))
    rng.shuffle(order)
    pairs = [(a[i], b[j]) for i, j in enumerate(order) if i != j]
    X = feature_matrix([p[0] for p in pairs], [p[1] for p in pairs])
    return predict(X, intercept, coefs)


def weight_rows(values: Sequence[float], names: Sequence[str]) -> str:
    """The rows of a fitted tuple in a weights file: each number to six places, with the feature it weighs."""
    return "".join(f"    {float(round(v, 6))!r},  # {name}\n" for v, name in zip(values, names))


def write_weights(intercept: float, coefs: np.ndarray, equivalent: float, core: float, source: str) -> None:
    rows = weight_rows(coefs, relation.FEATURES)
    text = (
        '"""The fitted numbers of the sentence relation model. Written by ``bench/fit_relation.py``; do not edit."""\n\n'
        f"# Fitted on {source}: L2 logistic regression, L2={L2}.\n"
        f"INTERCEPT = {intercept!r}\n"
        f"COEFFICIENTS = (\n{rows})\n"
        f"EQUIVALENT = {equivalent!r}\n"
        f"CORE = {core!r}\n"
        f"CORE_WORDS = {CORE_WORDS}\n"
        f"CORE_COVER = {CORE_COVER}\n"
    )
    WEIGHTS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_relation", description=__doc__)
    parser.add_argument("train", nargs="?", default="../shared/bench/mrpc/train.tsv")
    args = parser.parse_args(argv)
    a, b, y = load_mrpc(Path(args.train))
    X = feature_matrix(a, b)
    intercept, coefs, threshold = train(X, y)
    intercept = float(round(intercept, 6))
    coefs = np.round(coefs, 6)
    p = predict(X, intercept, coefs)
    core = round(min(core_threshold(p, y), threshold), 3)
    write_weights(intercept, coefs, threshold, core, f"MRPC train ({len(y)} pairs)")
    acc = np.mean((p >= threshold) == (y == 1))
    passing = np.mean(mismatched_scores(a, b, intercept, coefs) >= core)
    print(
        f"fit_relation: {len(y)} pairs, training accuracy {acc:.3f}, "
        f"equivalent >= {threshold}, core >= {core} "
        f"(reached by {passing:.2%} of mismatched pairs)",
        file=sys.stderr,
    )
    print(f"fit_relation: wrote {WEIGHTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
