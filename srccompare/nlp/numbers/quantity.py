"""Quantities: each figure of a sentence with the thing it is a figure of (``Quantity``, ``quantities``,
``_thing_of``), and what the quantity lexicon tells of a word or a counted noun (``word_thing``, ``one_kind``,
``counts_people``, ``told_things``...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import data as _data
from ..memo import per_sentence
from ..tokens import SMALL_NUMBERS as _SMALL
from ..tokens import TENS as _TENS
from ._lexicon import _quantity_lexicon, _QuantityLexicon
from ._patterns import _NOUN_STOP, UNIT_WORDS, _singular
from .counts import count_kind
from .measure import measures
from .reading import Number, find_numbers

# --- Quantities: a number with the thing it counts or measures -------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A figure a sentence asserts: its value and unit (from ``Number``) and the thing it is a figure of.

    ``thing`` is normalised so that two outlets giving a figure for the same thing get the same string whatever
    their words: "death" for "killing at least 300" and "the death toll rose to 2,012", "deposit rate" for
    "cut its deposit rate by 25 basis points to 3.75%", "container" for "7,000 containers". ``sure`` is True when
    the thing comes from the word lists (a toll, an injury count, a named rate, an age), False when it is only the
    counted noun after the number (which tells what is counted, "containers", but not always what of).
    """

    value: float
    unit: str | None
    thing: str
    sure: bool
    number: Number


def quantities(text: str) -> list[Quantity]:
    """The figures of ``text`` with what each is a figure of; years, dates and numbers in names are left out."""
    out: list[Quantity] = []
    words = None
    spans: frozenset[int] | None = None
    for n in [*find_numbers(text), *_vague_numbers(text)]:
        if n.kind in ("year", "date", "label", "ordinal"):
            continue
        if words is None:
            words = [(m.start(), m.end(), m.group().lower().strip("-'’")) for m in _QWORD.finditer(text)]
        thing, sure = _thing_of(text, n, words)
        if not thing:
            continue
        if spans is None:
            spans = frozenset(m.start for m in measures(text) if m.dimension == "duration")
        if n.start in spans and (thing not in _quantity_lexicon().spans or not _a_term(thing, text, n)):
            continue  # "a 24-hour strike", "a three-day protest": a span of time counts no crowd, no toll
        out.append(Quantity(n.value, n.unit, thing, sure, n))
    return out


def _a_term(thing: str, text: str, n: Number) -> bool:
    """Whether a span of time near a sentence word is the term served ("sentenced to two years", "a sentence of 485
    years", "nine months in jail", "a 2.5-year sentence") rather than a span beside one ("The sentence caps more
    than three years of efforts", "a death sentence was eight years ago", "jail inmates two weeks after")."""
    if thing != "sentence":
        return True
    return bool(_TERM_BEFORE.search(text, max(0, n.start - 40), n.start) or _TERM_AFTER.match(text, n.end))


_TERM_BEFORE = re.compile(
    r"(?:\bsentenc\w*\s+(?:\w+\s+)?(?:of|to)\s+|\bplus\s+|\bserve[sd]?\s+)(?:\w+\s+){0,2}$", re.IGNORECASE
)
_TERM_AFTER = re.compile(
    r"[\s-]*(?:[a-z]+\s+){0,2}?(?:(?:in|behind)\s+(?:\w+\s+)?(?:jail|prison|bars)\b|(?:\w+[\s-]+)?sentence)",
    re.IGNORECASE,
)
_QWORD = re.compile(r"[^\W\d_][\w’'-]*|[.;!?]")
# Figures told as an order of size ("tens of thousands of protesters", "dozens were injured"): a figure of
# their thing all the same, so that they align with the outlets giving a number; the value is the order's
# lower bound, qualified "vague".
_VAGUE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds) of )?(?P<order>dozens|scores|hundreds|thousands|millions)\b", re.IGNORECASE
)
_ORDER = {"dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6}
_TENS_OF = {"tens": 10.0, "hundreds": 100.0}
# ... and told as one of a round size ("more than a hundred people", "about a dozen were hurt"): that size
# (quantities.toml [round], with the idioms where it counts nothing).
_ROUND_DATA = _data.load("quantities")["round"]
_ROUND = {k: float(v) for k, v in _ROUND_DATA["sizes"].items()}
_A_ROUND = re.compile(
    rf"\ban?\s+(?P<round>{'|'.join(_ROUND)})\b(?!\s+(?:{'|'.join(_ROUND_DATA['idioms'].split())})\b)",
    re.IGNORECASE,
)


def _vague_numbers(text: str) -> list[Number]:
    out = []
    for m in _VAGUE.finditer(text):
        value = _ORDER[m.group("order").lower()] * _TENS_OF.get((m.group("tens") or "").lower(), 1.0)
        out.append(Number(value, None, m.start(), m.end(), m.group(), "cardinal", "vague"))
    for m in _A_ROUND.finditer(text):
        out.append(Number(_ROUND[m.group("round").lower()], None, m.start(), m.end(), m.group(), "cardinal", "vague"))
    return out


# A figure set off by commas after a name is that person's age: "Makaeo Williams, 18, was killed", "the death of
# Kafoury, 63, of Warren" (not a toll of 18, nor of 63); so is one after a noun of a person, singular, that a
# determiner opens: "The actress, 26, checked in", "the suspect, 61, surrendered" ([people] of quantities.toml).
# A name set off before an age ("Smith, 45,"), capitals inside it too ("LaCalamita, 38,", "McDonald, 61,"), or its
# suffix ("Anthony LaCalamita III, 38,", "Jones Jr., 52,").
_NAME_BEFORE_AGE = re.compile(r"\b(?:[A-Z][A-Za-z’'-]*[a-z]|[JS]r\.|I{2,3}|IV),\s*$")
_PERSON_BEFORE_AGE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my)\s+(?:[\w’'-]+\s+){0,2}([a-z-]+),\s*$", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"\s*,")
# An age written as one hyphenated word whose number is in letters ("the sixty-one-year-old was arrested"): the
# word's own token holds the number, so the words after it never reach the figure's thing.
_AGE_GLUED = re.compile(r"-years?-old\b", re.IGNORECASE)
# Prefixes of a compound that name a stance towards its last part ("pro-death jurors", "anti-war protesters"):
# the compound is no word of that thing (quantities.toml [stance_prefixes]).
_STANCE_PREFIXES = frozenset(_data.load("quantities")["stance_prefixes"]["words"].split())
_OTHER_SENSES: dict[str, frozenset[str]] = {
    thing: frozenset(words.split()) for thing, words in _data.load("quantities")["other_senses"].items()
}
AGE_MAX = 120
_DIED_AT_DATA = _data.load("quantities")["died_at"]
# ("the number of dead at 13": "dead" after "of" or "the" is the dead, not a verb)
_DIED_AT = re.compile(
    rf"(?<!\bof )(?<!\bthe )\b(?:{'|'.join(_DIED_AT_DATA['verbs'])})"
    rf"(?:,?\s+(?:[A-Z][\w.’'-]*|{'|'.join(_DIED_AT_DATA['between'].split())})){{0,8}},?\s+at\s+$"
)


def _a_person_before(text: str, at: int) -> bool:
    """Whether a determiner and a singular noun of a person end ``text`` before ``at`` ("The actress, ")."""
    m = _PERSON_BEFORE_AGE.search(text, max(0, at - 60), at)
    if m is None:
        return False
    noun = m.group(1).lower()
    return _singular(noun) == noun and noun in _quantity_lexicon().people


def _thing_of(text: str, n: Number, words: list[tuple[int, int, str]]) -> tuple[str | None, bool]:
    lex = _quantity_lexicon()
    if (
        n.unit is None
        and n.kind == "cardinal"
        and 0 < n.value < AGE_MAX
        and float(n.value).is_integer()
        and (_NAME_BEFORE_AGE.search(text, max(0, n.start - 40), n.start) or _a_person_before(text, n.start))
        and _AGE_AFTER.match(text, n.end)
        and "age" in lex.attributes
    ):
        return "age", True
    if n.kind == "cardinal" and 0 < n.value < AGE_MAX and _AGE_GLUED.match(text, n.end) and "age" in lex.attributes:
        return "age", True
    if (
        n.unit is None
        and n.kind == "cardinal"
        and n.qualifier is None
        and 0 < n.value < AGE_MAX
        and float(n.value).is_integer()
        and _DIED_AT.search(text, max(0, n.start - 120), n.start)
    ):
        return "age", True  # "Esther Williams dies at 91", "died Thursday at 91": her age, not a toll
    # A word glued to another number is that number's ("26-year-old" in "the 26-year-old fired 11 shots").
    placed = [(s, e, w) for s, e, w in words if e <= n.start and not _glued_to_a_number(text, s)]
    following = [(s, e, w) for s, e, w in words if s >= n.end and (s == n.end + 1 or not _glued_to_a_number(text, s))]
    # A participle after a comma tells what happened next, to some of them ("shot three people, killing
    # one"; "fired 11 shots, hitting him seven times"): its verb is not what the figure counts.
    ahead_placed = []
    for k, (s, e, w) in enumerate(following):
        if w.endswith("ing") and "," in text[following[k - 1][1] if k else n.end : s]:
            break
        if w == "how" and k + 1 < len(following) and following[k + 1][2] in ("many", "much"):
            break  # "asked the three holdouts how many people would Nichols have to kill": another quantity's question
        ahead_placed.append((s, e, w))
    # The clause around the number: words back to the last sentence stop, forward to the next.
    for k in range(len(placed) - 1, -1, -1):
        if placed[k][2] in ".;!?":
            placed = placed[k + 1 :]
            break
    for k, (_, _, w) in enumerate(ahead_placed):
        if w in ".;!?":
            ahead_placed = ahead_placed[:k]
            break
    before = [w for _, _, w in placed]
    after = [w for _, _, w in ahead_placed]
    if n.counted and n.unit and n.unit not in lex.people and lex.history.intersection(after[:2]):
        return n.unit, False  # "four prior arrests": a record, not the happening's arrests
    # the words before the figure's qualifier ("home to about 100, 000 people")
    lead = before[: len(before) - len(n.qualifier.split())] if n.qualifier and n.qualifier != "vague" else before
    if (
        len(lead) >= 2
        and (lead[-2:] == ["home", "to"] or (lead[-1] == "of" and lead[-2] in lex.places))
        and (n.unit is None or n.unit in lex.people)
        and "population" in lex.groups
    ):
        return "population", True  # "Bandar Abbas, a city of 500, 000 people that also was jolted"
    if n.unit in ("%", "point") or n.kind == "percent":
        rate = _rate_before(before[-10:], lex) or _rate_after(after[:_RATE_AFTER], lex)
        if rate:
            return rate, True
    best: tuple[float, str] | None = None
    # A group thing ([groups]: a crowd, residents) gives way to a happening near the figure when only the counted
    # noun right after the figure names it ("Three protesters were killed"), not when a verb does too ("20,000
    # protesters marched").
    group: tuple[float, str] | None = None
    group_verb = False
    # Past a count of people in general ("Three people, one of them a pregnant woman, were killed"), the verb
    # telling what happened to them may stand further on.
    people = n.unit in lex.generic_units or n.qualifier == "vague"
    ahead = _AHEAD_PEOPLE if people else _AHEAD
    back = _BACK_PEOPLE if people else _BACK
    near = placed[-back:]
    # The figure's hedge ("killed at least six people, injured almost 50") is part of it: the verb before the
    # hedge stands right before the figure, and so beats the verb after the comma.
    hedge = len(n.qualifier.split()) if n.qualifier and n.qualifier != "vague" else 0
    # What the counted noun says, once per figure: a count of something named that is not people (after a
    # conjunction and for a crowd), of a thing or a place (never what happened to people).
    not_people = bool(n.unit and n.counted and n.unit not in lex.people)
    of_things = bool(n.unit and n.counted and (n.unit in lex.kinds or n.unit in lex.places))
    # Words of a thing used in another sense ("a death penalty"): their positions, not read as the thing's.
    elsewhere_meant = {
        s
        for k, (s, _, w) in enumerate(words[:-1])
        if (thing := lex.word_thing(w)) and words[k + 1][2] in _OTHER_SENSES.get(thing, ())
    }
    for distance, w, noun in [
        (max(1, len(near) - k - hedge) + _apart_from(text, near[k + 1 :], e, n.start, n.start), w, False)
        for k, (s, e, w) in enumerate(near)
        if s not in elsewhere_meant
    ] + [
        (k + 1 + _apart_from(text, ahead_placed[:k], n.end, s, n.start), w, k == 0)
        for k, (s, _, w) in enumerate(ahead_placed[:ahead])
        if s not in elsewhere_meant
    ]:
        if "-" in w and w not in lex.whole_word:
            parts = w.split("-")
            if parts[0] in _STANCE_PREFIXES:
                continue  # "the nine pro-death jurors": a stance, not a toll
            w = "year-old" if "year" in parts and "old" in parts else parts[-1]
        thing = lex.word_thing(w)
        if thing and distance >= _CONJOINED and not_people:
            continue  # past a conjunction only a count of people takes a word's thing: "seven villages and killing 10"
        if thing in HAPPENED_TO_PEOPLE and of_things:
            continue  # "two helicopters were evacuating injured", "seven villages": things, not the people hurt
        if thing in lex.groups and not_people:
            continue  # a crowd or a population counts people: not "two separate demonstrations", "64 km", "$1 million"
        if thing and thing not in lex.measured and not float(n.value).is_integer():
            continue  # "the quake measured 6.1, killing 3": a fraction is no count of deaths
        if thing == "magnitude" and not (
            0 < n.value < 10
            and (n.unit is None or lex.word_thing(n.unit) == "magnitude" or not float(n.value).is_integer())
        ):
            # A magnitude is on a scale below 10 ("the quake, which struck at 1353"), and a number that
            # counts something else is a count of it ("seven villages", "for one minute" near "the quake");
            # a fraction counts nothing ("a magnitude of at least 5.9 hit southern Iran": "hit" is the verb).
            continue
        if thing in lex.groups:
            group_verb = group_verb or not noun
            if group is None or distance < group[0]:
                group = (distance, thing)
        elif thing and (best is None or distance < best[0]):
            best = (distance, thing)
    if group is not None and (best is None or group_verb):
        # ... and where a verb of the group stands too, the nearer of the two as ever
        best = group if best is None or group[0] <= best[0] else best
    if best:
        return best[1], True
    measured = _measured(n, after)
    if measured:
        return measured, True
    if n.counted and n.unit and n.kind in ("cardinal", "money") and n.unit not in UNIT_WORDS:
        return n.unit, False
    return None, False


def _apart_from(text: str, between: list[tuple[int, int, str]], start: int, end: int, figure: int) -> float:
    """How much further than its word count a word stands from the figure starting at ``figure``, with the
    words ``between`` them and text[start:end] the stretch between them: a conjunction puts the word in another
    conjunct ("left a receptionist dead and two managing partners wounded", "killing 10 people and injuring 80":
    it counts only where nothing nearer does), unless it joins the figure to another ("one or two jurors
    voted"); a comma puts it in another phrase ("kills 1, injures 2", "1 Dead, 2 Injured": the word on the
    figure's side of the comma wins a tie)."""
    for _, e, w in between:
        if w in _CONJUNCTIONS:
            joined = _FIGURE_NEXT.match(text, e)
            if joined is None or joined.start(1) == figure:
                return _CONJOINED
    return _COMMA if "," in text[start:end] else 0.0


def _glued_to_a_number(text: str, start: int) -> bool:
    """Whether the word at ``start`` is joined by a hyphen to a figure before it ("26-year-old", "3-storey")."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit()


# What a measure measures: "120 mph" and "193 km/h" are speeds, "30 miles" and "48 km" distances.
_MEASURED = {
    "mph": "speed",
    "kph": "speed",
    "km": "distance",
    "mile": "distance",
    "kg": "weight",
    "ton": "weight",
    "lb": "weight",
    "ha": "area",
}


def _measured(n: Number, after: list[str]) -> str | None:
    """The thing a measure measures, from its unit and the words after it ("square feet"). A speed written out
    ("miles an hour") already has its unit (mph, kph) from find_numbers."""
    first = after[0] if after else ""
    if first.startswith("square") or first.startswith("sq"):
        return "area"
    return _MEASURED.get(n.unit or "")


# How far from a number (in words, within its clause) a word naming the thing counted may stand.
_BACK = 6
_BACK_PEOPLE = 10
_AHEAD = 5
_AHEAD_PEOPLE = 10
# What a conjunction or a comma between a word and the figure adds to its distance (_apart_from): past a
# conjunction, more than any word within reach; past a comma, less than one word.
_CONJUNCTIONS = frozenset({"and", "or", "but"})
_CONJOINED = float(_AHEAD_PEOPLE)
_FIGURE_NEXT = re.compile(rf"\s+(\d|(?:{'|'.join([*_SMALL, *_TENS])})\b)", re.IGNORECASE)
_COMMA = 0.75


# A rate's head noun may follow its figure ("a 4.5 percent margin of error", "a 20 percent approval rating"):
# within this many words.
_RATE_AFTER = 2


def _rate_after(words: list[str], lex: _QuantityLexicon) -> str | None:
    """The head noun right after a percentage ("a 4.5 percent margin of error"): the rate it is, named by the head
    alone (the words after it say of what, not which)."""
    for w in words:
        if w in lex.rate_heads:
            return _rate_head(w)
        if w in _NOUN_STOP or not w.isalpha():
            return None
    return None


def _rate_head(word: str) -> str:
    """A rate's head noun as one name ("rates" -> "rate", "yields" -> "yield")."""
    return "rate" if word in ("rate", "rates") else _singular(word)


def _rate_before(words: list[str], lex: _QuantityLexicon) -> str | None:
    for k in range(len(words) - 1, -1, -1):
        if words[k] in lex.rate_heads:
            head = _rate_head(words[k])
            for j in range(k - 1, max(-1, k - 3), -1):
                w = words[j]
                if w in lex.generic or w in _NOUN_STOP:
                    continue
                return f"{w} {head}"
            return head
    return None


def word_thing(word: str) -> str | None:
    """The thing a word names a figure of (quantities.toml [things]: "injuring" -> "injury", "toll" -> "death"), or
    None."""
    return _quantity_lexicon().word_thing(word)


def one_kind(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns (``Number.unit``) name one kind of thing in other words ("shots" / "rounds":
    quantities.toml [kinds])."""
    return a is not None and b is not None and a in _quantity_lexicon().kinds and count_kind(a) == count_kind(b)


def counts_people(unit: str | None) -> bool:
    """Whether a counted noun (``Number.unit``) counts people ("people", "workers", "protesters":
    quantities.toml [people])."""
    return unit is not None and unit in _quantity_lexicon().people


def names_nothing(unit: str | None) -> bool:
    """Whether a counted noun names nothing in particular ("times", "things", "ways": quantities.toml [figures]
    generic, people aside): two figures of one value, one of "eleven times" and one of "11 shots", tell no other
    thing. Nouns of people are no such nouns: "five people" / "five households" count other things."""
    return unit is not None and unit in _quantity_lexicon().generic_units and not counts_people(unit)


@per_sentence
def told_things(text: str) -> frozenset[str]:
    """The things of quantities.toml [parts] (deaths, injuries) a sentence giving a figure of one of them tells of,
    with a figure or in words: "killing at least three people and injuring others" tells of the injuries too,
    without their count. (A mention alone is no telling: a shooting's every report says someone "died".)"""
    if not any(q.sure and q.thing in PART_THINGS for q in quantities(text)):
        return frozenset()
    lex = _quantity_lexicon()
    named = (lex.word_thing(m.group().lower().strip("-'’")) for m in _QWORD.finditer(text))
    return frozenset(t for t in named if t is not None and t in PART_THINGS)


# The things a count of victims is made of (quantities.toml [parts]: deaths, injuries).
PART_THINGS = frozenset(_data.load("quantities")["parts"]["things"])
# The things a figure measures rather than counts, of a thing the story has one of (a quake's magnitude, a weapon's
# calibre): [measures] but for spans and attributes (a sentence's years, a person's age: a story has several).
MEASURED_THINGS = (
    frozenset(_data.load("quantities")["measures"]["things"])
    - frozenset(_data.load("quantities")["spans"]["things"])
    - frozenset(_data.load("quantities")["attributes"]["things"])
)
# Counts of a whole a place has one of (quantities.toml [measures] whole_counts: a population), compared as
# MEASURED_THINGS are: the one figure each text gives.
WHOLE_COUNTS = frozenset(_data.load("quantities")["measures"]["whole_counts"])
# What happens to people (quantities.toml [happened_to_people]: tolls, injuries, arrests, the missing, displaced and
# rescued): a count of things or places is none of these.
HAPPENED_TO_PEOPLE = frozenset(_data.load("quantities")["happened_to_people"]["things"])


def attribute_things() -> frozenset[str]:
    """Things whose figure describes a person or object (an age) rather than telling a fact on its own."""
    return _quantity_lexicon().attributes
