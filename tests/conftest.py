"""Fixtures shared by the test modules."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from analysis import Corpus, load_corpus
from analysis.pipeline import Build

# CI replays the same generated examples on every run (a red run names a real regression, not a new random draw);
# a developer's runs keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """The five seed articles, loaded once per test module (they load without a warning: test_corpus checks)."""
    return load_corpus(SEEDS)


@pytest.fixture(scope="module")
def build(corpus: Corpus) -> Build:
    """One Build of the table graph over the seeds per test module: each table computed once, when asked."""
    return Build(corpus)
