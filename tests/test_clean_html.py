"""The HTML cleaner on small pages written for it (tests/data/html): body, metadata, origin, bad pages."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

import srccompare
from srccompare.errors import InputError
from tests.conftest import DATA

HTML = DATA / "html"


def _clean(name: str, url: str | None = None) -> srccompare.Article:
    return srccompare.clean_html((HTML / name).read_text(encoding="utf-8"), url=url)


def test_article_body_keeps_paragraphs_and_drops_page_furniture():
    article = _clean("article.html")
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("Cranes at the port of Busan")
    assert article.paragraphs[-1].startswith("The port authority said")
    assert "\n\n" in article.body
    for furniture in ("Home", "Weather", "Dock strike halts exports", "All rights reserved", "Privacy Policy"):
        assert furniture not in article.body
    # The headline is metadata, not a paragraph of the body.
    assert article.title == "Harbour cranes return to work after week-long strike"
    assert article.title not in article.paragraphs
    assert article.format == "html"
    # A stock lead-in inside the article block: trafilatura keeps it, the furniture filter does not.
    assert "Read more" not in article.body
    assert any(d.text.startswith("Read more:") and "furniture" in d.reason for d in article.dropped)


def test_article_metadata_from_the_page():
    article = _clean("article.html")
    assert article.published == "2024-06-04"
    assert article.byline == "Jane Holloway"
    assert article.url == "https://www.bbc.com/news/world-asia-00000001"
    # og:site_name "BBC News" is a registered alias of BBC.
    assert article.outlet == "BBC"
    assert article.publisher == "BBC"
    assert article.language == "en"
    assert article.sentences and article.sentences[0].paragraph == 0


def test_credit_line_gives_the_origin_but_an_agency_cited_in_the_body_does_not():
    article = _clean("wire_credit.html")
    assert article.origin == "AFP"
    assert "Source: AFP" not in article.body
    assert any(d.text == "Source: AFP" and "credit" in d.reason for d in article.dropped)
    assert "Yonhap news agency reported" in article.body
    assert article.publisher == "Daily Example"


def test_parenthesised_agency_credit_after_the_last_paragraph():
    article = _clean("saved_page.txt")
    assert article.origin == "AsiaNews"
    assert article.outlet == "AsiaNews"
    assert article.published == "2024-06-21"


def test_unclosed_truncated_page_is_still_cleaned():
    article = _clean("truncated.html")
    assert article.title == "Council approves new tram line"
    assert article.byline == "Tom Reyes"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1].startswith("Shop owners along the route")


def test_page_with_only_navigation_has_no_article():
    with pytest.raises(InputError) as info:
        _clean("nav_only.html")
    assert info.value.code == "SC004"
    assert "no article" in info.value.reason


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><body><p>Too short.</p>", "<html>\x00<<<>>>"])
def test_empty_or_broken_markup_is_an_input_error(html):
    with pytest.raises(InputError) as info:
        srccompare.clean_html(html)
    assert info.value.code == "SC004"


def test_url_argument_is_used_when_the_page_has_none():
    article = _clean("truncated.html", url="https://example.org/tram")
    assert article.url == "https://example.org/tram"


def test_cli_sniffs_html_by_content_and_reports_each_bad_page_once(run, tmp_path):
    for name in ("article.html", "saved_page.txt", "truncated.html", "nav_only.html"):
        shutil.copy(HTML / name, tmp_path / name)
    with gzip.open(tmp_path / "wire.html.gz", "wb") as fh:
        fh.write((HTML / "wire_credit.html").read_bytes())
    (tmp_path / "empty_body.html").write_text("<!DOCTYPE html><html><head><title>x</title></head><body>", "utf-8")
    result = run("clean", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 2, lines
    assert sum("nav_only.html" in line for line in lines) == 1
    assert sum("empty_body.html" in line for line in lines) == 1
    assert "Traceback" not in result.stderr
    articles = {a["path"].rsplit("/", 1)[-1]: a for a in json.loads(result.stdout)}
    assert set(articles) == {"article.html", "saved_page.txt", "truncated.html", "wire.html.gz"}
    assert articles["saved_page.txt"]["title"] == "Bishops call for talks on the peninsula"
    assert articles["wire.html.gz"]["origin"] == "AFP"


WIRE_PAGE = """<html><head><title>Seoul to send envoy to Moscow</title></head><body><article>
<p>SEOUL, June 27 (Yonhap) -- South Korea will send a special envoy to Moscow next week to discuss the
safety of Korean nationals in Russia, the foreign ministry said Thursday.</p>
<p>The envoy will meet deputy foreign ministers and business groups during the three-day visit, a
ministry official told reporters on condition of anonymity.</p>
<p>Seoul has kept its embassy in Moscow open since the war began, and about 2,000 Koreans still live
in the Russian capital, according to the ministry.</p>
</article></body></html>"""


def test_wire_dateline_gives_dateline_and_origin():
    article = srccompare.clean_html(WIRE_PAGE)
    assert article.origin == "Yonhap"
    assert article.dateline == "SEOUL, June 27"
    assert article.paragraphs[0].startswith("SEOUL, June 27 (Yonhap)")


def test_picture_credit_is_dropped_without_becoming_the_origin():
    page = WIRE_PAGE.replace("(Yonhap) ", "").replace("<article>", "<article><p>Photo: Reuters</p>")
    article = srccompare.clean_html(page)
    assert article.origin is None
    assert "Photo: Reuters" not in article.body


def test_headline_repeated_without_the_site_suffix_of_the_page_title():
    title = "Seoul to send envoy to Moscow - Daily Example - World news"
    page = WIRE_PAGE.replace(
        "<title>Seoul to send envoy to Moscow</title>",
        f'<title>{title}</title><meta property="og:title" content="{title}">',
    )
    page = page.replace("<article>", "<article><h2>Seoul to send envoy to Moscow</h2>")
    article = srccompare.clean_html(page)
    assert article.paragraphs[0].startswith("SEOUL, June 27")
    assert [d.text for d in article.dropped if d.reason == "repeated title"] == ["Seoul to send envoy to Moscow"]
    assert article.title == "Seoul to send envoy to Moscow"


def test_site_name_is_cut_from_the_title():
    page = WIRE_PAGE.replace(
        "<title>Seoul to send envoy to Moscow</title>",
        "<title>Seoul to send envoy to Moscow | Daily Example</title>"
        '<meta property="og:site_name" content="Daily Example">',
    )
    article = srccompare.clean_html(page)
    assert article.title == "Seoul to send envoy to Moscow"
    assert article.publisher == "Daily Example"


def test_site_name_before_the_headline_is_cut_from_the_title():
    page = WIRE_PAGE.replace(
        "<title>Seoul to send envoy to Moscow</title>",
        '<meta property="og:title" content="Daily Example | Asia news: Seoul to send envoy to Moscow">'
        '<meta property="og:site_name" content="Daily Example | Asia news">',
    )
    assert srccompare.clean_html(page).title == "Seoul to send envoy to Moscow"


def test_every_visible_line_left_out_is_listed_in_page_order_with_a_reason():
    article = _clean("article.html")
    texts = [d.text for d in article.dropped]
    for line in ("Home", "Weather", "Dock strike halts exports", "Privacy Policy"):
        assert line in texts
    assert (
        texts.index("Home")
        < texts.index("Read more: Why Busan matters to the car industry")
        < texts.index("Privacy Policy")
    )
    assert all(d.reason and d.line == 0 for d in article.dropped)
    assert not set(texts) & set(article.paragraphs)


def test_a_menu_word_that_also_occurs_in_the_body_is_still_listed_as_dropped():
    page = WIRE_PAGE.replace("<body>", "<body><nav><ul><li>Capital</li><li>Moscow</li></ul></nav>")
    article = srccompare.clean_html(page)
    assert "capital" in article.body and "Moscow" in article.body
    texts = [d.text for d in article.dropped if d.reason == "outside the article"]
    assert texts[:2] == ["Capital", "Moscow"]
