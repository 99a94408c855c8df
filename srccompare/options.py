"""One typed options object, built at the CLI boundary and passed inward unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field

# A dump larger than this is refused: real articles are a few hundred kB at most, and cleaning
# is linear, so 50 MB still cleans in seconds while a runaway file is named instead of hanging.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Articles whose dates (the event's date, else the published date) lie further apart than this many
# days are never grouped as one event. Outlets report one happening over a few days (a weekend
# report, a Monday recap); a follow-up a week later is an event of its own.
DEFAULT_EVENT_WINDOW = 4


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
    # Days within which all dated articles of one event lie (None: dates never split events).
    event_window: int | None = DEFAULT_EVENT_WINDOW


DEFAULT_OPTIONS = Options()
