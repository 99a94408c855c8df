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


def _moved_under_byline(name: str, first_item: str, last_item: str, body_first: str, closing: str = "") -> str:
    """The page with its list moved from above the headline to right above the first paragraph, where an
    embedded gallery or video strip sits on many pages (no headline copy between list and article),
    closed by ``closing`` (the strip's own "more" link) when given."""
    lines = _lines(name)
    a = next(i for i, text in enumerate(lines) if text.startswith(first_item))
    b = next(i for i, text in enumerate(lines) if text.startswith(last_item))
    block, rest = lines[a : b + 1], lines[:a] + lines[b + 1 :]
    k = next(i for i, text in enumerate(rest) if text.startswith(body_first))
    return "\n".join([*rest[:k], *block, *([closing] if closing else []), "", *rest[k:]])


def test_gallery_of_numbered_pictures_right_above_the_first_paragraph():
    text = _moved_under_byline("gallery_first.txt", "1 of 10", "The festival continues", "More than 6,000")
    article = srccompare.clean_text(text, "gallery_inline.txt")
    assert article.paragraphs[0].startswith("More than 6,000 people")
    assert article.paragraphs[-1].startswith("Proceeds from the cider")
    assert "pumpkins" not in article.body


def test_video_strip_right_above_the_first_paragraph():
    # The strip's last item is the one lone sentence that the paragraphs under it could take for their
    # own: pages close the strip with a link to more videos, which is what tells them apart.
    text = _moved_under_byline(
        "video_list_first.txt", "Firefighters contain", "Vendors will set up", "The city council", "See all videos"
    )
    article = srccompare.clean_text(text, "videos_inline.txt")
    assert article.paragraphs[0].startswith("The city council voted")
    assert len(article.paragraphs) == 4
    assert "robot" not in article.body


def test_headline_repeated_inside_the_article_does_not_cut_its_first_paragraphs():
    # A share box between paragraphs repeats the headline: the paragraphs above it follow one another,
    # so they are the article, not another block.
    lines = _lines("teasers_after.txt")
    i = next(n for n, text in enumerate(lines) if text.startswith("The extended hours"))
    text = "\n".join([*lines[: i + 1], "Library to stay open late during exam weeks", *lines[i + 1 :]])
    article = srccompare.clean_text(text, "headline_inside.txt")
    assert article.paragraphs[0].startswith("The main library will stay open")
    assert article.paragraphs[-1].startswith("Security guards")


def test_interview_is_not_taken_for_a_list_of_lone_sentences():
    # The answers stand between questions, as a list's items stand between titles; but a question is
    # prose, so the interview counts as paragraphs that follow one another, and wins over the lighter
    # blurb at the foot of the page that three link boxes wall off from it.
    lines = _lines("interview.txt")
    boxes = []
    for heading in ("Related Stories", "Most Popular", "Trending Now"):
        boxes += [
            heading,
            "Harbor dredging bid opens",
            "Ferry fares to rise",
            "Pier repairs begin",
            "Marina lot to expand",
        ]
    blurb = [
        "Bayside Weekly has covered the harbor towns of the county since 1952, with a newsroom of six "
        "reporters and photographers based in the old customs house on Front Street.",
        "The paper is published every Thursday and is delivered free to more than 9,000 homes, with an "
        "online edition that is updated every day of the week with news, sports and obituaries.",
        "Readers can send letters to the editor by mail or by e-mail, and the editors read every one of them "
        "before deciding which letters will run in the next Thursday edition of the paper.",
    ]
    i = next(n for n, text in enumerate(lines) if text.startswith("Share this article"))
    article = srccompare.clean_text("\n".join([*lines[:i], *boxes, *blurb]), "interview_footer.txt")
    assert _kept(article) == _numbers("interview.txt", "What is the first thing", "Parking, without a doubt")
