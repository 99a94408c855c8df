"""Build the Report: the one place where comparison results are assembled.

articles -> notices and the articles to compare -> events (group) -> fact groups per event (align)
-> relation, differences and highlights per group (classify) -> per-outlet coverage -> quotes ->
background links across events -> Report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import (
    Article,
    CopyLink,
    Difference,
    Event,
    FactGroup,
    FactRelation,
    FirstReport,
    Member,
    Notice,
    Problem,
    Report,
    Story,
    Token,
)
from ..nlp import memo
from ..options import DEFAULT_OPTIONS, Options
from . import lexicon
from .align import align
from .background import BackgroundUnits, with_background
from .classify import classify_group
from .copies import voices
from .coverage import disagrees, outlet_facts
from .execute import compare_events, event_keys
from .group import group_events
from .labels import with_labels
from .notices import Screened, screen
from .once import figures_told_once, told_once
from .units import Unit


def build_report(
    articles: Sequence[Article], options: Options = DEFAULT_OPTIONS, problems: Sequence[Problem] = ()
) -> Report:
    """The report of ``articles``; ``problems`` are the inputs that could not be used, which the
    report names so that a reader of the JSON or HTML knows what it does not cover."""
    articles = with_labels(articles)
    screened: Screened = screen(articles)
    groups = group_events(screened.compared, options) if screened.compared else []
    # What grouping cached (every paragraph's numbers and names) is of no use to the events.
    memo.clear()

    events: list[Event] = []
    copies: dict[str, tuple[CopyLink, ...]] = {}
    keys = event_keys(groups, screened.exact_only, options)
    background_key = _background_key([g.id for g in groups], keys)
    stored = _stored_background(background_key, options)
    # Unless the store has the links, each event's words are read for them as it comes back, while
    # the workers compare the next ones.
    gathered = BackgroundUnits() if stored is None else None
    # Each event on its own: from the store, or on the engine's workers (compare/execute.py).
    for n, (event, links, words) in enumerate(compare_events(groups, screened.exact_only, options, keys)):
        copies.update(links)
        events.append(replace(event, why=groups[n].why))
        if gathered is not None:
            gathered.add_words(words)
    if gathered is not None:
        from ..engine import engine_of

        stored = gathered.links(engine_of(options))
        if background_key:
            from .. import store

            store.put_value("background", background_key, stored, options)
    events = with_background(events, stored or {})
    memo.clear()  # every fact's words, read once for the links: the report is all that is left to hold
    return Report(
        articles=tuple(replace(a, copy_of=copies[a.id]) if a.id in copies else a for a in articles),
        story=Story(tuple(e.id for e in events)),
        events=tuple(events),
        notices=tuple(Notice("configuration", f"settings read from {path}", ()) for path in options.config_files)
        + (
            (Notice("one_event", "compared as one event, as asked (--one-event): not grouped by topic or date", ()),)
            if options.one_event and len(screened.compared) > 1
            else ()
        )
        + tuple(Notice("unusable_input", f"{p.path}: {p.reason}", ()) for p in problems)
        + screened.notices,
    )


def _background_key(ids: Sequence[str], keys: Sequence[str]) -> str | None:
    """The background links depend on the events' facts and their articles' paragraphs alone, which
    each event's store key covers: for the same events under the same ids (an unchanged corpus), the
    links are read back from the store under this key (None: no store)."""
    from .. import store

    return store.derived_key("background", repr(list(zip(ids, keys)))) if keys else None


def _stored_background(key: str | None, options: Options) -> dict[str, tuple[str, ...]] | None:
    from .. import store

    links = store.get_value("background", key, options) if key else None
    return links if isinstance(links, dict) else None


def build_event(
    event_id: str,
    title: str,
    dates: tuple[str | None, str | None],
    articles: list[Article],
    exact_only: frozenset[str],
    by_id: Mapping[str, Article],
    copies: Mapping[str, tuple[CopyLink, ...]] | None = None,
) -> Event:
    """One event: align its articles' sentences, describe each fact group, then each outlet's share."""
    order = {a.id: k for k, a in enumerate(articles)}
    groups = align(articles, exact_only)
    groups = _ordered(groups, order)
    story = lexicon.story_terms(a.body for a in articles)
    facts = []
    for n, units in enumerate(groups, 1):
        members = tuple(Member(u.article, u.sentence, u.text, u.part, u.attached) for u in units)
        relation, differences, highlights = describe_group(members, by_id, story)
        facts.append(
            FactGroup(
                id=f"{event_id}.F{n}",
                relation=relation,
                members=members,
                differences=differences,
                highlights=highlights,
                first_reported=first_report(members, by_id),
            )
        )
    facts = figures_told_once(facts, by_id)
    facts = [
        fact if fact.differences is kept.differences else _with_relation(kept, by_id)
        for fact, kept in zip(facts, told_once(facts, by_id))
    ]
    ids = tuple(a.id for a in articles)
    return Event(
        id=event_id,
        title=title,
        dates=dates,
        articles=ids,
        facts=tuple(facts),
        outlets=outlet_facts(ids, facts, exact_only & frozenset(ids), articles, voices(ids, copies or {})),
        quotes=_quotes(articles, facts, event_id),
    )


def _ordered(groups: list[tuple[Unit, ...]], order: Mapping[str, int]) -> list[tuple[Unit, ...]]:
    """Groups in reading order of the most central article (the one sharing most facts), then the
    facts no group shares with it, in the order of the other articles.
    """
    groups = [tuple(sorted(g, key=lambda u: (order[u.article], u.sentence))) for g in groups]
    shared_count: dict[str, int] = {a: 0 for a in order}
    for g in groups:
        arts = {u.article for u in g}
        if len(arts) > 1:
            for a in arts:
                shared_count[a] += 1
    centre = min(order, key=lambda a: (-shared_count[a], order[a])) if order else None

    def key(g: tuple[Unit, ...]) -> tuple[int, int, int]:
        own = [u.sentence for u in g if u.article == centre]
        if own:
            return (0, 0, min(own))
        first = g[0]
        return (1, order[first.article], first.sentence)

    return sorted(groups, key=key)


def first_report(members: Sequence[Member], by_id: Mapping[str, Article]) -> FirstReport | None:
    """The article of a fact group published first, when the group spans articles and every one of
    them has a published date (ISO strings compare in time order; a date alone sorts before a time
    on that day). None on a tie for the earliest date: who was first is then not known."""
    dates = {m.article: by_id[m.article].published for m in members if m.article in by_id}
    if len(dates) < 2 or not all(dates.values()):
        return None
    ordered = sorted(dates.items(), key=lambda kv: (kv[1] or "", kv[0]))
    (first, when), (_, second) = ordered[0], ordered[1]
    if when is None or second == when:
        return None
    return FirstReport(first, when)


def _quotes(articles: list[Article], facts: list[FactGroup], event_id: str) -> tuple:
    from .quotes import track_quotes

    return tuple(track_quotes(articles, facts, prefix=f"{event_id}."))


def _with_relation(fact: FactGroup, by_id: Mapping[str, Article]) -> FactGroup:
    """``fact`` with its relation read again from its differences (some were told in another group)."""
    relation, differences = _relation(_texts_by_article(fact.members), fact.differences, by_id)
    return replace(fact, relation=relation, differences=differences)


def describe_group(
    members: Sequence[Member], by_id: Mapping[str, Article], story: frozenset[str] = frozenset()
) -> tuple[FactRelation, tuple[Difference, ...], tuple[tuple[Token, ...], ...]]:
    """Relation, differences and word highlights of one fact group (``story``: see ``classify_group``)."""
    texts = _texts_by_article(members)
    if len(texts) < 2:
        return "single", (), ()
    differences, highlights = classify_group(members, by_id, story)
    relation, told = _relation(texts, differences, by_id)
    return relation, told, tuple(highlights)


def _relation(
    texts: Mapping[str, str], differences: Sequence[Difference], by_id: Mapping[str, Article]
) -> tuple[FactRelation, tuple[Difference, ...]]:
    """A group's relation from its differences and its sides' texts, with the differences to show: a group whose
    sides are worded differently but disagree in no classified way shows its wording."""
    meaningful = [d for d in differences if disagrees(d)]
    relation: FactRelation = "divergent" if meaningful or not _all_equivalent(list(texts.values())) else "equivalent"
    if relation == "divergent" and not meaningful:
        return relation, (*differences, _wording(texts, by_id))
    return relation, tuple(differences)


def _texts_by_article(members: Sequence[Member]) -> dict[str, str]:
    """Each article's side of the group: its member sentences joined in reading order."""
    out: dict[str, list[str]] = {}
    for m in sorted(members, key=lambda m: m.sentence):
        out.setdefault(m.article, []).append(m.text)
    return {a: " ".join(ts) for a, ts in out.items()}


def _runs_as_written(raws: list[str], mine: list[bool], bare: list[bool]) -> tuple[str, ...]:
    """The phrases of ``raws`` (a side's words as written) made of its own words (``mine``) and the function words
    between two of them (``bare``: no content word), each as the side writes it: "tearful Charlie Kafoury, who had
    difficulty getting out his words", not a list of content words. A phrase ends with its sentence."""
    from .differences.reading import PUNCT, ends_sentence

    out: list[str] = []
    run: list[int] = []  # positions of the phrase being read: its first and its last own word
    for k, raw in enumerate(raws):
        if mine[k]:
            run = [run[0] if run else k, k]
            if ends_sentence(raw):
                out.append(" ".join(raws[run[0] : k + 1]).strip(PUNCT))
                run = []
        elif not bare[k] and run:
            out.append(" ".join(raws[run[0] : run[1] + 1]).strip(PUNCT))
            run = []
    if run:
        out.append(" ".join(raws[run[0] : run[1] + 1]).strip(PUNCT))
    return tuple(dict.fromkeys(p for p in out if p))


def _all_equivalent(texts: list[str]) -> bool:
    """Whether every two sides of the group tell the fact the same way (one relation matrix)."""
    from ..nlp.tokens import normalise
    from .relation import relation_matrix

    # One text told by several sides is one row: the relation of a pair depends only on the two texts.
    norms = list(dict.fromkeys(normalise(t) for t in dict.fromkeys(texts)))
    _, kinds = relation_matrix(norms, norms)
    return bool((kinds == "equivalent").all())


def _wording(texts: Mapping[str, str], by_id: Mapping[str, Article]) -> Difference:
    """The difference of a divergent group the classifier found no kind for: the content words
    only one side has (added_detail), in the order that side writes them, or, when every side has
    the same words, "wording"."""
    import dataclasses

    from ..nlp.tokens import aligned_words
    from ..render.labels import difference_detail
    from .differences import article_labels
    from .differences.reading import PUNCT

    words = {a: set(aligned_words(t).split()) for a, t in texts.items()}
    departing: dict[str, tuple[str, ...]] = {}
    used: dict[str, tuple[str, ...]] = {}
    for a, t in texts.items():
        rest = set().union(*(w for b, w in words.items() if b != a))
        extra = words[a] - rest
        # The side's own words, as written, whose content word no other side has.
        raws = t.split()
        content = [set(aligned_words(raw).split()) for raw in raws]
        shown = [raw.strip(PUNCT) for raw, c in zip(raws, content) if c & extra]
        if shown:
            departing[a] = tuple(dict.fromkeys(shown))
            used[a] = _runs_as_written(raws, [bool(c & extra) for c in content], [not c for c in content])
    if not departing:
        return Difference("wording", "the same words, told differently", tuple(texts))
    diff = Difference("added_detail", "", tuple(departing), departing, used=used)
    return dataclasses.replace(diff, detail=difference_detail(diff, article_labels(list(texts), by_id)))
