"""The classifier moved to the package ``srccompare.compare.differences`` (one module per family of
difference kinds behind one registry); these names stay importable from here for existing callers."""

from __future__ import annotations

from .differences import KINDS, classify_group, is_disagreement, quote_form_of
from .differences.sources import sources

__all__ = ["KINDS", "classify_group", "is_disagreement", "quote_form_of", "sources"]
