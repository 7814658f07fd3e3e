"""A manifest.csv of BENCH_MANIFEST_ROWS rows (default 1,000,000) for files that do not exist, beside the seeds:
the load's CPU seconds, peak memory, and how much it warns (issue 14: one line per kind, the rows in `problems`).
tests/test_bad_manifest.py checks the same at 100,000 rows."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import SEEDS


def main() -> None:
    """Write the manifest, load the folder in a fresh process and print its figures."""
    rows = int(os.environ.get("BENCH_MANIFEST_ROWS", "1000000"))
    folder = Path(tempfile.mkdtemp(prefix="analysis-bench-manifest-"))
    try:
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, folder)
        with open(folder / "manifest.csv", "w", encoding="utf-8") as out:
            out.write("doc_id,genre,genre_source\n")
            out.writelines(f"missing{i:07d},news,bench\n" for i in range(rows))
        code = f"""
import json, resource, time, warnings
from analysis import load_corpus
started, cpu = time.perf_counter(), time.process_time()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    corpus = load_corpus({str(folder)!r})
print(json.dumps(dict(cpu=time.process_time() - cpu, wall=time.perf_counter() - started, problems=len(corpus.problems),
                      lines=len(caught), chars=sum(len(str(w.message)) for w in caught),
                      peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
"""
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"manifest of {rows:,} rows for missing files: load {r['cpu']:.1f} s CPU ({r['wall']:.1f} s wall), "
              f"peak {r['peak_mb']:.0f} MB, {r['problems']:,} problems rows, {r['lines']} warning lines "
              f"({r['chars']:,} characters)", flush=True)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
