"""Shared benchmark helpers: a corpus replicated to a few megabytes, and a throughput printer."""

import shutil
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from analysis.stages.corpus import Corpus, load_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def replicated_folder(min_bytes: int = 5_000_000, seeds: Path = SEEDS) -> Path:
    """A temporary folder holding copies of the seed articles adding up to at least min_bytes.

    Each copy gets a different number of trailing newlines, so no two files are byte-identical
    (the loader skips exact duplicates) while the text to analyse stays the same.
    """
    folder = Path(tempfile.mkdtemp(prefix="analysis-bench-"))
    sources = sorted(seeds.glob("*.txt"))
    total, copy = 0, 0
    while total < min_bytes:
        for source in sources:
            raw = source.read_bytes() + b"\n" * (copy + 1)
            (folder / f"{copy:05d}_{source.name}").write_bytes(raw)
            total += len(raw)
        copy += 1
    return folder


def replicated_corpus(min_bytes: int = 5_000_000) -> Corpus:
    """The seed corpus replicated to at least min_bytes, loaded."""
    return load_and_remove(replicated_folder(min_bytes))


def load_and_remove(folder: Path) -> Corpus:
    """The corpus of a temporary folder, loaded without warnings, the folder then removed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_corpus(folder)
    finally:
        shutil.rmtree(folder)


def corpus_megabytes(corpus: Corpus) -> float:
    """Size of the corpus texts in MB (UTF-8)."""
    return sum(len(t.encode("utf-8")) for t in corpus.texts.values()) / 1e6


def report(stage: str, megabytes: float, run: Callable[[], object], repeat: int = 3,
           clock: Callable[[], float] = time.perf_counter) -> float:
    """Run a stage `repeat` times, print its best throughput in MB/s and return it. With
    clock=time.process_time the time is this process's CPU time, which other loads on the machine change less."""
    best = min(_timed(run, clock) for _ in range(repeat))
    rate = megabytes / best
    seconds = "CPU s" if clock is time.process_time else "s"
    print(f"{stage}: {rate:.3g} MB/s ({megabytes:.3g} MB in {best:.2f} {seconds}, best of {repeat})", flush=True)
    return rate


def _timed(run: Callable[[], object], clock: Callable[[], float]) -> float:
    """Seconds one call of run takes on the clock."""
    started = clock()
    run()
    return clock() - started
