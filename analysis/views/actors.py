"""Actor views: mention lists in HTML and the notebook's sentences about who is named how, built from the tables.

Labels come from the texts (bylines, outlet lines) and names from an editable catalogue: all go through
escape_markdown or escape, so markup in them shows as text."""

from collections.abc import Iterable

import pandas as pd

from analysis.stages.actors import mentions
from analysis.stages.corpus import Corpus
from analysis.views.html import escape, escape_markdown, highlight
from analysis.views.limits import MAX_DOCUMENTS, busiest, markdown_note


def mentions_html(corpus: Corpus, actor_id: str, table: pd.DataFrame | None = None) -> str:
    """An HTML list of every body sentence naming an actor, the mentions highlighted (corpus text escaped)."""
    table = mentions(corpus) if table is None else table
    own = table[(table["actor_id"] == actor_id) & table["in_body"]]
    names = corpus.documents.set_index("doc_id")["short_name"]
    sents = corpus.sentences.set_index(["doc_id", "sent_id"])
    items = []
    for (doc_id, sent_id), group in own.groupby(["doc_id", "sent_id"], sort=True):
        sent = sents.loc[(doc_id, sent_id)]
        text = corpus.texts[doc_id][sent["start"]:sent["end"]]
        offset = sent["start"]
        spans = [(s - offset, e - offset, k) for s, e, k in zip(group["start"], group["end"], group["kind"])]
        items.append(f"<li><b>{escape(names[doc_id])}</b> · sentence {sent_id}: {highlight(text, spans)}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else "<p>(no body mentions)</p>"


def _md(text: str) -> str:
    """Text from the corpus or the catalogue, safe inside Markdown."""
    return escape_markdown(str(text))


def _count(n: int, noun: str) -> str:
    """'1 mention', '2 mentions'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def describe_mentions(table: pd.DataFrame) -> str:
    """Markdown: how many mentions of how many actors, by kind, and how many in body text."""
    kinds = table["kind"].value_counts()
    body = table[table["in_body"]]
    return (
        f"The catalogue finds **{_count(len(table), 'mention')}** of "
        f"**{_count(table['actor_id'].nunique(), 'actor')}** in {_count(table['doc_id'].nunique(), 'document')}: "
        f"{kinds.get('name', 0)} names, "
        f"{kinds.get('demonym', 0)} demonyms and {kinds.get('metonym', 0)} capitals standing for their governments. "
        f"{len(body)} of them are in body text ({_count(body['actor_id'].nunique(), 'actor')}); the rest are in "
        "headlines, captions, bios and source lines, and the analyses below leave them out."
    )


def describe_leaders(counts: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Markdown: the actor named most in body text, and each document's most named other actor, per 1,000 words
    (at most `limit` documents: those naming other actors most)."""
    totals = counts.groupby("name")["mentions"].sum().sort_values(ascending=False, kind="stable")
    if totals.empty:
        return "No actor is named in body text."
    first = totals.index[0]
    others, left_out = busiest(counts[(counts["name"] != first) & (counts["mentions"] > 0)], "short_name", "mentions",
                               limit=limit, most="mentions of other actors")
    lines = markdown_note(left_out) + [
        f"**{_md(first)}** is named most: {_count(totals.iloc[0], 'body mention')} in all. After it, each "
        "document's most named actor (per 1,000 body words) is:"]
    for short_name, doc in others.sort_values(["per_1000_words", "name"], ascending=[False, True]).groupby("short_name"):
        top = doc.iloc[0]
        lines.append(f"- {_md(short_name)}: **{_md(top['name'])}** ({_count(top['mentions'], 'mention')}, "
                     f"{top['per_1000_words']:.1f} per 1,000 words)")
    return "\n".join(lines)


def describe_naming(naming: pd.DataFrame, names: Iterable[str], *, limit: int = MAX_DOCUMENTS) -> str:
    """Markdown: for each named actor, the name(s) each outlet (at most `limit`: those naming it most) uses most and
    their share of its mentions."""
    lines = []
    for name in names:
        rows, left_out = busiest(naming[naming["name"] == name], "short_name", "mentions", limit=limit, most="mentions")
        parts = []
        for short_name, own in rows.groupby("short_name", sort=True):
            best = own[own["mentions"] == own["mentions"].max()].sort_values("alias")
            tie = " each" if len(best) > 1 else ""
            aliases = " = ".join(_md(alias) for alias in best["alias"])
            parts.append(f"{_md(short_name)} *{aliases}* ({best['share'].iloc[0]:.0%}{tie})")
        lines.append(f"- **{_md(name)}**: " + "; ".join(parts) + (f" ({left_out[:-1]}.)" if left_out else ""))
    return "\n".join(lines) or "No actor is named under different names by different outlets."


def divergent_names(naming: pd.DataFrame) -> list[str]:
    """Actors whose most used name differs between outlets (most mentioned first): where naming is a choice."""
    firsts = naming.sort_values(["mentions", "alias"], ascending=[False, True]).groupby(["name", "short_name"]).head(1)
    differs = firsts.groupby("name")["alias"].nunique()
    totals = naming.groupby("name")["mentions"].sum()
    chosen = differs[differs > 1].index
    return sorted(chosen, key=lambda n: (-totals[n], n))


def describe_pairs(pairs: pd.DataFrame, n: int = 5) -> str:
    """Markdown: the n pairs of actors most often named in the same sentence."""
    lines = [f"- **{_md(r.name_a)}** and **{_md(r.name_b)}**: {_count(r.sentences, 'sentence')} in "
             f"{_count(r.documents, 'document')}" for r in pairs.head(n).itertuples()]
    return "\n".join(lines) or "No two actors are named in the same sentence."


def describe_unique(unique: pd.DataFrame) -> str:
    """Markdown: how many actors only one outlet names, per outlet, with the most mentioned of them."""
    if unique.empty:
        return "No actor is named by one outlet only."
    lines = [f"**{_count(len(unique), 'actor')}** named by one outlet only:"]
    for short_name, rows in unique.groupby("short_name", sort=True):
        top = rows.sort_values(["mentions", "name"], ascending=[False, True]).head(3)
        names = ", ".join(f"{_md(r.name)} ({r.mentions})" for r in top.itertuples())
        lines.append(f"- {_md(short_name)}: {len(rows)}, most named {names}")
    return "\n".join(lines)
