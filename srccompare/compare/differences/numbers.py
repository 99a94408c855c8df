"""Figures: the same quantity given with another value or another unit; each figure carries its unit
and the source the article credits for it.

Two ways find the figures that tell one quantity: ``number_mismatches`` (numbers with the same unit,
or the same value), and the words just before a number: two numbers that follow the same words
("camp is estimated at around 40,000" / "... around 48,000") count the same thing whatever unit
either gives. A figure written another way with the same value and unit ("2 percent" / "2%",
"660 million" / "660m") is a ``number`` difference of the form ``notation``: shown, never a
disagreement.
"""

from __future__ import annotations

from ...model import Difference, NumberUse
from ...nlp.numbers import Number, find_numbers, number_mismatches
from ...nlp.tokens import STOP_WORDS, tokens
from . import register
from .reading import Side, minority
from .sources import sources

# A qualified number ("about", "more than") agrees with any value within this factor of it.
_QUALIFIED_SLACK = 1.25
# Two numbers tell one quantity when the same this many words come before them (one of them not a
# stop word): "the population ... estimated at around 40,000" / "... around 48,000".
CONTEXT_WORDS = 3


@register("number")
def _number(sides: list[Side]) -> Difference | None:
    texts = {s.article: s.text for s in sides}
    credited = {s.article: ", ".join(sorted(sources(s.own_text))) or None for s in sides}
    conflicts: dict[str, dict[str, NumberUse]] = {}
    notation: dict[str, dict[str, NumberUse]] = {}

    def add(table: dict[str, dict[str, NumberUse]], article: str, n: Number, shown: str) -> None:
        table.setdefault(article, {})[shown] = NumberUse(shown, n.value, n.unit, credited[article])

    ids = sorted(texts)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            for mm in number_mismatches(texts[a], texts[b]):
                if _conflicting(mm.a, mm.b, mm.kind, texts[a], texts[b]):
                    add(conflicts, a, mm.a, _shown(mm.a, mm.kind))
                    add(conflicts, b, mm.b, _shown(mm.b, mm.kind))
            for x, y in _paired(texts[a], texts[b]):
                if (x.value, x.unit) == (y.value, y.unit):
                    if _written(x.text) != _written(y.text):
                        add(notation, a, x, x.text)
                        add(notation, b, y, y.text)
                    continue
                if x.unit == y.unit or not (x.unit and y.unit):
                    kind = "value"
                elif x.value == y.value:
                    kind = "unit"
                else:
                    continue  # another value of another thing: two quantities ("six years" / "2008 remarks")
                if _conflicting(x, y, kind, None, None):
                    add(conflicts, a, x, _shown(x, kind))
                    add(conflicts, b, y, _shown(y, kind))
    if not conflicts and not notation:
        return None
    found = conflicts or notation
    per = {a: frozenset((n.unit, n.value) for n in find_numbers(texts[a])) for a in found}
    departing = tuple(a for a in minority(per) if a in found) or tuple(sorted(found))
    used = {a: tuple(sorted(found[a])) for a in sorted(found)}
    numbers = {a: tuple(found[a][t] for t in used[a]) for a in used}
    form = None if conflicts else "notation"
    return Difference("number", "", departing, {a: used[a] for a in departing}, used=used, numbers=numbers, form=form)


def _written(text: str) -> str:
    """A number's writing without the separators that change nothing (7,000 / 7000, $ 5 / $5)."""
    return text.replace(",", "").replace(" ", "").lower()


def _paired(a_text: str, b_text: str) -> list[tuple[Number, Number]]:
    """Numbers of the two texts that follow the same words (the words unique to one number each)."""
    a_at = _by_context(a_text)
    b_at = _by_context(b_text)
    return [(a_at[k], b_at[k]) for k in a_at.keys() & b_at.keys()]


def _by_context(text: str) -> dict[tuple[str, ...], Number]:
    out: dict[tuple[str, ...], Number] = {}
    seen: set[tuple[str, ...]] = set()
    for n in find_numbers(text):
        before = tuple(tokens(text[: n.start])[-CONTEXT_WORDS:])
        if len(before) < CONTEXT_WORDS or all(t in STOP_WORDS for t in before):
            continue
        if before in seen:
            out.pop(before, None)  # two numbers after the same words: which is which is unknown
            continue
        seen.add(before)
        out[before] = n
    return out


def _shown(n, mismatch: str) -> str:
    """A number as the detail shows it: with its unit when the units are what differ."""
    if mismatch == "unit" and n.unit and n.unit not in n.text:
        return f"{n.unit}{n.text}" if n.kind == "money" and len(n.unit) == 1 else f"{n.text} {n.unit}"
    return n.text


def _conflicting(a: Number, b: Number, mismatch: str, a_text: str | None, b_text: str | None) -> bool:
    """Whether two numbers telling one quantity differently are a contradiction a reader would see:
    a year is not a count ("2008 event" / "six years"), "more than $1 million" does not contradict
    "$1.1 million", and "544 women ... store managers" / "544 store managers" count the same people
    (each side's unit word is in the other's text; asked only with the texts)."""
    if a.kind != b.kind:
        return False
    if mismatch == "unit" and a.unit and b.unit and a_text is not None and b_text is not None:
        if a.unit[:5].lower() in b_text.lower() or b.unit[:5].lower() in a_text.lower():
            return False
    if (a.qualifier or b.qualifier) and a.value and b.value:
        low, high = sorted((a.value, b.value))
        if high <= low * _QUALIFIED_SLACK:
            return False
    return True
