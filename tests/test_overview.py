"""The corpus overview tables, against the seed texts as read."""

from analysis.views import overview
from analysis.views.html import escape_markdown as md


def test_publication_dates_keep_precision_and_evidence(corpus):
    dates = overview.publication_dates(corpus).set_index("doc_id")
    mem = dates.loc["001_b8e32a01f76ace3e"]
    assert (str(mem["date"].date()), mem["precision"], mem["inferred"]) == ("2017-11-22", "day", False)
    col = dates.loc["000_d251aeb472392b04"]
    assert (str(col["date"].date()), col["precision"], col["inferred"]) == ("2017-11-01", "month", True)
    assert list(dates.index)[0] == "003_8f37f4218dee2a7e"  # October 2016, the earliest


def test_composition_counts_characters_by_kind(corpus):
    comp = overview.composition(corpus)
    row = comp[(comp["doc_id"] == "000_d251aeb472392b04") & (comp["kind"] == "byline")]
    assert row["chars"].tolist() == [len("By Saqib Akbar")]
    licence = comp[(comp["doc_id"] == "002_f80f2dc959706d05") & (comp["kind"] == "licence")]
    assert licence["chars"].tolist() == [len("All Content by Mehr News Agency is licensed under a Creative Commons "
                                             "Attribution 4.0 International License.")]


def test_profile_reads_voice_and_sources(corpus):
    prof = overview.profile(corpus).set_index("doc_id")
    wire = prof.loc["001_b8e32a01f76ace3e"]
    assert wire["first_person_per_1k"] == 0.0 and wire["via"] == "Xinhua News Agency"
    # 004 argues in the first person ("we cannot deny", "as I write", "Let us remenber")
    assert prof.loc["004_b6cadf51bfb24b9f", "first_person_per_1k"] > 5
    assert prof.loc["002_f80f2dc959706d05", "furniture"] == "source_line, licence"
    assert prof.loc["003_8f37f4218dee2a7e", "n_sentences"] == 41  # 51 sentences, 10 of them furniture


def test_sketch_is_built_from_the_row(corpus):
    prof = overview.profile(corpus).set_index("doc_id")
    text = overview.sketch(prof.loc["001_b8e32a01f76ace3e"])
    assert text.startswith(f"**{md('001 · Middle East Monitor')}**, {md('news report (agency rewrite)')}: "
                           f"{md('Middle East Monitor')}.")
    assert f"it credits {md('Xinhua News Agency')} as its source" in text


def test_sketch_shows_hostile_metadata_as_text(corpus):
    row = overview.profile(corpus).set_index("doc_id").loc["001_b8e32a01f76ace3e"].copy()
    row["document"] = '<meta http-equiv=refresh content="6;url=http:evil.example">'
    row["author"], row["via"] = "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))"
    row["genre"] = "opinion\n\n# <script>alert(1)</script> www.evil.example"
    text = overview.sketch(row)
    assert "<meta" not in text and "<img" not in text and "<script" not in text
    assert "\\[click\\](javascript&#58;alert(1))" in text  # no link: the brackets are escaped
    assert "\n" not in text and "www." not in text and "http:" not in text
    assert "&lt;meta http-equiv=refresh content=&quot;6;url=http&#58;evil&#46;example&quot;&gt;" in text


def test_summary_states_size_and_date_range(corpus):
    text = overview.summary(corpus)
    assert text.startswith("The corpus holds **5 documents**")
    assert "published between **2016-10** and **2017-12**" in text
    assert "1 publication date(s) are stated in a dateline; 4 are inferred" in text


def test_metadata_table_leaves_unknown_values_blank(corpus):
    table = overview.metadata_table(corpus)
    assert table.loc["002 · Mehr News Agency", "title"] == ""  # the file has no headline
    assert table.loc["002 · Mehr News Agency", "via"] == "Press TV"
