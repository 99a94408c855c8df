"""Ingest: bytes -> Document -> cleaned Article.

``iter_loaded`` is the one load path: the library's ``load``, the CLI and ``check`` all read and clean
through it. Documents are read here in batches; each batch's articles come from the store when
cleaned before, and the rest are cleaned on the engine's workers (srccompare/engine.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Article, Document, Problem
from ..options import DEFAULT_OPTIONS, Options
from .article import make_article
from .read import holds_at_least, normalise, read_documents

if TYPE_CHECKING:
    from ..engine import Engine

# Documents read ahead and cleaned together: enough to keep the workers busy, few enough that the
# texts held at once stay small.
BATCH = 256


def clean_document(doc: Document, options: Options = DEFAULT_OPTIONS) -> Article:
    from .. import store

    options = _with_manifest_outlets(doc, options)
    key = store.article_key(doc, options) if options.cache_dir else ""
    article = store.get_articles([key], options).get(key) if key else None
    if article is None:
        article = _clean(doc, options)
        if key:
            store.put_articles([(key, article)], options)
    return article


def _with_manifest_outlets(doc: Document, options: Options) -> Options:
    if doc.outlets:
        # The corpus's own manifest extends the registry; the user's configuration has the last word.
        options = replace(options, outlets={**doc.outlets, **options.outlets})
    return options


# What a later stage reads of each article, made on the worker that has just cleaned it: a function of
# the Article (module level, so that it pickles) and what receives the (article, value) pairs of each
# batch in the caller (compare/features.py's grouping features: AFTER_CLEANING there).
After = tuple[Callable[[Article], Any], Callable[[Sequence[tuple[Article, Any]], Options], None]]


def _clean_or_problem(item: tuple[Document, Options]) -> Article | Problem:
    """One document cleaned on a worker (no store there: the caller reads and writes it)."""
    doc, options = item
    try:
        return _clean(doc, options)
    except InputError as exc:
        return Problem(exc.path, exc.reason, exc.code)


def _clean_then(
    item: tuple[Document, Options, Callable[[Article], Any] | None, bool],
) -> tuple[Article | Problem | bytes, Any]:
    """One document cleaned, then ``after`` (if any) made of the article, on the same worker. With
    ``encode`` (the caller keeps a store), the article and the value come as the store encodes them:
    the caller decodes the article once and stores the bytes as they are."""
    doc, options, after, encode = item
    result = _clean_or_problem((doc, options))
    if not isinstance(result, Article):
        return result, None
    value = after(result) if after is not None else None
    if encode:
        from .. import store

        return store.encode(result), (None if value is None else store.encode(value))
    return result, value


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


def iter_loaded(
    paths: Iterable[str], options: Options = DEFAULT_OPTIONS, after: After | None = None
) -> Iterator[tuple[Document | None, Article | Problem]]:
    """Each input in order, as (document, article), (document, problem) when it could be read but
    not cleaned, or (None, problem) when it could not be read. With ``after`` (function, receiver),
    each article cleaned here (not read from the store) also goes through the function on the worker
    that cleaned it, and the receiver gets the (article, value) pairs batch by batch."""
    from ..engine import CLEAN_HERE_BELOW, engine_of

    engine = engine_of(options)
    paths = list(paths)
    if engine.workers > 1 and _all_to_clean(options) and holds_at_least(paths, CLEAN_HERE_BELOW):
        # The fork server loads (0.7 s) while the inputs are read, instead of the first batch waiting.
        engine.warm()
    items = iter(read_documents(paths, options))
    # One batch is read and handed to the workers while the one before is still being cleaned.
    pending = None
    while batch := list(islice(items, BATCH)):
        started = _start(batch, engine, options, after)
        if pending is not None:
            yield from _finish(pending, options, after)
        pending = started
    if pending is not None:
        yield from _finish(pending, options, after)
    # Grouping comes next, here: the idle workers' memory would only add to its peak.
    engine.rest()


def _all_to_clean(options: Options) -> bool:
    """Whether every input will be cleaned here: no store, or one without an article of this code (a
    warm re-run, or check after adding a few files, starts no worker it does not need)."""
    from .. import store

    return not options.cache_dir or not store.holds_articles(options)


# The batch, its documents, their store keys, the articles found, and the cleaned ones to come (each an
# Article or Problem, or with ``after`` an (Article or Problem, value) pair).
_Started = tuple[list[Document | Problem], list[Document], list[str], dict[str, Article], Iterator[Any]]


def _start(batch: list[Document | Problem], engine: Engine, options: Options, after: After | None = None) -> _Started:
    """A batch's documents looked up in the store, and the rest handed to the engine to clean."""
    from .. import store
    from ..engine import CLEAN_HERE_BELOW

    docs = [d for d in batch if isinstance(d, Document)]
    per_doc = [_with_manifest_outlets(d, options) for d in docs]
    keys = [store.article_key(d, o) for d, o in zip(docs, per_doc)] if options.cache_dir else []
    found = store.get_articles(keys, options)
    todo = [(d, replace(o, cache_dir=None)) for d, o, k in zip(docs, per_doc, keys or [""] * len(docs))
            if k not in found]  # fmt: skip
    then = after[0] if after is not None else None
    cleaned = iter(engine.map(_clean_then, [(*t, then, bool(keys)) for t in todo], CLEAN_HERE_BELOW))
    return batch, docs, keys, found, cleaned


def _finish(
    started: _Started, options: Options, after: After | None = None
) -> Iterator[tuple[Document | None, Article | Problem]]:
    from .. import store

    batch, docs, keys, found, cleaned = started
    new: list[tuple[str, bytes]] = []
    results: list[Article | Problem] = []
    made: list[tuple[Article, Any]] = []
    for n, _doc in enumerate(docs):
        key = keys[n] if keys else ""
        if key in found:
            results.append(found[key])
            continue
        result, value = next(cleaned)
        if isinstance(result, bytes):  # encoded for the store on the worker
            new.append((key, result))
            result = store.decode(result)
        if after is not None and isinstance(result, Article):
            made.append((result, value))
        results.append(result)
    store.put_encoded("articles", new, options)
    if after is not None and made:
        after[1](made, options)
    done = iter(results)
    for item in batch:
        if isinstance(item, Problem):
            yield None, item
        else:
            yield item, next(done)


def iter_articles(
    paths: Iterable[str], options: Options = DEFAULT_OPTIONS, after: After | None = None
) -> Iterator[Article | Problem]:
    for _doc, result in iter_loaded(paths, options, after):
        yield result


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
