"""Figures cited: hard forms on strings, and accuracy against hand annotations of the five seeds.

tests/fixtures/figures_gold.csv holds every figure in the seeds, found and typed by reading them:
offsets, value, unit, kind, what is counted, hedged, vague, and who the text attributes it to.
"""

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus
from analysis.pipeline import Build
from analysis.stages.dates import parse_dates
from analysis.stages.figures import (
    AUTHOR, COLUMNS, _counted, _lexicon, _vague_value, attribute, figures_by_kind, parse_figures, readable_number,
    recurring_figures, sources_by_outlet, topic,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = pd.read_csv(ROOT / "tests" / "fixtures" / "figures_gold.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def predicted(build):
    return build["figures"]


def one(text: str):
    """The single figure parse_figures finds in text."""
    found = parse_figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, surface, value, unit, kind",
    [
        ("initial surveys put the losses at $500 billion.", "$500 billion", 5e11, "USD", "money"),
        ("amounted to at least $ 500 billion.", "$ 500 billion", 5e11, "USD", "money"),
        ("it earned $5bn last year", "$5bn", 5e9, "USD", "money"),
        ("a deal worth €3.2m was signed", "€3.2m", 3.2e6, "EUR", "money"),
        ("they paid 40 million dollars", "40 million dollars", 4e7, "USD", "money"),
        ("it cost USD 1,500", "USD 1,500", 1500, "USD", "money"),
        ("ten thousand ISIS fighters have assembled", "ten thousand", 1e4, "", "count"),
        ("2,000 US ground troops are in Syria", "2,000", 2000, "", "count"),
        ("a population of 1 250 000 people", "1 250 000", 1.25e6, "", "count"),
        ("reduced to a mere 800 metres of coastal area", "800 metres", 800, "m", "distance"),
        ("around 110 km from the border", "110 km", 110, "km", "distance"),
        ("the fight could last “thirty years”.", "thirty years", 30, "year", "duration"),
        ("torturing a 14 year old boy", "14 year old", 14, "year", "age"),
        ("a 14-year-old girl", "14-year-old", 14, "year", "age"),
        ("turnout was 45.5%", "45.5%", 45.5, "percent", "percent"),
        ("one hundred and five people", "one hundred and five", 105, "", "count"),
        ("twenty-five soldiers", "twenty-five", 25, "", "count"),
        ("killed 2000 people", "2000", 2000, "", "count"),
        ("3m people were displaced", "3m", 3e6, "", "count"),
        ("the 800m race", "800m", 800, "m", "distance"),
        ("a 1.5 to 2 km strip", "1.5 to 2 km", 1.5, "km", "distance"),
        ("1.5 to 2 million people fled", "1.5 to 2 million", 1.5e6, "", "count"),
        ("More than half of Iraqis displaced have returned", "half", 0.5, "fraction", "percent"),
        ("the economy shrank by -2.5% last year", "-2.5%", -2.5, "percent", "percent"),
    ],
)
def test_hard_forms(text, surface, value, unit, kind):
    fig = one(text)
    assert (text[fig.start:fig.end], fig.surface, fig.value, fig.unit, fig.kind) == (surface, surface, value, unit, kind)


@pytest.mark.parametrize(
    "text, surface, value, counted",
    [
        ("It captured hundreds of thousands of kilometres of territory", "hundreds of thousands of kilometres", 1e5, ""),
        ("destroyed thousands of workshops and factories", "thousands", 1e3, "workshops"),
        ("and millions of others abandoned their homes", "millions", 1e6, "others"),
        ("dozens of Russian casualties", "dozens", 12, "Russian casualties"),
        ("tens of thousands of refugees", "tens of thousands", 1e4, "refugees"),
        ("several thousand protesters", "several thousand", 1e3, "protesters"),
    ],
)
def test_vague_magnitudes_take_the_lower_bound_of_their_scale(text, surface, value, counted):
    fig = one(text)
    assert (fig.surface, fig.value, fig.vague, fig.counted) == (surface, value, True, counted)


@pytest.mark.parametrize(
    "text, approximate",
    [
        ("at least 16 civilians", True), ("around 7000 fighters", True), ("more than 100 km", True),
        ("an estimated 300 people", True), ("nearly 40 villages", True), ("300 or so people", True),
        ("almost an hour", True), ("280 innocent civilians", False), ("a mere 800 metres", False),
    ],
)
def test_hedges_mark_figures_approximate(text, approximate):
    assert one(text).approximate is approximate


@pytest.mark.parametrize(
    "text",
    [
        "the attack on September 17 2016 failed",
        "November 22, 2017 at 9:00 pm",
        "on the 22nd and 23rd of November",
        "lightning gains in 2014 and",
        "since the 2003 invasion by the US",
        "the US fifth generation F-22 fighter jet",
        "two bombers met a modern SU-35S fighter jet",
        "licensed under a Creative Commons Attribution 4.0 International License.",
        "one of the most gruesome killings",
        "the two countries’ armies and the two Arab states",
        "after the 9/11 attacks, open 24/7",
        "from 2016-2017 onwards",
        "in the first half of 2018 and the other half of the money",
        "Sun 10 Dec 2017 18.44 GMT",  # times of day
        "the raid began at 9.30 p.m. local time",
    ],
)
def test_dates_designators_ordinals_and_idioms_are_not_figures(text):
    found = [f for f in parse_figures(text) if f.surface not in ("two",)]
    assert found == [], found


# Held-out sentences written for this test (not from the seeds), annotated by reading them:
# (surface, value, unit, kind, counted, approximate) for every figure, in order.
HELD_OUT = [
    ("The UN said on Monday that some 1.2 million people had fled the fighting since January.",
     [("1.2 million", 1.2e6, "", "count", "people", True)]),
    ("Officials put the death toll at 37, including six children, and said nearly 200 were wounded.",
     [("37", 37, "", "count", "death toll", False), ("six", 6, "", "count", "children", False), ("200", 200, "", "count", "", True)]),
    ("The coalition has carried out more than 14,000 air strikes at a cost of $14.3bn.",
     [("14,000", 14000, "", "count", "air strikes", True), ("$14.3bn", 1.43e10, "USD", "money", "", False)]),
    ("Up to 3,000 foreign fighters remain in Idlib, according to a Russian estimate.",
     [("3,000", 3000, "", "count", "foreign fighters", True)]),
    ("Half a million Syrians have been killed in six years of war.",
     [("Half a million", 5e5, "", "count", "Syrians", False), ("six years", 6, "year", "duration", "", False)]),
    ("The city lies 70 miles south of Baghdad, and its population has fallen by two-thirds.",
     [("70 miles", 70, "mi", "distance", "", False), ("two-thirds", 2 / 3, "fraction", "percent", "", False)]),
    ("About 40% of the territory was retaken in less than 18 months.",
     [("40%", 40, "percent", "percent", "", True), ("18 months", 18, "month", "duration", "", True)]),
    ("The group earned an estimated £2m a month from oil sales.", [("£2m a month", 2e6, "GBP/month", "money", "", True)]),
    ("Tens of thousands of civilians were trapped in the Old City.",
     [("Tens of thousands", 1e4, "", "count", "civilians", False)]),
    ("The 25-year-old suicide bomber killed 12 worshippers.",
     [("25-year-old", 25, "year", "age", "suicide bomber", False), ("12", 12, "", "count", "worshippers", False)]),
    ("A 300-strong force of Iraqi commandos entered the district.", [("300-strong", 300, "", "count", "force", False)]),
    ("The reconstruction of Mosul will cost at least 1,000 billion dinars, said the governor.",
     [("1,000 billion dinars", 1e12, "IQD", "money", "", True)]),
    ("Two and a half years later, one and a half million people had returned.",
     [("Two and a half years", 2.5, "year", "duration", "", False),
      ("one and a half million", 1.5e6, "", "count", "people", False)]),
]


@pytest.mark.parametrize("text, expected", HELD_OUT)
def test_held_out_sentences(text, expected):
    got = [(f.surface, f.value, f.unit, f.kind, f.counted, f.approximate) for f in parse_figures(text)]
    assert got == expected


def test_an_elided_count_takes_the_noun_of_the_count_it_echoes():
    text = "He declared thousands of people as apostates and killed them, leaving only a few hundred. Later 2,000 troops came; if they admitted 2,000, fine."
    counted = [(f.surface, f.counted) for f in parse_figures(text)]
    assert counted == [("thousands", "people"), ("a few hundred", "people"), ("2,000", "troops"), ("2,000", "troops")]


@pytest.mark.parametrize("text", ["20-30 people died", "between 20 and 30 people died", "killed 20 to 30 people"])
def test_a_range_is_one_approximate_figure_at_its_lower_bound(text):
    fig = one(text)
    assert (fig.value, fig.value_high, fig.approximate, fig.counted) == (20, 30, True, "people")


# Sentences written for these tests, one per form the figures issue names (not taken from any article).
@pytest.mark.parametrize(
    "text, surface, value, high, unit, kind",
    [
        ("Warming of 2 to 2.5 degrees is expected.", "2 to 2.5 degrees", 2, 2.5, "degree", "temperature"),
        ("It samples between 20kHz and 22kHz.", "20kHz and 22kHz", 20, 22, "kHz", "frequency"),
        ("The range grew from 310 miles to 340 miles.", "310 miles to 340 miles", 310, 340, "mi", "distance"),
        ("The visas last three to four years.", "three to four years", 3, 4, "year", "duration"),
        ("It does 0-to-100-km/h in four seconds.", "0-to-100-km/h", 0, 100, "km/h", "speed"),
        ("The repairs cost tens of thousands of dollars.", "tens of thousands of dollars", 1e4, 1e5, "USD", "money"),
        ("The project wasted hundreds of millions of euros.", "hundreds of millions of euros", 1e8, 1e9, "EUR", "money"),
        ("Fares rose 5-10% this year.", "5-10%", 5, 10, "percent", "percent"),
        ("It traded at $350 per kg to $680 per kg.", "$350 per kg to $680 per kg", 350, 680, "USD/kg", "money"),
        ("Up to 1.5 to 2 million people could leave.", "1.5 to 2 million", 1.5e6, 2e6, "", "count"),
        ("Children aged 5 through 11 can get it.", "5 through 11", 5, 11, "", "count"),
        ("Recovery takes one to two weeks.", "one to two weeks", 1, 2, "week", "duration"),
        ("Those who trained between one and four years improved.", "one and four years", 1, 4, "year", "duration"),
        ("Rooms cost from €90 to €120 per night.", "€90 to €120 per night", 90, 120, "EUR/night", "money"),
    ],
)
def test_ranges_are_one_figure_from_value_to_value_high(text, surface, value, high, unit, kind):
    fig = parse_figures(text)[0]
    assert (fig.surface, fig.value, fig.value_high, fig.unit, fig.kind) == (surface, value, high, unit, kind)


@pytest.mark.parametrize(
    "text, surface, value, unit, kind",
    [
        ("The phone has 512GB of storage.", "512GB", 512, "GB", "data"),
        ("Audio is sampled at 48kHz.", "48kHz", 48, "kHz", "frequency"),
        ("Fibre lines reach 10Gbps in the city.", "10Gbps", 10, "Gbit/s", "data rate"),
        ("The storm's pressure fell to 950 millibars.", "950 millibars", 950, "mbar", "pressure"),
        ("The drug cut blood pressure by 10mmHg.", "10mmHg", 10, "mmHg", "pressure"),
        ("Tyres should hold 32psi.", "32psi", 32, "psi", "pressure"),
        # symbols English locales of CLDR write for their own currency, also glued; the Economist's "trn"
        ("A bag of rice costs RM50 in Penang.", "RM50", 50, "MYR", "money"),
        ("The fare rose to Rp 10,000.", "Rp 10,000", 1e4, "IDR", "money"),
        ("Farmers earn Ksh500 a day.", "Ksh500 a day", 500, "KES/day", "money"),
        ("Fuel now costs ₦650 a litre.", "₦650 a litre", 650, "NGN/l", "money"),
        ("Rent is Rs1,000 a month.", "Rs1,000 a month", 1000, "INR/month", "money"),
        ("Debt passed $2.4trn.", "$2.4trn", 2.4e12, "USD", "money"),
        ("Temperatures reached 40C in Madrid.", "40C", 40, "°C", "temperature"),
        ("Shares closed at 230p.", "230p", 230, "pence", "money"),
        ("The engine makes 610 horsepower.", "610 horsepower", 610, "hp", "power"),
        ("Brent rose to US $71.10 per barrel.", "US $71.10 per barrel", 71.10, "USD/bbl", "money"),
        ("Wells pump 500,000 barrels a day.", "500,000 barrels a day", 5e5, "bbl/day", "volume"),
        ("Rent is $1,200/month here.", "$1,200/month", 1200, "USD/month", "money"),
        ("The limit is 62 mph (100 km/h) there.", "62 mph (100 km/h)", 62, "mph", "speed"),
        ("It sold for 5,400 Chinese yuan ($780).", "5,400 Chinese yuan ($780)", 5400, "CNY", "money"),
        ("Tickets cost 3,000 rupees.", "3,000 rupees", 3000, "INR", "money"),
        ("The deal is worth 420 million Finnish markkas.", "420 million Finnish markkas", 4.2e8, "FIM", "money"),
        ("They paid 500 EUR in cash.", "500 EUR", 500, "EUR", "money"),
        ("The club spent 20 million pounds on him.", "20 million pounds", 2e7, "GBP", "money"),
        ("The parcel weighed 20 pounds.", "20 pounds", 20, "lb", "weight"),
        ("The game sold 2 million copies at $60 each.", "2 million", 2e6, "", "count"),
        ("The £30,000-a-year job was advertised.", "£30,000-a-year", 30000, "GBP/year", "money"),
        ("A 10in screen is standard.", "10in", 10, "in", "distance"),
        ("Most 15-year-olds passed the test.", "15-year-olds", 15, "year", "age"),
        ("The deal is worth C$1.5-billion.", "C$1.5-billion", 1.5e9, "CAD", "money"),
        ("Singapore spent S$2bn on it.", "S$2bn", 2e9, "SGD", "money"),
        ("About 70pc of voters backed him.", "70pc", 70, "percent", "percent"),
        ("The phone has a 4,300mAh battery.", "4,300mAh", 4300, "mAh", "electricity"),
        ("Rates rose 25bps on Thursday.", "25bps", 25, "bp", "percent"),
        ("The average salary is £31,461 per annum.", "£31,461 per annum", 31461, "GBP/year", "money"),
    ],
)
def test_glued_rate_currency_and_converted_units(text, surface, value, unit, kind):
    fig = parse_figures(text)[0]
    assert (fig.surface, fig.value, fig.unit, fig.kind) == (surface, value, unit, kind)


@pytest.mark.parametrize(
    "text, surface, value, counted, approximate",
    [
        ("It made seven launches this year.", "seven", 7, "launches", False),
        ("We bought a dozen eggs.", "a dozen", 12, "eggs", False),
        ("He wore a pair of boots.", "a pair", 2, "boots", False),
        ("Wait a couple of days.", "a couple", 2, "days", True),
        ("Three dozen people came.", "Three dozen", 36, "people", False),
        ("Hundreds of IS fighters surrendered.", "Hundreds", 100, "IS fighters", False),
        ("The war displaced nearly 900,000 from their homes.", "900,000", 9e5, "people", True),
        ("Dozens of U.S. and allied forces left.", "Dozens", 12, "U.S. and allied forces", False),
        ("A 74-member coalition met.", "74-member", 74, "coalition", False),
        ("She filed a 40-page report.", "40-page", 40, "page", False),
        ("A 5-million-strong army marched.", "5-million-strong", 5e6, "army", False),
    ],
)
def test_number_words_and_what_they_count(text, surface, value, counted, approximate):
    fig = one(text)
    assert (fig.surface, fig.value, fig.counted, fig.approximate) == (surface, value, counted, approximate)


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("A quarter of those surveyed agreed.", "A quarter", 0.25),
        ("A third of the city was destroyed.", "A third", 1 / 3),
        ("One fifth of the vote went to them.", "One fifth", 0.2),
    ],
)
def test_fractions_before_of(text, surface, value):
    fig = one(text)
    assert (fig.surface, fig.value, fig.unit) == (surface, value, "fraction")


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("The bank raised rates by half a percentage point.", "half a percentage point", 0.5, "pp"),
        ("Rates rose by three-quarters of a percentage point.", "three-quarters of a percentage point", 0.75, "pp"),
        ("He walked half a mile to school.", "half a mile", 0.5, "mi"),
        ("The town is a third of a mile away.", "a third of a mile", 1 / 3, "mi"),
        ("It took three quarters of an hour.", "three quarters of an hour", 0.75, "hour"),
        ("A quarter of a million people attended.", "A quarter of a million", 250_000, ""),
        ("About half the population lives in cities.", "half", 0.5, "fraction"),
    ],
)
def test_a_fraction_of_a_unit_or_scale_is_one_figure(text, surface, value, unit):
    fig = one(text)
    assert (fig.surface, fig.value, fig.unit) == (surface, pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Winds reached five point five metres per second.", "five point five metres per second", 5.5),
        ("The index stood at nine point nought four.", "nine point nought four", 9.04),
        ("He paid 3 hundred and 21 dollars.", "3 hundred and 21 dollars", 321),
        ("They counted 4 thousand 3 hundred and 21 votes.", "4 thousand 3 hundred and 21", 4321),
        ("The answer is minus 5.", "minus 5", -5),
    ],
)
def test_decimals_in_words_parts_after_a_scale_and_signs(text, surface, value):
    fig = one(text)
    assert (fig.surface, fig.value) == (surface, pytest.approx(value))


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("The star is 1.5e6 km away.", "1.5e6 km", 1.5e6, "km"),
        ("The cell holds 1.5 x 10^6 particles.", "1.5 x 10^6", 1.5e6, ""),
        ("The gap is 2.48×10⁻⁵ m wide.", "2.48×10⁻⁵ m", 2.48e-5, "m"),
        ("It grew by 10^6 units.", "10^6", 1e6, ""),
    ],
)
def test_scientific_notation_and_powers(text, surface, value, unit):
    fig = one(text)
    assert (fig.surface, fig.value, fig.unit) == (surface, pytest.approx(value), unit)


def test_a_power_that_is_no_finite_number_is_no_figure():
    assert parse_figures("1e999 and 999999^99 and 0^-1") == []


def test_a_subunit_glued_to_its_digits_and_a_word_symbol_only_glued():
    assert [(f.surface, f.unit) for f in parse_figures("He is 6ft 2in tall; 2 in 10 agree; it hit 13F.")] == [
        ("6ft 2in", "ft"), ("2", ""), ("10", ""), ("13F", "°F")]
    assert one("He is 6ft 2in tall.").value == pytest.approx(6 + 2 / 12)
    assert (one("He stands 5-foot-10.").value, one("He stands 5-foot-10.").value_high) == (pytest.approx(5 + 10 / 12), None)
    assert one("It cost $5-10.").value_high == 10


def test_a_word_capitalised_by_its_place_names_nothing():
    assert [(f.surface, f.value) for f in parse_figures("About 300 died. Exactly 40 came. He was a hundred and two.")] \
        == [("300", 300), ("40", 40), ("a hundred and two", 102)]


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("A hundred thousand people protested.", "A hundred thousand", 1e5),
        ("The bill costs a billion and a half dollars.", "a billion and a half dollars", 1.5e9),
        ("One-and-a-half million people fled.", "One-and-a-half million", 1.5e6),
        ("It lasted two-and-a-half hours.", "two-and-a-half hours", 2.5),
        ("Sales rose 10-fold.", "10-fold", 10),
        ("The new chip is 3x faster.", "3x", 3),
        ("The state spent Rs 2.4 lakh crore on roads.", "Rs 2.4 lakh crore", 2.4e12),
        ("The bank wrote off 1.5 thousand million pounds.", "1.5 thousand million pounds", 1.5e9),
        ("About 5 hundred thousand tickets were sold.", "5 hundred thousand", 5e5),
        ("Fees fell by one-seventh.", "one-seventh", pytest.approx(1 / 7)),
        ("Two-ninths of the seats changed hands.", "Two-ninths", pytest.approx(2 / 9)),
    ],
)
def test_compound_scales_hyphenated_halves_and_multiples(text, surface, value):
    fig = one(text)
    assert (fig.surface, fig.value) == (surface, value)


def test_a_part_after_a_scale_without_and_must_be_scaled_itself():
    assert [f.surface for f in parse_figures("It reached 3 million 2 years ago.")] == ["3 million", "2 years"]


@pytest.mark.parametrize(
    "text, figures",
    [
        ("The company cut its workforce by a third.", [("a third", pytest.approx(1 / 3))]),
        ("He won a third term.", []),
        ("One in four children live in poverty.", [("One", 1), ("four", 4)]),
        ("It was the one thing they lacked.", []),
    ],
)
def test_a_fraction_closing_its_clause_and_one_in_n(text, figures):
    assert [(f.surface, f.value) for f in parse_figures(text)] == figures


def test_half_before_no_unit_or_scale_is_no_figure():
    assert parse_figures("He had half a chance in the first half of 2017.") == []


@pytest.mark.parametrize(
    "text, figures",
    [
        ("Profits rose 9% to $1.2bn.", [("9%", 9, None), ("$1.2bn", 1.2e9, None)]),
        ("Shares were up 5% to 7% of the market.", [("5%", 5, None), ("7%", 7, None)]),
        ("The index fell 1.2 percent to 7,245 points.", [("1.2 percent", 1.2, None), ("7,245", 7245, None)]),
        ("Sales fell by 4.5 per cent to $2.1 billion.", [("4.5 per cent", 4.5, None), ("$2.1 billion", 2.1e9, None)]),
        ("Prices rose from $5 to $7.", [("$5 to $7", 5, 7)]),
        ("The firm will cut 1,200 to 1,500 jobs.", [("1,200 to 1,500", 1200, 1500)]),
    ],
)
def test_after_a_verb_of_change_a_figure_to_another_is_the_change_and_the_new_level(text, figures):
    assert [(f.surface, f.value, f.value_high) for f in parse_figures(text)] == figures


@pytest.mark.parametrize(
    "text",
    [
        "The FTSE 100 fell sharply on Monday.",
        "Users of Windows 10 complained.",
        "The iPhone 15 Pro sold out.",
        "The S&P 500 rose sharply.",
        "Player ratings. Smith: 7. Jones: 6.5.",
        "The Boeing 737 Max 8 was grounded.",
        "The plant is certified to ISO 9001 standards.",
        "The show airs on channel two.",
        "Flight 370 vanished over the ocean.",
        "They backed Resolution 2254 at the council.",
        "United won 3-1 at home.",
        "They were 1-0 down at half time.",
        "The Lakers beat the Celtics 112-104 on Sunday.",
        "1. The government will act.\n(2) the second clause applies.",
        "See Figure 3 and Table 2 for details.",
        "Apollo 11 landed on the Moon.",
        "Call 020 7946 0018 for details.",
        "He saved into his 401(k) plan.",
        "The rally starts at 12 noon.",
        "The meeting is at 14:00 UTC+3 today.",
        "It was planned before the September 11, 2001 attacks.",
        "Slides covered the period from 16 to 13 November.",
        "Solve 5 + 7 = to post a comment.",
        "He lives at 10 Downing Street.",
        "The Boeing 777F freighter landed.",
        "The camera shoots 1080p video at night.",
        "The set shows 4K pictures and streams in 8K.",
        "The 2020 census missed some towns.",
        "It had not recovered from the 2008 crisis.",
        "He won a seventh term.",
        "The bar is open between 8 and 11 pm.",
        "The board backed it by a 3-to-1 vote.",
        "He bought an AR15 rifle.",
    ],
)
def test_designators_scores_zones_and_dates_are_not_figures(text):
    assert parse_figures(text) == []


@pytest.mark.parametrize("text", ["It cost $5 bıllion.", "about 5 kılometres", "10 dollarſ", "İncirlik 5 km", "ǅ 3 ﬅ"])
def test_look_alike_letters_do_not_crash_and_keep_offsets(text):
    for fig in parse_figures(text):
        assert text[fig.start:fig.end] == fig.surface


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
       | st.lists(st.sampled_from(["5", "1,200", "$", "bıllion", "million", "ſ", "İ", " ", "-", "to", "kılometres",
                                   "and", "between", "GB", "(", ")", "per", "thousands", "of", "2001", "a", "pair",
                                   "three", "%", "·", "K", "Ω", "ﬅ", "e", "^", "×", "10", "⁻⁵", "020", "(k)", "foot",
                                   "point", "nought", "-fold", "bps", "through", "Street", "noon", "half"]),
                    max_size=14).map("".join))
def test_parse_figures_never_crashes_and_offsets_index_the_text(text):
    previous_end = 0
    for fig in parse_figures(text):
        assert 0 <= previous_end <= fig.start < fig.end <= len(text)
        assert text[fig.start:fig.end] == fig.surface
        assert fig.value_high is None or fig.value_high > fig.value
        previous_end = fig.end


@pytest.mark.parametrize(
    "text, counted",
    [
        ("Rebels fired rockets; at least three struck the airport.", ""),
        ("Some 5,000 Kurdish Peshmerga joined the assault.", "Kurdish Peshmerga"),
        ("The raid left dozens of wounded in the streets.", "wounded"),
        ("It captured thousands of villages, cities and capitals.", "villages"),
        # a count that closes its clause: what the clause says it counts
        ("The presence of ISIS fighters is estimated to be around 7000 in the city.", "ISIS fighters"),
        ("By Friday the death toll had risen to 212.", "death toll"),
        ("By Friday the death toll rose to 212.", "death toll"),
        ("Medics put the number of wounded at 340.", "wounded"),
    ],
)
def test_what_a_count_counts(text, counted):
    """The noun phrase after it, ending at a plural or a name; else what its clause says it counts."""
    assert one(text).counted == counted


def test_a_vague_magnitude_after_a_money_verb_is_money():
    assert one("selling oil and earning millions on a daily basis").kind == "money"


def test_attribute_uses_the_innermost_quote_containing_the_figure():
    figs = pd.DataFrame({"doc_id": ["d", "d", "d", "e"], "start": [5, 40, 90, 5], "end": [10, 45, 95, 10]})
    quotes = pd.DataFrame({
        "doc_id": ["d", "d", "d"], "speaker": ["eric_pahon", "qassem_soleimani", None],
        "content_start": [30, 35, 85], "content_end": [80, 50, 100],
    })
    assert list(attribute(figs, quotes)) == [AUTHOR, "qassem_soleimani", "unknown", AUTHOR]
    assert list(attribute(figs, quotes.iloc[0:0])) == [AUTHOR] * 4


def test_gold_surfaces_are_the_text_at_their_offsets(corpus):
    for row in GOLD.itertuples():
        assert corpus.texts[row.doc_id][row.start:row.end] == row.surface, row


def test_table_columns_offsets_and_sentences(corpus, predicted):
    assert list(predicted.columns) == COLUMNS
    assert predicted.groupby("doc_id").size().to_dict() == GOLD.groupby("doc_id").size().to_dict()
    for row in predicted.itertuples():
        assert corpus.texts[row.doc_id][row.start:row.end] == row.surface
        sentence = corpus.sentences[(corpus.sentences.doc_id == row.doc_id) & (corpus.sentences.sent_id == row.sent_id)]
        assert sentence.start.item() <= row.start < sentence.end.item()


def scores(predicted: pd.DataFrame) -> dict[str, float]:
    """P/R/F1 on exact span with equal value, and field accuracy over the gold figures found."""
    merged = GOLD.merge(predicted, on=["doc_id", "start", "end"], suffixes=("_gold", ""))
    hits = merged[merged.value == merged.value_gold]
    precision, recall = len(hits) / len(predicted), len(hits) / len(GOLD)
    accuracy = {f: float((merged[f] == merged[f"{f}_gold"]).mean())
                for f in ("unit", "kind", "counted", "approximate", "vague", "source")}
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall), **accuracy}


def test_accuracy_against_hand_annotations(predicted):
    s = scores(predicted)
    # Floors are the values measured when this test was written (issue targets: F1 >= 0.95, fields >= 0.85).
    assert s["f1"] >= 1.0, s
    assert s["unit"] >= 1.0 and s["kind"] >= 1.0 and s["counted"] >= 1.0, s
    assert s["approximate"] >= 1.0 and s["vague"] >= 1.0, s
    # Sources come from analysis.stages.quotes: 42 of 44 right. Misses: a figure "revealed" by a BBC documentary
    # (no reporting verb with a speaker), and "if they admitted 2,000" resolved to the Pentagon, not its spokesman.
    assert s["source"] >= 0.95, s


def test_recurring_figures_across_outlets(corpus, predicted):
    table = recurring_figures(corpus, predicted)
    rows = table[["figure", "doc_id", "surface", "approximate", "source"]].to_records(index=False).tolist()
    assert rows == [
        ("1,000–10,000 mosques", "000_d251aeb472392b04", "thousands", False, "qassem_soleimani"),
        ("1,000–10,000 mosques", "002_f80f2dc959706d05", "thousands", False, "qassem_soleimani"),
        ("500 billion USD", "000_d251aeb472392b04", "$500 billion", False, "qassem_soleimani"),
        ("500 billion USD", "001_b8e32a01f76ace3e", "$ 500 billion", True, "qassem_soleimani"),
    ]
    assert table.loc[3, "sentence"].endswith("amounted to at least $ 500 billion.")


def test_figures_by_kind_counts_every_figure_once(corpus, predicted):
    table = figures_by_kind(corpus, predicted)
    assert table["figures"].sum() == len(predicted)
    by_doc = table.groupby("doc_id")["figures"].sum().to_dict()
    assert by_doc == GOLD.groupby("doc_id").size().to_dict()
    money = table[table.kind == "money"].set_index("doc_id")["figures"].to_dict()
    assert money == {"000_d251aeb472392b04": 1, "001_b8e32a01f76ace3e": 1, "004_b6cadf51bfb24b9f": 1}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The US warplanes unleashed hell, killing around 100 Syrian defenders.", "casualties"),
        ("The Pentagon admitted that 2,000 US ground troops are in Syria.", "forces"),
        ("The onslaught displaced millions of people.", "displacement"),
        ("It was reduced to a mere 800 metres of coastal area.", "territory and distance"),
        ("Mosul has been surrounded from three sides.", "other"),
    ],
)
def test_topic_of_a_figure(sentence, expected):
    assert topic(sentence, one(sentence)) == expected


def test_sources_by_outlet_name_and_type_each_source(corpus, predicted):
    table = sources_by_outlet(corpus, predicted)
    assert table["figures"].sum() == len(predicted)
    rows = table[table.doc_id.str.startswith("003")][["source_name", "source_type", "figures"]].to_records(index=False)
    assert rows.tolist() == [("the author", "author", 17), ("Iraqi security officials", "unnamed", 1)]
    hayden = table[table.source == "michael_hayden"].iloc[0]
    assert (hayden.source_name, hayden.source_type, hayden.figures) == ("Michael Hayden", "person", 1)


def test_a_source_the_catalogue_lacks_is_named_from_the_candidates(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Families return to Mosul\n\nBy Staff\n\nMOSUL, Iraq - More families came home this week. \"About 300 families "
        "have returned to the old city,\" said Marta Kowalczyk, a spokeswoman for the relief group.\n\nKowalczyk said "
        "40 schools had reopened.\n", encoding="utf-8")
    small = load_corpus(tmp_path)
    build = Build(small)
    assert set(build["figures"]["source"]) == {"unlisted:marta-kowalczyk"}  # both figures are hers
    row = sources_by_outlet(small, build["figures"], build["candidates"]).iloc[0]
    assert (row.source_name, row.source_type, row.figures) == ("Marta Kowalczyk", "person", 2)
    assert sources_by_outlet(small, build["figures"]).iloc[0].source_type == "unnamed"  # without the candidates


def test_bad_input_is_a_clear_error_and_no_figures_is_an_empty_table(tmp_path):
    with pytest.raises(TypeError, match="parse_figures expects a str, got NoneType"):
        parse_figures(None)
    assert parse_figures("") == [] and parse_figures("No numbers here at all.") == []
    (tmp_path / "a.txt").write_text("A short note.\n\nIt states no quantity whatsoever.\n", encoding="utf-8")
    small = load_corpus(tmp_path)
    build = Build(small)
    table = build["figures"]
    assert list(table.columns) == COLUMNS and table.empty
    assert recurring_figures(small, table).empty and figures_by_kind(small, table).empty
    assert sources_by_outlet(small, table).empty


@pytest.mark.parametrize(
    "value, text",
    [(5e11, "500 billion"), (2.5e6, "2.5 million"), (1.2e12, "1.2 trillion"), (7000.0, "7,000"), (2 / 3, "0.667")],
)
def test_readable_number(value, text):
    assert readable_number(value) == text


def test_a_range_recurs_when_both_its_ends_do(tmp_path):
    (tmp_path / "a.txt").write_text("First report\n\nBetween 20 and 30 people were killed in the raid on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second report\n\nThe raid killed 20-30 people, officials said on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third report\n\nThe raid killed 20 people, medics said on Monday.\n",
                                    encoding="utf-8")
    small = load_corpus(tmp_path)
    table = Build(small)["recurring_figures"]
    assert table[["figure", "surface"]].to_records(index=False).tolist() == [
        ("20–30 people", "20 and 30"), ("20–30 people", "20-30")]


@pytest.mark.parametrize(
    "text, surface, value, unit, dated",
    [
        ("Two days later, soldiers liberated the city", "Two days", 2, "day", "Two days later"),
        ("Eleven days later the talks resumed.", "Eleven days", 11, "day", "Eleven days later"),
        ("Four minutes later a second blast hit.", "Four minutes", 4, "minute", ""),
        ("it posed two years ago", "two years", 2, "year", "two years ago"),
        ("One year ago when corporate media cried", "One year", 1, "year", "One year ago"),
        ("He left three short years ago.", "three short years", 3, "year", ""),
        ("The vote came 2 days after the strike.", "2 days", 2, "day", "2 days after"),
    ],
)
def test_a_time_span_that_dates_an_event_is_a_duration_and_a_relative_date(text, surface, value, unit, dated):
    """"N days later" is both a duration (a figure) and a relative date (a row in `dates`): the two tables
    describe the same words from two sides, so their spans may overlap. (The dates stage reads days to
    decades, with nothing between the number and the noun: not minutes, not "three short years".)"""
    durations = [(f.surface, f.value, f.unit, f.kind) for f in parse_figures(text)]
    assert durations == [(surface, value, unit, "duration")]
    relative = [d.surface for d in parse_dates(text) if d.relative]
    assert relative == ([dated] if dated else [])


def test_a_count_before_a_dated_time_span_stays_a_count():
    found = [(f.surface, f.kind, f.counted) for f in parse_figures("They killed three people two days later.")]
    assert found == [("three", "count", "people"), ("two days", "duration", "")]


@pytest.mark.parametrize(
    "text, surface, value, unit, kind",
    [
        ("The pipe is 3/4 inch wide.", "3/4 inch", 0.75, "in", "distance"),
        ("They walked 6 1/2 miles to the border.", "6 1/2 miles", 6.5, "mi", "distance"),
        ("The drive took 3½ hours.", "3½ hours", 3.5, "hour", "duration"),
        ("Nearly 2/3 of the budget went on salaries.", "2/3", 2 / 3, "fraction", "percent"),
        ("Half million homes lost power.", "Half million", 5e5, "", "count"),
        ("A quarter million people marched.", "A quarter million", 2.5e5, "", "count"),
        ("The city has two million and a half residents.", "two million and a half", 2.5e6, "", "count"),
        ("Temperatures fell to minus 12 degrees Celsius.", "minus 12 degrees Celsius", -12, "°C", "temperature"),
        ("Output shrank by negative 3 percent.", "negative 3 percent", -3, "percent", "percent"),
        ("It was 104 Fahrenheit in the shade.", "104 Fahrenheit", 104, "°F", "temperature"),
        ("Each dose holds 50 μg of the drug.", "50 μg", 50, "µg", "weight"),
        ("a 64-bit processor", "64-bit", 64, "bit", "data"),
    ],
)
def test_fractions_signs_and_unit_spellings(text, surface, value, unit, kind):
    fig = one(text)
    assert (fig.surface, fig.unit, fig.kind) == (surface, unit, kind)
    assert fig.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["after the 9/11 attacks", "open 24/7", "on 5/17/2018 at noon", "a 6/4 win",
                                  "10 minus 5 is five"])
def test_slashes_that_are_not_fractions_and_subtraction(text):
    assert [(f.surface, f.value) for f in parse_figures(text) if f.value < 0 or "/" in f.surface] == []


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        ("The deal was worth 300 million francs.", "300 million francs", "franc"),  # several currencies: the noun
        ("Fares rose to 40 zlotys.", "40 zlotys", "PLN"),  # one current currency of that name: its code
        ("He scored 50 marks out of 60.", "50", ""),  # an everyday word is no currency
    ],
)
def test_the_head_noun_of_a_currency_name_alone(text, surface, unit):
    fig = parse_figures(text)[0]
    assert (fig.surface, fig.unit) == (surface, unit)


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("The ticket cost 4 dollars 75 cents.", "4 dollars 75 cents", 4.75, "USD"),
        ("He stands 6 feet 3 inches tall.", "6 feet 3 inches", 6.25, "ft"),
        ("The talks lasted 3 hours and 15 minutes.", "3 hours and 15 minutes", 3.25, "hour"),
    ],
)
def test_a_smaller_unit_after_a_measure_is_part_of_it(text, surface, value, unit):
    fig = one(text)
    assert (fig.surface, fig.unit) == (surface, unit) and fig.value == pytest.approx(value)


@pytest.mark.parametrize("text, surface, low, high", [
    ("The victim, a man in his 60s, was taken to hospital.", "60s", 60, 69),
    ("Both women were in their early 30s.", "early 30s", 30, 33),
    ("a teacher in her mid-40s", "mid-40s", 44, 46),
    ("The driver, in his late 50's, was unhurt.", "late 50's", 57, 59),
])
def test_an_age_given_as_a_decade_of_life_is_a_range(text, surface, low, high):
    # sentences written for the test; a decade without a possessive before it ("the 1960s", "the 90s") is a
    # period or a temperature and stays no figure
    (fig,) = parse_figures(text)
    assert (fig.surface, fig.value, fig.value_high, fig.unit, fig.kind) == (surface, low, high, "year", "age")
    assert parse_figures("Music of the 1960s and the 90s; temperatures in the 90s.") == []


def test_one_after_a_verb_whose_object_is_people_is_a_count():
    """"one" is mostly no figure ("one of them", "no one"), but after a verb whose object is people it counts them,
    as any number there does (sentences written for the test)."""
    found = [(f.surface, f.counted) for f in parse_figures(
        "The shelling killed one shepherd near the well, and the blast wounded one. One of them said no one else "
        "was hurt.")]
    assert found == [("one", "shepherd"), ("one", "people")]


def test_one_and_its_noun_as_the_subject_of_a_passive_people_verb_is_a_count():
    """"One man was killed" counts one person, as "killed one civilian" does; "one of them was killed" and "one thing
    is clear" stay no figure (sentences written for the test)."""
    assert [(f.surface, f.counted) for f in parse_figures(
        "One man was killed by fire in the town. One soldier was wounded. One of them was killed. One thing is clear."
    )] == [("One", "man"), ("One", "soldier")]


@pytest.mark.parametrize("vague, low, high", [
    ("hundreds", 100.0, 1_000.0),                     # quantifiers.yaml: hundreds [100, 1000]
    ("tens of thousands", 10_000.0, 100_000.0),       # 10 x 1,000; the first word's range times the rest's low ends
    ("hundreds of millions", 1e8, 1e9),               # 100 x 1,000,000 to 1,000 x 1,000,000
])
def test_vague_value_multiplies_the_low_ends(vague, low, high):
    _lexicon()
    assert _vague_value(vague) == (low, high)


@pytest.mark.parametrize("after, counted", [
    (" *US ground troops to Syria.", "US ground troops"),    # a footnote mark before the first word; "to" stops
    (" US\nground troops.", "US"),                          # words after a line break are not the phrase's
    (" of the brave young Kurdish border guards", "brave young Kurdish"),  # four words at most, the last
    # (lower case, not plural-looking) then dropped
    (" people  killed", "people"),                           # two spaces still join; a participle ends it
])
def test_counted_reads_up_to_four_words_after_a_count(after, counted):
    _lexicon()
    assert _counted("2,000" + after, 5, plural=True) == counted


def test_a_count_after_another_at_a_sentence_start_is_no_designator():
    """"Another" is a determiner, not a name the number designates ("Apollo 11"), even before a plural the plural
    test does not know (sentence written for the test)."""
    assert [(f.surface, f.value) for f in parse_figures("Another 14 tribesmen were taken prisoner.")] == [("14", 14)]


@pytest.mark.parametrize("text, expected", [
    # English capitalises month names: a lower-case "may" after a count is the modal verb, "May" the month
    ("Officials fear 2,000 may have died in the flood.", [("2,000", 2000.0, "")]),
    ("On 5 May, 300 people left the camp.", [("300", 300.0, "people")]),
    # the word after a year is looked for in its own paragraph only: "Nairobi" below is a dateline, not what is counted
    ("The group has killed thousands since 2009\n\nNairobi: At least 12 people died.",
     [("thousands", 1000.0, "people"), ("12", 12.0, "people")]),
    # "whose" is a partitive determiner like "the" and "their"
    ("The rebels, more than 20 of whose soldiers had been killed, withdrew.", [("20", 20.0, "soldiers")]),
    # after a possessive, a number before a singular common noun names a unit; before a plural it counts
    ("The regiment's 101 battalion moved north.", []),
    ("The city's 300 residents fled.", [("300", 300.0, "residents")]),
])
def test_months_paragraphs_partitives_and_possessive_designators(text, expected):
    """Sentences written for the test: each form found wrong on a fresh set of conflict pages (issue 15), fixed
    by the general rule its comment states."""
    assert [(f.surface, f.value, f.counted) for f in parse_figures(text)] == expected
