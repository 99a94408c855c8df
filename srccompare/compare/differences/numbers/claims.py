"""The words and times around a figure: its claim (the content words near it, ``_claim_around`` and its kinds for
years, dates and ranks), its surroundings (``_same_surroundings``), its sentence and the past times that sentence
names (``_anchors``, ``_off_times``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .... import data
from ....nlp.numbers import SCALE_WORDS, Number, other_times, time_anchors, undated_times
from ....nlp.sentences import sentence_spans
from ....nlp.tokens import SMALL_NUMBERS, STOP_WORDS, TENS, tokens
from ..reading import CLAIM_WINDOW, CLAUSE_OPENERS, token_key
from .common import CONTEXT_SPAN, CONTEXT_WORDS


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
    from ...lexicon import TIME_WORDS

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
