"""Every command documents itself: help text with an Example block (as sqlite-utils' test_docs does)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from srccompare.cli import cli


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_with_example(name, run):
    command = cli.commands[name]
    assert command.help, f"{name} has no help"
    assert "Example:" in command.help, f"{name}'s help has no Example: block"
    result = run(name, "--help")
    assert result.exit_code == 0
    assert f"srccompare {name}" in result.output


def test_every_option_has_help():
    for name, command in cli.commands.items():
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help"


def test_help_is_fast_and_imports_nothing_heavy():
    code = (
        "import sys, time; t=time.perf_counter();"
        "from srccompare.cli import cli;"
        "heavy=[m for m in ('trafilatura','lxml','jinja2','rich','charset_normalizer','urllib3','feedparser','warcio','brotli','dask','distributed','sqlite3','orjson') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "srccompare", "--help"], capture_output=True, check=True)
    assert time.perf_counter() - start < 1.0  # generous for loaded CI machines; BENCHMARKS.md has the figure
