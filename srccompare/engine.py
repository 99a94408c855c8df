"""Where the per-file and per-event work runs: here, on worker processes, or on a Dask cluster.

Cleaning is per file and comparing is per event, and neither looks at any other file or event, so
both are a plain ordered map over independent items. Every engine returns results in input order,
which is what makes the report the same, byte for byte, whichever engine and however many workers
made it. The local pool's fork server is started once per process and kept; its workers rest
(exit) once a stage is done (``load``, then ``compare``) and are forked afresh, in milliseconds, for
the next, so that what runs in between here does not carry their memory. Dask is imported only
when asked for.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from .errors import UsageError

T = TypeVar("T")
R = TypeVar("R")

# Items per task: enough that shipping a task costs little beside its work, few enough that the
# workers stay evenly busy to the end.
TASKS_PER_WORKER = 6
MAX_BATCH = 64
# An event takes about a tenth of a second to compare, a hundred times a file's cleaning: a task of
# ten events left one worker idle for a second at the end of a 1,000-article run while the other
# finished its last task. Two events a task keep that tail short and the shipping still small.
COMPARE_BATCH = 2
# Events compared by one set of workers before fresh ones take over: a worker grows with the events it
# has compared (10,000 articles: from about 100 to 180 MB over 540 events each), and the last events are
# compared beside the caller holding all the others. Each change leaves a worker idle for part of an
# event at most.
EVENTS_PER_WORKERS = 400
# While no worker is up yet, fewer items than this run in this process: starting the workers
# (about a second of CPU, the semantic model included) costs more than a few files (a few
# milliseconds each to clean) or a few events (about a tenth of a second each to compare). A warm
# re-run that meets 10 new articles cleans them and compares their one event here.
CLEAN_HERE_BELOW = 64
COMPARE_HERE_BELOW = 8
# What the local workers' parent (the fork server) imports and loads once, so that no worker does
# it again (srccompare/preload.py).
PRELOAD = ["srccompare.preload"]
# What this process imports while the fork server loads (``warm``): the stages that run here once
# the workers have cleaned the inputs (grouping, the report, its JSON). The fork server takes about
# half a second, in which this process reads the first inputs and would then only wait; imported
# afterwards, these took 0.15 s of the 1,000-article run's one-process part.
MEANWHILE = ["srccompare.compare.report", "srccompare.render.json", "orjson"]
# The collector's thresholds for the CLI and the workers. A run holds millions of small acyclic
# objects (articles, sentences, fact groups, tokens), which the default thresholds (700, 10, 10)
# re-scan every few hundred allocations: turning a 1,000-article report into dicts took 0.8 s, of
# which 0.65 s was the collector. Cycles are still collected, less often.
GC_THRESHOLDS = (50_000, 20, 100)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


class Engine(Protocol):
    workers: int
    # Whether work sent now starts without first loading the workers (the fork server, the model):
    # worth it for a small job only then.
    ready: bool

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], here_below: int = 2, batch: int = MAX_BATCH
    ) -> Iterator[R]: ...

    def rest(self) -> None: ...

    def warm(self) -> None: ...


def in_shares(engine: Engine | None, fn: Callable[[tuple[Any, int, int]], R], data: Any) -> list[R]:
    """``fn((data, k, n))`` for k = 0..n-1: one job cut in n shares, one per worker of ``engine``,
    which rest afterwards (None, or one worker: the whole job in one share, here)."""
    n = engine.workers if engine is not None else 1
    if engine is None or n < 2:
        return [fn((data, 0, 1))]
    try:
        return list(engine.map(fn, [(data, k, n) for k in range(n)], 0, 1))
    finally:
        # What follows runs here: the idle workers' memory would only add to its peak.
        engine.rest()


def _batches(items: Sequence[T], workers: int, batch: int = MAX_BATCH) -> list[Sequence[T]]:
    size = max(1, min(batch, -(-len(items) // (workers * TASKS_PER_WORKER))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _run_batch(fn: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    return [fn(item) for item in batch]


def _in_order(futures: list[Any]) -> Iterator[Any]:
    """The results of submitted batches, in order; what is left is cancelled when the caller stops."""
    try:
        for future in futures:
            yield from future.result()
            if hasattr(future, "release"):
                future.release()  # Dask: the cluster may forget the result
    finally:
        for future in futures:
            future.cancel()


class Serial:
    workers = 1
    ready = True

    def map(self, fn: Callable[[T], R], items: Sequence[T], here_below: int = 2, batch: int = MAX_BATCH) -> Iterator[R]:
        return map(fn, items)

    def rest(self) -> None:
        pass

    def warm(self) -> None:
        pass


class LocalPool:
    """Worker processes on this machine, started on first use, resting between stages (``rest``)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Any = None
        self.ready = False  # until a first pool has started the fork server

    def map(self, fn: Callable[[T], R], items: Sequence[T], here_below: int = 2, batch: int = MAX_BATCH) -> Iterator[R]:
        """The results in input order (``batch``: at most this many items a task). The tasks are handed to the workers at once, before the
        first result is asked for, so that the caller can prepare the next batch meanwhile. Fewer
        than ``here_below`` items run in this process while no worker is up yet."""
        if len(items) < 2 or (self._pool is None and len(items) < here_below):
            return map(fn, items)
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context())
            self.ready = True
        batches = _batches(items, self.workers, batch)
        return _in_order([self._pool.submit(_run_batch, fn, b) for b in batches])

    def warm(self) -> None:
        """Start the fork server now, for work about to come: it imports the stages and loads the
        model (0.7 s of CPU) while the caller goes on reading its inputs, instead of the first map
        waiting for it."""
        if _context().get_start_method() == "forkserver":
            import importlib
            from multiprocessing import forkserver

            forkserver.ensure_running()
            for name in MEANWHILE:
                try:
                    importlib.import_module(name)
                except ImportError:  # orjson is optional: render/json.py does without it
                    pass

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def rest(self) -> None:
        """Let the workers go, and their caches with them: what follows the cleaning (grouping) and
        the comparison (the links across events, the output) runs here, and the idle workers'
        memory would only add to its peak (10,000 articles: 240 MB while grouping, about 400 MB
        after comparing). The next map forks new ones from the fork server, which has everything
        loaded, in milliseconds."""
        self.close()


def _context() -> Any:
    """The local workers' start method: a fork of a process with threads (a progress bar, a browser
    driver, Dask's client) can deadlock; a fork server is a clean single-threaded parent that has
    already imported the stages, so each worker starts in milliseconds all the same."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


class DaskEngine:
    """Tasks on a dask.distributed cluster; the inputs travel with the tasks (see docs/scale.md)."""

    def __init__(self, scheduler: str) -> None:
        try:
            from dask.distributed import Client
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'srccompare[dask]'") from None
        try:
            self.client = Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.ready = True

    def map(self, fn: Callable[[T], R], items: Sequence[T], here_below: int = 2, batch: int = MAX_BATCH) -> Iterator[R]:
        if not items:
            return iter(())
        batches = _batches(items, self.workers, batch)
        return _in_order(self.client.map(_run_batch, [fn] * len(batches), batches, pure=False))

    def rest(self) -> None:
        pass  # the cluster's workers are not this process's to stop

    def warm(self) -> None:
        pass

    def close(self) -> None:
        self.client.close()


_ENGINES: dict[tuple[str, int, str | None], Any] = {}


def get_engine(name: str = "local", jobs: int | None = 1, scheduler: str | None = None) -> Engine:
    """The engine for these options, made once per process and reused."""
    if name == "dask":
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        key: tuple[str, int, str | None] = ("dask", 0, scheduler)
        if key not in _ENGINES:
            _ENGINES[key] = DaskEngine(scheduler)
        return _ENGINES[key]
    if name != "local":
        raise UsageError(f"unknown engine {name!r} (local or dask)")
    workers = default_jobs() if jobs is None or jobs <= 0 else jobs
    if workers == 1:
        return Serial()
    key = ("local", workers, None)
    if key not in _ENGINES:
        _ENGINES[key] = LocalPool(workers)
    return _ENGINES[key]


def engine_of(options: Any) -> Engine:
    return get_engine(options.engine, options.jobs, options.scheduler)


@atexit.register
def close_all() -> None:
    for engine in _ENGINES.values():
        try:
            engine.close()
        except Exception:  # noqa: BLE001,S110  (shutting down: nothing left to report to)
            pass
    _ENGINES.clear()
