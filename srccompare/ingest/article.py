"""Turn a cleaner's output into an Article: merge manifest hints, canonical outlet names, sentences."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Article, Format
from ..nlp.language import detect_language
from ..nlp.sentences import split_sentences
from ..options import DEFAULT_OPTIONS, Options
from ..outlets import canonical
from .cleaned import Cleaned


def make_article(
    article_id: str,
    path: str,
    fmt: Format,
    cleaned: Cleaned,
    hints: Mapping[str, str] | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Article:
    meta = dict(cleaned.meta)
    # The user's manifest is the authority; detection fills what it leaves out.
    meta.update({k: v for k, v in (hints or {}).items() if v})
    outlet = canonical(meta.get("outlet"), options.outlets)
    origin = canonical(meta.get("origin"), options.outlets)
    paragraphs = tuple(p for p in cleaned.paragraphs if p.strip())
    body = "\n\n".join(paragraphs)
    return Article(
        id=article_id,
        path=path,
        title=meta.get("title") or None,
        outlet=outlet or origin,
        origin=origin,
        publisher=meta.get("publisher") or None,
        published=meta.get("published") or None,
        byline=meta.get("byline") or None,
        dateline=meta.get("dateline") or None,
        url=meta.get("url") or None,
        fetched_at=meta.get("fetched_at") or None,
        language=meta.get("language") or detect_language(body),
        format=fmt,
        paragraphs=paragraphs,
        sentences=tuple(split_sentences(paragraphs)),
        dropped=cleaned.dropped,
        paragraph_lines=cleaned.paragraph_lines if len(cleaned.paragraph_lines) == len(paragraphs) else (),
    )
