"""Word lists shipped with srccompare, one TOML file per family (docs/thresholds.md says where each comes from).

``load(name)`` reads ``srccompare/data/NAME.toml`` once per process; callers keep the parsed tables.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``NAME.toml`` of this package (cached: every list is read once)."""
    return tomllib.loads(resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def words(name: str, key: str) -> frozenset[str]:
    """A whitespace-separated word list ``key`` of ``NAME.toml`` as a set of lower-case words."""
    value = load(name)[key]
    items = value.split() if isinstance(value, str) else value
    return frozenset(w.lower() for w in items)


def ordered_words(name: str, key: str = "words") -> tuple[str, ...]:
    """The list ``key`` of ``NAME.toml`` case-folded, in file order (phrase lists whose order matters)."""
    return tuple(word.casefold() for word in load(name)[key])


def word_groups(name: str, table: str) -> dict[str, tuple[str, ...]]:
    """The named lists of table ``table`` of ``NAME.toml``: group -> its words, case-folded, in file order."""
    return {group: tuple(w.casefold() for w in items) for group, items in load(name)[table].items()}
