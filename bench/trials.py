"""Rule trials for the extraction benchmark: what each cleaning rule is worth, site by site, and the
leave-one-site-out (LOSO) figures.

For a rule-based cleaner, "fitting" is writing its rules while looking at the development pages. Every
rule names itself when it acts (srccompare/ingest/rules.py), so each rule is tagged with the dev pages,
and so the sites, it acts on. LOSO cleans every page with the rules that act on its own site's pages
and on no other site's switched off: what the cleaner would do had that site never been seen while the
rules were written. A rule that acts on no dev page cannot have been fitted to them and stays on.
The numbers of the method (line weights, word counts) cannot be refitted this way; they are shared by
all sites and few, and the held-out split is what judges them.

A rule's gain on a site is the summed page F1 of that site's pages with the rule on minus with it off,
one rule at a time (so two rules that catch the same line each show no gain).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .scoring import PageScore, aggregate_scores, page_scores

# A page F1 change smaller than this is rounding, not a gain.
_EPS = 1e-9


@dataclass(frozen=True)
class Trial:
    key: str
    site: str
    page: object  # what the cleaner takes: a dump, or trafilatura's reading of a page
    truth: str


@dataclass(frozen=True)
class Study:
    trials: tuple[Trial, ...]
    plain: tuple[PageScore, ...]
    loso: tuple[PageScore, ...]
    acts: dict[str, frozenset[str]]  # rule -> the sites whose dev pages it acts on
    gains: dict[str, dict[str, float]]  # rule -> site -> F1 the rule gains there

    def single_site(self) -> dict[str, tuple[str, float]]:
        """Rules that help one site only: rule -> (that site, its net gain over all sites)."""
        out = {}
        for rule, by_site in self.gains.items():
            helped = [site for site, gain in by_site.items() if gain > _EPS]
            if len(helped) == 1:
                out[rule] = (helped[0], sum(by_site.values()))
        return out


def page_f1(score: PageScore) -> float:
    p, r = score.precision, score.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def _clean(clean: Callable[[object], str], trial: Trial, off: frozenset[str]) -> tuple[PageScore, frozenset[str]]:
    from srccompare.ingest import rules

    with rules.trial(off) as fired:
        body = clean(trial.page)
    return page_scores(body, trial.truth), frozenset(fired)


def study(trials: Sequence[Trial], clean: Callable[[object], str], witnesses: Sequence[Trial] = ()) -> Study:
    """Score the dev pages plain and LOSO, and every rule's gain by site. ``witnesses`` are more pages
    from other sites (the seed corpus): they count as support for a rule but are not scored."""
    scored = len(trials)
    trials = [*trials, *witnesses]
    plain, acted = [], []
    for t in trials:
        score, fired = _clean(clean, t, frozenset())
        plain.append(score)
        acted.append(fired)
    pages_of: dict[str, list[int]] = defaultdict(list)
    for i, fired in enumerate(acted):
        for rule in fired:
            pages_of[rule].append(i)
    acts = {rule: frozenset(trials[i].site for i in idx) for rule, idx in pages_of.items()}
    gains: dict[str, dict[str, float]] = {}
    for rule, idx in sorted(pages_of.items()):
        by_site: dict[str, float] = defaultdict(float)
        for i in idx:
            without, _ = _clean(clean, trials[i], frozenset((rule,)))
            by_site[trials[i].site] += page_f1(plain[i]) - page_f1(without)
        gains[rule] = dict(by_site)
    loso = []
    for t in trials[:scored]:
        off = frozenset(rule for rule, sites in acts.items() if sites == {t.site})
        loso.append(_clean(clean, t, off)[0])
    return Study(tuple(trials[:scored]), tuple(plain[:scored]), tuple(loso), acts, gains)


def _lowest(study: Study, scores: Sequence[PageScore]) -> str:
    i = min(range(len(scores)), key=lambda k: page_f1(scores[k]))
    return f"{page_f1(scores[i]):.3f} ({study.trials[i].site})"


def loso_section(studies: dict[str, Study], trafilatura_f1: float) -> list[str]:
    rows = [
        "| cleaner | input | plain F1 | LOSO F1 | lowest page, plain | lowest page, LOSO | rules acting | on one site |",
        "|---|---|---:|---:|---|---|---:|---:|",
    ]
    # A phrase rule serves both cleaners: the sites it acts on are counted over both.
    acts: dict[str, set[str]] = defaultdict(set)
    for st in studies.values():
        for rule, sites in st.acts.items():
            acts[rule] |= sites
    fitted, redundant = {}, {}
    for kind, st in studies.items():
        name = "`clean_text`" if kind == "dump" else "`clean_html`"
        single = sum(1 for sites in st.acts.values() if len(sites) == 1)
        rows.append(
            f"| {name} | {kind} | {aggregate_scores(st.plain)[2]:.3f} | {aggregate_scores(st.loso)[2]:.3f} "
            f"| {_lowest(st, st.plain)} | {_lowest(st, st.loso)} | {len(st.acts)} | {single} |"
        )
        for rule, (site, net) in st.single_site().items():
            target = fitted if len(acts[rule]) == 1 else redundant
            target[
                f"`{rule}` ({kind}: {site}, net {net:+.3f}{'' if len(acts[rule]) == 1 else f'; acts on {len(acts[rule])} sites'})"
            ] = 1
    rows.append(f"| trafilatura alone | HTML | {trafilatura_f1:.3f} | {trafilatura_f1:.3f} | | | 0 | 0 |")
    sites = len({t.site for st in studies.values() for t in st.trials})
    return [
        "### Leave-one-site-out",
        "",
        f"The {sites} sites are the URL hosts of ground-truth.json. Each page is cleaned again with the rules "
        "that act on its own site's pages and on no other site's switched off (bench/trials.py says why that "
        "is what fitting means for this cleaner). A rule's gain is measured by switching it off alone; the "
        "seed corpus (corpus/ with ../shared/gold/seeds.json) counts as more sites for the text cleaner's rules.",
        "",
        *rows,
        "",
        f"- Rules that act on one site only and help only it (fitted to that site): {len(fitted)}"
        + (": " + ", ".join(sorted(fitted)) if fitted else "")
        + ".",
        f"- Rules that help one site only but act on several (elsewhere another rule takes the same lines): "
        f"{len(redundant)}" + (": " + ", ".join(sorted(redundant)) if redundant else "") + ".",
    ]
