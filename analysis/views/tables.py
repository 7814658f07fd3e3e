"""Interactive tables, in JupyterLab and in the report: search, sort, a filter per column, offline.

Every DataFrame a notebook shows is drawn by itables (DataTables) from the bundle itables ships, loaded once per
notebook by `enable()` (no CDN). Text is HTML-escaped here and left-aligned, floats rounded, the document shown by
its short name; in the report (ANALYSIS_REPORT set by the build) each row links to its place on the article's page.
"""

import itertools
import os
import re
from collections.abc import Mapping

import itables
from IPython.display import HTML, display
import pandas as pd
from itables import javascript

from analysis.views.article import PLACE_COLUMNS, page_name
from analysis.views.html import escape

REPORT_ENV = "ANALYSIS_REPORT"  # set for the kernels of a report build: rows link to the article pages
LINK_TITLE = "this row's place in the article, every finding marked"
DECIMALS = 3  # floats are shown rounded to this many decimals (the tables keep every digit)
OPTIONS = {
    "classes": "display compact",  # text wraps: long evidence stays readable, not cut off
    "layout": {"topStart": "pageLength", "topEnd": "search", "bottomStart": "info", "bottomEnd": "paging"},
    "column_filters": "footer",
    "lengthMenu": [10, 25, 100, 500],
    "maxBytes": "1MB",  # larger tables are shown downsampled, with a note; the files keep every row
    "showIndex": False,
    "allow_html": True,  # cells are escaped here; only the article links are markup
    "display_logo_when_loading": False,
    # JupyterLab and the report's page style right-align every table cell; text reads better from the left.
    "css": ".dt-container td.dt-left, .dt-container th.dt-left { text-align: left !important; }",
}
_ITABLES_LINK = re.compile(r"<a href=https://itables\.org[^>]*>(.*?)</a>", re.DOTALL)  # help links: kept as text
_ids = itertools.count(1)
_short_names: dict[str, str] = {}


def in_report() -> bool:
    """Whether this kernel runs for a report build (its tables link to the article pages)."""
    return bool(os.environ.get(REPORT_ENV))


def _place(row: Mapping) -> int | None:
    """The offset a table row starts at (its first place column with a value), if any."""
    for column in PLACE_COLUMNS:
        value = row.get(column)
        if value is not None and not pd.isna(value):
            return int(value)
    return None


def _documents(df: pd.DataFrame) -> list[str]:
    """Each row's document as escaped HTML: its short name, linked in the report to the row's place on its article page."""
    cells = []
    for row in df.to_dict("records"):
        shown = escape(str(_short_names.get(row["doc_id"], row["doc_id"])))
        if in_report():
            place = _place(row)
            anchor = f"#c-{place}" if place is not None else ""
            shown = f'<a href="{escape(page_name(str(row["doc_id"])))}{anchor}" title="{LINK_TITLE}">{shown}</a>'
        cells.append(shown)
    return cells


def readable(df: pd.DataFrame | pd.Series) -> tuple[pd.DataFrame, list[int]]:
    """The frame as shown: named index as columns, documents by short name (linked to their place in the article in the
    report), floats rounded, text escaped; and which columns are text (left-aligned)."""
    df = df.to_frame() if isinstance(df, pd.Series) else df
    named = any(name is not None for name in df.index.names)
    df = df.reset_index() if named else df.reset_index(drop=True)
    df.columns = [" / ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in df.columns]
    shown = pd.DataFrame(index=df.index)
    for column in df.columns:
        values = df[column]
        if column == "doc_id":  # the document by its short name; in the report, a link to the row's place in it
            shown["document" if "document" not in df.columns else column] = _documents(df)
        elif pd.api.types.is_float_dtype(values):
            shown[column] = values.round(DECIMALS)
        elif pd.api.types.is_bool_dtype(values) or pd.api.types.is_integer_dtype(values):
            shown[column] = values
        else:
            shown[column] = values.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else escape(str(v)))
    text = [i for i, c in enumerate(shown.columns)
            if not (pd.api.types.is_numeric_dtype(shown[c]) or pd.api.types.is_bool_dtype(shown[c]))]
    return shown, text


def table_html(df: pd.DataFrame | pd.Series) -> str:
    """The interactive HTML of a frame (its _repr_html_ once `enable()` ran)."""
    shown, text = readable(df)
    options = {**OPTIONS, "columnDefs": [{"className": "dt-left", "targets": text}]} if text else OPTIONS
    html = javascript.to_html_datatable(shown, table_id=f"table_{next(_ids)}", connected=False, **options)
    return _ITABLES_LINK.sub(r"\1", html)


def enable(short_names: Mapping[str, str] | None = None) -> None:
    """Load the DataTables bundle into the notebook (an output of the cell calling this) and draw every DataFrame
    and Series as an interactive table from now on; `short_names` maps doc_id to the name shown."""
    _short_names.clear()
    _short_names.update(short_names or {})
    itables.options.display_logo_when_loading = False  # the logo links to itables.org
    # What itables.init_notebook_mode(all_interactive=False, connected=False) does, less its dark-mode script: that
    # script is displayed before the bundle it awaits, so reopening a saved notebook logged a TypeError.
    javascript.set_itables_repr_html_methods(all_interactive=False)
    display(HTML(javascript.generate_init_offline_itables_html(itables.options.dt_bundle)))
    pd.DataFrame._repr_html_ = table_html
    pd.Series._repr_html_ = table_html
