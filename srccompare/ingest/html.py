"""Clean a saved HTML page: trafilatura finds the body and the metadata; we drop the furniture it keeps.

trafilatura writes one paragraph per line. Its standard mode is used: its precision mode loses
whole paragraphs on some layouts, and the filter below gains more precision at less cost. The lines
it keeps are filtered only for what is furniture on any site: the page title repeated as the first
line, with the standfirst the page gives as its description; short lines with stock furniture
phrases; link lists under a "Related" or "Comments" heading after the body; contributor notes;
credit lines, which also name the origin ("By AFP", "Source: BBC"). The filter never leaves less than
trafilatura's own body: when it would take too much of it, trafilatura's lines are kept
(``_not_below_trafilatura``).

Every visible line of the page that the article leaves out is listed in ``dropped`` with a reason,
so that the cleaning can be audited as it can for text dumps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Dropped
from ..options import DEFAULT_OPTIONS, Options
from ..outlets import canonical, find_outlets, merged
from .cleaned import Cleaned, Credit
from .meta import html_origin, origin_rule, page_dates
from .rules import fires

# An article has at least this many words, and at least one real sentence among them.
MIN_ARTICLE_WORDS = 25
# Credit and furniture lines are short; a long line matching a phrase is prose quoting it.
MAX_FURNITURE_WORDS = 30
# The furniture filter may take at most this share of trafilatura's body (see _not_below_trafilatura).
MAX_FILTERED_SHARE = 1 / 3

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
# "By AFP", "Source: BBC", "SOURCE: Al Jazeera News", "With AFP", "(AsiaNews/Agencies)": the origin.
_CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:by|source|sources|via|from|with|avec)\b\s*[:\-–—]?\s*(?P<who>.+?)\s*[\])]?\s*$", re.I
)
# "Photo: Yonhap", "© Reuters" under a picture: furniture, but the picture's source, not the article's.
_PHOTO_CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:(?:photo|photos|image|picture|credit|credits|foto)\b\s*[:\-–—]?|©|\(c\)|ⓒ)"
    r"\s*(?P<who>.+?)\s*[\])]?\s*$",
    re.I,
)
_PAREN_CREDIT = re.compile(r"\((?P<who>[^()]{2,60}?)(?:\s*/\s*[^()]{2,30})?\)\s*$")
# A wire dateline opening the body: "SEOUL (Reuters) -", "WASHINGTON, June 3 (AP) —".
_WIRE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,[^()]{1,30})?)\s*\((?P<who>[^()]{2,40})\)\s*[-–—:]")
# What joins a headline to the site's name in a page title: "Headline - Site", "Headline | Site".
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—·•]\s+")
# Reuters-style contributor notes: "(Reporting by ...; Editing by ...)".
_CONTRIBUTORS = re.compile(r"^\s*[\[(]\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.*[\])]\s*$", re.I)


@dataclass(frozen=True)
class _Extracted:
    text: str
    title: str | None
    description: str | None
    author: str | None
    date: str | None
    sitename: str | None
    hostname: str | None
    url: str | None


@dataclass(frozen=True)
class ReadPage:
    """What trafilatura made of a page, and the page's visible lines before it pruned the tree."""

    extracted: _Extracted
    visible: tuple[str, ...]


def clean_page(html: str, name: str = "-", url: str | None = None, options: Options = DEFAULT_OPTIONS) -> Cleaned:
    """The article of one HTML page, its paragraphs, the lines dropped and the metadata found."""
    tags = html.count("<")
    if tags > options.html_max_tags:
        raise InputError(
            name, f"HTML page too large to clean ({tags:,} tags; the limit is {options.html_max_tags:,})", "SC004"
        )
    tree = _parse(html, name)
    elements = sum(1 for _ in tree.iter())
    if elements > options.html_extraction_max_elements:
        # Budget (options.py): trafilatura would take minutes; the visible lines are a text dump.
        from .text import clean_dump

        return clean_dump("\n".join(_visible_lines(tree)), options)
    fast = elements > options.html_fallback_max_elements
    return clean_read(read_page(html, name, url, tree=tree, fast=fast), name, options)


def read_page(html: str, name: str = "-", url: str | None = None, tree=None, fast: bool = False) -> ReadPage:
    """Parse the page and let trafilatura find the body and the metadata (the slow part of cleaning)."""
    tree = _parse(html, name) if tree is None else tree
    visible = tuple(_visible_lines(tree))
    return ReadPage(_extract(tree, name, url, fast=fast), visible)


def clean_read(read: ReadPage, name: str = "-", options: Options = DEFAULT_OPTIONS) -> Cleaned:
    """Filter the furniture out of trafilatura's body."""
    page, visible = read.extracted, read.visible
    lines = [line.strip() for line in page.text.split("\n")]
    lines = [line for line in lines if line]
    kept, dropped, credits = _filter(lines, page, options)
    kept, dropped = _not_below_trafilatura(lines, kept, dropped)
    if not _has_article(kept):
        raise InputError(name, "HTML page with no article (only navigation or too little text)", "SC004")
    meta, credit = _metadata(page, kept, credits, options)
    if credit is None:
        credit = html_origin(kept, [d.text for d in dropped], options)
        if credit:
            meta["origin"] = credit.name
            rule = origin_rule(credit.name, credit.rewrite)
            if rule:
                meta["origin_rule"] = rule
    meta.update(_title(page, dropped))
    dates = page_dates(meta.pop("published", None), page.url, meta.get("dateline"), kept[:2])
    return Cleaned(tuple(kept), _audit(visible, kept, dropped), meta, dates=dates, credit=credit)


# The headline and the standfirst are trafilatura's own title and description, repeated in its body.
_HEAD_REASONS = ("repeated title", "standfirst repeated from the page description")


def _not_below_trafilatura(
    lines: list[str], kept: list[str], dropped: list[Dropped]
) -> tuple[list[str], list[Dropped]]:
    """Never return less than trafilatura's own body: when the filter takes away too much of it, the
    page gets trafilatura's lines back (without the repeated headline and standfirst).

    Too much: more than MAX_FILTERED_SHARE of the words of trafilatura's body (less the headline and
    standfirst), or everything that made it an article. The filter removes furniture that trafilatura
    left in, a few short lines round the body; a third of the body is more than that can be. On the 50
    dev pages the most it removes is 17% (a 'You may also like' list under a short review), then 13%."""
    head = [d for d in dropped if d.reason in _HEAD_REASONS]
    body = lines[len(head) :]
    total = sum(_words(line) for line in body)
    removed = total - sum(_words(line) for line in kept)
    lost_article = not _has_article(kept) and _has_article(body)
    if (lost_article or removed > MAX_FILTERED_SHARE * total) and fires("html:fallback"):
        return body, head
    return kept, dropped


def _parse(html: str, name: str):
    import trafilatura
    from lxml.etree import ParserError

    try:
        tree = trafilatura.load_html(html)
    except (ParserError, ValueError) as exc:
        raise InputError(name, f"malformed HTML that cannot be parsed ({exc})", "SC004") from None
    if tree is None:
        raise InputError(name, "malformed HTML that cannot be parsed", "SC004")
    return tree


# Elements that start a new line of visible text; the rest flow inline.
_BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section summary table tbody td "
    "tfoot th thead tr ul button label select".split()
)
# A visible line this long found inside a kept paragraph is a piece of it (split by <br>, say).
_FRAGMENT_WORDS = 4
_INVISIBLE = frozenset("head script style noscript template svg iframe object".split())


def _visible_lines(tree) -> list[str]:
    """The page's visible text, one line per block element, in page order (before extraction,
    which prunes the tree), so that the lines left out of the article can be listed."""
    from lxml import etree

    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text and _WORD.search(text):
            lines.append(text)
        buffer.clear()

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, elem in walker:
        tag = elem.tag.lower() if isinstance(elem.tag, str) else None
        if event == "start":
            if tag in _INVISIBLE or tag is None:
                if tag is not None:
                    walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                flush()
            if elem.text:
                buffer.append(elem.text)
        else:
            if tag in _BLOCKS:
                flush()
            if elem.tail:
                buffer.append(elem.tail)
    flush()
    return lines


def _audit(visible: tuple[str, ...], kept: list[str], dropped: list[Dropped]) -> tuple[Dropped, ...]:
    """Every visible line the article leaves out, in page order: the filter's drops with their
    reasons, and the lines trafilatura left outside the article."""
    whole = {_fold(line) for line in kept}
    body = " " + " ".join(whole) + " "
    ours = {_fold(d.text): d for d in dropped}
    out: list[Dropped] = []
    seen: set[str] = set()
    for line in visible:
        key = _fold(line)
        if not key or key in seen:
            continue
        if key in ours:
            out.append(ours[key])
            seen.add(key)
        elif not _in_body(key, whole, body):
            out.append(Dropped(0, line, "outside the article"))
            seen.add(key)
    out.extend(d for key, d in ours.items() if key not in seen)
    return tuple(out)


def _in_body(key: str, whole: set[str], body: str) -> bool:
    """Whether a visible line is (part of) a kept paragraph. A short line must be a whole paragraph:
    a menu word ("World") also occurs as a word of the body."""
    return key in whole or (len(key.split()) >= _FRAGMENT_WORDS and f" {key} " in body)


def _extract(tree, name: str, url: str | None, fast: bool = False) -> _Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=True, fast=fast)
    # bare_extraction returns a Document (a dict only when asked with as_dict).
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise InputError(name, "HTML page with no article text", "SC004")

    def field(attr: str) -> str | None:
        value = getattr(doc, attr, None) if doc is not None else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    return _Extracted(
        text=text,
        title=field("title"),
        description=field("description"),
        author=field("author"),
        date=field("date"),
        sitename=field("sitename"),
        hostname=field("hostname"),
        url=field("url") or url,
    )


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _filter(lines: list[str], page: _Extracted, options: Options) -> tuple[list[str], list[Dropped], list[str]]:
    """Split lines into kept paragraphs and dropped furniture; also return the credit lines' names."""
    phrase, section_end = _furniture_matchers()
    registry = merged(options.outlets)
    kept: list[str] = []
    dropped: list[Dropped] = []
    credits: list[str] = []
    start = 0
    # The headline repeated above the body, and the standfirst that the page gives as its description.
    if page.title and lines and _fold(lines[0]) in _title_forms(page.title) and fires("html:title"):
        dropped.append(Dropped(0, lines[0], "repeated title"))
        start = 1
        if (
            page.description
            and len(lines) > 1
            and _fold(lines[1]) == _fold(page.description)
            and fires("html:standfirst")
        ):
            dropped.append(Dropped(0, lines[1], "standfirst repeated from the page description"))
            start = 2
    body_seen = False
    for i in range(start, len(lines)):
        line = lines[i]
        short = _words(line) <= MAX_FURNITURE_WORDS
        who = _credit(line, registry) if short else None
        if who and fires("html:credit"):
            credits.append(who)
            dropped.append(Dropped(0, line, f"credit line ({who})"))
            continue
        m = _PHOTO_CREDIT.match(line) if short else None
        if m and _registered_credit(m.group("who"), registry) and fires("html:picture_credit"):
            dropped.append(Dropped(0, line, "picture credit"))
            continue
        if short and _CONTRIBUTORS.match(line) and fires("html:contributors"):
            dropped.append(Dropped(0, line, "contributor note"))
            continue
        if (
            body_seen
            and section_end is not None
            and section_end(line)
            and _only_short_after(lines, i)
            and fires("html:list_after")
        ):
            dropped.extend(Dropped(0, rest, "list after the article") for rest in lines[i:])
            break
        found = phrase(line, options.furniture) if phrase is not None and short else None
        if found:
            dropped.append(Dropped(0, line, f"furniture phrase ({found})"))
            continue
        kept.append(line)
        body_seen = body_seen or bool(_SENTENCE_END.search(line))
    return kept, dropped, credits


def _title_forms(title: str) -> set[str]:
    """The folded title, and the title without each trailing " - Site" / " | Section" part."""
    forms = {_fold(title)}
    parts = _TITLE_SEPARATOR.split(title)
    for end in range(1, len(parts)):
        head = _fold(" ".join(parts[:end]))
        if len(head.split()) >= 3:
            forms.add(head)
    return forms


def _furniture_matchers():
    """The text cleaner's stock phrase matchers, when that module is present."""
    try:
        from .furniture import furniture_phrase, is_section_end
    except ImportError:
        return None, None
    return furniture_phrase, is_section_end


def _only_short_after(lines: list[str], i: int) -> bool:
    """Whether everything after a section heading is headline-like, not more of the article's prose."""
    rest = lines[i + 1 :]
    return all(_words(line) <= MAX_FURNITURE_WORDS for line in rest)


def _credit(line: str, registry: dict[str, tuple[str, ...]]) -> str | None:
    """The registered outlet a credit line names ("By AFP", "Source: BBC", "(AsiaNews/Agencies)")."""
    m = _CREDIT.match(line) or _PAREN_CREDIT.fullmatch(line.strip())
    return _registered_credit(m.group("who"), registry) if m else None


def _registered_credit(who: str, registry: dict[str, tuple[str, ...]]) -> str | None:
    who = who.strip(" .,:;")
    name = canonical(who, registry)
    if name in registry:
        return name
    # "Al Jazeera News", "AFP/Getty": the credit is made of a registered name and little else.
    found = find_outlets(who, registry)
    if len(found) == 1 and _words(who) <= _words(found[0]) + 2:
        return found[0]
    return None


def _metadata(
    page: _Extracted, kept: list[str], credits: list[str], options: Options
) -> tuple[dict[str, str], Credit | None]:
    registry = merged(options.outlets)
    meta: dict[str, str] = {}
    for key, value in (("published", page.date), ("byline", page.author), ("url", page.url)):
        if value:
            meta[key] = value
    outlet = _registered(page.sitename, registry) or _registered(page.hostname, registry)
    if outlet:
        meta["outlet"] = outlet
    if page.sitename:
        meta["publisher"] = outlet or page.sitename
    dateline = _WIRE_DATELINE.match(kept[0]) if kept else None
    if dateline:
        meta["dateline"] = dateline.group("place").strip(" ,")
    tail = _PAREN_CREDIT.search(kept[-1]) if kept else None
    # The origin: the first credit found, in this order.
    found = (
        (credits[0] if credits else None, "credit-line"),
        (_registered_credit(dateline.group("who"), registry) if dateline else None, "dateline"),
        (_registered_credit(tail.group("who"), registry) if tail else None, "sign-off"),
        (_registered(page.author, registry), "html-author"),
    )
    credit = next((Credit(name, 0, rule) for name, rule in found if name), None)
    if credit:
        meta["origin"] = credit.name
    return meta, credit


def _title(page: _Extracted, dropped: list[Dropped]) -> dict[str, str]:
    """The headline as the page shows it: the repeated first line, else the title without " - Site"."""
    for line in dropped:
        if line.reason == "repeated title":
            return {"title": line.text}
    if not page.title:
        return {}
    title, site = page.title, page.sitename
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if site and separators and _fold(title[separators[-1].end() :]) == _fold(site):
        title = title[: separators[-1].start()]
    elif site and title.casefold().startswith(site.casefold()):
        rest = title[len(site) :].lstrip(" :|-–—·•")
        if len(rest.split()) >= 3 and rest != title[len(site) :]:
            title = rest
    return {"title": title}


def _registered(name: str | None, registry: dict[str, tuple[str, ...]]) -> str | None:
    if not name:
        return None
    found = canonical(name, registry)
    if found in registry:
        return found
    host = name.casefold().removeprefix("www.")
    for outlet, aliases in registry.items():
        if any(host == alias.casefold() for alias in aliases):
            return outlet
    return None


def _has_article(paragraphs: list[str]) -> bool:
    words = sum(_words(p) for p in paragraphs)
    return words >= MIN_ARTICLE_WORDS and any(_SENTENCE_END.search(p) and _words(p) >= 6 for p in paragraphs)
