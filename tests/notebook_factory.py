"""Throwaway notebooks and a hostile corpus for the report and browser tests."""

import shutil
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


def hostile_corpus(folder: Path) -> Path:
    """A corpus of one seed article and one document made of markup."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[1]
    shutil.copy(seed, folder / seed.name)
    (folder / "900_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return folder


def dated_corpus(folder: Path) -> Path:
    """A corpus of one seed article and a wire story dated "in the past week" and "last week"."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    (folder / "901_wire.txt").write_text(DATED_TEXT, encoding="utf-8")
    return folder
