"""Tests for analysis.scan: every expected value below is written by hand."""

from __future__ import annotations

import pytest

from analysis.scan import UNITS, Figure, find_figures, line_col

EN_DASH_ONCE = "\u00e2\u20ac\u201c"  # "â€“": an en dash, UTF-8 read as windows-1252
EM_DASH_ONCE = "\u00e2\u20ac\u201d"  # "â€”": an em dash, the same way
EN_DASH_TWICE = "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac\u0153"  # "Ã¢â‚¬â€œ": damaged twice
EM_DASH_TWICE = "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac\u009d"  # "Ã¢â‚¬â€" + U+009D


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
    (f"Pay: $40,000{EN_DASH_ONCE}$50,000", f"$40,000{EN_DASH_ONCE}$50,000",
     (40000.0, 50000.0), "usd"),
    (f"Pay: $40,000 {EM_DASH_ONCE} $50,000", f"$40,000 {EM_DASH_ONCE} $50,000",
     (40000.0, 50000.0), "usd"),
    (f"Pay: $40,000{EN_DASH_TWICE}$50,000", f"$40,000{EN_DASH_TWICE}$50,000",
     (40000.0, 50000.0), "usd"),
    (f"Pay: $40,000{EM_DASH_TWICE}$50,000", f"$40,000{EM_DASH_TWICE}$50,000",
     (40000.0, 50000.0), "usd"),
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
    for before, after in zip(figures, figures[1:]):
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


def test_figure_is_frozen() -> None:
    figure = only("$5")
    with pytest.raises(AttributeError):
        figure.text = "$6"  # type: ignore[misc]
