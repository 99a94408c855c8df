"""Background facts: the same fact told in reports of different events of the story.

Reports of a new event repeat context ("South Korea does not arm countries at war"). Every sentence
of the story is scored against the sentences of the other events in one cdist call, and facts whose
sentences are each other's best cross-event match and clear the bar are linked both ways. A link
says "this is context", never "these disagree": background facts get no differences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Article, Event
from .align import Unit, content_words, link_mask, similarity

# Higher than the within-event bar: across events only a clearly shared statement is background,
# not two events that merely look alike (an ambassador summoned in 2023 and another in 2024).
BACKGROUND_LINK = 0.62


def link_background(events: Sequence[Event], by_id: Mapping[str, Article]) -> list[Event]:
    import numpy as np

    units: list[Unit] = []
    owner: list[tuple[int, str]] = []  # (event index, fact id) per unit
    for e_idx, event in enumerate(events):
        for fact in event.facts:
            for m in fact.members:
                units.append(Unit(m.article, m.sentence, m.text, content_words(m.text), ()))
                owner.append((e_idx, fact.id))
    if len({e for e, _ in owner}) < 2:
        return list(events)
    score = similarity(units, units)
    event_of = np.array([e for e, _ in owner])
    score[event_of[:, None] == event_of[None, :]] = 0.0
    mask = link_mask(score) & (score >= BACKGROUND_LINK)
    links: dict[str, set[str]] = {}
    for i, j in zip(*np.nonzero(mask)):
        a, b = owner[int(i)][1], owner[int(j)][1]
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)
    if not links:
        return list(events)
    out = []
    for event in events:
        facts = tuple(
            replace(f, background=tuple(sorted(links[f.id], key=_fact_order))) if f.id in links else f
            for f in event.facts
        )
        out.append(replace(event, facts=facts))
    return out


def _fact_order(fact_id: str) -> tuple[int, str, int, str]:
    event, _, fact = fact_id.partition(".F")
    e, f = event.lstrip("E"), fact
    return (int(e) if e.isdigit() else 0, event, int(f) if f.isdigit() else 0, fact_id)
