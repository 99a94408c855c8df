"""Each outlet's share of an event: the facts it shares, adds, omits and frames differently.

Omitted means absent: before a fact is listed as omitted by an article, the article's whole text is
searched for it (``told.told_elsewhere``: what tells a fact is said there).

A group every member of which is loose (``Member.attached``: the sentences of several outlets giving one age or
record, each telling something else besides; ``figure_groups``) is omitted by nobody, nor added by the one voice whose
copies alone give it: the outlet that gives no age may well tell the rest, and the line, which shows the group's
sentences, would read as if it did not.

Omitted also means that most outlets tell one fact: a group the aligner widened (a sentence joining a group
it resembles a little on average, ``align._attach``) may hold sentences that tell different things, and that
half of the outlets have a sentence there does not make half of them tell any one of those things. So the
outlets counted for an omission are those whose sentence links, by the aligner's own pair score
(``align.LINK_MUTUAL``), with one same sentence of the group (``core_voices``). An attached member (joined by
resembling the group, or found by the told test: ``told.told_joins``) shows that its outlet tells the fact, but does
not count among those: it may tell a neighbouring claim.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Article, Difference, FactGroup, OutletFacts
from .classify import is_disagreement
from .told import told_elsewhere

if TYPE_CHECKING:
    from .units import Unit


def disagrees(diff: Difference) -> bool:
    """A name spelled another way, or a quotation carried verbatim, is shown but is not framing."""
    return is_disagreement(diff)


def core_voices(
    fact: FactGroup,
    units: Mapping[tuple[str, int], Unit],
    voice: Mapping[str, str],
    frequency: tuple[Mapping[str, int], int] | None = None,
) -> list[set[str]]:
    """Per member of ``fact`` (attached ones aside), the voices that tell what it tells: its own, and those of the
    members of other articles whose pair score with it (``align``'s score of words, meaning, figures and quotations)
    reaches LINK_MUTUAL, the bar two sentences must clear to be linked as one fact. ``units``: the aligner's units
    of the event's sentences, by (article, sentence); ``frequency``: their ``align.word_frequency`` (read from
    ``units`` when not given)."""
    import numpy as np

    from .align import LINK_MUTUAL, _Scorer

    members = [m for m in fact.members if (m.article, m.sentence) in units and not m.attached]
    if len(members) < 2:
        return [{voice.get(m.article, m.article)} for m in members]
    score, _ = _Scorer([units[m.article, m.sentence] for m in members], frequency).block(
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
    # the articles whose telling counts for an omission: attached members may tell a neighbouring claim
    voting = {f.id: {m.article for m in f.members if not m.attached} for f in facts}
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
                carriers = {voice.get(x, x) for x in voting[f.id] - unaligned} - {voice[a]}
                if 2 * len(carriers) > others:
                    omitted.append(f.id)
        lists[a] = (added, omitted, framed, shared)
    told: dict[str, frozenset[str]] = {}
    if texts:
        # Only the voices that tell one same sentence's fact count for an omission (``core_voices``).
        from .units import units_of

        units = {(u.article, u.sentence): u for article in texts for u in units_of(article)}
        candidate_facts = {f for v in lists.values() for f in v[1]}
        from .align import word_frequency

        frequency = word_frequency(list(units.values()))
        cores = {f.id: core_voices(f, units, voice, frequency) for f in facts if f.id in candidate_facts}
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
