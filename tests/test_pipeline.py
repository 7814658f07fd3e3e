"""The table graph: every table computed once per build, each stage given its inputs, never computing them."""

import dataclasses
import sys
from collections import Counter

import pytest

from analysis import pipeline
from analysis.pipeline import SPECS, TABLES, WRITTEN, Build, order
from analysis.stages.quotes import document_quotes


def test_order_puts_every_table_after_its_inputs_and_rejects_unknown_names():
    assert order(["recurring_figures"]) == ["quotes", "figures", "recurring_figures"]
    assert order(["reuse", "stance"]) == ["copies", "quotes", "shared_sentences", "reuse", "stance"]
    everything = order()
    assert sorted(everything) == sorted(TABLES)
    for spec in SPECS:
        assert all(everything.index(need) < everything.index(spec.name) for need in spec.needs)
        assert spec.scope in pipeline.SCOPES
    with pytest.raises(KeyError, match="no table named 'nonsense'"):
        order(["nonsense"])


def test_each_stage_runs_once_per_build_and_no_stage_calls_another(corpus, monkeypatch):
    """Every table function is counted wherever a module holds it, so a stage computing another's table (as
    stance, figures and reuse once computed the quotes: `document_quotes` ran 30 times in one build) fails."""
    calls: Counter[str] = Counter()

    def counted(name, make):
        def run(*args, **kwargs):
            calls[name] += 1
            return make(*args, **kwargs)
        return run

    modules = [m for m in list(sys.modules.values()) if getattr(m, "__name__", "").startswith("analysis.")]
    for name, function in [(spec.name, spec.make) for spec in SPECS] + [("document_quotes", document_quotes)]:
        wrapper = counted(name, function)
        for module in modules:
            for attr, value in list(vars(module).items()):
                if value is function:
                    monkeypatch.setattr(module, attr, wrapper)
        if name in TABLES:
            monkeypatch.setitem(TABLES, name, dataclasses.replace(TABLES[name], make=wrapper))
    build = Build(corpus)
    tables = build.tables()
    assert list(tables) == list(WRITTEN)
    assert build["quotes"] is tables["quotes"]  # asked again: the same frame, not computed again
    assert build.runs == Counter(list(TABLES))
    assert calls == Counter(list(TABLES)) + Counter({"document_quotes": len(corpus.texts)})
