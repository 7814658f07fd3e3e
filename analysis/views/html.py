"""The one way corpus text becomes HTML: escaped, with highlighted spans wrapped in <mark>."""

from collections.abc import Iterable
from html import escape as _escape

# MathJax (which JupyterLab runs over HTML outputs) skips elements with these classes (v3 and v2
# names, as pandas writes them), so "$500 billion ... $2 trillion" is not typeset as a formula.
NO_MATH_CLASS = "tex2jax_ignore mathjax_ignore"

# Every character Markdown, HTML or JupyterLab's TeX pass would act on inside running text, and what it becomes:
# Markdown punctuation backslash-escaped; HTML's five escaped; "$" as an entity (JupyterLab looks for TeX before
# Markdown sees a backslash); ":", "." and "@" as entities so no bare link forms (http://, www., an e-mail
# address); line breaks as spaces, so a value cannot start a heading, list, quote or code block.
_MARKDOWN_SAFE = str.maketrans({
    **{c: "\\" + c for c in "\\`*_[]|~"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
    "$": "&#36;", ":": "&#58;", ".": "&#46;", "@": "&#64;",
    **dict.fromkeys("\r\n\v\f\x85\u2028\u2029", " "),
})

# (start, end) or (start, end, title): Python str offsets into the text, end exclusive.
Span = tuple[int, int] | tuple[int, int, str]


def escape(text: object) -> str:
    """Any shown value (corpus text, a file name, metadata) for HTML: &, <, >, both quotes escaped, so markup in it
    shows as text."""
    return _escape(str(text), quote=True)


def escape_markdown(text: object) -> str:
    """Any shown value (corpus text, a file name, a byline, a manifest value) for a Markdown string, on one line:
    markup shows as text, * _ ` [ ] | ~ do not format, $ is not TeX, no link forms."""
    return f'<span class="{NO_MATH_CLASS}">{str(text).translate(_MARKDOWN_SAFE)}</span>'


def highlight(text: str, spans: Iterable[Span]) -> str:
    """Escape text and wrap each (start, end[, title]) span in <mark>; overlapping spans merge."""
    ordered = sorted((int(s[0]), int(s[1]), str(s[2]) if len(s) > 2 else "") for s in spans)
    merged: list[list] = []
    for start, end, title in ordered:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span ({start}, {end}) is outside the text (length {len(text)})")
        if start == end:
            continue
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if title and title not in last[2].split("; "):
                last[2] = f"{last[2]}; {title}" if last[2] else title
        else:
            merged.append([start, end, title])
    pieces, pos = [], 0
    for start, end, title in merged:
        pieces.append(escape(text[pos:start]))
        attr = f' title="{escape(title)}"' if title else ""
        pieces.append(f"<mark{attr}>{escape(text[start:end])}</mark>")
        pos = end
    pieces.append(escape(text[pos:]))
    return f'<span class="{NO_MATH_CLASS}">{"".join(pieces)}</span>'


def note(message: str) -> str:
    """A short paragraph in italics (what a listing leaves out, say), escaped; "" for no message."""
    return f"<p><i>{escape(message)}</i></p>" if message else ""
