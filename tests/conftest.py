"""Fixtures shared by the test modules."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from analysis import Corpus, load_corpus
from analysis.pipeline import Build
from notebook_factory import cli_build, dated_corpus, hostile_metadata_corpus

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


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> dict:
    """The tables and report of a corpus whose text, file names, bylines and manifest values are markup, built once
    for the escaping, report and browser tests: its folder (corpus/, out/) and the finished command."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = hostile_metadata_corpus(root / "corpus")
    return {"root": root, "corpus": corpus, "report": root / "out" / "report", "run": cli_build(corpus, root / "out")}


@pytest.fixture(scope="session")
def analyst_build(tmp_path_factory) -> dict:
    """The tables and report of a corpus holding a wire story dated "in the past week" and "last week", with the
    analyst's own actors.yaml naming its colonel (what a new user tried), built once for the report and browser tests."""
    root = tmp_path_factory.mktemp("analyst")
    corpus = dated_corpus(root / "corpus")
    (corpus / "actors.yaml").write_text(
        "actors:\n- {id: mark_hensley, name: Mark Hensley, type: person, given: [Mark], family: [Hensley]}\n",
        encoding="utf-8")
    return {"corpus": corpus, "report": root / "out" / "report", "run": cli_build(corpus, root / "out")}
