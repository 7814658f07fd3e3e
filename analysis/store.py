"""A build's tables on disk: CSV and/or Parquet, written whole or one part per partition of documents, read back.

Layout under OUT/tables/: `<name>.csv` (one file, whatever the engine) and `<name>.parquet` (a file for a table
written whole, a folder of `part-00000.parquet`, ... for a per-document table written per partition: a Parquet
dataset any Arrow reader opens as one table). Every Parquet file carries the table graph's schema, so the parts
of one table agree even when a partition has no rows.
"""

import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from analysis.output import write_csv
from analysis.pipeline import TABLES, Build
from analysis.stages import files
from analysis.stages.corpus import Corpus, LazyTexts
from analysis.stages.manifest import MANIFEST

FORMATS = ("csv", "parquet")
CORPUS_FIELDS = ("documents", "paragraphs", "sentences", "spans", "problems")  # the tables a Corpus holds
ARROW_TYPES = {"str": pa.string(), "string": pa.string(), "int64": pa.int64(),
               "Int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(), "boolean": pa.bool_(),
               "bytes": pa.binary()}


def formats(choice: str) -> tuple[str, ...]:
    """The formats a --format value asks for: csv, parquet or both."""
    return FORMATS if choice == "both" else (choice,)


def schema(name: str, frame: pd.DataFrame) -> pa.Schema:
    """The Arrow schema of a table: the graph's dtypes, else the frame's (a column with no values as text)."""
    declared = {column: dtype for column, (dtype, _) in TABLES[name].columns.items()}
    fields = []
    for column in frame.columns:
        dtype = declared.get(column, str(frame[column].dtype))
        if dtype in ARROW_TYPES:
            fields.append(pa.field(column, ARROW_TYPES[dtype]))
        else:
            inferred = pa.Array.from_pandas(frame[column]).type
            fields.append(pa.field(column, pa.string() if inferred == pa.null() else inferred))
    return pa.schema(fields)


def _parquet(frame: pd.DataFrame, name: str, path: Path) -> None:
    """One Parquet file of a table (or of a part of it) with the table's schema."""
    pq.write_table(pa.Table.from_pandas(frame, schema=schema(name, frame), preserve_index=False), path)


def write_table(frame: pd.DataFrame, tables: Path, name: str, chosen: tuple[str, ...], *,
                csv_safe: bool = False) -> list[Path]:
    """Write a whole table in the chosen formats (csv_safe: see analysis.output); return the paths written."""
    tables.mkdir(parents=True, exist_ok=True)
    written = []
    if "csv" in chosen:
        write_csv(frame, tables / f"{name}.csv", csv_safe=csv_safe)
        written.append(tables / f"{name}.csv")
    if "parquet" in chosen:
        _parquet(frame, name, tables / f"{name}.parquet")
        written.append(tables / f"{name}.parquet")
    return written


def write_part(frame: pd.DataFrame, tables: Path, name: str, chosen: tuple[str, ...], part: int, *,
               csv_safe: bool = False) -> None:
    """Write one partition's rows of a per-document table: a Parquet part, and a CSV part joined by `join_parts`."""
    if "parquet" in chosen:
        folder = tables / f"{name}.parquet"
        folder.mkdir(parents=True, exist_ok=True)
        _parquet(frame, name, folder / f"part-{part:05d}.parquet")
    if "csv" in chosen:
        folder = tables / f"{name}.csv.parts"
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(frame, folder / f"part-{part:05d}.csv", csv_safe=csv_safe)


def set_aside(tables: Path, aside: Path, unwanted: list[str]) -> Path:
    """Move the table files (and per-partition folders) of the unwanted formats from `tables` into `aside`, a folder
    the output does not keep; return the folder that holds the Parquet tables."""
    aside.mkdir(parents=True, exist_ok=True)
    for fmt in unwanted:
        for path in tables.glob(f"*.{fmt}"):
            path.rename(aside / path.name)
    return aside if "parquet" in unwanted else tables


def join_parts(tables: Path, name: str, chosen: tuple[str, ...]) -> list[Path]:
    """Join a per-document table's CSV parts (in part order, one header) into <name>.csv; return the paths of the
    table in the chosen formats."""
    if "csv" in chosen:
        parts = sorted((tables / f"{name}.csv.parts").glob("part-*.csv"))
        with open(tables / f"{name}.csv", "wb") as out:
            for i, part in enumerate(parts):
                with open(part, "rb") as f:
                    header = f.readline()
                    if i == 0:
                        out.write(header)
                    shutil.copyfileobj(f, out)
        shutil.rmtree(tables / f"{name}.csv.parts")
    return [tables / f"{name}.{fmt}" for fmt in chosen]


def read_table(tables: Path, name: str) -> pd.DataFrame:
    """A table of a build's output folder (OUT/tables): from Parquet when written, else from CSV."""
    parquet = tables / f"{name}.parquet"
    if parquet.exists():
        return ds.dataset(parquet, format="parquet").to_table().to_pandas()
    csv = tables / f"{name}.csv"
    if csv.exists():
        return pd.read_csv(csv)
    raise FileNotFoundError(f"{tables}: no table {name!r} (neither {name}.parquet nor {name}.csv)")


def stored(tables: Path, name: str) -> bool:
    """Whether a build's output folder holds the named table as Parquet (a CSV reads back with other dtypes)."""
    return (tables / f"{name}.parquet").exists()


class StoredBuild(Build):
    """A build read back from its output folder (OUT/tables) over its corpus folder: every table the build wrote as
    Parquet is read from there when first asked for, and only tables it did not write (shared_sentences) are
    computed, from those. Texts are read from the corpus folder when a view asks for one (with `names`, the paths
    under it of a build from a list of files)."""

    def __init__(self, tables: Path, root: Path, names: list[str] | None = None):
        self.folder = Path(tables)
        root = Path(root)
        listing = files.list_folder(root, ignore=(MANIFEST,)) if names is None else files.list_paths(root, names)
        listed = {files.doc_id(f.name): str(f.relative_to(root)) for f in listing.files}
        frames = [read_table(self.folder, name) for name in CORPUS_FIELDS]
        super().__init__(Corpus(Path(root), LazyTexts(root, list(frames[0]["doc_id"]), listed), *frames))
        self.computed.update(zip(CORPUS_FIELDS, frames))

    def __getitem__(self, name: str) -> pd.DataFrame:
        """The named table: read from the build's folder, or computed from its inputs (read or computed so)."""
        if name not in self.computed and stored(self.folder, name):
            self.computed[name] = read_table(self.folder, name)
        return super().__getitem__(name)
