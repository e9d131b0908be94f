"""The agreement chapter's chart: the undated averages against the official wage distribution."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.chapters import pay, prose
from analysis.chapters.agreement import average_data, band
from analysis.core import evidence, external
from analysis.publish import chart_style
from analysis.publish.chart import Chart, occupation, sources_in

#: The line styles that tell the undated averages apart, in turn.
STYLES: tuple[Any, ...] = ("--", ":", "-.", (0, (5, 1, 1, 1)))


def average_chart(data: pd.DataFrame) -> Figure:
    """The official wage distribution of an occupation by May year, with each undated figure
    drawn across every year (it cannot be placed in time)."""
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"]
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
    for k, (_, avg) in enumerate(mine.iterrows()):
        ax.axhline(avg["value_usd"], color=chart_style.OKABE_ITO[5], linewidth=2.5, linestyle=STYLES[k % len(STYLES)])
    ax.set_xticks(list(years))
    ax.yaxis.set_major_formatter(lambda v, _p: pay.money(v))
    ax.set_xlabel("May of year (BLS OEWS)")
    ax.set_ylabel("Annual wage, dollars of each year")
    handles = ax.get_legend_handles_labels()[0]
    for k, (_, avg) in enumerate(mine.iterrows()):
        who = f"{prose.short_ref(str(avg['source_id']))}: " if len(mine) > 1 else ""
        handles.append(
            Line2D(
                [],
                [],
                color=chart_style.OKABE_ITO[5],
                linewidth=2.5,
                linestyle=STYLES[k % len(STYLES)],
                label=f"{who}{avg['label']}",
            )
        )
    chart_style.legend_above(ax, handles)
    return fig


def _occupation(data: pd.DataFrame) -> str:
    return external.PROXIES[str(data["soc_code"].dropna().iloc[0])].occupation.lower()


def _where(value: float, first: pd.Series, last: pd.Series) -> str:
    """Where one undated figure falls in the first and the last May's distribution, in words."""
    if band(value, first) != band(value, last):
        return f"{band(value, first)} in May {int(first['year'])} and {band(value, last)} in May {int(last['year'])}"
    return f"{band(value, last)} in every May from {int(first['year'])} to {int(last['year'])}"


def _average_takeaway(data: pd.DataFrame) -> str:
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"]
    first, last = rows.iloc[0], rows.iloc[-1]
    whom = occupation(str(first["soc_code"]))
    if mine.empty:
        return (
            f"No source gives an undated average to set against official wages for {whom}, "
            f"{external.EVERY_INDUSTRY}: the chart shows those wages alone."
        )
    if len(mine) == 1:
        value = float(mine["value_usd"].iloc[0])
        return (
            f"The undated {pay.money(value)} average falls {_where(value, first, last)} of official wages for "
            f"{whom}, {external.EVERY_INDUSTRY}: with no year, it cannot be placed in time."
        )
    said = "; ".join(f"{pay.money(float(v))} falls {_where(float(v), first, last)}" for v in mine["value_usd"])
    return (
        f"Against official wages for {whom}, {external.EVERY_INDUSTRY}, the {len(mine)} undated averages cannot "
        f"be placed in time: {said}."
    )


def _average_alt(data: pd.DataFrame) -> str:
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"]
    first, last = rows.iloc[0], rows.iloc[-1]
    lines = []
    for _, avg in mine.iterrows():
        whose = f" ({prose.short_ref(str(avg['source_id']))})" if len(mine) > 1 else ""
        value = avg["value_usd"]
        lines.append(
            f"a dashed orange line marks the undated average of {pay.money(value, True)}{whose}: "
            f"{band(value, first)} in {int(first['year'])} and {band(value, last)} in {int(last['year'])}"
        )
    said = "; ".join(lines) or "no undated average is drawn"
    return (
        f"Line and band chart of BLS wages for {_occupation(data)}, one point per May year from "
        f"{int(first['year'])} to {int(last['year'])}: a light 10th to 90th percentile band, a darker 25th to "
        f"75th percentile band and a black median line from {pay.money(first['median_annual_usd'])} to "
        f"{pay.money(last['median_annual_usd'])}. {said[0].upper()}{said[1:]}."
    )


def _average_caption(data: pd.DataFrame) -> str:
    mine = data[data["row"] == "source"]
    n, left = len(mine), int(data["left_out"].max()) if len(data) else 0
    second_hand = " second-hand" if n and mine["second_hand"].astype(bool).all() else ""
    drawn = f"the undated{second_hand} average" if n == 1 else f"the {n} undated{second_hand} averages"
    # The takeaway, which the caption starts with, has said already how broad the occupation is.
    across = (
        f", with {drawn} drawn across every year because {'it' if n == 1 else 'they'} cannot be placed in time"
        if n
        else ""
    )
    text = (
        f"The official wage distribution for {_occupation(data)} by May year{across}. "
        f"{external.OEWS_TIME_SERIES_CAUTION}."
    )
    if left:
        text += (
            f" Left out: {prose.plural(left, 'undated average')} of other rungs, set in the text against "
            "their own occupations."
        )
    return text


CHARTS = (
    Chart(
        "fig-agreement-average",
        "07-agreement",
        "The undated average against official wages",
        lambda: average_data(evidence.load_table("salaries"), external.load_oews()),
        average_chart,
        _average_caption,
        _average_alt,
        takeaway=_average_takeaway,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"], external.BIBKEYS["oews-faq"]],
        notes=lambda d: [external.OEWS_TIME_SERIES_CAUTION],
    ),
)
