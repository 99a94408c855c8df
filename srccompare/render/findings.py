"""Render check findings. (Placeholder: replaced by text/json/github/junit.)"""

from __future__ import annotations

from ..environment import Environment


def render_findings(result, fmt: str, env: Environment) -> str:
    return "".join(f"{f.path}: {f.code} {f.message}\n" for f in result.findings)
