"""Guess the language of a text as an ISO 639-1 code, with no model and no dependency.

Two steps, as a reader would do it:

1. The writing system of most letters decides when it belongs to few languages: Hangul is
   Korean, kana is Japanese, Han without kana Chinese, Greek, Hebrew, Thai... Cyrillic and
   Arabic script are refined by the letters only some of their languages use (Ukrainian і ї є ґ,
   Persian پ چ ژ گ).
2. Latin script is decided by the share of each language's commonest function words, which
   make up a third to a half of any running prose and differ sharply between languages.

Text too short to judge (few letters, or Latin prose with hardly any function words) gives None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import repeat

from .. import data

_MIN_LETTERS = 20
_SAMPLE = 8_000  # a few paragraphs decide; reading more only costs time

# (first code point, last code point, script); sorted, non-overlapping.
_RANGES = sorted(
    [
        (0x0041, 0x024F, "latin"),
        (0x1E00, 0x1EFF, "latin"),
        (0x0370, 0x03FF, "greek"),
        (0x1F00, 0x1FFF, "greek"),
        (0x0400, 0x052F, "cyrillic"),
        (0x0530, 0x058F, "hy"),
        (0x0590, 0x05FF, "he"),
        (0x0600, 0x06FF, "arabic"),
        (0x0750, 0x077F, "arabic"),
        (0xFB50, 0xFDFF, "arabic"),
        (0xFE70, 0xFEFF, "arabic"),
        (0x0900, 0x097F, "hi"),
        (0x0980, 0x09FF, "bn"),
        (0x0A00, 0x0A7F, "pa"),
        (0x0A80, 0x0AFF, "gu"),
        (0x0B80, 0x0BFF, "ta"),
        (0x0C00, 0x0C7F, "te"),
        (0x0C80, 0x0CFF, "kn"),
        (0x0D00, 0x0D7F, "ml"),
        (0x0D80, 0x0DFF, "si"),
        (0x0E00, 0x0E7F, "th"),
        (0x0E80, 0x0EFF, "lo"),
        (0x1000, 0x109F, "my"),
        (0x10A0, 0x10FF, "ka"),
        (0x1100, 0x11FF, "ko"),
        (0x1200, 0x137F, "am"),
        (0x1780, 0x17FF, "km"),
        (0x3040, 0x30FF, "kana"),
        (0x3130, 0x318F, "ko"),
        (0x31F0, 0x31FF, "kana"),
        (0x3400, 0x4DBF, "han"),
        (0x4E00, 0x9FFF, "han"),
        (0xAC00, 0xD7A3, "ko"),
        (0xF900, 0xFAFF, "han"),
        (0xFF66, 0xFF9F, "kana"),
    ]
)
_STARTS = [r[0] for r in _RANGES]

_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_OTHER_LETTERS = re.compile(r"[^\W\d_A-Za-z]")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Each language's commonest function words (from frequency lists of news text), in
# srccompare/data/function_words.toml [profiles].
_PROFILES = {lang: frozenset(words.split()) for lang, words in data.load("function_words")["profiles"].items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short or unclear."""
    sample = text[:_SAMPLE]
    scripts = _scripts(_OTHER_LETTERS.findall(sample))
    scripts["latin"] += sum(map(len, _ASCII_LETTERS.findall(sample)))
    if sum(scripts.values()) < _MIN_LETTERS:
        return None
    script, count = scripts.most_common(1)[0]
    if script in ("han", "kana"):
        # Japanese writes Han with kana; Chinese has no kana at all.
        return "ja" if scripts["kana"] >= 0.1 * (scripts["han"] + scripts["kana"]) else "zh"
    if script == "latin":
        return _latin(sample)
    if script == "cyrillic":
        return _cyrillic(sample)
    if script == "arabic":
        return _arabic(sample)
    if script == "greek":
        return "el"
    if script == "other":
        return None
    return script


def _scripts(letters: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ch in letters:
        cp = ord(ch)
        i = bisect_right(_STARTS, cp) - 1
        counts[_RANGES[i][2] if i >= 0 and cp <= _RANGES[i][1] else "other"] += 1
    return counts


def _latin(sample: str) -> str | None:
    counts = Counter(_WORDS.findall(sample.lower()))
    words = sum(counts.values())
    if words < 4:
        return None
    # dict.get in C, not Counter's __missing__ for each of the profile's words the sample lacks.
    hits = {lang: sum(map(counts.get, profile, repeat(0))) for lang, profile in _PROFILES.items()}
    ranked = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    lang, best = ranked[0]
    # Prose is about a third function words; a headline or a list of names is not prose.
    if best < 2 or best < 0.1 * words:
        return None
    return lang


def _cyrillic(sample: str) -> str:
    lower = sample.lower()
    if any(c in lower for c in "їєґ") or lower.count("і") > lower.count("и") * 0.2:
        return "uk"
    if "ў" in lower:
        return "be"
    if any(c in lower for c in "ђћџљњј"):
        return "sr"
    if any(c in lower for c in "ѓќѕ"):
        return "mk"
    if "ъ" in lower and "ы" not in lower and "э" not in lower:
        return "bg"
    return "ru"


def _arabic(sample: str) -> str:
    if any(c in sample for c in "ٹڈڑںے"):
        return "ur"
    if any(c in sample for c in "پچژگ") or sample.count("ی") > sample.count("ي"):
        return "fa"
    return "ar"
