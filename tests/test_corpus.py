"""The corpus loader: seeds, metadata, spans by kind, sentences, offsets. Expectations checked by reading the texts."""

import hashlib
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.stages import metadata
from analysis.stages.corpus import document_short_names, folder_problems, load_corpus, scan, short_ids
from analysis.stages.segment import segment, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_SUMS = ROOT.parent / "shared" / "seeds" / "SHA256SUMS"


def doc(corpus, prefix: str) -> dict:
    """The documents row whose doc_id starts with prefix."""
    rows = corpus.documents[corpus.documents["doc_id"].str.startswith(prefix)]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


def test_seeds_are_byte_identical_to_the_shared_originals():
    # tests/fixtures/SHA256SUMS is a copy of ../shared/seeds/SHA256SUMS, for clones without shared/ beside them.
    sums = (ROOT / "tests" / "fixtures" / "SHA256SUMS").read_text()
    if SHARED_SUMS.exists():
        assert sums == SHARED_SUMS.read_text()
    lines = [line.split() for line in sums.splitlines() if line.strip()]
    assert len(lines) == 5
    for digest, name in lines:
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name


def test_documents_carry_the_sha256_of_their_file_bytes(corpus):
    sums = dict(reversed(line.split()) for line in (ROOT / "tests" / "fixtures" / "SHA256SUMS").read_text().splitlines())
    assert dict(zip(corpus.documents["doc_id"] + ".txt", corpus.documents["sha256"])) == sums


def test_one_document_per_file_with_file_stem_ids(corpus):
    assert list(corpus.documents["doc_id"]) == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert corpus.problems.empty


def test_metadata_read_from_the_texts(corpus):
    d = doc(corpus, "001")
    assert d["title"] == "Khamenei: Collapse of Daesh is defeat of US"
    assert d["outlet"] == "Middle East Monitor"  # from its masthead tagline
    assert d["via"] == "Xinhua News Agency"  # "..., Xinhua News Agency reported."
    assert (d["published"], d["published_inferred"]) == ("2017-11-22", False)  # dateline
    d = doc(corpus, "002")
    assert (d["outlet"], d["via"]) == ("Mehr News Agency", "Press TV")  # licence line, "(Source: presstv)"
    assert pd_isna(d["title"]) and pd_isna(d["author"])  # the file starts with the body
    d = doc(corpus, "000")
    assert d["author"] == "Saqib Akbar" and d["author_evidence"] == "byline 'By Saqib Akbar'"
    assert pd_isna(d["outlet"])  # nothing in the text names it
    assert (d["published"], d["published_inferred"]) == ("2017-11", True)
    assert "on or after 2017-11-23" in d["published_evidence"]  # conference "held on 22nd and 23rd of November"
    d = doc(corpus, "003")
    assert (d["title"], d["author"]) == ("Imminent Downfall of ISIS", "M. Waqas Abdullah")
    d = doc(corpus, "004")
    assert d["title"] == "Da'esh defeated in Syria and Iraq, who should take the credit?"
    assert (d["author"], d["outlet"]) == ("Matija Lukač", "GlobalCIR")  # bio: "at the GlobalCIR website"


def pd_isna(value) -> bool:
    """Whether a cell is missing."""
    return value is None or value != value


def test_manifest_facts_carry_their_provenance(corpus):
    d = doc(corpus, "004")
    assert d["published"] == "2017-12" and d["published_inferred"]
    assert d["published_evidence"].startswith("manifest: ") and "Pompeo" in d["published_evidence"]
    assert d["genre"] == "opinion blog" and d["genre_source"].startswith("manifest: ")


def test_body_span_and_word_counts(corpus):
    d = doc(corpus, "001")
    text = corpus.texts[d["doc_id"]]
    assert text[d["body_start"] :].startswith("Iran’s Supreme Leader")
    assert text[: d["body_end"]].endswith("or in other forms.")
    assert doc(corpus, "002")["body_start"] == 0
    assert corpus.texts[doc(corpus, "002")["doc_id"]][: doc(corpus, "002")["body_end"]].endswith("Syria’s Raqqah.")


# Every non-body paragraph of the five files, each with its kind, read off the texts.
FURNITURE = {
    "000": [("byline", "By Saqib Akbar")],
    "001": [("tagline", "Creating new perspectives since 2009"),
            ("headline", "Khamenei: Collapse of Daesh is defeat of US"),
            ("dateline", "November 22, 2017 at 9:00 pm"),
            ("link", "Mattis: US to fight Daesh in Syria ‘as long as they want to fight’")],
    "002": [],
    "003": [("headline", "Imminent Downfall of ISIS"),
            ("standfirst", "Will the mammoth of evil be choked to death finally?"),
            ("author", "M. Waqas Abdullah"), ("author_bio", "Husband | A proud father"),
            ("comments", "Leave a Reply"), ("comments", "Your email address will not be published."),
            ("about", "About us is an endeavor")],
    "004": [("headline", "Da'esh defeated in Syria and Iraq, who should take the credit?"),
            ("caption", "Iranian Major General, Qassem Soleimani (C)"), ("author", "Matija Lukač"),
            ("author_bio", "Matija Lukač is a pro-Syrian activist"), ("related", "Related articles"),
            ("related", "MOST popular")],
}


@pytest.mark.parametrize("prefix", sorted(FURNITURE))
def test_page_furniture_is_classified_not_deleted(corpus, prefix):
    paras = corpus.paragraphs[corpus.paragraphs["doc_id"].str.startswith(prefix)]
    furniture = paras[paras["kind"] != "body"]
    assert [(r.kind, r.text[: len(t)]) for r, (_, t) in zip(furniture.itertuples(), FURNITURE[prefix])] == \
        FURNITURE[prefix]
    assert len(furniture) == len(FURNITURE[prefix])


def test_sentence_level_furniture_inside_a_body_paragraph(corpus):
    sents = corpus.sentences[corpus.sentences["doc_id"].str.startswith("002")]
    tail = sents.tail(3)
    assert list(tail["kind"]) == ["body", "source_line", "licence"]
    assert tail.iloc[1]["text"] == "(Source:\u00a0presstv)"
    assert not tail.iloc[2]["in_body"]


def test_every_character_belongs_to_exactly_one_span_and_rebuilds_the_text(corpus):
    for doc_id, text in corpus.texts.items():
        spans = corpus.spans[corpus.spans["doc_id"] == doc_id].sort_values("start")
        assert spans["start"].iloc[0] == 0 and spans["end"].iloc[-1] == len(text)
        assert (spans["start"].to_numpy()[1:] == spans["end"].to_numpy()[:-1]).all()
        assert "".join(text[s:e] for s, e in zip(spans["start"], spans["end"])) == text
        assert all(text[s:e].strip() == "" for s, e, lab in spans[["start", "end", "kind"]].to_numpy()
                   if lab == "space")


def test_offsets_give_back_each_piece_exactly(corpus):
    for table in (corpus.paragraphs, corpus.sentences):
        for row in table.itertuples():
            assert corpus.texts[row.doc_id][row.start : row.end] == row.text


def test_sentence_counts_match_a_reading_of_each_file(corpus):
    # Every split of the five files was read and checked (see test_hand_marked_sentences for the hard ones).
    counts = corpus.sentences.groupby(corpus.sentences["doc_id"].str[:3]).size().to_dict()
    assert counts == {"000": 40, "001": 14, "002": 16, "003": 51, "004": 81}


HAND_MARKED = [
    ("003", "M. Waqas Abdullah"),  # an initial is not a sentence end
    ("000", 'Noting that ISIS emerged in Afghanistan over the past few years, Karzai asked: "Who did this under '
            'the watch of US intelligence and military in Afghanistan and how come?"'),  # ends inside the quote
    ("000", 'He said: "We have the right to ask these questions and the US government must answer."'),
    ("001", "Khamenei’s remarks come in response to a senior Iranian Military General, who announced on Tuesday "
            "the final defeat of the IS militants in Iraq and Syria and congratulated Iran’s Supreme Leader on "
            "the “victory.”"),
    ("001", "He said initial reports estimate that the damages caused by the Daesh militants in the two countries "
            "amounted to at least $ 500 billion."),  # "$ 500" with a no-break space
    ("003", "Will the mammoth of evil be choked to death finally?"),
    ("004", "Was it a pure ignorance or just plain stupidity?"),
    ("004", "Let the public decide."),
    ("004", "Except Israel."),
    ("004", "Matija Lukač"),  # a line with no final stop
]


@pytest.mark.parametrize("prefix,sentence", HAND_MARKED)
def test_hand_marked_sentences(corpus, prefix, sentence):
    sents = corpus.sentences[corpus.sentences["doc_id"].str.startswith(prefix)]
    normal = [t.replace("\u00a0", " ") for t in sents["text"]]
    assert sentence in normal


@pytest.mark.parametrize("text,expected", [
    ("U.S. officials met Gen. Smith on Nov. 5 in Iraq. He left.",
     ["U.S. officials met Gen. Smith on Nov. 5 in Iraq.", "He left."]),
    ("The deal was struck in the U.S. The talks ended.", ["The deal was struck in the U.S.", "The talks ended."]),
    ("We will hold him accountable ... and we meant it. Then he went home.",
     ["We will hold him accountable ... and we meant it.", "Then he went home."]),
    ("He said: “It is over.” The war ended.", ["He said: “It is over.”", "The war ended."]),
    ("Dr. J. R. Smith spoke.\u00a0Then Mr. Jones did!", ["Dr. J. R. Smith spoke.", "Then Mr. Jones did!"]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("It cost 3.5 billion. Then more.", ["It cost 3.5 billion.", "Then more."]),
    ("It weighs approx. 5 tonnes, as in Clinton vs. Trump. Then more.",  # lower-case abbreviations
     ["It weighs approx. 5 tonnes, as in Clinton vs. Trump.", "Then more."]),
    ("He met (Sen. Graham) at 5 p.m. The talks ended. Then 2 more.",  # bracketed title; a stop after a figure
     ["He met (Sen. Graham) at 5 p.m.", "The talks ended.", "Then 2 more."]),
])
def test_splitting_real_news_punctuation(text, expected):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


def test_source_tag_is_classified_after_a_letter_whose_lower_case_is_longer():
    text = ("Raids on Raqqa\n\nJets flew from İncirlik to Raqqa and struck the city twice. (Source: Reuters) "
            "Officials said nothing more about the raids.\n")
    _, sentences, _ = segment(text)
    assert [(s.kind, text[s.start : s.end]) for s in sentences[1]] == [
        ("body", "Jets flew from İncirlik to Raqqa and struck the city twice."),
        ("source_line", "(Source: Reuters)"),
        ("body", "Officials said nothing more about the raids."),
    ]


def test_headline_without_final_stop_is_its_own_sentence():
    text = "Troops Enter Mosul\n\nIraqi forces entered the city on Monday after weeks of heavy fighting in the east."
    paragraphs, sentences, fallback = segment(text)
    assert [p.kind for p in paragraphs] == ["headline", "body"] and not fallback
    assert [text[s.start : s.end] for s in sentences[0]] == ["Troops Enter Mosul"]


def test_hard_wrapped_text_is_joined_back_into_paragraphs():
    """Wire copy wrapped at a fixed width with no blank lines: a line goes on into the next unless it ends a sentence
    or stops short; a text with one paragraph per line stays one paragraph per line."""
    text = ("GENEVA, March 26 - About 200,000 refugees will return home this\n"
            "year, the head of the regional office, Jane Doe, said on\n"
            "Wednesday.\n"
            "Doe said that a permanent solution should be found for about\n"
            "835,000 people who fled the fighting.\n"
            "The agency will open an information centre later this week.")
    paragraphs, _, fallback = segment(text)
    assert fallback
    assert [text[p.start : p.end].replace("\n", " ") for p in paragraphs] == [
        "GENEVA, March 26 - About 200,000 refugees will return home this year, the head of the regional office, "
        "Jane Doe, said on Wednesday.",
        "Doe said that a permanent solution should be found for about 835,000 people who fled the fighting.",
        "The agency will open an information centre later this week."]
    lines = "Troops Enter Mosul\nIraqi forces entered the city on Monday.\nThe fighting went on for weeks in the east."
    assert len(segment(lines)[0]) == 3


def test_sentence_of_maps_offsets_to_sentences(corpus):
    doc_id = doc(corpus, "001")["doc_id"]
    text = corpus.texts[doc_id]
    at = text.index("Xinhua")
    sent_id = corpus.sentence_of(doc_id, [at])[0]
    row = corpus.sentences[(corpus.sentences["doc_id"] == doc_id) & (corpus.sentences["sent_id"] == sent_id)]
    assert "Xinhua News Agency reported" in row["text"].iloc[0]


def test_wire_dateline_gives_date_and_agency_and_leaves_the_lead_sentence():
    text = ("Iraqi forces retake Tal Afar\n\nBy Jane Doe\n\n"
            "BAGHDAD, Aug 31, 2017 (Reuters) - Iraqi forces said on Thursday they had recaptured the whole of "
            "Tal Afar after an 11-day offensive.\n\nReporting by Jane Doe; Editing by John Smith\n")
    paragraphs, sentences, _ = segment(text)
    flat = [s for para in sentences for s in para]
    assert [(s.kind, text[s.start : s.end]) for s in flat] == [
        ("headline", "Iraqi forces retake Tal Afar"),
        ("byline", "By Jane Doe"),
        ("dateline", "BAGHDAD, Aug 31, 2017 (Reuters) -"),
        ("body", "Iraqi forces said on Thursday they had recaptured the whole of Tal Afar after an 11-day offensive."),
        ("credits", "Reporting by Jane Doe; Editing by John Smith"),
    ]
    assert metadata.published(text, flat)[0].value == "2017-08-31"
    # the agency the dateline names publishes the story (no other outlet is named): outlet, not via
    assert (metadata.outlet(text, flat).value, metadata.via(text, flat).value) == ("Reuters", None)


@pytest.mark.parametrize("lead, dateline", [
    ("MANILA, Philippines (AP) Authorities in the Philippines say the official death toll from the typhoon has risen "
     "by three, hours after the United Nations gave a higher count.", "MANILA, Philippines (AP)"),
    ("KABUL (Daily News / Sputnik - 25th July, 2019) The minister confirmed on Thursday that eight of the ministry's "
     "employees were killed in a suicide attack in the city earlier in the day.",
     "KABUL (Daily News / Sputnik - 25th July, 2019)"),
])
def test_wire_dateline_without_its_dash(lead, dateline):
    """A dateline whose dash was lost, the agency's parentheses closing it: split off when the agency is an acronym,
    a masthead or dated (sentences written for the test)."""
    text = f"Toll rises\n\n{lead}\n\nThe count went on through the night in every province of the country.\n"
    flat = [s for para in segment(text)[1] for s in para]
    assert [(s.kind, text[s.start : s.end]) for s in flat][1] == ("dateline", dateline)


@pytest.mark.parametrize("lead", [
    "ISIS - the group that held Mosul - lost its last town.",  # a dash, but no date or agency
    "US officials - speaking anonymously - said the raid went ahead.",
    "NATO (North Atlantic Treaty Organization) Members met in Brussels on Monday.",  # no dash, no agency
])
def test_ordinary_first_sentences_are_not_wire_datelines(lead):
    text = lead + " It was a long war for everyone involved in it."
    _, sentences, _ = segment(text)
    assert [s.kind for para in sentences for s in para] == ["body", "body"]


def test_short_names_are_short_and_unique():
    ids = pd.Series(["000_d251", "001_b8e3", "reuters_like", "plain"])
    assert list(short_ids(ids)) == ["000", "001", "reuters", "plain"]
    clash = pd.Series(["2017_a", "2017_b"])
    assert list(short_ids(clash)) == ["2017_a", "2017_b"]


def test_a_corpus_loaded_in_partitions_is_the_corpus_loaded_whole(tmp_path):
    """Partitions of a scan (as the Dask engine loads them) give the same tables and problems as one load: a copy of
    another file's bytes, an empty file, a file with no manifest row and a manifest row of no file included."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds:
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(seeds[0], tmp_path / "zz_copy.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "manifest.csv").write_text((SEEDS / "manifest.csv").read_text("utf-8") + "gone,,,news,me\n", "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = load_corpus(tmp_path)
        found = scan(tmp_path)
        names = [f.name for f in found.files]
        parts = [load_corpus(tmp_path, only=names[i : i + 2]) for i in range(0, len(names), 2)]
    joined = {name: pd.concat([getattr(p, name) for p in parts], ignore_index=True)
              for name in ("documents", "paragraphs", "sentences", "spans", "problems")}
    assert "zz_copy.txt" not in names and "empty.txt" in names
    # a column no document of a partition fills (via) is object (None) there, str (NaN) when whole: the same table
    # written
    assert document_short_names(joined["documents"]).to_csv(index=False) == whole.documents.to_csv(index=False)
    for name in ("paragraphs", "sentences", "spans"):
        pd.testing.assert_frame_equal(joined[name], getattr(whole, name))
    problems = folder_problems(found, joined["problems"], joined["documents"])
    pd.testing.assert_frame_equal(problems, whole.problems)
    assert set(problems.file) == {"zz_copy.txt", "empty.txt", "manifest.csv"}


def test_rows_per_document_follow_the_table_the_corpus_holds():
    # Corpus.rows groups a table once for every stage that reads it, in the table's order; a table replaced (a
    # notebook keeping the body only) is grouped again, never read from the rows of the one it replaced
    corpus = load_corpus(SEEDS)
    rows = corpus.rows("sentences")
    assert corpus.rows("sentences") is rows
    assert sum(map(len, rows.values())) == len(corpus.sentences)
    first = corpus.sentences.iloc[0]
    assert (rows[first["doc_id"]][0].start, rows[first["doc_id"]][0].text) == (first["start"], first["text"])
    corpus.sentences = corpus.sentences[corpus.sentences["in_body"]]
    body = corpus.rows("sentences")
    assert sum(map(len, body.values())) == len(corpus.sentences) < sum(map(len, rows.values()))
    assert all(r.in_body for mine in body.values() for r in mine)


def test_a_broadcasters_own_dateline_and_a_stamp_with_a_clock_time():
    """A dateline naming a known broadcaster in brackets gives the publisher ("ERBIL, Kurdistan Region (K24) –"); a
    date line stamped with a time is the story's own date, not a bare date above it (a site header's date of the day).
    Text written for the test."""
    text = ("Parties meet in Kirkuk\n\n12 Mar 2024\n\nTuesday 14 February 2017 - 10:05\n\n"
            "ERBIL, Kurdistan Region (K24) – Kurdish parties held a meeting on Tuesday to form a joint committee on "
            "the security of the province.\n")
    flat = [s for para in segment(text)[1] for s in para]
    assert metadata.published(text, flat)[0].value == "2017-02-14"
    assert (metadata.outlet(text, flat).value, metadata.via(text, flat).value) == ("Kurdistan 24", None)
