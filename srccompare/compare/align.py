"""Fact alignment: gather the sentences of an event's articles into fact groups.

Every sentence of an event is scored against every other in a few ``rapidfuzz.process.cdist``
calls over normalised content words (names, quote marks, ellipses and U.S./US folded by
``nlp.tokens.normalise``): a token-sort ratio and a token-set overlap. Quotations are scored on
their own, so the same quote counts as the same fact whatever words surround it. Two sentences
of different articles are linked when they are each other's best match above a lower bar, when
they clear a higher bar on their own, or when one is the other's best match and mostly contained
in it (one long sentence telling what two short ones tell). Fact groups are the connected
components of those links: n-to-m. A clause of a longer sentence that tells another article's sentence
joins that sentence's groups as the clause itself (``clauses.clause_members``): the member's text is then part of
its sentence.

The sentences come as ``units.Unit``, each read once (content words, quotations, figures, counts).

Nothing here depends on sentence order: the best-match test keeps every tie, so moving paragraphs
around changes the sentence indices but never which sentences end up together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Article
from ..nlp.tokens import aligned_words, normalise
from .fuzzy import cdist_workers
from .units import Unit, fold_acronyms, units_of

if TYPE_CHECKING:
    import numpy as np

    Index = np.ndarray  # positions of units in an event, int64

# A pair of sentences from two articles is linked when they are each other's best match and score
# at least LINK_MUTUAL, or when they score at least LINK_ALONE whatever else matches. Scores are in
# [0, 1]: the mean of the token-sort and token-set ratios over content words.
LINK_MUTUAL = 0.58
LINK_ALONE = 0.80
# One sentence's best match links even when it is not mutual, if the smaller of the two has at
# least this share of its content words in the other.
LINK_COVER = 0.75
# A match within this much of a sentence's best counts as best too: one long sentence telling what
# two short ones tell scores about the same with both, and either may come out a hair ahead.
BEST_MARGIN = 0.03
# A fact group holds at most this many sentences of one article: a fact told over two or three
# sentences is common, more means links chaining through sentences that tell several facts.
MAX_PER_ARTICLE = 3
# Containment (cover) compares words on their first STEM letters.
STEM = 5
# Two quotations are one when at least this share of the shorter one's words are in the other:
# trimmed, with a bracketed insertion or another ellipsis, it is still the same quote.
QUOTE_SAME = 0.88
# The score a shared quotation gives a sentence pair: enough to link alone.
QUOTE_LINK = 0.85
# A sentence with fewer content words than this only links through a near-identical match: short
# fragments ("Putin said.") otherwise match half the event.
MIN_CONTENT_WORDS = 3
# The semantic signal (``nlp.semantic``: a static sentence embedding, when installed). A pair's score is
# the larger of its word score and the mean of word score and cosine weighted by SEMANTIC_WEIGHT, so
# wording the words miss ("grown closer" / "strengthened") can lift a pair but never lower one.
# bench/semantic.py: on ECB+ chains the mean's best match is a chain mate for 0.715 of sentences, against
# 0.691 for the word score alone and 0.687 for the cosine alone.
SEMANTIC_WEIGHT = 0.5
# A sentence's clause outside its quotation ("..., he said, reiterating his intention to boost ties")
# whose cosine with another whole sentence reaches this tells that sentence's fact: the other
# sentence is contained in this one, as for LINK_COVER.
CLAUSE_COVER = 0.8
# A sentence also joins the group it scores best with on average (over the group's sentences of other
# articles), when that mean reaches ATTACH_MEAN and the group has no sentence of its article: a fact told
# in other words by eight outlets is a group whose every member resembles the newcomer a little, where no
# single pair is each other's best match. Mean, not best, so that a group mixing facts attracts nothing.
# 0.45: on the four tuned ECB+ events, 0.40 / 0.45 / 0.50 give aligned pairs 0.677 / 0.657 / 0.630 and false
# omissions 0.123 / 0.057 / 0.041.
ATTACH_MEAN = 0.45
# A sentence may join this many groups that way (a lead telling the toll and the crowd).
ATTACH_GROUPS = 2
# Where the group already holds a sentence of its article, the mean must reach this, and the group must hold
# one of its best matches. Seeds: the paraphrases of a neighbouring quote's clause score 0.666 and 0.670
# (gold n-to-m links), "Russia has since labeled South Korea ... unfriendly" 0.601 with the sentence before
# it in the other outlet (gold: told by one outlet only).
ATTACH_BESIDE = 0.63
# The steps after linking weigh sentences against whole groups, so they read the event's cross-article
# scores again. Up to this many sentences an event keeps them all (64 MB of float32); a larger one (hundreds
# of reports of one story) scores them again where those steps need them, SCORE_BAND_CELLS pairs at a time
# (about 30 MB of temporaries): memory then grows with the sentences, not with their square, for about
# twice the scoring time. Memory only: the groups are the same either way.
DENSE_SCORES_MAX = 4096
SCORE_BAND_CELLS = 500_000
# Two sentences giving a figure for the same thing (a toll, an injury count, a named rate) beside the same past
# years and months (``units.times_of``) are one fact whatever else differs when they are each other's best match and their
# word score reaches QUANTITY_FLOOR: their score is raised to QUANTITY_LINK. Sentences whose figures are all of different
# things (one rate and another) are held below LINK_MUTUAL. On the labelled ECB+ events 935 links were raised
# so, 57% of them between sentences telling one labelled fact; requiring the same past times (no toll "in
# December 2003" for the day's) left about 560, 62%, with aligned pairs unchanged (bench facts; docs/thresholds.md).
QUANTITY_FLOOR = 0.15
QUANTITY_LINK = LINK_MUTUAL + 0.01
# A pair the link model (``link_weights``) gives at least this probability of telling one fact is linked as a mutual
# best match at LINK_MUTUAL would be: even odds, the bar of a classifier. bench/fit_link.py fits the model on the tuned
# labelled events; docs/thresholds.md has its figures on the held-out ones.
LINK_PROBABILITY = 0.5
# What the link model reads of a pair, in the order of ``_Scorer.link_features`` (and of ``link_weights``'s numbers).
LINK_FEATURES = (
    "score",
    "cover",
    "cosine",
    "first_position",
    "last_position",
    "names",
    "shorter",
    "longer",
    "things",
    "figures",
    "rare",
)
# The link model's "rare" feature weighs each shared word by how few of the event's sentences use it: a word most
# sentences of the story use ("fire", the main name) says little about which of its facts two sentences tell, one
# that few use ("unlicensed", "Morningside", "revolver") says much. A word's weight is RARITY_STEPS x ln((sentences
# + 1) / (the sentences using it + 0.5)), rounded to an integer run for the cdist encoding (a word of more than about
# 60% of the sentences weighs nothing; scale words aside: ``_claim_stems``); the feature is the Dice coefficient of
# the two sentences' weights. Counted over sentences, not articles: in an event of three articles every shared word
# is in two or three of them, so articles cannot tell rare from common (read on bench `facts`, docs/thresholds.md).
# 1: weights up to about 6 in an event of a few hundred sentences, steps enough to order words by rarity, strings
# short. Not fitted: bench/fit_link.py fits the model's coefficient.
RARITY_STEPS = 1

# A clause of a longer sentence (cut at punctuation and at sentences.toml ``clause_breaks``) with at least
# CLAUSE_WORDS lower-case content words (names aside: a clause sharing only a name tells nothing) joins the groups of
# the sentence of another article it tells: its best match there, scoring at least LINK_MUTUAL as a sentence pair
# would, and no worse than any whole sentence of its article scores with that sentence (BEST_MARGIN). "More than 50
# firefighters tackled the blaze, | which broke out on the roof of the supermarket at about 2045 GMT" tells the
# time another outlet gives alone; the group shows that clause, not the whole sentence. Three words, as for the
# told check's clauses (coverage.TOLD_WORDS).
CLAUSE_WORDS = 3

# Encoded word sets are compared only with each other, so any code points will do; starting at the
# supplementary planes leaves room for about a million words.
_PRIVATE = 0x10000


class _Scorer:
    """The encodings of an event's sentences, computed once; the scores of any block of pairs.

    sort: rapidfuzz's token-sort ratio, as ``ratio`` on pre-sorted words (no sort per pair).
    tset: rapidfuzz's token-set ratio for all pairs at once: with I the weight of the shared words
      and L the weight of the smaller side's words, it is 2I / (I + L) (1 when one side's words
      are all in the other); words weigh by length, as characters do there (see ``_encode``).
    score: the mean of sort and tset, raised to QUOTE_LINK for sentences sharing a quotation.
    cover: the share of the smaller side's five-letter stems found in the other (Korea / Korean,
      consider / considering), for linking a short sentence into the long one that contains it.
    learned: a pair the link model (``link_weights``, fitted on hand-labelled ECB+ events by
      ``bench/fit_link.py``) gives a probability of LINK_PROBABILITY or more of telling one fact is raised to
      the link bar: the model reads the score with what it cannot weigh (containment, the meaning's cosine,
      where each sentence stands in its article, their lengths, shared names, things and figures, and how rare
      in the event the shared words are: RARITY_STEPS).
    """

    # What ``_rows`` gives each unit (set from its dict, in ``__init__`` and ``extended``).
    sorted: list[str]
    weighted: list[str]
    stems: list[str]
    names: list[str]
    rare: list[str]
    rare_size: np.ndarray
    weighted_size: np.ndarray
    stem_size: np.ndarray
    name_size: np.ndarray
    short: np.ndarray
    position: np.ndarray
    length: np.ndarray
    part: np.ndarray

    def __init__(self, units: Sequence[Unit], frequency: tuple[Mapping[str, int], int] | None = None):
        """``frequency``: how many sentences use each five-letter stem, and how many sentences there are, over the
        whole event (``word_frequency``); read from ``units`` when not given (the event's units)."""
        import numpy as np

        self._frequency = frequency if frequency is not None else word_frequency(units)
        # Longer words weigh more, in steps that keep the strings short; a vocabulary too large
        # for that (hundreds of thousands of words) counts each word once, the rarer ones too.
        self._vocabularies: dict[str, list] = {
            "weighted": [{}, _PRIVATE],
            "stems": [{}, _PRIVATE],
            "quotes": [{}, _PRIVATE],
            "names": [{}, _PRIVATE],
            "rare": [{}, _PRIVATE],
        }
        self._weight: Callable[[str], int] | None = _length_weight
        self._rare_weight: Callable[[str], int] | None = self._rarity
        try:
            rows = self._rows(units)
        except OverflowError:
            self._weight, self._vocabularies["weighted"] = None, [{}, _PRIVATE]
            self._rare_weight, self._vocabularies["rare"] = None, [{}, _PRIVATE]
            rows = self._rows(units)
        for name, value in rows.items():
            setattr(self, name, value)
        pieces = [(i, q.split()) for i, u in enumerate(units) for q in u.quotes]
        self.quote_unit = np.array([i for i, _ in pieces], dtype=np.int64)
        self.quotes = _encode([q for _, q in pieces], None, self._vocabularies["quotes"])
        self.quote_size = np.array([len(x) for x in self.quotes], dtype=np.float32)
        # Figures: units x things incidence matrices (few things per event). A figure is the same fact's only
        # beside the same years and months: a past quake's toll is another happening's, as in ``figure_groups``.
        self.things = _incidence([u.things for u in units])
        self.timed = _incidence([{(t, tuple(sorted(u.when))) for t in u.things} for u in units])
        self.figured = _incidence([u.figures for u in units])
        self.whole, self.clause = _vectors(units)

    def _rows(self, units: Sequence[Unit]) -> dict:
        """The arrays (and encoded strings) of ``units`` that their own words give, one row a unit, encoded in this
        scorer's vocabularies: what ``extended`` appends for clauses as ``__init__`` builds for the units. The
        weighted words are encoded first, so that running out of that vocabulary (OverflowError) encodes nothing."""
        import numpy as np

        words = [u.content.split() for u in units]
        weighted = _encode(words, self._weight, self._vocabularies["weighted"])
        stems = _encode([[w[:STEM] for w in ws] for ws in words], None, self._vocabularies["stems"])
        names = _encode([_names(u.text) for u in units], None, self._vocabularies["names"])
        rare = _encode([_claim_stems(ws, self._rarity) for ws in words], self._rare_weight, self._vocabularies["rare"])
        return {
            "sorted": [" ".join(sorted(w)) for w in words],
            "weighted": weighted,
            "stems": stems,
            "names": names,
            "rare": rare,
            "rare_size": np.array([len(x) for x in rare], dtype=np.float32),
            "weighted_size": np.array([len(x) for x in weighted], dtype=np.float32),
            "stem_size": np.array([len(x) for x in stems], dtype=np.float32),
            "name_size": np.array([len(x) for x in names], dtype=np.float32),
            "short": np.array([len(set(w)) < MIN_CONTENT_WORDS for w in words], dtype=bool),
            "position": np.array([u.sentence for u in units], dtype=np.float32),
            "length": np.array([len(w) for w in words], dtype=np.float32),
            "part": np.array([u.part for u in units], dtype=bool),
        }

    def _rarity(self, stem: str) -> int:
        """A stem's weight in the "rare" feature (RARITY_STEPS)."""
        import math

        used, sentences = self._frequency
        return round(RARITY_STEPS * math.log((sentences + 1) / (used.get(stem, 1) + 0.5)))

    def extended(self, extra: Sequence[Unit]) -> _Scorer:
        """A scorer of this one's units followed by ``extra`` (clauses of those units, which name no things and
        hold no quotations): only ``extra`` is encoded, in the same vocabularies, so the scores are those a scorer
        built on all of them gives. Raises OverflowError when the vocabulary runs out (build one anew then)."""
        import copy

        import numpy as np

        if any(u.things or u.quotes for u in extra):
            raise ValueError("extended() takes units that name no things and hold no quotations")
        out = copy.copy(self)
        out._vocabularies = {k: [dict(v[0]), v[1]] for k, v in self._vocabularies.items()}
        for name, value in out._rows(extra).items():
            old = getattr(self, name)
            setattr(out, name, old + value if isinstance(value, list) else np.concatenate([old, value]))
        # no things, figures or quotations: blank rows of the incidence matrices
        for name in ("things", "timed", "figured"):
            old = getattr(self, name)
            setattr(out, name, np.concatenate([old, np.zeros((len(extra), old.shape[1]), dtype=np.float32)]))
        if self.whole is not None:
            whole, clause = _vectors(extra)
            out.whole = np.concatenate([self.whole, whole])
            out.clause = np.concatenate([self.clause, clause])
        return out

    def block(self, rows: slice | Index, cols: slice | Index, covers: bool = True, learned: bool = True):
        """The scores and covers of the pairs ``rows`` x ``cols`` (slices or arrays of unit positions); without
        ``covers``, the scores alone (and None; the covers are still read where the link model is); without
        ``learned``, the scores before the link model raises any (what it reads)."""
        import numpy as np

        def cd(strings):
            return _ratios(strings, rows, cols)

        sort = cd(self.sorted)
        shared = _shared(cd(self.weighted), self.weighted_size[rows], self.weighted_size[cols])
        smaller = np.minimum(self.weighted_size[rows][:, None], self.weighted_size[cols][None, :])
        with np.errstate(divide="ignore", invalid="ignore"):
            tset = np.where(shared > 0, 2.0 * shared / (shared + smaller), 0.0).astype(np.float32)
        score = (sort + tset) / 2.0
        tiny = self.short[rows][:, None] | self.short[cols][None, :]
        score = np.where(tiny & (sort < 0.95), np.minimum(score, LINK_MUTUAL - 0.01), score)
        cos = self._cosines(rows, cols)
        if cos is not None:
            score = np.where(tiny, score, np.maximum(score, (1 - SEMANTIC_WEIGHT) * score + SEMANTIC_WEIGHT * cos))
        score = self._quantity_block(rows, cols, score)
        score = np.maximum(score, self._quote_block(rows, cols))
        # The model raises no pair of short sentences nor of a clause member (a clause lifted out of its sentence is not
        # what it was fitted on): a block of clauses alone (the clause step's) is not read at all.
        kept = ~tiny & ~self.part[rows][:, None] & ~self.part[cols][None, :]
        learned = learned and bool(kept.any())
        cover = self._cover(rows, cols, cd, tiny) if covers or learned else None
        if learned:
            sure = kept & (link_probability(self.link_features(rows, cols, score, cover, cos)) >= LINK_PROBABILITY)
            score = np.where(sure, np.maximum(score, LINK_MUTUAL + 0.01), score).astype(np.float32)
        return score, (cover if covers else None)

    def features(self, rows: slice | Index, cols: slice | Index) -> list:
        """What the link model reads of the pairs ``rows`` x ``cols`` (``link_features``), for fitting it."""
        score, cover = self.block(rows, cols, covers=True, learned=False)
        return self.link_features(rows, cols, score, cover, self._cosines(rows, cols))

    def _cosines(self, rows: slice | Index, cols: slice | Index):
        """The sentence embeddings' cosines of a block, or None without the embedding model."""
        if self.whole is None:
            return None
        from ..nlp.semantic import cosines

        return cosines(self.whole[rows], self.whole[cols])

    def _cover(self, rows: slice | Index, cols: slice | Index, cd, tiny):
        """The covers of a block: the stems' containment, raised to LINK_COVER where one side's clause outside its
        quotation tells the other's whole sentence (CLAUSE_COVER)."""
        import numpy as np

        stems = _shared(cd(self.stems), self.stem_size[rows], self.stem_size[cols])
        cover = _containment(stems, self.stem_size[rows][:, None], self.stem_size[cols][None, :])
        if self.whole is not None:
            from ..nlp.semantic import cosines

            clause = np.maximum(
                cosines(self.clause[rows], self.whole[cols]), cosines(self.whole[rows], self.clause[cols])
            )
            cover = np.where(tiny, cover, np.maximum(cover, np.where(clause >= CLAUSE_COVER, LINK_COVER, 0.0)))
        return cover

    def link_features(self, rows: slice | Index, cols: slice | Index, score, cover, cos) -> list:
        """What the link model reads of each pair, one rows x cols array a feature, in LINK_FEATURES order (a list,
        not one stacked array: the model sums them one at a time). ``cos``: the block's cosines (None: no model)."""
        import numpy as np

        shape = score.shape
        if cos is None:
            cos = np.zeros(shape, dtype=np.float32)
        pr, pc = self.position[rows][:, None], self.position[cols][None, :]
        lr, lc = self.length[rows][:, None], self.length[cols][None, :]
        names = _shared(_ratios(self.names, rows, cols), self.name_size[rows], self.name_size[cols])
        things = (self.things[rows] @ self.things[cols].T) > 0
        figures = (self.figured[rows] @ self.figured[cols].T) > 0
        # the shared words' rarity weight over the two sentences' (a Dice coefficient: rapidfuzz's ratio of the runs)
        rare = _ratios(self.rare, rows, cols)
        return [
            score,
            cover,
            cos,
            np.broadcast_to(np.minimum(pr, pc), shape),
            np.broadcast_to(np.maximum(pr, pc), shape),
            names,
            np.broadcast_to(np.minimum(lr, lc), shape),
            np.broadcast_to(np.maximum(lr, lc), shape),
            things,
            figures,
            rare,
        ]

    def _quantity_block(self, rows: slice | Index, cols: slice | Index, score):
        """Same thing counted: raised to QUANTITY_LINK from QUANTITY_FLOOR; only different things: held
        below LINK_MUTUAL (a shared quotation still links them, after this)."""
        import numpy as np

        left, right = self.things[rows], self.things[cols]
        if not left.any() or not right.any():
            return score
        shared = (self.timed[rows] @ self.timed[cols].T) > 0
        kinds = (left @ right.T) > 0
        both = np.outer(left.any(axis=1), right.any(axis=1))
        score = np.where(shared & (score >= QUANTITY_FLOOR), np.maximum(score, QUANTITY_LINK), score)
        return np.where(both & ~kinds, np.minimum(score, LINK_MUTUAL - 0.01), score).astype(np.float32)

    def _quote_block(self, rows: slice | Index, cols: slice | Index):
        """QUOTE_LINK for each sentence pair sharing a quotation, else 0. Two quotations are one
        when nearly all the words of the shorter are in the longer: trimmed, bracketed or with
        another ellipsis, it is still the same quote."""
        import numpy as np
        from rapidfuzz import fuzz, process

        out = np.zeros((_length(rows), _length(cols)), dtype=np.float32)
        row_at, col_at = self._positions(rows), self._positions(cols)
        qa = np.nonzero(row_at[self.quote_unit] >= 0)[0]
        qb = np.nonzero(col_at[self.quote_unit] >= 0)[0]
        if not len(qa) or not len(qb):
            return out
        dice = (
            process.cdist(
                [self.quotes[k] for k in qa],
                [self.quotes[k] for k in qb],
                scorer=fuzz.ratio,
                workers=cdist_workers(len(qa), len(qb)),
                dtype=np.float32,
            )
            / 100.0
        )
        size_a, size_b = self.quote_size[qa], self.quote_size[qb]
        same = _containment(_shared(dice, size_a, size_b), size_a[:, None], size_b[None, :]) >= QUOTE_SAME
        i, j = np.nonzero(same)
        out[row_at[self.quote_unit[qa[i]]], col_at[self.quote_unit[qb[j]]]] = QUOTE_LINK
        return out

    def _positions(self, picked: slice | Index):
        """Each unit's row in a block of ``picked`` units, -1 for the units not in it."""
        import numpy as np

        at = np.full(len(self.sorted), -1, dtype=np.int64)
        at[picked] = np.arange(_length(picked))
        return at


def _length_weight(word: str) -> int:
    return 1 + len(word) // 4


def _claim_stems(words: Sequence[str], rarity: Callable[[str], int]) -> list[str]:
    """The stems the "rare" feature weighs: a sentence's words of some weight, scale words aside ("billion",
    "thousand"): two sums of one scale ("110 billion euros" of a bailout / "30 billion euros" of savings, ECB+ T8b)
    share no claim by it, while one same number, or the noun it counts, is as telling as any rare word."""
    from ..nlp.numbers import SCALE_WORDS

    return [w[:STEM] for w in words if w not in SCALE_WORDS and rarity(w[:STEM])]


def word_frequency(units: Sequence[Unit]) -> tuple[dict[str, int], int]:
    """How many of ``units`` (an event's sentences) use each five-letter stem of their content words, and how many
    units there are: the event's word rarity, for the link model's "rare" feature (RARITY_STEPS)."""
    used: dict[str, int] = {}
    for u in units:
        for stem in {w[:STEM] for w in u.content.split()}:
            used[stem] = used.get(stem, 0) + 1
    return used, len(units)


def _incidence(rows: Sequence[Iterable]):
    """A rows x keys 0/1 matrix of which keys each row holds (at least one column)."""
    import numpy as np

    keys = {k: n for n, k in enumerate(sorted({k for r in rows for k in r}))}
    out = np.zeros((len(rows), max(1, len(keys))), dtype=np.float32)
    for i, r in enumerate(rows):
        for k in r:
            out[i, keys[k]] = 1.0
    return out


def _length(picked: slice | Index) -> int:
    return picked.stop - picked.start if isinstance(picked, slice) else len(picked)


def _pick(strings: list[str], picked: slice | Index) -> list[str]:
    return strings[picked] if isinstance(picked, slice) else [strings[k] for k in picked.tolist()]


def _ratios(strings: list[str], rows: slice | Index, cols: slice | Index):
    """rapidfuzz's ``ratio`` of every picked row string against every picked column string, in [0, 1]."""
    import numpy as np
    from rapidfuzz import fuzz, process

    workers = cdist_workers(_length(rows), _length(cols))
    picked = _pick(strings, rows), _pick(strings, cols)
    return process.cdist(*picked, scorer=fuzz.ratio, workers=workers, dtype=np.float32) / 100.0


# Capitalised words of three letters or more: the names a sentence gives (and its first word), for the link model.
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _names(text: str) -> list[str]:
    return sorted(set(_NAME.findall(text)))


def link_probability(features: list):
    """The link model's probability that each pair tells one fact, from its features: arrays of one shape in
    LINK_FEATURES order (``_Scorer.link_features``)."""
    import numpy as np

    from . import link_weights as w

    z = np.full(np.shape(features[0]), w.INTERCEPT, dtype=np.float64)
    for f, mean, scale, coef in zip(features, w.MEAN, w.SCALE, w.COEFFICIENTS):
        z += (coef / scale) * (np.asarray(f, dtype=np.float64) - mean)
    return 1.0 / (1.0 + np.exp(-z))


class _CrossScores:
    """The scores of an event's sentence pairs of different articles (zero within an article, and for an
    article read in another language, which links only on identical sentences), for the steps after linking.
    Kept whole as the links are scored up to DENSE_SCORES_MAX sentences; beyond, scored again a band of
    rows at a time where a step asks (see DENSE_SCORES_MAX)."""

    def __init__(self, scorer: _Scorer | None, units: Sequence[Unit], foreign: frozenset[str]):
        import numpy as np

        self._scorer = scorer
        articles = {a: k for k, a in enumerate(dict.fromkeys(u.article for u in units))}
        # each unit's article, numbered in the order they come (article by article)
        self.article = np.array([articles[u.article] for u in units], dtype=np.int64)
        self._foreign = np.array([u.article in foreign for u in units], dtype=bool)
        n = len(units)
        self.kept = np.zeros((n, n), dtype=np.float32) if scorer is not None and n <= DENSE_SCORES_MAX else None

    @property
    def scorer(self) -> _Scorer | None:
        """The linking step's scorer (None for an event of one article, or read in another language)."""
        return self._scorer

    def keep(self, rows: slice, cols: slice, score) -> None:
        """Record a block the linking step scored (rows: one article's units; cols: the later articles')."""
        import numpy as np

        if self.kept is not None:
            score = self._cross(np.arange(rows.start, rows.stop), np.arange(cols.start, cols.stop), score)
            self.kept[rows, cols] = score
            self.kept[cols, rows] = score.T

    def _cross(self, rows: Index, cols: Index, score):
        import numpy as np

        other = self.article[rows][:, None] != self.article[cols][None, :]
        native = ~(self._foreign[rows][:, None] | self._foreign[cols][None, :])
        return np.where(other & native, score, 0.0).astype(np.float32)

    def bands(self, rows: Index, cols: Index | None = None) -> Iterator[tuple[slice, np.ndarray]]:
        """(where in ``rows``, their scores against ``cols``, all units by default), a band of rows at a time."""
        import numpy as np

        n = len(self.article)
        if self.kept is not None:
            every = cols is None and len(rows) == n and bool((rows == np.arange(n)).all())
            picked = self.kept if every else self.kept[np.ix_(rows, np.arange(n) if cols is None else cols)]
            yield slice(0, len(rows)), picked
            return
        cols = np.arange(n) if cols is None else cols
        if self._scorer is None:
            yield slice(0, len(rows)), np.zeros((len(rows), len(cols)), dtype=np.float32)
            return
        step = max(1, SCORE_BAND_CELLS // max(1, len(cols)))
        for start in range(0, len(rows), step):
            band = rows[start : start + step]
            yield slice(start, start + len(band)), self._cross(band, cols, self._scorer.block(band, cols)[0])


def _vectors(units: Sequence[Unit]):
    """Unit-length sentence vectors (whole sentence; clause outside quotations, zero when none or
    short), or (None, None) when no embedding model is installed."""
    from ..nlp import semantic

    if not units or not semantic.available():
        return None, None
    import numpy as np

    whole = semantic.embed([u.text for u in units])
    clause = np.zeros_like(whole)
    keep = [(i, u.outside) for i, u in enumerate(units) if len(aligned_words(u.outside).split()) > MIN_CONTENT_WORDS]
    if keep:
        clause[[i for i, _ in keep]] = semantic.embed([t for _, t in keep])
    return whole, clause


def _encode(rows: Sequence[Sequence[str]], weight=None, vocabulary: list | None = None) -> list[str]:
    """Each row's set of words as a string of private characters, for set overlaps with cdist.

    Each distinct word becomes a run of ``weight(word)`` characters (one by default) and each row
    the sorted string of its words' runs. The longest common subsequence of two such strings is
    exactly their shared runs, so rapidfuzz's ``ratio`` (2·LCS / (a + b)) gives every pair's
    shared weight (``_shared``), without a Python loop over pairs or a dense matrix.

    ``vocabulary`` ([runs, next character], updated in place) continues an earlier encoding, so that rows
    encoded later compare with the earlier ones.
    """
    runs: dict[str, str] = vocabulary[0] if vocabulary is not None else {}
    next_char = vocabulary[1] if vocabulary is not None else _PRIVATE
    out = []
    # The outlets of an event print many of the same sentences: a row seen before is that string.
    done: dict[tuple[str, ...], str] = {}
    for words in rows:
        row = tuple(words)
        found = done.get(row)
        if found is None:
            parts = []
            for w in set(words):
                run = runs.get(w)
                if run is None:
                    n = max(1, int(weight(w))) if weight else 1
                    if next_char + n > 0x110000:
                        raise OverflowError("vocabulary too large to encode")
                    run = runs[w] = "".join(map(chr, range(next_char, next_char + n)))
                    next_char += n
                parts.append(run)
            found = done[row] = "".join(sorted(parts))
        out.append(found)
    if vocabulary is not None:
        vocabulary[1] = next_char
    return out


def _shared(dice, size_l, size_r):
    """The shared weight of each pair from its ratio and the two sizes (1-d arrays)."""
    import numpy as np

    return np.round(dice * (size_l[:, None] + size_r[None, :]) / 2.0)


def _containment(shared, size_l, size_r):
    import numpy as np

    smaller = np.minimum(size_l, size_r)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(smaller > 0, shared / smaller, 0.0).astype(np.float32)


def link_mask(score, cover=None):
    """Which pairs of a (left x right) block to link: mutual best (ties kept), strong alone, or
    one side's best match when that side is mostly contained in the other (one long sentence
    telling what two short ones tell)."""
    import numpy as np

    if score.size == 0:
        return np.zeros(score.shape, dtype=bool)
    eps = BEST_MARGIN + 1e-6
    row_best = score >= score.max(axis=1, keepdims=True) - eps
    col_best = score >= score.max(axis=0, keepdims=True) - eps
    mask = ((row_best & col_best) & (score >= LINK_MUTUAL)) | (score >= LINK_ALONE)
    if cover is not None:
        # The shorter sentence's best home, when most of its words are there.
        mask |= (row_best | col_best) & (cover >= LINK_COVER) & (score >= LINK_MUTUAL)
    return mask


def _sentence_ids(units: Sequence[Unit]):
    """Each unit's normalised sentence as a number: two units are the same sentence when their numbers are."""
    import numpy as np

    ids: dict[str, int] = {}
    return np.array([ids.setdefault(normalise(u.text), len(ids)) for u in units], dtype=np.int64)


def _merge(
    units: Sequence[Unit], links: list[tuple[float, str, str, int, int]], refused: list[tuple[int, int]] | None = None
) -> list[int]:
    """Union-find over the links, strongest first, refusing a merge that would put more than
    MAX_PER_ARTICLE sentences of one article in a group: links chaining through sentences that
    tell several facts (a lead giving the toll, the place and the cause) otherwise gather whole
    articles into one group (76 sentences of 9 articles on one ECB+ event). Ties are broken by the
    sentences' texts, so the order of the paragraphs never changes the groups. Returns each unit's
    root; the links the cap refused are appended to ``refused``, strongest first."""
    parent = list(range(len(units)))
    members: list[dict[str, list[int]]] = [{u.article: [u.sentence]} for u in units]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def fits(a: dict[str, list[int]], b: dict[str, list[int]]) -> bool:
        for article, mine in a.items():
            theirs = b.get(article)
            if theirs is None:
                continue
            if len(mine) + len(theirs) > MAX_PER_ARTICLE:
                return False
        return True

    for _, _, _, i, j in sorted(links):
        a, b = find(i), find(j)
        if a == b:
            continue
        small, large = sorted((members[a], members[b]), key=len)
        if not fits(small, large):
            if refused is not None:
                refused.append((i, j))
            continue
        for article, ns in small.items():
            large.setdefault(article, []).extend(ns)
        root, child = min(a, b), max(a, b)
        parent[child] = root
        members[root] = large
        members[child] = {}
    for k in range(len(parent)):
        parent[k] = find(k)
    return parent


def align(articles: Sequence[Article], exact_only: frozenset[str] = frozenset()) -> list[tuple[Unit, ...]]:
    """Fact groups of one event: tuples of units, each group's units in article order then sentence.

    Articles in ``exact_only`` (another language than the rest) link only on identical sentences.
    Groups come out in no meaningful order; the report orders them.
    """
    import numpy as np

    # The later steps live in modules of their own, which read this module's numbers.
    from .clauses import clause_members
    from .figure_groups import figure_groups
    from .told import told_joins

    per_article = fold_acronyms([units_of(a) for a in articles])
    units = [u for us in per_article for u in us]
    whole = len(units)  # the whole sentences; clauses and attached copies are numbered after them
    links: list[tuple[float, str, str, int, int]] = []

    # The sentences are encoded once; then each article is scored against the articles after it
    # in one block (every cross-article pair once, no pair twice, no same-article pair).
    offsets = [int(x) for x in np.cumsum([0] + [len(us) for us in per_article])]
    scorer = _Scorer(units) if units and len(per_article) > 1 else None
    foreign = [a.id in exact_only for a in articles]
    # The attachment step weighs a sentence against whole groups: it reads the cross-article scores again.
    scores = _CrossScores(scorer, units, exact_only)
    ids = _sentence_ids(units) if any(foreign) else None
    for x in range(len(articles)):
        rows = slice(offsets[x], offsets[x + 1])
        rest = slice(offsets[x + 1], offsets[-1])
        if rows.start == rows.stop or rest.start == rest.stop:
            continue
        score, cover = scorer.block(rows, rest) if scorer is not None and not all(foreign[x:]) else (None, None)
        if score is not None:
            scores.keep(rows, rest, score)
        for y in range(x + 1, len(articles)):
            cols = slice(offsets[y] - rest.start, offsets[y + 1] - rest.start)
            if cols.start == cols.stop:
                continue
            if foreign[x] or foreign[y]:
                assert ids is not None
                mask = ids[rows][:, None] == ids[offsets[y] : offsets[y + 1]][None, :]
                strength = mask.astype(np.float32)
            else:
                assert score is not None and cover is not None
                mask = link_mask(score[:, cols], cover[:, cols])
                strength = score[:, cols]
            for i, j in zip(*np.nonzero(mask)):
                a, b = offsets[x] + int(i), offsets[y] + int(j)
                ta, tb = sorted((units[a].text, units[b].text))
                links.append((-float(strength[i, j]), ta, tb, a, b))
    refused: list[tuple[int, int]] = []
    parent = _merge(units, links, refused)
    groups: dict[int, list[int]] = {}
    for k in range(len(units)):
        groups.setdefault(parent[k], []).append(k)
    _also_members(units, parent, groups, refused)
    described = {key: groups.pop(key) for key in figure_groups(units, parent, groups, scores)}
    if not any(foreign):
        attached = _attach(units, parent, groups, scores)
        units = units + clause_members(units, groups, scores)
        units = units + _attached_members(units, groups, attached)
    # The groups of one age or tally (``figure_groups._described``) come back with every member loose: their sentences
    # share the figure and may tell anything else. Kept apart from the attachment and clause steps until now, which
    # would widen them by resemblance.
    groups.update(described)
    units = units + _attached_members(units, groups, [(k, key) for key, members in described.items() for k in members])
    if not any(foreign):
        # Last, where an article tells a group's fact in a sentence the steps above left out of it (``told``).
        joins = told_joins(units, groups, whole)
        for k, key in joins:
            groups[key].append(k)
        units = units + _attached_members(units, groups, joins)

    # Two groups may end with the same sentences (each joining the other's group: two copies of a quotation and
    # two of its neighbour): one fact, shown once. Sentences, not units: an attached member is a unit of its own.
    def sentences(g: list[int]) -> frozenset[tuple[str, int, str]]:
        return frozenset((units[k].article, units[k].sentence, units[k].text) for k in g)

    unique = {sentences(g): g for g in reversed(groups.values())}
    return [tuple(units[k] for k in g) for g in groups.values() if unique[sentences(g)] is g]


def _also_members(
    units: Sequence[Unit], root: Sequence[int], groups: dict[int, list[int]], refused: Sequence[tuple[int, int]]
) -> None:
    """n-to-m: a sentence telling two facts (a lead giving the toll and the place) also joins the
    group of a sentence it was linked with when the per-article cap kept the two groups apart, if
    its article has no sentence there yet. Only these direct links count, never their chains, so no
    group grows past one sentence per article this way. A sentence left alone in its own group by
    that is moved rather than copied (it would otherwise be listed as told by that article only)."""
    extra: dict[int, list[int]] = {}
    for i, j in refused:
        for unit, into in ((i, root[j]), (j, root[i])):
            if root[unit] == into:
                continue
            article = units[unit].article
            present = {units[k].article for k in groups[into]} | {units[k].article for k in extra.get(into, ())}
            if article not in present:
                extra.setdefault(into, []).append(unit)
    for into, added in extra.items():
        groups[into].extend(added)
    for added in extra.values():
        for unit in added:
            home = root[unit]
            if groups.get(home) == [unit]:
                del groups[home]


def _attach(
    units: Sequence[Unit], root: Sequence[int], groups: dict[int, list[int]], scores: _CrossScores
) -> list[tuple[int, int]]:
    """n-to-m by the group: each sentence also joins the group of two or more articles whose sentences of
    other articles it resembles most on average (ATTACH_MEAN; ATTACH_BESIDE if its article is there). Read a
    band of sentences at a time (``_CrossScores.bands``), each row on its own; a sentence alone in its group
    that joins another is moved. Returns the joins made, (unit, group key), for ``_attached_members``."""
    import numpy as np

    keys = [g for g, ks in groups.items() if len({units[k].article for k in ks}) >= 2]
    if not keys:
        return []
    n = len(units)
    articles = sorted({u.article for u in units})
    index = {a: i for i, a in enumerate(articles)}
    of = np.array([index[u.article] for u in units], dtype=np.int64)
    # members of each group per article; a sentence's own article neither counts nor may be there already
    per_article = np.zeros((len(articles), len(keys)), dtype=np.float32)
    for c, g in enumerate(keys):
        per_article[:, c] = np.bincount(of[groups[g]], minlength=len(articles))
    size = per_article.sum(axis=0)[None, :]
    # Each group's members side by side, so that one reduceat per band sums every group's columns: O(sentences x
    # members), not a product with a sentences x groups incidence matrix, and no Python loop over the groups.
    columns = np.concatenate([np.asarray(groups[g], dtype=np.int64) for g in keys])
    lengths = [len(groups[g]) for g in keys]
    starts = np.cumsum([0] + lengths[:-1])
    group_of = np.repeat(np.arange(len(keys)), lengths)
    candidates: list[tuple[float, int, int]] = []
    for at, band in scores.bands(np.arange(n)):
        rows = np.arange(at.start, at.stop)
        sums = np.add.reduceat(band[:, columns], starts, axis=1)
        own = per_article[of[rows]]  # members of the sentence's own article
        others = size - own
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = np.where(others > 0, sums / others, 0.0)
        # Where its article is there already (a quote in one sentence, its paraphrase in the next), the bar is
        # higher, and the cap on sentences per article holds.
        # There, it must also be one of the sentence's best matches (BEST_MARGIN): a sentence whose copy in the
        # other article sits elsewhere does not join its neighbour's group.
        near_best = mean >= band.max(axis=1, keepdims=True) - BEST_MARGIN - 1e-6
        bar = np.where(own > 0, np.where(near_best, ATTACH_BESIDE, np.inf), ATTACH_MEAN)
        mean[own >= MAX_PER_ARTICLE] = 0.0
        here = (columns >= at.start) & (columns < at.stop)
        mean[columns[here] - at.start, group_of[here]] = 0.0  # a group it is in already
        excess = mean - bar
        # A sentence may tell ATTACH_GROUPS facts (a lead: the toll and the crowd): its best groups above the bar.
        top = np.argsort(-excess, axis=1, kind="stable")[:, :ATTACH_GROUPS]
        best = np.take_along_axis(excess, top, axis=1)
        for k, c in zip(*np.nonzero(best >= 0)):
            candidates.append((-float(best[k, c]), int(rows[k]), int(top[k, c])))
    moved = []
    # Strongest first, and one sentence per article and group: candidates of one article for one group
    # are alternatives, not a bundle (a group would otherwise gather every sentence naming its subject).
    taken: set[tuple[int, int]] = set()
    for _, k, g in sorted(candidates, key=lambda c: c[0]):
        if (g, int(of[k])) in taken:
            continue
        taken.add((g, int(of[k])))
        groups[keys[g]].append(k)
        moved.append((k, keys[g]))
    for k, _ in moved:
        home = root[k]
        if groups.get(home) == [k]:
            del groups[home]
    return moved


def _attached_members(
    units: Sequence[Unit], groups: dict[int, list[int]], joins: Sequence[tuple[int, int]]
) -> list[Unit]:
    """The members ``joins`` (unit, group key) name, as units of their own marked ``attached`` (numbered after
    ``units``, as the groups then refer to them): a sentence that resembles a group on average (``_attach``) may tell
    a neighbouring claim of it, and one giving a group's age or tally may tell anything else, so its figures are not
    set against the group's nor is it the silent side of a framing difference (``differences.reading.Side.loose``).
    Made after the clause step, which reads the joins as plain members."""
    import dataclasses

    out: list[Unit] = []
    for k, key in joins:
        # the joined groups hold two articles or more, so none was a home group the join emptied and removed
        members = groups[key]
        members[members.index(k)] = len(units) + len(out)
        out.append(dataclasses.replace(units[k], attached=True))
    return out
