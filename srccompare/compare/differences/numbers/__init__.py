"""Figures: the same quantity given with another value or another unit; each figure carries its unit
and the source the article credits for it.

Three ways find the figures that tell one quantity: ``number_mismatches`` (numbers with the same unit,
or the same value); the words just before a number: two numbers that follow the same words
("camp is estimated at around 40,000" / "... around 48,000") count the same thing whatever unit
either gives; and the one figure each text gives of a measured thing (``_one_thing``: "5. 9-magnitude" /
"6. 1-magnitude"). A figure written another way with the same value and unit ("2 percent" / "2%",
"660 million" / "660m") is a ``number`` difference of the form ``notation``: shown, never a
disagreement; so are two values that agree within their hedges (``hedged``: "more than 50" / "54").

The family is one module per job: ``detect`` (the detector, registered on import), ``pairing``
(``_pair_figures``), ``pairs`` (its rules that find pairs of figures), ``figures`` (what is read of one
text), ``measures``, ``claims`` (the words and times around a figure), ``word_diff``, ``shown`` (how a
pair differs and is shown) and ``common`` (the thresholds and labels they share).
"""

from __future__ import annotations

from . import detect  # noqa: F401  (registers the ``number`` detector)
from .common import COUNTS_APART, _apart
from .figures import _by_context
from .pairs import _paired

# What other modules import from here (compare.units, compare.figure_groups, tests).
__all__ = ["COUNTS_APART", "_apart", "_by_context", "_paired"]
