"""Grouping without dates: the bar words must clear when no date vouches for a merge, chosen across datasets.

srccompare groups a topic's articles at a low average cosine (``THRESHOLD``) because the dates keep
the topic's events of other days apart; when neither side of a merge holds a date, the words must
tell this event from the last one of its kind on their own, so the merge needs
``UNDATED_THRESHOLD``. ECB+ (two events of one kind per topic, about 11 articles an event) and BASIL
(three outlets an event) pull that bar in opposite directions, so it is chosen on both at once and
cross-validated:

- 6 folds; fold f holds out the ECB+ topics of bench/ecbplus.py's fold f and the BASIL events whose
  rank (by gold id) is f modulo 6;
- on the other folds, each grid value is scored on four sets (ECB+ as given, ECB+ with its date lines
  stripped, BASIL as cleaned, BASIL with every date removed), each set's remaining articles grouped on
  their own; the value whose worst F1 of the four is highest is chosen (on a tie, the lower);
- every article is grouped with it and the held-out fold's articles are scored.

The reference (bench/reference.py, TF-IDF + average linkage) gets the same protocol over its own
threshold sweep, on the same files (BASIL's neutral files without their date line for the undated set).
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from . import basil as B
from .common import need
from .ecbplus import FOLDS, THRESHOLDS, _folds, _load, _name, _reference_sweep, _reference_texts

GRID = (0.06, 0.065, 0.07, 0.075, 0.08, 0.085, 0.09, 0.1)
SETS = ("ECB+ as given", "ECB+, date lines stripped", "BASIL as cleaned", "BASIL, every date removed")


@dataclasses.dataclass
class _Set:
    name: str
    articles: dict[str, object]  # item name -> Article
    gold: dict[str, str]  # item name -> gold event
    fold: dict[str, int]  # item name -> fold
    texts: dict[str, str]  # item name -> the reference's text


def _ecbplus(data: Path) -> list[_Set]:
    root = need(data / "ecbplus")
    meta = json.loads(need(root / "gold.json").read_text(encoding="utf-8"))["files"]
    gold = {n: m["event"] for n, m in meta.items()}
    topic = {n: m["topic"] for n, m in meta.items()}
    fold = {n: f for f, held in enumerate(_folds(topic)) for n in gold if topic[n] in held}
    out = []
    for strip, name in ((False, SETS[0]), (True, SETS[1])):
        loaded, _ = _load(need(root / "articles"), strip)
        out.append(_Set(name, {_name(a): a for a in loaded}, gold, fold, _reference_texts(root / "articles", strip)))
    return out


def _basil(data: Path) -> list[_Set]:
    import srccompare

    gold_by_stem = json.loads(need(data / "basil" / "gold_clusters.json").read_text(encoding="utf-8"))
    items = B.articles(data)
    rank = {e: k for k, e in enumerate(sorted(set(gold_by_stem.values())))}
    with tempfile.TemporaryDirectory(prefix="basil-") as tmp:
        names = B.write_neutral(items, Path(tmp))
        loaded = srccompare.load([tmp], problems=[])
        texts = {n: (Path(tmp) / n).read_text(encoding="utf-8") for n in names}
    gold = {n: gold_by_stem[stem] for n, stem in names.items()}
    fold = {n: rank[gold[n]] % FOLDS for n in names}
    # The neutral file's second line is its date line.
    undated_texts = {n: "\n".join(t.split("\n")[:1] + t.split("\n")[2:]) for n, t in texts.items()}
    by_name = {Path(a.id).name: a for a in loaded}
    undated = {n: dataclasses.replace(a, published=None, event_date=None) for n, a in by_name.items()}
    return [_Set(SETS[2], by_name, gold, fold, texts), _Set(SETS[3], undated, gold, fold, undated_texts)]


def _ours(s: _Set, names: Sequence[str], undated_threshold: float | None) -> dict[str, str]:
    from srccompare.compare.group import group_events
    from srccompare.options import Options

    events = group_events(
        [s.articles[n] for n in names if n in s.articles], Options(), undated_threshold=undated_threshold
    )
    assign = {Path(a.id).name: e.id for e in events for a in e.articles}
    assign.update({n: f"lost:{n}" for n in names if n not in assign})
    return assign


def _score(assign: Mapping[str, object], s: _Set, items: Sequence[str]) -> tuple[float, float, float]:
    return B.bcubed({n: assign[n] for n in s.gold}, s.gold, items) if items else (0.0, 0.0, 0.0)


def _cross_validate(sets: Sequence[_Set], grid, full, train) -> dict:
    """``full(s, value)``: every article of set ``s`` grouped with ``value``; ``train(s, f, value)``:
    the articles outside fold f grouped on their own. Held-out P/R/F1 per set and the values chosen."""
    sums = {s.name: [0.0, 0.0] for s in sets}
    chosen = []
    for f in range(FOLDS):

        def worst(value, f: int = f) -> tuple[float, float]:
            scores = []
            for s in sets:
                rest = [n for n in s.gold if s.fold[n] != f]
                assign = train(s, f, value)
                scores.append(B.bcubed({n: assign[n] for n in rest}, {n: s.gold[n] for n in rest})[2])
            return (min(scores), -value)

        best = max(grid, key=worst)
        chosen.append(best)
        for s in sets:
            held = [n for n in s.gold if s.fold[n] == f]
            p, r, _ = _score(full(s, best), s, held)
            sums[s.name][0] += p * len(held)
            sums[s.name][1] += r * len(held)
    out: dict = {"chosen": chosen}
    for s in sets:
        p, r = sums[s.name][0] / len(s.gold), sums[s.name][1] / len(s.gold)
        out[s.name] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def evaluate(data: Path) -> dict:
    from srccompare.compare.group import UNDATED_THRESHOLD

    sets = [*_ecbplus(data), *_basil(data)]
    memo: dict[tuple, dict[str, str]] = {}

    def ours(s: _Set, f: int | None, value: float) -> dict[str, str]:
        key = (s.name, f, value)
        if key not in memo:
            memo[key] = _ours(s, [n for n in s.gold if f is None or s.fold[n] != f], value)
        return memo[key]

    sweeps: dict[tuple, dict[float, dict[str, int]]] = {}

    def reference(s: _Set, f: int | None) -> dict[float, dict[str, int]]:
        if (s.name, f) not in sweeps:
            sweeps[(s.name, f)] = _reference_sweep(s.texts, sorted(n for n in s.gold if f is None or s.fold[n] != f))
        return sweeps[(s.name, f)]

    out: dict = {"default": UNDATED_THRESHOLD, "articles": {s.name: len(s.gold) for s in sets}}
    out["ours_default"] = {s.name: _score(ours(s, None, UNDATED_THRESHOLD), s, list(s.gold)) for s in sets}
    out["ours_grid"] = {v: {s.name: _score(ours(s, None, v), s, list(s.gold))[2] for s in sets} for v in GRID}
    out["ours_cv"] = _cross_validate(sets, GRID, lambda s, v: ours(s, None, v), ours)
    out["reference_cv"] = _cross_validate(
        sets, THRESHOLDS, lambda s, v: reference(s, None)[v], lambda s, f, v: reference(s, f)[v]
    )
    return out


def _row(label: str, scores: Mapping[str, tuple[float, float, float]]) -> str:
    return f"| {label} | " + " | ".join(f"{scores[n][2]:.3f}" for n in SETS) + " |"


def run(data: Path) -> str:
    from srccompare.compare.group import THRESHOLD

    r = evaluate(data)
    fmt: Callable[[list[float]], str] = lambda xs: ", ".join(f"{x:g}" for x in xs)  # noqa: E731
    lines = [
        "## Grouping without dates: the undated threshold, chosen across ECB+ and BASIL",
        "",
        f"When no date vouches for a merge (both groups undated), two groups need an average TF-IDF cosine of "
        f"`UNDATED_THRESHOLD` ({r['default']:g}) instead of `THRESHOLD` ({THRESHOLD:g}). Chosen on four sets at "
        "once, the value whose worst B-cubed F1 is highest; cross-validated in 6 folds, each holding out three "
        "ECB+ topics and a sixth of BASIL's events (module docstring of bench/grouping_threshold.py). "
        "B-cubed F1 of the held-out articles:",
        "",
        "| method | " + " | ".join(SETS) + " |",
        "|---|" + "---|" * len(SETS),
        _row(f"srccompare, default ({r['default']:g})", r["ours_default"]),
        _row("srccompare, undated threshold chosen on the other folds", r["ours_cv"]),
        _row("reference (TF-IDF + average linkage), threshold chosen on the other folds", r["reference_cv"]),
        "",
        f"Values chosen per fold: srccompare {fmt(r['ours_cv']['chosen'])}; reference "
        f"{fmt(r['reference_cv']['chosen'])}.",
        "",
        "srccompare's F1 on all articles of each set, by undated threshold:",
        "",
        "| undated threshold | " + " | ".join(SETS) + " | worst |",
        "|---|" + "---|" * (len(SETS) + 1),
        *(
            f"| {v:g} | " + " | ".join(f"{g[n]:.3f}" for n in SETS) + f" | {min(g.values()):.3f} |"
            for v, g in r["ours_grid"].items()
        ),
        "",
        "Command: `python -m bench DATA --only grouping_threshold`",
        "",
    ]
    return "\n".join(lines)
