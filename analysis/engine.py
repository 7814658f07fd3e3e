"""Running the table graph over a corpus folder: in this process (`local`) or on a Dask cluster (`dask`).

The documents are split into partitions of consecutive files. Each partition is read on its own (never the whole
corpus in one process), and the graph's document-scope tables whose inputs are document-scope too are computed on
it by a `Build` over that partition: the written ones go straight to disk as one part per partition, and only
what the corpus-scope tables need comes back. The corpus-scope tables (the reductions: term counts for the
log-odds, candidate pairs for shared passages, figure keys for recurring figures) then run once, on a Build whose
inputs are the gathered partitions. `local` runs one partition holding every document in this process (the same
Build as before the engines existed); `dask` maps the partitions over the workers of a cluster, each worker
process keeping the models and automata the stages cache (built once per process, not per task). With a cache
folder, rows of documents already computed by the same code and data are read back instead (analysis.cache).
"""

import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import cache, store
from analysis.pipeline import TABLES, WRITTEN, Build, order
from analysis.stages.corpus import (
    Corpus,
    LazyTexts,
    document_short_names,
    folder_problems,
    load_corpus,
    scan,
)
from analysis.stages.files import doc_id
from analysis.store import CORPUS_FIELDS

ENGINES = ("local", "dask")
PARTITION = 100  # documents per Dask partition: enough to amortise a task, few enough to keep a worker's memory flat


@dataclass(frozen=True)
class Plan:
    """Which tables run per partition, which run once over the corpus, which partition results the client gathers
    (what the corpus tables need, and what a Corpus holds) and which the partitions write themselves."""

    per_partition: tuple[str, ...]
    reductions: tuple[str, ...]
    gathered: tuple[str, ...]
    written_by_parts: tuple[str, ...]


def plan(names: Iterable[str] = WRITTEN) -> Plan:
    """The plan for computing the given tables and what they need."""
    wanted = order(list(CORPUS_FIELDS) + list(names))
    per_partition: list[str] = []
    for name in wanted:
        if TABLES[name].scope == "document" and all(need in per_partition for need in TABLES[name].needs):
            per_partition.append(name)
    reductions = tuple(n for n in wanted if n not in per_partition)
    needed = {need for r in reductions for need in TABLES[r].needs} | set(CORPUS_FIELDS)
    gathered = tuple(n for n in per_partition if n in needed)
    by_parts = tuple(n for n in per_partition if TABLES[n].written and n not in gathered)
    return Plan(tuple(per_partition), reductions, gathered, by_parts)


class Progress:
    """One line per stage on stderr, redrawn in place: done / total, rate, and time left."""

    def __init__(self, stage: str, total: int, unit: str, stream=None):
        self.stage, self.total, self.unit, self.stream = stage, total, unit, stream or sys.stderr
        self.started = time.perf_counter()
        self.done = 0

    def advance(self, n: int = 1) -> None:
        """Count n more done and redraw the line (ended when all are done)."""
        self.done += n
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = f"{(self.total - self.done) / rate:,.0f} s left" if rate else "time left unknown"
        print(f"\r{self.stage}: {self.done:,}/{self.total:,} {self.unit} ({rate:,.1f}/s, {left})",
              end="\n" if self.done >= self.total else "", file=self.stream, flush=True)


@dataclass(frozen=True)
class Job:
    """What every partition task needs to know."""

    root: Path
    plan: Plan
    tables: Path  # OUT/tables
    formats: tuple[str, ...]
    cache_dir: Path | None
    whole: bool  # one partition, the whole folder, no cache (the local engine): loaded as load_corpus(root)
    csv_safe: bool
    listed: bool = False  # the files of a list or glob (no manifest), not a whole folder
    known: dict | None = None  # with a cache: each document table's version and the cache's index of it


def partitions(names: list[str], size: int) -> list[list[str]]:
    """Consecutive runs of `size` file names (the names sorted, so partitions keep the documents' order)."""
    return [names[i : i + size] for i in range(0, len(names), size)]


def run_partition(job: Job, part: int, files: list[str], digests: list[str]) -> dict[str, pd.DataFrame]:
    """One partition (on a worker): its document tables, computed or read from the cache; the tables no reduction
    needs written as this partition's part; the rest returned."""
    def make_build(names: list[str]) -> Build:
        return Build(load_corpus(job.root, only=None if job.whole else names, listed=job.listed))

    tables = cache.partition_tables(job.root, dict(zip(files, digests)),
                                    job.plan.written_by_parts + job.plan.gathered, job.cache_dir, make_build, job.known)
    for name in job.plan.written_by_parts:
        store.write_part(tables[name], job.tables, name, job.formats, part, csv_safe=job.csv_safe)
    return {name: tables[name] for name in job.plan.gathered}


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator:
    """A Dask client on the cluster at `scheduler`, or on a LocalCluster of `workers` processes on this machine."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def _map(job: Job, parts: list[list[str]], digests: dict[str, str], engine: str, workers: int | None,
         scheduler: str | None) -> list[dict[str, pd.DataFrame]]:
    """Every partition's gathered tables, in partition order, with progress in documents. With a cache, the
    partitions it holds whole are read back in this process, and a cluster is started only when more than one
    partition's worth of documents must be computed (adding a few articles to a built corpus needs none)."""
    progress = Progress("document tables", sum(len(p) for p in parts), "documents")
    results: list = [None] * len(parts)
    remote = list(range(len(parts))) if engine == "dask" else []
    if engine == "dask" and job.cache_dir is not None:
        missing = cache.uncached(job.root, digests, job.plan.written_by_parts + job.plan.gathered, job.cache_dir,
                                 job.known)
        remote = [i for i, files in enumerate(parts) if missing.intersection(files)]
        remote = remote if len(missing) > max(map(len, parts), default=0) else []
    elsewhere = set(remote)
    for i, files in enumerate(parts):
        if i not in elsewhere:
            results[i] = run_partition(job, i, files, [digests[f] for f in files])
            progress.advance(len(files))
    if not remote:
        return results
    from distributed import as_completed

    with dask_client(workers, scheduler) as client:
        futures = client.map(run_partition, [job] * len(remote), remote, [parts[i] for i in remote],
                             [[digests[f] for f in parts[i]] for i in remote], pure=False)
        where = {future.key: i for i, future in zip(remote, futures)}
        for future in as_completed(futures):
            i = where[future.key]
            results[i] = future.result()
            future.release()
            progress.advance(len(parts[i]))
    return results


def build(root: Path, out: Path, chosen: tuple[str, ...] = ("csv",), *, engine: str = "local",
          workers: int | None = None, scheduler: str | None = None, cache_dir: Path | None = None,
          partition: int = PARTITION, csv_safe: bool = False, shown: Path | None = None,
          names: list[str] | None = None) -> list[Path]:
    """Compute every written table of the corpus folder (with `names`, of those files under it: see
    corpus.corpus_input) with the chosen engine and write it to OUT/tables in the chosen formats; return the paths
    written. Progress lines name the tables under `shown` (default OUT): the user's output folder when OUT is a
    staging folder swapped in later."""
    found = scan(root, names=names)
    files = found.names()
    whole = engine == "local" and cache_dir is None and names is None
    steps = plan()
    known = None if cache_dir is None else cache.indexes(root, steps.written_by_parts + steps.gathered, cache_dir)
    job = Job(root, steps, out / "tables", chosen, cache_dir, whole, csv_safe, listed=names is not None, known=known)
    for name in job.plan.written_by_parts:
        for fmt in store.FORMATS:
            shutil.rmtree(job.tables / f"{name}.{fmt}", ignore_errors=True)
    parts = [files] if engine == "local" else partitions(files, partition)
    results = _map(job, parts, found.digests, engine, workers, scheduler)
    gathered = {n: pd.concat([r[n] for r in results], ignore_index=True) for n in job.plan.gathered}
    if not whole:
        gathered["documents"] = document_short_names(gathered["documents"])
        gathered["problems"] = folder_problems(found, gathered["problems"], gathered["documents"])
    corpus = Corpus(root, LazyTexts(root, list(gathered["documents"]["doc_id"]), {doc_id(f): f for f in files}),
                    *(gathered[n] for n in CORPUS_FIELDS))
    tables = Build(corpus)
    tables.computed.update(gathered)
    resuming = [name for name in job.plan.reductions if TABLES[name].resumes] if cache_dir is not None else []
    table_versions = cache.versions(root) if resuming else {}
    for name in resuming:
        if (run := cache.earlier(cache_dir, name, table_versions[name])) is not None:
            tables.earlier[name] = run
    written = []
    for i, name in enumerate(WRITTEN, 1):
        started = time.perf_counter()
        if name in job.plan.written_by_parts:
            written += store.join_parts(job.tables, name, chosen)
            what = f"{len(parts)} partitions"
        else:
            frame = tables[name]
            written += store.write_table(frame, job.tables, name, chosen, csv_safe=csv_safe)
            what = f"{len(frame)} rows"
        print(f"[{i}/{len(WRITTEN)}] {(shown or out) / 'tables' / name}.{'|'.join(chosen)} ({what}, "
              f"{time.perf_counter() - started:.2f} s)", file=sys.stderr, flush=True)
    for name in resuming:
        cache.keep_run(cache_dir, name, table_versions[name], tables[TABLES[name].needs[0]], tables[name])
    return written
