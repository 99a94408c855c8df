"""A cache of cleaned articles, so that re-checking an unchanged corpus skips the cleaning.

The key covers everything cleaning depends on: the decoded text, its format, the path (the article
id), the manifest hints, the user's outlets and furniture phrases, and a fingerprint of srccompare's
own code, so an upgrade or a local edit never serves stale results. A cache that cannot be read or
written is simply not used: it never makes a run fail.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from ..model import Article, Document
from ..options import Options

# Bump when the cached JSON's layout changes.
LAYOUT = 1


def default_cache_dir() -> str:
    """$SRCCOMPARE_CACHE_DIR, else $XDG_CACHE_HOME/srccompare, else ~/.cache/srccompare."""
    explicit = os.environ.get("SRCCOMPARE_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "srccompare")


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(str(LAYOUT).encode())
    # The data files (outlets, word lists) change what cleaning finds as much as the code does.
    for path in sorted([*root.rglob("*.py"), *root.glob("data/*.toml")]):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cache_key(doc: Document, options: Options) -> str:
    digest = hashlib.sha256()
    for part in (
        _code_fingerprint(),
        doc.format,
        doc.id,
        doc.path,
        json.dumps(sorted(doc.hints.items())),
        json.dumps(sorted(options.outlets.items())),
        json.dumps(list(options.furniture)),
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _path(directory: str, key: str) -> Path:
    return Path(directory) / key[:2] / f"{key}.json"


def get(doc: Document, options: Options) -> Article | None:
    if not options.cache_dir:
        return None
    try:
        data = json.loads(_path(options.cache_dir, cache_key(doc, options)).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("id") != doc.id or not data.get("paragraphs"):
            return None
        return Article.from_dict(data)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def put(doc: Document, options: Options, article: Article) -> None:
    if not options.cache_dir:
        return
    from ..output import write_atomic

    data = article.to_dict()
    data["paragraph_lines"] = [list(lines) for lines in article.paragraph_lines]
    path = _path(options.cache_dir, cache_key(doc, options))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), json.dumps(data, ensure_ascii=False))
    except OSError:
        return
