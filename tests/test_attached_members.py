"""Sentences that join a fact group by resembling its members on average (``align._attach``), not by a link to one
of them, are marked ``attached``: their figures are not set against the group's, and their silence on a source is
no side of a ``source_cited`` difference. Real text: the labelled ECB+ articles that ship in tests/data/facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import srccompare
from bench.factscore import ARTICLES, LABELS, load_labels

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "report-schema.json"


def _report(event: str) -> dict:
    labels = load_labels(LABELS / f"{event}.json")
    return srccompare.compare(srccompare.load([ARTICLES / n for n in labels.own], problems=[])).to_dict()


def _groups(report: dict) -> list[dict]:
    return [g for e in report["events"] for g in e["facts"]]


@pytest.fixture(scope="module")
def greek_strike() -> dict:
    # ECB+ T8b: the Athens general strike of 5 May 2010, the bank fire-bombed, the 110 billion euro bailout and the
    # 30 billion euros of savings it was bought with.
    return _report("T8b")


def test_attached_members_are_marked_and_the_report_keeps_its_schema(greek_strike):
    import jsonschema

    members = [m for g in _groups(greek_strike) for m in g["members"]]
    attached = [m for m in members if m.get("attached")]
    assert attached and len(attached) < len(members)
    assert all(m["attached"] is True for m in attached)
    assert not any("attached" in m for m in members if not m.get("attached"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(greek_strike, schema, cls=jsonschema.Draft202012Validator)


def test_an_attached_sentence_brings_no_figure_into_the_groups_number_difference(greek_strike):
    # "Pushed to the brink of default, the government agreed ... in return for 110 billion euros" resembles the group
    # of the savings ("30 billion euros in savings", "slice 30bn euros from its deficit") on average: it joins it,
    # but the bailout is not a second reading of the savings.
    for group in _groups(greek_strike):
        for diff in group["differences"]:
            if diff["kind"] == "number":
                assert not ("110 billion" in diff["detail"] and "30 billion" in diff["detail"]), diff["detail"]
    bailout = [
        g
        for g in _groups(greek_strike)
        if any(m.get("attached") and "110 billion" in m["text"] for m in g["members"])
        and any("30 billion" in m["text"] or "30bn" in m["text"] for m in g["members"])
    ]
    assert bailout, "the bailout sentence no longer joins the savings' group: this test reads nothing"


def test_a_street_number_of_an_attached_sentence_is_no_ordinal_of_the_fact():
    # ECB+ T19b (Brooklyn, March 2013): "E. 31st St." of a shop's address, in a sentence that joined a group on the
    # protests, had been set against the "55th" of another outlet as one figure told two ways.
    for group in _groups(_report("T19b")):
        for diff in group["differences"]:
            if diff["kind"] == "number":
                assert '"31st"' not in diff["detail"], diff["detail"]


def test_every_renderer_marks_an_attached_member_and_says_what_the_mark_means(greek_strike):
    from srccompare.environment import Environment
    from srccompare.model import Report
    from srccompare.render.html import render_html
    from srccompare.render.labels import ATTACHED_MEANING
    from srccompare.render.markdown import render_markdown
    from srccompare.render.terminal import render_terminal
    from srccompare.render.view import FULL

    labels = load_labels(LABELS / "T8b.json")
    report: Report = srccompare.compare(srccompare.load([ARTICLES / n for n in labels.own], problems=[]))
    attached = next(m for e in report.events for f in e.facts for m in f.members if m.attached)
    members = [m for e in report.events for f in e.facts for m in f.members]
    # a sentence linked in one group may join another as an attached member (it tells that fact too): one never attached
    attached_texts = {m.text for m in members if m.attached}
    linked = next(m for m in members if not m.attached and not m.part and m.text not in attached_texts)
    opening = " ".join(attached.text.split()[:4])
    terminal = render_terminal(report, Environment(color=False, width=400), view=FULL)
    # the words as shown, without the word-diff marks the side-by-side cells put around changed words
    plain = terminal
    for mark in ("[-", "-]", "{+", "+}"):
        plain = plain.replace(mark, "")
    assert f"≈ {opening}" in plain
    assert f"≈ {' '.join(linked.text.split()[:4])}" not in plain
    assert ATTACHED_MEANING.split("(")[0].strip() in " ".join(terminal.split())
    assert ATTACHED_MEANING in render_markdown(report, FULL)
    assert ATTACHED_MEANING in render_html(report)
    # a report with no attached member says nothing of the mark
    plain = srccompare.compare(srccompare.load([ARTICLES / n for n in labels.own[:1]], problems=[]))
    assert not any(m.attached for e in plain.events for f in e.facts for m in f.members)
    assert ATTACHED_MEANING not in render_markdown(plain, FULL)
    assert ATTACHED_MEANING not in render_html(plain)
