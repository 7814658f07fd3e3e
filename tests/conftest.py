"""Fixtures shared by the test modules."""

import fcntl
import json
import os
import subprocess
from collections.abc import Callable
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


def _built_once(tmp_path_factory, worker_id: str, name: str, make: Callable[[Path], dict]) -> dict:
    """A session build made once per test run: under pytest-xdist the first worker to ask makes it in the run's
    folder shared by the workers, holding a lock, and the others wait and read what it made (pytest-xdist's
    documented pattern for session fixtures); without workers, in the session's folder."""
    if worker_id == "master":
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent  # .../pytest-N, above each worker's popen-gwK
    record = shared / f"{name}.json"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            (shared / name).mkdir()
            made = make(shared / name)
            run = made["run"]
            record.write_text(json.dumps({**{k: str(v) for k, v in made.items() if k != "run"},
                                          "run": [run.args, run.returncode, run.stdout, run.stderr]}))
    saved = json.loads(record.read_text())
    args, code, out, err = saved.pop("run")
    return {**{k: Path(v) for k, v in saved.items()}, "run": subprocess.CompletedProcess(args, code, out, err)}


def _hostile(root: Path) -> dict:
    """Build the hostile corpus in root."""
    corpus = hostile_metadata_corpus(root / "corpus")
    return {"root": root, "corpus": corpus, "report": root / "out" / "report", "run": cli_build(corpus, root / "out")}


def _analyst(root: Path) -> dict:
    """Build the analyst's dated corpus, with its own actors.yaml, in root."""
    corpus = dated_corpus(root / "corpus")
    (corpus / "actors.yaml").write_text(
        "actors:\n- {id: mark_hensley, name: Mark Hensley, type: person, given: [Mark], family: [Hensley]}\n",
        encoding="utf-8")
    return {"corpus": corpus, "report": root / "out" / "report", "run": cli_build(corpus, root / "out")}


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory, worker_id) -> dict:
    """The tables and report of a corpus whose text, file names, bylines and manifest values are markup, built once
    for the escaping, report and browser tests: its folder (corpus/, out/) and the finished command."""
    return _built_once(tmp_path_factory, worker_id, "hostile", _hostile)


@pytest.fixture(scope="session")
def analyst_build(tmp_path_factory, worker_id) -> dict:
    """The tables and report of a corpus holding a wire story dated "in the past week" and "last week", with the
    analyst's own actors.yaml naming its colonel (what a new user tried), built once for the report and browser tests."""
    return _built_once(tmp_path_factory, worker_id, "analyst", _analyst)
