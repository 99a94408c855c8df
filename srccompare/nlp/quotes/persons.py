"""Who a "he", "she", "it" or "they" stands for: the nearest speaker before it, or the person the article names
before it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ... import data as _data
from ..speakers import (
    NAME_PART,
    NAME_SUFFIXES,
    QUOTE_DATA,
    blank_quotes,
    full_name,
    is_named,
    names_a_body,
    person_name,
    subject_before,
)
from ._shared import _FUNCTION

# A pronoun refers to someone met in the last few paragraphs; further back, a guess is worse than None.
PRONOUN_REACH = 3


def _antecedent(
    paragraphs: Sequence[str],
    history: list[tuple[int, int, str | None]],
    current: int,
    named: bool,
    pronoun: str | None = None,
) -> str | None:
    """The nearest earlier speaker: a named one (for he/she), or any quotation's (for it/they); for ``pronoun`` "he"
    or "she", a described one whose noun is a man's or a woman's ("the spokeswoman said" / "She added:")."""
    whole = "\n".join(paragraphs) if named or pronoun == "it" else ""
    for index, position, speaker in reversed(history):
        if index < current - PRONOUN_REACH:
            break
        if speaker is None:
            if not named:
                continue
            speaker = subject_before(paragraphs[index], position) or ""
            unquoted = blank_quotes(paragraphs[index])
            if speaker and is_named(speaker) and speaker not in unquoted:
                # a title in quotation marks is no subject ('for his work in "Revolutionary Road," said')
                speaker = subject_before(unquoted, position) or ""
        if pronoun == "it" and speaker and _PERSON.fullmatch(speaker) and not names_a_body(speaker, whole):
            continue  # "it" stands for a body or a thing, never for a person quoted before ("John Smith")
        # a "he" or "she" never stands for a body, nor for an acronym ("the mayor of Washington, DC"), nor for a
        # name the sentence writes after "the" ("The Angeles said last week ...": a team, not a person)
        if speaker and (
            not named
            or (
                is_named(speaker)
                and not speaker.isupper()
                and not names_a_body(speaker, whole)
                and not _after_the(paragraphs[index][:position], speaker)
            )
            or (pronoun in _GENDERED and speaker.split()[-1].lower() in _GENDERED[pronoun])
        ):
            return speaker
    return None


# Nouns of a woman or a man (quotes.toml [gendered]), by the pronoun that may stand for them.
_GENDERED = {p: frozenset(w.lower() for w in _data.load("quotes")["gendered"][p].split()) for p in ("she", "he")}


def _after_the(before: str, name: str) -> bool:
    """Whether the subject ``name`` ends ``before`` (the text up to its verb) right after "the": a body, a team or a
    place ("The Angeles said", "the Pentagon said"); not a title's holder ("the Rev. Larry Kroon said")."""
    m = re.search(rf"\b[Tt]he\s+{re.escape(name)}[\s,]*$", before)
    return m is not None and name.split()[0].rstrip(".").lower() not in _TITLES


# A person's name: two to five capitalised words (a title before it included), an initial or name particles
# allowed ("Tara Reid", "Louise M. Slaughter", "Bill de Blasio", "President Ursula von der Leyen").
_PARTICLES = "|".join(QUOTE_DATA["name_particles"].split())
# Its words may hold a capital inside too ("McCarthy", "DeFazio", "LaCalamita": speakers.NAME_PART).
_PERSON = re.compile(rf"\b{NAME_PART}(?:\s+[A-Z]\.)?(?:\s+(?:(?:{_PARTICLES})\s+){{0,2}}{NAME_PART}){{1,4}}\b")


_TITLES = _data.words("quotes", "titles")
# Words after which a capitalised run names a place or a thing, never a person ("the United States", "in New York").
_NOT_A_PERSON_AFTER = _data.words("quotes", "not_a_person_after")


def _alone(name: str, whole: str) -> bool:
    """Whether the surname of ``name`` (with its particles: "de Blasio") stands alone somewhere in ``whole``, as a
    person's is written after the first mention: after a lower-case word, a title or a mark, not inside another
    capitalised run nor after "the" ("Clapper also said", "Mr. Clapper"; not "the Patriot Act" for "Surveillance
    Act"). A thing or a place is only ever written whole ("cutting Social Security", "the United States")."""
    words = name.split()
    if len(words) < 2:
        return True
    cut = next((k for k, w in enumerate(words[1:], 1) if w.islower()), len(words) - 1)
    surname = " ".join(words[cut:])
    for m in re.finditer(rf"\b{re.escape(surname)}\b", whole):
        before = whole[: m.start()].split()[-1:]
        if not before:
            return True
        prev = before[0]
        if (
            prev.lower().rstrip(".,") in _TITLES
            or prev[-1] in ',;:("“'
            or (prev.islower() and prev not in _NOT_A_PERSON_AFTER)
        ):
            return True
    return False


def _established(name: str, before: str, whole: str) -> bool:
    """Whether a capitalised run is written as a person's name is: opening its clause or after a function word ("The
    pastor, Larry Kroon, declined"; "a statement by Barry Rand"), after a title or a noun of a person ("lawyer Mark
    Heller", quantities.toml [people]), or with its surname alone somewhere in the article (``_alone``). Never after
    a word that makes it a place or a thing (``_NOT_A_PERSON_AFTER``: "the Vietnam War", "on Social Security"), nor
    after any other word unless its surname stands alone ("cutting Social Security")."""
    from ..numbers import counts_people

    last = before.split()[-1:]
    if last and last[0].lower() in _NOT_A_PERSON_AFTER:
        return False
    if not last or not last[0].islower() or last[0] in _FUNCTION or last[0][-1] in ",;:(":
        return True
    # after a title or a noun of a person ("lawyer Mark Heller")
    role = last[0].rstrip(".,")
    return role in _TITLES or counts_people(role) or _alone(name, whole)


def _written_as_a_person(name: str, whole: str) -> bool:
    """``_established`` where ``whole`` first writes ``name`` ("Vietnam War" of "a veteran of the Vietnam War")."""
    at = whole.find(name)
    return at < 0 or _established(name, whole[:at], whole)


def _surname(name: str) -> str:
    """The last word of a name that is no suffix ("Holder" of "Eric H. Holder Jr.")."""
    words = [w for w in name.split() if w.rstrip(".,").lower() not in NAME_SUFFIXES]
    return (words or name.split())[-1]


def _person_meant(paragraphs: Sequence[str], current: int, position: int, pronoun: str | None = None) -> str | None:
    """The person a "he" or "she" with no antecedent stands for: among those named within PRONOUN_REACH paragraphs
    (``_person_before``), else, nobody named within reach ('she said later' after paragraphs about her in other
    words), the person the article has named most before it, whom the story is about. With ``pronoun``, never a
    person the article calls a man or a woman the other way (``_sex_told``)."""
    return _person_before(paragraphs, current, position, pronoun=pronoun) or _person_before(
        paragraphs, current, position, reach=current, pronoun=pronoun
    )


def _opening_subject(paragraphs: Sequence[str], current: int, position: int) -> str | None:
    """The person the sentence before ``position`` opens with as its subject ("Baca praised the work of his
    investigators ... | He called Orozco "..."", "DeMint ... said Steele needs to refocus. He called ..."): the last
    sentence before it in its paragraph, else the previous paragraph's last. None where that sentence opens with a
    quotation or with no person the article names."""
    from ..sentences import sentence_spans

    head = paragraphs[current][:position]
    spans = [(a, b) for a, b in sentence_spans(head) if head[a:b].strip()]
    # the pronoun's own sentence is the last span of the head; the one before it tells of its subject
    if len(spans) >= 2:
        sentence = head[spans[-2][0] : spans[-2][1]]
    elif current > 0:
        before = paragraphs[current - 1]
        last = [(a, b) for a, b in sentence_spans(before) if before[a:b].strip()]
        sentence = before[last[-1][0] : last[-1][1]] if last else ""
    else:
        return None
    sentence = sentence.lstrip()
    if not sentence[:1].isupper():
        return None  # a quotation, or no capital: no named subject
    earlier = "\n".join(paragraphs[: current + 1])
    m = _PERSON.match(sentence)
    if m is not None:
        # "The New York Democrat, who is known for ...": a description opened by a determiner, no name
        return None if m.group().split()[0].lower() in _FUNCTION else person_name(m.group().split(), "", earlier)
    m = _OPENING_SURNAME.match(sentence)
    return full_name(m.group(1), earlier) if m is not None else None


def _sex_told(name: str, whole: str) -> str | None:
    """ "she" or "he" where the article puts a noun of a woman or a man right before the name ("his wife
    Deborra-Lee Furness", "her husband, John Smith"), else None."""
    surname = re.escape(_surname(name))
    for pronoun, nouns in _GENDERED.items():
        if re.search(rf"\b(?:{'|'.join(sorted(nouns))}),?\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}{surname}\b", whole, re.I):
            return pronoun
    return None


def _person_before(
    paragraphs: Sequence[str], current: int, position: int, reach: int = 0, pronoun: str | None = None
) -> str | None:
    """The person a "he" or "she" at ``position`` of paragraph ``current`` stands for, among the people
    named before it (this paragraph, then up to PRONOUN_REACH paragraphs back, or ``reach``) outside quotation
    marks: "she said" after "Tara Reid ..." is Tara Reid, though Reid was not quoted before. A body
    ("the Fire Department") is no person. When several are named, the one the article has named
    most so far, the last named on a tie: "Howard Hughes also pursued Page but she rebuffed him" /
    '"I never returned any of his calls," she said' is Page's, whom the story is about."""
    earlier = "\n".join(paragraphs[: current + 1])
    whole = "\n".join(paragraphs)
    found: list[tuple[int, int, str]] = []
    for index in range(current, max(-1, current - (reach or PRONOUN_REACH) - 1), -1):
        text = paragraphs[index][:position] if index == current else paragraphs[index]
        text = blank_quotes(text)
        for m in _PERSON.finditer(text):
            name = person_name(m.group().split(), text[: m.start()], earlier)
            if name and _established(name, text[: m.start()], whole):
                found.append((index, m.start(), name))
        for m in _SURNAME.finditer(text):
            if m.group().lower() in NAME_SUFFIXES:
                continue  # "Clapper Jr." names Clapper
            name = full_name(m.group(), earlier)
            prev = text[: m.start()].split()[-1]
            if name and prev[:1].isupper() and prev.lower().rstrip(".,") not in _TITLES:
                # the last word of a capitalised run ("Social Security", "the Vietnam War"): a surname only of a
                # run the article writes as a person's name, with the surname alone somewhere ("Clapper also said")
                if not (_alone(name, whole) and _written_as_a_person(name, whole)):
                    continue
            if name:
                found.append((index, m.start(), name))
        for m in _OPENING_SURNAME.finditer(text):
            name = full_name(m.group(1), earlier)
            if name:
                found.append((index, m.start(1), name))
    if pronoun in _GENDERED:
        sexes = {name: _sex_told(name, whole) for name in {f[2] for f in found}}  # a name is found once a mention
        found = [f for f in found if sexes[f[2]] in (None, pronoun)]
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[1]), reverse=True)
    mentions = {name: len(re.findall(rf"\b{re.escape(_surname(name))}\b", earlier)) for _, _, name in found}
    best = found[0][2]
    for _, _, name in found[1:]:
        if mentions[name] > mentions[best]:
            best = name
    return best


# A capitalised word inside a sentence (after a lower-case word or a comma): a surname the article
# may have given in full before ("pursued Page but she ...").
_SURNAME = re.compile(rf"(?<=[a-z,;] ){NAME_PART}\b")
# A surname that opens a sentence, its verb after it: "Papandreou expressed shock at the deaths".
_OPENING_SURNAME = re.compile(rf"(?:^|(?<=[.!?] ))({NAME_PART})(?= [a-z])")
