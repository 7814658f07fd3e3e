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

# The whole build measured once just before the table graph landed (95b1fc9, where stance, stance_evidence,
# figures and recurring_figures each computed the quotes again, and recurring_figures the figures) and once just
# after it (e286db0), same 5.0 MB folder, this benchmark's code, one after the other on the shared 2-core machine
# while seven other jobs ran: wall clock 1138.4 s and 805.1 s (mostly waiting for a core), CPU 159.3 s and 90.2 s.
BEFORE_CPU_SECONDS = 159.3

def main() -> None:
    """Print the wall and CPU seconds of one whole table build, and the CPU time measured before the table graph."""
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
    print(f"whole build before the table graph (95b1fc9): {BEFORE_CPU_SECONDS:.1f} s CPU on the same corpus "
          f"({BEFORE_CPU_SECONDS / cpu:.1f}x this run's CPU time)")


if __name__ == "__main__":
    main()
