"""Where the sources agree and disagree: with each other and with the official statistics."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import charts, evidence, external, pay, report

BANDS: tuple[tuple[str, str], ...] = (
    ("p10_annual_usd", "below the 10th percentile"),
    ("p25_annual_usd", "between the 10th and 25th percentiles"),
    ("median_annual_usd", "between the 25th percentile and the median"),
    ("p75_annual_usd", "between the median and the 75th percentile"),
    ("p90_annual_usd", "between the 75th and 90th percentiles"),
)


def band(value: float, row: pd.Series) -> str:
    """Where a dollar figure falls in one OEWS wage distribution, in words."""
    for column, words in BANDS:
        if value < row[column]:
            return words
    return "above the 90th percentile"


def against_distribution(value: float, oews: pd.DataFrame, soc_code: str) -> pd.DataFrame:
    """A figure set against every May year's distribution of one occupation."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    return pd.DataFrame({
        "year": rows["year"].astype(int).to_numpy(),
        "median_annual_usd": rows["median_annual_usd"].to_numpy(),
        "share_of_median": (value / rows["median_annual_usd"]).to_numpy(),
        "position": [band(value, r) for _, r in rows.iterrows()],
    })


def entry_education(requirements: pd.DataFrame) -> pd.DataFrame:
    """Education the sources ask of front-line or unspecified call-center jobs, one row per record."""
    rows = requirements[(requirements["requirement"] == "education")
                        & requirements["tier"].isin(["frontline", "unspecified"])]
    return rows[["source_id", "role", "education", "necessity", "quote"]].reset_index(drop=True)


def average_chart(value: float, oews: pd.DataFrame, soc_code: str, label: str) -> Figure:
    """The official wage distribution of an occupation by May year, with one undated figure
    drawn across every year (it cannot be placed in time)."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    years = rows["year"].astype(int)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    ax.fill_between(years, rows["p10_annual_usd"], rows["p90_annual_usd"], color=charts.LIGHT,
                    label="BLS 10th–90th percentile")
    ax.fill_between(years, rows["p25_annual_usd"], rows["p75_annual_usd"], color="#A6A6A6",
                    label="BLS 25th–75th percentile")
    ax.plot(years, rows["median_annual_usd"], color="#000000", linewidth=2.5, marker="o",
            label="BLS median")
    ax.axhline(value, color=charts.OKABE_ITO[5], linewidth=2.5, linestyle="--")
    ax.set_xticks(list(years))
    ax.yaxis.set_major_formatter(lambda v, _p: pay.money(v))
    ax.set_xlabel("May of year (BLS OEWS)")
    ax.set_ylabel("Annual wage, dollars of each year")
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Line2D([], [], color=charts.OKABE_ITO[5], linewidth=2.5, linestyle="--"))
    labels.append(label)
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


def undated_average(salaries: pd.DataFrame) -> pd.Series:
    """The undated, second-hand average the sources quote (the only 'average' without a year)."""
    rows = salaries[(salaries["statistic"] == "average") & salaries["year"].isna()]
    if len(rows) != 1:
        raise ValueError(f"expected one undated average in salaries.csv, found {len(rows)}")
    return rows.iloc[0]


def _fig_average() -> Figure:
    salaries = evidence.load_table("salaries")
    avg = undated_average(salaries)
    who = f" (via {avg['cited_from']})" if pd.notna(avg["cited_from"]) else ""
    oews = external.load_oews()
    fig = average_chart(float(avg["low_usd"]), oews, "43-4051", f"undated average{who}, as written")
    years = oews.loc[oews["soc_code"] == "43-4051", "year"]
    charts.source_line(fig, report.source_line([str(avg["source_id"])],
                                                f"BLS OEWS May {years.min()}–{years.max()}"))
    return fig


FIGURES = {"fig-agreement-average": _fig_average}

