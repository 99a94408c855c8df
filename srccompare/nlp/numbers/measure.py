"""Measures: the times of day, durations, areas, lengths and speeds a sentence gives, each in its dimension's
base unit (``Measure``, ``measures``, ``TIME_UNITS``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import data as _data
from ..memo import per_sentence
from ._patterns import _NUM, _QUALIFIERS, _WORDNUM, _digits, _scale, _singular, _words
from .times import _CLOCK, _DIGIT, _minutes

# --- Measures: times of day, durations and areas in one base unit each ------------------------------------------
#
# Outlets give one time, span or size in different units ("for about a minute" / "30 seconds", "weeklong" /
# "eight days", "170,000-square-foot" / "15,800-square-metre", "06:00 BST" / "6am"): read as a value in one base
# unit per dimension, two figures of one dimension compare whatever each outlet wrote.

_SECONDS: dict[str, float] = {k: float(v) for k, v in _data.load("quantities")["seconds"].items()}
# The units of a span of time ("hour", "week"), as a figure's counted noun names them.
TIME_UNITS = frozenset(_SECONDS)
_SQUARE_METRES: dict[str, float] = {k: float(v) for k, v in _data.load("quantities")["square_metres"].items()}
_METRES: dict[str, float] = {k: float(v) for k, v in _data.load("quantities")["metres"].items()}
_METRES_PER_SECOND: dict[str, float] = {k: float(v) for k, v in _data.load("quantities")["metres_per_second"].items()}
_DURATION = re.compile(
    rf"(?<![\w.,:])(?P<num>{_NUM})[\s-]+(?P<unit>second|minute|hour|day|week|month|year)s?\b(?![\s-]old\b)"
    rf"|\b(?P<words>(?:{_WORDNUM})(?:[\s-]+(?:{_WORDNUM}))*|half an?)[\s-]+"
    r"(?P<wunit>second|minute|hour|day|week|month|year)s?\b(?![\s-]old\b)"
    # "for a minute", "lasted about an hour": an article counts one only after a word that opens a span.
    r"|\b(?P<opener>for|lasted|lasting|last|within|about|around|nearly|almost|over|under|than)\s+(?:about\s+|around\s+)?"
    r"(?P<art>an?)\s+(?P<aunit>minute|hour|day|week|month)\b"
    r"|\b(?P<long>minute|hour|day|week|month|year)[\s-]?long\b",
    re.IGNORECASE,
)
# Every alternative of _DURATION names one of these units: a sentence without one holds no duration.
_DURATION_UNIT = re.compile(r"second|minute|hour|day|week|month|year", re.IGNORECASE)
_AREA = re.compile(
    rf"(?<![\w.,:])(?P<num>{_NUM})(?P<scale>\s*(?:million|thousand))?[\s-]*"
    r"(?:square[\s-]+(?P<sq>foot|feet|metres?|meters?|yards?|miles?|kilometres?|kilometers?)\b"
    r"|sq\.?\s?(?P<sqa>ft|m|km|mi)\b|(?P<flat>acres?|hectares?|ha)\b)",
    re.IGNORECASE,
)
# One name per unit, the first spelling of its factor in the data file ("kilometres" / "km": "kilometre"), so that
# only a figure in another unit reads as converted.
_LENGTH_NAME = {round(f, 6): u for u, f in reversed(_METRES.items())}
_SPEED_NAME = {round(f, 6): u for u, f in reversed(_METRES_PER_SECOND.items())}
_LENGTH_UNITS = "|".join(sorted((re.escape(u) for u in _METRES), key=len, reverse=True))
_SPEED_UNITS = "|".join(sorted((re.escape(u) for u in _METRES_PER_SECOND), key=len, reverse=True))
# "an hour" / "per hour" / "/h" after a length's unit makes it a speed ("120 miles an hour", "193km / h").
_PER_HOUR = r"(?:\s+(?:an|a|per)\s+hour|\s?/\s?h(?:r|our)?)\b"
_SPEED = re.compile(
    rf"(?<![\w.,:])(?P<num>{_NUM})[\s-]*(?:(?P<unit>{_SPEED_UNITS})s?\b"
    rf"|(?P<length>{_LENGTH_UNITS}|miles|kilometres|kilometers|metres|meters){_PER_HOUR})",
    re.IGNORECASE,
)
# A length: not a speed, and not the side of an area ("square miles" never matches: "square" stands between).
_LENGTH = re.compile(
    rf"(?<![\w.,:])(?P<num>{_NUM})(?P<scale>\s*(?:million|thousand))?[\s-]*"
    rf"(?P<unit>miles|kilometres|kilometers|metres|meters|yards|{_LENGTH_UNITS})\b(?!{_PER_HOUR})",
    re.IGNORECASE,
)
# After a number read as a length (find_numbers): the rest of a speed's unit.
_SPEED_AFTER = re.compile(
    rf"[\s-]*(?:{_LENGTH_UNITS}|miles|kilometres|kilometers|metres|meters)?{_PER_HOUR}", re.IGNORECASE
)
_LENGTH_OR_SPEED_UNIT = re.compile(rf"(?:{_LENGTH_UNITS}|{_SPEED_UNITS}|miles|metres|meters)", re.IGNORECASE)
# Clock times are compared in the zone an outlet names; two outlets naming different zones are not compared.
_ZONE = re.compile(r"\s*(?:\(?\b(?P<zone>[A-Z]{1,2}[SD]?T|UTC|GMT|local time)\b)?")
_CLOCK_QUALIFIER = re.compile(
    r"(?:about|around|approximately|roughly|nearly|almost|shortly after|just after|just before|after|before|"
    r"by|until|till|early|late)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# A time of day telling when something happened is introduced by one of these ("at 06:00", "about 6am").
_CLOCK_INTRODUCED = re.compile(
    _CLOCK_QUALIFIER.pattern.replace("(?:about|", "(?:at|from|since|on|about|", 1), re.IGNORECASE
)


@dataclass(frozen=True)
class Measure:
    """A time of day (minutes after midnight), a duration (seconds), an area (square metres), a length (metres) or
    a speed (metres a second), as written."""

    dimension: str  # clock | duration | area | length | speed
    value: float
    text: str
    start: int
    # the unit as written, singular ("minute", "square foot", "clock"); for a length or speed its one name in
    # data/quantities.toml ("km" and "kilometres": "kilometre"); for telling a conversion
    unit: str
    qualifier: str | None = None
    zone: str | None = None
    # The written unit in the base unit, and the base units one step of the figure's last written digit stands
    # for ("48km": 1000.0 each; "5.9 miles": 160.9): a figure converted from another unit is rounded to that step.
    factor: float = 1.0
    step: float = 0.0


@per_sentence
def measures(text: str) -> tuple[Measure, ...]:
    """The times of day, durations and areas ``text`` gives, each in its dimension's base unit."""
    out: list[Measure] = []
    # A time of day and an area are written with digits, and every duration names its unit: each
    # pattern is tried only where it can match (most sentences have no digit; fewer name a unit).
    digits = bool(_DIGIT.search(text))
    for m in _CLOCK.finditer(text) if digits else ():
        minutes = _minutes(m)
        if minutes is None:
            continue
        if not _CLOCK_INTRODUCED.search(text, max(0, m.start() - 30), m.start()):
            continue  # "(10:30 p.m.)", a time-stamp of the report, is not when something happened
        zoned = _ZONE.match(text, m.end())
        zone = zoned.group("zone") if zoned else None
        qualifier = _qualifier(text, m.start(), True)
        out.append(Measure("clock", minutes, m.group().strip(), m.start(), "clock", qualifier, zone))
    for m in _DURATION.finditer(text) if _DURATION_UNIT.search(text) else ():
        value: float | None
        if m.group("num"):
            value, unit = _digits(m.group("num")), m.group("unit")
        elif m.group("words"):
            words = m.group("words").lower()
            value, unit = (0.5 if words.startswith("half") else _words(words)), m.group("wunit")
        elif m.group("aunit"):
            value, unit = 1.0, m.group("aunit")
        else:
            value, unit = 1.0, m.group("long")
        if value is None:
            continue
        unit = unit.lower()
        if m.group("aunit"):
            # A span told with its article is hedged before the article ("more than an hour", not "more" before
            # "n hour"), and is written from its hedge or its article on: "about a minute", not "for about a minute"
            # or "than an hour" (the word that opened it).
            hedge = _qualifier_match(text, m.start("art"), False)
            begin = hedge.start() if hedge else m.start("art")
            qualifier = hedge.group().strip().lower() if hedge else None
        else:
            begin, qualifier = m.start(), _qualifier(text, m.start(), False)
        out.append(Measure("duration", value * _SECONDS[unit], text[begin : m.end()].strip(), begin, unit, qualifier))
    for m in _AREA.finditer(text) if digits else ():
        raw = (m.group("sq") or m.group("sqa") or m.group("flat")).lower()
        unit = _singular(raw) if len(raw) > 3 else raw
        factor = _SQUARE_METRES.get(unit) or _SQUARE_METRES.get(unit.rstrip("s"), 0.0)
        if not factor:
            continue
        value = _digits(m.group("num")) * _scale(m.group("scale")) * factor
        out.append(Measure("area", value, m.group().strip(), m.start(), unit, _qualifier(text, m.start(), False)))
    if digits and _LENGTH_OR_SPEED_UNIT.search(text):
        out += _lengths_and_speeds(text)
    return tuple(sorted(out, key=lambda x: x.start))


def _lengths_and_speeds(text: str) -> list[Measure]:
    out: list[Measure] = []
    speeds: list[tuple[int, int]] = []
    for m in _SPEED.finditer(text):
        if m.group("unit"):
            unit = m.group("unit").lower()
            factor = _METRES_PER_SECOND[unit]
        else:
            unit = _singular(m.group("length").lower())
            factor = _METRES.get(unit, 0.0) / _SECONDS["hour"]
        if not factor:
            continue
        speeds.append(m.span())
        out.append(_measure("speed", m, _SPEED_NAME.get(round(factor, 6), unit), factor, text))
    for m in _LENGTH.finditer(text):
        if any(a <= m.start() < b for a, b in speeds):
            continue
        unit = _singular(m.group("unit").lower())
        factor = _METRES.get(unit, 0.0)
        if factor:
            out.append(_measure("length", m, _LENGTH_NAME[round(factor, 6)], factor * _scale(m.group("scale")), text))
    return out


def _measure(dimension: str, m: re.Match[str], unit: str, factor: float, text: str) -> Measure:
    raw = m.group("num")
    decimals = len(raw.rsplit(".", 1)[1].strip()) if "." in raw else 0
    return Measure(
        dimension,
        _digits(raw) * factor,
        m.group().strip(),
        m.start(),
        unit,
        _qualifier(text, m.start(), False),
        factor=factor,
        step=factor * 10.0**-decimals,
    )


def _qualifier(text: str, start: int, clock: bool) -> str | None:
    found = _qualifier_match(text, start, clock)
    return found.group().strip().lower() if found else None


def _qualifier_match(text: str, start: int, clock: bool) -> re.Match[str] | None:
    return (_CLOCK_QUALIFIER if clock else _QUALIFIERS).search(text, max(0, start - 25), start)
