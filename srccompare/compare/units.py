"""An event's sentences as the aligner reads them (``Unit``): each sentence of an article that can tell a fact, with
its content words, its quotations, what its figures count, the past times it dates them by, its identifying figures
and its counts of named things, each read once, so that every step of the alignment (and the told checks of
``coverage``) reads the same forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article
from ..nlp.memo import per_sentence
from ..nlp.tokens import aligned_words, normalise

# A quotation shorter than this many words ("a big mistake") is too common to identify a fact.
QUOTE_MIN_WORDS = 4

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Unit:
    """One sentence of one article, with the forms the scorers need."""

    article: str
    sentence: int
    text: str
    content: str  # normalised content words, space-separated
    quotes: tuple[str, ...]  # normalised quotations of at least QUOTE_MIN_WORDS words
    things: frozenset[str] = frozenset()  # what its figures are figures of (nlp.numbers.quantities, sure ones)
    outside: str = ""  # its words outside quotations, when it holds one
    when: frozenset[str] = frozenset()  # the years and months it names (nlp.numbers.time_anchors)
    figures: frozenset[tuple[str, float]] = frozenset()  # identifying figures (nlp.numbers.figure_keys)
    counts: tuple[tuple[str, float, frozenset[str]], ...] = ()  # counts of named things, with their claim (counts_of)
    part: bool = False  # a clause of the sentence, not all of it (clauses.clause_members)
    # joined its group by resembling the group's sentences on average (align._attach), by the told test
    # (told.told_joins) or by giving the group's age or tally (figure_groups._described), not by a link to one of them
    attached: bool = False
    # figures that describe someone or tell a tally (an age, a record), as (thing, value, holder): described_of
    described: frozenset[tuple[str, float, str]] = frozenset()


def _quoted_pieces(article: Article) -> tuple[list[tuple[str, ...]], list[str]]:
    """Per sentence, the quoted words it holds, from the article's quotations (which may span
    sentences: "...conflict zone. We highly appreciate that," said the leader); and its words
    outside any quotation ("" when it has none)."""
    from bisect import bisect_left, bisect_right

    from .quotes import body_quotes  # cached per article: the classifier and tracker read them too

    body = article.body
    sentences = article.sentences
    pieces: list[list[str]] = [[] for _ in sentences]
    cuts: list[list[tuple[int, int]]] = [[] for _ in sentences]
    # Sentences come in body order, so the ones a quotation overlaps are found by bisection.
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    for q in body_quotes(article.id, tuple(article.paragraphs)):
        for i in range(bisect_right(ends, q.start), bisect_left(starts, q.end)):
            lo, hi = max(q.start, starts[i]), min(q.end, ends[i])
            if hi > lo:
                cuts[i].append((lo, hi))
                words = _WORD.findall(normalise(body[lo:hi]).casefold())
                if len(words) >= QUOTE_MIN_WORDS:
                    pieces[i].append(" ".join(words))
    outside = []
    for i, s in enumerate(sentences):
        if not cuts[i]:
            outside.append("")
            continue
        at, parts = s.start, []
        for lo, hi in sorted(cuts[i]):
            parts.append(body[at:lo])
            at = max(at, hi)
        parts.append(body[at : s.end])
        outside.append(" ".join(p.strip(' ,.;:"“”«»') for p in parts if p.strip()))
    return [tuple(p) for p in pieces], outside


def units_of(article: Article) -> list[Unit]:
    """The sentences of ``article`` that can tell a fact: captions, credits, bylines and widget
    lines (``nlp.notfacts``) are left out, so they are never fact groups, added or omitted."""
    from ..nlp.notfacts import not_facts
    from ..nlp.numbers import month_of

    pieces, outside = _quoted_pieces(article)
    skip = not_facts(article)
    now = month_of(article.published)
    return [
        Unit(
            article.id,
            i,
            s.text,
            aligned_words(s.text),
            pieces[i],
            things_of(s.text),
            outside[i],
            times_of(s.text, now),
            figures_of(s.text),
            counts_of(s.text),
            described=described_of(s.text),
        )
        for i, s in enumerate(article.sentences)
        if s.text.strip() and i not in skip
    ]


# An acronym of three to five capitals ("UAE", "IMF", "USGS").
_ACRONYM = re.compile(r"\b[A-Z]{3,5}\b")


@lru_cache(maxsize=1)
def _spelled_out() -> tuple[re.Pattern[str], frozenset[str]]:
    """A name of two or more capitalised words that may spell an acronym out ("United Arab Emirates",
    "Bank of England"), and the words joining its parts (names.toml ``connectors``, and "the"), which
    give no initial."""
    from .. import data

    joins = data.words("names", "connectors") | {"the"}
    join = "|".join(re.escape(w) for w in sorted(joins))
    return re.compile(rf"\b[A-Z][a-z]+(?:\s+(?:(?:{join})\s+)*[A-Z][a-z]+)+"), joins


def acronym_names(texts: Iterable[str], parts: bool = False) -> dict[str, set[str]]:
    """Each acronym of ``texts`` ("USGS", "THR") -> the name of two or more capitalised words the texts spell it out as
    ("U.S. Geological Survey" is not one, "United States Geological Survey" is). With ``parts``, any run of a name's
    words may be what the acronym stands for ("Oregon State Police" of "Oregon State Police Lt. Hastings"), and a
    title's "the" may lend it its first letter ("the Hollywood Reporter", THR). An acronym may be spelled out two
    ways."""
    texts = list(texts)
    acronyms = {a for t in texts for a in _ACRONYM.findall(t)}
    if not acronyms:
        return {}
    spelled_out, connectors = _spelled_out()
    names: dict[str, set[str]] = {}
    for text in texts:
        for m in spelled_out.finditer(text):
            words = m.group().split()
            after_the = parts and text[max(0, m.start() - 4) : m.start()].lower() == "the "
            runs = (
                [(i, j) for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
                if parts
                else [(0, len(words))]
            )
            for i, j in runs:
                run = words[i:j]
                if run[-1] in connectors:
                    continue
                initials = "".join(w[0] for w in run if w not in connectors)
                for letters in (initials, "T" + initials) if i == 0 and after_the else (initials,):
                    if letters in acronyms:
                        names.setdefault(letters, set()).add(" ".join(run).removeprefix("The "))
    return names


def acronym_folding(texts: Iterable[str]) -> Callable[[str], str] | None:
    """How to make a name one outlet spells out and another writes as its acronym one word in content
    words (``aligned_words``: "the United Arab Emirates" / "the UAE"), read from the texts themselves
    (names.toml folds only the common ones); None when they hold no such pair."""
    spelled = {aligned_words(name): aligned_words(a) for a, names in acronym_names(texts).items() for name in names}
    spelled = {k: v for k, v in spelled.items() if k and v and k != v}
    if not spelled:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(spelled, key=len, reverse=True)) + r")\b")
    return lambda content: pattern.sub(lambda m: spelled[m.group()], content)


def fold_acronyms(per_article: list[list[Unit]]) -> list[list[Unit]]:
    """The event's units with their acronyms and spelled-out names made one (``acronym_folding``)."""
    from dataclasses import replace

    fold = acronym_folding(u.text for us in per_article for u in us)
    if fold is None:
        return per_article
    return [[replace(u, content=fold(u.content)) for u in us] for us in per_article]


@per_sentence
def things_of(text: str) -> frozenset[str]:
    from ..nlp.numbers import quantities

    return frozenset(q.thing for q in quantities(text) if q.sure)


# The person a figure set off by commas describes: "Steinberg, 48," / "Robert Pitman, aged 24,".
_HOLDER_BEFORE = re.compile(r"([A-Z][\w’'-]+),\s*(?:aged\s+)?$")


def holder_before(text: str, start: int) -> str:
    """The name a figure starting at ``start`` is set off after ("Steinberg, 48,": "steinberg"), casefolded; "" when
    none."""
    m = _HOLDER_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).casefold() if m else ""


@per_sentence
def described_of(text: str) -> frozenset[tuple[str, float, str]]:
    """The figures of ``text`` that describe someone or something (an age: ``nlp.numbers.attribute_things``) or
    tell a tally (a record, a vote, a score: ``nlp.numbers.tallies``, thing "tally"), as (thing, value, holder): the
    holder is the name an age is set off after ("Steinberg, 48"), casefolded, or "" when the sentence does not name
    it so ("the 48-year-old man") and for a tally."""
    from ..nlp.numbers import attribute_things, quantities, tallies

    attributes = attribute_things()
    out = set()
    for q in quantities(text):
        if q.sure and q.thing in attributes:
            out.add((q.thing, q.value, holder_before(text, q.number.start)))
    out.update(("tally", value, "") for value in tallies(text))
    return frozenset(out)


@per_sentence
def figures_of(text: str) -> frozenset[tuple[str, float]]:
    from ..nlp.numbers import figure_keys

    return figure_keys(text)


def counts_of(text: str) -> tuple[tuple[str, float, frozenset[str]], ...]:
    """Each count of a named thing ("seven inmates", "three boats": ``told_counts``) as its kind, value and claim,
    but the counts of a kind a sentence gives two of, parts of a whole or items of a list ("12 Somali and 11 Yemeni
    pirates", "seven AK-47 rifles, two other rifles"): no other outlet's one count is a reading of those."""
    counts = told_counts(text)
    kinds = [kind for kind, _, _ in counts]
    return tuple(c for c in counts if kinds.count(c[0]) == 1)


@per_sentence
def told_counts(text: str) -> tuple[tuple[str, float, frozenset[str]], ...]:
    """Each count of a named thing in ``text`` (``nlp.numbers.named_counts``) as its kind (``count_kind``), value
    and the claim around it (``_claim_words``): what two outlets giving the same thing different counts must share
    to be telling one count. Measures are left out (``quantities`` reads them as distances and speeds), and so are
    counts of a time unit, but a span shorter than DURATION_BELOW is a count of kind DURATION, in seconds."""
    from ..nlp.numbers import TIME_UNITS, count_kind, find_numbers, is_measure, measures, named_counts, noun_end

    counts = [n for n in named_counts(text) if n.unit and not is_measure(n.unit) and n.unit not in TIME_UNITS]
    spans = [m for m in measures(text) if m.dimension == "duration" and m.value < DURATION_BELOW]
    if not counts and not spans:
        return ()
    figures = [(n.start, n.end) for n in find_numbers(text)] + [(m.start, m.start + len(m.text)) for m in spans]
    return tuple(
        (count_kind(n.unit or ""), n.value, _claim_words(text, n.start, noun_end(text, n), figures)) for n in counts
    ) + tuple((DURATION, m.value, _claim_words(text, m.start, m.start + len(m.text), figures)) for m in spans)


# The kind of a span of time among the counts (its value in seconds): "the tremor lasted 30 seconds" / "The initial
# tremor lasted just over 10 seconds" give one count in one claim. Only spans shorter than DURATION_BELOW seconds
# (a day): those tell how long a happening lasted (a tremor, a standoff); longer ones are mostly terms of
# something else that share a claim's words across facts ("an eight-year offer" of three teams, "within 10 days"
# / "two weeks after" in one trial, "four days and more than 30 hours of deliberations").
DURATION = "duration"
DURATION_BELOW = 86_400.0


def same_count(a: tuple[str, float, frozenset[str]], b: tuple[str, float, frozenset[str]]) -> bool:
    """Whether two counts (``told_counts``) are one count told, perhaps with another value: one kind, CLAIM_SHARED
    claim words in common, at most COUNTS_APART apart."""
    from .differences.numbers import COUNTS_APART, _apart
    from .differences.reading import CLAIM_SHARED

    (kind_a, va, ca), (kind_b, vb, cb) = a, b
    return kind_a == kind_b and 0 < min(va, vb) and not _apart(va, vb, COUNTS_APART) and len(ca & cb) >= CLAIM_SHARED


# A word of a claim: lower case (a name is what the whole event is about, not what one sentence claims). Also what a
# clause's words are counted by (``clauses.clauses_of``).
CLAIM_WORD = re.compile(r"\b[a-z][a-z'’-]+")


def _claim_words(text: str, start: int, end: int, figures: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The keys of the lower-case content words within CLAIM_WINDOW content words of text[start:end] (a count and
    its noun), figures written in words aside: the claim a count is part of ("captured 23 pirates in the Gulf of
    Aden": "captured")."""
    from .differences.reading import CLAIM_WINDOW, token_key

    def keys(lo: int, hi: int) -> list[str]:
        return [
            k
            for m in CLAIM_WORD.finditer(text, lo, hi)
            if (k := token_key(m.group())) and not any(a <= m.start() < b for a, b in figures)
        ]

    return frozenset(keys(0, start)[-CLAIM_WINDOW:] + keys(end, len(text))[:CLAIM_WINDOW])


@per_sentence
def times_of(text: str, now: tuple[int, int] | None = None) -> frozenset[str]:
    """The years and months a sentence dates its figures by: with ``now`` (the article's year and month) only those
    of a past happening (``other_times``: "in December 2003", "in February" in a November report), since naming the
    report's own month ("the December 6 killing" in December) dates nothing else; without, every one it names."""
    from ..nlp.numbers import other_times, time_anchors

    return frozenset(t for t in time_anchors(text) if t.isdigit()) if now is None else other_times(text, *now)
