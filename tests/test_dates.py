"""Published and event dates with their evidence, on realistic snippets (tests/data/dates), the seeds
and the ECB+ dev articles."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import srccompare
from srccompare.nlp.dates import Candidate, find_dates, settle, url_date
from srccompare.options import Options

from .conftest import CORPUS, DATA, SHARED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SNIPPETS = tomllib.loads((DATA / "dates" / "snippets.toml").read_text(encoding="utf-8"))
ECB = SHARED / "bench" / "ecbplus"


def _clean(name: str):
    return srccompare.clean_text(SNIPPETS[name]["text"].strip() + "\n", name=f"{name}.txt")


def _with(key: str) -> list[str]:
    return [name for name, case in SNIPPETS.items() if key in case]


@pytest.mark.parametrize("name", _with("published"))
def test_published(name):
    article = _clean(name)
    assert article.published == (SNIPPETS[name]["published"] or None)
    chosen = [e for e in article.dates_evidence if e.field == "published" and e.chosen]
    if article.published:
        # The chosen evidence names the line it was read from (or 0 for the URL/manifest) and a rule.
        assert len(chosen) == 1 and chosen[0].value == article.published and chosen[0].rule and chosen[0].note
    else:
        assert not chosen


@pytest.mark.parametrize("name", _with("event_date"))
def test_event_date(name):
    article = _clean(name)
    # "" in the snippets: the text gives no event date (what it offers is rejected, with the reason).
    assert article.event_date == (SNIPPETS[name]["event_date"] or None)
    chosen = [e for e in article.dates_evidence if e.field == "event_date" and e.chosen]
    assert len(chosen) == (1 if article.event_date else 0)
    assert all(e.line > 0 for e in chosen)


@pytest.mark.parametrize("name", _with("rejected"))
def test_bad_dates_are_reported_not_chosen(name):
    article = _clean(name)
    for value, why in SNIPPETS[name]["rejected"]:
        losers = [e for e in article.dates_evidence if e.value == value]
        assert losers, f"{value} not in the evidence"
        assert all(not e.chosen and why in e.note for e in losers), losers
    # The JSON says so too: a loser carries chosen: false and its note.
    as_json = [e.to_dict() for e in article.dates_evidence]
    assert any(d.get("chosen") is False and d.get("note") for d in as_json)


def test_date_forms_in_several_languages():
    cases = {
        "Published: Sun 10 Sep 2023": "2023-09-10",
        "Publié le 10 septembre 2023 à 14h05": "2023-09-10",
        "Veröffentlicht am 3. Mai 2024": "2024-05-03",
        "Publicado el 5 de junio de 2024": "2024-06-05",
        "Опубликовано: 27 июня 2024": "2024-06-27",
        "Pubblicato il 4 luglio 2023": "2023-07-04",
        "Gepubliceerd op 12 maart 2022": "2022-03-12",
        "2024年6月27日 10:30": "2024-06-27",
        "Thursday, July 18, 2024": "2024-07-18",
        "Updated 4/9/2007 6:04 PM": "2007-04-09",
    }
    for text, iso in cases.items():
        found = [m.date for m in find_dates(text) if m.date]
        assert found and found[0].isoformat() == iso, text


def test_dates_in_urls():
    assert url_date("https://www.themoscowtimes.com/2023/09/19/seoul-summons-a82511").date == dt.date(2023, 9, 19)
    assert url_date("http://usatoday30.usatoday.com/news/nation/2007-04-09-office-shooting_N.htm").date == dt.date(
        2007, 4, 9
    )
    assert url_date("https://example.com/news/20230919/story").date == dt.date(2023, 9, 19)
    # Eight digits that are no date are an id.
    assert url_date("https://example.com/news/20231399/story") is None
    assert url_date("https://example.com/2024/02/31/story").problem == "impossible date"


def test_future_is_judged_against_the_fetch_time():
    cands = [
        Candidate("published", "published-stamp", 3, "2024-06-10", date=dt.date(2024, 6, 10)),
        Candidate("published", "page-top", 1, "2024-06-01", date=dt.date(2024, 6, 1)),
    ]
    published, _, evidence = settle(cands, fetched_at="2024-06-02T08:00:00Z")
    assert published == "2024-06-01"
    stamp = next(e for e in evidence if e.line == 3)
    assert not stamp.chosen and "future" in stamp.note and "fetch time" in stamp.note
    # Fetched later, the stamp is no longer in the future and ranks higher.
    assert settle(cands, fetched_at="2024-06-20")[0] == "2024-06-10"


def test_manifest_wins_and_the_text_is_kept_as_evidence():
    cands = [Candidate("published", "published-stamp", 3, "2024-06-10", date=dt.date(2024, 6, 10))]
    published, _, evidence = settle(cands, manifest="2024-06-09")
    assert published == "2024-06-09"
    assert evidence[0].rule == "manifest" and evidence[0].chosen
    assert not evidence[1].chosen and "manifest" in evidence[1].note


def test_relative_days_need_a_published_date():
    cands = [Candidate("event_date", "relative:weekday", 5, "Wednesday", weekday=2)]
    _, event, evidence = settle(cands)
    assert event is None and "no published date" in evidence[0].note
    _, event, _ = settle(cands, manifest="2024-06-07")  # a Friday
    assert event == "2024-06-05"


def test_last_month_is_a_month_not_a_day():
    cands = [Candidate("event_date", "relative:last month", 5, "last month", period="month", back=1)]
    _, event, evidence = settle(cands, manifest="2024-01-15")
    assert event is None
    assert evidence[-1].value == "2023-12" and "month" in evidence[-1].note


@pytest.fixture(scope="module")
def seeds_without_manifest():
    return {a.path.split("/")[-1]: a for a in srccompare.load([str(CORPUS)], Options(use_manifest=False))}


def test_seed_dates_and_their_evidence(seeds_without_manifest, gold):
    for name, article in seeds_without_manifest.items():
        expected = gold["articles"][name]
        if "may leave it unknown" not in expected.get("published_note", ""):
            assert article.published == expected["published"], name
    # 004: the dateline's day, with the year of the page's view date, beats that view date.
    a004 = seeds_without_manifest["004_8d8a74bae2f40e61.txt"]
    chosen = next(e for e in a004.dates_evidence if e.chosen and e.field == "published")
    assert (chosen.rule, chosen.line) == ("dateline", 6)
    view = next(e for e in a004.dates_evidence if e.line == 1)
    assert view.value == "2024-07-18" and not view.chosen
    # "warned on Thursday" in the lede of an article of Thursday 27 June 2024.
    assert a004.event_date == "2024-06-27"
    # 003: the URL of the "Original url:" line and the date line under the byline agree.
    a003 = seeds_without_manifest["003_cf32fd44ea05852b.txt"]
    assert {(e.rule, e.value) for e in a003.dates_evidence if e.field == "published"} >= {
        ("url", "2023-09-19"),
        ("date-line", "2023-09-19"),
    }
    assert a003.event_date == "2023-09-19"  # "summoned ... on Tuesday"


def test_seed_event_dates_with_the_manifest():
    articles = {a.path.split("/")[-1]: a for a in srccompare.load([str(CORPUS)])}
    # 001 has no date of its own; with the manifest's, "said Wednesday" resolves to the day itself.
    assert articles["001_3dbf73fb56b3fa01.txt"].event_date == "2024-06-05"
    # 000 (AsiaNews, 6 June) says Putin spoke "yesterday": the same meeting as 001.
    assert articles["000_a67b68c824396ff8.txt"].event_date == "2024-06-05"


_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:[/_-]|\d{4})")


@pytest.mark.skipif(not (ECB / "gold.json").is_file(), reason="ECB+ dev data not found (../shared)")
def test_ecbplus_dates_agree_with_the_url_year():
    """ECB+ dev articles: most get a published date, and those found agree with the year in the URL
    the gold file records (the text given to the tool has no URL)."""
    gold = json.loads((ECB / "gold.json").read_text(encoding="utf-8"))["files"]
    names = sorted(gold)
    problems: list = []
    loaded = srccompare.load([str(ECB / "articles" / n) for n in names], problems=problems)
    articles = {a.path.split("/")[-1]: a for a in loaded}
    names = [n for n in names if n in articles]
    dated = [n for n in names if articles[n].published]
    both = [(n, m.group(1)) for n in dated if (m := _URL_YEAR.search(gold[n].get("url") or ""))]
    agree = sum(1 for n, year in both if articles[n].published.startswith(year))
    assert len(dated) >= 0.35 * len(names)  # most ECB+ texts carry no date at all
    assert len(both) >= 50 and agree >= 0.95 * len(both)


_DATEISH = st.text(alphabet="0123456789 -/.,:年月日년월일JuneMaySeptmberThursdayyesterdaylast", max_size=40)


@settings(max_examples=300, deadline=None)
@given(stamp=_DATEISH, lede=_DATEISH)
def test_any_date_text_cleans_without_error(stamp, lede):
    """Whatever a stamp or a lede holds (impossible days, huge years, half dates), cleaning gives an
    article whose chosen dates are real days, not after the fetch reference, with evidence for each."""
    text = (
        f"Council approves new budget after long debate\n\nPublished: {stamp}\n\n"
        f"The city council approved a new budget {lede} after a debate that lasted six hours, officials said.\n"
        "The budget raises spending on public transport and housing while cutting the cost of administration.\n"
    )
    article = srccompare.clean_text(text)
    for value in (article.published, article.event_date):
        if value:
            assert dt.date.fromisoformat(value) <= dt.date.today() + dt.timedelta(days=1)
    chosen = {e.field for e in article.dates_evidence if e.chosen}
    assert ("published" in chosen) == bool(article.published)
    assert ("event_date" in chosen) == bool(article.event_date)


def test_a_month_spelled_in_the_url_path_wins_over_an_edition_date_in_the_slug():
    from srccompare.nlp.dates import url_date

    found = url_date("http://articles.latimes.com/2013/may/03/local/la-me-0504-lohan-rehab-20130504")
    assert found is not None and found.date is not None and found.date.isoformat() == "2013-05-03"
    assert url_date("https://example.com/2024/Jun/27/story").date.isoformat() == "2024-06-27"


def test_a_byline_with_its_time_is_not_the_title_and_a_title_label_is_dropped():
    assert _clean("byline_with_time").title == "Council delays vote on housing plan"
    labelled = srccompare.clean_text(
        "title: Council delays vote on housing plan\ndate: 2024-06-07\n\n"
        "The city council postponed a vote on the housing plan after residents packed the chamber.\n"
        "Council members said they would take the plan up again next month.\n",
        name="labelled.txt",
    )
    assert labelled.title == "Council delays vote on housing plan"
    assert labelled.published == "2024-06-07"
