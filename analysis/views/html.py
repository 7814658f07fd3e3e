"""The one way corpus text becomes HTML: escaped, with highlighted spans wrapped in <mark>."""

import re
from collections.abc import Iterable
from html import escape as _escape

# MathJax (which JupyterLab runs over HTML outputs) skips elements with these classes (v3 and v2
# names, as pandas writes them), so "$500 billion ... $2 trillion" is not typeset as a formula.
NO_MATH_CLASS = "tex2jax_ignore mathjax_ignore"

# Characters Markdown (or JupyterLab's TeX pass over it) would act on inside running text.
# "$" becomes the entity &#36; instead: JupyterLab looks for TeX before Markdown sees a backslash.
_MARKDOWN_ACTIVE = re.compile(r"[\\`*_\[\]|~]")

# (start, end) or (start, end, title): Python str offsets into the text, end exclusive.
Span = tuple[int, int] | tuple[int, int, str]


def escape(text: str) -> str:
    """Escape corpus text for HTML (&, <, >, both quotes), so markup in it shows as text."""
    return _escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Corpus text for a Markdown string: markup shows as text, * _ ` [ ] | ~ do not format, $ is not TeX."""
    escaped = escape(_MARKDOWN_ACTIVE.sub(r"\\\g<0>", text)).replace("$", "&#36;")
    return f'<span class="{NO_MATH_CLASS}">{escaped}</span>'


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
