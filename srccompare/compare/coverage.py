"""Each outlet's share of an event: the facts it shares, adds, omits and frames differently."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Difference, FactGroup, OutletFacts
from .classify import is_disagreement


def disagrees(diff: Difference) -> bool:
    """A name spelled another way, or a quotation carried verbatim, is shown but is not framing."""
    return is_disagreement(diff)


def outlet_facts(
    articles: Sequence[str], facts: Sequence[FactGroup], unaligned: frozenset[str] = frozenset()
) -> dict[str, OutletFacts]:
    """added: facts only this article reports (when the event has other articles to compare with);
    omitted: facts at least half of the other articles report but this one does not;
    framed: divergent facts where a difference names this article;
    shared: facts this article reports together with at least one other.

    Articles in ``unaligned`` (another language, linked only on identical sentences) neither add
    nor omit anything, and do not count among the others: that their sentences stand alone says
    nothing about what they report.
    """
    out: dict[str, OutletFacts] = {}
    comparable = [a for a in articles if a not in unaligned]
    for a in articles:
        added: list[str] = []
        omitted: list[str] = []
        framed: list[str] = []
        shared: list[str] = []
        others = len(comparable) - (a in comparable)
        measured = a not in unaligned
        for f in facts:
            carried = set(f.articles)
            if a in carried:
                if len(carried) == 1:
                    if others and measured:
                        added.append(f.id)
                    continue
                shared.append(f.id)
                if f.relation == "divergent" and any(a in d.articles for d in f.differences if disagrees(d)):
                    framed.append(f.id)
            elif measured and others and 2 * len(carried - unaligned) >= others:
                omitted.append(f.id)
        out[a] = OutletFacts(tuple(added), tuple(omitted), tuple(framed), tuple(shared))
    return out
