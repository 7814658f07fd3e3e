"""Throughput of figure and date extraction on the replicated corpus (one core), with quantulum3 as a peer.

parse_figures and quantulum3 are timed in CPU seconds (time.process_time): the goal is >= 10 MB/s on one
core, and CPU time is what other loads on a shared machine change least."""

import time
import warnings

import pandas as pd
from quantulum3 import parser as quantulum3

from analysis.stages.dates import dates
from analysis.stages.figures import figures, parse_figures
from benchmarks.common import corpus_megabytes, replicated_corpus, report

NO_QUOTES = pd.DataFrame(columns=["doc_id", "speaker", "content_start", "content_end"])


def main() -> None:
    """Print MB/s for parse_figures on every text, the figures table (sources aside: quotes has its own
    benchmark) and the dates table, on the seeds replicated to at least 5 MB."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = replicated_corpus(5_000_000)
    megabytes = corpus_megabytes(corpus)
    texts = list(corpus.texts.values())
    report("figures (parse_figures)", megabytes, lambda: [parse_figures(t) for t in texts], repeat=5,
           clock=time.process_time)
    report("figures table (sentences, topics)", megabytes, lambda: figures(corpus, quotes=NO_QUOTES), repeat=5)
    report("dates table", megabytes, lambda: dates(corpus), repeat=5)
    sample = list(dict.fromkeys(t.rstrip("\n") for t in texts))  # the seed texts once: quantulum3 is too slow for 5 MB
    sample_mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    quantulum3.parse("warm-up: 5 km")
    report("figures (parse_figures), seed texts once", sample_mb, lambda: [parse_figures(t) for t in sample], repeat=5,
           clock=time.process_time)
    report("peer: quantulum3 parser.parse, seed texts once", sample_mb, lambda: [quantulum3.parse(t) for t in sample],
           repeat=1, clock=time.process_time)


if __name__ == "__main__":
    main()
