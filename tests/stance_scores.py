"""Credit/blame and event scores against the hand annotations of the seeds and of ../shared/dev-corpus.

Run `python -m tests.stance_scores` to print them side by side (with `--why`, every disagreement and its
evidence); tests/test_stance.py and tests/test_events.py assert floors.
"""

import sys
import warnings
from pathlib import Path

import pandas as pd

from analysis import Corpus, load_corpus
from analysis.pipeline import Build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
DEV_CORPUS = ROOT.parent / "shared" / "dev-corpus"


def tables(corpus: Corpus) -> Build:
    """The table graph over a corpus (events, stance_evidence and stance each computed once, when asked)."""
    return Build(corpus)


def _roles(gold: pd.DataFrame, found: pd.DataFrame) -> tuple[dict, dict]:
    """(doc_id, actor_id) -> role of the gold, and of the non-neutral calls in the gold's documents."""
    wanted = {(g.doc_id, g.actor_id): g.role for g in gold.itertuples()}
    docs = set(gold["doc_id"]) if "doc_id" in gold else set()
    return wanted, {(r.doc_id, r.actor_id): r.role for r in found.itertuples() if r.role != "neutral" and r.doc_id in docs}


def agreement(gold: pd.DataFrame, found: pd.DataFrame) -> dict[str, float]:
    """Agreement over every (document, actor) pair either side calls credited, blamed or both; precision of the
    non-neutral calls (the same role as the gold); recall of the gold judgments."""
    wanted, called = _roles(gold, found)
    judged = set(wanted) | set(called)
    agree = sum(wanted.get(k, "neutral") == called.get(k, "neutral") for k in judged)
    right = sum(wanted.get(k) == v for k, v in called.items())
    return dict(agreement=agree / len(judged), judged=len(judged), precision=right / len(called) if called else 0.0,
                calls=len(called), recall=sum(called.get(k) == v for k, v in wanted.items()) / len(wanted))


def disagreements(gold: pd.DataFrame, found: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """(doc_id, actor_id, gold role, found role) of every pair the two call differently (neutral when not called)."""
    wanted, called = _roles(gold, found)
    return [(*k, wanted.get(k, "neutral"), called.get(k, "neutral")) for k in sorted(set(wanted) | set(called))
            if wanted.get(k, "neutral") != called.get(k, "neutral")]


def _print_why(name: str, gold: pd.DataFrame, built: Build) -> None:
    """Each disagreement with the events whose agent or target is the actor."""
    events = built["events"]
    for doc_id, actor, wanted, called in disagreements(gold, built["stance"]):
        print(f"{name} {doc_id} {actor}: gold {wanted}, found {called}")
        mine = events[(events.doc_id == doc_id) & ((events.agent == actor) | (events.target == actor))]
        for e in mine.itertuples():
            print(f"    s{e.sent_id} {e.agent} |{e.verb}| {e.verb_class} -> {e.target} ({e.target_kind}), {e.modality}")


def event_recall(gold: pd.DataFrame, found: pd.DataFrame) -> float:
    """Share of the hand-annotated events found with the same verb (as written, first word) and agent."""
    have = {(r.doc_id, str(r.verb).split()[0].lower(), r.agent) for r in found.itertuples()}
    return sum((g.doc_id, g.verb.split()[0].lower(), g.agent) in have for g in gold.itertuples()) / len(gold)


def dev_corpus() -> Corpus:
    """The dev corpus (its 28 files load with warnings about their page layouts)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(DEV_CORPUS)


def main() -> None:
    """Print seed and dev-corpus figures side by side."""
    seed_gold, dev_gold = pd.read_csv(FIXTURES / "stance_gold.csv"), pd.read_csv(FIXTURES / "stance_dev_gold.csv")
    seed_tables, dev_tables = tables(load_corpus(SEEDS)), tables(dev_corpus())
    seed, dev = agreement(seed_gold, seed_tables["stance"]), agreement(dev_gold, dev_tables["stance"])
    if "--why" in sys.argv:
        _print_why("seeds", seed_gold, seed_tables)
        _print_why("dev", dev_gold, dev_tables)
    print(f"{'':12}{'seeds':>10}{'dev corpus':>12}")
    for key in ("agreement", "precision", "recall"):
        print(f"{key:12}{seed[key]:>10.2f}{dev[key]:>12.2f}")
    print(f"{'pairs':12}{seed['judged']:>10}{dev['judged']:>12}")
    print(f"{'calls':12}{seed['calls']:>10}{dev['calls']:>12}")
    print(f"dev-corpus events found (verb + agent): "
          f"{event_recall(pd.read_csv(FIXTURES / 'events_dev_gold.csv'), dev_tables['events']):.2f}")


if __name__ == "__main__":
    main()
