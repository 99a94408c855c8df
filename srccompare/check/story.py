"""Rules about events and the story: single-outlet events, dates far from the rest."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator, Sequence
from typing import Any

from ..config import Config
from ..model import Article, Finding
from ..options import Options
from .rules import finding


def story_findings(
    articles: Sequence[Article], config: Config, options: Options, features: Sequence[Any] | None = None
) -> Iterator[Finding]:
    """Single-outlet events and far dates; ``features``: the articles' grouping features, when read already."""
    from ..compare.group import group_events

    for event in group_events(articles, options, features=features):
        outlets = {a.outlet or a.origin or a.id for a in event.articles}
        if len(outlets) == 1:
            first = event.articles[0]
            yield finding(
                "SC050",
                first.path,
                f"event {event.id} ({_short(event.title)}) is covered by one outlet only "
                f"({first.outlet or 'unknown outlet'})",
            )
    yield from _date_outliers(articles, config)


def _date_outliers(articles: Sequence[Article], config: Config) -> Iterator[Finding]:
    dated = [(a, _day(a.published)) for a in articles]
    ordinals = [d.toordinal() for _, d in dated if d]
    if len(ordinals) < 3:
        return
    median = dt.date.fromordinal(int(statistics.median(ordinals)))
    for article, day in dated:
        if day and abs((day - median).days) > config.date_window_days:
            yield finding(
                "SC051",
                article.path,
                f"published {day.isoformat()}, {abs((day - median).days)} days from the story's "
                f"median date {median.isoformat()} (date-window-days is {config.date_window_days})",
            )


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
