"""Normalised word tokens for scoring: the same fact told with other punctuation gives the same tokens.

Folds case, curly and straight quotes and apostrophes, ellipses (``...``, ``…``, ``. . .``,
``[...]``), brackets (``(South) Korean`` keeps the word), hyphens (``Jong-un`` = ``Jong Un``),
diacritics, thousands separators (``7,000`` = ``7000``), possessive ``'s``, and name variants
(``U.S.`` = ``US`` = ``United States``, ``Kiev`` = ``Kyiv``) to one canonical form. Called on every
sentence, so it is a few regular expressions and nothing more.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told tells according""".split()
)
# Negations and modals change the fact, so content tokens keep them.
_KEEP = frozenset("no nor not could should would will can".split())
_STOP_CONTENT = STOP_WORDS - _KEEP


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


def fold_spellings(toks: list[str]) -> list[str]:
    """Lower-cased word tokens with every spelling of a registered name made one (kiev -> kyiv)."""
    words = token_folds()[1]
    return toks if words.keys().isdisjoint(toks) else _fold_words(toks, words)


def content_tokens(text: str | list[str]) -> list[str]:
    """Tokens without stop words (negations and modals are kept: they change the fact)."""
    toks = tokens(text) if isinstance(text, str) else text
    return [t for t in toks if t not in _STOP_CONTENT]


@lru_cache(maxsize=1 << 15)
def normalise(text: str) -> str:
    """Tokens joined by single spaces: the form to hand to rapidfuzz scorers and ``cdist``.

    Normalising is idempotent, and cached: the aligner and the classifier see each sentence often."""
    return " ".join(tokens(text))


def numbers(toks: list[str]) -> list[str]:
    """The number tokens among ``toks`` (already normalised: ``7,000`` is ``7000``)."""
    return [t for t in toks if t[0].isdigit()]
