"""The whole build (`python -m analysis build --no-report`: load, every table, CSVs) on the seeds replicated to 5 MB,
before and after the table graph side by side, in CPU time (the machine's other load changes the wall clock, not the
CPU a build needs). `make bench` measures this tree and prints the measured "before" (229885e, the last commit
before the table graph work of issue 10); BENCH_BEFORE=229885e (any commit) measures that one too, from `git
archive` of it, on the same folder (about as long again)."""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import replicated_folder

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "229885e"
# Measured with this benchmark's method, one run each, one after the other on the shared 2-core machine under a load
# of about 10 (most of the wall clock is waiting for a core): 229885e 146.1 s CPU (1820.5 s wall) on the 5.03 MB
# folder. The after figure of that day is in docs/DEVELOPING.md.
BEFORE_CPU_SECONDS = 146.1
# One build in a fresh interpreter: the tree's package first on the path, the corpus folder and output folder given.
_RUN = "import sys; from pathlib import Path; from analysis.__main__ import write_tables; " \
       "write_tables(Path(sys.argv[1]), Path(sys.argv[2]))"


def timed_build(tree: Path, folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one whole table build of folder by the package in tree."""
    out = Path(tempfile.mkdtemp(prefix="analysis-bench-out-"))
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", _RUN, str(folder), str(out)], cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(out)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - started, cpu


def checkout(commit: str) -> Path:
    """The package as it was at a commit, in a temporary folder (git archive)."""
    tree = Path(tempfile.mkdtemp(prefix=f"analysis-{commit}-"))
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def main() -> None:
    """Print the CPU seconds of one whole table build now and before the table graph, side by side."""
    folder = replicated_folder(5_000_000)
    commit = os.environ.get("BENCH_BEFORE", "")
    try:
        megabytes = sum(f.stat().st_size for f in folder.glob("*.txt")) / 1e6
        wall, cpu = timed_build(ROOT, folder)
        if commit:
            tree = checkout(commit)
            try:
                _, before = timed_build(tree, folder)
            finally:
                shutil.rmtree(tree)
            measured = "measured now"
        else:
            commit, before, measured = BEFORE, BEFORE_CPU_SECONDS, "as measured (BENCH_BEFORE=229885e re-measures)"
    finally:
        shutil.rmtree(folder)
    print(f"whole build (tables only), {megabytes:.1f} MB, CPU seconds: before ({commit}, {measured}) {before:.1f} | "
          f"now {cpu:.1f} ({wall:.1f} s wall) | before/now {before / cpu:.2f}x")


if __name__ == "__main__":
    main()
