"""Lexical framing: a loaded term one outlet uses where the others tell the fact neutrally.

Two readings: a word of the curated lexicon (labels, dramatising verbs, evaluative adjectives,
manner adverbs) on one side only; and a word choice in the same slot of the sentence, where the word
one outlet put is markedly more charged (lexicon.charge, rated by maintained sentiment and
subjectivity lexicons) than the word another put there, or than nothing ("the plan" / "the bogus
plan").
"""

from __future__ import annotations

from ...model import Difference
from ...nlp.tokens import STOP_WORDS
from .. import lexicon
from . import register
from .reading import (
    Side,
    Word,
    claim_context,
    key,
    on_a_told_claim,
    per_side,
    phrase_starts,
    set_difference,
    without_loose_silences,
)

# A slot is a run of words that differ between two aligned sentences, at most this long on either
# side: a word choice. Longer runs are another wording of the clause or new content (added_detail),
# where no word stands for a given other one.
SLOT_WORDS = 3


@register("loaded_term")
def _loaded(sides: list[Side]) -> Difference | None:
    # Sides that print the same sentence read alike: each is read, and each pair of them compared, once.
    terms = per_side(sides, lambda s: frozenset(lexicon.loaded_terms([(w.raw, w.plain, w.first) for w in s.own])))
    # A side told in a clause of a longer sentence counts only with a loaded term of its own: the sentence's word
    # for the thing may stand outside the clause ("The brazen attack, | which killed four").
    sides, terms = without_loose_silences(sides, terms)
    if len(sides) < 2:
        return None  # a group of clauses none of which uses a charged word of its own: nothing to set against
    sets = {side.article: set(found) for side, found in zip(sides, terms)}
    plains = per_side(sides, lambda s: [w.plain for w in s.own])
    choices: dict[tuple[object, object], set[str]] = {}
    for i, (side, candidates) in enumerate(
        zip(sides, per_side(sides, lambda s: _candidates(s.own, [w.plain for w in s.own])))
    ):
        if not candidates:
            continue  # most members use no charged word: no slot to read
        for j in range(len(sides)):
            if i != j:
                pair = (side.reads_as, sides[j].reads_as)
                found = choices.get(pair)
                if found is None:
                    found = choices[pair] = charged_choices(plains[i], candidates, plains[j])
                sets[side.article] |= found
    # A charged word another member uses too is no one outlet's choice of tone, even where a third
    # member leaves it out: it counts on every side that has it.
    chosen = {t for s in sets.values() for t in s if " " not in t}
    if chosen:
        also = per_side(
            sides, lambda s: {w.plain for w in s.own if w.plain in chosen and (w.first or not w.raw[:1].isupper())}
        )
        for side, found in zip(sides, also):
            sets[side.article] |= found
    # The story's plain word for what happened ("the bomb exploded") is no outlet's tone.
    story = sides[0].story
    frozen = {a: frozenset(s - story) for a, s in sets.items()}
    if not any(frozen.values()):
        return None
    # A loaded word on a fact only one outlet tells ("devastated by the abrupt departure" in a group whose other
    # sentences tell who directs the sequel) departs from nobody's telling of it.
    frozen = on_a_told_claim(
        sides, {side.article: _term_claims(list(side.words), frozen[side.article]) for side in sides}
    )
    every = {t for s in frozen.values() for t in s}
    return set_difference("loaded_term", frozen, categories={t: lexicon.loaded_category(t) for t in sorted(every)})


def _term_claims(words: list[Word], terms: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each term -> the context of the claims it is used on (``claim_context`` of its occurrences)."""
    out = {}
    for term in terms:
        n = len(term.split())
        out[term] = frozenset().union(*(claim_context(words, i, n) for i in phrase_starts(words, term)))
    return out


def _candidates(words: list[Word], plain: list[str]) -> dict[int, float]:
    """Position -> charge of the words that may be a charged choice: charged enough, not a name,
    a function word or part of a fixed phrase ("historic city")."""
    out: dict[int, float] = {}
    fixed: list[bool] | None = None
    raws = [w.raw for w in words]
    firsts = [w.first for w in words]
    for k, p in enumerate(plain):
        if p in STOP_WORDS or not p.replace("-", "").isalpha() or lexicon.in_a_name(raws, firsts, k):
            continue
        c = lexicon.charge(p)
        if c < lexicon.CHARGED:
            continue
        if fixed is None:
            fixed = lexicon.in_fixed_phrase(plain)
        if not fixed[k]:
            out[k] = c
    return out


def charged_choices(mine: list[str], candidates: dict[int, float], theirs: list[str]) -> set[str]:
    """The candidate words of ``mine`` (position -> charge) that sit in a short slot where
    ``theirs`` has other words (or none) and are markedly more charged than those: the tone one
    outlet chose for a fact both tell."""
    from rapidfuzz.distance import Levenshtein

    if not theirs:
        return set()
    elsewhere: set[str] | None = None
    found: set[str] = set()
    for lo, hi, olo, ohi in _slots(Levenshtein.opcodes(theirs, mine)):
        if hi - lo > SLOT_WORDS or ohi - olo > SLOT_WORDS or not any(k in candidates for k in range(lo, hi)):
            continue
        before = max((lexicon.charge(p) for p in theirs[olo:ohi]), default=0.0)
        if elsewhere is None:
            elsewhere = {key(p) for p in theirs if p}
        for k in range(lo, hi):
            c = candidates.get(k)
            if c is not None and c - before >= lexicon.CHARGE_MARGIN and key(mine[k]) not in elsewhere:
                found.add(mine[k])
    return found


def _slots(opcodes) -> list[tuple[int, int, int, int]]:
    """Runs of consecutive non-equal opcodes as (start, end in the second sequence, start, end in the
    first): an insertion next to a replacement is one slot."""
    out: list[tuple[int, int, int, int]] = []
    run: list[int] | None = None
    for op in opcodes:
        if op.tag == "equal":
            if run is not None:
                out.append((run[2], run[3], run[0], run[1]))
                run = None
            continue
        if run is None:
            run = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            run[1], run[3] = op.src_end, op.dest_end
    if run is not None:
        out.append((run[2], run[3], run[0], run[1]))
    return out
