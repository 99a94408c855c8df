"""Typed fields of differences, sources of a figure, numbers with unit and source, fixed phrases, and
the registry: on sentences in the style of real disaster and central-bank coverage (issue 14)."""

from __future__ import annotations

from srccompare.compare.differences import KINDS, classify_group, detectors, is_disagreement
from srccompare.model import Member
from srccompare.render.labels import difference_detail

from .conftest import fact_article_line


def _diffs(*texts: str):
    members = [Member(f"{chr(97 + i)}.txt", i, t) for i, t in enumerate(texts)]
    return {d.kind: d for d in classify_group(members, {})[0]}


def test_every_kind_has_one_registered_detector_in_order():
    assert [k for k, _ in detectors()] == list(KINDS)


def test_who_said_vs_un_estimated_is_a_source_difference_with_the_sources():
    found = _diffs(
        "More than 2,000 people were killed in the earthquake, the WHO said.",
        "More than 2,000 people were killed in the earthquake, the UN estimated.",
    )
    source = found["source_cited"]
    assert source.used == {"a.txt": ("WHO",), "b.txt": ("UN",)}
    assert "number" not in found


def test_ministry_figures_and_according_to_state_media_are_sources():
    found = _diffs(
        "Ministry figures showed 340 people had died by Tuesday evening.",
        "340 people had died by Tuesday evening, according to state media.",
    )
    assert found["source_cited"].used == {"a.txt": ("ministry figures",), "b.txt": ("state media",)}


def test_a_toll_told_differently_carries_value_unit_and_credited_source():
    found = _diffs(
        "The death toll rose to 2,100 people, the Red Cross said.",
        "The death toll rose to 1,800 people, according to the United Nations.",
    )
    number = found["number"]
    assert is_disagreement(number)
    by_article = {a: [(n.value, n.unit, n.source) for n in uses] for a, uses in number.numbers.items()}
    assert by_article == {"a.txt": [(2100.0, "person", "Red Cross")], "b.txt": [(1800.0, "person", "United Nations")]}


def _within_hedges(a: str, b: str) -> set[str]:
    """The figures of the ``number`` difference between two sentences, which must agree within their hedges."""
    number = _diffs(a, b)["number"]
    assert number.form == "hedged" and not is_disagreement(number)
    return set(sum(number.used.values(), ()))


def test_the_population_of_a_place_told_two_ways_is_compared_whatever_word_stands_beside_it():
    # ECB+ T20b: Qeshm island's population, no counted noun beside either figure
    shown = _within_hedges(
        fact_article_line("doc_0195.txt", "Qeshm is Iran's largest island"),
        fact_article_line("doc_0254.txt", "Qeshm is the biggest"),
    )
    assert shown == {"120, 000", "more than 100, 000"}
    apart = _diffs(
        fact_article_line("doc_0195.txt", "Qeshm is Iran's largest island"),
        "Qeshm is the biggest island in the Persian Gulf, with a population of 200, 000.",
    )
    assert is_disagreement(apart["number"])


def test_a_span_told_without_a_number_agrees_within_its_range_and_never_disagrees():
    # ECB+ T13b: the warehouse's years on the list of endangered properties
    shown = _within_hedges(
        fact_article_line("doc_0239.txt", "for the past four years"),
        fact_article_line("doc_0413.txt", "for several years"),
    )
    assert "several years" in shown
    # T20b: a second quake "several hours later" and "the second one ... in the past 24 hours" are two spans
    apart = _diffs(
        fact_article_line("doc_0052.txt", "several hours later"),
        "Monday's earthquake was the second one to hit Qeshm in the past 24 hours.",
    )
    assert "number" not in apart


def test_a_crowd_told_without_a_number_agrees_with_one_counted_in_another_noun_of_people():
    # ECB+ T8b: the Athens march, "tens of thousands of union members" / "as many as 20, 000 people"
    union = fact_article_line("doc_0078.txt", "tens of thousands of union members")
    shown = _within_hedges(union, fact_article_line("doc_0396.txt", "as many as 20, 000 people"))
    assert "tens of thousands of union members" in shown
    # out of its range a count of other people is another set, never a disagreement
    assert "number" not in _diffs(union, fact_article_line("doc_0078.txt", "Around 20 more people"))


def test_a_rate_written_another_way_is_notation_not_a_disagreement():
    found = _diffs(
        "The central bank cut its key rate by 0.5 percent to 16 percent on Friday.",
        "The central bank cut its key rate by 0.5% to 16% on Friday.",
    )
    number = found["number"]
    assert number.form == "notation" and not is_disagreement(number)
    assert "notation only" in number.detail
    # each article's way of writing it is shown, not one reading for the equal values
    assert '"0.5 percent" (a.txt) vs "0.5%" (b.txt)' in number.detail


def test_historic_city_and_key_rate_are_not_loaded_but_an_historic_defeat_is():
    assert "loaded_term" not in _diffs(
        "Rescuers searched the rubble in the historic city of Antakya on Tuesday.",
        "Rescuers searched the rubble in Antakya on Tuesday.",
    )
    found = _diffs(
        "The ruling party suffered a historic defeat in Sunday's vote.",
        "The ruling party suffered a defeat in Sunday's vote.",
    )
    assert found["loaded_term"].used == {"a.txt": ("historic",), "b.txt": ()}
    # ECB+ T4a (doc_0217): the police's words for a wanted man, not the outlet's judgement
    assert "loaded_term" not in _diffs(
        "As of 11 p.m. authorities were still searching for Jose Luis Orozco, 27, who is considered armed and dangerous.",
        "As of 11 p.m. authorities were still searching for Jose Luis Orozco, 27, who is considered armed.",
    )


def test_a_bomb_that_exploded_and_police_who_seized_are_not_loaded_but_violence_that_exploded_is():
    # ECB+ T18b (doc_0146), T18a (doc_0316): the literal senses of two dramatising verbs
    assert "loaded_term" not in _diffs(
        "Upon arrest, police seized a shotgun and several shells, he said.",
        "Upon arrest, police found a shotgun and several shells, he said.",
    )
    assert "loaded_term" not in _diffs(
        "State police say a bomb exploded at an Oregon bank after it was evacuated.",
        "State police say a bomb went off at an Oregon bank after it was evacuated.",
    )
    found = _diffs(
        "Violence exploded in the capital after the verdict was read.",
        "Violence broke out in the capital after the verdict was read.",
    )
    assert found["loaded_term"].used == {"a.txt": ("exploded",), "b.txt": ()}


def test_a_manner_adverb_is_loaded_a_procedural_one_is_not():
    found = _diffs(
        "The opposition harshly criticised the government's response to the floods.",
        "The opposition criticised the government's response to the floods.",
    )
    assert found["loaded_term"].categories == {"harshly": "manner adverb"}
    assert "loaded_term" not in _diffs(
        "The opposition publicly criticised the government's response to the floods.",
        "The opposition criticised the government's response to the floods.",
    )


def test_detail_is_built_from_the_typed_fields():
    found = _diffs(
        "Putin suggested the issue is unlikely to be resolved soon.",
        "Putin said the issue will be resolved soon.",
    )
    for diff in found.values():
        assert difference_detail(diff, {"a.txt": "a.txt", "b.txt": "b.txt"}) == diff.detail


def test_a_source_is_the_same_whatever_clause_word_leads_it():
    from srccompare.compare.differences.sources import sources

    # ECB+ T1b (CBS News, Inquirer): both credit "a state official"; neither adds a source.
    cbs = "the actress checked into a Southern California rehab facility that a state official said is unlicensed"
    inquirer = "the actress checked into a California rehab facility, but a state official said it is unlicensed"
    assert sources(cbs) == sources(inquirer) == {"state official"}
    assert sources("According to the Interior Ministry, 40 people died.") == {"Interior Ministry"}


def test_an_adjective_is_no_source_and_an_agency_keeps_its_name():
    from srccompare.compare.differences.sources import sources

    # ECB+ T4a (doc_0270): a biography is no source, and "official" describes it
    page = (
        "At a time when few women pursued a college education, Page earned a bachelor of arts degree in education "
        "from Peabody College in Tennessee in 1944, according to her official biography."
    )
    assert sources(page) == set()
    assert sources("The toll rose to 300, according to an official with the ministry.") == {"official"}
    assert sources("The toll rose to 300, according to officials familiar with the matter.") == {"officials"}
    # ECB+ T20a (doc_0008): the agency's name before "news agency reported"
    isna = (
        "An earthquake with a magnitude of 5.6 shook the southern Iranian island of Qeshm, ISNA news agency reported."
    )
    assert "ISNA news agency" in sources(isna)


def test_figures_of_one_thing_far_apart_are_one_figure_only_in_one_claim():
    # ECB+ T19b: 46 arrested on Wednesday night, one arrest on Monday night (two nights, two facts, one group);
    # ECB+ T19a: "injuring at least two people" of a TV crew beside "at least 70 people injured" across Greece.
    wednesday = "By the end an officer's face and the window of a police van had been hit with bricks, and 46 people had been arrested."
    monday = "One person has been arrested, though no injuries have been reported."
    assert "number" not in _diffs(wednesday, monday)
    # ... while one claim told with figures as far apart is still a disagreement
    found = _diffs(
        "The earthquake killed at least 3 people in the province, officials said.",
        "The earthquake killed at least 300 people in the province, officials said.",
    )
    assert found["number"].words == {"a.txt": ("3",), "b.txt": ("300",)}


def test_those_who_investigate_rescue_or_witness_are_sources_too():
    from srccompare.compare.differences.sources import sources

    # ECB+ T8b, T13a, T19a: firefighters, investigators and a witness credited for what they tell, as
    # "witnesses" and "police" are.
    assert sources("Firefighters said as many as 20 people had been inside the bank.") == {"firefighters"}
    assert sources(
        "A fire that caused more than $1 million in damage may have been set by an arsonist, investigators say."
    ) == {"investigators"}
    assert sources("The witness said the teenagers suddenly took off, fanning through streets.") == {"witness"}
    found = _diffs(
        "Firefighters said as many as 20 people had been inside the bank.",
        "Police said as many as 20 people had been inside the bank.",
    )
    assert found["source_cited"].used == {"a.txt": ("firefighters",), "b.txt": ("police",)}


def test_words_that_only_look_like_a_source_and_its_verb_credit_nobody():
    from srccompare.compare.differences.sources import sources

    # ECB+ T1a (doc_0073), T6b (doc_0219), T12a (doc_0408); BASIL 2012 (08bb9bee); a phrasal verb
    assert not sources("The Valley Dairy put up 100,000 pounds of cheese to back one of its state loans.")
    assert not sources(
        "Tara Reid, 33, who starred in American Pie and appeared on U.S. TV show Scrubs, has entered rehab."
    )
    assert not sources(
        "Despite reports last week that said Gary Ross would definitely not be returning to direct The Hunger Games "
        "sequel, it seems he will be back at the negotiating table with Lionsgate this week."
    )
    assert sources(
        "The Ministry said MV Gibe put out a message at 1100 hours that it was under attack from two boats."
    ) == {"ministry"}
    assert (
        sources(
            "Akin had also vowed to remain in the race earlier Tuesday on the radio show of former Republican presidential "
            "candidate Mike Huckabee."
        )
        == frozenset()
    )
    # a noun that looks like a source verb: ECB+ T18b (doc_0369), BASIL 2013 (550b80db)
    assert (
        sources(
            "Hours after the shooting, a motorist spotted a vehicle described on radio reports and notified authorities."
        )
        == frozenset()
    )
    assert not sources(
        "The magazine portrayed Mitt Romney as one of the stars of the Broadway show 'The Book of Mormon.'"
    )
    # ... while a body that puts a figure somewhere, figures that show, a reporter of an outlet that reports, are sources
    assert sources("The Interior Ministry put the death toll at 40.") == {"Interior Ministry"}
    assert sources("Ministry figures show 40 people died.") == {"ministry figures"}
    assert "Fox Sports" in sources("Ken Rosenthal of Fox Sports reports that two major-league sources said it.")
    # the owner of a statement is the source (ECB+ T19b doc_0160)
    assert sources("According to the NYPD's statement, the cops noticed one break away from the group.") == {"NYPD"}


def test_a_source_is_whom_the_clause_credits_not_the_words_before_it():
    from srccompare.compare.differences.sources import sources

    # ECB+ T19b, T20b and BASIL: the words of the clause before a generic source are no part of it; a name
    # before it is, and two sources joined by "and" are two.
    assert sources("Gray, 16, was shot eleven times after police said he pulled out a revolver.") == {"police"}
    assert sources("Mohsen Kazemi from Iran's Red Crescent relief agency said four villages were hit.") == {
        "Iran's Red Crescent relief agency"
    }
    assert sources("But a White House official said the plan always was for Sestak to stay.") == {
        "White House official"
    }
    assert sources("Ten people were killed, officials and state media said.") == {"officials", "state media"}
    # ECB+ T13a (doc_0020): a title written out after the name of a body is the source, not the name alone; and
    # (ECB+ doc_0285, the bank bomb) a function word ends the name's modifiers
    assert sources(
        "No one was injured in the fire, which was set Friday night while a handful of people were inside, according "
        "to the Central Mat-Su fire chief, James Steele."
    ) == {"Central Mat-Su fire chief"}
    assert sources("According to Woodburn police an officer and a bomb technician were killed.") == {"Woodburn police"}
    assert sources("Local officials said 40 died.") == {"local officials"}
    # ... a capital opens the sentence only where this source stands, not where its word first occurs
    assert sources("Iraqi police were deployed after Iraqi officials said the vote would go ahead.") == {
        "Iraqi officials"
    }
    # "according to" a name and a body's head noun names the body, not the place (ECB+ T18b, T20b)
    assert sources("He sought them out, according to Troy police Lt. Gerry Scherlinck.") == {"Troy police"}
    assert sources("According to Iran's seismologic center, the epicenter was in the Gulf.") == {
        "Iran's seismologic center"
    }
    assert sources("According to WHO figures, 30 people died.") == {"WHO"}
    # ... and so do "figures from" a body (ECB+ T2a doc_0165)
    assert sources(
        "The 2008 telecast delivered 32 million total viewers, a 24% drop compared with the previous year's "
        "ceremony, according to figures from Nielsen Media Research."
    ) == {"Nielsen Media Research"}
    # ... and a body's whole name, with its "of" and "and" (ECB+ T9b, T19b; BASIL)
    assert sources("It undermined the Act, according to the Union of Concerned Scientists (UCS).") == {
        "Union of Concerned Scientists"
    }
    assert sources(
        "Seven bullets hit Mr. Gray, according to the New York City Office of the Chief Medical Examiner."
    ) == {"New York City Office of the Chief Medical Examiner"}


def test_a_charged_adjective_the_curated_lists_never_name_is_loaded_by_its_rating():
    # "devastating" is in no curated list: its charge comes from the rated lexicon (charge.toml).
    found = _diffs(
        "Rescuers pulled survivors from the rubble after the devastating earthquake on Monday.",
        "Rescuers pulled survivors from the rubble after the earthquake on Monday.",
    )
    assert found["loaded_term"].used == {"a.txt": ("devastating",), "b.txt": ()}
    assert found["loaded_term"].categories == {"devastating": "charged"}
    # Made from a rated word: "disdainful" takes the rating of "disdain".
    found = _diffs(
        "The minister gave a disdainful reply to the opposition's questions on the budget.",
        "The minister gave a reply to the opposition's questions on the budget.",
    )
    assert found["loaded_term"].used == {"a.txt": ("disdainful",), "b.txt": ()}


def test_states_and_degrees_are_not_loaded_however_negative():
    # "dead" and "killed" are rated as negative as "brutal" by valence, but they are facts.
    for a, b in (
        (
            "Rescuers recovered the dead miners from the collapsed shaft on Tuesday.",
            "Rescuers recovered the miners from the collapsed shaft on Tuesday.",
        ),
        (
            "At least 300 people were killed when the dam burst, officials said.",
            "At least 300 people died when the dam burst, officials said.",
        ),
        (
            "The old bridge was badly damaged by the floods, officials said.",
            "The old bridge was damaged by the floods, officials said.",
        ),
        # BASIL: how often, what came of it, how it was said: no judgement (read on its real triplets)
        (
            "The captain, who took over policing of the nightly protests, stopped by to greet him.",
            "The captain, who took over policing of the protests, stopped by to greet him.",
        ),
        (
            "He visited the suburb where a black teenager was fatally shot by a police officer.",
            "He visited the suburb where a black teenager was shot by a police officer.",
        ),
        # ECB+ T20b, T4b: how thinly an area is peopled, how someone died
        (
            "The quake shook a sparsely populated area of southern Iran on Sunday, killing 10 people.",
            "The quake shook an area of southern Iran on Sunday, killing 10 people.",
        ),
        (
            "Williams died peacefully in her sleep Thursday in Beverly Hills, her spokesman said.",
            "Williams died in her sleep Thursday in Beverly Hills, her spokesman said.",
        ),
    ):
        assert "loaded_term" not in _diffs(a, b), a


def test_a_charged_word_for_an_equally_charged_one_is_no_change_of_tone():
    # "horrible" (0.62) for "devastating" (0.82): both charged, neither markedly more.
    assert "loaded_term" not in _diffs(
        "Rescuers pulled survivors from the rubble after the devastating earthquake on Monday.",
        "Rescuers pulled survivors from the rubble after the horrible earthquake on Monday.",
    )
    found = _diffs(
        "Rescuers pulled survivors from the rubble after the devastating earthquake on Monday.",
        "Rescuers pulled survivors from the rubble after the strong earthquake on Monday.",
    )
    assert found["loaded_term"].used == {"a.txt": ("devastating",), "b.txt": ()}


def test_an_adjective_of_outcome_is_not_loaded():
    # ECB+ T16a: "the fatal shooting" against "the murder" tells what happened, not how to take it.
    assert "loaded_term" not in _diffs(
        "Two possible gang members were arrested in the fatal shooting of a sheriff's deputy, officials said.",
        "Two possible gang members were arrested in the shooting of a sheriff's deputy, officials said.",
    )


def test_an_opinion_word_pattern_rates_as_factual_is_not_charged():
    # Hu and Liu list "accurate" as positive; pattern rates it barely subjective: no change of tone.
    assert "loaded_term" not in _diffs(
        "The statistics office said accurate figures for the harvest would be published on Friday.",
        "The statistics office said figures for the harvest would be published on Friday.",
    )


def test_a_charged_word_two_outlets_use_is_neither_ones_choice():
    # b tells the quake in other words around "devastating" (no short slot against c), yet uses the
    # word as a does: both carry it, and c, which leaves it out, is the side that departs.
    found = _diffs(
        "Rescuers pulled survivors from the rubble after the devastating earthquake on Monday.",
        "Rescuers pulled survivors from the rubble left by Monday's devastating earthquake.",
        "Rescuers pulled survivors from the rubble after the earthquake on Monday.",
    )
    loaded = found["loaded_term"]
    assert loaded.used == {"a.txt": ("devastating",), "b.txt": ("devastating",), "c.txt": ()}
    assert loaded.articles == ("c.txt",)


# --- times of day, spans and areas (nlp.numbers.measures), on sentences of the labelled ECB+ events -------------


def test_an_area_in_square_feet_and_in_square_metres_is_one_figure_converted():
    # ECB+ T18b (tests/data/facts/articles doc_0001 / doc_0157): the same building, two units.
    found = _diffs(
        "The 170, 000-square-foot building houses a number of businesses, including law offices and the accounting firm.",
        "The 15, 800-square-metre building houses a number of businesses, including law offices and the accounting firm.",
    )
    number = found["number"]
    assert number.form == "notation" and not is_disagreement(number)
    assert set(number.used) == {"a.txt", "b.txt"}


def test_figures_that_agree_within_their_hedges_are_shown_with_the_hedge_and_never_disagree():
    # ECB+ development articles doc_0038 / doc_0114 (one trial's charges) and doc_0137 / doc_0047 (one
    # election's turnout): each outlet's figure is shown as written, hedge and all.
    found = _diffs("Nichols faced more than 50 charges in the case.", "Nichols was sentenced on each of 54 charges.")
    number = found["number"]
    assert number.form == "hedged" and not is_disagreement(number)
    assert number.used == {"a.txt": ("more than 50",), "b.txt": ("54",)}
    assert "within their hedges" in number.detail and '"more than 50"' in number.detail
    found = _diffs(
        "The Central Election Commission said that turnout was almost 90%.",
        "Authorities said turnout reached 93.87 percent in the election for 288 candidates.",
    )
    assert found["number"].form == "hedged"
    assert found["number"].used["a.txt"] == ("almost 90%",)
    # ... while a hedge does not cover a figure a quarter or more away: a disagreement, as before
    found = _diffs("Nichols faced more than 50 charges in the case.", "Nichols faced 70 charges in the case.")
    assert found["number"].form is None and is_disagreement(found["number"])
    # ... nor a figure on the wrong side of a bound, however near (ECB+ T10b doc_0093 / doc_0298)
    found = _diffs(
        "The Red Sox have made an offer to Teixeira for more than eight years, sources said.",
        "The Red Sox have made an offer to Teixeira for seven years, sources said.",
    )
    assert found["number"].form is None and is_disagreement(found["number"])
    found = _diffs("Fewer than 20 people were inside the bank.", "As many as 25 people were inside the bank.")
    assert found["number"].form is None
    # a bounded figure is shown with its bound, once, whichever outlet it meets (ECB+ T20b: "at least three" beside
    # "10", and beside another "at least")
    found = _diffs(
        "The quake killed at least three people, officials said.",
        "The quake killed 10 people, officials said.",
        "The quake killed at least 12 people, officials said.",
    )
    assert found["number"].used["a.txt"] == ("at least three",)


def test_one_measured_thing_is_compared_whatever_unit_word_stands_beside_it():
    # ECB+ T20b (tests/data/facts/articles doc_0202 / doc_0315 / doc_0229 / doc_0052): one quake's magnitude,
    # as "5. 9-magnitude", "6. 1-magnitude", "magnitude of at least 5. 9" and "about 6. 0 on the Richter scale"
    a = "The 5. 9-magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas."
    b = "The 6. 1-magnitude quake struck Qeshm island, killing at least 10 people."
    number = _diffs(a, b)["number"]
    assert number.form is None and number.used == {"a.txt": ("5. 9",), "b.txt": ("6. 1",)}
    # ... of one happening: the words around the figures share two (CLAIM_SHARED); an earlier quake is another
    assert "number" not in _diffs(
        "A 6. 4-magnitude quake hit the town of Zarand in Iran's Kerman province in February, killing hundreds.",
        "An earthquake measuring at least magnitude-5. 9 shook a sparsely populated area of southern Iran on Sunday.",
    )
    c = "An earthquake with a magnitude of at least 5. 9 hit southern Iran on Sunday, killing at least 10 people."
    d = "The quake, which struck on Sunday with a force of about 6. 0 on the Richter scale, killed 10 people."
    number = _diffs(c, d)["number"]
    assert number.form == "hedged" and number.used == {"a.txt": ("at least 5. 9",), "b.txt": ("about 6. 0",)}
    # a count is not read so (two sentences may count two sets), nor an age (of two people: ECB+ T19b)
    assert "number" not in _diffs(
        "Gray's older sister, Mahnefah Gray, 19, told the New York Times what a witness told her.",
        "Police intervened where 16-year-old Kimani Gray was shot, a witness told the New York Times.",
    )


def test_one_magnitude_beside_other_unit_words_is_one_reading():
    # ECB+ T20b (doc_0202, doc_0275, doc_0315): "5. 9-magnitude quake", "magnitude-5. 9 earthquake" and "6. 1-magnitude
    # quake". The word beside a magnitude is no unit of it: two outlets giving 5.9 are one reading of the figure.
    a = "The 5. 9-magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas."
    b = "The island was first rocked by a magnitude-5. 9 earthquake early Sunday afternoon on Qeshm island."
    c = "The 6. 1-magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas."
    number = _diffs(a, b, c)["number"]
    assert {u.unit for us in number.numbers.values() for u in us} == {None}
    assert number.detail == 'number: "5. 9" (a.txt, b.txt) vs "6. 1" (c.txt)'
    # a word the figure counts stays its unit (ECB+ T13a's frost)
    frost = _diffs(
        "Firefighters battled the blaze in temperatures of minus 20 degrees overnight.",
        "Firefighters battled the blaze in temperatures of minus 17 degrees overnight.",
    )["number"]
    assert {u.unit for us in frost.numbers.values() for u in us} == {"degree"}


def test_measures_that_agree_within_their_hedges_are_shown_with_the_hedge():
    # ECB+ T18b (doc_0001 / doc_0042): one chase's speed, hedged two ways and in two spellings of the unit
    number = _diffs(
        "Sheriff's deputies and state police chased him at speeds of more than 100 mph before he finally pulled over.",
        "Police officers chased Mr. LaCalamita for about 30 miles at speeds of up to 120 miles an hour on Interstate 75.",
    )["number"]
    assert number.form == "hedged" and not is_disagreement(number)
    assert number.used == {"a.txt": ("more than 100 mph",), "b.txt": ("up to 120 miles an hour",)}
    # a span with its article keeps its hedge ("more than an hour" agrees with "70 minutes"; "an hour" does not)
    assert _diffs("The meeting lasted more than an hour.", "The meeting lasted 70 minutes.")["number"].form == "hedged"
    assert _diffs("The meeting lasted an hour.", "The meeting lasted 70 minutes.")["number"].form is None
    # one figure in two units is still notation
    area = _diffs(
        "The 170, 000-square-foot building houses a number of businesses.",
        "The 15, 800-square-metre building houses a number of businesses.",
    )["number"]
    assert area.form == "notation"


def test_a_disagreement_shows_beside_it_the_figures_that_agree_within_their_hedges():
    # ECB+ T20b: the toll disagrees; the magnitudes, hedged, are shown after it, marked in the JSON
    found = _diffs(
        "An earthquake with a magnitude of at least 5. 9 hit southern Iran on Sunday, killing at least 10 people.",
        "The quake, which struck on Sunday with a force of about 6. 0 on the Richter scale, killed three people.",
    )
    number = found["number"]
    assert number.form is None and is_disagreement(number)
    forms = {u.text: u.to_dict().get("form") for uses in number.numbers.values() for u in uses}
    # a bounded figure keeps its bound where the other has none: "at least 10" is what "three" falls short of
    assert forms == {"at least 10": None, "three": None, "at least 5. 9": "hedged", "about 6. 0": "hedged"}
    assert number.detail.index('"three"') < number.detail.index("within their hedges") < number.detail.index("5. 9")


def test_ranks_beside_another_year_are_ranks_of_another_happening():
    # ECB+ development articles doc_0135 / doc_0343 (a title fight, and the two men's fight of 2008)
    assert "number" not in _diffs(
        "In 2008, Klitschko stopped Thompson in the 11th round.",
        "Wladimir Klitschko stopped Tony Thompson in the sixth round to keep his heavyweight title belts on Saturday.",
    )
    # ... and so are the ranks of two happenings of one fight that share no word of their claim but what they rank
    # (doc_0240 / doc_0343: the stoppage in the sixth round, the knockdown near the end of the fifth)
    assert "number" not in _diffs(
        "Klitschko stopped the 40-year-old Thompson with two seconds remaining of the sixth round in Switzerland.",
        "Klitschko put Thompson on the canvas with a big right hand near the end of the fifth round at Stade de Suisse.",
    )
    # ... while two ranks of one happening still differ
    found = _diffs(
        "Klitschko stopped the 40-year-old Thompson with two seconds remaining of the sixth round in Switzerland.",
        "Klitschko stopped the 40-year-old Thompson near the end of the fifth round at Stade de Suisse.",
    )
    assert found["number"].form is None and set(found["number"].used) == {"a.txt", "b.txt"}


def test_not_until_is_a_time_not_a_denial():
    # ECB+ T18a (doc_0190 / doc_0215): one fact, the suspect's name withheld until he is charged
    assert "polarity" not in _diffs(
        "He is currently in custody and his identity will not be released until charges are formally laid.",
        "They said the name of the suspect would be released after he is formally charged.",
    )
    # ... while a plain denial still flips
    found = _diffs("The suspect's name was not released, police said.", "The suspect's name was released, police said.")
    assert "polarity" in found


def test_a_range_agrees_with_the_figures_it_holds_and_disagrees_with_those_it_does_not():
    # ECB+ T13a (doc_0193, doc_0262, doc_0097): the firefighters at the Wasilla church fire
    thirty_to_forty = "As many as 30 to 40 firefighters were called to the church, Chief James Steele said."
    thirty_five_to_forty = "As many as 35 to 40 firefighters were called to the church, Chief James Steele said."
    about_forty = "About 40 firefighters were called to the church, Chief James Steele said."
    assert "number" not in _diffs(thirty_to_forty, about_forty)
    assert "number" not in _diffs(thirty_to_forty, thirty_five_to_forty)
    found = _diffs(
        thirty_to_forty, "As many as 50 to 60 firefighters were called to the church, Chief James Steele said."
    )
    assert found["number"].form is None


def test_a_telephone_number_printed_a_digit_short_is_another_number_shown_whole():
    # ECB+ T14a (doc_0103 / doc_0286): one police appeal, one outlet printing the line a digit short; the blind
    # labels give it as a figure that differs. Shown whole, never as its groups of digits ("222" / "2222").
    found = _diffs(
        "Police are appealing for anyone with information about the fire to contact them on 0845 125 222.",
        "Anyone with information about the fire is asked to contact Surrey Police on 0845 125 2222.",
    )
    assert found["number"].words == {"a.txt": ("0845 125 222",), "b.txt": ("0845 125 2222",)}
    # ... and one number spaced two ways is one number
    assert "number" not in _diffs(
        "Call Crimestoppers anonymously on 0800 555111 with any information.",
        "Call Crimestoppers anonymously on 0800 555 111 with any information.",
    )


def test_the_storys_own_word_for_what_happened_is_no_outlets_tone():
    from srccompare.compare.lexicon import story_terms

    # ECB+ T8a: a bank bomb; most reports write "exploded" or "explosion", one writes "detonated" ("It", not "A
    # bomb", before the verb: "a bomb exploded" is a fixed phrase, never loaded, whatever the story)
    exploded = "It exploded Friday at a West Coast Bank branch in Woodburn, killing a Woodburn police officer."
    detonated = "It detonated Friday at a West Coast Bank branch in Woodburn, killing a Woodburn police officer."
    event = [exploded, "The explosion killed an officer.", "Bomb explodes at Woodburn bank.", detonated]
    story = story_terms(event)
    assert "exploded" in story and "hijacked" not in story
    members = [Member("a.txt", 0, exploded), Member("b.txt", 0, detonated)]
    assert "loaded_term" not in {d.kind for d in classify_group(members, {}, story)[0]}
    # ... while the same two sentences on their own, or an event of two, leave "exploded" one outlet's word
    assert "loaded_term" in {d.kind for d in classify_group(members, {})[0]}
    assert not story_terms([exploded, detonated])


def test_a_chase_in_miles_and_mph_and_in_km_and_km_h_is_one_figure_converted():
    # ECB+ T18b (doc_0267 / doc_0157): one wire story, the second edition in metric units.
    found = _diffs(
        "Sheriff's deputies and state police chased him for 30 miles, including through a construction zone, at "
        "speeds up to 120 mph before he finally pulled over after about 15 minutes.",
        "Sheriff's deputies and state police chased him for 48km, including through a construction zone, at "
        "speeds up to 193km / h before he finally pulled over after about 15 minutes.",
    )
    number = found["number"]
    assert number.form == "notation" and not is_disagreement(number)
    assert {u.text for us in number.numbers.values() for u in us} == {"30 miles", "120 mph", "48km", "193km / h"}
    # rounded after converting: 3 miles is 4.8 km
    assert not is_disagreement(_diffs("The fire spread 3 miles east.", "The fire spread 5km east.")["number"])


def test_speeds_in_other_units_disagree_and_distances_in_other_units_are_not_compared():
    found = _diffs(
        "Winds reached 150 mph as the storm hit the coast.", "Winds reached 200 km/h as the storm hit the coast."
    )
    assert is_disagreement(found["number"])
    # ECB+ T20b (doc_0346 / doc_0195): distances from two places, not one distance told twice
    apart = _diffs(
        "Tremors from an earthquake 60km south west of Bandar Abbas in Iran were felt in Dubai today.",
        "The earthquake was in the waters of the Persian Gulf, 35 miles southwest of the port of Bandar Abbas.",
    )
    assert "number" not in apart or not is_disagreement(apart["number"])


def test_a_span_in_minutes_and_one_in_seconds_disagree():
    # ECB+ T20b (doc_0049 / doc_0229): "for about a minute" against "30 seconds".
    found = _diffs(
        "Witnesses in high-rise buildings said they felt the tremor for about a minute.",
        "An office worker in Dubai said the tremor lasted 30 seconds.",
    )
    number = found["number"]
    assert number.form is None and is_disagreement(number)
    assert {u.text for us in number.numbers.values() for u in us} == {"about a minute", "30 seconds"}


def test_two_spans_of_a_story_are_compared_only_in_one_claim():
    # ECB+ T18b (doc_0001 / doc_0042): the chase lasted 15 minutes; the tip came two hours after the shooting.
    found = _diffs(
        "Sheriff's deputies and state police chased him at speeds of more than 100 mph before he finally pulled over "
        "after about 15 minutes, Genesee County Undersheriff James Gage said.",
        "About two hours after the shooting, officers received a tip from a motorist in Flint on the whereabouts of "
        "the car.",
    )
    assert "number" not in found or not any(
        u.thing == "duration" for us in found["number"].numbers.values() for u in us
    ), found["number"].detail
    # ECB+ T18a (doc_0190 / doc_0213): one standoff, negotiated for "almost three hours" and "about two hours"
    number = _diffs(
        "Police locked down the busy neighbourhood for almost three hours while they negotiated with the suspect.",
        "Pigeon said police spent about two hours negotiating with the suspect before bringing him into custody.",
    )["number"]
    assert is_disagreement(number) and {u.text for us in number.numbers.values() for u in us} == {
        "three hours",
        "two hours",
    }


def test_weeklong_and_eight_days_disagree_and_a_week_and_seven_days_do_not():
    # ECB+ T3b (doc_0019 / doc_0134): the manhunt's length. (doc_0134 tells it as "recaptured after eight days on the
    # run", which shares no word of the claim, so SPAN_SHARED leaves it uncompared: docs/thresholds.md.)
    found = _diffs(
        "He was the subject of a weeklong manhunt after his escape.",
        "He was recaptured after an eight-day manhunt.",
    )
    assert is_disagreement(found["number"])
    same = _diffs("He was the subject of a weeklong manhunt.", "He was on the run for seven days.")
    assert "number" not in same or not is_disagreement(same["number"])


def test_spans_an_order_of_magnitude_apart_are_spans_of_two_things():
    # ECB+ T16b (doc_0265 / doc_0127): the trial's length and the deputy's years of service
    assert "number" not in _diffs(
        "Jose Luis Orozco showed almost no emotion throughout the three-week trial in which he was convicted of the "
        "2005 murder of Los Angeles County Sheriff's Deputy Jerry Ortiz.",
        "Orozco was convicted March 20 of first-degree murder for the slaying of Ortiz, a 15-year veteran and member "
        "of the anti-gang detail at the Sheriff's Lakewood Station.",
    )
    # ECB+ T11a (doc_0137 / doc_0293): years in power, years since his death
    assert "number" not in _diffs(
        "Previously, Turkmenistan had a People's Council whose 2,507 members had to be approved by the country's late "
        "ruler, Saparmurat Niyazov, who died in 2006 after 21 years in power.",
        "The election of a 125-seat national legislature is the first parliamentary vote in the natural-gas rich "
        "Central Asian nation since the death of longtime autocrat Saparmurat Niyazov two years ago.",
    )


def test_figures_of_different_things_are_shown_apart_and_one_value_once():
    # ECB+ T20b (doc_0195, doc_0202, doc_0275, doc_0254): the tolls and the villages of one quake, in one group
    found = _diffs(
        "A powerful earthquake hit southern Iran on Sunday, causing major destruction in seven villages and killing "
        "10 people and injuring 80.",
        "A powerful earthquake has hit southern Iran, destroying several villages and killing at least three people "
        "and injuring others, according to reports.",
        "The new death toll came after the bodies of two more victims were found in the village of Ziranag which is "
        "one of the 12 worst-hit villages in the quake, Qeshm Governor Heydar Alishvandi said.",
        "Ten people were killed and at least 50 injured when an earthquake razed mud-brick villages on the Persian "
        "Gulf island of Qeshm off Iran's southern coast Sunday, officials and state media said.",
    )
    number = found["number"]
    assert {u.thing for us in number.numbers.values() for u in us} == {"death", "village", "injury"}
    # "10" and "Ten" are one reading; the tolls, the villages and the injured are three segments ("injuring 80" names
    # no counted noun: the injury count is matched by its thing, told right beside it)
    assert number.detail == (
        'number: death: "10" (a.txt, d.txt) vs "at least three" (b.txt); '
        'village: "12" (c.txt) vs "seven" (a.txt) vs "several villages" (b.txt); '
        'injury: "80" (a.txt) vs "at least 50" (d.txt)'
    )


def test_a_toll_told_without_its_noun_is_compared_by_its_thing_only_right_beside_it():
    # ECB+ T20b (doc_0195 / doc_0162): "injuring 80" / "wounding other 70" name no counted noun, and are one fact
    found = _diffs(
        fact_article_line("doc_0195.txt", "killing 10 people and injuring 80"),
        fact_article_line("doc_0162.txt", "wounding other 70"),
    )
    assert found["number"].detail == 'number: "70" (b.txt) vs "80" (a.txt)'
    # ECB+ T18a (doc_0213 / doc_0022): "killing Benjamin David Banky, 40." gives his age, set off from the verb by a
    # name and a comma: no toll of 40 against "killing one man"
    assert "number" not in _diffs(
        fact_article_line("doc_0213.txt", "killing Benjamin David Banky, 40."),
        fact_article_line("doc_0022.txt", "killing one man"),
    )


def test_a_figure_named_the_toll_is_compared_with_the_other_texts_one_death_figure():
    # The issue's first complaint: tolls told in other words were never set against each other. "the death toll rose to
    # 2,012" has no noun and "killed 300 people" has one, so their nouns never paired them.
    found = _diffs(
        "The earthquake killed 300 people in the province, officials said.",
        "The death toll from the earthquake rose to 2,012, officials said.",
    )
    assert found["number"].detail == 'number: "2,012" (b.txt) vs "300" (a.txt)'
    # ECB+ T20b (doc_0275 / doc_0195): "two more victims" adds to the toll the sentence names; no toll of two (the
    # villages, 12 worst hit / seven destroyed, are compared as before)
    number = _diffs(
        fact_article_line("doc_0275.txt", "The new death toll came after the bodies of two more victims"),
        fact_article_line("doc_0195.txt", "killing 10 people and injuring 80"),
    )["number"]
    assert {u.thing for uses in number.numbers.values() for u in uses} == {"village"}


def test_sums_are_never_listed_among_counts_and_a_figure_is_shown_once():
    # after ECB+ T8b (doc_0192 / doc_0307 / doc_0029): the injured and the bailout of one group, apart
    found = _diffs(
        "Police said 12 people were injured in the riots over the terms of a $141 billion bailout.",
        "Police said 18 people had been injured in the riots over the terms of a $144 billion bailout.",
    )
    number = found["number"]
    assert {u.text: u.thing for us in number.numbers.values() for u in us} == {
        "12": "injury",
        "18": "injury",
        "$141 billion": "money",
        "$144 billion": "money",
    }
    # ... and the word diff's "141" / "144" of the sums is not shown again
    assert number.detail == (
        'number: injury: "12" (a.txt) vs "18" (b.txt); money: "$141 billion" (a.txt) vs "$144 billion" (b.txt)'
    )


def test_a_city_of_n_people_is_its_population_and_no_part_of_a_figure_is_compared_alone():
    from srccompare.nlp.numbers import quantities

    # ECB+ T20b (doc_0314): the city's people, not the injured the sentence began with
    text = (
        "Shahram Alamdari, head of the rescue unit for the Iranian Red Crescent, said two helicopters were evacuating "
        "injured from Qeshm to Bandar Abbas, a city of 500, 000 people that also was jolted by the quake."
    )
    assert [(q.value, q.thing) for q in quantities(text) if q.value > 2] == [(500000.0, "population")]
    # ECB+ T20b (doc_0202 / doc_0229): "120" of "120, 000" is not compared as a figure of its own
    found = _diffs(
        "The 5. 9-magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas.",
        "The quake was centred near Qeshm Island, home to 200, 000 people, the U. S. Geological Survey said.",
    )
    assert found["number"].detail == 'number: "120, 000" (a.txt) vs "200, 000" (b.txt)'


def test_a_crowd_and_a_count_of_nothing_known_far_apart_are_two_things():
    # ECB+ T8b (doc_0029 / doc_0078): a crowd in another city and the people led out of the bank
    assert "number" not in _diffs(
        "Violence also broke out in the northern city of Thessaloniki, where another 20, 000 people marched through "
        "the city center, with youths smashing windows of stores.",
        "Around 20 more people had to be ushered to safety.",
    )
    # ... while a crowd told as another figure is still a disagreement
    found = _diffs(
        "Police said as many as 20, 000 people took to the streets of Athens.",
        "Police put the march, to mark a 24-hour nationwide strike, at roughly 30, 000 people.",
    )
    assert is_disagreement(found["number"])
    assert {u.text for us in found["number"].numbers.values() for u in us} == {"20, 000", "30, 000"}


def test_among_the_same_words_any_two_values_disagree():
    # bench framing's edits (extraction bodies): a unit changed in place, a game clock changed in place
    found = _diffs(
        "The trek will feature members Tom Johnston and Patrick Simmons together for the first time in 25 years.",
        "The trek will feature members Tom Johnston and Patrick Simmons together for the first time in 25 weeks.",
    )
    assert is_disagreement(found["number"])
    found = _diffs(
        "Parise's first-period goals - he scored at 7:14 and on the power play at 19:56 - gave the Wild the lead.",
        "Parise's first-period goals - he scored at 7:21 and on the power play at 19:56 - gave the Wild the lead.",
    )
    assert is_disagreement(found["number"])
    # ... and a value the other side gives elsewhere does not cancel one changed in place
    assert is_disagreement(
        _diffs("The fire killed 5 people and injured 7 others.", "The fire killed 7 people and injured 7 others.")[
            "number"
        ]
    )


def test_times_of_day_compare_in_any_notation_with_a_hedge_as_slack():
    # ECB+ T18b (doc_0001 / doc_0250) and T14b (doc_0039 / doc_0110).
    found = _diffs(
        "The shooter walked into the office on the building's second floor around 10 a.m. Monday.",
        "The shooter walked into the office on the building's second floor around 10:30 a.m. Monday.",
    )
    assert is_disagreement(found["number"])
    same = _diffs(
        "The fire service was called at 06:00 BST to the Waitrose store on Sunday.",
        "The fire service was called at about 6am to the Waitrose store on Sunday.",
    )
    assert "number" not in same


def test_a_time_stamp_of_the_report_and_times_in_other_zones_are_not_compared():
    # ECB+ T19b (doc_0160): "(10:30 p.m.)" dates the update, not when the protest began.
    found = _diffs(
        "They said the protest began around 8:30pm but the crowd is being dispersed by police.",
        "At this point (10:30 p.m.), police said the crowd has dispersed.",
    )
    assert "number" not in found
    zones = _diffs("The quake struck at 11:52 local time on Sunday.", "The quake struck at 06:52 GMT on Sunday.")
    assert "number" not in zones


def test_several_shells_and_three_shells_are_one_count_told_less_precisely():
    # ECB+ T18b (doc_0146 / doc_0157).
    found = _diffs(
        "Upon arrest, police seized a shotgun and several shells, he said.",
        "Officers found a 12-gauge pump-action shotgun and three live shells in the vehicle, Pickell said.",
    )
    number = found["number"]
    assert number.form == "hedged" and not is_disagreement(number)
    assert {u.text for us in number.numbers.values() for u in us} == {"several shells", "three"}
    assert number.detail == 'number: within their hedges, "several shells" (a.txt) vs "three" (b.txt)'


def test_a_vague_count_outside_its_range_disagrees_and_people_in_general_are_no_count():
    # ECB+ T20b (doc_0202 / doc_0275): "several villages" against "12 worst-hit villages".
    found = _diffs(
        "A powerful earthquake has hit southern Iran, destroying several villages.",
        "A powerful earthquake has hit southern Iran, destroying 12 villages.",
    )
    assert is_disagreement(found["number"])
    # ECB+ T8b (doc_0306 / doc_0029): the dead and the crowd are not one count of "people".
    people = _diffs(
        "Three people died in a burning bank as tens of thousands of people took to the streets of Athens.",
        "Three people died in a burning bank in Athens.",
    )
    assert "number" not in people


def test_people_shot_are_not_compared_with_a_toll_the_other_side_gives_beside_its_own():
    # ECB+ T18b leads (doc_0042, doc_0146): both give one death; "three people" were shot, not killed.
    shot = (
        "A man who was fired last week from his job at an accounting firm in suburban Detroit walked into his former "
        "office with a shotgun on Monday and shot three people, killing one, before fleeing and leading police officers "
        "on a high-speed chase, the authorities said."
    )
    killed = (
        "A Michigan man shot to death one person and injured two others Monday at the suburban Detroit accounting "
        "firm from which he was fired last week, police said."
    )
    assert "number" not in _diffs(shot, killed)
    # ... while two tolls still differ, the toll paired with the toll rather than with the first count of people
    found = _diffs(shot.replace("killing one", "killing two people"), killed)
    assert found["number"].used == {"a.txt": ("two",), "b.txt": ("one",)}


def test_counts_of_one_kind_of_thing_in_other_words_are_no_number_difference():
    # ECB+ T19b and T8b: shots and rounds, organizations and unions (quantities.toml [kinds])
    assert "number" not in _diffs("The officers fired 11 shots at Gray.", "The officers fired 11 rounds at Gray.")
    assert "number" not in _diffs("Two organizations called the strike.", "Two unions called the strike.")
    # ... while things of different kinds still differ
    assert _diffs("16 agencies took part.", "16 countries took part.")["number"].used == {
        "a.txt": ("16 agency",),
        "b.txt": ("16 country",),
    }


def test_one_small_count_of_two_things_in_unrelated_words_is_no_number_difference():
    # ECB+ T18b (doc_0042 / doc_0398) and T9b (doc_0150 / doc_0365): two sentences of one fact group, each with a
    # "two" of its own; nothing else they say is alike, so the equal values are chance, not one figure.
    assert "number" not in _diffs(
        "A 63-year-old woman and two men, ages 47 and 48, were shot, the police said.",
        "He also is charged with two counts of intent to murder in the shootings of Riva, 47, of Sterling Heights.",
    )
    assert "number" not in _diffs(
        "Secretary of Commerce Gary Locke and Secretary of the Interior Ken Salazar, who head the two agencies that "
        "administer the Endangered Species Act, said their decision to again require consultation before action is "
        "based on sound science.",
        "By rolling back this 11th hour regulation we are ensuring that threatened and endangered species continue "
        "to receive the full protection of the law, the two men said in a statement.",
    )
    # ... while among the same words it is one figure of two things (bench framing's unit change)
    found = _diffs(
        "A total of 28 people who were in close contact with the patient were put under medical quarantine.",
        "A total of 28 households who were in close contact with the patient were put under medical quarantine.",
    )
    assert is_disagreement(found["number"])
    # guards and transport officers, skiffs and boats: the same people, the same kind of thing
    assert "number" not in _diffs(
        "A convicted sex offender pulled a gun on two guards during a prison transfer.",
        "Officials said Comeaux took two transport officers hostage during a prison transfer.",
    )
    assert "number" not in _diffs(
        "INS Sukanya successfully intercepted the remaining three boats.",
        "INS Sukanya successfully intercepted the remaining three skiffs.",
    )


def test_a_figure_the_other_side_also_gives_is_no_disagreement():
    # BASIL 2014 (ed8c136f, articles 2 and 3): both give the 47 arrests; the six are another night's
    assert "number" not in _diffs(
        "Johnson said there were six arrests Wednesday, compared to 47 the previous night.",
        "Still, the police did make 47 arrests overnight.",
    )
    # ECB+ T5b (doc_0257 / doc_0271): eleven seasons as a player, seven as an assistant coach
    assert "number" not in _diffs(
        "Cheeks, who played for the Sixers for 11 seasons and served as an assistant coach for seven, was named coach "
        "after Jim O'Brien was relieved of his coaching duties.",
        "He also spent seven seasons as an assistant coach for the 76ers.",
    )
    # BASIL 2010 (ae243a95, articles 2 and 3): the caucus's members are its Republicans
    assert "number" not in _diffs(
        "In a letter signed by the 42 members of the Republican caucus, delivered to the Senate majority leader.",
        "On Wednesday, Senate Majority Leader Harry Reid received a letter signed by all 42 Senate Republicans.",
    )
    # ... while two values of one count still disagree
    assert is_disagreement(
        _diffs("Police said 12 people were injured in the riots.", "Police said 18 people were injured in the riots.")[
            "number"
        ]
    )


def test_one_figure_written_two_ways_is_no_disagreement():
    # ECB+ T5a (doc_0128 / doc_0155): an ordinal is a rank, not a count of two things
    assert "number" not in _diffs(
        "Maurice Cheeks became the fifth NBA head coach to be fired this season, after the Philadelphia 76ers notified "
        "the former point guard of his dismissal Saturday morning.",
        "Today, Maurice Cheeks became the fifth coach fired within the first quarter of the season.",
    )
    # ECB+ T6a (doc_0095 / doc_0236)
    assert "number" not in _diffs(
        "In New Moon, the second novel in Stephenie Meyer's young-adult series, Bella recovers from the vampire attack.",
        "Summit Entertainment is about to hire Chris Weitz as the shepherd for 'New Moon, ' the second installment of "
        "Stephenie Meyer's best-selling 'Twilight ' series.",
    )
    # ECB+ T4b (doc_0118 / doc_0233): a decade with its century left off
    assert "number" not in _diffs(
        "Esther Williams, who showcased a combination of glamour and athleticism by starring in several spectacular "
        "and splashy MGM musicals of the 1940s and '50s, has died.",
        "Esther Williams, the swimming champion turned actress who starred in glittering and aquatic Technicolor "
        "musicals of the 1940s and 1950s, has died.",
    )
    # ECB+ T18a (doc_0190 / doc_0304): a male employee is a man
    assert "number" not in _diffs(
        "Police say a recently laid off employee opened fire shortly after entering the party, killing one male "
        "employee.",
        "A former employee who opened fire at an office Christmas party killing one man, has been charged with "
        "first-degree murder, police said Saturday.",
    )
    # a time of day is compared whole, not as its minutes
    found = _diffs(
        "The quake struck at 3:30 a.m. local time on Friday.", "The quake struck at 3:33 a.m. local time on Friday."
    )
    assert {u.text for us in found["number"].numbers.values() for u in us} == {"3:30 a.m.", "3:33 a.m."}


def test_a_count_of_victims_is_not_its_parts_nor_the_rest_of_them():
    # ECB+ T18b (doc_0146 / doc_0250): three shot are the one killed and the two injured
    assert "number" not in _diffs(
        "A Michigan man shot to death one person and injured two others Monday at the suburban Detroit accounting "
        "firm from which he was fired last week.",
        "A gunman shot three people at a suburban Detroit office building Monday morning, and officers were "
        "searching for the shooter, police said.",
    )
    # ECB+ T18b (doc_0042 / doc_0250): "the two other victims" are the rest, not all three
    assert "number" not in _diffs(
        "The two other victims were being treated at Beaumont Hospital in Royal Oak.",
        "A spokeswoman for Beaumont Hospital in Royal Oak said the three victims were taken to the hospital.",
    )
    # ECB+ T12a (doc_0045 / doc_0053): one rest told with two values still disagrees
    found = _diffs(
        "The commandos seized seven AK-47 assault rifles, two other rifles and a grenade launcher.",
        "The cache of arms on the pirate ship included seven AK-47 rifles, one rocket propelled grenade launcher, "
        "grenades and three other rifles.",
    )
    assert is_disagreement(found["number"])


def test_an_outlets_sentences_are_read_one_by_one_for_their_sources():
    # ECB+ T19b doc_0345: its lead ends "according to RussiaToday" with no full stop, and the next
    # sentence of the group opens with a capital; read joined, the source was "RussiaToday Sixteen-year-old
    # Kimani Gray".
    members = [
        Member("a.txt", 0, "Kimani Gray was shot 11 times by police on Saturday, according to RussiaToday"),
        Member("a.txt", 1, "Sixteen-year-old Kimani Gray was shot and killed on Saturday night, police say."),
        Member("b.txt", 0, "Gray, 16, was shot eleven times on Saturday, officials said."),
    ]
    found = {d.kind: d for d in classify_group(members, {})[0]}
    assert found["source_cited"].used == {"a.txt": ("police", "RussiaToday"), "b.txt": ("officials",)}


def _dated_diffs(*told: tuple[str, str | None]):
    """The differences of sentences from articles with the given dates (ISO, or None for an undated one)."""
    from srccompare.model import Article

    members = [Member(f"{chr(97 + i)}.txt", i, text) for i, (text, _) in enumerate(told)]
    articles = {m.article: Article(id=m.article, path=m.article, published=day) for m, (_, day) in zip(members, told)}
    return {d.kind: d for d in classify_group(members, articles)[0]}


def test_a_past_happenings_figure_is_compared_only_with_figures_of_that_time():
    # ECB+ development articles of the 2005 Qeshm earthquake: doc_0315 recalls Bam's toll of December 2003,
    # doc_0254 gives the day's toll, doc_0275 gives Bam's toll too (and is undated: the group's date stands in)
    bam = "A 6. 7-strength quake killed more than 26, 000 people in the ancient city of Bam in December 2003."
    today = "State television quoted the disaster center in the province of Hormozgan as saying 10 people were killed."
    bam_too = (
        "Iranians are still haunted by harrowing images of the world's worst disaster in December 2003, in which "
        "more than 31, 000 people were killed in the ancient city of Bam."
    )
    assert "number" not in _dated_diffs((bam, "2005-11-28"), (today, "2005-11-27"))
    number = _dated_diffs((bam, "2005-11-28"), (today, "2005-11-27"), (bam_too, None))["number"]
    assert {u.thing for uses in number.numbers.values() for u in uses} == {"death in 2003"}
    assert number.detail == 'number: "26, 000" (a.txt) vs "31, 000" (c.txt)'
    # Without any date, a month named without its day still dates a past happening (nlp.numbers.undated_times) ...
    assert "number" not in _diffs(bam, today)
    # ... and two figures of that month are still compared
    assert _diffs(bam, bam_too)["number"].detail.endswith('"26, 000" (a.txt) vs "31, 000" (b.txt)')


def test_a_span_since_a_month_is_the_reports_own_time():
    # ECB+ development articles doc_0104 / doc_0328 (March 2013): "since October" reaches the report's time
    found = _dated_diffs(
        (
            "The also said that Gray had previously been arrested four times on charges of grand larceny, possession "
            "of stolen property and inciting a riot.",
            "2013-03-12",
        ),
        (
            "Gray had been in trouble with the law before, having been arrested three times since October and had "
            "previously been charged with grand larceny and inciting a riot.",
            "2013-03-12",
        ),
    )
    assert found["number"].form is None and set(found["number"].used) == {"a.txt", "b.txt"}


def test_two_distances_are_one_fact_only_from_one_place():
    # ECB+ development articles of the Gulf of Aden rescue (doc_0053 / doc_0159): where the attack was and how far
    # the warship was, two distances of one story
    assert "number" not in _diffs(
        "Pirates on a dhow and a smaller boat attacked this merchant ship about 1100 hrs IST, 150 nautical miles west "
        "of Aden, firing machine guns to scare the crew.",
        "An armed Chetak helicopter, with four marine commandos, was immediately launched from INS Mysore towards "
        "Gibe, which was 13 nautical miles from the Indian warship at that point in time.",
    )
    # The 2005 Qeshm quake (doc_0052 / doc_0314): the island's distance from Tehran, told two ways
    number = _diffs(
        "Qeshm, located 1, 150 kilometers (700 miles) southeast of Tehran, has a busy commercial and fishing port.",
        "The island, which has about 200, 000 residents, is about 940 miles south of Tehran, the capital.",
    )["number"]
    assert number.form is None
    assert {u.thing for uses in number.numbers.values() for u in uses} == {"distance from Tehran"}
    assert '"700"' in number.detail and '"940"' in number.detail


def test_a_toll_and_a_count_of_no_known_thing_sharing_no_claim_are_two_quantities():
    # ECB+ development articles doc_0029 / doc_0078 (the Athens bank fire): the dead, and the people led to safety
    assert "number" not in _diffs(
        "Three people died when an Athens bank went up in flames Wednesday as tens of thousands of Greeks took to the "
        "streets to protest harsh spending cuts aimed at saving the country from bankruptcy.",
        "Around 20 more people had to be ushered to safety.",
    )
    # doc_0070 / doc_0399: a poll's sample, and the injured
    assert "number" not in _diffs(
        "The poll of 1,000 people gave no margin of error.", "About 100 people have been injured."
    )


def test_the_nth_time_counts_occasions_of_each_sentence_own():
    # ECB+ development articles doc_0204 / doc_0288: her second hosting, and the first one it looks back on
    assert "number" not in _diffs(
        "Ellen DeGeneres will host the Oscars for a second time next year, the Academy announced Friday.",
        "Ellen DeGeneres was so nice as an Oscars host the first time, the Academy has asked her to do it twice.",
    )
    # ... while the same occasion counted two ways still differs
    number = _diffs(
        "Ellen DeGeneres will host the Oscars for a second time next year, the Academy announced Friday.",
        "Ellen DeGeneres will host the Oscars for a third time next year, the Academy announced Friday.",
    )["number"]
    assert number.form is None and set(number.used) == {"a.txt", "b.txt"}


def test_an_added_phrase_shows_whole_the_names_it_cuts():
    # ECB+ development articles doc_0268 / doc_0222: the other outlet names Teixeira too, but "first baseman Mark"
    # alone is half a name
    found = _diffs(
        "Dan Patrick reported on his show on AM 570 that the Boston Red Sox have made first baseman Mark Teixeira an "
        "eight-year, $200 million offer.",
        "The Boston Red Sox have offered Teixeira an eight-year, $200 million deal.",
    )
    phrases = found["added_detail"].used["a.txt"]
    assert any(p.endswith("first baseman Mark Teixeira") for p in phrases), phrases
    assert not any(p.endswith("Mark") for p in phrases)


def test_a_capital_after_a_colon_names_no_one():
    # ECB+ development articles doc_0222 / doc_0268: a blog's time stamp, then its sentence
    found = _diffs(
        "2:16pm: Take it with a grain of salt, but we have a report of a report that the Red Sox offered Mark "
        "Teixeira an eight-year, $200MM deal.",
        "The Red Sox have made first baseman Mark Teixeira an eight-year, $200 million offer.",
    )
    added = found.get("added_detail")
    assert added is None or not any("Take" in p for p in added.used.get("a.txt", ()))


def test_a_sentence_opening_with_it_keeps_the_past_time_of_the_one_before():
    # ECB+ doc_0314 recalls the February 2005 Zarand quake over two sentences; doc_0195 gives the day's toll
    found = _dated_diffs(
        (
            "The last major quake to hit southern Iran was in February, when a magnitude-6. 4 temblor rocked Zarand. "
            "It killed 612 people and injured more than 1, 400, leveling several villages.",
            "2005-11-27",
        ),
        ("A powerful earthquake hit southern Iran on Sunday, killing 10 people and injuring 80.", "2005-11-28"),
    )
    assert "number" not in found


def test_a_side_told_in_a_clause_of_its_sentence_is_not_compared_by_its_figures():
    # ECB+ T8b (doc_0171): a clause lifted out of "Police said at least three people were killed when ..." has
    # lost what its figure counts; against "12 people were injured" it would read as a count of the injured.
    import srccompare

    whole = "Police said at least three people were killed when protesters set fire to a bank in central Athens."
    clause = "Police said at least three people"
    injured = "Police said 12 people were injured in the riots."
    articles = {
        "a.txt": srccompare.clean_text(f"Riots in Athens\n\n{whole}\n", name="a.txt"),
        "b.txt": srccompare.clean_text(f"Riots in Athens\n\n{injured}\n", name="b.txt"),
    }
    at = {a: next(i for i, s in enumerate(art.sentences) if s.text.startswith("Police")) for a, art in articles.items()}

    def kinds(a_text: str) -> set[str]:
        members = [Member("a.txt", at["a.txt"], a_text, a_text == clause), Member("b.txt", at["b.txt"], injured)]
        return {d.kind for d in classify_group(members, articles)[0]}

    assert "number" not in kinds(clause)
    # the whole sentence is compared: a toll and an injury count are two things, as they were
    assert "number" not in kinds(whole)
    # ... and a whole sentence giving another count of the injured still disagrees
    other = "Police said at least 30 people were injured in the riots."
    articles["a.txt"] = srccompare.clean_text(f"Riots in Athens\n\n{other}\n", name="a.txt")
    assert "number" in kinds(other)


def test_a_side_told_in_a_clause_is_no_none_for_sources_or_hedges():
    # The sentence a clause comes from may credit or hedge the fact outside the clause ("..., the sheriff's department
    # said"): "none" for such a side would be a guess. Its own source or hedge still counts (ECB+ T4a doc_0241).
    credited = "Ortiz was probably shot when he knocked on the door of a home, police said."
    clause = "when he knocked on the door of a home and someone shot him in the head"

    def kinds(part: bool, text: str = clause) -> set[str]:
        members = [Member("a.txt", 0, credited), Member("b.txt", 3, text, part)]
        return {d.kind for d in classify_group(members, {})[0]}

    assert {"source_cited", "hedge"} <= kinds(part=False)
    assert not {"source_cited", "hedge"} & kinds(part=True)
    assert "source_cited" in kinds(True, "when he knocked on the door of a home and someone shot him, officials said")


def test_a_side_told_in_a_clause_shows_a_negation_or_loaded_word_only_of_its_own():
    # "Police did not say | whether the suspect was armed": the clause holds no negation, the sentence does; and
    # "The brazen attack, | which killed four": the sentence's loaded word stands outside the clause.
    def kinds(a: str, b: str, part: bool) -> set[str]:
        return {d.kind for d in classify_group([Member("a.txt", 0, a), Member("b.txt", 2, b, part)], {})[0]}

    unarmed = "The suspect was not armed when officers arrived at the house, police said."
    clause = "whether the suspect was armed when officers arrived at the house"
    assert "polarity" in kinds(unarmed, clause, part=False)
    assert "polarity" not in kinds(unarmed, clause, part=True)
    brazen = "The brazen attack on the courthouse killed four people on Friday."
    plain = "the attack on the courthouse killed four people on Friday"
    assert "loaded_term" in kinds(brazen, plain, part=False)
    assert "loaded_term" not in kinds(brazen, plain, part=True)


def test_a_side_told_in_a_clause_is_no_side_a_quotation_is_absent_from():
    quoted = '"He should be considered armed and very dangerous," said sheriff\'s Capt. Mike Parker of the shooter.'
    clause = "the shooter should be considered armed and very dangerous"

    def quote(part: bool):
        diffs = classify_group([Member("a.txt", 0, quoted), Member("b.txt", 1, clause, part)], {})[0]
        return next((d for d in diffs if d.kind == "quote"), None)

    whole = quote(part=False)
    assert whole is not None and whole.remarks[0].forms == {"a.txt": "absent"}
    assert quote(part=True) is None


def test_an_added_phrase_keeps_the_qualifier_of_its_figure_whole():
    # ECB+ T19a (doc_0085): the phrase began at "least", "at" being a word the other outlet also uses
    found = _diffs(
        "Youths attacked a police station with petrol bombs in central Athens as well as at least three banks, "
        "several stores and a government building, police said.",
        "Youths attacked a police station in central Athens, police said.",
    )
    (phrase,) = found["added_detail"].used["a.txt"]
    assert phrase.startswith("at least three banks")


def test_a_one_word_title_keeps_its_the():
    from srccompare.compare.differences.sources import sources

    # BASIL development article (Fox News): "according to The Hill" cites The Hill, not a hill.
    fox = (
        "Obama told Senate Democrats this week that he believes that Boehner will make sure immigration reform is "
        "passed this year, according to The Hill, a political publication in Washington, D.C."
    )
    assert sources(fox) == {"The Hill"}
    # "The" opening the sentence opens the clause; a lower-case "the" is no title's.
    assert sources("The Pentagon said Friday there are no plans to go ashore.") == {"Pentagon"}
    assert sources("The ship was hit, according to the Pentagon.") == {"Pentagon"}
    # Two outlets crediting one title, one of them opening its sentence with it: one source, one spelling.
    found = _diffs(
        "The ship was hit by a missile on Sunday, The Atlantic reported.",
        "The Atlantic reported that the ship was hit by a missile on Sunday.",
        "The ship was hit by a missile on Sunday.",
    )
    assert found["source_cited"].used == {"a.txt": ("The Atlantic",), "b.txt": ("The Atlantic",), "c.txt": ()}


def test_an_outlet_with_a_charged_word_on_another_claim_is_not_listed_as_plain():
    # Written after ECB+ T8b (the Athens bank fire): c's "furious" is on the strikers, a claim a and b do not tell;
    # c is left out of the line about a's "brutal" cuts instead of being shown as telling them in plain words.
    found = _diffs(
        "Police fought protesters in Athens over brutal budget cuts designed to avert bankruptcy.",
        "Police fought protesters in Athens over budget cuts designed to avert bankruptcy.",
        "Furious strikers shut the international airport and the underground stations.",
    )
    assert found["loaded_term"].used == {"a.txt": ("brutal",), "b.txt": ()}


def test_an_administration_or_a_campaign_is_a_source_and_put_in_place_credits_nobody():
    from srccompare.compare.differences.sources import sources

    # BASIL development triplets (Fox on Sestak; NYT on the Medicare ads): who an outlet credits
    fox = (
        "The White House asked former President Bill Clinton to talk to Rep. Joe Sestak about the possibility of "
        "obtaining a senior position, the Obama administration said in a report released Friday morning."
    )
    assert sources(fox) == {"Obama administration"}
    nyt = "But the Romney campaign said Tuesday that Mr. Romney would restore the money."
    assert sources(nyt) == {"Romney campaign"}
    # ECB+ doc_0344: "put in place" is no figure put anywhere; "said in a statement" still credits
    assert sources("By overturning something the Bush administration put in place, he showed he would act.") == set()
    assert sources("Police said in a statement that three people died.") == {"police"}
    assert sources("Officials put the toll at 300.") == {"officials"}


def test_a_source_written_after_its_verb_or_before_its_spokesman_is_credited():
    from srccompare.compare.differences.sources import sources

    # ECB+ T18b (doc_0001, doc_0250), T20a (doc_0213); BASIL 2013 (70c744ad): whom the outlet credits, however
    # it orders the words
    assert sources("Officers found a gun in the vehicle, Troy police Lt. Gerry Scherlinck said.") == {"Troy police"}
    assert sources("The victims' conditions weren't immediately known, said Troy police Lt. Gerry Scherlinck.") == {
        "Troy police"
    }
    assert sources("Police Const. Tim Fanning said the gunman entered the party around 4 p.m.") == {"police"}
    assert sources("The toll rose to 30, said the Interior Ministry on Monday.") == {"Interior Ministry"}
    assert sources(
        "Couples will now be treated equally, said Chad Griffin, the president of the Human Rights Campaign."
    ) == {"Human Rights Campaign"}
    # a quotation taken out of the text leaves the verb first
    assert sources("said Human Rights Campaign President Chad Griffin.") == {"Human Rights Campaign"}
    # ... but a source's verb with a clause after it credits its subject, and a person alone credits no body
    assert sources("Witnesses said police fired tear gas at the crowd.") == {"witnesses"}
    assert not sources("It was a shame, said Smith.")


def test_a_source_spelled_with_its_name_s_capital_is_shown_so_on_every_side():
    found = _diffs(
        "Troy police Sgt. Barry Whiteside said LaCalamita first stopped at the reception area after 10 a.m.",
        "LaCalamita first stopped at the reception area after 10 a.m., said Troy police Sgt. Barry Whiteside.",
        "LaCalamita first stopped at the reception area after 10 a.m., the FBI said.",
    )
    assert set(found["source_cited"].used.values()) == {("Troy police",), ("FBI",)}


def test_a_body_named_by_its_kind_credits_what_it_says():
    from srccompare.compare.differences.sources import sources

    # ECB+ T12a (doc_0260, doc_0272), BASIL 2014 (2058ec60): "the navy said in a statement" credits the navy as "the
    # Defence Ministry said" credits the ministry; an outlet crediting it had been listed as crediting nobody
    assert sources(
        "An Indian navy ship sent its marine commandos on a helicopter towards the Ethiopian flag-bearing vessel MV Gibe "
        "after getting a distress call from it as it came under fire from two boats, the navy said in a statement."
    ) == {"navy"}
    assert sources(
        "In addition to the 12 Somali and 11 Yemeni suspects, the Indian navy seized two small boats, the military said "
        "in a statement."
    ) == {"military"}
    assert sources("The company says its policies expressly bar discrimination and promote diversity.") == {"company"}
    # ... and with the name of its country, as a named body is ("India's navy")
    assert sources("The Indian navy said it has captured 23 Somali and Yemeni pirates.") == {"Indian navy"}
    # a place of the story is not a body that speaks: a bank that exploded credits nothing
    assert not sources("The bank exploded shortly before 5 p.m., killing two officers.")
    found = _diffs(
        "Twenty-three pirates were captured after they fired on the MV Gibe, the navy said in a statement.",
        "Twenty-three pirates were captured after they fired on the MV Gibe.",
    )
    assert found["source_cited"].used == {"a.txt": ("navy",), "b.txt": ()}


def test_what_a_source_published_is_credited_to_the_source():
    from srccompare.compare.differences.sources import sources

    # ECB+ development articles (doc_0068, doc_0092, doc_0274): the three such credits there had cited nobody
    assert sources(
        "According to a report in the Los Angeles Times, the Angels have made an offer to the first baseman."
    ) == {"Los Angeles Times"}
    assert sources("They seized a cache of arms, according to a statement from the Indian government.") == {
        "Indian government"
    }
    assert sources("According to a report from TMZ published this week (June 13), the actress left rehab.") == {"TMZ"}
    # the work alone names nobody
    assert not sources("According to the report, the actress left rehab.")


def test_speech_verbs_are_a_swap_only_for_one_statement():
    # ECB+ T3a (doc_0010 / doc_0291): the judge's advice to the victims and his word on where Nichols serves his time
    # are two statements; no "urge" / "suggest" line
    assert "attribution" not in _diffs(
        "The judge, after sentencing Nichols to the slew of charges, urged the victims' of Nichols' crimes to try their "
        "best to regroup.",
        "Superior Court Judge James Bodiford on Saturday suggested that Nichols should serve his time in the federal "
        "maximum security prison-known as Supermax-in Florence, Colorado.",
    )
    # BASIL (f11c2566): one statement told with "said" and with "admitted"
    found = _diffs(
        "Speaker John A. Boehner of Ohio said on Monday that Republicans had a one-in-three chance of losing control of "
        "the House.",
        'House Speaker John Boehner (R-Ohio) admitted there\'s a "1 in 3" chance that the Republicans will lose their '
        "majority in the House.",
    )
    assert found["attribution"].used == {"a.txt": ("say",), "b.txt": ("admit",)}


def test_a_hedge_inside_an_indirect_question_is_what_is_asked():
    # ECB+ T9a (doc_0299) and T3a (doc_0405): the rule's test and the jurors' questioning, not the outlets' doubt
    assert "hedge" not in _diffs(
        "The rule lets agencies consult with the Fish and Wildlife Service to determine whether a project is likely to "
        "affect any listed species.",
        "The rule lets agencies consult with the Fish and Wildlife Service to determine whether a project will affect "
        "any listed species.",
    )
    assert "hedge" not in _diffs(
        "The holdouts were not truthful when questioned by lawyers about whether they could impose the death penalty.",
        "The holdouts were not truthful when questioned by lawyers about whether they would impose the death penalty.",
    )
    # outside the question the outlet's hedge still counts
    assert "hedge" in _diffs(
        "The holdouts could have been untruthful when questioned about the death penalty.",
        "The holdouts were untruthful when questioned about the death penalty.",
    )
