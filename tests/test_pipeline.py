"""The table graph: every table computed once per build, each stage given its inputs, never computing them."""

import dataclasses
import sys
from collections import Counter

import pytest

from analysis import load_corpus, pipeline
from analysis.compare import differences, main
from analysis.pipeline import SPECS, TABLES, WRITTEN, Build, order, schema_problems
from analysis.stages.quotes import document_quotes
from tests.conftest import SEEDS


def test_order_puts_every_table_after_its_inputs_and_rejects_unknown_names():
    assert order(["recurring_figures"]) == ["parses", "mentions", "quotes", "figures", "recurring_figures"]
    assert order(["reuse", "stance"]) == ["body_keys", "copies", "parses", "mentions", "quotes", "reuse_keys",
                                          "shared_sentences", "reuse", "event_parses", "events", "stance_evidence",
                                          "stance"]
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


def test_every_written_table_conforms_to_its_schema(build):
    for name, frame in build.tables().items():
        assert schema_problems(name, frame) == [], name
    assert all(TABLES[name].columns for name in WRITTEN)
    assert all(meaning and dtype in ("str", "int64", "float64", "bool") + (() if spec.written else ("bytes",))
               for spec in SPECS for dtype, meaning in spec.columns.values())


def test_schema_problems_name_the_column_and_the_difference(build):
    quotes = build["quotes"]
    assert schema_problems("quotes", quotes.drop(columns="kind")) == ["quotes: no column 'kind'"]
    assert schema_problems("quotes", quotes.assign(extra=1)) == ["quotes: columns not in its schema: extra"]
    assert schema_problems("quotes", quotes.astype({"cue_start": float})) == [
        "quotes.cue_start: float64 values, schema says int64"]
    assert schema_problems("quotes", quotes.iloc[:0].astype(object)) == []  # an empty table has no dtypes to check


def test_tables_of_a_corpus_with_little_in_it_conform_too(tmp_path):
    (tmp_path / "a.txt").write_text("A Headline\n\nThe weather was mild in the valley all week.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,genre,genre_source\na,news,the editor\n", encoding="utf-8")
    tables = Build(load_corpus(tmp_path)).tables()
    assert {name: schema_problems(name, frame) for name, frame in tables.items() if schema_problems(name, frame)} == {}
    assert schema_problems("documents", tables["documents"].drop(columns="n_words")) == [
        "documents: no column 'n_words'"]


def test_tables_do_not_depend_on_the_order_they_are_asked_for(corpus, build, tmp_path):
    """No stage leaves state that changes another's table: the seed tables asked for in reverse order are the same,
    byte for byte as written (analysis.compare, the check a refactoring runs against a saved reference)."""
    assert main(["--corpus", str(SEEDS), "--save", str(tmp_path)]) == 0
    backwards = Build(corpus)
    assert differences({name: backwards[name] for name in reversed(WRITTEN)}, tmp_path) == {}
    changed = dict(build.tables(), dates=build["dates"].iloc[1:])
    assert differences(changed, tmp_path) == {"dates": f"{len(build['dates'])} lines, reference "
                                                       f"{len(build['dates']) + 1}; first difference at line 2"}
