"""Loaded terms against BASIL's lexical-bias spans: how many annotated spans the lexicon flags, and
how many flagged words annotators marked.

BASIL's annotators marked phrase-level lexical bias ('lex') in 150 articles (50 events x 3 outlets).
Outside quotations (the classifier reads loaded terms only in the outlet's own words):
- span recall: the share of 'lex' spans with at least one word the lexicon flags;
- word precision: the share of flagged words (outside quotation marks) that fall inside a 'lex' span.
A word is flagged when the curated lexicon names it or when it is a charged modifier (lexicon.charge
at least CHARGED): the words the classifier would report had another outlet left them out.
Annotators marked bias against a target, not every evaluative word, so precision is a lower bound.

Reported on real triplets: each BASIL event's three articles compared with ``srccompare.compare`` (one
paragraph per BASIL sentence); every word a ``loaded_term`` difference gives an article (its ``used``
terms) is looked up in the sentence of that article the fact group holds:
- precision: the share of reported words that fall inside a 'lex' span of that sentence;
- recall: the share of 'lex' spans (outside quotations) holding a word reported for their article.
This scores the classifier's decision (a charged word one outlet chose where another told the fact
without it), not the lexicon alone: a span in a sentence no other outlet tells cannot be reported.
The lexicon is never built from these spans (they are the bench's held-out marks; bench/framing.py
inserts them as loaded words).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .common import need

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _flags(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words the classifier's lexicon flags in a sentence, quotes left out."""
    from srccompare.compare import lexicon
    from srccompare.nlp.tokens import STOP_WORDS

    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence)]
    words = [m for m in _WORD.finditer(sentence) if not any(lo <= m.start() < hi for lo, hi in quoted)]
    triples = [(m.group(), m.group().lower().replace("’", "'"), i == 0 and m.start() == 0) for i, m in enumerate(words)]
    found = lexicon.loaded_terms(triples)
    fixed = lexicon.in_fixed_phrase([p for _, p, _ in triples])
    out = []
    for m, (raw, plain, first), f in zip(words, triples, fixed):
        if raw[:1].isupper() and not first:
            continue
        # A charged modifier counts as one an outlet might add where another has none (the
        # classifier's insertion case; a replaced word needs the other outlet's sentence).
        charged = not f and plain not in STOP_WORDS and lexicon.charge(plain) >= lexicon.CHARGED
        if plain in found or charged:
            out.append((m.start(), m.end(), plain))
    # Multi-word phrases: every word of the phrase counts as flagged.
    low = sentence.lower()
    for phrase in found:
        if " " in phrase:
            for m in re.finditer(re.escape(phrase), low):
                out.append((m.start(), m.end(), phrase))
    return out


def measure(data: Path) -> dict[str, float]:
    root = need(data / "basil")
    spans_total = spans_hit = flagged = flagged_in = 0
    for path in sorted((root / "annotations").glob("*/*_ann.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        stem = path.name.removesuffix("_ann.json")
        article = next((root / "articles").glob(f"*/{stem}.json"), None)
        if article is None:
            continue
        sentences = [s for p in json.loads(article.read_text(encoding="utf-8"))["body-paragraphs"] for s in p]
        lex: dict[int, list[tuple[int, int]]] = {}
        for span in ann["phrase-level-annotations"]:
            if span["bias"] != "lex" or span["quote"] == "yes":
                continue
            at = next((i for i, s in enumerate(sentences) if s[span["start"] : span["end"]] == span["txt"]), None)
            if at is not None:
                lex.setdefault(at, []).append((span["start"], span["end"]))
        for i, sentence in enumerate(sentences):
            hits = _flags(sentence)
            flagged += len(hits)
            flagged_in += sum(1 for lo, hi, _ in hits if any(a <= lo < b for a, b in lex.get(i, [])))
            for a, b in lex.get(i, []):
                spans_total += 1
                spans_hit += any(a <= lo < b or lo <= a < hi for lo, hi, _ in hits)
    return {
        "spans": spans_total,
        "spans_hit": spans_hit,
        "recall": spans_hit / spans_total if spans_total else 0.0,
        "flagged": flagged,
        "flagged_in": flagged_in,
        "precision": flagged_in / flagged if flagged else 0.0,
    }


def _lex_spans(root: Path, article: Path, sentences: list[str]) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> (start, end) of the article's 'lex' spans outside quotations."""
    ann = root / "annotations" / article.parent.name / f"{article.stem}_ann.json"
    out: dict[int, list[tuple[int, int]]] = {}
    if not ann.is_file():
        return out
    for span in json.loads(ann.read_text(encoding="utf-8"))["phrase-level-annotations"]:
        if span["bias"] != "lex" or span["quote"] == "yes":
            continue
        at = next((i for i, s in enumerate(sentences) if s[span["start"] : span["end"]] == span["txt"]), None)
        if at is not None:
            out.setdefault(at, []).append((span["start"], span["end"]))
    return out


def reported(data: Path) -> dict[str, float]:
    """Loaded terms the classifier reports when it compares each BASIL event's three articles."""
    import srccompare

    from .framing import _article

    root = need(data / "basil")
    events: dict[str, list[Path]] = {}
    for path in sorted((root / "articles").glob("*/*.json")):
        events.setdefault(json.loads(path.read_text(encoding="utf-8"))["triplet-uuid"], []).append(path)
    words = inside = spans_total = spans_hit = 0
    for paths in events.values():
        articles, lex, texts = [], {}, {}
        for k, path in enumerate(paths):
            body = json.loads(path.read_text(encoding="utf-8"))["body-paragraphs"]
            sentences = [s for p in body for s in p if s.strip()]
            name = f"{k}.txt"
            articles.append(_article(name, sentences))
            lex[name], texts[name] = _lex_spans(root, path, sentences), sentences
        by_id = {a.id: a for a in articles}
        hit: dict[str, set[tuple[int, int, int]]] = {a.id: set() for a in articles}
        for event in srccompare.compare(articles).events:
            for fact in event.facts:
                for diff in fact.differences:
                    if diff.kind != "loaded_term":
                        continue
                    for name, terms in diff.used.items():
                        rows = {by_id[name].sentences[m.sentence].paragraph for m in fact.members if m.article == name}
                        for term in terms:
                            words += 1
                            spans = [
                                (i, a, b)
                                for i in rows
                                for a, b in lex[name].get(i, [])
                                for m in re.finditer(rf"\b{re.escape(term)}\b", texts[name][i].lower())
                                if a <= m.start() < b
                            ]
                            inside += bool(spans)
                            hit[name] |= set(spans)
        for name in lex:
            spans_total += sum(len(v) for v in lex[name].values())
            spans_hit += len(hit[name])
    return {
        "words": words,
        "inside": inside,
        "precision": inside / words if words else 0.0,
        "spans": spans_total,
        "spans_hit": spans_hit,
        "recall": spans_hit / spans_total if spans_total else 0.0,
    }


def run(data: Path) -> str:
    m = measure(data)
    r = reported(data)
    return (
        "## basil_lex: loaded terms against BASIL's lexical-bias spans\n\n"
        "Curated lexicon (srccompare/data/lexicon.toml) and charged modifiers (srccompare/data/charge.toml, "
        "charge >= CHARGED) on the BASIL development articles, outside quotation marks.\n\n"
        "| lex spans | spans flagged | span recall | words flagged | flagged inside a span | word precision |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: |\n"
        f"| {m['spans']} | {m['spans_hit']} | {m['recall']:.3f} | {m['flagged']} | {m['flagged_in']} | "
        f"{m['precision']:.3f} |\n\n"
        "Reported on real triplets: each event's three articles compared, the words of every `loaded_term` "
        "difference looked up in the sentence its fact group holds.\n\n"
        "| lex spans | spans reported | recall | words reported | inside a span | precision |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: |\n"
        f"| {r['spans']} | {r['spans_hit']} | {r['recall']:.3f} | {r['words']} | {r['inside']} | "
        f"{r['precision']:.3f} |\n"
    )


if __name__ == "__main__":
    import sys

    print(run(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/bench")))
