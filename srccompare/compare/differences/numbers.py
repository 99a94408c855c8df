"""Figures: the same quantity given with another value or another unit; each figure carries its unit
and the source the article credits for it.

Three ways find the figures that tell one quantity: ``number_mismatches`` (numbers with the same unit,
or the same value); the words just before a number: two numbers that follow the same words
("camp is estimated at around 40,000" / "... around 48,000") count the same thing whatever unit
either gives; and the one figure each text gives of a measured thing (``_one_thing``: "5. 9-magnitude" /
"6. 1-magnitude"). A figure written another way with the same value and unit ("2 percent" / "2%",
"660 million" / "660m") is a ``number`` difference of the form ``notation``: shown, never a
disagreement; so are two values that agree within their hedges (``hedged``: "more than 50" / "54").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ... import data
from ...model import Difference, NumberUse
from ...nlp.memo import per_sentence
from ...nlp.numbers import (
    HAPPENED_TO_PEOPLE,
    LOWER_BOUNDS,
    MEASURED_THINGS,
    PART_THINGS,
    SCALE_WORDS,
    TIME_UNITS,
    UNIT_WORDS,
    UPPER_BOUNDS,
    WHOLE_COUNTS,
    Measure,
    Number,
    Tally,
    VagueCount,
    beyond_bound,
    counts_people,
    find_numbers,
    is_range,
    measures,
    month_name,
    month_of,
    names_nothing,
    number_mismatches,
    one_kind,
    other_times,
    quantities,
    tally_spans,
    telephone_numbers,
    time_anchors,
    undated_times,
    unsigned,
    vague_counts,
    word_thing,
    written_date,
)
from ...nlp.sentences import sentence_spans
from ...nlp.tokens import SMALL_NUMBERS, STOP_WORDS, TENS, WEEKDAYS, tokens
from . import register
from .reading import CLAIM_SHARED, CLAIM_WINDOW, CLAUSE_OPENERS, Side, minority, per_side, token_key
from .sources import side_sources

# A qualified number ("about", "more than") agrees with any value within this factor of it.
_QUALIFIED_SLACK = 1.25
# Two numbers tell one quantity when the same this many content words come before them, within
# CONTEXT_SPAN words: "the population ... estimated at around 40,000" / "... around 48,000".
CONTEXT_WORDS = 2
CONTEXT_SPAN = 6
# A number replaced by another in the word diff counts when this many equal words stand either side.
REPLACED_CONTEXT = 2
# Two times of day, one of them hedged ("about 6am", "shortly after 06:00"), agree within this many minutes.
CLOCK_SLACK = 15.0
# Two durations more than this many times apart are spans of two things ("a three-week trial" / "a 15-year
# veteran", "eight years" / "two seconds"), not one span told two ways ("about a minute" / "30 seconds").
SPANS_APART = 10.0
# Two spans of time that disagree are one span told two ways only when this many content words within CLAIM_WINDOW of
# them are shared ("the tremor lasted 30 seconds" / "felt the tremor for about a minute"): a story holds many spans
# ("pulled over after about 15 minutes" / "about two hours after the shooting"; "a one-year contract extension" /
# "their first postseason berth in four years"). One word, not CLAIM_SHARED: a span's clause is short.
SPAN_SHARED = 1
# Two measures in different units are one figure converted when they are within this share of each other
# ("170,000-square-foot" is 15,794 square metres, written "15,800-square-metre"), or within half a step of
# either's last written digit ("3 miles" is 4.83 km, written "5km").
CONVERTED = 0.02
# A figure of a known thing (a crowd, a toll) and one of no known thing more than this many times apart count two
# things ("20,000 people marched" / "around 20 more people had to be ushered to safety"), not one thing told two ways.
COUNTS_APART = 10.0
# Two ages more than this many times apart are the ages of two happenings of a life (or of two people) unless their
# claims share CLAIM_SHARED words: an age told two ways is a year or two off, or two digits swapped ("38" / "83").
AGES_APART = 1.5
# Two tallies whose counts add up to totals more than this many times apart count different stretches or ballots (an
# "18-30 record" at the start of last season / a "9-14 start" this season; a career and a season), not one tally told
# two ways: an outlet a game behind ("9-14" / "9-15"), a vote miscounted by one ("52-47" / "53-47"), or a record with a
# count mistyped ("162-139" / "122-147") adds up to about the same games or votes cast.
TALLIES_APART = 1.5


@register("number")
def _number(sides: list[Side]) -> Difference | None:
    # A side that tells the fact in a clause of a longer sentence is not compared: a clause lifted out of its
    # sentence can lose what its figure counts ("Police said at least three people" [were killed]). Nor is a side that
    # joined the group by resembling it on average: its figures may be of a neighbouring claim (the bailout's "110 billion
    # euros" beside the "30 billion euros" of savings it was bought with).
    sides = [s for s in sides if not s.loose]
    if len(sides) < 2:
        return None
    texts = {s.article: s.text for s in sides}
    now = {s.article: month_of(s.published) for s in sides}
    # Each text is read once (its figures, the words before them, its tokens), not once per pair.
    read = {a: _figures(t) for a, t in texts.items()}
    credits = per_side(sides, lambda s: ", ".join(sorted(side_sources(s))) or None)
    credited = {s.article: c for s, c in zip(sides, credits)}
    # The uses of each form (_FORMS).
    tables: dict[str | None, dict[str, dict[str, NumberUse]]] = {form: {} for form in _FORMS}

    ids = sorted(texts)
    # Sides often print the same text: each ordered pair of texts is read once, then told to every
    # pair of articles that print them.
    readings: dict[tuple, list[_Told]] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if texts[a] == texts[b]:
                continue  # one text twice: every figure is the same figure, written the same way
            pair = (texts[a], texts[b], now[a], now[b])
            told = readings.get(pair)
            if told is None:
                told = readings[pair] = _pair_figures(texts[a], texts[b], read[a], read[b], now[a], now[b])
            for kind, which, shown, value, unit, first, thing in told:
                article = (a, b)[which]
                table = tables[kind].setdefault(article, {})
                use = NumberUse(shown, value, unit, credited[article], thing)
                if first:
                    table.setdefault(shown, use)
                else:
                    table[shown] = use
    forms = [f for f in _FORMS if tables[f]]
    if not forms:
        return None
    form = forms[0]
    found = tables[form]
    for table in found.values():
        _one_way_each(table)
    if form is None:
        _beside(found, tables[_HEDGED])
    per = {a: frozenset((n.unit, n.value) for n in read[a].numbers) for a in found}
    departing = tuple(a for a in minority(per) if a in found) or tuple(sorted(found))
    used = {a: tuple(sorted(found[a])) for a in sorted(found)}
    numbers = {a: tuple(found[a][t] for t in used[a]) for a in used}
    return Difference("number", "", departing, {a: used[a] for a in departing}, used=used, numbers=numbers, form=form)


def _one_way_each(table: dict[str, NumberUse]) -> None:
    """One figure written once: an article's figure shown with its hedge against one outlet ("at least three", beside
    "10") and bare against another with the same hedge ("three", beside "at least 300") is shown with it."""
    for shown, use in list(table.items()):
        if any(
            other != shown and other.endswith(" " + shown) and (u.value, u.unit) == (use.value, use.unit)
            for other, u in table.items()
        ):
            del table[shown]


def _beside(found: dict[str, dict[str, NumberUse]], hedged: dict[str, dict[str, NumberUse]]) -> None:
    """Figures told within hedges ("about 6.0" / "5.9" magnitude) beside a disagreement on another quantity (the
    toll) are shown with it, marked: the difference has one form, and the disagreement's would hide them. Not a
    value an article already shows in the disagreement ("about 100,000" beside its "100,000"), and only where at
    least two values remain: a lone figure differs from nothing shown."""
    extra = {
        a: {
            t: u
            for t, u in uses.items()
            if (u.value, u.unit) not in {(v.value, v.unit) for v in found.get(a, {}).values()}
        }
        for a, uses in hedged.items()
    }
    if len({(u.value, u.unit) for uses in extra.values() for u in uses.values()}) < 2:
        return
    for a, uses in extra.items():
        for shown, use in uses.items():
            found.setdefault(a, {})[shown] = dataclasses.replace(use, form=_HEDGED)


# One use of a figure that a pair of texts tells: (its form: None for a disagreement, "hedged", "currency" or
# "notation"; which text (0: the first), as shown, its value, its unit or dimension, whether an earlier use of
# the same text is kept, what it is a figure of where known: NumberUse.thing).
_Told = tuple[str | None, int, str, float | None, str | None, bool, str | None]
_NOTATION = "notation"
_CURRENCY = "currency"
_HEDGED = "hedged"
# A difference's form, the first found in this order: a disagreement (None), two values that agree within
# their hedges, a sum in two currencies (not comparable here), the same figure written another way.
_FORMS: tuple[str | None, ...] = (None, _HEDGED, _CURRENCY, _NOTATION)
# _told_as: two numbers that are no difference at all.
_SAME = "same"
# What "the second time" counts: occasions, each sentence its own unless the words around agree ("for the second
# time" / "for the third time").
_OCCASION = "time"
# The thing of a length (nlp.numbers): two of one story are more often from two places than one told two ways.
_DISTANCE = "distance"
# A person's age (quantities.toml [things]).
_AGE = "age"
# What a record, a vote or a score counts: its unit and thing in a NumberUse.
_TALLY = "tally"


def _unit_of(n: Number, thing: str | None) -> str | None:
    """A figure's unit; none for a measured thing's figure whose next word it does not count: the word beside a
    magnitude ("5.9 quake", "at least 5.9 hit") is no unit of it, so one value is one reading of the detail, whatever
    word each outlet put next to it ("minus 17 degrees", ".38 caliber" keep theirs)."""
    return None if thing in MEASURED_THINGS and not n.counted else n.unit


def _pair_figures(
    ta: str, tb: str, fa: _Figures, fb: _Figures, now_a: _Month | None = None, now_b: _Month | None = None
) -> list[_Told]:
    """What two texts' figures tell against each other, in the order _number records it; ``now_a``, ``now_b``:
    the (year, month) of each text's article, when known."""
    out: list[_Told] = []

    def past_apart(x: Number, y: Number) -> bool:
        # "more than 26, 000 people in the ancient city of Bam in December 2003" / "10 people were killed": the
        # toll of another quake, told as background; both beside December 2003, one toll told two ways. A year
        # is the time itself: two years of one happening are compared by their claim (below).
        if x.kind == "year" or y.kind == "year":
            return False
        return _off_times(ta, x, now_a) != _off_times(tb, y, now_b)

    def both(form: str | None, x: Number, y: Number, shown_x: str, shown_y: str) -> None:
        thing_x, thing_y = _thing_told(fa, ta, x, now_a), _thing_told(fb, tb, y, now_b)
        out.extend(
            [
                (form, 0, shown_x, x.value, _unit_of(x, thing_x), False, thing_x),
                (form, 1, shown_y, y.value, _unit_of(y, thing_y), False, thing_y),
            ]
        )

    def compared(x: Number, y: Number, mismatch: str, by_texts: bool = True) -> None:
        # the two figures as _told_as reads them (asking it with the texts or without), each shown accordingly
        form = _told_as(x, y, mismatch, ta if by_texts else None, tb if by_texts else None)
        if form != _SAME:
            hedges = _shows_hedges(form, x.qualifier, y.qualifier)
            both(form, x, y, _shown(x, mismatch, ta, hedges), _shown(y, mismatch, tb, hedges))

    def other_things(x: Number, y: Number) -> bool:
        # "three people died" / "20,000 people marched": a toll and a crowd, two quantities of one noun
        tx, ty = fa.things.get(x.start), fb.things.get(y.start)
        if tx is not None and ty is not None:
            if tx == ty == _AGE and _apart(x.value, y.value, AGES_APART):
                # "At the age of 10, Page began to mimic actresses" / "has died at the age of 85": the ages of two
                # happenings of a life, one age told two ways only in one claim
                return len(_claim_around(ta, x) & _claim_around(tb, y)) < CLAIM_SHARED
            if tx == ty and _apart(x.value, y.value, COUNTS_APART):
                # "injuring at least two people" (a TV crew) / "at least 70 people injured in cities across the
                # country": figures of one thing so far apart tell one figure only in one claim
                return len(_claim_around(ta, x) & _claim_around(tb, y)) < CLAIM_SHARED
            return tx != ty
        if (tx is None) != (ty is None) and _apart(x.value, y.value, COUNTS_APART):
            return True
        if (tx is None) != (ty is None) and len(_claim_around(ta, x) & _claim_around(tb, y)) < CLAIM_SHARED:
            return True  # "Three people died when an Athens bank went up in flames" / "Around 20 more people had to be
            # ushered to safety": a toll, and a count of no known thing that shares nothing of its claim
        if (
            x.kind in ("money", "cardinal")
            and tx is None
            and ty is None
            and _apart(x.value, y.value, COUNTS_APART)
            and not _same_surroundings(ta, x, tb, y)
        ):
            return True  # "paid $3 million" / "$363 million in the till": a fee and a gross, two sums
        # "the two other victims" counts the rest of a set, not the set ("two other rifles" / "three other rifles"
        # is one rest told twice); "shot three people" counts the victims "killed one and injured two" gives in parts
        if (tx is None or ty is None) and (x.start in fa.rest) != (y.start in fb.rest):
            return True
        if (tx is None and x.value in fb.parts) or (ty is None and y.value in fa.parts):
            return True
        # "shot three people, killing one" / "shot to death one person": where one figure is a toll and the
        # other's text gives a toll of its own, that toll is what it is compared with, not its other figure
        return (tx is None and ty is not None and ty in fa.things.values()) or (
            ty is None and tx is not None and tx in fb.things.values()
        )

    def two_places(x: Number, y: Number, named: bool = False) -> bool:
        # "150 nautical miles west of Aden" / "13 nautical miles from the merchant vessel": two distances of one story
        # are of one fact only from one place ("35 miles southwest of Bandar Abbas" / "58km south-west of Bandar Abbas"),
        # or from none named ("rated for up to 277 miles" / "554 miles"); with ``named``, only two places named set
        # them apart (the words around them are alike)
        if not fa.things.get(x.start) == _DISTANCE == fb.things.get(y.start):
            return False
        here, there = _place_after(ta, x), _place_after(tb, y)
        if named and (here is None or there is None):
            return False
        return (here or "").casefold() != (there or "").casefold()

    def same_thing(x: Number, y: Number) -> bool:
        tx = fa.things.get(x.start)
        return tx is not None and tx == fb.things.get(y.start)

    if fa.units and fb.units:
        # the units of which both texts give one same figure: a pair of their other figures of that unit is a guess
        agreed = _given(fa) & _given(fb)
        agreed_units = {unit for unit, _ in agreed}
        for keyed in number_mismatches(fa.keyed, fb.keyed, same_thing):
            mm = dataclasses.replace(keyed, a=fa.at[keyed.a.start], b=fb.at[keyed.b.start])
            if _measured_figure(fa, mm.a) and _measured_figure(fb, mm.b):
                continue  # "two hours" / "three hours": compared below as spans, not also as "two" / "three"
            if mm.kind == "unit" and not _same_surroundings(ta, mm.a, tb, mm.b):
                continue
            if (mm.b.unit, mm.b.value) in fa.totals or (mm.a.unit, mm.a.value) in fb.totals:
                continue  # "12 Somali and 11 Yemeni pirates" / "23 Somali and Yemeni pirates": one count, in parts
            if past_apart(mm.a, mm.b):
                continue  # among the same words too: "killed more than 26, 000 people ... in December 2003"
            if mm.a.kind == "date" == mm.b.kind and len(_date_claim(ta, mm.a) & _date_claim(tb, mm.b)) < CLAIM_SHARED:
                continue  # "On November 11, INS Tabar had repulsed two hijack attempts" / "On November 19, Tabar sank a
                # pirate vessel": the days of two happenings, whose only shared words are the month's and a name
            # Among the same words two values are one figure told two ways ("killed 5 and injured 7" / "killed 7
            # and injured 7"), whatever else the texts give; elsewhere:
            if mm.kind == "value" and not _same_surroundings(ta, mm.a, tb, mm.b):
                if mm.a.kind == "year" and len(_year_claim(ta, mm.a) & _year_claim(tb, mm.b)) < CLAIM_SHARED:
                    continue  # "divorced in 1947" / "a career in modeling in 1950": the years of two happenings
                if mm.a.kind == "ordinal" and len(_rank_claim(ta, mm.a) & _rank_claim(tb, mm.b)) < CLAIM_SHARED:
                    continue  # "stopping Rahman after 44 seconds of the seventh round" / "had him on the canvas
                    # early in the sixth round": the ranks of two happenings of a fight, a season, a week of riots
                if _shares_a_figure(fa, mm.a, fb, mm.b):
                    continue  # "six arrests Wednesday, compared to 47 the previous night" / "47 arrests overnight"
                if two_places(mm.a, mm.b):
                    continue
                if mm.a.kind == "ordinal" == mm.b.kind and mm.a.unit == _OCCASION == mm.b.unit:
                    continue  # "will host the Oscars for a second time" / "so nice as an Oscars host the first time"
                if mm.a.kind == "ordinal" and _anchors(ta, mm.a) != _anchors(tb, mm.b):
                    continue  # "In 2008, Klitschko stopped Thompson in the 11th round" / "... in the sixth round": two fights
                if mm.a.unit in TIME_UNITS and _apart(mm.a.value, mm.b.value):
                    continue  # "21 years in power" / "his death two years ago"
                if mm.a.unit in TIME_UNITS and _figure_role(ta, mm.a) != _figure_role(tb, mm.b):
                    continue  # "go into effect in about 30 days" / "takes effect nine days before Obama's inauguration"
                if (
                    mm.a.unit in agreed_units
                    and fa.things.get(mm.a.start) is None
                    and fb.things.get(mm.b.start) is None
                    and len(_claim_around(ta, mm.a) & _claim_around(tb, mm.b)) < CLAIM_SHARED
                ):
                    continue  # "in excess of $160 million ... less than the $184 million" / "$184 million, or a $23
                    # million average annual value": both give the $184 million; each one's other sum is another claim
            if not other_things(mm.a, mm.b):
                compared(mm.a, mm.b, mm.kind)
    for x, y in _named_tolls(fa, fb, ta, tb):
        # "killed 300 people" / "the death toll rose to 2,012": a figure named the toll is the whole toll, and the other
        # text's one death figure tells it too, whatever noun stands beside each
        if any(thing == _DEATH for *_, thing in out) or _shares_a_figure(fa, x, fb, y):
            continue
        if past_apart(x, y) or other_things(x, y):
            continue
        compared(x, y, "value")
    for x, y in _one_thing(fa, fb):
        # "a 5. 9 magnitude earthquake" / "the 6. 1-magnitude quake": one figure of one thing, whatever unit word
        # (or none) stands beside each, that number_mismatches pairs only by unit
        if (0, x.text) in {(w, t) for _, w, t, *_ in out} or _shares_a_figure(fa, x, fb, y):
            continue
        if len(_claim_around(ta, x) & _claim_around(tb, y)) < CLAIM_SHARED or past_apart(x, y):
            continue  # "a 6.4-magnitude quake hit the town of Zarand in February" / "a magnitude-5.9 earthquake"
        compared(x, y, "value")
    for x, y in _paired(fa.context, fb.context):
        if (x.value, x.unit) == (y.value, y.unit) or (x.value == y.value and not (x.unit and y.unit)):
            continue  # the same figure (one side naming what it counts, the other not); how it is written is read below
        # "lasted 30 seconds" / "lasted just over 10 seconds": spans, compared below, not also "30" / "10"; two lengths
        # still are (the measures' comparison sets apart distances from two places, which "up to 590 km" / "up to 590
        # miles" among the same words are not)
        if x.unit in TIME_UNITS and y.unit in TIME_UNITS and _measured_figure(fa, x) and _measured_figure(fb, y):
            continue
        if x.unit == y.unit or not (x.unit and y.unit):
            kind = "value"
        elif x.value == y.value and x.counted and x.kind in ("cardinal", "money", "percent"):
            kind = "unit"  # as number_mismatches reads it: an ordinal names a rank ("fifth NBA coach" / "fifth coach")
        else:
            continue  # another value of another thing: two quantities ("six years" / "2008 remarks")
        if two_places(x, y, named=True):
            continue
        if kind == "value" and _shares_a_figure(fa, x, fb, y):
            continue  # "eight years, $160 million - - to ... $184 million" / "eight years and $184 million": both give
            # the $184 million; the words before the other sum do not make it the same claim
        if not other_things(x, y) and not past_apart(x, y):
            compared(x, y, kind, by_texts=False)
    if fa.weekdays and fb.weekdays:
        # "The quake struck on Sunday, killing 10" / "... on Saturday, killing 10": the day of one happening told two
        # ways, among the same words
        for x_text, y_text in _replaced(fa.tokens, fb.tokens, _a_happenings_day):
            out += [
                (None, 0, x_text.capitalize(), float(_WEEKDAY_ORDER[x_text]), _DAY, True, _DAY),
                (None, 1, y_text.capitalize(), float(_WEEKDAY_ORDER[y_text]), _DAY, True, _DAY),
            ]
    told_a = {shown for _, which, shown, *_ in out if which == 0}
    for x, y in _ages_of_one_person(ta, fa, tb, fb):
        # "Smith, 45, was arrested" / "Smith, 46, was arrested": one person's age, whatever else either text gives
        if x.text not in told_a:
            compared(x, y, "value")
    tallied = _tally_pairs(ta, fa, tb, fb)
    for tx, ty in tallied:
        out += [
            (None, 0, tx.text, tx.value, _TALLY, False, _TALLY),
            (None, 1, ty.text, ty.value, _TALLY, False, _TALLY),
        ]
    if fa.digits and fb.digits:
        told = {(which, shown) for _, which, shown, *_ in out}
        told_tokens = {(which, t) for which, shown in told for t in tokens(shown)}
        for x_text, y_text in _replaced(fa.tokens, fb.tokens):
            if _within_a_figure(x_text, fa) or _within_a_figure(y_text, fb):
                continue  # "120" of "120, 000": the figure is compared whole, above
            if any(_counts_of(x_text, tx) and _counts_of(y_text, ty) for tx, ty in tallied):
                continue  # "47" / "48" of "52-47" / "52-48": compared whole, above
            if _told_whole(x_text, fa, 0, told) and _told_whole(y_text, fb, 1, told):
                continue  # "141" / "144" of "$141 billion" / "$144 billion", compared above
            if (0, x_text) in told_tokens and (1, y_text) in told_tokens:
                continue  # "26" / "27" of "November 26" / "November 27", compared above as they are shown
            nx, ny = _written_as(fa, x_text), _written_as(fb, y_text)
            if nx is not None and ny is not None and two_places(nx, ny):
                continue  # "about 13 nautical miles away from the merchant vessel" / "150 nautical miles ... from Aden"
            if nx is not None and nx.upper is not None and ny is not None and ny.upper is not None:
                continue  # "30 to 40" / "35 to 40": the low ends of two ranges, compared above as the ranges they open
            out += [
                (None, 0, x_text, _value(x_text), None, True, None),
                (None, 1, y_text, _value(y_text), None, True, None),
            ]
    for mx, my in _measured(fa.measures, fb.measures):
        conflict = _measure_conflict(mx, my)
        if conflict and mx.dimension == "length":
            continue  # two distances of one story are more often from two places ("15 miles north of", "a 30-mile chase")
        if conflict and mx.dimension == "duration" and not _same_words(ta, mx, tb, my):
            if _apart(mx.value, my.value):
                continue  # "a three-week trial" / "a 15-year veteran": spans of two things, not one span told twice
            if _span_role(ta, mx) != _span_role(tb, my):
                continue  # "nine days after suffering a heart attack" / "hospitalized for the past three weeks"
            near_x = _claim_near(ta, mx.start, mx.start + len(mx.text))
            if len(near_x & _claim_near(tb, my.start, my.start + len(my.text))) < SPAN_SHARED:
                continue  # "pulled over after about 15 minutes" / "about two hours after the shooting": two spans of a story
        if conflict or mx.unit != my.unit:
            form = None if conflict else _NOTATION if _converted(mx, my) else _HEDGED
        elif mx.value != my.value and mx.qualifier != my.qualifier:
            form = _HEDGED  # "more than 100 mph" / "up to 120 mph", "about 6am" / "shortly after 6:10am"
        else:
            continue
        hedges = _shows_hedges(form, mx.qualifier, my.qualifier)
        shown_x, shown_y = (_with_hedge(mx), _with_hedge(my)) if hedges else (mx.text, my.text)
        thing_x, thing_y = _measured_thing(ta, mx), _measured_thing(tb, my)
        out += [
            (form, 0, shown_x, mx.value, mx.dimension, False, thing_x),
            (form, 1, shown_y, my.value, my.dimension, False, thing_y),
        ]
    for (which, vague), (other, exact) in _vague_pairs(0, fa, 1, fb):
        # "several shells" / "three shells": one count told less precisely, not written another way
        form = _HEDGED if vague.low <= exact.value <= vague.high else None
        if form is None and vague.unit in TIME_UNITS:
            continue  # "a second quake jolted the area several hours later" / "in the past 24 hours": two spans
        if form is None and exact.unit != vague.unit:
            continue  # people named another way ("tens of thousands of union members" / "20, 000 people") agree at best
        out += [
            (form, which, vague.words, vague.low, vague.unit, False, vague.unit),
            (form, other, exact.text, exact.value, exact.unit, False, vague.unit),
        ]
    if fa.forms and fb.forms:
        for x, y in _rewritten(fa.forms, fb.forms):
            both(_NOTATION, x, y, _written(ta, x), _written(tb, y))
    converted = _other_currency(fa.numbers, fb.numbers)
    if converted:
        both(_CURRENCY, *converted, _written(ta, converted[0]), _written(tb, converted[1]))
    return out


def _tally_pairs(ta: str, fa: _Figures, tb: str, fb: _Figures) -> list[tuple[Tally, Tally]]:
    """Two records, votes or scores that tell one tally two ways ("voted 52-47" / "on a 53-47 vote", "compiled a
    162-139 record" / "compiled a mark of 122-147"): each text's first tally whose claim (CLAIM_SHARED content words
    within CLAIM_WINDOW) the other's shares. Not a tally either text also gives, nor one told from the other side
    ("won 102-98" / "lost 98-102"); nor two whose counts add up to totals TALLIES_APART apart (see there)."""
    out: list[tuple[Tally, Tally]] = []
    given_a = {frozenset((t.first, t.second)) for t in tally_spans(ta)}
    given_b = {frozenset((t.first, t.second)) for t in tally_spans(tb)}
    used: set[int] = set()
    for x in fa.tallies:
        if frozenset((x.first, x.second)) in given_b:
            continue
        for k, y in enumerate(fb.tallies):
            if k in used or frozenset((y.first, y.second)) in given_a:
                continue
            if _apart(max(x.played, 1), max(y.played, 1), TALLIES_APART):
                continue
            if len(_claim_near(ta, x.start, x.end) & _claim_near(tb, y.start, y.end)) < CLAIM_SHARED:
                continue
            used.add(k)
            out.append((x, y))
            break
    return out


def _ages_of_one_person(ta: str, fa: _Figures, tb: str, fb: _Figures) -> list[tuple[Number, Number]]:
    """The ages two texts give one person with two values: each set off after the same name ("Steinberg, 48," /
    "Steinberg, 49,": ``units.holder_before``)."""
    from ..units import holder_before

    def ages(text: str, side: _Figures) -> dict[str, Number]:
        found: dict[str, Number] = {}
        for n in side.numbers:
            if side.things.get(n.start) == _AGE and (holder := holder_before(text, n.start)):
                found.setdefault(holder, n)
        return found

    theirs = ages(tb, fb)
    return [(x, theirs[h]) for h, x in ages(ta, fa).items() if h in theirs and theirs[h].value != x.value]


def _counts_of(token: str, tally: Tally) -> bool:
    """Whether a token of the word diff is one of a tally's two counts ("47" of "52-47")."""
    return token in (str(tally.first), str(tally.second))


def _given(side: _Figures) -> set[tuple[str | None, float]]:
    """The (unit, value) of each figure a text gives, both ends of a range ("between $178 million and $184 million")."""
    return {(n.unit, v) for n in side.keyed for v in (n.value, n.upper) if v is not None}


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


_DEATH = "death"
_NAMED = "|".join(map(re.escape, _TOLLS["named"]))
_INCREMENTS = "|".join(map(re.escape, _TOLLS["increments"]))
# "the death toll rose to 2,012", "a toll of 300", "put the toll at 41": the figure a toll word governs in its clause.
_NAMED_TOLL = re.compile(rf"\b(?:{_NAMED})\b[^,.;:()]{{0,40}}$", re.IGNORECASE)
# "two more victims", "another five bodies", "an additional 12": a count added to a toll, not the toll.
_INCREMENT = re.compile(rf"^\s+(?:{_INCREMENTS})\b|\b(?:{_INCREMENTS})\s+$", re.IGNORECASE)


def _named_tolls(fa: _Figures, fb: _Figures, ta: str, tb: str) -> list[tuple[Number, Number]]:
    """A death toll one text names as the toll ("the death toll rose to 2,012") and the one death figure of the other
    (``quantities``, sure: "killed 300 people", "2,012 people died"), with different values: one toll told two ways,
    which ``number_mismatches`` pairs only by noun. Each text must give one death figure only, none an increment ("two
    more victims"): a day's and a week's toll, or a toll and its parts, pair nothing."""

    def deaths(side: _Figures, text: str) -> list[Number]:
        return [
            n
            for n in side.numbers
            if side.things.get(n.start) == _DEATH
            and n.kind == "cardinal"
            and not _INCREMENT.search(text[n.end : n.end + 12])
            and not _INCREMENT.search(text[max(0, n.start - 14) : n.start])
        ]

    da, db = deaths(fa, ta), deaths(fb, tb)
    if len(da) != 1 or len(db) != 1 or da[0].value == db[0].value:
        return []
    x, y = da[0], db[0]
    named = _NAMED_TOLL.search(ta[max(0, x.start - 60) : x.start]) or _NAMED_TOLL.search(
        tb[max(0, y.start - 60) : y.start]
    )
    return [(x, y)] if named else []


def _one_thing(fa: _Figures, fb: _Figures) -> list[tuple[Number, Number]]:
    """The figures of measured things (``MEASURED_THINGS``: a magnitude, a calibre) and of wholes a place has one of
    (``WHOLE_COUNTS``: a population) each text gives exactly one figure of, with different values of one kind: one
    quantity told two ways. Another count is not read this way (two sentences may count two sets: "one" of the four
    killed), nor an age (of two people); measures with a unit (spans, speeds, lengths) are compared as measures."""

    def single(side: _Figures) -> dict[str, Number]:
        by: dict[str, list[Number]] = {}
        for n in side.numbers:
            thing = side.things.get(n.start)
            # a measure is written in figures: "the second one to hit" is no magnitude of 1
            digits = unsigned(n.text)
            written = digits[:1].isdigit() or digits.startswith(".")
            if (
                thing is not None
                and (thing in MEASURED_THINGS or thing in WHOLE_COUNTS)
                and written
                and n.kind != "year"
                and not _measured_figure(side, n)
            ):
                by.setdefault(thing, []).append(n)
        return {t: ns[0] for t, ns in by.items() if len({n.value for n in ns}) == 1}

    a, b = single(fa), single(fb)
    return [(a[t], b[t]) for t in a if t in b and a[t].value != b[t].value and a[t].kind == b[t].kind]


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


def _other_currency(a: Sequence[Number], b: Sequence[Number]) -> tuple[Number, Number] | None:
    """The one sum each text gives when the two give it in different currencies ("$40 billion" / "30 billion
    euros") and neither gives the other's: told in another currency, a conversion or another sum, which
    needs an exchange rate to tell; shown, not a disagreement."""
    ma = [n for n in a if n.kind == "money"]
    mb = [n for n in b if n.kind == "money"]
    if len(ma) != 1 or len(mb) != 1 or ma[0].unit == mb[0].unit or ma[0].value == mb[0].value:
        return None
    # A sum a season and a sum ("$22 million per season" / "$160 million"): two quantities, not two currencies.
    if _rate_of(ma[0]) != _rate_of(mb[0]):
        return None
    return ma[0], mb[0]


def _rate_of(n: Number) -> str:
    """What a sum is counted per ("/season" of "$/season", ``nlp.numbers`` money rates), "" for a total."""
    return (n.unit or "").partition("/")[2]


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


def _vague_pairs(a: int, fa: _Figures, b: int, fb: _Figures) -> list[tuple[tuple[int, VagueCount], tuple[int, Number]]]:
    """A count one text tells without a number ("several shells") and the other with one ("three shells"): the
    same counted noun, the number the only one of that noun in its text."""
    out = []
    for (art, vague_side), (other, exact_side) in (((a, fa), (b, fb)), ((b, fb), (a, fa))):
        for unit, vague in vague_side.vague.items():
            exact = [n for n in exact_side.numbers if n.unit == unit and n.counted and n.kind == "cardinal"]
            if not exact and counts_people(unit) and not any(counts_people(u) for u in exact_side.vague):
                # a crowd of "union members" / one of "people": the one count of people the other text gives
                exact = [n for n in exact_side.numbers if counts_people(n.unit) and n.counted and n.kind == "cardinal"]
            if len(exact) == 1 and unit not in exact_side.vague:
                value = exact[0].value
                if value < vague.low / COUNTS_APART or value > vague.high * COUNTS_APART:
                    continue  # "the three bank workers" / "tens of thousands of striking workers": two sets of them
                out.append(((art, vague), (other, exact[0])))
    return out


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


def _replaced(
    ta: Sequence[str],
    tb: Sequence[str],
    wanted: Callable[[Sequence[str], int], bool] = lambda ts, k: ts[k][0].isdigit(),
) -> list[tuple[str, str]]:
    """Number tokens (or other ``wanted`` tokens: days of the week) one text puts where the other has another, among
    the same words on both sides ("won 6-3" / "won 12-3", "at around 40,000" / "at around 48,000"): the word diff of
    the two texts' tokens, a replacement with REPLACED_CONTEXT equal words either side."""
    from rapidfuzz.distance import Levenshtein

    blocks = list(Levenshtein.opcodes(ta, tb))
    out: list[tuple[str, str]] = []
    for k, op in enumerate(blocks):
        if op.tag != "replace":
            continue
        xs, ys = list(ta[op.src_start : op.src_end]), list(tb[op.dest_start : op.dest_end])
        if (
            len(xs) != len(ys)
            or len(xs) > 2
            or not all(wanted(ta, k) for k in range(op.src_start, op.src_end))
            or not all(wanted(tb, k) for k in range(op.dest_start, op.dest_end))
        ):
            continue
        if all(_shortened(x, y) for x, y in zip(xs, ys)):
            continue  # "the 1940s and '50s" / "the 1940s and 1950s"
        before = blocks[k - 1] if k else None
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if _steady(before, op.src_start == 0) and _steady(after, op.src_end == len(ta)):
            out.extend(zip(xs, ys))
    return out


def _shortened(x: str, y: str) -> bool:
    """A year or decade and its last two digits ("1950s" / "50s", "2008" / "08")."""
    short, long = sorted((x, y), key=len)
    return bool(_YEAR_TOKEN.fullmatch(long)) and len(short.rstrip("s")) == 2 and long.endswith(short)


_YEAR_TOKEN = re.compile(r"(?:1[89]|20)\d\ds?")
# The day of the week a happening is told on: its thing and unit in a NumberUse, and the days' order (its value).
_DAY = "day"
_WEEKDAY_ORDER = {day: k for k, day in enumerate(WEEKDAYS)}
_SPEECH = frozenset(data.words("quotes", "speech_verbs"))


def _a_happenings_day(tokens: Sequence[str], k: int) -> bool:
    """Whether token ``k`` is a day of the week that dates a happening, not the day a report's source spoke ("police
    said on Monday", "announced Tuesday"): two outlets publishing on two days differ there without disagreeing."""
    if tokens[k] not in _WEEKDAY_ORDER:
        return False
    before = [t for t in tokens[max(0, k - 3) : k] if t not in ("on", "late", "early", "last")]
    return not (before and before[-1] in _SPEECH)


def _steady(block, at_edge: bool) -> bool:
    """No block (the text's edge) or REPLACED_CONTEXT equal words."""
    if block is None:
        return at_edge
    return block.tag == "equal" and block.src_end - block.src_start >= REPLACED_CONTEXT


def _value(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


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


def _rewritten(
    a_forms: dict[tuple, dict[str, Number]], b_forms: dict[tuple, dict[str, Number]]
) -> list[tuple[Number, Number]]:
    """Figures with the same value and unit that the two texts (their _forms) write differently,
    where neither text also writes it the other's way: "2 percent" / "2%", "660 million" / "660m",
    "63 km" / "63 kilometers"."""
    out = []
    for key in (k for k in a_forms if k in b_forms):  # in text order, never the hash seed's
        xa, xb = a_forms[key], b_forms[key]
        if xa.keys().isdisjoint(xb.keys()):
            out.append((next(iter(xa.values())), next(iter(xb.values()))))
    return out


def _paired(a_at: dict[tuple[str, ...], Number], b_at: dict[tuple[str, ...], Number]) -> list[tuple[Number, Number]]:
    """Numbers of two texts (their _by_context) that follow the same content words (the words
    unique to one number each), in the first text's order: a set's order would follow the hash seed,
    and with it which of two figures written alike ("12"-gallon, Lomo "12") a report names."""
    return [(a_at[k], b_at[k]) for k in a_at if k in b_at]


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


def _apart(a: float, b: float, factor: float = SPANS_APART) -> bool:
    """Two values more than ``factor`` times apart (SPANS_APART, COUNTS_APART: see there); one below zero and one
    not are apart whatever their size (-0.1% / 0.1%)."""
    if (a < 0) != (b < 0):
        return True
    a, b = abs(a), abs(b)
    return max(a, b) > factor * min(a, b)


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


def _same_surroundings(ta: str, a: Number, tb: str, b: Number) -> bool:
    """Whether two figures of one value stand among the same words: the CONTEXT_WORDS content words before
    them, or those after their counted nouns. "16 agencies took part" / "16 countries took part" tell one
    figure of two things; a small count in two sentences of one story that share nothing else ("two men,
    ages 47 and 48" / "charged with two counts of intent to murder") tells two figures that happen to be
    equal."""
    # the counted noun itself ("people" / "households") is skipped when it follows the figure
    return _alike(
        _around(ta, a.start, a.end, bool(a.unit and a.unit not in a.text.lower())),
        _around(tb, b.start, b.end, bool(b.unit and b.unit not in b.text.lower())),
    )


def _anchors(text: str, n: Number) -> frozenset[str]:
    """The years and months the sentence of ``n`` names (``time_anchors``): a rank given beside another year than
    the other's is a rank in another happening ("the 79th Academy Awards in 2007" / "the 85th Academy Awards")."""
    lo, hi = _sentence_of(text, n.start)
    return time_anchors(text[lo:hi])


_Month = tuple[int, int]


def _off_times(text: str, n: Number, now: _Month | None) -> frozenset[str]:
    """The years and months the sentence of ``n`` names that are not its article's time (``other_times``); where the
    article's date is unknown, those that date a past happening without it (``undated_times``)."""
    for a, b, times in _times_by_sentence(text, now):
        if a <= n.start < b:
            return times
    return frozenset()


@lru_cache(maxsize=4096)
def _times_by_sentence(text: str, now: _Month | None) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each sentence of a side's text with its past times (``other_times``): every pair of sides asks them of each
    figure it compares."""
    out: list[tuple[int, int, frozenset[str]]] = []
    for a, b in _sentences(text):
        times = other_times(text[a:b], *now) if now is not None else undated_times(text[a:b])
        first = text[a:b].split(maxsplit=1)[:1]
        if not times and out and first and first[0].lower() in _CARRIED_OVER:
            times = out[-1][2]  # "It killed 612 people": the quake the sentence before dated to February
        out.append((a, b, times))
    return tuple(out)


_CARRIED_OVER = frozenset(data.load("quantities")["carried_over"]["openers"].split())
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


def _claim_around(text: str, n: Number) -> frozenset[str]:
    """The keys of the content words within CLAIM_WINDOW content words of a figure: the happening a year dates
    ("In 1957, Page disappeared from the flash of the cameras" / "Page suddenly disappeared from the scene in
    1958" share two)."""
    return _claim_near(text, n.start, n.end)


def _year_claim(text: str, n: Number) -> frozenset[str]:
    """_claim_around of a year, inside its clause: a year dates the verb of its own clause ("They divorced in 1947 |
    and Page continued her modeling work" / "She began modeling in 1950 | when she met ..."), cut at the words that
    open another (sentences.toml ``clause_breaks``, ``negation_breaks``), not at a comma ("In 1957, Page disappeared")."""
    lo, hi = _sentence_of(text, n.start)
    for m in _clause_opener().finditer(text, lo, hi):
        if m.start() < n.start:
            lo = m.end()
        elif m.start() >= n.end:
            hi = m.start()
            break
    return _claim_near(text[lo:hi], n.start - lo, n.end - lo)


@lru_cache(maxsize=1)
def _clause_opener() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(CLAUSE_OPENERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _date_claim(text: str, n: Number) -> frozenset[str]:
    """_claim_around of a day of a month, less the words that place it in time (its month, its weekday): two dates
    of one month share those whatever they date."""
    return _claim_around(text, n) - _time_keys()


@lru_cache(maxsize=1)
def _time_keys() -> frozenset[str]:
    from ..lexicon import TIME_WORDS

    calendar = data.words("datelines", "month_words")  # months and weekdays, abbreviated too ("Dec.", "Sat")
    return frozenset(k for w in TIME_WORDS | calendar if (k := token_key(w)))


def _rank_claim(text: str, n: Number) -> frozenset[str]:
    """_claim_around of an ordinal, less what it ranks ("round", "seed", "day": every rank of a story shares it)."""
    return _claim_around(text, n) - {token_key(n.unit)} if n.unit else _claim_around(text, n)


def _claim_near(text: str, start: int, end: int) -> frozenset[str]:
    """_claim_around for the figure at text[start:end]. The words of other figures near it ("eight", "million" of "an
    eight-year offer ... $184 million") are figures, not the claim: every sum in millions would share "million"."""
    # A side joins its sentences: the window stays inside the figure's own ("... $23 million average annual value.
    # There's at least one offer out there ...": the next sentence's offer is not what the $23 million is)
    lo, hi = _sentence_of(text, start)
    before = [k for t in tokens(text[lo:start]) if (k := _claim_key(t))][-CLAIM_WINDOW:]
    after = [k for t in tokens(text[end:hi]) if (k := _claim_key(t))][:CLAIM_WINDOW]
    return frozenset(before + after)


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds position ``at`` (all of it when none does)."""
    return next(((a, b) for a, b in _sentences(text) if a <= at < b), (0, len(text)))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of a side's text, split once: its figures, the past times of each sentence and the claim
    words around each figure all read them."""
    return tuple(sentence_spans(text))


# Number words and scale words: the words of figures.
_FIGURE_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS) | SCALE_WORDS


def _claim_key(token: str) -> str | None:
    return None if token in _FIGURE_WORDS else token_key(token)


def _around(text: str, start: int, end: int, noun_after: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The CONTEXT_WORDS content words before a figure at text[start:end] and after it (after its noun)."""
    before = [t for t in tokens(text[:start])[-CONTEXT_SPAN:] if t not in STOP_WORDS and not t[0].isdigit()]
    after = [t for t in tokens(text[end:])[: CONTEXT_SPAN + 2] if t not in STOP_WORDS and not t[0].isdigit()]
    if noun_after:
        after = after[1:]
    return tuple(before[-CONTEXT_WORDS:]), tuple(after[:CONTEXT_WORDS])


def _alike(a: tuple[tuple[str, ...], tuple[str, ...]], b: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Two _around readings with the same full run of words before, or after."""
    return (len(a[0]) == CONTEXT_WORDS and a[0] == b[0]) or (len(a[1]) == CONTEXT_WORDS and a[1] == b[1])


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
