"""The command line speaks plainly: one-line errors (exit 2) for bad input, --help with defaults, an output folder
that is replaced whole or not at all, and spreadsheet-safe CSV on request."""

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis.__main__ as cli
from analysis.output import spreadsheet_safe, staged, write_csv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Iraqi forces retook Rawa on Friday.\n\nThe town was the last one held by the group in Iraq.\n"


def run(*args: str) -> subprocess.CompletedProcess:
    """python -m analysis with the arguments, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("make,message", [
    (lambda tmp: tmp / "nope", r"^error: .*/nope: corpus folder not found$"),
    (lambda tmp: tmp, r"^error: .*: no readable \.txt files$"),
    (lambda tmp: (tmp / "a.txt").write_text(ARTICLE) and tmp / "a.txt",
     r"^error: .*/a\.txt: is a file; the corpus is the folder holding the \.txt files$"),
    (lambda tmp: (tmp / "manifest.csv").write_text("doc_id,genre\n") and (tmp / "a.txt").write_text(ARTICLE) and tmp,
     r"^error: manifest\.csv: column 'genre' has no 'genre_source' provenance column$"),
])
def test_bad_corpus_paths_are_one_line_errors_with_exit_2(tmp_path, make, message, capsys):
    corpus = make(_mkdir(tmp_path / "in"))
    assert cli.main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--no-report"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and re.match(message, err), err
    assert not (tmp_path / "out" / "tables").exists()


def test_as_a_user_runs_it_an_error_is_one_line_without_a_traceback(tmp_path):
    done = run("build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert (done.returncode, done.stderr) == (2, f"error: {tmp_path / 'nope'}: corpus folder not found\n")


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_help_shows_the_defaults(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["build", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "(default: build)" in text and "seeds)" in text and "--csv-safe" in text


def test_a_failed_build_leaves_the_previous_output_and_says_so(tmp_path, monkeypatch, capsys):
    corpus = _mkdir(tmp_path / "corpus")
    (corpus / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    (out / "tables" / "quotes.csv").write_text("previous\n")
    (out / "report").mkdir()
    (out / "report" / "index.html").write_text("previous report\n")

    def half_then_crash(corpus_dir, stage, csv_safe=False, **engine_options):
        (stage / "tables").mkdir()
        (stage / "tables" / "documents.csv").write_text("new\n")
        raise MemoryError("out of memory in the middle of the tables")

    monkeypatch.setattr(cli, "write_tables", half_then_crash)
    assert cli.main(["build", "--corpus", str(corpus), "--out", str(out)]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"error: the build failed (MemoryError: out of memory in the middle of the tables); the previous output in "
        f"{out} is unchanged (--debug shows the traceback)")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "report", "report/index.html", "tables", "tables/quotes.csv"]
    assert (out / "tables" / "quotes.csv").read_text() == "previous\n"


def test_a_successful_build_replaces_tables_and_report_whole(tmp_path):
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    (out / "tables" / "old_table.csv").write_text("previous\n")
    (out / "notes.txt").write_text("the analyst's own file, kept\n")
    with staged(out, ("tables", "report")) as stage:
        (stage / "tables").mkdir()
        (stage / "tables" / "documents.csv").write_text("new\n")
        (stage / "report").mkdir()
        (stage / "report" / "index.html").write_text("new\n")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "notes.txt", "report", "report/index.html", "tables", "tables/documents.csv"]


def test_spreadsheet_safe_csv_prefixes_formula_cells_only_on_request(tmp_path):
    frame = pd.DataFrame({"doc_id": ["=HYPERLINK(1)", "ok"], "text": ["+1 and more", "@SUM(A1)"],
                          "note": ["-2 dead", "fine = fine"], "value": [-5, 3], "missing": [None, "\tTAB"]})
    write_csv(frame, tmp_path / "exact.csv")
    write_csv(frame, tmp_path / "safe.csv", csv_safe=True)
    exact = pd.read_csv(tmp_path / "exact.csv", keep_default_na=False)
    safe = pd.read_csv(tmp_path / "safe.csv", keep_default_na=False)
    assert list(exact["doc_id"]) == ["=HYPERLINK(1)", "ok"]
    assert list(safe["doc_id"]) == ["'=HYPERLINK(1)", "ok"]
    assert list(safe["text"]) == ["'+1 and more", "'@SUM(A1)"]
    assert list(safe["note"]) == ["'-2 dead", "fine = fine"]
    assert list(safe["value"]) == [-5, 3]  # numbers stay numbers
    assert list(safe["missing"]) == ["", "'\tTAB"]
    assert spreadsheet_safe(frame) is not frame and frame.loc[0, "doc_id"] == "=HYPERLINK(1)"
