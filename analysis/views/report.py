"""Run the notebooks against a corpus and export them as an offline HTML report."""

import argparse
import base64
import hashlib
import html
import json
import os
import re
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

import altair as alt
import nbformat
import pandas as pd
import vl_convert
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html
from traitlets.config import Config

from analysis.stages.corpus import load_corpus
from analysis.views import article, charts
from analysis.views.notebook import CORPUS_ENV, FILES_ENV, PROJECT_ROOT, TABLES_ENV
from analysis.views.tables import REPORT_ENV

NOTEBOOKS = PROJECT_ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEMPLATE = "report"
VEGA_MIME = "application/vnd.vegalite.v5+json"
# The Vega-Lite release Altair writes its specs for ("v5.20.1" -> "5.20"), bundled to match.
VEGA_LITE_VERSION = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
STAMP = "analysis"  # notebook metadata key holding the hash of the code that made the outputs
TIMEOUT = 600  # seconds one cell may run
# Paths that exist on one machine only: a home, a work tree, a temporary or kernel file.
MACHINE_PATH = re.compile(r"(?:/work/|/tmp/|/home/|/root/|/Users/|[A-Z]:\\\\|ipykernel_\d+)[^\s\"'<>]*")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")  # colours in tracebacks
SCRIPT_HASHES = "'script-hashes'"  # placeholder in the page's CSP for the hashes of its inline scripts
_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.DOTALL | re.IGNORECASE)
_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[\w/+-]+)""", re.IGNORECASE)


def source_sha256(nb: nbformat.NotebookNode) -> str:
    """A hash of the notebook's code cells: what its committed outputs were computed from."""
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps(code).encode("utf-8")).hexdigest()


def stale_reasons(nb: nbformat.NotebookNode) -> list[str]:
    """Why a committed notebook's outputs cannot be trusted as fresh and portable (empty: they can)."""
    reasons = []
    stamp = nb.metadata.get(STAMP, {}).get("source_sha256")
    if stamp != source_sha256(nb):
        reasons.append("its code is not the code its outputs were computed from" if stamp
                       else "it was not executed with `make notebooks`, so nothing records what code made its outputs")
    code = [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]
    if [cell.execution_count for cell in code] != list(range(1, len(code) + 1)):
        reasons.append("its cells were not run once each, top to bottom, in a fresh kernel")
    if any(output.output_type == "error" for cell in code for output in cell.outputs):
        reasons.append("a cell shows an error")
    if any("execution" in cell.metadata for cell in code):
        reasons.append("cells carry execution timestamps")
    found = sorted(set(MACHINE_PATH.findall(nbformat.writes(nb))))
    if found:
        reasons.append(f"it shows machine-specific paths: {', '.join(found)}")
    return reasons


class NotebookFailed(RuntimeError):
    """A notebook that stopped at a cell: which notebook, which cell, the error in one line."""

    def __init__(self, path: Path, nb: nbformat.NotebookNode, cell: int | None, error: str):
        where = f"cell [{cell}]" if cell else "before its first cell"
        super().__init__(f"{path.name}: {where} failed: {error}")
        self.path, self.nb, self.cell, self.error = path, nb, cell, error


def _failure(path: Path, nb: nbformat.NotebookNode, err: Exception) -> NotebookFailed:
    """Where a run stopped: the first cell showing an error (else the last cell run) and the error's one line."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    failed = next((c for c in code if any(o.output_type == "error" for o in c.outputs)), None)
    if failed is not None:
        out = next(o for o in failed.outputs if o.output_type == "error")
        error = f"{out.ename}: {ANSI_ESCAPE.sub('', out.evalue).strip()}"
    else:  # a timeout or a dead kernel: no error output, the message says what happened
        failed = next((c for c in reversed(code) if c.execution_count), None)
        error = f"{type(err).__name__}: {ANSI_ESCAPE.sub('', str(err)).strip()}"
    line = " ".join(error.split())
    return NotebookFailed(path, nb, failed.execution_count if failed is not None else None,
                          line if len(line) <= 300 else line[:299] + "…")


def execute(path: Path, corpus: Path | None = None, *, report: bool = False,
            tables: Path | None = None, listing: Path | None = None) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its folder, reading `corpus` (None: the default seeds/; with `listing`, a file
    naming its articles' paths under that folder, those alone) and the build's `tables` folder when given (its
    Parquet tables are read, not computed again), for the report (table rows link to the article pages) or not; a
    failing cell raises NotebookFailed naming the notebook and the cell."""
    nb = nbformat.read(path, as_version=4)
    env = {key: value for key, value in os.environ.items()
           if key not in (CORPUS_ENV, REPORT_ENV, TABLES_ENV, FILES_ENV)}
    if corpus is not None:
        env[CORPUS_ENV] = str(Path(corpus).resolve())
    if tables is not None:
        env[TABLES_ENV] = str(Path(tables).resolve())
    if listing is not None:
        env[FILES_ENV] = str(Path(listing).resolve())
    if report:
        env[REPORT_ENV] = "1"
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as sockets:
        # IPC sockets in a private folder: no TCP port, so the kernel has nothing to warn about.
        transport = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
        client = NotebookClient(
            nb,
            timeout=TIMEOUT,
            kernel_name="python3",
            record_timing=False,  # no timestamps in committed notebooks
            resources={"metadata": {"path": str(path.parent)}},
            config=transport,
        )
        try:
            client.execute(env=env)
        except Exception as err:  # a failing cell, a dead kernel or a timeout: name the notebook and the cell
            raise _failure(path, nb, err) from None
    return nb


def execute_in_place(paths: list[Path]) -> None:
    """Re-run committed notebooks against seeds/ and save them with a stamp of their code."""
    for i, path in enumerate(paths, 1):
        started = time.perf_counter()
        nb = execute(path)
        for cell in nb.cells:
            cell.metadata.pop("execution", None)  # timings left by a plain `nbconvert --execute`
        nb.metadata[STAMP] = {"source_sha256": source_sha256(nb)}
        nbformat.write(nb, path)
        print(f"notebooks: [{i}/{len(paths)}] {path.name} executed in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)


def _sha256_source(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


@cache
def page_assets() -> dict[str, str]:
    """What every page inlines: the Vega bundle, the embedding script, CSS and the CSP allowing them."""
    bundle = vl_convert.javascript_bundle(vl_version=VEGA_LITE_VERSION).replace("</script", "<\\/script")
    embed = (TEMPLATES / TEMPLATE / "embed.js").read_text(encoding="utf-8")
    csp = "; ".join([
        "default-src 'none'",
        # Exactly the page's inline scripts (SCRIPT_HASHES: filled in by export_page): the Vega bundle, the embedding
        # script and the interactive tables'. Vega compiles its expressions with Function(), hence unsafe-eval;
        # itables imports its DataTables bundle from a blob: URL it makes itself, hence blob: (a page's markup cannot
        # name a blob: URL it did not create, and corpus text is escaped).
        f"script-src {SCRIPT_HASHES} 'unsafe-eval' blob:",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "font-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    css = (TEMPLATES / TEMPLATE / "report.css").read_text(encoding="utf-8")
    return {"bundle": bundle, "embed": embed, "csp": csp, "css": css, "vega_mimetype": VEGA_MIME,
            "embed_options": charts.EMBED_OPTIONS}


def script_json(data: object) -> str:
    """JSON safe inside a <script> element: no <, > or & that could end or re-open it."""
    text = json.dumps(data, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _exporter() -> HTMLExporter:
    """An HTML exporter for the report template: outputs and prose only, charts first in priority."""
    default = HTMLExporter().default_config.NbConvertBase.display_data_priority
    config = Config({"NbConvertBase": {"display_data_priority": [VEGA_MIME, *default]}})
    exporter = HTMLExporter(
        config=config,
        template_name=TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_filter("script_json", script_json)
    return exporter


def title_of(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """The notebook's first Markdown heading (else the fallback) and the paragraph that follows it."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = cell.source.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("#"):
                    after = "\n".join(lines[i + 1:]).strip().split("\n\n")[0]
                    return line.lstrip("#").strip(), after
    return fallback, ""


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run in the page (JSON data blocks left out)."""
    return [m.group("code") for m in _SCRIPT.finditer(page) if _runs(m.group("attributes"))]


def _runs(attributes: str) -> bool:
    """Whether a script element with these attributes is code the browser runs (not a JSON data block)."""
    kind = _SCRIPT_TYPE.search(attributes)
    return (kind.group("type").lower() if kind else "text/javascript") in ("text/javascript", "module",
                                                                            "application/javascript")


def export_page(nb: nbformat.NotebookNode, title: str) -> str:
    """One executed notebook as a self-contained offline HTML page; its CSP allows exactly its inline scripts."""
    nb.metadata["title"] = title
    body, _ = _exporter().from_notebook_node(nb, resources={"report": page_assets()})
    hashes = " ".join(dict.fromkeys(_sha256_source(code) for code in inline_scripts(body)))
    return body.replace(SCRIPT_HASHES, hashes, 1)


PLAIN_CSS = """
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
li { margin: 0.8rem 0; }
li a { font-weight: 600; }
li p { margin: 0.2rem 0; color: #333; }
.failed { color: #a40000; }
pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; }
.tables { columns: 3; font-size: 0.95rem; }
.tables li { margin: 0.1rem 0; }
"""


def plain_page(title: str, body: str, *, css: str = PLAIN_CSS, script: str = "") -> str:
    """A standalone report page: escaped title, the given body HTML and CSS, and a CSP allowing only `script`."""
    scripts = f"script-src {_sha256_source(script)}; " if script else ""
    tag = f"<script>{script}</script>" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; {scripts}style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title>
<style>{css}</style>
</head>
<body>
{body}
{tag}
</body>
</html>
"""


def table_links(tables: Path | None, report: Path) -> str:
    """A list of links to the build's table files, relative to the report folder ("" without tables)."""
    files = sorted(p for p in tables.iterdir() if p.is_file()) if tables and tables.is_dir() else []
    if not files:
        return ""
    folder = Path(os.path.relpath(tables, report)).as_posix()
    items = "\n".join(f'<li><a href="{html.escape(folder)}/{html.escape(p.name)}">{html.escape(p.name)}</a></li>'
                      for p in files)
    return (f"<h2>The tables</h2>\n<p>Every table the pages draw on, as written by the build in "
            f"<code>{html.escape(folder)}/</code> (one row per finding, with its document and character offsets):</p>"
            f'\n<ul class="tables">\n{items}\n</ul>')


def index_page(pages: list[tuple[str, str, str]], corpus: Path, *, failed: dict[str, str] | None = None,
               tables: str = "") -> str:
    """The report's front page: the corpus it was computed from, a link to each page and what it shows, the pages
    that could not be computed, and links to the tables."""
    failed = failed or {}
    items = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a>'
        + (f'<p class="failed">Not computed: {html.escape(failed[href])}</p>' if href in failed else markdown2html(intro))
        + "</li>"
        for href, title, intro in pages
    )
    body = f"""<h1>Comparative news analysis: report</h1>
<p>Computed from the corpus folder <code>{html.escape(corpus.resolve().name)}</code>.
Each page is a notebook run against it: prose, tables and interactive charts, readable offline.</p>
<ol>
{items}
</ol>
{tables}"""
    return plain_page("Comparative news analysis: report", body)


def error_page(failure: NotebookFailed, title: str) -> str:
    """The page standing in for a notebook that failed: which notebook, which cell, its code and the error."""
    code = next((c.source for c in failure.nb.cells
                 if c.cell_type == "code" and failure.cell and c.execution_count == failure.cell), "")
    where = f"cell [{failure.cell}]" if failure.cell else "its start"
    body = f"""<nav><a href="index.html">&larr; All pages of the report</a></nav>
<h1>{html.escape(title)}</h1>
<p class="failed">This page could not be computed: the notebook <code>{html.escape(failure.path.name)}</code>
stopped at {where} with <b>{html.escape(failure.error)}</b>.</p>
{f"<p>The cell's code:</p><pre>{html.escape(code)}</pre>" if code else ""}
<p>The other pages were computed. Run the notebook in JupyterLab against the same corpus to see the whole
traceback.</p>"""
    return plain_page(f"{title}: not computed", body)


ARTICLE_CSS = PLAIN_CSS.replace("max-width: 48rem", "max-width: 90rem") + article.stylesheet()


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """The tables a build wrote (CSV or Parquet), by name."""
    tables = {p.stem: pd.read_csv(p, keep_default_na=False, na_values=[""]) for p in sorted(folder.glob("*.csv"))}
    tables.update({p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))})
    return tables


def write_articles(report: Path, corpus: Path, tables: Path | None,
                   names: list[str] | None = None) -> list[tuple[str, str]]:
    """One page per document of the corpus (with `names`, of those paths under it), every finding marked (from the
    build's tables, else computed here); returns (page, short name) for each."""
    loaded = load_corpus(corpus, names=names)
    if tables is not None and tables.is_dir():
        found = read_tables(tables)
    else:
        from analysis.pipeline import Build

        found = Build(loaded).tables()
    (report / "articles").mkdir(exist_ok=True)
    pages = []
    for doc in loaded.documents.itertuples():
        page = article.page_name(doc.doc_id)
        heading = doc.short_name if not isinstance(doc.title, str) else f"{doc.short_name}: {doc.title}"
        body = ('<nav><a href="../index.html">&larr; All pages of the report</a></nav>'
                + article.article_html(loaded.texts[doc.doc_id], doc.doc_id, found, heading))
        (report / page).write_text(plain_page(heading, body, css=ARTICLE_CSS), encoding="utf-8")
        pages.append((page, doc.short_name))
    return pages


def article_links(articles: list[tuple[str, str]]) -> str:
    """The index's list of article pages."""
    if not articles:
        return ""
    items = "\n".join(f'<li><a href="{html.escape(page)}">{html.escape(name)}</a></li>' for page, name in articles)
    return (f"<h2>Each article, every finding marked</h2>\n<p>Actors by type, figures, statements with their speaker "
            f"and cue, credit and blame cues, shared passages and dates, each layer switchable; a table row's link "
            f"leads to its place in the article.</p>\n<ul class=\"tables\">\n{items}\n</ul>")


class ReportIncomplete(RuntimeError):
    """Some notebooks failed; the report was written with an error page for each."""


def build_report(notebooks: list[Path], out_dir: Path, corpus: Path, *, tables: Path | None = None,
                 stored: Path | None = None, names: list[str] | None = None) -> Path:
    """Execute each notebook against the corpus (with `names`, those paths under the corpus folder alone: a build
    from a list of files), write one HTML page each (an error page for a notebook that fails) and an index linking
    the pages and the build's table files (`tables`); return the index, or raise ReportIncomplete after writing
    everything when a notebook failed. The notebooks read the build's Parquet tables from `stored` (default:
    `tables`) instead of computing them."""
    with tempfile.TemporaryDirectory(prefix="analysis-files-") as folder:
        listing = None
        if names is not None:
            listing = Path(folder) / "files.txt"
            listing.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
        return _report(notebooks, Path(out_dir), Path(corpus), tables, stored or tables, names, listing)


def _report(notebooks: list[Path], report: Path, corpus: Path, tables: Path | None, stored: Path | None,
            names: list[str] | None, listing: Path | None) -> Path:
    """build_report's work, the list of files (if any) written to `listing` for the kernels."""
    report.mkdir(parents=True, exist_ok=True)
    pages, failed = [], {}
    for i, path in enumerate(notebooks, 1):
        started = time.perf_counter()
        page = f"{path.stem}.html"
        print(f"report: [{i}/{len(notebooks)}] running {path.name} ...", file=sys.stderr, flush=True)
        try:
            nb = execute(path, corpus, report=True, tables=stored, listing=listing)
            title, intro = title_of(nb, path.stem)
            (report / page).write_text(export_page(nb, title), encoding="utf-8")
            outcome = "done"
        except NotebookFailed as failure:
            title, intro = title_of(failure.nb, path.stem)
            (report / page).write_text(error_page(failure, title), encoding="utf-8")
            failed[page] = str(failure)
            outcome = f"FAILED: {failure}"
        pages.append((page, title, intro))
        print(f"report: [{i}/{len(notebooks)}] {path.name} -> {page} in {time.perf_counter() - started:.1f} s: "
              f"{outcome}", file=sys.stderr, flush=True)
    articles = write_articles(report, corpus, stored, names)
    index = report / "index.html"
    index.write_text(index_page(pages, corpus, failed=failed,
                                tables=article_links(articles) + table_links(tables, report)), encoding="utf-8")
    if failed:
        raise ReportIncomplete("; ".join(failed.values()) + f" (the other pages and an error page are in {index})")
    return index


def main(argv: list[str] | None = None) -> None:
    """`python -m analysis.views.report execute [NOTEBOOK ...]`: re-run committed notebooks in place."""
    parser = argparse.ArgumentParser(prog="python -m analysis.views.report")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("execute", help="re-run notebooks in place against seeds/ and stamp them")
    run.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/*.ipynb")
    args = parser.parse_args(argv)
    execute_in_place(args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb")))


if __name__ == "__main__":
    main()
