"""The whole build (`python -m analysis build --no-report`: load, every table, CSVs) on the seeds replicated to 5 MB."""

import contextlib
import io
import shutil
import tempfile
import time
import warnings
from pathlib import Path

from analysis.__main__ import write_tables
from benchmarks.common import replicated_folder

# Measured once before the table graph, at commit 8790e84 (where stance, stance_evidence, figures and
# recurring_figures each computed the quotes again, and recurring_figures the figures), on the same 5.0 MB folder
# with this benchmark's code, wall clock, on the shared 2-core machine while seven other jobs ran.
BEFORE_SECONDS = 891.8


def main() -> None:
    """Print the seconds and MB/s of one whole table build, and the build time measured before the table graph."""
    folder = replicated_folder(5_000_000)
    out = Path(tempfile.mkdtemp(prefix="analysis-bench-out-"))
    try:
        megabytes = sum(f.stat().st_size for f in folder.glob("*.txt")) / 1e6
        started, cpu = time.perf_counter(), time.process_time()
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            write_tables(folder, out)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        shutil.rmtree(folder)
        shutil.rmtree(out)
    print(f"whole build (tables only): {megabytes:.1f} MB in {seconds:.1f} s wall, {cpu:.1f} s CPU, one run "
          f"({megabytes / seconds:.3f} MB/s)")
    print(f"whole build before the table graph (8790e84): {BEFORE_SECONDS:.1f} s wall on the same corpus "
          f"({BEFORE_SECONDS / seconds:.1f}x this run)")


if __name__ == "__main__":
    main()
