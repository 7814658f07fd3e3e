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
