"""Comparing two outlets' renderings of one quotation (verbatim, bracketed, trimmed, altered, translated or
unrelated), and telling a title in quotation marks from a remark."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from ..tokens import STOP_WORDS, fold_acronyms, fold_spellings, fold_style
from ._shared import _FUNCTION, _WORD, ELLIPSIS

FORMS = ("verbatim", "bracketed", "trimmed", "altered", "translated", "unrelated")

# Bands on the token-level Indel similarity (0..1).  Different translations of one statement share
# its names, numbers and many content words but little of their order and function words;
# an altered quotation keeps most words in place.
ALTERED_MIN = 0.6
TRANSLATED_MIN = 0.3


@dataclass(frozen=True)
class QuoteComparison:
    """How quotation ``b`` relates to quotation ``a``.

    ``score`` is the token similarity (1.0 = same words in the same order after folding);
    ``inserted`` holds bracketed words one side adds (``(South)``), ``dropped`` the words one side
    leaves out, ``changed`` the words that differ on either side.
    """

    form: str
    score: float
    inserted: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()


# A title in quotation marks is at most this many words.
TITLE_MAX_WORDS = 8


def is_title(text: str) -> bool:
    """Whether a quotation is a title ("The Hunger Games.", "Take Me Out to the Ball Game,", "Million Dollar
    Mermaid"): every word capitalised but the function words, at most TITLE_MAX_WORDS words, no sentence inside.
    A title names a work; it is nobody's remark."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or len(words) > TITLE_MAX_WORDS or re.search(r"[.!?]\s+\S", text.strip()):
        return False
    content = [w for w in words if w.lower() not in STOP_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()


def quote_words(text: str) -> list[str]:
    """Lowercased words of a quotation without marks, ellipses or bracketed insertions."""
    return _plain(_tokens(text)[0])


def normalize_quote(text: str) -> str:
    """Fold quote marks and every form of ellipsis to one marker, and collapse whitespace."""
    text = _FOLD_MARKS.sub(lambda m: _MARK_MAP[m.group()], text)
    text = _RESPACED_CONTRACTION.sub(r"\1'\2", text)
    text = _ELLIPSES.sub(f" {ELLIPSIS} ", text)
    return " ".join(text.split())


def compare_quotes(a: str, b: str) -> QuoteComparison:
    """Classify how quotation ``b`` relates to quotation ``a`` (order matters only for detail).

    - verbatim: the same words once quote marks and ellipsis forms are folded;
    - bracketed: the same words except a bracketed insertion such as "(South) Korean" or "[make]";
    - trimmed: one is the other with words cut at its ends or at an ellipsis;
    - altered: mostly the same words, but some changed, or cut silently inside;
    - translated: the same names and many content words, in a different wording;
    - unrelated: not the same quotation.
    """
    ta, ia = _tokens(a)
    tb, ib = _tokens(b)
    pa, pb = _plain(ta), _plain(tb)
    score = _similarity(pa, pb)
    if ta == tb or (pa == pb and not ia and not ib):
        return QuoteComparison("verbatim", 1.0)
    inserted = tuple(w for w in ia + ib)
    if inserted and (pa == pb or _plain(ta, keep_brackets=True) == _plain(tb, keep_brackets=True)):
        return QuoteComparison("bracketed", score, inserted=inserted)
    cut = _cut(ta, tb) or _cut(tb, ta)
    if cut is not None:
        marked, dropped = cut
        return QuoteComparison("trimmed" if marked else "altered", score, inserted=inserted, dropped=dropped)
    changed = _changed(pa, pb)
    if score >= ALTERED_MIN:
        return QuoteComparison("altered", score, inserted=inserted, changed=changed)
    if score >= TRANSLATED_MIN and _content_overlap(pa, pb) >= 0.4:
        return QuoteComparison("translated", score, changed=changed)
    return QuoteComparison("unrelated", score)


# --- comparing ---------------------------------------------------------------------------------

_MARK_MAP = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‹": "'", "›": "'"}
_FOLD_MARKS = re.compile("[" + "".join(_MARK_MAP) + "]")
# A contraction some texts print re-spaced ("It ' s", "couldn ' t" once marks are folded): one word.
_RESPACED_CONTRACTION = re.compile(r"(\w) ' (s|t|re|ve|ll|d|m)\b")
_ELLIPSES = re.compile(r"\s*(?:[\[(]\s*(?:\.\s*){2,}\.?\s*[\])]|[\[(]\s*…\s*[\])]|(?:\.\s*){2}\.|…)\s*")
_BRACKETED = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_WHOLE_HOUR = re.compile(r"(?:(?<=\b\d)|(?<=\b\d\d)):00\b(?=\s*[ap]\.?\s?m\b)")
_TOKEN = re.compile(rf"{ELLIPSIS}|\x00[^\x01]*\x01|[^\W_]+(?:['’][^\W_]+)*")


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Lowercased words, ``…`` for every ellipsis, and bracketed words as ``[word]``."""
    # A whole hour written with its minutes is the same time ("6:00 p.m." / "6 p.m."): house style.
    text = _WHOLE_HOUR.sub("", fold_acronyms(normalize_quote(text)).lower())
    text = _BRACKETED.sub(lambda m: f" \x00{m.group(1)}\x01 ", text)
    tokens: list[str] = []
    inserted: list[str] = []
    for t in _TOKEN.findall(text):
        if t.startswith("\x00"):
            words = _WORD.findall(t)
            tokens += [f"[{w}]" for w in words]
            inserted += words
        else:
            tokens.append(t)
    # A name spelled another way (Kiev / Kyiv), a word in British or American spelling (neighbourhood /
    # neighborhood) is the outlet's style, not a change to the words said.
    return fold_style(fold_spellings(tokens)), inserted


def _plain(tokens: list[str], keep_brackets: bool = False) -> list[str]:
    out = []
    for t in tokens:
        if t == ELLIPSIS:
            continue
        if t.startswith("["):
            if keep_brackets:
                out.append(t[1:-1])
            continue
        out.append(t)
    return out


def _similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return Indel.normalized_similarity(a, b)


def _cut(long: list[str], short: list[str]) -> tuple[bool, tuple[str, ...]] | None:
    """When ``short`` is ``long`` with words left out: whether every cut is marked, and the words.

    A cut is marked when it is at either end or where ``short`` has an ellipsis; words cut
    silently from the middle make the quotation altered rather than trimmed.
    """
    lp, sp = _plain(long), _plain(short)
    if not sp or len(sp) >= len(lp):
        return None
    ops = Indel.opcodes(lp, sp)
    if any(op.tag not in ("equal", "delete") for op in ops):
        return None
    # where the short version has an ellipsis, in plain-token positions
    cuts, n = set(), 0
    for t in short:
        if t == ELLIPSIS:
            cuts.add(n)
        elif not t.startswith("["):
            n += 1
    dropped: list[str] = []
    marked = True
    for op in ops:
        if op.tag != "delete":
            continue
        at_end = op.src_start == 0 or op.src_end == len(lp)
        marked = marked and (at_end or op.dest_start in cuts)
        dropped += lp[op.src_start : op.src_end]
    return marked, tuple(dropped)


def _changed(a: list[str], b: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "delete":
            out += a[op.src_start : op.src_end]
        elif op.tag == "insert":
            out += b[op.dest_start : op.dest_end]
    return tuple(out)


def _content_overlap(a: list[str], b: list[str]) -> float:
    ca = {w for w in a if w not in _FUNCTION}
    cb = {w for w in b if w not in _FUNCTION}
    if not ca or not cb:
        return 0.0
    return len(ca & cb) / min(len(ca), len(cb))
