"""How two sentences relate. (Placeholder: replaced by the fitted model.)"""

from __future__ import annotations

from ..model import Relation


def sentence_relation(a: str, b: str) -> Relation:
    """equivalent: same fact, no meaningful difference; divergent: same fact core, one side adds,
    drops, hedges or frames something; unrelated otherwise. ``score`` is in [0, 1]."""
    from rapidfuzz import fuzz

    score = fuzz.token_set_ratio(a, b, processor=str.lower) / 100.0
    kind = "equivalent" if score >= 0.9 else "divergent" if score >= 0.6 else "unrelated"
    return Relation(kind, score)
