"""Explicit calendar dates and datelines, on sentences written to cover each form."""

import pytest

from analysis.stages.dateparse import find_dates, is_dateline


@pytest.mark.parametrize("text,expected", [
    ("published on October 4, 2017, besides", [("October 4, 2017", "2017-10-04")]),
    ("held on 22nd and 23rd of November in Tehran", [("22nd and 23rd of November", "--11-23")]),
    ("in September 17 2016. Back in 2015", [("September 17 2016", "2016-09-17"), ("2015", "2015")]),
    ("the November 23 episode", [("November 23", "--11-23")]),
    ("on 2017-11-22 and in October 2017", [("2017-11-22", "2017-11-22"), ("October 2017", "2017-10")]),
    ("2,000 US ground troops, 3.15 per cent, $2017 bn and SU-2016", []),
    ("You may find 12 small differences", []),
    ("jets left İncirlik on November 22, 2017", [("November 22, 2017", "2017-11-22")]),  # "İ" lower-cases to 2 chars
    ("١٢ November 2017 in other digits", [("November 2017", "2017-11")]),  # numbers are read in ASCII digits only
])
def test_find_dates(text, expected):
    assert [(text[d.start : d.end], d.iso) for d in find_dates(text)] == expected


@pytest.mark.parametrize("line,expected", [
    ("November 22, 2017 at 9:00 pm", True),
    ("Published: Tuesday, 21 November 2017, 10:15 GMT", True),
    ("2017-11-22", True),
    ("November 22, 2017 was the day the war ended", False),
    ("November 2017", False),  # a month is not a dateline
    ("Posted on July 12, 2017 by Sarah Levine", True),
    ("Sun 10 Dec 2017 18.44 GMT", True),
    ("November 3, 2017 / 4:12 PM / Updated 2 hours ago", True),
    ("November 3, 2017 - The army took the city on Friday after weeks of fighting, state media said.", False),
    ("July 12, 2017 by the river was the day the siege ended", False),
    ("3 March 2019 14:05 (UTC +03:00)", True),  # a time with its offset from UTC
    ("14:05, 3 March 2019 | GMT +3", True),  # the time before the date
    ("14:05, 3 people died on March 3, 2019", False),
    ("4 MIN READ Jun 3, 2019 | 08:12 GMT", True),  # a reading time before the date, spaced or run into it
    ("MIN READJun 3, 2019", True),
    ("Port Sudan-Khartoum 21/6/2019", True),  # the places filed from before a numeric date
    ("Kassala, 23/6/2019", True),
    ("Port Sudan talks 21/6/2019 end", False),
    ("Port Sudan Khartoum", False),
])
def test_is_dateline(line, expected):
    assert is_dateline(line) is expected


def test_a_numeric_date_line_is_read_when_its_numbers_or_its_weekday_settle_the_order():
    from analysis.stages.dateparse import line_date, numeric_date

    # 2 January 2017 was a Monday, 1 February 2017 a Wednesday: the weekday settles "2/01/2017"
    assert numeric_date("09:43 - 2/01/2017 Monday").iso == "2017-01-02"
    assert numeric_date("1/02/2017 Wed").iso == "2017-02-01"
    assert numeric_date("21.09.2017").iso == "2017-09-21"  # 21 can only be the day
    assert numeric_date("2/01/2017") is None  # nothing settles it
    assert numeric_date("3/4/2017 Sunday") is None  # neither order falls on a Sunday
    assert is_dateline("09:43 - 2/01/2017 Monday") and line_date("09:43 - 2/01/2017 Monday").iso == "2017-01-02"
    assert not is_dateline("The vote of 2/01/2017 Monday was close")
