"""--baseline: compare today's report of a corpus with a saved `compare --format json` snapshot.

Articles are matched by file name, so a snapshot made in one checkout still applies in another.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any

from ..config import Config
from ..errors import UsageError
from ..model import SCHEMA_VERSION, Finding
from .rules import finding

_SPACE = re.compile(r"\s+")


def load_baseline(path: str) -> dict[str, Any]:
    from ..userfiles import UserFileError, loads_json, read_user_file

    try:
        text = read_user_file(path)
    except UserFileError as exc:
        raise UsageError(f"cannot read baseline {path}: {exc}") from None
    try:
        data = loads_json(text)
    except UserFileError as exc:
        raise UsageError(f"baseline {path} is {exc}") from None
    if not isinstance(data, dict) or "events" not in data or "schema_version" not in data:
        raise UsageError(f"baseline {path} is not a `srccompare compare --format json` report")
    if data["schema_version"] != SCHEMA_VERSION:
        raise UsageError(
            f"baseline {path} has schema_version {_clip(repr(data['schema_version']))}; "
            f"this srccompare writes {SCHEMA_VERSION}: make a new baseline"
        )
    problem = _malformed(data)
    if problem:
        raise UsageError(f"baseline {path} is not a valid report: {problem}")
    return data


def _malformed(report: Mapping[str, Any]) -> str | None:
    """Where the parts the baseline check reads are missing or of the wrong type; None when sound.
    The current report, made by this srccompare, is read the same way, so checking here is enough."""
    articles = report.get("articles", [])
    if not isinstance(articles, list):
        return "articles is not a list"
    for i, article in enumerate(articles):
        if not isinstance(article, dict) or not isinstance(article.get("id"), str):
            return f"articles[{i}] has no text id"
    events = report["events"]
    if not isinstance(events, list):
        return "events is not a list"
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            return f"events[{i}] is not an object"
        if not isinstance(event.get("id", ""), str):
            return f"events[{i}].id is not text"
        facts = event.get("facts", [])
        if not isinstance(facts, list):
            return f"events[{i}].facts is not a list"
        for j, fact in enumerate(facts):
            where = f"events[{i}].facts[{j}]"
            if not isinstance(fact, dict) or not isinstance(fact.get("id"), str):
                return f"{where} has no text id"
            members = fact.get("members", [])
            if not isinstance(members, list):
                return f"{where}.members is not a list"
            for k, m in enumerate(members):
                if (
                    not isinstance(m, dict)
                    or not isinstance(m.get("article"), str)
                    or not isinstance(m.get("text"), str)
                ):
                    return f"{where}.members[{k}] needs a text article and text"
        outlets = event.get("outlets") or {}
        if not isinstance(outlets, dict):
            return f"events[{i}].outlets is not an object"
        for art, facts_of in outlets.items():
            if not isinstance(facts_of, dict) or not all(
                isinstance(facts_of.get(kind, []), list) for kind in ("added", "omitted")
            ):
                return f"events[{i}].outlets[{_clip(repr(art))}] needs lists of added and omitted facts"
    return None


def baseline_findings(
    baseline: Mapping[str, Any], current: Mapping[str, Any], config: Config, paths: Mapping[str, str]
) -> Iterator[Finding]:
    """``paths`` maps current article ids to the paths findings should name."""
    now = _facts_by_member(current)
    current_articles = {_key(a["id"]) for a in current.get("articles", [])}
    for event in baseline.get("events", []):
        for fact in event.get("facts", []):
            members = fact.get("members", [])
            articles = {_key(m["article"]) for m in members}
            if len(articles) < 2:
                continue
            where: defaultdict[str, set[str]] = defaultdict(set)
            for m in members:
                where[_key(m["article"])] |= now.get((_key(m["article"]), _norm(m["text"])), set())
            if set.intersection(*where.values()):
                continue
            for art in sorted(articles):
                if art not in current_articles:
                    reason = "the article is no longer in the corpus"
                elif not where[art]:
                    reason = "its sentence is gone or reworded"
                else:
                    reason = "it is no longer grouped with " + ", ".join(sorted(articles - {art}))
                text = next(m["text"] for m in members if _key(m["article"]) == art)
                yield finding(
                    "SC060",
                    paths.get(art, art),
                    f"baseline fact {fact['id']} ({_clip(text)!r}) no longer aligned: {reason}",
                )
    yield from _coverage(baseline, current, config, paths)


def _coverage(
    baseline: Mapping[str, Any], current: Mapping[str, Any], config: Config, paths: Mapping[str, str]
) -> Iterator[Finding]:
    before, after = _counts(baseline), _counts(current)
    for art in sorted(before.keys() & after.keys()):
        for kind in ("added", "omitted"):
            old, new = before[art][kind], after[art][kind]
            if abs(new - old) > config.baseline_tolerance:
                yield finding(
                    "SC061",
                    paths.get(art, art),
                    f"{kind} facts went from {old} to {new} (baseline-tolerance is {config.baseline_tolerance})",
                )


def _counts(report: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"added": 0, "omitted": 0})
    for event in report.get("events", []):
        for art, facts in (event.get("outlets") or {}).items():
            for kind in ("added", "omitted"):
                counts[_key(art)][kind] += len(facts.get(kind, []))
    return counts


def _facts_by_member(report: Mapping[str, Any]) -> dict[tuple[str, str], set[str]]:
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event in report.get("events", []):
        for fact in event.get("facts", []):
            for m in fact.get("members", []):
                index[_key(m["article"]), _norm(m["text"])].add(f"{event['id']}/{fact['id']}")
    return index


def current_paths(report: Mapping[str, Any]) -> dict[str, str]:
    return {_key(a["id"]): a["path"] for a in report.get("articles", [])}


def _key(article_id: str) -> str:
    return PurePath(article_id).name if article_id != "-" else article_id


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
