"""Reading the figures of a text: every number with its value, its unit or counted noun, its kind and its
qualifier (``Number``, ``find_numbers``), with ranges, fractions, currencies, signs and telephone numbers."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ... import data as _data
from ..memo import per_sentence
from ..sentences import respaced_decimal
from ..tokens import MONTH_ABBREVIATIONS, MONTHS, month_name, plural_stem
from ..tokens import SMALL_NUMBERS as _SMALL
from ..tokens import TENS as _TENS
from ._patterns import (
    _CURRENCY_WORDS,
    _MEASURES,
    _NUM,
    _QUALIFIERS,
    _SCALES,
    _SHORT_SCALES,
    _UNIT_WORDS,
    _WORDNUM,
    _digits,
    _scale,
    _singular,
    _unit_after,
    _words,
)
from .measure import _METRES, _SECONDS, _SPEED_AFTER, _SPEED_NAME
from .times import _CLOCK, _minutes


@dataclass(frozen=True)
class Number:
    value: float
    unit: str | None
    start: int
    end: int
    text: str
    kind: str = "cardinal"  # cardinal | ordinal | money | percent | year | date | label (Boeing 737)
    qualifier: str | None = None  # about, nearly, more than, less than, at least...
    # True when the unit is sure to be what is counted or measured: a plural noun ("containers"),
    # a measure, a currency or %; False for a guess from the next word ("two earlier cases" is sure,
    # "Eighty-six seriously" is a guess).
    counted: bool = False
    # The high end when this is the low end of a range ("30 to 40 firefighters": 40), else None.
    upper: float | None = None


_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_ORDINALS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000})
# The months' names and their abbreviations.
_MONTHS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS)
_CURRENCY_SIGNS = {"$": "$", "us$": "$", "€": "€", "£": "£", "¥": "¥", "₩": "won", "₹": "rupee", "₽": "rouble"}
# Dollars with the country written beside the sign ("$US1 million", "A$5 million", "C$2 billion"): the US dollar is
# the bare sign's unit, the others are currencies of their own. Read after the main pattern (_country_dollars), which
# they would slow down at every position of every text.
_COUNTRY_DOLLARS = {"$us": "$", "a$": "A$", "au$": "A$", "c$": "C$", "nz$": "NZ$", "hk$": "HK$", "s$": "S$"}
_COUNTRY_DOLLAR = re.compile(r"(?<![\w$])(?:(?P<before>au|nz|hk|[acs])\$|\$us)\s?(?=\d)", re.IGNORECASE)


# Qualifiers that bound the figure from below or above (data/quantities.toml [bounds]).
LOWER_BOUNDS = frozenset(_data.load("quantities")["bounds"]["lower"])
UPPER_BOUNDS = frozenset(_data.load("quantities")["bounds"]["upper"])


def beyond_bound(qualifier: str | None, value: float, other: float) -> bool:
    """Whether ``other`` lies on the wrong side of a figure ``value`` its ``qualifier`` bounds: below "more than 8",
    above "fewer than 20"."""
    return (qualifier in LOWER_BOUNDS and other < value) or (qualifier in UPPER_BOUNDS and other > value)


_ORDWORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# "and" joins number words into one figure only after a scale ("one hundred and five", "two thousand and ten"); "six and
# eight" are two figures (the ends of "between six and eight years"), not 14.
_AND_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _SCALES) + r")\s+and\s+"
# (a sum's "MM" is the financial press's million: "$200MM"; a plain number's "mm" is millimetres, _MEASURES)
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mm|mn|bn|b|tn|trn)\b)?"


# A number after a hyphen is not read ("I-75", "COVID-19", "737-800": labels), but for a decimal after a word
# ("magnitude-5.9", "magnitude-5. 9" re-spaced: never 9 alone).
# Matched against the lowercased text: case-insensitive matching of the number words is five
# times slower than lowercasing first (offsets are kept; see find_numbers).
_ALTERNATIVES = (
    rf"(?P<cur>us\$|[$€£¥₩₹₽])\s?(?P<cnum>{_NUM}){_SCALE.replace('(?:', '(?P<cscale>', 1)}"
    rf"|(?:(?<![\w.,:/-])(?<!-\d\. )(?<!-\d\d\. )|(?<=[a-z]-)(?=\d{{1,2}}\. ?\d)|(?<=[\s(\[]-)|(?<=^-))"
    rf"(?P<num>{_NUM}|\.\d{{1,3}}(?![\d,.]))"
    rf"(?:(?P<ord>st|nd|rd|th)|(?P<sscale>k|m|mn|bn|tn|trn)|(?P<measure>{_MEASURES}))?(?![\w/]|[.,:]\d|-\d)"
    rf"(?P<scale>(?:\s*|-)(?:hundred|thousand|million|billion|trillion)\b)?"
    rf"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    rf"|\b(?P<words>(?:{_WORDNUM})(?:(?:[\s-]+|{_AND_AFTER_SCALE})(?:{_WORDNUM}))*)\b(?P<wpct>\s(?:percent|per cent)\b)?"
    rf"|\b(?P<ordw>{_ORDWORD})\b"
)
# Where a match can start: a digit, a currency sign, or a word that opens like a number word. The
# alternation is otherwise tried in full at every position of the text; this check first takes the
# scan of 1,000 articles' paragraphs from 0.30 s to 0.18 s, with the same matches.
_FIRST_LETTERS = "".join(sorted({w[0] for w in (*_SMALL, *_TENS, *_SCALES, *_ORDINALS)}))
_PATTERN_SOURCE = rf"(?=[\d$€£¥₩₹₽]|\.\d|us\$|\b[{_FIRST_LETTERS}])(?:{_ALTERNATIVES})"
_PATTERN = re.compile(_PATTERN_SOURCE)
_PATTERN_ANY_CASE = re.compile(_PATTERN_SOURCE, re.IGNORECASE)
_DOLLAR_FIGURE = re.compile(rf"(?P<cnum>{_NUM}){_SCALE.replace('(?:', '(?P<cscale>', 1)}")
# A telephone number: groups of digits after a trunk "0", a "+" and country code, or an area code in brackets
# ("0845 125 2222", "+44 20 7946 0000", "(555) 123-4567"). A count never starts with a 0 followed by a digit.
_PHONE = re.compile(
    r"(?<![\w.,/:-])(?:\+\d{1,3}[\s-]?|\(\d{2,5}\)\s?|0\d{1,4}[\s-])\d{2,6}(?:[\s-]\d{2,6}){0,3}(?![\w.,]?\d)"
)
# What every telephone number holds, tried first: most sentences have none of these.
_PHONE_HINT = re.compile(r"(?<![\d.])0\d|\+\d|\(\d")
_DAY_COMMA = re.compile(r"\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.? \d{1,2}, (?=\d{3})")


def telephone_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of the telephone numbers in ``text`` ("0845 125 2222"): no figure, and no word of one."""
    if not _PHONE_HINT.search(text):
        return []
    return [m.span() for m in _PHONE.finditer(text)]


def _telephone(text: str, start: int, end: int) -> Number:
    """A telephone number as one figure: its digits as its value, "telephone" its unit, written as printed."""
    written = text[start:end].strip()
    digits = "".join(c for c in written if c.isdigit())
    return Number(float(digits or 0), TELEPHONE, start, start + len(written), written, "label")


# The unit of a telephone number read as one figure (``_telephone``).
TELEPHONE = "telephone"


def find_numbers(text: str) -> list[Number]:
    """Every quantity in ``text``, in order."""
    return list(_find_numbers(text))


@per_sentence
def _find_numbers(text: str) -> tuple[Number, ...]:
    # Cached: the aligner, the omission check and every pair of a group's classifier read a sentence's numbers.
    out: list[Number] = []
    lower = text.lower()
    # A few characters change length when lowercased (İ); offsets must index the text as given.
    if ", " in lower:
        # "May 5, 300 protesters" is a day then a count, not 5,300 re-spaced: the space is masked
        # (same length, so the offsets still index the text).
        lower = _DAY_COMMA.sub(lambda m: m.group().replace(" ", "\x00"), lower)
    phones = telephone_numbers(lower)
    for start, end in phones:
        # A telephone number is no figure of anything ("call police on 0845 125 2222"): masked whole, and read as
        # one label, so that an outlet printing it with a digit short ("0845 125 222") shows as another number.
        lower = lower[:start] + "\x00" * (end - start) + lower[end:]
    matches = _PATTERN.finditer(lower) if len(lower) == len(text) else _PATTERN_ANY_CASE.finditer(text)
    for m in matches:
        number = _read(text, m)
        if number is not None:
            out.append(number)
    if phones:
        out = sorted([*out, *(_telephone(text, start, end) for start, end in phones)], key=lambda n: n.start)
    if any(part in lower for part in _FRACTION_PARTS) and _FRACTION_HINT.search(lower):
        out = _with_fractions(text, lower, out)
    if "$" in text:
        out = _country_dollars(text, out)
    return tuple(_ranges_scaled(text, out))


def _with_fractions(text: str, lower: str, numbers: list[Number]) -> list[Number]:
    """``numbers`` with each share written as a fraction of a whole read as a percentage ([fractions] of
    data/quantities.toml): "more than half of the 288 candidates" is more than 50%, "two-thirds of voters" 66.7%, and
    so is "more than half are members" (of the whole just named); a fraction of a scale word is a figure ("nearly half
    a million homeless", "a quarter of a million dollars", "half a dozen shells"). The number words inside the
    fraction ("two", the ordinal "third") are no figures of their own."""
    found = []
    for m in _FRACTION.finditer(lower):
        before = _WORD_BEFORE.search(lower, max(0, m.start() - 20), m.start())
        if before and before.group(1) in _FRACTION_NOT_AFTER:
            continue  # "the first half of the year": a part, not a share
        following = m.group("next") or ""
        if following in _FRACTION_NOT_OF or plural_stem(following) in _FRACTION_NOT_OF:
            continue  # "a quarter of an hour": a span
        count = _FRACTIONS["counts"].get(m.group("count") or "", 1)
        value = round(100.0 * count / _FRACTIONS["parts"][m.group("part")], 1)
        found.append(_qualified(text, value, "%", m.start(), m.end("part"), "percent", True))
    for m in _FRACTION_OF_SCALE.finditer(lower):
        count = _FRACTIONS["counts"].get(m.group("count") or "", 1)
        value = count / _FRACTIONS["parts"][m.group("part")] * _SCALES[m.group("scale")]
        start, end = m.start(), m.end()
        unit, counted = _unit_after(text, end)
        kind = "cardinal"
        if unit in _CURRENCY_WORDS:
            kind, unit, counted = "money", _CURRENCY_WORDS[unit], True
        found.append(_qualified(text, value, unit, start, end, kind, counted))
    # "a quarter of a million" is the figure, not a quarter share of something
    found = [
        f for f in found if f.kind != "percent" or not any(g.kind != "percent" and g.start == f.start for g in found)
    ]
    if not found:
        return numbers
    kept = [n for n in numbers if not any(n.start < f.end and f.start < n.end for f in found)]
    return sorted([*kept, *found], key=lambda n: n.start)


def _country_dollars(text: str, numbers: list[Number]) -> list[Number]:
    """``numbers`` with the sums written in a dollar of a named country ("A$5 million", "$US1 million") read so: the
    main pattern reads "A$5 million" from its "$" on, and "$US1 million" not at all (or its digits as a label)."""
    found = list(_COUNTRY_DOLLAR.finditer(text))
    if not found:
        return numbers
    out = list(numbers)
    lower = text.lower()
    for m in found:
        figure = _DOLLAR_FIGURE.match(lower, m.end())
        if figure is None:
            continue
        unit = _COUNTRY_DOLLARS[(m.group("before").lower() + "$") if m.group("before") else "$us"]
        value = _digits(figure.group("cnum")) * _scale(figure.group("cscale"))
        n = Number(value, unit, m.start(), figure.end(), text[m.start() : figure.end()].strip(), "money", counted=True)
        out = [x for x in out if x.end <= n.start or x.start >= n.end] + [n]
    return sorted(out, key=lambda x: x.start)


# Between two sums of a range ("$140-$150 million", "between $140 and $150 million"): the first takes the second's
# scale.
_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|to|and|or)\s*$")
# Between the two ends of a range of counts ("30 to 40 firefighters", "between 50 and 70 people").
_RANGE_TO = re.compile(r"\s*(?:to|and|or|-|–)\s*")


def _ranges_scaled(text: str, numbers: list[Number]) -> list[Number]:
    numbers = _range_tails(text, numbers)
    for k in range(len(numbers) - 1):
        a, b = numbers[k], numbers[k + 1]
        if (
            a.kind == b.kind == "cardinal"
            and a.unit is None
            and b.unit is not None
            and b.counted
            and a.value < b.value
            and _RANGE_TO.fullmatch(text[a.end : b.start])
        ):
            # "as many as 30 to 40 firefighters": the range's low end counts what its high end counts, and knows the
            # high end, so that "about 40 firefighters" elsewhere agrees with the range (compare/differences/numbers/shown.py).
            numbers[k] = a = dataclasses.replace(a, unit=b.unit, counted=True, upper=b.value)
        if (
            b.kind == "percent"
            and a.kind in ("cardinal", "percent")
            and a.unit in (None, "%")
            and a.value < b.value
            and _RANGE_TO.fullmatch(text[a.end : b.start])
        ):
            # "between 40 and 80 percent", "40 percent to 70 percent": a range of shares, whose low end is a share
            # too and knows its high end (a range's changed end is what two outlets disagree on)
            numbers[k] = a = dataclasses.replace(a, kind="percent", unit="%", counted=True, upper=b.value)
        if (
            a.kind == b.kind == "money"
            and a.unit == b.unit
            and a.value < 1000 <= b.value
            and a.text[-1:].isdigit()
            and _RANGE_BETWEEN.match(text[a.end : b.start])
        ):
            scale = _scale_of(b)
            if scale > 1 and a.value * scale < b.value * 10:
                numbers[k] = dataclasses.replace(a, value=a.value * scale)
    return numbers


# The second sum of a range written without its currency sign after a hyphen ("$140-150 million"): read as a sum in
# the first one's currency. (A number after a hyphen is otherwise no figure: "I-75".)
_RANGE_TAIL = re.compile(rf"\s?[-–—]\s?(?P<num>{_NUM}){_SCALE.replace('(?:', '(?P<scale>', 1)}", re.IGNORECASE)


def _range_tails(text: str, numbers: list[Number]) -> list[Number]:
    out = list(numbers)
    for a in numbers:
        if a.kind != "money" or not a.text[-1:].isdigit():
            continue
        tail = _RANGE_TAIL.match(text, a.end)
        if tail is None or any(n.start >= a.end and n.start < tail.end() for n in numbers):
            continue
        value = _digits(tail.group("num")) * _scale((tail.group("scale") or "").lower() or None)
        out.append(
            Number(
                value,
                a.unit,
                tail.start("num"),
                tail.end(),
                text[tail.start("num") : tail.end()].strip(),
                "money",
                counted=True,
            )
        )
    return sorted(out, key=lambda x: x.start) if len(out) > len(numbers) else numbers


def _scale_of(n: Number) -> float:
    """The scale word a sum was written with, as a factor (1 where none)."""
    written = n.text.lower().rstrip(".")
    return next((factor for word, factor in _SCALE_ENDINGS if written.endswith(word)), 1.0)


# The scale words, longest first so that "mn" and "bn" are tried before "m" and "b" (_scale_of).
_SCALE_ENDINGS = sorted({**_SCALES, **_SHORT_SCALES}.items(), key=lambda x: -len(x[0]))


def _read(text: str, m: re.Match[str]) -> Number | None:
    start, end = m.start(), m.end()
    if m.group("num") and (clock := _CLOCK.match(text, start)) and _minutes(clock) is not None:
        if end - start == 4 and clock.group("hh"):
            return None  # "0830 GMT": a time of day (clock_times, measures), not a figure of 830
        if clock.group("ampm") or clock.group("h24"):
            return None  # "3 p.m.", "10:30": the hour of a time of day, compared as a time (measures)
    kind = "cardinal"
    unit: str | None = None
    if m.group("cur"):
        value = _digits(m.group("cnum")) * _scale(m.group("cscale"))
        kind, unit = "money", _CURRENCY_SIGNS[m.group("cur").lower()]
    elif m.group("num"):
        raw = m.group("num")
        if start >= 2 and respaced_decimal(text, start - 2) and raw.isdigit():
            raw = "." + raw  # "a loaded. 38-caliber revolver": re-spaced ".38" (the splitter keeps it whole)
        value = _digits(raw) * _scale(m.group("scale") or m.group("sscale"))
        if m.group("measure"):
            unit = _UNIT_WORDS.get(m.group("measure").lower(), m.group("measure").lower())
        elif m.group("ord"):
            kind = "ordinal"
        elif m.group("pct"):
            kind, unit = "percent", "%"
        elif re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not (m.group("scale") or m.group("sscale")):
            kind, unit = "year", "year"
    elif m.group("words"):
        parsed = _words(m.group("words"))
        if parsed is None:
            return None
        value = parsed
        if m.group("wpct"):
            kind, unit = "percent", "%"
    else:
        value = float(_ORDINALS[m.group("ordw").lower()])
        kind = "ordinal"
    counted = unit is not None and kind != "year"
    if kind == "year":
        noun, plural = _unit_after(text, end)
        if plural and noun != "year" and not _MONTH_BEFORE.search(text, 0, start):
            kind, unit, counted = "cardinal", noun, True  # '2000 troops'
    if unit is None:
        hyphened = _HYPHENED_UNIT.match(text, end)
        if hyphened:
            # "a 6-foot, 200-pound man", "the 30-mile pursuit": a measure written as an adjective.
            unit, counted = _UNIT_WORDS.get(hyphened.group(1).lower(), "lb"), True
        else:
            unit, counted = _unit_after(text, end)
            if unit in ("pound", "pounds") and _WEIGHED.search(text, max(0, start - 30), start):
                unit = "lb"  # "weighing approximately 200 pounds": a weight, not £200
        if unit in _CURRENCY_WORDS:
            kind, unit, counted = "money", _CURRENCY_WORDS[unit], True
    if kind == "money" and unit is not None:
        unit = unit + (_money_rate(text, end) or "")
    if (unit == "time" and _SHOT_BEFORE.search(text, max(0, start - 40), start)) or (
        unit in _SHOT_NOUNS and (_HIT_AFTER.match(text, end) or _HIT_BY_BEFORE.search(text, max(0, start - 20), start))
    ):
        # "shot eleven times", "hitting Gray eleven times", "seven bullets entered his body", "hit by seven bullets":
        # the shots that hit someone, not those fired ("fired 11 shots")
        unit, counted = "hit", True
    elif unit in _SHOT_NOUNS and _LOADED_BEFORE.search(text, max(0, start - 20), start):
        unit, counted = "loaded", True  # "a revolver loaded with four bullets": the gun's load, not shots fired
    elif unit in _SHOT_NOUNS and (
        _FIRED_BEFORE.search(text, max(0, start - 30), start) or _FIRED_AFTER.match(text, end)
    ):
        unit = "shot"  # "fired 11 rounds", "fired 11 shots", "the seven bullets fired": one count, whichever noun
    if unit in _METRES and _SPEED_AFTER.match(text, end):
        # "120 miles an hour", "193km / h": a speed, not a distance ("chased for 30 miles")
        unit = _SPEED_NAME.get(round(_METRES[unit] / _SECONDS["hour"], 6), unit)
    if kind == "ordinal" and unit in _STREETS:
        kind, unit, counted = "label", None, False  # "E. 52nd St.", "Fifth Avenue": an address, no figure to compare
    month = _month_near(text, start, end)
    if kind == "cardinal" and month and value <= 31 and value == int(value):
        kind, unit, counted = "date", month, False
    elif kind == "cardinal" and m.group("num") and not (counted and not float(value).is_integer()):
        name = _NAME_BEFORE.search(text, max(0, start - 30), start)
        if name and name.group(1).lower() not in _NOT_NAMES:
            # part of a name: 'Standard & Poor's 500 index', 'Boeing 737', 'Resolution 2231'; not a fraction
            # counting a plural noun after a name ("Andre Iguodala 14.9 points"), where "Windows 10 users" stays
            # a label
            kind, unit, counted = "label", name.group(1).lower(), False
    if kind in ("cardinal", "percent") and value and (sign := _SIGN_BEFORE.search(text, max(0, start - 10), start)):
        # "-0.5%", "minus 17 degrees": a deposit rate below zero, a frost; the sign is part of the figure shown.
        value, start = -value, sign.start()
    return _qualified(text, value, unit, start, end, kind, counted)


def _qualified(text: str, value: float, unit: str | None, start: int, end: int, kind: str, counted: bool) -> Number:
    """The figure at ``text[start:end]``, with the qualifier written before it ("about", "more than")."""
    qualifier = _QUALIFIERS.search(text, max(0, start - 25), start)
    return Number(
        value,
        unit,
        start,
        end,
        text[start:end],
        kind,
        qualifier.group().strip().lower() if qualifier else None,
        counted,
    )


# A minus sign (a hyphen after a space or a bracket, or U+2212) or the word "minus" / "negative" right before a figure;
# the figure's text then starts with it (``unsigned``).
_SIGN_MARK = r"[-\u2212]"
_SIGN_WORD = r"(?:minus|negative)\s+"
_SIGN_BEFORE = re.compile(rf"(?:(?<![\w.,:/-]){_SIGN_MARK}|\b{_SIGN_WORD})$", re.IGNORECASE)
_SIGN_PREFIX = re.compile(rf"^(?:{_SIGN_MARK}|{_SIGN_WORD})", re.IGNORECASE)


def unsigned(written: str) -> str:
    """A figure as written, without the sign ``_read`` took into it ("minus 17" -> "17")."""
    return _SIGN_PREFIX.sub("", written)


# quantities.toml [streets] and [shots]: addresses, and shots that hit someone or load a gun.
_STREETS = frozenset(_data.load("quantities")["streets"]["words"])
_SHOTS = _data.load("quantities")["shots"]
_SHOT_NOUNS = frozenset(_SHOTS["nouns"])


def _alternation(words: list[str], plural: bool = False) -> str:
    return "|".join(f"{w}s?" if plural else w for w in sorted(words, key=len, reverse=True))


_FRACTIONS = _data.load("quantities")["fractions"]
_PARTS = _alternation(list(_FRACTIONS["parts"]))
_SCALE_WORDS = _alternation(list(_SCALES))
_FRACTION_HINT = re.compile(rf"\b(?:{_PARTS})\s+(?:of|are|were|is|was|have|had|an?\s+(?:{_SCALE_WORDS}))\b")
# A fraction with the count before it: "half", "a third", "two-thirds".
_FRACTION_HEAD = rf"\b(?:(?P<count>{_alternation(list(_FRACTIONS['counts']))})[\s-]+)?(?P<part>{_PARTS})"
_FRACTION = re.compile(
    _FRACTION_HEAD
    + r"(?:\s+of\s+(?:(?:the|a|an|its|their|his|her|our|all)\s+)?(?P<next>[\w’'-]+)|(?=\s+(?:are|were|is|was|have|had)\b))"
)
# A fraction of a scale word is a figure: "half a million people", "a quarter of a million", "half a dozen shells".
_FRACTION_OF_SCALE = re.compile(_FRACTION_HEAD + rf"\s+(?:of\s+)?an?\s+(?P<scale>{_SCALE_WORDS})\b")
_FRACTION_NOT_AFTER = frozenset(_FRACTIONS["not_after"])
# A substring test first: most sentences hold no fraction word, and the pattern's search costs ten times as much.
_FRACTION_PARTS = tuple(_FRACTIONS["parts"])
_FRACTION_NOT_OF = frozenset(_FRACTIONS["not_of"])
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")


_HIT_AFTER = re.compile(
    rf"\s+(?:{_alternation(_SHOTS['nouns'], plural=True)})\s+(?:\w+\s+)?(?:{_alternation(_SHOTS['hit_after'])})\b",
    re.IGNORECASE,
)
_HIT_BY_BEFORE = re.compile(rf"\b(?:{_alternation(_SHOTS['hit_by'])})\s+by\s+$", re.IGNORECASE)
_LOADED_BEFORE = re.compile(rf"\b(?:{_alternation(_SHOTS['loaded'])})\s+with\s+$", re.IGNORECASE)


def _words_after(words: list[str]) -> re.Pattern[str]:
    """One of ``words`` and up to three words more, ending where the search ends ("fired a total of ", "hitting Gray ")."""
    return re.compile(rf"\b(?:{_alternation(words)})\b(?:\s+[\w’'.-]+){{0,3}}\s+$", re.IGNORECASE)


_FIRED_BEFORE = _words_after(_SHOTS["fired"])
_FIRED_AFTER = re.compile(
    rf"\s+(?:{_alternation(_SHOTS['nouns'], plural=True)})\s+(?:{_alternation(_SHOTS['fired'])})\b", re.IGNORECASE
)
_SHOT_BEFORE = _words_after(_SHOTS["times_after"])

# A sum's rate, after its currency word when it is written after the figure ("20 million euros a year").
_RATES = _data.load("quantities")["money_rates"]
_MONEY_RATE = re.compile(
    rf"(?:\s+(?:{_alternation(sorted(_CURRENCY_WORDS))}))?"
    rf"\s+(?:(?:{_alternation(_RATES['per'].split())})\s+(?P<noun>[a-z]+)\b|(?P<periodic>{_alternation(_RATES['periodic'])})\b)"
    rf"(?!\s+(?:{_alternation(_RATES['not_after'].split())})\b)",
    re.IGNORECASE,
)


def _money_rate(text: str, end: int) -> str | None:
    """The rate ("/season") when a sum ending at ``end`` is one ("$20 million per season", "$3 a gallon", "$1 million
    annually"), else None: a rate and a total are two quantities, so its unit tells them apart."""
    m = _MONEY_RATE.match(text, end)
    if m is None:
        return None
    if m.group("periodic"):
        return "/" + _RATES["periodic"][m.group("periodic").lower()]
    return "/" + _singular(m.group("noun").lower())


_HYPHENED_UNIT = re.compile(
    r"-(pounds?|feet|foot|miles?|metres?|meters?|kilometres?|kilometers?|tons?|tonnes?|kilograms?|kilos|km|kg|ft|lbs?"
    r"|caliber|calibre)\b",
    re.IGNORECASE,
)
_WEIGHED = re.compile(r"\bweigh(?:s|ed|ing)?\b[^.;]*$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b([A-Z][\w&’'-]*)\s$")
# Capitalised words a count may follow without being part of a name (sentence openers and such).
_NOT_NAMES = (
    frozenset(
        """the a an in on at by of for from with since about some only all nearly almost over under after
    before around and but or as to than if when while just another every each""".split()
    )
    | _MONTHS
)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\.?,?\s+(?:\d{1,2},?\s+)?$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_MONTH_JUST_BEFORE = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+$", re.IGNORECASE)


def written_date(text: str, n: Number) -> str:
    """A day of a month as ``text`` writes it, month included ("Dec. 6", "6 December", "December 13"): the day
    alone ("6" / "13") tells a reader nothing."""
    found = _month_beside(text, n.start, n.end)
    return text[found[0] : found[1]] if found else n.text


def _month_near(text: str, start: int, end: int) -> str | None:
    found = _month_beside(text, start, end)
    return month_name(found[2]) if found else None


def _month_beside(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The month word right after or right before the number at text[start:end]: the span of the two, and the word."""
    after = _MONTH_AFTER.match(text, end)
    if after:
        return start, after.end(), after.group(1)
    before = _MONTH_JUST_BEFORE.search(text, max(0, start - 12), start)
    return (before.start(1), end, before.group(1)) if before else None
