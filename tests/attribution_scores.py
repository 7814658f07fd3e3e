"""Scores of statements (cue + speaker) and figure sources against the hand annotation of ../shared/dev-corpus.

Run `python -m tests.attribution_scores [corpus-folder]` to print them; tests/test_attribution_dev.py asserts floors.
"""

import sys
import warnings
from pathlib import Path

import pandas as pd

from analysis.stages.unlisted import PREFIX, slug

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus"


def annotated_docs() -> list[str]:
    """doc_ids of the dev-corpus files annotated by hand (every statement in them is in the gold)."""
    return [Path(f).stem for f in (FIXTURES / "dev_annotated.txt").read_text().split()]


def _gold(name: str) -> pd.DataFrame:
    """A gold CSV with doc_id from its file column and speaker/source alternatives split on '|'."""
    gold = pd.read_csv(FIXTURES / name, dtype=str, keep_default_na=False)
    gold["doc_id"] = gold["file"].str.removesuffix(".txt")
    return gold


def same_speaker(predicted: list[str], gold: str) -> bool:
    """Whether one of the predicted names (id, resolved name) matches one of the gold alternatives.

    An actor id must be equal (an unlisted actor's id matches the name it spells); words match when the predicted phrase contains the gold one ("SDF spokeswoman X" for
    "X") or is a part of it ending with its last word ("al-Abdallah" for "Lilwa al-Abdallah"), case-insensitively.
    """
    for alternative in gold.split("|"):
        for x in (x for x in predicted if isinstance(x, str) and x):
            g, p = (_slug_words(alternative), _slug_words(x)) if x.startswith(PREFIX) else (alternative.lower(), x.lower())
            if p == g or ("_" not in g and (g in p or (p in g and g.endswith(p)))):
                return True
    return False


def _slug_words(name: str) -> str:
    """The words of an unlisted actor's id, or of a name as its id would spell them ("Lilwa al-Abdallah" and
    "unlisted:lilwa-al-abdallah" both "lilwa al abdallah")."""
    return slug(name.removeprefix(PREFIX)).removeprefix(PREFIX).replace("-", " ")


def statement_scores(texts: dict[str, str], table: pd.DataFrame) -> dict[str, float]:
    """Cue P/R and cue+speaker P/R/F1 of a quotes table over the annotated documents."""
    gold = _gold("quotes_dev_gold.csv")
    docs = set(annotated_docs())
    predicted = table[table.doc_id.isin(docs)]
    cue_hit, both_hit = set(), set()
    gold_cue, gold_both = 0, 0
    for g in gold.itertuples():
        assert texts[g.doc_id][int(g.cue_start) : int(g.cue_end)] == g.cue, g
        same = predicted[(predicted.doc_id == g.doc_id) & (predicted.cue_start < int(g.cue_end))
                         & (predicted.cue_end > int(g.cue_start))]
        gold_cue += not same.empty
        cue_hit |= set(same.index)
        right = [i for i, r in same.iterrows() if same_speaker([r.speaker, r.speaker_name], g.speaker)]
        gold_both += bool(right)
        both_hit |= set(right)
    n = max(len(predicted), 1)
    p, r = len(both_hit) / n, gold_both / len(gold)
    return {"predicted": len(predicted), "gold": len(gold), "cue_P": len(cue_hit) / n, "cue_R": gold_cue / len(gold),
            "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}


def figure_source_accuracy(texts: dict[str, str], figures: pd.DataFrame) -> dict[str, float]:
    """Share of the annotated figures whose source is right (a figure the parser misses counts as wrong)."""
    gold = _gold("figure_sources_dev_gold.csv")
    right = 0
    for g in gold.itertuples():
        assert texts[g.doc_id][int(g.start) : int(g.end)] == g.surface, g
        found = figures[(figures.doc_id == g.doc_id) & (figures.start < int(g.end)) & (figures.end > int(g.start))]
        right += any(same_speaker([s], g.source) for s in found["source"])
    return {"figures": len(gold), "accuracy": right / len(gold)}


def main(folder: Path = DEV_CORPUS) -> None:
    """Print the scores of the current code on the dev corpus."""
    from analysis import load_corpus
    from analysis.pipeline import Build

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    build = Build(corpus)
    print("statements:", {k: round(v, 3) for k, v in statement_scores(corpus.texts, build["quotes"]).items()})
    print("figure sources:", {k: round(v, 3) for k, v in figure_source_accuracy(corpus.texts, build["figures"]).items()})


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:]))
