"""Quotations across outlets: the form each outlet gives a quote, and the event's quote tracker.

Finding quotations and their speakers, and comparing two renderings, is ``srccompare.nlp.quotes``'s
job; this module decides, per outlet, which form its rendering takes against the others. Forms, from
the reader's side, each comparing one outlet's rendering with the fullest of the others':

- verbatim: the same words (quote marks, ellipsis styles and case aside), or the fuller rendering
  when another outlet trims it: the fullest rendering is taken as the speaker's words;
- bracketed: the same words plus an editor's insertion in brackets ("the (South) Korean leadership");
- trimmed: part of the words, cut at an end or at an ellipsis;
- altered: mostly the same words, some changed or cut silently;
- translated: the same remark in other words, as two translations of one foreign-language quote are;
- absent: the outlet does not carry the quote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, FactGroup, Quote, QuoteUse
from ..nlp.memo import per_sentence
from ..nlp.quotes import article_quotes, compare_quotes, find_quotes, is_title
from ..nlp.tokens import content_tokens, normalise, stem, tokens

# A quotation shorter than this many words is a scare quote ("aggression"), not a remark to track.
MIN_WORDS = 3
# partial_ratio on normalised text at or above which two quotations are renderings of one remark,
# whatever each outlet trimmed or bracketed.
SAME_QUOTE = 80.0
# Two quotations of one fact that share too few words to be edits of one text are two translations
# of one remark when they share at least TRANSLATION_SHARED content stems and this share of the
# shorter one's.
TRANSLATION_OVERLAP = 0.3
TRANSLATION_SHARED = 3
# Translations pick other forms of one word ("threats" / "threatens"): their stems are compared on
# this many first letters.
TRANSLATION_PREFIX = 6

FORMS = ("verbatim", "bracketed", "trimmed", "altered", "translated", "absent")

_BRACKETED = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_ELLIPSIS_ONLY = re.compile(r"^[\s.…]*$")


@dataclass(frozen=True)
class Span:
    """A quotation (or the part of it a fact group's sentences cover) in one article."""

    start: int
    end: int
    text: str
    speaker: str | None = None


def long_quotes(text: str) -> list[Span]:
    """Quotations of at least MIN_WORDS words in one sentence or paragraph."""
    return [
        Span(q.start, q.end, q.text, q.speaker)
        for q in find_quotes(text)
        if q.words >= MIN_WORDS and not is_title(q.text)
    ]


def bracketed(text: str) -> list[str]:
    """Editorial insertions in a quotation: bracketed words, not bracketed ellipses."""
    return [m.group(0) for m in _BRACKETED.finditer(text) if not _ELLIPSIS_ONLY.match(m.group(1))]


def same_quote(a: str, b: str) -> float:
    """How likely two quotations are renderings of one remark, 0..100 (partial_ratio on tokens)."""
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(normalise(a), normalise(b))


def _same_quote_matrix(renderings: Sequence[tuple[str, Span]]) -> list[list[float]]:
    """``same_quote`` for every pair of renderings from different articles (0 within one article).

    One rapidfuzz ``cdist`` call with the cheap ``token_set_ratio`` finds the candidates (a trimmed
    or bracketed rendering's words are a near subset of the fuller one's, so it scores high too);
    only those pay for ``partial_ratio``, which is what decides.
    """
    n = len(renderings)
    scores = [[0.0] * n for _ in range(n)]
    if n < 2:
        return scores
    from rapidfuzz import fuzz, process

    norm = [normalise(span.text) for _, span in renderings]
    candidates = process.cdist(norm, norm, scorer=fuzz.token_set_ratio, score_cutoff=SAME_QUOTE)
    # Outlets often print a quotation alike: each ordered pair of texts is scored once.
    done: dict[tuple[str, str], float] = {}
    for i, j in zip(*candidates.nonzero()):
        i, j = int(i), int(j)
        if i < j and renderings[i][0] != renderings[j][0]:
            score = done.get((norm[i], norm[j]))
            if score is None:
                score = done[norm[i], norm[j]] = fuzz.partial_ratio(norm[i], norm[j], score_cutoff=SAME_QUOTE)
            scores[i][j] = scores[j][i] = score
    return scores


@lru_cache(maxsize=256)
def body_quotes(article_id: str, paragraphs: tuple[str, ...]):
    """The article's quotations (spans into the body, speakers resolved), computed once per article:
    the classifier and the tracker both read them. A quoted title ("The Hunger Games.") is no remark."""
    return [q for q in article_quotes(paragraphs) if not is_title(q.text)]


def may_be_translations(a: str, b: str) -> bool:
    """Whether two quotations of one fact may be two translations of one remark ("threats" /
    "threatens", "nuclear issue" / "nuclear problem"): callers ask only about quotations already
    known to tell the same fact."""
    if compare_quotes(a, b).form != "unrelated":
        return True
    ca = {stem(t)[:TRANSLATION_PREFIX] for t in content_tokens(a)}
    cb = {stem(t)[:TRANSLATION_PREFIX] for t in content_tokens(b)}
    shared = ca & cb
    # A name of several words is one shared thing, not several ('Betty Ford' in two different remarks
    # about her going back there).
    extra = sum(len(run) - 1 for run in _name_runs(a) & _name_runs(b) if run <= shared)
    count = len(shared) - extra
    return count >= TRANSLATION_SHARED and count >= TRANSLATION_OVERLAP * (min(len(ca), len(cb)) - extra)


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")


def _name_runs(text: str) -> set[frozenset[str]]:
    """The content stems of each run of two or more capitalised words ("Betty Ford", "South Korea")."""
    runs = set()
    for m in _NAME_RUN.finditer(text):
        run = frozenset(stem(t)[:TRANSLATION_PREFIX] for t in content_tokens(m.group()))
        if len(run) >= 2:
            runs.add(run)
    return runs


def same_speaker(a: Span, b: Span) -> bool:
    """False only when both quotations name a speaker and the surnames differ."""
    if not (a.speaker and b.speaker and a.speaker[:1].isupper() and b.speaker[:1].isupper()):
        return True
    return a.speaker.split()[-1] == b.speaker.split()[-1]


def group_renderings(renderings: Sequence[tuple[str, Span]], translations: bool = True) -> list[dict[str, Span]]:
    """Cluster the quotations of several articles into remarks: [{article: its rendering}].

    Renderings of one remark match with ``same_quote``. With ``translations``, remarks left with one
    article each are then paired when they ``may_be_translations``: pass it only for quotations
    already known to tell one fact.
    """
    remarks: list[dict[str, Span]] = []
    members: list[list[int]] = []  # rendering indices of each remark
    scores = _same_quote_matrix(renderings)
    for i, (article, span) in enumerate(renderings):
        for r, idx in zip(remarks, members):
            if article not in r and any(scores[i][j] >= SAME_QUOTE for j in idx):
                r[article] = span
                idx.append(i)
                break
        else:
            remarks.append({article: span})
            members.append([i])
    if not translations:
        return remarks
    merged: list[dict[str, Span]] = []
    for r in remarks:
        if len(r) == 1:
            ((article, span),) = r.items()
            for m in merged:
                if article not in m and all(
                    same_speaker(span, o) and may_be_translations(span.text, o.text) for o in m.values()
                ):
                    m[article] = span
                    break
            else:
                merged.append(dict(r))
        else:
            merged.append(dict(r))
    return merged


def fullest(spans: Sequence[Span]) -> Span:
    return max(spans, key=lambda s: (_length(s.text), s.text))


@per_sentence
def _length(text: str) -> int:
    return len(tokens(text))


def form(text: str, reference: str) -> tuple[str, tuple[str, ...]]:
    """The form of rendering ``text`` against ``reference`` (the fullest other rendering), with the
    words that make it: the insertion, the words cut, or the words changed."""
    c = compare_quotes(reference, text)
    if c.form == "verbatim":
        return "verbatim", ()
    if c.form == "bracketed":
        own = bracketed(text)
        # The insertion is the other rendering's: this one is the plain words.
        return ("bracketed", tuple(own)) if own and set(own) != set(bracketed(reference)) else ("verbatim", ())
    if c.form in ("trimmed", "altered") and c.dropped:
        if _length(text) < _length(reference):
            return c.form, c.dropped
        return "verbatim", ()
    if c.form == "altered":
        mine = set(tokens(text))
        return "altered", tuple(w for w in c.changed if w in mine)
    if c.form == "translated" or may_be_translations(text, reference):
        return "translated", ()
    return "absent", ()


def forms_of(remark: Mapping[str, Span]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each article's form in one remark, against the closest of the other renderings (the fullest
    among equally close ones): two outlets that altered one quotation alike are compared with each
    other, not with a third outlet's other translation."""
    from rapidfuzz import fuzz

    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    # Outlets often print a quotation alike: each ordered pair of texts is scored, and each text's
    # form against its reference read, once.
    closeness: dict[tuple[str, str], int] = {}
    forms: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for article, span in remark.items():
        others = [o for a, o in remark.items() if a != article]
        if not others:
            out[article] = ("verbatim", ())
            continue
        mine = normalise(span.text)

        def rank(o: Span, mine: str = mine, text: str = span.text) -> tuple[int, int, str]:
            score = closeness.get((text, o.text))
            if score is None:
                score = closeness[text, o.text] = round(fuzz.partial_ratio(mine, normalise(o.text)))
            return score, _length(o.text), o.text

        pair = (span.text, max(others, key=rank).text)
        found = forms.get(pair)
        if found is None:
            found = forms[pair] = form(*pair)
        out[article] = found
    return out


# --- the tracker ---------------------------------------------------------------------------------


def track_quotes(
    event_articles: Sequence[Article], facts: Sequence[FactGroup], *, prefix: str = ""
) -> tuple[Quote, ...]:
    """Every quotation of the event: its fullest text, its speaker, the fact group it sits in, and
    for each article of the event the form it carries it in (``absent`` when it does not).

    Renderings in different facts pair only when they are the same words (trimmed, bracketed or
    altered); two translations of one remark pair only inside one fact group.
    """
    fact_of: dict[tuple[str, int], str] = {}
    for f in facts:
        for m in f.members:
            # A sentence in a shared group outranks one in a single-article group.
            if (m.article, m.sentence) not in fact_of or len(f.articles) > 1:
                fact_of[(m.article, m.sentence)] = f.id
    shared = {f.id for f in facts if len(f.articles) > 1}
    renderings: list[tuple[str, Span]] = []
    fact_at: dict[tuple[str, int], str | None] = {}
    for article in event_articles:
        for q in _article_quotes(article):
            if q.words < MIN_WORDS:
                continue
            renderings.append((article.id, Span(q.start, q.end, q.text, q.speaker)))
            fact_at[(article.id, q.start)] = _fact(article, q.start, q.end, fact_of, shared)
    remarks = group_renderings(renderings, translations=False)
    remarks = _pair_translations(remarks, fact_at)
    out = []
    for i, r in enumerate(remarks, 1):
        forms = forms_of(r)
        uses = tuple(
            QuoteUse(a.id, forms[a.id][0], r[a.id].text) if a.id in r else QuoteUse(a.id, "absent")
            for a in event_articles
        )
        facts_here = Counter(fact_at[(a, s.start)] for a, s in r.items() if fact_at[(a, s.start)])
        fact = facts_here.most_common(1)[0][0] if facts_here else None
        out.append(Quote(f"{prefix}Q{i}", fullest(list(r.values())).text, _speaker(r.values()), uses, fact))
    return tuple(out)


def _article_quotes(article: Article):
    return body_quotes(article.id, tuple(article.paragraphs))


def _fact(article: Article, start: int, end: int, fact_of, shared) -> str | None:
    """The fact group of the sentences a quotation spans; a group shared with other outlets first."""
    found = []
    for i, s in enumerate(article.sentences):
        if s.start < end and start < s.end and (article.id, i) in fact_of:
            found.append(fact_of[(article.id, i)])
    for f in found:
        if f in shared:
            return f
    return found[0] if found else None


def _pair_translations(remarks: list[dict[str, Span]], fact_at) -> list[dict[str, Span]]:
    out: list[dict[str, Span]] = []
    for r in remarks:
        if len(r) == 1:
            ((article, span),) = r.items()
            fact = fact_at[(article, span.start)]
            for m in out:
                if (
                    fact is not None
                    and article not in m
                    and all(fact_at[(a, s.start)] == fact for a, s in m.items())
                    and all(same_speaker(span, s) and may_be_translations(span.text, s.text) for s in m.values())
                ):
                    m[article] = span
                    break
            else:
                out.append(dict(r))
        else:
            out.append(dict(r))
    return out


def _speaker(spans) -> str | None:
    """The name most renderings give; a description ("the Russian leader") only when none names one.

    Names vote by their last word, so "Vladimir Putin" and "Putin" are one vote; the fullest
    spelling is shown.
    """
    names = [s.speaker for s in spans if s.speaker and s.speaker[:1].isupper()]
    if names:
        surname, _ = Counter(n.split()[-1] for n in names).most_common(1)[0]
        return max((n for n in names if n.split()[-1] == surname), key=len)
    others = [s.speaker for s in spans if s.speaker]
    return Counter(others).most_common(1)[0][0] if others else None
