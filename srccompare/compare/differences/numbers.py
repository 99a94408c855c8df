"""Figures: the same quantity given with another value or another unit; each figure carries its unit
and the source the article credits for it."""

from __future__ import annotations

from ...model import Difference, NumberUse
from ...nlp.numbers import find_numbers, number_mismatches
from . import register
from .reading import Side, minority
from .sources import sources

# A qualified number ("about", "more than") agrees with any value within this factor of it.
_QUALIFIED_SLACK = 1.25


@register("number")
def _number(sides: list[Side]) -> Difference | None:
    per = {s.article: [n for n in find_numbers(s.text) if n.unit] for s in sides}
    per = {a: n for a, n in per.items() if n}
    if len(per) < 2:
        return None
    texts = {s.article: s.text for s in sides}
    conflicts: dict[str, dict[str, NumberUse]] = {}
    credited = {s.article: ", ".join(sorted(sources(s.own_text))) or None for s in sides}
    ids = sorted(per)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            for mm in number_mismatches(texts[a], texts[b]):
                if not _conflicting(mm, texts[a], texts[b]):
                    continue
                for article, n in ((a, mm.a), (b, mm.b)):
                    shown = _shown(n, mm.kind)
                    conflicts.setdefault(article, {})[shown] = NumberUse(shown, n.value, n.unit, credited[article])
    if not conflicts:
        return None
    sets = {a: frozenset((n.unit, n.value) for n in per[a]) for a in per}
    departing = tuple(a for a in minority(sets) if a in conflicts) or tuple(sorted(conflicts))
    used = {a: tuple(sorted(conflicts[a])) for a in sorted(conflicts)}
    numbers = {a: tuple(conflicts[a][t] for t in used[a]) for a in used}
    return Difference("number", "", departing, {a: used[a] for a in departing}, used=used, numbers=numbers)


def _shown(n, mismatch: str) -> str:
    """A number as the detail shows it: with its unit when the units are what differ."""
    if mismatch == "unit" and n.unit and n.unit not in n.text:
        return f"{n.unit}{n.text}" if n.kind == "money" and len(n.unit) == 1 else f"{n.text} {n.unit}"
    return n.text


def _conflicting(mm, a_text: str, b_text: str) -> bool:
    """Whether a mismatch from ``number_mismatches`` is one a reader would call a contradiction:
    a year is not a count ("2008 event" / "six years"), "more than $1 million" does not contradict
    "$1.1 million", and "544 women ... store managers" / "544 store managers" count the same people
    (each side's unit word is in the other's text)."""
    if mm.a.kind != mm.b.kind:
        return False
    if mm.kind == "unit" and mm.a.unit and mm.b.unit:
        if mm.a.unit[:5].lower() in b_text.lower() or mm.b.unit[:5].lower() in a_text.lower():
            return False
    if (mm.a.qualifier or mm.b.qualifier) and mm.a.value and mm.b.value:
        low, high = sorted((mm.a.value, mm.b.value))
        if high <= low * _QUALIFIED_SLACK:
            return False
    return True
