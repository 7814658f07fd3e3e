"""Shared set-up for the notebooks: one call at the top of each."""

import os
import warnings
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd

from analysis.pipeline import Build
from analysis.store import StoredBuild
from analysis.stages.catalogue import use_catalogue
from analysis.stages.corpus import Corpus, load_corpus
from analysis.views import charts, colours, tables

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CORPUS_ENV = "ANALYSIS_CORPUS"
TABLES_ENV = "ANALYSIS_TABLES"  # a build's OUT/tables: its Parquet tables are read instead of computed
FILES_ENV = "ANALYSIS_FILES"  # a file listing the articles' paths under $ANALYSIS_CORPUS (a build from a list or glob)

# Altair 5.5's "mimetype" renderer emits application/vnd.vegalite.v5+json, which JupyterLab 4
# draws with its own bundled Vega (no CDN) and which the report template embeds offline.
RENDERER = "mimetype"

PANDAS_OPTIONS = {
    "display.max_rows": 60,
    "display.max_columns": 30,
    "display.max_colwidth": 120,
    "display.width": 120,
    "display.precision": 3,
    # Tables quoting "$500 billion ... $2,000" must not be typeset as TeX by MathJax.
    "display.html.use_mathjax": False,
}


def corpus_path() -> Path:
    """The corpus folder the notebooks read: $ANALYSIS_CORPUS, else the project's seeds/."""
    return Path(os.environ.get(CORPUS_ENV) or PROJECT_ROOT / "seeds")


def corpus_files() -> list[str] | None:
    """The articles of a corpus given as a list of files: their paths under the corpus folder, one a line in the file
    $ANALYSIS_FILES names; None for a whole folder."""
    listing = os.environ.get(FILES_ENV)
    return Path(listing).read_text(encoding="utf-8").splitlines() if listing else None


def short_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  line: str | None = None) -> str:
    """A warning as 'Category: message', without the machine-specific file path and line."""
    return f"{category.__name__}: {message}\n"


def configure() -> None:
    """Set the chart renderer and theme and the pandas display options the notebooks share."""
    alt.renderers.enable(RENDERER, embed_options=charts.EMBED_OPTIONS)
    alt.theme.enable(charts.THEME)
    alt.data_transformers.enable(charts.THEME, max_rows=charts.MAX_ROWS)
    for option, value in PANDAS_OPTIONS.items():
        pd.set_option(option, value)
    warnings.formatwarning = short_warning


@cache
def build() -> Build:
    """The kernel's one Build of the table graph over the notebooks' corpus: each table computed once, when asked;
    with $ANALYSIS_TABLES naming a build's tables folder written with Parquet, its tables read from there."""
    tables = os.environ.get(TABLES_ENV)
    if tables and any(Path(tables).glob("*.parquet")):
        return StoredBuild(Path(tables), corpus_path(), corpus_files())
    return Build(load_corpus(corpus_path(), names=corpus_files()))


def setup() -> Corpus:
    """Configure output for offline, deterministic notebooks, choose the catalogue (the package's, with the corpus
    folder's actors.yaml or the build's --catalogue over it) and load the corpus (the one build() reads)."""
    configure()
    use_catalogue(corpus_path() if corpus_files() is None else None)  # a list's folder lends it no actors.yaml
    corpus = build().corpus
    colours.use(lambda: build()["mentions"])  # actors coloured by their mentions here, once a chart asks
    tables.enable(dict(zip(corpus.documents["doc_id"], corpus.documents["short_name"])))
    return corpus
