"""Sources: whom the outlet credits for the fact ("according to TASS", "Yonhap reported", "officials
said"): two outlets crediting different sources for one fact is a source_cited difference."""

from __future__ import annotations

import re

from ...model import Difference
from .. import lexicon
from . import register
from .reading import Side, set_difference

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
    from ...outlets import canonical, find_outlets

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


@register("source_cited")
def _source(sides: list[Side]) -> Difference | None:
    sets = {s.article: frozenset(sources(s.own_text)) for s in sides}
    return set_difference("source_cited", sets)
