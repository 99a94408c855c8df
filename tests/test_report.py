"""build_report on awkward corpora (notices) and the per-outlet arithmetic of added/omitted/framed."""

from __future__ import annotations

import json
from dataclasses import replace

import srccompare
from srccompare.compare.coverage import outlet_facts
from srccompare.compare.report import build_report
from srccompare.model import Article, Difference, FactGroup, Member
from srccompare.nlp.sentences import split_sentences

from .conftest import CORPUS, DATA

ALIGN = DATA / "align"


def article(
    article_id: str,
    paragraphs: list[str],
    outlet: str | None = None,
    language: str | None = "en",
    published: str | None = "2024-05-06",
) -> Article:
    return Article(
        id=article_id,
        path=article_id,
        outlet=outlet,
        language=language,
        published=published,
        title=paragraphs[0][:40] if paragraphs else None,
        paragraphs=tuple(paragraphs),
        sentences=tuple(split_sentences(paragraphs)),
    )


def from_file(name: str, outlet: str) -> Article:
    text = (ALIGN / name).read_text(encoding="utf-8")
    return article(name, [p.strip() for p in text.split("\n\n") if p.strip()], outlet)


def kinds(report) -> dict[str, tuple[str, ...]]:
    return {n.kind: n.articles for n in report.notices}


def test_article_without_sentences_is_named_and_left_out():
    a, b = from_file("harbour_a.txt", "Alder Post"), from_file("harbour_b.txt", "Bay Times")
    empty = Article(id="empty.txt", path="empty.txt", outlet="Nobody")
    report = build_report([a, b, empty])
    assert kinds(report)["no_sentences"] == ("empty.txt",)
    assert all("empty.txt" not in e.articles for e in report.events)
    assert "empty.txt" in {x.id for x in report.articles}


def test_identical_duplicate_is_a_notice_not_agreement():
    a, b = from_file("harbour_a.txt", "Alder Post"), from_file("harbour_b.txt", "Bay Times")
    copy = replace(a, id="copy_of_a.txt", path="copy_of_a.txt", outlet="Copycat")
    report = build_report([a, b, copy])
    assert kinds(report)["duplicate"] == (a.id, "copy_of_a.txt")
    for e in report.events:
        assert "copy_of_a.txt" not in e.articles
        for f in e.facts:
            assert "copy_of_a.txt" not in f.articles


def test_other_language_is_kept_and_marked():
    a, b = from_file("harbour_a.txt", "Alder Post"), from_file("harbour_b.txt", "Bay Times")
    german = article(
        "hafen_de.txt",
        [
            "Der Stadtrat von Port Alder hat am Montag beschlossen, die alte Hafenbrücke für Lastwagen zu sperren.",
            "Bürgermeisterin Ines Varga sagte, die Sperrung werde mindestens sechs Monate dauern.",
        ],
        outlet="Hafenblatt",
        language="de",
    )
    report = build_report([a, b, german])
    assert kinds(report)["language"] == ("hafen_de.txt",)
    assert "hafen_de.txt" in {x.id for x in report.articles}
    for e in report.events:
        for f in e.facts:
            if "hafen_de.txt" in f.articles:
                assert len(f.articles) == 1


def test_single_article_and_single_outlet():
    a = from_file("harbour_a.txt", "Alder Post")
    report = build_report([a])
    assert "single_article" in kinds(report)
    (event,) = report.events
    assert all(f.relation == "single" for f in event.facts)
    assert event.outlets[a.id].added == ()  # nothing to compare with: nothing is "added"

    b = replace(from_file("harbour_b.txt", "Alder Post"))
    assert "single_outlet" in kinds(build_report([a, b]))


def test_nothing_to_compare_does_not_crash():
    assert build_report([]).events == ()
    empty = Article(id="e", path="e")
    report = build_report([empty])
    assert report.events == ()
    assert "no_sentences" in kinds(report)


def _fact(
    fid: str, relation: str, articles: list[str], departing: tuple[str, ...] = (), kind: str = "hedge"
) -> FactGroup:
    members = tuple(Member(a, i, f"{fid} in {a}") for i, a in enumerate(articles))
    differences = (Difference(kind, "test", departing),) if departing else ()
    return FactGroup(fid, relation, members, differences)


def test_outlet_arithmetic():
    arts = ["a", "b", "c", "d"]
    facts = [
        _fact("F1", "equivalent", ["a", "b", "c"]),  # d omits: 3 of its 3 others have it
        _fact("F2", "single", ["a"]),  # a adds; b, c, d do not omit (1 of 3 others)
        _fact("F3", "divergent", ["a", "b"], departing=("b",)),  # c and d omit (2 of 3 others)
        _fact("F4", "divergent", ["c", "d"], departing=("c", "d"), kind="name_variant"),
    ]
    out = outlet_facts(arts, facts)
    assert out["a"].added == ("F2",)
    assert out["a"].shared == ("F1", "F3")
    assert out["a"].framed == ()
    assert out["b"].framed == ("F3",)
    assert out["d"].omitted == ("F1", "F3")
    assert out["b"].omitted == ("F4",)  # c and d are 2 of b's 3 others; F2 (a alone) is only 1
    assert out["c"].framed == ()  # a name variant is not framing


def test_corpus_report_json_round_trips():
    report = srccompare.compare(srccompare.load([str(CORPUS)]))
    d = json.loads(json.dumps(report.to_dict()))
    assert list(d) == ["schema_version", "articles", "story", "events", "notices"]
    for e in d["events"]:
        assert [f["id"] for f in e["facts"]] == [f"{e['id']}.F{i}" for i in range(1, len(e["facts"]) + 1)]


def test_cli_compare_json(run):
    result = run("compare", str(CORPUS), "--format", "json")
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    assert d["schema_version"] == 2
    assert len(d["events"]) == 4


def _report_shape(report) -> set:
    """Facts as (relation, members as (article, text)): what moving paragraphs must not change."""
    return {(f.relation, frozenset((m.article, m.text) for m in f.members)) for e in report.events for f in e.facts}


def test_moving_paragraphs_keeps_facts_and_relations():
    import random

    a, b = from_file("harbour_a.txt", "Alder Post"), from_file("harbour_b.txt", "Bay Times")
    baseline = _report_shape(build_report([a, b]))
    rnd = random.Random(11)
    for _ in range(5):
        moved = []
        for x in (a, b):
            paragraphs = list(x.paragraphs)
            rnd.shuffle(paragraphs)
            moved.append(article(x.id, paragraphs, x.outlet))
        assert _report_shape(build_report(moved)) == baseline


def test_awkward_corpora_follow_the_schema():
    import jsonschema

    from .conftest import ROOT

    schema = json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))
    a, b = from_file("harbour_a.txt", "Alder Post"), from_file("harbour_b.txt", "Bay Times")
    german = article(
        "hafen_de.txt",
        ["Der Stadtrat hat am Montag beschlossen, die Brücke zu sperren."],
        outlet="Hafenblatt",
        language="de",
    )
    corpora = [
        [a, b, replace(a, id="copy.txt", path="copy.txt"), Article(id="empty.txt", path="empty.txt"), german],
        [a],
        [],
    ]
    for corpus in corpora:
        jsonschema.validate(build_report(corpus).to_dict(), schema)


def test_other_language_article_neither_adds_nor_omits():
    arts = ["en1", "en2", "de"]
    facts = [
        _fact("F1", "equivalent", ["en1", "en2"]),
        _fact("F2", "single", ["de"]),
        _fact("F3", "single", ["en1"]),
    ]
    out = outlet_facts(arts, facts, unaligned=frozenset({"de"}))
    assert out["de"].added == () and out["de"].omitted == ()
    assert out["en1"].added == ("F3",)
    assert "F2" not in out["en2"].omitted
    assert out["en2"].omitted == ("F3",)


def test_facts_follow_the_most_central_article():
    """The article sharing most facts sets the order; the facts it lacks come after, in the
    order of the other articles."""
    a, b = from_file("harbour_a.txt", "Alder Post"), from_file("harbour_b.txt", "Bay Times")
    (event,) = build_report([a, b]).events
    shared = {x: sum(x in f.articles and len(f.articles) > 1 for f in event.facts) for x in event.articles}
    centre = max(event.articles, key=lambda x: (shared[x], -event.articles.index(x)))
    with_centre = [f for f in event.facts if centre in f.articles]
    assert event.facts[: len(with_centre)] == tuple(with_centre)
    firsts = [min(m.sentence for m in f.members if m.article == centre) for f in with_centre]
    assert firsts == sorted(firsts)
    rest = event.facts[len(with_centre) :]
    assert all(centre not in f.articles for f in rest)


_WORDS = [
    "Seoul",
    "said",
    "the",
    "ambassador",
    "“we",
    "are",
    "ready,”",
    "U.S.",
    "Kyiv",
    "Kiev",
    "7,000",
    "...",
    "[...]",
    "(South)",
    "not",
    "will",
    "be",
    "resolved.",
    "Putin",
    "—",
    "안녕하세요",
    "über",
    "",
    '"',
    ".",
]


def test_arbitrary_articles_never_crash():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    paragraph = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=25).map(" ".join)
    one = st.tuples(
        st.lists(paragraph, min_size=0, max_size=6),
        st.sampled_from(["en", "de", "ko", None]),
        st.sampled_from(["A", "B", "C", None]),
        st.sampled_from(["2024-06-05", "2023-01-01", None]),
    )

    @settings(max_examples=40, deadline=None)
    @given(st.lists(one, min_size=0, max_size=5))
    def check(specs):
        arts = [
            article(f"a{i}.txt", [p for p in paras if p.strip()], outlet, language, published)
            for i, (paras, language, outlet, published) in enumerate(specs)
        ]
        report = build_report(arts)
        d = report.to_dict()
        for e in d["events"]:
            assert set(e["outlets"]) == set(e["articles"])
            for f in e["facts"]:
                if f["relation"] == "divergent":
                    assert f["differences"]

    check()


def test_three_outlets_added_omitted_framed_on_real_text():
    arts = [
        from_file("harbour_a.txt", "Alder Post"),
        from_file("harbour_b.txt", "Bay Times"),
        from_file("harbour_c.txt", "Coast News"),
    ]
    (event,) = build_report(arts).events

    def fact(fragment: str) -> FactGroup:
        (found,) = [f for f in event.facts if any(fragment in m.text for m in f.members)]
        return found

    quote, detour, hedged = fact("We cannot take risks"), fact("forty minutes"), fact("could reportedly last")
    fishermen, opened = fact("fishermen"), fact("opened in 1962")
    assert {"harbour_a.txt", "harbour_b.txt"} <= set(quote.articles)
    assert quote.id in event.outlets["harbour_c.txt"].omitted  # both others quote the mayor
    assert detour.id in event.outlets["harbour_b.txt"].omitted  # a and c report the detour
    assert fishermen.id in event.outlets["harbour_b.txt"].added
    assert opened.id in event.outlets["harbour_a.txt"].added
    # One of a's two others is half of them, not most: a fact only b tells is b's addition, not a's omission.
    assert fishermen.id not in event.outlets["harbour_a.txt"].omitted
    assert hedged.relation == "divergent"
    assert hedged.id in event.outlets["harbour_c.txt"].framed
    assert event.outlets["harbour_c.txt"].added == ()


def test_words_only_one_side_has_are_shown_as_it_writes_them():
    # ECB+ T18b: the same quotation, one outlet adding who said it and how; no kind of difference names that.
    from srccompare.compare.report import _wording

    a = '"She was an essential point of our lives," said a tearful Charlie Kafoury, who had difficulty getting out his words.'
    b = '"She was an essential point of our lives."'
    by_id = {
        name: Article(id=name, path=name, outlet=outlet, paragraphs=(text,), sentences=tuple(split_sentences([text])))
        for name, outlet, text in (("a.txt", "Detroit News", a), ("b.txt", "Free Press", b))
    }
    diff = _wording({"a.txt": a, "b.txt": b}, by_id)
    assert diff.kind == "added_detail" and diff.articles == ("a.txt",)
    # as a phrase the outlet wrote, not a list of its content words
    assert (
        diff.detail
        == 'added_detail: Detroit News adds: "tearful Charlie Kafoury, who had difficulty getting out his words"'
    )
    # each run of its own words apart: ECB+ T8a doc_0070 / doc_0399, no kind of difference names those either
    diff = _wording(
        {
            "a.txt": "Protesters are angry not just at the police but at an increasingly unpopular government and over "
            "economic issues.",
            "b.txt": "They are looking for government to change.",
        },
        {},
    )
    assert diff.used["a.txt"] == (
        "Protesters are angry not just at the police but at an increasingly unpopular",
        "economic issues",
    )
    assert diff.used["b.txt"] == ("looking", "change")


def test_one_number_disagreement_is_shown_in_one_fact_and_named_elsewhere():
    """ECB+ T20b (the 2005 Qeshm quake): five outlets' leads each give the toll, so several facts hold the same
    conflicting figures; each disagreement is shown in full in one fact (the one with the most articles giving it), the
    others name that fact, and every figure stays in the typed ``numbers``."""
    import pytest

    from srccompare.render.labels import difference_detail

    from .conftest import SHARED

    articles = SHARED / "bench" / "ecbplus" / "articles"
    if not articles.is_dir():
        pytest.skip("needs ../shared/bench/ecbplus")
    names = json.loads((DATA / "facts" / "T20b.json").read_text(encoding="utf-8"))["files"]
    report = srccompare.compare(srccompare.load([articles / n for n in names]))
    named = 0
    for event in report.events:
        shown: dict[tuple, list[str]] = {}
        ids = {f.id for f in event.facts}
        for fact in event.facts:
            for d in fact.differences:
                if d.kind != "number" or d.form is not None:
                    continue
                for thing, home in d.elsewhere.items():
                    named += 1
                    assert home in ids and home != fact.id
                    assert f"{thing}: as in {home.rsplit('.', 1)[-1]}" in d.detail
                    assert any(u.thing == thing for uses in d.numbers.values() for u in uses)
                per_thing: dict[str, dict[str, set]] = {}
                for a, uses in d.numbers.items():
                    for u in uses:
                        if u.form is None and u.thing and u.thing not in d.elsewhere and u.text in d.used.get(a, ()):
                            per_thing.setdefault(u.thing, {}).setdefault(a, set()).add((u.value, u.unit))
                for thing, per_article in per_thing.items():
                    told = frozenset(frozenset(v) for v in per_article.values())
                    if len(told) >= 2:
                        shown.setdefault((thing, told), []).append(fact.id)
        assert all(len(facts) == 1 for facts in shown.values()), shown
    assert named >= 3
    # the detail is built from the typed fields: without ``elsewhere`` the figures are listed again
    fact = next(f for e in report.events for f in e.facts for d in f.differences if d.elsewhere)
    diff = next(d for d in fact.differences if d.elsewhere)
    assert "as in" not in difference_detail(replace(diff, elsewhere={}), {})
