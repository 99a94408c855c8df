"""The terminal report (rich): each event opens with a short summary, then the facts told
differently (most important first), what only one outlet has, and the quotes several outlets carry.

Facts fit any width: side by side when every outlet gets a readable column, otherwise stacked, one
labelled line per outlet. Words are wrapped, never cut. Changed words are coloured; without colour
(piped, NO_COLOR) each changed run is marked once, in the style of `git diff --word-diff`: the
reference outlet's own words as [-...-], every other outlet's as {+...+}.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..environment import Environment
from ..model import Event, FactGroup, Report
from . import view as v
from .labels import (
    ATTACHED_MARK,
    ATTACHED_MEANING,
    COVERAGE,
    OMITTED_BY_OTHERS,
    counted,
    difference_text,
    fact_label,
    member_lead,
    summary_line,
)
from .safe import escape_controls

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

# Side by side only when every outlet gets at least this many columns; narrower, lines are stacked.
MIN_COLUMN = 30
FACT_COLUMN = 12
_RELATION_STYLE = {"equivalent": "green", "divergent": "yellow", "single": "cyan"}
# git's colours: the reference's departing words red, each other outlet's green.
_OLD, _NEW = "bold red", "bold green"


def render_terminal(report: Report, env: Environment, to_stdout: bool = False, view: v.View | None = None) -> str:
    buf = None if to_stdout else io.StringIO()
    console = env.console(buf)
    _TerminalReport(report, console, color=env.want_color(), view=view or v.View()).render()
    return "" if buf is None else buf.getvalue()


def _plain(text: str, style: str = "") -> Text:
    """Article text and file names are data: never let rich read them as markup."""
    from rich.text import Text

    return Text(escape_controls(text), style=style)


class _TerminalReport:
    def __init__(self, report: Report, console: Console, color: bool, view: v.View) -> None:
        self.report = report
        self.console = console
        self.color = color
        self.view = view
        self.labels = v.labels(report)
        self.articles = {a.id: a for a in report.articles}
        self.focus = v.outlet_articles(report, view.outlet) if view.outlet else set()
        self.shown_attached = False  # whether a member with the attached mark was printed (then say what it means)

    def print(self, *items: RenderableType | str) -> None:
        self.console.print(*items)

    def render(self) -> None:
        from rich.rule import Rule

        r = self.report
        self.print(Rule(_plain(f"srccompare: {summary_line(r)}"), style="bold"))
        if self.view.outlet and not self.focus:
            self.print(_plain(f"No article of the outlet {self.view.outlet!r}: nothing to show.", "yellow"))
            return
        self.timeline()
        for notice in r.notices:
            self.print(_plain("note: ", "yellow") + _plain(notice.message))
        for event in v.events_of(r, self.focus):
            self.event(event)
        if self.shown_attached:
            self.print()
            self.print(_plain(f"{ATTACHED_MARK} {ATTACHED_MEANING}.", "dim"))
        if not self.view.full:
            self.print()
            self.print(_plain("Shortened: --full shows everything; --limit, --kind, --outlet focus.", "dim"))

    # --- story -------------------------------------------------------------------------------

    def timeline(self) -> None:
        from rich.table import Table

        self.print(_plain("Story timeline", "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for e in v.events_of(self.report, self.focus):
            first, last = e.dates
            when = first or "undated"
            if last and last != first:
                when = f"{first} – {last}"
            what = _plain(e.title) + _plain(" · " + ", ".join(self.labels[a] for a in e.articles), "dim")
            grid.add_row(_plain(when), _plain(e.id), what)
        self.print(grid)

    # --- one event ---------------------------------------------------------------------------

    def event(self, event: Event) -> None:
        from rich.rule import Rule

        self.print()
        self.print(Rule(style="dim"))
        self.print(_plain(f"{event.id}: {event.title}", "bold"))
        self.summary(event)
        if len(event.articles) < 2:
            if self.view.full:
                self.single_outlet(event)
            return
        if self.focus:
            self.focused(event)
        else:
            self.differences(event)
            self.alike(event)
            for article_id in event.articles:
                self.only_in(event, article_id)
        self.background(event)
        self.quotes(event)

    def summary(self, event: Event) -> None:
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        outlets = ", ".join(f"{self.labels[a]} ({v.dated(self.articles[a])})" for a in event.articles)
        grid.add_row("Outlets", _plain(outlets))
        if len(event.articles) < 2:
            only = self.labels[event.articles[0]]
            n = len(event.facts)
            grid.add_row("Facts", _plain(f"{counted(n, 'fact')}, all from {only}: nothing to compare"))
            self.print(grid)
            self.background(event)
            return
        shared = [f for f in event.facts if len(f.articles) > 1]
        divergent = [f for f in shared if f.relation == "divergent"]
        single = len(event.facts) - len(shared)
        grid.add_row(
            "Facts",
            _plain(
                f"{len(event.facts)}: {len(shared)} told by two or more outlets, {len(divergent)} of them "
                f"differently; {single} told by one outlet only"
            ),
        )
        if event.why and (event.why.names or event.why.dates or event.why.words):
            parts = []
            if event.why.names:
                parts.append("names " + ", ".join(event.why.names))
            if event.why.words:
                parts.append("words " + ", ".join(event.why.words))
            if event.why.dates:
                parts.append("dates " + ", ".join(event.why.dates))
            grid.add_row("Grouped on", _plain("; ".join(parts)))
        copies = [
            f"{self.labels[a]} copies {self.labels.get(c.article, c.article)} ({c.share:.0%} of its sentences): "
            "counted as one voice"
            for a in event.articles
            for c in self.articles[a].copy_of
        ]
        if copies:
            grid.add_row("Copies", _plain("; ".join(copies)))
        for n, (fact, diff) in enumerate(v.top_differences(event, self.view)):
            head = "Differences" if n == 0 else ""
            line = _plain(f"{fact.id.split('.')[-1]} {diff.kind}: ", "yellow") + _plain(difference_text(diff))
            grid.add_row(head, line)
        self.print(grid)
        self.coverage(event)

    def coverage(self, event: Event) -> None:
        from rich.table import Table

        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="dim")
        table.add_column("outlet", overflow="fold")
        for kind in COVERAGE:
            table.add_column(kind, justify="right", no_wrap=True)
        for article_id in event.articles:
            facts = event.outlets.get(article_id)
            counts = [len(getattr(facts, kind)) if facts else 0 for kind in COVERAGE]
            style = "bold" if article_id in self.focus else ""
            table.add_row(_plain(self.labels[article_id], style), *map(str, counts))
        self.print(table)

    def differences(self, event: Event) -> None:
        facts, more = v.told_differently(event, self.view)
        if not facts:
            return
        self.print()
        head = "Told differently, most important first"
        if more:
            head += f" ({len(facts)} of {len(facts) + more}; --full for all)"
        self.print(_plain(head, "bold"))
        for fact in facts:
            self.fact(event, fact)

    def alike(self, event: Event) -> None:
        facts = v.told_alike(event, self.view)
        if not facts:
            return
        self.print()
        self.print(_plain("Told alike", "bold"))
        for fact in facts:
            self.fact(event, fact)

    def focused(self, event: Event) -> None:
        """--outlet: what this outlet added, omitted and framed against the rest."""
        for article_id in [a for a in event.articles if a in self.focus]:
            name = self.labels[article_id]
            framed, more = v.told_differently(event, self.view, focus={article_id})
            if framed:
                self.print()
                self.print(_plain(f"Told differently by {name}", "bold"))
                for fact in framed:
                    self.fact(event, fact)
                if more:
                    self.print(_plain(f"  … {more} more (--full)", "dim"))
            self.only_in(event, article_id)
            omitted = v.omitted_by(event, article_id) if not self.view.kinds else []
            if omitted:
                self.print()
                self.print(_plain(f"Omitted by {name} ({len(omitted)}), {OMITTED_BY_OTHERS}", "bold"))
                for fact in omitted:
                    self.fact(event, fact)

    def fact(self, event: Event, fact: FactGroup) -> None:
        from rich.table import Table

        self.print()
        head = _plain(fact_label(fact.id), "bold") + _plain(f" {fact.relation}", _RELATION_STYLE[fact.relation])
        kinds = list(dict.fromkeys(d.kind for d in fact.differences))
        if kinds:
            head += _plain(" · " + ", ".join(kinds), "dim")
        if fact.first_reported:
            first = self.labels.get(fact.first_reported.article, fact.first_reported.article)
            head += _plain(f" · first: {first}, {fact.first_reported.published}", "dim")
        self.print(head)
        carried = [a for a in event.articles if a in set(fact.articles)]
        missing = [a for a in event.articles if a not in set(fact.articles)]
        width = self.console.width
        if len(event.articles) > 1 and width >= FACT_COLUMN + len(event.articles) * MIN_COLUMN:
            from rich import box

            table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", expand=True, padding=(0, 1))
            for article_id in event.articles:
                table.add_column(_plain(self.labels[article_id]), ratio=1, overflow="fold")
            table.add_row(*(self.cell(event, fact, a) for a in event.articles))
            self.print(table)
            return
        grid = Table.grid(padding=(0, 1))
        label_width = min(max(len(self.labels[a]) for a in carried), max(8, width // 4))
        grid.add_column(width=label_width, overflow="fold", style="bold")
        grid.add_column(overflow="fold")
        for article_id in carried:
            grid.add_row(_plain(self.labels[article_id]), self.cell(event, fact, article_id))
        if missing:
            grid.add_row(_plain("not in", "dim"), _plain(", ".join(self.labels[a] for a in missing), "dim"))
        self.print(grid)

    def cell(self, event: Event, fact: FactGroup, article_id: str) -> Text:
        from rich.text import Text

        pieces = [(i, m) for i, m in enumerate(fact.members) if m.article == article_id]
        if not pieces:
            return Text("— not reported —", style="dim italic")
        old = v.reference(fact, event.articles) == article_id
        style = _OLD if old else _NEW
        opening, closing = ("[-", "-]") if old else ("{+", "+}")
        text = Text()
        for n, (i, member) in enumerate(pieces):
            if n:
                text.append(" ")
            text.append(member_lead(member))
            self.shown_attached = self.shown_attached or member.attached
            tokens = fact.highlights[i] if i < len(fact.highlights) else ()
            if not tokens or fact.relation != "divergent":
                text.append(escape_controls(member.text))
                continue
            k = 0
            while k < len(tokens):
                if k:
                    text.append(" ")
                if not tokens[k].changed:
                    text.append(escape_controls(tokens[k].text))
                    k += 1
                    continue
                end = k
                while end < len(tokens) and tokens[end].changed:
                    end += 1
                run = escape_controls(" ".join(t.text for t in tokens[k:end]))
                text.append(run if self.color else f"{opening}{run}{closing}", style=style)
                k = end
        return text

    def single_outlet(self, event: Event) -> None:
        from rich.table import Table

        self.print()
        self.print(_plain(f"Facts told by {self.labels[event.articles[0]]}", "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        for fact in event.facts:
            grid.add_row(_plain(fact_label(fact.id)), _plain(v.fact_text(fact)))
        self.print(grid)

    def only_in(self, event: Event, article_id: str) -> None:
        from rich.table import Table

        facts, more = v.only_in(event, article_id, self.view)
        if not facts:
            return
        total = len(facts) + more
        self.print()
        self.print(_plain(f"Only in {self.labels[article_id]} ({total})", "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        for fact in facts:
            grid.add_row(_plain(fact_label(fact.id)), _plain(v.fact_text(fact)))
        if more:
            grid.add_row("", _plain(f"… {more} more (--full)", "dim"))
        self.print(grid)

    def background(self, event: Event) -> None:
        if not self.view.full:
            linked = sum(1 for f in event.facts if f.background)
            if linked:
                self.print(_plain(f"{counted(linked, 'fact')} also told in other events (--full).", "dim"))
            return
        for fact in (f for f in event.facts if f.background):
            self.print(
                _plain("background ", "dim")
                + _plain(f"{fact.id} is also told in {', '.join(fact.background)}: {fact.members[0].text}")
            )

    def quotes(self, event: Event) -> None:
        from rich.table import Table

        shown, hidden = v.quotes(event, self.view)
        if not shown and not hidden:
            return
        self.print()
        if not shown:
            self.print(_plain(f"{counted(hidden, 'quote')}, each carried by one outlet only (--full).", "dim"))
            return
        head = "Quotes carried by two or more outlets" if not self.view.full else "Quotes"
        if hidden:
            head += f" ({hidden} more carried by one outlet: --full)"
        self.print(_plain(head, "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(overflow="fold")
        for quote in shown:
            grid.add_row(_plain(f"“{quote.text}”") + _plain(f" — {quote.speaker or 'speaker not named'}", "dim"))
            forms = v.quote_forms(event, quote, self.labels)
            grid.add_row(_plain("   " + " · ".join(f"{form}: {', '.join(names)}" for form, names in forms), "dim"))
        self.print(grid)
