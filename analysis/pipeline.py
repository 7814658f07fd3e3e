"""The tables the main job writes: one entry per table, each a pure function of the corpus."""

from collections.abc import Callable

import pandas as pd

from analysis.stages import actors, dates, figures, quotes, reuse, stance, vocabulary
from analysis.stages.corpus import Corpus

TABLES: dict[str, Callable[[Corpus], pd.DataFrame]] = {
    "documents": lambda corpus: corpus.documents,
    "paragraphs": lambda corpus: corpus.paragraphs,
    "sentences": lambda corpus: corpus.sentences,
    "spans": lambda corpus: corpus.spans,
    "problems": lambda corpus: corpus.problems,
    "quotes": quotes.quotes,
    "stance": stance.stance,
    "stance_evidence": stance.evidence,
    "copies": reuse.copies,
    "reuse": lambda corpus: reuse.reuse(corpus, copied := reuse.copies(corpus),
                                        reuse.shared_sentences(corpus, quotes.quotes(corpus), copied)),
    "vocabulary": lambda corpus: vocabulary.vocabulary(corpus, mentions=actors.mentions(corpus)),
    "labels": vocabulary.labels,
    "figures": figures.figures,
    "dates": dates.dates,
    "recurring_figures": figures.recurring_figures,
    "mentions": actors.mentions,
    "actors": lambda corpus: actors.catalogue(),
    "candidates": actors.candidates,
}


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Compute every registered table for the corpus, in registration order."""
    return {name: make(corpus) for name, make in TABLES.items()}
