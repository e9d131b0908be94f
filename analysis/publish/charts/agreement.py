"""The agreement chapter's chart: the undated average against the official wage distribution."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.chapters import pay
from analysis.chapters.agreement import average_data, band
from analysis.core import evidence, external
from analysis.publish import chart_style
from analysis.publish.chart import Chart, occupation, sources_in


def average_chart(data: pd.DataFrame) -> Figure:
    """The official wage distribution of an occupation by May year, with one undated figure
    drawn across every year (it cannot be placed in time)."""
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    years = rows["year"].astype(int)
    fig, ax = plt.subplots(figsize=(8, 5.0))
    ax.fill_between(
        years, rows["p10_annual_usd"], rows["p90_annual_usd"], color=chart_style.LIGHT, label="BLS 10th–90th percentile"
    )
    ax.fill_between(
        years, rows["p25_annual_usd"], rows["p75_annual_usd"], color="#A6A6A6", label="BLS 25th–75th percentile"
    )
    ax.plot(
        years,
        rows["median_annual_usd"],
        color="#000000",
        linewidth=2.5,
        marker="o",
        label=f"BLS median, {occupation(str(rows['soc_code'].iloc[0]))}",
    )
    ax.axhline(mine["value_usd"], color=chart_style.OKABE_ITO[5], linewidth=2.5, linestyle="--")
    ax.set_xticks(list(years))
    ax.yaxis.set_major_formatter(lambda v, _p: pay.money(v))
    ax.set_xlabel("May of year (BLS OEWS)")
    ax.set_ylabel("Annual wage, dollars of each year")
    handles = ax.get_legend_handles_labels()[0]
    handles.append(
        Line2D([], [], color=chart_style.OKABE_ITO[5], linewidth=2.5, linestyle="--", label=str(mine["label"]))
    )
    chart_style.legend_above(ax, handles)
    return fig


def _average_takeaway(data: pd.DataFrame) -> str:
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    first, last = rows.iloc[0], rows.iloc[-1]
    value = float(mine["value_usd"])
    where = (
        f"{band(value, first)} in May {int(first['year'])} and {band(value, last)} in May {int(last['year'])}"
        if band(value, first) != band(value, last)
        else f"{band(value, last)} in every May from {int(first['year'])} to {int(last['year'])}"
    )
    return (
        f"The undated {pay.money(value)} average falls {where} of official wages for "
        f"{occupation(str(first['soc_code']))}: with no year, it cannot be placed in time."
    )


def _average_alt(data: pd.DataFrame) -> str:
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    first, last = rows.iloc[0], rows.iloc[-1]
    return (
        f"Line and band chart of BLS wages for customer service representatives, one point per May year from "
        f"{int(first['year'])} to {int(last['year'])}: a light 10th to 90th percentile band, a darker 25th to "
        f"75th percentile band and a black median line from {pay.money(first['median_annual_usd'])} to "
        f"{pay.money(last['median_annual_usd'])}. A dashed orange line marks the undated average of "
        f"{pay.money(mine['value_usd'])}: {band(mine['value_usd'], first)} in {int(first['year'])} and "
        f"{band(mine['value_usd'], last)} in {int(last['year'])}."
    )


CHARTS = (
    Chart(
        "fig-agreement-average",
        "07-agreement",
        "The undated average against official wages",
        lambda: average_data(evidence.load_table("salaries"), external.load_oews()),
        average_chart,
        lambda d: (
            "The official wage distribution for customer service representatives by May year, with the "
            "undated second-hand average drawn across every year because it cannot be placed in time."
        ),
        _average_alt,
        takeaway=_average_takeaway,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"]],
    ),
)
