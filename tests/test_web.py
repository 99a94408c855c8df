"""Web ingest against servers this module starts on 127.0.0.1 (random ports); nothing else is contacted.

Every test runs the real CLI (or library) and asserts what it did: the files written, the manifest
fields, the line on stderr, the exit code, and what the server was asked.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import sys
import threading
import time
from collections.abc import Callable
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import CORPUS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytest.importorskip("urllib3")

ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>{title}</h1>{paras}</article>"
    "<footer>Example News: all rights reserved</footer></body></html>"
)


def page(title: str, *paragraphs: str) -> bytes:
    return ARTICLE.format(title=title, paras="".join(f"<p>{p}</p>" for p in paragraphs)).encode("utf-8")


STORY = page(
    "Storm closes the port of Zürich-Hafen",
    "The storm closed the port on Sunday, the harbour authority said in a statement.",
    "About 40 ships were waiting outside the harbour, and the café on the pier stayed shut.",
    "Officials said the port would reopen on Tuesday if the wind dropped below gale force.",
)


class Server:
    """A threaded HTTP server whose answers a test sets per path; it records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None] | tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: without this, Nagle's algorithm and the client's
            # delayed ACK add 40 ms to every answer, which no real server does.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802
                outer.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = outer.routes.get(self.path) or outer.routes.get("*")
                if route is None:
                    route = (404, {"Content-Type": "text/plain"}, b"not found")
                if callable(route):
                    route(self)
                    return
                status, headers, body = route
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up on an endless body is the point of a test, not noise

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def html(self, path: str, body: bytes = STORY, **headers: str) -> str:
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8", **headers}, body)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = (status, {"Location": location}, b"")
        return self.url(path)

    def asked(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


@pytest.fixture()
def other_server():
    s = Server()
    yield s
    s.close()


def manifest(folder: Path) -> dict:
    return tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))["files"]


def entry_for(folder: Path, url: str) -> tuple[str, dict]:
    (name, entry), *_ = [(n, e) for n, e in manifest(folder).items() if e["url"] == url]
    return name, entry


def messages(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


FAST = ("--delay", "0", "--timeout", "2")


# -- pages -------------------------------------------------------------------------------------------


def test_fetch_keeps_the_page_gzipped_with_its_provenance(run, server, tmp_path):
    url = server.html("/news/storm", etag='"v1"', **{"Last-Modified": "Sun, 02 Jun 2024 10:00:00 GMT"})
    out = tmp_path / "corpus"
    result = run("fetch", url, "-o", str(out), *FAST)
    assert result.exit_code == 0, result.stderr
    name, entry = entry_for(out, url)
    assert name.endswith(".html.gz") and "/" not in name
    assert gzip.decompress((out / name).read_bytes()) == STORY
    assert entry["final_url"] == url
    assert entry["status"] == 200
    assert entry["sha256"] == hashlib.sha256(STORY).hexdigest()
    assert entry["etag"] == '"v1"'
    assert entry["last_modified"] == "Sun, 02 Jun 2024 10:00:00 GMT"
    fetched = dt.datetime.fromisoformat(entry["fetched_at"].replace("Z", "+00:00"))
    assert abs((dt.datetime.now(dt.timezone.utc) - fetched).total_seconds()) < 60
    assert "1 fetched, 0 unchanged, 0 failed" in result.stderr
    _, headers = server.requests[-1]
    assert headers["user-agent"].startswith("srccompare/")
    assert "gzip" in headers["accept-encoding"]
    # The folder is a corpus: clean reads it with the manifest's url and fetched_at.
    cleaned = json.loads(run("clean", str(out), "--format", "json", "--no-cache").stdout)
    assert cleaned[0]["url"] == url and cleaned[0]["fetched_at"] == entry["fetched_at"]
    assert "About 40 ships were waiting outside the harbour" in cleaned[0]["body"]


def test_a_second_run_asks_conditionally_and_keeps_an_unchanged_page(run, server, tmp_path):
    url = server.html("/a", etag='"v1"')
    out = tmp_path / "c"
    assert run("fetch", url, "-o", str(out), *FAST).exit_code == 0
    name, first = entry_for(out, url)
    # A person adds the outlet by hand; re-fetches must keep it.
    text = (out / "manifest.toml").read_text(encoding="utf-8")
    (out / "manifest.toml").write_text("# my notes\n" + text + 'outlet = "Example News"\n', encoding="utf-8")

    def not_modified(handler: BaseHTTPRequestHandler) -> None:
        assert handler.headers["If-None-Match"] == '"v1"'
        handler.send_response(304)
        handler.send_header("ETag", '"v1"')
        handler.end_headers()

    server.routes["/a"] = not_modified
    mtime = (out / name).stat().st_mtime_ns
    result = run("fetch", url, "-o", str(out), *FAST)
    assert result.exit_code == 0
    assert "0 fetched, 1 unchanged" in result.stderr
    assert (out / name).stat().st_mtime_ns == mtime
    assert entry_for(out, url)[1] == {**first, "outlet": "Example News"}

    changed = page("Storm update", "The port reopened on Tuesday morning after the wind dropped.")
    server.html("/a", changed, etag='"v2"')
    result = run("fetch", url, "-o", str(out), *FAST)
    assert "1 fetched, 0 unchanged" in result.stderr
    assert gzip.decompress((out / name).read_bytes()) == changed
    _, entry = entry_for(out, url)
    assert entry["etag"] == '"v2"' and entry["outlet"] == "Example News"
    assert entry["sha256"] == hashlib.sha256(changed).hexdigest()
    assert (out / "manifest.toml").read_text(encoding="utf-8").startswith("# my notes\n")


def test_redirect_chains_end_at_the_final_url(run, server, tmp_path):
    final = server.html("/final")
    server.redirect("/moved", final, 302)
    start = server.redirect("/old", "/moved", 301)
    out = tmp_path / "c"
    result = run("fetch", start, "-o", str(out), *FAST)
    assert result.exit_code == 0, result.stderr
    name, entry = entry_for(out, start)
    assert entry["final_url"] == final
    assert gzip.decompress((out / name).read_bytes()) == STORY
    assert [p for p, _ in server.requests if p != "/robots.txt"] == ["/old", "/moved", "/final"]


def test_a_redirect_loop_is_named_and_stops(run, server, tmp_path):
    server.redirect("/two", server.url("/one"))
    start = server.redirect("/one", "/two")
    result = run("fetch", start, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 2
    assert messages(result)[0].startswith(f"srccompare: {start}: redirect loop")
    assert server.asked("/one") == 1 and server.asked("/two") == 1
    assert not list((tmp_path / "c").glob("*.gz"))


def test_404_is_one_line_and_the_other_pages_are_still_fetched(run, server, tmp_path):
    good = server.html("/good")
    missing = server.url("/missing")
    result = run("fetch", missing, good, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 1
    assert messages(result)[0] == f"srccompare: {missing}: HTTP 404 Not Found"
    assert [e["url"] for e in manifest(tmp_path / "c").values()] == [good]


def test_a_500_is_retried_until_it_succeeds(run, server, tmp_path):
    calls = []

    def flaky(handler: BaseHTTPRequestHandler) -> None:
        calls.append(time.monotonic())
        if len(calls) < 3:
            handler.send_response(500)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(STORY)))
        handler.end_headers()
        handler.wfile.write(STORY)

    server.routes["/flaky"] = flaky
    url = server.url("/flaky")
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST, "--retries", "3")
    assert result.exit_code == 0, result.stderr
    assert len(calls) == 3
    assert entry_for(tmp_path / "c", url)[1]["status"] == 200
    # With no retries left the 500 is the answer.
    calls.clear()
    result = run("fetch", url, "-o", str(tmp_path / "d"), *FAST, "--retries", "0")
    assert result.exit_code == 2 and "HTTP 500" in result.stderr and len(calls) == 1


def test_429_waits_as_retry_after_says_and_an_endless_error_body_is_not_read(run, server, tmp_path):
    calls = []

    def busy(handler: BaseHTTPRequestHandler) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            handler.send_response(429)
            handler.send_header("Retry-After", "1")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(STORY)))
        handler.end_headers()
        handler.wfile.write(STORY)

    def endless_error(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(503)
        handler.end_headers()
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline:
                handler.wfile.write(b"x" * 65536)
        except OSError:
            pass

    server.routes["/busy"] = busy
    server.routes["/down"] = endless_error
    started = time.monotonic()
    result = run("fetch", server.url("/busy"), server.url("/down"), "-o", str(tmp_path / "c"), *FAST, "--retries", "1")
    assert time.monotonic() - started < 6
    assert result.exit_code == 1, result.stderr
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.9
    assert messages(result)[0] == f"srccompare: {server.url('/down')}: HTTP 503 Service Unavailable"
    assert server.asked("/down") == 2


def test_a_stalled_response_times_out(run, server, tmp_path):
    release = threading.Event()

    def stall(handler: BaseHTTPRequestHandler) -> None:
        release.wait(5)  # bounded: the server thread ends even if the client never gives up

    server.routes["/stall"] = stall
    url = server.url("/stall")
    started = time.monotonic()
    result = run("fetch", url, "-o", str(tmp_path / "c"), "--delay", "0", "--timeout", "0.3", "--retries", "0")
    took = time.monotonic() - started
    release.set()
    assert result.exit_code == 2
    assert messages(result)[0] == f"srccompare: {url}: timed out (no answer for 0.3 s)"
    assert took < 3


def test_a_body_that_stalls_midway_times_out(run, server, tmp_path):
    release = threading.Event()

    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(STORY)
        handler.wfile.flush()
        release.wait(5)

    server.routes["/trickle"] = trickle
    url = server.url("/trickle")
    result = run("fetch", url, "-o", str(tmp_path / "c"), "--delay", "0", "--timeout", "0.3", "--retries", "0")
    release.set()
    assert result.exit_code == 2
    assert "timed out" in messages(result)[0]
    assert not list((tmp_path / "c").glob("*.gz"))


def test_an_endless_body_stops_at_the_size_cap(run, server, tmp_path):
    sent = []

    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no length: the body ends when the connection does
        handler.wfile.write(b"<html><body>")
        chunk = b"<p>more words</p>" * 4096
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline:
                handler.wfile.write(chunk)
                sent.append(len(chunk))
        except OSError:
            pass
        handler.close_connection = True

    server.routes["/endless"] = endless
    url = server.url("/endless")
    started = time.monotonic()
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST, "--max-size", "1")
    assert time.monotonic() - started < 8
    assert result.exit_code == 2
    assert messages(result)[0] == f"srccompare: {url}: too large (over 1 MB)"
    assert not list((tmp_path / "c").glob("*.gz"))


def test_a_gzip_bomb_is_stopped_after_decompression(run, server, tmp_path):
    bomb = gzip.compress(b"<html><body>" + b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100 * 1024
    url = server.html("/bomb", bomb, **{"Content-Encoding": "gzip"})
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST, "--max-size", "2")
    assert result.exit_code == 2
    assert messages(result)[0] == f"srccompare: {url}: too large (over 2 MB)"


def test_a_brotli_bomb_is_stopped_too(run, server, tmp_path):
    brotli = pytest.importorskip("brotli")
    bomb = brotli.compress(b"<html><body>" + b"\0" * (32 * 1024 * 1024), quality=5)
    assert len(bomb) < 100 * 1024
    url = server.html("/brbomb", bomb, **{"Content-Encoding": "br"})
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST, "--max-size", "2")
    assert result.exit_code == 2
    assert messages(result)[0] == f"srccompare: {url}: too large (over 2 MB)"


def test_brotli_and_gzip_bodies_are_decoded(run, server, tmp_path):
    brotli = pytest.importorskip("brotli")
    br = server.html("/br", brotli.compress(STORY), **{"Content-Encoding": "br"})
    gz = server.html("/gz", gzip.compress(STORY), **{"Content-Encoding": "gzip"})
    out = tmp_path / "c"
    assert run("fetch", br, gz, "-o", str(out), *FAST).exit_code == 0
    assert "br" in server.requests[-1][1]["accept-encoding"]
    for url in (br, gz):
        name, entry = entry_for(out, url)
        assert gzip.decompress((out / name).read_bytes()) == STORY
        assert entry["sha256"] == hashlib.sha256(STORY).hexdigest()


def test_a_wrong_charset_header_does_not_garble_the_text(run, server, tmp_path):
    # UTF-8 bytes served as Latin-1 (a server default), and Windows-1252 bytes served as UTF-8
    # whose page says windows-1252 itself.
    utf8 = server.html("/utf8", STORY, **{"Content-Type": "text/html; charset=iso-8859-1"})
    legacy_body = (
        STORY.decode("utf-8")
        .replace("charset='utf-8'", "charset='windows-1252'")
        .replace("the harbour", "the “harbour”")
    ).encode("cp1252")
    legacy = server.html("/cp1252", legacy_body, **{"Content-Type": "text/html; charset=utf-8"})
    out = tmp_path / "c"
    result = run("fetch", utf8, legacy, "-o", str(out), *FAST)
    assert result.exit_code == 0, result.stderr
    assert entry_for(out, utf8)[1]["charset"] == "utf-8"
    assert entry_for(out, legacy)[1]["charset"] == "cp1252"
    articles = {a["url"]: a for a in json.loads(run("clean", str(out), "--format", "json", "--no-cache").stdout)}
    assert "the café on the pier" in articles[utf8]["body"]
    assert "the “harbour” authority" in articles[legacy]["body"]
    assert "Ã" not in articles[utf8]["body"] + articles[legacy]["body"]


def test_pdfs_and_images_are_refused_with_one_line_each(run, server, tmp_path):
    pdf = server.html("/report.pdf", b"%PDF-1.7\n...", **{"Content-Type": "application/pdf"})
    png = server.html("/photo", b"\x89PNG\r\n\x1a\n....", **{"Content-Type": "image/png"})
    untyped = server.url("/untyped")
    server.routes["/untyped"] = (200, {}, b"%PDF-1.4\n%binary")
    good = server.html("/good")
    result = run("fetch", pdf, png, untyped, good, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 1
    assert messages(result)[:3] == [
        f"srccompare: {pdf}: not an HTML page: a PDF (application/pdf)",
        f"srccompare: {png}: not an HTML page: an image (image/png)",
        f"srccompare: {untyped}: not an HTML page: binary file (a PDF file), not text or HTML",
    ]
    assert [e["url"] for e in manifest(tmp_path / "c").values()] == [good]


def test_robots_txt_is_honoured_unless_overridden(run, server, tmp_path):
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    public = server.html("/public/a")
    private = server.html("/private/b")
    result = run("fetch", public, private, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 1
    assert messages(result)[0] == f"srccompare: {private}: disallowed by robots.txt (--ignore-robots overrides)"
    assert server.asked("/private/b") == 0 and server.asked("/robots.txt") == 1
    assert [e["url"] for e in manifest(tmp_path / "c").values()] == [public]
    result = run("fetch", private, "-o", str(tmp_path / "c"), *FAST, "--ignore-robots")
    assert result.exit_code == 0 and server.asked("/private/b") == 1


def test_robots_txt_that_cannot_be_reached_disallows_and_one_that_is_missing_allows(run, server, tmp_path):
    server.routes["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"down")
    url = server.html("/a")
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST, "--retries", "0")
    assert result.exit_code == 2 and "disallowed by robots.txt" in result.stderr
    assert server.asked("/a") == 0
    server.routes["/robots.txt"] = (403, {"Content-Type": "text/plain"}, b"forbidden")
    assert run("fetch", url, "-o", str(tmp_path / "c"), *FAST).exit_code == 0
    assert server.asked("/a") == 1


def test_robots_txt_for_srccompare_alone(run, server, tmp_path):
    server.routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: srccompare\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
    )
    url = server.html("/a")
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 2 and "disallowed by robots.txt" in result.stderr


# -- feeds ---------------------------------------------------------------------------------------------

START = dt.datetime(2024, 6, 1, 8, 0, tzinfo=dt.timezone.utc)


def rss(server: Server, n: int) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{server.url(f'/story/{i}')}</link>"
        f"<pubDate>{format_datetime(START + dt.timedelta(days=i))}</pubDate></item>"
        for i in range(n)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>{items}</channel></rss>'.encode()


def atom(server: Server, n: int) -> bytes:
    entries = "".join(
        f"<entry><title>Story {i}</title><id>tag:example,{i}</id><link href='/story/{i}'/>"
        f"<updated>{(START + dt.timedelta(days=i)).isoformat()}</updated></entry>"
        for i in range(n)
    )
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{server.url("/")}">'
        f"<title>Example</title><id>tag:example</id><updated>{START.isoformat()}</updated>{entries}</feed>"
    ).encode()


@pytest.mark.parametrize(
    ("kind", "make", "ctype"), [("rss", rss, "application/rss+xml"), ("atom", atom, "application/atom+xml")]
)
def test_a_feed_of_20_items_is_fetched_and_since_filters_it(run, server, tmp_path, kind, make, ctype):
    for i in range(20):
        server.html(f"/story/{i}", page(f"Story {i}", f"Paragraph of story number {i} with enough words to be text."))
    feed = server.html(f"/{kind}.xml", make(server, 20), **{"Content-Type": ctype})
    out = tmp_path / "all"
    result = run("fetch", "--feed", feed, "-o", str(out), *FAST)
    assert result.exit_code == 0, result.stderr
    entries = manifest(out)
    assert len(entries) == 20
    assert {e["url"] for e in entries.values()} == {server.url(f"/story/{i}") for i in range(20)}
    assert all(e["feed"] == feed for e in entries.values())
    _, third = entry_for(out, server.url("/story/3"))
    assert third["published"] == dt.date(2024, 6, 4)

    out = tmp_path / "recent"
    result = run("fetch", "--feed", feed, "--since", "2024-06-16", "-o", str(out), *FAST)
    assert result.exit_code == 0
    assert sorted(e["url"] for e in manifest(out).values()) == sorted(server.url(f"/story/{i}") for i in range(15, 20))
    assert "5 fetched, 0 unchanged, 0 failed, 15 feed items older than --since" in result.stderr


def test_a_feed_item_on_a_private_address_elsewhere_is_refused(run, server, other_server, tmp_path):
    elsewhere = f"http://localhost:{other_server.port}/story"
    other_server.html("/story")
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        f"<item><title>a</title><link>{elsewhere}</link></item>"
        f"<item><title>b</title><link>{server.html('/own')}</link></item></channel></rss>"
    ).encode()
    feed = server.html("/feed", body, **{"Content-Type": "application/rss+xml"})
    result = run("fetch", "--feed", feed, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 1
    assert messages(result)[0] == (
        f"srccompare: {elsewhere}: http://localhost:{other_server.port} is a private or local address; "
        "--allow-private allows it"
    )
    assert other_server.requests == []
    assert [e["url"] for e in manifest(tmp_path / "c").values()] == [server.url("/own")]


def test_since_without_a_feed_is_a_usage_error(run, tmp_path):
    result = run("fetch", "http://127.0.0.1:9/a", "--since", "2024-01-01", "-o", str(tmp_path))
    assert result.exit_code == 2 and "--since filters feed items" in result.stderr
    result = run("fetch", "--feed", "http://127.0.0.1:9/f", "--since", "last week", "-o", str(tmp_path))
    assert result.exit_code == 2 and "is not a date" in result.stderr


# -- web archives --------------------------------------------------------------------------------------


def write_test_warc(path: Path, pages: list[tuple[str, str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for uri, date, body, ctype in pages:
            request = writer.create_warc_record(
                uri,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True),
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
            )
            writer.write_record(response)


def corpus_page(name: str) -> bytes:
    """A corpus dump (real reporting) as the article page it came from: its cleaned title and
    paragraphs in plain markup, and its date (from the corpus manifest) in the page's metadata."""
    from html import escape

    import srccompare

    article = srccompare.clean_text((CORPUS / name).read_text(encoding="utf-8"), name)
    published = manifest(CORPUS)[name].get("published") or article.published
    head = f"<meta property='article:published_time' content='{published}'>" if published else ""
    body = page(escape(article.title or ""), *(escape(p) for p in article.paragraphs)).decode("utf-8")
    return body.replace("</title>", f"</title>{head}", 1).encode("utf-8")


SEEDS = ("000_a67b68c824396ff8.txt", "001_3dbf73fb56b3fa01.txt", "002_94eb0a8464f32015.txt")


def test_a_warc_written_with_warcio_is_read_back_as_documents(run, tmp_path):
    pytest.importorskip("warcio")
    archive = tmp_path / "crawl.warc.gz"
    pages = [
        (f"https://news.example.org/{i}", f"2024-06-0{i + 5}T08:30:00Z", corpus_page(seed), "text/html; charset=utf-8")
        for i, seed in enumerate(SEEDS)
    ]
    pages.append(("https://news.example.org/logo.png", "2024-06-05T08:30:01Z", b"\x89PNG\r\n", "image/png"))
    write_test_warc(archive, pages)
    result = run("compare", str(archive), "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    got = {(a["id"], a["url"], a["fetched_at"]) for a in report["articles"]}
    assert got == {(f"{archive}#{uri}", uri, date) for uri, date, _, ctype in pages if ctype.startswith("text/html")}
    assert any(len(e["articles"]) >= 2 for e in report["events"])


def test_a_broken_warc_is_one_line(run, tmp_path):
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / SEEDS[0]).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("clean", str(broken), str(good), "--format", "json", "--no-cache")
    assert result.exit_code == 1
    assert messages(result)[0].startswith(f"srccompare: {broken}: ")
    assert len(json.loads(result.stdout)) == 1


def test_fetch_writes_a_warc_that_reproduces_the_corpus(run, server, tmp_path):
    urls = [server.html(f"/seed/{i}", corpus_page(seed)) for i, seed in enumerate(SEEDS)]
    out, archive = tmp_path / "c", tmp_path / "run.warc.gz"
    result = run("fetch", *urls, "-o", str(out), "--warc", str(archive), *FAST)
    assert result.exit_code == 0, result.stderr
    from_folder = json.loads(run("clean", str(out), "--format", "json", "--no-cache").stdout)
    from_archive = json.loads(run("clean", str(archive), "--format", "json", "--no-cache").stdout)
    assert [a["body"] for a in from_archive] == [a["body"] for a in from_folder]
    assert [(a["url"], a["fetched_at"]) for a in from_archive] == [
        (entry_for(out, u)[1]["final_url"], entry_for(out, u)[1]["fetched_at"]) for u in urls
    ]


# -- which addresses are contacted --------------------------------------------------------------------


def test_a_redirect_to_a_file_url_is_refused(run, server, tmp_path):
    url = server.redirect("/passwd", "file:///etc/passwd")
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 2
    assert messages(result)[0] == (
        f"srccompare: {url}: only http and https URLs are fetched, not file URL "
        f"(redirected from {url} to file:///etc/passwd)"
    )
    assert not list((tmp_path / "c").glob("*.gz"))


def test_what_a_server_says_reaches_the_terminal_without_escape_sequences(run, server, tmp_path):
    hop = server.redirect("/hop", "ftp://x/\x1b[2J\x1b]0;owned\x07")
    server.routes["/teapot"] = (418, {"Content-Type": "text/html"}, b"")
    result = run("fetch", hop, server.url("/teapot"), "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "not ftp URL (redirected from" in messages(result)[0] and "\\x1b[2J" in messages(result)[0]


def test_a_redirect_to_another_port_is_refused(run, server, other_server, tmp_path):
    other_server.html("/secret")
    url = server.redirect("/hop", other_server.url("/secret"))
    result = run("fetch", url, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 2
    assert f"redirect to another host or port refused (http://127.0.0.1:{other_server.port})" in result.stderr
    assert other_server.requests == []
    # Other hosts are allowed with the flag, but a local address still is not...
    server.redirect("/hop2", f"http://localhost:{other_server.port}/secret")
    result = run("fetch", server.url("/hop2"), "-o", str(tmp_path / "c"), *FAST, "--allow-other-hosts")
    assert result.exit_code == 2 and "is a private or local address" in result.stderr
    assert other_server.requests == []
    # ...unless that is allowed too.
    result = run(
        "fetch", server.url("/hop2"), "-o", str(tmp_path / "c"), *FAST, "--allow-other-hosts", "--allow-private"
    )
    assert result.exit_code == 0, result.stderr
    assert other_server.asked("/secret") == 1


def test_a_redirect_to_a_host_the_user_named_is_followed(run, server, other_server, tmp_path):
    target = other_server.html("/b")
    hop = server.redirect("/a", target)
    result = run("fetch", hop, target, "-o", str(tmp_path / "c"), *FAST)
    assert result.exit_code == 0, result.stderr
    assert entry_for(tmp_path / "c", hop)[1]["final_url"] == target


def test_other_schemes_and_odd_paths_never_leave_the_folder(run, server, tmp_path):
    server.html("*")  # whatever path the client sends for it
    odd = server.url("/../../etc/%2e%2e/x?a=<b>&c=\u00e9")
    out = tmp_path / "c"
    result = run("fetch", "ftp://127.0.0.1/x", "file:///etc/passwd", odd, "-o", str(out), *FAST)
    assert result.exit_code == 1
    assert messages(result)[:2] == [
        "srccompare: ftp://127.0.0.1/x: only http and https URLs are fetched, not ftp URL",
        "srccompare: file:///etc/passwd: only http and https URLs are fetched, not file URL",
    ]
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    name, _ = entry_for(out, odd)
    assert written == ["c", f"c/{name}", "c/manifest.toml"]
    assert all(ch.isalnum() or ch in "-." for ch in name)


def test_a_dump_listed_with_the_same_url_is_not_overwritten(run, server, tmp_path):
    out = tmp_path / "c"
    out.mkdir()
    url = server.html("/story")
    dump = (CORPUS / SEEDS[0]).read_text(encoding="utf-8")
    (out / "story.txt").write_text(dump, encoding="utf-8")
    (out / "manifest.toml").write_text(f'[files."story.txt"]\noutlet = "AsiaNews"\nurl = "{url}"\n', encoding="utf-8")
    assert run("fetch", url, "-o", str(out), *FAST).exit_code == 0
    assert (out / "story.txt").read_text(encoding="utf-8") == dump
    entries = manifest(out)
    assert entries["story.txt"] == {"outlet": "AsiaNews", "url": url}
    (page_name,) = [n for n in entries if n.endswith(".html.gz")]
    assert entries[page_name]["sha256"] == hashlib.sha256(STORY).hexdigest()


def test_a_symlinked_manifest_is_replaced_not_written_through(run, server, tmp_path):
    outside = tmp_path / "outside.toml"
    outside.write_text("# not yours\n", encoding="utf-8")
    out = tmp_path / "c"
    out.mkdir()
    (out / "manifest.toml").symlink_to(outside)
    assert run("fetch", server.html("/a"), "-o", str(out), *FAST).exit_code == 0
    assert outside.read_text(encoding="utf-8") == "# not yours\n"
    assert not (out / "manifest.toml").is_symlink()


# -- URLs as inputs, and speed --------------------------------------------------------------------------


def test_compare_takes_urls_end_to_end(run, server):
    urls = [server.html(f"/seed/{i}", corpus_page(seed)) for i, seed in enumerate(SEEDS)]
    result = run("compare", *urls, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [a["id"] for a in report["articles"]] == urls
    assert [a["url"] for a in report["articles"]] == urls
    for article in report["articles"]:
        fetched = dt.datetime.fromisoformat(article["fetched_at"].replace("Z", "+00:00"))
        assert abs((dt.datetime.now(dt.timezone.utc) - fetched).total_seconds()) < 120
    assert any(len(e["articles"]) >= 2 for e in report["events"])
    # Again: the pages come from the store, asked for conditionally (no ETag here: fetched and compared).
    again = run("compare", *urls, "--format", "json")
    assert again.exit_code == 0 and json.loads(again.stdout)["events"] == report["events"]


def test_a_url_that_fails_is_named_and_the_files_still_compared(run, server, tmp_path):
    missing = server.url("/gone")
    files = []
    for seed in SEEDS[:2]:
        files.append(tmp_path / seed)
        files[-1].write_text((CORPUS / seed).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("compare", str(files[0]), missing, str(files[1]), "--format", "json", "--no-cache")
    assert result.exit_code == 1
    assert messages(result) == [f"srccompare: {missing}: HTTP 404 Not Found"]
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == [str(f) for f in files]


def test_library_fetch(server, tmp_path):
    import srccompare
    from srccompare.web import FetchOptions

    url = server.html("/lib")
    result = srccompare.fetch([url], tmp_path / "c", options=FetchOptions(delay=0))
    assert [(p.url, p.state) for p in result.pages] == [(url, "fetched")]
    assert result.problems == ()
    articles = srccompare.load([url])
    assert articles[0].url == url and articles[0].fetched_at


def test_fetching_100_pages_takes_seconds(run, server, tmp_path):
    urls = [
        server.html(f"/p/{i}", page(f"Story {i}", f"Text of page {i}, long enough to be an article."))
        for i in range(100)
    ]
    listing = tmp_path / "urls.txt"
    listing.write_text("# a hundred pages\n" + "\n".join(urls) + "\nexample.com/no-scheme\n", encoding="utf-8")
    started = time.monotonic()
    result = run("fetch", "-i", str(listing), "-o", str(tmp_path / "c"))  # the default, polite settings
    took = time.monotonic() - started
    assert result.exit_code == 1, result.stderr
    assert messages(result)[0] == "srccompare: example.com/no-scheme: not a URL (it needs http:// or https:// in front)"
    assert len(manifest(tmp_path / "c")) == 100
    print(f"fetched 100 loopback pages in {took:.2f} s")
    # Two connections at a time, 0.1 s apart each: about 5 s of waiting. The bound is loose for busy machines.
    assert took < 30
