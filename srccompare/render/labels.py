"""Display names shared by the renderers: pure formatting of what the Report already holds."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from ..model import Article, FactGroup, Report

# What each coverage bucket means, in the words the reports use.
COVERAGE = {
    "shared": "reported by this outlet and at least one other",
    "added": "reported by this outlet only",
    "omitted": "reported by at least half of the others, missing here",
    "framed": "told differently here (a divergent fact)",
}


def article_labels(report: Report) -> dict[str, str]:
    """Outlet name per article id; the file name is added where one outlet has several articles."""
    names = {a.id: a.outlet or a.origin or PurePath(a.path).name for a in report.articles}
    counts = Counter(names.values())
    return {
        a.id: names[a.id] if counts[names[a.id]] == 1 else f"{names[a.id]} ({PurePath(a.path).name})"
        for a in report.articles
    }


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fact_kinds(fact: FactGroup) -> list[str]:
    return list(dict.fromkeys(d.kind for d in fact.differences))


def member_text(fact: FactGroup, article_id: str) -> str:
    return " ".join(m.text for m in fact.members if m.article == article_id)


def outlet_dates(article: Article) -> str:
    return article.published or "undated"
