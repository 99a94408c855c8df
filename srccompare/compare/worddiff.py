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
    misses = [[0] * len(t) for t in texts]
    for i in range(n):
        for j in range(i + 1, n):
            a_out, b_out = unmatched(texts[i], texts[j])
            for k, out in enumerate(a_out):
                misses[i][k] += out
            for k, out in enumerate(b_out):
                misses[j][k] += out
    if n < 2:
        return [[False] * len(t) for t in texts]
    need = (n - 1 + 1) // 2  # at least half of the n - 1 others, rounded up
    return [[m >= need for m in row] for row in misses]


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
