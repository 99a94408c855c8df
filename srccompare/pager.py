"""Page a long report on a terminal the way git does: through $PAGER (default less -FRX).

less's F quits at once when the text fits on one screen, R keeps the colours and X leaves the
text on the screen afterwards, so a short report reads as if no pager were involved.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

from .environment import Environment


def pager_command() -> str | None:
    """The pager to run, or None when there is none to be had (then the text goes to stdout)."""
    command = os.environ.get("SRCCOMPARE_PAGER") or os.environ.get("PAGER") or "less"
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) else None


def page(text: str, env: Environment) -> None:
    command = pager_command()
    if command is None:
        env.stdout.write(text)
        env.stdout.flush()
        return
    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")
    # The user's own pager command, as git runs it: through the shell, so that it may carry options.
    proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)  # noqa: S602
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end
        pass
    proc.wait()
