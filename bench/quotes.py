"""Quotation speakers on real reports: how many quotations get a speaker.

``srccompare.nlp.quotes.article_quotes`` on the labelled ECB+ development articles (tests/data/facts/
articles, so this part needs no bench data) and on BASIL's development articles (one paragraph per
BASIL paragraph). Quotations of at least four words (shorter ones are mostly scare quotes, which name
no speaker). A quotation whose text names no speaker stays without one, so the share is not meant to
reach 1; a wrong speaker is worse than none, and the changes that raise it are checked by reading
every speaker they change (commit messages).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from .common import need
from .factscore import ARTICLES

MIN_WORDS = 4


def _share(articles: Iterable[Sequence[str]]) -> tuple[int, int]:
    from srccompare.nlp.quotes import article_quotes

    total = named = 0
    for paragraphs in articles:
        for quote in article_quotes(paragraphs):
            if len(quote.text.split()) >= MIN_WORDS:
                total += 1
                named += quote.speaker is not None
    return named, total


def _ecbplus() -> list[list[str]]:
    import srccompare

    return [list(a.paragraphs) for a in srccompare.load([ARTICLES], problems=[])]


def _basil(data: Path) -> list[list[str]]:
    out = []
    for path in sorted(need(data / "basil" / "articles").glob("*/*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["body-paragraphs"]
        out.append([" ".join(p) if isinstance(p, list) else p for p in body])
    return out


def run(data: Path) -> str:
    rows = []
    for name, articles in (
        ("ECB+ development articles labelled in tests/data/facts", _ecbplus()),
        ("BASIL development articles", _basil(data)),
    ):
        named, total = _share(articles)
        rows.append(f"| {name} | {len(articles)} | {total} | {named} | {named / max(1, total):.3f} |")
    return "\n".join(
        [
            "## quotes: quotations given a speaker",
            "",
            f"Quotations of at least {MIN_WORDS} words found by `srccompare.nlp.quotes.article_quotes`, and how many "
            "it gives a speaker (a person or a body the text names, a pronoun resolved to one).",
            "",
            "| articles | count | quotations | with a speaker | share |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "Command: `python -m bench DATA --only quotes`",
        ]
    )
