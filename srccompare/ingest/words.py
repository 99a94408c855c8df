"""Word lists kept as data in srccompare/data/*.toml, read once."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@cache
def load_words(name: str, key: str = "words") -> tuple[str, ...]:
    """The list ``key`` of data file ``name``, case-folded."""
    text = resources.files("srccompare").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tuple(word.casefold() for word in tomllib.loads(text)[key])


@cache
def load_groups(name: str, table: str) -> dict[str, tuple[str, ...]]:
    """The named lists of table ``table`` of data file ``name``: group -> its words, case-folded."""
    text = resources.files("srccompare").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return {group: tuple(w.casefold() for w in words) for group, words in tomllib.loads(text)[table].items()}
