"""Numbers in news text, with what they count, and the mismatches between two sentences.

API:

- ``find_numbers(text) -> list[Number]``: every quantity with its value, its unit or counted
  noun (``7,000 containers`` -> 7000.0 "container"; ``$1.5bn`` -> 1.5e9 "$"; ``40%`` -> 40 "%";
  ``fifth term`` -> 5 "term"; ``in 2023`` -> 2023 "year"; ``9 June`` -> 9 "june"), its kind
  (cardinal, ordinal, money, percent, year, date, or label for a number in a name such as
  "Boeing 737", whose unit is the name, or a telephone number, unit "telephone") and a qualifier such as
  "about" or "less than" when the text hedges it; the low end of a range knows its high end
  (``30 to 40 firefighters``: ``upper`` 40).
- ``named_counts(text)``: the counts of a named thing ("23 pirates", not "three people"), with
  ``count_kind`` (the kind a noun names: boats and skiffs are vessels), ``is_measure`` and ``noun_end``.
- ``number_mismatches(a, b) -> list[NumberMismatch]``: pairs of numbers that tell the same
  thing differently: the same unit with another value ("7,000 containers" / "6,000
  containers"), or the same value with another unit ("16 agencies" / "16 countries").
  A number only one side mentions is not a mismatch: that is an added detail.

Units are lowercased and singular, so "agencies" and "agency" match; digits, words and scales
are read as values, so "three weeks", "3 weeks", "1.5bn" and "1,500 million" compare equal.

The package, one module per job (the lower ones first: each imports only those above it):

- ``_patterns``: the words and patterns every reader shares (scale and currency words, qualifiers, number words,
  units, the counted noun after a figure).
- ``times``: the years and months a sentence names, and its times of day.
- ``measure``: times of day, durations, areas, lengths and speeds in one base unit each.
- ``reading``: ``Number`` and ``find_numbers`` (ranges, fractions, currencies, signs, telephone numbers).
- ``mismatches``: ``number_mismatches``.
- ``_lexicon``: the quantity lexicon of data/quantities.toml, read once.
- ``counts``: the counts of a named thing (``named_counts``, ``count_kind``...).
- ``quantity``: each figure with the thing it is a figure of (``quantities``, ``_thing_of``, ``word_thing``...).
- ``tally``: figure keys, and records, votes and scores.
- ``vague``: counts told without a number ("several shells").

The modules holding ``measures``, ``quantities`` and ``tallies`` are named in the singular (``measure``,
``quantity``, ``tally``): a module named as the function re-exported here would be shadowed by it
(``import srccompare.nlp.numbers.quantities as q`` would give the function), and so would a mock by dotted path.
"""

from __future__ import annotations

# ``month_name`` (nlp.tokens) is read from here too (compare.differences.numbers).
from ..tokens import month_name
from ._patterns import QUALIFIER_PHRASES, SCALE_WORDS, UNIT_WORDS
from .counts import count_kind, is_measure, named_counts, noun_end
from .measure import TIME_UNITS, Measure, measures
from .mismatches import NumberMismatch, number_mismatches
from .quantity import (
    AGE_MAX,
    HAPPENED_TO_PEOPLE,
    MEASURED_THINGS,
    PART_THINGS,
    WHOLE_COUNTS,
    Quantity,
    attribute_things,
    counts_people,
    names_nothing,
    one_kind,
    quantities,
    told_things,
    word_thing,
)

# The main pattern and its source, which tests/test_numbers.py checks against each other.
from .reading import _ALTERNATIVES as _ALTERNATIVES
from .reading import _PATTERN as _PATTERN
from .reading import _PATTERN_ANY_CASE as _PATTERN_ANY_CASE
from .reading import (
    LOWER_BOUNDS,
    TELEPHONE,
    UPPER_BOUNDS,
    Number,
    beyond_bound,
    find_numbers,
    telephone_numbers,
    unsigned,
    written_date,
)
from .tally import Tally, figure_keys, is_range, tallies, tally_spans
from .times import clock_times, month_of, other_times, time_anchors, undated_times
from .vague import VagueCount, vague_counts

__all__ = [
    "AGE_MAX",
    "HAPPENED_TO_PEOPLE",
    "LOWER_BOUNDS",
    "MEASURED_THINGS",
    "PART_THINGS",
    "QUALIFIER_PHRASES",
    "SCALE_WORDS",
    "TELEPHONE",
    "TIME_UNITS",
    "UNIT_WORDS",
    "UPPER_BOUNDS",
    "WHOLE_COUNTS",
    "Measure",
    "Number",
    "NumberMismatch",
    "Quantity",
    "Tally",
    "VagueCount",
    "attribute_things",
    "beyond_bound",
    "clock_times",
    "count_kind",
    "counts_people",
    "figure_keys",
    "find_numbers",
    "is_measure",
    "is_range",
    "measures",
    "month_name",
    "month_of",
    "named_counts",
    "names_nothing",
    "noun_end",
    "number_mismatches",
    "one_kind",
    "other_times",
    "quantities",
    "tallies",
    "tally_spans",
    "telephone_numbers",
    "time_anchors",
    "told_things",
    "undated_times",
    "unsigned",
    "vague_counts",
    "word_thing",
    "written_date",
]
