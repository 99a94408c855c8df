"""Normalised word tokens for scoring: the same fact told with other punctuation gives the same tokens.

Folds case, curly and straight quotes and apostrophes, ellipses (``...``, ``…``, ``. . .``,
``[...]``), brackets (``(South) Korean`` keeps the word), hyphens (``Jong-un`` = ``Jong Un``),
diacritics, thousands separators (``7,000`` = ``7000``), possessive ``'s``, and name variants
(``U.S.`` = ``US`` = ``United States``, ``Kiev`` = ``Kyiv``) to one canonical form. Called on every
sentence, so it is a few regular expressions and nothing more.

This is the one token-normalisation module of ``nlp/`` and ``compare/``:

- ``tokens`` / ``normalise``: the folded word tokens of a text (above).
- ``STOP_WORDS``: the one English stop list (``srccompare/data/stopwords.toml``): function words and
  the verbs of attribution ("said", "told", "according").
- ``stem``: the one stemmer, a light suffix folding (possessive, plural, -ing, -ed, -ly, final e)
  so that inflections of one word meet (supplying / supplied / supply, resolves / resolved).
- ``content_tokens``: tokens without stop words, negations and modals KEPT, not stemmed: what a
  sentence says ("could not" matters).
- ``content_words``: stemmed tokens without stop words, negations and modals DROPPED: what a
  sentence is about (overlap of topics).
- ``plural_stem``: the aligner's lighter stemmer (plurals only), and ``aligned_words``, the
  aligner's content words: normalised tokens without stop words, plural-stemmed.
- ``GROUPING_STOP_WORDS`` and ``grouping_words``: the content words of whole articles for grouping
  them into events (TF-IDF), which drops more (quantifiers, honorifics) and skips the name folding
  of ``normalise``: an article has hundreds of sentences, and a word's TF-IDF weight does not need it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import data as _data
from .memo import WORDS, per_sentence
from .names import token_folds

# Apostrophe-like marks become ', everything quote-like or dash-like becomes a space.
_TRANSLATE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "′": "'",
        "“": " ",
        "”": " ",
        "„": " ",
        "«": " ",
        "»": " ",
        "‹": " ",
        "›": " ",
        '"': " ",
        "…": " ",
        "–": " ",
        "—": " ",
        "‑": "-",
        "‐": "-",
        "_": " ",
        "(": " ",
        ")": " ",
        "[": " ",
        "]": " ",
        "{": " ",
        "}": " ",
    }
)
# Dotted acronyms stay whole (U.S.) so the name table can see them; a number keeps its decimal point.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\d+(?:\.\d+)*\w*|\w+(?:'\w+)*")
# A comma between a digit and exactly three digits is a thousands separator.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")

STOP_WORDS = _data.words("stopwords", "words")
# Negations and modals change the fact, so content tokens keep them.
_KEEP = _data.words("stopwords", "keep")
CONTENT_STOP = STOP_WORDS - _KEEP
# Honorifics (stopwords.toml): stop words wherever the words of different outlets are compared.
HONORIFICS = _data.words("stopwords", "honorifics")
# The aligner's stop words (aligned_words).
_ALIGNER_STOP = STOP_WORDS | HONORIFICS
# The one stop list plus the words a whole-article comparison also drops (stopwords.toml, `grouping`).
GROUPING_STOP_WORDS = STOP_WORDS | HONORIFICS | _data.words("stopwords", "grouping")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Normalised word tokens of ``text``: case, quotes, ellipses, brackets and names folded."""
    text = text.translate(_TRANSLATE)
    if not text.isascii():
        text = _strip_accents(text)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    acronyms, words = token_folds()
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        canon = acronyms.get(tok)
        if canon is not None:
            out.extend(canon)
            continue
        tok = tok.lower()
        if tok[-1] == ".":
            tok = tok.replace(".", "")
        elif "'" in tok:
            if tok.endswith("'s"):
                tok = tok[:-2]
            elif tok.endswith("'"):
                tok = tok[:-1]
        out.append(tok)
    if words.keys().isdisjoint(out):
        return out
    return _fold_words(out, words)


def _fold_words(toks: list[str], words) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(toks):
        for seq, canon in words.get(toks[i], ()):
            if tuple(toks[i : i + len(seq)]) == seq:
                out.extend(canon)
                i += len(seq)
                break
        else:
            out.append(toks[i])
            i += 1
    return out


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|\b[A-Z]{2,5}\b")


def fold_acronyms(text: str) -> str:
    """``text`` with each acronym in the form ``tokens`` gives it ("F.B.I." and "FBI" -> "fbi", "U.S." and "US" ->
    "usa"), for tokenisers that lower-case first (quotations): dotted or not is house style, and read after
    lower-casing "U.S." is two letters and "US" the pronoun."""
    acronyms = token_folds()[0]

    def one(m: re.Match[str]) -> str:
        canon = acronyms.get(m.group())
        return " ".join(canon) if canon is not None else m.group().replace(".", "").lower()

    return _ACRONYM.sub(one, text)


def fold_spellings(toks: list[str]) -> list[str]:
    """Lower-cased word tokens with every spelling of a registered name made one (kiev -> kyiv)."""
    words = token_folds()[1]
    return toks if words.keys().isdisjoint(toks) else _fold_words(toks, words)


@lru_cache(maxsize=1)
def _style_endings() -> tuple[tuple[tuple[str, str], ...], int]:
    table = _data.load("spelling")
    endings = sorted(table["endings"].items(), key=lambda kv: -len(kv[0]))
    return tuple(endings), int(table["settings"]["min_stem"])


@lru_cache(maxsize=WORDS)
def _styled(word: str) -> str:
    endings, min_stem = _style_endings()
    for ending, american in endings:
        if word.endswith(ending) and len(word) >= len(ending) + min_stem:
            return word[: -len(ending)] + american
    return word


def fold_style(toks: list[str]) -> list[str]:
    """Lower-cased word tokens with British spellings read as American ones (data/spelling.toml:
    "neighbourhood" -> "neighborhood", "organise" -> "organize"): one outlet's house style, not other words."""
    return [_styled(t) for t in toks]


def content_tokens(text: str | list[str]) -> list[str]:
    """Tokens without stop words (negations and modals are kept: they change the fact)."""
    toks = tokens(text) if isinstance(text, str) else text
    return [t for t in toks if t not in CONTENT_STOP]


@per_sentence
def normalise(text: str) -> str:
    """Tokens joined by single spaces: the form to hand to rapidfuzz scorers and ``cdist``.

    Normalising is idempotent, and cached: the aligner and the classifier see each sentence often."""
    return " ".join(tokens(text))


def numbers(toks: list[str]) -> list[str]:
    """The number tokens among ``toks`` (already normalised: ``7,000`` is ``7000``)."""
    return [t for t in toks if t[0].isdigit()]


def plural_stem(word: str) -> str:
    """A plural or third-person -s form meets its singular ("threats" / "threat", "agencies" / "agency"),
    nothing more: the light stem of the aligner's word overlap, where ``stem``'s -ed/-ing/-ly folding
    joins too much ("added" / "add", "rating" / "rat")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=WORDS)
def stem(word: str) -> str:
    """The stem of a lower-case word: inflections meet (supplying / supplied / supply, threats /
    threat, resolves / resolved / resolve, quickly / quick), with no dictionary.

    One suffix is removed (possessive 's; plural -ies as y, -es, -s but not -ss/-us/-is; -ing, -ed,
    -ly but not -ply/-bly/-ily: supply, assembly, family), only from words long enough that a stem of at least three letters is left; then a final
    e is dropped and a final i becomes y, so "supplied" -> "suppli" -> "supply" meets "supply".
    Stems are keys for comparing words, not words to show.
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    n = len(word)
    if n > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif n > 6 and word.endswith("ing"):
        word = word[:-3]
    elif n > 5 and word.endswith("ed"):
        word = word[:-2]
    elif n > 5 and word.endswith("es"):
        word = word[:-2]
    elif n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif n > 5 and word.endswith("ly") and not word.endswith(("ply", "bly", "ily")):
        word = word[:-2]
    if len(word) > 3:
        word = word.rstrip("e")
    if word.endswith("i") and len(word) > 3:
        word = word[:-1] + "y"
    return word


@per_sentence
def content_words(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words that are not stop words (negations and modals dropped too),
    numbers kept: what a sentence is about. Cached: the aligner and grouping see each sentence often."""
    return tuple(stem(t) for t in tokens(text) if t not in STOP_WORDS and any(c.isalnum() for c in t))


_ALNUM = re.compile(r"\w+")
# The words of ``grouping_words``: letters, with inner apostrophes.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@per_sentence
def aligned_words(text: str) -> str:
    """The aligner's content words of a sentence: its normalised words (names folded) that are not stop
    words, plural-stemmed, space-separated (the form rapidfuzz scorers take);
    figures are kept (as words: "7000"). The name a speech verb credits ("Constable Tim Fanning said",
    "said Sgt. Barry Whiteside") is left out: who told it is a difference inside one fact (``source_cited``),
    not what the sentence tells."""
    plain = _PARTICLE_COMPOUND.sub(r"\1\2", _ACRONYM_PLURAL.sub(r"\1", _uncredited(text)))
    plain = _MONTH_BEFORE_DAY.sub(_month, _TENS_AND_UNITS.sub(_compound_number, plain))
    for pattern, written in _WRITTEN_UNITS:
        plain = pattern.sub(written, plain)
    norm = _PHRASE.sub(lambda m: _PHRASES[m.group()], normalise(plain).casefold())
    return " ".join(aligned_word(w) for w in _ALNUM.findall(norm) if w not in _ALIGNER_STOP)


def aligned_word(word: str) -> str:
    """One lower-case word as the aligner reads it: a number word as its digits ("three" -> "3"), else its light
    plural stem (``plural_stem``)."""
    return _DIGITS.get(word) or plural_stem(word)


# The number words (nlp.numbers reads figures with them). The aligner reads two to nineteen and the tens as digits:
# "three bank workers" and "3 bank employees" share a word; "one" is a stop word, and rarely a count.
SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_DIGITS = {w: str(i) for w, i in (*SMALL_NUMBERS.items(), *TENS.items()) if i > 1}
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The months' abbreviations (May has none).
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# A month abbreviated before a day ("Dec. 6", "Sept. 11", the agencies' style) is the month ("6 December").
_MONTH_BEFORE_DAY = re.compile(
    r"\b(" + "|".join(sorted((a.capitalize() for a in MONTH_ABBREVIATIONS), key=len, reverse=True)) + r")\.(?=\s*\d)"
)


def month_name(word: str) -> str:
    """A month's full name, lower case, from any spelling of it ("Dec.", "sept", "dec"); another word as it is."""
    word = word.lower()
    return next((full for full in MONTHS if full.startswith(word[:3])), word)


def _month(m: re.Match[str]) -> str:
    return month_name(m.group(1))


# One unit written three ways: "20%", "20 percent", "20 per cent"; "$40bn", "$40 billion".
_WRITTEN_UNITS = (
    (re.compile(r"(?<=\d)\s?%"), " percent"),
    (re.compile(r"\bper\s+cent\b", re.IGNORECASE), "percent"),
    (re.compile(r"(?<=\d)\s?bn\b", re.IGNORECASE), " billion"),
    (re.compile(r"(?<=\d)\s?tn\b", re.IGNORECASE), " trillion"),
)


# "twenty-three" is 23, not "20" and "3"
_TENS_AND_UNITS = re.compile(
    rf"\b({'|'.join(TENS)})-({'|'.join(w for w, i in SMALL_NUMBERS.items() if 0 < i < 10)})\b", re.IGNORECASE
)


def _compound_number(m: re.Match[str]) -> str:
    return str(TENS[m.group(1).lower()] + SMALL_NUMBERS[m.group(2).lower()])


# An acronym's plural or possessive ("GIs", "GI's", "MPs"): the acronym, as a longer word's plural meets its singular
# in ``plural_stem``, which leaves words of three letters or fewer alone.
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})(?:['’]s|s)\b")
# A noun made of a verb and its particle is written closed or hyphenated ("pinup" / "pin-up", "lockdown" /
# "lock-down", "walkout" / "walk-out"): the hyphenated one is read closed, so both are one word; not a piece of a
# longer compound. The particles: stopwords.toml [compound_particles].
_PARTICLE_COMPOUND = re.compile(
    r"\b([A-Za-z]{2,})-("
    + "|".join(sorted(_data.load("stopwords")["compound_particles"]["words"].split()))
    + r")\b(?!-)"
)


def _uncredited(text: str) -> str:
    """``text`` without the capitalised words right before a speech verb, or right after one that may precede its
    speaker where it follows a comma or a quotation (``quotes.toml`` ``speech_verbs``, ``inverting_verbs``):
    '..., said Sgt. Barry Whiteside', but not 'Fanning said Eric Allen Kirkpatrick ...', whose name is the claim's."""
    before, after = _credit_patterns()
    return after.sub(r"\1", before.sub(" ", text))


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternatives(key: str) -> str:
        return "|".join(sorted(_data.words("quotes", key), key=len, reverse=True))

    # Up to six capitalised words, each maybe abbreviated ("Sgt.", "Const.", "U.S."): a name with its titles.
    run = r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){0,5}"
    before = re.compile(rf"\b{run}(?=\s+(?:{alternatives('speech_verbs')})\b)")
    after = re.compile(rf"([,\"”]\s*(?:{alternatives('inverting_verbs')})\s+){run}")
    return before, after


# Phrases read as one word (data/stopwords.toml [phrases]): "no one" is "nobody".
_PHRASES: dict[str, str] = dict(_data.load("stopwords")["phrases"])
_PHRASE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_PHRASES, key=len, reverse=True))) + r")\b")


@lru_cache(maxsize=WORDS)
def _grouping_word(word: str) -> str:
    """``word`` folded (possessive and plural), or "" when it is a grouping stop word."""
    if len(word) < 2 or word in GROUPING_STOP_WORDS:
        return ""
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            word = word[: -len(tail)]
    word = plural_stem(word)
    return "" if word in GROUPING_STOP_WORDS else word


def grouping_words(text: str) -> list[str]:
    """Lower-cased, plural-stemmed words of a whole text that are not grouping stop words, in order."""
    return [w for w in map(_grouping_word, _WORD.findall(text.lower())) if w]
