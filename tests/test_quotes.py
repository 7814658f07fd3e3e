"""Quotes: hand-annotated cues and speakers of the five seed articles, and quotation-mark edge cases."""

import random
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.pipeline import Build
from analysis.views import narratives
from analysis.stages.quotes import COLUMNS, quotation_spans, quotes
from analysis.stages.unlisted import PREFIX, slug

ROOT = Path(__file__).resolve().parent.parent
GOLD = pd.read_csv(ROOT / "tests" / "fixtures" / "quotes_gold.csv", dtype={"speaker": str})


@pytest.fixture(scope="module")
def table(corpus):
    return quotes(corpus)


def _same_speaker(predicted: str, gold: str) -> bool:
    """Actor ids must be equal; a speaker given in words (or as an unlisted actor's id, which spells its name)
    matches when one phrase contains the other."""
    p, g = str(predicted).lower(), gold.lower()
    if p.startswith(PREFIX):
        p, g = p.removeprefix(PREFIX).replace("-", " "), slug(g).removeprefix(PREFIX).replace("-", " ")
    return p == g or ("_" not in g and (p in g or g in p))


def _score(table: pd.DataFrame) -> tuple[float, float, float]:
    """Precision, recall and F1 of (cue, speaker) against the gold annotation; cues match when they overlap."""
    hits = 0
    for g in GOLD.itertuples():
        same_cue = table[(table.doc_id == g.doc_id) & (table.cue_start < g.cue_end) & (table.cue_end > g.cue_start)]
        hits += any(_same_speaker(s, g.speaker) for s in same_cue["speaker"])
    precision, recall = hits / len(table), hits / len(GOLD)
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_gold_surfaces_match_the_text(corpus):
    for g in GOLD.itertuples():
        assert corpus.texts[g.doc_id][g.cue_start : g.cue_end] == g.cue


def test_cue_and_speaker_f1_against_hand_annotation(table):
    precision, recall, f1 = _score(table)
    print(f"quotes: P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({len(table)} found, {len(GOLD)} gold)")
    # The floor is what the rules reach on the seeds (a development set), so one wrong speaker fails the test.
    assert precision == recall == f1 == 1.0


def test_columns_and_offsets(corpus, table):
    assert list(table.columns) == COLUMNS
    for row in table.itertuples():
        text = corpus.texts[row.doc_id]
        assert text[row.cue_start : row.cue_end] == row.cue
        assert text[row.speaker_start : row.speaker_end] == row.speaker_text
        assert row.content_start <= row.content_end


def _row(table, doc_prefix, cue_start):
    rows = table[table.doc_id.str.startswith(doc_prefix) & (table.cue_start == cue_start)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_pronoun_and_description_speakers_resolve(corpus, table):
    # 000: "He wrote: It captured ..." follows the sentence naming Soleimani as the letter's author.
    wrote = _row(table, "000", corpus.texts[GOLD.doc_id[0]].index("He wrote") + 3)
    assert (wrote.speaker_text, wrote.speaker) == ("He", "qassem_soleimani")
    # 000: "..., he said." after "Ayatullah Khamenei stressed that ..."
    he_said = _row(table, "000", 3537)
    assert (he_said.speaker_text, he_said.speaker) == ("he", "ali_khamenei")
    # 000: "the former president said" refers back to "former Afghan president Hamid Karzai"
    president = _row(table, "000", 5445)
    assert (president.speaker_text, president.speaker) == ("the former president", "hamid_karzai")
    # 002: "The general also thanked ..." refers back to "General Soleimani"
    general = _row(table, "002", 1073)
    assert (general.speaker_text, general.speaker) == ("The general", "qassem_soleimani")
    # 000: "He also said ..." after "An Afghan governor had also recently raised similar points."
    governor = _row(table, "000", 6199)
    assert governor.speaker == "An Afghan governor"


def test_direct_quote_before_its_cue_with_nested_single_quotes(corpus, table):
    # 004: “... 'What we were communicating ... crystal clear,' Pompeo said at a defense forum ...”
    pompeo = _row(table, "004", 9637)
    text = corpus.texts[pompeo.doc_id]
    assert pompeo.speaker == "mike_pompeo" and pompeo.direct
    assert text[pompeo.content_start - 1] == "'" and text[pompeo.content_start : pompeo.content_start + 7] == "What we"
    # the outer double quotation (the Washington Post's) is the content of "reported": mixed
    post = _row(table, "004", 9226)
    assert post.speaker == "washington_post" and post.kind == "mixed"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we won” today.", ["“we won”"]),
        ('He said "we won" and "they lost".', ['"we won"', '"they lost"']),
        ("It was ‘Raqqa’s Dirty Secret’ on TV.", ["‘Raqqa’s Dirty Secret’"]),
        ("“Outer 'inner, really' outer” end", ["“Outer 'inner, really' outer”", "'inner, really'"]),
        ("Da'esh couldn't win, the Muslims’ mosques", []),
        ('An odd "mark here and “another', []),
        ('"It goes on ... " the statement said.', ['"It goes on ... "']),
        ("A lone ‘ mark ’ between spaces", []),
        ("«Non» et „so“", ["«Non»", "„so“"]),
        ("", []),
    ],
)
def test_quotation_spans(text, expected):
    assert [text[s:e] for s, e in quotation_spans(text)] == expected


def test_odd_marks_and_quotes_never_pair_across_paragraphs(tmp_path):
    (tmp_path / "a.txt").write_text(
        'The minister said: "We will not stop\n\nuntil the end," the spokesman said. He added that "all\n\n'
        "is “fine”, ‘really’ and \"done.\" The ‘general’ said it was over.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    table = quotes(corpus)
    text = corpus.texts["a"]
    paragraphs = corpus.paragraphs
    for row in table.itertuples():
        para = paragraphs[(paragraphs.start <= row.cue_start) & (paragraphs.end >= row.cue_end)].iloc[0]
        if row.direct:
            assert para.start <= row.content_start and row.content_end <= para.end
    assert set(table["cue"]) >= {"said", "added"}
    spoke = table[table.cue_start == text.index("the spokesman said") + len("the spokesman ")].iloc[0]
    assert spoke.speaker == "the spokesman" and not spoke.direct  # its opening mark is in the paragraph before


def _statements(folder: Path, text: str) -> list[tuple[str, str, str, str]]:
    """(cue, speaker, content, kind) of each statement the quotes table finds in one document with this text."""
    (folder / "t.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(folder)
    body = corpus.texts["t"]
    return [(r.cue, r.speaker, body[r.content_start : r.content_end], r.kind) for r in quotes(corpus).itertuples()]


def test_unseen_sentence_shapes(tmp_path):
    """Cue forms that the seeds do not use: "according to", inverted "said the minister", speaker after content."""
    got = _statements(tmp_path,
        "Victory is near, according to Iraqi officials. According to the ministry, the town was freed.\n\n"
        '"We will not leave," said the minister. The spokesman told reporters that the army had advanced.\n\n'
        "The fighting had stopped, a local journalist reported.\n")
    assert got == [
        ("according to", "Iraqi officials", "Victory is near", "indirect"),
        ("According to", "the ministry", "the town was freed.", "indirect"),
        ("said", "the minister", "We will not leave,", "direct"),
        ("told", "The spokesman", "the army had advanced.", "indirect"),
        ("reported", "a local journalist", "The fighting had stopped", "indirect"),
    ]


def test_according_to_inside_a_sentence(tmp_path):
    """"according to X" after a sentence adverb sources the clause after it; after a subject, the whole sentence."""
    got = [(speaker, content) for _, speaker, content, _ in _statements(tmp_path,
        "Currently, according to the news agency, the army is fighting 35 kilometres south of the city.\n\n"
        "The army, according to the ministry, has retaken the town.\n")]
    assert got == [
        ("the news agency", "the army is fighting 35 kilometres south of the city."),
        ("the ministry", "The army, according to the ministry, has retaken the town."),
    ]


def test_postposed_speakers_the_parser_coordinates_with_the_verb_before(tmp_path):
    """"X killed Y, a war monitor and local activists said on Saturday.": the parser hangs "said" on "killed" and the
    speakers on Y; the speaker is still the phrase after the comma, the content the clause before it."""
    got = [(speaker, content) for _, speaker, content, _ in _statements(tmp_path,
        "Airstrikes have killed more than 20 civilians in the past two days in an escalation of an offensive against "
        "the last rebel stronghold, a war monitor and local activists said on Saturday.\n")]
    assert got == [("a war monitor", "Airstrikes have killed more than 20 civilians in the past two days in an "
                                     "escalation of an offensive against the last rebel stronghold")]
    got = _statements(tmp_path,  # the parser makes "40,000" the subject of "said"
        "According to UNHCR estimates, 200,000 refugees will return to Bosnia this year - 160,000 to the Federation "
        "and 40,000 to the Serb entity, the head of the UNHCR office in Mostar, Jane Doe, said on Wednesday.\n")
    assert [speaker for cue, speaker, _, _ in got if cue == "said"] == ["Jane Doe"]


def test_partial_quotes_spaced_marks_and_facts_that_indicate(tmp_path):
    """A quotation that ends a sentence begun by the writer makes the whole sentence the statement; a straight mark
    between spaces closes the open quotation; "..., which indicates X" (the facts before it as evidence), "without
    elaborating" and the statement noun "according to" takes are no statements of their own; a clause the parser
    hangs across another (non-projective) is still whole (sentences written for the test)."""
    got = _statements(tmp_path,
        'More than three out of four of the casualties were caused by "armed groups," the report said.\n\n'
        '"The war has gone on for nine years in the remote areas of the country ... " the statement said.\n\n'
        "Violence last week led to the death of 29 policemen and 55 others were left wounded which indicates a "
        "6-percent surge in casualties, officials said.\n\n"
        "Turnout was around 60 percent, according to initial estimates by the electoral commission.\n\n"
        "The commission said the vote had been calm, without elaborating.\n")
    assert got == [
        ("said", "the report", 'More than three out of four of the casualties were caused by "armed groups,"', "mixed"),
        ("said", "the statement", "The war has gone on for nine years in the remote areas of the country ... ",
         "direct"),
        ("said", "officials", "Violence last week led to the death of 29 policemen and 55 others were left wounded "
                              "which indicates a 6-percent surge in casualties", "indirect"),
        ("according to", "the electoral commission", "Turnout was around 60 percent", "indirect"),
        ("said", "The commission", "the vote had been calm, without elaborating.", "indirect"),
    ]


def test_quotation_a_clause_introduces_with_a_colon(tmp_path):
    """A clause ending in a colon before a quotation gives it to the clause's subject (a person or a body), with no
    reporting verb; a subject that cannot speak, or the first person, gives none."""
    (tmp_path / "c.txt").write_text(
        "Speaking in Ankara, Jane Doe gave an update on the talks: “We are close to a deal. Two issues remain.”\n\n"
        "The banner carried a slogan: “Bread and peace.”\n\n"
        "We asked the obvious question: “Why now?”\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    text = corpus.texts["c"]
    table = Build(corpus)["quotes"]
    got = [(r.cue, r.cue_lemma, r.speaker_name, text[r.content_start : r.content_end], r.kind)
           for r in table.itertuples()]
    assert got == [(":", "colon", "Jane Doe", "We are close to a deal. Two issues remain.", "direct")]


def test_group_of_a_state_speaks_as_that_group(tmp_path):
    """A demonym with a group noun ("Iraqi forces said") is the speaker, not the bare adjective ("Iraqi")."""
    (tmp_path / "g.txt").write_text(
        "Iraqi forces said on Thursday they had recaptured the town. Syrian troops told reporters the road was open.\n",
        encoding="utf-8",
    )
    got = [(r.cue, r.speaker) for r in quotes(load_corpus(tmp_path)).itertuples()]
    assert got == [("said", "Iraqi forces"), ("told", "Syrian troops")]


# Two news texts written for testing, in wire style, not from the seeds. Probe b was run once before any rule was
# changed for it: 9 statements found, all right, of the 12 below (P 1.00, R 0.75); "disputed", "rejected" and
# "The monitor said" were then added; "The Russian defence ministry" is its catalogue actor since
# actors.spellings.
PROBES = {
    "quotes_probe_a": [
        ("said", "the military"), ("said", "Yahya Rasool"), ("told", "haider_al_abadi"),
        ("added", "haider_al_abadi"), ("According to", "global_coalition"), ("said", "ryan_dillon"),
        ("told", "Residents"), ("said", "one woman"), ("warned", "united_nations"),
    ],
    "quotes_probe_b": [
        ("announced", "sdf"), ("told", "talal_silo"), ("adding", "talal_silo"),
        ("disputed", "russian_armed_forces"), ("said", "igor_konashenkov"), ("rejected", "the coalition"),
        ("warned", "recep_tayyip_erdogan"), ("said", "recep_tayyip_erdogan"), ("According to", "sohr"),
        ("said", "The monitor"), ("said", "Ahmad"), ("said", "Ahmad"),
    ],
}


@pytest.mark.parametrize("name", sorted(PROBES))
def test_probe_articles(tmp_path, name):
    (tmp_path / f"{name}.txt").write_bytes((ROOT / "tests" / "fixtures" / f"{name}.txt").read_bytes())
    table = quotes(load_corpus(tmp_path))
    assert list(zip(table.cue, table.speaker)) == PROBES[name]


def test_random_marks_and_cues_never_crash(tmp_path):
    """Fixed-seed jumble of every kind of quotation mark, cues, pronouns and paragraph breaks."""
    rng = random.Random(7)
    pieces = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "He said", "she added:", "according to", "Soleimani",
              "the general", "told reporters", "Daesh", ",", ".", "?", "\n\n", "\n", " who said ", "claimed", "(", ")",
              "Iran’s", "Da'esh", "they", "warned", "that", "was said", ":"]
    for k in range(8):
        words = " ".join(rng.choice(pieces) for _ in range(rng.randint(20, 200)))
        (tmp_path / f"d{k}.txt").write_text(f"Title {k}\n\n{words}\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = quotes(corpus)
    assert len(table)
    paragraphs = corpus.paragraphs
    for row in table.itertuples():
        text = corpus.texts[row.doc_id]
        assert text[row.cue_start : row.cue_end] == row.cue and row.content_start <= row.content_end
        if row.direct:
            para = paragraphs[(paragraphs.doc_id == row.doc_id) & (paragraphs.start <= row.content_start)
                              & (paragraphs.end >= row.content_start)].iloc[0]
            assert row.content_end <= para.end


def test_titles_resolve_to_the_person_who_holds_them(tmp_path):
    (tmp_path / "c.txt").write_text(
        "Message to the nation\n\nGeneral Qassem Soleimani sent a message to the Leader of the Islamic Revolution, "
        "Ayatollah Ali Khamenei, on Tuesday.\n\nIn his reply, the Leader said that the victory was a divine gift. "
        "The general also thanked the fighters.\n",
        encoding="utf-8",
    )
    table = quotes(load_corpus(tmp_path))
    assert list(zip(table.speaker_text, table.speaker)) == [("the Leader", "ali_khamenei"),
                                                            ("The general", "qassem_soleimani")]


def test_a_named_body_that_finds_or_uncovers_is_the_source_of_its_figures(tmp_path):
    """Evidence verbs ("uncovered", "found that") are statements when a named body is their subject, and the figures
    they report are that body's; "images show" is no statement."""
    (tmp_path / "e.txt").write_text(
        "Report\n\nHuman Rights Watch has uncovered 30 mass graves near the town. Amnesty International found that "
        "200 civilians died. Images from the city show 40 destroyed buildings.\n", encoding="utf-8")
    build = Build(load_corpus(tmp_path))
    assert build["quotes"][["cue", "speaker"]].values.tolist() == [["uncovered", "human_rights_watch"],
                                                                   ["found", "amnesty_international"]]
    assert build["figures"][["surface", "source"]].values.tolist() == [
        ["30", "human_rights_watch"], ["200", "amnesty_international"], ["40", "author"]]


def test_a_speaker_the_catalogue_lacks_takes_its_unlisted_id(tmp_path):
    """A quoted person the catalogue lacks carries the id of their unlisted mentions, under a short form and a
    pronoun too; the written name stays in speaker_name, and views show the full name."""
    (tmp_path / "u.txt").write_text(
        "Talks resume\n\nThe mayor of the town, Jane Okafor, said on Monday that the road was open again. "
        "\"We expect the first trucks tomorrow,\" Okafor said. She added that 300 families had come back.\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    build = Build(corpus)
    table = build["quotes"]
    mentioned = set(build["mentions"]["actor_id"])
    assert "unlisted:jane-okafor" in mentioned
    assert table[["speaker", "speaker_name", "speaker_text"]].values.tolist() == [
        ["unlisted:jane-okafor", "Jane Okafor", "The mayor of the town"],
        ["unlisted:jane-okafor", "Okafor", "Okafor"],
        ["unlisted:jane-okafor", "Okafor", "She"]]
    assert set(build["figures"]["source"]) == {"unlisted:jane-okafor"}
    assert set(narratives.quoted(corpus, table)["speaker_shown"]) == {"Jane Okafor"}


def test_speakers_in_shapes_of_other_newsrooms(tmp_path):
    """A title's "of" phrase with the name after it, a comma between a name and its verb, a given name alone after
    the full name, and a headline "Name: statement" naming someone the catalogue lacks (sentences written for the
    test, in the shapes of wire and regional copy)."""
    (tmp_path / "n.txt").write_text(
        "Mariam Kovac: the bridge will reopen in May\n\n"
        "Two trucks crossed at dawn, said chief of the Northern Roads Authority, Col. Peter Lindqvist.\n\n"
        "Speaking to a local radio station, the engineer Mariam Kovac, has stated that the repairs were finished. "
        "Mariam added that the tolls would stay.\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    build = Build(corpus)
    text = corpus.texts["n"]
    got = [(r.cue, r.speaker, r.speaker_name, text[r.content_start:r.content_end]) for r in build["quotes"].itertuples()]
    assert got == [
        (":", "unlisted:mariam-kovac", "Mariam Kovac", "the bridge will reopen in May"),
        ("said", "unlisted:peter-lindqvist", "Peter Lindqvist", "Two trucks crossed at dawn"),
        ("stated", "unlisted:mariam-kovac", "Mariam Kovac", "the repairs were finished."),
        ("added", "unlisted:mariam-kovac", "Mariam", "the tolls would stay."),
    ]


def test_a_headline_credits_its_words_after_a_colon(tmp_path):
    """"Words: Credit" in a headline is a statement by the credited person, title (the person the text names with
    it, even later), role, source noun or body named in full; a colon before a topic credits nobody (sentences
    written for the test)."""
    (tmp_path / "a.txt").write_text(
        "The road to peace is open: Leader\n\nSupreme Leader Ayatollah Ali Khamenei spoke on Tuesday.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The town will govern itself: council spokesperson\n\nThe council met on Monday.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Analysis: the long road to peace\n\nThe council met on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "d.txt").write_text("Two million refugees may return home: UNHCR\n\nThe agency met on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "e.txt").write_text("Seven soldiers killed in border raid: defence ministry\n\nThe raid was at dawn.\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = Build(corpus)["quotes"]
    got = [(r.doc_id, r.speaker, r.speaker_name, corpus.texts[r.doc_id][r.content_start:r.content_end])
           for r in table[table.cue == ":"].itertuples()]
    assert got == [("a", "ali_khamenei", "Ali Khamenei", "The road to peace is open"),
                   ("b", "council spokesperson", "council spokesperson", "The town will govern itself"),
                   ("d", "unhcr", "UNHCR", "Two million refugees may return home"),
                   ("e", "defence ministry", "defence ministry", "Seven soldiers killed in border raid")]


def test_a_name_beside_a_source_name_is_not_that_source(tmp_path):
    """A person's name the parser hangs on a source's name as an apposition is someone else, not the source
    (sentence written for the test, in the shape of agency copy that credits a website)."""
    (tmp_path / "w.txt").write_text(
        "According to Northern Radio Website, Mayor Anna Berg stressed on Monday that the road was open.\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    got = [(r.cue, r.speaker_name) for r in Build(corpus)["quotes"].itertuples()]
    assert got == [("According to", "Northern Radio Website"), ("stressed", "Anna Berg")]


def test_a_title_named_later_and_a_sentence_speakers_heard_after_it(tmp_path):
    """A lead's title takes the person the next paragraphs name with it ("Iran's Leader replied" and then
    "Ayatollah Ali Khamenei, the Leader of ..."); a statement inside a sentence does not become the "he" of that
    sentence's own cue (sentences written for the test)."""
    (tmp_path / "t.txt").write_text(
        "Iran’s Leader replied to the letter on Tuesday, saying the war was over.\n\n"
        "Ayatollah Ali Khamenei, the Leader of the Islamic Republic, issued a statement.\n\n"
        "Kremlin spokesman Dmitry Peskov told reporters the talks went well. Vladimir Putin has \"sent a telegram "
        "to the president\" praising the victory, he added.\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    got = {(r.cue, r.speaker) for r in table.itertuples()}
    assert {("replied", "ali_khamenei"), ("told", "dmitry_peskov"), ("praising", "vladimir_putin"),
            ("added", "dmitry_peskov")} <= got


def test_a_clause_reported_without_that_keeps_its_subject(tmp_path):
    """A parse may take the subject of a clause reported without "that" for the object of the verb of saying
    ("reported 14 people ... were killed"): the content, and the figures in it, start with that subject; an
    addressee before a clause with its own subject stays out (sentences written for the test)."""
    (tmp_path / "r.txt").write_text(
        "Market shelled\n\nThe group also reported 14 people, among them six women, were killed in a suspected drone "
        "strike on a village.\n\nThe council said two sets of rockets half-an-hour apart hit the market.\n\n"
        "Officials told reporters the convoy was hit by a roadside bomb.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    build = Build(corpus)
    text = corpus.texts["r"]
    contents = {r.cue: text[r.content_start:r.content_end] for r in build["quotes"].itertuples()}
    assert contents["reported"].startswith("14 people, among them six women, were killed")
    assert contents["said"].startswith("two sets of rockets")
    assert contents["told"].startswith("the convoy was hit")
    figures = build["figures"]
    assert dict(zip(figures.surface, figures.source)) == {"14": "The group", "six": "The group",
                                                         "two": "The council"}


def test_a_headline_credits_its_words_before_a_colon(tmp_path):
    """A headline may name who says it before a colon ("Police officials: ..."), and the figures in it are theirs;
    a place or a topic before a colon is a label, no credit (headlines written for the test)."""
    (tmp_path / "a.txt").write_text("Police officials: Gunmen kill 4 guards at border post\n\nThe post was attacked "
                                    "at night.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Syria: Gunmen kill 4 guards at border post\n\nThe post was attacked at night.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Analysis: Gunmen kill 4 guards at border post\n\nThe post was attacked at "
                                    "night.\n", encoding="utf-8")
    build = Build(load_corpus(tmp_path))
    table = build["quotes"]
    got = [(r.doc_id, r.speaker, build.corpus.texts[r.doc_id][r.content_start:r.content_end])
           for r in table[table.cue == ":"].itertuples()]
    assert got == [("a", "Police officials", "Gunmen kill 4 guards at border post")]
    figures = build["figures"]
    assert dict(zip(figures.doc_id, figures.source)) == {"a": "Police officials", "b": "author", "c": "author"}


def test_an_observatory_credited_by_a_headline_is_a_source(tmp_path):
    """An observatory is a monitoring body that reports, as a monitor or a watchdog does: a headline credit ending in
    the noun is a source even when the catalogue spells the body otherwise (headline written for the test)."""
    (tmp_path / "o.txt").write_text("Nine killed in shelling of market: Border Rights Observatory\n\nThe market was "
                                    "hit at noon.\n", encoding="utf-8")
    figures = Build(load_corpus(tmp_path))["figures"]
    assert list(zip(figures.surface, figures.source)) == [("Nine", "Border Rights Observatory")]


def test_he_refers_to_a_person_the_catalogue_lacks_not_to_a_demonym_before_the_name(tmp_path):
    """A pronoun whose antecedent is a person the catalogue lacks, named at the end of a long phrase that starts with
    a demonym, resolves to that person, not to the first capitalised word (sentences written for the test)."""
    (tmp_path / "p.txt").write_text(
        "Ports reopen\n\nThe remarks came in a speech by the Norwegian delegation's deputy head Lars Hovland at a "
        "meeting in Geneva, the NTB agency reported. The blockade must end, he said. He also praised the port "
        "workers.\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    rows = table[table.speaker_text.str.lower() == "he"]
    assert rows[["cue", "speaker", "speaker_name"]].values.tolist() == [
        ["said", "unlisted:lars-hovland", "Lars Hovland"], ["praised", "unlisted:lars-hovland", "Lars Hovland"]]


def test_a_name_right_after_the_noun_names_the_speaker_and_an_adjunct_after_the_cue_is_not_content(tmp_path):
    """"the official news agency X reported" is X (the parser hangs the name on the noun or the verb), and a phrase
    after ", X reported," leaves the statement before it, with its figures (sentences written for the test)."""
    (tmp_path / "a.txt").write_text(
        "Ports reopen\n\nTroops killed two gunmen in a car and detained three others on Monday, the official "
        "Palestinian news agency WAFA reported, without immediately providing further details. Aid trucks crossed "
        "the border, the state news agency SANA said.\n", encoding="utf-8")
    build = Build(load_corpus(tmp_path))
    table, text = build["quotes"], load_corpus(tmp_path).texts["a"]
    assert [(r.speaker, text[r.content_start : r.content_end]) for r in table.itertuples()] == [
        ("wafa", "Troops killed two gunmen in a car and detained three others on Monday"),
        ("sana", "Aid trucks crossed the border")]
    figures = build["figures"]
    assert figures[["surface", "source"]].values.tolist() == [["two", "wafa"], ["three", "wafa"]]


def test_a_question_left_open_and_a_maintained_state_are_no_statements(tmp_path):
    """"did not say which ..." states nothing, "maintained fast growth" is no speech ("maintained that" is); the
    statement beside them stays (sentences written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nThe minister did not say which roads had reopened, but said the talks would resume. "
        "Trade maintained fast growth in the quarter. The envoy maintained that the deal was fair.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [("said", "The minister"), ("maintained", "The envoy")]


def test_a_role_for_a_body_takes_the_name_in_apposition_after_the_body(tmp_path):
    """"spokesman for the X Command, Brig. Gen. Name, told ...": the parser hangs the name on the body's noun; the
    speaker is the person it names, not an earlier speaker (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Prime Minister Omar Nadir said on Sunday the city was free.\n\n"
        "Earlier on Sunday, spokesman for the Northern Operations Command, Brigadier General Karim Dawud, told "
        "state television that soldiers had killed 30 militants near the river.\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    assert [(r.cue, r.speaker_name) for r in table.itertuples()] == [("said", "Omar Nadir"), ("told", "Karim Dawud")]


def test_no_statement_without_a_speaker_or_for_a_purpose_and_a_glued_full_stop_ends_a_sentence(tmp_path):
    """A cue verb with an object but no clause needs a subject that can speak ("the shelling has claimed the lives",
    "the weather explains the delay"); a neutral statement noun with a "to"-infinitive states a purpose, not what
    was said; a page's full stop glued to the next sentence still ends one, so "He" there is the governor who spoke
    before it (sentences written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nThe shelling has claimed the lives of 40 people, the health ministry said. Analysts said the "
        "weather explains the delay. The ministry issued a statement to mark the anniversary.\n\n"
        "Governor Jane Roe noted that the rate was unchanged. Deputy Governor Karim Dawud said that growth was "
        "stable.He said that no one should panic.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [
        ("said", "the health ministry"), ("said", "Analysts"), ("noted", "Jane Roe"), ("said", "Karim Dawud"),
        ("said", "Karim Dawud")]


def test_a_speaker_whose_unknown_name_ends_in_a_catalogued_family_name_is_the_unknown_one(tmp_path):
    """"Turki al-Maliki" is not Nouri al-Maliki: the mentions table gives him an unlisted id, and so do his statement
    and the figure in it (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Talks resume\n\nPolice spokesman Turki al-Maliki said the siege ended when the forces killed three "
        "gunmen near the hotel.\n", encoding="utf-8")
    build = Build(load_corpus(tmp_path))
    assert [(r.cue, r.speaker) for r in build["quotes"].itertuples()] == [("said", "unlisted:turki-al-maliki")]
    figures = build["figures"]
    assert figures.loc[figures["surface"] == "three", "source"].tolist() == ["unlisted:turki-al-maliki"]


def test_a_quotation_before_a_speaker_with_an_apposition_is_what_the_speaker_told(tmp_path):
    """'"... two ... . ...," Name, deputy minister in charge of security, told local media.': the whole quotation
    is what was told, so the figure in its first sentence is the minister's (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Talks resume\n\n\"Police rescued two foreign workers from the compound. The fighting is over now,\" Karim "
        "Dawud, deputy interior minister in charge of security, told local media.\n", encoding="utf-8")
    build = Build(load_corpus(tmp_path))
    rows = [(r.cue, r.speaker_name, r.kind, r.speaker) for r in build["quotes"].itertuples()]
    assert [row[:3] for row in rows] == [("told", "Karim Dawud", "direct")]
    figures = build["figures"]
    assert figures.loc[figures["surface"] == "two", "source"].tolist() == [rows[0][3]]



def test_quoted_as_saying_is_one_statement(tmp_path):
    """"X quoted Y as saying ..." is one statement, the quoting verb's (sentence written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nLocal radio quoted residents as saying they heard explosions near the port.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [("quoted", "Local radio")]


def test_acts_with_an_object_alone_that_state_nothing(tmp_path):
    """A cue with an object but no clause states nothing when negated ("did not mention"), under a modal ("will
    announce"), in its non-speech sense ("claimed responsibility", "concludes three years of work", "guaranteed the
    safety", inside what another verb says), as the manner of a statement ("told reporters, speaking on condition
    of anonymity"), or where the parser hangs a reduced relative clause on it ("declared a caliphate in territory it
    controls"); "according to their size" is conformity; "That was confirmed by X" confirms the sentence before
    (sentences written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nThe governor did not mention the prisoners. Officials said the army will announce a final "
        "victory soon. A spokesman for the rebels claimed responsibility for the ambush. The police checked the cars "
        'according to their size. "The road is open," a senior official told reporters, speaking on condition of '
        "anonymity. The minister said the army guaranteed the safety of the convoy. The mission concludes three "
        "years of work. The rebels claimed that the town had fallen. Analysts said 2015 was the year of the group, "
        "which declared a caliphate in territory it controls. The mayor said the bridge had reopened. That was "
        "confirmed by police chief Omar Nadir. The inquiry concluded that the strike was lawful.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [
        ("said", "Officials"), ("told", "a senior official"), ("said", "The minister"), ("claimed", "The rebels"),
        ("said", "Analysts"), ("said", "The mayor"), ("confirmed", "Omar Nadir"),
        ("concluded", "The inquiry")]


def test_he_continues_the_person_a_sentence_opens_with_before_the_last_speaker(tmp_path):
    """A "he" opening a statement after a sentence that opens with a person and reports nothing is that person (the
    centre the pronoun continues), not the speaker before; a "she" in a clause under a main verb is its subject; a
    "he" after a sentence with its own speaker stays that speaker's (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Talks resume\n\nMayor Omar Nadir said the bridge had reopened. Karim Dawud, a member of the city council, "
        "put the toll at 12. He said that most of the dead were drivers. Police spokesman Ali Hassan said the road "
        "was closed. The bomber was killed, he said. A spokesman for the rebels, Jane Roe, claimed the attack, which "
        "she said killed 20 soldiers.\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    assert [(r.cue, r.speaker_name) for r in table.itertuples()] == [
        ("said", "Omar Nadir"), ("said", "Karim Dawud"), ("said", "Ali Hassan"), ("said", "Ali Hassan"),
        ("said", "Jane Roe")]


def test_a_speaker_the_lead_describes_is_the_person_named_later_with_that_title(tmp_path):
    """"a US general said" in a lead is the general the text names later (delayed identification); an indefinite
    description past the lead is someone new (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Talks resume\n\nThe town will fall within days, a US general said on Monday.\n\nThe army shelled the hills."
        '\n\nThe roads are closed.\n\n"We are close," Major General John Carter told reporters.\n\nOfficials met in '
        "the capital. A spokesman said the shops were shut.\n\nPolice spokesman Omar Nadir said the curfew would "
        "end.\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    assert [(r.cue, r.speaker_name) for r in table.itertuples()] == [
        ("said", "John Carter"), ("told", "John Carter"), ("said", "A spokesman"), ("said", "Omar Nadir")]


def test_a_title_s_name_set_off_by_commas_is_the_speaker_not_whom_the_title_serves(tmp_path):
    """"according to another spokesman for Haftar's forces, Ali al-Hasani, ..." is his, wherever the parser hangs the
    name, and never Haftar's: the "for" phrase names whom the spokesman serves (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        'Talks resume\n\nTwelve "rebels" died in four days of fighting, according to another spokesman for Haftar\'s '
        "forces, Ali al-Hasani, but there was no independent confirmation of that toll.\n", encoding="utf-8")
    build = Build(load_corpus(tmp_path))
    assert [(r.cue, r.speaker_name) for r in build["quotes"].itertuples()] == [("according to", "Ali al-Hasani")]
    assert build["figures"][["surface", "source"]].values.tolist() == [
        ["Twelve", "unlisted:ali-al-hasani"], ["four days", "unlisted:ali-al-hasani"]]


def test_a_name_after_what_a_title_serves_is_the_titled_speaker(tmp_path):
    """"Leader of the Islamic Revolution Ayatollah Ali Khamenei said ...": the parser hangs the name inside the "of"
    phrase, but it follows what the title serves (the revolution), so it is the speaker's own name, not whom the
    leader serves (sentence written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Talks resume\n\nLeader of the Islamic Revolution Ayatollah Ali Khamenei said on Sunday that the talks had "
        "failed.\n", encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    assert [(r.cue, r.speaker) for r in table.itertuples()] == [("said", "ali_khamenei")]


def test_an_aside_between_dashes_stays_out_of_the_speaker(tmp_path):
    """A phrase set off by dashes is an aside: "Its spokesman — killed months later — said" is the spokesman's, "X —
    the commander of the brigade — told" is X's; "said in a recording that ..." reports the "that" clause the parser
    hangs on the recording (sentences written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nThe group's founder, Abu Bakr al-Baghdadi — slain by US forces in 2019 — said in a recording "
        "that the war would go on. Its spokesman — killed months later in a strike — said the city would never "
        "fall. Ali al-Hasani — the commander of the brigade — told reporters that the road was open.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [
        ("said", "abu_bakr_al_baghdadi"), ("said", "Its spokesman"), ("told", "Ali al-Hasani")]


def test_a_postposed_cue_with_its_speaker_after_it(tmp_path):
    """"..., reported the X news agency, which ..." is the agency's, which the parser takes for the verb's object,
    and what it reports is the clause before (sentences written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nGunmen shot down the helicopter and killed the crew, reported Nahar news agency, which is "
        "close to the rebels.\n")
    assert [(cue, speaker, content) for cue, speaker, content, _ in got] == [
        ("reported", "Nahar news agency", "Gunmen shot down the helicopter and killed the crew")]


def test_the_short_form_of_a_body_named_before_is_that_body(tmp_path):
    """"The Observatory" after "the Syrian Observatory for Human Rights" is that body (sentences written for the
    test)."""
    (tmp_path / "s.txt").write_text(
        "Talks resume\n\nThe Syrian Observatory for Human Rights counted six dead.\n\nThe Observatory, which has "
        "sources across the country, says it checks each report.\n",
        encoding="utf-8")
    table = Build(load_corpus(tmp_path))["quotes"]
    assert [(r.cue, r.speaker) for r in table.itertuples()] == [("says", "sohr")]


def test_an_attitude_is_a_statement_when_addressed_or_stated(tmp_path):
    """"expressed his gratitude to X", "conveyed condolences to the families", "expressed readiness to work" and
    "expressed concern that ..." are statements; "expressed deep sorrow over the deaths" and "expressed alarm at the
    rise" report a state of mind (sentences written for the test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nThe general expressed his gratitude to the allied militias for their help. The envoy "
        "expressed deep sorrow over the deaths. The minister expressed readiness to work with the mission. The UN "
        "expressed alarm at the rise in deaths. The mayor expressed concern that aid was blocked. The king conveyed "
        "his condolences to the families.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [
        ("expressed", "The general"), ("expressed", "The minister"), ("expressed", "The mayor"),
        ("conveyed", "The king")]


def test_a_name_with_a_title_in_apposition_is_a_person_for_the_he_after_it(tmp_path):
    """"Najib Danish, a spokesman for the ministry, has said ..." is a person even where no table knows the name (a
    demonym for a family name), so the "He" of the next sentence is his, not "a spokesman" (sentences written for the
    test)."""
    got = _statements(tmp_path,
        "Talks resume\n\nThe attacker was on foot. Najib Danish, a spokesman for the ministry, has said that the blast "
        "left five people dead. He added the attacker detonated his explosives early.\n")
    assert [(cue, speaker) for cue, speaker, _, _ in got] == [("said", "Najib Danish"), ("added", "Najib Danish")]


def test_a_title_line_closed_by_its_speaker_after_a_comma_reports_the_words_before(tmp_path):
    """"X killed in strike, military says" credits the words before the comma; a title line without it stays a
    summary (sentences written for the test)."""
    (tmp_path / "s.txt").write_text(
        "Rebel leader killed in air strike, army says\n\nA strike killed the leader of the rebels, officials said.\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    text = corpus.texts["s"]
    got = [(r.cue, r.speaker, text[r.content_start : r.content_end]) for r in Build(corpus)["quotes"].itertuples()]
    assert got == [("says", "army", "Rebel leader killed in air strike"),
                   ("said", "officials", "A strike killed the leader of the rebels")]
