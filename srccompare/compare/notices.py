"""What the user should know about the input before any comparison: notices, never errors.

Articles without sentences are left out; an identical copy is compared once (a duplicate is not an
outlet agreeing with another); an article in another language than the rest is kept but only
linked on identical sentences; a corpus of one article or one outlet has nothing to compare across.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Notice


@dataclass(frozen=True)
class Screened:
    compared: tuple[Article, ...]  # the articles to group and align
    exact_only: frozenset[str]  # ids of articles in a minority language
    notices: tuple[Notice, ...]


def _fingerprint(article: Article) -> bytes:
    """The article's sentences with runs of whitespace as one space, casefolded, as a digest: every
    article's text is looked up at once, and a whole corpus of them need not be held as keys."""
    import hashlib

    text = " ".join(" ".join(s.text for s in article.sentences).split()).casefold()
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def main_language(articles: Sequence[Article]) -> str | None:
    """The language most articles are written in (ties: English, then alphabetical)."""
    counts = Counter(a.language for a in articles if a.language)
    if not counts:
        return None
    return min(counts, key=lambda lang: (-counts[lang], lang != "en", lang))


def screen(articles: Sequence[Article]) -> Screened:
    notices: list[Notice] = []
    empty = [a for a in articles if not any(s.text.strip() for s in a.sentences)]
    for a in empty:
        notices.append(
            Notice("no_sentences", f"{a.id}: no sentences after cleaning; left out of the comparison", (a.id,))
        )
    empty_ids = {a.id for a in empty}
    kept: list[Article] = []
    first_of: dict[bytes, Article] = {}
    for a in articles:
        if a.id in empty_ids:
            continue
        key = _fingerprint(a)
        original = first_of.get(key)
        if original is None:
            first_of[key] = a
            kept.append(a)
            continue
        notices.append(
            Notice(
                "duplicate",
                f"{a.id} is an identical copy of {original.id}; compared once, and not counted as agreement",
                (original.id, a.id),
            )
        )

    language = main_language(kept)
    exact_only = frozenset(a.id for a in kept if a.language and language and a.language != language)
    for a in kept:
        if a.id in exact_only:
            notices.append(
                Notice(
                    "language",
                    f"{a.id} is in {a.language}, not {language}; kept, but aligned only where sentences are identical",
                    (a.id,),
                )
            )

    if len(articles) == 1:
        notices.append(
            Notice(
                "single_article", "only one article: there is nothing to compare it with", tuple(a.id for a in articles)
            )
        )
    elif len(kept) > 1:
        outlets = {a.outlet for a in kept}
        if len(outlets) == 1 and None not in outlets:
            notices.append(
                Notice(
                    "single_outlet",
                    f"every article comes from {next(iter(outlets))}: differences are within one outlet",
                    tuple(a.id for a in kept),
                )
            )
    return Screened(tuple(kept), exact_only, tuple(notices))
