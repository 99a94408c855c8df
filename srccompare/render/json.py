"""JSON output: exactly Report.to_dict() / the Article list.

A report is written event by event (``iter_report``): the text of the whole report is never held at
once, only one event's, and the bytes are the UTF-8 of ``dumps(report.to_dict())``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from .safe import escape_json

# A number in exponent form as indented JSON writes it: after a key or alone on its line, then the end
# of the line (no string can hold a raw newline, so no text inside a string matches).
_EXPONENT = re.compile(rb"(?:: |^ *)-?\d+(?:\.\d+)?e[-+]?\d+,?$", re.M)
# The end of every such number: a pattern that opens with a literal, which the regex engine finds by a
# fast scan, where _EXPONENT's opening alternation is tried at every position (1 s on the 47 MB report
# of 1,000 articles against 0.05 s). Only a text this matches can match _EXPONENT.
_EXPONENT_TAIL = re.compile(rb"e[-+]?\d+,?$", re.M)
# What escape_json escapes, as UTF-8 bytes, looked for by the fastest scan for each (the report of
# 1,000 articles, 47 MB: one regex alternation of them all took 0.4 s, these 0.08 s): C0 but tab and
# newline, and DEL, by deleting every other byte value (one pass in C); C1 and U+2028/U+2029,
# U+FFFE/U+FFFF by patterns that open with a literal. orjson refuses lone surrogates: its bytes
# hold none.
_NOT_C0 = bytes(b for b in range(256) if not (b <= 0x08 or 0x0B <= b <= 0x1F or b == 0x7F))
_UNSAFE_SEQUENCES = (
    re.compile(rb"\xc2[\x80-\x9f]"),
    re.compile(rb"\xe2\x80[\xa8\xa9]"),
    re.compile(rb"\xef\xbf[\xbe\xbf]"),
)


def dumps(data: Any) -> str:
    return escape_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _unsafe(data: bytes) -> bool:
    """Whether orjson's ``data`` holds a character escape_json would escape (most reports hold none)."""
    return bool(data.translate(None, _NOT_C0)) or any(p.search(data) for p in _UNSAFE_SEQUENCES)


def _nested(value: Any, depth: int) -> bytes:
    """``value`` as ``dumps`` writes it ``depth`` levels down, as UTF-8 (JSON strings hold no raw
    newline).

    orjson writes the same text as json.dumps(ensure_ascii=False, indent=2) about 20 times faster
    (0.2 s instead of 4 s for the 40 MB report of 1,000 articles), and as bytes, which are escaped,
    indented and written without a round trip through str; json.dumps stays for what orjson refuses
    (a lone surrogate, a huge integer), for numbers in exponent form, and where it is not
    installed."""
    try:
        import orjson

        data = orjson.dumps(value, option=orjson.OPT_INDENT_2)
        if _EXPONENT_TAIL.search(data) and _EXPONENT.search(data):
            # orjson writes 1e-7 where json writes 1e-07: a value with such a number goes the slow
            # way, so that the bytes stay the same.
            raise TypeError("a number in exponent form")
        if _unsafe(data):
            data = escape_json(data.decode("utf-8")).encode("utf-8")
    except (ImportError, TypeError):  # orjson.JSONEncodeError is a TypeError
        data = escape_json(json.dumps(value, ensure_ascii=False, indent=2)).encode("utf-8")
    return data.replace(b"\n", b"\n" + b"  " * depth)


def iter_report(report: Any) -> Iterator[bytes]:
    """The UTF-8 bytes of ``dumps(report.to_dict())`` in pieces, one event at a time."""
    from dataclasses import replace

    # Everything but the events, in Report.to_dict()'s order, whatever fields it gains.
    head = replace(report, events=()).to_dict()
    yield b"{"
    for n, (key, value) in enumerate(head.items()):
        yield (b"," if n else b"") + b"\n  " + json.dumps(key, ensure_ascii=False).encode("utf-8") + b": "
        if key != "events" or not isinstance(value, list):
            yield _nested(value, 1)
        elif not report.events:
            yield b"[]"
        else:
            for k, event in enumerate(report.events):
                yield (b"[" if k == 0 else b",") + b"\n    " + _nested(event.to_dict(), 2)
            yield b"\n  ]"
    yield b"\n}\n"
