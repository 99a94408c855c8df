"""How two figures read as one quantity differ (``_told_as``: a disagreement, within their hedges, or the same)
and how each is shown (``_shown``, ``_shows_hedges``, ``_unit_of``)."""

from __future__ import annotations

from ....nlp.numbers import (
    LOWER_BOUNDS,
    MEASURED_THINGS,
    UNIT_WORDS,
    UPPER_BOUNDS,
    Number,
    beyond_bound,
    counts_people,
    names_nothing,
    one_kind,
    written_date,
)
from .common import _HEDGED, _QUALIFIED_SLACK, _SAME


def _unit_of(n: Number, thing: str | None) -> str | None:
    """A figure's unit; none for a measured thing's figure whose next word it does not count: the word beside a
    magnitude ("5.9 quake", "at least 5.9 hit") is no unit of it, so one value is one reading of the detail, whatever
    word each outlet put next to it ("minus 17 degrees", ".38 caliber" keep theirs)."""
    return None if thing in MEASURED_THINGS and not n.counted else n.unit


_BOUNDS = LOWER_BOUNDS | UPPER_BOUNDS


def _shows_hedges(form: str | None, qx: str | None, qy: str | None) -> bool:
    """Whether two figures are shown with their hedges: where the hedges are what differ, or where one bounds what
    the other is beyond ("over 50" / "46": shown as "50", it would read as a plain disagreement)."""
    return form == _HEDGED or (qx != qy and bool({qx, qy} & _BOUNDS))


def _shown(n, mismatch: str, text: str = "", hedged: bool = False) -> str:
    """A number as the detail shows it: with its unit when the units are what differ, with its hedge as the
    text writes it when asked (``hedged``: the hedges are what differ, "more than 50" / "54")."""
    if hedged and n.qualifier:
        before = text[: n.start].rstrip()
        if before.lower().endswith(n.qualifier):
            return text[len(before) - len(n.qualifier) : n.end]
    if mismatch == "unit" and n.unit and n.unit not in n.text:
        return f"{n.unit}{n.text}" if n.kind == "money" and len(n.unit) == 1 else f"{n.text} {n.unit}"
    if n.kind == "date" and text:
        return written_date(text, n)
    return n.text


def _told_as(a: Number, b: Number, mismatch: str, a_text: str | None, b_text: str | None) -> str | None:
    """How two numbers read as one quantity differ: a disagreement (None); ``hedged``, two values that agree
    within their hedges ("more than 100 mph" / "up to 120 mph", "about 6.0" / "5.9"): no contradiction, but a
    reader comparing the outlets wants to see each one's figure; or _SAME, no difference to show."""
    if _conflicting(a, b, mismatch, a_text, b_text):
        return None
    if mismatch == "value" and a.kind == b.kind and a.qualifier != b.qualifier and a.value != b.value:
        return _HEDGED
    return _SAME


def _conflicting(a: Number, b: Number, mismatch: str, a_text: str | None, b_text: str | None) -> bool:
    """Whether two numbers telling one quantity differently are a contradiction a reader would see:
    a year is not a count ("2008 event" / "six years"), "more than $1 million" does not contradict
    "$1.1 million" (``_told_as`` shows it as hedged), and "544 women ... store managers" / "544 store
    managers" count the same people (each side's unit word is in the other's text; asked only with the texts)."""
    if a.kind != b.kind:
        return False
    if mismatch == "unit" and counts_people(a.unit) and counts_people(b.unit):
        return False  # "three people" / "three workers": the same people, described another way
    if mismatch == "unit" and one_kind(a.unit, b.unit):
        return False  # "11 shots" / "11 rounds": the same things in other words
    if mismatch == "unit" and (names_nothing(a.unit) or names_nothing(b.unit)):
        return False  # "hit eleven times" / "fired 11 shots": one side names nothing the other does not
    if mismatch == "unit" and (a.unit in UNIT_WORDS) != (b.unit in UNIT_WORDS):
        return False  # "1,500 houses" / "1,500 km": a count and a measure are two quantities
    if mismatch == "unit" and a.unit and b.unit and a_text is not None and b_text is not None:
        if a.unit[:5].lower() in b_text.lower() or b.unit[:5].lower() in a_text.lower():
            return False
    # A range agrees with a figure or a range it overlaps: "as many as 30 to 40" / "about 40" / "35 to 40".
    if mismatch == "value" and (a.upper is not None or b.upper is not None):
        if a.value <= (b.upper if b.upper is not None else b.value) and b.value <= (
            a.upper if a.upper is not None else a.value
        ):
            return False
    # "more than $1 million" and "$1.1 million" agree; "about 200" and "about 240" do not; "more than eight" and "seven"
    # do not either, however near (data/quantities.toml [bounds]).
    if mismatch == "value" and a.qualifier != b.qualifier and a.value and b.value:
        if beyond_bound(a.qualifier, a.value, b.value) or beyond_bound(b.qualifier, b.value, a.value):
            return True
        low, high = sorted((a.value, b.value))
        if high <= low * _QUALIFIED_SLACK:
            return False
    return True
