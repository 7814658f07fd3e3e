"""Figures cited: numbers that quantify something, with value, range, unit, kind, what they count and who cites them.

A figure is a number written in digits, in words ("ten thousand", "a pair of") or as a vague magnitude
("hundreds of thousands"), with its currency, scale word and unit ("$ 500 billion", "800 metres",
"512GB", "US $71.10 per barrel", "14 year old"). A range ("20-30", "between 2 and 2.5 degrees",
"from 310 miles to 340 miles") or a vague magnitude is one figure from `value` to `value_high`; a
parenthesised conversion ("62 mph (100 km/h)") belongs to the figure it converts. Calendar dates, clock
times, ordinals, designators ("F-22", "flight 370", "Windows 10", "a 3-1 win") and idioms that claim no
quantity ("one of the most", "the two countries") are not figures. Spelled-out numbers are parsed by the
text2num library; the vocabularies live in data/units.yaml, data/currencies.yaml and data/quantifiers.yaml.
Word patterns run on the length-preserving lower-case text (analysis.text.lowered), symbols and codes
("MB", "USD", "C$") on the text as written.
"""

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

import ahocorasick
import pandas as pd
from text_to_num import text2num

from analysis import lexicon
from analysis.lexicon import data_yaml, grammar, one_of, tagged
from analysis.stages.actors import catalogue
from analysis.stages.corpus import Corpus
from analysis.stages.dateparse import CALENDAR, MONTHS
from analysis.text import Intervals, lowered_utf8

COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "value", "value_high", "unit", "kind", "counted",
           "approximate", "vague", "source", "in_body", "topic"]
RECURRING_COLUMNS = ["figure", "n_docs", "doc_id", "short_name", "surface", "approximate", "vague", "source",
                     "counted", "sentence", "start", "end"]
AUTHOR = "author"
UNKNOWN_SPEAKER = "unknown"
_DATE_FOLLOWERS = tuple(CALENDAR["relative_directions"])  # "two years ago", "a week later"
# The digits read after "point" in a number written in words ("five point five", "nine point nought four").
_DIGIT_WORDS = {word: value for word in data_yaml("quantifiers.yaml")["number_words"]
                if word not in data_yaml("quantifiers.yaml")["word_scales"] and (value := int(text2num(word, "en"))) < 10
                } | {word: 0 for word in data_yaml("quantifiers.yaml")["zero_words"]}
_HALF_OF_A_PERIOD = frozenset(data_yaml("quantifiers.yaml")["period_halves"])  # "the first half of 2017"
# Determiners "half" takes as a predeterminer ("half the population", "half a mile", "half their income").
_HALF_DETERMINERS = (grammar("articles") | grammar("demonstratives") | set(grammar("possessive_determiners"))
                     | {"all"})


@dataclass(frozen=True)
class Figure:
    """One quantitative expression in a text; start/end are str offsets, end exclusive.

    value is the single value or the low end of a range; value_high the high end (None for a single value)."""

    start: int
    end: int
    surface: str
    value: float
    value_high: float | None
    unit: str
    kind: str
    counted: str
    approximate: bool
    vague: bool


def _new_figure(start: int, end: int, surface: str, value: float, value_high: float | None, unit: str, kind: str,
                counted: str, approximate: bool, vague: bool) -> Figure:
    """A Figure from its fields' values in order, set at once: a frozen dataclass' __init__ sets each field
    through object.__setattr__, about twice as slow, and parse_figures makes one per figure."""
    fig = object.__new__(Figure)
    fig.__dict__.update(start=start, end=end, surface=surface, value=value, value_high=value_high, unit=unit,
                        kind=kind, counted=counted, approximate=approximate, vague=vague)
    return fig


def _data(name: str) -> dict:
    """A YAML file from analysis/data."""
    return data_yaml(name)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the literal words, as a character trie (much faster than a flat list)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(trie) + ")"


def _automaton(phrases: Iterable[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of phrases (their words joined by one space) as _marks writes them, each after
    a space -> (their length, the phrases written so). _word_starts runs it on the marks of the text: a
    phrase is looked for only after a character it may follow, so almost every character leaves the scan
    at its root, which has one child (the scan costs 0.6 of what it did without the space); one spelling per
    phrase keeps the automaton small."""
    found: dict[str, list[str]] = {}
    for phrase in phrases:
        written = " ".join(phrase.split())
        found.setdefault(" " + _marks(written.encode()), []).append(written)
    automaton = ahocorasick.Automaton()
    for key, written in found.items():
        automaton.add_word(key, (len(key) - 1, tuple(written)))
    automaton.make_automaton()
    return automaton


_BEFORE_START = frozenset("'’.,/:^+−-")  # characters (besides letters and digits) a figure cannot follow
# The marks of a text, one byte a character, made from its UTF-8 bytes: each ASCII digit "0", each ASCII character a
# figure may follow a space (not a letter, digit, "_" or one of _BEFORE_START), the other ASCII characters as they
# are, and each character outside ASCII a space (its first byte; the continuation bytes are left out, so offsets are
# kept). Runs of digits are then runs of a literal, which the regex engine skips to far faster than to a character of
# a class; a number word found after or across a character outside ASCII is checked on the text itself.
_MARKS = bytes(ord("0") if chr(byte) in "0123456789" else ord(" ") if not (
    chr(byte).isalnum() or chr(byte) == "_" or chr(byte) in _BEFORE_START) else byte for byte in range(128)) + b" " * 128
_CONTINUATION = bytes(range(0x80, 0xC0))


def _marks(utf8: bytes) -> str:
    """The marks (_MARKS) of the text whose UTF-8 bytes (surrogates passed) these are: the lowered text's bytes,
    which lowering made (text.lowered_utf8), so the text is not encoded again."""
    return utf8.translate(_MARKS, _CONTINUATION).decode("latin-1")


# A fraction written after digits: a vulgar fraction ("2½"), a mixed number ("2 1/2") or a slash ("1/4", the
# digits being its numerator). Denominators are those of measures and shares (halves to hundredths), so that
# "9/11" and "24/7" stay designators and "5/17/2018" a date.
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_DENOMINATOR = r"(?:2|3|4|5|6|8|10|16|32|64|100)(?![\d/])"
_FRACTION_AFTER = (rf"[ \u00a0]?(?P<vulgar>[{_VULGAR}])|[ \u00a0](?P<mnum>\d{{1,2}})/(?P<mden>{_DENOMINATOR})"
                   rf"|/(?P<den>{_DENOMINATOR})")
# Scientific notation and powers after digits: "1.5e6", "4e-3", "1.5 x 10^6", "2.5×10⁻⁵", "10^6" (the digits to
# that power).
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_EXPONENT = (r"e(?P<epow>[+−-]?\d{1,3})(?![\w.])"
             r"|[ \u00a0]?[x×][ \u00a0]?10(?:\^\(?(?P<tpow>[+−-]?\d{1,3})\)?|(?P<spow>[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?!\d)"
             r"|\^\(?(?P<ppow>[+−-]?\d{1,2})\)?(?!\d)")
# What an exponent or a fraction after digits begins with: tested first, so that the engine leaves at once when neither
# follows (the branches, tried in turn, cost about as much as the digits).
_EXPONENT_OR_FRACTION = rf"(?:(?=e|\^|/|[ \u00a0]?[x×{_VULGAR}]|[ \u00a0]\d)(?:{_EXPONENT}|(?P<frac>{_FRACTION_AFTER})))"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?!\d)"


@dataclass(frozen=True)
class _Lexicon:
    """Compiled patterns and lookup tables built from the data files."""

    word_starts: ahocorasick.Automaton  # spelled-out starts of a figure ("two", "hundreds", "a dozen"): _automaton
    digit_start: re.Pattern
    number_at: re.Pattern
    after_digits: re.Pattern
    unit_name: re.Pattern
    unit_symbol: re.Pattern
    rate: re.Pattern
    age_after: re.Pattern
    currency_before: re.Pattern
    currency_at: re.Pattern
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    scales: dict[str, float]
    compounding: frozenset[str]  # scale words a larger one may follow ("lakh crore", "thousand million")
    larger_scale: re.Pattern
    video_formats: frozenset[str]  # "1080p", "4k": formats, not pence or thousands
    singular_endings: tuple[str, ...]  # "census", "crisis": singular nouns ending in -s
    word_scales: dict[str, float]  # scales a number word or an article takes ("ten thousand", "a million")
    plural_without_s: frozenset[str]
    all_scales: dict[str, float]
    vague: dict[str, tuple[float, float]]
    units: dict[str, tuple[str, str]]  # lower-cased name -> (unit code, kind)
    symbols: dict[str, tuple[str, str]]  # symbol or code as written -> (unit code, kind)
    glued_only: frozenset[str]  # symbols that are English words, read only glued to the digits ("2in")
    denominators: dict[str, str]  # lower-cased spelling after "per" -> unit code
    currencies: dict[str, str]  # symbol or prefix word as written -> currency code
    currency_ends: frozenset[str]  # the last two characters of currency symbols and prefix words (one if one)
    codes: frozenset[str]  # ISO 4217 codes, which count only outside all-capitals text
    word_codes: frozenset[str]  # codes that are also English words ("ALL"), never read as currencies
    money_after_scale: dict[str, str]
    subunits: dict[str, tuple[str, float]]
    article_counts: dict[str, tuple[float, bool]]
    anaphoric: frozenset[str]
    counted_stop: frozenset[str]
    number_words: frozenset[str]
    money_verbs: frozenset[str]
    people_verbs: frozenset[str]
    change_verbs: frozenset[str]
    designator_nouns: frozenset[str]
    score_words: frozenset[str]
    fractions: dict[str, int]
    count_suffix: re.Pattern
    fraction_of: re.Pattern
    clock_after: re.Pattern
    sign_before: re.Pattern
    zone_before: re.Pattern
    month_day_before: re.Pattern
    day_range_month: re.Pattern


# The lexicon once _lexicon() has built it (parse_figures calls it first). The helpers that read a figure use this
# name rather than call _lexicon(): a cached call costs about as much as any Python call, and they made 545 a pass
# over the seed texts.
_LEX: _Lexicon


@cache
def _stopwords() -> frozenset[str]:
    """English function words (data/stopwords.txt)."""
    return lexicon.words("stopwords.txt")


@cache
def number_words() -> tuple[str, ...]:
    """Spelled-out numbers that may form a figure (data/quantifiers.yaml)."""
    return tuple(_data("quantifiers.yaml")["number_words"])


def _unit_tables(spec: dict) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], dict[str, str]]:
    """(lower-cased names, symbols as written, rate denominators) of data/units.yaml, SI prefixes applied."""
    prefixes = spec["si_prefixes"]
    names: dict[str, tuple[str, str]] = {}
    symbols: dict[str, tuple[str, str]] = {}
    denominators = {word: word for word in spec["rate_denominators"]} | spec["rate_words"]
    for code, unit in spec["units"].items():
        kind = unit["kind"]
        for symbol_prefix, name_prefix in [("", "")] + [(p, prefixes[p][0]) for p in unit.get("prefixes", [])]:
            prefixed = symbol_prefix + code
            singular = [name_prefix + n for n in unit.get("names", [])]
            plural = [name_prefix + n for n in unit.get("plurals", [])] or [n + "s" for n in singular]
            names.update({word.lower(): (prefixed, kind) for word in singular + plural})
            symbols.update({symbol_prefix + s: (prefixed, kind)
                            for s in unit.get("symbols", []) + unit.get("glued_symbols", [])})
            symbols.update({other + s: (prefixed, kind) for other, same in spec.get("prefix_spellings", {}).items()
                            if same == symbol_prefix for s in unit.get("symbols", [])})
            denominators.update({word.lower(): prefixed for word in singular})
            denominators.update({(symbol_prefix + s).lower(): prefixed for s in unit.get("symbols", [])
                                 if len(symbol_prefix + s) > 1})
        names.update({word.lower(): (code, kind) for word in unit.get("also", [])})
        denominators.update({word.lower(): code for word in unit.get("also", [])})
    return names, symbols, denominators


def _currency_heads(iso: dict, units: dict) -> dict[str, str]:
    """The last word of currency names, singular and plural, -> the one currency it names, or itself when
    several do ("francs": franc); everyday words and parenthesised names left out (data/units.yaml)."""
    codes: dict[tuple[str, str], set[str]] = {}
    for code, (one, many, _) in iso.items():
        if "(" not in one:
            codes.setdefault((one.split()[-1].lower(), many.split()[-1].lower()), set()).add(code)
    skip = set(units["currency_heads_not_words"])
    return {word: (min(found) if len(found) == 1 else one)
            for (one, many), found in codes.items() if one not in skip for word in (one, many)}


@cache
def _lexicon() -> _Lexicon:
    """Build the patterns once from data/units.yaml, data/currencies.yaml and data/quantifiers.yaml (and set
    _LEX to them)."""
    global _LEX
    q, u, iso = _data("quantifiers.yaml"), _data("units.yaml"), _data("currencies.yaml")
    names, symbols, denominators = _unit_tables(u)
    currencies: dict[str, str] = {}
    for code, (one, many, symbol) in iso.items():
        names.update({one.lower(): (code, "money"), many.lower(): (code, "money")})
        if code.lower() not in _stopwords():
            currencies[code] = code
        if symbol:
            currencies[symbol] = code
    names.update({head: (code, "money") for head, code in _currency_heads(iso, u).items() if head not in names})
    for code, spec in u["currencies"].items():
        names.update({w.lower(): (code, "money") for w in spec["words"]})
        currencies.update({s: code for s in spec["symbols"] + spec["prefix_words"]})
        symbols.update({s: (code, "money") for s in spec.get("suffix_symbols", [])})
    symbols.update({s: (code, "money") for s, code in currencies.items()})
    scale_words = q["word_scales"]
    articles = [f"{article} {w}" for article in _INDEFINITE
                for w in scale_words + list(names) + list(q["fractions"]) + list(q["article_counts"])]
    starters = (list(number_words()) + list(q["vague"]) + q["vague_modifiers"] + articles
                + [f"{part} {article}{w}" for part in q["scale_fractions"] + [f"a {w}" for w in q["scale_fractions"]]
                   for article in ("a ", "an ", "") for w in scale_words]
                 + [f"half {w}" for w in ["of", *_HALF_DETERMINERS]])
    word = alternation(number_words())
    vague_word = alternation(q["vague"])
    scale_word = alternation(scale_words)
    fraction_word = alternation(q["fractions"])
    number_at = re.compile(
        rf"(?P<sign>[-−](?=\d))?(?P<digits>{_DIGITS}){_EXPONENT_OR_FRACTION}?"
        rf"|(?P<mod>{alternation(q['vague_modifiers'])})\s+(?P<modscale>{scale_word})\b"
        rf"|(?P<vague>{vague_word}(?:\s+of\s+{vague_word})*)\b"
        rf"|(?:an?\s+)?(?P<half>half|quarter)\s+(?:an?\s+)?(?P<hscale>{scale_word})\b"
        rf"|(?P<halfof>half)(?=\s+(?:of|{one_of(_HALF_DETERMINERS)})\b)"
        rf"|(?P<fnum>{word}|an?)(?P<fsep>[\s-]+)(?P<denom>{fraction_word})\b(?P<fof>(?=\s+of\b))?"
        rf"|(?P<acount>an?)\s+(?P<acword>{alternation(q['article_counts'])})(?=\s+of\b)"
        rf"|(?P<article>an?)\s+(?:(?P<ascale>{scale_word}(?:\s+{scale_word})*)\b"
        rf"(?:\s+and\s+an?\s+(?P<afrac>{fraction_word})\b)?|(?={alternation(names)}\b))"
        rf"|(?P<words>{word}(?:(?:\s+and\s+|[\s-]+){word})*)"
        rf"(?:[\s-]+and[\s-]+an?[\s-]+(?P<wfrac>{fraction_word})(?:\s+(?P<wscale>{scale_word}))?|\s+(?P<wdozen>dozens?)"
        rf"|\s+point(?P<point>(?:\s+{alternation(_DIGIT_WORDS)})+))?\b",
    )
    all_scales = {**q["scales"], **q["currency_only_scales"]}
    written = sorted(currencies)
    _LEX = _Lexicon(
        word_starts=_automaton(starters),
        digit_start=_digit_start(w for w in currencies if w.rstrip(".").isalpha() and w not in iso),
        number_at=number_at,
        after_digits=re.compile(rf"(?:[ \u00a0]?(?P<scale>{alternation(k.lower() for k in all_scales)})"
                                rf"|-(?P<hscale>{scale_word}))(?![\w])"),  # "C$1.5-billion"
        unit_name=re.compile(rf"(?:\s+of)?[\s\u00a0-]*(?P<unit>{alternation(names)})(?![\w])"),
        unit_symbol=re.compile(rf"(?P<space>[ \u00a0-]?)(?P<unit>{alternation(symbols)})(?![\w])(?!\.\w)"),
        rate=re.compile(rf"(?:\s+per\s+|\s+an?\s+|\s?/\s?|-(?:per|an?)-)(?P<den>{alternation(denominators)})(?![\w])"
                        rf"(?!\s+{one_of(_DATE_FOLLOWERS)}\b)"),
        age_after=re.compile(rf"[\s-]*(?P<unit>{one_of(tagged('calendar.yaml', 'time_units', 'age'))})s?"
                             r"(?:[\s-]+olds?\b|\s+of\s+age\b)"),
        currency_before=re.compile(rf"(?<![\w])(?P<cur>{alternation(written)})[ \u00a0]?$"),
        currency_at=re.compile(rf"(?P<cur>{alternation(written)})[ \u00a0]?(?=[\d-])"),
        hedge_before=re.compile(rf"\s+{alternation(h[::-1] for h in q['approximators'] + q['hedges_before'])}(?![\w])"),
        hedge_after=re.compile(rf"\s*{alternation(q['hedges_after'])}\b"),
        scales={k.lower(): float(v) for k, v in q["scales"].items()},
        compounding=frozenset(q["compounding_scales"]),
        larger_scale=re.compile(rf"[ \u00a0]+(?P<scale>{alternation(k.lower() for k in q['scales'])})(?![\w])"),
        video_formats=frozenset(q["video_formats"]),
        singular_endings=tuple(q["singular_endings"]),
        word_scales={w: float(q["scales"][w]) for w in q["word_scales"]},
        plural_without_s=frozenset(q["plural_without_s"]),
        all_scales={k.lower(): float(v) for k, v in all_scales.items()},
        vague={k.lower(): (float(lo), float(hi)) for k, (lo, hi) in q["vague"].items()},
        units=names,
        symbols=symbols,
        glued_only=frozenset(s for unit in u["units"].values() for s in unit.get("glued_symbols", [])),
        denominators=denominators,
        currencies=currencies,
        currency_ends=frozenset(written[-2:] for written in currencies),
        codes=frozenset(iso),
        word_codes=frozenset(code for code in iso if code.lower() in _stopwords()),
        money_after_scale=u["money_after_scale"],
        subunits={unit: (smaller, float(n)) for unit, (smaller, n) in u["subunits"].items()},
        article_counts={k: (float(v["value"]), bool(v["approximate"])) for k, v in q["article_counts"].items()},
        anaphoric=frozenset(q["anaphoric_determiners"]),
        counted_stop=frozenset(q["counted_stop"]),
        number_words=frozenset(number_words()),
        money_verbs=frozenset(q["money_verbs"]),
        people_verbs=frozenset(q["people_verbs"]),
        change_verbs=frozenset(q["change_verbs"]),
        designator_nouns=frozenset(q["designator_nouns"]),
        score_words=frozenset(q["score_words"]),
        fractions={k.lower(): int(v) for k, v in q["fractions"].items()},
        count_suffix=re.compile(alternation(q["count_suffixes"]) + r"\b"),
        fraction_of=re.compile(rf"(?:\s+of)?\s+an?\s+(?:(?P<scale>{scale_word})\b)?"),
        sign_before=re.compile(rf"(?<!\d[ \u00a0])\b{alternation(q['sign_words'])}[ \u00a0]+$"),
        clock_after=re.compile(rf"\s*(?:[ap]\.?m\b\.?|{alternation(q['time_zones'])}\b|local time\b)"),
        zone_before=re.compile(rf"\b{alternation(q['time_zones'])}\s?[+−-]$"),
        month_day_before=re.compile(rf"\b{alternation(MONTHS)}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+$"),
        day_range_month=re.compile(rf"\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{alternation(MONTHS)}\b"),
    )
    return _LEX


# Where a figure in digits may start: an ASCII digit, or a sign before one, not inside a word, code or number,
# except right after a currency symbol of letters ("RM50", "Rs1,000"; matched lower-case, checked as written by
# _currency_before). The pattern starts with a character set, so the regex engine skips to the next digit or sign
# in C (twice as fast as with \d, which also takes other scripts' digits).
def _digit_start(letter_symbols: Iterable[str]) -> re.Pattern:
    """The pattern of where a figure in digits may start, given the currency symbols made of letters."""
    glued = "".join(f"|(?<=\\b{re.escape(s)}.)" for s in sorted({s.lower() for s in letter_symbols}))
    return re.compile(rf"[0-9−-](?:(?<![\w'’.,/:^+−-].){glued})(?:(?<=[0-9])|(?=[0-9]))")


# A word: letters, digits, apostrophes and hyphens, and full stops before a letter ("U.S."); written as runs
# (possessive: a word never gives back characters) rather than one alternation tried at every character.
_TOKEN = r"([A-Za-z][\w’'-]*+(?:\.(?=[A-Za-z])[\w’'-]*+)*+(?:(?<=\.[A-Za-z])\.)?+)"
# The first four words after a count, in one match: spaces and at most one footnote mark before each ("2,000
# *troops"), at least one space between two. Possessive: nothing after a word makes the engine give it back.
_COUNTED_WORDS = re.compile(rf" *[*†‡]? *{_TOKEN}" + "".join(f"(?: +[*†‡]? *{_TOKEN}" for _ in range(3)) + ")?+" * 3)
_WORD = re.compile(r"[A-Za-z][\w’'.&-]*")
_RATING = re.compile(r"(?<!\S)[A-Z][\w’'.-]*:[ \u00a0]+$")  # "Smith: 7." a player's rating or a list label
_NUMBER_NEXT = re.compile(r"\.?,?\s+\d")  # a month name's day or year after it ("may 2017")
_NEXT_WORD = re.compile(r"[^\S\n]*(?:\n[^\S\n]*)?(?:of\s+)?([A-Za-z]+)")  # in the same paragraph
_CLOCK_DIGITS = re.compile(r"[0-2]?\d[.:][0-5]\d")
_ORDINAL_OR_CODE = re.compile(r"[a-z]|-(?!to-)[a-z]|[:./]\d|\s?[ap]\.?m\b|\([a-z]{1,3}\)")  # "5th", "401(k)"
# Digits with a leading zero ("020 7946 0018", "007") and digits right after such a group are a code or a number
# read out, not a quantity.
_LEADING_ZERO = re.compile(r"0+[1-9]")
_AFTER_LEADING_ZERO = re.compile(r"(?<![\d.,])0+[1-9]\d*[ \u00a0]$")
_RANGE_SEP = re.compile(r"(?:\s?-)?\s?(?:(?P<dash>[-–—])|(?P<to>to|through)|(?P<and>and))(?:-|\s?)(?=[\d$€£¥a-z-])")
_SUBUNIT_JOIN = re.compile(r"(?P<hyphen>-(?=\d))?\s*(?:and\s+)?")
_SCALE_TAIL = re.compile(r"[ \u00a0]+(?:(?P<and>and)[ \u00a0]+)?")
_OF_AFTER = re.compile(r"\s+of\b")
_DIRECTION_AFTER = re.compile(rf"\s+{one_of(_DATE_FOLLOWERS)}\b", re.IGNORECASE)
# Up to three words and a direction after a number ("three short years ago"): possessive runs, as a word is
# followed by a space and a space by a word, so backtracking into either could never match.
_DATED = re.compile(rf"(?:(?:\s++[a-z]++){{0,2}}?\s++(?P<unit>[a-z]++))?\s++{one_of(_DATE_FOLLOWERS)}\b")
_COMPOUND = re.compile(r"-(?!to-)[a-z]+(?=\s+[a-z])")  # "a 40-page report": digits, hyphen, a lower-case noun
_ARITHMETIC = re.compile(r"\s*[+×=]\s*\d")
_OPERATOR_BEFORE = re.compile(r"[+×=]\s*$")
_LETTERS = re.compile(r"[A-Za-z]+")
_LOWER_WORDS = re.compile(r"[a-z]+")
_LAST_WORD_REVERSED = re.compile(r"\s*+([a-z]++)")  # the last word before an offset, on the text reversed
_WORDS_OF_TWO = re.compile(r"[A-Za-z]{2,}")
_CLAUSE_STOP = re.compile(r"[.!?;:]\s")
_OF = re.compile(r"\bof\s+", re.IGNORECASE)
_NEXT_TOKEN = re.compile(r"\s*(\S+)")
_QUANTIFIERS = data_yaml("quantifiers.yaml")
_CLOCK_WORD_AFTER = re.compile(rf"[ \u00a0]?{one_of(_QUANTIFIERS['clock_words'])}(?!\w)")
_HEDGE_WORDS = frozenset(w for h in _QUANTIFIERS["approximators"] + _QUANTIFIERS["hedges_before"] for w in h.split())
# A list item's number: at a line's start, "1." or "(2)" or "3)" before a space.
_ENUMERATOR = re.compile(r"(?:^|\n)[ \t]*\(?$")
_ENUMERATOR_AFTER = re.compile(r"[.)][ \t]")
_ONE_IN = re.compile(rf"\s+in\s+(?:[0-9]|{one_of(_QUANTIFIERS['number_words'])}\b)")  # "one in three"
# "one" and its noun as the subject of a passive verb whose object is people: "One man was killed", a count of one.
_ONE_PASSIVE = re.compile(rf"\s+[a-z]+\s+{one_of(grammar('be_forms'))}\s+{one_of(_QUANTIFIERS['people_verbs'])}\b")
# A house number: capitalised words ending in a street suffix follow ("10 Downing Street").
_ADDRESS = re.compile(rf"[ \u00a0]+(?:[A-Z][\w’'.-]*[ \u00a0]+){{1,3}}{one_of(_QUANTIFIERS['street_suffixes'])}\b")
_INDEFINITE = tagged("grammar.yaml", "articles", "indefinite")  # "a third", "an estimated"
_COORDINATORS = grammar("coordinators")  # "U.S. and allied forces"
_OF_DETERMINER = re.compile(rf"\s+of\s+(?:{one_of(_QUANTIFIERS['partitive_determiners'])}\s+)?", re.IGNORECASE)
_GROUPING = str.maketrans("", "", ", \u00a0\u202f")
_SCORE = re.compile(r"(?:\s?[-–]\s?|-to-)(?P<other>\d{1,3})(?!\d|[,.]\d|\s*(?:%|per))")  # "3-1", "3-to-1"
# An hour joined to another one that a.m. or p.m. follows: "between 8 and 9 pm", "8-9.30am".
_CLOCK_RANGE = re.compile(r"\s*(?:[-–]|to|and)\s*[0-2]?\d(?:[.:][0-5]\d)?\s?[ap]\.?m\b")
_CONVERSION_OPEN = re.compile(
    rf"\s*\(\s*(?:{one_of(_QUANTIFIERS['approximators'] + _QUANTIFIERS['approximation_signs'])}\s*)?")
_CONVERSION_CLOSE = re.compile(r"\s*\)")
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]”\"]|$)")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# The determiners left off a counted phrase ("the death toll"): articles, demonstratives, third-person possessives.
_NOUN_DETERMINERS = (grammar("articles") | grammar("demonstratives")
                     | set(tagged("grammar.yaml", "possessive_determiners", "third")))
_DETERMINER = re.compile(rf"\b{one_of(_NOUN_DETERMINERS)}\s+", re.IGNORECASE)
# What a count closing its clause counts: the subject of "X is (estimated to be) N", "X rose to N", or the
# object of "put X at N". Matched on the lower-case words right before the count: _NOUN_PHRASE_RUN (on them
# reversed) finds where they begin, _SUBJECT_VERB the verb at their end, _PUT_AT the other form (each linear).
_NOUN_PHRASE_RUN = re.compile(r"[\w’' -]*")
_FIRST_LOWER = re.compile(r"[a-z]")
_SUBJECT_VERB = re.compile(
    rf"\s+(?:{one_of(grammar('be_finite'))}\s+{one_of(_QUANTIFIERS['estimate_participles'])}?"
    rf"\s*(?:to\s+be|at)?|(?:{one_of(grammar('have_finite'))}\s+)?{one_of(_QUANTIFIERS['reaching_verbs'])}"
    r"(?:\s+(?:to|at))?)\s*$")
_PUT_AT = re.compile(
    rf"\b{one_of(_QUANTIFIERS['putting_verbs'])}\s+(?P<object>[a-z][\w’' -]*?)\s+at\s*$")


def _text2num(phrase: str) -> float:
    """text2num's value of number words; it stops at billions, so "N trillion M" is composed here."""
    phrase = phrase.lower().replace("-", " ")
    head, trillion, tail = phrase.rpartition("trillion")
    if not trillion:
        return float(text2num(phrase, "en"))
    tail = tail.strip().removeprefix("and ").strip()
    return (_text2num(head.strip()) if head.strip() else 1.0) * 1e12 + (_text2num(tail) if tail else 0.0)


@cache
def _single_word_values() -> dict[str, float]:
    """The value of each number word alone ("two": 2.0), read once rather than at every mention."""
    return {word: _text2num(word) for word in number_words()}


def _words_value(words: str) -> tuple[float, int] | None:
    """Value of spelled-out number words and how many characters of them it uses (longest parsable prefix)."""
    single = _single_word_values().get(words)
    if single is not None:
        return single, len(words)
    tokens = list(_LETTERS.finditer(words))
    for n in range(len(tokens), 0, -1):
        try:
            return _text2num(words[: tokens[n - 1].end()]), tokens[n - 1].end()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def looks_plural(word: str) -> bool:
    """Rough test that a word is a plural noun ("troops", "people"), used to tell counts from years."""
    w = word.lower()
    lex = _lexicon()
    return w in lex.plural_without_s or (len(w) > 3 and w.endswith("s") and not w.endswith(lex.singular_endings))


def _previous_word(text: str, start: int, reach: int = 30) -> tuple[str, int] | None:
    """The word separated by spaces from offset start, and where it begins, if there is one."""
    if not start or text[start - 1] not in " \u00a0":
        return None
    head = text[start - reach if start > reach else 0:start]
    stripped = head.rstrip(" \u00a0")
    words = stripped.rsplit(None, 1)
    if not words:
        return None
    word = words[-1]
    begin = start - len(head) + len(stripped) - len(word)
    if (begin and not text[begin - 1].isspace()) or not _WORD.fullmatch(word):
        return None
    return word, begin


def _is_date_number(text: str, low: str, start: int, end: int, value: float, raw: str,
                    before: tuple[str, int] | None) -> bool:
    """Whether bare digits are part of a date: a year (also "September 11, 2001 attacks"), or a day next to
    a month name (before: the word before). A month name that is also a function word ("may") is a month when
    capitalised or before a number ("5 may 2017"), so that "2,000 may have died" names no month."""
    if before and before[0].lower().rstrip(".") in MONTHS:
        return True
    after = _NEXT_WORD.match(low, end)
    if (after and after.group(1) in MONTHS and (after.group(1) not in _stopwords() or text[after.start(1)].isupper()
                                                or _NUMBER_NEXT.match(low, after.end()))) or _LEX.day_range_month.match(low, end):
        return True
    is_year = len(raw) == 4 and raw.isdigit() and 1000 <= value <= 2099
    if is_year and _LEX.month_day_before.search(low, start - 20 if start > 20 else 0, start):
        return True
    return is_year and not (after and looks_plural(after.group(1)))


def _bare_year(text: str, low: str, m: re.Match) -> bool:
    """Whether four digits are a year with no currency before and no unit, scale or plural noun after ("in
    2017,"): a quick test that reaches, for these, the verdict of the full reading and _is_date_number."""
    lex = _LEX
    start, end = m.start(), m.end()
    digits = m.group("digits")
    if m.group("sign") or not digits.isdigit() or not 1000 <= int(digits) <= 2099:
        return False
    if _currency_may_end(text, start):
        return False
    if end < len(low) and low[end] not in " \n,.;:)!?\"”'’":
        return False
    token = _NEXT_TOKEN.match(text, end, end + 30)
    if token and token.group(1).rstrip(".,;:)") in lex.symbols:
        return False
    after = _NEXT_WORD.match(low, end)
    return not after or not (looks_plural(after.group(1)) or after.group(1) in lex.units
                             or after.group(1) in lex.all_scales)


def _is_clock_time(low: str, start: int, end: int, raw: str) -> bool:
    """Whether digits are a time of day ("18.44 GMT", "9.30 p.m.") or a time zone offset ("UTC+3")."""
    lex = _LEX
    return bool(_CLOCK_DIGITS.fullmatch(raw) and lex.clock_after.match(low, end)) or bool(
        lex.zone_before.search(low, start - 6 if start > 6 else 0, start)) or bool(
        len(raw) <= 2 and (_CLOCK_WORD_AFTER.match(low, end) or _CLOCK_RANGE.match(low, end)))  # "12 noon"


def _is_designator(text: str, low: str, end: int, before: tuple[str, int] | None) -> bool:
    """Digits or words naming a thing: after a designator noun ("flight 370", "channel two"), or after a
    capitalised name and before a capital, a stop or a word that is not a plural noun ("Attribution 4.0
    International", "Resolution 2254.", "Windows 10 is")."""
    lex = _LEX
    if not before:
        return False
    word = before[0].lower().rstrip(".")
    if word in lex.designator_nouns:
        return True
    if before[0].endswith(("'s", "’s")):  # "Misrata's 166 brigade" names a unit; "the city's 300 residents" count
        if before[0][:-2].lower() in _stopwords():
            return False  # a contraction: "It's 20 past eight"
        after = _NEXT_TOKEN.match(text, end, end + 30)
        next_word = after.group(1).rstrip(".,;:").lower() if after else ""
        return after is not None and after.group(1)[0].islower() and next_word.isalpha() and not (
            looks_plural(next_word) or next_word in _stopwords() or next_word in lex.units
            or next_word.endswith(("ed", "ing")))
    if before[0].islower() or word in lex.units:  # "Windows", "iPhone"
        return False
    word_start = before[1]
    if (word_start == 0 or _SENTENCE_END.search(text, word_start - 3 if word_start > 3 else 0, word_start)) and (
            word in _stopwords() or word in _HEDGE_WORDS or word.endswith("ly")):
        return False  # capitalised by its place: "About 300 died", "Exactly 40 came"; not "Apollo 11 landed"
    after = _NEXT_TOKEN.match(text, end, end + 30)
    return not after or after.group(1)[0].isupper() or after.group(1)[0] in ".,;:)" or (
        after.group(1)[0].isalpha() and not looks_plural(after.group(1).strip(".,;:")))


def _is_score(low: str, start: int, end: int, value: float) -> bool:
    """Whether small digits joined by a dash to others are a score ("a 3-1 win", "1-0 down"): the second is
    not larger, or a score word is near."""
    m = _SCORE.match(low, end)
    if not m or value >= 1000:
        return False
    if float(m.group("other")) <= value:
        return True
    near = (_LOWER_WORDS.findall(low, start - 25 if start > 25 else 0, start)[-2:]
            + _LOWER_WORDS.findall(low, m.end(), m.end() + 25)[:2])
    return bool(_LEX.score_words.intersection(near))


def _counted(text: str, pos: int, plural: bool) -> str:
    """The noun phrase right after a count ("2,000 [US ground troops] are ..."), or "". With plural, it ends
    at its last plural-looking or capitalised word ("three [struck] the airport" counts nothing named).
    An acronym is a word ("hundreds of IS fighters"), and "U.S. and allied forces" is one phrase."""
    lex = _LEX
    stop = lex.counted_stop
    m = _OF_DETERMINER.match(text, pos, pos + 30)
    after = _COUNTED_WORDS.match(text, m.end() if m else pos)
    words: list[str] = []
    for token in after.groups() if after else ():
        if token is None:
            break
        lower = token.lower()
        if lower in stop:
            acronym = len(token) > 1 and token.rstrip(".").replace(".", "").isupper()
            joins = lower in _COORDINATORS and words and not looks_plural(words[-1])
            if not acronym and not joins:
                break
        elif lower in lex.number_words:
            break
        if words and lower.endswith(("ed", "ing")) and words[-1].lower() not in _COORDINATORS and (
                not plural or looks_plural(words[-1])):
            break  # a participle: "300 people killed", "a 25-year-old bomber killed"
        words.append(token)
    while words and (words[-1].lower() in _COORDINATORS or (
            plural and words[-1][0].islower() and not looks_plural(words[-1].rstrip("’'")))):
        words.pop()
    return " ".join(words).rstrip("’'")


def _counted_from_clause(low: str, text: str, start: int) -> str:
    """For "The number of X is estimated to be around 7000", "the X rose to 37", "put the X at 37": X."""
    offset = start - 120 if start > 120 else 0
    head = low[offset:start]
    cut = max((m.end() for m in _CLAUSE_STOP.finditer(head)), default=0)
    head = head[cut:]
    hedge = _LEX.hedge_before.match(head[::-1])
    head = head[: len(head) - hedge.end()] if hedge else head
    run = len(head) - _NOUN_PHRASE_RUN.match(head[::-1]).end()  # where the words before the count begin
    verb = _SUBJECT_VERB.search(head, run)
    first = _FIRST_LOWER.search(head, run, verb.start()) if verb else None
    if first:
        np_start, np_end = first.start(), verb.start()
    else:
        put = _PUT_AT.search(head, run)
        if not put:
            return ""
        np_start, np_end = put.span("object")
    phrase = text[offset + cut + np_start:offset + cut + np_end]
    phrase = _DETERMINER.split(_OF.split(phrase)[-1])[-1]
    return " ".join(phrase.split()[-3:])


def _people_verb_before(low: str, start: int) -> bool:
    """Whether a verb whose object is people comes right before the count (hedges skipped): "displaced
    nearly 900,000"."""
    lex = _LEX
    head = low[start - 60 if start > 60 else 0:start][::-1]
    hedge = lex.hedge_before.match(head)
    verb = _LAST_WORD_REVERSED.match(head, hedge.end() if hedge else 0)
    return bool(verb) and verb.group(1)[::-1] in lex.people_verbs


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the words around a span are written in capitals (a headline), where ISO codes ("ALL", "TOP",
    "MAD") are words."""
    around = _WORDS_OF_TWO.findall(text[start - 20 if start > 20 else 0:start] + " " + text[end:end + 20])
    return any(word.isupper() and word not in _LEX.codes for word in around)


def _currency_may_end(text: str, start: int) -> bool:
    """Whether a currency symbol or code may end right before offset start (a quick test before a search)."""
    last = text[start - 3 if start > 3 else 0:start].rstrip(" \u00a0")
    ends = _LEX.currency_ends
    return last[-2:] in ends or last[-1:] in ends


def _currency_before(text: str, start: int) -> tuple[str, int]:
    """A currency symbol or code written just before a number ("$", "US $", "USD "): (code, new start)."""
    lex = _LEX
    if not _currency_may_end(text, start):
        return "", start  # no currency symbol or code ends here (a quick test before the search)
    m = lex.currency_before.search(text, start - 8 if start > 8 else 0, start)
    if not m:
        return "", start
    written = m.group("cur")
    if written in lex.codes and _in_capitals(text, m.start(), start):
        return "", start
    return lex.currencies[written], m.start()


def _counts_after(low: str, pos: int) -> bool:
    """Whether a plural noun that is not a unit follows ("3m people": million, not metres)."""
    after = _NEXT_WORD.match(low, pos)
    return bool(after) and looks_plural(after.group(1)) and after.group(1) not in _LEX.units


class _Number(NamedTuple):
    """A number's value (and high end for a vague magnitude), where it ends (with any scale word), and how
    it was written."""

    value: float
    end: int
    vague: bool = False
    scaled: bool = False
    fraction: bool = False
    high: float | None = None
    slashed: bool = False  # a fraction alone ("1/4"): it needs a unit or "of" after it


# A _Number from all its fields in order, in one C call (as _new_measure), for the numbers read most often.
_new_number = partial(tuple.__new__, _Number)


def _fraction(m: re.Match) -> tuple[float, float]:
    """(numerator, denominator) of the fraction written after digits (m's "frac" group)."""
    if m.group("vulgar"):
        return unicodedata.numeric(m.group("vulgar")), 1.0
    if m.group("mnum"):
        return float(m.group("mnum")), float(m.group("mden"))
    return float(m.group("digits").translate(_GROUPING)), float(m.group("den"))


def _powered(value: float, ten_power: str, power: str | None) -> float | None:
    """value times ten to ten_power ("1.5e6"), or value to power ("10^6"); None when it is no finite number."""
    try:
        if ten_power:
            return value * 10.0 ** int(ten_power.replace("−", "-"))
        return value ** int(power.replace("−", "-"))
    except (OverflowError, ZeroDivisionError):
        return None


def _number(text: str, low: str, m: re.Match, currency: str) -> _Number | None:
    """Value of the number matched at m (on the lower-case text), or None if the words do not make a number."""
    lex = _LEX
    end = m.end()
    digits = m.group("digits")
    if digits:
        value = float(digits.translate(_GROUPING))
        # an exponent or a fraction follows the digits (the sign comes before them)
        frac, epow, tpow, spow, ppow = m.group("frac", "epow", "tpow", "spow", "ppow") if end > m.end("digits") else (
            None, None, None, None, None)
        if frac:
            numerator, denominator = _fraction(m)
            if numerator >= denominator:
                return None  # "6/5" is a date or a ratio
            if m.group("den"):
                return _Number(numerator / denominator, end, slashed=True)
            value += numerator / denominator
        power = epow or tpow or (spow or "").translate(_SUPERSCRIPTS)
        if power or ppow:
            value = _powered(value, power, ppow)
            if value is None:
                return None
        if m.start() < m.start("digits"):  # a sign
            value = -value
        scale = lex.after_digits.match(low, end)
        if scale:
            word = scale.group("scale") or scale.group("hscale")
            factor, scale_end = lex.all_scales[word], scale.end()
            larger = lex.larger_scale.match(low, scale_end) if word in lex.compounding else None
            if larger and lex.scales[larger.group("scale")] > factor:  # "7.96 lakh crore", "1.5 thousand million"
                factor, scale_end = factor * lex.scales[larger.group("scale")], larger.end()
            if word in lex.word_scales:
                return _Number(*_scaled_tail(text, low, value * factor, factor, scale_end), scaled=True)
            if word in lex.scales or currency or _counts_after(low, scale_end):
                return _new_number((value * factor, scale_end, False, True, False, None, False))
        return _new_number((value, end, False, False, False, None, False))
    words = m.group("words")  # the most frequent of the branches in words: the others are read only without it
    if words:
        point, wdozen, wfrac, wscale = m.group("point", "wdozen", "wfrac", "wscale")
        parsed = _words_value(words)
        if parsed is None:
            return None
        value, used = parsed
        whole = used == len(words)
        if point and whole:  # "five point five", "zero point zero eight"
            decimals = "".join(str(_DIGIT_WORDS[w]) for w in point.split())
            return _Number(value + float("0." + decimals), end, scaled=value >= 100)
        if wdozen and whole:
            return _Number(value * 12, end)  # "three dozen"
        if wfrac and whole:
            last = words.split()[-1]
            part = 1 / lex.fractions[wfrac]
            if last in lex.word_scales:  # "one million and a half", "one billion and a half million": of the scale
                value += part * lex.word_scales[wscale or last]
            else:  # "two and a half", "one and a half million"
                value = (value + part) * (lex.word_scales[wscale] if wscale else 1.0)
            return _Number(value, end, scaled=bool(wscale) or value >= 100)
        return _new_number((value, m.start() + used, False, value >= 100, False, None, False))
    mod, vague, half, halfof, denom, acount, article = m.group("mod", "vague", "half", "halfof", "denom", "acount",
                                                               "article")
    if mod:
        scale = lex.word_scales[m.group("modscale")]
        return _Number(scale, end, vague=True, scaled=True, high=scale * 10)
    if vague:
        value, high = _vague_value(vague)
        return _new_number((value, end, True, True, False, high, False))
    if half:  # "half a million", "a quarter million"
        return _Number(lex.word_scales[m.group("hscale")] / lex.fractions[half], end, scaled=True)
    if halfof:
        before = _previous_word(low, m.start())
        if before and before[0] in lex.anaphoric | _HALF_OF_A_PERIOD:
            return None  # "the first half of 2017", "its half of the deal"
        return _Number(0.5, end, fraction=True)
    if denom:
        singular = not denom.endswith(("s", "ves"))
        if singular and m.group("fof") is None and "-" not in m.group("fsep") and m.group("fnum") in _INDEFINITE \
                and not _CLAUSE_END.match(low, end):
            return None  # "a third term" is an ordinal; "a third of", "by a third.", "one-third" are fractions
        parsed = (1.0, 0) if m.group("fnum") in _INDEFINITE else _words_value(m.group("fnum"))
        return _Number(parsed[0] / lex.fractions[denom], end, fraction=True) if parsed else None
    if acount:
        return _Number(lex.article_counts[m.group("acword")][0], end)
    if article:
        if m.group("ascale"):
            scale = 1.0
            for word in m.group("ascale").split():  # "a hundred thousand"
                scale *= lex.word_scales[word]
            if m.group("afrac"):  # "a billion and a half"
                return _Number(scale + scale / lex.fractions[m.group("afrac")], end, scaled=True)
            return _Number(*_scaled_tail(text, low, scale, scale, end), scaled=True)  # "a hundred and two"
        return _Number(1.0, m.end("article"))


@cache
def _vague_value(vague: str) -> tuple[float, float]:
    """(low, high) of a vague magnitude as written ("tens of thousands": 10,000 and 100,000), read once."""
    lex = _LEX
    words = _LOWER_WORDS.findall(vague)
    lows = [lex.vague.get(w, (1.0, 1.0))[0] for w in words]
    value = 1.0
    for w in lows:
        value *= w
    return value, value / lows[0] * lex.vague[words[0]][1]


def _fraction_of(low: str, value: float, end: int) -> tuple[float, str, str, int, bool] | None:
    """A fraction of one scale or unit written after it ("of a million", "a mile", "of a percentage point"):
    (value, unit, kind, end, scaled), else None."""
    lex = _LEX
    of_a = lex.fraction_of.match(low, end)
    if not of_a:
        return None
    if of_a.group("scale"):
        return value * lex.word_scales[of_a.group("scale")], "", "count", of_a.end(), True
    named = lex.unit_name.match(low, of_a.end())
    if not named or " of" in low[of_a.end():named.start("unit")]:
        return None
    unit, kind = lex.units[" ".join(named.group("unit").split())]
    if kind in ("count", "age"):
        return None
    unit, unit_end = _rate(low, unit, named.end()) if kind != "count" else (unit, named.end())
    return value, unit, kind, unit_end, False


def _scaled_tail(text: str, low: str, value: float, scale: float, end: int) -> tuple[float, int]:
    """A scaled number with the smaller part written after it ("3 hundred and 21", "4 thousand 3 hundred",
    "6 crore and two hundred"): (value with the part, new end); a part without "and" must be scaled itself."""
    lex = _LEX
    join = _SCALE_TAIL.match(low, end)
    n = lex.number_at.match(low, join.end()) if join else None
    if not n or n.group("sign") or n.group("frac") or not (
            n.group("words") or (n.group("digits") and n.group("digits").isdigit())):
        return value, end
    part = _number(text, low, n, "")
    if part is None or part.value >= scale or part.vague or not (join.group("and") or part.scaled):
        return value, end
    return value + part.value, part.end


def _unit(text: str, low: str, end: int, vague: bool, scaled: bool) -> tuple[str, str, int]:
    """(unit code, kind, new end) for a unit, currency or "year old" right after a number: a name in any case,
    a symbol or code as written ("512GB"; a one-letter symbol only glued to the digits, "230p")."""
    lex = _LEX
    age = lex.age_after.match(low, end)
    if age:
        return age.group("unit"), "age", age.end()
    best = ("", "count", end)
    named = lex.unit_name.match(low, end)
    if named and (vague or " of" not in low[end:named.start("unit")]):
        spelling = " ".join(named.group("unit").split())
        unit, kind = lex.units[spelling]
        if scaled and spelling in lex.money_after_scale:
            unit, kind = lex.money_after_scale[spelling], "money"
        best = (unit, kind, named.end())
    symbol = lex.unit_symbol.match(text, end)
    if symbol and symbol.end() > best[2]:
        written = symbol.group("unit")
        glued = not symbol.group("space")
        spaced_ok = not (len(written) == 1 and written.isalpha()) or (
            written.islower() and lex.symbols[written][1] != "money")  # "1 m", not "5 p" or "2 B"
        if (glued or (spaced_ok and written not in lex.glued_only)) and not (written in lex.codes and _in_capitals(text, end, symbol.end())):
            best = (*lex.symbols[written], symbol.end())
    return best


def _rate(low: str, unit: str, end: int) -> tuple[str, int]:
    """A unit with what it is per ("$71.10 per barrel": USD/bbl, "$2m a month", "$15/hour"), and its end."""
    m = _LEX.rate.match(low, end)
    if not m:
        return unit, end
    return f"{unit}/{_LEX.denominators[' '.join(m.group('den').split())]}", m.end()


class _Measure(NamedTuple):
    """One number with its currency, scale, unit and rate, before its context is judged."""

    start: int
    end: int
    number_end: int
    value: float
    high: float | None
    unit: str
    kind: str
    vague: bool
    scaled: bool
    fraction: bool
    suffix: bool


# A _Measure from its fields in order, in one C call: calling the class runs the named tuple's __new__, a Python
# function (3,700 instructions against 1,600), and _measure makes one for nearly every candidate.
_new_measure = partial(tuple.__new__, _Measure)


def _measure(text: str, low: str, m: re.Match, currency: str, start: int) -> _Measure | None:
    """Read the number matched at m with the currency written before it (from start) and what follows it."""
    lex = _LEX
    number = _number(text, low, m, currency)
    if number is None:
        return None
    value, end, vague, scaled, fraction, high, slashed = number
    m_end = m.end()
    is_digits = bool(m.group("digits"))
    suffix = lex.count_suffix.match(low, end) if is_digits else None  # "300-strong", "5-million-strong"
    if suffix:
        return _new_measure((start, suffix.end(), end, value, None, "", "count", False, scaled, False, True))
    compound = _COMPOUND.match(text, end) if is_digits and not scaled else None
    if compound and not lex.unit_name.match(low, end) and not lex.age_after.match(low, end):
        return _new_measure((start, compound.end(), m_end, value, None, "", "count", False, False, False, True))
    if fraction:
        whole = _fraction_of(low, value, end)
        if whole:  # "a quarter of a million", "half a percentage point", "a third of a mile"
            value, unit, kind, end, scaled = whole
            return _new_measure((start, end, m_end, value, None, unit, kind, vague, scaled, False, False))
        if m.group("halfof") and lex.fraction_of.match(low, end):
            return None  # "half a chance": a predeterminer before no unit or scale
        return _new_measure((start, end, m_end, value, None, "fraction", "percent", vague, scaled, True, False))
    unit, kind, unit_end = _unit(text, low, end, vague, scaled)
    if slashed and kind == "count" and not currency:
        if not _OF_AFTER.match(low, end):
            return None  # "1/4" alone is a date, a score or a ratio; "1/4 mile", "1/4 of" a quantity
        return _new_measure((start, end, m_end, value, None, "fraction", "percent", vague, scaled, True, False))
    if currency:
        if kind != "money":
            unit_end = end  # a currency word after a symbol ("$5 US dollars") is part of the figure, no other unit
        unit, kind = currency, "money"
    if kind not in ("count", "age"):
        unit, unit_end = _rate(low, unit, unit_end)
    if is_digits and not scaled and unit_end == end and _ORDINAL_OR_CODE.match(low, end):
        return None
    return _new_measure((start, unit_end, m_end, value, high, unit, kind, vague, scaled, False, False))


def _range(text: str, low: str, first: _Measure, m: re.Match) -> _Measure | None:
    """The first number widened to a range written from it ("20-30 people", "2 to 2.5 degrees", "between
    20kHz and 22kHz", "from 310 miles to 340 miles", "three to four years", "$350 per kg to $680 per kg")."""
    lex = _LEX
    for pos in (first.end,) if first.end == first.number_end else (first.end, first.number_end):
        sep = _RANGE_SEP.match(low, pos)
        if not sep:
            continue
        if sep.group("and"):
            before = _previous_word(low, first.start)
            if not (before and before[0] == "between"):
                continue
        if sep.group("to") and first.kind != "count" and _after_change_verb(low, first.start):
            return None  # "rose 9% to $1.2bn", "fell from 5% to 3%": the change, then the new level
        at = sep.end()
        currency = ""
        cur = lex.currency_at.match(text, at)
        if cur and lex.currencies.get(cur.group("cur")) == (first.unit.split("/")[0] if first.kind == "money" else None):
            currency, at = lex.currencies[cur.group("cur")], cur.end()
        n = lex.number_at.match(low, at)
        if not n or not (n.group("digits") or n.group("words")) or bool(n.group("digits")) != bool(m.group("digits")):
            continue
        second = _measure(text, low, n, currency or (first.unit.split("/")[0] if first.kind == "money" else ""), at)
        if second is None or second.suffix or (
                sep.group("dash") and pos == first.end > first.number_end and first.unit in lex.subunits
                and second.kind == "count"):
            continue  # "5-foot-10" is five feet ten inches
        value, unit, kind = first.value, first.unit, first.kind
        if second.kind != "count" and first.kind == "count" and pos == first.end:
            unit, kind = second.unit, second.kind  # "three to four years", "2 to 2.5 degrees"
        elif second.kind != "count" and second.unit.startswith(f"{first.unit}/") and "/" not in first.unit:
            unit = second.unit  # "from €10 to €15 per person": the rate written on the high end is the range's
        elif second.kind != "count" and second.unit != first.unit:
            continue
        if second.scaled and not first.scaled and first.value < second.value / _scale_of(second, n):
            value = first.value * _scale_of(second, n)  # "1.5 to 2 million"
        if second.value <= value or (sep.group("to") and first.kind != "count" and second.kind == "count"
                                     and not second.scaled):
            continue  # "1.2 percent to 7,245": a unit on the first alone is not a range's
        end = second.end if second.kind != "count" or first.kind == "count" else second.number_end
        return first._replace(end=max(end, first.end), value=value, high=second.value, unit=unit, kind=kind,
                              scaled=first.scaled or second.scaled)
    return None


def _after_change_verb(low: str, start: int) -> bool:
    """Whether a verb of change in amount comes right before a figure, hedges and "by" skipped ("rose 9%",
    "fell by nearly 3%"); "rose from 5% to 7%" states the span it moved over, a range."""
    lex = _LEX
    head = low[start - 50 if start > 50 else 0:start]
    hedge = lex.hedge_before.match(head[::-1])
    head = head[: len(head) - hedge.end()] if hedge else head
    words = _LOWER_WORDS.findall(head)[-2:]
    if words and words[-1] == "by":
        words = words[:-1]
    return bool(words) and words[-1] in lex.change_verbs


def _scale_of(measure: _Measure, m: re.Match) -> float:
    """The scale a scaled number was multiplied by ("2 million": 1e6)."""
    raw = float(m.group("digits").translate(_GROUPING)) if m.group("digits") else _words_value(m.group("words"))[0]
    return measure.value / raw if raw else 1.0


def _with_subunit(text: str, low: str, unit: str, end: int, value: float) -> tuple[int, float]:
    """A measure with the smaller unit written after it ("3 dollars 50 cents", "6ft 2in", "thirteen dollars
    and forty-five cents"): (new end, value in the larger unit); else (end, value) unchanged."""
    lex = _LEX
    smaller = lex.subunits.get(unit)
    if smaller is None:
        return end, value
    join = _SUBUNIT_JOIN.match(low, end)
    n = lex.number_at.match(low, join.end())
    if not n or not (n.group("digits") or n.group("words")) or n.group("sign"):
        return end, value
    part = _measure(text, low, n, "", join.end())
    bare = join.group("hyphen") and part and part.unit == "" and part.number_end == part.end  # "5-foot-10"
    if part is None or (part.unit != smaller[0] and not bare) or part.high is not None or part.value >= smaller[1]:
        return end, value
    return part.end, value + part.value / smaller[1]


def _conversion_end(text: str, low: str, kind: str, end: int) -> int:
    """End of a parenthesised conversion right after a measure of a kind, ending at end ("62 mph (100 km/h)",
    "5,400 yuan ($780)")."""
    lex = _LEX
    opened = _CONVERSION_OPEN.match(low, end)
    if not opened:
        return end
    at = opened.end()
    currency = ""
    cur = lex.currency_at.match(text, at)
    if cur:
        currency, at = lex.currencies[cur.group("cur")], cur.end()
    n = lex.number_at.match(low, at)
    if not n or not n.group("digits"):
        return end
    inner = _measure(text, low, n, currency, at)
    if inner is None or inner.kind in ("count", "age"):
        return end
    if inner.kind != kind and "money" not in (inner.kind, kind):
        return end
    inner = _range(text, low, inner, n) or inner
    closed = _CONVERSION_CLOSE.match(low, inner.end)
    return closed.end() if closed else end


def _figure(text: str, low: str, m: re.Match) -> Figure | None:
    """Interpret one number match, or None if it is not a figure (date, designator, score, idiom...)."""
    lex = _LEX
    digits, words = m.group("digits", "words")
    if digits and len(digits) == 4 and _bare_year(text, low, m):
        return None
    is_digits = bool(digits)
    m_start, m_end = m.span()
    currency, start = _currency_before(text, m_start) if is_digits else ("", m_start)
    if start == m_start and start and text[start - 1].isalpha():
        return None  # digits glued to letters that are no currency symbol ("AR15", "rm5")
    if is_digits and not currency and low[m_end:m_end + 1].isalpha() and (
            digits + low[m_end] in lex.video_formats and not low[m_end + 1:m_end + 2].isalnum()):
        return None  # "1080p video", "a 4K TV": a format
    measure = _measure(text, low, m, currency, start)
    if measure is None:
        return None
    _, end, number_end, value, high, unit, kind, vague, scaled, _, suffix = measure  # the fields read once
    bare = is_digits and not scaled and not suffix and kind == "count"
    prev = _previous_word(text, start) if kind == "count" else None  # only a count is judged by it
    prev_word = prev[0].lower() if prev else ""
    if bare and (_is_date_number(text, low, m_start, m_end, value, digits, prev)
                 or _is_designator(text, low, m_end, prev)
                 or _is_clock_time(low, m_start, m_end, digits)
                 or _is_score(low, m_start, m_end, value)
                 or _ARITHMETIC.match(low, m_end) or _OPERATOR_BEFORE.search(low, start - 3 if start > 3 else 0, start)
                 or (value <= 10 and _CLAUSE_END.match(text, m_end)
                     and _RATING.search(text, start - 30 if start > 30 else 0, start))
                 or _ADDRESS.match(text, m_end)
                 or _LEADING_ZERO.match(digits)
                 or _AFTER_LEADING_ZERO.search(text, start - 12 if start > 12 else 0, start)
                 or (_ENUMERATOR_AFTER.match(text, m_end) and _ENUMERATOR.search(text, start - 8 if start > 8 else 0, start))):
        return None
    if is_digits and end == m_end + 1 and text[m_end].isupper() and _is_designator(
            text, low, end, _previous_word(text, start)):
        return None  # a capital glued to digits after a name: "Boeing 777F freighter", not 777 °F
    word_count = words and not scaled and kind == "count"
    if word_count and ((prev_word in lex.anaphoric and value < 10) or prev_word in lex.designator_nouns):
        return None  # "the two countries", "channel four"
    ranged = _range(text, low, measure, m) if (is_digits or words) and not suffix else None
    if word_count and value == 1 and not ranged and not _ONE_IN.match(low, m_end) and not (
            _people_verb_before(low, start) or _ONE_PASSIVE.match(low, m_end)):
        return None  # "one of the most"; not "one in three", "one to two", "killed one civilian", "one man was killed"
    if ranged:
        _, end, number_end, value, high, unit, kind, vague, scaled, _, suffix = ranged
    measured_kind = kind  # before a vague count of money or a count of a duration is told apart
    if kind == "count" and vague and prev_word in lex.money_verbs:
        kind = "money"
    if kind == "count" and not vague:
        after = _DATED.match(low, end)
        dated = after.group("unit") if after else None
        noun = lex.units.get(dated, ("", "")) if dated else ("", "")
        between = _LOWER_WORDS.findall(low, end, after.start("unit")) if noun[1] == "duration" else []
        if noun[1] == "duration" and not any(w in lex.number_words or looks_plural(w) for w in between):
            # "three short years ago": a duration, and in `dates` a relative date too
            unit, kind, end = noun[0], "duration", after.end("unit")
    before = low[start - 40 if start > 40 else 0:start]
    approximate = bool(ranged or lex.hedge_before.match(before[::-1]) or lex.hedge_after.match(low, end))
    if not is_digits:
        acount, article, ascale = m.group("acount", "article", "ascale")
        if acount:
            approximate = approximate or lex.article_counts[m.group("acword")][1]
        if article and not ascale and kind == "duration" and not approximate:
            return None  # "a day", "a year" claim no quantity unless hedged ("almost an hour")
    if kind not in ("count", "age"):
        if high is None:
            end, value = _with_subunit(text, low, unit, end, value)
        end = _conversion_end(text, low, measured_kind, end)
    counted = ""
    if kind in ("count", "age"):
        plural = kind == "count" and value != 1 and not suffix
        counted = _counted(text, end, plural) or (
            _counted_from_clause(low, text, start) if kind == "count" else "")
        if suffix and not lex.count_suffix.match(low, number_end):
            counted = text[number_end + 1:end]  # "a 40-page report" counts pages
        if not counted and kind == "count" and _people_verb_before(low, start):
            counted = "people"
    sign = lex.sign_before.search(low, start - 12 if start > 12 else 0, start) if (
        (kind != "count" or not (counted or vague)) and high is None and value > 0) else None
    if sign:  # "minus 5 degrees", "negative 2 percent", "minus 5" (a count of nothing named)
        start, value = sign.start(), -value
    return _new_figure(start, end, text[start:end], value, high, unit, kind, counted, approximate, vague)


def parse_figures(text: str) -> list[Figure]:
    """Every figure in a string, in text order (no source: that needs the quotes of a corpus)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_figures expects a str, got {type(text).__name__}")
    lex = _lexicon()
    low, utf8 = lowered_utf8(text)
    found: list[Figure] = []
    taken = 0
    ages = {m.start("age"): m for m in _AGE_DECADE.finditer(low)} if _DECADE.search(low) else {}
    for start in sorted(_candidates(low, utf8) + list(ages)):
        if start in ages:  # "in his 60s": an age from 60 to 69
            m = ages.pop(start)
            low_year, high_year = _decade_parts()[m.group("part") or ""]
            decade = float(m.group("decade"))
            found.append(_new_figure(start, m.end(), text[start:m.end()], decade + low_year, decade + high_year,
                                     "year", "age", "", True, False))
            taken = m.end()
            continue
        if start < taken:
            continue
        m = lex.number_at.match(low, start)
        fig = _figure(text, low, m) if m else None
        if fig is None:
            continue
        taken = fig.end
        if fig.kind == "count" and not fig.counted and _CLAUSE_END.match(text, fig.end):
            fig = replace(fig, counted=_elided_counted(text, found, fig))
        found.append(fig)
    return found


@cache
def _decade_parts() -> dict[str, list[int]]:
    """The years of a decade of life each qualifier covers ("early": 0-3), from quantifiers.yaml."""
    return _data("quantifiers.yaml")["decade_parts"]


_DECADE = re.compile(r"0[’']?s")  # what an age decade ends with; a literal first, which the engine skips to
_AGE_DECADE = re.compile(rf"\bin\s+{one_of(grammar('possessive_determiners'))}\s+(?P<age>(?:(?P<part>"
                         rf"{one_of(part for part in _decade_parts() if part)})[\s-]?)?(?P<decade>[1-9]0)[’']?s)\b")


def _candidates(low: str, utf8: bytes) -> list[int]:
    """Offsets where a figure may start, in order: digits (a regex) and number words (an automaton), neither
    inside a word; of number words overlapping each other, the leftmost longest. Both are found on the text's
    marks (_MARKS), made from utf8, low's UTF-8 bytes."""
    marks = _marks(utf8)
    starts = _digit_starts(low, marks)
    words = _word_starts(low, marks)
    return sorted(starts + words) if words else starts


def _word_starts(low: str, marks: str) -> list[int]:
    """Offsets where number words start (_candidates), found on marks (low's _marks) with a space in front, so
    that a phrase may open the text; each phrase the automaton finds is checked on the text itself."""
    n, last_end = len(low), -1
    words = []
    hits = _LEX.word_starts.iter(" " + marks)
    # the phrase ends at end - 1 (the space in front shifts the marks by one); leftmost first, then longest
    for start, _, end, phrases in sorted([(end - length, -length, end, phrases) for end, (length, phrases) in hits]):
        if start <= last_end:
            continue
        before = low[start - 1] if start else " "
        if before.isalnum() or before in _BEFORE_START or before == "_":
            continue
        # the phrases found here are as long as the span; a phrase over a line break ("a\nmillion") too
        if (end < n and (low[end].isalnum() or low[end] == "_")) or low[start:end].replace("\n", " ") not in phrases:
            continue
        words.append(start)
        last_end = end - 1
    return words


_DIGIT_RUN = re.compile(r"00*")  # "0+" has no literal prefix for the engine to skip to


def _digit_starts(low: str, marks: str) -> list[int]:
    """The offsets digit_start matches at, in order (marks: low's _marks, where only digits are "0"). Each of
    its matches is one character, a digit or a minus sign before one, and none follows a digit, so it is tried
    only at the first digit of each run of digits and at a sign right before it."""
    pattern = _LEX.digit_start
    starts = []
    for run in _DIGIT_RUN.finditer(marks):
        first = run.start()
        if first and low[first - 1] in "-−" and pattern.match(low, first - 1):
            starts.append(first - 1)
        if pattern.match(low, first):
            starts.append(first)
    return starts


def _elided_counted(text: str, found: list[Figure], fig: Figure) -> str:
    """What a bare count counts when its noun is left out: the previous count in its sentence
    ("thousands of people ... only a few hundred"), else an earlier count of the same value."""
    counts = (f for f in reversed(found) if f.kind == "count" and f.counted)
    last = next(counts, None)
    if last and not _SENTENCE_BREAK.search(text, last.end, fig.start):
        return last.counted
    return next((f.counted for f in chain([last], counts) if f and f.value == fig.value), "")


def attribute(figs: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Source of each figure: the speaker of the innermost statement whose content contains it, else "author";
    a named speaker (an actor id or a name) is preferred to an unnamed one around it ("He said initial reports
    estimate that ... $500 billion": his figure); of equals, the statement first in the quotes table."""
    source = pd.Series(AUTHOR, index=figs.index, dtype=object)
    if figs.empty or quotes.empty:
        return source
    unnamed = quotes["speaker"].fillna("").str.match(r"(?:[a-z]\S*|The|A|An|Some)\s")  # words, not an id or name
    rows: dict[str, list[tuple]] = {}
    for order, (doc_id, start, end, vague, speaker) in enumerate(zip(
            quotes["doc_id"], quotes["content_start"], quotes["content_end"], unnamed, quotes["speaker"])):
        rows.setdefault(doc_id, []).append((int(start), int(end), bool(vague), order, speaker))
    statements = {doc_id: Intervals.of(spans) for doc_id, spans in rows.items()}
    for i, doc_id, start, end in zip(figs.index, figs["doc_id"], figs["start"], figs["end"]):
        holding = statements[doc_id].holding(int(start), int(end)) if doc_id in statements else []
        if holding:
            speaker = min(holding, key=lambda r: (r[2], r[1] - r[0], r[3]))[4]
            source.at[i] = speaker if isinstance(speaker, str) and speaker else UNKNOWN_SPEAKER
    return source


@cache
def _topics() -> tuple[dict, int, list[tuple[str, frozenset]], dict[str, str]]:
    """(topic by kind, cue window, [(topic, cue words)], topic by counted head noun) from data/figure_topics.yaml."""
    raw = _data("figure_topics.yaml")
    heads = {word: topic for topic, words in raw["counted"].items() for word in words}
    return raw["by_kind"], raw["cue_window"], [(t, frozenset(w)) for t, w in raw["cues"].items()], heads


def topic(text: str, fig: Figure) -> str:
    """What a figure is about: by its kind, else by a cue word near it, else by the noun it counts."""
    by_kind, window, cues, heads = _topics()
    if fig.kind in by_kind:
        return by_kind[fig.kind]
    near = _LOWER_WORDS.findall(text[max(0, fig.start - 12 * window):fig.start].lower())[-window:]
    near += _LOWER_WORDS.findall(text[fig.end:fig.end + 12 * window].lower())[:window]
    for name, words in cues:
        if words.intersection(near):
            return name
    head = fig.counted.lower().split()[-1].strip("’'") if fig.counted else ""
    return heads.get(head, "other")


def document_figures(doc_id: str, text: str, sentences: list) -> list[dict]:
    """Figure rows for one document (its rows of the sentences table, in order; source still "author": see
    attribute)."""
    found = parse_figures(text)
    sent_ids, in_body = sentence_lookup(sentences, [f.start for f in found])
    return [{"doc_id": doc_id, "sent_id": sent_id, **vars(fig), "source": AUTHOR, "in_body": body,
             "topic": topic(text, fig)} for fig, sent_id, body in zip(found, sent_ids, in_body)]


def sentences_by_document(corpus: Corpus) -> Iterator[tuple[str, list]]:
    """Each document's rows of the sentences table in text order, documents by doc_id (one sort for the whole
    corpus)."""
    return ((doc_id, sorted(rows, key=attrgetter("start"))) for doc_id, rows in sorted(corpus.rows("sentences").items()))


def sentence_lookup(sentences: list, starts: list[int]) -> tuple[list[int], list[bool]]:
    """sent_id and in_body of the sentence holding each offset (rows of one document's sentences, in order; before
    the first, the first): a bisection per offset, as a document holds few (numpy's per-call cost is more)."""
    firsts = [s.start for s in sentences] if starts else []
    held = [sentences[max(bisect_right(firsts, offset) - 1, 0)] for offset in starts]
    return [s.sent_id for s in held], [s.in_body for s in held]


def figures(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Every figure in the corpus, one row each, attributed to whoever the quotes table says cites it."""
    rows = []
    for doc_id, sentences in sentences_by_document(corpus):
        rows += document_figures(doc_id, corpus.texts[doc_id], sentences)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["source"] = attribute(table, quotes)
    return table.astype({"start": int, "end": int, "sent_id": int, "value": float, "value_high": float,
                         "approximate": bool, "vague": bool, "in_body": bool})


def readable_number(value: float) -> str:
    """A value as a reader writes it: "500 billion", "2.5 million", "7,000", "0.667"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.3g}"


def readable_range(value: float, high: float | None) -> str:
    """A value, or a range from it to high, as a reader writes it: "7,000", "10,000–100,000"."""
    low = readable_number(value)
    return low if high is None or pd.isna(high) else f"{low}–{readable_number(float(high))}"


def _same_figure_key(row: pd.Series) -> str:
    """A readable key shared by mentions of the same figure: value (a range by both ends: "10,000–100,000")
    and unit, or value and counted head noun."""
    value = readable_range(float(row["value"]), float(row["value_high"]))
    if row["kind"] != "count":
        return f"{value} {row['unit']}".strip()
    head = row["counted"].lower().split()[-1].strip("’'") if row["counted"] else ""
    return f"{value} {head}".strip()


def recurring_figures(corpus: Corpus, figures: pd.DataFrame) -> pd.DataFrame:
    """Figures stated in more than one document ("$500 billion" and "$ 500 billion"; the same count of
    the same thing), one row per mention, with who each document attributes it to and how it is hedged.
    A time span that dates an event ("two days later") is left out: it places the event and claims nothing."""
    if figures.empty:
        return pd.DataFrame(columns=RECURRING_COLUMNS)
    keyed = figures.assign(figure=figures.apply(_same_figure_key, axis=1))
    keyed = keyed[~((keyed.kind == "count") & (keyed.counted == ""))]
    dating = [kind == "duration" and bool(_DIRECTION_AFTER.match(corpus.texts[doc_id], end))
              for doc_id, kind, end in zip(keyed.doc_id, keyed.kind, keyed.end)]
    keyed = keyed[~pd.Series(dating, index=keyed.index, dtype=bool)]  # "two days later" dates, it claims nothing
    n_docs = keyed.groupby("figure")["doc_id"].transform("nunique")
    keyed = keyed.assign(n_docs=n_docs)[n_docs > 1]
    sentences = corpus.sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    names = corpus.documents[["doc_id", "short_name"]]
    out = keyed.merge(names, on="doc_id").merge(sentences, on=["doc_id", "sent_id"])
    return out.sort_values(["n_docs", "figure", "doc_id", "start"], ascending=[False, True, True, True])[
        RECURRING_COLUMNS].reset_index(drop=True)


def figures_by_kind(corpus: Corpus, figs: pd.DataFrame) -> pd.DataFrame:
    """How many figures of each kind and topic each document (outlet) states: doc_id, short_name, kind, topic, figures."""
    counts = figs.groupby(["doc_id", "kind", "topic"]).size().rename("figures").reset_index()
    return counts.merge(corpus.documents[["doc_id", "short_name"]], on="doc_id")[
        ["doc_id", "short_name", "kind", "topic", "figures"]].sort_values(["doc_id", "kind", "topic"]).reset_index(drop=True)


def sources_by_outlet(corpus: Corpus, figs: pd.DataFrame, unlisted: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who each document's figures are attributed to: doc_id, short_name, source, source_name, source_type, figures.

    source_type is the actor's catalogue type (person, organization, media, ...), or for an actor the catalogue
    lacks its name and type from `unlisted` (the candidates table: actor_id, name, type), "author" for figures the
    writer states, or "unnamed" for a speaker no table names ("Iraqi security officials")."""
    actors = catalogue().set_index("actor_id")
    if unlisted is not None:
        actors = pd.concat([actors, unlisted.set_index("actor_id")[["name", "type"]]])
    counts = figs.groupby(["doc_id", "source"]).size().rename("figures").reset_index()
    known = counts["source"].isin(actors.index)
    counts["source_name"] = counts["source"].map(actors["name"]).where(known, counts["source"])
    counts["source_type"] = counts["source"].map(actors["type"]).where(known, "unnamed")
    counts.loc[counts["source"] == AUTHOR, ["source_name", "source_type"]] = ["the author", AUTHOR]
    out = counts.merge(corpus.documents[["doc_id", "short_name"]], on="doc_id")
    return out[["doc_id", "short_name", "source", "source_name", "source_type", "figures"]].sort_values(
        ["doc_id", "figures", "source"], ascending=[True, False, True]).reset_index(drop=True)
