"""Group articles into events (reports of the same happening) and order the events into a story.

Two steps, as a reader does it:

1. **Same topic.** Articles that share the event's particular words and word pairs (TF-IDF cosine over
   title and body) are clustered by average linkage: a group takes in a newcomer only when the group's
   articles are, on average, close enough to it, so one shared topic word cannot chain different
   events together. Only pairs that share a rare term are compared (blocking, vectors.blocked_pairs):
   no step looks at every pair of articles.
2. **Same event.** Two events of one kind (two rate cuts, two earthquakes, a story and its follow-up)
   share their topic's words; what tells them apart is who, where, how many and when. So each topic
   group is split again on its names, numbers and years alone, weighted by how rare they are *inside
   the group* (the name every report of the topic uses weighs little, the opponent, the town, the toll
   that only half of them give weigh most): a split is kept when the group falls into two parts that
   share much less with each other than within themselves (normalised cut, spectral bisection).

The topic bar of step 1 is low because the dates keep a topic's events of other days apart; where no
date vouches for a merge, two groups must share more words (UNDATED_THRESHOLD).

Dates are hard evidence where known: two articles whose dates (the event's date, else the published
date) lie more than ``Options.event_window`` days apart are never in one event, and a group's dates
must all fit one window, so an undated article joins a group only when it is compatible with all of
the group's dated articles and cannot chain two dated groups across a gap. Where the dates say
nothing, the names must not contradict: a group of undated articles joins a dated group only when
their names, numbers and years (the cues of step 2) do not set the two apart, so that the undated
reports of last year's event of the same kind do not take this year's date. (One undated article
joins on its words: the few names one report gives are no profile of their own.)
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, GroupingEvidence
from ..nlp.tokens import GROUPING_STOP_WORDS
from ..options import DEFAULT_OPTIONS, Options
from .features import Features, one_word, writes
from .vectors import (
    BLOCK_MAX_DF,
    BLOCK_TOP,
    TermRow,
    Vectors,
    blocked_pairs,
    pair_cosines,
    row_dots,
    terms,
    tfidf,
    tfidf_matrix,
    tfidf_rows,
)

# Average cosine at or above which two groups tell the same topic. Reports of one event mostly score
# 0.1-0.3 against each other; articles of unrelated stories below 0.05. Articles on different
# events of one topic score as high as reports of one event: step 2 and the dates keep them apart.
THRESHOLD = 0.06
# The average cosine two groups need when no date vouches for their merge (neither holds a dated
# article, or dates are not used): THRESHOLD is low because the dates keep a topic's events of other
# days apart; without them the words alone must tell this event from the last one of its kind, so they
# must say more. Chosen across ECB+ and BASIL (bench `grouping_threshold`, cross-validated by topic
# and event).
UNDATED_THRESHOLD = 0.075
# Step 2 keeps a split when its normalised cut is below this. A group with no structure (everyone
# shares as much with everyone) has a cut near 1 for any balanced split; two events sharing only
# their topic score far below it.
SPLIT_NCUT = 2 / 3
# A group of undated articles joins a group with dated ones (the dates then say nothing about the
# merge) only when their names, numbers and years do not set them apart: the two groups' articles
# resemble each other, over those cues, at least this share of what articles inside them do. Two
# events of one kind share the topic's names and little else; reports of one event, most of theirs.
UNDATED_CLOSENESS = 0.8
# A split is undone when its later part follows up the earlier one (its headlines name a later stage:
# the charge, the funeral; data/events.toml) and their days are at most this many apart, and a name
# is given by half the articles of each: the shooting and the charge two days later are one story
# (ECB+'s gold: one event), two fires of one week in one town are two. bench `ecbplus` and `facts`.
FOLLOW_UP_DAYS = 3
# Each side of a split holds at least this many articles: one article that shares few names with
# the rest is an odd report of the event, not an event of its own.
SPLIT_MIN_SIDE = 2
# Step 2 looks only at groups up to this size (a dense matrix over the group's articles).
SPLIT_MAX_GROUP = 2000
# From this many topic groups to split, step 2 runs on the engine's workers (a few milliseconds a
# group: below this, starting the workers costs more than it saves).
SPLIT_ON_WORKERS = 64
# From this many articles, the pairs are scored on the engine's workers, a share each (10,000
# synthetic articles: 3 s in one process; 1,000: 0.25 s, about what shipping the rows would cost).
SIMILARITIES_ON_WORKERS = 4_000
# An undated event that resembles a dated one at least this much (on average) is told next to
# it; below, it shares no more than stray words, and goes to the end of the story.
RELATED = 0.05
# Articles in different languages share few words even on one event; only a near-copy (a wrong
# language guess, a bilingual page) is grouped across languages.
CROSS_LANGUAGE_MIN = 0.9
# The title says what the event is: its words count twice.
TITLE_WEIGHT = 2
TITLE_MAX_CHARS = 160
# Why an event was grouped: at most this many names and words.
WHY_MAX = 6


@dataclass(frozen=True)
class EventGroup:
    """Articles reporting one event, before alignment."""

    id: str  # E1, E2... numbered in story order
    articles: tuple[Article, ...]  # by published date (undated last), then id
    dates: tuple[str | None, str | None]  # first and last published date
    title: str  # the title (or first sentence) of the article most central to the group
    why: GroupingEvidence | None = None


def group_events(
    articles: Sequence[Article],
    options: Options = DEFAULT_OPTIONS,
    threshold: float | None = None,
    features: Sequence[Features] | None = None,
    undated_threshold: float | None = None,
) -> list[EventGroup]:
    """Group ``articles`` into events and return them in story order (by date).

    An undated event goes right after the dated event it resembles most, or at the end when it
    resembles none. The result does not depend on the order of ``articles``. ``threshold``
    overrides THRESHOLD and ``undated_threshold`` UNDATED_THRESHOLD (for benchmarks that choose them
    on other data). ``features``: the articles'
    (compare/features.py, in the order of ``articles``) when the caller has read them already.
    """
    if not articles:
        return []
    from .. import store

    key = _store_key(articles, options, (threshold, undated_threshold)) if options.cache_dir else None
    if key is not None:
        stored = _from_store(store.get_value("groups", key, options), articles)
        if stored is not None:
            return stored
    events = _group(articles, options, threshold, features, undated_threshold)
    if key is not None:
        store.put_value(
            "groups", key, [(e.id, [a.id for a in e.articles], e.dates, e.title, e.why) for e in events], options
        )
    return events


def _store_key(articles: Sequence[Article], options: Options, thresholds: tuple) -> str | None:
    """What the grouping of ``articles`` depends on: every article's whole content (the grouping
    does not depend on their order), the thresholds, the event window and the code. None when two
    articles share an id (the stored events name their articles by id)."""
    from .. import store

    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        return None
    digests = sorted((a.id, store.article_digest(a)) for a in articles)
    return store.derived_key(
        "groups", repr(thresholds), repr(options.event_window), repr(options.one_event), repr(digests)
    )


def _from_store(value, articles: Sequence[Article]) -> list[EventGroup] | None:
    """The stored grouping with the articles themselves, or None when the value is not one."""
    by_id = {a.id: a for a in articles}
    try:
        return [
            EventGroup(id=i, articles=tuple(by_id[a] for a in members), dates=tuple(dates), title=title, why=why)
            for i, members, dates, title, why in value
        ]
    except (TypeError, ValueError, KeyError):
        return None


def _group(
    articles: Sequence[Article],
    options: Options,
    threshold: float | None,
    features: Sequence[Features] | None,
    undated_threshold: float | None = None,
) -> list[EventGroup]:
    from .features import iter_features

    order = sorted(range(len(articles)), key=lambda k: articles[k].id)
    ordered = [articles[k] for k in order]
    source = iter_features(ordered, options) if features is None else (features[k] for k in order)
    # Of each article's features only its cues and words are kept past the TF-IDF step.
    cache: dict[int, list[str]] = {}
    words: list[str] = []

    def rows() -> Iterator[TermRow]:
        for k, f in enumerate(source):
            cache[k] = list(f.cues)
            words.append(f.words)
            yield f.term_row()

    vectors = tfidf_rows(rows(), top=BLOCK_TOP)
    i, j, sims = similarities(ordered, vectors, options)
    days = [_day(a) for a in ordered]
    if options.one_event:
        clusters = [list(range(len(ordered)))]
    else:
        clusters = _clusters(ordered, options, threshold, undated_threshold, (i, j, sims), days, cache)
    clusters.sort(key=lambda c: c[0])
    central = _centrality(len(ordered), clusters, i, j, sims)
    groups = [_summarise(members, ordered, central, vectors, cache, words) for members in clusters]
    story = _story_order(groups, clusters, i, j, sims)
    return [
        EventGroup(id=f"E{n}", articles=g.articles, dates=g.dates, title=g.title, why=g.why)
        for n, g in enumerate(story, 1)
    ]


def _clusters(
    ordered: Sequence[Article],
    options: Options,
    threshold: float | None,
    undated_threshold: float | None,
    pairs: tuple,
    days: Sequence[int | None],
    cache: dict[int, list[str]],
) -> list[list[int]]:
    """Steps 1 and 2 of the module docstring: topic groups by average linkage, each split into its events."""
    i, j, sims = pairs

    def unsupported(undated: list[int], dated: list[int]) -> bool:
        return not _cues_agree(undated, dated, cache)

    clusters = average_linkage(
        len(ordered),
        i,
        j,
        sims,
        THRESHOLD if threshold is None else threshold,
        days,
        options.event_window,
        unsupported,
        UNDATED_THRESHOLD if undated_threshold is None else undated_threshold,
    )
    return _split_all(clusters, ordered, cache, options, days)


def article_vectors(articles: Sequence[Article]) -> Vectors:
    """The articles' TF-IDF vectors (title and paragraphs), compact, with their blocking terms."""
    return tfidf_matrix((_passages(a) for a in articles), top=BLOCK_TOP)


def similarities(articles: Sequence[Article], vectors: Vectors | None = None, options: Options | None = None):
    """Content similarity of the pairs of articles that share a rare term: (i, j, cosine) numpy
    arrays with i < j, language barrier applied. Pairs not listed share nothing particular (0).

    The pairs are made and scored a range of articles at a time (vectors.blocked_pairs), so only
    the scored pairs are ever held, not the blocks' duplicates. From SIMILARITIES_ON_WORKERS
    articles, with ``options`` whose engine has several workers ready, each worker scores a share
    of the ranges; the pairs come back in the same order."""
    import numpy as np

    if vectors is None:
        vectors = article_vectors(articles)
    languages = np.array([a.language or "" for a in articles])
    # The vocabulary's words are not needed to score: not shipped to the workers.
    rows = Vectors(vectors.indptr, vectors.indices, vectors.data, [], vectors.block_ptr, vectors.block_ids)
    from ..engine import engine_of, in_shares

    engine = engine_of(options) if options is not None and len(articles) >= SIMILARITIES_ON_WORKERS else None
    shares = in_shares(engine if engine is not None and engine.ready else None, _similarity_share, (rows, languages))
    # Chunk c was share c % n's (c // n)-th: back in the order one process makes them.
    n = len(shares)
    chunks = [shares[c % n][c // n] for c in range(sum(len(s) for s in shares))]
    if not chunks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return tuple(np.concatenate([c[k] for c in chunks]) for k in range(3))


def _similarity_share(task) -> list:
    """The (i, j, cosine) arrays of the k-th of every n chunks of blocked pairs (``task``: (rows,
    languages), k, n)."""
    import numpy as np

    (vectors, languages), share, shares = task
    out = []
    for i, j in blocked_pairs(vectors.block_ptr, vectors.block_ids, BLOCK_MAX_DF, share=(share, shares)):
        sims = np.clip(row_dots(vectors, i, j), 0.0, 1.0)
        li, lj = languages[i], languages[j]
        apart = (li != "") & (lj != "") & (li != lj) & (sims < CROSS_LANGUAGE_MIN)
        sims[apart] = 0.0
        out.append((i, j, sims))
    return out


def average_linkage(
    n: int,
    i,
    j,
    sims,
    threshold: float,
    days: Sequence[int | None] | None = None,
    window: int | None = None,
    apart: Callable[[list[int], list[int]], bool] | None = None,
    unvouched: float | None = None,
) -> list[list[int]]:
    """Agglomerative clustering of rows 0..n-1 by average linkage over a sparse similarity graph
    (pairs not given score 0), merging while the average is >= threshold.

    With ``days`` (a day number or None per row) and ``window``, two groups merge only when their
    dated rows together leave no gap of more than ``window`` days (continuous coverage of one
    happening over a week stays one event; a follow-up after a silence, or a year later, does not;
    undated rows bridge nothing, as the gap is measured over dated rows only). ``apart(undated, dated)``,
    when given with a window, is asked before a group of at least SPLIT_MIN_SIDE undated rows joins a
    group with dated rows: True keeps them apart. ``unvouched`` (default ``threshold``): the average a
    merge needs when no date vouches for it (both groups undated, or no window). A heap of candidate merges replaces
    the n x n matrix: the work follows the pairs given. Clusters come back as sorted index lists,
    ordered by their first index; a tie goes to the lowest indices.
    """
    import numpy as np

    # Each pair once, its similarities summed (the pairs can number millions: numpy, no loop).
    left, right, weight = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64), np.asarray(sims, dtype=float)
    keep = (weight > 0) & (left != right)
    lo, hi, weight = np.minimum(left, right)[keep], np.maximum(left, right)[keep], weight[keep]
    key, inverse = np.unique(lo * n + hi, return_inverse=True)
    total = np.bincount(inverse.ravel(), weights=weight, minlength=len(key))
    lo, hi = key // n, key % n
    del key, inverse, left, right, weight, keep
    # Two groups merge only when their average is >= threshold, so at least one of their pairs is:
    # every cluster lies inside one connected component of the pairs at or above the threshold,
    # and a pair across two components can never count. Each component is clustered on its own,
    # with its own pairs only: the same merges, in the same order, as over the whole graph, in
    # memory bounded by the largest component.
    strong = total >= threshold
    component = _components(n, lo[strong], hi[strong])
    inside = strong.copy()
    inside |= component[lo] == component[hi]
    lo, hi, total, strong = lo[inside], hi[inside], total[inside], strong[inside]
    order = np.argsort(component[lo], kind="stable")
    lo, hi, total, strong = lo[order], hi[order], total[order], strong[order]
    owner = component[lo]
    bounds = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1], True]).tolist() if len(lo) else [0]
    clustered = np.zeros(n, dtype=bool)
    clusters: list[list[int]] = []
    for s, e in zip(bounds[:-1], bounds[1:]):
        found = _link(lo[s:e], hi[s:e], total[s:e], strong[s:e], threshold, days, window, apart, unvouched)
        for members in found:
            clustered[members] = True
        clusters.extend(found)
    clusters.extend([k] for k in np.flatnonzero(~clustered).tolist())
    clusters.sort(key=lambda c: c[0])
    return clusters


def _components(n: int, lo, hi):
    """The connected component of each of rows 0..n-1 over the edges (lo, hi): its lowest row.

    Union by hooking each root onto the lower root it is linked to, then pointer jumping, repeated
    until no edge joins two roots (a few rounds; numpy, no loop over the edges)."""
    import numpy as np

    parent = np.arange(n, dtype=np.int64)
    while len(lo):
        a, b = parent[lo], parent[hi]
        joins = a != b
        if not joins.any():
            break
        lo, hi, a, b = lo[joins], hi[joins], a[joins], b[joins]
        np.minimum.at(parent, np.maximum(a, b), np.minimum(a, b))
        while True:
            up = parent[parent]
            if (up == parent).all():
                break
            parent = up
    return parent


def _link(lo, hi, total, strong, threshold: float, days, window, apart=None, unvouched=None) -> list[list[int]]:
    """Average linkage over one component's pairs (row ids as given), by a heap of candidate merges."""
    import numpy as np

    # Each row's neighbours and summed similarities: one dict per row, made from numpy slices (a row's
    # slice at a time: the lists of all pairs at once were a tenth of the peak at 10,000 articles).
    ends, others, values = np.concatenate([lo, hi]), np.concatenate([hi, lo]), np.concatenate([total, total])
    order = np.argsort(ends, kind="stable")
    ends, others, values = ends[order], others[order], values[order]
    cut = np.flatnonzero(np.r_[True, ends[1:] != ends[:-1], True]).tolist()
    rows = ends[cut[:-1]].tolist()
    sums: dict[int, dict[int, float]] = {
        r: dict(zip(others[s:e].tolist(), values[s:e].tolist())) for r, s, e in zip(rows, cut[:-1], cut[1:])
    }
    del ends, others, values, order
    size = dict.fromkeys(rows, 1)
    members: dict[int, list[int]] = {k: [k] for k in rows}
    span: dict[int, tuple[int, ...] | None] = {
        k: (d,) if days is not None and (d := days[k]) is not None else None for k in rows
    }
    version = dict.fromkeys(rows, 0)
    kept_apart: set[tuple[int, int, int]] = set()
    # The candidate merges: the initial pairs, sorted once in numpy (as the heap would pop them), and a
    # heap of the merged groups' new averages; the next merge is the smaller head of the two. The
    # initial pairs never all become Python tuples at once (at 10,000 articles they were a third of
    # grouping's peak).
    first = np.lexsort((hi[strong], lo[strong], -total[strong]))
    start_neg, start_lo, start_hi = (-total[strong])[first], lo[strong][first], hi[strong][first]
    heap: list[tuple[float, int, int, int, int]] = []
    pending = _initial(start_neg, start_lo, start_hi)
    head = next(pending, None)
    while head is not None or heap:
        if head is not None and (not heap or head <= heap[0]):
            neg, a, b, va, vb = head
            head = next(pending, None)
        else:
            neg, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        if window is not None and not _fits(span[a], span[b], window):
            continue
        if unvouched is not None and -neg < unvouched and (window is None or (span[a] is None and span[b] is None)):
            # Passed over, not dropped: a later merge of either group pushes their new average.
            continue
        if (
            window is not None
            and apart is not None
            and (span[a] is None) != (span[b] is None)
            and (size[a] if span[a] is None else size[b]) >= SPLIT_MIN_SIDE
            and size[a] + size[b] <= SPLIT_MAX_GROUP
        ):
            undated, dated = (a, b) if span[a] is None else (b, a)
            # Kept apart until the undated group takes in more articles: the dated group growing
            # does not ask again (a large event would otherwise be asked at every article it gains).
            if (undated, version[undated], dated) in kept_apart:
                continue
            if apart(members[undated], members[dated]):
                kept_apart.add((undated, version[undated], dated))
                continue
        # Merge b into a (a < b): the sums of similarities add, the averages follow from the sizes.
        members[a] = sorted(members[a] + members.pop(b))
        size[a] += size[b]
        span[a] = _join(span[a], span[b])
        version[a] += 1
        for c, s in sums[b].items():
            if c != a:
                sums[a][c] = sums[a].get(c, 0.0) + s
                del sums[c][b]
                sums[c][a] = sums[c].get(a, 0.0) + s
        sums[a].pop(b, None)
        sums[b] = {}
        for c, s in sums[a].items():
            avg = s / (size[a] * size[c])
            if avg >= threshold:
                x, y = min(a, c), max(a, c)
                heapq.heappush(heap, (-round(avg, 12), x, y, version[x], version[y]))
    return [members[k] for k in sorted(members)]


def _initial(neg, lo, hi, chunk: int = 4096) -> Iterator[tuple[float, int, int, int, int]]:
    """The initial candidate merges in heap order, as the heap's tuples, a chunk at a time."""
    for s in range(0, len(neg), chunk):
        for n, a, b in zip(neg[s : s + chunk].tolist(), lo[s : s + chunk].tolist(), hi[s : s + chunk].tolist()):
            yield n, a, b, 0, 0


def _fits(x: tuple[int, ...] | None, y: tuple[int, ...] | None, window: int) -> bool:
    """Whether two groups' dated articles, taken together, leave no gap of more than ``window`` days."""
    if x is None or y is None:
        return True
    days = sorted(set(x) | set(y))
    return all(b - a <= window for a, b in zip(days, days[1:]))


def _join(x: tuple[int, ...] | None, y: tuple[int, ...] | None) -> tuple[int, ...] | None:
    if x is None or y is None:
        return x or y
    return tuple(sorted(set(x) | set(y)))


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_POSSESSIVE = re.compile(r"['’]s?$")


def cues(article: Article) -> list[str]:
    """What tells one event of a kind from another: the capitalised names (people, places, bodies),
    the quantities (value and unit: "23 pirates", "$50 million") and the years an article gives, and
    the words of its headline, which says what happened ("offer withdrawn", not "offer made")."""
    return _cues(article.title, article.paragraphs)


def _cues(title: str | None, paragraphs: Sequence[str]) -> list[str]:
    from ..nlp.names import capitalised_phrases
    from ..nlp.numbers import find_numbers

    out: list[str] = ["t:" + w for w in terms(title or "")]
    for text in (title or "", *paragraphs):
        out.extend("n:" + _POSSESSIVE.sub("", p) for p in capitalised_phrases(text))
        out.extend(f"q:{n.value:g} {n.unit or ''}" for n in find_numbers(text) if n.kind != "year")
        out.extend("y:" + y for y in _YEAR.findall(text))
    return out


def split_events(
    members: list[int],
    articles: Sequence[Article],
    cache: dict[int, list[str]] | None = None,
    days: Sequence[int | None] | Mapping[int, int | None] | None = None,
) -> list[list[int]]:
    """Split one topic group into its events (step 2 of the module docstring), recursively; ``days``:
    each article's day (``_day``) by position in ``articles``, or None to read it there."""
    if len(members) < 2 * SPLIT_MIN_SIDE or len(members) > SPLIT_MAX_GROUP:
        return [members]
    cache = {} if cache is None else cache
    for k in members:
        if k not in cache:
            cache[k] = cues(articles[k])
    parts = _bisect(tfidf([[[c.casefold() for c in cache[k]]] for k in members]))
    if parts is None:
        return [members]
    sides = [[members[k] for k in part] for part in parts]
    day_of = (lambda k: days[k]) if days is not None else (lambda k: _day(articles[k]))
    if _follows_up(sides, cache, day_of):
        return [members]
    return [p for side in sides for p in split_events(sorted(side), articles, cache, days)]


def _follows_up(sides: list[list[int]], cache: dict[int, list[str]], day_of: Callable[[int], int | None]) -> bool:
    """Whether the later of a split's two parts tells a later stage of the earlier one's happening
    (FOLLOW_UP_DAYS): its headlines name a follow-up and the earlier part's do not, their days are
    close, and half the articles of each give one name."""
    spans = []
    for side in sides:
        known = [d for k in side if (d := day_of(k)) is not None]
        if not known:
            return False
        spans.append((min(known), max(known), side))
    (_, early_last, early), (late_first, _, late) = sorted(spans, key=lambda s: (s[0], s[1]))
    if late_first - early_last > FOLLOW_UP_DAYS:
        return False
    stems = _follow_up_stems()

    def following(k: int) -> bool:
        return any(c.startswith("t:") and c[2:].startswith(stems) for c in cache[k])

    if 2 * sum(map(following, late)) < len(late) or 2 * sum(map(following, early)) >= len(early):
        return False

    calendar = _calendar_words()

    def names(side: list[int]) -> set[str]:
        # A weekday or month ("Monday") is a name to the cues, but no name of the happening.
        given = ({c[2:].casefold() for c in cache[k] if c.startswith("n:")} - calendar for k in side)
        counts = Counter(n for one in given for n in one)
        return {n for n, c in counts.items() if 2 * c >= len(side)}

    return bool(names(early) & names(late))


@lru_cache(maxsize=1)
def _follow_up_stems() -> tuple[str, ...]:
    from .. import data

    return tuple(data.load("events")["follow_ups"]["stems"])


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    from .. import data

    return data.words("datelines", "month_words")


def _split_all(
    clusters: list[list[int]],
    articles: Sequence[Article],
    cache: dict[int, list[str]],
    options: Options,
    days: Sequence[int | None],
) -> list[list[int]]:
    """Every topic group split into its events (split_events), in order; ``cache``: every article's cues
    (_group reads them with the features), ``days``: their days. The groups are independent, so
    with SPLIT_ON_WORKERS of them or more, and workers ready to start, they go to the engine's workers,
    each with its articles' cues and days: the client's serial part of a 10,000-article run spent 8 s here while
    the workers sat idle. With a store, each group's split is kept, and read back by a re-run in which
    the group is the same (check after adding 10 articles to 1,000: 2.1 s -> 1.9 s)."""
    from ..engine import engine_of

    todo = [n for n, c in enumerate(clusters) if 2 * SPLIT_MIN_SIDE <= len(c) <= SPLIT_MAX_GROUP]
    keys = _split_keys(clusters, todo, cache, days, options)
    found = _stored_splits(clusters, keys, options)
    rest = [n for n in todo if n not in found]
    engine = engine_of(options)
    # Only to workers that start at once: a re-run that cleaned its few new articles here would
    # otherwise load them (about half a second) to save less.
    if len(rest) < SPLIT_ON_WORKERS or not engine.ready:
        made = {n: split_events(clusters[n], articles, cache, days) for n in rest}
    else:
        tasks = [(clusters[n], [cache[k] for k in clusters[n]], [days[k] for k in clusters[n]]) for n in rest]
        try:
            made = dict(zip(rest, engine.map(_split_task, tasks, SPLIT_ON_WORKERS)))
        finally:
            # Linking and summarising come next, here: the idle workers' memory would only add to its peak.
            engine.rest()
    if keys and made:
        from .. import store

        # Each split by its members' positions in the group: the same group in a bigger corpus has
        # other article numbers.
        at = {n: {k: p for p, k in enumerate(clusters[n])} for n in made}
        store.put_values("groups", [(keys[n], [[at[n][k] for k in part] for part in made[n]]) for n in made], options)
    found.update(made)
    return [part for n, c in enumerate(clusters) for part in found.get(n, [c])]


def _split_keys(
    clusters: list[list[int]],
    todo: list[int],
    cache: dict[int, list[str]],
    days: Sequence[int | None],
    options: Options,
) -> dict[int, str]:
    """The store key of each group's split: a split reads nothing but its articles' cues and days, in order (a
    re-run with a few new articles finds every group they did not join already split)."""
    if not options.cache_dir:
        return {}
    from .. import store

    return {n: store.derived_key("split", repr([(cache[k], days[k]) for k in clusters[n]])) for n in todo}


def _stored_splits(clusters: list[list[int]], keys: dict[int, str], options: Options) -> dict[int, list[list[int]]]:
    from .. import store

    values = store.get_values("groups", list(keys.values()), options) if keys else {}
    found = {}
    for n, key in keys.items():
        parts = values.get(key)
        if isinstance(parts, list):
            found[n] = [[clusters[n][p] for p in part] for part in parts]
    return found


def _split_task(task: tuple[list[int], list[list[str]], list[int | None]]) -> list[list[int]]:
    """split_events of one group on a worker, from its articles' cues and days alone."""
    members, cue_lists, day_list = task
    days: dict[int, int | None] = dict(zip(members, day_list))
    return split_events(members, (), dict(zip(members, cue_lists)), days)


def _cues_agree(x: list[int], y: list[int], cache: dict[int, list[str]]) -> bool:
    """Whether the names, numbers and years of group ``x`` do not set it apart from group ``y``: the
    articles of the two resemble each other on average at least UNDATED_CLOSENESS times as much as
    articles resemble each other inside the two (cosines over the cues, weighted as in step 2)."""
    import numpy as np

    w = _cue_graph(tfidf([[[c.casefold() for c in cache[k]]] for k in (*x, *y)]))
    nx, ny = len(x), len(y)
    inside = np.concatenate([w[:nx, :nx][np.triu_indices(nx, 1)], w[nx:, nx:][np.triu_indices(ny, 1)]])
    if not len(inside):
        return True
    return bool(w[:nx, nx:].mean() >= UNDATED_CLOSENESS * inside.mean())


def _cue_graph(vectors: Sequence[dict[str, float]]):
    """The articles' pairwise cosines over their cues, as a dense k x k matrix (k: one group's articles)."""
    import numpy as np

    k = len(vectors)
    i, j = np.triu_indices(k, 1)
    w = np.zeros((k, k))
    w[i, j] = pair_cosines(vectors, i, j)
    return w + w.T


def _bisect(vectors: Sequence[dict[str, float]]) -> tuple[list[int], list[int]] | None:
    """The normalised-cut bisection of a small similarity graph (spectral, then the best sweep cut
    along the Fiedler vector), or None when no cut is below SPLIT_NCUT."""
    import numpy as np

    k = len(vectors)
    w = _cue_graph(vectors)
    degree = w.sum(axis=1)
    if not (degree > 0).all():
        # An article sharing no cue with the rest cannot be placed by them: leave the group whole.
        return None
    inv = 1.0 / np.sqrt(degree)
    laplacian = np.eye(k) - inv[:, None] * w * inv[None, :]
    _, vecs = np.linalg.eigh(laplacian)
    order = np.argsort(vecs[:, 1] * inv, kind="stable")
    best, best_cut = SPLIT_NCUT, None
    total = degree.sum()
    for c in range(SPLIT_MIN_SIDE, k - SPLIT_MIN_SIDE + 1):
        left = order[:c]
        vol = degree[left].sum()
        cut = vol - w[np.ix_(left, left)].sum()
        ncut = cut / vol + cut / (total - vol) if 0 < vol < total else np.inf
        if ncut < best:
            best, best_cut = ncut, c
    if best_cut is None:
        return None
    return sorted(order[:best_cut].tolist()), sorted(order[best_cut:].tolist())


def _passages(article: Article) -> list[list[str]]:
    return _passages_of(article.title, article.paragraphs)


def _passages_of(title: str | None, paragraphs: Sequence[str]) -> list[list[str]]:
    return [terms(title or "") * TITLE_WEIGHT] + [terms(p) for p in paragraphs]


def _parse(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _date(article: Article) -> dt.date | None:
    return _parse(article.published)


def _day(article: Article) -> int | None:
    """The day the article is evidence for: the event's own date where the text gives it, else the
    published date."""
    d = _parse(article.event_date) or _parse(article.published)
    return d.toordinal() if d else None


def _sort_key(article: Article) -> tuple[bool, str, str]:
    published = article.published or ""
    return (not published, published, article.id)


def _centrality(n: int, clusters: list[list[int]], i, j, sims):
    """Each article's total similarity to the other articles of its cluster (one pass over the pairs)."""
    import numpy as np

    cluster_of = np.zeros(n, dtype=np.int64)
    for k, c in enumerate(clusters):
        cluster_of[c] = k
    inside = cluster_of[i] == cluster_of[j]
    total = np.zeros(n)
    np.add.at(total, i[inside], sims[inside])
    np.add.at(total, j[inside], sims[inside])
    return total


def _summarise(members: list[int], articles: Sequence[Article], centrality, vectors, cache, words=None) -> EventGroup:
    group = sorted((articles[i] for i in members), key=_sort_key)
    dates = sorted(d.isoformat() for a in group if (d := _date(a)))
    position = {a.id: k for k, a in enumerate(group)}
    # The most central article: highest total similarity to the others; the earliest on a tie.
    central = max(members, key=lambda i: (round(float(centrality[i]), 9), -position[articles[i].id]))
    return EventGroup(
        id="",
        articles=tuple(group),
        dates=(dates[0], dates[-1]) if dates else (None, None),
        title=_title(articles[central]),
        why=_why(members, articles, vectors, cache, words),
    )


def _why(
    members: list[int], articles: Sequence[Article], vectors, cache: dict[int, list[str]], words=None
) -> GroupingEvidence:
    """What the group's articles share: names most of them give, the words that weighed most in
    their similarity, and the dates they give."""
    if len(members) < 2:
        return GroupingEvidence(note="a single article")
    need = max(2, (len(members) + 1) // 2)
    names: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for k in members:
        if k not in cache:
            cache[k] = cues(articles[k])
        seen = {c[2:].casefold(): c[2:] for c in cache[k] if c.startswith("n:")}
        names.update(seen.keys())
        for key, name in seen.items():
            spelling.setdefault(key, name)
    common = [
        n for n, c in sorted(names.items(), key=lambda x: (-x[1], x[0])) if c >= need and n not in GROUPING_STOP_WORDS
    ]
    shared_names: list[str] = []
    for n in common:
        if len(shared_names) == WHY_MAX:
            break
        if " " in n or not _written_lower(n, members, articles, words):
            shared_names.append(spelling[n])
    words = _shared_terms(members, vectors, need)
    days = sorted({d for k in members if (d := _day(articles[k])) is not None})
    dates = tuple(dt.date.fromordinal(d).isoformat() for d in days)
    undated = sum(1 for k in members if _day(articles[k]) is None)
    note = f"{undated} of {len(members)} articles have no date" if undated and days else ""
    return GroupingEvidence(names=tuple(shared_names[:WHY_MAX]), words=tuple(words[:WHY_MAX]), dates=dates, note=note)


def _shared_terms(members: list[int], vectors, need: int) -> list[str]:
    """The terms at least ``need`` of the members' vectors hold, heaviest summed weight first (on a
    tie, alphabetical). The weights are summed member by member, in the members' order, as a loop
    over their {term: weight} dicts would: the same sums to the last bit."""
    import numpy as np

    rows = [vectors.row(k) for k in members]
    ids = np.concatenate([r[0] for r in rows])
    unique, inverse = np.unique(ids, return_inverse=True)
    total = np.bincount(inverse.ravel(), weights=np.concatenate([r[1] for r in rows]), minlength=len(unique))
    present = np.bincount(inverse.ravel(), minlength=len(unique))
    chosen = np.flatnonzero(present >= need).tolist()
    vocabulary = vectors.vocabulary
    terms = [(-float(total[x]), vocabulary[int(unique[x])]) for x in chosen]
    return [t for _, t in sorted(terms)]


def _written_lower(word: str, members: list[int], articles: Sequence[Article], words=None) -> bool:
    """Whether the group's articles also write ``word`` in lower case: then a capitalised one opened a
    sentence ("Police said"), and it is no name. ``words``: each article's Features.words."""
    if words is not None and one_word(word):
        return any(writes(words[k], word) for k in members)
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return any(pattern.search(t) for k in members for t in articles[k].paragraphs)


def _title(article: Article) -> str:
    if article.title:
        return article.title
    text = article.sentences[0].text if article.sentences else (article.paragraphs or (article.id,))[0]
    text = " ".join(text.split())
    if len(text) > TITLE_MAX_CHARS:
        text = text[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


def _story_order(groups: list[EventGroup], clusters: list[list[int]], i, j, sims) -> list[EventGroup]:
    import numpy as np

    def first_id(k: int) -> str:
        return min(a.id for a in groups[k].articles)

    dated = sorted((k for k, g in enumerate(groups) if g.dates[0]), key=lambda k: (groups[k].dates[0], first_id(k)))
    undated = sorted((k for k, g in enumerate(groups) if not g.dates[0]), key=first_id)
    # Summed similarity of each (undated, dated) pair of groups, from the pairs that share a term.
    n = sum(len(c) for c in clusters)
    cluster_of = np.zeros(n, dtype=np.int64)
    for k, c in enumerate(clusters):
        cluster_of[c] = k
    is_dated = np.zeros(len(clusters), dtype=bool)
    is_dated[dated] = True
    ka, kb = cluster_of[np.asarray(i, dtype=np.int64)], cluster_of[np.asarray(j, dtype=np.int64)]
    flip = is_dated[ka]
    side_u, side_d = np.where(flip, kb, ka), np.where(flip, ka, kb)
    mixed = ~is_dated[side_u] & is_dated[side_d]
    key, inverse = np.unique(side_u[mixed] * len(clusters) + side_d[mixed], return_inverse=True)
    totals = np.bincount(inverse.ravel(), weights=np.asarray(sims, dtype=float)[mixed], minlength=len(key))
    between = {(int(x) // len(clusters), int(x) % len(clusters)): float(t) for x, t in zip(key, totals)}
    rank = {d: r for r, d in enumerate(dated)}
    best: dict[int, tuple[float, int]] = {}
    for (k, d), total in between.items():
        s = total / (len(clusters[k]) * len(clusters[d]))
        # Strictly above RELATED; on a tie, the earlier event takes the newcomer.
        if s > RELATED and (k not in best or (-s, rank[d]) < (-best[k][0], rank[best[k][1]])):
            best[k] = (s, d)
    after: dict[int | None, list[int]] = {}
    for k in undated:
        after.setdefault(best[k][1] if k in best else None, []).append(k)
    order: list[int] = []
    for d in dated:
        order.append(d)
        order.extend(after.get(d, []))
    order.extend(after.get(None, []))
    return [groups[k] for k in order]
