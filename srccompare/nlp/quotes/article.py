"""Quotations over a whole article, with their speakers resolved across paragraphs (a pronoun, a remark that runs
over paragraphs, a lead-in in the paragraph before), and the quoted part of each sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ... import data as _data
from ...model import Sentence
from ..memo import per_sentence
from ..speakers import (
    CALENDAR,
    INVERTING,
    ISSUED_A_STATEMENT,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_DATA,
    QUOTE_MARK,
    QUOTED_AS_SAYING,
    SPEECH_VERB,
    SPEECH_VERBS,
    plausible_speaker,
    speaker_after,
    speaker_before,
    speaker_phrase,
)
from ..tokens import STOP_WORDS
from ._shared import _ATTRIBUTION_TAIL, _WORD, ATTRIBUTION_WORDS, PARAGRAPH_SEPARATOR, Quotation
from .finding import (
    _PRONOUN_ATTRIBUTION,
    _continues,
    _named_before_in_sentence,
    _pronoun_speaker,
    find_quotes,
)
from .persons import _PERSON, PRONOUN_REACH, _antecedent, _opening_subject, _person_before, _person_meant


def article_quotes(paragraphs: Sequence[str]) -> list[Quotation]:
    """Quotations of a whole article; spans index the body, pronoun speakers are resolved.

    "He" or "she" takes the nearest named person before it: the speaker of an earlier quotation
    or the subject of an earlier speech verb ("Putin also said ..."); "it" and "they" take the
    speaker of the quotation before, named or not ("the statement said ... it added").
    A quotation with no attribution that follows an attributed one in the same paragraph, with at
    most the attribution between them, continues it ('"...," Trump said. "I believe ..."'); so does
    one that opens the next paragraph when the attributed one ended its own (the quotation runs on,
    or only its attribution follows it).
    """
    out: list[Quotation] = []
    # Everything that can name a speaker, in reading order: (paragraph, position, quote speaker or
    # None for a speech verb whose subject is read only when a pronoun needs it).
    history: list[tuple[int, int, str | None]] = []
    offset = 0
    # The quotation that ends the paragraph before, with its speaker: the one a paragraph that
    # opens with an unattributed quotation goes on with.
    ending: Quotation | None = None
    # A quotation that opened in an earlier paragraph and has not closed: the paragraphs after it are its
    # words up to the closing mark (one sentence a line, as ECB+ prints articles).
    running: Quotation | None = None
    left_open: tuple[Quotation, int] | None = None
    for index, para in enumerate(paragraphs):
        quotes = find_quotes(para)
        previous: Quotation | None = None
        # a quotation left open a paragraph or two before (the paragraphs between it and this one hold none), with its
        # speaker
        open_before = left_open[0] if left_open is not None and index - left_open[1] <= _OPEN_REACH else None
        tail = _tail(paragraphs, index, running)
        if tail is not None:
            assert running is not None
            if tail.closed:
                # the closing mark read as an opening one ('the equation, "Brimmer said'): no quotation
                quotes = [q for q in quotes if not (q.start > tail.end and not para[tail.end : q.start].strip(' "'))]
            speaker = running.speaker or _closing_speaker(paragraphs, history, index - 1)
            # No history entry: the remark's speaker was met where it opened; a tail must not make them
            # nearer to a later "she said" than a person named in between.
            previous = Quotation(tail.text, tail.start, tail.end, speaker, tail.closed)
            out.append(Quotation(tail.text, offset + tail.start, offset + tail.end, speaker, tail.closed))
        verbs = [(index, start, None) for start in _verb_starts(para)]
        pending = sorted(verbs + [(index, q.start, q) for q in quotes], key=lambda e: e[1])
        for _, position, quote in pending:
            if quote is None:
                history.append((index, position, None))
                continue
            speaker = quote.speaker
            read = _pronoun_speaker(para, quote) if speaker is None else None
            pronoun, names = read if read else (None, False)
            if pronoun:
                if pronoun in ("he", "she"):
                    speaker = _named_before_in_sentence(para, quote, "\n".join(paragraphs[: index + 1]))
                if speaker is None and pronoun in ("he", "she") and names:
                    speaker = _opening_subject(paragraphs, index, quote.start)
                if speaker is None:
                    speaker = _antecedent(paragraphs, history, index, pronoun not in ("it", "they"), pronoun)
                if speaker is None and pronoun in ("he", "she"):
                    speaker = _person_meant(paragraphs, index, quote.start, pronoun)
            elif speaker is None and previous is not None and _continues(para, previous, quote):
                speaker = previous.speaker
            elif (
                speaker is None
                and previous is None
                and index
                and _opens(para, quote)
                and _leads_in(paragraphs[index - 1])
                # not the attribution of a quotation that ends the paragraph before ('"...," Valentina
                # Redzhepova, an official ..., told AFP.'): that speaker goes on, below
                and ending is None
            ):
                # 'One big difference ..., said Yeager:' then the quotation as a paragraph of its own
                speaker = _lead_in_speaker(paragraphs, history, index)
            elif (
                speaker is None
                and previous is None
                and index
                and _opens(para, quote)
                and (issuer := _statement_by(paragraphs[index - 1]))
            ):
                # 'Gordon Advisors issued a statement Tuesday expressing condolences.' then the statement
                speaker = issuer
            elif speaker is None and previous is None and ending is not None and _opens(para, quote):
                # News style: a remark that runs over several paragraphs, or a speaker's next
                # remark in the paragraph after, names the speaker only once ('"...," Fanning
                # said.' then '"Our negotiators got on the phone..."').
                speaker = ending.speaker
            elif speaker is None and previous is None and open_before is not None and _opens(para, quote):
                # ... and a remark left open at the end of the paragraph before goes on in a paragraph that opens
                # with a quotation mark ('"He was just going back and forth.' / 'After the shots, he just put the
                # lights off.' / '"It is terrifying.'): news style marks each paragraph of one remark so
                speaker = open_before.speaker
            if speaker is None and not quote.closed:
                # A remark that runs on and is attributed where it closes, paragraphs later:
                # '"It wasn't typical ...' / 'You got the feeling ... wrong," Pigeon told ...'
                speaker = _closing_speaker(paragraphs, history, index)
            if speaker is None and previous is None and index and ending is None and _opens(para, quote):
                # 'Darin Schroeder, Vice President ..., agreed with the decision.' then his words as a
                # paragraph of their own, attributed nowhere
                speaker = _named_subject(paragraphs[index - 1], "\n".join(paragraphs[: index - 1]))
                if speaker is None and (he := _pronoun_subject(paragraphs[index - 1])):
                    # 'Kroon said he was not at the church ...' / 'He would not specify how many people were in the
                    # building.' then '"They were all adults, and they all got out.': the person "he" stands for,
                    # when an earlier quotation or speech verb names them (not merely the last woman or man named)
                    speaker = _antecedent(paragraphs, history, index, True, he)
            speaker = speaker if speaker is None or plausible_speaker(speaker) else None
            previous = Quotation(quote.text, quote.start, quote.end, speaker, quote.closed)
            history.append((index, position, speaker or ""))
            out.append(Quotation(quote.text, offset + quote.start, offset + quote.end, speaker, quote.closed))
        ending = previous if previous is not None and previous.speaker and _ends(para, previous) else None
        running = previous if previous is not None and not previous.closed else None
        if running is not None and running.speaker:
            left_open = (running, index)
        elif quotes or tail is not None:
            left_open = None
        offset += len(para) + len(PARAGRAPH_SEPARATOR)
    return out


@dataclass(frozen=True)
class _Tail:
    """The words of a paragraph that belong to a quotation running on from the paragraph before:
    ``closed`` when its closing mark is in this paragraph (at ``end``), else the whole paragraph."""

    text: str
    start: int
    end: int
    closed: bool


def _tail(paragraphs: Sequence[str], index: int, running: Quotation | None) -> _Tail | None:
    """The part of paragraph ``index`` that goes on with the ``running`` quotation, or None: the
    paragraph opens a quotation of its own, or the running one never closes within PRONOUN_REACH
    paragraphs (a stray mark must not make the rest of the article a quotation)."""
    if running is None or _closes_in(paragraphs, index - 1) is None:
        return None
    para = paragraphs[index]
    at = _closing_at(para)
    if at is None and QUOTE_MARK.search(para) is not None:
        return None
    end = at if at is not None else len(para.rstrip())
    lead = len(para) - len(para.lstrip())
    text = para[lead:end].strip()
    if not text:
        return None
    return _Tail(text, lead, lead + len(text), at is not None)


@per_sentence
def _verb_starts(paragraph: str) -> tuple[int, ...]:
    """Where the speech verbs of a paragraph start (read once per paragraph, as find_quotes)."""
    return tuple(m.start() for m in SPEECH_VERB.finditer(paragraph))


def _closing_speaker(paragraphs: Sequence[str], history: list[tuple[int, int, str | None]], index: int) -> str | None:
    """The speaker named after the closing mark of a quotation that opened in paragraph ``index``
    and runs on: the first later paragraph whose first quote mark closes, with no paragraph
    reopening the quotation before it (that one is read on its own)."""
    j = _closes_in(paragraphs, index)
    if j is None:
        return None
    text = paragraphs[j]
    at = _closing_at(text)
    assert at is not None
    rest = text[at + 1 :]
    who = speaker_after(rest)
    if who is None:
        said = _PRONOUN_ATTRIBUTION.match(rest)
        pronoun = (said.group(1) or said.group(2) or "").lower() if said else None
    else:
        pronoun = who.lower() if who.lower() in PRONOUNS else None
    if pronoun in ("he", "she"):
        # '... knows village life well," she said.': the person named before
        return _antecedent(paragraphs, history, j, named=True) or _person_before(paragraphs, j, at)
    return None if pronoun is not None else who


def _closes_in(paragraphs: Sequence[str], index: int) -> int | None:
    """The later paragraph where a quotation that opened in paragraph ``index`` and runs on closes: the
    first whose first quote mark closes (``_closing_at``), with no paragraph reopening the quotation
    before it; None when none does within PRONOUN_REACH paragraphs."""
    for j in range(index + 1, min(len(paragraphs), index + 1 + PRONOUN_REACH)):
        if QUOTE_MARK.search(paragraphs[j]) is None:
            continue  # a paragraph of the quotation with no mark (one sentence a line)
        return j if _closing_at(paragraphs[j]) is not None else None
    return None


def _closing_at(text: str) -> int | None:
    """Where a paragraph's first quote mark closes a quotation that ran on from a paragraph before, or
    None: a closing curly mark, a straight one right after a word, or a straight one after a space that
    ends the paragraph or that only the attribution follows (ECB+'s re-spaced marks: 'into the equation,
    "Brimmer said, adding ...'). A mark that opens the paragraph opens a quotation."""
    mark = QUOTE_MARK.search(text)
    if mark is None or mark.start() == 0:
        return None
    if mark.group() in "”»":
        return mark.start()
    if mark.group() != '"':
        return None
    if text[mark.start() - 1].isdigit():
        return None  # an inch mark ('Specs include a 34" panel')
    if not text[mark.start() - 1].isspace():
        return mark.start()
    rest = text[mark.end() :]
    if not rest.strip() or (QUOTE_MARK.search(rest) is None and speaker_after(rest) is not None):
        return mark.start()  # nothing after it ('Nothing bad is going to happen. "') or only who said it
    return None


# '<Name> issued a statement ...': who issued the statement the next paragraph quotes.
_STATEMENT_BY = re.compile(
    r"\b([A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){0,5})\s+" + ISSUED_A_STATEMENT
)


_STATEMENT_FROM = re.compile(
    r"\b(?:statement|remarks|comments)\s+(?:by|from)\s+([A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){0,5})"
)


def _statement_by(para: str) -> str | None:
    """The person or body a paragraph says issued a statement, or None: the paragraph ends that sentence
    without quoting it, so a quotation opening the next paragraph is the statement; so does a paragraph that
    introduces it ("Below is a statement by Francesca Grifo, director of ...:")."""
    m = _STATEMENT_BY.search(para)
    if m is None and para.rstrip().endswith(":"):
        m = _STATEMENT_FROM.search(para)
    if m is None or QUOTE_MARK.search(para, m.end()):
        return None
    words = m.group(1).split()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)  # "The ..."
    return " ".join(words) or None


# After the name at a paragraph's opening, its appositive if any ('Darin Schroeder, Vice President for
# Conservation Advocacy at ..., agreed'), then the lower-case word of its verb.
_SUBJECT_VERB = re.compile(rf"(?:,[^.;:!?\"“”]{{1,150}},)?\s+(?:[a-z]+\s+)?(?:[a-z]+(?:ed|s)|{SPEECH_VERBS})\b")


def _named_subject(para: str, earlier: str = "") -> str | None:
    """The person a paragraph opens with as the subject of its first sentence, when the paragraph quotes
    nobody: the speaker of a quotation that makes up the next paragraph with no attribution of its own. A
    role ('The director denied reports ...') is the person ``earlier`` text names with it ('Hunger Games
    director Gary Ross'); where none is, and the paragraph ends in a colon that introduces the quotation ('The judge
    offered advice for the prison guards who will handle Nichols:'), the role itself ("the judge")."""
    if QUOTE_MARK.search(para):
        return None
    person = _PERSON.match(para)
    if person is not None and person.group().split()[0].lower() in STOP_WORDS | CALENDAR:
        return None
    opening = person or _ROLE_SUBJECT.match(para)
    if opening is None:
        return None
    verb = _SUBJECT_VERB.match(para, opening.end())
    # another's speech verb after it ('..., her rep confirms to PEOPLE.'): the quotation may be theirs
    if verb is None or SPEECH_VERB.search(para, verb.end()) is not None:
        return None
    if person is not None:
        return person.group()
    named = list(re.finditer(rf"\b{opening.group(1)}\s+({_PERSON.pattern})", earlier))
    if named:
        return named[-1].group(1)
    role = opening.group(1)
    return f"the {role}" if para.rstrip().endswith(":") and role in _ROLES else None


def _pronoun_subject(para: str) -> str | None:
    """ "he" or "she" where a paragraph that quotes nobody and names no speech opens with it as its subject."""
    m = _PRONOUN_SUBJECT.match(para)
    if m is None or QUOTE_MARK.search(para) or SPEECH_VERB.search(para):
        return None
    return m.group(1).lower()


_PRONOUN_SUBJECT = re.compile(r"(He|She)\s+[a-z]+\b")


# The roles of people (quotes.toml ``titles``): "The judge offered advice ...:" introduces a person's words, "The
# report listed three findings:" no one's.
_ROLES = _data.words("quotes", "titles")
# 'The director denied ...': a role as the subject, resolved to the person named with that role before.
_ROLE_SUBJECT = re.compile(r"The\s+([a-z]{3,})\b")


# ... and one telling when or where it was said (', she said around 5:30 p.m.', ', police said on Monday.'); not read
# as an attribution inside a quotation (``finding``), where "said on" may be the remark's own words.
_SAID_WHEN = re.compile(
    rf",\s*(?:[\w.'’-]+\s+){{1,4}}(?:{SPEECH_VERBS})\s+(?:on|at|around|about|late|early|in)(?:\s+[\w.:'’-]+){{1,3}}\.$"
)


def _leads_in(para: str) -> bool:
    """Whether a paragraph ends by introducing a quotation: a speech verb, then a colon; or a
    short attribution closing what the speaker said in reported speech ('Page was hardly tawdry,
    though, Yeager said.')."""
    text = para.rstrip()
    if text.endswith(":"):
        return SPEECH_VERB.search(text) is not None
    return text.endswith(".") and (_ATTRIBUTION_TAIL.search(text) is not None or _SAID_WHEN.search(text) is not None)


def _lead_in_speaker(paragraphs: Sequence[str], history: list[tuple[int, int, str | None]], index: int) -> str | None:
    """The speaker a paragraph ending in 'X said:' gives the quotation that opens the next one; a
    pronoun ('She added:') is resolved as in the same paragraph."""
    lead = paragraphs[index - 1].rstrip().rstrip(".")
    verb = list(SPEECH_VERB.finditer(lead))[-1]
    # 'said Yeager:' names the speaker after the verb; 'Putin told reporters:' before it, and 'Mr Gates told the
    # security conference:' too (whom a speaker tells is no speaker)
    after = lead[verb.end() :].rstrip(":").split() if verb.group() in INVERTING else []
    who = speaker_phrase(after, forward=True) if after else None
    if who is not None and not " ".join(after).endswith(who):
        who = None  # 'said the figures were released on Monday:' is what was said, not who
    if who is None:
        who = speaker_before(lead)
    if who is None or who.lower() not in PRONOUNS:
        return who
    pronoun = who.lower()
    found = _antecedent(paragraphs, history, index, pronoun not in ("it", "they"), pronoun)
    if found is None and pronoun in ("he", "she"):
        found = _person_meant(paragraphs, index - 1, len(lead), pronoun)
    return found


def _opens(para: str, quote: Quotation) -> bool:
    """Whether a quotation opens its paragraph (nothing but its mark before it)."""
    return not QUOTE_MARK.sub("", para[: quote.start]).strip()


def _ends(para: str, quote: Quotation) -> bool:
    """Whether a quotation ends its paragraph: it runs on past it, or at most its attribution
    follows ('"...," Christie said.'), or the attribution and the speaker's participle ('..." he said,
    adding that ...')."""
    if not quote.closed:
        return True
    tail = QUOTE_MARK.sub(" ", para[quote.end :]).strip()
    return not tail.strip(",.;:!?…") or (
        tail[-1:] in ".!?"
        and (
            (
                len(_words(tail)) <= 12
                and (SPEECH_VERB.search(tail) is not None or QUOTED_AS_SAYING.match(tail) is not None)
            )
            or _GOES_ON.match(tail) is not None
            # the speaker with a long appositive, the verb last: ', Tadzhigul Begmedova, director of the
            # Turkmenistan Helsinki Foundation for Human Rights, said from Bulgaria.'
            or (len(tail.split()) <= ATTRIBUTION_WORDS and _VERB_LAST.search(tail) is not None)
            # the verb first, then the speaker and who they are: ', said Kassie Siegel, climate program director at the
            # Center for Biological Diversity and lead author of the 2005 petition to list polar bears.', ', said
            # Wilhelm, who was briefly detained during the trial for bringing a pistol into the courthouse.'
            or (len(tail.split()) <= ATTRIBUTION_WORDS and _VERB_FIRST.match(tail) is not None)
        )
    )


def _words(text: str) -> list[str]:
    """The words of ``text``, not the marks a re-spaced dump leaves standing alone ("the Los Angeles Times ' Big
    Picture blog")."""
    return [w for w in text.split() if any(c.isalnum() for c in w)]


# A speech verb ending the paragraph with at most three words after it ('said from Bulgaria.'), or with
# where or how it was said, opened by a preposition ('said by telephone from Varna, Bulgaria.'): no
# reported clause follows it.
_VERB_LAST = re.compile(
    rf"\b(?:{SPEECH_VERBS})(?:(?:\s+[\w.'’-]+){{0,3}}"
    rf"|\s+(?:{'|'.join(sorted(PREPOSITIONS))})(?:,?\s+[\w.'’-]+){{1,7}})[.!?]$"
)


# A speech verb, the speaker's name (capitalised words, perhaps after an age or a lower-case role: 'said 17-year-old
# Jeremy Ortiz, one of the deputy's sons'), then a comma and what follows it: who the speaker is.
_VERB_FIRST = re.compile(
    rf"[,\s]*(?:{SPEECH_VERBS})\s+(?:[a-z0-9][\w'’-]*\s+){{0,2}}[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},\s+"
    rf"(?!(?:{'|'.join(QUOTE_DATA['narration_openers'].split())})\b)"
)


# '..." he said, adding that the weather was warm.', '..." Merkel told lawmakers, urging them to ...': the
# attribution, then a participle clause of the same speaker.
# ... or a clause telling when or why it was said ('..." Heller argued after a prosecutor objected to ...'). The
# speaker may be named with a title ('City Councilman Jumaane D. Williams said later, referring to ...').
_GOES_ON = re.compile(
    rf"[,\s]*(?:[\w.'’-]+\s+){{0,6}}(?:{SPEECH_VERBS})\b(?:[^,.!?]{{0,40}},\s+(?:{PARTICIPLES}|(?!according|including)[a-z]+ing)"
    rf"|(?:\s+(?:later|then|again|also|[a-z]+ly))?,?\s+(?:after|as|when|while|before|because|since)\s+[a-z])\b"
)


# A remark left open (no closing mark) goes on in a paragraph opening with a quotation mark at most this many paragraphs on.
_OPEN_REACH = 2


def quotes_by_sentence(paragraphs: Sequence[str], sentences: Sequence[Sentence]) -> list[list[Quotation]]:
    """The quoted part of each sentence (see the package doc); sentences index the same body.

    A part's ``closed`` is True only in the sentence where its quotation ends.
    """
    quotes = article_quotes(paragraphs)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    out: list[list[Quotation]] = []
    for sentence in sentences:
        parts = []
        for q in quotes:
            start, end = max(sentence.start, q.start), min(sentence.end, q.end)
            if start >= end:
                continue
            piece = body[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if _WORD.search(piece):
                parts.append(
                    Quotation(piece, start + lead, start + lead + len(piece), q.speaker, q.closed and end == q.end)
                )
        out.append(parts)
    return out
