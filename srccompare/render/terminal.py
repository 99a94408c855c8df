"""The terminal report (rich): story timeline, per-event summary, facts side by side, quotes.

Without colour, changed words are marked *like this* so that the highlights survive in plain text.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..environment import Environment
from ..model import Event, FactGroup, Report
from .labels import COVERAGE, article_labels, clip, fact_kinds, summary_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_RELATION_STYLE = {"equivalent": "green", "divergent": "yellow", "single": "cyan"}
_QUOTE_LIMIT = 90


def render_terminal(report: Report, env: Environment, to_stdout: bool = False) -> str:
    buf = None if to_stdout else io.StringIO()
    console = env.console(buf)
    _TerminalReport(report, console, color=env.want_color()).render()
    return "" if buf is None else buf.getvalue()


def _plain(text: str) -> Text:
    """Article text and file names are data: never let rich read them as markup."""
    from rich.text import Text

    return Text(text)


class _TerminalReport:
    def __init__(self, report: Report, console: Console, color: bool) -> None:
        self.report = report
        self.console = console
        self.color = color
        self.labels = article_labels(report)
        self.copies = {a.id: a.copy_of for a in report.articles if a.copy_of}

    def render(self) -> None:
        from rich.rule import Rule

        r = self.report
        self.console.print(Rule(f"srccompare: {summary_line(r)}", style="bold"))
        self.timeline()
        for notice in r.notices:
            self.console.print(f"[yellow]note[/]: {self._esc(notice.message)}")
        for event in r.events:
            self.event(event)

    def _esc(self, text: str) -> str:
        from rich.markup import escape

        return escape(text)

    def timeline(self) -> None:
        from rich.table import Table

        table = Table(title="Story timeline", title_justify="left", expand=False, show_lines=False)
        table.add_column("date", no_wrap=True)
        table.add_column("event", no_wrap=True)
        table.add_column("what")
        table.add_column("outlets")
        events = {e.id: e for e in self.report.events}
        for event_id in self.report.story.events:
            e = events[event_id]
            first, last = e.dates
            when = first or "undated"
            if last and last != first:
                when = f"{first} – {last}"
            table.add_row(
                _plain(when), _plain(e.id), _plain(e.title), _plain(", ".join(self.labels[a] for a in e.articles))
            )
        self.console.print(table)

    def event(self, event: Event) -> None:
        from rich.rule import Rule

        self.console.print()
        self.console.print(Rule(_plain(f"{event.id}: {event.title}"), style="bold", align="left"))
        if len(event.articles) < 2:
            only = self.labels[event.articles[0]]
            n = len(event.facts)
            self.console.print(
                f"Only {self._esc(only)} reported this event: {n} fact{'s' * (n != 1)}, nothing to compare."
            )
            self.background(event)
            return
        self.summary(event)
        self.side_by_side(event)
        self.only_in(event)
        self.background(event)
        self.quotes(event)

    def summary(self, event: Event) -> None:
        from rich.table import Table

        table = Table(title="Coverage", title_justify="left")
        table.add_column("outlet")
        for kind in COVERAGE:
            table.add_column(kind, justify="right")
        for article_id in event.articles:
            facts = event.outlets.get(article_id)
            counts = [len(getattr(facts, kind)) if facts else 0 for kind in COVERAGE]
            table.add_row(_plain(self.labels[article_id]), *map(str, counts))
        self.console.print(table)
        for article_id in event.articles:
            for c in self.copies.get(article_id, ()):
                self.console.print(
                    _plain(
                        f"{self.labels[article_id]} copies {self.labels.get(c.article, c.article)} "
                        f"({c.share:.0%} of its sentences): counted as one voice"
                    )
                )

    def side_by_side(self, event: Event) -> None:
        from rich.table import Table

        shared = [f for f in event.facts if len(f.articles) > 1]
        if not shared:
            self.console.print("No fact is reported by more than one outlet.")
            return
        table = Table(title="Shared facts, side by side", title_justify="left", show_lines=True)
        table.add_column("fact", no_wrap=True)
        for article_id in event.articles:
            table.add_column(_plain(self.labels[article_id]), ratio=1)
        for fact in shared:
            label = f"[{_RELATION_STYLE[fact.relation]}]{fact.id.split('.')[-1]}\n{fact.relation}[/]"
            kinds = fact_kinds(fact)
            if kinds:
                label += "\n" + "\n".join(kinds)
            table.add_row(label, *(self.cell(fact, a) for a in event.articles))
        self.console.print(table)

    def cell(self, fact: FactGroup, article_id: str) -> Text | str:
        from rich.text import Text

        pieces = [(i, m) for i, m in enumerate(fact.members) if m.article == article_id]
        if not pieces:
            return Text("— not reported —", style="dim italic")
        text = Text()
        for n, (i, member) in enumerate(pieces):
            if n:
                text.append(" ")
            tokens = fact.highlights[i] if i < len(fact.highlights) else ()
            if not tokens or fact.relation == "equivalent":
                text.append(member.text)
                continue
            for k, token in enumerate(tokens):
                if k:
                    text.append(" ")
                if token.changed:
                    text.append(token.text if self.color else f"*{token.text}*", style="bold magenta")
                else:
                    text.append(token.text)
        return text

    def only_in(self, event: Event) -> None:
        from rich.table import Table

        facts = {f.id: f for f in event.facts}
        for article_id in event.articles:
            coverage = event.outlets.get(article_id)
            added = [facts[i] for i in coverage.added] if coverage else []
            if not added:
                continue
            self.console.print(f"\n[bold]Only in {self._esc(self.labels[article_id])}[/] ({len(added)}):")
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="cyan", no_wrap=True)
            grid.add_column()
            for fact in added:
                grid.add_row(_plain(f"  {fact.id.split('.')[-1]}"), _plain(" ".join(m.text for m in fact.members)))
            self.console.print(grid)

    def background(self, event: Event) -> None:
        linked = [f for f in event.facts if f.background]
        for fact in linked:
            self.console.print(
                f"[dim]background[/] {fact.id} is also told in {', '.join(fact.background)}: "
                f"{self._esc(clip(fact.members[0].text, 100))}"
            )

    def quotes(self, event: Event) -> None:
        from rich.table import Table

        if not event.quotes:
            return
        self.console.print()
        table = Table(title="Quotes", title_justify="left")
        table.add_column("quote", ratio=3)
        table.add_column("speaker")
        for article_id in event.articles:
            table.add_column(_plain(self.labels[article_id]))
        for quote in event.quotes:
            forms = {u.article: u.form for u in quote.uses}
            table.add_row(
                _plain(clip(quote.text, _QUOTE_LIMIT)),
                _plain(quote.speaker or "?"),
                *(forms.get(a, "absent") for a in event.articles),
            )
        self.console.print(table)
