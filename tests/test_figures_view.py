"""Notebook 03's views: HTML escaping of corpus text, and prose whose numbers come from the tables."""

import html
import re
from pathlib import Path

import pytest

from analysis.views import figures as view
from analysis import load_corpus
from analysis.pipeline import Build
from analysis.stages.dates import dates
from analysis.stages.figures import figures_by_kind, recurring_figures, sources_by_outlet

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tables(corpus, build):
    figs = build["figures"]
    return figs, sources_by_outlet(corpus, figs)


def test_corpus_text_is_escaped_and_the_figure_marked(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nThe <b>rebels</b> & allies lost 300 fighters.\n", encoding="utf-8")
    small = load_corpus(tmp_path)
    build = Build(small)
    figs = build["figures"]
    sources = sources_by_outlet(small, figs)
    html = view.figures_html(small, view.figure_list(small, figs, sources))
    assert "&lt;b&gt;rebels&lt;/b&gt; &amp; allies lost <mark title=\"count\">300</mark> fighters." in html
    assert "<b>" not in html


def plain(markdown: str) -> str:
    """Markdown output as a reader sees the words: tags dropped, entities decoded, escapes removed."""
    return re.sub(r"\\(.)", r"\1", html.unescape(re.sub(r"<[^>]+>", "", markdown)))


def test_summary_and_prose_state_the_numbers_in_the_tables(corpus, tables):
    figs, sources = tables
    summary = plain(view.summary(corpus, figs, sources))
    assert summary.startswith("The library finds **44 figures** in 5 of 5 documents (most in **003 · M. Waqas Abdullah**, 18).")
    assert "**28** are stated by the writers themselves and **16** are attributed" in summary
    topics = plain(view.topics_prose(figures_by_kind(corpus, figs)))
    assert "- **001 · Middle East Monitor**: 1 figure; most about *money* (1)." in topics
    assert "- **003 · M. Waqas Abdullah**: 17 of 18 stated by the writer; attributed: Iraqi security officials (1)." in (
        plain(view.sources_prose(sources)))
    recurring = view.recurring_prose(recurring_figures(corpus, figs), sources)
    assert '001 · Middle East Monitor writes "$ 500 billion" (hedged), attributed to Qassem Soleimani.' in plain(recurring)
    assert "$" not in recurring  # two dollar signs in one Markdown output would be typeset as TeX


def test_timeline_places_only_dates_with_a_year(corpus):
    table = dates(corpus)
    events = view.dated_events(corpus, table)
    assert len(events) == 10 and events["normalized"].str.match(r"^\d{4}").all()
    assert events.iloc[0][["as_written", "precision"]].tolist() == ["2003", "year"]
    assert "2009" not in set(events["as_written"])  # 001's masthead "since 2009" is furniture, not an event
    unplaced = view.unplaced_dates(table)
    assert len(unplaced) == len(table) - 1 - len(events) == 11
    assert set(unplaced["surface"]) >= {"22nd and 23rd of November", "Tuesday", "Two days later", "August"}
    assert "October 4, 2017" not in set(unplaced["surface"])
    prose = view.dates_prose(corpus, table, events)
    assert "**21 date expressions**; **10** carry a year" in prose
    assert prose.endswith("Left out: 1 date in page furniture (a site tagline, an author bio).")
    assert "**2** are resolved: only 1 document of 5 states its own date" in prose
