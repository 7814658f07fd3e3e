"""Altair charts for the notebooks: the shared theme, generic helpers, then each topic's charts."""

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

# ---------------------------------------------------------------------------------------------
# Shared theme and generic helpers (notebook/report owner). Topic charts go below this block.
# ---------------------------------------------------------------------------------------------

THEME = "analysis"  # name of both the theme and the data transformer
MAX_ROWS = 5000  # Altair's own limit, kept on: a chart above it is a table to aggregate first
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
CATEGORY_SCHEME = "tableau10"  # colour-blind-friendlier than the default, stable order


@alt.theme.register(THEME, enable=False)
def theme() -> alt.theme.ThemeConfig:
    """The house style: readable fonts, no view border, one categorical palette."""
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 520, "continuousHeight": 300},
            "title": {"fontSize": 15, "anchor": "start", "subtitleColor": "#555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260, "gridColor": "#eee"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
            "header": {"labelFontSize": 12, "titleFontSize": 12},
            "range": {"category": {"scheme": CATEGORY_SCHEME}},
            "bar": {"color": "#4c78a8"},
            "point": {"filled": True, "size": 80},
        },
    }


def data_transformer(data, max_rows: int = MAX_ROWS):
    """Altair's default transformer, with missing values written as null instead of NaN.

    Altair 5.5 predates pandas 3's "str" dtype: its missing strings come out as NaN, which is not
    JSON, so the chart output could not be saved or drawn.
    """
    result = alt.vegalite.data.default_data_transformer(data, max_rows=max_rows)
    if isinstance(result, dict) and "values" in result:
        rows = [{key: None if _is_nan(value) else value for key, value in row.items()} for row in result["values"]]
        result = {**result, "values": rows}
    return result


def _is_nan(value: object) -> bool:
    """True for a float NaN (the missing-value marker pandas uses)."""
    return isinstance(value, float) and math.isnan(value)


alt.data_transformers.register(THEME, data_transformer)


def _field(shorthand: str) -> str:
    """The column named by an Altair shorthand ("n_words:Q" -> "n_words")."""
    return shorthand.split(":", 1)[0]


def chart_data(df: pd.DataFrame, columns: Sequence[str], by: Sequence[str]) -> pd.DataFrame:
    """Only the columns a chart uses, rows sorted with a fresh index, so the embedded data is small and stable."""
    if len(df) > MAX_ROWS:
        raise ValueError(f"{len(df)} rows is more than a chart should carry ({MAX_ROWS}); aggregate first")
    keep = list(dict.fromkeys(_field(c) for c in columns))
    return df[keep].sort_values([_field(c) for c in by], kind="stable").reset_index(drop=True)


def legend_selection(field: str) -> alt.Parameter:
    """A click-on-the-legend selection of one category (shift-click adds more)."""
    return alt.selection_point(fields=[field], bind="legend")


def _colour(color: str | None, selection: alt.Parameter | None) -> dict:
    """Colour and opacity encodings, with unselected categories faded when there is a selection."""
    if color is None:
        return {}
    return {
        "color": alt.Color(color, title=_field(color).replace("_", " ")),
        "opacity": alt.condition(selection, alt.value(1.0), alt.value(0.2)),
    }


def _with_selection(chart: alt.Chart, selection: alt.Parameter | None) -> alt.Chart:
    """Attach the legend selection when there is one."""
    return chart.add_params(selection) if selection is not None else chart


def bar(
    df: pd.DataFrame,
    category: str,
    value: str,
    *,
    color: str | None = None,
    tooltip: Sequence[str] = (),
    title: str = "",
) -> alt.Chart:
    """Horizontal bars of value per category, longest first; colour categories are selectable."""
    tips = list(tooltip) or [category, value, *([color] if color else [])]
    data = chart_data(df, [category, value, *([color] if color else []), *tips], [category, *([color] if color else [])])
    selection = legend_selection(color) if color else None
    chart = (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y(category, sort="-x", title=None),
            x=alt.X(value, title=_field(value).replace("_", " ")),
            tooltip=tips,
            **_colour(color, selection),
        )
    )
    return _with_selection(chart, selection)


def heatmap(df: pd.DataFrame, x: str, y: str, value: str, *, title: str = "") -> alt.LayerChart:
    """A grid of value for each (x, y) pair, with the number written in each cell."""
    data = chart_data(df, [x, y, value], [y, x])
    base = alt.Chart(data, title=title).encode(
        x=alt.X(x, title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y(y, title=None),
        tooltip=[y, x, value],
    )
    cells = base.mark_rect().encode(color=alt.Color(value, scale=alt.Scale(scheme="blues")))
    numbers = base.mark_text(fontSize=11).encode(
        text=alt.Text(value),
        color=alt.condition(f"datum['{_field(value)}'] > 0", alt.value("#222"), alt.value("#bbb")),
    )
    return cells + numbers


def timeline(
    df: pd.DataFrame,
    date: str,
    category: str,
    *,
    color: str | None = None,
    tooltip: Sequence[str] = (),
    title: str = "",
) -> alt.Chart:
    """Dots on a time axis, one row per category; colour categories are selectable."""
    tips = list(tooltip) or [category, date, *([color] if color else [])]
    data = chart_data(df, [date, category, *([color] if color else []), *tips], [date, category])
    selection = legend_selection(color) if color else None
    chart = (
        alt.Chart(data, title=title)
        .mark_point()
        .encode(
            x=alt.X(f"{_field(date)}:T", title=_field(date).replace("_", " "), axis=alt.Axis(format="%b %Y")),
            y=alt.Y(category, title=None),
            tooltip=tips,
            **_colour(color, selection),
        )
    )
    return _with_selection(chart, selection)
