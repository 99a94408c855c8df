"""What the pair rules read of one text's figures, once a text (``_Figures``, ``_figures``), and what they ask of
it: whether it gives a figure too, how it writes one, what a figure is a figure of (``_thing``, ``_thing_told``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .... import data
from ....nlp.memo import per_sentence
from ....nlp.numbers import (
    HAPPENED_TO_PEOPLE,
    PART_THINGS,
    UNIT_WORDS,
    Measure,
    Number,
    Tally,
    VagueCount,
    counts_people,
    find_numbers,
    is_range,
    measures,
    month_name,
    quantities,
    tally_spans,
    telephone_numbers,
    vague_counts,
    word_thing,
)
from ....nlp.tokens import STOP_WORDS, tokens
from .claims import _Month, _off_times, _sentences
from .common import _DISTANCE, CONTEXT_SPAN, CONTEXT_WORDS
from .measures import _one_per_dimension
from .word_diff import _WEEKDAY_ORDER


@dataclass(frozen=True)
class _Figures:
    """What the pair rules read of one text, read once."""

    numbers: tuple[Number, ...]
    units: bool  # some figure as number_mismatches pairs them (keyed) has a unit: it can find something
    context: dict[tuple[str, ...], Number]  # see _by_context
    forms: dict[tuple, dict[str, Number]]  # see _forms
    tokens: tuple[str, ...]
    digits: bool  # some token starts with a digit: _replaced can find something
    measures: dict[str, Measure]  # dimension -> the one time of day, duration, area, length or speed the text gives
    vague: dict[str, VagueCount]  # counted noun -> the one count the text tells without a number
    things: dict[int, str]  # a figure's start -> what it is a figure of, where the word lists say (quantities, sure)
    rest: frozenset[int]  # starts of the figures that count the rest of a set ("two other victims", "two others")
    parts: frozenset[float]  # per sentence giving figures of more than one [parts] thing, the sum of those figures
    totals: frozenset[tuple[str, float]]  # per sentence counting one noun two ways or more, (noun, the counts' sum)
    keyed: tuple[Number, ...]  # the figures as number_mismatches pairs them (_by_thing)
    at: dict[int, Number]  # each figure by where it starts in the text
    tallied: frozenset[float] = frozenset()  # the two numbers of each record or score it gives ("58-3": 58, 3)
    tallies: tuple[Tally, ...] = ()  # its records, votes and scores, ranges aside ("5-10 minutes")
    weekdays: bool = False  # some token is a day of the week: _replaced can find one told two ways


@per_sentence
def _figures(text: str) -> _Figures:
    tallies = tuple(t for t in tally_spans(text) if not is_range(text, t))
    # the two counts of a vote written with "to" ("52 to 48") are compared as the tally, not also one by one
    numbers = tuple(n for n in find_numbers(text) if not any(t.start <= n.start < t.end for t in tallies))
    # A time of day compared as a measure is not also compared as its hour and minute tokens ("3:30" / "3:33": not
    # 30 / 33); one that is not (two in one text: "scored at 7:14 and ... at 19:56") keeps its tokens.
    compared = _one_per_dimension(measures(text))
    clock = compared.get("clock")
    masked = (
        text if clock is None else text[: clock.start] + " " * len(clock.text) + text[clock.start + len(clock.text) :]
    )
    for start, end in telephone_numbers(masked):
        masked = masked[:start] + " " * (end - start) + masked[end:]  # "0845 125 2222": no figure, so no token of one
    toks = tuple(tokens(masked))
    found = quantities(text)
    things = {q.number.start: q.thing for q in found if q.sure}
    spans = _sentences(text)
    sums = []
    for a, b in spans:
        parts = [q for q in found if q.sure and q.thing in PART_THINGS and a <= q.number.start < b]
        if len({q.thing for q in parts}) > 1:
            sums.append(sum(q.number.value for q in parts))
    totals: dict[tuple[int, str], list[float]] = {}
    counts = [n for n in numbers if n.kind == "cardinal" and n.counted and n.unit and n.value > 0]
    if len(counts) > 1:
        for n in counts:
            sentence = next((k for k, (a, b) in enumerate(spans) if a <= n.start < b), -1)
            totals.setdefault((sentence, n.unit or ""), []).append(n.value)
    keyed = _by_thing(numbers, things, text)
    return _Figures(
        numbers,
        any(n.unit for n in keyed),
        _by_context(text, numbers),
        _forms(text, numbers),
        toks,
        any(t[0].isdigit() for t in toks),
        compared,
        {v.unit: v for v in vague_counts(text)},
        things,
        frozenset(n.start for n in numbers if _REST_AFTER.match(text, n.end) or _REST_BEFORE.search(text, 0, n.start)),
        frozenset(sums),
        frozenset((unit, sum(values)) for (_, unit), values in totals.items() if len(values) > 1),
        keyed,
        {n.start: n for n in numbers},
        frozenset(float(part) for t in tally_spans(text) for part in (t.first, t.second)),
        tallies,
        any(t in _WEEKDAY_ORDER for t in toks),
    )


# "two other victims", "two others", "the other two": a count of the rest of a set; "another five people": a count
# of more of them, not of them all.
_REST_AFTER = re.compile(r"\s+others?\b", re.IGNORECASE)
_REST_BEFORE = re.compile(r"\b(?:an)?other\s+$", re.IGNORECASE)


def _by_thing(numbers: Sequence[Number], things: dict[int, str], text: str) -> tuple[Number, ...]:
    """The text's figures (``numbers``, ``things`` by start) as ``number_mismatches`` pairs them: a toll (what happens
    to people, quantities.toml [happened_to_people]: deaths, injuries, arrests...) told right beside a word of its thing,
    whose counted noun is missing or an unsure word that counts no people ("killing 10 and injuring 80", "wounding other
    70", "at least 50 injured"), is matched by that thing: injuries 80 / 70. A count of people ("10 people", "one
    person") keeps its noun, by which it is matched already. Only right beside it, within one clause: in "killing
    Benjamin David Banky, 40." or "were arrested, and one was charged" the word is another figure's. Read with the
    rest of a text's figures (``_figures``), once a text, not once a pair."""
    out = []
    for n in numbers:
        thing = things.get(n.start)
        if (
            thing in HAPPENED_TO_PEOPLE
            and thing is not None
            and n.kind == "cardinal"
            and (n.unit is None or not (n.counted or counts_people(n.unit)))
            and _told_beside(text, n, thing)
        ):
            n = dataclasses.replace(n, unit=thing)
        out.append(n)
    return tuple(out)


_TOLLS = data.load("quantities")["tolls"]
# Words a toll's number and its thing's word may have between them: "wounding other 70", "injuring another 12".
_BESIDE_SKIP = frozenset(_TOLLS["beside"])
# Where a clause ends: a comma, semicolon, colon or stop before a space or the end (not inside "5.9" or "120,000").
_CLAUSE_END = re.compile(r"[,;:.!?](?:\s|$)")


def _told_beside(text: str, n: Number, thing: str) -> bool:
    """Whether a word of ``thing`` (``word_thing``) stands next to the figure ``n``, before it or after it, with only
    _BESIDE_SKIP words between and no clause end (_CLAUSE_END)."""
    before = _CLAUSE_END.split(text[max(0, n.start - 40) : n.start])[-1].lower().split()
    after = _CLAUSE_END.split(text[n.end : n.end + 40])[0].lower().split()
    for words in (list(reversed(before)), after):
        for w in words[:3]:
            if word_thing(w) == thing:
                return True
            if w not in _BESIDE_SKIP:
                break
    return False


def _by_context(text: str, numbers: Sequence[Number]) -> dict[tuple[str, ...], Number]:
    out: dict[tuple[str, ...], Number] = {}
    seen: set[tuple[str, ...]] = set()
    for n in numbers:
        near = tokens(text[: n.start])[-CONTEXT_SPAN:]
        before = tuple(t for t in near if t not in STOP_WORDS and not t[0].isdigit())[-CONTEXT_WORDS:]
        if len(before) < CONTEXT_WORDS:
            continue
        if before in seen:
            out.pop(before, None)  # two numbers after the same words: which is which is unknown
            continue
        seen.add(before)
        out[before] = n
    return out


def _written(text: str, n: Number) -> str:
    """A figure as written, with the unit word after it when there is one ("38 kilometers")."""
    shown = text[n.start : n.end]
    after = text[n.end :].split(maxsplit=1)
    if after and after[0].strip(".,;:)").lower() in UNIT_WORDS:
        shown += " " + after[0].strip(".,;:)")
    return shown


def _form(written: str) -> str:
    """How a figure is written, without the separators that change nothing (7,000 / 7000)."""
    return written.replace(",", "").replace(" ", "").lower()


def _forms(text: str, numbers: Sequence[Number]) -> dict[tuple, dict[str, Number]]:
    """The figures of ``text`` with a unit, a percent or money, by (value, unit, kind): each way the
    text writes it (see _form), with the first figure written that way."""
    forms: dict[tuple, dict[str, Number]] = {}
    for n in numbers:
        if n.upper is not None and not any(c.isalpha() or c == "%" for c in n.text):
            continue  # the low end of a range, written bare ("between 40 and 80 percent"): its unit is the high end's
        if n.unit or n.kind in ("percent", "money"):
            forms.setdefault((n.value, n.unit, n.kind), {}).setdefault(_form(_written(text, n)), n)
    return forms


def _given(side: _Figures) -> set[tuple[str | None, float]]:
    """The (unit, value) of each figure a text gives, both ends of a range ("between $178 million and $184 million")."""
    return {(n.unit, v) for n in side.keyed for v in (n.value, n.upper) if v is not None}


def _measured_figure(side: _Figures, n: Number) -> bool:
    """Whether a figure is the number of a measure the text gives (a span, a time of day, a distance)."""
    return any(m.start == n.start for m in side.measures.values())


def _written_as(side: _Figures, token: str) -> Number | None:
    """The figure of a text written as ``token``, when one is."""
    return next((n for n in side.numbers if n.text == token), None)


def _told_whole(token: str, side: _Figures, which: int, told: set[tuple[int, str]]) -> bool:
    """Whether the figure a token of the word diff belongs to is already told as a whole for that side."""
    return any(token in tokens(n.text) and (which, n.text) in told for n in side.numbers)


def _within_a_figure(token: str, side: _Figures) -> bool:
    """Whether a token is the thousands of a figure re-spaced into several tokens ("120" of "120, 000"), which is
    compared whole. (The first token of "2.5 million" or of "40 to 80 percent" is still compared: the word diff
    is what finds a range's changed end.)"""
    return any(n.text.startswith(token + ",") for n in side.numbers)


def _shares_a_figure(fa: _Figures, x: Number, fb: _Figures, y: Number) -> bool:
    """Whether either text also gives the figure the other is paired by (``_gives``): then the pair is not one figure
    told two ways, whichever branch paired it."""
    return _gives(fa, y) or _gives(fb, x)


def _gives(side: _Figures, n: Number) -> bool:
    """Whether a text gives ``n``'s value too, with its unit or with none ("compared to 47 the previous night"), or
    as one of the two numbers of a record ("improves to 58-3 with 51 wins by knockout" gives the "58 wins" of "a
    career record of 58 wins and three defeats"): a figure both sides give is no disagreement, whatever else each
    pairs it with."""
    if n.kind == "cardinal" and n.value in side.tallied:
        return True
    return any(m.value == n.value and m.kind == n.kind and m.unit in (n.unit, None) for m in side.numbers)


def _thing(side: _Figures, n: Number) -> str | None:
    """What a figure is a figure of, for the reader: the word lists' thing ("death"), else its counted noun, else
    what kind of figure it is (a sum of money, a percentage), so that sums are never listed among counts."""
    found = side.things.get(n.start) or (n.unit if n.counted and n.unit and n.kind == "cardinal" else None)
    return found or _KIND_THING.get(n.kind)


def _dated(thing: str | None, times: frozenset[str]) -> str | None:
    """The thing of a figure told beside a past time, with that time ("death in 2003", "in February"): the figures of
    a past happening are shown apart from the report's own, and only compared with figures of that time."""
    if not times:
        return thing
    when = " ".join(
        sorted((t if t.isdigit() else month_name(t).capitalize() for t in times), key=lambda t: (t.isdigit(), t))
    )
    return f"{thing} in {when}" if thing else f"in {when}"


# What a figure of no known thing is, by its kind (Number.kind), for NumberUse.thing.
_KIND_THING = {"money": "money", "percent": "percent", "date": "date"}


# The place a distance is measured from, after its number: within this many characters, in its clause (a unit
# converted in brackets may stand between: "1, 150 kilometers (700 miles) southeast of Tehran").
_PLACE_REACH = 50
_BRACKETED = re.compile(r"\([^)]*\)")
_PLACE_WORD = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*|[a-z][\w'-]*")
_DISTANCE_FROM = frozenset(data.load("quantities")["distance_from"]["words"].split())


def _place_after(text: str, n: Number) -> str | None:
    """What a distance is measured from: the first word after it that is no direction, unit or stop word ("west of
    Aden", "southwest of Bandar Abbas" as written, "from shore"), or None (nothing follows in its clause)."""
    after = text[n.end : n.end + _PLACE_REACH]
    end = _CLAUSE_END.search(after)
    after = _BRACKETED.sub(" ", after[: end.start()] if end else after)
    for m in _PLACE_WORD.finditer(after):
        word = m.group().split()[0].lower()
        if word not in STOP_WORDS and word not in _DISTANCE_FROM:
            return m.group() if m.group()[0].isupper() else word
    return None


def _thing_told(side: _Figures, text: str, n: Number, now: _Month | None) -> str | None:
    """NumberUse.thing of a figure as compared: its thing (``_thing``), a distance with the place it is measured from
    ("distance from Tehran"), dated when told beside a past time (``_dated``)."""
    thing = _thing(side, n)
    if thing == _DISTANCE and (place := _place_after(text, n)) and place[0].isupper():
        thing = f"{_DISTANCE} from {place}"
    return _dated(thing, _off_times(text, n, now))
