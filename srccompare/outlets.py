"""The outlets and wire services srccompare knows by name, with their aliases and kind.

The list lives in ``srccompare/data/outlets.toml`` (shipped as package data); users extend it via the
manifest or srccompare.toml, whose outlets count as publishing outlets of unknown kind.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("srccompare").joinpath("data/outlets.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def registry() -> dict[str, tuple[str, ...]]:
    """Canonical name -> aliases (matched case-insensitively on word boundaries)."""
    return {name: tuple(entry.get("aliases", ())) for name, entry in _data()["outlets"].items()}


def __getattr__(name: str) -> Any:
    # REGISTRY was a dict in code; it is read from the data file on first use.
    if name == "REGISTRY":
        return registry()
    raise AttributeError(name)


def kind(name: str | None) -> str | None:
    """'agency', 'broadcaster', 'newspaper' or 'site' for a canonical name in the data file, else None."""
    entry = _data()["outlets"].get(name or "")
    return entry.get("kind") if entry else None


def is_agency(name: str | None) -> bool:
    """Whether ``name`` (a canonical name) is a wire service or news agency, whose copy others reprint."""
    return kind(name) == "agency"


@lru_cache(maxsize=1)
def credit_signatures() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(outlet, pattern) for outlets that sign their copy with a house credit line."""
    return tuple(
        (name, re.compile(pattern, re.I))
        for name, entry in _data()["outlets"].items()
        for pattern in entry.get("credit", ())
    )


@lru_cache(maxsize=1)
def _generic() -> tuple[str, frozenset[str]]:
    entry = _data().get("generic", {})
    return entry.get("name", "agencies"), frozenset(a.casefold() for a in entry.get("aliases", ()))


def generic_agency(text: str | None) -> str | None:
    """'agencies' when ``text`` is exactly an unnamed-agency credit ("agencies", "agency inputs")."""
    if not text:
        return None
    name, aliases = _generic()
    return name if text.strip(" .,:;()[]").casefold() in aliases else None


def merged(extra: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, tuple[str, ...]]:
    reg = dict(registry())
    for name, aliases in (extra or {}).items():
        reg[name] = tuple(dict.fromkeys((*reg.get(name, ()), name, *aliases)))
    return reg


@lru_cache(maxsize=32)
def _pattern(items: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for name, aliases in items:
        for alias in (name, *aliases):
            lookup[alias.casefold()] = name
    alternation = "|".join(re.escape(a) for a in sorted(lookup, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I), lookup


@lru_cache(maxsize=32)
def _compiled(extra_items: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    return _pattern(tuple(sorted(merged(dict(extra_items)).items())))


def _lookup(extra: Mapping[str, tuple[str, ...]] | None) -> tuple[re.Pattern[str], dict[str, str]]:
    return _compiled(tuple(sorted((extra or {}).items())))


def outlet_pattern(extra: Mapping[str, tuple[str, ...]] | None = None) -> tuple[re.Pattern[str], dict[str, str]]:
    """The compiled alternation of every alias, and alias (casefolded) -> canonical name."""
    return _lookup(extra)


def find_outlets(text: str, extra: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """Canonical names of every registered outlet mentioned in ``text``, in order of appearance."""
    pattern, lookup = _lookup(extra)
    found: list[str] = []
    for m in pattern.finditer(text):
        name = lookup[m.group(0).casefold()]
        if name not in found:
            found.append(name)
    return found


def canonical(name: str | None, extra: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """The registry's name for ``name`` when it is a known alias, else ``name`` unchanged."""
    if not name:
        return name
    _, lookup = _lookup(extra)
    return lookup.get(name.strip().casefold(), name.strip())


def known_outlet(name: str | None, extra: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """The registry's name when ``name`` is exactly a known outlet or alias, else None."""
    if not name:
        return None
    _, lookup = _lookup(extra)
    return lookup.get(name.strip().casefold())
