"""Shared set-up for the notebooks: one call at the top of each."""

import os
from pathlib import Path

import altair as alt
import pandas as pd

from analysis.corpus import Corpus, load_corpus

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_ENV = "ANALYSIS_CORPUS"


def corpus_path() -> Path:
    """The corpus folder the notebooks read: $ANALYSIS_CORPUS, else the project's seeds/."""
    return Path(os.environ.get(CORPUS_ENV) or PROJECT_ROOT / "seeds")


def setup() -> Corpus:
    """Configure pandas and Altair for offline, deterministic output and load the corpus."""
    alt.renderers.enable("mimetype")
    alt.data_transformers.disable_max_rows()
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 60)
    return load_corpus(corpus_path())
