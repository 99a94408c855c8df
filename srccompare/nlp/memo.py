"""Caches of the work done on one sentence (its content words, figures, sources...), emptied between events.

The aligner and the classifier read each sentence of an event many times, so every function that
reads one sentence keeps its answers (``per_sentence``: ``functools.lru_cache`` plus a registry).
Across events the same sentence rarely comes back, so a worker that compares thousands of events
would otherwise hold every sentence it ever saw, up to each cache's size: about 300 MB per worker
at 10,000 articles (bench.scale). ``clear()`` empties every registered cache; a worker calls
``relieve()`` after each event (compare/execute.py), which clears once the caches have grown. The
answers are pure functions of the text, so a cleared cache changes nothing but the time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

T = TypeVar("T")

# Entries per cache: more sentences than one event of hundreds of articles holds.
SIZE = 1 << 16

# Entries per word cache (a word's stem, spelling, Token...): the words of the events compared lately.
# Lower than SIZE: five such caches would otherwise come to hold the vocabulary of every event a worker
# has compared (tens of MB at 65,536 words each); one event uses a few thousand distinct words.
WORDS = 1 << 14

# A worker empties the caches after an event only when they hold more than this many answers in
# all. After every event: 2,000 synthetic articles (whose events share sentences) took 29.0 s against
# 26.7 s never emptied; past 16k answers: 27.1 s, and 1,000 articles peak at about 455 MB (340 MB
# emptied after every event, 491 MB past 32k), with workers that stay bounded at 10,000.
RELIEVE_ABOVE = 1 << 14

_CLEARS: list[Callable[[], None]] = []
_SIZES: list[Callable[[], int]] = []


def per_sentence(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
    """``fn`` cached (``SIZE`` entries, least recently used first out) and emptied by ``clear()``."""
    cached = lru_cache(maxsize=SIZE)(fn)
    _CLEARS.append(cached.cache_clear)
    _SIZES.append(lambda: cached.cache_info().currsize)
    return cached


def on_clear(clear_fn: Callable[[], None]) -> None:
    """Have ``clear()`` also call ``clear_fn`` (a cache that is not an lru_cache)."""
    _CLEARS.append(clear_fn)


def relieve() -> None:
    """``clear()`` when the per-sentence caches hold more than RELIEVE_ABOVE answers in all."""
    if sum(size() for size in _SIZES) > RELIEVE_ABOVE:
        clear()


def clear() -> None:
    """Empty every per-sentence cache, and hand the memory freed back to the system."""
    for clear_fn in _CLEARS:
        clear_fn()
    trim()


@lru_cache(maxsize=1)
def _libc() -> Any:
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def trim() -> None:
    """Hand the memory freed in this process back to the system (glibc; elsewhere nothing to do)."""
    # glibc keeps freed memory in its arenas (one per thread that allocated: rapidfuzz's cdist runs
    # threads), so a worker's resident size only grows from event to event; malloc_trim returns the
    # free pages. 200 events in one process: +71 MB without, +38 MB with (/proc/self/statm). Other C
    # libraries have no such call and need none.
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
