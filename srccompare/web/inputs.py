"""URLs given to `clean`, `compare` or `check`: fetched into the store first, then read like files.

The store is DIR/web under the cache folder ($SRCCOMPARE_CACHE_DIR or ~/.cache/srccompare), a corpus
folder like the one `fetch -o` writes, so that a second run asks each page again only conditionally.
Without a cache (--no-cache, or the library's default Options) the pages go to a temporary folder that
is removed once they are read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import InputError, UsageError
from ..model import Document, Problem
from ..options import Options


def fetch_inputs(urls: list[str], options: Options) -> dict[str, list[Document | Problem]]:
    """Each URL -> its Document (id and path: the URL as given), or the Problem that stopped it."""
    if options.cache_dir:
        return _fetch_into(urls, Path(options.cache_dir) / "web", options)
    with tempfile.TemporaryDirectory(prefix="srccompare-web-") as tmp:
        return _fetch_into(urls, Path(tmp), options)


def _fetch_into(urls: list[str], folder: Path, options: Options) -> dict[str, list[Document | Problem]]:
    from ..ingest.manifest import MANIFEST_NAME, load_manifest
    from ..ingest.read import read_document
    from . import fetch

    out: dict[str, list[Document | Problem]] = {}
    try:
        result = fetch(urls, folder)
        files = load_manifest(folder / MANIFEST_NAME).files if (folder / MANIFEST_NAME).is_file() else {}
    except (InputError, UsageError) as exc:
        # The store itself is unusable (a broken manifest, a file where its folder should be).
        reason = exc.reason if isinstance(exc, InputError) else str(exc)
        return {url: [Problem(url, f"cannot use the web store: {reason}", "SC001")] for url in urls}
    for problem in result.problems:
        out.setdefault(problem.path, [problem])
    for page in result.pages:
        try:
            out[page.url] = [read_document(page.url, folder / page.file, options, hints=files.get(page.file, {}))]
        except InputError as exc:
            out[page.url] = [Problem(page.url, exc.reason, exc.code)]
    return out
