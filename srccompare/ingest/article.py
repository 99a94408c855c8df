"""Turn a cleaner's output into an Article: merge manifest hints, canonical outlet names, sentences."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Article, Format
from ..nlp.dates import Candidate, expand_lede, settle, url_date
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
    language = meta.get("language") or detect_language(body)
    dates = expand_lede(cleaned.dates, language)
    hinted_url = (hints or {}).get("url")
    found = url_date(hinted_url)
    if found and not any(c.rule == "url" and c.date == found.date for c in dates):
        dates.append(Candidate("published", "url", 0, found.text, date=found.date, problem=found.problem))
    published, event_date, evidence = settle(
        dates,
        manifest=(hints or {}).get("published"),
        fetched_at=meta.get("fetched_at") or None,
        url=meta.get("url") or None,
    )
    return Article(
        id=article_id,
        path=path,
        title=meta.get("title") or None,
        # A rewrite's named source and an unnamed "agencies" credit are origins, not the outlet.
        outlet=outlet or (None if meta.get("origin_rule") else origin),
        origin=origin,
        publisher=meta.get("publisher") or None,
        published=published,
        event_date=event_date,
        dates_evidence=evidence,
        fetched_at=meta.get("fetched_at") or None,
        byline=meta.get("byline") or None,
        dateline=meta.get("dateline") or None,
        url=meta.get("url") or None,
        language=language,
        format=fmt,
        paragraphs=paragraphs,
        sentences=tuple(split_sentences(paragraphs)),
        dropped=cleaned.dropped,
        paragraph_lines=cleaned.paragraph_lines if len(cleaned.paragraph_lines) == len(paragraphs) else (),
    )
