"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

# What a renderer gives: a string, or its pieces as they come, str or UTF-8 bytes (the JSON report).
Text = str | Iterable[str] | Iterable[bytes]


def text_pieces(text: Text) -> Iterator[str]:
    """``text`` as str pieces, for a text stream (a terminal, a pager, a device)."""
    for piece in [text] if isinstance(text, str) else text:
        yield piece.decode("utf-8") if isinstance(piece, bytes) else piece


def write_atomic(path: str | os.PathLike[str], text: Text) -> None:
    """Write ``text`` (a string, or pieces of one, str or UTF-8 bytes, written as they come) to
    ``path`` atomically."""
    # Through a symlink to the file it names: replacing the link itself would cut it.
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        # A device or a pipe (-o /dev/null, a FIFO) cannot be renamed over, and must never be replaced.
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            _write(fh, text)
        return
    replace_atomic(target, lambda fh: _write_bytes(fh, text))


def replace_atomic(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Have ``write`` fill a temporary file beside ``target``, then rename it over ``target``: a reader
    sees the old file or the new one, never half of one. A symlink at ``target`` is replaced, not
    followed (write_atomic resolves it first when writing through it is meant)."""
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); a report is shared like any file the user writes.
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: Path) -> int:
    """The mode the file would get from a plain open(): the old file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# Pieces made ahead of the file: enough to keep the writer busy, few enough to hold little (an event
# of the JSON report is a few hundred kB).
WRITE_AHEAD = 8


def _write_bytes(fh: BinaryIO, text: Text) -> None:
    if isinstance(text, str):
        fh.write(text.encode("utf-8"))
        return
    _write_behind(fh, (piece if isinstance(piece, bytes) else piece.encode("utf-8") for piece in text))


def _write_behind(fh: BinaryIO, pieces: Iterable[bytes]) -> None:
    """Write ``pieces`` on a thread of its own while the next ones are made: a file write releases the
    interpreter lock, so a report's rendering and its writing overlap (the 470 MB JSON report of
    10,000 articles took 2 s to write into a new file after 2.6 s to render). An error of either side
    stops both and is raised here."""
    import queue
    import threading

    ahead: queue.Queue[bytes | None] = queue.Queue(WRITE_AHEAD)
    failed: list[BaseException] = []

    def writer() -> None:
        while (piece := ahead.get()) is not None:
            if failed:
                continue  # drained, so that the maker never waits on a full queue
            try:
                fh.write(piece)
            except BaseException as exc:  # noqa: BLE001  (raised again in the maker's thread)
                failed.append(exc)

    thread = threading.Thread(target=writer, name="srccompare-write", daemon=True)
    thread.start()
    try:
        for piece in pieces:
            if failed:
                break
            ahead.put(piece)
    finally:
        ahead.put(None)
        thread.join()
    if failed:
        raise failed[0]


def _write(fh, text: Text) -> None:
    fh.writelines(text_pieces(text))
