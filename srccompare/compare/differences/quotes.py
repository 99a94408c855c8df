"""Quotes: how each outlet renders a remark (verbatim, bracketed insertion, trimmed, altered, another
translation), and a remark only some outlets quote."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...model import Difference, QuoteRemark
from ...nlp.tokens import normalise
from ...render.labels import QUOTE_FORMS, excerpt
from ..quotes import forms_of, fullest, group_renderings
from . import register
from .reading import PUNCT, Side, _words, minority, without_loose_silences

# partial_ratio at or above which a side's own words repeat a quotation it does not mark as one.
_UNMARKED_SAME = 90


@register("quote")
def _quote(sides: list[Side]) -> Difference | None:
    # A side told in a clause of a longer sentence without a quotation is none of the sides a quotation is absent
    # from: its sentence may quote it outside the clause.
    sides, _ = without_loose_silences(sides, [s.quotes for s in sides])
    quoted = [s for s in sides if s.quotes]
    if len(sides) < 2:
        return None
    if not quoted:
        return None
    # Each remark: the renderings of all articles that match one another. The members tell one
    # fact, so two quotations left unmatched may be two translations of one remark.
    remarks = group_renderings([(side.article, span) for side in quoted for span in side.quotes])
    by_id = {s.article: s for s in sides}
    found: list[QuoteRemark] = []
    forms: dict[str, set[str]] = {}
    words: dict[str, list[str]] = {}
    worst = "verbatim"
    for r in remarks:
        shown = excerpt(fullest(list(r.values())).text)
        if len(r) < 2:
            # Quoted by one article; the others tell the same fact without the quotation.
            holder = next(iter(r))
            others = sorted(s.article for s in sides if s.article != holder)
            if any(_quotes_elsewhere(by_id[a], r[holder].text) for a in others):
                # another outlet quotes it in another sentence, which joined another fact (ECB+ T1a: Tara Reid's
                # publicist's statement, quoted by seven outlets): no "quoted by one outlet only" here
                continue
            unmarked = tuple(a for a in others if _has_words(by_id[a], r[holder].text))
            absent = tuple(a for a in others if a not in unmarked)
            found.append(QuoteRemark(shown, {holder: "absent"}, unmarked=unmarked, absent=absent))
            forms.setdefault(holder, set()).add("absent")
            worst = max(worst, "absent", key=QUOTE_FORMS.index)
            continue
        remark_forms: dict[str, str] = {}
        changed: dict[str, tuple[str, ...]] = {}
        for article, (f, w) in sorted(forms_of(r).items()):
            remark_forms[article] = f
            forms.setdefault(article, set()).add(f)
            if w:
                words.setdefault(article, []).extend(w)
                # shown as written: this rendering's own words (an insertion, a change), else the one it cuts them from
                changed[article] = _as_written(
                    w, [r[article].text] + [o.text for a, o in sorted(r.items()) if a != article]
                )
            worst = max(worst, f, key=QUOTE_FORMS.index)
        found.append(QuoteRemark(shown, remark_forms, changed))
    if not found:
        return None  # every remark here is one other outlets quote in another sentence
    signatures = {s.article: frozenset(forms.get(s.article, {"absent"})) for s in sides}
    departing = minority(signatures)
    return Difference(
        "quote",
        "",
        departing,
        {a: tuple(dict.fromkeys(words[a])) for a in departing if words.get(a)},
        form=worst,
        remarks=tuple(found),
    )


def _quotes_elsewhere(side: Side, quotation: str) -> bool:
    """Whether the side's article quotes the quotation anywhere (``Side.quoted_anywhere``)."""
    return _repeats(quotation, side.quoted_anywhere)


def _has_words(side: Side, quotation: str) -> bool:
    """Whether the side tells the quotation's words in its own voice (no quote marks)."""
    return _repeats(quotation, (normalise(side.own_text),))


def _repeats(quotation: str, texts: Iterable[str]) -> bool:
    """Whether one of the normalised ``texts`` holds the quotation's words (partial ratio >= _UNMARKED_SAME)."""
    from rapidfuzz import fuzz

    mine = normalise(quotation)
    return any(fuzz.partial_ratio(mine, text) >= _UNMARKED_SAME for text in texts if text)


def _as_written(words: Sequence[str], texts: Sequence[str]) -> tuple[str, ...]:
    """``words`` (``tokens``: lower-cased, folded) as the first of ``texts`` holding them all in order writes them:
    a reader is shown "cuts "And I just wanted to say"", not "and i just wanted to say". Unchanged where none does."""
    for text in texts:
        read = _words(text, ())
        # each token with the written word (its index) it comes from: one written word may give several tokens
        flat = [(key, k) for k, w in enumerate(read) for key in w.keys]
        shown: list[int] = []
        at = 0
        for word in words:
            found = next((k for k in range(at, len(flat)) if flat[k][0] == word), None)
            if found is None:
                break
            if not shown or shown[-1] != flat[found][1]:
                shown.append(flat[found][1])
            at = found + 1
        else:
            return tuple(_bare(read[k].raw) for k in shown)
    return tuple(words)


# The marks around a word that are no part of it as shown between quotation marks (a full stop is, in "U.S.").
_AROUND_WORD = PUNCT.replace(".", "")


def _bare(raw: str) -> str:
    word = raw.strip(_AROUND_WORD)
    return word[:-1] if word.endswith(".") and "." not in word[:-1] else word
