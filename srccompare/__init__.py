"""srccompare: compare how several outlets reported the same events.

The library comes first; the CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Sequence

# The compare/ subpackage must be loaded before the compare() function below is defined: loading a
# subpackage binds its name on this package, and would otherwise replace the public function.
from . import compare as _compare_stage  # noqa: F401  (light: its __init__ imports nothing)
from .errors import InputError, SrcCompareError, UsageError
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
from .options import DEFAULT_OPTIONS, Options

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
    "fetch",
    "load",
    "sentence_relation",
]


def compare(articles, options: Options | None = None, problems: Sequence[Problem] = ()) -> Report:
    """Group articles into events and a story, align their facts and classify the differences.

    ``problems`` (from ``load(..., problems=[])``) are named in the report's notices as
    ``unusable_input``, so that the report says which inputs it does not cover."""
    from .compare.report import build_report

    return build_report(_unique_ids(list(articles)), options or Options(), problems)


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


# The cleaners import trafilatura, lxml and the text labeller: load them only when called, so that
# `import srccompare` and `srccompare --help` stay fast.
def clean_text(raw: str, name: str | None = None, options: Options = DEFAULT_OPTIONS) -> Article:
    """Clean one plain-text dump (text pasted from a browser) into an Article."""
    from .ingest import clean_text as _clean_text

    return _clean_text(raw, name, options)


def clean_html(html: str, url: str | None = None, options: Options = DEFAULT_OPTIONS) -> Article:
    """Clean one saved HTML page into an Article (body and metadata by trafilatura)."""
    from .ingest import clean_html as _clean_html

    return _clean_html(html, url, options)


def load(paths, options: Options = DEFAULT_OPTIONS, problems: list[Problem] | None = None) -> list[Article]:
    """Read and clean files and directories (recursively, sorted), honouring manifest.toml.

    Inputs that cannot be used are appended to ``problems`` when a list is given; otherwise the first
    one raises InputError."""
    from .ingest import load as _load

    return _load(paths, options, problems)


def fetch(urls=(), out_dir=".", **kwargs):
    """Download pages (and the pages of ``feeds=[...]``) into a corpus folder with their provenance in
    its manifest.toml; see srccompare.web.fetch for the options. Returns a srccompare.web.FetchResult."""
    from .web import fetch as _fetch

    return _fetch(urls, out_dir, **kwargs)


def sentence_relation(a: str, b: str) -> Relation:
    """Relation of two sentences: ``.kind`` in {equivalent, divergent, unrelated}, ``.score`` in [0, 1]."""
    from .compare.relation import sentence_relation as _relation

    return _relation(a, b)
