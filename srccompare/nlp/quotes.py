"""Quotations: find them, name their speaker, and say how two outlets' versions of one relate.

What a quotation's own sentence says of its speaker is read by ``nlp.speakers``; this module finds the
quotations and resolves across the article what a sentence leaves open (a pronoun, a remark that runs
over paragraphs, a lead-in in the paragraph before).

API (small on purpose; the aligner and the quote tracker build on it):

- ``find_quotes(text) -> list[Quotation]``: the quotations in one paragraph or sentence, with the
  character span of the quoted words and the speaker when the text says so ("X said", "said X",
  "X told reporters"); a pronoun speaker ("he said") is left as None.
- ``article_quotes(paragraphs) -> list[Quotation]``: the same over a whole article, with spans
  into the body (paragraphs joined by blank lines) and pronoun speakers resolved to the nearest
  named speaker before them (at most ``PRONOUN_REACH`` paragraphs back).
- ``quotes_by_sentence(paragraphs, sentences) -> list[list[Quotation]]``: for each sentence the
  quoted words in it (a quotation spanning three sentences gives a part to each), with the
  quotation's speaker; spans index the body like the sentences' own.
- ``quote_words(text) -> list[str]``: lowercased words with marks, ellipses and bracketed
  insertions left out, for scoring quotations against each other (e.g. with ``process.cdist``).
- ``normalize_quote(text) -> str``: quote marks folded to straight ones, every ellipsis
  (``...``, ``…``, ``. . .``, ``[...]``, ``(...)``) to one ``…``, spaces collapsed.
- ``compare_quotes(a, b) -> QuoteComparison``: how quotation ``b`` relates to ``a``, one of
  ``FORMS``: verbatim, bracketed, trimmed, altered, translated, unrelated.

Marks handled: “…”, „…“, "…" (an unclosed one runs to the end of the paragraph, as news
quotations spanning paragraphs do), «…», »…«, ‘…’ and '…' outside double quotes.  A single
quote between letters (South Korea’s, don't) is an apostrophe, never a quote mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from .. import data as _data
from ..model import Sentence
from .memo import per_sentence
from .sentences import sentence_spans
from .speakers import (
    CALENDAR,
    CAPITALISED_RUN,
    INVERTING,
    NAME_SUFFIXES,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_DATA,
    QUOTE_MARK,
    SPEECH_VERB,
    SPEECH_VERBS,
    blank_quotes,
    full_name,
    is_named,
    names_a_body,
    person_name,
    plausible_speaker,
    speaker_after,
    speaker_before,
    speaker_in_sentence,
    speaker_phrase,
    subject_before,
)
from .tokens import STOP_WORDS, fold_acronyms, fold_spellings, fold_style

FORMS = ("verbatim", "bracketed", "trimmed", "altered", "translated", "unrelated")
ELLIPSIS = "…"
PARAGRAPH_SEPARATOR = "\n\n"

# Bands on the token-level Indel similarity (0..1).  Different translations of one statement share
# its names, numbers and many content words but little of their order and function words;
# an altered quotation keeps most words in place.
ALTERED_MIN = 0.6
TRANSLATED_MIN = 0.3


@dataclass(frozen=True)
class Quotation:
    """A quotation: the quoted words (without the marks) at ``text[start:end]`` of the input."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    closed: bool = True  # False when the quotation runs on past its paragraph

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class QuoteComparison:
    """How quotation ``b`` relates to quotation ``a``.

    ``score`` is the token similarity (1.0 = same words in the same order after folding);
    ``inserted`` holds bracketed words one side adds (``(South)``), ``dropped`` the words one side
    leaves out, ``changed`` the words that differ on either side.
    """

    form: str
    score: float
    inserted: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Opening mark -> the marks that may close it (typists mix curly and straight ones).
_DOUBLE_PAIRS = {'"': '"”', "“": '”"', "„": '“”"', "«": "»", "»": "«"}
_DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'‹](?=[^\W_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])[’'›](?![^\W_])")


def find_quotes(text: str) -> list[Quotation]:
    """Quotations in ``text`` (a paragraph or a sentence), in order, with stated speakers.

    A quotation right after an attributed one, with at most the attribution between them, has
    the same speaker ('"...," Trump said. "I believe ..."').
    """
    return list(_find_quotes(text))


@per_sentence
def _find_quotes(text: str) -> tuple[Quotation, ...]:
    # Cached: outlets of one event print many of the same paragraphs, each read for its quotations.
    spans = _double_spans(text)
    spans += _single_spans(text, spans)
    spans.sort()
    bounds = sentence_spans(text) if spans else []
    out: list[Quotation] = []
    for a, b, closed in spans:
        inner = text[a:b]
        lead = len(inner) - len(inner.lstrip())
        stripped = inner.strip()
        if not closed and _ATTRIBUTION_TAIL.search(stripped):
            # '"A gunman shot three people ..., police said.', '..., "the head of the service, Massoud Dalman, told
            # the television.': an opening mark without its closer before an attribution is stray (or a misprinted
            # closer); a quotation's own text never ends with its attribution
            continue
        if stripped:
            speaker = speaker_in_sentence(text, a, b, closed, bounds)
            quote = Quotation(stripped, a + lead, a + lead + len(stripped), speaker, closed)
            if (
                speaker is None
                and out
                and out[-1].speaker
                and (_continues(text, out[-1], quote) or _same_clause(text, out[-1], quote, bounds))
            ):
                quote = Quotation(quote.text, quote.start, quote.end, out[-1].speaker, closed)
            out.append(quote)
    return _attributed_at_the_end(text, out, bounds)


# At most this many words in an attribution closing a sentence ('EU Commissioner Olli Rehn said on Monday.').
_TAIL_WORDS = 10


def _attributed_at_the_end(text: str, quotes: list[Quotation], bounds: list[tuple[int, int]]) -> tuple[Quotation, ...]:
    """Quotations of one sentence whose attribution closes it ('"Greece is a unique ... case" because of its
    "precarious debt dynamics" and because it "has cheated ...," EU Commissioner Olli Rehn said.'): the speaker named
    after the last is the speaker of those before it that have none, when no speech verb stands between them."""
    out = list(quotes)
    for k in range(len(out) - 1, 0, -1):
        last = out[k]
        if last.speaker is None or not last.closed:
            continue
        sentence = next(((a, b) for a, b in bounds if a <= last.start < b), None)
        tail = QUOTE_MARK.sub(" ", text[last.end : sentence[1]]).strip() if sentence else ""
        if (
            sentence is None
            or len(tail.split()) > _TAIL_WORDS
            or not tail.endswith((".", "!", "?"))
            or SPEECH_VERB.search(tail) is None
        ):
            continue  # the speaker was not named after the sentence's last quotation
        for j in range(k - 1, -1, -1):
            earlier = out[j]
            if not sentence[0] <= earlier.start or SPEECH_VERB.search(
                blank_quotes(text[earlier.end : out[j + 1].start])
            ):
                break
            # a title in quotation marks ('the "Love Won Out" conference') is nobody's words
            if earlier.speaker is None and any(w.islower() for w in _WORD.findall(earlier.text)):
                out[j] = Quotation(earlier.text, earlier.start, earlier.end, last.speaker, earlier.closed)
    return tuple(out)


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
            pronoun = _pronoun_speaker(para, quote) if speaker is None else None
            if pronoun:
                if pronoun in ("he", "she"):
                    speaker = _named_before_in_sentence(para, quote, "\n".join(paragraphs[: index + 1]))
                if speaker is None:
                    speaker = _antecedent(paragraphs, history, index, named=pronoun not in ("it", "they"))
                if speaker is None and pronoun in ("he", "she"):
                    speaker = _person_meant(paragraphs, index, quote.start)
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
    r"\b([A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){0,5})\s+(?:issued|released|put\s+out)"
    r"\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}statement\b"
)


def _statement_by(para: str) -> str | None:
    """The person or body a paragraph says issued a statement, or None: the paragraph ends that sentence
    without quoting it, so a quotation opening the next paragraph is the statement."""
    m = _STATEMENT_BY.search(para)
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
    director Gary Ross')."""
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
    return named[-1].group(1) if named else None


# 'The director denied ...': a role as the subject, resolved to the person named with that role before.
_ROLE_SUBJECT = re.compile(r"The\s+([a-z]{3,})\b")


def _leads_in(para: str) -> bool:
    """Whether a paragraph ends by introducing a quotation: a speech verb, then a colon; or a
    short attribution closing what the speaker said in reported speech ('Page was hardly tawdry,
    though, Yeager said.')."""
    text = para.rstrip()
    if text.endswith(":"):
        return SPEECH_VERB.search(text) is not None
    return text.endswith(".") and _ATTRIBUTION_TAIL.search(text) is not None


# ', Yeager said.' / ', said Yeager.' / ', he added.' closing a paragraph.
_ATTRIBUTION_TAIL = re.compile(
    rf",\s*(?:(?:[\w.'’-]+\s+){{1,4}}(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})(?:\s+[\w.'’-]+){{1,4}})\.$"
)


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
    found = _antecedent(paragraphs, history, index, named=pronoun not in ("it", "they"))
    if found is None and pronoun in ("he", "she"):
        found = _person_meant(paragraphs, index - 1, len(lead))
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
            (len(tail.split()) <= 12 and SPEECH_VERB.search(tail) is not None)
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


# An attribution with an appositive is at most this many words long.
ATTRIBUTION_WORDS = 30
# A speech verb ending the paragraph with at most three words after it ('said from Bulgaria.'), or with
# where or how it was said, opened by a preposition ('said by telephone from Varna, Bulgaria.'): no
# reported clause follows it.
_VERB_LAST = re.compile(
    rf"\b(?:{SPEECH_VERBS})(?:(?:\s+[\w.'’-]+){{0,3}}"
    rf"|\s+(?:{'|'.join(sorted(PREPOSITIONS))})(?:,?\s+[\w.'’-]+){{1,7}})[.!?]$"
)


# A speech verb, the speaker's name (capitalised words), then a comma and what follows it: who the speaker is.
_VERB_FIRST = re.compile(
    rf"[,\s]*(?:{SPEECH_VERBS})\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},\s+"
    rf"(?!(?:{'|'.join(QUOTE_DATA['narration_openers'].split())})\b)"
)


# '..." he said, adding that the weather was warm.', '..." Merkel told lawmakers, urging them to ...': the
# attribution, then a participle clause of the same speaker.
_GOES_ON = re.compile(
    rf"[,\s]*(?:[\w.'’-]+\s+){{0,4}}(?:{SPEECH_VERBS})\b[^,.!?]{{0,40}},\s+(?:{PARTICIPLES}|(?!according|including)[a-z]+ing)\b"
)


# Words that may join two quotations of one reported clause: lower-case words and commas, no verb of speech or of
# naming ('Jackson said he had "no excuses" for his conduct and "fully accept my responsibility ..."').
_SAME_CLAUSE = re.compile(r"[a-z’'-]+(?:,?\s+[a-z’'-]+){0,7}")
_ANOTHER_VOICE = re.compile(rf"\b(?:{SPEECH_VERBS}|{PARTICIPLES}|{QUOTE_DATA['naming_verbs']})\b")


def _same_clause(text: str, previous: Quotation, quote: Quotation, bounds: list[tuple[int, int]]) -> bool:
    """Whether ``quote`` goes on with the clause that ``previous`` (a quotation whose speaker is named before it)
    stands in: the same sentence, with only a few lower-case words between them, none a verb that gives the words
    to someone else ('..., while critics called it "..."' has one)."""
    if any(a <= previous.start < b and not a <= quote.start < b for a, b in bounds):
        return False
    between = QUOTE_MARK.sub(" ", text[previous.end : quote.start]).strip(" ,")
    return bool(_SAME_CLAUSE.fullmatch(between)) and _ANOTHER_VOICE.search(between) is None


def _continues(para: str, previous: Quotation, quote: Quotation) -> bool:
    """Whether only an attribution (or nothing) stands between two quotations of a paragraph."""
    between = QUOTE_MARK.sub(" ", para[previous.end : quote.start]).strip()
    if not between.strip(",.;:!?…"):
        return True
    # the attribution must close with punctuation: '..., organisers said, and "..."' is another clause
    if len(between.split()) <= 12 and SPEECH_VERB.search(between) is not None and between[-1] in ".,:;":
        return True
    # a longer one, when it names the speaker itself ('..., Matt Bennett, a spokesman for Third Way, a left-leaning
    # research group, said after hearing from Mr. Biden last week. "...')
    names = {w for w in (previous.speaker or "").split() if w[:1].isupper()}
    return (
        bool(names)
        and len(between.split()) <= ATTRIBUTION_WORDS
        and between[-1] == "."
        and SPEECH_VERB.search(between) is not None
        and bool(names & set(re.findall(r"[\w’'-]+", between)))
    )


# A remark left open (no closing mark) goes on in a paragraph opening with a quotation mark at most this many paragraphs on.
_OPEN_REACH = 2
# A pronoun refers to someone met in the last few paragraphs; further back, a guess is worse than None.
PRONOUN_REACH = 3


def _antecedent(
    paragraphs: Sequence[str], history: list[tuple[int, int, str | None]], current: int, named: bool
) -> str | None:
    """The nearest earlier speaker: a named one (for he/she), or any quotation's (for it/they)."""
    whole = "\n".join(paragraphs) if named else ""
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
        ):
            return speaker
    return None


def _after_the(before: str, name: str) -> bool:
    """Whether the subject ``name`` ends ``before`` (the text up to its verb) right after "the": a body, a team or a
    place ("The Angeles said", "the Pentagon said"); not a title's holder ("the Rev. Larry Kroon said")."""
    m = re.search(rf"\b[Tt]he\s+{re.escape(name)}[\s,]*$", before)
    return m is not None and name.split()[0].rstrip(".").lower() not in _TITLES


# A person's name: two to five capitalised words (a title before it included), an initial or name particles
# allowed ("Tara Reid", "Louise M. Slaughter", "Bill de Blasio", "President Ursula von der Leyen").
_PARTICLES = "|".join(QUOTE_DATA["name_particles"].split())
_PERSON = re.compile(rf"\b[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+(?:(?:{_PARTICLES})\s+){{0,2}}[A-Z][a-z’'-]+){{1,4}}\b")


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
    from .numbers import counts_people

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


def _person_meant(paragraphs: Sequence[str], current: int, position: int) -> str | None:
    """The person a "he" or "she" with no antecedent stands for: among those named within PRONOUN_REACH paragraphs
    (``_person_before``), else, nobody named within reach ('she said later' after paragraphs about her in other
    words), the person the article has named most before it, whom the story is about."""
    return _person_before(paragraphs, current, position) or _person_before(paragraphs, current, position, reach=current)


def _person_before(paragraphs: Sequence[str], current: int, position: int, reach: int = 0) -> str | None:
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
_SURNAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z’'-]+\b")
# A surname that opens a sentence, its verb after it: "Papandreou expressed shock at the deaths".
_OPENING_SURNAME = re.compile(r"(?:^|(?<=[.!?] ))([A-Z][a-z’'-]+)(?= [a-z])")


def quotes_by_sentence(paragraphs: Sequence[str], sentences: Sequence[Sentence]) -> list[list[Quotation]]:
    """The quoted part of each sentence (see the module doc); sentences index the same body.

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


# A title in quotation marks is at most this many words.
TITLE_MAX_WORDS = 8


def is_title(text: str) -> bool:
    """Whether a quotation is a title ("The Hunger Games.", "Take Me Out to the Ball Game,", "Million Dollar
    Mermaid"): every word capitalised but the function words, at most TITLE_MAX_WORDS words, no sentence inside.
    A title names a work; it is nobody's remark."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or len(words) > TITLE_MAX_WORDS or re.search(r"[.!?]\s+\S", text.strip()):
        return False
    content = [w for w in words if w.lower() not in STOP_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()


def quote_words(text: str) -> list[str]:
    """Lowercased words of a quotation without marks, ellipses or bracketed insertions."""
    return _plain(_tokens(text)[0])


def normalize_quote(text: str) -> str:
    """Fold quote marks and every form of ellipsis to one marker, and collapse whitespace."""
    text = _FOLD_MARKS.sub(lambda m: _MARK_MAP[m.group()], text)
    text = _RESPACED_CONTRACTION.sub(r"\1'\2", text)
    text = _ELLIPSES.sub(f" {ELLIPSIS} ", text)
    return " ".join(text.split())


def compare_quotes(a: str, b: str) -> QuoteComparison:
    """Classify how quotation ``b`` relates to quotation ``a`` (order matters only for detail).

    - verbatim: the same words once quote marks and ellipsis forms are folded;
    - bracketed: the same words except a bracketed insertion such as "(South) Korean" or "[make]";
    - trimmed: one is the other with words cut at its ends or at an ellipsis;
    - altered: mostly the same words, but some changed, or cut silently inside;
    - translated: the same names and many content words, in a different wording;
    - unrelated: not the same quotation.
    """
    ta, ia = _tokens(a)
    tb, ib = _tokens(b)
    pa, pb = _plain(ta), _plain(tb)
    score = _similarity(pa, pb)
    if ta == tb or (pa == pb and not ia and not ib):
        return QuoteComparison("verbatim", 1.0)
    inserted = tuple(w for w in ia + ib)
    if inserted and (pa == pb or _plain(ta, keep_brackets=True) == _plain(tb, keep_brackets=True)):
        return QuoteComparison("bracketed", score, inserted=inserted)
    cut = _cut(ta, tb) or _cut(tb, ta)
    if cut is not None:
        marked, dropped = cut
        return QuoteComparison("trimmed" if marked else "altered", score, inserted=inserted, dropped=dropped)
    changed = _changed(pa, pb)
    if score >= ALTERED_MIN:
        return QuoteComparison("altered", score, inserted=inserted, changed=changed)
    if score >= TRANSLATED_MIN and _content_overlap(pa, pb) >= 0.4:
        return QuoteComparison("translated", score, changed=changed)
    return QuoteComparison("unrelated", score)


# --- finding ---------------------------------------------------------------------------------


def _double_spans(text: str) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    closers = ""
    for m in _DOUBLE_MARKS.finditer(text):
        mark, i = m.group(), m.start()
        if open_at is None:
            if mark == "”":
                continue  # a stray closing mark (the tail of a quote from the paragraph before)
            if mark == '"' and i > 0 and text[i - 1].isalnum():
                continue  # no quotation opens right after a word or a figure: an inch mark ('a 34" monitor')
            open_at, closers = i + 1, _DOUBLE_PAIRS[mark]
            continue
        if mark in closers or _misprinted_closer(text, i):
            if text[open_at:i].strip():
                spans.append((open_at, i, True))
            open_at = None
    if open_at is not None and text[open_at:].strip():
        spans.append((open_at, len(text.rstrip()), False))
    return spans


# After a remark's last word and its comma, the attribution closing the paragraph: '..., “DiLeo said.', or with the
# verb first and the speaker after it, an appositive too ('..., “said academy President Sid Ganis.', '..., “said
# 40-year-old Tsikala Stephania, a public sector worker.'): no quotation opens with a speech verb in lower case.
_CLOSING_ATTRIBUTION = re.compile(
    rf"(?:(?:[\w.'’-]+\s+){{1,4}}(?:{SPEECH_VERBS})\b(?:\s+[\w.'’-]+){{0,3}}"
    rf"|(?:{SPEECH_VERBS})\s+[A-Za-z0-9][^\"“”„«»]{{0,100}}?)[.!?]$"
)


def _misprinted_closer(text: str, i: int) -> bool:
    """Whether the opening mark at ``i``, met while a quotation is open, closes it: it follows the remark's
    punctuation and only an attribution follows it to the end of the paragraph ('..., my dad is ready to
    step in, “DiLeo said.'), so no new quotation can open there."""
    return (
        text[i] in "“„"
        and text[:i].rstrip()[-1:] in (",", ".", "!", "?")
        and _CLOSING_ATTRIBUTION.match(text, i + 1) is not None
    )


def _single_spans(text: str, outer: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    while True:
        m = _SINGLE_OPEN.search(text, pos)
        if m is None:
            break
        start = m.end()
        if any(a <= m.start() < b for a, b, _ in outer):
            pos = start
            continue
        close = _SINGLE_CLOSE.search(text, start)
        if close is None:
            break
        spans.append((start, close.start(), True))
        pos = close.end()
    return spans


_PRONOUN_ATTRIBUTION = re.compile(
    rf"[\s,.;:!?]*(?:(he|she|they|it|we)\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(he|she))\b", re.IGNORECASE
)


# 'He added: "...', 'she told reporters on Monday, "...'
_PRONOUN_LEAD_IN = re.compile(
    rf"\b(he|she|they|it|we)\s+(?:(?:has|had|also|then|later)\s+)*(?:{SPEECH_VERBS})\b[^\"“”«».!?]{{0,60}}$",
    re.IGNORECASE,
)


# 'he dismissed them, saying "...': the pronoun is the subject of the clause the participle follows.
_PRONOUN_PARTICIPLE = re.compile(
    rf"\b(he|she|they|we)\s+(?:\w+\s+){{0,2}}?\w+ed\b[^\"“”«».!?]{{0,120}},\s+(?:{PARTICIPLES})"
    rf"\b[^,;.!?\"“”]{{0,80}}$",
    re.IGNORECASE,
)


def _pronoun_speaker(text: str, q: Quotation) -> str | None:
    """The pronoun of a '..." he said', 'He added: "..."' or 'he dismissed them, saying "..."'
    attribution, lowercased, or None."""
    m = _PRONOUN_ATTRIBUTION.match(text, q.end + 1) if q.closed else None
    if m:
        return (m.group(1) or m.group(2)).lower()
    m = _PRONOUN_LEAD_IN.search(text, max(0, q.start - 100), max(0, q.start - 1))
    if m is None:
        m = _PRONOUN_PARTICIPLE.search(text, max(0, q.start - 250), max(0, q.start - 1))
    return m.group(1).lower() if m else None


def _named_before_in_sentence(text: str, q: Quotation, earlier: str) -> str | None:
    """For 'sent to Mr. Petraeus, he dismissed them, saying "...': the person named last before the
    pronoun in the quotation's own sentence, or None (then the pronoun's antecedent is read as usual)."""
    m = _PRONOUN_PARTICIPLE.search(text, max(0, q.start - 250), max(0, q.start - 1))
    if m is None:
        return None
    head = text[: m.start()]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("\n"))
    sentence = head[cut + 1 :]
    sentence = blank_quotes(sentence)
    named = None
    for run in CAPITALISED_RUN.finditer(sentence):
        named = person_name(run.group().split(), sentence[: run.start()], earlier) or named
    return named


# --- comparing ---------------------------------------------------------------------------------

_MARK_MAP = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‹": "'", "›": "'"}
_FOLD_MARKS = re.compile("[" + "".join(_MARK_MAP) + "]")
# A contraction some texts print re-spaced ("It ' s", "couldn ' t" once marks are folded): one word.
_RESPACED_CONTRACTION = re.compile(r"(\w) ' (s|t|re|ve|ll|d|m)\b")
_ELLIPSES = re.compile(r"\s*(?:[\[(]\s*(?:\.\s*){2,}\.?\s*[\])]|[\[(]\s*…\s*[\])]|(?:\.\s*){2}\.|…)\s*")
_BRACKETED = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_WHOLE_HOUR = re.compile(r"(?:(?<=\b\d)|(?<=\b\d\d)):00\b(?=\s*[ap]\.?\s?m\b)")
_TOKEN = re.compile(rf"{ELLIPSIS}|\x00[^\x01]*\x01|[^\W_]+(?:['’][^\W_]+)*")


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Lowercased words, ``…`` for every ellipsis, and bracketed words as ``[word]``."""
    # A whole hour written with its minutes is the same time ("6:00 p.m." / "6 p.m."): house style.
    text = _WHOLE_HOUR.sub("", fold_acronyms(normalize_quote(text)).lower())
    text = _BRACKETED.sub(lambda m: f" \x00{m.group(1)}\x01 ", text)
    tokens: list[str] = []
    inserted: list[str] = []
    for t in _TOKEN.findall(text):
        if t.startswith("\x00"):
            words = _WORD.findall(t)
            tokens += [f"[{w}]" for w in words]
            inserted += words
        else:
            tokens.append(t)
    # A name spelled another way (Kiev / Kyiv), a word in British or American spelling (neighbourhood /
    # neighborhood) is the outlet's style, not a change to the words said.
    return fold_style(fold_spellings(tokens)), inserted


def _plain(tokens: list[str], keep_brackets: bool = False) -> list[str]:
    out = []
    for t in tokens:
        if t == ELLIPSIS:
            continue
        if t.startswith("["):
            if keep_brackets:
                out.append(t[1:-1])
            continue
        out.append(t)
    return out


def _similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return Indel.normalized_similarity(a, b)


def _cut(long: list[str], short: list[str]) -> tuple[bool, tuple[str, ...]] | None:
    """When ``short`` is ``long`` with words left out: whether every cut is marked, and the words.

    A cut is marked when it is at either end or where ``short`` has an ellipsis; words cut
    silently from the middle make the quotation altered rather than trimmed.
    """
    lp, sp = _plain(long), _plain(short)
    if not sp or len(sp) >= len(lp):
        return None
    ops = Indel.opcodes(lp, sp)
    if any(op.tag not in ("equal", "delete") for op in ops):
        return None
    # where the short version has an ellipsis, in plain-token positions
    cuts, n = set(), 0
    for t in short:
        if t == ELLIPSIS:
            cuts.add(n)
        elif not t.startswith("["):
            n += 1
    dropped: list[str] = []
    marked = True
    for op in ops:
        if op.tag != "delete":
            continue
        at_end = op.src_start == 0 or op.src_end == len(lp)
        marked = marked and (at_end or op.dest_start in cuts)
        dropped += lp[op.src_start : op.src_end]
    return marked, tuple(dropped)


def _changed(a: list[str], b: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "delete":
            out += a[op.src_start : op.src_end]
        elif op.tag == "insert":
            out += b[op.dest_start : op.dest_end]
    return tuple(out)


_FUNCTION = _data.words("quotes", "function")


def _content_overlap(a: list[str], b: list[str]) -> float:
    ca = {w for w in a if w not in _FUNCTION}
    cb = {w for w in b if w not in _FUNCTION}
    if not ca or not cb:
        return 0.0
    return len(ca & cb) / min(len(ca), len(cb))
