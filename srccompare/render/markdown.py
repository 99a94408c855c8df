"""The Markdown report: the terminal report's content as text a wiki, an issue or a PR renders."""

from __future__ import annotations

from ..model import Event, FactGroup, Report
from .labels import COVERAGE, article_labels, clip, fact_kinds, summary_line
from .safe import escape_controls


def render_markdown(report: Report) -> str:
    labels = article_labels(report)
    out = [f"# srccompare report\n\n{summary_line(report)}.\n"]
    out.append("## Story timeline\n\n| date | event | what | outlets |\n|---|---|---|---|")
    events = {e.id: e for e in report.events}
    for event_id in report.story.events:
        e = events[event_id]
        when = e.dates[0] or "undated"
        if e.dates[1] and e.dates[1] != e.dates[0]:
            when += f" – {e.dates[1]}"
        out.append(
            f"| {when} | [{e.id}](#{e.id.lower()}) | {_cell(e.title)} | "
            f"{_cell(', '.join(labels[a] for a in e.articles))} |"
        )
    out.append("")
    if report.notices:
        out.append("## Notices\n")
        out += [f"- **{n.kind}**: {_inline(n.message)}" for n in report.notices]
        out.append("")
    for event in report.events:
        out += _event(event, labels)
    return escape_controls("\n".join(out).rstrip(), lines=True) + "\n"


def _event(event: Event, labels: dict[str, str]) -> list[str]:
    out = [f'<a id="{event.id.lower()}"></a>\n\n## {event.id}: {_inline(event.title)}\n']
    if len(event.articles) < 2:
        out.append(f"Only {labels[event.articles[0]]} reported this event ({len(event.facts)} facts).\n")
        return out + _background(event)
    out.append("| outlet | " + " | ".join(COVERAGE) + " |\n|---|" + "---:|" * len(COVERAGE))
    for a in event.articles:
        facts = event.outlets.get(a)
        out.append(
            f"| {_cell(labels[a])} | "
            + " | ".join(str(len(getattr(facts, k)) if facts else 0) for k in COVERAGE)
            + " |"
        )
    out.append("")
    shared = [f for f in event.facts if len(f.articles) > 1]
    if shared:
        out.append("### Shared facts\n")
        out.append("| fact | " + " | ".join(_cell(labels[a]) for a in event.articles) + " |")
        out.append("|---|" + "---|" * len(event.articles))
        for fact in shared:
            head = f"{fact.id.split('.')[-1]} {fact.relation}"
            kinds = fact_kinds(fact)
            if kinds:
                head += " (" + ", ".join(kinds) + ")"
            out.append(f"| {head} | " + " | ".join(_member(fact, a) for a in event.articles) + " |")
        out.append("")
        details = [(f, d) for f in shared for d in f.differences]
        if details:
            out.append("### Differences\n")
            out += [f"- {f.id.split('.')[-1]} **{d.kind}**: {_inline(d.detail)}" for f, d in details]
            out.append("")
    facts = {f.id: f for f in event.facts}
    for a in event.articles:
        coverage = event.outlets.get(a)
        if coverage and coverage.added:
            out.append(f"### Only in {_inline(labels[a])}\n")
            out += [
                f"- {i.split('.')[-1]}: {_inline(' '.join(m.text for m in facts[i].members))}" for i in coverage.added
            ]
            out.append("")
    out += _background(event)
    if event.quotes:
        out.append("### Quotes\n\n| quote | speaker | " + " | ".join(_cell(labels[a]) for a in event.articles) + " |")
        out.append("|---|---|" + "---|" * len(event.articles))
        for q in event.quotes:
            forms = {u.article: u.form for u in q.uses}
            out.append(
                f"| {_cell(clip(q.text, 120))} | {_cell(q.speaker or '?')} | "
                + " | ".join(forms.get(a, "absent") for a in event.articles)
                + " |"
            )
        out.append("")
    return out


def _background(event: Event) -> list[str]:
    lines = [
        f"- {f.id} is also told in {', '.join(f.background)}: {_inline(clip(f.members[0].text, 120))}"
        for f in event.facts
        if f.background
    ]
    return (["### Background shared with other events\n", *lines, ""]) if lines else []


def _member(fact: FactGroup, article_id: str) -> str:
    parts = []
    for i, m in enumerate(fact.members):
        if m.article != article_id:
            continue
        tokens = fact.highlights[i] if i < len(fact.highlights) and fact.relation == "divergent" else ()
        if tokens:
            parts.append(" ".join(f"**{_cell(t.text)}**" if t.changed else _cell(t.text) for t in tokens))
        else:
            parts.append(_cell(m.text))
    return " ".join(parts) if parts else "*not reported*"


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _inline(text: str) -> str:
    """Article text is data: escape what Markdown (and the HTML it may contain) would interpret."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIALS)


def _cell(text: str) -> str:
    return _inline(text)
