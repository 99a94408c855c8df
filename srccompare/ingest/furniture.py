"""Stock page furniture in several languages: the words of menus, share bars, ads and legal lines.

Three kinds of match, from loose to strict, because a word like "Share" is furniture as a whole
line and ordinary prose inside a sentence:
- a whole line that is one of the short interface words (after trimming counts and arrows);
- a line that starts with a furniture lead-in ("Copyright", "Subscribe to", "Read more");
- a line that contains an unmistakable legal or share phrase anywhere ("All rights reserved").

The lists live in srccompare/data/furniture.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..data import word_groups
from .rules import fires

# Whole-line interface words. Matched case-insensitively after trimming punctuation and counts.
WHOLE_LINE = tuple(w for words in word_groups("furniture", "whole_line").values() for w in words)

# Lead-ins: a line that starts with one of these is furniture, whatever follows.
# Legal lead-ins mark a line of any length.
_LISTS = word_groups("furniture", "lists")
LEGAL_LEADS = _LISTS["legal_leads"]
LEAD_GROUPS = word_groups("furniture", "lead_ins")
LEAD_INS = tuple(phrase for phrases in LEAD_GROUPS.values() for phrase in phrases)
# Lead-ins that are ordinary words too ("Tags were fitted to the birds"): only on short lines.
SHORT_LEADS = _LISTS["short_leads"]

# Phrases so typical of page furniture that they mark the whole line wherever they sit.
ANYWHERE_GROUPS = word_groups("furniture", "anywhere")
ANYWHERE = tuple(phrase for phrases in ANYWHERE_GROUPS.values() for phrase in phrases)
# The rule each phrase belongs to, by its folded form as the patterns match it.
_ANYWHERE_GROUP = {phrase.casefold(): group for group, phrases in ANYWHERE_GROUPS.items() for phrase in phrases}
_LEAD_GROUP = {phrase.casefold(): group for group, phrases in LEAD_GROUPS.items() for phrase in phrases}
# Phrases that a sentence of the article may also use ("changed its privacy policy"): only on short lines.
SHORT_ANYWHERE = _LISTS["short_anywhere"]
# Lines of these many words at most are checked against LEAD_INS, SHORT_LEADS and SHORT_ANYWHERE.
LEAD_WORDS = 25
# ANYWHERE phrases are looked for in lines up to this long (a cookie notice can be a paragraph).
_ANYWHERE_CHARS = 1000
SHORT_WORDS = 12

# Words of a comment section or of lists that follow an article: once one of these is a line of
# its own after the body, what comes next belongs to the page, not the article.
# Headings that open the readers' comments, in English; both lists below start with them.
_COMMENT_OPENERS = _LISTS["comment_openers"]

SECTION_ENDS = (*_COMMENT_OPENERS, *_LISTS["section_ends"])

# Interface lines that sit between an article's paragraphs (ad slots, "story continues below"):
# dropped, but they must not cut the article in two.
INLINE = frozenset(_LISTS["inline"])


def is_inline(key: str) -> bool:
    """An ad slot or a "continues below" line: furniture found between paragraphs of the article."""
    return key in INLINE and fires("inline")


# Headings that open the readers' comments. Comments are never the article, even when they are
# longer than it, so the article is looked for before the first of these.
COMMENT_HEADS = frozenset((*_COMMENT_OPENERS, *_LISTS["comment_heads"]))
_COMMENT_LEAD = re.compile(
    r"^(?:leave a (?:comment|reply)|post a comment|add a comment|lascia un commento|laissez un commentaire|"
    r"laisser un commentaire|deja un comentario|deja una respuesta|deixe (?:um|seu) comentário|"
    r"deixe uma resposta|hinterlasse einen kommentar|schreibe einen kommentar|kommentar schreiben|"
    r"laat een reactie achter)\b"
)
_COMMENT_COUNT = re.compile(
    r"^\W*\d+\s+(?:comments?|commentaires?|kommentare|comentarios|commenti|comentários|댓글)\W*$", re.I
)


# What surrounds a short interface word: bullets, arrows, counts "(12)", colons.
_LEAD_TRIM = " \t-–—•·*|»«›‹>#[](){}:"
_TAIL_TRIM = " \t-–—•·*|»«›‹>[](){}:.!…0123456789"


def line_key(line: str) -> str:
    """The line folded and stripped of bullets, arrows and counts, as furniture words are looked up."""
    return line.strip().lstrip(_LEAD_TRIM).rstrip(_TAIL_TRIM).casefold()


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted({p.casefold() for p in phrases}, key=len, reverse=True)))


@lru_cache(maxsize=16)
def _tables(
    extra: tuple[str, ...],
) -> tuple[
    frozenset[str], re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    whole = frozenset(w.casefold() for w in (*WHOLE_LINE, *extra))
    ends = frozenset(w.casefold() for w in SECTION_ENDS)
    return (
        whole,
        _alternation(LEGAL_LEADS),
        _alternation((*ANYWHERE, *extra)),
        ends,
        _alternation(LEAD_INS),
        _alternation(SHORT_LEADS),
        _alternation(SHORT_ANYWHERE),
    )


def furniture_phrase(line: str, extra: Iterable[str] = (), key: str | None = None) -> str | None:
    """The stock phrase that makes ``line`` furniture, or None."""
    whole, legal_re, any_re, _, lead_re, short_lead_re, short_any_re = _tables(tuple(extra))
    folded = line.strip().casefold()
    if key is None:
        key = line_key(folded)
    if key in whole and fires("whole", _whole_rule(key)):
        return key
    start = folded.lstrip("-–—•·*|»>[( ")
    m = legal_re.match(start)
    if m and not _narrates(line, start, m.end()) and fires("legal", m.group(0).strip()):
        return m.group(0).strip()
    if len(folded) >= _ANYWHERE_CHARS:
        return None
    m = any_re.search(folded)
    if m and fires("anywhere", _ANYWHERE_GROUP.get(m.group(0), m.group(0))):
        return m.group(0)
    words = folded.count(" ") + 1
    if words <= LEAD_WORDS:
        m, rule = lead_re.match(start), "lead"
        if m is None:
            m, rule = _ALSO_ON.match(start), "also_on"
        if m is None and words <= SHORT_WORDS:
            m, rule = short_lead_re.match(start), "short_lead"
        if m and not _narrates(line, start, m.end()):
            phrase = m.group(0).strip()
            # "Also on <site>" points to another article as "See also:" does.
            group = "see_also" if rule == "also_on" else _LEAD_GROUP.get(m.group(0), phrase)
            if fires("short_lead" if rule == "short_lead" else "lead", group):
                return phrase
        if words <= SHORT_WORDS:
            m = short_any_re.search(folded)
            if m and fires("short_anywhere", m.group(0).strip()):
                return m.group(0).strip()
    return None


_ALSO_ON = re.compile(r"also on [\w-]+\.[a-z]{2,}")
# Furniture speaks to the reader ("Subscribe to our newsletter", "By clicking you agree"); a sentence
# of the article may open with the same words and narrate ("Copyright disputes have flared",
# "Advertisement spending fell sharply, the ministry said").
_READER = re.compile(r"\b(?:you|your|yours|our|ours|us|we)\b|\bhere\b")
_SENTENCE_TAIL = re.compile(r"[.!?][\"'”’)\]]*$")
NARRATION_WORDS = 12
# Lead-ins that tell the reader to do something are furniture however the line goes on
# ("Clique na foto e veja as colunas..."): only the others can open a sentence of the article.
_IMPERATIVE = frozenset(_LISTS["imperative"])


def _narrates(line: str, folded_start: str, lead_end: int) -> bool:
    """Whether a line that opens with a furniture lead-in goes on as a sentence of the article: a
    long sentence that continues the lead-in in lower case and never addresses the reader."""
    if folded_start.count(" ") + 1 < NARRATION_WORDS or _READER.search(folded_start):
        return False
    if folded_start.split(None, 1)[0] in _IMPERATIVE:
        return False
    text = line.strip()
    if not _SENTENCE_TAIL.search(text):
        return False
    # Case is read from the line as given, at the folded line's offsets; where casefold changed the
    # length (ß -> ss) those offsets do not hold, and the line stays furniture.
    original = text.lstrip("-–—•·*|»>[( ")
    if len(original) != len(folded_start):
        return False
    rest = original[lead_end:].lstrip()
    return bool(rest) and rest[0].islower()


def is_section_end(line: str, key: str | None = None) -> bool:
    """A heading that opens the comments or a list of other articles."""
    key = line_key(line) if key is None else key
    return key in _tables(())[3] and fires("section", key)


def is_comment_head(line: str, key: str | None = None) -> bool:
    """A heading that opens the readers' comments ("Comments", "[ 167 comments ]")."""
    key = line_key(line) if key is None else key
    if key in COMMENT_HEADS:
        return fires("comments", key)
    if _COMMENT_LEAD.match(key):
        return fires("comments:lead")
    return bool(_COMMENT_COUNT.match(line)) and fires("comments:count")


def stock_word(key: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether a folded line key is one of the whole-line interface words."""
    return key in _tables(extra)[0] and fires("whole", _whole_rule(key))


def _whole_rule(key: str) -> str:
    """The rule a whole-line word belongs to: each word its own, but the ad labels are one ("Advert",
    "Anzeige", "Publicidad": the slot an ad fills between paragraphs)."""
    return "ad slot" if key in INLINE else key
