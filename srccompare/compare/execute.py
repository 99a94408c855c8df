"""Compare every event on its own: from the store when it was compared before, else on the engine's
workers (srccompare/engine.py), in story order.

An event's comparison depends only on its own articles, so each is a task of its own, and the store
keeps it under a hash of those articles (``store.event_key``). The event's id (E1, E2...) numbers it
in story order, and a new event early in the story renumbers every later one; so an event is
compared under a neutral id and given its number afterwards, and a renumbered event is still found
in the store. The ids made from the neutral one are pickled as references (``persistent_id``) and
filled in when the event is unpickled; whether an event was computed here, on a worker or read back
from the store, it goes through the same pickle, so the report is the same byte for byte.
"""

from __future__ import annotations

import io
import pickle
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..model import Article, CopyLink, Event
from ..options import Options
from .background import EventWords

# The id an event is compared under. No article path or id contains a NUL, so renaming the strings
# that start with it can touch nothing but the event's own ids.
NEUTRAL_ID = "\0event\0"
_MARK = NEUTRAL_ID.encode()

Task = tuple[str, tuple[str | None, str | None], tuple[Article, ...], frozenset[str]]


Links = Mapping[str, tuple[CopyLink, ...]]
Compared = tuple[Event, Links, EventWords]


def _tasks(groups: Sequence[Any], exact_only: frozenset[str]) -> list[Task]:
    return [
        (g.title, tuple(g.dates), tuple(g.articles), exact_only & frozenset(a.id for a in g.articles)) for g in groups
    ]


def event_keys(groups: Sequence[Any], exact_only: frozenset[str], options: Options) -> list[str]:
    """Each group's key in the store (everything its comparison depends on), or [] with no store."""
    from .. import store

    if not options.cache_dir:
        return []
    return [store.event_key(NEUTRAL_ID, t[0], t[1], t[2], t[3]) for t in _tasks(groups, exact_only)]


def compare_events(
    groups: Sequence[Any], exact_only: frozenset[str], options: Options, keys: Sequence[str] | None = None
) -> Iterator[Compared]:
    """The Event of each group (an EventGroup: id, title, dates, articles), in the groups' order, with
    the copy links found among its articles (compare/copies.py) and the words background linking
    reads of it (compare/background.py). ``keys``: ``event_keys``, when the caller has them."""
    from .. import store
    from ..engine import engine_of

    tasks = _tasks(groups, exact_only)
    keys = list(keys) if keys is not None else event_keys(groups, exact_only, options)
    found = store.get_event_blobs(keys, options)
    todo = [t for n, t in enumerate(tasks) if not keys or keys[n] not in found]
    engine = engine_of(options)
    computed = _compared(engine, todo)
    new: list[tuple[str, bytes]] = []
    try:
        yield from _events(groups, tasks, keys, found, computed, new, options)
    finally:
        # Also when the caller stops early: what was computed is kept.
        store.put_event_blobs(new, options)
        engine.rest()


def _compared(engine: Any, todo: list[Task]) -> Iterator[bytes]:
    """``_compare_one`` of each task on the engine's workers, in order, EVENTS_PER_WORKERS at a time
    with fresh workers for each run of them: a worker's memory grows with the events it has compared,
    and the last ones are compared while this process holds every event before them."""
    from ..engine import COMPARE_BATCH, COMPARE_HERE_BELOW, EVENTS_PER_WORKERS

    for start in range(0, len(todo), EVENTS_PER_WORKERS):
        if start:
            engine.rest()
        yield from engine.map(_compare_one, todo[start : start + EVENTS_PER_WORKERS], COMPARE_HERE_BELOW, COMPARE_BATCH)


def _events(groups, tasks, keys, found, computed, new, options) -> Iterator[Compared]:
    from .. import store

    for n, group in enumerate(groups):
        key = keys[n] if keys else ""
        blob = found.pop(key, None) if key else None
        if blob is None:
            blob = next(computed)
            if key:
                new.append((key, blob))
                if len(new) >= 64:
                    store.put_event_blobs(new, options)
                    new.clear()
        try:
            event = decode(blob, group.id)
        except Exception:  # noqa: BLE001  (a damaged stored value is a miss, never a failure)
            blob = _compare_one(tasks[n])
            if key:
                new.append((key, blob))
            event = decode(blob, group.id)
        yield event


def _compare_one(task: Task) -> bytes:
    """One event compared under the neutral id, with its copy links and its words for background
    linking, already encoded (on the worker, not in the caller)."""
    from ..nlp import memo
    from .background import event_words
    from .copies import copy_links
    from .report import build_event

    title, dates, articles, exact_only = task
    by_id: Mapping[str, Article] = {a.id: a for a in articles}
    try:
        links = copy_links(articles)
        event = build_event(NEUTRAL_ID, title, dates, list(articles), exact_only, by_id, links)
        return encode((event, links, event_words(event, by_id)))
    finally:
        # The next events' sentences are mostly others: what the caches hold would only fill the worker.
        memo.relieve()


class _Encoder(pickle.Pickler):
    """Pickles an event with every id made from the neutral one as a reference to be filled in."""

    def persistent_id(self, obj: Any) -> str | None:
        if type(obj) is str and obj.startswith(NEUTRAL_ID):
            return obj[len(NEUTRAL_ID) :]
        return None


class _Decoder(pickle.Unpickler):
    def __init__(self, data: bytes, event_id: str) -> None:
        super().__init__(io.BytesIO(data))
        self.event_id = event_id

    def persistent_load(self, pid: Any) -> str:
        return self.event_id + str(pid)


def encode(result: Compared) -> bytes:
    buffer = io.BytesIO()
    _Encoder(buffer, pickle.HIGHEST_PROTOCOL).dump(result)
    return zlib.compress(buffer.getvalue(), 1)


def decode(blob: bytes, event_id: str) -> Compared:
    """The event in ``blob``, its copy links and its words, with its ids made from ``event_id`` (E1, E2...)."""
    result = _Decoder(zlib.decompress(blob), event_id).load()
    if not (isinstance(result, tuple) and len(result) == 3 and isinstance(result[0], Event)):
        raise TypeError("not an event")
    return result
