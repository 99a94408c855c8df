"""The one escape for text that reaches a terminal, a log or a text file.

Articles, manifests, baselines and file names are data. A control character from any of them (ESC,
and with it every terminal sequence: set title, clear screen, OSC 52 clipboard writes; BEL, backspace,
carriage return, the C1 block that some terminals read as 8-bit CSI) is shown as its escape (``\\x1b``),
so it can neither drive the terminal nor the CI log nor make XML invalid. Line and paragraph
separators, lone surrogates and U+FFFE/U+FFFF go the same way: no output can carry them either.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_UNSAFE_KEEPING_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def escape_controls(text: str, lines: bool = False) -> str:
    """``text`` with every control character shown as its escape; with ``lines``, newlines and tabs
    (the layout of a multi-line output) are kept."""
    return (_UNSAFE_KEEPING_LINES if lines else _UNSAFE).sub(_escaped, text)


def escape_json(text: str) -> str:
    """A JSON document with the same characters written as \\u escapes: the data is unchanged for a
    parser, and the raw text is safe to print (json.dumps already escapes C0 inside strings, not DEL or
    C1; the newlines and indentation it writes between values stay)."""
    return _UNSAFE_KEEPING_LINES.sub(lambda m: "".join(f"\\u{ord(c):04x}" for c in m.group()), text)
