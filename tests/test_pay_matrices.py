"""Pay and matrix functions on small tables whose answers are worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.chapters import matrices, pay


def _salaries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "b", "b"],
            "record_id": ["r1", "r2", "r3", "r4", "r5"],
            "role": ["Rep", "Senior rep", "Manager", "Rep", "Rep"],
            "tier_level": [1, 2, 5, 1, 1],
            "statistic": ["range", "range", "range", "average", "threshold"],
            "low_usd": [20_000.0, 29_000.0, 50_000.0, 32_000.0, 50_000.0],
            "high_usd": [30_000.0, 40_000.0, 70_000.0, None, None],
            "period": ["year"] * 5,
            "year": pd.array([2007, 2007, 2007, None, None], dtype="Int64"),
        }
    )


def test_lowest_and_highest_ranges_by_midpoint() -> None:
    low, high = pay.lowest_range(_salaries()), pay.highest_range(_salaries())
    assert (low["role"], low["midpoint_usd"]) == ("Rep", 25_000.0)
    assert (high["role"], high["midpoint_usd"]) == ("Manager", 60_000.0)


def test_adjust_leaves_undated_figures_empty() -> None:
    adj = pay.adjust(_salaries(), base_year=2024)
    # 20,000 * 313.689 / 207.342 = 30,258.1
    assert adj.loc[0, "low_adj_usd"] == pytest.approx(30_258.1, abs=0.1)
    assert adj["low_adj_usd"].isna().tolist() == [False, False, False, True, True]


def test_overlapping_ranges_of_any_two_rungs() -> None:
    pairs = pay.overlaps(_salaries())
    assert pairs.to_dict("records") == [
        {
            "source_id": "a",
            "lower_role": "Rep",
            "upper_role": "Senior rep",
            "lower_record_id": "r1",
            "upper_record_id": "r2",
            "lower_high_usd": 30_000.0,
            "upper_low_usd": 29_000.0,
            "overlap_usd": 1_000.0,
            "lower_hedge": None,  # the table states no hedge: none to carry into the claim
            "upper_hedge": None,
        }
    ]


def test_a_wide_front_line_range_overlaps_a_rung_it_does_not_touch_in_order() -> None:
    # A second front-line range, 15,000-35,000, sorts before Rep by its low end, so it is not Senior
    # rep's neighbour; it still overlaps Senior rep (29,000-40,000) by 35,000 - 29,000 = 6,000.
    extra = pd.DataFrame(
        {
            "source_id": ["a"],
            "record_id": ["r6"],
            "role": ["Web rep"],
            "tier_level": [1],
            "statistic": ["range"],
            "low_usd": [15_000.0],
            "high_usd": [35_000.0],
            "period": ["year"],
            "year": pd.array([2007], dtype="Int64"),
        }
    )
    pairs = pay.overlaps(pd.concat([_salaries(), extra], ignore_index=True))
    assert pairs[["lower_role", "upper_role", "overlap_usd"]].values.tolist() == [
        ["Web rep", "Senior rep", 6_000.0],
        ["Rep", "Senior rep", 1_000.0],
    ]


def test_presence_matrix_orders_by_number_of_sources() -> None:
    table = pd.DataFrame(
        {"source_id": ["a", "a", "b", "b", "c"], "category": ["pay", "health", "pay", "pay", "stress"]}
    )
    counts = matrices.presence(table, ["a", "b", "c", "d"])
    assert counts.index.tolist() == ["pay", "health", "stress"]
    assert counts.loc["pay"].tolist() == [1, 2, 0, 0]
    assert counts["d"].sum() == 0
    summary = matrices.summary(table, ["a", "b", "c", "d"])
    assert summary.iloc[0].to_dict() == {"category": "pay", "sources": 2, "records": 3, "named_by": "a, b"}
