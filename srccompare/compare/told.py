"""Whether an article tells a fact: the test behind "omitted means absent", and the members it finds.

A sentence tells a fact when it holds most of the content words of one of the fact's sentences (as part of a longer
sentence, say), means the same (cosine of the sentence embeddings, when installed), or gives the same identifying
figure in like words ("hit by seven bullets" / "Seven bullets hit Mr. Gray"); the omission check (``told_elsewhere``)
also counts a clause told inside a longer one, a figure of the same thing (a toll told with another number is a number
difference, not an omission) and a count of the same named thing in the same claim (``units.same_count``).

The aligner links sentences by a stricter score, so an article may tell a fact in a sentence that is in none of its
groups: "investigators say it could be the work of an arsonist" beside "The blaze is being investigated as an
arson". The sentence tests above then also make that sentence a member of the fact (``told_joins``, the aligner's last
step), so that the report shows where the outlet tells what it is not listed as omitting. It joins as an attached
member: it was not linked to one sentence by the aligner's score, so its figures are not set against the fact's, and
it does not count among the outlets whose telling makes a fact one that most outlets report (``coverage``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Article, FactGroup
from ..nlp.memo import per_sentence

if TYPE_CHECKING:
    import numpy as np

    from .units import Unit

# A sentence tells a fact when it holds at least this share of the content words (five-letter stems)
# of one of the fact's sentences, and at least TOLD_WORDS of them.
TOLD_COVER = 0.6
TOLD_WORDS = 3
# ... or when one of its clauses and one of the fact sentence's share TOLD_WORDS content words (not names) that are
# at least this share of the smaller clause (a clause told inside a longer one, either way round),
TOLD_CLAUSE_COVER = 0.8
# ... or when its embedding's cosine with one of the fact's sentences reaches this,
TOLD_COSINE = 0.8
# ... or when the two give the same identifying figure (``nlp.numbers.figure_keys``: "seven bullets", "120,000"), or
# name the same year ("In 1999, Comeaux stabbed his wife" / "a 1999 incident where he stabbed his wife"), or give one
# span of time or area ("for about a minute" / "for one minute": docs/thresholds.md), and their cosine still reaches
# this (the same count of guards in an unrelated sentence is not the fact).
TOLD_FIGURE_COSINE = 0.3
# ... but a record, a vote or a score ("9-14", "52-3", "5 to 4": ``nlp.numbers.tallies``) names one thing of a story
# on its own: "The Sixers have disappointed this season, just 9-14 despite ..." / "the Philadelphia 76ers, who are
# slumping at 9-14" score 0.21. Only a sentence unrelated in every word (under this) gives it without telling it.
TALLY_COSINE = 0.1


class _Readings:
    """What the sentence tests read of some texts, read once: their content-word stems (with the acronyms the texts
    spell out folded), embeddings and identifying figures; ``pairs`` scores any rows x columns of them."""

    def __init__(self, texts: Sequence[str], contents: Sequence[str] | None = None):
        """``contents``: the texts' content words (``nlp.tokens.aligned_words``), acronyms folded, where the caller
        has them (the aligner's units); read from the texts otherwise."""
        import numpy as np

        from ..nlp import semantic
        from ..nlp.tokens import aligned_words
        from .align import STEM, _encode, _incidence
        from .units import acronym_folding

        if contents is None:
            fold = acronym_folding(texts) or (lambda content: content)
            contents = [fold(aligned_words(t)) for t in texts]
        self.stems = _encode([[w[:STEM] for w in content.split()] for content in contents])
        self.size = np.array([len(x) for x in self.stems], dtype=np.float32)
        self.vectors = semantic.embed(texts) if semantic.available() and texts else None
        self.figures = self.tallies = None
        if self.vectors is not None:
            tallies = [_tallies(t) for t in texts]
            self.figures = _incidence([_identifying(t) | tally for t, tally in zip(texts, tallies)])
            self.tallies = _incidence(tallies)

    def pairs(self, rows: Sequence[int], cols: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """rows x cols: whether each column's text tells the row's by the sentence tests (its words, its meaning, an
        identifying figure), and how strongly (the larger of the share of the row's words it holds and the cosine),
        by which the best of several telling sentences is chosen."""
        import numpy as np
        from rapidfuzz import fuzz, process

        from ..nlp.semantic import cosines
        from .align import _shared

        size_r, size_c = self.size[rows], self.size[cols]
        stems = [self.stems[k] for k in rows], [self.stems[k] for k in cols]
        dice = process.cdist(*stems, scorer=fuzz.ratio, dtype=np.float32) / 100.0
        shared = _shared(dice, size_r, size_c)
        # The share of the fact sentence's words found in the article's sentence (not of the smaller side).
        own = np.where(size_r[:, None] > 0, shared / np.maximum(size_r[:, None], 1), 0.0)
        told = (own >= TOLD_COVER) & (shared >= TOLD_WORDS)
        if self.vectors is None or self.figures is None or self.tallies is None:
            return told, own
        cos = cosines(self.vectors[rows], self.vectors[cols])
        same_figure = (self.figures[rows] @ self.figures[cols].T) > 0
        same_tally = (self.tallies[rows] @ self.tallies[cols].T) > 0
        told |= (
            (cos >= TOLD_COSINE) | (same_figure & (cos >= TOLD_FIGURE_COSINE)) | (same_tally & (cos >= TALLY_COSINE))
        )
        return told, np.maximum(own, cos)


def told_joins(units: Sequence[Unit], groups: Mapping[int, Sequence[int]], whole: int) -> list[tuple[int, int]]:
    """(unit, group key): for each article and each group (key -> unit positions) holding none of its sentences, the
    article's sentence among the whole sentences ``units[:whole]`` that tells the group's fact best by the sentence
    tests (``_Readings.pairs``, against any member not attached itself: no chains of resemblance), if one does. One
    cdist per article: the members of the groups it is missing from against its sentences."""
    import numpy as np

    own: dict[str, list[int]] = {}
    for k in range(whole):
        own.setdefault(units[k].article, []).append(k)
    present = {key: {units[k].article for k in ks} for key, ks in groups.items()}
    # the groups each sentence is in (as itself, a clause or an attached copy)
    within: dict[tuple[str, int], set[int]] = {}
    for key, ks in groups.items():
        for k in ks:
            within.setdefault((units[k].article, units[k].sentence), set()).add(key)

    def shown_already(k: int, key: int) -> bool:
        """Whether another group holds the sentence with every member of the group (two outlets' records in a group
        of their own, the one sentence of the other a group alone): joined, the group would copy that one."""
        common = set(within.get((units[k].article, units[k].sentence), ())) - {key}
        for m in groups[key]:
            common &= within[units[m].article, units[m].sentence]
        return bool(common)

    # the units the tests read: the whole sentences and the members that may be matched (clauses, not attached copies)
    read = sorted(set(range(whole)) | {k for ks in groups.values() for k in ks if not units[k].attached})
    at = {k: n for n, k in enumerate(read)}
    readings = _Readings([units[k].text for k in read], [units[k].content for k in read])
    joins: list[tuple[int, int]] = []
    for article, sentences in own.items():
        rows = [
            (key, k) for key, ks in groups.items() if article not in present[key] for k in ks if not units[k].attached
        ]
        if not rows:
            continue
        told, strength = readings.pairs([at[k] for _, k in rows], [at[k] for k in sentences])
        strength = np.where(told, strength, -1.0)
        col = strength.argmax(axis=1)
        value = strength[np.arange(len(rows)), col]
        best: dict[int, tuple[float, int]] = {}
        for r in np.nonzero(value >= 0)[0]:
            key = rows[r][0]
            if key not in best or value[r] > best[key][0]:
                best[key] = (float(value[r]), sentences[col[r]])
        joins.extend((k, key) for key, (_, k) in best.items() if not shown_already(k, key))
    return joins


def told_elsewhere(
    articles: Sequence[Article], facts: Sequence[FactGroup], candidates: Mapping[str, Sequence[str]]
) -> dict[str, frozenset[str]]:
    """For each article, those of its candidate omissions (fact ids) that one of its sentences tells.

    Only candidates are scored: one cdist per article (the fact sentences against its sentences)."""
    import numpy as np

    from ..nlp.numbers import told_things
    from .units import things_of

    by_id = {f.id: f for f in facts}
    out: dict[str, frozenset[str]] = {}
    for article in articles:
        wanted = [by_id[f] for f in candidates.get(article.id, ()) if f in by_id]
        texts = [s.text for s in article.sentences if s.text.strip()]
        if not wanted or not texts:
            continue
        rows = [(f.id, m.text) for f in wanted for m in f.members]
        told, _ = _Readings([t for _, t in rows] + texts).pairs(
            range(len(rows)), range(len(rows), len(rows) + len(texts))
        )
        theirs = set().union(*(things_of(t) for t in texts), *(told_things(t) for t in texts))
        found = {rows[i][0] for i in np.nonzero(told.any(axis=1))[0]}
        found |= _told_in_a_clause(rows, texts)
        found |= {f.id for f in wanted if any(things_of(m.text) & theirs for m in f.members)}
        found |= _told_as_a_count(wanted, texts)
        if found:
            out[article.id] = frozenset(found)
    return out


def _told_as_a_count(wanted: Sequence[FactGroup], texts: Sequence[str]) -> set[str]:
    """The facts one of ``texts`` gives a count of, in the same claim, with whatever value (``units.same_count``):
    "three of the seven bullets fired by the officers" tells the "11 shots" the officers fired, as a number
    difference, not an omission."""
    from .units import same_count, told_counts

    theirs: dict[str, list[tuple[str, float, frozenset[str]]]] = {}
    for t in texts:
        for count in told_counts(t):
            theirs.setdefault(count[0], []).append(count)
    if not theirs:
        return set()
    return {
        f.id
        for f in wanted
        if any(same_count(c, d) for m in f.members for c in told_counts(m.text) for d in theirs.get(c[0], ()))
    }


_PIECE = re.compile(r"[\w'’-]+|[^\w\s]")
_WORD = re.compile(r"\w+")


@per_sentence
def _plain_clauses(text: str) -> tuple[tuple[str, ...], ...]:
    """The sentence's clauses (cut at punctuation and at the words of ``sentences.toml`` ``clause_breaks``) of at
    least TOLD_WORDS content words, each as the stems of its content words that are not capitalised: a clause that
    shares only a name with another ("But City Councilman Jumaane Williams") tells nothing of it."""
    from .. import data
    from ..nlp.tokens import STOP_WORDS, aligned_word
    from .align import STEM

    breaks = data.words("sentences", "clause_breaks")
    clauses: list[list[str]] = [[]]
    for piece in _PIECE.findall(text):
        if piece.casefold() in breaks or not (piece[0].isalnum() or piece[0] == "_"):
            clauses.append([])
        elif not piece[0].isupper():
            # the aligner's content words (nlp.tokens.aligned_words), without its name folding: names are left out
            clauses[-1].extend(aligned_word(w)[:STEM] for w in _WORD.findall(piece) if w not in STOP_WORDS)
    return tuple(tuple(c) for c in clauses if len(set(c)) >= TOLD_WORDS)


def _told_in_a_clause(rows: Sequence[tuple[str, str]], texts: Sequence[str]) -> set[str]:
    """The fact ids of ``rows`` (fact id, sentence) one of whose clauses and a clause of one of ``texts`` share
    TOLD_WORDS content words that are most of the smaller clause (TOLD_CLAUSE_COVER): the fact told inside a
    longer sentence, or a longer sentence's fact told in part ("the main building is intact with only smoke
    damage" / "the main area of the one-storey supermarket was left largely intact with only smoke damage")."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from .align import _encode, _shared

    left = [(fid, c) for fid, t in rows for c in _plain_clauses(t)]
    right = [c for t in texts for c in _plain_clauses(t)]
    if not left or not right:
        return set()
    encoded = _encode([c for _, c in left] + right)
    size = np.array([len(x) for x in encoded], dtype=np.float32)
    n = len(left)
    dice = process.cdist(encoded[:n], encoded[n:], scorer=fuzz.ratio, dtype=np.float32) / 100.0
    shared = _shared(dice, size[:n], size[n:])
    smaller = np.minimum(size[:n, None], size[None, n:])
    told = (shared >= TOLD_WORDS) & (shared >= TOLD_CLAUSE_COVER * smaller)
    return {left[i][0] for i in np.nonzero(told.any(axis=1))[0]}


def _years(text: str) -> frozenset[tuple[str, float]]:
    """The years a sentence names, as figure keys: a year is no figure of the event (``figure_keys`` leaves it out
    for grouping), but two sentences naming one year and resembling each other tell one past happening."""
    from ..nlp.numbers import find_numbers

    return frozenset(("year", n.value) for n in find_numbers(text) if n.kind == "year")


def _spans(text: str) -> frozenset[tuple[str, float]]:
    """The spans of time and areas a sentence gives (``nlp.numbers.measures``, in seconds and square metres), as
    figure keys: "for about a minute" and "for one minute" give one span, whatever else the sentences say."""
    from ..nlp.numbers import measures

    return frozenset((m.dimension, round(m.value)) for m in measures(text) if m.dimension in ("duration", "area"))


def _tallies(text: str) -> frozenset[tuple[str, float]]:
    """A record, a vote or a score ("fell to 36-3", "deadlocked at 9-3": ``nlp.numbers.tallies``), as a figure key."""
    from ..nlp.numbers import tallies

    return frozenset(("tally", value) for value in tallies(text))


def _identifying(text: str) -> frozenset[tuple[str, float]]:
    """The figures by which two sentences tell one thing, besides tallies (``_tallies``, which the caller reads once
    for both tests): identifying figures (``nlp.numbers.figure_keys``), years, spans of time and areas."""
    from ..nlp.numbers import figure_keys

    return figure_keys(text) | _years(text) | _spans(text)
