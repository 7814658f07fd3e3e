"""Per-document views trimmed for large corpora: the busiest documents kept, and a note saying what was left out."""

import re

import pandas as pd

from analysis.stages import actors
from analysis.views import actors as actor_view
from analysis.views import charts, overview
from analysis.views import figures as figures_view
from analysis.views import narratives as view
from analysis.stages.figures import figures_by_kind, recurring_figures, sources_by_outlet
from analysis.views.html import escape_markdown
from analysis.views.limits import MAX_DOCUMENTS, busiest

COUNTS = pd.DataFrame({"doc": ["a", "a", "a", "b", "c", "c"], "n": [1, 1, 1, 5, 1, 1]})


def test_busiest_keeps_the_heaviest_documents_and_says_what_it_left_out():
    by_rows, note = busiest(COUNTS, "doc", limit=2, most="mentions")
    assert sorted(set(by_rows["doc"])) == ["a", "c"]  # 3 and 2 rows; b has 1
    assert note == "The 2 of 3 documents with the most mentions are shown; the table has them all."
    by_weight, note = busiest(COUNTS, "doc", "n", limit=1)
    assert set(by_weight["doc"]) == {"b"} and "with the most n" in note  # b weighs 5, a 3, c 2


def test_busiest_leaves_small_tables_alone_and_breaks_ties_in_order():
    same, note = busiest(COUNTS, "doc", limit=3)
    assert same is COUNTS and note == ""
    tied, note = busiest(pd.DataFrame({"doc": ["z", "y", "x"]}), "doc", limit=2)
    assert list(tied["doc"]) == ["y", "x"] and "2 of 3 documents first in order" in note


def _subtitle(spec: dict | list) -> str:
    """The subtitle lines anywhere in a chart spec (a layer's or a panel's too), joined."""
    parts = spec.values() if isinstance(spec, dict) else spec if isinstance(spec, list) else []
    own = spec.get("title", {}).get("subtitle", []) if isinstance(spec, dict) and isinstance(spec.get("title"), dict) else []
    return " ".join([*own, *(s for p in parts if isinstance(p, (dict, list)) and (s := _subtitle(p)))])


def _rows(spec: dict) -> list[dict]:
    """The rows a chart embeds."""
    return next(iter(spec["datasets"].values()))


def test_a_bar_chart_of_many_documents_shows_the_largest_and_says_so():
    many = pd.DataFrame({"document": [f"d{i:02d}" for i in range(40)], "n": range(40)})
    spec = charts.bar(many, "document:N", "n:Q", title="Sizes").to_dict()
    rows = _rows(spec)
    assert len(rows) == MAX_DOCUMENTS and min(r["n"] for r in rows) == 10  # 39 down to 10
    assert spec["title"]["text"] == "Sizes"
    assert _subtitle(spec) == "The 30 of 40 documents with the most n are shown; the table has them all."


def test_actor_charts_and_prose_trim_documents(corpus):
    table = actors.mentions(corpus)
    counts = actors.mention_counts(corpus, table)
    spec = charts.actor_heatmap(counts, limit=2).to_dict()
    assert len({r["short_name"] for r in _rows(spec)}) == 2
    assert "The 2 of 5 documents with the most mentions of these actors are shown" in _subtitle(spec)
    leaders = actor_view.describe_leaders(counts, limit=2)
    assert len(re.findall(r"^- ", leaders, flags=re.M)) == 2 and "The 2 of" in leaders


def test_the_concordance_caps_lines_per_actor_and_in_all(corpus):
    contexts = actors.contexts(corpus, actors.mentions(corpus))
    spec = charts.concordance(contexts, per_actor=5, rows=12).to_dict()
    rows = _rows(spec)
    per_actor = pd.Series([r["name"] for r in rows]).value_counts()
    assert per_actor.max() == 5 and len(rows) <= 12
    assert set(spec["params"][0]["bind"]["options"]) == set(per_actor.index)  # the drop-down offers the kept actors
    assert f"{len(rows)} of {len(contexts)} mentions" in _subtitle(spec)


def test_narrative_views_trim_documents(corpus, build):
    said = view.quoted(corpus, build["quotes"])
    statements = said.groupby("document").size().sort_values(ascending=False, kind="stable")
    listing = view.quotes_html(corpus, said, limit=2)
    assert listing.count("<details>") == 2 and "The 2 of 5 documents with the most statements" in listing
    assert all(f"{doc} (" in listing for doc in statements.index[:2])
    matrix = view.stance_matrix(corpus, build["stance"])
    spec = view.stance_chart(matrix, limit=2).to_dict()
    shown = _rows(spec)
    assert len({r["document"] for r in shown}) == 2 and len({r["actor"] for r in shown}) <= 2
    assert "actors judged" in _subtitle(spec) and "documents judging them" in _subtitle(spec)
    assert view.stance_evidence_html(corpus, matrix, build["stance_evidence"], limit=2).count("<details>") == len(shown)
    words = build["vocabulary"]
    facets = view.distinctive_chart(corpus, words, limit=2).to_dict()
    assert len({r["document"] for r in _rows(facets)}) == 2
    stories = view.outlet_stories(corpus, said, build["stance"], words, pd.DataFrame(
        columns=["doc_id", "side", "epithet"]), pd.DataFrame(columns=["doc_a", "doc_b", "relation"]), limit=2)
    assert stories.startswith("*The 2 of 5 documents with the most words") and stories.count("\n\n") == 2


def test_figure_views_trim_documents_and_recurring_figures(corpus, build):
    figs = build["figures"]
    sources = sources_by_outlet(corpus, figs)
    listed = figures_view.figure_list(corpus, figs, sources)
    html = figures_view.figures_html(corpus, listed, limit=2)
    assert html.count("<h4>") == 2 and "The 2 of" in html
    spec = figures_view.topics_chart(figures_by_kind(corpus, figs), limit=2).to_dict()
    assert len({r["document"] for r in _rows(spec)}) == 2
    recurring = recurring_figures(corpus, figs)
    assert recurring["figure"].nunique() >= 2  # the seeds share several figures
    listing = figures_view.recurring_html(recurring, sources, limit=1)
    assert "The 1 of" in listing and "recurring figures" in listing
    prose = figures_view.recurring_prose(recurring, sources, limit=1)
    assert len(re.findall(r"^- ", prose, flags=re.M)) == 1


def test_corpus_sketches_trim_documents(corpus):
    profile = overview.profile(corpus)
    longest = profile.sort_values("n_words", ascending=False)["document"].head(2)
    text = overview.sketches(profile, limit=2)
    assert text.startswith("*The 2 of 5 documents with the most words are shown")
    assert text.count("\n\n") == 2 and all(f"**{escape_markdown(doc)}**" in text for doc in longest)
    assert overview.sketches(profile) == "\n\n".join(overview.sketch(row) for _, row in profile.iterrows())
