"""How rapidfuzz's ``process.cdist`` is run here.

``workers=-1`` starts a thread per core on every call. An event's blocks are mostly a few hundred
pairs, called thousands of times per corpus, on worker processes that already fill the cores: there
the threads cost more than they save (1,000 synthetic articles, 2 workers: see docs/scale.md).
"""

from __future__ import annotations

# Pairs from which a cdist call is worth its threads (measured: below this, one thread is faster).
THREADED_FROM = 20_000


def cdist_workers(rows: int, cols: int) -> int:
    """The ``workers`` argument for a ``rows`` x ``cols`` cdist call."""
    return -1 if rows * cols >= THREADED_FROM else 1
