"""The thresholds and labels every module of the number family shares, and ``_apart``: the lowest module of
the package, importing none of the others."""

from __future__ import annotations

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
# Two counts of one named noun that is no known thing (vessels, games, villages: no toll or crowd) more than this many
# times apart are one count told two ways only in one claim (CLAIM_SHARED words around them): "rescued two merchant
# vessels" / "still hold at least 14 foreign vessels" are two counts. Reasoned, as AGES_APART: twice.
NAMED_COUNTS_APART = 2.0
# Two ages more than this many times apart are the ages of two happenings of a life (or of two people) unless their
# claims share CLAIM_SHARED words: an age told two ways is a year or two off, or two digits swapped ("38" / "83").
AGES_APART = 1.5
# Two tallies whose counts add up to totals more than this many times apart count different stretches or ballots (an
# "18-30 record" at the start of last season / a "9-14 start" this season; a career and a season), not one tally told
# two ways: an outlet a game behind ("9-14" / "9-15"), a vote miscounted by one ("52-47" / "53-47"), or a record with a
# count mistyped ("162-139" / "122-147") adds up to about the same games or votes cast.
TALLIES_APART = 1.5


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


def _apart(a: float, b: float, factor: float = SPANS_APART) -> bool:
    """Two values more than ``factor`` times apart (SPANS_APART, COUNTS_APART: see there); one below zero and one
    not are apart whatever their size (-0.1% / 0.1%)."""
    if (a < 0) != (b < 0):
        return True
    a, b = abs(a), abs(b)
    return max(a, b) > factor * min(a, b)
