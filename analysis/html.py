"""The one way corpus text becomes HTML: escaped, with highlighted spans wrapped in <mark>."""

from collections.abc import Iterable
from html import escape as _escape

# MathJax (which JupyterLab runs over HTML outputs) skips elements with this class, so a
# sentence quoting "$500 billion ... $2 trillion" is not typeset as a formula.
NO_MATH_CLASS = "tex2jax_ignore"

# (start, end) or (start, end, title): Python str offsets into the text, end exclusive.
Span = tuple[int, int] | tuple[int, int, str]


def escape(text: str) -> str:
    """Escape corpus text for HTML (&, <, >, both quotes), so markup in it shows as text."""
    return _escape(text, quote=True)


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
