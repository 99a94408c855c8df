"""What a cleaner hands to the article builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Dropped
from ..nlp.dates import Candidate


class Credit(NamedTuple):
    """A credit read from the page: the origin it names, its line (0: not line-based) and the rule."""

    name: str
    line: int
    rule: str
    rewrite: bool = False  # only the source a rewrite names in its lede ("Yonhap reported")


@dataclass(frozen=True)
class Cleaned:
    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    # Detected metadata: title, published, byline, dateline, url, origin, outlet, publisher, language.
    meta: dict[str, str] = field(default_factory=dict)
    paragraph_lines: tuple[tuple[int, ...], ...] = ()
    # Date evidence found on the page; make_article chooses from it once the manifest is merged.
    dates: tuple[Candidate, ...] = ()
    # The credit the origin in ``meta`` was read from (None: no credit found).
    credit: Credit | None = None
