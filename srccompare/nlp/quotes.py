"""Quotations: find them, name their speaker, and say how two outlets' versions of one relate.

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
from functools import lru_cache

from rapidfuzz.distance import Indel

from .. import data as _data
from ..model import Sentence
from .memo import per_sentence
from .sentences import sentence_spans
from .tokens import STOP_WORDS, fold_spellings

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


_QUOTES = _data.load("quotes")
_SPEECH_VERBS = "|".join(_QUOTES["speech_verbs"].split())
_PARTICIPLES = "|".join(_QUOTES["participles"].split())
_VERB = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
_PRONOUNS = _data.words("quotes", "pronouns")
_DETERMINERS = _data.words("quotes", "determiners")
_TITLES = _data.words("quotes", "titles")
# Words that end a speaker phrase after "said": 'said the Russian leader yesterday on the...'.
_PHRASE_END = _data.words("quotes", "phrase_end")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPEAKER_WORD = re.compile(r"[^\W_][\w’'.-]*")
_AGE_WORD = re.compile(r"\d{1,3}-years?-old")

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
        if stripped:
            speaker = _speaker(text, a, b, closed, bounds)
            quote = Quotation(stripped, a + lead, a + lead + len(stripped), speaker, closed)
            if speaker is None and out and out[-1].speaker and _continues(text, out[-1], quote):
                quote = Quotation(quote.text, quote.start, quote.end, out[-1].speaker, closed)
            out.append(quote)
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
    for index, para in enumerate(paragraphs):
        quotes = find_quotes(para)
        previous: Quotation | None = None
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
                    speaker = _person_before(paragraphs, index, quote.start)
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
            if speaker is None and not quote.closed:
                # A remark that runs on and is attributed where it closes, paragraphs later:
                # '"It wasn't typical ...' / 'You got the feeling ... wrong," Pigeon told ...'
                speaker = _closing_speaker(paragraphs, history, index)
            if speaker is None and previous is None and index and ending is None and _opens(para, quote):
                # 'Darin Schroeder, Vice President ..., agreed with the decision.' then his words as a
                # paragraph of their own, attributed nowhere
                speaker = _named_subject(paragraphs[index - 1])
            speaker = speaker if speaker is None or _plausible_speaker(speaker) else None
            previous = Quotation(quote.text, quote.start, quote.end, speaker, quote.closed)
            history.append((index, position, speaker or ""))
            out.append(Quotation(quote.text, offset + quote.start, offset + quote.end, speaker, quote.closed))
        ending = previous if previous is not None and previous.speaker and _ends(para, previous) else None
        running = previous if previous is not None and not previous.closed else None
        offset += len(para) + len(PARAGRAPH_SEPARATOR)
    return out


def _plausible_speaker(speaker: str) -> bool:
    """Whether a speaker read off the text can be one: not a name run across a sentence end ('Ames Straw
    Poll. She'), nor one lower-case word that names nobody ('though', 'immediately', 'year'). No speaker
    is better than a wrong one."""
    if _RUN_ACROSS_SENTENCES.search(speaker):
        return False
    if " " in speaker or not speaker.islower():
        return True
    return not (speaker in STOP_WORDS or speaker.endswith("ly") or speaker in _NOT_SPEAKERS)


# A capitalised run that crossed a sentence end into the next sentence's pronoun: 'KTVI. He'.
_RUN_ACROSS_SENTENCES = re.compile(r"\w{2}\.\s+(?:He|She|They|It|We|I)$")
_NOT_SPEAKERS = _data.words("quotes", "not_speakers")


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
    if at is None and _QUOTE_MARK.search(para) is not None:
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
    return tuple(m.start() for m in _VERB.finditer(paragraph))


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
    who = _speaker_after(rest)
    if who is None:
        said = _PRONOUN_ATTRIBUTION.match(rest)
        pronoun = (said.group(1) or said.group(2) or "").lower() if said else None
    else:
        pronoun = who.lower() if who.lower() in _PRONOUNS else None
    if pronoun in ("he", "she"):
        # '... knows village life well," she said.': the person named before
        return _antecedent(paragraphs, history, j, named=True) or _person_before(paragraphs, j, at)
    return None if pronoun is not None else who


def _closes_in(paragraphs: Sequence[str], index: int) -> int | None:
    """The later paragraph where a quotation that opened in paragraph ``index`` and runs on closes: the
    first whose first quote mark closes (``_closing_at``), with no paragraph reopening the quotation
    before it; None when none does within PRONOUN_REACH paragraphs."""
    for j in range(index + 1, min(len(paragraphs), index + 1 + PRONOUN_REACH)):
        if _QUOTE_MARK.search(paragraphs[j]) is None:
            continue  # a paragraph of the quotation with no mark (one sentence a line)
        return j if _closing_at(paragraphs[j]) is not None else None
    return None


def _closing_at(text: str) -> int | None:
    """Where a paragraph's first quote mark closes a quotation that ran on from a paragraph before, or
    None: a closing curly mark, a straight one right after a word, or a straight one after a space that
    ends the paragraph or that only the attribution follows (ECB+'s re-spaced marks: 'into the equation,
    "Brimmer said, adding ...'). A mark that opens the paragraph opens a quotation."""
    mark = _QUOTE_MARK.search(text)
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
    if not rest.strip() or (_QUOTE_MARK.search(rest) is None and _speaker_after(rest) is not None):
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
    if m is None or _QUOTE_MARK.search(para, m.end()):
        return None
    words = m.group(1).split()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)  # "The ..."
    return " ".join(words) or None


# After the name at a paragraph's opening, its appositive if any ('Darin Schroeder, Vice President for
# Conservation Advocacy at ..., agreed'), then the lower-case word of its verb.
_SUBJECT_VERB = re.compile(rf"(?:,[^.;:!?\"“”]{{1,150}},)?\s+(?:[a-z]+\s+)?(?:[a-z]+(?:ed|s)|{_SPEECH_VERBS})\b")


def _named_subject(para: str) -> str | None:
    """The person a paragraph opens with as the subject of its first sentence, when the paragraph quotes
    nobody: the speaker of a quotation that makes up the next paragraph with no attribution of its own."""
    if _QUOTE_MARK.search(para):
        return None
    m = _PERSON.match(para)
    if m is None or m.group().split()[0].lower() in STOP_WORDS | _CALENDAR:
        return None
    verb = _SUBJECT_VERB.match(para, m.end())
    # another's speech verb after it ('..., her rep confirms to PEOPLE.'): the quotation may be theirs
    if verb is None or _VERB.search(para, verb.end()) is not None:
        return None
    return m.group()


def _leads_in(para: str) -> bool:
    """Whether a paragraph ends by introducing a quotation: a speech verb, then a colon; or a
    short attribution closing what the speaker said in reported speech ('Page was hardly tawdry,
    though, Yeager said.')."""
    text = para.rstrip()
    if text.endswith(":"):
        return _VERB.search(text) is not None
    return text.endswith(".") and _ATTRIBUTION_TAIL.search(text) is not None


# ', Yeager said.' / ', said Yeager.' / ', he added.' closing a paragraph.
_ATTRIBUTION_TAIL = re.compile(
    rf",\s*(?:(?:[\w.'’-]+\s+){{1,4}}(?:{_SPEECH_VERBS})|(?:{_SPEECH_VERBS})(?:\s+[\w.'’-]+){{1,4}})\.$"
)


def _lead_in_speaker(paragraphs: Sequence[str], history: list[tuple[int, int, str | None]], index: int) -> str | None:
    """The speaker a paragraph ending in 'X said:' gives the quotation that opens the next one; a
    pronoun ('She added:') is resolved as in the same paragraph."""
    lead = paragraphs[index - 1].rstrip().rstrip(".")
    verb = list(_VERB.finditer(lead))[-1]
    # 'said Yeager:' names the speaker after the verb; 'Putin told reporters:' before it
    after = lead[verb.end() :].rstrip(":").split()
    who = _phrase(after, forward=True) if after else None
    if who is not None and not " ".join(after).endswith(who):
        who = None  # 'said the figures were released on Monday:' is what was said, not who
    if who is None:
        who = _speaker_before(lead)
    if who is None or who.lower() not in _PRONOUNS:
        return who
    pronoun = who.lower()
    found = _antecedent(paragraphs, history, index, named=pronoun not in ("it", "they"))
    if found is None and pronoun in ("he", "she"):
        found = _person_before(paragraphs, index - 1, len(lead))
    return found


def _opens(para: str, quote: Quotation) -> bool:
    """Whether a quotation opens its paragraph (nothing but its mark before it)."""
    return not _QUOTE_MARK.sub("", para[: quote.start]).strip()


def _ends(para: str, quote: Quotation) -> bool:
    """Whether a quotation ends its paragraph: it runs on past it, or at most its attribution
    follows ('"...," Christie said.'), or the attribution and the speaker's participle ('..." he said,
    adding that ...')."""
    if not quote.closed:
        return True
    tail = _QUOTE_MARK.sub(" ", para[quote.end :]).strip()
    return not tail.strip(",.;:!?…") or (
        tail[-1:] in ".!?"
        and (
            (len(tail.split()) <= 12 and _VERB.search(tail) is not None)
            or _GOES_ON.match(tail) is not None
            # the speaker with a long appositive, the verb last: ', Tadzhigul Begmedova, director of the
            # Turkmenistan Helsinki Foundation for Human Rights, said from Bulgaria.'
            or (len(tail.split()) <= ATTRIBUTION_WORDS and _VERB_LAST.search(tail) is not None)
        )
    )


# An attribution with an appositive is at most this many words long.
ATTRIBUTION_WORDS = 30
# A speech verb ending the paragraph with at most three words after it ('said from Bulgaria.'), or with
# where or how it was said, opened by a preposition ('said by telephone from Varna, Bulgaria.'): no
# reported clause follows it.
_VERB_LAST = re.compile(
    rf"\b(?:{_SPEECH_VERBS})(?:(?:\s+[\w.'’-]+){{0,3}}"
    rf"|\s+(?:{'|'.join(sorted(_data.words('quotes', 'prepositions')))})(?:,?\s+[\w.'’-]+){{1,7}})[.!?]$"
)


# '..." he said, adding that the weather was warm.', '..." Merkel told lawmakers, urging them to ...': the
# attribution, then a participle clause of the same speaker.
_GOES_ON = re.compile(
    rf"[,\s]*(?:[\w.'’-]+\s+){{0,4}}(?:{_SPEECH_VERBS})\b[^,.!?]{{0,40}},\s+(?:{_PARTICIPLES}|(?!according|including)[a-z]+ing)\b"
)


def _continues(para: str, previous: Quotation, quote: Quotation) -> bool:
    """Whether only an attribution (or nothing) stands between two quotations of a paragraph."""
    between = _QUOTE_MARK.sub(" ", para[previous.end : quote.start]).strip()
    if not between.strip(",.;:!?…"):
        return True
    # the attribution must close with punctuation: '..., organisers said, and "..."' is another clause
    return len(between.split()) <= 12 and _VERB.search(between) is not None and between[-1] in ".,:;"


# A pronoun refers to someone met in the last few paragraphs; further back, a guess is worse than None.
PRONOUN_REACH = 3


def _antecedent(
    paragraphs: Sequence[str], history: list[tuple[int, int, str | None]], current: int, named: bool
) -> str | None:
    """The nearest earlier speaker: a named one (for he/she), or any quotation's (for it/they)."""
    for index, position, speaker in reversed(history):
        if index < current - PRONOUN_REACH:
            break
        if speaker is None:
            if not named:
                continue
            speaker = _subject_before(paragraphs[index], position) or ""
        if speaker and (not named or _is_named(speaker)):
            return speaker
    return None


# A person's name: two to five capitalised words (a title before it included), an initial or name particles
# allowed ("Tara Reid", "Louise M. Slaughter", "Bill de Blasio", "President Ursula von der Leyen").
_PARTICLES = "|".join(_QUOTES["name_particles"].split())
_PERSON = re.compile(rf"\b[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+(?:(?:{_PARTICLES})\s+){{0,2}}[A-Z][a-z’'-]+){{1,4}}\b")
_CALENDAR = _data.words("quotes", "calendar")


def _blank_quotes(text: str) -> str:
    """``text`` with its double-quoted passages blanked (same length): names inside a quotation are
    the speaker's words, not who speaks."""
    return _DOUBLE_QUOTED.sub(lambda m: " " * len(m.group()), text)


_DOUBLE_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def _person_before(paragraphs: Sequence[str], current: int, position: int) -> str | None:
    """The person a "he" or "she" at ``position`` of paragraph ``current`` stands for, among the people
    named before it (this paragraph, then up to PRONOUN_REACH paragraphs back) outside quotation
    marks: "she said" after "Tara Reid ..." is Tara Reid, though Reid was not quoted before. A body
    ("the Fire Department") is no person. When several are named, the one the article has named
    most so far, the last named on a tie: "Howard Hughes also pursued Page but she rebuffed him" /
    '"I never returned any of his calls," she said' is Page's, whom the story is about."""
    earlier = "\n".join(paragraphs[: current + 1])
    found: list[tuple[int, int, str]] = []
    for index in range(current, max(-1, current - PRONOUN_REACH - 1), -1):
        text = paragraphs[index][:position] if index == current else paragraphs[index]
        text = _blank_quotes(text)
        for m in _PERSON.finditer(text):
            name = _person_name(m.group().split(), text[: m.start()], earlier)
            if name:
                found.append((index, m.start(), name))
        for m in _SURNAME.finditer(text):
            name = _full_name(m.group(), earlier)
            if name:
                found.append((index, m.start(), name))
        for m in _OPENING_SURNAME.finditer(text):
            name = _full_name(m.group(1), earlier)
            if name:
                found.append((index, m.start(1), name))
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[1]), reverse=True)
    mentions = {name: len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", earlier)) for _, _, name in found}
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


def _person_name(words: list[str], before_text: str, earlier: str) -> str | None:
    """The person a capitalised run names, or None for a date, a title, a body, a place or a thing."""
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)  # "When Reid ...": the capital opens the sentence
    titled = [k for k, w in enumerate(words) if w.lower().rstrip(".") in _TITLES]
    if titled:
        words = words[titled[-1] + 1 :]  # "Public Advocate Bill de Blasio": the name after the title
    if not words or any(w.lower() in _CALENDAR for w in words) or _is_body(words) or words[-1].lower() in _PLACE_HEADS:
        return None  # "Banstead High Street" is no person
    before = before_text.split()[-1:]
    if before and before[0].lower() in ("the", "of", "in", "at", "from", "to"):
        return None  # "the White House", "in New York": a place or a thing
    if len(words) == 1:
        return _full_name(words[0], earlier)
    return " ".join(words)


def _full_name(surname: str, earlier: str) -> str | None:
    """The full name the article gave a surname earlier ("Reid" -> "Tara Reid"), if any."""
    if surname.lower() in _CALENDAR or surname.lower() in _TITLES or surname.lower() in _PLACE_HEADS:
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


def quote_words(text: str) -> list[str]:
    """Lowercased words of a quotation without marks, ellipses or bracketed insertions."""
    return _plain(_tokens(text)[0])


def normalize_quote(text: str) -> str:
    """Fold quote marks and every form of ellipsis to one marker, and collapse whitespace."""
    text = _FOLD_MARKS.sub(lambda m: _MARK_MAP[m.group()], text)
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


# After a remark's last word and its comma, the attribution closing the paragraph: '..., “DiLeo said.'
_CLOSING_ATTRIBUTION = re.compile(rf"(?:[\w.'’-]+\s+){{1,4}}(?:{_SPEECH_VERBS})\b(?:\s+[\w.'’-]+){{0,3}}[.!?]$")


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


def _speaker(text: str, start: int, end: int, closed: bool, bounds: list[tuple[int, int]]) -> str | None:
    """The speaker stated in the quotation's own sentence, or None (pronouns included).

    ``start``/``end`` are the raw quoted span (the marks sit at start - 1 and end); ``bounds`` are
    the text's sentence spans, so '...world." He claimed...' names no speaker for that quotation.
    """
    who = None
    if closed:
        sentence_end = next((e for s, e in bounds if s <= end < e), end)
        who = _speaker_after(text[end + 1 : sentence_end])
    if who is None and start > 0:
        sentence_start = next((s for s, e in bounds if s <= start - 1 < e), 0)
        who = _speaker_before(text[sentence_start : start - 1])
    if who is None:
        return None
    return None if who.lower() in _PRONOUNS else who


# '..." the New York Daily News quoted witness Devonte Brown as saying.'
_QUOTED_AS_SAYING = re.compile(r"[\s,]*(?:[\w.'’&-]+\s+){0,6}?quoted\s+((?:[\w.'’-]+\s+){1,6}?)as\s+saying\b")


def _speaker_after(rest: str) -> str | None:
    rest = _QUOTE_MARK.split(rest, maxsplit=1)[0]
    quoted = _QUOTED_AS_SAYING.match(rest)
    if quoted:
        caps = _trailing_capitals(quoted.group(1).split())
        if caps:
            return " ".join(_name_tail(caps))
    m = re.match(rf"[\s,.;:!?]*(?:({_SPEECH_VERBS}|according\s+to)\b\s+)?", rest)
    if m and m.group(1):
        return _phrase(rest[m.end() :].split(), forward=True)
    verb = _VERB.search(rest)
    if verb is None:
        return None
    return _subject_before(rest, verb.start())


# What may stand between a speech verb and the quotation it introduces: 'told reporters on Monday:'.
_LEAD_IN = re.compile(r"[\s:,]*(?:(?!(?:and|but|or|if|while|when|because)\b)[\w’'-]+[\s:,]*){0,7}")
_QUOTE_MARK = re.compile(r"[\"“”«»]")


def _speaker_before(head: str) -> str | None:
    whole = head
    head = _QUOTE_MARK.split(head)[-1]
    verbs = list(_VERB.finditer(head))
    if not verbs or not _LEAD_IN.fullmatch(head, verbs[-1].end()):
        return _participle_speaker(whole) or _naming_speaker(head)
    return _subject_before(head, verbs[-1].start())


# 'X called the announcement "...', 'Y described the layout as "...': the quoted words are the subject's
# name for something. Not after an article or an auxiliary ('a movie called "...', 'has been described as').
_NAMING = re.compile(
    rf"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bbeen )(?<!\bwas )(?<!\bis )(?<!\bwere )(?<!\bare )\b(?:{_QUOTES['naming_verbs']})"
    r"\s+(?:(?!(?:and|but|or|to|that)\b)[\w'’-]+\s+){0,4}(?:as\s+)?$"
)


def _naming_speaker(head: str) -> str | None:
    """The named subject of a verb that names what the quotation then calls something ('Rep. Nick J.
    Rahall II ..., called the announcement "one more indication ..."'), or None."""
    m = _NAMING.search(head)
    if m is None:
        return None
    who = _subject_before(head, m.start())
    return who if who and _is_named(who) else None


# ', saying: "', ', adding that "': the quotation is said by the subject of the clause before.
# Up to a few words of reported speech may come between ('..., saying the country needs "a steady hand"').
_PARTICIPLE = re.compile(rf"(?:,\s+|\bstatement\s+)(?:{_PARTICIPLES})\b[^,;.!?\"“”]{{0,80}}$")


def _participle_speaker(head: str) -> str | None:
    """The speaker of 'Prime Minister Costas Karamanlis dismissed calls to quit, saying "...': the
    person the sentence opens with (its subject), outside quotation marks. 'Police arrested John
    Smith, saying ...' names no speaker: John Smith is no subject."""
    if not _PARTICIPLE.search(head):
        return None
    plain = _blank_quotes(head)
    for m in _CAPITALISED_RUN.finditer(plain):
        # An opening clause set off by a comma ("Trying to quell the furor, Steele issued ...") is no subject.
        if any(not _opens_subject(w) for w in plain[: m.start()].rsplit(",", 1)[-1].split()):
            return None  # a lower-case word before it: the subject was another
        after = plain[m.end() :].split()[:1]
        if after and not (after[0].endswith(("ed", ",")) or after[0].lower() in _AUXILIARIES):
            # The name must be the subject, its verb next: "Senior White House officials ..., warning"
            # is no person's remark.
            continue
        words = m.group().split()
        while words and (words[0].lower().rstrip(".") in _TITLES or words[0].lower() in STOP_WORDS):
            words.pop(0)
        name = _person_name(words, plain[: m.start()], plain) if words else None
        if name:
            return name
    return None


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*\.?(?:\s+[A-Z][\w’'-]*\.?)*")


def _opens_subject(word: str) -> bool:
    """A word that may stand before the subject's name: a capitalised word, a title, a determiner."""
    bare = word.strip(",.;:").lower()
    return not bare or word[:1].isupper() or bare in _TITLES or bare in _DETERMINERS


_PRONOUN_ATTRIBUTION = re.compile(
    rf"[\s,.;:!?]*(?:(he|she|they|it|we)\s+(?:{_SPEECH_VERBS})|(?:{_SPEECH_VERBS})\s+(he|she))\b", re.IGNORECASE
)


# 'He added: "...', 'she told reporters on Monday, "...'
_PRONOUN_LEAD_IN = re.compile(
    rf"\b(he|she|they|it|we)\s+(?:(?:has|had|also|then|later)\s+)*(?:{_SPEECH_VERBS})\b[^\"“”«».!?]{{0,60}}$",
    re.IGNORECASE,
)


# 'he dismissed them, saying "...': the pronoun is the subject of the clause the participle follows.
_PRONOUN_PARTICIPLE = re.compile(
    rf"\b(he|she|they|we)\s+(?:\w+\s+){{0,2}}?\w+ed\b[^\"“”«».!?]{{0,120}},\s+(?:{_PARTICIPLES})"
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
    sentence = _blank_quotes(sentence)
    named = None
    for run in _CAPITALISED_RUN.finditer(sentence):
        named = _person_name(run.group().split(), sentence[: run.start()], earlier) or named
    return named


_CLAUSE = re.compile(r"[,;:()\"“”—–]|\s-\s")
# 'R-Calif.', 'D-N.Y.', 'R-TX' (a name such as Strauss-Kahn is no tag); or an age ('Makaeo Williams, 18, said').
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*\.?|\d{1,3}")
_AFTER_NAME = _data.words("quotes", "after_name")
_AUXILIARIES = _data.words("quotes", "auxiliaries")
_PREPOSITIONS = _data.words("quotes", "prepositions")
_PLACE_HEADS = _data.words("quotes", "place_heads")


def _subject_before(text: str, verb_at: int) -> str | None:
    """The noun phrase just before a speech verb: 'Japan's government spokesman Yoshimasa Hayashi'."""
    segments = _CLAUSE.split(text[max(0, verb_at - 300) : verb_at])
    found: str | None = None
    found_alone = True
    # Whether a clause mark stands between the verb and the segment read: 'X, a lawyer, said'.
    comma_before_verb = False
    for segment in reversed(segments[-4:]):
        if not segment.strip() or _PARTY_TAG.fullmatch(segment.strip()):
            comma_before_verb = True
            continue  # 'Rep. Dana Rohrabacher, R-Calif., said'
        words = segment.split()
        while words and words[-1].lower() in _AUXILIARIES:
            words.pop()
        if found is None and words and words[0].lower() in _PREPOSITIONS:
            # 'and, in a particularly careful phrasing, said': an adverbial, not the subject
            found = ""
            continue
        phrase = _phrase(words[-12:], forward=False)
        if found is None:
            found = phrase
            # the name is the whole clause ('..., Angela Merkel, said'), not one a description mentions
            # ('Elizabeth Lauten, the communications director for Rep. Stephen Fincher, wrote')
            found_alone = phrase is not None and len(words) <= len(phrase.split()) + 1
            # an appositive ('Mr. Labrador, a former immigration lawyer, said'; 'James Steele, chief
            # of the Central Mat-Su Fire Department, told'): the name is before it. Without the
            # comma ('... in Malibu, her publicist confirmed') the description is the subject.
            if comma_before_verb and words and (words[0].lower() in _DETERMINERS or _role_of_body(words)):
                continue
        elif phrase and _is_named(phrase):
            return phrase
        break
    if found and comma_before_verb and verb_at <= 300 and len(segments) <= APPOSITIVE_SEGMENTS + 2:
        # a longer appositive, or one without an article ('Betsy Loyless, National Audubon Society senior
        # vice president for advocacy and policy, said'; 'William L. Kovacs, the ... vice president of
        # environment, technology and regulatory affairs, said'; 'Captain Manohar Nambiar, Chief Public
        # Relations Officer, Defence, said'): the person whose name opens the sentence
        opening = _opening_name(segments[0])
        if opening is not None and (
            not _is_named(found) or (len(found.split()) == 1 and len(opening.split()) >= 2) or not found_alone
        ):
            return opening
    return found or None


# An appositive between a name and its speech verb has at most this many commas inside it.
APPOSITIVE_SEGMENTS = 3


def _opening_name(segment: str) -> str | None:
    """The name a clause that is only a name gives ('But William L. Kovacs'), or None."""
    words = segment.split()
    described = False  # 'The German Chancellor, Angela Merkel, ...': a title, the name comes after
    while words and words[0].lower() in STOP_WORDS:
        described |= words[0].lower() in _DETERMINERS
        words.pop(0)  # 'But', 'And'
    if not 1 <= len(words) <= 8 or not all(w[:1].isupper() for w in words):
        return None  # up to a title of a few words and a name: 'New York City Councilman Jumaane D. Williams'
    if described and words[-1].lower().rstrip(".,") in _TITLES:
        return None
    phrase = _phrase(words, forward=False)
    return phrase if phrase and _is_named(phrase) else None


@lru_cache(maxsize=1)
def _organisation_words() -> tuple[frozenset[str], frozenset[str]]:
    from .. import data

    return data.words("names", "organisation_heads"), data.words("names", "connectors")


def _is_body(caps: list[str]) -> bool:
    """A capitalised run that names an organisation ("Red Crescent Societies", "Fire Department")."""
    heads, _ = _organisation_words()
    return bool(caps) and caps[-1].strip(".,;:’'").lower().removesuffix("’s").removesuffix("'s") in heads


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
            if k and all(x.isalpha() for x in lead) and any(x in _TITLES for x in lead):
                return words[k:]
            return words
        if w.lower() in _DETERMINERS or not w.isalpha():
            return words
    return words


def _phrase(words: list[str], forward: bool) -> str | None:
    """Trim a run of words to the speaker's name (or noun phrase), titles dropped. A body's name
    is kept whole: "Red Crescent Societies" is never the tail of a person's name."""
    if forward:
        while words and _AGE_WORD.fullmatch(words[0].rstrip(",")):
            words = words[1:]  # 'said 61-year-old Anargyros Bizianis'
        words = _after_lowercase_title(words)
        kept: list[str] = []
        _, connectors = _organisation_words()
        for k, w in enumerate(words[:10]):
            bare = w.rstrip(",;:!?")
            # "Gov.", "Sgt.", "J.": a short title or an initial; "said the former president." ends there
            abbreviation = bare.endswith(".") and ((bare[:-1].lower() in _TITLES and len(bare) <= 5) or len(bare) == 2)
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
        words = kept
        if words and not words[0][:1].isupper() and words[0].lower() not in _DETERMINERS:
            # 'in "Revolutionary Road," said strike concerns are hitting': reported speech, no speaker
            return None
    else:
        plain = [w.rstrip(",;:") for w in words]
        body = _body_name(plain, len(plain)) if plain and plain[-1][:1].isupper() else []
        if any(_is_body([w]) for w in body):
            return " ".join(body)
        if 3 <= len(plain) <= 5 and plain[-2].lower() in _WHERE and plain[-1][:1].isupper() and plain[-3].islower():
            # 'one woman in Qeshm told AFP': the place where the speaker is, not the speaker
            return " ".join(plain)
        # keep the phrase after the last clause word: 'the statement said Seoul told' -> 'Seoul'
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in _PHRASE_END or _VERB.fullmatch(words[i]):
                words = words[i + 1 :]
                break
        words = [w for w in words if _SPEAKER_WORD.fullmatch(w)]
        if len(words) > 2 and words[0].lower() not in _DETERMINERS and words[1].lower() in _DETERMINERS:
            words = words[1:]  # 'Then an unseen announcer announces:': an adverb before the noun phrase
    if not words:
        return None
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
    return phrase if len(words) <= 4 else None


# A preposition putting a described speaker somewhere ('one woman in Qeshm').
_WHERE = _data.words("quotes", "where")


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
    keep = 2
    if caps[-1].rstrip(".,") in ("Jr", "Sr", "II", "III", "IV"):
        keep += 1
    while keep < len(caps) and re.fullmatch(r"[A-Z]\.", caps[-keep]):
        keep += 1
    return caps[-keep:]


def _is_named(speaker: str) -> bool:
    """A person's or body's name ('Vladimir Putin', 'Seoul'), not a description ('the statement')."""
    words = speaker.split()
    return words[0].lower() not in _PRONOUNS and all(w[0].isupper() for w in words)


# --- comparing ---------------------------------------------------------------------------------

_MARK_MAP = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‹": "'", "›": "'"}
_FOLD_MARKS = re.compile("[" + "".join(_MARK_MAP) + "]")
_ELLIPSES = re.compile(r"\s*(?:[\[(]\s*(?:\.\s*){2,}\.?\s*[\])]|[\[(]\s*…\s*[\])]|(?:\.\s*){2}\.|…)\s*")
_BRACKETED = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_TOKEN = re.compile(rf"{ELLIPSIS}|\x00[^\x01]*\x01|[^\W_]+(?:['’][^\W_]+)*")


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Lowercased words, ``…`` for every ellipsis, and bracketed words as ``[word]``."""
    text = normalize_quote(text).lower()
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
    # A name spelled another way (Kiev / Kyiv) is the outlet's style, not a change to the words said.
    return fold_spellings(tokens), inserted


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
