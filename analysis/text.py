"""Text utilities the stages share: transforms that keep character offsets (every index into the result indexes the
original text), and an index of the character spans that hold a span."""

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

# The characters whose lower case is not the letter Python's re.IGNORECASE matches them with, mapped to that
# letter: upper-casing then lower-casing each gives another character (Unicode's case mappings: dotless ı and long
# ſ match "i" and "s"; µ, ς and the Greek symbol forms match their letters; the Cyrillic small forms U+1C80-U+1C88
# match theirs), and "İ", whose lower case is two characters, matches "i". Computed over every code point by
# fold_char; tests/test_unicode.py checks that the table is complete.
FOLDED = {  # İ ı ſ µ ͅ ς ϐ ϑ ϕ ϖ ϰ ϱ ϵ ᲀ-ᲈ ẛ ι
    "\u00b5": "\u03bc", "\u0130": "\u0069", "\u0131": "\u0069", "\u017f": "\u0073", "\u0345": "\u03b9", "\u03c2":
    "\u03c3", "\u03d0": "\u03b2", "\u03d1": "\u03b8", "\u03d5": "\u03c6", "\u03d6": "\u03c0", "\u03f0": "\u03ba",
    "\u03f1": "\u03c1", "\u03f5": "\u03b5", "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83":
    "\u0441", "\u1c84": "\u0442", "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463", "\u1c88": "\ua64b",
    "\u1e9b": "\u1e61", "\u1fbe": "\u03b9",
}
_FOLD_TABLE = str.maketrans(FOLDED)
_ASCII = bytes(range(128))


def fold_char(char: str) -> str:
    """One character case-folded as re.IGNORECASE compares it, always one character: its upper case lowered
    ("ı" -> "I" -> "i"), else its lower case, else itself."""
    upper = char.upper()
    if len(upper) == 1 and len(upper.lower()) == 1:
        return upper.lower()
    lower = char.lower()
    return lower if len(lower) == 1 else FOLDED.get(char, char)


def lowered(text: str) -> str:
    """text case-folded without changing its length, so offsets into it index the original, and folded the way
    re.IGNORECASE compares letters: a word a case-insensitive pattern matched ("bıllion", "ſaid", "KILOMETRES")
    is, lowered, the lower-case word the pattern lists ("billion", "said", "kilometres")."""
    return lowered_utf8(text)[0]


def lowered_utf8(text: str) -> tuple[str, bytes]:
    """lowered(text) and its UTF-8 bytes (surrogates passed), which lowering most texts makes on the way."""
    if text.isascii():
        low = text.lower()
        return low, low.encode("ascii")
    raw = text.encode("utf-8", "surrogatepass")
    others = raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # the characters outside ASCII
    unfolded = FOLDED.keys().isdisjoint(others)
    if unfolded and others.lower() == others:
        raw = raw.lower()  # only ASCII letters change: lowered as bytes, 3x faster
        return raw.decode("utf-8", "surrogatepass"), raw
    low = (text if unfolded else text.translate(_FOLD_TABLE)).lower()
    return low, low.encode("utf-8", "surrogatepass")


@dataclass
class Intervals:
    """Rows (start, end, ...) in sorted order, with the furthest end reached up to each row, so the rows holding a
    span are found by bisection and a scan back that stops where no earlier row reaches (linear in a long document,
    where a scan of every row for each lookup was quadratic)."""

    rows: list[tuple]
    reach: list[int]

    @classmethod
    def of(cls, rows: Iterable[tuple]) -> "Intervals":
        """The index of the given rows."""
        ordered = sorted(rows)
        return cls(ordered, list(accumulate((r[1] for r in ordered), max)))

    def holding(self, start: int, end: int) -> list[tuple]:
        """The rows with row[0] <= start and end <= row[1], in sorted order."""
        found = []
        for j in range(bisect_right(self.rows, (start, math.inf)) - 1, -1, -1):
            if self.reach[j] < end:
                break
            if self.rows[j][1] >= end:
                found.append(self.rows[j])
        return found[::-1]

