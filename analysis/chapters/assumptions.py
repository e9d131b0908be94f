"""What the report reads into each pay figure that its sentence does not state, said where the figure
is shown: the currency and the country (a dollar sign read as U.S. dollars, set against U.S. prices
and U.S. wage statistics), the pay period (read from the figure's size where none is stated), and
the price index values that move a dated figure into another year's dollars.

No function here names a source: each says what the rows and texts it is given say.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping

import pandas as pd

from analysis.chapters import evidence_base, pay, prose
from analysis.core import inflation, markup
from analysis.core.sources import Source


def currency_words(row: pd.Series) -> str:
    """How a figure's currency is read: "$ read as U.S. dollars", or, where the sentence writes no
    currency, that the text's context gives it."""
    if "currency-from-context" in pay.flags(row):
        return "no currency written: read as U.S. dollars from the text's context"
    return "$ read as U.S. dollars"


def country_words(row: pd.Series) -> str:
    """The country a figure's sentence names, or that it names none (the article's other mentions of
    countries are :func:`assumptions_claim`'s)."""
    here = evidence_base.places(str(row["quote"]))
    return (
        f"its sentence names {prose.join([markup.quoted(p) for p in here])}"
        if here
        else "its sentence names no country"
    )


def period_words(row: pd.Series) -> str:
    """How a figure's pay period is read: as stated, or read as yearly from its size."""
    if pay.period_inferred(row):
        return "read as a year: no period stated"
    return f"stated by the {row['period']}"


def reading(row: pd.Series) -> str:
    """Everything the report reads into one pay figure, as one cell (MyST: the places it quotes are
    its sentence's words)."""
    return f"{currency_words(row)} ({country_words(row)}); {period_words(row)}"


def readings(salaries: pd.DataFrame) -> dict[tuple[str, str], str]:
    """:func:`reading` of every pay figure, by (source id, record id)."""
    return {(str(r["source_id"]), str(r["record_id"])): reading(r) for _, r in salaries.iterrows()}


def counts(salaries: pd.DataFrame) -> dict[str, int]:
    """How many figures: in all, whose sentence names a country, whose period is read from size."""
    named = sum(1 for q in salaries["quote"] if evidence_base.places(str(q)))
    inferred = sum(1 for _, r in salaries.iterrows() if pay.period_inferred(r))
    return {"figures": len(salaries), "country_named": named, "period_inferred": inferred}


def assumptions_claim(salaries: pd.DataFrame, corpus: Mapping[str, Source]) -> str:
    """What the report assumes of the pay figures, counted and cited, as MyST: the dollar sign read as
    U.S. dollars (and so set against U.S. prices and U.S. wage statistics) for every figure, though
    only some sentences name a country; the periods read from size."""
    if salaries.empty:
        return markup.Markup("No source gives a pay figure, so nothing is read into one.")
    n = counts(salaries)
    without = [
        str(s)
        for s in dict.fromkeys(salaries["source_id"])
        if not any(evidence_base.places(str(q)) for q in salaries.loc[salaries["source_id"] == s, "quote"])
    ]
    text = (
        f"The report reads every pay figure as U.S. dollars, adjusts the dated ones with the U.S. price index "
        f"and sets them against U.S. wage statistics; {prose.of(n['country_named'], n['figures'], 'figure')} "
        f"{'is' if n['country_named'] == 1 else 'are'} stated for a country in the sentence that gives "
        f"{'it' if n['country_named'] == 1 else 'them'}."
    )
    for source in without:
        elsewhere = evidence_base.places(corpus[source].text)
        where = (
            f"names {prose.join([markup.quoted(p) for p in elsewhere])} elsewhere"
            if elsewhere
            else "names no country at all"
        )
        text += (
            f" The pay sentences of {markup.cite(source, 't')} name no country, and the article {where}: for its "
            "figures the U.S. reading is the report's assumption."
        )
    if n["period_inferred"]:
        text += (
            f" For {prose.of(n['period_inferred'], n['figures'], 'figure')} the source states no pay period; "
            f"{'it is' if n['period_inferred'] == 1 else 'they are'} read as yearly from {'its' if n['period_inferred'] == 1 else 'their'} size."
        )
    return markup.Markup(text)


def cpi_basis(base_year: int = inflation.BASE_YEAR) -> dict[str, object]:
    """What the base year's CPI-U annual average rests on: its value, how many monthly values of that
    year the pinned package holds, which months it lacks, and the latest month it holds."""
    values = inflation.monthly(base_year)
    annual = inflation.cpi_u(base_year)
    return {
        "year": base_year,
        "value": annual,
        "months": len(values),
        "missing": [calendar.month_name[m] for m in range(1, 13) if m not in values],
        # whether the annual average is the mean of the months held (to the index's three decimals)
        "mean_of_months": bool(values) and round(sum(values.values()) / len(values), 3) == round(annual, 3),
        "latest": inflation.latest_month(),
    }


def cpi_words(years: list[int], base_year: int = inflation.BASE_YEAR) -> str:
    """The CPI-U values that move figures of ``years`` into ``base_year`` dollars, in words, with what
    the base year's annual average rests on: "CPI-U annual averages 2007 = 207.342 and 2025 =
    321.943 (the mean of 11 monthly values: the package holds none for October 2025)"."""
    basis = cpi_basis(base_year)
    values = [f"{y} = {inflation.cpi_u(y):.3f}" for y in sorted({*years, base_year})]
    missing = [f"{m} {base_year}" for m in basis["missing"]]  # type: ignore[attr-defined]
    if not basis["mean_of_months"]:
        rests = f"as the package gives it; it holds {basis['months']} monthly values of {base_year}"
    elif missing:
        rests = f"the mean of {basis['months']} monthly values: the package holds none for {prose.join(missing)}"
    else:
        rests = "the mean of its 12 monthly values"
    return f"CPI-U annual averages {prose.join(values)} ({rests})"


def cpi_note(years: list[int], base_year: int = inflation.BASE_YEAR) -> str:
    """The CPI-U values of an adjustment in a few words, for a chart's source line: "CPI-U 2007 =
    207.342, 2025 = 321.943 (11-month mean)", the months said only when some are missing."""
    basis = cpi_basis(base_year)
    values = ", ".join(f"{y} = {inflation.cpi_u(y):.3f}" for y in sorted({*years, base_year}))
    months = f" ({basis['months']}-month mean)" if basis["missing"] else ""
    return f"CPI-U {values}{months}"


def cpi_check_claim(years: list[int]) -> str:
    """Whether the package's CPI-U annual averages equal the reference values the official wage files
    list, and which of ``years`` (every year an adjustment uses) no reference value covers, as MyST."""
    check = inflation.reference_check(years)
    values = prose.join([f"{y} = {inflation.REFERENCE[y]:.3f}" for y in check["equal"]])
    if check["differ"]:
        differ = prose.join(
            [f"{y} ({inflation.cpi_u(y):.3f}, not {inflation.REFERENCE[y]:.3f})" for y in check["differ"]]
        )
        text = f"The package's CPI-U annual averages differ from the official files' reference values for {differ}."
    else:
        text = (
            f"The package's CPI-U annual averages for {prose.join([str(y) for y in check['equal']])} equal the "
            f"reference values the official wage files list ({values}), compared each time the report is built."
        )
    unchecked = check["unchecked"]
    if unchecked:
        text += (
            f" Those files list no value for {prose.join([str(y) for y in unchecked])}: the "
            f"{'value for that year is' if len(unchecked) == 1 else 'values for those years are'} the package's copy "
            "of the BLS series alone, checked against no official file here."
        )
    return markup.Markup(text)


def cpi_claim(years: list[int], base_year: int = inflation.BASE_YEAR) -> str:
    """Which CPI-U values the adjustment uses, what the base year's value rests on, why the base
    year is not a later one, and which question a price-adjusted figure answers (purchasing power,
    not what a role would pay, which a wage index would be needed for), as MyST."""
    basis = cpi_basis(base_year)
    latest = basis["latest"]
    return markup.Markup(
        f"The adjustment uses the {cpi_words(years, base_year)} {markup.cite('cpi-package')}. The package also "
        f"holds monthly values up to {calendar.month_name[latest.month]} {latest.year}; the report uses "  # type: ignore[attr-defined]
        f"annual averages only, so {base_year}, the latest year with one, is its base year. A price index answers "
        "one question: what a sum would buy. Pay surveys are usually brought to a common date with a wage index "
        "instead, such as the BLS Employment Cost Index, which follows what employers pay; the report holds no wage "
        "index, so none of its adjusted figures says what a role would pay in "
        f"{base_year}."
    )
