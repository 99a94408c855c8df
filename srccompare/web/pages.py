"""What a fetched answer is (its media type) and how its bytes become text (its charset)."""

from __future__ import annotations

import codecs
import re
from email.message import Message

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
# A feed served as text/html or text/plain is common enough: feedparser judges the bytes themselves.
FEED_LENIENT = frozenset({"text/html", "text/plain", "application/octet-stream"})

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# What browsers do (WHATWG Encoding): these labels mean windows-1252, whose extra characters
# (curly quotes, dashes, the euro sign) pages labelled Latin-1 use all the time.
_AS_CP1252 = frozenset({"latin_1", "iso8859-1", "ascii"})


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from a Content-Type header; ('', None) when there is none."""
    if not content_type:
        return "", None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), charset if isinstance(charset, str) else None


def describe(mtype: str) -> str:
    """A few words for a refused media type: 'a PDF (application/pdf)'."""
    if mtype == "application/pdf":
        return "a PDF (application/pdf)"
    if mtype.startswith("image/"):
        return f"an image ({mtype})"
    if mtype in FEED_TYPES:
        return f"a feed or XML document ({mtype}; give feeds with --feed)"
    return f"{mtype or 'unknown type'}"


def codec(label: str | None) -> str | None:
    """Python's codec for a charset label, or None for a label it does not know."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def page_charset(content_type: str | None, body: bytes) -> str | None:
    """The charset of a page: the header's, else the page's own <meta>, each taken only if the bytes
    decode with it. None leaves the choice to srccompare's reader (BOM, UTF-8, detection).

    One departure from browsers, for real pages: a label naming a single-byte code page on bytes that
    are valid UTF-8 with multi-byte characters in them is wrong (servers label UTF-8 pages Latin-1
    by default), since legacy text almost never forms valid UTF-8 sequences by chance."""
    if body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    meta = _META_CHARSET.search(body[:4096])
    for label in (media_type(content_type)[1], meta.group(1).decode("ascii") if meta else None):
        enc = codec(label)
        if enc is None or enc.startswith(("utf-16", "utf-32")):
            continue  # a UTF-16 page has a BOM; without one the label is wrong (WHATWG reads UTF-8)
        if enc != "utf-8" and _utf8_with_multibyte(body):
            return "utf-8"
        try:
            body.decode(enc)
        except UnicodeDecodeError:
            continue
        return enc
    return None


def _utf8_with_multibyte(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
