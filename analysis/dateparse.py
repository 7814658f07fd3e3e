"""Explicit calendar dates in English text ("November 22, 2017", "22nd and 23rd of November", "2016")."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|&|-|–|to)\s+)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:\s*(?:at|,|-)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"

_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # November 22, 2017
    re.compile(rf"\b{_DAY2}?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 22 November 2017
    re.compile(rf"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2017-11-22
    re.compile(rf"\b{_DAY2}?{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)(?![:\d])", re.IGNORECASE),  # November 23
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),  # October 2017
    re.compile(rf"(?<![\w$£€-]){_YEAR}(?![\w-])"),  # 2016
]
_DATELINE_PREFIX = re.compile(rf"^(?:(?:published|updated|posted)\s*:?\s*)?{_WEEKDAY}?", re.IGNORECASE)
_DATELINE_REST = re.compile(rf"^{_TIME}?$", re.IGNORECASE)


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
    """Whether a whole line is a publication date/time stamp ("November 22, 2017 at 9:00 pm")."""
    text = text.strip()
    rest = text[_DATELINE_PREFIX.match(text).end() :]
    first = next(find_dates(rest), None)
    return bool(first and first.start == 0 and first.year and first.day and _DATELINE_REST.match(rest[first.end :]))


def find_dates(text: str) -> Iterator[DateMention]:
    """Explicit dates in text, longest forms first, never overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            month = m.groupdict().get("month")
            month_no = (int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]) if month else None
            day = int(m.group("day")) if m.groupdict().get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            year = int(m.group("year")) if m.groupdict().get("year") else None
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), year, month_no, day))
    return iter(sorted(found, key=lambda d: d.start))
