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

# Budgets of one HTML page, in elements (lxml nodes), decided before trafilatura is called. Its jusText
# fallback searches neighbours paragraph by paragraph (quadratic): 2,000 elements 1.7 s, 5,000 7 s,
# 10,000 34 s; its own extraction alone grows too: 20,000 elements 5 s, 40,000 12 s, 100,000 84 s
# (2 shared cores). The 50 development pages have 1,700 at most. Above the first budget trafilatura
# runs without its fallbacks; above the second the page's visible lines are cleaned as a text dump
# (100,000 elements: 4 s). A page with more tags than the third ('<' counted before parsing; a million
# <p> took 30 s and 700 MB by the text path) is named and skipped.
HTML_FALLBACK_MAX_ELEMENTS = 5_000
HTML_EXTRACTION_MAX_ELEMENTS = 20_000
HTML_MAX_TAGS = 250_000
# Budget of one article in `compare`: grouping and alignment grow about linearly with the sentences
# (30,000 sentences, a 4 MB dump, about 25 s on 2 shared cores) but a dump that long is not an article;
# a long real article has under 1,000 sentences. Longer ones are named and left out of the comparison
# (`clean` still cleans them: 10 MB in about 20 s).
MAX_COMPARED_SENTENCES = 5_000


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
    # Read files that a link in a corpus folder leads to outside that folder (--follow-links).
    follow_links: bool = False
    # The configuration files the settings came from, named in the report.
    config_files: tuple[str, ...] = ()
    html_fallback_max_elements: int = HTML_FALLBACK_MAX_ELEMENTS
    html_extraction_max_elements: int = HTML_EXTRACTION_MAX_ELEMENTS
    html_max_tags: int = HTML_MAX_TAGS
    max_compared_sentences: int = MAX_COMPARED_SENTENCES
    # Days within which all dated articles of one event lie (None: dates never split events).
    event_window: int | None = DEFAULT_EVENT_WINDOW
    # Every article reports one event (the user chose them for it): grouping neither splits them by
    # topic nor by date, and the report has one event.
    one_event: bool = False
    # Where per-file cleaning and per-event comparison run (srccompare/engine.py): "local" with
    # ``jobs`` worker processes (1: in this process; None or 0: one per core), or "dask" on the
    # cluster at ``scheduler``. The report is the same whichever runs it. Worker processes start
    # from a fork server, which imports the caller's main module: a script that sets jobs > 1
    # puts its work under ``if __name__ == "__main__":``, as with any multiprocessing code.
    jobs: int | None = 1
    engine: str = "local"
    scheduler: str | None = None


DEFAULT_OPTIONS = Options()
