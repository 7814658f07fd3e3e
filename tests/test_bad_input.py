"""What happens when an analyst drops a bad file into the corpus folder: an error naming it, or a warned fallback."""

import shutil
from pathlib import Path

import pytest

from analysis import CorpusError, load_corpus
from analysis.stages.corpus import CorpusWarning

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = "Iraqi forces retook Rawa on Friday.\n\nThe town was the last one held by the group in Iraq.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def load_warned(folder: Path, match: str):
    """Load the folder, asserting one warning that matches."""
    with pytest.warns(CorpusWarning, match=match):
        return load_corpus(folder)


def test_empty_file_is_skipped_with_a_warning_and_listed(folder):
    (folder / "empty.txt").write_bytes(b"  \n")
    corpus = load_warned(folder, r"empty\.txt: file holds only whitespace \(skipped\)")
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert corpus.problems.to_dict("records") == [
        {"file": "empty.txt", "problem": "file holds only whitespace", "action": "skipped"}]


def test_strict_mode_raises_naming_the_file(folder):
    (folder / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match=r"^empty\.txt: file is empty$"):
        load_corpus(folder, strict=True)


def test_binary_file_is_skipped(folder):
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    corpus = load_warned(folder, r"image\.txt: binary file")
    assert "image" not in corpus.texts


def test_windows_1252_is_decoded_with_a_warning(folder):
    (folder / "cp.txt").write_bytes("The \u201cvictory\u201d of Da\u2019esh\u2019s foes.\n".encode("cp1252"))
    corpus = load_warned(folder, r"cp\.txt: not valid UTF-8 .* decoded as Windows-1252")
    assert corpus.texts["cp"] == "The \u201cvictory\u201d of Da\u2019esh\u2019s foes.\n"


def test_byte_order_mark_is_removed_and_offsets_count_from_after_it(folder):
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    corpus = load_warned(folder, r"bom\.txt: UTF-8 byte-order mark removed")
    assert corpus.texts["bom"] == ARTICLE
    first = corpus.sentences[corpus.sentences["doc_id"] == "bom"].iloc[0]
    assert (first["start"], first["text"]) == (0, "Iraqi forces retook Rawa on Friday.")


def test_crlf_line_endings_are_kept_and_offsets_stay_exact(folder):
    (folder / "crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    corpus = load_warned(folder, r"crlf\.txt: CRLF line endings kept")
    paras = corpus.paragraphs[corpus.paragraphs["doc_id"] == "crlf"]
    assert list(paras["text"]) == ["Iraqi forces retook Rawa on Friday.",
                                   "The town was the last one held by the group in Iraq."]
    text = corpus.texts["crlf"]
    assert all(text[s:e] == t for s, e, t in paras[["start", "end", "text"]].to_numpy())


def test_file_without_blank_lines_falls_back_to_line_breaks(folder):
    (folder / "lines.txt").write_text(ARTICLE.replace("\n\n", "\n"), encoding="utf-8")
    corpus = load_warned(folder, r"lines\.txt: no blank lines between paragraphs \(split paragraphs at single")
    assert len(corpus.paragraphs[corpus.paragraphs["doc_id"] == "lines"]) == 2


def test_single_block_without_any_line_break_is_one_paragraph(folder):
    (folder / "block.txt").write_text("One long paragraph. It has two sentences.", encoding="utf-8")
    corpus = load_corpus(folder)
    assert len(corpus.paragraphs[corpus.paragraphs["doc_id"] == "block"]) == 1
    assert len(corpus.sentences[corpus.sentences["doc_id"] == "block"]) == 2


def test_duplicate_file_is_skipped_naming_the_original(folder):
    shutil.copy(folder / "good.txt", folder / "zz_copy.txt")
    corpus = load_warned(folder, r"zz_copy\.txt: duplicate of good\.txt")
    assert list(corpus.documents["doc_id"]) == ["good"]


def test_manifest_row_for_a_missing_file_and_file_without_a_row(tmp_path):
    for name in ("000_d251aeb472392b04.txt", "001_b8e32a01f76ace3e.txt"):
        shutil.copy(SEEDS / name, tmp_path / name)
    (tmp_path / "manifest.csv").write_text(
        "doc_id,genre,genre_source\n000_d251aeb472392b04,opinion,reader\nmissing_doc,news,reader\n")
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(tmp_path)
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "001_b8e32a01f76ace3e.txt: no row in manifest.csv (metadata from the text only)",
        "manifest.csv: row for missing_doc, which is not a loaded .txt file (row ignored)",
    ]
    assert corpus.documents.set_index("doc_id").loc["000_d251aeb472392b04", "genre"] == "opinion"
    assert len(corpus.problems) == 2


def test_manifest_column_without_provenance_is_an_error(folder):
    (folder / "manifest.csv").write_text("doc_id,outlet\ngood,Some Paper\n")
    with pytest.raises(CorpusError, match=r"manifest\.csv: column 'outlet' has no 'outlet_source' provenance"):
        load_corpus(folder)


def test_missing_folder_and_folder_without_text_are_errors(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no readable .txt files"):
        load_corpus(tmp_path)
