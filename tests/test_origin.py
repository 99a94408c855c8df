"""The origin of the copy (the credited wire or agency) on realistic snippets and the seeds; a photo
credit or a source cited inside the story is not the origin."""

from __future__ import annotations

import pytest

import srccompare
from srccompare import outlets
from srccompare.options import Options

from .conftest import CORPUS
from .test_dates import SNIPPETS, _clean, _with


@pytest.mark.parametrize("name", _with("origin"))
def test_origin(name):
    article = _clean(name)
    assert article.origin == (SNIPPETS[name]["origin"] or None)
    if "outlet" in SNIPPETS[name]:
        assert article.outlet == (SNIPPETS[name]["outlet"] or None)
    # The evidence: the credit form, and the line of the dump that holds the credit.
    evidence = article.origin_evidence
    if not article.origin:
        assert evidence is None
        return
    assert (evidence.value, evidence.rule) == (article.origin, SNIPPETS[name]["origin_rule"])
    line = (SNIPPETS[name]["text"].strip() + "\n").splitlines()[evidence.line - 1]
    assert evidence.line >= 1 and line.strip()
    assert "rewrite" in evidence.note if evidence.rule == "reported-by" else evidence.note in ("", _UNNAMED)


_UNNAMED = "unnamed agencies: not counted as one voice with other outlets"


def test_the_registry_is_data_with_enough_agencies():
    reg = outlets.registry()
    assert len(reg) >= 60
    assert sum(1 for name in reg if outlets.is_agency(name)) >= 60
    for alias, name in (("Kyodo News", "Kyodo"), ("Indo-Asian News Service", "IANS"), ("ITAR-TASS", "TASS")):
        assert outlets.known_outlet(alias) == name
    # An acronym that is a common word or a region is not an alias: "a map of MENA" names no outlet.
    assert outlets.find_outlets("a map of the MENA region in PA") == []


def test_seed_origins_without_the_manifest(gold):
    articles = {a.path.split("/")[-1]: a for a in srccompare.load([str(CORPUS)], Options(use_manifest=False))}
    for name in ("000_a67b68c824396ff8.txt", "001_3dbf73fb56b3fa01.txt", "002_94eb0a8464f32015.txt"):
        assert articles[name].origin == gold["articles"][name]["origin"]
    assert articles["003_cf32fd44ea05852b.txt"].origin == "AFP"  # "By AFP"; the TASS photo credit is not it
    # 004 credits Yonhap at the end of its lede (a rewrite): its origin, not its outlet.
    assert articles["004_8d8a74bae2f40e61.txt"].origin == "Yonhap"
    assert articles["004_8d8a74bae2f40e61.txt"].outlet is None
    # Each credit with its line and rule: 000's dateline, 001's and 002's credit lines of the gold.
    evidence = {n: (a.origin_evidence.line, a.origin_evidence.rule) for n, a in articles.items()}
    assert evidence["000_a67b68c824396ff8.txt"] == (
        gold["articles"]["000_a67b68c824396ff8.txt"]["body"][0][0],
        "dateline",
    )
    for name in ("001_3dbf73fb56b3fa01.txt", "002_94eb0a8464f32015.txt"):
        assert evidence[name][0] == gold["articles"][name]["credit_line"]
    assert evidence["003_cf32fd44ea05852b.txt"][1] == "byline"
    assert evidence["004_8d8a74bae2f40e61.txt"] == (6, "reported-by")
    assert "rewrite" in articles["004_8d8a74bae2f40e61.txt"].origin_evidence.note


def test_seed_origins_with_the_manifest_say_so(gold):
    for article in srccompare.load([str(CORPUS)]):
        name = article.path.split("/")[-1]
        assert article.origin == gold["articles"][name]["origin"]
        assert (article.origin_evidence.value, article.origin_evidence.rule) == (article.origin, "manifest")


def _page(name: str, canonical: str = "") -> str:
    """The snippet as a saved news page: head, navigation, the article's paragraphs, a footer."""
    lines = [ln.strip() for ln in SNIPPETS[name]["text"].strip().split("\n") if ln.strip()]
    title, rest = lines[0], lines[1:]
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "\n".join(f"<p>{ln}</p>" for ln in rest)
    return (
        f"<html><head><title>{title} | Example News</title>{link}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>'
        f"<article><h1>{title}</h1>\n{paragraphs}\n</article>"
        "<footer><p>About us</p><p>Contact</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "name", ["reuters_note", "copyright_ap", "with_inputs_pti", "with_inputs_agencies", "tass_rewrite", "by_afp"]
)
def test_origin_in_html_pages(name):
    article = srccompare.clean_html(_page(name))
    assert article.origin == SNIPPETS[name]["origin"]
    assert (article.origin_evidence.value, article.origin_evidence.line) == (article.origin, 0)
    if "outlet" in SNIPPETS[name] and not SNIPPETS[name]["outlet"]:
        assert article.outlet is None


def test_photo_credit_in_html_is_not_the_origin():
    assert srccompare.clean_html(_page("photo_credit_not_origin")).origin is None


def test_html_date_from_the_canonical_link():
    page = _page("photo_credit_not_origin", "https://www.example-news.com/asia/2023/08/30/north-korea-missile")
    article = srccompare.clean_html(page)
    assert article.published == "2023-08-30"
    chosen = next(e for e in article.dates_evidence if e.chosen and e.field == "published")
    assert chosen.rule in ("url", "html-meta")
    # "on Wednesday" in the lede of a page of Wednesday 30 August 2023.
    assert article.event_date == "2023-08-30"
