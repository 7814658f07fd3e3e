"""In a real browser (Debian's Chromium driven by Playwright), offline: JupyterLab and the report
draw every chart, show no error, send no request off the machine, and corpus markup stays text.

Screenshots of every notebook and report page go to test-output/ (gitignored): look at them.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from analysis.views.report import VEGA_MIME
from notebook_factory import HOSTILE_NAME

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's Chromium is not installed at /usr/bin/chromium (apt-get install chromium; .ci/run does it)",
)
sync_api = pytest.importorskip("playwright.sync_api")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))
SCREENSHOTS = PROJECT_ROOT / "test-output"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
WAIT_MS = 90_000  # generous: two cores, a kernel start and a full notebook run
LOCAL_SCHEMES = {"data", "blob", "about"}

LAB_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on screen
LAB_CHART = f"{LAB_PANEL} .jp-OutputArea-output.jp-RenderedVegaLite"  # JupyterLab's own Vega-Lite 5 renderer
REPORT_CHART = "div.vega-chart"
# A drawn chart: Vega's SVG (or canvas) root with at least one mark element inside.
DRAWN = "svg.marks .role-mark > *, canvas.marks"
BROKEN = re.compile(r"Error loading script|Javascript Error|could not be drawn|Traceback")

# JupyterLab settings for the test server: every cell in the DOM (no windowing, so every chart is
# rendered and the screenshot shows the whole notebook), no news or update pop-ups.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}

# JavaScript run in JupyterLab (started with expose_app_in_browser) on the open notebook.
JS_NOTEBOOK = "window.jupyterapp.shell.currentWidget"
JS_KERNEL_IDLE = f"() => {JS_NOTEBOOK}?.sessionContext?.session?.kernel?.status === 'idle'"
JS_CELLS = f"""() => {JS_NOTEBOOK}.content.widgets.filter(c => c.model.type === 'code').map(c => ({{
    count: c.model.executionCount,
    errors: c.model.outputs.toJSON().filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
}}))"""
JS_ALL_RAN = f"""() => {JS_NOTEBOOK}.content.widgets.every(c => c.model.type !== 'code' || !c.model.sharedModel.source.trim()
    || c.model.executionCount !== null) && {JS_KERNEL_IDLE[6:]}"""
JS_RUN_ALL = """async () => {
    await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');
    await window.jupyterapp.commands.execute('notebook:run-all-cells');
}"""
JS_PANEL_HEIGHT = f"() => document.querySelector('{LAB_PANEL} .jp-WindowedPanel-outer').scrollHeight"


class Offline:
    """Lets through requests for local addresses only; blocks and counts every other one."""

    def __init__(self, is_local: Callable[[str], bool]):
        self.is_local = is_local
        self.outside: list[str] = []
        self.requested: list[str] = []

    def route(self, route) -> None:
        """Playwright route handler for every request of the context."""
        url = route.request.url
        self.requested.append(url)
        if self.is_local(url):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def websocket(self, ws) -> None:
        """Count websockets that would leave the machine (routes do not see them)."""
        if not self.is_local(ws.url):
            self.outside.append(ws.url)

    def watch(self, context) -> None:
        """Apply to every page of a browser context."""
        context.route("**/*", self.route)
        context.on("page", lambda page: page.on("websocket", self.websocket))


class Console:
    """Collects console errors, uncaught exceptions and dialogs (alert, confirm: dismissed) of a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda err: self.errors.append(str(err)))
        page.on("dialog", self.dialog)

    def dialog(self, dialog) -> None:
        """Record and dismiss a dialog (one left open would block the page)."""
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


# Elements and attributes only unescaped corpus markup could have put inside the given root elements: event
# handlers, an attribute that loads or navigates (href, src, action, ...) naming evil.example or javascript:, forms
# (other than Vega's own for its selection widgets), frames, a refresh, a <style> from the corpus. (Text attributes
# such as a chart mark's aria-label may hold the corpus text: they are set as text, never parsed.)
JS_INJECTED = r"""roots => [...document.querySelectorAll(roots)].flatMap(root => [root, ...root.querySelectorAll('*')])
  .flatMap(e => {
    const urls = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'data', 'poster'];
    // a javascript: or evil.example URL (a relative link whose file name holds the hostile text stays local)
    const outside = v => /^\s*javascript:/i.test(v) || /^\s*[a-z][a-z0-9+.-]*:\/*[^\/?#]*evil\.example/i.test(v);
    const found = [...e.attributes].flatMap(a => [
      ...(a.name.startsWith('on') ? [`<${e.tagName} ${a.name}>`] : []),
      ...((urls.includes(a.name) ? outside(a.value)
           : ['content', 'style'].includes(a.name) && /evil\.example|javascript:|__pwned/i.test(a.value))
        ? [`<${e.tagName} ${a.name}="${a.value.slice(0, 60)}">`] : [])]);
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE'].includes(e.tagName)
        || (e.tagName === 'FORM' && !e.classList.contains('vega-bindings'))) found.push(`<${e.tagName}>`);
    if (e.tagName === 'META' && /refresh/i.test(e.getAttribute('http-equiv') || '')) found.push('<meta refresh>');
    if (e.tagName === 'STYLE' && e.textContent.includes('hostile')) found.push('<style> from the corpus');
    return found;
  })"""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Headless Chromium from Debian, launched by Playwright (no browser download)."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def jupyter_lab(notebooks: list[Path], corpus: Path, tmp: Path) -> Iterator[str]:
    """JupyterLab on copies of the notebooks, on a free 127.0.0.1 port with a token; yields its URL."""
    root = tmp / "notebooks"
    root.mkdir(parents=True)
    for path in notebooks:  # copies: Run All and autosave must never touch the committed files
        shutil.copy(path, root / path.name)
    for name, values in LAB_SETTINGS.items():
        (tmp / "settings" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "settings" / name).write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={token}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.expose_app_in_browser=True", f"--LabApp.user_settings_dir={tmp / 'settings'}",
        f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
    ]
    env = {**os.environ, "ANALYSIS_CORPUS": str(corpus), "JUPYTER_CONFIG_DIR": str(tmp / "config"),
           "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    log = tmp / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.3)
        yield f"{base}/lab/tree/{{}}?reset&token={token}"  # reset: only this notebook open
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _local_to(port_url: str) -> Callable[[str], bool]:
    """True for URLs on the JupyterLab server itself (and data:/blob: URLs)."""
    netloc = urlsplit(port_url).netloc
    return lambda url: urlsplit(url).scheme in LOCAL_SCHEMES or urlsplit(url).netloc == netloc


def _chart_count(path: Path) -> int:
    """How many Vega-Lite outputs the committed notebook holds."""
    nb = nbformat.read(path, as_version=4)
    return sum(VEGA_MIME in out.get("data", {}) for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)


def _chart_problems(page, selector: str, expected: int) -> list[str]:
    """What is wrong with the page's charts: fewer outputs than saved, or an output with nothing drawn."""
    try:
        page.wait_for_function(
            "([sel, drawn, n]) => [...document.querySelectorAll(sel)].filter(c => c.querySelector(drawn)).length >= n",
            arg=[selector, DRAWN, expected], timeout=WAIT_MS,
        )
    except sync_api.TimeoutError:
        pass  # reported below, chart by chart
    charts = page.locator(selector)
    problems = [f"{charts.count()} chart outputs, expected {expected}"] if charts.count() != expected else []
    for i in range(charts.count()):
        marks = charts.nth(i).locator("svg.marks, canvas.marks")
        box = marks.first.bounding_box() if marks.count() else None
        if not (box and box["width"] > 50 and box["height"] > 20 and charts.nth(i).locator(DRAWN).count()):
            problems.append(f"chart {i + 1} is not drawn")
    return problems


def _output_problems(page, outputs: str = f"{LAB_PANEL} .jp-OutputArea-output") -> list[str]:
    """Outputs that read like a failure (script not loaded, JavaScript error, traceback, chart error),
    or corpus text typeset as TeX ("$500 billion ... $2,000" shown as a formula)."""
    texts = page.locator(outputs).all_inner_texts()
    problems = [f"output shows an error: {t[:300]!r}" for t in texts if BROKEN.search(t)]
    typeset = page.locator(f"{outputs} >> mjx-container").count()
    if typeset:
        problems.append(f"{typeset} output(s) typeset as TeX: escape corpus text with analysis.views.html")
    return problems


def _screenshot_notebook(page, path: Path) -> None:
    """A screenshot of the whole notebook: grow the window to the notebook's height first."""
    height = page.evaluate(JS_PANEL_HEIGHT)
    page.set_viewport_size({"width": 1280, "height": min(height + 200, 16000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))


def _open_notebook(context, url: str):
    """Open a notebook in JupyterLab and wait for its kernel to be ready."""
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(url)
    page.wait_for_selector(f"{LAB_PANEL} .jp-Cell", timeout=WAIT_MS)
    page.wait_for_function(JS_KERNEL_IDLE, timeout=WAIT_MS)
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")  # the notebook gets the width
    return page


def _run_all(page) -> list[dict]:
    """Clear the outputs, Run All, wait for the kernel to finish; return each code cell's count and errors."""
    page.evaluate(JS_RUN_ALL)
    page.wait_for_function(JS_ALL_RAN, timeout=WAIT_MS)
    return page.evaluate(JS_CELLS)


def _notebook_in_lab(context, url: str, path: Path) -> dict:
    """Open a notebook from its saved outputs, screenshot it, Run All against the hostile corpus; what went wrong,
    what worked, and what the corpus markup did."""
    page = _open_notebook(context, url.format(path.name))
    console = Console(page)
    expected = _chart_count(path)
    problems = [f"saved: {p}" for p in _chart_problems(page, LAB_CHART, expected) + _output_problems(page)]
    _screenshot_notebook(page, SCREENSHOTS / f"lab-{path.stem}.png")
    page.set_viewport_size({"width": 1280, "height": 1000})
    cells = _run_all(page)
    if [c["count"] for c in cells] != list(range(1, len(cells) + 1)):
        problems.append(f"Run All: execution counts {[c['count'] for c in cells]}")
    problems += [f"Run All: {error}" for c in cells for error in c["errors"]]
    problems += [f"after Run All: {p}" for p in _chart_problems(page, LAB_CHART, expected) + _output_problems(page)]
    interaction = _interact(page)
    page.wait_for_timeout(1500)  # an unescaped <img src=x onerror> or a refresh would have fired by now
    found = {"interaction": interaction, "pwned": page.evaluate("() => window.__pwned ?? null"),
             "dialogs": console.dialogs, "moved": "/lab/tree/" not in page.url,
             "injected": page.evaluate(JS_INJECTED, f"{LAB_PANEL} .jp-OutputArea-output"),
             "text": page.locator(f"{LAB_PANEL} .jp-OutputArea-output").all_inner_texts()}
    page.close()
    return {"problems": problems + [f"console: {error}" for error in console.errors], **found}


@pytest.fixture(scope="module")
def lab_results(browser, hostile_build) -> dict:
    """Every notebook opened from its saved outputs, then Run All, in JupyterLab against the seeds with hostile
    files among them: outputs made in the session are trusted, so JupyterLab does not sanitise their HTML; only
    escaping keeps the markup inert."""
    SCREENSHOTS.mkdir(exist_ok=True)
    results = {}
    with jupyter_lab(NOTEBOOKS, hostile_build["corpus"], hostile_build["root"] / "lab") as url:
        offline = Offline(_local_to(url))
        context = browser.new_context()
        offline.watch(context)
        for path in NOTEBOOKS:
            try:
                results[path.name] = _notebook_in_lab(context, url, path)
            except sync_api.Error as err:  # a timeout: the kernel never went idle, a cell never ran
                results[path.name] = {"problems": [f"browser: {err.message[:500]}"], "interaction": {}, "pwned": None,
                                      "dialogs": [], "moved": False, "injected": [], "text": []}
        context.close()
    return {"notebooks": results, "outside": offline.outside, "requested": offline.requested}


def _interact(page, selector: str = LAB_CHART) -> dict:
    """Hover marks until a tooltip shows; click legend entries until the marks change (a selection)."""
    found = {"tooltip": False, "selection": False}
    opacities = "els => els.map(e => e.getAttribute('opacity') + e.getAttribute('fill-opacity'))"
    charts = page.locator(selector)
    for i in range(charts.count()):
        chart = charts.nth(i)
        mark = chart.locator("svg.marks .role-mark path, svg.marks .role-mark rect").first
        if not found["tooltip"] and mark.count():
            mark.hover(force=True)
            found["tooltip"] = page.locator("#vg-tooltip-element.visible").count() > 0
        legend = chart.locator("svg.marks .role-legend-symbol path")  # symbol legends: gradients select nothing
        if not found["selection"] and legend.count():
            marks = chart.locator("svg.marks .role-mark path")
            before = marks.evaluate_all(opacities)
            legend.first.click(force=True)
            page.wait_for_timeout(300)
            found["selection"] = marks.evaluate_all(opacities) != before
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_in_jupyterlab_draws_every_chart_and_runs_all_without_error(lab_results, path):
    assert lab_results["notebooks"][path.name]["problems"] == []


def test_charts_have_tooltips_and_selections_after_run_all(lab_results):
    interactions = [lab_results["notebooks"][p.name]["interaction"] for p in NOTEBOOKS]
    assert any(i.get("tooltip") for i in interactions), interactions
    assert any(i.get("selection") for i in interactions), interactions


def test_jupyterlab_sent_no_request_off_the_machine(lab_results):
    assert lab_results["outside"] == []


def _is_file_or_inline(url: str) -> bool:
    return urlsplit(url).scheme in LOCAL_SCHEMES | {"file"}


def _open_report(browser, report: Path, shots: str) -> dict:
    """Open the index and every page of a report from disk; collect what each page did."""
    offline = Offline(_is_file_or_inline)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    offline.watch(context)
    pages = {}
    for html in sorted(report.parent.glob("*.html")):
        page = context.new_page()
        console = Console(page)
        page.goto(html.as_uri())
        charts = page.locator(REPORT_CHART).count()
        problems = _chart_problems(page, REPORT_CHART, charts) + _output_problems(page, ".jp-OutputArea-output")
        if shots:
            page.screenshot(path=str(SCREENSHOTS / f"{shots}-{html.stem}.png"), full_page=True)
        pages[html.name] = {"charts": charts, "problems": problems, "text": page.inner_text("body"),
                            "pwned": page.evaluate("() => window.__pwned ?? null"),
                            "interaction": _interact(page, REPORT_CHART)}
        page.wait_for_timeout(1500)  # a <meta http-equiv=refresh content="1;..."> would have fired by now
        pages[html.name] |= {"dialogs": console.dialogs, "injected": page.evaluate(JS_INJECTED, "body"),
                             "moved": page.url != html.as_uri()}
        problems += [f"console: {e}" for e in console.errors]
        page.close()
    context.close()
    return {"pages": pages, "outside": offline.outside, "requested": offline.requested}


@pytest.fixture(scope="module")
def report_results(browser, hostile_build) -> dict:
    """The report of the committed notebooks against the seeds with hostile files among them, built by the command
    line, opened from disk."""
    run = hostile_build["run"]
    assert run.returncode == 0, run.stderr[-2000:]
    report = hostile_build["report"] / "index.html"
    return {**_open_report(browser, report, "report"), "index": report}


@pytest.mark.parametrize("name", ["index.html", *(f"{p.stem}.html" for p in NOTEBOOKS)])
def test_report_page_draws_every_chart_without_console_errors(report_results, name):
    page = report_results["pages"][name]
    assert page["problems"] == []
    if name != "index.html":
        assert page["charts"] == _chart_count(PROJECT_ROOT / "notebooks" / name.replace(".html", ".ipynb"))


def test_report_charts_have_tooltips_and_selections(report_results):
    interactions = [page["interaction"] for page in report_results["pages"].values()]
    assert any(i["tooltip"] for i in interactions), interactions
    assert any(i["selection"] for i in interactions), interactions


def test_report_sent_no_request_off_the_machine(report_results):
    assert report_results["outside"] == []


def test_hostile_markup_in_the_report_shows_as_text_and_runs_nothing(report_results):
    pages = report_results["pages"]
    assert {name: page["pwned"] for name, page in pages.items()} == dict.fromkeys(pages)
    assert [url for url in report_results["requested"] if url.endswith("/x")] == []  # <img src=x> never loaded
    assert '<script>window.__pwned = "script"</script>' in "\n".join(page["text"] for page in pages.values())
    assert {name: page["problems"] for name, page in pages.items() if page["problems"]} == {}
    assert {name: page["dialogs"] for name, page in pages.items() if page["dialogs"]} == {}
    assert {name: page["injected"] for name, page in pages.items() if page["injected"]} == {}
    assert [name for name, page in pages.items() if page["moved"]] == []  # no refresh took a page elsewhere
    assert "Jane <img src=x onerror=" in "\n".join(page["text"] for page in pages.values())  # the byline, as text
    assert report_results["outside"] == []


def test_hostile_markup_in_jupyterlab_shows_as_text_and_runs_nothing(lab_results):
    lab = lab_results["notebooks"]
    assert {name: r["pwned"] for name, r in lab.items()} == dict.fromkeys(lab)
    assert [url for url in lab_results["requested"] if url.endswith("/x")] == []
    assert any('<script>window.__pwned = "script"</script>' in t for r in lab.values() for t in r["text"])
    # "$500 billion and $2,000 a fighter" shown as text, not typeset by MathJax as a formula
    assert {name: r["problems"] for name, r in lab.items() if r["problems"]} == {}
    assert {name: r["dialogs"] for name, r in lab.items() if r["dialogs"]} == {}
    assert {name: r["injected"] for name, r in lab.items() if r["injected"]} == {}
    assert [name for name, r in lab.items() if r["moved"]] == []
    assert any(HOSTILE_NAME in t for r in lab.values() for t in r["text"])  # the file name, as text
    assert lab_results["outside"] == []


# ---- the analyst's views: article pages, interactive tables, the catalogue override, a "last week" article

JS_BACKGROUND = "sel => getComputedStyle(document.querySelector(sel)).backgroundColor"
NO_COLOUR = "rgba(0, 0, 0, 0)"


def _page(browser, url: str):
    """A page opened from disk, offline, with its console errors collected."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    offline = Offline(_is_file_or_inline)
    offline.watch(context)
    page = context.new_page()
    console = Console(page)
    page.goto(url)
    return page, console, offline


def test_article_page_marks_every_layer_and_toggles_each(browser, report_results):
    article = report_results["index"].parent / "articles" / "000_d251aeb472392b04.html"
    page, console, offline = _page(browser, article.as_uri())
    layers = page.locator(".legend input[type=checkbox]")
    assert layers.count() == 6 and all(layers.nth(i).is_checked() for i in range(6))
    person = ".text span.actor.type-person"
    assert page.evaluate(JS_BACKGROUND, person) != NO_COLOUR
    page.screenshot(path=str(SCREENSHOTS / "article-all-layers.png"))
    page.locator("input.show-actors").uncheck()
    page.locator("input.show-statements").uncheck()
    assert page.evaluate(JS_BACKGROUND, person) == NO_COLOUR
    assert page.evaluate("() => getComputedStyle(document.querySelector('.text span.speaker')).fontWeight") == "400"
    assert page.locator(".findings .side-actors").is_hidden()
    page.locator(".side-figures summary").click()
    link = page.locator(".side-figures a").nth(3)
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("() => location.hash") == target
    marked = page.locator(f"{target} + span")  # the anchor is empty: the finding right after it is on screen
    assert page.locator(target).count() == 1 and marked.is_visible()
    box = marked.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    page.screenshot(path=str(SCREENSHOTS / "article-figures-only.png"))
    assert console.errors == [] and offline.outside == []
    page.context.close()


def test_a_table_is_searched_sorted_and_its_rows_link_to_their_place(browser, report_results):
    page, console, offline = _page(browser, (report_results["index"].parent / "02-actors.html").as_uri())
    page.wait_for_selector("table.dataTable", timeout=WAIT_MS)
    table = page.locator(".dt-container").filter(has=page.locator("input.dt-input[type=search]")).first
    rows = table.locator("tbody tr")
    info = table.locator(".dt-info")
    before = info.inner_text()
    table.locator("input.dt-input[type=search]").fill("Syria")
    page.wait_for_timeout(300)
    texts = rows.all_inner_texts()
    assert texts and all("syria" in t.lower() for t in texts)
    assert "filtered from" in info.inner_text() and info.inner_text() != before
    table.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "table-search-syria.png"))
    link = page.locator("table.dataTable tbody a[href^='articles/']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(href) and "#c-" in href
    assert page.locator(href[href.index("#"):]).count() == 1
    assert console.errors == [] and offline.outside == []
    page.context.close()


@pytest.fixture(scope="module")
def analyst_report(browser, analyst_build) -> dict:
    """The report of a corpus holding a wire story dated "in the past week", with the analyst's own actors.yaml
    naming its colonel, opened from disk."""
    index = analyst_build["report"] / "index.html"
    return {"run": analyst_build["run"], "index": index,
            **(_open_report(browser, index, "analyst") if index.exists() else {})}


def test_an_article_dated_last_week_builds_every_page(analyst_report):
    run = analyst_report["run"]
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "without encryption" not in run.stderr
    assert "catalogue: the package's, with" in run.stderr
    pages = analyst_report["pages"]
    assert {name: page["problems"] for name, page in pages.items() if page["problems"]} == {}
    figures = (analyst_report["index"].parent / "03-figures.html").read_text(encoding="utf-8")
    assert "past week" in figures and "2017-W40" in figures  # on the timeline, at its ISO week


def test_the_analysts_catalogue_names_the_colonel_in_the_report(browser, analyst_report):
    article = analyst_report["index"].parent / "articles" / "901_wire.html"
    page, console, offline = _page(browser, article.as_uri())
    marked = page.locator(".text span.actor.type-person")
    titles = {marked.nth(i).get_attribute("title") for i in range(marked.count())}
    assert any(title.startswith("Mark Hensley (person)") for title in titles)
    assert {t for t in page.locator(".text span.actor").all_inner_texts() if "Hensley" in t} == {"Mark Hensley", "Hensley"}
    page.screenshot(path=str(SCREENSHOTS / "analyst-article-901.png"))
    assert console.errors == [] and offline.outside == []
    page.context.close()
