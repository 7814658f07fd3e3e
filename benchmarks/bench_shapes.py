"""The same bytes in different shapes: one 20 MB document against 20 MB in 4,000 documents, and 20,000 tiny
documents against the same bytes in 200. Each shape is built in its own process (load, then every table), which
reports its time and peak memory. Goals (issue 14): the single document within 2x the time of the 4,000; the tiny
documents at >= 0.5 of the throughput of the 200.

BENCH_SHAPE_MB (default 20) sets the large size, BENCH_SHAPE_TINY (default 20000) the number of tiny documents;
BENCH_SHAPE_TABLES a comma-separated list of tables (default every written table; "none" times loading alone).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import SEEDS

TINY_DOCUMENTS = int(os.environ.get("BENCH_SHAPE_TINY", "20000"))


def _paragraphs() -> list[str]:
    """The seed articles' paragraphs: the text every shape is made of."""
    return [p.strip() for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text("utf-8").split("\n\n") if p.strip()]


def write_shape(folder: Path, total_bytes: int, documents: int) -> int:
    """Write `documents` files of seed paragraphs adding up to about total_bytes (each a headline and body
    paragraphs, each file different); return the bytes written."""
    paragraphs = _paragraphs()
    per_doc, written, k = max(total_bytes // documents, 1), 0, 0
    for i in range(documents):
        parts, size = [f"Short document {i} of many"], 0  # a headline (two words and more words than numbers)
        while size < per_doc:
            parts.append(paragraphs[k % len(paragraphs)][: max(per_doc - size, 20)])
            size += len(parts[-1]) + 2
            k += 1
        raw = "\n\n".join(parts).encode("utf-8") + b"\n"
        (folder / f"{i:06d}.txt").write_bytes(raw)
        written += len(raw)
    return written


def measure(folder: Path, tables: str) -> dict:
    """Load and build the folder in a fresh process; its seconds (wall and CPU: on a shared machine the CPU seconds
    are the measure) for each step and its peak memory (MB)."""
    code = f"""
import json, resource, time, warnings
warnings.simplefilter("ignore")
from analysis import load_corpus
from analysis.pipeline import WRITTEN, Build
started, cpu = time.perf_counter(), time.process_time()
corpus = load_corpus({str(folder)!r})
loaded, load_cpu = time.perf_counter() - started, time.process_time() - cpu
names = [] if {tables!r} == "none" else (list(WRITTEN) if not {tables!r} else {tables!r}.split(","))
build = Build(corpus)
for name in names:
    build[name]
print(json.dumps(dict(load=loaded, total=time.perf_counter() - started, load_cpu=load_cpu,
                      cpu=time.process_time() - cpu,
                      peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print each shape's time, throughput and peak memory, and the two ratios the goals are about."""
    megabytes = float(os.environ.get("BENCH_SHAPE_MB", "20"))
    tables = os.environ.get("BENCH_SHAPE_TABLES", "")
    tiny_bytes = TINY_DOCUMENTS * 30  # about 30 bytes each: a headline and one short line
    shapes = [("one document", int(megabytes * 1e6), 1), ("4,000 documents", int(megabytes * 1e6), 4000),
              (f"{TINY_DOCUMENTS:,} tiny documents", tiny_bytes, TINY_DOCUMENTS), ("200 documents", tiny_bytes, 200)]
    results = {}
    for name, size, documents in shapes:
        folder = Path(tempfile.mkdtemp(prefix="analysis-bench-shape-"))
        try:
            written = write_shape(folder, size, documents)
            result = measure(folder, tables)
        finally:
            shutil.rmtree(folder)
        results[name] = result | {"mb": written / 1e6}
        print(f"{name}: {written / 1e6:.2f} MB, load {result['load_cpu']:.1f} s CPU ({result['load']:.1f} s wall), "
              f"load + tables {result['cpu']:.1f} s CPU ({result['total']:.1f} s wall; "
              f"{written / 1e6 / result['cpu']:.3f} MB per CPU second), peak {result['peak_mb']:.0f} MB", flush=True)
    for step, key in (("load", "load_cpu"), ("load + tables", "cpu")):
        rate = {name: r["mb"] / r[key] for name, r in results.items()}
        print(f"{step}, CPU time: one document / 4,000 documents, time for the same bytes "
              f"{rate['4,000 documents'] / rate['one document']:.2f} (goal <= 2); {TINY_DOCUMENTS:,} tiny / 200 "
              f"documents, throughput {rate[f'{TINY_DOCUMENTS:,} tiny documents'] / rate['200 documents']:.2f} "
              f"(goal >= 0.5)")


if __name__ == "__main__":
    main()
