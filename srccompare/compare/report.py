"""Build the Report: the one place where comparison results are assembled. (Placeholder.)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Event, Report, Story
from ..options import DEFAULT_OPTIONS, Options


def build_report(articles: Sequence[Article], options: Options = DEFAULT_OPTIONS) -> Report:
    events = tuple(
        Event(id=f"E{i + 1}", title=a.title or a.id, dates=(a.published, a.published), articles=(a.id,))
        for i, a in enumerate(articles)
    )
    return Report(articles=tuple(articles), story=Story(tuple(e.id for e in events)), events=events)
