"""The figures that identify a fact across outlets: figure keys (``figure_keys``) and tallies, a record, a vote
or a score given as two counts (``Tally``, ``tallies``, ``tally_spans``, ``is_range``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import data as _data
from ..memo import per_sentence
from ._lexicon import _quantity_lexicon
from ._patterns import _unit_after
from .counts import named_counts
from .reading import _FRACTION_OF_SCALE, find_numbers
from .times import clock_times


def figure_keys(text: str) -> frozenset[tuple[str, float]]:
    """The figures of ``text`` that identify a fact across outlets: a count of a named thing ("seven bullets" ->
    ("bullet", 7.0)) or a large figure whatever its unit ("120,000", "$1.5bn" -> ("", value)) but a fraction of a scale
    word ("half a million"). Years, dates, numbers in names, ordinals and counts of people in general ("three people")
    are left out."""
    lex = _quantity_lexicon()
    keys = {(n.unit, n.value) for n in named_counts(text) if n.unit}
    for n in find_numbers(text):
        if n.kind not in ("year", "date", "label", "ordinal") and n.value >= lex.large:
            if _FRACTION_OF_SCALE.match(n.text.lower()):
                continue  # "half a million" is a round figure, which unrelated ones share ("a city of 500, 000")
            keys.add(("", n.value))
    keys.update(("clock", minutes) for minutes in clock_times(text))
    return frozenset(keys)


# Two numbers joined by a hyphen or a dash, with no letter, digit, point or slash against either end: a record
# ("fell to 36-3", "(58-3, 51 KO)"), a vote ("deadlocked at 9-3", "passed 162-139") or a score, which two
# outlets giving it exactly give as one fact; a range ("18-30") given exactly by two is as identifying. Not a
# date or a telephone number ("12-11-2008", "1-800-555"), a name ("AK-47", "F-16") or a decimal ("5.9-6.1").
# Read by the told check (``compare.told``) and by the aligner's loose groups (``compare.figure_groups._described``),
# not by its plain figure groups: a record sits in the lead beside the rounds and punches of the fight, and a plain
# group of its sentences set those against each other.
_TALLY = re.compile(r"(?<![\w.$/£€-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w%/–-]|[.,]\d)")


# "passed by a vote of 220 to 207", "voted 52 to 47", "by 220 votes to 207": a vote's tally written with "to", where
# a hyphen would read as a range everywhere else.
_VOTE_TO = re.compile(
    r"\bvot(?:e[sd]?|ing)\s+(?:(?:of|by)\s+)?(\d{1,3})\s+to\s+(\d{1,3})\b|\b(\d{1,3})\s+votes?\s+to\s+(\d{1,3})\b"
    # ... or after a verb of voting or winning, a few words between ("the bill passed the Senate 52 to 48")
    rf"|\b(?:{'|'.join(_data.load('quantities')['tallies']['verbs'])})\b(?:\s+[\w.’'-]+){{0,4}}?\s+(\d{{1,3}})\s+to\s+(\d{{1,3}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tally:
    """A record, a vote or a score: two counts given as one figure ("52-47", "a vote of 220 to 207")."""

    first: int
    second: int
    start: int
    end: int
    text: str

    @property
    def value(self) -> float:
        """The pair as one number, first * 1000 + second ("36-3" -> 36003.0), which the figure keys compare."""
        return float(self.first * 1000 + self.second)

    @property
    def played(self) -> int:
        """What the two counts add up to: the games of a record, the votes cast."""
        return self.first + self.second


def tallies(text: str) -> list[float]:
    """The tallies ``text`` gives ("36-3" -> 36003.0): each pair of numbers as one figure, first * 1000 + second."""
    return [t.value for t in tally_spans(text)]


@per_sentence
def tally_spans(text: str) -> tuple[Tally, ...]:
    """The tallies ``text`` gives, where it gives them, in order."""
    found = []
    if "-" in text or "–" in text:
        found += [(m.start(1), m.end(2), m.group(1), m.group(2)) for m in _TALLY.finditer(text)]
    if " to " in text:
        for m in _VOTE_TO.finditer(text):
            k = next(k for k in (1, 3, 5) if m.group(k))
            found.append((m.start(k), m.end(k + 1), m.group(k), m.group(k + 1)))
    return tuple(
        Tally(int(first), int(second), start, end, text[start:end]) for start, end, first, second in sorted(found)
    )


def is_range(text: str, tally: Tally) -> bool:
    """Whether a tally is rather a range of what the plural noun or unit after it counts ("5-10 minutes", "18-30
    people", "the 9-11 attacks", "20-30 percent"): read as a figure to identify a sentence by, never compared as a
    record or a score."""
    noun, plural = _unit_after(text, tally.end)
    return plural or noun in ("percent", "per")
