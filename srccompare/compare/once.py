"""One finding, one line: the event-level passes that show in one fact group what several groups' lines would
repeat. A sentence that tells several facts (a lead giving the toll, the place and the time) is a member of each
fact's group, and its figures, its wording and its quotations would be told in every one of them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import replace

from ..model import Article, Difference, FactGroup


def figures_told_once(facts: list[FactGroup], by_id: Mapping[str, Article]) -> list[FactGroup]:
    """The facts with each number disagreement of the event shown in one of them: where several facts' sentences
    give the same conflicting figures of one thing (the leads of five outlets each giving the toll: "death: "10" vs
    "three"" in four facts), the fact whose figures of it come from the most articles shows them (the first such fact
    on a tie), the others name it (``Difference.elsewhere``). The figures stay in each difference's ``numbers``."""
    from ..render.labels import difference_detail
    from .differences import article_labels

    readings: list[dict[str, tuple[tuple, int]]] = []
    home: dict[tuple, tuple[int, str]] = {}
    for fact in facts:
        found: dict[str, tuple[tuple, int]] = {}
        for diff in fact.differences:
            if diff.kind != "number" or diff.form is not None:
                continue
            by_thing: dict[str, dict[str, set]] = {}
            for a, uses in diff.numbers.items():
                for u in uses:
                    if u.form is None and u.thing is not None and u.text in diff.used.get(a, ()):
                        by_thing.setdefault(u.thing, {}).setdefault(a, set()).add((u.value, u.unit))
            for thing, per_article in by_thing.items():
                told = frozenset(frozenset(v) for v in per_article.values())
                if len(told) >= 2:
                    found[thing] = ((thing, told), len(per_article))
        readings.append(found)
        for key, count in found.values():
            if key not in home or count > home[key][0]:
                home[key] = (count, fact.id)
    out = []
    for fact, found in zip(facts, readings):
        elsewhere = {thing: home[key][1] for thing, (key, _) in found.items() if home[key][1] != fact.id}
        if not elsewhere:
            out.append(fact)
            continue
        labels = article_labels(fact.articles, by_id)
        differences = tuple(
            replace(d, elsewhere=elsewhere) if d.kind == "number" and d.form is None else d for d in fact.differences
        )
        differences = tuple(replace(d, detail=difference_detail(d, labels)) if d.elsewhere else d for d in differences)
        out.append(replace(fact, differences=differences))
    return out


# The kinds whose lines name how one outlet words its own sentences (its hedges, charged words, speech verbs,
# spellings): a sentence that tells several facts (a lead giving the capture, its place and its count) carries them
# into the group of each. Not the source an outlet credits, nor what it denies: those are told of each fact (a toll
# credited to the WHO, where another outlet's toll is credited to nobody).
WORD_KINDS = frozenset({"hedge", "loaded_term", "attribution", "name_variant"})


def told_once(facts: list[FactGroup], by_id: Mapping[str, Article]) -> list[FactGroup]:
    """The facts with each outlet's wording and each quoted remark told in one of them. One article's word of a kind
    in WORD_KINDS read in the same sentences ("the Indian Navy claims", in the groups of the capture, its place, its
    count and five more) is one finding; so is a remark with the outlets that quote it. Each is shown in the group
    where its sentences are members of their own (not attached by resemblance) and that the most outlets tell (the
    first such on a tie). Elsewhere the line leaves it out (an outlet left without words of the line is not made a
    "none"), and goes when nothing left sets two outlets apart; a line of spellings stays whole or goes. A fact whose
    lines change is a new object with new ``differences``; its relation is the caller's to read again."""
    from ..render.labels import difference_detail
    from .differences import article_labels

    found = [[_findings(fact, d) for d in fact.differences] for fact in facts]
    home: dict[tuple, tuple[tuple[bool, int, int], str]] = {}
    for n, (fact, per_line) in enumerate(zip(facts, found)):
        for items in per_line:
            for key, attached in items.values():
                rank = (not attached, len(fact.articles), -n)
                if key not in home or rank > home[key][0]:
                    home[key] = (rank, fact.id)
    out = []
    for fact, per_line in zip(facts, found):
        kept: list[Difference] = []
        changed = False
        for d, items in zip(fact.differences, per_line):
            away = {item for item, (key, _) in items.items() if home[key][1] != fact.id}
            if not away:
                kept.append(d)
                continue
            changed = True
            if d.kind != "name_variant" and (cut := _without(d, away)) is not None:
                kept.append(replace(cut, detail=difference_detail(cut, article_labels(fact.articles, by_id))))
        out.append(replace(fact, differences=tuple(kept)) if changed else fact)
    return out


def _findings(fact: FactGroup, diff: Difference) -> dict[Hashable, tuple[tuple, bool]]:
    """What a line of ``fact`` tells that another group's line may tell too, each item (an (article, word) pair, a
    remark's index) -> (its key across the event's groups, whether its sentences are all attached here)."""
    out: dict[Hashable, tuple[tuple, bool]] = {}
    if diff.kind == "quote":
        for k, remark in enumerate(diff.remarks):
            quoting = [m for m in fact.members if m.article in remark.forms]
            out[k] = (("quote", remark.excerpt, frozenset(remark.forms)), all(m.attached for m in quoting))
        return out
    if diff.kind not in WORD_KINDS:
        return out
    for article, words in diff.words.items():
        mine = [m for m in fact.members if m.article == article]
        for word in words:
            # the sentences the word is read in (a lemma, "say" for "said", may be found in none: then all of them)
            where = [m for m in mine if _writes(m.text, word)] or mine
            sentences = frozenset((m.sentence, m.text if m.part else None) for m in where)
            out[(article, word)] = ((diff.kind, article, sentences, word), all(m.attached for m in where))
    return out


def _without(diff: Difference, away: set) -> Difference | None:
    """``diff`` without the items ``away`` (``_findings``'s, told in another group); None when what is left sets no
    two outlets apart (a remark left is at home here: its line stays, verbatim or not). The detail is the caller's to
    build."""
    if diff.kind == "quote":
        return _without_remarks(diff, away)
    gone = {a for a, _ in away}
    words = {a: ws for a, w in diff.words.items() if (ws := tuple(x for x in w if (a, x) not in away))}
    used = {
        a: kept for a, w in diff.used.items() if (kept := tuple(x for x in w if (a, x) not in away)) or a not in gone
    }
    if not words or len(set(used.values())) < 2:
        return None
    terms = {x for w in used.values() for x in w}
    return replace(
        diff,
        articles=tuple(a for a in diff.articles if a in words),
        words=words,
        used=used,
        categories={t: c for t, c in diff.categories.items() if t in terms},
    )


def _without_remarks(diff: Difference, away: set) -> Difference | None:
    """A quote line without the remarks ``away`` (their indices): its form the furthest from verbatim of those left,
    its departing outlets read again from them (as the quote detector reads them)."""
    from ..render.labels import QUOTE_FORMS
    from .differences.reading import minority

    remarks = tuple(r for k, r in enumerate(diff.remarks) if k not in away)
    if not remarks:
        return None
    sides = sorted({a for r in diff.remarks for a in (*r.forms, *r.unmarked, *r.absent)})
    forms = {a: frozenset(r.forms[a] for r in remarks if a in r.forms) or frozenset({"absent"}) for a in sides}
    departing = minority(forms)
    return replace(
        diff,
        articles=departing,
        words={a: w for a, w in diff.words.items() if a in departing and any(a in r.changed for r in remarks)},
        form=max((f for r in remarks for f in r.forms.values()), key=QUOTE_FORMS.index),
        remarks=remarks,
    )


def _writes(text: str, term: str) -> bool:
    """Whether ``text`` writes ``term`` in some form: each of its words, a short one whole ("may", not "mayor"), a
    longer one by its first letters ("providential" in "Providentially", "claim" in "claims")."""
    import re

    low = text.lower()
    return all(
        re.search(r"\b" + (re.escape(w) + r"\b" if len(w) <= 4 else re.escape(w[: max(5, len(w) - 2)])), low)
        for w in term.lower().split()
    )
