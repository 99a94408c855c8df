"""Word-level diff of the texts of a fact group, on token lists with rapidfuzz's Indel opcodes.

A text is compared with every other text of its group; a token counts as changed when it finds no
partner in at least half of the others, so that with many outlets one outlet's omission does not
light up everybody else's words.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def unmatched(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[list[bool], list[bool]]:
    """Which tokens of ``a`` and of ``b`` have no partner in the other's longest common subsequence."""
    from rapidfuzz.distance import Indel

    a_out = [True] * len(a)
    b_out = [True] * len(b)
    if not a or not b:
        return a_out, b_out
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            a_out[op.src_start : op.src_end] = [False] * (op.src_end - op.src_start)
            b_out[op.dest_start : op.dest_end] = [False] * (op.dest_end - op.dest_start)
    return a_out, b_out


def changed(texts: Sequence[Sequence[Hashable]]) -> list[list[bool]]:
    """For each token list, a flag per token: True when it is unmatched in at least half the others."""
    n = len(texts)
    if n < 2:
        return [[False] * len(t) for t in texts]
    # Outlets often tell a fact in the same words: each pair of distinct lists is diffed once (per
    # order: a longest common subsequence is not unique, and which one the diff takes depends on
    # which list comes first), and a list and its own copy miss nothing.
    distinct: dict[tuple[Hashable, ...], int] = {}
    which = [distinct.setdefault(tuple(t), len(distinct)) for t in texts]
    lists = list(distinct)
    diffs: dict[tuple[int, int], tuple[list[bool], list[bool]]] = {}
    need = (n - 1 + 1) // 2  # at least half of the n - 1 others, rounded up
    out = []
    for i, p in enumerate(which):
        # The others that come after i (i first in the diff) and before it (i second), by list.
        weights: dict[tuple[int, int, int], int] = {}
        for j, q in enumerate(which):
            if q != p and j != i:
                side = (p, q, 0) if j > i else (q, p, 1)
                weights[side] = weights.get(side, 0) + 1
        misses = [0] * len(lists[p])
        for (x, y, half), times in weights.items():
            if (x, y) not in diffs:
                diffs[x, y] = unmatched(lists[x], lists[y])
            for k, miss in enumerate(diffs[x, y][half]):
                if miss:
                    misses[k] += times
        out.append([m >= need for m in misses])
    return out


def runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal [start, end) runs of True."""
    out: list[tuple[int, int]] = []
    start = None
    for i, f in enumerate(flags):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(flags)))
    return out
