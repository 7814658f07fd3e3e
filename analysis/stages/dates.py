"""Dates and times in a text: explicit ("October 4, 2017", "in 2014", "Since August") and relative
("on Tuesday", "two days later", "one year ago"), normalised to ISO at the precision stated.

Explicit calendar dates come from analysis.stages.dateparse (shared with the corpus loader). A relative
expression is resolved only when the document's own date is certain (stated in the text, not
inferred) or, for "N days later/earlier", when the date it counts from is itself resolved;
otherwise its `normalized` is empty. Weekday names resolve to the latest such day on or before the
document date (news report past events), or the next one after it when preceded by "next".
"""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd
from text_to_num import text2num

from analysis.stages.corpus import Corpus
from analysis.stages.dateparse import CALENDAR, MONTHS, WEEKDAY_NAMES, find_dates
from analysis.stages.segment import BODY
from analysis.stages.figures import alternation, looks_plural, number_words, sentence_lookup, sentences_by_document
from analysis.lexicon import one_of, tagged
from analysis.text import lowered

COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "normalized", "relative", "role", "in_body"]
PUBLICATION_KINDS = frozenset({"dateline", "byline"})

_WEEKDAYS = [day.capitalize() for day in WEEKDAY_NAMES]
_RELATIVE_DAYS: dict[str, int] = CALENDAR["relative_days"]  # "yesterday" -> -1
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3), key=len, reverse=True))
_MONTH_ALONE = re.compile(
    rf"(?<![\w'’])(?:(?:{one_of(CALENDAR['month_openers'], either_case_initial=True)}"
    rf"|{one_of(CALENDAR['period_parts'])}\s+of)\s+|[Mm]id-)"
    rf"(?P<month>{_MONTH_NAMES})\b(?![\s,]*\d)"
)
_WEEKDAY = re.compile(rf"\b(?:(?P<next>[Nn]ext)\s+)?(?P<weekday>{one_of(_WEEKDAYS)})\b")
_DEICTIC = re.compile(rf"\b(?P<word>{one_of(_RELATIVE_DAYS, either_case_initial=True)})\b")
_COUNTED_UNITS = tagged("calendar.yaml", "time_units", "counted")  # "two days ago"
_NAMED_UNITS = tagged("calendar.yaml", "time_units", "named")  # "last week"
_PERIOD_OFFSETS: dict[str, int] = CALENDAR["relative_periods"]  # "last" -> -1
_MONTH_RELATIVES: list[str] = CALENDAR["relative_months"]  # "last October"
_INDEFINITE = tagged("grammar.yaml", "articles", "indefinite")  # "a week ago"
_NUMBER_WORD = one_of(number_words())
_COUNTED_OFFSET = re.compile(
    rf"(?<![\w,.])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|\b(?:an?|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))*))"
    rf"\s+(?P<unit>{one_of(_COUNTED_UNITS)})s?\s+(?P<dir>{one_of(CALENDAR['relative_directions'])})\b",
    re.IGNORECASE,
)
_NAMED_OFFSET = re.compile(
    rf"\b(?P<which>{one_of(_PERIOD_OFFSETS, either_case_initial=True)})\s+(?P<unit>{one_of(_NAMED_UNITS)})\b")
_NAMED_MONTH = re.compile(rf"\b(?P<which>{one_of(_MONTH_RELATIVES, either_case_initial=True)})\s+(?P<month>{_MONTH_NAMES})\b(?![\s,]*\d)")
_DIRECTIONS: dict[str, int] = CALENDAR["relative_directions"]  # "ago": -1, "later": 1, ...
_FROM_WRITING = frozenset(CALENDAR["counted_from_writing"])  # "ago"
_FROM_LAST_DATE = frozenset(CALENDAR["counted_from_last_date"])  # "later", "earlier"
# One fast pass over the lower-cased text finds where a relative expression may end or begin;
# the precise patterns above then run only there.
_HINT = re.compile(
    r"(?<![\w'’])"
    + alternation(
        [w.lower() for w in _WEEKDAYS] + [f"next {w.lower()}" for w in _WEEKDAYS]
        + list(_RELATIVE_DAYS)
        + [f"{which} {unit}" for which in _PERIOD_OFFSETS for unit in _NAMED_UNITS]
        + [f"{which} {month.lower()}" for which in _MONTH_RELATIVES for month in _MONTH_NAMES.split("|")]
        + [f"{unit}{s} {d}" for unit in _COUNTED_UNITS for s in ("", "s") for d in _DIRECTIONS]
    )
    + r"\b"
)
_DAY_RANGE = re.compile(r"^(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|&|-|–|to)\s+")
_TIME_AFTER = re.compile(r"\s*(?:at|,)?\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?:(?P<ap>[ap])\.?m\b\.?)?", re.I)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]* $")
_NEAR = 400  # "N days later" counts from a resolved day-precise date at most this many characters before


@dataclass(frozen=True)
class DateExpression:
    """One date or time expression; normalized is ISO at the stated precision, "" if unresolved."""

    start: int
    end: int
    surface: str
    normalized: str
    relative: bool


def _count(word: str) -> int | None:
    """The number in "two", "2", "a", "twenty-one", or None."""
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word.lower() in _INDEFINITE:
        return 1
    try:
        return int(text2num(word.lower().replace("-", " "), "en"))
    except ValueError:
        return None


def _shift(day: date, n: int, unit: str) -> str:
    """ISO for day moved by n units, at the unit's precision (days/weeks: day, months: month, years: year);
    "" when that falls outside years 1-9999 ("a million days ago")."""
    if unit in ("day", "week"):
        try:
            return (day + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        except OverflowError:
            return ""
    months = day.year * 12 + day.month - 1 + n * {"month": 1, "year": 12, "decade": 120}[unit]
    if not 12 <= months < 120_000:
        return ""
    return f"{months // 12:04d}-{months % 12 + 1:02d}" if unit == "month" else f"{months // 12:04d}"


def _named_period(day: date, n: int, unit: str) -> str:
    """ISO for "last/this/next week|month|year" seen from day: 2017-W46, 2017-12, 2016."""
    if unit == "week":
        year, week, _ = (day + timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return _shift(day, n, unit)


def _month_seen_from(day: date, offset: int, month: int) -> str:
    """"last October" (offset -1: the latest before day's month), "next October" (1: the first after), "this
    October" (0)."""
    year = day.year
    if offset < 0:
        year -= month >= day.month
    elif offset > 0:
        year += month <= day.month
    return f"{year:04d}-{month:02d}"


def _explicit(text: str) -> list[DateExpression]:
    """Calendar dates stated in full or in part, with a following clock time when there is one."""
    found = []
    for mention in find_dates(text):
        surface = text[mention.start:mention.end]
        if mention.year and mention.month is None and mention.day is None:
            after = re.match(r"\s*([A-Za-z]+)", text[mention.end:mention.end + 30])
            if after and looks_plural(after.group(1)):
                continue  # "2000 troops": a count, not a year
        normalized, end = mention.iso, mention.end
        first = _DAY_RANGE.match(surface)
        if first and mention.day:
            normalized = f"{replace(mention, day=int(first.group('first'))).iso}/{mention.iso}"
        clock = _TIME_AFTER.match(text, end) if mention.day and mention.year else None
        if clock:
            hour, half = int(clock.group("h")), (clock.group("ap") or "").lower()
            hour = hour % 12 + (12 if half == "p" else 0) if half else hour
            normalized, end = f"{normalized}T{hour:02d}:{clock.group('m')}", clock.end()
        found.append(DateExpression(mention.start, end, text[mention.start:end], normalized, False))
    for m in _MONTH_ALONE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        found.append(DateExpression(m.start("month"), m.end("month"), m.group("month"), f"--{month:02d}", False))
    return found


def _weekday(m: re.Match, anchor: date | None) -> DateExpression:
    """A weekday name: the latest such day on or before anchor, or the next one after it after "next"."""
    value = ""
    if anchor:
        back = (anchor.weekday() - _WEEKDAYS.index(m.group("weekday"))) % 7
        day = anchor + timedelta(days=(7 - back) or 7) if m.group("next") else anchor - timedelta(days=back)
        value = day.isoformat()
    return DateExpression(m.start(), m.end(), m.group(), value, True)


def _relative_at(text: str, hint: re.Match, anchor: date | None) -> DateExpression | None:
    """The relative expression a hint points at, if the precise patterns confirm it."""
    start = hint.start()
    if m := _WEEKDAY.match(text, start):
        return _weekday(m, anchor)
    if m := _DEICTIC.match(text, start):
        if m.group()[0].isupper() and _NAME_BEFORE.search(text, max(0, start - 30), start):
            return None  # "Russia Today", "USA Today": part of a name
        offset = _RELATIVE_DAYS[m.group("word").lower()]
        value = (anchor + timedelta(days=offset)).isoformat() if anchor else ""
        return DateExpression(m.start(), m.end(), m.group(), value, True)
    if m := _NAMED_OFFSET.match(text, start):
        n = _PERIOD_OFFSETS[m.group("which").lower()]
        value = _named_period(anchor, n, m.group("unit").lower()) if anchor else ""
        return DateExpression(m.start(), m.end(), m.group(), value, True)
    if m := _NAMED_MONTH.match(text, start):
        offset, month = _PERIOD_OFFSETS[m.group("which").lower()], MONTHS[m.group("month").lower()]
        value = _month_seen_from(anchor, offset, month) if anchor else ""
        return DateExpression(m.start(), m.end(), m.group(), value, True)
    m = next((c for c in _COUNTED_OFFSET.finditer(text, max(0, start - 40), hint.end()) if c.end() == hint.end()), None)
    if m is None or (n := _count(m.group("n"))) is None:
        return None
    direction = m.group("dir").lower()
    value = _shift(anchor, _DIRECTIONS[direction] * n, m.group("unit").lower()) \
        if anchor and direction in _FROM_WRITING else ""
    return DateExpression(m.start(), m.end(), m.group(), value, True)


def _relative(text: str, anchor: date | None) -> list[DateExpression]:
    """Weekdays, today/yesterday, "last year", "two days ago/later"; resolved against anchor if given."""
    found = (_relative_at(text, hint, anchor) for hint in _HINT.finditer(lowered(text)))
    return [expr for expr in found if expr is not None]


def _chain(found: list[DateExpression]) -> list[DateExpression]:
    """Resolve "N days later/earlier" from the nearest resolved day-precise date before it."""
    out: list[DateExpression] = []
    for expr in found:
        m = _COUNTED_OFFSET.fullmatch(expr.surface)
        if m and not expr.normalized and m.group("dir").lower() in _FROM_LAST_DATE:
            base = next((e for e in reversed(out) if re.fullmatch(r"\d{4}-\d\d-\d\d", e.normalized)
                         and expr.start - e.end <= _NEAR), None)
            if base:
                sign = _DIRECTIONS[m.group("dir").lower()]
                value = _shift(date.fromisoformat(base.normalized), sign * _count(m.group("n")), m.group("unit").lower())
                expr = replace(expr, normalized=value)
        out.append(expr)
    return out


def parse_dates(text: str, anchor: date | None = None) -> list[DateExpression]:
    """Every date expression in text, in order, without overlaps; relative ones resolved against anchor."""
    if not isinstance(text, str):
        raise TypeError(f"parse_dates expects a str, got {type(text).__name__}")
    candidates = sorted(_explicit(text) + _relative(text, anchor), key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[DateExpression] = []
    for expr in candidates:
        if kept and expr.start < kept[-1].end:
            continue
        kept.append(expr)
    return _chain(kept)


_PERIOD = re.compile(r"(?P<year>\d{4})(?:-W(?P<week>\d\d)|-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?")


def period_start(normalized: str) -> tuple[date, str] | None:
    """The first day of the period a normalized value names, and its precision (year, month, week, day); None for
    "" or a value without a year. Reads every form this module writes: 2017, 2017-11, 2017-W41, 2017-11-22,
    2017-11-22T09:00 and the range 2017-11-21/2017-11-22 (its first day)."""
    m = _PERIOD.match(normalized or "")
    if not m:
        return None
    year = int(m.group("year"))
    try:
        if m.group("week"):
            return date.fromisocalendar(year, int(m.group("week")), 1), "week"
        if m.group("day"):
            return date(year, int(m.group("month")), int(m.group("day"))), "day"
        if m.group("month"):
            return date(year, int(m.group("month")), 1), "month"
        return date(year, 1, 1), "year"
    except ValueError:  # a year 0000 or a month 13 from a typo in the text
        return None


def document_date(published: object, inferred: object) -> date | None:
    """A document's own date when it is certain: stated to the day (YYYY-MM-DD...) and not inferred."""
    if pd.isna(inferred) or bool(inferred) or not isinstance(published, str) or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def document_dates(doc_id: str, text: str, sentences: list, anchor: date | None) -> list[dict]:
    """Date rows for one document (its rows of the sentences table, in order); role: "publication" in a dateline or
    byline, "event" in the body, else "furniture"."""
    found = parse_dates(text, anchor)
    sent_ids, in_body = sentence_lookup(sentences, [e.start for e in found])
    kinds = {s.sent_id: s.kind for s in sentences}
    return [{"doc_id": doc_id, "sent_id": sent_id, **vars(expr), "in_body": body,
             "role": _role(kinds[sent_id])}
            for expr, sent_id, body in zip(found, sent_ids, in_body)]


def _role(kind: str) -> str:
    """What a date in a span of this kind dates: the publication, an event of the story, or page furniture."""
    return "publication" if kind in PUBLICATION_KINDS else "event" if kind == BODY else "furniture"


def dates(corpus: Corpus) -> pd.DataFrame:
    """Every date expression in the corpus, one row each."""
    docs = corpus.documents
    anchors = {d: document_date(p, i) for d, p, i in zip(docs["doc_id"], docs["published"], docs["published_inferred"])}
    rows = []
    for doc_id, sentences in sentences_by_document(corpus):
        rows += document_dates(doc_id, corpus.texts[doc_id], sentences, anchors[doc_id])
    return pd.DataFrame(rows, columns=COLUMNS).astype({"start": int, "end": int, "sent_id": int,
                                                       "relative": bool, "in_body": bool})
