"""Quote speakers on real reporting (ECB+ development articles): a pronoun takes the person named
before it, and a body's name is kept whole, never cut to a person-like tail."""

from __future__ import annotations

import re

import pytest

from srccompare.nlp.quotes import article_quotes, find_quotes

from .conftest import SHARED

# ECB+ doc_0193 (Wasilla Bible Church fire), first paragraphs.
WASILLA = [
    "A fire that caused more than $1 million in damage to Alaska Gov. Sarah Palin's church in Wasilla, Alaska, "
    "may have been set by an arsonist, investigators say.",
    "“We are definitely treating it as suspicious and as potential arson at this point,” James Steele, chief of "
    "the Central Mat-Su Fire Department, told the newspaper, adding nothing so far suggests any political "
    "motivation for the fire.",
    "“Right now there's no indication that we have that there's any connection there,” he said.",
    "“We have no idea what caused it,” the Rev. Larry Kroon of the Wasilla Bible Church told CNN.",
]
# ECB+ doc_0117 (Tara Reid enters rehab): "she said" after paragraphs that name Reid without quoting her.
REID = [
    "Tara Reid has entered a rehab program, the American Pie star's rep confirmed to People and Us Weekly on Friday.",
    "When Reid wasn't getting attention for her sometimes fun/sometimes scary breasts, the actress was getting "
    "attention for her often-shambolic love of partying.",
    "Somehow, Reid managed to mess up the dream-job/easiest job ever by being too wasted and out of control to "
    "film it.",
    "“It was a mess,” she said of the show.",
]


def _speakers(paragraphs):
    return [q.speaker for q in article_quotes(paragraphs)]


def _fact_article_speakers(name: str, opening: str) -> list:
    """The speakers of the quotations opening with ``opening`` in a labelled ECB+ article (tests/data/facts)."""
    from srccompare import load

    from .conftest import FACT_ARTICLES

    (article,) = load([FACT_ARTICLES / name], problems=[])
    return [q.speaker for q in article_quotes(list(article.paragraphs)) if q.text.startswith(opening)]


def test_role_in_a_body_is_not_the_speaker_the_person_is():
    assert _speakers(WASILLA)[:2] == ["James Steele", "James Steele"]


def test_she_said_takes_the_person_named_before_even_when_not_quoted_before():
    assert _speakers(REID) == ["Tara Reid"]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        (
            '"We need more help," the International Federation of Red Cross and Red Crescent Societies said.',
            "International Federation of Red Cross and Red Crescent Societies",
        ),
        ('"No decision was taken," said the Bank of England.', "Bank of England"),
        ('"The toll will rise," a spokesman for the Interior Ministry said.', "Interior Ministry"),
        ('"Rates stay where they are," Bank of England governor Andrew Bailey said.', "Andrew Bailey"),
        ('"Aid is on its way," said Russian President Vladimir Putin on Monday.', "Vladimir Putin"),
    ],
)
def test_a_body_keeps_its_whole_name(sentence, speaker):
    assert [q.speaker for q in find_quotes(sentence)] == [speaker]


def test_ecbplus_pronoun_quotes_mostly_get_a_speaker():
    """Over the ECB+ development articles: quotations attributed with '..., he said' or '..., she said'
    get a speaker, and no speaker is the two-word tail of a body's name."""
    folder = SHARED / "bench" / "ecbplus" / "articles"
    if not folder.is_dir():
        pytest.skip(f"ECB+ articles not found at {folder}")
    pronoun = resolved = 0
    for path in sorted(folder.glob("*.txt")):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
        body = "\n\n".join(paragraphs)
        for q in article_quotes(paragraphs):
            if re.match(r"[\s,.”\"]*\s*(he|she) (said|added|told)\b", body[q.end : q.end + 16]):
                pronoun += 1
                resolved += q.speaker is not None
            if q.speaker:
                words = q.speaker.split()
                assert not (len(words) == 2 and words[-1] in ("Societies", "Department", "Ministry", "Agency"))
    assert pronoun >= 50
    assert resolved / pronoun >= 0.85


# ECB+ doc_0041 (Vancouver office shooting): a speaker's next remark opens the next paragraph unattributed.
HACKER = [
    "Nigel Hacker said he looked outside his nearby office at about 4:20 p.m. to see the street cordoned off.",
    "“There was someone in the building and they were trying to get him out,” Hacker said.",
    "“I tried not to listen.”",
]


def test_a_quotation_opening_the_next_paragraph_goes_on_with_the_speaker_before():
    assert _speakers(HACKER) == ["Hacker", "Hacker"]
    # A remark that runs over two paragraphs (no closing mark) carries its speaker into the next.
    assert _speakers(
        [
            "“Rates will stay where they are for now,” the governor said. “We will look again in March",
            "“and we will act if prices keep rising.”",
        ]
    ) == ["the governor", "the governor", "the governor"]


def test_an_attribution_naming_who_the_speaker_is_still_ends_the_paragraph():
    # ECB+ doc_0025 and doc_0174: "said NAME," then who they are, and the next paragraph a quotation of its own
    for name, speaker, words in (
        ("doc_0025.txt", "Bunny Yeager", "She wasn't trying to be seductive"),
        ("doc_0174.txt", "Stuart Pimm", "The new rules exclude expert scientists"),
    ):
        assert _fact_article_speakers(name, words) == [speaker]
    # ... but a clause of narration after the attribution stops the speaker going on (below)
    paragraphs = [
        "“It was a hard night,” said Bunny Yeager, and police closed the street for two hours while officers searched.",
        "“Stay away from the windows.”",
    ]
    assert _speakers(paragraphs) == ["Bunny Yeager", None]


def test_she_said_with_nobody_named_near_is_the_person_the_story_is_about():
    # ECB+ doc_0224 (one sentence a paragraph, as ECB+ prints articles): Page is named many paragraphs before "she
    # said later", a photographer nearer but once
    paragraphs = [
        "Bettie Page, the pin-up queen of the 1950s, has died, her agent said.",
        "Roesler said Page had been in hospital for three weeks with pneumonia.",
        "Page began modelling in 1950 on the beach at Coney Island.",
        "An amateur photographer named Jerry Tibbs admired the 27-year-old's firm, curvy body and asked her to pose.",
        "They cut her hair into the dark bangs that became her signature.",
        "She posed in spiked heels and little else.",
        "She was photographed with a whip in her hand.",
        "“I thought my arms and legs would come out of their sockets,” she said later.",
    ]
    assert _speakers(paragraphs) == ["Bettie Page"]
    # ... and so does a lead-in's "she said" (doc_0224's next paragraphs)
    lead_in = paragraphs[:-1] + ["Nudity didn't bother her, she said, explaining:", "“God approves of nudity."]
    assert _speakers(lead_in) == ["Bettie Page"]


def test_narration_after_a_quotation_stops_its_speaker_going_on():
    # The paragraph goes on past the attribution: the next quotation is not known to be Hacker's.
    paragraphs = [
        HACKER[1][:-1] + ", and police closed the street for two hours while officers searched the building.",
        "“Stay away from the windows.”",
    ]
    assert _speakers(paragraphs) == ["Hacker", None]


def test_no_speaker_is_a_clause_a_place_or_an_adverbial():
    # ECB+ sentences that gave "strike concerns are hitting", "Malibu", "Banstead High Street" and
    # "a particularly careful phrasing" as speakers.
    dicaprio = (
        "Actor Leonardo DiCaprio, who on Thursday earned a Golden Globe nomination for his work in "
        "“Revolutionary Road,” said strike concerns are hitting “everyone.”"
    )
    assert "strike concerns are hitting" not in [q.speaker for q in find_quotes(dicaprio)]
    weitz = (
        "Weitz said he had been “in a whirlwind romance” with the series over the past few days, and, in a "
        "particularly careful phrasing, said he is “very grateful to have received (Meyer's) permission to "
        "protect 'New Moon ' in its translation from the page to the screen.”"
    )
    speakers = _speakers([weitz])
    assert "a particularly careful phrasing" not in speakers and "Weitz" in speakers
    reid = [
        "The notorious party girl, who makes headlines for her wild antics and plastic surgery-enhanced figure, "
        "had checked into the Promises Treatment Centre in Malibu, her publicist confirmed.",
        "He did not say what Reid was being treated for.",
        "“We appreciate your respect to her and her family's privacy at this time,” he said.",
    ]
    assert _speakers(reid) != ["Malibu"]
    surrey = [
        "Roads around the area, including Banstead High Street itself, were closed for some time, but the "
        "spokeswoman said they were all reopened by 4.30pm on Saturday.",
        "She added: “The focus for today has been to maximise the safety of the public.”",
    ]
    assert _speakers(surrey) != ["Banstead High Street"]


# ECB+ doc_0025 (Bettie Page dies): the attribution ends the paragraph before, with a colon.
YEAGER = [
    "“She wasn't trying to be seductive; she was the girl next door,” said Bunny Yeager, whose photographs of "
    "Page appeared in virtually every men's magazine in the nineteen fifties.",
    "One big difference between Page and most neighbors, said Yeager:",
    "“She felt more comfortable in the nude than in clothes.”",
]


def test_a_paragraph_ending_in_said_x_colon_gives_the_next_quotation_its_speaker():
    assert _speakers(YEAGER) == ["Bunny Yeager", "Yeager"]
    assert _speakers(["Russian President Vladimir Putin told reporters on Monday:", "“Aid is on its way.”"]) == [
        "Vladimir Putin"
    ]
    # What was said before the colon is not a speaker; a colon without a speech verb gives none.
    assert _speakers(["The minister said the figures were released on Monday:", "“Prices rose 2%.”"]) == [
        "The minister"
    ]
    assert _speakers(["The report listed three findings:", "“Prices rose 2%.”"]) == [None]


def test_a_remark_running_over_paragraphs_takes_the_speaker_named_where_it_closes():
    # ECB+ doc_0027 (Vancouver shooting) and doc_0076 (Tara Reid): one sentence a paragraph.
    pigeon = [
        "Luke Pigeon, who lives in an apartment building next door, said he didn't hear a gunshot but heard "
        "noise outside his window.",
        "“It wasn't typical, crazy noise that sometimes happens.",
        "You got the feeling there was something definitely, definitely wrong,” Pigeon told The Canadian Press.",
    ]
    # The closing paragraph's words up to the mark are the same remark, with the same speaker.
    assert _speakers(pigeon) == ["Pigeon", "Pigeon"]
    assert article_quotes(pigeon)[1].text == ("You got the feeling there was something definitely, definitely wrong,")
    reid = [
        "“Tara Reid has checked herself into Promises Treatment Center.",
        "We appreciate your respect to her and her family's privacy at this time,” the actress's rep Jack "
        "Ketsoyan tells the mag.",
    ]
    assert _speakers(reid) == ["Jack Ketsoyan", "Jack Ketsoyan"]
    # A quotation reopened before any close is another remark: no speaker is carried back.
    assert _speakers(["“It was a mess.", "She left the show early.", "“We all saw it,” a producer said."]) == [
        None,
        "a producer",
    ]


def test_a_paragraph_closing_on_x_said_gives_the_next_quotation_its_speaker():
    # ECB+ doc_0025: reported speech with a short attribution, then the quotation on its own.
    paragraphs = [YEAGER[0], "Page was hardly tawdry, though, Yeager said.", "“She was so at ease, so wholesome.”"]
    assert _speakers(paragraphs) == ["Bunny Yeager", "Yeager"]
    # A clause that only mentions saying ('and residents said that the road was closed') is no attribution tail.
    assert _speakers(["Residents said that the road to the coast was closed for hours.", "“We lost everything.”"]) == [
        None
    ]


def test_she_said_takes_the_person_the_story_is_about_over_one_named_in_passing():
    # ECB+ doc_0132 (Bettie Page dies): Hughes is the last person named, Page the one the story names most.
    paragraphs = [
        "Bettie Page, the pin-up model whose seductive photographs in magazines titillated and outraged "
        "Americans in the 1950s, has died, her agent said.",
        "Page suffered a heart attack nine days earlier and never regained consciousness.",
        "Born in 1923 in Nashville, Tennessee, Bettie Mae Page was one of six children from an impoverished family.",
        "Filmmaker and aviator Howard Hughes also doggedly pursued Page but she rebuffed him as well.",
        "“I never returned any of his calls,” she said.",
    ]
    assert _speakers(paragraphs) == ["Bettie Page"]
    # A name given once before is still the last-named person when nobody is named more.
    assert _speakers(REID) == ["Tara Reid"]


def test_a_remark_over_several_paragraphs_is_quoted_in_each():
    # ECB+ (tests/data/quotes) doc_0047: one sentence a line; the middle line has no mark at all.
    paragraphs = [
        "Pensioner Bayram-aga, a voter in Ashgabat, said:",
        "\u201cI remember the elections from the Soviet days....",
        "People were very active then, it was like a festival.",
        "Now it's much quieter.\u201d",
        "Western observers say Niyazov still casts a shadow.",
    ]
    quotes = article_quotes(paragraphs)
    assert [q.text for q in quotes] == [
        "I remember the elections from the Soviet days....",
        "People were very active then, it was like a festival.",
        "Now it's much quieter.",
    ]
    assert {q.speaker for q in quotes} == {"Pensioner Bayram-aga"}
    # ECB+ re-spaced closing marks: the mark ending the paragraph closes; one that only the attribution
    # follows closes too, and is no quotation of its own ('"Brimmer said, adding ...').
    respaced = [
        "Heller argued after a prosecutor objected.",
        "\"She's in rehab right now.",
        'Nothing bad is going to happen. "',
    ]
    assert [q.text for q in article_quotes(respaced)] == [
        "She's in rehab right now.",
        "Nothing bad is going to happen.",
    ]
    brimmer = [
        '"I think the Obama administration now is going to take a step back on these projects.',
        'It needs to bring science back into the equation, "Brimmer said, adding that her group will not drop it.',
    ]
    assert [(q.text, q.speaker) for q in article_quotes(brimmer)] == [
        ("I think the Obama administration now is going to take a step back on these projects.", "Brimmer"),
        ("It needs to bring science back into the equation,", "Brimmer"),
    ]


def test_an_inch_mark_opens_no_quotation():
    # An extraction body (bench/framing): a monitor's size, then prose that is nobody's remark.
    paragraphs = [
        'King of Monitors: 35% Off Dell Alienware AW3418DW 34" 3440x1440 Curved Gaming Monitor, Now $649.99',
        "This is the lowest price we have ever seen for one of the best gaming monitors out there.",
        'Specs include a 34" 3440x1440 curved IPS panel display with super wide viewing angles.',
    ]
    assert article_quotes(paragraphs) == []


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # a body's whole name, never its tail (ECB+ doc_0209; BASIL)
        (
            ["Human Rights Watch said in a report last month:", "\u201cThe conditions are not in place.\u201d"],
            "Human Rights Watch",
        ),
        (['"It was a turning point," the Missouri State Highway Patrol said.'], "Missouri State Highway Patrol"),
        # a whole name of three words; a title the list knows is no part of it; an owner before it neither
        (['"This is a very serious problem," Justice Ruth Bader Ginsburg said.'], "Ruth Bader Ginsburg"),
        (["\"We won't comment on individual accounts,\" Twitter's Adam Sharp said."], "Adam Sharp"),
        # abbreviated titles (ECB+ development article doc_0220: the speaker had been "Dist")
        (
            [
                '"This is the kind of person and the kind of crime that the death penalty was made for," said Dist. Atty.'
                " Steve Cooley."
            ],
            "Steve Cooley",
        ),
        (['"We are reviewing the footage," said Asst. Dist. Atty. Jane Roe.'], "Jane Roe"),
    ],
)
def test_a_name_is_kept_whole(paragraphs, speaker):
    assert _speakers(paragraphs)[-1] == speaker


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # a lower-case role before the name, then where it was said (ECB+ doc_0270) or whom the speaker is with
        # (doc_0341): the name ends before the preposition
        (
            [
                "\u201cShe captured the imagination of a generation of men and women with her free spirit and unabashed "
                "sensuality,\u201d said agent Mark Roesler in a written statement."
            ],
            "Mark Roesler",
        ),
        (
            [
                "\u201cThat's completely wrong, and they're just making that up,\u201d said attorney Kassie Siegel of the "
                "Center for Biological Diversity, which is suing the federal government."
            ],
            "Kassie Siegel",
        ),
        # who issued the statement the sentence quotes, a body as well as a person, a time between (doc_0388; BASIL)
        (
            [
                "TallGrass, a wholesaler of natural health products, issued a statement Saturday evening saying it was "
                "\u201cdeeply saddened by the tragic death of our president and CEO, Ben Banky.\u201d"
            ],
            "TallGrass",
        ),
        (
            [
                "Romney released a statement late Tuesday saying: \"As I said yesterday, Todd Akin's comments were "
                'offensive and wrong."'
            ],
            "Romney",
        ),
    ],
)
def test_a_role_before_the_name_and_a_statement_issued(paragraphs, speaker):
    assert _speakers(paragraphs)[-1] == speaker


def test_whom_a_statement_is_by_is_no_issuer():
    assert _speakers(['A statement by the ministry saying it was "deeply saddened by the death" was read.']) == [None]


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # a pronoun that names what the quotation calls something stands for the one the story was telling of:
        # the person named before it in its sentence (BASIL), else the subject its sentence follows (ECB+ doc_0375:
        # not Peavy, quoted two paragraphs before)
        (
            [
                'The center\'s president, Cathi Herrod, has been deriding what she called "fear-mongering" from the '
                "measure's opponents."
            ],
            "Cathi Herrod",
        ),
        (
            [
                "\u201cHe's a coward,\u201d said Bill Peavy, whose son was killed.",
                "Sheriff Lee Baca returned to Los Angeles for a news conference held Saturday.",
                "Baca praised the work of his investigators, but the arrest seemed to do little to quell his anger.",
                'He called Orozco "the scum of the earth," pointing to a photo of the suspect.',
            ],
            "Lee Baca",
        ),
        # "it" stands for a body quoted before (ECB+ doc_0388), never for a person (BASIL: an NAACP resolution, not the
        # official quoted before it)
        (
            [
                "TallGrass, a wholesaler of natural health products, issued a statement Saturday evening saying it was "
                "\u201cdeeply saddened by the tragic death of our president and CEO, Ben Banky.\u201d",
                "It described Mr. Banky as \u201ca compassionate and dedicated leader who will be sadly missed.\u201d",
            ],
            "TallGrass",
        ),
        (
            [
                '"We take the people of good will to repudiate the racist element," said Hilary Shelton, director of the '
                "NAACP's Washington bureau.",
                "The final wording won't be released until October. It said something could evolve \"and become more "
                'dangerous for that small percentage of people."',
            ],
            None,
        ),
    ],
)
def test_a_pronoun_that_names_something_and_an_it(paragraphs, speaker):
    assert _speakers(paragraphs)[-1] == speaker


def test_an_abbreviation_in_a_pronoun_lead_in_does_not_end_it():
    # BASIL (Steele on Afghanistan): "He added, with a reference to Gen. David H. Petraeus:"
    paragraphs = [
        "\u201cAs we have learned throughout history, winning a war in Afghanistan is a difficult task,\u201d Mr. "
        "Steele said.",
        "He added, with a reference to Gen. David H. Petraeus: \u201cThat is why I supported the decision to increase "
        "our troop force.\u201d",
    ]
    assert _speakers(paragraphs) == ["Steele", "Steele"]


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # BASIL: a participle joined by "and" or "but" to the one before it shares its subject
        (
            [
                "John Podesta, a former chief of staff to President Bill Clinton, issued a statement calling the tax deal "
                "\u201ca steep price\u201d but saying the president was \u201cright to choose helping working Americans "
                "over a December conflagration.\u201d"
            ],
            "John Podesta",
        ),
        (
            [
                "Cathi Herrod, president of the Center for Arizona Policy, issued a news release calling attacks on the "
                "legislation \u201cpolitics at its absolute worse,\u201d and saying, \u201cInstead of having an honest "
                "discussion about the true meaning of religious liberty, opponents resorted to falsehoods.\u201d"
            ],
            "Cathi Herrod",
        ),
    ],
)
def test_a_participle_after_and_or_but_shares_the_subject(paragraphs, speaker):
    assert _speakers(paragraphs)[-1] == speaker


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # ECB+ doc_0224, doc_0030: up to nine words between the speech verb and a remark
        (
            [
                "Born on April 22, 1923, in Nashville, Tennessee, Page said she grew up in a family so poor \u201cwe were "
                "lucky to get an orange in our Christmas stockings\u201d."
            ],
            "Page",
        ),
        (
            [
                "Committee Chairman Rep. Edward Markey (D-Mass.) said the rules issued Thursday showed the administration "
                "was \u201cdetermined to use every last minute in office to wreak as much havoc as possible.\u201d"
            ],
            "Edward Markey",
        ),
        # ... but only seven before a title (doc_0126)
        (
            [
                "While Summit Entertainment will not confirm Weitz is attached to the vampire series, The Hollywood "
                "Reporter said Friday he is the current candidate to direct \u201cNew Moon.\u201d"
            ],
            None,
        ),
    ],
)
def test_a_longer_lead_in_before_a_remark_than_before_a_title(paragraphs, speaker):
    assert _speakers(paragraphs)[-1] == speaker


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        # BASIL: the subject of a later clause, past a name in an opening one
        (
            [
                "Asked whether he was suggesting that Mr. Obama lacked sympathy for the disabled, Mr. Santorum did not "
                "back down, saying, \u201cI think the president has a very bad record on the issue of abortion.\u201d"
            ],
            "Santorum",
        ),
        # ECB+ doc_0330: what the quotation describes may take a few words after "as"
        (
            [
                "Tlusty described Tennant as an active community member \u201cwho would do anything to help those in "
                "need.\u201d"
            ],
            "Tlusty",
        ),
        # a naming verb in the present ("what he calls"), as in the past
        (
            [
                "Gov. Rick Perry of Texas is broadcasting a new campaign ad that vows to end what he calls \u201cObama's "
                "war on religion,\u201d and highlights his faith."
            ],
            "Rick Perry",
        ),
    ],
)
def test_a_subject_after_an_opening_clause_and_a_naming_verb_in_the_present(paragraphs, speaker):
    assert _speakers(paragraphs)[-1] == speaker


def test_words_quoted_in_speech_a_pronoun_reports_are_its_antecedents():
    # BASIL (Holder in Ferguson): "he told reporters ... that ... would "continue to stand with Ferguson.""; another voice
    # inside the reported speech keeps them from him
    paragraphs = [
        "\u201cWe will be thorough,\u201d Attorney General Eric Holder said.",
        "On Thursday, he told reporters in Washington that the Justice Department would thoroughly investigate the "
        'case, and would "continue to stand with Ferguson."',
        'He said that a spokesman told him the inquiry was "going to take months."',
    ]
    assert _speakers(paragraphs) == ["Eric Holder", "Eric Holder", "a spokesman"]


def test_a_name_with_an_inner_capital_is_read_whole():
    # "O'Connor", "McCarthy": a surname found alone is never cut at its inner capital (the pronoun had gone to "Kevin
    # O'", the full name found for the surname "O'")
    paragraphs = [
        "Director Kevin O'Connor praised her.",
        "\u201cTara was 100 percent professional,\u201d he told E! News.",
        "\u201cAbsolutely not,\u201d O'Connor said when asked whether he had noticed any warning signs.",
    ]
    assert _speakers(paragraphs) == ["Kevin O'Connor", "O'Connor"]


def test_she_said_where_the_remark_closes_takes_the_person_named_before():
    # doc_0047: the attribution after the closing mark is a pronoun.
    paragraphs = [
        "In Gyami, 25-year-old Guzel said she had come to the local polling station to vote.",
        "\u201cI voted for our fellow village resident.",
        "He is an experienced person and knows village life well,\u201d she said.",
    ]
    assert _speakers(paragraphs) == ["Guzel", "Guzel"]


def test_a_quotation_after_an_attributed_one_keeps_its_speaker_not_the_outlet_told():
    # doc_0047: '..., told AFP.' ends the attribution of the quotation before, not a lead-in.
    paragraphs = [
        "\u201cI attach hopes for the better to these elections,\u201d Valentina Redzhepova, an official at one "
        "of Ashgabat's voting precincts, told AFP.",
        "\u201cWe are waiting for borders to open even further so more guests can come to us.\u201d",
    ]
    assert _speakers(paragraphs) == ["Valentina Redzhepova", "Valentina Redzhepova"]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # an appositive without an article, or with commas inside it: the name that opens the sentence
        (
            "Betsy Loyless, National Audubon Society senior vice president for advocacy and policy, said, "
            '"The Obama administration has given a great gift to wildlife."',
            "Betsy Loyless",
        ),
        (
            "But William L. Kovacs, the U. S. Chamber of Commerce's vice president of environment, technology "
            'and regulatory affairs, said that reviving another layer of review "will result in even greater '
            'delays to projects."',
            "William L. Kovacs",
        ),
        (
            '"The warship immediately altered towards the vessels," Captain Manohar Nambiar, Chief Public '
            "Relations Officer, Defence, said.",
            "Manohar Nambiar",
        ),
        # ... but not a description that mentions someone else, nor a title before the name
        (
            "Elizabeth Lauten, the communications director for Rep. Stephen Fincher (R-Tenn.), wrote that the "
            'teenagers should "try showing a little class and some respect."',
            "Elizabeth Lauten",
        ),
        (
            "The German Chancellor, Angela Merkel, fighting accusations of holding up the bailout, said today "
            'that the crisis "underlined the need for an overhaul of the rules."',
            "Angela Merkel",
        ),
        # a reflexive pronoun is no part of the name; a place where a described speaker is, no speaker
        (
            "DeGeneres herself announced the news on Twitter, writing, \"It's official: I'm hosting the Oscars!\"",
            "DeGeneres",
        ),
        ('"We were panicked," one woman in Qeshm told AFP.', "one woman in Qeshm"),
    ],
)
def test_appositives_reflexives_and_places(sentence, speaker):
    assert _speakers([sentence]) == [speaker]


@pytest.fixture(scope="module")
def labelled():
    from bench.quotes import speaker_scores

    return speaker_scores()


def test_speakers_against_hand_labels(labelled):
    """The quotations of 30 ECB+ development articles of other events than tests/data/facts, labelled by
    readers who never ran the tool (tests/data/quotes). Floors a little under today's figures (found 0.992, recall
    0.971, precision 1.000): a speaker given wrongly is worse than none, so precision is held highest."""
    assert labelled.quotes >= 120
    assert labelled.found / labelled.quotes >= FOUND_FLOOR, labelled.not_found
    assert labelled.recall >= RECALL_FLOOR, labelled.missed
    assert labelled.precision >= PRECISION_FLOOR, labelled.wrong


# Labelled quotations found / named speakers given / speakers given that are right.
FOUND_FLOOR = 0.95
RECALL_FLOOR = 0.90
PRECISION_FLOOR = 0.97


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # BASIL and ECB+: the subject's own name for something
        (
            'Republican National Committee spokesman Tim Miller called Biden "unhinged and out of control."',
            "Tim Miller",
        ),
        (
            'Playboy founder Hugh Hefner described the layout as "a milestone in the history of the magazine."',
            "Hugh Hefner",
        ),
        # ... not a title, an ad or a letter that names it, nor a passive
        ('A movie called "The Notorious Bettie Page" was released in 2005.', None),
        ('He has been described as the "apple of Theo Epstein\'s eye."', None),
        ('He released another ad in Iowa describing himself as a "man of faith and of family."', None),
    ],
)
def test_who_calls_something_what_the_quotation_says(sentence, speaker):
    assert _speakers([sentence]) == [speaker]


def test_no_speaker_rather_than_a_garbled_one():
    # BASIL: a name read across a sentence end, and one lower-case word, name nobody.
    akin = (
        "Akin made the remarks in an interview with Fox affiliate KTVI. He claimed a woman's body can typically "
        'fend off pregnancy during a "legitimate rape," as he argued against allowing abortions.'
    )
    assert _speakers([akin]) == [None]
    from srccompare.nlp.speakers import plausible_speaker

    assert not any(map(plausible_speaker, ["Ames Straw Poll. She", "though", "immediately", "year"]))
    assert all(map(plausible_speaker, ["police", "demonstrators", "Mr. Smith", "R. Clarke Cooper", "a witness"]))


# ECB+ doc_0320 (Turkmen election), doc_0168 (DiLeo to coach the 76ers), doc_0166 (the Bush rule revoked).
BEGMEDOVA = [
    "“Beyond all the pompous declarations, there will be no real change,” Tadzhigul Begmedova, director of the "
    "Turkmenistan Helsinki Foundation for Human Rights, said by telephone from Varna, Bulgaria.",
    "“The hopes many people had that a new president would open up Turkmen society have been shattered.”",
]
DILEO = [
    "His son, T.J. DiLeo, is a guard for Temple and he said after the Owls ' 88-72 win over No. 8 Tennessee that "
    "he was excited his father had a chance to coach.",
    "“I think it's unfortunate for Mo, he's a great coach, but my dad is ready to step in, “DiLeo said.",
    "“This caught us by surprise.",
    "We had no idea.”",
]
SCHROEDER = [
    "Darin Schroeder, Vice President for Conservation Advocacy at the environmental organization, American Bird "
    "Conservancy, agreed with Salazar ’ s decision.",
    "“We are gratified Secretary Salazar and Secretary Locke acted to restore the Endangered Species Act to its "
    "intended strength.",
    "The consultation process is one of the cornerstones of the ESA.”",
]
# ECB+ doc_0044: the paragraph before names Lohan, but its speech verb is her rep's.
LOHAN = [
    "Lindsay Lohan checked into the Betty Ford Clinic in Rancho Mirage, Calif., on Thursday night, for what is to "
    "be a three-month stay, her rep confirms to PEOPLE.",
    '"And she showed up [at Morningside Recovery] in the morning and hated it."',
]


def test_where_the_speaker_spoke_from_ends_the_attribution():
    assert _speakers(BEGMEDOVA) == ["Tadzhigul Begmedova"] * 2


def test_an_opening_mark_before_the_attribution_closes_the_remark():
    quotes = article_quotes(DILEO)
    assert [q.speaker for q in quotes] == ["DiLeo"] * 3
    assert quotes[0].closed and quotes[0].text.endswith("ready to step in,")


# ECB+ doc_0359 (Cheeks fired) and doc_0405 (a jury's verdict): the misprinted closer before a verb-first attribution.
STEFANSKI = [
    "“I made the decision because I felt we were not progressing the way we wanted to progress, “said Stefanski.",
    "“I feel on the floor we weren't executing the philosophy that we want to have as Sixers basketball.",
    "I told Mo we needed to go in a different direction and make a change.",
    "He was very gracious about it.",
    "He's a Sixer and is rooting for us to turn this around.”",
]
JUROR = [
    "“Everyone was respectful, “said Juror No. 8, one of six African-American women on the panel.",
    "“We were able to state our opinions.",
]


def test_an_opening_mark_before_a_verb_first_attribution_closes_the_remark():
    quotes = article_quotes(STEFANSKI)
    assert quotes[0].closed and quotes[0].text.endswith("the way we wanted to progress,")
    # the remark going on over the next paragraphs is his too
    assert [q.speaker for q in quotes] == ["Stefanski"] * 5
    # "No." before a figure is part of the name, not its end
    assert _speakers(JUROR) == ["Juror No. 8"] * 2


def test_a_quotation_paragraph_after_a_paragraph_about_a_named_person_is_theirs():
    assert _speakers(SCHROEDER) == ["Darin Schroeder", "Darin Schroeder"]
    # ... not when that paragraph credits someone else with speaking
    assert _speakers(LOHAN) == [None]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # ECB+ and BASIL: words quoted inside what a subject said ("said ... that ...") are the subject's
        (
            "New York-based Human Rights Watch said in an assessment last month that Turkmenistan had made "
            "“some progress” but “remains... one of the most repressive and authoritarian states in the world.”",
            "Human Rights Watch",
        ),
        (
            'Sarah Palin, a vocal tea party supporter, said in a statement late Tuesday that she was "saddened by '
            "the NAACP's claim that patriotic Americans are somehow racists.\"",
            "Sarah Palin",
        ),
        # ... not when another speaks in that clause
        (
            "At the time, Obama stated that he opposed the last minute rule changes with a spokesman stating: "
            "“As president, Senator Obama will fight to maintain the strong protections of the Act.”",
            None,
        ),
        # the name, not an adverb after it nor the place it is from
        (
            "Mr. Boehner facetiously said that Mr. Obama could help: “I’m sure he has great influence over there.”",
            "Boehner",
        ),
        (
            "Gov. Jack Markell of Delaware, a Democrat, told Ronan Farrow of MSNBC that if Ms. Brewer signs the "
            "measure, “the N.F.L. may be looking to move the Super Bowl out of the state.”",
            "Jack Markell",
        ),
        (
            "This month, Bishop Daniel Jenky, of Peoria, Ill., said in a homily that President Obama was "
            "“following a similar path” as Hitler.",
            "Daniel Jenky",
        ),
        (
            '"We didn’t know it was Eric Holder coming," Rev. John Paul Hopping of Our Lady of Guadalupe, told '
            "HuffPost.",
            "John Paul Hopping",
        ),
    ],
)
def test_reported_speech_and_what_stands_between_a_name_and_its_verb(sentence, speaker):
    quotes = [q for q in article_quotes([sentence]) if len(q.text.split()) >= 4]
    assert [q.speaker for q in quotes] == [speaker]


def test_a_role_as_the_subject_before_a_quotation_paragraph_is_the_person_named_with_it():
    # ECB+ doc_0120 (Gary Ross leaves the Hunger Games sequel)
    paragraphs = [
        "Hunger Games director Gary Ross will not helm the adaptation of Catching Fire, the second book in Suzanne "
        "Collins' trilogy, the Los Angeles Times reports.",
        "The director denied reports that his talks with the studio, Lionsgate, hit a snag.",
        '"Contrary to what has been reported, negotiations with Lionsgate have not been problematic.',
        'They have also been very understanding of me through this difficult decision. "',
    ]
    assert _speakers(paragraphs) == ["Gary Ross", "Gary Ross"]
    # ... and nobody when no earlier text names the role's holder
    assert _speakers(paragraphs[1:]) == [None, None]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # BASIL: a relative clause between the subject and its verb describes the subject
        (
            "House Natural Resources Committee Chairman Nick J. Rahall II (D-W. Va.), who had been seeking to overturn "
            'the rule through legislation, called the announcement "one more indication that the new administration '
            'truly represents change."',
            "Nick J. Rahall II",
        ),
        (
            "Mr. Nadler, whose view is that the developers were entitled to build the mosque, said, “Ultimately I "
            "suspect that once this simmers down it will not matter much.”",
            "Nadler",
        ),
        # ... and a body's whole name, "of" and all
        (
            "The letter quotes the U.S. Conference of Catholic Bishops, which wrote several letters to Congress "
            "saying “a just framework for future budgets cannot rely on cuts to essential services.”",
            "U.S. Conference of Catholic Bishops",
        ),
        # a described speaker's name after the description
        (
            "“In recent days, these e-mails have been selectively and inaccurately read out to the media,” said a "
            "White House spokesman, Eric Schultz.",
            "Eric Schultz",
        ),
        (
            "“Of course I was surprised, who wouldn’t be?” said the legislator, Representative Carl Seel.",
            "Carl Seel",
        ),
    ],
)
def test_relative_clauses_bodies_and_names_after_a_description(paragraph, speaker):
    assert _speakers([paragraph]) == [speaker]


def test_a_remark_goes_on_after_a_long_attribution_that_names_its_speaker():
    # BASIL: the second quotation of the paragraph is Matt Bennett's, and Bennett is not "Third Way"
    paragraph = (
        "“The assault-weapons ban is a low priority relative to the other measures the Biden task force is "
        "considering,” Matt Bennett, a spokesman for Third Way, a left-leaning research group, said after hearing "
        "from Mr. Biden last week. “Political capital in the gun debate only goes so far.”"
    )
    assert _speakers([paragraph]) == ["Matt Bennett", "Matt Bennett"]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # BASIL: 'by saying', 'countered that'
        (
            "Senator John McCain, Republican of Arizona, began his questions by saying, “It’s wonderful to see you "
            "in good health and as combative as ever.”",
            "John McCain",
        ),
        (
            'Democratic Illinois Sen. Dick Durbin countered that Obama "is a phone call away and you know it."',
            "Dick Durbin",
        ),
    ],
)
def test_by_saying_and_countered(paragraph, speaker):
    assert _speakers([paragraph]) == [speaker]


def test_a_speech_verb_opening_the_sentence_has_its_speaker_after_it():
    # BASIL: 'Added Gibbs: "...'
    assert _speakers(['Added Gibbs: "I think you would really have to ask somebody who says that."']) == ["Gibbs"]


def test_a_participle_clause_between_subject_and_verb_describes_the_subject():
    # BASIL: 'The president, speaking at the White House, said ...' (was "White House")
    paragraph = (
        'The president, speaking at the White House, said he would use "whatever weight this office holds" to get '
        "the proposals passed."
    )
    assert _speakers([paragraph]) == ["The president"]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # ECB+ T18b doc_0369: the verb's subject is a clause; the name follows "said"
        (
            "“We heard pop, pop, pop,” smelled gunpowder and heard co-workers yelling, said Jean Larson, 48, a staff "
            "accountant for G&C.",
            "Jean Larson",
        ),
        # BASIL: an adverb after the subject is no part of it; a clause with a pronoun is no speaker
        ('The resolution initially said the NAACP would "repudiate the racism of the Tea Parties."', "The resolution"),
        (
            "He marveled at what he said on MSNBC was the “Alice in Wonderland world” in which a waiter would say "
            "“I have never met you.”",
            None,
        ),
    ],
)
def test_garbled_speakers_become_names_or_none(paragraph, speaker):
    assert [q.speaker for q in article_quotes([paragraph]) if len(q.text.split()) >= 4][:1] == [speaker]


def test_a_second_remark_after_and_predicted_is_the_same_speakers():
    # BASIL
    paragraph = (
        "Sen. John Cornyn, R-TX, who heads the GOP campaign committee, said Tuesday, \"I think it's a blockbuster "
        'revelation," and predicted, "I think it\'s definitely going to make that race more competitive."'
    )
    assert _speakers([paragraph]) == ["John Cornyn", "John Cornyn"]


def test_a_description_before_a_capitalised_title_is_no_part_of_the_name():
    # BASIL
    paragraph = (
        "“There are some very angry people upset with the status quo, and Eric became part of that,” said former "
        "Representative Thomas M. Davis III, a Virginia Republican."
    )
    assert _speakers([paragraph]) == ["Thomas M. Davis III"]


def test_a_speaker_shown_saying_the_quotation():
    # BASIL: the ad's news clip
    paragraph = (
        "“The fact is that every day that passes, Iran gets closer and closer to nuclear arms,” Mr. Netanyahu is "
        "shown saying."
    )
    assert _speakers([paragraph]) == ["Netanyahu"]


def test_he_said_takes_no_body_and_no_title_in_quotation_marks():
    # ECB+ development articles doc_0167 and doc_0231: "he wrote" had gone to "Summit" (of Summit Entertainment),
    # "he said" to "Revolutionary Road" (a film in quotation marks before "said")
    weitz = [
        "Chris Weitz is in negotiations to helm \u201cNew Moon,\u201d the sequel to Summit Entertainment's vampire"
        " breakout \u201cTwilight.\u201d",
        "Summit has said it was a matter of scheduling.",
        "\u201cI promise to remain responsive to your hopes and fears,\u201d he wrote in his own letter to fans Saturday.",
    ]
    assert _speakers(weitz)[-1] == "Chris Weitz"
    dicaprio = [
        "Actor Leonardo DiCaprio, who on Thursday earned a Golden Globe nomination for his work in \u201cRevolutionary"
        " Road,\u201d said strike concerns are hitting \u201ceveryone.\u201d",
        "\u201cIt's really important that we come up with a solution,\u201d he said.",
    ]
    assert _speakers(dicaprio)[-1] == "Leonardo DiCaprio"


def test_a_quotation_ending_mid_sentence_takes_the_speaker_after_the_verb():
    # ECB+ development article doc_0317: the speaker had been "the plan"
    paragraph = (
        '"To establish an orderly process that allows us to make wise decisions based on sound information, we need to'
        ' set aside" the plan, said new Interior Secretary Ken Salazar who extended the public comment period by six'
        " months."
    )
    assert _speakers([paragraph]) == ["Ken Salazar"]
    # a lower-case word before a capitalised title is no part of the name either
    assert _speakers(['"We will review it," said former Interior Secretary Ken Salazar.']) == ["Ken Salazar"]


def test_a_remark_left_open_goes_on_in_the_next_quoted_paragraph():
    # ECB+ development article doc_0388: news style opens each paragraph of one remark with a quotation mark
    paragraphs = [
        "\u201cWe saw the guy moving inside the office,\u201d Mr. Ali said.",
        "\u201cHe was just going back and forth.",
        "After the shots, he just put the lights off.",
        "\u201cIt is terrifying.",
        "I still feel shaky when I talk about it.",
    ]
    assert _speakers(paragraphs) == ["Ali", "Ali", "Ali"]


def test_whom_a_speaker_tells_is_no_speaker():
    # ECB+ development article doc_0089: "Mr Gates told the security conference:" had given the conference
    paragraphs = [
        "Mr Gates told the security conference:",
        "\u201cThe need for increased maritime security has been highlighted by the recent acts of piracy.\u201d",
    ]
    assert _speakers(paragraphs) == ["Gates"]
    # BASIL: a place's abbreviation before the verb names nobody
    paragraphs = [
        "One Facebook user who lives near Austin, Tex., posted this status update:",
        "\u201cSo I am asking you kindly to please un-friend me.\u201d",
    ]
    assert _speakers(paragraphs) == [None]


def test_an_abbreviated_title_between_the_verb_and_the_quotation():
    # BASIL development articles (NYT): "Mr." after the verb had ended the lead-in at its full stop.
    assert [q.speaker for q in find_quotes("The letter says Mr. Obama “should not back down. Nor should we.”")] == [
        "The letter"
    ]
    asked = article_quotes(
        [
            "The chief justice also asked Mr. Sellers “how many examples of abuse need to be shown?” "
            "After all, he said, “you’re going to have some bad apples” given Wal-Mart’s thousands of stores.",
            "Mr. Sellers responded that the company had no policy.",
        ]
    )
    # "he said" is the chief justice, not Mr. Sellers, whom he asked
    assert [q.speaker for q in asked] == ["The chief justice", "The chief justice"]


def test_a_second_quotation_of_one_reported_clause_has_its_speaker():
    # BASIL development article (HuffPost, the Jackson plea): the second fragment had no speaker.
    jackson = (
        "In a statement issued by his lawyers on Friday, Jackson said he had “no excuses” for his conduct and “fully "
        "accept my responsibility for the improper decisions and mistakes I have made.”"
    )
    assert [q.speaker for q in find_quotes(jackson)] == ["Jackson", "Jackson"]
    # ECB+ doc_0022: "called ... and a ..." is still Kempthorne's naming
    kempthorne = "Interior Secretary Dirk Kempthorne called the rule changes “narrow” and a “common-sense” approach."
    assert [q.speaker for q in find_quotes(kempthorne)] == ["Dirk Kempthorne", "Dirk Kempthorne"]
    # Another voice between the two: the second is not the first speaker's.
    other = "Smith said the deal was “a disaster for the workers” while critics called it “a long overdue reform”."
    assert [q.speaker for q in find_quotes(other)] == ["Smith", None]
    # Another sentence: not the same clause.
    apart = "Smith said the deal was “a disaster for the workers” today. Its “long overdue reform” was delayed."
    assert [q.speaker for q in find_quotes(apart)][1] is None


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        # BASIL (NRA, Fox): "in December" between the subject and its verb is when, not who; "he said" is LaPierre's
        (
            [
                "But LaPierre in December argued that improving school security is paramount.",
                '"It\'s now time for us to assume responsibly for our schools," he said.',
            ],
            ["LaPierre"],
        ),
        # BASIL (Blumenthal, NYT): a date is nobody; the newspaper that "described him as" is the speaker
        (
            [
                "The New Haven Register on July 20, 2006, described him as \u201ca veteran of the Vietnam War,\u201d and "
                "on April 6, 2007, said that the attorney general had \u201cserved in the Marines in Vietnam.\u201d"
            ],
            ["The New Haven Register", None],
        ),
        # BASIL (same-sex marriage, NYT): the body of a second appositive is no speaker; the name opening it is
        (
            [
                "Evan Wolfson, the founder of Freedom to Marry, a gay rights organization, said that now \u201cthere is "
                "absolutely no way that opponents of gay rights can hide behind any unclarity.\u201d"
            ],
            ["Evan Wolfson"],
        ),
        # BASIL (Steele, HuffPost): a capitalised "On" inside a name is the name's
        (
            ['Hotline On Call says the nature of the decision is a "closely guarded secret" for now.'],
            ["Hotline On Call"],
        ),
        # BASIL (Benghazi, Fox; a poll, HuffPost): an adverb between a name and its verb is no part of the name
        (
            [
                "During a press conference Monday, President Obama even acknowledged that the country now knows that "
                '"clearly (the staff in Benghazi) were not in a position where they were adequately protected."'
            ],
            ["Obama"],
        ),
        # BASIL (Cato, Fox) and ECB+ doc_0139: the person, not the body after "of" (nor "Saturday" after it)
        (
            [
                "But Roger Pilon of the Cato Institute said Congress needs to re-read the Constitution.",
                '"Today the Congress regulates our lives and redistributes our wealth in ways," he said.',
            ],
            ["Roger Pilon"],
        ),
        (
            [
                "\u201cWe have no idea what caused it,\u201d the Rev. Larry Kroon of the Wasilla Bible Church said "
                "Saturday, adding that investigators were considering arson."
            ],
            ["Larry Kroon"],
        ),
    ],
)
def test_when_where_dates_adverbs_and_bodies_after_of_are_not_the_speaker(paragraphs, speakers):
    assert _speakers(paragraphs) == speakers


def test_he_said_takes_no_newspaper():
    # BASIL (Blumenthal, NYT): "he said" after the Register's quotation is the attorney general's, named before it
    paragraphs = [
        "Mr. Blumenthal said he had never intended to mislead anyone about his service.",
        "The New Haven Register on July 20, 2006, described him as \u201ca veteran of the Vietnam War.\u201d",
        "\u201cI don\u2019t know if we tried to do so or not,\u201d he said.",
    ]
    assert _speakers(paragraphs)[-1] == "Blumenthal"


def test_he_said_takes_no_thing_named_in_capitals():
    # BASIL (AARP, Fox): "cutting Social Security" names a programme, never written as a person is (after a title, a
    # noun of a person, or with "Security" alone); "he" is the AARP chief named before
    paragraphs = [
        'AARP CEO Barry Rand later issued a statement calling the article "misleading" and claiming "AARP has not '
        'changed its position on Social Security."',
        "He said AARP remains opposed to cutting Social Security for the sake of deficit reduction and to any "
        "privatization plan. \"We are currently fighting proposals to cut Social Security to pay the nation's "
        'bills," he said.',
    ]
    assert _speakers(paragraphs)[-1] == "Barry Rand"
    # ECB+ doc_0096: a noun of a person before a name that is never written alone still makes a person
    heller = [
        "That ’ s exactly what LiLo ’ s lawyer Mark Heller did in court this morning.",
        "He told the judge that LiLo was “ensconced in the bosom of” rehab this morning when she was really shopping.",
    ]
    assert _speakers(heller) == ["Mark Heller"]


def test_he_said_takes_no_name_written_after_the():
    # ECB+ doc_0302 (the Red Sox owner): "The Angeles said" (a team, misspelt) is the subject of a speech verb, but
    # a name written after "the" is no "he"; the owner named before is
    paragraphs = [
        "Lynch reported the Red Sox team of owner John Henry and General Manager Theo Epstein offered Teixeira an "
        "eight-year deal.",
        "Teixeira was traded from Atlanta to Los Angeles in July.",
        "The Angeles said last week they made an eight-year offer.",
        "Henry had expressed concern about a contract of eight years or more.",
        '"We all have limits," he wrote the AP on Wednesday.',
    ]
    assert _speakers(paragraphs)[-1] == "John Henry"


def test_he_said_takes_no_law_and_no_suffix():
    # BASIL (NSA, NYT): "the Patriot Act" names a law, and "Jr." is no surname to count mentions of; "he" is Durbin
    paragraphs = [
        "Mr. Obama met with James R. Clapper Jr., the director of national intelligence, and Attorney General Eric H. "
        "Holder Jr. to discuss expiring provisions of the Foreign Intelligence Surveillance Act of 1978.",
        "The provisions were added to the 1978 law by the Patriot Act.",
        "But Senator Richard J. Durbin of Illinois, the Senate’s No. 2 Democrat, draws a distinction between the "
        "holding of such briefings and the informed consent of Congress. Very few lawmakers avail themselves of such "
        "briefings, he suggested, and only the most senior leaders are kept fully abreast of intelligence activities.",
        "“You can count on two hands the number of people in Congress who really know,” he said in an interview on "
        "Friday.",
    ]
    assert _speakers(paragraphs) == ["Richard J. Durbin"]


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        # ECB+ doc_0299: the person an office of a body names, not the office
        (
            [
                "“The rule strengthens the regulations so the government can focus on protecting endangered "
                "species,” said Secretary of the Interior Dirk Kempthorne."
            ],
            ["Dirk Kempthorne"],
        ),
        # ECB+ doc_0109: a participle clause about the subject ends before the verb; the subject is before it
        (
            [
                "While the Bush rule prohibited consultations on global processes, an Interior official speaking on "
                "the condition of anonymity said that under the new policy “such a review would be triggered.”"
            ],
            ["an Interior official"],
        ),
        # BASIL (Santorum, NYT): "did not" between a subject and its verb; "he said" is his
        (
            [
                "Mr. Santorum did not say public schools were a bad idea, and he said that there was a role for "
                "government help in education.",
                "“Where did they come up that public education and bigger education bureaucracies was the rule in "
                "America?” he said.",
            ],
            ["Santorum"],
        ),
    ],
)
def test_an_office_a_participle_clause_and_a_negated_verb_before_the_speaker(paragraphs, speakers):
    assert _speakers(paragraphs) == speakers


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # written after the ways real reports credit bodies named without a head word, and offices before a name
        ('"We will see this in court," Friends of the Earth said in a statement.', "Friends of the Earth"),
        ('Americans for Prosperity said the plan "will cost jobs in every state."', "Americans for Prosperity"),
        ('Evan Wolfson of Freedom to Marry said the decision was "a huge step forward."', "Evan Wolfson"),
        (
            'But Secretary of the Interior Dirk Kempthorne said the rule was "narrow and clear."',
            "Dirk Kempthorne",
        ),
        # a role of a place or a body is the speaker, never the place
        ('The mayor of Washington said the chain was peddling "hate chicken."', "The mayor of Washington"),
        (
            'The head of Iran\'s Red Crescent said "the rescue teams reached every village."',
            "The head of Iran's Red Crescent",
        ),
    ],
)
def test_a_body_named_without_a_head_word_is_whole_and_an_office_names_its_holder(paragraph, speaker):
    assert _speakers([paragraph]) == [speaker]


def test_the_source_an_according_to_names_speaks_the_quotation_after_it():
    # ECB+ doc_0164 and doc_0026
    assert _speakers(["According to the church's minister, “We have no idea what caused it”."]) == [
        "the church's minister"
    ]
    lead = (
        "According to the LA Times, “investigators have had a difficult time determining a motive for Escalante's "
        "killing,” however after working on the case at great length the team of detectives isolated two suspects."
    )
    assert _speakers([lead]) == ["LA Times"]


def test_a_speech_verb_after_and_shares_the_subject_of_the_verb_before():
    # ECB+ doc_0259; BASIL 2014 (Ferguson)
    tweet = "DeGeneres made the announcement on Twitter on Friday and said: \"It's official: I'm hosting the #Oscars!\""
    assert _speakers([tweet]) == ["DeGeneres"]
    chant = (
        "The evening began in a familiar fashion: Demonstrators marched along the street and chanted “Hands up! "
        "Don’t shoot!” and other slogans that have become common here since Mr. Brown’s death."
    )
    assert _speakers([chant]) == ["Demonstrators"]
    # ... a name that is no subject names no speaker
    assert _speakers(['The company fired John Smith and said: "He broke the rules."']) == [None]


def test_described_speakers_after_the_verb():
    # ECB+ doc_0070, doc_0399 and doc_0242 (Athens riots): a role in lower case before the name; "one" is a determiner;
    # a participle after the noun is what is said of the speaker
    protester = (
        "“In the end, the violence that we use is minimal in comparison to the violence the system uses, like the "
        "banks,” said 32-year-old protester Paris Kyriakides."
    )
    assert _speakers([protester]) == ["Paris Kyriakides"]
    young = (
        "“What I feel when I see this,” said one young man, a hard plastic helmet covering his curly brown hair, “is "
        "that I am loving my city more than ever."
    )
    assert _speakers([young])[0] == "one young man"
    goggles = "“I do feel bad when I see property burned,” said a man wearing ski goggles and a dark blue jacket."
    assert _speakers([goggles]) == ["a man"]
    # (the remark opens two lines before in the article)
    assert _speakers(["“They are stealing our dreams,” said one leaflet distributed in the square."]) == ["one leaflet"]
    # ... not reported speech after "said", nor a noun phrase the participle belongs to
    assert _speakers(['"It is bad," said strike leaders Monday.']) == [None]
    assert _speakers(['"We won," said the newly elected mayor.']) == ["the newly elected mayor"]


def test_an_attribution_closing_a_sentence_speaks_all_its_quotations():
    # ECB+ doc_0192 (EU Commissioner Olli Rehn on Greece)
    rehn = (
        '"Greece is a unique and particular case in the EU" because of its "precarious debt dynamics" and because it '
        '"has cheated with its statistics for years and years," EU Commissioner Olli Rehn said.'
    )
    assert _speakers([rehn]) == ["Olli Rehn"] * 3
    # ... but a title in quotation marks is nobody's words, and another voice before keeps its own
    assert _speakers(['The "Love Won Out" conference was held, "we are proud," the pastor said.']) == [
        None,
        "the pastor",
    ]
    assert _speakers(['Critics called it "a disaster," but "we will go on," the mayor said.']) == [
        "Critics",
        "the mayor",
    ]


def test_a_body_named_before_s_is_one_word_of_a_described_speaker():
    # ECB+ doc_0012 (the Wasilla church fire)
    minister = "The Bible Church's head minister said, “Someone intentionally did it, but we don't know who and why.”"
    assert _speakers([minister]) == ["The Bible Church's head minister"]


def test_a_title_makes_the_surname_before_a_participle_a_person():
    # ECB+ doc_0174 (the Bush rule reviewed); BASIL 2010 (Michael Steele)
    obama = (
        'On March 3, President Obama directed the Commerce and Interior departments to review it, stating that "we '
        'should be looking at ways to strengthen [the Endangered Species Act] —not weaken it."'
    )
    assert _speakers([obama]) == ["Obama"]
    steele = (
        "Mr. Steele, seeking to clarify his remarks, issued a statement on Friday afternoon, saying, “There is no "
        "question that America must win the war on terror.”"
    )
    assert _speakers([steele]) == ["Steele"]


def test_a_remark_goes_on_after_an_attribution_that_tells_when_it_was_said():
    # ECB+ doc_0154 (Lohan's lawyer) and doc_0377 (Councilman Williams)
    heller = [
        "“My client is ensconced in the bosom of that facility right now,” Heller argued after a prosecutor objected "
        "to Lohan ’ s choice of facilities.",
        "“She ’ s in rehab right now.",
        "Nothing bad is going to happen.”",
    ]
    assert _speakers(heller) == ["Heller"] * 3
    williams = [
        "“That belittles it,” City Councilman Jumaane D. Williams said later, referring to the community anger after "
        "the police shooting.",
        "“So now we ’ re going to wait for something worse, for something that meets the true definition of a riot?”",
    ]
    assert _speakers(williams) == ["Jumaane D. Williams"] * 2


def test_she_stands_for_a_described_woman_when_no_named_person_is_nearer():
    # ECB+ doc_0226 (the Banstead fire)
    surrey = [
        "Roads around the area, including Banstead High Street itself, were closed for some time, but the spokeswoman "
        "said they were all reopened by 4.30pm on Saturday.",
        "She added: “The focus for today [Saturday] has been to maximise the safety of the public, minimise disruption "
        "to the community and return normality to the area.",
    ]
    assert _speakers(surrey) == ["the spokeswoman"]
    # ... never a described man
    assert _speakers([surrey[0].replace("spokeswoman", "spokesman"), surrey[1]]) == [None]


def test_complained_vowed_and_joked_attribute_and_a_dated_role_is_an_appositive():
    # BASIL 2012 (Romney on same-sex marriage) and 2010 (a Fox News host)
    romney = (
        "When in 2003 the Massachusetts courts legalized same-sex marriage in the state, Mr. Romney, then governor, "
        "complained that the state had become “San Francisco East.”"
    )
    assert _speakers([romney]) == ["Romney"]
    vowed = (
        "During his campaign for the Senate in 1994, Mr. Romney vowed to seek “full equality” for gays and lesbians, "
        "in a letter to the Log Cabin Republicans of Massachusetts."
    )
    assert _speakers([vowed]) == ["Romney"]
    tent = 'All we\'ve heard, the Fox News host complained, is "we need a big tent. We need a big tent."'
    assert _speakers([tent]) == ["the Fox News host"]


def test_two_people_named_as_the_subject_both_speak():
    # ECB+ doc_0169 and doc_0201 (the Oscars' producers); BASIL 2014 (the marijuana suit)
    producers = (
        "Producers Laurence Mark and Bill Condon called the Australian actor “a consummate entertainer and an "
        "internationally renowned movie star.”"
    )
    assert _speakers([producers]) == ["Laurence Mark and Bill Condon"]
    joint = "“He also has style, elegance and a sense of occasion,” Mark and Condon said in a joint statement."
    assert _speakers([joint]) == ["Mark and Condon"]
    assert _speakers(['Zadan and Meron added: "We are thrilled to have Ellen DeGeneres host the Oscars."']) == [
        "Zadan and Meron"
    ]
    # ... not a body's name with "and" in it, nor the end of an appositive
    ahmad = (
        "“The Committee has been contacted by Ms. Lerner’s lawyer,” Oversight and Government Reform Committee "
        "spokesman Ali Ahmad said in a statement."
    )
    assert _speakers([ahmad]) == ["Ali Ahmad"]
    nadler = (
        '"They are reading it like a sacred text," Rep. Jerrold Nadler, D-N.Y., the former chairman of the House '
        "Judiciary subcommittee on the Constitution, Civil Rights and Civil Liberties, told The Washington Post."
    )
    assert _speakers([nadler]) == ["Jerrold Nadler"]


def test_he_never_stands_for_a_wife_nor_a_party():
    # ECB+ doc_0363 (Hugh Jackman to host the Oscars): his wife is named last before "he said"
    jackman = [
        "The X men star, who is known for his hard body, he has a softer side too.",
        "Jackman sings ballads at home, makes pancakes for son Oscar, 8, daughter Ava, 3, as well as his wife "
        "Deborra-Lee Furness.",
        "“Deb and my kids have been the best things that have ever happened to me, without a doubt,” he said.",
    ]
    assert "Furness" not in str(_speakers(jackman))
    # BASIL 2010 (the tax deal): House Democrats and Senate Democrats are bodies
    from srccompare.nlp.speakers import names_a_body

    assert names_a_body("Senate Democrats", "") and names_a_body("House Republicans", "")
    assert names_a_body("White House", "")


def test_a_sentence_opened_by_according_to_is_its_sources_quotation_and_all():
    # ECB+ doc_0363 (the Oscars' producer) and doc_0004 (THR on the Hunger Games sequel)
    mark = (
        "According to Laurence Mark, producer of the telecast, the Australian actor has been selected “because we "
        "want the ceremony to be fun.”"
    )
    assert _speakers([mark]) == ["Laurence Mark"]
    # ... but titles and words set off in quotation marks are nobody's remark
    thr = (
        'According to THR, Ross will resume negotiating with Lionsgate about returning for the "Games" sequel '
        '"Catching Fire" at some point on Monday.'
    )
    assert _speakers([thr]) == [None, None]


def test_a_surname_with_a_capital_inside_is_a_persons_name():
    # BASIL 2014 (Ferguson's prosecutor) and 2010 (Sen. DeMint on Michael Steele)
    mcculloch = [
        "A grand jury has been convened and was scheduled to meet Wednesday to begin hearing evidence, said Edward "
        "Magee, a spokesman for Robert P. McCulloch, the prosecuting attorney for St. Louis County.",
        "Protesters gathered outside Mr. McCulloch’s office on Wednesday, calling for him to step aside.",
        "Mr. McCulloch, speaking to a local radio station, categorically rejected that notion.",
        "“I know the pain the Brown family is going through right now,” he said.",
    ]
    assert _speakers(mcculloch) == ["Robert P. McCulloch"]
    demint = [
        "The backlash built quickly over the weekend as some prominent conservatives called for Steele's resignation. "
        'Speaking on "Fox News Sunday," Sen. Jim DeMint, R-S.C., would not go that far but said Steele must apologize '
        "to the troops.",
        "\"Chairman Steele needs to apologize to our military, all the men and women who've been fighting in "
        'Afghanistan," he said.',
    ]
    assert _speakers(demint)[-1] == "Jim DeMint"


def test_described_sources_statements_and_re_spaced_attributions():
    # ECB+ (tests/data/facts): a source described by what it knows is the whole phrase, and the paragraph after goes on
    # with it (doc_0243); "Below is a statement by X:" gives the statement that follows its speaker (doc_0216); an
    # attribution with a re-spaced possessive still ends its paragraph (doc_0279: "Times ' Big Picture blog").
    for name, speaker, words in (
        ("doc_0243.txt", "a source with knowledge of the 76ers ' thinking", "But at the same time"),
        ("doc_0216.txt", "Francesca Grifo", "Several last-minute Bush administration"),
        ("doc_0279.txt", "Rob Friedman", "The movie only gets released"),
    ):
        assert _fact_article_speakers(name, words) == [speaker], name
    # the noun phrase after the complement's preposition is no speaker
    assert _speakers(["“It's over,” a source close to the negotiations said."]) == [
        "a source close to the negotiations"
    ]
    assert _speakers(["“It's over,” said a person familiar with the talks, adding that it was done."]) == [
        "a person familiar with the talks"
    ]


def test_reported_speech_closed_by_when_it_was_said_leads_into_the_next_quotation():
    # ECB+ doc_0189: "..., she said around 5:30 p.m." then her words as a paragraph of their own
    assert _fact_article_speakers("doc_0189.txt", "A couple of us tried") == ["Lorin Pearce"]
    # ... and a role opening a paragraph that ends in a colon introduces the next one's quotation (doc_0010), named
    # as the role where no person was named with it
    assert _fact_article_speakers("doc_0010.txt", "Do not trust") == ["the judge"]


def test_quoted_as_saying_names_the_speaker_before_or_after_the_quotation():
    # ECB+ doc_0104: '"...," the New York Daily News quoted witness Devonte Brown as saying.' ends its paragraph, so his
    # next paragraph goes on with him; and the same construction before a quotation
    assert _fact_article_speakers("doc_0104.txt", "They started shooting") == ["Devonte Brown"]
    assert _speakers(['Reuters quoted a police official as saying: "We have arrested three people."']) == [
        "a police official"
    ]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # ECB+ T20a (doc_0122): the passive names the speaker before "was quoted"
        (
            "“Two people from Zinbi village were hurt but their general condition is satisfactory,” Qeshm governor "
            "Mehdi Irannejad was quoted as saying.",
            "Mehdi Irannejad",
        ),
        # BASIL: before the quotation, past an apposition
        (
            "Sen. Charles Schumer, a New York Democrat, was quoted in The Hill as saying: “I think our Republican "
            "colleagues realize what is at stake.”",
            "Charles Schumer",
        ),
        # the one who quoted is not the speaker (ECB+ "was quoted by IRNA as saying")
        ("“Operations are back to normal,” Airport chief Ali Naghavi was quoted by IRNA as saying.", "Ali Naghavi"),
        ("Airport chief Ali Naghavi was quoted by IRNA as saying: “Operations are back to normal.”", "Ali Naghavi"),
    ],
)
def test_was_quoted_as_saying_names_its_subject(paragraph, speaker):
    assert _speakers([paragraph]) == [speaker]


def test_a_quotation_paragraph_goes_on_after_a_verb_first_attribution_with_an_age_or_role_before_the_name():
    # ECB+ doc_0265 and doc_0114: "said 17-year-old Jeremy Ortiz, ...", "said state Rep. Barry Fleming, ..." end their
    # paragraphs, and the next paragraph's quotation is the same speaker's
    assert _speakers(
        [
            "\"I'm kind of relieved that it's over,\" said 17-year-old Jeremy Ortiz, one of the deputy's sons from a "
            "previous marriage.",
            '"I\'m happy with the verdict, we just have to wait it out now."',
        ]
    ) == ["Jeremy Ortiz", "Jeremy Ortiz"]
    assert _speakers(
        [
            "“Georgia is a conservative state, but there are pockets where it is not,” said state Rep. Barry Fleming, a "
            "Republican who led a failed bid last year to allow judges to approve death penalties.",
            "“There are people who will attempt to nullify the law when they get on the jury.”",
        ]
    ) == ["Barry Fleming", "Barry Fleming"]


def test_a_quotation_paragraph_after_a_paragraph_about_he_is_the_speaker_he_stands_for():
    # ECB+ doc_0097: 'Kroon said he was not at the church ...' / 'He would not specify how many people were in the
    # building.' / '"They were all adults, and they all got out.' (a remark over two paragraphs, attributed nowhere)
    assert _fact_article_speakers("doc_0097.txt", "They were all adults") == ["Kroon"]
    # ... but "she" after a list of names is no one's: ECB+ doc_0389's "She had disowned her glamour lifestyle" is about
    # Bettie Page, named last as "Uma Thurman"'s neighbour in a list, and nobody quoted before is meant
    assert _speakers(
        [
            "Her image inspired tributes from celebrities such as Madonna, Demi Moore and Uma Thurman.",
            "She had disowned her glamour lifestyle after becoming a born-again Christian in 1959.",
            "“Bettie Page is the last great icon of the 1950s.”",
        ]
    ) == [None]
