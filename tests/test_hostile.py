"""Hostile input, end to end through the real console entry point (issue 9).

Every case builds its files in tmp_path and runs ``python -m srccompare`` in a subprocess with a hard
timeout, then asserts what a user must be able to rely on: one stderr line per bad file, naming it;
the good files still processed (their output present); no traceback; the run finished within its
time limit; the inputs unchanged (hashed before and after); nothing written but the -o file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

ASIANEWS = CORPUS / "000_a67b68c824396ff8.txt"
YONHAP = CORPUS / "001_3dbf73fb56b3fa01.txt"
# Words of the Yonhap dump's first body sentence, which every good run shows.
YONHAP_SENTENCE = "Vladimir Putin said Wednesday"
# Seconds one run may take on a loaded 2-core machine (a normal run of two articles takes about 2).
LIMIT = 60
# Terminal sequences an article could carry: set title, clear screen, OSC 52 clipboard write, 8-bit CSI.
SEQUENCES = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m"
# How the first one is shown: escaped as \x1b (text), \u001b (JSON); Markdown also escapes the bracket.
SHOWN = re.compile(r"(\\x1b|\\u001b)\\?\]0;pwned")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def srccompare(*args: str, cwd: Path, timeout: float = LIMIT) -> Run:
    env = dict(os.environ, SRCCOMPARE_CACHE_DIR=str(cwd / ".cache-of-test"), PYTHONPATH=str(ROOT))
    env.pop("FORCE_COLOR", None)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "srccompare", *args],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - start
    run = Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"), seconds)
    assert "Traceback" not in run.stderr, run.stderr
    assert seconds < timeout
    return run


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under root (links not followed) and what it holds: a hash, a link target or a kind."""
    state: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".cache-of-test"]
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                state[rel] = "link " + os.readlink(path)
            elif path.is_file() and os.access(path, os.R_OK):
                state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                state[rel] = "dir" if path.is_dir() else "other"
    return state


def guarded(root: Path, *args: str, output: Path | None = None, timeout: float = LIMIT) -> Run:
    """Run srccompare in root and assert that nothing under root changed but ``output``."""
    before = snapshot(root)
    run = srccompare(*args, *(["-o", str(output)] if output else []), cwd=root, timeout=timeout)
    after = snapshot(root)
    if output is not None:
        after.pop(output.relative_to(root).as_posix(), None)
    assert after == before
    return run


def corpus(root: Path, *sources: Path) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    for src in sources or (ASIANEWS, YONHAP):
        shutil.copy(src, folder / src.name)
    return folder


def one_line_about(run: Run, name: str, *words: str) -> None:
    """Exactly one stderr line, naming ``name`` and saying why."""
    assert len(run.errors) == 1, run.stderr
    assert name in run.errors[0], run.errors[0]
    for word in words:
        assert word in run.errors[0], run.errors[0]


def strings(data: object):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


# --- terminal escape injection -------------------------------------------------------------------


def _with_sequences(folder: Path) -> None:
    text = YONHAP.read_text(encoding="utf-8")
    # Inside the first body sentence that names Putin, where the cleaner keeps it.
    at = text.index(YONHAP_SENTENCE)
    (folder / YONHAP.name).write_text(text[:at] + SEQUENCES + text[at:], encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("clean",),
        ("clean", "--format", "json"),
        ("compare",),
        ("compare", "--color"),
        ("compare", "--format", "markdown"),
        ("compare", "--format", "json"),
    ],
)
def test_escape_sequences_in_article_text_never_reach_the_terminal(tmp_path, args):
    folder = corpus(tmp_path)
    _with_sequences(folder)
    # --full: the shortened terminal report need not show the sentence that carries them.
    full = ("--full",) if args[0] == "compare" and "json" not in args else ()
    run = guarded(tmp_path, *args, *full, "corpus")
    assert run.code == 0, run.stderr
    # The article's sequences are shown escaped, not dropped and not played.
    for raw in ("\x1b]0;pwned", "\x1b[2J", "\x1b]52;", "\x9b"):
        assert raw not in run.stdout
    assert SHOWN.search(run.stdout), run.stdout
    if "--color" not in args:
        assert "\x1b" not in run.stdout
    if "json" in args:
        # The data itself is unchanged for a JSON parser.
        assert any(SEQUENCES + YONHAP_SENTENCE in text for text in strings(json.loads(run.stdout)))


@pytest.mark.parametrize("name", ["report.txt", "report.md", "clean.txt"])
def test_escape_sequences_never_reach_a_text_file(tmp_path, name):
    folder = corpus(tmp_path)
    _with_sequences(folder)
    out = tmp_path / name
    command = ("clean",) if name == "clean.txt" else ("compare", "--full")
    run = guarded(tmp_path, *command, "corpus", output=out)
    assert run.code == 0, run.stderr
    written = out.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x07" not in written and "\x9b" not in written
    assert SHOWN.search(written), written


def test_escape_sequences_in_a_file_name_and_a_reason(tmp_path):
    folder = corpus(tmp_path)
    (folder / "bad\x1b]0;pwned\x07.txt").write_bytes(b"")
    run = guarded(tmp_path, "clean", "corpus")
    assert run.code == 1
    one_line_about(run, "bad\\x1b]0;pwned\\x07.txt", "empty")
    assert "\x1b" not in run.stderr
    assert YONHAP_SENTENCE in run.stdout


# --- links, unreadable folders, configuration, own outputs ---------------------------------------

SECRET = "The private key of the newsroom server is hunter2, and the backup password is swordfish."


def test_link_out_of_the_corpus_is_named_not_followed(tmp_path):
    folder = corpus(tmp_path)
    private = tmp_path / "private"
    private.mkdir()
    (private / "notes.txt").write_text((SECRET + "\n\n") * 5, encoding="utf-8")
    (folder / "notes.txt").symlink_to(private / "notes.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "report.html"
    run = guarded(tmp_path, "compare", "corpus", output=out)
    assert run.code == 1
    by_name = {
        name: [line for line in run.errors if f"corpus/{name}:" in line]
        for name in ("notes.txt", "passwd.txt", "gone.txt")
    }
    assert all(len(found) == 1 for found in by_name.values()), run.stderr
    assert len(run.errors) == 3
    assert "outside" in by_name["notes.txt"][0] and "--follow-links" in by_name["notes.txt"][0]
    assert "outside" in by_name["passwd.txt"][0]
    assert "dangling" in by_name["gone.txt"][0]
    page = out.read_text(encoding="utf-8")
    assert "hunter2" not in page and "root:x:0:0" not in page
    assert "Vladimir Putin said" in page and "Yonhap" in page
    # Asked for, the link is read.
    followed = guarded(tmp_path, "clean", "--follow-links", "corpus")
    assert "hunter2" in followed.stdout
    assert len(followed.errors) == 2  # passwd.txt is too short to be an article; gone.txt is dangling


def test_a_link_inside_the_corpus_is_read(tmp_path):
    folder = corpus(tmp_path, ASIANEWS)
    (folder / "sub").mkdir()
    shutil.move(folder / ASIANEWS.name, folder / "sub" / "a.txt")
    (folder / "b.txt").symlink_to(folder / "sub" / "a.txt")
    run = guarded(tmp_path, "clean", "--format", "json", "corpus")
    assert run.code == 0 and run.errors == []
    assert len(json.loads(run.stdout)) == 1  # one file reached two ways is read once


def test_unreadable_folder_is_named(run, tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    shutil.copy(ASIANEWS, locked / "c.txt")
    if os.geteuid() == 0:
        # root reads every folder whatever its mode: make the listing fail the way it does for users.
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        result = run("clean", str(folder))
    finally:
        locked.chmod(0o755)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 1
    assert len(errors) == 1 and "locked" in errors[0] and "cannot read folder" in errors[0]
    assert "Vladimir Putin said Wednesday" in result.stdout


def test_configuration_in_a_parent_folder_is_not_applied(tmp_path):
    # One found in some parent folder used to empty every body.
    (tmp_path / "srccompare.toml").write_text('furniture = ["the", "a", "and"]\n', encoding="utf-8")
    (tmp_path / "work").mkdir()
    corpus(tmp_path / "work")
    run = guarded(tmp_path, "compare", "--format", "json", "work/corpus")
    assert run.code == 0, run.stderr
    report = json.loads(run.stdout)
    assert not [n for n in report["notices"] if n["kind"] == "configuration"]
    assert any(YONHAP_SENTENCE in m["text"] for e in report["events"] for f in e["facts"] for m in f["members"])


@pytest.mark.parametrize("where", ["folder", "git root"])
def test_configuration_of_the_corpus_is_applied_and_named(tmp_path, where):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    folder = corpus(repo)
    config = (folder if where == "folder" else repo) / "srccompare.toml"
    config.write_text('[outlets]\n"Yonhap News Agency" = ["Yonhap"]\n', encoding="utf-8")
    run = guarded(tmp_path, "compare", "--format", "json", "repo/corpus")
    assert run.code == 0, run.stderr
    [notice] = [n for n in json.loads(run.stdout)["notices"] if n["kind"] == "configuration"]
    assert notice["message"].endswith(str(config.resolve()))
    checked = guarded(tmp_path, "check", "--format", "json", "repo/corpus")
    assert json.loads(checked.stdout)["config"] == str(config.resolve())


def test_own_reports_in_the_corpus_are_not_articles(tmp_path):
    corpus(tmp_path)
    for name in ("report.html", "report.md", "report.txt", "report.json", "clean.json", "clean.txt"):
        command = "clean" if name.startswith("clean") else "compare"
        srccompare(command, "corpus", "-o", f"corpus/{name}", cwd=tmp_path)
    run = guarded(tmp_path, "compare", "--format", "json", "corpus")
    assert run.code == 0 and run.errors == [], run.stderr
    assert sorted(Path(a["id"]).name for a in json.loads(run.stdout)["articles"]) == [ASIANEWS.name, YONHAP.name]


# --- user files: manifest, configuration, baseline -----------------------------------------------

DEEP_TOML = "deep = " + "[" * 3000 + "]" * 3000 + "\n"
DEEP_INLINE_TOML = "deep = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"


@pytest.mark.parametrize("text", [DEEP_TOML, DEEP_INLINE_TOML, '[files."x.txt"]\noutlet = 3\n', "files = 1\n"])
def test_bad_manifest_is_one_line_and_the_articles_still_clean(tmp_path, text):
    folder = corpus(tmp_path)
    (folder / "manifest.toml").write_text(text, encoding="utf-8")
    run = guarded(tmp_path, "clean", "corpus")
    assert run.code == 1
    one_line_about(run, "manifest.toml", "malformed manifest")
    assert YONHAP_SENTENCE in run.stdout


@pytest.mark.parametrize(
    "text",
    [DEEP_TOML, DEEP_INLINE_TOML, "min-words = [1]\n", "near-duplicate = 7\n", "furniture = [{a = 1}]\n", "tool = 3\n"],
)
@pytest.mark.parametrize("command", ["clean", "compare", "check"])
def test_bad_configuration_is_one_line_naming_it(tmp_path, text, command):
    folder = corpus(tmp_path)
    (folder / "srccompare.toml").write_text(text, encoding="utf-8")
    run = guarded(tmp_path, command, "corpus")
    assert run.code == 2
    one_line_about(run, "srccompare.toml")


BASELINES = {
    "deep.json": '{"schema_version": 2, "events": ' + "[" * 3000 + "]" * 3000 + "}",
    "deep-object.json": '{"schema_version": 2, "events": [], "x": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}",
    "string-events.json": '{"schema_version": 2, "events": "abc"}',
    "null-events.json": '{"schema_version": 2, "events": null}',
    "no-text.json": json.dumps(
        {"schema_version": 2, "events": [{"id": "E1", "facts": [{"id": "F1", "members": [{"article": "a.txt"}]}]}]}
    ),
    "int-article.json": json.dumps(
        {
            "schema_version": 2,
            "articles": [{"id": 7}],
            "events": [{"id": "E1", "facts": [{"id": "F1", "members": [{"article": 7, "text": "x"}]}]}],
        }
    ),
    "not-json.json": "{'schema_version': 2",
    "bad-utf8.json": b'{"schema_version": 2, "events": []}\xff',
}


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_bad_baseline_is_one_line_naming_it(tmp_path, name):
    corpus(tmp_path)
    content = BASELINES[name]
    (tmp_path / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    run = guarded(tmp_path, "check", "corpus", "--baseline", name)
    assert run.code == 2
    one_line_about(run, name, "baseline")


def test_fifo_and_device_are_refused_never_read(tmp_path):
    corpus(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.json")
    os.mkfifo(tmp_path / "pipe.toml")
    # As inputs: one line each, the corpus still cleaned.
    run = guarded(tmp_path, "clean", "corpus", "pipe.txt", "/dev/zero", timeout=30)
    assert run.code == 1
    assert len(run.errors) == 2 and "pipe.txt" in run.errors[0] and "/dev/zero" in run.errors[1]
    assert all("not a regular file" in line for line in run.errors)
    assert YONHAP_SENTENCE in run.stdout
    # As a baseline or a configuration: refused, not opened (opening a FIFO for reading blocks).
    for args in (("--baseline", "pipe.json"), ("--config", "pipe.toml"), ("--baseline", "/dev/zero")):
        refused = guarded(tmp_path, "check", "corpus", *args, timeout=30)
        assert refused.code == 2
        one_line_about(refused, args[1], "not a regular file")


# --- time and size budgets (srccompare/options.py) -----------------------------------------------

ARTICLE_HTML = (
    "<article><h1>Ferry service to Jeju resumes after storm</h1>"
    "<p>Ferries between the mainland port of Mokpo and Jeju island sailed again on Friday after a typhoon had "
    "kept every ship in harbour for three days, the coastal authority said.</p>"
    "<p>More than twelve thousand passengers had been stranded on the island since Tuesday, many of them "
    "tourists who slept in the terminal building while they waited for news of the weather.</p></article>"
)


def _page(filler: str) -> str:
    return f"<html><head><title>Ferry</title></head><body>{ARTICLE_HTML}{filler}</body></html>"


@pytest.mark.parametrize("paragraphs", [10_000, 100_000])
def test_html_with_very_many_paragraphs_is_cleaned_within_budget(tmp_path, paragraphs):
    # jusText, trafilatura's fallback, is quadratic in paragraphs (10,000 took 34 s, 100,000 minutes):
    # above the budgets it is skipped, then trafilatura itself, and the visible lines are a text dump.
    folder = corpus(tmp_path, YONHAP)
    (folder / "many.html").write_text(_page("<p>x</p>" * paragraphs), encoding="utf-8")
    run = guarded(tmp_path, "clean", "--no-cache", "--format", "json", "corpus")
    assert run.code == 0, run.stderr
    by_name = {Path(a["id"]).name: a for a in json.loads(run.stdout)}
    assert "stranded on the island since Tuesday" in by_name["many.html"]["body"]
    assert YONHAP_SENTENCE in by_name[YONHAP.name]["body"]


def test_html_with_a_million_paragraphs_is_named_not_cleaned(tmp_path):
    folder = corpus(tmp_path, YONHAP)
    (folder / "million.html").write_text(_page("<p>x</p>" * 1_000_000), encoding="utf-8")
    run = guarded(tmp_path, "clean", "--no-cache", "corpus")
    assert run.code == 1
    one_line_about(run, "million.html", "too large to clean", "limit")
    assert YONHAP_SENTENCE in run.stdout


def test_dump_too_long_to_be_one_article_is_named_in_compare(tmp_path):
    folder = corpus(tmp_path)
    sentences = [
        f"Officials in district {n} said on Monday that the ferry to island {n} would sail again." for n in range(6_000)
    ]
    (folder / "dump.txt").write_text("\n\n".join(sentences), encoding="utf-8")
    run = guarded(tmp_path, "compare", "--no-cache", "--format", "json", "corpus")
    assert run.code == 1
    one_line_about(run, "dump.txt", "too long to compare", "6,000 sentences")
    assert sorted(Path(a["id"]).name for a in json.loads(run.stdout)["articles"]) == [ASIANEWS.name, YONHAP.name]
    # clean still cleans it.
    cleaned = guarded(tmp_path, "clean", "--no-cache", "--format", "json", "corpus/dump.txt")
    assert cleaned.code == 0 and len(json.loads(cleaned.stdout)[0]["sentences"]) == 6_000


# --- the earlier cases, all in one corpus --------------------------------------------------------


def _bad_files(folder: Path) -> dict[str, str]:
    """Bad files as users leave them in a corpus folder -> a word the one line about each must hold."""
    import gzip

    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "noise.bin").write_bytes(bytes((i * 7919) % 256 for i in range(8192)))
    # 2 GB of zeros packed into 2 MB: the reader must stop at --max-size, not inflate it all.
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    (folder / "bomb.txt.gz").write_bytes(bomb)
    (folder / "cut.txt.gz").write_bytes(gzip.compress(YONHAP.read_bytes())[:200])
    (folder / "bad-utf16.txt").write_bytes(b"\xff\xfe" + "Putin said".encode("utf-16-le") + b"\x00\xd8")
    (folder / "broken.html").write_bytes(b"<html><body><div><p>Home</p><<<>>></div><script>while(1){}</script>")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "feed.xml").write_text('<?xml version="1.0"?><rss><channel></channel></rss>', encoding="utf-8")
    return {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "image.txt": "PNG",
        "noise.bin": "binary",
        "bomb.txt.gz": "too large",
        "cut.txt.gz": "gzip",
        "bad-utf16.txt": "undecodable",
        "broken.html": "no article",
        "gone.txt": "dangling",
        "feed.xml": "unknown format",
    }


@pytest.mark.parametrize("command", ["clean", "compare", "check"])
def test_every_bad_file_gets_one_line_and_the_good_ones_are_processed(tmp_path, command):
    folder = corpus(tmp_path)
    expected = _bad_files(folder)
    out = tmp_path / "out" / "result.txt"
    out.parent.mkdir()
    full = ("--full",) if command == "compare" else ()
    run = guarded(tmp_path, command, *full, "--max-size", "8", "corpus", output=out)
    written = out.read_text(encoding="utf-8")
    if command == "check":
        # check's findings are its output: one SC0xx finding per bad file, none on stderr.
        assert run.code == 1 and run.errors == []
        for name in expected:
            found = [line for line in written.splitlines() if f"corpus/{name}" in line]
            assert len(found) == 1, (name, written)
        return
    assert run.code == 1
    for name, word in expected.items():
        found = [line for line in run.errors if f"corpus/{name}:" in line]
        assert len(found) == 1, (name, run.stderr)
        assert word.casefold() in found[0].casefold(), found[0]
    assert len(run.errors) == len(expected), run.stderr
    assert "Vladimir Putin said" in written  # the good files are in the output
    assert "Traceback" not in written
