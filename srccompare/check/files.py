"""Rules about one cleaned article: length, leftover furniture, missing metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..model import Article, Finding
from .rules import finding

# A run of this many short, unpunctuated paragraphs is a menu or a list of related headlines.
HEADLINE_RUN = 3
_HEADLINE_MAX_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?…\"”’»)]\s*$")
_SENTENCE_ENDERS = frozenset('.!?…"”’»)')
_WORD = re.compile(r"\w+")


def article_findings(article: Article, config: Config) -> Iterator[Finding]:
    words = len(_WORD.findall(article.body))
    if words < config.min_words:
        yield finding(
            "SC010", article.path, f"body has {words} words (min-words is {config.min_words})", _line(article, 0)
        )
    yield from _furniture(article, config)
    for code, name in (("SC020", "title"), ("SC021", "published"), ("SC022", "outlet")):
        if not getattr(article, name) and name not in config.required:
            yield finding(code, article.path, f"no {_label(name)} given or detected")
    for name in config.required:
        if not getattr(article, name):
            yield finding("SC023", article.path, f"required field {name!r} is missing (add it to manifest.toml)")


def _ends_sentence(text: str) -> bool:
    """``_SENTENCE_END.search(text)``, without trying the pattern at every position of a long paragraph:
    its last character before trailing whitespace (the regex's \\s and str.rstrip() agree on what that is)."""
    tail = text.rstrip()[-1:]
    return bool(tail) and tail in _SENTENCE_ENDERS


def _label(name: str) -> str:
    return "published date" if name == "published" else name


def _line(article: Article, paragraph: int) -> int | None:
    if paragraph < len(article.paragraph_lines) and article.paragraph_lines[paragraph]:
        return article.paragraph_lines[paragraph][0]
    return None


def _furniture(article: Article, config: Config) -> Iterator[Finding]:
    from ..ingest.furniture import furniture_phrase

    # A paste can glue furniture to the end of a paragraph ("...he said. Subscribe now for more"):
    # each sentence is looked at, not only the paragraph's opening.
    sentences: dict[int, list[str]] = {}
    for s in article.sentences:
        sentences.setdefault(s.paragraph, []).append(s.text)
    run: list[int] = []
    for i, para in enumerate((*article.paragraphs, "")):
        phrase = None
        for text in (para, *sentences.get(i, ())[1:]) if para else ():
            phrase = furniture_phrase(text, config.furniture)
            if phrase:
                break
        if phrase:
            yield finding("SC011", article.path, f"furniture left in the body: {phrase!r}", _line(article, i))
        if para and not _ends_sentence(para) and len(_WORD.findall(para)) <= _HEADLINE_MAX_WORDS:
            run.append(i)
            continue
        if len(run) >= HEADLINE_RUN:
            yield finding(
                "SC011",
                article.path,
                f"{len(run)} headline-like lines in a row left in the body, from {article.paragraphs[run[0]]!r}",
                _line(article, run[0]),
            )
        run = []
