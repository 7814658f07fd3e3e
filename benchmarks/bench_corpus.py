"""Throughput of loading and segmenting a replicated corpus (one core)."""

import shutil
import warnings

from analysis.corpus import load_corpus
from benchmarks.common import corpus_megabytes, replicated_folder, report


def main() -> None:
    """Print MB/s for load + metadata + segmentation of the seed corpus replicated to at least 5 MB."""
    folder = replicated_folder(5_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(folder)
            print(f"corpus: {len(corpus.texts)} documents, {len(corpus.sentences)} sentences")
            report("load + segment", corpus_megabytes(corpus), lambda: load_corpus(folder))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
