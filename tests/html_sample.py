"""Reports built by hand for the HTML tests, so that they do not depend on the aligner's current output.

``sample_report`` uses the real cleaned sentences of corpus/ 000 (AsiaNews), 001 (Yonhap) and 002 (BBC),
grouped the way tests/../gold/seeds.json says a careful reader groups them. ``hostile_report`` puts an
attack string in every text field a Report has.
"""

from __future__ import annotations

import re
from dataclasses import replace

import srccompare
from srccompare.model import (
    Article,
    Difference,
    Dropped,
    Event,
    FactGroup,
    Member,
    Notice,
    OutletFacts,
    Quote,
    QuoteUse,
    Report,
    Sentence,
    Story,
    Token,
)

from .conftest import CORPUS

PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>')
HOSTILE = " ".join(PAYLOADS)
WORD = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")


def _find(article: Article, phrase: str) -> Member:
    for i, s in enumerate(article.sentences):
        if phrase in s.text:
            return Member(article.id, i, s.text)
    raise LookupError(f"{phrase!r} not in any sentence of {article.id}")


def _tokens(text: str, changed: set[str]) -> tuple[Token, ...]:
    return tuple(Token(w, w in changed) for w in WORD.findall(text))


def _group(fid, relation, members, changed=(), differences=(), background=()):
    highlights = tuple(_tokens(m.text, set(c)) for m, c in zip(members, changed)) if changed else ()
    return FactGroup(fid, relation, tuple(members), tuple(differences), tuple(background), highlights)


def load_corpus(*prefixes: str) -> list[Article]:
    paths = [str(p) for prefix in prefixes for p in sorted(CORPUS.glob(f"{prefix}_*"))]
    return srccompare.load(paths)


def sample_report() -> Report:
    asia, yonhap, bbc = load_corpus("000", "001", "002")
    a, y = asia.id, yonhap.id
    appreciate = (_find(asia, "greatly appreciates"), _find(yonhap, "highly appreciates"))
    italy = tuple(_find(a, "Just like in our relations with Italy") for a in (asia, yonhap))
    nuclear = (_find(asia, "unlikely to be resolved"), _find(yonhap, "will be resolved when"))
    choice = (_find(asia, "(South) Korean leadership"), _find(yonhap, "the Korean leadership"))
    closer = (
        _find(asia, "grown considerably closer"),
        _find(yonhap, "significantly strengthened"),
        _find(yonhap, "reciprocal visit"),
    )
    containers = _find(asia, "7,000 containers")
    agencies = _find(yonhap, "16 international news agencies")
    facts = (
        _group("E1-F1", "equivalent", appreciate, ({"greatly"}, {"Wednesday", "highly"})),
        _group("E1-F2", "equivalent", italy),
        _group(
            "E1-F3",
            "divergent",
            nuclear,
            (
                {
                    "suggested",
                    "that",
                    "issue",
                    "is",
                    "unlikely",
                    "as",
                    "long",
                    "feels",
                    "it",
                    "faces",
                    "external",
                    "threats",
                },
                {"said", "North", "Korean", "nuclear", "issue", "will", "when", "no", "longer"},
            ),
            (
                Difference(
                    "polarity",
                    "'unlikely to be resolved as long as' vs 'will be resolved when'",
                    (a, y),
                    {a: ("unlikely",), y: ("will",)},
                ),
                Difference("attribution", "suggested vs said", (a, y)),
                Difference("hedge", "unlikely", (a,), {a: ("unlikely",)}),
            ),
        ),
        _group(
            "E1-F4",
            "divergent",
            choice,
            ({"(", "South", ")"}, set()),
            (Difference("quote", "bracketed insertion '(South)'", (a,)),),
        ),
        _group(
            "E1-F5",
            "divergent",
            closer,
            ({"considerably", "closer"}, {"significantly", "strengthened"}, set()),
            (Difference("added_detail", "September's summit between Putin and Kim Jong-un", (y,)),),
        ),
        _group("E1-F6", "single", (containers,)),
        _group("E1-F7", "single", (agencies,)),
    )
    outlets = {
        a: OutletFacts(
            added=("E1-F6",), omitted=("E1-F7",), framed=("E1-F3", "E1-F4", "E1-F5"), shared=("E1-F1", "E1-F2")
        ),
        y: OutletFacts(
            added=("E1-F7",), omitted=("E1-F6",), framed=("E1-F3", "E1-F4", "E1-F5"), shared=("E1-F1", "E1-F2")
        ),
    }
    quotes = (
        Quote(
            "E1-Q1",
            italy[0].text,
            "Vladimir Putin",
            (QuoteUse(a, "verbatim", italy[0].text), QuoteUse(y, "verbatim", italy[1].text)),
            "E1-F2",
        ),
        Quote(
            "E1-Q2",
            "It is the choice of the Korean leadership.",
            "Vladimir Putin",
            (QuoteUse(a, "bracketed", choice[0].text), QuoteUse(y, "verbatim", choice[1].text)),
            "E1-F4",
        ),
        Quote(
            "E1-Q3",
            "They are being threatened, and they respond.",
            "Vladimir Putin",
            (QuoteUse(y, "verbatim", "They are being threatened, and they respond."),),
            None,
        ),
    )
    e1 = Event(
        "E1", "Putin praises Seoul for not arming Ukraine", ("2024-06-05", "2024-06-06"), (a, y), facts, outlets, quotes
    )
    bbc_facts = tuple(
        _group(f"E2-F{i + 1}", "single", (Member(bbc.id, i, s.text),)) for i, s in enumerate(bbc.sentences[:4])
    )
    e2 = Event(
        "E2",
        bbc.title or "BBC",
        (bbc.published, bbc.published),
        (bbc.id,),
        bbc_facts,
        {bbc.id: OutletFacts(added=tuple(f.id for f in bbc_facts))},
    )
    notice = Notice("single_outlet", "E2 is covered by one outlet only: nothing to compare it with.", (bbc.id,))
    return Report((asia, yonhap, bbc), Story(("E1", "E2")), (e1, e2), (notice,))


def hostile_report() -> Report:
    """Every string field of the report carries the attack strings; ids included."""
    base = sample_report()
    evil_id = f"evil{HOSTILE}.txt"
    text = f"Putin said he {HOSTILE} appreciates the position of Seoul."
    article = Article(
        id=evil_id,
        path=evil_id,
        title=f"Title {HOSTILE}",
        outlet=f"Outlet {HOSTILE}",
        origin=HOSTILE,
        publisher=HOSTILE,
        published="2024-06-05",
        byline=f"By {HOSTILE}",
        dateline=HOSTILE,
        url="javascript:alert(1)",
        language='en"><script>alert(1)</script>',
        paragraphs=(text,),
        sentences=(Sentence(text, 0, 0, len(text)),),
        dropped=(Dropped(1, f"Subscribe {HOSTILE}", f"furniture {HOSTILE}"),),
    )
    e1 = base.events[0]
    member = Member(evil_id, 0, text)
    fact = FactGroup(
        f"E1-F{HOSTILE}",
        "divergent",
        (e1.facts[0].members[0], member),
        (Difference(f"kind{HOSTILE}", f"detail {HOSTILE}", (evil_id,), {evil_id: PAYLOADS}),),
        (f"E2-{HOSTILE}",),
        (_tokens(e1.facts[0].members[0].text, {"greatly"}), tuple(Token(p, True) for p in PAYLOADS)),
    )
    quote = Quote(
        f"Q{HOSTILE}",
        f"quote {HOSTILE}",
        f"speaker {HOSTILE}",
        (QuoteUse(evil_id, f"form{HOSTILE}", f"use {HOSTILE}"),),
        fact.id,
    )
    outlets = dict(e1.outlets)
    outlets[evil_id] = OutletFacts(added=(fact.id,), omitted=("E1-F7",), framed=(fact.id,))
    event = replace(
        e1,
        title=f"Event {HOSTILE}",
        articles=e1.articles + (evil_id,),
        facts=e1.facts + (fact,),
        outlets=outlets,
        quotes=e1.quotes + (quote,),
    )
    notice = Notice(f"kind{HOSTILE}", f"message {HOSTILE}", (evil_id,))
    return Report(base.articles + (article,), base.story, (event,) + base.events[1:], base.notices + (notice,))
