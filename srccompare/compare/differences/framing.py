"""Framing of one fact: the verb that reports speech (attribution), the commitment to it (hedge) and
whether it happened at all (polarity)."""

from __future__ import annotations

from ... import data
from ...model import Difference
from ...nlp.memo import on_clear
from ...nlp.tokens import STOP_WORDS, plural_stem
from .. import lexicon
from . import register
from .reading import (
    CLAIM_SHARED,
    CLAUSE_OPENERS,
    PUNCT,
    Side,
    Word,
    claim_context,
    claim_core,
    context_key,
    cue_spans,
    is_negation,
    key,
    minority,
    on_a_told_claim,
    per_side,
    set_difference,
    speech_verb_positions,
    without_loose_silences,
    wording,
)

# How many words before a content word a negation cue still governs it ("unlikely to be resolved").
_NEGATION_WINDOW = 3
# How many words either side of a negated word count as its context.
_CONTEXT = 5
# How many words other than names and negation cues two sides flipping a word's polarity must share (see
# same_claim in _polarity), or what share of them for sentences too short to share that many.
POLARITY_SHARED = 3
POLARITY_SAME = 0.8
# ... and the words around the flipped word must share POLARITY_CONTEXT of theirs (one where the two sides are nearly
# the same words: "life with the possibility of parole" / "life without parole"): in a group of long sentences, "the
# Nationals offered him the same deal" / "no other offer (including from the Nationals ...)" share one.
POLARITY_CONTEXT = 2
# The words a list's item may take before its "and" or "or" ("civil unions, registered domestic partnerships or ...").
_LIST_ITEM = 5


@register("attribution")
def _attribution(sides: list[Side]) -> Difference | None:
    sets = {}
    claims = {}
    for side, read in zip(sides, per_side(sides, _verb_claims)):
        if read:
            sets[side.article] = frozenset(read)
            claims[side.article] = read
    if len(sets) < 2:
        return None
    # A swap: two articles each using a verb the other does not, not both neutral, for one statement: the sentences
    # holding the two verbs share STATEMENT_SHARED content words. An outlet that adds "adding" after "said" has not
    # reframed the remark; "the judge urged the victims to regroup" / "the judge suggested that Nichols serve his time
    # in Supermax" are two statements, whatever the verbs.
    swapped = False
    articles = list(sets)
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            a, b = articles[i], articles[j]
            a_only, b_only = sets[a] - sets[b], sets[b] - sets[a]
            if not a_only or not b_only or (a_only | b_only) <= lexicon.NEUTRAL_ATTRIBUTION:
                continue
            if any(
                _one_statement(x, y) for va in a_only for vb in b_only for x in claims[a][va] for y in claims[b][vb]
            ):
                swapped = True
    return set_difference("attribution", sets) if swapped else None


# Content words two sentences share when their speech verbs attribute one statement: the speaker's name and one word
# of a claim are shared by any two statements of one story ("the judge ... Nichols"); three, one claim told twice
# ("Boehner said Republicans had a one-in-three chance" / "Boehner admitted there's a "1 in 3" chance that the
# Republicans will lose").
STATEMENT_SHARED = CLAIM_SHARED + 1


def _one_statement(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sentences' content words (``_verb_claims``) tell one statement: STATEMENT_SHARED of them, or half
    of a short one's ('"We will win," she claimed.' / '"We will win," she said.')."""
    shared = len(x & y)
    return shared >= STATEMENT_SHARED or (shared > 0 and 2 * shared >= min(len(x), len(y)))


def _verb_claims(side: Side) -> dict[str, list[frozenset[str]]]:
    """Each speech verb lemma of the side -> the statements it attributes: per occurrence, the content words of its
    member sentence (quotation and names included; speech verbs and function words left out)."""
    own = side.own
    positions = speech_verb_positions(own)
    if not positions:
        return {}
    members = side.members if len(side.members) == len(side.words) else (0,) * len(side.words)
    member_of = {id(w): m for w, m in zip(side.words, members)}
    sentences: dict[int, set[str]] = {}
    for w, m in zip(side.words, members):
        if w.plain not in lexicon.ATTRIBUTION and (k := context_key(w)) is not None:
            sentences.setdefault(m, set()).add(k)
    out: dict[str, list[frozenset[str]]] = {}
    for i in positions:
        out.setdefault(lexicon.ATTRIBUTION[own[i].plain], []).append(
            frozenset(sentences.get(member_of[id(own[i])], ()))
        )
    return out


@register("hedge")
def _hedge(sides: list[Side]) -> Difference | None:
    read = per_side(
        sides,
        lambda s: _hedged_claims(
            _without_asked(_without_scope(_without_idioms(_without_feared(_without_inability(s.own)))))
        ),
    )
    # A side told in a clause of a longer sentence that hedges nothing is left out: the hedge may stand outside the
    # clause ("Police said the fire was possibly set, | and ...").
    sides, read = without_loose_silences(sides, read, [bool(claims) for claims, _ in read])
    claims = {side.article: found for side, (found, _) in zip(sides, read)}
    if not any(claims.values()):
        return None
    # A hedge on a fact only one outlet tells ("he will likely die in prison" in a group whose sentences tell
    # several facts) departs from nobody's telling of it.
    cores = {side.article: core for side, (_, core) in zip(sides, read)}
    return set_difference("hedge", on_a_told_claim(sides, claims, cores))


def _hedged_claims(words: list[Word]) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each hedge lemma among ``words`` -> the keys of the content words around its occurrences
    (``claim_context``), and -> the keys of what it hedges (``claim_core``)."""
    around: dict[str, frozenset[str]] = {}
    core: dict[str, frozenset[str]] = {}
    for start, length, lemma in cue_spans(words, lexicon.HEDGE):
        around[lemma] = around.get(lemma, frozenset()) | claim_context(words, start, length)
        core[lemma] = core.get(lemma, frozenset()) | claim_core(words, start, length)
    return around, core


# How many words after a noun of worry its clause's modal may stand ("concerns that the Athens government's debt crisis
# could trigger": eight).
_FEARED_WINDOW = 8


def _without_feared(words: list[Word]) -> list[Word]:
    """The words without a modal that a noun of worry or prospect governs ("concerns that the crisis could
    trigger a knock-on effect"): the modal tells what is feared, not how sure the outlet is."""
    drop: set[int] = set()
    for i, w in enumerate(words):
        if w.plain not in lexicon.HEDGE_CONTENT or w.clause_end:
            continue
        for j in range(i + 1, min(len(words), i + 1 + _FEARED_WINDOW)):
            if words[j].plain in lexicon.HEDGE_CONTENT_MODALS:
                drop.add(j)
                break
            if words[j].clause_end:
                break
    return [w for k, w in enumerate(words) if k not in drop] if drop else words


def _without_scope(words: list[Word]) -> list[Word]:
    """The words without a modal that opens a clause describing a kind of thing, a bare plural ("projects that might
    harm endangered species", "any plans that could harm species"): the rule's or the law's scope, not how sure the
    outlet is. A clause about particular things ("the allegations that could doom his campaign") keeps its modal."""
    drop: set[int] = set()
    for i in range(1, len(words) - 1):
        if (
            words[i].plain not in lexicon.HEDGE_SCOPE_RELATIVES
            or words[i + 1].plain not in lexicon.HEDGE_CONTENT_MODALS
        ):
            continue
        noun = words[i - 1]
        plural = noun.raw[:1].islower() and plural_stem(noun.plain) != noun.plain
        if plural and not noun.clause_end and (i < 2 or words[i - 2].plain not in _DETERMINERS):
            drop.add(i + 1)
    return [w for k, w in enumerate(words) if k not in drop] if drop else words


# How far an indirect question's hedge may stand from the word that opens it ("whether a project is likely to": 3).
QUESTION_REACH = 6


def _without_asked(words: list[Word]) -> list[Word]:
    """The words without a hedge inside an indirect question (lexicon.toml ``hedge_content.questions``: "to determine
    whether a project is likely to affect any listed species"): what is asked, not how sure the outlet is. The question
    ends with its clause or after QUESTION_REACH words."""
    drop: set[int] = set()
    for i, w in enumerate(words):
        if w.plain not in lexicon.HEDGE_QUESTIONS:
            continue
        for k in range(i + 1, min(len(words), i + 1 + QUESTION_REACH)):
            if words[k].plain in lexicon.HEDGE or words[k].plain in lexicon.HEDGE_CONTENT_MODALS:
                drop.add(k)
            if words[k].clause_end:
                break
    return [w for k, w in enumerate(words) if k not in drop] if drop else words


# The words that make the noun before such a clause particular ("the", "his", "these").
_DETERMINERS = data.words("quotes", "determiners")


def _without_idioms(words: list[Word]) -> list[Word]:
    """The words without the hedge word of a hedge idiom ("as much cap room as possible", "could be seen inside"): it
    hedges nothing."""
    drop: set[int] = set()
    plain = [w.plain for w in words]
    for idiom in lexicon.HEDGE_IDIOMS:
        n = len(idiom)
        for i in range(len(plain) - n + 1):
            if tuple(plain[i : i + n]) == idiom:
                drop.update(k for k in range(i, i + n) if plain[k] in lexicon.HEDGE)
    return [w for k, w in enumerate(words) if k not in drop] if drop else words


def _without_inability(words: list[Word]) -> list[Word]:
    """The words without a "could" that a negation follows: "could not agree" says they failed to
    agree, an inability, not a doubt about whether they did."""
    return [
        w for i, w in enumerate(words) if not (w.plain == "could" and i + 1 < len(words) and is_negation(words[i + 1]))
    ]


@register("polarity")
def _polarity(sides: list[Side]) -> Difference | None:
    states = per_side(sides, lambda s: _negated_anchors(list(s.words)))
    # A side told in a clause of a longer sentence counts only with a negation of its own: the clause may have left
    # the sentence's negation outside ("Police did not say | whether the suspect was armed").
    sides, states = without_loose_silences(sides, states, [any(neg for neg, _, _ in st.values()) for st in states])
    flags: dict[str, dict[str, bool]] = {}
    phrases: dict[str, dict[str, str]] = {}
    contexts: dict[str, dict[str, frozenset[str]]] = {}
    for side, st in zip(sides, states):
        for anchor, (neg, phrase, context) in st.items():
            flags.setdefault(anchor, {})[side.article] = neg
            phrases.setdefault(anchor, {})[side.article] = phrase
            contexts.setdefault(anchor, {})[side.article] = context

    claims = dict(zip((s.article for s in sides), per_side(sides, lambda s: _claim_words(s.own))))

    def claim_pairs(anchor: str, strong: bool) -> set[tuple[str, str]]:
        # The word must sit among the same words on both readings ("the issue ... resolved ...
        # Pyongyang"), or it is the same word in two different claims; and the two tellings must share
        # POLARITY_SHARED words other than names: "Page had no children" / "Bettie Mae Page was one of
        # six children" share a name and "children", two claims about her. Strong: POLARITY_CONTEXT words around
        # it shared (or one, of two sides of nearly the same words); else one.
        f, c = flags[anchor], contexts[anchor]
        yes = [a for a, neg in f.items() if neg]
        no = [a for a, neg in f.items() if not neg]
        # An aim or a condition ("@if": "to determine if their activities will harm" / "if the agencies determined
        # that the species would not be harmed") is told two ways only where the two sides are nearly the same words.
        supposed = anchor.endswith("@if")
        return {
            (x, y)
            for x in yes
            for y in no
            if _one_claim(claims[x], claims[y])
            and c[x] & c[y]
            and (not strong or len(c[x] & c[y]) >= POLARITY_CONTEXT or _nearly_one(claims[x], claims[y]))
            and (not supposed or _nearly_one(claims[x], claims[y]))
        }

    candidates = {a: f for a, f in flags.items() if len(f) >= 2 and len(set(f.values())) == 2}
    strong = {a: claim_pairs(a, True) for a in candidates}
    # A word flipped with one word around it shared counts beside a strong flip of the same two sides: "unlikely to be
    # resolved as long as Pyongyang feels it faces external threats" / "will be resolved when Pyongyang is no longer
    # threatened".
    sure = {pair for pairs in strong.values() for pair in pairs}
    flipped = {
        a: f for a, f in candidates.items() if strong[a] or claim_pairs(a, False) & (sure | {(y, x) for x, y in sure})
    }
    if not flipped:
        return None
    involved: dict[str, list[str]] = {}
    departing: set[str] = set()
    for anchor, f in sorted(flipped.items()):
        departing.update(minority(f))
        for article in f:
            involved.setdefault(article, []).append(phrases[anchor][article])
    used = {a: tuple(involved[a]) for a in sorted(involved)}
    words = {a: used[a] for a in sorted(departing)}
    return Difference("polarity", "", tuple(sorted(departing)), words, used=used)


def _one_claim(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sides' words other than names (``_claim_words``) tell one claim: POLARITY_SHARED of them
    shared, or all but a few of them where the sentences are short ("The band will (not) do it with singer
    Michael McDonald")."""
    shared = len(a & b)
    return shared >= POLARITY_SHARED or (shared > 0 and _nearly_one(a, b))


def _nearly_one(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sides' claim words are all but a few the same (POLARITY_SAME of them all)."""
    return len(a & b) >= POLARITY_SAME * len(a | b)


def _claim_words(words: list[Word]) -> frozenset[str]:
    """The keys of a side's content words that are neither names nor negation cues."""
    return frozenset(
        k for w in words if (k := context_key(w)) and not is_negation(w) and (w.first or not w.raw[:1].isupper())
    )


def _negated_anchors(words: list[Word]) -> dict[str, tuple[bool, str, frozenset[str]]]:
    """Content-word stem -> (negated, phrase shown, stems of the content words around it), for
    stems whose occurrences agree.

    A negation cue governs the first content word after it in its clause, skipping function words
    and -ly adverbs ("not to directly supply" negates "supply", "is not the only Solar System object"
    negates "object"), within a few words that are not function words. The words around a content
    word leave the cues out, so that "is the vehicle" and "is not the vehicle" have one context.
    """
    # A fact's sides often tell it in the same words: read each wording once.
    memo_key = (wording(words), tuple(w.quoted for w in words))
    found = _ANCHORS.get(memo_key)
    if found is None:
        if len(_ANCHORS) >= _MEMO_SIZE:
            _ANCHORS.clear()
        found = _ANCHORS[memo_key] = _read_anchors(words)
    return found


# Wordings read by _negated_anchors (only the raw words and sentence starts decide its answer).
_ANCHORS: dict[tuple, dict[str, tuple[bool, str, frozenset[str]]]] = {}
on_clear(_ANCHORS.clear)
_MEMO_SIZE = 4096


def _until_after(words: list[Word], i: int) -> bool:
    """Whether "until" (or "till") follows the word at ``i`` in its clause, within _NEGATION_WINDOW words: a
    negated verb so followed tells when it happens, not that it does not ("not be released until charged")."""
    for k in range(i + 1, min(len(words), i + 1 + _NEGATION_WINDOW)):
        if words[k].plain in lexicon.NEGATION_UNTIL:
            return True
        if words[k].clause_end:
            return False
    return False


def _read_anchors(words: list[Word]) -> dict[str, tuple[bool, str, frozenset[str]]]:
    # Only the outlet's own words are read; a quotation between them ends a negation's reach ('she didn't "need
    # to do any of that anymore," "American Pie" actress').
    negation = [
        not w.quoted
        and (
            (
                is_negation(w)
                and not (i + 1 < len(words) and words[i + 1].plain in lexicon.NEGATION_EMPHATIC)
                and not (w.plain in lexicon.NEGATION_BEFORE_CLAUSE and not _before_clause(words, i))
            )
            or (w.plain == "yet" and _yet_to(words, i))
            or (w.plain in lexicon.NEGATION_BEFORE_TO and i + 1 < len(words) and words[i + 1].plain == "to")
            or (w.plain in lexicon.NEGATION_AFTER_NO and i > 0 and words[i - 1].plain == "no")
        )
        for i, w in enumerate(words)
    ]
    # "no one" is "nobody": its "one" is part of the cue, not a word it negates
    anchor = [
        not w.quoted
        and _is_anchor(w)
        and not negation[i]
        and not (w.plain == "one" and i and words[i - 1].plain == "no")
        for i, w in enumerate(words)
    ]
    governed: dict[int, int] = {}
    for j, neg in enumerate(negation):
        if not neg:
            continue
        if words[j].plain in lexicon.NEGATION_BEFORE_TO:
            # "declined to reveal" negates the verb after "to" and nothing further ("declined to say where ...")
            if j + 2 < len(words) and anchor[j + 2]:
                governed.setdefault(j + 2, j)
            continue
        if _placed(words, j):
            continue  # "was not at the church" places someone elsewhere; it does not deny the church
        counted = 0
        for i in range(j + 1, len(words)):
            if words[i].plain in CLAUSE_OPENERS or words[i].quoted:
                break  # "would not say what the American Pie star was treated for": another clause
            if anchor[i]:
                if words[j].plain == "none" and words[j + 1].plain == "of":
                    break  # "None of the other teams ... has been reported to have offered": the teams are there
                governed.setdefault(i, j)
                if words[j].plain == "no":
                    _passive_after(words, anchor, i, j, governed)
                if words[j].plain in ("no", "without") and words[i].plain in lexicon.NEGATED_OF:
                    _complement(words, anchor, i, j, governed)
                break
            if words[i].plain not in STOP_WORDS:
                counted += 1
            if words[i].clause_end or counted > _NEGATION_WINDOW:
                break
    plain = [i for i, neg in enumerate(negation) if not neg and not words[i].quoted]
    rank = {i: r for r, i in enumerate(plain)}
    # Whether a negation cue stands before each word in its clause (up to punctuation or a clause break).
    scoped: list[bool] = []
    open_cue = False
    for i, w in enumerate(words):
        if w.plain in CLAUSE_OPENERS or w.quoted:
            open_cue = False
        scoped.append(open_cue)
        open_cue = (open_cue or negation[i]) and (not w.clause_end or _list_comma(words, i))
    doubted = _doubted(words)
    # The stem each word gives the context of its neighbours (None: not a context word).
    context = [context_key(w) for w in words]
    seen: dict[str, set[bool]] = {}
    shown: dict[str, str] = {}
    around: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        if not anchor[i]:
            continue
        # a noun made from a verb ("determination", "connection") heads another claim than the verb ("not yet
        # determined", "was connected"): one stem, two anchors
        stem = key(w.plain) + ("/n" if w.plain.endswith(lexicon.NOMINAL_ENDINGS) else "")
        if (
            i
            and words[i - 1].plain in lexicon.UNASSERTED_BEFORE
            and not (i > 1 and words[i - 2].plain in lexicon.IMPLICATIVE)
        ):
            # "scheduled to face" / "couldn't face", "negotiating about returning" / "would not be returning": a word
            # after "to" or "about" tells what was planned or discussed, not what happened, so it meets only its like
            # ("agreed to sign" / "agreed not to sign")
            stem += "@to"
        if _unasserted(words, i):
            # "to make sure the activities don't endanger rare animals", "if the agencies determined that the species
            # would not be harmed": an aim or a condition, not what happened; it too meets only its like
            stem += "@if"
        r = rank[i]
        near = plain[max(0, r - _CONTEXT) : r] + plain[r + 1 : r + 1 + _CONTEXT]
        around.setdefault(stem, set()).update(c for k in near if (c := context[k]) is not None)
        if doubted[i]:
            continue  # "whether he plans to step down or will seek a second term": neither is asserted
        cue_at = governed.get(i)
        if cue_at is None and scoped[i]:
            continue  # "had not received any recent threats": inside a negated clause its words are not asserted
        if cue_at is not None and _until_after(words, i):
            continue  # "will not be released until charges are laid": released after them, a time, not a denial
        if cue_at is not None and cue_at > 0 and words[cue_at - 1].plain == "no" and words[cue_at].plain == "longer":
            cue_at -= 1  # show "no longer" whole
        seen.setdefault(stem, set()).add(cue_at is not None)
        start = cue_at if cue_at is not None else max(0, i - 2)
        shown.setdefault(stem, " ".join(x.raw.strip(PUNCT) for x in words[start : i + 1] if not x.quoted))
    return {s: (next(iter(v)), shown[s], frozenset(around[s] - {s})) for s, v in seen.items() if len(v) == 1}


def _list_comma(words: list[Word], i: int) -> bool:
    """Whether word ``i`` ends with a comma between the items of a list: "does not extend to civil unions, registered
    domestic partnerships or other legal relationships" denies them all. An "and" or "or" follows within a few words,
    with no other clause end before it."""
    if not words[i].raw.rstrip().endswith(","):
        return False
    for w in words[i + 1 : i + 1 + _LIST_ITEM]:
        if w.plain in ("and", "or"):
            return True
        if w.clause_end or w.first or w.plain in CLAUSE_OPENERS:
            return False
    return False


def _doubted(words: list[Word]) -> list[bool]:
    """Whether each word stands among the possibilities a cue (lexicon ``unasserted_clause``: "whether") opens and
    an "or" joins: "announces whether he plans to step down ... or will seek a second term" asserts neither, up to
    the first clause break after the "or" or the sentence's end. Without an "or" before a clause break the clause
    may be a subject ("whether he deserves punishment was a hot topic") and nothing is marked."""
    out = [False] * len(words)
    for i, w in enumerate(words):
        if w.plain in lexicon.UNASSERTED_CLAUSE and not w.quoted:
            stop = _possibilities_end(words, i)
            out[i + 1 : stop] = [True] * (stop - i - 1)
    return out


def _possibilities_end(words: list[Word], cue: int) -> int:
    """Where the possibilities a cue at ``cue`` opens end (exclusive): after the first clause break after their "or",
    or at the sentence's end; ``cue + 1`` (nothing) when no "or" comes before a clause break."""
    joined = False
    for k in range(cue + 1, len(words)):
        if words[k].first:
            return k if joined else cue + 1
        joined = joined or words[k].plain == "or"
        if words[k].clause_end:
            return k + 1 if joined else cue + 1
    return len(words) if joined else cue + 1


def _placed(words: list[Word], cue: int) -> bool:
    """Whether a place cue follows the negation cue at ``cue``, before a noun rather than a figure ("not in the office",
    not "not at 5280 feet")."""
    if cue + 1 >= len(words) or words[cue + 1].plain not in lexicon.PLACE_CUES:
        return False
    rest = [w for w in words[cue + 2 : cue + 5] if w.plain not in STOP_WORDS]
    return bool(rest) and not rest[0].plain[:1].isdigit()


def _unasserted(words: list[Word], i: int) -> bool:
    """Whether word ``i`` stands in a clause opened by a word of an aim or a condition (lexicon.toml ``aim_or_condition``: "to
    make sure the activities don't endanger ...", "if the agencies determined that the species would not be harmed"),
    at most _AIM_REACH words back and not across a clause's end."""
    for k in range(i - 1, max(-1, i - 1 - _AIM_REACH), -1):
        if words[k].clause_end:
            return False
        if words[k].plain in lexicon.NEGATION_AIM_OR_CONDITION:
            return True
    return False


# How far back the word opening an aim or a condition still holds a negation, within its clause ("if the agencies
# determined that the endangered species would not be harmed": nine words).
_AIM_REACH = 12


def _before_clause(words: list[Word], i: int) -> bool:
    """Whether "to" or "that" follows word ``i`` ("refused to", "denied that")."""
    return i + 1 < len(words) and words[i + 1].plain in ("to", "that")


def _passive_after(words: list[Word], anchor: list[bool], noun: int, cue: int, governed: dict[int, int]) -> None:
    """'no suspects have been taken into custody': "no" before a subject negates its clause's verb too, read as the
    first content word after an auxiliary ("have been", "were") that follows the noun."""
    aux = False
    for k in range(noun + 1, min(len(words), noun + 5)):
        if words[k].clause_end and not anchor[k]:
            return
        if words[k].plain in lexicon.AUXILIARIES:
            aux = True
            continue
        if anchor[k] and aux:
            governed.setdefault(k, cue)
            return
        if words[k].plain not in STOP_WORDS:
            return


def _complement(words: list[Word], anchor: list[bool], noun: int, cue: int, governed: dict[int, int]) -> None:
    """'no chance of parole', 'without the possibility of parole': the cue negates the "of" complement too."""
    if noun + 2 < len(words) and words[noun + 1].plain in ("of", "for"):
        for k in range(noun + 2, min(len(words), noun + 5)):
            if anchor[k]:
                governed.setdefault(k, cue)
                return
            if words[k].plain not in STOP_WORDS or words[k].clause_end:
                return


def _yet_to(words: list[Word], i: int) -> bool:
    """'had yet to' negates what follows, as 'not yet' does: 'Riva had yet to be charged'."""
    return (
        words[i].plain == "yet"
        and 0 < i < len(words) - 1
        and words[i + 1].plain == "to"
        and words[i - 1].plain in lexicon.YET_TO_AFTER
    )


def _is_anchor(w: Word) -> bool:
    p = w.plain
    return (
        p.isalpha()
        # names are not negated, their predicates are (a name's capital may follow a quotation mark: “American Pie”)
        and not (w.raw.lstrip(PUNCT)[:1].isupper() and not w.first)
        and p not in lexicon.TIME_WORDS
        and len(p) >= 3
        and p not in STOP_WORDS
        and p not in lexicon.NEGATION
        and p not in lexicon.HEDGE
        and not _adverb(p)
    )


def _adverb(p: str) -> bool:
    return p.endswith("ly") and len(p) >= 6 and not p.endswith("ply") and p not in lexicon.NOT_ADVERBS
