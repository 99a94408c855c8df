"""Metadata read from a plain-text dump: title, published date, byline, dateline, url, origin, publisher.

The dates found here are candidates (nlp/dates.py weighs them once the manifest is merged): labelled
stamps ("Published:", "Update:"), a date line between the title and the body or in the byline, the
dateline's day ("Seoul, June 27:"), the URL, bare dates at the top or foot of the page, and the
relative days of the lede ("on Thursday", "yesterday").

The origin is the agency credited as the source of the copy: "(IANS)" or "(AsiaNews/Agencies)" in
the dateline, "By AFP", "Source: BBC", a lone "Yonhap" or "— Sputnik" credit beside the body, a
Reuters contributor note, "With inputs from agencies", an agency's copyright line, or "TASS reported"
in the lede of a rewrite. Never an agency the story merely cites further down, nor a photo credit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import data
from ..nlp.dates import (
    Candidate,
    find_dates,
    find_month_days,
    has_label,
    labelled,
    month_number,
    url_date,
)
from ..options import DEFAULT_OPTIONS, Options
from ..outlets import credit_signatures, generic_agency, is_agency, known_outlet, outlet_pattern
from .cleaned import Credit
from .lines import Line

# "Seoul, June 27:", "WASHINGTON (Reuters) -", "Seoul (AsiaNews/Agencies) –", "BUFFALO, N.Y. —"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,2}){0,2})?"
    r"(?:\s*(?:\((?P<credit>[^()]{2,60})\))?\s*(?P<sep>[:–—]|-{1,2})\s+|\s*\((?P<wire>[^()]{2,60})\)\s+"
    # TASS's own form: "MOSCOW, June 3. /TASS/."
    r"|\.?\s*/(?P<slashed>[^/\s][^/]{1,30})/\.?\s+)(?=\S)"
)
_CREDIT_LABEL = re.compile(
    r"^\W*(?:source|sources|courtesy|credit|quelle|fuente|fonte|출처)\s*[:：]\s*(?P<name>.{2,60}?)\W*$", re.I
)
_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared|ran)\s+(?:by|in|on|at)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})",
    re.I,
)
_BY = re.compile(r"^(?:by|par|von|por|di|door)\s+(?P<name>.+?)\W*$", re.I)
_BYLINE_PARTS = re.compile(r"\s*(?:,|\||\s[-–—]\s|\bfor\b|\bof\b)\s*")
_URL_LABEL = re.compile(
    r"^\W*(?:original url|source url|original link|permalink|url|link|source)\s*[:：]\s*(?P<url>\S*)\s*$", re.I
)
_URL = re.compile(r"https?://\S+|www\.\S+")
_COPYRIGHT = re.compile(
    r"(?:©|ⓒ|\(c\)|copyright)\s*(?:©|ⓒ|\(c\)|copyright)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<name>[^\W\d][^.,|©ⓒ]{1,60}?)\s*(?:\d{4}\s*)?(?:[.,|]|all rights|tous droits|alle rechte|todos los|$)",
    re.I,
)
_TITLE_LABEL = re.compile(r"^\s*(?:title|headline|titre|titel|título|titolo)\s*[:：]\s*", re.I)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[-–—|:]\s+(?P<site>[^-–—|:]{2,40})$")
# A site name quotes nobody: "Lindsay Lohan Checks Into Betty Ford Rehab – Where She 'Knows Everyone'" is one
# headline with a subtitle.
_QUOTED_WORD = re.compile(r"[\"“”]|(?:^|\s)['‘’]")
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")

# Lines right before or after the body in which a lone credit ("Yonhap") counts.
_CREDIT_REACH = 3
# A lone credit line, with its date and place at most: "Associated Press November 19, 2019, 9:02 AM".
_LONE_CREDIT_WORDS = 9
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.I)
_CREDIT_PARTS = re.compile(r"\s*[,|·•]\s*")
# A credit or contributor note is short; a longer line is prose that mentions one.
_CREDIT_WORDS = 25
# "With inputs from agencies", "(With inputs from PTI and Reuters)", "With agency inputs".
_WITH_INPUTS = re.compile(
    r"\bwith\s+(?:(?P<generic>agency|agencies|wire)\s+inputs?|inputs?\s+from\s+(?P<who>[^.;()]{2,60}))"
    r"|^\W*(?P<who2>[^.;()]{2,40}?)\s+contributed\s+to\s+this\s+report"
    # Al Jazeera's house credit: "Al Jazeera and news agencies" (the site's own staff and the wires).
    r"|^\W*(?:source\s*[:：]\s*)?[^.;()]{2,40}?\s+and\s+(?P<generic2>news\s+agencies|agencies|wires)\W*$",
    re.I,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b)\s*")
# The last paragraph signed off by the wire: "... — Sputnik", "... -- AP", "... (IANS)".
_SIGN_OFF = re.compile(r"(?:\s[—–]|\s--?)\s*(?P<dash>[\w .&'’-]{2,40}?)\s*$|\((?P<paren>[^()]{2,40})\)\s*$")
# "Yonhap news agency reported", "TASS reported", "Kyodo News said in a report".
_REPORTED_AFTER = re.compile(
    r"(?:['’]s?)?(?:\s+(?:news|state|official|wire))*(?:\s+(?:agency|service))?,?\s+"
    r"(?:reported|reports|said in a report|quoted\b)",
    re.I,
)
_REPORTING = re.compile(r"\b(?:report(?:ed|s)?|according|citing|quoted|cited)\b", re.I)
# "according to Kyodo", "reported Russia's state news agency TASS", "citing Xinhua".
_REPORTED_BEFORE = re.compile(
    r"(?:according\s+to|reported|reports|citing|quoted\s+by|cited\s+by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I
)


def _cheap_key(text: str) -> str:
    return text.casefold().strip(" .:;,-–—|•»«\"'“”‘’")


def normal_title(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def page_title_key(first_line: str) -> str:
    """The page's <title> (a dump's first line) folded as normal_title, without its " - Site" suffix."""
    m = _TITLE_SUFFIX.match(first_line)
    return normal_title(m.group("title") if m else first_line)


def detect_meta(
    lines: Sequence[Line], start: int, end: int, options: Options = DEFAULT_OPTIONS
) -> tuple[dict[str, str], tuple[Candidate, ...], Credit | None]:
    """Metadata from the measured lines of a dump, given the article's main stretch [start, end], the
    date evidence found on the page (chosen later, with the manifest: nlp.dates.settle) and the credit
    the origin was read from."""
    meta: dict[str, str] = {}
    body = [ln for ln in lines[start : end + 1] if not ln.kind] if end >= start else []
    title, title_index = find_title(lines, start)
    if title:
        meta["title"] = title
    dateline, dateline_credit, dateline_at = None, None, -1
    for i, line in enumerate(body[:3]):
        place, credit = _dateline(line.text, options)
        if place or credit:
            # Past the first paragraph (a standfirst may come first) only a credited or dated one counts.
            if i == 0 or credit or (place and _dated(place)):
                dateline, dateline_credit, dateline_at = place, credit, i
                break
    if dateline:
        meta["dateline"] = dateline
    byline = _byline(lines, start, end)
    if byline:
        meta["byline"] = byline.text
    url, url_line = _url(lines)
    if url:
        meta["url"] = url
    lede = body[max(dateline_at, 0) : max(dateline_at, 0) + 2]
    credited = (dateline_credit, body[dateline_at].n) if dateline_credit else None
    origin = _origin(lines, start, end, credited, byline, lede, options)
    if origin:
        meta["origin"] = origin.name
        rule = origin_rule(origin.name, origin.rewrite)
        if rule:
            meta["origin_rule"] = rule
        else:
            meta["outlet"] = origin.name
    publisher = _publisher(lines, options)
    if publisher:
        meta["publisher"] = publisher
    dates = _date_candidates(lines, start, end, title_index)
    if dateline and dateline_at >= 0:
        dates.extend(_dateline_candidates(dateline, body[dateline_at].n))
    if url:
        found = url_date(url)
        if found:
            dates.append(Candidate("published", "url", url_line, found.text, date=found.date, problem=found.problem))
    dates.extend(_lede_candidates(lede, dateline_at == 0))
    return meta, tuple(dates), origin


# -- title -------------------------------------------------------------------------------------------


def find_title(lines: Sequence[Line], start: int) -> tuple[str | None, int]:
    """The headline: a headline-shaped line above the body, preferring one like the page's <title>
    (the first line of a dump saved from a browser) and one the page repeats."""
    from rapidfuzz import fuzz

    if start <= 0 and lines:
        start = min(len(lines), 1) if lines[0].kind == "" and not lines[0].ends_sentence else 0
    seen: dict[str, int] = {}
    for line in lines:
        if 3 <= line.words <= 30:
            key = _cheap_key(line.text)
            seen[key] = seen.get(key, 0) + 1
    page_title = ""
    if lines and lines[0].kind != "metadata" and 3 <= lines[0].words <= 40:
        page_title = page_title_key(lines[0].text)
    best, best_score, best_index = None, float("-inf"), -1
    # The first lines of the body are candidates too when they copy the <title>: a question headline
    # reads like a sentence.
    for i in range(min(start + _TITLE_INSIDE, len(lines)) - 1, -1, -1):
        line = lines[i]
        if line.kind in ("furniture", "metadata") or not 3 <= line.words <= 30 or _URL_LABEL.match(line.text):
            continue
        if line.text.endswith((".", ":", ";", ",")) and not line.text.endswith("..."):
            continue
        # "title: ..." / "Headline: ..." as a scraper or a note-taking tool writes it.
        text = _TITLE_LABEL.sub("", line.text)
        if i == 0:
            m = _TITLE_SUFFIX.match(text)
            if m:
                text = m.group("title")
        score = 0.0
        likeness = fuzz.token_set_ratio(normal_title(text), page_title) / 100 if i > 0 and page_title else 0.0
        if likeness >= _TITLE_LIKENESS:
            score += 4 * likeness
        repeated = seen.get(_cheap_key(text), 0) > 1
        if repeated:
            score += 1.5
        if i >= start and not (likeness >= 0.9 or repeated and likeness >= _TITLE_LIKENESS):
            continue
        score -= min(abs(start - i), 40) * 0.08
        if 5 <= line.words <= 20:
            score += 0.5
        elif line.words <= 3:
            score -= 1
        if text.endswith(("...", "…")):
            score -= 2
        if score > best_score:
            best, best_score, best_index = text, score, i
    return best, best_index


# How like the page's <title> a line must be to count as its headline (token set ratio, 0-1).
_TITLE_LIKENESS = 0.6
# How many lines into the body a copy of the <title> is still taken for the headline.
_TITLE_INSIDE = 3


# -- dateline, byline, url -----------------------------------------------------------------------------


def _dateline(first: str, options: Options = DEFAULT_OPTIONS) -> tuple[str | None, str | None]:
    m = _DATELINE.match(first)
    if not m:
        return None, None
    place, credit = m.group("place"), m.group("credit")
    wire = m.group("wire") or m.group("slashed")
    if wire:
        # "NEW DELHI, May 3 (IANS) Prime Minister...": with no dash after it, only a wire's name makes
        # the parenthesis (or TASS's slashes) a credit ("John Smith (left) said" is not a dateline).
        if not _credit_name(wire, options):
            return None, None
        credit = wire
    if not place and not credit:
        return None, None
    if place and (len(place.split()) > 6 or place.split()[0].casefold() in _NOT_PLACES):
        return None, credit
    # "MOSCOW, June 3. /TASS/.": the day's full stop is not part of the place.
    return (re.sub(r"(?<=\d)\.$", "", place.strip()) if place else None), credit


_NOT_PLACES = data.words("datelines", "not_places")


def _byline(lines: Sequence[Line], start: int, end: int) -> Line | None:
    candidates = [ln for ln in lines if ln.reason == "byline"]
    if not candidates:
        return None
    anchor = lines[start].n if start <= end and lines else 0
    return min(candidates, key=lambda ln: abs(ln.n - anchor))


def _url(lines: Sequence[Line]) -> tuple[str | None, int]:
    """The article's own URL ("Original url:", "Permalink:") and its line number."""
    for i, line in enumerate(lines):
        m = _URL_LABEL.match(line.text)
        if not m:
            continue
        if not line.kind:
            line.kind, line.reason = "metadata", "url label"
        if m.group("url") and _URL.match(m.group("url")):
            return m.group("url"), line.n
        if i + 1 < len(lines):
            found = _URL.match(lines[i + 1].text)
            if found:
                return found.group(0), lines[i + 1].n
    return None, 0


# -- origin and publisher ------------------------------------------------------------------------------


def _origin(
    lines: Sequence[Line],
    start: int,
    end: int,
    dateline_credit: tuple[str, int] | None,
    byline: Line | None,
    lede: Sequence[Line],
    options: Options,
) -> Credit | None:
    """The credited origin of the copy, where it was read, and whether it is only the source a
    rewrite names in its lede."""
    if dateline_credit:
        name = _credit_name(re.split(r"[/,;]| and ", dateline_credit[0])[0], options)
        if name:
            return Credit(name, dateline_credit[1], "dateline")
    if byline:
        m = _BY.match(byline.text)
        if m:
            # "By AFP", "By Jane Doe, Associated Press", "By Jane Doe | Reuters"
            for part in (m.group("name"), *_BYLINE_PARTS.split(m.group("name"))[1:]):
                name = known_outlet(part, options.outlets)
                if name:
                    return Credit(name, byline.n, "byline")
    near = _near_body(lines, start, end)
    for i, line in enumerate(lines):
        # A "Source:" line inside the article credits a chart or a quote, not the copy.
        if line.words > 12 or (start <= i <= end and not line.kind):
            continue
        m = _CREDIT_LABEL.match(line.text)
        if m:
            name = _credit_name(m.group("name"), options) or _plausible_name(m.group("name"))
            if name:
                line.kind, line.reason = "metadata", "source credit"
                return Credit(name, line.n, "source-label")
    for line in near:
        # "Yonhap", "— Sputnik", "-- AP", "Kyodo News" on a line of its own, or with the date and the
        # place ("Associated Press November 19, 2019, 9:02 AM", "Reuters, Washington,"); not
        # "AFP/Getty Images".
        if line.words <= _LONE_CREDIT_WORDS and line.reason != "photo caption or credit":
            name = _lone_credit(line.text, options)
            if name:
                if not line.kind or line.reason == "date or timestamp":
                    line.kind, line.reason = "metadata", "credit line"
                return Credit(name, line.n, "credit-line")
    for line in lines[max(start, end - 2) : end + _CREDIT_REACH + 1]:
        name = _closing_credit([line.text], options) if line.words <= _CREDIT_WORDS else None
        if name:
            return Credit(name, line.n, "closing-credit")
    if end >= start:
        # "... wrote the story. — Sputnik", "... said on Monday. (IANS)": the wire signs off the last
        # paragraph (which, not ending a sentence, may have been left just outside the article).
        last = [ln for ln in lines[start : end + 1] if not ln.kind][-1:]
        for signed in (*last, *lines[end + 1 : end + 2]):
            m = _SIGN_OFF.search(signed.text)
            name = _credit_name(m.group("dash") or m.group("paren"), options) if m else None
            if name:
                return Credit(name, signed.n, "sign-off")
    for line in lines[max(0, end - 2) : end + _CREDIT_REACH + 1]:
        m = _ORIGINALLY.search(line.text)
        if m:
            name = known_outlet(m.group("name"), options.outlets) or _plausible_name(m.group("name"))
            if name:
                return Credit(name, line.n, "originally-published")
    for i, line in enumerate(lines):
        # An agency's copyright line: as a stock phrase anywhere, or right below the article.
        below = end >= start and end < i <= end + _CREDIT_REACH
        if (line.reason.startswith("stock phrase") or below) and line.words <= 30:
            name = _agency_copyright(line.text, options)
            if name:
                return Credit(name, line.n, "copyright")
    for line in lede:
        name = _reported_by(line.text, options)
        if name:
            return Credit(name, line.n, "reported-by", rewrite=True)
    return None


def origin_rule(origin: str, rewrite: bool) -> str | None:
    """Why an origin is not also the outlet: "rewrite" ("Yonhap reported" names where the news came
    from, not whose copy this is) or "unnamed" ("With inputs from agencies": two sites crediting
    "agencies" are not one voice); None when the credited agency's copy is the article."""
    if rewrite:
        return "rewrite"
    return "unnamed" if generic_agency(origin) else None


def html_origin(kept: Sequence[str], dropped: Sequence[str], options: Options = DEFAULT_OPTIONS) -> Credit | None:
    """The credit forms an HTML page's own credit lines do not cover: a closing credit (contributor
    note, "With inputs from", a sign-off) among the last paragraphs and the lines dropped, an agency's
    copyright, "X reported" in the lede (a rewrite's source). HTML has no lines: line 0."""
    short = [t for t in (*kept[-2:], *dropped) if len(t.split()) <= _CREDIT_WORDS]
    name = _closing_credit(short, options)
    if name:
        return Credit(name, 0, "closing-credit")
    if kept:
        m = _SIGN_OFF.search(kept[-1])
        name = _credit_name(m.group("dash") or m.group("paren"), options) if m else None
        if name:
            return Credit(name, 0, "sign-off")
    name = next(filter(None, (_agency_copyright(t, options) for t in short)), None)
    if name:
        return Credit(name, 0, "copyright")
    for text in kept[:2]:
        name = _reported_by(text, options)
        if name:
            return Credit(name, 0, "reported-by", rewrite=True)
    return None


def _closing_credit(texts: Sequence[str], options: Options) -> str | None:
    """A house credit ("(Reporting by ...; Editing by ...)") or "With inputs from PTI/agencies"."""
    for text in texts:
        for outlet, signature in credit_signatures():
            if signature.match(text):
                return outlet
        m = _WITH_INPUTS.search(text)
        if m:
            for part in _LIST_SPLIT.split(m.group("who") or m.group("who2") or ""):
                name = _credit_name(part, options)
                if name:
                    return name
            if m.group("generic") or m.group("generic2"):
                return generic_agency("agencies")
    return None


def _agency_copyright(text: str, options: Options) -> str | None:
    """ "Copyright 2020 The Associated Press": an agency's copyright is the copy's origin (another
    holder is the publisher)."""
    m = _COPYRIGHT.search(text)
    name = known_outlet(m.group("name").strip(), options.outlets) if m else None
    return name if name and is_agency(name) else None


def _lone_credit(text: str, options: Options) -> str | None:
    """The outlet a short credit line names, once its date and time are set aside: the whole line, or
    its first part before a comma or bar ("Reuters, Washington")."""
    for m in reversed(find_dates(text)):
        text = text[: m.start] + " " + text[m.start + len(m.text) :]
    text = _TIME.sub(" ", text).strip(" ()[]—–-©,|·•")
    name = _credit_name(text, options)
    if name is None and len(text.split()) > 1:
        name = known_outlet(_CREDIT_PARTS.split(text, maxsplit=1)[0], options.outlets)
    return name


def _credit_name(text: str | None, options: Options) -> str | None:
    """The outlet a credit names: a registered outlet or alias, or "agencies" for an unnamed one."""
    if not text:
        return None
    text = text.strip(" .,:;")
    return known_outlet(text, options.outlets) or generic_agency(text)


def _reported_by(text: str, options: Options) -> str | None:
    """The agency a rewrite credits in its lede ("..., Yonhap news agency reported.", "TASS reported",
    "according to Kyodo News"); only a wire service or news agency counts."""
    if not _REPORTING.search(text):
        return None  # most ledes credit nobody: skip the long alternation of every outlet's name
    pattern, lookup = outlet_pattern(options.outlets)
    for m in pattern.finditer(text):
        name = lookup[m.group(0).casefold()]
        if not is_agency(name):
            continue
        if _REPORTED_AFTER.match(text, m.end()) or _REPORTED_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
            return name
    return None


def _near_body(lines: Sequence[Line], start: int, end: int) -> list[Line]:
    if end < start:
        return []
    return [*lines[max(0, start - _CREDIT_REACH) : start], *lines[end + 1 : end + 1 + _CREDIT_REACH]]


def _plausible_name(text: str) -> str | None:
    text = text.strip(" .:-–—()[]")
    words = text.split()
    if words and (month_number(words[0]) or words[0].casefold() in _NOT_PLACES):
        return None
    if 1 <= len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return text
    return None


def _publisher(lines: Sequence[Line], options: Options) -> str | None:
    """The copyright holder, else the site name after the page title ("Headline - Site")."""
    for line in lines:
        if not line.reason.startswith("stock phrase") or line.words > 30:
            continue
        m = _COPYRIGHT.search(line.text)
        if m:
            name = m.group("name").strip()
            if not name.casefold().startswith(("all rights", "copyright", "tous droits", "by ")):
                known = known_outlet(name, options.outlets)
                if is_agency(known):
                    continue  # an agency's copyright names the origin of the copy, not the site printing it
                return known or name
    # A menu or breadcrumb ("Home | World | Politics") has the shape of "Headline | Site" too.
    if lines and lines[0].reason not in ("menu", "breadcrumb"):
        m = _TITLE_SUFFIX.match(lines[0].text)
        if m and len(m.group("site").split()) <= 4 and not _QUOTED_WORD.search(m.group("site")):
            site = m.group("site").strip()
            return known_outlet(site, options.outlets) or site
    return None


# -- dates ---------------------------------------------------------------------------------------------

# Below the article, a date this many lines down still belongs to it ("BDST: 1740 HRS, JUNE 21, 2024").
_DATE_AFTER_REACH = 5
# A line longer than this is prose, not a stamp.
_STAMP_WORDS = 20


def _date_candidates(lines: Sequence[Line], start: int, end: int, title_index: int) -> list[Candidate]:
    """Published-date evidence from the lines around the article: stamps, date lines, bare dates."""
    day_first = _day_first(lines)
    body_from = start if end >= start else len(lines)
    found: list[Candidate] = []
    for i, line in enumerate(lines):
        if line.kind == "" and start <= i <= end:
            continue
        if line.words > _STAMP_WORDS or not _DIGIT.search(line.text):
            continue
        mentions = find_dates(line.text, day_first) if _YEARISH.search(line.text) else []
        for m in mentions:
            label = labelled(line.text, m.start)
            if label:
                rule = f"{label}-stamp"
            elif line.reason == "byline":
                rule = "byline"
            elif i < body_from and (title_index < 0 or i > title_index):
                rule = "date-line"
            elif i < body_from:
                rule = "page-top"
            elif i - end <= _DATE_AFTER_REACH:
                rule = "page-end"
            else:
                break
            problem = m.problem
            if label == "accessed":
                problem = problem or "the day the page was saved or read, not the day it was published"
            found.append(Candidate("published", rule, line.n, m.text, date=m.date, problem=problem))
            if not label:
                break  # an unlabelled line's later dates are ranges and times, not another publication
        if not mentions and has_label(line.text):
            # "Published: 27 June": a labelled day and month, whose year comes from another date.
            for m in find_month_days(line.text):
                label = labelled(line.text, m.start)
                if label in ("published", "updated"):
                    found.append(Candidate("published", f"{label}-stamp", line.n, m.text, month=m.month, day=m.day))
                    break
    return found


def _dated(place: str) -> bool:
    return bool(find_month_days(place) or find_dates(place))


def _dateline_candidates(place: str, line: int) -> list[Candidate]:
    """A wire dateline's day: "SEOUL, June 27 (Yonhap) --", "WASHINGTON, June 3, 2024 (AP) —"."""
    for m in find_dates(place):
        return [Candidate("published", "dateline", line, m.text, date=m.date, problem=m.problem)]
    for m in find_month_days(place):
        return [Candidate("published", "dateline", line, m.text, month=m.month, day=m.day)]
    return []


def page_dates(
    meta_date: str | None, url: str | None, dateline: str | None, paragraphs: Sequence[str]
) -> tuple[Candidate, ...]:
    """Date evidence of an HTML page: the date its metadata gives (trafilatura's htmldate), the URL
    (the canonical link when the page has one), the dateline's day and the lede's relative days."""
    found: list[Candidate] = []
    for m in find_dates(meta_date or "")[:1]:
        found.append(Candidate("published", "html-meta", 0, m.text, date=m.date, problem=m.problem))
    from_url = url_date(url)
    if from_url:
        found.append(Candidate("published", "url", 0, from_url.text, date=from_url.date, problem=from_url.problem))
    if dateline:
        found.extend(_dateline_candidates(dateline, 0))
    found.extend(_lede_texts(list(paragraphs), [0] * len(paragraphs), True))
    return tuple(found)


def _lede_candidates(lede: Sequence[Line], strip_dateline: bool) -> list[Candidate]:
    """The first paragraphs, the dateline itself left out, as "lede" candidates: make_article reads
    their relative days in the article's language (nlp.dates.expand_lede)."""
    return _lede_texts([line.text for line in lede], [line.n for line in lede], strip_dateline)


def _lede_texts(texts: list[str], numbers: list[int], strip_dateline: bool) -> list[Candidate]:
    if not texts:
        return []
    if strip_dateline:
        m = _DATELINE.match(texts[0])
        if m:
            texts[0] = texts[0][m.end() :]
    return [Candidate("lede", "lede", n, text) for n, text in zip(numbers, texts)]


def _day_first(lines: Sequence[Line]) -> bool:
    """Whether numeric dates on this page put the day first, judged from the unambiguous ones."""
    votes = 0
    for line in lines:
        if line.words > _STAMP_WORDS or not _DIGIT.search(line.text):
            continue
        for m in _NUMERIC.finditer(line.text):
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 >= b:
                votes += 1
            elif b > 12 >= a:
                votes -= 1
    return votes > 0


_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# Every full date has a year of four digits or more: lines without one skip the date patterns.
_YEARISH = re.compile(r"\d{4}")
