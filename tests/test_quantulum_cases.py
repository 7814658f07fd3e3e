"""External check: quantulum3's English test sentences (MIT, ../shared/external/quantulum3, see its SOURCE.md).

Read at test time; nothing is copied into the library. Each expected quantity's surface is located in its
sentence; a figure found by parse_figures counts as right when it overlaps that surface with the same value
(a range is compared by its midpoint, as quantulum3 states ranges). Value precision, recall and F1 are over
all quantities of quantities.json. quantulum3 also expects years and bare designator numbers ("Voyager 2",
"English 101"), which this library leaves out by design, so they count against it here.
The cases are split in two halves by a hash of the sentence: rules were developed looking at the errors of
the "dev" half only; the "held-out" half is measured, never read for errors, so its figure means something.
"""

import hashlib
import json
from pathlib import Path

import pytest

from analysis.stages.figures import parse_figures

SUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "external" / "quantulum3"


def expected_spans(case: dict) -> list[tuple[int, int, float]]:
    """(start, end, value) of each expected quantity, located in order in the sentence."""
    spans, pos = [], 0
    for quantity in case["res"]:
        start = case["req"].find(quantity["surface"], pos)
        start = case["req"].find(quantity["surface"]) if start < 0 else start
        spans.append((start, start + len(quantity["surface"]), float(quantity["value"])))
        pos = start + 1
    return spans


def midpoint(fig) -> float:
    """A figure's value, or the middle of its range."""
    high = getattr(fig, "value_high", None)
    return fig.value if high is None else (fig.value + high) / 2


def value_scores(cases: list[dict]) -> dict[str, float]:
    """Micro precision, recall and F1 of (overlapping span, equal value) over every case."""
    found_n = gold_n = hits = 0
    for case in cases:
        gold = expected_spans(case)
        found = parse_figures(case["req"])
        found_n, gold_n = found_n + len(found), gold_n + len(gold)
        unused = list(gold)
        for fig in found:
            match = next((g for g in unused if fig.start < g[1] and g[0] < fig.end
                          and abs(midpoint(fig) - g[2]) <= 1e-6 * max(1.0, abs(g[2]))), None)
            if match:
                hits += 1
                unused.remove(match)
    precision, recall = hits / max(1, found_n), hits / max(1, gold_n)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / max(1e-9, precision + recall)}


def half(case: dict) -> str:
    """"dev" or "held-out": a fixed split of the cases by a hash of the sentence."""
    return "dev" if hashlib.sha1(case["req"].encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


# F1 measured on each half (61 dev cases, 40 held out) and on all 101: 0.669 (P 0.683, R 0.655) on all
# before the figures issue's rules, 0.812 after them; then dev 0.851 (P 0.949, R 0.771), held-out 0.788
# (P 0.830, R 0.750) with fractions ("1/4 inch", "2 1/2"), signs and temperature names; then dev 0.864 (P 0.950,
# R 0.792), held-out 0.792 (P 0.816, R 0.769), all 0.838 with scientific notation ("4e14", "1.5 x 10^6"); held-out
# 0.820 (P 0.854, R 0.788), all 0.848 with list numbers, sentence-initial names before digits ("Apollo 11 landed")
# and "a hundred and two".
FLOORS = {"dev": 0.86, "held-out": 0.82, "all": 0.84}


@pytest.mark.skipif(not SUITE.exists(), reason="../shared/external/quantulum3 is not beside this clone")
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_value_f1_on_quantulum_cases(part):
    cases = json.loads((SUITE / "quantities.json").read_text(encoding="utf-8"))
    s = value_scores([c for c in cases if part in ("all", half(c))])
    print(part, {k: round(v, 3) for k, v in s.items()})
    assert s["f1"] >= FLOORS[part], s
