"""Readable views of figures and dates for notebook 03: tables with the sentence, charts, and prose built from data."""

import altair as alt
import pandas as pd

from analysis.views import charts
from analysis.stages.corpus import Corpus
from analysis.stages.dates import document_date, period_start
from analysis.stages.figures import readable_range
from analysis.views.html import NO_MATH_CLASS, escape, escape_markdown, highlight, note
from analysis.views.limits import MAX_DOCUMENTS, busiest, markdown_note



def _n(count: int, noun: str) -> str:
    """"1 figure", "3 figures"."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


_CELL = 'style="text-align:left;vertical-align:top"'


def _table(head: tuple[str, ...], rows: list[list[str]]) -> str:
    """An HTML table, left-aligned and left alone by MathJax ("$500 billion ... $2,000" is not a formula),
    from a header and rows of cells that are already HTML."""
    header = "".join(f"<th {_CELL}>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{NO_MATH_CLASS}"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def _value(row: pd.Series) -> str:
    """A figure's value for reading: "500 billion USD", "100,000 km", "0.667 fraction", "20–30"."""
    return f"{readable_range(float(row['value']), row['value_high'])} {row['unit']}".strip()


def _source_names(corpus: Corpus, figs: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each figure's source as a display name ("Qassem Soleimani", "the author")."""
    names = sources.drop_duplicates("source").set_index("source")["source_name"]
    return figs["source"].map(names).fillna(figs["source"])


def figure_list(corpus: Corpus, figs: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per figure for reading: document, figure, value, kind, topic, counted, hedged, vague, source, sentence."""
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])
    names = corpus.documents.set_index("doc_id")["short_name"]
    rows = figs.assign(
        document=figs["doc_id"].map(names),
        value_unit=figs.apply(_value, axis=1),
        source_name=_source_names(corpus, figs, sources),
        sentence_start=[sentences.loc[(d, s), "start"] for d, s in zip(figs["doc_id"], figs["sent_id"])],
        sentence_end=[sentences.loc[(d, s), "end"] for d, s in zip(figs["doc_id"], figs["sent_id"])],
    )
    return rows.sort_values(["doc_id", "start"]).reset_index(drop=True)


def figures_html(corpus: Corpus, listed: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """An HTML table per document (at most `limit`: those with the most figures) of every figure, with its sentence
    and the figure marked in it (text escaped)."""
    shown, left_out = busiest(listed, "document", limit=limit, most="figures")
    parts = [note(left_out)] if left_out else []
    for document, group in shown.groupby("document", sort=True):
        rows = []
        for row in group.itertuples():
            text = corpus.texts[row.doc_id][row.sentence_start:row.sentence_end]
            marked = highlight(text, [(row.start - row.sentence_start, row.end - row.sentence_start, row.kind)])
            flags = ", ".join(f for f, on in (("hedged", row.approximate), ("vague", row.vague)) if on)
            cells = [escape(row.surface), escape(row.value_unit), escape(row.kind), escape(row.topic),
                     escape(row.counted), escape(flags), escape(row.source_name), marked]
            rows.append(cells)
        head = ("figure", "value", "kind", "topic", "counts", "framing", "attributed to", "sentence")
        parts.append(f"<h4>{escape(document)} ({_n(len(group), 'figure')})</h4>{_table(head, rows)}")
    return f'<div class="{NO_MATH_CLASS}">' + "\n".join(parts) + "</div>"


def summary(corpus: Corpus, figs: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Markdown: how many figures, how many documents, how many the writers state themselves."""
    per_doc = figs.groupby("doc_id").size()
    by_author = int((figs["source"] == "author").sum())
    hedged, vague = int(figs["approximate"].sum()), int(figs["vague"].sum())
    busiest = escape_markdown(corpus.documents.set_index("doc_id").loc[per_doc.idxmax(), "short_name"]) if len(per_doc) else "none"
    return (
        f"The library finds **{len(figs)} figures** in {len(per_doc)} of {len(corpus.documents)} documents "
        f"(most in **{busiest}**, {per_doc.max() if len(per_doc) else 0}). "
        f"**{by_author}** are stated by the writers themselves and **{len(figs) - by_author}** are attributed to "
        f"someone they quote or report; {hedged} are hedged (\"at least\", \"around\", \"more than\") and "
        f"{vague} are vague magnitudes (\"hundreds\", \"thousands of\"), counted at the lower bound of their scale."
    )


def topics_chart(by_kind: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> alt.Chart:
    """Stacked bars: figures per document (at most `limit` documents: those with the most), coloured by what they are
    about."""
    data = by_kind.groupby(["short_name", "topic"], as_index=False)["figures"].sum().rename(columns={"short_name": "document"})
    return charts.bar(data, "document:N", "figures:Q", color="topic:N", tooltip=["document", "topic", "figures"],
                      title="What each document's figures are about", limit=limit)


def topics_prose(by_kind: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Markdown: each document's leading topic and its share of the document's figures (at most `limit` documents:
    those with the most figures)."""
    by_kind, left_out = busiest(by_kind, "short_name", "figures", limit=limit, most="figures")
    totals = by_kind.groupby("short_name")["figures"].sum()
    topics = by_kind.groupby(["short_name", "topic"])["figures"].sum().reset_index()
    lines = markdown_note(left_out)
    for short_name, group in topics.sort_values(["short_name", "figures", "topic"], ascending=[True, False, True]).groupby("short_name"):
        top = group.iloc[0]
        others = ", ".join(f"{r.topic} {r.figures}" for r in group.iloc[1:].itertuples())
        lines.append(f"- **{escape_markdown(short_name)}**: {_n(totals[short_name], 'figure')}; most about *{top.topic}* ({top.figures})"
                     + (f"; then {others}." if others else "."))
    return "\n".join(lines)


def sources_chart(sources: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> alt.Chart:
    """Stacked bars: figures per document (at most `limit` documents: those with the most) by the kind of source they
    are attributed to."""
    data = sources[["short_name", "source_name", "source_type", "figures"]].rename(
        columns={"short_name": "document", "source_name": "source"})
    return charts.bar(data, "document:N", "figures:Q", color="source_type:N",
                      tooltip=["document", "source", "source_type", "figures"],
                      title="Who the figures are attributed to", limit=limit)


def sources_prose(sources: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Markdown: per document (at most `limit`: those with the most figures), the share of figures the writer states
    and the sources named for the rest."""
    sources, left_out = busiest(sources, "short_name", "figures", limit=limit, most="figures")
    lines = markdown_note(left_out)
    for short_name, group in sources.groupby("short_name", sort=True):
        total = int(group["figures"].sum())
        own = int(group.loc[group["source_type"] == "author", "figures"].sum())
        named = [f"{escape_markdown(r.source_name)} ({r.figures})" for r in group.itertuples() if r.source_type != "author"]
        lines.append(f"- **{escape_markdown(short_name)}**: {own} of {total} stated by the writer"
                     + (f"; attributed: {', '.join(named)}." if named else "."))
    return "\n".join(lines)


def _shown_recurring(recurring: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, str]:
    """At most `limit` recurring figures (those in the most documents) and `limit` documents each (the first), with a
    note on what was left out."""
    shown, fewer_figures = busiest(recurring, "figure", limit=limit, what="recurring figures",
                                          most="documents stating them")
    capped = shown.groupby("figure", sort=False).head(limit)
    fewer_documents = (f"At most {limit} documents are listed for each figure." if len(capped) < len(shown) else "")
    return capped, " ".join(n for n in (fewer_figures, fewer_documents) if n)


def recurring_html(recurring: pd.DataFrame, sources: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """An HTML table of figures found in several documents: how each one states, hedges and attributes it (at most
    `limit` figures and `limit` documents for each)."""
    names = sources.drop_duplicates("source").set_index("source")["source_name"]
    recurring, left_out = _shown_recurring(recurring, limit)
    rows = []
    for row in recurring.itertuples():
        framing = ", ".join(f for f, on in (("hedged", row.approximate), ("vague", row.vague)) if on) or "flat"
        sentence = row.sentence
        at = sentence.find(row.surface)
        marked = highlight(sentence, [(at, at + len(row.surface))]) if at >= 0 else escape(sentence)
        cells = [escape(row.figure), escape(row.short_name), escape(row.surface), escape(framing),
                 escape(str(names.get(row.source, row.source))), marked]
        rows.append(cells)
    return note(left_out) + _table(("same figure", "document", "as written", "framing", "attributed to", "sentence"),
                                   rows)


def recurring_prose(recurring: pd.DataFrame, sources: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Markdown: for each recurring figure (at most `limit`), how many documents state it, how each (at most `limit`)
    frames it and whom they credit."""
    if recurring.empty:
        return "No figure recurs across documents."
    names = sources.drop_duplicates("source").set_index("source")["source_name"]
    n_docs = recurring.groupby("figure")["doc_id"].nunique()
    recurring, left_out = _shown_recurring(recurring, limit)
    lines = markdown_note(left_out)
    for figure, group in recurring.groupby("figure", sort=False):
        ways = "; ".join(
            f"{escape_markdown(r.short_name)} writes \"{escape_markdown(r.surface)}\" ({'hedged' if r.approximate else 'unhedged'}"
            f"{', vague' if r.vague else ''}), attributed to {escape_markdown(str(names.get(r.source, r.source)))}"
            for r in group.itertuples()
        )
        lines.append(f"- **{escape_markdown(figure)}** appears in {n_docs[figure]} documents: {ways}.")
    return "\n".join(lines)


def _has_year(dates_table: pd.DataFrame) -> pd.Series:
    """Which date expressions a calendar can place: a year stated or resolved, in any form the dates stage writes."""
    return dates_table["normalized"].map(period_start).notna()


def _story(dates_table: pd.DataFrame) -> pd.DataFrame:
    """The dates of the article itself (its publication and the events it reports), page furniture left out."""
    return dates_table[dates_table["role"] != "furniture"]


def unplaced_dates(dates_table: pd.DataFrame) -> pd.DataFrame:
    """The article's date expressions a calendar cannot place: no year, or relative and unresolved."""
    dates_table = _story(dates_table)
    rows = dates_table[~_has_year(dates_table)]
    return rows[["doc_id", "surface", "normalized", "relative", "role"]].reset_index(drop=True)


def dated_events(corpus: Corpus, dates_table: pd.DataFrame) -> pd.DataFrame:
    """The article's date expressions that can be placed on a calendar (a year stated or resolved), one row each."""
    dates_table = _story(dates_table)
    placed = dates_table[_has_year(dates_table)]
    periods = placed["normalized"].map(period_start)
    names = corpus.documents.set_index("doc_id")["short_name"]
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])["text"]
    return pd.DataFrame({
        "document": placed["doc_id"].map(names),
        "date": pd.to_datetime([first for first, _ in periods]),  # a year, month or week sits on its first day
        "as_written": placed["surface"],
        "normalized": placed["normalized"],
        "precision": [precision for _, precision in periods],
        "role": placed["role"],
        "relative": placed["relative"],
        "sentence": [sentences.loc[(d, s)] for d, s in zip(placed["doc_id"], placed["sent_id"])],
    }).sort_values(["date", "document"]).reset_index(drop=True)


def timeline_chart(events: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> alt.Chart:
    """Dated events on a time axis, one row per document (at most `limit`: those with the most), coloured by role."""
    return charts.timeline(events, "date", "document:N", color="role:N",
                           tooltip=["document", "as_written", "normalized", "precision", "role", "sentence"],
                           title="Dated events and publication dates", limit=limit)


def dates_prose(corpus: Corpus, dates_table: pd.DataFrame, events: pd.DataFrame) -> str:
    """Markdown: how many date expressions, how many placed on the timeline, how many relative ones resolved."""
    furniture = len(dates_table) - len(_story(dates_table))
    dates_table = _story(dates_table)
    relative = dates_table[dates_table["relative"]]
    resolved = int((relative["normalized"] != "").sum())
    docs = corpus.documents
    dated = sum(document_date(p, i) is not None for p, i in zip(docs["published"], docs["published_inferred"]))
    first, last = (events["normalized"].iloc[0][:10], events["normalized"].iloc[-1][:10]) if len(events) else ("-", "-")
    return (
        f"The documents hold **{_n(len(dates_table), 'date expression')}**; **{len(events)}** carry a year and are "
        f"placed below, from {first} to {last}. {len(dates_table) - len(events)} cannot be placed: a day or month "
        f"without a year, or a relative expression. Of the {_n(len(relative), 'relative expression')} "
        f"(\"on Tuesday\", \"two days later\"), **{resolved}** are resolved: only {_n(dated, 'document')} of "
        f"{len(docs)} states its own date to the day, and only against such a date is a relative one certain."
        + (f" Left out: {_n(furniture, 'date')} in page furniture (a site tagline, an author bio)." if furniture else "")
    )
