"""Throughput of actor mention extraction on a replicated corpus (one core)."""


from analysis.stages.actors import doc_mentions, matcher, mentions
from analysis.stages.corpus import Corpus
from analysis.stages.parse import parses
from benchmarks.common import (
    corpus_megabytes,
    load_and_remove,
    replicated_folder,
    report,
)


def _load(size: int) -> Corpus:
    """The seeds replicated to about `size` bytes, loaded."""
    return load_and_remove(replicated_folder(size))


def main() -> None:
    """Print MB/s for catalogue matching (alias matching + sentence lookup) on the seeds replicated to 5 MB, and for
    the whole mentions table, unlisted actors included, given the build's parse (made once, outside the timing, as a
    build does: its cost is the parse stage's) on 0.5 MB."""
    corpus = _load(5_000_000)
    match = matcher()  # build the automaton once, outside the timing
    by_doc = {d: corpus.sentences[corpus.sentences["doc_id"] == d] for d in corpus.texts}
    report("actor mentions, catalogue", corpus_megabytes(corpus),
           lambda: [doc_mentions(d, t, by_doc[d], match) for d, t in corpus.texts.items()], repeat=5)
    small = _load(500_000)
    parsed = parses(small)
    table = mentions(small, parsed)
    print(f"actors: {len(small.texts)} documents, {len(table)} mentions, {len(parsed)} sentences parsed")
    report("actor mentions with unlisted actors (given the parse)", corpus_megabytes(small),
           lambda: mentions(small, parsed), repeat=3)


if __name__ == "__main__":
    main()
