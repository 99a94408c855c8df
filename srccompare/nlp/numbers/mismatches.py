"""The numbers two sentences tell differently (``number_mismatches``): the same unit with another value
("7,000 containers" / "6,000 containers"), or the same value with another unit ("16 agencies" / "16
countries"). A number only one side mentions is not a mismatch: that is an added detail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .reading import Number, find_numbers


@dataclass(frozen=True)
class NumberMismatch:
    a: Number
    b: Number
    kind: str  # "value": same unit, other value; "unit": same value, other unit

    @property
    def detail(self) -> str:
        return f"{self.a.text} / {self.b.text}"


def number_mismatches(
    a: str | Sequence[Number], b: str | Sequence[Number], alike: Callable[[Number, Number], bool] | None = None
) -> list[NumberMismatch]:
    """Numbers of ``a`` and ``b`` (texts, or their ``find_numbers`` already found) that tell the same
    quantity differently (see the module doc). A number's match is a number of ``b`` with its unit: first
    one that ``alike`` says is a figure of the same thing (a toll with a toll: "shot three people, killing
    two people" / "shot to death one person"), else the first left."""
    na = [n for n in (find_numbers(a) if isinstance(a, str) else a) if n.unit]
    nb = [n for n in (find_numbers(b) if isinstance(b, str) else b) if n.unit]
    shared = {(n.unit, n.value) for n in na} & {(n.unit, n.value) for n in nb}
    out: list[NumberMismatch] = []
    used: set[int] = set()

    def unmatched_with_unit(x: Number) -> list[int]:
        return [i for i, y in enumerate(nb) if i not in used and y.unit == x.unit and (y.unit, y.value) not in shared]

    paired: dict[int, int] = {}  # index in na -> its match in nb, figures of one thing first
    if alike is not None:
        for k, x in enumerate(na):
            if (x.unit, x.value) in shared:
                continue
            match = next((i for i in unmatched_with_unit(x) if alike(x, nb[i])), None)
            if match is not None:
                used.add(match)
                paired[k] = match
    for k, x in enumerate(na):
        if (x.unit, x.value) in shared:
            continue
        if k in paired:
            out.append(NumberMismatch(x, nb[paired[k]], "value"))
            continue
        same_unit = unmatched_with_unit(x)
        if same_unit:
            used.add(same_unit[0])
            out.append(NumberMismatch(x, nb[same_unit[0]], "value"))
            continue
        if not x.counted or x.kind not in ("cardinal", "money", "percent"):
            continue  # an unsure unit, or an ordinal ('first month' / 'first quarter'), says no more
        same_value = [
            i
            for i, y in enumerate(nb)
            if i not in used
            and y.value == x.value
            and y.kind == x.kind
            and y.counted
            and (y.unit, y.value) not in shared
        ]
        if same_value:
            used.add(same_value[0])
            out.append(NumberMismatch(x, nb[same_value[0]], "unit"))
    return out
