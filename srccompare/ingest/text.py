"""Clean plain-text dumps (text pasted out of a browser) into paragraphs, dropped lines and metadata.

How a careful reader finds the article in a dump, and what this module does in the same order:
1. Measure every line and apply the one-line rules (stock furniture phrases, dates, bylines,
   breadcrumbs, menus, captions, headline lists): ``lines.judge``.
2. Mark the structures a single line cannot show: table rows and numbered list items (content),
   runs of headline-like lines, caption + credit pairs and comment-box rules (furniture).
   Then find the article as the stretch of lines with the highest total weight: sentences count for
   it, headlines, labels and furniture against it, and a "Related"/"Most popular" heading costs a lot.
   This is the maximum-sum segment over the lines (Kadane), so it is linear. Readers' comments are
   never the article: when enough prose comes before a comments heading, the search stops there.
   The heaviest stretch is not always the article: a gallery, a video list or teasers weigh as much
   when each item has a sentence, and a disclaimer is long prose. So a few candidate stretches are
   weighed by how article-like they are (paragraphs that follow one another, not lone sentences
   between labels; no notice words), and the chosen one is trimmed: it starts under a copy of the
   page title found inside it and under a gallery (numbered pictures) or a list of lone sentences at
   its head, and ends above a gallery, above a heading followed only by teasers, and above notices.
3. Lines in another script than that stretch (Korean interface text on an English page) and copies
   of the title are furniture too; the stretch is found again without them.
4. Inside the stretch, the lines no rule objected to are the body; everything else is dropped with
   its reason. Paragraphs are rebuilt: a sentence cut by a line break or a blank line is rejoined.
"""

from __future__ import annotations

import re

from ..data import ordered_words
from ..model import Dropped
from ..nlp.sentences import runs_on
from ..options import DEFAULT_OPTIONS, Options
from .cleaned import Cleaned
from .lines import SCRIPT_PATTERNS, Line, judge, measure
from .meta import detect_meta, find_title, normal_title, page_title_key
from .rules import fires

# Line weights for the maximum-sum stretch. A line of prose weighs 1 plus 1 per 20 words (up to 4), so
# one real paragraph outweighs a couple of labels between paragraphs (subheads, "Advertisement") while
# a "Related" heading with its list of links cuts the stretch unless much more prose follows.
_WALL = -5.0
_FURNITURE = -1.5
_WEAK = -0.5
_TABLE_ROW = 0.3
_COMMENT_NOTE_REACH = 3
_COMMENT_WORD = re.compile(r"comment|kommentar|comentar|댓글", re.I)
_LIST_ITEMS = 3
_ITEM_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+\S")
_DATELINE_REACH = 5
_WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,3})?"
    r"(?:\s*\([^()]{2,40}\))?|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2}\s*\([^()]{2,40}\))\s*(?:[–—:]|--?)\s"
)
# Capitalised labels that open a paragraph the way a dateline does ("UPDATE: ...", "EDITOR'S NOTE: ...").
_NOT_DATELINE = re.compile(
    r"(?:UPDATED?|NOTE|EDITOR'?S NOTE|CORRECTION|BREAKING(?: NEWS)?|WATCH|READ(?: MORE)?|"
    r"EXCLUSIVE|ANALYSIS|OPINION|PHOTOS?|VIDEO|CLICK|Q|A|FILE|LIVE|ALERT)\b"
)
_HEADLINE_RUN = 3
# At most this many links under a "Related" heading for it to count as a box inside the article.
_SHORT_BOX = 3
_HEADLINE_WORDS = 16
_TABLE_ROWS = 3
_DIGIT = re.compile(r"\d")
# A line that stops mid-sentence: on a letter, a digit, a comma or a hyphen.
_WRAPPED_END = re.compile(r"[\w,;\-–]$")
# A text wrapped at a fixed width: at least this many lines running on, three in four of them at
# least WRAP_FILL of the width, which is at most WRAP_MAX_WIDTH characters (paragraphs kept on one
# line each are far longer and vary far more).
WRAP_MIN_LINES = 4
WRAP_FILL = 0.75
WRAP_MAX_WIDTH = 100
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.:]*(?![\w])")
# Weight of a few paragraphs of prose: a stretch this heavy before the comments is the article.
_ENOUGH = 8.0
# The article is chosen among this many candidate runs, each at least about one paragraph heavy.
CANDIDATE_RUNS = 6
MIN_CANDIDATE_WEIGHT = 2.0
# A run whose prose is all lone sentences between labels (a gallery, a list of teasers) counts at
# this share of its weight against runs of paragraphs that follow one another: a list wins only when
# it weighs more than 1 / UNCHAINED_SHARE times the article.
UNCHAINED_SHARE = 0.3
# A notice line: at least 3 words of data/notices.toml making a tenth of its words, or 2 making a fifth
# (a one-line wire notice: "This material may not be published, broadcast, rewritten or redistributed").
NOTICE_DENSITY = ((3, 0.1), (2, 0.2))
NOTICE_WORDS = frozenset(ordered_words("notices"))
# A photo gallery's picture counters: "3 of 10", "Photo 3/10", "Image 3 de 10"; at most GALLERY_GAP lines
# (a caption and a credit or two) between one and the next.
_GALLERY_COUNTER = re.compile(
    r"^\W*(?:(?:photo|image|picture|slide|foto|bild|imagen|immagine|imagem)s?\s*)?(\d{1,3})\s*"
    r"(?:of|/|de|von|di|sur|из|van)\s*(\d{1,3})\W*$",
    re.I,
)
GALLERY_GAP = 3
# A list above the article: at least LONE_ITEMS lone sentences, then at least CHAIN_LINES paragraphs in a row.
LONE_ITEMS = 4
CHAIN_LINES = 3
# A copy of the page's <title> inside the run: a line of 4 to 30 words with no sentence stop, whose
# folded text is nearly the title (rapidfuzz ratio) or a large part of it ("Photos: <headline>").
HEADLINE_MIN_WORDS = 4
_HEADLINE_COPY_WORDS = 30
HEADLINE_LIKENESS = 90
HEADLINE_SHARE = 0.6
# The end of a run is cut from a notice line on when notices make this share of the prose from there.
NOTICE_TAIL_SHARE = 2 / 3
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»—–-/*"


def clean_dump(text: str, options: Options = DEFAULT_OPTIONS) -> Cleaned:
    raw = text.split("\n")
    lines: list[Line] = []
    # Pages repeat their menus, share bars and credits: a line seen before is judged the same way.
    seen: dict[str, Line] = {}
    for n, s in enumerate(raw, 1):
        s = s.strip()
        if not s:
            continue
        proto = seen.get(s)
        if proto is None:
            line = seen[s] = measure(n, s)
            judge(line, options.furniture)
        else:
            line = proto.at(n)
        lines.append(line)
    if not lines:
        return Cleaned(())
    _join_wrapped(lines)
    _mark_tables(lines)
    _mark_captions(lines, raw)
    _mark_headline_runs(lines)
    _mark_numbered_lists(lines)
    _mark_comment_notes(lines)
    start, end = _stretch(lines)
    script = _body_script(lines[start : end + 1])
    body_letters = SCRIPT_PATTERNS.get(script or "")
    for line in lines:
        if (
            not line.kind
            and line.script
            and script
            and line.script != script
            and not _mixed(line.text, body_letters)
            and fires("text:other_script")
        ):
            line.kind, line.reason = "furniture", f"{line.script} text on a {script} page"
            line.other_script = True
    title = find_title(lines, start)[0] or ""
    title_key = normal_title(title)
    if title_key:
        for line in lines:
            if (
                not line.kind
                and abs(len(line.text) - len(title)) < 12
                and normal_title(line.text) == title_key
                and fires("text:title_copy")
            ):
                line.kind, line.reason = "title", "title"
    start, end = _whole_sentences(lines, *_stretch(lines))
    summary_from = start
    start = _dateline_start(lines, start, end)
    meta, dates, credit = detect_meta(lines, start, end, options)
    for line in lines[start + 1 : end]:
        if line.other_script and line.words >= 4 and fires("text:foreign_quote"):
            # Inside the article, a sentence in another script is a quotation, not interface text.
            line.kind = line.reason = ""
    kept: list[Line] = []
    dropped: list[Dropped] = []
    title_seen = False
    for i, line in enumerate(lines):
        # Every dropped line is labelled title, metadata or furniture, then says why.
        if line.kind == "title":
            dropped.append(Dropped(line.n, line.text, "title (repeated)" if title_seen else "title"))
            title_seen = True
        elif line.kind:
            dropped.append(Dropped(line.n, line.text, f"{line.kind}: {line.reason}"))
        elif i < start:
            reason = "summary above the dateline" if i >= summary_from else "before the article text"
            dropped.append(Dropped(line.n, line.text, f"furniture: {reason}"))
        elif end < start:
            dropped.append(Dropped(line.n, line.text, "furniture: no article text on the page"))
        elif i > end:
            dropped.append(Dropped(line.n, line.text, "furniture: after the article text"))
        else:
            kept.append(line)
    paragraphs, numbers = _paragraphs(kept, raw)
    return Cleaned(tuple(paragraphs), tuple(dropped), meta, tuple(numbers), dates, credit)


def _join_wrapped(lines: list[Line]) -> None:
    """Measure a sentence wrapped over several lines as one line: each fragment alone would read like
    a label. The first line takes the measurements of the whole; the others are marked continued."""
    group: list[Line] = []
    for line in [*lines, None]:
        if (
            line is not None
            and group
            and not line.kind
            and line.n == group[-1].n + 1
            and line.lower_start
            and _WRAPPED_END.search(group[-1].text)
        ):
            group.append(line)
            continue
        if len(group) > 1 and fires("text:wrapped"):
            whole = measure(group[0].n, " ".join(item.text for item in group))
            head = group[0]
            head.words, head.stop_share, head.ends_sentence = whole.words, whole.stop_share, whole.ends_sentence
            head.title_case = whole.title_case
            head.prose_cached = None
            for item in group[1:]:
                item.continued = True
        group = [line] if line is not None and not line.kind else []


def _mixed(text: str, body_letters: re.Pattern[str] | None) -> bool:
    """Whether a line in another script also carries words in the body's script ("Аккаунт: @name")."""
    return body_letters is not None and len(body_letters.findall(text)) >= 3


def _dateline_start(lines: list[Line], start: int, end: int) -> int:
    """Where a wire dateline ("DUBAI, United Arab Emirates —", "WASHINGTON (Reuters) -") opens the story
    a few lines into the stretch, what stands above it is a summary or a caption, not the story. The line a
    dateline opens is the story's first sentence: a capitalised label before a link ("ON DEADLINE: Live updates
    and local coverage") ends no sentence, and the lead above it stays."""
    for i in range(start + 1, min(end + 1, start + _DATELINE_REACH)):
        m = _WIRE_DATELINE.match(lines[i].text)
        if (
            m
            and not lines[i].kind
            and lines[i].ends_sentence
            and not _NOT_DATELINE.match(m.group(0))
            and fires("text:dateline_start")
        ):
            return i
    return start


def _headline_like(line: Line) -> bool:
    # Five words at least: shorter lines in a row are more often a list in the article (ingredients).
    return (
        not line.kind
        and not line.table
        and not line.continued
        and 5 <= line.words <= _HEADLINE_WORDS
        and line.prose <= 0.5
        and not line.text[0].isdigit()
        and not line.text.endswith((":", "?"))
        and line.script != "other"
    )


def _mark_headline_runs(lines: list[Line]) -> None:
    """Three or more headline-like lines in a row are a list of links to other articles. The page's
    <title> (the first line) and its copy, the headline, are not part of such a list."""
    page_title = normal_title(lines[0].text) if lines else ""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and _headline_like(line):
            if line is lines[0] or (len(line.text) >= 15 and normal_title(line.text) in page_title):
                continue
            run.append(line)
            continue
        if len(run) >= _HEADLINE_RUN and fires("text:headline_run"):
            for item in run:
                item.kind, item.reason = "furniture", "list of headlines"
        run = []


def _mark_tables(lines: list[Line]) -> None:
    """Rows of a table (several numbers on each of at least three adjacent lines) are content, not labels."""
    run: list[Line] = []
    for line in [*lines, None]:
        row = line if line is not None and _is_row(line) else None
        if row is not None and (not run or row.n == run[-1].n + 1):
            run.append(row)
            continue
        if len(run) >= _TABLE_ROWS and fires("text:table"):
            for item in run:
                item.table = True
        run = [row] if row is not None else []


def _is_row(line: Line) -> bool:
    return (
        not line.kind
        and not line.continued
        and line.words <= 25
        and _DIGIT.search(line.text) is not None
        and len(_NUMBER.findall(line.text)) >= 2
    )


def _mark_captions(lines: list[Line], raw: list[str]) -> None:
    """A picture's caption and credit: a short block of one sentence and a name line, set apart by blank
    lines ("Smoke over Delhi on Monday." / "Sanjeev Verma/Hindustan Times/Getty Images")."""
    for a, b in zip(lines, lines[1:]):
        if a.kind or b.n != a.n + 1 or a.words > 40 or not a.ends_sentence or a.continued or b.continued:
            continue
        isolated = (a.n < 2 or not raw[a.n - 2].strip()) and (b.n >= len(raw) or not raw[b.n].strip())
        if not isolated:
            continue
        if b.kind or b.words > 6 or b.ends_sentence or not (b.title_case >= 0.5 or "/" in b.text):
            continue
        if not fires("text:caption_pair"):
            continue
        a.kind, a.reason = "furniture", "photo caption"
        b.kind, b.reason = "furniture", "photo credit"


def _mark_comment_notes(lines: list[Line]) -> None:
    """Just above a comments heading, a line about commenting is the comment box's house rules."""
    for i, line in enumerate(lines):
        if line.comments:
            for above in lines[max(0, i - _COMMENT_NOTE_REACH) : i]:
                if not above.kind and _COMMENT_WORD.search(above.text) and fires("text:comment_policy"):
                    above.kind, above.reason = "furniture", "comment policy"


def _mark_numbered_lists(lines: list[Line]) -> None:
    """Items numbered 1, 2, 3... in order are the body of a list article, however short each item is;
    a link under each item does not break the list (it is still dropped)."""
    expected = 1
    items: list[Line] = []
    between: list[Line] = []
    for line in [*lines, None]:
        m = _ITEM_NUMBER.match(line.text) if line is not None and not line.kind else None
        if m and line is not None and int(m.group(1)) == expected:
            items.append(line)
            expected += 1
            continue
        if line is not None and items and line.kind and len(between) < len(items):
            between.append(line)
            continue
        if len(items) >= _LIST_ITEMS and fires("text:numbered_list"):
            for item in items:
                item.list_item = True
            for link in between:
                link.list_item = link.reason == "url or e-mail address"
        expected, items, between = 1, [], []
        if m and line is not None and int(m.group(1)) == 1:
            items, expected = [line], 2


def _weight(line: Line) -> float:
    if line.continued:
        return 0.0
    if line.list_item:
        return 1.0 if not line.kind else 0.0
    if line.table:
        return _TABLE_ROW
    if line.kind:
        if line.other_script or line.inline:
            # Dropped, but a quotation in another script or an ad slot must not cut the article in two.
            return _WEAK
        return _WALL if line.section_end else _FURNITURE
    if line.prose > 0.5:
        return 1.0 + min(line.words, 60) / 20
    return _WEAK


# A page with no stretch of prose (its one paragraph cut off mid-sentence: "... in Rancho Mirage, Calif,") keeps
# its longest line that nothing marked as furniture and that reads somewhat like prose, if it has at least this many
# words.
LONE_LINE_WORDS = 12


def _stretch(lines: list[Line]) -> tuple[int, int]:
    """The main stretch, or on a page without one its longest plain line (``_longest_plain_line``)."""
    start, end = _main_stretch(lines)
    if end < start:
        start = end = _longest_plain_line(lines)
    return start, end


def _longest_plain_line(lines: list[Line]) -> int:
    """The index of the page's longest unmarked, prose-like line of LONE_LINE_WORDS or more, else -1 (nothing)."""
    plain = [(line.words, i) for i, line in enumerate(lines) if not line.kind and not line.continued and line.prose > 0]
    words, best = max(plain, default=(0, -1))
    return best if words >= LONE_LINE_WORDS else -1


def _whole_sentences(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Widen or narrow the stretch so that it neither starts nor ends inside a wrapped sentence."""
    while start <= end and lines[start].continued:
        start += 1
    while end + 1 < len(lines) and lines[end + 1].continued and end >= start:
        end += 1
    return start, end


def _main_stretch(lines: list[Line]) -> tuple[int, int]:
    """Indices (inclusive) of the maximum-weight run of lines.

    Readers' comments are never the article: with enough prose above the first comments heading,
    the article is there; otherwise (a short article, or "12 comments" under the headline) the best
    run of the whole page is taken, cut short at a comments heading inside it."""
    weights = [_weight(line) for line in lines]
    _soften_short_boxes(lines, weights)
    for i, line in enumerate(lines):
        if line.comments:
            start, end, weight = _best_run(lines, weights, 0, i)
            if weight >= _ENOUGH and fires("text:before_comments"):
                return _trim(lines, weights, *_most_article_like(lines, weights, 0, i))
            break
    start, end = _most_article_like(lines, weights, 0, len(lines))
    for i in range(start + 1, end + 1):
        if lines[i].comments and fires("text:cut_at_comments"):
            start, end, _ = _best_run(lines, weights, start, i)
            break
    return _trim(lines, weights, start, end)


def _most_article_like(lines: list[Line], weights: list[float], lo: int, hi: int) -> tuple[int, int]:
    """The candidate run that reads most like an article, weighing its prose by how article-like it is.

    The candidates are the heaviest run and the heaviest runs left on either side of it, a few in all.
    A gallery, a video list or a list of teasers is as heavy as an article when each item has a
    sentence, but its sentences stand alone between titles and credits, where an article's paragraphs
    follow one another; a legal notice or a disclaimer is prose, but it speaks about rights, terms and
    liability. Each candidate's weight is scaled by the share of its prose that is chained (a paragraph
    next to a paragraph) and by the share that is not notice, so a list wins only when it is much
    heavier than the article, and a page that has nothing else (a Q&A, a list article) keeps its run."""
    start, end, weight = _best_run(lines, weights, lo, hi)
    if end < start:
        return 0, -1
    best, score = (start, end), weight * _likeness(lines, weights, start, end)
    # A run weighs at most as much as the heaviest run of the span it lies in, and its likeness is at
    # most 1: a span whose heaviest run weighs less than the best score holds no better candidate.
    spans = [(lo, start), (end + 1, hi)]
    tried = 1
    while spans and tried < CANDIDATE_RUNS:
        a, b = spans.pop()
        if b - a < 1:
            continue
        start, end, weight = _best_run(lines, weights, a, b)
        tried += 1
        if end < start or weight <= score or weight < MIN_CANDIDATE_WEIGHT:
            continue
        candidate = weight * _likeness(lines, weights, start, end)
        if candidate > score and fires("text:article_like"):
            best, score = (start, end), candidate
        spans.extend(((a, start), (end + 1, b)))
    return best


def _likeness(lines: list[Line], weights: list[float], start: int, end: int) -> float:
    prose = chained = notice = 0.0
    for i in range(start, end + 1):
        w = weights[i]
        if w <= 0 or lines[i].continued:
            continue
        prose += w
        if _chained(lines, weights, i, start, end):
            chained += w
        if _notice(lines[i]):
            notice += w
    if not prose:
        return 0.0
    return (UNCHAINED_SHARE + (1 - UNCHAINED_SHARE) * chained / prose) * (1 - notice / prose)


def _transparent(line: Line, weight: float) -> bool:
    """Lines that sit between paragraphs without parting them: ad slots, a link under a list item."""
    return line.inline or (line.list_item and weight == 0)


def _prose_like(line: Line, weight: float) -> bool:
    return weight > 0 or line.continued


def _chained(lines: list[Line], weights: list[float], i: int, start: int, end: int) -> bool:
    """Whether a line of prose has prose right above or below it (inside the run)."""
    j = i - 1
    while j >= start and _transparent(lines[j], weights[j]):
        j -= 1
    if j >= start and _prose_like(lines[j], weights[j]):
        return True
    j = i + 1
    while j <= end and (lines[j].continued or _transparent(lines[j], weights[j])):
        j += 1
    return j <= end and _prose_like(lines[j], weights[j])


def _trim(lines: list[Line], weights: list[float], start: int, end: int) -> tuple[int, int]:
    start, end = _after_headline(lines, weights, start, end)
    start, end = _trim_gallery(lines, weights, start, end)
    start, end = _trim_lone_head(lines, weights, start, end)
    return _trim_notices(lines, weights, *_before_list(lines, weights, start, end))


def _trim_lone_head(lines: list[Line], weights: list[float], start: int, end: int) -> tuple[int, int]:
    """A list at the head of the run (LONE_ITEMS or more lone sentences, each under its own title, as
    a video list gives them) above paragraphs that follow one another (CHAIN_LINES or more in a row):
    the article is the paragraphs. An article that opens with one-paragraph sections has fewer of them
    before its paragraphs run together, or keeps sectioning; a Q&A has no chain and is kept whole."""
    lone = 0
    for i in range(start, end + 1):
        if weights[i] <= 0 or lines[i].continued:
            continue
        if not _chained(lines, weights, i, start, end):
            lone += 1
            continue
        if lone < LONE_ITEMS:
            return start, end
        chain, j = 0, i
        while j <= end and (_prose_like(lines[j], weights[j]) or _transparent(lines[j], weights[j])):
            chain += weights[j] > 0 and not lines[j].continued
            j += 1
        if chain >= CHAIN_LINES and fires("text:lone_head"):
            return i, end
        return start, end
    return start, end


def _gallery(lines: list[Line], i: int, step: int, stop: int) -> list[int]:
    """The picture counters ("1 of 10", "Photo 2/10") of a gallery met scanning from line ``i`` towards
    ``stop`` (``step`` 1 or -1): the same total, numbers one apart, at most GALLERY_GAP lines apart."""
    found: list[int] = []
    last: tuple[int, int] | None = None
    gap = 0
    while 0 <= i < len(lines) and (i <= stop if step > 0 else i >= stop):
        m = _GALLERY_COUNTER.match(lines[i].text) if lines[i].words <= 4 else None
        if m:
            number, total = int(m.group(1)), int(m.group(2))
            if last is not None and (total != last[1] or number != last[0] + step):
                break
            found.append(i)
            last, gap = (number, total), 0
        else:
            gap += 1
            if gap > GALLERY_GAP:
                break
        i += step
    return found


def _trim_gallery(lines: list[Line], weights: list[float], start: int, end: int) -> tuple[int, int]:
    """A photo gallery at either edge of the run (numbered pictures, a caption under each) is not the
    article: the run starts under its last picture's caption, or ends above its first counter."""
    head = _gallery(lines, max(0, start - 1), 1, end)
    if len(head) >= _LIST_ITEMS:
        rest = [j for j in range(head[-1] + 2, end + 1) if weights[j] > 0 and not lines[j].continued]
        if sum(weights[j] for j in rest) >= MIN_CANDIDATE_WEIGHT and fires("text:gallery"):
            start = rest[0]
    tail = _gallery(lines, end, -1, start)
    if len(tail) >= _LIST_ITEMS:
        top = tail[-1]
        rest = [j for j in range(start, top) if weights[j] > 0 and not lines[j].continued]
        if sum(weights[j] for j in rest) >= MIN_CANDIDATE_WEIGHT and fires("text:gallery"):
            end = rest[-1]
    return start, end


def _before_list(lines: list[Line], weights: list[float], start: int, end: int) -> tuple[int, int]:
    """A "Most popular" or "Related" heading in the run followed only by a list (three or more lone
    sentences between titles, the teasers of other articles) ends the article, when at least about a
    paragraph of prose stands above it. One pass from the end counts the lone items under each line."""
    headings: list[int] = []
    items, chained = 0, False
    for i in range(end, start, -1):
        if chained:
            break
        line = lines[i]
        if line.section_end and not line.comments and items >= _LIST_ITEMS:
            headings.append(i)
        if weights[i] > 0 and not line.continued:
            items += 1
            chained = _chained(lines, weights, i, start, end)
    if not headings:
        return start, end
    above, k = 0.0, start
    for i in reversed(headings):  # from the top
        above += sum(w for w in weights[k:i] if w > 0)
        k = i
        if above >= MIN_CANDIDATE_WEIGHT and fires("text:list_after"):
            end = i - 1
            while end > start and weights[end] <= 0 and not lines[end].continued:
                end -= 1
            return start, end
    return start, end


def _after_headline(lines: list[Line], weights: list[float], start: int, end: int) -> tuple[int, int]:
    """The article starts under its headline: when a copy of the page's <title> stands inside the run
    with prose under it, what the run holds above it (a gallery, a video list, teasers) is not the
    article. The <title> is the first line of a dump saved from a browser."""
    if end - start < 2:
        return start, end
    page_title = page_title_key(lines[0].text)
    if len(page_title.split()) < HEADLINE_MIN_WORDS:
        return start, end
    from rapidfuzz import fuzz

    for i in range(start + 1, end):
        line = lines[i]
        if not HEADLINE_MIN_WORDS <= line.words <= _HEADLINE_COPY_WORDS or line.ends_sentence:
            continue
        key = normal_title(line.text)
        same = fuzz.ratio(key, page_title) >= HEADLINE_LIKENESS or (
            key in page_title and len(key) >= HEADLINE_SHARE * len(page_title)
        )
        if not same:
            continue
        below = [j for j in range(i + 1, end + 1) if weights[j] > 0 and not lines[j].continued]
        if len(below) < 2 or sum(weights[j] for j in below) < MIN_CANDIDATE_WEIGHT:
            break
        # Paragraphs that follow one another above the copy are the article's own (a headline
        # repeated in a share box mid-article): only lone sentences above it are another block.
        above = [j for j in range(start, i) if weights[j] > 0 and not lines[j].continued]
        chained = sum(weights[j] for j in above if _chained(lines, weights, j, start, i - 1))
        if chained * 2 < sum(weights[j] for j in above) and fires("text:after_headline"):
            return below[0], end
        break
    return start, end


def _trim_notices(lines: list[Line], weights: list[float], start: int, end: int) -> tuple[int, int]:
    """A notice at the end of the run (a disclaimer right under the last paragraph) is not the article:
    the run ends above the first of two notice lines in a row from which on notices make most of the
    prose (a single notice line counts when it is the last)."""
    cut, total, notices = None, 0.0, 0.0
    below_is_notice = True
    for j in range(end, start, -1):
        w = weights[j]
        if w <= 0 or lines[j].continued:
            continue
        total += w
        notice = _notice(lines[j])
        if notice:
            notices += w
            if below_is_notice and notices >= NOTICE_TAIL_SHARE * total:
                cut = j
        below_is_notice = notice
    if cut is None or not fires("text:notice_tail"):
        return start, end
    end = cut - 1
    while end > start and weights[end] <= 0 and not lines[end].continued:
        end -= 1
    return start, end


def _notice(line: Line) -> bool:
    """A line that reads as a notice to the reader: several words of rights, terms and liability."""
    if line.notice is None:
        # Whitespace words without the punctuation round them: twice as fast as a word pattern.
        words = line.text.casefold().split()
        cues = sum(1 for word in words if word.strip(_PUNCTUATION) in NOTICE_WORDS)
        line.notice = any(cues >= least and cues >= share * len(words) for least, share in NOTICE_DENSITY)
    return line.notice


def _soften_short_boxes(lines: list[Line], weights: list[float]) -> None:
    """A "Related" heading with only a link or two before the article goes on (two paragraphs more) is
    a box set inside the article, not its end: it costs like any furniture line, not like a wall."""
    for i, line in enumerate(lines):
        if not line.section_end or line.comments or line.reason == "about the author":
            continue
        links = 0
        for j in range(i + 1, len(lines)):
            if weights[j] > 0 and not lines[j].kind:
                if j + 1 < len(lines) and weights[j + 1] > 0 and not lines[j + 1].kind and fires("text:short_box"):
                    weights[i] = _FURNITURE
                break
            links += 1
            if links > _SHORT_BOX:
                break


def _best_run(lines: list[Line], weights: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    best, best_start, best_end = float("-inf"), 0, -1
    total, run_start = 0.0, lo
    after_wall = False
    for i in range(lo, hi):
        line = lines[i]
        if total <= 0:
            total, run_start = 0.0, i
        weight = weights[i]
        if line.section_end and after_wall and fires("text:same_box"):
            # A second heading of the same box ("Related" twice round two links) is not a second wall.
            weight = _FURNITURE
        elif weight > 0:
            after_wall = False
        after_wall = after_wall or line.section_end
        total += weight
        if total > best:
            best, best_start, best_end = total, run_start, i
    if best <= 0:
        return 0, -1, 0.0
    return best_start, best_end, best


def _body_script(lines: list[Line]) -> str | None:
    counts: dict[str, int] = {}
    for line in lines:
        if not line.kind and line.script and line.prose > 0.5:
            counts[line.script] = counts.get(line.script, 0) + len(line.text)
    return max(counts, key=counts.__getitem__) if counts else None


def _paragraphs(kept: list[Line], raw: list[str]) -> tuple[list[str], list[tuple[int, ...]]]:
    """Rebuild paragraphs from kept lines.

    Where the page separates paragraphs with blank lines, adjacent lines of prose are one paragraph
    split by a line break; where it puts one paragraph on each line, every line stands alone. In both,
    a line that stops mid-sentence continues on the next kept line when that starts in lower case."""
    if not kept:
        return [], []
    gaps = [_blank_between(a, b, raw) for a, b in zip(kept, kept[1:])]
    blank_style = bool(gaps) and sum(1 for g in gaps if g is True) * 2 >= len(gaps)
    wrapped = _hard_wrapped(kept)
    paragraphs: list[list[Line]] = [[kept[0]]]
    for prev, line, gap in zip(kept, kept[1:], gaps):
        if gap is None:
            paragraphs.append([line])
            continue
        cut_sentence = line.continued or not prev.ends_sentence and line.lower_start and prev.words >= 6
        # A line cut after a title ('... the Rev.' / 'Larry Kroon ... said'): one sentence a line, split wrongly.
        cut_sentence = cut_sentence or runs_on(prev.text, line.text)
        # Text wrapped at a fixed width breaks wherever the width runs out, before a name too
        # ("...leader Kim Jong" / "Un met Russian President...").
        cut_sentence = cut_sentence or (
            wrapped and gap is False and not prev.ends_sentence and _WRAPPED_END.search(prev.text) is not None
        )
        # A fragment of a wrapped sentence is prose whatever it reads like alone ("...leader Kim Jong").
        split_paragraph = blank_style and gap is False and (prev.prose > 0.5 or prev.continued) and line.prose > 0.5
        if cut_sentence or split_paragraph:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    texts = [" ".join(line.text for line in para) for para in paragraphs]
    numbers = [tuple(line.n for line in para) for para in paragraphs]
    return texts, numbers


def _hard_wrapped(kept: list[Line]) -> bool:
    """Whether the text was wrapped at a fixed width (an e-mail, a terminal copy): most lines that
    run on into the next one fill the width, give or take a word."""
    lengths = [len(a.text) for a, b in zip(kept, kept[1:]) if b.n == a.n + 1]
    if len(lengths) < WRAP_MIN_LINES:
        return False
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if n >= WRAP_FILL * width)
    return width <= WRAP_MAX_WIDTH and full * 4 >= len(lengths) * 3


def _blank_between(a: Line, b: Line, raw: list[str]) -> bool | None:
    """False when b directly follows a, True when only blank lines part them, None when text does."""
    if b.n == a.n + 1:
        return False
    for k in range(a.n, b.n - 1):
        if raw[k].strip():
            return None
    return True
