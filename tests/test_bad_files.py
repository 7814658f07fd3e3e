"""Careless and hostile files in the corpus folder: nothing hangs, nothing outside the folder is read, every file
not read is a `problems` row saying why, and decoding never loses or garbles a document silently."""

import codecs
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.stages.corpus import CorpusWarning
from analysis.stages.files import decode

ARTICLE = "Iraqi forces retook Rawa on Friday.\n\nThe town was the last one held by the group in Iraq.\n"
# A byline and a headline: the metadata a wrong decoding or a lost line break would lose.
BYLINED = ("Forces retake Rawa\n\nBy Jane Doe\n\nIraqi forces retook Rawa on Friday, officials said.\n\n"
           "The People\u2019s \u201cvictory\u201d was the last one in the valley, they said.\n")


def quiet_load(folder: Path, **kwargs):
    """Load a folder, ignoring the warnings (the problems table is checked instead)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(folder, **kwargs)


def problems_of(corpus) -> dict[str, str]:
    """{file: its first problem} of a corpus's problems table."""
    return dict(reversed(list(zip(corpus.problems["file"], corpus.problems["problem"]))))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


# --- which paths are read -------------------------------------------------------------------------------------

def test_a_fifo_named_txt_is_never_opened(folder):
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block forever
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus)["pipe.txt"] == "a named pipe (FIFO), not a file"


def test_a_device_is_never_opened(folder):
    (folder / "zero.txt").symlink_to("/dev/zero")  # endless bytes; it leaves the folder, too
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus)["zero.txt"] == "symbolic link to a file outside the corpus folder (refused)"


def test_folders_links_and_loops_are_skipped_each_with_its_reason(folder, tmp_path_factory):
    (folder / "x.txt").mkdir()
    (folder / "sub").mkdir()
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "to_dir.txt").symlink_to(folder / "sub")
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("A secret that is not part of the corpus.\n")
    (folder / "escape.txt").symlink_to(outside)
    (folder / "inner.txt").symlink_to(folder / "good.txt")  # inside: read, then found to be a duplicate
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus) == {
        "dangling.txt": "symbolic link to nothing (dangling)",
        "escape.txt": "symbolic link to a file outside the corpus folder (refused)",
        "inner.txt": "duplicate of good.txt (same bytes)",
        "loop.txt": "symbolic link loop",
        "sub": "a folder (subfolders are not read)",
        "to_dir.txt": "a folder (subfolders are not read)",
        "x.txt": "a folder (subfolders are not read)",
    }
    assert "secret" not in " ".join(corpus.texts.values())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_an_unreadable_file_does_not_stop_the_others(folder):
    locked = folder / "locked.txt"
    locked.write_text(ARTICLE.replace("Rawa", "Qaim"))
    locked.chmod(0)
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus)["locked.txt"].startswith("cannot be read")


def test_an_unreadable_file_is_a_problem_row_not_a_crash(folder, monkeypatch):
    """The same as above for root, who can read a mode-0 file: the read itself fails."""
    import analysis.stages.files

    real = analysis.stages.files.read_bytes

    def refuse(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    (folder / "locked.txt").write_text(ARTICLE.replace("Rawa", "Qaim"))
    monkeypatch.setattr(analysis.stages.files, "read_bytes", refuse)
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus)["locked.txt"] == "cannot be read (Permission denied)"


def test_extensions_are_matched_whatever_their_case_and_other_files_are_listed(folder):
    (folder / "B.TXT").write_text(ARTICLE.replace("Rawa", "Qaim"))
    (folder / "c.Txt").write_text(ARTICLE.replace("Rawa", "Anah"))
    (folder / "notes.md").write_text("# notes\n")
    (folder / "page.html").write_text("<p>page</p>\n")
    (folder / "README").write_text("read me\n")
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["B", "c", "good"]
    assert problems_of(corpus) == {"README": "not a .txt file", "notes.md": "not a .txt file (extension .md)",
                                   "page.html": "not a .txt file (extension .html)"}
    assert set(corpus.problems["action"]) == {"skipped"}


def test_two_files_with_the_same_doc_id_keep_the_first(folder):
    (folder / "good.TXT").write_text(ARTICLE.replace("Rawa", "Qaim"))
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus)["good.txt"] == "doc_id 'good' already taken by good.TXT"


def test_only_skipped_files_is_an_error_naming_what_was_skipped(tmp_path):
    (tmp_path / "notes.md").write_text("# notes\n")
    with pytest.raises(CorpusError, match=r"no readable \.txt files \(1 entry skipped: notes\.md: not a \.txt file"):
        quiet_load(tmp_path)


# --- decoding -------------------------------------------------------------------------------------------------

def test_one_bad_byte_in_utf8_keeps_every_other_character(folder):
    raw = BYLINED.encode("utf-8").replace(b"Friday", b"Fri\x92day")
    (folder / "stray.txt").write_bytes(raw)
    corpus = quiet_load(folder)
    text = corpus.texts["stray"]
    assert text == BYLINED.replace("Friday", "Fri\u2019day")  # the one byte as Windows-1252, the rest as UTF-8
    at = text.index("\u2019day")
    assert problems_of(corpus)["stray.txt"] == (f"1 byte(s) not valid UTF-8 at character {at}; each decoded as "
                                                "Windows-1252, the rest as UTF-8")
    assert corpus.documents.set_index("doc_id").loc["stray", "author"] == "Jane Doe"


def test_windows_1252_file_is_read_whole(folder):
    (folder / "cp.txt").write_bytes(BYLINED.encode("cp1252"))
    corpus = quiet_load(folder)
    assert corpus.texts["cp"] == BYLINED
    assert problems_of(corpus)["cp.txt"].endswith("decoded as Windows-1252")


def test_another_8_bit_encoding_is_detected(folder):
    russian = ("Министерство обороны сообщило, что войска освободили город.\n\n"
               "Об этом сообщил представитель министерства на брифинге в Москве.\n")
    (folder / "ru.txt").write_bytes(russian.encode("cp1251"))
    corpus = quiet_load(folder)
    assert corpus.texts["ru"] == russian
    assert problems_of(corpus)["ru.txt"].endswith("decoded as cp1251 (charset-normalizer)")


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf16_and_utf32_are_read_by_their_byte_order_mark(folder, codec, bom):
    (folder / "wide.txt").write_bytes(bom + BYLINED.encode(codec))
    corpus = quiet_load(folder)
    assert corpus.texts["wide"] == BYLINED
    assert corpus.documents.set_index("doc_id").loc["wide", "author"] == "Jane Doe"
    assert problems_of(corpus)["wide.txt"].startswith(f"{codec[:6].upper()} text (byte-order mark)")


def test_a_utf8_mark_before_windows_1252_text(folder):
    (folder / "mixed.txt").write_bytes(codecs.BOM_UTF8 + BYLINED.encode("cp1252"))
    corpus = quiet_load(folder)
    assert corpus.texts["mixed"] == BYLINED
    assert corpus.documents.set_index("doc_id").loc["mixed", "author"] == "Jane Doe"
    notes = corpus.problems[corpus.problems["file"] == "mixed.txt"]["problem"].tolist()
    assert notes[0].startswith("UTF-8 byte-order mark removed")
    assert "each decoded as Windows-1252" in notes[1]


def test_decode_never_garbles_utf8_around_a_stray_byte():
    text, notes = decode("People\u2019s \u201cvictory\u201d".encode("utf-8") + b" \x81 end")
    assert text == "People\u2019s \u201cvictory\u201d \ufffd end"  # 0x81 is undefined in Windows-1252
    assert "People\u00e2\u20ac\u2122s" not in text


@pytest.mark.parametrize("raw,problem", [
    (b"", "file is empty"),
    (b" \n\t\n", "file holds only whitespace"),
    (codecs.BOM_UTF8, "no text: only a byte-order mark or whitespace"),
    (codecs.BOM_UTF16_LE, "no text: only a byte-order mark or whitespace"),
    ("\u00a0\u3000\u2028\n".encode("utf-8"), "no text: only a byte-order mark or whitespace"),
    (b"\x00" * 10, "binary file (control bytes), not text"),
    (ARTICLE.encode() * 400 + b"\x00\x01", "binary file (control bytes), not text"),  # a NUL past the first 8 KB
])
def test_files_without_text_are_skipped_and_listed(folder, raw, problem):
    (folder / "bad.txt").write_bytes(raw)
    corpus = quiet_load(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    assert problems_of(corpus) == {"bad.txt": problem}


# --- texts that load wrong without a fallback -----------------------------------------------------------------

def sentences_of(corpus, doc_id: str) -> list[tuple[str, str]]:
    """(kind, text) of a document's sentences, each checked against its offsets."""
    sents = corpus.sentences[corpus.sentences["doc_id"] == doc_id]
    text = corpus.texts[doc_id]
    assert all(text[s:e] == t for s, e, t in sents[["start", "end", "text"]].to_numpy())
    return list(zip(sents["kind"], sents["text"]))


@pytest.mark.parametrize("separator,note", [
    ("\r", "CR-only line endings read as line breaks (the text keeps them)"),
    ("\u2028", "U+2028 line separators read as line breaks (the text keeps them)"),
])
def test_old_mac_and_unicode_line_breaks_keep_paragraphs_and_the_author(folder, separator, note):
    (folder / "mac.txt").write_text(BYLINED.replace("\n", separator), encoding="utf-8", newline="")
    corpus = quiet_load(folder)
    assert corpus.texts["mac"] == BYLINED.replace("\n", separator)  # the text is the file's, offsets exact
    assert corpus.documents.set_index("doc_id").loc["mac", "author"] == "Jane Doe"
    assert sentences_of(corpus, "mac")[:2] == [("headline", "Forces retake Rawa"), ("byline", "By Jane Doe")]
    assert note in problems_of_all(corpus, "mac.txt")


def problems_of_all(corpus, file: str) -> list[str]:
    """Every problem listed for one file."""
    return corpus.problems[corpus.problems["file"] == file]["problem"].tolist()


def test_a_one_paragraph_file_is_read_as_body(folder):
    # No final full stop: not prose by the layout rules, so it was read as a headline and the text had no body.
    (folder / "one.txt").write_text("Iraqi forces retook Rawa on Friday, officials said, and the town is calm. "
                                    "The town was the last one held by the group in Iraq\n")
    corpus = quiet_load(folder)
    assert {kind for kind, _ in sentences_of(corpus, "one")} == {"body"}
    assert corpus.documents.set_index("doc_id").loc["one", "n_words"] == 25
    assert problems_of_all(corpus, "one.txt") == [
        "no body paragraph found: 1 paragraph(s) read as headline or standfirst taken as body"]


def test_a_long_line_without_punctuation_is_body_cut_into_pieces(folder):
    words = " ".join(["word"] * 200_000)  # one million characters, no full stop
    (folder / "line.txt").write_text(words + "\n")
    corpus = quiet_load(folder)
    sents = sentences_of(corpus, "line")
    assert {kind for kind, _ in sents} == {"body"}
    assert max(len(text) for _, text in sents) <= 5_000
    assert " ".join(text for _, text in sents) == words  # cut only at spaces: nothing lost
    doc = corpus.documents.set_index("doc_id").loc["line"]
    assert pd.isna(doc["title"]) and doc["n_words"] == 200_000
    assert problems_of_all(corpus, "line.txt") == [
        "first paragraph longer than 60 words: read as body, not as a headline",
        f"{len(sents) - 1} cut(s) in sentences longer than 5,000 characters (no sentence punctuation)"]


def test_control_characters_in_a_text_are_kept_and_noted(folder):
    text = ARTICLE * 300 + "A bell \x07 rang.\n"  # past the first 8 KB
    (folder / "bell.txt").write_text(text)
    corpus = quiet_load(folder)
    assert corpus.texts["bell"] == text
    assert problems_of_all(corpus, "bell.txt") == [f"1 control character(s) kept at character {text.index(chr(7))}"]


def test_warnings_are_one_line_per_kind_with_every_file_in_problems(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    for i in range(50):
        (tmp_path / f"empty{i:02d}.txt").write_bytes(b"")
    (tmp_path / "manifest.csv").write_text("doc_id,genre,genre_source\ngood,news,me\n"
                                           + "".join(f"gone{i},news,me\n" for i in range(1000)))
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(tmp_path)
    assert sorted(str(w.message) for w in caught) == [
        "50 files: file is empty (skipped): empty00.txt, empty01.txt, empty02.txt and 47 more; corpus.problems lists "
        "each",
        "manifest.csv: rows for doc_ids that are not loaded .txt files (row ignored): 1,000 of them, the first: "
        "row for gone0, which is not a loaded .txt file; corpus.problems lists each",
    ]
    assert len(corpus.problems) == 1050
