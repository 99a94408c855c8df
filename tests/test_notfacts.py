"""Lines that are never facts, from ECB+ development articles that put them in fact groups (issue 14):
a promotion pointing to a web address, a source label in brackets; prose that mentions following,
reading or a source stays a sentence."""

from __future__ import annotations

import pytest

from srccompare.nlp.notfacts import kind_of


@pytest.mark.parametrize(
    "line",
    [
        "Follow politics on the P-I's blog at blog.seattlepi.com/seattlepolitics.",  # ECB+ T9a
        "(CNN News Article)",  # ECB+ T18b, a label after a pasted passage
        '"(Fox News article)',
        "(USA Today article)",
        "News X has exclusive pictures of the anti-piracy operation.",  # ECB+ T12b, the outlet's own promotion
        "Sky News has exclusive footage of the rescue.",
        "For more information, check out the ESC statement.",  # ECB+ T9b
        "For a partial list of Bush ’ s midnight regulations and their current status, visit ProPublica.",
        "You can follow the entire saga on MLB Trade Rumors.",  # ECB+ T10b, a blog's last line
        "You can check out the tributes in the L.A. Times, at MTV.com, and also at Page's official site.",  # ECB+ T4a
    ],
)
def test_promotions_and_source_labels_are_widgets(line):
    assert kind_of(line, alone=False) == "widget"


@pytest.mark.parametrize(
    "line",
    [
        "Monday's shooting follows two last week in public places in Atlanta, Georgia, and Seattle, Washington.",
        "Additional information will follow as more details of the incident become known.",
        "Airport chief Ali Naghavi was quoted by IRNA as saying that operations had resumed after being halted.",
        "Get the facts straight, he said.",
        "(The company said it would visit sites across the country next year, and hire 200 people.)",
        "(He later withdrew the claim.)",
        "The BBC has exclusive pictures of the raid, which show soldiers firing on the crowd.",
        "Police said they have exclusive footage of the suspect, and asked the public for help.",
        "For more than a decade, visitors have crowded the square at noon.",
        "For more information on the victims, police asked relatives to call a hotline.",
        "You can follow a court order, he said, but you cannot follow a bad one.",
        "You can read the anger on the faces of the protesters.",
    ],
)
def test_prose_is_not_a_widget(line):
    assert kind_of(line, alone=False) is None


def test_a_summary_bullet_is_a_label_a_bulleted_sentence_is_not():
    # ECB+ T9b (the Guardian): the headline's points, in bullets under it.
    assert kind_of("• Government wildlife experts to be consulted on development") == "label"
    assert kind_of("• Government wildlife experts will be consulted on every new mine, road and dam.") is None


@pytest.mark.parametrize(
    "line",
    [
        # BASIL 2014 (the Huffington Post on the Arizona veto): listed as a fact only that outlet added
        "CORRECTION: This article originally said the Super Bowl is set to be held in Tempe, Ariz.",
        "This post has been revised to reflect the following correction:",  # BASIL (the New York Times)
        "Correction: An earlier version of this article misstated the name of the company.",
        "An earlier version of this story misstated the year of the fire.",
        "Editor's note: This story contains language some readers may find offensive.",
    ],
)
def test_corrections_and_editors_notes_are_notes(line):
    assert kind_of(line, alone=False) == "note"


@pytest.mark.parametrize(
    "line",
    [
        "It will be held in Glendale, Ariz.",  # the corrected fact, told on its own, stays a fact
        "Corrections officers said the inmate escaped overnight.",
        "The correction in share prices was the sharpest since 2008.",
        "The earlier version of the bill was rejected by the Senate.",
    ],
)
def test_prose_about_corrections_is_no_note(line):
    assert kind_of(line, alone=False) is None


@pytest.mark.parametrize(
    "line",
    [
        # ECB+ T16b (a local site on Deputy Ortiz): a photo's caption between two paragraphs of the story
        "This was the scene outside the Lakewood Sheriff's station 24 hours after his death.",
        "Pictured: Firefighters outside the church on Saturday morning.",
        "Above, residents of Qeshm spend the night in tents.",
    ],
)
def test_a_caption_pointing_at_its_picture_is_a_credit(line):
    assert kind_of(line, alone=True) == "credit"


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        # inside a paragraph of the story, the caption's opening is prose
        ("This was the scene of the worst riots Greece has seen in decades.", False),
        # openings that point at nothing, even as a paragraph of their own
        ("Above all, the deputy was respected by the community.", True),
        ("Shown the footage, the witness identified the car.", True),
    ],
)
def test_a_sentence_opening_like_a_caption_is_prose(line, alone):
    assert kind_of(line, alone=alone) is None
