"""Dates: explicit and relative expressions on strings, and every date in the seeds (hand-annotated).

tests/fixtures/dates_gold.csv lists every date or time expression in the five seeds, found by reading
them, with its ISO normalisation at the stated precision; relative ones are resolved only in the one
document whose date is stated in the text (001, dateline "November 22, 2017 at 9:00 pm", a Wednesday).
"""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.stages.dateparse import is_dateline
from analysis.stages.dates import COLUMNS, dates, document_date, parse_dates, period_start

ROOT = Path(__file__).resolve().parent.parent
GOLD = pd.read_csv(ROOT / "tests" / "fixtures" / "dates_gold.csv", keep_default_na=False)
WEDNESDAY = date(2017, 11, 22)


def found(text: str, anchor: date | None = None) -> list[tuple[str, str, bool]]:
    """(surface, normalized, relative) of every date expression in text."""
    return [(d.surface, d.normalized, d.relative) for d in parse_dates(text, anchor)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("published on October 4, 2017, in London", [("October 4, 2017", "2017-10-04", False)]),
        ("held on 22nd and 23rd of November in Tehran", [("22nd and 23rd of November", "--11-22/--11-23", False)]),
        ("November 22, 2017 at 9:00 pm", [("November 22, 2017 at 9:00 pm", "2017-11-22T21:00", False)]),
        ("the attack in September 17 2016 failed", [("September 17 2016", "2016-09-17", False)]),
        ("Since August, when Turkey sent tanks", [("August", "--08", False)]),
        ("gains in 2014 and", [("2014", "2014", False)]),
        ("since the 2003 invasion", [("2003", "2003", False)]),
        ("killed 2000 people", []),
        ("in mid-November and at the end of December", [("November", "--11", False), ("December", "--12", False)]),
        ("an interview with Russia Today (RT)", []),
    ],
)
def test_explicit_dates(text, expected):
    assert found(text) == expected


def test_relative_dates_stay_unresolved_without_a_certain_document_date():
    text = "On Friday, forces liberated Rawa. Two days later, the army took Bukamal. One year ago it began."
    assert found(text) == [("Friday", "", True), ("Two days later", "", True), ("One year ago", "", True)]


def test_relative_dates_resolve_against_the_document_date():
    text = ("He announced on Tuesday the defeat. On Friday, forces liberated Rawa. Two days later, the army "
            "took Bukamal. Yesterday he spoke; next Monday he will travel. Last year was hard; two years ago too.")
    assert found(text, WEDNESDAY) == [
        ("Tuesday", "2017-11-21", True), ("Friday", "2017-11-17", True), ("Two days later", "2017-11-19", True),
        ("Yesterday", "2017-11-21", True), ("next Monday", "2017-11-27", True), ("Last year", "2016", True),
        ("two years ago", "2015", True),
    ]


def test_an_offset_from_an_event_is_not_resolved():
    assert found("just two days after they shocked the country", WEDNESDAY) == [("two days after", "", True)]


def test_document_date_only_when_stated_to_the_day(corpus):
    docs = corpus.documents
    anchors = [document_date(p, i) for p, i in zip(docs["published"], docs["published_inferred"])]
    assert [str(a) for a in anchors] == ["None", "2017-11-22", "None", "None", "None"]
    assert document_date("2017-11-22", True) is None and document_date("2017-11", False) is None


def test_gold_surfaces_are_the_text_at_their_offsets(corpus):
    for row in GOLD.itertuples():
        assert corpus.texts[row.doc_id][row.start:row.end] == row.surface, row


def test_every_date_in_the_seeds(corpus):
    table = dates(corpus)
    assert list(table.columns) == COLUMNS
    for row in table.itertuples():
        assert corpus.texts[row.doc_id][row.start:row.end] == row.surface
    keys = ["doc_id", "start", "end", "surface", "normalized", "relative", "role"]
    got = table[keys].sort_values(["doc_id", "start"]).reset_index(drop=True)
    assert got.to_dict("records") == GOLD[keys].to_dict("records")


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="parse_dates expects a str, got int"):
        parse_dates(2017)
    assert parse_dates("") == []


def test_an_offset_beyond_the_calendar_stays_unresolved():
    assert found("It began 5000000 days ago and ends 9000 years later.", WEDNESDAY) == [
        ("5000000 days ago", "", True), ("9000 years later", "", True)]


def test_a_corpus_without_dates_gives_an_empty_table(tmp_path):
    (tmp_path / "a.txt").write_text("A short note.\n\nIt names no day at all.\n", encoding="utf-8")
    table = dates(load_corpus(tmp_path))
    assert list(table.columns) == COLUMNS and table.empty


# Held-out sentences written for this test (not from the seeds), read against a Wednesday, 22 November 2017.
HELD_OUT = [
    ("The offensive began on 17 October 2016 and ended in July 2017.",
     [("17 October 2016", "2016-10-17", False), ("July 2017", "2017-07", False)]),
    ("Talks resumed last week in Astana, three weeks after the ceasefire.",
     [("last week", "2017-W46", True), ("three weeks after", "", True)]),
    ("On Sunday, the army said it had retaken the town it lost in March.",
     [("Sunday", "2017-11-19", True), ("March", "--03", False)]),
    ("The agency reported on Nov. 20 that 300 people had died since 2014.",
     [("Nov. 20", "--11-20", False), ("2014", "2014", False)]),
    ("Yesterday morning, officials said the vote would be held next month.",
     [("Yesterday", "2017-11-21", True), ("next month", "2017-12", True)]),
    ("Last October a coalition began the assault; next March it may end, and this December talks start.",
     [("Last October", "2017-10", True), ("next March", "2018-03", True), ("this December", "2017-12", True)]),
    ("Two weeks ago, on 8 November, a convoy was attacked.",
     [("Two weeks ago", "2017-11-08", True), ("8 November", "--11-08", False)]),
]


@pytest.mark.parametrize("text, expected", HELD_OUT)
def test_held_out_sentences(text, expected):
    assert found(text, WEDNESDAY) == expected


# Every form of `normalized` the stage writes, with its first day (None: a calendar cannot place it).
PERIODS = [
    ("2014", (date(2014, 1, 1), "year")),
    ("2017-09", (date(2017, 9, 1), "month")),
    ("2017-W41", (date(2017, 10, 9), "week")),  # ISO week 41 of 2017 starts on Monday 9 October
    ("2017-10-12", (date(2017, 10, 12), "day")),
    ("2017-11-22T21:00", (date(2017, 11, 22), "day")),
    ("2017-10-04/2017-10-05", (date(2017, 10, 4), "day")),
    ("--11-22/--11-23", None),
    ("--08", None),
    ("", None),
]


@pytest.mark.parametrize("normalized, expected", PERIODS)
def test_period_start_reads_every_form_the_stage_writes(normalized, expected):
    assert period_start(normalized) == expected


def test_every_normalized_value_of_a_news_text_has_a_period_or_no_year():
    text = ("BAGHDAD, Oct 12, 2017 - Forces advanced in the past week, after fighting last week and last month. "
            "Last year the city fell; next year it will be rebuilt. On October 4-5, 2017 the army moved, on "
            "November 22, 2017 at 9:00 pm it stopped, two days later it moved again, three weeks ago, a decade ago.")
    values = [d.normalized for d in parse_dates(text, date(2017, 10, 12))]
    assert {"2017-W40", "2017-09", "2016", "2018", "2017-11-22T21:00", "2007"} <= set(values)
    assert [v for v in values if v[:1].isdigit() and period_start(v) is None] == []


def test_a_date_line_may_open_with_the_place_it_was_filed_from():
    """Lines written for the test: a place, a comma and a full date, alone on a line, date the story like a bare date
    line does; a sentence after a place and a date does not."""
    assert is_dateline("Tripoli, 15 March 2015:") and is_dateline("Washington, DC, October 28, 2016")
    assert not is_dateline("Baghdad, September 1: Finally! Iraqi fighters have reclaimed the whole province")
    assert not is_dateline("Mosul, the city, 3 May")
