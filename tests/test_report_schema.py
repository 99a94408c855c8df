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
