"""What a cleaner hands to the article builder."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Dropped
from ..nlp.dates import Candidate


@dataclass(frozen=True)
class Cleaned:
    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    # Detected metadata: title, published, byline, dateline, url, origin, outlet, publisher, language.
    meta: dict[str, str] = field(default_factory=dict)
    paragraph_lines: tuple[tuple[int, ...], ...] = ()
    # Date evidence found on the page; make_article chooses from it once the manifest is merged.
    dates: tuple[Candidate, ...] = ()
