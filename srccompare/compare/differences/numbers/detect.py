"""The ``number`` detector (registered here, on import): the figures each pair of a group's texts tell against
each other, gathered per article and form, and how an article's figures are shown together."""

from __future__ import annotations

import dataclasses

from ....model import Difference, NumberUse
from ....nlp.numbers import month_of
from .. import register
from ..reading import Side, minority, per_side
from ..sources import side_sources
from .common import _FORMS, _HEDGED, _Told
from .figures import _figures
from .pairing import _pair_figures


@register("number")
def _number(sides: list[Side]) -> Difference | None:
    # A side that tells the fact in a clause of a longer sentence is not compared: a clause lifted out of its
    # sentence can lose what its figure counts ("Police said at least three people" [were killed]). Nor is a side that
    # joined the group by resembling it on average: its figures may be of a neighbouring claim (the bailout's "110 billion
    # euros" beside the "30 billion euros" of savings it was bought with).
    sides = [s for s in sides if not s.loose]
    if len(sides) < 2:
        return None
    texts = {s.article: s.text for s in sides}
    now = {s.article: month_of(s.published) for s in sides}
    # Each text is read once (its figures, the words before them, its tokens), not once per pair.
    read = {a: _figures(t) for a, t in texts.items()}
    credits = per_side(sides, lambda s: ", ".join(sorted(side_sources(s))) or None)
    credited = {s.article: c for s, c in zip(sides, credits)}
    # The uses of each form (_FORMS).
    tables: dict[str | None, dict[str, dict[str, NumberUse]]] = {form: {} for form in _FORMS}

    ids = sorted(texts)
    # Sides often print the same text: each ordered pair of texts is read once, then told to every
    # pair of articles that print them.
    readings: dict[tuple, list[_Told]] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if texts[a] == texts[b]:
                continue  # one text twice: every figure is the same figure, written the same way
            pair = (texts[a], texts[b], now[a], now[b])
            told = readings.get(pair)
            if told is None:
                told = readings[pair] = _pair_figures(texts[a], texts[b], read[a], read[b], now[a], now[b])
            for kind, which, shown, value, unit, first, thing in told:
                article = (a, b)[which]
                table = tables[kind].setdefault(article, {})
                use = NumberUse(shown, value, unit, credited[article], thing)
                if first:
                    table.setdefault(shown, use)
                else:
                    table[shown] = use
    forms = [f for f in _FORMS if tables[f]]
    if not forms:
        return None
    form = forms[0]
    found = tables[form]
    for table in found.values():
        _one_way_each(table)
    if form is None:
        _beside(found, tables[_HEDGED])
    per = {a: frozenset((n.unit, n.value) for n in read[a].numbers) for a in found}
    departing = tuple(a for a in minority(per) if a in found) or tuple(sorted(found))
    used = {a: tuple(sorted(found[a])) for a in sorted(found)}
    numbers = {a: tuple(found[a][t] for t in used[a]) for a in used}
    return Difference("number", "", departing, {a: used[a] for a in departing}, used=used, numbers=numbers, form=form)


def _one_way_each(table: dict[str, NumberUse]) -> None:
    """One figure written once: an article's figure shown with its hedge against one outlet ("at least three", beside
    "10") and bare against another with the same hedge ("three", beside "at least 300") is shown with it."""
    for shown, use in list(table.items()):
        if any(
            other != shown and other.endswith(" " + shown) and (u.value, u.unit) == (use.value, use.unit)
            for other, u in table.items()
        ):
            del table[shown]


def _beside(found: dict[str, dict[str, NumberUse]], hedged: dict[str, dict[str, NumberUse]]) -> None:
    """Figures told within hedges ("about 6.0" / "5.9" magnitude) beside a disagreement on another quantity (the
    toll) are shown with it, marked: the difference has one form, and the disagreement's would hide them. Not a
    value an article already shows in the disagreement ("about 100,000" beside its "100,000"), and only where at
    least two values remain: a lone figure differs from nothing shown."""
    extra = {
        a: {
            t: u
            for t, u in uses.items()
            if (u.value, u.unit) not in {(v.value, v.unit) for v in found.get(a, {}).values()}
        }
        for a, uses in hedged.items()
    }
    if len({(u.value, u.unit) for uses in extra.values() for u in uses.values()}) < 2:
        return
    for a, uses in extra.items():
        for shown, use in uses.items():
            found.setdefault(a, {})[shown] = dataclasses.replace(use, form=_HEDGED)
