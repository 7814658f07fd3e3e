"""Shared chart theme and helpers, and the notebooks' set-up."""

import warnings

import altair as alt
import pandas as pd
import pytest

from analysis.views import charts
from analysis.views.notebook import CORPUS_ENV, PANDAS_OPTIONS, configure, corpus_path, setup

DOCS = pd.DataFrame({
    "doc_id": ["b", "a", "c"],
    "n_words": [20, 10, 30],
    "outlet": pd.Series(["Y", None, "X"], dtype="str"),
    "unused": ["p", "q", "r"],
})


@pytest.fixture(autouse=True)
def configured(monkeypatch):
    """Every test sees what a notebook sees after setup(); the process's own settings come back after."""
    monkeypatch.setattr(warnings, "formatwarning", warnings.formatwarning)
    with pd.option_context(*[x for option in PANDAS_OPTIONS for x in (option, pd.get_option(option))]):
        configure()
        yield


def _data(chart) -> list[dict]:
    spec = chart.to_dict()
    (values,) = spec["datasets"].values()
    return values


def test_bar_embeds_only_used_columns_sorted_with_missing_as_null():
    chart = charts.bar(DOCS, "doc_id", "n_words:Q", color="outlet:N", title="Words")
    assert _data(chart) == [
        {"doc_id": "a", "n_words": 10, "outlet": None},
        {"doc_id": "b", "n_words": 20, "outlet": "Y"},
        {"doc_id": "c", "n_words": 30, "outlet": "X"},
    ]


def test_colour_legend_selects_on_the_field_and_fades_the_rest():
    spec = charts.bar(DOCS, "doc_id", "n_words", color="outlet:N").to_dict()
    (param,) = spec["params"]
    assert param["select"] == {"type": "point", "fields": ["outlet"]} and param["bind"] == "legend"
    assert spec["encoding"]["opacity"] == {"condition": {"param": param["name"], "value": 1.0}, "value": 0.2}
    assert spec["encoding"]["tooltip"] == [{"field": "doc_id", "type": "nominal", "title": "doc id"},
                                           {"field": "n_words", "type": "quantitative", "title": "n words",
                                            "format": ","},
                                           {"field": "outlet", "type": "nominal", "title": "outlet"}]


def test_tooltips_have_readable_titles_and_rounded_numbers():
    data = pd.DataFrame({"per_1000_words": [1.919574], "z": [2.5], "mentions": [3]})
    tips = [t.to_dict() for t in charts.tooltips(data, ["per_1000_words", "z:Q", "mentions"])]
    assert tips == [{"field": "per_1000_words", "type": "quantitative", "title": "per 1,000 words", "format": ",.2~f"},
                    {"field": "z", "type": "quantitative", "title": "z-score", "format": ",.2~f"},
                    {"field": "mentions", "type": "quantitative", "title": "mentions", "format": ","}]


def test_a_timeline_leaves_out_a_date_far_from_the_rest_and_says_so():
    dates = pd.DataFrame({"date": pd.to_datetime(["2003-03-20"] + [f"2017-{m:02d}-01" for m in range(1, 13)]),
                          "doc": ["a"] * 13})
    spec = charts.timeline(dates, "date", "doc:N", title="Events").to_dict()
    assert min(row["date"] for row in _data(charts.timeline(dates, "date", "doc:N"))) >= "2017"
    assert spec["title"]["subtitle"] == ["Far from the rest, not drawn: 1 date in 2003; the table lists them."]


def test_same_data_gives_the_same_spec_whatever_the_row_order():
    shuffled = DOCS.iloc[[2, 0, 1]]
    assert charts.bar(shuffled, "doc_id", "n_words").to_dict() == charts.bar(DOCS, "doc_id", "n_words").to_dict()


def test_heatmap_and_timeline_carry_their_fields():
    pairs = pd.DataFrame({"a": ["x", "x", "y"], "b": ["p", "q", "p"], "n": [1, 0, 2]})
    layers = charts.heatmap(pairs, "a", "b", "n").to_dict()["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rect", "text"]
    dates = pd.DataFrame({"published": ["2017-11-22", "2016-10"], "doc_id": ["a", "b"]})
    spec = charts.timeline(dates, "published", "doc_id").to_dict()
    assert spec["encoding"]["x"]["field"] == "published" and spec["encoding"]["x"]["type"] == "temporal"


def test_charts_refuse_more_rows_than_a_chart_should_carry():
    big = pd.DataFrame({"k": range(charts.MAX_ROWS + 1), "v": 1})
    with pytest.raises(ValueError, match="5001 rows is more than a chart should carry"):
        charts.heatmap(big, "k:N", "k:N", "v:Q")
    with pytest.raises(alt.MaxRowsError):
        alt.Chart(big).mark_point().encode(x="k").to_dict()


def test_setup_renders_charts_as_vega_lite_5_svg_with_the_house_theme():
    bundle, metadata = alt.renderers.get()(charts.bar(DOCS, "doc_id", "n_words").to_dict())
    assert set(bundle) == {"application/vnd.vegalite.v5+json", "text/plain"}
    assert metadata["application/vnd.vegalite.v5+json"]["embed_options"]["renderer"] == "svg"
    assert metadata["application/vnd.vegalite.v5+json"]["embed_options"]["actions"]["editor"] is False
    spec = bundle["application/vnd.vegalite.v5+json"]
    assert spec["config"]["range"] == {"category": {"scheme": "tableau10"}}
    assert pd.get_option("display.html.use_mathjax") is False


def test_warnings_show_without_machine_paths():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("file skipped", UserWarning)
    (w,) = caught
    assert warnings.formatwarning(w.message, w.category, w.filename, w.lineno) == "UserWarning: file skipped\n"


def test_corpus_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(CORPUS_ENV, raising=False)
    assert corpus_path().name == "seeds"
    (tmp_path / "one.txt").write_text("A headline\n\nA body sentence about Daesh.\n", encoding="utf-8")
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path))
    assert corpus_path() == tmp_path
    assert setup().documents["doc_id"].tolist() == ["one"]
