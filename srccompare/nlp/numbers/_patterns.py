"""The words and patterns every reader of figures shares: scale words, currency words, qualifiers, the
digits of a figure, number words, units of measure and the counted noun after a figure (``_unit_after``), with
the small readers that turn them into values (``_digits``, ``_scale``, ``_words``, ``_singular``)."""

from __future__ import annotations

import re

from ... import data as _data
from ..tokens import SMALL_NUMBERS as _SMALL
from ..tokens import TENS as _TENS

# "dozen" multiplies as the others do ("two dozen units" are 24); alone ("a dozen") it is a round size (_A_ROUND).
_SCALES = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# The words that scale a figure, written out or short ("million", "bn"): part of a figure, never of its claim.
SCALE_WORDS = frozenset(_SCALES) | frozenset(_SHORT_SCALES)


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


# Words that end the search for the counted noun: '7,000 containers of ammunition'.
_NOUN_STOP = frozenset(_data.load("quantities")["noun_stop"]["words"].split())  # data/quantities.toml
_NOUNS = _data.load("quantities")["nouns"]
_NOUN_SKIP = frozenset(_NOUNS["skip"])

# "1,500", and "1, 500" as re-spaced text (ECB+) writes it: a space after the thousands comma; "5.9", and
# "5. 9" as the same text writes a decimal (at most three digits, then one or two: a year or a longer run
# after a full stop is the next sentence's).
_NUM = r"\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}\. \d{1,2}(?!\d)|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted(list(_SMALL) + list(_TENS) + list(_SCALES), key=len, reverse=True))


_MEASURES = "km|kg|cm|mm|mph|kph|ft|lbs|lb|mw|gw|kw|kwh|gb|tb|mb|ha"


_NEXT_WORDS = re.compile(r"[^\W\d_][\w’'-]*|[^\w\s]")


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
    plurals = [k for k, w in enumerate(words) if _plural(w)]
    if plurals:
        k = plurals[-1]
        compound = _COMPOUNDS.get(f"{words[k - 1]} {_singular(words[k])}") if k else None
        return compound or _singular(words[k]), True
    return _singular(words[0]), False


_COORDINATING = frozenset({"and", "or"})


def _plural(word: str) -> bool:
    return (
        (word.endswith("s") and not word.endswith(("ss", "'s", "’s")) and len(word) > 3)
        or word in _IRREGULAR
        or _men_compound(word)
    )


def _men_compound(word: str) -> bool:
    """A plural of a compound in -man ("fishermen", "gunmen", "policemen"): "22 Yemeni fishermen" counts fishermen,
    not Yemeni. The singular nouns in -men have a vowel other than e before it (specimen, regimen, abdomen, acumen,
    stamen) or are short (semen, omen)."""
    return (len(word) > 5 and word.endswith("men") and word[-4] not in "aiouy") or word.endswith("women")


_IRREGULAR: dict[str, str] = dict(_NOUNS["plural"])
_SAME_THING: dict[str, str] = dict(_NOUNS["same"])
_COMPOUNDS: dict[str, str] = dict(_NOUNS["compounds"])
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
    # the sea's mile (1,852 m), not the land's: "13 nautical miles" / "some 13 miles" is no figure written two ways
    "nautical": "nautical mile",
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
    if _men_compound(word):
        return _SAME_THING.get(word[:-3] + "man", word[:-3] + "man")
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
