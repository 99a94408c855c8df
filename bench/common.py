"""Helpers shared by the benchmark sections."""

from __future__ import annotations

from pathlib import Path


class Skip(Exception):
    """The data a section needs is not there; the section is recorded as skipped."""


def need(path: Path) -> Path:
    if not path.exists():
        raise Skip(f"{path} not found (pass the bench data folder: make bench DATA=../shared/bench)")
    return path
