"""Each outlet's share of an event: the facts it shares, adds, omits and frames differently."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Difference, FactGroup, OutletFacts
from .classify import is_disagreement


def disagrees(diff: Difference) -> bool:
    """A name spelled another way, or a quotation carried verbatim, is shown but is not framing."""
    return is_disagreement(diff)


def outlet_facts(
    articles: Sequence[str],
    facts: Sequence[FactGroup],
    unaligned: frozenset[str] = frozenset(),
    voices: Mapping[str, str] | None = None,
) -> dict[str, OutletFacts]:
    """added: facts only this article's voice reports (when the event has other voices to compare with);
    omitted: facts at least half of the other voices report but this article does not;
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
    out: dict[str, OutletFacts] = {}
    comparable = {voice[a] for a in articles if a not in unaligned}
    for a in articles:
        added: list[str] = []
        omitted: list[str] = []
        framed: list[str] = []
        shared: list[str] = []
        others = len(comparable - {voice[a]})
        measured = a not in unaligned
        for f in facts:
            carried = set(f.articles)
            carried_voices = {voice.get(x, x) for x in carried}
            if a in carried:
                if carried_voices == {voice[a]}:
                    if others and measured:
                        added.append(f.id)
                    continue
                shared.append(f.id)
                if f.relation == "divergent" and any(a in d.articles for d in f.differences if disagrees(d)):
                    framed.append(f.id)
            elif measured and others:
                carriers = {voice.get(x, x) for x in carried - unaligned} - {voice[a]}
                if 2 * len(carriers) >= others:
                    omitted.append(f.id)
        out[a] = OutletFacts(tuple(added), tuple(omitted), tuple(framed), tuple(shared))
    return out
