"""The JSON report follows docs/report-schema.json, and Report.to_dict() is exactly what the CLI prints."""

from __future__ import annotations

import json

import jsonschema

import srccompare
from tests.conftest import CORPUS, ROOT

SCHEMA = json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))


def test_corpus_report_validates_and_matches_library(run):
    result = run("compare", str(CORPUS), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert next(iter(data)) == "schema_version"
    assert data == srccompare.compare(srccompare.load([str(CORPUS)])).to_dict()


def test_fact_ids_point_inside_their_event(run):
    data = json.loads(run("compare", str(CORPUS), "--format", "json").stdout)
    article_ids = {a["id"] for a in data["articles"]}
    assert set(data["story"]["events"]) == {e["id"] for e in data["events"]}
    for event in data["events"]:
        facts = {f["id"] for f in event["facts"]}
        assert set(event["articles"]) <= article_ids
        for coverage in event["outlets"].values():
            for kind in ("added", "omitted", "framed", "shared"):
                assert set(coverage[kind]) <= facts
        for fact in event["facts"]:
            assert {m["article"] for m in fact["members"]} <= set(event["articles"])
            if fact["relation"] == "divergent":
                assert fact["differences"], fact["id"]


def test_single_article_report_validates(tmp_path):
    article = srccompare.load([str(CORPUS / "003_cf32fd44ea05852b.txt")])
    data = srccompare.compare(article).to_dict()
    jsonschema.validate(data, SCHEMA)
    assert len(data["events"]) == 1
    assert data["notices"], "a single article gets a notice"


def test_public_compare_survives_importing_the_compare_stage():
    import importlib

    importlib.import_module("srccompare.compare.align")
    importlib.import_module("srccompare.compare.report")
    assert callable(srccompare.compare)
    assert srccompare.compare.__doc__.startswith("Group articles into events")


def test_hedged_figures_validate(tmp_path):
    # ECB+ T20b's leads, trimmed: the tolls disagree and the magnitudes agree within their hedges, shown beside them
    # (a number difference of no form whose hedged figures carry form "hedged").
    (tmp_path / "a.txt").write_text(
        "Quake hits southern Iran\n\nAn earthquake with a magnitude of at least 5. 9 hit southern Iran on Sunday, "
        "killing at least 10 people on Qeshm island, officials said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Quake hits southern Iran\n\nThe quake, which struck Qeshm island on Sunday with a force of about 6. 0 on the "
        "Richter scale, killed three people on Qeshm island, officials said.\n",
        encoding="utf-8",
    )
    data = srccompare.compare(srccompare.load([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])).to_dict()
    jsonschema.validate(data, SCHEMA)
    numbers = [d for e in data["events"] for f in e["facts"] for d in f["differences"] if d["kind"] == "number"]
    forms = {u.get("form") for d in numbers for uses in d["numbers"].values() for u in uses}
    assert "hedged" in forms and None in forms, numbers
