"""`srccompare check` on a corpus of 1,000 articles, made from the extraction dumps and BASIL articles.

Each file is a real dump or article with its paragraphs shuffled by a seeded generator, so the
corpus has the size and texture of a real one (including the near-duplicates a growing corpus
collects). The timing is the CLI's wall time, reading and cleaning included.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import Skip, need

SIZE = 1000
COMMAND = "python -m bench ../shared/bench --only check_speed"


def sources(data: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(data / "extraction" / "dumps").glob("*.txt"))]
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        texts.append(
            "\n\n".join(
                [
                    doc.get("title", ""),
                    doc.get("date", ""),
                    *(" ".join(p) if isinstance(p, list) else p for p in doc.get("body-paragraphs", [])),
                ]
            )
        )
    if not texts:
        raise Skip("no source texts")
    return texts


def build(root: Path, texts: list[str]) -> None:
    rng = random.Random(7)
    for i in range(SIZE):
        paragraphs = texts[i % len(texts)].split("\n\n")
        head, rest = paragraphs[:2], paragraphs[2:]
        rng.shuffle(rest)
        (root / f"a{i:04d}.txt").write_text("\n\n".join(head + rest), encoding="utf-8")


def run(data: Path) -> str:
    texts = sources(data)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "corpus").mkdir()
        build(root / "corpus", texts)
        times = []
        # First run: an empty cache (everything is cleaned); second: the unchanged corpus again.
        env = {**os.environ, "SRCCOMPARE_CACHE_DIR": str(Path(tmp) / ".cache")}
        for _ in range(2):
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "srccompare", "check", str(root / "corpus"), "--format", "json"],
                capture_output=True,
                text=True,
                env=env,
            )
            times.append(time.perf_counter() - start)
        summary = json.loads(proc.stdout)["summary"] if proc.stdout.startswith("{") else {}
    return (
        "## check_speed\n\n"
        f"`srccompare check` on {SIZE} articles ({len(texts)} distinct sources, paragraphs shuffled), "
        f"2 cores, wall time of the whole CLI run.\n\n"
        "| run | seconds | findings |\n|---|---|---|\n"
        + "".join(
            f"| {label} | {t:.2f} | {summary.get('errors', '?')} errors, {summary.get('warnings', '?')} warnings |\n"
            for label, t in zip(("first (empty cache)", "unchanged corpus (cache warm)"), times)
        )
        + f"\nCommand: `{COMMAND}`.\n"
    )
