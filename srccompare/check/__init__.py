"""`srccompare check`: corpus checks for CI, as findings with stable rule codes (docs/rules.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Config, load_config, with_cli
from ..ingest.manifest import Manifest
from ..model import Article, Finding, Problem
from ..options import Options
from ..status import ExitStatus
from .rules import RULES, finding, selected

__all__ = ["RULES", "CheckRequest", "CheckResult", "run_check"]


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    options: Options
    baseline: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    strict: bool = False
    config: str | None = None
    settings: Config | None = None  # the configuration, when the caller has read it already


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    exit_status: ExitStatus
    config: Config

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    def to_dict(self) -> dict:
        from ..model import SCHEMA_VERSION

        return {
            "schema_version": SCHEMA_VERSION,
            "files": list(self.files),
            "findings": [f.to_dict() for f in self.findings],
            "summary": {"files": len(self.files), "errors": self.errors, "warnings": self.warnings},
            # The configuration file the settings came from (None: the defaults).
            "config": self.config.path,
        }


def run_check(request: CheckRequest) -> CheckResult:
    settings = request.settings or load_config(request.config, request.paths)
    config = with_cli(settings, request.select, request.ignore)
    options = replace(
        request.options,
        furniture=tuple(dict.fromkeys((*request.options.furniture, *config.furniture))),
        outlets={**config.outlets, **request.options.outlets},
    )
    articles, problems, files, seen = _read(request.paths, options)
    findings: list[Finding] = [_problem_finding(p, seen) for p in problems]
    findings += _rules(articles, config, options, seen, request.baseline)
    findings = sorted(
        (f for f in findings if selected(f.code, config.select, config.ignore)),
        key=lambda f: (f.path, f.line or 0, f.code, f.message),
    )
    return CheckResult(tuple(findings), tuple(files), _status(findings, articles, request.strict), config)


def _read(paths, options):
    from ..compare.features import AFTER_CLEANING_FOR_CHECK
    from ..ingest import iter_loaded

    articles: list[Article] = []
    problems: list[Problem] = []
    files: list[str] = []
    seen: dict[Path, str] = {}
    for doc, result in iter_loaded(paths, options, AFTER_CLEANING_FOR_CHECK):
        if doc is None:
            assert isinstance(result, Problem)
            problems.append(result)
            if result.code != "SC030":
                files.append(result.path)
            continue
        files.append(doc.path)
        if doc.path != "-":
            seen[Path(doc.path).resolve()] = doc.path
        if isinstance(result, Problem):
            problems.append(result)
        else:
            articles.append(result)
    for p in problems:
        if p.path != "-" and p.code != "SC030":
            seen.setdefault(Path(p.path).absolute(), p.path)
    return articles, problems, files, seen


def _problem_finding(problem: Problem, seen: dict[Path, str]) -> Finding:
    if problem.code == "SC030":
        from ..ingest.manifest import error_line
        from .corpus import shown_as

        return finding("SC030", shown_as(Path(problem.path), seen), problem.reason, error_line(problem.reason))
    return finding(problem.code if problem.code in RULES else "SC001", problem.path, problem.reason)


def _rules(articles, config, options, seen, baseline) -> list[Finding]:
    from .baseline import baseline_findings, current_paths, load_baseline
    from .corpus import duplicate_findings, manifest_findings
    from .story import story_findings

    manifests = _manifests(seen) if options.use_manifest else []
    listed = {p.resolve() for m in manifests for p in m.listed_paths()}
    from ..compare.features import article_features, duplicate_marks

    out: list[Finding] = _article_findings(articles, config, options)
    # What the duplicate rules and the grouping read of each article (compare/features.py): with a
    # store, read from it a chunk at a time by each; without one, made once (while cleaning) and held.
    features = None if options.cache_dir else article_features(articles, options)
    marks = duplicate_marks(articles, options, features)
    out += duplicate_findings(articles, config, listed, marks, options)
    out += manifest_findings(manifests, seen)
    if articles:
        out += story_findings(articles, config, options, features)
    if baseline:
        saved = load_baseline(baseline)
        from ..compare.report import build_report

        current = build_report(articles, options).to_dict()
        out += baseline_findings(saved, current, config, current_paths(current))
    return out


def _article_findings(articles: list[Article], config: Config, options: Options) -> list[Finding]:
    """The rules on each article alone (check/files.py): from the store for an article and settings
    checked before (a re-run on a grown corpus checks only the new articles), else found and stored."""
    from .. import store
    from .files import article_findings

    rules = repr(config)  # every setting, whichever the rules read
    keys = [store.findings_key(a, rules) for a in articles] if options.cache_dir else []
    found = store.get_findings(keys, options)
    out: list[Finding] = []
    new: list[tuple[str, tuple[Finding, ...]]] = []
    for n, article in enumerate(articles):
        key = keys[n] if keys else ""
        findings = found.get(key) if key else None
        if findings is None:
            findings = tuple(article_findings(article, config))
            if key:
                new.append((key, findings))
        out += findings
    store.put_findings(new, options)
    return out


def _manifests(seen: dict[Path, str]) -> list[Manifest]:
    from ..ingest.read import manifest_for

    cache: dict = {}
    found: dict[Path, Manifest] = {}
    for path in seen:
        m = manifest_for(path, cache)
        if isinstance(m, Manifest):
            found[m.root] = m
    return list(found.values())


def _status(findings: list[Finding], articles: list[Article], strict: bool) -> ExitStatus:
    if not articles and findings and all(f.code in ("SC001", "SC002", "SC003", "SC004", "SC005") for f in findings):
        return ExitStatus.USAGE
    if any(f.severity == "error" for f in findings):
        return ExitStatus.FINDINGS
    if strict and findings:
        return ExitStatus.FINDINGS
    return ExitStatus.OK
