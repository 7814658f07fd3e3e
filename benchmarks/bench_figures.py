"""Throughput of figure and date extraction on the replicated corpus (one core)."""

import warnings

import pandas as pd

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
    report("figures (parse_figures)", megabytes, lambda: [parse_figures(t) for t in texts], repeat=5)
    report("figures table (sentences, topics)", megabytes, lambda: figures(corpus, quotes=NO_QUOTES), repeat=5)
    report("dates table", megabytes, lambda: dates(corpus), repeat=5)


if __name__ == "__main__":
    main()
