"""Rule names and trials (srccompare/ingest/rules.py), which the extraction benchmark's
leave-one-site-out evaluation relies on: on the seed dumps, a rule that drops a line names itself,
and switching it off leaves that line to the other rules."""

from __future__ import annotations

import re

import pytest

from srccompare.ingest.furniture import _whole_rule, furniture_phrase, stock_word
from srccompare.ingest.read import normalise
from srccompare.ingest.rules import fires, trial
from srccompare.ingest.text import clean_dump

from .conftest import CORPUS

SEEDS = sorted(CORPUS.glob("*.txt"))
_STOCK = re.compile(r"^furniture: stock phrase '(.+)'$")


def _whole_line_drops(cleaned) -> dict[str, str]:
    """Dropped lines that a whole-line interface word took: line text -> the word."""
    out = {}
    for d in cleaned.dropped:
        m = _STOCK.match(d.reason)
        if m and stock_word(m.group(1)):
            out[d.text] = m.group(1)
    return out


def test_a_rule_that_drops_a_line_names_itself_and_can_be_switched_off():
    checked = 0
    for path in SEEDS:
        text = normalise(path.read_text(encoding="utf-8"))
        with trial() as fired:
            cleaned = clean_dump(text)
        for line, word in _whole_line_drops(cleaned).items():
            rule = f"whole:{_whole_rule(word)}"
            with trial({rule}):
                if furniture_phrase(line) is not None:
                    continue  # another phrase list takes the line too
            assert rule in fired
            with trial({rule}) as fired_without:
                again = clean_dump(text)
            assert rule not in fired_without
            assert line not in _whole_line_drops(again)
            checked += 1
    if not SEEDS:
        pytest.skip("no seed corpus")
    assert checked >= 1


def test_outside_a_trial_every_rule_is_on_and_nothing_is_recorded():
    assert fires("whole", "share")
    with trial({"whole:share"}) as fired:
        assert not fires("whole", "share")
        assert fires("whole", "home")
    assert fired == {"whole:home"}
    assert fires("whole", "share")
