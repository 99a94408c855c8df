"""The quantity lexicon: what data/quantities.toml says of the words around a figure (the thing each word names
a figure of, the nouns of people, kinds, groups, places...), read once and shared by the readers of quantities."""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import data as _data
from ..memo import on_clear
from ._patterns import _singular


@dataclass(frozen=True)
class _QuantityLexicon:
    stems: tuple[tuple[str, str], ...]  # (stem, thing), longest stems first
    whole_word: frozenset[str]
    rate_heads: frozenset[str]
    generic: frozenset[str]
    attributes: frozenset[str] = frozenset()
    generic_units: frozenset[str] = frozenset()
    large: float = 1000.0
    measured: frozenset[str] = frozenset()  # things a fraction can measure (the rest are counts)
    people: frozenset[str] = frozenset()  # counted nouns that count people, singular
    groups: frozenset[str] = frozenset()  # things that say who is counted, not what happened to them
    kinds: dict[str, str] = field(default_factory=dict)  # counted noun -> its kind ([kinds])
    spans: frozenset[str] = frozenset()  # things a span of time can be a figure of ([spans])
    places: frozenset[str] = frozenset()  # "a city of N": N is its population ([places])
    history: frozenset[str] = frozenset()  # "four prior arrests": a count of someone's past ([history])

    # Each word's thing, found once: the scan runs over every stem, and an event repeats its words.
    _things: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def word_thing(self, word: str) -> str | None:
        if word not in self._things:
            if len(self._things) >= _THINGS_HELD:
                self._things.clear()
            self._things[word] = self._scan(word)
        return self._things[word]

    def _scan(self, word: str) -> str | None:
        for stem, thing in self.stems:
            if word.startswith(stem) and (stem not in self.whole_word or word == stem):
                return thing
        return None


_THINGS_HELD = 1 << 16


_LEXICON: _QuantityLexicon | None = None


def _quantity_lexicon() -> _QuantityLexicon:
    global _LEXICON
    if _LEXICON is None:
        data = _data.load("quantities")
        stems = [(s, thing) for thing, ss in data["things"].items() for s in ss]
        _LEXICON = _QuantityLexicon(
            tuple(sorted(stems, key=lambda x: -len(x[0]))),
            frozenset(data["whole"]["words"]),
            frozenset(data["rates"]["heads"]),
            frozenset(data["rates"]["generic"]),
            frozenset(data.get("attributes", {}).get("things", ())),
            frozenset(data.get("figures", {}).get("generic", ())),
            float(data.get("figures", {}).get("large", 1000)),
            frozenset(data.get("measures", {}).get("things", ())),
            frozenset(_singular(w) for w in data.get("people", {}).get("nouns", "").split()),
            frozenset(data.get("groups", {}).get("things", ())),
            {_singular(w): kind for kind, words in data.get("kinds", {}).items() for w in words.split()},
            frozenset(data.get("spans", {}).get("things", ())),
            frozenset(data.get("places", {}).get("nouns", "").split()),
            frozenset(data.get("history", {}).get("words", ())),
        )
        on_clear(_LEXICON._things.clear)  # emptied with the per-sentence caches, between events
    return _LEXICON
