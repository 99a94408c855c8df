"""The one name every renderer uses for an article: outlet, else publisher, else file stem, made unique.

Set once, when the report is built, so that the terminal, Markdown, HTML and JSON can never name the
same article two ways. Two articles of one outlet become "AP" and "AP (2)", numbered in the order of
their ids so that a rerun on the same files gives the same labels.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from ..model import Article


def base_label(article: Article) -> str:
    if article.outlet:
        return article.outlet
    if article.publisher:
        return article.publisher
    if article.path in ("", "-"):
        return "stdin"
    stem = PurePath(article.path).name
    # Only the last suffix (".txt", ".gz" of ".html.gz" too) is the format, not the name.
    while "." in stem.strip(".") and PurePath(stem).suffix.lower() in {".txt", ".html", ".htm", ".gz", ".text", ".md"}:
        stem = PurePath(stem).stem
    return stem or article.id


def with_labels(articles: Sequence[Article]) -> list[Article]:
    """``articles`` in the same order, each with its unique ``label``."""
    bases = {a.id: base_label(a) for a in articles}
    totals = Counter(bases.values())
    seen: Counter[str] = Counter()
    labels: dict[str, str] = {}
    taken = set(bases.values())
    for a in sorted(articles, key=lambda a: a.id):
        base = bases[a.id]
        seen[base] += 1
        label = base
        if totals[base] > 1 and seen[base] > 1:
            n = seen[base]
            label = f"{base} ({n})"
            while label in taken:  # an outlet really called "AP (2)"
                n += 1
                label = f"{base} ({n})"
        taken.add(label)
        labels[a.id] = label
    return [a if a.label == labels[a.id] else dataclasses.replace(a, label=labels[a.id]) for a in articles]
