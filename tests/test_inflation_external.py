"""CPI-U adjustment and the official reference files, against figures published by BLS."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.core import external, inflation


def test_cpi_u_annual_averages_match_bls_published_values() -> None:
    # CPI-U, U.S. city average, all items, annual averages as published by BLS
    assert inflation.cpi_u(2007) == pytest.approx(207.342)
    assert inflation.cpi_u(2023) == pytest.approx(304.702)
    assert inflation.cpi_u(2024) == pytest.approx(313.689)


def test_adjust_by_hand() -> None:
    # 25,702 (2007 dollars) * 313.689 / 207.342 = 38,884.7 (2024 dollars)
    assert inflation.adjust(25_702, 2007, 2024) == pytest.approx(38_884.7, abs=0.1)
    assert inflation.adjust(100, 2024, 2024) == 100
    assert inflation.factor(2007, 2023) == pytest.approx(1.46956, abs=1e-5)


def test_base_year_is_the_latest_year_with_an_annual_average_shipped() -> None:
    assert inflation.BASE_YEAR == 2025


def test_oews_latest_customer_service_representatives() -> None:
    row = external.oews_latest(external.load_oews(), "43-4051")
    assert (row["year"], row["median_annual_usd"], row["p10_annual_usd"], row["p90_annual_usd"]) == (
        2025,
        44770,
        31750,
        63590,
    )


def test_missing_column_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "oews.csv"
    bad.write_text("year,soc_code\n2025,43-4051\n", encoding="utf-8")
    with pytest.raises(external.ExternalDataError, match=r"oews\.csv: missing column\(s\) occupation"):
        external.load_oews(bad)
