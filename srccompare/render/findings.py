"""Render check results: text (people), json (scripts), github (PR annotations), junit (any CI)."""

from __future__ import annotations

import io
import json
from collections import defaultdict

from ..environment import Environment
from .labels import counted
from .safe import escape_controls as _safe


def render_findings(result, fmt: str, env: Environment) -> str:
    renderer = {"json": _json, "github": _github, "junit": _junit}.get(fmt, _text)
    return renderer(result, env)


def _json(result, env: Environment) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _text(result, env: Environment) -> str:
    from rich.markup import escape

    buf = io.StringIO()
    console = env.console(buf)
    style = {"error": "bold red", "warning": "yellow"}
    # One print for all the lines: rich's work per call, not per line, is what a corpus of a thousand
    # findings paid for.
    lines = [
        f"{escape(_safe(_where(f)))}: [{style[f.severity]}]{f.code}[/] {f.severity}: {escape(_safe(f.message))}"
        for f in result.findings
    ]
    if lines:
        console.print("\n".join(lines), soft_wrap=True)
    summary = (
        f"{counted(len(result.files), 'file')} checked: {counted(result.errors, 'error')}, "
        f"{counted(result.warnings, 'warning')}"
    )
    console.print(f"[bold]{summary}[/]" if result.findings else f"[green]{summary}[/]")
    return buf.getvalue()


def _github(result, env: Environment) -> str:
    """Workflow commands: ::error file=F,line=L,title=T::message (escaped as the runner expects)."""
    lines = []
    for f in result.findings:
        props = [f"file={_prop(_safe(f.path))}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_prop(f.code)}")
        lines.append(f"::{f.severity} {','.join(props)}::{_data(_safe(f.message))}\n")
    return "".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _junit(result, env: Environment) -> str:
    """One testcase per file; a failure holds all of that file's errors (warnings go to system-out)."""
    from xml.etree import ElementTree as ET

    by_file = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    paths = list(dict.fromkeys((*result.files, *by_file)))
    failed = [p for p in paths if any(f.severity == "error" for f in by_file[p])]
    suites = ET.Element("testsuites", name="srccompare check", tests=str(len(paths)), failures=str(len(failed)))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="srccompare check",
        tests=str(len(paths)),
        failures=str(len(failed)),
        errors="0",
        skipped="0",
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="srccompare.check", name=_safe(path))
        errors = [f for f in by_file[path] if f.severity == "error"]
        warnings = [f for f in by_file[path] if f.severity == "warning"]
        if errors:
            failure = ET.SubElement(
                case, "failure", type=errors[0].code, message="; ".join(f"{f.code} {_safe(f.message)}" for f in errors)
            )
            failure.text = "\n".join(_line(f) for f in errors)
        if warnings:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in warnings)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _line(f) -> str:
    return _safe(f"{_where(f)}: {f.code} {f.severity}: {f.message}")


def _where(f) -> str:
    return f"{f.path}:{f.line}" if f.line else f.path
