"""Committed notebooks: outputs computed from the committed code, top to bottom, with no machine paths."""

import re
from pathlib import Path

import nbformat
import pytest

from analysis.views.report import STAMP, source_sha256, stale_reasons

# A URL that a page would fetch (src, href, an import), not one written as text.
OUTSIDE = re.compile(r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//|\bimport\b[^;]*["']https?:""", re.IGNORECASE)
NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebook_is_fresh(path):
    reasons = stale_reasons(nbformat.read(path, as_version=4))
    assert not reasons, f"{path.name}: " + "; ".join(reasons) + f". Re-run it: make notebooks (or .venv/bin/python -m analysis.views.report execute notebooks/{path.name})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_starts_with_the_shared_setup(path):
    first = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert re.search(r"^from analysis\.views\.notebook import (?:.*, )?setup\b", first.source, re.M) and "setup()" in first.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_outputs_need_no_network(path):
    """The only scripts are the interactive tables' (itables, offline: its bundle is an output of the first cell)."""
    nb = nbformat.read(path, as_version=4)
    html = [out["data"]["text/html"] for c in nb.cells if c.cell_type == "code" for out in c.outputs
            if "text/html" in out.get("data", {})]
    assert not [h[:200] for h in html if OUTSIDE.search(h) or "cdn." in h.lower() or "unpkg" in h.lower()]


def _fresh() -> nbformat.NotebookNode:
    """A notebook as `make notebooks` leaves it."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell("x = 1", execution_count=1),
        nbformat.v4.new_code_cell("x", execution_count=2, outputs=[
            nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=2)]),
    ])
    nb.metadata[STAMP] = {"source_sha256": source_sha256(nb)}
    return nb


def test_a_fresh_notebook_passes():
    assert stale_reasons(_fresh()) == []


def test_edited_code_without_a_rerun_is_stale_but_edited_prose_is_not():
    nb = _fresh()
    nb.cells[0].source = "# Another title"
    assert stale_reasons(nb) == []
    nb.cells[1].source = "x = 2"
    assert stale_reasons(nb) == ["its code is not the code its outputs were computed from"]


def test_unstamped_out_of_order_erroring_and_timestamped_runs_are_reported():
    nb = _fresh()
    del nb.metadata[STAMP]
    nb.cells[1].execution_count = 3
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="NameError", evalue="y", traceback=[])]
    nb.cells[2].metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    assert stale_reasons(nb) == [
        "it was not executed with `make notebooks`, so nothing records what code made its outputs",
        "its cells were not run once each, top to bottom, in a fresh kernel",
        "a cell shows an error",
        "cells carry execution timestamps",
    ]


@pytest.mark.parametrize("text, found", [
    ("PosixPath('/work/main/seeds')", "/work/main/seeds"),
    ("UserWarning at /tmp/ipykernel_4242/123.py:3", "/tmp/ipykernel_4242/123.py:3"),
    ("C:\\Users\\ana\\seeds", "C:\\\\Users\\\\ana\\\\seeds"),
])
def test_machine_specific_paths_in_outputs_are_reported(text, found):
    nb = _fresh()
    nb.cells[2].outputs[0]["data"]["text/plain"] = text
    assert stale_reasons(nb) == [f"it shows machine-specific paths: {found}"]
