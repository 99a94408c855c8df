"""Quotations: find them, name their speaker, and say how two outlets' versions of one relate.

What a quotation's own sentence says of its speaker is read by ``nlp.speakers``; this package finds the
quotations and resolves across the article what a sentence leaves open (a pronoun, a remark that runs
over paragraphs, a lead-in in the paragraph before).

API (small on purpose; the aligner and the quote tracker build on it):

- ``find_quotes(text) -> list[Quotation]``: the quotations in one paragraph or sentence, with the
  character span of the quoted words and the speaker when the text says so ("X said", "said X",
  "X told reporters"); a pronoun speaker ("he said") is left as None.
- ``article_quotes(paragraphs) -> list[Quotation]``: the same over a whole article, with spans
  into the body (paragraphs joined by blank lines) and pronoun speakers resolved to the nearest
  named speaker before them (at most ``PRONOUN_REACH`` paragraphs back).
- ``quotes_by_sentence(paragraphs, sentences) -> list[list[Quotation]]``: for each sentence the
  quoted words in it (a quotation spanning three sentences gives a part to each), with the
  quotation's speaker; spans index the body like the sentences' own.
- ``quote_words(text) -> list[str]``: lowercased words with marks, ellipses and bracketed
  insertions left out, for scoring quotations against each other (e.g. with ``process.cdist``).
- ``normalize_quote(text) -> str``: quote marks folded to straight ones, every ellipsis
  (``...``, ``…``, ``. . .``, ``[...]``, ``(...)``) to one ``…``, spaces collapsed.
- ``compare_quotes(a, b) -> QuoteComparison``: how quotation ``b`` relates to ``a``, one of
  ``FORMS``: verbatim, bracketed, trimmed, altered, translated, unrelated.

Marks handled: “…”, „…“, "…" (an unclosed one runs to the end of the paragraph, as news
quotations spanning paragraphs do), «…», »…«, ‘…’ and '…' outside double quotes.  A single
quote between letters (South Korea’s, don't) is an apostrophe, never a quote mark.

The package, one module per job (the lower ones first: each imports only those above it):

- ``_shared``: ``Quotation``, and the constants, patterns and word list several modules read
  (``ELLIPSIS``, ``PARAGRAPH_SEPARATOR``, ``ATTRIBUTION_WORDS``, the attribution closing a paragraph).
- ``finding``: ``find_quotes``: the quotation marks and spans of one paragraph or sentence, the speaker it states,
  a quotation that goes on with the one before, and the pronoun of a '..." he said'.
- ``persons``: who a pronoun stands for (``PRONOUN_REACH``, ``_antecedent``, ``_person_before``).
- ``article``: ``article_quotes`` and ``quotes_by_sentence``: speakers across paragraphs (a remark that runs on,
  a lead-in, a statement, a subject named in the paragraph before).
- ``comparing``: ``compare_quotes``, ``normalize_quote``, ``quote_words`` and ``is_title``.

No module is named as a function re-exported here: it would be shadowed by it (``import
srccompare.nlp.quotes.find_quotes`` would give the function), and so would a mock by dotted path.
"""

from __future__ import annotations

from ._shared import ATTRIBUTION_WORDS, ELLIPSIS, PARAGRAPH_SEPARATOR, Quotation
from .article import article_quotes, quotes_by_sentence
from .comparing import (
    ALTERED_MIN,
    FORMS,
    TITLE_MAX_WORDS,
    TRANSLATED_MIN,
    QuoteComparison,
    compare_quotes,
    is_title,
    normalize_quote,
    quote_words,
)
from .finding import find_quotes
from .persons import PRONOUN_REACH

__all__ = [
    "ALTERED_MIN",
    "ATTRIBUTION_WORDS",
    "ELLIPSIS",
    "FORMS",
    "PARAGRAPH_SEPARATOR",
    "PRONOUN_REACH",
    "TITLE_MAX_WORDS",
    "TRANSLATED_MIN",
    "QuoteComparison",
    "Quotation",
    "article_quotes",
    "compare_quotes",
    "find_quotes",
    "is_title",
    "normalize_quote",
    "quote_words",
    "quotes_by_sentence",
]
