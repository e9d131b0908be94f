"""Tests for analysis.core.numbers: every expected value below is written by hand."""

from __future__ import annotations

import itertools
import re

import pytest

from analysis.core.numbers import PERIODS, UNITS, Figure, find_figures, line_col
from analysis.core.vocab import NUMBER_WORDS, SCALES, TENS

EN_DASH_ONCE = "\u00e2\u20ac\u201c"  # "â€“": an en dash, UTF-8 read as windows-1252
EM_DASH_ONCE = "\u00e2\u20ac\u201d"  # "â€”": an em dash, the same way
EN_DASH_TWICE = "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac\u0153"  # "Ã¢â‚¬â€œ": damaged twice
EM_DASH_TWICE = "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac\u009d"  # "Ã¢â‚¬â€" + U+009D
EN_DASH_GREEK = "\u03b2\u20ac\u201c"  # "β€“": an en dash, UTF-8 read as windows-1253


def only(text: str) -> Figure:
    """The single figure ``text`` must contain."""
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


# (text, expected figure text, expected values, expected unit)
CASES: list[tuple[str, str, tuple[float, ...], str]] = [
    # money, single amounts
    ("The median pay is $32,000.", "$32,000", (32000.0,), "usd"),
    ("A budget of $1.5 million.", "$1.5 million", (1500000.0,), "usd"),
    ("They gave away more than $60 million in scholarships.", "$60 million", (60000000.0,), "usd"),
    ("Top agents earn $50k.", "$50k", (50000.0,), "usd"),
    ("Top agents earn $50K.", "$50K", (50000.0,), "usd"),
    ("A $2M contract", "$2M", (2000000.0,), "usd"),
    ("Revenue hit $3 billion", "$3 billion", (3000000000.0,), "usd"),
    ("Offers start at USD 40,000 a year.", "USD 40,000", (40000.0,), "usd"),
    ("Offers start at US$40,000.", "US$40,000", (40000.0,), "usd"),
    ("Some earn $50,000+ with bonuses.", "$50,000+", (50000.0,), "usd"),
    ("Upwards of $50,000 per year.", "$50,000", (50000.0,), "usd"),
    # a sign before or after the currency: a negative amount
    ("Pay fell by -$5,000 that year.", "-$5,000", (-5000.0,), "usd"),
    ("Pay fell by \u2212$5,000 that year.", "\u2212$5,000", (-5000.0,), "usd"),
    ("A change of $-5,000.", "$-5,000", (-5000.0,), "usd"),
    ("Ranges of $30,000-$40,000 a year.", "$30,000-$40,000", (30000.0, 40000.0), "usd"),
    ("Trainees get $ 900 up front.", "$ 900", (900.0,), "usd"),
    # money, hourly
    ("It pays $18.50 an hour.", "$18.50 an hour", (18.5,), "usd/hour"),
    ("It pays $18.50 per hour.", "$18.50 per hour", (18.5,), "usd/hour"),
    ("It pays $18.50/hour.", "$18.50/hour", (18.5,), "usd/hour"),
    ("It pays $18.50/hr.", "$18.50/hr", (18.5,), "usd/hour"),
    ("Rates of $12 to $15 per hour", "$12 to $15 per hour", (12.0, 15.0), "usd/hour"),
    ("Rates of $12/hour to $15/hour", "$12/hour to $15/hour", (12.0, 15.0), "usd/hour"),
    ("Rates of $12-15/hr", "$12-15/hr", (12.0, 15.0), "usd/hour"),
    # money ranges
    ("pays between $25,702 and $33,661. A", "$25,702 and $33,661", (25702.0, 33661.0), "usd"),
    ("is generally between $56,367 and 78,468.", "$56,367 and 78,468", (56367.0, 78468.0), "usd"),
    ("Pay: $40,000-50,000 a year", "$40,000-50,000", (40000.0, 50000.0), "usd"),
    ("Pay: $40,000 - $50,000", "$40,000 - $50,000", (40000.0, 50000.0), "usd"),
    ("Pay: $40k\u2013$50k", "$40k\u2013$50k", (40000.0, 50000.0), "usd"),
    ("Pay: $40\u201350k", "$40\u201350k", (40000.0, 50000.0), "usd"),
    ("Pay: $1-2 million", "$1-2 million", (1000000.0, 2000000.0), "usd"),
    ("Pay: $900,000-1.2 million", "$900,000-1.2 million", (900000.0, 1200000.0), "usd"),
    ("Pay: $40,000\u2014$50,000", "$40,000\u2014$50,000", (40000.0, 50000.0), "usd"),
    ("Pay: $30,000 to $45,000", "$30,000 to $45,000", (30000.0, 45000.0), "usd"),
    ("Pay: USD 30,000 to 45,000", "USD 30,000 to 45,000", (30000.0, 45000.0), "usd"),
    # money ranges with dashes damaged by encodings
    (f"Pay: $40,000{EN_DASH_ONCE}$50,000", f"$40,000{EN_DASH_ONCE}$50,000", (40000.0, 50000.0), "usd"),
    (f"Pay: $40,000 {EM_DASH_ONCE} $50,000", f"$40,000 {EM_DASH_ONCE} $50,000", (40000.0, 50000.0), "usd"),
    (f"Pay: $40,000{EN_DASH_TWICE}$50,000", f"$40,000{EN_DASH_TWICE}$50,000", (40000.0, 50000.0), "usd"),
    (f"Pay: $40,000{EM_DASH_TWICE}$50,000", f"$40,000{EM_DASH_TWICE}$50,000", (40000.0, 50000.0), "usd"),
    (f"Shifts run 4{EN_DASH_ONCE}8 hours", f"4{EN_DASH_ONCE}8 hours", (4.0, 8.0), "hour"),
    (f"Shifts run 4{EN_DASH_TWICE}8 hours", f"4{EN_DASH_TWICE}8 hours", (4.0, 8.0), "hour"),
    # durations
    ("at least 1 year of experience", "1 year", (1.0,), "year"),
    ("with 0 to 3 years of experience", "0 to 3 years", (0.0, 3.0), "year"),
    ("they typically range from 4-8 hours.", "4-8 hours", (4.0, 8.0), "hour"),
    ("requires 5+ years of experience", "5+ years", (5.0,), "year"),
    ("training lasts 2\u20133 weeks", "2\u20133 weeks", (2.0, 3.0), "week"),
    ("training lasts 2 \u2014 3 weeks", "2 \u2014 3 weeks", (2.0, 3.0), "week"),
    ("at least seven years of experience", "seven years", (7.0,), "year"),
    ("Usually five years of experience", "five years", (5.0,), "year"),
    ("Twelve months of probation", "Twelve months", (12.0,), "month"),
    ("within three to five days", "three to five days", (3.0, 5.0), "day"),
    ("between 2 and 4 weeks of training", "2 and 4 weeks", (2.0, 4.0), "week"),
    ("a 40-hour week", "40-hour", (40.0,), "hour"),
    ("breaks of 15 minutes", "15 minutes", (15.0,), "minute"),
    ("a 30 min lunch", "30 min", (30.0,), "minute"),
    ("wait 1 day", "1 day", (1.0,), "day"),
    ("the past 20 years", "20 years", (20.0,), "year"),
    ("for 6 months", "6 months", (6.0,), "month"),
    ("after 10 yrs", "10 yrs", (10.0,), "year"),
    ("1,000 hours of calls", "1,000 hours", (1000.0,), "hour"),
    ("2.5 hours", "2.5 hours", (2.5,), "hour"),
    ("twenty days off", "twenty days", (20.0,), "day"),
    # percentages
    ("turnover of 25 percent", "25 percent", (25.0,), "percent"),
    ("turnover of 25%", "25%", (25.0,), "percent"),
    ("turnover of 12.5 %", "12.5 %", (12.5,), "percent"),
    ("from 25 to 50 percent a year", "25 to 50 percent", (25.0, 50.0), "percent"),
    ("over 50 percent of agents", "50 percent", (50.0,), "percent"),
    ("rose 30-45% in", "30-45%", (30.0, 45.0), "percent"),
    ("about 40 per cent", "40 per cent", (40.0,), "percent"),
    # round the clock
    ("Call centers are typically open 24/7, which", "24/7", (24.0, 7.0), "24/7"),
    # markdown-ish table rows
    ("| Salary | $32,000 |", "$32,000", (32000.0,), "usd"),
    ("| Shift length | 4-8 hours |", "4-8 hours", (4.0, 8.0), "hour"),
    ("| Schedules | Open 24/7 |", "24/7", (24.0, 7.0), "24/7"),
    ("|Range|$25,702 and $33,661|", "$25,702 and $33,661", (25702.0, 33661.0), "usd"),
]


@pytest.mark.parametrize(("text", "figure_text", "values", "unit"), CASES)
def test_single_figure(text: str, figure_text: str, values: tuple[float, ...], unit: str) -> None:
    figure = only(text)
    assert figure.text == figure_text
    assert figure.values == values
    assert figure.unit == unit
    assert text[figure.start : figure.end] == figure_text
    assert figure.unit in UNITS


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No figures at all here.",
        "See Table 1.2 for details.",
        "The survey ran in 2007.",
        "On March 5, 2007 the center opened.",
        "Customer Service Representative III",
        "It takes a few days.",
        "Call 555-0100 for hours of operation.",
        "Someone dayed.",  # "one" inside a word is not a number
        "one of the reasons",
        "| Level | 3 |",
        "years and months and hours",
        "He scored 1,234.",
    ],
)
def test_no_figures(text: str) -> None:
    assert find_figures(text) == []


def test_several_figures_in_order_with_positions() -> None:
    text = (
        "# Pay\n"
        "| Role | Pay |\n"
        "| Agent | $32,000 |\n"
        "Seniors earn between $25,702 and $33,661 after 0 to 3 years.\n"
        "Centers run 24/7; shifts last 4-8 hours and turnover is 25%.\n"
    )
    figures = find_figures(text)
    assert [(f.line, f.col, f.text, f.values, f.unit) for f in figures] == [
        (3, 11, "$32,000", (32000.0,), "usd"),
        (4, 22, "$25,702 and $33,661", (25702.0, 33661.0), "usd"),
        (4, 48, "0 to 3 years", (0.0, 3.0), "year"),
        (5, 13, "24/7", (24.0, 7.0), "24/7"),
        (5, 31, "4-8 hours", (4.0, 8.0), "hour"),
        (5, 57, "25%", (25.0,), "percent"),
    ]
    assert [(f.start, f.end) for f in figures] == [
        (31, 38),
        (62, 81),
        (88, 100),
        (114, 118),
        (132, 141),
        (158, 161),
    ]
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text


def test_figures_do_not_overlap_and_are_sorted() -> None:
    text = (
        "Between $40,000 and 50,000 for 2-3 years, $18/hr, 24/7, "
        "$500 and 20 years, $5-10 hours, 10 to 20 percent, $1-2 million."
    )
    figures = find_figures(text)
    assert [f.text for f in figures] == [
        "$40,000 and 50,000",
        "2-3 years",
        "$18/hr",
        "24/7",
        "$500",
        "20 years",
        "$5",
        "10 hours",
        "10 to 20 percent",
        "$1-2 million",
    ]
    for before, after in itertools.pairwise(figures):
        assert before.end <= after.start


def test_second_number_with_its_own_unit_is_not_a_money_range() -> None:
    figures = find_figures("earn $50,000 and 5 years of raises")
    assert [(f.text, f.values, f.unit) for f in figures] == [
        ("$50,000", (50000.0,), "usd"),
        ("5 years", (5.0,), "year"),
    ]


def test_descending_second_number_is_not_a_range() -> None:
    figures = find_figures("spent $500 and 20 employees left")
    assert [(f.text, f.values) for f in figures] == [("$500", (500.0,))]


def test_hourly_amount_does_not_pair_with_a_yearly_one() -> None:
    figures = find_figures("$15/hour and $50,000 a year")
    assert [(f.text, f.values, f.unit) for f in figures] == [
        ("$15/hour", (15.0,), "usd/hour"),
        ("$50,000", (50000.0,), "usd"),
    ]


def test_figure_does_not_cross_a_line_break() -> None:
    figures = find_figures("pays $40,000 -\n$50,000 and takes 5\nyears")
    assert [f.text for f in figures] == ["$40,000", "$50,000"]


def test_line_col() -> None:
    text = "ab\ncd\n\nef"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 1) == (1, 2)
    assert line_col(text, 2) == (1, 3)  # the newline itself ends line 1
    assert line_col(text, 3) == (2, 1)
    assert line_col(text, 6) == (3, 1)
    assert line_col(text, 7) == (4, 1)
    assert line_col(text, 9) == (4, 3)  # the end of the text
    with pytest.raises(ValueError):
        line_col(text, 10)
    with pytest.raises(ValueError):
        line_col(text, -1)


# --------------------------------------------------------------------------------------------
# Texts from anywhere: other currencies, amounts in words, spaced thousands, periods, mojibake
# --------------------------------------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"  # no-break space, narrow no-break space
POUND_ONCE = "\u00c2\u00a3"  # "Â£": a pound sign, UTF-8 read as windows-1252
POUND_TWICE = "\u00c3\u201a\u00c2\u00a3"  # "Ã‚Â£": damaged twice
EURO_ONCE = "\u00e2\u201a\u00ac"  # "â‚¬"
EURO_TWICE = "\u00c3\u00a2\u00e2\u20ac\u0161\u00c2\u00ac"  # "Ã¢â€šÂ¬"
RUPEE_ONCE = "\u00e2\u201a\u00b9"  # "â‚¹"
NBSP_ONCE = "\u00c2\u00a0"  # "Â" + no-break space: a no-break space damaged once

# (text, expected figure text, values, unit, currency, period)
WORLD_CASES: list[tuple[str, str, tuple[float, ...], str, str | None, str | None]] = [
    # U.S. dollars keep their units, and now say so
    ("The median pay is $32,000.", "$32,000", (32000.0,), "usd", "USD", None),
    ("Offers start at USD 40,000 a year.", "USD 40,000", (40000.0,), "usd", "USD", "year"),
    ("Offers of 32,000 USD a year", "32,000 USD", (32000.0,), "usd", "USD", "year"),
    ("Offers of 32,000 US dollars", "32,000 US dollars", (32000.0,), "usd", "USD", None),
    ("It pays $18.50 an hour.", "$18.50 an hour", (18.5,), "usd/hour", "USD", "hour"),
    # pounds, euros, Canadian and Australian dollars, rupees, pesos
    ("Salaries start at £24,000.", "£24,000", (24000.0,), "money", "GBP", None),
    ("Salaries of GBP 24,000", "GBP 24,000", (24000.0,), "money", "GBP", None),
    ("£24,000\u2013£28,000 per annum", "£24,000\u2013£28,000", (24000.0, 28000.0), "money", "GBP", "year"),
    ("Salaries start at €30,000.", "€30,000", (30000.0,), "money", "EUR", None),
    ("Das sind 30.000 € brutto", "30.000 €", (30000.0,), "money", "EUR", None),
    ("Pay: 30.000\u201340.000 € a year", "30.000\u201340.000 €", (30000.0, 40000.0), "money", "EUR", "year"),
    ("Pay: €30.000 - €40.000", "€30.000 - €40.000", (30000.0, 40000.0), "money", "EUR", None),
    ("Pay: 30.000 € - 40.000 €", "30.000 € - 40.000 €", (30000.0, 40000.0), "money", "EUR", None),
    ("Pay: 50 000 € a year", "50 000 €", (50000.0,), "money", "EUR", "year"),
    (f"Pay: 50{NBSP}000{NBSP}€", f"50{NBSP}000{NBSP}€", (50000.0,), "money", "EUR", None),
    (f"Pay: 50{NNBSP}000 €", f"50{NNBSP}000 €", (50000.0,), "money", "EUR", None),
    ("Pay: EUR 1.5 million", "EUR 1.5 million", (1500000.0,), "money", "EUR", None),
    ("It pays €12,50 an hour", "€12,50 an hour", (12.5,), "money/hour", "EUR", "hour"),
    ("It pays 12,50 EUR per hour", "12,50 EUR per hour", (12.5,), "money/hour", "EUR", "hour"),
    ("Agents earn CAD 45,000.", "CAD 45,000", (45000.0,), "money", "CAD", None),
    ("Agents earn 45,000 CAD.", "45,000 CAD", (45000.0,), "money", "CAD", None),
    ("Agents earn C$45,000.", "C$45,000", (45000.0,), "money", "CAD", None),
    ("Agents earn CA$45,000.", "CA$45,000", (45000.0,), "money", "CAD", None),
    ("Agents earn 45,000 Canadian dollars", "45,000 Canadian dollars", (45000.0,), "money", "CAD", None),
    ("Agents earn A$60,000.", "A$60,000", (60000.0,), "money", "AUD", None),
    ("Agents earn AU$60,000.", "AU$60,000", (60000.0,), "money", "AUD", None),
    ("Agents earn AUD 60,000.", "AUD 60,000", (60000.0,), "money", "AUD", None),
    ("Freshers get INR 3,00,000 per annum", "INR 3,00,000", (300000.0,), "money", "INR", "year"),
    ("Freshers get ₹25,000 per month", "₹25,000 per month", (25000.0,), "money", "INR", "month"),
    ("Freshers get Rs. 15,000 a month", "Rs. 15,000 a month", (15000.0,), "money", "INR", "month"),
    ("Freshers get ₹3.5 lakh a year", "₹3.5 lakh", (350000.0,), "money", "INR", "year"),
    ("Freshers get 3.5 LPA", "3.5 LPA", (350000.0,), "money", None, "year"),
    ("Freshers get 3.5 lakh per annum", "3.5 lakh", (350000.0,), "money", None, "year"),
    ("Agents get ₱18,000 a month", "₱18,000 a month", (18000.0,), "money", "PHP", "month"),
    ("Agents get PHP 18,000 a month", "PHP 18,000 a month", (18000.0,), "money", "PHP", "month"),
    ("Pay: NZ$50,000", "NZ$50,000", (50000.0,), "money", None, None),  # a dollar it cannot name
    # thousands written K, with or without a currency
    ("Pay: 42K-55K", "42K-55K", (42000.0, 55000.0), "money", None, None),
    ("Pay: 42-55K", "42-55K", (42000.0, 55000.0), "money", None, None),
    ("Pay: $42K\u2013$55K", "$42K\u2013$55K", (42000.0, 55000.0), "usd", "USD", None),
    ("Top agents make 45k.", "45k", (45000.0,), "money", None, None),
    ("Top agents make £45k a year.", "£45k", (45000.0,), "money", "GBP", "year"),
    # amounts and numbers in words
    ("a bonus of fifty dollars", "fifty dollars", (50.0,), "usd", "USD", None),
    ("earn 30 to 40 thousand dollars", "30 to 40 thousand dollars", (30000.0, 40000.0), "usd", "USD", None),
    ("forty thousand dollars a year", "forty thousand dollars", (40000.0,), "usd", "USD", "year"),
    ("two hundred and fifty dollars", "two hundred and fifty dollars", (250.0,), "usd", "USD", None),
    ("a thousand dollars", "a thousand dollars", (1000.0,), "usd", "USD", None),
    (
        "one million two hundred thousand dollars",
        "one million two hundred thousand dollars",
        (1200000.0,),
        "usd",
        "USD",
        None,
    ),
    ("twenty to thirty thousand dollars", "twenty to thirty thousand dollars", (20000.0, 30000.0), "usd", "USD", None),
    ("twenty to thirty dollars an hour", "twenty to thirty dollars an hour", (20.0, 30.0), "usd/hour", "USD", "hour"),
    ("fifteen euros an hour", "fifteen euros an hour", (15.0,), "money/hour", "EUR", "hour"),
    ("twenty-five years of experience", "twenty-five years", (25.0,), "year", None, None),
    ("twenty five years of experience", "twenty five years", (25.0,), "year", None, None),
    ("thirty percent of agents", "thirty percent", (30.0,), "percent", None, None),
    ("Ninety-nine percent of calls", "Ninety-nine percent", (99.0,), "percent", None, None),
    ("twenty to thirty minutes", "twenty to thirty minutes", (20.0, 30.0), "minute", None, None),
    ("zero percent", "zero percent", (0.0,), "percent", None, None),
    # spaced thousands are one amount
    (f"Pay: $45{NBSP}000", f"$45{NBSP}000", (45000.0,), "usd", "USD", None),
    ("Pay: $45 000 a year", "$45 000", (45000.0,), "usd", "USD", "year"),
    (f"Pay: £45{NNBSP}000", f"£45{NNBSP}000", (45000.0,), "money", "GBP", None),
    (f"It took 1{NBSP}000 hours", f"1{NBSP}000 hours", (1000.0,), "hour", None, None),
    # periods
    ("Pay: $3,000/month", "$3,000/month", (3000.0,), "usd", "USD", "month"),
    ("Pay: $3,000 a month", "$3,000 a month", (3000.0,), "usd", "USD", "month"),
    ("Pay: $3,000 per month", "$3,000 per month", (3000.0,), "usd", "USD", "month"),
    ("Pay: $3,000 monthly", "$3,000 monthly", (3000.0,), "usd", "USD", "month"),
    ("Pay: $3,000/mo", "$3,000/mo", (3000.0,), "usd", "USD", "month"),
    ("Pay: $600 weekly", "$600 weekly", (600.0,), "usd", "USD", "week"),
    ("Pay: $600 a week", "$600 a week", (600.0,), "usd", "USD", "week"),
    ("Pay: $600/wk", "$600/wk", (600.0,), "usd", "USD", "week"),
    ("Pay: $45,000/yr", "$45,000", (45000.0,), "usd", "USD", "year"),
    ("Pay: $45,000/year", "$45,000", (45000.0,), "usd", "USD", "year"),
    ("Pay: $45,000 annually", "$45,000", (45000.0,), "usd", "USD", "year"),
    ("Pay: £24,000 per annum", "£24,000", (24000.0,), "money", "GBP", "year"),
    ("Pay: £24,000 p.a.", "£24,000", (24000.0,), "money", "GBP", "year"),
    ("Pay: £9.50 p/h", "£9.50 p/h", (9.5,), "money/hour", "GBP", "hour"),
    ("Pay: £9.50 ph", "£9.50 ph", (9.5,), "money/hour", "GBP", "hour"),
    ("Pay: $15/hr", "$15/hr", (15.0,), "usd/hour", "USD", "hour"),
    ("Pay: $15 an hour", "$15 an hour", (15.0,), "usd/hour", "USD", "hour"),
    ("Pay: $15 hourly", "$15 hourly", (15.0,), "usd/hour", "USD", "hour"),
    ("Pay: $120 per day", "$120 per day", (120.0,), "usd", "USD", "day"),
    ("Pay: $120 daily", "$120 daily", (120.0,), "usd", "USD", "day"),
    ("Pay: $120/day", "$120/day", (120.0,), "usd", "USD", "day"),
    ("Rates of $2,000 to $2,500 a month", "$2,000 to $2,500 a month", (2000.0, 2500.0), "usd", "USD", "month"),
    ("Rates of $2,000/month to $2,500/month", "$2,000/month to $2,500/month", (2000.0, 2500.0), "usd", "USD", "month"),
    ("Shifts of 8 hours a day", "8 hours a day", (8.0,), "hour", None, "day"),
    ("open 7 days a week", "7 days a week", (7.0,), "day", None, "week"),
    ("from 25 to 50 percent a year", "25 to 50 percent", (25.0, 50.0), "percent", None, "year"),
    # currency symbols and dashes damaged by encodings
    (f"Pay: {POUND_ONCE}30,000", f"{POUND_ONCE}30,000", (30000.0,), "money", "GBP", None),
    (f"Pay: {POUND_TWICE}30,000", f"{POUND_TWICE}30,000", (30000.0,), "money", "GBP", None),
    (f"Pay: {EURO_ONCE}30.000", f"{EURO_ONCE}30.000", (30000.0,), "money", "EUR", None),
    (f"Pay: {EURO_TWICE}30.000", f"{EURO_TWICE}30.000", (30000.0,), "money", "EUR", None),
    (f"Pay: 30.000 {EURO_ONCE}", f"30.000 {EURO_ONCE}", (30000.0,), "money", "EUR", None),
    (f"Pay: {RUPEE_ONCE}25,000", f"{RUPEE_ONCE}25,000", (25000.0,), "money", "INR", None),
    (
        f"Pay: {POUND_ONCE}30,000{EN_DASH_ONCE}{POUND_ONCE}35,000",
        f"{POUND_ONCE}30,000{EN_DASH_ONCE}{POUND_ONCE}35,000",
        (30000.0, 35000.0),
        "money",
        "GBP",
        None,
    ),
    (
        f"Pay: {EURO_TWICE}30.000{EN_DASH_TWICE}{EURO_TWICE}35.000",
        f"{EURO_TWICE}30.000{EN_DASH_TWICE}{EURO_TWICE}35.000",
        (30000.0, 35000.0),
        "money",
        "EUR",
        None,
    ),
    (f"Pay: 50{NBSP_ONCE}000 {EURO_ONCE}", f"50{NBSP_ONCE}000 {EURO_ONCE}", (50000.0,), "money", "EUR", None),
    # UTF-8 read as windows-1253 (Greek): "β€“" is an en dash, "β€”" an em dash
    (f"Pay: $40,000{EN_DASH_GREEK}$50,000", f"$40,000{EN_DASH_GREEK}$50,000", (40000.0, 50000.0), "usd", "USD", None),
    ("Pay: 30 to 40\u03b2\u20ac\u201d50 dollars", "40\u03b2\u20ac\u201d50 dollars", (40.0, 50.0), "usd", "USD", None),
    # amounts with no currency that the sentence, or the table's header, makes pay
    (
        "The annual salary is 40,000\u201365,000 for most leads.",
        "40,000\u201365,000",
        (40000.0, 65000.0),
        "money",
        None,
        None,
    ),
    (
        f"Leads earn 40,000{EN_DASH_GREEK}65,000 a year.",
        f"40,000{EN_DASH_GREEK}65,000",
        (40000.0, 65000.0),
        "money",
        None,
        "year",
    ),
    ("Wages: 14.71 to 22.60 an hour", "14.71 to 22.60 an hour", (14.71, 22.6), "money/hour", None, "hour"),
    ("Monthly pay of 3,200.50 per month", "3,200.50 per month", (3200.5,), "money", None, "month"),
    ("Leads earn 40,000–65,000, depending on the shift.", "40,000–65,000", (40000.0, 65000.0), "money", None, None),
    ("| Role | Annual salary |\n| --- | --- |\n| Team lead | 48,000 |", "48,000", (48000.0,), "money", None, None),
]


@pytest.mark.parametrize(("text", "figure_text", "values", "unit", "currency", "period"), WORLD_CASES)
def test_figure_from_anywhere(
    text: str, figure_text: str, values: tuple[float, ...], unit: str, currency: str | None, period: str | None
) -> None:
    figure = only(text)
    assert (figure.text, figure.values, figure.unit, figure.currency, figure.period) == (
        figure_text,
        values,
        unit,
        currency,
        period,
    )
    assert text[figure.start : figure.end] == figure_text
    assert figure.unit in UNITS
    assert figure.period is None or figure.period in PERIODS


@pytest.mark.parametrize(
    "text",
    [
        "Our 401k plan matches 4 of every 100.",  # a retirement plan, not forty thousand
        "Lift up to 50 pounds.",  # weight, not sterling
        "He knows PHP 7 well.",  # a programming language, not pesos
        "The centre employs 5 lakh people.",  # a head count
        "Call 020 7946 0000 today.",  # a telephone number, however spaced
        "One of the reasons, twenty of them.",
        "Twenty-five agents, and a thousand calls.",
        # a number shaped like money is not money unless its context makes it pay
        "The centre took 40,000\u201365,000 calls a year.",
        "Between 40,000 and 65,000 people applied.",
        "We handle 2,000 to 3,000 calls and pay well.",
        "Version 14.71 is out. Pay is good.",
        "| Role | Staff |\n| --- | --- |\n| Team lead | 48,000 |",
    ],
)
def test_no_figures_from_anywhere(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(("text", "figure_text", "values", "unit"), CASES)
def test_existing_formats_state_their_currency(
    text: str, figure_text: str, values: tuple[float, ...], unit: str
) -> None:
    figure = only(text)
    assert figure.currency == ("USD" if unit.startswith("usd") else None)
    stated = "hour" if unit == "usd/hour" else "year" if re.search(r"\b(a|per) year\b", text) else None
    assert figure.period == stated


def test_every_number_word_of_the_shared_vocabulary_is_read() -> None:
    words = {**NUMBER_WORDS, **TENS}
    for word, value in words.items():
        assert only(f"about {word} years").values == (float(value),), word
        assert only(f"{word.capitalize()} percent").values == (float(value),), word
    for tens, ten_value in TENS.items():
        for ones in ("one", "nine"):
            assert only(f"{tens}-{ones} days").values == (float(ten_value + NUMBER_WORDS[ones]),)
    for scale, scale_value in SCALES.items():
        assert only(f"two {scale} dollars").values == (2.0 * scale_value,), scale


def test_a_figure_never_spans_a_line_break_in_any_format() -> None:
    for text, *_ in WORLD_CASES:
        for figure in find_figures(text.replace(" ", "\n")):
            assert "\n" not in figure.text, (text, figure)
    figures = find_figures("earn 30 to 40 thousand\ndollars, or £24,000 per\nannum, or 50\u00a0000\n€")
    assert [(f.text, f.period) for f in figures] == [("£24,000", None)]


def test_mixed_text_gives_each_figure_its_currency_and_period() -> None:
    text = (
        "Agents: £9.50 ph or £24,000\u2013£28,000 per annum; leads 42K-55K; "
        "in Pune ₹25,000 per month after 2-3 years; shifts of 8 hours a day."
    )
    assert [(f.text, f.values, f.currency, f.period) for f in find_figures(text)] == [
        ("£9.50 ph", (9.5,), "GBP", "hour"),
        ("£24,000\u2013£28,000", (24000.0, 28000.0), "GBP", "year"),
        ("42K-55K", (42000.0, 55000.0), None, None),
        ("₹25,000 per month", (25000.0,), "INR", "month"),
        ("2-3 years", (2.0, 3.0), None, None),
        ("8 hours a day", (8.0,), None, "day"),
    ]


def test_an_amount_with_a_period_pairs_only_with_the_same_period() -> None:
    figures = find_figures("£2,000 a month and £30,000 a year")
    assert [(f.text, f.values, f.period) for f in figures] == [
        ("£2,000 a month", (2000.0,), "month"),
        ("£30,000", (30000.0,), "year"),
    ]


def test_a_descending_pair_of_k_amounts_is_two_amounts() -> None:
    figures = find_figures("bonuses of 5k and 2k, or 55000-42K")
    assert [(f.text, f.values) for f in figures] == [("5k", (5000.0,)), ("2k", (2000.0,)), ("42K", (42000.0,))]


def test_other_currencies_do_not_pair_into_one_range() -> None:
    figures = find_figures("£30,000 to €40,000")
    assert [(f.text, f.currency) for f in figures] == [("£30,000", "GBP"), ("€40,000", "EUR")]


HOSTILE = [
    "9" * 50_000,
    "9," * 25_000,
    "99,999" * 8_000,
    "9-" * 25_000,
    "9 " * 25_000,
    "999 " * 12_500,
    "9.999 " * 8_000,
    "$9-" * 16_000,
    "$" * 50_000,
    "9k-" * 16_000,
    "€9.999-" * 7_000,
    "99\u00a0999\u00a0" * 7_000,
    "twenty-" * 7_000,
    "twenty " * 7_000 + "years",
    "nine hundred and " * 3_000 + "dollars",
    "\u00e2\u20ac\u201c9" * 12_000,
    "9" * 50_000 + " years",
    "$" + "9" * 50_000 + "k",
    "salary " + "9,999 " * 8_000,
    "| pay |\n" + "| 9,999 |\n" * 5_000,
]


@pytest.mark.parametrize("line", HOSTILE, ids=range(len(HOSTILE)))
def test_a_long_hostile_line_finishes(line: str) -> None:
    # Linear-time matching is measured by scripts/bench_scan.py; here it has only to finish.
    figures = find_figures(line)
    for before, after in itertools.pairwise(figures):
        assert before.end <= after.start
    for figure in figures:
        assert line[figure.start : figure.end] == figure.text
