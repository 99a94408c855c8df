"""Hand-labelled key facts of real ECB+ events (tests/data/facts): the labels are sound, the scorer
(bench/factscore.py) reads a report as the labels mean, and the current code keeps its scores.

Runs on a fresh clone: the labelled articles are copied into tests/data/facts/articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.factscore import (
    ARTICLES,
    LABELS,
    Score,
    SentenceIndex,
    _distinct_sources,
    _source_words,
    label_problems,
    labelled_events,
    load_labels,
    run_event,
    score_report,
    total,
    value_key,
)

EVENTS = labelled_events(LABELS)


def test_there_are_labelled_events():
    assert len(EVENTS) >= 1
    for event in EVENTS:
        # the README's format: 8 to 15 key facts an event, each told by several of its articles
        assert 8 <= len(event.facts) <= 15
        assert len(event.own) >= 3


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_labels_are_sound(event):
    """Format, every passage verbatim in its file, every article of the event in every fact."""
    assert label_problems(event, ARTICLES) == []


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_label_file_keeps_the_readme_format(event):
    doc = json.loads((LABELS / f"{event.name}.json").read_text(encoding="utf-8"))
    assert set(doc) == {"files", "facts", "not_facts"}
    for fact in doc["facts"]:
        assert set(fact) == {"id", "what", "kind", "mentions"}
        for mention in fact["mentions"].values():
            if mention is not None:
                assert {"text", "value", "source"} <= set(mention) <= {"text", "value", "source", "also"}
    for line in doc["not_facts"]:
        assert set(line) == {"file", "text"}


def test_a_passage_finds_the_sentences_it_spans_despite_cleaning():
    # ECB+ detokenisation leaves "5. 9"; a splitter may cut there, and a cleaner may fold quote marks.
    index = SentenceIndex(
        ["A 5.", "9 magnitude earthquake has leveled seven villages.", "\u201cWe panicked,\u201d she said."]
    )
    assert index.sentences("A 5. 9 magnitude earthquake has leveled seven villages.") == {0, 1}
    assert index.sentences("leveled seven villages") == {1}
    assert index.sentences('"We panicked," she said.') == {2}
    assert index.sentences("nothing like this") == set()


def test_a_short_line_prefers_the_sentence_it_is_over_one_it_is_inside():
    index = SentenceIndex(["Experts weigh the seismic risk of tall towers.", "Seismic risk"])
    assert index.sentences("Seismic risk") == {1}


def test_sources_differ_by_whom_they_name_not_by_how():
    def count(*sources):
        return _distinct_sources(_source_words(s) for s in sources)

    # T18b: a surname and the full name with a title are one source; the police and nobody are two.
    assert count("Scherlinck", "police spokeswoman Sgt. Kathy Scherlinck") == 1
    assert count("the police", "police", None) == 2
    # T8b: another spelling of one name is a name variant, not another source.
    assert count("Greek President Carolos Papoulias", "Greek President Karolos Papoulias") == 1
    assert count("police", "the Interior Ministry") == 2


def test_value_keys_ignore_hedges_but_not_figures():
    assert value_key("at least 10") == value_key("10") == value_key("ten")
    assert value_key("1,500 km") == value_key("1500 km")
    assert value_key("5.9") != value_key("6.1")
    assert value_key("5.9 or 6.1") != value_key("5.9")
    assert value_key("dozens") != value_key("80")
    assert value_key("1940s and '50s") == value_key("1940s and 1950s") != value_key("1940s")  # ECB+ T4b's decades
    assert value_key(None) is None
    # a sum is read whole, as the report's figures are ("110 billion euros" against "$143 billion" of one
    # T8b sentence), and a calibre's leading point is kept (T19b's ".38" / ".357")
    assert value_key("110 billion euros ($143 billion)") == (110e9, 143e9)
    assert value_key("30bn euros") == value_key("30 billion") != value_key("30")
    assert value_key(".38") == (0.38,) != value_key("38")
    assert value_key("around 10 a.m.") == (600.0,)  # "a.m." is no million
    # times of day and spans as the report gives them (minutes after midnight, seconds): ECB+ T14a's roads
    # reopened "by 4.30pm" / "about 1630 GMT" are one time, T20b's tremor "about 1 minute" / "30 seconds" two spans
    assert value_key("by 4.30pm") == value_key("about 1630 GMT") == (990.0,) != value_key("around 10:30 a.m.")
    assert value_key("about 1 minute") == value_key("about a minute") == (60.0,) != value_key("30 seconds")
    # a time written bare is a time too (ECB+ T12b's boats spotted "about 9:25" / "9.25 a.m.", T14b's "06:00" / "6am")
    assert value_key("about 9:25") == value_key("9.25 a.m.") == (565.0,)
    assert value_key("06:00") == value_key("about 6am") != value_key("about 09:30")
    assert value_key("nearly eight hours") == (28800.0,)
    # tens in words, alone or with a unit, and a dozen (ECB+ T18a: "sixty-one", "at least a dozen" / "Twelve other")
    assert value_key("sixty-one") == value_key("61") != value_key("one")
    assert value_key("thirty people") == (30.0,)
    assert value_key("at least a dozen") == value_key("Twelve other") == (12.0,)
    assert value_key("possibly a couple") == value_key("two") == (2.0,)  # ECB+ T13a's children inside
    assert value_key("second") == value_key("twice") == (2.0,)  # ECB+ T2b: her second time as host / "twice"


def _toy_report(groups, outlets):
    return {
        "events": [
            {
                "id": "E1",
                "facts": [
                    {"id": gid, "members": [{"article": a, "sentence": i} for a, i in members], "differences": diffs}
                    for gid, members, diffs in groups
                ],
                "outlets": outlets,
            }
        ]
    }


def test_false_omissions_of_a_groups_main_fact_leave_out_the_facts_a_member_also_tells():
    """A group about the island's population that also holds another outlet's sentence giving the local time: an
    outlet telling both, listed as omitting the group, falsely omits the population (the group's main fact) and, by
    the stricter measure, the time too."""
    event = load_labels(LABELS / "T20b.json")
    population, local_time = (next(f for f in event.facts if f.id == i) for i in ("T20b.k5", "T20b.k6"))
    sentences = {
        n: [ln for ln in (ARTICLES / n).read_text(encoding="utf-8").splitlines() if ln.strip()] for n in event.own
    }

    def line(fact, name):
        passage = fact.mentions[name].texts[0]
        return next(i for i, s in enumerate(sentences[name]) if passage in s or s in passage)

    both = [n for n in event.own if population.mentions.get(n) and local_time.mentions.get(n)]
    apart = [n for n in both if line(population, n) != line(local_time, n)]
    x, y = [n for n in event.own if population.mentions.get(n) and n not in apart[:2]][:2]
    t, w = apart[:2]
    groups = [("E1.F1", [(x, line(population, x)), (y, line(population, y)), (t, line(local_time, t))], [])]
    score = score_report(event, _toy_report(groups, {w: {"added": [], "omitted": ["E1.F1"]}}), sentences)
    assert {f"{population.id} {w}", f"{local_time.id} {w}"} <= set(score.misses["false_omitted"])
    assert (score.false_omitted, score.false_omitted_main) == (2, 1)


def test_scorer_counts_each_measure_on_a_hand_made_report():
    """The earthquake event with a report written by hand: every measure counted as the README says."""
    event = load_labels(LABELS / "T20b.json")
    k1 = event.facts[0]  # the death toll: told by several articles, with different values
    tellers = [n for n, m in k1.mentions.items() if m is not None]
    sentences = {}
    for name in event.own:
        text = (ARTICLES / name).read_text(encoding="utf-8")
        sentences[name] = [line for line in text.splitlines() if line.strip()]
    where = {}
    for name in tellers:
        passage = k1.mentions[name].texts[0]
        where[name] = next(i for i, s in enumerate(sentences[name]) if passage in s or s in passage)
    a = tellers[0]
    b = next(n for n in tellers if value_key(k1.mentions[n].value) != value_key(k1.mentions[a].value))
    c = next(n for n in tellers if n not in (a, b))
    caption_file, caption = event.not_facts[0]
    caption_at = sentences[caption_file].index(caption)
    groups = [
        ("E1.F1", [(a, where[a]), (b, where[b])], [{"kind": "number", "detail": "", "articles": [a]}]),
        ("E1.F2", [(c, where[c])], []),
        ("E1.F3", [(caption_file, caption_at)], []),
    ]
    outlets = {a: {"added": [], "omitted": ["E1.F2"]}, c: {"added": ["E1.F2"], "omitted": ["E1.F1"]}}
    score = score_report(event, _toy_report(groups, outlets), sentences)
    n = len(tellers)
    assert score.pairs >= n * (n - 1) // 2  # k1's pairs, plus the other facts'
    assert f"{k1.id} {a} ~ {b}" not in score.misses["aligned"]  # they share E1.F1
    assert f"{k1.id} {min(a, c)} ~ {max(a, c)}" in score.misses["aligned"]  # c sits alone
    assert k1.id not in score.misses.get("number", [])  # a and b differ in value in a group with a number diff
    assert {f"{k1.id} {a}", f"{k1.id} {c}"} <= set(score.misses["false_omitted"])
    assert f"{k1.id} {c}" in score.misses["false_added"]
    assert score.not_facts_reported == 1
    # E1.F1 joins two labelled passages of k1 from two articles: one linked pair, telling a same fact.
    assert (score.linked, score.linked_same) == (1, 1)
    # ... a second group repeating that pair counts it again as linked, never again as grouped
    again = [*groups, ("E1.F4", [(a, where[a]), (b, where[b]), (c, where[c])], [])]
    twice = score_report(event, _toy_report(again, outlets), sentences)
    assert (twice.linked, twice.linked_same) == (4, 4)
    assert (twice.grouped, twice.grouped_same) == (3, 3)
    # ... and its number disagreement is backed by k1's two values
    assert (score.number_claims, score.number_backed) == (1, 1)
    # a number difference that does not show k1's values flags k1 but compares nothing
    assert (score.number_flagged, score.number_compared) == (1, 0)
    shown = {n: [{"value": value_key(k1.mentions[n].value)[0]}] for n in (a, b)}
    groups[0][2][0]["numbers"] = shown
    assert score_report(event, _toy_report(groups, outlets), sentences).number_compared == 1
    # a measure's value is in its base unit ("more than 100 mph": 44.704 m/s): the text as written counts too
    groups[0][2][0]["numbers"] = {n: [{"value": -1.0, "text": k1.mentions[n].value}] for n in (a, b)}
    assert score_report(event, _toy_report(groups, outlets), sentences).number_compared == 1
    groups[0][2][0]["numbers"] = {n: [{"value": -1.0, "text": "somewhere"}] for n in (a, b)}
    assert score_report(event, _toy_report(groups, outlets), sentences).number_compared == 0
    groups[0][2][0].pop("numbers")
    # a number disagreement in a group of one article's passage backs nothing
    groups[1] = ("E1.F2", [(c, where[c])], [{"kind": "number", "detail": "", "articles": [c]}])
    score = score_report(event, _toy_report(groups, outlets), sentences)
    assert (score.number_claims, score.number_backed) == (2, 1)
    assert score.misses["number_backed"] == ["E1.F2"]
    # an identical copy the report compares once, as its original (a "duplicate" notice), stands for the original:
    # c, alone in E1.F2 before, aligns with a and b once the report says c is a copy of a
    report = _toy_report(groups, outlets)
    assert f"{k1.id} {min(a, c)} ~ {max(a, c)}" in score_report(event, report, sentences).misses["aligned"]
    report["notices"] = [{"kind": "duplicate", "articles": [a, c]}]
    misses = score_report(event, report, sentences).misses.get("aligned", [])
    assert f"{k1.id} {min(a, c)} ~ {max(a, c)}" not in misses and f"{k1.id} {min(b, c)} ~ {max(b, c)}" not in misses


# The quality gate on the labelled events with the current code, like trafilatura's eval_gate: each
# floor sits a little below what the code scores today and is raised as the method improves (issue 14
# targets: aligned and number >= 0.90, false omitted and false added <= 0.05, no non-fact reported).
# linked_same: the groups' precision (labelled member pairs telling a same key fact), 0.550 today: lowering
# the link bars raises the aligned pairs and lowers it (docs/thresholds.md), so both are gated.
# omissions_found: the true omissions listed (an article that does not tell a fact most of the other voices
# tell, listed as omitting a group holding it), 0.223 once: an omission check that vetoes everything would meet
# the false_omitted ceiling, so the recall it keeps is gated too. 0.215 -> 0.180 when "most" became more than
# half of the other voices, not half (2026-12-06; the bench's true omissions redefined the same way).
# number_backed: of the groups the report calls a number disagreement (with a labelled passage), those holding
# one labelled figure with two values, 0.930 today (0.774 before a count of two things needed like words around
# it, 0.884 before spans of time, populations and crowds were read as counts of people only, 0.909 before a count
# of things stopped being a toll, when a T20b group began to show two places' populations; 0.930 since two years
# disagree only where the words around them tell one happening): a lower bound on those claims' precision.
# 0.785 since T18a and T19a joined (labelled blind, 2026-12-06): T19a's eight days of riots, told by undated
# articles written on different days, give day counts that differ from article to article (2 of its 11
# disagreements are backed by the labels); 0.921 / 0.857 on the tuned / held-out events of before; 0.794 today
# (figures of one thing ten times apart need one claim; an age spelled in letters is no arrest count).
# number: a fact whose values differ, credited for any number difference of a group holding it; 0.674 today, down
# from 0.739 as wrong disagreements went that had been credited ("20,000 scientists-the" / "20,000 letter" for
# T9b's date of the rule, "'50s" / "1950s" for T4b's decades, spans ten times apart on a held-out event).
# number_compared: the stricter count, a difference showing two of the labelled values; 0.370 before the labels'
# sums were read whole ("110 billion euros" had been 110 against the report's 1.1e11) and ".38" as 0.38; 0.435 then,
# 0.457 (T20b's magnitudes compared as one measured thing); 0.500, a measure's figure read as written too
# ("more than 100 mph", whose value the report gives in metres a second); 0.432 today over the eighteen events,
# with the blind T1b, T2b, T7b, T11a, T13a and T14a.
# aligned: 0.719 over the eighteen events, 0.736 since a clause of a longer sentence joins the fact it tells
# (2026-12-06); number 0.712 since spans shorter than a day are counts of one claim, 0.736 (53 of 72) once shares
# written as fractions, a place's population and spans told without a number were compared (tenth session).
# Eleventh session, the link model with who-said-it left out of the aligner's words: aligned 0.738 -> 0.762, number
# 0.736 -> 0.778 (56 of 72), linked_same 0.556 -> 0.544, false_added 0.076 -> 0.061, false_omitted 0.038 -> 0.041.
# source (sources flagged): 0.702 -> 0.715 in the twelfth session (a body's spokesperson cites the body; "A police
# spokeswoman said" read as a source), floor 0.70.
# Sixteenth session (2026-12-07): three more events labelled blind and held out (T6a, T11b, T16b) bring every
# share down, not the code: aligned 0.783 -> 0.751 (T16b: 208 of its 303 pairs in other events, a killing in 2005 and
# the verdict in 2007), number 0.792 -> 0.693 (61 of 88), false_added 0.058 -> 0.073 (T6a: 23 of its 65 mentions).
FLOORS = {
    # 0.766 -> 0.783 since outlets giving one age share a fact (figure_groups._described) and since the aligner's
    # words fold number words, abbreviated months, acronym plurals and units written several ways (nlp.tokens);
    # 0.751 over the twenty-one events; 0.767 since a sentence joins the facts it tells by the omission check's test
    # (compare/told.py); 0.771 since a record, vote or score tells its fact at a lower embedding bar (twentieth
    # session: told.TALLY_COSINE); 0.772 -> 0.780 since the link model reads the words' rarity in the event
    # (twenty-third session: align.RARITY_STEPS)
    "aligned": 0.775,
    # 0.764 -> 0.792 since the aligner reads number words as digits and "30bn" as "30 billion" (nlp.tokens);
    # 0.693 over the twenty-one events; 0.686 -> 0.696 over twenty-three since records, votes and scores are compared
    # (eighteenth session); 0.686 since a line cut after a title goes on in the next (nineteenth session: the sentences
    # of three held-out articles change and one fact's group with them); 0.686 -> 0.706 with the words' rarity
    "number": 0.70,
    "number_compared": 0.40,
    # 0.808 -> 0.836 since attached members (align._attach) bring no figure into a group's number difference
    "number_backed": 0.80,
    "linked_same": 0.53,
    # 0.490 when it came (eighteenth session); merging groups that share half their sentences took it to 0.41
    "grouped_same": 0.47,
    # 0.226 -> 0.201 since attached members no longer count among the outlets that make a fact one most tell;
    # 0.209 -> 0.193 -> 0.188 in the nineteenth session (a line cut after a title joined; more speech verbs, whose
    # speakers' names the aligner leaves out of a sentence's words: two omissions of one T8b article's, by a group that
    # changed); 0.188 -> 0.176 with the words' rarity (twenty-third session: more of the sentences telling a fact in
    # other words link, and five outlets no longer listed as omitting a fact are, by the labels, ones that omit it)
    "omissions_found": 0.17,
    # 0.710 -> 0.733 with the told test's members (compare/told.py)
    "source": 0.72,
}
# false_omitted: 0.041 on the first eight events; T4b and T9b (added as development events, scored blind
# first) bring it to 0.054: T4b's doc_0002 is listed as omitting a wide lead group whose sentences tell six of
# its facts, which its own lead tells in other words; 0.056 today (T19b's doc_0373 listed as omitting a group
# holding its "injuries on Monday night" since crowds and populations count people only); 0.048 since "died
# Thursday at 91" is an age, not a toll of 91 (doc_0002's lead now tells the group: six false omissions and four
# true ones of that wide group gone, omissions_found 0.223 -> 0.205); 0.045 today (the same span of time).
# false_added: 0.074 -> 0.090 (T9b: 21 of its 89 mentions), 0.092; 0.090 today (one span of time is one fact told:
# T20b's "for about a minute" / "for one minute").
# false_omitted over the eighteen events: 0.063, up from 0.055 when T1b joined (blind, 2026-12-06: 20 of its 85
# mentions, most in groups of one sentence telling several of its facts, its story told over three weeks).
# false_added over the eighteen events: 0.085, 0.078 with the clause members (2026-12-06).
# false_omitted 0.060 -> 0.039 when an omission needs more than half of the other voices (2026-12-06).
# false_omitted_main, counting only the facts a group is about (told by at least half of its articles): 0.012 against
# 0.038 for the measure above when it came (eleventh session), whose other false omissions are of facts a group's member
# sentence also tells (T14a: 17 of 85 mentions by the measure above, 2 by this one); 0.012 against 0.041 with the link
# model (T14a: 9 and 1).
# false_added over the twenty-one events: 0.073 (T6a, blind: its outlets retell a director's hiring in other words).
# false_omitted 0.041 -> 0.029 since attached members do not make a fact one most outlets tell (compare/coverage.py)
# false_added 0.070 -> 0.062 since the link model reads the words' rarity (twenty-third session).
CEILINGS = {"false_omitted": 0.04, "false_omitted_main": 0.02, "false_added": 0.07, "not_facts": 0.0}
MAX_UNMAPPED = 3
# Fact groups joining an event with the other event of its ECB+ topic, when the grouping puts both in one
# event. T14a is another Waitrose fire and T20a another quake on the same island: their leads and tolls
# are figures of the same things, so the figure groups and the attachment by the group (compare/align.py)
# join them; 26, up from 13 before those two steps; 30 since the link model (eleventh session), which links more of
# the like sentences of two happenings of one kind (a fire's time and resources; a quake's toll) where the grouping has
# put them in one event; 34 since the blocking terms are chosen among shared terms (compare/vectors.py BLOCK_TOP): an
# undated report of the other fight (T7a) or the other election (T12a) that blocking had kept apart by chance now
# joins on its words, as the events of one story's own reports do (docs/thresholds.md); 35 since a sentence also joins
# the groups whose fact it tells by the omission check's test (compare/told.py): in T12b's event, which the grouping
# merges with two reports of the other navy's capture of pirates, one more group holds a sentence of each; 57 with T10b
# (2026-12-07), whose "other" event T10a is the Angels' offer to the same free agent a few days before: T10b's reports
# tell that offer among the bids, so 22 of its groups hold a sentence of each, one fact told in both. 64 since the link
# model reads the words' rarity in the event (twenty-third session): where the grouping merges two happenings of one
# kind, more of their like sentences link (T12b's merged event with the other navy's pirates 11 -> 16, T10b 22 -> 24);
# aligned pairs in that run 0.771 -> 0.782.
MAX_MIXED_GROUPS = 64


@pytest.fixture(scope="module")
def scores():
    return total(run_event(e, ARTICLES) for e in EVENTS)


def test_labelled_passages_survive_cleaning(scores):
    # None was lost once doc_0001's "ON DEADLINE: Live updates" widget was no longer taken for a dateline (the
    # three paragraphs above it had been dropped as a summary); one since T1b joined: doc_0379's standfirst, a
    # sentence above the Daily News time stamps that the cleaner drops as before the article text; two since T16b
    # joined: doc_0284's "End of Watch: Friday, June 24, 2005", a memorial page's field taken for its title; three since
    # T10b joined: doc_0268's last line, "Teixeira will be 29 in April.", which the cleaner reads as a headline-like
    # line after the article (two names of its three content words).
    assert scores.unmapped <= MAX_UNMAPPED, scores.misses.get("unmapped")


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_quality_does_not_fall_below_its_floor(scores, measure):
    assert scores.share(measure) >= FLOORS[measure], scores.misses.get(measure)


@pytest.mark.parametrize("measure", sorted(CEILINGS))
def test_errors_do_not_rise_above_their_ceiling(scores, measure):
    assert scores.share(measure) <= CEILINGS[measure], scores.misses.get(measure)


def test_a_like_event_mixed_in_stays_apart_and_costs_no_alignment():
    """Each event again with one or two articles of the other event of its topic (another quake on the
    same island, another office shooting...): few groups join the two, and the event's facts align
    at least as well as the floor."""
    mixed = total(run_event(e, ARTICLES, with_others=True) for e in EVENTS if e.others)
    assert mixed.mixed_groups <= MAX_MIXED_GROUPS
    assert mixed.share("aligned") >= FLOORS["aligned"], mixed.misses.get("aligned")


def test_load_labels_reads_also_passages():
    event = load_labels(LABELS / "T20b.json")
    toll = {n: m for n, m in event.facts[0].mentions.items() if m is not None}
    # doc_0202 gives the toll in its lead and again as the governor's figure
    assert len(toll["doc_0202.txt"].texts) == 2


def test_figures_of_one_thing_align_whatever_else_the_sentences_tell():
    """ECB+ T8b (eleven outlets on the Athens bank fire): the death toll ("three people died", "killed at least
    three", "left three bank workers dead") and the size of the march ("tens of thousands", "100, 000",
    "roughly 30, 000") are told inside leads that tell other things too; the pairs of outlets telling them
    share a fact group (issue 14: one fact, whatever else differs)."""
    (event,) = [e for e in EVENTS if e.name == "T8b"]
    score = run_event(event, ARTICLES)
    for fact in ("T8b.k1", "T8b.k3"):
        tellers = sum(m is not None for m in next(f for f in event.facts if f.id == fact).mentions.values())
        missed = [m for m in score.misses.get("aligned", []) if m.startswith(fact + " ")]
        assert len(missed) <= 0.2 * tellers * (tellers - 1) / 2, missed


def test_pairs_split_across_events_count_as_linked_only_through_a_background_link():
    """Two articles telling the toll, put in two events: a miss for aligned pairs; counted by
    aligned_or_linked only when the report links their groups as one background fact."""
    event = load_labels(LABELS / "T20b.json")
    k1 = event.facts[0]
    a, b = [n for n, m in k1.mentions.items() if m is not None][:2]
    sentences = {}
    for name in event.own:
        text = (ARTICLES / name).read_text(encoding="utf-8")
        sentences[name] = [line for line in text.splitlines() if line.strip()]
    at = {n: next(i for i, s in enumerate(sentences[n]) if k1.mentions[n].texts[0] in s) for n in (a, b)}

    def report(linked: bool) -> dict:
        return {
            "events": [
                {
                    "id": e,
                    "facts": [
                        {
                            "id": f"{e}.F1",
                            "members": [{"article": n, "sentence": at[n]}],
                            "differences": [],
                            "background": [f"{other}.F1"] if linked else [],
                        }
                    ],
                    "outlets": {},
                }
                for e, n, other in (("E1", a, "E2"), ("E2", b, "E1"))
            ]
        }

    apart = score_report(event, report(False), sentences)
    linked = score_report(event, report(True), sentences)
    assert f"{k1.id} {min(a, b)} ~ {max(a, b)} (other event)" in apart.misses["aligned"]
    # (the other tellers, absent from this report, count as apart too, but are linked to nothing)
    assert apart.split_linked == 0 and linked.split_linked == 1
    assert linked.split_pairs == apart.split_pairs
    assert linked.aligned == apart.aligned
    assert linked.share("aligned_or_linked") > apart.share("aligned_or_linked")


def test_a_member_given_as_a_clause_tells_only_the_facts_labelled_in_that_clause():
    """ECB+ T14a doc_0188: "More than 50 firefighters tackled the blaze which began on the roof ..., and residents
    nearby were evacuated as a precaution." The labels give each fact its clause; a report that puts only the
    second clause in the evacuation group is scored as telling the evacuation there, not the firefighters."""
    import srccompare

    event = load_labels(LABELS / "T14a.json")
    names = ("doc_0188.txt", "doc_0183.txt")
    loaded = {a.id: a for a in srccompare.load([ARTICLES / n for n in names])}
    sentences = {Path(i).name: [s.text for s in a.sentences] for i, a in loaded.items()}
    lead = next(i for i, s in enumerate(sentences["doc_0188.txt"]) if "residents nearby were evacuated" in s)
    dozens = next(i for i, s in enumerate(sentences["doc_0183.txt"]) if s.startswith("Dozens of people were evacuated"))
    clause = "and residents nearby were evacuated as a precaution."
    assert clause in sentences["doc_0188.txt"][lead]

    def scored(text: str) -> Score:
        members = [
            {"article": "doc_0188.txt", "sentence": lead, "text": text, "part": text == clause},
            {"article": "doc_0183.txt", "sentence": dozens, "text": sentences["doc_0183.txt"][dozens]},
        ]
        report = {
            "events": [{"id": "E1", "facts": [{"id": "E1.F1", "members": members, "differences": []}], "outlets": {}}]
        }
        return score_report(event, report, {n: sentences[n] for n in names})

    part, whole = scored(clause), scored(sentences["doc_0188.txt"][lead])
    evacuated, firefighters = "T14a.k4", "T14a.k1"
    assert f"{evacuated} doc_0183.txt ~ doc_0188.txt" not in part.misses.get("aligned", [])
    assert (part.group_facts, whole.group_facts) == (1, 2)  # the clause holds the evacuation only
    assert firefighters == event.facts[0].id and part.linked == whole.linked == 1


@pytest.mark.parametrize("name", ["T8b", "T18a", "T20b"])
def test_no_two_fact_groups_hold_the_same_sentences(name):
    """One fact is shown once. Real reports that made two groups of the same sentences: T8b's two copies of a
    quotation and two of the official's remark beside it (each sentence joined the other's group by the
    attachment step, so both groups ended with all four); T18a's and T20b's leads, where a clause of each of two
    sentences told the other (each sentence whole with the other's clause, twice)."""
    import collections

    import srccompare

    (event,) = [e for e in EVENTS if e.name == name]
    loaded = srccompare.load([ARTICLES / n for n in event.files], problems=[])
    for ev in srccompare.compare(loaded).events:
        held = collections.Counter(frozenset((m.article, m.sentence) for m in g.members) for g in ev.facts)
        assert [sorted(k) for k, n in held.items() if n > 1] == []


def test_scorer_counts_true_additions_as_the_recall_of_the_added_lists():
    """Three articles of the earthquake event, as a user compares three outlets: a fact one of them alone tells is a
    true addition, found only when the report lists that article's passage as added."""
    import dataclasses
    import itertools

    event = load_labels(LABELS / "T20b.json")
    sentences = {
        name: [line for line in (ARTICLES / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        for name in event.own
    }

    def alone(trio):
        return [f for f in event.facts if sum(f.mentions.get(n) is not None for n in trio) == 1]

    trio = next(t for t in itertools.combinations(event.own, 3) if alone(t))
    small = dataclasses.replace(event, files={n: m for n, m in event.files.items() if n in trio})
    fact = alone(trio)[0]
    teller = next(n for n in trio if fact.mentions.get(n) is not None)
    passage = fact.mentions[teller].texts[0]
    at = next(i for i, s in enumerate(sentences[teller]) if passage in s or s in passage)
    mine = {n: sentences[n] for n in trio}
    groups = [("E1.F1", [(teller, at)], [])]
    listed = score_report(small, _toy_report(groups, {teller: {"added": ["E1.F1"], "omitted": []}}), mine)
    silent = score_report(small, _toy_report(groups, {teller: {"added": [], "omitted": []}}), mine)
    assert listed.additions == silent.additions == len(alone(trio))
    assert listed.additions_found == silent.additions_found + 1
    assert f"{fact.id} {teller}" in silent.misses["additions_found"]


# The labelled events compared as one event each (`compare --one-event`, the articles a user chose): 0.832 aligned,
# 0.755 number, 0.063 false added when it came (twenty-second session), against 0.772 / 0.686 / 0.070 grouped by the
# tool. Gated so that the path a user takes for a story they assembled keeps its figures. 0.849 / 0.755 / 0.052 since
# the link model reads the words' rarity (twenty-third session), against 0.780 / 0.706 / 0.062 grouped by the tool.
ONE_EVENT_FLOORS = {"aligned": 0.84, "number": 0.74}
ONE_EVENT_CEILINGS = {"false_added": 0.06, "false_omitted": 0.04, "not_facts": 0.0}


@pytest.fixture(scope="module")
def one_event_scores():
    return total(run_event(e, ARTICLES, one_event=True) for e in EVENTS)


@pytest.mark.parametrize("measure", sorted(ONE_EVENT_FLOORS))
def test_one_event_quality_does_not_fall_below_its_floor(one_event_scores, measure):
    assert one_event_scores.share(measure) >= ONE_EVENT_FLOORS[measure], one_event_scores.misses.get(measure)


@pytest.mark.parametrize("measure", sorted(ONE_EVENT_CEILINGS))
def test_one_event_errors_do_not_rise_above_their_ceiling(one_event_scores, measure):
    assert one_event_scores.share(measure) <= ONE_EVENT_CEILINGS[measure], one_event_scores.misses.get(measure)


def test_one_event_splits_nothing(one_event_scores):
    # nothing is split between events when the user says it is one (the 3: T7b's doc_0376, an identical copy compared
    # once as its original, is in no group of its own, so its misses count as "in no event")
    assert one_event_scores.split_pairs <= 3
