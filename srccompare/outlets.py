"""A small registry of outlets and wire services with their aliases; users extend it via the manifest."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# canonical name -> aliases (matched case-insensitively on word boundaries)
REGISTRY: dict[str, tuple[str, ...]] = {
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "AP": ("Associated Press", "The Associated Press", "AP"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Yonhap": ("Yonhap", "Yonhap News Agency", "Yonhap News", "연합뉴스"),
    "AsiaNews": ("AsiaNews", "Asia News", "AsiaNews.it"),
    "BBC": ("BBC", "BBC News", "British Broadcasting Corporation"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "PTI": ("PTI", "Press Trust of India"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Sputnik": ("Sputnik", "RIA Novosti"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "DPA": ("DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "CNN": ("CNN",),
    "The New York Times": ("The New York Times", "New York Times", "NYT", "nytimes.com"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "Fox News": ("Fox News", "foxnews.com"),
    "HuffPost": ("HuffPost", "Huffington Post", "The Huffington Post"),
    "The Guardian": ("The Guardian", "Guardian"),
    "Al Jazeera": ("Al Jazeera",),
    "The Moscow Times": ("The Moscow Times", "Moscow Times", "themoscowtimes.com"),
    "Korea JoongAng Daily": ("Korea JoongAng Daily", "JoongAng Daily", "코리아중앙데일리"),
    "The Korea Herald": ("The Korea Herald", "Korea Herald"),
    "NK News": ("NK News",),
    # More wire services, so that their credit lines name an origin.
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "Interfax": ("Interfax",),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "Jiji": ("Jiji", "Jiji Press"),
    "NHK": ("NHK",),
    "Bernama": ("Bernama",),
    "PA Media": ("PA Media", "Press Association"),
    "The Canadian Press": ("The Canadian Press", "Canadian Press"),
    "AAP": ("AAP", "Australian Associated Press"),
    "Europa Press": ("Europa Press",),
    "Austria Presse Agentur": ("Austria Presse Agentur",),
    "Keystone-ATS": ("Keystone-ATS",),
    "Emirates News Agency": ("Emirates News Agency",),
    "Ukrinform": ("Ukrinform",),
}


def merged(extra: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, tuple[str, ...]]:
    reg = dict(REGISTRY)
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


def find_outlets(text: str, extra: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """Canonical names of every registered outlet mentioned in ``text``, in order of appearance."""
    reg = merged(extra)
    pattern, lookup = _pattern(tuple(sorted(reg.items())))
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
    reg = merged(extra)
    _, lookup = _pattern(tuple(sorted(reg.items())))
    return lookup.get(name.strip().casefold(), name.strip())


def known_outlet(name: str | None, extra: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """The registry's name when ``name`` is exactly a known outlet or alias, else None."""
    if not name:
        return None
    reg = merged(extra)
    _, lookup = _pattern(tuple(sorted(reg.items())))
    return lookup.get(name.strip().casefold())
