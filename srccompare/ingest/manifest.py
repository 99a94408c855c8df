"""corpus/manifest.toml: optional per-file metadata written by the user.

    [outlets]                      # optional: extend the outlet registry
    "Daily Example" = ["Example Daily", "DEX"]

    [files."000_example.txt"]      # path relative to the manifest
    outlet = "AsiaNews"
    origin = "AsiaNews"
    publisher = "AsiaNews"
    url = "https://..."
    published = 2024-06-06         # a TOML date or an ISO string

`srccompare fetch` writes the same tables, with the provenance of each page it downloaded: url (as
asked), final_url (after redirects), fetched_at (ISO 8601, UTC), status (HTTP), sha256 (of the page's
bytes as served, before srccompare gzipped them), etag, last_modified, charset (the one the page was
read with: the headers', else the page's own, else detected; the reader uses it too) and feed (the feed
that listed the page). A re-fetch
replaces those keys and keeps the others (an outlet added by hand stays), and leaves the rest of the
file, comments included, as it was.

Every value is one line of text: a tab or line break in it becomes a space, any other C0 or C1
control character (NUL, ESC, ...) is dropped, and spaces at either end are trimmed.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..errors import InputError

MANIFEST_NAME = "manifest.toml"
# Metadata ends up in terminals, annotations and XML: a control character there is at best noise and
# at worst an escape sequence or invalid XML, and no outlet, title or url needs one.
_BREAKS = re.compile(r" *[\t\n\v\f\r\x1c-\x1f\x85]+ *")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# tomllib ends a syntax error with where it is, and load_manifest wraps it in "malformed manifest (...)".
# Anchored at the end, since other reasons quote entry names, which could hold the same words.
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)\)$")
FIELDS = ("outlet", "origin", "publisher", "url", "published", "title", "byline", "dateline", "language")
PROVENANCE = ("final_url", "fetched_at", "status", "sha256", "etag", "last_modified", "charset", "feed")


@dataclass(frozen=True)
class Manifest:
    root: Path
    files: dict[str, dict[str, str]] = field(default_factory=dict)
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def empty(cls) -> Manifest:
        return cls(root=Path("."))

    def hints_for(self, path: Path) -> dict[str, str]:
        try:
            rel = path.resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the manifest's folder, or a symlink loop
            rel = path.name
        return dict(self.files.get(rel) or self.files.get(path.name) or {})

    def listed_paths(self) -> list[Path]:
        return [self.root / name for name in self.files]


def load_manifest(path: Path) -> Manifest:
    from ..userfiles import UserFileError, loads_toml, read_user_file

    try:
        text = read_user_file(path)
    except UserFileError as exc:
        raise InputError(str(path), f"cannot read manifest ({exc})", "SC030") from None
    try:
        data = loads_toml(text)
    except UserFileError as exc:
        raise InputError(str(path), f"malformed manifest ({exc})", "SC030") from None

    def bad(what: str) -> InputError:
        return InputError(str(path), f"malformed manifest ({what})", "SC030")

    files: dict[str, dict[str, str]] = {}
    for name, entry in _table(data, "files", bad).items():
        if not isinstance(entry, dict):
            raise InputError(str(path), f"manifest entry {name!r} is not a table", "SC030")
        files[name] = {
            k: _field(name, k, v, bad) for k, v in entry.items() if k in FIELDS + PROVENANCE and v is not None
        }
    outlets = {}
    for name, aliases in _table(data, "outlets", bad).items():
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise bad(f"outlets.{name} must be a name or a list of names")
        outlets[_text(str(name))] = tuple(filter(None, map(_text, aliases)))
    return Manifest(root=path.resolve().parent, files=files, outlets=outlets, path=path)


def error_line(reason: str) -> int | None:
    """The line of a manifest's TOML syntax error, from the reason load_manifest gave; None if it has none."""
    match = _AT_LINE.search(reason)
    return int(match.group(1)) if match else None


def _table(data: dict, key: str, bad) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise bad(f"{key} must be a table, like [{key}]")
    return value


def _field(name: str, key: str, value: object, bad) -> str:
    """A field as text; a published date must be a date, since it goes out as one."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if key == "status" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise bad(f"{key} of {name!r} must be text, not {type(value).__name__}")
    value = _text(value)
    if key == "published":
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            raise bad(f"published of {name!r} is not a date like 2024-06-06: {value!r}") from None
    return value


def _text(value: str) -> str:
    return _CONTROLS.sub("", _BREAKS.sub(" ", value)).strip()


# -- writing --------------------------------------------------------------------------------------------

# Keys in the order a person reads an entry: what it is, then where it came from.
_ORDER = {
    key: n for n, key in enumerate(("outlet", "origin", "publisher", "title", "published") + ("url",) + PROVENANCE)
}


def updated_manifest(text: str, entries: dict[str, dict[str, object]], where: str = MANIFEST_NAME) -> str:
    """The manifest ``text`` with a [files."NAME"] table written for each entry: its keys replace the
    entry's old values (a value None removes the key), its other keys stay. The rest of the text stays
    as it is; only a manifest whose entries are not written as [files."NAME"] tables is rewritten whole
    (its comments are then lost). A malformed manifest raises InputError: it is never overwritten."""

    def bad(what: str) -> InputError:
        return InputError(where, f"malformed manifest ({what})", "SC030")

    try:
        data = tomllib.loads(text) if text.strip() else {}
    except tomllib.TOMLDecodeError as exc:
        raise bad(str(exc)) from None
    old = _table(data, "files", bad)
    merged = {name: _merge(old.get(name), entry) for name, entry in entries.items()}
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    blocks = _blocks(lines)
    appended: list[str] = []
    # From the last block up, so that the line numbers of the blocks above stay right.
    for name in sorted(merged, key=lambda n: -blocks.get(n, (-1, -1))[0]):
        block = _entry_text(name, merged[name])
        if name in blocks:
            start, end = blocks[name]
            lines[start:end] = [block]
        else:
            appended.append(block)
    new = "".join(lines)
    if appended:
        new += ("\n" if new.strip() and not new.endswith("\n\n") else "") + "\n".join(appended)
    try:
        ok = tomllib.loads(new).get("files", {}) == {**old, **merged}
    except tomllib.TOMLDecodeError:
        ok = False
    if not ok:
        data["files"] = {**old, **merged}
        new = _render_all(data)
    return new


def _merge(old: object, new: dict[str, object]) -> dict[str, object]:
    entry = dict(old) if isinstance(old, dict) else {}
    for key, value in new.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    return dict(sorted(entry.items(), key=lambda kv: _ORDER.get(kv[0], -1)))


def _blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Line ranges of the [files."NAME"] tables: from the header to the next table, comments and
    blank lines before that next table left with it."""
    heads = [i for i, line in enumerate(lines) if line.lstrip().startswith("[")]
    found: dict[str, tuple[int, int]] = {}
    for n, start in enumerate(heads):
        try:
            parsed = tomllib.loads(lines[start])
        except tomllib.TOMLDecodeError:
            continue
        files = parsed.get("files")
        if list(parsed) != ["files"] or not isinstance(files, dict) or len(files) != 1:
            continue
        ((name, value),) = files.items()
        if value != {}:
            continue
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        found[name] = (start, end)
    return found


def _entry_text(name: str, entry: dict[str, object]) -> str:
    return f"[files.{_string(name)}]\n" + "".join(f"{_key(k)} = {_value(v)}\n" for k, v in entry.items())


def _render_all(data: dict) -> str:
    out: list[str] = []
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    out.extend(f"{_key(k)} = {_value(v)}\n" for k, v in scalars.items())
    for key, table in data.items():
        if not isinstance(table, dict):
            continue
        if key == "files":
            out.extend(("\n" if out else "") + _entry_text(name, dict(entry)) for name, entry in table.items())
        else:
            out.append(("\n" if out else "") + f"[{_key(key)}]\n")
            out.extend(f"{_key(k)} = {_value(v)}\n" for k, v in table.items())
    return "".join(out)


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(value: str) -> str:
    import json

    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return _string(str(value))
