"""Conditions and metrics functions on small tables whose answers are worked out by hand."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.chapters import conditions
from analysis.publish import figures
from analysis.publish.charts import conditions as conditions_charts

ORDER = ["a", "b", "c", "d"]


def _conditions() -> pd.DataFrame:
    num = "Float64"
    return pd.DataFrame(
        {
            "source_id": pd.array(["b", "a", "c", "a", "b", "c", "d"], dtype="string"),
            "record_id": pd.array([f"r{i}" for i in range(1, 8)], dtype="string"),
            "aspect": pd.array(
                [
                    "opening-hours",
                    "opening-hours",
                    "opening-hours",
                    "shift-length",
                    "shift-length",
                    "schedule",
                    "training-duration",
                ],
                dtype="string",
            ),
            "value": pd.array(
                [
                    "open all hours",
                    "open 24/7",
                    "open 9 to 5",
                    "6-10 hours",
                    "5 hours",
                    "nights and weekends",
                    "a few days",
                ],
                dtype="string",
            ),
            "low": pd.array([None, None, None, 6, 5, None, None], dtype=num),
            "high": pd.array([None, None, None, 10, None, None, None], dtype=num),
            "hours_per_day": pd.array([None, 24, 8, None, None, None, None], dtype=num),
            "days_per_week": pd.array([None, 7, 5, None, None, None, None], dtype=num),
            "quote": pd.array(
                [
                    "We run Non-Stop.",
                    "Open 24/7.",
                    "Open 8 hours, 5 days.",
                    "Shifts of 6 to 10 hours.",
                    "Shifts of 5 hours.",
                    "You work Nights and weekends; open 24/7.",
                    "Training takes a few days.",
                ],
                dtype="string",
            ),
        }
    )


def test_round_the_clock_counts_numbers_or_words_in_opening_hours_only() -> None:
    # a: 24 h x 7 d stated; b: "non-stop" in words; c: 8 h x 5 d; the schedule record of c says
    # "24/7" but is not an opening-hours record, so c does not count.
    assert conditions.round_the_clock(_conditions(), ORDER) == ["a", "b"]
    assert conditions.round_the_clock(_conditions(), ["b", "a", "c", "d"]) == ["b", "a"]


def test_single_value_needs_exactly_one_distinct_number() -> None:
    table = _conditions()
    assert conditions.single_value(table[table["source_id"] == "a"], "hours_per_day") == 24.0
    with pytest.raises(ValueError, match="found 2"):
        conditions.single_value(table, "hours_per_day")
    with pytest.raises(ValueError, match="found 0"):
        conditions.single_value(table[table["source_id"] == "d"], "days_per_week")


def test_stated_range_spans_all_records_and_high_falls_back_to_low() -> None:
    table = _conditions()
    assert conditions.stated_range(table, "shift-length") == (5.0, 10.0)
    assert conditions.stated_range(table[table["source_id"] == "b"], "shift-length") == (5.0, 5.0)
    with pytest.raises(ValueError, match="training-duration"):
        conditions.stated_range(table, "training-duration")


def test_numbers_stated_counts_records_with_any_number() -> None:
    table = _conditions()
    assert conditions.numbers_stated(table, "opening-hours") == 2  # a and c; b is words only
    assert conditions.numbers_stated(table, "shift-length") == 2
    assert conditions.numbers_stated(table, "training-duration") == 0


def test_term_presence_is_case_insensitive_keeps_term_order_and_all_sources() -> None:
    terms = {"weekends": r"\bweekends?\b", "nights": r"\bnights?\b", "holidays": r"\bholidays?\b"}
    found = conditions.term_presence(_conditions(), terms, ORDER)
    assert found.index.tolist() == ["weekends", "nights", "holidays"]
    assert found.columns.tolist() == ORDER
    assert found.loc["nights"].tolist() == [False, False, True, False]
    assert found.loc["holidays"].sum() == 0
    assert conditions.sources_naming_all(found.loc[["weekends", "nights"]]) == ["c"]
    assert conditions.sources_naming_all(found) == []


def test_named_by_counts_and_cites_in_column_order() -> None:
    found = pd.DataFrame({"a": [True, False], "b": [True, False]}, index=["x", "y"])
    table = conditions.named_by(found)
    assert table.to_dict("records") == [
        {"Item": "x", "Sources": 2, "Named by": ["a", "b"]},
        {"Item": "y", "Sources": 0, "Named by": []},
    ]


def test_items_named_searches_only_the_aspect_of_each_group() -> None:
    groups = {"schedule": {"nights": r"nights", "open": r"24/7"}, "opening-hours": {"open": r"24/7"}}
    table = conditions.items_named(_conditions(), groups, ORDER)
    assert table.to_dict("records") == [
        {"Aspect": "Schedule", "Item": "nights", "Sources": 1, "Named by": ["c"]},
        {"Aspect": "Schedule", "Item": "open", "Sources": 1, "Named by": ["c"]},
        {"Aspect": "Opening hours", "Item": "open", "Sources": 1, "Named by": ["a"]},
    ]


def test_single_source_and_coverage_of_a_presence_matrix() -> None:
    counts = pd.DataFrame(
        {"a": [2, 0, 1], "b": [1, 0, 0], "c": [0, 3, 0]}, index=pd.Index(["pay", "hours", "dress"], name="aspect")
    )
    assert conditions.single_source(counts).to_dict("records") == [
        {"key": "hours", "source_id": "c"},
        {"key": "dress", "source_id": "a"},
    ]
    assert conditions.coverage(counts).to_dict() == {"a": 2, "b": 1, "c": 1}


def test_aspect_table_follows_aspect_then_source_order() -> None:
    table = conditions.aspect_table(_conditions(), ("shift-length", "opening-hours"), ORDER)
    assert table.columns.tolist() == [
        "Aspect",
        "source_id",
        "What the source says",
        "Hedge",
        "In its own words",
        "record_id",
    ]
    assert list(zip(table["Aspect"], table["source_id"], strict=True)) == [
        ("Shift length", "a"),
        ("Shift length", "b"),
        ("Opening hours", "a"),
        ("Opening hours", "b"),
        ("Opening hours", "c"),
    ]
    assert table.loc[0, "In its own words"] == "\u201cShifts of 6 to 10 hours.\u201d"


def _metrics() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": pd.array(["b", "b", "a", "c"], dtype="string"),
            "record_id": pd.array(["m1", "m2", "m3", "m4"], dtype="string"),
            "metric": pd.array(["sales goals", "call duration", "being helpful", "CSAT"], dtype="string"),
            "category": pd.array(["sales", "handle-time", "service-quality", "satisfaction"], dtype="string"),
            "quote": pd.array(
                [
                    "Key Performance Indicators like call duration and sales goals.",
                    "Key Performance Indicators like call duration and sales goals.",
                    "Management watches how helpful you are.",
                    "You must meet performance metrics such as CSAT.",
                ],
                dtype="string",
            ),
        }
    )


def test_metric_table_orders_by_source_then_category_and_labels_categories() -> None:
    table = conditions.metric_table(_metrics(), ORDER)
    assert table["source_id"].tolist() == ["a", "b", "b", "c"]
    # within b, handle time comes before sales in the category order
    assert table["Category"].tolist() == ["Service quality", "Time per call", "Sales", "Customer satisfaction"]
    assert table.loc[1, "Metric (as the source puts it)"] == "call duration"


def test_explicit_measures_are_sources_that_say_metrics_or_indicators() -> None:
    assert conditions.explicit_measures(_metrics(), ORDER) == ["b", "c"]


def test_chapter_figures_are_registered_and_draw() -> None:
    assert {c.name for c in conditions_charts.CHARTS} == {"fig-conditions-matrix", "fig-metrics-matrix"}
    registry = figures.registry()
    for chart in conditions_charts.CHARTS:
        assert registry[chart.name].title == chart.title
        fig = figures.build(chart.name)
        assert isinstance(fig, Figure)
        plt.close(fig)


def test_the_metrics_chart_line_states_its_basis_and_the_texts_when_they_differ() -> None:
    from analysis.chapters import matrices as matrices_chapter
    from analysis.core import evidence as evidence_core
    from analysis.core import sources as sources_core

    chart = next(c for c in conditions_charts.CHARTS if c.name == "fig-metrics-matrix")
    line = chart.takeaway(chart.data())
    named = matrices_chapter.summary(
        conditions.named_measures(evidence_core.load_table("metrics")), sources_core.source_ids()
    )
    if named.empty:
        assert line.startswith("Counting what a source says work is judged on, named as a measure or not")
    else:  # the text's count, on the text's basis, leads; the dots drawn follow
        assert line.startswith("Counting only what a source names as a measure")
        assert "Counting also the aims and duties a source ties to the work (the dots drawn)" in line
        assert f"with {int(named['sources'].max())} of the {len(sources_core.source_ids())} sources" in line
