"""corpus/manifest.toml: optional per-file metadata written by the user.

    [outlets]                      # optional: extend the outlet registry
    "Daily Example" = ["Example Daily", "DEX"]

    [files."000_example.txt"]      # path relative to the manifest
    outlet = "AsiaNews"
    origin = "AsiaNews"
    publisher = "AsiaNews"
    url = "https://..."
    published = 2024-06-06         # a TOML date or an ISO string
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MANIFEST_NAME = "manifest.toml"
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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read manifest ({exc})", "SC030") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"malformed manifest ({exc})", "SC030") from None
    files: dict[str, dict[str, str]] = {}
    for name, entry in (data.get("files") or {}).items():
        if not isinstance(entry, dict):
            raise InputError(str(path), f"manifest entry {name!r} is not a table", "SC030")
        files[name] = {k: _text(v) for k, v in entry.items() if k in FIELDS and v is not None}
    outlets = {}
    for name, aliases in (data.get("outlets") or {}).items():
        if isinstance(aliases, str):
            aliases = [aliases]
        outlets[str(name)] = tuple(str(a) for a in aliases)
    return Manifest(root=path.resolve().parent, files=files, outlets=outlets, path=path)


def _text(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)
