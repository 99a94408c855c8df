"""Stock page furniture in several languages: the words of menus, share bars, ads and legal lines.

Three kinds of match, from loose to strict, because a word like "Share" is furniture as a whole
line and ordinary prose inside a sentence:
- a whole line that is one of the short interface words (after trimming counts and arrows);
- a line that starts with a furniture lead-in ("Copyright", "Subscribe to", "Read more");
- a line that contains an unmistakable legal or share phrase anywhere ("All rights reserved").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .rules import fires
from .words import load_groups

# Whole-line interface words. Matched case-insensitively after trimming punctuation and counts.
WHOLE_LINE = (
    # English
    "home",
    "menu",
    "search",
    "close",
    "open",
    "skip to content",
    "skip to main content",
    "back to top",
    "top",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "share via",
    "tweet",
    "pin it",
    "email",
    "e-mail",
    "print",
    "print this",
    "print article",
    "comment",
    "comments",
    "send",
    "send to a friend",
    "printable version",
    "facebook",
    "twitter",
    "linkedin",
    "reddit",
    "pinterest",
    "whatsapp",
    "instagram",
    "youtube",
    "flipboard",
    "telegram",
    "copy link",
    "link copied",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "logout",
    "log out",
    "register",
    "my account",
    "newsletter",
    "newsletters",
    "advertisement",
    "advertisment",
    "advertising",
    "sponsored",
    "sponsored content",
    "ad",
    "ads",
    "see also",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "related topics",
    "read more",
    "read next",
    "more",
    "load more",
    "show more",
    "see more",
    "view more",
    "view all",
    "see all",
    "more stories",
    "more news",
    "more from",
    "more articles",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "popular",
    "trending",
    "trending now",
    "latest",
    "latest news",
    "latest stories",
    "top stories",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "recent comments",
    "recent posts",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "tags",
    "topics",
    "categories",
    "archives",
    "follow us",
    "follow",
    "contact",
    "contact us",
    "about",
    "about us",
    "privacy",
    "privacy policy",
    "terms",
    "terms of use",
    "terms of service",
    "terms & conditions",
    "terms and conditions",
    "cookie policy",
    "cookies",
    "sitemap",
    "rss",
    "rss feed",
    "next",
    "previous",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "go",
    "submit",
    "cancel",
    "reply",
    "like",
    "likes",
    "loading",
    "loading...",
    "watch",
    "listen",
    "video",
    "videos",
    "photos",
    "gallery",
    "play",
    "sections",
    "news",
    "opinion",
    "sports",
    "entertainment",
    "business",
    "world",
    "politics",
    "technology",
    "tech",
    "health",
    "science",
    "lifestyle",
    "travel",
    "weather",
    "google search engine",
    "print edition",
    "e-paper",
    "epaper",
    "font size",
    "text size",
    "listen to this article",
    "image",
    "photo",
    "credit",
    "advert",
    "adverts",
    "ad feedback",
    "sharing is caring",
    "share close",
    "story continues below",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "article continues below",
    "scroll to continue",
    "click to expand",
    # French
    "accueil",
    "partager",
    "partager sur facebook",
    "partager sur twitter",
    "imprimer",
    "envoyer à un ami",
    "envoyer par e-mail",
    "abonnez-vous",
    "s'abonner",
    "se connecter",
    "connexion",
    "publicité",
    "voir aussi",
    "lire aussi",
    "à lire aussi",
    "les plus lus",
    "commentaires",
    "réagir",
    "suivez-nous",
    "version imprimable",
    "plus d'articles",
    # German
    "startseite",
    "teilen",
    "drucken",
    "abonnieren",
    "anmelden",
    "einloggen",
    "anzeige",
    "werbung",
    "mehr zum thema",
    "lesen sie auch",
    "das könnte sie auch interessieren",
    "meistgelesen",
    "kommentare",
    "artikel teilen",
    "impressum",
    "datenschutz",
    "druckversion",
    # Spanish
    "inicio",
    "compartir",
    "imprimir",
    "suscríbete",
    "suscribirse",
    "iniciar sesión",
    "publicidad",
    "ver también",
    "leer más",
    "lo más leído",
    "más leídas",
    "comentarios",
    "síguenos",
    "aviso legal",
    "versión imprimible",
    "noticias relacionadas",
    # Italian
    "condividi",
    "stampa",
    "iscriviti",
    "accedi",
    "pubblicità",
    "leggi anche",
    "leggi di più",
    "più letti",
    "commenti",
    "seguici",
    "articoli correlati",
    # Portuguese
    "início",
    "compartilhar",
    "partilhar",
    "assine",
    "assinar",
    "entrar",
    "publicidade",
    "leia também",
    "veja também",
    "leia mais",
    "mais lidas",
    "comentários",
    "siga-nos",
    "notícias relacionadas",
    # Dutch
    "delen",
    "afdrukken",
    "abonneren",
    "inloggen",
    "advertentie",
    "lees ook",
    "meest gelezen",
    "reacties",
    # Korean, Japanese, Chinese
    "공유",
    "공유하기",
    "인쇄",
    "인쇄하기",
    "구독",
    "구독하기",
    "광고",
    "댓글",
    "많이 본 뉴스",
    "관련기사",
    "관련 기사",
    "목록",
    "뒤로가기",
    "홈",
    "로그인",
    "シェア",
    "印刷",
    "広告",
    "関連記事",
    "ログイン",
    "分享",
    "打印",
    "广告",
    "相关新闻",
    "登录",
    # Russian
    "главная",
    "поделиться",
    "печать",
    "подписаться",
    "реклама",
    "читайте также",
    "комментарии",
)

# Lead-ins: a line that starts with one of these is furniture, whatever follows.
# Legal lead-ins mark a line of any length.
LEGAL_LEADS = (
    "copyright",
    "©",
    "ⓒ",
    "(c) ",
    "all rights reserved",
    "all right reserved",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "todos os direitos reservados",
    "저작권자",
    "무단전재",
    "무단 전재",
)
LEAD_GROUPS = load_groups("furniture.toml", "lead_ins")
LEAD_INS = tuple(phrase for phrases in LEAD_GROUPS.values() for phrase in phrases)
# Lead-ins that are ordinary words too ("Tags were fitted to the birds"): only on short lines.
SHORT_LEADS = ("tags ", "tagged ", "topics ")

# Phrases so typical of page furniture that they mark the whole line wherever they sit.
ANYWHERE_GROUPS = load_groups("furniture.toml", "anywhere")
ANYWHERE = tuple(phrase for phrases in ANYWHERE_GROUPS.values() for phrase in phrases)
# The rule each phrase belongs to, by its folded form as the patterns match it.
_ANYWHERE_GROUP = {phrase.casefold(): group for group, phrases in ANYWHERE_GROUPS.items() for phrase in phrases}
_LEAD_GROUP = {phrase.casefold(): group for group, phrases in LEAD_GROUPS.items() for phrase in phrases}
# Phrases that a sentence of the article may also use ("changed its privacy policy"): only on short lines.
SHORT_ANYWHERE = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "click here",
    "in your inbox",
    "uses cookies",
    "must be logged in",
)
# Lines of these many words at most are checked against LEAD_INS, SHORT_LEADS and SHORT_ANYWHERE.
LEAD_WORDS = 25
# ANYWHERE phrases are looked for in lines up to this long (a cookie notice can be a paragraph).
_ANYWHERE_CHARS = 1000
SHORT_WORDS = 12

# Words of a comment section or of lists that follow an article: once one of these is a line of
# its own after the body, what comes next belongs to the page, not the article.
# Headings that open the readers' comments, in English; both lists below start with them.
_COMMENT_OPENERS = (
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "top rated comments",
    "recent comments",
    "join the conversation",
    "join the discussion",
)

SECTION_ENDS = (
    *_COMMENT_OPENERS,
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "more stories",
    "more news",
    "more from",
    "more articles",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most popular",
    "most read",
    "most viewed",
    "trending",
    "trending now",
    "see also",
    "read next",
    "what to read next",
    "latest news",
    "latest stories",
    "top stories",
    "popular posts",
    "recent posts",
    "further reading",
    "about the author",
    "share this",
    "share this article",
    "commentaires",
    "voir aussi",
    "lire aussi",
    "à lire aussi",
    "les plus lus",
    "kommentare",
    "mehr zum thema",
    "lesen sie auch",
    "meistgelesen",
    "comentarios",
    "ver también",
    "lo más leído",
    "noticias relacionadas",
    "commenti",
    "leggi anche",
    "articoli correlati",
    "più letti",
    "comentários",
    "leia também",
    "veja também",
    "mais lidas",
    "notícias relacionadas",
    "관련기사",
    "관련 기사",
    "많이 본 뉴스",
    "댓글",
    "関連記事",
    "相关新闻",
    "читайте также",
)

# Interface lines that sit between an article's paragraphs (ad slots, "story continues below"):
# dropped, but they must not cut the article in two.
INLINE = frozenset(
    (
        "advertisement",
        "advertisment",
        "advert",
        "adverts",
        "ad",
        "ads",
        "sponsored",
        "ad feedback",
        "story continues below",
        "story continues below advertisement",
        "continue reading",
        "continue reading below",
        "article continues below",
        "scroll to continue",
        "continue reading the main story",
        "publicité",
        "anzeige",
        "werbung",
        "publicidad",
        "pubblicità",
        "publicidade",
        "advertentie",
        "광고",
        "реклама",
        "広告",
        "广告",
    )
)


def is_inline(key: str) -> bool:
    """An ad slot or a "continues below" line: furniture found between paragraphs of the article."""
    return key in INLINE and fires("inline")


# Headings that open the readers' comments. Comments are never the article, even when they are
# longer than it, so the article is looked for before the first of these.
COMMENT_HEADS = frozenset(
    (
        *_COMMENT_OPENERS,
        "reader comments",
        "show comments",
        "view comments",
        "read comments",
        "comments are closed",
        "commentaires",
        "réagir",
        "kommentare",
        "leserkommentare",
        "comentarios",
        "commenti",
        "comentários",
        "reacties",
        "댓글",
        "コメント",
        "评论",
        "комментарии",
    )
)
_COMMENT_LEAD = re.compile(
    r"^(?:leave a (?:comment|reply)|post a comment|add a comment|lascia un commento|laissez un commentaire|"
    r"laisser un commentaire|deja un comentario|deja una respuesta|deixe (?:um|seu) comentário|"
    r"deixe uma resposta|hinterlasse einen kommentar|schreibe einen kommentar|kommentar schreiben|"
    r"laat een reactie achter)\b"
)
_COMMENT_COUNT = re.compile(
    r"^\W*\d+\s+(?:comments?|commentaires?|kommentare|comentarios|commenti|comentários|댓글)\W*$", re.I
)


# What surrounds a short interface word: bullets, arrows, counts "(12)", colons.
_LEAD_TRIM = " \t-–—•·*|»«›‹>#[](){}:"
_TAIL_TRIM = " \t-–—•·*|»«›‹>[](){}:.!…0123456789"


def line_key(line: str) -> str:
    """The line folded and stripped of bullets, arrows and counts, as furniture words are looked up."""
    return line.strip().lstrip(_LEAD_TRIM).rstrip(_TAIL_TRIM).casefold()


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted({p.casefold() for p in phrases}, key=len, reverse=True)))


@lru_cache(maxsize=16)
def _tables(
    extra: tuple[str, ...],
) -> tuple[
    frozenset[str], re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    whole = frozenset(w.casefold() for w in (*WHOLE_LINE, *extra))
    ends = frozenset(w.casefold() for w in SECTION_ENDS)
    return (
        whole,
        _alternation(LEGAL_LEADS),
        _alternation((*ANYWHERE, *extra)),
        ends,
        _alternation(LEAD_INS),
        _alternation(SHORT_LEADS),
        _alternation(SHORT_ANYWHERE),
    )


def furniture_phrase(line: str, extra: Iterable[str] = (), key: str | None = None) -> str | None:
    """The stock phrase that makes ``line`` furniture, or None."""
    whole, legal_re, any_re, _, lead_re, short_lead_re, short_any_re = _tables(tuple(extra))
    folded = line.strip().casefold()
    if key is None:
        key = line_key(folded)
    if key in whole and fires("whole", _whole_rule(key)):
        return key
    start = folded.lstrip("-–—•·*|»>[( ")
    m = legal_re.match(start)
    if m and not _narrates(line, start, m.end()) and fires("legal", m.group(0).strip()):
        return m.group(0).strip()
    if len(folded) >= _ANYWHERE_CHARS:
        return None
    m = any_re.search(folded)
    if m and fires("anywhere", _ANYWHERE_GROUP.get(m.group(0), m.group(0))):
        return m.group(0)
    words = folded.count(" ") + 1
    if words <= LEAD_WORDS:
        m, rule = lead_re.match(start), "lead"
        if m is None:
            m, rule = _ALSO_ON.match(start), "also_on"
        if m is None and words <= SHORT_WORDS:
            m, rule = short_lead_re.match(start), "short_lead"
        if m and not _narrates(line, start, m.end()):
            phrase = m.group(0).strip()
            # "Also on <site>" points to another article as "See also:" does.
            group = "see_also" if rule == "also_on" else _LEAD_GROUP.get(m.group(0), phrase)
            if fires("short_lead" if rule == "short_lead" else "lead", group):
                return phrase
        if words <= SHORT_WORDS:
            m = short_any_re.search(folded)
            if m and fires("short_anywhere", m.group(0).strip()):
                return m.group(0).strip()
    return None


_ALSO_ON = re.compile(r"also on [\w-]+\.[a-z]{2,}")
# Furniture speaks to the reader ("Subscribe to our newsletter", "By clicking you agree"); a sentence
# of the article may open with the same words and narrate ("Copyright disputes have flared",
# "Advertisement spending fell sharply, the ministry said").
_READER = re.compile(r"\b(?:you|your|yours|our|ours|us|we)\b|\bhere\b")
_SENTENCE_TAIL = re.compile(r"[.!?][\"'”’)\]]*$")
NARRATION_WORDS = 12
# Lead-ins that tell the reader to do something are furniture however the line goes on
# ("Clique na foto e veja as colunas..."): only the others can open a sentence of the article.
_IMPERATIVE = frozenset(
    """
    click clique cliquez clicca klicken haga haz pulse subscribe sign follow read download get join
    share like see view submit continue also lire voir abonnez lesen lea leer leggi leia veja
""".split()
)


def _narrates(line: str, folded_start: str, lead_end: int) -> bool:
    """Whether a line that opens with a furniture lead-in goes on as a sentence of the article: a
    long sentence that continues the lead-in in lower case and never addresses the reader."""
    if folded_start.count(" ") + 1 < NARRATION_WORDS or _READER.search(folded_start):
        return False
    if folded_start.split(None, 1)[0] in _IMPERATIVE:
        return False
    text = line.strip()
    if not _SENTENCE_TAIL.search(text):
        return False
    # Case is read from the line as given, at the folded line's offsets; where casefold changed the
    # length (ß -> ss) those offsets do not hold, and the line stays furniture.
    original = text.lstrip("-–—•·*|»>[( ")
    if len(original) != len(folded_start):
        return False
    rest = original[lead_end:].lstrip()
    return bool(rest) and rest[0].islower()


def is_section_end(line: str, key: str | None = None) -> bool:
    """A heading that opens the comments or a list of other articles."""
    key = line_key(line) if key is None else key
    return key in _tables(())[3] and fires("section", key)


def is_comment_head(line: str, key: str | None = None) -> bool:
    """A heading that opens the readers' comments ("Comments", "[ 167 comments ]")."""
    key = line_key(line) if key is None else key
    if key in COMMENT_HEADS:
        return fires("comments", key)
    if _COMMENT_LEAD.match(key):
        return fires("comments:lead")
    return bool(_COMMENT_COUNT.match(line)) and fires("comments:count")


def stock_word(key: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether a folded line key is one of the whole-line interface words."""
    return key in _tables(extra)[0] and fires("whole", _whole_rule(key))


def _whole_rule(key: str) -> str:
    """The rule a whole-line word belongs to: each word its own, but the ad labels are one ("Advert",
    "Anzeige", "Publicidad": the slot an ad fills between paragraphs)."""
    return "ad slot" if key in INLINE else key
