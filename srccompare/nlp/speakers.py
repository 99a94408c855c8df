"""Speakers: who a quotation's own sentence says is speaking, read from the words around it.

The sentence-level half of quotation attribution (``nlp.quotes`` builds on it, and resolves across
paragraphs what a sentence leaves open: pronouns, remarks that run on, lead-ins):

- ``speaker_in_sentence(text, start, end, closed, bounds)``: the speaker stated in the quotation's sentence ('"...,"
  X said', 'said X', 'X told reporters: "...', 'X called the plan "..."', 'X condemned it, saying "...'),
  or None; a pronoun is left for the article-level reading.
- ``speaker_phrase(words, forward)``: a run of words trimmed to the speaker's name or noun phrase, titles dropped,
  a body's name kept whole ("Red Crescent Societies" is never the tail of a person's name).
- ``plausible_speaker``, ``is_named``: a phrase that can be a speaker at all; one that names someone.
- ``speaker_before``, ``speaker_after``, ``subject_before``, ``person_name``, ``full_name``, ``blank_quotes`` and the
  patterns and word sets in capitals: the pieces ``nlp.quotes`` reuses for the paragraph-level reading.

Names without a leading underscore are that surface; the rest is this module's own. The word lists are
``srccompare/data/quotes.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import data as _data
from .tokens import STOP_WORDS

QUOTE_DATA = _data.load("quotes")
SPEECH_VERBS = "|".join(QUOTE_DATA["speech_verbs"].split())
PARTICIPLES = "|".join(QUOTE_DATA["participles"].split())
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
PRONOUNS = _data.words("quotes", "pronouns")
_DETERMINERS = _data.words("quotes", "determiners")
_TITLES = _data.words("quotes", "titles")
# Words that date a role in an appositive ('Mr. Romney, then governor, complained'): the name is before it.
_ROLE_TIMES = _data.words("quotes", "role_times")
NAME_SUFFIXES = _data.words("quotes", "name_suffixes")

# Words that end a speaker phrase after "said": 'said the Russian leader yesterday on the...'.
_PHRASE_END = _data.words("quotes", "phrase_end")
_SPEAKER_WORD = re.compile(r"[^\W_][\w’'.-]*")
_AGE_WORD = re.compile(r"\d{1,3}-years?-old")


def plausible_speaker(speaker: str) -> bool:
    """Whether a speaker read off the text can be one: not a name run across a sentence end ('Ames Straw
    Poll. She'), nor one lower-case word that names nobody ('though', 'immediately', 'year'). No speaker
    is better than a wrong one."""
    if _RUN_ACROSS_SENTENCES.search(speaker):
        return False
    words = speaker.split()
    if len(words) > 1 and any(w.lower() in PRONOUNS for w in words):
        return False  # 'what he' (... marveled at what he said on MSNBC was ...): a clause, not a name
    if _ABBREVIATION_ONLY.fullmatch(speaker):
        return False  # 'Tex.' of 'who lives near Austin, Tex., posted': an abbreviation alone names nobody
    if " " in speaker or not speaker.islower():
        return True
    return not (speaker in STOP_WORDS or speaker.endswith("ly") or speaker in _NOT_SPEAKERS)


# One capitalised abbreviation ("Tex.", "Calif.", "Gov."), nothing else.
_ABBREVIATION_ONLY = re.compile(r"[A-Z][a-z]{1,4}\.")
# A capitalised run that crossed a sentence end into the next sentence's pronoun: 'KTVI. He'.
_RUN_ACROSS_SENTENCES = re.compile(r"\w{2}\.\s+(?:He|She|They|It|We|I)$")
_NOT_SPEAKERS = _data.words("quotes", "not_speakers")
CALENDAR = _data.words("quotes", "calendar")


def blank_quotes(text: str) -> str:
    """``text`` with its double-quoted passages blanked (same length): names inside a quotation are
    the speaker's words, not who speaks."""
    return _DOUBLE_QUOTED.sub(lambda m: " " * len(m.group()), text)


_DOUBLE_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def person_name(words: list[str], before_text: str, earlier: str) -> str | None:
    """The person a capitalised run names, or None for a date, a title, a body, a place or a thing."""
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)  # "When Reid ...": the capital opens the sentence
    titled = [k for k, w in enumerate(words) if w.lower().rstrip(".") in _TITLES]
    if titled:
        words = words[titled[-1] + 1 :]  # "Public Advocate Bill de Blasio": the name after the title
    if not words or any(w.lower() in CALENDAR for w in words) or _is_body(words) or words[-1].lower() in _PLACE_HEADS:
        return None  # "Banstead High Street" is no person
    before = before_text.split()[-1:]
    if before and before[0].lower() in ("the", "of", "in", "at", "from", "to"):
        return None  # "the White House", "in New York": a place or a thing
    if len(words) == 1:
        return full_name(words[0], earlier)
    return " ".join(words)


def full_name(surname: str, earlier: str) -> str | None:
    """The full name the article gave a surname earlier ("Reid" -> "Tara Reid"), if any."""
    if surname.lower() in CALENDAR or surname.lower() in _TITLES or surname.lower() in _PLACE_HEADS:
        return None
    full = _given_and(surname, earlier)
    if full is None:
        return None
    words = full.split()
    if words[0].lower() in STOP_WORDS or _is_body(words) or words[0].lower() in _TITLES:
        return None
    return full


# A capitalised word, an initial allowed, then the space before a surname ("Tara ", "Louise M. "), to
# the end of the text searched; and what may follow the surname: the end of a word, then no other
# capitalised word ("Promises Treatment Center" gives no "Treatment").
_GIVEN = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?\s+\Z")
_SURNAME_END = re.compile(r"\b(?!\s+[A-Z])")

# The characters _GIVEN can match: a match ending at a point starts inside the run of them before it.
_GIVEN_CHARS = re.compile(r"[A-Za-z’'.\s-]*")


def _given_and(surname: str, text: str) -> str | None:
    """The first "Given Surname" of ``text``: a capitalised word (an initial allowed) and the surname,
    as one regex would find it with the surname written into it (tests/test_quotes.py compares the
    two), without compiling a pattern for each surname: a run compiled a few thousand, and the regex
    compiler was a tenth of quote attribution's time. A match at an earlier occurrence of the surname
    starts earlier, so the first occurrence with a given name before it is the one."""
    at = text.find(surname)
    backwards = ""  # the text reversed, once: the run of _GIVEN_CHARS before each occurrence is read in it
    while at >= 0:
        end = at + len(surname)
        if _SURNAME_END.match(text, end):
            backwards = backwards or text[::-1]
            before = len(text) - at  # where the text before this occurrence starts, read backwards
            run = _GIVEN_CHARS.match(backwards, before)
            given = _GIVEN.search(text, at - (run.end() - before if run else 0), at)
            if given is not None:
                return text[given.start() : end]
        at = text.find(surname, at + 1)
    return None


def speaker_in_sentence(text: str, start: int, end: int, closed: bool, bounds: list[tuple[int, int]]) -> str | None:
    """The speaker stated in the quotation's own sentence, or None (pronouns included).

    ``start``/``end`` are the raw quoted span (the marks sit at start - 1 and end); ``bounds`` are
    the text's sentence spans, so '...world." He claimed...' names no speaker for that quotation.
    """
    who = None
    if closed:
        sentence_end = next((e for s, e in bounds if s <= end < e), end)
        who = speaker_after(text[end + 1 : sentence_end])
    if who is None and start > 0:
        sentence_start = next((s for s, e in bounds if s <= start - 1 < e), 0)
        who = speaker_before(text[sentence_start : start - 1], remark=len(text[start:end].split()) >= REMARK_WORDS)
    if who is None:
        return None
    return None if who.lower() in PRONOUNS else who


# '..." the New York Daily News quoted witness Devonte Brown as saying.'
# (Not the passive: '... Ali Naghavi was quoted by IRNA as saying' names the speaker before "was", below.)
QUOTED_AS_SAYING = re.compile(
    r"[\s,]*(?:[\w.'’&-]+\s+){0,6}?quoted\s+(?!(?:by|in)\s)((?:[\w.'’-]+\s+){1,6}?)as\s+saying\b"
)

# ... and before it: 'Reuters quoted a police official as saying: "...'
_QUOTED_AS_SAYING_BEFORE = re.compile(r"\bquoted\s+(?!(?:by|in)\s)((?:[\w.'’-]+\s+){1,6}?)as\s+saying\s*[:,]?\s*$")


def speaker_after(rest: str) -> str | None:
    rest = QUOTE_MARK.split(rest, maxsplit=1)[0]
    quoted = QUOTED_AS_SAYING.match(rest)
    if quoted:
        caps = _trailing_capitals(quoted.group(1).split())
        if caps:
            return " ".join(_name_tail(caps))
    m = re.match(rf"[\s,.;:!?]*(?:({SPEECH_VERBS}|according\s+to)\b\s+)?", rest)
    if m and m.group(1):
        who = speaker_phrase(rest[m.end() :].split(), forward=True)
        # 'said a White House spokesman, Eric Schultz.': the described speaker's name follows the description
        named = _NAME_AFTER_DESCRIPTION.match(rest, m.end())
        if who and who.split()[0].lower() in _DETERMINERS and named:
            name = named.group(1).split()
            while len(name) > 2 and name[0].lower().rstrip(".") in _TITLES:
                name.pop(0)  # 'the legislator, Representative Carl Seel'
            return " ".join(name)
        return who
    shown = _SHOWN_SAYING.match(rest)
    if shown:
        return speaker_phrase(shown.group(1).split(), forward=False)  # '..." Mr. Netanyahu is shown saying.'
    verb = SPEECH_VERB.search(rest)
    if verb is None:
        return None
    who = subject_before(rest, verb.start())
    after = rest[verb.end() :].split()
    if who is not None and who[:1].islower() and verb.group() in INVERTING:
        if who.split()[0] not in _DETERMINERS | PRONOUNS and after and after[0][:1].isupper():
            # '"...," smelled gunpowder and heard co-workers yelling, said Jean Larson': the name after the verb
            return speaker_phrase(after, forward=True)
        if rest[: verb.start()].rstrip().endswith(","):
            # '"... we need to set aside" the plan, said new Interior Secretary Ken Salazar': a comma before the verb
            # ends the quotation's sentence, and the speaker follows the verb
            after_verb = speaker_phrase(after, forward=True)
            if after_verb is not None and after_verb[:1].isupper():
                return after_verb
    return who


# '..." Mr. Netanyahu is shown saying.', '..." she was heard telling him.': the speaker, then a passive of seeing; or
# of quoting: '..." Qeshm governor Mehdi Irannejad was quoted as saying.', '... officials were quoted by AP as saying'.
# The subject may carry an apposition ('Sen. Charles Schumer, a New York Democrat, was quoted ...').
_QUOTED_AS = r"quoted\s+(?:(?:by|in)\s+(?:[\w.'’-]+\s+){1,4}?)?as"
_SUBJECT = r"((?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)(?:,\s+(?:a|an|the)\s+[^,;:\"“”]{1,60},)?"
_SHOWN_SAYING = re.compile(
    rf"[\s,]*{_SUBJECT}\s+(?:is|was|are|were)\s+(?:shown|heard|seen|filmed|recorded|{_QUOTED_AS})\s+(?:{PARTICIPLES})\b"
)
# ... and before it: 'Sen. Charles Schumer, a New York Democrat, was quoted in The Hill as saying: "...'
_QUOTED_PASSIVE_BEFORE = re.compile(rf"{_SUBJECT}\s+(?:is|was|are|were)\s+{_QUOTED_AS}\s+saying\s*[:,]?\s*$")
_NAME_AFTER_DESCRIPTION = re.compile(
    r"(?:a|an|the)\s+[^,.;:!?\"“”]{1,60},\s+([A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,3})[.,]"
)


# What may stand between a speech verb and the quotation it introduces: 'told reporters on Monday:', 'asked Mr. Sellers'
# (a full stop inside the lead-in is an abbreviation's: the head is one sentence).
def _lead_in(words: int) -> re.Pattern[str]:
    return re.compile(rf"[\s:,]*(?:(?!(?:and|but|or|if|while|when|because)\b)[\w’'.-]+[\s:,]*){{0,{words}}}")


_LEAD_IN = _lead_in(7)
# ... and before a remark (REMARK_WORDS or more), a longer one: 'Page said she grew up in a family so poor "...',
# 'Markey said the rules issued Thursday showed the administration was "...'. Not before a title or a word set off
# ('The Hollywood Reporter said Friday he is the current candidate to direct "New Moon."').
_LONG_LEAD_IN = _lead_in(9)
QUOTE_MARK = re.compile(r"[\"“”«»]")


def speaker_before(head: str, remark: bool = True) -> str | None:
    """The speaker named in ``head``, the words of the sentence before a quotation; ``remark``: the quotation is long
    enough to be someone's words, not a title or a word in quotation marks (see ``_ACCORDING_OPENS``)."""
    whole = head
    head = QUOTE_MARK.split(head)[-1]
    inverted = _INVERTED.match(head)
    if inverted:
        return speaker_phrase(inverted.group(1).split(), forward=True)  # 'Added Gibbs: "...'

    quoted = _QUOTED_AS_SAYING_BEFORE.search(head)
    if quoted:  # 'Reuters quoted a police official as saying: "...'
        return speaker_phrase(quoted.group(1).split(), forward=True)
    quoted = _QUOTED_PASSIVE_BEFORE.search(head)
    if quoted:
        return speaker_phrase(quoted.group(1).split(), forward=False)
    according = _ACCORDING_BEFORE.search(head)
    if according:
        return speaker_phrase(according.group(1).split(), forward=True)  # 'According to the minister, "...'
    verbs = list(SPEECH_VERB.finditer(head))
    opening = _ACCORDING_OPENS.match(head)
    if opening and not verbs and remark:
        # 'According to Laurence Mark, producer of the telecast, the actor was chosen "because ...': the sentence is
        # what the source says, its quotation included
        return speaker_phrase(opening.group(1).split(), forward=True)
    if not verbs or not (_LONG_LEAD_IN if remark else _LEAD_IN).fullmatch(head, verbs[-1].end()):
        return _participle_speaker(whole) or _naming_speaker(head) or _reporting_speaker(whole)
    return subject_before(head, verbs[-1].start()) or _coordinated_subject(head, verbs[-1].start())


# 'According to the church's minister, "...': the source named right before the quotation is its speaker.
_ACCORDING_TO = r"according\s+to\s+([^,;:\"“”]{1,80}?)\s*"
_ACCORDING_BEFORE = re.compile(rf"\b{_ACCORDING_TO}[,:]\s*$", re.IGNORECASE)
# A quotation of fewer words is as often a title or a word set off ('the "Games" sequel "Catching Fire"', 'Roswell Flower
# "appended" a text') as a remark: a source that opens its sentence is not taken for its speaker.
REMARK_WORDS = 3
_ACCORDING_OPENS = re.compile(rf"\s*{_ACCORDING_TO},", re.IGNORECASE)
# 'DeGeneres made the announcement on Twitter and said: "...': a speech verb after "and" shares the subject of the
# verb before it, the name the clause opens with.
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later)\s+)?$")


def _coordinated_subject(head: str, verb_at: int) -> str | None:
    """The named subject of the clause a speech verb after "and" or "but" ends, or None."""
    if _COORDINATED.search(head, 0, verb_at) is None:
        return None
    clause = _CLAUSE.split(head[:verb_at])[-1]
    run = CAPITALISED_RUN.match(clause.strip())
    if run is None:
        return None
    after = clause.strip()[run.end() :].split()[:1]
    if not after or not after[0].islower():
        return None  # the name must be the subject, its verb next ('Police arrested ... and said')
    return _opening_name(run.group())


# A speech verb opening the sentence, its speaker after it: 'Added Gibbs: "...', 'Said one official, "...'.
_INVERTED = re.compile(rf"\s*(?i:{SPEECH_VERBS})\s+((?:[\w.’'-]+\s+){{0,4}}[\w.’'-]+)\s*[:,]\s*$")


# 'Human Rights Watch said in an assessment last month that Turkmenistan had made "some progress" but "remains
# ...': words quoted inside what a subject said ("said ... that ...") are that subject's.
_REPORTED_THAT = re.compile(r"(?:\s+[\w’'-]+,?){0,6}?\s+that\b")


def _reporting_speaker(head: str) -> str | None:
    verbs = list(SPEECH_VERB.finditer(head))
    if not verbs or _REPORTED_THAT.match(head, verbs[-1].end()) is None:
        return None
    if _SPEECH_PARTICIPLE.search(head, verbs[-1].end()):
        return None  # '... stated that he opposed it, with a spokesman stating: "...': someone else speaks
    return subject_before(head, verbs[-1].start())


# ... a participle whose subject is not the clause's (after a comma it is: '..., saying that ...')
_SPEECH_PARTICIPLE = re.compile(rf"(?<!,)(?<!, )\b(?:{PARTICIPLES})\b")


# 'X called the announcement "...', 'Y described the layout as "...': the quoted words are the subject's
# name for something. Not after an article or an auxiliary ('a movie called "...', 'has been described as').
# What stands between a naming verb and the quotation: what is named, then "as" and a few words of what it is called
# ('described Tennant as an active community member "...').
NAMING_TAIL = (
    r"\s+(?:(?!(?:and|but|or|to|that)\b)[\w.'’-]+\s+){0,4}(?:as\s+(?:(?!(?:and|but|or|to|that)\b)[\w'’-]+\s+){0,4})?$"
)
_NAMING = re.compile(
    rf"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bbeen )(?<!\bwas )(?<!\bis )(?<!\bwere )(?<!\bare )\b(?:{QUOTE_DATA['naming_verbs']})"
    + NAMING_TAIL
)


def _naming_speaker(head: str) -> str | None:
    """The named subject of a verb that names what the quotation then calls something ('Rep. Nick J.
    Rahall II ..., called the announcement "one more indication ..."'), or None."""
    m = _NAMING.search(head)
    if m is None:
        return None
    who = subject_before(head, m.start())
    return who if who and is_named(who) else None


# ', saying: "', ', adding that "': the quotation is said by the subject of the clause before.
# Up to a few words of reported speech may come between ('..., saying the country needs "a steady hand"').
# After "statement" a time may come first ('issued a statement Saturday evening saying it was "...'), not whose it is.
# Adverbs between a subject and its verb, and between a comma and a participle (quotes.toml).
_ADVERBS_BEFORE_VERB = _data.words("quotes", "adverbs_before_verb")
_ADVERBS_BEFORE_PARTICIPLE = "|".join(sorted(_data.words("quotes", "adverbs_before_participle")))
_PARTICIPLE = re.compile(
    rf"(?:,\s+(?:(?:{_ADVERBS_BEFORE_PARTICIPLE}|[a-z]+ly)\s+)?"
    rf"|\bstatement\s+(?:(?!by\b|from\b|of\b)[\w’'-]+\s+){{0,3}}?|\bby\s+|\b(?:and|but)\s+)(?:{PARTICIPLES})\b"
    rf"[^,;.!?\"“”]{{0,80}}[,:]?\s*$"
)
# Who issued a statement is the one it speaks for ('TallGrass, a wholesaler of natural health products, issued a
# statement ... saying'; quotes.article: a statement the next paragraph quotes).
ISSUED_A_STATEMENT = r"(?:issued|released|put\s+out)\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}statement\b"
_ISSUED_STATEMENT = re.compile(r"(?:,[^,;:\"“”]{1,80},)?\s+" + ISSUED_A_STATEMENT)


def _participle_speaker(head: str) -> str | None:
    """The speaker of 'Prime Minister Costas Karamanlis dismissed calls to quit, saying "...': the
    person the sentence opens with (its subject), outside quotation marks. 'Police arrested John
    Smith, saying ...' names no speaker: John Smith is no subject."""
    if not _PARTICIPLE.search(head):
        return None
    plain = blank_quotes(head)
    for m in CAPITALISED_RUN.finditer(plain):
        # An opening clause set off by a comma ("Trying to quell the furor, Steele issued ...") is no subject.
        if any(not _opens_subject(w) for w in plain[: m.start()].rsplit(",", 1)[-1].split()):
            # a lower-case word before it in its clause: no subject ('Police arrested John Smith, saying'); a name of a
            # later clause may be ('Asked whether he was suggesting that Mr. Obama lacked sympathy ..., Mr. Santorum did
            # not back down, saying')
            continue
        after = plain[m.end() :].split()[:2]
        if len(after) == 2 and (after[0] in _ADVERBS_BEFORE_VERB or after[0].endswith("ly")):
            after = after[1:]  # 'AARP CEO Barry Rand later issued a statement'
        after = after[:1]
        if after and not (
            after[0].endswith(("ed", ",")) or after[0].lower() in _AUXILIARIES or SPEECH_VERB.fullmatch(after[0])
        ):
            # The name must be the subject, its verb next: "Senior White House officials ..., warning"
            # is no person's remark.
            continue
        words = m.group().split()
        titled = False
        while words and (words[0].lower().rstrip(".") in _TITLES or words[0].lower() in STOP_WORDS):
            titled |= words[0].lower().rstrip(".") in _TITLES
            words.pop(0)
        name = person_name(words, plain[: m.start()], plain) if words else None
        if name is None and titled and len(words) == 1 and _NAME_WORD.fullmatch(words[0]):
            name = words[0]  # 'President Obama directed ..., stating': a title before it makes the surname a person's
        if name is None and words and _ISSUED_STATEMENT.match(plain, m.end()):
            name = " ".join(words)  # a body's statement: its name
        if name:
            return name
    return None


CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*\.?(?:\s+[A-Z][\w’'-]*\.?)*")


def _opens_subject(word: str) -> bool:
    """A word that may stand before the subject's name: a capitalised word, a title, a determiner."""
    bare = word.strip(",.;:").lower()
    return not bare or word[:1].isupper() or bare in _TITLES or bare in _DETERMINERS


_CLAUSE = re.compile(r"[,;:()\"“”—–]|\s-\s")

# 'R-Calif.', 'D-N.Y.', 'R-TX' (a name such as Strauss-Kahn is no tag); or an age ('Makaeo Williams, 18, said'); or the
# year of a date ('on April 6, 2007, said').
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*\.?(?:\s[A-Z][a-z]{1,3}\.)?|\d{1,3}|(?:1[89]|20)\d\d")
_AFTER_NAME = _data.words("quotes", "after_name")
_AUXILIARIES = _data.words("quotes", "auxiliaries")
_RELATIVES = _data.words("quotes", "relatives")
# ... or a participle clause ('Ms. Nuland, reading the latest draft, wrote'): it describes the subject too.
_PARTICIPLE_WORD = re.compile(r"[a-z]{3,}ing")
_INDEFINITE = _data.words("quotes", "indefinite")
PREPOSITIONS = _data.words("quotes", "prepositions")
_PLACE_HEADS = _data.words("quotes", "place_heads")


_FROM_PLACE = _data.words("quotes", "place_after_name")
_PLACE_JOINS = _data.words("quotes", "place_name_joins")
# Speech verbs whose speaker may follow them ('said Jean Larson'); others take their hearer there ('told CNN').
INVERTING = _data.words("quotes", "inverting_verbs")
# Endings of adverbs made from adjectives ('initially', 'reportedly', 'seriously'), never of a noun ('family').
_ADVERB_ENDINGS = tuple(_data.words("quotes", "adverb_endings"))
# A capitalised word of a name, "O'Connor" and "McDonald" whole.
NAME_PART = r"[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?"
_NAME_WORD = re.compile(rf"{NAME_PART}|[A-Z]\.")
_INITIAL = re.compile(r"[A-Z]\.")
_PLACE_AFTER_NAME = re.compile(rf"\s*(?:{'|'.join(sorted(_FROM_PLACE))})\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?\s*")
_CAPITALS = re.compile(r"\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?\s*")


def subject_before(text: str, verb_at: int) -> str | None:
    """The noun phrase just before a speech verb: 'Japan's government spokesman Yoshimasa Hayashi'."""
    segments = _CLAUSE.split(text[max(0, verb_at - 300) : verb_at])
    found: str | None = None
    found_alone = True
    # Whether a clause mark stands between the verb and the segment read: 'X, a lawyer, said'.
    comma_before_verb = False
    relative = False  # a relative clause about the subject was passed over
    # 'Bishop Daniel Jenky, of Peoria, Ill., said': where the speaker is from, then its state, is no subject
    filled = [k for k, seg in enumerate(segments) if seg.strip()]
    if len(filled) == 1 and (pair := _two_names(segments[filled[0]].split())) is not None:
        return pair  # the clause is two people's names: 'Mark and Condon said', not '..., Civil Rights and Civil Liberties'
    if (
        len(filled) >= 3
        and _PLACE_AFTER_NAME.fullmatch(segments[filled[-2]])
        and _CAPITALS.fullmatch(segments[filled[-1]])
    ):
        segments = segments[: filled[-2]] + [""]
    for segment in reversed(segments[-4:]):
        if not segment.strip() or _PARTY_TAG.fullmatch(segment.strip()):
            comma_before_verb = True
            continue  # 'Rep. Dana Rohrabacher, R-Calif., said'
        words = segment.split()
        if (
            found is None
            and words
            and (words[0].lower() in _RELATIVES or (comma_before_verb and _PARTICIPLE_WORD.fullmatch(words[0])))
        ):
            # 'X (D-W. Va.), who had been seeking to overturn the rule, called': the clause describes X
            comma_before_verb = relative = True
            continue
        while words and words[-1].lower() in _AUXILIARIES:
            words.pop()
        if found is None and words and words[0].lower() in PREPOSITIONS:
            # 'and, in a particularly careful phrasing, said': an adverbial, not the subject
            found = ""
            continue
        phrase = speaker_phrase(words[-12:], forward=False)
        if found is None:
            found = phrase
            # the name is the whole clause ('..., Angela Merkel, said'), not one a description mentions
            # ('Elizabeth Lauten, the communications director for Rep. Stephen Fincher, wrote')
            found_alone = phrase is not None and len(words) <= len(phrase.split()) + 1
            # an appositive ('Mr. Labrador, a former immigration lawyer, said'; 'James Steele, chief
            # of the Central Mat-Su Fire Department, told'): the name is before it. Without the
            # comma ('... in Malibu, her publicist confirmed') the description is the subject.
            if comma_before_verb and words and (words[0].lower() in _DETERMINERS | _ROLE_TIMES or _role_of_body(words)):
                continue
        elif words and (
            words[0].lower() in _INDEFINITE
            or (words[0].lower() in _DETERMINERS and len(words) > 1 and words[1].islower())
        ):
            # a second appositive ('Matt Bennett, a spokesman for Third Way, a left-leaning research group,
            # said'; 'Evan Wolfson, the founder of Freedom to Marry, a gay rights organization, said'): what it names
            # is no speaker; the name that opens the sentence is
            continue
        elif phrase and is_named(phrase):
            return phrase
        break
    if found and comma_before_verb and verb_at <= 300 and len(segments) <= APPOSITIVE_SEGMENTS + 2:
        # a longer appositive, or one without an article ('Betsy Loyless, National Audubon Society senior
        # vice president for advocacy and policy, said'; 'William L. Kovacs, the ... vice president of
        # environment, technology and regulatory affairs, said'; 'Captain Manohar Nambiar, Chief Public
        # Relations Officer, Defence, said'): the person whose name opens the sentence
        opening = _opening_name(segments[0])
        if opening is not None and (
            not is_named(found) or (len(found.split()) == 1 and len(opening.split()) >= 2) or not found_alone
        ):
            return opening
    if found is None and relative and len(segments) <= APPOSITIVE_SEGMENTS + 2:
        return _opening_name(segments[0])  # only the relative clause and tags stood between name and verb
    return found or None


# A clause that is only a name holds at most this many capitalised words: a title of a few words, a body's name
# before it ('House Natural Resources Committee Chairman Nick J. Rahall II') and the name.
OPENING_NAME_WORDS = 10
# An appositive between a name and its speech verb has at most this many commas inside it.
APPOSITIVE_SEGMENTS = 3


def _opening_name(segment: str) -> str | None:
    """The name a clause that is only a name gives ('But William L. Kovacs'), or None."""
    words = segment.split()
    described = False  # 'The German Chancellor, Angela Merkel, ...': a title, the name comes after
    while words and words[0].lower() in STOP_WORDS:
        described |= words[0].lower() in _DETERMINERS
        words.pop(0)  # 'But', 'And'
    if not 1 <= len(words) <= OPENING_NAME_WORDS or not all(w[:1].isupper() for w in words):
        return None  # up to a title of a few words and a name: 'New York City Councilman Jumaane D. Williams'
    if described and words[-1].lower().rstrip(".,") in _TITLES:
        return None
    phrase = speaker_phrase(words, forward=False)
    return phrase if phrase and is_named(phrase) else None


@lru_cache(maxsize=1)
def _organisation_words() -> tuple[frozenset[str], frozenset[str]]:
    from .. import data

    return data.words("names", "organisation_heads"), data.words("names", "connectors")


def _is_body(caps: list[str]) -> bool:
    """A capitalised run that names an organisation ("Red Crescent Societies", "Fire Department")."""
    heads, _ = _organisation_words()
    return bool(caps) and caps[-1].strip(".,;:’'").lower().removesuffix("’s").removesuffix("'s") in heads


def names_a_body(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as the start of a body's name ("Summit" of "Summit Entertainment's"): a
    "he" or "she" does not stand for it. A name that is a body's whole name ("New Haven Register") is one too."""
    if _is_body(name.split()):
        return True
    if re.search(rf"(?<![.!?\n] )(?<!^)\b[A-Z][a-z’'.-]+ {re.escape(name)}\b", text, re.MULTILINE):
        return False  # a person too: "President Obama", "Costas Karamanlis" (never "the Obama Administration")
    return any(
        _is_body(m.group(1).split()) for m in re.finditer(rf"\b{re.escape(name)}((?:\s+[A-Z][\w&.’'-]*){{1,3}})", text)
    )


def _body_name(words: list[str], end: int) -> list[str]:
    """The whole name of a body whose capitalised run ends at ``words[end - 1]``: back over
    connectors between capitalised words ("Federation of Red Cross and Red Crescent Societies")."""
    _, connectors = _organisation_words()
    start = end
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    while start >= 2 and words[start - 1].lower() in connectors and words[start - 2][:1].isupper():
        start -= 1
        while start > 0 and words[start - 1][:1].isupper():
            start -= 1
    return words[start:end]


def _role_of_body(words: list[str]) -> bool:
    """A description of someone's role in a body: 'chief of the Fire Department', 'a spokesman for
    the ministry' (lower-case words, then of/for/at and a body)."""
    for i, w in enumerate(words[:4]):
        if w.lower() in ("of", "for", "at", "with") and i > 0 and not words[0][:1].isupper():
            return True
    return False


def _after_lowercase_title(words: list[str]) -> list[str]:
    """'senior adviser David Axelrod', 'former president Bill Clinton': a role written in lower case
    before the name (a title word among at most three lower-case words) is dropped; 'officials in
    Washington' keeps its words (no title: no name follows a role there)."""
    for k, w in enumerate(words[:4]):
        if w[:1].isupper():
            lead = [x.lower().strip(",") for x in words[:k]]
            # ... or a description before a capitalised title: 'newly-minted Speaker John Boehner'
            # ... or before a title inside a capitalised run: 'new Interior Secretary Ken Salazar'
            titled = any(x in _TITLES for x in lead) or any(
                x.lower().rstrip(".,") in _TITLES for x in words[k : k + 3] if x[:1].isupper()
            )
            if k and all(x.replace("-", "").isalpha() for x in lead) and titled:
                return words[k:]
            if k and all(x.replace("-", "").isalpha() and x not in STOP_WORDS for x in lead) and _name_ends(words[k:]):
                # 'said protester Paris Kyriakides.': a role in lower case before a name that ends the attribution
                return words[k:]
            return words
        if w.lower() in _DETERMINERS or not w.isalpha():
            return words
    return words


def _name_ends(words: list[str]) -> bool:
    """Whether the words open with a name of capitalised words that ends the phrase: at a comma or full stop, with
    the words, or before a preposition telling where or how it was said or where the speaker is from ('Paris
    Kyriakides.', 'Tim Fanning, a spokesman', 'Mark Roesler in a written statement', 'Mark Roesler of CMG')."""
    for k, w in enumerate(words[:4]):
        bare = w.rstrip(",.;:!?")
        if not _NAME_WORD.fullmatch(bare):
            return False
        if (
            bare != w
            or k == len(words) - 1
            or (k >= 1 and (words[k + 1] in PREPOSITIONS or words[k + 1] in _FROM_PLACE))
        ):
            return k >= 1  # two words at least: a first name and a surname
    return False


def _named_after_office(words: list[str]) -> str | None:
    """The person an office of a body names ('Secretary of the Interior Dirk Kempthorne', 'Director of National
    Intelligence James Clapper'): the name that ends the capitalised run after "of", or None where the words are no
    such office (a run of fewer than three words is the body alone: 'Minister of Defence')."""
    if len(words) < 4 or words[0].lower().rstrip(".,") not in _TITLES or words[1] != "of":
        return None
    run: list[str] = []
    for w in words[2 + (words[2].lower() == "the") :]:
        marked = w.rstrip(",;:!?")  # an initial keeps its full stop ("James R. Clapper")
        initial = bool(_INITIAL.fullmatch(marked))
        bare = marked if initial else marked.rstrip(".")
        if not initial and not _NAME_WORD.fullmatch(bare):
            break
        run.append(bare)
        if w != marked or (marked.endswith(".") and not initial):
            break  # a comma or a full stop ends the name
    if len(run) < 3:
        return None
    keep = 3 if _INITIAL.fullmatch(run[-2]) else 2
    return " ".join(run[-keep:])


def speaker_phrase(words: list[str], forward: bool) -> str | None:
    """Trim a run of words to the speaker's name (or noun phrase), titles dropped. A body's name
    is kept whole: "Red Crescent Societies" is never the tail of a person's name."""
    if forward:
        while words and _AGE_WORD.fullmatch(words[0].rstrip(",")):
            words = words[1:]  # 'said 61-year-old Anargyros Bizianis'
        words = _after_lowercase_title(words)
        # 'said a source with knowledge of the talks.': the phrase up to the clause's end
        end = next((k + 1 for k, w in enumerate(words) if w[-1:] in ",;:.!?"), len(words))
        described = _described_with_complement(words[:end])
        if described is not None:
            return described
        office = _named_after_office(words)
        if office is not None:
            return office
        kept: list[str] = []
        _, connectors = _organisation_words()
        for k, w in enumerate(words[:10]):
            bare = w.rstrip(",;:!?")
            # "Gov.", "Sgt.", "J.": a short title or an initial; "said the former president." ends there
            abbreviation = bare.endswith(".") and ((bare[:-1].lower() in _TITLES and len(bare) <= 5) or len(bare) == 2)
            # "said Juror No. 8, one of six ...": "No." before a figure abbreviates "number" inside the name
            abbreviation |= bare == "No." and k + 1 < len(words) and words[k + 1].rstrip(",;:.").isdigit()
            if not abbreviation:
                bare = bare.rstrip(".")
            # "said the Bank of England", "the Federation of Red Cross and Red Crescent Societies"
            joins_body = (
                bare.lower() in connectors
                and any(_is_body([x]) for x in kept)
                and k + 1 < len(words)
                and words[k + 1][:1].isupper()
            )
            if not bare or (kept and bare.lower() in _PHRASE_END and not joins_body):
                break
            if not _SPEAKER_WORD.fullmatch(bare):
                break
            if kept and kept[-1][0].isupper() and bare in _AFTER_NAME and not joins_body:
                break  # 'Representative Louise M. Slaughter of New York'
            kept.append(bare)
            if bare != w:
                break
        if len(kept) >= 3 and kept[0].lower() in _DETERMINERS:
            # 'said one leaflet distributed in the square', 'said a man wearing ski goggles and ...': a participle after
            # the noun (last, or in a phrase too long to be a name) begins what is said of the speaker
            kept = next(
                (
                    kept[:i]
                    for i in range(2, len(kept))
                    if kept[i].islower() and kept[i].endswith(("ed", "ing")) and (i == len(kept) - 1 or len(kept) > 4)
                ),
                kept,
            )
        words = kept
        if words and not words[0][:1].isupper() and words[0].lower() not in _DETERMINERS:
            # 'in "Revolutionary Road," said strike concerns are hitting': reported speech, no speaker
            return None
    else:
        described = _described_with_complement(words)
        if described is not None:
            return described
        based = [i for i, w in enumerate(words[:-1]) if w.lower().endswith("-based")]
        if based:
            words = words[based[-1] + 1 :]  # 'New York-based Human Rights Watch': where it sits is no part of it
        words = _before_participle(_before_when_or_where(words))
        # 'Gov. Jack Markell of Delaware told', 'Roger Pilon of the Cato Institute said': the person, not the place or
        # the body after "of"
        of = next(
            (
                i
                for i in range(2, len(words) - 1)
                if words[i] in _FROM_PLACE
                and all(w[:1].isupper() or w in _PLACE_JOINS or w in _JOINED_NAME for w in words[i + 1 :])
                # a person's name before it, not a body's ('the U.S. Conference of Catholic Bishops')
                and _NAME_WORD.fullmatch(words[i - 1])
                and _NAME_WORD.fullmatch(words[i - 2])
                and words[i - 2].lower() not in _DETERMINERS  # 'The Academy of Motion Pictures ...' is one name
                and words[i - 1].lower().rstrip(".,") not in _TITLES  # 'Secretary of the Interior ...': an office
                and not _is_body([words[i - 1]])
            ),
            None,
        )
        if of is not None:
            words = words[:of]
        organisation = _joined_name(words)
        if organisation is not None:
            return organisation
        role = _role_of_a_place(words)
        if role is not None:
            return role
        opens = next((k for k, w in enumerate(words) if w[:1].isupper() and w.lower() not in STOP_WORDS), 0)
        office = _named_after_office(words[opens:])
        if office is not None:
            return office  # 'Secretary of the Interior Dirk Kempthorne said
        plain = [w.rstrip(",;:") for w in words]
        body = _body_name(plain, len(plain)) if plain and plain[-1][:1].isupper() else []
        titled = [k for k, w in enumerate(body[:-1]) if w.lower().rstrip(".") in _TITLES]
        if titled and any(_is_body([w]) for w in body[: titled[-1]]):
            # 'House Natural Resources Committee Chairman Nick J. Rahall II': the person the body's title names
            return " ".join(body[titled[-1] + 1 :])
        if any(_is_body([w]) for w in body):
            return " ".join(body)
        if 3 <= len(plain) <= 5 and plain[-2].lower() in _WHERE and plain[-1][:1].isupper() and plain[-3].islower():
            # 'one woman in Qeshm told AFP': the place where the speaker is, not the speaker
            return " ".join(plain)
        if (
            len(words) > 1
            and words[-1].islower()
            and ((words[-1].endswith("ly") and words[-2][:1].isupper()) or words[-1].endswith(_ADVERB_ENDINGS))
        ):
            # 'Mr. Boehner facetiously said', 'The resolution initially called': the adverb is not the name's
            words = words[:-1]
        # keep the phrase after the last clause word: 'the statement said Seoul told' -> 'Seoul'
        for i in range(len(words) - 1, -1, -1):
            if _inside_a_name(words, i):
                continue  # 'Hotline On Call': a capitalised "On" between capitalised words is the name's
            if words[i].lower() in _PHRASE_END or SPEECH_VERB.fullmatch(words[i]):
                words = words[i + 1 :]
                break
        words = [w for w in words if _SPEAKER_WORD.fullmatch(w)]
        if len(words) > 2 and words[0].lower() not in _DETERMINERS and words[1].lower() in _DETERMINERS:
            words = words[1:]  # 'Then an unseen announcer announces:': an adverb before the noun phrase
    if not words or all(w.lower().rstrip(",.") in CALENDAR or w.rstrip(",.").isdigit() for w in words):
        return None  # 'on April 6, 2007, said': a date, nobody
    caps = _trailing_capitals(words)
    body = _body_name(words, len(words)) if caps else []
    if any(_is_body([w]) for w in body):
        return " ".join(w.rstrip(",;:") for w in body)
    if caps and (len(caps) < len(words) or len(caps) > 1 or words[0].lower() not in _DETERMINERS):
        # a capital that only opens the sentence ("When Reid ...") or a title is not the name
        while len(caps) > 1 and (caps[0].lower().rstrip(".") in _TITLES or caps[0].lower() in STOP_WORDS):
            caps.pop(0)
        return " ".join(_name_tail(caps))
    phrase = " ".join(words)
    return phrase if _described_length(words) <= 4 else None


def _two_names(words: list[str]) -> str | None:
    """'Mark and Condon', 'Producers Laurence Mark and Bill Condon': two people named as the subject, each in
    capitalised words (a title or a role before the name dropped), ending the words before the verb; None for
    anything else, a body's name with "and" in it above all ('Oversight and Government Reform Committee')."""
    if "and" not in words:
        return None
    k = len(words) - 1 - words[::-1].index("and")
    first, second = words[:k], words[k + 1 :]
    while first and first[0].lower() in STOP_WORDS:
        first = first[1:]
    sides = []
    for side in (first, second):
        side = [w.rstrip(",") for w in side]
        if not side or not all(_NAME_WORD.fullmatch(w) for w in side) or _is_body(side):
            return None
        sides.append(" ".join(_last_names(side, 2)))
    return " and ".join(sides)


_DESCRIBED_HEADS = _data.words("quotes", "described_heads")
_COMPLEMENT_OPENERS = _data.words("quotes", "complement_openers")
# A described speaker with its complement is at most this many words ("a source with knowledge of the 76ers ' thinking").
DESCRIBED_WITH_COMPLEMENT = 10


def _described_with_complement(words: list[str]) -> str | None:
    """The speaker 'a source close to the negotiations said' names: a determiner, at most one word, a noun of
    ``described_heads``, then its complement (quotes.toml ``complement_openers``) up to the verb; None when the words
    hold no such phrase."""
    for i in range(len(words) - 2):
        if words[i].lower() not in _DETERMINERS:
            continue
        for head in (i + 1, i + 2):
            if (
                head + 1 < len(words)
                and words[head].lower() in _DESCRIBED_HEADS
                and words[head + 1].lower() in _COMPLEMENT_OPENERS
                and len(words) - i <= DESCRIBED_WITH_COMPLEMENT
                and all(w.rstrip(",;:") == w for w in words[i:-1])
            ):
                return " ".join(words[i:]).rstrip(",;:.!?")
    return None


def _described_length(words: list[str]) -> int:
    """The words of a described speaker, a body's name before "'s" counted as one ('The Bible Church's head
    minister': four, as 'The church's pastor' is three)."""
    owner = next((k for k, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
    if owner is None or not all(w[:1].isupper() for w in words[1 : owner + 1]):
        return len(words)
    return len(words) - max(0, owner - 1)


# A preposition putting a described speaker somewhere ('one woman in Qeshm').
_WHERE = _data.words("quotes", "where")
_WHEN_OR_WHERE = _data.words("quotes", "when_or_where")
# Words that join the parts of a body's name without a head word ("Friends of the Earth", "Americans for Prosperity").
_JOINED_NAME = _data.words("quotes", "joined_name")
# Nouns of a role in a body that are no title ("the head of the agency", "the chief of police").
_ROLE_HEADS = _data.words("quotes", "role_heads")


def _role_of_a_place(words: list[str]) -> str | None:
    """A role of a place or a body ending ``words`` ("the mayor of Washington", "the president of Iran", "the head of
    Iran's Red Crescent"): the whole description is the speaker, as "one woman in Qeshm" is, never the place."""
    from .numbers import counts_people

    plain = [w.rstrip(",;:") for w in words]
    for k in range(len(plain) - 2, 0, -1):
        if plain[k] != "of":
            continue
        role = plain[k - 1]
        rest = plain[k + 1 :]
        if rest and rest[0] == "the":
            rest = rest[1:]
        if not (
            role.islower()
            and (role in _TITLES or counts_people(role) or role in _ROLE_HEADS)
            and rest
            and all(w[:1].isupper() for w in rest)
        ):
            return None
        start = k - 2 if k >= 2 and plain[k - 2].lower() in _DETERMINERS else k - 1
        return " ".join(plain[start:])
    return None


def _joined_name(words: list[str]) -> str | None:
    """A body's name of one capitalised word, a joining word and capitalised words that end ``words`` ("Friends of the
    Earth", "Americans for Prosperity", "Freedom to Marry"): the whole name, never its tail. None for anything else,
    and for a title's office ("Secretary of the Interior"), which names the person after it."""
    plain = [w.rstrip(",;:") for w in words]
    for k in range(1, len(plain) - 1):
        join = plain[k]
        rest = plain[k + 2 :] if join == "of" and plain[k + 1] == "the" else plain[k + 1 :]
        if join not in _JOINED_NAME or (join == "of" and plain[k + 1] != "the") or not rest:
            continue
        first = plain[k - 1]
        before = plain[k - 2] if k >= 2 else ""
        if (
            _NAME_WORD.fullmatch(first)
            and first.lower() not in _TITLES
            and not before[:1].isupper()
            and all(_NAME_WORD.fullmatch(w) for w in rest)
        ):
            return " ".join(plain[k - 1 :])
        return None
    return None


def _before_participle(words: list[str]) -> list[str]:
    """``words`` before a participle that opens a clause about the subject ('an Interior official speaking on the
    condition of anonymity', 'police investigating the fire'): used as a verb, before a preposition or a determiner,
    not as a modifier ('the company's managing director', 'the visiting professor')."""
    for i in range(len(words) - 2, 0, -1):
        w = words[i]
        if (
            _PARTICIPLE_WORD.fullmatch(w)
            and words[i - 1].lower() not in _DETERMINERS
            and words[i - 1].lower() not in STOP_WORDS  # 'the standard of opening the show': no subject before it
            and (words[i + 1].lower() in PREPOSITIONS or words[i + 1].lower() in _DETERMINERS)
        ):
            return words[:i]
    return words


def _before_when_or_where(words: list[str]) -> list[str]:
    """``words`` before a time or a place that follows a name ('LaPierre in December', 'The New Haven Register on
    July 20'): the capitalised words after the preposition are when or where the subject spoke, not the subject.
    Kept whole when a capitalised word after the preposition is a body's ('Obama in the White House' stays for the
    body check before this) or nothing is left before it."""
    for i in range(len(words) - 2, 0, -1):
        if words[i] not in _WHEN_OR_WHERE:
            continue  # lower case only: 'Hotline On Call' is one name
        after = [w.rstrip(",;:") for w in words[i + 1 :]]
        if words[i - 1][:1].isupper() and all(w[:1].isupper() or w.isdigit() for w in after):
            return words[:i]
        break
    return words


def _inside_a_name(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a capitalised word between two capitalised words ('Hotline On Call')."""
    return 0 < i < len(words) - 1 and all(w[:1].isupper() for w in words[i - 1 : i + 2])


def _trailing_capitals(words: list[str]) -> list[str]:
    """The capitalised words that end ``words`` ('witness Devonte Brown' -> Devonte, Brown)."""
    out: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        out.append(w.rstrip(","))
    return out[::-1]


def _name_tail(caps: list[str]) -> list[str]:
    """The person's name at the end of a capitalised run: 'Russian President Vladimir Putin' ->
    'Vladimir Putin' (all of it after a title: 'President Benjamin Todd Jealous'), keeping initials and
    suffixes ('Louise M. Slaughter', 'Jesse Jackson Jr.'); a run of up to three words with no title is a
    whole name ('Human Rights Watch', 'Ruth Bader Ginsburg'), never cut to its tail."""
    titled = [k for k, w in enumerate(caps) if w.lower().rstrip(".,") in _TITLES]
    if titled and 2 <= len(caps) - titled[-1] - 1 <= 4:
        return caps[titled[-1] + 1 :]  # 'NAACP President Benjamin Todd Jealous': the whole name after the title
    owner = [k for k, w in enumerate(caps[:-2]) if w.endswith(("'s", "’s"))]
    if owner:
        return caps[owner[-1] + 1 :]  # "Twitter's Adam Sharp" (but "Freedom's Lighthouse" is a name)
    if not titled and len(caps) <= 3:
        return caps  # no title to cut: "Human Rights Watch", "Ruth Bader Ginsburg" are whole names
    return _last_names(caps, 3 if caps[-1].rstrip(".,").lower() in NAME_SUFFIXES else 2)


def _last_names(words: list[str], keep: int) -> list[str]:
    """The last ``keep`` words, with the initials just before them ('Louise M. Slaughter', 'Jumaane D. Williams')."""
    while keep < len(words) and _INITIAL.fullmatch(words[-keep]):
        keep += 1
    return words[-keep:]


def is_named(speaker: str) -> bool:
    """A person's or body's name ('Vladimir Putin', 'Seoul', two people's 'Mark and Condon'), not a description ('the
    statement')."""
    words = speaker.split()
    return words[0].lower() not in PRONOUNS and all(w[0].isupper() or w == "and" for w in words) and words[-1] != "and"
