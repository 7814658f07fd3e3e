"""Every notebook runs on a corpus larger than its per-document views show, and says what those views leave out."""

from pathlib import Path

import pytest

from analysis.views.limits import MAX_DOCUMENTS
from analysis.views.report import execute

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def larger_corpus(tmp_path_factory) -> Path:
    """The seed articles copied until there are more documents than a view shows (each copy's bytes differ)."""
    folder = tmp_path_factory.mktemp("larger")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    copies = MAX_DOCUMENTS // len(seeds) + 2
    for copy in range(copies):
        for seed in seeds:
            (folder / f"{copy:02d}_{seed.name}").write_bytes(seed.read_bytes() + b"\n" * (copy + 1))
    return folder


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_on_more_documents_than_its_views_show(path, larger_corpus):
    n_docs = len(list(larger_corpus.glob("*.txt")))
    outputs = str([c.outputs for c in execute(path, larger_corpus).cells if c.cell_type == "code"])  # raises on error
    assert f"The {MAX_DOCUMENTS} of {n_docs} documents" in outputs  # every notebook trims some per-document view
