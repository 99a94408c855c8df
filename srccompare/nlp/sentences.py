"""Sentence splitting with offsets. (Placeholder: replaced by the news-aware splitter.)"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def split_sentences(paragraphs: Sequence[str]) -> list[Sentence]:
    """Split each paragraph; offsets index into the paragraphs joined by blank lines."""
    out: list[Sentence] = []
    offset = 0
    for i, para in enumerate(paragraphs):
        start = 0
        for m in _BOUNDARY.finditer(para):
            out.append(Sentence(para[start:m.start()], i, offset + start, offset + m.start()))
            start = m.end()
        if para[start:].strip():
            out.append(Sentence(para[start:].rstrip(), i, offset + start, offset + len(para.rstrip())))
        offset += len(para) + 2
    return out
