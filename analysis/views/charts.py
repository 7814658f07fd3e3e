"""Altair charts for the notebooks: the shared theme, generic helpers, then each topic's charts."""

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from analysis.views import colours
from analysis.views.limits import MAX_DOCUMENTS, busiest

# ---------------------------------------------------------------------------------------------
# Shared theme and generic helpers (notebook/report owner). Topic charts go below this block.
# ---------------------------------------------------------------------------------------------

THEME = "analysis"  # name of both the theme and the data transformer
MAX_ROWS = 5000  # Altair's own limit, kept on: a chart above it is a table to aggregate first
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
CATEGORY_SCHEME = "tableau10"  # colour-blind-friendlier than the default, stable order
# How charts are drawn, in JupyterLab and in the report alike: SVG (crisp, inspectable), with the
# export menu but no "Open in Vega Editor", which would send the data to an outside site.
EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}


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


# Column names a reader should not have to decode; any other name is shown with spaces for underscores.
READABLE = {"short_name": "document", "per_1000_words": "per 1,000 words", "count_rest": "count in the rest",
            "z": "z-score", "sent_id": "sentence no.", "as_written": "as written", "cue_lemma": "verb", "n_docs": "documents"}


def readable(name: str) -> str:
    """A column name as a reader's word ("per_1000_words" -> "per 1,000 words", "source_type" -> "source type")."""
    return READABLE.get(name, name.replace("_", " "))


def tooltips(data: pd.DataFrame, fields: Sequence) -> list:
    """Tooltip channels with readable titles and numbers rounded (2 decimals, trailing zeros dropped; integers
    with thousands separators); an alt.Tooltip given is kept as it is."""
    tips = []
    for item in fields:
        if not isinstance(item, str):
            tips.append(item)
            continue
        name = _field(item)
        column = data[name] if name in data.columns else None
        numeric = column is not None and pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
        kind = item.split(":", 1)[1] if ":" in item else ("Q" if numeric else "N")
        rounded = {"format": ",.2~f" if pd.api.types.is_float_dtype(column) else ","} if numeric and kind == "Q" else {}
        tips.append(alt.Tooltip(f"{name}:{kind}", title=readable(name), **rounded))
    return tips


def chart_data(df: pd.DataFrame, columns: Sequence[str], by: Sequence[str]) -> pd.DataFrame:
    """Only the columns a chart uses, rows sorted with a fresh index, so the embedded data is small and stable."""
    if len(df) > MAX_ROWS:
        raise ValueError(f"{len(df)} rows is more than a chart should carry ({MAX_ROWS}); aggregate first")
    keep = list(dict.fromkeys(_field(c) for c in columns))
    return df[keep].sort_values([_field(c) for c in by], kind="stable").reset_index(drop=True)


def titled(title: str, *notes: str) -> str | alt.Title:
    """A chart title with the notes that are not empty as its subtitle (the title alone without any)."""
    lines = [n for n in notes if n]
    return alt.Title(title, subtitle=lines) if lines else title


def legend_selection(field: str) -> alt.Parameter:
    """A click-on-the-legend selection of one category (shift-click adds more)."""
    return alt.selection_point(fields=[field], bind="legend")


def _colour(color: str | None, selection: alt.Parameter | None) -> dict:
    """Colour and opacity encodings, with unselected categories faded when there is a selection."""
    if color is None:
        return {}
    return {
        "color": alt.Color(color, title=readable(_field(color)), legend=alt.Legend(orient="top")),
        "opacity": alt.condition(selection, alt.value(1.0), alt.value(0.2)),
    }


def _selectable(
    df: pd.DataFrame,
    mark: str,
    category: str,
    measure: str,
    encoding: dict,
    *,
    color: str | None,
    tooltip: Sequence[str],
    title: str,
    sort_by: Sequence[str],
    limit: int,
    weight: str | None,
    most: str,
    notes: Sequence[str] = (),
) -> alt.Chart:
    """One mark per row with tooltips, for at most `limit` categories (the largest total weight, or the most rows);
    with a colour, its legend selects categories and fades the rest."""
    df, left_out = busiest(df, _field(category), weight, limit=limit, what=f"{_field(category)}s", most=most)
    colours = [color] if color else []
    tips = list(tooltip) or [category, measure, *colours]
    data = chart_data(df, [category, measure, *colours, *tips], sort_by)
    selection = legend_selection(_field(color)) if color else None
    chart = getattr(alt.Chart(data, title=titled(title, left_out, *notes)), f"mark_{mark}")().encode(
        **encoding, tooltip=tooltips(data, tips), **_colour(color, selection)
    )
    return chart.add_params(selection) if selection is not None else chart


def bar(
    df: pd.DataFrame,
    category: str,
    value: str,
    *,
    color: str | None = None,
    tooltip: Sequence[str] = (),
    title: str = "",
    limit: int = MAX_DOCUMENTS,
) -> alt.Chart:
    """Horizontal bars of value per category, longest first, for at most `limit` categories (the largest totals);
    colour categories are selectable."""
    encoding = {"y": alt.Y(category, sort="-x", title=None), "x": alt.X(value, title=readable(_field(value)))}
    return _selectable(df, "bar", category, value, encoding, color=color, tooltip=tooltip, title=title,
                       sort_by=[category, *([color] if color else [])], limit=limit, weight=_field(value),
                       most=_field(value).replace("_", " "))


def by_total(df: pd.DataFrame, key: str, value: str) -> list:
    """The values of df[key], largest total of df[value] first (ties in key order)."""
    totals = df.groupby(key, sort=True)[value].sum()
    return totals.sort_values(ascending=False, kind="stable").index.tolist()


def heatmap(df: pd.DataFrame, x: str, y: str, value: str, *, title: str | alt.Title = "") -> alt.LayerChart:
    """A grid of value for each (x, y) pair, with the number written in each cell; rows and columns with the
    largest totals first, column labels on top."""
    data = chart_data(df, [x, y, value], [y, x])
    base = alt.Chart(data, title=title).encode(
        x=alt.X(x, title=None, sort=by_total(data, _field(x), _field(value)),
                axis=alt.Axis(labelAngle=-40, orient="top")),
        y=alt.Y(y, title=None, sort=by_total(data, _field(y), _field(value))),
        tooltip=tooltips(data, [y, x, value]),
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
    limit: int = MAX_DOCUMENTS,
) -> alt.Chart:
    """Dots on a time axis, one row per category (at most `limit`: those with the most dots); colour categories are
    selectable; dates far from the rest are left out (and named in the subtitle), so one old event does not squeeze
    the others together."""
    df, far = _central_dates(df, _field(date))
    encoding = {
        "x": alt.X(f"{_field(date)}:T", title=readable(_field(date)), axis=alt.Axis(format="%b %Y")),
        "y": alt.Y(category, title=None),
    }
    return _selectable(df, "point", category, date, encoding, color=color, tooltip=tooltip, title=title,
                       sort_by=[date, category], limit=limit, weight=None, most="dates", notes=[far])


def _central_dates(df: pd.DataFrame, date: str) -> tuple[pd.DataFrame, str]:
    """The rows whose date lies near the bulk (within the 10th-90th percentile span, at least a year, on either side
    of it), and a note naming the years of the rest ("" when none is left out)."""
    if df.empty:
        return df, ""
    when = pd.to_datetime(df[date], format="ISO8601")
    low, high = when.quantile(0.1), when.quantile(0.9)
    reach = max(high - low, pd.Timedelta(days=365))
    near = when.between(low - reach, high + reach)
    if near.all():
        return df, ""
    years = ", ".join(str(y) for y in sorted(set(when[~near].dt.year)))
    return df[near], f"Far from the rest, not drawn: {_count(int((~near).sum()), 'date')} in {years}; the table lists them."


def _count(n: int, noun: str) -> str:
    """"1 date", "3 dates"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------------------------------------
# Actor mentions (analysis.stages.actors): who is named, under which names, with whom, in context
# ---------------------------------------------------------------------------------------------

MONO_FONT = "'DejaVu Sans Mono', Menlo, Consolas, monospace"
MONO_CHAR_WIDTH = 0.6  # width of one monospace character, in font sizes (same for the common fonts)


def note(message: str) -> alt.Chart:
    """A chart that only says why there is nothing to draw (for a corpus without the data)."""
    return alt.Chart(pd.DataFrame({"note": [message]})).mark_text(align="left", fontSize=13, color="#555").encode(
        text="note:N").properties(width=400, height=30)


def _top_names(df: pd.DataFrame, weight: str, top: int) -> list[str]:
    """The `top` names with the largest total weight, largest first (ties alphabetical)."""
    totals = df.groupby("name", as_index=False)[weight].sum()
    return totals.sort_values([weight, "name"], ascending=[False, True]).head(top)["name"].tolist()


def actor_heatmap(counts: pd.DataFrame, top: int = 25, title: str = "", *,
                  limit: int = MAX_DOCUMENTS) -> alt.LayerChart:
    """Most-mentioned actors × documents (at most `limit`: those naming them most), coloured and labelled by mentions
    per 1,000 body words."""
    names = _top_names(counts, "mentions", top)
    shown, left_out = busiest(counts[counts["name"].isin(names)], "short_name", "mentions", limit=limit,
                              most="mentions of these actors")
    data = chart_data(shown, ["name", "short_name", "mentions", "per_1000_words", "type"], ["name", "short_name"])
    base = alt.Chart(data, title=titled(title, left_out)).encode(
        x=alt.X("short_name:N", title=None, axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("name:N", sort=names, title=None),
        tooltip=tooltips(data, ["name:N", "type:N", "short_name:N", "mentions:Q", "per_1000_words:Q"]),
    )
    cells = base.mark_rect().encode(color=alt.condition(
        "datum.mentions == 0", alt.value("#f6f6f6"),
        alt.Color("per_1000_words:Q", scale=alt.Scale(scheme="blues"), title="per 1,000 words")))
    numbers = base.transform_filter("datum.mentions > 0").mark_text(fontSize=11).encode(
        text=alt.Text("per_1000_words:Q", format=".1f"),
        color=alt.condition("datum.per_1000_words > 12", alt.value("white"), alt.value("#222")),
    )
    return (cells + numbers).properties(width=alt.Step(95), height=alt.Step(17))


def naming_choice_bars(naming: pd.DataFrame, names: Sequence[str] = (), top: int = 6,
                       title: str = "", *, limit: int = MAX_DOCUMENTS) -> alt.VConcatChart:
    """For each multi-named actor (given names, else the most mentioned), each outlet's share of each alias (at most
    `limit` outlets per actor: those naming it most). Each name in a shade of its actor's colour (the actor's own
    colour in every chart, analysis.views.colours), the most used name darkest; clicking a name in the legend picks
    it out in every panel (shift-click adds more)."""
    names = list(names) or _top_names(naming, "mentions", top)
    if not names:
        return alt.vconcat(note("No actor is named under more than one name."), title=title)
    shown = {name: busiest(naming[naming["name"] == name], "short_name", "mentions", limit=limit, most="mentions")
             for name in names}
    every = pd.concat([rows for rows, _ in shown.values()], ignore_index=True)
    shared = every.groupby("alias")["actor_id"].transform("nunique") > 1  # one alias for two actors: say whose
    every["name_used"] = every["alias"].where(~shared, every["alias"] + " (" + every["name"] + ")")
    shades = colours.name_shades(every, "name_used", "actor_id", "mentions")
    every["shade"] = every["name_used"].map({n: i for i, n in enumerate(shades)})
    scale = alt.Scale(domain=list(shades), range=list(shades.values()))
    picked = alt.selection_point(fields=["name_used"], bind="legend", name="name_used")
    panels = []
    for name, (_, left_out) in shown.items():
        data = chart_data(every[every["name"] == name], ["short_name", "name_used", "shade", "mentions", "share"],
                          ["short_name", "shade"])
        panel_title = alt.Title(name, fontSize=13, **({"subtitle": [left_out]} if left_out else {}))
        panels.append(
            alt.Chart(data, title=panel_title).mark_bar().encode(
                y=alt.Y("short_name:N", title=None),
                x=alt.X("share:Q", stack="normalize", title="share of the actor's name mentions",
                        axis=alt.Axis(format="%")),
                color=alt.Color("name_used:N", title="name used", scale=scale,
                                legend=alt.Legend(columns=2, symbolLimit=0)),
                opacity=alt.condition(picked, alt.value(1.0), alt.value(0.2)),
                order=alt.Order("shade:Q"),
                tooltip=tooltips(data, ["short_name:N", "name_used:N", "mentions:Q",
                                        alt.Tooltip("share:Q", format=".0%")]),
            ).properties(width=420, height=alt.Step(18))
        )
    panels[0] = panels[0].add_params(picked)
    return alt.vconcat(*panels, title=title).resolve_scale(color="shared")


def cooccurrence_matrix(pairs: pd.DataFrame, top: int = 20, title: str = "") -> alt.LayerChart:
    """Symmetric matrix of the actors most often named together: sentences shared by each pair."""
    both = pd.concat([
        pairs.rename(columns={"name_a": "name", "name_b": "with"}),
        pairs.rename(columns={"name_b": "name", "name_a": "with"}),
    ])[["name", "with", "sentences", "documents"]]
    names = _top_names(both, "sentences", top)
    data = chart_data(both[both["name"].isin(names) & both["with"].isin(names)],
                      ["name", "with", "sentences", "documents"], ["name", "with"])
    base = alt.Chart(data, title=title).encode(
        x=alt.X("with:N", sort=names, title=None, axis=alt.Axis(labelAngle=-45, orient="top")),
        y=alt.Y("name:N", sort=names, title=None),
        tooltip=tooltips(data, ["name:N", "with:N", "sentences:Q", "documents:Q"]),
    )
    cells = base.mark_rect().encode(color=alt.Color("sentences:Q", scale=alt.Scale(scheme="oranges"),
                                                    title="sentences together"))
    numbers = base.mark_text(fontSize=11).encode(
        text="sentences:Q",
        color=alt.condition("datum.sentences > 8", alt.value("white"), alt.value("#222")),
    )
    return (cells + numbers).properties(width=alt.Step(26), height=alt.Step(22))


def concordance(contexts: pd.DataFrame, *, font_size: int = 11, title: str = "", per_actor: int = 150,
                rows: int = 1000) -> alt.LayerChart:
    """The body mentions of the actor picked in a drop-down, one line each: document, left context, mention, right.

    At most `per_actor` lines per actor (the first in document order) and `rows` in all (the most named actors
    first); the subtitle says what was left out. Monospace text placed by character counts; SVG drops the spaces
    at either end of a text, so the gaps around the mention are positions (from analysis.actors.contexts, which
    keeps the spaces).
    """
    if contexts.empty:
        return alt.layer(note("No actor is named in body text."), title=title)
    counts = contexts["name"].value_counts()
    options = sorted(counts.index, key=lambda n: (-counts[n], n))
    kept = (counts[options].clip(upper=per_actor).cumsum() <= rows).to_numpy()
    options = [name for name, keep in zip(options, kept) if keep] or options[:1]
    capped = contexts[contexts["name"].isin(options)].groupby("name", sort=False).head(per_actor)
    left_out = "" if len(capped) == len(contexts) else (
        f"{len(options)} of {len(counts)} actors (the most named), at most {per_actor} mentions each (the first in "
        f"document order): {len(capped)} of {len(contexts)} mentions; actors.contexts() lists them all.")
    contexts = capped
    char = font_size * MONO_CHAR_WIDTH
    left_end = char * (6 + contexts["left"].str.len().max())
    gap_before = contexts["left"].str.match(r".*\s$").astype(int) * char
    gap_after = contexts["right"].str.match(r"^\s").astype(int) * char
    data = contexts.assign(
        doc=contexts["short_name"].str.split(" ").str[0],
        row=contexts.groupby("name").cumcount(),
        left=contexts["left"].str.strip(),
        right=contexts["right"].str.strip(),
        mention_x=left_end + gap_before,
        right_x=left_end + gap_before + contexts["surface"].str.len() * char + gap_after,
    )
    data = chart_data(data, ["name", "actor_id", "row", "doc", "short_name", "sent_id", "kind", "left", "surface",
                             "right", "mention_x", "right_x", "sentence"], ["name", "row"])
    actor = alt.param(name="actor", value=options[0],
                      bind=alt.binding_select(options=options, name="Actor (by number of mentions): "))
    base = alt.Chart(data, title=titled(title, left_out)).transform_filter(alt.datum.name == actor).encode(
        y=alt.Y("row:O", axis=None),
        tooltip=tooltips(data, ["short_name:N", "sent_id:Q", "kind:N", "surface:N", "sentence:N"]),
    )
    text = {"font": MONO_FONT, "fontSize": font_size, "baseline": "middle"}
    doc = base.mark_text(align="left", color="#777", **text).encode(x=alt.value(0), text="doc:N")
    left = base.mark_text(align="right", **text).encode(x=alt.value(left_end), text="left:N")
    mention = base.mark_text(align="left", fontWeight="bold", **text).encode(  # in the actor's own colour
        x=alt.X("mention_x:Q", scale=None, axis=None), text="surface:N",
        color=alt.Color("actor_id:N", scale=colours.actor_scale(data["actor_id"]), legend=None))
    right = base.mark_text(align="left", **text).encode(x=alt.X("right_x:Q", scale=None, axis=None), text="right:N")
    width = data["right_x"].max() + char * data["right"].str.len().max()
    return (doc + left + mention + right).add_params(actor).properties(width=width, height=alt.Step(font_size + 6))
