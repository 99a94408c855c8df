"""Rules across files: duplicates, and manifests that disagree with the files on disk."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePath

from ..config import Config
from ..ingest.manifest import Manifest
from ..model import Article, Finding
from .rules import finding

_WORD = re.compile(r"\w+")
# Bodies are compared in full only for pairs that share enough of a small sample of their word
# 4-grams (a bottom-k sketch), so a corpus of thousands of files needs no all-pairs comparison.
_SKETCH = 64
_SHINGLE = 4
_MIN_SHARED = 0.25
# A shingle in more files than this is boilerplate, not evidence of copying.
_COMMON = 50


def duplicate_findings(
    articles: Sequence[Article], config: Config, listed: set[Path] | None = None
) -> Iterator[Finding]:
    """Exact and near-duplicate bodies. The copy flagged is the one a manifest does not list, else
    the later path, so the original stays clean."""
    from rapidfuzz import fuzz

    keys = [" ".join(_WORD.findall(a.body.casefold())) for a in articles]
    order = sorted(range(len(articles)), key=lambda i: (_unlisted(articles[i], listed), articles[i].path))
    first_of: dict[str, int] = {}
    flagged: set[int] = set()
    for i in order:
        if keys[i] in first_of:
            flagged.add(i)
            yield finding("SC040", articles[i].path, f"same body as {articles[first_of[keys[i]]].path}")
        else:
            first_of[keys[i]] = i
    cutoff = config.near_duplicate * 100
    rank = {i: r for r, i in enumerate(order)}
    for a, b in _candidate_pairs([keys[i] for i in range(len(articles))]):
        if a in flagged or b in flagged or keys[a] == keys[b]:
            continue
        score = fuzz.ratio(keys[a], keys[b], score_cutoff=cutoff)
        if score:
            keep, copy = sorted((a, b), key=rank.__getitem__)
            flagged.add(copy)
            yield finding("SC041", articles[copy].path, f"body {score:.0f}% similar to {articles[keep].path}")


def _unlisted(article: Article, listed: set[Path] | None) -> bool:
    return listed is not None and bool(listed) and Path(article.path).resolve() not in listed


def _candidate_pairs(keys: Sequence[str]) -> Iterator[tuple[int, int]]:
    index: dict[int, list[int]] = defaultdict(list)
    sizes = []
    for i, key in enumerate(keys):
        words = key.split()
        shingles = {hash(" ".join(words[j : j + _SHINGLE])) for j in range(max(1, len(words) - _SHINGLE + 1))}
        sketch = sorted(shingles)[:_SKETCH]
        sizes.append(len(sketch))
        for h in sketch:
            index[h].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in index.values():
        if 1 < len(docs) <= _COMMON:
            for x in range(len(docs)):
                for y in range(x + 1, len(docs)):
                    shared[docs[x], docs[y]] += 1
    for (a, b), n in shared.items():
        if n >= _MIN_SHARED * min(sizes[a], sizes[b]):
            yield a, b


def manifest_findings(manifests: Sequence[Manifest], seen: dict[Path, str]) -> Iterator[Finding]:
    """Entries that name missing files, and files a listing manifest leaves out.

    ``seen`` maps each input file's resolved path to the path as the user gave it."""
    for manifest in manifests:
        where = shown_as(manifest.path or manifest.root / "manifest.toml", seen)
        listed = {p.resolve() for p in manifest.listed_paths()}
        for name, path in zip(manifest.files, manifest.listed_paths()):
            if not path.exists():
                yield finding("SC031", where, f"entry {name!r} names a file that does not exist")
        if not listed:
            continue
        for path, display in sorted(seen.items()):
            if manifest.root in path.parents and path not in listed:
                yield finding("SC032", display, f"not listed in {where}")


def shown_as(path: Path, seen: Mapping[Path, str]) -> str:
    """An absolute path (a manifest's) as the user would name it: through the same folder name they gave
    for an input file in that folder's tree, as every other finding is. A manifest reached only through
    a symlinked file's target keeps its absolute path."""
    for real, display in sorted(seen.items()):
        try:
            below = real.relative_to(path.parent).parts
        except ValueError:
            continue
        given = PurePath(display).parts
        if len(given) >= len(below) and given[len(given) - len(below) :] == below:
            return str(PurePath(*given[: len(given) - len(below)], path.name))
    return str(path)
