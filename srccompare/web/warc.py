"""Web archives (warcio): read WARC/WARC.gz files as documents, and write what `fetch` fetched as one.

Each HTML response record of an archive is a document: its id is "ARCHIVE#TARGET-URI", its url the
record's WARC-Target-URI and its fetched_at the record's WARC-Date. Requests, metadata, revisits,
non-2xx answers and anything not HTML (images, scripts, style sheets) are skipped: a crawl holds many.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from http.client import responses
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Document, Problem
from ..options import Options
from ..output import replace_atomic
from .pages import HTML_TYPES, media_type, page_charset

# Headers that described the bytes on the wire, not the decoded body the archive keeps.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def warc_documents(display: str, path: Path, options: Options) -> Iterator[Document | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from ..ingest.read import decode, display_name, normalise, sniff_format

    if not path.is_file():
        yield Problem(display, "no such file" if not path.exists() else "not a regular file", "SC001")
        return
    found = 0
    seen: set[str] = set()
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                mtype, _ = media_type(record.http_headers.get_header("Content-Type"))
                if not status.startswith("2") or (mtype and mtype not in HTML_TYPES):
                    continue
                # What an archive says goes to terminals and reports: one printable line each.
                uri = display_name(record.rec_headers.get_header("WARC-Target-URI") or "")
                date = display_name(record.rec_headers.get_header("WARC-Date") or "") or None
                name = f"{display}#{uri}"
                if name in seen:
                    name = f"{name}@{date}"
                seen.add(name)
                body = record.content_stream().read(options.max_bytes + 1)
                if len(body) > options.max_bytes:
                    yield Problem(name, f"too large (over {options.max_bytes // (1024 * 1024)} MB)", "SC001")
                    continue
                try:
                    text, encoding = decode(
                        name, body, page_charset(record.http_headers.get_header("Content-Type"), body)
                    )
                    if sniff_format(body if encoding == "utf-8" else text.encode("utf-8", "replace"), name) != "html":
                        continue
                except InputError as exc:
                    yield Problem(exc.path, exc.reason, exc.code)
                    continue
                found += 1
                hints = {"url": uri, "fetched_at": date} if date else {"url": uri}
                yield Document(id=name, path=name, text=normalise(text), format="html", encoding=encoding, hints=hints)
    except (ArchiveLoadFailed, Exception) as exc:  # noqa: B014  (warcio meets a corrupt record with any error)
        yield Problem(display, f"corrupt WARC archive ({_short(exc)})", "SC001")
        return
    if not found:
        yield Problem(display, "no HTML pages in this web archive", "SC003")


def _short(exc: Exception) -> str:
    from ..ingest.read import display_name

    return display_name(" ".join(str(exc).split())[:120]) or type(exc).__name__


@dataclass(frozen=True)
class Capture:
    """One page as fetched, for the archive `fetch --warc` writes."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str


def write_warc(target: str | os.PathLike[str], captures: list[Capture], software: str) -> None:
    """Write the captures as WARC response records (gzipped per record when the name ends in .gz),
    atomically: a run that fails leaves no half archive."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def write(fh: BinaryIO) -> None:
        writer = WARCWriter(fh, gzip=Path(target).name.lower().endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(Path(target).name, {"software": software}))
        for cap in captures:
            headers = [(k.title(), v) for k, v in cap.headers.items() if k not in _WIRE_HEADERS]
            headers.append(("Content-Length", str(len(cap.body))))
            status = f"{cap.status} {responses.get(cap.status, '')}".strip()
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                cap.url,
                "response",
                payload=io.BytesIO(cap.body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": cap.fetched_at},
            )
            writer.write_record(record)

    replace_atomic(Path(target), write)
