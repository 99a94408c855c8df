"""The figures (and days of the week) one text puts where the other has another among the same words: the word
diff of two texts' tokens."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .... import data
from ....nlp.numbers import Tally
from ....nlp.tokens import WEEKDAYS
from .common import REPLACED_CONTEXT


def _counts_of(token: str, tally: Tally) -> bool:
    """Whether a token of the word diff is one of a tally's two counts ("47" of "52-47")."""
    return token in (str(tally.first), str(tally.second))


def _replaced(
    ta: Sequence[str],
    tb: Sequence[str],
    wanted: Callable[[Sequence[str], int], bool] = lambda ts, k: ts[k][0].isdigit(),
) -> list[tuple[str, str]]:
    """Number tokens (or other ``wanted`` tokens: days of the week) one text puts where the other has another, among
    the same words on both sides ("won 6-3" / "won 12-3", "at around 40,000" / "at around 48,000"): the word diff of
    the two texts' tokens, a replacement with REPLACED_CONTEXT equal words either side."""
    from rapidfuzz.distance import Levenshtein

    blocks = list(Levenshtein.opcodes(ta, tb))
    out: list[tuple[str, str]] = []
    for k, op in enumerate(blocks):
        if op.tag != "replace":
            continue
        xs, ys = list(ta[op.src_start : op.src_end]), list(tb[op.dest_start : op.dest_end])
        if (
            len(xs) != len(ys)
            or len(xs) > 2
            or not all(wanted(ta, k) for k in range(op.src_start, op.src_end))
            or not all(wanted(tb, k) for k in range(op.dest_start, op.dest_end))
        ):
            continue
        if all(_shortened(x, y) for x, y in zip(xs, ys)):
            continue  # "the 1940s and '50s" / "the 1940s and 1950s"
        before = blocks[k - 1] if k else None
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if _steady(before, op.src_start == 0) and _steady(after, op.src_end == len(ta)):
            out.extend(zip(xs, ys))
    return out


def _shortened(x: str, y: str) -> bool:
    """A year or decade and its last two digits ("1950s" / "50s", "2008" / "08")."""
    short, long = sorted((x, y), key=len)
    return bool(_YEAR_TOKEN.fullmatch(long)) and len(short.rstrip("s")) == 2 and long.endswith(short)


_YEAR_TOKEN = re.compile(r"(?:1[89]|20)\d\ds?")
# The day of the week a happening is told on: its thing and unit in a NumberUse, and the days' order (its value).
_DAY = "day"
_WEEKDAY_ORDER = {day: k for k, day in enumerate(WEEKDAYS)}
_SPEECH = frozenset(data.words("quotes", "speech_verbs"))


def _a_happenings_day(tokens: Sequence[str], k: int) -> bool:
    """Whether token ``k`` is a day of the week that dates a happening, not the day a report's source spoke ("police
    said on Monday", "announced Tuesday"): two outlets publishing on two days differ there without disagreeing."""
    if tokens[k] not in _WEEKDAY_ORDER:
        return False
    before = [t for t in tokens[max(0, k - 3) : k] if t not in ("on", "late", "early", "last")]
    return not (before and before[-1] in _SPEECH)


def _steady(block, at_edge: bool) -> bool:
    """No block (the text's edge) or REPLACED_CONTEXT equal words."""
    if block is None:
        return at_edge
    return block.tag == "equal" and block.src_end - block.src_start >= REPLACED_CONTEXT


def _value(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None
