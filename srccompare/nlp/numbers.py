"""Numbers in news text, with what they count, and the mismatches between two sentences.

API:

- ``find_numbers(text) -> list[Number]``: every quantity with its value, its unit or counted
  noun (``7,000 containers`` -> 7000.0 "container"; ``$1.5bn`` -> 1.5e9 "$"; ``40%`` -> 40 "%";
  ``fifth term`` -> 5 "term"; ``in 2023`` -> 2023 "year"; ``9 June`` -> 9 "june"), its kind
  (cardinal, ordinal, money, percent, year, date, or label for a number in a name such as
  "Boeing 737", whose unit is the name, or a telephone number, unit "telephone") and a qualifier such as
  "about" or "less than" when the text hedges it; the low end of a range knows its high end
  (``30 to 40 firefighters``: ``upper`` 40).
- ``named_counts(text)``: the counts of a named thing ("23 pirates", not "three people"), with
  ``count_kind`` (the kind a noun names: boats and skiffs are vessels), ``is_measure`` and ``noun_end``.
- ``number_mismatches(a, b) -> list[NumberMismatch]``: pairs of numbers that tell the same
  thing differently: the same unit with another value ("7,000 containers" / "6,000
  containers"), or the same value with another unit ("16 agencies" / "16 countries").
  A number only one side mentions is not a mismatch: that is an added detail.

Units are lowercased and singular, so "agencies" and "agency" match; digits, words and scales
are read as values, so "three weeks", "3 weeks", "1.5bn" and "1,500 million" compare equal.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .. import data as _data
from .memo import on_clear, per_sentence
from .sentences import respaced_decimal
from .tokens import MONTH_ABBREVIATIONS, MONTHS, month_name, plural_stem
from .tokens import SMALL_NUMBERS as _SMALL
from .tokens import TENS as _TENS


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


@dataclass(frozen=True)
class NumberMismatch:
    a: Number
    b: Number
    kind: str  # "value": same unit, other value; "unit": same value, other unit

    @property
    def detail(self) -> str:
        return f"{self.a.text} / {self.b.text}"


# "dozen" multiplies as the others do ("two dozen units" are 24); alone ("a dozen") it is a round size (_A_ROUND).
_SCALES = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# The words that scale a figure, written out or short ("million", "bn"): part of a figure, never of its claim.
SCALE_WORDS = frozenset(_SCALES) | frozenset(_SHORT_SCALES)
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
_CURRENCY_WORDS = {
    "dollar": "$",
    "dollars": "$",
    "usd": "$",
    "euro": "€",
    "euros": "€",
    "eur": "€",
    "pound": "£",
    "pounds": "£",
    "gbp": "£",
    "yen": "¥",
    "won": "won",
    "krw": "won",
    "yuan": "yuan",
    "rupees": "rupee",
    "rupee": "rupee",
    "roubles": "rouble",
    "rubles": "rouble",
    "rouble": "rouble",
    "ruble": "rouble",
}
# Words that qualify the figure after them ("at least 10", "up to 120 mph").
QUALIFIER_PHRASES = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
    "up to",
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "as many as",
    "as much as",
    "as few as",
)
_QUALIFIERS = re.compile(r"(?:" + "|".join(QUALIFIER_PHRASES) + r")\s+$", re.IGNORECASE)
# Qualifiers that bound the figure from below or above (data/quantities.toml [bounds]).
LOWER_BOUNDS = frozenset(_data.load("quantities")["bounds"]["lower"])
UPPER_BOUNDS = frozenset(_data.load("quantities")["bounds"]["upper"])


def beyond_bound(qualifier: str | None, value: float, other: float) -> bool:
    """Whether ``other`` lies on the wrong side of a figure ``value`` its ``qualifier`` bounds: below "more than 8",
    above "fewer than 20"."""
    return (qualifier in LOWER_BOUNDS and other < value) or (qualifier in UPPER_BOUNDS and other > value)


# Words that end the search for the counted noun: '7,000 containers of ammunition'.
_NOUN_STOP = frozenset(_data.load("quantities")["noun_stop"]["words"].split())  # data/quantities.toml
_NOUNS = _data.load("quantities")["nouns"]
_NOUN_SKIP = frozenset(_NOUNS["skip"])

# "1,500", and "1, 500" as re-spaced text (ECB+) writes it: a space after the thousands comma; "5.9", and
# "5. 9" as the same text writes a decimal (at most three digits, then one or two: a year or a longer run
# after a full stop is the next sentence's).
_NUM = r"\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}\. \d{1,2}(?!\d)|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted(list(_SMALL) + list(_TENS) + list(_SCALES), key=len, reverse=True))
_ORDWORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# "and" joins number words into one figure only after a scale ("one hundred and five", "two thousand and ten"); "six and
# eight" are two figures (the ends of "between six and eight years"), not 14.
_AND_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _SCALES) + r")\s+and\s+"
# (a sum's "MM" is the financial press's million: "$200MM"; a plain number's "mm" is millimetres, _MEASURES)
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mm|mn|bn|b|tn|trn)\b)?"
_MEASURES = "km|kg|cm|mm|mph|kph|ft|lbs|lb|mw|gw|kw|kwh|gb|tb|mb|ha"
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
_NEXT_WORDS = re.compile(r"[^\W\d_][\w’'-]*|[^\w\s]")


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
            # high end, so that "about 40 firefighters" elsewhere agrees with the range (differences/numbers.py).
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


def number_mismatches(
    a: str | Sequence[Number], b: str | Sequence[Number], alike: Callable[[Number, Number], bool] | None = None
) -> list[NumberMismatch]:
    """Numbers of ``a`` and ``b`` (texts, or their ``find_numbers`` already found) that tell the same
    quantity differently (see the module doc). A number's match is a number of ``b`` with its unit: first
    one that ``alike`` says is a figure of the same thing (a toll with a toll: "shot three people, killing
    two people" / "shot to death one person"), else the first left."""
    na = [n for n in (find_numbers(a) if isinstance(a, str) else a) if n.unit]
    nb = [n for n in (find_numbers(b) if isinstance(b, str) else b) if n.unit]
    shared = {(n.unit, n.value) for n in na} & {(n.unit, n.value) for n in nb}
    out: list[NumberMismatch] = []
    used: set[int] = set()

    def unmatched_with_unit(x: Number) -> list[int]:
        return [i for i, y in enumerate(nb) if i not in used and y.unit == x.unit and (y.unit, y.value) not in shared]

    paired: dict[int, int] = {}  # index in na -> its match in nb, figures of one thing first
    if alike is not None:
        for k, x in enumerate(na):
            if (x.unit, x.value) in shared:
                continue
            match = next((i for i in unmatched_with_unit(x) if alike(x, nb[i])), None)
            if match is not None:
                used.add(match)
                paired[k] = match
    for k, x in enumerate(na):
        if (x.unit, x.value) in shared:
            continue
        if k in paired:
            out.append(NumberMismatch(x, nb[paired[k]], "value"))
            continue
        same_unit = unmatched_with_unit(x)
        if same_unit:
            used.add(same_unit[0])
            out.append(NumberMismatch(x, nb[same_unit[0]], "value"))
            continue
        if not x.counted or x.kind not in ("cardinal", "money", "percent"):
            continue  # an unsure unit, or an ordinal ('first month' / 'first quarter'), says no more
        same_value = [
            i
            for i, y in enumerate(nb)
            if i not in used
            and y.value == x.value
            and y.kind == x.kind
            and y.counted
            and (y.unit, y.value) not in shared
        ]
        if same_value:
            used.add(same_value[0])
            out.append(NumberMismatch(x, nb[same_value[0]], "unit"))
    return out


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


def _unit_after(text: str, end: int) -> tuple[str | None, bool]:
    """The counted noun after a number: the last plural in a short noun run, else its first word;
    and whether it was a plural (a sure count) rather than that guess."""
    words: list[str] = []
    proper = True  # every word of the run so far capitalised: nationalities, names of places
    tokens = [w.group() for w in _NEXT_WORDS.finditer(text, end, min(len(text), end + 60))]
    skip: set[int] = set()
    for k, token in enumerate(tokens):
        if k in skip:
            continue
        low = token.lower()
        if low in _COORDINATING and words and proper and not any(_plural(x) for x in words):
            # "23 Somali and Yemeni pirates", "12 Somali and 11 Yemeni nationals": the nationalities share the noun
            # they count
            after = tokens[k + 1 : k + 3]
            if after[:1] and after[0][:1].isupper():
                continue
            if len(after) == 2 and after[0][:1].isdigit() and after[1][:1].isupper():
                skip.add(k + 1)
                continue
        proper = proper and token[0].isupper()
        if not token[0].isalpha() or low in _NOUN_STOP or low in _SCALES:
            break
        if low in _NOUN_SKIP and not words:
            continue
        if low.endswith(("ed", "ing")) and any(_plural(w) for w in words):
            break  # "50, 000 people marched destroying dozens of banks": the run of nouns ended at its verb
        words.append(low)
        if len(words) == 4:
            break
    if not words:
        return None, False
    if words[0] in _CURRENCY_WORDS:
        return words[0], True
    if words[0] in _UNIT_WORDS:
        return _UNIT_WORDS[words[0]], True
    # A possessive ("Gray's", "the company’s") ends in s but counts nothing: "seven bullets entered
    # Gray's body" counts bullets.
    plurals = [w for w in words if _plural(w)]
    if plurals:
        return _singular(plurals[-1]), True
    return _singular(words[0]), False


_COORDINATING = frozenset({"and", "or"})


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith(("ss", "'s", "’s")) and len(word) > 3) or word in _IRREGULAR


_IRREGULAR: dict[str, str] = dict(_NOUNS["plural"])
_SAME_THING: dict[str, str] = dict(_NOUNS["same"])
_UNIT_WORDS = {
    "kilograms": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "metres": "m",
    "meters": "m",
    "tonnes": "ton",
    "tons": "ton",
    "miles": "mile",
    "mile": "mile",
    "metre": "m",
    "meter": "m",
    "foot": "foot",
    "feet": "foot",
    "tonne": "ton",
    "ton": "ton",
    "hectares": "ha",
    "hectare": "ha",
    # A measure written apart from its number ("3 km") is as sure a unit as one glued to it ("3km").
    **{m: m for m in _MEASURES.split("|")},
    "lbs": "lb",
    "caliber": "caliber",
    "calibre": "caliber",
}


_MEASURE_UNITS = frozenset(_UNIT_WORDS.values())


# The words that name a currency or a measure after a number ("50 million dollars", "3 km"): how a
# quantity is written, not something an outlet adds to it.
UNIT_WORDS = frozenset(_CURRENCY_WORDS) | frozenset(_UNIT_WORDS)


def _singular(word: str) -> str:
    """One spelling per counted thing: plural to singular, British to American, a few synonyms."""
    word = word.rstrip("'’")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _CURRENCY_WORDS or word == "news":
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "xes", "sses")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("isation"):
        word = word[:-7] + "ization"
    word = word.rstrip("'’")  # "KO's" written for "KOs"
    return _SAME_THING.get(word, word)


def _digits(raw: str) -> float:
    return float(raw.replace(",", "").replace(" ", ""))


def _scale(raw: str | None) -> float:
    if not raw:
        return 1.0
    word = raw.strip(" -").lower()
    return _SCALES.get(word) or _SHORT_SCALES.get(word, 1.0)


def _words(phrase: str) -> float | None:
    """Value of 'twenty-five', 'three hundred and fifty', 'two million'; None for a lone scale word."""
    total, current, seen_digit = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word == "and":
            continue
        if word in _SMALL:
            current += _SMALL[word]
            seen_digit = True
        elif word in _TENS:
            current += _TENS[word]
            seen_digit = True
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
    if not seen_digit:
        return None  # 'hundreds', 'a thousand' are no exact count (quantities reads them as vague figures)
    return total + current


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


@dataclass(frozen=True)
class _QuantityLexicon:
    stems: tuple[tuple[str, str], ...]  # (stem, thing), longest stems first
    whole_word: frozenset[str]
    rate_heads: frozenset[str]
    generic: frozenset[str]
    attributes: frozenset[str] = frozenset()
    generic_units: frozenset[str] = frozenset()
    large: float = 1000.0
    measured: frozenset[str] = frozenset()  # things a fraction can measure (the rest are counts)
    people: frozenset[str] = frozenset()  # counted nouns that count people, singular
    groups: frozenset[str] = frozenset()  # things that say who is counted, not what happened to them
    kinds: dict[str, str] = field(default_factory=dict)  # counted noun -> its kind ([kinds])
    spans: frozenset[str] = frozenset()  # things a span of time can be a figure of ([spans])
    places: frozenset[str] = frozenset()  # "a city of N": N is its population ([places])
    history: frozenset[str] = frozenset()  # "four prior arrests": a count of someone's past ([history])

    # Each word's thing, found once: the scan runs over every stem, and an event repeats its words.
    _things: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def word_thing(self, word: str) -> str | None:
        if word not in self._things:
            if len(self._things) >= _THINGS_HELD:
                self._things.clear()
            self._things[word] = self._scan(word)
        return self._things[word]

    def _scan(self, word: str) -> str | None:
        for stem, thing in self.stems:
            if word.startswith(stem) and (stem not in self.whole_word or word == stem):
                return thing
        return None


_THINGS_HELD = 1 << 16


_LEXICON: _QuantityLexicon | None = None


def _quantity_lexicon() -> _QuantityLexicon:
    global _LEXICON
    if _LEXICON is None:
        data = _data.load("quantities")
        stems = [(s, thing) for thing, ss in data["things"].items() for s in ss]
        _LEXICON = _QuantityLexicon(
            tuple(sorted(stems, key=lambda x: -len(x[0]))),
            frozenset(data["whole"]["words"]),
            frozenset(data["rates"]["heads"]),
            frozenset(data["rates"]["generic"]),
            frozenset(data.get("attributes", {}).get("things", ())),
            frozenset(data.get("figures", {}).get("generic", ())),
            float(data.get("figures", {}).get("large", 1000)),
            frozenset(data.get("measures", {}).get("things", ())),
            frozenset(_singular(w) for w in data.get("people", {}).get("nouns", "").split()),
            frozenset(data.get("groups", {}).get("things", ())),
            {_singular(w): kind for kind, words in data.get("kinds", {}).items() for w in words.split()},
            frozenset(data.get("spans", {}).get("things", ())),
            frozenset(data.get("places", {}).get("nouns", "").split()),
            frozenset(data.get("history", {}).get("words", ())),
        )
        on_clear(_LEXICON._things.clear)  # emptied with the per-sentence caches, between events
    return _LEXICON


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


def figure_keys(text: str) -> frozenset[tuple[str, float]]:
    """The figures of ``text`` that identify a fact across outlets: a count of a named thing ("seven bullets" ->
    ("bullet", 7.0)) or a large figure whatever its unit ("120,000", "$1.5bn" -> ("", value)) but a fraction of a scale
    word ("half a million"). Years, dates, numbers in names, ordinals and counts of people in general ("three people")
    are left out."""
    lex = _quantity_lexicon()
    keys = {(n.unit, n.value) for n in named_counts(text) if n.unit}
    for n in find_numbers(text):
        if n.kind not in ("year", "date", "label", "ordinal") and n.value >= lex.large:
            if _FRACTION_OF_SCALE.match(n.text.lower()):
                continue  # "half a million" is a round figure, which unrelated ones share ("a city of 500, 000")
            keys.add(("", n.value))
    keys.update(("clock", minutes) for minutes in clock_times(text))
    return frozenset(keys)


# Two numbers joined by a hyphen or a dash, with no letter, digit, point or slash against either end: a record
# ("fell to 36-3", "(58-3, 51 KO)"), a vote ("deadlocked at 9-3", "passed 162-139") or a score, which two
# outlets giving it exactly give as one fact; a range ("18-30") given exactly by two is as identifying. Not a
# date or a telephone number ("12-11-2008", "1-800-555"), a name ("AK-47", "F-16") or a decimal ("5.9-6.1").
# Read by the told check (``compare.told``) and by the aligner's loose groups (``compare.figure_groups._described``),
# not by its plain figure groups: a record sits in the lead beside the rounds and punches of the fight, and a plain
# group of its sentences set those against each other.
_TALLY = re.compile(r"(?<![\w.$/£€-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w%/–-]|[.,]\d)")


# "passed by a vote of 220 to 207", "voted 52 to 47", "by 220 votes to 207": a vote's tally written with "to", where
# a hyphen would read as a range everywhere else.
_VOTE_TO = re.compile(
    r"\bvot(?:e[sd]?|ing)\s+(?:(?:of|by)\s+)?(\d{1,3})\s+to\s+(\d{1,3})\b|\b(\d{1,3})\s+votes?\s+to\s+(\d{1,3})\b"
    # ... or after a verb of voting or winning, a few words between ("the bill passed the Senate 52 to 48")
    rf"|\b(?:{'|'.join(_data.load('quantities')['tallies']['verbs'])})\b(?:\s+[\w.’'-]+){{0,4}}?\s+(\d{{1,3}})\s+to\s+(\d{{1,3}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tally:
    """A record, a vote or a score: two counts given as one figure ("52-47", "a vote of 220 to 207")."""

    first: int
    second: int
    start: int
    end: int
    text: str

    @property
    def value(self) -> float:
        """The pair as one number, first * 1000 + second ("36-3" -> 36003.0), which the figure keys compare."""
        return float(self.first * 1000 + self.second)

    @property
    def played(self) -> int:
        """What the two counts add up to: the games of a record, the votes cast."""
        return self.first + self.second


def tallies(text: str) -> list[float]:
    """The tallies ``text`` gives ("36-3" -> 36003.0): each pair of numbers as one figure, first * 1000 + second."""
    return [t.value for t in tally_spans(text)]


@per_sentence
def tally_spans(text: str) -> tuple[Tally, ...]:
    """The tallies ``text`` gives, where it gives them, in order."""
    found = []
    if "-" in text or "–" in text:
        found += [(m.start(1), m.end(2), m.group(1), m.group(2)) for m in _TALLY.finditer(text)]
    if " to " in text:
        for m in _VOTE_TO.finditer(text):
            k = next(k for k in (1, 3, 5) if m.group(k))
            found.append((m.start(k), m.end(k + 1), m.group(k), m.group(k + 1)))
    return tuple(
        Tally(int(first), int(second), start, end, text[start:end]) for start, end, first, second in sorted(found)
    )


def is_range(text: str, tally: Tally) -> bool:
    """Whether a tally is rather a range of what the plural noun or unit after it counts ("5-10 minutes", "18-30
    people", "the 9-11 attacks", "20-30 percent"): read as a figure to identify a sentence by, never compared as a
    record or a score."""
    noun, plural = _unit_after(text, tally.end)
    return plural or noun in ("percent", "per")


def named_counts(text: str) -> list[Number]:
    """The counts of a named thing in ``text`` ("seven bullets", "23 pirates", "three speedboats"): cardinals with
    a counted noun that is not one of quantities.toml [figures] generic nouns ("three people", "two times")."""
    generic = _quantity_lexicon().generic_units
    return [n for n in find_numbers(text) if n.kind == "cardinal" and n.counted and n.unit and n.unit not in generic]


def is_measure(unit: str) -> bool:
    """Whether a counted noun is a unit of measure ("miles", "km", "mph", "caliber"): what it gives is a measure of
    something (``quantities``: a distance, a speed), not a count of it."""
    return unit in _UNIT_WORDS or unit in _MEASURE_UNITS


def noun_end(text: str, n: Number) -> int:
    """Where the counted noun of ``n`` ends in ``text`` ("23 Somali pirates": after "pirates"); ``n.end`` when
    the noun is not written after it."""
    for m in _NEXT_WORDS.finditer(text, n.end, min(len(text), n.end + 60)):
        if n.unit and _singular(m.group().lower()) == n.unit:
            return m.end()
    return n.end


def count_kind(unit: str) -> str:
    """The kind a counted noun names (quantities.toml [kinds]: "boat", "skiff" -> "vessels"), else the noun."""
    return _quantity_lexicon().kinds.get(unit, unit)


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


# --- Vague counts: "several shells", "dozens of firefighters" ---------------------------------------------------


@dataclass(frozen=True)
class VagueCount:
    """A count told without a number, with the counted noun and the range of exact counts the words cover."""

    words: str  # as written, with the counted noun ("several shells")
    unit: str
    low: float
    high: float


_VAGUE_RANGES: dict[str, tuple[float, float]] = {
    w: (float(lo), float(hi)) for w, (lo, hi) in _data.load("quantities")["vague"].items()
}
_VAGUE_COUNT = re.compile(
    r"\b(?P<vague>" + "|".join(re.escape(w) for w in sorted(_VAGUE_RANGES, key=len, reverse=True)) + r")(?=\s)",
    re.IGNORECASE,
)


# The vague words that tell a span when a unit of time follows (quantities.toml [vague_spans]).
_VAGUE_SPANS = frozenset(_data.load("quantities")["vague_spans"]["words"])


@per_sentence
def vague_counts(text: str) -> tuple[VagueCount, ...]:
    """The counts ``text`` tells in words without a number, each with the plural noun it counts; counts of nothing
    named (no plural noun after the words, or a [figures] generic one such as "people") are left out."""
    out = []
    for m in _VAGUE_COUNT.finditer(text):
        unit, plural = _unit_after(text, m.end())
        span = unit in TIME_UNITS and m.group("vague").lower() in _VAGUE_SPANS
        if not unit or not plural or unit in UNIT_WORDS or (unit in _quantity_lexicon().generic_units and not span):
            continue  # "thousands of people", "several times" name nothing one figure is of
        low, high = _VAGUE_RANGES[m.group("vague").lower()]
        # shown up to the noun it counts ("tens of thousands of union members"), else its first word
        words = list(re.finditer(r"[^\W\d_][\w’'-]*", text[m.end() : m.end() + 60]))
        noun = next((w for w in words[:4] if w.group().lower().startswith(unit[:4])), words[0] if words else None)
        shown = text[m.start() : m.end() + (noun.end() if noun else 0)]
        out.append(VagueCount(shown, unit, low, high))
    return tuple(out)
