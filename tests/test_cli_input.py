"""Bad input: one line on stderr naming the file and the reason, the other files still processed."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

YONHAP = CORPUS / "001_3dbf73fb56b3fa01.txt"


def _error_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_clean_corpus_ok(run):
    result = run("clean", str(CORPUS), "--format", "json")
    assert result.exit_code == 0, result.stderr
    articles = json.loads(result.stdout)
    assert [a["id"].rsplit("/", 1)[-1][:3] for a in articles] == ["000", "001", "002", "003", "004"]
    assert result.stderr == ""


def test_bad_files_get_one_line_each_and_others_still_processed(run, tmp_path):
    shutil.copy(YONHAP, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("clean", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "json")
    assert result.exit_code == 1
    lines = _error_lines(result)
    assert len(lines) == 4, lines
    for name in ("empty.txt", "binary.bin", "dangling.txt", "missing.txt"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_only_unreadable_input_exits_2(run, tmp_path):
    result = run("clean", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr


def test_usage_error_exits_2(run):
    assert run("clean").exit_code == 2
    assert run("compare", str(CORPUS), "--format", "pdf").exit_code == 2


def test_utf16_cp1252_gzip_and_stdin_decode(run, tmp_path):
    text = YONHAP.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(text.encode("utf-16"))
    latin = "Café owners in Zürich said the naïve plan would cost €5 million – “too much”, they added.\n"
    (tmp_path / "b.txt").write_bytes((latin * 3).encode("cp1252"))
    with gzip.open(tmp_path / "c.txt.gz", "wb") as fh:
        fh.write(text.encode("utf-8"))
    result = run("clean", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    by_name = {a["id"].rsplit("/", 1)[-1]: a for a in json.loads(result.stdout)}
    assert "Putin" in by_name["a.txt"]["body"]
    assert "Café owners in Zürich" in by_name["b.txt"]["body"] and "€5 million" in by_name["b.txt"]["body"]
    assert by_name["c.txt.gz"]["body"] == by_name["a.txt"]["body"]
    stdin = run("clean", "-", "--format", "json", input=text)
    assert json.loads(stdin.stdout)[0]["id"] == "-"


def test_output_is_atomic_and_inputs_untouched(run, tmp_path):
    before = {p.name: p.read_bytes() for p in CORPUS.iterdir()}
    out = tmp_path / "clean.json"
    out.write_text("old")
    result = run("clean", str(CORPUS), "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    assert len(json.loads(out.read_text())) == 5
    assert not [p for p in tmp_path.iterdir() if p.name != "clean.json"]
    assert {p.name: p.read_bytes() for p in CORPUS.iterdir()} == before


def test_structured_formats_are_named_unknown(run, tmp_path):
    shutil.copy(YONHAP, tmp_path / "good.txt")
    (tmp_path / "data.txt").write_text('{"title": "Putin", "body": ["not an article dump"]}')
    (tmp_path / "feed.html").write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')
    result = run("clean", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    lines = _error_lines(result)
    assert len(lines) == 2
    assert any("data.txt" in line and "unknown format (JSON)" in line for line in lines)
    assert any("feed.html" in line and "unknown format" in line for line in lines)
    assert len(json.loads(result.stdout)) == 1


def test_text_starting_with_a_bracket_is_still_text(run, tmp_path):
    body = "[Photo: Reuters] " + YONHAP.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(body)
    result = run("clean", str(tmp_path / "a.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_manifest_outlets_extend_the_registry(run, tmp_path):
    """An [outlets] table in manifest.toml names a house outlet that no registry knows: a credit line
    with one of its aliases gives that outlet as origin, and the file's outlet field is canonical."""
    article = (
        "Seoul warns Moscow over arms cooperation\n\nBy DEX\n\n"
        "South Korea warned Russia on Thursday against deepening military cooperation with North Korea, "
        "as tensions rose across the peninsula after the summit.\n\n"
        "The foreign ministry summoned the Russian ambassador, citing two officials familiar with the "
        "matter who spoke on condition of anonymity.\n\n"
        "Officials said the warning had been delivered in person and that further steps were possible.\n"
    )
    (tmp_path / "house.txt").write_text(article, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        '[outlets]\n"Daily Example" = ["Example Daily", "DEX"]\n\n[files."house.txt"]\noutlet = "Example Daily"\n',
        encoding="utf-8",
    )
    result = run("clean", str(tmp_path), "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.stderr
    (cleaned,) = json.loads(result.stdout)
    assert cleaned["outlet"] == "Daily Example"
    assert cleaned["origin"] == "Daily Example"


def test_output_onto_the_corpus_manifest_is_refused(run, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    before = (corpus / "manifest.toml").read_bytes()
    for target in (corpus / "manifest.toml", corpus / "srccompare.toml"):
        result = run("clean", str(corpus), "-o", str(target))
        assert result.exit_code == 2
        assert "configuration of the input" in result.stderr
    assert (corpus / "manifest.toml").read_bytes() == before
    assert not (corpus / "srccompare.toml").exists()


def test_a_full_standard_output_is_one_line_not_a_traceback():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    for args in (["clean", str(CORPUS)], ["compare", str(CORPUS)], ["check", str(CORPUS), "--format", "junit"]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                [sys.executable, "-m", "srccompare", *args, "--no-cache"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
            )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.strip().splitlines() == [
            "srccompare: cannot write to standard output: No space left on device"
        ]


@pytest.mark.parametrize("how", ["same name", "symlink", "hard link"])
def test_an_input_is_never_the_output(run, tmp_path, how):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(YONHAP, corpus / "a.txt")
    shutil.copy(CORPUS / "000_a67b68c824396ff8.txt", corpus / "b.txt")
    before = (corpus / "a.txt").read_bytes()
    target = corpus / "a.txt"
    if how == "symlink":
        target = tmp_path / "report.json"
        target.symlink_to(corpus / "a.txt")
    elif how == "hard link":
        target = tmp_path / "report.json"
        os.link(corpus / "a.txt", target)
    result = run("compare", str(corpus), "--format", "json", "-o", str(target))
    assert result.exit_code == 2, result.stderr
    assert "refusing to overwrite" in result.stderr and "a.txt" in result.stderr
    assert (corpus / "a.txt").read_bytes() == before
