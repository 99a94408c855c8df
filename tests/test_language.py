"""Language detection: scripts, Latin-script stop-word profiles, and None for text too short to judge."""

from __future__ import annotations

import time

import pytest

import srccompare
from srccompare.nlp.language import detect_language

from .conftest import CORPUS, DATA


def _samples() -> list[tuple[str, str]]:
    lines = (DATA / "nlp" / "languages.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize("code, text", _samples(), ids=[c for c, _ in _samples()])
def test_samples(code, text):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Putin", "Seoul, June 27", "12/02/2016 15:14", "Kim Jong Un Moon Jae-in"])
def test_too_short_or_unclear_gives_none(text):
    assert detect_language(text) is None


def test_corpus_bodies_are_english():
    for article in srccompare.load([str(CORPUS)]):
        assert detect_language(article.body) == "en", article.id


def test_korean_interface_line_of_seed_001():
    line = (CORPUS / "001_3dbf73fb56b3fa01.txt").read_text(encoding="utf-8").splitlines()[2]
    assert detect_language(line) == "ko"


def test_italian_footer_of_seed_000():
    line = (CORPUS / "000_a67b68c824396ff8.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert detect_language(line) == "it"


def test_fast_on_long_text():
    text = " ".join(t for _, t in _samples()) * 2000
    start = time.perf_counter()
    detect_language(text)
    assert time.perf_counter() - start < 0.1  # it reads a bounded sample, never the whole text
