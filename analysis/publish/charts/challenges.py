"""The challenges chapter's charts: which article names which challenge, and the published rates of
leaving set beside the articles' claim of high turnover."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.chapters import matrices
from analysis.chapters.challenges import ROW_LABEL, matrix_data, rate_text, turnover_data
from analysis.core import external, sources
from analysis.publish import chart_style
from analysis.publish.chart import Chart
from analysis.publish.charts import matrices as matrices_charts


def turnover_chart(rates: pd.DataFrame, n_claiming: int, n_sources: int) -> Figure:
    """Published rates as horizontal ranges (a dot where low equals high, an arrow past an
    open-ended top), each with what it is and its caveat beneath, and a last row for the articles'
    own claim, which gives no number."""
    n = len(rates)
    fig, ax = plt.subplots(figsize=(8, 1.2 * (n + 1) + 1.2))
    top = float(rates["high_percent"].max())
    reach = top * 0.2
    labels = []
    for y, (_, rate) in enumerate(rates.iterrows()):
        colour = chart_style.OKABE_ITO[0] if rate["single"] else chart_style.OKABE_ITO[5]
        low, high = rate["low_percent"], rate["high_percent"]
        if rate["single"]:
            ax.plot(low, y, "D", color=colour, markersize=11, zorder=3)
        else:
            ax.plot([low, high], [y, y], color=colour, linewidth=14, solid_capstyle="butt", zorder=3)
        end = high
        if rate["open_high"]:
            ax.annotate(
                "",
                xy=(high + reach, y),
                xytext=(high, y),
                zorder=3,
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": colour,
                    "linewidth": 2.5,
                    "linestyle": (0, (2, 2)),
                    "mutation_scale": 18,
                },
            )
            end = high + reach
        ax.text(end + top * 0.03, y, rate_text(rate), va="center", fontsize=11, color=colour, fontweight="bold")
        note = textwrap.fill(f"{rate['kind']}, {rate['period']}: {rate['caveat']}", 56)
        ax.text(low, y + 0.2, note, va="top", fontsize=10, color=chart_style.GREY, style="italic")
        labels.append("\n".join(textwrap.wrap(str(rate["claim"]), 28)))
    ax.text(
        top * 0.01,
        n,
        f"“high turnover”: no rate given ({n_claiming} of {n_sources} articles)",
        va="center",
        fontsize=11,
        color=chart_style.GREY,
        style="italic",
    )
    labels.append("The articles’ own claim")
    ax.set_yticks(range(n + 1), labels, fontsize=10)
    ax.set_ylim(n + 0.6, -0.6)
    ax.set_xlim(0, top + reach + top * 0.35)
    ax.set_xlabel("Percent per year")
    ax.grid(axis="y", visible=False)
    return fig


def _turnover_chart(data: pd.DataFrame) -> Figure:
    rates, claim = data[data["kind"] != "articles"], data[data["kind"] == "articles"].iloc[0]
    return turnover_chart(rates.reset_index(drop=True), int(claim["n_claiming"]), int(claim["n_sources"]))


def _turnover_alt(data: pd.DataFrame) -> str:
    rates, claim = data[data["kind"] != "articles"], data[data["kind"] == "articles"].iloc[0]
    parts = [f"{r['claim']}: {rate_text(r)} ({r['kind']}, {r['period']}; {r['caveat']})" for _, r in rates.iterrows()]
    return (
        "Horizontal chart on an axis of percent per year, one row per published figure: "
        + "; ".join(parts)
        + f". A last row notes that {int(claim['n_claiming'])} of the "
        f"{int(claim['n_sources'])} articles call turnover high and give no rate."
    )


def _turnover_takeaway(data: pd.DataFrame) -> str:
    rates, claim = data[data["kind"] != "articles"], data[data["kind"] == "articles"].iloc[0]
    n, total = int(claim["n_claiming"]), int(claim["n_sources"])
    text = (
        f"{n} of the {total} articles call turnover high and give no rate"
        if n != 1
        else f"1 of the {total} articles calls turnover high and gives no rate"
    )
    if rates.empty:
        return f"{text}."
    low, high = float(rates["low_percent"].min()), float(rates["high_percent"].max())
    over = "over " if bool(rates.loc[rates["high_percent"] == high, "open_high"].any()) else ""
    return (
        f"{text}; the published rates drawn run from {low:g}% to {over}{high:g}% a year, and each measures "
        "something different."
    )


def _turnover_official(data: pd.DataFrame) -> list[str]:
    """The official series drawn: the separations rate is the projections' occupation's."""
    if not (data["source_id"] == external.BIBKEYS["separations"]).any():
        return []
    return [str(soc) for soc in dict.fromkeys(external.load_projections()["soc_code"])]


def _turnover_references(data: pd.DataFrame) -> list[str]:
    claim = data[data["kind"] == "articles"].iloc[0]
    ordered = [s for s in sources.source_ids() if s in str(claim["claimed_by"]).split(";")]
    return [*ordered, *data.loc[data["kind"] != "articles", "source_id"]]


CHARTS = (
    Chart(
        "fig-challenges-matrix",
        "05-challenges",
        "Which article names which challenge",
        matrix_data,
        lambda d: matrices_charts.matrix_figure(d, ROW_LABEL),
        lambda d: (
            "Which article names which challenge: a filled dot where an article names a challenge "
            "category, with its number of records; categories ordered by how many articles name them."
        ),
        lambda d: matrices_charts.matrix_alt(d, "a challenge category", "challenge categories"),
        takeaway=lambda d: matrices_charts.matrix_takeaway(d, "challenge category", "challenge categories"),
        references=matrices.credited,
    ),
    Chart(
        "fig-challenges-turnover",
        "05-challenges",
        "Published rates of leaving",
        turnover_data,
        _turnover_chart,
        lambda d: (
            "Published rates of leaving, in percent per year: a study's range of annual agent turnover "
            "in U.S. call centers, and the BLS occupational separations rate for customer service "
            "representatives, which counts workers leaving the occupation and is not a call-center "
            "turnover rate; the articles that call turnover high give no number."
        ),
        _turnover_alt,
        takeaway=_turnover_takeaway,
        references=_turnover_references,
        official=_turnover_official,
    ),
)
