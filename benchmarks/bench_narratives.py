"""Throughput of the narrative tables (quotes, stance, vocabulary, epithets, reuse) on a replicated corpus."""

import warnings

from analysis.pipeline import TABLES, Build
from benchmarks.common import corpus_megabytes, replicated_corpus, report

NARRATIVE_TABLES = ("quotes", "stance", "stance_evidence", "vocabulary", "epithets", "copies", "shared_sentences",
                    "reuse")


def main() -> None:
    """Print MB/s for each narrative table on >= 5 MB, each given its inputs from one Build (so stance's time is its
    own, without the quotes it reads; reuse compares distinct documents: copies are one row each)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = replicated_corpus(5_000_000)
    mb = corpus_megabytes(corpus)
    print(f"narratives corpus: {len(corpus.texts)} documents, {mb:.1f} MB")
    build = Build(corpus)
    for name in NARRATIVE_TABLES:
        spec = TABLES[name]
        inputs = {need: build[need] for need in spec.needs}
        report(name, mb, lambda spec=spec, inputs=inputs: spec.make(corpus, **inputs), repeat=1)


if __name__ == "__main__":
    main()
