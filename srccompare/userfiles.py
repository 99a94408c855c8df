"""Reading the files a user writes for srccompare (manifest.toml, srccompare.toml, a baseline report).

Each is opened only when it is a regular file (a FIFO would block the run, a device would never end),
size-capped, and parsed with nesting too deep for the parser turned into an error like any other: the
callers make of every failure one line naming the file.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

# A manifest of 100,000 files is a few MB; a baseline report of a large corpus a few tens.
MAX_USER_FILE = 64 * 1024 * 1024
# Deeper than any manifest, configuration or report srccompare reads or writes (a report is 6 deep).
MAX_DEPTH = 32


class UserFileError(ValueError):
    """The file cannot be used; the message says why, without the file's name."""


def read_user_file(path: str | Path) -> str:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise UserFileError("not a regular file")
        if info.st_size > MAX_USER_FILE:
            raise UserFileError(f"too large (over {MAX_USER_FILE // (1024 * 1024)} MB)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_USER_FILE + 1)
    except OSError as exc:
        raise UserFileError(f"cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFileError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None


def loads_toml(text: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserFileError(str(exc)) from None
    except RecursionError:
        raise UserFileError(f"nested deeper than {MAX_DEPTH} levels") from None
    _check_depth(data)
    return data


def loads_json(text: str) -> Any:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UserFileError(f"not JSON: {exc}") from None
    except RecursionError:
        raise UserFileError(f"nested deeper than {MAX_DEPTH} levels") from None
    _check_depth(data)
    return data


def _check_depth(data: Any) -> None:
    """Iteratively, so that a structure the parser could build cannot make a recursive walk fail later."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UserFileError(f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
