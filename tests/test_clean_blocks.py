"""The text cleaner keeps the article, not another block of prose on the page: a video list or a photo
gallery above it, a list of teasers under it, a legal disclaimer after it (small dumps in tests/data/clean
shaped like real pages: the item counts, credits and headings of local news sites)."""

from __future__ import annotations

import srccompare
from srccompare.options import Options

from .conftest import DATA

CLEAN = DATA / "clean"


def _clean(name: str):
    return srccompare.clean_text((CLEAN / name).read_text(encoding="utf-8"), name, Options())


def _lines(name: str) -> list[str]:
    return (CLEAN / name).read_text(encoding="utf-8").split("\n")


def _kept(article) -> set[int]:
    return {n for lines in article.paragraph_lines for n in lines}


def _numbers(name: str, first: str, last: str) -> set[int]:
    """The numbers of the non-blank lines from the one starting with ``first`` to the one starting with ``last``."""
    lines = _lines(name)
    a = next(n for n, text in enumerate(lines, 1) if text.startswith(first))
    b = next(n for n, text in enumerate(lines, 1) if text.startswith(last))
    return {n for n in range(a, b + 1) if lines[n - 1].strip()}


def test_article_under_a_video_list_with_a_sentence_per_video():
    article = _clean("video_list_first.txt")
    assert _kept(article) == _numbers("video_list_first.txt", "The city council voted", "Construction is expected")
    assert "robot" not in article.body and "red panda" not in article.body


def test_article_under_a_photo_gallery_heavier_than_it():
    # Ten captions of 30 words outweigh the three paragraphs: the headline copy under the gallery
    # shows where the article starts.
    article = _clean("gallery_first.txt")
    assert _kept(article) == _numbers("gallery_first.txt", "More than 6,000 people", "Proceeds from the cider")
    assert "pumpkins" not in article.body


def test_disclaimer_right_under_the_article_is_cut():
    article = _clean("disclaimer_after.txt")
    assert _kept(article) == _numbers("disclaimer_after.txt", "The regional airport", "The airline plans")
    reasons = {d.text[:20]: d.reason for d in article.dropped}
    assert reasons["The information provi"[:20]] == "furniture: after the article text"


def test_disclaimer_heavier_than_a_short_article_does_not_win():
    # Four long notice paragraphs weigh more than the two paragraphs of news, walled off by a
    # related-stories box: the old maximum-weight run was the disclaimer.
    article = _clean("disclaimer_walled.txt")
    assert _kept(article) == _numbers("disclaimer_walled.txt", "The regional airport", "The airline plans")
    assert "liability" not in article.body


def test_teasers_under_a_most_popular_heading_end_the_article():
    article = _clean("teasers_after.txt")
    assert _kept(article) == _numbers("teasers_after.txt", "The main library", "Security guards")
    assert "Hawks" not in article.body


def test_interview_of_lone_answers_keeps_every_question_and_answer():
    # Answers stand between questions, like a list's items; with no other prose on the page they
    # are the article.
    article = _clean("interview.txt")
    assert _kept(article) == _numbers("interview.txt", "What is the first thing", "Parking, without a doubt")


def test_a_sentence_about_rights_inside_the_article_stays():
    lines = _lines("disclaimer_after.txt")
    i = next(n for n, text in enumerate(lines) if text.startswith("The airline plans"))
    legal = (
        "Passengers will have the same rights as on other routes, and the airline said its terms and conditions "
        "on refunds, which limit its liability for weather delays, would not change."
    )
    more = "The airport expects about 30,000 passengers a year on the route, its director said."
    text = "\n".join([*lines[: i + 1], legal, more, *lines[i + 1 :]])
    article = srccompare.clean_text(text, "legal_story.txt")
    assert legal in article.body and more in article.body
    assert "reproduced" not in article.body


def test_one_line_wire_notice_under_the_last_paragraph_is_cut():
    lines = _lines("teasers_after.txt")
    i = next(n for n, text in enumerate(lines) if text.startswith("Security guards"))
    notice = "This material may not be published, broadcast, rewritten or redistributed."
    article = srccompare.clean_text("\n".join([*lines[: i + 1], notice, *lines[i + 1 :]]), "wire_notice.txt")
    assert article.paragraphs[-1].startswith("Security guards")
    assert notice not in article.body
