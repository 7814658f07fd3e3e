"""Explicit calendar dates in English text ("November 22, 2017", "22nd and 23rd of November", "2016")."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from analysis.lexicon import data_yaml, one_of
from analysis.text import lowered

CALENDAR = data_yaml("calendar.yaml")
MONTHS = {name: number for number, (month, short) in enumerate(CALENDAR["months"].items(), start=1)
          for name in (month, *short)}  # lower-case month name or abbreviation -> month number
WEEKDAY_NAMES = list(CALENDAR["weekdays"])  # lower case, Monday first
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))


def _month(k: int) -> str:
    """Month-name group number k."""
    return rf"(?P<month{k}>{_MONTH_NAMES})\.?"


def _day(k: int) -> str:
    """Day-of-month group number k."""
    return rf"(?P<day{k}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year(k: int) -> str:
    """Year group number k."""
    return rf"(?P<year{k}>(?:19|20)\d\d)"


_DAY2 = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|&|-|–|to)\s+)"
_NUMBER_START = r"(?<![\d.,])\b"  # not the decimals or thousands of a longer number
_NO_YEAR = r"(?!,?\s*(?:19|20)\d\d)"
# A clock time, with its zone as a name or an offset from UTC (ISO 8601, RFC 5322): "9:00 pm EST", "15:01 (UTC +04:00)".
_ZONE = r"(?:\s*\(?(?:utc|gmt)\s*[+−-]\s*\d{1,2}(?::?\d{2})?\)?|\s*[a-z]{2,4})"
TIME = rf"(?:\s*(?:at|,|-)?\s*\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?{_ZONE}?)"
_WEEKDAY_FORMS = sorted((name for day, short in CALENDAR["weekdays"].items() for name in (day, *short)), key=len,
                        reverse=True)
_WEEKDAY = rf"(?:(?:{'|'.join(_WEEKDAY_FORMS)})\.?,?\s+)"  # "Sunday," or "Sun"
# One pass over the lowercased text; alternatives are tried longest form first at each position. Every form starts
# with a month name or a digit: the leading lookahead skips other positions without trying each alternative.
_FIRST_CHARACTERS = "".join(sorted({name[0] for name in MONTHS})) + r"\d"
_DATE = re.compile(
    rf"(?=[{_FIRST_CHARACTERS}])(?:" + "|".join([
        rf"\b{_month(0)},?\s+{_day(0)},?\s+{_year(0)}\b",  # november 22, 2017; january, 25, 2021
        rf"{_NUMBER_START}{_DAY2}?{_day(1)}\s+(?:of\s+)?{_month(1)},?\s+{_year(1)}\b",  # 22 november 2017
        r"\b(?P<year2>(?:19|20)\d\d)-(?P<month2>[01]\d)-(?P<day2>[0-3]\d)\b",  # 2017-11-22
        rf"{_NUMBER_START}{_DAY2}?{_day(3)}\s+(?:of\s+)?{_month(3)}\b{_NO_YEAR}",  # 22nd and 23rd of november
        rf"\b{_month(4)}\s+{_day(4)}\b{_NO_YEAR}(?![:\d])",  # november 23
        rf"\b{_month(5)}\s+(?:of\s+)?{_year(5)}\b",  # october 2017
        r"(?<![\w$£€-])(?P<year6>(?:19|20)\d\d)(?![\w-])",  # 2016
    ]) + ")"
)
# A number ("7", "2017", "1,000.5"), as one pattern per leading ASCII digit: a pattern led by a literal gets the
# engine's fast search, one led by \d scans three times slower. The lookbehinds skip digits inside a longer number.
_NUMBERS = tuple(re.compile(rf"{d}(?<!\d{d})(?<!\d[.,]{d})\d*(?:[.,]\d+)*") for d in "0123456789")
# What every date form opens with (a digit or a month name, lowercased): a line that does not is no dateline.
_DATE_OPENING, _OPENING_CHARS = re.compile(rf"\d|{_MONTH_NAMES}"), max(map(len, MONTHS))
_MONTH_HINT = re.compile("|".join(sorted({name[:3] for name in MONTHS})))  # in lowercased text: "jan", "sep"
_BEFORE, _AFTER = 32, 40  # the most characters a date form spans before and after a run of digits
# Before the date: a list bullet, a reading time, "Published on:", a time, a weekday, a section and a bar ("NEWS |
# June 29, 2017", "| Sept. 26, 2019", "• January, 25, 2021 - 12:13", "5 MIN READ Aug 21, 2017").
_READING_TIME = r"(?:\d+\s*)?min(?:ute)?s?\s+read\s*[|·•-]?\s*"
_DATELINE_PREFIX = re.compile(
    rf"^(?:[•·*]\s*)?(?:{_READING_TIME})?(?:(?:[A-Za-z]+\s*)?\|\s*)?"
    rf"(?:{one_of(CALENDAR['date_labels'])}(?:\s+on)?\s*:?\s*)?"
    rf"(?:\d{{1,2}}:\d{{2}},?\s+(?=[A-Za-z]|\d{{1,2}}\s+[A-Za-z]))?{_WEEKDAY}?",  # a time first: "17:39, 13 February 2017"
    re.IGNORECASE)
# After the date: a time, then nothing, or (on a short line) a separator or "by" and whatever a page puts there:
# "November 3, 2017 / 4:12 PM / Updated 2 hours ago", "July 12, 2017 by Sarah Levine", "May 21, 2015, The Kremlin, Moscow",
# "September 2, 2017 – Fort Russ News – Jane Roe".
_DATELINE_REST = re.compile(rf"^{TIME}?:?$", re.IGNORECASE)  # a colon may close it: "Tripoli, 15 March 2015:"
# A place filed from, before the date of a date line: "Tripoli, 15 March 2015:", "Washington, DC, October 28, 2016".
_PLACE_FIRST = re.compile(r"(?-i:[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2}),\s+(?:(?-i:[A-Z]{2}),\s+)?")
_DATELINE_MORE = re.compile(rf"^{TIME}?\s*(?:[|/•·»›]|[-–—]\s|(?-i:by\s+[A-Z])|updated\b|,\s*(?-i:[A-Z])[^.!?]*$)",
                            re.IGNORECASE)
# A whole numeric date line: a label or the places filed from ("Tal Afar-Mosul 21/8/2017"), a time, the date (day
# and month in either order), a time, a weekday.
_WEEKDAY_NUMBER = {name: i for i, (day, short) in enumerate(CALENDAR["weekdays"].items()) for name in (day, *short)}
_PLACES = r"(?-i:[A-Z][\w'’]*(?:(?:\s*[-,/]\s*|\s)[A-Z][\w'’]*){0,5}),?\s+"
_NUMERIC_LINE = re.compile(
    rf"(?:{one_of(CALENDAR['date_labels'])}\s*:?\s*|{_PLACES})?{TIME}?\s*[-–]?\s*(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]"
    rf"(?P<year>(?:19|20)\d\d){TIME}?(?:,?\s*(?P<weekday>{'|'.join(_WEEKDAY_FORMS)})\.?)?", re.IGNORECASE)
_DATELINE_LENGTH = 80  # a dateline with more after its date is a short line, not a sentence that opens with a date


@dataclass(frozen=True)
class DateMention:
    """An explicit date in a text: where it is and what it says, as precisely as stated."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    @property
    def iso(self) -> str:
        """ISO form at the stated precision: 2017-11-22, 2017-11, 2016, or --11-23 without a year."""
        if self.year is None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        parts = [f"{self.year:04d}"] + [f"{v:02d}" for v in (self.month, self.day) if v]
        return "-".join(parts)


def is_dateline(text: str) -> bool:
    """Whether a whole line is a publication date/time stamp ("November 22, 2017 at 9:00 pm", "Posted on July 12,
    2017 by Sarah Levine"), maybe after the place it was filed from ("Tripoli, 15 March 2015:")."""
    text = text.strip()
    rest = text[_DATELINE_PREFIX.match(text).end() :]
    if not _DATE_OPENING.match(lowered(rest[:_OPENING_CHARS])) and (place := _PLACE_FIRST.match(rest)):
        rest = rest[place.end() :]  # the place it was filed from first
    if not _DATE_OPENING.match(lowered(rest[:_OPENING_CHARS])):
        return numeric_date(text) is not None  # no date starts the line: only places before a numeric one
    first = next(find_dates(rest), None)
    if not (first and first.start == 0 and first.year and first.day):
        return numeric_date(text) is not None
    after = rest[first.end :]
    return bool(_DATELINE_REST.match(after) or (len(text) <= _DATELINE_LENGTH and _DATELINE_MORE.match(after)))


def line_date(text: str) -> DateMention | None:
    """The date a date line states: a numeric date its numbers or weekday settle ("09:43 - 2/01/2017 Monday"), else
    the date after its label ("Publish date11 Dec 2020" is 2020-12-11), else its first date; offsets are not kept."""
    text = text.strip()
    return (numeric_date(text) or next(find_dates(text[_DATELINE_PREFIX.match(text).end() :]), None)
            or next(find_dates(text), None))


def numeric_date(line: str) -> DateMention | None:
    """The date of a whole numeric date line ("09:43 - 2/01/2017 Monday", "Update: 21.09.2017"): day and month
    in the order the numbers allow (a number above 12 is the day) or, when both could be either, the order in
    which the date falls on the weekday the line names; None when nothing settles it."""
    m = _NUMERIC_LINE.fullmatch(line.strip())
    if not m:
        return None
    first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    orders = [(d, mo) for d, mo in ((first, second), (second, first)) if 1 <= mo <= 12 and 1 <= d <= 31]
    if m.group("weekday") and len(orders) == 2:
        weekday = _WEEKDAY_NUMBER[m.group("weekday").lower().rstrip(".")]
        orders = [(d, mo) for d, mo in orders if _weekday(year, mo, d) == weekday]
    if len({o for o in orders}) != 1:
        return None
    day, month = orders[0]
    return DateMention(m.start("a"), m.end("year"), year, month, day)


def _weekday(year: int, month: int, day: int) -> int | None:
    """Monday 0 .. Sunday 6, or None for a day the month lacks."""
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _day_or_year(number: str) -> bool:
    """Whether a run of digits could be a day of the month (1-2 digits) or a year (19xx, 20xx)."""
    return len(number) <= 2 or (len(number) == 4 and number[:2] in ("19", "20"))


def _windows(text: str) -> Iterator[tuple[int, int, bool]]:
    """Merged ranges around each day-or-year number in ASCII digits (every date form has one), and whether a year is
    among them."""
    start = end = -1
    year = False
    # a digit the text lacks needs no scan (most datelines and short texts hold a few of the ten)
    numbers = sorted(m.span() for digit, pattern in zip("0123456789", _NUMBERS) if digit in text
                     for m in pattern.finditer(text))
    for number_start, number_end in numbers:
        if not _day_or_year(text[number_start:number_end]):
            continue
        lo, hi = max(0, number_start - _BEFORE), min(len(text), number_end + _AFTER)
        if lo > end:
            if end >= 0:
                yield start, end, year
            start, year = lo, False
        end, year = hi, year or number_end - number_start == 4
    if end >= 0:
        yield start, end, year


def find_dates(text: str) -> Iterator[DateMention]:
    """Explicit dates in text, in text order, never overlapping."""
    for lo, hi, year in _windows(text):
        at = max(0, lo - 1)  # one character before the window: what the lookbehinds and \b at its start look at
        window = lowered(text[at:hi])
        if year or _MONTH_HINT.search(window, lo - at):
            yield from _dates_in(window, lo - at, at)


def _dates_in(window: str, start: int, offset: int) -> Iterator[DateMention]:
    """Dates in a lowercased window from position start, with offsets moved by offset characters."""
    for m in _DATE.finditer(window, start):
        parts = {k[:-1]: v for k, v in m.groupdict().items() if v is not None}
        month = parts.get("month")
        day = int(parts["day"]) if "day" in parts else None
        if day is not None and not 1 <= day <= 31:
            continue
        yield DateMention(
            m.start() + offset,
            m.end() + offset,
            int(parts["year"]) if "year" in parts else None,
            (int(month) if month.isdigit() else MONTHS[month]) if month else None,
            day,
        )
