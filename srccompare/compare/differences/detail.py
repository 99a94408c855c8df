"""Added detail: what one outlet tells about the fact that the others do not (when, where, who, what)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ... import data
from ...model import Difference
from ...nlp.numbers import QUALIFIER_PHRASES, UNIT_WORDS
from ...nlp.tokens import STOP_WORDS
from .. import lexicon, worddiff
from . import register
from .reading import CLAIM_SHARED, PUNCT, Side, Word, cue_words, key, per_side, speech_verb_positions, variants
from .sources import side_sources

# Words an added phrase may bridge over without ending ("yesterday on the sidelines of the Forum").
_BRIDGE = data.words("lexicon", "bridge")
# Titles before a speaker's name: part of the attribution, not a detail.
_TITLE_WORDS = data.words("lexicon", "title_words")


@register("added_detail")
def _added(sides: list[Side]) -> Difference | None:
    keysets = per_side(sides, lambda s: {key(k) for w in s.words for k in w.keys})
    # How many sides use each stem: a word of one stem is missing from the sides that do not.
    holders = Counter(k for ks in keysets for k in ks)
    texts = {(a.text, b.text) for i, a in enumerate(sides) for b in sides[i + 1 :]}
    variant_words = {w.lower() for a, b in texts for p in variants(a, b) for x in p for w in x.split()}
    adds: dict[str, list[str]] = {}
    kinds: dict[str, set[str]] = {}
    others_needed = (len(sides) - 1 + 1) // 2

    def phrases(idx: int) -> list[tuple[str, set[str]]]:
        """The added phrases of side ``idx`` and what each tells. Two sides of one signature hold
        the same stems, so each finds the same others missing a word: read once per signature."""
        side = sides[idx]
        own = side.own
        # Words another kind already explains: the speech verbs and hedges of this side, and the
        # speaker named next to a quotation (attribution, not a detail).
        explained = {own[i].plain for i in speech_verb_positions(own)} | set(cue_words(own, lexicon.HEDGE))
        explained |= {w.strip(PUNCT) for w in side.speakers} | _TITLE_WORDS | UNIT_WORDS
        # A cited source is the source_cited kind's ("Reuters reported"), not an added detail.
        explained |= {p.lower() for src in side_sources(side) for p in src.split()}
        added = []
        out = []
        for w in own:
            content = (
                w.plain and w.plain not in STOP_WORDS and w.plain not in explained and any(c.isalnum() for c in w.plain)
            )
            content = content and w.plain not in variant_words
            if not (content and w.keys):
                added.append(False)
                continue
            stems = {key(k) for k in w.keys}
            if len(stems) == 1:
                # The side itself holds the stem (its keyset has all its words').
                missing = len(sides) - holders[next(iter(stems))]
            else:
                missing = sum(1 for j, ks in enumerate(keysets) if j != idx and not stems <= ks)
            added.append(missing >= others_needed)
        # the member sentence of each own word: a phrase ends with its sentence
        sentence = (
            [m for w, m in zip(side.words, side.members) if not w.quoted]
            if len(side.members) == len(side.words)
            else None
        )
        for start, end in _phrases(own, added, sentence):
            chunk = own[start:end]
            units = _units(chunk, added[start:end])
            kind = _detail_kind(chunk, own[start - 1] if start else None)
            if units >= 3 or (units >= 2 and kind != {"what"}):
                start, end = _whole_names(own, start, end, sentence)
                start = _whole_qualifier(own, start)
                out.append((" ".join(w.raw for w in own[start:end]).strip(PUNCT), kind))
        return out

    positions = {id(side): idx for idx, side in enumerate(sides)}
    # A detail is told about the fact: a side sharing fewer than CLAIM_SHARED content words with every other side
    # tells another fact (its group holds it through a chain of links), and all its words would read as "added".
    keys = [s.content_keys for s in sides]
    telling = [
        any(len(keys[i] & keys[j]) >= CLAIM_SHARED for j in range(len(sides)) if j != i) for i in range(len(sides))
    ]
    for side, found, tells in zip(sides, per_side(sides, lambda s: phrases(positions[id(s)])), telling):
        if not tells:
            continue
        for phrase, kind in found:
            adds.setdefault(side.article, []).append(phrase)
            kinds.setdefault(side.article, set()).update(kind)
    if not adds:
        return None
    articles = tuple(sorted(adds))
    used = {a: tuple(adds[a]) for a in articles}
    aspects = {a: tuple(sorted(kinds[a])) for a in articles}
    return Difference("added_detail", "", articles, used, used=used, aspects=aspects)


def _whole_names(words: list[Word], start: int, end: int, sentence: Sequence[int] | None) -> tuple[int, int]:
    """A phrase widened over the rest of a name it cuts ("made first baseman Mark" -> "... Mark Teixeira"): the other
    outlets give the surname too, but half a name is no phrase to show."""

    def name(k: int) -> bool:
        w = words[k]
        return w.raw[:1].isupper() and not w.first and not w.quoted

    def together(j: int, k: int) -> bool:
        return (sentence is None or sentence[j] == sentence[k]) and not words[j].clause_end

    while end < len(words) and name(end - 1) and name(end) and together(end - 1, end):
        end += 1
    while start > 0 and name(start) and name(start - 1) and together(start - 1, start):
        start -= 1
    return start, end


# The qualifiers of a figure written in more than one word ("at least", "as many as"), as word lists.
_QUALIFIER_WORDS = tuple(q.split() for q in QUALIFIER_PHRASES if " " in q)


def _whole_qualifier(words: list[Word], start: int) -> int:
    """A phrase's start moved back over the first words of a qualifier it cuts ("least three banks" -> "at least
    three banks"): the other outlets' words ("at") are part of this outlet's figure, not a phrase break."""
    for q in _QUALIFIER_WORDS:
        for k in range(1, len(q)):
            lo = start - k
            if lo >= 0 and [w.plain for w in words[lo : lo + len(q)]] == q and not words[lo].clause_end:
                return lo
    return start


def _units(chunk: list[Word], added: list[bool]) -> int:
    """Added content words, a run of capitalised words counting once: "North Korea" is one name,
    and a name another outlet gives as "Pyongyang" is not a detail of two words."""
    n = 0
    previous_name = False
    for w, a in zip(chunk, added):
        name = w.raw[:1].isupper() and not w.first
        if a and not (name and previous_name):
            n += 1
        previous_name = a and name
    return n


def _phrases(words: list[Word], added: list[bool], sentence: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Runs of added words, bridging articles and prepositions between two added words; a run never crosses into
    the next sentence (an outlet's sentences in a group are read as one side: "problems. Dozens of law enforcement
    officers" is the end of one and the start of another)."""
    out: list[tuple[int, int]] = []
    for start, end in _within_sentences(worddiff.runs(added), sentence):
        if out:
            prev_start, prev_end = out[-1]
            gap = words[prev_end:start]
            if gap and all(w.plain in _BRIDGE for w in gap) and not words[prev_end - 1].clause_end:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def _within_sentences(runs, sentence: Sequence[int] | None) -> list[tuple[int, int]]:
    """``runs`` split where the member sentence (``sentence``: its index per word, or None) changes."""
    if sentence is None:
        return list(runs)
    out = []
    for start, end in runs:
        for k in range(start + 1, end):
            if sentence[k] != sentence[k - 1]:
                out.append((start, k))
                start = k
        out.append((start, end))
    return out


def _detail_kind(chunk: list[Word], before: Word | None = None) -> set[str]:
    """when, where, who or what an added phrase tells; ``before`` is the word just ahead of it,
    which may be the preposition of a place ("in | Vienna on Tuesday")."""
    kinds = set()
    plains = [w.plain for w in chunk]
    if any(p in lexicon.TIME_WORDS for p in plains) or any(re.fullmatch(r"(1[89]|20)\d\d", p) for p in plains):
        kinds.add("when")
    words = ([before] if before is not None else []) + chunk
    placed: set[int] = set()  # positions in words of the capitalised words naming a place after a cue
    for i, w in enumerate(words):
        if w.plain in lexicon.PLACE_NOUNS:
            kinds.add("where")
        elif w.plain in lexicon.PLACE_CUES and i + 1 < len(words) and words[i + 1].raw[:1].isupper():
            kinds.add("where")
            placed.update(k for k in range(i + 1, min(i + 3, len(words))) if words[k].raw[:1].isupper())
    first = len(words) - len(chunk)
    if any(
        w.raw[:1].isupper()
        and not w.first
        and first + k not in placed
        and w.plain not in lexicon.TIME_WORDS
        # a capital after a colon opens what follows ("2:16pm: Take"), as at a sentence's start
        and not (first + k > 0 and words[first + k - 1].raw.endswith(":"))
        for k, w in enumerate(chunk)
    ):
        kinds.add("who")
    return kinds or {"what"}
