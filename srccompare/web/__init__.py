"""Web ingest: fetch pages and feeds into a corpus folder with their provenance; read web archives.

``fetch(urls, out_dir)`` is the library call behind `srccompare fetch`. Which addresses it contacts
is ruled by safety.py; every number it tunes is in options.py. Nothing here imports urllib3,
feedparser or warcio until a fetch runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Problem
from .options import DEFAULT_FETCH_OPTIONS, FetchOptions

__all__ = ["FetchOptions", "FetchResult", "Fetched", "fetch"]


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    file: str  # name in the output folder
    state: str  # "fetched" (new or changed) or "unchanged"
    final_url: str
    fetched_at: str


@dataclass(frozen=True)
class FetchResult:
    pages: tuple[Fetched, ...] = ()
    problems: tuple[Problem, ...] = ()
    manifest: str | None = None
    archive: str | None = None
    skipped: int = 0  # feed items older than `since`
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Job:
    url: str
    feed: str | None = None
    published: dt.datetime | None = None


def fetch(
    urls: Iterable[str] = (),
    out_dir: str | os.PathLike[str] = ".",
    *,
    feeds: Iterable[str] = (),
    since: str | dt.date | None = None,
    warc: str | os.PathLike[str] | None = None,
    options: FetchOptions = DEFAULT_FETCH_OPTIONS,
) -> FetchResult:
    """Download pages (and the pages that feeds list) into ``out_dir``, gzipped, with their provenance
    in ``out_dir/manifest.toml``; a page already there is asked for again conditionally and kept when
    unchanged. ``since`` keeps only feed items dated at or after it. ``warc`` also writes every page of
    the run into a web archive. A page that cannot be fetched is a Problem in the result; the others go on."""
    from concurrent.futures import ThreadPoolExecutor

    from .client import Client
    from .feeds import feed_items, parse_since
    from .safety import Refused, origin
    from .store import Store

    urls, feeds = _unique(urls), _unique(feeds)
    problems: list[Problem] = []
    named = set()
    for url in [*urls, *feeds]:
        try:
            named.add(origin(url))
        except Refused as exc:
            problems.append(_problem(url, str(exc)))
    bad = {p.path for p in problems}
    store = Store(out_dir)
    client = Client(options, named)
    jobs = [_Job(u) for u in urls if u not in bad]
    skipped = 0
    try:
        since_at = parse_since(since)
        for feed in feeds:
            if feed in bad:
                continue
            try:
                items, refused, older = feed_items(client, feed, since_at)
            except (Refused, _fetch_error()) as exc:
                problems.append(_problem(feed, str(exc)))
                continue
            skipped += older
            problems.extend(_problem(link, reason) for link, reason in refused)
            known = {j.url for j in jobs}
            jobs.extend(_Job(i.url, i.feed, i.published) for i in items if i.url not in known)
        pages: list[Fetched] = []
        captures = []
        pool = ThreadPoolExecutor(max_workers=max(1, options.workers))
        try:
            futures = [(job, pool.submit(_download, client, job.url, store.conditional(job.url))) for job in jobs]
            # In input order, so that the manifest and the messages do not depend on timing.
            for job, future in futures:
                outcome = future.result()
                if isinstance(outcome, Problem):
                    problems.append(outcome)
                    continue
                try:
                    page, capture = _keep(store, job, outcome)
                except OSError as exc:
                    problems.append(Problem(job.url, f"cannot write into {out_dir}: {exc.strerror or exc}", "SC001"))
                    continue
                pages.append(page)
                if capture is not None:
                    captures.append(capture)
        finally:
            # On Ctrl-C the pages not started are dropped; those under way end within their timeouts.
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        store.commit()
        client.close()
    archive = None
    if warc is not None and captures:
        from .warc import write_warc

        write_warc(warc, captures, options.user_agent)
        archive = os.fspath(warc)
    counts = {
        "fetched": sum(p.state == "fetched" for p in pages),
        "unchanged": sum(p.state == "unchanged" for p in pages),
    }
    return FetchResult(tuple(pages), tuple(problems), str(store.manifest_path), archive, skipped, counts)


def _problem(url: str, reason: str, code: str = "SC001") -> Problem:
    """A reason can quote what a server sent (a Location header, a status phrase, a media type): it is
    made one printable line, so that no escape sequence from a server reaches a terminal."""
    from ..ingest.read import display_name

    return Problem(url, display_name(reason), code)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))


def _fetch_error() -> type[Exception]:
    from .client import FetchError

    return FetchError


def _download(client, url: str, conditional: dict[str, str]):
    """One page, in a worker thread: the answer, or a Problem naming the URL."""
    from ..ingest.read import decode, sniff_format
    from .client import FetchError
    from .pages import page_charset
    from .safety import Refused

    try:
        answer = client.get(url, "html", conditional)
        if answer.not_modified:
            if not conditional:
                raise FetchError("HTTP 304 Not Modified, but no copy was asked about")
            return answer, None
        charset = page_charset(answer.headers.get("content-type"), answer.body)
        text, encoding = decode(url, answer.body, charset)
        data = answer.body if encoding == "utf-8" else text.encode("utf-8", "replace")
        if sniff_format(data, url) != "html" and not answer.headers.get("content-type"):
            raise FetchError("not an HTML page (no type given, and the bytes are not HTML)")
        return answer, encoding
    except (FetchError, Refused) as exc:
        return _problem(url, str(exc))
    except InputError as exc:
        return _problem(url, f"not an HTML page: {exc.reason}", "SC002")


def _keep(store, job: _Job, outcome):
    """Write a downloaded page (unless it is unchanged) and its manifest entry; the page as it goes
    into a --warc archive."""
    from .warc import Capture

    answer, encoding = outcome
    entry = store.known(job.url)
    if answer.not_modified or (entry and entry.get("sha256") == hashlib.sha256(answer.body).hexdigest()):
        body = store.read(job.url) if answer.not_modified else answer.body
        name = store.name_for(job.url)
        old = entry or {}
        validators = {"etag": answer.headers.get("etag"), "last_modified": answer.headers.get("last-modified")}
        if not answer.not_modified and any(validators[k] != old.get(k) for k in validators):
            # Same bytes under new validators: keep the page and its fetch time, ask with these next time.
            store.record(name, job.url, validators)
        page = Fetched(
            job.url, name, "unchanged", old.get("final_url") or job.url, old.get("fetched_at") or answer.fetched_at
        )
        if body is None:
            return page, None
        headers = {"content-type": "text/html" + (f"; charset={old['charset']}" if old.get("charset") else "")}
        headers.update({k: old[v] for k, v in (("etag", "etag"), ("last-modified", "last_modified")) if old.get(v)})
        return page, Capture(page.final_url, 200, headers, body, page.fetched_at)
    fields: dict[str, object] = {
        "final_url": answer.final_url,
        "fetched_at": answer.fetched_at,
        "status": answer.status,
        "sha256": hashlib.sha256(answer.body).hexdigest(),
        "etag": answer.headers.get("etag"),
        "last_modified": answer.headers.get("last-modified"),
        "charset": encoding,
        "feed": job.feed,
    }
    if job.published is not None and not (entry or {}).get("published"):
        fields["published"] = job.published.date()
    name = store.save(job.url, answer.body, fields)
    page = Fetched(job.url, name, "fetched", answer.final_url, answer.fetched_at)
    return page, Capture(answer.final_url, answer.status, answer.headers, answer.body, answer.fetched_at)
