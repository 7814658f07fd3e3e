"""Load a folder of articles into tidy tables: documents, paragraphs, sentences and spans (each of a kind: body or page furniture).

Bad input never disappears silently: each problem is either an error naming the file
(``strict=True``) or a documented fallback, reported with a warning and listed in ``corpus.problems``.
"""

import glob
import hashlib
import os
import re
import warnings
from collections import namedtuple
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.stages import files, metadata
from analysis.stages.files import CorpusError
from analysis.stages.manifest import MANIFEST, no_manifest, read_manifest
from analysis.stages.segment import BODY, Span, has_words, segment, word_count

PROBLEM_COLUMNS = ["file", "problem", "action"]
MAX_WARNED_FILES = 3  # files named in the one warning line per kind of problem; corpus.problems lists them all
# Line breaks the segmenter does not know, read as "\n" (one character for one, so offsets stay those of the text).
_LONE_CR = re.compile(r"\r(?!\n)")
_OTHER_BREAKS = {"\u2028": "U+2028 line separators", "\u2029": "U+2029 paragraph separators",
                 "\x85": "U+0085 next-line characters", "\v": "vertical tabs", "\f": "form feeds"}
_AS_NEWLINE = str.maketrans(dict.fromkeys(_OTHER_BREAKS, "\n"))
MAX_SENTENCE_CHARS = 5_000  # a longer "sentence" (a line without punctuation) is cut at whitespace below this
MAX_HEADLINE_WORDS = 60  # a longer first paragraph is no headline: read as body
LEAD_KINDS = ("headline", "standfirst")  # what a text with no body paragraph was read as, instead of body
# Each table's columns and their dtypes; tables are built column by column (several times faster than from rows).
PARAGRAPH_COLUMNS = {"doc_id": "str", "para_id": "int64", "start": "int64", "end": "int64", "text": "str",
                     "kind": "str", "in_body": "bool"}
SENTENCE_COLUMNS = {"doc_id": "str", "sent_id": "int64", "para_id": "int64", "start": "int64", "end": "int64",
                    "text": "str", "kind": "str", "in_body": "bool"}
SPAN_COLUMNS = {"doc_id": "str", "start": "int64", "end": "int64", "kind": "str"}


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
    _rows: dict[str, tuple[pd.DataFrame, dict[str, list]]] = field(default_factory=dict, init=False, repr=False,
                                                                   compare=False)

    def rows(self, table: str) -> dict[str, list]:
        """doc_id -> that document's rows of one of the corpus's tables ("sentences", "paragraphs") in the table's
        order, as rows_by_document makes them: made once per table the corpus holds, as several stages read them
        (made again if the table is replaced; do not change the lists)."""
        frame = getattr(self, table)
        if table not in self._rows or self._rows[table][0] is not frame:
            self._rows[table] = (frame, rows_by_document(frame))
        return self._rows[table][1]

    def sentence_of(self, doc_id: str, offsets) -> np.ndarray:
        """The sent_id of the sentence containing (or, between sentences, preceding) each character offset."""
        sents = self.sentences[self.sentences["doc_id"] == doc_id]
        return sents["sent_id"].to_numpy()[locate(sents["start"], offsets)]


def rows_by_document(table: pd.DataFrame) -> dict[str, list]:
    """doc_id -> that document's rows of a table, in the table's order, as named tuples of its columns: one pass
    over the whole table (one tuple class), where a DataFrame per document would cost more than its few rows."""
    row = namedtuple("Row", table.columns, rename=True)  # as itertuples(name="Row") makes it, from plain lists
    grouped: dict[str, list] = {}
    for doc_id, values in zip(table["doc_id"].tolist(), zip(*(table.iloc[:, k].tolist() for k in range(table.shape[1])))):
        grouped.setdefault(doc_id, []).append(row._make(values))
    return grouped


def offsets_by_document(table: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """doc_id -> that document's (start, end) offsets of a table, in the table's order, with its doc_ids in order of
    first appearance: one pass over three columns, where a groupby would build a frame per document."""
    grouped: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in zip(table["doc_id"].tolist(), table["start"].tolist(), table["end"].tolist()):
        grouped.setdefault(doc_id, []).append((start, end))
    return grouped


def locate(starts, offsets) -> np.ndarray:
    """For each offset, the position of the last span (spans sorted by start) starting at or before it; 0 before all."""
    return np.clip(np.searchsorted(np.asarray(starts), np.asarray(offsets), side="right") - 1, 0, None)


@dataclass
class Problems:
    """Every file that needed a fallback or was skipped: one row each (kept as columns, so a manifest's million rows
    for missing files cost three list entries each), and one warning line per kind of problem."""

    strict: bool = False
    columns: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in PROBLEM_COLUMNS})
    kinds: list[str] = field(default_factory=list)

    def add(self, file: str, problem: str, action: str, kind: str = "") -> None:
        """Record a problem (kind: what groups it with others in the warning; default the problem itself); strict:
        raise it as a CorpusError instead."""
        self.extend(file, [problem], action, kind)

    def extend(self, file: str, problems: list[str], action: str, kind: str = "") -> None:
        """Record several problems of one file with the same action, as add() does one."""
        if self.strict and problems:
            raise CorpusError(f"{file}: {problems[0]}")
        self.columns["file"] += [file] * len(problems)
        self.columns["problem"] += problems
        self.columns["action"] += [action] * len(problems)
        self.kinds += [kind] * len(problems) if kind else problems

    def __len__(self) -> int:
        return len(self.kinds)

    def first(self, n: int) -> list[str]:
        """The first n problems, each as "file: problem"."""
        return [f"{f}: {p}" for f, p in zip(self.columns["file"][:n], self.columns["problem"][:n])]

    def warn(self) -> None:
        """One CorpusWarning per kind of problem: the file and problem when alone; else a count and a few files, or
        when every one is about the same file (a manifest's rows), that file, the count and the first problem."""
        groups: dict[tuple[str, str], list] = {}  # (kind, action) -> [count, first rows, their one file or None]
        file, problem = self.columns["file"], self.columns["problem"]
        for i, key in enumerate(zip(self.kinds, self.columns["action"])):
            group = groups.get(key)
            if group is None:
                groups[key] = [1, [i], file[i]]
                continue
            group[0] += 1
            if len(group[1]) < MAX_WARNED_FILES:
                group[1].append(i)
            if group[2] != file[i]:
                group[2] = None
        for (kind, action), (n, shown, one_file) in groups.items():
            if n == 1:
                message = f"{file[shown[0]]}: {problem[shown[0]]} ({action})"
            elif one_file is not None:
                message = (f"{one_file}: {kind} ({action}): {n:,} of them, the first: {problem[shown[0]]}; "
                           f"corpus.problems lists each")
            else:
                named = ", ".join(file[i] for i in shown)
                more = f" and {n - len(shown):,} more" if n > len(shown) else ""
                message = f"{n:,} files: {kind} ({action}): {named}{more}; corpus.problems lists each"
            warnings.warn(message, CorpusWarning, stacklevel=3)

    def table(self) -> pd.DataFrame:
        """The problems table (str columns, even when empty)."""
        return pd.DataFrame({name: pd.array(values, dtype="str") for name, values in self.columns.items()})


Columns = dict[str, list]


Note = tuple[str, str, str]  # (problem, action, kind) for the problems table


def document_tables(doc_id: str, text: str) -> tuple[dict, Columns, Columns, Columns, list[Note]]:
    """Metadata row, paragraph, sentence and span columns for one document (a pure function), and the fallbacks
    its text needed."""
    layout, notes = _layout(text)
    paragraphs, sentences, fallback = segment(layout)
    if fallback:
        notes.append(("no blank lines between paragraphs", "split paragraphs at single line breaks", ""))
    paragraphs, sentences = _body_fallbacks(layout, paragraphs, sentences, notes)
    sentences = _cut_long(layout, sentences, notes)
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
    body = [s for s in flat if s.kind == BODY]
    row.update(
        published=date.value, published_inferred=inferred if date.value else None, published_evidence=date.evidence,
        body_start=body[0].start if body else None, body_end=body[-1].end if body else None,
        n_words=word_count(" ".join(t for t, in_body in zip(sents["text"], sents["in_body"]) if in_body)),
        n_chars=len(text), boilerplate_chars=sum(s.end - s.start for s in flat if s.kind != BODY),
    )
    return row, paras, sents, spans, notes


def _layout(text: str) -> tuple[str, list[Note]]:
    """The text the segmenter reads: line breaks it does not know (a lone CR, U+2028, ...) as "\\n", one character
    for one so every offset is the text's own; and a note for each kind replaced, or for CRLF kept."""
    notes: list[Note] = []
    if "\r\n" in text:
        notes.append(("CRLF line endings kept; offsets count the \\r characters", "loaded", ""))
    if "\r" in text and _LONE_CR.search(text):
        text = _LONE_CR.sub("\n", text)
        notes.append(("CR-only line endings read as line breaks (the text keeps them)", "loaded", ""))
    found = [name for char, name in _OTHER_BREAKS.items() if char in text]
    if found:
        text = text.translate(_AS_NEWLINE)
        notes.append((f"{', '.join(found)} read as line breaks (the text keeps them)", "loaded", ""))
    return text, notes


def _body_fallbacks(text: str, paragraphs: list[Span], sentences: list[list[Span]],
                    notes: list[Note]) -> tuple[list[Span], list[list[Span]]]:
    """Paragraphs read as body when the layout rules found none: a first paragraph too long for a headline, and,
    if still no paragraph is body, every headline or standfirst paragraph after the first (all of a one-paragraph
    text)."""
    as_body = set()
    if paragraphs and paragraphs[0].kind == "headline" and has_words(text[paragraphs[0].start:paragraphs[0].end],
                                                                    MAX_HEADLINE_WORDS + 1):
        as_body.add(0)
        notes.append((f"first paragraph longer than {MAX_HEADLINE_WORDS} words: read as body, not as a headline",
                      "loaded", ""))
    if paragraphs and not as_body and all(p.kind != BODY for p in paragraphs):
        first = 1 if len(paragraphs) > 1 and paragraphs[0].kind == "headline" else 0
        as_body = {i for i in range(first, len(paragraphs)) if paragraphs[i].kind in LEAD_KINDS}
        if as_body:
            notes.append((f"no body paragraph found: {len(as_body)} paragraph(s) read as headline or standfirst "
                          f"taken as body", "loaded", "no body paragraph found"))
    if not as_body:
        return paragraphs, sentences
    return ([p._replace(kind=BODY) if i in as_body else p for i, p in enumerate(paragraphs)],
            [[s._replace(kind=BODY) for s in para] if i in as_body else para for i, para in enumerate(sentences)])


def _cut_long(text: str, sentences: list[list[Span]], notes: list[Note]) -> list[list[Span]]:
    """Each paragraph's sentences, any longer than MAX_SENTENCE_CHARS (a line without punctuation) cut into pieces
    at the last whitespace before the limit (or at the limit, if there is none)."""
    if all(s.end - s.start <= MAX_SENTENCE_CHARS for para in sentences for s in para):
        return sentences
    cut, n = [], 0
    for para in sentences:
        pieces = []
        for s in para:
            start = s.start
            while s.end - start > MAX_SENTENCE_CHARS:
                limit = start + MAX_SENTENCE_CHARS
                space = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
                end = space if space > start else limit
                pieces.append(Span(start, end, s.kind))
                start = end + (text[end:end + 1].isspace())
                n += 1
            pieces.append(Span(start, s.end, s.kind))
        cut.append(pieces)
    notes.append((f"{n} cut(s) in sentences longer than {MAX_SENTENCE_CHARS:,} characters (no sentence punctuation)",
                  "cut at whitespace", "sentences too long"))
    return cut


def _columns(doc_id: str, spans: list[Span], text: str | None = None) -> Columns:
    """doc_id, start, end and kind columns of spans, plus text and in_body when the text is given."""
    starts, ends, kinds = (list(column) for column in zip(*spans)) if spans else ([], [], [])
    columns = {"doc_id": [doc_id] * len(spans), "start": starts, "end": ends, "kind": kinds}
    if text is not None:
        columns |= {"text": [text[s:e] for s, e in zip(starts, ends)], "in_body": [lab == BODY for lab in kinds]}
    return columns


def _cover(text: str, sentences: list[Span]) -> list[Span]:
    """Spans covering every character once: the sentences and the whitespace between them."""
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


@dataclass
class Scan:
    """A corpus folder's article files to load, in order, with their digests, and the problems of those skipped."""

    root: Path
    files: list[Path]
    digests: dict[str, str]  # file name (its path relative to root) -> sha256 of its bytes
    problems: Problems
    listed: bool = False  # the files of a list or glob (no manifest.csv read), not the whole folder
    contents: dict[str, bytes] = field(default_factory=dict)  # file name -> its bytes, when the scan kept them

    def names(self) -> list[str]:
        """The files' names: their paths relative to root."""
        return list(self.digests)  # one entry per file, in file order


def _is_text(raw: bytes) -> bool:
    """Whether a file's bytes decode as text (a file that does not is skipped when loaded, claiming nothing)."""
    try:
        files.decode(raw)
    except files.NotText:
        return False
    return True


def corpus_input(paths: list[str], listing: Path | None = None) -> tuple[Path, list[str] | None]:
    """The corpus a command line names: one folder alone, as (folder, None); else the files of every path given, a
    glob pattern ('dir/*.txt') expanded, and the paths a listing file names one per line (blank lines and lines
    starting with # ignored, relative paths from the current folder), as (their common folder, their paths relative
    to it). A pattern matching nothing, or an unreadable listing, is a CorpusError."""
    if listing is None and len(paths) == 1 and not glob.has_magic(paths[0]):
        return Path(paths[0]), None
    given: list[str] = []
    for path in paths:
        matched = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
        if not matched:
            raise CorpusError(f"{path}: no file matches this pattern")
        given += matched
    if listing is not None:
        try:
            lines = files.decode(files.read_bytes(listing))[0].splitlines()
        except (OSError, files.NotText) as err:
            raise CorpusError(f"{listing}: cannot be read as a list of paths ({err})") from None
        given += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not given:
        raise CorpusError(f"{listing}: lists no path")
    absolute = [os.path.abspath(p) for p in given]
    root = os.path.commonpath([os.path.dirname(p) for p in absolute])
    return Path(root), [os.path.relpath(p, root) for p in absolute]


def scan(path: str | Path, strict: bool = False, names: list[str] | None = None, keep: bool = False) -> Scan:
    """List a corpus folder's article files (with `names`, those paths under it alone: see corpus_input): entries
    that are not readable regular files, a name or bytes a text file already has are skipped (each a problem);
    every file is read once, its bytes kept only with `keep` (for a load that holds every text anyway). Files that
    are not text are listed: loading reports them."""
    root = Path(path)
    check_folder(root)
    problems = Problems(strict)
    listing = files.list_folder(root, ignore=(MANIFEST,)) if names is None else files.list_paths(root, names)
    for name, reason in listing.skipped:
        problems.add(name, reason, "skipped", reason.split(" (")[0])
    taken: dict[str, str] = {}
    first: dict[str, str] = {}  # sha256 -> the first file with those bytes
    found = Scan(root, [], {}, problems, listed=names is not None)
    for file in listing.files:
        doc_id, name = files.doc_id(file.name), str(file.relative_to(root))
        if doc_id in taken and _is_text(files.read_bytes(root / taken[doc_id])):
            problems.add(name, f"doc_id '{doc_id}' already taken by {taken[doc_id]}", "skipped",
                         "doc_id already taken (names differing only in the case of the extension)")
            continue
        try:
            raw = files.read_bytes(file)
        except OSError as err:
            problems.add(name, f"cannot be read ({err.strerror})", "skipped")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest in first and _is_text(raw):
            problems.add(name, f"duplicate of {first[digest]} (same bytes)", "skipped",
                         "duplicate of another file (same bytes)")
            continue
        first.setdefault(digest, name)
        taken[doc_id] = name
        found.files.append(file)
        found.digests[name] = digest
        if keep:
            found.contents[name] = raw
    return found


def load_corpus(path: str | Path = "seeds", strict: bool = False, only: list[str] | None = None,
                names: list[str] | None = None, listed: bool = False) -> Corpus:
    """Load every .txt file (any case) in a folder, and its manifest.csv, into a Corpus sorted by doc_id; with
    `names` (paths under the folder: see corpus_input), those files alone, by the same rules, without a manifest.
    With `only` (file names from a scan), those files alone, as one partition of the corpus (listed: of a list's
    files, without a manifest): the folder's own problems (skipped entries, manifest rows of other files) are left
    to `folder_problems`."""
    root = Path(path)
    if only is None:
        found = scan(root, strict, names, keep=True)  # each file read once: the scan's bytes are loaded
        problems, contents, digests = found.problems, found.contents, found.digests
        paths = zip(found.files, found.names())
    else:
        problems, contents, digests = Problems(strict), {}, {}
        paths = ((root / name, name) for name in only)
    texts, names_of, tables = {}, {}, []
    for file, name in paths:
        doc_id = files.doc_id(file.name)
        raw = contents.pop(name) if name in contents else files.read_bytes(file)
        try:
            text, decoding = files.decode(raw)
        except files.NotText as err:
            problems.add(name, str(err), "skipped")
            continue
        names_of[doc_id] = name
        for note in decoding:
            problems.add(name, note, "loaded", note.split(";")[0].split(" at ")[0])
        row, paras, sents, spans, notes = document_tables(doc_id, text)
        for problem, action, kind in notes:
            problems.add(name, problem, action, kind)
        row["sha256"] = digests[name] if name in digests else hashlib.sha256(raw).hexdigest()
        texts[doc_id] = text
        tables.append((row, paras, sents, spans))
    if not texts and only is None:
        problems.warn()
        skipped = "; ".join(problems.first(MAX_WARNED_FILES))
        more = f" and {len(problems) - MAX_WARNED_FILES} more" if len(problems) > MAX_WARNED_FILES else ""
        raise CorpusError(f"{root}: no readable .txt files"
                          + (f" ({len(problems)} entry skipped: {skipped}{more})" if len(problems) else ""))
    if names is not None or listed:
        manifest = no_manifest()
    else:
        manifest = read_manifest(root, (lambda problem, action: problems.add(MANIFEST, problem, action))
                                 if only is None else (lambda problem, action: None))
    documents = _with_manifest(pd.DataFrame([t[0] for t in tables]),
                               manifest if only is None else manifest[manifest["doc_id"].isin(texts)], names_of,
                               problems)
    problems.warn()
    return Corpus(
        root=root,
        texts=texts,
        documents=documents,
        paragraphs=_frame([t[1] for t in tables], PARAGRAPH_COLUMNS),
        sentences=_frame([t[2] for t in tables], SENTENCE_COLUMNS),
        spans=_frame([t[3] for t in tables], SPAN_COLUMNS),
        problems=problems.table(),
    )


def folder_problems(found: Scan, loaded: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The problems of a corpus loaded in partitions, as one load of the folder reports them: the scan's, each
    partition's (`loaded`, concatenated) in file order, then the manifest's (its reading, rows of no document)."""
    problems = Problems()
    manifest = no_manifest() if found.listed else read_manifest(
        found.root, lambda problem, action: problems.add(MANIFEST, problem, action))
    _unloaded_rows(problems, manifest, documents)
    position = {name: i for i, name in enumerate(found.names())}
    rows = pd.concat([found.problems.table(), loaded], ignore_index=True)
    order = rows["file"].map(position).fillna(-1)  # skipped entries first, in the listing's order
    ordered = rows.iloc[order.argsort(kind="stable")]
    return pd.concat([ordered, problems.table()], ignore_index=True) if len(problems) else ordered.reset_index(drop=True)


def _unloaded_rows(problems: Problems, manifest: pd.DataFrame, documents: pd.DataFrame) -> None:
    """A problem for each manifest row naming no loaded document, in doc_id order."""
    ids = manifest["doc_id"]
    unloaded = sorted(ids[~ids.isin(documents["doc_id"])].tolist()) if len(documents) else sorted(ids.tolist())
    problems.extend(MANIFEST, [f"row for {doc_id}, which is not a loaded .txt file" for doc_id in unloaded],
                    "row ignored", "rows for doc_ids that are not loaded .txt files")


@lru_cache(maxsize=64)
def _text(file: Path) -> str:
    """The decoded text of an article file, as the loader decodes it."""
    return files.decode(files.read_bytes(file))[0]


class LazyTexts(Mapping):
    """doc_id -> decoded text of a corpus folder's files, each read when asked for (the last few kept), so a
    process can look up any document's text without holding them all."""

    def __init__(self, root: Path, doc_ids: list[str], names: dict[str, str]):
        self.root, self.names = Path(root), {doc_id: names[doc_id] for doc_id in doc_ids}

    def __getitem__(self, doc_id: str) -> str:
        return _text(self.root / self.names[doc_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def check_folder(root: Path) -> None:
    """Raise a CorpusError unless root is a folder (a missing path and a file given as the corpus named plainly)."""
    if root.is_file():
        raise CorpusError(f"{root}: is a file; the corpus is the folder holding the .txt files")
    if not root.exists():
        raise CorpusError(f"{root}: corpus folder not found")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder")


def _with_manifest(documents: pd.DataFrame, manifest: pd.DataFrame, names: dict[str, str],
                   problems: Problems) -> pd.DataFrame:
    """Documents with manifest facts added (each with its provenance) and a short display name."""
    _unloaded_rows(problems, manifest, documents)
    listed = set(manifest["doc_id"].tolist())  # a set: Series.isin over a million strings is far slower
    for doc_id in sorted(set(documents["doc_id"]) - listed) if len(manifest.columns) > 1 else []:
        problems.add(names[doc_id], f"no row in {MANIFEST}", "metadata from the text only")
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
    return document_short_names(docs.reset_index())


def document_short_names(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents with their short display name ("000 · Middle East Monitor") as the last column, short_name; short
    ids are unique over the documents given, so the short name is set again when partitions of a corpus are joined."""
    name = documents["outlet"].fillna(documents["author"]).fillna("unknown source")
    return documents.drop(columns="short_name", errors="ignore").assign(
        short_name=short_ids(documents["doc_id"]) + " · " + name)


def short_ids(doc_ids: pd.Series) -> pd.Series:
    """Each doc_id's part before its first "_" ("000_d251..." -> "000"), or the whole doc_id if those are not unique."""
    prefixes = doc_ids.str.split("_", n=1).str[0].where(lambda p: p != "", doc_ids)
    return prefixes if prefixes.is_unique else doc_ids
