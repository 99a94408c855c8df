"""Named counts: the counts of a named thing ("23 pirates", not "three people"), with the kind a counted noun
names (``count_kind``), whether it is a unit of measure (``is_measure``) and where it ends (``noun_end``)."""

from __future__ import annotations

from ._lexicon import _quantity_lexicon
from ._patterns import _MEASURE_UNITS, _NEXT_WORDS, _UNIT_WORDS, _singular
from .reading import Number, find_numbers


def named_counts(text: str) -> list[Number]:
    """The counts of a named thing in ``text`` ("seven bullets", "23 pirates", "three speedboats"): cardinals with
    a counted noun that is not one of quantities.toml [figures] generic nouns ("three people", "two times")."""
    generic = _quantity_lexicon().generic_units
    return [n for n in find_numbers(text) if n.kind == "cardinal" and n.counted and n.unit and n.unit not in generic]


def is_measure(unit: str) -> bool:
    """Whether a counted noun is a unit of measure ("miles", "km", "mph", "caliber"): what it gives is a measure of
    something (``quantities``: a distance, a speed), not a count of it."""
    return unit in _UNIT_WORDS or unit in _MEASURE_UNITS


def noun_end(text: str, n: Number) -> int:
    """Where the counted noun of ``n`` ends in ``text`` ("23 Somali pirates": after "pirates"); ``n.end`` when
    the noun is not written after it."""
    for m in _NEXT_WORDS.finditer(text, n.end, min(len(text), n.end + 60)):
        if n.unit and _singular(m.group().lower()) == n.unit:
            return m.end()
    return n.end


def count_kind(unit: str) -> str:
    """The kind a counted noun names (quantities.toml [kinds]: "boat", "skiff" -> "vessels"), else the noun."""
    return _quantity_lexicon().kinds.get(unit, unit)
