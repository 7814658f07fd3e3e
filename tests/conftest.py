"""Fixtures shared by the test modules."""

from pathlib import Path

import pytest

from analysis import Corpus, load_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """The five seed articles, loaded once per test module (they load without a warning: test_corpus checks)."""
    return load_corpus(SEEDS)
