"""Split a decoded article into paragraphs and sentences, each of a kind (body or page furniture), keeping exact
character offsets.

Every character of a text ends up in exactly one span: a sentence (of kind body, headline,
byline, ... ) or the whitespace between sentences (kind ``space``), so the text can be rebuilt.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from analysis.lexicon import data_yaml, name_particle_pattern, one_of, word_list
from analysis.stages.dateparse import TIME, find_dates, is_dateline
from analysis.text import lowered

BODY = "body"

_BLANK_LINE = re.compile(r"\n(?:[ \t\u00a0\r]*\n)+")  # pieces are stripped, so spaces before it need no match
_LINE_BREAK = re.compile(r"\r?\n")
_SLUG_WORDS = 20  # a headline's length at most: a line this short all in lower case is a slug ("kurdish forces foil ...")
_NUMBER_LABEL = re.compile(r"[A-Z][\w ]{0,30}?\s?:\s*\d+")  # a page's label and number: "News ID: 199259"
_DATE_PARTS = re.compile(r"\s[-–—|•·/]\s")  # the separators between the parts of a date line
_CLOSING_CREDIT = re.compile(r"(?<=[.!?\"”])\s*\([^()\n]{1,40}\)$")  # "... a statement said. (AA)"
_WRAP_WIDTH = 100  # a hard-wrapped text's lines are at most this wide (wrapping widths are 60-80 characters)
_WRAP_SHARE = 0.25  # share of lines ending inside a sentence that makes such a text hard-wrapped
_WRAP_FULL = 0.6  # a wrapped line at least this share of the widest one goes on into the next
_WRAPPED = re.compile(r"[,-]\r?\n|\n[ \t]*[a-z]")  # a line break inside a sentence
# A run of sentence punctuation and closing quotes, the whitespace after it (group 1), the next character (2).
# One pattern per mark, each led by its literal so the engine's fast literal search applies (a pattern led by
# the class [.!?…] scans three times slower); the lookbehind keeps "?!" one run, found by its first mark.
_CANDIDATES = (*(
    re.compile(rf"{mark}(?<![.!?…]{mark})[.!?…]*[\"”’'\)\]]*(\s+)(?=([^\sa-z,;:]))")
    for mark in (r"\.", "!", r"\?", "…")
),  # and a full stop a page glued to the next sentence, after a word and before a sentence opener (_is_boundary):
    # "... unchanged.He said", not "Harbour.Net"
    re.compile(r"\.(?<=[a-z]{3}\.)()(?=([A-Z][a-z]+\b))"))
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"\w+")
_CLOSERS = "\"”’')]"
_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
_BYLINE_EXTRA = re.compile(r"\s+[|•·/]\s+|\s+[-–—]\s+")  # what follows the name: "By John Smith | October 17, 2017"
# A byline without "By": a name, then a role ("Martin Chulov Middle East correspondent").
_WRITER_WORDS = data_yaml("boilerplate.yaml")
_SOURCE_TAG = re.compile(rf"\({one_of(_WRITER_WORDS['source_labels'])}\s*:[^)\n]*\)", re.IGNORECASE)
_ROLE_BYLINE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}?[A-Z][\w'’.-]*)\s+(?:[A-Z][\w-]*\s+){0,3}"
    rf"{one_of(_WRITER_WORDS['byline_roles'])}$"
)
_BREADCRUMB = re.compile(r"\s[|›»>/:]\s|\s/$")  # "World | Middle East", "Home › News", "News / Middle East", "News /"
# A photo credit closing a caption: "(H. Murdock/VOA)", "(Courtesy: United States Central Command)".
_PHOTO_CREDIT = re.compile(r"\((?:[\w.’' -]+/\s?[\w.’' -]+|courtesy:?[^()\n]*)\)$", re.IGNORECASE)
# A photo credit line: the sign, then photographer and agency or agency and photographer ("© Jane Roe/TASS",
# "© REUTERS/ John Doe", "© AFP 2016/ Jane Roe"): the picture's, not the page's owner.
_PHOTO_BYLINE = re.compile(r"\s*©\s*[^\n/©]{2,40}/\s*[^\n/©]{2,40}(?=\r?\n|$)")
# A date stamp opening a headline's line: "date 2018-05-01 Title", "2018-05-01 Title".
_DATE_PREFIX = re.compile(r"\s*((?:date\s+)?(?:19|20)\d\d-[01]\d-[0-3]\d)\s+(?=\S)", re.IGNORECASE)
# A closing paragraph that introduces a writer: "Karim Nasser is a political analyst based in Beirut."
_INTRODUCTION = re.compile(
    rf"(?P<who>(?:[A-Z][\w'’.-]*\s+){{0,4}}[A-Z][\w'’.-]*),?\s+{one_of(_WRITER_WORDS['bio_verbs'])}\b")
KICKER_WORDS = 3  # a leading line this short above a longer headline-like one labels a section ("Press Releases")
_LEAD_REACH = 3  # a byline or dateline this many paragraphs after the first prose one shows that one was a standfirst
# A wire-copy dateline opening the first paragraph: a place in capitals, then a date and/or "(Agency)", then a dash;
# a byline may run into it ("By Jane Doe BEIRUT (Reuters) -").
_WIRE_DATELINE = re.compile(
    r"(?:By\s+(?:[A-Z][\w'’.-]*\s+){1,4}?)?(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    r"(?:/[A-Z][A-Z.'’ -]*[A-Z.])?)"  # two places of a story filed from both: "ERBIL, Iraq/ISTANBUL (Reuters) -"
    r"(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+[0-3]?\d(?:,\s*(?:19|20)\d\d)?|[0-3]?\d\s+[A-Z][a-z]{2,8}\.?(?:\s+(?:19|20)\d\d)?))?"
    r",?\s*(?:\((?P<agency>[^)\n]{2,40})\))?\s*(?P<dash>[-–—]+)\s+"
)
# The same without its dash, the agency's parentheses closing it before the story's first word: "MANILA,
# Philippines (AP) Authorities ...", "KABUL (UrduPoint News / Sputnik - 25th July, 2019) Afghanistan's ...".
_BARE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?),?\s+\((?P<agency>[^()\n]{2,60})\)"
    r"(?P<dash>)\s+(?=[A-Z“\"])")
_AGENCY_ACRONYM = re.compile(r"[A-Z]{2,6}|.*\b(?:19|20)\d\d\b.*")  # "(AP)"; a credit that dates the story
# A menu item: a list bullet or number and at most three words ("1. All Stories", "• RSS", "• Politics news").
_MENU_ITEM = re.compile(r"(?:[•·*]|\d{1,2}\.)\s*\S+(?:\s+\S+){0,2}")
# A line's closing date ("..., July 27, 2015", "... From Jul 04, 2017", "World 23 January 2017 15:01 (UTC +04:00)"),
# and the form that makes it a full date.
_LAST_DATE = re.compile(
    rf"[\s,]((?:[A-Z][a-z]{{2,8}}\.?\s+[0-3]?\d|[0-3]?\d\s+[A-Z][a-z]{{2,8}}\.?),?\s+(?:19|20)\d\d)(?i:{TIME})?$")
_DATE_LEAD_WORDS, _CAPTION_WORDS = 6, 8  # words before a closing date: a date line's label, a caption's description
# A publisher's own dateline: its name (or any name in brackets) opening the story before a dash or slash, or a colon
# after a desk or place: "Shafaq News / A large number ...", "Islam Times - Syrian forces ...", "(VOVworld) – The
# Syrian army ...", "Harbour Press/World: Troops ...".
_OUTLET_DATELINE = re.compile(
    r"(?P<agency>\([^()\n]{2,40}\)|[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s*"
    r"(?P<dash>[-–—/]|(?:/[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})?:)\s+(?=[A-Z“\"])")
_MASTHEAD = re.compile(rf"(?:.*\s)?{one_of(_WRITER_WORDS['masthead_words'])}|.*\.(?:{one_of(_WRITER_WORDS['domain_endings'])})",
                       re.IGNORECASE)
# A place written in title case, one or two words ("Damascus", "Deir Ezzor"), and a day with its month either way
# round ("Aug 10", "10 August"): parts of the title-case datelines below.
_TITLED_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
_DAY_MONTH = r"[A-Z][a-z]{2,8}\.?\s+[0-3]?\d|[0-3]?\d\s+[A-Z][a-z]{2,8}\.?"
# An agency's own dateline in title case, the agency bare after the place or the date: "Tehran, Aug 10, IRNA – ...",
# "Damascus, SANA – ...".
_TITLED_DATELINE = re.compile(
    rf"(?P<place>{_TITLED_PLACE}),\s+(?:(?P<date>{_DAY_MONTH}),\s+)?(?P<agency>[A-Z]{{2,}}[\w-]*)\s*(?P<dash>[-–—]+)\s+")
# The same with the agency in brackets, before a dash that may be unspaced: "Kabul (Harbour Times)- ...", "Aden,
# March 3 (Harbour Post) – ...".
_TITLED_BRACKET_DATELINE = re.compile(
    rf"(?P<place>{_TITLED_PLACE})(?:,\s+(?P<date>{_DAY_MONTH}))?,?\s+\((?P<agency>[^()\n]{{2,40}})\)\s*(?P<dash>[-–—]+)\s+")
# A place or a publisher's name in title case and a full date before a dash: "Erbil, May 2, 2016 – ...", "HarbourWatch,
# August 18, 2016— ..." (the name is the publisher's when it reads as a masthead: dateline_outlet).
_NAMED_DATELINE = re.compile(
    rf"(?P<agency>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){{0,3}}),\s+(?P<date>(?:{_DAY_MONTH}),?\s+(?:19|20)\d\d)\s*"
    r"(?P<dash>[-–—]+)\s*(?=[A-Z“\"])")
# A name of one word with a capital inside it after a word of four letters or more, as web publications write theirs
# ("HarbourWatch", "NewsHarbour"), not a surname's prefix ("McAllen", "MacDonald", "DeKalb").
_CAMEL_NAME = re.compile(r"[A-Z][a-z]{3,}[A-Z][A-Za-z]*")
# A dateline of a place in capitals alone before a spaced dash ("TUNIS - The Libyan ..."): after a photo caption or a
# standfirst, it opens the story.
_PLACE_DASH = re.compile(r"[A-Z][A-Z'’.-]{2,}(?:,? [A-Z][A-Z'’.-]+)*\s+[-–—]\s+(?=[A-Z“\"])")
# An agency's dateline with the agency first, then the place and a full date: "ANF – Qamishlo 21.09.2013 – ...",
# "XYZ - Erbil, 3 May 2016 - ...".
_AGENCY_FIRST_DATELINE = re.compile(
    r"(?P<agency>[A-Z]{2,}[\w-]*)\s*[-–—]+\s*(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}),?\s+"
    r"(?P<date>[0-3]?\d[./][01]?\d[./](?:19|20)\d\d|[0-3]?\d\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d"
    r"|[A-Z][a-z]{2,8}\.?\s+[0-3]?\d,?\s+(?:19|20)\d\d)\s*(?P<dash>[-–—]+)\s+")
# A place and a colon opening the story, as Indian and Pakistani papers date it: "TAL AFAR: Iraqi forces ...",
# "Damascus : The Syrian troops ...".
_COLON_DATELINE = re.compile(r"(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}) ?(?P<dash>:)\s+(?=[A-Z“\"])")
# A dateline with the agency between slashes after the date's full stop: "MOSCOW, December 11. /TASS/. ...".
_SLASH_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]*[A-Z],\s+[A-Z][a-z]{2,8}\.?\s+[0-3]?\d\.\s*(?P<tag>/[A-Z][\w -]{1,30}/\.?)\s")
_NAME_TOKEN = re.compile(rf"^(?:[A-Z]\.|[A-Z][\w'’.-]*|{name_particle_pattern()})$")
_SENTENCE_STARTERS = frozenset(word_list("sentence_starters.txt"))  # sentence openers after a dotted abbreviation


class Span(NamedTuple):
    """A half-open character range [start, end) of a text, with its kind (body or page furniture)."""

    start: int
    end: int
    kind: str


class Abbreviations(NamedTuple):
    """Abbreviations that a full stop can follow without ending the sentence."""

    singles: frozenset[str]  # one word: "Gen", "Nov", "approx"
    dotted: frozenset[str]  # several parts, without the final stop: "U.S", "e.g"
    endings: frozenset[str]  # the last two letters of each single: a word ending otherwise is no abbreviation


@cache
def _abbreviations() -> Abbreviations:
    """The abbreviations listed in data/abbreviations.txt."""
    listed = word_list("abbreviations.txt")
    singles = frozenset(w for w in listed if "." not in w)
    return Abbreviations(singles, frozenset(w for w in listed if "." in w), frozenset(w[-2:] for w in singles))


@dataclass(frozen=True)
class Patterns:
    """Boilerplate patterns for one table: one alternation of those anchored at the start (tried with match),
    and the others one by one (a single alternation of them would lose the engine's fast literal search)."""

    anchored: re.Pattern
    floating: tuple[tuple[str, re.Pattern], ...]

    def kind(self, text: str) -> str | None:
        """The kind whose pattern matches the text, if any."""
        return self.kind_within(lowered(text), 0, len(text))

    def kind_within(self, lower: str, start: int, end: int) -> str | None:
        """The kind whose pattern matches lower[start:end] (already lowercased), if any."""
        m = self.anchored.match(lower, start, end)
        if m:
            return m.lastgroup.split("__")[0]
        return self.floating_kind(lower, start, end)

    def floating_kind(self, lower: str, start: int, end: int) -> str | None:
        """The kind of the first unanchored pattern found anywhere in lower[start:end], if any."""
        for kind, pattern in self.floating:
            if pattern.search(lower, start, end):
                return kind
        return None


def _patterns(table: dict[str, list[str]]) -> Patterns:
    """Compile a kind -> patterns table: anchored ones into one alternation (groups named kind__index)."""
    anchored = [f"(?P<{kind}__{i}>{p[1:]})" for kind, pats in table.items() for i, p in enumerate(pats)
                if p.startswith("^")]
    floating = tuple((kind, re.compile(p)) for kind, pats in table.items() for p in pats if not p.startswith("^"))
    return Patterns(re.compile("|".join(anchored) or "(?!)"), floating)


@cache
def _boilerplate() -> dict[str, Patterns]:
    """Compiled boilerplate patterns from data/boilerplate.yaml."""
    raw = data_yaml("boilerplate.yaml")
    return {
        "paragraph": _patterns(raw["paragraph_kinds"]),
        "sentence": _patterns(raw["sentence_kinds"]),
        "tagline": _patterns({"tagline": raw["tagline"]}),
    }


def split_paragraphs(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Paragraph ranges (stripped of surrounding whitespace) and whether single line breaks had to be used."""
    ranges = _stripped_pieces(text, _BLANK_LINE)
    fallback = len(ranges) == 1 and bool(_LINE_BREAK.search(text[ranges[0][0] : ranges[0][1]]))
    if fallback:
        ranges = _rewrapped(text, _stripped_pieces(text, _LINE_BREAK))
    return ranges, fallback


def _rewrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of hard-wrapped running text (wire copy, e-mail: no line wider than a wrapping width, and a quarter or
    more of them ending inside a sentence) joined back into paragraphs: a line goes on into the next when that opens
    in lower case, or when it ends no sentence and is not much shorter than the widest; other line-per-paragraph
    text is left as it is."""
    width = max((e - s for s, e in lines), default=0)
    if len(lines) < 3 or width > _WRAP_WIDTH:
        return lines
    open_ended = sum(not _terminal(text[s:e]) for s, e in lines[:-1])
    if open_ended < _WRAP_SHARE * (len(lines) - 1):
        return lines
    joined = [lines[0]]
    for start, end in lines[1:]:
        last_start, last_end = joined[-1]
        line = text[last_start:last_end].rsplit("\n", 1)[-1]
        goes_on = text[start : start + 1].islower() or (
            not _terminal(line) and len(line) >= _WRAP_FULL * width)
        joined[-1:] = [(last_start, end)] if goes_on else [joined[-1], (start, end)]
    return joined


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
    return _sentences(text, [(start, end)])[0]


def _sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Sentence ranges of each paragraph, from one scan of the whole text for boundaries and source tags."""
    lo, hi = (paragraphs[0][0], paragraphs[-1][1]) if paragraphs else (0, 0)
    boundaries = _boundaries(text, lo, hi)
    tags = [(m.start(), m.end()) for m in _SOURCE_TAG.finditer(text, lo, hi)]
    tag_starts = [start for start, _ in tags]  # in text order: each paragraph's tags found by bisection
    result, i, n = [], 0, len(boundaries)
    for start, end in paragraphs:
        while i < n and boundaries[i][0] < start:
            i += 1  # before this paragraph, or across the break that ended the last one
        spans, begin = [], start
        while i < n and boundaries[i][1] <= end:
            spans.append((begin, boundaries[i][0]))
            begin = boundaries[i][1]
            i += 1
        spans.append((begin, end))
        inside = tags[bisect_left(tag_starts, start):bisect_left(tag_starts, end)] if tags else tags
        result.append(_cut_out(text, spans, inside) if inside else spans)
    return result


def _boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The whitespace ranges in text[start:end] that end a sentence, in text order."""
    found = [m.span(1) for pattern in _CANDIDATES for m in pattern.finditer(text, start, end) if _is_boundary(text, m)]
    found.sort()
    return found


def _cut_out(text: str, spans: list[tuple[int, int]], tags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split sentence ranges so that each tag range stands alone."""
    cuts = sorted({c for span in spans + tags for c in span})
    pieces = (_strip(text, a, b) for a, b in zip(cuts, cuts[1:]))
    starts = {a for a, _ in spans}
    inside = [p for p in pieces if p[0] < p[1]]
    merged: list[tuple[int, int]] = []
    for a, b in inside:
        joins = merged and a not in starts and (a, b) not in tags and merged[-1] not in tags
        merged[-1:] = [(merged[-1][0], b)] if joins else merged[-1:] + [(a, b)]
    return merged


def _is_boundary(text: str, m: re.Match) -> bool:
    """Whether the punctuation run m (followed by whitespace and the character in group 2) ends a sentence."""
    following = m.group(2)
    if following.islower():  # a lowercase letter outside a-z ("é"); the pattern already excludes a-z and ,;:
        return False
    if m.start(1) == m.end(1):  # no space after the stop: a sentence only if an opener follows ("unchanged.He")
        return following in _SENTENCE_STARTERS
    at = m.start()
    if text[at] != "." or text.startswith("...", at):
        return True
    abbreviations = _abbreviations()
    before = text[at - 2 : at]
    if before[:1].isalnum() and before not in abbreviations.endings:
        return True  # a word of two or more characters that no abbreviation ends like (most full stops)
    word_start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    word = text[word_start:at].lstrip("\"“‘'([")
    if len(word) == 1 and word.isupper():
        return False  # an initial: "M. Waqas Abdullah"
    if word in abbreviations.singles:
        return not (following.isupper() or following.isdigit())
    if word in abbreviations.dotted or _DOTTED.fullmatch(word):
        next_word = _NEXT_WORD.match(text, m.end(1))
        return bool(next_word) and next_word.group(0) in _SENTENCE_STARTERS
    return True


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def has_words(text: str, n: int) -> bool:
    """Whether text has at least n whitespace-separated words (splitting no further than needed)."""
    return len(text.split(None, n - 1)) >= n


def _terminal(text: str) -> bool:
    """Whether a paragraph ends like a sentence (full stop, question mark, closing quote after one, ...; a bracketed
    credit after it aside: "... he said. (AA)")."""
    return _CLOSING_CREDIT.sub("", text).rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…", ":", ";")


def _cut_off(text: str) -> bool:
    """Whether a closing paragraph stops mid-sentence, as the end of a truncated text does ("... consisting of 58
    eng"): it ends in a lower-case word or a comma, or has lower-case words in running text (a link's title does
    not)."""
    words = text.split()
    return text[-1:].islower() or text[-1:] == "," or sum(w[:1].islower() for w in words) > len(words) / 2


def _is_prose(text: str) -> bool:
    """A paragraph that reads as running text rather than a heading, a tag or a link."""
    return _terminal(text) and (len(text) > 400 or has_words(text, 12))


def _is_name_line(text: str) -> bool:
    """A short line that looks like a person's name: 2 to 5 capitalised tokens, no sentence punctuation."""
    if len(text) > 80:
        return False
    tokens = text.split()
    # a capital of any script counts as one ("Zoran Ćelić")
    return 2 <= len(tokens) <= 5 and all(_NAME_TOKEN.match("A" + t[1:] if t[0].isupper() else t) for t in tokens) \
        and not _terminal(text)


def _is_byline(text: str) -> bool:
    """A short "By ..." line that is not a sentence ("By Dr. Karim Nasser", not "By then it was over."; what follows
    the name, as "| Published: <date>", aside), or a name with a role ("Martin Chulov Middle East correspondent")."""
    short = len(_BYLINE_EXTRA.split(text)[0].split()) <= 8 and len(text.split()) <= 20 and not _terminal(text)
    return short and bool(_BYLINE.match(text) or _ROLE_BYLINE.fullmatch(text))


def byline_name(byline: str) -> str:
    """The writer's name in a byline: "By Dr. Karim Nasser" -> "Dr. Karim Nasser", "Martin Chulov Middle East
    correspondent" -> "Martin Chulov", "By John Smith | October 17, 2017" -> "John Smith"."""
    if m := _ROLE_BYLINE.fullmatch(byline.strip()):
        return m.group("name")
    return _BYLINE_EXTRA.split(re.sub(r"^(?:by\s+)+", "", byline.strip(), flags=re.IGNORECASE))[0]


def _is_section(text: str, below_headline: bool) -> bool:
    """A section name or breadcrumb above a headline ("OPINION", "World | Middle East", "News /"), a kicker ending
    with a colon ("Sadegh Maleki:"), or a one-word kicker below it ("Analysis")."""
    if below_headline:
        return text.isalpha() and text[0].isupper()
    line = text.split("\n", 1)[0]  # a breadcrumb may head a paragraph of lead lines ("HOME : NEWSROOM\nNEWS | June 2")
    words = len(_NEXT_WORD.findall(line))
    short = words <= 8 and (not _terminal(line) or (line.endswith(":") and words <= 4))
    return short and ((line.isupper() and len(line.split()) <= 3) or bool(_BREADCRUMB.search(line))
                      or line.endswith(":"))


def paragraph_kinds(texts: list[str], first_kinds: list[str | None]) -> list[str]:
    """The kind of each paragraph of an article: body, or which page furniture (given the paragraph texts and the furniture
    kind each one's first sentence matched, if any)."""
    kinds = list(first_kinds)
    prose = [_is_prose(t) and kinds[i] is None for i, t in enumerate(texts)]
    first_body = _first_body(texts, kinds, prose)
    _kind_lead(texts, kinds, first_body)
    author_at = _kind_tail(texts, kinds, first_body)
    for i in range(first_body, author_at):
        if kinds[i] is None:
            cut = i == len(texts) - 1 and _cut_off(texts[i])
            kinds[i] = BODY if _terminal(texts[i]) or has_words(texts[i], 21) or cut else \
                "dateline" if is_dateline(texts[i]) else "link"
    return [kind or BODY for kind in kinds]


def _first_body(texts: list[str], kinds: list[str | None], prose: list[bool]) -> int:
    """The first body paragraph: the first prose one, unless a byline or dateline follows it closely, or a paragraph
    opening with a wire dateline does (then it was a standfirst, and the body starts after the byline or dateline, or
    with the wire dateline)."""
    first = next((i for i, p in enumerate(prose) if p), len(texts))
    near = [i for i in range(first + 1, min(first + 1 + _LEAD_REACH, len(texts))) if kinds[i] is None]
    wire = next((i for i in near if prose[i] and (_wire_dateline(texts[i], 0, len(texts[i]))
                                                  or _PLACE_DASH.match(texts[i]))), None)
    if wire is not None:
        return wire
    lead = [i for i in near if not prose[i] and (_is_byline(texts[i]) or is_dateline(texts[i]))]
    return next((i for i in range(lead[-1] + 1, len(texts)) if prose[i]), len(texts)) if lead else first


def _kind_lead(texts: list[str], kinds: list[str | None], first_body: int) -> None:
    """Find the kind of the short paragraphs before the first body paragraph: tagline, byline, dateline, headline..."""
    bp = _boilerplate()
    seen_headline = False
    for i in range(first_body):
        t = texts[i]
        if kinds[i] is not None:
            continue
        if _is_byline(t) or (_is_name_line(t) and i + 1 < first_body and is_dateline(texts[i + 1])):
            kinds[i] = "byline"  # "By Jane Roe", or a name over the date line: "Jane Roe / 09:43 - 2/01/2017 Monday"
        elif is_dateline(t) or _date_ended(t) == "dateline":
            kinds[i] = "dateline"
        elif _MENU_ITEM.fullmatch(t):
            kinds[i] = "navigation"
        elif _date_ended(t) == "caption":
            kinds[i] = "caption"
        elif not seen_headline and bp["tagline"].kind(t):
            kinds[i] = "tagline"
        elif _is_section(t, below_headline=seen_headline):
            kinds[i] = "section"
        elif not seen_headline and _headline_like(t):
            below = [texts[j] for j in range(i + 1, first_body) if kinds[j] is None]
            if _kicker(t, below) or (below and t.endswith(" " + below[0]) and 2 * len(below[0]) > len(t)):
                # "Election 2015" above "Election results: ...", or a breadcrumb run into the headline it repeats
                # ("Home Health Outbreak Hits Hospital" above "Outbreak Hits Hospital")
                kinds[i] = "section"
            else:
                kinds[i], seen_headline = "headline", True
        else:
            kinds[i] = "standfirst"


def _headline_like(text: str) -> bool:
    """Whether a leading paragraph may be the headline: it takes no full stop (at its end or between sentences), has
    two words or more and more words than numbers (not a time stamp: "09:36 GMT +3"), a capital letter, and is no byline or dateline."""
    words = text.split()
    numbers = sum(any(c.isdigit() for c in w) for w in words)
    return (not text.rstrip(_CLOSERS).endswith(".") and len(words) - numbers >= max(2, numbers + 1)
            and len(split_sentences(text, 0, len(text))) == 1  # not running text cut off: "... on Sunday. The"
            and not _NUMBER_LABEL.fullmatch(text)  # "News ID: 199259", "Story Code : 485408"
            and (text != text.lower() or len(words) > _SLUG_WORDS)  # a slug or a lower-cased copy of the headline
            and not _is_byline(text) and not is_dateline(text))


def _date_ended(text: str) -> str | None:
    """What a leading line ending in a full date is: a date line when a few words lead to the date ("This article is
    from Jul 04, 2017"), a photo caption when a description does, as news pictures' captions end with the day the
    picture was taken ("Troops take off from the base, July 27, 2015")."""
    date = _LAST_DATE.search(text)
    found = next(find_dates(date.group(1)), None) if date else None
    if not (found and found.day and found.year):
        return None
    before = len(text[:date.start()].split())
    return "dateline" if before <= _DATE_LEAD_WORDS else "caption" if before >= _CAPTION_WORDS else None


def _kicker(text: str, below: list[str]) -> bool:
    """Whether a short leading line (at most KICKER_WORDS words) is a section label or kicker above the headline: the
    next unlabelled paragraph is headline-like and longer."""
    words = len(text.split())
    following = below[0] if below else ""
    return words <= KICKER_WORDS and _headline_like(following) and len(following.split()) > words


def _kind_tail(texts: list[str], kinds: list[str | None], first_body: int) -> int:
    """Mark the author line and what follows it after the body; return where the body region ends."""
    author_at = next(
        (i for i in range(first_body + 1, len(texts)) if kinds[i] is None and _is_name_line(texts[i])
         and all(kinds[j] is not None or not _is_prose(texts[j]) or _mentions_name(texts[j], texts[i])
                 or " | " in texts[j] for j in range(i + 1, len(texts)))),
        len(texts),
    )
    if author_at < len(texts):
        kinds[author_at] = "author"
        for j in range(author_at + 1, len(texts)):
            if kinds[j] is None:
                kinds[j] = "author_bio"
        return author_at
    byline = next((texts[i] for i in range(first_body) if kinds[i] == "byline"), None)
    last = max((i for i in range(first_body + 1, len(texts)) if kinds[i] is None), default=None)
    if byline and last is not None and _introduces(texts[last], byline):
        kinds[last] = "author_bio"
    return author_at


def _introduces(text: str, byline: str) -> bool:
    """Whether text opens by introducing the byline's writer by surname ("Karim Nasser is ..." after "By Dr. Karim
    Nasser")."""
    m = _INTRODUCTION.match(text)
    return bool(m) and m.group("who").split()[-1] == byline_name(byline).split()[-1]


def _mentions_name(text: str, name: str) -> bool:
    """Whether text contains the last word of name (a surname), as author bios do."""
    return name.split()[-1] in text


def kind_sentences(lower: str, paragraph: Span, ranges: list[tuple[int, int]]) -> list[Span]:
    """A paragraph's sentences, of its paragraph's kind, or a source tag or licence line in a body or standfirst one
    ("This story originally appeared on X." under the headline; lower: the whole text, lowered)."""
    if paragraph.kind not in (BODY, "standfirst"):
        return [Span(a, b, paragraph.kind) for a, b in ranges]
    patterns = _boilerplate()["sentence"]
    # Most paragraphs hold no floating pattern: their sentences need only the quick anchored match.
    floating = patterns.floating_kind(lower, paragraph.start, paragraph.end) is not None
    anchored = patterns.anchored.match
    return [Span(a, b, (floating or anchored(lower, a, b)) and patterns.kind_within(lower, a, b) or paragraph.kind)
            for a, b in ranges]


def segment(text: str) -> tuple[list[Span], list[list[Span]], bool]:
    """Paragraphs and their sentences, each with its kind, and whether the line-break fallback was used."""
    ranges, fallback = split_paragraphs(text)
    lower = lowered(text)
    if not fallback:  # lines are paragraphs already, or joined because they are running text
        ranges = _lead_lines(text, lower, ranges)
    cuts = _sentences(text, ranges)
    first_kinds = [("caption" if _PHOTO_BYLINE.match(text, s, e) else None)
                   or _boilerplate()["paragraph"].kind_within(lower, *para_cuts[0])
                   or ("caption" if _PHOTO_CREDIT.search(text, s, e) else None)
                   for para_cuts, (s, e) in zip(cuts, ranges)]
    stamp = _DATE_PREFIX.match(text, *ranges[0]) if ranges else None  # read the page's first line without it
    texts = [text[s:e] for s, e in ranges]
    if stamp and stamp.end() < ranges[0][1]:
        texts[0] = text[stamp.end():ranges[0][1]]
    kinds = paragraph_kinds(texts, first_kinds)
    paragraphs = [Span(s, e, lab) for (s, e), lab in zip(ranges, kinds)]
    sentences = [kind_sentences(lower, p, para_cuts) for p, para_cuts in zip(paragraphs, cuts)]
    first_body = next((i for i, p in enumerate(paragraphs) if p.kind == BODY), None)
    if first_body is not None:
        # a place and a colon opening only one paragraph is a dateline; opening several, speakers of a transcript
        once = sum(bool(_COLON_DATELINE.match(text, s, e)) for s, e in ranges) == 1
        sentences[first_body] = _split_wire_dateline(text, sentences[first_body], once)
    if stamp:
        sentences[0] = _split_date_prefix(text, sentences[0], stamp)
    return paragraphs, sentences, fallback


def _lead_lines(text: str, lower: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph ranges with each paragraph above the body that holds several lines split into its lines: lines above
    a story are each one thing (a menu item, a date line, a headline, a photo caption, a byline), whatever the page's
    blank lines group. Not split: running text wrapped over lines (a line continues a sentence: it opens in lower
    case, or the one before ends with a comma or hyphen), and furniture the first line already labels (a site
    banner, a photo credit). The body begins at the first paragraph whose first line is running text."""
    result = []
    for i, (start, end) in enumerate(ranges):
        first_end = text.find("\n", start, end)
        if _is_prose(text[start:first_end if first_end >= 0 else end]):
            return result + ranges[i:]
        if (first_end < 0 or _WRAPPED.search(text, start, end) or _PHOTO_BYLINE.match(text, start, first_end)
                or _boilerplate()["paragraph"].kind_within(lower, start, first_end)):
            result.append((start, end))
            continue
        pos = start
        for m in _LINE_BREAK.finditer(text, start, end):
            result.append(_strip(text, pos, m.start()))
            pos = m.end()
        result.append(_strip(text, pos, end))
    return [r for r in result if r[0] < r[1]]


def _split_date_prefix(text: str, sentences: list[Span], stamp: re.Match) -> list[Span]:
    """The first paragraph's sentences with the date stamp opening the page split off ("date 2018-05-01 Syrian
    Democratic ..."); what follows on its line is a date line too when it is one ("date 2018-01-23 January 23, 2018")."""
    first = sentences[0]
    if stamp.end() >= first.end:
        return [Span(first.start, first.end, "dateline"), *sentences[1:]]
    rest = "dateline" if is_dateline(text[stamp.end():first.end]) else first.kind
    return [Span(first.start, stamp.end(1), "dateline"), Span(stamp.end(), first.end, rest), *sentences[1:]]


def _split_wire_dateline(text: str, sentences: list[Span], colon: bool) -> list[Span]:
    """Sentences of the first body paragraph, with a leading wire dateline ("BEIRUT, Nov 21 (Reuters) -", or with
    colon true "Damascus : ") split off."""
    first = sentences[0]
    m = _wire_dateline(text, first.start, first.end) or (colon and _COLON_DATELINE.match(text, first.start, first.end))
    if m:
        return [Span(first.start, m.end("dash"), "dateline"), Span(m.end(), first.end, first.kind), *sentences[1:]]
    m = _SLASH_DATELINE.match(text, first.start, sentences[-1].end)
    rest = [s for s in sentences if s.start >= m.end("tag")] if m else []
    return [Span(first.start, m.end("tag"), "dateline"), *rest] if rest else sentences


def _wire_dateline(text: str, start: int, end: int) -> re.Match | None:
    """A wire dateline ("BEIRUT, Nov 21 (Reuters) -", with a date or an agency, or with the agency first: "ANF –
    Qamishlo 21.09.2013 –"; "MANILA (AP)" without a dash when
    the agency is a masthead, an acronym or dated) opening text[start:end], followed by more text."""
    for pattern in (_WIRE_DATELINE, _TITLED_DATELINE, _TITLED_BRACKET_DATELINE, _AGENCY_FIRST_DATELINE, _NAMED_DATELINE):
        m = pattern.match(text, start, end)
        if m and (m.group("date") or m.group("agency")) and m.end() < end:
            return m
    m = _BARE_DATELINE.match(text, start, end)
    if m and (masthead(m.group("agency")) or _AGENCY_ACRONYM.fullmatch(m.group("agency"))):
        return m
    m = _OUTLET_DATELINE.match(text, start, end)
    return m if m and m.end() < end and _own_name(m.group("agency")) else None


def _own_name(name: str) -> bool:
    """Whether a name opening a dateline reads as its publisher's: bracketed ("(VOVworld)"), a masthead ("Islam
    Times") or one word with a capital inside it ("HarbourWatch")."""
    return name[0] == "(" or masthead(name) or bool(_CAMEL_NAME.fullmatch(name))


def masthead(name: str) -> bool:
    """Whether a name reads as a publication's: it ends in a masthead word ("Shafaq News") or is a web address
    ("PanARMENIAN.Net")."""
    return bool(_MASTHEAD.fullmatch(name.strip()))


def dateline_outlet(dateline: str) -> str | None:
    """The publisher a dateline names as itself: "Islam Times -", "(VOVworld) –", a one-word name with a capital
    inside it before a full date ("HarbourWatch, August 18, 2016—"), or a masthead among the parts of a date line
    ("September 2, 2017 – Fort Russ News – Jane Roe")."""
    m = _OUTLET_DATELINE.match(dateline.strip() + " A") or _NAMED_DATELINE.match(dateline.strip() + " A")
    if m and _own_name(m.group("agency")):
        return m.group("agency").strip("()")
    parts = [p.strip() for p in _DATE_PARTS.split(dateline)]
    return next((p for p in parts[1:] if len(p.split()) >= 2 and p[:1].isupper() and masthead(p)), None)
