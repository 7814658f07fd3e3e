"""Comparative news analysis: a corpus of articles as tidy pandas tables."""

from analysis.stages.corpus import Corpus, CorpusError, load_corpus

__all__ = ["Corpus", "CorpusError", "load_corpus"]
