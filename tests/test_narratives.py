"""Notebook 04's views: prose numbers from the tables, escaped HTML, differing words, recurring claims."""

import re
from pathlib import Path


from analysis import load_corpus
from analysis.views import narratives as view
from analysis.stages.quotes import quotes
from analysis.stages.reuse import body_keys, copies, reuse, reuse_keys, shared_sentences
from analysis.pipeline import Build
from analysis.stages.vocabulary import epithets

ROOT = Path(__file__).resolve().parent.parent


def _shared(corpus) -> tuple:
    """The aligned sentence pairs and the shared passages of a corpus."""
    found = copies(corpus, body_keys(corpus))
    pairs = shared_sentences(corpus, reuse_keys(corpus, quotes(corpus)), found)
    return pairs, reuse(corpus, found, pairs)


def test_differing_words_are_marked_in_runs():
    text = "the cat sat on the mat today"
    assert [text[a:b] for a, b in view._differing(text, "the dog sat on a mat")] == ["cat", "the", "today"]
    assert view._differing("same words here", "Same words, here.") == []


def test_outlet_stories_take_their_numbers_from_the_tables(corpus):
    table = view.quoted(corpus, quotes(corpus))
    build = Build(corpus)
    stories = view.outlet_stories(corpus, table, build["stance"], build["vocabulary"], epithets(corpus),
                                  _shared(corpus)[1])
    paragraphs = re.sub(r"<[^>]+>", "", stories).split("\n\n")  # corpus words come wrapped by escape_markdown
    assert len(paragraphs) == 5
    # 003 attributes 4 statements (read: the Sunni fighters twice, Khattab Omer, Iraqi security officials)
    assert "attributes 4 statements to 3 speakers" in paragraphs[3]
    assert "It credits Turkey and blames Islamic State." in paragraphs[3]  # "town after town being freed by the
    # Sunni fighters along with the Turkish Forces"; "gruesome and heinous killings"
    assert "It shares no passage with the others." in paragraphs[4]
    # 001's statements: say 6, add 2, a colon 2 (no verb: left out, as in the chart of verbs), eight verbs once each
    assert "mostly with *say*, *add*, *announce*." in paragraphs[1]


def test_evidence_is_one_click_away(corpus):
    built = Build(corpus)
    matrix = view.stance_matrix(corpus, built["stance"])
    html = view.stance_evidence_html(corpus, matrix, built["stance_evidence"])
    assert html.count("<details>") == len(matrix)
    assert '<mark title="credit cue">liberated</mark>' in html


def test_markdown_prose_escapes_corpus_words(corpus):
    table = view.quoted(corpus, quotes(corpus)).assign(speaker_shown="*star* $5 and $6 <b>x</b>")
    prose = view.quotes_prose(table)  # "Most quoted: <that speaker> (71 in 5 documents)"
    assert "&lt;b&gt;x&lt;/b&gt;" in prose and "<b>x</b>" not in prose
    assert "\\*star\\*" in prose and "&#36;5" in prose and "$5" not in prose


def test_corpus_text_is_escaped(tmp_path):
    shared = "Officials said the <b>town</b> of Rawa & its bridge were freed by the army on Friday morning."
    for name, extra in (("a", "A first report."), ("b", "A second report.")):
        body = f"Headline\n\n{shared} {extra}\n\n" + "\n\n".join(["The army kept advancing towards the border."] * 3)
        (tmp_path / f"{name}.txt").write_text(body, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    html = view.reuse_html(corpus, _shared(corpus)[1])
    assert "&lt;b&gt;town&lt;/b&gt;" in html and "<b>town</b>" not in html and "&amp; its" in html


def test_shared_passages_and_claims_views_are_bounded(corpus):
    pairs, shared = _shared(corpus)
    html = view.reuse_html(corpus, shared, limit=1)  # 000-001 and 000-002 share four passages each: the first shown
    assert html.count("↔") == 4 and "002 ·" not in html and "The 1 of 3 pairs of documents with the most shared passages are shown" in html
    claims = view.recurring_claims(corpus, pairs, quotes(corpus), epithets(corpus))
    html = view.claims_html(claims, limit=2)
    assert html.count("<h4>") == 2 and f"The 2 of {claims.claim.nunique()} recurring claims" in html
    assert all(part.count("<tr>") <= 3 for part in html.split("<h4>")[1:])  # a heading row and two wordings


def test_recurring_claims_span_documents(corpus):
    claims = view.recurring_claims(corpus, _shared(corpus)[0], quotes(corpus), epithets(corpus))
    assert (claims.groupby("claim")["doc_id"].nunique() >= 2).all()
    # the $500 billion damage estimate: 000 s7 (Soleimani "further said") and 001 s12 ("He said initial reports
    # estimate": Soleimani's statement holding the reports' own)
    damage = claims[claims.sentence.str.contains("500 billion")]
    assert set(damage.doc_id.str[:3]) == {"000", "001"}
    assert set(damage.attributed_to) == {"Qassem Soleimani", "Qassem Soleimani and initial reports"}


def test_views_on_a_corpus_with_nothing_to_show(tmp_path):
    body = "Headline\n\n" + "\n\n".join(["The weather was mild in the valley and the river ran high."] * 4)
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    said = quotes(corpus)
    table = view.quoted(corpus, said)
    assert view.quotes_prose(table) == "No statement is attributed to anyone in these documents."
    assert view.claims_html(view.recurring_claims(corpus, _shared(corpus)[0], said, epithets(corpus))) == (
        "<p>No claim recurs across documents.</p>")
    assert view.reuse_html(corpus, _shared(corpus)[1]) == "<p>No passage is shared between documents.</p>"
    assert view.stance_chart(view.stance_matrix(corpus, Build(corpus)["stance"])).to_dict()  # a note, not an error
