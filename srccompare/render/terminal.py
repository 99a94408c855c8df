"""Terminal report with rich. (Placeholder: replaced by the full report.)"""

from __future__ import annotations

import io

from ..environment import Environment
from ..model import Report


def render_terminal(report: Report, env: Environment, to_stdout: bool = False) -> str:
    buf = None if to_stdout else io.StringIO()
    console = env.console(buf)
    for event in report.events:
        console.print(f"{event.id} {event.title}")
    return "" if buf is None else buf.getvalue()
