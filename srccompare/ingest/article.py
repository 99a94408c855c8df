"""Turn a cleaner's output into an Article: merge manifest hints, canonical outlet names, sentences."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Article, CreditEvidence, Format
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
        origin_evidence=_origin_evidence(origin, cleaned, hints, meta.get("origin_rule")),
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


# What a credit makes of the copy when it is not the origin's own (meta.origin_rule).
_CREDIT_NOTES = {
    "rewrite": "a rewrite: the lede names where the news came from; the copy is another outlet's",
    "unnamed": "unnamed agencies: not counted as one voice with other outlets",
}


def _origin_evidence(
    origin: str | None, cleaned: Cleaned, hints: Mapping[str, str] | None, rule: str | None
) -> CreditEvidence | None:
    """Where ``origin`` came from: the manifest, else the credit the cleaner read it from."""
    if not origin:
        return None
    if (hints or {}).get("origin"):
        return CreditEvidence(origin, 0, "manifest")
    credit = cleaned.credit
    if credit is None:
        return None
    return CreditEvidence(origin, credit.line, credit.rule, _CREDIT_NOTES.get(rule or "", ""))
