"""HTTP for srccompare: one urllib3 pool, polite per host, every hop checked by safety.py.

urllib3 is the client: trafilatura already depends on it (nothing new to install), it is actively
maintained, it bounds what one read of a compressed body may inflate to (2.6 and later), it decodes
gzip and, with the brotli package, br, and its Retry does backoff and Retry-After. Redirects are
followed here, one hop at a time, so that each hop passes the address rules before it is requested.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin

from .options import ROBOTS_AGENT, FetchOptions
from .pages import FEED_LENIENT, FEED_TYPES, HTML_TYPES, describe, media_type
from .safety import Origin, Refused, check_redirect, origin

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# RFC 9309: a crawler must parse at least 500 KiB of robots.txt; more is not worth reading.
ROBOTS_MAX_BYTES = 512 * 1024
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A page that could not be fetched; the message says why in a few words."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes  # without its Content-Encoding
    fetched_at: str  # ISO 8601, UTC, to the second
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class _Host:
    """The connection slots of one host name: each holds the time it may start its next request."""

    slots: queue.Queue[float]
    crawl_delay: float = 0.0


@dataclass
class _Robots:
    """The robots.txt of one origin (scheme, host, port: RFC 9309 scopes it so), read once per run."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    parser: Any = None  # a RobotFileParser, or None when every path is allowed
    done: bool = False


class Client:
    """Fetches pages for one run. Thread-safe: the run's workers share it."""

    def __init__(self, options: FetchOptions, named: set[Origin]) -> None:
        import urllib3

        self.options = options
        self.named = set(named)
        headers = urllib3.util.make_headers(accept_encoding=True, user_agent=options.user_agent)
        # Proxies from the environment are not used: every request goes where the rules say.
        self.pool = urllib3.PoolManager(num_pools=64, maxsize=options.per_host, headers=headers)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[Origin, _Robots] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.pool.clear()

    def get(self, url: str, kind: str = "html", conditional: dict[str, str] | None = None) -> Response:
        """GET a page (kind "html"), a feed ("feed") or a robots.txt ("robots"), following redirects.

        Raises Refused for a URL the rules forbid, FetchError for anything else that went wrong."""
        url = urldefrag(url.strip())[0]
        current, seen, hops = url, {url}, []
        for _ in range(self.options.max_redirects + 1):
            where = origin(current)
            if kind != "robots" and self.options.robots:
                self._check_robots(current, where)
            status, headers, body = self._request(current, where, kind, conditional or {})
            location = headers.get("location")
            if status in REDIRECTS and location:
                target = urldefrag(urljoin(current, location.strip()))[0]
                try:
                    check_redirect(
                        current, target, self.named, self.options.allow_other_hosts, self.options.allow_private
                    )
                except Refused as exc:
                    raise Refused(f"{exc} (redirected from {current} to {target})") from None
                if target in seen:
                    raise FetchError(f"redirect loop ({current} -> {target})", status)
                seen.add(target)
                hops.append(current)
                current = target
                continue
            return Response(url, current, status, headers, body, now_iso(), tuple(hops))
        raise FetchError(f"too many redirects (over {self.options.max_redirects})")

    # -- politeness --------------------------------------------------------------------------------

    def _host(self, host: str) -> _Host:
        with self._lock:
            entry = self._hosts.get(host)
            if entry is None:
                slots: queue.Queue[float] = queue.Queue()
                for _ in range(max(1, self.options.per_host)):
                    slots.put(0.0)
                entry = self._hosts[host] = _Host(slots)
            return entry

    def _check_robots(self, url: str, where: Origin) -> None:
        with self._lock:
            robots = self._robots.setdefault(where, _Robots())
        with robots.lock:
            if not robots.done:
                robots.parser = self._load_robots(where)
                robots.done = True
        if robots.parser is not None and not robots.parser.can_fetch(self.options.user_agent, url):
            raise FetchError("disallowed by robots.txt (--ignore-robots overrides)")

    def _load_robots(self, where: Origin) -> Any:
        from urllib.robotparser import RobotFileParser

        scheme, name, port = where
        netloc = f"[{name}]" if ":" in name else name
        parser = RobotFileParser()
        try:
            answer = self.get(f"{scheme}://{netloc}:{port}/robots.txt", kind="robots")
        except (FetchError, Refused) as exc:
            status = getattr(exc, "status", None)
            if isinstance(exc, Refused) or (status is not None and 400 <= status < 500):
                return None  # RFC 9309 2.3.1.3: robots.txt unavailable (any 4xx), everything is allowed
            # RFC 9309 2.3.1.4: unreachable (a 5xx or a network error) means "disallow all" for now.
            parser.disallow_all = True  # type: ignore[attr-defined]  # set by parse(); not in the stubs
            return parser
        parser.parse(answer.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._host(name).crawl_delay = min(float(delay), self.options.max_crawl_delay)
        return parser

    # -- one request -------------------------------------------------------------------------------

    def _request(
        self, url: str, where: Origin, kind: str, conditional: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        host = self._host(where[1])
        ready = host.slots.get()
        started = time.monotonic()
        try:
            if ready > started:
                time.sleep(ready - started)
                started = time.monotonic()
            return self._exchange(url, kind, conditional)
        finally:
            took = time.monotonic() - started
            pause = max(
                self.options.delay, host.crawl_delay * self.options.per_host, min(took, self.options.max_crawl_delay)
            )
            host.slots.put(time.monotonic() + pause)

    def _exchange(self, url: str, kind: str, conditional: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        from urllib3.exceptions import HTTPError

        opts = self.options
        # urllib3 retries connection errors and timeouts itself; 429 and 5xx are retried here, since
        # urllib3 would read an error answer to its end before retrying, and one may never end.
        for attempt in range(opts.retries + 1):
            try:
                resp = self._send(url, conditional)
            except HTTPError as exc:
                raise FetchError(_network_reason(exc, opts.timeout)) from None
            if resp.status not in RETRY_STATUSES or attempt == opts.retries:
                break
            wait = _retry_after(resp.headers.get("retry-after"))
            resp.close()
            resp.release_conn()
            backoff = 0.0 if attempt == 0 else opts.backoff * 2**attempt
            time.sleep(min(opts.backoff_max, backoff if wait is None else wait))
        complete = False
        try:
            headers = {k.lower(): v for k, v in resp.headers.items()}
            status = resp.status
            if status in REDIRECTS or status == 304:
                return status, headers, b""
            if status >= 400:
                reason = f"HTTP {status}" + (f" {resp.reason}" if resp.reason else "")
                raise FetchError(reason, status)
            if kind != "robots":
                _check_type(headers.get("content-type"), kind)
            limit = ROBOTS_MAX_BYTES if kind == "robots" else opts.max_bytes
            body = self._body(resp, headers, limit)
            complete = True
            return status, headers, body
        except HTTPError as exc:
            raise FetchError(_network_reason(exc, opts.timeout)) from None
        finally:
            # A refused or cut-off answer is not drained (it may never end): its connection is dropped.
            if not complete:
                resp.close()
            resp.release_conn()

    def _send(self, url: str, conditional: dict[str, str]) -> Any:
        import urllib3

        opts = self.options
        retry = urllib3.Retry(
            total=opts.retries,
            status=0,
            respect_retry_after_header=False,  # 429 and 503 are retried by _exchange
            allowed_methods=frozenset({"GET"}),
            backoff_factor=opts.backoff,
            backoff_max=opts.backoff_max,
            redirect=False,
        )
        return self.pool.request(
            "GET",
            url,
            headers={**self.pool.headers, **conditional},
            retries=retry,
            redirect=False,
            timeout=urllib3.Timeout(connect=opts.timeout, read=opts.timeout),
            preload_content=False,
            decode_content=True,
        )

    def _body(self, resp: Any, headers: dict[str, str], limit: int) -> bytes:
        too_large = FetchError(f"too large (over {limit / (1024 * 1024):g} MB)")
        declared = headers.get("content-length", "")
        if declared.isdigit() and "content-encoding" not in headers and int(declared) > limit:
            raise too_large
        chunks, size = [], 0
        deadline = time.monotonic() + self.options.deadline
        for chunk in resp.stream(_CHUNK, decode_content=True):
            size += len(chunk)
            if size > limit:
                # Counted after decompression: a small gzip or brotli bomb stops here too.
                raise too_large
            if time.monotonic() > deadline:
                raise FetchError(f"too slow (no complete answer in {self.options.deadline:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)


def _check_type(content_type: str | None, kind: str) -> None:
    mtype, _ = media_type(content_type)
    if not mtype:
        return  # no type given: the bytes are judged once they are here
    if kind == "html" and mtype not in HTML_TYPES:
        raise FetchError(f"not an HTML page: {describe(mtype)}")
    if kind == "feed" and mtype not in FEED_TYPES | FEED_LENIENT:
        raise FetchError(f"not an RSS or Atom feed: {describe(mtype)}")


def _network_reason(exc: Exception, timeout: float) -> str:
    from urllib3.exceptions import (
        ConnectTimeoutError,
        DecodeError,
        MaxRetryError,
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        ReadTimeoutError,
        SSLError,
    )

    if isinstance(exc, MaxRetryError) and exc.reason is not None:
        exc = exc.reason
    if isinstance(exc, NameResolutionError):
        return "cannot resolve the host name"
    if isinstance(exc, ConnectTimeoutError):
        return f"timed out connecting (after {timeout:g} s)"
    if isinstance(exc, ReadTimeoutError):
        return f"timed out (no answer for {timeout:g} s)"
    if isinstance(exc, NewConnectionError):
        return "cannot connect (connection refused or unreachable)"
    if isinstance(exc, SSLError):
        return "TLS error (certificate or handshake)"
    if isinstance(exc, DecodeError):
        return "corrupt compressed body"
    if isinstance(exc, ProtocolError):
        return "connection broken off"
    return f"network error ({type(exc).__name__})"


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())
