"""Throughput of actor mention extraction on a replicated corpus (one core)."""

import shutil
import warnings

from analysis.stages.actors import matcher, mentions
from analysis.stages.corpus import load_corpus
from benchmarks.common import corpus_megabytes, replicated_folder, report


def main() -> None:
    """Print MB/s for the mentions table (alias matching + sentence lookup) on the seeds replicated to 5 MB."""
    folder = replicated_folder(5_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(folder)
    finally:
        shutil.rmtree(folder)
    matcher()  # build the automaton once, outside the timing
    table = mentions(corpus)
    print(f"actors: {len(corpus.texts)} documents, {len(table)} mentions")
    report("actor mentions", corpus_megabytes(corpus), lambda: mentions(corpus), repeat=5)


if __name__ == "__main__":
    main()
