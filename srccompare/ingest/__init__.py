"""Ingest: bytes -> Document -> cleaned Article."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace

from ..errors import InputError
from ..model import Article, Document, Problem
from ..options import DEFAULT_OPTIONS, Options
from .article import make_article
from .read import normalise, read_documents


def clean_document(doc: Document, options: Options = DEFAULT_OPTIONS) -> Article:
    from . import cache

    if doc.outlets:
        # The corpus's own manifest extends the registry; the user's configuration has the last word.
        options = replace(options, outlets={**doc.outlets, **options.outlets})
    article = cache.get(doc, options)
    if article is None:
        article = _clean(doc, options)
        cache.put(doc, options, article)
    return article


def _clean(doc: Document, options: Options) -> Article:
    if doc.format == "html":
        from .html import clean_page

        cleaned = clean_page(doc.text, doc.path, doc.hints.get("url"), options)
    else:
        from .text import clean_dump

        cleaned = clean_dump(doc.text, options)
    if not any(p.strip() for p in cleaned.paragraphs):
        raise InputError(doc.path, "no article text left after cleaning", "SC003")
    return make_article(doc.id, doc.path, doc.format, cleaned, doc.hints, options)


def clean_text(raw: str, name: str | None = None, options: Options = DEFAULT_OPTIONS) -> Article:
    """Clean one plain-text dump (pasted browser text) into an Article."""
    doc = Document(id=name or "-", path=name or "-", text=normalise(raw), format="text")
    return clean_document(doc, options)


def clean_html(html: str, url: str | None = None, options: Options = DEFAULT_OPTIONS) -> Article:
    """Clean one saved HTML page into an Article (body and metadata by trafilatura)."""
    name = url or "-"
    hints = {"url": url} if url else {}
    doc = Document(id=name, path=name, text=normalise(html), format="html", hints=hints)
    return clean_document(doc, options)


def iter_articles(paths: Iterable[str], options: Options = DEFAULT_OPTIONS) -> Iterable[Article | Problem]:
    for item in read_documents(paths, options):
        if isinstance(item, Problem):
            yield item
            continue
        try:
            yield clean_document(item, options)
        except InputError as exc:
            yield Problem(exc.path, exc.reason, exc.code)


def load(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    options: Options = DEFAULT_OPTIONS,
    problems: list[Problem] | None = None,
) -> list[Article]:
    """Read and clean files and directories (honouring manifest.toml).

    Inputs that cannot be used are appended to ``problems`` when a list is given; otherwise the
    first one raises InputError.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [str(os.fspath(p)) for p in paths]
    articles: list[Article] = []
    for item in iter_articles(names, options):
        if isinstance(item, Problem):
            if problems is None:
                raise InputError(item.path, item.reason, item.code)
            problems.append(item)
        else:
            articles.append(item)
    return articles
