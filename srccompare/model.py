"""The data that flows through the pipeline, one frozen dataclass per stage.

files -> Document -> Article -> Event/Story -> FactGroup -> Difference -> Report.
Every model serialises itself with ``to_dict``; renderers read these and never compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 2

Format = Literal["text", "html"]
RelationKind = Literal["equivalent", "divergent", "unrelated"]
FactRelation = Literal["equivalent", "divergent", "single"]
# Difference kinds that are reported but never make two renderings disagree.
NON_DISAGREEING = frozenset({"name_variant"})
# Quote forms that keep the speaker's words intact: reported, not a disagreement.
FAITHFUL_QUOTE_FORMS = frozenset({"verbatim"})
# Number forms that are shown, not a disagreement: the figure written another way, a sum in two currencies, or two
# values that agree within their hedges.
SHOWN_NUMBER_FORMS = frozenset({"notation", "currency", "hedged"})


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded input: one file (or stdin) before any cleaning."""

    id: str
    path: str
    text: str
    format: Format
    encoding: str = "utf-8"
    # Hints from corpus/manifest.toml: outlet, origin, publisher, url, published, title...
    hints: dict[str, str] = field(default_factory=dict)
    # Outlets and aliases that the same manifest adds to the registry.
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    paragraph: int
    start: int  # character offsets into Article.body
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "paragraph": self.paragraph, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Dropped:
    """A raw line the cleaner left out, kept so that a user can audit the cleaning."""

    line: int  # 1-based line number in the decoded input; 0 when not line-based (HTML)
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class CreditEvidence:
    """Where an article's origin came from: the credit as found, its line and the rule that read it."""

    value: str  # the origin it gives (the outlet's name as outlets.toml spells it)
    line: int  # 1-based line of the decoded input; 0 when not line-based (HTML, manifest)
    rule: str  # e.g. "manifest", "dateline", "byline", "source-label", "sign-off", "copyright", "reported-by"
    note: str = ""  # what the credit makes of the copy (a rewrite's source, an unnamed "agencies")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"value": self.value, "line": self.line, "rule": self.rule}
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """Where a date of an article came from: the field it fills, the value, the line and the rule."""

    field: str  # published | event_date | updated | candidate
    value: str  # ISO date
    line: int  # 1-based line of the decoded input; 0 when not line-based (HTML meta, URL, manifest)
    rule: str  # e.g. "manifest", "dateline", "published-stamp", "url", "relative:yesterday"
    chosen: bool = True  # False for a candidate that lost (a conflict, a future or impossible date)
    note: str = ""  # why it was chosen or set aside

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"field": self.field, "value": self.value, "line": self.line, "rule": self.rule}
        if not self.chosen:
            d["chosen"] = False
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, slots=True)
class CopyLink:
    """This article carries the text of ``article`` (an earlier or fuller copy of one wire story)."""

    article: str
    share: float  # share of this article's sentences found (verbatim or lightly edited) in ``article``

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "share": round(self.share, 3)}


# Not slotted: the store remembers an article's digest by a weak reference to it (store.py).
@dataclass(frozen=True)
class Article:
    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    origin: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    byline: str | None = None
    dateline: str | None = None
    url: str | None = None
    language: str | None = None
    format: Format = "text"
    paragraphs: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    # Raw line numbers (1-based) of each paragraph's lines, for text dumps; empty for HTML.
    paragraph_lines: tuple[tuple[int, ...], ...] = ()
    # Schema 2.
    label: str | None = None  # the one name every renderer uses (set by the report: outlet, publisher, stem)
    event_date: str | None = None  # ISO date of the happening itself, where the text says so
    dates_evidence: tuple[DateEvidence, ...] = ()
    origin_evidence: CreditEvidence | None = None
    fetched_at: str | None = None  # ISO timestamp, for pages fetched from the web
    copy_of: tuple[CopyLink, ...] = ()  # set by the comparison, not by cleaning

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "origin": self.origin,
            "publisher": self.publisher,
            "title": self.title,
            "published": self.published,
            "byline": self.byline,
            "dateline": self.dateline,
            "url": self.url,
            "language": self.language,
            "format": self.format,
            "label": self.label,
            "event_date": self.event_date,
            "dates_evidence": [e.to_dict() for e in self.dates_evidence],
            "origin_evidence": self.origin_evidence.to_dict() if self.origin_evidence else None,
            "fetched_at": self.fetched_at,
            "copy_of": [c.to_dict() for c in self.copy_of],
        }

    def to_dict(self) -> dict[str, Any]:
        d = self.meta_dict()
        d["paragraphs"] = list(self.paragraphs)
        d["sentences"] = [s.to_dict() for s in self.sentences]
        d["body"] = self.body
        d["dropped"] = [x.to_dict() for x in self.dropped]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """The inverse of ``to_dict`` (plus ``paragraph_lines`` when present), e.g. for the cache."""
        plain: dict[str, Any] = {
            k: d.get(k)
            for k in (
                "id",
                "path",
                "outlet",
                "origin",
                "publisher",
                "title",
                "published",
                "byline",
                "dateline",
                "url",
                "language",
                "label",
                "event_date",
                "fetched_at",
            )
        }
        return cls(
            **plain,
            dates_evidence=tuple(DateEvidence(**e) for e in d.get("dates_evidence", ())),
            origin_evidence=CreditEvidence(**d["origin_evidence"]) if d.get("origin_evidence") else None,
            copy_of=tuple(CopyLink(**c) for c in d.get("copy_of", ())),
            format=d.get("format", "text"),
            paragraphs=tuple(d.get("paragraphs", ())),
            sentences=tuple(Sentence(**s) for s in d.get("sentences", ())),
            dropped=tuple(Dropped(**x) for x in d.get("dropped", ())),
            paragraph_lines=tuple(tuple(lines) for lines in d.get("paragraph_lines", ())),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """How two sentences relate: see ``srccompare.sentence_relation``."""

    kind: RelationKind
    score: float  # probability-like confidence that the two tell the same fact, in [0, 1]


@dataclass(frozen=True, slots=True)
class Member:
    article: str
    sentence: int  # index into Article.sentences
    text: str
    # the text is a clause of the sentence (the part of a longer sentence that tells the fact), not all of it
    part: bool = False
    # the sentence joined the group by resembling its other members on average or by the test that decides omissions,
    # not by a link to one of them, or the group is of one age or record that its sentences share: it may tell another
    # claim, so its figures and its silences are not compared, nor does it count for an omission
    attached: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"article": self.article, "sentence": self.sentence, "text": self.text}
        if self.part:
            d["part"] = True
        if self.attached:
            d["attached"] = True
        return d


@dataclass(frozen=True, slots=True)
class NumberUse:
    """A figure as one article gives it in a fact: the words, the value, the unit and who it credits."""

    text: str  # as written ("2,000", "$50 million")
    value: float | None
    unit: str | None  # what is counted or measured ("people", "%", "km", "$"), when known
    source: str | None = None  # the source the article credits in that sentence ("WHO"), when it names one
    # what it is a figure of, when known: a thing of the word lists ("death", "crowd", "deposit rate"), a counted
    # noun ("village"), a dimension ("duration"); figures of different things are shown apart
    thing: str | None = None
    # in a disagreement, a figure of another quantity that agrees within its hedges ("hedged"), shown beside it
    form: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "value": self.value, "unit": self.unit, "source": self.source, "thing": self.thing}
        if self.form is not None:
            d["form"] = self.form
        return d


@dataclass(frozen=True, slots=True)
class QuoteRemark:
    """One remark quoted in a fact: how each article renders it."""

    excerpt: str  # the first words of its fullest rendering
    forms: dict[str, str]  # article -> verbatim | bracketed | trimmed | altered | translated (quoting articles)
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # article -> words it inserts, cuts, changes
    unmarked: tuple[str, ...] = ()  # articles with the same words and no quote marks
    absent: tuple[str, ...] = ()  # articles without the remark

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"excerpt": self.excerpt, "forms": dict(self.forms)}
        if self.changed:
            d["changed"] = {k: list(v) for k, v in self.changed.items()}
        if self.unmarked:
            d["unmarked"] = list(self.unmarked)
        if self.absent:
            d["absent"] = list(self.absent)
        return d


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the members of a divergent fact group tell the fact differently.

    ``articles`` names the minority side: the articles whose wording departs from the rest
    (both sides when the group has two members or no majority). The typed fields say what differs;
    ``detail`` is the one-line text of them that every renderer shows (render/labels.py builds it).
    """

    kind: str
    detail: str
    articles: tuple[str, ...]
    # Word-level evidence of the minority side: {article id: [words that differ]}
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Every article's own terms of this kind, those all articles share left out: the verbs, hedges,
    # loaded terms, cited sources, negated phrases, spellings, figures or added phrases it used.
    used: dict[str, tuple[str, ...]] = field(default_factory=dict)
    form: str | None = None  # quote: the furthest form from verbatim among the remarks
    remarks: tuple[QuoteRemark, ...] = ()  # quote: each remark and its renderings
    numbers: dict[str, tuple[NumberUse, ...]] = field(default_factory=dict)  # number: the figures that conflict
    categories: dict[str, str] = field(default_factory=dict)  # loaded_term: term -> label, speech verb...
    variants: tuple[tuple[str, ...], ...] = ()  # name_variant: the spellings of each name
    aspects: dict[str, tuple[str, ...]] = field(default_factory=dict)  # added_detail: when, where, who, what
    # number: things whose figures disagree here as they do in another fact of the event, which shows them (thing ->
    # that fact's id): one disagreement told once, though several facts' sentences give its figures
    elsewhere: dict[str, str] = field(default_factory=dict)

    @property
    def disagrees(self) -> bool:
        """False for a difference that leaves the sides telling the fact the same way: another
        spelling of a name, a quotation carried verbatim, a figure written another way (2%, 2 percent)."""
        if self.kind in NON_DISAGREEING:
            return False
        if self.kind == "quote":
            return (self.form or "") not in FAITHFUL_QUOTE_FORMS
        if self.kind == "number":
            return self.form not in SHOWN_NUMBER_FORMS
        return True

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "detail": self.detail, "articles": list(self.articles)}
        if self.words:
            d["words"] = {k: list(v) for k, v in self.words.items()}
        if self.used:
            d["used"] = {k: list(v) for k, v in self.used.items()}
        if self.form is not None:
            d["form"] = self.form
        if self.remarks:
            d["remarks"] = [r.to_dict() for r in self.remarks]
        if self.numbers:
            d["numbers"] = {k: [n.to_dict() for n in v] for k, v in self.numbers.items()}
        if self.categories:
            d["categories"] = dict(self.categories)
        if self.variants:
            d["variants"] = [list(v) for v in self.variants]
        if self.aspects:
            d["aspects"] = {k: list(v) for k, v in self.aspects.items()}
        if self.elsewhere:
            d["elsewhere"] = dict(self.elsewhere)
        return d


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a member sentence with its diff status against the group's reference."""

    text: str
    changed: bool


@dataclass(frozen=True, slots=True)
class FirstReport:
    """Which article told a fact first, by published date (and time where known)."""

    article: str
    published: str

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "published": self.published}


@dataclass(frozen=True, slots=True)
class FactGroup:
    id: str
    relation: FactRelation
    members: tuple[Member, ...]
    differences: tuple[Difference, ...] = ()
    # Ids of facts in other events that tell the same background fact.
    background: tuple[str, ...] = ()
    # Word-level highlights per member (same order as members); computed by the aligner.
    highlights: tuple[tuple[Token, ...], ...] = ()
    # Schema 2: the member article published first, where dates are known.
    first_reported: FirstReport | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.members:
            seen.setdefault(m.article, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "relation": self.relation,
            "members": [m.to_dict() for m in self.members],
            "differences": [x.to_dict() for x in self.differences],
        }
        if self.background:
            d["background"] = list(self.background)
        if self.highlights:
            d["highlights"] = [[[t.text, t.changed] for t in h] for h in self.highlights]
        if self.first_reported:
            d["first_reported"] = self.first_reported.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class OutletFacts:
    added: tuple[str, ...] = ()
    omitted: tuple[str, ...] = ()
    framed: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "omitted": list(self.omitted),
            "framed": list(self.framed),
            "shared": list(self.shared),
        }


@dataclass(frozen=True, slots=True)
class QuoteUse:
    article: str
    form: str  # verbatim | trimmed | altered | bracketed | translated | absent
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "form": self.form, "text": self.text}


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    speaker: str | None
    uses: tuple[QuoteUse, ...]
    fact: str | None = None  # the fact group the quote sits in

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "speaker": self.speaker,
            "fact": self.fact,
            "uses": [u.to_dict() for u in self.uses],
        }


@dataclass(frozen=True, slots=True)
class GroupingEvidence:
    """Why an event's articles were grouped: what they share, so that a user can see a wrong merge."""

    names: tuple[str, ...] = ()  # names of people, places, bodies most of its articles share
    words: tuple[str, ...] = ()  # the particular words and word pairs that weighed most
    dates: tuple[str, ...] = ()  # the event or published dates the articles agree on
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"names": list(self.names), "words": list(self.words), "dates": list(self.dates)}
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    dates: tuple[str | None, str | None]
    articles: tuple[str, ...]
    facts: tuple[FactGroup, ...] = ()
    outlets: dict[str, OutletFacts] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()
    why: GroupingEvidence | None = None  # schema 2

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "dates": list(self.dates),
            "articles": list(self.articles),
            "facts": [f.to_dict() for f in self.facts],
            "outlets": {k: v.to_dict() for k, v in self.outlets.items()},
            "quotes": [q.to_dict() for q in self.quotes],
        }
        if self.why is not None:
            d["why"] = self.why.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class Story:
    events: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"events": list(self.events)}


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about the input that is not a difference (duplicates, language...)."""

    kind: str
    message: str
    articles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "articles": list(self.articles)}


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[Article, ...]
    story: Story
    events: tuple[Event, ...]
    notices: tuple[Notice, ...] = ()
    schema_version: int = SCHEMA_VERSION

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    @property
    def outlet_count(self) -> int:
        """How many outlets the articles come from; an article of unknown outlet counts as its own."""
        return len({a.outlet or f"\0{a.id}" for a in self.articles})

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "articles": [a.meta_dict() for a in self.articles],
            "story": self.story.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "notices": [n.to_dict() for n in self.notices],
        }


Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    path: str
    message: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """An input the tool could not use: reported on stderr in one line, never fatal for the others."""

    path: str
    reason: str
    code: str = "SC001"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _fast_setstate(cls: type) -> None:
    """Pickle and unpickle a slotted frozen dataclass by its field names read once, not by
    ``dataclasses.fields`` on every object (the default of ``slots=True``): articles and events come back
    from the store and the workers as pickles of tens of thousands of sentences, members and tokens,
    and the default spent more time listing fields than setting them. The state is the same list of
    values, in field order, as the default's (the same bytes)."""
    import dataclasses
    from itertools import repeat
    from operator import attrgetter

    names = tuple(f.name for f in dataclasses.fields(cls))
    put = object.__setattr__
    # attrgetter of several names gives a tuple; of one, the bare value.
    values = attrgetter(*names) if len(names) > 1 else (lambda self: tuple(getattr(self, n) for n in names))

    def __getstate__(self: Any) -> list[Any]:
        return list(values(self))

    def __setstate__(self: Any, state: Any) -> None:
        # Every field set in C (each call gives None, so ``any`` runs to the end), as zip would pair them.
        any(map(put, repeat(self), names, state))

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]


def _install() -> None:
    import dataclasses

    for value in list(globals().values()):
        if isinstance(value, type) and dataclasses.is_dataclass(value) and "__slots__" in vars(value):
            _fast_setstate(value)


_install()
