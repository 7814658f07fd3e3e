"""A bad manifest.csv is one error line naming manifest.csv, the line and the column: never a raw pandas error."""

import codecs
from pathlib import Path

import pytest

from analysis import CorpusError, load_corpus
from analysis.stages.corpus import CorpusWarning

ARTICLE = "Iraqi forces retook Rawa on Friday.\n\nThe town was the last one held by the group in Iraq.\n"
HEADER = "doc_id,genre,genre_source\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("content,message", [
    (b"", r"^manifest\.csv: file is empty$"),
    (b"\n\n", r"^manifest\.csv: file holds only whitespace$"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"^manifest\.csv: binary file \(control bytes\), not text$"),
    (HEADER.encode() + b'good,"opinion,reader\n', r"^manifest\.csv, line 2: not valid CSV \(unexpected end of data\)$"),
    (HEADER.encode() + b"good,opinion,reader,extra\n",
     r"^manifest\.csv, line 2: 4 cells, but the header has 3 columns$"),
    (HEADER.encode() + b"good,opinion\n", r"^manifest\.csv, line 2: 2 cells, but the header has 3 columns$"),
    (b"doc_id,genre,genre_source,genre\ngood,a,b,c\n",
     r"^manifest\.csv, line 1: column 'genre' appears more than once$"),
    (b"doc_id,,genre,genre_source\ngood,x,a,b\n", r"^manifest\.csv, line 1: column 2 has no name$"),
    (b"doc_id,n_words,n_words_source\ngood,lots,me\n",
     r"^manifest\.csv, line 1: column 'n_words' is computed from the text; a manifest cannot set it$"),
    (b"doc_id,published,published_source\ngood,2017-11-22,x\n\ngood2,last week,reader\n",
     r"^manifest\.csv, line 4, column 'published': 'last week' is not an ISO date"),
    (b"doc_id,published,published_source\ngood,2017-02-30,x\n",
     r"^manifest\.csv, line 2, column 'published': '2017-02-30' is not an ISO date"),
    (HEADER.encode() + b",opinion,reader\n", r"^manifest\.csv, line 2, column 'doc_id': empty$"),
    (b"genre,genre_source\nopinion,reader\n", r"^manifest\.csv: no doc_id column$"),
    (HEADER.encode() + b"good,a,b\ngood,c,d\n", r"^manifest\.csv: doc_id listed more than once: good$"),
])
def test_a_bad_manifest_is_one_line_naming_the_file_line_and_column(folder, content, message):
    (folder / "manifest.csv").write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        load_corpus(folder)


def test_a_manifest_that_is_a_folder(folder):
    (folder / "manifest.csv").mkdir()
    with pytest.raises(CorpusError, match=r"^manifest\.csv: a folder \(subfolders are not read\)$"):
        load_corpus(folder)


def test_a_manifest_linked_from_outside_is_refused(folder, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "manifest.csv"
    outside.write_text(HEADER + "good,opinion,reader\n")
    (folder / "manifest.csv").symlink_to(outside)
    with pytest.raises(CorpusError, match=r"^manifest\.csv: symbolic link to a file outside the corpus folder"):
        load_corpus(folder)


@pytest.mark.parametrize("encode", [
    lambda text: text.encode("cp1252"),
    lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
])
def test_a_manifest_in_another_encoding_is_read_and_noted(folder, encode):
    (folder / "manifest.csv").write_bytes(encode(HEADER + "good,opinion,\u201creader\u201d\n"))
    with pytest.warns(UserWarning):
        corpus = load_corpus(folder)
    assert corpus.documents.loc[0, "genre"] == "opinion"
    assert corpus.documents.loc[0, "genre_source"] == "manifest: \u201creader\u201d"
    assert list(corpus.problems["file"]) == ["manifest.csv"]


def test_quoted_cells_with_commas_and_line_breaks_are_one_cell(folder):
    (folder / "manifest.csv").write_text(HEADER + 'good,"opinion, long","a reader\nwho checked"\n')
    corpus = load_corpus(folder)
    assert corpus.documents.loc[0, "genre"] == "opinion, long"
    assert corpus.documents.loc[0, "genre_source"] == "manifest: a reader\nwho checked"


def test_a_manifest_of_many_rows_for_missing_files_is_one_warning_line_and_a_problem_row_each(folder):
    """100,000 rows naming no file (benchmarks/bench_manifest.py measures 1,000,000): one warning line for them all,
    every row in problems, in doc_id order."""
    n = 100_000
    (folder / "manifest.csv").write_text(HEADER + "good,opinion,reader\n"
                                         + "".join(f"gone{i:06d},news,me\n" for i in reversed(range(n))))
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(folder)
    assert [str(w.message) for w in caught] == [
        "manifest.csv: rows for doc_ids that are not loaded .txt files (row ignored): 100,000 of them, the first: "
        "row for gone000000, which is not a loaded .txt file; corpus.problems lists each"]
    assert len(corpus.problems) == n
    assert set(corpus.problems["file"]) == {"manifest.csv"}
    assert corpus.problems["problem"].iloc[-1] == f"row for gone{n - 1:06d}, which is not a loaded .txt file"
    assert corpus.documents.loc[0, "genre"] == "opinion"
