"""How much of a corpus a per-document view shows: the busiest documents, and a note on what was left out.

A chart or listing with one row per document is unreadable (and too large to embed) for hundreds of documents;
the tables keep everything, and every view that trims says so in words.
"""

import pandas as pd

MAX_DOCUMENTS = 30  # a per-document chart or listing shows at most this many documents


def busiest(df: pd.DataFrame, key: str, weight: str | None = None, *, limit: int = MAX_DOCUMENTS,
            what: str = "documents", most: str = "") -> tuple[pd.DataFrame, str]:
    """The rows of the `limit` values of df[key] with the largest total weight (rows counted without a weight
    column; ties in key order), and a note saying what was left out ("" when nothing was): "The 30 of 775
    {what} with the most {most} are shown"."""
    totals = df.groupby(key, sort=True).size() if weight is None else df.groupby(key, sort=True)[weight].sum()
    if len(totals) <= limit:
        return df, ""
    keep = totals.sort_values(ascending=False, kind="stable").index[:limit]
    ranking = " first in order" if totals.nunique() == 1 else f" with the most {most or weight or 'rows'}"
    return df[df[key].isin(keep)], f"The {limit} of {len(totals)} {what}{ranking} are shown; the table has them all."


def markdown_note(left_out: str) -> list[str]:
    """The note as the opening line of some Markdown, in italics: [] when nothing was left out."""
    return [f"*{left_out}*\n"] if left_out else []
