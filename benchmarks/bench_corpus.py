"""Throughput of loading and segmenting a replicated corpus (one core), stage by stage."""

import shutil
import warnings

from analysis.stages import metadata
from analysis.stages.corpus import load_corpus
from analysis.stages.files import decode
from analysis.stages.segment import segment
from benchmarks.common import corpus_megabytes, replicated_folder, report


def main() -> None:
    """Print MB/s for reading + decoding, segmentation, both together, metadata, and the whole load_corpus (>= 5 MB)."""
    folder = replicated_folder(5_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            files = sorted(folder.glob("*.txt"))
            corpus = load_corpus(folder)
            mb = corpus_megabytes(corpus)
            print(f"corpus: {len(corpus.texts)} documents, {len(corpus.sentences)} sentences, {mb:.1f} MB")
            texts = [decode(f.read_bytes())[0] for f in files]
            report("read + decode", mb, lambda: [decode(f.read_bytes()) for f in files], repeat=5)
            report("segment: paragraphs, kinds, sentences", mb, lambda: [segment(t) for t in texts], repeat=5)
            report("read + decode + segment (loading and segmentation; target 20)", mb,
                   lambda: [segment(decode(f.read_bytes())[0]) for f in files], repeat=5)
            flat = [[s for para in segment(t)[1] for s in para] for t in texts]
            report("metadata: title, author, outlet, via, date", mb, lambda: [_metadata(t, f) for t, f in
                                                                           zip(texts, flat)], repeat=5)
            report("load_corpus (all of the above + tables)", mb, lambda: load_corpus(folder), repeat=5)
    finally:
        shutil.rmtree(folder)


def _metadata(text: str, spans: list) -> tuple:
    """Every metadata extractor on one segmented document."""
    return tuple(f(text, spans) for f in (metadata.title, metadata.author, metadata.outlet, metadata.via,
                                          metadata.published))


if __name__ == "__main__":
    main()
