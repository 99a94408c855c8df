"""Smoke test of an installed srccompare (run by `make test-install` with the venv's own python).

It needs nothing but the installed package: it writes one saved HTML page and one pasted text dump
of the same event, runs the console script on them and checks what came out, so that an install
whose HTML path cannot import (issue 9: lxml.html.clean with the pip Debian ships) fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service to Jeju resumes after storm - Example Daily</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/world">World</a></div>
<article><h1>Ferry service to Jeju resumes after storm</h1>
<p>Ferries between the mainland port of Mokpo and Jeju island sailed again on Friday after a typhoon had
kept every ship in harbour for three days, the coastal authority said.</p>
<p>More than twelve thousand passengers had been stranded on the island since Tuesday, many of them
tourists who slept in the terminal building.</p>
<p>The storm cut power to about forty thousand homes, according to the interior ministry.</p>
</article><div class="share">Share on Facebook | Share on X</div></body></html>
"""
TEXT = """Home | World | Sport
Ferries to Jeju sail again after typhoon
Ferries between Mokpo and Jeju island sailed again on Friday after a typhoon kept every ship in harbour for
three days, the coastal authority said.

About twelve thousand passengers had been stranded on the island since Tuesday.

The storm cut power to some forty thousand homes, the interior ministry said.
Share this article
Copyright 2024 Example Wire. All rights reserved.
"""
# Windows-1252 with curly quotes in 0x80-0x9F: must decode as such, whatever charset-normalizer guesses.
CP1252 = b"Caf\xe9 owners in Mokpo called the closure \x93temporary\x94 and said ferries would sail again.\n"


def run(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300)
    if "Traceback" in done.stderr:
        sys.exit(f"smoke: srccompare {' '.join(args)} printed a traceback:\n{done.stderr}")
    return done


def main() -> None:
    exe = Path(sys.executable).parent / "srccompare"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["SRCCOMPARE_CACHE_DIR"] = str(root / "cache")
        corpus = root / "corpus"
        corpus.mkdir()
        (corpus / "daily.html").write_text(HTML, encoding="utf-8")
        (corpus / "wire.txt").write_text(TEXT, encoding="utf-8")
        (root / "cafe.txt").write_bytes(CP1252)

        done = run(exe, "clean", "--format", "json", str(corpus))
        assert done.returncode == 0, f"clean exited {done.returncode}: {done.stderr}"
        articles = {Path(a["path"]).name: a for a in json.loads(done.stdout)}
        assert set(articles) == {"daily.html", "wire.txt"}, articles.keys()
        html, text = articles["daily.html"]["body"], articles["wire.txt"]["body"]
        assert articles["daily.html"]["title"] == "Ferry service to Jeju resumes after storm", articles["daily.html"]
        assert "stranded on the island since Tuesday" in html and "Share on" not in html, html
        assert "stranded on the island since Tuesday" in text, text
        assert "Share this article" not in text and "All rights reserved" not in text, text

        done = run(exe, "clean", str(root / "cafe.txt"))
        assert done.returncode == 0, done.stderr
        assert "Café owners in Mokpo called the closure “temporary”" in done.stdout, done.stdout

        done = run(exe, "compare", "--format", "json", str(corpus))
        assert done.returncode == 0, f"compare exited {done.returncode}: {done.stderr}"
        report = json.loads(done.stdout)
        together = [e for e in report["events"] if len(e["articles"]) == 2]
        assert together, f"the two reports of one ferry story were not grouped: {report['events']}"
        shared = [f for f in together[0]["facts"] if len({m["article"] for m in f["members"]}) == 2]
        assert shared, "no fact aligned across the two reports"
    print("smoke: installed srccompare cleans and compares HTML and text")


if __name__ == "__main__":
    main()
