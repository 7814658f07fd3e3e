"""Scores of actor mentions and document metadata against the hand annotation of ../shared/dev-corpus.

Run `python -m tests.dev_scores [-v]` to print them (-v lists every miss and false value); tests/test_dev_actors.py
asserts floors. Gold: tests/fixtures/dev_mentions_gold.csv (every actor span of 11 articles, actors the catalogue
lacks as `unlisted:<slug>`), tests/fixtures/dev_metadata_gold.csv (title, outlet, via, published of all 28; empty
where the text does not say).
"""

import sys
import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.stages import actors

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus"
FIELDS = ("title", "outlet", "via", "published")
KEY = ["doc_id", "start", "end", "actor_id", "kind"]


def prf(found: set, expected: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of found against expected."""
    hits = len(found & expected)
    p = hits / len(found) if found else 0.0
    r = hits / len(expected) if expected else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mention_scores(table: pd.DataFrame, kinds: tuple[str, ...] = ("name", "metonym")) -> tuple[float, float, float,
                                                                                                 set, set]:
    """P, R, F1 of a mentions table on the annotated articles (span, actor and kind must all agree), with the false
    and the missed spans."""
    gold = pd.read_csv(FIXTURES / "dev_mentions_gold.csv", keep_default_na=False)
    table = table[table["doc_id"].isin(set(gold["doc_id"])) & table["kind"].isin(kinds)]
    found = set(table[KEY].itertuples(index=False, name=None))
    expected = set(gold[gold["kind"].isin(kinds)][KEY].itertuples(index=False, name=None))
    return (*prf(found, expected), found - expected, expected - found)


def metadata_scores(documents: pd.DataFrame) -> tuple[int, int, list[tuple[str, str, str, str]]]:
    """Fields right (of 4 per article), false values (a value that is not the gold one), and each wrong field as
    (doc_id, field, found, gold)."""
    gold = pd.read_csv(FIXTURES / "dev_metadata_gold.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    docs = documents.set_index("doc_id")
    right, false, wrong = 0, 0, []
    for doc_id, row in gold.iterrows():
        for field in FIELDS:
            value = docs.at[doc_id, field]
            value = " ".join(str(value).split()) if isinstance(value, str) else ""
            if value == row[field]:
                right += 1
                continue
            false += bool(value)
            wrong.append((doc_id, field, value, row[field]))
    return right, false, wrong


def main() -> None:
    """Print the scores on the dev corpus."""
    verbose = "-v" in sys.argv
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(DEV_CORPUS)
    table = actors.mentions(corpus)
    for kinds in (("name", "metonym"), ("name", "metonym", "demonym")):
        p, r, f1, false, missed = mention_scores(table, kinds)
        print(f"mentions {'+'.join(kinds)}: P={p:.3f} R={r:.3f} F1={f1:.3f}")
    if verbose:
        texts = corpus.texts
        for label, spans in (("false", false), ("missed", missed)):
            for doc_id, start, end, actor_id, kind in sorted(spans):
                print(f"  {label}: {doc_id} {texts[doc_id][start:end]!r} {actor_id} {kind}")
    right, false_values, wrong = metadata_scores(corpus.documents)
    print(f"metadata: {right}/{4 * len(corpus.documents)} fields right, {false_values} false values")
    if verbose:
        for doc_id, field, value, gold in wrong:
            print(f"  {doc_id} {field}: {value!r} (gold {gold!r})")


if __name__ == "__main__":
    main()
