"""Reports that stay readable with many outlets: golden files at 80 and 120 columns for 2, 5 and 10
outlets (real coverage of one event, tests/data/outlets), no word ever cut, one label per article in
every format, and the focus options.

Set SRCCOMPARE_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from click.testing import CliRunner

from srccompare.cli import cli
from srccompare.environment import Environment

from .conftest import CORPUS, DATA, assert_golden

OUTLETS = DATA / "outlets"
FILES = sorted(str(p) for p in OUTLETS.glob("*.txt"))
SETS = {2: FILES[:2], 5: FILES[:5], 10: FILES}
MARKERS = re.compile(r"\[-|-\]|\{\+|\+\}")


def _run(*args: str, width: int = 100, env: dict[str, str] | None = None):
    result = CliRunner().invoke(
        cli, list(args), obj=Environment(color=False, width=width), env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("outlets", [2, 5, 10])
def test_golden_reports(outlets, width):
    text = _run("compare", *SETS[outlets], "--width", str(width))
    assert_golden(f"outlets_{outlets}_{width}.txt", text)
    assert max(len(line) for line in text.splitlines()) <= width


def _words_of_facts(paths: list[str]) -> set[str]:
    report = json.loads(_run("compare", *paths, "--format", "json"))
    return {w for e in report["events"] for f in e["facts"] for m in f["members"] for w in m["text"].split()}


def _tokens(text: str) -> set[str]:
    return {t for line in text.splitlines() for t in MARKERS.sub(" ", line).replace("│", " ").split()}


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("paths", [FILES, FILES[:5], [str(CORPUS)]], ids=["10 outlets", "5 outlets", "corpus"])
def test_no_word_is_cut(paths, width):
    """Every word of every fact reaches the full report whole: wrapped at spaces, never cut with an
    ellipsis, never split across lines (the old 80-column report cut 396 words)."""
    shown = _tokens(_run("compare", *paths, "--full", "--width", str(width)))
    missing = sorted(_words_of_facts(paths) - shown)
    assert missing == []


def test_corpus_report_is_short_by_default_and_complete_with_full():
    short = _run("compare", str(CORPUS), "--width", "80")
    full = _run("compare", str(CORPUS), "--width", "80", "--full")
    assert len(short.splitlines()) <= 150
    assert len(full.splitlines()) > len(short.splitlines())
    # Summary first: each compared event names its outlets and its most important difference up front.
    e2 = short.split("E2: ", 1)[1]
    assert e2.index("Outlets") < e2.index("Differences") < e2.index("Told differently")
    assert "--full" in short and "Shortened" not in full


def test_plain_output_marks_each_changed_run_once():
    text = _run("compare", str(CORPUS), "--width", "120")
    # AsiaNews's version of the Putin polarity sentence: one marked run, not one mark per word.
    assert "{+suggested that+}" in text or "{+With respect to North Korea's nuclear weapons programme,+}" in text
    assert "*" not in MARKERS.sub("", text).replace("**", "")


def test_one_label_per_article_in_all_four_formats(tmp_path):
    # Two articles of one outlet: told apart as "People" and "People (2)" everywhere.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("01_people.txt", "04_inquirer.txt", "06_los_angeles_times.txt"):
        shutil.copy(OUTLETS / name, corpus / name)
    (corpus / "manifest.toml").write_text(
        '[files."01_people.txt"]\noutlet = "People"\n\n[files."04_inquirer.txt"]\noutlet = "People"\n',
        encoding="utf-8",
    )
    report = json.loads(_run("compare", str(corpus), "--format", "json"))
    labels = {a["path"].rsplit("/", 1)[-1]: a["label"] for a in report["articles"]}
    assert labels == {
        "01_people.txt": "People",
        "04_inquirer.txt": "People (2)",
        "06_los_angeles_times.txt": "06_los_angeles_times",
    }
    terminal = _run("compare", str(corpus), "--full")
    markdown = _run("compare", str(corpus), "--format", "markdown", "--full")
    html = _run("compare", str(corpus), "--format", "html")
    for label in labels.values():
        assert label in terminal and label.replace("_", "\\_") in markdown and f">{label}</th>" in html, label
    # No renderer falls back to a file name of its own for an article that has a label.
    assert "04_inquirer" not in terminal + markdown


def test_outlet_focus_lists_what_it_added_omitted_and_framed():
    text = _run("compare", *FILES, "--outlet", "new york post", "--width", "100")
    assert "Told differently by New York Post" in text or "Only in New York Post" in text
    report = json.loads(_run("compare", *FILES, "--format", "json"))
    post = next(a["id"] for a in report["articles"] if a["label"] == "New York Post")
    event = next(e for e in report["events"] if post in e["articles"])
    if event["outlets"][post]["omitted"]:
        assert "Omitted by New York Post" in text
    # Other outlets' own additions are not listed.
    assert "Only in CBS News" not in text


def test_unknown_outlet_says_so():
    text = _run("compare", str(CORPUS), "--outlet", "Nobody")
    assert "No article of the outlet 'Nobody'" in text


def test_kind_and_limit_focus():
    text = _run("compare", str(CORPUS), "--kind", "quote", "--full", "--width", "100")
    body = text.split("Told differently", 1)[1]
    heads = re.findall(r"^F\d+ divergent · (.*)$", body, re.M)
    assert heads and all("quote" in h for h in heads)
    assert "Only in" not in text
    none = _run("compare", str(CORPUS), "--limit", "0", "--width", "100")
    assert "Told differently" not in none and "Differences" in none


def test_unknown_kind_is_a_usage_error():
    result = CliRunner().invoke(cli, ["compare", str(CORPUS), "--kind", "numbr"], obj=Environment(color=False))
    assert result.exit_code == 2 and "numbr" in result.stderr and "Traceback" not in result.stderr


def test_pager_runs_the_users_pager_on_a_terminal(tmp_path, monkeypatch):
    from srccompare.pager import page

    captured = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"cat > {captured}")
    page("a report\nof two lines\n", Environment())
    assert captured.read_text(encoding="utf-8") == "a report\nof two lines\n"


def test_pager_only_on_the_processs_own_terminal(monkeypatch):
    monkeypatch.setenv("PAGER", "less")
    assert Environment().want_pager(False) is False
    assert Environment().want_pager(True) is True
    injected = Environment(out=open(os.devnull, "w"))  # noqa: SIM115
    assert injected.want_pager(None) is False
    monkeypatch.setenv("PAGER", "cat")
    assert Environment().want_pager(None) is False


def test_exit_codes_agree_in_code_help_and_readme(tmp_path):
    """The README's table, each command's --help and ExitStatus say the same thing."""
    from srccompare.status import ExitStatus

    readme = (DATA.parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    rows = {
        line.split("|")[1].strip(" `"): [c.strip() for c in line.split("|")[2:5]] for line in table.splitlines()[2:]
    }
    assert set(rows) == {"compare", "clean", "check", "fetch"}
    assert [int(c) for c in table.splitlines()[0].split("|")[2:5]] == [
        ExitStatus.OK,
        ExitStatus.FINDINGS,
        ExitStatus.USAGE,
    ]
    for command, (_ok, partial, usage) in rows.items():
        result = CliRunner().invoke(cli, [command, "--help"], obj=Environment(color=False))
        help_text = " ".join(result.stdout.split())
        assert "Exit status: 0" in help_text, command
        assert "2 usage error or no usable input" in help_text and usage == "usage error, or no usable input"
        assert "some inputs could not be used" in help_text and "some inputs could not be used" in partial
    # And the behaviour: differences alone exit 0; a bad input beside good ones, 1; nothing usable, 2.
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03")
    for command in ("compare", "clean"):
        runs = [
            CliRunner().invoke(cli, [command, *args], obj=Environment(color=False))
            for args in ([str(CORPUS)], [str(CORPUS), str(binary)], [str(binary)])
        ]
        assert [r.exit_code for r in runs] == [ExitStatus.OK, ExitStatus.FINDINGS, ExitStatus.USAGE], command
