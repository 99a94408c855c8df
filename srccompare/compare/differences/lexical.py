"""Lexical framing: a loaded term one outlet uses where the others tell the fact neutrally."""

from __future__ import annotations

from ...model import Difference
from .. import lexicon
from . import register
from .reading import Side, set_difference


@register("loaded_term")
def _loaded(sides: list[Side]) -> Difference | None:
    sets = {
        side.article: frozenset(lexicon.loaded_terms([(w.raw, w.plain, w.first) for w in side.own])) for side in sides
    }
    terms = {t for s in sets.values() for t in s}
    return set_difference("loaded_term", sets, categories={t: lexicon.loaded_category(t) for t in sorted(terms)})
