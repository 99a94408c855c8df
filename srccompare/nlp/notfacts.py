"""Sentences that are never facts: picture captions and credits, bylines, widget and label lines.

Cleaning drops most page furniture, but a caption or a credit inside the body survives it ("Rescuers search the
rubble in Antakya. (AP Photo/Hussein Malla)"), and kept twice it became two facts only one outlet had. The aligner
leaves these sentences out of fact groups; they still belong to the article (its text and sentence indices do not
change). Recognised by shape, never by outlet:
- a credit or caption pattern (``data/notfacts.toml``): "Photo: ...", "(AP Photo/...)", "Getty Images", "FILE - ...";
  as a paragraph of its own, a caption pointing at its picture ("This was the scene outside ...", "Pictured: ...");
- a byline ("By Jane Doe and John Roe");
- a widget label ("Read more", "Share this article");
- a note about the article, not the event: a correction or an editor's note ("CORRECTION: This article originally
  said ...", "An earlier version of this story misstated ...");
- a summary bullet with no sentence-ending mark ("• Interior and commerce departments agree");
- a short label line: a paragraph of its own of at most LABEL_WORDS words with no sentence-ending mark (a subhead
  "Wellington supermarket fire", "Retiree had returned part-time": body sentences end with a mark), or a short
  quotation standing alone as a subhead ("'We panicked'"), or a label in capitals before a colon ("ON DEADLINE: ...");
- a time stamp: numbers and the words of dates and times only ("Posted: Nov 27, 2005 8:20 AM ET");
- a fragment of fewer than FRAGMENT_WORDS words ("The 5." cut from "The 5.9-magnitude quake");
- a later copy of a sentence the article already has (a caption or pull quote kept twice).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article
from .memo import per_sentence

# A label line has at most this many words.
LABEL_WORDS = 8
# A summary bullet under a headline ("• Government wildlife experts to be consulted on development") is a
# label up to this many words, when it has no sentence mark: a headline's points, not the body's facts.
BULLET_WORDS = 20
_BULLETS = "•▪◦‣"
# A widget line (a pointer to more elsewhere, a promotion) has at most this many words.
WIDGET_WORDS = 25
# A "sentence" of fewer words than this is a fragment a splitter cut off ("The 5." of "The 5.9-magnitude
# quake", "22." of "22.4 billion"): alone it tells nothing.
FRAGMENT_WORDS = 3
_WORDS = re.compile(r"\w+")

_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_QUOTE_MARKS = "'\"‘’“”«»"
_END = re.compile(r"[.!?…\"”’'»)]\s*$")
# A label in capitals before a colon: "ON DEADLINE: ...", "WATCH: ...".
_SHOUTED_LABEL = re.compile(r"^\s*[A-Z][A-Z&' -]{1,30}:\s")


@dataclass(frozen=True)
class _Patterns:
    # Patterns that start with "^" are tried at the start only (``match``): ``search`` would try every position.
    credit_start: tuple[re.Pattern[str], ...]
    credit: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    widget: tuple[re.Pattern[str], ...]
    note: tuple[re.Pattern[str], ...]
    timestamp: frozenset[str]
    caption_alone: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    from importlib.resources import files

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib

    data = tomllib.loads((files("srccompare") / "data" / "notfacts.toml").read_text(encoding="utf-8"))

    def compiled(*keys: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for k in keys for p in data[k])

    # Bylines keep their case: the names must be capitalised.
    byline = tuple(re.compile(p) for p in data["byline"])
    # One alternation for the patterns searched anywhere: one scan of the sentence instead of one each.
    anywhere = (re.compile("|".join(f"(?:{p})" for p in data["credit_anywhere"]), re.IGNORECASE),)
    # The widget patterns in one alternation too: most sentences are short enough to be tried (WIDGET_WORDS).
    widget = (re.compile("|".join(f"(?:{p})" for p in data["widget"]), re.IGNORECASE),)
    return _Patterns(
        compiled("credit_start"),
        anywhere,
        byline,
        widget,
        compiled("note"),
        frozenset(data["timestamp"]),
        compiled("caption_alone"),
    )


@per_sentence
def kind_of(text: str, alone: bool = True) -> str | None:
    """Why ``text`` (one sentence) is not a fact: "credit", "byline", "widget", "note", "label" or "fragment"; None
    for a sentence that may tell one. ``alone``: the sentence is a paragraph of its own (a label line must be)."""
    p = _patterns()
    if len(_WORDS.findall(text)) < FRAGMENT_WORDS:
        return "fragment"
    if any(r.match(text) for r in p.credit_start) or any(r.search(text) for r in p.credit):
        return "credit"
    words = text.split()
    if len(words) <= 12 and any(r.match(text) for r in p.byline):
        return "byline"
    if len(words) <= WIDGET_WORDS and any(r.match(text) for r in p.widget):
        return "widget"
    if any(r.match(text) for r in p.note):
        return "note"
    if alone and any(r.match(text) for r in p.caption_alone):
        return "credit"  # a caption pointing at its picture
    if _DIGIT.search(text) and all(w in p.timestamp for w in _LETTERS.findall(text.lower())):
        return "label"  # a time stamp
    if alone and len(words) <= LABEL_WORDS:
        bare = text.strip(_QUOTE_MARKS + " ")
        if bare != text.strip() and _QUOTE_MARKS.find(text.strip()[0]) >= 0 and not re.search(r"[.!?]", bare):
            return "label"  # a subhead quoting someone: 'We panicked', 'Pop, pop, pop'
        if not _END.search(text):
            return "label"  # a subhead, with or without a verb: 'Retiree had returned part-time'
    if alone and len(words) <= BULLET_WORDS and text.lstrip()[:1] in _BULLETS and not _END.search(text):
        return "label"  # '• Interior and commerce departments agree'
    if len(words) <= LABEL_WORDS and _SHOUTED_LABEL.match(text) and not _END.search(text):
        return "widget"  # 'ON DEADLINE: Live updates and local coverage'
    return None


def not_facts(article: Article) -> frozenset[int]:
    """Indices of the sentences of ``article`` that are never facts (see the module doc)."""
    per_paragraph: dict[int, int] = {}
    for s in article.sentences:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    seen: set[str] = set()
    out = []
    for i, s in enumerate(article.sentences):
        text = s.text.strip()
        key = " ".join(text.casefold().split())
        if not text:
            continue
        if key in seen and len(key.split()) >= 4:
            out.append(i)
            continue
        seen.add(key)
        if kind_of(text, per_paragraph[s.paragraph] == 1):
            out.append(i)
    return frozenset(out)
