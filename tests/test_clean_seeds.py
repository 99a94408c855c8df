"""The five seed dumps against the hand-made gold file: body lines, furniture, title, date, origin."""

from __future__ import annotations

import pytest

import srccompare
from srccompare.options import Options

from .conftest import CORPUS

NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))


def _ranges(spans):
    return {n for a, b in spans for n in range(a, b + 1)}


@pytest.fixture(scope="module")
def with_manifest():
    return {a.path.split("/")[-1]: a for a in srccompare.load([str(CORPUS)])}


@pytest.fixture(scope="module")
def without_manifest():
    options = Options(use_manifest=False)
    return {a.path.split("/")[-1]: a for a in srccompare.load([str(CORPUS)], options)}


@pytest.fixture(params=["manifest", "no manifest"])
def articles(request, with_manifest, without_manifest):
    return with_manifest if request.param == "manifest" else without_manifest


@pytest.mark.parametrize("name", NAMES)
def test_body_lines_kept_and_furniture_dropped(name, articles, gold):
    expected = gold["articles"][name]
    article = articles[name]
    raw = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    body = {n for n in _ranges(expected["body"]) if raw[n - 1].strip()}
    optional = _ranges(expected["optional"])
    kept = {n for lines in article.paragraph_lines for n in lines}
    dropped = {d.line for d in article.dropped}
    assert article.paragraph_lines, "paragraph line numbers must line up with the paragraphs"
    assert body <= kept, f"body lines dropped: {sorted(body - kept)}"
    furniture = {n for n, text in enumerate(raw, 1) if text.strip() and n not in body and n not in optional}
    assert furniture <= dropped, f"furniture kept: {sorted(furniture - dropped)}"
    assert not kept & dropped
    for d in article.dropped:
        assert d.reason and d.text == raw[d.line - 1].strip()


@pytest.mark.parametrize("name", NAMES)
def test_first_and_last_sentence(name, articles, gold):
    expected = gold["articles"][name]
    body = articles[name].body
    assert expected["first_body_sentence_starts"] in body
    assert expected["last_body_sentence_starts"] in body


@pytest.mark.parametrize("name", NAMES)
def test_title_published_origin(name, articles, gold, with_manifest):
    expected = gold["articles"][name]
    article = articles[name]
    assert article.title == expected["title"]
    # The dateline the gold gives (000, 004), with the manifest or without it.
    assert article.dateline == expected.get("dateline")
    if articles is with_manifest:
        assert article.published == expected["published"]
        assert article.origin == expected["origin"]
        assert article.outlet == expected["outlet"]
        return
    if "may leave it unknown" in expected.get("published_note", ""):
        assert article.published in (expected["published"], None)
    else:
        assert article.published == expected["published"]
    # Without the manifest only a credit in the text names the origin. 004 is a rewrite that credits
    # Yonhap at the end of its lede ("..., Yonhap news agency reported."); IANS is nowhere in the text.
    # The source a rewrite names is its origin, not its outlet.
    if name.startswith("004"):
        assert article.origin == "Yonhap"
        assert article.outlet is None
    else:
        assert article.origin == expected["origin"]


def test_view_date_traps_without_manifest(without_manifest):
    # Line 1 of 002 and 004 is the day the page was viewed; the stamp and the dateline win.
    assert without_manifest["002_94eb0a8464f32015.txt"].published == "2024-06-21"
    assert without_manifest["004_8d8a74bae2f40e61.txt"].published == "2024-06-27"


def test_sentence_split_by_blank_line_is_rejoined(articles, gold):
    article = articles["003_cf32fd44ea05852b.txt"]
    sentence = gold["articles"]["003_cf32fd44ea05852b.txt"]["joined_sentence"].split(": '", 1)[1].rstrip("'")
    assert any(sentence in p for p in article.paragraphs)
    assert (19, 21) in article.paragraph_lines


def test_paragraph_split_over_two_lines_is_one_paragraph(articles):
    article = articles["002_94eb0a8464f32015.txt"]
    assert (44, 45) in article.paragraph_lines


def test_byline_dateline_url_without_manifest(without_manifest, gold):
    a003 = without_manifest["003_cf32fd44ea05852b.txt"]
    assert a003.byline == gold["articles"]["003_cf32fd44ea05852b.txt"]["byline"]
    assert a003.url == gold["articles"]["003_cf32fd44ea05852b.txt"]["url"]
    assert without_manifest["004_8d8a74bae2f40e61.txt"].dateline == "Seoul, June 27"
    assert without_manifest["000_a67b68c824396ff8.txt"].dateline == "Seoul"


def test_repeated_title_and_labels(without_manifest):
    reasons = {d.line: d.reason for d in without_manifest["002_94eb0a8464f32015.txt"].dropped}
    assert reasons[4] == "title" and reasons[8] == "title (repeated)"
    assert reasons[7] == "metadata: date or timestamp" and reasons[47] == "metadata: source credit"
    for article in without_manifest.values():
        for d in article.dropped:
            assert d.reason.split(":")[0].split(" (")[0] in ("title", "metadata", "furniture"), d


def test_reasons_are_readable(without_manifest):
    reasons = {d.line: d.reason for d in without_manifest["001_3dbf73fb56b3fa01.txt"].dropped}
    assert reasons[1] == "title"
    assert reasons[2] == reasons[3] == "furniture: Hangul text on a Latin page"
    assert reasons[19] == "metadata: credit line"
    assert reasons[21] == "furniture: list of headlines"
    reasons = {d.line: d.reason for d in without_manifest["004_8d8a74bae2f40e61.txt"].dropped}
    assert reasons[2] == "furniture: breadcrumb"
    assert reasons[1] == "metadata: date or timestamp"
    reasons = {d.line: d.reason for d in without_manifest["003_cf32fd44ea05852b.txt"].dropped}
    assert reasons[37] == "metadata: url label" and reasons[39] == "metadata: url or e-mail address"
    assert reasons[5] == "metadata: byline" and reasons[11] == "furniture: photo caption or credit"
