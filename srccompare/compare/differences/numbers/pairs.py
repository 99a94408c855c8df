"""The pairs of figures two texts give of one quantity that ``number_mismatches`` does not find, one rule each:
tallies, one person's ages, named tolls, the one figure of a measured thing, counts told without a number, figures
rewritten, figures after the same words, sums in two currencies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ....nlp.numbers import (
    MEASURED_THINGS,
    WHOLE_COUNTS,
    Number,
    Tally,
    VagueCount,
    counts_people,
    tally_spans,
    unsigned,
)
from ..reading import CLAIM_SHARED
from .claims import _claim_near
from .common import _AGE, COUNTS_APART, TALLIES_APART, _apart
from .figures import _TOLLS, _Figures, _measured_figure


def _tally_pairs(ta: str, fa: _Figures, tb: str, fb: _Figures) -> list[tuple[Tally, Tally]]:
    """Two records, votes or scores that tell one tally two ways ("voted 52-47" / "on a 53-47 vote", "compiled a
    162-139 record" / "compiled a mark of 122-147"): each text's first tally whose claim (CLAIM_SHARED content words
    within CLAIM_WINDOW) the other's shares. Not a tally either text also gives, nor one told from the other side
    ("won 102-98" / "lost 98-102"); nor two whose counts add up to totals TALLIES_APART apart (see there)."""
    out: list[tuple[Tally, Tally]] = []
    given_a = {frozenset((t.first, t.second)) for t in tally_spans(ta)}
    given_b = {frozenset((t.first, t.second)) for t in tally_spans(tb)}
    used: set[int] = set()
    for x in fa.tallies:
        if frozenset((x.first, x.second)) in given_b:
            continue
        for k, y in enumerate(fb.tallies):
            if k in used or frozenset((y.first, y.second)) in given_a:
                continue
            if _apart(max(x.played, 1), max(y.played, 1), TALLIES_APART):
                continue
            if len(_claim_near(ta, x.start, x.end) & _claim_near(tb, y.start, y.end)) < CLAIM_SHARED:
                continue
            used.add(k)
            out.append((x, y))
            break
    return out


def _ages_of_one_person(ta: str, fa: _Figures, tb: str, fb: _Figures) -> list[tuple[Number, Number]]:
    """The ages two texts give one person with two values: each set off after the same name ("Steinberg, 48," /
    "Steinberg, 49,": ``units.holder_before``)."""
    from ...units import holder_before

    def ages(text: str, side: _Figures) -> dict[str, Number]:
        found: dict[str, Number] = {}
        for n in side.numbers:
            if side.things.get(n.start) == _AGE and (holder := holder_before(text, n.start)):
                found.setdefault(holder, n)
        return found

    theirs = ages(tb, fb)
    return [(x, theirs[h]) for h, x in ages(ta, fa).items() if h in theirs and theirs[h].value != x.value]


_DEATH = "death"
_NAMED = "|".join(map(re.escape, _TOLLS["named"]))
_INCREMENTS = "|".join(map(re.escape, _TOLLS["increments"]))
# "the death toll rose to 2,012", "a toll of 300", "put the toll at 41": the figure a toll word governs in its clause.
_NAMED_TOLL = re.compile(rf"\b(?:{_NAMED})\b[^,.;:()]{{0,40}}$", re.IGNORECASE)
# "two more victims", "another five bodies", "an additional 12": a count added to a toll, not the toll.
_INCREMENT = re.compile(rf"^\s+(?:{_INCREMENTS})\b|\b(?:{_INCREMENTS})\s+$", re.IGNORECASE)


def _named_tolls(fa: _Figures, fb: _Figures, ta: str, tb: str) -> list[tuple[Number, Number]]:
    """A death toll one text names as the toll ("the death toll rose to 2,012") and the one death figure of the other
    (``quantities``, sure: "killed 300 people", "2,012 people died"), with different values: one toll told two ways,
    which ``number_mismatches`` pairs only by noun. Each text must give one death figure only, none an increment ("two
    more victims"): a day's and a week's toll, or a toll and its parts, pair nothing."""

    def deaths(side: _Figures, text: str) -> list[Number]:
        return [
            n
            for n in side.numbers
            if side.things.get(n.start) == _DEATH
            and n.kind == "cardinal"
            and not _INCREMENT.search(text[n.end : n.end + 12])
            and not _INCREMENT.search(text[max(0, n.start - 14) : n.start])
        ]

    da, db = deaths(fa, ta), deaths(fb, tb)
    if len(da) != 1 or len(db) != 1 or da[0].value == db[0].value:
        return []
    x, y = da[0], db[0]
    named = _NAMED_TOLL.search(ta[max(0, x.start - 60) : x.start]) or _NAMED_TOLL.search(
        tb[max(0, y.start - 60) : y.start]
    )
    return [(x, y)] if named else []


def _one_thing(fa: _Figures, fb: _Figures) -> list[tuple[Number, Number]]:
    """The figures of measured things (``MEASURED_THINGS``: a magnitude, a calibre) and of wholes a place has one of
    (``WHOLE_COUNTS``: a population) each text gives exactly one figure of, with different values of one kind: one
    quantity told two ways. Another count is not read this way (two sentences may count two sets: "one" of the four
    killed), nor an age (of two people); measures with a unit (spans, speeds, lengths) are compared as measures."""

    def single(side: _Figures) -> dict[str, Number]:
        by: dict[str, list[Number]] = {}
        for n in side.numbers:
            thing = side.things.get(n.start)
            # a measure is written in figures: "the second one to hit" is no magnitude of 1
            digits = unsigned(n.text)
            written = digits[:1].isdigit() or digits.startswith(".")
            if (
                thing is not None
                and (thing in MEASURED_THINGS or thing in WHOLE_COUNTS)
                and written
                and n.kind != "year"
                and not _measured_figure(side, n)
            ):
                by.setdefault(thing, []).append(n)
        return {t: ns[0] for t, ns in by.items() if len({n.value for n in ns}) == 1}

    a, b = single(fa), single(fb)
    return [(a[t], b[t]) for t in a if t in b and a[t].value != b[t].value and a[t].kind == b[t].kind]


def _other_currency(a: Sequence[Number], b: Sequence[Number]) -> tuple[Number, Number] | None:
    """The one sum each text gives when the two give it in different currencies ("$40 billion" / "30 billion
    euros") and neither gives the other's: told in another currency, a conversion or another sum, which
    needs an exchange rate to tell; shown, not a disagreement."""
    ma = [n for n in a if n.kind == "money"]
    mb = [n for n in b if n.kind == "money"]
    if len(ma) != 1 or len(mb) != 1 or ma[0].unit == mb[0].unit or ma[0].value == mb[0].value:
        return None
    # A sum a season and a sum ("$22 million per season" / "$160 million"): two quantities, not two currencies.
    if _rate_of(ma[0]) != _rate_of(mb[0]):
        return None
    return ma[0], mb[0]


def _rate_of(n: Number) -> str:
    """What a sum is counted per ("/season" of "$/season", ``nlp.numbers`` money rates), "" for a total."""
    return (n.unit or "").partition("/")[2]


def _vague_pairs(a: int, fa: _Figures, b: int, fb: _Figures) -> list[tuple[tuple[int, VagueCount], tuple[int, Number]]]:
    """A count one text tells without a number ("several shells") and the other with one ("three shells"): the
    same counted noun, the number the only one of that noun in its text."""
    out = []
    for (art, vague_side), (other, exact_side) in (((a, fa), (b, fb)), ((b, fb), (a, fa))):
        for unit, vague in vague_side.vague.items():
            exact = [n for n in exact_side.numbers if n.unit == unit and n.counted and n.kind == "cardinal"]
            if not exact and counts_people(unit) and not any(counts_people(u) for u in exact_side.vague):
                # a crowd of "union members" / one of "people": the one count of people the other text gives
                exact = [n for n in exact_side.numbers if counts_people(n.unit) and n.counted and n.kind == "cardinal"]
            if len(exact) == 1 and unit not in exact_side.vague:
                value = exact[0].value
                if value < vague.low / COUNTS_APART or value > vague.high * COUNTS_APART:
                    continue  # "the three bank workers" / "tens of thousands of striking workers": two sets of them
                out.append(((art, vague), (other, exact[0])))
    return out


def _rewritten(
    a_forms: dict[tuple, dict[str, Number]], b_forms: dict[tuple, dict[str, Number]]
) -> list[tuple[Number, Number]]:
    """Figures with the same value and unit that the two texts (their _forms) write differently,
    where neither text also writes it the other's way: "2 percent" / "2%", "660 million" / "660m",
    "63 km" / "63 kilometers"."""
    out = []
    for key in (k for k in a_forms if k in b_forms):  # in text order, never the hash seed's
        xa, xb = a_forms[key], b_forms[key]
        if xa.keys().isdisjoint(xb.keys()):
            out.append((next(iter(xa.values())), next(iter(xb.values()))))
    return out


def _paired(a_at: dict[tuple[str, ...], Number], b_at: dict[tuple[str, ...], Number]) -> list[tuple[Number, Number]]:
    """Numbers of two texts (their _by_context) that follow the same content words (the words
    unique to one number each), in the first text's order: a set's order would follow the hash seed,
    and with it which of two figures written alike ("12"-gallon, Lomo "12") a report names."""
    return [(a_at[k], b_at[k]) for k in a_at if k in b_at]
