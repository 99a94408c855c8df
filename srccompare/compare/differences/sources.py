"""Sources: whom the outlet credits for the fact ("according to TASS", "Yonhap reported", "officials
said"): two outlets crediting different sources for one fact is a source_cited difference."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ... import data
from ...model import Difference
from ...nlp.memo import per_sentence
from ...nlp.tokens import STOP_WORDS, normalise
from .. import lexicon
from . import register
from .reading import (
    CLAIM_SHARED,
    Side,
    context_keys,
    per_side,
    phrase_parts,
    phrase_starts,
    set_difference,
    without_loose_silences,
)

# Generic sources and the bodies named by their kind alone ("the navy said"): a source told without a name.
_GENERICS = lexicon.GENERIC_SOURCES | lexicon.GENERIC_BODIES
_GENERIC = "|".join(sorted(_GENERICS, key=len, reverse=True))
# A generic source with up to three lower-case modifiers: "state media", "the interior ministry",
# "local officials", "government figures".
_GENERIC_PHRASE = rf"(?:[A-Za-z][a-z'’-]*\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}?(?i:{_GENERIC})\b"
# A generic source that is also an adjective ("official") heads no source after "according to" when a lower-case word
# other than a preposition follows: "according to her official biography" cites nothing this way (as "according to court
# records" does not), "according to official figures" cites "figures", "according to an official with the ministry"
# the official.
_ADJECTIVE_HEAD = "|".join(rf"(?<={w})" for w in sorted(lexicon.GENERIC_ADJECTIVES))
_NOT_AN_ADJECTIVE = rf"(?!(?:{_ADJECTIVE_HEAD})\s+(?!(?:with|for|at|from|in|of|on)\b)[a-z])"
# A named body: an acronym (WHO, UNICEF) or "the" and capitalised words (the World Health Organization).
# A word placing a fact in time ("Monday", "yesterday"); "on" joins a name, "the Committee on Foreign Relations", not a
# day: "the Interior Ministry on Monday".
_TIME = "(?i:" + "|".join(sorted(lexicon.TIME_WORDS, key=len, reverse=True)) + ")"
_NOT_A_TIME = rf"(?!{_TIME}\b)"
_BODY = (
    r"(?:[A-Z][A-Z&]{1,9}\b(?:\s+[A-Z][\w'’.-]*)*|[A-Z][a-z]+['’]s(?:\s+[A-Z][\w'’.-]*){1,4}"
    rf"|[Tt]he\s+[A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|on\s+{_NOT_A_TIME})?[A-Z][\w'’.-]*){{0,5}})"
)
# The head nouns of a body ("centre", "police", "ministry"): a name, then up to two lower-case words and one of
# these, is the body's whole name ("according to Iran's seismologic center", "according to Troy police"); so is a
# title of someone in it, written out ("according to the Central Mat-Su fire chief", not "the Central Mat-Su").
_TITLE_WORDS = data.words("quotes", "titles")
_ORGANISATION_HEADS = data.words("names", "organisation_heads")
_HEADS = "|".join(
    sorted(
        (_ORGANISATION_HEADS | _GENERICS | {t for t in _TITLE_WORDS if len(t) > 3}) - lexicon.SOURCE_FIGURES,
        key=len,
        reverse=True,
    )
)
# The words between a name and its head are its modifiers ("Troy police", "Central Mat-Su fire chief"), never a
# function word: "according to Woodburn police an officer ... was killed" cites Woodburn police.
_NOT_A_STOP_WORD = "(?!(?:" + "|".join(sorted(map(re.escape, STOP_WORDS), key=len, reverse=True)) + r")\s)"
# What a source published, before its name: "according to a report in the Los Angeles Times" cites the newspaper.
_WORKS = "|".join(sorted(lexicon.SOURCE_WORKS))
_ACCORDING = re.compile(
    r"\b(?P<cue>(?i:according to|citing|quoted by|reported by)|told|in an interview with|cited by)\s+"
    rf"(?:(?:a|an|the|this|that)\s+(?:[a-z]+\s+)?(?:{_WORKS})\s+(?:in|from|by|of|on)\s+)?"
    # a name of up to seven capitalised words, joined by "of", "for", "and"... ("the Union of Concerned Scientists")
    r"(?P<src>(?:the\s+)?[A-Z][\w'’.-]*(?:\s*(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,6}\s*"
    rf"(?:(?:{_NOT_A_STOP_WORD}[a-z][\w'’-]*\s+){{0,2}}(?:{_HEADS})\b|news agency|agency|newspaper|media|daily)?"
    rf"|(?:the\s+)?{_GENERIC_PHRASE}{_NOT_AN_ADJECTIVE})"
)
_REPORTED = re.compile(
    r"(?P<src>(?:[A-Z][\w'’.-]*\s+){1,4}?(?:(?:news agency|agency|newspaper|media)\s+)?|"
    r"(?:" + _GENERIC + r")\s+)"
    r"(?P<verb>reported|reports|quoted|cited)\b"
)
# A body or a generic source as the subject of a verb that credits it: "the WHO said", "the UN
# estimated", "ministry figures showed", "police said".
_VERBS = "|".join(sorted(lexicon.SOURCE_VERBS))
# "put" credits a source when it puts a figure somewhere ("put the toll at 300"), not in a phrasal verb ("the
# Valley Dairy put up cheese", "MV Gibe put out a message", "the Bush administration put in place"); "show" is no verb
# after a channel ("TV show").
_PARTICLES = "|".join(sorted(lexicon.PARTICLES))
_PUT_PARTICLES = "|".join(sorted(lexicon.PUT_PARTICLES))
# A person named with a title after a generic source speaks for it: "Troy police Lt. Gerry Scherlinck said" credits
# Troy police, as "according to Troy police Lt. Gerry Scherlinck" does.
_TITLES = "|".join(sorted(_TITLE_WORDS, key=len, reverse=True))
_PERSON_OF = rf"(?:\s+(?i:{_TITLES})\.?){{1,2}}(?:\s+[A-Z][\w'’-]*\.?){{1,3}}"
_SUBJECT = re.compile(
    rf"(?<![\w-])(?P<src>{_BODY}|(?:[Tt]he\s+)?{_GENERIC_PHRASE}|(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*)(?:{_PERSON_OF})?\s+"
    rf"(?:(?:has|have|had)\s+)?(?P<verb>{_VERBS})\b(?!\s+(?:{_PARTICLES})\b)(?!(?<=put)\s+(?:{_PUT_PARTICLES})\b)"
)
# The same, told after the verb: "..., said police.", '"...," said the UN.', "..., said Troy police Lt. Gerry Scherlinck."
# Only after a comma or a quotation (or where a quotation was taken out of the text) and before the clause ends, so
# that "Witnesses said police fired" credits nobody.
_INVERTED_VERBS = "|".join(sorted(lexicon.INVERTED_SOURCE_VERBS))
_INVERTED = re.compile(
    rf"(?:^|[,;:]|[\"”])\s*(?P<verb>{_INVERTED_VERBS})\s+(?:"
    rf"(?P<src>{_BODY}|(?:the\s+)?{_GENERIC_PHRASE}|(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*(?={_PERSON_OF}))(?:{_PERSON_OF})?"
    # "said Chad Griffin, the president of the Human Rights Campaign."
    rf"|(?:[A-Z][\w'’.-]*\s+){{0,2}}[A-Z][\w'’-]*,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{_TITLES})\s+(?:of|for|at)\s+"
    rf"(?P<body>{_BODY}|(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*))"
    # then the clause ends, maybe after a time ("said the ministry on Monday.", "said police late Saturday.")
    rf"(?=(?:\s+(?:on\s+|late\s+|early\s+|last\s+|this\s+)?{_TIME}\b)?\s*(?:[.,;:!?\"”)]|$)|\s+in\s+a\s+statement\b)"
)
# A body's spokesperson or official as the subject credits the body: "A spokesman for Waitrose said", "an official with
# the Interior Department said" (lexicon.toml ``speaks_for``; a lawyer for someone speaks for a person, no body).
_SPEAKS_FOR_WORDS = "|".join(sorted(lexicon.SPEAKS_FOR, key=len, reverse=True))
_SPEAKS_FOR = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w'’-]*\s+)?(?:{_SPEAKS_FOR_WORDS})\s+(?:for|of|from|at|with)\s+"
    rf"(?P<body>{_BODY}|(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*),?\s+(?:(?:has|have|had)\s+)?(?P<verb>{_VERBS})\b"
)
# A preposition and a determiner before a source verb that is also a noun make it one ("described on radio reports").
_BEFORE_NOUN = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.NOUN_PREPOSITIONS)) + r")\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?$"
)


def _a_noun(text: str, m: re.Match[str], src: str) -> bool:
    """Whether a _SUBJECT match's verb is a noun: "show" after a channel or after anything but figures ("the
    Broadway show"; "figures show" credits the figures), or a verb-like noun after a preposition."""
    verb = m.group("verb")
    if verb not in lexicon.NOUN_VERBS or m.groupdict().get("src") is None:
        return False
    last = src.split()[-1].lower()
    if verb in ("show", "shows") and (last in lexicon.CHANNELS or last not in _GENERICS):
        return True
    # the preposition may stand before the match or inside it, before the source's last word
    last_start = m.start("src") + m.group("src").rstrip().rfind(" ") + 1
    return bool(_BEFORE_NOUN.search(text, 0, m.start("src")) or _BEFORE_NOUN.search(text, 0, last_start))


# Whose figures: "according to figures from Nielsen Media Research", "data by the U.S. Geological Survey".
_FIGURES_OF = re.compile(
    r"\s+(?:from|by|of|released by|published by)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’.&-]*){0,5})"
)


# A verb that credits a source, as _SUBJECT needs it (after a space, ending a word) and _INVERTED (also opening the
# text, once a quotation before it is taken out): a text without one cannot match _SUBJECT, whose many openings are
# the costly part of reading a text's sources.
_SOURCE_VERB = re.compile(rf"(?:(?<=\s)|^)(?:{_VERBS})\b")
# The capitalised words right before a match, when the match starts inside a name.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+)+$")
# Words that start a capitalised phrase without naming anyone.
_NOT_BODY = data.words("lexicon", "not_body")


@per_sentence
def sources(text: str) -> frozenset[str]:
    """The sources a text cites: named outlets and agencies, people after "according to", bodies
    that say or estimate ("the WHO said"), generic "officials", "state media" or "ministry figures".
    Outlets are folded to the registry's name (Yonhap News Agency -> Yonhap). Cached: the number,
    source and detail kinds all read a side's sources."""
    from ...nlp.sentences import sentence_spans

    # A side's text joins its sentences: each is read on its own, so that a run of capitals cannot
    # cross from one into the next ("... Economic Forum. Putin said" is no source).
    return frozenset().union(*(_sentence_sources(text[a:b]) for a, b in sentence_spans(text)))


@per_sentence
def _sentence_sources(text: str) -> frozenset[str]:
    from ...outlets import canonical, find_outlets

    out: set[str] = set()
    patterns = (
        (_ACCORDING, _REPORTED, _SUBJECT, _INVERTED, _SPEAKS_FOR)
        if _SOURCE_VERB.search(text)
        else (_ACCORDING, _REPORTED)
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            # _INVERTED names the body after a person, _SPEAKS_FOR after its spokesperson
            group = "src" if m.groupdict().get("src") is not None else "body"
            src = m.group(group).strip()
            if pattern is not _ACCORDING and _a_noun(text, m, src):
                continue  # "appeared on U.S. TV show Scrubs", "described on radio reports", "the Broadway show"
            start = m.start(group)
            if src[:1].isupper():
                # A match that starts inside a name takes the whole name: "Iran's Red Crescent relief agency",
                # not "Crescent relief agency".
                head = _NAME_BEFORE.search(text, 0, m.start(group))
                name = head.group().split() if head is not None else []
                while name and (name[0].lower() in STOP_WORDS or name[0].lower() in _NOT_BODY):
                    name.pop(0)  # 'A', 'But' open the clause, not the name
                if name:
                    src = " ".join(name) + " " + src
                    start = head.start() if head is not None else start
            if src.endswith(("'s", "’s")):
                src = src[:-2]  # "according to the NYPD's statement": the NYPD
            if src.lower().split()[-1] in lexicon.SOURCE_FIGURES:
                owner = _FIGURES_OF.match(text, m.end(group))
                if owner is not None:
                    src, start = owner.group("name"), owner.start("name")  # "figures from Nielsen Media Research"
            whole = src
            outlets = find_outlets(src)
            if outlets:
                out.update(outlets)
                continue
            if m.groupdict().get("cue") in ("told", "in an interview with"):
                # "told Schieffer", "told the conference": whom they spoke to, not a source cited;
                # only a news outlet ("told Yonhap", "told Fox News") is one.
                continue
            # Leading function words belong to the clause, not the source: "but a state official
            # said" and "that a state official said" cite the same "state official". An acronym
            # (US, UN) is kept.
            words = src.strip(" ,.").split()
            # ... but a capital "The" inside the sentence, before one capitalised word, is part of a title: "according
            # to The Hill" cites The Hill (not a hill); "The Pentagon said" opening a sentence cites the Pentagon.
            titled = len(words) == 2 and words[0] == "The" and words[1][:1].isupper() and bool(text[:start].strip())
            while words and words[0].lower() in STOP_WORDS and not _acronym(words[0]) and not titled:
                words.pop(0)
            if words and words[-1].lower() in _GENERICS:
                # A generic source's modifiers follow the clause's last function word: "shot eleven times
                # after police said" cites "police".
                cut = [k for k, w in enumerate(words[:-1]) if w.lower() in STOP_WORDS and not _acronym(w)]
                if cut and all(w.islower() for w in words[cut[-1] + 1 :]):
                    k = cut[-1]
                    if words[k].lower() in ("and", "or") and k and words[k - 1].lower() in _GENERICS:
                        # two sources: "officials and state media", "police sources and witnesses"
                        first = max((j + 1 for j in cut[:-1]), default=0)
                        out.add(" ".join(words[first:k]).lower())
                    words = words[k + 1 :]
            src = " ".join(words)
            if not words or (words[0].lower() in _NOT_BODY and not titled):
                continue
            generic = words[-1].lower() in _GENERICS and not _is_body(whole)
            # Capitals only before the lower-case words: a generic source of a named body or place ("White
            # House official", "Microsoft spokesperson"), kept as written.
            named = [w[:1].isupper() for w in words]
            lead = next((k for k, capital in enumerate(named) if not capital), len(named))
            # ... not a capital that only opens the sentence ("Local officials said")
            opens = not text[: text.find(words[0], start)].strip()
            of_a_name = 0 < lead < len(named) and not any(named[lead:]) and (lead > 1 or not opens)
            generic = generic and (of_a_name or not any(named[1:]))
            if generic or src.lower() in _GENERICS:
                out.add(src if of_a_name else src.lower())
            elif pattern is _SPEAKS_FOR and not _a_body_spoken_for(whole):
                continue  # "A spokesman for Governor Sarah Palin said": a person's spokesman, no body cited
            elif src[:1].isupper() and (
                pattern not in (_SUBJECT, _INVERTED) or _is_body(whole) or words[-1].lower() in _GENERICS
            ):
                # a body by name ("Troy Police Chief Charles Craft said": Troy Police), not a person's
                out.add(canonical(src) or src)
    return frozenset(out)


def _acronym(word: str) -> bool:
    """An acronym (US, UN), which a leading function word's spelling may equal: not a capital "A" or "I" opening a
    clause ("A police spokeswoman said" cites police spokeswoman)."""
    return len(word) > 1 and word.isupper()


def _key(source: str) -> str:
    """What sources compare by: their normalised words (UN / United Nations / U.N. are one), less a leading
    "the" ("The Hill" cited mid-sentence, "the Hill" elsewhere)."""
    key = normalise(source)
    return key[4:] if key.startswith("the ") else key


def side_sources(side: Side) -> frozenset[str]:
    """The sources a side's own words cite, each of its sentences read on its own."""
    return frozenset().union(*(sources(part) for part in side.own_parts))


def _is_body(src: str) -> bool:
    """An organisation rather than a person: an acronym, a capitalised name after "the", or a
    country's body ("Russia's Defence Ministry")."""
    words = src.split()
    first = words[0]
    if first.lower() == "the":
        return len(words) > 1 and words[1][:1].isupper()
    return (first.isupper() and len(first) >= 2) or (first.endswith(("'s", "’s")) and len(words) > 1)


def _a_body_spoken_for(name: str) -> bool:
    """Whether the name after "a spokesman for" is a body: by its form (``_is_body``), its head noun ("Central Mat-Su
    Fire Department"), or one capitalised word that is no title ("Waitrose", "Tallgrass"); not a titled person
    ("Governor Sarah Palin") nor a person's full name ("Sarah Palin")."""
    words = name.split()
    if _is_body(name) or words[-1].lower().rstrip(".") in _ORGANISATION_HEADS:
        return True
    return len(words) == 1 and words[0].lower().rstrip(".") not in _TITLE_WORDS


@register("source_cited")
def _source(sides: list[Side]) -> Difference | None:
    # Sources compare by their normalised words (UN / United Nations / U.N. are one); each side shows
    # its own spelling. A side told in a clause of a longer sentence that credits nobody is left out: the sentence
    # may credit the fact outside the clause ("..., the sheriff's department said").
    sides, credited = without_loose_silences(sides, [side_sources(s) for s in sides])
    shown: dict[str, dict[str, str]] = {}
    sets = {}
    spell = _spelled_out_acronyms([side.text for side in sides])
    for side, found in zip(sides, credited):
        keys: dict[str, str] = {}
        for src in sorted(found):
            keys.setdefault(_key(spell(src)), src)
        shown[side.article] = keys
        sets[side.article] = frozenset(keys)
    fold = _less_precise(frozenset().union(*sets.values()))
    if fold:
        # one source however precisely each side names it; each side shows its own words, its most precise if two
        # fold together ("state television", not "television")
        for article, keys in shown.items():
            folded: dict[str, str] = {}
            for k, v in sorted(keys.items(), key=lambda kv: (kv[0] != fold.get(kv[0], kv[0]), -len(kv[0]))):
                folded.setdefault(fold.get(k, k), v)
            shown[article] = folded
            sets[article] = frozenset(folded)
    if len(set(sets.values())) < 2:
        return None
    sets = _telling(sides, sets, shown)
    diff = set_difference("source_cited", sets)
    if diff is None:
        return None
    # One spelling however each side opens its sentence: a title ("The Hill reported" / "according to The Hill"), and
    # a name's capital, which a sentence's first word cannot show ("Troy police Lt. ... said" is read as a plain
    # "troy police" there, since "Local officials said" is no name); a name spelled out rather than its acronym.
    titles: dict[str, str] = {}
    for keys in shown.values():
        for k, v in keys.items():
            if v != v.lower() and len(v) > len(titles.get(k, "")):
                titles[k] = v
    titles |= {k: v for keys in shown.values() for k, v in keys.items() if v.startswith("The ")}
    used = {a: tuple(titles.get(k, shown[a][k]) for k in keys) for a, keys in diff.used.items()}
    return dataclasses.replace(diff, used=used, words={a: used[a] for a in diff.words})


def _spelled_out_acronyms(texts: list[str]) -> Callable[[str], str]:
    """How to read a source's acronyms as the names the group's sentences spell them out as (``units.acronym_names``):
    "THR" / "The Hollywood Reporter", "OSP Lt. Gregg Hastings" / "Oregon State Police" are one source each, as a reader
    takes them."""
    from ..units import acronym_names

    # an acronym spelled out two ways stays as written: which one a source meant is unknown
    names = {a: next(iter(ns)) for a, ns in acronym_names(texts, parts=True).items() if len(ns) == 1}
    if not names:
        return lambda source: source
    pattern = re.compile(r"\b(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    return lambda source: pattern.sub(lambda m: names[m.group()], source)


def _less_precise(keys: frozenset[str]) -> dict[str, str]:
    """Each source key whose words are all in one longer key's, to that key: "police" and "Surrey police" are the
    "Surrey Police spokeswoman" of another outlet told less precisely, one source, not three (as bench facts counts
    sources). A key inside two others that differ ("officials" of "US officials" and "Iranian officials") stays."""
    words = {k: frozenset(k.split()) for k in keys}
    out: dict[str, str] = {}
    for k in keys:
        longer = [o for o in keys if o != k and words[k] < words[o]]
        widest = [o for o in longer if not any(words[o] < words[x] for x in longer)]
        if len(widest) == 1:
            out[k] = widest[0]
    return out


def _telling(
    sides: list[Side], sets: dict[str, frozenset[str]], shown: dict[str, dict[str, str]]
) -> dict[str, frozenset[str]]:
    """``sets`` without the sides that credit nobody and do not tell what the others credit: "none" says an
    outlet tells the fact without a source, so an outlet whose words share fewer than CLAIM_SHARED of the content
    words of every sentence crediting a source ("Police said 12 people were injured in the riots"
    beside "Clashes with the police continued for several hours") is left out. A source whose words are not found
    as written (a canonical name) keeps every side."""
    around: list[frozenset[str]] = []
    for side in sides:
        if sets[side.article]:
            contexts = _source_sentences(side, shown[side.article])
            if any(c is None for c in contexts):
                return sets
            around.extend(c for c in contexts if c is not None)
    said = dict(zip((s.article for s in sides), per_side(sides, lambda s: context_keys(s.words, figures=True))))
    return {a: found for a, found in sets.items() if found or any(_tells(said[a], c) for c in around)}


def _tells(words: frozenset[str], credited: frozenset[str]) -> bool:
    """Whether an outlet's words tell a credited sentence's fact: CLAIM_SHARED of its words, or half of a short
    telling's ("She checked in today." beside "... the actress checked into a Southern California rehab facility")."""
    shared = len(words & credited)
    return shared >= CLAIM_SHARED or (shared > 0 and 2 * shared >= len(words))


def _source_sentences(side: Side, keys: dict[str, str]) -> list[frozenset[str] | None]:
    """For each source (normalised key -> as written) the content words of the member sentences that credit it, or
    None where its words are not found as written."""
    words = side.words
    member = side.members if len(side.members) == len(words) else (0,) * len(words)
    out: list[frozenset[str] | None] = []
    for src in keys.values():
        starts = phrase_starts(words, src)
        sentences = {member[i] for i in starts}
        # The source's own words tell who said it, not what: "which is now The Canadian Press" does not tell what
        # "Pigeon told The Canadian Press".
        length = len(phrase_parts(src))
        own = {i + j for i in starts for j in range(length)}
        told = [w for k, (w, m) in enumerate(zip(words, member)) if m in sentences and k not in own]
        out.append(context_keys(told, figures=True) if starts else None)
    return out
