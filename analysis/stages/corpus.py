"""Load a folder of articles into tidy tables: documents, paragraphs, sentences and labelled spans.

Bad input never disappears silently: each problem is either an error naming the file
(``strict=True``) or a documented fallback, reported with a warning and listed in ``corpus.problems``.
"""

import hashlib
import warnings
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.stages import metadata
from analysis.stages.segment import BODY, Span, segment, word_count

MANIFEST = "manifest.csv"
_CONTROL = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))  # control bytes no text file has (tab, newlines ok)
PROBLEM_COLUMNS = ["file", "problem", "action"]
# Each table's columns and their dtypes; tables are built column by column (several times faster than from rows).
PARAGRAPH_COLUMNS = {"doc_id": "str", "para_id": "int64", "start": "int64", "end": "int64", "text": "str",
                     "label": "str", "in_body": "bool"}
SENTENCE_COLUMNS = {"doc_id": "str", "sent_id": "int64", "para_id": "int64", "start": "int64", "end": "int64",
                    "text": "str", "label": "str", "in_body": "bool"}
SPAN_COLUMNS = {"doc_id": "str", "start": "int64", "end": "int64", "label": "str"}


class CorpusError(ValueError):
    """A corpus file or manifest that cannot be used, with the file named in the message."""


class CorpusWarning(UserWarning):
    """A corpus file that was loaded with a documented fallback, or skipped."""


@dataclass
class Corpus:
    """A loaded corpus: the decoded texts and the tables derived from them."""

    root: Path
    texts: dict[str, str]
    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    spans: pd.DataFrame
    problems: pd.DataFrame

    def sentence_of(self, doc_id: str, offsets) -> np.ndarray:
        """The sent_id of the sentence containing (or, between sentences, preceding) each character offset."""
        sents = self.sentences[self.sentences["doc_id"] == doc_id]
        return sents["sent_id"].to_numpy()[locate(sents["start"], offsets)]


def locate(starts, offsets) -> np.ndarray:
    """For each offset, the position of the last span (spans sorted by start) starting at or before it; 0 before all."""
    return np.clip(np.searchsorted(np.asarray(starts), np.asarray(offsets), side="right") - 1, 0, None)


def decode(path: Path, raw: bytes) -> tuple[str, list[str]]:
    """Decode a file's bytes as UTF-8 (BOM removed), else Windows-1252; return the text and fallback notes."""
    if not raw.strip():
        raise CorpusError(f"{path.name}: file is empty")
    head = raw[:8192]
    if b"\x00" in head or len(head) - len(head.translate(None, _CONTROL)) > 8:
        raise CorpusError(f"{path.name}: binary file (control bytes), not text")
    notes = []
    if raw.startswith(b"\xef\xbb\xbf"):
        notes.append("UTF-8 byte-order mark removed; offsets count from the first character after it")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise CorpusError(f"{path.name}: neither UTF-8 nor Windows-1252 text ({err})") from None
        notes.append(f"not valid UTF-8 ({err.reason} at byte {err.start}); decoded as Windows-1252")
    if "\r\n" in text:
        notes.append("CRLF line endings kept; offsets count the \\r characters")
    return text, notes


def read_manifest(root: Path) -> pd.DataFrame:
    """The optional manifest of facts the texts cannot give (one row per doc_id), or an empty table."""
    path = root / MANIFEST
    if not path.exists():
        return pd.DataFrame({"doc_id": pd.Series(dtype="str")})
    manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "doc_id" not in manifest.columns:
        raise CorpusError(f"{path.name}: no doc_id column")
    dupes = manifest["doc_id"][manifest["doc_id"].duplicated()].tolist()
    if dupes:
        raise CorpusError(f"{path.name}: doc_id listed more than once: {', '.join(dupes)}")
    for column in manifest.columns:
        if column != "doc_id" and not column.endswith("_source") and f"{column}_source" not in manifest.columns:
            raise CorpusError(f"{path.name}: column '{column}' has no '{column}_source' provenance column")
    return manifest


Columns = dict[str, list]


def document_tables(doc_id: str, text: str) -> tuple[dict, Columns, Columns, Columns, bool]:
    """Metadata row, and paragraph, sentence and span columns for one document (a pure function)."""
    paragraphs, sentences, fallback = segment(text)
    flat = [s for para in sentences for s in para]
    paras = {"para_id": list(range(len(paragraphs))), **_columns(doc_id, paragraphs, text)}
    sents = {"sent_id": list(range(len(flat))), "para_id": [i for i, para in enumerate(sentences) for _ in para],
             **_columns(doc_id, flat, text)}
    spans = _columns(doc_id, _cover(text, flat))
    found = {
        "title": metadata.title(text, flat),
        "author": metadata.author(text, flat),
        "outlet": metadata.outlet(text, flat),
        "via": metadata.via(text, flat),
    }
    date, inferred = metadata.published(text, flat)
    row = dict(doc_id=doc_id)
    for key, f in found.items():
        row[key], row[f"{key}_evidence"] = f.value, f.evidence
    body = [s for s in flat if s.label == BODY]
    row.update(
        published=date.value, published_inferred=inferred if date.value else None, published_evidence=date.evidence,
        body_start=body[0].start if body else None, body_end=body[-1].end if body else None,
        n_words=word_count(" ".join(t for t, in_body in zip(sents["text"], sents["in_body"]) if in_body)),
        n_chars=len(text), boilerplate_chars=sum(s.end - s.start for s in flat if s.label != BODY),
    )
    return row, paras, sents, spans, fallback


def _columns(doc_id: str, spans: list[Span], text: str | None = None) -> Columns:
    """doc_id, start, end and label columns of labelled spans, plus text and in_body when the text is given."""
    starts, ends, labels = (list(column) for column in zip(*spans)) if spans else ([], [], [])
    columns = {"doc_id": [doc_id] * len(spans), "start": starts, "end": ends, "label": labels}
    if text is not None:
        columns |= {"text": [text[s:e] for s, e in zip(starts, ends)], "in_body": [lab == BODY for lab in labels]}
    return columns


def _cover(text: str, sentences: list[Span]) -> list[Span]:
    """Spans covering every character once: the labelled sentences and the whitespace between them."""
    spans, pos = [], 0
    for s in sentences:
        if pos < s.start:
            spans.append(Span(pos, s.start, "space"))
        spans.append(s)
        pos = s.end
    return spans + [Span(pos, len(text), "space")] if pos < len(text) else spans


def _frame(parts: list[Columns], schema: dict[str, str]) -> pd.DataFrame:
    """One table from every document's columns, with the schema's column order and dtypes."""
    columns = {name: list(chain.from_iterable(part[name] for part in parts)) for name in schema}
    return pd.DataFrame({  # numpy arrays for numbers and flags: pandas takes them without converting each value
        name: pd.array(columns[name], dtype=dtype) if dtype == "str" else np.array(columns[name], dtype=dtype)
        for name, dtype in schema.items()
    }, copy=False)


def load_corpus(path: str | Path = "seeds", strict: bool = False) -> Corpus:
    """Load every .txt file in a folder (and its manifest.csv) into a Corpus, sorted by doc_id."""
    root = Path(path)
    if not root.is_dir():
        raise CorpusError(f"{root}: corpus folder not found")
    problems: list[dict] = []

    def problem(file: str, what: str, action: str) -> None:
        if strict:
            raise CorpusError(f"{file}: {what}")
        warnings.warn(f"{file}: {what} ({action})", CorpusWarning, stacklevel=3)
        problems.append(dict(file=file, problem=what, action=action))

    texts, raw_hashes, tables = {}, {}, []
    for file in sorted(root.glob("*.txt")):
        raw = file.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest in raw_hashes:
            problem(file.name, f"duplicate of {raw_hashes[digest]}.txt (same bytes)", "skipped")
            continue
        try:
            text, notes = decode(file, raw)
        except CorpusError as err:
            problem(file.name, str(err).split(": ", 1)[1], "skipped")
            continue
        raw_hashes[digest] = file.stem
        for note in notes:
            problem(file.name, note, "loaded")
        row, paras, sents, spans, fallback = document_tables(file.stem, text)
        row["sha256"] = digest
        if fallback:
            problem(file.name, "no blank lines between paragraphs", "split paragraphs at single line breaks")
        texts[file.stem] = text
        tables.append((row, paras, sents, spans))
    if not texts:
        raise CorpusError(f"{root}: no readable .txt files")
    documents = _with_manifest(pd.DataFrame([t[0] for t in tables]), read_manifest(root), problem)
    return Corpus(
        root=root,
        texts=texts,
        documents=documents,
        paragraphs=_frame([t[1] for t in tables], PARAGRAPH_COLUMNS),
        sentences=_frame([t[2] for t in tables], SENTENCE_COLUMNS),
        spans=_frame([t[3] for t in tables], SPAN_COLUMNS),
        problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS),
    )


def _with_manifest(documents: pd.DataFrame, manifest: pd.DataFrame, problem) -> pd.DataFrame:
    """Documents with manifest facts added (each with its provenance) and a short display label."""
    for doc_id in sorted(set(manifest["doc_id"]) - set(documents["doc_id"])):
        problem(MANIFEST, f"row for {doc_id}, which is not a loaded .txt file", "row ignored")
    for doc_id in sorted(set(documents["doc_id"]) - set(manifest["doc_id"])) if len(manifest.columns) > 1 else []:
        problem(f"{doc_id}.txt", f"no row in {MANIFEST}", "metadata from the text only")
    docs = documents.set_index("doc_id")
    for _, row in manifest[manifest["doc_id"].isin(docs.index)].iterrows():
        for column in (c for c in manifest.columns if c != "doc_id" and not c.endswith("_source")):
            if not row[column]:
                continue
            evidence = f"{column}_evidence" if f"{column}_evidence" in docs.columns else f"{column}_source"
            if column == "published":
                docs.loc[row["doc_id"], "published_inferred"] = True
            docs.loc[row["doc_id"], column] = row[column]
            docs.loc[row["doc_id"], evidence] = f"manifest: {row[f'{column}_source']}"
    docs = docs.reset_index()
    name = docs["outlet"].fillna(docs["author"]).fillna("unknown source")
    docs["label"] = short_ids(docs["doc_id"]) + " · " + name
    return docs


def short_ids(doc_ids: pd.Series) -> pd.Series:
    """Each doc_id's part before its first "_" ("000_d251..." -> "000"), or the whole doc_id if those are not unique."""
    prefixes = doc_ids.str.split("_", n=1).str[0].where(lambda p: p != "", doc_ids)
    return prefixes if prefixes.is_unique else doc_ids
