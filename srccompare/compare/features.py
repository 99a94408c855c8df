"""What grouping reads of each article, computed once per article text and kept in the store.

Grouping (compare/group.py) weighs terms by how rare they are in the whole corpus, so its vectors
change whenever an article is added; but what it reads of each article does not: the terms of the
title and of each paragraph (vectors.term_row), the cues that tell one event of a kind from
another (group.cues: names, quantities, years, headline words) and the words the article writes
(for group._written_lower), and for `check`'s duplicate rules (check/corpus.py) a digest of the
body's words and a sketch of its word 4-grams. Those are a function of the article's title and paragraphs alone, so
they are kept in the store under a hash of that text and the code (store.features_key): a re-run
on a grown corpus reads them back and computes them only for the new articles, on the engine's
workers when there are many (a cold run's grouping then no longer tokenises every article in the
one main process). `compare` leaves the duplicate marks out (they were a tenth of a cold run's
cleaning time); `check` makes them where they are missing (``duplicate_marks``) and stores them back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..options import Options

if TYPE_CHECKING:
    from ..engine import Engine

# Below this many articles to compute, they are computed in this process while no worker is up
# (about half a millisecond each, against a second to start the workers).
FEATURES_HERE_BELOW = 64
# Articles whose features are read (or made) at a time when they are only passed through
# (``iter_features``): a few MB at a time, where a 10,000-article corpus's features held at once take
# a few hundred.
FEATURES_CHUNK = 256
# From this many articles, `check` makes the duplicate marks a `compare` left out on the engine's
# workers: about half a millisecond each, against about a second to start the workers (1,000
# articles after a compare: check 3.1 s with the workers, 2.7 s without).
MARKS_ON_WORKERS = 2_000

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Features:
    terms: str  # the distinct terms (vectors.term_row), one a line, in the order the article first uses them
    # How often the article uses each, and how many of its passages hold each: int32 arrays as bytes
    # (a tuple of a thousand ints costs eight times the memory and ten times the time to read back).
    counts: bytes
    held: bytes
    passages: int
    cues: tuple[str, ...]  # group.cues
    # A digest of the body's words, casefolded (check/corpus.py's body_words), and a sketch of their
    # 4-grams, for the duplicate rules of `check`: None where the features were made without them.
    body: bytes | None
    sketch: tuple[int, ...] | None
    # Every distinct word (a maximal run of word characters) of the paragraphs, one a line, framed by
    # newlines (for group._written_lower).
    words: str

    def term_row(self) -> tuple[list[str], Any, Any, int]:
        import numpy as np

        terms = self.terms.split("\n") if self.terms else []
        return (
            terms,
            np.frombuffer(self.counts, dtype=np.int32),
            np.frombuffer(self.held, dtype=np.int32),
            self.passages,
        )


def one_word(word: str) -> bool:
    """Whether ``word`` is made of word characters only: what ``writes`` can answer for."""
    return bool(_WORD.fullmatch(word))


def writes(words: str, word: str) -> bool:
    """Whether a paragraph holds ``word`` (``one_word``) as a whole word, by an article's
    ``Features.words``: exactly when it is one of the maximal runs of word characters listed there."""
    return f"\n{word}\n" in words


def compute(item: tuple[str | None, Sequence[str]], marks: bool = False) -> Features:
    """The features of one article from its (title, paragraphs); with ``marks``, `check`'s too."""
    import numpy as np

    from .group import _cues, _passages_of
    from .vectors import term_row

    title, paragraphs = item
    terms, counts, held, passages = term_row(_passages_of(title, paragraphs))
    words = {w for p in paragraphs for w in _WORD.findall(p)}
    body, sketch = marks_of(paragraphs) if marks else (None, None)
    return Features(
        terms="\n".join(terms),
        counts=np.asarray(counts, dtype=np.int32).tobytes(),
        held=np.asarray(held, dtype=np.int32).tobytes(),
        passages=passages,
        cues=tuple(_cues(title, paragraphs)),
        body=body,
        sketch=sketch,
        words="\n" + "\n".join(sorted(words)) + "\n",
    )


# `check`'s duplicate marks of a body: the digest of its words and the sketch of their 4-grams.
Marks = tuple[bytes, tuple[int, ...]]


def marks_of(paragraphs: Sequence[str]) -> Marks:
    from ..check.corpus import body_words, sketch

    body = body_words("\n\n".join(paragraphs))
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest(), sketch(body)


def _item_marks(item: tuple[str | None, Sequence[str]]) -> Marks:
    return marks_of(item[1])


def of_article(article: Article) -> Features:
    """What grouping reads of ``article`` (what `compare`'s cleaning workers make)."""
    return compute((article.title, article.paragraphs))


def with_marks(article: Article) -> Features:
    """What grouping and `check`'s duplicate rules read of ``article`` (`check`'s cleaning workers)."""
    return compute((article.title, article.paragraphs), marks=True)


def keep(made: Sequence[tuple[Article, Features]], options: Options) -> None:
    """Features made on the workers while they cleaned (ingest's ``after``): into the store (encoded
    there already), or, with no store, held here until ``article_features`` asks for them."""
    from .. import store

    items = [(store.features_key(a.title, a.paragraphs), f) for a, f in made]
    if options.cache_dir:
        store.put_encoded("features", [(k, f) for k, f in items if isinstance(f, bytes)], options)
        store.put_features([(k, f) for k, f in items if not isinstance(f, bytes)], options)
    else:
        _HELD.update(items)


# Features made while cleaning, by store key, for a run without a store: each is handed out once.
_HELD: dict[str, Features] = {}

# What the CLI's compare and check ask the cleaning workers to make of each article.
AFTER_CLEANING = (of_article, keep)
AFTER_CLEANING_FOR_CHECK = (with_marks, keep)


def article_features(articles: Sequence[Article], options: Options) -> list[Features]:
    """The features of each article, in order: from the store when computed before (or made while
    cleaning), else computed (on the engine's workers when there are many) and stored."""
    from .. import store
    from ..engine import engine_of

    items = [(a.title, a.paragraphs) for a in articles]
    keys = [store.features_key(t, p) for t, p in items] if options.cache_dir or _HELD else []
    found = store.get_features(keys, options) if options.cache_dir else {}
    if _HELD:
        found.update((k, _HELD.pop(k)) for k in keys if k in _HELD)
    todo = [k for k in range(len(items)) if not keys or keys[k] not in found]
    computed = dict(zip(todo, engine_of(options).map(compute, [items[k] for k in todo], FEATURES_HERE_BELOW)))
    if options.cache_dir and todo:
        store.put_features([(keys[k], computed[k]) for k in todo], options)
    return [computed[k] if k in computed else found[keys[k]] for k in range(len(items))]


def iter_features(articles: Sequence[Article], options: Options) -> Iterator[Features]:
    """``article_features`` a chunk at a time, for a caller that keeps only a part of each."""
    for part in _chunks(articles):
        yield from article_features(part, options)


def _chunks(articles: Sequence[Article]) -> Iterator[Sequence[Article]]:
    """``articles`` FEATURES_CHUNK at a time."""
    for start in range(0, len(articles), FEATURES_CHUNK):
        yield articles[start : start + FEATURES_CHUNK]


def duplicate_marks(
    articles: Sequence[Article], options: Options, features: Sequence[Features] | None = None
) -> list[Marks]:
    """Each article's duplicate marks, in order: from its features (``features``, else the store's a
    chunk at a time), made where the features were made without them (by `compare`), on the
    engine's workers when there are many, and stored back with the features."""
    from ..engine import engine_of

    engine = engine_of(options)
    here_below = FEATURES_HERE_BELOW if len(articles) >= MARKS_ON_WORKERS else len(articles) + 1
    try:
        if features is not None:
            return _filled(articles, features, options, engine, here_below)
        out: list[Marks] = []
        for part in _chunks(articles):
            out += _filled(part, article_features(part, options), options, engine, here_below)
        return out
    finally:
        # What follows in `check` runs here: idle workers would only add their memory to its peak.
        engine.rest()


def _filled(
    articles: Sequence[Article], features: Sequence[Features], options: Options, engine: Engine, here_below: int
) -> list[Marks]:
    from dataclasses import replace

    from .. import store

    todo = [k for k, f in enumerate(features) if f.body is None or f.sketch is None]
    items = [(articles[k].title, articles[k].paragraphs) for k in todo]
    made = dict(zip(todo, engine.map(_item_marks, items, here_below)))
    if options.cache_dir and made:
        store.put_features(
            [
                (store.features_key(*item), replace(features[k], body=made[k][0], sketch=made[k][1]))
                for k, item in zip(todo, items)
            ],
            options,
        )
    out: list[Marks] = []
    for k, f in enumerate(features):
        if k in made:
            out.append(made[k])
        else:
            assert f.body is not None and f.sketch is not None  # every other was made above
            out.append((f.body, f.sketch))
    return out
