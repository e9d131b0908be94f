"""CPI-U inflation adjustment with the pinned ``cpi`` package (no network).

The series is the CPI for All Urban Consumers (CPI-U), U.S. city average, all items, annual
average (BLS series CUUR0000SA0), as shipped in the pinned ``cpi`` release. ``BASE_YEAR`` is the
latest year for which that release holds an annual average (which need not rest on twelve months:
see :func:`monthly`), ``FIRST_YEAR`` the first; a record's year must lie between them. The
release's values are checked against the reference values the official wage files come with
(:data:`REFERENCE`, :func:`reference_check`). The package warns on import that its data is older than today; the pinned data is the
point (same inputs, same outputs), so that one warning is silenced here, and only it.
"""

from __future__ import annotations

import warnings
from datetime import date
from functools import cache

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="CPI data is out of date")
    import cpi


BASE_YEAR: int = int(cpi.LATEST_YEAR)
#: The first year of the annual CPI-U series (the BLS series begins in 1913): no figure of an
#: earlier year can be adjusted, so no record may carry one (:mod:`analysis.core.schema`).
FIRST_YEAR: int = 1913
SERIES: str = "CPI-U, U.S. city average, all items, annual average (BLS series CUUR0000SA0)"
#: The CPI-U annual averages the official wage files list for reference (data/external/README.md,
#: "Notes for use"): the only values of the series the report can check the package's against.
REFERENCE: dict[int, float] = {2007: 207.342, 2023: 304.702, 2024: 313.689}


@cache
def cpi_u(year: int) -> float:
    """The CPI-U annual average of a year (looked up once per year: the package's lookup is slow)."""
    return float(cpi.get(int(year)))


@cache
def monthly(year: int) -> dict[int, float]:
    """The monthly CPI-U values of ``year`` the pinned package holds, by month (1 to 12)."""
    return {
        i.date.month: float(i.value)
        for i in sorted(cpi.series.get().indexes, key=lambda i: i.date)
        if i.period.type == "monthly" and i.year == year
    }


def latest_month() -> date:
    """The latest month for which the pinned package holds a monthly CPI-U value."""
    return max(i.date for i in cpi.series.get().indexes if i.period.type == "monthly")


def adjust(amount: float, from_year: int, to_year: int = BASE_YEAR) -> float:
    """``amount`` in dollars of ``from_year`` expressed in dollars of ``to_year``: the same
    arithmetic as ``cpi.inflate`` (amount times the target index, over the source index)."""
    if from_year == to_year:
        return float(amount)
    return float(amount) * cpi_u(to_year) / cpi_u(from_year)


def factor(from_year: int, to_year: int = BASE_YEAR) -> float:
    """The multiplier from ``from_year`` dollars to ``to_year`` dollars."""
    return cpi_u(to_year) / cpi_u(from_year)


def reference_check(years: list[int] | None = None) -> dict[str, list[int]]:
    """Which of the package's annual averages were checked against :data:`REFERENCE` and agree
    (``equal``), which disagree (``differ``), and which of ``years`` (the years an adjustment uses)
    have no reference value to be checked against (``unchecked``)."""
    equal = [y for y, v in sorted(REFERENCE.items()) if round(cpi_u(y), 3) == round(v, 3)]
    differ = [y for y in sorted(REFERENCE) if y not in equal]
    unchecked = sorted({int(y) for y in years or []} - set(REFERENCE))
    return {"equal": equal, "differ": differ, "unchecked": unchecked}
