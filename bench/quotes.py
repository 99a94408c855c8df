"""Quotation speakers on real reports: how many quotations get a speaker.

``srccompare.nlp.quotes.article_quotes`` on the labelled ECB+ development articles (tests/data/facts/
articles, so this part needs no bench data) and on BASIL's development articles (one paragraph per
BASIL paragraph). Quotations of at least four words (shorter ones are mostly scare quotes, which name
no speaker). A quotation whose text names no speaker stays without one, so the share is not meant to
reach 1; a wrong speaker is worse than none, and the changes that raise it are checked by reading
every speaker they change (commit messages).

Against hand labels (tests/data/quotes, labelled without looking at the tool's speakers): each labelled
quotation is looked up among the quotations ``article_quotes`` finds, and its speaker compared with the
label's: recall on the quotations whose text names a speaker, precision of the speakers given, and the
wrong ones listed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .common import need
from .factscore import ARTICLES

MIN_WORDS = 4
SPEAKERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "quotes"
# Words of a speaker's name that say nothing of who it is ("the White House" / "White House").
_ARTICLES = frozenset({"the", "a", "an"})


def _words(text: str) -> list[str]:
    from srccompare.nlp.tokens import tokens

    return [t for t in tokens(text) if t.isalnum() or "-" in t or "'" in t]


def names_labelled_speaker(label: str, given: str, named: bool = True) -> bool:
    """Whether the tool's speaker names whom the label names, compared folded: the label's words inside the
    speaker's (a title kept: "Pensioner Bayram-aga" for "Bayram-aga"), or the speaker's inside the label's
    when it is one word (a surname: "Steele" for "James Steele") or one whole name of several ("Neil Meron"
    for "Craig Zadan and Neil Meron"), or the label only describes ("the source" for "a source with
    knowledge of the 76ers' thinking"). The tail of a longer name is not it ("Rights Watch" for "Human
    Rights Watch")."""
    a = [w for w in _words(label) if w not in _ARTICLES]
    b = [w for w in _words(given) if w not in _ARTICLES]
    if not a or not b:
        return False
    if all(w in b for w in a):
        return True
    if not all(w in a for w in b):
        return False
    if not named or len(b) == 1:
        return True
    parts = (p.split() for p in re.split(r"\band\b|&|,", " ".join(a)))
    return any(b == part for part in parts)


@dataclass
class SpeakerScore:
    """Labelled quotations and what the tool made of them."""

    quotes: int = 0  # labelled quotations
    found: int = 0  # found by article_quotes
    named: int = 0  # found, whose label names a person or body
    named_right: int = 0  # ... given that speaker
    given: int = 0  # found, given a speaker by the tool
    given_right: int = 0  # ... the label's (named or described)
    nobody_given: int = 0  # found, the label credits nobody, the tool gave someone
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.named_right / self.named if self.named else 0.0

    @property
    def precision(self) -> float:
        return self.given_right / self.given if self.given else 0.0


def speaker_scores(folder: Path = SPEAKERS) -> SpeakerScore:
    """Score ``article_quotes`` against the labels in ``folder`` (speakers.json and its articles/)."""
    import srccompare
    from srccompare.nlp.quotes import article_quotes
    from srccompare.nlp.tokens import normalise

    doc = json.loads((folder / "speakers.json").read_text(encoding="utf-8"))
    score = SpeakerScore()
    for name, entry in sorted(doc["articles"].items()):
        loaded = srccompare.load([folder / "articles" / name], problems=[])
        quotes = article_quotes(list(loaded[0].paragraphs)) if loaded else []
        found = [(normalise(q.text), q) for q in quotes]
        used: set[int] = set()
        for label in entry["quotes"]:
            score.quotes += 1
            needle = normalise(label["text"])
            at = next((k for k, (text, _) in enumerate(found) if needle in text and k not in used), None)
            if at is None:
                at = next((k for k, (text, _) in enumerate(found) if needle in text), None)
            where = f'{name}: "{label["text"]}"'
            if at is None:
                score.not_found.append(where)
                continue
            used.add(at)
            score.found += 1
            given, want = found[at][1].speaker, label.get("speaker")
            right = (
                given is not None and want is not None and names_labelled_speaker(want, given, label.get("named", True))
            )
            if want is not None and label.get("named", True):
                score.named += 1
                score.named_right += right
                if given is None:
                    score.missed.append(f"{where} -> none, label {want}")
            if given is not None:
                score.given += 1
                score.given_right += right
                if want is None:
                    score.nobody_given += 1
                if not right:
                    score.wrong.append(f"{where} -> {given}, label {want}")
    return score


def _share(articles: Iterable[Sequence[str]]) -> tuple[int, int]:
    from srccompare.nlp.quotes import article_quotes

    total = named = 0
    for paragraphs in articles:
        for quote in article_quotes(paragraphs):
            if len(quote.text.split()) >= MIN_WORDS:
                total += 1
                named += quote.speaker is not None
    return named, total


def _ecbplus() -> list[list[str]]:
    import srccompare

    return [list(a.paragraphs) for a in srccompare.load([ARTICLES], problems=[])]


def _basil(data: Path) -> list[list[str]]:
    out = []
    for path in sorted(need(data / "basil" / "articles").glob("*/*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["body-paragraphs"]
        out.append([" ".join(p) if isinstance(p, list) else p for p in body])
    return out


def run(data: Path) -> str:
    rows = []
    for name, articles in (
        ("ECB+ development articles labelled in tests/data/facts", _ecbplus()),
        ("BASIL development articles", _basil(data)),
    ):
        named, total = _share(articles)
        rows.append(f"| {name} | {len(articles)} | {total} | {named} | {named / max(1, total):.3f} |")
    return "\n".join(
        [
            "## quotes: quotations given a speaker",
            "",
            f"Quotations of at least {MIN_WORDS} words found by `srccompare.nlp.quotes.article_quotes`, and how many "
            "it gives a speaker (a person or a body the text names, a pronoun resolved to one).",
            "",
            "| articles | count | quotations | with a speaker | share |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            *_labelled(),
            "Command: `python -m bench DATA --only quotes`",
        ]
    )


def _labelled() -> list[str]:
    if not (SPEAKERS / "speakers.json").is_file():
        return []
    s = speaker_scores()
    articles = len(json.loads((SPEAKERS / "speakers.json").read_text(encoding="utf-8"))["articles"])
    lines = [
        f"Against hand labels (tests/data/quotes: {articles} ECB+ development articles of other events than "
        "tests/data/facts, labelled without looking at the tool's speakers). *Recall*: of the quotations found "
        "whose text names a person or body, those given that speaker; *precision*: of the speakers given, those "
        'the label names (a described speaker, "a police spokesman", counts when the words match).',
        "",
        "| labelled quotations | found | naming a speaker | given it | recall | speakers given | right | precision "
        "| given where the text credits nobody |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {s.quotes} | {s.found} | {s.named} | {s.named_right} | {s.recall:.3f} | {s.given} | {s.given_right} "
        f"| {s.precision:.3f} | {s.nobody_given} |",
        "",
    ]
    if s.wrong:
        lines += ["Speakers given that the label does not name:", ""]
        lines += [f"- {w}" for w in s.wrong]
        lines.append("")
    return lines
