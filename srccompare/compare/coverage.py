"""Each outlet's share of an event: the facts it shares, adds, omits and frames differently.

Omitted means absent: before a fact is listed as omitted by an article, the article's whole text is
searched for it (``told_elsewhere``). A fact is told by a sentence that holds most of the content words
of one of the fact's sentences (as part of a longer sentence, say), that means the same (cosine of the
sentence embeddings, when installed), or that gives a figure of the same thing (a toll told with
another number is a number difference, not an omission; so is a count of the same named thing in the same
claim: ``units.same_count``), or that gives the same identifying figure in like words ("hit by seven bullets" /
"Seven bullets hit Mr. Gray").

A group every member of which is loose (``Member.attached``: the sentences of several outlets giving one age or
record, each telling something else besides; ``figure_groups``) is omitted by nobody, nor added by the one voice whose
copies alone give it: the outlet that gives no age may well tell the rest, and the line, which shows the group's
sentences, would read as if it did not.

Omitted also means that most outlets tell one fact: a group the aligner widened (a sentence joining a group
it resembles a little on average, ``align._attach``) may hold sentences that tell different things, and that
half of the outlets have a sentence there does not make half of them tell any one of those things. So the
outlets counted for an omission are those whose sentence links, by the aligner's own pair score
(``align.LINK_MUTUAL``), with one same sentence of the group (``core_voices``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Article, Difference, FactGroup, OutletFacts
from ..nlp.memo import per_sentence
from .classify import is_disagreement

if TYPE_CHECKING:
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


def disagrees(diff: Difference) -> bool:
    """A name spelled another way, or a quotation carried verbatim, is shown but is not framing."""
    return is_disagreement(diff)


def told_elsewhere(
    articles: Sequence[Article], facts: Sequence[FactGroup], candidates: Mapping[str, Sequence[str]]
) -> dict[str, frozenset[str]]:
    """For each article, those of its candidate omissions (fact ids) that one of its sentences tells.

    Only candidates are scored: one cdist per article (the fact sentences against its sentences)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from ..nlp import semantic
    from ..nlp.numbers import told_things
    from ..nlp.tokens import aligned_words
    from .align import STEM, _encode, _shared
    from .units import acronym_folding, things_of

    by_id = {f.id: f for f in facts}
    use_cosine = semantic.available()
    out: dict[str, frozenset[str]] = {}
    for article in articles:
        wanted = [by_id[f] for f in candidates.get(article.id, ()) if f in by_id]
        texts = [s.text for s in article.sentences if s.text.strip()]
        if not wanted or not texts:
            continue
        rows = [(f.id, m.text) for f in wanted for m in f.members]
        fold = acronym_folding([t for _, t in rows] + texts) or (lambda content: content)
        stems = _encode(
            [[w[:STEM] for w in fold(aligned_words(t)).split()] for _, t in rows]
            + [[w[:STEM] for w in fold(aligned_words(t)).split()] for t in texts]
        )
        size = np.array([len(x) for x in stems], dtype=np.float32)
        n = len(rows)
        dice = process.cdist(stems[:n], stems[n:], scorer=fuzz.ratio, dtype=np.float32) / 100.0
        shared = _shared(dice, size[:n], size[n:])
        # The share of the fact sentence's words found in the article's sentence (not of the smaller side).
        own = np.where(size[:n, None] > 0, shared / np.maximum(size[:n, None], 1), 0.0)
        told = (own >= TOLD_COVER) & (shared >= TOLD_WORDS)
        if use_cosine:
            cos = semantic.similarity([t for _, t in rows], texts)
            told |= cos >= TOLD_COSINE
            told |= _same_figure([t for _, t in rows], texts) & (cos >= TOLD_FIGURE_COSINE)
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


def core_voices(fact: FactGroup, units: Mapping[tuple[str, int], Unit], voice: Mapping[str, str]) -> list[set[str]]:
    """Per member of ``fact``, the voices that tell what it tells: its own, and those of the members of other
    articles whose pair score with it (``align``'s score of words, meaning, figures and quotations) reaches
    LINK_MUTUAL, the bar two sentences must clear to be linked as one fact. ``units``: the aligner's units
    of the event's sentences, by (article, sentence)."""
    import numpy as np

    from .align import LINK_MUTUAL, _Scorer

    members = [m for m in fact.members if (m.article, m.sentence) in units]
    if len(members) < 2:
        return [{voice.get(m.article, m.article)} for m in members]
    score, _ = _Scorer([units[m.article, m.sentence] for m in members]).block(
        slice(0, len(members)), slice(0, len(members))
    )
    article = np.array([m.article for m in members])
    agree = (score >= LINK_MUTUAL) & (article[:, None] != article[None, :])
    np.fill_diagonal(agree, True)
    return [{voice.get(members[j].article, members[j].article) for j in np.nonzero(row)[0]} for row in agree]


def _told_by_most(
    omitted: Sequence[str],
    cores: Mapping[str, list[set[str]]],
    left_out: set[str],
    others: int,
) -> list[str]:
    """Those of ``omitted`` (fact ids) that most (more than half) of the ``others`` voices tell as one fact: the
    voices of some member's ``core_voices`` (without the ``left_out`` ones: the article's own, and those
    of articles in another language), not every voice with a sentence in the group."""
    return [f for f in omitted if 2 * max((len(c - left_out) for c in cores[f]), default=0) > others]


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


def _same_figure(rows: Sequence[str], cols: Sequence[str]):
    """rows x cols: whether the two sentences give one identifying figure (``nlp.numbers.figure_keys``) or year."""
    import numpy as np

    from ..nlp.numbers import figure_keys

    def identifying(text: str) -> frozenset[tuple[str, float]]:
        return figure_keys(text) | _years(text) | _spans(text) | _tallies(text)

    left = [identifying(t) for t in rows]
    right = [identifying(t) for t in cols]
    vocab = {k: i for i, k in enumerate(sorted(set().union(*left, *right)))}
    if not vocab:
        return np.zeros((len(rows), len(cols)), dtype=bool)
    a = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    b = np.zeros((len(cols), len(vocab)), dtype=np.float32)
    for m, keys in ((a, left), (b, right)):
        for i, ks in enumerate(keys):
            m[i, [vocab[k] for k in ks]] = 1.0
    return (a @ b.T) > 0


def outlet_facts(
    articles: Sequence[str],
    facts: Sequence[FactGroup],
    unaligned: frozenset[str] = frozenset(),
    texts: Sequence[Article] = (),
    voices: Mapping[str, str] | None = None,
) -> dict[str, OutletFacts]:
    """added: facts only this article's voice reports (when the event has other voices to compare
    with), and, when ``texts`` are given, that no other voice's text tells (``told_elsewhere``);
    omitted: facts most (more than half) of the other voices report but this article does not, nowhere in
    its text (when ``texts``, the articles themselves, are given: ``told_elsewhere``);
    framed: divergent facts where a difference names this article;
    shared: facts this article reports together with at least one other voice.

    A voice is an article and its copies (copies.voices: sites printing one wire story): a fact
    three sites print from one AP story counts once, so copies make nothing "most outlets". An
    article is never counted against its own voice: a trimmed copy omits nothing by the count of
    the wire text it trims. Without ``voices``, every article is its own voice.

    Articles in ``unaligned`` (another language, linked only on identical sentences) neither add
    nor omit anything, and do not count among the others: that their sentences stand alone says
    nothing about what they report.
    """
    voice = {a: (voices or {}).get(a, a) for a in articles}
    comparable = [a for a in articles if a not in unaligned]
    comparable_voices = {voice[a] for a in comparable}
    lists: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
    # a group of loose members only (one age or record that sentences telling other things give) is nobody's
    # addition or omission: its lines would show those sentences
    loose = {f.id for f in facts if all(m.attached for m in f.members)}
    for a in articles:
        added: list[str] = []
        omitted: list[str] = []
        framed: list[str] = []
        shared: list[str] = []
        others = len(comparable_voices - {voice[a]})
        measured = a not in unaligned
        for f in facts:
            carried = set(f.articles)
            if a in carried:
                if {voice.get(x, x) for x in carried} == {voice[a]}:
                    if others and measured and f.id not in loose:
                        added.append(f.id)
                    continue
                shared.append(f.id)
                if f.relation == "divergent" and any(a in d.articles for d in f.differences if disagrees(d)):
                    framed.append(f.id)
            elif measured and others and f.id not in loose:
                carriers = {voice.get(x, x) for x in carried - unaligned} - {voice[a]}
                if 2 * len(carriers) > others:
                    omitted.append(f.id)
        lists[a] = (added, omitted, framed, shared)
    told: dict[str, frozenset[str]] = {}
    if texts:
        # Only the voices that tell one same sentence's fact count for an omission (``core_voices``).
        from .units import units_of

        units = {(u.article, u.sentence): u for article in texts for u in units_of(article)}
        candidate_facts = {f for v in lists.values() for f in v[1]}
        cores = {f.id: core_voices(f, units, voice) for f in facts if f.id in candidate_facts}
        foreign = {voice.get(x, x) for x in unaligned}
        for a, v in lists.items():
            v[1][:] = _told_by_most(v[1], cores, {voice[a]} | foreign, len(comparable_voices - {voice[a]}))
        # An omission is checked against the article's own text; an addition against the text of
        # every comparable article of another voice (a fact another outlet tells in a sentence the
        # aligner did not link is not this outlet's addition).
        candidates: dict[str, list[str]] = {a: list(v[1]) for a, v in lists.items()}
        for a, v in lists.items():
            for other in comparable:
                if voice[other] != voice[a]:
                    candidates.setdefault(other, []).extend(v[0])
        told = told_elsewhere(texts, facts, candidates)
    out: dict[str, OutletFacts] = {}
    for a, (added, omitted, framed, shared) in lists.items():
        kept = [f for f in omitted if f not in told.get(a, ())]
        own = [f for f in added if not any(f in told.get(b, ()) for b in comparable if voice[b] != voice[a])]
        out[a] = OutletFacts(tuple(own), tuple(kept), tuple(framed), tuple(shared))
    return out
