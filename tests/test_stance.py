"""Credit and blame derived from events: hand judgments of the seeds and of the dev corpus, evidence offsets,
voices, and what does not assert."""

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.stages.stance import COLUMNS, role
from tests.stance_scores import DEV_CORPUS, FIXTURES, ROOT, agreement, dev_corpus, tables

GOLD = pd.read_csv(FIXTURES / "stance_gold.csv")
SEED_FLOOR = 0.87  # measured 0.88 (0.8772) after a purpose clause's object was read with the document's actors (000's
# al-Sistani: "guidelines ... which resulted in the mobilization of all resources to counter this notorious terror
# group"); 0.86 before (0.8596: 0.86 would not hold; 0.84 before the stray "by" agent; 0.82 before rated adjectives; 0.49 before reason clauses, light verbs, copulas, relational nouns)
DEV_FLOOR = 0.72  # measured 0.73 (0.7258), precision 0.90, after "resumed their effort" after a fight against ISIS
# was that fight (voa_06's SDF); 0.71 (0.7097) when a named force became the force alone and voa_04's gold row was
# re-annotated from Iraq to the Iraqi Army to match (the seed gold's convention; 0.698 on the old gold row, the same
# figure as before); 0.70 (0.6984), precision 0.88, after taking a place credited its taker (voa_05's "Iraqi
# forces took his neighborhood"); 0.68 (0.6825) before that; 0.69 before a force written in lower case was the force as well as its state (the Iraqi Army credited in voa_04 for "the Iraqi army is closing in", where the dev gold names Iraq alone); 0.70 before the leader inside "the U.S.-led coalition" shared the coalition's credit (voa_01, where the dev gold leaves both neutral); 0.72 before "we" bound to the speaker's body and aid given, which credit two actors the dev gold leaves neutral; 0.63 before the first event mechanisms; 0.17 with the seed-fitted lexicon


@pytest.fixture(scope="module")
def built(corpus):
    return tables(corpus)


def test_agreement_with_hand_judgment_of_the_seeds(built):
    scores = agreement(GOLD, built["stance"])
    print(f"seeds: {scores}")
    assert scores["agreement"] >= SEED_FLOOR and scores["precision"] >= 0.85


@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="../shared/dev-corpus is not present")
def test_agreement_with_hand_judgment_of_the_dev_corpus():
    scores = agreement(pd.read_csv(FIXTURES / "stance_dev_gold.csv"), tables(dev_corpus())["stance"])
    print(f"dev corpus: {scores}")
    assert scores["agreement"] >= DEV_FLOOR and scores["precision"] >= 0.85


def test_columns_and_evidence_offsets(corpus, built):
    assert list(built["stance"].columns) == COLUMNS
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])
    for row in built["stance_evidence"].itertuples():
        text = corpus.texts[row.doc_id]
        assert text[row.cue_start : row.cue_end] == row.cue
        sent = sentences.loc[(row.doc_id, row.sent_id)]
        assert sent.start <= row.cue_start and row.cue_end <= sent.end and sent.in_body


def _row(table, doc_prefix, actor_id):
    return table[table.doc_id.str.startswith(doc_prefix) & (table.actor_id == actor_id)].iloc[0]


def test_whose_voice_gives_the_credit(built):
    # 002 s4: "The general also thanked Lebanon’s Hezbollah resistance movement for its “powerful presence” ..."
    hezbollah = _row(built["stance"], "002", "hezbollah")
    assert hezbollah.role == "credited" and "qassem_soleimani" in hezbollah.credit_voices.split()


def test_rule_edge_cases(built):
    judged = built["stance_evidence"]
    doc002 = judged[judged.doc_id.str.startswith("002")]
    assert "lebanon" not in set(doc002.actor_id)  # "Lebanon’s Hezbollah": the possessor is not judged
    doc004 = judged[judged.doc_id.str.startswith("004")]
    assert not ((doc004.actor_id == "sdf") & (doc004.stance == "credit")).any()  # "Are SDF ... serious in fighting Da'esh?"
    assert ((doc004.actor_id == "us_air_force") & (doc004.cue == "protect")).any()  # "Why would ... protect Da'esh?"


@pytest.mark.parametrize("credit, blame, expected",
                         [(0, 0, "neutral"), (2, 0, "credited"), (0, 1, "blamed"), (3, 1, "both"), (4, 1, "credited")])
def test_role(credit, blame, expected):
    assert role(credit, blame) == expected


def test_probe_article(tmp_path):
    """A text written for testing, not from the seeds (tests/fixtures/stance_probe.txt)."""
    (tmp_path / "probe.txt").write_bytes((ROOT / "tests" / "fixtures" / "stance_probe.txt").read_bytes())
    table = tables(load_corpus(tmp_path))["stance"].set_index("actor_id")
    judged = table[table.role != "neutral"]["role"].to_dict()
    print(judged)
    assert judged == {"iraqi_army": "credited", "pmu": "credited", "peshmerga": "credited", "russia": "credited",
                      "syrian_arab_army": "credited", "united_states": "blamed", "saudi_arabia": "blamed"}
    assert table.loc["pmu", "credit_voices"] == "haider_al_abadi"  # "..., Prime Minister Haider al-Abadi said"


@pytest.mark.parametrize("sentence,actor_id", [
    ("The United States struck a deal with the militants near the border.", "united_states"),
    ("Critics accused Qatar of funding the militants.", "qatar"),
    ("Russian jets destroyed the city, residents say.", "russia"),
    ("Saudi Arabia armed the jihadists in the north.", "saudi_arabia"),
])
def test_blame_in_wordings_the_seeds_do_not_use(tmp_path, sentence, actor_id):
    body = sentence + " It was one of several such reports published over the past few months."
    (tmp_path / "t.txt").write_text(f"A Report\n\nThis page was written for a test.\n\n{body}\n", encoding="utf-8")
    table = tables(load_corpus(tmp_path))["stance"].set_index("actor_id")
    assert table.loc[actor_id, "role"] == "blamed"
