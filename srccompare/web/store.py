"""The corpus folder that `fetch` fills: one gzipped page per URL and DIR/manifest.toml.

Nothing is written outside the folder: file names are made from the URL with letters, digits and
dashes only, and a link already in the folder (a file or the manifest) is replaced, never followed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError, UsageError
from ..ingest.manifest import MANIFEST_NAME, load_manifest, updated_manifest
from ..output import replace_atomic

PAGE_SUFFIX = ".html.gz"
# Long enough to recognise the page in a listing, short enough for any file system.
_SLUG_CHARS = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def safe_name(url: str) -> str:
    """'example.com-news-2024-storm-3f2a1b9c.html.gz': readable, unique per URL, safe on any system."""
    parts = urlsplit(url)
    readable = f"{parts.hostname or ''} {parts.path} {parts.query}".lower()
    slug = _NOT_SLUG.sub("-", readable).strip("-")[:_SLUG_CHARS].strip("-") or "page"
    return f"{slug}-{hashlib.sha256(url.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}{PAGE_SUFFIX}"


class Store:
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(f"-o {root} is a file; fetch writes into a folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {root}: {exc.strerror or exc}") from None
        self.manifest_path = self.root / MANIFEST_NAME
        self.entries: dict[str, dict[str, str]] = {}
        if self.manifest_path.is_file():
            # A broken manifest stops the run (InputError): it is the user's, and is never overwritten.
            self.entries = load_manifest(self.manifest_path).files
        # Only pages fetch wrote: a text dump the user listed with the same url is never overwritten.
        self._by_url = {
            entry["url"]: name
            for name, entry in self.entries.items()
            if entry.get("url") and name.endswith(PAGE_SUFFIX) and "/" not in name
        }
        self.pending: dict[str, dict[str, object]] = {}

    def name_for(self, url: str) -> str:
        return self._by_url.get(url) or safe_name(url)

    def path_of(self, name: str) -> Path:
        path = self.root / name
        if path.parent != self.root or name.startswith("."):
            raise InputError(name, "manifest entry outside the folder", "SC030")
        return path

    def known(self, url: str) -> dict[str, str] | None:
        """The manifest entry of a URL whose page is in the folder, or None."""
        name = self._by_url.get(url)
        if name is None or not (self.root / name).is_file():
            return None
        return self.entries.get(name)

    def conditional(self, url: str) -> dict[str, str]:
        entry = self.known(url) or {}
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def read(self, url: str) -> bytes | None:
        name = self._by_url.get(url)
        if name is None:
            return None
        try:
            with gzip.open(self.path_of(name), "rb") as fh:
                return fh.read()
        except (OSError, EOFError, InputError):
            return None

    def save(self, url: str, body: bytes, fields: dict[str, object]) -> str:
        """Write a page (gzipped) and queue its manifest entry; returns its file name."""
        name = self.name_for(url)
        _replace(self.path_of(name), gzip.compress(body, mtime=0))
        self.record(name, url, fields)
        return name

    def record(self, name: str, url: str, fields: dict[str, object]) -> None:
        self._by_url[url] = name
        self.pending[name] = {"url": url, **fields}

    def commit(self) -> None:
        """Write the queued entries into DIR/manifest.toml (atomically)."""
        if not self.pending:
            return
        try:
            text = self.manifest_path.read_text(encoding="utf-8-sig") if self.manifest_path.is_file() else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(self.manifest_path), f"cannot read manifest ({exc})", "SC030") from None
        _replace(self.manifest_path, updated_manifest(text, self.pending, str(self.manifest_path)).encode("utf-8"))
        self.pending = {}


def _replace(target: Path, data: bytes) -> None:
    replace_atomic(target, lambda fh: fh.write(data))
