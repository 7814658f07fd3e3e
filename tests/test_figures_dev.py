"""Figures on real articles the rules were not written from: the 28 texts of ../shared/dev-corpus.

tests/fixtures/figures_dev_gold.csv holds every figure in all 28 texts, found and typed by reading them
(offsets, value, value_high, unit, kind, what is counted, hedged, vague), annotated before the rules for
ranges, units, number words and designators were written. A text with no row states no figure.
The texts themselves are read from ../shared/dev-corpus (public domain / CC BY, see its SOURCES.csv).
"""

from pathlib import Path

import pandas as pd
import pytest

from analysis.stages.figures import parse_figures

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev-corpus"
GOLD = pd.read_csv(ROOT / "tests" / "fixtures" / "figures_dev_gold.csv", keep_default_na=False)
FIELDS = ("value_high", "unit", "kind", "counted", "approximate", "vague")


def predicted() -> pd.DataFrame:
    """parse_figures on every dev-corpus text, one row per figure."""
    rows = []
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows += [{"doc_id": path.stem, **vars(f)} for f in parse_figures(text)]
    table = pd.DataFrame(rows)
    high = table["value_high"] if "value_high" in table else pd.Series(float("nan"), index=table.index)
    return table.assign(value_high=pd.to_numeric(high).fillna(0.0))


def scores(found: pd.DataFrame) -> dict[str, float]:
    """Span + value P/R/F1, and each field's accuracy over the gold figures found (counted: over counts).
    A single value has value_high 0 on both sides here."""
    gold = GOLD.assign(value_high=pd.to_numeric(GOLD.value_high.replace("", "0")))
    merged = gold.merge(found, on=["doc_id", "start", "end"], suffixes=("_gold", ""))
    hits = merged[merged.value == merged.value_gold]
    precision, recall = len(hits) / max(1, len(found)), len(hits) / len(gold)
    out = {"precision": precision, "recall": recall, "f1": 2 * precision * recall / max(1e-9, precision + recall)}
    for field in FIELDS:
        rows = merged[merged.kind_gold == "count"] if field == "counted" else merged
        out[field] = float((rows[field] == rows[f"{field}_gold"]).mean())
    return out


@pytest.mark.skipif(not DEV.exists(), reason="../shared/dev-corpus is not beside this clone")
def test_dev_corpus_accuracy():
    s = scores(predicted())
    print({k: round(v, 3) for k, v in s.items()})
    # Before the rules for ranges, units, number words and designators: F1 0.899, counted 0.889.
    # After them: F1 1.00 (P = R = 1.00), counted 0.929 (misses: "of which 31 were", "16 were", "including
    # two that": a bare count before its verb; "58 eng" where the text is cut), approximate 0.986.
    assert s["f1"] >= 0.99 and s["counted"] >= 0.92 and s["value_high"] >= 1.0 and s["unit"] >= 1.0, s
