"""The embedded store: cleaned articles and each event's comparison, kept between runs in SQLite.

Everything is keyed by a hash of its inputs and of srccompare's own code (``code_version``), so a
re-run on a grown corpus cleans only the new files and compares only the events they touch, and an
upgrade or a local edit never serves a stale result. The store is a cache: one that cannot be opened,
read or written is simply not used, and never makes a run fail.

Concurrency: SQLite in WAL mode, one connection per process, a busy timeout, and each write one
transaction, so two runs at once both finish and a run killed half way leaves the last committed
state (SQLite rolls an unfinished transaction back when the file is next opened). Values are pickles
of the model's frozen dataclasses, written and read only by srccompare itself in the user's own
cache folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import sqlite3
import time
import weakref
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from .model import Article, Document
from .options import Options

# Bump when a table or a value's layout changes: an older store is emptied, never misread.
SCHEMA_VERSION = 1
FILE_NAME = "store.sqlite3"
# A run waits this long for another run's write before it gives the store up for that write.
BUSY_TIMEOUT_S = 30.0
_TABLES = ("articles", "events", "features", "findings", "scores", "groups", "background")


def default_cache_dir() -> str:
    """$SRCCOMPARE_CACHE_DIR, else $XDG_CACHE_HOME/srccompare, else ~/.cache/srccompare."""
    explicit = os.environ.get("SRCCOMPARE_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "srccompare")


def store_path(cache_dir: str) -> Path:
    return Path(cache_dir) / FILE_NAME


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of srccompare's code (every module's size and modification time), so that an
    upgrade or a local edit invalidates what the store holds."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".txt", ".json") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _hash(parts: Iterable[str], tail: bytes = b"") -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(tail)
    return digest.hexdigest()


def article_key(doc: Document, options: Options) -> str:
    """Everything cleaning depends on: the decoded text, its format, the path (the article id), the
    manifest hints, the options (the user's outlets and furniture phrases, the budgets), and the code."""
    return _hash(
        (
            code_version(),
            doc.format,
            doc.id,
            doc.path,
            json.dumps(sorted(doc.hints.items())),
            _cleaning_options(options),
        ),
        doc.text.encode("utf-8", "surrogatepass"),
    )


# Options that say where and how a run works, not what cleaning finds: changing them keeps the store.
_RUN_ONLY = frozenset({"cache_dir", "jobs", "engine", "scheduler", "config_files", "event_window", "one_event"})


def _cleaning_options(options: Options) -> str:
    """Every option cleaning may read (outlets, furniture, budgets...), whatever options are added."""
    from dataclasses import fields

    values = {f.name: getattr(options, f.name) for f in fields(options) if f.name not in _RUN_ONLY}
    return json.dumps(values, sort_keys=True, default=repr)


def article_digest(article: Article) -> str:
    """A hash of an article's whole content (equal content, equal digest: the pickler's memo is off).

    Remembered per article object (articles are frozen): one run keys its grouping, its events and
    `check`'s findings by the same articles' digests."""
    key = id(article)
    seen = _DIGESTS.get(key)
    if seen is not None and seen[0]() is article:
        return seen[1]
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(article)
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    # A weak reference: the entry goes when the article does, so no id is reused while remembered.
    _DIGESTS[key] = (weakref.ref(article, partial(_forget, key)), digest)
    return digest


def _forget(key: int, _ref: object) -> None:
    _DIGESTS.pop(key, None)


_DIGESTS: dict[int, tuple[weakref.ref, str]] = {}


def event_key(
    event_id: str,
    title: str,
    dates: Sequence[str | None],
    articles: Sequence[Article],
    exact_only: frozenset[str],
    digests: Mapping[str, str] | None = None,
) -> str:
    """Everything one event's comparison depends on: its id, title and dates, its articles (content
    and order), which of them are exact copies, and the code."""
    ids = [a.id for a in articles]
    return _hash(
        (
            code_version(),
            "event",
            event_id,
            title,
            json.dumps(list(dates)),
            json.dumps(sorted(exact_only & frozenset(ids))),
            *((digests or {}).get(a.id) or article_digest(a) for a in articles),
        )
    )


def features_key(title: str | None, paragraphs: Sequence[str]) -> str:
    """Everything an article's grouping features (compare/features.py) depend on: its title, its
    paragraphs and the code."""
    return _hash((code_version(), "features", json.dumps([title or "", list(paragraphs)], ensure_ascii=False)))


def findings_key(article: Article, rules: str) -> str:
    """Everything `check`'s rules on one article depend on: the whole article, the settings the rules
    read (``rules``: their fingerprint) and the code."""
    return _hash((code_version(), "findings", rules, article_digest(article)))


def encode(value: Any) -> bytes:
    """``value`` as the store keeps it: a worker that has just made a value encodes it, so that the
    process that writes the store does not pickle it a second time."""
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def decode(blob: bytes) -> Any:
    return pickle.loads(zlib.decompress(blob))


@dataclass(frozen=True)
class StoreInfo:
    path: str
    exists: bool
    bytes: int
    schema_version: int | None
    code_version: str
    counts: dict[str, int]  # table -> rows
    current: dict[str, int]  # table -> rows made by this code version

    def lines(self) -> list[str]:
        if not self.exists:
            return [f"store: {self.path} (none yet)"]
        out = [
            f"store: {self.path}",
            f"size: {self.bytes / 1e6:.1f} MB",
            f"schema: {self.schema_version} (this srccompare: {SCHEMA_VERSION}); code version {self.code_version}",
        ]
        for table in _TABLES:
            out.append(f"{table}: {self.counts.get(table, 0)} ({self.current.get(table, 0)} from this code version)")
        return out


class Store:
    """One process's connection to the store in ``cache_dir``."""

    def __init__(self, cache_dir: str) -> None:
        self.path = store_path(cache_dir)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self.db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL stays consistent after a crash; only the last commits can be lost.
        self.db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        with self._write():
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is not None and row[0] != str(SCHEMA_VERSION):
                for table in _TABLES:
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
            for table in _TABLES:
                self.db.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} "
                    "(key TEXT PRIMARY KEY, code TEXT NOT NULL, data BLOB NOT NULL, used REAL NOT NULL)"
                )
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def _write(self) -> _Transaction:
        return _Transaction(self.db)

    def get_raw(self, table: str, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT key, data FROM {table} WHERE key IN ({marks})", chunk))
        return found

    def put_raw(self, table: str, items: Iterable[tuple[str, bytes]]) -> None:
        now = time.time()
        rows = [(key, code_version(), blob, now) for key, blob in items]
        if rows:
            with self._write():
                self.db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?)", rows)

    def get_many(self, table: str, keys: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, blob in self.get_raw(table, keys).items():
            try:
                found[key] = decode(blob)
            except Exception:  # noqa: BLE001  (a damaged value is a miss, never a failure)
                continue
        return found

    def put_many(self, table: str, items: Iterable[tuple[str, Any]]) -> None:
        self.put_raw(table, [(key, encode(value)) for key, value in items])

    def close(self) -> None:
        self.db.close()


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        # IMMEDIATE takes the write lock at once, so two writers queue on the busy timeout instead of
        # one failing when it upgrades a read lock.
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


_OPEN: dict[str, Store | None] = {}


def open_store(options: Options) -> Store | None:
    """This process's store for ``options.cache_dir``, or None (no cache dir, or unusable)."""
    if not options.cache_dir:
        return None
    key = f"{os.getpid()}:{options.cache_dir}"
    if key not in _OPEN:
        try:
            _OPEN[key] = Store(options.cache_dir)
        except (OSError, sqlite3.Error):
            _OPEN[key] = None
    return _OPEN[key]


def _get_many(table: str, keys: Sequence[str], options: Options, kind: type) -> dict[str, Any]:
    """The values of ``keys`` in ``table`` that are a ``kind`` (anything else is a damaged value: a
    miss); {} without a usable store."""
    store = open_store(options)
    if store is None or not keys:
        return {}
    try:
        found = store.get_many(table, keys)
    except sqlite3.Error:
        return {}
    return {k: v for k, v in found.items() if isinstance(v, kind)}


def _put_many(table: str, items: Iterable[tuple[str, Any]], options: Options) -> None:
    """Store ``items`` in ``table``; a store that cannot be written is left as it is (a later miss)."""
    store = open_store(options)
    if store is not None:
        try:
            store.put_many(table, items)
        except sqlite3.Error:
            return


def holds_articles(options: Options) -> bool:
    """Whether the store holds any article cleaned by this code (a run that finds none will clean
    every input: its workers are worth starting early)."""
    store = open_store(options)
    if store is None:
        return False
    try:
        return (
            store.db.execute("SELECT 1 FROM articles WHERE code = ? LIMIT 1", (code_version(),)).fetchone() is not None
        )
    except sqlite3.Error:
        return False


def get_articles(keys: Sequence[str], options: Options) -> dict[str, Article]:
    """Cleaned articles already in the store, by article key (``article_key``)."""
    return _get_many("articles", keys, options, Article)


def put_articles(items: Iterable[tuple[str, Article]], options: Options) -> None:
    _put_many("articles", items, options)


def get_features(keys: Sequence[str], options: Options) -> dict[str, Any]:
    """Grouping features (compare/features.py's Features) already in the store, by ``features_key``."""
    from .compare.features import Features

    return _get_many("features", keys, options, Features)


def put_features(items: Iterable[tuple[str, Any]], options: Options) -> None:
    _put_many("features", items, options)


def get_findings(keys: Sequence[str], options: Options) -> dict[str, tuple]:
    """`check`'s findings on single articles (check/files.py) already in the store, by ``findings_key``."""
    return _get_many("findings", keys, options, tuple)


def put_findings(items: Iterable[tuple[str, tuple]], options: Options) -> None:
    _put_many("findings", items, options)


def get_scores(keys: Sequence[str], options: Options) -> dict[str, float]:
    """Scores of pairs of texts (check/corpus.py's near-duplicate ratios) already in the store, by key."""
    return _get_many("scores", keys, options, float)


def put_scores(items: Iterable[tuple[str, float]], options: Options) -> None:
    _put_many("scores", items, options)


def derived_key(kind: str, *parts: str) -> str:
    """The key of a value derived from ``parts`` (digests of its inputs, settings) by this code."""
    return _hash((code_version(), kind, *parts))


def get_value(table: str, key: str, options: Options) -> Any:
    """One stored value, or None."""
    return _get_many(table, [key], options, object).get(key)


def put_value(table: str, key: str, value: Any, options: Options) -> None:
    _put_many(table, [(key, value)], options)


def get_values(table: str, keys: Sequence[str], options: Options) -> dict[str, Any]:
    """The stored values of ``keys`` found in ``table``."""
    return _get_many(table, keys, options, object)


def put_values(table: str, items: Iterable[tuple[str, Any]], options: Options) -> None:
    _put_many(table, items, options)


def get_event_blobs(keys: Sequence[str], options: Options) -> dict[str, bytes]:
    """Encoded events (compare/execute.py's ``encode``) already in the store, by event key."""
    store = open_store(options)
    if store is None or not keys:
        return {}
    try:
        return store.get_raw("events", keys)
    except sqlite3.Error:
        return {}


def put_event_blobs(items: Sequence[tuple[str, bytes]], options: Options) -> None:
    put_encoded("events", items, options)


def put_encoded(table: str, items: Sequence[tuple[str, bytes]], options: Options) -> None:
    """Store values already encoded (``encode``, or compare/execute.py's for events) in ``table``; a
    store that cannot be written is left as it is (a later miss)."""
    store = open_store(options)
    if store is not None and items:
        try:
            store.put_raw(table, items)
        except sqlite3.Error:
            return


def info(cache_dir: str) -> StoreInfo:
    path = store_path(cache_dir)
    if not path.exists():
        return StoreInfo(str(path), False, 0, None, code_version(), {}, {})
    size = sum(p.stat().st_size for p in path.parent.glob(FILE_NAME + "*") if p.is_file())
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        counts, current = {}, {}
        for table in _TABLES:
            counts[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            current[table] = db.execute(f"SELECT count(*) FROM {table} WHERE code = ?", (code_version(),)).fetchone()[0]
    finally:
        db.close()
    return StoreInfo(str(path), True, size, int(row[0]) if row else None, code_version(), counts, current)


def clear_stale(cache_dir: str) -> int:
    """Delete what other code versions stored; the number of entries deleted."""
    if not store_path(cache_dir).exists():
        return 0
    try:
        store = Store(cache_dir)
    except sqlite3.DatabaseError as exc:
        raise OSError(str(exc)) from None
    try:
        with store._write():
            gone = sum(
                store.db.execute(f"DELETE FROM {table} WHERE code != ?", (code_version(),)).rowcount
                for table in _TABLES
            )
        store.db.execute("VACUUM")
        return gone
    finally:
        store.close()


def clear(cache_dir: str) -> int:
    """Delete the store (and the JSON files of the cache it replaced); the bytes freed."""
    freed = 0
    base = Path(cache_dir)
    for p in base.glob(FILE_NAME + "*"):
        freed += p.stat().st_size
        p.unlink()
    for _key, store in list(_OPEN.items()):
        if store is not None and Path(store.path).parent == base:
            store.close()
    for key in [k for k in _OPEN if k.endswith(f":{cache_dir}")]:
        del _OPEN[key]
    # The JSON-file cache of earlier versions: two-hex-digit folders of <sha256>.json files.
    if base.is_dir():
        for folder in base.iterdir():
            if folder.is_dir() and len(folder.name) == 2:
                for f in folder.glob("*.json"):
                    freed += f.stat().st_size
                    f.unlink()
                try:
                    folder.rmdir()
                except OSError:
                    pass
    return freed
