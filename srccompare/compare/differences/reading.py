"""Reading a fact group's members: each article's words (outside or inside quotation marks), its
quotations and speakers, the word-level highlights, and the helpers every family of kinds shares.

An article may put several member sentences in one group; its members are read as one Side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TypeVar

from ... import data
from ...model import Article, Difference, Member, Token
from ...nlp.memo import WORDS, on_clear
from ...nlp.names import name_variants
from ...nlp.quotes import find_quotes
from ...nlp.tokens import STOP_WORDS, normalise, stem, tokens
from .. import lexicon, worddiff
from ..quotes import MIN_WORDS, Span, body_quotes, long_quotes

# Words ending in a dot that do not end a sentence: titles, initials, dotted acronyms.
_ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|No|Mt|Ft)\.|(?:[A-Z]\.)+"
)
_APOSTROPHES = re.compile("[’‘ʼ`´]")
# Words meet on this many first letters of their stems (threat / threatened, govern / government):
# an outlet rewording a fact picks another form of the same word.
_KEY_LETTERS = 6
_CLAUSE_END = re.compile(r"[,;:.!?)\]–—]$")
T = TypeVar("T")
PUNCT = "\"'“”‘’„«»()[]{}.,;:!?…–—-"


@dataclass(frozen=True, slots=True)
class Word:
    raw: str
    plain: str  # lower case, punctuation stripped: the form the lexicons match
    keys: tuple[str, ...]  # normalised tokens: the form the diff compares
    quoted: bool
    first: bool  # first word of a sentence: its capital says nothing
    clause_end: bool


@dataclass(frozen=True)
class Side:
    article: str
    text: str
    words: tuple[Word, ...]
    quotes: tuple[Span, ...]
    speakers: frozenset[str] = frozenset()  # lower-case words of the speakers named next to quotes
    members: tuple[int, ...] = ()  # the member (its index in the group) each word comes from
    # Its sentences with their quoted parts, and its speakers: what its words, own words and text
    # depend on. Sides of one group with the same signature read the same (see per_side).
    signature: tuple = ()
    # The event's plain words for what happened (lexicon.story_terms), the same for every side of the event.
    story: frozenset[str] = frozenset()
    # The article's date (ISO), or for an undated one the group's earliest: the time its own figures are of.
    published: str | None = None
    # Every member of the side is a clause of its sentence (``align``: a clause that tells another outlet's
    # sentence: its words tell the fact, but what its figures count may lie outside it) or a sentence that joined the
    # group by resembling it on average (``align._attach``: it may tell a neighbouring claim). Such a side's figures
    # are not compared, and its silence on a source, hedge, negation, loaded word or quotation is no "none".
    loose: bool = False
    # The normalised texts of every quotation of its article, wherever in it: a remark it does not quote in this fact
    # may be one it quotes in another.
    quoted_anywhere: tuple[str, ...] = ()

    # Cached: every family reads them (a frozen dataclass keeps a cached_property in its __dict__).
    @cached_property
    def own(self) -> list[Word]:
        """The outlet's own words: everything outside quotation marks."""
        return [w for w in self.words if not w.quoted]

    @cached_property
    def content_keys(self) -> frozenset[str]:
        """``context_keys`` of all its words, quotes included: what it tells, for the claim check of every family
        that makes one (``on_a_told_claim``: hedges, loaded terms)."""
        return context_keys(self.words)

    @property
    def reads_as(self) -> object:
        """What per_side shares answers by: the signature; a Side made without one (not by
        read_sides) shares nothing."""
        return self.signature or id(self)

    @cached_property
    def own_text(self) -> str:
        return " ".join(w.raw for w in self.own)

    @cached_property
    def own_parts(self) -> tuple[str, ...]:
        """The outlet's own words, one text per member sentence: read one by one where a sentence that ends
        without its stop ('..., according to RussiaToday') must not run into the next."""
        if len(self.members) != len(self.words):
            return (self.own_text,)
        parts: dict[int, list[str]] = {}
        for w, m in zip(self.words, self.members):
            if not w.quoted:
                parts.setdefault(m, []).append(w.raw)
        return tuple(" ".join(p) for p in parts.values())


def read_sides(
    members: Sequence[Member], articles: Mapping[str, Article], story: frozenset[str] = frozenset()
) -> list[Side]:
    by_article: dict[str, list[tuple[int, Member]]] = {}
    for i, m in enumerate(members):
        by_article.setdefault(m.article, []).append((i, m))
    sides = []
    dates = sorted(d for a in by_article if (d := _published(articles.get(a))))
    # The sides of a group often print the same sentence: it is read once, and its Words shared.
    read_words: dict[tuple[str, tuple[tuple[int, int], ...], bool], tuple[Word, ...]] = {}
    for article_id, ms in by_article.items():
        words: list[Word] = []
        owners: list[int] = []
        pieces: dict[int, list[str]] = {}  # article-level quotation -> the parts these members hold
        piece_speaker: dict[int, str | None] = {}
        own_quotes: list[Span] = []
        speakers: set[str] = set()
        shape: list[tuple[str, tuple[tuple[int, int], ...]]] = []
        for index, m in ms:
            spans = _member_quotes(m, articles.get(article_id))
            if spans is None:
                # No article to read (or the member is not one of its sentences): the member's own marks.
                found = find_quotes(m.text)
                inside = tuple((q.start, q.end) for q in found)
                speakers.update(w for q in found if q.speaker for w in q.speaker.lower().split())
                own_quotes.extend(long_quotes(m.text))
            else:
                inside = tuple((lo, hi) for _, lo, hi, _ in spans)
                for key, lo, hi, speaker in spans:
                    pieces.setdefault(key, []).append(m.text[lo:hi].strip())
                    piece_speaker[key] = speaker
                    speakers.update((speaker or "").lower().split())
            shape.append((m.text, inside))
            read = read_words.get((m.text, inside, m.part))
            if read is None:
                read = read_words[m.text, inside, m.part] = _words(m.text, inside, opens_sentence=not m.part)
            words.extend(read)
            owners.extend([index] * len(read))
        quotes = own_quotes + [
            Span(key, key, " ".join(p), piece_speaker[key])
            for key, p in sorted(pieces.items())
            if len(tokens(" ".join(p))) >= MIN_WORDS
        ]
        sides.append(
            Side(
                article_id,
                " ".join(m.text for _, m in ms),
                tuple(words),
                tuple(quotes),
                frozenset(speakers),
                tuple(owners),
                (tuple(shape), frozenset(speakers)),
                story,
                _published(articles.get(article_id)) or (dates[0] if dates else None),
                all(m.part or m.attached for _, m in ms),
                _quoted_anywhere(articles.get(article_id)),
            )
        )
    return sides


def _quoted_anywhere(article: Article | None) -> tuple[str, ...]:
    if article is None:
        return ()
    return _normalised_quotes(article.id, tuple(article.paragraphs))


@lru_cache(maxsize=256)
def _normalised_quotes(article_id: str, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise(q.text) for q in body_quotes(article_id, paragraphs))


def _published(article: Article | None) -> str | None:
    return article.published if article is not None else None


def without_loose_silences(
    sides: Sequence[Side], found: Sequence[T], holds: Sequence[bool] | None = None
) -> tuple[list[Side], list[T]]:
    """``sides`` and what each was read to hold (``found``), less the loose sides (``Side.loose``: told in a clause of
    a longer sentence, or joined by resemblance) that hold nothing of it (``holds``, by default whether ``found`` is
    empty): the sentence may hold it outside the clause (its source, hedge, negation, loaded word or quotation), or
    tell a neighbouring claim that has none to hold, so such a side's "none" would be a guess."""
    flags = holds if holds is not None else [bool(f) for f in found]
    kept = [(side, f) for side, f, held in zip(sides, found, flags) if held or not side.loose]
    return [side for side, _ in kept], [f for _, f in kept]


def per_side(sides: Sequence[Side], read: Callable[[Side], T]) -> list[T]:
    """``read(side)`` for each side, read once per signature: outlets that print the same sentence
    the same way get one answer. ``read`` may look at the side's text, words (own or all) and
    speakers, not at its article or quotations."""
    done: dict[object, T] = {}
    for side in sides:
        if side.reads_as not in done:
            done[side.reads_as] = read(side)
    return [done[side.reads_as] for side in sides]


def _member_quotes(m: Member, article: Article | None) -> list[tuple[int, int, int, str | None]] | None:
    """(quotation start in the body, start, end in the member, speaker) for the quoted parts of a member,
    read from the whole article so that a sentence inside a multi-sentence quotation counts as
    quoted. None when the member cannot be placed in the article."""
    if article is None or not 0 <= m.sentence < len(article.sentences):
        return None
    sentence = article.sentences[m.sentence]
    if sentence.text != m.text:
        return None
    out = []
    for q in body_quotes(article.id, tuple(article.paragraphs)):
        lo, hi = max(q.start, sentence.start), min(q.end, sentence.end)
        if lo < hi:
            out.append((q.start, lo - sentence.start, hi - sentence.start, q.speaker))
    return out


@lru_cache(maxsize=256)
def variants(a: str, b: str) -> list[tuple[str, str]]:
    if a == b:
        return []  # a text spells every name the way it spells it
    return [(x, y) for x, y in name_variants(a, b) if not _typographic(x, y) and not _calendar(x, y)]


def _calendar(x: str, y: str) -> bool:
    """A weekday or a month against a near spelling of it ("Wednedsay" / "Wednesday"): a typing slip, not a name."""
    from ...nlp.speakers import CALENDAR

    return any(v.strip(".").lower() in CALENDAR for v in (x, y))


def _typographic(x: str, y: str) -> bool:
    """Typewriter against curly apostrophes (It's / It’s), a possessive mark (Bishops / Bishops'),
    or a dateline in capitals (WASHINGTON / Washington): typography, not another spelling."""
    fx, fy = (_APOSTROPHES.sub("'", v).rstrip("'") for v in (x, y))
    if fx == fy:
        return True
    return fx.lower() == fy.lower() and (fx.isupper() or fy.isupper())


@lru_cache(maxsize=WORDS)
def key(word: str) -> str:
    return stem(word)[:_KEY_LETTERS]


@lru_cache(maxsize=WORDS)
def _spelling(raw: str) -> tuple[str, tuple[str, ...], bool, bool]:
    """What a word says on its own: its plain form, its keys, whether it ends a clause, whether it
    ends a sentence. Words repeat across the groups of a corpus: each spelling is read once."""
    plain = raw.strip(PUNCT).replace("’", "'").lower()
    return plain, tuple(tokens(raw)), bool(_CLAUSE_END.search(raw.rstrip("\"'”’"))), ends_sentence(raw)


def ends_sentence(raw: str) -> bool:
    """Whether a word as written ends its sentence: a full stop, not an abbreviation's ("Mr.", "H.")."""
    bare = raw.rstrip("\"'”’)")
    return bare.endswith((".", "!", "?")) and not _ABBREVIATION.fullmatch(bare)


def _mask(n: int, spans) -> list[bool]:
    mask = [False] * n
    for lo, hi in spans:
        mask[lo:hi] = [True] * (hi - lo)
    return mask


# A word, or a contraction re-spaced around its apostrophe ("couldn ’ t", "don ' t").
_WORD_OR_CONTRACTION = re.compile(r"\w+n\s+[’']\s+t\b\S*|\S+")
_RESPACED = re.compile(r"^(\w+n)\s+([’'])\s+t")
_RESPACED_ANYWHERE = re.compile(r"\wn\s+[’']\s+t\b")
_NON_SPACE = re.compile(r"\S+")


def _words(text: str, spans: tuple[tuple[int, int], ...], opens_sentence: bool = True) -> tuple[Word, ...]:
    """The words of one member sentence, ``spans`` its quoted parts. A clause of a longer sentence
    (``opens_sentence`` False) does not open it: a capital on its first word is a name's ("..., Philly looks")."""
    inside = _mask(len(text), spans)
    out = []
    previous_end = opens_sentence
    any_quote = any(inside)
    # Most sentences hold no re-spaced contraction: split them on white space alone.
    pattern = _WORD_OR_CONTRACTION if "t" in text and _RESPACED_ANYWHERE.search(text) else _NON_SPACE
    for m in pattern.finditer(text):
        raw = m.group()
        quoted = False
        if any_quote:
            # A word that carries a quote mark belongs to the quote when most of its letters sit inside.
            letters = [inside[i] for i in range(m.start(), m.end()) if text[i].isalnum()]
            quoted = bool(letters) and sum(letters) * 2 > len(letters)
        # ECB+ re-spaces contractions ("couldn ’ t see"): read as the one word it is, shown as written (the
        # words joined by spaces give back the sentence).
        plain, keys, clause_end, ends_sentence = _spelling(_RESPACED.sub(r"\1\2t", raw) if " " in raw else raw)
        out.append(Word(raw, plain, keys, quoted, previous_end, clause_end))
        previous_end = ends_sentence
    return tuple(out)


def highlights(members: Sequence[Member], sides: list[Side]) -> tuple[tuple[Token, ...], ...]:
    # Compare flat key lists per article; a word is changed when any of its keys is.
    read = per_side(sides, _flat_keys)
    owner = [own for _, own in read]  # per side: key index -> word index
    flags = worddiff.changed([keys for keys, _ in read])
    per_member: dict[int, list[Token]] = {i: [] for i in range(len(members))}
    for side, side_flags, own in zip(sides, flags, owner):
        word_changed = [False] * len(side.words)
        for ki, f in enumerate(side_flags):
            if f:
                word_changed[own[ki]] = True
        for w, member, c in zip(side.words, side.members, word_changed):
            per_member[member].append(_token(w.raw, c))
    return tuple(tuple(per_member[i]) for i in range(len(members)))


def _flat_keys(side: Side) -> tuple[list[str], list[int]]:
    """The keys of a side's words in a row, and the word each comes from."""
    keys, own = [], []
    for wi, w in enumerate(side.words):
        for k in w.keys:
            keys.append(k)
            own.append(wi)
    return keys, own


@lru_cache(maxsize=WORDS)
def _token(text: str, changed: bool) -> Token:
    # One object per word and flag: the many members that share a word share its Token, so an
    # event pickles (for the store and the workers' results) and holds each one once.
    return Token(text, changed)


def minority(signatures: Mapping[str, Hashable]) -> tuple[str, ...]:
    """Articles whose signature differs from the one a strict majority shares; all when none does."""
    counts = Counter(signatures.values())
    top, n = counts.most_common(1)[0]
    if len(signatures) > 2 and n * 2 > len(signatures) and n < len(signatures):
        return tuple(sorted(a for a, s in signatures.items() if s != top))
    return tuple(sorted(signatures))


def set_difference(kind: str, sets: Mapping[str, frozenset[str]], **typed) -> Difference | None:
    """One Difference when the articles' sets of terms differ: each article's terms (those all
    share left out) in ``used``, the minority's in ``words``."""
    if len(set(sets.values())) < 2:
        return None
    minority_side = minority(sets)
    common = frozenset.intersection(*sets.values())
    used = {a: tuple(sorted(sets[a] - common)) for a in sorted(sets)}
    words = {a: used[a] for a in minority_side if used[a]}
    return Difference(kind, "", minority_side, words, used=used, **typed)


# How many content words around a term (within CLAIM_WINDOW content words either side) an outlet without it must use
# for the term to depart from that outlet's telling of the same claim.
CLAIM_SHARED = 2
CLAIM_WINDOW = 5
# Words that open another clause (sentences.toml ``clause_breaks`` and ``negation_breaks``): where a negation cue
# before them no longer reaches (polarity), where the clause a year dates ends (number).
CLAUSE_OPENERS = data.words("sentences", "clause_breaks") | data.words("sentences", "negation_breaks")
# For hedges, the other outlet must also hold one of the first CLAIM_CORE content words after the hedge (what it
# hedges): two topic words around it are shared by most sentences of one story (docs/thresholds.md, CLAIM_CORE).
CLAIM_CORE = 2


def context_key(w: Word) -> str | None:
    """The key a word gives the context of its neighbours, or None for a function word, a figure or a scrap."""
    return token_key(w.plain)


def token_key(token: str) -> str | None:
    """``context_key`` of a lower-case token."""
    return key(token) if token.isalpha() and len(token) >= 3 and token not in STOP_WORDS else None


def claim_context(words: Sequence[Word], start: int, length: int) -> frozenset[str]:
    """The keys of the content words around ``words[start : start + length]``: the claim a term there is about."""
    before = [k for w in words[:start] if (k := context_key(w))][-CLAIM_WINDOW:]
    after = [k for w in words[start + length :] if (k := context_key(w))][:CLAIM_WINDOW]
    return frozenset(before + after)


def claim_core(words: Sequence[Word], start: int, length: int) -> frozenset[str]:
    """The keys of the first CLAIM_CORE content words after ``words[start : start + length]`` in its clause (what a
    hedge hedges: "could *assume* the *chairmanship*", "allegedly *stole*"), or of the last ones before it when none
    follows ("deportation ... is *impractical* and unlikely")."""
    after: list[str] = []
    for w in words[start + length :]:
        if (k := context_key(w)) is not None:
            after.append(k)
        if len(after) >= CLAIM_CORE or w.clause_end:
            break
    if after:
        return frozenset(after)
    return frozenset([k for w in words[:start] if (k := context_key(w))][-CLAIM_CORE:])


def on_a_told_claim(
    sides: Sequence[Side],
    claims: Mapping[str, Mapping[str, frozenset[str]]],
    cores: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> dict[str, frozenset[str]]:
    """Each side's terms (``claims``: article -> term -> the context of its claim, ``claim_context``) that make a
    difference: a term counts where an outlet without it tells the claim, its words (quotes included: a claim one
    outlet tells in its own words another may quote) sharing CLAIM_SHARED of the term's context; in a group whose
    sentences tell several facts, a term on a fact nobody else tells departs from nobody. A term that departs from
    one telling counts on every side using it, so that no outlet using it is listed among those that do not; a term
    every side uses is kept (it makes no difference), and so is one with fewer than CLAIM_SHARED words around it, whose
    claim cannot be told by its words. With ``cores`` (article -> term -> ``claim_core``), the outlet must also hold a
    word of the term's core. A side whose terms all stand on claims nobody else tells is left out, not shown as
    telling this one without them: it uses such terms, only on something else."""
    said = dict(zip((s.article for s in sides), per_side(sides, lambda s: s.content_keys)))
    departing = {
        term
        for article, found in claims.items()
        for term, around in found.items()
        if len(around) < CLAIM_SHARED  # too few words of its own to tell its claim by ("He possibly added: ...")
        or any(
            term not in claims[other]
            and len(around & said[other]) >= CLAIM_SHARED
            and (cores is None or not cores[article][term] or cores[article][term] & said[other])
            for other in claims
            if other != article
        )
    }
    kept = {
        article: frozenset(t for t in found if t in departing or all(t in c for c in claims.values()))
        for article, found in claims.items()
    }
    return {article: terms for article, terms in kept.items() if terms or not claims[article]}


def context_keys(words: Sequence[Word], figures: bool = False) -> frozenset[str]:
    """The ``context_key`` of every word of ``words``; with ``figures`` the figures too ("12 Somalis and 11 Yemenis" /
    "12 are from Somalia and 11 from Yemen")."""
    return frozenset(k for w in words if (k := context_key(w) or (w.plain if figures and w.plain.isdigit() else None)))


def phrase_parts(phrase: str) -> list[str]:
    """The words of ``phrase`` as ``phrase_starts`` matches them: lower case, punctuation stripped."""
    return [p for p in (x.strip(".,;:'’").lower() for x in phrase.split()) if p]


def phrase_starts(words: Sequence[Word], phrase: str) -> list[int]:
    """Where the words of ``phrase`` (``phrase_parts``) stand in a row among ``words``; a word may carry a possessive
    ("the NYPD's statement" holds "nypd")."""
    parts = phrase_parts(phrase)
    plain = [w.plain for w in words]
    n = len(parts)
    return [
        i
        for i in range(len(plain) - n + 1)
        if n and all(plain[i + j] == p or plain[i + j].startswith(p + "'") for j, p in enumerate(parts))
    ]


def wording(words: Sequence[Word]) -> tuple[tuple[str, bool], ...]:
    """What the per-side readings of ``words`` depend on: each word as written and whether it
    starts a sentence. The sides of a fact often tell it in the same words; a reading memoised
    under this key is done once per wording."""
    return tuple((w.raw, w.first) for w in words)


_MEMO: dict[tuple, tuple[object, list[str]]] = {}
on_clear(_MEMO.clear)
_MEMO_SIZE = 8192


def _memoised(
    read: Callable[[list[Word], Mapping[str, str]], list[str]], words: list[Word], table: Mapping[str, str]
) -> list[str]:
    memo_key = (read, id(table), wording(words))
    hit = _MEMO.get(memo_key)
    if hit is not None and hit[0] is table:  # the same table, not another one at a reused address
        return list(hit[1])
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    found = read(words, table)
    _MEMO[memo_key] = (table, found)
    return list(found)


def cues(words: list[Word], table: Mapping[str, str]) -> list[str]:
    """Lemmas of single- and multi-word cues of ``table`` among ``words``."""
    return _memoised(_cues, words, table)


def _firsts(table: Mapping[str, str]) -> frozenset[str]:
    """The first words of the cues of ``table``: a phrase whose first word is none of them is no cue
    (a plain word holds no space, so a cue that matches starts with it)."""
    hit = _FIRSTS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _FIRSTS[id(table)] = (table, frozenset(k.split(" ")[0] for k in table))
    return hit[1]


_FIRSTS: dict[int, tuple[Mapping[str, str], frozenset[str]]] = {}


def _cues(words: list[Word], table: Mapping[str, str]) -> list[str]:
    return [lemma for _, _, lemma in cue_spans(words, table)]


def cue_spans(words: list[Word], table: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Where the cues of ``table`` stand among ``words``: (first word, number of words, lemma)."""
    out: list[tuple[int, int, str]] = []
    plain = [w.plain for w in words]
    firsts = _firsts(table)
    for i, w in enumerate(words):
        # "May" in the middle of a sentence is the month.
        if (w.raw[:1].isupper() and not w.first) or plain[i] not in firsts:
            continue
        for n in (3, 2):
            phrase = " ".join(plain[i : i + n])
            if len(plain[i : i + n]) == n and phrase in table and " " in phrase:
                out.append((i, n, table[phrase]))
        if w.plain in table and " " not in table[w.plain]:
            out.append((i, 1, table[w.plain]))
    return out


def cue_words(words: list[Word], table: Mapping[str, str]) -> list[str]:
    """The plain words that make up cues of ``table`` among ``words``."""
    return _memoised(_cue_words, words, table)


def _cue_words(words: list[Word], table: Mapping[str, str]) -> list[str]:
    out = []
    plain = [w.plain for w in words]
    firsts = _firsts(table)
    for i in range(len(words)):
        if plain[i] not in firsts:
            continue
        for n in (3, 2, 1):
            phrase = " ".join(plain[i : i + n])
            if len(plain[i : i + n]) == n and phrase in table:
                out.extend(plain[i : i + n])
                break
    return out


def is_negation(w: Word) -> bool:
    return w.plain in lexicon.NEGATION or w.plain.endswith(lexicon.NEGATION_SUFFIX)


def speech_verb_positions(words: list[Word]) -> list[int]:
    """Positions of the attribution verbs among ``words``: "said", "warned", not "the remarks" or
    "was warned", nor a capitalised verb inside a sentence (a name)."""
    out = []
    for i, w in enumerate(words):
        lemma = lexicon.ATTRIBUTION.get(w.plain)
        if lemma is None or (w.raw[:1].isupper() and not w.first):
            continue
        before = words[i - 1] if i else None
        if before is not None and before.plain in _NOT_SPEECH:
            continue
        if w.plain.endswith("ing") and not (before is not None and before.raw.endswith(",")):
            continue
        after = [x.plain for x in words[i + 1 : i + 3]]
        if w.plain in _SPEECH_NOUN_FORMS and not (after and (after[0] in _SPEECH_BEFORE or after[0].endswith("ed"))):
            continue  # "state legislators", "a conservative state"
        if any(a in _NOT_SPEECH_AFTER for a in after):
            continue  # "almost claimed her life"
        out.append(i)
    return out


# Preceding words that make an attribution form a noun or a passive ("the remarks", "was warned").
_NOT_SPEECH = data.words("lexicon", "not_speech")
_SPEECH_NOUN_FORMS = data.words("lexicon", "speech_noun_forms")
_SPEECH_BEFORE = data.words("lexicon", "speech_noun_forms_before")
_NOT_SPEECH_AFTER = data.words("lexicon", "not_speech_after")
