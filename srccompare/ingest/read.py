"""Read inputs (files, directories, ``-``, .gz) into decoded Documents.

Every input that cannot be used becomes a Problem naming the path and the reason; the rest go on.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError
from ..model import Document, Format, Problem
from ..options import DEFAULT_OPTIONS, Options
from .manifest import MANIFEST_NAME, Manifest, load_manifest

# Files in a corpus directory that are configuration, not articles.
CONFIG_NAMES = frozenset({MANIFEST_NAME, "srccompare.toml", "pyproject.toml"})

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAG = re.compile(
    rb"</?(?:p|div|span|a|br|table|tr|td|li|ul|h[1-6]|article|section|meta|script|style|title)\b[^>]*>", re.I
)
_OTHER_FORMATS = (
    (re.compile(rb"^\s*<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*<(?!html\b|!doctype\s+html)", re.I | re.S), "XML"),
    (re.compile(rb"^\s*<(?:rss|feed|rdf:RDF)\b", re.I), "an RSS/Atom feed"),
    (re.compile(rb"^\{\\rtf"), "RTF"),
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Invisible marks that pasted text carries at the edges of lines (direction marks from right-to-left
# pages, zero-width spaces, a BOM where files were concatenated). At a line's edge they belong to no
# word, and they hide a sentence's end mark or make a blank line look like a paragraph.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_ANY_MARK = re.compile(rf"[{_INVISIBLE}]")
_EDGE_MARKS = re.compile(rf"^([ \t]*)[{_INVISIBLE}]+|[{_INVISIBLE}]+(?=[ \t]*$)", re.M)


class Input(NamedTuple):
    """One input as found: ``folder`` is the folder the user named that it was found in (None for a
    file named itself, or stdin); ``reason`` says why it cannot be read before any byte is (an
    unreadable folder, a link out of the folder)."""

    display: str
    path: Path | None
    folder: Path | None = None
    reason: str | None = None


def iter_paths(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Expand the inputs: directories recursively in sorted order; ``-`` is stdin (path None).

    Each comes with the name it is shown and identified by, which is always one printable line.
    An input named twice ("corpus/ ./corpus/a.txt", "- -") is read once: article ids stay unique,
    and one file is not reported as its own duplicate."""
    for item in iter_inputs(paths):
        yield item.display, item.path


def holds_at_least(paths: Sequence[str], n: int) -> bool:
    """Whether the inputs name at least ``n`` files, by a quick count that stops there (no file is
    opened, links and unreadable names count as files): enough to know that workers will be wanted."""
    count = 0
    for raw in paths:
        if os.path.isdir(raw):
            for _root, _dirs, files in os.walk(raw):
                count += len(files)
                if count >= n:
                    return True
        else:
            count += 1
        if count >= n:
            return True
    return False


def iter_inputs(paths: Iterable[str], follow_links: bool = False) -> Iterator[Input]:
    """iter_paths with where each file was found and, for those that cannot be read, why.

    A file met in a named folder through a link that leads out of that folder is not read unless
    ``follow_links``: a link to /etc/passwd or a private file must not land in a report."""
    seen: set[object] = set()
    for item in _expand(paths):
        path = item.path
        key = item.display if path is None else _identity(path)
        if key in seen:
            continue
        seen.add(key)
        if path is not None and item.folder is not None and item.reason is None and not follow_links:
            if os.path.islink(path) and not os.path.isdir(path):  # a linked folder is named in read_bytes
                target = os.path.realpath(path)
                root = os.path.realpath(item.folder)
                if os.path.exists(target) and os.path.commonpath([root, target]) != root:
                    item = item._replace(
                        reason=f"link to {display_name(target)}, outside {display_name(str(item.folder))}: "
                        "not followed (--follow-links reads it)"
                    )
        yield item


def _identity(path: Path) -> object:
    """What makes two names one file: its device and inode (one stat; resolving every name cost a
    second on a corpus of 10,000 files), or, for a name that cannot be read, where it resolves."""
    try:
        found = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (found.st_dev, found.st_ino)


def _expand(paths: Iterable[str]) -> Iterator[Input]:
    for raw in paths:
        if raw == "-":
            yield Input("-", None)
            continue
        p = Path(raw)
        if p.is_dir():
            errors: list[OSError] = []
            children = sorted(_walk(p, errors))
            for child in children:
                yield Input(display_name(str(child)), child, p)
            for error in errors:
                where = error.filename or raw
                yield Input(display_name(str(where)), Path(where), p, f"cannot read folder ({error.strerror or error})")
            if not children and not errors:
                # Named so that a mistyped or empty corpus folder is not a silent success.
                yield Input(display_name(raw), p)
        elif p.name not in CONFIG_NAMES:
            # "corpus/*" names the manifest too: it describes the articles, it is not one.
            yield Input(display_name(raw), p)


def display_name(path: str) -> str:
    """A file name as one printable line of valid UTF-8: a byte that is not UTF-8 (which Python keeps
    as a lone surrogate, and which no output can encode) or a newline in the name is escaped."""
    if path.isprintable():
        return path
    try:
        text = os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        text = path.encode("utf-8", "backslashreplace").decode("ascii")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _walk(root: Path, errors: list[OSError] | None = None) -> Iterator[Path]:
    # An unreadable subfolder is collected in errors, to be named: os.walk skips it silently otherwise.
    for dirpath, dirnames, filenames in os.walk(
        root, followlinks=False, onerror=errors.append if errors is not None else None
    ):
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "__"))]
        # A linked folder is not walked (it may loop back), but it is named, never skipped silently.
        yield from (Path(dirpath) / d for d in dirnames if os.path.islink(os.path.join(dirpath, d)))
        for name in filenames:
            if name.startswith(".") or name in CONFIG_NAMES:
                continue
            yield Path(dirpath) / name


def read_bytes(display: str, path: Path | None, options: Options) -> bytes:
    if path is None:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
    else:
        if path.is_symlink() and not path.exists():
            raise InputError(display, "symlink loop" if _is_loop(path) else "dangling symlink", "SC001")
        if not path.exists():
            raise InputError(display, "no such file or directory", "SC001")
        if path.is_dir() and path.is_symlink() and any(True for _ in _walk(path)):
            # Only a linked folder met while walking another one arrives here with files in it.
            raise InputError(display, "link to a folder, not followed (name it as an input to read it)", "SC001")
        if path.is_dir():
            raise InputError(display, "no article files in this directory (hidden files are skipped)", "SC001")
        if not path.is_file():
            raise InputError(display, "not a regular file", "SC001")
        try:
            with path.open("rb") as fh:
                data = fh.read(options.max_bytes + 1)
        except OSError as exc:
            raise InputError(display, f"cannot read ({exc.strerror or exc})", "SC001") from None
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as gz:
                data = gz.read(options.max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise InputError(display, f"corrupt gzip data ({exc})", "SC001") from None
    if len(data) > options.max_bytes:
        raise InputError(display, f"too large (over {options.max_bytes // (1024 * 1024)} MB)", "SC001")
    return data


def _is_loop(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def decode(display: str, data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding). Raises InputError for empty, binary or undecodable input.

    ``charset`` (from HTTP headers, or a manifest's charset) is used when the bytes decode with it."""
    if not data.strip():
        raise InputError(display, "empty file", "SC003")
    text, encoding = _decode(display, data, charset)
    # A BOM or a UTF-16 guess can decode anything: judge what came out, not only the bytes.
    if not text.strip("\ufeff \t\n\r\f\v"):
        raise InputError(display, "empty file", "SC003")
    if _looks_binary(text):
        raise InputError(display, "binary file, not text or HTML", "SC002")
    return text, encoding


def _decode(display: str, data: bytes, charset: str | None = None) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise InputError(display, f"undecodable bytes (bad {enc})", "SC001") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(display, f"binary file ({what}), not text or HTML", "SC002")
    if charset:
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a BOM shows NULs in every other byte; anything else with NULs is binary.
        for enc, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if zeros.count(0) > 0.9 * len(zeros):
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError:
                    break
        raise InputError(display, "binary file, not text or HTML", "SC002")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    western = _windows_1252(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(display, "undecodable bytes (no text encoding fits)", "SC001")
    encoding = _prefer_western(matches, best)
    return data.decode(encoding), encoding


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with stray bytes (a cut-off copy, a curly quote pasted in from a Windows program) is
    UTF-8: a single-byte guess would turn every valid accent and dash in it into mojibake. Text in a
    legacy encoding almost never forms valid multi-byte UTF-8 sequences, so it is UTF-8 when it has
    some and its invalid bytes do not outnumber them by far (Cyrillic or CJK legacy text is all
    invalid bytes). The stray bytes are read as Windows-1252, the encoding they nearly always come
    from, so "it\x92s" is "it’s" rather than a replacement mark."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid >= 1 and bad <= 4 * valid:
        return data.decode("utf-8", _STRAY_AS_CP1252)
    return None


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)  # registered for decoding only
    stray = exc.object[exc.start : exc.end]
    if len(stray) > 1:
        return "\ufffd", exc.end  # a UTF-8 sequence cut short, not a Windows-1252 character
    return stray.decode("cp1252", errors="replace").replace("\ufffd", ""), exc.end


_STRAY_AS_CP1252 = "srccompare-stray-cp1252"
codecs.register_error(_STRAY_AS_CP1252, _stray_as_cp1252)


# Windows-1252 is taken over charset-normalizer's guess when its C1 bytes are punctuation and at most this
# share of the letters it gives are non-ASCII: Western prose has a few accents (French about 4%, Icelandic
# under 15%), while Cyrillic or Greek code pages read as Windows-1252 give words of accented letters only.
_CP1252_MAX_ACCENTED = 0.3


def _windows_1252(data: bytes) -> str | None:
    """The text, when the bytes are Windows-1252 Latin-script prose: they decode as it, they use the
    0x80-0x9F block the way Windows programs do (curly quotes, dashes, ellipsis, euro, trademark) and
    the letters are mostly ASCII. Short texts fit a dozen code pages; which one charset-normalizer
    ranks first changes from release to release (cp1250, cp1257, cp775 for the same bytes), so this
    common case is decided here, before it is asked."""
    c1 = {b for b in data if 0x80 <= b <= 0x9F}
    if not c1:
        return None  # no Windows-only punctuation: Latin-1 vs Latin-2 vs others is charset-normalizer's call
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # 0x81, 0x8D, 0x8F, 0x90 or 0x9D: not Windows-1252
    if not all(unicodedata.category(bytes([b]).decode("cp1252"))[0] in "PS" for b in c1):
        return None  # Š, Œ, Ÿ... from another code page's letters (Czech, Polish, Baltic)
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ch > "\x7f")
    if not letters or accented > _CP1252_MAX_ACCENTED * len(letters):
        return None
    return text


# How much more "chaos" (charset_normalizer's mess score) cp1252 may show and still win.
_WESTERN_SLACK = 0.1


def _prefer_western(matches, best) -> str:
    """Short Western texts fit many single-byte code pages about equally well; cp1252 is what
    browsers assume for unlabelled legacy text, so take it when it is a near-tie."""
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _WESTERN_SLACK:
            return "cp1252"
    return best.encoding


# The control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) but for the
# line and tab controls text uses; one regex pass instead of a category lookup per character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    return controls > 0.02 * max(1, len(sample))


def sniff_format(data: bytes, display: str = "-") -> Format:
    """Tell HTML from plain text by content, never by extension.

    Structured formats that are neither (JSON, RSS/Atom or other XML, RTF) raise InputError: their
    markup would otherwise be cleaned as if it were prose."""
    head = data[:4096]
    if _HTML_START.match(head):
        return "html"
    if head.lstrip()[:1] in (b"{", b"[") and _is_json(data):
        raise InputError(display, "unknown format (JSON), not an article as text or HTML", "SC005")
    for pattern, what in _OTHER_FORMATS:
        if pattern.match(head):
            raise InputError(display, f"unknown format ({what}), not an article as text or HTML", "SC005")
    tags = _TAG.findall(data[:65536])
    if len(tags) >= 5 and sum(len(t) for t in tags) > 0.05 * min(len(data), 65536):
        return "html"
    return "text"


def _is_json(data: bytes) -> bool:
    import json

    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def normalise(text: str) -> str:
    """One newline convention and NFC; no word is changed."""
    text = _NEWLINES.sub("\n", text)
    if _ANY_MARK.search(text):
        text = _EDGE_MARKS.sub(r"\1", text)
    return unicodedata.normalize("NFC", text)


def read_document(
    display: str,
    path: Path | None,
    options: Options = DEFAULT_OPTIONS,
    hints: dict[str, str] | None = None,
    outlets: dict[str, tuple[str, ...]] | None = None,
    data: bytes | None = None,
) -> Document:
    if data is None:
        data = read_bytes(display, path, options)
    text, encoding = decode(display, data, (hints or {}).get("charset"))
    fmt: Format = sniff_format(text.encode("utf-8", "replace") if encoding != "utf-8" else data, display)
    return Document(
        id=display,
        path=display,
        text=normalise(text),
        format=fmt,
        encoding=encoding,
        hints=dict(hints or {}),
        outlets=dict(outlets or {}),
    )


def is_url(raw: str) -> bool:
    """An input like 'https://...' (or any 'scheme://'): fetched, or refused by name, never read as a path."""
    return bool(_URL_INPUT.match(raw))


_URL_INPUT = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_WARC_SUFFIXES = (".warc", ".warc.gz")


def read_documents(paths: Iterable[str], options: Options = DEFAULT_OPTIONS) -> Iterator[Document | Problem]:
    """Yield one Document or one Problem per input file, in input order.

    URLs are fetched first (srccompare.web), and a web archive (.warc, .warc.gz) gives one Document per
    HTML page in it. A broken manifest is reported once, and its files are read without it."""
    paths = list(paths)
    urls = [p for p in paths if is_url(p)]
    if not urls:
        yield from _read_files(paths, options)
        return
    from ..web.inputs import fetch_inputs

    fetched = fetch_inputs(urls, options)
    run: list[str] = []
    for raw in [*paths, None]:
        if raw is not None and not is_url(raw):
            run.append(raw)
            continue
        yield from _read_files(run, options)
        run = []
        if raw is not None:
            yield from fetched.pop(raw, ())


def _read_files(paths: list[str], options: Options) -> Iterator[Document | Problem]:
    manifests: dict[Path, Manifest | Problem | None] = {}
    reported: set[str] = set()
    for display, path, folder, reason in iter_inputs(paths, options.follow_links):
        if reason is not None:
            yield Problem(display, reason, "SC001")
            continue
        if path is not None and path.name.lower().endswith(_WARC_SUFFIXES) and not path.is_dir():
            from ..web.warc import warc_documents

            yield from warc_documents(display, path, options)
            continue
        hints: dict[str, str] = {}
        outlets: dict[str, tuple[str, ...]] = {}
        if path is not None and options.use_manifest:
            found = manifest_for(path, manifests)
            if isinstance(found, Problem):
                if found.path not in reported:
                    reported.add(found.path)
                    yield found
            elif found is not None:
                hints, outlets = found.hints_for(path), found.outlets
        try:
            data = read_bytes(display, path, options)
            own = own_output(data)
            if own is not None:
                if folder is not None:
                    continue  # a report written into the corpus folder is not an article of it
                raise InputError(display, f"srccompare's own {own}, not an article", "SC005")
            yield read_document(display, path, options, hints, outlets, data)
        except InputError as exc:
            yield Problem(exc.path, exc.reason, exc.code)


# What srccompare writes, recognised by content, so that `compare corpus/ -o corpus/report.html`
# does not read its own report back as an article on the next run (docs/inputs.md).
_OWN_OUTPUTS = (
    (re.compile(rb'<meta name="generator" content="srccompare[ "]'), "HTML report"),
    (re.compile(rb"\A(?:\xef\xbb\xbf)?# srccompare report\r?\n"), "Markdown report"),
    (re.compile(rb"\A(?:\xe2\x94\x80)+ srccompare: \d+ articles?, "), "text report"),
    (re.compile(rb'\A\{\s*"schema_version": \d+,\s*"(?:articles|files)"'), "JSON report"),
    (re.compile(rb'\A\[\s*\{\s*"id": "[^"\n]*",\s*"path": '), "cleaned articles (JSON)"),
    (re.compile(rb"\A# [^\n]+\n(?:[a-z]+: [^\n]*\n){0,9}dropped: \d+ lines\n\n"), "cleaned articles (text)"),
)


def own_output(data: bytes) -> str | None:
    """What kind of srccompare output ``data`` is, or None for anything else."""
    head = data[:4096]
    for pattern, kind in _OWN_OUTPUTS:
        if pattern.search(head):
            return kind
    return None


def manifest_for(path: Path, cache: dict[Any, Any]) -> Manifest | Problem | None:
    """The manifest of the nearest enclosing directory that has one (up to 3 levels up)."""
    # realpath, not resolve(): a symlink loop must reach read_bytes and be named, not raise here.
    # The files of one folder share its real path and candidates (one lookup per folder, not one
    # per file), unless the file itself is a link.
    if path.is_symlink():
        directory = Path(os.path.realpath(path)).parent
        candidates = (directory, *list(directory.parents)[:3])
    else:
        given = ("folder", str(path.parent))
        if given not in cache:
            directory = Path(os.path.realpath(path.parent))
            cache[given] = (directory, *list(directory.parents)[:3])
        candidates = cache[given]
    for candidate in candidates:
        if candidate not in cache:
            manifest_path = candidate / MANIFEST_NAME
            if not manifest_path.is_file():
                cache[candidate] = None
                continue
            try:
                cache[candidate] = load_manifest(manifest_path)
            except InputError as exc:
                cache[candidate] = Problem(exc.path, exc.reason, exc.code)
        if cache[candidate] is not None:
            return cache[candidate]
    return None
