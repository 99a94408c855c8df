"""Run every benchmark section and record the figures, with machine and date, in bench/BENCHMARKS.md.

Each section is a module in this package with ``run(data: Path) -> str`` returning a Markdown
section (heading included). A section whose data is missing raises ``Skip`` and is listed as
skipped, so `make bench` works (and says what it skipped) without ../shared.

Every section is stamped, under its heading, with when and on what machine its figures were measured.
With ``--only``, the sections run replace those of the same heading in the file already there (the others,
their stamps and the header stay): re-running one section must not throw away the figures of the rest, and a
reader must see for each figure when it was last measured, not a log of re-runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import re
import sys
import time
from pathlib import Path

from .common import Skip

# Order in BENCHMARKS.md.
SECTIONS = (
    "extraction",
    "speed",
    "sentences",
    "mrpc",
    "semantic",
    "basil",
    "basil_lex",
    "framing",
    "ecbplus",
    "grouping_threshold",
    "group_speed",
    "dates",
    "facts",
    "quotes",
    "compare_speed",
    "check_speed",
    "fetch_speed",
    "scale",
)
OUT = Path(__file__).resolve().parent / "BENCHMARKS.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("data", nargs="?", default="../shared/bench", help="the bench data folder")
    parser.add_argument("--only", nargs="*", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--out", default=str(OUT), help="where to write the Markdown")
    args = parser.parse_args(argv)
    data = Path(args.data)
    sections: list[str] = []
    head = [
        "# Benchmarks\n",
        f"Recorded by `make bench DATA={args.data}`; each section says when and on what machine it was measured.\n",
    ]
    for name in args.only or SECTIONS:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}":
                raise
            continue
        start = time.perf_counter()
        try:
            section = module.run(data)
        except Skip as exc:
            section = f"## {name}\n\nSkipped: {exc}\n"
        print(f"bench: {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        sections.append(_stamped(section.rstrip() + "\n", args.only is not None))
    out = Path(args.out)
    if args.only and out.is_file():
        text = _replace_sections(out.read_text(encoding="utf-8"), sections, args.data)
    else:
        text = "\n".join(head + sections)
    out.write_text(text, encoding="utf-8")
    print(f"bench: wrote {args.out}", file=sys.stderr)
    return 0


def _sections(text: str) -> tuple[str, list[str]]:
    """The header of a BENCHMARKS.md and its sections (each from its "## " heading)."""
    head, *rest = re.split(r"(?m)^(?=## )", text)
    return head, rest


STAMP = "Measured on "


def _stamped(section: str, only: bool) -> str:
    """``section`` with a line under its heading saying when and on what machine it was measured."""
    heading, _, body = section.partition("\n")
    how = "`--only`, " if only else ""
    stamp = f"{STAMP}{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC ({how}{machine()})."
    return f"{heading}\n\n{stamp}\n\n{body.lstrip(chr(10))}"


def _replace_sections(old: str, new: list[str], data: str) -> str:
    """``old`` with each section of ``new`` (stamped already) in place of the one with its heading (or at the end)."""
    head, sections = _sections(old)
    fresh = {s.splitlines()[0]: s for s in new}
    out = [fresh.pop(s.splitlines()[0], s).rstrip("\n") + "\n" for s in sections]
    out += [s.rstrip("\n") + "\n" for s in fresh.values()]
    return head.rstrip("\n") + "\n\n" + "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
