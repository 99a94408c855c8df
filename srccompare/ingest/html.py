"""Clean saved HTML with trafilatura. (Placeholder: replaced by the full HTML cleaner.)"""

from __future__ import annotations

from ..errors import InputError
from ..options import DEFAULT_OPTIONS, Options
from .cleaned import Cleaned


def clean_page(html: str, name: str = "-", url: str | None = None, options: Options = DEFAULT_OPTIONS) -> Cleaned:
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False)
    if not text:
        raise InputError(name, "HTML page with no article text", "SC004")
    return Cleaned(tuple(p for p in text.split("\n") if p.strip()))
