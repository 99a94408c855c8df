"""Terminal and Markdown reports against golden files, at a fixed width with no colour.

Set SRCCOMPARE_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, and review the diff.
"""

from __future__ import annotations

import pytest

from srccompare.environment import Environment
from srccompare.render.markdown import render_markdown
from srccompare.render.terminal import render_terminal
from tests.conftest import assert_golden
from tests.sample_report import sample_report


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_sampleassert_golden(width):
    assert_golden(
        f"terminal_sample_{width}.txt", render_terminal(sample_report(), Environment(color=False, width=width))
    )


def test_markdown_sampleassert_golden():
    assert_golden("markdown_sample.md", render_markdown(sample_report()))


def test_terminal_fits_width_and_has_no_escape_codes():
    text = render_terminal(sample_report(), Environment(color=False, width=80))
    assert "\x1b[" not in text
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    for needle in (
        "Story timeline",
        "AsiaNews",
        "Yonhap",
        "polarity",
        "attribution",
        "Only in AsiaNews",
        "Quotes",
        "bracketed",
        "{+is unlikely to+}",
    ):
        assert needle in text, needle


def test_colour_when_asked_and_no_color_env(monkeypatch):
    coloured = render_terminal(sample_report(), Environment(color=True, width=100))
    assert "\x1b[" in coloured and "{+is unlikely to+}" not in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in render_terminal(sample_report(), Environment(width=100))


def test_markdown_escapes_article_text():
    from dataclasses import replace

    report = sample_report()
    hostile = replace(report.events[1], title="<script>alert(1)</script> | *x*")
    text = render_markdown(replace(report, events=(report.events[0], hostile)))
    assert "<script>" not in text and "\\<script\\>" in text and "\\| \\*x\\*" in text


def test_terminal_corpusassert_golden(run):
    """The whole pipeline on corpus/: a change in cleaning, alignment or classification shows up here
    as a reviewable diff (regenerate with SRCCOMPARE_UPDATE_GOLDEN=1 when the change is intended)."""
    from tests.conftest import CORPUS

    result = run("compare", str(CORPUS), "--no-color", "--width", "100")
    assert result.exit_code == 0
    assert_golden("terminal_corpus_100.txt", result.stdout)


def test_a_member_told_in_a_clause_is_marked_as_part_of_its_sentence():
    # tests/data/outlets: the Inquirer tells that Lohan never entered Morningside in a clause of a longer sentence
    # (compare/align.py); the JSON says so and every renderer shows the clause after an ellipsis, so no one takes it
    # for the sentence.
    import srccompare
    from srccompare.render.html import render_html
    from srccompare.render.view import FULL
    from tests.conftest import DATA

    report = srccompare.compare(
        srccompare.load([DATA / "outlets" / "04_inquirer.txt", DATA / "outlets" / "05_fox_news.txt"])
    )
    members = [m for e in report.events for f in e.facts for m in f.members if m.text.startswith("while her attorney")]
    assert members and all(m.part and m.to_dict()["part"] is True for m in members)
    assert all("part" not in m.to_dict() for e in report.events for f in e.facts for m in f.members if not m.part)
    import re

    # the ellipsis, then the clause's first words, changed-word marks of each renderer allowed between them
    shown = re.compile(r"…\s*(?:\{\+|\[-|\*\*|~~|<mark[^>]*>|<del[^>]*>|<s>)?while her attorney")
    assert shown.search(render_terminal(report, Environment(color=False, width=200), view=FULL))
    assert shown.search(render_markdown(report, FULL))
    assert shown.search(render_html(report))
