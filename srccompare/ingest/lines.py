"""Line features of a plain-text dump: does a line read like prose, and is it page furniture or metadata?

Each non-blank line gets a Line with its measurements and, when a rule recognises it, a verdict
(``kind`` "furniture" or "metadata" with a readable ``reason``). Everything here looks at one line at a
time with precompiled patterns, so a dump is measured in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import data
from .furniture import furniture_phrase, is_comment_head, is_inline, is_section_end, line_key, stock_word
from .rules import fires

# Function words of the languages a news dump is most often written in (srccompare/data/function_words.toml
# [lines]). Their share tells a sentence from a headline or a menu, whatever the topic. Not the English stop
# list of nlp.tokens: this one spans seven languages, and only counts.
STOP_WORDS = frozenset(w for words in data.load("function_words")["lines"].values() for w in words.split())

_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_HANGUL = re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]")
_CJK = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_OTHER = re.compile(r"[\u0370-\u03FF\u0590-\u05FF\u0900-\u0DFF\u0E00-\u0EFF]")
_NON_LATIN = re.compile(
    r"[\u0370-\u0DFF\u0E00-\u0EFF\u1100-\u11FF\u3040-\u30FF\u3130-\u318F\u3400-\u4DBF"
    r"\u4E00-\u9FFF\uAC00-\uD7AF]"
)
SCRIPTS = (
    ("Latin", _LATIN),
    ("Hangul", _HANGUL),
    ("CJK", _CJK),
    ("Cyrillic", _CYRILLIC),
    ("Arabic", _ARABIC),
    ("other", _OTHER),
)
SCRIPT_PATTERNS = dict(SCRIPTS)

# Sentence ends, with a closing quote or bracket after the stop: Latin, CJK, Arabic, Urdu and Devanagari stops.
_SENTENCE_END = re.compile(r"[.!?。！？…؟۔।॥][\"'”’»)\]」』]*$|[\"”»」』]$")
# Words a date or timestamp line is made of; what is left after removing them and the numbers tells a
# date line ("Monday, November 18, 2019 7:45 am PST") from a sentence that mentions a date.
MONTH_WORDS = data.words("datelines", "month_words")
_DATE_WORDS = MONTH_WORDS | data.words("datelines", "date_words")
_LETTERS = re.compile(r"[^\W\d_]+")
_HAS_DIGIT = re.compile(r"\d")
# A numeric date, a clock time, a year or a Korean date unit: without one, a line is no date line.
_DATE_CUE = re.compile(r"\d[-/.]\d{1,2}[-/.]\d|\d:\d\d|\b(?:19|20)\d\d\b|[년월일年月日]")
_BYLINE = re.compile(
    r"^(?:(?:written |reported |posted |story |text |words )?by|par|von|por|di|door|av|af|от|글|기자)[\s:]+"
    r"[\w.’'-]+(?:[\s,|]+(?:and |et |und |y |e |for )?[\w.:’'-]+){0,12}$|^(?:author|auteur|autor|autore)\s*:",
    re.I,
)
_BREADCRUMB_CHAR = re.compile(r"[>»›/\\→]")
_MENU_CHAR = re.compile(r"[|•·]|   ")
_STOP_CHAR = re.compile(r"[.!?]")
# Cheap first look for _CAPTION: every caption or credit pattern holds one of these.
_CAPTION_CHAR = re.compile(r"[/©()\[=]")
_CAPTION_WORD = re.compile(
    "photo|image|pictur|foto|credit|illustr|video|getty|shutterstock|istock|afp|reuters|epa|"
    "courtesy|media|bild|imag|사진"
)
_CAPTION = re.compile(
    r"^(?:image|photo|picture|media|video|bild|imagen|immagine|imagem)\s+"
    r"(?:caption|source|credit|copyright|quelle|fuente|fonte)\b"
    # "Photo: ...", "(Photo by ...)", "| Image credit ..." at the start of the line or of a bracket
    r"|(?:^|[(\[|/]\s*)(?:photo|photos|photograph|image|picture|foto|fotos|credit|illustration|video)s?\s*"
    r"(?::|by\b|credit|courtesy)|(?:^|[(\[]\s*)courtesy of\b"
    r"|\b(?:getty images|shutterstock|istock|ap photo|afp photo|reuters/|/reuters|epa-efe|/ ?afp|afp ?/|"
    r"file photo|via getty)\b"
    r"|\((?:[^()]*[^\W\d_]/[^\W\d_][^()]*|(?:photo|image|credit|getty|ap|afp|reuters)\b[^()]*)\)\s*$"  # "(NASA/JPL)"
    r"|.\s©\s*\w|\[사진|사진="
    r"|/ *[\w-]+\.(?:ru|com|org|net|co\.uk|fr|de)\s*\)?$",  # "Artem Geodakyan, TASS / kremlin.ru"
    re.I,
)
_BREADCRUMB_SEP = re.compile(r"\s(?:>|»|›|/|\\|→)\s")
_GLUED_HOME = re.compile(r"^(?:Home|Accueil|Startseite|Inicio|Início|Home page)(?=[A-Z])|^(?:[A-Z][a-z]+){3,}\S*")
_MENU_SEP = re.compile(r"\s[|•·]\s|\s{3,}")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
_DASH_ITEM = re.compile(r"^[-•·*▪►»›]\s")
_COUNTER = re.compile(r"^[\d\s,.:/()+%-]*$")
_SOCIAL_COUNT = re.compile(
    r"^\d[\d,.]*[kKmM]?\s+(?:shares?|comments?|views?|likes?|votes?|reads?)$|"
    r"^(?:rating|votes?|views?|shares?)\s*:?\s*[\d,.]+",
    re.I,
)
_SAMPLE = 300
# A teaser cut off mid-sentence: "diagnosed with the plague,..." / "arms supply to..."
_CUT_SHORT = re.compile(r"(?:[,;]\s?|\w)(?:\.\.\.|…)$")
# "More Great WIRED Stories", "Trending News", "More from Politics", "Latest in Tech"
_SECTION_HEAD = re.compile(
    r"^\W*(?:(?:more|other|latest|trending|related|popular|recommended|top|most\s+\w+|editor'?s?'?\s+picks?|"
    r"also|further)\b.{0,30}\b(?:stories|news|articles|posts|videos|reads|headlines|coverage|content)"
    r"|(?:more|latest|also|elsewhere|popular|trending)\s+(?:from|in|on)\b.{0,30}"
    r"|(?:next\s+up|up\s+next|read\s+next)\b.{0,30})\W*$",
    re.I,
)
_HANDLE = re.compile(r"[\w.@-]+")
_NEWSLETTER = re.compile(r"newsletter|infolettre|boletín|bollettino|뉴스레터")
_FOLLOW = re.compile(
    r"^follow\b.{0,60}\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok)\b|"
    r"\bfollow (?:us|me|him|her|them|@\w+)\b.{0,30}\bon (?:twitter|facebook|instagram)",
    re.I,
)
_MARKUP_HINT = re.compile(r"[&<=\[{}]|function")
# Markup or code that leaked into the text: escaped tags, tags, inline styles, shortcodes.
_MARKUP = re.compile(
    r"&(?:amp;)*[lg]t;|</?[a-z][a-z0-9]*(?:\s[^>]*)?>|\b(?:style|class|href|data-[\w-]+)=[\"'”]|"
    r"\[/\w+\]|\[\w+\s+\w+=|\bfunction\s*\(|[{}]\s*$"
)
_ABOUT = re.compile(
    r"^(?i:about|sobre|à propos de|über|acerca de|a proposito di)\s+"
    r"(?:(?i:the\s+author)|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\W*$"
)
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")


@dataclass(slots=True)
class Line:
    n: int  # 1-based raw line number
    text: str
    words: int  # whitespace words; CJK characters count half a word each
    stop_share: float
    ends_sentence: bool
    script: str | None
    kind: str = ""  # "", "furniture" or "metadata" once a rule decides
    reason: str = ""
    section_end: bool = False
    comments: bool = False
    other_script: bool = False
    table: bool = False
    list_item: bool = False
    inline: bool = False  # furniture that sits between paragraphs (an ad slot)
    lower_start: bool = False
    title_case: float = 0.0
    key: str = ""  # folded, without bullets and counts: how furniture words are looked up
    # A fragment of the line above, wrapped mid-sentence (a <br>, a hard wrap): the line that starts
    # the sentence carries the measurements of the whole.
    continued: bool = False
    prose_cached: float | None = None
    notice: bool | None = None  # a notice to the reader (text._notice), computed when asked

    def at(self, n: int) -> Line:
        """The same line, measured and judged, seen again at line ``n``."""
        return Line(
            n,
            self.text,
            self.words,
            self.stop_share,
            self.ends_sentence,
            self.script,
            self.kind,
            self.reason,
            self.section_end,
            self.comments,
            self.other_script,
            self.table,
            self.list_item,
            self.inline,
            self.lower_start,
            self.title_case,
            self.key,
        )

    @property
    def prose(self) -> float:
        """How much the line reads like running prose: > 0 prose, < 0 headline, menu or label."""
        if self.prose_cached is None:
            self.prose_cached = self._prose()
        return self.prose_cached

    def _prose(self) -> float:
        u = self.words
        s = 1.0 if self.ends_sentence else -1.5
        if u >= 25:
            s += 2.0
        elif u >= 14:
            s += 1.2
        elif u >= 8:
            s += 0.4
        elif u <= 3:
            s -= 1.5
        else:
            s -= 0.6
        if self.script == "Latin" and u >= 4:
            if self.stop_share >= 0.2:
                s += 0.5
            elif self.stop_share < 0.06:
                s -= 0.7
            if self.title_case > 0.65:
                s -= 1.0
        return s


def dominant_script(text: str) -> str | None:
    if text.isascii():
        return "Latin" if _LATIN.search(text) else None
    latin = len(_LATIN.findall(text))
    if latin >= len(_NON_LATIN.findall(text)):
        return "Latin" if latin else None
    best, count = None, 0
    for name, pattern in SCRIPTS:
        c = len(pattern.findall(text))
        if c > count:
            best, count = name, c
    return best


def measure(n: int, text: str) -> Line:
    tokens = text.split()
    # A long line's script and share of function words show in its first few hundred characters.
    head = text[:_SAMPLE]
    script = dominant_script(head)
    words = len(tokens)
    if script == "CJK":
        words += len(_CJK.findall(text)) // 2
    folded = _WORD.findall(head.casefold()) if words >= 4 else ()
    stops = sum(map(STOP_WORDS.__contains__, folded))
    # Title Case tells a headline from a sentence; past 30 words a line is no headline.
    long_words = _LONG_WORD.findall(text) if 2 <= words <= 30 else ()
    longs = len(long_words)
    caps = sum(1 for w in long_words if w[0].isupper()) if longs >= 2 else 0
    return Line(
        n=n,
        text=text,
        words=words,
        stop_share=stops / len(folded) if folded else 0.0,
        ends_sentence=bool(_SENTENCE_END.search(text[-6:])) and not _CUT_SHORT.search(text[-6:]),
        script=script,
        lower_start=text[:1].islower(),
        title_case=caps / longs if longs >= 2 else 0.0,
        key=line_key(text) if words <= 12 else "",
    )


def judge(line: Line, furniture: tuple[str, ...] = ()) -> None:
    """Apply the one-line rules; leave ``kind`` empty when the line may be article text."""
    text = line.text
    key = line.key
    if key and not is_section_end(text, key) and stock_word(key, furniture) and not is_comment_head(text, key):
        # The most common furniture, a menu or share-bar word on its own line, settled by one look-up.
        line.kind, line.reason = "furniture", f"stock phrase {key!r}"
        line.inline = is_inline(key)
        return
    if line.words <= 12 and is_comment_head(text, line.key):
        line.section_end = line.comments = True
        line.kind, line.reason = "furniture", f"comments heading {text.strip()!r}"
        return
    if line.words <= 6 and _ABOUT.match(text) and fires("line:about_author"):
        line.section_end = True
        line.kind, line.reason = "furniture", "about the author"
        return
    if line.words <= 6 and _SECTION_HEAD.match(text) and fires("line:section_head"):
        line.section_end = True
        line.kind, line.reason = "furniture", f"section heading {text.strip()!r}"
        return
    if line.key and is_section_end(text, line.key):
        line.section_end = True
        line.kind, line.reason = "furniture", f"section heading {text.strip()!r}"
        return
    if (
        _MARKUP_HINT.search(text)
        and (not line.ends_sentence and _MARKUP.search(text) or "&amp;" in text or '="' in text)
        and fires("line:markup")
    ):
        line.kind, line.reason = "furniture", "markup or code"
        return
    phrase = furniture_phrase(text, furniture, line.key) if line.words < 60 else None
    if phrase:
        line.kind, line.reason = "furniture", f"stock phrase {phrase!r}"
        line.inline = is_inline(line.key)
        return
    if line.words <= 40 and _URL.match(text) and fires("line:url"):
        line.kind, line.reason = "metadata", "url or e-mail address"
        return
    # (two stamps on one line, "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET", run to 20)
    if line.words <= 20 and _HAS_DIGIT.search(text) and _is_date_line(text) and fires("line:date"):
        line.kind, line.reason = "metadata", "date or timestamp"
        return
    if (_COUNTER.match(text) or _SOCIAL_COUNT.match(text)) and fires("line:counter"):
        line.kind, line.reason = "furniture", "counter or number only"
        return
    if (
        # "By Jane Doe | June 7, 2024 at 10:15 a.m. EDT": a byline with its time stamp is longer.
        (line.words <= 10 or line.words <= 14 and _HAS_DIGIT.search(text))
        and (line.words <= 4 or not line.ends_sentence)
        and _BYLINE.match(text)
        and fires("line:byline")
    ):
        line.kind, line.reason = "metadata", "byline"
        return
    if line.words <= 30 and _GLUED_HOME.match(text) and _TRUNCATED.search(text) and fires("line:glued_breadcrumb"):
        line.kind, line.reason = "furniture", "breadcrumb"
        return
    if (
        line.words <= 25
        and not line.ends_sentence
        and _BREADCRUMB_CHAR.search(text)
        and len(_BREADCRUMB_SEP.findall(text)) >= 2
        and fires("line:breadcrumb")
    ):
        line.kind, line.reason = "furniture", "breadcrumb"
        return
    if (
        line.words <= 40
        and not line.ends_sentence
        and _MENU_CHAR.search(text)
        and len(_MENU_SEP.findall(text)) >= 2
        and fires("line:menu")
    ):
        line.kind, line.reason = "furniture", "menu"
        return
    if line.words > 40:
        return
    folded = text.casefold()
    if line.words <= 12 and _NEWSLETTER.search(folded) and fires("line:newsletter"):
        line.kind, line.reason = "furniture", "newsletter promotion"
        return
    if "follow" in folded and _FOLLOW.search(text) and fires("line:follow"):
        line.kind, line.reason = "furniture", "social media promotion"
        return
    if (
        (_CAPTION_CHAR.search(text) or _CAPTION_WORD.search(folded))
        and _CAPTION.search(text)
        and fires("line:caption")
        or _credit_tail(text)
        and fires("line:credit_tail")
    ):
        line.kind, line.reason = "furniture", "photo caption or credit"
        return
    if _DASH_ITEM.match(text) and line.prose < 1 and fires("line:dash_item"):
        line.kind, line.reason = "furniture", "list of headlines"
        return


def _credit_tail(text: str) -> bool:
    """A short label ending in "via X" or "by X" with no sentence before it ("keyboard via iFixit")."""
    parts = text.rsplit(None, 2)
    return (
        len(parts) == 3
        and parts[1].lower() in ("via", "by")
        and len(text) <= 90
        and text[-1] not in ".!?"
        and not _STOP_CHAR.search(parts[0])
        and bool(_HANDLE.fullmatch(parts[2]))
    )


def _is_date_line(text: str) -> bool:
    words = _LETTERS.findall(text.casefold())
    if not (_DATE_CUE.search(text) or any(w in MONTH_WORDS or w == "ago" for w in words)):
        return False
    leftover = [w for w in words if w not in _DATE_WORDS and len(w) > 1]
    return len(leftover) <= 1
