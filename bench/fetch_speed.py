"""`srccompare fetch` of 100 pages from a server on 127.0.0.1 that this section starts.

The pages are the corpus/ dumps as simple HTML (each one served under 20 URLs), with an ETag, so that
the second run measures conditional re-fetching (every page answered 304). The first and second runs
use the default, polite settings (2 connections per host, 0.1 s pause each); the third sets --delay 0
to show what the pause costs. Wall time of the whole CLI run, start-up included.
"""

from __future__ import annotations

import hashlib
import html
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = 100
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
COMMAND = "python -m bench --only fetch_speed"


def pages() -> list[bytes]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [html.escape(" ".join(line.split())) for line in path.read_text(encoding="utf-8").splitlines()]
        paras = "".join(f"<p>{line}</p>" for line in lines[1:] if line)
        out.append(f"<!doctype html><html><head><title>{lines[0]}</title></head><body>{paras}</body></html>".encode())
    return out


def serve(bodies: list[bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without this, Nagle's algorithm and the client's
        # delayed ACK add 40 ms to every answer, which no real server does.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:  # noqa: N802
            if not self.path.startswith("/p/"):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = bodies[int(self.path[3:]) % len(bodies)]
            etag = '"' + hashlib.sha256(self.path.encode() + body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(data: Path) -> str:
    server = serve(pages())
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            listing = Path(tmp) / "urls.txt"
            port = server.server_address[1]
            listing.write_text("".join(f"http://127.0.0.1:{port}/p/{i}\n" for i in range(PAGES)), encoding="utf-8")
            for label, out, extra in (
                ("first run, defaults", "a", []),
                ("second run, defaults (all 304)", "a", []),
                ("first run, --delay 0", "b", ["--delay", "0"]),
            ):
                start = time.perf_counter()
                proc = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "srccompare",
                        "fetch",
                        "-i",
                        str(listing),
                        "-o",
                        str(Path(tmp) / out),
                        *extra,
                    ],
                    capture_output=True,
                    text=True,
                )
                took = time.perf_counter() - start
                last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
                rows.append((label, took, last.split(" -> ")[0].removeprefix("srccompare: ")))
    finally:
        server.shutdown()
        server.server_close()
    return (
        "## fetch_speed\n\n"
        f"`srccompare fetch` of {PAGES} pages from a loopback server (corpus/ dumps as HTML), wall time of the CLI.\n\n"
        "| run | seconds | pages/s | summary |\n|---|---|---|---|\n"
        + "".join(f"| {label} | {t:.2f} | {PAGES / t:.0f} | {summary} |\n" for label, t, summary in rows)
        + f"\nCommand: `{COMMAND}`.\n"
    )
