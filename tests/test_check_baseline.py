"""check --baseline: a snapshot of the corpus report; fails when aligned facts come apart."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import CORPUS


def test_baseline_passes_on_same_corpus_and_fails_when_a_shared_sentence_goes(run, tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    baseline = tmp_path / "baseline.json"
    assert run("compare", str(root), "--format", "json", "-o", str(baseline)).exit_code == 0
    report = json.loads(baseline.read_text())
    same = run("check", str(root), "--baseline", str(baseline))
    assert same.exit_code == 0, same.stdout
    shared = [
        f
        for e in report["events"]
        for f in e["facts"]
        if {m["article"].rsplit("/", 1)[-1][:3] for m in f["members"]} >= {"000", "001"}
    ]
    if not shared:
        pytest.fail("compare found no fact shared by 000 and 001")
    sentence = next(m["text"] for m in shared[0]["members"] if "001_" in m["article"])
    target = root / "001_3dbf73fb56b3fa01.txt"
    raw = target.read_text(encoding="utf-8")
    assert sentence in raw.replace("\n", " ") or sentence[:40] in raw
    cut = raw.replace(sentence, "") if sentence in raw else raw.replace(sentence[:40], "The agency added nothing new.")
    target.write_text(cut, encoding="utf-8")
    result = run("check", str(root), "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 1
    lost = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "SC060"]
    assert lost and any("001_3dbf73fb56b3fa01.txt" in f["path"] for f in lost)


def test_bad_baseline_is_a_usage_error(run, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]")
    result = run("check", str(CORPUS), "--baseline", str(bad))
    assert result.exit_code == 2
    assert "not a `srccompare compare --format json` report" in result.stderr
