"""Credit and blame: hand judgments of the seed articles, evidence offsets, voices and rule edge cases."""

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.pipeline import Build
from analysis.stages.stance import COLUMNS, role

ROOT = Path(__file__).resolve().parent.parent
GOLD = pd.read_csv(ROOT / "tests" / "fixtures" / "stance_gold.csv")


@pytest.fixture(scope="module")
def table(build):
    return build["stance"]


def test_agreement_with_hand_judgment(table):
    gold = {(g.doc_id, g.actor_id): g.role for g in GOLD.itertuples()}
    found = {(r.doc_id, r.actor_id): r.role for r in table.itertuples()}
    # strict: over every pair that either side calls credited, blamed or both (neutral agreements not counted)
    judged = set(gold) | {k for k, v in found.items() if v != "neutral"}
    agree = sum(gold.get(k, "neutral") == found.get(k, "neutral") for k in judged)
    # lenient: over every actor mentioned in a body, plus the gold pairs
    every = set(found) | set(gold)
    accuracy = sum(gold.get(k, "neutral") == found.get(k, "neutral") for k in every) / len(every)
    print(f"stance: agreement {agree / len(judged):.3f} ({agree}/{len(judged)} judged pairs); "
          f"all mentioned actors {accuracy:.3f} ({len(every)})")
    assert agree / len(judged) >= 0.9 and accuracy >= 0.95


def test_columns_and_evidence_offsets(corpus, table, build):
    assert list(table.columns) == COLUMNS
    for row in build["stance_evidence"].itertuples():
        text = corpus.texts[row.doc_id]
        assert text[row.cue_start : row.cue_end] == row.cue
        sent = corpus.sentences[(corpus.sentences.doc_id == row.doc_id) & (corpus.sentences.sent_id == row.sent_id)].iloc[0]
        assert sent.start <= row.cue_start and row.cue_end <= sent.end and sent.in_body


def _row(table, doc_prefix, actor_id):
    return table[table.doc_id.str.startswith(doc_prefix) & (table.actor_id == actor_id)].iloc[0]


def test_whose_voice_gives_the_credit(table):
    # 002 s1: Soleimani hailed the victory "thanks to the prudent leadership of Ayatollah Khamenei"
    khamenei = _row(table, "002", "ali_khamenei")
    assert khamenei.role == "credited" and "qassem_soleimani" in khamenei.credit_voices.split()
    assert "1" in khamenei.credit_sent_ids.split()
    # 004 speaks for itself: "Russian intervention proved different"
    assert _row(table, "004", "russia").credit_voices == "author"


def test_rule_edge_cases(corpus, build):
    judged = build["stance_evidence"]
    doc002 = judged[judged.doc_id.str.startswith("002")]
    assert "lebanon" not in set(doc002.actor_id)  # "Lebanon’s Hezbollah": the possessor is not judged
    assert "qassem_soleimani" not in set(doc002.actor_id)  # a speaker is not judged by his own statement
    doc004 = judged[judged.doc_id.str.startswith("004")]
    assert not ((doc004.actor_id == "bashar_al_assad") & (doc004.stance == "blame")).any()  # “colluding” is a scare quote
    assert not ((doc004.actor_id == "russia") & (doc004.stance == "blame")).any()  # "efforts to blame Russian forces"
    assert not ((doc004.actor_id == "sdf") & (doc004.stance == "credit")).any()  # "Are SDF ... serious in fighting Da'esh?"
    assert (doc004[doc004.actor_id == "us_air_force"].cue.str.startswith("protect")).any()  # "Why would ... protect Da'esh?"
    doc000 = judged[judged.doc_id.str.startswith("000")]
    assert not ((doc000.actor_id == "syria") & (doc000.stance == "blame")).any()  # "were covertly evacuated": passive
    assert {"united_states", "united_kingdom", "kurds"} <= set(doc000[doc000.cue == "evacuated by"].actor_id)


@pytest.mark.parametrize("credit, blame, expected",
                         [(0, 0, "neutral"), (2, 0, "credited"), (0, 1, "blamed"), (3, 1, "both"), (4, 1, "credited")])
def test_role(credit, blame, expected):
    assert role(credit, blame) == expected


def test_probe_article(tmp_path):
    """A text written for testing, not from the seeds. Run once before any rule change, the rules got 6 of the 7
    hand judgments (credited: Iraqi Army, PMU, Peshmerga, Syrian Arab Army, Russia; blamed: United States, Saudi
    Arabia); "In Syria, Russian warplanes pounded ISIS positions" then got a cue (striking ISIS) and stopped
    counting "Russian" as part of the place list "In Syria,"."""
    (tmp_path / "probe.txt").write_bytes((ROOT / "tests" / "fixtures" / "stance_probe.txt").read_bytes())
    table = Build(load_corpus(tmp_path))["stance"].set_index("actor_id")
    judged = table[table.role != "neutral"]["role"].to_dict()
    assert judged == {"iraqi_army": "credited", "pmu": "credited", "peshmerga": "credited", "russia": "credited",
                      "syrian_arab_army": "credited", "united_states": "blamed", "saudi_arabia": "blamed"}
    assert table.loc["pmu", "credit_voices"] == "haider_al_abadi"  # "..., Prime Minister Haider al-Abadi said"
    assert table.loc["united_states", "blame_voices"] == "Iran's foreign ministry"


@pytest.mark.parametrize("sentence,actor_id", [
    ("Turkey smuggled oil out of the region for years, critics say.", "turkey"),
    ("Saudi Arabia did nothing against the jihadists in its own schools.", "saudi_arabia"),
    ("The United States struck a deal with the militants near the border.", "united_states"),
    ("Israel has set Gaza ablaze while the world watched.", "israel"),
])
def test_blame_cues_in_wordings_the_seeds_do_not_use(tmp_path, sentence, actor_id):
    body = sentence + " It was one of several such reports published over the past few months."
    (tmp_path / "t.txt").write_text(f"A Report\n\n{body}\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["stance"].set_index("actor_id")
    assert table.loc[actor_id, "role"] == "blamed"
