"""The one exception family of the core. The CLI translates it to a message and exit code in one place."""

from __future__ import annotations


class SrcCompareError(Exception):
    """Base of every error the library raises on purpose."""


class UsageError(SrcCompareError):
    """The caller asked for something that cannot be done (bad option, unknown format...)."""


class InputError(SrcCompareError):
    """One input could not be used. ``path`` names it and ``reason`` says why, in a few words."""

    def __init__(self, path: str, reason: str, code: str = "SC001") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.code = code
