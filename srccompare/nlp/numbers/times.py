"""The times a sentence names: the years and months it gives (``time_anchors``, ``other_times``,
``undated_times``, ``month_of``) and its times of day (``clock_times``)."""

from __future__ import annotations

import re

from ..tokens import MONTHS

_YEAR_OR_MONTH = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|january|february|march(?=\s+\d)|april|june|july|august|september|october|november"
    r"|december|jan|feb|mar(?=\.?\s+\d)|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?",
    re.IGNORECASE,
)


def time_anchors(text: str) -> frozenset[str]:
    """The years and months a sentence names ("in December 2003", "In February"), lower case: a figure given with
    another time than the rest (a past quake's toll) is a figure of another happening."""
    return frozenset(_anchor(m.group()) for m in _YEAR_OR_MONTH.finditer(text))


def _anchor(written: str) -> str:
    """A year or month as an anchor: the year ("2003."-> "2003"), a month's first three letters ("Dec." -> "dec")."""
    bare = written.lower().rstrip(".")
    return bare if bare[:1].isdigit() else bare[:3]


# The months' first three letters are their anchors (time_anchors).
_MONTH_ORDER = [full[:3] for full in MONTHS]
_SINCE = re.compile(r"\bsince\s+(?:(?:last|early|late|mid-?)\s+)?$", re.IGNORECASE)


def month_of(published: str | None) -> tuple[int, int] | None:
    """The (year, month) of an ISO date (an article's ``published``), or None: the time ``other_times`` reads from."""
    if not published or len(published) < 7 or not published[:4].isdigit() or not published[5:7].isdigit():
        return None
    return int(published[:4]), int(published[5:7])


def other_times(text: str, year: int, month: int) -> frozenset[str]:
    """The years and months of ``time_anchors(text)`` before the time of ``year`` and ``month`` (an article's date):
    an earlier year, or a month of the same year more than one month earlier ("in February" in a November report;
    "in December 2003" gives "2003"). A figure told beside one belongs to a past happening, not the report's own.
    Not a later time (a contract "through 2017", a trial "set for January": the report's own story), nor a time
    after "since" (a span that reaches the report's time)."""
    out = set()
    since_end = -1
    for m in _YEAR_OR_MONTH.finditer(text):
        if _SINCE.search(text, 0, m.start()) or (since_end >= 0 and not text[since_end : m.start()].strip(" ,")):
            # "arrested three times since October": a span reaching the report's own time, not another happening
            since_end = m.end()
            continue
        since_end = -1
        anchor = _anchor(m.group())
        if anchor.isdigit():
            if int(anchor) < year:
                out.add(anchor)
        elif anchor in _MONTH_ORDER and month - (_MONTH_ORDER.index(anchor) + 1) > 1:
            out.add(anchor)
    return frozenset(out)


# A month with its day after it ("November 27", "Nov. 27th"): more often the date of the report's own happening.
_DAY_AFTER = re.compile(r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+$")
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def undated_times(text: str) -> frozenset[str]:
    """``other_times`` for a sentence of an article whose date is unknown: the months it names without a day ("in
    September", "Early November, the Royal Navy had captured eight pirates") and the years it names after "in" ("In
    2003, a quake killed ..."), which date a past happening far more often than the report's own; not a month with its
    day ("struck on November 27", "on 17 November"), nor a time after "since"."""
    out = set()
    for m in _YEAR_OR_MONTH.finditer(text):
        if _SINCE.search(text, 0, m.start()):
            continue
        anchor = _anchor(m.group())
        if anchor.isdigit():
            if _IN_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                out.add(anchor)
        elif not _DAY_AFTER.match(text, m.end()) and not _DAY_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            out.add(anchor)
    return frozenset(out)


# A zone after four digits of a time of day, in capitals ("GMT", "BST", "EDT", "UTC", "CET"), or "local
# time": not a two-letter word ending in T ("2000 IT workers").
_ZONE_WORD = r"(?-i:(?:[A-Z]{1,2}[SD]T|UTC|GMT|CET|CEST|IST|JST|KST)\b)|local\s+time\b"
# A digit: what a time of day or an area cannot be written without.
_DIGIT = re.compile(r"\d")
# A time of day: "10:30 a.m.", "1:53 p.m.", "06:00 BST", "6am", "8. 30am" (re-spaced), "9 a.m.", and the
# wire services' four digits before a zone, or before another time with one: "0830 GMT", "at 1353
# (1023 GMT)".
_CLOCK = re.compile(
    r"(?<![\w.:,])(?P<h>\d{1,2})(?:[:.] ?(?P<m>\d{2}))?\s?(?P<ampm>[ap]\.?m\b\.?)"
    r"|(?<![\w.:,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)"
    rf"|(?<![\w.:,])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)"
    rf"(?=\s*\(?(?:{_ZONE_WORD})|\s*\((?:[01]\d|2[0-3])[0-5]\d\s*(?:{_ZONE_WORD}))",
    re.IGNORECASE,
)


def clock_times(text: str) -> list[float]:
    """The times of day ``text`` gives, as minutes after midnight ("10:30 a.m." -> 630, "6am" and "06:00" -> 360)."""
    if not _DIGIT.search(text):
        return []  # every time of day is written with digits; most sentences have none
    return [minutes for m in _CLOCK.finditer(text) if (minutes := _minutes(m)) is not None]


def _minutes(m: re.Match[str]) -> float | None:
    """A _CLOCK match as minutes after midnight, or None when it is no time ("13 p.m.")."""
    if m.group("h24") is not None:
        return float(int(m.group("h24")) * 60 + int(m.group("m24")))
    if m.group("hh") is not None:
        return float(int(m.group("hh")) * 60 + int(m.group("mm")))
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    pm = m.group("ampm").lower().startswith("p")
    return float((hour % 12 + (12 if pm else 0)) * 60 + minute)
