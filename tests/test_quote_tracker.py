"""The quote tracker on event E1 of the seeds (000 AsiaNews, 001 Yonhap) and on written translations."""

from __future__ import annotations

import pytest

import srccompare
from srccompare.compare.quotes import FORMS, may_be_translations, track_quotes
from srccompare.model import Article, FactGroup, Member
from srccompare.nlp.sentences import split_sentences

from .conftest import CORPUS

A000 = "000_a67b68c824396ff8.txt"
A001 = "001_3dbf73fb56b3fa01.txt"


@pytest.fixture(scope="module")
def e1() -> list[Article]:
    return srccompare.load([str(CORPUS / A000), str(CORPUS / A001)])


def _by_start(quotes, start: str):
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text[:40] for q in quotes]
    return found[0]


def _forms(quote) -> dict[str, str]:
    return {u.article.rsplit("/", 1)[-1]: u.form for u in quote.uses}


def test_shared_putin_quotes_are_tracked_with_both_outlets_and_their_forms(e1):
    quotes = track_quotes(e1, ())
    italy = _by_start(quotes, "Just like in our relations with Italy")
    assert _forms(italy) == {A000: "verbatim", A001: "verbatim"}
    choice = _by_start(quotes, "Today, unfortunately")
    assert _forms(choice) == {A000: "bracketed", A001: "verbatim"}
    assert "(South) Korean leadership" in choice.text  # the fullest rendering is shown
    neighbours = _by_start(quotes, "As for relations with North Korea")
    assert _forms(neighbours) == {A000: "verbatim", A001: "verbatim"}  # '. . .' and '[...]' fold
    for q in (italy, choice, neighbours):
        assert q.speaker and q.speaker.endswith("Putin")


def test_a_quote_only_one_outlet_carries_is_absent_from_the_other(e1):
    quotes = track_quotes(e1, ())
    tass = _by_start(quotes, "They are being threatened")
    assert _forms(tass) == {A000: "absent", A001: "verbatim"}
    assert tass.speaker == "Putin"


def test_every_quote_has_a_use_per_article_in_a_known_form(e1):
    quotes = track_quotes(e1, ())
    assert len({q.id for q in quotes}) == len(quotes)
    for q in quotes:
        assert [u.article for u in q.uses] == [a.id for a in e1]
        assert all(u.form in FORMS for u in q.uses)
        assert all(u.text for u in q.uses if u.form != "absent")
        assert len(q.text.split()) >= 3  # scare quotes ("appreciates") are not tracked


def _sentence_with(article: Article, words: str) -> int:
    return next(i for i, s in enumerate(article.sentences) if words in s.text)


def test_quote_sits_in_the_fact_group_of_its_sentences(e1):
    a000, a001 = e1
    i, j = _sentence_with(a000, "(South) Korean leadership"), _sentence_with(a001, "the Korean leadership")
    group = FactGroup(
        "E1.F3",
        "divergent",
        (Member(a000.id, i, a000.sentences[i].text), Member(a001.id, j, a001.sentences[j].text)),
    )
    alone = FactGroup("E1.F9", "single", (Member(a001.id, 0, a001.sentences[0].text),))
    quotes = track_quotes(e1, (alone, group))
    assert _by_start(quotes, "Today, unfortunately").fact == "E1.F3"
    assert _by_start(quotes, "Just like in our relations with Italy").fact is None


def _article(ident: str, *paragraphs: str) -> Article:
    return Article(id=ident, path=ident, paragraphs=paragraphs, sentences=tuple(split_sentences(paragraphs)))


TRANSLATION_A = '"Without threats, I think, the nuclear issue will gradually be resolved," Putin said.'
TRANSLATION_B = '"If nobody threatens them, the nuclear problem will solve itself over time, I believe," Putin said.'


def test_two_translations_pair_only_inside_one_fact():
    a = _article("a", "Putin spoke in Hanoi on Thursday.", TRANSLATION_A)
    b = _article("b", TRANSLATION_B)
    together = FactGroup("F1", "divergent", (Member("a", 1, a.sentences[1].text), Member("b", 0, b.sentences[0].text)))
    (quote,) = track_quotes([a, b], (together,))
    assert {u.article: u.form for u in quote.uses} == {"a": "translated", "b": "translated"}
    assert quote.fact == "F1" and quote.speaker == "Putin"
    apart = (
        FactGroup("F1", "single", (Member("a", 1, a.sentences[1].text),)),
        FactGroup("F2", "single", (Member("b", 0, b.sentences[0].text),)),
    )
    separate = track_quotes([a, b], apart)
    assert len(separate) == 2
    assert all(sorted(u.form for u in q.uses) == ["absent", "verbatim"] for q in separate)


def test_trimmed_quote():
    full = (
        '"Those who supply these weapons believe that they are not at war with us. I said, including in '
        'Pyongyang, that we then reserve the right to supply weapons to other regions of the world," Mr Putin said.'
    )
    short = '"We then reserve the right to supply weapons to other regions of the world," Mr Putin said.'
    quotes = track_quotes([_article("a", full), _article("b", short)], ())
    (quote,) = quotes
    assert {u.article: u.form for u in quote.uses} == {"a": "verbatim", "b": "trimmed"}
    assert quote.text.startswith("Those who supply")


def test_quotations_of_two_named_speakers_are_never_one_remark():
    a = _article("a", '"He stole $700 billion from Medicare to fund Obamacare," said RNC Chair Reince Priebus.')
    b = _article("b", '"We are the ones who are not raiding Medicare to pay for Obamacare with billions," Ryan said.')
    fact = FactGroup("F1", "divergent", (Member("a", 0, a.sentences[0].text), Member("b", 0, b.sentences[0].text)))
    quotes = track_quotes([a, b], (fact,))
    assert len(quotes) == 2
    assert {q.speaker for q in quotes} == {"Reince Priebus", "Ryan"}


def test_a_shared_name_of_two_words_is_one_shared_thing_not_two():
    # tests/data/outlets (Lindsay Lohan): People's rep and Fox's source say different things about her
    # going back to Betty Ford; they share "back" and the name, too little for two translations.
    people = "She is interested in going back to Betty Ford because she knows everyone there."
    fox = "Lindsay never checked into Morningside but is back at Betty Ford."
    assert not may_be_translations(people, fox)
    assert may_be_translations(TRANSLATION_A.split('"')[1], TRANSLATION_B.split('"')[1])


def test_a_remark_in_other_words_is_shown_as_reworded():
    # The JSON keeps the form "translated" (report schema); readers see "reworded", which an English outlet's rewording
    # of an English remark is too (BASIL development triplet: Romney's "I do not favor civil unions if they are identical
    # to marriage other than by name" / "I don't favor civil unions if it's identical to marriage").
    from srccompare.compare.differences import classify_group
    from srccompare.render.labels import difference_detail, quote_form_label

    diffs, _ = classify_group([Member("a.txt", 0, TRANSLATION_A), Member("b.txt", 0, TRANSLATION_B)], {})
    (quote,) = [d for d in diffs if d.kind == "quote"]
    assert quote.form == "translated"
    shown = difference_detail(quote, {"a.txt": "A", "b.txt": "B"})
    assert shown.startswith("quote reworded:") and "translated" not in shown
    assert [quote_form_label(f) for f in ("verbatim", "translated", "absent")] == ["verbatim", "reworded", "absent"]
