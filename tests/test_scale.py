"""Every notebook runs on a corpus larger than its per-document views show, and says what those views leave out."""

from pathlib import Path

import pytest

from analysis.views.limits import MAX_DOCUMENTS
from notebook_factory import cli_build

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def larger_build(tmp_path_factory) -> dict:
    """The report of the seed articles copied until there are more documents than a view shows (each copy's bytes
    differ), built by the command line."""
    root = tmp_path_factory.mktemp("larger")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    copies = MAX_DOCUMENTS // len(seeds) + 2
    for copy in range(copies):
        for seed in seeds:
            (root / "corpus").mkdir(exist_ok=True)
            (root / "corpus" / f"{copy:02d}_{seed.name}").write_bytes(seed.read_bytes() + b"\n" * (copy + 1))
    return {"documents": copies * len(seeds), "report": root / "out" / "report",
            "run": cli_build(root / "corpus", root / "out")}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_on_more_documents_than_its_views_show(path, larger_build):
    assert larger_build["run"].returncode == 0, larger_build["run"].stderr[-2000:]
    page = (larger_build["report"] / f"{path.stem}.html").read_text(encoding="utf-8")
    assert "could not be computed" not in page
    assert f"The {MAX_DOCUMENTS} of {larger_build['documents']} documents" in page  # every notebook trims a view
