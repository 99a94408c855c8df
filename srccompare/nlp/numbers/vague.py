"""Vague counts: the counts a sentence tells in words without a number ("several shells", "dozens of
firefighters"), each with the range of exact counts its words cover (``VagueCount``, ``vague_counts``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import data as _data
from ..memo import per_sentence
from ._lexicon import _quantity_lexicon
from ._patterns import UNIT_WORDS, _unit_after
from .measure import TIME_UNITS

# --- Vague counts: "several shells", "dozens of firefighters" ---------------------------------------------------


@dataclass(frozen=True)
class VagueCount:
    """A count told without a number, with the counted noun and the range of exact counts the words cover."""

    words: str  # as written, with the counted noun ("several shells")
    unit: str
    low: float
    high: float


_VAGUE_RANGES: dict[str, tuple[float, float]] = {
    w: (float(lo), float(hi)) for w, (lo, hi) in _data.load("quantities")["vague"].items()
}
_VAGUE_COUNT = re.compile(
    r"\b(?P<vague>" + "|".join(re.escape(w) for w in sorted(_VAGUE_RANGES, key=len, reverse=True)) + r")(?=\s)",
    re.IGNORECASE,
)


# The vague words that tell a span when a unit of time follows (quantities.toml [vague_spans]).
_VAGUE_SPANS = frozenset(_data.load("quantities")["vague_spans"]["words"])


@per_sentence
def vague_counts(text: str) -> tuple[VagueCount, ...]:
    """The counts ``text`` tells in words without a number, each with the plural noun it counts; counts of nothing
    named (no plural noun after the words, or a [figures] generic one such as "people") are left out."""
    out = []
    for m in _VAGUE_COUNT.finditer(text):
        unit, plural = _unit_after(text, m.end())
        span = unit in TIME_UNITS and m.group("vague").lower() in _VAGUE_SPANS
        if not unit or not plural or unit in UNIT_WORDS or (unit in _quantity_lexicon().generic_units and not span):
            continue  # "thousands of people", "several times" name nothing one figure is of
        low, high = _VAGUE_RANGES[m.group("vague").lower()]
        # shown up to the noun it counts ("tens of thousands of union members"), else its first word
        words = list(re.finditer(r"[^\W\d_][\w’'-]*", text[m.end() : m.end() + 60]))
        noun = next((w for w in words[:4] if w.group().lower().startswith(unit[:4])), words[0] if words else None)
        shown = text[m.start() : m.end() + (noun.end() if noun else 0)]
        out.append(VagueCount(shown, unit, low, high))
    return tuple(out)
