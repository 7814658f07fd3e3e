"""The article view: the text with every finding of the tables marked, a legend per layer, a side list, anchors
for table rows; text escaped (values checked by reading seed 000 and the hostile document)."""

import html
import re

import pytest
from bs4 import BeautifulSoup

from analysis.pipeline import Build
from analysis.stages.corpus import load_corpus
from analysis.views.article import LAYERS, article_html, findings, show
from notebook_factory import hostile_corpus

DOC = "000_d251aeb472392b04"


@pytest.fixture(scope="module")
def tables(corpus):
    return Build(corpus).tables()


@pytest.fixture(scope="module")
def view(corpus, tables):
    return BeautifulSoup(article_html(corpus.texts[DOC], DOC, tables, "000"), "html.parser")


def test_the_text_is_whole_and_in_order(corpus, tables):
    marked = re.search(r'<div class="text">(.*?)</div>', article_html(corpus.texts[DOC], DOC, tables), re.DOTALL)
    assert html.unescape(re.sub(r"<[^>]+>", "", marked.group(1))) == corpus.texts[DOC]


def test_each_layer_marks_what_its_table_holds(corpus, tables, view):
    text = corpus.texts[DOC]
    assert text[472:488] == "Qassem Soleimani"
    person = view.select_one('#c-472 + span')
    assert "type-person" in person["class"] and "Qassem Soleimani (person)" in person["title"]
    assert text[1492:1504] == "$500 billion"
    assert any("figure" in s["class"] for s in view.select("span.layer-figures") if "$500" in s.get_text())
    names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    judged = tables["stance_evidence"][tables["stance_evidence"]["doc_id"] == DOC]
    assert len(judged)
    for row in judged.itertuples():  # each credit or blame cue marked with its side and the judged actor
        cue = view.select_one(f"#c-{row.cue_start} + span")
        assert cue.get_text() == text[row.cue_start:row.cue_end][:len(cue.get_text())] and cue.get_text()
        assert f"stance-{row.stance}" in cue["class"] and f"{row.stance} for {names[row.actor_id]}" in cue["title"]
    speakers = {s.get_text() for s in view.select("span.speaker")}
    assert "He" in speakers and "Soleimani" in speakers
    assert view.select("span.shared") and view.select("span.date")
    marked = {f.layer for f in findings(DOC, tables)}
    assert marked == set(LAYERS)


def test_legend_has_a_checked_box_per_layer_and_the_side_list_links_to_anchors(view):
    boxes = view.select(".legend input[type=checkbox]")
    assert [b["class"][0] for b in boxes] == [f"show-{layer}" for layer in LAYERS]
    assert all(b.has_attr("checked") for b in boxes)
    ids = {a["id"] for a in view.select("a.anchor")}
    links = [a["href"][1:] for a in view.select(".findings a")]
    assert links and set(links) <= ids


def test_every_table_row_of_the_document_has_an_anchor(tables, view):
    ids = {a["id"] for a in view.select("a.anchor")}
    for name in ("mentions", "figures", "dates", "sentences"):
        rows = tables[name][tables[name]["doc_id"] == DOC]
        assert {f"c-{s}" for s in rows["start"]} <= ids, name


def test_markup_in_an_article_stays_text(tmp_path):
    corpus = load_corpus(hostile_corpus(tmp_path / "corpus"))
    html = show(corpus, "900_hostile", Build(corpus).tables())
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned" in html
    assert not re.search(r"<img", html)
