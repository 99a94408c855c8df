"""srccompare: compare how several outlets reported the same events.

The library comes first; the CLI is a thin layer over these functions.
"""

from __future__ import annotations

# The compare/ subpackage must be loaded before the compare() function below is defined: loading a
# subpackage binds its name on this package, and would otherwise replace the public function.
from . import compare as _compare_stage  # noqa: F401  (light: its __init__ imports nothing)
from .errors import InputError, SrcCompareError, UsageError
from .ingest import clean_html, clean_text, load
from .model import (
    Article,
    Difference,
    Event,
    FactGroup,
    Finding,
    Problem,
    Quote,
    Relation,
    Report,
    Sentence,
    Story,
)
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Difference",
    "Event",
    "FactGroup",
    "Finding",
    "InputError",
    "Options",
    "Problem",
    "Quote",
    "Relation",
    "Report",
    "Sentence",
    "SrcCompareError",
    "Story",
    "UsageError",
    "__version__",
    "clean_html",
    "clean_text",
    "compare",
    "load",
    "sentence_relation",
]


def compare(articles, options: Options | None = None) -> Report:
    """Group articles into events and a story, align their facts and classify the differences."""
    from .compare.report import build_report

    return build_report(_unique_ids(list(articles)), options or Options())


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Articles made by clean_text()/clean_html() without a name are all called '-'; the report tells
    articles apart by id, so a repeated id gets a suffix ('-#2') instead of merging two outlets."""
    from dataclasses import replace

    taken = {a.id for a in articles}
    seen: set[str] = set()
    out = []
    for a in articles:
        if a.id in seen:
            n = 2
            while f"{a.id}#{n}" in taken:
                n += 1
            a = replace(a, id=f"{a.id}#{n}")
            taken.add(a.id)
        seen.add(a.id)
        out.append(a)
    return out


def sentence_relation(a: str, b: str) -> Relation:
    """Relation of two sentences: ``.kind`` in {equivalent, divergent, unrelated}, ``.score`` in [0, 1]."""
    from .compare.relation import sentence_relation as _relation

    return _relation(a, b)
