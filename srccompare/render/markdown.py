"""The Markdown report: the terminal report's content as text a wiki, an issue or a PR renders.

The same view as the terminal (render/view.py): each event opens with its summary, then the facts
told differently, most important first, one bullet per outlet so that ten outlets stay readable.
The reference outlet's departing words are ~~struck~~, every other outlet's are **bold**.
"""

from __future__ import annotations

from ..model import Event, FactGroup, Report
from . import view as v
from .labels import (
    ATTACHED_MARK,
    ATTACHED_MEANING,
    COVERAGE,
    OMITTED_BY_OTHERS,
    clip,
    counted,
    difference_text,
    has_attached,
    member_lead,
    summary_line,
)
from .safe import escape_controls


def render_markdown(report: Report, view: v.View | None = None) -> str:
    view = view or v.View()
    labels = v.labels(report)
    focus = v.outlet_articles(report, view.outlet) if view.outlet else set()
    out = [f"# srccompare report\n\n{summary_line(report)}.\n"]
    events = v.events_of(report, focus)
    out.append("## Story timeline\n\n| date | event | what | outlets |\n|---|---|---|---|")
    for e in events:
        when = e.dates[0] or "undated"
        if e.dates[1] and e.dates[1] != e.dates[0]:
            when += f" – {e.dates[1]}"
        out.append(
            f"| {when} | [{e.id}](#{e.id.lower()}) | {_inline(e.title)} | "
            f"{_inline(', '.join(labels[a] for a in e.articles))} |"
        )
    out.append("")
    if report.notices:
        out.append("## Notices\n")
        out += [f"- **{n.kind}**: {_inline(n.message)}" for n in report.notices]
        out.append("")
    for event in events:
        out += _event(report, event, labels, view, focus)
    if has_attached(report):
        out.append(f"*{ATTACHED_MARK} {ATTACHED_MEANING}.*\n")
    if not view.full:
        out.append("*Shortened: `--full` shows every fact and quote; `--limit N`, `--kind` and `--outlet` focus.*\n")
    return escape_controls("\n".join(out).rstrip(), lines=True) + "\n"


def _event(report: Report, event: Event, labels: dict[str, str], view: v.View, focus: set[str]) -> list[str]:
    articles = {a.id: a for a in report.articles}
    out = [f'<a id="{event.id.lower()}"></a>\n\n## {event.id}: {_inline(event.title)}\n']
    outlets = ", ".join(f"{_inline(labels[a])} ({v.dated(articles[a])})" for a in event.articles)
    out.append(f"- **Outlets**: {outlets}")
    if len(event.articles) < 2:
        out.append(f"- **Facts**: {counted(len(event.facts), 'fact')}, all from one outlet: nothing to compare\n")
        if view.full:
            out += [f"- {f.id.split('.')[-1]}: {_inline(v.fact_text(f))}" for f in event.facts]
            out.append("")
        return out + _background(event, view)
    shared = [f for f in event.facts if len(f.articles) > 1]
    divergent = [f for f in shared if f.relation == "divergent"]
    out.append(
        f"- **Facts**: {len(event.facts)}: {len(shared)} told by two or more outlets, {len(divergent)} of them "
        f"differently; {len(event.facts) - len(shared)} told by one outlet only"
    )
    if event.why and (event.why.names or event.why.words or event.why.dates):
        parts = [
            f"{name} {', '.join(_inline(x) for x in values)}"
            for name, values in (("names", event.why.names), ("words", event.why.words), ("dates", event.why.dates))
            if values
        ]
        out.append(f"- **Grouped on**: {'; '.join(parts)}")
    for a in event.articles:
        for c in articles[a].copy_of:
            out.append(
                f"- **Copy**: {_inline(labels[a])} copies {_inline(labels.get(c.article, c.article))} "
                f"({c.share:.0%} of its sentences): counted as one voice"
            )
    for fact, diff in v.top_differences(event, view):
        out.append(f"- **{fact.id.split('.')[-1]} {diff.kind}**: {_inline(difference_text(diff))}")
    out.append("")
    out.append("| outlet | " + " | ".join(COVERAGE) + " |\n|---|" + "---:|" * len(COVERAGE))
    for a in event.articles:
        facts = event.outlets.get(a)
        out.append(
            f"| {_inline(labels[a])} | "
            + " | ".join(str(len(getattr(facts, k)) if facts else 0) for k in COVERAGE)
            + " |"
        )
    out.append("")
    if focus:
        for a in [a for a in event.articles if a in focus]:
            framed, _ = v.told_differently(event, view, focus={a})
            out += _facts(f"Told differently by {_inline(labels[a])}", framed, 0, event, labels)
            out += _only_in(event, a, labels, view)
            omitted = v.omitted_by(event, a) if not view.kinds else []
            out += _facts(f"Omitted by {_inline(labels[a])}, {OMITTED_BY_OTHERS}", omitted, 0, event, labels)
    else:
        differing, more = v.told_differently(event, view)
        out += _facts("Told differently, most important first", differing, more, event, labels)
        out += _facts("Told alike", v.told_alike(event, view), 0, event, labels)
        for a in event.articles:
            out += _only_in(event, a, labels, view)
    out += _background(event, view)
    out += _quotes(event, labels, view)
    return out


def _facts(title: str, facts: list[FactGroup], more: int, event: Event, labels: dict[str, str]) -> list[str]:
    if not facts:
        return []
    head = title + (f" ({len(facts)} of {len(facts) + more}; `--full` for all)" if more else "")
    out = [f"### {head}\n"]
    for fact in facts:
        kinds = ", ".join(dict.fromkeys(d.kind for d in fact.differences))
        line = f"**{fact.id.split('.')[-1]}** {fact.relation}" + (f" · {kinds}" if kinds else "")
        if fact.first_reported:
            line += f" · first: {_inline(labels.get(fact.first_reported.article, fact.first_reported.article))}"
        out.append(line + "\n")
        carried = set(fact.articles)
        for a in event.articles:
            if a in carried:
                out.append(f"- **{_inline(labels[a])}**: {_member(fact, a, v.reference(fact, event.articles) == a)}")
        missing = [labels[a] for a in event.articles if a not in carried]
        if missing:
            out.append(f"- *not in*: {_inline(', '.join(missing))}")
        out.append("")
    return out


def _only_in(event: Event, article_id: str, labels: dict[str, str], view: v.View) -> list[str]:
    facts, more = v.only_in(event, article_id, view)
    if not facts:
        return []
    out = [f"### Only in {_inline(labels[article_id])} ({len(facts) + more})\n"]
    out += [f"- {f.id.split('.')[-1]}: {_inline(v.fact_text(f))}" for f in facts]
    if more:
        out.append(f"- … {more} more (`--full`)")
    out.append("")
    return out


def _background(event: Event, view: v.View) -> list[str]:
    linked = [f for f in event.facts if f.background]
    if not linked:
        return []
    if not view.full:
        return [f"*{counted(len(linked), 'fact')} also told in other events (`--full`).*\n"]
    lines = [
        f"- {f.id} is also told in {', '.join(f.background)}: {_inline(clip(f.members[0].text, 120))}" for f in linked
    ]
    return ["### Background shared with other events\n", *lines, ""]


def _quotes(event: Event, labels: dict[str, str], view: v.View) -> list[str]:
    shown, hidden = v.quotes(event, view)
    if not shown:
        return [f"*{counted(hidden, 'quote')} carried by one outlet only (`--full`).*\n"] if hidden else []
    out = ["### Quotes carried by two or more outlets\n" if not view.full else "### Quotes\n"]
    for q in shown:
        uses = "; ".join(f"{form}: {_inline(', '.join(names))}" for form, names in v.quote_forms(event, q, labels))
        out.append(f"- “{_inline(q.text)}” — {_inline(q.speaker or 'speaker not named')} ({uses})")
    if hidden:
        out.append(f"- … {hidden} more carried by one outlet (`--full`)")
    out.append("")
    return out


def _member(fact: FactGroup, article_id: str, reference: bool) -> str:
    mark = "~~" if reference else "**"
    parts = []
    for i, m in enumerate(fact.members):
        if m.article != article_id:
            continue
        tokens = fact.highlights[i] if i < len(fact.highlights) and fact.relation == "divergent" else ()
        lead = member_lead(m)
        if not tokens:
            parts.append(lead + _inline(m.text))
            continue
        words: list[str] = []
        k = 0
        while k < len(tokens):
            end = k
            while end < len(tokens) and tokens[end].changed == tokens[k].changed:
                end += 1
            run = _inline(" ".join(t.text for t in tokens[k:end]))
            words.append(f"{mark}{run}{mark}" if tokens[k].changed else run)
            k = end
        parts.append(lead + " ".join(words))
    return " ".join(parts)


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})


def _inline(text: str) -> str:
    """Article text is data: escape what Markdown (and the HTML it may contain) would interpret."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIALS)
