"""Shared fixtures: the corpus, the gold file (skipped cleanly when ../shared is absent), a CLI runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"
# The articles of the hand-labelled ECB+ events (tests/data/facts), real text that ships with the tests.
FACT_ARTICLES = DATA / "facts" / "articles"


def fact_article_line(name: str, part: str) -> str:
    """The first line of the labelled ECB+ article ``name`` that holds ``part``."""
    return next(line for line in (FACT_ARTICLES / name).read_text(encoding="utf-8").splitlines() if part in line)


def assert_golden(name: str, text: str) -> None:
    """``text`` equals tests/data/golden/NAME (trailing spaces aside). SRCCOMPARE_UPDATE_GOLDEN=1
    rewrites the file instead, after an intended change: review the diff."""
    path = GOLDEN / name
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if os.environ.get("SRCCOMPARE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}: run with SRCCOMPARE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


SHARED = Path(os.environ.get("SRCCOMPARE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def gold() -> dict:
    path = SHARED / "gold" / "seeds.json"
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """The CLI caches cleaned articles; tests use their own cache, never the user's."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture()
def run():
    """Run the CLI in-process with a fixed-width, colourless environment; returns click's Result."""
    from srccompare.cli import cli
    from srccompare.environment import Environment

    def _run(*args: str, input: str | bytes | None = None):
        runner = CliRunner()
        env = Environment(color=False, width=100)
        return runner.invoke(cli, list(args), obj=env, input=input, catch_exceptions=False)

    return _run


@pytest.fixture()
def feature_calls(monkeypatch) -> list[str]:
    """The paths compare/features.py makes grouping features for, in this test (a counting wrapper)."""
    from srccompare.compare import features as features_mod

    made: list[str] = []
    real = features_mod.compute

    def counting(item, marks=False):
        made.append(item[0] or "")
        return real(item, marks)

    monkeypatch.setattr(features_mod, "compute", counting)
    return made
