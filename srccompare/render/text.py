"""Plain-text output of cleaned articles (`clean --format text`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .safe import escape_controls

_FIELDS = ("title", "outlet", "origin", "publisher", "published", "byline", "dateline", "url", "language")


def render_articles(articles: Sequence[Article]) -> str:
    parts = []
    for a in articles:
        head = [f"# {a.id}"]
        head += [f"{name}: {getattr(a, name)}" for name in _FIELDS if getattr(a, name)]
        head.append(f"dropped: {len(a.dropped)} lines")
        parts.append("\n".join(head) + "\n\n" + a.body + "\n")
    return escape_controls("\n".join(parts), lines=True)
