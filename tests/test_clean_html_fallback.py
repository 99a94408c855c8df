"""The HTML cleaner never gives less than trafilatura's own body: when its furniture filter would take
too much of it, the page gets trafilatura's lines back."""

from __future__ import annotations

import srccompare
from srccompare.ingest.html import MAX_FILTERED_SHARE, _filter, clean_read, read_page
from srccompare.ingest.rules import trial

from .conftest import DATA

HTML = DATA / "html"


def test_share_line_inside_the_article_does_not_cut_it():
    # "Share this" is a heading that ends an article when only short lines follow it; here the short
    # lines are the article's own one-sentence paragraphs, seven of its eight.
    html = (HTML / "share_mid_article.html").read_text(encoding="utf-8")
    article = srccompare.clean_html(html)
    assert article.paragraphs[0].startswith("The island ferry will return")
    assert article.paragraphs[-1] == "Until then, the county will keep the charter contract as a backup."
    assert len([p for p in article.paragraphs if p.endswith(".")]) == 8
    # The headline is still trafilatura's title, not a paragraph.
    assert article.title == "Ferry service to resume after engine repairs"
    assert article.title not in article.paragraphs


def test_the_filter_alone_would_have_cut_more_than_the_limit():
    html = (HTML / "share_mid_article.html").read_text(encoding="utf-8")
    page = read_page(html)
    with trial({"html:fallback"}):
        filtered = clean_read(page).paragraphs
    lines = [line.strip() for line in page.extracted.text.split("\n") if line.strip()]
    kept, _, _ = _filter(lines, page.extracted, srccompare.Options())
    assert list(filtered) == kept
    words = sum(len(line.split()) for line in lines[1:])
    assert words - sum(len(line.split()) for line in kept) > MAX_FILTERED_SHARE * words


def test_furniture_lines_are_still_dropped_when_the_filter_takes_little():
    article = srccompare.clean_html((HTML / "article.html").read_text(encoding="utf-8"))
    assert "Read more" not in article.body
    assert any(d.text.startswith("Read more:") and "furniture" in d.reason for d in article.dropped)
