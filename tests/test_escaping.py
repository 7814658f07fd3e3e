"""Every notebook run against a corpus whose file names, headlines, bylines, manifest values and text are markup:
the report's pages hold that markup as text only. (tests/test_browser.py opens the same corpus in JupyterLab and
the report in Chromium and checks that nothing runs, redirects or loads.)"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from notebook_factory import HOSTILE_NAME

MARKERS = ("evil.example", "javascript:", "__pwned", "alert(")


def _reaches_out(name: str, value: str) -> bool:
    """Whether an attribute runs script or loads from outside: a javascript: or evil.example URL in a link or source
    (a relative link whose file name holds the hostile text stays local), a marker in any other attribute."""
    if name in ("href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster"):
        url = urlsplit(value.strip())
        return url.scheme.lower() == "javascript" or "evil.example" in url.netloc.lower()
    return any(marker in value.lower() for marker in MARKERS)


class Injected(HTMLParser):
    """Collects every element or attribute a hostile value could have injected into a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>: an event handler")
            if value and _reaches_out(name, value):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
        if tag in ("form", "iframe", "object", "embed", "base") or (
                tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh"):
            self.found.append(f"<{tag}>: an element no page of the report has")
        data = tag == "script" and "json" in (dict(attrs).get("type") or "")  # chart data: JSON, never run
        self._inside = tag if tag in ("script", "style") and not data else None

    def handle_data(self, data):
        if self._inside == "style" and "hostile" in data:
            self.found.append("a <style> from the corpus")
        if self._inside == "script" and data.strip().startswith(("window.__pwned", "alert(")):
            self.found.append("a <script> from the corpus")  # a page's own scripts may carry corpus text as data

    def handle_endtag(self, tag):
        self._inside = None


def injected(page: str) -> list[str]:
    """What a page holds that only unescaped corpus markup could have put there."""
    parser = Injected()
    parser.feed(page)
    return parser.found


@pytest.fixture(scope="module")
def hostile_pages(hostile_build) -> dict[str, str]:
    """Every page of the report of every notebook against the hostile corpus (built by the command line)."""
    run = hostile_build["run"]
    assert run.returncode == 0, f"the build failed on the hostile corpus: {run.stderr[-2000:]}"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(hostile_build["report"].rglob("*.html"))}


def test_the_scanner_finds_what_unescaped_markup_would_inject():
    assert len(injected('<p>By <img src=x onerror="window.__pwned=1"> <a href="javascript:x">y</a></p>'
                        '<meta http-equiv="refresh" content="1;url=http:evil.example"><style>/* hostile */</style>')) == 6
    assert injected("<p>By &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</p>") == []


def test_every_report_page_holds_the_hostile_markup_as_text_only(hostile_pages):
    assert len(hostile_pages) >= 5  # the index and one page per notebook
    assert {name: found for name, page in hostile_pages.items() if (found := injected(page))} == {}


def test_the_hostile_file_name_and_byline_are_shown(hostile_pages):
    text = "\n".join(hostile_pages.values())
    assert "&lt;meta http-equiv=refresh" in text  # the file name, as text
    assert "Jane &lt;img src=x onerror=" in text  # the byline's author, as text
    assert "&lt;script&gt;window.__pwned=&#x27;genre&#x27;&lt;/script&gt;" in text or \
        "&lt;script&gt;window.__pwned='genre'&lt;/script&gt;" in text  # the manifest's genre, as text
    assert HOSTILE_NAME not in text  # never raw
