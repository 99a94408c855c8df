"""Finding quotations in one paragraph or sentence: their marks and spans, the speaker the text states, and the
pronoun of a '..." he said' for the article to resolve."""

from __future__ import annotations

import re

from ..memo import per_sentence
from ..sentences import sentence_spans
from ..speakers import (
    CAPITALISED_RUN,
    NAMING_TAIL,
    PARTICIPLES,
    QUOTE_DATA,
    QUOTE_MARK,
    SPEECH_VERB,
    SPEECH_VERBS,
    blank_quotes,
    person_name,
    speaker_in_sentence,
)
from ._shared import _ATTRIBUTION_TAIL, _WORD, ATTRIBUTION_WORDS, Quotation

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
# A full stop may stand in it after an abbreviation or an initial ('He added, with a reference to Gen. David H.
# Petraeus: "...').
_ABBREVIATED = r"(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{2})|(?<=\b[A-Z][a-z]{3}))\."
# A pronoun's speech verb, perhaps after an auxiliary or a time adverb ('he has said', 'she later told').
_SPEAKS = rf"\s+(?:(?:has|had|also|then|later)\s+)*(?:{SPEECH_VERBS})"
_PRONOUN_LEAD_IN = re.compile(
    rf"\b(he|she|they|it|we){_SPEAKS}\b"
    rf"(?:[^\"“”«».!?]|{_ABBREVIATED}){{0,60}}$",
    re.IGNORECASE,
)


# 'he told reporters in Washington that the Justice Department would ... and would "...': the words quoted in the
# speech the pronoun reports are the pronoun's, as a named subject's are (speakers._reporting_speaker).
_PRONOUN_REPORTED = re.compile(
    rf"\b(he|she|they|we){_SPEAKS}(?:\s+[\w’'-]+,?){{0,6}}?\s+that\b"
    rf"(?:[^\"“”«».!?]|{_ABBREVIATED}){{0,200}}$",
    re.IGNORECASE,
)


# 'It described Mr. Banky as "...', 'she called the plan "...': the pronoun names what the quotation then calls
# something, as a named subject does (speakers._NAMING).
_PRONOUN_NAMING = re.compile(rf"\b(he|she|they|it|we)\s+(?:{QUOTE_DATA['naming_verbs']})" + NAMING_TAIL, re.IGNORECASE)


# 'he dismissed them, saying "...': the pronoun is the subject of the clause the participle follows.
_PRONOUN_PARTICIPLE = re.compile(
    rf"\b(he|she|they|we)\s+(?:\w+\s+){{0,2}}?\w+ed\b[^\"“”«».!?]{{0,120}},\s+(?:{PARTICIPLES})"
    rf"\b[^,;.!?\"“”]{{0,80}}$",
    re.IGNORECASE,
)


def _pronoun_speaker(text: str, q: Quotation) -> tuple[str, bool] | None:
    """The pronoun of a '..." he said', 'He added: "..."', 'He called Orozco "..."' or 'he dismissed them, saying "..."'
    attribution, lowercased, or None; and whether it names what it calls something (a naming verb) rather than saying
    it: such a pronoun stands for the person the story was telling of, not the last one quoted."""
    m = _PRONOUN_ATTRIBUTION.match(text, q.end + 1) if q.closed else None
    if m:
        return (m.group(1) or m.group(2)).lower(), False
    lead = max(0, q.start - 100), max(0, q.start - 1)
    m = _PRONOUN_LEAD_IN.search(text, *lead)
    if m is None and (naming := _PRONOUN_NAMING.search(text, *lead)) is not None:
        return naming.group(1).lower(), True
    if m is None:
        m = _PRONOUN_REPORTED.search(text, max(0, q.start - 300), max(0, q.start - 1))
        if m is not None and len(SPEECH_VERB.findall(text, m.start(), max(0, q.start - 1))) > 1:
            m = None  # 'he said that a spokesman told him "...': another voice speaks in the reported speech
    if m is None:
        m = _PRONOUN_PARTICIPLE.search(text, max(0, q.start - 250), max(0, q.start - 1))
    return (m.group(1).lower(), False) if m else None


def _named_before_in_sentence(text: str, q: Quotation, earlier: str) -> str | None:
    """For 'sent to Mr. Petraeus, he dismissed them, saying "...' or 'The center's president, Cathi Herrod, has been
    deriding what she called "...': the person named last before the pronoun in the quotation's own sentence, or None
    (then the pronoun's antecedent is read as usual)."""
    m = _PRONOUN_PARTICIPLE.search(text, max(0, q.start - 250), max(0, q.start - 1)) or _PRONOUN_NAMING.search(
        text, max(0, q.start - 100), max(0, q.start - 1)
    )
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
