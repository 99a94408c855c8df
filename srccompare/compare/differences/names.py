"""Names: one name spelled another way (Kyiv / Kiev, Jong-un / Jong Un). Reported, never a disagreement."""

from __future__ import annotations

import re

from ...model import Difference
from . import register
from .reading import Side, minority, variants


@register("name_variant")
def _name_variant(sides: list[Side]) -> Difference | None:
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            pairs.extend(variants(a.text, b.text))
    if not pairs:
        return None
    # Group spellings of one name; each article's signature is the spellings it uses.
    groups: list[set[str]] = []
    for x, y in pairs:
        hit = [g for g in groups if x in g or y in g]
        merged = {x, y}.union(*hit) if hit else {x, y}
        groups = [g for g in groups if g not in hit] + [merged]
    sets = {s.article: frozenset(sp for g in groups for sp in g if _contains(s.text, sp)) for s in sides}
    departing = minority(sets)
    used = {a: tuple(sorted(sets[a])) for a in sorted(sets)}
    words = {a: used[a] for a in departing if used[a]}
    return Difference("name_variant", "", departing, words, used=used, variants=tuple(tuple(sorted(g)) for g in groups))


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text) is not None
