"""Group articles into events (reports of the same happening) and order the events into a story.

Two articles report the same event when they share the event's particular words and word pairs
(TF-IDF cosine over title and body) and were published within a few days of each other. Articles
are clustered by average linkage: a group takes in a newcomer only when the group's articles are,
on average, close enough to it, so one shared topic word cannot chain different events together.
Dates only ever lower a similarity, so grouping works the same, if less sharply, without them:
within one story (one topic), the publication dates are what tells one event from the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article
from ..options import DEFAULT_OPTIONS, Options
from .vectors import cosine_matrix, terms, tfidf

# Average cosine at or above which two groups tell the same event. Three outlets' independent
# reports of one event (BASIL) mostly score 0.1-0.3 against each other; articles on different
# stories score below 0.1. Articles on different events of one story can score higher than that:
# their dates, not their words, keep them apart.
THRESHOLD = 0.1
# Outlets publish their reports of one event over a few days; past that, every further few days
# halve the similarity, so a follow-up a week later is a new event, while one misread date
# lowers a strong similarity without cutting it.
DATE_GRACE_DAYS = 3
DATE_HALF_LIFE_DAYS = 3.0
# An undated event that resembles a dated one at least this much (on average) is told next to
# it; below, it shares no more than stray words, and goes to the end of the story.
RELATED = THRESHOLD / 2
# Articles in different languages share few words even on one event; only a near-copy (a wrong
# language guess, a bilingual page) is grouped across languages.
CROSS_LANGUAGE_MIN = 0.9
# The title says what the event is: its words count twice.
TITLE_WEIGHT = 2
TITLE_MAX_CHARS = 160


@dataclass(frozen=True)
class EventGroup:
    """Articles reporting one event, before alignment."""

    id: str  # E1, E2... numbered in story order
    articles: tuple[Article, ...]  # by published date (undated last), then id
    dates: tuple[str | None, str | None]  # first and last published date
    title: str  # the title (or first sentence) of the article most central to the group


def group_events(articles: Sequence[Article], options: Options = DEFAULT_OPTIONS) -> list[EventGroup]:
    """Group ``articles`` into events and return them in story order (by date).

    An undated event goes right after the dated event it resembles most, or at the end when it
    resembles none. The result does not depend on the order of ``articles``.
    """
    if not articles:
        return []
    ordered = sorted(articles, key=lambda a: a.id)
    sims = similarities(ordered)
    clusters = average_linkage(date_weighted(sims, ordered), THRESHOLD)
    groups = [_summarise(members, ordered, sims) for members in clusters]
    story = _story_order(groups, clusters, sims)
    return [EventGroup(id=f"E{n}", articles=g.articles, dates=g.dates, title=g.title) for n, g in enumerate(story, 1)]


def similarities(articles: Sequence[Article]):
    """Content similarity of every pair of articles (numpy n x n), language barrier applied."""
    import numpy as np

    sims = cosine_matrix(tfidf([_passages(a) for a in articles]))
    languages = np.array([a.language or "" for a in articles])
    known = languages != ""
    apart = known[:, None] & known[None, :] & (languages[:, None] != languages[None, :])
    sims[apart & (sims < CROSS_LANGUAGE_MIN)] = 0.0
    return sims


def date_factor(gap_days):
    """How much a gap between two published dates lowers their similarity (1 = not at all)."""
    import numpy as np

    return np.where(
        gap_days <= DATE_GRACE_DAYS,
        1.0,
        0.5 ** ((np.asarray(gap_days, dtype=float) - DATE_GRACE_DAYS) / DATE_HALF_LIFE_DAYS),
    )


def date_weighted(sims, articles: Sequence[Article]):
    """``sims`` lowered for pairs of articles published far apart; pairs with an undated side are kept."""
    import numpy as np

    days = np.array([d.toordinal() if (d := _date(a)) else np.nan for a in articles], dtype=float)
    gaps = np.abs(days[:, None] - days[None, :])
    factor = np.where(np.isnan(gaps), 1.0, date_factor(np.nan_to_num(gaps)))
    return sims * factor


def average_linkage(sims, threshold: float) -> list[list[int]]:
    """Agglomerative clustering of rows 0..n-1 by average linkage, merging while >= threshold.

    Clusters come back as sorted index lists, ordered by their first index. A tie goes to the
    lowest indices, so the result depends only on the order of the rows.
    """
    import numpy as np

    n = sims.shape[0]
    avg = np.array(sims, dtype=np.float64)
    np.fill_diagonal(avg, -np.inf)
    sizes = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(members) > 1:
        a, b = divmod(int(np.argmax(avg)), n)
        if avg[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        # Lance-Williams update for average linkage: the merged row is the size-weighted mean.
        merged = (sizes[a] * avg[a] + sizes[b] * avg[b]) / (sizes[a] + sizes[b])
        merged[a] = -np.inf
        avg[a, :] = merged
        avg[:, a] = merged
        avg[b, :] = -np.inf
        avg[:, b] = -np.inf
        sizes[a] += sizes[b]
        members[a] = sorted(members[a] + members.pop(b))
    return [members[k] for k in sorted(members)]


def _passages(article: Article) -> list[list[str]]:
    title = terms(article.title or "") * TITLE_WEIGHT
    return [title] + [terms(p) for p in article.paragraphs]


def _date(article: Article) -> dt.date | None:
    try:
        return dt.date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def _sort_key(article: Article) -> tuple[bool, str, str]:
    published = article.published or ""
    return (not published, published, article.id)


def _summarise(members: list[int], articles: Sequence[Article], sims) -> EventGroup:
    group = sorted((articles[i] for i in members), key=_sort_key)
    dates = sorted(d.isoformat() for a in group if (d := _date(a)))
    # The most central article: highest total similarity to the others; the earliest on a tie.
    central = max(members, key=lambda i: (round(float(sims[i, members].sum()), 9), -group.index(articles[i])))
    return EventGroup(
        id="",
        articles=tuple(group),
        dates=(dates[0], dates[-1]) if dates else (None, None),
        title=_title(articles[central]),
    )


def _title(article: Article) -> str:
    if article.title:
        return article.title
    text = article.sentences[0].text if article.sentences else (article.paragraphs or (article.id,))[0]
    text = " ".join(text.split())
    if len(text) > TITLE_MAX_CHARS:
        text = text[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


def _story_order(groups: list[EventGroup], clusters: list[list[int]], sims) -> list[EventGroup]:
    def first_id(k: int) -> str:
        return min(a.id for a in groups[k].articles)

    dated = sorted((k for k, g in enumerate(groups) if g.dates[0]), key=lambda k: (groups[k].dates[0], first_id(k)))
    undated = sorted((k for k, g in enumerate(groups) if not g.dates[0]), key=first_id)
    after: dict[int | None, list[int]] = {}
    for k in undated:
        best, best_sim = None, RELATED
        for d in dated:
            s = float(sims[clusters[k]][:, clusters[d]].mean())
            if s > best_sim:  # strictly: on a tie, the earlier event takes the newcomer
                best, best_sim = d, s
        after.setdefault(best, []).append(k)
    order: list[int] = []
    for d in dated:
        order.append(d)
        order.extend(after.get(d, []))
    order.extend(after.get(None, []))
    return [groups[k] for k in order]
