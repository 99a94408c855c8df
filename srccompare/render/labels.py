"""Display names shared by the renderers: pure formatting of what the Report already holds."""

from __future__ import annotations

from ..model import Article, Difference, FactGroup, Report

# What each coverage bucket means, in the words the reports use.
COVERAGE = {
    "shared": "reported by this outlet and at least one other",
    "added": "reported by this outlet only",
    "omitted": "reported by at least half of the others, missing here",
    "framed": "told differently here (a divergent fact)",
}


def article_labels(report: Report) -> dict[str, str]:
    """The label of every article, as the report set it (outlet, else publisher, else file stem)."""
    return {a.id: a.label or a.id for a in report.articles}


def difference_text(diff: Difference) -> str:
    """A difference's detail without its kind, which the reports print beside it anyway:
    'quote verbatim: ...' under a 'quote' label reads 'verbatim: ...'."""
    detail, kind = diff.detail, diff.kind
    for name in dict.fromkeys((kind, kind.replace("_", " "))):
        if name and detail[: len(name)].lower() == name.lower() and detail[len(name) : len(name) + 1] in (":", " "):
            return detail[len(name) + 1 :].lstrip() or detail
    return detail


def counted(n: int, noun: str) -> str:
    """'1 outlet', '2 outlets'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_line(report: Report) -> str:
    """'5 articles, 5 outlets, 4 events': the headline count of every report format."""
    return ", ".join(
        (
            counted(len(report.articles), "article"),
            counted(report.outlet_count, "outlet"),
            counted(len(report.events), "event"),
        )
    )


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fact_kinds(fact: FactGroup) -> list[str]:
    return list(dict.fromkeys(d.kind for d in fact.differences))


def member_text(fact: FactGroup, article_id: str) -> str:
    return " ".join(m.text for m in fact.members if m.article == article_id)


def outlet_dates(article: Article) -> str:
    return article.published or "undated"
