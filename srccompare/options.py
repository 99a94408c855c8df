"""One typed options object, built at the CLI boundary and passed inward unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field

# A dump larger than this is refused: real articles are a few hundred kB at most, and cleaning
# is linear, so 50 MB still cleans in seconds while a runaway file is named instead of hanging.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    # Extra outlets: canonical name -> aliases (from the manifest or srccompare.toml).
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Extra furniture phrases from the user's configuration.
    furniture: tuple[str, ...] = ()
    use_manifest: bool = True
    # Where cleaned articles are cached by content (None: no cache). The CLI turns it on.
    cache_dir: str | None = None
    # Where per-file cleaning and per-event comparison run (srccompare/engine.py): "local" with
    # ``jobs`` worker processes (1: in this process; None or 0: one per core), or "dask" on the
    # cluster at ``scheduler``. The report is the same whichever runs it. Worker processes start
    # from a fork server, which imports the caller's main module: a script that sets jobs > 1
    # puts its work under ``if __name__ == "__main__":``, as with any multiprocessing code.
    jobs: int | None = 1
    engine: str = "local"
    scheduler: str | None = None


DEFAULT_OPTIONS = Options()
