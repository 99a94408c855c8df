"""Names and their variant spellings (Kyiv / Kiev, Kim Jong-un / Kim Jong Un, U.S. / United States).

Two jobs: ``fold_names`` rewrites every known variant to one canonical token string so that scoring
sees the same words, and ``name_variants`` reports where two sentences spell the same name
differently. A different spelling is a difference worth showing but never a disagreement.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import data as _data
from .memo import per_sentence

# Each row: the canonical token string (lower case, already in token form), then the spellings
# (case-insensitive) and the acronyms (case-sensitive), from srccompare/data/names.toml.
_NAMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (row["canonical"], tuple(row["spellings"]), tuple(row.get("acronyms", ())))
    for row in _data.load("names")["variants"]
)


# Letters that transliterations of one name write differently (Zelensky / Zelenskiy, Qaddafi /
# Kaddafi, Tchaikovsky / Chaikovsky, Kharkov / Kharkiv is a known pair instead): folded in order.
_SOUNDS = (
    (r"tch", "ch"),
    (r"ph", "f"),
    (r"kh", "k"),
    (r"ck", "k"),
    (r"q", "k"),
    (r"c", "k"),
    (r"ou", "u"),
    (r"oo", "u"),
    (r"ee", "i"),
    (r"(?:ey|ei|iy|ii)$", "i"),  # a final vowel written two ways: Torrey / Torrei, Zelenskiy / Zelenskii
    (r"ay", "ai"),
    (r"y", "i"),
    (r"w", "v"),
    (r"ff$", "v"),
    (r"dh", "d"),
    (r"sch", "sh"),
)
_SOUND_PATTERNS = tuple((re.compile(a), b) for a, b in _SOUNDS)


def sound_key(key: str) -> str:
    """A fold_key with the letters transliterations disagree on made one, and doubled letters
    single: two spellings of one name written from another script meet (Gaddafi / Qaddafi,
    Zelensky / Zelenskyy, Eitan / Eytan). Vowels inside a name are kept: Mohammed / Muhammad stay two."""
    for pattern, replacement in _SOUND_PATTERNS:
        key = pattern.sub(replacement, key)
    return re.sub(r"(.)\1+", r"\1", key)


def fold_key(text: str) -> str:
    """The spelling-blind key of a name: no case, diacritics, hyphens, dots, apostrophes or spaces."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text.casefold())


def _alternation(spellings: list[str]) -> str:
    # Longest first so "United States of America" wins over "United States".
    parts = []
    for s in sorted(spellings, key=len, reverse=True):
        parts.append(r"[\s\-]+".join(re.escape(w) for w in s.split()))
    return "|".join(parts)


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    canon: dict[str, str] = {}
    insensitive: list[str] = []
    sensitive: list[str] = []
    for canonical, words, acronyms in _NAMES:
        for s in (*words, *acronyms):
            canon[fold_key(s)] = canonical
        insensitive.extend(words)
        sensitive.extend(acronyms)
    # An acronym ending in a dot may end the sentence too, so no word boundary is required after it.
    pattern = (
        r"(?<![\w.])(?:"
        rf"(?i:{_alternation(insensitive)})(?![\w])"
        rf"|(?:{_alternation(sensitive)})(?:(?<=\.)|(?![\w]))"
        r")"
    )
    return re.compile(pattern), canon


_WORD = re.compile(r"\w+(?:'\w+)*")


@lru_cache(maxsize=1)
def token_folds() -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]]:
    """The table in token form, for the tokenizer's hot loop.

    Returns (acronyms: exact spelling -> canonical tokens, checked before case folding;
    words: first folded token -> [(folded token sequence, canonical tokens)], longest first).
    Spellings that differ only in case, hyphens, dots or diacritics need no entry: the tokenizer
    folds those anyway.
    """
    acronyms: dict[str, tuple[str, ...]] = {}
    words: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for canonical, spellings, acros in _NAMES:
        canon = tuple(canonical.split())
        for a in acros:
            acronyms[a] = canon
        for s in spellings:
            folded = s.casefold()
            if not folded.isascii():
                folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
            seq = tuple(_WORD.findall(folded))
            if seq != canon:
                words.setdefault(seq[0], []).append((seq, canon))
    for entries in words.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return acronyms, words


def fold_names(text: str) -> str:
    """``text`` with every known name variant replaced by its canonical lower-case token string."""
    pattern, canon = _table()
    return pattern.sub(lambda m: " " + canon[fold_key(m.group())] + " ", text)


def known_names(text: str) -> list[tuple[str, str, int, int]]:
    """(spelling as written, canonical form, start, end) for every known name in ``text``."""
    pattern, canon = _table()
    return [(m.group(), canon[fold_key(m.group())], m.start(), m.end()) for m in pattern.finditer(text)]


# A capitalised phrase: capitalised words joined by spaces or hyphens (the part after a hyphen may be
# lower case, as in "Jong-un"), so generic variants that differ only in case, hyphens, spaces,
# dots or diacritics fold to the same key.
_CAP_WORD = r"[^\W\d_a-z][\w'’]*\.?"
_PHRASE = re.compile(rf"(?<![\w\-]){_CAP_WORD}(?:(?:-[\w'’]+)|(?:\s+{_CAP_WORD}))*")
_STOP_CAPS = _data.words("names", "phrase_openers")
# Endings that turn a name into another word (Korea / Korean, Russia / Russians): not a variant.
_DERIVED = ("s", "es", "n", "an", "ian", "ns", "ans", "ians", "ese", "i", "is", "ish")
# ... in place of a final "a" (Canada / Canadian, Africa / Africans).
_DERIVED_FROM_A = ("an", "ian", "ans", "ians")


def _phrases(text: str) -> list[str]:
    from .sentences import sentence_spans
    from .tokens import STOP_WORDS

    out = []
    # Sentence by sentence: a text may join a group's sentences, and "James Steele. Ms. Palin" is no name.
    for m in (m for start, end in sentence_spans(text) for m in _PHRASE.finditer(text, start, end)):
        words = m.group().rstrip(".").split()
        if "-" in words[-1]:
            head, _, tail = words[-1].rpartition("-")
            if tail in STOP_WORDS:
                words[-1] = head  # "Kirkpatrick-was": a dash lost between a name and the next word
        while words and words[0].casefold() in _STOP_CAPS:
            words = words[1:]
        if words:
            out.append(" ".join(words))
    return out


def _derived(x: str, y: str) -> bool:
    """Whether two words are one name and a word made from it, or two words made from one name (Korea / Korean,
    Canada / Canadian, Somali / Somalia, India's / Indians: the fold keys "indias" / "indians")."""
    short, long = sorted((x, y), key=len)
    # a people's name to its country's (German / Germany); not a doubled letter (Zelensky / Zelenskyy)
    if long == short + "y" and short.endswith("n"):
        return True
    # a word and one made from it by an ending of two letters or more (Parliament / Parliamentary)
    if long.startswith(short) and len(long) - len(short) >= 2:
        return True
    return not _bases(x).isdisjoint(_bases(y))


def _bases(word: str) -> set[str]:
    """The word, and the names it may be made from by one of the _DERIVED endings."""
    out = {word}
    for ending in _DERIVED:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.add(word[: -len(ending)])
    for ending in _DERIVED_FROM_A:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.add(word[: -len(ending)] + "a")
    out |= {b[:-1] for b in out if b.endswith("ia")}  # Somalia, Somalia's / Somali
    return out


def name_variants(a_text: str, b_text: str) -> list[tuple[str, str]]:
    """Pairs (spelling in a, spelling in b) of the same name spelled differently in the two texts.

    Known variants come from the table; unknown ones are capitalised phrases that fold to the same
    key (Kim Jong-Un / Kim Jong Un) or single names that differ by a letter or two (Zelensky /
    Zelenskyy). Each pair is reported once, in order of first appearance in ``a_text``.
    """
    from rapidfuzz import fuzz

    found: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(x: str, y: str) -> None:
        if x != y and (x, y) not in seen:
            seen.add((x, y))
            found.append((x, y))

    a_known, a_phrases, a_keys = _reading(a_text)
    b_known, b_phrases, b_keys = _reading(b_text)
    b_by_canon: dict[str, list[str]] = {}
    for spelling, canonical in b_known:
        b_by_canon.setdefault(canonical, []).append(spelling)
    for spelling, canonical in a_known:
        b_spellings = b_by_canon.get(canonical, [])
        # Only a variant when b never uses a's exact spelling (the U.S. ... the US in one text is not).
        if b_spellings and spelling not in b_spellings:
            for other in b_spellings:
                if other not in {s for s, c in a_known if c == canonical}:
                    add(spelling, other)

    a_set, b_set = set(a_phrases), set(b_phrases)
    b_by_key: dict[str, str] = {}
    for p, k in zip(b_phrases, b_keys):
        b_by_key.setdefault(k, p)
    for p, k in zip(a_phrases, a_keys):
        match = b_by_key.get(k)
        # A phrase that differs only inside a known name (St Petersburg International Economic
        # Forum / St. Petersburg ...) was reported with the name already.
        if match is not None and p not in b_set and match not in a_set and fold_names(p) != fold_names(match):
            add(p, match)

    # Single words spelled a letter or two apart; only among words the other text lacks.
    a_words, a_word_keys = _long_words(a_phrases)
    b_words, b_word_keys = _long_words(b_phrases)
    for x in sorted(a_words.keys() - b_words.keys(), key=a_text.find):
        kx = a_words[x]
        if kx in b_word_keys:
            continue
        for y in sorted(b_words.keys() - a_words.keys(), key=b_text.find):
            ky = b_words[y]
            if ky in a_word_keys or kx[0] != ky[0] or _derived(kx, ky):
                continue
            # five letters at least for a near spelling; four for one that sounds the same (Group / Grup)
            near = len(kx) >= 5 and len(ky) >= 5 and fuzz.ratio(kx, ky) >= 85
            if near or sound_key(kx) == sound_key(ky):
                add(x, y)
    found.sort(key=lambda pair: a_text.find(pair[0]))
    return found


@per_sentence
def _reading(text: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """What name_variants reads from one text, whatever the other: its known names (spelling,
    canonical form), and the other capitalised phrases with their keys. A group's
    texts meet many others, so each is read once."""
    known = [(spelling, canonical) for spelling, canonical, _, _ in known_names(text)]
    covered = {fold_key(s) for s, _ in known}
    phrases = [(p, k) for p in _phrases(text) if (k := fold_key(p)) not in covered]
    return known, [p for p, _ in phrases], [k for _, k in phrases]


def _long_words(phrases: list[str]) -> tuple[dict[str, str], set[str]]:
    """The words of four letters or more in ``phrases``, each with its fold key; and those keys."""
    words = {w: fold_key(w) for p in phrases for w in p.split() if len(w) >= 4}
    return words, set(words.values())


def capitalised_phrases(text: str) -> list[str]:
    """The capitalised phrases of ``text`` (names of people, places, bodies), leading function words dropped."""
    return _phrases(text)
