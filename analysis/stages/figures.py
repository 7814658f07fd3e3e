"""Figures cited: numbers that quantify something, with value, unit, kind, what they count and who cites them.

A figure is a number written in digits, in words ("ten thousand") or as a vague magnitude
("hundreds of thousands"), with its currency, scale word and unit ("$ 500 billion", "800 metres",
"14 year old"). Calendar dates, clock times, ordinals, designators ("F-22", "Attribution 4.0") and
idioms that claim no quantity ("one of the most", "the two countries") are not figures.
Spelled-out numbers are parsed by the text2num library; the vocabularies live in
data/units.yaml and data/quantifiers.yaml.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import chain
from typing import NamedTuple

import pandas as pd
import yaml
from text_to_num import text2num

from analysis.stages.actors import catalogue
from analysis.stages.corpus import Corpus, locate
from analysis.stages.dateparse import MONTHS
from analysis.text import lowered
from analysis.stages.quotes import quotes as find_quotes

COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "value", "unit", "kind", "counted",
           "approximate", "vague", "source", "in_body", "topic"]
RECURRING_COLUMNS = ["figure", "n_docs", "doc_id", "label", "surface", "approximate", "vague", "source",
                     "counted", "sentence", "start", "end"]
AUTHOR = "author"
UNKNOWN_SPEAKER = "unknown"
_DATE_FOLLOWERS = ("ago", "later", "earlier", "after", "before")
_HALF_OF_A_PERIOD = frozenset({"first", "second", "last", "other", "latter", "former"})


@dataclass(frozen=True)
class Figure:
    """One quantitative expression in a text; start/end are str offsets, end exclusive."""

    start: int
    end: int
    surface: str
    value: float
    unit: str
    kind: str
    counted: str
    approximate: bool
    vague: bool


def _data(name: str) -> dict:
    """A YAML file from analysis/data."""
    return yaml.safe_load(resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8"))


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


_SCALE_VALUES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0}


@dataclass(frozen=True)
class _Lexicon:
    """Compiled patterns and lookup tables built from the data files."""

    candidates: re.Pattern
    number_at: re.Pattern
    after_digits: re.Pattern
    unit_after: re.Pattern
    age_after: re.Pattern
    currency_before: re.Pattern
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    scales: dict[str, float]
    all_scales: dict[str, float]
    vague: dict[str, float]
    units: dict[str, tuple[str, str]]  # lower-cased spelling -> (unit code, kind)
    currencies: dict[str, str]  # lower-cased symbol or word -> currency code
    anaphoric: frozenset[str]
    counted_stop: frozenset[str]
    money_verbs: frozenset[str]
    fractions: dict[str, int]
    count_suffix: re.Pattern


@cache
def number_words() -> tuple[str, ...]:
    """Spelled-out numbers that may form a figure (data/quantifiers.yaml)."""
    return tuple(_data("quantifiers.yaml")["number_words"])


@cache
def _lexicon() -> _Lexicon:
    """Build the patterns once from data/units.yaml and data/quantifiers.yaml."""
    q, u = _data("quantifiers.yaml"), _data("units.yaml")
    currencies: dict[str, str] = {}
    for code, spec in u["currencies"].items():
        for spelling in spec["symbols"] + spec["words"] + spec["prefix_words"]:
            currencies[spelling.lower()] = code
    units = {w.lower(): (code, spec["kind"]) for code, spec in u["units"].items() for w in spec["words"]}
    symbols = [s for spec in u["currencies"].values() for s in spec["symbols"]]
    currency_words = [w for spec in u["currencies"].values() for w in spec["words"]]
    prefix_words = [w for spec in u["currencies"].values() for w in spec["prefix_words"]]
    scale_words = list(_SCALE_VALUES)
    starters = (list(number_words()) + list(q["vague"]) + q["vague_modifiers"]
                + [f"{article} {w}" for article in ("a", "an") for w in scale_words + list(units) + list(q["fractions"])]
                + [f"half {article} {w}" for article in ("a", "an") for w in scale_words] + ["half of"])
    word = alternation(number_words())
    vague_word = alternation(q["vague"])
    scale_word = alternation(scale_words)
    fraction_word = alternation(q["fractions"])
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?!\d)"
    number_at = re.compile(
        rf"(?P<sign>[-−](?=\d))?(?P<digits>{digits})"
        rf"|(?P<mod>{alternation(q['vague_modifiers'])})\s+(?P<modscale>{scale_word})\b"
        rf"|(?P<vague>{vague_word}(?:\s+of\s+{vague_word})*)\b"
        rf"|(?P<half>half)\s+an?\s+(?P<hscale>{scale_word})\b"
        rf"|(?P<halfof>half)(?=\s+of\b)"
        rf"|(?P<fnum>{word}|an?)(?P<fsep>[\s-]+)(?P<denom>{fraction_word})\b(?P<fof>(?=\s+of\b))?"
        rf"|(?P<article>an?)\s+(?:(?P<ascale>{scale_word})\b|(?={alternation(units)}\b))"
        rf"|(?P<words>{word}(?:(?:\s+and\s+|[\s-]+){word})*)"
        rf"(?:\s+and\s+an?\s+(?P<wfrac>{fraction_word})(?:\s+(?P<wscale>{scale_word}))?)?\b",
        re.IGNORECASE,
    )
    all_scales = {**q["scales"], **q["currency_only_scales"]}
    unit_words = list(units) + currency_words
    return _Lexicon(
        candidates=re.compile(rf"(?<![\w'’.,/:-])(?:\d|[-−]\d|{alternation(w.lower() for w in starters)}\b)"),
        number_at=number_at,
        after_digits=re.compile(rf"[ \u00a0]?(?P<scale>{alternation(all_scales)})(?![\w])", re.IGNORECASE),
        unit_after=re.compile(rf"(?:\s+of)?[\s-]*(?P<unit>{alternation(unit_words)})(?![\w])", re.IGNORECASE),
        age_after=re.compile(
            r"[\s-]*(?P<unit>year|month|week|day)s?(?:[\s-]+old\b|\s+of\s+age\b)", re.IGNORECASE
        ),
        currency_before=re.compile(
            rf"(?:(?<![\w])(?P<word>{alternation(prefix_words)})|(?-i:(?P<sym>{alternation(symbols)})))[ \u00a0]?$",
            re.IGNORECASE,
        ),
        hedge_before=re.compile(rf"\s+{alternation(h[::-1] for h in q['hedges_before'])}(?![\w])", re.IGNORECASE),
        hedge_after=re.compile(rf"\s*{alternation(q['hedges_after'])}\b", re.IGNORECASE),
        scales={k.lower(): float(v) for k, v in q["scales"].items()},
        all_scales={k.lower(): float(v) for k, v in all_scales.items()},
        vague={k.lower(): float(v) for k, v in q["vague"].items()},
        units=units,
        currencies=currencies,
        anaphoric=frozenset(q["anaphoric_determiners"]),
        counted_stop=frozenset(q["counted_stop"]),
        money_verbs=frozenset(q["money_verbs"]),
        fractions={k.lower(): int(v) for k, v in q["fractions"].items()},
        count_suffix=re.compile(alternation(q["count_suffixes"]) + r"\b", re.IGNORECASE),
    )


_TOKEN = re.compile(r"\s*([A-Za-z][\w’'-]*)")
_WORD_LIKE = re.compile(r"[A-Za-z][\w’'.-]*")
_NEXT_WORD = re.compile(r"\s*(?:of\s+)?([A-Za-z]+)")
_CLOCK_DIGITS = re.compile(r"[0-2]?\d[.:][0-5]\d")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\b\.?|(?:gmt|utc|bst|cet|cest|est|edt|pst|pdt|ast)\b|local time\b)", re.IGNORECASE)
_ORDINAL_OR_CODE = re.compile(r"[A-Za-z]|-[A-Za-z]|[:./]\d|\s?[ap]\.?m\b", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s?(?:-|–|—|to)\s?(?P<high>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,.]\d)")
_RANGE_AND = re.compile(r"\s+and\s+(?P<high>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,.]\d)")
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]”\"]|$)")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s+", re.IGNORECASE)
# What a count closing its clause counts: the subject of "X is (estimated to be) N", "X rose to N", or the
# object of "put X at N".
_NUMBER_OF = re.compile(
    r"(?P<np>[A-Za-z][\w’' -]*?)\s+(?:(?:is|are|was|were)\s+(?:estimated|thought|believed|said|reported|put)?"
    r"\s*(?:to\s+be|at)?|(?:(?:has|have|had)\s+)?(?:stood|stands|rose|rises|risen|climbed|climbs|reached|reaches"
    r"|hit|hits|topped|tops|exceeded|exceeds)(?:\s+(?:to|at))?)\s*$"
    r"|\b(?:put|puts|putting|estimated|estimates|estimate|placed|places)\s+(?P<object>[A-Za-z][\w’' -]*?)\s+at\s*$",
    re.IGNORECASE,
)
_IRREGULAR_PLURALS = frozenset(
    "people men women children troops police personnel staff civilians dead wounded injured missing displaced "
    "killed militia cattle sheep".split()
)


def _text2num(phrase: str) -> float:
    """text2num's value of number words; it stops at billions, so "N trillion M" is composed here."""
    phrase = phrase.lower().replace("-", " ")
    head, trillion, tail = phrase.rpartition("trillion")
    if not trillion:
        return float(text2num(phrase, "en"))
    tail = tail.strip().removeprefix("and ").strip()
    return (_text2num(head.strip()) if head.strip() else 1.0) * 1e12 + (_text2num(tail) if tail else 0.0)


def _words_value(words: str) -> tuple[float, int] | None:
    """Value of spelled-out number words and how many characters of them it uses (longest parsable prefix)."""
    tokens = list(re.finditer(r"[A-Za-z]+", words))
    for n in range(len(tokens), 0, -1):
        try:
            return _text2num(words[: tokens[n - 1].end()]), tokens[n - 1].end()
        except ValueError:
            continue
    return None


def looks_plural(word: str) -> bool:
    """Rough test that a word is a plural noun ("troops", "people"), used to tell counts from years."""
    w = word.lower()
    return w in _IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))


def _previous_word(text: str, start: int, reach: int = 30) -> tuple[str, int] | None:
    """The word separated by spaces from offset start, and where it begins, if there is one."""
    head = text[max(0, start - reach):start]
    stripped = head.rstrip(" \u00a0")
    if stripped == head or not stripped:
        return None
    word = stripped.split()[-1]
    if not _WORD_LIKE.fullmatch(word):
        return None
    return word, start - (len(head) - len(stripped)) - len(word)


def _is_date_number(text: str, end: int, value: float, raw: str, before: tuple[str, int] | None) -> bool:
    """Whether bare digits are part of a date: a year, or a day next to a month name (before: the word before)."""
    if before and before[0].lower().rstrip(".") in MONTHS:
        return True
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).lower() in MONTHS:
        return True
    is_year = len(raw) == 4 and raw.isdigit() and 1000 <= value <= 2099
    return is_year and not (after and looks_plural(after.group(1)))


def _is_clock_time(text: str, end: int, raw: str) -> bool:
    """Whether digits are a time of day: "18.44 GMT", "9.30 p.m."."""
    return bool(_CLOCK_DIGITS.fullmatch(raw) and _CLOCK_AFTER.match(text, end))


def _is_designator(text: str, end: int, before: tuple[str, int] | None) -> bool:
    """Digits inside a name or model ("Attribution 4.0 International", "Resolution 2254.")."""
    if not before or not before[0][0].isupper() or before[0].lower() in _lexicon().units:
        return False
    word_start = before[1]
    if word_start == 0 or _SENTENCE_END.search(text, max(0, word_start - 3), word_start):
        return False
    after = re.match(r"\s*(\S)", text[end:end + 3])
    return not after or after.group(1).isupper() or after.group(1) in ".,;:)"


def _counted(text: str, pos: int, plural: bool, limit: int = 4) -> str:
    """The noun phrase right after a count ("2,000 [US ground troops] are ..."), or "". With plural, it ends
    at its last plural-looking or capitalised word ("three [struck] the airport" counts nothing named)."""
    stop = _lexicon().counted_stop
    m = re.match(r"\s+of\s+(?:(?:the|these|those|its|their)\s+)?", text[pos:pos + 30])
    if m:
        pos += m.end()
    words: list[str] = []
    while len(words) < limit:
        m = _TOKEN.match(text, pos)
        if not m or (m.start(1) > pos and not text[pos:m.start(1)].isspace()):
            break
        token = m.group(1)
        lower = token.lower()
        if lower in stop or (words and lower.endswith(("ed", "ing"))):
            break
        words.append(token)
        pos = m.end()
        if token.endswith(("’", "'")) and not text.startswith(" ", pos):
            break
        if not text.startswith(" ", pos):
            break
    while plural and words and words[-1][0].islower() and not looks_plural(words[-1].rstrip("’'")):
        words.pop()
    return " ".join(words).rstrip("’'")


def _counted_from_clause(text: str, start: int) -> str:
    """For "The number of X is estimated to be around 7000", "the X rose to 37", "put the X at 37": X."""
    head = text[max(0, start - 120):start]
    head = re.split(r"[.!?;:]\s", head)[-1]
    hedge = _lexicon().hedge_before.match(head[::-1])
    head = head[: len(head) - hedge.end()] if hedge else head
    m = _NUMBER_OF.search(head)
    if not m:
        return ""
    phrase = re.split(r"\bof\s+", m.group("np") or m.group("object"))[-1]
    return " ".join(_DETERMINER.split(phrase)[-1].split()[-3:])


def _currency_before(text: str, start: int) -> tuple[str, int]:
    """A currency symbol or code written just before a number ("$", "US $", "USD "): (code, new start)."""
    lex = _lexicon()
    m = lex.currency_before.search(text, max(0, start - 6), start)
    if not m:
        return "", start
    return lex.currencies[re.sub(r"\s+", " ", (m.group("word") or m.group("sym")).lower())], m.start()


def _counts_after(text: str, pos: int) -> bool:
    """Whether a plural noun that is not a unit follows ("3m people": million, not metres)."""
    after = _NEXT_WORD.match(text, pos)
    return bool(after) and looks_plural(after.group(1)) and after.group(1).lower() not in _lexicon().units


class _Number(NamedTuple):
    """A number's value, where it ends (with any scale word), and how it was written."""

    value: float
    end: int
    vague: bool = False
    scaled: bool = False
    fraction: bool = False


def _number(text: str, m: re.Match) -> _Number | None:
    """Value of the number matched at m, or None if the words do not make a number."""
    lex = _lexicon()
    end = m.end()
    if m.group("digits"):
        value = float(re.sub(r"[,\s]", "", m.group("digits"))) * (-1 if m.group("sign") else 1)
        scale = lex.after_digits.match(text, end)
        if scale:
            word = scale.group("scale").lower()
            if word in lex.scales or _currency_before(text, m.start())[0] or _counts_after(text, scale.end()):
                return _Number(value * lex.all_scales[word], scale.end(), scaled=True)
        return _Number(value, end)
    if m.group("mod"):
        return _Number(_SCALE_VALUES[m.group("modscale").lower()], end, vague=True, scaled=True)
    if m.group("vague"):
        value = 1.0
        for word in re.findall(r"[A-Za-z]+", m.group("vague")):
            value *= lex.vague.get(word.lower(), 1.0)
        return _Number(value, end, vague=True, scaled=True)
    if m.group("half"):
        return _Number(_SCALE_VALUES[m.group("hscale").lower()] / 2, end, scaled=True)
    if m.group("halfof"):
        before = _previous_word(text, m.start())
        if before and before[0].lower() in lex.anaphoric | _HALF_OF_A_PERIOD:
            return None  # "the first half of 2017", "its half of the deal"
        return _Number(0.5, end, fraction=True)
    if m.group("denom"):
        denom = m.group("denom").lower()
        singular = not denom.endswith(("s", "ves"))
        if singular and not m.group("fof") and "-" not in m.group("fsep"):
            return None  # "a third term" is an ordinal; "a third of", "one-third" are fractions
        parsed = (1.0, 0) if m.group("fnum").lower() in ("a", "an") else _words_value(m.group("fnum"))
        return _Number(parsed[0] / lex.fractions[denom], end, fraction=True) if parsed else None
    if m.group("article"):
        if m.group("ascale"):
            return _Number(_SCALE_VALUES[m.group("ascale").lower()], end, scaled=True)
        return _Number(1.0, m.end("article"))
    parsed = _words_value(m.group("words"))
    if parsed is None:
        return None
    value, used = parsed
    if m.group("wfrac") and used == len(m.group("words")):
        value += 1 / lex.fractions[m.group("wfrac").lower()]
        value *= _SCALE_VALUES[m.group("wscale").lower()] if m.group("wscale") else 1.0
        return _Number(value, end, scaled=bool(m.group("wscale")) or value >= 100)
    return _Number(value, m.start() + used, scaled=value >= 100)


def _unit(text: str, end: int, vague: bool) -> tuple[str, str, int]:
    """(unit code, kind, new end) for a unit, currency word or "year old" right after a number."""
    lex = _lexicon()
    age = lex.age_after.match(text, end)
    if age:
        return age.group("unit").lower(), "age", age.end()
    m = lex.unit_after.match(text, end)
    if not m or (not vague and " of" in text[end:m.start("unit")]):
        return "", "count", end
    spelling = re.sub(r"\s+", " ", m.group("unit").lower())
    if spelling in lex.currencies:
        return lex.currencies[spelling], "money", m.end()
    return (*lex.units[spelling], m.end())


def _range_end(text: str, m: re.Match, end: int, low: float) -> int | None:
    """End of a range written from this number ("20-30", "20 to 30", "between 20 and 30"), if there is one."""
    high = _RANGE_TO.match(text, end)
    if not high and (high := _RANGE_AND.match(text, end)):
        before = _previous_word(text, m.start())
        high = high if before and before[0].lower() == "between" else None
    if not high or float(high.group("high").replace(",", "")) <= low:
        return None
    return high.end()


def _figure(text: str, m: re.Match) -> Figure | None:
    """Interpret one number match, or None if it is not a figure (date, designator, idiom...)."""
    lex = _lexicon()
    number = _number(text, m)
    if number is None:
        return None
    value, end, vague, scaled, fraction = number
    is_digits = bool(m.group("digits"))
    suffix = lex.count_suffix.match(text, end) if is_digits and not scaled else None
    if suffix:
        end = suffix.end()  # "a 300-strong force"
    elif is_digits and not scaled and _ORDINAL_OR_CODE.match(text, end) and not (
        lex.unit_after.match(text, end) or lex.age_after.match(text, end)
    ):
        return None
    currency, start = _currency_before(text, m.start())
    ranged = _range_end(text, m, end, value) if is_digits and not suffix and not scaled else None
    if ranged:
        end = ranged  # "20-30 people", "between 20 and 30 people": the lower bound, approximate
        scale = lex.after_digits.match(text, end)
        if scale and scale.group("scale").lower() in lex.scales:  # "1.5 to 2 million"
            value, end, scaled = value * lex.scales[scale.group("scale").lower()], scale.end(), True
    unit, kind, unit_end = ("fraction", "percent", end) if fraction else _unit(text, end, vague)
    if currency:
        unit, kind = currency, "money"
    else:
        end = unit_end
    before = text[max(0, start - 40):start]
    if kind == "count":
        prev = _previous_word(text, start)
        prev_word = prev[0].lower() if prev else ""
        if is_digits and not scaled and not suffix and (
            _is_date_number(text, m.end(), value, m.group("digits"), prev)
            or _is_designator(text, m.end(), prev)
            or _is_clock_time(text, m.end(), m.group("digits"))
        ):
            return None
        if m.group("words") and not scaled and (value == 1 or (prev_word in lex.anaphoric and value < 10)):
            return None
        if vague and prev_word in lex.money_verbs:
            kind = "money"
    elif kind == "duration":
        after = _NEXT_WORD.match(text, end)
        if after and after.group(1).lower() in _DATE_FOLLOWERS:
            return None
    approximate = bool(ranged or lex.hedge_before.match(before[::-1]) or lex.hedge_after.match(text, end))
    if m.group("article") and not m.group("ascale") and not (approximate and kind == "duration"):
        return None
    counted = ""
    if kind in ("count", "age"):
        plural = kind == "count" and value != 1 and not suffix
        counted = _counted(text, end, plural) or (_counted_from_clause(text, start) if kind == "count" else "")
    return Figure(start, end, text[start:end], value, unit, kind, counted, approximate, vague)


def parse_figures(text: str) -> list[Figure]:
    """Every figure in a string, in text order (no source: that needs the quotes of a corpus)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_figures expects a str, got {type(text).__name__}")
    lex = _lexicon()
    found: list[Figure] = []
    taken = 0
    for candidate in lex.candidates.finditer(lowered(text)):
        if candidate.start() < taken:
            continue
        m = lex.number_at.match(text, candidate.start())
        fig = _figure(text, m) if m else None
        if fig is None:
            continue
        taken = fig.end
        if fig.kind == "count" and not fig.counted and _CLAUSE_END.match(text, fig.end):
            fig = replace(fig, counted=_elided_counted(text, found, fig))
        found.append(fig)
    return found


def _elided_counted(text: str, found: list[Figure], fig: Figure) -> str:
    """What a bare count counts when its noun is left out: the previous count in its sentence
    ("thousands of people ... only a few hundred"), else an earlier count of the same value."""
    counts = (f for f in reversed(found) if f.kind == "count" and f.counted)
    last = next(counts, None)
    if last and not _SENTENCE_BREAK.search(text, last.end, fig.start):
        return last.counted
    return next((f.counted for f in chain([last], counts) if f and f.value == fig.value), "")


def attribute(figs: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Source of each figure: the speaker of the innermost quote whose content contains it, else "author"."""
    source = pd.Series(AUTHOR, index=figs.index, dtype=object)
    if figs.empty or quotes.empty:
        return source
    pairs = figs[["doc_id", "start", "end"]].reset_index().merge(
        quotes[["doc_id", "speaker", "content_start", "content_end"]], on="doc_id"
    )
    inside = pairs[(pairs.content_start <= pairs.start) & (pairs.end <= pairs.content_end)]
    inside = inside.assign(width=inside.content_end - inside.content_start).sort_values(["index", "width"])
    innermost = inside.drop_duplicates("index").set_index("index")["speaker"]
    source.loc[innermost.index] = innermost.fillna(UNKNOWN_SPEAKER).replace("", UNKNOWN_SPEAKER)
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
    near = re.findall(r"[a-z]+", text[max(0, fig.start - 12 * window):fig.start].lower())[-window:]
    near += re.findall(r"[a-z]+", text[fig.end:fig.end + 12 * window].lower())[:window]
    for name, words in cues:
        if words.intersection(near):
            return name
    head = fig.counted.lower().split()[-1].strip("’'") if fig.counted else ""
    return heads.get(head, "other")


def document_figures(doc_id: str, text: str, sentences: pd.DataFrame) -> list[dict]:
    """Figure rows for one document (source still "author"; see attribute)."""
    found = parse_figures(text)
    sent_ids, in_body = sentence_lookup(sentences, [f.start for f in found])
    return [{"doc_id": doc_id, "sent_id": sent_id, **vars(fig), "source": AUTHOR, "in_body": body,
             "topic": topic(text, fig)} for fig, sent_id, body in zip(found, sent_ids, in_body)]


def sentences_by_document(corpus: Corpus) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each document's sentences in text order, documents by doc_id (one sort for the whole corpus)."""
    ordered = corpus.sentences.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    positions = ordered.groupby("doc_id", sort=True).indices
    for doc_id in sorted(positions):
        rows = positions[doc_id]
        yield doc_id, ordered.iloc[rows[0]:rows[-1] + 1]  # contiguous after the sort: a cheap slice


def sentence_lookup(sentences: pd.DataFrame, starts: list[int]) -> tuple[list[int], list[bool]]:
    """sent_id and in_body of the sentence holding each offset (sentences of one document, in order)."""
    index = locate(sentences["start"].to_numpy(), starts)
    return sentences["sent_id"].to_numpy()[index].tolist(), sentences["in_body"].to_numpy()[index].tolist()


def figures(corpus: Corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure in the corpus, one row each, attributed to whoever the text says cites it."""
    rows = []
    for doc_id, sentences in sentences_by_document(corpus):
        rows += document_figures(doc_id, corpus.texts[doc_id], sentences)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["source"] = attribute(table, find_quotes(corpus) if quotes is None else quotes)
    return table.astype({"start": int, "end": int, "sent_id": int, "value": float,
                         "approximate": bool, "vague": bool, "in_body": bool})


def readable_number(value: float) -> str:
    """A value as a reader writes it: "500 billion", "2.5 million", "7,000", "0.667"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.3g}"


def _same_figure_key(row: pd.Series) -> str:
    """A readable key shared by mentions of the same figure: value and unit, or value and counted head noun."""
    value = readable_number(float(row["value"]))
    if row["kind"] != "count":
        return f"{value} {row['unit']}".strip()
    head = row["counted"].lower().split()[-1].strip("’'") if row["counted"] else ""
    return f"{value} {head}".strip()


def recurring_figures(corpus: Corpus, figs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figures stated in more than one document ("$500 billion" and "$ 500 billion"; the same count of
    the same thing), one row per mention, with who each document attributes it to and how it is hedged."""
    figs = figures(corpus) if figs is None else figs
    if figs.empty:
        return pd.DataFrame(columns=RECURRING_COLUMNS)
    keyed = figs.assign(figure=figs.apply(_same_figure_key, axis=1))
    keyed = keyed[~((keyed.kind == "count") & (keyed.counted == ""))]
    n_docs = keyed.groupby("figure")["doc_id"].transform("nunique")
    keyed = keyed.assign(n_docs=n_docs)[n_docs > 1]
    sentences = corpus.sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    labels = corpus.documents[["doc_id", "label"]]
    out = keyed.merge(labels, on="doc_id").merge(sentences, on=["doc_id", "sent_id"])
    return out.sort_values(["n_docs", "figure", "doc_id", "start"], ascending=[False, True, True, True])[
        RECURRING_COLUMNS].reset_index(drop=True)


def figures_by_kind(corpus: Corpus, figs: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many figures of each kind and topic each document (outlet) states: doc_id, label, kind, topic, figures."""
    figs = figures(corpus) if figs is None else figs
    counts = figs.groupby(["doc_id", "kind", "topic"]).size().rename("figures").reset_index()
    return counts.merge(corpus.documents[["doc_id", "label"]], on="doc_id")[
        ["doc_id", "label", "kind", "topic", "figures"]].sort_values(["doc_id", "kind", "topic"]).reset_index(drop=True)


def sources_by_outlet(corpus: Corpus, figs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who each document's figures are attributed to: doc_id, label, source, source_name, source_type, figures.

    source_type is the actor's catalogue type (person, organization, media, ...), "author" for figures the
    writer states, or "unnamed" for a speaker the catalogue does not know ("Iraqi security officials")."""
    figs = figures(corpus) if figs is None else figs
    actors = catalogue().set_index("actor_id")
    counts = figs.groupby(["doc_id", "source"]).size().rename("figures").reset_index()
    known = counts["source"].isin(actors.index)
    counts["source_name"] = counts["source"].map(actors["name"]).where(known, counts["source"])
    counts["source_type"] = counts["source"].map(actors["type"]).where(known, "unnamed")
    counts.loc[counts["source"] == AUTHOR, ["source_name", "source_type"]] = ["the author", AUTHOR]
    out = counts.merge(corpus.documents[["doc_id", "label"]], on="doc_id")
    return out[["doc_id", "label", "source", "source_name", "source_type", "figures"]].sort_values(
        ["doc_id", "figures", "source"], ascending=[True, False, True]).reset_index(drop=True)
