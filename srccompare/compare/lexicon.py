"""Small curated word lists that tell how an outlet frames a fact it shares with others.

Each list is short on purpose: a word belongs here only when swapping it for a neutral one changes
how a reader takes the fact. Matching is on lower-case word tokens; multi-word cues are tuples.
Every cue maps to the lemma shown to the user, so "says" and "said" are one verb and not a difference.
"""

from __future__ import annotations


def _forms(table: dict[str, str]) -> dict[str, str]:
    """form -> lemma, from rows 'lemma: "form form ..."'; multi-word forms are separated by commas
    ("is expected to, was expected to"), and a multi-word lemma matches only through its forms, so
    that "expected to" alone ("he expected to win") is not a hedge."""
    out: dict[str, str] = {}
    for lemma, forms in table.items():
        if " " not in lemma or not forms:
            out[lemma] = lemma
        for f in forms.split(",") if "," in forms else forms.split():
            out[f.strip()] = lemma
    return out


# Attribution verbs: how the outlet reports that someone spoke. "said" is neutral; the others tell
# the reader what to think of the words (suggested = tentative, claimed = doubtful, admitted =
# concession, warned = threat, insisted = defensive). "add" and "tell" are neutral continuations and
# stay in the list so that a swap to a loaded verb is seen against them.
ATTRIBUTION = _forms(
    {
        "say": "says said saying",
        "tell": "tells told telling",
        "add": "adds added adding",
        "warn": "warns warned warning",
        "suggest": "suggests suggested suggesting",
        "claim": "claims claimed claiming",
        "admit": "admits admitted admitting",
        "insist": "insists insisted insisting",
        "stress": "stresses stressed stressing",
        "note": "notes noted noting",
        "state": "states stated stating",
        "assert": "asserts asserted asserting",
        "argue": "argues argued arguing",
        "acknowledge": "acknowledges acknowledged acknowledging",
        "concede": "concedes conceded conceding",
        "announce": "announces announced announcing",
        "declare": "declares declared declaring",
        "explain": "explains explained explaining",
        "emphasize": "emphasizes emphasized emphasizing emphasises emphasised emphasising",
        "reiterate": "reiterates reiterated reiterating",
        "allege": "alleges alleged",
        "boast": "boasts boasted boasting",
        "complain": "complains complained complaining",
        "vow": "vows vowed vowing",
        "pledge": "pledges pledged pledging",
        "urge": "urges urged urging",
        "hint": "hints hinted hinting",
        "remark": "remarks remarked remarking",
        "reaffirm": "reaffirms reaffirmed reaffirming",
    }
)
# Neutral reporting verbs: a swap between two of these ("said" / "told") is not framing.
# "reiterate" and "reaffirm" only say the speaker has said it before.
NEUTRAL_ATTRIBUTION = frozenset(
    {"say", "tell", "add", "state", "note", "remark", "explain", "reiterate", "reaffirm", "announce"}
)

# Hedges and modality: words that lower the speaker's or outlet's commitment to the fact. One side
# hedging where the other asserts is a difference in how certain the reader is told to be.
HEDGE = _forms(
    {
        "could": "",
        "may": "",
        "might": "",
        "possibly": "",
        "possible": "",
        "perhaps": "",
        "probably": "",
        "likely": "",
        "unlikely": "",
        "reportedly": "",
        "allegedly": "",
        "apparently": "",
        "seemingly": "",
        "purportedly": "",
        "supposedly": "",
        # "appeared on CBS" is not a hedge; "appeared to" is.
        "appear to": "appear to, appears to, appeared to, appears that, appeared that",
        "seem": "seems seemed",
        "expected to": "is expected to, are expected to, was expected to, were expected to",
        "believed to": "is believed to, are believed to, was believed to, were believed to",
        "said to": "is said to, are said to, was said to, were said to",
        "thought to": "is thought to, are thought to, was thought to, were thought to",
        "unconfirmed": "",
        "potentially": "",
    }
)

# Negation and reversal cues: a shared content word under one of these on one side only has its
# polarity flipped ("unlikely to be resolved" / "will be resolved").
NEGATION = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "unlikely",
        "hardly",
        "barely",
        "cannot",
        "refuse",
        "refuses",
        "refused",
        "fail",
        "fails",
        "failed",
        "deny",
        "denies",
        "denied",
        "longer",  # "no longer": the "no" is caught too; kept so the phrase shows whole
        "nobody",
        "nothing",
        "none",
    }
)
# Contractions reach us as separate tokens or as "n't" endings.
NEGATION_SUFFIX = "n't"

# Loaded terms: evaluative or emotive words an outlet chooses over a neutral one. Categories follow
# what media-bias annotators mark as lexical bias: labels that judge a party, verbs that dramatise
# speech or action, and intensifiers. Each maps to its category for the detail line.
LOADED: dict[str, str] = {}
for _cat, _words in {
    # labels that pass judgement on a party (neutral: government, fighters, operation)
    "label": "regime regimes terrorist terrorists militant militants thug thugs extremist extremists "
    "puppet puppets junta dictator dictators despot tyrant warmonger warmongers propaganda "
    "invasion invaders occupiers occupation aggressor aggressors aggression henchmen cronies "
    "rogue pariah fanatic fanatics radicals insurgents separatists so-called",
    # verbs that dramatise speech: the outlet's colour, not the speaker's words
    "speech verb": "slammed slams blasted blasts lashed mocked mocks ridiculed scoffed sneered "
    "boasted bragged ranted raged fumed lambasted berated chided excoriated derided "
    "taunted railed grumbled whined pounced",
    # verbs and nouns that dramatise action or reaction
    "dramatising": "stormed raided seized crushed hammered torpedoed devastated rocked "
    "uproar outrage onslaught fury furore firestorm scandal debacle fiasco chaos "
    "bombshell showdown backlash crackdown purge",
    # intensifiers and evaluative adjectives
    "evaluative": "brutal barbaric shocking stunning staggering dramatic disastrous "
    "catastrophic appalling outrageous provocative reckless dangerous toxic notorious "
    "infamous lavish draconian sweeping unprecedented historic defiant belligerent "
    "hardline hawkish bellicose so-called",
}.items():
    for _w in _words.split():
        LOADED.setdefault(_w, _cat)

# Multi-word loaded terms, matched on the lower-case words joined by single spaces. Euphemisms are
# loaded too: they steer the reader as surely as a slur does.
LOADED_PHRASES: dict[str, str] = {
    "special military operation": "euphemism",
    "collateral damage": "euphemism",
    "enhanced interrogation": "euphemism",
    "ethnic cleansing": "label",
    "war criminal": "label",
    "took a swipe": "speech verb",
    "lashed out": "speech verb",
    "hit back": "speech verb",
    "hit out": "speech verb",
}

# Generic sources an outlet may cite besides named outlets and people ("experts say").
GENERIC_SOURCES = frozenset(
    "officials official sources source experts analysts diplomats witnesses residents observers "
    "media reports insiders authorities spokesman spokeswoman spokesperson ministry".split()
)

# Words that place a fact in time: an added one is a "when" detail.
TIME_WORDS = frozenset(
    "yesterday today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "week weeks month months year years morning evening night earlier later recently ago last "
    "since previously weekend decade".split()
)
# Prepositions that introduce a place when a name follows ("in Vietnam", "at the Forum"), and nouns
# that are places themselves: an added one is a "where" detail.
PLACE_CUES = frozenset("at in near outside inside during from".split())
PLACE_NOUNS = frozenset("sidelines venue forum summit capital border headquarters".split())


def loaded_category(term: str) -> str:
    """The category of a loaded term or phrase ("label", "speech verb", ...)."""
    return LOADED.get(term) or LOADED_PHRASES.get(term) or ""


def loaded_terms(words: list[tuple[str, str, bool]]) -> set[str]:
    """The loaded terms among ``words`` given as (raw, plain lower-case, first of its sentence): a
    capitalised word inside a sentence is a name, not a term."""
    found = {plain for raw, plain, first in words if plain in LOADED and not (raw[:1].isupper() and not first)}
    joined = " " + " ".join(plain for _, plain, _ in words) + " "
    found |= {p for p in LOADED_PHRASES if f" {p} " in joined}
    return found
