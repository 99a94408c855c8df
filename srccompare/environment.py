"""Where output goes. Injected into the CLI so that tests can fix the width and turn colour off."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# Narrower than this, the side-by-side tables are unreadable: a narrower terminal gets this width.
MIN_WIDTH = 40


@dataclass
class Environment:
    # None means "sys.stdout/sys.stderr at the time of writing", so that redirection (and CliRunner) works.
    out: TextIO | None = None
    err: TextIO | None = None
    width: int | None = None  # None: the terminal's width
    color: bool | None = None  # None: auto (TTY and no NO_COLOR)
    stderr_isatty: bool | None = None
    pager: bool | None = None  # None: on a terminal only

    @property
    def stdout(self) -> TextIO:
        return self.out or sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self.err or sys.stderr

    def is_tty(self, stream: TextIO) -> bool:
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    def want_color(self) -> bool:
        if self.color is not None:
            return self.color
        return self.is_tty(self.stdout) and not os.environ.get("NO_COLOR")

    def console(self, file: TextIO | None = None) -> Console:
        from rich.console import Console

        color = self.want_color()
        console = Console(
            file=file or self.stdout,
            width=self.width,
            color_system="auto" if color else None,
            force_terminal=color or None,
            no_color=not color,
            highlight=False,
            soft_wrap=False,
        )
        if console.width < MIN_WIDTH:
            console.width = MIN_WIDTH
        return console

    def want_pager(self, asked: bool | None) -> bool:
        """--pager/--no-pager decide; by default a terminal on stdout gets one, as in git."""
        if asked is not None:
            return asked
        if self.pager is not None:
            return self.pager
        # Only the process's own terminal: a pager writes to file descriptor 1, not to an injected stream.
        return self.out is None and self.is_tty(sys.stdout) and os.environ.get("PAGER", "less") not in ("", "cat")

    def progress_enabled(self) -> bool:
        if self.stderr_isatty is not None:
            return self.stderr_isatty
        return self.is_tty(self.stderr)
