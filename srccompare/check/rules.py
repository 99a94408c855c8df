"""The rule codes of `srccompare check`: stable, documented in docs/rules.md, never reused."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Finding, Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("SC001", "unreadable-file", "error", "The file is missing, unreadable, too large or undecodable."),
        Rule("SC002", "binary-file", "error", "The file is binary (an image, archive, PDF...), not text or HTML."),
        Rule("SC003", "empty", "error", "The file is empty, or nothing is left after cleaning."),
        Rule("SC004", "no-article", "error", "An HTML page in which no article body was found."),
        Rule("SC005", "unknown-format", "error", "JSON, XML, a feed or RTF: not an article dump."),
        Rule("SC010", "body-too-short", "warning", "The cleaned body has fewer words than `min-words`."),
        Rule(
            "SC011",
            "furniture-in-body",
            "warning",
            "Page furniture survived cleaning: a stock phrase or a run of headline-like lines.",
        ),
        Rule("SC020", "missing-title", "warning", "No title was given or detected."),
        Rule("SC021", "missing-date", "warning", "No published date was given or detected."),
        Rule("SC022", "missing-outlet", "warning", "No outlet was given or detected."),
        Rule("SC023", "missing-field", "error", "A field that `required` demands is missing."),
        Rule("SC030", "bad-manifest", "error", "manifest.toml cannot be read or is malformed."),
        Rule("SC031", "manifest-file-missing", "error", "A manifest entry names a file that does not exist."),
        Rule("SC032", "file-not-in-manifest", "warning", "A file is absent from a manifest that lists files."),
        Rule("SC040", "duplicate", "error", "The cleaned body is identical to another file's."),
        Rule("SC041", "near-duplicate", "warning", "The cleaned body is nearly identical to another file's."),
        Rule("SC050", "single-outlet-event", "warning", "An event is covered by only one outlet."),
        Rule("SC051", "date-outlier", "warning", "A published date lies far outside its story."),
        Rule("SC060", "baseline-alignment-lost", "error", "Facts aligned in the baseline are no longer aligned."),
        Rule(
            "SC061",
            "baseline-coverage-changed",
            "error",
            "An outlet's added or omitted facts changed by more than `baseline-tolerance`.",
        ),
    )
}


def finding(code: str, path: str, message: str, line: int | None = None) -> Finding:
    return Finding(code, RULES[code].severity, path, message, line)


def selected(code: str, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> bool:
    """ruff-style prefix selection: "SC0" selects SC001..SC061's SC0xx codes."""
    if select is not None and not any(code.startswith(p) for p in select):
        return False
    return not any(code.startswith(p) for p in ignore)
