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
    run = guarded(tmp_path, *args, "corpus")
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
    command = "clean" if name == "clean.txt" else "compare"
    run = guarded(tmp_path, command, "corpus", output=out)
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
