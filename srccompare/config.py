"""User configuration: ``[tool.srccompare]`` in pyproject.toml or a ``srccompare.toml`` beside the corpus.

Looked for in the corpus folder, then at the root of its git repository, nowhere else; the report
names the file used (a notice), and ``--config`` names one explicitly.

[tool.srccompare]                  # in srccompare.toml the table may also be top level
select = ["SC0", "SC1"]            # rule code prefixes to run (default: all)
ignore = ["SC050"]                 # rule code prefixes to skip
required = ["title", "published"]  # manifest fields every article must have (else an error)
min-words = 80                     # body too short below this many words
near-duplicate = 0.9               # similarity (0-1) from which two bodies are near-duplicates
date-window-days = 365             # a date further than this from its story's median is flagged
baseline-tolerance = 2             # added/omitted lists may change by this many facts
furniture = ["Lire aussi"]         # extra furniture phrases for the cleaner and the checks
[tool.srccompare.outlets]
"Daily Example" = ["Example Daily", "DEX"]
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError

CONFIG_NAMES = ("srccompare.toml", "pyproject.toml")
META_FIELDS = ("title", "published", "outlet", "origin", "publisher", "url", "byline", "dateline")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    min_words: int = 80
    near_duplicate: float = 0.9
    date_window_days: int = 365
    baseline_tolerance: int = 2
    furniture: tuple[str, ...] = ()
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str | None = None


def find_config(paths: Iterable[str]) -> Path | None:
    """The srccompare.toml, or pyproject.toml with a [tool.srccompare] table, of the corpus: looked
    for in each input's folder, then in the root of the git repository it is in, and nowhere else
    (a file in some parent folder, or in the home folder, is not the corpus's)."""
    seen: set[Path] = set()
    for raw in paths:
        if raw == "-":
            continue
        start = Path(os.path.realpath(raw))
        start = start if start.is_dir() else start.parent
        for directory in (start, git_root(start)):
            if directory is None or directory in seen:
                continue
            seen.add(directory)
            for name in CONFIG_NAMES:
                candidate = directory / name
                if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                    return candidate
    return None


def git_root(directory: Path) -> Path | None:
    """The nearest folder at or above ``directory`` that holds a .git (a folder, or a file in a worktree)."""
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        tool = _read(path).get("tool")
    except UsageError:
        return False
    return isinstance(tool, dict) and "srccompare" in tool


def _read(path: Path) -> dict[str, Any]:
    from .userfiles import UserFileError, loads_toml, read_user_file

    try:
        return loads_toml(read_user_file(path))
    except UserFileError as exc:
        raise UsageError(f"cannot read configuration {path}: {exc}") from None


def load_config(path: str | Path | None = None, paths: Iterable[str] = ()) -> Config:
    """Load the given configuration file, or the one found beside the inputs, or the defaults."""
    found = Path(path) if path else find_config(paths)
    if found is None:
        return Config()
    data = _read(found)
    tool = data.get("tool")
    table = tool.get("srccompare") if isinstance(tool, dict) else None
    if table is None:
        table = data if found.name != "pyproject.toml" else {}
    if not isinstance(table, dict):
        raise UsageError(f"{found}: [tool.srccompare] must be a table")
    return _parse(table, str(found))


def _parse(table: dict[str, Any], where: str) -> Config:
    names = {f.name for f in fields(Config)} - {"path"}
    values: dict[str, Any] = {"path": where}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in names:
            raise UsageError(f"{where}: unknown setting {key!r} in [tool.srccompare]")
        values[name] = _coerce(name, value, where)
    unknown = set(values.get("required", ())) - set(META_FIELDS)
    if unknown:
        raise UsageError(f"{where}: 'required' names unknown fields: {', '.join(sorted(unknown))}")
    return Config(**values)


def _coerce(name: str, value: Any, where: str) -> Any:
    default = Config.__dataclass_fields__[name].default
    try:
        if name == "outlets":
            if not isinstance(value, dict):
                raise TypeError("not a table")
            outlets = {str(k): tuple([v] if isinstance(v, str) else _texts(v)) for k, v in value.items()}
            return outlets
        if name in ("select", "ignore"):
            from .check.rules import RULES

            codes = tuple(v.upper() for v in _texts(value))
            # A typo must not turn the CI gate into a check of nothing.
            unknown = [c for c in codes if not any(rule.startswith(c) for rule in RULES)]
            if unknown:
                raise UsageError(f"{where}: unknown rule code {unknown[0]!r} in {name!r} (see docs/rules.md)")
            return codes
        if name in ("required", "furniture"):
            return _texts(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("not a number")
        number = int(value) if isinstance(default, int) else float(value)
        if not math.isfinite(number) or number < 0 or (isinstance(number, float) and number > 1):
            raise ValueError("out of range")
        return number
    except (TypeError, ValueError):
        raise UsageError(f"{where}: bad value for {name.replace('_', '-')!r}: {_clip(value)}") from None


def _texts(value: Any) -> tuple[str, ...]:
    """A name or a list of names; anything else (a number, a table, a nested list) is a TypeError."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise TypeError("not a name or a list of names")
    return tuple(items)


def _clip(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def with_cli(config: Config, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> Config:
    """Command-line --select/--ignore win over the file's."""
    changes: dict[str, Any] = {}
    if select is not None:
        changes["select"] = select
    if ignore is not None:
        changes["ignore"] = ignore
    return replace(config, **changes)
