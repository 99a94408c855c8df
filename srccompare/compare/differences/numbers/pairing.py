"""What two texts' figures tell against each other (``_pair_figures``): the pairs each rule finds, the checks
that set apart two figures of two things, and the form each pair is told in."""

from __future__ import annotations

import dataclasses

from ....nlp.numbers import TIME_UNITS, Number, number_mismatches
from ....nlp.tokens import tokens
from ..reading import CLAIM_SHARED
from .claims import (
    _anchors,
    _claim_around,
    _claim_near,
    _date_claim,
    _Month,
    _off_times,
    _rank_claim,
    _same_surroundings,
    _year_claim,
)
from .common import (
    _AGE,
    _CURRENCY,
    _DISTANCE,
    _HEDGED,
    _NOTATION,
    _OCCASION,
    _SAME,
    _TALLY,
    AGES_APART,
    COUNTS_APART,
    NAMED_COUNTS_APART,
    SPAN_SHARED,
    _apart,
    _Told,
)
from .figures import (
    _Figures,
    _given,
    _measured_figure,
    _place_after,
    _shares_a_figure,
    _thing_told,
    _told_whole,
    _within_a_figure,
    _written,
    _written_as,
)
from .measures import (
    _converted,
    _figure_role,
    _measure_conflict,
    _measured,
    _measured_thing,
    _same_words,
    _span_role,
    _with_hedge,
)
from .pairs import (
    _DEATH,
    _ages_of_one_person,
    _named_tolls,
    _one_thing,
    _other_currency,
    _paired,
    _rewritten,
    _tally_pairs,
    _vague_pairs,
)
from .shown import _shown, _shows_hedges, _told_as, _unit_of
from .word_diff import _DAY, _WEEKDAY_ORDER, _a_happenings_day, _counts_of, _replaced, _value


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
        if (
            tx is None
            and ty is None
            and x.kind == "cardinal" == y.kind
            and x.unit
            and x.unit == y.unit
            and _apart(x.value, y.value, NAMED_COUNTS_APART)
            and len(_claim_around(ta, x) & _claim_around(tb, y)) < CLAIM_SHARED
        ):
            return True  # "rescued two merchant vessels" / "still hold at least 14 foreign vessels": two claims
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
