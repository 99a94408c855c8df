"""Quotations across outlets: the form one outlet gives a quote another also carries, and the tracker.

Forms, from the reader's side (each compares one outlet's rendering with the fullest one):
- verbatim: the same words (quote marks, ellipsis styles and case aside);
- bracketed: the same words plus an editor's insertion in brackets, as in "the (South) Korean leadership";
- trimmed: a contiguous part of the words, or the words with a stretch cut out;
- altered: mostly the same words, some changed;
- translated: the same remark in other words, as two translations of one foreign-language quote are;
- absent: the outlet does not carry the quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..nlp.tokens import tokens

# A quotation shorter than this many words is a scare quote ("aggression"), not a remark to track.
MIN_WORDS = 3
# Token-level Indel similarity at or above which a changed rendering is "altered" rather than
# another translation; below it the two share too few words to be edits of one text.
ALTERED_MIN = 0.6
# partial_ratio on normalised text above which two quotations are the same remark.
SAME_QUOTE = 80.0
# Share of the shorter quotation's content stems two translations of one remark have in common.
TRANSLATION_OVERLAP = 0.3

_OPEN = "“„«"
_CLOSE = "”»"
_BRACKETED = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_ELLIPSIS_ONLY = re.compile(r"^[\s.…]*$")


@dataclass(frozen=True)
class Span:
    start: int  # offsets of the quoted words, marks excluded
    end: int
    text: str


def quote_spans(text: str) -> list[Span]:
    """Quotations in ``text``: curly pairs, guillemets, and straight double quotes paired in order."""
    out: list[Span] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in _OPEN or ch == '"':
                open_at = i + 1
        elif ch in _CLOSE or ch == '"':
            inner = text[open_at:i]
            if inner.strip():
                out.append(Span(open_at, i, inner))
            open_at = None
        elif ch in _OPEN:
            # An opening mark inside an open quote: the earlier one was never closed; restart here.
            open_at = i + 1
    return out


def long_quotes(text: str) -> list[Span]:
    return [s for s in quote_spans(text) if len(tokens(s.text)) >= MIN_WORDS]


def bracketed(text: str) -> list[str]:
    """Editorial insertions in a quotation: bracketed words, not bracketed ellipses."""
    return [m.group(0) for m in _BRACKETED.finditer(text) if not _ELLIPSIS_ONLY.match(m.group(1))]


def same_quote(a: str, b: str) -> float:
    """How likely two quotations are renderings of one remark, 0..100 (partial_ratio on tokens)."""
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(" ".join(tokens(a)), " ".join(tokens(b)))


def _content_stems(text: str) -> set[str]:
    from ..nlp.tokens import content_tokens

    return {_stem(t) for t in content_tokens(text)}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")[:6]


def may_be_translations(a: str, b: str) -> bool:
    """Two quotations of one fact that share too few words to be edits of one text may still be two
    translations of one remark: they then share at least two content stems, and a fair part of the
    shorter one's (``threats`` / ``threatens``, ``nuclear``)."""
    ca, cb = _content_stems(a), _content_stems(b)
    shared = ca & cb
    return len(shared) >= 2 and len(shared) >= TRANSLATION_OVERLAP * min(len(ca), len(cb))


def group_renderings(
    renderings: Sequence[tuple[str, Span]], translations: bool = True
) -> list[dict[str, Span]]:
    """Cluster quotations of several articles into remarks: {article: its rendering}.

    Renderings of one remark match with ``same_quote``; with ``translations``, remarks left with one
    article each are then paired when they ``may_be_translations`` (callers pass it only for
    quotations already known to tell the same fact).
    """
    remarks: list[dict[str, Span]] = []
    for article, span in renderings:
        for r in remarks:
            if article not in r and any(same_quote(span.text, o.text) >= SAME_QUOTE for o in r.values()):
                r[article] = span
                break
        else:
            remarks.append({article: span})
    if not translations:
        return remarks
    merged: list[dict[str, Span]] = []
    for r in remarks:
        if len(r) == 1:
            (article, span), = r.items()
            for m in merged:
                if article not in m and all(
                    may_be_translations(span.text, o.text) for o in m.values()
                ):
                    m[article] = span
                    break
            else:
                merged.append(dict(r))
        else:
            merged.append(dict(r))
    return merged


def form(text: str, reference: str) -> tuple[str, tuple[str, ...]]:
    """The form of quotation ``text`` against the ``reference`` rendering, with the words that differ.

    Returns (form, words) where words are the insertions, the words cut, or the words changed in ``text``.
    """
    from rapidfuzz.distance import Indel

    a, b = tokens(text), tokens(reference)
    a_br, b_br = bracketed(text), bracketed(reference)
    a_br_words = {w for br in a_br for w in tokens(br)}
    if a == b:
        if set(a_br) != set(b_br) and a_br:
            return "bracketed", tuple(x for x in a_br if x not in b_br)
        return "verbatim", ()
    ops = Indel.opcodes(a, b)
    extra = [w for op in ops if op.tag == "delete" for w in a[op.src_start : op.src_end]]
    missing = [w for op in ops if op.tag == "insert" for w in b[op.dest_start : op.dest_end]]
    if not missing and extra and all(w in a_br_words for w in extra):
        return "bracketed", tuple(a_br)
    b_br_words = {w for br in b_br for w in tokens(br)}
    if not extra and missing and all(w in b_br_words for w in missing):
        # The reference carries the insertion; this rendering is the plain one.
        return "verbatim", ()
    if not extra and missing:
        return "trimmed", tuple(missing)
    if extra and not missing:
        # This rendering is the fuller one: it keeps the speaker's words; the other is trimmed.
        return "verbatim", ()
    similarity = Indel.normalized_similarity(a, b)
    if similarity >= ALTERED_MIN:
        return "altered", tuple(extra)
    return "translated", tuple(extra)
