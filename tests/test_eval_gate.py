"""Quality gates with pinned floors (as trafilatura's tests/eval_gate.py): event grouping on the real
development sets, so that accuracy cannot silently regress. The floors sit a little under the figures
recorded in bench/BENCHMARKS.md; raise them when the method improves, never lower them to pass."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from .conftest import SHARED

BENCH = SHARED / "bench"

# B-cubed F1 floors (bench/BENCHMARKS.md: BASIL 0.990, 0.958 with every date removed; ECB+ 0.932 as
# given, 0.940 with date lines stripped). ECB+ stripped was 0.949 before UNDATED_THRESHOLD, which
# trades it for BASIL without dates (0.901, below the TF-IDF reference): bench `grouping_threshold`.
BASIL_FLOOR = 0.98
BASIL_UNDATED_FLOOR = 0.95
ECBPLUS_FLOOR = 0.92
ECBPLUS_STRIPPED_FLOOR = 0.935

pytestmark = pytest.mark.skipif(not (BENCH / "ecbplus").is_dir(), reason="needs ../shared/bench")


@pytest.mark.parametrize("undated, floor", [(False, BASIL_FLOOR), (True, BASIL_UNDATED_FLOOR)])
def test_basil_grouping_stays_above_its_floor(undated, floor):
    import dataclasses

    import srccompare
    from bench import basil
    from srccompare.compare.group import group_events

    items = basil.articles(BENCH)
    gold = json.loads((BENCH / "basil" / "gold_clusters.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        names = basil.write_neutral(items, Path(tmp))
        loaded = srccompare.load([tmp])
    if undated:
        loaded = [dataclasses.replace(a, published=None, event_date=None) for a in loaded]
    events = group_events(loaded)
    predicted = {names[Path(a.id).name]: e.id for e in events for a in e.articles}
    predicted.update({s: f"lost:{s}" for s in names.values() if s not in predicted})
    _, _, f1 = basil.bcubed(predicted, {s: gold[s] for s in names.values()})
    assert f1 >= floor


@pytest.mark.parametrize("strip, floor", [(False, ECBPLUS_FLOOR), (True, ECBPLUS_STRIPPED_FLOOR)])
def test_ecbplus_grouping_stays_above_its_floor(strip, floor):
    from bench import ecbplus
    from bench.basil import bcubed
    from srccompare.compare.group import group_events

    meta = json.loads((BENCH / "ecbplus" / "gold.json").read_text(encoding="utf-8"))["files"]
    gold = {n: m["event"] for n, m in meta.items()}
    loaded, _ = ecbplus._load(BENCH / "ecbplus" / "articles", strip)
    if strip:
        assert all(a.published is None and a.event_date is None for a in loaded)
    predicted = {Path(a.id).name: e.id for e in group_events(loaded) for a in e.articles}
    predicted.update({n: f"lost:{n}" for n in gold if n not in predicted})
    assert bcubed(predicted, gold)[2] >= floor
