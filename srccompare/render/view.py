"""What a report shows by default, and what `--outlet`, `--kind`, `--limit` and `--full` change.

Selection and ranking over what the Report already holds, shared by the terminal and Markdown
reports so that both show the same facts in the same order. Nothing here compares text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Difference, Event, FactGroup, Quote, Report
from .labels import quote_form_label

# The differences a reader cares most about come first: another figure, another source or the
# opposite claim change the fact; an altered quote changes someone's words; the rest change its tone.
KIND_RANK = {
    "number": 0,
    "source_cited": 1,
    "polarity": 2,
    "quote": 3,
    "attribution": 4,
    "hedge": 5,
    "loaded_term": 6,
    "name_variant": 7,
    "added_detail": 8,
    "wording": 9,
}
UNRANKED = len(KIND_RANK)
# Facts told differently shown per event by default (--limit changes it, --full lifts it).
DEFAULT_LIMIT = 5
# Facts only one outlet has, shown per outlet by default.
DEFAULT_ONLY_IN = 3
# Differences in an event's summary.
TOP_DIFFERENCES = 3
# Quotes carried by at least this many outlets are listed by default.
QUOTE_MIN_OUTLETS = 2


@dataclass(frozen=True)
class View:
    outlet: str | None = None  # a label, outlet or publisher name (case-insensitive)
    kinds: frozenset[str] = frozenset()  # only facts with a difference of these kinds
    limit: int = DEFAULT_LIMIT
    full: bool = False


FULL = View(full=True)


def kind_rank(diff: Difference) -> int:
    return KIND_RANK.get(diff.kind, UNRANKED)


def fact_rank(fact: FactGroup) -> int:
    # A name spelled another way or a quote carried verbatim is shown, but ranks no fact.
    return min((kind_rank(d) for d in fact.differences if d.disagrees), default=UNRANKED)


def outlet_articles(report: Report, name: str) -> set[str]:
    """Ids of the articles that ``name`` designates: by label, outlet or publisher, ignoring case."""
    key = name.casefold().strip()
    return {
        a.id
        for a in report.articles
        if key in {(a.label or "").casefold(), (a.outlet or "").casefold(), (a.publisher or "").casefold()}
    }


def label_of(report: Report, article_id: str) -> str:
    for a in report.articles:
        if a.id == article_id:
            return a.label or a.id
    return article_id


def labels(report: Report) -> dict[str, str]:
    return {a.id: a.label or a.id for a in report.articles}


def told_differently(event: Event, view: View, focus: Iterable[str] = ()) -> tuple[list[FactGroup], int]:
    """The divergent facts of ``event`` to show, most important first, and how many more there are.

    With ``focus`` (an outlet's articles), only the facts that outlet tells differently.
    """
    focus = set(focus)
    facts = [f for f in event.facts if f.relation == "divergent" and len(f.articles) > 1]
    if view.kinds:
        facts = [f for f in facts if any(d.kind in view.kinds for d in f.differences)]
    if focus:
        framed = {i for a in focus if (o := event.outlets.get(a)) for i in o.framed}
        facts = [f for f in facts if f.id in framed]
    order = {f.id: n for n, f in enumerate(event.facts)}
    facts.sort(key=lambda f: (fact_rank(f), order[f.id]))
    if view.full:
        return facts, 0
    return facts[: view.limit], max(0, len(facts) - view.limit)


def told_alike(event: Event, view: View) -> list[FactGroup]:
    """Facts several outlets tell the same way: listed only in the full report."""
    if not view.full or view.kinds:
        return []
    return [f for f in event.facts if f.relation == "equivalent" and len(f.articles) > 1]


def top_differences(event: Event, view: View) -> list[tuple[FactGroup, Difference]]:
    """The few differences an event's summary names: the most important kinds first."""
    pairs = [
        (f, d)
        for f in event.facts
        if f.relation == "divergent"
        for d in f.differences
        if d.disagrees and (not view.kinds or d.kind in view.kinds)
    ]
    order = {f.id: n for n, f in enumerate(event.facts)}
    pairs.sort(key=lambda p: (kind_rank(p[1]), order[p[0].id]))
    seen: set[str] = set()
    out = []
    for f, d in pairs:
        if f.id in seen:  # one line per fact: its most important difference
            continue
        seen.add(f.id)
        out.append((f, d))
        if len(out) == TOP_DIFFERENCES:
            break
    return out


def only_in(event: Event, article_id: str, view: View) -> tuple[list[FactGroup], int]:
    """The facts only ``article_id`` reports, and how many more than shown."""
    outlet = event.outlets.get(article_id)
    if not outlet or view.kinds:
        return [], 0
    by_id = {f.id: f for f in event.facts}
    facts = [by_id[i] for i in outlet.added if i in by_id]
    if view.full or view.outlet:
        return facts, 0
    return facts[:DEFAULT_ONLY_IN], max(0, len(facts) - DEFAULT_ONLY_IN)


def omitted_by(event: Event, article_id: str) -> list[FactGroup]:
    outlet = event.outlets.get(article_id)
    by_id = {f.id: f for f in event.facts}
    return [by_id[i] for i in outlet.omitted if i in by_id] if outlet else []


def quotes(event: Event, view: View) -> tuple[list[Quote], int]:
    """Quotes two or more outlets carry (all with --full), and how many were left out."""
    if view.kinds and "quote" not in view.kinds:
        return [], 0
    if view.full:
        return list(event.quotes), 0
    shown = [q for q in event.quotes if len({u.article for u in q.uses if u.form != "absent"}) >= QUOTE_MIN_OUTLETS]
    return shown, len(event.quotes) - len(shown)


def quote_forms(event: Event, quote: Quote, labels: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Each form ``quote`` takes in the event (as readers see it: ``labels.quote_form_label``) with the labels of the
    articles carrying it that way, in the order first met; the articles that do not carry it at all are absent."""
    forms: dict[str, list[str]] = {}
    carried = {u.article for u in quote.uses}
    for use in quote.uses:
        forms.setdefault(use.form, []).append(labels.get(use.article, use.article))
    for a in event.articles:
        if a not in carried:
            forms.setdefault("absent", []).append(labels[a])
    return [(quote_form_label(form), names) for form, names in forms.items()]


def events_of(report: Report, focus: set[str]) -> list[Event]:
    """Events in story order; with an outlet in focus, only the events it reported."""
    by_id = {e.id: e for e in report.events}
    events = [by_id[i] for i in report.story.events if i in by_id]
    events += [e for e in report.events if e.id not in report.story.events]
    if focus:
        events = [e for e in events if focus & set(e.articles)]
    return events


def dated(article: Article) -> str:
    return article.published or "undated"


def reference(fact: FactGroup, order: Iterable[str]) -> str | None:
    """The article whose wording the others are shown against: the first in the event's order."""
    carried = set(fact.articles)
    return next((a for a in order if a in carried), None)


def fact_text(fact: FactGroup) -> str:
    """A fact told by one voice: its sentences once each (an article and its copy carry the same)."""
    return " ".join(dict.fromkeys(m.text for m in fact.members))
