"""Clean plain-text dumps. (Placeholder: replaced by the line labeller.)"""

from __future__ import annotations

from ..model import Dropped
from ..options import DEFAULT_OPTIONS, Options
from .cleaned import Cleaned


def clean_dump(text: str, options: Options = DEFAULT_OPTIONS) -> Cleaned:
    paragraphs, lines, dropped = [], [], []
    for n, line in enumerate(text.split("\n"), 1):
        s = line.strip()
        if not s:
            continue
        if len(s.split()) >= 8 and s[-1] in ".!?\"”":
            paragraphs.append(s)
            lines.append((n,))
        else:
            dropped.append(Dropped(n, s, "short line"))
    return Cleaned(tuple(paragraphs), tuple(dropped), {}, tuple(lines))
