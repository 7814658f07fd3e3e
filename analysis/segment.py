"""Split a decoded article into labelled paragraphs and sentences, keeping exact character offsets.

Every character of a text ends up in exactly one span: a sentence (labelled body, headline,
byline, ... ) or the whitespace between sentences (label ``space``), so the text can be rebuilt.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from analysis.dateparse import is_dateline

BODY = "body"

_BLANK_LINE = re.compile(r"[ \t\u00a0\r]*\n(?:[ \t\u00a0\r]*\n)+")
_LINE_BREAK = re.compile(r"\r?\n")
_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’'\)\]]*(?=\s|$)")
_SOURCE_TAG = re.compile(r"\((?:source|via)\s*:[^)\n]*\)", re.IGNORECASE)
_WORD = re.compile(r"\w[\w'’-]*")
_TERMINAL = re.compile(r"[.!?…:;][\"”’'\)\]]*$")
_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z]\.|[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|van|von)$")
_SENTENCE_STARTERS = frozenset(
    "The He She It This That These Those They We I In On At But And As A An Its His Her Their "
    "There Some Many When While After Before However Meanwhile".split()
)


@dataclass(frozen=True)
class Span:
    """A labelled, half-open character range [start, end) of a text."""

    start: int
    end: int
    label: str


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Single-word abbreviations and dotted multi-part ones (without the final stop)."""
    lines = resources.files("analysis").joinpath("data/abbreviations.txt").read_text("utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    return frozenset(w for w in words if "." not in w), frozenset(w for w in words if "." in w)


@cache
def _boilerplate() -> dict:
    """Compiled boilerplate patterns from data/boilerplate.yaml."""
    raw = yaml.safe_load(resources.files("analysis").joinpath("data/boilerplate.yaml").read_text("utf-8"))

    def compile_all(table: dict[str, list[str]]) -> list[tuple[str, re.Pattern]]:
        return [(label, re.compile(p, re.IGNORECASE)) for label, pats in table.items() for p in pats]

    return {
        "paragraph": compile_all(raw["paragraph_labels"]),
        "sentence": compile_all(raw["sentence_labels"]),
        "tagline": [re.compile(p, re.IGNORECASE) for p in raw["tagline"]],
    }


def split_paragraphs(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Paragraph ranges (stripped of surrounding whitespace) and whether single line breaks had to be used."""
    ranges = _stripped_pieces(text, _BLANK_LINE)
    fallback = len(ranges) == 1 and bool(_LINE_BREAK.search(text[ranges[0][0] : ranges[0][1]]))
    if fallback:
        ranges = _stripped_pieces(text, _LINE_BREAK)
    return ranges, fallback


def _stripped_pieces(text: str, separator: re.Pattern) -> list[tuple[int, int]]:
    """Ranges between separator matches, each trimmed of leading and trailing whitespace, empty ones dropped."""
    pieces, pos = [], 0
    for m in separator.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    return [r for r in (_strip(text, s, e) for s, e in pieces) if r[0] < r[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges inside one paragraph [start, end) of text."""
    cuts = [start]
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, m, end):
            cuts.append(m.end())
    for m in _SOURCE_TAG.finditer(text, start, end):
        cuts += [m.start(), m.end()]
    cuts = sorted(set(cuts + [end]))
    spans = (_strip(text, a, b) for a, b in zip(cuts, cuts[1:]))
    return [s for s in spans if s[0] < s[1]]


def _is_boundary(text: str, m: re.Match, end: int) -> bool:
    """Whether the punctuation run m ends a sentence."""
    nxt = m.end()
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    following = text[nxt]
    if following.islower() or following in ",;:":
        return False
    if m.group(0)[0] != "." or m.group(0).startswith("..."):
        return True
    word_start = text.rfind(" ", 0, m.start()) + 1
    word = text[max(word_start, text.rfind("\n", 0, m.start()) + 1) : m.start()].lstrip("\"“‘'([")
    singles, dotted = _abbreviations()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "M. Waqas Abdullah"
    if word in singles:
        return not (following.isupper() or following.isdigit())
    if word in dotted or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        next_word = re.match(r"\w+", text[nxt:end])
        return bool(next_word) and next_word.group(0) in _SENTENCE_STARTERS
    return True


def _terminal(text: str) -> bool:
    """Whether a paragraph ends like a sentence (full stop, question mark, closing quote after one, ...)."""
    return bool(_TERMINAL.search(text))


def _is_prose(text: str) -> bool:
    """A paragraph that reads as running text rather than a label, heading or link."""
    return _terminal(text) and len(_WORD.findall(text)) >= 12


def _is_name_line(text: str) -> bool:
    """A short line that looks like a person's name: 2 to 5 capitalised tokens, no sentence punctuation."""
    tokens = text.split()
    return 2 <= len(tokens) <= 5 and all(_NAME_TOKEN.match(t) for t in tokens) and not _terminal(text)


def _pattern_label(text: str, patterns: list[tuple[str, re.Pattern]]) -> str | None:
    """The label of the first pattern matching text, if any."""
    return next((label for label, pat in patterns if pat.search(text)), None)


def label_paragraphs(texts: list[str], first_sentences: list[str]) -> list[str]:
    """Label each paragraph of an article (given its text and first sentence): body, or which page furniture."""
    bp = _boilerplate()
    labels: list[str | None] = [_pattern_label(t, bp["paragraph"]) for t in first_sentences]
    prose = [_is_prose(t) and labels[i] is None for i, t in enumerate(texts)]
    first_body = next((i for i, p in enumerate(prose) if p), len(texts))
    _label_lead(texts, labels, first_body)
    author_at = _label_tail(texts, labels, first_body)
    for i in range(first_body, author_at):
        if labels[i] is None:
            labels[i] = BODY if _terminal(texts[i]) or len(_WORD.findall(texts[i])) > 20 else "link"
    return [label or BODY for label in labels]


def _label_lead(texts: list[str], labels: list[str | None], first_body: int) -> None:
    """Label the short paragraphs before the first body paragraph: tagline, byline, dateline, headline..."""
    bp = _boilerplate()
    seen_headline = False
    for i in range(first_body):
        t = texts[i]
        if labels[i] is not None:
            continue
        if _BYLINE.match(t) and len(t.split()) <= 8:
            labels[i] = "byline"
        elif is_dateline(t):
            labels[i] = "dateline"
        elif not seen_headline and any(p.search(t) for p in bp["tagline"]):
            labels[i] = "tagline"
        elif not seen_headline:
            labels[i], seen_headline = "headline", True
        else:
            labels[i] = "standfirst"


def _label_tail(texts: list[str], labels: list[str | None], first_body: int) -> int:
    """Label the author line and what follows it after the body; return where the body region ends."""
    author_at = next(
        (i for i in range(first_body + 1, len(texts)) if labels[i] is None and _is_name_line(texts[i])
         and all(labels[j] is not None or not _is_prose(texts[j]) or _mentions_name(texts[j], texts[i])
                 or " | " in texts[j] for j in range(i + 1, len(texts)))),
        len(texts),
    )
    if author_at < len(texts):
        labels[author_at] = "author"
        for j in range(author_at + 1, len(texts)):
            if labels[j] is None:
                labels[j] = "author_bio"
    return author_at


def _mentions_name(text: str, name: str) -> bool:
    """Whether text contains the last word of name (a surname), as author bios do."""
    return name.split()[-1] in text


def label_sentence(text: str, paragraph_label: str) -> str:
    """A sentence's label: its paragraph's, unless it is itself a source tag or licence line."""
    if paragraph_label != BODY:
        return paragraph_label
    return _pattern_label(text, _boilerplate()["sentence"]) or BODY


def segment(text: str) -> tuple[list[Span], list[list[Span]], bool]:
    """Labelled paragraphs, their labelled sentences, and whether the line-break fallback was used."""
    ranges, fallback = split_paragraphs(text)
    cuts = [split_sentences(text, s, e) for s, e in ranges]
    labels = label_paragraphs([text[s:e] for s, e in ranges], [text[c[0][0] : c[0][1]] for c in cuts])
    paragraphs = [Span(s, e, lab) for (s, e), lab in zip(ranges, labels)]
    sentences = [
        [Span(a, b, label_sentence(text[a:b], p.label)) for a, b in para_cuts]
        for p, para_cuts in zip(paragraphs, cuts)
    ]
    return paragraphs, sentences, fallback
