"""`srccompare check`: the corpus passes; a broken copy fails in every format, naming each bad file."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import CORPUS

BAD = ("empty.txt", "picture.txt", "yonhap-copy.txt", "subscribe.txt")


@pytest.fixture()
def broken(tmp_path):
    """A copy of corpus/ with the four bad files the issue lists."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "empty.txt").write_bytes(b"")
    (root / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    shutil.copy(root / "001_3dbf73fb56b3fa01.txt", root / "yonhap-copy.txt")
    (root / "subscribe.txt").write_text("Subscribe now\nHome\nMost Popular\n", encoding="utf-8")
    return root


def test_corpus_passes(run):
    result = run("check", str(CORPUS))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_broken_corpus_fails_naming_each_bad_file(run, broken, fmt):
    result = run("check", str(broken), "--format", fmt)
    assert result.exit_code == 1
    for name in BAD:
        assert name in result.stdout, (fmt, name)
    assert "001_3dbf73fb56b3fa01.txt" not in _error_paths(result.stdout, fmt)


def _error_paths(out: str, fmt: str) -> set[str]:
    if fmt == "json":
        return {f["path"].rsplit("/", 1)[-1] for f in json.loads(out)["findings"] if f["severity"] == "error"}
    if fmt == "junit":
        root = ET.fromstring(out)
        return {c.get("name").rsplit("/", 1)[-1] for c in root.iter("testcase") if c.find("failure") is not None}
    return {m.rsplit("/", 1)[-1] for m in re.findall(r"(\S+?\.txt)\S*:? \S* ?error", out)}


def test_broken_corpus_findings_have_the_right_codes(run, broken):
    findings = json.loads(run("check", str(broken), "--format", "json").stdout)["findings"]
    codes = {(f["path"].rsplit("/", 1)[-1], f["code"]) for f in findings if f["severity"] == "error"}
    assert ("empty.txt", "SC003") in codes
    assert ("picture.txt", "SC002") in codes
    assert ("yonhap-copy.txt", "SC040") in codes
    assert ("subscribe.txt", "SC003") in codes


def test_junit_has_one_failure_per_bad_file(run, broken):
    out = run("check", str(broken), "--format", "junit").stdout
    root = ET.fromstring(out)
    cases = list(root.iter("testcase"))
    assert len(cases) == 9
    failed = sorted(c.get("name").rsplit("/", 1)[-1] for c in cases if c.find("failure") is not None)
    assert failed == sorted(BAD)
    assert all(len(c.findall("failure")) <= 1 for c in cases)
    assert root.find("testsuite").get("failures") == "4"


def test_github_lines_follow_annotation_syntax(run, broken):
    out = run("check", str(broken), "--format", "github").stdout.splitlines()
    syntax = re.compile(r"^::(error|warning) file=[^,:]+(,line=\d+)?,title=SC\d{3}::[^\r\n]+$")
    assert out and all(syntax.match(line) for line in out), out
    assert any(line.startswith("::error file=") and "empty.txt" in line for line in out)


def test_select_ignore_and_strict(run, broken):
    only = json.loads(run("check", str(broken), "--format", "json", "--select", "SC04").stdout)["findings"]
    assert only and {f["code"] for f in only} <= {"SC040", "SC041"}
    ignored = run("check", str(broken), "--format", "json", "--ignore", "SC0")
    assert json.loads(ignored.stdout)["findings"] == []
    assert ignored.exit_code == 0
    assert run("check", str(CORPUS), "--strict").exit_code in (0, 1)
    warnings = json.loads(run("check", str(CORPUS), "--format", "json").stdout)["summary"]["warnings"]
    assert run("check", str(CORPUS), "--strict").exit_code == (1 if warnings else 0)


def test_config_file_sets_rules_and_required_fields(run, tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "manifest.toml").write_text(
        (CORPUS / "manifest.toml").read_text(encoding="utf-8").replace('url = "https', 'byline = "x"\nurl = "https'),
        encoding="utf-8",
    )
    (root / "srccompare.toml").write_text('required = ["url"]\nignore = ["SC05"]\nmin-words = 100000\n')
    findings = json.loads(run("check", str(root), "--format", "json").stdout)["findings"]
    missing_url = {f["path"].rsplit("/", 1)[-1] for f in findings if f["code"] == "SC023"}
    assert missing_url == {
        "000_a67b68c824396ff8.txt",
        "001_3dbf73fb56b3fa01.txt",
        "002_94eb0a8464f32015.txt",
        "004_8d8a74bae2f40e61.txt",
    }
    assert not any(f["code"].startswith("SC05") for f in findings)
    assert sum(f["code"] == "SC010" for f in findings) == 5
    (root / "srccompare.toml").write_text("nonsense = 1\n")
    bad = run("check", str(root))
    assert bad.exit_code == 2 and "unknown setting 'nonsense'" in bad.stderr


def test_manifest_rules(run, tmp_path, monkeypatch):
    """Manifest findings name the manifest the way the user named the corpus, as other findings do."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "003_cf32fd44ea05852b.txt").rename(root / "renamed.txt")
    monkeypatch.chdir(tmp_path)
    findings = json.loads(run("check", "corpus", "--format", "json").stdout)["findings"]
    codes = {(f["code"], f["path"]) for f in findings}
    assert ("SC031", "corpus/manifest.toml") in codes
    assert ("SC032", "corpus/renamed.txt") in codes
    assert "not listed in corpus/manifest.toml" in [f["message"] for f in findings if f["code"] == "SC032"]
    monkeypatch.chdir(root)
    assert ("SC031", "manifest.toml") in {
        (f["code"], f["path"]) for f in json.loads(run("check", ".", "--format", "json").stdout)["findings"]
    }


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_a_manifest_syntax_error_names_its_file_and_line(run, tmp_path, monkeypatch, fmt):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "001_3dbf73fb56b3fa01.txt", root / "sub" / "x.txt")
    (root / "manifest.toml").write_text('[files."sub/x.txt"]\noutlet = "A"\ntitle = \n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run("check", "corpus/sub/x.txt", "--format", fmt).stdout
    if fmt == "github":
        assert "::error file=corpus/manifest.toml,line=3,title=SC030::malformed manifest" in out
        return
    bad = [f for f in json.loads(out)["findings"] if f["code"] == "SC030"]
    assert [(f["path"], f["line"]) for f in bad] == [("corpus/manifest.toml", 3)]


def test_a_malformed_manifest_without_a_syntax_error_has_no_line():
    from srccompare.ingest.manifest import error_line

    assert error_line("malformed manifest (Invalid value (at line 12, column 7))") == 12
    assert error_line("malformed manifest (title of 'a (at line 9, column 1)' must be text, not int)") is None
    assert error_line("cannot read manifest ([Errno 21] Is a directory: 'manifest.toml')") is None


def test_leftover_furniture_is_flagged(run, tmp_path):
    text = (CORPUS / "001_3dbf73fb56b3fa01.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text)
    from srccompare import Options, load
    from srccompare.check.files import article_findings
    from srccompare.config import Config

    article = load([str(tmp_path / "a.txt")], Options(use_manifest=False))[0]
    from dataclasses import replace

    menu = ("Home", "World News", "Politics", "Sports")
    dirty = replace(article, paragraphs=(*article.paragraphs[:2], *menu, *article.paragraphs[2:]), paragraph_lines=())
    messages = [f.message for f in article_findings(dirty, Config()) if f.code == "SC011"]
    assert any("4 headline-like lines" in m and "'Home'" in m for m in messages)
    assert not [f for f in article_findings(article, Config()) if f.code == "SC011"]


def _control_manifest(root):
    """A corpus folder whose manifest strings hold NUL, vertical tab, form feed and an ANSI colour code."""
    root.mkdir()
    shutil.copy(CORPUS / "001_3dbf73fb56b3fa01.txt", root / "x.txt")
    (root / "manifest.toml").write_text(
        '[files."x.txt"]\noutlet = "Bad\\u0001\\u000b\\u001b[31m"\ntitle = "T\\u0000\\u000c"\n'
        'byline = "By\\tA.\\r\\nWriter\\u0085"\n[outlets]\n"Bad [31m" = ["B\\u009bX", "\\u0007"]\n',
        encoding="utf-8",
    )
    return root


def test_manifest_strings_lose_control_characters(tmp_path):
    from srccompare.ingest.manifest import load_manifest

    manifest = load_manifest(_control_manifest(tmp_path / "c") / "manifest.toml")
    assert manifest.files["x.txt"] == {"outlet": "Bad [31m", "title": "T", "byline": "By A. Writer"}
    assert manifest.outlets == {"Bad [31m": ("BX",)}


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_control_characters_in_a_manifest_reach_no_output(run, tmp_path, fmt):
    out = run("check", str(_control_manifest(tmp_path / "c")), "--format", fmt).stdout
    assert "(Bad [31m)" in out
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", out), out
    if fmt == "junit":
        ET.fromstring(out)


NASTY = "quote \x1b[31mred\x1b[0m\x00\x0b\x9b2J\u2028\ud800\uffff end"


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_renderers_escape_control_characters_from_any_source(fmt):
    """A baseline's article ids or an article's own text can carry them too: the renderer is the last guard."""
    from srccompare.check import CheckResult
    from srccompare.config import Config
    from srccompare.environment import Environment
    from srccompare.model import Finding
    from srccompare.render.findings import render_findings
    from srccompare.status import ExitStatus

    findings = (Finding("SC060", "error", "a\x1b.txt", NASTY), Finding("SC050", "warning", "a\x1b.txt", NASTY))
    result = CheckResult(findings, ("a\x1b.txt",), ExitStatus.FINDINGS, Config())
    out = render_findings(result, fmt, Environment(color=False, width=100))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\ud800-\udfff\uffff]", out), out
    assert "a\\x1b.txt" in out
    assert "quote \\x1b[31mred\\x1b[0m\\x00\\x0b\\x9b2J\\u2028\\ud800\\uffff end" in (
        out if fmt != "junit" else ET.tostring(ET.fromstring(out), encoding="unicode")
    )
    if fmt == "github":
        assert len(out.splitlines()) == 2


def test_furniture_glued_to_the_end_of_a_paragraph_is_found(run, tmp_path):
    # A paste that ran a newsletter prompt onto the article's last paragraph.
    text = (CORPUS / "001_3dbf73fb56b3fa01.txt").read_text(encoding="utf-8")
    last = "Iran's IRNA."
    assert last in text
    glued = text.replace(
        last, last + " Subscribe now to get the latest news from Korea in your inbox every morning.", 1
    )
    (tmp_path / "glued.txt").write_text(glued, encoding="utf-8")
    findings = json.loads(run("check", str(tmp_path), "--format", "json").stdout)["findings"]
    (sc011,) = [f for f in findings if f["code"] == "SC011"]
    assert "subscribe now" in sc011["message"]
    assert sc011["line"] == next(n for n, line in enumerate(glued.splitlines(), 1) if last in line)


def test_text_summary_counts_in_words(run):
    result = run("check", str(CORPUS / "001_3dbf73fb56b3fa01.txt"))
    assert result.stdout.splitlines()[-1] == "1 file checked: 0 errors, 1 warning"
    assert run("check", str(CORPUS)).stdout.splitlines()[-1] == "5 files checked: 0 errors, 3 warnings"


def test_a_near_copy_is_found_and_only_it(run, tmp_path):
    """A copy with a few words changed is an SC041 near-duplicate of its original (found through the
    bodies' 4-gram sketches, then a full comparison); the original and the other seeds are not."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    text = (root / "001_3dbf73fb56b3fa01.txt").read_text(encoding="utf-8")
    assert text.count(" said ") >= 2
    (root / "near-copy.txt").write_text(text.replace(" said ", " stated ", 2), encoding="utf-8")
    findings = json.loads(run("check", str(root), "--format", "json", "--select", "SC04").stdout)["findings"]
    assert [(f["path"].rsplit("/", 1)[-1], f["code"]) for f in findings] == [("near-copy.txt", "SC041")]
    assert "001_3dbf73fb56b3fa01.txt" in findings[0]["message"]


def test_body_sketches_are_the_same_in_every_process():
    """The sketches are kept in the store, so they must not depend on Python's per-process string hash."""
    import subprocess
    import sys

    from srccompare.check.corpus import body_words, sketch

    body = body_words((CORPUS / "000_a67b68c824396ff8.txt").read_text(encoding="utf-8"))
    code = "import sys; from srccompare.check.corpus import sketch; print(list(sketch(sys.stdin.read())))"
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code], input=body, capture_output=True, text=True, env={"PYTHONHASHSEED": seed}
        )
        assert json.loads(out.stdout) == list(sketch(body))
    assert len(sketch(body)) == 64


def test_check_without_the_store_makes_each_articles_features_once(run, monkeypatch, tmp_path, feature_calls):
    """`check --no-cache` makes each article's features while cleaning and hands them to both the
    duplicate rules and the grouping: once per article, and the same findings as with the store."""
    from srccompare.compare import features as features_mod

    made = feature_calls
    bare = json.loads(run("check", str(CORPUS), "--format", "json", "--no-cache", "--jobs", "1").stdout)
    assert len(made) == 5 and not features_mod._HELD
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "c"))
    stored = json.loads(run("check", str(CORPUS), "--format", "json", "--jobs", "1").stdout)
    assert stored["findings"] == bare["findings"] and bare["findings"]


def test_sentence_end_test_is_the_pattern():
    """check/files._ends_sentence answers as its regular expression does, on the seeds' paragraphs
    and on endings with other whitespace (no-break space, em space, paragraph separator)."""
    from srccompare import load
    from srccompare.check.files import _SENTENCE_END, _ends_sentence

    paragraphs = [p for a in load([str(CORPUS)]) for p in a.paragraphs]
    edges = ["", " ", "abc.", "abc. \n", "abc.\u00a0", "x)\u2003", "no end", "end\u2029", "“quoted”", "a.\nb", "Next »"]
    assert len(paragraphs) > 50
    assert [_ends_sentence(p) for p in paragraphs + edges] == [
        bool(_SENTENCE_END.search(p)) for p in paragraphs + edges
    ]


def test_check_after_compare_makes_the_duplicate_marks_compare_left_out(run, monkeypatch, tmp_path):
    """`compare` stores each article's grouping features without `check`'s duplicate marks; a `check`
    on that store makes them for every article, stores them, and finds the same copies as a `check`
    on a store of its own; a second `check` finds them all stored."""
    from srccompare import load, store
    from srccompare.compare import features as features_mod
    from srccompare.options import DEFAULT_OPTIONS

    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    text = (root / "001_3dbf73fb56b3fa01.txt").read_text(encoding="utf-8")
    (root / "near-copy.txt").write_text(text.replace(" said ", " stated ", 2), encoding="utf-8")
    (root / "copy.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "shared"))
    run("compare", str(root), "--format", "json", "-o", str(tmp_path / "report.json"), "--jobs", "1")
    options = replace(DEFAULT_OPTIONS, cache_dir=str(tmp_path / "shared"))
    articles = load([str(root)], options)
    keys = [store.features_key(a.title, a.paragraphs) for a in articles]

    def stored_marks() -> list:
        found = store.get_features(keys, options)
        return [(found[k].body, found[k].sketch) for k in keys]

    assert len(articles) == 7 and all(m == (None, None) for m in stored_marks())
    after_compare = json.loads(run("check", str(root), "--format", "json", "--select", "SC04").stdout)["findings"]
    assert stored_marks() == [features_mod.marks_of(a.paragraphs) for a in articles]
    made: list = []
    monkeypatch.setattr(features_mod, "marks_of", lambda paragraphs: made.append(1))
    again = json.loads(run("check", str(root), "--format", "json", "--select", "SC04").stdout)["findings"]
    monkeypatch.undo()
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "own"))
    own = json.loads(run("check", str(root), "--format", "json", "--select", "SC04").stdout)["findings"]
    assert after_compare == again == own and not made
    assert sorted((f["path"].rsplit("/", 1)[-1], f["code"]) for f in own) == [
        ("copy.txt", "SC040"),
        ("near-copy.txt", "SC041"),
    ]
