"""Measures (a time of day, a span of time, an area, a length, a speed): which of a text's are compared, when two
of one dimension disagree or are one figure converted, and what a span of time measures (its role)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .... import data
from ....nlp.numbers import Measure, Number, beyond_bound, measures
from .claims import _alike, _around
from .common import _QUALIFIED_SLACK, CLOCK_SLACK, CONVERTED


def _one_per_dimension(found: Sequence[Measure]) -> dict[str, Measure]:
    """The text's measures of the dimensions it gives one figure of: with two times or two spans in one sentence,
    which of them the other outlet's figure tells is unknown."""
    dims = [m.dimension for m in found]
    return {m.dimension: m for m in found if dims.count(m.dimension) == 1}


def _measured(a: dict[str, Measure], b: dict[str, Measure]) -> list[tuple[Measure, Measure]]:
    """The measures of one dimension both texts give (one each), unless they name different clock zones."""
    out = []
    for dim, x in a.items():
        y = b.get(dim)
        if y is None or (x.zone and y.zone and x.zone != y.zone):
            continue
        out.append((x, y))
    return out


def _converted(x: Measure, y: Measure) -> bool:
    """Whether two measures that do not conflict are one figure in two units (``notation``), not two values that
    agree within their hedges: within CONVERTED of each other, or within half a step of the coarser figure (converted,
    then rounded to its last digit: "3 miles" / "5km", 4.8 km)."""
    low, high = sorted((x.value, y.value))
    return high <= low * (1 + CONVERTED) or (x.factor != y.factor and high - low <= max(x.step, y.step) / 2)


def _with_hedge(m: Measure) -> str:
    """A measure as the detail shows it when the hedges are what differ: "more than 100 mph", "about 6am"."""
    if not m.qualifier or m.qualifier in m.text.lower():
        return m.text
    return f"{m.qualifier} {m.text}"


def _measure_conflict(x: Measure, y: Measure) -> bool:
    """Whether two measures of one dimension disagree: times of day more than CLOCK_SLACK apart when one is
    hedged (else any difference), spans and areas by more than CONVERTED, or by _QUALIFIED_SLACK when hedged
    differently ("about a minute" / "30 seconds" disagree; "more than an hour" / "70 minutes" do not)."""
    low, high = sorted((x.value, y.value))
    if x.dimension == "clock":
        return high - low > (CLOCK_SLACK if (x.qualifier or y.qualifier) else 0.0)
    if _converted(x, y):
        return False
    if beyond_bound(x.qualifier, x.value, y.value) or beyond_bound(y.qualifier, y.value, x.value):
        return True  # "more than eight years" / "seven years"
    return not (x.qualifier != y.qualifier and high <= low * _QUALIFIED_SLACK)


_SPAN_ROLES = data.load("quantities")["span_roles"]
_OFFSET_AFTER = re.compile(r"\s*(?:" + "|".join(_SPAN_ROLES["offset"]) + r")\b", re.IGNORECASE)


def _span_role(text: str, m: Measure) -> str:
    """What a span of time measures (quantities.toml ``[span_roles]``): "offset", the time between two happenings,
    else "lasted"."""
    return "offset" if _OFFSET_AFTER.match(text, m.start + len(m.text)) else "lasted"


# What a span of each role (_span_role) is a figure of, for the reader: a group's spans of two roles are shown apart.
_SPAN_THINGS = {"lasted": "duration", "offset": "interval"}


def _figure_role(text: str, n: Number) -> str:
    """_span_role of the span of time a figure is the number of ("lasted" when it is none)."""
    span = next(
        (m for m in measures(text) if m.dimension == "duration" and m.start <= n.start < m.start + len(m.text)), None
    )
    return _span_role(text, span) if span is not None else "lasted"


def _measured_thing(text: str, m: Measure) -> str:
    """NumberUse.thing of a measure: its dimension, or for a span of time what it measures (``_span_role``)."""
    return _SPAN_THINGS[_span_role(text, m)] if m.dimension == "duration" else m.dimension


def _same_words(ta: str, x: Measure, tb: str, y: Measure) -> bool:
    """_same_surroundings for two measures (their words are in their text: no counted noun to skip)."""
    return _alike(
        _around(ta, x.start, x.start + len(x.text), False), _around(tb, y.start, y.start + len(y.text), False)
    )
