"""Throughput of the narrative tables (quotes, stance, vocabulary, labels, reuse) on a replicated corpus."""

import warnings

from analysis.stages.actors import mentions
from analysis.stages.quotes import quotes
from analysis.stages.reuse import copies, reuse, shared_sentences
from analysis.stages.stance import stance
from analysis.stages.vocabulary import labels, vocabulary
from benchmarks.common import corpus_megabytes, replicated_corpus, report


def main() -> None:
    """Print MB/s for each narrative table on >= 5 MB (reuse compares distinct documents: copies are one row each)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = replicated_corpus(5_000_000)
    mb = corpus_megabytes(corpus)
    print(f"narratives corpus: {len(corpus.texts)} documents, {mb:.1f} MB")
    for name, make in [("quotes", quotes), ("stance (includes quotes)", stance), ("labels", labels)]:
        report(name, mb, lambda make=make: make(corpus), repeat=1)
    named = mentions(corpus)
    report("vocabulary (names from the mentions table)", mb, lambda: vocabulary(corpus, named), repeat=1)
    said = quotes(corpus)
    copied = copies(corpus)
    report("copies", mb, lambda: copies(corpus), repeat=1)
    report("reuse (shared sentences and passages)", mb,
           lambda: reuse(corpus, copied, shared_sentences(corpus, said, copied)), repeat=1)


if __name__ == "__main__":
    main()
