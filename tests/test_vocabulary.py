"""Distinctive words (Monroe et al. 2008 log-odds, informative Dirichlet prior) and ISIS/opponent epithets."""

import pytest

from analysis import load_corpus
from analysis.stages.vocabulary import distinctive_words, epithets, log_odds, term_counts, tokens, vocabulary


def test_log_odds_by_hand():
    # term seen 2 of 3 times in the group, 0 of 3 in the rest, prior alpha = corpus count 2 of 6:
    # delta = ln(4/5) - ln(2/7) = 1.02962, variance = 1/4 + 1/2, z = 1.02962 / 0.86603 = 1.18890
    delta, z = log_odds(2, 3, 0, 3, 2, 6)
    assert delta == pytest.approx(1.02962, abs=1e-5) and z == pytest.approx(1.18890, abs=1e-5)


def test_two_groups_mirror_each_other(tmp_path):
    body = "Headline\n\n" + "\n\n".join(["The {0} {1} the war in the north. The {0} {1} again in the south."] * 4)
    (tmp_path / "a.txt").write_text(body.format("rebels", "won"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.format("army", "lost"), encoding="utf-8")
    table = distinctive_words(load_corpus(tmp_path), min_count=1).set_index(["group", "term"])
    assert table.loc[("a", "rebels"), "z"] > 0 and table.loc[("b", "army"), "z"] > 0
    assert table.loc[("a", "the war"), "z"] == pytest.approx(-table.loc[("b", "the war"), "z"])
    assert table.loc[("a", "rebels won"), "ngram"] == 2


def test_each_outlets_spelling_is_distinctive(corpus):
    table = distinctive_words(corpus)
    top = {g[:3]: list(sub[~sub.stopword].head(5).term) for g, sub in table.groupby("group")}
    assert top["004"][0] == "da'esh"  # 004 writes Da'esh (46 times) and no other spelling
    assert "kharijites" in top["003"]  # 003 alone calls ISIS Kharijites
    assert "karzai" in top["000"]
    for row in table.head(50).itertuples():
        assert " ".join(w for w, _, _ in tokens(corpus.texts[row.doc_id][row.start : row.end])) == row.term


def test_epithets_counted_by_reading(corpus):
    table = epithets(corpus)
    for row in table.itertuples():
        assert corpus.texts[row.doc_id][row.start : row.end] == row.surface
    by_doc = table.groupby([table.doc_id.str[:3], "epithet"]).size()
    assert by_doc[("003", "kharijites")] == 5 and by_doc[("003", "kharijite")] == 1
    assert by_doc[("004", "fake caliphate")] == 2 and by_doc[("000", "so-called caliphate")] == 1
    assert by_doc[("002", "takfiri")] == 2 and by_doc[("000", "malignant tree")] == 1
    assert set(table[table.epithet == "resistance movement"].doc_id.str[:3]) == {"002"}  # 001: "Shiite movement"
    assert by_doc[("001", "resistance fighters")] == 1 and by_doc[("002", "resistance fighters")] == 1


def test_abbreviations_and_catalogued_names_are_whole_terms_and_fragments_are_dropped():
    text = "U.S. troops reached Deir ez Zor, M. Waqas said."
    names = [(20, 31)]  # Deir ez Zor, as the mentions table gives it
    assert text[20:31] == "Deir ez Zor"
    assert [t for t, _, _ in tokens(text, names=names)] == ["u.s.", "troops", "reached", "deir ez zor", "waqas", "said"]


def test_no_fragment_of_a_name_is_a_distinctive_term_in_the_seeds(corpus):
    from analysis.stages.actors import mentions

    terms = set(vocabulary(corpus, term_counts(corpus, mentions(corpus)))["term"])
    assert {"deir", "ez", "zor", "deir ez", "ez zor", "u", "s", "u s"} & terms == set()
    assert "deir ez zor" in terms


def test_a_corpus_of_one_word_has_no_distinctive_words(tmp_path):
    # found by the property test: a vocabulary of one term made the log-odds divide by zero
    # (a headline has two words: a one-word line above a story is no headline, test_layouts)
    (tmp_path / "a.txt").write_text("Big Headline\n\nbillion billion\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Big Headline\n\nbillion billion\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert distinctive_words(corpus).query("ngram == 1").empty
