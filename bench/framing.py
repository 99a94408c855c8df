"""Framing recall per kind and false framing on unchanged sentences, on synthetic second outlets.

Real sentences (the article bodies of the extraction benchmark) are cut into passages of a few
consecutive sentences. A second outlet's version of a passage is the same passage with ONE
controlled edit in one sentence: a loaded word inserted, a source changed or added, a name spelled
another way, a figure changed, a unit written another way or changed, a hedge added, the speech
verb swapped, the polarity flipped, a quotation trimmed. The two passages are compared as a corpus
of two articles with ``srccompare.compare``.

- recall of a kind: the share of its edits whose edited sentence sits in a fact group that carries
  a difference of the expected kind (for a unit written another way, a ``number`` difference of the
  form ``notation``: reported, and not a disagreement);
- false framing: the share of the sentences left unchanged whose fact group carries a
  disagreement (``is_disagreement``) of any kind.

The generator's word lists are its own and are never read by the detector: loaded words come from
BASIL's lexical-bias spans (annotators' marks, which the classifier's lexicon is not built from),
sources, speech verbs and name respellings from the lists below. Edits that cannot apply to a
sentence (no number, no quotation...) are skipped, so the kinds have different counts. No edit but
the quotation's goes inside quotation marks, nor into a sentence of a remark that runs over several
sentences (``inside_quotations``): those words are the speaker's, not the outlet's framing.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .common import need

SEED = 20240514
PASSAGE = 5  # sentences per passage: the edited one and two either side when there are
MIN_WORDS = 6  # shorter lines (headlines, captions) are not used as edited sentences
PER_KIND = 120  # at most this many edits per kind on the full bodies
DENSE_PASSAGE = 8  # the dense check: passages of this many sentences...
DENSE_EDITS = 3  # ...with this many edits of different kinds

# --- the generator's own lists (the detector never reads these) ---------------------------------

# Sources a second outlet credits instead (or in addition).
SOURCES = (
    "the United Nations",
    "the World Health Organization",
    "Reuters",
    "local officials",
    "state media",
    "the interior ministry",
    "the Red Cross",
    "police",
    "the Associated Press",
    "government figures",
    "witnesses",
    "analysts",
)
# Speech verbs that colour a neutral "said".
SPEECH = ("claimed", "insisted", "admitted", "conceded", "complained", "boasted", "alleged", "warned")
# Hedges added to an assertion: an adverb before a verb, or a modal for "will".
HEDGE_ADVERBS = ("reportedly", "allegedly", "apparently", "possibly")
HEDGE_MODALS = ("could", "might", "may")
# Respellings as transliterations make them.
RESPELL = (
    ("ph", "f"),
    ("y", "i"),
    ("ck", "k"),
    ("c", "k"),
    ("ou", "u"),
    ("ee", "i"),
    ("sh", "ch"),
    ("v", "w"),
    ("i", "y"),
    ("ov", "off"),
    ("ai", "ay"),
)
# Units written another way: the same quantity (reported, not a disagreement).
NOTATION = (
    (r"(\d) percent\b", r"\1%"),
    (r"(\d) per cent\b", r"\1%"),
    (r"(\d)%", r"\1 percent"),
    (r"(\d) million\b", r"\1m"),
    (r"(\d) billion\b", r"\1bn"),
    (r"(\d) (?:kilometres|kilometers)\b", r"\1 km"),
)
# Units changed with the number kept: another quantity (a disagreement).
UNIT_CHANGE = (
    (r"(\d) million\b", r"\1 billion"),
    (r"(\d) billion\b", r"\1 million"),
    (r"\$(\d)", r"€\1"),
    (r"(\d) (?:km|kilometres|kilometers)\b", r"\1 miles"),
    (r"(\d) (?:years|months)\b", r"\1 weeks"),
    (r"(\d) (?:people|users|customers|employees|workers)\b", r"\1 households"),
)
_STOP = frozenset("the a an this that these those its his her their our your my of to in on at for by".split())


@dataclass(frozen=True)
class Edit:
    index: int  # the edited sentence in the passage
    kind: str  # the edit made
    expected: str  # the difference kind that should be reported
    form: str | None = None  # for units written another way: the expected number form


@dataclass(frozen=True)
class Case:
    a: tuple[str, ...]  # the passage
    b: tuple[str, ...]  # the passage with its edits
    edits: tuple[Edit, ...]


# --- the edits ----------------------------------------------------------------------------------
# An outlet frames a fact in its own words: edits stay outside quotation marks (the quote edit aside).
_QUOTED = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)|[‘'](?=\w)[^’']{12,}[’']")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def _outside_quotes(s: str, matches) -> list:
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(s)]
    return [m for m in matches if not any(lo <= m.start() < hi for lo, hi in spans)]


def _insert_loaded(s: str, rng: random.Random, words: Sequence[str]) -> str | None:
    word = rng.choice(words)
    if word.endswith("ly"):
        # An adverb before a verb in the past tense ("criticised" -> "harshly criticised").
        spots = [m for m in re.finditer(r"(?<=[a-z,] )([a-z]{3,}ed)\b", s) if m.group(1) not in _STOP]
    else:
        # An adjective before the noun of a definite phrase ("the plan" -> "the phony plan").
        spots = [m for m in re.finditer(r"(?<=\b[Tt]he )([a-z]{3,})\b", s) if m.group(1) not in _STOP]
    spots = _outside_quotes(s, spots)
    if not spots:
        return None
    m = rng.choice(spots)
    return s[: m.start()] + word + " " + s[m.start() :]


def _source(s: str, rng: random.Random) -> str | None:
    m = re.search(r"according to ((?:the )?(?:[A-Z][\w.'-]*\s?){1,4})", s)
    if m:
        other = rng.choice([x for x in SOURCES if x.lower() not in m.group(1).lower()])
        return s[: m.start(1)] + other + (" " if m.group(1).endswith(" ") else "") + s[m.end(1) :]
    m = re.search(r"\b((?:the )?(?:[A-Z][\w.'-]*\s){1,3})(said|says|reported|estimated)\b", s)
    if m and _outside_quotes(s, [m]):
        other = rng.choice(SOURCES)
        return s[: m.start(1)] + other + " " + rng.choice(("said", "estimated", "reported")) + s[m.end(2) :]
    if s.rstrip().endswith(".") and not _QUOTED.search(s):
        return s.rstrip()[:-1] + ", according to " + rng.choice(SOURCES) + "."
    return None


def _respell(s: str, rng: random.Random) -> str | None:
    names = [
        m
        for m in _outside_quotes(s, list(re.finditer(r"(?<=[a-z,] )([A-Z][a-z]{4,})\b", s)))
        if m.group(1).lower() not in _CALENDAR
    ]
    rng.shuffle(names)
    for m in names:
        word = m.group(1)
        rules = [(x, y) for x, y in RESPELL if x in word[1:]]
        if rules:
            x, y = rng.choice(rules)
            i = word.index(x, 1)
            return s[: m.start()] + word[:i] + y + word[i + len(x) :] + s[m.end() :]
    return None


def _number(s: str, rng: random.Random) -> str | None:
    # A count or amount: not a year, a date, a score or range (6-3), a model number or a ratio (20/20).
    spots = [
        m
        for m in re.finditer(r"(?<![\w.,$€£/-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[\w,.]\d|[-/]\d)", s)
        if not re.fullmatch(r"(19|20)\d\d", m.group())
        and s[: m.start()].split()[-1:] != [w for w in s[: m.start()].split()[-1:] if w.lower() in _CALENDAR]
        and not (s[m.end() :].split()[:1] and s[m.end() :].split()[0].strip(",.").lower() in _CALENDAR)
    ]
    if not spots:
        return None
    m = rng.choice(spots)
    value = int(m.group(1).replace(",", ""))
    new = value + max(1, round(value * rng.choice((0.2, 0.5, 1.0))))
    text = f"{new:,}" if "," in m.group(1) else str(new)
    return s[: m.start(1)] + text + s[m.end(1) :]


def _rewrite(s: str, rng: random.Random, table) -> str | None:
    options = [(p, r) for p, r in table if re.search(p, s)]
    if not options:
        return None
    p, r = rng.choice(options)
    return re.sub(p, r, s, count=1)


def _hedge(s: str, rng: random.Random) -> str | None:
    will = _outside_quotes(s, list(re.finditer(r"\bwill\b", s)))
    if will and rng.random() < 0.5:
        return s[: will[0].start()] + rng.choice(HEDGE_MODALS) + s[will[0].end() :]
    found = _outside_quotes(s, list(re.finditer(r"(?<=[a-z,] )([a-z]{3,}ed)\b", s)))
    found = found or _outside_quotes(s, list(re.finditer(r"\b(is|are|was|were|has|have)\b", s)))
    if not found:
        return None
    m = found[0]
    word = rng.choice(HEDGE_ADVERBS)
    if m.group(1) in ("is", "are", "was", "were", "has", "have"):
        return s[: m.end(1)] + " " + word + s[m.end(1) :]
    return s[: m.start(1)] + word + " " + s[m.start(1) :]


def _attribution(s: str, rng: random.Random) -> str | None:
    # "said" reporting speech, not the passive "is said to".
    found = _outside_quotes(s, list(re.finditer(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\bsaid\b(?! to\b)", s)))
    if not found:
        return None
    return s[: found[0].start()] + rng.choice(SPEECH) + s[found[0].end() :]


def _polarity(s: str, rng: random.Random) -> str | None:
    pattern = r"\b(will|would|can|could|is|are|was|were|has|have|had|did|does|should)\b(?! not\b| no\b)"
    found = _outside_quotes(s, list(re.finditer(pattern, s)))
    if not found:
        return None
    m = found[0]
    word = m.group(1)
    flipped = "cannot" if word == "can" else f"{word} not"
    return s[: m.start(1)] + flipped + s[m.end(1) :]


def _trim(s: str, rng: random.Random) -> str | None:
    m = re.search(r"([“\"])([^”\"]+)([”\"])", s)
    if not m:
        return None
    words = m.group(2).split()
    if len(words) < 8:
        return None
    cut = rng.randint(2, min(4, len(words) - 6))
    at = rng.randint(2, len(words) - cut - 2)
    kept = words[:at] + ["..."] + words[at + cut :]
    return s[: m.start(2)] + " ".join(kept) + s[m.end(2) :]


def edits(loaded: Sequence[str]) -> dict[str, tuple[str, Callable[[str, random.Random], str | None]]]:
    """kind -> (expected difference kind, edit)."""
    return {
        "loaded_term": ("loaded_term", lambda s, rng: _insert_loaded(s, rng, loaded)),
        "source_cited": ("source_cited", _source),
        "name_variant": ("name_variant", _respell),
        "number": ("number", _number),
        "unit_notation": ("number", lambda s, rng: _rewrite(s, rng, NOTATION)),
        "unit_change": ("number", lambda s, rng: _rewrite(s, rng, UNIT_CHANGE)),
        "hedge": ("hedge", _hedge),
        "attribution": ("attribution", _attribution),
        "polarity": ("polarity", _polarity),
        "quote_trim": ("quote", _trim),
    }


# --- data ---------------------------------------------------------------------------------------


def body_sentences(data: Path) -> list[list[str]]:
    """The sentences of each extraction body, one list per paragraph run of the article."""
    from srccompare.nlp.sentences import sentence_spans

    truth = json.loads(need(data / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        sentences = []
        for para in truth[key].get("articleBody", "").split("\n"):
            sentences += [para[s:e].strip() for s, e in sentence_spans(para) if para[s:e].strip()]
        if sentences:
            out.append(sentences)
    return out


def basil_loaded_words(data: Path) -> list[str]:
    """Single words BASIL's annotators marked as lexical bias outside quotations (lower case)."""
    return sorted(basil_loaded_years(data))


def basil_loaded_years(data: Path) -> dict[str, str]:
    """Each of those words with the first year of BASIL's annotations that marks it."""
    words: dict[str, str] = {}
    for path in sorted(need(data / "basil" / "annotations").glob("*/*_ann.json")):
        for span in json.loads(path.read_text(encoding="utf-8"))["phrase-level-annotations"]:
            text = re.sub(r"[^\w\s'-]", "", span["txt"]).strip().lower()
            if span["bias"] == "lex" and span["quote"] == "no" and re.fullmatch(r"[a-z][a-z-]{3,}", text):
                words[text] = min(words.get(text, path.parent.name), path.parent.name)
    # The edit inserts a modifier: an adverb in -ly before a verb, any other word before a noun.
    # Verb forms and plurals ("complained", "threats") fit neither slot and are left out.
    return {w: y for w, y in words.items() if w.endswith("ly") or not w.endswith(("ed", "ing", "s"))}


def _english(s: str) -> bool:
    """English prose: the bodies include other languages, which the edits (English words) would not fit."""
    from srccompare.nlp.language import detect_language

    return detect_language(s) == "en"


# A double quotation mark; straight marks after a digit are inches (a 70" TV), not quotation marks.
_DOUBLE_MARK = re.compile(r'[“”]|(?<!\d)"')


def inside_quotations(sentences: Sequence[str]) -> set[int]:
    """The sentences that open inside a quotation begun in a sentence before (a remark of several
    sentences: '"It was a mess. / She left early," he said.'). Their words are the speaker's, so no edit
    of an outlet's framing goes there."""
    inside: set[int] = set()
    quoting = False
    for k, s in enumerate(sentences):
        if quoting:
            inside.add(k)
        for m in _DOUBLE_MARK.finditer(s):
            quoting = m.group() == "“" or (m.group() == '"' and not quoting)
    return inside


def make_cases(
    articles: Sequence[Sequence[str]], loaded: Sequence[str], per_kind: int = PER_KIND, seed: int = SEED
) -> list[Case]:
    rng = random.Random(seed)
    spots = [
        (i, j)
        for i, sents in enumerate(articles)
        for quoted in [inside_quotations(sents)]
        for j, s in enumerate(sents)
        if len(s.split()) >= MIN_WORDS and _english(s) and j not in quoted
    ]
    cases = []
    for kind, (expected, edit) in edits(loaded).items():
        order = spots[:]
        random.Random(f"{seed}-{kind}").shuffle(order)
        made = 0
        for i, j in order:
            if made >= per_kind:
                break
            sents = articles[i]
            edited = edit(sents[j], rng)
            if edited is None or edited == sents[j]:
                continue
            lo = max(0, min(j - PASSAGE // 2, len(sents) - PASSAGE))
            a = tuple(sents[lo : lo + PASSAGE])
            b = a[: j - lo] + (edited,) + a[j - lo + 1 :]
            cases.append(Case(a, b, (_edit(j - lo, kind, expected),)))
            made += 1
    return cases


def _edit(index: int, kind: str, expected: str) -> Edit:
    return Edit(index, kind, expected, "notation" if kind == "unit_notation" else None)


def make_dense_cases(
    articles: Sequence[Sequence[str]], loaded: Sequence[str], per_passage: int = DENSE_EDITS, seed: int = SEED
) -> list[Case]:
    """Passages of DENSE_PASSAGE sentences with ``per_passage`` edits of different kinds in different
    sentences, as an outlet that reworded several facts: the unchanged sentences between edited ones
    are where false framing shows."""
    rng = random.Random(f"{seed}-dense")
    table = edits(loaded)
    cases = []
    for sents in articles:
        for lo in range(0, len(sents) - DENSE_PASSAGE + 1, DENSE_PASSAGE):
            a = tuple(sents[lo : lo + DENSE_PASSAGE])
            b = list(a)
            done: list[Edit] = []
            quoted = {k - lo for k in inside_quotations(sents)}
            order = [i for i, x in enumerate(a) if len(x.split()) >= MIN_WORDS and _english(x) and i not in quoted]
            rng.shuffle(order)
            kinds = list(table)
            rng.shuffle(kinds)
            for i in order:
                if len(done) >= per_passage:
                    break
                for kind in kinds:
                    expected, edit = table[kind]
                    edited = edit(a[i], rng)
                    if edited is not None and edited != a[i]:
                        b[i] = edited
                        done.append(_edit(i, kind, expected))
                        kinds.remove(kind)
                        break
            if len(done) == per_passage:
                cases.append(Case(a, tuple(b), tuple(done)))
    return cases


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class Scores:
    hits: Counter
    totals: Counter
    unchanged: int
    false_framed: int
    misses: dict[str, list[tuple[str, str, list[str]]]]

    @property
    def false_framing(self) -> float:
        return self.false_framed / self.unchanged if self.unchanged else 0.0

    def recall(self, kind: str) -> float:
        return self.hits[kind] / self.totals[kind] if self.totals[kind] else 0.0


def _article(name: str, sentences: Sequence[str]):
    """An article of one paragraph per sentence (no cleaning: the passage is body text already)."""
    from srccompare.model import Article
    from srccompare.nlp.sentences import split_sentences

    return Article(
        id=name,
        path=name,
        outlet=name.split(".")[0],
        language="en",
        paragraphs=tuple(sentences),
        sentences=tuple(split_sentences(sentences)),
    )


def score(cases: Sequence[Case]) -> Scores:
    import srccompare
    from srccompare.compare.differences import is_disagreement

    hits: Counter = Counter()
    totals: Counter = Counter()
    unchanged = false_framed = 0
    misses: dict[str, list[tuple[str, str, list[str]]]] = {}
    for case in cases:
        a, b = _article("a.txt", case.a), _article("b.txt", case.b)
        report = srccompare.compare([a, b])
        # Facts by (article, paragraph): each paragraph is one sentence of the passage.
        groups: dict[tuple[str, int], list] = {}
        for event in report.events:
            for fact in event.facts:
                for m in fact.members:
                    para = (a if m.article == "a.txt" else b).sentences[m.sentence].paragraph
                    groups.setdefault((m.article, para), []).append(fact)
        for edit in case.edits:
            found = [d for fact in groups.get(("b.txt", edit.index), []) for d in fact.differences]
            ok = any(d.kind == edit.expected and (edit.form is None or d.form == edit.form) for d in found)
            if edit.expected == "number" and edit.form is None:
                ok = ok and any(d.kind == "number" and is_disagreement(d) for d in found)
            totals[edit.kind] += 1
            hits[edit.kind] += ok
            if not ok:
                misses.setdefault(edit.kind, []).append(
                    (case.a[edit.index], case.b[edit.index], [f"{d.kind}: {d.detail}" for d in found])
                )
        edited = {e.index for e in case.edits}
        for k in range(len(case.b)):
            if k in edited:
                continue
            unchanged += 1
            if any(is_disagreement(d) for fact in groups.get(("b.txt", k), []) for d in fact.differences):
                false_framed += 1
    return Scores(hits, totals, unchanged, false_framed, misses)


def table(scores: Scores) -> str:
    rows = ["| edit | expected difference | cases | recall |", "| --- | --- | ---: | ---: |"]
    expected = {k: e for k, (e, _) in edits(["x"]).items()}
    for kind in expected:
        if scores.totals[kind]:
            shown = expected[kind] + (" (form notation)" if kind == "unit_notation" else "")
            rows.append(f"| {kind} | {shown} | {scores.totals[kind]} | {scores.recall(kind):.3f} |")
    rows.append(
        f"| unchanged sentences | none | {scores.unchanged} | false framing {scores.false_framing:.3f} "
        f"({scores.false_framed}) |"
    )
    return "\n".join(rows)


def lexicon_coverage(cases: Sequence[Case]) -> tuple[int, int]:
    """Of the loaded-word edits, how many inserted a word the classifier takes as charged (its curated
    lists, or a rated charge of at least CHARGED)."""
    from srccompare.compare import lexicon

    known = total = 0
    for case in cases:
        for edit in case.edits:
            if edit.kind != "loaded_term":
                continue
            total += 1
            known += any(lexicon.charge(w) >= lexicon.CHARGED for w in inserted_words(case, edit))
    return known, total


def inserted_words(case: Case, edit: Edit) -> list[str]:
    """The words an edit put into its sentence."""
    before = set(case.a[edit.index].lower().split())
    return [w.strip(".,;:") for w in case.b[edit.index].lower().split() if w not in before]


def loaded_by_year(cases: Sequence[Case], scores: Scores, years: dict[str, str]) -> str:
    """Loaded-term recall split by the BASIL year that first marks the inserted word, and the
    missed words by what the classifier takes them for: a held-out view, since neither the
    lexicons nor their thresholds were chosen on any of these words."""
    missed = {b for _, b, _ in scores.misses.get("loaded_term", [])}
    hits: Counter = Counter()
    totals: Counter = Counter()
    why: Counter = Counter()
    from srccompare.compare import lexicon

    for case in cases:
        for edit in case.edits:
            if edit.kind != "loaded_term":
                continue
            word = (inserted_words(case, edit) or [""])[0]
            half = "2010-2012" if years.get(word, "9999") <= "2012" else "2013-2014"
            totals[half] += 1
            ok = case.b[edit.index] not in missed
            hits[half] += ok
            if not ok:
                if word in lexicon.HEDGE:
                    why["a hedge (reported as hedge)"] += 1
                elif word in lexicon.NEUTRAL_ADVERBS:
                    why["a neutral adverb of the curated list"] += 1
                elif lexicon.charge(word) < lexicon.CHARGED:
                    why["in no lexicon, or rated below CHARGED"] += 1
                else:
                    why["charged, but not reported"] += 1
    rows = ["| words first marked in | edits | recall |", "| --- | ---: | ---: |"]
    rows += [f"| {h} | {totals[h]} | {hits[h] / totals[h]:.3f} |" for h in sorted(totals)]
    rows += ["", "| missed loaded-word edits: the inserted word is | edits |", "| --- | ---: |"]
    rows += [f"| {k} | {n} |" for k, n in why.most_common()]
    return "\n".join(rows)


def run(data: Path) -> str:
    articles = body_sentences(data)
    years = basil_loaded_years(data)
    loaded = sorted(years)
    cases = make_cases(articles, loaded)
    scores = score(cases)
    known, total = lexicon_coverage(cases)
    dense = score(make_dense_cases(articles, loaded))
    return (
        "## framing: recall per kind on synthetic second outlets, false framing on unchanged sentences\n\n"
        f"{sum(map(len, articles))} sentences of {len(articles)} extraction bodies; passages of {PASSAGE} "
        f"sentences with one edited; at most {PER_KIND} edits per kind (seed {SEED}); loaded words: "
        f"{len(loaded)} single words of BASIL's lexical-bias spans. Each passage pair is one "
        "`srccompare.compare` of two articles.\n\n" + table(scores) + "\n\n"
        f"Loaded-word edits whose word the classifier takes as charged (curated lexicon or rated charge): {known} "
        f"of {total} (loaded_term recall is bounded by this: neither is built from BASIL's spans).\n\n"
        "By the BASIL annotation year that first marks the inserted word (no lexicon or threshold was chosen "
        "on either half), and what the missed words are to the classifier:\n\n"
        + loaded_by_year(cases, scores, years)
        + "\n\n"
        f"Dense: passages of {DENSE_PASSAGE} sentences with {DENSE_EDITS} edits of different kinds "
        f"({sum(dense.totals.values())} edits in {sum(dense.totals.values()) // DENSE_EDITS} passages).\n\n"
        + table(dense)
        + "\n"
    )


if __name__ == "__main__":
    import sys

    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/bench")
    arts = body_sentences(data)
    words = basil_loaded_words(data)
    sc = score(make_cases(arts, words, per_kind=int(sys.argv[2]) if len(sys.argv) > 2 else 40))
    print(table(sc))
    print("\ndense:\n" + table(score(make_dense_cases(arts, words))))
    for kind, ms in sc.misses.items():
        print(f"\n## {kind} misses ({len(ms)})")
        for a, b, found in ms[:8]:
            print(" A:", a[:200], "\n B:", b[:200], "\n  ->", found)
