"""Figure groups: the fact groups the aligner adds for the quantities of an event (its third step, after linking
and merging; ``align``). Five outlets' five tolls are one fact with a `number` difference, whatever else their
sentences tell; so are one identifying figure given by two outlets ("seven bullets", "120,000") and different counts
of one named thing in one claim ("captured 23 pirates" / "captured 25 pirates"). The numbers these steps use
(``MAX_PER_ARTICLE``) are documented with the aligner's in ``align``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .align import MAX_PER_ARTICLE
from .units import Unit

if TYPE_CHECKING:
    from .align import _CrossScores


class _Kind(enum.Enum):
    """What the sentences of a figure bucket share."""

    THING = "thing"  # a figure of one sure thing (a toll, a crowd, a named rate), whatever its value
    FIGURE = "figure"  # one identifying figure that counts no named thing ("120,000")
    COUNTED = "counted"  # one count of a named thing ("seven bullets")
    TOLD = "told"  # different counts of one named thing in one claim (``_told_counts``)
    DESCRIBED = "described"  # one age or tally (``_described``)


# A count of a named thing is a weaker identity than a toll or a large figure (see ``figure_groups``).
_WEAK = frozenset({_Kind.COUNTED, _Kind.TOLD})


@dataclass(frozen=True, order=True)
class _Bucket:
    """A figure bucket's key. Buckets are taken in the order of their names, which decides which group a word group
    is folded into first, so the names are unique and the order stable from run to run; nothing reads them back."""

    name: str
    when: tuple[str, ...]  # the past years and months its sentences date the figure by (``units.times_of``)
    kind: _Kind = field(compare=False)


def figure_groups(
    units: Sequence[Unit], root: Sequence[int], groups: dict[int, list[int]], scores: _CrossScores
) -> list[int]:
    """One more fact group for each thing two or more articles give a figure of (a toll, an injury count,
    a crowd, a named rate: ``nlp.numbers.quantities``, sure ones), holding the sentences of each article
    that give one (at most MAX_PER_ARTICLE, those most like the others'), whatever else the sentences tell: five outlets' five
    tolls are one fact with a number difference, not five facts buried in five leads. Figures given with another year or month than the others (a past
    quake's toll "in December 2003") are another happening's and make a group of their own. The same
    identifying figure ("seven bullets", "120,000": ``nlp.numbers.figure_keys``) makes one too. A word group whose
    sentences all give the figure is replaced by it.

    An age or a tally (a record, a score: ``_described``) makes a group of its own kind, whose keys are returned:
    its sentences share that figure and may tell anything else, so each keeps its own groups and is a loose member
    there (``align._attached_members``), and no word group is replaced by it."""
    from ..nlp.numbers import attribute_things

    attributes = attribute_things()
    buckets: dict[_Bucket, list[int]] = {}
    for k, u in enumerate(units):
        when = tuple(sorted(u.when))
        for thing in u.things - attributes:
            buckets.setdefault(_Bucket(thing, when, _Kind.THING), []).append(k)
        for counted, value in u.figures:
            kind = _Kind.COUNTED if counted else _Kind.FIGURE
            buckets.setdefault(_Bucket(f"{counted}={value:g}", when, kind), []).append(k)
    buckets.update(_told_counts(units))
    buckets.update(_described(units))
    made = 0
    moved: set[int] = set()
    described: list[int] = []
    for key in sorted(buckets):
        members = buckets[key]
        if len({units[k].article for k in members}) < 2:
            continue
        if any(set(members) <= set(g) for g in groups.values()):
            continue  # the words already put them together
        articles = {units[k].article for k in members}
        paired = {k: len({units[j].article for j in groups.get(root[k], ()) if j in members}) >= 2 for k in members}
        if all(articles <= {units[j].article for j in groups.get(root[k], ()) if j in members} for k in members):
            # Each already shares its word group with a figure of this thing from every other article: two
            # figures of one thing in one article there are two facts (a toll here, another there).
            continue
        describing = key.kind is _Kind.DESCRIBED
        if key.kind in _WEAK:
            # A count of a named thing (not a large figure) is a weaker identity than a toll: beside an article's sentence already
            # paired by the words with another article's, its other sentence giving the same count is another
            # fact ("every game for the last 10 games" / "lost eight of their 10 games"): left out.
            with_pair = {units[k].article for k in members if paired[k]}
            members = [k for k in members if paired[k] or units[k].article not in with_pair]
            if len({units[k].article for k in members}) < 2:
                continue
        # At most MAX_PER_ARTICLE sentences of an article (an article giving the crowd as "tens of thousands"
        # in its lead and "100,000" further on gives both), those most like the other articles'.
        members = _few_per_article(units, members, scores)
        # A word group all of whose sentences give this figure is this fact told by fewer articles: replaced.
        inside = set(members)
        for key_ in [g for g, ks in groups.items() if g >= 0 and set(ks) <= inside and not describing]:
            del groups[key_]
        made += 1
        groups[-made] = list(members)
        if describing:
            # the figure is all they share: each sentence keeps its own group for what else it tells
            described.append(-made)
        else:
            moved.update(members)
    for unit in moved:
        home = root[unit]
        if groups.get(home) == [unit]:
            del groups[home]
    return described


def _described(units: Sequence[Unit]) -> dict[_Bucket, list[int]]:
    """Sentences giving one age or one tally (``units.described_of``), a bucket each: "Klitschko,
    36," and "the 36-year-old champion" are one fact, so are "slumping at 9-14" and "the Sixers (9-14) are instead
    last", whatever else the sentences tell.
    Where the sentences name two holders of the value ("Steinberg, 48," / "Jean Larson, 48, a staff accountant"),
    one bucket per holder, and the sentences naming none are left out (whose age they give is not known)."""
    rows: dict[tuple[str, float, tuple[str, ...]], list[tuple[int, str]]] = {}
    for k, u in enumerate(units):
        for thing, value, holder in u.described:
            rows.setdefault((thing, value, tuple(sorted(u.when))), []).append((k, holder))
    out: dict[_Bucket, list[int]] = {}
    for (thing, value, when), found in rows.items():
        holders = sorted({h for _, h in found if h})
        if len(holders) <= 1:
            out[_Bucket(f"@{thing}={value:g}", when, _Kind.DESCRIBED)] = sorted({k for k, _ in found})
            continue
        for h in holders:
            out[_Bucket(f"@{thing}={value:g}/{h}", when, _Kind.DESCRIBED)] = sorted(
                {k for k, held in found if held == h}
            )
    return out


def _told_counts(units: Sequence[Unit]) -> dict[_Bucket, list[int]]:
    """Sentences of two or more articles giving different counts of one named thing in one claim ("captured
    23 pirates" / "captured 25 pirates"; "three boats" / "two skiffs", one kind): buckets for ``figure_groups``. Two counts are of one claim when the content words around them share
    CLAIM_SHARED besides the noun and they are at most COUNTS_APART apart: "an estimated 1,500 pirates are
    based in Puntland" and "the navy captured 23 pirates" share nothing. Counts of one value already
    share a figure bucket; each count with the counts it links with, holding two values or more, is one bucket."""
    by_kind: dict[tuple[str, tuple[str, ...]], list[tuple[int, float, frozenset[str]]]] = {}
    for k, u in enumerate(units):
        for kind, value, claim in u.counts:
            if value > 0:
                by_kind.setdefault((kind, tuple(sorted(u.when))), []).append((k, value, claim))
    out: dict[_Bucket, list[int]] = {}
    for (kind, when), rows in by_kind.items():
        if len({units[k].article for k, _, _ in rows}) < 2 or len({v for _, v, _ in rows}) < 2:
            continue
        linked = _count_links(units, rows)
        # A count and those it links with, the most linked first: a star, not a chain (a chain of shared words
        # runs from "won 40 games" through "won 18 of its next 23 games" to "eighth loss in 10 games").
        taken: set[int] = set()
        for hub in sorted(linked, key=lambda i: (-len(linked[i]), i)):
            members = {hub} | linked[hub] if hub not in taken else set()
            members -= taken
            if len(members) < 2:
                continue
            taken |= members
            if len({units[rows[i][0]].article for i in members}) >= 2 and len({rows[i][1] for i in members}) >= 2:
                out[_Bucket(f"~{kind}#{len(out)}", when, _Kind.TOLD)] = sorted({rows[i][0] for i in members})
    return out


def _count_links(units: Sequence[Unit], rows: Sequence[tuple[int, float, frozenset[str]]]) -> dict[int, set[int]]:
    """Which of ``rows`` (unit, count, claim) link: of two articles, at most COUNTS_APART apart, CLAIM_SHARED claim
    words in common. Each row's shared words with all others are counted at once from the rows each word is in
    (one bincount a row), so a bucket of thousands of counts makes neither a rows x rows matrix nor a loop over
    pairs."""
    import numpy as np

    from .differences.numbers import COUNTS_APART
    from .differences.reading import CLAIM_SHARED

    postings: dict[str, list[int]] = {}
    for r, (_, _, claim) in enumerate(rows):
        for w in claim:
            postings.setdefault(w, []).append(r)
    index = {w: np.asarray(rs, dtype=np.int64) for w, rs in postings.items()}
    articles = {a: i for i, a in enumerate(sorted({units[k].article for k, _, _ in rows}))}
    article = np.array([articles[units[k].article] for k, _, _ in rows])
    value = np.array([v for _, v, _ in rows], dtype=np.float64)
    linked: dict[int, set[int]] = {i: set() for i in range(len(rows))}
    for r, (_, v, claim) in enumerate(rows):
        if not claim:
            continue
        shared = np.bincount(np.concatenate([index[w] for w in claim]), minlength=len(rows))
        ok = (shared >= CLAIM_SHARED) & (article != article[r])
        ok &= np.maximum(value, v) <= COUNTS_APART * np.minimum(value, v)
        linked[r] = set(np.nonzero(ok)[0].tolist())
    return linked


def _few_per_article(units: Sequence[Unit], members: list[int], scores: _CrossScores) -> list[int]:
    """Of each article's sentences among ``members``, the MAX_PER_ARTICLE scoring highest with the others."""
    import numpy as np

    idx = np.array(members, dtype=np.int64)
    total = np.zeros(len(idx))
    for at, band in scores.bands(idx, idx):
        total[at] = band.sum(axis=1)  # zero within an article, so only other articles count
    ranked: dict[str, list[tuple[float, int]]] = {}
    for k, value in zip(members, total.tolist()):
        ranked.setdefault(units[k].article, []).append((-value, k))
    return sorted(k for rows in ranked.values() for _, k in sorted(rows)[:MAX_PER_ARTICLE])
