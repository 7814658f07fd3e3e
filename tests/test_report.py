"""The offline report: pages built from executed notebooks, no outside requests, Vega inlined once."""

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis import __main__ as cli
from analysis.views.report import (MACHINE_PATH, ReportIncomplete, build_report, script_json, source_sha256,
                                   title_of)
from notebook_factory import CELLS, hostile_corpus, write_notebook

BUNDLE_MARKER = "window.vegaEmbed="  # the last statement of vl-convert's bundle
OUTSIDE = re.compile(r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A report built from two throwaway notebooks against a corpus with a hostile document."""
    root = tmp_path_factory.mktemp("report")
    notebooks = [write_notebook(root / "nb" / name, title) for name, title in
                 [("01-first.ipynb", "First page"), ("02-second.ipynb", "Second page")]]
    return build_report(notebooks, root / "out" / "report", hostile_corpus(root / "corpus"))


def _page(report: Path, name: str) -> str:
    return (report.parent / name).read_text(encoding="utf-8")


def test_index_links_every_page_with_its_title(report):
    index = report.read_text(encoding="utf-8")
    assert '<a href="01-first.html">First page</a><p>A throwaway page for the tests.</p>' in index
    assert '<a href="02-second.html">Second page</a><p>A throwaway page for the tests.</p>' in index
    assert "<code>corpus</code>" in index  # the corpus folder's name, never an absolute path


@pytest.mark.parametrize("name", ["index.html", "01-first.html", "02-second.html"])
def test_pages_request_nothing_from_outside(report, name):
    page = _page(report, name)
    assert not OUTSIDE.findall(page)
    assert "<script src" not in page and "<link" not in page
    for cdn in ("require.js", "require.min.js", "mathjax.js", "tex-chtml", "tex-svg", "cdn.jsdelivr", "unpkg.com", "cdnjs"):
        assert cdn not in page.lower()
    assert "Content-Security-Policy" in page


@pytest.mark.parametrize("name", ["index.html", "01-first.html", "02-second.html"])
def test_pages_show_no_machine_paths(report, name):
    assert MACHINE_PATH.findall(_page(report, name)) == []


@pytest.mark.parametrize("name", ["01-first.html", "02-second.html"])
def test_vega_bundle_is_inlined_once_and_charts_are_embedded(report, name):
    page = _page(report, name)
    assert page.count(BUNDLE_MARKER) == 1
    assert page.count('<div class="vega-chart') == 2  # the factory notebook draws two charts
    specs = [s.string for s in BeautifulSoup(page, "html.parser").select("div.vega-chart script.vega-spec")]
    assert [json.loads(s)["$schema"] for s in specs] == ["https://vega.github.io/schema/vega-lite/v5.20.1.json"] * 2


def test_csp_allows_exactly_the_inline_scripts_of_the_page(report):
    page = _page(report, "01-first.html")
    soup = BeautifulSoup(page, "html.parser")
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    scripts = [s.string for s in soup.find_all("script") if s.get("type") in (None, "module")]
    assert len(scripts) == 5  # Vega bundle and embedding, itables' bundle loader, a table's two scripts
    allowed = set(re.findall(r"'sha256-([^']*)'", csp))
    assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert "default-src 'none'" in csp and "script-hashes" not in csp


def test_corpus_text_is_escaped_in_the_page(report):
    page = _page(report, "01-first.html")
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    assert "<img src=x" not in page and "<script>window" not in page
    assert "<mark" in page


def test_code_is_hidden_and_the_notebook_read_the_given_corpus(report):
    page = _page(report, "01-first.html")
    assert "from analysis.views.notebook import setup" not in page
    assert "documents: 2" in page  # the hostile corpus has two files, seeds/ has five


def test_script_json_cannot_close_or_reopen_a_script_element():
    text = script_json({"a": "</script><!--<script>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!--<script>&"}


def test_title_is_the_first_markdown_heading_and_intro_the_paragraph_after_it():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("1"),
        nbformat.v4.new_markdown_cell("Intro\n## Actors: who is named\n\nWho is named,\nand how often.\n\nMore."),
    ])
    assert title_of(nb, "fallback") == ("Actors: who is named", "Who is named,\nand how often.")
    assert title_of(nbformat.v4.new_notebook(), "fallback") == ("fallback", "")


def test_source_hash_follows_code_not_prose():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("a"), nbformat.v4.new_code_cell("x = 1")])
    before = source_sha256(nb)
    nb.cells[0].source = "b"
    assert source_sha256(nb) == before
    nb.cells[1].source = "x = 2"
    assert source_sha256(nb) != before


def test_a_failing_notebook_gets_an_error_page_and_the_other_pages_are_written(tmp_path, capfd):
    notebooks = [write_notebook(tmp_path / "nb" / "01-first.ipynb", "First page"),
                 write_notebook(tmp_path / "nb" / "02-broken.ipynb", "Broken page",
                                [CELLS[0], 'print("fine")', 'int("2017-W41")', 'print("never")'])]
    with pytest.raises(ReportIncomplete) as failure:
        build_report(notebooks, tmp_path / "report", hostile_corpus(tmp_path / "corpus"))
    message = str(failure.value)
    assert "\n" not in message
    assert message.startswith("02-broken.ipynb: cell [3] failed: ValueError: invalid literal for int() with base 10: "
                              "'2017-W41'")
    broken = (tmp_path / "report" / "02-broken.html").read_text(encoding="utf-8")
    assert "could not be computed" in broken and "cell [3]" in broken and "int(&quot;2017-W41&quot;)" in broken
    assert '<div class="vega-chart' in (tmp_path / "report" / "01-first.html").read_text(encoding="utf-8")
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert 'href="01-first.html"' in index and 'href="02-broken.html"' in index and "Not computed: 02-broken" in index
    progress = capfd.readouterr().err
    assert "[2/2] running 02-broken.ipynb" in progress
    assert "without encryption" not in progress  # the kernels talk over IPC sockets, not TCP


def test_every_page_is_built_for_an_article_dated_last_week(analyst_build):
    run = analyst_build["run"]
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    pages = {p.name: p.read_text(encoding="utf-8") for p in analyst_build["report"].glob("*.html")}
    assert sorted(pages) == ["01-corpus.html", "02-actors.html", "03-figures.html", "04-narratives.html", "index.html"]
    assert not [name for name, page in pages.items() if "could not be computed" in page]
    assert "past week" in pages["03-figures.html"] and "2017-W40" in pages["03-figures.html"]  # at its ISO week


def test_a_default_build_keeps_its_csv_tables_only_and_links_them(analyst_build):
    out = analyst_build["report"].parent
    assert {p.suffix for p in (out / "tables").iterdir()} == {".csv"}  # the kernels' Parquet copies are not kept
    assert sorted(p.name for p in out.iterdir()) == ["report", "tables"]  # nor the staging folder
    index = (analyst_build["report"] / "index.html").read_text(encoding="utf-8")
    assert 'href="../tables/documents.csv"' in index and ".parquet" not in index


def test_a_report_of_a_glob_reads_the_listed_files_alone(tmp_path, monkeypatch):
    """A glob over two subfolders: the notebooks and the article pages read the two files it matches, not the folder
    they share (its other article, or its actors.yaml, which would fail the build were it read)."""
    corpus = tmp_path / "corpus"
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    for year, seed in (("2016", seeds[1]), ("2017", seeds[2])):
        (corpus / year).mkdir(parents=True)
        shutil.copy(seed, corpus / year / seed.name)
    (corpus / "left_out.txt").write_text("Not listed\n\nThis article is outside the glob.\n", encoding="utf-8")
    (corpus / "actors.yaml").write_text("actors: [{id: broken}\n", encoding="utf-8")
    monkeypatch.setattr(cli, "NOTEBOOKS", write_notebook(tmp_path / "nb" / "01-first.ipynb", "First page").parent)
    out = tmp_path / "out"
    assert cli.main(["build", "--corpus", str(corpus / "20*" / "*.txt"), "--out", str(out)]) == 0
    page = (out / "report" / "01-first.html").read_text(encoding="utf-8")
    assert "documents: 2" in page and seeds[1].stem in page and "left_out" not in page
    assert len(list((out / "report" / "articles").glob("*.html"))) == 2
