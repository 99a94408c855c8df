"""How the members of a fact group tell the fact differently: one Difference per kind found.

Kinds (docs/differences.md defines each): attribution, hedge, polarity, loaded_term, number,
name_variant, quote, source_cited, added_detail. Each family of kinds is one module that registers
its detectors here (``register``); ``classify_group`` runs them in the order of KINDS on the members
read once (reading.py), then builds each Difference's detail text from its typed fields with the
renderers' label code (render/labels.py).

The framing kinds (attribution, hedge, polarity, loaded_term, source_cited, added_detail) look only
at the outlet's own words, outside quotation marks: words inside a quote are the speaker's, and how a
quote is rendered is the quote kind's business.

A Difference's ``articles`` is the minority side: the articles whose reading departs from the one
most articles share; every article involved when two articles differ or when no reading has a
majority. Three differences never make a disagreement on their own (see ``is_disagreement``): a name
spelled another way, a quotation carried verbatim, and a figure written another way (2 percent / 2%).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from ...model import Article, Difference, Member, Token
from .reading import Side, highlights, read_sides

Detector = Callable[[list[Side]], "Difference | None"]

KINDS = (
    "attribution",
    "hedge",
    "polarity",
    "loaded_term",
    "number",
    "name_variant",
    "quote",
    "source_cited",
    "added_detail",
)

_REGISTRY: dict[str, Detector] = {}


def register(kind: str) -> Callable[[Detector], Detector]:
    """Register the detector of ``kind`` (one of KINDS): a function from the sides of a group to
    one Difference of that kind or None."""
    if kind not in KINDS:
        raise ValueError(f"unknown difference kind {kind!r}: add it to KINDS and docs/differences.md")

    def add(detect: Detector) -> Detector:
        _REGISTRY[kind] = detect
        return detect

    return add


def detectors() -> list[tuple[str, Detector]]:
    """The registered detectors in the order of KINDS."""
    return [(k, _REGISTRY[k]) for k in KINDS if k in _REGISTRY]


def is_disagreement(diff: Difference) -> bool:
    """False for differences that leave the members telling the same fact the same way."""
    return diff.disagrees


def quote_form_of(diff: Difference) -> str:
    """The form of a quote difference: the furthest from verbatim among its remarks."""
    return diff.form or ""


def classify_group(
    members: Sequence[Member], articles: Mapping[str, Article], story: frozenset[str] = frozenset()
) -> tuple[tuple[Difference, ...], tuple[tuple[Token, ...], ...]]:
    """The differences among a group's members, and each member's words with changed flags; ``story``: the
    event's plain words for what happened (``lexicon.story_terms``), never one outlet's loaded term."""
    from ...render.labels import difference_detail

    sides = read_sides(members, articles, story)
    marked = highlights(members, sides)
    if len(sides) < 2:
        return (), marked
    labels = article_labels([s.article for s in sides], articles)
    found = []
    for _, detect in detectors():
        diff = detect(sides)
        if diff is not None:
            found.append(dataclasses.replace(diff, detail=difference_detail(diff, labels)))
    return tuple(found), marked


def article_labels(ids: Sequence[str], articles: Mapping[str, Article]) -> dict[str, str]:
    """How details name the articles: by the report's one label per article; without labels (a
    group classified on its own), by outlet when that is unambiguous within the group, else by file
    name. Ids stay in Difference.articles and the typed fields."""
    found = {a: articles.get(a) for a in ids}
    if all(a is not None and a.label for a in found.values()):
        return {k: a.label for k, a in found.items() if a is not None and a.label}
    outlets = {k: getattr(a, "outlet", None) for k, a in found.items()}
    counts = Counter(outlets.values())
    return {a: outlet if outlet and counts[outlet] == 1 else a.rsplit("/", 1)[-1] for a, outlet in outlets.items()}


# The families register their kinds on import.
from . import detail, framing, lexical, names, numbers, quotes, sources  # noqa: E402, F401
from .sources import sources as cited_sources  # noqa: E402

__all__ = [
    "FAITHFUL_QUOTE_FORMS",
    "KINDS",
    "NON_DISAGREEING",
    "article_labels",
    "classify_group",
    "cited_sources",
    "detectors",
    "is_disagreement",
    "quote_form_of",
    "register",
]
