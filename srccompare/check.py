"""Corpus checks for CI. (Placeholder: replaced by the rule set.)"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding
from .options import Options
from .status import ExitStatus


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    options: Options
    baseline: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    strict: bool = False
    config: str | None = None


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    exit_status: ExitStatus


def run_check(request: CheckRequest) -> CheckResult:
    from .ingest import iter_articles
    from .model import Problem

    findings, files = [], []
    for item in iter_articles(request.paths, request.options):
        if isinstance(item, Problem):
            findings.append(Finding(item.code, "error", item.path, item.reason))
            files.append(item.path)
        else:
            files.append(item.path)
    status = ExitStatus.FINDINGS if any(f.severity == "error" for f in findings) else ExitStatus.OK
    return CheckResult(tuple(findings), tuple(files), status)
