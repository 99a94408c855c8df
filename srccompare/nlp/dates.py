"""Dates in news text: find them, read them, and choose an article's published and event dates.

A careful reader dates an article from several kinds of evidence and weighs them: the user's
manifest; a labelled stamp ("Published:", "Publié le"); the page's own metadata (HTML); a date in
the URL; an "Updated" stamp; a date line between the headline and the body or in the byline; the
wire dateline's month and day ("SEOUL, June 27 (Yonhap) --"), whose year comes from another date;
and last a bare date at the top or foot of the page (often the day the page was viewed or printed).
The day of the happening itself is what the lede says: "on Wednesday", "yesterday", "on June 5",
resolved against the published date.

Reading is cheap on purpose: regular expressions find date-shaped text (digits beside a word),
and the words are looked up in tables built once from dateparser's locale data (month and weekday
names, "yesterday", "hier", "gestern"... in the languages of ``data/dates.toml``). Calling
dateparser's parser on every candidate costs milliseconds each; a lookup costs microseconds, and
the tables are the maintained part of that library.

Every candidate becomes a DateEvidence: the chosen one, and the others with why they lost (ranked
lower, in the future, impossible like 2024-02-31, a year like 99999, no year to infer).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import DateEvidence
from .tokens import MONTHS, WEEKDAYS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

# Tunable numbers, in one place.
# A date before this year is not the publication of a web article (an epoch default, a history).
MIN_YEAR = 1990
# A date this many days past the reference day (the fetch time, else today) is in the future; one
# day of slack for time zones.
FUTURE_SLACK_DAYS = 1
# A day and month without a year take the year that puts them at most this many days after the
# reference date (a dateline filed in one time zone, dated in another).
MONTH_DAY_SLACK_DAYS = 1
# At most this many evidence entries per article: the chosen ones and the first few that lost.
MAX_EVIDENCE = 12

# Evidence for the published date, strongest first.
PUBLISHED_RULES = (
    "manifest",
    "published-stamp",
    "html-meta",
    "url",
    "updated-stamp",
    "date-line",
    "byline",
    "dateline",
    "page-top",
    "page-end",
)
_WHY = {
    "manifest": "given by the manifest, which has the last word",
    "published-stamp": "a labelled published stamp",
    "html-meta": "the page's own metadata (htmldate)",
    "url": "the date in the article's URL",
    "updated-stamp": "an updated stamp, the best date left",
    "date-line": "the date line between the headline and the body",
    "byline": "the date in the byline",
    "dateline": "the dateline's day",
    "page-top": "the only dates are at the top of the page (may be the day it was viewed)",
    "page-end": "the only dates are below the article",
}


# Date shapes. A "word" is any run of 3-12 letters: whether it names a month is looked up.
_W = r"[^\W\d_]{3,12}"
_ISO = re.compile(r"(?<![\d/.-])(\d{4,6})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4,6})(?!\d)")
_DMY = re.compile(
    rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th|er|e|º|°|\.)?(?:\s+de|\s+of)?\s+({_W})\.?,?(?:\s+de|\s+del)?\s+(\d{{4,6}})(?!\d)",
)
_MDY = re.compile(rf"(?<!\w)({_W})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+|-)(\d{{4,6}})(?!\d)")
_CJK = re.compile(r"(\d{4,6})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]")
# A day and month with no year: "June 27", "27 juin". The month-first form wants a capital, so that
# "may 3" in prose is not read as a date.
_MD = re.compile(r"(?<!\w)([^\W\d_][^\W\d_]{2,11})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])")
_DM = re.compile(rf"(?<![\w.])(\d{{1,2}})(?:st|nd|rd|th|er|e|º|\.)?(?:\s+de|\s+of)?\s+({_W})\b")
# Words that make a date after them a day ahead ("will meet on Friday", "scheduled for December 15",
# "in advance of his appearance on Thursday"), within this many characters of the same clause. English
# only: elsewhere a date is read as past, the commoner case in a lede.
_AHEAD = re.compile(
    r"\b(?:will|would|shall|due|scheduled|expected|set to|plans? to|is to|are to|next|ahead of|in advance of)\b"
    r"[^.;,]*$",
    re.I,
)
_AHEAD_REACH = 160
_AHEAD_NOTE = "a day ahead (the sentence looks forward), not the happening"
# A weekday is read as the last one on or before the published date, except the day right after it:
# "the White House said on Friday" under a Thursday date line is the next day (the line is a day behind
# the story, or the event is tomorrow), never eight days before the next day's news.
WEEKDAY_AHEAD_DAYS = 1
# The happening's day is in the lede's first sentences: past this many characters of a paragraph, a
# date belongs to background more often than to the event (and reading further costs time).
LEDE_CHARS = 600
_DIGIT = re.compile(r"\d")
_NO_SPACES = frozenset({"ko", "ja", "zh"})
# Dates in URLs: /2023/09/19/, -2023-09-19-, /20230919/.
_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
# Some sites spell the month in the path: /2013/may/03/.
_MONTHS = [month[:3] for month in MONTHS]
_URL_NAMED = re.compile(rf"/((?:19|20)\d{{2}})/({'|'.join(_MONTHS)})[a-z]*/(\d{{1,2}})(?!\d)", re.I)
_URL_COMPACT = re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
# A year and month, or a year alone, as a path segment: /2024/06/, /2024/.
_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d{2})/(?:(\d{1,2})/)?")


@dataclass(frozen=True)
class Mention:
    """A date-shaped stretch of text: a full date, a day and month, or something that fails as a date."""

    start: int
    text: str
    date: dt.date | None = None
    month: int = 0  # a day and month without a year
    day: int = 0
    problem: str = ""  # "impossible date", "year out of range"


@dataclass(frozen=True)
class Candidate:
    """One piece of date evidence found in an article, before the choice."""

    field: str  # "published", "event_date", or "lede" (a paragraph still to read: expand_lede)
    rule: str
    line: int
    text: str
    date: dt.date | None = None
    month: int = 0  # a day and month whose year is inferred
    day: int = 0
    weekday: int = -1  # 0 = Monday: "on Wednesday"
    days_back: int = -1  # 0 today, 1 yesterday
    period: str = ""  # "week", "month", "year": "last month" names a period, not a day
    back: int = 0  # how many periods back
    problem: str = ""


# -- word tables ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, dict[str, int]]  # language -> word -> weekday
    days_back: dict[str, dict[str, int]]  # language -> phrase -> days before
    periods: dict[str, dict[str, tuple[str, int]]]  # language -> phrase -> (period, how many back)
    published_labels: re.Pattern[str]
    updated_labels: re.Pattern[str]
    accessed_labels: re.Pattern[str]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return tomllib.loads(resources.files("srccompare").joinpath("data/dates.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _words() -> _Words:
    from dateparser.languages.loader import default_loader

    data = _data()
    months: dict[str, int] = {}
    weekdays: dict[str, dict[str, int]] = {}
    days_back: dict[str, dict[str, int]] = {}
    periods: dict[str, dict[str, tuple[str, int]]] = {}
    for lang in data["languages"]:
        try:
            info = default_loader.get_locale(lang).info
        except Exception:  # a language this dateparser does not ship: read the others
            continue
        for number, key in enumerate(MONTHS, 1):
            for word in info.get(key, ()):
                word = word.casefold().rstrip(".")
                # Two-letter abbreviations ("mo", "ju") are words of other languages too.
                if len(word) >= 3 or not word.isascii():
                    months.setdefault(word, number)
        weekdays[lang] = {
            max(info.get(key, ()), key=len).casefold(): number for number, key in enumerate(WEEKDAYS) if info.get(key)
        }
        back: dict[str, int] = {}
        spans: dict[str, tuple[str, int]] = {}
        for meaning, phrases in (info.get("relative-type") or {}).items():
            m = re.fullmatch(r"(\d+) (day|week|month|year) ago", meaning)
            if not m:
                continue
            for phrase in phrases:
                if m.group(2) == "day":
                    back[phrase.casefold()] = int(m.group(1))
                elif m.group(1) != "0":
                    spans[phrase.casefold()] = (m.group(2), int(m.group(1)))
        back.update({k.casefold(): int(v) for k, v in data.get("day_words", {}).get(lang, {}).items()})
        days_back[lang], periods[lang] = back, spans
    return _Words(
        months=months,
        weekdays=weekdays,
        days_back=days_back,
        periods=periods,
        published_labels=_labels(data["published_labels"]),
        updated_labels=_labels(data["updated_labels"]),
        accessed_labels=_labels(data["accessed_labels"]),
    )


def _labels(words: Iterable[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)\s*(?:on|am|le|el|il|at|:|：)?", re.I)


def month_number(word: str) -> int:
    """The month a name or abbreviation stands for in any configured language, else 0."""
    return _words().months.get(word.casefold().rstrip("."), 0)


# -- finding dates in text -----------------------------------------------------------------------------


def _make(year: str, month: int | str, day: int | str, start: int, text: str) -> Mention:
    y, d = int(year), int(day)
    m = month if isinstance(month, int) else int(month)
    if not 1 <= m <= 12 or not 1 <= d <= 31:
        return Mention(start, text, problem="not a date (month or day out of range)")
    if not MIN_YEAR <= y <= 9999:
        return Mention(start, text, problem=f"year out of range ({y})")
    try:
        return Mention(start, text, date=dt.date(y, m, d))
    except ValueError:
        return Mention(start, text, problem="impossible date")


def find_dates(text: str, day_first: bool = False) -> list[Mention]:
    """Every full date in ``text`` (and date-shaped text that fails as one), in order of appearance.

    ``day_first`` reads an ambiguous numeric date (03/04/2024) as day/month/year."""
    if not _DIGIT.search(text):
        return []
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], mention: Mention) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(mention)

    for m in _ISO.finditer(text):
        add(m, _make(m.group(1), m.group(3), m.group(4), m.start(), m.group(0)))
    for m in _CJK.finditer(text):
        add(m, _make(m.group(1), m.group(2), m.group(3), m.start(), m.group(0)))
    for m in _MDY.finditer(text):
        month = month_number(m.group(1))
        if month:
            add(m, _make(m.group(3), month, m.group(2), m.start(), m.group(0)))
    for m in _DMY.finditer(text):
        month = month_number(m.group(2))
        if month:
            add(m, _make(m.group(3), month, m.group(1), m.start(), m.group(0)))
    for m in _NUMERIC.finditer(text):
        a, b = m.group(1), m.group(3)
        # Dotted numeric dates (07.06.2024) are day first wherever they are written.
        first, second = (a, b) if day_first or m.group(2) == "." else (b, a)  # (day, month)
        mention = _make(m.group(4), second, first, m.start(), m.group(0))
        if mention.problem and not mention.problem.startswith("year"):
            # 25/12/2024 on a month-first page: only one reading is a date.
            other = _make(m.group(4), first, second, m.start(), m.group(0))
            mention = other if other.date else mention
        add(m, mention)
    return sorted(found, key=lambda x: x.start)


def find_month_days(text: str) -> list[Mention]:
    """Days with a month and no year ("June 27", "27 juin"), in order of appearance."""
    found: list[Mention] = []
    for m in _MD.finditer(text):
        if m.group(1)[0].isupper():
            month = month_number(m.group(1))
            if month and 1 <= int(m.group(2)) <= 31:
                found.append(Mention(m.start(), m.group(0), month=month, day=int(m.group(2))))
    for m in _DM.finditer(text):
        month = month_number(m.group(2))
        if (
            month
            and 1 <= int(m.group(1)) <= 31
            and not any(f.start <= m.start() < f.start + len(f.text) for f in found)
        ):
            found.append(Mention(m.start(), m.group(0), month=month, day=int(m.group(1))))
    return sorted(found, key=lambda x: x.start)


def first_date(text: str, day_first: bool = False) -> dt.date | None:
    """The first full, valid date written in ``text``."""
    return next((m.date for m in find_dates(text, day_first) if m.date), None)


def url_date(url: str | None) -> Mention | None:
    """The publication day most sites put in an article's URL (/2023/09/19/, /20230919/)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    m = _URL_YMD.search(path)
    if m:
        return _make(m.group(1), m.group(2), m.group(3), 0, m.group(0))
    m = _URL_NAMED.search(path)
    if m:
        return _make(m.group(1), _MONTHS.index(m.group(2).lower()) + 1, m.group(3), 0, m.group(0))
    # A date run into the slug (la-me-20130504) is the least sure: an edition date or an id.
    m = _URL_COMPACT.search(path)
    if m:
        mention = _make(m.group(1), m.group(2), m.group(3), 0, m.group(0))
        return mention if mention.date else None  # eight digits may be an id, not a date
    return None


def url_period_end(url: str | None) -> dt.date | None:
    """The last day of the month (or year) a URL's path names, when it names no day: /2024/06/."""
    if not url:
        return None
    m = _URL_YEAR_MONTH.search(re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I))
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2) or 12)
    if not 1 <= month <= 12:
        return None
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def has_label(text: str) -> bool:
    """Whether a line holds a published or updated label anywhere."""
    words = _words()
    return bool(words.published_labels.search(text) or words.updated_labels.search(text))


def labelled(text: str, at: int) -> str:
    """'published', 'updated', 'accessed' or '' for the label nearest before position ``at`` in a short line."""
    words = _words()
    best, kind = -1, ""
    labels = (
        (words.published_labels, "published"),
        (words.updated_labels, "updated"),
        (words.accessed_labels, "accessed"),
    )
    for pattern, name in labels:
        for m in pattern.finditer(text, 0, at):
            # Only the words right before the date count: "Published: X | Updated: Y".
            if m.start() > best and not re.search(r"\d", text[m.end() : at]):
                best, kind = m.start(), name
    return kind


@lru_cache(maxsize=64)
def _relative_pattern(language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One alternation of every weekday and relative word of a language, and word -> (kind, value)."""
    words = _words()
    meaning: dict[str, tuple[str, int]] = {}
    meaning.update({w: ("weekday", n) for w, n in words.weekdays.get(language, {}).items()})
    meaning.update({w: ("days", n) for w, n in words.days_back.get(language, {}).items()})
    meaning.update({w: period for w, period in words.periods.get(language, {}).items()})
    # Longest first, so that "day before yesterday" wins over "yesterday".
    alternation = "|".join(re.escape(w) for w in sorted(meaning, key=len, reverse=True))
    if language in _NO_SPACES:
        # Korean, Japanese and Chinese attach particles to the word ("어제는", "昨日の"): no boundaries.
        return re.compile(f"(?:{alternation})"), meaning
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I), meaning


def relative_mentions(text: str, language: str | None) -> list[tuple[int, str, str, int]]:
    """Relative day words in ``text``: (position, words, kind, value) with kind "weekday" (value 0-6),
    "days" (days before the published day) or "week"/"month"/"year" (periods back)."""
    lang = language if language in _words().weekdays else "en"
    pattern, meaning = _relative_pattern(lang)
    found: list[tuple[int, str, str, int]] = []
    for m in pattern.finditer(text):
        kind, value = meaning[m.group(0).casefold()]
        found.append((m.start(), m.group(0), kind, value))
    return found


def _looks_ahead(text: str, pos: int) -> bool:
    """Whether the clause before ``pos`` looks forward ("is expected to testify on Wednesday")."""
    return _AHEAD.search(text[max(0, pos - _AHEAD_REACH) : pos]) is not None


def lede_candidates(text: str, line: int, language: str | None, day_first: bool = False) -> list[Candidate]:
    """Event-date evidence in the opening sentences: full dates, days and months, relative days."""
    cands: list[tuple[int, Candidate]] = []
    text = text[:LEDE_CHARS]
    full = find_dates(text, day_first)
    for m in full:
        cands.append((m.start, Candidate("event_date", "lede:date", line, m.text, date=m.date, problem=m.problem)))
    for m in find_month_days(text):
        if any(f.start <= m.start < f.start + len(f.text) for f in full):
            continue
        if _looks_ahead(text, m.start):
            cands.append((m.start, Candidate("event_date", "lede:day-month", line, m.text, problem=_AHEAD_NOTE)))
        else:
            cands.append((m.start, Candidate("event_date", "lede:day-month", line, m.text, month=m.month, day=m.day)))
    for pos, words, kind, value in relative_mentions(text, language):
        if kind == "weekday" and _looks_ahead(text, pos):
            # "is due to appear in court on Tuesday": a day ahead, not the happening.
            cands.append((pos, Candidate("event_date", "relative:weekday", line, words, problem=_AHEAD_NOTE)))
        elif kind == "weekday":
            cands.append((pos, Candidate("event_date", "relative:weekday", line, words, weekday=value)))
        elif kind == "days":
            cands.append((pos, Candidate("event_date", f"relative:{words.casefold()}", line, words, days_back=value)))
        else:
            cands.append(
                (pos, Candidate("event_date", f"relative:{words.casefold()}", line, words, period=kind, back=value))
            )
    return [c for _, c in sorted(cands, key=lambda pc: pc[0])]


def expand_lede(candidates: Iterable[Candidate], language: str | None) -> list[Candidate]:
    """The candidates with each "lede" paragraph replaced by the event-date evidence it holds."""
    out: list[Candidate] = []
    for c in candidates:
        if c.field == "lede":
            out.extend(lede_candidates(c.text, c.line, language))
        else:
            out.append(c)
    return out


# -- choosing ------------------------------------------------------------------------------------------


def _rank(rule: str) -> int:
    return PUBLISHED_RULES.index(rule) if rule in PUBLISHED_RULES else len(PUBLISHED_RULES)


def _with_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The day and month in the year that puts them nearest before ``ref`` (within the slack after it)."""
    latest = ref + dt.timedelta(days=MONTH_DAY_SLACK_DAYS)
    for year in (ref.year + 1, ref.year, ref.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= latest:
            return date
    return None


def _today() -> dt.date:
    return dt.date.today()


def _iso_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def settle(
    candidates: Sequence[Candidate],
    manifest: str | None = None,
    fetched_at: str | None = None,
    today: dt.date | None = None,
    url: str | None = None,
) -> tuple[str | None, str | None, tuple[DateEvidence, ...]]:
    """Choose the published date and the event date from the evidence; every candidate is reported.

    ``url`` (the article's URL) lends its year and month to a day and month when no full date does."""
    now = _iso_day(fetched_at) or today or _today()
    latest = now + dt.timedelta(days=FUTURE_SLACK_DAYS)
    reference = "the fetch time" if _iso_day(fetched_at) else "today"
    pubs = [c for c in candidates if c.field == "published"]
    if manifest:
        day = _iso_day(manifest)
        pubs.insert(0, Candidate("published", "manifest", 0, manifest, date=day, problem="" if day else "not a date"))

    # Full dates that may give a year to a day and month, strongest first.
    anchors = sorted(
        (c for c in pubs if c.date and not c.problem and MIN_YEAR <= c.date.year and c.date <= latest),
        key=lambda c: (_rank(c.rule), c.line),
    )
    period_end = url_period_end(url)
    if period_end:
        anchors.append(Candidate("published", "url", 0, str(url), date=period_end))
    if _iso_day(fetched_at):
        anchors.append(Candidate("published", "fetch time", 0, str(fetched_at), date=_iso_day(fetched_at)))

    rows: list[tuple[Candidate, dt.date | None, str, str]] = []  # candidate, date, problem, note
    for c in pubs:
        date, problem, note = c.date, c.problem, ""
        if date is None and c.month and not problem:
            anchor = next((a for a in anchors if a is not c), None)
            if anchor is None or anchor.date is None:
                problem = "a day and month with no year, and no other date to take the year from"
            else:
                date = _with_year(c.month, c.day, anchor.date)
                if date is None:
                    problem = "impossible date"
                else:
                    source = f"{anchor.rule} date {anchor.date.isoformat()}" if anchor.text != url else "URL"
                    note = f"year from the {source}"
        if date and not problem and date > latest:
            problem = f"in the future (after {reference}, {now.isoformat()})"
        rows.append((c, date, problem, note))
    valid = [r for r in rows if r[1] and not r[2]]
    chosen = min(valid, key=lambda r: (_rank(r[0].rule), r[0].line)) if valid else None
    published = chosen[1] if chosen else None

    evidence: list[DateEvidence] = []
    for c, date, problem, note in rows:
        value = date.isoformat() if date else c.text
        if chosen is not None and c is chosen[0]:
            why = _WHY.get(c.rule, c.rule)
            evidence.append(DateEvidence("published", value, c.line, c.rule, True, f"{why}; {note}" if note else why))
            continue
        if problem:
            why = problem
        elif chosen is not None and date == published:
            why = "agrees with the chosen date"
        elif chosen is not None:
            why = f"conflicts with the {chosen[0].rule} date{_at(chosen[0].line)}, which ranks higher"
        else:
            why = note
        evidence.append(DateEvidence("published", value, c.line, c.rule, False, why))

    event, event_evidence = _event_date([c for c in candidates if c.field == "event_date"], published, latest)
    evidence.extend(event_evidence)
    # The chosen ones first, then the losers in the order found, within the cap.
    evidence.sort(key=lambda e: not e.chosen)
    return (published.isoformat() if published else None), event, tuple(evidence[:MAX_EVIDENCE])


def _at(line: int) -> str:
    return f" on line {line}" if line else ""


def _event_date(
    cands: Sequence[Candidate], published: dt.date | None, latest: dt.date
) -> tuple[str | None, list[DateEvidence]]:
    evidence: list[DateEvidence] = []
    chosen: dt.date | None = None
    for c in cands:
        date, problem, note = c.date, c.problem, ""
        if c.period:
            if published is None:
                problem = "no published date to resolve it against"
            else:
                value = _period_back(published, c.period, c.back)
                evidence.append(DateEvidence("event_date", value, c.line, c.rule, False, f"a {c.period}, not a day"))
                continue
        elif date is None and c.month:
            if published is None:
                problem = "a day and month with no year, and no published date to take it from"
            else:
                date = _with_year(c.month, c.day, published)
                note = "year from the published date"
                problem = "" if date else "impossible date"
        elif c.weekday >= 0:
            if published is None:
                problem = "no published date to resolve it against"
            else:
                back = (published.weekday() - c.weekday) % 7
                if back > 6 - WEEKDAY_AHEAD_DAYS:
                    date = published + dt.timedelta(days=7 - back)
                    note = f"the {c.text} right after the published date"
                else:
                    date = published - dt.timedelta(days=back)
                    note = f"the last {c.text} on or before the published date"
        elif c.days_back >= 0:
            if published is None:
                problem = "no published date to resolve it against"
            else:
                date = published - dt.timedelta(days=c.days_back)
                note = "counted back from the published date"
        if date and not problem:
            if date > latest:
                problem = "in the future"
            elif published and date > published + dt.timedelta(days=MONTH_DAY_SLACK_DAYS):
                problem = "after the published date: a day ahead, not the event"
            elif date.year < MIN_YEAR:
                problem = f"year out of range ({date.year})"
        value = date.isoformat() if date else c.text
        if problem:
            evidence.append(DateEvidence("event_date", value, c.line, c.rule, False, problem))
        elif chosen is None:
            chosen = date
            why = "the first date the lede gives for the happening"
            evidence.append(DateEvidence("event_date", value, c.line, c.rule, True, f"{why}; {note}" if note else why))
        else:
            why = "agrees with the chosen date" if date == chosen else "a later mention in the lede"
            evidence.append(DateEvidence("event_date", value, c.line, c.rule, False, why))
    return (chosen.isoformat() if chosen else None), evidence


def _period_back(published: dt.date, period: str, back: int) -> str:
    """'2024-05' for "last month" from 2024-06-05; the ISO week or year for the others."""
    if period == "month":
        month = published.month - back
        year = published.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    if period == "week":
        year, week, _ = (published - dt.timedelta(weeks=back)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{published.year - back:04d}"
