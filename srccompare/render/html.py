"""HTML export. (Placeholder: replaced by the side-by-side report.)"""

from __future__ import annotations

from ..model import Report


def render_html(report: Report) -> str:
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    tpl = env.from_string("<!doctype html><title>srccompare</title>{% for e in events %}<h2>{{ e.title }}</h2>{% endfor %}")
    return tpl.render(events=report.events)
