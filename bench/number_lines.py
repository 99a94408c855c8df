"""The `number` disagreements a user gets on the ECB+ development events nobody labelled, for reading by hand.

The labelled events (tests/data/facts) measure how many labelled figures the report compares and a lower bound on
the precision of its number lines, over the key facts the labels hold: mostly tolls, counts and dates of the main
happening. This lists every number disagreement (no ``form``: not one figure written two ways) of each other ECB+
development event compared alone, as a user gives one story's reports, each with a sentence of each side that
holds a compared figure, so that a reader can judge the lines the labels never see (contract offers of several
teams, players' statistics, the years of a life).

    python -m bench.number_lines ../shared/bench [--seed N] [--sample K]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Mapping
from pathlib import Path

from .factscore import LABELS


def number_lines(report: Mapping) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(fact group id, detail, [(article, sentence)...]) of each number disagreement of a report
    (``Report.to_dict()``): for each article it compares, a member sentence holding one of its compared figures."""
    out = []
    for event in report["events"]:
        for group in event["facts"]:
            for diff in group["differences"]:
                if diff["kind"] != "number" or diff.get("form"):
                    continue
                shown: list[tuple[str, str]] = []
                for article, figures in diff.get("numbers", {}).items():
                    texts = [
                        m["text"]
                        for m in group["members"]
                        if m["article"] == article and any(f["text"] in m["text"] for f in figures)
                    ]
                    if texts:
                        shown.append((Path(article).name, texts[0]))
                out.append((group["id"], diff["detail"], shown))
    return out


def unlabelled_events(data: Path) -> dict[str, list[Path]]:
    """The articles of each ECB+ development event that tests/data/facts does not label."""
    folder = data / "ecbplus"
    files = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["files"]
    labelled = {p.stem for p in LABELS.glob("T*.json")}
    events: dict[str, list[Path]] = {}
    for name, meta in sorted(files.items()):
        if meta["event"] not in labelled:
            events.setdefault(meta["event"], []).append(folder / "articles" / name)
    return events


def main(argv: list[str] | None = None) -> int:
    import srccompare

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the bench data folder (../shared/bench)")
    parser.add_argument("--seed", type=int, default=7, help="the order the lines are shown in")
    parser.add_argument("--sample", type=int, default=0, help="show only this many (0: all)")
    args = parser.parse_args(argv)
    events = unlabelled_events(args.data)
    lines = []
    for name, paths in events.items():
        articles = srccompare.load(paths, problems=[])
        if len(articles) < 2:
            continue
        lines += [(name, *line) for line in number_lines(srccompare.compare(articles).to_dict())]
    print(f"{len(lines)} number disagreements on {len(events)} unlabelled events")
    random.Random(args.seed).shuffle(lines)
    for name, gid, detail, shown in lines[: args.sample or None]:
        print(f"## {name} {gid} {detail}")
        for article, text in shown:
            print(f"    {article} | {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
