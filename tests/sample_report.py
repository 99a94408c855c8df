"""A small Report built by hand from real seed sentences, so renderer tests do not move when the
comparison improves (the corpus report has its own golden file)."""

from __future__ import annotations

from srccompare.compare.labels import with_labels
from srccompare.model import (
    Article,
    Difference,
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

A, B, C = "asianews.txt", "yonhap.txt", "afp.txt"
POLARITY_A = (
    "Putin suggested that the issue is unlikely to be resolved as long as Pyongyang feels it faces external threats."
)
POLARITY_B = "Putin said the North Korean nuclear issue will be resolved when Pyongyang is no longer threatened."
QUOTE_A = "It is the choice of the (South) Korean leadership."
QUOTE_B = "It is the choice of the Korean leadership."
ONLY_A = "In March, South Korea's Defense Ministry reported that North Korea had sent about 7,000 containers."
ONLY_B = "Representatives of 16 international news agencies took part in the meeting."


def _tokens(text: str, changed: set[str]) -> tuple[Token, ...]:
    return tuple(Token(w, w.strip(".,") in changed) for w in text.split())


def _article(aid: str, outlet: str, date: str, title: str, sentences: list[str]) -> Article:
    sents, offset = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(s, i, offset, offset + len(s)))
        offset += len(s) + 2
    return Article(
        id=aid,
        path=aid,
        title=title,
        outlet=outlet,
        origin=outlet,
        published=date,
        language="en",
        paragraphs=tuple(sentences),
        sentences=tuple(sents),
    )


def sample_report() -> Report:
    a = _article(A, "AsiaNews", "2024-06-06", "Putin woos Seoul", [POLARITY_A, QUOTE_A, ONLY_A])
    b = _article(B, "Yonhap", "2024-06-05", "Putin appreciates Korea's position", [POLARITY_B, QUOTE_B, ONLY_B])
    c = _article(
        C,
        "AFP",
        "2023-09-19",
        "Seoul summons Russian ambassador",
        ["South Korea summoned the Russian ambassador on Tuesday."],
    )
    f1 = FactGroup(
        id="E2.F1",
        relation="divergent",
        members=(Member(A, 0, POLARITY_A), Member(B, 0, POLARITY_B)),
        differences=(
            Difference("attribution", 'attribution: "suggested" (AsiaNews) vs "said" (Yonhap)', (A, B)),
            Difference(
                "polarity", 'polarity: "unlikely to be resolved" (AsiaNews) vs "will be resolved" (Yonhap)', (A, B)
            ),
        ),
        highlights=(
            _tokens(
                POLARITY_A,
                {
                    "suggested",
                    "unlikely",
                    "as",
                    "long",
                    "feels",
                    "it",
                    "faces",
                    "external",
                    "threats",
                    "that",
                    "is",
                    "to",
                },
            ),
            _tokens(
                POLARITY_B, {"said", "North", "Korean", "nuclear", "will", "when", "is", "no", "longer", "threatened"}
            ),
        ),
    )
    f2 = FactGroup(
        id="E2.F2",
        relation="divergent",
        members=(Member(A, 1, QUOTE_A), Member(B, 1, QUOTE_B)),
        differences=(Difference("quote", 'quote bracketed: "(South)" inserted by AsiaNews', (A,)),),
        highlights=(_tokens(QUOTE_A, {"(South)"}), _tokens(QUOTE_B, set())),
    )
    f3 = FactGroup(id="E2.F3", relation="single", members=(Member(A, 2, ONLY_A),))
    f4 = FactGroup(id="E2.F4", relation="single", members=(Member(B, 2, ONLY_B),))
    g1 = FactGroup(id="E1.F1", relation="single", members=(Member(C, 0, c.sentences[0].text),))
    e1 = Event(
        id="E1",
        title=c.title,
        dates=("2023-09-19", "2023-09-19"),
        articles=(C,),
        facts=(g1,),
        outlets={C: OutletFacts()},
    )
    e2 = Event(
        id="E2",
        title=b.title,
        dates=("2024-06-05", "2024-06-06"),
        articles=(B, A),
        facts=(f1, f2, f3, f4),
        outlets={
            A: OutletFacts(added=("E2.F3",), omitted=("E2.F4",), framed=("E2.F1", "E2.F2"), shared=("E2.F1", "E2.F2")),
            B: OutletFacts(added=("E2.F4",), omitted=("E2.F3",), framed=("E2.F1",), shared=("E2.F1", "E2.F2")),
        },
        quotes=(Quote("E2.Q1", QUOTE_A, "Putin", (QUOTE_USE_A, QUOTE_USE_B), fact="E2.F2"),),
    )
    return Report(
        articles=tuple(with_labels((a, b, c))),
        story=Story(("E1", "E2")),
        events=(e1, e2),
        notices=(Notice("single_outlet_event", "E1 is covered by one outlet only (AFP)", (C,)),),
    )


QUOTE_USE_A = QuoteUse(A, "bracketed", QUOTE_A)
QUOTE_USE_B = QuoteUse(B, "verbatim", QUOTE_B)
