"""The corpus folder's optional manifest.csv: facts the texts cannot give, one row per doc_id, each fact column with
its `<column>_source` provenance column. Every problem is one CorpusError line naming manifest.csv, the line and
the column."""

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.stages import files

MANIFEST = "manifest.csv"
# Columns the loader computes from the file itself: a manifest cannot set them.
COMPUTED = frozenset({"n_words", "n_chars", "boilerplate_chars", "body_start", "body_end", "sha256", "short_name",
                      "published_inferred"})
_ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


class ManifestError(files.CorpusError):
    """A manifest that cannot be used; the message names manifest.csv, the line and the column."""


def no_manifest() -> pd.DataFrame:
    """The manifest of a folder without one: no row, no fact column."""
    return pd.DataFrame({"doc_id": pd.Series(dtype="str")})


def read_manifest(root: Path, note: Callable[[str, str], None] = lambda problem, action: None) -> pd.DataFrame:
    """The manifest as a table of strings (an empty one if there is none); decoding fallbacks go to note()."""
    path = root / MANIFEST
    if not path.exists() and not path.is_symlink():
        return no_manifest()
    refused = files.refusal(path, root.resolve())
    if refused:
        raise ManifestError(f"{MANIFEST}: {refused}")
    try:
        text, notes = files.decode(files.read_bytes(path))
    except files.NotText as err:
        raise ManifestError(f"{MANIFEST}: {err}") from None
    except OSError as err:
        raise ManifestError(f"{MANIFEST}: cannot be read ({err.strerror})") from None
    for problem in notes:
        note(problem, "read")
    header, lines, rows = _rows(text)
    _check_columns(header)
    cells = list(zip(*rows)) if rows else [()] * len(header)
    frame = pd.DataFrame({column: pd.array(values, dtype="str") for column, values in zip(header, cells)},
                         columns=header)
    _check_cells(lines, dict(zip(header, cells)))
    dupes = frame["doc_id"][frame["doc_id"].duplicated()].tolist()
    if dupes:
        raise ManifestError(f"{MANIFEST}: doc_id listed more than once: {', '.join(dupes[:5])}"
                            + (f" and {len(dupes) - 5} more" if len(dupes) > 5 else ""))
    return frame


def _rows(text: str) -> tuple[list[str], list[int], list[list[str]]]:
    """The header, and each non-blank row with the line it starts on; ragged rows and bad quoting refused."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header, lines, rows, line = None, [], [], 1
    try:
        for row in reader:
            if "".join(row).strip():
                if header is None:
                    header = row
                elif len(row) != len(header):
                    raise ManifestError(f"{MANIFEST}, line {line}: {len(row)} cells, but the header has "
                                        f"{len(header)} columns")
                else:
                    lines.append(line)
                    rows.append(row)
            line = reader.line_num + 1
    except csv.Error as err:
        raise ManifestError(f"{MANIFEST}, line {reader.line_num}: not valid CSV ({err})") from None
    if header is None:
        raise ManifestError(f"{MANIFEST}: empty (no header row)")
    return header, lines, rows


def _check_columns(header: list[str]) -> None:
    """Refuse a header without doc_id, with an unnamed or repeated column, a computed column, or a fact column
    without its provenance column."""
    for i, column in enumerate(header, 1):
        if not column.strip():
            raise ManifestError(f"{MANIFEST}, line 1: column {i} has no name")
        if header.index(column) != i - 1:
            raise ManifestError(f"{MANIFEST}, line 1: column '{column}' appears more than once")
    if "doc_id" not in header:
        raise ManifestError(f"{MANIFEST}: no doc_id column")
    for column in header:
        if column in COMPUTED:
            raise ManifestError(f"{MANIFEST}, line 1: column '{column}' is computed from the text; a manifest "
                                f"cannot set it")
        if column != "doc_id" and not column.endswith("_source") and f"{column}_source" not in header:
            raise ManifestError(f"{MANIFEST}: column '{column}' has no '{column}_source' provenance column")


def _check_cells(lines: list[int], columns: dict[str, tuple[str, ...]]) -> None:
    """Refuse the first row (in line order) without a doc_id, or with a publication date that is not an ISO date
    (2017, 2017-11, 2017-11-22)."""
    for line, doc_id, published in zip(lines, columns["doc_id"], columns.get("published", [""] * len(lines))):
        if not doc_id.strip():
            raise ManifestError(f"{MANIFEST}, line {line}, column 'doc_id': empty")
        if published and not _is_iso_date(published):
            raise ManifestError(f"{MANIFEST}, line {line}, column 'published': {published[:40]!r} is not an ISO "
                                f"date (2017, 2017-11 or 2017-11-22)")


def _is_iso_date(value: str) -> bool:
    """Whether value is a real year, month or day in ISO form."""
    m = _ISO_DATE.fullmatch(value)
    if not m:
        return False
    try:
        date(int(m["year"]), int(m["month"] or 1), int(m["day"] or 1))
    except ValueError:
        return False
    return True
