"""Dates: how many articles get a published date, and whether the dates found are right.

- ECB+ dev articles (`ecbplus/`): the share with a published date; for those whose gold URL holds a
  year, the share whose date has that year (the text the tool reads holds no URL); the share with an
  event date, and how often two articles of one gold event get the same event date (a day's slack).
- BASIL dev articles, fed as neutral files (title, date line, paragraphs; no URL): the published date
  against the JSON's date.
- The seeds against the gold file, with and without the manifest: published date and origin.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import time
from itertools import combinations
from pathlib import Path

from .basil import articles as basil_articles
from .basil import neutral_text
from .common import Skip, need

COMMAND = "python -m bench ../shared/bench --only dates"
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:[/_-]|\d{4})")


def _pct(a: int, b: int) -> str:
    return f"{a} of {b} ({a / b:.1%})" if b else "0 of 0"


def _ecbplus(data: Path) -> list[tuple[str, str]]:
    import srccompare

    root = need(data / "ecbplus")
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))["files"]
    start = time.perf_counter()
    loaded = srccompare.load([str(root / "articles" / n) for n in sorted(gold)], problems=[])
    seconds = time.perf_counter() - start
    arts = {a.path.split("/")[-1]: a for a in loaded}
    dated = [n for n in arts if arts[n].published]
    with_year = [(n, m.group(1)) for n in dated if (m := _URL_YEAR.search(gold[n].get("url") or ""))]
    agree = sum(1 for n, year in with_year if (arts[n].published or "").startswith(year))
    events = [n for n in arts if arts[n].event_date]
    by_event: dict[str, list[dt.date]] = {}
    for n in events:
        by_event.setdefault(gold[n]["event"], []).append(dt.date.fromisoformat(arts[n].event_date or ""))
    pairs = [abs((a - b).days) for days in by_event.values() for a, b in combinations(days, 2)]
    by_event_published: dict[str, list[dt.date]] = {}
    for n in dated:
        by_event_published.setdefault(gold[n]["event"], []).append(dt.date.fromisoformat(arts[n].published or ""))
    published_pairs = [abs((a - b).days) for days in by_event_published.values() for a, b in combinations(days, 2)]
    return [
        ("ECB+ dev: articles with a published date", _pct(len(dated), len(arts))),
        ("ECB+ dev: of those with a year in the gold URL, same year", _pct(agree, len(with_year))),
        ("ECB+ dev: articles with an event date", _pct(len(events), len(arts))),
        (
            "ECB+ dev: pairs of one gold event with the same event date (±1 day)",
            _pct(sum(d <= 1 for d in pairs), len(pairs)),
        ),
        (
            "ECB+ dev: the same for published dates (±1 day), for comparison",
            _pct(sum(d <= 1 for d in published_pairs), len(published_pairs)),
        ),
        ("ECB+ dev: load + clean time", f"{seconds:.1f} s for {len(arts)} articles"),
    ]


def _basil(data: Path) -> list[tuple[str, str]]:
    import srccompare

    arts = basil_articles(data)
    with tempfile.TemporaryDirectory() as tmp:
        paths, truth = [], {}
        for i, article in enumerate(arts[stem] for stem in sorted(arts)):
            path = Path(tmp) / f"{i:04d}.txt"
            path.write_text(neutral_text(article), encoding="utf-8")
            paths.append(str(path))
            truth[path.name] = article["date"][:10]
        loaded = srccompare.load(paths, problems=[])
    right = sum(1 for a in loaded if a.published == truth[a.path.split("/")[-1]])
    return [("BASIL dev (neutral files): published date = the JSON's date", _pct(right, len(truth)))]


def _seeds(data: Path) -> list[tuple[str, str]]:
    import srccompare
    from srccompare.options import Options

    gold_path = data.parent / "gold" / "seeds.json"
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    if not gold_path.is_file():
        return []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    rows = []
    for label, options in (("with", Options()), ("without", Options(use_manifest=False))):
        loaded = {a.path.split("/")[-1]: a for a in srccompare.load([str(corpus)], options)}
        published = sum(1 for n, a in loaded.items() if a.published == gold[n]["published"])
        origin = sum(1 for n, a in loaded.items() if a.origin == gold[n]["origin"])
        rows.append((f"seeds {label} the manifest: published, origin as gold", f"{published} of 5, {origin} of 5"))
    return rows


def run(data: Path) -> str:
    rows: list[tuple[str, str]] = []
    skipped = []
    for part in (_ecbplus, _basil, _seeds):
        try:
            rows.extend(part(data))
        except Skip as exc:
            skipped.append(str(exc))
    if not rows:
        raise Skip("; ".join(skipped))
    out = ["## Dates\n", __doc__.split("\n\n", 1)[1].strip(), "", "| measure | figure |", "|---|---:|"]
    out += [f"| {name} | {figure} |" for name, figure in rows]
    out += ["", f"Command: `{COMMAND}`" + (f". Skipped: {'; '.join(skipped)}" if skipped else "")]
    return "\n".join(out) + "\n"
