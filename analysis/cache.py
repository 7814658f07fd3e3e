"""Incremental builds: per-document results kept by the document's bytes and the version of what made each table.

A table's version is a digest of the source of the module whose function makes it and of every `analysis` module
that module imports (transitively), of the data files those modules name (`analysis/data/<file>`, and an analyst's
catalogue when actors.yaml is named), and of the versions of the tables it needs. So editing a stage's code
invalidates its tables and those built on them; changing a data file invalidates exactly the tables whose code
reads it; adding a document computes that document only.

Cached rows live in CACHE/<table>/<version>/<key>.parquet, one file per partition run, beside <key>.docs.parquet
(the doc_id and sha256 of each document whose rows it holds, rows or not).
"""

import hashlib
import importlib.util
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.pipeline import TABLES, Build
from analysis.stages.files import doc_id

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(analysis[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
                     r"|import[ \t]+(analysis[\w.]*(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w. ]+)*))", re.MULTILINE)
DEFAULT_MODULE = "analysis.stages.corpus"  # tables read straight off the Corpus object (documents, sentences, ...)


@cache
def _module_path(name: str) -> Path:
    """The source file of an `analysis` module."""
    return Path(importlib.util.find_spec(name).origin)


@cache
def _imports(name: str) -> frozenset[str]:
    """The `analysis` modules a module imports directly: its lines `from analysis... import ...` and `import
    analysis...` (read with a pattern, ten times faster than parsing the module: a docstring line written as an
    import only makes the version stricter)."""
    found = set()
    for module, names, plain in _IMPORT.findall(_module_path(name).read_text("utf-8")):
        if module:
            words = [n.split()[0] for n in re.sub(r"#[^\n]*", "", names).strip("()\n ").split(",") if n.strip()]
            found |= {f"{module}.{w}" if _is_module(f"{module}.{w}") else module for w in words}
        else:
            found |= {n.split()[0] for n in plain.split(",") if n.split()[0].startswith("analysis")}
    return frozenset(m for m in found if _is_module(m))


def _is_module(name: str) -> bool:
    """Whether a dotted name is a module (not a function or class imported from one)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@cache
def closure(name: str) -> frozenset[str]:
    """A module and every `analysis` module it imports, transitively."""
    seen, todo = set(), [name]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += sorted(_imports(module) - seen)
    return frozenset(seen)


def _data_files(sources: list[str], data: Path) -> list[Path]:
    """The files of the data folder whose names the sources mention."""
    return sorted(p for p in data.rglob("*") if p.is_file() and any(p.name in s for s in sources))


def _analyst_files(data: list[Path], root: Path | None) -> list[Path]:
    """The analyst's own catalogue when the package's is read: $ANALYSIS_CATALOGUE or the corpus folder's."""
    if not any(p.name == "actors.yaml" for p in data):
        return []
    named = os.environ.get("ANALYSIS_CATALOGUE")
    own = Path(named) if named else (root / "actors.yaml" if root else None)
    return [own] if own and own.is_file() else []


def modules(name: str) -> list[str]:
    """The `analysis` modules a table's code is made of: its stage's module and what that imports, transitively."""
    module = getattr(TABLES[name].make, "__module__", "")
    return sorted(closure(module if module.startswith("analysis") else DEFAULT_MODULE))


def reads(name: str, data: Path | None = None) -> list[Path]:
    """The data files a table's code reads: those named in its module or the `analysis` modules it imports (in
    `data`, default the package's data folder, DATA)."""
    return _data_files([_module_path(m).read_text("utf-8") for m in modules(name)], data or DATA)


def versions(root: Path | None = None, data: Path | None = None) -> dict[str, str]:
    """Every table's version: a short digest of its code, the data files it reads (in `data`, default DATA) and its
    inputs' versions."""
    done: dict[str, str] = {}
    for name in TABLES:
        _version(name, root, data or DATA, done)
    return done


def _version(name: str, root: Path | None, data: Path, done: dict[str, str]) -> str:
    """One table's version, its inputs' first."""
    if name not in done:
        read = reads(name, data)
        digest = hashlib.sha256(name.encode())
        for module in modules(name):
            digest.update(_module_path(module).read_bytes())
        for path in read + _analyst_files(read, root):
            digest.update(path.read_bytes())
        for need in TABLES[name].needs:
            digest.update(_version(need, root, data, done).encode())
        done[name] = digest.hexdigest()[:16]
    return done[name]


def kept(name: str) -> bool:
    """Whether a table's rows can be kept: a written table, or an internal one with a schema (the per-document
    pieces of the corpus tables: term counts, sentence stems); not the parse, an object."""
    return TABLES[name].written or bool(TABLES[name].columns)


def doc_ids(frame: pd.DataFrame) -> pd.Series:
    """The document each row belongs to: its doc_id, or for rows about a file (problems), the file's name."""
    if "doc_id" in frame.columns:
        return frame["doc_id"]
    return frame["file"].str.rsplit(".", n=1).str[0]


def _within(column: pd.Series, values) -> pd.Series:
    """Whether each value of a column of strings is one of `values`: one Arrow lookup (pandas' isin on Arrow strings
    converts each of the values apart, which at 10,000 documents costs more than reading the rows)."""
    found = pc.is_in(pa.array(column, type=pa.string()), value_set=pa.array(list(values), type=pa.string()))
    return pd.Series(found.to_numpy(zero_copy_only=False), index=column.index)


def index(cache_dir: Path, name: str, version: str) -> pd.DataFrame:
    """The cached documents of one table version: doc_id, sha256, the file holding their rows and how many
    documents that file holds (some may have newer rows in a later file)."""
    folder = cache_dir / name / version
    parts = [(f := pd.read_parquet(p)).assign(file=p.name.removesuffix(".docs.parquet") + ".parquet", held=len(f))
             for p in sorted(folder.glob("*.docs.parquet"))] if folder.is_dir() else []
    if not parts:
        return pd.DataFrame(columns=["doc_id", "sha256", "file", "held"])
    return pd.concat(parts, ignore_index=True).drop_duplicates("doc_id", keep="last")


def _in_order(frame: pd.DataFrame, order: pd.Index) -> pd.DataFrame:
    """Rows grouped by document in the partition's order (`order`: its doc_ids), each document's rows in their own
    order: the doc_id of each run of rows of one document looked up once, and the rows taken again only when out of
    order."""
    ids = pa.array(doc_ids(frame), type=pa.string())
    changes = pc.not_equal(ids[1:], ids[:-1]).to_numpy(zero_copy_only=False) if len(ids) > 1 else np.array([], bool)
    starts = np.flatnonzero(np.concatenate([[len(ids) > 0], changes]))
    if len(starts) > 2 * len(order):  # rows not grouped by document: each distinct doc_id looked up once
        codes, found = pd.factorize(doc_ids(frame))
        position = order.get_indexer(found)[codes]
    else:
        position = np.repeat(order.get_indexer(ids.take(pa.array(starts)).to_pylist()),
                             np.diff(np.append(starts, len(ids))))
    if (np.diff(position) < 0).any():
        frame = frame.iloc[position.argsort(kind="stable")]
    return frame.reset_index(drop=True)


def indexes(root: Path, names: tuple[str, ...], cache_dir: Path) -> dict[str, tuple[str, pd.DataFrame]]:
    """Each named table's current version and the cache's index of it (see `index`), read once for every
    partition."""
    table_versions = versions(root)
    return {name: (table_versions[name], index(cache_dir, name, table_versions[name])) for name in names}


def uncached(root: Path, file_digests: dict[str, str], names: tuple[str, ...], cache_dir: Path | None,
             known: dict[str, tuple[str, pd.DataFrame]] | None = None) -> set[str]:
    """The file names whose rows of some named table the cache lacks at its current version (every file without a
    cache, or when a table is not kept); `known`: the tables' indexes, when already read."""
    if cache_dir is None or not all(kept(name) for name in names):
        return set(file_digests)
    known = known or indexes(root, names, cache_dir)
    digests = {doc_id(f): d for f, d in file_digests.items()}
    fresh = set(digests)
    for name in names:
        held = known[name][1]
        fresh &= set(held.loc[held["sha256"] == held["doc_id"].map(digests), "doc_id"])
    return {f for f in file_digests if doc_id(f) not in fresh}


def _read(path: Path, wanted: set[str], count: int) -> pd.DataFrame:
    """The rows of the wanted documents from one cached file holding `count` documents (all its rows when it holds
    those alone)."""
    frame = pd.read_parquet(path)
    return frame if len(wanted) == count else frame[_within(doc_ids(frame), wanted)]


def partition_tables(root: Path, file_digests: dict[str, str], names: tuple[str, ...], cache_dir: Path | None,
                     make_build: Callable[[list[str]], Build],
                     known: dict[str, tuple[str, pd.DataFrame]] | None = None) -> dict[str, pd.DataFrame]:
    """The named document tables of one partition (file name -> sha256 of its bytes): rows of documents cached at
    the tables' current versions are read back, everything else is computed on a Build over the documents that need
    it, and stored. `known`: the tables' indexes (see `indexes`), when already read."""
    files = list(file_digests)
    if cache_dir is None or not all(kept(name) for name in names):
        build = make_build(files)
        return {name: build[name] for name in names}
    known = known or indexes(root, names, cache_dir)
    table_versions = {name: version for name, (version, _) in known.items()}
    digests = {doc_id(f): d for f, d in file_digests.items()}  # doc_id -> sha256
    stale: dict[str, set[str]] = {}
    cached: dict[str, pd.DataFrame] = {}
    for name in names:
        ours = known[name][1][_within(known[name][1]["doc_id"], digests.keys())]
        fresh = ours[ours["sha256"] == ours["doc_id"].map(digests)]
        stale[name] = set(digests) - set(fresh["doc_id"])
        frames = [_read(cache_dir / name / table_versions[name] / file, set(group["doc_id"]), group["held"].iloc[0])
                  for file, group in fresh.groupby("file")]
        cached[name] = pd.concat(frames, ignore_index=True) if frames else None
    redo = set().union(*stale.values())
    computed: dict[str, pd.DataFrame] = {}
    if redo:
        build = make_build([f for f in files if doc_id(f) in redo])
        for name in names:
            if not stale[name]:
                build.computed[name] = cached[name][_within(doc_ids(cached[name]), redo)].reset_index(drop=True)
        for name in names:
            if stale[name]:
                computed[name] = build[name]
                _store(cache_dir / name / table_versions[name], computed[name], {d: digests[d] for d in redo})
    order = pd.Index([doc_id(f) for f in files])
    result = {}
    for name in names:
        old = cached[name]
        parts = [old if name not in computed else old[~_within(doc_ids(old), redo)]] if old is not None else []
        result[name] = _in_order(pd.concat(parts + [computed.get(name)], ignore_index=True), order)
    return result


def _store(folder: Path, frame: pd.DataFrame, digests: dict[str, str]) -> None:
    """Keep one partition run's rows of a table, with the documents (and their digests) they cover."""
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256("".join(f"{d}:{s}" for d, s in sorted(digests.items())).encode()).hexdigest()[:24]
    frame.to_parquet(folder / f"{key}.parquet", index=False)
    pd.DataFrame({"doc_id": list(digests), "sha256": list(digests.values())}).to_parquet(
        folder / f"{key}.docs.parquet", index=False)


def earlier(cache_dir: Path, name: str, version: str) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The first input and the rows of the last run of a table that resumes (see TableSpec.resumes), at its current
    version; None when there is none."""
    folder = cache_dir / name / version
    if not (folder / "rows.parquet").is_file():
        return None
    return pd.read_parquet(folder / "input.parquet"), pd.read_parquet(folder / "rows.parquet")


def keep_run(cache_dir: Path, name: str, version: str, given: pd.DataFrame, rows: pd.DataFrame) -> None:
    """Keep a run of a table that resumes: its first input and its rows (the next build starts from them)."""
    folder = cache_dir / name / version
    folder.mkdir(parents=True, exist_ok=True)
    given.to_parquet(folder / "input.parquet", index=False)
    rows.to_parquet(folder / "rows.parquet", index=False)
