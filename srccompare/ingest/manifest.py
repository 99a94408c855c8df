"""corpus/manifest.toml: optional per-file metadata written by the user.

    [outlets]                      # optional: extend the outlet registry
    "Daily Example" = ["Example Daily", "DEX"]

    [files."000_example.txt"]      # path relative to the manifest
    outlet = "AsiaNews"
    origin = "AsiaNews"
    publisher = "AsiaNews"
    url = "https://..."
    published = 2024-06-06         # a TOML date or an ISO string

Every value is one line of text: a tab or line break in it becomes a space, any other C0 or C1
control character (NUL, ESC, ...) is dropped, and spaces at either end are trimmed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

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
        files[name] = {k: _field(name, k, v, bad) for k, v in entry.items() if k in FIELDS and v is not None}
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
