"""Curated word lists that tell how an outlet frames a fact it shares with others.

The lists live in ``srccompare/data/lexicon.toml`` (docs/thresholds.md says where each comes from)
and are read once, on first import. Each list is short on purpose: a word belongs there only when
swapping it for a neutral one changes how a reader takes the fact. Matching is on lower-case word
tokens; multi-word cues are phrases. Every cue maps to the lemma shown to the user, so "says" and
"said" are one verb and not a difference.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from .. import data

_LEXICON = data.load("lexicon")


def _forms(table: dict[str, str]) -> dict[str, str]:
    """form -> lemma, from rows 'lemma = "form form ..."'; multi-word forms are separated by commas
    ("is expected to, was expected to"), and a multi-word lemma matches only through its forms, so
    that "expected to" alone ("he expected to win") is not a hedge."""
    out: dict[str, str] = {}
    for lemma, forms in table.items():
        if " " not in lemma or not forms:
            out[lemma] = lemma
        for f in forms.split(",") if "," in forms else forms.split():
            out[f.strip()] = lemma
    return out


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(p.split()) for p in text.split(",") if p.strip())


# Attribution verbs: how the outlet reports that someone spoke.
ATTRIBUTION = _forms(_LEXICON["attribution"])
# Neutral reporting verbs: a swap between two of these ("said" / "told") is not framing.
NEUTRAL_ATTRIBUTION = frozenset(_LEXICON["attribution_neutral"]["words"].split())
# Hedges and modality: words that lower the speaker's or outlet's commitment to the fact.
HEDGE = _forms(_LEXICON["hedge"])
# Nouns whose clause's modal is what is feared or foreseen, not a hedge ("concerns that it could spread").
HEDGE_CONTENT = frozenset(_LEXICON["hedge_content"]["words"].split())
HEDGE_CONTENT_MODALS = frozenset(_LEXICON["hedge_content"]["modals"].split())
HEDGE_SCOPE_RELATIVES = frozenset(_LEXICON["hedge_content"]["relatives"].split())
HEDGE_QUESTIONS = frozenset(_LEXICON["hedge_content"]["questions"].split())
HEDGE_IDIOMS = tuple(tuple(p.split()) for p in _LEXICON["hedge_content"]["idioms"])
# Auxiliaries between a subject and its verb ("no suspects have been taken").
AUXILIARIES = frozenset(_LEXICON["auxiliaries"]["words"].split())
# Negation and reversal cues ("unlikely to be resolved" / "will be resolved").
NEGATION = frozenset(_LEXICON["negation"]["words"].split())
# Contractions reach us as separate tokens or as "n't" endings.
NEGATION_SUFFIX: str = _LEXICON["negation"]["suffix"]
NOMINAL_ENDINGS = tuple(_LEXICON["negation"]["nominal_endings"].split())
YET_TO_AFTER = frozenset(_LEXICON["negation"]["yet_to_after"].split())
NEGATION_BEFORE_TO = frozenset(_LEXICON["negation"]["before_to"].split())
NEGATION_BEFORE_CLAUSE = frozenset(_LEXICON["negation"]["before_clause"].split())
# Words before "to" whose verb after it tells what happened (see lexicon.toml): implicatives, and the cues before "to".
IMPLICATIVE = frozenset(_LEXICON["negation"]["implicative"].split()) | NEGATION_BEFORE_TO | NEGATION_BEFORE_CLAUSE
UNASSERTED_BEFORE = frozenset(_LEXICON["negation"]["unasserted_before"].split())
UNASSERTED_CLAUSE = frozenset(_LEXICON["negation"]["unasserted_clause"].split())
NEGATION_AFTER_NO = frozenset(_LEXICON["negation"]["after_no"].split())
NEGATION_AIM_OR_CONDITION = frozenset(_LEXICON["negation"]["aim_or_condition"].split())
NEGATION_EMPHATIC = frozenset(_LEXICON["negation"]["emphatic_after"].split())
NEGATED_OF = frozenset(_LEXICON["negation"]["negated_of"].split())
NEGATION_UNTIL = frozenset(_LEXICON["negation"]["until"].split())

# Loaded terms: word -> category (label, speech verb, dramatising, evaluative); the first category wins.
LOADED: dict[str, str] = {}
for _cat, _words in _LEXICON["loaded"].items():
    for _w in _words.split():
        LOADED.setdefault(_w, _cat)
# Multi-word loaded terms (euphemisms are loaded too: they steer the reader as surely as a slur does).
LOADED_PHRASES: dict[str, str] = dict(_LEXICON["loaded_phrases"])
# Set expressions in which a loaded word is not loaded ("historic city", "toxic waste").
FIXED_PHRASES = _phrases(_LEXICON["fixed_phrases"]["phrases"])

# Adverbs in -ly that are neutral, and words in -ly that are not adverbs (see loaded_terms).
NEUTRAL_ADVERBS = frozenset(_LEXICON["adverbs"]["neutral"].split())
NOT_ADVERBS = frozenset(_LEXICON["adverbs"]["not_adverbs"].split())
# The shortest -ly word that counts as a manner adverb ("badly" and "oddly" are too short to tell).
ADVERB_MIN_LETTERS = 6
MANNER = "manner adverb"

_WORDS = _LEXICON["words"]
# Generic sources an outlet may cite besides named outlets and people ("experts say").
GENERIC_SOURCES = frozenset(_WORDS["generic_sources"].split())
GENERIC_BODIES = frozenset(_WORDS["generic_bodies"].split())
SOURCE_WORKS = frozenset(_WORDS["source_works"].split())
GENERIC_ADJECTIVES = frozenset(_WORDS["generic_adjectives"].split())
SPEAKS_FOR = frozenset(_WORDS["speaks_for"].split())
SOURCE_FIGURES = frozenset(_WORDS["source_figures"].split())
# Verbs whose subject, a body or a generic source, is the source cited for the fact.
SOURCE_VERBS = frozenset(_WORDS["source_verbs"].split())
INVERTED_SOURCE_VERBS = frozenset(_WORDS["inverted_source_verbs"].split())
# Particles that make a source verb another verb ("put up", "put out").
PARTICLES = frozenset(_WORDS["particles"].split())
PUT_PARTICLES = frozenset(_WORDS["put_particles"].split())
# Source verbs that are also nouns, the channels whose "show" is a programme, the prepositions before a noun.
NOUN_VERBS = frozenset(_WORDS["noun_verbs"].split())
CHANNELS = frozenset(_WORDS["channels"].split())
NOUN_PREPOSITIONS = frozenset(_WORDS["noun_prepositions"].split())
# Words that place a fact in time: an added one is a "when" detail.
TIME_WORDS = frozenset(_WORDS["time"].split())
# Prepositions that introduce a place when a name follows ("in Vietnam", "at the Forum"), and nouns
# that are places themselves: an added one is a "where" detail.
PLACE_CUES = frozenset(_WORDS["place_cues"].split())
PLACE_NOUNS = frozenset(_WORDS["place_nouns"].split())

_FIXED_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _p in sorted(FIXED_PHRASES, key=lambda p: -len(p.split())):
    _FIXED_FIRST.setdefault(_p.split()[0], []).append(tuple(_p.split()))


# Charged modifiers beyond the curated lists (srccompare/data/charge.toml, built by
# scripts/build_charge.py from VADER's valence and pattern's subjectivity ratings). An adjective one
# outlet put where another has a plainer one or none ("the plan" / "the bogus plan") is loaded when
# it is at least CHARGED and more charged than the word it stands for by CHARGE_MARGIN.
# Half the scale: a VADER |valence| of 2 of 4 (its raters' "moderately") in a fully subjective word.
CHARGED = 0.5
# A quarter of the scale (one VADER point): "grim" (0.55) for "bleak" (0.4) is no change of tone.
CHARGE_MARGIN = 0.25
CHARGED_CATEGORY = "charged"
# Adjectives of outcome or condition ("fatal", "injured"): facts, whatever their sentiment rating.
STATES = frozenset(_LEXICON["states"]["words"].split())


@cache
def _charges() -> dict[str, float]:
    return dict(data.load("charge")["modifiers"])


def charge(word: str) -> float:
    """How charged a lower-case word is, 0..1: 1 for the curated loaded words and manner adverbs,
    the rated charge of other adjectives, 0 for the rest and for the adjectives of a state ("fatal").
    An -ly word is charged only as a manner adverb: the curated adverb lists decide ("badly
    damaged" tells how much, not what to think)."""
    if word in LOADED or word in LOADED_PHRASES or is_manner_adverb(word):
        return 1.0
    if word.endswith("ly") or word in HEDGE or word in NEGATION or word in TIME_WORDS or word in STATES:
        return 0.0
    return _charges().get(word, 0.0)


def loaded_category(term: str) -> str:
    """The category of a loaded term or phrase ("label", "speech verb", ...)."""
    return (
        LOADED.get(term)
        or LOADED_PHRASES.get(term)
        or (MANNER if is_manner_adverb(term) else "")
        or (CHARGED_CATEGORY if charge(term) >= CHARGED else "")
    )


# The category of loaded words that are often the plain word for what happened ("the bomb exploded", "pirates
# hijacked the ship", "police seized weapons").
DRAMATISING = "dramatising"
# Dramatising words compare on their first letters, so that the story's other forms count ("explosion",
# "hijack", "seizure").
STORY_STEM = 5
# A dramatising word is the story's own when at least STORY_MIN of its articles and STORY_SHARE of them use its
# stem: an event of 19 pirate reports where 8 write "hijack" is a hijacking, told in its own word (ECB+
# development events read: "exploded" for a bank bomb, "rampage" for a courthouse shooting, "hijacked" and
# "seized" for a piracy attempt). Two articles never make one: one outlet's added word stays its own.
STORY_MIN = 3
STORY_SHARE = 1 / 3


def story_terms(texts: Iterable[str]) -> frozenset[str]:
    """The dramatising words whose stem enough of ``texts`` (an event's articles) use: the story's plain words for
    what happened, not one outlet's tone."""
    texts = list(texts)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({w[:STORY_STEM] for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= STORY_STEM})
    need = max(STORY_MIN, STORY_SHARE * len(texts))
    return frozenset(w for w, category in LOADED.items() if category == DRAMATISING and counts[w[:STORY_STEM]] >= need)


def is_manner_adverb(word: str) -> bool:
    """An adverb in -ly that says how to take an act ("sharply", "vigorously"), not when or how
    often ("recently", "publicly"): any -ly word outside the neutral and not-adverb lists."""
    return (
        len(word) >= ADVERB_MIN_LETTERS
        and word.endswith("ly")
        and word.isalpha()
        and word not in NEUTRAL_ADVERBS
        and word not in NOT_ADVERBS
        and word not in HEDGE
    )


def in_fixed_phrase(plain: list[str]) -> list[bool]:
    """Per word, whether it belongs to one of the fixed phrases."""
    inside = [False] * len(plain)
    for i, w in enumerate(plain):
        for seq in _FIXED_FIRST.get(w, ()):
            if tuple(plain[i : i + len(seq)]) == seq:
                inside[i : i + len(seq)] = [True] * len(seq)
                break
    return inside


def in_a_name(raws: Sequence[str], firsts: Sequence[bool], k: int) -> bool:
    """Whether word ``k`` is part of a name: capitalised inside a sentence, or, where it opens one, the first word of a
    body's name ("Superior Court Judge James Bodiford sentenced ...": a capitalised head of names.toml
    ``organisation_heads`` right after it). "Ironically Nichols had offered" opens with an adverb, not a name."""
    raw = raws[k].lstrip("\"“‘'([")  # a quotation mark or a bracket before the capital ("the “Philly Max”")
    if not raw[:1].isupper():
        return False
    if not firsts[k]:
        return True
    after = raws[k + 1] if k + 1 < len(raws) else ""
    return raw[-1:].isalnum() and after[:1].isupper() and after.strip(".,;:!?'\u2019").lower() in _HEADS


_HEADS = data.words("names", "organisation_heads")


def loaded_terms(words: list[tuple[str, str, bool]]) -> set[str]:
    """The loaded terms among ``words`` given as (raw, plain lower-case, first of its sentence): a
    capitalised word inside a sentence is a name, not a term, and a word of a fixed phrase
    ("historic city") is not loaded there."""
    plain = [p for _, p, _ in words]
    fixed = in_fixed_phrase(plain)
    raws = [raw for raw, _, _ in words]
    firsts = [first for _, _, first in words]
    found = {
        p
        for k, (p, f) in enumerate(zip(plain, fixed))
        if (p in LOADED or is_manner_adverb(p)) and not f and not in_a_name(raws, firsts, k)
    }
    joined = " " + " ".join(plain) + " "
    found |= {p for p in LOADED_PHRASES if f" {p} " in joined}
    return found
