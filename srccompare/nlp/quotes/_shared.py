"""The quotation record, and the constants, patterns and word list that more than one module of the package reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import data as _data
from ..speakers import SPEECH_VERBS

ELLIPSIS = "…"
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Quotation:
    """A quotation: the quoted words (without the marks) at ``text[start:end]`` of the input."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    closed: bool = True  # False when the quotation runs on past its paragraph

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


# ', Yeager said.' / ', said Yeager.' / ', he added.' closing a paragraph.
_ATTRIBUTION_TAIL = re.compile(
    rf",\s*(?:(?:[\w.'’-]+\s+){{1,4}}(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})(?:\s+[\w.'’-]+){{1,4}})\.$"
)


# An attribution with an appositive is at most this many words long.
ATTRIBUTION_WORDS = 30


_FUNCTION = _data.words("quotes", "function")
