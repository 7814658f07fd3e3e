"""Scale benchmark (`make bench-scale`): generated corpora built with the Dask engine on 1 and 2 local workers.

Each corpus copies the seeds and the dev corpus (../shared/dev-corpus, when present) in turn, each copy made unique
by a closing line with its number. For each worker count, this process starts a `distributed.LocalCluster` of N
one-thread worker processes and warms every worker (its imports, the spaCy model and the automata, built once per
worker process: `warm_worker`), timed and printed apart: a cluster is started once and then serves build after
build, as with `--scheduler`. Then, for every size, one `python -m analysis build --engine dask --scheduler ADDRESS
--no-report --format parquet` runs in a subprocess while this process samples the memory (RSS) of the client and of
the workers twice a second; it prints documents per second, MB per second, CPU seconds (client and workers), the
peak memory of each worker and of the client. Partitions have the engine's default size (`engine.PARTITION`
documents) at every corpus size and worker count, as a user's build has: a task's work, and so a worker's memory,
is the same however large the corpus, and the parse's reuse of a repeated sentence within a partition (the
generated corpora repeat 33 texts) flatters no size more than another. Then, on the middle size, an incremental
rebuild after adding one document, against the full build with the same cache folder (each build with `--workers`,
starting its own cluster). Sizes and workers: BENCH_SIZES (default 1000,10000,100000), BENCH_WORKERS (default 1,2);
BENCH_ONLY=incremental skips the throughput builds, BENCH_ONLY=throughput the incremental rebuild.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "dev-corpus"]
SAMPLE_SECONDS = 0.5



def make_corpus(folder: Path, n: int, sources: list[Path], first: int = 0) -> Path:
    """A folder of articles first..n-1 named 000000.txt, ...: the .txt files of the source folders in turn, each
    copy made unique by a closing line naming its number."""
    texts = [p.read_bytes() for source in sources if source.is_dir() for p in sorted(source.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, n):
        (folder / f"{i:06d}.txt").write_bytes(texts[i % len(texts)] + f"\n\nCopy {i}.\n".encode())
    return folder


def _processes(root: psutil.Process) -> list[psutil.Process]:
    """A process and its descendants."""
    try:
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _cpu(process: psutil.Process) -> float:
    """The CPU seconds (user and system) a process has used so far, 0 when it has ended."""
    try:
        times = process.cpu_times()
    except psutil.NoSuchProcess:
        return 0.0
    return times.user + times.system


def warm_worker(folder: str) -> int:
    """Compute every per-partition table of the small corpus at `folder` in this process, as a partition task does
    (the imports, the spaCy model and the automata, each made once per process); return the process id."""
    from analysis.engine import plan
    from analysis.pipeline import Build
    from analysis.stages.corpus import load_corpus

    tables = Build(load_corpus(Path(folder)))
    for name in plan().per_partition:
        tables[name]
    return os.getpid()


@contextmanager
def cluster(workers: int, work: Path) -> Iterator[tuple[str, list[psutil.Process], float]]:
    """A LocalCluster of `workers` one-thread worker processes, each warmed on a few articles: its scheduler's
    address, its worker processes and the seconds from starting it to every worker warm."""
    from distributed import Client, LocalCluster

    warm = make_corpus(work / "warm", 3, SOURCES)
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as client:
        pids = client.run(warm_worker, str(warm))
        yield local.scheduler_address, [psutil.Process(p) for p in pids.values()], time.perf_counter() - started


def run_build(corpus: Path, out: Path, workers: int, extra: tuple[str, ...] = (),
              cluster_workers: list[psutil.Process] = ()) -> tuple[float, float, float, list[float]]:
    """Seconds of one build, its CPU seconds (the client and every worker, the client's as last sampled), the client's
    peak RSS in MB, and each worker process's peak RSS in MB. Workers are those of a running cluster when given
    (`extra` then names its scheduler), else the build's own (`--workers`)."""
    engine = ("--scheduler",) if cluster_workers else ("--workers", str(workers))
    command = [sys.executable, "-m", "analysis", "build", "--corpus", str(corpus), "--out", str(out), "--no-report",
               "--engine", "dask", "--format", "parquet", *engine, *extra]
    before = sum(map(_cpu, cluster_workers))
    started = time.perf_counter()
    log = out.with_suffix(".log")
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    client = psutil.Process(build.pid)
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    roles: dict[int, str] = {p.pid: "spawn_main" for p in cluster_workers}
    while build.poll() is None:
        for p in _processes(client) + list(cluster_workers):
            try:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 1e6)
                cpu[p.pid] = _cpu(p)
                roles.setdefault(p.pid, " ".join(p.cmdline()))
            except psutil.NoSuchProcess:
                continue
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    if build.returncode:
        raise RuntimeError(f"build failed ({build.returncode}): {log.read_text()[-2000:]}")
    on_cluster = sum(map(_cpu, cluster_workers)) - before
    own = sum(c for pid, c in cpu.items() if pid not in {p.pid for p in cluster_workers})
    workers_peaks = sorted((mb for pid, mb in peaks.items() if pid != build.pid and "spawn_main" in roles[pid]),
                           reverse=True)[:workers]
    print(f"    CPU: client {cpu.get(build.pid, 0.0):.0f} s, workers {on_cluster + own - cpu.get(build.pid, 0.0):.0f} s",
          flush=True)
    return seconds, own + on_cluster, peaks.get(build.pid, 0.0), workers_peaks


def main() -> None:
    """Start a warmed cluster per worker count and build each corpus size on it, printing throughput and memory;
    then an incremental rebuild."""
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
    worker_counts = [int(w) for w in os.environ.get("BENCH_WORKERS", "1,2").split(",")]
    work = Path(tempfile.mkdtemp(prefix="analysis-scale-"))
    try:
        for workers in worker_counts if os.environ.get("BENCH_ONLY") != "incremental" else ():
            with cluster(workers, work) as (address, processes, warmed):
                print(f"{workers} worker(s): cluster started and every worker warmed in {warmed:.1f} s", flush=True)
                for n in sizes:
                    corpus = make_corpus(work / f"corpus-{n}", n, SOURCES)
                    megabytes = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
                    load = os.getloadavg()[0]
                    seconds, cpu, client, peaks = run_build(corpus, work / f"out-{n}-{workers}", workers,
                                                            (address,), processes)
                    print(f"{n:>7,} documents ({megabytes:.1f} MB), {workers} worker(s): {seconds:8.1f} s, "
                          f"{n / seconds:6.1f} documents/s ({n / seconds / workers:5.1f} per worker), "
                          f"{megabytes / seconds:.3f} MB/s; CPU {cpu:.0f} s ({n / cpu:.1f} documents per CPU "
                          f"second, {megabytes / cpu:.3f} MB); peak memory per worker "
                          f"{', '.join(f'{mb:,.0f}' for mb in peaks)} MB, client {client:,.0f} MB; load average "
                          f"{load:.1f} before, {os.getloadavg()[0]:.1f} after", flush=True)
                    shutil.rmtree(work / f"out-{n}-{workers}")
        if os.environ.get("BENCH_ONLY") == "throughput":
            return
        n = sizes[len(sizes) // 2]
        corpus = make_corpus(work / "incremental", n, SOURCES)
        cache = ("--cache", str(work / "cache"))
        full, full_cpu, _, _ = run_build(corpus, work / "out-incremental", max(worker_counts), cache)
        make_corpus(corpus, n + 1, SOURCES, first=n)
        again, again_cpu, _, _ = run_build(corpus, work / "out-incremental", max(worker_counts), cache)
        print(f"incremental: {n:,} documents built with a cache in {full:.1f} s ({full_cpu:.0f} s CPU); after adding "
              f"one document, rebuilt in {again:.1f} s ({again_cpu:.0f} s CPU): {again / full:.1%} of the full "
              f"build's time, {again_cpu / full_cpu:.1%} of its CPU", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
