"""How the members of a fact group tell the fact differently: one Difference per kind found.

Kinds (docs/differences.md defines each): attribution, hedge, polarity, loaded_term, number,
name_variant, quote, source_cited, added_detail. The aligner calls ``classify_group`` for every
group; it also gets word-level highlights for each member.

An article may put several member sentences in one group; its members are read as one text. The
framing kinds (attribution, hedge, polarity, loaded_term, source_cited, added_detail) look only at the
outlet's own words, outside quotation marks: words inside a quote are the speaker's, and how a quote
is rendered is the quote kind's business.

A Difference's ``articles`` is the minority side: the articles whose reading departs from the one
most articles share; every article involved when two articles differ or when no reading has a
majority. Two kinds never make a disagreement on their own (see ``is_disagreement``): a name spelled
another way, and a quotation carried verbatim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ..model import Article, Difference, Member, Token
from ..nlp.names import name_variants
from ..nlp.numbers import UNIT_WORDS, find_numbers, number_mismatches
from ..nlp.quotes import find_quotes
from ..nlp.tokens import STOP_WORDS, stem, tokens
from . import lexicon, worddiff
from .quotes import MIN_WORDS, Span, body_quotes, forms_of, fullest, group_renderings, long_quotes

KINDS = (
    "attribution",
    "hedge",
    "polarity",
    "loaded_term",
    "number",
    "name_variant",
    "quote",
    "source_cited",
    "added_detail",
)
# Kinds that are reported but never make two renderings disagree.
NON_DISAGREEING = frozenset({"name_variant"})
# Quote forms that keep the speaker's words intact: reported, not a disagreement.
FAITHFUL_QUOTE_FORMS = frozenset({"verbatim"})

# Preceding words that make an attribution form a noun or a passive ("the remarks", "was warned").
_NOT_SPEECH = frozenset("is was are were be been being the a an his her its their our this that these those".split())
# How many words before a content word a negation cue still governs it ("unlikely to be resolved").
_NEGATION_WINDOW = 3
# How many words either side of a negated word count as its context.
_CONTEXT = 5
# Words an added phrase may bridge over without ending ("yesterday on the sidelines of the Forum").
_BRIDGE = frozenset("of the a an on in at to for with and by from between during since its their his her".split())
_LY_NOT_ADVERBS = frozenset("family italy assembly anomaly monopoly rally ally july".split())
_APOSTROPHES = re.compile("[’‘ʼ`´]")
# partial_ratio at or above which a side's own words repeat a quotation it does not mark as one.
_UNMARKED_SAME = 90
# A qualified number ("about", "more than") agrees with any value within this factor of it.
_QUALIFIED_SLACK = 1.25
# Words ending in a dot that do not end a sentence: titles, initials, dotted acronyms.
_ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|No|Mt|Ft)\.|(?:[A-Z]\.)+"
)
# Titles before a speaker's name: part of the attribution, not a detail.
_TITLE_WORDS = frozenset(
    "mr mrs ms dr prof sen rep gov gen president minister spokesman spokeswoman spokesperson".split()
)
# Words meet on this many first letters of their stems (threat / threatened, govern / government):
# an outlet rewording a fact picks another form of the same word.
_KEY_LETTERS = 6
_CLAUSE_END = re.compile(r"[,;:.!?)\]–—]$")
_PUNCT = "\"'“”‘’„«»()[]{}.,;:!?…–—-"


@dataclass(frozen=True)
class _Word:
    raw: str
    plain: str  # lower case, punctuation stripped: the form the lexicons match
    keys: tuple[str, ...]  # normalised tokens: the form the diff compares
    quoted: bool
    member: int
    first: bool  # first word of a sentence: its capital says nothing
    clause_end: bool


@dataclass(frozen=True)
class _Side:
    article: str
    text: str
    words: tuple[_Word, ...]
    quotes: tuple[Span, ...]
    speakers: frozenset[str] = frozenset()  # lower-case words of the speakers named next to quotes

    @property
    def own(self) -> list[_Word]:
        """The outlet's own words: everything outside quotation marks."""
        return [w for w in self.words if not w.quoted]

    @property
    def own_text(self) -> str:
        return " ".join(w.raw for w in self.own)


# How details name the articles: their outlet when that is unambiguous within the group, else the
# file name. Set per call of classify_group; ids stay in Difference.articles and .words.
_LABELS: ContextVar[Mapping[str, str]] = ContextVar("labels", default=MappingProxyType({}))


def _label(article: str) -> str:
    return _LABELS.get().get(article, article)


def _labels(sides: list[_Side], articles: Mapping[str, Article]) -> dict[str, str]:
    outlets = {s.article: getattr(articles.get(s.article), "outlet", None) for s in sides}
    counts = Counter(outlets.values())
    out = {}
    for a, outlet in outlets.items():
        out[a] = outlet if outlet and counts[outlet] == 1 else a.rsplit("/", 1)[-1]
    return out


def is_disagreement(diff: Difference) -> bool:
    """False for differences that leave the members telling the same fact the same way."""
    if diff.kind in NON_DISAGREEING:
        return False
    if diff.kind == "quote":
        return quote_form_of(diff) not in FAITHFUL_QUOTE_FORMS
    return True


def quote_form_of(diff: Difference) -> str:
    """The form named by a quote difference's detail ("quote trimmed: ..." -> "trimmed")."""
    m = re.match(r"quote (\w+)", diff.detail)
    return m.group(1) if m else ""


def classify_group(
    members: Sequence[Member], articles: Mapping[str, Article]
) -> tuple[tuple[Difference, ...], tuple[tuple[Token, ...], ...]]:
    """The differences among a group's members, and each member's words with changed flags."""
    sides = _sides(members, articles)
    highlights = _highlights(members, sides)
    if len(sides) < 2:
        return (), highlights
    found: list[Difference] = []
    token = _LABELS.set(_labels(sides, articles))
    try:
        for detect in _DETECTORS:
            diff = detect(sides)
            if diff is not None:
                found.append(diff)
    finally:
        _LABELS.reset(token)
    return tuple(found), highlights


# --- reading the members -------------------------------------------------------------------------


def _sides(members: Sequence[Member], articles: Mapping[str, Article]) -> list[_Side]:
    by_article: dict[str, list[tuple[int, Member]]] = {}
    for i, m in enumerate(members):
        by_article.setdefault(m.article, []).append((i, m))
    sides = []
    for article_id, ms in by_article.items():
        words: list[_Word] = []
        pieces: dict[int, list[str]] = {}  # article-level quotation -> the parts these members hold
        piece_speaker: dict[int, str | None] = {}
        own_quotes: list[Span] = []
        speakers: set[str] = set()
        for index, m in ms:
            spans = _member_quotes(m, articles.get(article_id))
            if spans is None:
                # No article to read (or the member is not one of its sentences): the member's own marks.
                found = find_quotes(m.text)
                mask = _mask(len(m.text), ((q.start, q.end) for q in found))
                speakers.update(w for q in found if q.speaker for w in q.speaker.lower().split())
                own_quotes.extend(long_quotes(m.text))
            else:
                mask = _mask(len(m.text), ((lo, hi) for _, lo, hi, _ in spans))
                for key, lo, hi, speaker in spans:
                    pieces.setdefault(key, []).append(m.text[lo:hi].strip())
                    piece_speaker[key] = speaker
                    speakers.update((speaker or "").lower().split())
            words.extend(_words(m.text, index, mask))
        quotes = own_quotes + [
            Span(key, key, " ".join(p), piece_speaker[key])
            for key, p in sorted(pieces.items())
            if len(tokens(" ".join(p))) >= MIN_WORDS
        ]
        sides.append(
            _Side(article_id, " ".join(m.text for _, m in ms), tuple(words), tuple(quotes), frozenset(speakers))
        )
    return sides


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
def _variants(a: str, b: str) -> list[tuple[str, str]]:
    return [(x, y) for x, y in name_variants(a, b) if not _typographic(x, y)]


def _typographic(x: str, y: str) -> bool:
    """Typewriter against curly apostrophes (It's / It’s), a possessive mark (Bishops / Bishops'),
    or a dateline in capitals (WASHINGTON / Washington): typography, not another spelling."""
    fx, fy = (_APOSTROPHES.sub("'", v).rstrip("'") for v in (x, y))
    if fx == fy:
        return True
    return fx.lower() == fy.lower() and (fx.isupper() or fy.isupper())


def _key(word: str) -> str:
    return stem(word)[:_KEY_LETTERS]


@lru_cache(maxsize=65536)
def _keys(word: str) -> tuple[str, ...]:
    # Words repeat across the groups of a corpus: normalise each spelling once.
    return tuple(tokens(word))


def _mask(n: int, spans) -> list[bool]:
    mask = [False] * n
    for lo, hi in spans:
        mask[lo:hi] = [True] * (hi - lo)
    return mask


def _words(text: str, member: int, inside: list[bool]) -> list[_Word]:
    out = []
    previous_end = True
    any_quote = any(inside)
    for m in re.finditer(r"\S+", text):
        raw = m.group()
        quoted = False
        if any_quote:
            # A word that carries a quote mark belongs to the quote when most of its letters sit inside.
            letters = [inside[i] for i in range(m.start(), m.end()) if text[i].isalnum()]
            quoted = bool(letters) and sum(letters) * 2 > len(letters)
        plain = raw.strip(_PUNCT).replace("’", "'").lower()
        out.append(
            _Word(
                raw=raw,
                plain=plain,
                keys=_keys(raw),
                quoted=quoted,
                member=member,
                first=previous_end,
                clause_end=bool(_CLAUSE_END.search(raw.rstrip("\"'”’"))),
            )
        )
        bare = raw.rstrip("\"'”’)")
        previous_end = bare.endswith((".", "!", "?")) and not _ABBREVIATION.fullmatch(bare)
    return out


def _highlights(members: Sequence[Member], sides: list[_Side]) -> tuple[tuple[Token, ...], ...]:
    # Compare flat key lists per article; a word is changed when any of its keys is.
    flat: list[list[str]] = []
    owner: list[list[int]] = []  # per side: key index -> word index
    for side in sides:
        keys, own = [], []
        for wi, w in enumerate(side.words):
            for k in w.keys:
                keys.append(k)
                own.append(wi)
        flat.append(keys)
        owner.append(own)
    flags = worddiff.changed(flat)
    per_member: dict[int, list[Token]] = {i: [] for i in range(len(members))}
    for side, side_flags, own in zip(sides, flags, owner):
        word_changed = [False] * len(side.words)
        for ki, f in enumerate(side_flags):
            if f:
                word_changed[own[ki]] = True
        for w, c in zip(side.words, word_changed):
            per_member[w.member].append(Token(w.raw, c))
    return tuple(tuple(per_member[i]) for i in range(len(members)))


# --- minority side -----------------------------------------------------------------------------


def _minority(signatures: Mapping[str, Hashable]) -> tuple[str, ...]:
    """Articles whose signature differs from the one a strict majority shares; all when none does."""
    counts = Counter(signatures.values())
    top, n = counts.most_common(1)[0]
    if len(signatures) > 2 and n * 2 > len(signatures) and n < len(signatures):
        return tuple(sorted(a for a, s in signatures.items() if s != top))
    return tuple(sorted(signatures))


def _set_difference(
    kind: str, sets: Mapping[str, frozenset[str]], describe: Callable[[str], str] | None = None
) -> Difference | None:
    """One Difference when the articles' feature sets differ; words are each side's own features."""
    if len(set(sets.values())) < 2:
        return None
    minority = _minority(sets)
    common = frozenset.intersection(*sets.values())
    words = {a: tuple(sorted(sets[a] - common)) for a in minority if sets[a] - common}
    readings: dict[tuple[str, ...], list[str]] = {}
    for a in sorted(sets):
        readings.setdefault(tuple(sorted(sets[a] - common)), []).append(a)
    parts = []
    for own, arts in sorted(readings.items(), key=lambda kv: (not kv[0], kv[0])):
        shown = ", ".join(describe(x) if describe else f'"{x}"' for x in own) if own else "none"
        parts.append(f"{shown} ({', '.join(_label(a) for a in arts)})")
    return Difference(kind, f"{kind}: " + " vs ".join(parts), minority, words)


# --- the kinds -----------------------------------------------------------------------------------


def _attribution(sides: list[_Side]) -> Difference | None:
    sets = {}
    for side in sides:
        verbs = _speech_verbs(side.own)
        if verbs:
            sets[side.article] = frozenset(verbs)
    if len(sets) < 2:
        return None
    # A swap: two articles each using a verb the other does not, not both neutral. An outlet that
    # adds "adding" after "said" has not reframed the remark.
    swapped = False
    items = list(sets.values())
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a_only, b_only = items[i] - items[j], items[j] - items[i]
            if a_only and b_only and not (a_only | b_only) <= lexicon.NEUTRAL_ATTRIBUTION:
                swapped = True
    return _set_difference("attribution", sets) if swapped else None


def _speech_verbs(words: list[_Word]) -> list[str]:
    return [lexicon.ATTRIBUTION[words[i].plain] for i in _speech_verb_positions(words)]


def _speech_verb_positions(words: list[_Word]) -> list[int]:
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
        out.append(i)
    return out


def _hedge(sides: list[_Side]) -> Difference | None:
    sets = {side.article: frozenset(_cues(_without_inability(side.own), lexicon.HEDGE)) for side in sides}
    return _set_difference("hedge", sets)


def _without_inability(words: list[_Word]) -> list[_Word]:
    """The words without a "could" that a negation follows: "could not agree" says they failed to
    agree, an inability, not a doubt about whether they did."""
    return [
        w for i, w in enumerate(words) if not (w.plain == "could" and i + 1 < len(words) and _is_negation(words[i + 1]))
    ]


def _cues(words: list[_Word], table: Mapping[str, str]) -> list[str]:
    """Lemmas of single- and multi-word cues of ``table`` among ``words``."""
    out = []
    plain = [w.plain for w in words]
    for i, w in enumerate(words):
        # "May" in the middle of a sentence is the month.
        if w.raw[:1].isupper() and not w.first:
            continue
        for n in (3, 2):
            phrase = " ".join(plain[i : i + n])
            if len(plain[i : i + n]) == n and phrase in table and " " in phrase:
                out.append(table[phrase])
        if w.plain in table and " " not in table[w.plain]:
            out.append(table[w.plain])
    return out


def _cue_words(words: list[_Word], table: Mapping[str, str]) -> list[str]:
    """The plain words that make up cues of ``table`` among ``words``."""
    out = []
    plain = [w.plain for w in words]
    for i in range(len(words)):
        for n in (3, 2, 1):
            phrase = " ".join(plain[i : i + n])
            if len(plain[i : i + n]) == n and phrase in table:
                out.extend(plain[i : i + n])
                break
    return out


def _polarity(sides: list[_Side]) -> Difference | None:
    states: list[dict[str, tuple[bool, str]]] = []
    for side in sides:
        states.append(_negated_anchors(side.own))
    flags: dict[str, dict[str, bool]] = {}
    phrases: dict[str, dict[str, str]] = {}
    contexts: dict[str, dict[str, frozenset[str]]] = {}
    for side, st in zip(sides, states):
        for anchor, (neg, phrase, context) in st.items():
            flags.setdefault(anchor, {})[side.article] = neg
            phrases.setdefault(anchor, {})[side.article] = phrase
            contexts.setdefault(anchor, {})[side.article] = context

    def same_claim(anchor: str) -> bool:
        # The word must sit among the same words on both readings ("the issue ... resolved ...
        # Pyongyang"), or it is the same word in two different claims.
        f, c = flags[anchor], contexts[anchor]
        yes = [a for a, neg in f.items() if neg]
        no = [a for a, neg in f.items() if not neg]
        return any(c[x] & c[y] for x in yes for y in no)

    flipped = {a: f for a, f in flags.items() if len(f) >= 2 and len(set(f.values())) == 2 and same_claim(a)}
    if not flipped:
        return None
    involved: dict[str, list[str]] = {}
    minority: set[str] = set()
    for anchor, f in sorted(flipped.items()):
        minority.update(_minority(f))
        for article in f:
            involved.setdefault(article, []).append(phrases[anchor][article])
    parts = [f'"{"; ".join(involved[a])}" ({_label(a)})' for a in sorted(involved)]
    words = {a: tuple(involved[a]) for a in sorted(minority)}
    return Difference("polarity", "polarity: " + " vs ".join(parts), tuple(sorted(minority)), words)


def _negated_anchors(words: list[_Word]) -> dict[str, tuple[bool, str, frozenset[str]]]:
    """Content-word stem -> (negated, phrase shown, stems of the content words around it), for
    stems whose occurrences agree.

    A negation cue governs the first content word after it in its clause, skipping function words
    and -ly adverbs ("not to directly supply" negates "supply"), within a few words.
    """
    governed: dict[int, int] = {}
    for j, w in enumerate(words):
        if not _is_negation(w):
            continue
        for i in range(j + 1, min(len(words), j + 1 + _NEGATION_WINDOW + 1)):
            if _is_anchor(words[i]):
                governed.setdefault(i, j)
                break
            if words[i].clause_end:
                break
    seen: dict[str, set[bool]] = {}
    shown: dict[str, str] = {}
    around: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        if not _is_anchor(w):
            continue
        key = _key(w.plain)
        near = words[max(0, i - _CONTEXT) : i] + words[i + 1 : i + 1 + _CONTEXT]
        around.setdefault(key, set()).update(
            _key(x.plain)
            for x in near
            if x.plain.isalpha() and len(x.plain) >= 3 and x.plain not in STOP_WORDS and not _is_negation(x)
        )
        cue_at = governed.get(i)
        if cue_at is not None and cue_at > 0 and words[cue_at - 1].plain == "no" and words[cue_at].plain == "longer":
            cue_at -= 1  # show "no longer" whole
        seen.setdefault(key, set()).add(cue_at is not None)
        start = cue_at if cue_at is not None else max(0, i - 2)
        shown.setdefault(key, " ".join(x.raw.strip(_PUNCT) for x in words[start : i + 1]))
    return {s: (next(iter(v)), shown[s], frozenset(around[s] - {s})) for s, v in seen.items() if len(v) == 1}


def _is_negation(w: _Word) -> bool:
    return w.plain in lexicon.NEGATION or w.plain.endswith(lexicon.NEGATION_SUFFIX)


def _is_anchor(w: _Word) -> bool:
    p = w.plain
    return (
        p.isalpha()
        and not (w.raw[:1].isupper() and not w.first)  # names are not negated, their predicates are
        and p not in lexicon.TIME_WORDS
        and len(p) >= 3
        and p not in STOP_WORDS
        and p not in lexicon.NEGATION
        and p not in lexicon.HEDGE
        and not _adverb(p)
    )


def _adverb(p: str) -> bool:
    return p.endswith("ly") and len(p) >= 6 and not p.endswith("ply") and p not in _LY_NOT_ADVERBS


def _loaded(sides: list[_Side]) -> Difference | None:
    sets = {}
    for side in sides:
        own = side.own
        found = {w.plain for w in own if w.plain in lexicon.LOADED and not (w.raw[:1].isupper() and not w.first)}
        joined = " " + " ".join(w.plain for w in own) + " "
        found |= {p for p in lexicon.LOADED_PHRASES if f" {p} " in joined}
        sets[side.article] = frozenset(found)

    def describe(term: str) -> str:
        return f'"{term}" [{lexicon.LOADED.get(term) or lexicon.LOADED_PHRASES.get(term)}]'

    return _set_difference("loaded_term", sets, describe)


def _number(sides: list[_Side]) -> Difference | None:
    per = {s.article: [n for n in find_numbers(s.text) if n.unit] for s in sides}
    per = {a: n for a, n in per.items() if n}
    if len(per) < 2:
        return None
    texts = {s.article: s.text for s in sides}
    conflicts: dict[str, set[str]] = {}
    ids = sorted(per)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            for mm in number_mismatches(texts[a], texts[b]):
                if not _conflicting(mm, texts[a], texts[b]):
                    continue
                conflicts.setdefault(a, set()).add(_shown(mm.a, mm.kind))
                conflicts.setdefault(b, set()).add(_shown(mm.b, mm.kind))
    if not conflicts:
        return None
    sets = {a: frozenset((n.unit, n.value) for n in per[a]) for a in per}
    minority = tuple(a for a in _minority(sets) if a in conflicts) or tuple(sorted(conflicts))
    parts = [", ".join(f'"{w}"' for w in sorted(conflicts[a])) + f" ({_label(a)})" for a in sorted(conflicts)]
    words = {a: tuple(sorted(conflicts[a])) for a in minority}
    return Difference("number", "number: " + " vs ".join(parts), minority, words)


def _shown(n, mismatch: str) -> str:
    """A number as the detail shows it: with its unit when the units are what differ."""
    if mismatch == "unit" and n.unit and n.unit not in n.text:
        return f"{n.unit}{n.text}" if n.kind == "money" and len(n.unit) == 1 else f"{n.text} {n.unit}"
    return n.text


def _conflicting(mm, a_text: str, b_text: str) -> bool:
    """Whether a mismatch from ``number_mismatches`` is one a reader would call a contradiction:
    a year is not a count ("2008 event" / "six years"), "more than $1 million" does not contradict
    "$1.1 million", and "544 women ... store managers" / "544 store managers" count the same people
    (each side's unit word is in the other's text)."""
    if mm.a.kind != mm.b.kind:
        return False
    if mm.kind == "unit" and mm.a.unit and mm.b.unit:
        if mm.a.unit[:5].lower() in b_text.lower() or mm.b.unit[:5].lower() in a_text.lower():
            return False
    if (mm.a.qualifier or mm.b.qualifier) and mm.a.value and mm.b.value:
        low, high = sorted((mm.a.value, mm.b.value))
        if high <= low * _QUALIFIED_SLACK:
            return False
    return True


def _name_variant(sides: list[_Side]) -> Difference | None:
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            pairs.extend(_variants(a.text, b.text))
    if not pairs:
        return None
    # Group spellings of one name; each article's signature is the spellings it uses.
    groups: list[set[str]] = []
    for x, y in pairs:
        hit = [g for g in groups if x in g or y in g]
        merged = {x, y}.union(*hit) if hit else {x, y}
        groups = [g for g in groups if g not in hit] + [merged]
    sets = {s.article: frozenset(sp for g in groups for sp in g if _contains(s.text, sp)) for s in sides}
    minority = _minority(sets)
    detail = "; ".join(
        " / ".join(
            f'"{sp}" ({", ".join(sorted(_label(a) for a, used in sets.items() if sp in used))})' for sp in sorted(g)
        )
        for g in groups
    )
    words = {a: tuple(sorted(sets[a])) for a in minority if sets[a]}
    return Difference("name_variant", f"name_variant: {detail}", minority, words)


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text) is not None


def _quote(sides: list[_Side]) -> Difference | None:
    quoted = [s for s in sides if s.quotes]
    if not quoted:
        return None
    # Each remark: the renderings of all articles that match one another. The members tell one
    # fact, so two quotations left unmatched may be two translations of one remark.
    remarks = group_renderings([(side.article, span) for side in quoted for span in side.quotes])
    by_id = {s.article: s for s in sides}
    notes: list[str] = []
    forms: dict[str, set[str]] = {}
    words: dict[str, list[str]] = {}
    worst = "verbatim"
    order = ["verbatim", "bracketed", "trimmed", "altered", "translated", "absent"]
    for r in remarks:
        excerpt = _excerpt(fullest(list(r.values())).text)
        if len(r) < 2:
            # Quoted by one article; the others tell the same fact without the quotation.
            holder = next(iter(r))
            others = sorted(s.article for s in sides if s.article != holder)
            unmarked = [a for a in others if _has_words(by_id[a], r[holder].text)]
            missing = [a for a in others if a not in unmarked]
            note = f'"{excerpt}" quoted by {_label(holder)} only'
            if unmarked:
                note += f", the same words without quote marks in {', '.join(map(_label, unmarked))}"
            if missing:
                note += f", absent from {', '.join(map(_label, missing))}"
            notes.append(note)
            forms.setdefault(holder, set()).add("absent")
            worst = max(worst, "absent", key=order.index)
            continue
        by_form: dict[str, list[str]] = {}
        changed_words: dict[str, tuple[str, ...]] = {}
        for article, (f, w) in sorted(forms_of(r).items()):
            by_form.setdefault(f, []).append(article)
            forms.setdefault(article, set()).add(f)
            if w:
                words.setdefault(article, []).extend(w)
                changed_words[article] = w
            worst = max(worst, f, key=order.index)
        if set(by_form) == {"verbatim"}:
            notes.append(f'"{excerpt}" verbatim in {", ".join(_label(a) for a in sorted(r))}')
        else:
            shown = []
            for f, arts in sorted(by_form.items(), key=lambda kv: order.index(kv[0])):
                for a in arts:
                    what = _excerpt(" ".join(changed_words.get(a, ())), 6)
                    label = {"bracketed": "inserts", "trimmed": "cuts", "altered": "changes"}.get(f, "")
                    said = f' {label} "{what}"' if label and what else ""
                    shown.append(f"{f} ({_label(a)}{said})")
            notes.append(f'"{excerpt}": ' + " vs ".join(shown))
    signatures = {s.article: frozenset(forms.get(s.article, {"absent"})) for s in sides}
    minority = _minority(signatures)
    return Difference(
        "quote",
        f"quote {worst}: " + "; ".join(notes),
        minority,
        {a: tuple(dict.fromkeys(words[a])) for a in minority if words.get(a)},
    )


def _has_words(side: _Side, quotation: str) -> bool:
    """Whether the side tells the quotation's words in its own voice (no quote marks)."""
    from rapidfuzz import fuzz

    own = " ".join(tokens(side.own_text))
    return bool(own) and fuzz.partial_ratio(" ".join(tokens(quotation)), own) >= _UNMARKED_SAME


def _excerpt(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


_ACCORDING = re.compile(
    r"\b(?P<cue>according to|citing|quoted by|reported by|told|in an interview with|cited by)\s+"
    r"(?P<src>(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,5}(?:news agency|agency|newspaper|media|daily)?"
    r"|(?:" + "|".join(sorted(lexicon.GENERIC_SOURCES)) + r")\b)"
)
_REPORTED = re.compile(
    r"(?P<src>(?:[A-Z][\w'’.-]*\s+){1,4}?(?:news agency|agency|newspaper|media)?|"
    r"(?:" + "|".join(sorted(lexicon.GENERIC_SOURCES)) + r")\s+)"
    r"(?:reported|reports|quoted|cited)\b"
)


def sources(text: str) -> set[str]:
    """The sources a text cites: named outlets and agencies, people after "according to", generic
    "officials" or "experts". Outlets are folded to the registry's name (Yonhap News Agency -> Yonhap)."""
    from ..outlets import canonical, find_outlets

    out: set[str] = set()
    for pattern in (_ACCORDING, _REPORTED):
        for m in pattern.finditer(text):
            src = m.group("src").strip()
            outlets = find_outlets(src)
            if outlets:
                out.update(outlets)
                continue
            if m.groupdict().get("cue") in ("told", "in an interview with"):
                # "told Schieffer", "told the conference": whom they spoke to, not a source cited;
                # only a news outlet ("told Yonhap", "told Fox News") is one.
                continue
            src = re.sub(r"^(?:the|The)\s+", "", src).strip(" ,.")
            if src.lower() in lexicon.GENERIC_SOURCES or (pattern is _ACCORDING and src[:1].isupper()):
                out.add(canonical(src) or src)
    return out


def _source(sides: list[_Side]) -> Difference | None:
    sets = {s.article: frozenset(sources(s.own_text)) for s in sides}
    return _set_difference("source_cited", sets)


def _added(sides: list[_Side]) -> Difference | None:
    keysets = [{_key(k) for w in s.words for k in w.keys} for s in sides]
    variant_words = {
        w.lower()
        for i, a in enumerate(sides)
        for b in sides[i + 1 :]
        for p in _variants(a.text, b.text)
        for x in p
        for w in x.split()
    }
    adds: dict[str, list[str]] = {}
    kinds: dict[str, set[str]] = {}
    others_needed = (len(sides) - 1 + 1) // 2
    for idx, side in enumerate(sides):
        own = side.own
        # Words another kind already explains: the speech verbs and hedges of this side, and the
        # speaker named next to a quotation (attribution, not a detail).
        explained = {own[i].plain for i in _speech_verb_positions(own)} | set(_cue_words(own, lexicon.HEDGE))
        explained |= {w.strip(_PUNCT) for w in side.speakers} | _TITLE_WORDS | UNIT_WORDS
        # A cited source is the source_cited kind's ("Reuters reported"), not an added detail.
        explained |= {p.lower() for src in sources(side.own_text) for p in src.split()}
        added = []
        for w in own:
            content = (
                w.plain and w.plain not in STOP_WORDS and w.plain not in explained and any(c.isalnum() for c in w.plain)
            )
            content = content and w.plain not in variant_words
            if not (content and w.keys):
                added.append(False)
                continue
            stems = [_key(k) for k in w.keys]
            missing = sum(1 for j, ks in enumerate(keysets) if j != idx and not all(x in ks for x in stems))
            added.append(missing >= others_needed)
        for start, end in _phrases(own, added):
            chunk = own[start:end]
            units = _units(chunk, added[start:end])
            kind = _detail_kind(chunk, own[start - 1] if start else None)
            if units >= 3 or (units >= 2 and kind != {"what"}):
                adds.setdefault(side.article, []).append(" ".join(w.raw for w in chunk).strip(_PUNCT))
                kinds.setdefault(side.article, set()).update(kind)
    if not adds:
        return None
    articles = tuple(sorted(adds))
    parts = [
        f"{_label(a)} adds {', '.join(sorted(kinds[a]))}: " + "; ".join(f'"{p}"' for p in adds[a]) for a in articles
    ]
    return Difference(
        "added_detail", "added_detail: " + "; ".join(parts), articles, {a: tuple(adds[a]) for a in articles}
    )


def _units(chunk: list[_Word], added: list[bool]) -> int:
    """Added content words, a run of capitalised words counting once: "North Korea" is one name,
    and a name another outlet gives as "Pyongyang" is not a detail of two words."""
    n = 0
    previous_name = False
    for w, a in zip(chunk, added):
        name = w.raw[:1].isupper() and not w.first
        if a and not (name and previous_name):
            n += 1
        previous_name = a and name
    return n


def _phrases(words: list[_Word], added: list[bool]) -> list[tuple[int, int]]:
    """Runs of added words, bridging articles and prepositions between two added words."""
    out = []
    for start, end in worddiff.runs(added):
        if out:
            prev_start, prev_end = out[-1]
            gap = words[prev_end:start]
            if gap and all(w.plain in _BRIDGE for w in gap) and not words[prev_end - 1].clause_end:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def _detail_kind(chunk: list[_Word], before: _Word | None = None) -> set[str]:
    """when, where, who or what an added phrase tells; ``before`` is the word just ahead of it,
    which may be the preposition of a place ("in | Vienna on Tuesday")."""
    kinds = set()
    plains = [w.plain for w in chunk]
    if any(p in lexicon.TIME_WORDS for p in plains) or any(re.fullmatch(r"(1[89]|20)\d\d", p) for p in plains):
        kinds.add("when")
    words = ([before] if before is not None else []) + chunk
    placed: set[int] = set()  # positions in words of the capitalised words naming a place after a cue
    for i, w in enumerate(words):
        if w.plain in lexicon.PLACE_NOUNS:
            kinds.add("where")
        elif w.plain in lexicon.PLACE_CUES and i + 1 < len(words) and words[i + 1].raw[:1].isupper():
            kinds.add("where")
            placed.update(k for k in range(i + 1, min(i + 3, len(words))) if words[k].raw[:1].isupper())
    first = len(words) - len(chunk)
    if any(
        w.raw[:1].isupper() and not w.first and first + k not in placed and w.plain not in lexicon.TIME_WORDS
        for k, w in enumerate(chunk)
    ):
        kinds.add("who")
    return kinds or {"what"}


_DETECTORS: tuple[Callable[[list[_Side]], Difference | None], ...] = (
    _attribution,
    _hedge,
    _polarity,
    _loaded,
    _number,
    _name_variant,
    _quote,
    _source,
    _added,
)
