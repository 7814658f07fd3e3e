"""The attribution parse against a plain spaCy pipeline, side by side on the same distinct real texts (the seeds and,
when present, ../shared/dev-corpus: no replicated copies, whose sentences a cache would make free):

- quotes with the parser: the prefilter, the parse of the sentences it chooses (analysis.stages.parse) and the
  quotes stage on them, timed together;
- plain spaCy: the same model run over every sentence of the same texts (what parser-based peers do).

Then the quotes stage alone (given its parses) on one long document of BENCH_PARSE_KB and 4 times as many KB, to
show its time grows linearly with document length (issue 14 measured the regex quotes stage super-quadratic).
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

from analysis.stages.parse import nlp, parses
from analysis.stages.quotes import quotes
from benchmarks.common import SEEDS, corpus_megabytes, load_and_remove

DEV_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus"


def _timed(run) -> tuple[float, object]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def _folder(sources: list[Path], copies_in_one: int = 0) -> Path:
    """A temporary corpus folder: the source files as they are, or (copies_in_one > 0) one document made of their
    paragraphs repeated copies_in_one times."""
    folder = Path(tempfile.mkdtemp(prefix="analysis-bench-parse-"))
    if copies_in_one:
        body = "\n\n".join(s.read_text("utf-8").strip() for s in sources)
        (folder / "long.txt").write_text("A long document\n\n" + "\n\n".join([body] * copies_in_one), "utf-8")
    else:
        for source in sources:
            shutil.copy(source, folder / source.name)
    return folder


def main() -> None:
    """Print both rates, their ratio and the prefilter's share; then the quotes stage on a long document at two sizes."""
    sources = sorted(SEEDS.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    corpus = load_and_remove(_folder(sources))
    mb = corpus_megabytes(corpus)
    nlp()  # loaded once per process, before timing
    ours, parsed = _timed(lambda: quotes(corpus, parses(corpus)))
    texts = corpus.sentences["text"].tolist()
    plain, _ = _timed(lambda: list(nlp().pipe(texts, batch_size=64)))
    chosen = parses(corpus)
    share = sum(len(p.doc.text) for d in corpus.texts for p in chosen.document(d)) / sum(map(len, texts))
    print(f"attribution corpus: {len(corpus.texts)} distinct documents, {mb:.2f} MB, {len(texts)} sentences; "
          f"the prefilter parses {len(chosen)} ({share:.0%} of sentence characters)")
    print(f"quotes with the parser (prefilter + parse + quotes): {mb / ours:.3f} MB/s ({ours:.1f} s)")
    print(f"plain spaCy, every sentence parsed: {mb / plain:.3f} MB/s ({plain:.1f} s); "
          f"quotes with the parser is {plain / ours:.2f}x that")
    kb = int(os.environ.get("BENCH_PARSE_KB", "100"))
    size = len("\n\n".join(s.read_text("utf-8").strip() for s in sources))
    for factor in (1, 4):
        long = load_and_remove(_folder(sources, max(1, kb * 1000 * factor // size)))
        long_parses = parses(long)
        seconds, table = _timed(lambda long=long, long_parses=long_parses: quotes(long, long_parses))
        print(f"quotes stage alone, one document of {corpus_megabytes(long):.2f} MB: {seconds:.2f} s "
              f"({len(table)} statements)")


if __name__ == "__main__":
    main()
