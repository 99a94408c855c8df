"""Display names shared by the renderers: pure formatting of what the Report already holds."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Article, Difference, FactGroup, Member, NumberUse, QuoteRemark, Report

# What each coverage bucket means, in the words the reports use.
COVERAGE = {
    "shared": "reported by this outlet and at least one other",
    "added": "reported by this outlet only",
    "omitted": "reported by most of the others, missing here",
    "framed": "told differently here (a divergent fact)",
}
# The heading over an outlet's omissions: "most", as coverage.outlet_facts counts them (more than half).
OMITTED_BY_OTHERS = "told by most of the others"


def article_labels(report: Report) -> dict[str, str]:
    """The label of every article, as the report set it (outlet, else publisher, else file stem)."""
    return {a.id: a.label or a.id for a in report.articles}


def difference_text(diff: Difference) -> str:
    """A difference's detail without its kind, which the reports print beside it anyway:
    'quote verbatim: ...' under a 'quote' label reads 'verbatim: ...'."""
    detail, kind = diff.detail, diff.kind
    for name in dict.fromkeys((kind, kind.replace("_", " "))):
        if name and detail[: len(name)].lower() == name.lower() and detail[len(name) : len(name) + 1] in (":", " "):
            return detail[len(name) + 1 :].lstrip() or detail
    return detail


def counted(n: int, noun: str) -> str:
    """'1 outlet', '2 outlets'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_line(report: Report) -> str:
    """'5 articles, 5 outlets, 4 events': the headline count of every report format."""
    return ", ".join(
        (
            counted(len(report.articles), "article"),
            counted(report.outlet_count, "outlet"),
            counted(len(report.events), "event"),
        )
    )


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fact_label(fact_id: str) -> str:
    """A fact's id as a report shows it, within its event ("E1.F6" -> "F6")."""
    return fact_id.rsplit(".", 1)[-1]


def fact_kinds(fact: FactGroup) -> list[str]:
    return list(dict.fromkeys(d.kind for d in fact.differences))


def member_text(fact: FactGroup, article_id: str) -> str:
    return " ".join(m.text for m in fact.members if m.article == article_id)


def outlet_dates(article: Article) -> str:
    return article.published or "undated"


# The mark before a member that joined its fact by resembling the fact's other sentences on average or by the told
# test (``compare.told``), or that shares with them only the age it gives (``attached``), and what every renderer says
# it means.
ATTACHED_MARK = "≈"
ATTACHED_MEANING = (
    "a sentence that joined the fact by resembling its other sentences, by telling it in other words, or by giving "
    "the same age or record, not by matching one of them (its figures are not compared)"
)


def member_lead(member: Member) -> str:
    """What every renderer shows before a member's text: an ellipsis when it is a clause of a longer sentence, the
    attached mark when it joined the fact by resemblance."""
    if member.part:
        return "… "
    return f"{ATTACHED_MARK} " if member.attached else ""


def has_attached(report: Report) -> bool:
    """Whether any member of the report is attached: renderers then say what the mark means."""
    return any(m.attached for e in report.events for f in e.facts for m in f.members)


# --- the detail line of a difference -------------------------------------------------------------
# Built here from the Difference's typed fields, once, when the comparison makes it: every renderer
# and the JSON show the same text, and nothing reads the text back.

# Quote forms from the closest to the speaker's words to the furthest.
QUOTE_FORMS = ("verbatim", "bracketed", "trimmed", "altered", "translated", "absent")
# What a reader is shown for a form (the JSON keeps the form): "translated" is the same remark in other words, which an
# English-speaking outlet's rewording of an English remark is too; "reworded" says so without claiming a translation.
_QUOTE_FORM_NAMES = {"translated": "reworded"}


def quote_form_label(form: str) -> str:
    """The name every renderer shows for a quote form."""
    return _QUOTE_FORM_NAMES.get(form, form)


_QUOTE_CHANGE = {"bracketed": "inserts", "trimmed": "cuts", "altered": "changes"}


def excerpt(text: str, n: int = 8) -> str:
    """The first ``n`` words of ``text``, with an ellipsis when there are more."""
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def difference_detail(diff: Difference, names: Mapping[str, str]) -> str:
    """The one-line text of ``diff`` ("hedge: "could" (AP) vs none (Reuters)"); ``names`` gives the
    label of each article id (the file name when an id is missing)."""

    def name(article: str) -> str:
        return names.get(article) or article.rsplit("/", 1)[-1]

    kind = diff.kind
    if kind == "quote":
        return f"quote {quote_form_label(diff.form or '')}: " + "; ".join(_remark(r, name) for r in diff.remarks)
    if kind == "polarity":
        return "polarity: " + " vs ".join(f'"{"; ".join(diff.used[a])}" ({name(a)})' for a in sorted(diff.used))
    if kind == "number":
        lead = {
            "notation": "notation only, ",
            "currency": "in other currencies, ",
            "hedged": "within their hedges, ",
        }.get(diff.form or "", "")
        return "number: " + lead + _figures(diff, name)
    if kind == "name_variant":
        return "name_variant: " + "; ".join(
            " / ".join(
                f'"{sp}" ({", ".join(sorted(name(a) for a, used in diff.used.items() if sp in used))})'
                for sp in sorted(group)
            )
            for group in diff.variants
        )
    if kind == "added_detail":
        parts = []
        for a in sorted(diff.used):
            aspects = ", ".join(diff.aspects.get(a, ()))
            # the fallback for a group no kind describes knows no aspect: "X adds: ..."
            parts.append(
                f"{name(a)} adds{' ' + aspects if aspects else ''}: " + "; ".join(f'"{p}"' for p in diff.used[a])
            )
        return "added_detail: " + "; ".join(parts)
    # The kinds that compare sets of terms: each reading once, with the articles that share it.
    readings: dict[tuple[str, ...], list[str]] = {}
    for a in sorted(diff.used):
        readings.setdefault(diff.used[a], []).append(a)
    parts = []
    for own, arts in sorted(readings.items(), key=lambda kv: (not kv[0], kv[0])):
        shown = ", ".join(_term(diff, x) for x in own) if own else "none"
        parts.append(f"{shown} ({', '.join(name(a) for a in arts)})")
    return f"{kind}: " + " vs ".join(parts)


def _figures(diff: Difference, name) -> str:
    """The figures of a number difference, those of each thing apart ("death: "10" (AP, BBC) vs "three" (AFP);
    village: "seven" (AP) vs "15" (Reuters)"), each reading once with the articles that give it; after them, the
    figures a disagreement shows that agree within their hedges ("; within their hedges, ...")."""
    apart: dict[str | None, dict[str, list[NumberUse]]] = {}
    for a in sorted(diff.used):
        uses = {u.text: u for u in diff.numbers.get(a) or ()}
        for written in diff.used[a]:
            use = uses.get(written) or NumberUse(written, None, None)
            apart.setdefault(use.form, {}).setdefault(a, []).append(use)
    # A difference that is no disagreement (notation, currency, hedged) shows how each article writes its figure: its
    # readings are the words written ("0.5 percent" / "0.5%", "several shells" / "three"), not the values, which agree.
    # A thing whose disagreement another fact shows is named with that fact, not repeated ("death: as in F4").
    conflicting = {
        a: kept
        for a, uses in apart.pop(None, {}).items()
        if (kept := [u for u in uses if u.thing not in diff.elsewhere])
    }
    own = _figures_of(conflicting, name, by_words=diff.form is not None, labelled=bool(diff.elsewhere))
    shown_there = "; ".join(f"{thing}: as in {fact_label(fact)}" for thing, fact in sorted(diff.elsewhere.items()))
    own = "; ".join(x for x in (own, shown_there) if x)
    hedged = _figures_of(apart.pop("hedged", {}), name, by_words=True)
    return f"{own}; within their hedges, {hedged}" if own and hedged else own or hedged


def _figures_of(per_article: dict[str, list[NumberUse]], name, by_words: bool = False, labelled: bool = False) -> str:
    by_thing: dict[str | None, dict[str, list[NumberUse]]] = {}
    for a, uses in per_article.items():
        for use in uses:
            by_thing.setdefault(use.thing, {}).setdefault(a, []).append(use)

    def readings(figures: dict[str, list[NumberUse]]) -> list[tuple[list[str], list[str]]]:
        # one reading per set of values ("10" and "Ten" are one), in the words of its first article; per set of
        # words with ``by_words``
        found: dict[tuple, tuple[list[str], list[str]]] = {}
        for a, used in figures.items():
            key = tuple(
                sorted(
                    {(u.text, None) if by_words or u.value is None else (u.value, u.unit) for u in used},
                    key=str,
                )
            )
            found.setdefault(key, (sorted(u.text for u in used), []))[1].append(a)
        return sorted(found.values(), key=lambda r: (-len(r[1]), r[0]))

    def shown(told: list[tuple[list[str], list[str]]]) -> str:
        return " vs ".join(
            ", ".join(f'"{w}"' for w in own) + f" ({', '.join(name(a) for a in arts)})" for own, arts in told
        )

    segments: list[tuple[str | None, list[tuple[list[str], list[str]]]]] = []
    rest: dict[str, list[NumberUse]] = {}
    # the things most articles give figures of first; a thing whose figures all agree (they were compared with
    # figures of no known thing) joins those, shown last, and only where they differ among themselves: a lone
    # reading there disagrees with nothing shown (the figures stay in ``numbers``)
    for thing, figures in sorted(by_thing.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or "")):
        told = readings(figures)
        if thing is None or len(told) < 2:
            for a, used in figures.items():
                rest.setdefault(a, []).extend(used)
        else:
            segments.append((thing, told))
    pooled = readings(rest) if rest else []
    if len(pooled) > 1 or (pooled and not segments):
        segments.append((None, pooled))
    if len(segments) == 1 and not labelled:
        return shown(segments[0][1])
    return "; ".join(f"{thing}: {shown(told)}" if thing else shown(told) for thing, told in segments)


def _term(diff: Difference, term: str) -> str:
    category = diff.categories.get(term)
    return f'"{term}" [{category}]' if category else f'"{term}"'


def _remark(r: QuoteRemark, name) -> str:
    if len(r.forms) < 2:
        holder = next(iter(r.forms))
        note = f'"{r.excerpt}" quoted by {name(holder)} only'
        if r.unmarked:
            note += f", the same words without quote marks in {', '.join(map(name, r.unmarked))}"
        if r.absent:
            note += f", absent from {', '.join(map(name, r.absent))}"
        return note
    if set(r.forms.values()) == {"verbatim"}:
        return f'"{r.excerpt}" verbatim in {", ".join(name(a) for a in sorted(r.forms))}'
    shown = []
    for a in sorted(r.forms, key=lambda a: (QUOTE_FORMS.index(r.forms[a]), a)):
        f = r.forms[a]
        what = excerpt(" ".join(r.changed.get(a, ())), 6)
        label = _QUOTE_CHANGE.get(f, "")
        said = f' {label} "{what}"' if label and what else ""
        shown.append(f"{quote_form_label(f)} ({name(a)}{said})")
    return f'"{r.excerpt}": ' + " vs ".join(shown)
