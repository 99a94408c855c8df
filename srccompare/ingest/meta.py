"""Metadata read from a plain-text dump: title, published date, byline, dateline, url, origin, publisher.

The published date follows the evidence a careful reader weighs: a labelled stamp ("Published:",
"Update:") beats a date line between the title and the body, which beats a dateline's month and
day ("Seoul, June 27:"), which beats a bare date printed at the very top of the page (often the day
the page was viewed or printed).

The origin is the agency credited as the source of the copy ("By AFP", "Source: BBC",
"Seoul (AsiaNews/Agencies) –", a lone "Yonhap" credit line beside the body), never an agency the
text merely cites.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..options import DEFAULT_OPTIONS, Options
from ..outlets import known_outlet
from .lines import Line

_MONTH_NUMBERS = {
    1: "jan janu january janv janvier januar janeiro ene enero gen gennaio januari stycznia ocak",
    2: "feb febr february fév févr février fevrier februar fev fevereiro febrero febbraio februari lutego şubat",
    3: "mar march mars märz marz marzo março marco maret maart marca mart",
    4: "apr april avr avril abr abril aprile kwietnia nisan",
    5: "may mai mayo maggio maio mei maja mayıs",
    6: "jun june juin juni junio giugno junho czerwca haziran",
    7: "jul july juil juillet juli julio luglio julho lipca temmuz",
    8: "aug august août aout ago agosto agustus augustus sierpnia ağustos",
    9: "sep sept september septembre septiembre set settembre setembro września eylül",
    10: "oct october octobre okt oktober octubre ott ottobre out outubro października ekim",
    11: "nov november novembre noviembre novembro listopada kasım",
    12: "dec december déc décembre decembre dez dezember dic diciembre dicembre dezembro desember grudnia aralık",
}
MONTHS = {name: number for number, names in _MONTH_NUMBERS.items() for name in names.split()}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?({_MONTH_ALT})\.?,?\s+(?:de\s+)?(\d{{4}})\b", re.I
)
_KOREAN = re.compile(r"(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]")
_MONTH_DAY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})\s+({_MONTH_ALT})\b", re.I)

_PUBLISHED_LABEL = re.compile(
    r"^\W*(?:published|posted|first published|date published|publication date|date|released|"
    r"publié|publié le|veröffentlicht|publicado|pubblicato|publicada|기사입력|입력|등록)\b",
    re.I,
)
_UPDATED_LABEL = re.compile(
    r"^\W*(?:updated?|last updated|last modified|modified|mis à jour|aktualisiert|actualizado|"
    r"aggiornato|atualizado|수정)\b",
    re.I,
)

# "Seoul, June 27:", "WASHINGTON (Reuters) -", "Seoul (AsiaNews/Agencies) –", "BUFFALO, N.Y. —"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,2}){0,2})?"
    r"\s*(?:\((?P<credit>[^()]{2,60})\))?\s*(?P<sep>[:–—]|-{1,2})\s+(?=\S)"
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
    r"(?:©|ⓒ|\(c\)|copyright)\s*(?:©|ⓒ|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<name>[^\W\d][^.,|©ⓒ]{1,60}?)\s*(?:\d{4}\s*)?(?:[.,|]|all rights|tous droits|alle rechte|todos los|$)",
    re.I,
)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[-–—|:]\s+(?P<site>[^-–—|:]{2,40})$")
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")

# Lines right before or after the body in which a lone credit ("Yonhap") counts.
_CREDIT_REACH = 3


def _cheap_key(text: str) -> str:
    return text.casefold().strip(" .:;,-–—|•»«\"'“”‘’")


def normal_title(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def page_title_key(first_line: str) -> str:
    """The page's <title> (a dump's first line) folded as normal_title, without its " - Site" suffix."""
    m = _TITLE_SUFFIX.match(first_line)
    return normal_title(m.group("title") if m else first_line)


def detect_meta(lines: Sequence[Line], start: int, end: int, options: Options = DEFAULT_OPTIONS) -> dict[str, str]:
    """Metadata from the measured lines of a dump, given the article's main stretch [start, end]."""
    meta: dict[str, str] = {}
    body = [ln for ln in lines[start : end + 1] if not ln.kind] if end >= start else []
    title, title_index = find_title(lines, start)
    if title:
        meta["title"] = title
    dateline, dateline_credit = None, None
    for i, line in enumerate(body[:3]):
        place, credit = _dateline(line.text)
        if place or credit:
            # Past the first paragraph (a standfirst may come first) only a credited or dated one counts.
            if i == 0 or credit or (place and _MONTH_DAY.search(place)):
                dateline, dateline_credit = place, credit
                break
    if dateline:
        meta["dateline"] = dateline
    byline = _byline(lines, start, end)
    if byline:
        meta["byline"] = byline
    url = _url(lines)
    if url:
        meta["url"] = url
    origin = _origin(lines, start, end, dateline_credit, byline, options)
    if origin:
        meta["origin"] = origin
        meta["outlet"] = origin
    publisher = _publisher(lines, options)
    if publisher:
        meta["publisher"] = publisher
    published = _published(lines, start, end, title_index, dateline)
    if published:
        meta["published"] = published
    return meta


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
        text = line.text
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


def _dateline(first: str) -> tuple[str | None, str | None]:
    m = _DATELINE.match(first)
    if not m:
        return None, None
    place, credit = m.group("place"), m.group("credit")
    if not place and not credit:
        return None, None
    if place and (len(place.split()) > 6 or place.split()[0].casefold() in _NOT_PLACES):
        return None, credit
    return (place.strip() if place else None), credit


_NOT_PLACES = frozenset(
    "update updated note editor editors correction photo source by the a an in on at summary "
    "breaking watch video live exclusive opinion analysis review "
    "but and so he she it they we i this that".split()
)


def _byline(lines: Sequence[Line], start: int, end: int) -> str | None:
    candidates = [ln for ln in lines if ln.reason == "byline"]
    if not candidates:
        return None
    anchor = lines[start].n if start <= end and lines else 0
    return min(candidates, key=lambda ln: abs(ln.n - anchor)).text


def _url(lines: Sequence[Line]) -> str | None:
    for i, line in enumerate(lines):
        m = _URL_LABEL.match(line.text)
        if not m:
            continue
        if not line.kind:
            line.kind, line.reason = "metadata", "url label"
        if m.group("url") and _URL.match(m.group("url")):
            return m.group("url")
        if i + 1 < len(lines):
            found = _URL.match(lines[i + 1].text)
            if found:
                return found.group(0)
    return None


# -- origin and publisher ------------------------------------------------------------------------------


def _origin(
    lines: Sequence[Line], start: int, end: int, dateline_credit: str | None, byline: str | None, options: Options
) -> str | None:
    if dateline_credit:
        name = known_outlet(re.split(r"[/,;]| and ", dateline_credit)[0].strip(), options.outlets)
        if name:
            return name
    if byline:
        m = _BY.match(byline)
        if m:
            # "By AFP", "By Jane Doe, Associated Press", "By Jane Doe | Reuters"
            for part in (m.group("name"), *_BYLINE_PARTS.split(m.group("name"))[1:]):
                name = known_outlet(part, options.outlets)
                if name:
                    return name
    near = _near_body(lines, start, end)
    for i, line in enumerate(lines):
        # A "Source:" line inside the article credits a chart or a quote, not the copy.
        if line.words > 12 or (start <= i <= end and not line.kind):
            continue
        m = _CREDIT_LABEL.match(line.text)
        if m:
            name = known_outlet(m.group("name"), options.outlets) or _plausible_name(m.group("name"))
            if name:
                line.kind, line.reason = "metadata", "source credit"
                return name
    for line in near:
        if line.words <= 4:
            name = known_outlet(line.text.strip(" ()[]—–-©"), options.outlets)
            if name:
                line.kind, line.reason = "metadata", "credit line"
                return name
    for line in lines[max(0, end - 2) : end + _CREDIT_REACH + 1]:
        m = _ORIGINALLY.search(line.text)
        if m:
            name = known_outlet(m.group("name"), options.outlets) or _plausible_name(m.group("name"))
            if name:
                return name
    return None


def _near_body(lines: Sequence[Line], start: int, end: int) -> list[Line]:
    if end < start:
        return []
    return [*lines[max(0, start - _CREDIT_REACH) : start], *lines[end + 1 : end + 1 + _CREDIT_REACH]]


def _plausible_name(text: str) -> str | None:
    text = text.strip(" .:-–—()[]")
    words = text.split()
    if words and (words[0].casefold() in MONTHS or words[0].casefold() in _NOT_PLACES):
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
                return known_outlet(name, options.outlets) or name
    # A menu or breadcrumb ("Home | World | Politics") has the shape of "Headline | Site" too.
    if lines and lines[0].reason not in ("menu", "breadcrumb"):
        m = _TITLE_SUFFIX.match(lines[0].text)
        if m and len(m.group("site").split()) <= 4:
            site = m.group("site").strip()
            return known_outlet(site, options.outlets) or site
    return None


# -- published -----------------------------------------------------------------------------------------


def _published(lines: Sequence[Line], start: int, end: int, title_index: int, dateline: str | None) -> str | None:
    if not lines:
        return None
    day_first = _day_first(lines)
    labelled, updated, between, top, after = [], [], [], [], []
    body_from = start if end >= start else len(lines)
    for i, line in enumerate(lines):
        if line.kind == "" and start <= i <= end:
            continue
        if line.words > 20 or not _DIGIT.search(line.text):
            continue
        found = find_date(line.text, day_first)
        if not found:
            continue
        if _PUBLISHED_LABEL.match(line.text):
            labelled.append(found)
        elif _UPDATED_LABEL.match(line.text):
            updated.append(found)
        elif i < body_from and (title_index < 0 or i > title_index):
            between.append(found)
        elif i < body_from:
            top.append(found)
        elif i - end <= 5:
            after.append(found)
    for group in (labelled, updated, between):
        if group:
            return group[0].isoformat()
    if dateline:
        context = [*top, *after]
        found = _month_day(dateline, context)
        if found:
            return found.isoformat()
    for group in (top, after):
        if group:
            return group[0].isoformat()
    return None


def _day_first(lines: Sequence[Line]) -> bool:
    """Whether numeric dates on this page put the day first, judged from the unambiguous ones."""
    votes = 0
    for line in lines:
        if line.words > 20 or not _DIGIT.search(line.text):
            continue
        for m in _NUMERIC.finditer(line.text):
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 >= b:
                votes += 1
            elif b > 12 >= a:
                votes -= 1
    return votes > 0


def find_date(text: str, day_first: bool = False) -> dt.date | None:
    """The first full date written in ``text``, in any of the common news formats."""
    best: tuple[int, dt.date] | None = None
    for pattern, order in (
        (_ISO, "ymd"),
        (_KOREAN, "ymd"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_DAY_MONTH_YEAR, "dmy"),
        (_NUMERIC, "dmy" if day_first else "mdy"),
    ):
        m = pattern.search(text)
        if not m or (best and best[0] <= m.start()):
            continue
        date = _make(m.groups(), order)
        if date is None and pattern is _NUMERIC:
            date = _make(m.groups(), "mdy" if day_first else "dmy")
        if date:
            best = (m.start(), date)
    return best[1] if best else None


def _make(parts: Sequence[str], order: str) -> dt.date | None:
    values = dict(zip(order, parts))
    try:
        month = values["m"]
        month_number = int(month) if month.isdigit() else MONTHS[month.casefold().rstrip(".")]
        year = int(values["y"])
        if year < 100:
            year += 2000
        if not 1990 <= year <= 2100:
            return None
        return dt.date(year, month_number, int(values["d"]))
    except (KeyError, ValueError):
        return None


def _month_day(dateline: str, context: Sequence[dt.date]) -> dt.date | None:
    """A dateline's month and day, with the year of the nearest page date not before it."""
    m = _MONTH_DAY.search(dateline)
    if not m or not context:
        return None
    month_name, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    month = MONTHS.get(month_name.casefold().rstrip("."))
    if not month:
        return None
    for ref in context:
        for year in (ref.year, ref.year - 1):
            try:
                date = dt.date(year, month, int(day))
            except ValueError:
                return None
            if date <= ref:
                return date
    return None
