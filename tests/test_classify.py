"""Difference kinds on real sentences: pairs copied from the seeds and pairs written for kinds the seeds lack."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srccompare.compare.classify import KINDS, classify_group, is_disagreement, quote_form_of
from srccompare.model import Member
from srccompare.nlp.numbers import find_numbers

from .conftest import CORPUS, DATA, fact_article_line

CASES = DATA / "classify"
SEED_FILES = {
    "000": "000_a67b68c824396ff8.txt",
    "001": "001_3dbf73fb56b3fa01.txt",
    "002": "002_94eb0a8464f32015.txt",
    "003": "003_cf32fd44ea05852b.txt",
    "004": "004_8d8a74bae2f40e61.txt",
}


def _cases(name: str) -> list[dict]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def _members(case: dict) -> list[Member]:
    return [Member(article, i, text) for i, (article, text) in enumerate(case["members"])]


def _classify(members):
    diffs, highlights = classify_group(members, {})
    return {d.kind: d for d in diffs}, highlights


def _check(case: dict) -> None:
    found, _ = _classify(_members(case))
    for kind, articles in case["expect"].items():
        assert kind in found, f"{case['name']}: no {kind} in {sorted(found)}"
        assert list(found[kind].articles) == articles, f"{case['name']}: {found[kind]}"
    unexpected = set(case["absent"]) & set(found)
    assert not unexpected, f"{case['name']}: unexpected {[found[k].detail for k in unexpected]}"
    if "form" in case:
        assert quote_form_of(found["quote"]) == case["form"], found["quote"].detail
    if "number_form" in case:
        # The same figure written another way is shown, and is no disagreement.
        assert found["number"].form == case["number_form"], found["number"].detail
        assert not is_disagreement(found["number"])


def _params(name: str) -> list:
    """The cases of ``name``; one with a "known_miss" (why the classifier misses it today) is a strict xfail, so that it
    is reported once it passes."""
    return [
        pytest.param(c, id=c["name"], marks=pytest.mark.xfail(reason=c["known_miss"], strict=True))
        if "known_miss" in c
        else pytest.param(c, id=c["name"])
        for c in _cases(name)
    ]


@pytest.mark.parametrize("case", _params("seed_pairs.json"))
def test_seed_pairs(case):
    _check(case)


@pytest.mark.parametrize("case", _cases("written_pairs.json"), ids=lambda c: c["name"])
def test_written_pairs(case):
    _check(case)


def test_seed_sentences_are_copied_exactly():
    lines = {k: (CORPUS / f).read_text(encoding="utf-8").split("\n") for k, f in SEED_FILES.items()}
    for case in _cases("seed_pairs.json"):
        for article, text in case["members"]:
            assert any(text in line for line in lines[article]), f"{case['name']}: {text[:40]!r} not in {article}"


def test_every_kind_has_a_real_sentence_test():
    expected = set()
    for name in ("seed_pairs.json", "written_pairs.json"):
        for case in _cases(name):
            expected |= set(case["expect"])
    assert expected == set(KINDS)


def test_polarity_detail_names_both_readings():
    case = _cases("seed_pairs.json")[0]
    found, _ = _classify(_members(case))
    detail = found["polarity"].detail
    assert "unlikely to be resolved" in detail and "will be resolved" in detail
    assert found["attribution"].words == {"000": ("suggest",), "001": ("say",)}


def test_added_detail_names_where_and_when():
    case = next(c for c in _cases("seed_pairs.json") if c["name"].startswith("same quote verbatim"))
    found, _ = _classify(_members(case))
    (added,) = found["added_detail"].words["000"]
    assert "yesterday" in added and "St Petersburg International Economic Forum" in added
    assert "when" in found["added_detail"].detail and "where" in found["added_detail"].detail
    assert quote_form_of(found["quote"]) == "verbatim"
    assert not is_disagreement(found["quote"])


def test_a_side_telling_another_fact_adds_no_detail_to_this_one():
    # ECB+ T4a (doc_0375 / doc_0284 / doc_0217): a group held together by a chain of links. The commendations share
    # one word with the shooting, so none of their words is a detail of it; the shooting's own telling still adds one.
    members = [
        Member("a", 0, "Ortiz won numerous commendations for his work."),
        Member("b", 0, "Deputy Jerry Ortiz was shot and killed after knocking on a door during an investigation."),
        Member("c", 0, "Ortiz was shot in the head, said Larry Waldie of the sheriff's department."),
    ]
    found, _ = classify_group(members, {})
    (added,) = [d for d in found if d.kind == "added_detail"]
    assert "a" not in added.used and "b" in added.used


def test_bracketed_insertion_is_named():
    case = next(c for c in _cases("seed_pairs.json") if "bracketed" in c["name"])
    found, _ = _classify(_members(case))
    assert quote_form_of(found["quote"]) == "bracketed"
    assert found["quote"].words == {"000": ("(South)",)}
    assert is_disagreement(found["quote"])


def test_pure_name_variant_is_not_a_disagreement():
    for case in _cases("written_pairs.json"):
        if case["name"].startswith("name variant only"):
            diffs, _ = classify_group(_members(case), {})
            assert [d.kind for d in diffs] == ["name_variant"]
            assert not any(is_disagreement(d) for d in diffs)


def test_identical_sentences_have_no_differences_and_no_highlights():
    text = (CORPUS / SEED_FILES["003"]).read_text(encoding="utf-8").split("\n")[34]
    diffs, highlights = classify_group([Member("a", 0, text), Member("b", 3, text)], {})
    assert diffs == ()
    assert all(not t.changed for h in highlights for t in h)
    assert " ".join(t.text for t in highlights[0]) == text


def test_highlights_mark_exactly_the_changed_words():
    a = "Seoul has resisted calls to send weapons directly to Kyiv."
    b = "Seoul has firmly resisted calls to send arms directly to Kyiv."
    _, (ha, hb) = classify_group([Member("a", 0, a), Member("b", 0, b)], {})
    assert [t.text for t in ha if t.changed] == ["weapons"]
    assert [t.text for t in hb if t.changed] == ["firmly", "arms"]


def test_highlights_follow_members_of_one_article():
    lines = (CORPUS / SEED_FILES["001"]).read_text(encoding="utf-8").split("\n")
    first, second = lines[13].split(". ", 1)
    first += "."
    other = (CORPUS / SEED_FILES["000"]).read_text(encoding="utf-8").split("\n")[19]
    members = [Member("001", 20, first), Member("000", 15, other), Member("001", 21, second)]
    diffs, highlights = classify_group(members, {})
    assert [" ".join(t.text for t in h) for h in highlights] == [first, other, second]
    # 001 adds the September summit with Kim Jong-un; 000 its own "in recent years" clause.
    assert "added_detail" in {d.kind for d in diffs}


def test_single_article_group_has_nothing_to_compare():
    diffs, highlights = classify_group([Member("a", 0, "Putin said it."), Member("a", 1, "He left.")], {})
    assert diffs == () and len(highlights) == 2


_ALL_CASES = _cases("seed_pairs.json") + _cases("written_pairs.json")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_ALL_CASES), st.randoms(use_true_random=False))
def test_kinds_and_sides_do_not_depend_on_member_order(case, rnd):
    members = _members(case)
    shuffled = list(members)
    rnd.shuffle(shuffled)
    before = {(d.kind, d.articles) for d in classify_group(members, {})[0]}
    after = {(d.kind, d.articles) for d in classify_group(shuffled, {})[0]}
    assert before == after


@pytest.fixture(scope="module")
def e1():
    import srccompare

    a000, a001 = srccompare.load([str(CORPUS / SEED_FILES["000"]), str(CORPUS / SEED_FILES["001"])])
    return a000, a001


def _member(article, words: str) -> Member:
    i = next(i for i, s in enumerate(article.sentences) if words in s.text)
    return Member(article.id, i, article.sentences[i].text)


def test_a_sentence_inside_a_multi_sentence_quote_is_read_as_quoted(e1):
    a000, a001 = e1
    members = [_member(a000, "(South) Korean leadership"), _member(a001, "the Korean leadership")]
    # The sentences carry no quote marks of their own: only the article shows they are Putin's words.
    assert '"' not in members[0].text and '"' not in members[1].text
    diffs, _ = classify_group(members, {a000.id: a000, a001.id: a001})
    found = {d.kind: d for d in diffs}
    assert set(found) == {"quote"}
    assert quote_form_of(found["quote"]) == "bracketed"
    assert found["quote"].words == {a000.id: ("(South)",)}


def test_details_name_outlets_when_the_articles_are_known(e1):
    a000, a001 = e1
    members = [_member(a000, "Putin suggested"), _member(a001, "will be resolved when")]
    diffs, _ = classify_group(members, {a000.id: a000, a001.id: a001})
    attribution = next(d for d in diffs if d.kind == "attribution")
    assert attribution.detail.startswith("attribution: ")
    assert set(attribution.detail[len("attribution: ") :].split(" vs ")) == {'"suggest" (AsiaNews)', '"say" (Yonhap)'}
    assert attribution.articles == tuple(sorted((a000.id, a001.id)))


def _kinds(*texts: str) -> set[str]:
    diffs, _ = classify_group([Member(chr(97 + i), 0, t) for i, t in enumerate(texts)], {})
    return {d.kind for d in diffs}


def _used(*texts: str) -> dict[str, tuple[str, ...]] | None:
    """What the number difference of two or more texts shows of each, None when there is none."""
    diffs, _ = classify_group([Member(chr(97 + i), 0, t) for i, t in enumerate(texts)], {})
    return next((d.used for d in diffs if d.kind == "number"), None)


def test_typography_is_not_a_name_variant():
    assert "name_variant" not in _kinds(
        "It's not the first time Newsweek has faced a backlash for a cover, WASHINGTON said.",
        "It’s not the first time Newsweek has faced a backlash for a cover, Washington said.",
    )


def test_a_misspelled_weekday_is_not_a_name_variant():
    # BASIL development triplet (Fox / HuffPost on Romney and same-sex marriage): Fox's typing slip
    assert "name_variant" not in _kinds(
        "His likely GOP rival Mitt Romney said Wednedsay he maintains his opposition to it.",
        "Republican presidential candidate Mitt Romney on Wednesday reiterated that he opposes same-sex marriage.",
    )
    # ... while a name spelled two ways still is one
    assert "name_variant" in _kinds(
        "Mr. Cowan and his wife Stacey have two young sons.",
        "He and wife Stacy have two young sons.",
    )


def test_a_year_is_not_a_count_and_a_qualified_number_is_not_a_mismatch():
    assert "number" not in _kinds(
        "The campaign disputed the report of his six years in the reserves.",
        "The campaign disputed the report of his 2008 remarks in the reserves.",
    )
    # shown with its hedge, never a disagreement
    diffs, _ = classify_group(
        [
            Member("a", 0, "Vanity Fair estimated the reading cost $1.1 million."),
            Member("b", 0, "Vanity Fair estimated the reading cost more than $1 million."),
        ],
        {},
    )
    (number,) = [d for d in diffs if d.kind == "number"]
    assert number.form == "hedged" and not number.disagrees
    assert number.used == {"a": ("$1.1 million",), "b": ("more than $1 million",)}


def test_a_body_s_name_opening_a_sentence_is_no_loaded_term():
    # ECB+ development articles doc_0248 / doc_0114: "Superior Court Judge ..." names a court
    assert "loaded_term" not in _kinds(
        "Superior Court Judge James Bodiford sentenced Nichols to seven consecutive life sentences.",
        "Judge James Bodiford sentenced Nichols to seven consecutive life sentences.",
    )
    # ... while a charged adverb opening a sentence before a name is still the outlet's word (doc_0402)
    assert "loaded_term" in _kinds(
        "Ironically Nichols had offered to plead guilty in return for life behind bars.",
        "Nichols had offered to plead guilty in return for life behind bars.",
    )


def test_a_verb_and_the_noun_made_from_it_are_not_one_claim_to_flip():
    # ECB+ development articles doc_0328 / doc_0377: whether he fired, and which bullet killed him
    assert "polarity" not in _kinds(
        "Police say Gray's gun was loaded with four bullets but have not yet determined whether the teenager fired.",
        "The autopsy report on Mr. Gray did not specify which of the seven bullets caused the death of the teenager; "
        "that determination awaits further investigation.",
    )
    # ... while the verb negated against the verb still is
    assert "polarity" in _kinds(
        "Police have not yet determined whether the teenager fired his weapon, a spokesman said.",
        "Police have determined that the teenager fired his weapon, a spokesman said.",
    )


def test_a_negated_word_in_another_claim_is_not_a_polarity_flip():
    # "required" is negated in one and a noun of another claim in the other: no shared context.
    assert "polarity" not in _kinds(
        "Santorum said health insurance plans shouldn't be required to cover prenatal testing.",
        "Santorum defended his criticism of a requirement in the president's health-care policy.",
    )


def test_the_same_count_of_times_and_of_shots_is_no_number_difference():
    # ECB+ T19b: "hitting Gray eleven times" / "fired a total of 11 shots": one side names nothing else.
    assert "number" not in _kinds(
        "Both officers fired at the suspect, hitting Gray eleven times in his torso and legs.",
        "Both officers fired a total of 11 shots at the suspect, hitting Gray in his torso and legs.",
    )
    # ... while other things counted with one value still differ (the synthetic "people" / "households").
    assert "number" in _kinds(
        "Officials arrested 210 people ahead of Diwali.",
        "Officials arrested 210 households ahead of Diwali.",
    )


def test_a_modal_of_what_is_feared_is_no_hedge():
    # ECB+ T8b: the worry's "could" is its content; the outlet hedges nothing.
    assert "hedge" not in _kinds(
        "The IMF agreed to lend Greece billions after concerns that the Athens government's debt crisis could "
        "trigger a knock-on effect elsewhere.",
        "The IMF agreed to lend Greece billions after concerns that the Athens government's debt crisis would "
        "trigger a knock-on effect elsewhere.",
    )
    assert "hedge" in _kinds(
        "The debt crisis could trigger a knock-on effect elsewhere, the IMF said.",
        "The debt crisis will trigger a knock-on effect elsewhere, the IMF said.",
    )


def test_a_warning_s_modal_and_what_could_be_seen_are_no_hedges():
    # ECB+ T8b (doc_0029): the "could" of a warning is what was warned of
    assert "hedge" not in _kinds(
        "IMF head Dominique Strauss-Kahn warned that the crisis could spread to other countries despite the rescue "
        "package's efforts to contain it.",
        "IMF head Dominique Strauss-Kahn warned that the crisis would spread to other countries despite the rescue "
        "package's efforts to contain it.",
    )
    # ECB+ T19b (doc_0377) and T15 (doc_0388): what could be seen is what was visible, not a doubt
    assert "hedge" not in _kinds(
        "Police investigators could be seen inside a Rite Aid store on Church Avenue.",
        "Police investigators were inside a Rite Aid store on Church Avenue.",
    )
    assert "hedge" not in _kinds(
        "Mr. Ali said he could see a man striding back and forth, holding what looked like a firearm.",
        "Mr. Ali said he saw a man striding back and forth, holding what looked like a firearm.",
    )


def test_a_modal_describing_a_kind_of_thing_is_no_hedge():
    # ECB+ T9b (doc_0400, doc_0344): "projects that could affect endangered wildlife" is the rule's scope; "a move that
    # could anger some people" is the outlet's guess
    assert "hedge" not in _kinds(
        "The regulation made it easier for federal agencies to skip consultations with government scientists before "
        "launching projects that could affect endangered wildlife.",
        "The regulation made it easier for federal agencies to skip consultations with government scientists before "
        "launching projects that affect endangered wildlife.",
    )
    assert "hedge" in _kinds(
        "In a move that could anger some people on the other side of the aisle, President Obama overturned the rule.",
        "In a move that angers some people on the other side of the aisle, President Obama overturned the rule.",
    )


def test_a_hedge_departs_only_from_an_outlet_telling_the_hedged_claim():
    # ECB+ T8b (doc_0192 / doc_0078): a group joining two claims; only one outlet tells the vote to come
    assert "hedge" not in _kinds(
        "Papandreou's Socialists hold a comfortable majority of 160 in the 300-seat Parliament and the bill is "
        "expected to pass easily.",
        '"Nobody has the right to violence and particularly violence that leads to murder," Prime Minister George '
        'Papandreou told parliament as he condemned "a raw murderous act".',
    )
    # ECB+ T16a (doc_0249 / doc_0026): one claim, told by the other outlet in a quote
    assert "hedge" in _kinds(
        "Police earlier confirmed that Escalante was shot in his head from behind and may never have seen his "
        "murderer.",
        'The 27-year-old Escalante "was shot in the back of the head and never saw the assailants coming."',
    )
    # a hedge with too few words of its own to tell its claim by (bench framing, an extraction body's sentence)
    assert "hedge" in _kinds(
        'He possibly added: "The (refugees) must not be forced to make decisions under threat of starvation."',
        'He added: "The (refugees) must not be forced to make decisions under threat of starvation."',
    )
    # ECB+ T16b (doc_0116 / doc_0241 / doc_0217): the third outlet tells where Ortiz was shot, not how soon he died:
    # both outlets that tell it hedge it, and nobody departs from them
    assert "hedge" not in _kinds(
        "Authorities said Ortiz probably died instantly.",
        "Ortiz probably died instantly, Waldie said.",
        "Ortiz was shot in the head, said Larry Waldie of the sheriff's department.",
    )
    # ... and with a third outlet telling the death unhedged (written), an outlet that also hedges is never listed
    # among those that do not
    (diff,) = [
        d
        for d in classify_group(
            [
                Member("a", 0, "Authorities said Ortiz probably died instantly."),
                Member("b", 0, "Ortiz probably died instantly, Waldie said."),
                Member("c", 0, "Ortiz died at the scene, said Larry Waldie of the sheriff's department."),
            ],
            {},
        )[0]
        if d.kind == "hedge"
    ]
    assert diff.used == {"a": ("probably",), "b": ("probably",), "c": ()}


def test_a_loaded_word_departs_only_from_an_outlet_telling_the_claim():
    # ECB+ T8b (doc_0306 / doc_0192): "angry hecklers" is a claim the other outlet does not tell
    assert "loaded_term" not in _kinds(
        "German Chancellor Angela Merkel addressed parliament, raising her voice above the catcalls and angry "
        "hecklers from the opposition parties.",
        "In Berlin, German Chancellor Angela Merkel called the Greek bailout critical for all of Europe.",
    )
    # ECB+ T19b (doc_0160 / doc_0104): one remark, "lamented" against "wrote"; the other outlet quotes it
    assert "loaded_term" in _kinds(
        'City Council Member Jumaane Williams lamented that a "peaceful vigil that devolved into a riot.',
        "“Tonight was a peaceful vigil that devolved into a riot,” Williams wrote.",
    )


def test_an_added_phrase_never_runs_into_the_next_sentence():
    # ECB+ T16b (doc_0375 / doc_0116): doc_0375's two sentences in one group had made the phrase
    # "problems. Dozens of law enforcement officers"
    first = (
        "Ortiz, 35, was on his own about 3 p.m. Friday when he went to a house in Hawaiian Gardens, a working-class "
        "city at the northeast border of Long Beach with long-standing gang problems."
    )
    second = (
        "Dozens of law enforcement officers worked the case through the afternoon and into the night, fanning out "
        "around the 12200 block of 223rd Street and questioning residents."
    )
    other = (
        "The shooting occurred about 3:10 p.m. in the 12200 block of 223rd Street in Hawaiian Gardens, a "
        "working-class city at the northeastern border of Long Beach that has long been plagued by gang violence."
    )
    diffs, _ = classify_group([Member("a", 0, first), Member("a", 1, second), Member("b", 0, other)], {})
    (added,) = [d for d in diffs if d.kind == "added_detail"]
    assert "Dozens of law enforcement officers" in added.used["a"]
    assert all(phrase in first or phrase in second for phrase in added.used["a"])


def test_a_polarity_flip_needs_one_claim_told_twice():
    # ECB+ T4a (doc_0062 / doc_0132), T5a (doc_0360 / doc_0016), T20b (doc_0195 / doc_0229): a name and a word
    # or two in common, two claims
    assert "polarity" not in _kinds(
        "Page had no children.",
        "Born in 1923 in Nashville, Tennessee, Bettie Mae Page was one of six children from an impoverished family.",
    )
    assert "polarity" not in _kinds(
        "DiLeo has never been an NBA coach.",
        "Never before in NBA history have coaches fallen this early in the season in such numbers.",
    )
    assert "polarity" not in _kinds(
        "There were no reported injuries in Dubai.", 'It\'s "full of wounded," the agency reported.'
    )
    # ... while a short sentence told with and without "not" is one claim (bench framing's edits)
    assert "polarity" in _kinds(
        "And the band will do it with singer Michael McDonald.",
        "And the band will not do it with singer Michael McDonald.",
    )


def test_two_years_disagree_only_on_one_happening():
    # ECB+ T4a (doc_0253 / doc_0124; doc_0025 / doc_0270): the years of two happenings, and of one
    assert "number" not in _kinds(
        "Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923.",
        "Born in Nashville, Page left her job as a schoolteacher and secretary to begin a career in modeling in 1950.",
    )
    assert "number" in _kinds(
        "In 1957, Page disappeared from the flash of the cameras and the public spotlight.",
        "Page suddenly disappeared from the scene in 1958.",
    )


def test_two_days_of_a_month_disagree_only_on_one_happening():
    # ECB+ T12a (doc_0159 / doc_0184): two deeds of one warship, each dated; the month and the ship's name are all
    # the two sentences share
    assert "number" not in _kinds(
        "On November 11, INS Tabar had repulsed two hijack attempts, one on an Indian ship (MV Jag Arnav) and the "
        "other on a Saudi oil carrier (NCC Tihama), one after the other.",
        "On November 19, Tabar sank a Somalian pirate vessel after being threatened with disastrous consequences.",
    )
    # one hijacking dated two ways is a disagreement, shown with each side's month as written
    diffs, _ = classify_group(
        [
            Member("a", 0, "Pirates hijacked the Saudi supertanker Sirius Star on November 15, officials said."),
            Member("b", 0, "The Sirius Star supertanker was hijacked by pirates on 17 November off Kenya."),
        ],
        {},
    )
    number = next(d for d in diffs if d.kind == "number")
    assert number.used == {"a": ("November 15",), "b": ("17 November",)}
    assert number.detail == 'number: "17 November" (b) vs "November 15" (a)'


def test_a_noun_or_an_idiom_is_no_speech_verb():
    # ECB+ T3a (doc_0185 / doc_0405): "state legislators" is no "state" against "urge"
    assert "attribution" not in _kinds(
        "The sentence ends more than three years of efforts to bring Mr. Nichols to justice since his arrest, "
        "frustrating victims' relatives and angering state legislators over the costs.",
        "He said Saturday that he would urge Georgia lawmakers to amend the law.",
    )
    # ECB+ T6a (doc_0095 / doc_0126): "the vampire attack that almost claimed her life" claims nothing
    assert "attribution" not in _kinds(
        "Bella (Kristen Stewart) recovers from the vampire attack that almost claimed her life.",
        "Chris Weitz is negotiating to direct the cinematic sequel to Twilight, industry sources say.",
    )
    # ECB+ T1b (doc_0173 / doc_0036): "admitted herself to the Betty Ford Center" checked her in, it admits nothing
    assert "attribution" not in _kinds(
        "After leaving rehab in Newport Beach, Lindsay Lohan admitted herself to the Betty Ford Center, according to "
        "TMZ.",
        "Lindsay Lohan checked into the Betty Ford Center on Thursday, her lawyer said.",
    )
    # ECB+ T9b (doc_0400): the bare "claim" before its clause is a speech verb, against "say" for the same statement
    assert "attribution" in _kinds(
        "President Obama on Tuesday overturned a last-minute Bush administration regulation that many "
        "environmentalists claim weakened the Endangered Species Act.",
        "President Obama on Tuesday overturned a last-minute Bush administration regulation that environmentalists "
        "say weakened the Endangered Species Act.",
    )
    # ... and no line against another statement of the story (doc_0337: what Obama said of the review process)
    assert "attribution" not in _kinds(
        "President Obama on Tuesday overturned a last-minute Bush administration regulation that many "
        "environmentalists claim weakened the Endangered Species Act.",
        "During a visit to the Interior Department, Obama said the review process had been undermined by past "
        "administrations.",
    )


def test_two_sums_or_counts_far_apart_among_other_words_are_two():
    # ECB+ T6b (doc_0406 / doc_0072): a director's fee and the film's gross
    assert "number" not in _kinds(
        "Ross is expecting a raise for his work on the movie (he was given $3 million upfront and 5% on the backend).",
        "Now that The Hunger Games is a hit with more than $363 million in the till, the question is whether Ross "
        "will return.",
    )
    # ECB+ T5b (doc_0271 / doc_0257): one coach's single season and another's eleven, two counts
    assert "number" not in _kinds(
        "In a surprising move, the Sixers fired Jim O'Brien on Monday after one season as coach.",
        "Cheeks, who played for the Sixers for 11 seasons and served as an assistant coach for seven, was named coach.",
    )
    # ... while among the same words a sum a thousand times another is a disagreement (bench framing's unit edits)
    assert "number" in _kinds(
        "The aid package is worth $2 million, officials said.", "The aid package is worth $2 billion, officials said."
    )


def test_a_sum_per_season_and_a_total_are_two_quantities():
    # ECB+ T10b (doc_0067, doc_0302, doc_0298): a sum a season is compared with another outlet's sum a season, never
    # with a total offer (another team's, or the same offer's total)
    a_season = (
        "Meanwhile, according to the Newsday, Teixeira still has an eight-year offer on the table from the Red Sox, "
        "worth roughly $22 million per season."
    )
    both = (
        "Lynch reported the Red Sox team of owner John Henry, COO Larry Lucchino and General Manager Theo Epstein "
        "offered Teixeira, 28, an eight-year deal worth $184 million or $23 million per season."
    )
    total = "ESPN is reporting that the Nationals have offered Mark Teixeira an 8-year, $160 million contract."
    diffs, _ = classify_group([Member("a", 0, a_season), Member("b", 1, both)], {})
    (number,) = [d for d in diffs if d.kind == "number"]
    shown = {u.text: u.unit for uses in number.numbers.values() for u in uses}
    assert shown == {"roughly $22 million": "$/season", "$23 million": "$/season"} and number.form == "hedged"
    assert "number" not in _kinds(a_season, total)


def test_the_hour_of_a_time_of_day_is_compared_only_as_a_time():
    # ECB+ T16b (doc_0217 / doc_0375): "As of 11 p.m." and "about 3 p.m." are times of two happenings, not the
    # figures 11 and 3
    assert "number" not in _kinds(
        "As of 11 p.m. authorities were still searching for Jose Luis Orozco, 27, who is considered armed and "
        "dangerous.",
        "Ortiz, 35, was on his own about 3 p.m. Friday when he went to a house in Hawaiian Gardens.",
    )
    diffs, _ = classify_group(
        [
            Member("a", 0, "The quake struck at 11 p.m. local time."),
            Member("b", 0, "The quake struck at 3 p.m. local time."),
        ],
        {},
    )
    assert [d.used for d in diffs if d.kind == "number"] == [{"a": ("11 p.m.",), "b": ("3 p.m.",)}]


def test_a_sum_in_us_dollars_written_with_its_country_is_read():
    # ECB+ T13a (doc_0289 / doc_0020): "$US1 million ($1.52 million)" gives the $1 million too, then its own
    # currency's conversion: no disagreement
    assert "number" not in {
        d.kind
        for d in classify_group(
            [
                Member("a", 0, "Damage to the church was estimated at $US1 million ($1.52 million), authorities said."),
                Member("b", 0, "Damage to the Wasilla Bible Church was estimated at $1 million, authorities said."),
            ],
            {},
        )[0]
        if is_disagreement(d)
    }


def test_an_outlet_credits_nobody_only_for_a_fact_it_tells():
    # ECB+ T8b (doc_0192 / doc_0355): "none" would say the other outlet tells the injuries without a source
    assert "source_cited" not in _kinds(
        "Police said 12 people were injured in the riots.", "Clashes with the police continued for several hours."
    )
    # ... nor by the source's own words: ECB+ T18a (doc_0027 / doc_0266), a quotation told to The Canadian Press and a
    # life story naming it; ECB+ T8b (doc_0171 / doc_0396), what firefighters said and what firefighters did
    assert "source_cited" not in _kinds(
        "You got the feeling there was something definitely, definitely wrong,” Pigeon told The Canadian Press.",
        "Ben got most of his education in Victoria where his father worked for Broadcast News, which is now The "
        "Canadian Press.",
    )
    assert "source_cited" not in _kinds(
        "Firefighters said as many as 20 people had been inside the bank.",
        "Firefighters rescued another five people from the balcony.",
    )
    # ECB+ T8b (doc_0078 / doc_0192): the toll, credited to the police by one outlet and to nobody by the other
    assert "source_cited" in _kinds(
        "Police said two women and one man died at a branch of the Marfin bank which caught fire after rioters broke "
        "a window and threw Molotov cocktails inside.",
        "Riots over harsh new austerity measures left three bank workers dead and engulfed the streets of Athens on "
        "Wednesday, as angry protesters tried to storm parliament, hurled Molotov cocktails at police.",
    )


def test_as_possible_hedges_nothing():
    # ECB+ T5a (doc_0243): "as much cap room as possible" tells how much, not how sure the outlet is
    assert "hedge" not in _kinds(
        "So Stefanski cleared as much cap room as possible, sending Carney and center Calvin Booth to Minnesota.",
        "So Stefanski cleared cap room, sending Carney and center Calvin Booth to Minnesota.",
    )
    assert "hedge" in _kinds(
        "A possible arson attack damaged the church, officials said.",
        "An arson attack damaged the church, officials said.",
    )


def test_no_before_a_subject_negates_its_verb_and_no_one_is_nobody():
    # ECB+ T16b (doc_0241 / doc_0217): both say nobody is in custody
    assert "polarity" not in _kinds(
        "Authorities said they believe they know the identity of the shooter, although the person was not "
        "immediately taken into custody.",
        "Authorities said they believe they know the identity of the shooter but no suspects have been taken into "
        "custody.",
    )
    # ECB+ T13a: "no one" is "nobody", and its "one" is no figure of a million dollars
    assert "polarity" not in _kinds(
        "The fire caused an estimated one million dollars in damage, and no one was injured.",
        "The fire caused an estimated one million dollars in damage, and nobody was injured.",
    )
    assert "polarity" in _kinds("No one was injured in the fire.", "One person was injured in the fire.")


def test_a_flipped_word_among_other_words_is_two_claims():
    # ECB+ T10a (doc_0068 / doc_0211) and T7a (doc_0119 / doc_0384): one word negated on one side, in another claim
    assert "polarity" not in _kinds(
        "The Nationals offered him the same deal as the Angels, the Orioles have made an offer between $140 and $150 "
        "million over seven years, and nobody knows for sure what the Red Sox have offered.",
        "However, no other offer (including from the Nationals and Oriels trying to bring Teixeira back to his native "
        "Maryland) was thought to be more than seven years.",
    )
    assert "polarity" not in _kinds(
        "The final numbers showed Klitschko landing 178 of 369 punches thrown while Rahman connected on just 30 of 207 "
        "punches thrown.",
        "Klitschko eventually wore Rahman down enough to knock him to the canvas in the sixth round -- a round in which "
        "Rahman didn't land a clean punch at all.",
    )


def test_a_negation_reaches_what_its_words_deny():
    # "no chance of parole" and "without the possibility of parole" deny parole, as "without parole" does
    assert "polarity" not in _kinds(
        "The judge sentenced him to multiple life sentences with no chance of parole.",
        "The judge sentenced him to multiple life sentences without parole.",
    )
    assert "polarity" in _kinds(
        "The judge sentenced him to life with the possibility of parole.",
        "The judge sentenced him to life without parole.",
    )
    # ECB+ T1a (doc_0130 / doc_0332), T6a (doc_0126 / doc_0167): "declined to", "unable to" deny what follows
    assert "polarity" not in _kinds(
        "Her rep, however, declined to reveal Reid's reason for this seemingly abrupt decision.",
        "The rep would not reveal Reid's reason for this seemingly abrupt decision.",
    )
    assert "polarity" not in _kinds(
        "Twilight director Catherine Hardwicke was unable to reach a deal to direct the sequel.",
        "Twilight director Catherine Hardwicke failed to reach a deal to direct the sequel.",
    )
    # ECB+ T13a (doc_0097 / doc_0214): "failed" before a noun negates nothing; "failed to" still does
    assert "polarity" not in _kinds(
        "Palin, the former vice presidential candidate, attends the church.",
        "Palin, the failed VP candidate, attends the church.",
    )
    assert "polarity" in _kinds(
        "Twilight director Catherine Hardwicke failed to reach a deal to direct the sequel.",
        "Twilight director Catherine Hardwicke reached a deal to direct the sequel.",
    )
    # ECB+ T10b (doc_0244 / doc_0302): "longer" is a cue only after "no"
    assert "polarity" not in _kinds(
        "Teixeira wanted a deal longer than eight years.",
        "Teixeira wanted a contract of eight years.",
    )
    assert "polarity" in _kinds(
        "Putin said the issue will be resolved when Pyongyang is no longer threatened.",
        "Putin said the issue will be resolved when Pyongyang is threatened.",
    )
    # ECB+ T12a (doc_0045 / doc_0152), T4a (doc_0062 / doc_0270): "not only", "nothing but" are emphasis
    assert "polarity" not in _kinds(
        "INS Mysore on Saturday repulsed an attack on an Ethiopian merchant vessel.",
        "INS Mysore not only repulsed an attack on an Ethiopian merchant vessel but also captured 23 pirates.",
    )
    assert "polarity" not in _kinds(
        "She posed wearing a Santa hat for the famous pin-up photograph.",
        "She posed wearing nothing but a Santa hat for the famous pin-up photograph.",
    )
    # ... and "declined to say where she is receiving treatment" denies the saying, not the treatment
    assert "polarity" not in _kinds(
        "Her publicist declined to say where Lohan is receiving treatment.",
        "Her publicist said Lohan is receiving treatment.",
    )


def test_yet_to_and_a_re_spaced_contraction_negate():
    # ECB+ T18b: "had yet to" and "not yet" tell the same thing; T19b: "couldn ’ t" is "couldn't".
    assert "polarity" not in _kinds(
        "Police said Riva had yet to regain consciousness on Tuesday.",
        "Police said Riva had not yet regained consciousness on Tuesday.",
    )
    assert "polarity" not in _kinds(
        "A witness said she couldn ’ t see a gun in his hands.",
        "A witness said she couldn't see a gun in his hands.",
    )
    assert "polarity" in _kinds(
        "A witness said she couldn ’ t see a gun in his hands.",
        "A witness said she could see a gun in his hands.",
    )


def test_telling_someone_is_not_citing_a_source():
    assert "source_cited" not in _kinds(
        "Santorum also told Schieffer that public education was not working.",
        "Santorum also said that public education was not working.",
    )
    assert "source_cited" in _kinds(
        "Weiner told Fox News that his account was hacked.",
        "Weiner said that his account was hacked.",
    )


def test_a_spokesperson_opening_a_sentence_credits_the_body():

    # ECB+ T14a (doc_0226): "A" opening the clause is an article, not an acronym like "US": police are cited
    spokeswoman = fact_article_line("doc_0226.txt", "A police spokeswoman said other premises")
    plain = fact_article_line("doc_0286.txt", "Other premises suffered some damage")
    assert "source_cited" in _kinds(spokeswoman, plain)
    # ECB+ T14b (doc_0039): a spokesman for a body credits the body, as "Waitrose said" would ...
    waitrose = fact_article_line("doc_0039.txt", "A spokesman for Waitrose said")
    assert "source_cited" in _kinds(waitrose, fact_article_line("doc_0203.txt", "No-one was injured in the fire."))
    # ... and a person's spokesman no body: one outlet's "a spokesman for Governor Sarah Palin" against another's
    # plain telling is the quotation's business, not a cited source
    assert "source_cited" not in _kinds(
        "A spokesman for Governor Sarah Palin said she was sorry if the fire was connected to her campaign.",
        "Palin was sorry if the fire was connected to her campaign.",
    )


def test_a_group_of_clauses_alone_is_read_without_error():
    # Clause members (part=True) of two outlets and no whole sentence: every family that leaves out the silent
    # clauses is left with no side, and must say nothing rather than fail (ECB+ T14a doc_0188 / doc_0264 clauses)
    diffs, _ = classify_group(
        [
            Member("a", 0, "which began on the roof of the supermarket in Banstead", part=True),
            Member("b", 0, "which broke out on the roof at about 2045 GMT on Friday.", part=True),
        ],
        {},
    )
    assert all(d.kind != "loaded_term" for d in diffs)


def test_words_quoted_by_one_outlet_and_told_plainly_by_another():
    diffs, _ = classify_group(
        [
            Member("a", 0, 'Putin said "the channel is open on our side" and Moscow is ready.'),
            Member("b", 0, "Putin said the channel is open on our side and Moscow is ready."),
        ],
        {},
    )
    (quote,) = diffs
    assert quote.kind == "quote" and quote_form_of(quote) == "absent"
    assert "without quote marks in b" in quote.detail


def test_a_name_spelled_another_way_inside_a_quote_keeps_it_verbatim():
    members = [
        Member("A", 0, '"We will keep supplying weapons to Kyiv for as long as it takes," the minister said.'),
        Member("B", 0, '"We will keep supplying weapons to Kiev for as long as it takes," the minister said.'),
    ]
    found, _ = _classify(members)
    assert quote_form_of(found["quote"]) == "verbatim"
    assert not is_disagreement(found["quote"])
    assert "Kiev" in found["name_variant"].detail and "Kyiv" in found["name_variant"].detail
    assert set(found) == {"quote", "name_variant"}


def test_unit_mismatch_detail_shows_the_units():
    members = [
        Member("A", 0, "The ministry approved 50 million dollars in emergency aid for the flooded farms."),
        Member("B", 0, "The ministry approved 50 million euros in emergency aid for the flooded farms."),
    ]
    found, _ = _classify(members)
    assert "$50 million" in found["number"].detail and "€50 million" in found["number"].detail


def test_added_place_and_day_are_where_and_when_not_who():
    members = [
        Member("A", 0, "The foreign minister met the Russian ambassador to discuss the detained fishermen."),
        Member(
            "B",
            0,
            "The foreign minister met the Russian ambassador in Vienna on Tuesday to discuss the detained fishermen.",
        ),
    ]
    found, _ = _classify(members)
    detail = found["added_detail"].detail
    assert "when, where" in detail and "who" not in detail


def test_a_negation_reaches_only_what_it_denies():
    """ECB+ development articles, each pair told by two outlets of one event with no contradiction between them."""
    # A clause under a negation asserts nothing (doc_0020 / doc_0372)
    assert "polarity" not in _kinds(
        "The church's pastor, Larry Kroon, declined to say whether the church had received any recent threats.",
        "The fire chief has said an investigation is underway noting that there hadn't been any recent threats to "
        "the church.",
    )
    # "denied" and "refused" with an object turn it down; the thing stays (doc_0405 / doc_0402)
    assert "polarity" not in _kinds(
        "The frustrated prosecutor gambled on getting a death penalty decision when he denied a Nichols offer a year "
        "ago to plead guilty in exchange for a life prison sentence.",
        "Ironically Nichols had offered to plead guilty in return for life behind bars but prosecutors had refused.",
    )
    # A clause break ends the reach (doc_0009 / doc_0060)
    assert "polarity" not in _kinds(
        "Reid, 33, with a reputation as one who drinks and parties long and hard, none more so when she was "
        "photographed on the red carpet with a breast exposed.",
        "Reid, 33, was infamously photographed topless on the red carpet when her dress slipped off.",
    )
    # ... while a denial of the same claim still flips it (bench framing's edits)
    assert "polarity" in _kinds(
        "We are at 5280 feet in Denver so I boiled mine for 20 minutes.",
        "We are not at 5280 feet in Denver so I boiled mine for 20 minutes.",
    )


def _negated(text: str) -> set[str]:
    """The stems a sentence negates, as the polarity family reads them."""
    from srccompare.compare.differences.framing import _negated_anchors
    from srccompare.compare.differences.reading import read_sides

    (side,) = read_sides([Member("a.txt", 0, text)], {})
    return {stem for stem, (negated, _, _) in _negated_anchors(list(side.words)).items() if negated}


def test_what_a_negation_denies_in_real_sentences():
    # ECB+ doc_0102: a quotation ends the reach, and "American" after a quotation mark is a name
    assert (
        _negated(
            "After telling People in October that she didn't “need to do any of that anymore,” “American Pie” actress "
            "and former travel reporter Tara Reid checked into Promises Treatment Center on Friday."
        )
        == set()
    )
    # doc_0066: the teams are there, what they did is denied
    assert not any(
        s.startswith("team")
        for s in _negated(
            "None of the other teams in the Teixeira sweepstakes -- the Boston Red Sox, Baltimore Orioles and "
            "Washington Nationals -- has been reported to have offered more than eight years."
        )
    )
    # doc_0020: "not at the church" denies no church
    assert _negated("Palin, who was not at the church at the time of the fire, stopped by Saturday.") == set()
    # ... and a plain denial still negates its word (doc_0037: "would not discuss a possible motive")
    assert any(s.startswith("discus") for s in _negated("The police would not discuss a possible motive."))


def test_possibilities_joined_by_or_are_asserted_by_neither():
    # BASIL development triplet (NYT / HuffPost on Michael Steele): one outlet says he will announce whether he
    # steps down or seeks a second term, the other that he is expected not to seek one; no outlet asserts "seek".
    assert "polarity" not in _kinds(
        "The battle for control of the Republican National Committee will take a new turn on Monday when Michael "
        "Steele announces whether he plans to step down as party chairman or will disregard the onslaught of "
        "criticism about his oversight of the committee and seek a second term.",
        "RNC Chairman Michael Steele is expected by some to announce that he will not seek a second term as the head "
        "of the Republican National Committee, according to multiple reports.",
    )
    # A "whether" clause with no "or" may be the subject of a claim that is denied (bench framing's edit).
    assert "polarity" in _kinds(
        "Rudolph's role in the fight and whether he deserves any type of punishment was a hot button topic in the "
        "days immediately following the fight.",
        "Rudolph's role in the fight and whether he deserves any type of punishment was not a hot button topic in the "
        "days immediately following the fight.",
    )


def test_a_negation_reaches_every_item_of_its_list():
    # BASIL development triplet (HuffPost / NYT on the Treasury's same-sex marriage rule): both deny that the rule
    # covers domestic partnerships; the comma inside NYT's list had ended the denial's reach.
    assert "polarity" not in _kinds(
        "The policy only applies to married couples, and not those in domestic partnerships or same-sex unions.",
        "But it does not extend to civil unions, registered domestic partnerships or other legal relationships, the "
        "Treasury said.",
    )
    # A comma before another clause still ends it: the second clause is asserted.
    assert "domestic" not in " ".join(
        _negated("The rule does not cover civil unions, but the Treasury said domestic partnerships were covered.")
    )


def test_a_hedge_counts_where_another_outlet_tells_what_it_hedges():
    # ECB+ T18b (doc_0398 / doc_0001 / doc_0146): two outlets say the gunman "may have intended to shoot another one";
    # the others in the group tell where police found him and whom he sought, not what he intended.
    assert "hedge" not in _kinds(
        "Police said LaCalamita targeted the two managers and also may have intended to shoot another one.",
        "Police said they had located Anthony LaCalamita, 38, of Troy on Interstate 75, north of the suburban Detroit "
        "office building where the shootings took place.",
        'The suspect, 38-year-old Anthony LaCalamita, was "deliberately seeking out these individuals," according to '
        "Troy police Lt. Gerry Scherlinck.",
    )
    # Written after a BASIL development triplet (NYT / Fox on Steele's conference call): an outlet whose hedge is on a
    # claim nobody else tells ("could decide the race") is left out of the line, neither hedging this claim nor
    # telling it without a hedge.
    found, _ = _classify(
        [
            Member("a", 0, "Steele is expected to disclose his intentions during a conference call on Monday evening."),
            Member("b", 0, "Steele asked members to join a private conference call that could decide the race."),
            Member("c", 0, "Steele will disclose his intentions on the call on Monday evening."),
        ]
    )
    assert found["hedge"].used == {"a": ("expected to",), "c": ()}


def test_a_source_named_less_precisely_is_the_same_source():
    # ECB+ T14a (doc_0075, doc_0103, doc_0188): the Surrey Police spokeswoman, Surrey police and police are one source
    spokeswoman = (
        "A Surrey Police spokeswoman said: “The fire has progressed rapidly through the store which is almost "
        "totally destroyed.”"
    )
    statement = (
        "A statement from Surrey police said the blaze at the Waitrose store on the High Street in Banstead was being "
        "treated as “potentially suspicious”."
    )
    police = "Police said: “The fire progressed rapidly through the store which is almost totally destroyed.”"
    assert "source_cited" not in _kinds(spokeswoman, police)
    assert "source_cited" not in _kinds(statement, police)
    # ... while two bodies are two sources
    assert "source_cited" in _kinds(
        spokeswoman, "Surrey Fire and Rescue said: “The fire has progressed rapidly through the store.”"
    )


def test_a_name_after_a_quotation_mark_or_opening_a_clause_is_no_loaded_adverb():
    # ECB+ T5b (doc_0243): "the “Philly Max”" names the offer; an -ly name is no manner adverb
    assert "loaded_term" not in _kinds(
        "Brand spurned the Clippers for the Sixers ' $80 million offer -- the “Philly Max,” as Brand later called it.",
        "Brand spurned the Clippers for the Sixers ' $80 million offer, as Brand later called it.",
    )
    # a clause of a longer sentence that opens with a name does not open the sentence (ECB+ doc_0243: "No matter what
    # the stats say, Philly looks and plays slower this season.")
    diffs, _ = classify_group(
        [
            Member("a", 0, "Philly looks and plays slower this season.", part=True),
            Member("b", 1, "The team looks and plays slower this season."),
        ],
        {},
    )
    assert "loaded_term" not in {d.kind for d in diffs}


def test_a_record_vote_or_score_told_two_ways_is_a_number_difference():
    # ECB+ T5a (doc_0179 / doc_0393): the coach's record, a tally of wins and losses, in two outlets
    record = fact_article_line("doc_0179.txt", "162-139")
    mark = fact_article_line("doc_0393.txt", "122-147")
    diffs, _ = classify_group([Member("a", 0, record), Member("b", 1, mark)], {})
    (number,) = [d for d in diffs if d.kind == "number"]
    assert number.used == {"a": ("162-139",), "b": ("122-147",)} and number.form is None
    # a vote told with a hyphen or with "to", miscounted by one
    assert _used(
        "The Senate voted 52-47 on Tuesday to pass the bill.",
        "The Senate passed the bill on Tuesday by a vote of 53 to 47.",
    ) == {
        "a": ("52-47",),
        "b": ("53 to 47",),
    }
    # ... but not a score told from the other side, a tally the other text also gives, last season's start against
    # this one's (18-30 / 9-14: totals far apart), a range, or two tallies of two claims
    assert "number" not in _kinds(
        "The Lakers beat the Celtics 102-98 on Sunday.", "The Celtics lost 98-102 to the Lakers on Sunday."
    )
    assert "number" not in _kinds(
        fact_article_line("doc_0393.txt", "18-30"), fact_article_line("doc_0158.txt", "9-14 start")
    )
    ranges = _used("The talks lasted 5-10 minutes on Tuesday.", "The talks lasted 6-12 minutes on Tuesday.")
    assert ranges is not None and "5-10" not in ranges["a"]  # the ends of two ranges, compared as before
    assert "number" not in _kinds(
        "The jury deadlocked at 9-3 on the death penalty.", "The Sixers have lost eight straight and are 2-8 at home."
    )


def test_a_figure_told_beside_a_past_month_of_an_undated_article_is_of_another_happening():
    # ECB+ T20a (doc_0008 / doc_0338), neither article dated: September's quake, recalled, is not this one
    past = "The same island was hit by a 6.1 quake in September."
    now = "Iran's state television says a magnitude-5.2 quake has injured three people in the Persian Gulf Island of Qeshm."
    assert "number" not in _kinds(past, now)
    # ECB+ T12a (doc_0159 / doc_0056): an earlier capture by another navy
    assert "number" not in _kinds(
        "Early November, the British Royal Navy had captured eight pirates, who were subsequently handed over to "
        "Kenya to face trial in the port town of Mombasa.",
        "The Indian navy has captured 23 Somalian pirates.",
    )
    # ... while a month with its day dates the report's own happening, and two recalls of one month still compare
    assert _used("The quake struck on November 27, killing 10 people.", "The quake killed 13 people, officials said.")
    both = _used(
        "That temblor killed at least six people, injured almost 50 and caused heavy damage in September.",
        "A powerful quake struck southern Iran in September near Bandar Abbas, killing at least seven people.",
    )
    assert both == {"a": ("six",), "b": ("seven",)}


def test_the_time_between_two_happenings_is_not_how_long_something_lasted():
    # ECB+ T8a (doc_0037 / doc_0017): years with the force, and years since a promotion
    assert "number" not in _kinds(
        "Captain Tennant was a 28-year veteran of the Woodburn Police Department, and Trooper Hakim, a bomb "
        "technician, had been with the force for 11 years.",
        "Tennant was promoted to captain four years ago.",
    )
    # ECB+ T9a (doc_0390 / doc_0299): a rule in force in 30 days, and nine days before an inauguration
    assert "number" not in _kinds(
        "The changes, which will go into effect in about 30 days, were completed in just four months.",
        "The new endangered species rule takes effect nine days before Obama's inauguration.",
    )
    # ECB+ T4a: a hospital stay and the days since a heart attack are shown apart, each still compared
    stay = "Page had been hospitalized for the past three weeks for pneumonia."
    since = "Page suffered a heart attack nine days earlier and never regained consciousness."
    diffs, _ = classify_group(
        [
            Member("a", 0, "She had been hospitalized in Los Angeles for four weeks due to pneumonia."),
            Member("b", 0, stay),
            Member("c", 0, since),
            Member("d", 0, "Page died in a Los Angeles hospital after suffering a heart attack two weeks ago."),
        ],
        {},
    )
    (number,) = [d for d in diffs if d.kind == "number"]
    things = {u.text: u.thing for uses in number.numbers.values() for u in uses}
    assert things == {
        "four weeks": "duration",
        "three weeks": "duration",
        "nine days": "interval",
        "two weeks": "interval",
    }


def test_a_range_of_shares_is_compared_by_its_ends():
    # ECB+ T20b (doc_0195 / doc_0275): the share of buildings destroyed, two ranges with one low end; the high ends
    # disagree, and "40" of "between 40 and 80 percent" is a share, not a bare number written another way
    governor = (
        "Abdolreza Sheikholeslami, the governor of Hormozgan Province, the center of the damaged area, said 40 percent "
        "to 70 percent of the buildings in seven villages were destroyed, IRNA reported."
    )
    worst = "The worst hit villages sustained between 40 and 80 percent damage."
    assert _used(governor, worst) == {"a": ("70 percent",), "b": ("80 percent",)}
    (low, high) = find_numbers(worst)
    assert (low.value, low.unit, low.upper, high.value) == (40.0, "%", 80.0, 80.0)


def test_an_adverb_that_tells_how_something_happened_is_no_loaded_term():
    # ECB+ T3a (doc_0114 / doc_0010): relatives "quietly wept"; a judging adverb in its place still is one
    plain = (
        "Nichols, who argued he was mentally insane when he carried out the killings, spoke for the first time in "
        "court on Saturday."
    )
    wept = (
        "Nichols, who argued he was insane when he carried out the killings, spoke for the first time in court on "
        "Saturday as relatives of the victims ' families quietly wept."
    )
    assert "loaded_term" not in _kinds(wept, plain)
    assert "loaded_term" in _kinds(wept.replace("quietly", "shamelessly"), plain)
    # ECB+ T7a (doc_0147 / doc_0309): how much a boxer punched is a degree, not a judgement
    ropes = "He spent a lot of time laying on the ropes starting in the third round, barely punching at all."
    round_ = (
        "In the sixth Klitschko landed a pair of left hooks to floor an off-balanced Rahman, who spent most of his time "
        "during the round on the ropes."
    )
    assert "loaded_term" not in _kinds(ropes, round_)


def test_the_day_of_a_happening_told_two_ways_is_a_number_difference():
    # ECB+ T20b (doc_0195), its day changed as another outlet might give it
    sunday = fact_article_line("doc_0195.txt", "A powerful earthquake hit southern Iran on Sunday")
    assert _used(sunday, sunday.replace("Sunday", "Saturday")) == {"a": ("Sunday",), "b": ("Saturday",)}
    # ... but not the day a source spoke, which differs with the day each outlet reported it
    said = "Police said on Monday that the quake struck on Sunday, killing 10 people."
    assert "number" not in _kinds(said, said.replace("Monday", "Tuesday"))
    # a day of the month told two ways is shown once, as a date (not also as its digits "27" / "26")
    dated = "The quake struck on November 27, killing 10 people."
    assert _used(dated, dated.replace("27", "26")) == {"a": ("November 27",), "b": ("November 26",)}


def test_one_persons_age_told_two_ways_is_a_number_difference():
    # ECB+ T18b: the gunman's age set off after his name; one outlet a year off
    age = "LaCalamita, 38, was arrested after a chase on Interstate 75."
    assert _used(age, age.replace("38", "39")) == {"a": ("38",), "b": ("39",)}
    # ... two people's ages are two figures
    assert "number" not in _kinds(age, "Steinberg, 48, died at the scene after a chase on Interstate 75.")


def test_a_vote_written_with_to_after_its_verb_is_one_tally():
    # the count of a vote is shown whole, never also its first count alone; a range after such a verb stays a range
    passed = "The bill passed the Senate 52 to 48 on Tuesday, sending it to the president."
    assert _used(passed, passed.replace("52 to 48", "51 to 49")) == {"a": ("52 to 48",), "b": ("51 to 49",)}
    homes = "The council approved 30 to 40 new homes on Tuesday."
    ranges = _used(homes, homes.replace("30 to 40", "35 to 40"))
    assert ranges is None or "30 to 40" not in ranges["a"]


def test_ages_far_apart_are_two_happenings_of_a_life():
    # ECB+ T4a (doc_0389 / doc_0232): her age as a girl and at her death
    girl = (
        "At the age of 10, Page began to mimic actresses and perform songs for the other girls at the orphanage before "
        "her mother reclaimed her children after a year."
    )
    died = "Bettie Page has died at the age of 85 after suffering a heart attack earlier this month."
    assert "number" not in _kinds(girl, died)
    # ... while one age told two ways is still a difference, even with its digits swapped
    assert _used(died, died.replace("85", "58")) == {"a": ("85",), "b": ("58",)}


def test_counts_of_one_noun_far_apart_are_one_count_only_in_one_claim():
    # ECB+ T12a (doc_0408 / doc_0260): vessels rescued last month, vessels held for ransom
    rescued = (
        "Last month, Navy warship INS Tabar, a missile-frigate, had sunk a mother ship of the pirates and had also "
        "rescued two merchant vessels under attack."
    )
    held = "They still hold at least 14 foreign vessels and more than 300 crew members to ransom."
    assert _used(rescued, held) is None
    # ... in one claim they are one count told two ways
    assert _used(rescued, rescued.replace("two", "five")) == {"a": ("two",), "b": ("five",)}


def test_a_nautical_mile_is_no_mile_written_another_way():
    def number_line(*texts: str) -> str | None:
        diffs, _ = classify_group([Member(chr(97 + i), 0, t) for i, t in enumerate(texts)], {})
        return next((d.detail for d in diffs if d.kind == "number"), None)

    # ECB+ T12a (doc_0387 / doc_0053): the report had called these one figure in two notations ("13" / "13 miles")
    line = number_line(
        "Indian naval ship Mysore, a destroyer, picked up a distress call from merchant vessel Gibe, which flies an "
        "Ethiopian flag, when it was 13 nautical miles (about 24km) from the cargo ship.",
        "The Indian warship, which was escorting merchant ships some 13 miles away, responded to the distress call.",
    )
    assert line is None or ("notation only" not in line and "nautical miles" in line)
    # ... while the same distance in nautical miles and kilometres still is
    line = number_line(
        "The Mysore was about 13 nautical miles away from the merchant vessel.",
        "The Mysore was about 24 km away from the merchant vessel.",
    )
    assert line == 'number: notation only, "13 nautical miles" (a) vs "24 km" (b)'


def test_a_negation_in_an_aim_or_a_condition_is_told_two_ways_only_in_the_same_words():
    # ECB+ T9a (doc_0030, doc_0299, doc_0341): what the agencies were to make sure of, or would decide, is no denial that
    # their projects harm species
    assert "polarity" not in _kinds(
        "The rules would allow federal agencies to bypass those scientists in some cases if the agencies determined "
        "that the endangered species would not be harmed.",
        "Under the new rule, federal agencies can in many cases simply check with their own personnel to determine if "
        "their activities will harm any of the animal and plant species listed as endangered.",
    )
    assert "polarity" not in _kinds(
        "The regulations eliminate a requirement that federal agencies seek review by government scientists before "
        "approving logging and mining projects to make sure the activities don't endanger rare animals and plants.",
        "The regulations would let federal agencies seek review by government scientists only where they decide "
        "that logging and mining projects endanger rare animals and plants.",
    )
    # ... while the same condition told once negated and once not still is
    assert "polarity" in _kinds(
        "The agencies may go ahead if they determine that the endangered species would not be harmed by the dam.",
        "The agencies may go ahead if they determine that the endangered species would be harmed by the dam.",
    )


def test_a_remark_another_outlet_quotes_in_another_sentence_is_not_quoted_by_one_outlet_only():
    # ECB+ T1a: seven outlets quote the publicist's "We appreciate your respect ..."; the sentence one of them put it
    # in joined another fact, where the report had said it was quoted by that outlet only
    from srccompare.model import Article
    from srccompare.nlp.sentences import split_sentences

    def made(aid: str, paragraphs: list[str]) -> Article:
        return Article(id=aid, path=aid, paragraphs=tuple(paragraphs), sentences=tuple(split_sentences(paragraphs)))

    remark = "“We appreciate your respect to her and her family's privacy at this time,” her publicist said."
    a = made(
        "a", ["Tara Reid has checked into the Promises Treatment Centre in Malibu, her publicist confirmed. " + remark]
    )
    b = made("b", ["Tara Reid has checked into the Promises Treatment Centre in Malibu.", "She is 33.", remark])
    members = [Member("a", 1, a.sentences[1].text), Member("b", 0, b.sentences[0].text)]
    diffs, _ = classify_group(members, {"a": a, "b": b})
    assert "quote" not in {d.kind for d in diffs}
    # ... while one that nobody else quotes still is
    c = made("c", ["Tara Reid has checked into the Promises Treatment Centre in Malibu.", "She is 33."])
    members = [Member("a", 1, a.sentences[1].text), Member("c", 0, c.sentences[0].text)]
    diffs, _ = classify_group(members, {"a": a, "c": c})
    assert "quote" in {d.kind for d in diffs}
