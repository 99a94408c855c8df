"""HTML export: one self-contained page that sets the outlets side by side, like a split diff.

Article text is hostile until proven otherwise. It reaches the page only through a jinja2 template with
autoescaping, so it is always text and never markup; the inline script only toggles classes and
attributes; and a Content-Security-Policy that allows nothing but the hashes of our own style and script
keeps anything else from running even if escaping ever failed. The page makes no network request.

This module only arranges what the Report already says into rows and cells for the template: it looks
things up and counts them for display, and never compares text.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..model import Article, Event, FactGroup, Report, Token
from .labels import (
    ATTACHED_MARK,
    ATTACHED_MEANING,
    difference_text,
    fact_label,
    has_attached,
    member_lead,
    quote_form_label,
)
from .view import View, top_differences

# Cell statuses, in legend order: (css class, label, what it means).
LEGEND = (
    ("shared", "shared", "reported by this outlet and at least one other (a cell told differently is framed)"),
    ("added", "added", "only this outlet reports it"),
    ("omitted", "omitted", "most other outlets report it; this one does not"),
    ("framed", "framed", "reported, but told differently (see the labels and highlighted words)"),
)
QUOTE_FORMS = ("verbatim", "trimmed", "bracketed", "altered", "translated", "absent")
SAFE_URL = re.compile(r"https?://[^\s\"'<>\\\x00-\x1f\x7f]+\Z", re.IGNORECASE)
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")
UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Segment:
    text: str
    changed: bool = False
    kinds: tuple[str, ...] = ()  # the differences whose evidence words this changed run holds


@dataclass(frozen=True)
class MemberView:
    segments: tuple[Segment, ...]
    note: str  # where the sentence sits in its article
    lead: str = ""  # shown before the text (labels.member_lead: an ellipsis before a clause)


@dataclass(frozen=True)
class CellView:
    status: str  # shared | added | omitted | framed | reported | absent
    label: str
    outlet: str
    members: tuple[MemberView, ...] = ()
    lang: str | None = None


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class DifferenceView:
    kind: str
    detail: str
    outlets: tuple[str, ...]
    # number: the facts that show a thing's figures this detail names only ("death: as in F6"), as links
    shown_in: tuple[Link, ...] = ()


@dataclass(frozen=True)
class RowView:
    anchor: str
    fact_id: str
    relation: str
    relation_label: str
    kinds: tuple[str, ...]
    differences: tuple[DifferenceView, ...]
    background: tuple[Link, ...]
    cells: tuple[CellView, ...]
    is_diff: bool
    first: str | None = None  # "first: OUTLET, DATE" when the report knows who told the fact first


@dataclass(frozen=True)
class ColumnView:
    anchor: str
    outlet: str
    article: Article
    title: str
    meta: tuple[tuple[str, str], ...]
    url: str | None  # only http(s) urls become links
    url_text: str | None  # a url we refuse to link, shown as text
    lang: str | None


@dataclass(frozen=True)
class CountView:
    status: str
    label: str
    count: int
    links: tuple[Link, ...]


@dataclass(frozen=True)
class SummaryView:
    column: ColumnView
    anchor: str
    counts: tuple[CountView, ...]


@dataclass(frozen=True)
class QuoteFormView:
    form: str
    text: str
    outlet: str
    label: str = ""  # what the badge shows (labels.quote_form_label)


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str | None
    fact: Link | None
    forms: tuple[QuoteFormView, ...]


@dataclass(frozen=True)
class EventView:
    anchor: str
    id: str
    title: str
    dates: str
    columns: tuple[ColumnView, ...]
    rows: tuple[RowView, ...]
    summary: tuple[SummaryView, ...]
    quotes: tuple[QuoteView, ...]
    relation_counts: tuple[tuple[str, int], ...]
    has_diffs: bool
    compared: bool  # more than one article: there is something to compare
    # The summary that opens the event, as in the terminal: the differences that matter most first.
    top: tuple[TopView, ...] = ()
    why: str = ""
    copies: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopView:
    fact: Link
    kind: str
    detail: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class NoticeView:
    kind: str
    message: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class PageView:
    events: tuple[EventView, ...]
    notices: tuple[NoticeView, ...]
    kinds: tuple[str, ...]
    outlet_count: int
    article_count: int
    fact_count: int
    schema_version: int
    overview: tuple[tuple[EventView, SummaryView], ...] = field(default=())


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("srccompare", "render/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css, js = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    from .. import __version__

    env.filters["slug"] = lambda value: UNSAFE_ID.sub("-", str(value)).strip("-") or "x"
    return env.get_template("report.html.j2").render(
        page=build_page(report),
        legend=LEGEND,
        attached=(ATTACHED_MARK, ATTACHED_MEANING) if has_attached(report) else None,
        quote_forms=QUOTE_FORMS,
        css=css,
        js=js,
        csp=csp,
        version=__version__,
    )


@cache
def _asset(name: str) -> str:
    text = (
        resources.files("srccompare")
        .joinpath("render")
        .joinpath("templates")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    if "</" in text:
        raise AssertionError(f"{name} must not contain '</': it is inlined into the page")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


class _Anchors:
    """Fragment ids that are safe in a URL and unique in the page, whatever the ids in the report hold."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, *parts: str) -> str:
        base = UNSAFE_ID.sub("-", "-".join(parts)).strip("-") or "x"
        if not base[0].isalpha():
            base = "x-" + base
        anchor, n = base, 1
        while anchor in self.used:
            n += 1
            anchor = f"{base}-{n}"
        self.used.add(anchor)
        return anchor


def build_page(report: Report) -> PageView:
    anchors = _Anchors()
    by_id = {a.id: a for a in report.articles}
    labels = _outlet_labels(report.articles)
    order = {eid: i for i, eid in enumerate(report.story.events)}
    events = sorted(report.events, key=lambda e: order.get(e.id, len(order)))
    fact_anchors: dict[str, str] = {}
    event_anchors: dict[str, str] = {}
    for event in events:
        event_anchors[event.id] = anchors.make(event.id)
        for fact in event.facts:
            name = fact.id if fact.id.startswith(event.id) else f"{event.id}-{fact.id}"
            fact_anchors.setdefault(fact.id, anchors.make(name))
    fact_event = {f.id: e.id for e in events for f in e.facts}
    views = tuple(_event_view(e, by_id, labels, anchors, event_anchors[e.id], fact_anchors, fact_event) for e in events)
    kinds = sorted({k for v in views for r in v.rows for k in r.kinds})
    overview = tuple((v, s) for v in views for s in v.summary)
    notices = tuple(NoticeView(n.kind, n.message, tuple(labels.get(a, a) for a in n.articles)) for n in report.notices)
    return PageView(
        events=views,
        notices=notices,
        kinds=tuple(kinds),
        outlet_count=len({labels[a.id] for a in report.articles}),
        article_count=len(report.articles),
        fact_count=sum(len(e.facts) for e in events),
        schema_version=report.schema_version,
        overview=overview,
    )


def _outlet_labels(articles: tuple[Article, ...]) -> dict[str, str]:
    # The report set one label per article; a Report built by hand may lack them.
    return {a.id: a.label or a.outlet or a.publisher or _file_name(a.path or a.id) for a in articles}


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


def _event_view(
    event: Event,
    by_id: dict[str, Article],
    labels: dict[str, str],
    anchors: _Anchors,
    anchor: str,
    fact_anchors: dict[str, str],
    fact_event: dict[str, str],
) -> EventView:
    articles = [by_id[a] for a in event.articles if a in by_id]
    names = [labels[a.id] for a in articles]
    # Two articles of one outlet in an event need telling apart in their column headers.
    names = [f"{n} · {_file_name(a.path or a.id)}" if names.count(n) > 1 else n for n, a in zip(names, articles)]
    columns = tuple(
        _column(a, n, anchors.make(anchor, "article", str(i)), labels) for i, (a, n) in enumerate(zip(articles, names))
    )
    many = len(articles) > 1
    rows = tuple(_row(event, f, columns, labels, fact_anchors, fact_event, many) for f in event.facts)
    summary = tuple(
        _summary(event, c, fact_anchors, anchors.make(anchor, "outlet", str(i))) for i, c in enumerate(columns)
    )
    quotes = tuple(
        QuoteView(
            text=q.text,
            speaker=q.speaker,
            fact=Link("#" + fact_anchors[q.fact], q.fact) if q.fact in fact_anchors else None,
            forms=tuple(_quote_form(q.uses, c) for c in columns),
        )
        for q in event.quotes
    )
    relation_counts = tuple(
        (rel, n)
        for rel in ("equivalent", "divergent", "single")
        if (n := sum(1 for f in event.facts if f.relation == rel))
    )
    first, last = event.dates
    dates = first or "date unknown"
    if last and last != first:
        dates = f"{first or '?'} – {last}"
    top = tuple(
        TopView(
            Link("#" + fact_anchors[f.id], fact_label(f.id)),
            d.kind,
            difference_text(d),
            tuple(labels.get(a, a) for a in d.articles),
        )
        for f, d in top_differences(event, View())
        if f.id in fact_anchors
    )
    why = ""
    if event.why:
        parts = [
            f"{name}: {', '.join(values)}"
            for name, values in (("names", event.why.names), ("words", event.why.words), ("dates", event.why.dates))
            if values
        ]
        why = "; ".join(parts)
    copies = tuple(
        f"{labels.get(a.id, a.id)} copies {labels.get(c.article, c.article)} ({c.share:.0%} of its sentences): "
        "counted as one voice"
        for a in articles
        for c in a.copy_of
    )
    return EventView(
        top=top,
        why=why,
        copies=copies,
        anchor=anchor,
        id=event.id,
        title=event.title,
        dates=dates,
        columns=columns,
        rows=rows,
        summary=summary,
        quotes=quotes,
        relation_counts=relation_counts,
        has_diffs=any(r.is_diff for r in rows),
        compared=many,
    )


def _column(article: Article, outlet: str, anchor: str, labels: dict[str, str] | None = None) -> ColumnView:
    meta = [
        ("Outlet", article.outlet),
        ("Origin", article.origin),
        ("Publisher", article.publisher),
        ("Published", article.published),
        ("Byline", article.byline),
        ("Dateline", article.dateline),
        ("Language", article.language),
        ("File", article.path or article.id),
        (
            "Copy of",
            "; ".join(
                f"{(labels or {}).get(c.article, c.article)} ({c.share:.0%} of its sentences)" for c in article.copy_of
            ),
        ),
    ]
    url = article.url.strip() if article.url else None
    safe = url if url and SAFE_URL.match(url) else None
    return ColumnView(
        anchor=anchor,
        outlet=outlet,
        article=article,
        title=article.title or _file_name(article.path or article.id),
        meta=tuple((k, v) for k, v in meta if v),
        url=safe,
        url_text=url if url and not safe else None,
        lang=_lang(article),
    )


def _lang(article: Article) -> str | None:
    lang = article.language
    return lang if lang and LANGUAGE_TAG.match(lang) else None


def _row(
    event: Event,
    fact: FactGroup,
    columns: tuple[ColumnView, ...],
    labels: dict[str, str],
    fact_anchors: dict[str, str],
    fact_event: dict[str, str],
    many: bool,
) -> RowView:
    highlights = fact.highlights if len(fact.highlights) == len(fact.members) else ()
    cells = []
    for column in columns:
        aid = column.article.id
        evidence = [(d.kind, d.words.get(aid, ())) for d in fact.differences if d.words.get(aid)]
        members = tuple(
            MemberView(
                _label(_segments(m.text, highlights[i] if highlights else ()), evidence),
                _where(column.article, m.sentence),
                member_lead(m),
            )
            for i, m in enumerate(fact.members)
            if m.article == aid
        )
        status = _status(event, fact, aid, bool(members), many)
        cells.append(CellView(status, _STATUS_LABELS[status], column.outlet, members, column.lang))
    differences = tuple(
        DifferenceView(
            d.kind,
            difference_text(d),
            tuple(labels.get(a, a) for a in d.articles),
            tuple(
                Link("#" + fact_anchors[home], f"{thing}: {fact_label(home)}")
                for thing, home in sorted(d.elsewhere.items())
                if home in fact_anchors
            ),
        )
        for d in fact.differences
    )
    background = tuple(
        Link("#" + fact_anchors[b], f"{fact_event[b]} {b}" if not b.startswith(fact_event[b]) else b)
        for b in fact.background
        if b in fact_anchors
    )
    kinds = tuple(sorted({d.kind for d in fact.differences}))
    # Equivalent means the outlets that report it tell it the same way: its labels (a verbatim quote, a
    # name variant) are notes, not disagreements. Divergent rows differ, and so does any row that an
    # outlet omits (a single outlet's addition, or a fact two of three outlets tell alike).
    is_diff = many and (fact.relation != "equivalent" or any(c.status == "omitted" for c in cells))
    return RowView(
        anchor=fact_anchors[fact.id],
        fact_id=fact.id,
        relation=fact.relation,
        relation_label={"single": "one outlet"}.get(fact.relation, fact.relation),
        kinds=kinds,
        differences=differences,
        background=background,
        cells=tuple(cells),
        is_diff=is_diff,
        first=(
            f"first: {labels.get(fact.first_reported.article, fact.first_reported.article)}, "
            f"{fact.first_reported.published}"
            if fact.first_reported
            else None
        ),
    )


_STATUS_LABELS = {
    "shared": "shared",
    "added": "added",
    "omitted": "omitted",
    "framed": "framed",
    "reported": "reported",
    "absent": "not reported",
}


def _status(event: Event, fact: FactGroup, article: str, present: bool, many: bool) -> str:
    facts = event.outlets.get(article)
    if not present:
        return "omitted" if facts and fact.id in facts.omitted else "absent"
    if facts:
        for status in ("framed", "added", "shared"):
            if fact.id in getattr(facts, status):
                return status
    if not many:
        return "reported"
    return {"equivalent": "shared", "divergent": "framed"}.get(fact.relation, "added")


def _where(article: Article, index: int) -> str:
    if 0 <= index < len(article.sentences):
        return f"sentence {index + 1}, paragraph {article.sentences[index].paragraph + 1}"
    return f"sentence {index + 1}"


def _segments(text: str, tokens: tuple[Token, ...]) -> tuple[Segment, ...]:
    """Split the original sentence into runs, marking the aligner's changed tokens where they occur.

    Working on the original text keeps its spacing and punctuation exactly; a token that cannot be found
    in order is simply left unmarked.
    """
    if not any(t.changed for t in tokens):
        return (Segment(text),)
    runs: list[Segment] = []
    pos = 0
    for token in tokens:
        if not token.text:
            continue
        at = text.find(token.text, pos)
        if at < 0:
            continue
        if at > pos:
            runs.append(Segment(text[pos:at]))
        runs.append(Segment(token.text, token.changed))
        pos = at + len(token.text)
    if pos < len(text):
        runs.append(Segment(text[pos:]))
    return _merge(runs)


def _label(segments: tuple[Segment, ...], evidence: list[tuple[str, tuple[str, ...]]]) -> tuple[Segment, ...]:
    """Name, on each changed run, the differences that cite its words, so that a reader can hover to see why."""
    if not evidence:
        return segments
    out = []
    for seg in segments:
        text = seg.text.strip().lower()
        kinds = tuple(
            dict.fromkeys(
                kind
                for kind, words in evidence
                if seg.changed and text and any(text in w.lower() or w.lower() in text for w in words if w.strip())
            )
        )
        out.append(Segment(seg.text, seg.changed, kinds) if kinds else seg)
    return tuple(out)


def _merge(runs: list[Segment]) -> tuple[Segment, ...]:
    """Join neighbouring runs of the same kind, so that 'is unlikely to' is one mark, not three."""
    out: list[Segment] = []
    for i, run in enumerate(runs):
        changed = run.changed
        if not changed and not run.text.strip() and 0 < i < len(runs) - 1:
            changed = runs[i - 1].changed and runs[i + 1].changed
        if out and out[-1].changed == changed:
            out[-1] = Segment(out[-1].text + run.text, changed)
        else:
            out.append(Segment(run.text, changed))
    return tuple(out)


def _summary(event: Event, column: ColumnView, fact_anchors: dict[str, str], anchor: str) -> SummaryView:
    facts = event.outlets.get(column.article.id)
    counts = []
    for status, label, _meaning in LEGEND:
        ids = tuple(getattr(facts, status)) if facts else ()
        links = tuple(Link("#" + fact_anchors[f], f) for f in ids if f in fact_anchors)
        counts.append(CountView(status, label, len(ids), links))
    return SummaryView(column=column, anchor=anchor, counts=tuple(counts))


def _quote_form(uses, column: ColumnView) -> QuoteFormView:
    for use in uses:
        if use.article == column.article.id:
            return QuoteFormView(use.form, use.text, column.outlet, quote_form_label(use.form))
    return QuoteFormView("absent", "", column.outlet)
