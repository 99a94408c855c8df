"""Exit codes, in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1  # findings at error level, or some inputs could not be used
    USAGE = 2  # bad usage, or no input could be read at all
