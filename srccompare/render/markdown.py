"""Markdown report. (Placeholder: replaced by the full report.)"""

from __future__ import annotations

from ..model import Report


def render_markdown(report: Report) -> str:
    return "".join(f"## {e.id} {e.title}\n" for e in report.events)
