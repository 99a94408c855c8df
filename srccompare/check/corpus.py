"""Rules across files: duplicates, and manifests that disagree with the files on disk."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePath

from .. import store
from ..config import Config
from ..ingest.manifest import Manifest
from ..model import Article, Finding
from ..options import Options
from .rules import finding

_WORD = re.compile(r"\w+")
# Bodies are compared in full only for pairs that share enough of a small sample of their word
# 4-grams (a bottom-k sketch), so a corpus of thousands of files needs no all-pairs comparison.
_SKETCH = 64
_SHINGLE = 4
_MIN_SHARED = 0.25
# A shingle in more files than this is boilerplate, not evidence of copying.
_COMMON = 50


def body_words(body: str) -> str:
    """A body as the duplicate rules compare it: its words, casefolded, one space apart."""
    return " ".join(_WORD.findall(body.casefold()))


def sketch(words: str) -> tuple[int, ...]:
    """The _SKETCH smallest hashes of the word 4-grams of ``words`` (``body_words``): a sample that
    two bodies sharing much of their text share much of. The hash is a stable one (each word's CRC-32,
    four neighbours mixed into 64 bits with numpy), so the sample is the same on every run and can
    be kept in the store (compare/features.py); a body of fewer than four words is one 4-gram."""
    import numpy as np

    split = words.split()
    crc = np.fromiter(map(zlib.crc32, (w.encode("utf-8", "surrogatepass") for w in split)), dtype=np.uint64)
    grams = max(1, len(crc) - _SHINGLE + 1)
    crc = np.concatenate([crc, np.zeros(max(0, _SHINGLE - len(crc)), dtype=np.uint64)])
    mixed = np.zeros(grams, dtype=np.uint64)
    for k, factor in enumerate(_MIX):
        mixed = mixed * np.uint64(factor) + crc[k : k + grams]
    # splitmix64's finaliser: every bit of the four words reaches every bit of the hash.
    mixed ^= mixed >> np.uint64(30)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(27)
    mixed *= np.uint64(0x94D049BB133111EB)
    mixed ^= mixed >> np.uint64(31)
    return tuple(np.unique(mixed)[:_SKETCH].tolist())


_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)


def duplicate_findings(
    articles: Sequence[Article],
    config: Config,
    listed: set[Path] | None = None,
    marks: Sequence[tuple[bytes, Sequence[int]]] | None = None,
    options: Options | None = None,
) -> Iterator[Finding]:
    """Exact and near-duplicate bodies. The copy flagged is the one a manifest does not list, else
    the later path, so the original stays clean. ``marks``: each body's digest and sketch
    (compare/features.py's duplicate_marks) when the caller has them (from the store)."""
    from rapidfuzz import fuzz

    from ..compare.features import marks_of

    if marks is None:
        marks = [marks_of(a.paragraphs) for a in articles]
    digests = [m[0] for m in marks]
    order = sorted(range(len(articles)), key=lambda i: (_unlisted(articles[i], listed), articles[i].path))
    first_of: dict[bytes, int] = {}
    flagged: set[int] = set()
    for i in order:
        if digests[i] in first_of:
            flagged.add(i)
            yield finding("SC040", articles[i].path, f"same body as {articles[first_of[digests[i]]].path}")
        else:
            first_of[digests[i]] = i
    cutoff = config.near_duplicate * 100
    rank = {i: r for r, i in enumerate(order)}
    words: dict[int, str] = {}
    pairs = [(a, b) for a, b in _candidate_pairs([m[1] for m in marks]) if digests[a] != digests[b]]
    # A pair's ratio depends on the two bodies alone: kept in the store (when there is one), so a
    # re-run on a grown corpus compares only the pairs its new articles make.
    keys = (
        {p: _derived_key(digests[p[0]], digests[p[1]], cutoff) for p in pairs} if options and options.cache_dir else {}
    )
    known = store.get_scores(list(keys.values()), options) if keys and options else {}
    new: list[tuple[str, float]] = []
    for a, b in pairs:
        if a in flagged or b in flagged:
            continue
        key = keys.get((a, b))
        score = known.get(key) if key else None
        if score is None:
            for k in (a, b):
                if k not in words:
                    words[k] = body_words(articles[k].body)
            score = float(fuzz.ratio(words[a], words[b], score_cutoff=cutoff))
            if key:
                new.append((key, score))
        if score:
            keep, copy = sorted((a, b), key=rank.__getitem__)
            flagged.add(copy)
            yield finding("SC041", articles[copy].path, f"body {score:.0f}% similar to {articles[keep].path}")
    if new and options:
        store.put_scores(new, options)


def _derived_key(x: bytes, y: bytes, cutoff: float) -> str:
    first, second = sorted((x, y))
    return store.derived_key("near_duplicate", repr(cutoff), first.hex(), second.hex())


def _unlisted(article: Article, listed: set[Path] | None) -> bool:
    return listed is not None and bool(listed) and Path(article.path).resolve() not in listed


def _candidate_pairs(sketches: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """The pairs (a, b), a < b, in order, whose sketches share at least _MIN_SHARED of the smaller
    one, through hashes that at most _COMMON bodies hold (numpy: the pairs of each hash's bodies,
    counted, with no loop over the pairs)."""
    import numpy as np

    sizes = np.array([len(s) for s in sketches], dtype=np.int64)
    if len(sketches) < 2 or not sizes.sum():
        return []
    hashes = np.fromiter((h for s in sketches for h in s), dtype=np.uint64, count=int(sizes.sum()))
    owner = np.repeat(np.arange(len(sketches), dtype=np.int64), sizes)
    order = np.lexsort((owner, hashes))
    hashes, owner = hashes[order], owner[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    lengths = np.diff(np.r_[starts, len(hashes)])
    n = len(sketches)
    keys = []
    for size in np.unique(lengths[(lengths > 1) & (lengths <= _COMMON)]).tolist():
        # Every body list of this length as a row; its pairs by the upper triangle's indices.
        rows = owner[starts[lengths == size][:, None] + np.arange(size)]
        x, y = np.triu_indices(size, 1)
        keys.append((rows[:, x] * n + rows[:, y]).ravel())
    if not keys:
        return []
    pair, shared = np.unique(np.concatenate(keys), return_counts=True)
    a, b = pair // n, pair % n
    keep = shared >= _MIN_SHARED * np.minimum(sizes[a], sizes[b])
    return list(zip(a[keep].tolist(), b[keep].tolist()))


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
