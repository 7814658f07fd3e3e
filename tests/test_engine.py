"""Engines, columnar output, incremental builds: the Dask engine writes the tables the local engine writes."""

import filecmp
import os
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client, LocalCluster

from analysis import cache, engine, store
from analysis.pipeline import WRITTEN
from benchmarks.scale import make_corpus, warm_worker

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def cluster():
    """One Dask LocalCluster (one worker process) for the module."""
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory) -> Path:
    """The seeds built by the local engine, CSV and Parquet: OUT/tables."""
    out = tmp_path_factory.mktemp("seeds")
    _quiet_build(SEEDS, out, ("csv", "parquet"))
    return out / "tables"


def _quiet_build(*args, **kwargs) -> list[Path]:
    """engine.build without the corpus warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return engine.build(*args, **kwargs)


def _same_tables(a: Path, b: Path) -> None:
    """Every CSV of two builds byte-identical, and every Parquet table equal to the other build's."""
    for name in WRITTEN:
        assert filecmp.cmp(a / f"{name}.csv", b / f"{name}.csv", shallow=False), name
        pd.testing.assert_frame_equal(store.read_table(a, name), store.read_table(b, name), obj=name)


def test_dask_engine_writes_the_tables_of_the_local_engine(tmp_path, cluster, capsys):
    """The seeds, four more copies of seed articles made unique, and a byte copy of one (skipped), in partitions of
    three: copies, shared passages and short names cross partitions."""
    root = make_corpus(tmp_path / "corpus", 4, [SEEDS])
    for path in SEEDS.iterdir():
        shutil.copy(path, root / path.name)
    shutil.copy(root / "000003.txt", root / "000003b.txt")
    _quiet_build(root, tmp_path / "local", ("csv", "parquet"))
    _quiet_build(root, tmp_path / "dask", ("csv", "parquet"), engine="dask", scheduler=cluster.scheduler_address,
                 partition=3)
    _same_tables(tmp_path / "local" / "tables", tmp_path / "dask" / "tables")
    parts = sorted((tmp_path / "dask" / "tables" / "dates.parquet").glob("part-*.parquet"))
    assert len(parts) == 3  # a per-document table: one Parquet part per partition
    assert "document tables: 9/9 documents" in capsys.readouterr().err
    copies = store.read_table(tmp_path / "dask" / "tables", "copies")
    assert len(copies) == 4  # each generated copy is a copy of its seed article


def _four_seeds(tmp_path: Path) -> tuple[Path, list[Path], Path]:
    """A corpus folder with the first four seeds and the manifest, the five seed paths, and a cache folder."""
    root = tmp_path / "corpus"
    root.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:4] + [SEEDS / "manifest.csv"]:
        shutil.copy(path, root / path.name)
    return root, seeds, tmp_path / "cache"


def test_incremental_build_computes_the_added_document_only(tmp_path, monkeypatch, seed_tables):
    root, seeds, kept = _four_seeds(tmp_path)
    _quiet_build(root, tmp_path / "first", cache_dir=kept)
    shutil.copy(seeds[4], root / seeds[4].name)
    runs = []
    real = engine.load_corpus

    def counted(path, strict=False, only=None, **options):
        runs.append(only)
        return real(path, strict, only, **options)

    monkeypatch.setattr(engine, "load_corpus", counted)
    _quiet_build(root, tmp_path / "second", cache_dir=kept)
    _quiet_build(root, tmp_path / "third", cache_dir=kept)
    assert runs == [[seeds[4].name]]  # the second build loads the new document alone, the third nothing
    for build in ("second", "third"):  # the seeds again, built without a cache
        for name in WRITTEN:
            assert filecmp.cmp(tmp_path / build / "tables" / f"{name}.csv", seed_tables / f"{name}.csv",
                               shallow=False), (build, name)


def test_a_cached_dask_build_starts_no_cluster_for_a_few_new_documents(tmp_path, monkeypatch, cluster, seed_tables):
    """With a cache, partitions it holds whole are read back by the client, and a document or two added to a built
    corpus is computed there too: starting a cluster (workers importing the package, loading the model) would cost
    more than the work."""
    root, seeds, kept = _four_seeds(tmp_path)
    _quiet_build(root, tmp_path / "first", engine="dask", scheduler=cluster.scheduler_address, cache_dir=kept,
                 partition=2)
    shutil.copy(seeds[4], root / seeds[4].name)

    def no_cluster(*args, **kwargs):
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(engine, "dask_client", no_cluster)
    _quiet_build(root, tmp_path / "second", engine="dask", scheduler=cluster.scheduler_address, cache_dir=kept,
                 partition=2)
    for name in WRITTEN:
        assert filecmp.cmp(tmp_path / "second" / "tables" / f"{name}.csv", seed_tables / f"{name}.csv",
                           shallow=False), name
    assert cache.uncached(root, {p.name: "x" for p in seeds}, ("documents",), None) == {p.name for p in seeds}


def test_a_changed_data_file_changes_the_versions_of_the_tables_that_read_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(cache.DATA, data)
    before = cache.versions(data=data)
    with open(data / "units.yaml", "a", encoding="utf-8") as f:
        f.write("\n# an analyst's note\n")
    after = cache.versions(data=data)
    changed = {name for name in before if before[name] != after[name]}
    reading = {name for name in before if data / "units.yaml" in cache.reads(name, data)}
    assert "figures" in reading and "mentions" not in reading and "reuse" not in reading
    assert reading <= changed
    assert all(name in reading or any(n in changed for n in cache.TABLES[name].needs) for name in changed)


def test_a_changed_data_file_recomputes_exactly_the_tables_that_read_it(tmp_path, monkeypatch, seed_tables):
    """A cached build, then a line added to units.yaml: the rebuild computes again the cached tables whose version
    changed (figures, and what is made from them) and reads every other table back; the tables are those of a
    build without a cache."""
    data = tmp_path / "data"
    shutil.copytree(cache.DATA, data)
    monkeypatch.setattr(cache, "DATA", data)
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS, root)
    kept = tmp_path / "cache"
    _quiet_build(root, tmp_path / "first", cache_dir=kept)
    before = cache.versions(root)
    with open(data / "units.yaml", "a", encoding="utf-8") as f:
        f.write("\n# an analyst's note\n")
    changed = {name for name, version in cache.versions(root).items() if version != before[name]}
    stored = []
    real = cache._store

    def counted(folder, frame, digests):
        stored.append(folder.parent.name)
        return real(folder, frame, digests)

    monkeypatch.setattr(cache, "_store", counted)
    _quiet_build(root, tmp_path / "second", cache_dir=kept)
    assert "figures" in stored and "mentions" not in stored and "quotes" not in stored
    plan = engine.plan()
    assert sorted(stored) == sorted(changed & set(plan.written_by_parts + plan.gathered))
    for name in WRITTEN:
        assert filecmp.cmp(tmp_path / "second" / "tables" / f"{name}.csv", seed_tables / f"{name}.csv",
                           shallow=False), name


def test_a_stored_build_reads_its_tables_instead_of_computing_them(seed_tables):
    stored = store.StoredBuild(seed_tables, SEEDS)
    for name in ("quotes", "mentions", "reuse", "documents"):
        assert stored[name].to_csv(index=False) == (seed_tables / f"{name}.csv").read_text("utf-8")
    assert not stored.runs  # nothing computed
    assert len(stored["shared_sentences"]) and dict(stored.runs) == {"reuse_keys": 1, "shared_sentences": 1}  # internal: computed
    assert stored.corpus.texts["001_b8e32a01f76ace3e"] == (SEEDS / "001_b8e32a01f76ace3e.txt").read_text("utf-8")


def _model_loaded() -> bool:
    """Whether this process has loaded the spaCy model (analysis.stages.parse.nlp called)."""
    import sys

    parse = sys.modules.get("analysis.stages.parse")
    return parse is not None and parse.nlp.cache_info().currsize == 1


def test_scale_benchmark_warms_every_worker_before_it_times_a_build(tmp_path):
    """A fresh worker has not loaded the model; after warm_worker ran on it (as the benchmark does on every worker
    of its cluster before the timed builds) it has, so the timed builds pay no worker start."""
    folder = make_corpus(tmp_path / "warm", 2, [SEEDS])
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as fresh, \
            Client(fresh) as client:
        assert list(client.run(_model_loaded).values()) == [False]
        pids = client.run(warm_worker, str(folder))
        assert list(client.run(_model_loaded).values()) == [True]
    assert os.getpid() not in pids.values()
