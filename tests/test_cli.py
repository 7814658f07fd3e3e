"""The main job's table step: `python -m analysis build --no-report` writes one CSV per registered table."""

import shutil
from pathlib import Path

import pandas as pd

from analysis.__main__ import main
from analysis.pipeline import WRITTEN

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_build_writes_every_table_for_another_corpus_folder(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "001_b8e32a01f76ace3e.txt", corpus)
    assert main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--no-report"]) == 0
    written = sorted(p.stem for p in (tmp_path / "out" / "tables").glob("*.csv"))
    assert written == sorted(WRITTEN)
    documents = pd.read_csv(tmp_path / "out" / "tables" / "documents.csv")
    assert list(documents["doc_id"]) == ["001_b8e32a01f76ace3e"]
    assert documents["published"].iloc[0] == "2017-11-22"
    sentences = pd.read_csv(tmp_path / "out" / "tables" / "sentences.csv")
    assert len(sentences) == 14
    progress = capsys.readouterr().err
    assert f"[1/{len(WRITTEN)}] {tmp_path / 'out' / 'tables' / 'documents'}.csv (1 rows" in progress
    assert ".staging" not in progress  # the user's output folder, never the staging folder it is written to first


ARTICLE = "Iraqi forces retook Rawa on Friday.\n\nThe town was the last one held by the group in Iraq, officials said.\n"


def test_build_reads_a_glob_and_a_file_listing_paths_by_the_loader_rules(tmp_path, capsys):
    """A glob over one folder and a listing file naming a file in another: .txt files in any case read, any other
    file and a missing path skipped as problems rows, no manifest.csv read (a list is not a folder)."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(ARTICLE)
    (first / "b.TXT").write_text(ARTICLE.replace("Rawa", "Qaim"))
    (first / "notes.md").write_text("not an article")
    (first / "manifest.csv").write_text("doc_id,genre\na,news\n")  # no genre_source: an error were it read
    (second / "c.txt").write_text(ARTICLE.replace("Rawa", "Anah"))
    listing = tmp_path / "list.txt"
    listing.write_text(f"# articles\n{second / 'c.txt'}\n\n{second / 'gone.txt'}\n")
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(first / "*"), "--files-from", str(listing), "--out", str(out),
                 "--no-report"]) == 0
    documents = pd.read_csv(out / "tables" / "documents.csv")
    assert list(documents["doc_id"]) == ["a", "b", "c"]
    problems = pd.read_csv(out / "tables" / "problems.csv")
    assert sorted(zip(problems["file"], problems["problem"])) == [
        (str(Path("first") / "manifest.csv"), "not a .txt file (extension .csv)"),
        (str(Path("first") / "notes.md"), "not a .txt file (extension .md)"),
        (str(Path("second") / "gone.txt"), "not found")]
    assert ".staging" not in capsys.readouterr().err


def test_a_glob_matching_nothing_is_one_line_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(tmp_path / "*.text"), "--out", str(out), "--no-report"]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / '*.text'}: no file matches this pattern\n"
    assert not out.exists()
