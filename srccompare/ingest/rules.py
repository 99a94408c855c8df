"""Names for the cleaning rules, so that the extraction benchmark can tell what each one is worth.

Every rule that can take a line out of the article (a stock phrase, a one-line pattern, a structure of
several lines, a filter of the HTML cleaner) has a name such as ``whole:share``, ``line:menu`` or
``text:headline_run``. A rule asks ``fires(name)`` at the moment it would act: the answer says whether
the rule is on, and the name is recorded when a trial is open. bench/extraction.py uses this to tag
every rule with the development pages it acts on, to measure what switching it off costs each site,
and to evaluate each page with the rules that only its own site supports switched off
(leave-one-site-out). Outside a trial every rule is on and nothing is recorded: the cost is one set
look-up for each rule that acts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

_off: frozenset[str] = frozenset()
_trace: set[str] | None = None


def fires(rule: str, detail: str = "") -> bool:
    """Whether rule ``rule`` (with ``detail``, the phrase of a phrase list: ``whole``, ``share``), which is
    about to act, is on; notes that it acted. Outside a trial: True at once, the name never built."""
    if _trace is None:
        return True
    name = f"{rule}:{detail}" if detail else rule
    if name in _off:
        return False
    _trace.add(name)
    return True


@contextmanager
def trial(off: Iterable[str] = ()) -> Iterator[set[str]]:
    """Clean with the rules ``off`` switched off; yields the set of the rules that acted.

    Not thread-safe: meant for the benchmark, which cleans one page at a time."""
    global _off, _trace
    saved = _off, _trace
    _off, _trace = frozenset(off), set()
    try:
        yield _trace
    finally:
        _off, _trace = saved
