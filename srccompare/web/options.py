"""Every tunable number of web ingest, in one place: FetchOptions and its defaults.

The defaults are polite to a news site and quick enough for a reporter: at most two connections to
one host at a time, each waiting a little between its requests (longer when the host answers
slowly), three retries with exponential backoff on errors and on 429/5xx, and a 10 MB cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__

# The token robots.txt rules are matched against; the User-Agent header starts with it.
ROBOTS_AGENT = "srccompare"
USER_AGENT = f"{ROBOTS_AGENT}/{__version__} (news comparison tool; fetches only the pages its user names)"

# A page over this is refused: news articles are a few hundred kB, and a stream that never ends
# (or a compressed bomb) must stop somewhere well before memory does.
DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FetchOptions:
    # Seconds to connect, and seconds to wait for the next bytes of an answer.
    timeout: float = 20.0
    # Seconds a whole answer may take, so that a server trickling bytes cannot hold a run forever.
    deadline: float = 120.0
    # Retries after a connection error, a timeout, 429 or a 5xx answer: the first at once, then after
    # backoff * 2**n seconds (1 s, 2 s, 4 s...: urllib3's Retry), Retry-After honoured up to backoff_max.
    retries: int = 3
    backoff: float = 0.5
    backoff_max: float = 30.0
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES
    # Connections to one host at a time, and the seconds each waits before its next request (or as
    # long as the host took to answer the last one, or robots.txt's Crawl-delay, whichever is longest).
    per_host: int = 2
    delay: float = 0.1
    # A Crawl-delay above this is taken as this: a robots.txt must not stall a run for hours.
    max_crawl_delay: float = 30.0
    max_redirects: int = 10
    # Threads fetching different hosts at once (a host never gets more than per_host of them).
    workers: int = 8
    robots: bool = True
    # Redirect rules (docs/ingest.md "Which addresses are contacted"):
    allow_other_hosts: bool = False
    allow_private: bool = False
    user_agent: str = USER_AGENT


DEFAULT_FETCH_OPTIONS = FetchOptions()
