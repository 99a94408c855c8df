"""Split news paragraphs into sentences with character offsets into the article body.

Why our own splitter rather than a library (see ``shared/notes/perf-anchors.md``):

- blingfire is fast and accurate, but it is a 99 MB ctypes ``.so`` with no wheel for Linux arm64
  (BlingFire#137), it imports numpy without declaring it, it is dormant, and it misses sentences
  that start with a digit.  Users on arm64 (Raspberry Pi, Graviton, Linux containers on Apple
  silicon) could not install srccompare at all.
- pysbd never splits inside a quotation (by design), which merges whole quoted passages in
  news, and it is abandoned and 0.3 MB/s.
- syntok is pure Python but dormant, 0.7 MB/s, and splits after ``Rep.``, ``Lt. Col.`` and
  ``Calif. (AP)``.
- nupunkt's default model is trained on legal text and treats *day*, *week*, *human*... as
  abbreviations, so real boundaries after those words are lost; it needs Python >= 3.11.

Every library also breaks ``"...can they do?" Putin said.`` in two, so a news rule layer was
needed whatever we chose.  A rule-based splitter in pure Python with one precompiled regex for
the candidate boundaries runs everywhere CPython runs (macOS, arm64, Windows), adds no
dependency and no import time, and is fast because only the few candidates (terminal
punctuation followed by whitespace) are examined by Python code: about 34 MB/s on one core on
the BASIL bodies, with 7 false splits in 8,152 MRPC news sentences and 29 missed boundaries in
8,144 joined pairs (``python -m bench ../shared/bench --only sentences``).

The rules, applied at each candidate ``[.!?…]+`` + closing quotes/brackets + whitespace:

- never split when the next word starts in lowercase (``e.g. the``, ``... our neighbours``,
  ``"Hands!" an officer shouted``);
- titles (Mr., Dr., Gen., Lt. Col., Rep., Sen., Gov. ...) never end a sentence, also when joined
  (then-Gov.);
- initials (``J. R. R. Tolkien``), dotted acronyms (``U.S.``, ``a.m.``), ellipses and other
  ambiguous abbreviations (St., Inc., Corp., Jr., Sept., Calif. ...) end a sentence only when the
  next word is a typical sentence opener (The, He, But, In ...);
- before a digit, ``No. 2``, ``Sept. 19``, ``pp. 12`` stay together, as does a figure re-spaced at its
  decimal point (``5. 9``, ``6. 30am``, ``a loaded. 38-caliber``: one to three digits after a lowercase
  word); any other word, or a year, ends the sentence;
- a quotation ending in ``?`` or ``!`` keeps its attribution (``"...can they do?" Putin said``),
  as does ``."`` followed by a bare ``Putin said.``; closing quotes stay with their sentence;
- datelines such as ``Seoul (AsiaNews/Agencies) – Russian...`` have no candidate and stay put.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import data as _data
from ..model import Sentence

PARAGRAPH_SEPARATOR = "\n\n"

_CLOSERS = "\"”’'»)]›"
_OPENERS = "\"“‘'«([‹"
# A terminal run, the closing quotes or brackets glued to it, then the whitespace we may split at.
# One character class up front lets the regex engine skip to candidates fast; Chinese and Japanese
# full stops need no space after them, the others are judged only when whitespace follows.
_CJK_STOPS = "。！？"
_CANDIDATE = re.compile(r"([.!?…" + _CJK_STOPS + r"]+)([" + re.escape(_CLOSERS) + r"」』）]*)(\s*)")
_WORD_AFTER = re.compile(r"[" + re.escape(_OPENERS) + r"]*([^\W_][\w’'.-]*)")

# The splitter's word lists (srccompare/data/sentences.toml): titles never end a sentence, the
# ambiguous abbreviations need a sentence opener after them, some abbreviations take a number.
_TITLES = _data.words("sentences", "titles")
_AMBIGUOUS = _data.words("sentences", "ambiguous")
_BEFORE_NUMBER = _data.words("sentences", "before_number")
_OPENER_WORDS = _data.words("sentences", "openers")
# Longest first, so the alternation never stops at a prefix ("say" in "says").
_SPEECH_VERBS = "|".join(sorted(_data.words("quotes", "speech_verbs"), key=lambda w: (-len(w), w)))
_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}"
# An attribution right after a closing quote: "Putin said", "Mr Putin told reporters", "said Putin".
_ATTRIBUTION = re.compile(rf"(?:{_NAME}\s+(?:{_SPEECH_VERBS})|(?:{_SPEECH_VERBS})\s+[A-Z])\b")
# The same, but nothing else follows: '..." Putin said.' (not '..." Putin said the talks...').
# ('..." He added, "..."' starts a new sentence, so a comma does not count here.)
_ATTRIBUTION_ONLY = re.compile(rf"(?:{_NAME}\s+(?:{_SPEECH_VERBS})|(?:{_SPEECH_VERBS})\s+{_NAME})\s*(?:\.|$)")
_ARTICLES = frozenset({"a", "an", "the"})
_SHORT_NUMBER_END = re.compile(r"(?<!\d)\d{1,2}$")
_RESPACED_DECIMAL = re.compile(r"\. \d{1,3}(?![\d.]|, ?\d)")
_LOWER_WORD_END = re.compile(r"(?<![\w.])[a-z]+\Z")
# A figure's decimal part and its scale or percent after a re-spaced point ("$368. 0 million", "12. 5 percent").
_RESPACED_SCALED = re.compile(
    r"\. \d{1,2}\s?(?:%|(?:percent|per cent|million|billion|trillion|thousand|bn|mn)\b)", re.I
)
_DIGITS_END = re.compile(r"\d\Z")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_END = re.compile(rf"(?<!\d){_YEAR.pattern}\Z")


def respaced_decimal(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` is a decimal point that re-spaced text moved after a lower-case
    word ("a loaded. 38-caliber revolver" for "a loaded .38-caliber", as ECB+ writes it): one to three
    digits follow it after one space. News style spells out a number that opens a sentence, save a year,
    so a sentence ending there is rarer than the decimal; the splitter and the number reader agree."""
    return (
        _RESPACED_DECIMAL.match(text, dot) is not None
        and _LOWER_WORD_END.search(text, max(0, dot - 40), dot) is not None
    )


_JOINED = re.compile(r"[-/–](?=[^-/–]*$)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Longer than any abbreviation, initialism or joined form ("PeopleSoft/J.D.") the rules look at.
_LOOKBACK = 64


def split_sentences(paragraphs: Sequence[str]) -> list[Sentence]:
    """Split each paragraph into sentences.

    Offsets index into ``"\\n\\n".join(paragraphs)`` (``Article.body``) and every
    ``Sentence.text == body[start:end]``; sentences are stripped, non-empty, in order and never
    cross a paragraph boundary.
    """
    out: list[Sentence] = []
    offset = 0
    for index, para in enumerate(paragraphs):
        for start, end in _spans(para):
            out.append(Sentence(para[start:end], index, offset + start, offset + end))
        offset += len(para) + len(PARAGRAPH_SEPARATOR)
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Stripped ``(start, end)`` spans of the sentences of one paragraph of text."""
    return list(_spans(text))


def runs_on(line: str, following: str) -> bool:
    """Whether a line that ends in a full stop stops mid-sentence, the next line going on with it: the
    stop is a title's or an abbreviation's the splitter would not end a sentence at ('... the Rev.' /
    'Larry Kroon of the Wasilla Bible Church said Saturday', as a text with one sentence a line cut it)."""
    line = line.rstrip()
    if not line.endswith(".") or line.endswith("..") or not following[:1].isupper():
        return False  # an ellipsis at a line's end is the writer's pause, whatever follows
    # Only the candidate at the join is judged, as _spans would judge it: from the start of the line's last run of
    # stops ("?." as one), with the space and the next line after it.
    start = len(line) - 1
    while start and line[start - 1] in ".!?…":
        start -= 1
    joined = line + " " + following
    m = _CANDIDATE.match(joined, start)
    return m is None or not _is_boundary(joined, m)


def _spans(para: str):
    start = 0
    for m in _CANDIDATE.finditer(para):
        if m.group(1)[-1] in _CJK_STOPS:
            yield from _stripped(para, start, m.end(2))
            start = m.end(2)
        elif m.group(3) and _is_boundary(para, m):
            yield from _stripped(para, start, m.start(3))
            start = m.end(3)
    yield from _stripped(para, start, len(para))


def _stripped(para: str, start: int, end: int):
    chunk = para[start:end]
    body = chunk.strip()
    if body:
        lead = len(chunk) - len(chunk.lstrip())
        yield start + lead, start + lead + len(body)


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    nxt = m.end(3)
    if nxt >= len(para):
        return False  # trailing whitespace: the paragraph end is the boundary
    after = _WORD_AFTER.match(para, nxt)
    if after is None:
        return False  # a dash, a bullet or a stray mark continues the sentence
    word = after.group(1)
    lead = word[0]
    if lead.islower():
        return False  # scripts without case (Hangul, Arabic...) are judged like capitals
    punct, closers = m.group(1), m.group(2)
    if closers and any(c in "\"”’'»›" for c in closers):
        rest = para[nxt : nxt + 80]
        if punct[-1] in "?!" and _ATTRIBUTION.match(rest):
            return False
        if _ATTRIBUTION_ONLY.match(rest):
            return False
        return True
    if punct[-1] in "?!":
        # "agreeing an? 110 billion", "who earns? 900 a month": a currency sign lost to a "?" in the dump. No
        # sentence ends in an article, and news style spells out a number that opens one, save a year.
        if punct == "?" and word[0].isdigit() and not _is_year(word):
            return False
        return _word_before(para, m.start(1)).lower() not in _ARTICLES
    if punct[-1] == "…" or punct.endswith(".."):
        return _opens_sentence(word)  # an ellipsis ends a sentence only before a clear opener
    if closers:
        return True  # "(see below.) Next" ends with the bracket
    return _after_period(para, m.start(1), word)


def _is_year(word: str) -> bool:
    """Whether the word after a mark is a year ("in 2023. 16 ..."), its punctuation aside."""
    return _YEAR.fullmatch(word.rstrip(".,;:")) is not None


def _word_before(para: str, at: int) -> str:
    """The word that ends at ``at`` (the mark after it excluded). A bounded look-back keeps a paragraph with no line
    break (a one-line dump) linear, where searching back for a line break would rescan it before every mark."""
    window = para[max(0, at - _LOOKBACK) : at]
    return window[max(window.rfind(" "), window.rfind("\n"), window.rfind("\t")) + 1 :]


def _after_period(para: str, dot: int, word: str) -> bool:
    """Decide a single period followed by whitespace and a capital or a digit."""
    # Only the word before the dot matters.
    token = _word_before(para, dot).lstrip(_OPENERS)
    if not token or token.endswith("."):
        return _opens_sentence(word)  # ". . ." and other spaced ellipses
    # "then-Gov.", "Minneapolis-St.", "post-Sept. 11", "PeopleSoft/J.D. Edwards": the last part decides.
    token = _JOINED.split(token)[-1] or token
    bare = token.lower()
    acronym = _ACRONYM.fullmatch(token) is not None
    if bare in _ARTICLES:
        return False  # "pulled out a. 38-caliber revolver" (a re-spaced ".38"): no sentence ends in "a"
    if word[0].isdigit():
        # "5. 9 magnitude", "by 6. 30am": a one- or two-digit number, a dot and a number is one
        # detokenised figure (ECB+ and other re-spaced text); a year ends a sentence ("in 2023. 16 ...").
        if _SHORT_NUMBER_END.search(token):
            return False
        if respaced_decimal(para, dot):
            return False  # "a loaded. 38-caliber revolver", "a career. 290 hitter"
        if token[-1] in ",:;":
            return False  # "his career stat line looks like this:. 290 average,. 919 OPS": re-spaced decimals
        if len(token) == 1 and token.isupper() and not _is_year(word):
            return False  # "on E. 52nd St.", "W. 31st": an initial before a number names a street
        if _DIGITS_END.search(token) and not _YEAR_END.search(token) and _RESPACED_SCALED.match(para, dot):
            return False  # "has grossed $368. 0 million", "rose 12. 5 percent": a sum or a share, re-spaced
        return bare not in _BEFORE_NUMBER and not acronym
    if bare in _TITLES:
        return False
    if bare in _AMBIGUOUS or acronym or (len(token) == 1 and token.isupper()):
        return _opens_sentence(word)
    return True


def _opens_sentence(word: str) -> bool:
    if word.endswith("."):
        return False  # another abbreviation: "Inc. No. 1 Chevrolet"
    # "We've", "Let's": the word before the apostrophe decides.
    stem = re.split(r"['’]", word, maxsplit=1)[0]
    return stem.lower() in _OPENER_WORDS
